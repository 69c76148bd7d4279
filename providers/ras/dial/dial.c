/*
 * dial.c - the RasDial worker: the modem phases (dial-modem.c), the PPP
 * phases (dial-ppp.c), then serving the link (dial-serve.c) until it is
 * hung up or ends, redialing it after a loss when the entry says so
 * (dial-reconnect.c); the port is released on every path.
 *
 * RasConnectionNotification (connnotify.h) is signalled from here, each
 * time after the port was released: RASCN_Connection once RASCS_Connected
 * is entered; RASCN_Disconnection when a connected link ends (lost, idle or
 * hung up), before a redial or before the handle goes; RASCN_ReConnection
 * when a redial is connected again.
 */
#include "config.h"

#include <string.h>

#include "connnotify.h"
#include "dial.h"

/* Marks the worker done; the handle stays valid until RasHangUp.
 * disconnection: a connected link ended here, and nobody was told yet. */
static void finish(nr_dial *d, bool disconnection)
{
    bool unlist;
    nr_dial_release(d);
    explicit_bzero(d->params.szPassword, sizeof d->params.szPassword);
    if (disconnection)
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

/* Serves the connected link until it is hung up or ends for good,
 * redialing it after each loss the entry wants redialed.  Returns whether
 * RASCN_Disconnection is still to be signalled (it was, before a redial
 * that then failed). */
static bool serve(nr_dial *d)
{
    for (;;) {
        nr_error why;
        if (nr_dial_ppp_serve(d, &why) == 0)
            return true; /* hung up */
        if (!nr_dial_prepare_reconnect(d, why.code)) {
            nr_dial_lost(d, &why);
            return true;
        }
        nr_connnotify_fire(d->conn->handle, RASCN_Disconnection);
        if (!nr_dial_reconnect(d, &why))
            return false;
        nr_connnotify_fire(d->conn->handle, RASCN_ReConnection);
    }
}

void *nr_dial_worker(void *arg)
{
    nr_dial *d = arg;
    nr_rasconn *conn = d->conn;
    DWORD err = nr_dial_modem(d);
    bool serving = false, disconnection = false;
    if (!err)
        err = nr_dial_ppp(d);
    if (!err) {
        nr_dial_stats_publish(d, NULL); /* counted from RASCS_Connected on */
        serving = nr_dial_enter(d, RASCS_Connected); /* false: hung up meanwhile */
        nr_connnotify_fire(conn->handle, RASCN_Connection);
        disconnection = true;
    }
    if (serving) {
        pthread_mutex_lock(&conn->lock);
        d->silent = true; /* nothing after Connected */
        pthread_mutex_unlock(&conn->lock);
        /* Authenticated for good: this copy of the password is no longer
         * needed (the PPP layer keeps the one a CHAP re-challenge needs),
         * unless a lost link is to be dialed again. */
        if (!d->entry->reconnect_if_dropped)
            explicit_bzero(d->params.szPassword, sizeof d->params.szPassword);
        disconnection = serve(d);
    }
    finish(d, disconnection);
    nr_rasconn_release(conn); /* the worker's reference */
    return NULL;
}
