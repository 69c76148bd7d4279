/*
 * bench/ras-service-procs.c - the processes bench/ras-service forks (see
 * ras-service.h): each chooses its RAS engine, dials or finds its link, and
 * answers jobs, timing the calls in itself.  They talk to the benchmark only
 * through their socket pair and end with _exit() (the benchmark's exit
 * handlers are its own).
 */
#include "config.h"

#include <errno.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <netrouter/ras.h>

#include "bench.h"
#include "ras-service.h"

/* How long the dialer stays after Connected (see dialer()). */
#define DIALER_LINGER_MS 100

const char *const rsvc_call_name[NCALLS] = {
    "RasGetConnectStatus", "RasGetConnectionStatistics", "RasEnumConnections (1 link)",
    "RasGetConnectStatus, unknown handle",
};

/* A handle no engine hands out (the service's start at 0x100 + a random
 * multiple of 2^20, the in-process engine's at 0x100): error 6 from both. */
#define UNKNOWN_HANDLE ((HRASCONN)(uintptr_t)0x10)

/* What call_once returns for an answer that is not an error but wrong. */
#define NOT_CONNECTED 0xffff0001u
#define NOT_ONE_LINK 0xffff0002u
#define UNKNOWN_ACCEPTED 0xffff0003u

static cpu_set_t cpus;

void rsvc_cpus_init(void)
{
    if (sched_getaffinity(0, sizeof cpus, &cpus) != 0)
        bench_die("sched_getaffinity: %s", strerror(errno));
}

const cpu_set_t *rsvc_cpus(void)
{
    return &cpus;
}

void rsvc_pin(pid_t tid, int cpu)
{
    cpu_set_t one;
    CPU_ZERO(&one);
    if (cpu >= 0)
        CPU_SET(cpu, &one);
    if (sched_setaffinity(tid, sizeof one, cpu >= 0 ? &one : &cpus) != 0)
        bench_die("sched_setaffinity(%d, CPU %d): %s", (int)tid, cpu, strerror(errno));
}

static void child_send(int fd, const job *j)
{
    if (send(fd, j, sizeof *j, MSG_NOSIGNAL) != (ssize_t)sizeof *j)
        _exit(1);
}

static void child_fail(int fd, job *j, uint32_t rc, const char *what)
{
    char text[128] = "";
    RasGetErrorString(rc, text, sizeof text);
    j->rc = rc ? rc : ERROR_INVALID_PARAMETER;
    snprintf(j->detail, sizeof j->detail, "%s: error %u: %s", what, (unsigned)rc, text);
    child_send(fd, j);
    _exit(1);
}

static uint32_t call_once(int call, HRASCONN h)
{
    DWORD rc;
    switch (call) {
    case CALL_STATUS: {
        RASCONNSTATUS st = { .dwSize = sizeof st };
        rc = RasGetConnectStatus(h, &st);
        return rc ? rc : st.rasconnstate == RASCS_Connected ? 0 : NOT_CONNECTED;
    }
    case CALL_STATS: {
        RAS_STATS st = { .dwSize = sizeof st };
        return RasGetConnectionStatistics(h, &st);
    }
    case CALL_ENUM: {
        RASCONN v[4];
        DWORD cb = sizeof v, n = 0;
        v[0].dwSize = sizeof v[0];
        rc = RasEnumConnections(v, &cb, &n);
        return rc ? rc : n == 1 ? 0 : NOT_ONE_LINK;
    }
    default: {
        RASCONNSTATUS st = { .dwSize = sizeof st };
        rc = RasGetConnectStatus(UNKNOWN_HANDLE, &st);
        return rc == ERROR_INVALID_HANDLE ? 0 : rc ? rc : UNKNOWN_ACCEPTED;
    }
    }
}

/* What rc of call_once means, for a person. */
static void describe(uint32_t rc, char *buf, size_t size)
{
    char text[128] = "";
    switch (rc) {
    case NOT_CONNECTED: snprintf(buf, size, "the link is no longer connected"); break;
    case NOT_ONE_LINK: snprintf(buf, size, "it did not list exactly one link"); break;
    case UNKNOWN_ACCEPTED: snprintf(buf, size, "an unknown handle was accepted"); break;
    default:
        RasGetErrorString(rc, text, sizeof text);
        snprintf(buf, size, "error %u: %s", (unsigned)rc, text);
    }
}

static void run_job(job *j, HRASCONN h)
{
    size_t n = j->n > 0 ? (size_t)j->n : 1, i;
    double *each = j->each ? calloc(n, sizeof *each) : NULL;
    uint64_t t0, c0, t1, c1;
    uint32_t rc = 0;
    if (j->cpu >= 0)
        rsvc_pin(0, j->cpu);
    c0 = bench_cpu_ns();
    t0 = bench_now_ns();
    for (i = 0; i < n && !rc; i++) {
        uint64_t s = each ? bench_now_ns() : 0;
        rc = call_once(j->call, h);
        if (each)
            each[i] = (double)(bench_now_ns() - s);
    }
    t1 = bench_now_ns();
    c1 = bench_cpu_ns();
    if (j->cpu >= 0)
        rsvc_pin(0, -1);
    j->rc = rc;
    j->ns = (double)(t1 - t0) / (double)n;
    j->cpu_ns = (double)(c1 - c0) / (double)n;
    if (rc) {
        char why[160];
        describe(rc, why, sizeof why);
        snprintf(j->detail, sizeof j->detail, "%s, call %zu of %zu: %s", rsvc_call_name[j->call], i, n, why);
    }
    if (each && !rc) {
        j->p50 = bench_median(each, n); /* sorts */
        j->p99 = each[n * 99 / 100];
        j->max = each[n - 1];
    }
    free(each);
}

/* Answers jobs until CALL_QUIT or the parent is gone. */
static void serve(int fd, HRASCONN h)
{
    for (;;) {
        job j;
        if (recv(fd, &j, sizeof j, 0) != (ssize_t)sizeof j || j.call == CALL_QUIT)
            return;
        if (j.call < 0 || j.call >= NCALLS)
            _exit(1);
        run_job(&j, h);
        child_send(fd, &j);
    }
}

/* The dialer: dials through the service and exits once connected. */
static void dialer(int fd, const char *book)
{
    RASDIALPARAMS p = { .dwSize = sizeof p, .szEntryName = "Service" };
    HRASCONN h = NULL;
    job j = { 0 };
    uint64_t t0;
    DWORD rc;
    if ((rc = nr_ras_set_engine(NR_RAS_ENGINE_SERVICE)) != 0)
        child_fail(fd, &j, rc, "nr_ras_set_engine(NR_RAS_ENGINE_SERVICE)");
    t0 = bench_now_ns();
    rc = RasDial(NULL, book, &p, 0, NULL, &h);
    j.ns = (double)(bench_now_ns() - t0);
    if (rc)
        child_fail(fd, &j, rc, "RasDial Service through netrouterd");
    j.handle = (uint64_t)(uintptr_t)h;
    child_send(fd, &j);
    /* Not at once: netrouterd answers a synchronous RasDial from the thread
     * that waits for Connected and marks the dial connected from the dialing
     * thread's notification; a client gone between the two has its connected
     * link hung up as an unfinished dial ("nobody dials it any more").  See
     * bench/README.md. */
    usleep(DIALER_LINGER_MS * 1000);
}

/* The in-process worker: its own link (when book), then the jobs. */
static void in_process_worker(int fd, const char *book)
{
    RASDIALPARAMS p = { .dwSize = sizeof p, .szEntryName = "InProcess" };
    HRASCONN h = NULL;
    job j = { 0 };
    DWORD rc;
    if ((rc = nr_ras_set_engine(NR_RAS_ENGINE_IN_PROCESS)) != 0)
        child_fail(fd, &j, rc, "nr_ras_set_engine(NR_RAS_ENGINE_IN_PROCESS)");
    if (book) {
        uint64_t t0 = bench_now_ns();
        rc = RasDial(NULL, book, &p, 0, NULL, &h);
        j.ns = (double)(bench_now_ns() - t0);
        if (rc)
            child_fail(fd, &j, rc, "RasDial InProcess in process");
        j.handle = (uint64_t)(uintptr_t)h;
    }
    child_send(fd, &j);
    serve(fd, h);
    if (h)
        nr_ras_hang_up_wait(h, 5000);
}

/* The service worker: finds the link of entry "Service" (when expect is
 * not 0, it must be that handle), then the jobs; hangs it up at the end. */
static void service_worker(int fd, uint64_t expect)
{
    RASCONN v[8];
    DWORD cb = sizeof v, n = 0, rc;
    HRASCONN h = NULL;
    job j = { 0 };
    if ((rc = nr_ras_set_engine(NR_RAS_ENGINE_SERVICE)) != 0)
        child_fail(fd, &j, rc, "nr_ras_set_engine(NR_RAS_ENGINE_SERVICE)");
    if (expect) {
        v[0].dwSize = sizeof v[0];
        if ((rc = RasEnumConnections(v, &cb, &n)) != 0)
            child_fail(fd, &j, rc, "RasEnumConnections through netrouterd");
        for (DWORD i = 0; i < n; i++)
            if (strcmp(v[i].szEntryName, "Service") == 0)
                h = v[i].hrasconn;
        if ((uint64_t)(uintptr_t)h != expect) {
            snprintf(j.detail, sizeof j.detail,
                     "RasEnumConnections lists %#llx for the dialer's link %#llx (hung up when its dialer "
                     "exited? --keep keeps netrouterd.log)",
                     (unsigned long long)(uintptr_t)h, (unsigned long long)expect);
            j.rc = NOT_ONE_LINK;
            child_send(fd, &j);
            _exit(1);
        }
        j.handle = expect;
    }
    child_send(fd, &j);
    serve(fd, h);
    if (h)
        nr_ras_hang_up_wait(h, 5000);
}

/* The floor: sends back every job it gets, until CALL_QUIT. */
static void echo(int fd)
{
    job j;
    while (recv(fd, &j, sizeof j, 0) == (ssize_t)sizeof j && j.call != CALL_QUIT)
        if (send(fd, &j, sizeof j, MSG_NOSIGNAL) != (ssize_t)sizeof j)
            return;
}

/* A fresh process's first call (connect + HELLO + the call) and second. */
static void first_call(int fd, uint64_t handle)
{
    int call = handle ? CALL_STATUS : CALL_UNKNOWN;
    job j = { 0 };
    uint64_t t0, t1, t2, c0, c1;
    uint32_t rc;
    if ((rc = nr_ras_set_engine(NR_RAS_ENGINE_SERVICE)) != 0)
        child_fail(fd, &j, rc, "nr_ras_set_engine(NR_RAS_ENGINE_SERVICE)");
    c0 = bench_cpu_ns();
    t0 = bench_now_ns();
    rc = call_once(call, (HRASCONN)(uintptr_t)handle);
    t1 = bench_now_ns();
    c1 = bench_cpu_ns();
    if (!rc)
        rc = call_once(call, (HRASCONN)(uintptr_t)handle);
    t2 = bench_now_ns();
    j.rc = rc;
    if (rc) {
        char why[160];
        describe(rc, why, sizeof why);
        snprintf(j.detail, sizeof j.detail, "%s: %s", rsvc_call_name[call], why);
    }
    j.ns = (double)(t1 - t0);
    j.cpu_ns = (double)(c1 - c0);
    j.second_ns = (double)(t2 - t1);
    child_send(fd, &j);
}

void rsvc_spawn(worker *w, const char *name, rsvc_role r, const char *book, uint64_t handle)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0)
        bench_die("socketpair: %s", strerror(errno));
    w->name = name;
    w->pid = fork();
    if (w->pid < 0)
        bench_die("fork: %s", strerror(errno));
    if (w->pid == 0) {
        /* Only its own end: the parent's ends of the others must see EOF
         * when the parent is gone. */
        if (dup2(sv[1], 3) != 3)
            _exit(1);
        close_range(4, ~0U, 0);
        switch (r) {
        case ROLE_DIALER: dialer(3, book); break;
        case ROLE_IN_PROCESS: in_process_worker(3, book); break;
        case ROLE_SERVICE: service_worker(3, handle); break;
        case ROLE_FIRST_CALL: first_call(3, handle); break;
        case ROLE_ECHO: echo(3); break;
        }
        _exit(0);
    }
    close(sv[1]);
    w->fd = sv[0];
}
