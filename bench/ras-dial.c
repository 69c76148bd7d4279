/*
 * bench/ras-dial.c - how long a whole dial takes: RasDial to RASCS_Connected
 * against the modem emulator (tests/ras/modem-emu) handing the line to
 * Debian's slirp, through the public <netrouter/ras.h> only.  It owns the
 * per-round emulator process and nothing else.
 *
 * Each round starts a fresh emulator + slirp (slirp takes one call: it exits
 * when the link ends, ppp_exit), writes a one-entry phonebook, then times
 * RasDial (RAS_NOTIFIER_FD) until Connected, split into the modem phases
 * (RasDial -> RASCS_DeviceConnected: open, ATZ, ATD -> CONNECT) and the PPP
 * phases (-> Connected: LCP, IPCP), hangs up and waits for the emulator to
 * exit.  Setting up the emulator and slirp is not timed.  Prints the median
 * of the rounds (11; 3 with --quick).  Exit status 0 unless it cannot run.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <netrouter/ras.h>

#include "bench.h"

#ifndef BENCH_BUILDDIR
#define BENCH_BUILDDIR "."
#endif

typedef struct emu {
    pid_t pid;
    char dev[128];
} emu;

/* Starts the emulator with slirp behind it; its first line is the pty. */
static void emu_start(emu *e, const char *work, int round)
{
    char *home = bench_printf("%s/home.%d", work, round);
    char *cmd = bench_printf("HOME='%s' LD_PRELOAD='%s/tests/ras/.libs/slirp-select-fix.so' exec unshare -n -- "
                             "slirp ppp ppp_exit nozeros 'dns 10.0.2.3' 2>/dev/null",
                             home, BENCH_BUILDDIR);
    char *prog = bench_printf("%s/tests/ras/modem-emu", BENCH_BUILDDIR);
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
    free(prog);
}

/* Waits for the emulator to exit (slirp ends with the link), at most 1 s;
 * returns false when it had to be stopped (not timed either way). */
static bool emu_wait(emu *e)
{
    for (int i = 0; i < 100; i++) {
        if (waitpid(e->pid, NULL, WNOHANG) == e->pid)
            return true;
        usleep(10 * 1000);
    }
    /* The emulator waits for slirp with SIGTERM blocked: stop the group. */
    kill(-e->pid, SIGTERM);
    waitpid(e->pid, NULL, 0);
    return false;
}

/* One dial: fills total and modem (ns); false when it did not connect. */
static bool dial_once(const char *book, double *total, double *modem)
{
    RASDIALPARAMS p = { .dwSize = sizeof p, .szEntryName = "Slirp" };
    RASCONNSTATUS st = { .dwSize = sizeof st };
    HRASCONN h = NULL;
    int fds[2];
    uint64_t t0, t_dev = 0;
    bool ok = false;

    if (pipe2(fds, O_CLOEXEC) != 0)
        bench_die("pipe: %s", strerror(errno));
    t0 = bench_now_ns();
    if (RasDial(NULL, book, &p, RAS_NOTIFIER_FD, &fds[1], &h) == 0) {
        for (;;) {
            struct pollfd pf = { .fd = fds[0], .events = POLLIN };
            RASDIALEVENT ev;
            if (poll(&pf, 1, 30000) <= 0 || read(fds[0], &ev, sizeof ev) != (ssize_t)sizeof ev)
                break;
            if (ev.dwError) {
                fprintf(stderr, "bench: ras-dial: state %u failed with error %u\n", ev.rasconnstate, ev.dwError);
                break;
            }
            if (ev.rasconnstate == RASCS_DeviceConnected)
                t_dev = bench_now_ns();
            if (ev.rasconnstate == RASCS_Connected) {
                uint64_t t1 = bench_now_ns();
                *total = (double)(t1 - t0);
                *modem = (double)(t_dev - t0);
                ok = true;
                break;
            }
        }
    }
    if (h)
        nr_ras_hang_up_wait(h, 5000);
    close(fds[0]);
    close(fds[1]);
    return ok;
}

int main(int argc, char **argv)
{
    bench_opts o = { 0 };
    const char *work;
    char *book;
    double *total, *modem, *ppp;
    int rounds, stopped = 0;

    bench_parse_args(argc, argv, &o, "Times RasDial to RASCS_Connected against the modem emulator and slirp.");
    rounds = o.rounds > 0 ? o.rounds : o.quick ? 3 : 11;
    if (access("/usr/bin/slirp", X_OK) != 0 || access("/usr/bin/unshare", X_OK) != 0)
        bench_die("ras-dial needs /usr/bin/slirp and /usr/bin/unshare (scripts/install-deps.sh)");
    signal(SIGPIPE, SIG_IGN);
    work = bench_workdir(&o);
    setenv("NETROUTER_LOCK_DIR", work, 1); /* UUCP locks in the work directory */
    book = bench_printf("%s/book.json", work);
    total = calloc((size_t)rounds, sizeof *total);
    modem = calloc((size_t)rounds, sizeof *modem);
    ppp = calloc((size_t)rounds, sizeof *ppp);
    if (!total || !modem || !ppp)
        bench_die("out of memory");

    for (int r = -1; r < rounds; r++) { /* round -1: warm-up, not counted */
        emu e;
        double t = 0, m = 0;
        int fd;
        char *text;
        emu_start(&e, work, r + 1);
        text = bench_printf("{\"entries\": [{\"name\": \"Slirp\", \"device\": \"%s\", \"phone_number\": \"5551234\","
                            " \"flow_control\": \"none\", \"timeouts\": {\"command_ms\": 1000, \"connect_ms\": 5000,"
                            " \"ppp_ms\": 15000}}]}\n",
                            e.dev);
        fd = open(book, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text) || close(fd) != 0)
            bench_die("cannot write %s", book);
        free(text);
        if (!dial_once(book, &t, &m))
            bench_die("round %d: the dial did not connect", r + 1);
        stopped += !emu_wait(&e);
        if (r >= 0) {
            total[r] = t;
            modem[r] = m;
            ppp[r] = t - m;
        }
    }
    printf("ras-dial: RasDial -> RASCS_Connected against modem-emu + slirp, median of %d rounds\n", rounds);
    printf("  %-44s %9.2f ms\n", "modem phases (open, ATZ, ATD -> CONNECT)", bench_median(modem, (size_t)rounds) / 1e6);
    printf("  %-44s %9.2f ms\n", "PPP phases (LCP, IPCP -> Connected)", bench_median(ppp, (size_t)rounds) / 1e6);
    printf("  %-44s %9.2f ms\n", "total", bench_median(total, (size_t)rounds) / 1e6);
    if (stopped)
        printf("  (slirp outlived the hang-up by over 1 s in %d of %d calls and was stopped; not timed)\n",
               stopped, rounds + 1);
    free(total);
    free(modem);
    free(ppp);
    free(book);
    return 0;
}
