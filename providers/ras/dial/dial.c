/*
 * dial.c - the RasDial worker: the modem phases (dial-modem.c), the PPP
 * phases (dial-ppp.c), then serving the link (dial-serve.c) until it is
 * hung up or dies; the port is released on every path.
 *
 * RasConnectionNotification (connnotify.h) is signalled from here:
 * RASCN_Connection once RASCS_Connected is entered, RASCN_Disconnection when
 * the worker of a connected link ends (link lost or hung up), before the
 * handle goes.
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "connnotify.h"
#include "dial.h"

/* Marks the worker done; the handle stays valid until RasHangUp.
 * connected: the link had reached RASCS_Connected. */
static void finish(nr_dial *d, bool connected)
{
    bool unlist;
    nr_dial_stats_link_ended(d); /* its counters stay the connection's */
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
    DWORD err = nr_dial_modem(d);
    bool serve = false;
    if (!err)
        err = nr_dial_ppp(d);
    if (!err) {
        nr_dial_stats_publish(d, NULL); /* counted from RASCS_Connected on */
        serve = nr_dial_enter(d, RASCS_Connected); /* false: hung up meanwhile */
        nr_connnotify_fire(conn->handle, RASCN_Connection);
    }
    if (!err && serve) {
        nr_error why;
        pthread_mutex_lock(&conn->lock);
        d->silent = true; /* nothing after Connected */
        pthread_mutex_unlock(&conn->lock);
        /* Authenticated for good: this copy of the password is no longer
         * needed (the PPP layer keeps the one a CHAP re-challenge needs). */
        explicit_bzero(d->params.szPassword, sizeof d->params.szPassword);
        if (nr_dial_ppp_serve(d, &why)) {
            /* lost after Connected: recorded, never announced */
            pthread_mutex_lock(&conn->lock);
            conn->state = RASCS_Disconnected;
            conn->err = why;
            pthread_cond_broadcast(&conn->changed);
            pthread_mutex_unlock(&conn->lock);
        }
    }
    finish(d, !err);
    nr_rasconn_release(conn); /* the worker's reference */
    return NULL;
}
