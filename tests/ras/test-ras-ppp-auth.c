/*
 * test-ras-ppp-auth.c - PAP and CHAP-MD5, authenticatee side
 * (providers/ras/ppp/ppp-auth.c): the packets we send, slirp's answers from
 * docs/research/slirp-ppp-peer.md ("Login ok", "Login incorrect",
 * "Welcome to vm.", "I don't like you.  Go 'way."), retransmission and
 * timeout, and the MD5 response against known vectors.
 */
#include "config.h"

#include <string.h>

#include "cunit-main.h"
#include "ppp-auth.h"
#include "ppp-packet.h"
#include "ppp-test-peer.h"

NRT_SUITE("ras-ppp-auth");

typedef struct harness {
    nr_ppp_auth a;
    nr_test_wire w;
    int done;
    nr_ppp_auth_result result;
    char message[NR_PPP_AUTH_MAX_MESSAGE];
} harness;

static harness H;

static void a_send(void *ctx, uint16_t proto, const uint8_t *pkt, size_t len)
{
    nr_test_wire_record(&((harness *)ctx)->w, proto, pkt, len);
}

static void a_done(void *ctx, nr_ppp_auth_result r, const char *msg)
{
    harness *h = ctx;
    h->done++;
    h->result = r;
    snprintf(h->message, sizeof h->message, "%s", msg);
}

static const nr_ppp_auth_callbacks cb = { .send = a_send, .done = a_done };

static void setup(const char *user, const char *password)
{
    nr_ppp_auth_config cfg = { user, password, 3000, 3 };

    memset(&H, 0, sizeof H);
    nr_test_wire_init(&H.w);
    nr_ppp_auth_init(&H.a, &cfg, &cb, &H, &H.w.clock);
}

static const nr_test_pkt *last(void)
{
    return nr_test_wire_last(&H.w);
}

static void feed(uint16_t proto, uint8_t code, uint8_t id, const void *data, size_t len)
{
    uint8_t buf[300];

    buf[0] = code;
    buf[1] = id;
    buf[2] = (uint8_t)((len + 4) >> 8);
    buf[3] = (uint8_t)(len + 4);
    memcpy(buf + 4, data, len);
    nr_ppp_auth_input(&H.a, proto, buf, len + 4);
}

/* ---- MD5 ------------------------------------------------------------------------------------ */

NRT_TEST(test_chap_md5_of_id_secret_challenge_matches_rfc1321_vector)
{
    /* MD5("abc") = 900150983cd24fb0d6963f7d28e17f72: id 'a', secret "bc", no challenge */
    static const uint8_t want[16] = { 0x90, 0x01, 0x50, 0x98, 0x3c, 0xd2, 0x4f, 0xb0,
                                      0xd6, 0x96, 0x3f, 0x7d, 0x28, 0xe1, 0x7f, 0x72 };
    uint8_t out[16];

    nr_ppp_chap_md5('a', "bc", 2, "", 0, out);
    NRT_EQ_MEM(out, want, 16);
    nr_ppp_chap_md5('a', "", 0, "bc", 2, out); /* the split does not matter */
    NRT_EQ_MEM(out, want, 16);
}

/* ---- PAP ------------------------------------------------------------------------------------ */

NRT_TEST(test_pap_request_carries_user_and_password)
{
    setup("alice", "s3cret");
    NRT_EQ(nr_ppp_auth_start(&H.a, NR_PPP_PROTO_PAP), 0);
    NRT_EQ_FATAL(H.w.n, 1);
    NRT_EQ(last()->protocol, NR_PPP_PROTO_PAP);
    NRT_EQ_FATAL(last()->len, 4 + 1 + 5 + 1 + 6);
    NRT_EQ(last()->data[0], 1);
    NRT_EQ_MEM(last()->data + 4, "\x05" "alice" "\x06" "s3cret", 13);
}

NRT_TEST(test_pap_ack_succeeds_and_keeps_the_server_message)
{
    setup("alice", "s3cret");
    nr_ppp_auth_start(&H.a, NR_PPP_PROTO_PAP);
    feed(NR_PPP_PROTO_PAP, 2, last()->data[1], "\x08" "Login ok", 9);
    NRT_EQ(H.done, 1);
    NRT_EQ(H.result, NR_PPP_AUTH_OK);
    NRT_EQ_STR(H.message, "Login ok");
    NRT_EQ(nr_ppp_auth_deadline(&H.a), 0);
}

NRT_TEST(test_pap_nak_fails_with_login_incorrect)
{
    setup("alice", "wrong");
    nr_ppp_auth_start(&H.a, NR_PPP_PROTO_PAP);
    feed(NR_PPP_PROTO_PAP, 3, last()->data[1], "\x0f" "Login incorrect", 16);
    NRT_EQ(H.done, 1);
    NRT_EQ(H.result, NR_PPP_AUTH_FAILED);
    NRT_EQ_STR(H.message, "Login incorrect");
    feed(NR_PPP_PROTO_PAP, 2, last()->data[1], "\x00", 1); /* a late Ack changes nothing */
    NRT_EQ(H.done, 1);
    NRT_EQ(H.result, NR_PPP_AUTH_FAILED);
}

NRT_TEST(test_unanswered_pap_is_retransmitted_then_times_out)
{
    setup("alice", "s3cret");
    nr_ppp_auth_start(&H.a, NR_PPP_PROTO_PAP);
    H.w.now = nr_ppp_auth_deadline(&H.a);
    nr_ppp_auth_timeout(&H.a);
    H.w.now = nr_ppp_auth_deadline(&H.a);
    nr_ppp_auth_timeout(&H.a);
    NRT_EQ(nr_test_wire_count(&H.w, NR_PPP_PROTO_PAP, 1), 3);
    NRT_EQ(H.done, 0);
    H.w.now = nr_ppp_auth_deadline(&H.a);
    nr_ppp_auth_timeout(&H.a);
    NRT_EQ(H.done, 1);
    NRT_EQ(H.result, NR_PPP_AUTH_TIMEOUT);
    NRT_EQ(nr_test_wire_count(&H.w, NR_PPP_PROTO_PAP, 1), 3);
}

/* ---- CHAP ----------------------------------------------------------------------------------- */

static void challenge(uint8_t id)
{
    uint8_t data[1 + 16 + 7];
    int i;

    data[0] = 16;
    for (i = 0; i < 16; i++)
        data[1 + i] = (uint8_t)i;
    memcpy(data + 17, "rasprov", 7);
    feed(NR_PPP_PROTO_CHAP, 1, id, data, sizeof data);
}

NRT_TEST(test_chap_challenge_is_answered_with_md5_and_our_name)
{
    /* md5(0x01 "s3cret" 00..0f), computed independently */
    static const uint8_t want[16] = { 0x06, 0x3a, 0x71, 0xf2, 0x75, 0x32, 0xa4, 0xd3,
                                      0x7c, 0x25, 0x8c, 0x19, 0xb4, 0x0c, 0x3b, 0x75 };

    setup("alice", "s3cret");
    nr_ppp_auth_start(&H.a, NR_PPP_PROTO_CHAP);
    NRT_EQ(H.w.n, 0); /* the authenticator speaks first */
    challenge(1);
    NRT_EQ_FATAL(H.w.n, 1);
    NRT_EQ(last()->protocol, NR_PPP_PROTO_CHAP);
    NRT_EQ_FATAL(last()->len, 4 + 1 + 16 + 5);
    NRT_EQ(last()->data[0], 2);
    NRT_EQ(last()->data[1], 1);
    NRT_EQ(last()->data[4], 16);
    NRT_EQ_MEM(last()->data + 5, want, 16);
    NRT_EQ_MEM(last()->data + 21, "alice", 5);
}

NRT_TEST(test_chap_success_with_the_right_password)
{
    static const char msg[] = "Welcome to vm.";

    setup("alice", "s3cret");
    nr_ppp_auth_start(&H.a, NR_PPP_PROTO_CHAP);
    challenge(1);
    feed(NR_PPP_PROTO_CHAP, 3, 1, msg, sizeof msg - 1);
    NRT_EQ(H.done, 1);
    NRT_EQ(H.result, NR_PPP_AUTH_OK);
    NRT_EQ_STR(H.message, "Welcome to vm.");
}

NRT_TEST(test_chap_failure_with_a_wrong_password)
{
    static const char msg[] = "I don't like you.  Go 'way.";
    static const uint8_t wrong[16] = { 0x67, 0xae, 0xca, 0x3c, 0x27, 0x16, 0x58, 0xc1,
                                       0x49, 0xca, 0x0f, 0x65, 0xe9, 0xd8, 0x76, 0x39 };

    setup("alice", "wrong");
    nr_ppp_auth_start(&H.a, NR_PPP_PROTO_CHAP);
    challenge(0x2a);
    NRT_EQ_MEM(last()->data + 5, wrong, 16);
    feed(NR_PPP_PROTO_CHAP, 4, 0x2a, msg, sizeof msg - 1);
    NRT_EQ(H.done, 1);
    NRT_EQ(H.result, NR_PPP_AUTH_FAILED);
    NRT_EQ_STR(H.message, msg);
}

NRT_TEST(test_chap_result_for_another_identifier_is_ignored)
{
    setup("alice", "s3cret");
    nr_ppp_auth_start(&H.a, NR_PPP_PROTO_CHAP);
    challenge(5);
    feed(NR_PPP_PROTO_CHAP, 3, 6, "", 0);
    NRT_EQ(H.done, 0);
}

NRT_TEST(test_chap_challenge_of_variable_length_is_answered)
{
    uint8_t data[1 + 57];

    setup("alice", "s3cret");
    nr_ppp_auth_start(&H.a, NR_PPP_PROTO_CHAP);
    memset(data, 0x42, sizeof data);
    data[0] = 57; /* seen from slirp, no name */
    feed(NR_PPP_PROTO_CHAP, 1, 9, data, sizeof data);
    NRT_EQ(H.w.n, 1);
    feed(NR_PPP_PROTO_CHAP, 1, 10, "\x3a", 1); /* value longer than the packet: discarded */
    NRT_EQ(H.w.n, 1);
}

NRT_TEST(test_no_chap_challenge_times_out)
{
    setup("alice", "s3cret");
    nr_ppp_auth_start(&H.a, NR_PPP_PROTO_CHAP);
    while (nr_ppp_auth_deadline(&H.a)) {
        H.w.now = nr_ppp_auth_deadline(&H.a);
        nr_ppp_auth_timeout(&H.a);
    }
    NRT_EQ(H.done, 1);
    NRT_EQ(H.result, NR_PPP_AUTH_TIMEOUT);
    NRT_EQ(H.w.now, 1000 + 3 * 3000);
}

NRT_TEST(test_unsupported_protocol_is_refused)
{
    setup("alice", "s3cret");
    NRT_EQ(nr_ppp_auth_start(&H.a, 0xc227), -1);
}
