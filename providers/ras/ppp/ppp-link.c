/*
 * ppp-link.c - the PPP phases over a descriptor (see ppp-link.h): frames in
 * and out through hdlc.h, dispatch by protocol, LCP/auth/CBCP/IPCP
 * sequencing, failure mapping to RAS errors and the poll() driver.  Each
 * protocol object (ppp-lcp.h, ppp-auth.h, ppp-cbcp.h, ppp-ipcp.h) is fed
 * packets and timer ticks here and answers only through its callbacks;
 * ppp-stats.c is told what is written and read, and when the link opens
 * and closes.
 *
 * Invariants: the first failure wins (later ones are consequences); once
 * the phase is Dead no protocol callback changes anything; every write goes
 * through link_send(), which never raises SIGPIPE.
 */
#include "config.h"

#include <errno.h>
#include <netrouter/ras.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "nr-error.h"
#include "files.h"
#include "hdlc.h"
#include "ppp-cbcp.h"
#include "ppp-link.h"
#include "ppp-stats.h"

struct nr_ppp_link {
    int fd;
    nr_fd_kind fd_kind;        /* a tty is written with write() alone, a socket with send() */
    nr_ppp_phase phase;
    nr_ppp_link_config cfg;
    nr_ppp_clock clock;
    nr_ppp_link_event_fn fn;
    void *ctx;
    nr_ppp_link_ip_fn ip_fn;
    void *ip_ctx;
    nr_hdlc_rx rx;
    nr_hdlc_tx_opts tx;
    nr_ppp_stats stats;        /* octets, frames, times (ppp-stats.h); the decoder counts its drops */
    nr_ppp_lcp lcp;
    nr_ppp_auth auth;
    nr_ppp_cbcp cbcp;
    nr_ppp_ipcp ipcp;
    nr_ppp_projection proj;
    uint64_t give_up_at;       /* overall timeout, 0 = none */
    bool line_lost;            /* a write or read found the line gone */
    bool password_expired;     /* MS-CHAPv2 E=648: waiting for nr_ppp_link_change_password */
    bool callback_agreed;      /* CBCP ended with a callback: the server calls back */
    char auth_text[NR_PPP_AUTH_MAX_MESSAGE]; /* the Authenticated event's text, held over the Callback phase */
    nr_error err;              /* the first failure (code 0: none yet) */
};

static const char *const phase_names[] = { "Dead", "Establish", "Authenticate", "Network", "Open", "Terminate",
                                           "Callback" };

const char *nr_ppp_phase_name(nr_ppp_phase p)
{
    return (unsigned)p < sizeof phase_names / sizeof phase_names[0] ? phase_names[p] : "?";
}

void nr_ppp_link_config_init(nr_ppp_link_config *cfg)
{
    const nr_ppp_fsm_config fsm = NR_PPP_FSM_CONFIG_DEFAULTS;

    memset(cfg, 0, sizeof *cfg);
    cfg->allow_pap = cfg->allow_chap = cfg->allow_mschapv2 = true;
    cfg->mru = NR_HDLC_DEFAULT_MRU;
    cfg->echo_failures = 3;
    cfg->timeout_ms = 60000;
    cfg->fsm = fsm;
    cfg->peer_addr_hint = 0x0a000202; /* 10.0.2.2 */
    cfg->request_dns = true;
}

/* ---- output --------------------------------------------------------------------------------- */

static void link_send(nr_ppp_link *l, uint16_t protocol, const uint8_t *pkt, size_t len)
{
    uint8_t wire[NR_HDLC_ENCODE_BOUND(NR_HDLC_DEFAULT_MRU)];
    size_t n;

    if (l->line_lost || len > NR_HDLC_DEFAULT_MRU)
        return;
    if (nr_hdlc_encode(&l->tx, protocol, pkt, len, wire, sizeof wire, &n) != 0)
        return;
    if (!nr_write_all_kind(l->fd, wire, n, l->fd_kind))
        l->line_lost = true; /* handled after the current input by check_line() */
    else
        nr_ppp_stats_sent(&l->stats, protocol, n);
}

/* ---- failures ------------------------------------------------------------------------------- */

static void emit(nr_ppp_link *l, nr_ppp_link_event_type type, unsigned error, const char *text)
{
    nr_ppp_link_event ev = { type, error, text ? text : "", &l->proj };

    if (l->fn)
        l->fn(l->ctx, &ev);
}

/* Everything below LCP is gone: stop all protocols without a word on the wire. */
static void die(nr_ppp_link *l)
{
    l->phase = NR_PPP_PHASE_DEAD;
    nr_ppp_auth_clear(&l->auth);
    nr_ppp_ipcp_lower_down(&l->ipcp);
    nr_ppp_lcp_lower_down(&l->lcp);
}

static bool lcp_terminal(const nr_ppp_link *l)
{
    nr_ppp_state s = l->lcp.fsm.state;
    return s == NR_PPP_INITIAL || s == NR_PPP_STARTING || s == NR_PPP_CLOSED || s == NR_PPP_STOPPED;
}

static void link_fail(nr_ppp_link *l, unsigned code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* The first failure: records it (nr_error_setv), says it (FAILED or DOWN)
 * and closes the link. */
static void link_fail(nr_ppp_link *l, unsigned code, const char *fmt, ...)
{
    bool was_open = l->phase == NR_PPP_PHASE_OPEN;
    va_list ap;

    if (l->err.code || l->phase == NR_PPP_PHASE_DEAD)
        return;
    va_start(ap, fmt);
    nr_error_setv(&l->err, code, 0, fmt, ap);
    va_end(ap);
    l->phase = NR_PPP_PHASE_TERMINATE;
    nr_ppp_stats_closed(&l->stats);
    emit(l, was_open ? NR_PPP_EVENT_DOWN : NR_PPP_EVENT_FAILED, code, l->err.detail);
    if (l->line_lost) {
        die(l);
        return;
    }
    nr_ppp_ipcp_close(&l->ipcp);
    nr_ppp_lcp_close(&l->lcp);
    if (lcp_terminal(l))
        die(l);
}

static void check_line(nr_ppp_link *l)
{
    if (l->line_lost && l->phase != NR_PPP_PHASE_DEAD) {
        link_fail(l, ERROR_PORT_DISCONNECTED, "The line was hung up or closed during PPP (%s phase).",
                  nr_ppp_phase_name(l->phase));
        die(l);
    }
}

/* ---- after authentication: the Callback phase, the Network phase ----------------------------- */

/* The Network phase: the Authenticated event (how: its text), then IPCP. */
static void network(nr_ppp_link *l, const char *how)
{
    l->phase = NR_PPP_PHASE_NETWORK;
    emit(l, NR_PPP_EVENT_AUTHENTICATED, 0, how);
    if (l->phase == NR_PPP_PHASE_NETWORK) /* unless the event's handler closed the link */
        nr_ppp_ipcp_start(&l->ipcp);
}

static void cbcp_send_cb(void *ctx, const uint8_t *pkt, size_t len)
{
    link_send(ctx, NR_PPP_PROTO_CBCP, pkt, len);
}

/* When the server lets the caller name the number and none was configured,
 * nr_ppp_link_run returns NR_PPP_LINK_ASK_CALLBACK (nr_ppp_cbcp_asking). */
static void cbcp_offered_cb(void *ctx, const nr_cbcp_offer *offer, bool ask)
{
    (void)offer;
    (void)ask;
    emit(ctx, NR_PPP_EVENT_CALLBACK_OFFERED, 0, "The server offers to call back.");
}

static void cbcp_done_cb(void *ctx, nr_ppp_cbcp_result r, const char *text)
{
    nr_ppp_link *l = ctx;

    if (r == NR_PPP_CBCP_NOT_OFFERED || r == NR_PPP_CBCP_DECLINED) {
        network(l, l->auth_text); /* on without a callback */
    } else if (r == NR_PPP_CBCP_AGREED) {
        l->callback_agreed = true;
        emit(l, NR_PPP_EVENT_CALLBACK_AGREED, 0, text);
        nr_ppp_link_close(l); /* the server hangs up and calls back */
    } else {
        link_fail(l, r == NR_PPP_CBCP_NO_CHOICE          ? ERROR_PPP_NOT_CONVERGING
                     : r == NR_PPP_CBCP_NUMBER_TOO_LONG ? ERROR_PPP_INVALID_PACKET
                                                        : ERROR_PPP_TIMEOUT,
                  "%s", text);
    }
}

static const nr_ppp_cbcp_callbacks cbcp_cb = {
    .send = cbcp_send_cb, .offered = cbcp_offered_cb, .done = cbcp_done_cb,
};

/* Authenticated (or nothing to authenticate): the Callback phase if LCP
 * agreed to a callback, else the Network phase.  how says how the peer was
 * satisfied (the Authenticated event's text, sent once the callback
 * question is settled). */
static void after_auth(nr_ppp_link *l, const char *how)
{
    if (!l->proj.lcp.callback) {
        network(l, how);
        return;
    }
    snprintf(l->auth_text, sizeof l->auth_text, "%s", how);
    l->phase = NR_PPP_PHASE_CALLBACK;
    nr_ppp_cbcp_start(&l->cbcp);
}

/* ---- LCP ------------------------------------------------------------------------------------ */

static void lcp_send_cb(void *ctx, const uint8_t *pkt, size_t len)
{
    link_send(ctx, NR_PPP_PROTO_LCP, pkt, len);
}

static void fail_by_reason(nr_ppp_link *l, const char *who, nr_ppp_fsm_reason r, bool peer_spoke)
{
    switch (r) {
    case NR_PPP_REASON_TIMEOUT:
        if (peer_spoke)
            link_fail(l, ERROR_PPP_TIMEOUT, "%s negotiation timed out: %s.", who, nr_ppp_fsm_reason_text(r));
        else
            link_fail(l, ERROR_PPP_NO_RESPONSE, "The remote PPP peer is not responding (no %s answer).", who);
        break;
    case NR_PPP_REASON_PEER_TERMINATED:
        link_fail(l, ERROR_PPP_REMOTE_TERMINATED, "The server terminated %s (Terminate-Request \"%.*s\").", who,
                  (int)(who[0] == 'L' ? l->lcp.fsm.term_text_len : l->ipcp.fsm.term_text_len),
                  (const char *)(who[0] == 'L' ? l->lcp.fsm.term_text : l->ipcp.fsm.term_text));
        break;
    case NR_PPP_REASON_NOT_CONVERGING:
        if (who[0] == 'I' && l->ipcp.addr_rejected)
            link_fail(l, ERROR_PPP_NO_ADDRESS_ASSIGNED, "The server refused to assign an IP address (IPCP).");
        else
            link_fail(l, ERROR_PPP_NOT_CONVERGING, "%s options did not converge with the server.", who);
        break;
    case NR_PPP_REASON_REJECTED:
        if (who[0] == 'I')
            link_fail(l, ERROR_PPP_CP_REJECTED, "The server does not speak IPCP (Protocol-Reject or Code-Reject).");
        else
            link_fail(l, ERROR_PPP_LCP_TERMINATED, "The server rejected an essential LCP packet (Code-Reject).");
        break;
    case NR_PPP_REASON_LOOPBACK:
        link_fail(l, ERROR_PPP_LOOPBACK_DETECTED, "The line is looped back: LCP saw its own magic number.");
        break;
    case NR_PPP_REASON_NONE: /* an open automaton left Opened on a packet: RFC 1661 renegotiation */
        link_fail(l, ERROR_PPP_LCP_TERMINATED, "%s went down: the server restarted its negotiation.", who);
        break;
    default:
        link_fail(l, ERROR_PPP_LCP_TERMINATED, "%s went down: %s.", who, nr_ppp_fsm_reason_text(r));
        break;
    }
}

static void lcp_up_cb(void *ctx, const nr_ppp_lcp_result *res)
{
    nr_ppp_link *l = ctx;

    if (l->phase != NR_PPP_PHASE_ESTABLISH)
        return;
    l->tx.accm = res->tx_accm;
    l->tx.acfc = res->tx_acfc;
    l->tx.pfc = res->tx_pfc;
    nr_hdlc_rx_set_accm(&l->rx, res->rx_accm);
    l->proj.lcp = *res;
    l->proj.auth_protocol = res->auth_protocol;
    l->proj.auth_algorithm = res->auth_algorithm;
    emit(l, NR_PPP_EVENT_LCP_UP, 0, "LCP is open.");
    if (res->auth_protocol) {
        l->phase = NR_PPP_PHASE_AUTHENTICATE;
        emit(l, NR_PPP_EVENT_AUTHENTICATING, 0,
             res->auth_protocol == NR_PPP_PROTO_PAP     ? "Authenticating with PAP."
             : res->auth_algorithm == NR_PPP_CHAP_MSV2 ? "Authenticating with MS-CHAP v2."
                                                       : "Authenticating with CHAP-MD5.");
        nr_ppp_auth_start_algorithm(&l->auth, res->auth_protocol, res->auth_algorithm);
        return;
    }
    after_auth(l, "The server asked for no authentication.");
}

static void lcp_down_cb(void *ctx, nr_ppp_fsm_reason reason)
{
    nr_ppp_link *l = ctx;
    const nr_hdlc_tx_opts defaults = NR_HDLC_TX_DEFAULTS;

    l->tx = defaults;
    nr_ppp_ipcp_lower_down(&l->ipcp);
    if (l->phase != NR_PPP_PHASE_DEAD && l->phase != NR_PPP_PHASE_TERMINATE)
        fail_by_reason(l, "LCP", reason, true);
}

static void lcp_finished_cb(void *ctx, nr_ppp_fsm_reason reason)
{
    nr_ppp_link *l = ctx;

    if (l->phase == NR_PPP_PHASE_DEAD)
        return;
    if (l->phase != NR_PPP_PHASE_TERMINATE) /* else we asked for it (close or an earlier failure) */
        fail_by_reason(l, "LCP", reason, l->lcp.fsm.peer_spoke);
    l->phase = NR_PPP_PHASE_DEAD;
    nr_ppp_auth_clear(&l->auth);
}

static void lcp_protocol_rejected_cb(void *ctx, uint16_t protocol)
{
    nr_ppp_link *l = ctx;

    if (protocol == NR_PPP_PROTO_IPCP)
        nr_ppp_ipcp_protocol_rejected(&l->ipcp);
}

static void lcp_echo_failed_cb(void *ctx)
{
    nr_ppp_link *l = ctx;

    link_fail(l, ERROR_PPP_NO_RESPONSE, "The server stopped answering LCP Echo-Requests (%u unanswered).",
              l->lcp.cfg.echo_failures);
    die(l);
}

static const nr_ppp_lcp_callbacks lcp_cb = {
    .send = lcp_send_cb,
    .up = lcp_up_cb,
    .down = lcp_down_cb,
    .finished = lcp_finished_cb,
    .protocol_rejected = lcp_protocol_rejected_cb,
    .echo_failed = lcp_echo_failed_cb,
};

/* ---- authentication ------------------------------------------------------------------------- */

static void auth_send_cb(void *ctx, uint16_t protocol, const uint8_t *pkt, size_t len)
{
    link_send(ctx, protocol, pkt, len);
}

static void auth_done_cb(void *ctx, nr_ppp_auth_result r, const char *message)
{
    nr_ppp_link *l = ctx;

    snprintf(l->proj.auth_message, sizeof l->proj.auth_message, "%s", message);
    if (l->phase != NR_PPP_PHASE_AUTHENTICATE)
        return;
    if (r == NR_PPP_AUTH_OK) {
        after_auth(l, message);
    } else if (r == NR_PPP_AUTH_EXPIRED) {
        l->password_expired = true; /* nr_ppp_link_run returns; the link waits for a new password */
    } else if (r == NR_PPP_AUTH_FAILED) {
        const char *how = l->proj.auth_protocol == NR_PPP_PROTO_PAP    ? "PAP"
                          : l->proj.auth_algorithm == NR_PPP_CHAP_MSV2 ? "MS-CHAP v2"
                                                                       : "CHAP";
        if (l->auth.error == ERROR_UNABLE_TO_AUTHENTICATE_SERVER)
            link_fail(l, l->auth.error, "The server did not prove that it knows the password (%s).", how);
        else if (l->auth.error && l->auth.error != ERROR_AUTHENTICATION_FAILURE)
            link_fail(l, l->auth.error, "The server refused the logon with error %u (%s: \"%s\").", l->auth.error,
                      how, message);
        else
            link_fail(l, ERROR_AUTHENTICATION_FAILURE,
                      "The server rejected the user name or password (%s: \"%s\").", how, message);
    } else {
        link_fail(l, ERROR_PPP_TIMEOUT, "Authentication timed out: %s.", message);
    }
}

static const nr_ppp_auth_callbacks auth_cb = { .send = auth_send_cb, .done = auth_done_cb };

/* ---- IPCP ----------------------------------------------------------------------------------- */

static void ipcp_send_cb(void *ctx, const uint8_t *pkt, size_t len)
{
    link_send(ctx, NR_PPP_PROTO_IPCP, pkt, len);
}

static void ipcp_up_cb(void *ctx, const nr_ppp_ipcp_result *res)
{
    nr_ppp_link *l = ctx;
    char ours[16], theirs[16], text[80];

    if (l->phase != NR_PPP_PHASE_NETWORK)
        return;
    if (!res->our_addr) {
        link_fail(l, ERROR_PPP_NO_ADDRESS_ASSIGNED, "IPCP opened but the server assigned no IP address.");
        return;
    }
    l->proj.our_addr = res->our_addr;
    l->proj.server_addr = res->peer_addr;
    l->proj.dns[0] = res->dns[0];
    l->proj.dns[1] = res->dns[1];
    l->phase = NR_PPP_PHASE_OPEN;
    l->give_up_at = 0;
    nr_ppp_stats_opened(&l->stats);
    snprintf(text, sizeof text, "Projected: our address %s, server %s.",
             nr_ppp_ip_to_string(res->our_addr, ours, sizeof ours),
             nr_ppp_ip_to_string(res->peer_addr, theirs, sizeof theirs));
    emit(l, NR_PPP_EVENT_PROJECTED, 0, text);
}

/* IPCP going down with LCP is a consequence: lcp_down_cb reports LCP's
 * reason (e.g. the server's Terminate-Request) right after lowering IPCP. */
static bool ipcp_failure_is_the_links(const nr_ppp_link *l)
{
    return (l->phase == NR_PPP_PHASE_OPEN || l->phase == NR_PPP_PHASE_NETWORK) && nr_ppp_lcp_is_open(&l->lcp);
}

static void ipcp_down_cb(void *ctx, nr_ppp_fsm_reason reason)
{
    nr_ppp_link *l = ctx;

    if (ipcp_failure_is_the_links(l))
        fail_by_reason(l, "IPCP", reason, true);
}

static void ipcp_finished_cb(void *ctx, nr_ppp_fsm_reason reason)
{
    nr_ppp_link *l = ctx;

    if (ipcp_failure_is_the_links(l))
        fail_by_reason(l, "IPCP", reason, l->ipcp.fsm.peer_spoke);
}

static const nr_ppp_ipcp_callbacks ipcp_cb = {
    .send = ipcp_send_cb, .up = ipcp_up_cb, .down = ipcp_down_cb, .finished = ipcp_finished_cb,
};

/* ---- input ---------------------------------------------------------------------------------- */

/* RFC 1661 leaves a Terminate-Request during negotiation to the automaton
 * (Terminate-Ack, back to Req-Sent, retry until Max-Configure), which would
 * report the peer's refusal as a timeout much later. The peer has said it
 * ends the link before LCP ever opened: the dial fails now with 734, and
 * link_fail() closes LCP politely. */
static void lcp_input(nr_ppp_link *l, const uint8_t *info, size_t len)
{
    nr_ppp_state before = l->lcp.fsm.state;
    nr_ppp_packet pkt;

    nr_ppp_lcp_input(&l->lcp, info, len);
    if (l->phase == NR_PPP_PHASE_ESTABLISH &&
        (before == NR_PPP_REQSENT || before == NR_PPP_ACKRCVD || before == NR_PPP_ACKSENT) &&
        nr_ppp_packet_parse(info, len, &pkt) == NR_PPP_OK && pkt.code == NR_PPP_TERM_REQ)
        link_fail(l, ERROR_PPP_LCP_TERMINATED,
                  "The server terminated LCP during its negotiation (Terminate-Request \"%.*s\").",
                  (int)l->lcp.fsm.term_text_len, (const char *)l->lcp.fsm.term_text);
}

static void on_frame(void *ctx, uint16_t protocol, const uint8_t *info, size_t len)
{
    nr_ppp_link *l = ctx;
    bool lcp_open = nr_ppp_lcp_is_open(&l->lcp);

    if (l->phase == NR_PPP_PHASE_DEAD)
        return;
    switch (protocol) {
    case NR_PPP_PROTO_LCP:
        lcp_input(l, info, len);
        break;
    case NR_PPP_PROTO_PAP:
    case NR_PPP_PROTO_CHAP:
        if (lcp_open && protocol == l->proj.auth_protocol)
            nr_ppp_auth_input(&l->auth, protocol, info, len);
        else if (lcp_open)
            nr_ppp_lcp_reject_protocol(&l->lcp, protocol, info, len);
        break;
    case NR_PPP_PROTO_IPCP:
        if (l->phase == NR_PPP_PHASE_NETWORK || l->phase == NR_PPP_PHASE_OPEN)
            nr_ppp_ipcp_input(&l->ipcp, info, len);
        /* before the Network phase: silently discarded (RFC 1661 section 3.4) */
        break;
    case NR_PPP_PROTO_CBCP:
        if (l->phase == NR_PPP_PHASE_CALLBACK)
            nr_ppp_cbcp_input(&l->cbcp, info, len);
        else if (lcp_open && !l->proj.lcp.callback)
            nr_ppp_lcp_reject_protocol(&l->lcp, protocol, info, len);
        break;
    case NR_PPP_PROTO_IP:
        if (l->phase == NR_PPP_PHASE_OPEN)
            nr_ppp_stats_ip_received(&l->stats);
        if (l->phase == NR_PPP_PHASE_OPEN && l->ip_fn)
            l->ip_fn(l->ip_ctx, info, len);
        break;
    default: /* CCP, IPv6CP, VJ, ...: not spoken here */
        if (lcp_open)
            nr_ppp_lcp_reject_protocol(&l->lcp, protocol, info, len);
        break;
    }
}

void nr_ppp_link_feed(nr_ppp_link *l, const void *data, size_t len)
{
    nr_ppp_stats_received(&l->stats, len);
    nr_hdlc_rx_feed(&l->rx, data, len);
    check_line(l);
}

/* ---- lifetime ------------------------------------------------------------------------------- */

int nr_ppp_link_new(int fd, const nr_ppp_link_config *cfg, nr_ppp_link_event_fn fn, void *ctx,
                    nr_ppp_link **out)
{
    const nr_hdlc_tx_opts tx = NR_HDLC_TX_DEFAULTS;
    nr_ppp_lcp_config lc = NR_PPP_LCP_CONFIG_DEFAULTS;
    nr_ppp_ipcp_config ic;
    nr_ppp_auth_config ac;
    nr_ppp_cbcp_config cc;
    nr_ppp_link *l;
    size_t mru;

    if (fd < 0 || !cfg || !out)
        return -EINVAL;
    *out = NULL;
    l = calloc(1, sizeof *l);
    if (!l)
        return -ENOMEM;
    l->fd = fd;
    l->fd_kind = nr_fd_kind_of(fd);
    l->cfg = *cfg;
    l->cfg.user = l->cfg.password = NULL; /* copied into auth below */
    if (cfg->clock)
        l->clock = *cfg->clock;
    l->fn = fn;
    l->ctx = ctx;
    l->tx = tx;
    nr_ppp_stats_init(&l->stats, &l->clock);
    mru = cfg->mru > NR_HDLC_DEFAULT_MRU ? cfg->mru : NR_HDLC_DEFAULT_MRU;
    if (nr_hdlc_rx_init(&l->rx, mru, on_frame, l) != 0) {
        free(l);
        return -ENOMEM;
    }

    lc.fsm = cfg->fsm;
    lc.mru = cfg->mru;
    lc.allow_pap = cfg->allow_pap;
    lc.allow_chap = cfg->allow_chap;
    lc.allow_mschapv2 = cfg->allow_mschapv2;
    lc.request_callback = cfg->request_callback;
    lc.echo_interval_ms = cfg->echo_interval_ms;
    lc.echo_failures = cfg->echo_failures;
    lc.magic_seed = cfg->magic_seed;
    nr_ppp_lcp_init(&l->lcp, &lc, &lcp_cb, l, &l->clock);

    memset(&ac, 0, sizeof ac);
    ac.user = cfg->user;
    ac.password = cfg->password;
    ac.restart_ms = cfg->fsm.restart_ms;
    ac.max_requests = cfg->fsm.max_configure;
    nr_ppp_auth_init(&l->auth, &ac, &auth_cb, l, &l->clock);

    memset(&cc, 0, sizeof cc);
    cc.number = cfg->callback_number;
    cc.restart_ms = cfg->fsm.restart_ms;
    cc.max_requests = cfg->fsm.max_configure;
    nr_ppp_cbcp_init(&l->cbcp, &cc, &cbcp_cb, l, &l->clock);
    l->cfg.callback_number = NULL; /* copied into cbcp */

    memset(&ic, 0, sizeof ic);
    ic.fsm = cfg->fsm;
    ic.peer_addr_hint = cfg->peer_addr_hint;
    ic.request_dns = cfg->request_dns;
    ic.offer_dns[0] = cfg->offer_dns[0];
    ic.offer_dns[1] = cfg->offer_dns[1];
    nr_ppp_ipcp_init(&l->ipcp, &ic, &ipcp_cb, l, &l->clock);
    *out = l;
    return 0;
}

void nr_ppp_link_free(nr_ppp_link *l)
{
    if (!l)
        return;
    nr_ppp_auth_clear(&l->auth);
    nr_hdlc_rx_free(&l->rx);
    free(l);
}

void nr_ppp_link_start(nr_ppp_link *l)
{
    if (l->phase != NR_PPP_PHASE_DEAD || l->err.code)
        return;
    l->phase = NR_PPP_PHASE_ESTABLISH;
    l->give_up_at = l->cfg.timeout_ms ? nr_ppp_clock_now(&l->clock) + l->cfg.timeout_ms : 0;
    nr_ppp_lcp_start(&l->lcp);
    check_line(l);
}

void nr_ppp_link_close(nr_ppp_link *l)
{
    if (l->phase == NR_PPP_PHASE_DEAD)
        return;
    l->phase = NR_PPP_PHASE_TERMINATE;
    nr_ppp_stats_closed(&l->stats);
    nr_ppp_ipcp_close(&l->ipcp);
    nr_ppp_lcp_close(&l->lcp);
    if (lcp_terminal(l))
        die(l);
    check_line(l);
}

/* ---- timers and the poll loop --------------------------------------------------------------- */

static uint64_t earliest(uint64_t a, uint64_t b)
{
    return !a ? b : !b ? a : a < b ? a : b;
}

uint64_t nr_ppp_link_deadline(const nr_ppp_link *l)
{
    uint64_t d;

    if (l->phase == NR_PPP_PHASE_DEAD)
        return 0;
    d = earliest(nr_ppp_lcp_deadline(&l->lcp), nr_ppp_auth_deadline(&l->auth));
    d = earliest(d, nr_ppp_ipcp_deadline(&l->ipcp));
    if (l->phase == NR_PPP_PHASE_CALLBACK)
        d = earliest(d, nr_ppp_cbcp_deadline(&l->cbcp));
    if (l->phase != NR_PPP_PHASE_OPEN && l->phase != NR_PPP_PHASE_TERMINATE)
        d = earliest(d, l->give_up_at);
    return d;
}

void nr_ppp_link_timeout(nr_ppp_link *l)
{
    if (l->phase == NR_PPP_PHASE_DEAD)
        return;
    if (l->give_up_at && l->phase != NR_PPP_PHASE_OPEN && l->phase != NR_PPP_PHASE_TERMINATE &&
        nr_ppp_clock_now(&l->clock) >= l->give_up_at)
        link_fail(l, ERROR_PPP_TIMEOUT, "PPP did not reach the Open phase within %u ms (stuck in %s).",
                  l->cfg.timeout_ms, nr_ppp_phase_name(l->phase));
    nr_ppp_lcp_timeout(&l->lcp);
    if (l->phase != NR_PPP_PHASE_DEAD)
        nr_ppp_auth_timeout(&l->auth);
    if (l->phase != NR_PPP_PHASE_DEAD)
        nr_ppp_ipcp_timeout(&l->ipcp);
    if (l->phase == NR_PPP_PHASE_CALLBACK)
        nr_ppp_cbcp_timeout(&l->cbcp);
    check_line(l);
}

int nr_ppp_link_step(nr_ppp_link *l, int cancel_fd, int max_wait_ms)
{
    return nr_ppp_link_step_with(l, cancel_fd, -1, max_wait_ms, NULL);
}

int nr_ppp_link_step_with(nr_ppp_link *l, int cancel_fd, int extra_fd, int max_wait_ms, bool *extra_ready)
{
    struct pollfd pfd[3] = { { .fd = l->fd, .events = POLLIN }, { .fd = cancel_fd, .events = POLLIN },
                             { .fd = extra_fd, .events = POLLIN } };
    uint64_t d = nr_ppp_link_deadline(l), now = nr_ppp_clock_now(&l->clock);
    int wait = max_wait_ms, rc;

    if (d) {
        uint64_t left = d > now ? d - now : 0;
        if (wait < 0 || left < (uint64_t)wait)
            wait = (int)(left > 600000 ? 600000 : left);
    }
    if (extra_ready)
        *extra_ready = false;
    if (l->phase == NR_PPP_PHASE_DEAD)
        return (int)l->phase; /* nothing can happen any more: never block */
    rc = poll(pfd, 3, wait); /* negative descriptors are left out by poll() */
    if (rc < 0 && errno != EINTR)
        return -errno;
    if (rc > 0 && cancel_fd >= 0 && (pfd[1].revents & POLLIN))
        return -ECANCELED;
    if (rc > 0 && extra_ready && extra_fd >= 0 && (pfd[2].revents & POLLIN))
        *extra_ready = true;
    if (rc > 0 && pfd[0].revents) {
        uint8_t buf[4096];
        ssize_t n = read(l->fd, buf, sizeof buf);
        if (n > 0)
            nr_ppp_link_feed(l, buf, (size_t)n);
        else if (n == 0 || (errno != EAGAIN && errno != EINTR && errno != EWOULDBLOCK)) {
            l->line_lost = true;
            check_line(l);
        }
    }
    nr_ppp_link_timeout(l);
    return (int)l->phase;
}

unsigned nr_ppp_link_run(nr_ppp_link *l, int cancel_fd)
{
    for (;;) {
        int rc = nr_ppp_link_step(l, cancel_fd, -1);
        if (rc == -ECANCELED)
            return ERROR_USER_DISCONNECTION;
        if (rc < 0) {
            link_fail(l, ERROR_UNKNOWN, "poll() on the line failed: %s.", strerror(-rc));
            die(l);
        }
        if (l->phase == NR_PPP_PHASE_OPEN)
            return 0;
        if (l->phase == NR_PPP_PHASE_DEAD && l->callback_agreed)
            return NR_PPP_LINK_CALLBACK_AGREED; /* however the server ended the call */
        if (l->phase == NR_PPP_PHASE_DEAD)
            return l->err.code ? l->err.code : ERROR_PPP_LCP_TERMINATED;
        if (l->password_expired)
            return NR_PPP_LINK_PASSWORD_EXPIRED;
        if (nr_ppp_cbcp_asking(&l->cbcp))
            return NR_PPP_LINK_ASK_CALLBACK;
    }
}

int nr_ppp_link_answer_callback(nr_ppp_link *l, const char *number)
{
    if (!nr_ppp_cbcp_asking(&l->cbcp) || l->phase != NR_PPP_PHASE_CALLBACK)
        return -1;
    /* the wait for the user is not the server's fault: the overall timeout starts again */
    l->give_up_at = l->cfg.timeout_ms ? nr_ppp_clock_now(&l->clock) + l->cfg.timeout_ms : 0;
    return nr_ppp_cbcp_answer(&l->cbcp, number);
}

int nr_ppp_link_change_password(nr_ppp_link *l, const char *new_password)
{
    if (!l->password_expired || l->phase != NR_PPP_PHASE_AUTHENTICATE)
        return -1;
    if (nr_ppp_auth_change_password(&l->auth, new_password) != 0)
        return -1;
    l->password_expired = false;
    /* the wait for the user is not the server's fault: the overall timeout starts again */
    l->give_up_at = l->cfg.timeout_ms ? nr_ppp_clock_now(&l->clock) + l->cfg.timeout_ms : 0;
    return 0;
}

/* ---- getters and IP ------------------------------------------------------------------------- */

nr_ppp_phase nr_ppp_link_phase(const nr_ppp_link *l)
{
    return l->phase;
}

unsigned nr_ppp_link_error(const nr_ppp_link *l, const char **text)
{
    if (text)
        *text = l->err.code ? l->err.detail : "";
    return l->err.code;
}

const nr_ppp_projection *nr_ppp_link_projection(const nr_ppp_link *l)
{
    return &l->proj;
}

void nr_ppp_link_get_stats(const nr_ppp_link *l, nr_ppp_link_stats *out)
{
    nr_ppp_stats_report(&l->stats, &l->rx.stats, out);
}

void nr_ppp_link_clear_stats(nr_ppp_link *l)
{
    nr_ppp_stats_clear(&l->stats, &l->rx.stats);
}

void nr_ppp_link_set_ip_handler(nr_ppp_link *l, nr_ppp_link_ip_fn fn, void *ctx)
{
    l->ip_fn = fn;
    l->ip_ctx = ctx;
}

int nr_ppp_link_send_ip(nr_ppp_link *l, const void *pkt, size_t len)
{
    if (l->phase != NR_PPP_PHASE_OPEN)
        return -ENOTCONN;
    if (len > l->proj.lcp.peer_mru || len > NR_HDLC_DEFAULT_MRU)
        return -EMSGSIZE;
    link_send(l, NR_PPP_PROTO_IP, pkt, len);
    if (l->line_lost) {
        check_line(l);
        return -EIO;
    }
    return 0;
}
