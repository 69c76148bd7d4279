/*
 * test-ras-proto.c - decoding the wire protocol of the RAS connection
 * service (providers/ras/proto): every message type built and decoded
 * again, every way a packet is refused with the sentence that says why,
 * the sizes at the edge (the longest value and message, and one octet
 * more).  The builder's own refusals, secrets, version negotiation and the
 * log line are test-ras-proto-build.c's.  Links the proto layer,
 * router/common and the runner only.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cunit-main.h"
#include "proto.h"

NRT_SUITE("ras-proto");

/* ---- helpers ------------------------------------------------------------------------------------ */

static void put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

static void put32(uint8_t *p, uint32_t v)
{
    put16(p, (uint16_t)(v >> 16));
    put16(p + 2, (uint16_t)v);
}

/* A packet written by hand, octet by octet, so that it can be wrong. */
typedef struct raw {
    uint8_t b[NR_PROTO_MAX_MESSAGE + 64];
    size_t len;
} raw;

/* A header with the payload length left to raw_fix(). */
static void raw_header(raw *r, uint16_t version, uint16_t type, uint32_t seq)
{
    memcpy(r->b, "NRRS", 4);
    put16(r->b + 4, version);
    put16(r->b + 6, type);
    put32(r->b + 8, seq);
    put32(r->b + 12, 0);
    r->len = NR_PROTO_HEADER_SIZE;
}

static void raw_attr(raw *r, uint16_t tag, uint16_t n, const void *value, size_t have)
{
    put16(r->b + r->len, tag);
    put16(r->b + r->len + 2, n);
    memcpy(r->b + r->len + 4, value, have);
    r->len += 4 + have;
}

static void raw_str(raw *r, uint16_t tag, const char *s)
{
    raw_attr(r, tag, (uint16_t)strlen(s), s, strlen(s));
}

static void raw_u64(raw *r, uint16_t tag, uint64_t v)
{
    uint8_t b[8];
    put32(b, (uint32_t)(v >> 32));
    put32(b + 4, (uint32_t)v);
    raw_attr(r, tag, 8, b, 8);
}

/* Sets the header's payload length to what follows it. */
static void raw_fix(raw *r)
{
    put32(r->b + 12, (uint32_t)(r->len - NR_PROTO_HEADER_SIZE));
}

/* Decodes len octets copied to a heap block of exactly that size, so that
 * AddressSanitizer sees a read beyond them. */
static uint32_t decode_exact(const void *p, size_t len, nr_proto_msg *m, nr_error *err)
{
    uint8_t *copy = malloc(len ? len : 1);
    uint32_t rc;
    NRT_NOT_NULL_FATAL(copy);
    memcpy(copy, p, len);
    rc = nr_proto_decode(copy, len, m, err);
    free(copy);
    return rc;
}

/* The packet is refused with code and exactly this detail, and the
 * message holds nothing. */
static void expect_refused(const void *p, size_t len, uint32_t code, const char *detail)
{
    nr_proto_msg m;
    nr_error err;
    NRT_EQ(decode_exact(p, len, &m, &err), code);
    NRT_EQ(err.code, code);
    NRT_EQ_STR(err.detail, detail);
    NRT_NULL(m.data);
    for (unsigned t = 0; t < NR_PROTO_TAG_LIMIT; t++)
        NRT_FALSE(nr_proto_has(&m, (uint16_t)t));
    nr_proto_msg_clear(&m);
}

static void expect_raw_refused(raw *r, uint32_t code, const char *detail)
{
    expect_refused(r->b, r->len, code, detail);
}

/* A DIAL packet with one entry attribute of n octets of 'e' (n may exceed
 * the longest entry; the packet stays well framed). */
static void raw_dial_entry(raw *r, uint16_t version, size_t n)
{
    char v[NR_PROTO_MAX_MESSAGE];
    memset(v, 'e', n);
    raw_header(r, version, NR_PROTO_MSG_DIAL, 1);
    raw_attr(r, NR_PROTO_TAG_ENTRY, (uint16_t)n, v, n);
    raw_fix(r);
}

/* ---- every message type, there and back ---------------------------------------------------------- */

/* A value of each kind made from the tag, the longest allowed when full. */
static uint32_t sample_u32(uint16_t tag)
{
    return 0x80000000u | (uint32_t)tag * 1000u;
}

static uint64_t sample_u64(uint16_t tag)
{
    return 0xfedc000000000000ull | (uint64_t)tag << 32 | 0x89abcdefu;
}

static size_t sample_text(uint16_t tag, bool full, char *out)
{
    size_t max = nr_proto_tag_max(tag), n;
    if (full) {
        /* "é" is two octets: an odd longest value ends with one 'x' */
        for (n = 0; n + 2 <= max; n += 2)
            memcpy(out + n, "\xc3\xa9", 2);
        if (n < max)
            out[n++] = 'x';
    } else {
        n = (size_t)snprintf(out, max + 1, "%s-\xc3\xa9-%u", nr_proto_tag_name(tag), tag);
        if (n > max)
            n = max;
    }
    out[n] = '\0';
    return n;
}

static size_t sample_bytes(uint16_t tag, bool full, uint8_t *out)
{
    size_t n = full ? nr_proto_tag_max(tag) : 5;
    for (size_t i = 0; i < n; i++)
        out[i] = (uint8_t)(i * 7 + tag);
    out[0] = 0; /* a NUL is an octet like any other here */
    return n;
}

/* Builds a message of type with its required attributes, and the optional
 * ones too when all; every value the longest allowed when full. */
static size_t build_sample(uint16_t type, bool all, bool full, uint8_t *pkt, size_t size)
{
    static char text[NR_PROTO_MAX_MESSAGE];
    static uint8_t bytes[NR_PROTO_MAX_MESSAGE];
    nr_proto_builder b;
    nr_error err;
    size_t len = 0;

    NRT_EQ_FATAL(nr_proto_build_init(&b, pkt, size, type, 1000u + type), 0);
    for (uint16_t tag = 1; tag < NR_PROTO_TAG_LIMIT; tag++) {
        nr_proto_rule rule = nr_proto_type_rule(type, tag);
        if (rule == NR_PROTO_REFUSED || (rule == NR_PROTO_OPTIONAL && !all))
            continue;
        switch (nr_proto_tag_kind(tag)) {
        case NR_PROTO_KIND_U32: nr_proto_put_u32(&b, tag, sample_u32(tag)); break;
        case NR_PROTO_KIND_U64: nr_proto_put_u64(&b, tag, sample_u64(tag)); break;
        case NR_PROTO_KIND_STR: sample_text(tag, full, text); nr_proto_put_str(&b, tag, text); break;
        case NR_PROTO_KIND_SECRET: sample_text(tag, full, text); nr_proto_put_secret(&b, tag, text); break;
        case NR_PROTO_KIND_BYTES: nr_proto_put_bytes(&b, tag, bytes, sample_bytes(tag, full, bytes)); break;
        }
    }
    NRT_EQ(nr_proto_build_end(&b, &len, &err), 0);
    NRT_EQ_STR(err.detail, "");
    return len;
}

/* The version a message of type is written in: the newest that added one
 * of the attributes build_sample() put (status_info's nameservers came in
 * version 2), else 1. */
static uint16_t sample_version(uint16_t type, bool all, bool full)
{
    uint16_t v = 1;
    for (uint16_t tag = 1; tag < NR_PROTO_TAG_LIMIT; tag++) {
        nr_proto_rule rule = nr_proto_type_rule(type, tag);
        if (rule == NR_PROTO_REQUIRED || (rule == NR_PROTO_OPTIONAL && all)) {
            v = nr_proto_rule_version(type, tag) > v ? nr_proto_rule_version(type, tag) : v;
            if (full && nr_proto_len_version(tag, nr_proto_tag_max(tag)) > v) /* a value a later version widened */
                v = nr_proto_len_version(tag, nr_proto_tag_max(tag));
        }
    }
    return v;
}

/* The decoded m holds exactly what build_sample() put. */
static void check_sample(const nr_proto_msg *m, uint16_t type, bool all, bool full)
{
    static char text[NR_PROTO_MAX_MESSAGE];
    static uint8_t bytes[NR_PROTO_MAX_MESSAGE];

    NRT_EQ(m->version, sample_version(type, all, full));
    NRT_EQ(m->type, type);
    NRT_EQ(m->seq, 1000u + type);
    for (uint16_t tag = 1; tag < NR_PROTO_TAG_LIMIT; tag++) {
        nr_proto_rule rule = nr_proto_type_rule(type, tag);
        bool want = rule == NR_PROTO_REQUIRED || (rule == NR_PROTO_OPTIONAL && all);
        size_t n;
        NRT_TRUE_MSG(nr_proto_has(m, tag) == want, "%s: attribute %u (%s) %s", nr_proto_type_name(type), tag,
                     nr_proto_tag_name(tag), want ? "is missing" : "should not be there");
        if (!want)
            continue;
        switch (nr_proto_tag_kind(tag)) {
        case NR_PROTO_KIND_U32: NRT_EQ(nr_proto_get_u32(m, tag, 0), sample_u32(tag)); break;
        case NR_PROTO_KIND_U64: NRT_EQ(nr_proto_get_u64(m, tag, 0), sample_u64(tag)); break;
        case NR_PROTO_KIND_STR:
            sample_text(tag, full, text);
            NRT_EQ_STR(nr_proto_get_str(m, tag), text);
            break;
        case NR_PROTO_KIND_SECRET:
            sample_text(tag, full, text);
            NRT_EQ_STR(nr_proto_get_secret(m, tag), text);
            break;
        case NR_PROTO_KIND_BYTES: {
            size_t got = 0;
            const uint8_t *p = nr_proto_get_bytes(m, tag, &got);
            n = sample_bytes(tag, full, bytes);
            NRT_EQ_FATAL(got, n);
            NRT_EQ_MEM(p, bytes, n);
            break;
        }
        }
    }
}

static void round_trip(bool all, bool full)
{
    static uint8_t pkt[NR_PROTO_MAX_MESSAGE];
    for (uint16_t type = 1; type < NR_PROTO_MSG_LIMIT; type++) {
        nr_proto_msg m;
        nr_error err;
        size_t len = build_sample(type, all, full, pkt, sizeof pkt);
        NRT_TRUE_MSG(decode_exact(pkt, len, &m, &err) == 0, "%s: %s", nr_proto_type_name(type), err.detail);
        NRT_LE(m.size, len - NR_PROTO_HEADER_SIZE);
        check_sample(&m, type, all, full);
        nr_proto_msg_clear(&m);
    }
}

NRT_TEST(every_type_round_trips_with_its_required_attributes)
{
    round_trip(false, false);
}

NRT_TEST(every_type_round_trips_with_every_attribute_it_allows)
{
    round_trip(true, false);
}

NRT_TEST(every_type_with_every_attribute_at_its_longest_fits_and_round_trips)
{
    round_trip(true, true);
}

NRT_TEST(a_dial_reads_back_through_the_getters)
{
    uint8_t pkt[1024];
    nr_proto_builder b;
    nr_proto_msg m;
    nr_error err;
    size_t len, n = 99;

    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_DIAL, 7);
    nr_proto_put_str(&b, NR_PROTO_TAG_ENTRY, "Office");
    nr_proto_put_str(&b, NR_PROTO_TAG_USER, "bob");
    nr_proto_put_secret(&b, NR_PROTO_TAG_PASSWORD, "hunter2");
    nr_proto_put_str(&b, NR_PROTO_TAG_PHONE_NUMBER, "");
    nr_proto_put_u32(&b, NR_PROTO_TAG_DIAL_OPTIONS, RDEOPT_PausedStates);
    nr_proto_put_u64(&b, NR_PROTO_TAG_CALLBACK_ID, 0x0123456789abcdefull);
    NRT_EQ_FATAL(nr_proto_build_end(&b, &len, &err), 0);
    NRT_EQ(len, 16u + (4 + 6) + (4 + 3) + (4 + 7) + 4 + (4 + 4) + (4 + 8));
    NRT_EQ_MEM(pkt, "NRRS\0\1\0\4\0\0\0\7", 12);

    NRT_EQ_FATAL(decode_exact(pkt, len, &m, &err), 0);
    NRT_EQ_STR(err.detail, "");
    NRT_EQ(m.type, NR_PROTO_MSG_DIAL);
    NRT_EQ(m.seq, 7u);
    NRT_EQ_STR(nr_proto_get_str(&m, NR_PROTO_TAG_ENTRY), "Office");
    NRT_EQ_STR(nr_proto_get_str(&m, NR_PROTO_TAG_USER), "bob");
    NRT_EQ_STR(nr_proto_get_secret(&m, NR_PROTO_TAG_PASSWORD), "hunter2");
    NRT_EQ_STR(nr_proto_get_str(&m, NR_PROTO_TAG_PHONE_NUMBER), "");
    NRT_EQ(nr_proto_get_u32(&m, NR_PROTO_TAG_DIAL_OPTIONS, 0), (uint32_t)RDEOPT_PausedStates);
    NRT_EQ(nr_proto_get_u64(&m, NR_PROTO_TAG_CALLBACK_ID, 0), 0x0123456789abcdefull);
    /* absent, or asked as another kind: the default */
    NRT_FALSE(nr_proto_has(&m, NR_PROTO_TAG_DOMAIN));
    NRT_NULL(nr_proto_get_str(&m, NR_PROTO_TAG_DOMAIN));
    NRT_EQ(nr_proto_get_u32(&m, NR_PROTO_TAG_NOTIFIER, 42), 42u);
    NRT_NULL(nr_proto_get_str(&m, NR_PROTO_TAG_PASSWORD));
    NRT_NULL(nr_proto_get_secret(&m, NR_PROTO_TAG_ENTRY));
    NRT_EQ(nr_proto_get_u32(&m, NR_PROTO_TAG_CALLBACK_ID, 5), 5u);
    NRT_EQ(nr_proto_get_u64(&m, NR_PROTO_TAG_DIAL_OPTIONS, 6), 6u);
    NRT_NULL(nr_proto_get_bytes(&m, NR_PROTO_TAG_DATA, &n));
    NRT_EQ(n, 0u);
    NRT_FALSE(nr_proto_has(&m, 0));
    NRT_FALSE(nr_proto_has(&m, 0xffff));
    NRT_NULL(nr_proto_get_str(&m, 0xffff));
    nr_proto_msg_clear(&m);
    nr_proto_msg_clear(&m); /* twice is harmless */
    nr_proto_build_clear(&b);
}

NRT_TEST(an_enum_has_no_attribute_at_all)
{
    raw r;
    nr_proto_msg m;
    raw_header(&r, 1, NR_PROTO_MSG_ENUM, 3);
    raw_fix(&r);
    NRT_EQ(decode_exact(r.b, r.len, &m, NULL), 0);
    NRT_NULL(m.data);
    nr_proto_msg_clear(&m);
    raw_u64(&r, NR_PROTO_TAG_HANDLE, 1);
    raw_fix(&r);
    expect_raw_refused(&r, NR_PROTO_ERROR_MALFORMED, "attribute 11 (handle) is not allowed in message 9 (enum)");
}

NRT_TEST(attributes_may_come_in_any_order)
{
    raw r;
    nr_proto_msg m;
    raw_header(&r, 1, NR_PROTO_MSG_STATUS_INFO, 9);
    raw_str(&r, NR_PROTO_TAG_DEVICE_NAME, "/dev/ttyS0");
    raw_attr(&r, NR_PROTO_TAG_ERROR, 4, "\0\0\2\xa4", 4);
    raw_attr(&r, NR_PROTO_TAG_STATE, 4, "\0\0\0\2", 4);
    raw_u64(&r, NR_PROTO_TAG_HANDLE, 77);
    raw_fix(&r);
    NRT_EQ_FATAL(decode_exact(r.b, r.len, &m, NULL), 0);
    NRT_EQ(nr_proto_get_u64(&m, NR_PROTO_TAG_HANDLE, 0), 77u);
    NRT_EQ(nr_proto_get_u32(&m, NR_PROTO_TAG_ERROR, 0), (uint32_t)ERROR_LINE_BUSY);
    NRT_EQ(nr_proto_get_u32(&m, NR_PROTO_TAG_STATE, 0), (uint32_t)RASCS_ConnectDevice);
    NRT_EQ_STR(nr_proto_get_str(&m, NR_PROTO_TAG_DEVICE_NAME), "/dev/ttyS0");
    nr_proto_msg_clear(&m);
}

/* ---- the header, refused ------------------------------------------------------------------------- */

NRT_TEST(a_short_header_is_refused)
{
    expect_refused("NRRS\0\1", 6, NR_PROTO_ERROR_MALFORMED,
                   "the message is 6 octets, shorter than its 16-octet header");
    expect_refused("", 0, NR_PROTO_ERROR_MALFORMED, "the message is 0 octets, shorter than its 16-octet header");
}

NRT_TEST(a_bad_magic_is_refused)
{
    expect_refused("GET / HTTP/1.1\r\n\r\n", 18, NR_PROTO_ERROR_MALFORMED,
                   "the message does not begin with \"NRRS\" but with 47 45 54 20");
}

NRT_TEST(an_unknown_version_is_refused_naming_both)
{
    raw r;
    raw_header(&r, 3, NR_PROTO_MSG_ENUM, 1);
    raw_fix(&r);
    expect_raw_refused(&r, NR_PROTO_ERROR_VERSION,
                       "the message is of protocol version 3; this side speaks versions 1 to 2");
    raw_header(&r, 0, NR_PROTO_MSG_ENUM, 1);
    raw_fix(&r);
    expect_raw_refused(&r, NR_PROTO_ERROR_VERSION,
                       "the message is of protocol version 0; this side speaks versions 1 to 2");
}

NRT_TEST(both_versions_are_read)
{
    raw r;
    nr_proto_msg m;
    for (uint16_t v = 1; v <= 2; v++) {
        raw_header(&r, v, NR_PROTO_MSG_ENUM, 1);
        raw_fix(&r);
        NRT_EQ(decode_exact(r.b, r.len, &m, NULL), 0);
        NRT_EQ(m.version, v);
        nr_proto_msg_clear(&m);
    }
}

NRT_TEST(an_unknown_type_is_refused)
{
    raw r;
    raw_header(&r, 1, 99, 1);
    raw_fix(&r);
    expect_raw_refused(&r, NR_PROTO_ERROR_MALFORMED, "message type 99 is unknown");
    raw_header(&r, 1, 0, 1);
    raw_fix(&r);
    expect_raw_refused(&r, NR_PROTO_ERROR_MALFORMED, "message type 0 is unknown");
}

NRT_TEST(a_payload_length_that_is_not_the_rest_exactly_is_refused)
{
    raw r;
    raw_header(&r, 1, NR_PROTO_MSG_STATUS, 1);
    raw_u64(&r, NR_PROTO_TAG_HANDLE, 1);
    put32(r.b + 12, 8);
    r.len += 4; /* four octets more than announced */
    expect_raw_refused(&r, NR_PROTO_ERROR_MALFORMED, "the header announces a payload of 8 octets, but 16 follow");
    put32(r.b + 12, 0xffffffffu);
    expect_raw_refused(&r, NR_PROTO_ERROR_MALFORMED,
                       "the header announces a payload of 4294967295 octets, but 16 follow");
}

NRT_TEST(the_longest_message_decodes_and_one_octet_more_is_refused)
{
    static raw r;
    static uint8_t data[NR_PROTO_TERMINAL_MAX + 1];
    nr_proto_msg m;
    size_t n = 0;

    memset(data, 0xa5, sizeof data);
    raw_header(&r, 1, NR_PROTO_MSG_TERMINAL_DATA, 1);
    raw_u64(&r, NR_PROTO_TAG_HANDLE, 1);
    raw_attr(&r, NR_PROTO_TAG_DATA, NR_PROTO_TERMINAL_MAX, data, NR_PROTO_TERMINAL_MAX);
    raw_fix(&r);
    NRT_EQ_FATAL(r.len, (size_t)NR_PROTO_MAX_MESSAGE);
    NRT_EQ_FATAL(decode_exact(r.b, r.len, &m, NULL), 0);
    NRT_NOT_NULL(nr_proto_get_bytes(&m, NR_PROTO_TAG_DATA, &n));
    NRT_EQ(n, (size_t)NR_PROTO_TERMINAL_MAX);
    nr_proto_msg_clear(&m);

    r.b[r.len++] = 0;
    raw_fix(&r);
    expect_raw_refused(&r, NR_PROTO_ERROR_MALFORMED, "the message is 16385 octets, at most 16384");
}

/* ---- attributes, refused ------------------------------------------------------------------------- */

NRT_TEST(an_attribute_header_cut_short_is_refused)
{
    raw r;
    raw_header(&r, 1, NR_PROTO_MSG_STATUS, 1);
    raw_u64(&r, NR_PROTO_TAG_HANDLE, 1);
    r.b[r.len++] = 0;
    r.b[r.len++] = NR_PROTO_TAG_HANDLE;
    raw_fix(&r);
    expect_raw_refused(&r, NR_PROTO_ERROR_MALFORMED,
                       "the attribute at payload octet 12 is cut short: 2 octets left, its header is 4");
}

NRT_TEST(an_attribute_running_past_the_payload_is_refused)
{
    raw r;
    raw_header(&r, 1, NR_PROTO_MSG_DIAL, 1);
    raw_attr(&r, NR_PROTO_TAG_ENTRY, 300, "only twenty octets..", 20);
    raw_fix(&r);
    expect_raw_refused(&r, NR_PROTO_ERROR_MALFORMED, "attribute 12 (entry) announces 300 octets, but only 20 are left");
}

NRT_TEST(an_unknown_tag_is_refused)
{
    raw r;
    raw_header(&r, 1, NR_PROTO_MSG_DIAL, 1);
    raw_str(&r, NR_PROTO_TAG_ENTRY, "Office");
    raw_attr(&r, 999, 2, "hi", 2);
    raw_fix(&r);
    expect_raw_refused(&r, NR_PROTO_ERROR_MALFORMED, "attribute 999 is unknown");
    raw_header(&r, 1, NR_PROTO_MSG_DIAL, 1);
    raw_attr(&r, 0, 0, "", 0);
    raw_fix(&r);
    expect_raw_refused(&r, NR_PROTO_ERROR_MALFORMED, "attribute 0 is unknown");
}

NRT_TEST(a_number_of_the_wrong_length_is_refused)
{
    raw r;
    raw_header(&r, 1, NR_PROTO_MSG_STATUS, 1);
    raw_attr(&r, NR_PROTO_TAG_HANDLE, 3, "\0\0\1", 3);
    raw_fix(&r);
    expect_raw_refused(&r, NR_PROTO_ERROR_MALFORMED, "attribute 11 (handle) is 3 octets, a u64 is 8");
    raw_header(&r, 1, NR_PROTO_MSG_HANGUP, 1);
    raw_u64(&r, NR_PROTO_TAG_HANDLE, 1);
    raw_attr(&r, NR_PROTO_TAG_TIMEOUT_MS, 8, "\0\0\0\0\0\0\0\1", 8);
    raw_fix(&r);
    expect_raw_refused(&r, NR_PROTO_ERROR_MALFORMED, "attribute 23 (timeout_ms) is 8 octets, a u32 is 4");
}

NRT_TEST(the_longest_value_passes_and_one_octet_more_is_refused)
{
    raw r;
    nr_proto_msg m;
    /* an entry name: RAS_MaxEntryName characters of up to 4 octets each,
     * from version 2; version 1 held 256 octets */
    raw_dial_entry(&r, 2, NR_RAS_MaxEntryNameUtf8);
    NRT_EQ(decode_exact(r.b, r.len, &m, NULL), 0);
    NRT_EQ(strlen(nr_proto_get_str(&m, NR_PROTO_TAG_ENTRY)), (size_t)NR_RAS_MaxEntryNameUtf8);
    nr_proto_msg_clear(&m);
    raw_dial_entry(&r, 2, NR_RAS_MaxEntryNameUtf8 + 1);
    expect_raw_refused(&r, NR_PROTO_ERROR_MALFORMED, "attribute 12 (entry) is 1025 octets, at most 1024");
    raw_dial_entry(&r, 2, 1300);
    expect_raw_refused(&r, NR_PROTO_ERROR_MALFORMED, "attribute 12 (entry) is 1300 octets, at most 1024");
    raw_dial_entry(&r, 1, RAS_MaxEntryName);
    NRT_EQ(decode_exact(r.b, r.len, &m, NULL), 0);
    NRT_EQ(strlen(nr_proto_get_str(&m, NR_PROTO_TAG_ENTRY)), (size_t)RAS_MaxEntryName);
    nr_proto_msg_clear(&m);
    raw_dial_entry(&r, 1, RAS_MaxEntryName + 1);
    expect_raw_refused(&r, NR_PROTO_ERROR_MALFORMED,
                       "attribute 12 (entry) is 257 octets, at most 256 in protocol version 1 (1024 octets only from "
                       "version 2)");
}

NRT_TEST(text_with_a_nul_is_refused)
{
    raw r;
    raw_header(&r, 1, NR_PROTO_MSG_DIAL, 1);
    raw_attr(&r, NR_PROTO_TAG_ENTRY, 6, "Off\0ce", 6);
    raw_fix(&r);
    expect_raw_refused(&r, NR_PROTO_ERROR_MALFORMED, "attribute 12 (entry) has a NUL at octet 3");
}

NRT_TEST(text_that_is_not_utf8_is_refused)
{
    static const struct {
        const char *text;
        const char *detail;
    } cases[] = {
        { "Offi\xff", "attribute 12 (entry) is not UTF-8 (octet 4)" },
        { "\xc0\xaf", "attribute 12 (entry) is not UTF-8 (octet 0)" },          /* overlong '/' */
        { "ab\xed\xa0\x80", "attribute 12 (entry) is not UTF-8 (octet 2)" },    /* a surrogate */
        { "caf\xc3", "attribute 12 (entry) is not UTF-8 (octet 3)" },           /* cut short */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        raw r;
        raw_header(&r, 1, NR_PROTO_MSG_DIAL, 1);
        raw_str(&r, NR_PROTO_TAG_ENTRY, cases[i].text);
        raw_fix(&r);
        expect_raw_refused(&r, NR_PROTO_ERROR_MALFORMED, cases[i].detail);
    }
    /* a secret is text too */
    raw r;
    raw_header(&r, 1, NR_PROTO_MSG_DIAL, 1);
    raw_str(&r, NR_PROTO_TAG_ENTRY, "Office");
    raw_str(&r, NR_PROTO_TAG_PASSWORD, "pa\xffss");
    raw_fix(&r);
    expect_raw_refused(&r, NR_PROTO_ERROR_MALFORMED, "attribute 17 (password) is not UTF-8 (octet 2)");
}

NRT_TEST(a_tag_twice_is_refused)
{
    raw r;
    raw_header(&r, 1, NR_PROTO_MSG_DIAL, 1);
    raw_str(&r, NR_PROTO_TAG_ENTRY, "Office");
    raw_str(&r, NR_PROTO_TAG_USER, "bob");
    raw_str(&r, NR_PROTO_TAG_ENTRY, "Home");
    raw_fix(&r);
    expect_raw_refused(&r, NR_PROTO_ERROR_MALFORMED, "attribute 12 (entry) appears twice");
}

NRT_TEST(a_missing_required_tag_is_refused)
{
    raw r;
    raw_header(&r, 1, NR_PROTO_MSG_DIAL, 1);
    raw_str(&r, NR_PROTO_TAG_USER, "bob");
    raw_fix(&r);
    expect_raw_refused(&r, NR_PROTO_ERROR_MALFORMED, "message 4 (dial) needs attribute 12 (entry)");
    raw_header(&r, 1, NR_PROTO_MSG_HELLO, 1);
    raw_attr(&r, NR_PROTO_TAG_VERSION_MIN, 4, "\0\0\0\1", 4);
    raw_fix(&r);
    expect_raw_refused(&r, NR_PROTO_ERROR_MALFORMED, "message 1 (hello) needs attribute 2 (version_max)");
}

NRT_TEST(a_tag_the_type_does_not_allow_is_refused)
{
    raw r;
    raw_header(&r, 1, NR_PROTO_MSG_HELLO, 1);
    raw_attr(&r, NR_PROTO_TAG_VERSION_MIN, 4, "\0\0\0\1", 4);
    raw_attr(&r, NR_PROTO_TAG_VERSION_MAX, 4, "\0\0\0\1", 4);
    raw_u64(&r, NR_PROTO_TAG_HANDLE, 1);
    raw_fix(&r);
    expect_raw_refused(&r, NR_PROTO_ERROR_MALFORMED, "attribute 11 (handle) is not allowed in message 1 (hello)");
    /* a password goes to DIAL and RESUME only */
    raw_header(&r, 1, NR_PROTO_MSG_STATUS_INFO, 1);
    raw_str(&r, NR_PROTO_TAG_PASSWORD, "x");
    raw_fix(&r);
    expect_raw_refused(&r, NR_PROTO_ERROR_MALFORMED,
                       "attribute 17 (password) is not allowed in message 8 (status_info)");
}

/* A status_info of a link, written by hand in version, with the name
 * servers when dns is not NULL. */
static void raw_status_info(raw *r, uint16_t version, const char *dns)
{
    raw_header(r, version, NR_PROTO_MSG_STATUS_INFO, 1);
    raw_u64(r, NR_PROTO_TAG_HANDLE, 1);
    raw_attr(r, NR_PROTO_TAG_STATE, 4, "\0\0\x20\0", 4);
    raw_attr(r, NR_PROTO_TAG_ERROR, 4, "\0\0\0\0", 4);
    if (dns)
        raw_str(r, NR_PROTO_TAG_NAMESERVERS, dns);
    raw_fix(r);
}

NRT_TEST(an_attribute_newer_than_the_message_s_version_is_refused)
{
    raw r;
    raw_status_info(&r, 1, "10.0.2.3");
    expect_raw_refused(&r, NR_PROTO_ERROR_MALFORMED,
                       "attribute 60 (nameservers) is not allowed in message 8 (status_info) of protocol version 1 "
                       "(only from version 2)");
}

NRT_TEST(version_2_s_status_info_carries_the_name_servers)
{
    raw r;
    nr_proto_msg m;
    raw_status_info(&r, 2, "10.0.2.3 10.0.2.4");
    NRT_EQ_FATAL(decode_exact(r.b, r.len, &m, NULL), 0);
    NRT_EQ(m.version, 2);
    NRT_EQ_STR(nr_proto_get_str(&m, NR_PROTO_TAG_NAMESERVERS), "10.0.2.3 10.0.2.4");
    nr_proto_msg_clear(&m);
    raw_status_info(&r, 2, ""); /* the link has none */
    NRT_EQ_FATAL(decode_exact(r.b, r.len, &m, NULL), 0);
    NRT_TRUE(nr_proto_has(&m, NR_PROTO_TAG_NAMESERVERS));
    NRT_EQ_STR(nr_proto_get_str(&m, NR_PROTO_TAG_NAMESERVERS), "");
    nr_proto_msg_clear(&m);
    raw_status_info(&r, 1, NULL); /* version 1's, from an older service */
    NRT_EQ_FATAL(decode_exact(r.b, r.len, &m, NULL), 0);
    NRT_FALSE(nr_proto_has(&m, NR_PROTO_TAG_NAMESERVERS));
    nr_proto_msg_clear(&m);
    raw_status_info(&r, 2, "255.255.255.255 255.255.255.255x"); /* one octet past the longest */
    expect_raw_refused(&r, NR_PROTO_ERROR_MALFORMED, "attribute 60 (nameservers) is 32 octets, at most 31");
}

NRT_TEST(what_a_later_version_added_is_allowed_from_that_version_only)
{
    for (uint16_t type = 0; type <= NR_PROTO_MSG_LIMIT; type++)
        for (uint16_t tag = 0; tag <= NR_PROTO_TAG_LIMIT; tag++) {
            uint16_t since = nr_proto_rule_version(type, tag);
            NRT_TRUE_MSG((since == 0) == (nr_proto_type_rule(type, tag) == NR_PROTO_REFUSED),
                         "message %u, attribute %u: version %u", type, tag, since);
            NRT_TRUE(since <= NR_PROTO_VERSION);
            if (!(type == NR_PROTO_MSG_STATUS_INFO && tag == NR_PROTO_TAG_NAMESERVERS))
                NRT_TRUE_MSG(since <= 1, "message %u, attribute %u: version %u", type, tag, since);
        }
    NRT_EQ(nr_proto_rule_version(NR_PROTO_MSG_STATUS_INFO, NR_PROTO_TAG_NAMESERVERS), 2);
    NRT_EQ(nr_proto_type_rule(NR_PROTO_MSG_STATUS_INFO, NR_PROTO_TAG_NAMESERVERS), NR_PROTO_OPTIONAL);
}

NRT_TEST(a_long_entry_name_is_written_in_version_2_and_never_in_version_1)
{
    uint8_t pkt[NR_PROTO_MAX_MESSAGE];
    char name[NR_RAS_MaxEntryNameUtf8 + 1];
    nr_proto_builder b;
    nr_error err;
    size_t len;
    NRT_EQ(nr_proto_tag_max_in(NR_PROTO_TAG_ENTRY, 1), (size_t)RAS_MaxEntryName);
    NRT_EQ(nr_proto_tag_max_in(NR_PROTO_TAG_ENTRY, 2), (size_t)NR_RAS_MaxEntryNameUtf8);
    NRT_EQ(nr_proto_len_version(NR_PROTO_TAG_ENTRY, RAS_MaxEntryName), 1);
    NRT_EQ(nr_proto_len_version(NR_PROTO_TAG_ENTRY, RAS_MaxEntryName + 1), 2);
    memset(name, 'e', RAS_MaxEntryName);
    name[RAS_MaxEntryName] = '\0'; /* 256 octets: version 1 holds it */
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_DIAL, 7);
    nr_proto_put_str(&b, NR_PROTO_TAG_ENTRY, name);
    NRT_EQ(nr_proto_build_end(&b, &len, &err), 0);
    NRT_EQ(pkt[4] << 8 | pkt[5], 1); /* the header's version, big-endian */
    memset(name, 'e', 300);
    name[300] = '\0'; /* 300 octets: only version 2 */
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_DIAL, 7);
    nr_proto_put_str(&b, NR_PROTO_TAG_ENTRY, name);
    NRT_EQ(nr_proto_build_end(&b, &len, &err), 0);
    NRT_EQ(pkt[4] << 8 | pkt[5], 2);
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_DIAL, 7);
    nr_proto_put_str(&b, NR_PROTO_TAG_ENTRY, name);
    NRT_EQ(nr_proto_build_set_version(&b, 1), NR_PROTO_ERROR_USAGE);
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_DIAL, 7);
    NRT_EQ(nr_proto_build_set_version(&b, 1), 0);
    NRT_EQ(nr_proto_put_str(&b, NR_PROTO_TAG_ENTRY, name), NR_PROTO_ERROR_USAGE);
}

NRT_TEST(a_refused_message_keeps_its_type_and_seq_for_the_log)
{
    raw r;
    nr_proto_msg m;
    raw_dial_entry(&r, 2, NR_RAS_MaxEntryNameUtf8 + 1); /* one octet too long */
    put32(r.b + 8, 4242);
    NRT_EQ(decode_exact(r.b, r.len, &m, NULL), NR_PROTO_ERROR_MALFORMED);
    NRT_EQ(m.type, NR_PROTO_MSG_DIAL);
    NRT_EQ(m.seq, 4242u);
    NRT_NULL(m.data);
    nr_proto_msg_clear(&m);
}
