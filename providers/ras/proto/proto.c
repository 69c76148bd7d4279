/*
 * proto.c - the protocol's vocabulary as tables (made from proto-list.h,
 * and checked against its rules at compile time), the checks every
 * attribute must pass whoever wrote it (proto-internal.h), version
 * negotiation, and the reading side of a decoded message: getters, clear,
 * the log line.  The leaf of the codec: it calls nothing of
 * proto-decode.c or proto-build.c.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proto-internal.h"
#include "utf8.h"

/* ---- the tables, and the rules of the lists -------------------------------------------------- */

typedef struct tag_info {
    const char *name;
    nr_proto_kind kind;
    uint16_t max;
} tag_info;

#define TAG_ROW_(num, NAME, name, kind, max) [num] = { name, NR_PROTO_KIND_##kind, max },
static const tag_info tags[NR_PROTO_TAG_LIMIT] = { NR_PROTO_TAGS(TAG_ROW_) };

typedef struct type_info {
    const char *name;
    nr_proto_sender sender;
} type_info;

#define TYPE_ROW_(num, NAME, name, sender, attrs) [num] = { name, NR_PROTO_SENDER_##sender },
static const type_info types[NR_PROTO_MSG_LIMIT] = { NR_PROTO_MESSAGES(TYPE_ROW_) };

/* rules[type][tag]: a tag named twice in one message is an initializer
 * overridden, which -Woverride-init (-Wextra) refuses. */
#define REQ(tag) [NR_PROTO_TAG_##tag] = NR_PROTO_REQUIRED,
#define OPT(tag) [NR_PROTO_TAG_##tag] = NR_PROTO_OPTIONAL,
#define RULE_ROW_(num, NAME, name, sender, attrs) [num] = { attrs },
static const uint8_t rules[NR_PROTO_MSG_LIMIT][NR_PROTO_TAG_LIMIT] = { NR_PROTO_MESSAGES(RULE_ROW_) };
#undef REQ
#undef OPT

/* added[type][tag]: the version that allowed tag in type, when after the
 * first (0: version 1's rule). */
#define ADDED_ROW_(version, TYPE, TAG) [NR_PROTO_MSG_##TYPE][NR_PROTO_TAG_##TAG] = version,
static const uint8_t added[NR_PROTO_MSG_LIMIT][NR_PROTO_TAG_LIMIT] = { NR_PROTO_ADDED(ADDED_ROW_) };

/* widened[tag]: the version that let tag be longer, and its longest value
 * before that version (0: never widened). */
#define WIDENED_ROW_(version, TAG, before) [NR_PROTO_TAG_##TAG] = { version, before },
static const struct {
    uint16_t since;
    uint32_t before;
} widened[NR_PROTO_TAG_LIMIT] = { NR_PROTO_WIDENED(WIDENED_ROW_) };

/* Numbers start at 1 and follow each other in the order written. */
#define TAG_INDEX_(num, NAME, ...) TAG_INDEX_##NAME,
enum { NR_PROTO_TAGS(TAG_INDEX_) TAG_COUNT_ };
#define TYPE_INDEX_(num, NAME, ...) TYPE_INDEX_##NAME,
enum { NR_PROTO_MESSAGES(TYPE_INDEX_) TYPE_COUNT_ };

#define CHECK_TAG_(num, NAME, name, kind, max)                                                           \
    _Static_assert(NR_PROTO_TAG_##NAME == TAG_INDEX_##NAME + 1, "tag " #NAME ": numbers follow each other"); \
    _Static_assert(NR_PROTO_KIND_##kind != NR_PROTO_KIND_U32 || (max) == 4, "tag " #NAME ": a u32 is 4");   \
    _Static_assert(NR_PROTO_KIND_##kind != NR_PROTO_KIND_U64 || (max) == 8, "tag " #NAME ": a u64 is 8");   \
    _Static_assert((max) <= NR_PROTO_MAX_MESSAGE - NR_PROTO_HEADER_SIZE - NR_PROTO_ATTR_HEADER,            \
                   "tag " #NAME ": its longest value fits in a message");
NR_PROTO_TAGS(CHECK_TAG_)
#define CHECK_TYPE_(num, NAME, ...)                                                                      \
    _Static_assert(NR_PROTO_MSG_##NAME == TYPE_INDEX_##NAME + 1, "type " #NAME ": numbers follow each other");
NR_PROTO_MESSAGES(CHECK_TYPE_)
_Static_assert(NR_PROTO_TAG_LIMIT == TAG_COUNT_ + 1, "tags are numbered 1 to their count");
_Static_assert(NR_PROTO_MSG_LIMIT == TYPE_COUNT_ + 1, "types are numbered 1 to their count");
_Static_assert(NR_PROTO_TAG_LIMIT <= 0xffff && NR_PROTO_MSG_LIMIT <= 0xffff, "numbers fit in a u16");
#define CHECK_ADDED_(version, TYPE, TAG)                                                                 \
    _Static_assert((version) > NR_PROTO_VERSION_MIN && (version) <= NR_PROTO_VERSION,                    \
                   #TYPE "/" #TAG ": added in a later version this side speaks");
NR_PROTO_ADDED(CHECK_ADDED_)
#define CHECK_WIDENED_(version, TAG, before)                                                             \
    _Static_assert((version) > NR_PROTO_VERSION_MIN && (version) <= NR_PROTO_VERSION,                    \
                   #TAG ": widened in a later version this side speaks");
NR_PROTO_WIDENED(CHECK_WIDENED_)

const char *nr_proto_tag_name(uint16_t tag)
{
    return tag < NR_PROTO_TAG_LIMIT ? tags[tag].name : NULL;
}

nr_proto_kind nr_proto_tag_kind(uint16_t tag)
{
    return tag < NR_PROTO_TAG_LIMIT ? tags[tag].kind : 0;
}

size_t nr_proto_tag_max(uint16_t tag)
{
    return tag < NR_PROTO_TAG_LIMIT ? tags[tag].max : 0;
}

size_t nr_proto_tag_max_in(uint16_t tag, uint16_t version)
{
    if (tag >= NR_PROTO_TAG_LIMIT)
        return 0;
    if (widened[tag].since && version < widened[tag].since)
        return widened[tag].before;
    return tags[tag].max;
}

uint16_t nr_proto_len_version(uint16_t tag, size_t len)
{
    if (tag < NR_PROTO_TAG_LIMIT && widened[tag].since && len > widened[tag].before)
        return widened[tag].since;
    return NR_PROTO_VERSION_MIN;
}

const char *nr_proto_type_name(uint16_t type)
{
    return type < NR_PROTO_MSG_LIMIT ? types[type].name : NULL;
}

nr_proto_sender nr_proto_type_sender(uint16_t type)
{
    return type < NR_PROTO_MSG_LIMIT ? types[type].sender : 0;
}

nr_proto_rule nr_proto_type_rule(uint16_t type, uint16_t tag)
{
    if (type >= NR_PROTO_MSG_LIMIT || tag >= NR_PROTO_TAG_LIMIT)
        return NR_PROTO_REFUSED;
    return (nr_proto_rule)rules[type][tag];
}

uint16_t nr_proto_rule_version(uint16_t type, uint16_t tag)
{
    if (nr_proto_type_rule(type, tag) == NR_PROTO_REFUSED)
        return 0;
    return added[type][tag] ? added[type][tag] : NR_PROTO_VERSION_MIN;
}

/* ---- the checks every attribute passes ------------------------------------------------------- */

/* "WHAT N (NAME)", or "WHAT N" without a name. */
static const char *label(const char *what, unsigned n, const char *name, char *buf, size_t size)
{
    if (name)
        snprintf(buf, size, "%s %u (%s)", what, n, name);
    else
        snprintf(buf, size, "%s %u", what, n);
    return buf;
}

const char *nr_proto__tag_label(uint16_t tag, char *buf, size_t size)
{
    return label("attribute", tag, nr_proto_tag_name(tag), buf, size);
}

const char *nr_proto__type_label(uint16_t type, char *buf, size_t size)
{
    return label("message", type, nr_proto_type_name(type), buf, size);
}

const char *nr_proto__kind_name(nr_proto_kind kind)
{
    switch (kind) {
    case NR_PROTO_KIND_U32: return "a u32";
    case NR_PROTO_KIND_U64: return "a u64";
    case NR_PROTO_KIND_STR: return "text";
    case NR_PROTO_KIND_SECRET: return "a secret";
    case NR_PROTO_KIND_BYTES: return "octets";
    }
    return "nothing";
}

uint32_t nr_proto__check_version(uint16_t type, uint16_t version, uint16_t tag, uint32_t code, nr_error *err)
{
    char label[NR_PROTO_LABEL_SIZE], tlabel[NR_PROTO_LABEL_SIZE];
    uint16_t since = nr_proto_rule_version(type, tag);

    if (since <= version)
        return 0;
    return nr_error_set(err, code, 0, "%s is not allowed in %s of protocol version %u (only from version %u)",
                        nr_proto__tag_label(tag, label, sizeof label), nr_proto__type_label(type, tlabel, sizeof tlabel),
                        version, since);
}

uint32_t nr_proto__check_attr(uint16_t type, uint16_t version, uint16_t tag, size_t len, const bool *seen,
                              uint32_t code, nr_error *err)
{
    char label[NR_PROTO_LABEL_SIZE], tlabel[NR_PROTO_LABEL_SIZE];
    nr_proto_kind kind = nr_proto_tag_kind(tag);

    nr_proto__tag_label(tag, label, sizeof label);
    if (!kind)
        return nr_error_set(err, code, 0, "%s is unknown", label);
    if (nr_proto_type_rule(type, tag) == NR_PROTO_REFUSED)
        return nr_error_set(err, code, 0, "%s is not allowed in %s", label,
                            nr_proto__type_label(type, tlabel, sizeof tlabel));
    if (nr_proto__check_version(type, version, tag, code, err))
        return code;
    if (seen[tag])
        return nr_error_set(err, code, 0, "%s appears twice", label);
    if ((kind == NR_PROTO_KIND_U32 || kind == NR_PROTO_KIND_U64) && len != tags[tag].max)
        return nr_error_set(err, code, 0, "%s is %zu octets, %s is %u", label, len, nr_proto__kind_name(kind),
                            tags[tag].max);
    if (len > tags[tag].max)
        return nr_error_set(err, code, 0, "%s is %zu octets, at most %u", label, len, tags[tag].max);
    if (len > nr_proto_tag_max_in(tag, version))
        return nr_error_set(err, code, 0, "%s is %zu octets, at most %zu in protocol version %u (%u octets only "
                            "from version %u)", label, len, nr_proto_tag_max_in(tag, version), version,
                            tags[tag].max, widened[tag].since);
    return 0;
}

uint32_t nr_proto__check_text(uint16_t tag, const char *s, size_t n, uint32_t code, nr_error *err)
{
    char label[NR_PROTO_LABEL_SIZE];
    const char *nul = memchr(s, '\0', n);
    size_t bad;

    if (nul)
        return nr_error_set(err, code, 0, "%s has a NUL at octet %zu", nr_proto__tag_label(tag, label, sizeof label),
                            (size_t)(nul - s));
    bad = nr_utf8_invalid_at(s);
    if (bad != (size_t)-1)
        return nr_error_set(err, code, 0, "%s is not UTF-8 (octet %zu)", nr_proto__tag_label(tag, label, sizeof label),
                            bad);
    return 0;
}

uint32_t nr_proto__check_required(uint16_t type, const bool *seen, uint32_t code, nr_error *err)
{
    char label[NR_PROTO_LABEL_SIZE], tlabel[NR_PROTO_LABEL_SIZE];

    for (uint16_t tag = 1; tag < NR_PROTO_TAG_LIMIT; tag++)
        if (rules[type][tag] == NR_PROTO_REQUIRED && !seen[tag])
            return nr_error_set(err, code, 0, "%s needs %s", nr_proto__type_label(type, tlabel, sizeof tlabel),
                                nr_proto__tag_label(tag, label, sizeof label));
    return 0;
}

/* ---- version negotiation --------------------------------------------------------------------- */

uint32_t nr_proto_negotiate(uint32_t peer_min, uint32_t peer_max, uint16_t *chosen, nr_error *err)
{
    uint32_t lo = peer_min > NR_PROTO_VERSION_MIN ? peer_min : NR_PROTO_VERSION_MIN;
    uint32_t hi = peer_max < NR_PROTO_VERSION ? peer_max : NR_PROTO_VERSION;

    if (chosen)
        *chosen = 0;
    if (peer_min > peer_max)
        return nr_error_set(err, NR_PROTO_ERROR_MALFORMED, 0,
                            "the client's lowest protocol version (%u) is above its highest (%u)", peer_min,
                            peer_max);
    if (lo > hi)
        return nr_error_set(err, NR_PROTO_ERROR_VERSION, 0,
                            "the client speaks protocol versions %u to %u; this side %u to %u", peer_min, peer_max,
                            NR_PROTO_VERSION_MIN, NR_PROTO_VERSION);
    if (chosen)
        *chosen = (uint16_t)hi;
    nr_error_clear(err);
    return 0;
}

/* ---- reading a decoded message --------------------------------------------------------------- */

void nr_proto_msg_clear(nr_proto_msg *msg)
{
    if (!msg)
        return;
    if (msg->data) {
        explicit_bzero(msg->data, msg->size);
        free(msg->data);
    }
    explicit_bzero(msg, sizeof *msg);
}

/* The value of tag when present and of kind, else NULL. */
static const nr_proto_value *value_of(const nr_proto_msg *msg, uint16_t tag, nr_proto_kind kind)
{
    if (!msg || tag >= NR_PROTO_TAG_LIMIT || !msg->values[tag].present || tags[tag].kind != kind)
        return NULL;
    return &msg->values[tag];
}

bool nr_proto_has(const nr_proto_msg *msg, uint16_t tag)
{
    return msg && tag < NR_PROTO_TAG_LIMIT && msg->values[tag].present;
}

uint32_t nr_proto_get_u32(const nr_proto_msg *msg, uint16_t tag, uint32_t absent)
{
    const nr_proto_value *v = value_of(msg, tag, NR_PROTO_KIND_U32);
    return v ? (uint32_t)v->num : absent;
}

uint64_t nr_proto_get_u64(const nr_proto_msg *msg, uint16_t tag, uint64_t absent)
{
    const nr_proto_value *v = value_of(msg, tag, NR_PROTO_KIND_U64);
    return v ? v->num : absent;
}

const char *nr_proto_get_str(const nr_proto_msg *msg, uint16_t tag)
{
    const nr_proto_value *v = value_of(msg, tag, NR_PROTO_KIND_STR);
    return v ? (const char *)msg->data + v->off : NULL;
}

const char *nr_proto_get_secret(const nr_proto_msg *msg, uint16_t tag)
{
    const nr_proto_value *v = value_of(msg, tag, NR_PROTO_KIND_SECRET);
    return v ? (const char *)msg->data + v->off : NULL;
}

const uint8_t *nr_proto_get_bytes(const nr_proto_msg *msg, uint16_t tag, size_t *len)
{
    const nr_proto_value *v = value_of(msg, tag, NR_PROTO_KIND_BYTES);
    if (len)
        *len = v ? v->len : 0;
    return v ? msg->data + v->off : NULL;
}

/* ---- the log line ---------------------------------------------------------------------------- */

/* A line being written into buf: what fits is written, need counts all. */
typedef struct line {
    char *buf;
    size_t size, need;
} line;

__attribute__((format(printf, 2, 3))) static void add(line *l, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(l->need < l->size ? l->buf + l->need : NULL, l->need < l->size ? l->size - l->need : 0, fmt, ap);
    va_end(ap);
    if (n > 0)
        l->need += (size_t)n;
}

static void add_text(line *l, const char *s)
{
    add(l, "\"");
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            add(l, "\\%c", *p);
        else if (*p < 0x20 || *p == 0x7f)
            add(l, "\\x%02x", *p);
        else
            add(l, "%c", *p);
    }
    add(l, "\"");
}

size_t nr_proto_msg_describe(const nr_proto_msg *msg, char *buf, size_t size)
{
    line l = { .buf = buf, .size = size };
    const char *name = nr_proto_type_name(msg->type);

    if (size)
        buf[0] = '\0';
    if (name)
        add(&l, "%s seq %u:", name, msg->seq);
    else
        add(&l, "type %u seq %u:", msg->type, msg->seq);
    for (uint16_t tag = 1; tag < NR_PROTO_TAG_LIMIT; tag++) {
        const nr_proto_value *v = &msg->values[tag];
        if (!v->present)
            continue;
        add(&l, " %s=", tags[tag].name);
        switch (tags[tag].kind) {
        case NR_PROTO_KIND_U32:
        case NR_PROTO_KIND_U64: add(&l, "%llu", (unsigned long long)v->num); break;
        case NR_PROTO_KIND_STR: add_text(&l, (const char *)msg->data + v->off); break;
        case NR_PROTO_KIND_SECRET: add(&l, "(secret)"); break;
        case NR_PROTO_KIND_BYTES: add(&l, "(%u octets)", v->len); break;
        }
    }
    return l.need;
}
