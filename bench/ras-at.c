/*
 * bench/ras-at.c - the AT dialing phase alone (open the port, ATZ -> OK,
 * ATDT5551234 -> CONNECT) through our modem layer (providers/ras/port/modem.h)
 * against Debian's chat(8) running the same script, on the same emulator
 * (tests/ras/modem-emu.c, a thread of this program, a fresh one per run).
 * It owns the measurement only.
 *
 * Per round, interleaved: ours (nr_modem_open + nr_modem_dial, in process:
 * no process start-up), chat (fork + exec of /usr/sbin/chat with the pty
 * opened in the child as its standard input and output, until it exits: its
 * own start-up included), and the start-up baseline (fork + exec of
 * /bin/true until it exits), so that chat minus the baseline is chat's
 * dialogue alone.  Medians of 21 rounds (5 with --quick).  Target: ours not
 * slower than chat's dialogue.  Exit status 0 unless it cannot run.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"
#include "modem-emu.h"
#include "modem.h"

#define CHAT "/usr/sbin/chat"

static modem_emu *emu_new(void)
{
    modem_emu_script s = { .dial = MODEM_EMU_CONNECT };
    modem_emu *e = modem_emu_start(&s);
    if (!e)
        bench_die("cannot start the modem emulator");
    return e;
}

static double run_ours(const char *lock_dir)
{
    modem_emu *e = emu_new();
    static const char *const init[] = { "ATZ" };
    nr_modem_config cfg = { .device = modem_emu_path(e), .lock_dir = lock_dir, .dtr_drop_ms = -1 };
    nr_modem_dial_params dp = { .init = init, .ninit = 1, .dial_prefix = "ATDT", .number = "5551234",
                                .command_timeout_ms = 5000, .connect_timeout_ms = 5000, .cancel_fd = -1 };
    nr_modem_result res;
    nr_modem *m = NULL;
    uint64_t t0 = bench_now_ns(), t1;
    if (nr_modem_open(&cfg, &m, &res) != 0 || nr_modem_dial(m, &dp, &res) != 0)
        bench_die("our modem layer: %s", res.err.detail);
    t1 = bench_now_ns();
    nr_modem_close(m);
    modem_emu_stop(e);
    return (double)(t1 - t0);
}

/* fork + exec argv with the tty (if any) as standard input and output;
 * returns the time until it exited, and dies unless it exited 0. */
static double run_exec(const char *tty, char *const argv[])
{
    uint64_t t0 = bench_now_ns();
    int status;
    pid_t pid = fork();
    if (pid < 0)
        bench_die("fork: %s", strerror(errno));
    if (pid == 0) {
        if (tty) {
            int fd = open(tty, O_RDWR | O_NOCTTY);
            if (fd < 0 || dup2(fd, 0) < 0 || dup2(fd, 1) < 0)
                _exit(126);
        }
        execv(argv[0], argv);
        _exit(127);
    }
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            bench_die("waitpid: %s", strerror(errno));
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        bench_die("%s failed (status %d)", argv[0], WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    return (double)(bench_now_ns() - t0);
}

static double run_chat(void)
{
    modem_emu *e = emu_new();
    char *const argv[] = { CHAT, "-t", "5", "ABORT", "BUSY", "ABORT", "NO CARRIER", "ABORT", "ERROR",
                           "", "ATZ", "OK", "ATDT5551234", "CONNECT", NULL };
    double t = run_exec(modem_emu_path(e), argv);
    modem_emu_stop(e);
    return t;
}

int main(int argc, char **argv)
{
    bench_opts o = { 0 };
    char *const true_argv[] = { "/bin/true", NULL };
    double *ours, *chat, *base, *dialogue, m_ours, m_chat, m_base, m_dialogue;
    const char *work;
    int rounds;

    bench_parse_args(argc, argv, &o, "Times the AT dialing phase: our modem layer against chat(8).");
    rounds = o.rounds > 0 ? o.rounds : o.quick ? 5 : 21;
    if (access(CHAT, X_OK) != 0)
        bench_die("%s is missing (package ppp; scripts/install-deps.sh installs it)", CHAT);
    signal(SIGPIPE, SIG_IGN);
    work = bench_workdir(&o); /* our UUCP lock goes there */
    ours = calloc((size_t)rounds, sizeof *ours);
    chat = calloc((size_t)rounds, sizeof *chat);
    base = calloc((size_t)rounds, sizeof *base);
    dialogue = calloc((size_t)rounds, sizeof *dialogue);
    if (!ours || !chat || !base || !dialogue)
        bench_die("out of memory");
    for (int r = -1; r < rounds; r++) { /* round -1: warm-up */
        double a = run_ours(work), b = run_chat(), c = run_exec(NULL, true_argv);
        if (r >= 0) {
            ours[r] = a;
            chat[r] = b;
            base[r] = c;
            dialogue[r] = b - c;
        }
    }
    m_ours = bench_median(ours, (size_t)rounds);
    m_chat = bench_median(chat, (size_t)rounds);
    m_base = bench_median(base, (size_t)rounds);
    m_dialogue = bench_median(dialogue, (size_t)rounds);
    printf("ras-at: open + ATZ -> OK + ATDT5551234 -> CONNECT on modem-emu, median of %d rounds\n", rounds);
    printf("  %-46s %9.1f us\n", "ours (nr_modem_open + nr_modem_dial)", m_ours / 1e3);
    printf("  %-46s %9.1f us\n", "chat, fork+exec to exit (start-up included)", m_chat / 1e3);
    printf("  %-46s %9.1f us\n", "start-up baseline, fork+exec of /bin/true", m_base / 1e3);
    printf("  %-46s %9.1f us\n", "chat minus the baseline (its dialogue)", m_dialogue / 1e3);
    printf("  ratio ours / chat = %.2f, ours / chat's dialogue = %.2f (target <= 1): %s\n", m_ours / m_chat,
           m_ours / m_dialogue, bench_verdict(m_ours <= m_dialogue));
    free(ours);
    free(chat);
    free(base);
    free(dialogue);
    return 0;
}
