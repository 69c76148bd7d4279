/*
 * proto-build.c - a message written into a caller's buffer, one attribute
 * at a time, with the decoder's own checks (proto-internal.h), so that
 * whatever the builder finishes, nr_proto_decode() accepts.  The first
 * failure sticks in the builder: nothing more is written after it, and
 * nothing is ever written beyond the buffer or NR_PROTO_MAX_MESSAGE.
 * The header's version is written last: the lowest that holds what was
 * put, unless the caller chose one.
 */
#include "config.h"

#include <string.h>

#include "proto-internal.h"

static void put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static void put64(uint8_t *p, uint64_t v)
{
    put32(p, (uint32_t)(v >> 32));
    put32(p + 4, (uint32_t)v);
}

/* The room of the message being built. */
static size_t room(const nr_proto_builder *b)
{
    return b->size < NR_PROTO_MAX_MESSAGE ? b->size : NR_PROTO_MAX_MESSAGE;
}

uint32_t nr_proto_build_init(nr_proto_builder *b, void *buf, size_t size, uint16_t type, uint32_t seq)
{
    memset(b, 0, sizeof *b);
    b->buf = buf;
    b->size = buf ? size : 0;
    b->type = type;
    if (!nr_proto_type_name(type))
        return nr_error_set(&b->err, NR_PROTO_ERROR_USAGE, 0, "message type %u is unknown", type);
    if (b->size < NR_PROTO_HEADER_SIZE)
        return nr_error_set(&b->err, NR_PROTO_ERROR_TOO_BIG, 0,
                            "a buffer of %zu octets cannot hold the %d-octet header", b->size, NR_PROTO_HEADER_SIZE);
    memcpy(b->buf, NR_PROTO_MAGIC, 4);
    put16(b->buf + 4, NR_PROTO_VERSION_MIN); /* nr_proto_build_end writes the real one */
    put16(b->buf + 6, type);
    put32(b->buf + 8, seq);
    put32(b->buf + 12, 0);
    b->len = NR_PROTO_HEADER_SIZE;
    return 0;
}

/* Checks an attribute of tag, of kind, value n octets: true, or false
 * with the failure recorded. */
static bool check(nr_proto_builder *b, uint16_t tag, nr_proto_kind kind, size_t n)
{
    char label[NR_PROTO_LABEL_SIZE];
    nr_proto_kind want = nr_proto_tag_kind(tag);

    if (b->err.code)
        return false;
    if (want && want != kind) {
        nr_error_set(&b->err, NR_PROTO_ERROR_USAGE, 0, "%s holds %s, not %s",
                     nr_proto__tag_label(tag, label, sizeof label), nr_proto__kind_name(want),
                     nr_proto__kind_name(kind));
        return false;
    }
    if (nr_proto__check_attr(b->type, b->version ? b->version : NR_PROTO_VERSION, tag, n, b->seen,
                             NR_PROTO_ERROR_USAGE, &b->err))
        return false;
    if (NR_PROTO_ATTR_HEADER + n > room(b) - b->len) {
        nr_error_set(&b->err, NR_PROTO_ERROR_TOO_BIG, 0,
                     "%s of %zu octets does not fit: the message would be %zu octets, %s %zu",
                     nr_proto__tag_label(tag, label, sizeof label), n, b->len + NR_PROTO_ATTR_HEADER + n,
                     b->size < NR_PROTO_MAX_MESSAGE ? "the buffer holds" : "at most", room(b));
        return false;
    }
    return true;
}

/* Writes the header of a checked attribute: where its value goes. */
static uint8_t *commit(nr_proto_builder *b, uint16_t tag, size_t n)
{
    uint8_t *p = b->buf + b->len;
    put16(p, tag);
    put16(p + 2, (uint16_t)n);
    b->seen[tag] = true;
    if (nr_proto_len_version(tag, n) > b->min_version)
        b->min_version = nr_proto_len_version(tag, n);
    b->len += NR_PROTO_ATTR_HEADER + n;
    return p + NR_PROTO_ATTR_HEADER;
}

uint32_t nr_proto_put_u32(nr_proto_builder *b, uint16_t tag, uint32_t v)
{
    if (check(b, tag, NR_PROTO_KIND_U32, 4))
        put32(commit(b, tag, 4), v);
    return b->err.code;
}

uint32_t nr_proto_put_u64(nr_proto_builder *b, uint16_t tag, uint64_t v)
{
    if (check(b, tag, NR_PROTO_KIND_U64, 8))
        put64(commit(b, tag, 8), v);
    return b->err.code;
}

static uint32_t put_text(nr_proto_builder *b, uint16_t tag, nr_proto_kind kind, const char *s)
{
    char label[NR_PROTO_LABEL_SIZE];
    size_t n;

    if (b->err.code)
        return b->err.code;
    if (!s)
        return nr_error_set(&b->err, NR_PROTO_ERROR_USAGE, 0, "%s: no text (NULL)",
                            nr_proto__tag_label(tag, label, sizeof label));
    n = strlen(s);
    if (check(b, tag, kind, n) && !nr_proto__check_text(tag, s, n, NR_PROTO_ERROR_USAGE, &b->err)) {
        memcpy(commit(b, tag, n), s, n);
        if (kind == NR_PROTO_KIND_SECRET)
            b->wipe = true;
    }
    return b->err.code;
}

uint32_t nr_proto_put_str(nr_proto_builder *b, uint16_t tag, const char *s)
{
    return put_text(b, tag, NR_PROTO_KIND_STR, s);
}

uint32_t nr_proto_put_secret(nr_proto_builder *b, uint16_t tag, const char *s)
{
    return put_text(b, tag, NR_PROTO_KIND_SECRET, s);
}

uint32_t nr_proto_put_bytes(nr_proto_builder *b, uint16_t tag, const void *data, size_t n)
{
    char label[NR_PROTO_LABEL_SIZE];

    if (!b->err.code && !data && n)
        return nr_error_set(&b->err, NR_PROTO_ERROR_USAGE, 0, "%s: no octets (NULL)",
                            nr_proto__tag_label(tag, label, sizeof label));
    if (check(b, tag, NR_PROTO_KIND_BYTES, n)) {
        uint8_t *p = commit(b, tag, n);
        if (n)
            memcpy(p, data, n);
    }
    return b->err.code;
}

uint32_t nr_proto_build_set_version(nr_proto_builder *b, uint16_t version)
{
    if (b->err.code)
        return b->err.code;
    if (version < NR_PROTO_VERSION_MIN || version > NR_PROTO_VERSION)
        return nr_error_set(&b->err, NR_PROTO_ERROR_USAGE, 0,
                            "protocol version %u is not one this side speaks (%u to %u)", version,
                            NR_PROTO_VERSION_MIN, NR_PROTO_VERSION);
    for (uint16_t tag = 1; tag < NR_PROTO_TAG_LIMIT; tag++)
        if (b->seen[tag] && nr_proto__check_version(b->type, version, tag, NR_PROTO_ERROR_USAGE, &b->err))
            return b->err.code;
    if (version < b->min_version)
        return nr_error_set(&b->err, NR_PROTO_ERROR_USAGE, 0,
                            "a value put is longer than protocol version %u allows (version %u at least)", version,
                            b->min_version);
    b->version = version;
    return 0;
}

/* The lowest version that holds what was put. */
static uint16_t lowest_version(const nr_proto_builder *b)
{
    uint16_t v = b->min_version > NR_PROTO_VERSION_MIN ? b->min_version : NR_PROTO_VERSION_MIN;
    for (uint16_t tag = 1; tag < NR_PROTO_TAG_LIMIT; tag++)
        if (b->seen[tag] && nr_proto_rule_version(b->type, tag) > v)
            v = nr_proto_rule_version(b->type, tag);
    return v;
}

uint32_t nr_proto_build_end(nr_proto_builder *b, size_t *len, nr_error *err)
{
    if (len)
        *len = 0;
    if (!b->err.code)
        nr_proto__check_required(b->type, b->seen, NR_PROTO_ERROR_USAGE, &b->err);
    if (b->err.code) {
        if (err)
            *err = b->err;
        return b->err.code;
    }
    put16(b->buf + 4, b->version ? b->version : lowest_version(b));
    put32(b->buf + 12, (uint32_t)(b->len - NR_PROTO_HEADER_SIZE));
    if (len)
        *len = b->len;
    nr_error_clear(err);
    return 0;
}

void nr_proto_build_clear(nr_proto_builder *b)
{
    if (b->wipe && b->buf)
        explicit_bzero(b->buf, b->len);
    b->wipe = false;
}
