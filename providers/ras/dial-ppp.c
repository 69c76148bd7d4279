/*
 * dial-ppp.c - the PPP phases of a dial (RASCS_Authenticate to
 * RASCS_Projected) and the connected link, on top of ppp-link: link events
 * become RAS states, the negotiated values become the projection that
 * RasGetProjectionInfo reports, and a rejected password becomes AuthNotify
 * with 691, or the paused RASCS_RetryAuthentication with RDEOPT_PausedStates.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "dial.h"

/* How long a polite LCP termination may take at hang-up. */
#define TERMINATE_MS 3000

/* What RasGetProjectionInfo reports, for both projections at once and only
 * from RASCS_Projected on (called just before it is announced): before,
 * even after a successful or failed authentication, it answers
 * ERROR_PROJECTION_NOT_COMPLETE. */
static void keep_projection(nr_dial *d, const nr_ppp_projection *p)
{
    pthread_mutex_lock(&d->conn->lock);
    d->proj.lcp_done = true;
    d->proj.auth_protocol = p->auth_protocol;
    snprintf(d->proj.reply_message, sizeof d->proj.reply_message, "%s", p->auth_message);
    d->proj.ip_done = true;
    d->proj.our_ip = p->our_addr;
    d->proj.server_ip = p->server_addr;
    d->proj.dns1 = p->dns[0];
    d->proj.dns2 = p->dns[1];
    pthread_mutex_unlock(&d->conn->lock);
}

/* Link progress -> RAS states, announced as they happen.  ctx is the
 * nr_dial (it outlives the link: events also come while the connected link
 * is served, after nr_dial_ppp has returned). */
static void on_event(void *ctx, const nr_ppp_link_event *ev)
{
    nr_dial *d = ctx;
    if (d->ppp_stop)
        return;
    switch (ev->type) {
    case NR_PPP_EVENT_LCP_UP:
        d->ppp_stop = !nr_dial_enter(d, RASCS_Authenticate);
        break;
    case NR_PPP_EVENT_AUTHENTICATING:
        break; /* already in RASCS_Authenticate */
    case NR_PPP_EVENT_AUTHENTICATED:
        d->ppp_stop = !nr_dial_enter(d, RASCS_Authenticated) || !nr_dial_enter(d, RASCS_AuthProject);
        break;
    case NR_PPP_EVENT_PROJECTED:
        keep_projection(d, ev->projection);
        d->ppp_stop = !nr_dial_enter(d, RASCS_Projected);
        break;
    case NR_PPP_EVENT_FAILED:
    case NR_PPP_EVENT_DOWN:
        break; /* reported by the caller of nr_ppp_link_run, with the state it belongs to */
    }
}

/* One attempt at bringing the link up with the current credentials. */
static DWORD bring_up(nr_dial *d)
{
    nr_ppp_link_config cfg;
    unsigned err;
    uint8_t pending[4096];
    size_t n;

    nr_ppp_link_free(d->link);
    d->link = NULL;
    d->ppp_stop = false;
    nr_ppp_link_config_init(&cfg);
    nr_ppp_link_config_from_entry(&cfg, d->entry, d->params.szUserName, d->params.szPassword);
    if (nr_ppp_link_new(nr_modem_fd(d->modem), &cfg, on_event, d, &d->link) != 0)
        return ERROR_ALLOCATING_MEMORY;
    /* The peer's first frames may have come in with the CONNECT line. */
    while ((n = nr_modem_take_pending(d->modem, pending, sizeof pending)) > 0)
        nr_ppp_link_feed(d->link, pending, n);
    nr_ppp_link_start(d->link);
    err = nr_ppp_link_run(d->link, d->cancel_fd);
    return d->ppp_stop || nr_dial_hangup_requested(d) ? ERROR_USER_DISCONNECTION : err;
}

DWORD nr_dial_ppp(nr_dial *d)
{
    for (;;) {
        DWORD err = bring_up(d), ext = 0;
        const char *why = "";
        if (!err)
            return 0;
        if (err == ERROR_USER_DISCONNECTION)
            return err;
        nr_ppp_link_error(d->link, &why);
        if (err != ERROR_AUTHENTICATION_FAILURE) {
            nr_dial_fail(d, err, ext);
            return err;
        }
        if (d->async && (d->options & RDEOPT_PausedStates)) {
            /* Ask the application for new credentials, then try again. */
            if (!nr_dial_pause(d, RASCS_RetryAuthentication))
                return ERROR_USER_DISCONNECTION;
            continue;
        }
        if (nr_dial_enter(d, RASCS_AuthNotify))
            nr_dial_fail(d, ERROR_AUTHENTICATION_FAILURE, 0);
        return ERROR_AUTHENTICATION_FAILURE;
    }
}

DWORD nr_dial_ppp_serve(nr_dial *d, DWORD *ext)
{
    uint64_t until;
    *ext = 0;
    d->ppp_stop = true; /* connected: link events no longer change the state */
    for (;;) {
        int phase = nr_ppp_link_step(d->link, d->cancel_fd, -1);
        if (phase == -ECANCELED)
            break; /* hang-up */
        if (phase < 0 || phase == NR_PPP_PHASE_DEAD) {
            const char *why;
            unsigned err = nr_ppp_link_error(d->link, &why);
            return err ? err : ERROR_DISCONNECTION;
        }
    }
    /* Polite termination, bounded in time. */
    nr_ppp_link_close(d->link);
    until = nr_dial_now_ms() + TERMINATE_MS;
    while (nr_ppp_link_phase(d->link) != NR_PPP_PHASE_DEAD && nr_dial_now_ms() < until)
        if (nr_ppp_link_step(d->link, -1, 100) < 0)
            break;
    return 0;
}
