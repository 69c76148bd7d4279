/*
 * ppp-cbcp.h - the caller's side of the Microsoft Callback Control Protocol
 * (PPP protocol 0xC029, draft-ietf-pppext-callback-cp-02), run after
 * authentication when LCP agreed to a callback (option 13, operation 6):
 * the server's Callback Request lists what it offers (no callback, a
 * number the caller chooses, a number the administrator set), the caller
 * picks one in a Callback Response, and the server's Callback Ack seals it;
 * with a callback the server then ends the link and calls back.
 *
 * Pure functions over packets (header included); no state, no I/O.
 *
 *     nr_cbcp_offer o;
 *     if (nr_cbcp_parse_request(pkt, len, &o) == 0 && o.caller_number) {
 *         n = nr_cbcp_build_response(buf, sizeof buf, o.id, NR_CBCP_CALLER_NUMBER, o.delay, "5550199");
 *         ... send buf, then nr_cbcp_parse_ack(reply, rlen, o.id, &ack) ...
 *     }
 */
#ifndef NR_RAS_PPP_CBCP_H
#define NR_RAS_PPP_CBCP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

#endif /* NR_RAS_PPP_CBCP_H */
