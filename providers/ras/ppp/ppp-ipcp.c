/*
 * ppp-ipcp.c - IPCP option policy (see ppp-ipcp.h). The automaton is
 * ppp-fsm.c. Invariant: ip->res is complete when up() is called; its
 * our_addr is 0 only if the peer Acked a request for 0.0.0.0, which the
 * link reports as 738.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ppp-ipcp.h"

#define OPT_BUF 256

char *nr_ppp_ip_to_string(uint32_t a, char *buf, size_t size)
{
    snprintf(buf, size, "%u.%u.%u.%u", a >> 24, (a >> 16) & 0xff, (a >> 8) & 0xff, a & 0xff);
    return buf;
}

static nr_ppp_ipcp *from_fsm(nr_ppp_fsm *f)
{
    return f->ctx;
}

static void ipcp_send(nr_ppp_fsm *f, const uint8_t *pkt, size_t len)
{
    nr_ppp_ipcp *ip = from_fsm(f);
    ip->cb->send(ip->ctx, pkt, len);
}

static void ipcp_reset(nr_ppp_fsm *f)
{
    nr_ppp_ipcp *ip = from_fsm(f);

    ip->want_addr = true;
    ip->addr_rejected = false;
    ip->want_dns[0] = ip->want_dns[1] = ip->cfg.request_dns;
    memset(&ip->req, 0, sizeof ip->req);
    ip->req.our_addr = ip->cfg.our_addr;
    ip->peer_addr = 0;
    memset(&ip->res, 0, sizeof ip->res);
}

static void ipcp_add_request(nr_ppp_fsm *f, nr_ppp_builder *b)
{
    nr_ppp_ipcp *ip = from_fsm(f);

    if (ip->want_addr)
        nr_ppp_build_opt_u32(b, NR_PPP_IPCP_OPT_ADDRESS, ip->req.our_addr);
    if (ip->want_dns[0])
        nr_ppp_build_opt_u32(b, NR_PPP_IPCP_OPT_DNS1, ip->req.dns[0]);
    if (ip->want_dns[1])
        nr_ppp_build_opt_u32(b, NR_PPP_IPCP_OPT_DNS2, ip->req.dns[1]);
}

static int ipcp_check_request(nr_ppp_fsm *f, const uint8_t *opts, size_t len, bool reject_naks,
                              nr_ppp_builder *b)
{
    nr_ppp_ipcp *ip = from_fsm(f);
    uint8_t nbuf[OPT_BUF], rbuf[OPT_BUF];
    nr_ppp_builder nak, rej;
    nr_ppp_opt_iter it;
    nr_ppp_option o;
    uint32_t peer = 0;
    size_t nn, nr;
    int rc;

    nr_ppp_build_begin(&nak, nbuf, sizeof nbuf, 0, 0);
    nr_ppp_build_begin(&rej, rbuf, sizeof rbuf, 0, 0);
    nr_ppp_opt_iter_init(&it, opts, len);
    while ((rc = nr_ppp_opt_next(&it, &o)) > 0) {
        uint32_t v = o.data_len == 4 ? nr_ppp_get_u32(o.data) : 0;
        uint32_t offer = 0;
        bool reject = false, naked = false;

        switch (o.type) {
        case NR_PPP_IPCP_OPT_ADDRESS:
            if (o.data_len != 4)
                reject = true;
            else if (v != 0)
                peer = v;
            else if (ip->cfg.peer_addr_hint) /* slirp asks for 0.0.0.0: give it one */
                naked = true, offer = ip->cfg.peer_addr_hint;
            else
                reject = true;
            break;
        case NR_PPP_IPCP_OPT_DNS1:
        case NR_PPP_IPCP_OPT_DNS2: {
            uint32_t dns = ip->cfg.offer_dns[o.type == NR_PPP_IPCP_OPT_DNS1 ? 0 : 1];
            if (o.data_len != 4 || !dns)
                reject = true;
            else if (v != dns)
                naked = true, offer = dns;
            break;
        }
        default: /* VJ compression (2), NBNS, IP-Addresses (1), ...: not supported */
            reject = true;
            break;
        }
        if (naked && reject_naks)
            reject = true;
        if (reject)
            nr_ppp_build_opt_copy(&rej, &o);
        else if (naked)
            nr_ppp_build_opt_u32(&nak, o.type, offer);
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
    ip->peer_addr = peer;
    return NR_PPP_CONF_ACK;
}

static void ipcp_ack_received(nr_ppp_fsm *f, const uint8_t *opts, size_t len)
{
    nr_ppp_ipcp *ip = from_fsm(f);

    (void)opts;
    (void)len;
    ip->res.our_addr = ip->want_addr ? ip->req.our_addr : ip->cfg.our_addr;
    ip->res.dns[0] = ip->want_dns[0] ? ip->req.dns[0] : 0;
    ip->res.dns[1] = ip->want_dns[1] ? ip->req.dns[1] : 0;
}

static int ipcp_nak_received(nr_ppp_fsm *f, const uint8_t *opts, size_t len)
{
    nr_ppp_ipcp *ip = from_fsm(f);
    nr_ppp_opt_iter it;
    nr_ppp_option o;
    int rc;

    nr_ppp_opt_iter_init(&it, opts, len);
    while ((rc = nr_ppp_opt_next(&it, &o)) > 0) {
        if (o.data_len != 4)
            continue;
        switch (o.type) {
        case NR_PPP_IPCP_OPT_ADDRESS:
            if (ip->want_addr && !ip->cfg.our_addr) /* we asked to be told: take it */
                ip->req.our_addr = nr_ppp_get_u32(o.data);
            break;
        case NR_PPP_IPCP_OPT_DNS1:
            if (ip->want_dns[0])
                ip->req.dns[0] = nr_ppp_get_u32(o.data);
            break;
        case NR_PPP_IPCP_OPT_DNS2:
            if (ip->want_dns[1])
                ip->req.dns[1] = nr_ppp_get_u32(o.data);
            break;
        default:
            break;
        }
    }
    return rc < 0 ? -1 : 0;
}

static int ipcp_reject_received(nr_ppp_fsm *f, const uint8_t *opts, size_t len)
{
    nr_ppp_ipcp *ip = from_fsm(f);
    nr_ppp_opt_iter it;
    nr_ppp_option o;
    int rc;

    nr_ppp_opt_iter_init(&it, opts, len);
    while ((rc = nr_ppp_opt_next(&it, &o)) > 0) {
        if (o.type == NR_PPP_IPCP_OPT_ADDRESS) {
            ip->want_addr = false;
            ip->addr_rejected = true;
        } else if (o.type == NR_PPP_IPCP_OPT_DNS1) {
            ip->want_dns[0] = false;
        } else if (o.type == NR_PPP_IPCP_OPT_DNS2) {
            ip->want_dns[1] = false;
        }
    }
    if (rc < 0)
        return -1;
    /* Without an address of our own we cannot use the link: 738 later. */
    return ip->addr_rejected && !ip->cfg.our_addr ? 1 : 0;
}

static void ipcp_up(nr_ppp_fsm *f)
{
    nr_ppp_ipcp *ip = from_fsm(f);

    ip->res.peer_addr = ip->peer_addr;
    if (ip->cb->up)
        ip->cb->up(ip->ctx, &ip->res);
}

static void ipcp_down(nr_ppp_fsm *f)
{
    nr_ppp_ipcp *ip = from_fsm(f);
    if (ip->cb->down)
        ip->cb->down(ip->ctx, f->reason);
}

static void ipcp_finished(nr_ppp_fsm *f)
{
    nr_ppp_ipcp *ip = from_fsm(f);
    if (ip->cb->finished)
        ip->cb->finished(ip->ctx, f->reason);
}

static const nr_ppp_fsm_ops ipcp_ops = {
    .send = ipcp_send,
    .reset = ipcp_reset,
    .add_request = ipcp_add_request,
    .check_request = ipcp_check_request,
    .ack_received = ipcp_ack_received,
    .nak_received = ipcp_nak_received,
    .reject_received = ipcp_reject_received,
    .up = ipcp_up,
    .down = ipcp_down,
    .finished = ipcp_finished,
};

void nr_ppp_ipcp_init(nr_ppp_ipcp *ip, const nr_ppp_ipcp_config *cfg, const nr_ppp_ipcp_callbacks *cb, void *ctx,
                      const nr_ppp_clock *clock)
{
    memset(ip, 0, sizeof *ip);
    if (cfg)
        ip->cfg = *cfg;
    ip->cb = cb;
    ip->ctx = ctx;
    nr_ppp_fsm_init(&ip->fsm, NR_PPP_PROTO_IPCP, "IPCP", &ipcp_ops, ip, &ip->cfg.fsm, clock);
    ipcp_reset(&ip->fsm);
}

void nr_ppp_ipcp_start(nr_ppp_ipcp *ip)
{
    nr_ppp_fsm_open(&ip->fsm);
    nr_ppp_fsm_lower_up(&ip->fsm);
}

void nr_ppp_ipcp_close(nr_ppp_ipcp *ip)
{
    nr_ppp_fsm_close(&ip->fsm, NR_PPP_REASON_ADMIN);
}

void nr_ppp_ipcp_lower_down(nr_ppp_ipcp *ip)
{
    nr_ppp_fsm_lower_down(&ip->fsm);
}

void nr_ppp_ipcp_input(nr_ppp_ipcp *ip, const uint8_t *pkt, size_t len)
{
    nr_ppp_fsm_input(&ip->fsm, pkt, len);
}

void nr_ppp_ipcp_protocol_rejected(nr_ppp_ipcp *ip)
{
    nr_ppp_fsm_protocol_rejected(&ip->fsm);
}

uint64_t nr_ppp_ipcp_deadline(const nr_ppp_ipcp *ip)
{
    return nr_ppp_fsm_deadline(&ip->fsm);
}

void nr_ppp_ipcp_timeout(nr_ppp_ipcp *ip)
{
    nr_ppp_fsm_timeout(&ip->fsm);
}

bool nr_ppp_ipcp_is_open(const nr_ppp_ipcp *ip)
{
    return ip->fsm.state == NR_PPP_OPENED;
}
