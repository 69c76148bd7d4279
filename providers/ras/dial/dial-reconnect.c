/*
 * dial-reconnect.c - a connected link that was lost, dialed again: the
 * phonebook's "reconnect" (Windows' RASEO2_ReconnectIfDropped).  Also what
 * the worker and a redial share: releasing the line.
 *
 * A redial runs the modem and PPP phases again on the same connection (the
 * same HRASCONN, nr_dial and cancel descriptor), after the entry's pause
 * and up to its attempts.  It is silent: nothing is announced after
 * RASCS_Connected (docs/design.md section 5), so the RasDial notifier
 * hears nothing and the dial never pauses (nobody could resume it), while
 * RasGetConnectStatus follows its states: RASCS_OpenPort from the loss on
 * and in every pause, the modem and PPP states as they come, never an
 * error of an attempt (dial-state.c records none while redialing); only
 * once the attempts are spent (or RasHangUp came) does the connection show
 * RASCS_Disconnected, with the loss's error, so that a program polling the
 * state never takes a redial for the end.  The line is released before
 * each pause, as after any dial (DTR dropped to end the call, termios
 * restored, the UUCP lock removed), and taken again by the next attempt's
 * OpenPort; RasHangUp ends a pause or an attempt at once through the
 * cancel descriptor.
 *
 * Calls dial-ppp.c, dial-modem.c, dial-state.c and dial-stats.c; called by
 * the worker (dial.c), which signals RASCN_Disconnection and
 * RASCN_ReConnection around it.
 */
#include "config.h"

#include <unistd.h>

#include "dial.h"

void nr_dial_release(nr_dial *d)
{
    nr_dial_stats_link_ended(d);
    nr_ppp_link_free(d->link);
    d->link = NULL;
    nr_modem_close(d->modem); /* DTR drop, termios restored, lock removed */
    d->modem = NULL;
    if (d->tun_fd >= 0) {
        close(d->tun_fd); /* the interface goes with it */
        d->tun_fd = -1;
    }
}

/* A redial is under way (its pause included): RASCS_OpenPort, no error,
 * so that nobody takes the link for lost for good. */
static void show_redialing(nr_dial *d)
{
    pthread_mutex_lock(&d->conn->lock);
    d->conn->state = RASCS_OpenPort;
    nr_error_clear(&d->conn->err);
    pthread_cond_broadcast(&d->conn->changed);
    pthread_mutex_unlock(&d->conn->lock);
}

/* The line is released and what the lost link negotiated is gone:
 * RasGetProjectionInfo answers ERROR_PROJECTION_NOT_COMPLETE until the
 * redial's RASCS_Projected, and there is no interface until then. */
static void forget_link(nr_dial *d)
{
    nr_dial_release(d);
    pthread_mutex_lock(&d->conn->lock);
    d->proj.lcp_done = d->proj.ip_done = false;
    d->proj.interface[0] = '\0';
    pthread_mutex_unlock(&d->conn->lock);
}

bool nr_dial_prepare_reconnect(nr_dial *d, DWORD loss)
{
    if (!d->entry->reconnect_if_dropped || !d->entry->reconnect_attempts || loss == ERROR_IDLE_TIMEOUT ||
        nr_dial_hangup_requested(d))
        return false;
    forget_link(d);
    show_redialing(d);
    return true;
}

bool nr_dial_reconnect(nr_dial *d, const nr_error *loss)
{
    bool up = false;
    d->redialing = true;
    for (unsigned attempt = 0; attempt < d->entry->reconnect_attempts && !up; attempt++) {
        if (attempt) { /* after a failed attempt */
            forget_link(d);
            show_redialing(d);
        }
        if (!nr_dial_sleep(d, d->entry->reconnect_pause_ms))
            break; /* hung up */
        d->called_back = false; /* a redial is a dial like the first */
        up = nr_dial_modem(d) == 0 && nr_dial_ppp(d) == 0;
        if (up) {
            nr_dial_stats_publish(d, NULL); /* the new link counts from RASCS_Connected on */
            up = nr_dial_enter(d, RASCS_Connected);
        }
        if (!up && nr_dial_hangup_requested(d))
            break;
    }
    d->redialing = false;
    if (!up) {
        forget_link(d);
        nr_dial_lost(d, loss); /* for good */
    }
    return up;
}
