/*
 * dial-ppp.c - the PPP phases of a dial (RASCS_Authenticate to
 * RASCS_Projected) and the connected link, on top of ppp-link: link events
 * become RAS states, the negotiated values become the projection that
 * RasGetProjectionInfo reports, and a rejected password becomes AuthNotify
 * with 691, or the paused RASCS_RetryAuthentication with RDEOPT_PausedStates;
 * an expired password (MS-CHAPv2) becomes AuthNotify with 648, or the
 * paused RASCS_PasswordExpired, then RASCS_AuthChangePassword on resume.
 * The connected link is served by dial-serve.c.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "dial.h"
#include "tun.h"

/* What RasGetProjectionInfo reports, for both projections at once and only
 * from RASCS_Projected on (called just before it is announced): before,
 * even after a successful or failed authentication, it answers
 * ERROR_PROJECTION_NOT_COMPLETE. */
static void keep_projection(nr_dial *d, const nr_ppp_projection *p)
{
    pthread_mutex_lock(&d->conn->lock);
    d->proj.lcp_done = true;
    d->proj.auth_protocol = p->auth_protocol;
    d->proj.auth_algorithm = p->auth_algorithm;
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
 * is served, after nr_dial_ppp has returned, and are ignored then:
 * dial-serve.c sets ppp_stop). */
static void on_event(void *ctx, const nr_ppp_link_event *ev)
{
    nr_dial *d = ctx;
    if (d->ppp_stop)
        return;
    switch (ev->type) {
    case NR_PPP_EVENT_LCP_UP:
        if (!d->called_back) /* after a call back the state is RASCS_ReAuthenticate already */
            d->ppp_stop = !nr_dial_enter(d, RASCS_Authenticate);
        break;
    case NR_PPP_EVENT_CALLBACK_OFFERED:
        d->ppp_stop = !nr_dial_enter(d, RASCS_AuthCallback);
        break;
    case NR_PPP_EVENT_CALLBACK_AGREED:
        d->ppp_stop = !nr_dial_enter(d, RASCS_PrepareForCallback);
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

static DWORD run_link(nr_dial *d);

/* The PPP layer's sentence for err, when err is the link's own failure
 * ("" when there is none). */
static const char *link_detail(const nr_dial *d, DWORD err)
{
    const char *text = NULL;
    if (d->link && nr_ppp_link_error(d->link, &text) == err)
        return text;
    return err == ERROR_PASSWD_EXPIRED ? "The server says the password has expired; a dial with paused states "
                                         "(RDEOPT_PausedStates) can change it."
                                       : "";
}

/* What to answer a server that offers to call back (RASDIALPARAMS
 * szCallbackNumber): a number as given, "*" for the entry's
 * callback_number, and "" for none - or, for an entry with callback "ask"
 * and RDEOPT_PausedStates, NULL: ask the application in
 * RASCS_CallbackSetByCaller. */
static const char *callback_number(const nr_dial *d)
{
    const char *n = d->params.szCallbackNumber;
    if (!strcmp(n, "*"))
        return d->entry->callback_number;
    if (!*n && d->entry->callback_ask && nr_dial_may_pause(d))
        return NULL;
    return n;
}

/* See dial.h: the PPP settings of a phonebook entry. */
void nr_dial_ppp_config(nr_ppp_link_config *cfg, const nr_pb_entry *e, const char *user, const char *password)
{
    nr_ppp_link_config_init(cfg);
    cfg->user = user;
    cfg->password = password;
    if (!e)
        return;
    cfg->allow_pap = e->auth == NR_PB_AUTH_ANY || e->auth == NR_PB_AUTH_PAP;
    cfg->allow_chap = e->auth == NR_PB_AUTH_ANY || e->auth == NR_PB_AUTH_CHAP;
    cfg->allow_mschapv2 = e->auth == NR_PB_AUTH_ANY || e->auth == NR_PB_AUTH_MSCHAPV2;
    if (e->mru)
        cfg->mru = (uint16_t)(e->mru > 65535 ? 65535 : e->mru);
    cfg->echo_interval_ms = e->lcp_echo_interval_s * 1000u;
    if (e->lcp_echo_failures)
        cfg->echo_failures = e->lcp_echo_failures;
    if (e->ppp_timeout_ms)
        cfg->timeout_ms = e->ppp_timeout_ms;
}

/* One attempt at bringing the link up with the current credentials. */
static DWORD bring_up(nr_dial *d)
{
    nr_ppp_link_config cfg;
    uint8_t pending[4096];
    size_t n;

    nr_ppp_link_free(d->link);
    d->link = NULL;
    d->ppp_stop = false;
    nr_dial_ppp_config(&cfg, d->entry, d->params.szUserName, d->params.szPassword);
    /* A callback is asked for when the entry says so or the caller names a number. */
    cfg.callback_number = callback_number(d);
    cfg.request_callback = !d->called_back && (d->entry->callback_ask || d->params.szCallbackNumber[0]);
    if (nr_ppp_link_new(nr_modem_fd(d->modem), &cfg, on_event, d, &d->link) != 0)
        return ERROR_ALLOCATING_MEMORY;
    /* The peer's first frames may have come in with the CONNECT line. */
    while ((n = nr_modem_take_pending(d->modem, pending, sizeof pending)) > 0)
        nr_ppp_link_feed(d->link, pending, n);
    nr_ppp_link_start(d->link);
    return run_link(d);
}

/* Runs the current link on: 0 once projected, else why not. */
static DWORD run_link(nr_dial *d)
{
    unsigned err = nr_ppp_link_run(d->link, d->cancel_fd);
    return d->ppp_stop || nr_dial_hangup_requested(d) ? ERROR_USER_DISCONNECTION : err;
}

/* What the server said of the credentials rather than of the link: such a
 * failure is announced in RASCS_AuthNotify. */
static bool logon_refused(DWORD err)
{
    switch (err) {
    case ERROR_RESTRICTED_LOGON_HOURS:
    case ERROR_ACCT_DISABLED:
    case ERROR_PASSWD_EXPIRED:
    case ERROR_NO_DIALIN_PERMISSION:
    case ERROR_AUTHENTICATION_FAILURE:
    case ERROR_CHANGING_PASSWORD:
    case ERROR_UNABLE_TO_AUTHENTICATE_SERVER:
        return true;
    default:
        return false;
    }
}

/* The entry's interface, once projected: the kernel's end of the link. */
static DWORD give_to_kernel(nr_dial *d)
{
    const nr_ppp_projection *p = nr_ppp_link_projection(d->link);
    char name[NR_TUN_NAME_MAX];
    if (!d->entry->interface[0])
        return 0;
    d->tun_fd = nr_tun_open(d->entry->interface, p->our_addr, p->server_addr,
                            p->lcp.peer_mru ? p->lcp.peer_mru : 1500, name, NULL, 0);
    if (d->tun_fd < 0) {
        /* the extended error is the errno (EPERM without CAP_NET_ADMIN) */
        int e = errno;
        nr_dial_fail(d, ERROR_PROTOCOL_NOT_CONFIGURED, (DWORD)e, "The network interface \"%s\" cannot be created: %s.",
                     d->entry->interface, strerror(e));
        return ERROR_PROTOCOL_NOT_CONFIGURED;
    }
    pthread_mutex_lock(&d->conn->lock);
    snprintf(d->proj.interface, sizeof d->proj.interface, "%s", name);
    pthread_mutex_unlock(&d->conn->lock);
    return 0;
}

DWORD nr_dial_ppp(nr_dial *d)
{
    DWORD err = bring_up(d);
    for (;;) {
        bool paused_states = nr_dial_may_pause(d);
        if (!err)
            return give_to_kernel(d);
        if (err == ERROR_USER_DISCONNECTION)
            return err;
        if (err == NR_PPP_LINK_PASSWORD_EXPIRED && paused_states) {
            /* The link waits in the Authenticate phase: ask the application
             * for a new password, then change it on the same link. */
            if (!nr_dial_pause(d, RASCS_PasswordExpired) || !nr_dial_enter(d, RASCS_AuthChangePassword))
                return ERROR_USER_DISCONNECTION;
            if (nr_ppp_link_change_password(d->link, d->params.szPassword) != 0) {
                nr_dial_fail(d, ERROR_CHANGING_PASSWORD, 0, "The new password cannot be sent to the server "
                                                            "(MS-CHAP v2 takes at most 256 characters).");
                return ERROR_CHANGING_PASSWORD;
            }
            err = run_link(d);
            continue;
        }
        if (err == NR_PPP_LINK_ASK_CALLBACK) {
            /* The server lets the caller name the number: the application
             * says it in szCallbackNumber ("" for no callback). */
            if (!nr_dial_pause(d, RASCS_CallbackSetByCaller))
                return ERROR_USER_DISCONNECTION;
            nr_ppp_link_answer_callback(d->link, !strcmp(d->params.szCallbackNumber, "*")
                                                     ? d->entry->callback_number
                                                     : d->params.szCallbackNumber);
            err = run_link(d);
            continue;
        }
        if (err == NR_PPP_LINK_CALLBACK_AGREED) {
            /* The link is down and the server calls back: answer, then PPP
             * afresh on the new call, without asking for a callback again. */
            d->called_back = true;
            if ((err = nr_dial_await_callback(d)) != 0)
                return err;
            err = bring_up(d);
            continue;
        }
        if (err == ERROR_AUTHENTICATION_FAILURE && paused_states) {
            /* Ask the application for new credentials, then try again. */
            if (!nr_dial_pause(d, RASCS_RetryAuthentication))
                return ERROR_USER_DISCONNECTION;
            err = bring_up(d);
            continue;
        }
        if (err == NR_PPP_LINK_PASSWORD_EXPIRED)
            err = ERROR_PASSWD_EXPIRED; /* nobody to ask for a new one */
        if (!logon_refused(err)) {
            nr_dial_fail(d, err, 0, "%s", link_detail(d, err));
            return err;
        }
        if (nr_dial_enter(d, RASCS_AuthNotify))
            nr_dial_fail(d, err, 0, "%s", link_detail(d, err));
        return err;
    }
}
