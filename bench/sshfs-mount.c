/*
 * bench/sshfs-mount.c - the sshfs provider against running sshfs by hand,
 * on the same private sshd on 127.0.0.1 (tests/sshfs/sshd-env.sh).
 *
 * 1. Mount + unmount: nr_add_connection + nr_cancel_connection through a
 *    router whose only plugin is the built sshfs provider, against fork +
 *    exec of `sshfs` with the same ssh options, then `fusermount3 -u`,
 *    interleaved round by round; medians of 21 rounds (3 with --quick).
 *    Target: the router under 1.05x the direct commands.
 * 2. Throughput: reading a 64 MB file through a mount (8 MB with --quick)
 *    against `scp` of the same file; printed, no target (that is sshfs's
 *    and ssh's business).
 *
 * Needs root (sshd) and FUSE; otherwise it says why and exits 0, as it
 * measures nothing.  It owns the measurement only.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

#ifndef BENCH_SRCDIR
#define BENCH_SRCDIR "."
#endif

static const char *dir, *cfg, *mnt;
static char port[16];
static long sshd_pid;

/* fork + exec argv with output to /dev/null (to a file with out); exit status. */
static int run(const char *const argv[], const char *out)
{
    pid_t pid = fork();
    int status;
    if (pid == 0) {
        int fd = open(out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int null = open("/dev/null", O_RDONLY);
        if (fd >= 0) {
            dup2(fd, 1);
            dup2(fd, 2);
        }
        if (null >= 0)
            dup2(null, 0);
        execvp(argv[0], (char *const *)argv);
        _exit(127);
    }
    if (pid < 0 || waitpid(pid, &status, 0) < 0)
        return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

static void stop_sshd(void)
{
    if (sshd_pid > 0)
        kill((pid_t)sshd_pid, SIGTERM);
}

/* The server, a key pair, known_hosts and an ssh_config in the work dir. */
static void start_server(void)
{
    char *script = bench_printf(
        "set -e; . '%s/tests/sshfs/sshd-env.sh'; sshd_env_start '%s/sshd' >/dev/null;"
        "ssh-keygen -q -t ed25519 -N '' -f '%s/key'; cat '%s/key.pub' >> '%s/sshd/authorized_keys';"
        "ssh-keyscan -p $SSHD_PORT 127.0.0.1 > '%s/known_hosts' 2>/dev/null;"
        "printf 'Host *\\n  IdentityFile %s/key\\n  IdentitiesOnly yes\\n  UserKnownHostsFile %s/known_hosts\\n' > '%s';"
        "echo $SSHD_PORT $SSHD_PID > '%s/server'",
        BENCH_SRCDIR, dir, dir, dir, dir, dir, dir, dir, cfg, dir);
    const char *argv[] = { "bash", "-c", script, NULL };
    char *server = bench_printf("%s/server", dir);
    FILE *f;
    if (run(argv, bench_printf("%s/start.log", dir)) != 0 || !(f = fopen(server, "r")) ||
        fscanf(f, "%15s %ld", port, &sshd_pid) != 2)
        bench_die("cannot start sshd (see %s/start.log)", dir);
    fclose(f);
    atexit(stop_sshd);
}

static double direct_round(const char *src)
{
    const char *mount[] = { "sshfs", "-F", cfg, "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                            "-o", "ServerAliveInterval=15", "-o", "ServerAliveCountMax=3", "-o", "ConnectTimeout=10",
                            "-o", "reconnect", "-o", "idmap=user", "-p", port, src, mnt, NULL };
    const char *umount[] = { "fusermount3", "-u", mnt, NULL };
    uint64_t t0 = bench_now_ns();
    if (run(mount, NULL) != 0)
        bench_die("sshfs %s %s failed", src, mnt);
    if (run(umount, NULL) != 0)
        bench_die("fusermount3 -u %s failed", mnt);
    return (double)(bench_now_ns() - t0);
}

static double router_round(nr_router *r, const char *remote)
{
    NETRESOURCE res = { .dwType = RESOURCETYPE_DISK, .lpLocalName = (char *)mnt, .lpRemoteName = (char *)remote };
    uint64_t t0 = bench_now_ns();
    DWORD rc = nr_add_connection(r, NULL, &res, NULL, NULL, 0);
    if (rc != WN_SUCCESS) {
        char text[1024];
        nr_get_last_error(NULL, text, sizeof text, NULL, 0);
        bench_die("nr_add_connection %s: error %u: %s", remote, (unsigned)rc, text);
    }
    if ((rc = nr_cancel_connection(r, mnt, 0, FALSE)) != WN_SUCCESS)
        bench_die("nr_cancel_connection %s: error %u", mnt, (unsigned)rc);
    return (double)(bench_now_ns() - t0);
}

/* Seconds to read path to its end. */
static double read_all(const char *path)
{
    static char buf[1 << 17];
    uint64_t t0 = bench_now_ns();
    int fd = open(path, O_RDONLY);
    ssize_t n;
    if (fd < 0)
        bench_die("%s: %s", path, strerror(errno));
    while ((n = read(fd, buf, sizeof buf)) > 0) {
    }
    close(fd);
    return (double)(bench_now_ns() - t0) / 1e9;
}

int main(int argc, char **argv)
{
    bench_opts o = { 0 };
    const char *which[] = { "sh", "-c", "command -v sshfs && command -v fusermount3 && command -v scp && "
                                        "test -x /usr/sbin/sshd && test -c /dev/fuse", NULL };
    bench_parse_args(argc, argv, &o, "sshfs-mount");
    int rounds = o.rounds ? o.rounds : o.quick ? 3 : 21;
    size_t mb = o.quick ? 8 : 64;

    printf("== sshfs-mount: mount + unmount through the router vs sshfs + fusermount3 -u\n");
    if (geteuid() != 0 || run(which, NULL) != 0) {
        printf("   skipped: needs root (for sshd), sshfs, fusermount3, scp, /usr/sbin/sshd and /dev/fuse\n");
        return 0;
    }
    dir = bench_workdir(&o);
    cfg = bench_printf("%s/ssh_config", dir);
    mnt = bench_mkdir("mnt");
    const char *srv = bench_mkdir("srv");
    start_server();

    /* the router: the built provider alone, told to use this ssh_config */
    const char *pd = bench_mkdir("plugins");
    char *lib = bench_printf("%s/providers/sshfs/.libs/nr-sshfs.so", BENCH_BUILDDIR);
    bench_write_file(bench_printf("%s/sshfs.json", pd),
                     bench_printf("{\"manifest_version\": 1, \"name\": \"sshfs\", \"kind\": \"provider\", "
                                  "\"library\": \"%s\", \"threading\": \"concurrent\", "
                                  "\"owns\": [\"sshfs://*\"], \"config\": {\"ssh_config\": \"%s\"}}",
                                  lib, cfg));
    nr_router *r = bench_router(pd, 1);
    char *remote = bench_printf("sshfs://root@127.0.0.1:%s%s", port, srv);
    char *src = bench_printf("root@127.0.0.1:%s", srv);

    double *t_router = calloc((size_t)rounds, sizeof(double)), *t_direct = calloc((size_t)rounds, sizeof(double));
    router_round(r, remote); /* warm-up: page cache, sshd's first fork */
    direct_round(src);
    for (int i = 0; i < rounds; i++) {
        t_router[i] = router_round(r, remote);
        t_direct[i] = direct_round(src);
    }
    double mr = bench_median(t_router, (size_t)rounds), md = bench_median(t_direct, (size_t)rounds);
    printf("   %d rounds (medians)\n", rounds);
    printf("   router (nr_add_connection + nr_cancel_connection)  %8.1f ms\n", mr / 1e6);
    printf("   direct (sshfs + fusermount3 -u)                    %8.1f ms\n", md / 1e6);
    printf("   ratio %.3f  (target <= 1.05: %s)\n", mr / md, bench_verdict(mr / md <= 1.05));

    /* throughput */
    printf("== sshfs-mount: reading a %zu MB file through the mount vs scp\n", mb);
    char *file = bench_printf("%s/big", srv);
    {
        int fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        static char block[1 << 20];
        for (size_t i = 0; i < sizeof block; i++)
            block[i] = (char)(i * 2654435761u >> 24);
        for (size_t i = 0; i < mb; i++)
            if (fd < 0 || write(fd, block, sizeof block) != (ssize_t)sizeof block)
                bench_die("cannot write %s", file);
        close(fd);
    }
    NETRESOURCE res = { .dwType = RESOURCETYPE_DISK, .lpLocalName = (char *)mnt, .lpRemoteName = remote };
    if (nr_add_connection(r, NULL, &res, NULL, NULL, 0) != WN_SUCCESS)
        bench_die("cannot mount %s", remote);
    double s_mount = read_all(bench_printf("%s/big", mnt));
    nr_cancel_connection(r, mnt, 0, FALSE);
    const char *scp[] = { "scp", "-q", "-F", cfg, "-P", port, bench_printf("root@127.0.0.1:%s", file),
                          bench_printf("%s/copy", dir), NULL };
    uint64_t t0 = bench_now_ns();
    if (run(scp, NULL) != 0)
        bench_die("scp failed");
    double s_scp = (double)(bench_now_ns() - t0) / 1e9;
    printf("   through the mount  %7.1f MB/s (%.2f s)\n", (double)mb / s_mount, s_mount);
    printf("   scp                %7.1f MB/s (%.2f s, its start-up and handshake included)\n", (double)mb / s_scp,
           s_scp);
    nr_router_free(r);
    free(t_router);
    free(t_direct);
    return 0;
}
