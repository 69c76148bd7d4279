/*
 * fuzz-proto.c - libFuzzer target: the wire protocol of the RAS connection
 * service (providers/ras/proto), from both ends.  Every input is used
 * twice:
 *
 *  - as a packet from a hostile peer, decoded by nr_proto_decode() from a
 *    heap block of exactly its size.  Refused: the code is one of the
 *    decoder's, the detail says something, the message holds nothing.
 *    Accepted: every attribute its type requires is there, none it refuses
 *    (nor one its version does not know); the log line is as long as it
 *    says; and the message, built again with the builder (attributes in
 *    tag order, in the message's version), is as long as the input and
 *    decodes to the very same message.
 *  - as a script for the builder, which must refuse cleanly what no valid
 *    message holds and never write past a buffer of exactly the size the
 *    script asks for: octets 0-1 the buffer's size, 2 the type, then
 *    operations of 4 octets (tag, kind of put or 5 for choosing the
 *    version, value length u16: the version when choosing it) each
 *    followed by the value's octets.  What the builder finishes must decode
 *    to exactly what was put, in the version chosen or the lowest that
 *    holds it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz-util.h"
#include "proto.h"

/* a and b hold the same attributes with the same values */
static void assert_same(const nr_proto_msg *a, const nr_proto_msg *b)
{
    FUZZ_ASSERT(a->version == b->version && a->type == b->type && a->seq == b->seq);
    for (uint16_t tag = 0; tag < NR_PROTO_TAG_LIMIT; tag++) {
        const nr_proto_value *va = &a->values[tag], *vb = &b->values[tag];
        FUZZ_ASSERT(va->present == vb->present);
        if (!va->present)
            continue;
        FUZZ_ASSERT(va->len == vb->len);
        if (nr_proto_tag_kind(tag) == NR_PROTO_KIND_U32 || nr_proto_tag_kind(tag) == NR_PROTO_KIND_U64)
            FUZZ_ASSERT(va->num == vb->num);
        else
            FUZZ_ASSERT(!memcmp(a->data + va->off, b->data + vb->off, va->len));
    }
}

/* Builds m again into pkt: its length. */
static size_t rebuild(const nr_proto_msg *m, uint8_t *pkt, size_t size)
{
    nr_proto_builder b;
    nr_error err;
    size_t len = 0, n;

    FUZZ_ASSERT(nr_proto_build_init(&b, pkt, size, m->type, m->seq) == 0);
    FUZZ_ASSERT(nr_proto_build_set_version(&b, m->version) == 0);
    for (uint16_t tag = 1; tag < NR_PROTO_TAG_LIMIT; tag++) {
        if (!nr_proto_has(m, tag))
            continue;
        switch (nr_proto_tag_kind(tag)) {
        case NR_PROTO_KIND_U32: nr_proto_put_u32(&b, tag, nr_proto_get_u32(m, tag, 0)); break;
        case NR_PROTO_KIND_U64: nr_proto_put_u64(&b, tag, nr_proto_get_u64(m, tag, 0)); break;
        case NR_PROTO_KIND_STR: nr_proto_put_str(&b, tag, nr_proto_get_str(m, tag)); break;
        case NR_PROTO_KIND_SECRET: nr_proto_put_secret(&b, tag, nr_proto_get_secret(m, tag)); break;
        case NR_PROTO_KIND_BYTES: {
            const uint8_t *p = nr_proto_get_bytes(m, tag, &n);
            nr_proto_put_bytes(&b, tag, p, n);
            break;
        }
        }
    }
    FUZZ_ASSERT(nr_proto_build_end(&b, &len, &err) == 0);
    return len;
}

static void decode(const uint8_t *data, size_t size)
{
    static uint8_t again[NR_PROTO_MAX_MESSAGE];
    uint8_t *pkt = malloc(size ? size : 1);
    nr_proto_msg m, m2;
    nr_error err;
    char line[64];
    uint32_t rc;

    FUZZ_ASSERT(pkt);
    memcpy(pkt, data, size);
    rc = nr_proto_decode(pkt, size, &m, &err);
    free(pkt);
    if (rc) {
        FUZZ_ASSERT(rc == NR_PROTO_ERROR_MALFORMED || rc == NR_PROTO_ERROR_VERSION);
        FUZZ_ASSERT(err.code == rc && err.detail[0]);
        FUZZ_ASSERT(m.data == NULL);
        for (uint16_t tag = 0; tag < NR_PROTO_TAG_LIMIT; tag++)
            FUZZ_ASSERT(!nr_proto_has(&m, tag));
        return;
    }
    FUZZ_ASSERT(err.code == 0 && err.detail[0] == '\0');
    FUZZ_ASSERT(m.size <= size - NR_PROTO_HEADER_SIZE);
    for (uint16_t tag = 0; tag < NR_PROTO_TAG_LIMIT; tag++) {
        nr_proto_rule rule = nr_proto_type_rule(m.type, tag);
        FUZZ_ASSERT(rule != NR_PROTO_REQUIRED || nr_proto_has(&m, tag));
        FUZZ_ASSERT(rule != NR_PROTO_REFUSED || !nr_proto_has(&m, tag));
        FUZZ_ASSERT(!nr_proto_has(&m, tag) || nr_proto_rule_version(m.type, tag) <= m.version);
    }
    {
        size_t need = nr_proto_msg_describe(&m, line, sizeof line);
        char *whole = malloc(need + 1);
        FUZZ_ASSERT(whole);
        FUZZ_ASSERT(nr_proto_msg_describe(&m, whole, need + 1) == need && strlen(whole) == need);
        FUZZ_ASSERT(!strncmp(line, whole, sizeof line - 1));
        free(whole);
    }

    FUZZ_ASSERT(rebuild(&m, again, sizeof again) == size);
    FUZZ_ASSERT(nr_proto_decode(again, size, &m2, NULL) == 0);
    assert_same(&m, &m2);
    nr_proto_msg_clear(&m2);
    nr_proto_msg_clear(&m);
    FUZZ_ASSERT(m.data == NULL && !nr_proto_has(&m, 1));
}

/* ---- the builder, scripted ------------------------------------------------------------------- */

typedef struct put {
    uint16_t tag;
    const uint8_t *value;
    uint16_t len;
} put;

static void build(const uint8_t *data, size_t size)
{
    static put done[NR_PROTO_TAG_LIMIT];
    static char text[0x10000 + 1];
    size_t n_done = 0, bufsize, len = 0;
    uint16_t version = 0, lowest = NR_PROTO_VERSION_MIN;
    nr_proto_builder b;
    nr_proto_msg m;
    nr_error err;
    uint8_t *buf;
    uint32_t rc;

    if (size < 3)
        return;
    bufsize = ((size_t)data[0] << 8 | data[1]) % (NR_PROTO_MAX_MESSAGE + 64);
    buf = malloc(bufsize ? bufsize : 1);
    FUZZ_ASSERT(buf);
    rc = nr_proto_build_init(&b, bufsize ? buf : NULL, bufsize, data[2] % (NR_PROTO_MSG_LIMIT + 1), 42);
    for (size_t at = 3; at + 4 <= size;) {
        uint16_t tag = data[at] % (NR_PROTO_TAG_LIMIT + 2);
        unsigned op = data[at + 1] % 6;
        size_t n = (size_t)(data[at + 2] << 8 | data[at + 3]);
        const uint8_t *v = data + at + 4;
        size_t before = b.len;
        at += 4;
        if (n > size - at)
            n = size - at;
        at += n;
        switch (op) {
        case 0: rc = nr_proto_put_u32(&b, tag, n >= 4 ? (uint32_t)v[0] << 24 | v[3] : 7); break;
        case 1: rc = nr_proto_put_u64(&b, tag, n >= 8 ? (uint64_t)v[0] << 56 | v[7] : 7); break;
        case 2:
        case 3:
            memcpy(text, v, n);
            text[n] = '\0';
            rc = op == 2 ? nr_proto_put_str(&b, tag, text) : nr_proto_put_secret(&b, tag, text);
            n = strlen(text);
            break;
        case 4: rc = nr_proto_put_bytes(&b, tag, v, n); break;
        default:
            rc = nr_proto_build_set_version(&b, (uint16_t)n);
            if (!rc) {
                FUZZ_ASSERT(b.len == before && n >= NR_PROTO_VERSION_MIN && n <= NR_PROTO_VERSION);
                version = (uint16_t)n;
                for (size_t i = 0; i < n_done; i++)
                    FUZZ_ASSERT(nr_proto_rule_version(b.type, done[i].tag) <= version &&
                                nr_proto_len_version(done[i].tag, done[i].len) <= version);
                continue;
            }
            break;
        }
        if (rc) {
            FUZZ_ASSERT(rc == NR_PROTO_ERROR_USAGE || rc == NR_PROTO_ERROR_TOO_BIG);
            FUZZ_ASSERT(b.len == before);
            continue;
        }
        FUZZ_ASSERT(b.len > before && b.len <= bufsize && b.len <= NR_PROTO_MAX_MESSAGE);
        FUZZ_ASSERT(n_done < NR_PROTO_TAG_LIMIT);
        FUZZ_ASSERT(!version || nr_proto_rule_version(b.type, tag) <= version);
        FUZZ_ASSERT(!version || nr_proto_len_version(tag, b.len - before - NR_PROTO_ATTR_HEADER) <= version);
        if (nr_proto_rule_version(b.type, tag) > lowest)
            lowest = nr_proto_rule_version(b.type, tag);
        if (nr_proto_len_version(tag, b.len - before - NR_PROTO_ATTR_HEADER) > lowest) /* a widened value */
            lowest = nr_proto_len_version(tag, b.len - before - NR_PROTO_ATTR_HEADER);
        done[n_done++] = (put){ tag, b.buf + before + NR_PROTO_ATTR_HEADER, (uint16_t)(b.len - before - 4) };
    }
    rc = nr_proto_build_end(&b, &len, &err);
    if (rc) {
        FUZZ_ASSERT(err.code == rc && err.detail[0] && len == 0);
    } else {
        FUZZ_ASSERT(len == b.len && len <= bufsize);
        FUZZ_ASSERT(nr_proto_decode(buf, len, &m, &err) == 0);
        FUZZ_ASSERT(m.version == (version ? version : lowest));
        for (size_t i = 0; i < n_done; i++) {
            const nr_proto_value *v = &m.values[done[i].tag];
            FUZZ_ASSERT(v->present && v->len == done[i].len);
            if (nr_proto_tag_kind(done[i].tag) >= NR_PROTO_KIND_STR)
                FUZZ_ASSERT(!memcmp(m.data + v->off, done[i].value, v->len));
        }
        nr_proto_msg_clear(&m);
    }
    nr_proto_build_clear(&b);
    free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    decode(data, size);
    build(data, size);
    return 0;
}
