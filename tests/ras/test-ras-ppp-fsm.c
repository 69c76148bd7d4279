/*
 * test-ras-ppp-fsm.c - the RFC 1661 automaton (providers/ras/ppp/ppp-fsm.c)
 * driven by a toy protocol with one option: state transitions, Identifier
 * matching, the restart timer and its counters (Max-Configure,
 * Max-Terminate, Max-Failure), Terminate and Code-Reject handling. The
 * clock is fake; nothing sleeps.
 */
#include "config.h"

#include <string.h>

#include "cunit-main.h"
#include "ppp-fsm.h"
#include "ppp-test-peer.h"

NRT_SUITE("ras-ppp-fsm");

#define PROTO 0x8021
#define OPT 1

typedef struct harness {
    nr_ppp_fsm f;
    nr_test_wire w;
    int ups, downs, starts, finishes, resets;
    int answer;             /* what check_request returns */
    bool saw_reject_naks;   /* check_request was told to reject what it would Nak */
    int nak_result;
} harness;

static harness H;

static void t_send(nr_ppp_fsm *f, const uint8_t *pkt, size_t len)
{
    nr_test_wire_record(&((harness *)f->ctx)->w, f->protocol, pkt, len);
}

static void t_reset(nr_ppp_fsm *f) { ((harness *)f->ctx)->resets++; }

static void t_add_request(nr_ppp_fsm *f, nr_ppp_builder *b)
{
    (void)f;
    nr_ppp_build_opt_u16(b, OPT, 1234);
}

static int t_check(nr_ppp_fsm *f, const uint8_t *opts, size_t len, bool reject_naks, nr_ppp_builder *b)
{
    harness *h = f->ctx;

    (void)opts;
    (void)len;
    if (reject_naks)
        h->saw_reject_naks = true;
    if (h->answer == NR_PPP_CONF_NAK && !reject_naks) {
        nr_ppp_build_opt_u16(b, OPT, 99);
        return NR_PPP_CONF_NAK;
    }
    if (h->answer != NR_PPP_CONF_ACK) {
        nr_ppp_build_bytes(b, opts, len);
        return NR_PPP_CONF_REJ;
    }
    return NR_PPP_CONF_ACK;
}

static int t_nak(nr_ppp_fsm *f, const uint8_t *o, size_t l) { (void)o; (void)l; return ((harness *)f->ctx)->nak_result; }
static void t_up(nr_ppp_fsm *f) { ((harness *)f->ctx)->ups++; }
static void t_down(nr_ppp_fsm *f) { ((harness *)f->ctx)->downs++; }
static void t_started(nr_ppp_fsm *f) { ((harness *)f->ctx)->starts++; }
static void t_finished(nr_ppp_fsm *f) { ((harness *)f->ctx)->finishes++; }

static const nr_ppp_fsm_ops ops = {
    .send = t_send, .reset = t_reset, .add_request = t_add_request, .check_request = t_check,
    .nak_received = t_nak, .reject_received = t_nak,
    .up = t_up, .down = t_down, .started = t_started, .finished = t_finished,
};

static void setup(void)
{
    memset(&H, 0, sizeof H);
    nr_test_wire_init(&H.w);
    H.answer = NR_PPP_CONF_ACK;
    nr_ppp_fsm_init(&H.f, PROTO, "TEST", &ops, &H, NULL, &H.w.clock);
}

static void feed(uint8_t code, uint8_t id, const void *data, size_t len)
{
    uint8_t buf[256];
    size_t n;

    buf[0] = code;
    buf[1] = id;
    n = 4 + len;
    buf[2] = (uint8_t)(n >> 8);
    buf[3] = (uint8_t)n;
    if (len)
        memcpy(buf + 4, data, len);
    nr_ppp_fsm_input(&H.f, buf, n);
}

static const uint8_t our_opts[] = { OPT, 4, 0x04, 0xd2 }; /* 1234 */
static const uint8_t peer_opts[] = { OPT, 4, 0x00, 0x07 };

static uint8_t last_id(void)
{
    return nr_test_wire_last(&H.w)->data[1];
}

static uint8_t last_code(void)
{
    return nr_test_wire_last(&H.w)->data[0];
}

static void fire_timer(void)
{
    H.w.now = nr_ppp_fsm_deadline(&H.f);
    nr_ppp_fsm_timeout(&H.f);
}

static void open_link(void)
{
    setup();
    nr_ppp_fsm_open(&H.f);
    nr_ppp_fsm_lower_up(&H.f);
    feed(NR_PPP_CONF_ACK, last_id(), our_opts, sizeof our_opts);
    feed(NR_PPP_CONF_REQ, 1, peer_opts, sizeof peer_opts);
    NRT_EQ_FATAL(H.f.state, NR_PPP_OPENED);
    nr_test_wire_clear(&H.w);
}

/* ---- opening -------------------------------------------------------------------------------- */

NRT_TEST(test_open_then_up_sends_configure_request_and_enters_req_sent)
{
    setup();
    nr_ppp_fsm_open(&H.f);
    NRT_EQ(H.f.state, NR_PPP_STARTING);
    NRT_EQ(H.starts, 1);
    NRT_EQ(H.w.n, 0);
    nr_ppp_fsm_lower_up(&H.f);
    NRT_EQ(H.f.state, NR_PPP_REQSENT);
    NRT_EQ_FATAL(H.w.n, 1);
    NRT_EQ(last_code(), NR_PPP_CONF_REQ);
    NRT_EQ(H.w.pkts[0].len, 8);
    NRT_EQ_MEM(H.w.pkts[0].data + 4, our_opts, 4);
    NRT_EQ(nr_ppp_fsm_deadline(&H.f), H.w.now + 3000);
    NRT_EQ(H.resets, 1);
}

NRT_TEST(test_up_before_open_waits_in_closed_and_open_sends_the_request)
{
    setup();
    nr_ppp_fsm_lower_up(&H.f);
    NRT_EQ(H.f.state, NR_PPP_CLOSED);
    NRT_EQ(H.w.n, 0);
    nr_ppp_fsm_open(&H.f);
    NRT_EQ(H.f.state, NR_PPP_REQSENT);
    NRT_EQ(nr_test_wire_count(&H.w, PROTO, NR_PPP_CONF_REQ), 1);
}

NRT_TEST(test_ack_then_peer_request_opens_and_calls_this_layer_up)
{
    setup();
    nr_ppp_fsm_open(&H.f);
    nr_ppp_fsm_lower_up(&H.f);
    feed(NR_PPP_CONF_ACK, last_id(), our_opts, sizeof our_opts);
    NRT_EQ(H.f.state, NR_PPP_ACKRCVD);
    NRT_NE(nr_ppp_fsm_deadline(&H.f), 0); /* the timer still runs in Ack-Rcvd */
    feed(NR_PPP_CONF_REQ, 7, peer_opts, sizeof peer_opts);
    NRT_EQ(H.f.state, NR_PPP_OPENED);
    NRT_EQ(H.ups, 1);
    NRT_EQ(last_code(), NR_PPP_CONF_ACK);
    NRT_EQ(last_id(), 7);
    NRT_EQ_MEM(nr_test_wire_last(&H.w)->data + 4, peer_opts, 4);
    NRT_EQ(nr_ppp_fsm_deadline(&H.f), 0);
}

NRT_TEST(test_peer_request_then_ack_opens)
{
    setup();
    nr_ppp_fsm_open(&H.f);
    nr_ppp_fsm_lower_up(&H.f);
    feed(NR_PPP_CONF_REQ, 1, peer_opts, sizeof peer_opts);
    NRT_EQ(H.f.state, NR_PPP_ACKSENT);
    NRT_EQ(H.ups, 0);
    feed(NR_PPP_CONF_ACK, H.w.pkts[0].data[1], our_opts, sizeof our_opts);
    NRT_EQ(H.f.state, NR_PPP_OPENED);
    NRT_EQ(H.ups, 1);
}

NRT_TEST(test_ack_with_a_wrong_identifier_is_discarded)
{
    setup();
    nr_ppp_fsm_open(&H.f);
    nr_ppp_fsm_lower_up(&H.f);
    feed(NR_PPP_CONF_ACK, (uint8_t)(last_id() + 1), our_opts, sizeof our_opts);
    NRT_EQ(H.f.state, NR_PPP_REQSENT);
}

NRT_TEST(test_ack_with_other_options_than_requested_is_discarded)
{
    setup();
    nr_ppp_fsm_open(&H.f);
    nr_ppp_fsm_lower_up(&H.f);
    feed(NR_PPP_CONF_ACK, last_id(), peer_opts, sizeof peer_opts);
    NRT_EQ(H.f.state, NR_PPP_REQSENT);
}

NRT_TEST(test_packets_before_lower_up_are_ignored)
{
    setup();
    nr_ppp_fsm_open(&H.f);
    feed(NR_PPP_CONF_REQ, 1, peer_opts, sizeof peer_opts);
    NRT_EQ(H.f.state, NR_PPP_STARTING);
    NRT_EQ(H.w.n, 0);
}

/* ---- restart timer -------------------------------------------------------------------------- */

NRT_TEST(test_timeouts_retransmit_with_the_same_identifier_up_to_max_configure)
{
    uint8_t id;
    int i;

    setup();
    nr_ppp_fsm_open(&H.f);
    nr_ppp_fsm_lower_up(&H.f);
    id = last_id();
    nr_ppp_fsm_timeout(&H.f); /* not due yet: nothing */
    NRT_EQ(H.w.n, 1);
    for (i = 0; i < 9; i++)
        fire_timer();
    NRT_EQ(nr_test_wire_count(&H.w, PROTO, NR_PPP_CONF_REQ), 10);
    NRT_EQ(last_id(), id);
    NRT_EQ(H.f.state, NR_PPP_REQSENT);
    NRT_EQ(H.finishes, 0);
    fire_timer(); /* TO- */
    NRT_EQ(H.w.n, 10);
    NRT_EQ(H.f.state, NR_PPP_STOPPED);
    NRT_EQ(H.finishes, 1);
    NRT_EQ(H.f.reason, NR_PPP_REASON_TIMEOUT);
    NRT_FALSE(H.f.peer_spoke);
    NRT_EQ(nr_ppp_fsm_deadline(&H.f), 0);
}

NRT_TEST(test_restart_timer_and_counters_are_configurable)
{
    nr_ppp_fsm_config cfg = { 500, 2, 1, 1 };
    int i;

    setup();
    nr_ppp_fsm_init(&H.f, PROTO, "TEST", &ops, &H, &cfg, &H.w.clock);
    nr_ppp_fsm_open(&H.f);
    nr_ppp_fsm_lower_up(&H.f);
    NRT_EQ(nr_ppp_fsm_deadline(&H.f), H.w.now + 500);
    for (i = 0; i < 2; i++)
        fire_timer();
    NRT_EQ(nr_test_wire_count(&H.w, PROTO, NR_PPP_CONF_REQ), 2);
    NRT_EQ(H.f.state, NR_PPP_STOPPED);
}

NRT_TEST(test_timeout_in_ack_rcvd_goes_back_to_req_sent)
{
    setup();
    nr_ppp_fsm_open(&H.f);
    nr_ppp_fsm_lower_up(&H.f);
    feed(NR_PPP_CONF_ACK, last_id(), our_opts, sizeof our_opts);
    fire_timer();
    NRT_EQ(H.f.state, NR_PPP_REQSENT);
    NRT_EQ(nr_test_wire_count(&H.w, PROTO, NR_PPP_CONF_REQ), 2);
}

/* ---- Nak, Reject, Max-Failure --------------------------------------------------------------- */

NRT_TEST(test_nak_sends_a_new_request_with_a_new_identifier)
{
    uint8_t id;

    setup();
    nr_ppp_fsm_open(&H.f);
    nr_ppp_fsm_lower_up(&H.f);
    id = last_id();
    feed(NR_PPP_CONF_NAK, id, our_opts, sizeof our_opts);
    NRT_EQ(nr_test_wire_count(&H.w, PROTO, NR_PPP_CONF_REQ), 2);
    NRT_NE(last_id(), id);
    NRT_EQ(H.f.state, NR_PPP_REQSENT);
    NRT_EQ(H.f.restart, 9); /* irc then scr */
}

NRT_TEST(test_max_failure_naks_received_end_in_convergence_failure)
{
    int i;

    setup();
    nr_ppp_fsm_open(&H.f);
    nr_ppp_fsm_lower_up(&H.f);
    for (i = 0; i < 5; i++)
        feed(NR_PPP_CONF_NAK, last_id(), our_opts, sizeof our_opts);
    NRT_EQ(H.f.state, NR_PPP_REQSENT);
    feed(NR_PPP_CONF_NAK, last_id(), our_opts, sizeof our_opts); /* the sixth */
    NRT_EQ(H.f.state, NR_PPP_CLOSING);
    NRT_EQ(last_code(), NR_PPP_TERM_REQ);
    NRT_EQ(H.f.reason, NR_PPP_REASON_NOT_CONVERGING);
    feed(NR_PPP_TERM_ACK, last_id(), NULL, 0);
    NRT_EQ(H.f.state, NR_PPP_CLOSED);
    NRT_EQ(H.finishes, 1);
    NRT_EQ(H.f.reason, NR_PPP_REASON_NOT_CONVERGING);
}

NRT_TEST(test_protocol_saying_agreement_is_impossible_ends_in_convergence_failure)
{
    setup();
    H.nak_result = 1;
    nr_ppp_fsm_open(&H.f);
    nr_ppp_fsm_lower_up(&H.f);
    feed(NR_PPP_CONF_REJ, last_id(), our_opts, sizeof our_opts);
    NRT_EQ(H.f.state, NR_PPP_CLOSING);
    NRT_EQ(H.f.reason, NR_PPP_REASON_NOT_CONVERGING);
}

NRT_TEST(test_naks_we_send_turn_into_rejects_after_max_failure)
{
    int i;

    setup();
    H.answer = NR_PPP_CONF_NAK;
    nr_ppp_fsm_open(&H.f);
    nr_ppp_fsm_lower_up(&H.f);
    for (i = 0; i < 5; i++) {
        feed(NR_PPP_CONF_REQ, (uint8_t)(10 + i), peer_opts, sizeof peer_opts);
        NRT_EQ(last_code(), NR_PPP_CONF_NAK);
    }
    NRT_FALSE(H.saw_reject_naks);
    feed(NR_PPP_CONF_REQ, 20, peer_opts, sizeof peer_opts);
    NRT_TRUE(H.saw_reject_naks);
    NRT_EQ(last_code(), NR_PPP_CONF_REJ);
    NRT_EQ(last_id(), 20);
}

NRT_TEST(test_nak_in_ack_sent_returns_to_req_sent)
{
    setup();
    nr_ppp_fsm_open(&H.f);
    nr_ppp_fsm_lower_up(&H.f);
    feed(NR_PPP_CONF_REQ, 1, peer_opts, sizeof peer_opts);
    NRT_EQ(H.f.state, NR_PPP_ACKSENT);
    H.answer = NR_PPP_CONF_NAK;
    feed(NR_PPP_CONF_REQ, 2, peer_opts, sizeof peer_opts);
    NRT_EQ(H.f.state, NR_PPP_REQSENT);
}

/* ---- Terminate ------------------------------------------------------------------------------ */

NRT_TEST(test_terminate_request_in_opened_is_acked_and_stops_after_the_timer)
{
    static const char why[] = "bye";

    open_link();
    feed(NR_PPP_TERM_REQ, 42, why, 3);
    NRT_EQ(H.downs, 1);
    NRT_EQ(H.f.state, NR_PPP_STOPPING);
    NRT_EQ(last_code(), NR_PPP_TERM_ACK);
    NRT_EQ(last_id(), 42);
    NRT_EQ(H.f.reason, NR_PPP_REASON_PEER_TERMINATED);
    NRT_EQ(H.f.term_text_len, 3);
    NRT_EQ_MEM(H.f.term_text, "bye", 3);
    fire_timer(); /* zrc: TO- right away */
    NRT_EQ(H.f.state, NR_PPP_STOPPED);
    NRT_EQ(H.finishes, 1);
}

NRT_TEST(test_close_in_opened_sends_terminate_request_and_finishes_on_terminate_ack)
{
    open_link();
    nr_ppp_fsm_close(&H.f, NR_PPP_REASON_ADMIN);
    NRT_EQ(H.downs, 1);
    NRT_EQ(H.f.state, NR_PPP_CLOSING);
    NRT_EQ(last_code(), NR_PPP_TERM_REQ);
    feed(NR_PPP_TERM_ACK, last_id(), NULL, 0);
    NRT_EQ(H.f.state, NR_PPP_CLOSED);
    NRT_EQ(H.finishes, 1);
    NRT_EQ(H.f.reason, NR_PPP_REASON_ADMIN);
}

NRT_TEST(test_unanswered_terminate_request_is_sent_max_terminate_times)
{
    open_link();
    nr_ppp_fsm_close(&H.f, NR_PPP_REASON_ADMIN);
    fire_timer();
    NRT_EQ(nr_test_wire_count(&H.w, PROTO, NR_PPP_TERM_REQ), 2);
    NRT_EQ(H.f.state, NR_PPP_CLOSING);
    fire_timer();
    NRT_EQ(nr_test_wire_count(&H.w, PROTO, NR_PPP_TERM_REQ), 2);
    NRT_EQ(H.f.state, NR_PPP_CLOSED);
    NRT_EQ(H.finishes, 1);
}

NRT_TEST(test_closed_answers_configure_request_with_terminate_ack)
{
    setup();
    nr_ppp_fsm_lower_up(&H.f);
    feed(NR_PPP_CONF_REQ, 5, peer_opts, sizeof peer_opts);
    NRT_EQ(H.f.state, NR_PPP_CLOSED);
    NRT_EQ(last_code(), NR_PPP_TERM_ACK);
    NRT_EQ(last_id(), 5);
}

NRT_TEST(test_terminate_request_while_negotiating_restarts_in_req_sent)
{
    setup();
    nr_ppp_fsm_open(&H.f);
    nr_ppp_fsm_lower_up(&H.f);
    feed(NR_PPP_CONF_REQ, 1, peer_opts, sizeof peer_opts);
    feed(NR_PPP_TERM_REQ, 2, NULL, 0);
    NRT_EQ(H.f.state, NR_PPP_REQSENT);
    NRT_EQ(last_code(), NR_PPP_TERM_ACK);
}

/* ---- rejects and other events --------------------------------------------------------------- */

NRT_TEST(test_unknown_code_is_answered_with_code_reject)
{
    static const uint8_t junk[] = { 1, 2, 3 };

    open_link();
    feed(42, 9, junk, sizeof junk);
    NRT_EQ(last_code(), NR_PPP_CODE_REJ);
    NRT_EQ(nr_test_wire_last(&H.w)->len, 4 + 7);
    NRT_EQ(nr_test_wire_last(&H.w)->data[4], 42);
    NRT_EQ(H.f.state, NR_PPP_OPENED);
}

NRT_TEST(test_code_reject_of_configure_request_is_fatal)
{
    static const uint8_t rejected[] = { NR_PPP_CONF_REQ, 1, 0, 4 };

    setup();
    nr_ppp_fsm_open(&H.f);
    nr_ppp_fsm_lower_up(&H.f);
    feed(NR_PPP_CODE_REJ, 3, rejected, sizeof rejected);
    NRT_EQ(H.f.state, NR_PPP_STOPPED);
    NRT_EQ(H.finishes, 1);
    NRT_EQ(H.f.reason, NR_PPP_REASON_REJECTED);
}

NRT_TEST(test_code_reject_of_an_extension_code_is_tolerated)
{
    static const uint8_t rejected[] = { NR_PPP_ECHO_REQ, 1, 0, 8, 0, 0, 0, 0 };

    open_link();
    feed(NR_PPP_CODE_REJ, 3, rejected, sizeof rejected);
    NRT_EQ(H.f.state, NR_PPP_OPENED);
    NRT_EQ(H.downs, 0);
}

NRT_TEST(test_protocol_reject_of_an_opened_protocol_terminates_it)
{
    open_link();
    nr_ppp_fsm_protocol_rejected(&H.f);
    NRT_EQ(H.downs, 1);
    NRT_EQ(H.f.state, NR_PPP_STOPPING);
    NRT_EQ(last_code(), NR_PPP_TERM_REQ);
    NRT_EQ(H.f.reason, NR_PPP_REASON_REJECTED);
}

NRT_TEST(test_lower_down_in_opened_calls_this_layer_down_and_returns_to_starting)
{
    open_link();
    nr_ppp_fsm_lower_down(&H.f);
    NRT_EQ(H.f.state, NR_PPP_STARTING);
    NRT_EQ(H.downs, 1);
    NRT_EQ(H.w.n, 0);
    NRT_EQ(H.f.reason, NR_PPP_REASON_LOWER_DOWN);
}

NRT_TEST(test_configure_request_in_opened_renegotiates)
{
    open_link();
    feed(NR_PPP_CONF_REQ, 77, peer_opts, sizeof peer_opts);
    NRT_EQ(H.downs, 1);
    NRT_EQ(H.f.state, NR_PPP_ACKSENT);
    NRT_EQ(nr_test_wire_count(&H.w, PROTO, NR_PPP_CONF_REQ), 1);
    NRT_EQ(nr_test_wire_count(&H.w, PROTO, NR_PPP_CONF_ACK), 1);
    NRT_EQ(H.resets, 2);
}

NRT_TEST(test_state_and_reason_names_are_readable)
{
    NRT_EQ_STR(nr_ppp_state_name(NR_PPP_REQSENT), "Req-Sent");
    NRT_EQ_STR(nr_ppp_state_name(NR_PPP_OPENED), "Opened");
    NRT_EQ_STR(nr_ppp_state_name((nr_ppp_state)99), "?");
    NRT_CONTAINS(nr_ppp_fsm_reason_text(NR_PPP_REASON_TIMEOUT), "Configure-Request");
}
