/*
 * proto-internal.h - what the codec's files share (proto.c offers it to
 * proto-decode.c and proto-build.c, which call down into it and never into
 * each other): the checks an attribute must pass whoever wrote it, and the
 * way an attribute or message type is named in a detail sentence.  Not for
 * the codec's users.
 */
#ifndef NR_RAS_PROTO_INTERNAL_H
#define NR_RAS_PROTO_INTERNAL_H

#include "proto.h"

/* "attribute 12 (entry)", or "attribute 999" for an unknown tag, into buf. */
#define NR_PROTO_LABEL_SIZE 48
__attribute__((visibility("hidden"))) const char *nr_proto__tag_label(uint16_t tag, char *buf, size_t size);
/* "message 4 (dial)", or "message 99", into buf. */
__attribute__((visibility("hidden"))) const char *nr_proto__type_label(uint16_t type, char *buf, size_t size);
/* "a u32", "a u64", "text", "a secret", "octets". */
__attribute__((visibility("hidden"))) const char *nr_proto__kind_name(nr_proto_kind kind);

/* The checks of an attribute of len octets in a message of type (known)
 * and version whose attributes so far are marked in seen: a known tag,
 * allowed in the type in that version, not yet seen, the length of its
 * kind, at most its longest value.  0, or code with err saying which. */
__attribute__((visibility("hidden"))) uint32_t nr_proto__check_attr(uint16_t type, uint16_t version, uint16_t tag,
                                                                    size_t len, const bool *seen, uint32_t code,
                                                                    nr_error *err);

/* The check of an attribute of tag that type allows: whether a message of
 * version may carry it (NR_PROTO_ADDED).  0, or code with err saying from
 * which version it may. */
__attribute__((visibility("hidden"))) uint32_t nr_proto__check_version(uint16_t type, uint16_t version, uint16_t tag,
                                                                       uint32_t code, nr_error *err);

/* The checks of a text value s of n octets (s[n] is its NUL): no NUL
 * inside, UTF-8 throughout.  0, or code with err saying which. */
__attribute__((visibility("hidden"))) uint32_t nr_proto__check_text(uint16_t tag, const char *s, size_t n,
                                                                    uint32_t code, nr_error *err);

/* The checks of a finished message: every attribute its type requires is
 * in seen.  0, or code with err naming the first one missing. */
__attribute__((visibility("hidden"))) uint32_t nr_proto__check_required(uint16_t type, const bool *seen,
                                                                        uint32_t code, nr_error *err);

#endif
