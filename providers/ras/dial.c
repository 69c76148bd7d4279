/*
 * dial.c - the RasDial worker: state announcements, the modem phases (open
 * the port, dial, redial), then the PPP phases of dial-ppp.c, then serving
 * the link until it is hung up or dies; the port is released on every path.
 *
 * Locking: conn->lock guards the state and the nr_dial flags; it is never
 * held while a notification handler runs, so handlers may call RasHangUp,
 * RasGetConnectStatus and RasEnumConnections.
 *
 * RasConnectionNotification (connnotify.h) is signalled from here too:
 * RASCN_Connection once RASCS_Connected is entered, RASCN_Disconnection when
 * the worker of a connected link ends (link lost or hung up), before the
 * handle goes.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "connnotify.h"
#include "dial.h"

uint64_t nr_dial_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

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
    d->conn->error = 0;
    d->conn->ext_error = 0;
    d->conn->detail[0] = '\0';
    pthread_cond_broadcast(&d->conn->changed);
    pthread_mutex_unlock(&d->conn->lock);
    announce(d, state, 0, 0);
    return !nr_dial_hangup_requested(d);
}

void nr_dial_set_detail(nr_dial *d, const char *detail)
{
    pthread_mutex_lock(&d->conn->lock);
    snprintf(d->conn->detail, sizeof d->conn->detail, "%s", detail ? detail : "");
    pthread_mutex_unlock(&d->conn->lock);
}

void nr_dial_fail(nr_dial *d, DWORD error, DWORD ext, const char *detail)
{
    RASCONNSTATE state;
    pthread_mutex_lock(&d->conn->lock);
    state = d->conn->state;
    d->conn->error = error;
    d->conn->ext_error = ext;
    snprintf(d->conn->detail, sizeof d->conn->detail, "%s", detail ? detail : "");
    pthread_cond_broadcast(&d->conn->changed);
    pthread_mutex_unlock(&d->conn->lock);
    announce(d, state, error, ext);
    pthread_mutex_lock(&d->conn->lock);
    d->silent = true; /* nothing after an error */
    pthread_mutex_unlock(&d->conn->lock);
}

bool nr_dial_may_pause(const nr_dial *d)
{
    return d->async && (d->options & RDEOPT_PausedStates);
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

/* Sleeps ms unless hang-up is asked first (then false). */
static bool pause_ms(nr_dial *d, unsigned ms)
{
    struct pollfd p = { .fd = d->cancel_fd, .events = POLLIN };
    int rc;
    do
        rc = poll(&p, 1, (int)ms);
    while (rc < 0 && errno == EINTR);
    return rc == 0;
}

static bool redialable(unsigned code)
{
    return code == ERROR_LINE_BUSY || code == ERROR_NO_ANSWER || code == ERROR_NO_CARRIER;
}

static const char *lock_dir(void)
{
    const char *dir = secure_getenv("NETROUTER_LOCK_DIR");
    return dir && *dir ? dir : NULL;
}

bool nr_dial_terminal_open(const nr_dial *d)
{
    return d->paused && !d->hangup && d->conn->state == RASCS_Interactive && d->modem;
}

/* The entry's terminal step (terminal_after_dial): a login dialogue on the
 * line between CONNECT and PPP.  With RDEOPT_PausedStates the dial pauses in
 * RASCS_Interactive while the application talks to the far end through
 * nr_ras_terminal_read/write (ras-terminal.c) and then resumes it; without,
 * nobody can answer and the dial fails with ERROR_INTERACTIVE_MODE. */
static DWORD terminal_step(nr_dial *d)
{
    bool resumed;
    if (!nr_dial_may_pause(d)) {
        nr_dial_fail(d, ERROR_INTERACTIVE_MODE, 0,
                     "The entry has a terminal step (terminal_after_dial), which needs a dial with a notifier "
                     "and paused states (RDEOPT_PausedStates).");
        return ERROR_INTERACTIVE_MODE;
    }
    resumed = nr_dial_pause(d, RASCS_Interactive);
    /* The line changes hands only once no terminal call is using it (a
     * hang-up wakes them through the cancel descriptor). */
    pthread_mutex_lock(&d->conn->lock);
    while (d->terminal_users)
        pthread_cond_wait(&d->conn->changed, &d->conn->lock);
    pthread_mutex_unlock(&d->conn->lock);
    return resumed ? 0 : ERROR_USER_DISCONNECTION;
}

/* What the modem layer needs of the entry (number: what to dial, if anything). */
static nr_modem_dial_params modem_params(const nr_dial *d, const char *number)
{
    const nr_pb_entry *e = d->entry;
    return (nr_modem_dial_params){
        .init = (const char *const *)e->init, .ninit = e->ninit, .dial_prefix = e->dial_prefix,
        .number = number ? number : "", .command_timeout_ms = (int)e->command_timeout_ms,
        .connect_timeout_ms = (int)e->connect_timeout_ms, .cancel_fd = d->cancel_fd,
    };
}

DWORD nr_dial_await_callback(nr_dial *d)
{
    nr_modem_dial_params dp = modem_params(d, NULL);
    nr_modem_result res;
    if (!nr_dial_enter(d, RASCS_WaitForModemReset))
        return ERROR_USER_DISCONNECTION;
    if (nr_modem_reset_after_call(d->modem, &dp, &res) == 0) {
        if (!nr_dial_enter(d, RASCS_WaitForCallback))
            return ERROR_USER_DISCONNECTION;
        if (nr_modem_answer(d->modem, &dp, (int)d->entry->callback_timeout_ms, &res) == 0)
            return nr_dial_enter(d, RASCS_ReAuthenticate) ? 0 : ERROR_USER_DISCONNECTION;
    }
    if (nr_dial_hangup_requested(d))
        return ERROR_USER_DISCONNECTION;
    nr_dial_fail(d, res.code, res.ext, res.text);
    return res.code;
}

/* OpenPort .. AllDevicesConnected.  0, or the error (announced). */
static DWORD modem_phases(nr_dial *d)
{
    const nr_pb_entry *e = d->entry;
    nr_modem_config mc = { .device = e->device, .speed = e->speed, .rtscts = e->rtscts, .lock_dir = lock_dir() };
    nr_modem_result res;
    const char *number = d->params.szPhoneNumber[0] ? d->params.szPhoneNumber : e->phone_number;

    if (!nr_dial_enter(d, RASCS_OpenPort))
        return ERROR_USER_DISCONNECTION;
    if (nr_modem_open(&mc, &d->modem, &res) != 0) {
        nr_dial_fail(d, res.code, res.ext, res.text);
        return res.code;
    }
    if (!nr_dial_enter(d, RASCS_PortOpened) || !nr_dial_enter(d, RASCS_ConnectDevice))
        return ERROR_USER_DISCONNECTION;
    for (unsigned attempt = 0;; attempt++) {
        nr_modem_dial_params dp = modem_params(d, number);
        if (nr_modem_dial(d->modem, &dp, &res) == 0)
            break;
        if (nr_dial_hangup_requested(d))
            return ERROR_USER_DISCONNECTION;
        if (!redialable(res.code) || attempt >= e->redial_attempts) {
            nr_dial_fail(d, res.code, res.ext, res.text);
            return res.code;
        }
        if (!pause_ms(d, e->redial_pause_ms))
            return ERROR_USER_DISCONNECTION;
    }
    if (!nr_dial_enter(d, RASCS_DeviceConnected))
        return ERROR_USER_DISCONNECTION;
    if (e->terminal_after_dial) {
        DWORD err = terminal_step(d);
        if (err)
            return err;
    }
    if (!nr_dial_enter(d, RASCS_AllDevicesConnected))
        return ERROR_USER_DISCONNECTION;
    return 0;
}

/* Marks the worker done; the handle stays valid until RasHangUp.
 * connected: the link had reached RASCS_Connected. */
static void finish(nr_dial *d, bool connected)
{
    bool unlist;
    nr_ppp_link_free(d->link);
    d->link = NULL;
    nr_modem_close(d->modem); /* DTR drop, termios restored, lock removed */
    d->modem = NULL;
    if (d->tun_fd >= 0) {
        close(d->tun_fd); /* the interface goes with it */
        d->tun_fd = -1;
    }
    explicit_bzero(d->params.szPassword, sizeof d->params.szPassword);
    if (connected)
        nr_connnotify_fire(d->conn->handle, RASCN_Disconnection);
    pthread_mutex_lock(&d->conn->lock);
    d->finished = true;
    unlist = d->hangup;
    pthread_cond_broadcast(&d->conn->changed);
    pthread_mutex_unlock(&d->conn->lock);
    if (unlist) {
        nr_rasconn_unlist(d->conn);
        nr_connnotify_forget(d->conn->handle);
    }
}

void *nr_dial_worker(void *arg)
{
    nr_dial *d = arg;
    nr_rasconn *conn = d->conn;
    DWORD err = modem_phases(d);
    bool serve = false;
    if (!err)
        err = nr_dial_ppp(d);
    if (!err) {
        serve = nr_dial_enter(d, RASCS_Connected); /* false: hung up meanwhile */
        nr_connnotify_fire(conn->handle, RASCN_Connection);
    }
    if (!err && serve) {
        DWORD ext = 0, why;
        pthread_mutex_lock(&conn->lock);
        d->silent = true; /* nothing after Connected */
        pthread_mutex_unlock(&conn->lock);
        /* Authenticated for good: this copy of the password is no longer
         * needed (the PPP layer keeps the one a CHAP re-challenge needs). */
        explicit_bzero(d->params.szPassword, sizeof d->params.szPassword);
        why = nr_dial_ppp_serve(d, &ext);
        if (why) {
            pthread_mutex_lock(&conn->lock);
            conn->state = RASCS_Disconnected;
            conn->error = why;
            conn->ext_error = ext;
            pthread_cond_broadcast(&conn->changed);
            pthread_mutex_unlock(&conn->lock);
        }
    }
    finish(d, !err);
    nr_rasconn_release(conn); /* the worker's reference */
    return NULL;
}
