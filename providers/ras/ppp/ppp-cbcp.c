/*
 * ppp-cbcp.c - building and reading CBCP packets (see ppp-cbcp.h).
 *
 * Layout: Code, Identifier, Length (2), then options: Type, Length, and
 * but for "no callback" a Callback-Delay, and for a number an Address-Type
 * (1: PSTN/ISDN) and the number as a NUL-terminated string.  Readers are lenient about what
 * follows the delay; writers send exactly that layout.
 */
#include "config.h"

#include <string.h>

#include "ppp-cbcp.h"

#define HEADER 4

/* Walks the options of pkt; calls fn for each (type, data after type and
 * length, data length); -1 when the packet or an option is malformed. */
static int each_option(const uint8_t *pkt, size_t len, uint8_t code, void (*fn)(void *, int, const uint8_t *, size_t),
                       void *ctx)
{
    size_t total, at = HEADER;
    if (!pkt || len < HEADER || pkt[0] != code)
        return -1;
    total = (size_t)pkt[2] << 8 | pkt[3];
    if (total < HEADER || total > len)
        return -1;
    while (at < total) {
        if (total - at < 2 || pkt[at + 1] < 2 || pkt[at + 1] > total - at)
            return -1;
        fn(ctx, pkt[at], pkt + at + 2, (size_t)pkt[at + 1] - 2);
        at += pkt[at + 1];
    }
    return 0;
}

static void offer_option(void *ctx, int type, const uint8_t *data, size_t n)
{
    nr_cbcp_offer *o = ctx;
    if (type == NR_CBCP_NO_CALLBACK)
        o->no_callback = true;
    else if (type == NR_CBCP_CALLER_NUMBER)
        o->caller_number = true;
    else if (type == NR_CBCP_PRESET_NUMBER)
        o->preset_number = true;
    else
        return; /* a list of numbers, or something newer: not offered to us */
    if (n >= 1 && data[0] > o->delay)
        o->delay = data[0];
}

int nr_cbcp_parse_request(const uint8_t *pkt, size_t len, nr_cbcp_offer *out)
{
    memset(out, 0, sizeof *out);
    if (each_option(pkt, len, NR_CBCP_REQUEST, offer_option, out) != 0)
        return -1;
    out->id = pkt[1];
    return out->no_callback || out->caller_number || out->preset_number ? 0 : -1;
}

size_t nr_cbcp_build_response(uint8_t *buf, size_t cap, uint8_t id, int type, uint8_t delay, const char *number)
{
    size_t nlen = type == NR_CBCP_CALLER_NUMBER && number ? strlen(number) : 0;
    /* no callback: type and length only; else the delay, and for a number
     * the address type and the number */
    size_t olen = type == NR_CBCP_NO_CALLBACK ? 2 : type == NR_CBCP_CALLER_NUMBER ? 3 + 1 + nlen + 1 : 3;
    size_t total = HEADER + olen;
    if ((type == NR_CBCP_CALLER_NUMBER && (!number || !*number)) || nlen > NR_CBCP_MAX_NUMBER || total > cap)
        return 0;
    buf[0] = NR_CBCP_RESPONSE;
    buf[1] = id;
    buf[2] = (uint8_t)(total >> 8);
    buf[3] = (uint8_t)total;
    buf[4] = (uint8_t)type;
    buf[5] = (uint8_t)olen;
    if (olen > 2)
        buf[6] = delay;
    if (type == NR_CBCP_CALLER_NUMBER) {
        buf[7] = 1; /* PSTN/ISDN */
        memcpy(buf + 8, number, nlen + 1);
    }
    return total;
}

static void ack_option(void *ctx, int type, const uint8_t *data, size_t n)
{
    nr_cbcp_ack *a = ctx;
    if (a->type)
        return; /* the first option is the one agreed */
    a->type = type;
    a->delay = n >= 1 ? data[0] : 0;
    if (type == NR_CBCP_CALLER_NUMBER && n >= 2) {
        size_t len = n - 2;
        const uint8_t *nul = memchr(data + 2, '\0', len);
        if (nul)
            len = (size_t)(nul - (data + 2));
        if (len > NR_CBCP_MAX_NUMBER)
            len = NR_CBCP_MAX_NUMBER;
        memcpy(a->number, data + 2, len);
        a->number[len] = '\0';
    }
}

int nr_cbcp_parse_ack(const uint8_t *pkt, size_t len, uint8_t id, nr_cbcp_ack *out)
{
    memset(out, 0, sizeof *out);
    if (each_option(pkt, len, NR_CBCP_ACK, ack_option, out) != 0 || pkt[1] != id || !out->type)
        return -1;
    return 0;
}
