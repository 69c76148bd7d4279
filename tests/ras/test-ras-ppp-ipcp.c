/*
 * test-ras-ppp-ipcp.c - IPCP (providers/ras/ppp/ppp-ipcp.c), replaying the
 * exchange with slirp recorded in docs/research/slirp-ppp-peer.md section 3:
 * our request for 0.0.0.0 and DNS, slirp's Nak with 10.0.2.15 and its DNS,
 * slirp's own request for 0.0.0.0 + VJ (VJ rejected, address Nak-ed with
 * 10.0.2.2), DNS2 Acked as 0.0.0.0, and a server that refuses addresses.
 */
#include "config.h"

#include <string.h>

#include "cunit-main.h"
#include "ppp-ipcp.h"
#include "ppp-test-peer.h"

NRT_SUITE("ras-ppp-ipcp");

typedef struct harness {
    nr_ppp_ipcp ip;
    nr_test_wire w;
    int ups, finishes;
    nr_ppp_ipcp_result res;
    nr_ppp_fsm_reason reason;
} harness;

static harness H;

static void i_send(void *ctx, const uint8_t *pkt, size_t len)
{
    nr_test_wire_record(&((harness *)ctx)->w, NR_PPP_PROTO_IPCP, pkt, len);
}
static void i_up(void *ctx, const nr_ppp_ipcp_result *r)
{
    ((harness *)ctx)->ups++;
    ((harness *)ctx)->res = *r;
}
static void i_finished(void *ctx, nr_ppp_fsm_reason r)
{
    ((harness *)ctx)->finishes++;
    ((harness *)ctx)->reason = r;
}

static const nr_ppp_ipcp_callbacks cb = { .send = i_send, .up = i_up, .finished = i_finished };

static void setup(void)
{
    nr_ppp_ipcp_config cfg;

    memset(&cfg, 0, sizeof cfg);
    cfg.peer_addr_hint = 0x0a000202;
    cfg.request_dns = true;
    memset(&H, 0, sizeof H);
    nr_test_wire_init(&H.w);
    nr_ppp_ipcp_init(&H.ip, &cfg, &cb, &H, &H.w.clock);
}

static const nr_test_pkt *last(void)
{
    return nr_test_wire_last(&H.w);
}

static void feed(const uint8_t *pkt, size_t len)
{
    nr_ppp_ipcp_input(&H.ip, pkt, len);
}

/* A packet like p with its Identifier replaced. */
static void feed_id(const uint8_t *p, size_t len, uint8_t id)
{
    uint8_t buf[64];

    memcpy(buf, p, len);
    buf[1] = id;
    feed(buf, len);
}

static const uint8_t slirp_req[] = { 0x01, 0x01, 0x00, 0x10, 0x03, 0x06, 0x00, 0x00,
                                     0x00, 0x00, 0x02, 0x06, 0x00, 0x2d, 0x0f, 0x01 };
static const uint8_t slirp_req2[] = { 0x01, 0x02, 0x00, 0x0a, 0x03, 0x06, 0x0a, 0x00, 0x02, 0x02 };
/* slirp started with "dns 10.0.2.3" */
static const uint8_t slirp_nak[] = { 0x03, 0x01, 0x00, 0x10, 0x03, 0x06, 0x0a, 0x00,
                                     0x02, 0x0f, 0x81, 0x06, 0x0a, 0x00, 0x02, 0x03 };

NRT_TEST(test_first_request_asks_for_address_zero_and_both_dns)
{
    static const uint8_t want[] = { 0x03, 0x06, 0, 0, 0, 0, 0x81, 0x06, 0, 0, 0, 0, 0x83, 0x06, 0, 0, 0, 0 };

    setup();
    nr_ppp_ipcp_start(&H.ip);
    NRT_EQ_FATAL(last()->len, 4 + sizeof want);
    NRT_EQ(last()->data[0], NR_PPP_CONF_REQ);
    NRT_EQ_MEM(last()->data + 4, want, sizeof want);
}

NRT_TEST(test_slirp_request_gets_vj_rejected_first)
{
    setup();
    nr_ppp_ipcp_start(&H.ip);
    feed(slirp_req, sizeof slirp_req);
    NRT_EQ_FATAL(last()->len, 10);
    NRT_EQ(last()->data[0], NR_PPP_CONF_REJ);
    NRT_EQ_MEM(last()->data + 4, "\x02\x06\x00\x2d\x0f\x01", 6);
}

NRT_TEST(test_slirp_asking_for_address_zero_is_naked_with_the_hint)
{
    static const uint8_t req[] = { 0x01, 0x02, 0x00, 0x0a, 0x03, 0x06, 0x00, 0x00, 0x00, 0x00 };

    setup();
    nr_ppp_ipcp_start(&H.ip);
    feed(req, sizeof req);
    NRT_EQ_FATAL(last()->len, 10);
    NRT_EQ(last()->data[0], NR_PPP_CONF_NAK);
    NRT_EQ_MEM(last()->data + 4, "\x03\x06\x0a\x00\x02\x02", 6);
}

NRT_TEST(test_address_and_dns_are_learned_from_the_nak)
{
    setup();
    nr_ppp_ipcp_start(&H.ip);
    feed_id(slirp_nak, sizeof slirp_nak, last()->data[1]);
    NRT_EQ_FATAL(last()->len, 4 + 18);
    NRT_EQ(last()->data[0], NR_PPP_CONF_REQ);
    NRT_EQ_MEM(last()->data + 4, "\x03\x06\x0a\x00\x02\x0f\x81\x06\x0a\x00\x02\x03\x83\x06\0\0\0\0", 18);
}

NRT_TEST(test_full_slirp_exchange_projects_10_0_2_15_with_dns_10_0_2_3)
{
    uint8_t ack[64];
    const nr_test_pkt *req;

    setup();
    nr_ppp_ipcp_start(&H.ip);
    feed(slirp_req, sizeof slirp_req);                      /* -> Rej VJ */
    feed_id(slirp_nak, sizeof slirp_nak, H.w.pkts[0].data[1]); /* -> new ConfReq */
    req = last();
    NRT_EQ_FATAL(req->data[0], NR_PPP_CONF_REQ);
    memcpy(ack, req->data, req->len);
    ack[0] = NR_PPP_CONF_ACK; /* slirp Acks DNS2 0.0.0.0 as is */
    feed(ack, req->len);
    NRT_EQ(H.ups, 0);
    feed((const uint8_t *)"\x01\x03\x00\x0a\x03\x06\x00\x00\x00\x00", 10); /* still 0.0.0.0: Nak */
    NRT_EQ(last()->data[0], NR_PPP_CONF_NAK);
    feed(slirp_req2, sizeof slirp_req2);
    NRT_EQ(last()->data[0], NR_PPP_CONF_ACK);
    NRT_TRUE(nr_ppp_ipcp_is_open(&H.ip));
    NRT_EQ(H.ups, 1);
    NRT_EQ(H.res.our_addr, 0x0a00020f);
    NRT_EQ(H.res.peer_addr, 0x0a000202);
    NRT_EQ(H.res.dns[0], 0x0a000203);
    NRT_EQ(H.res.dns[1], 0);
}

NRT_TEST(test_peer_own_real_address_is_acked)
{
    static const uint8_t req[] = { 0x01, 0x07, 0x00, 0x0a, 0x03, 0x06, 0xc0, 0xa8, 0x01, 0x01 };

    setup();
    nr_ppp_ipcp_start(&H.ip);
    feed(req, sizeof req);
    NRT_EQ(last()->data[0], NR_PPP_CONF_ACK);
    NRT_EQ(H.ip.peer_addr, 0xc0a80101);
}

NRT_TEST(test_rejected_dns_is_no_longer_requested)
{
    static const uint8_t rej[] = { 0x04, 0x00, 0x00, 0x10, 0x81, 0x06, 0, 0, 0, 0, 0x83, 0x06, 0, 0, 0, 0 };

    setup();
    nr_ppp_ipcp_start(&H.ip);
    feed_id(rej, sizeof rej, last()->data[1]);
    NRT_EQ(last()->len, 10);
    NRT_EQ_MEM(last()->data + 4, "\x03\x06\0\0\0\0", 6);
}

NRT_TEST(test_rejected_address_without_one_of_our_own_fails)
{
    static const uint8_t rej[] = { 0x04, 0x00, 0x00, 0x0a, 0x03, 0x06, 0, 0, 0, 0 };

    setup();
    nr_ppp_ipcp_start(&H.ip);
    feed_id(rej, sizeof rej, last()->data[1]);
    NRT_TRUE(H.ip.addr_rejected);
    NRT_EQ(H.ip.fsm.state, NR_PPP_CLOSING);
    NRT_EQ(H.ip.fsm.reason, NR_PPP_REASON_NOT_CONVERGING);
}

NRT_TEST(test_unanswered_requests_finish_with_timeout)
{
    setup();
    nr_ppp_ipcp_start(&H.ip);
    while (nr_ppp_ipcp_deadline(&H.ip)) {
        H.w.now = nr_ppp_ipcp_deadline(&H.ip);
        nr_ppp_ipcp_timeout(&H.ip);
    }
    NRT_EQ(H.finishes, 1);
    NRT_EQ(H.reason, NR_PPP_REASON_TIMEOUT);
    NRT_EQ(nr_test_wire_count(&H.w, NR_PPP_PROTO_IPCP, NR_PPP_CONF_REQ), 10);
}

NRT_TEST(test_addresses_print_as_dotted_quads)
{
    char buf[16];

    NRT_EQ_STR(nr_ppp_ip_to_string(0x0a00020f, buf, sizeof buf), "10.0.2.15");
    NRT_EQ_STR(nr_ppp_ip_to_string(0xffffffff, buf, sizeof buf), "255.255.255.255");
}
