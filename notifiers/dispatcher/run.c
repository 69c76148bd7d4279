/*
 * run.c - runs one dispatcher script to its end or its deadline (run.h).
 *
 * It owns the child process from posix_spawn() to waitpid(): the child's
 * descriptors, signals and process group, the two output pipes read line
 * by line into the log, the deadline and the kill of the process group.
 * The end of the script is watched through a pidfd (poll()ed with the
 * pipes), so that a background child that keeps the pipes open cannot hold
 * the caller past the script's own exit; a kernel without pidfd_open falls
 * back to waitpid(WNOHANG) every 20 ms.
 *
 * posix_spawn() rather than fork(): the router lives inside applications
 * that may be large and multi-threaded; between the clone and the exec the
 * child runs only the C library's spawn code, never the application's.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* pipe2, vasprintf */
#endif
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "run.h"

#if !defined(__GLIBC__) || !__GLIBC_PREREQ(2, 34)
#error "the dispatcher needs glibc 2.34 or later (posix_spawn_file_actions_addclosefrom_np)"
#endif

/* At most this much of a script's output is logged; the rest is read and dropped. */
#define OUTPUT_LOG_MAX (64 * 1024)
#define LINE_MAX_LOGGED 1000

typedef struct stream {
    int fd;              /* -1 once at its end */
    int level;           /* NR_LOG_* of its lines */
    char line[LINE_MAX_LOGGED + 1];
    size_t len;
} stream;

typedef struct reader {
    const NR_PLUGIN_HOST *host;
    const char *label;
    size_t logged;       /* bytes of output logged so far */
    bool dropped;        /* said that the rest is dropped */
    dsp_result *res;
    bool have_first;     /* the first line of stderr is complete */
} reader;

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* One line (without its end) of a stream: to the log, and the first of
 * stderr kept. */
static void emit(reader *rd, stream *s)
{
    s->line[s->len] = '\0';
    if (s->level == NR_LOG_NOTICE && !rd->have_first) {
        snprintf(rd->res->first_err, sizeof rd->res->first_err, "%.*s", (int)sizeof rd->res->first_err - 1, s->line);
        rd->have_first = true;
    }
    if (rd->logged < OUTPUT_LOG_MAX) {
        rd->logged += s->len + 1;
        if (rd->host)
            rd->host->pfnLog(rd->host, (DWORD)s->level, "%s: %s", rd->label, s->line);
    } else if (!rd->dropped) {
        rd->dropped = true;
        if (rd->host)
            rd->host->pfnLog(rd->host, NR_LOG_WARNING, "%s: more than %d bytes of output; the rest is not logged",
                             rd->label, OUTPUT_LOG_MAX);
    }
    s->len = 0;
}

/* Reads what is there (at most 64 reads, so that a script writing without
 * pause cannot keep the caller past the deadline); closes the stream at its
 * end (or on an error). */
static void drain(reader *rd, stream *s)
{
    char buf[4096];
    for (int reads = 0; reads < 64; reads++) {
        ssize_t n = read(s->fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            return;
        if (n <= 0) {
            if (s->len)
                emit(rd, s);
            close(s->fd);
            s->fd = -1;
            return;
        }
        for (ssize_t i = 0; i < n; i++) {
            if (buf[i] == '\n') {
                emit(rd, s);
                continue;
            }
            if (s->len == LINE_MAX_LOGGED)
                emit(rd, s);
            s->line[s->len++] = buf[i];
        }
    }
}

/* A pipe whose ends are both above 2 (so that the child's dup2 onto 0, 1
 * and 2 cannot overwrite one of them), close-on-exec, read end non-blocking. */
static int make_pipe(int p[2])
{
    if (pipe2(p, O_CLOEXEC) < 0)
        return -1;
    for (int i = 0; i < 2; i++) {
        if (p[i] <= 2) {
            int moved = fcntl(p[i], F_DUPFD_CLOEXEC, 3);
            int e = errno;
            close(p[i]);
            if (moved < 0) {
                close(p[1 - i]);
                errno = e;
                return -1;
            }
            p[i] = moved;
        }
    }
    fcntl(p[0], F_SETFL, O_NONBLOCK);
    return 0;
}

static int spawn(const char *path, char *const argv[], char *const envp[], int out, int err, pid_t *pid)
{
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t at;
    sigset_t none, all;
    int rc;

    sigemptyset(&none);
    sigfillset(&all);
    posix_spawn_file_actions_init(&fa);
    posix_spawnattr_init(&at);
    posix_spawn_file_actions_adddup2(&fa, out, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&fa, err, STDERR_FILENO);
    posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addchdir_np(&fa, "/");
    posix_spawn_file_actions_addclosefrom_np(&fa, 3);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    posix_spawnattr_setpgroup(&at, 0);
    posix_spawnattr_setsigmask(&at, &none);
    posix_spawnattr_setsigdefault(&at, &all);
    rc = posix_spawn(pid, path, &fa, &at, argv, envp);
    posix_spawnattr_destroy(&at);
    posix_spawn_file_actions_destroy(&fa);
    return rc;
}

/* Waits for pid; true once it is gone (*status filled, or *lost set when
 * somebody else reaped it: an application that ignores SIGCHLD or reaps
 * every child itself). */
static bool reap(pid_t pid, int *status, bool *lost, int flags)
{
    for (;;) {
        pid_t r = waitpid(pid, status, flags);
        if (r == pid)
            return true;
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            *lost = true;
            return true;
        }
        return false;
    }
}

void dsp_run(const NR_PLUGIN_HOST *host, const char *label, const char *path, char *const argv[],
             char *const envp[], unsigned timeout_ms, dsp_result *res)
{
    int po[2], pe[2], status = 0, pidfd, rc;
    pid_t pid;
    stream s[2];
    reader rd = { .host = host, .label = label, .res = res };
    long long deadline;
    bool exited = false, reaped = false, lost = false;

    memset(res, 0, sizeof *res);
    if (make_pipe(po) < 0) {
        res->end = DSP_NOT_RUN;
        res->code = errno;
        return;
    }
    if (make_pipe(pe) < 0) {
        res->end = DSP_NOT_RUN;
        res->code = errno;
        close(po[0]);
        close(po[1]);
        return;
    }
    rc = spawn(path, argv, envp, po[1], pe[1], &pid);
    close(po[1]);
    close(pe[1]);
    if (rc != 0) {
        close(po[0]);
        close(pe[0]);
        res->end = DSP_NOT_RUN;
        res->code = rc;
        return;
    }
    s[0] = (stream){ .fd = po[0], .level = NR_LOG_INFO };
    s[1] = (stream){ .fd = pe[0], .level = NR_LOG_NOTICE };
    pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
    deadline = now_ms() + timeout_ms;

    while (!exited) {
        struct pollfd pf[3];
        int n = 0, wait_ms;
        long long left = deadline - now_ms();
        if (left <= 0) {
            kill(-pid, SIGKILL);
            res->end = DSP_TIMED_OUT;
            break;
        }
        for (int i = 0; i < 2; i++)
            if (s[i].fd >= 0)
                pf[n++] = (struct pollfd){ .fd = s[i].fd, .events = POLLIN };
        if (pidfd >= 0)
            pf[n++] = (struct pollfd){ .fd = pidfd, .events = POLLIN };
        wait_ms = left > 1000000 ? 1000000 : (int)left;
        if (pidfd < 0 && wait_ms > 20)
            wait_ms = 20;
        if (poll(pf, (nfds_t)n, wait_ms) < 0 && errno != EINTR)
            wait_ms = 0;
        for (int i = 0; i < 2; i++)
            if (s[i].fd >= 0)
                drain(&rd, &s[i]);
        if (pidfd >= 0) {
            struct pollfd one = { .fd = pidfd, .events = POLLIN };
            exited = poll(&one, 1, 0) == 1;
        } else if (reap(pid, &status, &lost, WNOHANG)) {
            exited = reaped = true;
        }
    }
    /* What the script wrote before it ended is in the pipes: read it, but
     * never wait on a pipe a background child of the script keeps open. */
    for (int i = 0; i < 2; i++)
        if (s[i].fd >= 0) {
            drain(&rd, &s[i]);
            if (s[i].fd >= 0) {
                if (s[i].len)
                    emit(&rd, &s[i]);
                close(s[i].fd);
            }
        }
    if (!reaped)
        reap(pid, &status, &lost, 0);
    if (pidfd >= 0)
        close(pidfd);
    if (res->end == DSP_TIMED_OUT)
        return;
    if (lost) {
        res->end = DSP_LOST;
    } else if (WIFSIGNALED(status)) {
        res->end = DSP_SIGNALED;
        res->code = WTERMSIG(status);
    } else {
        res->end = DSP_EXITED;
        res->code = WEXITSTATUS(status);
    }
}

void dsp_describe(const dsp_result *res, unsigned timeout_ms, char *buf, size_t size)
{
    switch (res->end) {
    case DSP_EXITED:
        snprintf(buf, size, "exit status %d", res->code);
        break;
    case DSP_SIGNALED:
        snprintf(buf, size, "killed by signal %d (%s)", res->code, strsignal(res->code));
        break;
    case DSP_TIMED_OUT:
        snprintf(buf, size, "did not finish within %u ms and was killed with its process group", timeout_ms);
        break;
    case DSP_NOT_RUN:
        snprintf(buf, size, "could not be started: %s", strerror(res->code));
        break;
    case DSP_LOST:
        snprintf(buf, size, "ended, but its exit status was lost (the application reaps its children itself)");
        break;
    }
}
