/*
 * ppp-cbcp.c - CBCP packets and the caller's side of one Callback phase
 * (see ppp-cbcp.h).
 *
 * Layout: Code, Identifier, Length (2), then options: Type, Length, and
 * but for "no callback" a Callback-Delay, and for a number an Address-Type
 * (1: PSTN/ISDN) and the number as a NUL-terminated string.  Readers are lenient about what
 * follows the delay; writers send exactly that layout.
 *
 * Invariants of nr_ppp_cbcp: done() is called at most once, and after it
 * nothing is sent and the deadline is 0; the state is settled before any
 * callback runs.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
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

/* ---- one Callback phase ---------------------------------------------------------------------- */

/* How long to wait for the server's CBCP Callback Request after
 * authentication before going on without a callback. */
#define WAIT_MS 10000

/* The least Callback-Delay we ask for, in seconds (pppd asks for 5). */
#define CALLBACK_DELAY_S 5

void nr_ppp_cbcp_init(nr_ppp_cbcp *c, const nr_ppp_cbcp_config *cfg, const nr_ppp_cbcp_callbacks *cb, void *ctx,
                      const nr_ppp_clock *clock)
{
    memset(c, 0, sizeof *c);
    c->cb = cb;
    c->ctx = ctx;
    if (clock)
        c->clock = *clock;
    c->ask = !cfg || !cfg->number;
    snprintf(c->number, sizeof c->number, "%s", cfg && cfg->number ? cfg->number : "");
    c->min_delay_s = cfg && cfg->min_delay_s ? cfg->min_delay_s : CALLBACK_DELAY_S;
    c->wait_ms = cfg && cfg->wait_ms ? cfg->wait_ms : WAIT_MS;
    c->restart_ms = cfg && cfg->restart_ms ? cfg->restart_ms : 3000;
    c->max_requests = cfg && cfg->max_requests ? cfg->max_requests : 10;
}

void nr_ppp_cbcp_start(nr_ppp_cbcp *c)
{
    c->deadline = nr_ppp_clock_now(&c->clock) + c->wait_ms;
}

static void finish(nr_ppp_cbcp *c, nr_ppp_cbcp_result r, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void finish(nr_ppp_cbcp *c, nr_ppp_cbcp_result r, const char *fmt, ...)
{
    char text[NR_PPP_CBCP_MAX_TEXT];
    va_list ap;

    c->finished = true;
    c->asking = false;
    c->deadline = 0;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    c->cb->done(c->ctx, r, text);
}

static void send_response(nr_ppp_cbcp *c)
{
    c->tries++;
    c->deadline = nr_ppp_clock_now(&c->clock) + c->restart_ms;
    c->cb->send(c->ctx, c->response, c->response_len);
}

/* Chooses from the offer: the number when there is one and the server lets
 * the caller name it, else no callback, else the server's own number. */
static void answer(nr_ppp_cbcp *c, const char *number)
{
    int type = number && *number && c->offer.caller_number ? NR_CBCP_CALLER_NUMBER
               : c->offer.no_callback                      ? NR_CBCP_NO_CALLBACK
               : c->offer.preset_number                    ? NR_CBCP_PRESET_NUMBER
                                                           : 0;
    if (!type) {
        finish(c, NR_PPP_CBCP_NO_CHOICE, "%s",
               "The server calls back only a number the caller names, and none was given.");
        return;
    }
    c->type = type;
    snprintf(c->answer, sizeof c->answer, "%s", type == NR_CBCP_CALLER_NUMBER ? number : "");
    /* The delay is the caller's to state: time enough to hang up and get
     * ready for the call, at least what the server proposed. */
    c->delay = c->offer.delay > c->min_delay_s ? c->offer.delay : c->min_delay_s;
    c->response_len =
        nr_cbcp_build_response(c->response, sizeof c->response, c->offer.id, type, c->delay, c->answer);
    if (!c->response_len) {
        finish(c, NR_PPP_CBCP_NUMBER_TOO_LONG, "The callback number \"%s\" cannot be sent (too long).", number);
        return;
    }
    c->tries = 0;
    send_response(c);
}

static void request_input(nr_ppp_cbcp *c, const nr_cbcp_offer *offer)
{
    bool ask;

    if (c->offer_seen) {
        /* A retransmission (servers use a new Identifier each time): the
         * same answer under the new Identifier, asked only once. */
        c->offer.id = offer->id;
        if (c->response_len) {
            c->response_len = nr_cbcp_build_response(c->response, sizeof c->response, offer->id, c->type, c->delay,
                                                     c->answer);
            send_response(c);
        }
        return;
    }
    c->offer = *offer;
    c->offer_seen = true;
    c->response_len = 0;
    ask = c->ask && offer->caller_number;
    if (ask) {
        c->asking = true; /* the owner answers with nr_ppp_cbcp_answer() */
        c->deadline = 0;
    }
    if (c->cb->offered)
        c->cb->offered(c->ctx, &c->offer, ask);
    if (!ask && !c->finished)
        answer(c, c->number);
}

void nr_ppp_cbcp_input(nr_ppp_cbcp *c, const uint8_t *pkt, size_t len)
{
    nr_cbcp_offer offer;
    nr_cbcp_ack ack;

    if (c->finished)
        return;
    if (nr_cbcp_parse_request(pkt, len, &offer) == 0) {
        request_input(c, &offer);
    } else if (c->response_len && nr_cbcp_parse_ack(pkt, len, c->offer.id, &ack) == 0) {
        if (ack.type == NR_CBCP_NO_CALLBACK)
            finish(c, NR_PPP_CBCP_DECLINED, "%s", "The server acknowledged no callback.");
        else
            finish(c, NR_PPP_CBCP_AGREED, "%s", ack.number[0] ? ack.number : "the server's own number");
    }
}

bool nr_ppp_cbcp_asking(const nr_ppp_cbcp *c)
{
    return c->asking;
}

int nr_ppp_cbcp_answer(nr_ppp_cbcp *c, const char *number)
{
    if (!c->asking)
        return -1;
    c->asking = false;
    answer(c, number ? number : "");
    return 0;
}

uint64_t nr_ppp_cbcp_deadline(const nr_ppp_cbcp *c)
{
    return c->deadline;
}

void nr_ppp_cbcp_timeout(nr_ppp_cbcp *c)
{
    if (!c->deadline || nr_ppp_clock_now(&c->clock) < c->deadline)
        return;
    if (!c->response_len)
        finish(c, NR_PPP_CBCP_NOT_OFFERED, "%s", "The server sent no Callback Request (CBCP).");
    else if (c->tries >= c->max_requests)
        finish(c, NR_PPP_CBCP_UNANSWERED, "%s", "The server did not acknowledge the callback answer (CBCP).");
    else
        send_response(c);
}
