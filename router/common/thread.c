/*
 * thread.c - the library's own detached threads, signals blocked
 * (thread.h).
 */
#include "config.h"

#include <pthread.h>
#include <signal.h>

#include "thread.h"

int nr_thread_start(void *(*fn)(void *), void *arg)
{
    sigset_t all, old;
    pthread_t t;
    int rc;
    sigfillset(&all);
    /* signals of a fault in the thread itself stay deliverable */
    sigdelset(&all, SIGSEGV);
    sigdelset(&all, SIGBUS);
    sigdelset(&all, SIGFPE);
    sigdelset(&all, SIGILL);
    sigdelset(&all, SIGTRAP);
    sigdelset(&all, SIGABRT);
    sigdelset(&all, SIGSYS);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    rc = pthread_create(&t, NULL, fn, arg);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (rc == 0)
        pthread_detach(t);
    return rc;
}
