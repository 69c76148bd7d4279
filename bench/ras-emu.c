/*
 * bench/ras-emu.c - the modem emulator with slirp behind it, for the RAS
 * benchmarks (see ras-emu.h).  The same start-up as tests/ras/slirp-env.sh
 * without authentication: slirp's own HOME, the select() shim preloaded,
 * ppp_exit and nozeros, a private network namespace (unshare -n) so that no
 * traffic leaves.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"
#include "ras-emu.h"

#ifndef BENCH_BUILDDIR
#error "BENCH_BUILDDIR must name the build tree"
#endif

const char *bench_emu_unavailable(void)
{
    if (access("/usr/bin/slirp", X_OK) != 0 || access("/usr/bin/unshare", X_OK) != 0)
        return "/usr/bin/slirp or /usr/bin/unshare is missing (scripts/install-deps.sh installs them)";
    if (access(BENCH_BUILDDIR "/tests/ras/modem-emu", X_OK) != 0 ||
        access(BENCH_BUILDDIR "/tests/ras/.libs/slirp-select-fix.so", R_OK) != 0)
        return "tests/ras/modem-emu or the slirp shim is not built (make bench builds them)";
    if (geteuid() != 0)
        return "not root: slirp needs a network namespace of its own (unshare -n)";
    return NULL;
}

void bench_emu_start(bench_emu *e, const char *work, const char *tag)
{
    char *home = bench_printf("%s/home.%s", work, tag);
    char *cmd = bench_printf("HOME='%s' LD_PRELOAD='%s/tests/ras/.libs/slirp-select-fix.so' exec unshare -n -- "
                             "slirp ppp ppp_exit nozeros 'dns 10.0.2.3' 2>/dev/null",
                             home, BENCH_BUILDDIR);
    const char *prog = BENCH_BUILDDIR "/tests/ras/modem-emu";
    int out[2];
    FILE *f;

    if (mkdir(home, 0700) != 0)
        bench_die("mkdir %s: %s", home, strerror(errno));
    if (pipe(out) != 0)
        bench_die("pipe: %s", strerror(errno));
    e->pid = fork();
    if (e->pid < 0)
        bench_die("fork: %s", strerror(errno));
    if (e->pid == 0) {
        setpgid(0, 0); /* its own group: slirp can be stopped with it */
        dup2(out[1], 1);
        close(out[0]);
        close(out[1]);
        execl(prog, prog, "--answer", "connect", "--exec", cmd, (char *)NULL);
        _exit(127);
    }
    close(out[1]);
    f = fdopen(out[0], "r");
    if (!f || !fgets(e->dev, sizeof e->dev, f))
        bench_die("%s did not start", prog);
    e->dev[strcspn(e->dev, "\n")] = '\0';
    fclose(f);
    free(home);
    free(cmd);
}

bool bench_emu_stop(bench_emu *e, int wait_ms)
{
    if (e->pid <= 0)
        return true;
    for (int waited = 0; waited < wait_ms; waited += 10) {
        if (waitpid(e->pid, NULL, WNOHANG) == e->pid) {
            e->pid = 0;
            return true;
        }
        usleep(10 * 1000);
    }
    /* The emulator waits for slirp with SIGTERM blocked: stop the group. */
    kill(-e->pid, SIGTERM);
    waitpid(e->pid, NULL, 0);
    e->pid = 0;
    return false;
}

void bench_emu_write_book(const bench_emu *e, const char *path, const char *name)
{
    char *text = bench_printf("{\"entries\": [{\"name\": \"%s\", \"device\": \"%s\", \"phone_number\": \"5551234\","
                              " \"flow_control\": \"none\", \"timeouts\": {\"command_ms\": 1000, \"connect_ms\": 5000,"
                              " \"ppp_ms\": 15000}}]}\n",
                              name, e->dev);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text) || close(fd) != 0)
        bench_die("cannot write %s", path);
    free(text);
}
