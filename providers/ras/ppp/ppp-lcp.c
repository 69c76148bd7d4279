/*
 * ppp-lcp.c - LCP option policy, loopback detection, Echo and
 * Protocol-Reject (see ppp-lcp.h). The automaton itself is ppp-fsm.c; this
 * file only decides what the options mean. Invariant: lcp->res is complete
 * whenever the automaton is Opened.
 */
#include "config.h"

#include <string.h>
#include <sys/random.h>

#include "hdlc.h"
#include "ppp-lcp.h"

#define MIN_MRU 128
#define OPT_BUF 256

static uint32_t next_random(nr_ppp_lcp *lcp)
{
    uint32_t x = lcp->rng;

    do {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
    } while (x == 0);
    lcp->rng = x;
    return x;
}

static uint32_t new_magic(nr_ppp_lcp *lcp, uint32_t avoid)
{
    uint32_t m;

    do
        m = next_random(lcp);
    while (m == avoid || m == lcp->magic);
    return m;
}

static nr_ppp_lcp *from_fsm(nr_ppp_fsm *f)
{
    return f->ctx;
}

static void peer_defaults(nr_ppp_lcp_result *r)
{
    memset(r, 0, sizeof *r);
    r->peer_mru = NR_HDLC_DEFAULT_MRU;
    r->our_mru = NR_HDLC_DEFAULT_MRU;
    r->tx_accm = NR_HDLC_ACCM_ALL;
    r->rx_accm = NR_HDLC_ACCM_ALL;
}

/* ---- automaton callbacks -------------------------------------------------------------------- */

static void lcp_send(nr_ppp_fsm *f, const uint8_t *pkt, size_t len)
{
    nr_ppp_lcp *lcp = from_fsm(f);
    lcp->cb->send(lcp->ctx, pkt, len);
}

static void lcp_reset(nr_ppp_fsm *f)
{
    nr_ppp_lcp *lcp = from_fsm(f);

    lcp->want_mru = true;
    lcp->want_mru_value = lcp->cfg.mru;
    lcp->want_accm = lcp->cfg.request_accm;
    lcp->want_accm_value = 0;
    lcp->want_magic = true;
    lcp->magic = new_magic(lcp, 0);
    lcp->want_pfc = lcp->cfg.request_pfc;
    lcp->want_acfc = lcp->cfg.request_acfc;
    lcp->want_callback = lcp->cfg.request_callback;
    peer_defaults(&lcp->peer);
    peer_defaults(&lcp->res);
}

static void lcp_add_request(nr_ppp_fsm *f, nr_ppp_builder *b)
{
    nr_ppp_lcp *lcp = from_fsm(f);

    if (lcp->want_mru)
        nr_ppp_build_opt_u16(b, NR_PPP_LCP_OPT_MRU, lcp->want_mru_value);
    if (lcp->want_accm)
        nr_ppp_build_opt_u32(b, NR_PPP_LCP_OPT_ACCM, lcp->want_accm_value);
    if (lcp->want_magic)
        nr_ppp_build_opt_u32(b, NR_PPP_LCP_OPT_MAGIC, lcp->magic);
    if (lcp->want_pfc)
        nr_ppp_build_option(b, NR_PPP_LCP_OPT_PFC, NULL, 0);
    if (lcp->want_acfc)
        nr_ppp_build_option(b, NR_PPP_LCP_OPT_ACFC, NULL, 0);
    if (lcp->want_callback)
        nr_ppp_build_option(b, NR_PPP_LCP_OPT_CALLBACK, (const uint8_t[]){ 6 }, 1);
}

/* The auth option we would like instead: CHAP-MD5 first, then MS-CHAPv2,
 * then PAP. Returns false when we can do none. */
static bool preferred_auth(const nr_ppp_lcp *lcp, nr_ppp_builder *nak)
{
    static const uint8_t chap[] = { 0xc2, 0x23, NR_PPP_CHAP_MD5 };
    static const uint8_t mschapv2[] = { 0xc2, 0x23, NR_PPP_CHAP_MSV2 };
    static const uint8_t pap[] = { 0xc0, 0x23 };

    if (lcp->cfg.allow_chap)
        nr_ppp_build_option(nak, NR_PPP_LCP_OPT_AUTH, chap, sizeof chap);
    else if (lcp->cfg.allow_mschapv2)
        nr_ppp_build_option(nak, NR_PPP_LCP_OPT_AUTH, mschapv2, sizeof mschapv2);
    else if (lcp->cfg.allow_pap)
        nr_ppp_build_option(nak, NR_PPP_LCP_OPT_AUTH, pap, sizeof pap);
    else
        return false;
    return true;
}

static int lcp_check_request(nr_ppp_fsm *f, const uint8_t *opts, size_t len, bool reject_naks, nr_ppp_builder *b)
{
    nr_ppp_lcp *lcp = from_fsm(f);
    uint8_t nbuf[OPT_BUF], rbuf[OPT_BUF];
    nr_ppp_builder nak, rej;
    nr_ppp_lcp_result cand;
    nr_ppp_opt_iter it;
    nr_ppp_option o;
    size_t nn, nr;
    int rc;

    peer_defaults(&cand);
    nr_ppp_build_begin(&nak, nbuf, sizeof nbuf, 0, 0);
    nr_ppp_build_begin(&rej, rbuf, sizeof rbuf, 0, 0);
    nr_ppp_opt_iter_init(&it, opts, len);
    while ((rc = nr_ppp_opt_next(&it, &o)) > 0) {
        bool ok = true, reject = false;
        size_t before = nak.len;

        switch (o.type) {
        case NR_PPP_LCP_OPT_MRU:
            if (o.data_len != 2) {
                reject = true;
            } else if (nr_ppp_get_u16(o.data) < MIN_MRU) {
                ok = false;
                nr_ppp_build_opt_u16(&nak, NR_PPP_LCP_OPT_MRU, MIN_MRU);
            } else {
                cand.peer_mru = nr_ppp_get_u16(o.data);
            }
            break;
        case NR_PPP_LCP_OPT_ACCM:
            if (o.data_len != 4)
                reject = true;
            else
                cand.tx_accm = nr_ppp_get_u32(o.data);
            break;
        case NR_PPP_LCP_OPT_AUTH: {
            uint16_t proto = o.data_len >= 2 ? nr_ppp_get_u16(o.data) : 0;
            if (proto == NR_PPP_PROTO_PAP && o.data_len == 2 && lcp->cfg.allow_pap) {
                cand.auth_protocol = proto;
            } else if (proto == NR_PPP_PROTO_CHAP && o.data_len == 3 &&
                       ((o.data[2] == NR_PPP_CHAP_MD5 && lcp->cfg.allow_chap) ||
                        (o.data[2] == NR_PPP_CHAP_MSV2 && lcp->cfg.allow_mschapv2))) {
                cand.auth_protocol = proto;
                cand.auth_algorithm = o.data[2];
            } else {
                ok = false;
                if (!preferred_auth(lcp, &nak))
                    reject = true;
            }
            break;
        }
        case NR_PPP_LCP_OPT_MAGIC:
            if (o.data_len != 4) {
                reject = true;
            } else if (lcp->want_magic && nr_ppp_get_u32(o.data) == lcp->magic) {
                /* Our own magic: a looped-back line, or a coincidence. RFC 1661
                 * section 6.4: Nak with a new value and pick a new one ourselves. */
                if (++lcp->loop_count >= lcp->cfg.loopback_limit)
                    lcp->looped = true;
                ok = false;
                lcp->naked_magic = new_magic(lcp, lcp->magic);
                lcp->naked_magic_sent = true;
                nr_ppp_build_opt_u32(&nak, NR_PPP_LCP_OPT_MAGIC, lcp->naked_magic);
                lcp->magic = new_magic(lcp, lcp->magic);
            } else {
                cand.peer_magic = nr_ppp_get_u32(o.data);
            }
            break;
        case NR_PPP_LCP_OPT_PFC:
            if (o.data_len)
                reject = true;
            else
                cand.tx_pfc = true;
            break;
        case NR_PPP_LCP_OPT_ACFC:
            if (o.data_len)
                reject = true;
            else
                cand.tx_acfc = true;
            break;
        default: /* Quality-Protocol, callback, multilink, ...: not supported */
            reject = true;
            break;
        }
        if (!ok && reject_naks) {
            nak.len = before; /* Max-Failure reached: reject what we would Nak */
            reject = true;
        }
        if (reject) {
            nak.len = before;
            nr_ppp_build_opt_copy(&rej, &o);
        }
    }
    if (rc < 0)
        return -1;
    if (nr_ppp_build_end(&rej, &nr) != NR_PPP_OK || nr_ppp_build_end(&nak, &nn) != NR_PPP_OK)
        return -1;
    if (nr > NR_PPP_HEADER_LEN) {
        nr_ppp_build_bytes(b, rbuf + NR_PPP_HEADER_LEN, nr - NR_PPP_HEADER_LEN);
        return NR_PPP_CONF_REJ;
    }
    if (nn > NR_PPP_HEADER_LEN) {
        nr_ppp_build_bytes(b, nbuf + NR_PPP_HEADER_LEN, nn - NR_PPP_HEADER_LEN);
        return NR_PPP_CONF_NAK;
    }
    /* Acked: remember what the peer asked for */
    lcp->peer.peer_mru = cand.peer_mru;
    lcp->peer.tx_accm = cand.tx_accm;
    lcp->peer.tx_pfc = cand.tx_pfc;
    lcp->peer.tx_acfc = cand.tx_acfc;
    lcp->peer.peer_magic = cand.peer_magic;
    lcp->peer.auth_protocol = cand.auth_protocol;
    lcp->peer.auth_algorithm = cand.auth_algorithm;
    return NR_PPP_CONF_ACK;
}

static void lcp_ack_received(nr_ppp_fsm *f, const uint8_t *opts, size_t len)
{
    nr_ppp_lcp *lcp = from_fsm(f);

    (void)opts;
    (void)len;
    lcp->res.our_mru = lcp->want_mru ? lcp->want_mru_value : NR_HDLC_DEFAULT_MRU;
    lcp->res.rx_accm = lcp->want_accm ? lcp->want_accm_value : NR_HDLC_ACCM_ALL;
    lcp->res.rx_pfc = lcp->want_pfc;
    lcp->res.rx_acfc = lcp->want_acfc;
    lcp->res.our_magic = lcp->want_magic ? lcp->magic : 0;
    lcp->res.callback = lcp->want_callback;
}

static int lcp_nak_received(nr_ppp_fsm *f, const uint8_t *opts, size_t len)
{
    nr_ppp_lcp *lcp = from_fsm(f);
    nr_ppp_opt_iter it;
    nr_ppp_option o;
    int rc;

    nr_ppp_opt_iter_init(&it, opts, len);
    while ((rc = nr_ppp_opt_next(&it, &o)) > 0) {
        if (o.type == NR_PPP_LCP_OPT_MRU && o.data_len == 2 && lcp->want_mru) {
            uint16_t v = nr_ppp_get_u16(o.data);
            if (v >= MIN_MRU && v <= NR_HDLC_DEFAULT_MRU)
                lcp->want_mru_value = v;
            else
                lcp->want_mru = false;
        } else if (o.type == NR_PPP_LCP_OPT_ACCM && o.data_len == 4 && lcp->want_accm) {
            lcp->want_accm_value |= nr_ppp_get_u32(o.data);
        } else if (o.type == NR_PPP_LCP_OPT_MAGIC && o.data_len == 4 && lcp->want_magic) {
            /* RFC 1661 section 6.4: our own last Nak coming back means the
             * line may be looped back; any other value proves it is not
             * (a collision with the peer's magic, or a peer that keeps
             * Nak-ing it: Max-Failure then ends it as not converging). */
            uint32_t v = nr_ppp_get_u32(o.data);
            if (lcp->naked_magic_sent && v == lcp->naked_magic) {
                if (++lcp->loop_count >= lcp->cfg.loopback_limit)
                    lcp->looped = true;
            } else {
                lcp->loop_count = 0;
            }
            lcp->magic = new_magic(lcp, v);
        } else if (o.type == NR_PPP_LCP_OPT_CALLBACK) {
            lcp->want_callback = false; /* CBCP or nothing: another operation is no use to us */
        }
    }
    return rc < 0 ? -1 : 0;
}

static int lcp_reject_received(nr_ppp_fsm *f, const uint8_t *opts, size_t len)
{
    nr_ppp_lcp *lcp = from_fsm(f);
    nr_ppp_opt_iter it;
    nr_ppp_option o;
    int rc;

    nr_ppp_opt_iter_init(&it, opts, len);
    while ((rc = nr_ppp_opt_next(&it, &o)) > 0) {
        switch (o.type) {
        case NR_PPP_LCP_OPT_MRU: lcp->want_mru = false; break;
        case NR_PPP_LCP_OPT_ACCM: lcp->want_accm = false; break;
        case NR_PPP_LCP_OPT_MAGIC: lcp->want_magic = false; break;
        case NR_PPP_LCP_OPT_PFC: lcp->want_pfc = false; break;
        case NR_PPP_LCP_OPT_ACFC: lcp->want_acfc = false; break;
        case NR_PPP_LCP_OPT_CALLBACK: lcp->want_callback = false; break;
        default: break;
        }
    }
    return rc < 0 ? -1 : 0;
}

static void lcp_up(nr_ppp_fsm *f)
{
    nr_ppp_lcp *lcp = from_fsm(f);
    nr_ppp_lcp_result *r = &lcp->res;

    r->peer_mru = lcp->peer.peer_mru;
    r->tx_accm = lcp->peer.tx_accm;
    r->tx_pfc = lcp->peer.tx_pfc;
    r->tx_acfc = lcp->peer.tx_acfc;
    r->peer_magic = lcp->peer.peer_magic;
    r->auth_protocol = lcp->peer.auth_protocol;
    r->auth_algorithm = lcp->peer.auth_algorithm;
    lcp->echo_outstanding = 0;
    lcp->echo_deadline = lcp->cfg.echo_interval_ms ? nr_ppp_clock_now(&f->clock) + lcp->cfg.echo_interval_ms : 0;
    if (lcp->cb->up)
        lcp->cb->up(lcp->ctx, r);
}

static void lcp_down(nr_ppp_fsm *f)
{
    nr_ppp_lcp *lcp = from_fsm(f);

    lcp->echo_deadline = 0;
    if (lcp->cb->down)
        lcp->cb->down(lcp->ctx, f->reason);
}

static void lcp_finished(nr_ppp_fsm *f)
{
    nr_ppp_lcp *lcp = from_fsm(f);

    lcp->echo_deadline = 0;
    if (lcp->cb->finished)
        lcp->cb->finished(lcp->ctx, f->reason);
}

static bool lcp_other_code(nr_ppp_fsm *f, const nr_ppp_packet *p, const uint8_t *raw, size_t len)
{
    nr_ppp_lcp *lcp = from_fsm(f);
    uint8_t buf[NR_HDLC_DEFAULT_MRU];
    uint16_t proto;
    uint32_t magic;
    size_t n;

    (void)raw;
    (void)len;
    switch (p->code) {
    case NR_PPP_PROTOCOL_REJ:
        if (f->state == NR_PPP_OPENED && nr_ppp_packet_rejected_protocol(p, &proto) == NR_PPP_OK &&
            proto != NR_PPP_PROTO_LCP && lcp->cb->protocol_rejected)
            lcp->cb->protocol_rejected(lcp->ctx, proto);
        return true;
    case NR_PPP_ECHO_REQ:
        if (f->state == NR_PPP_OPENED && nr_ppp_packet_magic(p, &magic) == NR_PPP_OK &&
            nr_ppp_build_echo_reply(buf, sizeof buf, p->id, lcp->res.our_magic, p->data + 4, p->data_len - 4,
                                    &n) == NR_PPP_OK)
            lcp->cb->send(lcp->ctx, buf, n);
        return true;
    case NR_PPP_ECHO_REPLY:
        if (f->state == NR_PPP_OPENED && nr_ppp_packet_magic(p, &magic) == NR_PPP_OK &&
            (magic == 0 || magic != lcp->res.our_magic))
            lcp->echo_outstanding = 0;
        return true;
    case NR_PPP_DISCARD_REQ:
        return true;
    default:
        return false;
    }
}

static const nr_ppp_fsm_ops lcp_ops = {
    .send = lcp_send,
    .reset = lcp_reset,
    .add_request = lcp_add_request,
    .check_request = lcp_check_request,
    .ack_received = lcp_ack_received,
    .nak_received = lcp_nak_received,
    .reject_received = lcp_reject_received,
    .up = lcp_up,
    .down = lcp_down,
    .finished = lcp_finished,
    .other_code = lcp_other_code,
};

/* ---- public --------------------------------------------------------------------------------- */

void nr_ppp_lcp_init(nr_ppp_lcp *lcp, const nr_ppp_lcp_config *cfg, const nr_ppp_lcp_callbacks *cb, void *ctx,
                     const nr_ppp_clock *clock)
{
    const nr_ppp_lcp_config defaults = NR_PPP_LCP_CONFIG_DEFAULTS;

    memset(lcp, 0, sizeof *lcp);
    lcp->cfg = cfg ? *cfg : defaults;
    if (!lcp->cfg.mru)
        lcp->cfg.mru = NR_HDLC_DEFAULT_MRU;
    if (!lcp->cfg.echo_failures)
        lcp->cfg.echo_failures = 3;
    if (!lcp->cfg.loopback_limit)
        lcp->cfg.loopback_limit = 5;
    lcp->cb = cb;
    lcp->ctx = ctx;
    lcp->rng = lcp->cfg.magic_seed;
    if (!lcp->rng && getrandom(&lcp->rng, sizeof lcp->rng, 0) != (ssize_t)sizeof lcp->rng)
        lcp->rng = (uint32_t)nr_ppp_clock_now(clock) ^ 0x5a5a5a5au;
    if (!lcp->rng)
        lcp->rng = 0x2545f491u;
    nr_ppp_fsm_init(&lcp->fsm, NR_PPP_PROTO_LCP, "LCP", &lcp_ops, lcp, &lcp->cfg.fsm, clock);
    lcp_reset(&lcp->fsm);
}

void nr_ppp_lcp_start(nr_ppp_lcp *lcp)
{
    lcp->loop_count = 0;
    lcp->looped = false;
    lcp->naked_magic_sent = false;
    nr_ppp_fsm_open(&lcp->fsm);
    nr_ppp_fsm_lower_up(&lcp->fsm);
}

void nr_ppp_lcp_close(nr_ppp_lcp *lcp)
{
    nr_ppp_fsm_close(&lcp->fsm, NR_PPP_REASON_ADMIN);
}

void nr_ppp_lcp_lower_down(nr_ppp_lcp *lcp)
{
    lcp->echo_deadline = 0;
    nr_ppp_fsm_lower_down(&lcp->fsm);
}

void nr_ppp_lcp_input(nr_ppp_lcp *lcp, const uint8_t *pkt, size_t len)
{
    nr_ppp_fsm_input(&lcp->fsm, pkt, len);
    if (lcp->looped && lcp->fsm.state != NR_PPP_CLOSING && lcp->fsm.state != NR_PPP_CLOSED &&
        lcp->fsm.state != NR_PPP_INITIAL)
        nr_ppp_fsm_close(&lcp->fsm, NR_PPP_REASON_LOOPBACK);
}

void nr_ppp_lcp_reject_protocol(nr_ppp_lcp *lcp, uint16_t protocol, const uint8_t *info, size_t len)
{
    uint8_t buf[NR_HDLC_DEFAULT_MRU];
    size_t n;

    if (lcp->fsm.state != NR_PPP_OPENED)
        return;
    if (nr_ppp_build_protocol_reject(buf, sizeof buf, nr_ppp_fsm_next_id(&lcp->fsm), protocol, info, len,
                                     lcp->res.peer_mru, &n) == NR_PPP_OK)
        lcp->cb->send(lcp->ctx, buf, n);
}

uint64_t nr_ppp_lcp_deadline(const nr_ppp_lcp *lcp)
{
    uint64_t a = nr_ppp_fsm_deadline(&lcp->fsm), b = lcp->echo_deadline;

    if (!a)
        return b;
    if (!b)
        return a;
    return a < b ? a : b;
}

void nr_ppp_lcp_timeout(nr_ppp_lcp *lcp)
{
    uint64_t now = nr_ppp_clock_now(&lcp->fsm.clock);
    uint8_t buf[16];
    size_t n;

    nr_ppp_fsm_timeout(&lcp->fsm);
    if (!lcp->echo_deadline || now < lcp->echo_deadline || lcp->fsm.state != NR_PPP_OPENED)
        return;
    if (lcp->echo_outstanding >= lcp->cfg.echo_failures) {
        lcp->echo_deadline = 0;
        if (lcp->cb->echo_failed)
            lcp->cb->echo_failed(lcp->ctx);
        return;
    }
    if (nr_ppp_build_echo_request(buf, sizeof buf, lcp->echo_id++, lcp->res.our_magic, NULL, 0, &n) ==
        NR_PPP_OK)
        lcp->cb->send(lcp->ctx, buf, n);
    lcp->echo_outstanding++;
    lcp->echo_deadline = now + lcp->cfg.echo_interval_ms;
}

bool nr_ppp_lcp_is_open(const nr_ppp_lcp *lcp)
{
    return lcp->fsm.state == NR_PPP_OPENED;
}

bool nr_ppp_lcp_looped_back(const nr_ppp_lcp *lcp)
{
    return lcp->looped;
}
