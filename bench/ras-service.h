/*
 * bench/ras-service.h - what the two files of bench/ras-service share: the
 * calls it times, the jobs its worker processes take, and the processes it
 * forks (bench/ras-service-procs.c); bench/ras-service.c runs them.
 */
#ifndef NR_BENCH_RAS_SERVICE_H
#define NR_BENCH_RAS_SERVICE_H

#include <sched.h>
#include <stdint.h>
#include <sys/types.h>

/* The calls timed, on the worker's link (or an unknown handle). */
enum rsvc_call { CALL_STATUS, CALL_STATS, CALL_ENUM, CALL_UNKNOWN, NCALLS };
#define CALL_QUIT (-1)
extern const char *const rsvc_call_name[NCALLS];

/* One job for a worker and its answer, on a SOCK_SEQPACKET pair. */
typedef struct job {
    int32_t call;           /* enum rsvc_call, or CALL_QUIT */
    int32_t each;           /* also time every call on its own (percentiles) */
    int32_t cpu;            /* run on this CPU only (-1: wherever the scheduler likes) */
    int64_t n;              /* calls */
    uint32_t rc;            /* answer: 0, or what the failing call returned */
    uint64_t handle;        /* hello: the link's handle */
    double ns, cpu_ns;      /* per call (hello: the dial; first call: the first) */
    double second_ns;       /* first call: the second call */
    double p50, p99, max;   /* with each */
    char detail[320];       /* what failed */
} job;

/* What a forked process does (bench/ras-service-procs.c):
 *   ROLE_DIALER      engine "service": RasDial of entry "Service" from book,
 *                    answers with the handle and the dial's time, exits
 *                    (the link stays up in the service);
 *   ROLE_IN_PROCESS  engine "in-process": RasDial of entry "InProcess" from
 *                    book (none when book is NULL), then jobs; hangs up;
 *   ROLE_SERVICE     engine "service": finds handle (entry "Service") with
 *                    RasEnumConnections (none when 0), then jobs; hangs up;
 *   ROLE_FIRST_CALL  engine "service": times its first RasGetConnectStatus
 *                    of handle (an unknown one when 0) and its second;
 *   ROLE_ECHO        sends back every job until CALL_QUIT.
 * Each first answers once (its hello, or its result), rc 0 or why not. */
typedef enum rsvc_role { ROLE_DIALER, ROLE_IN_PROCESS, ROLE_SERVICE, ROLE_FIRST_CALL, ROLE_ECHO } rsvc_role;

typedef struct worker {
    const char *name;
    pid_t pid;
    int fd;     /* this side of its socket pair */
} worker;

/* Forks a process playing role; it keeps only its end of the pair. */
void rsvc_spawn(worker *w, const char *name, rsvc_role role, const char *book, uint64_t handle);

/* The CPUs this program may use (read at start-up by rsvc_cpus_init). */
void rsvc_cpus_init(void);
const cpu_set_t *rsvc_cpus(void);
/* Binds thread tid (0: the caller) to cpu, or back to all of rsvc_cpus()
 * when cpu is -1. */
void rsvc_pin(pid_t tid, int cpu);

#endif /* NR_BENCH_RAS_SERVICE_H */
