/*
 * run.c - spawn a helper program in its own session, feed it a secret
 * through a pipe, wait for it with a time limit and keep what it said
 * (run.h).  It knows nothing of SSH.
 */
#define _GNU_SOURCE /* memfd_create, pipe2 */

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "run.h"

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* In the child: closes every descriptor above 2. */
static void close_others(void)
{
#ifdef SYS_close_range
    if (syscall(SYS_close_range, 3u, ~0u, 0u) == 0)
        return;
#endif
    long max = sysconf(_SC_OPEN_MAX);
    for (long fd = 3; fd < (max > 0 ? max : 1024); fd++)
        close((int)fd);
}

/* Waits for pid at most until deadline (ms, now_ms clock); true if it was
 * reaped, with its status. */
static int wait_until(pid_t pid, long deadline, int *status)
{
    int pidfd = -1;
#ifdef SYS_pidfd_open
    pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
#endif
    for (;;) {
        pid_t r = waitpid(pid, status, WNOHANG);
        if (r == pid)
            break;
        if (r < 0 && errno != EINTR) {
            *status = 0;
            break;
        }
        long left = deadline - now_ms();
        if (left <= 0) {
            if (pidfd >= 0)
                close(pidfd);
            return 0;
        }
        if (pidfd >= 0) {
            struct pollfd p = { .fd = pidfd, .events = POLLIN };
            poll(&p, 1, (int)(left < 1000 ? left : 1000));
        } else {
            struct timespec ts = { 0, 2000000 }; /* 2 ms */
            nanosleep(&ts, NULL);
        }
    }
    if (pidfd >= 0)
        close(pidfd);
    return 1;
}

void sshfs_run(const char *const argv[], const char *input, int timeout_ms, sshfs_run_result *out)
{
    int in[2] = { -1, -1 }, log = -1, status = 0;
    pid_t pid;

    memset(out, 0, sizeof *out);
    log = memfd_create("nr-sshfs-output", MFD_CLOEXEC);
    if (log < 0 || (input && pipe2(in, O_CLOEXEC) < 0)) {
        out->status = SSHFS_RUN_FAILED;
        out->code = errno;
        snprintf(out->output, sizeof out->output, "cannot run %s: %s", argv[0], strerror(errno));
        if (log >= 0)
            close(log);
        return;
    }
    pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_RDWR | O_CLOEXEC);
        static const int reset[] = { SIGPIPE, SIGCHLD, SIGHUP, SIGINT, SIGQUIT, SIGTERM };
        sigset_t none;
        setsid();
        /* what the application ignored or blocked is not the helper's business */
        for (size_t i = 0; i < sizeof reset / sizeof *reset; i++)
            signal(reset[i], SIG_DFL);
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        if (dup2(input ? in[0] : null, 0) < 0 || dup2(log, 1) < 0 || dup2(log, 2) < 0)
            _exit(127);
        close_others();
        execvp(argv[0], (char *const *)argv);
        dprintf(2, "cannot run %s: %s", argv[0], strerror(errno));
        _exit(127);
    }
    if (pid < 0) {
        out->status = SSHFS_RUN_FAILED;
        out->code = errno;
        snprintf(out->output, sizeof out->output, "cannot run %s: %s", argv[0], strerror(errno));
        goto done;
    }
    if (input) {
        /* A password is far below a pipe's capacity: this never blocks. */
        size_t len = strlen(input);
        sigset_t pipe_set, old_set;
        /* SIGPIPE blocked for this thread only (the process's disposition is
         * the application's), and a pending one consumed afterwards. */
        sigemptyset(&pipe_set);
        sigaddset(&pipe_set, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &pipe_set, &old_set);
        close(in[0]);
        in[0] = -1;
        if (write(in[1], input, len) != (ssize_t)len || write(in[1], "\n", 1) != 1) {
            /* the program did not read it: its own message will say why */
        }
        close(in[1]);
        in[1] = -1;
        {
            struct timespec zero = { 0, 0 };
            while (sigtimedwait(&pipe_set, NULL, &zero) == SIGPIPE) {
            }
        }
        pthread_sigmask(SIG_SETMASK, &old_set, NULL);
    }
    if (!wait_until(pid, now_ms() + timeout_ms, &status)) {
        kill(-pid, SIGKILL);
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        out->status = SSHFS_RUN_TIMEOUT;
        out->code = timeout_ms;
    } else if (WIFSIGNALED(status)) {
        out->status = SSHFS_RUN_SIGNALED;
        out->code = WTERMSIG(status);
    } else {
        out->status = SSHFS_RUN_EXITED;
        out->code = WEXITSTATUS(status);
    }
    {
        ssize_t n = pread(log, out->output, sizeof out->output - 1, 0);
        out->output[n > 0 ? n : 0] = '\0';
        /* trailing blanks and line ends */
        for (size_t len = strlen(out->output); len && strchr(" \t\r\n", out->output[len - 1]);)
            out->output[--len] = '\0';
    }
done:
    if (in[0] >= 0)
        close(in[0]);
    if (in[1] >= 0)
        close(in[1]);
    close(log);
}
