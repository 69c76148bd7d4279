/*
 * ppp-cbcp.h - the caller's side of the Microsoft Callback Control Protocol
 * (PPP protocol 0xC029, draft-ietf-pppext-callback-cp-02), run after
 * authentication when LCP agreed to a callback (option 13, operation 6):
 * the server's Callback Request lists what it offers (no callback, a
 * number the caller chooses, a number the administrator set), the caller
 * picks one in a Callback Response, and the server's Callback Ack seals it;
 * with a callback the server then ends the link and calls back.
 *
 * Two parts: pure functions over packets (header included; no state, no
 * I/O), and nr_ppp_cbcp, one Callback phase.  nr_ppp_cbcp answers the
 * Request from its configuration (a number, or none) or waits for the
 * owner's nr_ppp_cbcp_answer(), retransmits the Response until the Ack
 * comes, and reports the end through its callbacks.  It knows nothing of
 * the link that owns it: packets leave through send(), time comes from the
 * injected clock, and the link maps each result to its phase or RAS error.
 *
 *     nr_cbcp_offer o;
 *     if (nr_cbcp_parse_request(pkt, len, &o) == 0 && o.caller_number) {
 *         n = nr_cbcp_build_response(buf, sizeof buf, o.id, NR_CBCP_CALLER_NUMBER, o.delay, "5550199");
 *         ... send buf, then nr_cbcp_parse_ack(reply, rlen, o.id, &ack) ...
 *     }
 *
 *     nr_ppp_cbcp c;
 *     nr_ppp_cbcp_init(&c, &(nr_ppp_cbcp_config){ .number = "5550199" }, &callbacks, me, NULL);
 *     nr_ppp_cbcp_start(&c);                        // after authentication
 *     ... nr_ppp_cbcp_input(&c, pkt, len);          // every CBCP packet of the phase
 *     ... nr_ppp_cbcp_timeout(&c) at nr_ppp_cbcp_deadline(&c)
 *     ... callbacks->done(ctx, NR_PPP_CBCP_AGREED, "5550199")
 */
#ifndef NR_RAS_PPP_CBCP_H
#define NR_RAS_PPP_CBCP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ppp-fsm.h"

enum { NR_CBCP_REQUEST = 1, NR_CBCP_RESPONSE = 2, NR_CBCP_ACK = 3 };

/* Callback option types. */
enum { NR_CBCP_NO_CALLBACK = 1, NR_CBCP_CALLER_NUMBER = 2, NR_CBCP_PRESET_NUMBER = 3, NR_CBCP_NUMBER_LIST = 4 };

#define NR_CBCP_MAX_NUMBER 128

/* What a Callback Request offers. */
typedef struct nr_cbcp_offer {
    uint8_t id;
    bool no_callback;     /* the caller may decline */
    bool caller_number;   /* the caller may name the number */
    bool preset_number;   /* the server calls a number of its own */
    uint8_t delay;        /* seconds before the call back (the largest offered) */
} nr_cbcp_offer;

/* What a Callback Ack confirms. */
typedef struct nr_cbcp_ack {
    int type;             /* NR_CBCP_NO_CALLBACK, _CALLER_NUMBER or _PRESET_NUMBER */
    uint8_t delay;
    char number[NR_CBCP_MAX_NUMBER + 1];
} nr_cbcp_ack;

/* 0, or -1 when pkt is not a well-formed Callback Request offering anything. */
int nr_cbcp_parse_request(const uint8_t *pkt, size_t len, nr_cbcp_offer *out);

/* A Callback Response choosing type (number only with NR_CBCP_CALLER_NUMBER);
 * the packet's length, or 0 when it does not fit or the number is too long. */
size_t nr_cbcp_build_response(uint8_t *buf, size_t cap, uint8_t id, int type, uint8_t delay, const char *number);

/* 0 when pkt is the Callback Ack of Identifier id, else -1. */
int nr_cbcp_parse_ack(const uint8_t *pkt, size_t len, uint8_t id, nr_cbcp_ack *out);

/* ---- one Callback phase ---------------------------------------------------------------------- */

/* The longest sentence done() gives, NUL included (as long as a link's
 * error text, so the link can pass it on unshortened). */
#define NR_PPP_CBCP_MAX_TEXT 320

/* How the phase ended; the comments say what a link makes of each. */
typedef enum nr_ppp_cbcp_result {
    NR_PPP_CBCP_NOT_OFFERED = 1, /* no Callback Request within the wait: on without a callback */
    NR_PPP_CBCP_DECLINED,        /* the server acknowledged "no callback": on without one */
    NR_PPP_CBCP_AGREED,          /* the server acknowledged a callback (text: the number, or "the
                                    server's own number"); it now hangs up and calls back */
    NR_PPP_CBCP_NO_CHOICE,       /* the server calls back only a number the caller names, and none
                                    was given (ERROR_PPP_NOT_CONVERGING) */
    NR_PPP_CBCP_NUMBER_TOO_LONG, /* the number does not fit a Response (ERROR_PPP_INVALID_PACKET) */
    NR_PPP_CBCP_UNANSWERED,      /* no Ack after max_requests Responses (ERROR_PPP_TIMEOUT) */
} nr_ppp_cbcp_result;

typedef struct nr_ppp_cbcp_config {
    const char *number;       /* the answer to an offer: a number, "" for no callback, NULL to ask
                                 the owner when the server lets the caller name one (copied; at
                                 most NR_CBCP_MAX_NUMBER characters are kept) */
    uint8_t min_delay_s;      /* the least Callback-Delay asked for; 0 = 5 (pppd's) */
    unsigned wait_ms;         /* how long to wait for the Request; 0 = 10000 */
    unsigned restart_ms;      /* Response retransmission; 0 = 3000 */
    unsigned max_requests;    /* Responses sent before giving up; 0 = 10 */
} nr_ppp_cbcp_config;

typedef struct nr_ppp_cbcp_callbacks {
    /* A CBCP packet (header included) to frame. Required. */
    void (*send)(void *ctx, const uint8_t *pkt, size_t len);
    /* The first Callback Request of the phase came; ask: the answer waits
     * for nr_ppp_cbcp_answer(). Called before any answer goes out. Optional. */
    void (*offered)(void *ctx, const nr_cbcp_offer *offer, bool ask);
    /* The phase ended (once); text is one sentence (at most
     * NR_PPP_CBCP_MAX_TEXT - 1 characters). Required. */
    void (*done)(void *ctx, nr_ppp_cbcp_result result, const char *text);
} nr_ppp_cbcp_callbacks;

typedef struct nr_ppp_cbcp {
    const nr_ppp_cbcp_callbacks *cb;
    void *ctx;
    nr_ppp_clock clock;
    bool ask;                 /* the configured number was NULL */
    char number[NR_CBCP_MAX_NUMBER + 1];
    uint8_t min_delay_s;
    unsigned wait_ms, restart_ms, max_requests;
    nr_cbcp_offer offer;      /* the server's, with the Identifier of its last Request */
    bool offer_seen;          /* a Callback Request came */
    bool asking;              /* offered() said ask; no answer yet */
    bool finished;            /* done() was called */
    int type;                 /* the answer: NR_CBCP_* */
    uint8_t delay;
    char answer[NR_CBCP_MAX_NUMBER + 1];
    uint8_t response[8 + NR_CBCP_MAX_NUMBER];
    size_t response_len;      /* 0 until answered */
    unsigned tries;
    uint64_t deadline;        /* 0 = none */
} nr_ppp_cbcp;

void nr_ppp_cbcp_init(nr_ppp_cbcp *c, const nr_ppp_cbcp_config *cfg, const nr_ppp_cbcp_callbacks *cb, void *ctx,
                      const nr_ppp_clock *clock);
/* The phase begins: waits wait_ms for the server's Callback Request. */
void nr_ppp_cbcp_start(nr_ppp_cbcp *c);
/* A CBCP packet from the server: a Request is answered (a repeated one,
 * under its new Identifier, with the same answer), the Ack of our Response
 * ends the phase; anything else, malformed or short is ignored. */
void nr_ppp_cbcp_input(nr_ppp_cbcp *c, const uint8_t *pkt, size_t len);
/* Whether the phase waits for nr_ppp_cbcp_answer(). */
bool nr_ppp_cbcp_asking(const nr_ppp_cbcp *c);
/* After offered(..., ask = true): answers with number ("" or NULL: no
 * callback, if the server allows that).  0, or -1 when nothing was asked. */
int nr_ppp_cbcp_answer(nr_ppp_cbcp *c, const char *number);
/* The next timer (monotonic ms of the clock), 0 if none. */
uint64_t nr_ppp_cbcp_deadline(const nr_ppp_cbcp *c);
/* Runs the timer when it is due: no Request yet ends the phase
 * (NR_PPP_CBCP_NOT_OFFERED); an unacknowledged Response goes out again,
 * or after max_requests of them the phase fails (NR_PPP_CBCP_UNANSWERED). */
void nr_ppp_cbcp_timeout(nr_ppp_cbcp *c);

#endif /* NR_RAS_PPP_CBCP_H */
