/*
 * test-ras-ppp-cbcp.c - CBCP, the caller's side (providers/ras/ppp/ppp-cbcp.c)
 * alone, with a fake clock and the packets it sends recorded: the packet
 * readers and the Response builder, then one Callback phase — the server's
 * Callback Request offering no callback, a number the caller names or the
 * administrator's number; our Response for a configured number, "" (none)
 * and "ask the application"; the Ack ending the phase; retransmission and
 * giving up; malformed packets ignored.
 */
#include "config.h"

#include <CUnit/CUnit.h>
#include <stdio.h>
#include <string.h>

#include "cunit-main.h"
#include "ppp-cbcp.h"
#include "ppp-packet.h"
#include "ppp-test-peer.h"

NRT_SUITE("ras-ppp-cbcp");

/* Option bodies of a Callback Request: type, length, delay. */
#define OPT_NONE 0x01, 0x02
#define OPT_CALLER(delay) 0x02, 0x04, (delay), 0x01
#define OPT_PRESET(delay) 0x03, 0x03, (delay)

typedef struct harness {
    nr_ppp_cbcp c;
    nr_test_wire w;
    int offered;
    bool ask;
    nr_cbcp_offer offer;
    int done;
    nr_ppp_cbcp_result result;
    char text[NR_PPP_CBCP_MAX_TEXT];
} harness;

static harness H;

static void c_send(void *ctx, const uint8_t *pkt, size_t len)
{
    nr_test_wire_record(&((harness *)ctx)->w, NR_PPP_PROTO_CBCP, pkt, len);
}

static void c_offered(void *ctx, const nr_cbcp_offer *offer, bool ask)
{
    harness *h = ctx;
    h->offered++;
    h->offer = *offer;
    h->ask = ask;
}

static void c_done(void *ctx, nr_ppp_cbcp_result r, const char *text)
{
    harness *h = ctx;
    h->done++;
    h->result = r;
    snprintf(h->text, sizeof h->text, "%s", text);
}

static const nr_ppp_cbcp_callbacks cb = { .send = c_send, .offered = c_offered, .done = c_done };

/* A phase configured with cfg, started at 1000 ms. */
static void setup_with(const nr_ppp_cbcp_config *cfg)
{
    memset(&H, 0, sizeof H);
    nr_test_wire_init(&H.w);
    nr_ppp_cbcp_init(&H.c, cfg, &cb, &H, &H.w.clock);
    nr_ppp_cbcp_start(&H.c);
}

/* A phase with the link's defaults (10 s wait, 3 s retransmission, 10
 * Responses) that answers with number (NULL: asks). */
static void setup(const char *number)
{
    nr_ppp_cbcp_config cfg = { .number = number };
    setup_with(&cfg);
}

static const nr_test_pkt *last(void)
{
    return nr_test_wire_last(&H.w);
}

/* Writes code, id, length and options into buf; the packet's length. */
static size_t packet(uint8_t *buf, uint8_t code, uint8_t id, const uint8_t *opts, size_t n)
{
    buf[0] = code;
    buf[1] = id;
    buf[2] = (uint8_t)((n + 4) >> 8);
    buf[3] = (uint8_t)(n + 4);
    if (n)
        memcpy(buf + 4, opts, n);
    return n + 4;
}

static void feed(uint8_t code, uint8_t id, const uint8_t *opts, size_t n)
{
    uint8_t buf[300];
    nr_ppp_cbcp_input(&H.c, buf, packet(buf, code, id, opts, n));
}

static void request(uint8_t id, const uint8_t *opts, size_t n)
{
    feed(NR_CBCP_REQUEST, id, opts, n);
}

/* The server's Ack of a caller-named number. */
static void ack_number(uint8_t id, uint8_t delay, const char *number)
{
    uint8_t opt[4 + NR_CBCP_MAX_NUMBER + 1] = { NR_CBCP_CALLER_NUMBER, 0, delay, 0x01 };
    size_t n = strlen(number) + 1;
    opt[1] = (uint8_t)(4 + n);
    memcpy(opt + 4, number, n);
    feed(NR_CBCP_ACK, id, opt, 4 + n);
}

/* Whether the last packet sent is the Response id with exactly body (the options). */
static bool sent_response(uint8_t id, const uint8_t *body, size_t n)
{
    uint8_t want[300];
    size_t len = packet(want, NR_CBCP_RESPONSE, id, body, n);
    return last() && last()->protocol == NR_PPP_PROTO_CBCP && last()->len == len && !memcmp(last()->data, want, len);
}

/* ---- the packets ------------------------------------------------------------------------------ */

NRT_TEST(test_request_lists_every_offer_and_the_largest_delay)
{
    static const uint8_t opts[] = { OPT_NONE, OPT_CALLER(12), OPT_PRESET(20) };
    uint8_t pkt[64];
    size_t len = packet(pkt, NR_CBCP_REQUEST, 7, opts, sizeof opts);
    nr_cbcp_offer o;

    NRT_EQ_FATAL(nr_cbcp_parse_request(pkt, len, &o), 0);
    NRT_EQ(o.id, 7);
    NRT_TRUE(o.no_callback);
    NRT_TRUE(o.caller_number);
    NRT_TRUE(o.preset_number);
    NRT_EQ(o.delay, 20);
}

NRT_TEST(test_request_reads_only_its_length_and_skips_unknown_options)
{
    /* a number list (type 4) and a newer type are not offered to us; the
     * octets past Length are padding */
    static const uint8_t opts[] = { 0x04, 0x05, 30, 0x01, 0x00, 0x09, 0x03, 40, OPT_CALLER(3) };
    uint8_t pkt[64];
    size_t len = packet(pkt, NR_CBCP_REQUEST, 1, opts, sizeof opts);
    nr_cbcp_offer o;

    pkt[len] = 0xff; /* trailing garbage */
    NRT_EQ_FATAL(nr_cbcp_parse_request(pkt, len + 1, &o), 0);
    NRT_FALSE(o.no_callback);
    NRT_TRUE(o.caller_number);
    NRT_FALSE(o.preset_number);
    NRT_EQ(o.delay, 3);
}

NRT_TEST(test_request_offering_nothing_we_take_is_refused)
{
    static const uint8_t list[] = { 0x04, 0x05, 30, 0x01, 0x00 };
    uint8_t pkt[64];
    nr_cbcp_offer o;

    NRT_EQ(nr_cbcp_parse_request(pkt, packet(pkt, NR_CBCP_REQUEST, 1, list, sizeof list), &o), -1);
    NRT_EQ(nr_cbcp_parse_request(pkt, packet(pkt, NR_CBCP_REQUEST, 1, NULL, 0), &o), -1);
}

NRT_TEST(test_malformed_requests_are_refused)
{
    static const uint8_t ok[] = { OPT_NONE };
    static const uint8_t short_option[] = { 0x01, 0x01 };
    static const uint8_t long_option[] = { 0x03, 0x09, 5 };
    uint8_t pkt[64];
    size_t len;
    nr_cbcp_offer o;

    len = packet(pkt, NR_CBCP_REQUEST, 1, ok, sizeof ok);
    NRT_EQ(nr_cbcp_parse_request(NULL, len, &o), -1);
    NRT_EQ(nr_cbcp_parse_request(pkt, 0, &o), -1);
    NRT_EQ(nr_cbcp_parse_request(pkt, 3, &o), -1);         /* shorter than a header */
    NRT_EQ(nr_cbcp_parse_request(pkt, len - 1, &o), -1);   /* Length past the end */
    pkt[0] = NR_CBCP_ACK;
    NRT_EQ(nr_cbcp_parse_request(pkt, len, &o), -1);       /* another code */
    pkt[0] = NR_CBCP_REQUEST;
    pkt[3] = 3;
    NRT_EQ(nr_cbcp_parse_request(pkt, len, &o), -1);       /* Length below the header */
    len = packet(pkt, NR_CBCP_REQUEST, 1, short_option, sizeof short_option);
    NRT_EQ(nr_cbcp_parse_request(pkt, len, &o), -1);       /* option length 1 */
    len = packet(pkt, NR_CBCP_REQUEST, 1, long_option, sizeof long_option);
    NRT_EQ(nr_cbcp_parse_request(pkt, len, &o), -1);       /* option past Length */
    len = packet(pkt, NR_CBCP_REQUEST, 1, ok, 1);
    NRT_EQ(nr_cbcp_parse_request(pkt, len, &o), -1);       /* half an option header */
}

NRT_TEST(test_response_layout_for_each_choice)
{
    static const uint8_t none[] = { 0x02, 9, 0x00, 0x06, 0x01, 0x02 };
    static const uint8_t preset[] = { 0x02, 9, 0x00, 0x07, 0x03, 0x03, 15 };
    static const uint8_t caller[] = { 0x02, 9, 0x00, 0x0c, 0x02, 0x08, 15, 0x01, '5', '5', '5', '\0' };
    uint8_t buf[64];

    NRT_EQ_FATAL(nr_cbcp_build_response(buf, sizeof buf, 9, NR_CBCP_NO_CALLBACK, 15, "555"), sizeof none);
    NRT_EQ(memcmp(buf, none, sizeof none), 0);
    NRT_EQ_FATAL(nr_cbcp_build_response(buf, sizeof buf, 9, NR_CBCP_PRESET_NUMBER, 15, NULL), sizeof preset);
    NRT_EQ(memcmp(buf, preset, sizeof preset), 0);
    NRT_EQ_FATAL(nr_cbcp_build_response(buf, sizeof buf, 9, NR_CBCP_CALLER_NUMBER, 15, "555"), sizeof caller);
    NRT_EQ(memcmp(buf, caller, sizeof caller), 0);
}

NRT_TEST(test_response_without_room_or_number_is_not_built)
{
    char longest[NR_CBCP_MAX_NUMBER + 1], too_long[NR_CBCP_MAX_NUMBER + 2];
    uint8_t buf[300];

    memset(longest, '7', NR_CBCP_MAX_NUMBER);
    longest[NR_CBCP_MAX_NUMBER] = '\0';
    memset(too_long, '7', NR_CBCP_MAX_NUMBER + 1);
    too_long[NR_CBCP_MAX_NUMBER + 1] = '\0';
    NRT_EQ(nr_cbcp_build_response(buf, sizeof buf, 1, NR_CBCP_CALLER_NUMBER, 5, NULL), 0);
    NRT_EQ(nr_cbcp_build_response(buf, sizeof buf, 1, NR_CBCP_CALLER_NUMBER, 5, ""), 0);
    NRT_EQ(nr_cbcp_build_response(buf, sizeof buf, 1, NR_CBCP_CALLER_NUMBER, 5, too_long), 0);
    NRT_EQ(nr_cbcp_build_response(buf, sizeof buf, 1, NR_CBCP_CALLER_NUMBER, 5, longest),
                    4 + 4 + NR_CBCP_MAX_NUMBER + 1);
    NRT_EQ(nr_cbcp_build_response(buf, 6, 1, NR_CBCP_PRESET_NUMBER, 5, NULL), 0);
    NRT_EQ(nr_cbcp_build_response(buf, 6, 1, NR_CBCP_NO_CALLBACK, 5, NULL), 6);
}

NRT_TEST(test_ack_gives_the_first_option_and_its_number)
{
    static const uint8_t opts[] = { 0x02, 0x0a, 20, 0x01, '5', '5', '5', '0', '1', '\0', OPT_NONE };
    static const uint8_t unterminated[] = { 0x02, 0x07, 20, 0x01, '4', '2', '9' };
    uint8_t pkt[64];
    size_t len = packet(pkt, NR_CBCP_ACK, 4, opts, sizeof opts);
    nr_cbcp_ack a;

    NRT_EQ_FATAL(nr_cbcp_parse_ack(pkt, len, 4, &a), 0);
    NRT_EQ(a.type, NR_CBCP_CALLER_NUMBER);
    NRT_EQ(a.delay, 20);
    NRT_EQ_STR(a.number, "55501");
    len = packet(pkt, NR_CBCP_ACK, 4, unterminated, sizeof unterminated);
    NRT_EQ_FATAL(nr_cbcp_parse_ack(pkt, len, 4, &a), 0);
    NRT_EQ_STR(a.number, "429");
}

NRT_TEST(test_ack_number_is_cut_at_the_longest_we_keep)
{
    uint8_t opt[4 + 200], pkt[300];
    nr_cbcp_ack a;

    opt[0] = NR_CBCP_CALLER_NUMBER;
    opt[1] = sizeof opt;
    opt[2] = 5;
    opt[3] = 0x01;
    memset(opt + 4, '8', 200);
    NRT_EQ_FATAL(nr_cbcp_parse_ack(pkt, packet(pkt, NR_CBCP_ACK, 1, opt, sizeof opt), 1, &a), 0);
    NRT_EQ(strlen(a.number), NR_CBCP_MAX_NUMBER);
}

NRT_TEST(test_ack_of_another_id_code_or_without_options_is_refused)
{
    static const uint8_t opts[] = { OPT_NONE };
    uint8_t pkt[64];
    size_t len = packet(pkt, NR_CBCP_ACK, 4, opts, sizeof opts);
    nr_cbcp_ack a;

    NRT_EQ(nr_cbcp_parse_ack(pkt, len, 5, &a), -1);
    NRT_EQ(nr_cbcp_parse_ack(pkt, 3, 4, &a), -1);
    NRT_EQ(nr_cbcp_parse_ack(pkt, packet(pkt, NR_CBCP_ACK, 4, NULL, 0), 4, &a), -1);
    NRT_EQ(nr_cbcp_parse_ack(pkt, packet(pkt, NR_CBCP_REQUEST, 4, opts, sizeof opts), 4, &a), -1);
    NRT_EQ(nr_cbcp_parse_ack(pkt, packet(pkt, NR_CBCP_ACK, 4, opts, sizeof opts), 4, &a), 0);
    NRT_EQ(a.type, NR_CBCP_NO_CALLBACK);
}

/* ---- the Callback phase: waiting for the Request ----------------------------------------------- */

NRT_TEST(test_no_request_within_ten_seconds_goes_on_without_a_callback)
{
    setup("5550199");
    NRT_EQ(nr_ppp_cbcp_deadline(&H.c), 1000 + 10000);
    H.w.now = 10999;
    nr_ppp_cbcp_timeout(&H.c);
    NRT_EQ(H.done, 0);
    H.w.now = 11000;
    nr_ppp_cbcp_timeout(&H.c);
    NRT_EQ(H.done, 1);
    NRT_EQ(H.result, NR_PPP_CBCP_NOT_OFFERED);
    NRT_EQ(H.w.n, 0);
    NRT_EQ(nr_ppp_cbcp_deadline(&H.c), 0);
}

NRT_TEST(test_wait_for_the_request_can_be_configured)
{
    nr_ppp_cbcp_config cfg = { .number = "", .wait_ms = 500 };
    setup_with(&cfg);
    NRT_EQ(nr_ppp_cbcp_deadline(&H.c), 1500);
}

/* ---- answering from the configuration ---------------------------------------------------------- */

NRT_TEST(test_no_callback_offer_is_declined_when_the_number_is_empty)
{
    static const uint8_t offer[] = { OPT_NONE, OPT_CALLER(0) };
    static const uint8_t none[] = { OPT_NONE };
    setup("");
    request(5, offer, sizeof offer);
    NRT_EQ(H.offered, 1);
    NRT_FALSE(H.ask);
    NRT_TRUE(H.offer.no_callback && H.offer.caller_number);
    NRT_EQ_FATAL(H.w.n, 1);
    NRT_TRUE(sent_response(5, none, sizeof none));
    feed(NR_CBCP_ACK, 5, none, sizeof none);
    NRT_EQ(H.done, 1);
    NRT_EQ(H.result, NR_PPP_CBCP_DECLINED);
    NRT_EQ_STR(H.text, "The server acknowledged no callback.");
    NRT_EQ(nr_ppp_cbcp_deadline(&H.c), 0);
}

NRT_TEST(test_user_specified_offer_is_answered_with_the_configured_number)
{
    static const uint8_t offer[] = { OPT_NONE, OPT_CALLER(12) };
    static const uint8_t answer[] = { 0x02, 0x0c, 12, 0x01, '5', '5', '5', '0', '1', '9', '9', '\0' };
    setup("5550199");
    request(5, offer, sizeof offer);
    NRT_FALSE(H.ask);
    NRT_TRUE(sent_response(5, answer, sizeof answer));
    NRT_EQ(nr_ppp_cbcp_deadline(&H.c), 1000 + 3000);
    ack_number(5, 12, "5550199");
    NRT_EQ(H.done, 1);
    NRT_EQ(H.result, NR_PPP_CBCP_AGREED);
    NRT_EQ_STR(H.text, "5550199");
}

NRT_TEST(test_callback_delay_is_at_least_five_seconds)
{
    static const uint8_t offer[] = { OPT_CALLER(2) };
    setup("42");
    request(1, offer, sizeof offer);
    NRT_EQ_FATAL(H.w.n, 1);
    NRT_EQ(last()->data[6], 5);
}

NRT_TEST(test_least_callback_delay_can_be_configured)
{
    static const uint8_t offer[] = { OPT_CALLER(2) };
    nr_ppp_cbcp_config cfg = { .number = "42", .min_delay_s = 30 };
    setup_with(&cfg);
    request(1, offer, sizeof offer);
    NRT_EQ_FATAL(H.w.n, 1);
    NRT_EQ(last()->data[6], 30);
}

NRT_TEST(test_administrator_defined_offer_is_taken_and_agreed)
{
    static const uint8_t offer[] = { OPT_PRESET(8) };
    static const uint8_t preset[] = { OPT_PRESET(8) };
    setup("5550199");
    request(3, offer, sizeof offer);
    NRT_TRUE(sent_response(3, preset, sizeof preset));
    feed(NR_CBCP_ACK, 3, preset, sizeof preset);
    NRT_EQ(H.done, 1);
    NRT_EQ(H.result, NR_PPP_CBCP_AGREED);
    NRT_EQ_STR(H.text, "the server's own number");
}

NRT_TEST(test_number_is_not_sent_when_the_server_does_not_take_one)
{
    static const uint8_t offer[] = { OPT_NONE, OPT_PRESET(8) };
    static const uint8_t none[] = { OPT_NONE };
    setup("5550199");
    request(3, offer, sizeof offer);
    NRT_TRUE(sent_response(3, none, sizeof none)); /* no callback before the server's number */
}

NRT_TEST(test_empty_number_takes_the_administrators_number_when_it_must)
{
    static const uint8_t offer[] = { OPT_CALLER(8), OPT_PRESET(8) };
    static const uint8_t preset[] = { OPT_PRESET(8) };
    setup("");
    request(3, offer, sizeof offer);
    NRT_TRUE(sent_response(3, preset, sizeof preset));
}

NRT_TEST(test_caller_only_offer_without_a_number_fails)
{
    static const uint8_t offer[] = { OPT_CALLER(8) };
    setup("");
    request(3, offer, sizeof offer);
    NRT_EQ(H.offered, 1);
    NRT_EQ(H.w.n, 0);
    NRT_EQ(H.done, 1);
    NRT_EQ(H.result, NR_PPP_CBCP_NO_CHOICE);
    NRT_EQ_STR(H.text, "The server calls back only a number the caller names, and none was given.");
    NRT_EQ(nr_ppp_cbcp_deadline(&H.c), 0);
}

NRT_TEST(test_number_too_long_for_a_response_fails)
{
    static const uint8_t offer[] = { OPT_CALLER(8) };
    char number[201], want[NR_PPP_CBCP_MAX_TEXT];
    memset(number, '3', 200);
    number[200] = '\0';
    setup(NULL);
    request(3, offer, sizeof offer);
    NRT_EQ(nr_ppp_cbcp_answer(&H.c, number), 0);
    NRT_EQ(H.w.n, 0);
    NRT_EQ(H.done, 1);
    NRT_EQ(H.result, NR_PPP_CBCP_NUMBER_TOO_LONG);
    snprintf(want, sizeof want, "The callback number \"%s\" cannot be sent (too long).", number);
    NRT_EQ_STR(H.text, want);
}

NRT_TEST(test_long_number_that_fits_is_sent)
{
    static const uint8_t offer[] = { OPT_CALLER(8) };
    char number[128];
    memset(number, '3', 127);
    number[127] = '\0';
    setup(number);
    request(3, offer, sizeof offer);
    NRT_EQ_FATAL(H.w.n, 1);
    NRT_EQ(last()->len, 4 + 4 + 127 + 1);
    NRT_EQ(memcmp(last()->data + 8, number, 128), 0);
    NRT_EQ(H.done, 0);
}

/* ---- asking the application -------------------------------------------------------------------- */

NRT_TEST(test_without_a_number_the_application_is_asked)
{
    static const uint8_t offer[] = { OPT_NONE, OPT_CALLER(12) };
    static const uint8_t answer[] = { 0x02, 0x0c, 12, 0x01, '5', '5', '5', '0', '1', '2', '3', '\0' };
    setup(NULL);
    NRT_FALSE(nr_ppp_cbcp_asking(&H.c));
    request(5, offer, sizeof offer);
    NRT_EQ(H.offered, 1);
    NRT_TRUE(H.ask);
    NRT_TRUE(nr_ppp_cbcp_asking(&H.c));
    NRT_EQ(H.w.n, 0);
    NRT_EQ(nr_ppp_cbcp_deadline(&H.c), 0); /* the application takes its time */
    H.w.now = 60000;
    NRT_EQ(nr_ppp_cbcp_answer(&H.c, "5550123"), 0);
    NRT_FALSE(nr_ppp_cbcp_asking(&H.c));
    NRT_TRUE(sent_response(5, answer, sizeof answer));
    NRT_EQ(nr_ppp_cbcp_deadline(&H.c), 60000 + 3000);
    NRT_EQ(nr_ppp_cbcp_answer(&H.c, "5550123"), -1); /* asked once */
    ack_number(5, 12, "5550123");
    NRT_EQ(H.result, NR_PPP_CBCP_AGREED);
    NRT_EQ_STR(H.text, "5550123");
}

NRT_TEST(test_application_answering_nothing_declines)
{
    static const uint8_t offer[] = { OPT_NONE, OPT_CALLER(12) };
    static const uint8_t none[] = { OPT_NONE };
    setup(NULL);
    request(5, offer, sizeof offer);
    NRT_EQ(nr_ppp_cbcp_answer(&H.c, NULL), 0);
    NRT_TRUE(sent_response(5, none, sizeof none));
}

NRT_TEST(test_application_answering_nothing_to_a_caller_only_offer_fails)
{
    static const uint8_t offer[] = { OPT_CALLER(12) };
    setup(NULL);
    request(5, offer, sizeof offer);
    NRT_EQ(nr_ppp_cbcp_answer(&H.c, ""), 0);
    NRT_EQ(H.w.n, 0);
    NRT_EQ(H.result, NR_PPP_CBCP_NO_CHOICE);
}

NRT_TEST(test_application_is_not_asked_when_it_cannot_name_the_number)
{
    static const uint8_t offer[] = { OPT_NONE, OPT_PRESET(8) };
    static const uint8_t none[] = { OPT_NONE };
    setup(NULL);
    request(5, offer, sizeof offer);
    NRT_FALSE(H.ask);
    NRT_FALSE(nr_ppp_cbcp_asking(&H.c));
    NRT_TRUE(sent_response(5, none, sizeof none));
}

NRT_TEST(test_answer_without_a_question_is_refused)
{
    static const uint8_t offer[] = { OPT_NONE, OPT_CALLER(12) };
    setup(NULL);
    NRT_EQ(nr_ppp_cbcp_answer(&H.c, "5550123"), -1);
    setup("5550199");
    request(5, offer, sizeof offer);
    NRT_EQ(nr_ppp_cbcp_answer(&H.c, "5550123"), -1);
    NRT_EQ(H.w.n, 1);
}

NRT_TEST(test_request_repeated_while_asking_is_answered_under_its_identifier)
{
    static const uint8_t offer[] = { OPT_NONE, OPT_CALLER(12) };
    static const uint8_t none[] = { OPT_NONE };
    setup(NULL);
    request(5, offer, sizeof offer);
    request(6, offer, sizeof offer);
    NRT_EQ(H.offered, 1);
    NRT_EQ(H.w.n, 0);
    NRT_EQ(nr_ppp_cbcp_answer(&H.c, ""), 0);
    NRT_TRUE(sent_response(6, none, sizeof none));
}

/* ---- the Ack, retransmission, giving up ---------------------------------------------------------- */

NRT_TEST(test_unacknowledged_response_is_sent_ten_times_then_the_phase_fails)
{
    static const uint8_t offer[] = { OPT_CALLER(12) };
    setup("5550199");
    request(5, offer, sizeof offer);
    for (int i = 1; i < 10; i++) {
        H.w.now = nr_ppp_cbcp_deadline(&H.c) - 1;
        nr_ppp_cbcp_timeout(&H.c);
        NRT_EQ(H.w.n, (size_t)i);
        H.w.now++;
        nr_ppp_cbcp_timeout(&H.c);
    }
    NRT_EQ(nr_test_wire_count(&H.w, NR_PPP_PROTO_CBCP, NR_CBCP_RESPONSE), 10);
    NRT_EQ(H.done, 0);
    H.w.now = nr_ppp_cbcp_deadline(&H.c);
    NRT_EQ(H.w.now, 1000 + 10 * 3000);
    nr_ppp_cbcp_timeout(&H.c);
    NRT_EQ(H.w.n, 10);
    NRT_EQ(H.done, 1);
    NRT_EQ(H.result, NR_PPP_CBCP_UNANSWERED);
    NRT_EQ_STR(H.text, "The server did not acknowledge the callback answer (CBCP).");
    NRT_EQ(nr_ppp_cbcp_deadline(&H.c), 0);
}

NRT_TEST(test_retransmission_follows_the_configured_timer_and_count)
{
    static const uint8_t offer[] = { OPT_CALLER(12) };
    nr_ppp_cbcp_config cfg = { .number = "5550199", .restart_ms = 500, .max_requests = 2 };
    setup_with(&cfg);
    request(5, offer, sizeof offer);
    NRT_EQ(nr_ppp_cbcp_deadline(&H.c), 1500);
    H.w.now = 1500;
    nr_ppp_cbcp_timeout(&H.c);
    NRT_EQ(H.w.n, 2);
    NRT_TRUE(!memcmp(nr_test_wire_get(&H.w, 0)->data, last()->data, last()->len));
    H.w.now = 2000;
    nr_ppp_cbcp_timeout(&H.c);
    NRT_EQ(H.w.n, 2);
    NRT_EQ(H.result, NR_PPP_CBCP_UNANSWERED);
}

NRT_TEST(test_repeated_request_gets_the_same_answer_under_its_identifier)
{
    static const uint8_t offer[] = { OPT_NONE, OPT_CALLER(12) };
    static const uint8_t answer[] = { 0x02, 0x07, 12, 0x01, '4', '2', '\0' };
    setup("42");
    request(5, offer, sizeof offer);
    NRT_TRUE(sent_response(5, answer, sizeof answer));
    H.w.now = 2000;
    request(6, offer, sizeof offer);
    NRT_EQ(H.offered, 1);
    NRT_EQ(H.w.n, 2);
    NRT_TRUE(sent_response(6, answer, sizeof answer));
    NRT_EQ(nr_ppp_cbcp_deadline(&H.c), 2000 + 3000);
    ack_number(5, 12, "42"); /* the old Identifier */
    NRT_EQ(H.done, 0);
    ack_number(6, 12, "42");
    NRT_EQ(H.done, 1);
    NRT_EQ(H.result, NR_PPP_CBCP_AGREED);
}

NRT_TEST(test_ack_before_any_response_is_ignored)
{
    static const uint8_t none[] = { OPT_NONE };
    setup("");
    feed(NR_CBCP_ACK, 0, none, sizeof none);
    NRT_EQ(H.done, 0);
    NRT_EQ(nr_ppp_cbcp_deadline(&H.c), 11000);
}

NRT_TEST(test_malformed_or_unexpected_packets_are_ignored)
{
    static const uint8_t offer[] = { OPT_NONE, OPT_CALLER(12) };
    static const uint8_t list[] = { 0x04, 0x05, 30, 0x01, 0x00 };
    static const uint8_t bad[] = { 0x01, 0x09 };
    static const uint8_t none[] = { OPT_NONE };
    static const uint8_t header_only[] = { NR_CBCP_REQUEST, 1, 0x00 };
    uint8_t pkt[64];
    size_t len;

    setup("42");
    nr_ppp_cbcp_input(&H.c, header_only, 0);
    nr_ppp_cbcp_input(&H.c, header_only, sizeof header_only);
    request(1, list, sizeof list);
    request(1, bad, sizeof bad);
    request(1, NULL, 0);
    feed(NR_CBCP_RESPONSE, 1, none, sizeof none);
    feed(9, 1, none, sizeof none);
    len = packet(pkt, NR_CBCP_REQUEST, 1, offer, sizeof offer);
    nr_ppp_cbcp_input(&H.c, pkt, len - 1); /* Length past the end */
    NRT_EQ(H.offered, 0);
    NRT_EQ(H.w.n, 0);
    NRT_EQ(H.done, 0);
    NRT_EQ(nr_ppp_cbcp_deadline(&H.c), 11000);

    request(2, offer, sizeof offer); /* still answered afterwards */
    NRT_EQ(H.w.n, 1);
    feed(NR_CBCP_ACK, 2, NULL, 0); /* an Ack without an option */
    nr_ppp_cbcp_input(&H.c, pkt, 2);
    NRT_EQ(H.done, 0);
    NRT_EQ(H.w.n, 1);
}

NRT_TEST(test_nothing_happens_after_the_phase_ended)
{
    static const uint8_t offer[] = { OPT_NONE, OPT_CALLER(12) };
    static const uint8_t none[] = { OPT_NONE };
    setup("");
    request(5, offer, sizeof offer);
    feed(NR_CBCP_ACK, 5, none, sizeof none);
    NRT_EQ_FATAL(H.done, 1);
    request(6, offer, sizeof offer);
    feed(NR_CBCP_ACK, 5, none, sizeof none);
    H.w.now = 100000;
    nr_ppp_cbcp_timeout(&H.c);
    NRT_EQ(nr_ppp_cbcp_answer(&H.c, "42"), -1);
    NRT_EQ(H.done, 1);
    NRT_EQ(H.w.n, 1);
    NRT_EQ(nr_ppp_cbcp_deadline(&H.c), 0);
}
