/*
 * bench/ras-service.c - what a call through the RAS connection service
 * costs: RasGetConnectStatus on a link that another process dialed,
 * answered by netrouterd over its Unix socket, against the same call
 * answered by the engine inside the calling process (issue 9's target:
 * under 50 µs).  RasGetConnectionStatistics and RasEnumConnections for
 * reference, and RasGetConnectStatus of a handle no engine knows (the least
 * a round trip costs: one answer, no link looked at).  It owns the timing
 * and the processes below (bench/ras-service-procs.c is what they do);
 * bench/ras-emu.c starts the far ends of the links.
 *
 * This program forks and never calls the RAS API itself:
 *   - netrouterd (the build tree's), started fresh at a socket in the work
 *     directory and stopped with SIGTERM at the end (a clean stop);
 *   - the dialer: engine "service", RasDial of entry "Service" (modem
 *     emulator + slirp), exits once connected (100 ms later: see dialer()
 *     in ras-service-procs.c); the link stays up in the service;
 *   - the in-process worker: engine "in-process", dials entry "InProcess"
 *     (a second emulator + slirp) and times the calls on its own link;
 *   - the service worker: engine "service", finds the dialer's link with
 *     RasEnumConnections and times the same calls on that handle; it hangs
 *     the link up at the end;
 *   - an echo process, for the floor: a bare request and answer over a
 *     socket pair (send, blocking recv);
 *   - each round, a fresh process (engine "service") that times its first
 *     call, which connects and greets the service (HELLO), and its second.
 * The workers take one job at a time (a call and a count) on a socket pair
 * and answer with the time per call; a round runs every call on both
 * engines in turn, after a warm-up round; the figures are medians of the
 * rounds.  RasGetConnectStatus through the service and the floor are also
 * timed with both processes bound to one CPU and to two (netrouterd's loop
 * is its main thread): on a virtual machine a wake-up across CPUs costs
 * more than the rest of the call.  Without slirp or root no link can be
 * dialed: it says so, times the unknown handle, the floor and the first
 * call only, and exits 0.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"
#include "ras-emu.h"
#include "ras-service.h"

#define TARGET_US 50.0
#define NETROUTERD BENCH_BUILDDIR "/providers/ras/service/netrouterd"

/* Everything the clean-up must stop (this process's only). */
static struct {
    pid_t parent, service;
    worker in, svc, echo;
    bench_emu emu_in, emu_svc;
} run;

/* The next answer of w (60 s at most); exits the program when it failed. */
static void receive(worker *w, job *j)
{
    struct pollfd p = { .fd = w->fd, .events = POLLIN };
    ssize_t n;
    int rc;
    do
        rc = poll(&p, 1, 60000);
    while (rc < 0 && errno == EINTR);
    if (rc <= 0)
        bench_die("the %s did not answer within 60 s", w->name);
    n = recv(w->fd, j, sizeof *j, 0);
    if (n != (ssize_t)sizeof *j)
        bench_die("the %s ended without answering (see above)", w->name);
    if (j->rc)
        bench_die("the %s: %s", w->name, j->detail);
}

static void ask(worker *w, job *j)
{
    if (send(w->fd, j, sizeof *j, MSG_NOSIGNAL) != (ssize_t)sizeof *j)
        bench_die("the %s is gone", w->name);
    receive(w, j);
}

/* n round trips of one job each way with the echo process w: send, then
 * a blocking recv, no poll(); this process on CPU mine and w on CPU its
 * (-1: anywhere); ns per round trip. */
static double ping_pong(worker *w, long n, int mine, int its)
{
    job j = { .call = CALL_STATUS };
    uint64_t t0;
    double ns;
    rsvc_pin(0, mine);
    rsvc_pin(w->pid, its);
    t0 = bench_now_ns();
    for (long i = 0; i < n; i++)
        if (send(w->fd, &j, sizeof j, MSG_NOSIGNAL) != (ssize_t)sizeof j ||
            recv(w->fd, &j, sizeof j, 0) != (ssize_t)sizeof j)
            bench_die("the %s is gone", w->name);
    ns = (double)(bench_now_ns() - t0) / (double)n;
    rsvc_pin(0, -1);
    rsvc_pin(w->pid, -1);
    return ns;
}

/* Time on a CPU of thread tid of pid so far (ns), 0 when unknown. */
static uint64_t thread_run_ns(pid_t pid, pid_t tid)
{
    char path[64];
    unsigned long long ns = 0;
    FILE *f;
    snprintf(path, sizeof path, "/proc/%d/task/%d/schedstat", (int)pid, (int)tid);
    if (!(f = fopen(path, "re")))
        return 0;
    if (fscanf(f, "%llu", &ns) != 1)
        ns = 0;
    fclose(f);
    return ns;
}

/* Waits up to ms for child pid; true when it exited. */
static bool reap(pid_t pid, int ms)
{
    for (int waited = 0;; waited += 5) {
        pid_t r = waitpid(pid, NULL, WNOHANG);
        if (r == pid || (r < 0 && errno == ECHILD))
            return true;
        if (waited >= ms)
            return false;
        usleep(5000);
    }
}

static void stop_worker(worker *w)
{
    job q = { .call = CALL_QUIT };
    if (w->pid <= 0)
        return;
    if (send(w->fd, &q, sizeof q, MSG_NOSIGNAL) < 0) {
        /* gone already */
    }
    close(w->fd);
    if (!reap(w->pid, 10000)) { /* it hangs its link up first: bounded at 5 s */
        kill(w->pid, SIGKILL);
        waitpid(w->pid, NULL, 0);
    }
    w->pid = 0;
}

/* Workers (they hang their links up), the service (SIGTERM: a clean stop
 * hangs up whatever is left), the emulators; the work directory goes after
 * (bench.c's exit handler, registered before this one). */
static void clean_up(void)
{
    if (getpid() != run.parent)
        return;
    stop_worker(&run.svc);
    stop_worker(&run.in);
    stop_worker(&run.echo);
    if (run.service > 0) {
        kill(run.service, SIGTERM);
        if (!reap(run.service, 10000)) {
            fprintf(stderr, "bench: netrouterd did not stop within 10 s of SIGTERM: killed\n");
            kill(run.service, SIGKILL);
            waitpid(run.service, NULL, 0);
        }
        run.service = 0;
    }
    bench_emu_stop(&run.emu_in, 0);
    bench_emu_stop(&run.emu_svc, 0);
}

/* Starts netrouterd at sock, its log at log; returns once it listens. */
static pid_t start_service(const char *sock, const char *log)
{
    char answer[256] = "", *lock_path;
    struct pollfd p;
    ssize_t got = 0;
    int ready[2];
    pid_t pid;
    FILE *f;
    long lock_pid = 0;
    if (access(NETROUTERD, X_OK) != 0)
        bench_die("%s: %s (build the tree first)", NETROUTERD, strerror(errno));
    if (pipe2(ready, O_CLOEXEC) != 0)
        bench_die("pipe: %s", strerror(errno));
    pid = fork();
    if (pid < 0)
        bench_die("fork: %s", strerror(errno));
    if (pid == 0) {
        int null = open("/dev/null", O_RDONLY), err = open(log, O_WRONLY | O_CREAT | O_APPEND, 0600);
        if (null < 0 || err < 0 || dup2(null, 0) < 0 || dup2(err, 1) < 0 || dup2(err, 2) < 0)
            _exit(126);
        if (ready[1] == 3)
            fcntl(3, F_SETFD, 0);
        else if (dup2(ready[1], 3) != 3)
            _exit(126);
        close_range(4, ~0U, 0);
        execl(NETROUTERD, "netrouterd", "--socket", sock, "--ready-fd", "3", (char *)NULL);
        dprintf(3, "cannot run %s: %s\n", NETROUTERD, strerror(errno));
        _exit(127);
    }
    close(ready[1]);
    p = (struct pollfd){ .fd = ready[0], .events = POLLIN };
    while (got < (ssize_t)sizeof answer - 1 && poll(&p, 1, 10000) > 0) {
        ssize_t n = read(ready[0], answer + got, sizeof answer - 1 - (size_t)got);
        if (n <= 0)
            break;
        got += n;
    }
    close(ready[0]);
    answer[got] = '\0';
    answer[strcspn(answer, "\n")] = '\0';
    if (strcmp(answer, "OK") != 0) {
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
        bench_die("netrouterd did not start: %s (its log: %s)", *answer ? answer : "no answer", log);
    }
    lock_path = bench_printf("%s.lock", sock);
    if ((f = fopen(lock_path, "re")) != NULL) {
        if (fscanf(f, "%ld", &lock_pid) != 1)
            lock_pid = 0;
        fclose(f);
    }
    if (lock_pid != (long)pid)
        bench_die("%s holds pid %ld, not the netrouterd started (%d)", lock_path, lock_pid, (int)pid);
    free(lock_path);
    return pid;
}

/* Where the processes of a round trip run: the scheduler's choice, one
 * CPU for both, or two (this program's first two CPUs; netrouterd's loop
 * thread or the echo process on the first). */
enum place { PLACE_FREE, PLACE_ONE, PLACE_TWO, NPLACES };
static const char *const place_name[NPLACES] = {
    "where the scheduler puts them", "both on one CPU", "on two CPUs",
};

/* One value per round of each: the time per call in the caller and, through
 * the service, the caller's CPU and netrouterd's loop thread's CPU. */
typedef struct series {
    double *in_ns, *in_cpu, *svc_ns, *svc_cpu, *svc_loop;
} series;

/* What is measured. */
typedef struct figures {
    int rounds;
    long n;               /* calls per round */
    bool links;           /* calls on a link (else the unknown handle only) */
    int first_call;       /* what the first-call process, single calls and placements ask */
    int cpu[2];           /* the CPUs of PLACE_ONE and PLACE_TWO, -1 with one CPU */
    series call[NCALLS];  /* PLACE_FREE */
    series placed[NPLACES]; /* first_call through the service, PLACE_ONE and PLACE_TWO */
    double *floor_ns[NPLACES]; /* bare round trip */
    double *p50, *p99;    /* single calls through the service */
    double *first, *first_cpu, *second;
    double worst;         /* the slowest single call */
    double dial_in, dial_svc;
} figures;

static double *column(int rounds)
{
    double *v = calloc((size_t)rounds, sizeof *v);
    if (!v)
        bench_die("out of memory");
    return v;
}

static void series_init(series *s, int rounds)
{
    s->in_ns = column(rounds);
    s->in_cpu = column(rounds);
    s->svc_ns = column(rounds);
    s->svc_cpu = column(rounds);
    s->svc_loop = column(rounds);
}

static void figures_init(figures *f, int rounds, long n, bool links)
{
    memset(f, 0, sizeof *f);
    f->rounds = rounds;
    f->n = n;
    f->links = links;
    f->first_call = links ? CALL_STATUS : CALL_UNKNOWN;
    for (int c = 0; c < NCALLS; c++)
        series_init(&f->call[c], rounds);
    for (int p = 0; p < NPLACES; p++) {
        series_init(&f->placed[p], rounds);
        f->floor_ns[p] = column(rounds);
    }
    f->cpu[0] = f->cpu[1] = -1;
    for (int c = 0, k = 0; c < CPU_SETSIZE && k < 2; c++)
        if (CPU_ISSET(c, rsvc_cpus()))
            f->cpu[k++] = c;
    if (f->cpu[1] < 0)
        f->cpu[0] = -1;
    f->p50 = column(rounds);
    f->p99 = column(rounds);
    f->first = column(rounds);
    f->first_cpu = column(rounds);
    f->second = column(rounds);
}

static void series_free(series *s)
{
    free(s->in_ns);
    free(s->in_cpu);
    free(s->svc_ns);
    free(s->svc_cpu);
    free(s->svc_loop);
}

static void figures_free(figures *f)
{
    for (int c = 0; c < NCALLS; c++)
        series_free(&f->call[c]);
    for (int p = 0; p < NPLACES; p++) {
        series_free(&f->placed[p]);
        free(f->floor_ns[p]);
    }
    free(f->p50);
    free(f->p99);
    free(f->first);
    free(f->first_cpu);
    free(f->second);
}

static bool measured(const figures *f, int c)
{
    return f->links || c == CALL_UNKNOWN;
}

/* n calls c through the service, the caller on CPU mine and netrouterd's
 * loop (its main thread) on CPU its (-1: anywhere), into round r of s. */
static void through_service(figures *f, series *s, int r, int c, int mine, int its)
{
    job j = { .call = c, .n = f->n, .cpu = mine };
    uint64_t loop0, loop1;
    rsvc_pin(run.service, its);
    loop0 = thread_run_ns(run.service, run.service);
    ask(&run.svc, &j);
    loop1 = thread_run_ns(run.service, run.service);
    rsvc_pin(run.service, -1);
    if (r >= 0) {
        s->svc_ns[r] = j.ns;
        s->svc_cpu[r] = j.cpu_ns;
        s->svc_loop[r] = (double)(loop1 - loop0) / (double)f->n;
    }
}

/* One round (r < 0: the warm-up, not kept): every call on each engine in
 * turn, the bare round trip, the placements, single calls, a fresh
 * process's first call. */
static void measure_round(figures *f, int r, uint64_t handle)
{
    worker first;
    job j;
    double floor_ns[NPLACES] = { 0 };
    for (int c = 0; c < NCALLS; c++) {
        if (!measured(f, c))
            continue;
        j = (job){ .call = c, .n = f->n, .cpu = -1 };
        ask(&run.in, &j);
        if (r >= 0) {
            f->call[c].in_ns[r] = j.ns;
            f->call[c].in_cpu[r] = j.cpu_ns;
        }
        through_service(f, &f->call[c], r, c, -1, -1);
    }
    floor_ns[PLACE_FREE] = ping_pong(&run.echo, f->n, -1, -1);
    if (f->cpu[0] >= 0) {
        through_service(f, &f->placed[PLACE_ONE], r, f->first_call, f->cpu[0], f->cpu[0]);
        through_service(f, &f->placed[PLACE_TWO], r, f->first_call, f->cpu[1], f->cpu[0]);
        floor_ns[PLACE_ONE] = ping_pong(&run.echo, f->n, f->cpu[0], f->cpu[0]);
        floor_ns[PLACE_TWO] = ping_pong(&run.echo, f->n, f->cpu[1], f->cpu[0]);
    }
    j = (job){ .call = f->first_call, .n = f->n, .each = 1, .cpu = -1 };
    ask(&run.svc, &j);
    if (r >= 0) {
        for (int p = 0; p < NPLACES; p++)
            f->floor_ns[p][r] = floor_ns[p];
        f->p50[r] = j.p50;
        f->p99[r] = j.p99;
        if (j.max > f->worst)
            f->worst = j.max;
    }
    rsvc_spawn(&first, "first-call process", ROLE_FIRST_CALL, NULL, handle);
    receive(&first, &j);
    close(first.fd);
    reap(first.pid, 10000);
    if (r >= 0) {
        f->first[r] = j.ns;
        f->first_cpu[r] = j.cpu_ns;
        f->second[r] = j.second_ns;
    }
}

static double med(const figures *f, double *v)
{
    return bench_median(v, (size_t)f->rounds) / 1000.0; /* µs */
}

static double load_average(void)
{
    double l = -1;
    FILE *f = fopen("/proc/loadavg", "re");
    if (f) {
        if (fscanf(f, "%lf", &l) != 1)
            l = -1;
        fclose(f);
    }
    return l;
}

static void report(figures *f, double load_before)
{
    double status_in = med(f, f->call[CALL_STATUS].in_ns), status_svc = med(f, f->call[CALL_STATUS].svc_ns);
    printf("  %-38s %11s %10s %8s   %s\n", "call", "in-process", "service", "ratio",
           "service: client CPU + netrouterd loop CPU + neither on a CPU");
    for (int c = 0; c < NCALLS; c++) {
        double in, sv, cpu, loop;
        if (!measured(f, c))
            continue;
        in = med(f, f->call[c].in_ns);
        sv = med(f, f->call[c].svc_ns);
        cpu = med(f, f->call[c].svc_cpu);
        loop = med(f, f->call[c].svc_loop);
        printf("  %-38s %8.3f us %7.2f us %7.0fx   %5.2f + %5.2f + %5.2f us\n", rsvc_call_name[c], in, sv, sv / in, cpu,
               loop, sv - cpu - loop > 0 ? sv - cpu - loop : 0);
    }
    printf("  %-38s %11s %7.2f us %8s   (the floor: a request and an answer between two processes)\n",
           "bare round trip, socketpair", "", med(f, f->floor_ns[PLACE_FREE]), "");
    if (f->cpu[0] >= 0) {
        printf("  by placement (the caller; netrouterd's loop thread or the echo process): %s, then\n"
               "  both on CPU %d, then the caller on CPU %d and the other on CPU %d\n",
               place_name[PLACE_FREE], f->cpu[0], f->cpu[1], f->cpu[0]);
        for (int p = 0; p < NPLACES; p++) {
            series *s = p == PLACE_FREE ? &f->call[f->first_call] : &f->placed[p];
            double sv = med(f, s->svc_ns), cpu = med(f, s->svc_cpu), loop = med(f, s->svc_loop);
            printf("    %-36s %11s %7.2f us %8s   %5.2f + %5.2f + %5.2f us; bare round trip %.2f us\n",
                   place_name[p], "", sv, "", cpu, loop, sv - cpu - loop > 0 ? sv - cpu - loop : 0,
                   med(f, f->floor_ns[p]));
        }
    }
    printf("  %s through the service, each call timed alone: p50 %.2f us,\n"
           "  p99 %.2f us (medians of the rounds), slowest %.1f us of %ld\n",
           rsvc_call_name[f->first_call], med(f, f->p50), med(f, f->p99), f->worst / 1000.0, f->n * f->rounds);
    printf("  first call of a fresh process (connect + HELLO + the call): %.1f us (%.1f us of its CPU);\n"
           "  its second call %.1f us; connect + HELLO about %.1f us\n",
           med(f, f->first), med(f, f->first_cpu), med(f, f->second),
           med(f, f->first) - med(f, f->call[f->first_call].svc_ns));
    if (f->links)
        printf("  for reference, one dial each: in-process %.1f ms, through the service %.1f ms\n",
               f->dial_in / 1e6, f->dial_svc / 1e6);
    printf("  load average %.2f before, %.2f after\n", load_before, load_average());
    if (f->links) {
        printf("  target: RasGetConnectStatus on a link of another process < %.0f us: %s (%.2f us, %.0fx in-process)\n",
               TARGET_US, bench_verdict(status_svc < TARGET_US), status_svc, status_svc / status_in);
        for (int p = PLACE_ONE; p < NPLACES && f->cpu[0] >= 0; p++) {
            double sv = med(f, f->placed[p].svc_ns);
            printf("    %-36s %7.2f us: %s", place_name[p], sv, bench_verdict(sv < TARGET_US));
            if (p == PLACE_TWO)
                printf(" (a bare round trip across two CPUs alone: %.2f us)", med(f, f->floor_ns[p]));
            printf("\n");
        }
    } else
        printf("  target: RasGetConnectStatus on a link of another process < %.0f us: NOT JUDGED (no link);\n"
               "  the lower bound measured instead: %.2f us\n",
               TARGET_US, med(f, f->call[CALL_UNKNOWN].svc_ns));
}

int main(int argc, char **argv)
{
    bench_opts o = { 0 };
    const char *work, *skip;
    char *sock, *log, *book_in, *book_svc, *run_dir;
    figures f;
    uint64_t handle = 0;
    double load_before;
    job j;

    bench_parse_args(argc, argv, &o,
                     "Times RasGetConnectStatus on a link of another process through the connection service\n"
                     "netrouterd against the same call in-process (target: under 50 us).");
    skip = bench_emu_unavailable();
    rsvc_cpus_init();
    figures_init(&f, o.rounds > 0 ? o.rounds : o.quick ? 5 : 21,
                 o.iterations > 0 ? o.iterations : o.quick ? 400 : 2000, !skip);
    signal(SIGPIPE, SIG_IGN);
    work = bench_workdir(&o);
    run.parent = getpid();
    atexit(clean_up); /* runs before the work directory is removed */

    /* Everything in the work directory: the UUCP locks, the service's
     * socket and log; a service started on demand would be this tree's. */
    sock = bench_printf("%s/run/ras.sock", work);
    log = bench_printf("%s/netrouterd.log", work);
    book_in = bench_printf("%s/in-process.json", work);
    book_svc = bench_printf("%s/service.json", work);
    run_dir = bench_printf("%s/run", work);
    if (mkdir(run_dir, 0700) != 0)
        bench_die("mkdir %s: %s", run_dir, strerror(errno));
    setenv("NETROUTER_LOCK_DIR", work, 1);
    setenv("NETROUTER_RAS_SOCKET", sock, 1);
    setenv("NETROUTER_RASD", NETROUTERD, 1);
    setenv("NETROUTER_RASD_LOG", log, 1);
    unsetenv("NETROUTER_RAS_ENGINE");

    run.service = start_service(sock, log);
    if (f.links) {
        worker d;
        bench_emu_start(&run.emu_in, work, "in");
        bench_emu_start(&run.emu_svc, work, "svc");
        bench_emu_write_book(&run.emu_in, book_in, "InProcess");
        bench_emu_write_book(&run.emu_svc, book_svc, "Service");
        rsvc_spawn(&d, "dialer (engine: service)", ROLE_DIALER, book_svc, 0);
        receive(&d, &j);
        close(d.fd);
        if (!reap(d.pid, 10000))
            bench_die("the dialer did not exit after connecting");
        handle = j.handle;
        f.dial_svc = j.ns;
    }
    rsvc_spawn(&run.in, "in-process worker", ROLE_IN_PROCESS, f.links ? book_in : NULL, 0);
    receive(&run.in, &j);
    f.dial_in = j.ns;
    rsvc_spawn(&run.echo, "echo process", ROLE_ECHO, NULL, 0);
    rsvc_spawn(&run.svc, "service worker", ROLE_SERVICE, NULL, handle);
    receive(&run.svc, &j);

    load_before = load_average();
    printf("ras-service: RasGetConnectStatus on a link of another process through netrouterd, against the\n"
           "same call in-process: median of %d rounds of %ld calls%s; %ld CPUs\n",
           f.rounds, f.n, o.quick ? " (quick mode)" : "", sysconf(_SC_NPROCESSORS_ONLN));
    if (!f.links)
        printf("  SKIPPED the calls on a link: %s.\n"
               "  Measured instead: the round trip of RasGetConnectStatus of a handle no engine knows\n"
               "  (a LOWER BOUND: one answer, no link looked at) and the first call of a fresh process.\n",
               skip);
    fflush(stdout);
    for (int r = -1; r < f.rounds; r++) /* round -1: warm-up, not counted */
        measure_round(&f, r, handle);
    report(&f, load_before);
    fflush(stdout);
    clean_up();
    figures_free(&f);
    free(sock);
    free(log);
    free(book_in);
    free(book_svc);
    free(run_dir);
    return 0;
}
