/*
 * deadline.h - the absolute CLOCK_REALTIME time ms milliseconds from now,
 * what pthread_cond_timedwait() wants (a condition variable made with the
 * default attributes), for the RAS tests' waits.
 */
#ifndef NR_TESTS_RAS_DEADLINE_H
#define NR_TESTS_RAS_DEADLINE_H

#include <time.h>

static inline struct timespec nr_test_deadline(int ms)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += ms / 1000;
    until.tv_nsec += (long)(ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    return until;
}

#endif
