/*
 * bench/bench.h - what the benchmark programs share: options, the clock,
 * medians, and a private directory of plugin copies and manifests.
 *
 * The router refuses manifest and library files that are not owned by the
 * user (or root) or are writable by group or others, so everything here is
 * written under umask 022 with mode 0644 (manifests) or 0755 (libraries),
 * into a fresh directory that is removed at exit.
 */
#ifndef NR_BENCH_H
#define NR_BENCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <netrouter/netrouter.h>

typedef struct bench_opts {
    bool quick;             /* --quick: few rounds, for CI */
    bool keep;              /* --keep: leave the work directory */
    const char *plugin_dir; /* --plugin-dir: where nr-bench-*.so were built */
    long iterations;        /* --iterations */
    int rounds;             /* --rounds (median of) */
    long count;             /* --count (startup: number of plugins) */
} bench_opts;

/* Parses the common options; exits 2 on a usage error, 0 after --help. */
void bench_parse_args(int argc, char **argv, bench_opts *o, const char *what);

void bench_die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
char *bench_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* CLOCK_MONOTONIC in nanoseconds. */
uint64_t bench_now_ns(void);
/* CPU time of the calling thread in nanoseconds (CLOCK_THREAD_CPUTIME_ID):
 * what one core spent, whatever else the machine ran meanwhile. */
uint64_t bench_cpu_ns(void);
/* CPU time the kernel's worker threads (kworker/..., ksoftirqd/...) have
 * run so far, in nanoseconds (/proc/PID/schedstat): work done for us
 * outside our threads, such as pushing a pty's buffers to its other end,
 * but for every other program too.  Threads that exit between two calls
 * take their time with them.  0 when /proc cannot be read. */
uint64_t bench_kernel_workers_ns(void);
/* Median of v[0..n-1] (sorts v). */
double bench_median(double *v, size_t n);
const char *bench_verdict(bool ok);

/* Creates the work directory (umask 022), removed when this process exits
 * (not a child it forks) unless --keep. */
const char *bench_workdir(const bench_opts *o);
/* Creates a directory (mode 0755) under the work directory; returns its path. */
char *bench_mkdir(const char *name);
void bench_write_file(const char *path, const char *text);
/* write()s all of buf to fd, waiting (poll) while a non-blocking fd is
 * full; exits naming what (a path, "the pty") when that fails or no room
 * comes for 10 s. */
void bench_write_all(int fd, const void *buf, size_t len, const char *what);
void bench_copy_file(const char *from, const char *to, mode_t mode);
/* Path of the built plugin nr-bench-NAME.so, checked to exist. */
char *bench_plugin(const bench_opts *o, const char *name);

/* Creates a router over the given manifest directory (no store); exits
 * printing every problem unless exactly `expect` plugins loaded cleanly. */
nr_router *bench_router(const char *manifest_dir, size_t expect);

#endif /* NR_BENCH_H */
