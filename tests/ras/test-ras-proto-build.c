/*
 * test-ras-proto-build.c - the writing side of the RAS service protocol
 * (providers/ras/proto) and what surrounds decoding: the vocabulary's
 * names and rules, the builder's refusals and its size limits, secrets
 * wiped from every copy the codec makes, version negotiation, the version
 * a message is written in, and the log line.  test-ras-proto.c decodes.
 * Links the proto layer, router/common and the runner only.
 *
 * Whether the decoder wipes its copy before releasing it is seen from
 * inside free(): the link wraps it (-Wl,--wrap=free, tests/ras/local.mk)
 * and the wrapper looks for the secret in every block freed.
 */
#include "config.h"

#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "cunit-main.h"
#include "proto.h"

NRT_SUITE("ras-proto-build");

/* ---- free(), watched --------------------------------------------------------------------------- */

void __real_free(void *p);
void __wrap_free(void *p);

/* Volatile: the compiler knows what free() does, and would keep these in
 * registers across a call of it. */
static const char *volatile watch_secret; /* looked for in every block freed while set */
static volatile size_t blocks_freed, secrets_freed;

void __wrap_free(void *p)
{
    const char *secret = watch_secret;
    if (p && secret) {
        blocks_freed++;
        if (memmem(p, malloc_usable_size(p), secret, strlen(secret)))
            secrets_freed++;
    }
    __real_free(p);
}

/* Starts counting the blocks freed, and those holding secret. */
static void watch(const char *secret)
{
    blocks_freed = 0;
    secrets_freed = 0;
    watch_secret = secret;
}

static void unwatch(void)
{
    watch_secret = NULL;
}

/* ---- helpers ------------------------------------------------------------------------------------ */

/* The builder's failure: its code, and the detail nr_proto_build_end() hands on. */
static void expect_build_fails(nr_proto_builder *b, uint32_t code, const char *detail)
{
    nr_error err;
    size_t len = 99;
    NRT_EQ(nr_proto_build_end(b, &len, &err), code);
    NRT_EQ(err.code, code);
    NRT_EQ_STR(err.detail, detail);
    NRT_EQ(len, 0u);
}

static bool all_zero(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return false;
    return true;
}

/* A DIAL to Office with a password, built into pkt: its length. */
static size_t build_dial(uint8_t *pkt, size_t size, const char *password)
{
    nr_proto_builder b;
    size_t len = 0;
    nr_proto_build_init(&b, pkt, size, NR_PROTO_MSG_DIAL, 1);
    nr_proto_put_str(&b, NR_PROTO_TAG_ENTRY, "Office");
    nr_proto_put_secret(&b, NR_PROTO_TAG_PASSWORD, password);
    NRT_EQ_FATAL(nr_proto_build_end(&b, &len, NULL), 0);
    return len;
}

/* ---- the vocabulary ------------------------------------------------------------------------------ */

NRT_TEST(names_kinds_and_rules_come_from_the_lists)
{
    NRT_EQ_STR(nr_proto_tag_name(NR_PROTO_TAG_ENTRY), "entry");
    NRT_EQ(nr_proto_tag_kind(NR_PROTO_TAG_PASSWORD), NR_PROTO_KIND_SECRET);
    NRT_EQ(nr_proto_tag_max(NR_PROTO_TAG_ENTRY), (size_t)NR_RAS_MaxEntryNameUtf8); /* 256 characters */
    NRT_EQ(nr_proto_tag_max(NR_PROTO_TAG_HANDLE), 8u);
    NRT_EQ_STR(nr_proto_type_name(NR_PROTO_MSG_DIAL), "dial");
    NRT_EQ(nr_proto_type_sender(NR_PROTO_MSG_DIAL), NR_PROTO_SENDER_CLIENT);
    NRT_EQ(nr_proto_type_sender(NR_PROTO_MSG_EVENT), NR_PROTO_SENDER_SERVICE);
    NRT_EQ(nr_proto_type_rule(NR_PROTO_MSG_DIAL, NR_PROTO_TAG_ENTRY), NR_PROTO_REQUIRED);
    NRT_EQ(nr_proto_type_rule(NR_PROTO_MSG_DIAL, NR_PROTO_TAG_PASSWORD), NR_PROTO_OPTIONAL);
    NRT_EQ(nr_proto_type_rule(NR_PROTO_MSG_DIAL, NR_PROTO_TAG_HANDLE), NR_PROTO_REFUSED);
    NRT_NULL(nr_proto_tag_name(0));
    NRT_NULL(nr_proto_tag_name(NR_PROTO_TAG_LIMIT));
    NRT_EQ(nr_proto_tag_kind(0xffff), 0);
    NRT_NULL(nr_proto_type_name(0));
    NRT_NULL(nr_proto_type_name(NR_PROTO_MSG_LIMIT));
    NRT_EQ(nr_proto_type_sender(0xffff), 0);
    NRT_EQ(nr_proto_type_rule(0xffff, NR_PROTO_TAG_ENTRY), NR_PROTO_REFUSED);
    NRT_EQ(nr_proto_type_rule(NR_PROTO_MSG_DIAL, 0xffff), NR_PROTO_REFUSED);
}

NRT_TEST(every_number_has_a_name_of_its_own)
{
    for (uint16_t t = 1; t < NR_PROTO_TAG_LIMIT; t++) {
        NRT_NOT_NULL_FATAL(nr_proto_tag_name(t));
        NRT_NE(nr_proto_tag_kind(t), 0);
        NRT_GT(nr_proto_tag_max(t), 0u);
        for (uint16_t u = 1; u < t; u++)
            NRT_NE_STR(nr_proto_tag_name(t), nr_proto_tag_name(u));
    }
    for (uint16_t t = 1; t < NR_PROTO_MSG_LIMIT; t++) {
        NRT_NOT_NULL_FATAL(nr_proto_type_name(t));
        NRT_NE(nr_proto_type_sender(t), 0);
        for (uint16_t u = 1; u < t; u++)
            NRT_NE_STR(nr_proto_type_name(t), nr_proto_type_name(u));
    }
}

/* ---- the builder, refusing ----------------------------------------------------------------------- */

NRT_TEST(the_builder_refuses_an_unknown_type)
{
    uint8_t pkt[64];
    nr_proto_builder b;
    NRT_EQ(nr_proto_build_init(&b, pkt, sizeof pkt, 99, 1), NR_PROTO_ERROR_USAGE);
    NRT_EQ(nr_proto_put_u32(&b, NR_PROTO_TAG_CODE, 0), NR_PROTO_ERROR_USAGE);
    expect_build_fails(&b, NR_PROTO_ERROR_USAGE, "message type 99 is unknown");
}

NRT_TEST(the_builder_refuses_a_buffer_without_room_for_the_header)
{
    uint8_t pkt[8];
    nr_proto_builder b;
    NRT_EQ(nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_ENUM, 1), NR_PROTO_ERROR_TOO_BIG);
    expect_build_fails(&b, NR_PROTO_ERROR_TOO_BIG, "a buffer of 8 octets cannot hold the 16-octet header");
    NRT_EQ(nr_proto_build_init(&b, NULL, 64, NR_PROTO_MSG_ENUM, 1), NR_PROTO_ERROR_TOO_BIG);
}

NRT_TEST(the_builder_refuses_a_tag_the_type_does_not_allow)
{
    uint8_t pkt[64];
    nr_proto_builder b;
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_HELLO, 1);
    NRT_EQ(nr_proto_put_u64(&b, NR_PROTO_TAG_HANDLE, 1), NR_PROTO_ERROR_USAGE);
    expect_build_fails(&b, NR_PROTO_ERROR_USAGE, "attribute 11 (handle) is not allowed in message 1 (hello)");
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_HELLO, 1);
    NRT_EQ(nr_proto_put_u32(&b, 999, 1), NR_PROTO_ERROR_USAGE);
    expect_build_fails(&b, NR_PROTO_ERROR_USAGE, "attribute 999 is unknown");
}

NRT_TEST(the_builder_refuses_a_value_of_another_kind)
{
    uint8_t pkt[64];
    nr_proto_builder b;
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_STATUS, 1);
    NRT_EQ(nr_proto_put_str(&b, NR_PROTO_TAG_HANDLE, "1"), NR_PROTO_ERROR_USAGE);
    expect_build_fails(&b, NR_PROTO_ERROR_USAGE, "attribute 11 (handle) holds a u64, not text");
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_DIAL, 1);
    nr_proto_put_str(&b, NR_PROTO_TAG_PASSWORD, "pw");
    expect_build_fails(&b, NR_PROTO_ERROR_USAGE, "attribute 17 (password) holds a secret, not text");
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_DIAL, 1);
    nr_proto_put_secret(&b, NR_PROTO_TAG_USER, "bob");
    expect_build_fails(&b, NR_PROTO_ERROR_USAGE, "attribute 16 (user) holds text, not a secret");
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_HANGUP, 1);
    nr_proto_put_u64(&b, NR_PROTO_TAG_TIMEOUT_MS, 1);
    expect_build_fails(&b, NR_PROTO_ERROR_USAGE, "attribute 23 (timeout_ms) holds a u32, not a u64");
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_TERMINAL_WRITE, 1);
    nr_proto_put_str(&b, NR_PROTO_TAG_DATA, "ATZ\r");
    expect_build_fails(&b, NR_PROTO_ERROR_USAGE, "attribute 59 (data) holds octets, not text");
}

NRT_TEST(the_builder_refuses_a_tag_twice)
{
    uint8_t pkt[64];
    nr_proto_builder b;
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_DIAL, 1);
    nr_proto_put_str(&b, NR_PROTO_TAG_ENTRY, "Office");
    NRT_EQ(nr_proto_put_str(&b, NR_PROTO_TAG_ENTRY, "Home"), NR_PROTO_ERROR_USAGE);
    expect_build_fails(&b, NR_PROTO_ERROR_USAGE, "attribute 12 (entry) appears twice");
}

NRT_TEST(the_builder_refuses_text_too_long_not_utf8_or_null)
{
    uint8_t pkt[2048];
    char entry[NR_RAS_MaxEntryNameUtf8 + 2];
    nr_proto_builder b;
    size_t len;

    memset(entry, 'e', sizeof entry - 1);
    entry[sizeof entry - 1] = '\0';
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_DIAL, 1);
    nr_proto_put_str(&b, NR_PROTO_TAG_ENTRY, entry);
    expect_build_fails(&b, NR_PROTO_ERROR_USAGE, "attribute 12 (entry) is 1025 octets, at most 1024");

    entry[NR_RAS_MaxEntryNameUtf8] = '\0'; /* the longest passes */
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_DIAL, 1);
    NRT_EQ(nr_proto_put_str(&b, NR_PROTO_TAG_ENTRY, entry), 0);
    NRT_EQ(nr_proto_build_end(&b, &len, NULL), 0);
    NRT_EQ(len, 16u + 4 + NR_RAS_MaxEntryNameUtf8);

    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_DIAL, 1);
    nr_proto_put_str(&b, NR_PROTO_TAG_ENTRY, "Offi\xff");
    expect_build_fails(&b, NR_PROTO_ERROR_USAGE, "attribute 12 (entry) is not UTF-8 (octet 4)");
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_DIAL, 1);
    nr_proto_put_secret(&b, NR_PROTO_TAG_PASSWORD, NULL);
    expect_build_fails(&b, NR_PROTO_ERROR_USAGE, "attribute 17 (password): no text (NULL)");
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_TERMINAL_WRITE, 1);
    nr_proto_put_bytes(&b, NR_PROTO_TAG_DATA, NULL, 3);
    expect_build_fails(&b, NR_PROTO_ERROR_USAGE, "attribute 59 (data): no octets (NULL)");
}

NRT_TEST(the_builder_refuses_to_end_without_a_required_tag)
{
    uint8_t pkt[64];
    nr_proto_builder b;
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_DIAL, 1);
    nr_proto_put_str(&b, NR_PROTO_TAG_USER, "bob");
    expect_build_fails(&b, NR_PROTO_ERROR_USAGE, "message 4 (dial) needs attribute 12 (entry)");
}

NRT_TEST(the_first_failure_sticks_and_nothing_is_written_after_it)
{
    uint8_t pkt[64];
    nr_proto_builder b;
    size_t len;

    memset(pkt, 0xee, sizeof pkt);
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_DIAL, 1);
    nr_proto_put_str(&b, NR_PROTO_TAG_ENTRY, "Office");
    len = b.len;
    NRT_EQ(nr_proto_put_u64(&b, NR_PROTO_TAG_HANDLE, 1), NR_PROTO_ERROR_USAGE);
    NRT_EQ(nr_proto_put_str(&b, NR_PROTO_TAG_USER, "bob"), NR_PROTO_ERROR_USAGE);
    NRT_EQ(nr_proto_put_bytes(&b, NR_PROTO_TAG_DATA, "x", 1), NR_PROTO_ERROR_USAGE);
    NRT_EQ(b.len, len);
    NRT_EQ(pkt[len], 0xee);
    expect_build_fails(&b, NR_PROTO_ERROR_USAGE, "attribute 11 (handle) is not allowed in message 4 (dial)");
}

/* ---- the builder's sizes ------------------------------------------------------------------------- */

/* A TERMINAL_DATA with n octets of data, built into a buffer of size. */
static uint32_t build_terminal(uint8_t *pkt, size_t size, size_t n, size_t *len, nr_error *err)
{
    static uint8_t data[NR_PROTO_TERMINAL_MAX + 1];
    nr_proto_builder b;
    memset(data, 0x5a, sizeof data);
    nr_proto_build_init(&b, pkt, size, NR_PROTO_MSG_TERMINAL_DATA, 1);
    nr_proto_put_bytes(&b, NR_PROTO_TAG_DATA, data, n);
    nr_proto_put_u64(&b, NR_PROTO_TAG_HANDLE, 1);
    return nr_proto_build_end(&b, len, err);
}

NRT_TEST(the_builder_writes_the_longest_message_and_refuses_one_octet_more)
{
    static uint8_t pkt[NR_PROTO_MAX_MESSAGE + 1000];
    nr_proto_msg m;
    nr_error err;
    size_t len;

    /* a buffer larger than a message: the message stops at its maximum */
    NRT_EQ_FATAL(build_terminal(pkt, sizeof pkt, NR_PROTO_TERMINAL_MAX, &len, &err), 0);
    NRT_EQ(len, (size_t)NR_PROTO_MAX_MESSAGE);
    NRT_EQ_FATAL(nr_proto_decode(pkt, len, &m, &err), 0);
    nr_proto_msg_clear(&m);
    NRT_EQ(build_terminal(pkt, sizeof pkt, NR_PROTO_TERMINAL_MAX + 1, &len, &err), NR_PROTO_ERROR_USAGE);
    NRT_EQ_STR(err.detail, "attribute 59 (data) is 16353 octets, at most 16352");
    /* a buffer one octet short of the longest message */
    NRT_EQ(build_terminal(pkt, NR_PROTO_MAX_MESSAGE - 1, NR_PROTO_TERMINAL_MAX, &len, &err), NR_PROTO_ERROR_TOO_BIG);
    NRT_EQ_STR(err.detail, "attribute 11 (handle) of 8 octets does not fit: the message would be 16384 octets, "
                           "the buffer holds 16383");
}

NRT_TEST(the_builder_never_writes_past_its_buffer)
{
    /* heap blocks of every size around a DIAL's, exactly that size: AddressSanitizer watches the edge */
    uint8_t whole[256];
    size_t need = build_dial(whole, sizeof whole, "pw");
    for (size_t size = 0; size <= need; size++) {
        uint8_t *pkt = malloc(size ? size : 1);
        nr_proto_builder b;
        nr_error err;
        size_t len;
        NRT_NOT_NULL_FATAL(pkt);
        nr_proto_build_init(&b, pkt, size, NR_PROTO_MSG_DIAL, 1);
        nr_proto_put_str(&b, NR_PROTO_TAG_ENTRY, "Office");
        nr_proto_put_secret(&b, NR_PROTO_TAG_PASSWORD, "pw");
        NRT_EQ(nr_proto_build_end(&b, &len, &err), size < need ? NR_PROTO_ERROR_TOO_BIG : 0u);
        if (size == need)
            NRT_EQ_MEM(pkt, whole, need);
        nr_proto_build_clear(&b);
        free(pkt);
    }
}

/* ---- secrets --------------------------------------------------------------------------------------- */

NRT_TEST(the_free_watch_sees_a_secret_that_is_not_wiped)
{
    char *p = malloc(32);
    NRT_NOT_NULL_FATAL(p);
    strcpy(p, "xx-hunter2-pw-xx");
    __asm__ volatile("" : : "r"(p) : "memory"); /* the copy is not a dead store */
    watch("hunter2-pw");
    free(p);
    unwatch();
    NRT_EQ(blocks_freed, 1u);
    NRT_EQ(secrets_freed, 1u);
}

NRT_TEST(build_clear_wipes_the_packet_that_holds_a_secret)
{
    uint8_t pkt[128];
    nr_proto_builder b;
    size_t len;

    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_DIAL, 1);
    nr_proto_put_str(&b, NR_PROTO_TAG_ENTRY, "Office");
    nr_proto_put_secret(&b, NR_PROTO_TAG_PASSWORD, "hunter2-pw");
    NRT_EQ_FATAL(nr_proto_build_end(&b, &len, NULL), 0);
    NRT_NOT_NULL(memmem(pkt, len, "hunter2-pw", 10));
    nr_proto_build_clear(&b);
    NRT_TRUE(all_zero(pkt, len));

    /* also when the message failed after the secret went in */
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_DIAL, 1);
    nr_proto_put_secret(&b, NR_PROTO_TAG_PASSWORD, "hunter2-pw");
    nr_proto_put_str(&b, NR_PROTO_TAG_PASSWORD, "again");
    NRT_NE(nr_proto_build_end(&b, &len, NULL), 0u);
    NRT_NOT_NULL(memmem(pkt, b.len, "hunter2-pw", 10));
    nr_proto_build_clear(&b);
    NRT_TRUE(all_zero(pkt, b.len));
}

NRT_TEST(msg_clear_wipes_the_decoded_secret_before_freeing_it)
{
    uint8_t pkt[128];
    size_t len = build_dial(pkt, sizeof pkt, "hunter2-pw");
    nr_proto_msg m;

    NRT_EQ_FATAL(nr_proto_decode(pkt, len, &m, NULL), 0);
    NRT_NOT_NULL(memmem(m.data, m.size, "hunter2-pw", 10));
    watch("hunter2-pw");
    nr_proto_msg_clear(&m);
    unwatch();
    NRT_EQ(blocks_freed, 1u);
    NRT_EQ(secrets_freed, 0u);
    NRT_NULL(m.data);
    explicit_bzero(pkt, sizeof pkt);
}

NRT_TEST(a_refused_decode_wipes_the_secret_it_had_copied)
{
    uint8_t pkt[128];
    size_t len = build_dial(pkt, sizeof pkt, "hunter2-pw");
    nr_proto_msg m;
    nr_error err;

    /* a second entry after the password: refused once the password is copied */
    memcpy(pkt + len, "\0\x0c\0\1x", 5);
    len += 5;
    pkt[15] = (uint8_t)(len - NR_PROTO_HEADER_SIZE);
    watch("hunter2-pw");
    NRT_EQ(nr_proto_decode(pkt, len, &m, &err), NR_PROTO_ERROR_MALFORMED);
    unwatch();
    NRT_EQ_STR(err.detail, "attribute 12 (entry) appears twice");
    NRT_EQ(blocks_freed, 1u);
    NRT_EQ(secrets_freed, 0u);
    NRT_NOT_CONTAINS(err.detail, "hunter2");
}

/* ---- version negotiation --------------------------------------------------------------------------- */

NRT_TEST(negotiation_picks_the_highest_common_version)
{
    uint16_t v = 99;
    NRT_EQ(nr_proto_negotiate(1, 1, &v, NULL), 0);
    NRT_EQ(v, 1);
    v = 99;
    NRT_EQ(nr_proto_negotiate(1, 7, &v, NULL), 0);
    NRT_EQ(v, NR_PROTO_VERSION);
    NRT_EQ(nr_proto_negotiate(0, 1, &v, NULL), 0);
    NRT_EQ(v, 1);
    NRT_EQ(nr_proto_negotiate(1, 2, &v, NULL), 0);
    NRT_EQ(v, 2);
    NRT_EQ(nr_proto_negotiate(2, 3, &v, NULL), 0); /* a newer client that still speaks 2 */
    NRT_EQ(v, 2);
}

NRT_TEST(negotiation_without_a_common_version_says_both_ranges)
{
    uint16_t v = 99;
    nr_error err;
    NRT_EQ(nr_proto_negotiate(3, 4, &v, &err), NR_PROTO_ERROR_VERSION);
    NRT_EQ(v, 0);
    NRT_EQ_STR(err.detail, "the client speaks protocol versions 3 to 4; this side 1 to 2");
    NRT_EQ(nr_proto_negotiate(3, 2, &v, &err), NR_PROTO_ERROR_MALFORMED);
    NRT_EQ_STR(err.detail, "the client's lowest protocol version (3) is above its highest (2)");
}

NRT_TEST(hello_and_welcome_agree_on_a_version)
{
    uint8_t pkt[128];
    nr_proto_builder b;
    nr_proto_msg m;
    size_t len;
    uint16_t v = 0;

    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_HELLO, 1);
    nr_proto_put_u32(&b, NR_PROTO_TAG_VERSION_MIN, NR_PROTO_VERSION_MIN);
    nr_proto_put_u32(&b, NR_PROTO_TAG_VERSION_MAX, NR_PROTO_VERSION);
    nr_proto_put_str(&b, NR_PROTO_TAG_PROGRAM, "rasdial");
    NRT_EQ_FATAL(nr_proto_build_end(&b, &len, NULL), 0);
    NRT_EQ_FATAL(nr_proto_decode(pkt, len, &m, NULL), 0);
    NRT_EQ(nr_proto_negotiate(nr_proto_get_u32(&m, NR_PROTO_TAG_VERSION_MIN, 0),
                              nr_proto_get_u32(&m, NR_PROTO_TAG_VERSION_MAX, 0), &v, NULL), 0);
    nr_proto_msg_clear(&m);

    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_WELCOME, 1);
    nr_proto_put_u32(&b, NR_PROTO_TAG_VERSION, v);
    NRT_EQ_FATAL(nr_proto_build_end(&b, &len, NULL), 0);
    NRT_EQ_FATAL(nr_proto_decode(pkt, len, &m, NULL), 0);
    NRT_EQ(nr_proto_get_u32(&m, NR_PROTO_TAG_VERSION, 0), 2u);
    NRT_EQ(m.seq, 1u);
    nr_proto_msg_clear(&m);
}

/* ---- versions ---------------------------------------------------------------------------------------- */

/* The header's version of what b holds, once finished. */
static uint16_t built_version(nr_proto_builder *b)
{
    size_t len;
    NRT_EQ_FATAL(nr_proto_build_end(b, &len, NULL), 0);
    return (uint16_t)(b->buf[4] << 8 | b->buf[5]);
}

static void status_info_start(nr_proto_builder *b, uint8_t *pkt, size_t size)
{
    nr_proto_build_init(b, pkt, size, NR_PROTO_MSG_STATUS_INFO, 9);
    nr_proto_put_u64(b, NR_PROTO_TAG_HANDLE, 1);
    nr_proto_put_u32(b, NR_PROTO_TAG_STATE, 0x2000);
    nr_proto_put_u32(b, NR_PROTO_TAG_ERROR, 0);
}

NRT_TEST(a_message_is_written_in_the_lowest_version_that_holds_it)
{
    uint8_t pkt[256];
    nr_proto_builder b;

    status_info_start(&b, pkt, sizeof pkt); /* version 1's attributes only: any peer reads it */
    nr_proto_put_str(&b, NR_PROTO_TAG_INTERFACE, "ras0");
    NRT_EQ(built_version(&b), 1);
    status_info_start(&b, pkt, sizeof pkt);
    nr_proto_put_str(&b, NR_PROTO_TAG_NAMESERVERS, "10.0.2.3");
    NRT_EQ(built_version(&b), 2);
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_HELLO, 1); /* so an older service reads a HELLO */
    nr_proto_put_u32(&b, NR_PROTO_TAG_VERSION_MIN, NR_PROTO_VERSION_MIN);
    nr_proto_put_u32(&b, NR_PROTO_TAG_VERSION_MAX, NR_PROTO_VERSION);
    NRT_EQ(built_version(&b), 1);
}

NRT_TEST(a_chosen_version_is_written_and_refuses_what_it_does_not_know)
{
    static const char refused[] = "attribute 60 (nameservers) is not allowed in message 8 (status_info) of "
                                  "protocol version 1 (only from version 2)";
    uint8_t pkt[256];
    nr_proto_builder b;
    nr_error err;
    size_t len;

    status_info_start(&b, pkt, sizeof pkt);
    NRT_EQ(nr_proto_build_set_version(&b, 2), 0);
    NRT_EQ(built_version(&b), 2); /* though version 1 would hold it */

    status_info_start(&b, pkt, sizeof pkt);
    NRT_EQ(nr_proto_build_set_version(&b, 1), 0);
    NRT_EQ(nr_proto_put_str(&b, NR_PROTO_TAG_NAMESERVERS, "10.0.2.3"), NR_PROTO_ERROR_USAGE);
    NRT_EQ(nr_proto_build_end(&b, &len, &err), NR_PROTO_ERROR_USAGE);
    NRT_EQ_STR(err.detail, refused);
    NRT_EQ(len, 0u);

    status_info_start(&b, pkt, sizeof pkt); /* put first, then the version chosen */
    nr_proto_put_str(&b, NR_PROTO_TAG_NAMESERVERS, "10.0.2.3");
    NRT_EQ(nr_proto_build_set_version(&b, 1), NR_PROTO_ERROR_USAGE);
    NRT_EQ_STR(b.err.detail, refused);

    status_info_start(&b, pkt, sizeof pkt);
    NRT_EQ(nr_proto_build_set_version(&b, 3), NR_PROTO_ERROR_USAGE);
    NRT_EQ_STR(b.err.detail, "protocol version 3 is not one this side speaks (1 to 2)");
    status_info_start(&b, pkt, sizeof pkt);
    NRT_EQ(nr_proto_build_set_version(&b, 0), NR_PROTO_ERROR_USAGE);
}

/* ---- the log line ---------------------------------------------------------------------------------- */

NRT_TEST(the_log_line_names_everything_but_shows_no_secret_or_octets)
{
    uint8_t pkt[256];
    nr_proto_builder b;
    nr_proto_msg m;
    char line[256];
    size_t len, need;

    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_DIAL, 7);
    nr_proto_put_str(&b, NR_PROTO_TAG_ENTRY, "Off\"ice\n\\");
    nr_proto_put_str(&b, NR_PROTO_TAG_USER, "b\xc3\xb6" "b");
    nr_proto_put_secret(&b, NR_PROTO_TAG_PASSWORD, "hunter2-pw");
    nr_proto_put_u64(&b, NR_PROTO_TAG_CALLBACK_ID, 12345678901ull);
    NRT_EQ_FATAL(nr_proto_build_end(&b, &len, NULL), 0);
    NRT_EQ_FATAL(nr_proto_decode(pkt, len, &m, NULL), 0);
    need = nr_proto_msg_describe(&m, line, sizeof line);
    NRT_EQ_STR(line, "dial seq 7: entry=\"Off\\\"ice\\x0a\\\\\" user=\"b\xc3\xb6" "b\" password=(secret) "
                     "callback_id=12345678901");
    NRT_EQ(need, strlen(line));
    NRT_NOT_CONTAINS(line, "hunter2");
    /* cut to the room given, the length needed returned */
    NRT_EQ(nr_proto_msg_describe(&m, line, 10), need);
    NRT_EQ_STR(line, "dial seq ");
    NRT_EQ(nr_proto_msg_describe(&m, NULL, 0), need);
    nr_proto_msg_clear(&m);
    nr_proto_build_clear(&b);

    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_TERMINAL_WRITE, 8);
    nr_proto_put_u64(&b, NR_PROTO_TAG_HANDLE, 3);
    nr_proto_put_bytes(&b, NR_PROTO_TAG_DATA, "pw\r", 3);
    NRT_EQ_FATAL(nr_proto_build_end(&b, &len, NULL), 0);
    NRT_EQ_FATAL(nr_proto_decode(pkt, len, &m, NULL), 0);
    nr_proto_msg_describe(&m, line, sizeof line);
    NRT_EQ_STR(line, "terminal_write seq 8: handle=3 data=(3 octets)");
    nr_proto_msg_clear(&m);
}
