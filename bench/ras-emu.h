/*
 * bench/ras-emu.h - the far end of a dial for the RAS benchmarks: the modem
 * emulator (tests/ras/modem-emu) answering the call and handing the line to
 * Debian's slirp as the PPP peer, in a network namespace of its own, and a
 * one-entry phonebook for it.  Each emulator runs in its own process group
 * so that slirp is stopped with it.
 *
 * The including program defines BENCH_BUILDDIR (the build tree, where
 * modem-emu and the slirp shim were built).
 */
#ifndef NR_BENCH_RAS_EMU_H
#define NR_BENCH_RAS_EMU_H

#include <stdbool.h>
#include <sys/types.h>

typedef struct bench_emu {
    pid_t pid;     /* the emulator; its process group holds slirp too */
    char dev[128]; /* the pty it answers on */
} bench_emu;

/* Why an emulator with slirp cannot run here (slirp or unshare missing,
 * not root: no network namespace for slirp), or NULL when it can. */
const char *bench_emu_unavailable(void);

/* Starts an emulator with a fresh slirp behind it (slirp takes one call and
 * exits when the link ends), slirp's HOME in WORK/home.TAG; exits the
 * program (bench_die) when it does not start. */
void bench_emu_start(bench_emu *e, const char *work, const char *tag);

/* Waits up to wait_ms for the emulator to exit on its own (after a
 * hang-up slirp ends), then stops its process group; returns whether it had
 * exited on its own.  wait_ms 0 stops it at once. */
bool bench_emu_stop(bench_emu *e, int wait_ms);

/* Writes PATH (mode 0600): one entry NAME on e's line, no authentication. */
void bench_emu_write_book(const bench_emu *e, const char *path, const char *name);

#endif /* NR_BENCH_RAS_EMU_H */
