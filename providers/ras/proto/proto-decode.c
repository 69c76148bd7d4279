/*
 * proto-decode.c - one received packet into an nr_proto_msg, with every
 * check of the protocol (proto.h, docs/service.md): the header, then each
 * attribute in the order it comes, then the type's required attributes.
 * The packet is hostile until proven otherwise: every length is checked
 * against what is left before it is used, nothing outside the packet is
 * read, and the one allocation is at most the payload's length (each value
 * is copied with a NUL after it, which takes less room than the 4-octet
 * attribute header it replaces).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "proto-internal.h"

static uint16_t get16(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint64_t get64(const uint8_t *p)
{
    return (uint64_t)get32(p) << 32 | get32(p + 4);
}

/* The header: 0, with msg's version, type and seq set, or the failure. */
static uint32_t decode_header(const uint8_t *p, size_t len, nr_proto_msg *msg, nr_error *err)
{
    uint32_t payload;

    if (len < NR_PROTO_HEADER_SIZE)
        return nr_error_set(err, NR_PROTO_ERROR_MALFORMED, 0,
                            "the message is %zu octets, shorter than its %d-octet header", len, NR_PROTO_HEADER_SIZE);
    if (len > NR_PROTO_MAX_MESSAGE)
        return nr_error_set(err, NR_PROTO_ERROR_MALFORMED, 0, "the message is %zu octets, at most %d", len,
                            NR_PROTO_MAX_MESSAGE);
    if (memcmp(p, NR_PROTO_MAGIC, 4) != 0)
        return nr_error_set(err, NR_PROTO_ERROR_MALFORMED, 0,
                            "the message does not begin with \"" NR_PROTO_MAGIC "\" but with %02x %02x %02x %02x",
                            p[0], p[1], p[2], p[3]);
    msg->version = get16(p + 4);
    msg->type = get16(p + 6);
    msg->seq = get32(p + 8);
    payload = get32(p + 12);
    if (msg->version < NR_PROTO_VERSION_MIN || msg->version > NR_PROTO_VERSION) {
        if (NR_PROTO_VERSION_MIN == NR_PROTO_VERSION)
            return nr_error_set(err, NR_PROTO_ERROR_VERSION, 0,
                                "the message is of protocol version %u; this side speaks version %u", msg->version,
                                NR_PROTO_VERSION);
        return nr_error_set(err, NR_PROTO_ERROR_VERSION, 0,
                            "the message is of protocol version %u; this side speaks versions %u to %u", msg->version,
                            NR_PROTO_VERSION_MIN, NR_PROTO_VERSION);
    }
    if (!nr_proto_type_name(msg->type))
        return nr_error_set(err, NR_PROTO_ERROR_MALFORMED, 0, "message type %u is unknown", msg->type);
    if (payload != len - NR_PROTO_HEADER_SIZE)
        return nr_error_set(err, NR_PROTO_ERROR_MALFORMED, 0,
                            "the header announces a payload of %u octets, but %zu follow", payload,
                            len - NR_PROTO_HEADER_SIZE);
    return 0;
}

/* The attribute at p (value of n octets, checked to be within the packet
 * and to have passed nr_proto__check_attr) into msg; *used counts what it
 * takes of msg->data. */
static uint32_t take_value(nr_proto_msg *msg, uint16_t tag, const uint8_t *p, uint16_t n, size_t *used,
                           size_t payload, nr_error *err)
{
    nr_proto_value *v = &msg->values[tag];
    nr_proto_kind kind = nr_proto_tag_kind(tag);

    v->len = n;
    if (kind == NR_PROTO_KIND_U32) {
        v->num = get32(p);
    } else if (kind == NR_PROTO_KIND_U64) {
        v->num = get64(p);
    } else {
        if (!msg->data) {
            msg->data = malloc(payload);
            if (!msg->data)
                return nr_error_set(err, NR_PROTO_ERROR_MEMORY, 0, "no memory for a message of %zu octets",
                                    payload);
            msg->size = payload;
        }
        /* the attribute's header is 4 octets, its NUL 1: there is room */
        if (*used + n + 1 > msg->size)
            return nr_error_set(err, NR_PROTO_ERROR_MALFORMED, 0, "internal: no room for a value");
        memcpy(msg->data + *used, p, n);
        msg->data[*used + n] = '\0';
        v->off = (uint32_t)*used;
        *used += (size_t)n + 1;
        if (kind != NR_PROTO_KIND_BYTES) {
            uint32_t rc = nr_proto__check_text(tag, (const char *)msg->data + v->off, n, NR_PROTO_ERROR_MALFORMED,
                                               err);
            if (rc)
                return rc;
        }
    }
    v->present = true;
    return 0;
}

static uint32_t decode_attributes(const uint8_t *p, size_t payload, nr_proto_msg *msg, nr_error *err)
{
    bool seen[NR_PROTO_TAG_LIMIT] = { false };
    char label[NR_PROTO_LABEL_SIZE];
    size_t at = 0, used = 0;

    while (at < payload) {
        size_t left = payload - at;
        uint16_t tag, n;
        uint32_t rc;

        if (left < NR_PROTO_ATTR_HEADER)
            return nr_error_set(err, NR_PROTO_ERROR_MALFORMED, 0,
                                "the attribute at payload octet %zu is cut short: %zu octets left, its header is %d",
                                at, left, NR_PROTO_ATTR_HEADER);
        tag = get16(p + at);
        n = get16(p + at + 2);
        left -= NR_PROTO_ATTR_HEADER;
        if (!nr_proto_tag_kind(tag))
            return nr_error_set(err, NR_PROTO_ERROR_MALFORMED, 0, "%s is unknown",
                                nr_proto__tag_label(tag, label, sizeof label));
        if (n > left)
            return nr_error_set(err, NR_PROTO_ERROR_MALFORMED, 0, "%s announces %u octets, but only %zu are left",
                                nr_proto__tag_label(tag, label, sizeof label), n, left);
        rc = nr_proto__check_attr(msg->type, msg->version, tag, n, seen, NR_PROTO_ERROR_MALFORMED, err);
        if (!rc)
            rc = take_value(msg, tag, p + at + NR_PROTO_ATTR_HEADER, n, &used, payload, err);
        if (rc)
            return rc;
        seen[tag] = true;
        at += NR_PROTO_ATTR_HEADER + (size_t)n;
    }
    return nr_proto__check_required(msg->type, seen, NR_PROTO_ERROR_MALFORMED, err);
}

uint32_t nr_proto_decode(const void *buf, size_t len, nr_proto_msg *msg, nr_error *err)
{
    const uint8_t *p = buf;
    uint32_t rc;

    memset(msg, 0, sizeof *msg);
    if (!p && len)
        return nr_error_set(err, NR_PROTO_ERROR_MALFORMED, 0, "no message");
    rc = decode_header(p, len, msg, err);
    if (!rc)
        rc = decode_attributes(p + NR_PROTO_HEADER_SIZE, len - NR_PROTO_HEADER_SIZE, msg, err);
    if (rc) {
        uint16_t version = msg->version, type = msg->type;
        uint32_t seq = msg->seq;
        nr_proto_msg_clear(msg);
        msg->version = version;
        msg->type = type;
        msg->seq = seq;
        return rc;
    }
    nr_error_clear(err);
    return 0;
}
