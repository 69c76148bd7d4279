/*
 * test-ras-ppp-lcp.c - LCP (providers/ras/ppp/ppp-lcp.c): the request we send,
 * how slirp's real Configure-Requests (docs/research/slirp-ppp-peer.md
 * section 3) are answered, authentication-protocol Naks, Rejects of unknown
 * options, the negotiated ACCM/PFC/ACFC, loopback detection, Echo
 * keepalives and Protocol-Reject.
 */
#include "config.h"

#include <string.h>

#include "cunit-main.h"
#include "hdlc.h"
#include "ppp-lcp.h"
#include "ppp-test-peer.h"

NRT_SUITE("ras-ppp-lcp");

typedef struct harness {
    nr_ppp_lcp lcp;
    nr_test_wire w;
    int ups, downs, finishes, echo_failed;
    nr_ppp_lcp_result res;
    nr_ppp_fsm_reason reason;
    uint16_t rejected_proto;
} harness;

static harness H;

static void c_send(void *ctx, const uint8_t *pkt, size_t len)
{
    nr_test_wire_record(&((harness *)ctx)->w, NR_PPP_PROTO_LCP, pkt, len);
}
static void c_up(void *ctx, const nr_ppp_lcp_result *r)
{
    ((harness *)ctx)->ups++;
    ((harness *)ctx)->res = *r;
}
static void c_down(void *ctx, nr_ppp_fsm_reason r) { ((harness *)ctx)->downs++; ((harness *)ctx)->reason = r; }
static void c_finished(void *ctx, nr_ppp_fsm_reason r)
{
    ((harness *)ctx)->finishes++;
    ((harness *)ctx)->reason = r;
}
static void c_prej(void *ctx, uint16_t p) { ((harness *)ctx)->rejected_proto = p; }
static void c_echo_failed(void *ctx) { ((harness *)ctx)->echo_failed++; }

static const nr_ppp_lcp_callbacks cb = {
    .send = c_send, .up = c_up, .down = c_down, .finished = c_finished,
    .protocol_rejected = c_prej, .echo_failed = c_echo_failed,
};

static void setup_with(const nr_ppp_lcp_config *cfg)
{
    memset(&H, 0, sizeof H);
    nr_test_wire_init(&H.w);
    nr_ppp_lcp_init(&H.lcp, cfg, &cb, &H, &H.w.clock);
}

static void setup(void)
{
    nr_ppp_lcp_config cfg = NR_PPP_LCP_CONFIG_DEFAULTS;
    cfg.magic_seed = 12345;
    setup_with(&cfg);
}

static void feed(const uint8_t *pkt, size_t len)
{
    nr_ppp_lcp_input(&H.lcp, pkt, len);
}

static const nr_test_pkt *last(void)
{
    return nr_test_wire_last(&H.w);
}

/* Acks exactly what we last requested. */
static void ack_our_request(void)
{
    const nr_test_pkt *req = NULL;
    uint8_t buf[256];
    size_t i;

    for (i = H.w.n; i-- > 0;)
        if (H.w.pkts[i].data[0] == NR_PPP_CONF_REQ) {
            req = &H.w.pkts[i];
            break;
        }
    NRT_NOT_NULL_FATAL(req);
    memcpy(buf, req->data, req->len);
    buf[0] = NR_PPP_CONF_ACK;
    feed(buf, req->len);
}

/* slirp's requests, byte for byte from the notes. */
static const uint8_t slirp_req[] = { 0x01, 0x01, 0x00, 0x12, 0x01, 0x04, 0x05, 0xdc, 0x05, 0x06,
                                     0xf6, 0x92, 0xef, 0xe6, 0x07, 0x02, 0x08, 0x02 };
static const uint8_t slirp_pap_req[] = { 0x01, 0x01, 0x00, 0x16, 0x01, 0x04, 0x05, 0xdc, 0x03, 0x04, 0xc0,
                                         0x23, 0x05, 0x06, 0xcd, 0xa2, 0xef, 0x04, 0x07, 0x02, 0x08, 0x02 };
static const uint8_t slirp_chap_req[] = { 0x01, 0x01, 0x00, 0x17, 0x01, 0x04, 0x05, 0xdc, 0x03, 0x05, 0xc2, 0x23,
                                          0x05, 0x05, 0x06, 0xfe, 0x81, 0xe7, 0x40, 0x07, 0x02, 0x08, 0x02 };
static const uint8_t slirp_extra_req[] = { 0x01, 0x01, 0x00, 0x18, 0x01, 0x04, 0x02, 0x40, 0x02, 0x06, 0x00, 0x00,
                                           0x00, 0x00, 0x05, 0x06, 0x67, 0x02, 0x16, 0x9c, 0x07, 0x02, 0x08, 0x02 };

static void open_with(const uint8_t *req, size_t len)
{
    nr_ppp_lcp_start(&H.lcp);
    ack_our_request();
    feed(req, len);
    NRT_TRUE_FATAL(nr_ppp_lcp_is_open(&H.lcp));
}

/* ---- our request ---------------------------------------------------------------------------- */

NRT_TEST(test_first_request_asks_for_mru_accm_zero_magic_pfc_and_acfc)
{
    const nr_test_pkt *p;

    setup();
    nr_ppp_lcp_start(&H.lcp);
    p = last();
    NRT_EQ_FATAL(H.w.n, 1);
    NRT_EQ_FATAL(p->len, 4 + 4 + 6 + 6 + 2 + 2);
    NRT_EQ(p->data[0], NR_PPP_CONF_REQ);
    NRT_EQ_MEM(p->data + 4, "\x01\x04\x05\xdc\x02\x06\x00\x00\x00\x00\x05\x06", 12);
    NRT_EQ(nr_ppp_get_u32(p->data + 16), H.lcp.magic);
    NRT_NE(H.lcp.magic, 0);
    NRT_EQ_MEM(p->data + 20, "\x07\x02\x08\x02", 4);
}

NRT_TEST(test_mru_of_the_entry_is_requested)
{
    nr_ppp_lcp_config cfg = NR_PPP_LCP_CONFIG_DEFAULTS;

    cfg.mru = 576;
    setup_with(&cfg);
    nr_ppp_lcp_start(&H.lcp);
    NRT_EQ_MEM(last()->data + 4, "\x01\x04\x02\x40", 4);
}

NRT_TEST(test_rejected_pfc_and_acfc_are_left_out_of_the_next_request)
{
    uint8_t rej[] = { 0x04, 0x00, 0x00, 0x08, 0x07, 0x02, 0x08, 0x02 };

    setup();
    nr_ppp_lcp_start(&H.lcp);
    rej[1] = last()->data[1];
    feed(rej, sizeof rej);
    NRT_EQ(H.w.n, 2);
    NRT_EQ(last()->len, 4 + 4 + 6 + 6);
    ack_our_request();
    feed(slirp_req, sizeof slirp_req);
    NRT_FALSE(H.res.rx_pfc);
    NRT_FALSE(H.res.rx_acfc);
}

NRT_TEST(test_nak_of_our_mru_is_adopted)
{
    uint8_t nak[] = { 0x03, 0x00, 0x00, 0x08, 0x01, 0x04, 0x02, 0x40 };

    setup();
    nr_ppp_lcp_start(&H.lcp);
    nak[1] = last()->data[1];
    feed(nak, sizeof nak);
    NRT_EQ_MEM(last()->data + 4, "\x01\x04\x02\x40", 4);
}

/* ---- the peer's request --------------------------------------------------------------------- */

NRT_TEST(test_slirp_default_request_is_acked_unchanged)
{
    setup();
    nr_ppp_lcp_start(&H.lcp);
    feed(slirp_req, sizeof slirp_req);
    NRT_EQ_FATAL(last()->len, sizeof slirp_req);
    NRT_EQ(last()->data[0], NR_PPP_CONF_ACK);
    NRT_EQ_MEM(last()->data + 1, slirp_req + 1, sizeof slirp_req - 1);
}

NRT_TEST(test_slirp_without_accm_leaves_our_transmit_accm_at_all_ones)
{
    setup();
    open_with(slirp_req, sizeof slirp_req);
    NRT_EQ(H.ups, 1);
    NRT_EQ(H.res.tx_accm, NR_HDLC_ACCM_ALL);
    NRT_EQ(H.res.rx_accm, 0);
    NRT_TRUE(H.res.tx_pfc);
    NRT_TRUE(H.res.tx_acfc);
    NRT_TRUE(H.res.rx_pfc);
    NRT_TRUE(H.res.rx_acfc);
    NRT_EQ(H.res.peer_mru, 1500);
    NRT_EQ(H.res.peer_magic, 0xf692efe6);
    NRT_EQ(H.res.our_magic, H.lcp.magic);
    NRT_EQ(H.res.auth_protocol, 0);
}

NRT_TEST(test_slirp_mru_576_and_asyncmap_0_are_accepted)
{
    setup();
    open_with(slirp_extra_req, sizeof slirp_extra_req);
    NRT_EQ(H.res.peer_mru, 576);
    NRT_EQ(H.res.tx_accm, 0);
}

NRT_TEST(test_slirp_pap_request_is_acked_and_pap_reported)
{
    setup();
    open_with(slirp_pap_req, sizeof slirp_pap_req);
    NRT_EQ(last()->data[0], NR_PPP_CONF_ACK);
    NRT_EQ(H.res.auth_protocol, NR_PPP_PROTO_PAP);
}

NRT_TEST(test_slirp_chap_md5_request_is_acked_and_chap_reported)
{
    setup();
    open_with(slirp_chap_req, sizeof slirp_chap_req);
    NRT_EQ(H.res.auth_protocol, NR_PPP_PROTO_CHAP);
    NRT_EQ(H.res.auth_algorithm, NR_PPP_CHAP_MD5);
}

NRT_TEST(test_chap_with_another_algorithm_is_naked_toward_md5)
{
    static const uint8_t mschap_v1[] = { 0x01, 0x02, 0x00, 0x09, 0x03, 0x05, 0xc2, 0x23, 0x80 };

    setup();
    nr_ppp_lcp_start(&H.lcp);
    feed(mschap_v1, sizeof mschap_v1);
    NRT_EQ_FATAL(last()->len, 9);
    NRT_EQ(last()->data[0], NR_PPP_CONF_NAK);
    NRT_EQ(last()->data[1], 2);
    NRT_EQ_MEM(last()->data + 4, "\x03\x05\xc2\x23\x05", 5);
}

static const uint8_t mschap_v2_req[] = { 0x01, 0x02, 0x00, 0x09, 0x03, 0x05, 0xc2, 0x23, 0x81 };

NRT_TEST(test_mschap_v2_is_naked_toward_md5_when_not_allowed)
{
    nr_ppp_lcp_config cfg = NR_PPP_LCP_CONFIG_DEFAULTS;

    cfg.allow_mschapv2 = false;
    setup_with(&cfg);
    nr_ppp_lcp_start(&H.lcp);
    feed(mschap_v2_req, sizeof mschap_v2_req);
    NRT_EQ_FATAL(last()->len, 9);
    NRT_EQ(last()->data[0], NR_PPP_CONF_NAK);
    NRT_EQ(last()->data[1], 2);
    NRT_EQ_MEM(last()->data + 4, "\x03\x05\xc2\x23\x05", 5);
}

NRT_TEST(test_mschap_v2_request_is_acked_and_reported)
{
    setup();
    open_with(mschap_v2_req, sizeof mschap_v2_req);
    NRT_EQ_FATAL(last()->len, 9);
    NRT_EQ(last()->data[0], NR_PPP_CONF_ACK);
    NRT_EQ(H.res.auth_protocol, NR_PPP_PROTO_CHAP);
    NRT_EQ(H.res.auth_algorithm, NR_PPP_CHAP_MSV2);
}

NRT_TEST(test_only_mschap_v2_allowed_naks_pap_toward_it)
{
    nr_ppp_lcp_config cfg = NR_PPP_LCP_CONFIG_DEFAULTS;

    cfg.allow_pap = cfg.allow_chap = false;
    setup_with(&cfg);
    nr_ppp_lcp_start(&H.lcp);
    feed(slirp_pap_req, sizeof slirp_pap_req);
    NRT_EQ(last()->data[0], NR_PPP_CONF_NAK);
    NRT_EQ(last()->len, 9);
    NRT_EQ_MEM(last()->data + 4, "\x03\x05\xc2\x23\x81", 5);
}

NRT_TEST(test_pap_is_naked_toward_chap_when_only_chap_is_allowed)
{
    nr_ppp_lcp_config cfg = NR_PPP_LCP_CONFIG_DEFAULTS;

    cfg.allow_pap = false;
    setup_with(&cfg);
    nr_ppp_lcp_start(&H.lcp);
    feed(slirp_pap_req, sizeof slirp_pap_req);
    NRT_EQ(last()->data[0], NR_PPP_CONF_NAK);
    NRT_EQ(last()->len, 9);
    NRT_EQ_MEM(last()->data + 4, "\x03\x05\xc2\x23\x05", 5);
}

NRT_TEST(test_unknown_options_are_rejected_alone)
{
    /* MRU, Quality-Protocol LQR, Callback, Magic */
    static const uint8_t req[] = { 0x01, 0x03, 0x00, 0x17, 0x01, 0x04, 0x05, 0xdc, 0x04, 0x08, 0xc0, 0x25,
                                   0x00, 0x00, 0x00, 0x0a, 0x0d, 0x03, 0x06, 0x05, 0x06, 0x11, 0x22 };
    uint8_t fixed[sizeof req + 2];

    memcpy(fixed, req, sizeof req);
    fixed[sizeof req] = 0x33;
    fixed[sizeof req + 1] = 0x44;
    fixed[3] = sizeof fixed;
    setup();
    nr_ppp_lcp_start(&H.lcp);
    feed(fixed, sizeof fixed);
    NRT_EQ(last()->data[0], NR_PPP_CONF_REJ);
    NRT_EQ_FATAL(last()->len, 4 + 8 + 3);
    NRT_EQ_MEM(last()->data + 4, req + 8, 11);
}

NRT_TEST(test_too_small_mru_is_naked_up_to_128)
{
    static const uint8_t req[] = { 0x01, 0x04, 0x00, 0x08, 0x01, 0x04, 0x00, 0x40 };

    setup();
    nr_ppp_lcp_start(&H.lcp);
    feed(req, sizeof req);
    NRT_EQ(last()->data[0], NR_PPP_CONF_NAK);
    NRT_EQ_MEM(last()->data + 4, "\x01\x04\x00\x80", 4);
}

/* ---- loopback ------------------------------------------------------------------------------- */

NRT_TEST(test_our_own_magic_in_the_peer_request_is_naked_with_another)
{
    uint8_t req[] = { 0x01, 0x09, 0x00, 0x0a, 0x05, 0x06, 0, 0, 0, 0 };
    uint32_t mine;

    setup();
    nr_ppp_lcp_start(&H.lcp);
    mine = H.lcp.magic;
    req[6] = (uint8_t)(mine >> 24), req[7] = (uint8_t)(mine >> 16), req[8] = (uint8_t)(mine >> 8),
    req[9] = (uint8_t)mine;
    feed(req, sizeof req);
    NRT_EQ(last()->data[0], NR_PPP_CONF_NAK);
    NRT_NE(nr_ppp_get_u32(last()->data + 6), mine);
    NRT_NE(H.lcp.magic, mine);
    NRT_FALSE(nr_ppp_lcp_looped_back(&H.lcp));
}

NRT_TEST(test_looped_back_line_is_detected_and_lcp_finishes)
{
    size_t next = 0;
    int guard = 0;

    setup();
    nr_ppp_lcp_start(&H.lcp);
    /* everything we send comes straight back */
    while (next < H.w.n && next < NR_TEST_WIRE_MAX && H.finishes == 0 && guard++ < 100) {
        nr_test_pkt p = H.w.pkts[next++];
        feed(p.data, p.len);
    }
    NRT_TRUE(nr_ppp_lcp_looped_back(&H.lcp));
    NRT_EQ(H.finishes, 1);
    NRT_EQ(H.reason, NR_PPP_REASON_LOOPBACK);
    NRT_EQ(H.ups, 0);
}

NRT_TEST(test_nak_of_our_magic_with_a_fresh_value_each_time_is_not_a_loop)
{
    uint8_t nak[] = { 0x03, 0, 0x00, 0x0a, 0x05, 0x06, 0x12, 0x34, 0x56, 0 };
    int i;

    setup();
    nr_ppp_lcp_start(&H.lcp);
    for (i = 0; i < 5; i++) { /* RFC 1661 6.4: a value we never offered proves there is no loop */
        nak[1] = last()->data[1];
        nak[9] = (uint8_t)(0x40 + i);
        feed(nak, sizeof nak);
        NRT_EQ(last()->data[0], NR_PPP_CONF_REQ); /* a new request, with a new magic */
    }
    NRT_FALSE(nr_ppp_lcp_looped_back(&H.lcp));
    NRT_EQ(H.finishes, 0);
}

/* ---- echo ----------------------------------------------------------------------------------- */

NRT_TEST(test_echo_request_is_answered_with_our_magic)
{
    static const uint8_t echo[] = { 0x09, 0x00, 0x00, 0x0a, 0x67, 0x02, 0x16, 0x9c, 0xab, 0xcd };

    setup();
    open_with(slirp_req, sizeof slirp_req);
    feed(echo, sizeof echo);
    NRT_EQ_FATAL(last()->len, 10);
    NRT_EQ(last()->data[0], NR_PPP_ECHO_REPLY);
    NRT_EQ(last()->data[1], 0);
    NRT_EQ(nr_ppp_get_u32(last()->data + 4), H.res.our_magic);
    NRT_EQ_MEM(last()->data + 8, "\xab\xcd", 2);
}

NRT_TEST(test_echo_request_before_open_is_ignored)
{
    static const uint8_t echo[] = { 0x09, 0x00, 0x00, 0x08, 0, 0, 0, 0 };

    setup();
    nr_ppp_lcp_start(&H.lcp);
    feed(echo, sizeof echo);
    NRT_EQ(H.w.n, 1);
}

NRT_TEST(test_missing_echo_replies_fail_the_link)
{
    nr_ppp_lcp_config cfg = NR_PPP_LCP_CONFIG_DEFAULTS;
    int i;

    cfg.echo_interval_ms = 5000;
    cfg.echo_failures = 3;
    setup_with(&cfg);
    open_with(slirp_req, sizeof slirp_req);
    nr_test_wire_clear(&H.w);
    for (i = 0; i < 3; i++) {
        NRT_EQ(nr_ppp_lcp_deadline(&H.lcp), H.w.now + 5000);
        H.w.now += 5000;
        nr_ppp_lcp_timeout(&H.lcp);
    }
    NRT_EQ(nr_test_wire_count(&H.w, NR_PPP_PROTO_LCP, NR_PPP_ECHO_REQ), 3);
    NRT_EQ(nr_ppp_get_u32(last()->data + 4), H.res.our_magic);
    NRT_EQ(H.echo_failed, 0);
    H.w.now += 5000;
    nr_ppp_lcp_timeout(&H.lcp);
    NRT_EQ(H.echo_failed, 1);
    NRT_EQ(nr_ppp_lcp_deadline(&H.lcp), 0);
}

NRT_TEST(test_echo_reply_resets_the_missing_count)
{
    nr_ppp_lcp_config cfg = NR_PPP_LCP_CONFIG_DEFAULTS;
    uint8_t reply[] = { 0x0a, 0x00, 0x00, 0x08, 0xf6, 0x92, 0xef, 0xe6 };
    int i;

    cfg.echo_interval_ms = 1000;
    cfg.echo_failures = 2;
    setup_with(&cfg);
    open_with(slirp_req, sizeof slirp_req);
    for (i = 0; i < 6; i++) {
        H.w.now += 1000;
        nr_ppp_lcp_timeout(&H.lcp);
        reply[1] = last()->data[1];
        feed(reply, sizeof reply);
    }
    NRT_EQ(H.echo_failed, 0);
    NRT_EQ(H.lcp.echo_outstanding, 0);
}

/* ---- Protocol-Reject ------------------------------------------------------------------------ */

NRT_TEST(test_slirp_ccp_request_gets_a_protocol_reject)
{
    static const uint8_t ccp[] = { 0x01, 0x01, 0x00, 0x04 };

    setup();
    open_with(slirp_req, sizeof slirp_req);
    nr_ppp_lcp_reject_protocol(&H.lcp, NR_PPP_PROTO_CCP, ccp, sizeof ccp);
    NRT_EQ_FATAL(last()->len, 4 + 2 + 4);
    NRT_EQ(last()->data[0], NR_PPP_PROTOCOL_REJ);
    NRT_EQ_MEM(last()->data + 4, "\x80\xfd\x01\x01\x00\x04", 6);
}

NRT_TEST(test_no_protocol_reject_before_lcp_opens)
{
    static const uint8_t ccp[] = { 0x01, 0x01, 0x00, 0x04 };

    setup();
    nr_ppp_lcp_start(&H.lcp);
    nr_ppp_lcp_reject_protocol(&H.lcp, NR_PPP_PROTO_CCP, ccp, sizeof ccp);
    NRT_EQ(H.w.n, 1);
}

NRT_TEST(test_protocol_reject_from_the_peer_is_reported)
{
    static const uint8_t prej[] = { 0x08, 0x05, 0x00, 0x0a, 0x80, 0x21, 0x01, 0x01, 0x00, 0x04 };

    setup();
    open_with(slirp_req, sizeof slirp_req);
    feed(prej, sizeof prej);
    NRT_EQ(H.rejected_proto, NR_PPP_PROTO_IPCP);
}

NRT_TEST(test_peer_terminate_request_reports_down_with_the_reason)
{
    static const uint8_t term[] = { 0x05, 0x02, 0x00, 0x04 };

    setup();
    open_with(slirp_req, sizeof slirp_req);
    feed(term, sizeof term);
    NRT_EQ(H.downs, 1);
    NRT_EQ(H.reason, NR_PPP_REASON_PEER_TERMINATED);
    NRT_EQ(last()->data[0], NR_PPP_TERM_ACK);
}
