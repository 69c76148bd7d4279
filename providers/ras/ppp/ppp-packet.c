/*
 * ppp-packet.c - the PPP control-packet format (RFC 1661 sections 5 and 6):
 * header validation, option iteration and packet builders declared in
 * ppp-packet.h.  It checks every length against the caller's buffer and
 * never reads or writes outside it; it decides nothing about negotiation.
 */
#include "config.h"

#include <string.h>

#include "ppp-packet.h"

const char *nr_ppp_strerror(int err)
{
    switch (err) {
    case NR_PPP_OK:
        return "success";
    case NR_PPP_ERR_SHORT:
        return "PPP packet shorter than its 4-octet header";
    case NR_PPP_ERR_LENGTH:
        return "PPP packet Length field is below 4";
    case NR_PPP_ERR_TRUNCATED:
        return "PPP packet Length field exceeds the octets received";
    case NR_PPP_ERR_OPTION:
        return "PPP option with a Length below 2 or running past the end of the packet";
    case NR_PPP_ERR_NOSPACE:
        return "buffer too small for the PPP packet";
    case NR_PPP_ERR_INVAL:
        return "invalid argument for a PPP packet";
    default:
        return "unknown error";
    }
}

/* ---- parsing -------------------------------------------------------------------------------- */

int nr_ppp_packet_parse(const void *buf, size_t len, nr_ppp_packet *pkt)
{
    const uint8_t *p = buf;

    if (!pkt)
        return NR_PPP_ERR_INVAL;
    memset(pkt, 0, sizeof *pkt);
    if (!buf && len)
        return NR_PPP_ERR_INVAL;
    if (len < NR_PPP_HEADER_LEN)
        return NR_PPP_ERR_SHORT;
    uint16_t length = nr_ppp_get_u16(p + 2);
    if (length < NR_PPP_HEADER_LEN)
        return NR_PPP_ERR_LENGTH;
    if (length > len)
        return NR_PPP_ERR_TRUNCATED;
    pkt->code = p[0];
    pkt->id = p[1];
    pkt->length = length;
    pkt->data = p + NR_PPP_HEADER_LEN;
    pkt->data_len = (size_t)length - NR_PPP_HEADER_LEN;
    return NR_PPP_OK;
}

int nr_ppp_packet_magic(const nr_ppp_packet *pkt, uint32_t *magic)
{
    if (!pkt || !magic)
        return NR_PPP_ERR_INVAL;
    if (pkt->data_len < 4)
        return NR_PPP_ERR_SHORT;
    *magic = nr_ppp_get_u32(pkt->data);
    return NR_PPP_OK;
}

int nr_ppp_packet_rejected_protocol(const nr_ppp_packet *pkt, uint16_t *protocol)
{
    if (!pkt || !protocol)
        return NR_PPP_ERR_INVAL;
    if (pkt->data_len < 2)
        return NR_PPP_ERR_SHORT;
    *protocol = nr_ppp_get_u16(pkt->data);
    return NR_PPP_OK;
}

/* ---- options -------------------------------------------------------------------------------- */

void nr_ppp_opt_iter_init(nr_ppp_opt_iter *it, const void *opts, size_t len)
{
    if (!it)
        return;
    it->opts = opts;
    it->len = opts ? len : 0;
    it->pos = 0;
    it->err = NR_PPP_OK;
}

int nr_ppp_opt_next(nr_ppp_opt_iter *it, nr_ppp_option *opt)
{
    if (!it || !opt)
        return NR_PPP_ERR_INVAL;
    memset(opt, 0, sizeof *opt);
    if (it->pos >= it->len && !it->err)
        return 0;

    const uint8_t *p = it->opts + it->pos;
    size_t left = it->len - it->pos;
    opt->offset = it->pos;
    opt->type = p[0];
    if (it->err)
        return it->err; /* same description as the first time */
    if (left < 2 || p[1] < 2 || p[1] > left) {
        opt->length = left >= 2 ? p[1] : 0;
        it->err = NR_PPP_ERR_OPTION;
        return it->err;
    }
    opt->length = p[1];
    opt->raw = p;
    opt->data = p + 2;
    opt->data_len = (size_t)p[1] - 2;
    it->pos += p[1];
    return 1;
}

int nr_ppp_opt_count(const void *opts, size_t len)
{
    nr_ppp_opt_iter it;
    nr_ppp_option opt;
    int n = 0, rc;

    nr_ppp_opt_iter_init(&it, opts, len);
    while ((rc = nr_ppp_opt_next(&it, &opt)) > 0)
        n++;
    return rc < 0 ? rc : n;
}

int nr_ppp_opt_find(const void *opts, size_t len, uint8_t type, nr_ppp_option *opt)
{
    nr_ppp_opt_iter it;
    int rc;

    if (!opt)
        return NR_PPP_ERR_INVAL;
    nr_ppp_opt_iter_init(&it, opts, len);
    while ((rc = nr_ppp_opt_next(&it, opt)) > 0)
        if (opt->type == type)
            return 1;
    return rc;
}

/* ---- building ------------------------------------------------------------------------------- */

void nr_ppp_build_begin(nr_ppp_builder *b, void *buf, size_t size, uint8_t code, uint8_t id)
{
    if (!b)
        return;
    b->buf = buf;
    b->size = buf ? size : 0;
    b->len = 0;
    b->err = NR_PPP_OK;
    uint8_t header[NR_PPP_HEADER_LEN] = { code, id, 0, 0 }; /* Length set by nr_ppp_build_end() */
    nr_ppp_build_bytes(b, header, sizeof header);
}

void nr_ppp_build_bytes(nr_ppp_builder *b, const void *data, size_t len)
{
    if (!b)
        return;
    if (!data && len) {
        b->err = NR_PPP_ERR_INVAL;
        return;
    }
    if (len && b->len < b->size)
        memcpy(b->buf + b->len, data, len <= b->size - b->len ? len : b->size - b->len);
    b->len += len;
}

void nr_ppp_build_u16(nr_ppp_builder *b, uint16_t v)
{
    uint8_t o[2] = { (uint8_t)(v >> 8), (uint8_t)v };
    nr_ppp_build_bytes(b, o, sizeof o);
}

void nr_ppp_build_u32(nr_ppp_builder *b, uint32_t v)
{
    uint8_t o[4] = { (uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v };
    nr_ppp_build_bytes(b, o, sizeof o);
}

void nr_ppp_build_option(nr_ppp_builder *b, uint8_t type, const void *data, size_t len)
{
    if (!b)
        return;
    if (len > 253) {
        b->err = NR_PPP_ERR_INVAL;
        return;
    }
    uint8_t head[2] = { type, (uint8_t)(len + 2) };
    nr_ppp_build_bytes(b, head, sizeof head);
    nr_ppp_build_bytes(b, data, len);
}

void nr_ppp_build_opt_u16(nr_ppp_builder *b, uint8_t type, uint16_t v)
{
    uint8_t o[2] = { (uint8_t)(v >> 8), (uint8_t)v };
    nr_ppp_build_option(b, type, o, sizeof o);
}

void nr_ppp_build_opt_u32(nr_ppp_builder *b, uint8_t type, uint32_t v)
{
    uint8_t o[4] = { (uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v };
    nr_ppp_build_option(b, type, o, sizeof o);
}

void nr_ppp_build_opt_copy(nr_ppp_builder *b, const nr_ppp_option *opt)
{
    if (!b)
        return;
    if (!opt || !opt->raw || opt->length < 2) {
        b->err = NR_PPP_ERR_INVAL;
        return;
    }
    nr_ppp_build_bytes(b, opt->raw, opt->length);
}

int nr_ppp_build_end(nr_ppp_builder *b, size_t *out_len)
{
    if (!b || !out_len)
        return NR_PPP_ERR_INVAL;
    *out_len = b->len;
    if (b->err)
        return b->err;
    if (b->len > 65535) {
        b->err = NR_PPP_ERR_INVAL;
        return b->err;
    }
    if (b->len > b->size)
        return NR_PPP_ERR_NOSPACE;
    b->buf[2] = (uint8_t)(b->len >> 8);
    b->buf[3] = (uint8_t)b->len;
    return NR_PPP_OK;
}

int nr_ppp_build_configure(void *buf, size_t size, uint8_t code, uint8_t id, const void *options,
                           size_t options_len, size_t *out_len)
{
    nr_ppp_builder b;

    if (code < NR_PPP_CONF_REQ || code > NR_PPP_CONF_REJ)
        return NR_PPP_ERR_INVAL;
    nr_ppp_build_begin(&b, buf, size, code, id);
    nr_ppp_build_bytes(&b, options, options_len);
    return nr_ppp_build_end(&b, out_len);
}

int nr_ppp_build_terminate(void *buf, size_t size, uint8_t code, uint8_t id, const void *data, size_t len,
                           size_t *out_len)
{
    nr_ppp_builder b;

    if (code != NR_PPP_TERM_REQ && code != NR_PPP_TERM_ACK)
        return NR_PPP_ERR_INVAL;
    nr_ppp_build_begin(&b, buf, size, code, id);
    nr_ppp_build_bytes(&b, data, len);
    return nr_ppp_build_end(&b, out_len);
}

/* How much of a len-octet payload fits after overhead octets within peer_mru. */
static size_t fit(size_t len, size_t overhead, size_t peer_mru)
{
    if (peer_mru == 0)
        return len;
    size_t room = peer_mru > overhead ? peer_mru - overhead : 0;
    return len < room ? len : room;
}

int nr_ppp_build_code_reject(void *buf, size_t size, uint8_t id, const void *rejected, size_t rejected_len,
                             size_t peer_mru, size_t *out_len)
{
    nr_ppp_builder b;

    nr_ppp_build_begin(&b, buf, size, NR_PPP_CODE_REJ, id);
    nr_ppp_build_bytes(&b, rejected, fit(rejected_len, NR_PPP_HEADER_LEN, peer_mru));
    return nr_ppp_build_end(&b, out_len);
}

int nr_ppp_build_protocol_reject(void *buf, size_t size, uint8_t id, uint16_t protocol, const void *info,
                                 size_t info_len, size_t peer_mru, size_t *out_len)
{
    nr_ppp_builder b;

    nr_ppp_build_begin(&b, buf, size, NR_PPP_PROTOCOL_REJ, id);
    nr_ppp_build_u16(&b, protocol);
    nr_ppp_build_bytes(&b, info, fit(info_len, NR_PPP_HEADER_LEN + 2, peer_mru));
    return nr_ppp_build_end(&b, out_len);
}

static int build_magic(void *buf, size_t size, uint8_t code, uint8_t id, uint32_t magic, const void *data,
                       size_t len, size_t *out_len)
{
    nr_ppp_builder b;

    nr_ppp_build_begin(&b, buf, size, code, id);
    nr_ppp_build_u32(&b, magic);
    nr_ppp_build_bytes(&b, data, len);
    return nr_ppp_build_end(&b, out_len);
}

int nr_ppp_build_echo_request(void *buf, size_t size, uint8_t id, uint32_t magic, const void *data, size_t len,
                              size_t *out_len)
{
    return build_magic(buf, size, NR_PPP_ECHO_REQ, id, magic, data, len, out_len);
}

int nr_ppp_build_echo_reply(void *buf, size_t size, uint8_t id, uint32_t magic, const void *data, size_t len,
                            size_t *out_len)
{
    return build_magic(buf, size, NR_PPP_ECHO_REPLY, id, magic, data, len, out_len);
}

int nr_ppp_build_discard_request(void *buf, size_t size, uint8_t id, uint32_t magic, const void *data,
                                 size_t len, size_t *out_len)
{
    return build_magic(buf, size, NR_PPP_DISCARD_REQ, id, magic, data, len, out_len);
}
