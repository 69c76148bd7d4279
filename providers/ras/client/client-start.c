/*
 * client-start.c - starting the connection service on demand, as RasMan
 * starts when an application first needs it (client.h).
 *
 * The program is $NETROUTER_RASD, else the installed netrouterd.  It runs
 * detached: a grandchild of the caller (so the caller never has a child to
 * reap), in a session of its own, with standard input and output on
 * /dev/null, standard error on $NETROUTER_RASD_LOG when set (else
 * /dev/null), default signal dispositions and an empty signal mask, and no
 * other descriptor of the caller but the pipe on which it says it listens
 * ("OK") or why it cannot (one line).  fork() in a threaded process: the
 * children call only async-signal-safe functions before exec.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "client.h"

#ifndef NR_RASD_PATH
#define NR_RASD_PATH "/usr/local/sbin/netrouterd"
#endif

/* How long the service may take to listen. */
#define START_WAIT_MS 10000

/* The detached grandchild: never returns.  Every descriptor is first moved
 * above the four it sets up, so that none of them is clobbered whatever
 * numbers the caller left free. */
static void __attribute__((noreturn)) exec_service(int ready, const char *prog, char *const argv[],
                                                   const char *log)
{
    struct sigaction dfl = { .sa_handler = SIG_DFL };
    sigset_t none;
    int in = open("/dev/null", O_RDONLY | O_CLOEXEC);
    int out = open("/dev/null", O_WRONLY | O_CLOEXEC);
    int err = log ? open(log, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0600) : -1;
    int r = fcntl(ready, F_DUPFD_CLOEXEC, 10), n, o, e;
    if (out < 0) { /* a /dev/null only root may write: a pipe nobody reads (the service ignores SIGPIPE) */
        int p[2];
        if (pipe2(p, O_CLOEXEC) == 0) {
            close(p[0]);
            out = p[1];
        }
    }
    n = in >= 0 ? fcntl(in, F_DUPFD_CLOEXEC, 10) : -1;
    o = out >= 0 ? fcntl(out, F_DUPFD_CLOEXEC, 10) : -1;
    e = err >= 0 ? fcntl(err, F_DUPFD_CLOEXEC, 10) : o;
    if (r < 0)
        _exit(126);
    if (n < 0 || o < 0) {
        dprintf(r, "cannot open /dev/null: %s\n", strerror(errno));
        _exit(126);
    }
    if (dup2(n, 0) < 0 || dup2(o, 1) < 0 || dup2(e, 2) < 0 || dup2(r, 3) < 0) {
        dprintf(r, "cannot set up its descriptors: %s\n", strerror(errno));
        _exit(126);
    }
    close_range(4, ~0U, 0); /* the caller's descriptors stay the caller's */
    for (int s = 1; s < NSIG; s++)
        sigaction(s, &dfl, NULL);
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    if (chdir("/") != 0) {
        /* the service never uses its working directory */
    }
    execv(prog, argv);
    dprintf(3, "cannot run %s: %s%s\n", prog, strerror(errno),
            errno == ENOENT ? " (install netrouter, or set NETROUTER_RASD to the netrouterd to start)" : "");
    _exit(127);
}

uint32_t nr_client_start_service(const char *path, nr_error *err)
{
    const char *prog = secure_getenv("NETROUTER_RASD");
    const char *log = secure_getenv("NETROUTER_RASD_LOG");
    char *argv[] = { "netrouterd", "--socket", (char *)path, "--ready-fd", "3", "--exit-idle", "300", NULL };
    char answer[512] = "";
    struct pollfd p;
    size_t got = 0;
    bool timed_out = false;
    int pipefd[2], status;
    pid_t pid;
    if (!prog || !*prog)
        prog = NR_RASD_PATH;
    if (pipe2(pipefd, O_CLOEXEC) < 0)
        return nr_error_set(err, ERROR_RASMAN_CANNOT_INITIALIZE, (uint32_t)errno,
                            "cannot start the connection service %s: %s", prog, strerror(errno));
    pid = fork();
    if (pid == 0) {
        close(pipefd[0]);
        setsid();
        pid = fork();
        if (pid != 0)
            _exit(pid < 0 ? 1 : 0);
        exec_service(pipefd[1], prog, argv, log && *log ? log : NULL);
    }
    close(pipefd[1]);
    if (pid < 0) {
        close(pipefd[0]);
        return nr_error_set(err, ERROR_RASMAN_CANNOT_INITIALIZE, (uint32_t)errno,
                            "cannot start the connection service %s: %s", prog, strerror(errno));
    }
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    /* Whatever the service writes before it closes the pipe: "OK", or why not. */
    p = (struct pollfd){ .fd = pipefd[0], .events = POLLIN };
    for (;;) {
        ssize_t n;
        int rc = poll(&p, 1, START_WAIT_MS);
        if (rc < 0 && errno == EINTR)
            continue;
        timed_out = rc == 0;
        if (rc <= 0)
            break;
        n = read(pipefd[0], answer + got, sizeof answer - 1 - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
        if (got == sizeof answer - 1)
            break;
    }
    close(pipefd[0]);
    answer[got] = '\0';
    answer[strcspn(answer, "\n")] = '\0';
    if (strcmp(answer, "OK") == 0)
        return 0;
    return nr_error_set(err, ERROR_RASMAN_CANNOT_INITIALIZE, 0, "the connection service %s did not start: %s",
                        prog, *answer      ? answer
                              : timed_out ? "it did not say it listens within 10 s"
                                          : "it ended without saying why (see NETROUTER_RASD_LOG)");
}
