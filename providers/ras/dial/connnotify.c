/*
 * connnotify.c - RasConnectionNotification's registry (connnotify.h).
 *
 * Each registration holds its own duplicate of the application's
 * descriptor: a number the application closes and reuses for something
 * else is never written to.  An eventfd gets a uint64_t 1, anything else one
 * byte.  Writes happen only when poll() says the descriptor is writable, so
 * a dialing thread never waits for a reader; a full pipe is readable
 * already and loses nothing that matters.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "connnotify.h"
#include "rasconn.h"

#define ALL_CONNECTIONS ((HRASCONN)INVALID_HANDLE_VALUE)

typedef struct reg {
    HRASCONN h;         /* ALL_CONNECTIONS or one handle */
    DWORD flags;
    int fd;             /* ours (a duplicate) */
    bool eventfd;
} reg;

static struct {
    pthread_mutex_t lock;
    reg *v;
    size_t n, cap;
    nr_connnotify_listener *listener;
    void *listener_ctx;
} regs = { PTHREAD_MUTEX_INITIALIZER, NULL, 0, 0, NULL, NULL };

/* Called with regs.lock held. */
static void drop(size_t i)
{
    close(regs.v[i].fd);
    regs.v[i] = regs.v[--regs.n];
    if (regs.n == 0) { /* idle: give the memory back */
        free(regs.v);
        regs.v = NULL;
        regs.cap = 0;
    }
}

static bool is_eventfd(int fd)
{
    char path[64], target[64];
    ssize_t len;
    struct stat st;
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    len = readlink(path, target, sizeof target - 1);
    if (len > 0) {
        target[len] = '\0';
        return strcmp(target, "anon_inode:[eventfd]") == 0;
    }
    /* No /proc: an anonymous inode has no file type; the writable ones are eventfds. */
    return fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == 0;
}

static DWORD add(HRASCONN h, int fd, DWORD flags, bool check);

DWORD nr_connnotify_register(HRASCONN h, int fd, DWORD flags)
{
    return add(h, fd, flags, true);
}

DWORD nr_connnotify_register_remote(HRASCONN h, int fd, DWORD flags)
{
    return add(h, fd, flags, false);
}

static DWORD add(HRASCONN h, int fd, DWORD flags, bool check)
{
    int mode, own;
    bool efd;
    DWORD rc = 0;

    if (!flags || (flags & ~(DWORD)(RASCN_Connection | RASCN_Disconnection | RASCN_ReConnection)))
        return ERROR_INVALID_PARAMETER; /* also the multilink RASCN_Bandwidth* */
    if (!h || fd < 0 || (mode = fcntl(fd, F_GETFL)) < 0 || (mode & O_ACCMODE) == O_RDONLY)
        return ERROR_INVALID_HANDLE;
    efd = is_eventfd(fd);
    own = fcntl(fd, F_DUPFD_CLOEXEC, 3);
    if (own < 0)
        return errno == EMFILE || errno == ENOMEM ? ERROR_ALLOCATING_MEMORY : ERROR_INVALID_HANDLE;

    pthread_mutex_lock(&regs.lock);
    if (check && h != ALL_CONNECTIONS) {
        nr_rasconn *c = nr_rasconn_lookup(h);
        if (!c)
            rc = ERROR_INVALID_HANDLE;
        nr_rasconn_release(c);
    }
    if (!rc && regs.n == regs.cap) {
        size_t cap = regs.cap ? regs.cap * 2 : 4;
        reg *v = realloc(regs.v, cap * sizeof *v);
        if (v) {
            regs.v = v;
            regs.cap = cap;
        } else {
            rc = ERROR_ALLOCATING_MEMORY;
        }
    }
    if (!rc)
        regs.v[regs.n++] = (reg){ .h = h, .flags = flags, .fd = own, .eventfd = efd };
    pthread_mutex_unlock(&regs.lock);
    if (rc)
        close(own);
    return rc;
}

/* One signal; false when the descriptor can no longer be written.  SIGPIPE
 * (a pipe whose reader left) is blocked for the write and, if the write
 * raised it, taken back, so the application never sees it. */
static bool signal_one(const reg *r)
{
    static const uint64_t one = 1;
    struct pollfd p = { .fd = r->fd, .events = POLLOUT };
    sigset_t pipe_only, old, pending;
    bool was_pending, ok = true;
    ssize_t w;
    int rc;

    do
        rc = poll(&p, 1, 0);
    while (rc < 0 && errno == EINTR);
    if (rc < 0 || (p.revents & POLLNVAL))
        return false;
    if (p.revents & POLLERR)
        return false; /* a pipe without reader */
    if (!(p.revents & POLLOUT))
        return true; /* full: already readable, nothing is lost */

    sigemptyset(&pipe_only);
    sigaddset(&pipe_only, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_only, &old);
    sigpending(&pending);
    was_pending = sigismember(&pending, SIGPIPE);
    do
        w = r->eventfd ? write(r->fd, &one, sizeof one) : write(r->fd, "", 1);
    while (w < 0 && errno == EINTR);
    if (w < 0 && errno != EAGAIN)
        ok = false;
    if (w < 0 && errno == EPIPE && !was_pending) {
        struct timespec now = { 0, 0 };
        sigtimedwait(&pipe_only, NULL, &now);
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return ok;
}

static void fire(HRASCONN h, DWORD event, bool every)
{
    pthread_mutex_lock(&regs.lock);
    for (size_t i = 0; i < regs.n;) {
        reg *r = &regs.v[i];
        if ((every || r->h == h || r->h == ALL_CONNECTIONS) && (r->flags & event) && !signal_one(r)) {
            drop(i); /* the last one moved to i: look at i again */
            continue;
        }
        i++;
    }
    pthread_mutex_unlock(&regs.lock);
}

void nr_connnotify_fire(HRASCONN h, DWORD event)
{
    nr_connnotify_listener *fn;
    void *ctx;
    fire(h, event, false);
    pthread_mutex_lock(&regs.lock);
    fn = regs.listener;
    ctx = regs.listener_ctx;
    pthread_mutex_unlock(&regs.lock);
    if (fn) /* outside the registry's lock: the listener takes its own */
        fn(ctx, h, event);
}

void nr_connnotify_fire_all(DWORD event)
{
    fire(NULL, event, true);
}

void nr_connnotify_set_listener(nr_connnotify_listener *fn, void *ctx)
{
    pthread_mutex_lock(&regs.lock);
    regs.listener = fn;
    regs.listener_ctx = ctx;
    pthread_mutex_unlock(&regs.lock);
}

void nr_connnotify_forget(HRASCONN h)
{
    pthread_mutex_lock(&regs.lock);
    for (size_t i = 0; i < regs.n;) {
        if (regs.v[i].h == h) {
            drop(i);
            continue;
        }
        i++;
    }
    pthread_mutex_unlock(&regs.lock);
}

/* Registrations for every connection last as long as the process; give
 * them back when the library goes (leak checkers see nothing left). */
__attribute__((destructor)) static void connnotify_exit(void)
{
    pthread_mutex_lock(&regs.lock);
    while (regs.n)
        drop(regs.n - 1);
    pthread_mutex_unlock(&regs.lock);
}
