/*
 * proto.h - the wire protocol between libnetrouter-ras and the RAS
 * connection service (docs/service.md, "The protocol"): building a message
 * into a caller's buffer, decoding one with every check, reading its
 * attributes.  Pure encoding and decoding: no sockets, no global state,
 * reentrant; one builder or message per thread at a time.  Internal:
 * nothing here is installed or exported.
 *
 * A message is one packet of at most NR_PROTO_MAX_MESSAGE octets: a
 * 16-octet header (network byte order: "NRRS", version u16, type u16, seq
 * u32, payload length u32), then attributes, each tag u16, length u16,
 * value.  proto-list.h lists the attributes and the message types, and
 * what a later version added.  The version in the header is the lowest
 * that holds what the message carries, so that any peer reads a message
 * that carries nothing newer than the version it negotiated.
 *
 *     uint8_t pkt[NR_PROTO_MAX_MESSAGE];
 *     nr_proto_builder b;
 *     nr_error err;
 *     size_t len;
 *
 *     nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_DIAL, 7);
 *     nr_proto_put_str(&b, NR_PROTO_TAG_ENTRY, "Office");
 *     nr_proto_put_secret(&b, NR_PROTO_TAG_PASSWORD, password);
 *     if (nr_proto_build_end(&b, &len, &err) == 0)
 *         send(fd, pkt, len, MSG_NOSIGNAL);        // one SOCK_SEQPACKET packet
 *     nr_proto_build_clear(&b);                    // the password is in pkt
 *
 *     nr_proto_msg m;                              // the other side
 *     ssize_t n = recv(fd, pkt, sizeof pkt, MSG_TRUNC);
 *     if (n < 0 || nr_proto_decode(pkt, (size_t)n, &m, &err) != 0)
 *         ... close this client, log err.detail ...
 *     else if (m.type == NR_PROTO_MSG_DIAL)
 *         dial(nr_proto_get_str(&m, NR_PROTO_TAG_ENTRY), nr_proto_get_secret(&m, NR_PROTO_TAG_PASSWORD));
 *     nr_proto_msg_clear(&m);                      // wipes the copy of the password
 *     explicit_bzero(pkt, sizeof pkt);             // and the packet's
 *
 * Failures are reported in an nr_error (nr-error.h) whose detail names the
 * problem ("attribute 12 (entry) is 1300 octets, at most 1024"); never a
 * secret's value.
 */
#ifndef NR_RAS_PROTO_H
#define NR_RAS_PROTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "nr-error.h"
#include "proto-list.h"

/* ---- the header ----------------------------------------------------------------------------- */

#define NR_PROTO_MAGIC        "NRRS"
#define NR_PROTO_HEADER_SIZE  16
#define NR_PROTO_ATTR_HEADER  4
/* The longest message, header included: one recv() buffer of this size
 * (with MSG_TRUNC, which reports a longer packet's real length) holds any
 * valid message. */
#define NR_PROTO_MAX_MESSAGE  16384
/* The protocol versions this side speaks: 1 to 2.  Version 2 added
 * what NR_PROTO_ADDED (proto-list.h) lists. */
#define NR_PROTO_VERSION_MIN  1
#define NR_PROTO_VERSION      2

/* ---- the codes of the failures --------------------------------------------------------------- */

/* A message that is not well formed (every decoding failure but the next). */
#define NR_PROTO_ERROR_MALFORMED ERROR_BUFFER_INVALID /* 610 */
/* A message of a protocol version this side does not speak; no common
 * version in HELLO (nr_proto_negotiate). */
#define NR_PROTO_ERROR_VERSION ERROR_NOT_SUPPORTED    /* 50 */
/* The builder's message would exceed its buffer or NR_PROTO_MAX_MESSAGE. */
#define NR_PROTO_ERROR_TOO_BIG ERROR_BUFFER_TOO_SMALL /* 603 */
/* The builder was asked for what no valid message holds: an attribute the
 * type does not allow or of another kind, twice, too long, text that is not
 * UTF-8, a required attribute missing; an unknown type. */
#define NR_PROTO_ERROR_USAGE ERROR_INVALID_PARAMETER  /* 87 */
/* No memory for a decoded message. */
#define NR_PROTO_ERROR_MEMORY ERROR_ALLOCATING_MEMORY /* 664 */

/* ---- the vocabulary (from proto-list.h) ------------------------------------------------------ */

typedef enum nr_proto_kind {
    NR_PROTO_KIND_U32 = 1,
    NR_PROTO_KIND_U64,
    NR_PROTO_KIND_STR,
    NR_PROTO_KIND_SECRET,
    NR_PROTO_KIND_BYTES,
} nr_proto_kind;

typedef enum nr_proto_sender {
    NR_PROTO_SENDER_CLIENT = 1,
    NR_PROTO_SENDER_SERVICE,
} nr_proto_sender;

#define NR_PROTO_TAG_ENUM_(num, NAME, name, kind, max) NR_PROTO_TAG_##NAME = num,
enum nr_proto_tag { NR_PROTO_TAGS(NR_PROTO_TAG_ENUM_) NR_PROTO_TAG_END_ };
#undef NR_PROTO_TAG_ENUM_
/* One more than the highest attribute tag. */
#define NR_PROTO_TAG_LIMIT ((unsigned)NR_PROTO_TAG_END_)

#define NR_PROTO_MSG_ENUM_(num, NAME, name, sender, tags) NR_PROTO_MSG_##NAME = num,
enum nr_proto_type { NR_PROTO_MESSAGES(NR_PROTO_MSG_ENUM_) NR_PROTO_MSG_END_ };
#undef NR_PROTO_MSG_ENUM_
/* One more than the highest message type. */
#define NR_PROTO_MSG_LIMIT ((unsigned)NR_PROTO_MSG_END_)

/* An attribute's name ("entry"), kind (0 for an unknown tag) and longest
 * value; a message type's name ("dial") and sender (0 when unknown).  The
 * names are NULL for an unknown number. */
__attribute__((visibility("hidden"))) const char *nr_proto_tag_name(uint16_t tag);
__attribute__((visibility("hidden"))) nr_proto_kind nr_proto_tag_kind(uint16_t tag);
__attribute__((visibility("hidden"))) size_t nr_proto_tag_max(uint16_t tag);
__attribute__((visibility("hidden"))) const char *nr_proto_type_name(uint16_t type);
__attribute__((visibility("hidden"))) nr_proto_sender nr_proto_type_sender(uint16_t type);

/* What a message type says of a tag. */
typedef enum nr_proto_rule {
    NR_PROTO_REFUSED = 0,
    NR_PROTO_OPTIONAL,
    NR_PROTO_REQUIRED,
} nr_proto_rule;
__attribute__((visibility("hidden"))) nr_proto_rule nr_proto_type_rule(uint16_t type, uint16_t tag);
/* The protocol version from which a message of type may carry tag: 1 for
 * the first version's rules, the version NR_PROTO_ADDED names for a later
 * addition, 0 when type refuses tag (or either is unknown). */
__attribute__((visibility("hidden"))) uint16_t nr_proto_rule_version(uint16_t type, uint16_t tag);
/* The longest value of tag in a message of that protocol version (shorter
 * than nr_proto_tag_max() before a version that widened it:
 * NR_PROTO_WIDENED), and the lowest version that allows a value of len
 * octets of tag (NR_PROTO_VERSION_MIN for any that fits version 1). */
__attribute__((visibility("hidden"))) size_t nr_proto_tag_max_in(uint16_t tag, uint16_t version);
__attribute__((visibility("hidden"))) uint16_t nr_proto_len_version(uint16_t tag, size_t len);

/* ---- version negotiation --------------------------------------------------------------------- */

/* The service's answer to a HELLO whose VERSION_MIN and VERSION_MAX are
 * peer_min and peer_max: the highest version both speak, in *chosen.
 * NR_PROTO_ERROR_VERSION when there is none ("the client speaks protocol
 * versions 2 to 3; this side 1 to 1"), NR_PROTO_ERROR_MALFORMED when
 * peer_min > peer_max. */
__attribute__((visibility("hidden"))) uint32_t nr_proto_negotiate(uint32_t peer_min, uint32_t peer_max,
                                                                  uint16_t *chosen, nr_error *err);

/* ---- building a message ---------------------------------------------------------------------- */

typedef struct nr_proto_builder {
    uint8_t *buf;
    size_t size;                      /* of buf, at most NR_PROTO_MAX_MESSAGE of it used */
    size_t len;                       /* octets written, the header's included */
    uint16_t type;
    uint16_t version;                 /* nr_proto_build_set_version's, else 0 (the lowest that holds it) */
    bool wipe;                        /* buf holds a secret */
    bool seen[NR_PROTO_TAG_LIMIT];
    uint16_t min_version;             /* the lowest version whose lengths hold every value put */
    nr_error err;                     /* the first failure; every call after it does nothing */
} nr_proto_builder;

/* Starts a message of type with the request number seq in buf (size
 * octets, at least NR_PROTO_HEADER_SIZE), to be written in the lowest
 * protocol version that holds every attribute put (1 unless one of them
 * was added later: NR_PROTO_ADDED), chosen by nr_proto_build_end().
 * Every nr_proto_put_*() appends one attribute, checked as the decoder
 * would check it (allowed in type, of that kind, at most once, not too
 * long, UTF-8 text without NUL, fits in the message), or records the
 * failure in the builder: then it and every later call return that code
 * and write nothing, so a caller may put everything and look once, at
 * nr_proto_build_end().  Each returns 0 or the builder's failure. */
__attribute__((visibility("hidden"))) uint32_t nr_proto_build_init(nr_proto_builder *b, void *buf, size_t size,
                                                                   uint16_t type, uint32_t seq);
__attribute__((visibility("hidden"))) uint32_t nr_proto_put_u32(nr_proto_builder *b, uint16_t tag, uint32_t v);
__attribute__((visibility("hidden"))) uint32_t nr_proto_put_u64(nr_proto_builder *b, uint16_t tag, uint64_t v);
__attribute__((visibility("hidden"))) uint32_t nr_proto_put_str(nr_proto_builder *b, uint16_t tag,
                                                                const char *s);
__attribute__((visibility("hidden"))) uint32_t nr_proto_put_secret(nr_proto_builder *b, uint16_t tag,
                                                                   const char *s);
__attribute__((visibility("hidden"))) uint32_t nr_proto_put_bytes(nr_proto_builder *b, uint16_t tag,
                                                                  const void *p, size_t n);

/* Writes the message in version instead (NR_PROTO_VERSION_MIN to
 * NR_PROTO_VERSION): an attribute that version does not allow in the type,
 * put before or after, is refused (NR_PROTO_ERROR_USAGE).  For whoever
 * must reproduce a message exactly (a decoded message written again).
 * 0 or the builder's failure. */
__attribute__((visibility("hidden"))) uint32_t nr_proto_build_set_version(nr_proto_builder *b, uint16_t version);

/* Checks that every required attribute is there and writes the version
 * and the payload length: 0 and the message's length in *len, or the
 * builder's failure (also copied into err, which may be NULL) and *len 0. */
__attribute__((visibility("hidden"))) uint32_t nr_proto_build_end(nr_proto_builder *b, size_t *len,
                                                                  nr_error *err);

/* Wipes what the builder wrote into buf (explicit_bzero) when it holds a
 * secret: call it once the packet is sent or given up.  The builder may be
 * started again afterwards. */
__attribute__((visibility("hidden"))) void nr_proto_build_clear(nr_proto_builder *b);

/* ---- decoding a message ---------------------------------------------------------------------- */

/* One attribute of a decoded message. */
typedef struct nr_proto_value {
    bool present;
    uint16_t len;                     /* of the value on the wire */
    uint32_t off;                     /* text and octets: where in data (NUL-terminated there) */
    uint64_t num;                     /* U32, U64 */
} nr_proto_value;

typedef struct nr_proto_msg {
    uint16_t version;
    uint16_t type;                    /* NR_PROTO_MSG_* */
    uint32_t seq;
    uint8_t *data;                    /* the text and octets, each followed by a NUL; NULL if none */
    size_t size;                      /* of data: never more than the payload */
    nr_proto_value values[NR_PROTO_TAG_LIMIT]; /* by tag */
} nr_proto_msg;

/* Decodes the packet buf of len octets into msg (whose earlier content is
 * overwritten, not freed: clear it first).  Checks everything: the header
 * (length, magic, version, type, payload length equal to the rest of the
 * packet exactly), every attribute (known tag, allowed in the type in the
 * message's version, not twice, within the payload, the kind's length, at most the tag's longest
 * value, text UTF-8 without NUL) and the type's required attributes.
 * Reads nothing outside buf and allocates at most the payload's length; a
 * len above NR_PROTO_MAX_MESSAGE is refused before any octet is read, so
 * the length recv() reports with MSG_TRUNC may be passed as it is.
 * Returns 0, or NR_PROTO_ERROR_MALFORMED, NR_PROTO_ERROR_VERSION or
 * NR_PROTO_ERROR_MEMORY with err (may be NULL) saying why; then msg holds
 * no attribute (its type and seq are those of the header, when it had
 * one, for the log).  The packet itself is the caller's to wipe. */
__attribute__((visibility("hidden"))) uint32_t nr_proto_decode(const void *buf, size_t len, nr_proto_msg *msg,
                                                               nr_error *err);

/* Releases msg's copy of the values, wiping it first (secrets included),
 * and leaves msg empty; a zeroed or cleared msg may be cleared again. */
__attribute__((visibility("hidden"))) void nr_proto_msg_clear(nr_proto_msg *msg);

/* The attributes of a decoded message.  nr_proto_has: the attribute is
 * there.  The getters return the value of an attribute of their kind, else
 * (absent, or of another kind) absent / NULL: nr_proto_get_str reads STR
 * attributes only, nr_proto_get_secret SECRET ones only.  The text and
 * octets stay valid until nr_proto_msg_clear(). */
__attribute__((visibility("hidden"))) bool nr_proto_has(const nr_proto_msg *msg, uint16_t tag);
__attribute__((visibility("hidden"))) uint32_t nr_proto_get_u32(const nr_proto_msg *msg, uint16_t tag,
                                                                uint32_t absent);
__attribute__((visibility("hidden"))) uint64_t nr_proto_get_u64(const nr_proto_msg *msg, uint16_t tag,
                                                                uint64_t absent);
__attribute__((visibility("hidden"))) const char *nr_proto_get_str(const nr_proto_msg *msg, uint16_t tag);
__attribute__((visibility("hidden"))) const char *nr_proto_get_secret(const nr_proto_msg *msg, uint16_t tag);
__attribute__((visibility("hidden"))) const uint8_t *nr_proto_get_bytes(const nr_proto_msg *msg, uint16_t tag,
                                                                        size_t *len);

/* One line for a log: 'dial seq 7: entry="Office" password=(secret)
 * data=(12 octets)', attributes in tag order, text escaped (\", \\,
 * \xNN for control octets), secrets and octets never shown.  Writes at
 * most size octets, NUL included (size 0: nothing); returns the length the
 * whole line needs, as snprintf. */
__attribute__((visibility("hidden"))) size_t nr_proto_msg_describe(const nr_proto_msg *msg, char *buf,
                                                                   size_t size);

#endif
