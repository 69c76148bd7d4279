/*
 * thread.h - the library's own threads: started detached, with every
 * asynchronous signal blocked, so that the application's signals (SIGINT,
 * SIGTERM, ...) are handled on its own threads, never on the library's,
 * whose system calls are then never interrupted either.  Signals of a
 * fault in the thread itself stay deliverable.
 *
 * Shared by the RAS provider's dialing engine, its client and the
 * connection service; internal.  Reentrant.
 */
#ifndef NR_COMMON_THREAD_H
#define NR_COMMON_THREAD_H

/* Runs fn(arg) on a new detached thread: 0, or the errno of
 * pthread_create(). */
__attribute__((visibility("hidden"))) int nr_thread_start(void *(*fn)(void *), void *arg);

#endif
