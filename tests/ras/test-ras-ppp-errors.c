/*
 * test-ras-ppp-errors.c - how a whole PPP link (providers/ras/ppp/ppp-link.c)
 * fails, against the scripted peer of ppp-test-peer.h on a socketpair: each
 * RFC 1661 situation and the RAS error it must end in (732 LCP or IPCP
 * options never converge, 733 IPCP Protocol-Rejected, 734 LCP Code-Rejected or terminated
 * by the peer during negotiation, 737 looped-back line, 738 no address, 719
 * an open link the server terminated), and the LCP Echo keepalive of an
 * open link, on a fake clock, with an entry's interval and failure count
 * (721 when the peer goes silent).  The PPP layer alone: this program links
 * nothing else.
 */
#include "config.h"

#include <netrouter/ras.h>
#include <string.h>
#include <unistd.h>

#include "cunit-main.h"
#include "ppp-link.h"
#include "ppp-test-peer.h"

NRT_SUITE("ras-ppp-errors");

/* ---- set-up (the link's events: nr_test_events, ppp-test-peer.h) --------------------- */

static nr_ppp_link_config fast_config(void)
{
    nr_ppp_link_config cfg;

    nr_ppp_link_config_init(&cfg);
    cfg.fsm.restart_ms = 100;
    cfg.timeout_ms = 20000; /* far beyond what any test here needs: never the cause */
    return cfg;
}

/* Our link against the peer until it is Open or Dead (or ~20 s pass). */
static nr_ppp_link *dial(nr_test_peer *p, const nr_ppp_link_config *cfg, nr_test_events *ev)
{
    nr_ppp_link *l = nr_test_peer_dial(p, cfg, ev);

    NRT_NOT_NULL_FATAL(l);
    return l;
}

/* The link failed before Open with code: one FAILED event carrying it, Dead. */
static void assert_failed_with(nr_ppp_link *l, const nr_test_events *ev, unsigned code)
{
    NRT_EQ(nr_ppp_link_phase(l), NR_PPP_PHASE_DEAD);
    NRT_EQ(nr_ppp_link_error(l, NULL), code);
    NRT_GE(ev->n, 1);
    if (ev->n >= 1 && ev->n <= 16) {
        NRT_EQ(ev->types[ev->n - 1], NR_PPP_EVENT_FAILED);
        NRT_EQ(ev->errors[ev->n - 1], code);
    }
}

/* ---- the peer's own sanity ------------------------------------------------------------------ */

NRT_TEST(test_normal_scripted_peer_projects_10_0_2_15)
{
    nr_test_peer *p = nr_test_peer_new();
    nr_ppp_link_config cfg = fast_config();
    nr_test_events ev = { 0 };
    nr_ppp_link *l;

    NRT_NOT_NULL_FATAL(p);
    l = dial(p, &cfg, &ev);
    NRT_EQ(nr_ppp_link_phase(l), NR_PPP_PHASE_OPEN);
    NRT_EQ(nr_ppp_link_projection(l)->our_addr, NR_TEST_PEER_GIVES);
    NRT_EQ(nr_ppp_link_projection(l)->server_addr, NR_TEST_PEER_ADDR);
    NRT_EQ(nr_ppp_link_projection(l)->dns[0], NR_TEST_PEER_DNS);
    NRT_EQ(nr_ppp_link_projection(l)->lcp.peer_magic, NR_TEST_PEER_MAGIC);
    nr_ppp_link_free(l);
    nr_test_peer_free(p);
}

/* ---- 732, 733, 734, 737, 738 ---------------------------------------------------------------- */

NRT_TEST(test_peer_naking_every_lcp_request_fails_with_732_not_converging)
{
    nr_test_peer *p = nr_test_peer_new();
    nr_ppp_link_config cfg = fast_config();
    nr_test_events ev = { 0 };
    nr_ppp_link *l;

    NRT_NOT_NULL_FATAL(p);
    p->lcp = NR_TEST_PEER_LCP_NAK_MRU;
    cfg.fsm.max_failure = 3;
    l = dial(p, &cfg, &ev);
    assert_failed_with(l, &ev, ERROR_PPP_NOT_CONVERGING);
    NRT_GT(nr_test_wire_count(&p->got, NR_PPP_PROTO_LCP, NR_PPP_CONF_REQ), cfg.fsm.max_failure);
    NRT_EQ(nr_test_wire_count(&p->got, NR_PPP_PROTO_LCP, NR_PPP_TERM_REQ), 1); /* said goodbye */
    nr_ppp_link_free(l);
    nr_test_peer_free(p);
}

NRT_TEST(test_peer_naking_our_magic_every_time_fails_with_732_not_a_loopback)
{
    nr_test_peer *p = nr_test_peer_new();
    nr_ppp_link_config cfg = fast_config();
    nr_test_events ev = { 0 };
    nr_ppp_link *l;

    NRT_NOT_NULL_FATAL(p);
    p->lcp = NR_TEST_PEER_LCP_NAK_MAGIC; /* collisions, every one with a new value */
    l = dial(p, &cfg, &ev);
    assert_failed_with(l, &ev, ERROR_PPP_NOT_CONVERGING);
    nr_ppp_link_free(l);
    nr_test_peer_free(p);
}

NRT_TEST(test_peer_naking_every_ipcp_address_fails_with_732_not_converging)
{
    nr_test_peer *p = nr_test_peer_new();
    nr_ppp_link_config cfg = fast_config();
    nr_test_events ev = { 0 };
    nr_ppp_link *l;

    NRT_NOT_NULL_FATAL(p);
    p->ipcp = NR_TEST_PEER_IPCP_NAK_FOREVER;
    l = dial(p, &cfg, &ev);
    assert_failed_with(l, &ev, ERROR_PPP_NOT_CONVERGING);
    NRT_EQ(nr_test_wire_count(&p->got, NR_PPP_PROTO_LCP, NR_PPP_TERM_REQ), 1);
    nr_ppp_link_free(l);
    nr_test_peer_free(p);
}

NRT_TEST(test_protocol_reject_of_ipcp_fails_with_733_cp_rejected)
{
    nr_test_peer *p = nr_test_peer_new();
    nr_ppp_link_config cfg = fast_config();
    nr_test_events ev = { 0 };
    nr_ppp_link *l;

    NRT_NOT_NULL_FATAL(p);
    p->ipcp = NR_TEST_PEER_IPCP_PROTOCOL_REJECT;
    l = dial(p, &cfg, &ev);
    assert_failed_with(l, &ev, ERROR_PPP_CP_REJECTED);
    NRT_EQ(nr_test_wire_count(&p->got, NR_PPP_PROTO_IPCP, NR_PPP_CONF_REQ), 1); /* no retry */
    NRT_EQ(nr_test_wire_count(&p->got, NR_PPP_PROTO_LCP, NR_PPP_TERM_REQ), 1);
    nr_ppp_link_free(l);
    nr_test_peer_free(p);
}

NRT_TEST(test_code_reject_of_our_lcp_request_fails_with_734_lcp_terminated)
{
    nr_test_peer *p = nr_test_peer_new();
    nr_ppp_link_config cfg = fast_config();
    nr_test_events ev = { 0 };
    nr_ppp_link *l;

    NRT_NOT_NULL_FATAL(p);
    p->lcp = NR_TEST_PEER_LCP_CODE_REJECT;
    l = dial(p, &cfg, &ev);
    assert_failed_with(l, &ev, ERROR_PPP_LCP_TERMINATED);
    NRT_EQ(nr_test_wire_count(&p->got, NR_PPP_PROTO_LCP, NR_PPP_CONF_REQ), 1);
    nr_ppp_link_free(l);
    nr_test_peer_free(p);
}

NRT_TEST(test_peer_terminating_lcp_during_negotiation_fails_with_734_without_retrying)
{
    nr_test_peer *p = nr_test_peer_new();
    nr_ppp_link_config cfg = fast_config();
    nr_test_events ev = { 0 };
    nr_ppp_link *l;
    const char *text;

    NRT_NOT_NULL_FATAL(p);
    p->lcp = NR_TEST_PEER_LCP_TERMINATE;
    cfg.fsm.restart_ms = 3000; /* a retry would show as a second Configure-Request */
    l = dial(p, &cfg, &ev);
    assert_failed_with(l, &ev, ERROR_PPP_LCP_TERMINATED);
    nr_ppp_link_error(l, &text);
    NRT_CONTAINS(text, "Not allowed"); /* the peer's reason is kept */
    NRT_EQ(nr_test_wire_count(&p->got, NR_PPP_PROTO_LCP, NR_PPP_CONF_REQ), 1);
    NRT_EQ(nr_test_wire_count(&p->got, NR_PPP_PROTO_LCP, NR_PPP_TERM_ACK), 1); /* RFC: sta */
    NRT_EQ(nr_test_wire_count(&p->got, NR_PPP_PROTO_LCP, NR_PPP_TERM_REQ), 1); /* then our close */
    nr_ppp_link_free(l);
    nr_test_peer_free(p);
}

NRT_TEST(test_looped_back_line_fails_with_737_loopback_detected)
{
    nr_test_peer *p = nr_test_peer_new();
    nr_ppp_link_config cfg = fast_config();
    nr_test_events ev = { 0 };
    nr_ppp_link *l;

    NRT_NOT_NULL_FATAL(p);
    p->lcp = NR_TEST_PEER_LCP_LOOPBACK;
    l = dial(p, &cfg, &ev);
    assert_failed_with(l, &ev, ERROR_PPP_LOOPBACK_DETECTED);
    /* our own Terminate-Request came back too, and was answered: a clean end */
    NRT_GE(nr_test_wire_count(&p->got, NR_PPP_PROTO_LCP, NR_PPP_TERM_ACK), 1);
    nr_ppp_link_free(l);
    nr_test_peer_free(p);
}

NRT_TEST(test_peer_rejecting_our_ip_address_option_fails_with_738_no_address)
{
    nr_test_peer *p = nr_test_peer_new();
    nr_ppp_link_config cfg = fast_config();
    nr_test_events ev = { 0 };
    nr_ppp_link *l;

    NRT_NOT_NULL_FATAL(p);
    p->ipcp = NR_TEST_PEER_IPCP_REJECT_ADDRESS;
    l = dial(p, &cfg, &ev);
    assert_failed_with(l, &ev, ERROR_PPP_NO_ADDRESS_ASSIGNED);
    NRT_EQ(nr_ppp_link_projection(l)->our_addr, 0);
    nr_ppp_link_free(l);
    nr_test_peer_free(p);
}

NRT_TEST(test_ipcp_opening_with_address_0_0_0_0_fails_with_738_no_address)
{
    nr_test_peer *p = nr_test_peer_new();
    nr_ppp_link_config cfg = fast_config();
    nr_test_events ev = { 0 };
    nr_ppp_link *l;

    NRT_NOT_NULL_FATAL(p);
    p->ipcp = NR_TEST_PEER_IPCP_ACK_ZERO;
    l = dial(p, &cfg, &ev);
    assert_failed_with(l, &ev, ERROR_PPP_NO_ADDRESS_ASSIGNED);
    NRT_EQ(nr_test_wire_count(&p->got, NR_PPP_PROTO_LCP, NR_PPP_TERM_REQ), 1);
    nr_ppp_link_free(l);
    nr_test_peer_free(p);
}

/* ---- LCP Echo keepalive, on the fake clock -------------------------------------------------- */

/* ---- 719: the server ends an open link ----------------------------------------------------- */

/* The peer sends an LCP packet of its own (framed) on the line. */
static void peer_says(nr_test_peer *p, const uint8_t *pkt, size_t len)
{
    uint8_t wire[NR_HDLC_ENCODE_BOUND(64)];
    size_t n;

    NRT_EQ_FATAL(nr_hdlc_encode(NULL, NR_PPP_PROTO_LCP, pkt, len, wire, sizeof wire, &n), 0);
    NRT_EQ_FATAL(write(p->fd, wire, n), (ssize_t)n);
}

/* As pppd does on hang-up: an LCP Terminate-Request, no IPCP one first.
 * The link is down because the server ended it (719, with its text), not
 * because "IPCP went down" (734), which is only the consequence.
 * (Found by tests/fuzz/fuzz-ppp-link.) */
NRT_TEST(test_peer_terminating_an_open_link_is_down_with_719_remote_terminated)
{
    static const uint8_t term[] = { NR_PPP_TERM_REQ, 0x42, 0x00, 0x07, 'b', 'y', 'e' };
    nr_test_peer *p = nr_test_peer_new();
    nr_ppp_link_config cfg = fast_config();
    nr_test_events ev = { 0 };
    const char *text;
    nr_ppp_link *l;
    int i;

    NRT_NOT_NULL_FATAL(p);
    l = dial(p, &cfg, &ev);
    NRT_EQ_FATAL(nr_ppp_link_phase(l), NR_PPP_PHASE_OPEN);
    peer_says(p, term, sizeof term);
    for (i = 0; i < 200 && nr_ppp_link_phase(l) != NR_PPP_PHASE_DEAD; i++) {
        nr_ppp_link_step(l, -1, 5);
        nr_test_peer_pump(p);
    }
    NRT_EQ(nr_ppp_link_phase(l), NR_PPP_PHASE_DEAD);
    NRT_EQ(nr_ppp_link_error(l, &text), ERROR_PPP_REMOTE_TERMINATED);
    NRT_CONTAINS(text, "\"bye\"");
    NRT_EQ_FATAL(ev.n, 4); /* LCP up, authenticated, projected, down */
    NRT_EQ(ev.types[3], NR_PPP_EVENT_DOWN);
    NRT_EQ(ev.errors[3], ERROR_PPP_REMOTE_TERMINATED);
    NRT_EQ(nr_test_wire_count(&p->got, NR_PPP_PROTO_LCP, NR_PPP_TERM_ACK), 1); /* acknowledged */
    nr_ppp_link_free(l);
    nr_test_peer_free(p);
}

/* A Configure-Request on an open link restarts LCP (RFC 1661): the link
 * is down, and says the server restarted the negotiation (it said "IPCP
 * went down: the lower layer went down", then "no reason"). */
NRT_TEST(test_peer_renegotiating_lcp_on_an_open_link_says_so)
{
    static const uint8_t req[] = { NR_PPP_CONF_REQ, 0x43, 0x00, 0x0a, 0x05, 0x06, 0x5e, 0xed, 0xf0, 0x0e };
    nr_test_peer *p = nr_test_peer_new();
    nr_ppp_link_config cfg = fast_config();
    nr_test_events ev = { 0 };
    const char *text;
    nr_ppp_link *l;

    NRT_NOT_NULL_FATAL(p);
    l = dial(p, &cfg, &ev);
    NRT_EQ_FATAL(nr_ppp_link_phase(l), NR_PPP_PHASE_OPEN);
    peer_says(p, req, sizeof req);
    nr_ppp_link_step(l, -1, 1000);
    NRT_EQ(nr_ppp_link_error(l, &text), ERROR_PPP_LCP_TERMINATED);
    NRT_CONTAINS(text, "LCP went down: the server restarted its negotiation");
    NRT_EQ_FATAL(ev.n, 4);
    NRT_EQ(ev.types[3], NR_PPP_EVENT_DOWN);
    nr_ppp_link_free(l);
    nr_test_peer_free(p);
}

/* The keepalive a phonebook entry asks for: Echo every interval_s, the
 * link lost after failures unanswered ones (dial/ makes these two fields of
 * the entry's lcp_echo_interval and lcp_echo_failures; test-ras-dial-config
 * checks that). */
static nr_ppp_link_config entry_config(unsigned interval_s, unsigned failures, const nr_ppp_clock *clock)
{
    nr_ppp_link_config cfg;

    nr_ppp_link_config_init(&cfg);
    cfg.echo_interval_ms = interval_s * 1000u;
    if (failures)
        cfg.echo_failures = failures;
    cfg.clock = clock;
    return cfg;
}

/* Advances the fake clock by ms, letting the link and the peer talk after it. */
static void tick(nr_test_wire *clock, nr_ppp_link *l, nr_test_peer *p, unsigned ms)
{
    clock->now += ms;
    nr_ppp_link_step(l, -1, 0);
    nr_test_peer_pump(p);
    nr_ppp_link_step(l, -1, 0);
}

NRT_TEST(test_peer_answering_echo_requests_keeps_the_link_open)
{
    static nr_test_wire clock;
    nr_test_peer *p = nr_test_peer_new();
    nr_ppp_link_config cfg;
    nr_test_events ev = { 0 };
    nr_ppp_link *l;
    int i;

    NRT_NOT_NULL_FATAL(p);
    nr_test_wire_init(&clock);
    cfg = entry_config(2, 3, &clock.clock);
    l = dial(p, &cfg, &ev);
    NRT_EQ_FATAL(nr_ppp_link_phase(l), NR_PPP_PHASE_OPEN);
    for (i = 0; i < 20 * 10; i++) /* 20 intervals, in 200 ms ticks */
        tick(&clock, l, p, 200);
    NRT_EQ(nr_ppp_link_phase(l), NR_PPP_PHASE_OPEN);
    NRT_EQ(p->echo_requests, 20);
    NRT_EQ(p->echo_replies, 20);
    NRT_EQ(ev.n, 3); /* LCP up, authenticated, projected: nothing more */
    nr_ppp_link_free(l);
    nr_test_peer_free(p);
}

NRT_TEST(test_silent_peer_is_lost_with_721_after_the_entrys_echo_failures)
{
    static nr_test_wire clock;
    const unsigned interval_ms = 2000, failures = 3;
    nr_test_peer *p = nr_test_peer_new();
    nr_ppp_link_config cfg;
    nr_test_events ev = { 0 };
    nr_ppp_link *l;
    uint64_t silent_at, lost_at = 0;
    size_t answered;
    int i;

    NRT_NOT_NULL_FATAL(p);
    nr_test_wire_init(&clock);
    cfg = entry_config(interval_ms / 1000, failures, &clock.clock);
    l = dial(p, &cfg, &ev);
    NRT_EQ_FATAL(nr_ppp_link_phase(l), NR_PPP_PHASE_OPEN);
    for (i = 0; i < 5 * 10; i++) /* five answered Echo-Requests */
        tick(&clock, l, p, interval_ms / 10);
    answered = p->echo_replies;
    NRT_EQ(answered, 5);
    p->echo_silent = true;
    silent_at = clock.now;
    for (i = 0; i < 100 && nr_ppp_link_phase(l) != NR_PPP_PHASE_DEAD; i++) {
        tick(&clock, l, p, interval_ms / 10);
        if (nr_ppp_link_phase(l) == NR_PPP_PHASE_DEAD)
            lost_at = clock.now;
    }
    NRT_EQ_FATAL(nr_ppp_link_phase(l), NR_PPP_PHASE_DEAD);
    NRT_EQ(p->echo_requests - answered, failures); /* exactly that many went unanswered */
    NRT_GE(lost_at - silent_at, (uint64_t)failures * interval_ms);
    NRT_LE(lost_at - silent_at, (uint64_t)(failures + 1) * interval_ms);
    NRT_EQ(nr_ppp_link_error(l, NULL), ERROR_PPP_NO_RESPONSE);
    NRT_EQ_FATAL(ev.n, 4);
    NRT_EQ(ev.types[3], NR_PPP_EVENT_DOWN); /* lost after Open, not failed before */
    NRT_EQ(ev.errors[3], ERROR_PPP_NO_RESPONSE);
    nr_ppp_link_free(l);
    nr_test_peer_free(p);
}
