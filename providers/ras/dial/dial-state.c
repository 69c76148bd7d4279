/*
 * dial-state.c - what every phase of a dial shares: the state a connection
 * is in, its announcement through the notifier (once on entry, once more
 * with the error on failure, nothing after Connected, an error or
 * RasHangUp), the failure detail, the hang-up flag, the paused states and
 * the one wait that hang-up cuts short.
 *
 * The lowest file of the engine: dial-modem.c, dial-ppp.c and dial.c call
 * it, it calls none of them.  Locking: conn->lock guards the state and the
 * nr_dial flags; it is never held while a notification handler runs, so
 * handlers may call RasHangUp, RasGetConnectStatus and RasEnumConnections.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdarg.h>

#include "dial.h"

bool nr_dial_hangup_requested(nr_dial *d)
{
    bool h;
    pthread_mutex_lock(&d->conn->lock);
    h = d->hangup;
    pthread_mutex_unlock(&d->conn->lock);
    return h;
}

/* Announces (state, error, ext) unless notifications have stopped. */
static void announce(nr_dial *d, RASCONNSTATE state, DWORD error, DWORD ext)
{
    bool quiet;
    pthread_mutex_lock(&d->conn->lock);
    quiet = d->silent || d->hangup || !d->async;
    pthread_mutex_unlock(&d->conn->lock);
    if (quiet)
        return;
    if (!nr_ras_notify(&d->notifier, d->conn->handle, state, error, ext)) {
        pthread_mutex_lock(&d->conn->lock);
        d->silent = true;
        pthread_mutex_unlock(&d->conn->lock);
    }
}

bool nr_dial_enter(nr_dial *d, RASCONNSTATE state)
{
    pthread_mutex_lock(&d->conn->lock);
    d->conn->state = state;
    nr_error_clear(&d->conn->err);
    pthread_cond_broadcast(&d->conn->changed);
    pthread_mutex_unlock(&d->conn->lock);
    announce(d, state, 0, 0);
    return !nr_dial_hangup_requested(d);
}

void nr_dial_fail(nr_dial *d, DWORD error, DWORD ext, const char *fmt, ...)
{
    RASCONNSTATE state;
    va_list ap;
    pthread_mutex_lock(&d->conn->lock);
    state = d->conn->state;
    if (!d->redialing) { /* a failed redial attempt is not the connection's failure */
        va_start(ap, fmt);
        nr_error_setv(&d->conn->err, error, ext, fmt, ap);
        va_end(ap);
    }
    pthread_cond_broadcast(&d->conn->changed);
    pthread_mutex_unlock(&d->conn->lock);
    announce(d, state, error, ext);
    pthread_mutex_lock(&d->conn->lock);
    d->silent = true; /* nothing after an error */
    pthread_mutex_unlock(&d->conn->lock);
}

void nr_dial_lost(nr_dial *d, const nr_error *why)
{
    pthread_mutex_lock(&d->conn->lock);
    d->conn->state = RASCS_Disconnected;
    d->conn->err = *why;
    pthread_cond_broadcast(&d->conn->changed);
    pthread_mutex_unlock(&d->conn->lock);
}

bool nr_dial_may_pause(const nr_dial *d)
{
    return d->async && (d->options & RDEOPT_PausedStates) && !d->redialing;
}

bool nr_dial_sleep(nr_dial *d, unsigned ms)
{
    struct pollfd p = { .fd = d->cancel_fd, .events = POLLIN };
    int rc;
    do
        rc = poll(&p, 1, ms > INT_MAX ? INT_MAX : (int)ms);
    while (rc < 0 && errno == EINTR);
    return rc == 0;
}

bool nr_dial_pause(nr_dial *d, RASCONNSTATE state)
{
    bool resumed;
    /* Paused before the state is announced: an application may resume the
     * moment it hears of it (even from another thread before the handler
     * has returned), and RasDial must then find the dial waiting. */
    pthread_mutex_lock(&d->conn->lock);
    d->paused = true;
    d->resumed = false;
    pthread_mutex_unlock(&d->conn->lock);
    if (!nr_dial_enter(d, state)) {
        pthread_mutex_lock(&d->conn->lock);
        d->paused = false;
        pthread_mutex_unlock(&d->conn->lock);
        return false;
    }
    pthread_mutex_lock(&d->conn->lock);
    pthread_cond_broadcast(&d->conn->changed);
    while (!d->resumed && !d->hangup)
        pthread_cond_wait(&d->conn->changed, &d->conn->lock);
    d->paused = false;
    resumed = d->resumed && !d->hangup;
    pthread_mutex_unlock(&d->conn->lock);
    return resumed;
}

bool nr_dial_terminal_open(const nr_dial *d)
{
    return d->paused && !d->hangup && d->conn->state == RASCS_Interactive && d->modem;
}
