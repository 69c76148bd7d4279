/*
 * bench/ras-dial.c - how long a whole dial takes: RasDial to RASCS_Connected
 * against the modem emulator (tests/ras/modem-emu) handing the line to
 * Debian's slirp (bench/ras-emu.c), through the public <netrouter/ras.h>
 * only.  It owns the timing of the dials and nothing else.
 *
 * Each round starts a fresh emulator + slirp (slirp takes one call: it exits
 * when the link ends, ppp_exit), writes a one-entry phonebook, then times
 * RasDial (NR_RAS_NOTIFIER_FD) until Connected, split into the modem phases
 * (RasDial -> RASCS_DeviceConnected: open, ATZ, ATD -> CONNECT) and the PPP
 * phases (-> Connected: LCP, IPCP), hangs up and waits for the emulator to
 * exit.  Setting up the emulator and slirp is not timed.  Prints the median
 * of the rounds (11; 3 with --quick).  Exit status 0 unless it cannot run.
 *
 * The dial engine runs in this process (NR_RAS_ENGINE_IN_PROCESS): what is
 * timed is the dial itself, not the connection service around it
 * (bench/ras-service times that).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <netrouter/ras.h>

#include "bench.h"
#include "ras-emu.h"


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
    if (RasDial(NULL, book, &p, NR_RAS_NOTIFIER_FD, &fds[1], &h) == 0) {
        for (;;) {
            struct pollfd pf = { .fd = fds[0], .events = POLLIN };
            NR_RASDIALEVENT ev;
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

/* The round's emulator, stopped at exit when a round fails. */
static bench_emu emu;

static void stop_emu(void)
{
    bench_emu_stop(&emu, 0);
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
    if (bench_emu_unavailable())
        bench_die("ras-dial cannot run: %s", bench_emu_unavailable());
    if (nr_ras_set_engine(NR_RAS_ENGINE_IN_PROCESS) != 0)
        bench_die("nr_ras_set_engine(NR_RAS_ENGINE_IN_PROCESS) failed");
    signal(SIGPIPE, SIG_IGN);
    work = bench_workdir(&o);
    atexit(stop_emu); /* before the work directory is removed */
    setenv("NETROUTER_LOCK_DIR", work, 1); /* UUCP locks in the work directory */
    book = bench_printf("%s/book.json", work);
    total = calloc((size_t)rounds, sizeof *total);
    modem = calloc((size_t)rounds, sizeof *modem);
    ppp = calloc((size_t)rounds, sizeof *ppp);
    if (!total || !modem || !ppp)
        bench_die("out of memory");

    for (int r = -1; r < rounds; r++) { /* round -1: warm-up, not counted */
        double t = 0, m = 0;
        char tag[16];
        snprintf(tag, sizeof tag, "%d", r + 1);
        bench_emu_start(&emu, work, tag);
        bench_emu_write_book(&emu, book, "Slirp");
        if (!dial_once(book, &t, &m))
            bench_die("round %d: the dial did not connect", r + 1);
        stopped += !bench_emu_stop(&emu, 1000);
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
