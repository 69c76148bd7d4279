/*
 * ppp-packet.h - PPP numbers and the control-packet format shared by LCP,
 * IPCP and the other NCPs (RFC 1661 sections 5 and 6): parsing the
 * Code/Identifier/Length header, walking Type/Length/Data options, and
 * building every LCP packet into a caller's buffer.
 *
 * It owns the packet format only: no state machine, no negotiation policy,
 * no I/O and no allocation. Framing is hdlc.h's job.
 *
 * Reading a Configure-Request:
 *
 *     nr_ppp_packet pkt;
 *     nr_ppp_opt_iter it;
 *     nr_ppp_option opt;
 *     int rc;
 *     if (nr_ppp_packet_parse(info, len, &pkt) != NR_PPP_OK)
 *         return;                                   // RFC 1661: silently discard
 *     nr_ppp_opt_iter_init(&it, pkt.data, pkt.data_len);
 *     while ((rc = nr_ppp_opt_next(&it, &opt)) > 0)
 *         if (opt.type == NR_PPP_LCP_OPT_MRU && opt.data_len == 2)
 *             mru = nr_ppp_get_u16(opt.data);
 *     if (rc < 0)
 *         ...;                                      // malformed option at opt.offset
 *
 * Building one:
 *
 *     nr_ppp_builder b;
 *     size_t n;
 *     nr_ppp_build_begin(&b, buf, sizeof buf, NR_PPP_CONF_REQ, id);
 *     nr_ppp_build_opt_u16(&b, NR_PPP_LCP_OPT_MRU, 1500);
 *     nr_ppp_build_opt_u32(&b, NR_PPP_LCP_OPT_MAGIC, magic);
 *     if (nr_ppp_build_end(&b, &n) == NR_PPP_OK) ... // else n is the size needed
 */
#ifndef NR_RAS_PPP_PACKET_H
#define NR_RAS_PPP_PACKET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- protocol numbers ----------------------------------------------------------------------- */

#define NR_PPP_PROTO_IP 0x0021
#define NR_PPP_PROTO_VJ_COMP 0x002d
#define NR_PPP_PROTO_VJ_UNCOMP 0x002f
#define NR_PPP_PROTO_IPCP 0x8021
#define NR_PPP_PROTO_IPV6CP 0x8057
#define NR_PPP_PROTO_CCP 0x80fd
#define NR_PPP_PROTO_LCP 0xc021
#define NR_PPP_PROTO_PAP 0xc023
#define NR_PPP_PROTO_LQR 0xc025
#define NR_PPP_PROTO_CHAP 0xc223
#define NR_PPP_PROTO_CBCP 0xc029     /* Microsoft Callback Control Protocol */

/* ---- control packet codes (LCP uses 1-11, NCPs such as IPCP 1-7) ------------------------------ */

enum {
    NR_PPP_CONF_REQ = 1,
    NR_PPP_CONF_ACK = 2,
    NR_PPP_CONF_NAK = 3,
    NR_PPP_CONF_REJ = 4,
    NR_PPP_TERM_REQ = 5,
    NR_PPP_TERM_ACK = 6,
    NR_PPP_CODE_REJ = 7,
    NR_PPP_PROTOCOL_REJ = 8,
    NR_PPP_ECHO_REQ = 9,
    NR_PPP_ECHO_REPLY = 10,
    NR_PPP_DISCARD_REQ = 11,
};

/* ---- option types --------------------------------------------------------------------------- */

enum {
    NR_PPP_LCP_OPT_MRU = 1,       /* 2 octets */
    NR_PPP_LCP_OPT_ACCM = 2,      /* 4 octets */
    NR_PPP_LCP_OPT_AUTH = 3,      /* 2-octet protocol + data (CHAP: algorithm) */
    NR_PPP_LCP_OPT_QUALITY = 4,   /* 2-octet protocol + data */
    NR_PPP_LCP_OPT_MAGIC = 5,     /* 4 octets */
    NR_PPP_LCP_OPT_PFC = 7,       /* no data */
    NR_PPP_LCP_OPT_ACFC = 8,      /* no data */
    NR_PPP_LCP_OPT_CALLBACK = 13, /* 1-octet operation (6: CBCP), RFC 1570 */
};

#define NR_PPP_CHAP_MD5 5         /* CHAP algorithm in the auth-protocol option */
#define NR_PPP_CHAP_MSV2 0x81     /* MS-CHAP version 2 (RFC 2759) */

enum {
    NR_PPP_IPCP_OPT_COMPRESSION = 2, /* 2-octet protocol (0x002d VJ) + data */
    NR_PPP_IPCP_OPT_ADDRESS = 3,     /* 4 octets */
    NR_PPP_IPCP_OPT_DNS1 = 129,      /* RFC 1877, 4 octets */
    NR_PPP_IPCP_OPT_NBNS1 = 130,
    NR_PPP_IPCP_OPT_DNS2 = 131,
    NR_PPP_IPCP_OPT_NBNS2 = 132,
};

/* ---- errors --------------------------------------------------------------------------------- */

enum {
    NR_PPP_OK = 0,
    NR_PPP_ERR_SHORT = -1,     /* fewer than 4 octets: no complete header */
    NR_PPP_ERR_LENGTH = -2,    /* Length field below 4 */
    NR_PPP_ERR_TRUNCATED = -3, /* Length field beyond the octets received */
    NR_PPP_ERR_OPTION = -4,    /* option with Length below 2 or past the end */
    NR_PPP_ERR_NOSPACE = -5,   /* output buffer too small */
    NR_PPP_ERR_INVAL = -6,     /* invalid argument */
};

/* A sentence for an NR_PPP_* code ("unknown error" for others). */
const char *nr_ppp_strerror(int err);

/* ---- network byte order access -------------------------------------------------------------- */

static inline uint16_t nr_ppp_get_u16(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

static inline uint32_t nr_ppp_get_u32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* ---- parsing -------------------------------------------------------------------------------- */

#define NR_PPP_HEADER_LEN 4

typedef struct nr_ppp_packet {
    uint8_t code;
    uint8_t id;
    uint16_t length;       /* the Length field: header included */
    const uint8_t *data;   /* after the header, inside the caller's buffer */
    size_t data_len;       /* length - 4; octets past Length are padding and ignored */
} nr_ppp_packet;

/* Reads the header of the control packet in buf[0..len). Returns NR_PPP_OK,
 * NR_PPP_ERR_SHORT, NR_PPP_ERR_LENGTH, NR_PPP_ERR_TRUNCATED or
 * NR_PPP_ERR_INVAL. On error *pkt is zeroed. Unknown codes are not an error
 * here: the caller answers them with Code-Reject. */
int nr_ppp_packet_parse(const void *buf, size_t len, nr_ppp_packet *pkt);

/* The Magic-Number that starts Echo-Request/Reply and Discard-Request data.
 * Returns NR_PPP_OK, or NR_PPP_ERR_SHORT if the data holds fewer than 4 octets. */
int nr_ppp_packet_magic(const nr_ppp_packet *pkt, uint32_t *magic);

/* The protocol a Protocol-Reject names; the rejected information follows at
 * pkt->data + 2. Returns NR_PPP_OK or NR_PPP_ERR_SHORT. */
int nr_ppp_packet_rejected_protocol(const nr_ppp_packet *pkt, uint16_t *protocol);

/* ---- options -------------------------------------------------------------------------------- */

typedef struct nr_ppp_option {
    uint8_t type;
    uint8_t length;        /* the Length field: type and length octets included */
    const uint8_t *data;   /* length - 2 octets */
    size_t data_len;
    size_t offset;         /* of the option's Type octet from the start of the options */
    const uint8_t *raw;    /* the whole option (type, length, data): copy it into Ack/Nak/Rej */
} nr_ppp_option;

typedef struct nr_ppp_opt_iter {
    const uint8_t *opts;
    size_t len;
    size_t pos;
    int err;               /* sticky: once malformed, always malformed */
} nr_ppp_opt_iter;

void nr_ppp_opt_iter_init(nr_ppp_opt_iter *it, const void *opts, size_t len);

/* Returns 1 and fills *opt with the next option; 0 after the last one;
 * NR_PPP_ERR_OPTION if the next option is malformed (Length below 2, or
 * running past the end, or a lone Type octet), with opt->type, opt->length
 * (0 if missing) and opt->offset describing it and opt->data NULL. After an
 * error every further call returns the same error. */
int nr_ppp_opt_next(nr_ppp_opt_iter *it, nr_ppp_option *opt);

/* Number of options in opts[0..len), or NR_PPP_ERR_OPTION if any is malformed. */
int nr_ppp_opt_count(const void *opts, size_t len);

/* Finds the first option of the given type. Returns 1 (found, *opt filled),
 * 0 (absent) or NR_PPP_ERR_OPTION (malformed before it was found). */
int nr_ppp_opt_find(const void *opts, size_t len, uint8_t type, nr_ppp_option *opt);

/* ---- building ------------------------------------------------------------------------------- */

/* Writes into a caller's buffer. Errors are sticky and sizes keep being
 * counted past the end, so nr_ppp_build_end() can say how much was needed. */
typedef struct nr_ppp_builder {
    uint8_t *buf;
    size_t size;
    size_t len;            /* octets written or, past size, needed */
    int err;
} nr_ppp_builder;

/* Starts a packet with the given code and identifier. */
void nr_ppp_build_begin(nr_ppp_builder *b, void *buf, size_t size, uint8_t code, uint8_t id);
/* Appends raw octets to the data field. */
void nr_ppp_build_bytes(nr_ppp_builder *b, const void *data, size_t len);
void nr_ppp_build_u16(nr_ppp_builder *b, uint16_t v);
void nr_ppp_build_u32(nr_ppp_builder *b, uint32_t v);
/* Appends one option: Type, Length = 2 + len, Data. len above 253 is NR_PPP_ERR_INVAL. */
void nr_ppp_build_option(nr_ppp_builder *b, uint8_t type, const void *data, size_t len);
void nr_ppp_build_opt_u16(nr_ppp_builder *b, uint8_t type, uint16_t v);
void nr_ppp_build_opt_u32(nr_ppp_builder *b, uint8_t type, uint32_t v);
/* Appends an option read by nr_ppp_opt_next() as it was received. */
void nr_ppp_build_opt_copy(nr_ppp_builder *b, const nr_ppp_option *opt);
/* Writes the Length field. Returns NR_PPP_OK with *out_len the packet size,
 * NR_PPP_ERR_NOSPACE with *out_len the size needed, or NR_PPP_ERR_INVAL
 * (bad argument, an option too long, or a packet over 65535 octets). */
int nr_ppp_build_end(nr_ppp_builder *b, size_t *out_len);

/* One call per packet kind; all return like nr_ppp_build_end(). */

/* Configure-Request/Ack/Nak/Reject (code 1-4) carrying options[0..len)
 * verbatim (already encoded Type/Length/Data). */
int nr_ppp_build_configure(void *buf, size_t size, uint8_t code, uint8_t id, const void *options,
                           size_t options_len, size_t *out_len);
/* Terminate-Request/Ack (code 5 or 6) with optional data (e.g. a reason). */
int nr_ppp_build_terminate(void *buf, size_t size, uint8_t code, uint8_t id, const void *data, size_t len,
                           size_t *out_len);
/* Code-Reject carrying the rejected packet, truncated so the result fits
 * peer_mru (0: no limit) as RFC 1661 section 5.6 requires. */
int nr_ppp_build_code_reject(void *buf, size_t size, uint8_t id, const void *rejected, size_t rejected_len,
                             size_t peer_mru, size_t *out_len);
/* Protocol-Reject (LCP only) naming protocol and carrying the rejected
 * information field, truncated to fit peer_mru (0: no limit), section 5.7. */
int nr_ppp_build_protocol_reject(void *buf, size_t size, uint8_t id, uint16_t protocol, const void *info,
                                 size_t info_len, size_t peer_mru, size_t *out_len);
/* Echo-Request, Echo-Reply, Discard-Request: Magic-Number then data. */
int nr_ppp_build_echo_request(void *buf, size_t size, uint8_t id, uint32_t magic, const void *data, size_t len,
                              size_t *out_len);
int nr_ppp_build_echo_reply(void *buf, size_t size, uint8_t id, uint32_t magic, const void *data, size_t len,
                            size_t *out_len);
int nr_ppp_build_discard_request(void *buf, size_t size, uint8_t id, uint32_t magic, const void *data,
                                 size_t len, size_t *out_len);

#endif /* NR_RAS_PPP_PACKET_H */
