/*
 * bench/bench.c - shared helpers of the benchmark programs (see bench.h).
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <getopt.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"

#ifndef BENCH_PLUGIN_DIR
#define BENCH_PLUGIN_DIR "bench/.libs"
#endif

static char *workdir;
static pid_t workdir_pid; /* the process that made it: a forked child never removes it */
static bool keep_workdir;

void bench_die(const char *fmt, ...)
{
    va_list ap;
    fputs("bench: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

char *bench_printf(const char *fmt, ...)
{
    char *s;
    int n;
    va_list ap;
    va_start(ap, fmt);
    n = vasprintf(&s, fmt, ap);
    va_end(ap);
    if (n < 0)
        bench_die("out of memory");
    return s;
}

void bench_parse_args(int argc, char **argv, bench_opts *o, const char *what)
{
    static const struct option longopts[] = {
        { "quick", no_argument, NULL, 'q' },
        { "keep", no_argument, NULL, 'k' },
        { "plugin-dir", required_argument, NULL, 'p' },
        { "iterations", required_argument, NULL, 'i' },
        { "rounds", required_argument, NULL, 'r' },
        { "count", required_argument, NULL, 'c' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int c;
    o->plugin_dir = BENCH_PLUGIN_DIR;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'q': o->quick = true; break;
        case 'k': o->keep = true; break;
        case 'p': o->plugin_dir = optarg; break;
        case 'i': o->iterations = atol(optarg); break;
        case 'r': o->rounds = atoi(optarg); break;
        case 'c': o->count = atol(optarg); break;
        case 'h':
            printf("usage: %s [--quick] [--rounds R] [--iterations N] [--count N] [--plugin-dir DIR] [--keep]\n"
                   "%s\n"
                   "  --quick       few rounds (for CI); figures are rougher\n"
                   "  --rounds R    repeat each measurement R times and report the median\n"
                   "  --iterations N  operations per round (dispatch)\n"
                   "  --count N     plugins to load (startup, default 200)\n"
                   "  --plugin-dir DIR  where nr-bench-*.so are (default %s)\n"
                   "  --keep        keep the work directory\n",
                   argv[0], what, BENCH_PLUGIN_DIR);
            exit(0);
        default:
            exit(2);
        }
    }
    if (optind < argc) {
        fprintf(stderr, "%s: unexpected argument '%s'\n", argv[0], argv[optind]);
        exit(2);
    }
    if (o->iterations < 0 || o->rounds < 0 || o->count < 0) {
        fprintf(stderr, "%s: counts must be positive\n", argv[0]);
        exit(2);
    }
    keep_workdir = o->keep;
}

static uint64_t clock_ns(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t bench_now_ns(void)
{
    return clock_ns(CLOCK_MONOTONIC);
}

uint64_t bench_cpu_ns(void)
{
    return clock_ns(CLOCK_THREAD_CPUTIME_ID);
}

/* The first field of /proc/PID/schedstat (ns on a CPU) if PID is a kernel
 * worker, else 0. */
static uint64_t worker_ns(int proc, const char *pid)
{
    char path[sizeof ((struct dirent *)0)->d_name + 16], comm[32] = "";
    unsigned long long ns = 0;
    FILE *f;

    snprintf(path, sizeof path, "%s/comm", pid);
    int fd = openat(proc, path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    ssize_t n = read(fd, comm, sizeof comm - 1);
    close(fd);
    if (n <= 0 || (strncmp(comm, "kworker/", 8) != 0 && strncmp(comm, "ksoftirqd/", 10) != 0))
        return 0;
    snprintf(path, sizeof path, "%s/schedstat", pid);
    fd = openat(proc, path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 || !(f = fdopen(fd, "r"))) {
        if (fd >= 0)
            close(fd);
        return 0;
    }
    if (fscanf(f, "%llu", &ns) != 1)
        ns = 0;
    fclose(f);
    return ns;
}

uint64_t bench_kernel_workers_ns(void)
{
    DIR *d = opendir("/proc");
    struct dirent *e;
    uint64_t sum = 0;

    if (!d)
        return 0;
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] >= '1' && e->d_name[0] <= '9')
            sum += worker_ns(dirfd(d), e->d_name);
    closedir(d);
    return sum;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double bench_median(double *v, size_t n)
{
    if (n == 0)
        return 0;
    qsort(v, n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

const char *bench_verdict(bool ok)
{
    return ok ? "PASS" : "MISS";
}

/* ---- the work directory --------------------------------------------------- */

static int rm_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    if (remove(path) != 0)
        fprintf(stderr, "bench: cannot remove %s: %s\n", path, strerror(errno));
    return 0;
}

static void remove_workdir(void)
{
    if (!workdir || getpid() != workdir_pid)
        return;
    if (keep_workdir)
        fprintf(stderr, "bench: work directory kept: %s\n", workdir);
    else
        nftw(workdir, rm_entry, 32, FTW_DEPTH | FTW_PHYS);
    free(workdir);
    workdir = NULL;
}

const char *bench_workdir(const bench_opts *o)
{
    const char *tmp = getenv("TMPDIR");
    if (workdir)
        return workdir;
    umask(022);
    workdir = bench_printf("%s/nr-bench-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(workdir))
        bench_die("cannot create a directory in %s: %s", tmp && *tmp ? tmp : "/tmp", strerror(errno));
    workdir_pid = getpid();
    atexit(remove_workdir);
    return workdir;
}

char *bench_mkdir(const char *name)
{
    char *path = bench_printf("%s/%s", workdir, name);
    if (mkdir(path, 0755) != 0)
        bench_die("cannot create %s: %s", path, strerror(errno));
    return path;
}

void bench_write_all(int fd, const void *buf, size_t len, const char *what)
{
    const char *p = buf;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN) {
            struct pollfd pf = { .fd = fd, .events = POLLOUT };
            if (poll(&pf, 1, 10000) <= 0)
                bench_die("cannot write %s: no room for 10 s", what);
            continue;
        }
        if (n <= 0)
            bench_die("cannot write %s: %s", what, n < 0 ? strerror(errno) : "nothing written");
        p += n;
        len -= (size_t)n;
    }
}

void bench_write_file(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        bench_die("cannot create %s: %s", path, strerror(errno));
    bench_write_all(fd, text, strlen(text), path);
    if (fchmod(fd, 0644) != 0 || close(fd) != 0)
        bench_die("cannot write %s: %s", path, strerror(errno));
}

void bench_copy_file(const char *from, const char *to, mode_t mode)
{
    char buf[65536];
    ssize_t n;
    int in = open(from, O_RDONLY | O_CLOEXEC), out;
    if (in < 0)
        bench_die("cannot open %s: %s", from, strerror(errno));
    out = open(to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (out < 0)
        bench_die("cannot create %s: %s", to, strerror(errno));
    while ((n = read(in, buf, sizeof buf)) != 0) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            bench_die("cannot read %s: %s", from, strerror(errno));
        bench_write_all(out, buf, (size_t)n, to);
    }
    close(in);
    if (fchmod(out, mode) != 0 || close(out) != 0)
        bench_die("cannot write %s: %s", to, strerror(errno));
}

char *bench_plugin(const bench_opts *o, const char *name)
{
    char *path = bench_printf("%s/nr-bench-%s.so", o->plugin_dir, name);
    if (access(path, R_OK) != 0)
        bench_die("%s: %s (build the benchmark plugins with `make bench`, or pass --plugin-dir)", path,
                  strerror(errno));
    return path;
}

/* ---- routers ---------------------------------------------------------------- */

nr_router *bench_router(const char *manifest_dir, size_t expect)
{
    const char *path[] = { manifest_dir, NULL };
    nr_router_config cfg = NR_ROUTER_CONFIG_INIT;
    nr_router *r = NULL;
    DWORD rc;
    cfg.plugin_path = path;
    cfg.flags = NR_ROUTER_NO_STORE;
    rc = nr_router_new(&cfg, &r);
    if (rc != WN_SUCCESS) {
        char text[512] = "";
        nr_get_last_error(NULL, text, sizeof text, NULL, 0);
        bench_die("nr_router_new(%s): error %u: %s (%s)", manifest_dir, (unsigned)rc, nr_strerror(rc), text);
    }
    if (nr_router_problem_count(r) != 0 || nr_router_plugin_count(r) != expect) {
        for (size_t i = 0; i < nr_router_problem_count(r); i++) {
            const nr_problem *p = nr_router_problem(r, i);
            fprintf(stderr, "bench: %s: %s: %s\n", p->file, nr_stage_name(p->stage), p->message);
        }
        bench_die("%s: %zu plugins loaded, %zu expected", manifest_dir, nr_router_plugin_count(r), expect);
    }
    return r;
}

