/*
 * clock.h - the monotonic millisecond clock that timeouts and deadlines are
 * measured with (the RAS provider's modem dialogue, UUCP lock waits, PPP
 * timers, the dial engine, the connection service's clients).
 *
 * Shared by libnetrouter and the RAS provider; internal.  Reentrant.
 */
#ifndef NR_COMMON_CLOCK_H
#define NR_COMMON_CLOCK_H

#include <stdint.h>

/* Milliseconds of CLOCK_MONOTONIC: never goes back and does not jump when
 * the wall clock is set, so only differences mean anything.  Take a
 * deadline as nr_clock_ms() + timeout and compare nr_clock_ms() with it. */
__attribute__((visibility("hidden"))) uint64_t nr_clock_ms(void);

/* The same clock in nanoseconds, for waits of microseconds (a client
 * looking for the connection service's answer before it sleeps). */
__attribute__((visibility("hidden"))) uint64_t nr_clock_ns(void);

#endif
