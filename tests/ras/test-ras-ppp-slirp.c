/*
 * test-ras-ppp-slirp.c - our PPP link (providers/ras/ppp/ppp-link.c) against
 * the real far side: Debian's slirp 1.0.17 in PPP mode on a socketpair,
 * started as docs/research/slirp-ppp-peer.md prescribes (own HOME with
 * secrets files, "name" before "ppp", +pap/+chap after it, ppp_exit,
 * nozeros, "dns 10.0.2.3", the select() shim preloaded, inside
 * `unshare -n` so no traffic can leave). Expects 10.0.2.15 / DNS 10.0.2.3
 * with no auth, PAP and CHAP, and 691 for a wrong password.
 *
 * If slirp, unshare or the shim are missing the tests FAIL, loudly: this
 * program is only in TESTS where slirp is known to run.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <netrouter/ras.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cunit-main.h"
#include "ppp-link.h"

NRT_SUITE("ras-ppp-slirp", .ignore_sigpipe = true);

#ifndef SLIRP_SHIM
#define SLIRP_SHIM "tests/ras/.libs/slirp-select-fix.so"
#endif

typedef struct slirp_proc {
    pid_t pid;
    int fd;           /* our end of the line */
    char home[64];
} slirp_proc;

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[128];
    FILE *f;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "w");
    NRT_NOT_NULL_FATAL(f);
    fputs(text, f);
    fclose(f);
    chmod(path, 0600);
}

/* auth: NULL, "+pap" or "+chap". */
static bool start_slirp(slirp_proc *s, const char *auth)
{
    int sv[2];

    if (access(SLIRP_SHIM, R_OK) != 0) {
        fprintf(stderr, "slirp test: the select() shim %s is missing\n", SLIRP_SHIM);
        return false;
    }
    if (access("/usr/bin/slirp", X_OK) != 0 || access("/usr/bin/unshare", X_OK) != 0) {
        fprintf(stderr, "slirp test: /usr/bin/slirp or /usr/bin/unshare missing (apt-get install slirp)\n");
        return false;
    }
    snprintf(s->home, sizeof s->home, "/tmp/nr-slirp-XXXXXX");
    if (!mkdtemp(s->home))
        return false;
    write_file(s->home, ".pap-secrets", "alice * s3cret\n");
    write_file(s->home, ".chap-secrets", "alice rasprov s3cret\n");
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
        return false;
    s->pid = fork();
    if (s->pid < 0)
        return false;
    if (s->pid == 0) {
        int null = open("/dev/null", O_RDWR);
        dup2(sv[1], 0);
        dup2(null, 1);
        dup2(null, 2);
        setenv("HOME", s->home, 1);
        setenv("LD_PRELOAD", SLIRP_SHIM, 1);
        if (auth)
            execl("/usr/bin/unshare", "unshare", "-n", "--", "/usr/bin/slirp", "name rasprov", "ppp", "ppp_exit",
                  "nozeros", "dns 10.0.2.3", auth, (char *)NULL);
        else
            execl("/usr/bin/unshare", "unshare", "-n", "--", "/usr/bin/slirp", "ppp", "ppp_exit", "nozeros",
                  "dns 10.0.2.3", (char *)NULL);
        _exit(127);
    }
    close(sv[1]);
    s->fd = sv[0];
    fcntl(s->fd, F_SETFL, O_NONBLOCK);
    return true;
}

static void stop_slirp(slirp_proc *s)
{
    char cmd[128];
    int i, status;

    close(s->fd);
    for (i = 0; i < 50 && waitpid(s->pid, &status, WNOHANG) == 0; i++)
        usleep(20000);
    if (i == 50) {
        kill(s->pid, SIGTERM);
        waitpid(s->pid, &status, 0);
    }
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", s->home);
    if (system(cmd) != 0)
        fprintf(stderr, "slirp test: could not remove %s\n", s->home);
}

static unsigned dial(const char *auth, const char *password, nr_ppp_projection *proj, char *text, size_t size)
{
    slirp_proc s;
    nr_ppp_link_config cfg;
    nr_ppp_link *l;
    const char *t;
    unsigned err;
    int i;

    NRT_TRUE_FATAL(start_slirp(&s, auth));
    nr_ppp_link_config_init(&cfg);
    cfg.user = "alice";
    cfg.password = password;
    cfg.timeout_ms = 20000;
    NRT_EQ_FATAL(nr_ppp_link_new(s.fd, &cfg, NULL, NULL, &l), 0);
    nr_ppp_link_start(l);
    err = nr_ppp_link_run(l, -1);
    *proj = *nr_ppp_link_projection(l);
    nr_ppp_link_error(l, &t);
    snprintf(text, size, "%s", t);
    if (err == 0) { /* hang up politely; slirp exits (ppp_exit) */
        nr_ppp_link_close(l);
        for (i = 0; i < 100 && nr_ppp_link_phase(l) != NR_PPP_PHASE_DEAD; i++)
            nr_ppp_link_step(l, -1, 100);
        NRT_EQ(nr_ppp_link_phase(l), NR_PPP_PHASE_DEAD);
    }
    nr_ppp_link_free(l);
    stop_slirp(&s);
    return err;
}

NRT_TEST(test_slirp_without_auth_gives_10_0_2_15_and_dns_10_0_2_3)
{
    nr_ppp_projection p;
    char text[320];

    NRT_EQ(dial(NULL, "", &p, text, sizeof text), 0);
    NRT_EQ(p.our_addr, 0x0a00020f);
    NRT_EQ(p.server_addr, 0x0a000202);
    NRT_EQ(p.dns[0], 0x0a000203);
    NRT_EQ(p.auth_protocol, 0);
}

NRT_TEST(test_slirp_with_pap_gives_10_0_2_15)
{
    nr_ppp_projection p;
    char text[320];

    NRT_EQ(dial("+pap", "s3cret", &p, text, sizeof text), 0);
    NRT_EQ(p.our_addr, 0x0a00020f);
    NRT_EQ(p.dns[0], 0x0a000203);
    NRT_EQ(p.auth_protocol, NR_PPP_PROTO_PAP);
    NRT_EQ_STR(p.auth_message, "Login ok");
}

NRT_TEST(test_slirp_with_chap_gives_10_0_2_15)
{
    nr_ppp_projection p;
    char text[320];

    NRT_EQ(dial("+chap", "s3cret", &p, text, sizeof text), 0);
    NRT_EQ(p.our_addr, 0x0a00020f);
    NRT_EQ(p.dns[0], 0x0a000203);
    NRT_EQ(p.auth_protocol, NR_PPP_PROTO_CHAP);
    NRT_CONTAINS(p.auth_message, "Welcome");
}

NRT_TEST(test_slirp_with_a_wrong_pap_password_gives_691)
{
    nr_ppp_projection p;
    char text[320];

    NRT_EQ(dial("+pap", "wrong", &p, text, sizeof text), ERROR_AUTHENTICATION_FAILURE);
    NRT_CONTAINS(text, "Login incorrect");
}

NRT_TEST(test_slirp_with_a_wrong_chap_password_gives_691)
{
    nr_ppp_projection p;
    char text[320];

    NRT_EQ(dial("+chap", "wrong", &p, text, sizeof text), ERROR_AUTHENTICATION_FAILURE);
    NRT_CONTAINS(text, "Go 'way");
}
