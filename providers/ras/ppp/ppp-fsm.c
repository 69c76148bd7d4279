/*
 * ppp-fsm.c - the RFC 1661 automaton (see ppp-fsm.h). The transition
 * functions follow the state table of section 4.1 event by event; the
 * comments name the RFC's actions (irc, scr, sca, ...). Invariant: the
 * restart timer runs only in Closing, Stopping, Req-Sent, Ack-Rcvd and
 * Ack-Sent; set_state() stops it everywhere else.
 */
#include "config.h"

#include <string.h>

#include "clock.h"
#include "ppp-fsm.h"

#define PKT_MAX 1500

static const char *const state_names[] = {
    "Initial", "Starting", "Closed", "Stopped", "Closing",
    "Stopping", "Req-Sent", "Ack-Rcvd", "Ack-Sent", "Opened",
};

const char *nr_ppp_state_name(nr_ppp_state s)
{
    return (unsigned)s < sizeof state_names / sizeof state_names[0] ? state_names[s] : "?";
}

const char *nr_ppp_fsm_reason_text(nr_ppp_fsm_reason r)
{
    switch (r) {
    case NR_PPP_REASON_NONE: return "no reason";
    case NR_PPP_REASON_ADMIN: return "closed by the local side";
    case NR_PPP_REASON_TIMEOUT: return "the peer did not answer the Configure-Requests";
    case NR_PPP_REASON_PEER_TERMINATED: return "the peer sent Terminate-Request";
    case NR_PPP_REASON_NOT_CONVERGING: return "the negotiation did not converge";
    case NR_PPP_REASON_REJECTED: return "the peer rejected the protocol or a required code";
    case NR_PPP_REASON_LOOPBACK: return "the line is looped back";
    case NR_PPP_REASON_LOWER_DOWN: return "the lower layer went down";
    case NR_PPP_REASON_PROTOCOL: return "the protocol gave up";
    }
    return "?";
}

uint64_t nr_ppp_clock_now(const nr_ppp_clock *c)
{
    return c && c->now_ms ? c->now_ms(c->ctx) : nr_clock_ms();
}

void nr_ppp_fsm_init(nr_ppp_fsm *f, uint16_t protocol, const char *name, const nr_ppp_fsm_ops *ops, void *ctx,
                     const nr_ppp_fsm_config *config, const nr_ppp_clock *clock)
{
    const nr_ppp_fsm_config defaults = NR_PPP_FSM_CONFIG_DEFAULTS;

    memset(f, 0, sizeof *f);
    f->protocol = protocol;
    f->name = name;
    f->ops = ops;
    f->ctx = ctx;
    if (clock)
        f->clock = *clock;
    f->cfg = defaults;
    if (config) {
        if (config->restart_ms)
            f->cfg.restart_ms = config->restart_ms;
        if (config->max_configure)
            f->cfg.max_configure = config->max_configure;
        if (config->max_terminate)
            f->cfg.max_terminate = config->max_terminate;
        if (config->max_failure)
            f->cfg.max_failure = config->max_failure;
    }
    f->state = NR_PPP_INITIAL;
}

uint8_t nr_ppp_fsm_next_id(nr_ppp_fsm *f)
{
    return ++f->id;
}

static bool timer_state(nr_ppp_state s)
{
    return s == NR_PPP_CLOSING || s == NR_PPP_STOPPING || s == NR_PPP_REQSENT || s == NR_PPP_ACKRCVD ||
           s == NR_PPP_ACKSENT;
}

static void set_state(nr_ppp_fsm *f, nr_ppp_state s)
{
    f->state = s;
    if (!timer_state(s))
        f->deadline = 0;
}

static void start_timer(nr_ppp_fsm *f)
{
    f->deadline = nr_ppp_clock_now(&f->clock) + f->cfg.restart_ms;
}

/* ---- actions -------------------------------------------------------------------------------- */

static void tlu(nr_ppp_fsm *f)
{
    if (f->ops->up)
        f->ops->up(f);
}

static void tld(nr_ppp_fsm *f)
{
    if (f->ops->down)
        f->ops->down(f);
}

static void tls(nr_ppp_fsm *f)
{
    if (f->ops->started)
        f->ops->started(f);
}

static void tlf(nr_ppp_fsm *f)
{
    if (f->ops->finished)
        f->ops->finished(f);
}

static void irc_configure(nr_ppp_fsm *f)
{
    f->restart = f->cfg.max_configure;
}

static void irc_terminate(nr_ppp_fsm *f)
{
    f->restart = f->cfg.max_terminate;
}

static void zrc(nr_ppp_fsm *f)
{
    f->restart = 0;
    start_timer(f);
}

/* scr. SCR_RETRANSMIT (TO+) keeps the Identifier; SCR_NEW takes a new one;
 * SCR_RESTART also lets the protocol forget the previous negotiation. */
enum { SCR_RETRANSMIT, SCR_NEW, SCR_RESTART };

static void scr(nr_ppp_fsm *f, int mode)
{
    uint8_t buf[PKT_MAX];
    nr_ppp_builder b;
    size_t n;

    if (mode == SCR_RESTART && f->ops->reset)
        f->ops->reset(f);
    if (mode != SCR_RETRANSMIT || !f->reqid_valid) {
        f->reqid = nr_ppp_fsm_next_id(f);
        f->reqid_valid = true;
    }
    nr_ppp_build_begin(&b, buf, sizeof buf, NR_PPP_CONF_REQ, f->reqid);
    f->ops->add_request(f, &b);
    if (nr_ppp_build_end(&b, &n) == NR_PPP_OK && n - NR_PPP_HEADER_LEN <= sizeof f->last_req) {
        f->last_req_len = n - NR_PPP_HEADER_LEN;
        memcpy(f->last_req, buf + NR_PPP_HEADER_LEN, f->last_req_len);
        f->ops->send(f, buf, n);
    }
    if (f->restart > 0)
        f->restart--;
    start_timer(f);
}

static void str(nr_ppp_fsm *f)
{
    static const char text[] = "User request";
    uint8_t buf[64];
    size_t n;

    if (nr_ppp_build_terminate(buf, sizeof buf, NR_PPP_TERM_REQ, nr_ppp_fsm_next_id(f), text, sizeof text - 1,
                               &n) == NR_PPP_OK)
        f->ops->send(f, buf, n);
    if (f->restart > 0)
        f->restart--;
    start_timer(f);
}

static void sta(nr_ppp_fsm *f, uint8_t id)
{
    uint8_t buf[8];
    size_t n;

    if (nr_ppp_build_terminate(buf, sizeof buf, NR_PPP_TERM_ACK, id, NULL, 0, &n) == NR_PPP_OK)
        f->ops->send(f, buf, n);
}

static void scj(nr_ppp_fsm *f, const uint8_t *raw, size_t len)
{
    uint8_t buf[PKT_MAX];
    size_t n;

    if (nr_ppp_build_code_reject(buf, sizeof buf, nr_ppp_fsm_next_id(f), raw, len, PKT_MAX, &n) == NR_PPP_OK)
        f->ops->send(f, buf, n);
}

/* Closing on our own initiative (Close event) with a reason. */
static void close_with(nr_ppp_fsm *f, nr_ppp_fsm_reason reason)
{
    switch (f->state) {
    case NR_PPP_STARTING:
        f->reason = reason;
        set_state(f, NR_PPP_INITIAL);
        tlf(f);
        break;
    case NR_PPP_STOPPED:
        f->reason = reason;
        set_state(f, NR_PPP_CLOSED);
        break;
    case NR_PPP_STOPPING:
        f->reason = reason;
        set_state(f, NR_PPP_CLOSING);
        break;
    case NR_PPP_REQSENT:
    case NR_PPP_ACKRCVD:
    case NR_PPP_ACKSENT:
        f->reason = reason;
        irc_terminate(f);
        set_state(f, NR_PPP_CLOSING);
        str(f);
        break;
    case NR_PPP_OPENED:
        f->reason = reason;
        set_state(f, NR_PPP_CLOSING);
        tld(f);
        irc_terminate(f);
        str(f);
        break;
    default: /* Initial, Closed, Closing: nothing to do */
        break;
    }
}

/* ---- administrative and lower-layer events -------------------------------------------------- */

void nr_ppp_fsm_open(nr_ppp_fsm *f)
{
    f->reason = NR_PPP_REASON_NONE;
    f->peer_spoke = false;
    f->naks_sent = f->naks_received = 0;
    switch (f->state) {
    case NR_PPP_INITIAL:
        set_state(f, NR_PPP_STARTING);
        tls(f);
        break;
    case NR_PPP_CLOSED:
        irc_configure(f);
        set_state(f, NR_PPP_REQSENT);
        scr(f, SCR_RESTART);
        break;
    case NR_PPP_CLOSING:
        set_state(f, NR_PPP_STOPPING);
        break;
    default: /* Starting, Stopped, Stopping, Req-Sent, Ack-Rcvd, Ack-Sent, Opened */
        break;
    }
}

void nr_ppp_fsm_close(nr_ppp_fsm *f, nr_ppp_fsm_reason reason)
{
    close_with(f, reason ? reason : NR_PPP_REASON_ADMIN);
}

void nr_ppp_fsm_lower_up(nr_ppp_fsm *f)
{
    switch (f->state) {
    case NR_PPP_INITIAL:
        set_state(f, NR_PPP_CLOSED);
        break;
    case NR_PPP_STARTING:
        irc_configure(f);
        set_state(f, NR_PPP_REQSENT);
        scr(f, SCR_RESTART);
        break;
    default:
        break;
    }
}

void nr_ppp_fsm_lower_down(nr_ppp_fsm *f)
{
    switch (f->state) {
    case NR_PPP_CLOSED:
    case NR_PPP_CLOSING:
        set_state(f, NR_PPP_INITIAL);
        break;
    case NR_PPP_STOPPED:
        set_state(f, NR_PPP_STARTING);
        tls(f);
        break;
    case NR_PPP_STOPPING:
    case NR_PPP_REQSENT:
    case NR_PPP_ACKRCVD:
    case NR_PPP_ACKSENT:
        set_state(f, NR_PPP_STARTING);
        break;
    case NR_PPP_OPENED:
        if (!f->reason)
            f->reason = NR_PPP_REASON_LOWER_DOWN;
        set_state(f, NR_PPP_STARTING);
        tld(f);
        break;
    default:
        break;
    }
}

/* ---- timer ---------------------------------------------------------------------------------- */

uint64_t nr_ppp_fsm_deadline(const nr_ppp_fsm *f)
{
    return f->deadline;
}

void nr_ppp_fsm_timeout(nr_ppp_fsm *f)
{
    if (!f->deadline || nr_ppp_clock_now(&f->clock) < f->deadline)
        return;
    f->deadline = 0;
    if (f->restart > 0) { /* TO+ */
        switch (f->state) {
        case NR_PPP_CLOSING:
        case NR_PPP_STOPPING:
            str(f);
            break;
        case NR_PPP_ACKRCVD:
            set_state(f, NR_PPP_REQSENT);
            scr(f, SCR_RETRANSMIT);
            break;
        case NR_PPP_REQSENT:
        case NR_PPP_ACKSENT:
            scr(f, SCR_RETRANSMIT);
            break;
        default:
            break;
        }
        return;
    }
    switch (f->state) { /* TO- */
    case NR_PPP_CLOSING:
        set_state(f, NR_PPP_CLOSED);
        tlf(f);
        break;
    case NR_PPP_STOPPING:
        set_state(f, NR_PPP_STOPPED);
        tlf(f);
        break;
    case NR_PPP_REQSENT:
    case NR_PPP_ACKRCVD:
    case NR_PPP_ACKSENT:
        f->reason = NR_PPP_REASON_TIMEOUT;
        set_state(f, NR_PPP_STOPPED);
        tlf(f);
        break;
    default:
        break;
    }
}

/* ---- received packets ----------------------------------------------------------------------- */

static void rcr(nr_ppp_fsm *f, const nr_ppp_packet *p)
{
    uint8_t buf[PKT_MAX];
    nr_ppp_builder b;
    size_t n;
    int code;

    switch (f->state) {
    case NR_PPP_CLOSED:
        sta(f, p->id);
        return;
    case NR_PPP_CLOSING:
    case NR_PPP_STOPPING:
        return;
    case NR_PPP_STOPPED:
        irc_configure(f);
        set_state(f, NR_PPP_REQSENT);
        scr(f, SCR_RESTART);
        break;
    case NR_PPP_OPENED:
        set_state(f, NR_PPP_REQSENT);
        tld(f);
        irc_configure(f);
        scr(f, SCR_RESTART);
        break;
    default:
        break;
    }

    nr_ppp_build_begin(&b, buf, sizeof buf, NR_PPP_CONF_ACK, p->id);
    code = f->ops->check_request(f, p->data, p->data_len, f->naks_sent >= f->cfg.max_failure, &b);
    if (code < 0)
        return; /* malformed options: discarded */
    if (code == NR_PPP_CONF_ACK) {
        n = 0;
        if (nr_ppp_build_configure(buf, sizeof buf, NR_PPP_CONF_ACK, p->id, p->data, p->data_len, &n) ==
            NR_PPP_OK)
            f->ops->send(f, buf, n);
        f->naks_sent = 0;
        if (f->state == NR_PPP_ACKRCVD) { /* RCR+ in Ack-Rcvd: sca, tlu */
            set_state(f, NR_PPP_OPENED);
            tlu(f);
        } else {
            set_state(f, NR_PPP_ACKSENT);
        }
        return;
    }
    if (nr_ppp_build_end(&b, &n) != NR_PPP_OK)
        return;
    buf[0] = code == NR_PPP_CONF_NAK ? NR_PPP_CONF_NAK : NR_PPP_CONF_REJ;
    if (buf[0] == NR_PPP_CONF_NAK)
        f->naks_sent++;
    f->ops->send(f, buf, n);
    if (f->state == NR_PPP_ACKSENT) /* RCR- in Ack-Sent: back to Req-Sent; Ack-Rcvd stays */
        set_state(f, NR_PPP_REQSENT);
}

static bool negotiating(const nr_ppp_fsm *f)
{
    return f->state == NR_PPP_REQSENT || f->state == NR_PPP_ACKRCVD || f->state == NR_PPP_ACKSENT;
}

static void rca(nr_ppp_fsm *f, const nr_ppp_packet *p)
{
    if (f->state == NR_PPP_CLOSED || f->state == NR_PPP_STOPPED) {
        sta(f, p->id);
        return;
    }
    if (!f->reqid_valid || p->id != f->reqid)
        return;
    if (negotiating(f) && (p->data_len != f->last_req_len || memcmp(p->data, f->last_req, p->data_len) != 0))
        return; /* not what we asked for: discard */
    switch (f->state) {
    case NR_PPP_CLOSED:
    case NR_PPP_STOPPED:
        sta(f, p->id);
        break;
    case NR_PPP_REQSENT:
        f->reqid_valid = false;
        irc_configure(f);
        f->naks_received = 0;
        if (f->ops->ack_received)
            f->ops->ack_received(f, p->data, p->data_len);
        set_state(f, NR_PPP_ACKRCVD);
        break;
    case NR_PPP_ACKRCVD: /* crossed connection */
        set_state(f, NR_PPP_REQSENT);
        scr(f, SCR_NEW);
        break;
    case NR_PPP_ACKSENT:
        f->reqid_valid = false;
        irc_configure(f);
        f->naks_received = 0;
        if (f->ops->ack_received)
            f->ops->ack_received(f, p->data, p->data_len);
        set_state(f, NR_PPP_OPENED);
        tlu(f);
        break;
    case NR_PPP_OPENED:
        set_state(f, NR_PPP_REQSENT);
        tld(f);
        irc_configure(f);
        scr(f, SCR_RESTART);
        break;
    default:
        break;
    }
}

static void rcn(nr_ppp_fsm *f, const nr_ppp_packet *p)
{
    int rc = 0;

    if (f->state == NR_PPP_CLOSED || f->state == NR_PPP_STOPPED) {
        sta(f, p->id);
        return;
    }
    if (!f->reqid_valid || p->id != f->reqid)
        return;
    if (negotiating(f)) {
        if (p->code == NR_PPP_CONF_NAK)
            rc = f->ops->nak_received ? f->ops->nak_received(f, p->data, p->data_len) : 0;
        else
            rc = f->ops->reject_received ? f->ops->reject_received(f, p->data, p->data_len) : 0;
        if (rc < 0)
            return;
        f->reqid_valid = false;
        if (p->code == NR_PPP_CONF_NAK)
            f->naks_received++;
        if (rc > 0 || f->naks_received > f->cfg.max_failure) {
            close_with(f, NR_PPP_REASON_NOT_CONVERGING);
            return;
        }
    }
    switch (f->state) {
    case NR_PPP_CLOSED:
    case NR_PPP_STOPPED:
        sta(f, p->id);
        break;
    case NR_PPP_REQSENT:
    case NR_PPP_ACKSENT:
        irc_configure(f);
        scr(f, SCR_NEW);
        break;
    case NR_PPP_ACKRCVD:
        set_state(f, NR_PPP_REQSENT);
        scr(f, SCR_NEW);
        break;
    case NR_PPP_OPENED:
        set_state(f, NR_PPP_REQSENT);
        tld(f);
        irc_configure(f);
        scr(f, SCR_RESTART);
        break;
    default:
        break;
    }
}

static void rtr(nr_ppp_fsm *f, const nr_ppp_packet *p)
{
    f->term_text_len = p->data_len < sizeof f->term_text ? p->data_len : sizeof f->term_text;
    memcpy(f->term_text, p->data, f->term_text_len);
    switch (f->state) {
    case NR_PPP_REQSENT:
    case NR_PPP_ACKRCVD:
    case NR_PPP_ACKSENT:
        sta(f, p->id);
        set_state(f, NR_PPP_REQSENT);
        break;
    case NR_PPP_OPENED:
        f->reason = NR_PPP_REASON_PEER_TERMINATED;
        set_state(f, NR_PPP_STOPPING);
        tld(f);
        zrc(f);
        sta(f, p->id);
        break;
    default: /* Closed, Stopped, Closing, Stopping */
        sta(f, p->id);
        break;
    }
}

static void rta(nr_ppp_fsm *f)
{
    switch (f->state) {
    case NR_PPP_CLOSING:
        set_state(f, NR_PPP_CLOSED);
        tlf(f);
        break;
    case NR_PPP_STOPPING:
        set_state(f, NR_PPP_STOPPED);
        tlf(f);
        break;
    case NR_PPP_ACKRCVD:
        set_state(f, NR_PPP_REQSENT);
        break;
    case NR_PPP_OPENED:
        set_state(f, NR_PPP_REQSENT);
        tld(f);
        irc_configure(f);
        scr(f, SCR_RESTART);
        break;
    default:
        break;
    }
}

/* RXJ-: the peer cannot do something essential. */
static void rxj_minus(nr_ppp_fsm *f)
{
    f->reason = NR_PPP_REASON_REJECTED;
    switch (f->state) {
    case NR_PPP_CLOSED:
    case NR_PPP_CLOSING:
        set_state(f, NR_PPP_CLOSED);
        tlf(f);
        break;
    case NR_PPP_STOPPED:
    case NR_PPP_STOPPING:
    case NR_PPP_REQSENT:
    case NR_PPP_ACKRCVD:
    case NR_PPP_ACKSENT:
        set_state(f, NR_PPP_STOPPED);
        tlf(f);
        break;
    case NR_PPP_OPENED:
        set_state(f, NR_PPP_STOPPING);
        tld(f);
        irc_terminate(f);
        str(f);
        break;
    default:
        break;
    }
}

void nr_ppp_fsm_protocol_rejected(nr_ppp_fsm *f)
{
    rxj_minus(f);
}

static void rxj(nr_ppp_fsm *f, const nr_ppp_packet *p)
{
    uint8_t code = p->data_len ? p->data[0] : 0;

    if (code >= NR_PPP_CONF_REQ && code <= NR_PPP_CODE_REJ) {
        rxj_minus(f);
        return;
    }
    if (f->state == NR_PPP_ACKRCVD) /* RXJ+ */
        set_state(f, NR_PPP_REQSENT);
}

void nr_ppp_fsm_input(nr_ppp_fsm *f, const uint8_t *raw, size_t len)
{
    nr_ppp_packet p;

    if (nr_ppp_packet_parse(raw, len, &p) != NR_PPP_OK)
        return; /* RFC 1661: silently discard */
    if (f->state == NR_PPP_INITIAL || f->state == NR_PPP_STARTING)
        return; /* the lower layer is not up: nothing can arrive */
    f->peer_spoke = true;
    switch (p.code) {
    case NR_PPP_CONF_REQ:
        rcr(f, &p);
        break;
    case NR_PPP_CONF_ACK:
        rca(f, &p);
        break;
    case NR_PPP_CONF_NAK:
    case NR_PPP_CONF_REJ:
        rcn(f, &p);
        break;
    case NR_PPP_TERM_REQ:
        rtr(f, &p);
        break;
    case NR_PPP_TERM_ACK:
        rta(f);
        break;
    case NR_PPP_CODE_REJ:
        rxj(f, &p);
        break;
    default:
        if (!f->ops->other_code || !f->ops->other_code(f, &p, raw, p.length))
            scj(f, raw, p.length); /* RUC */
        break;
    }
}
