/*
 * ppp-auth.h - the authenticating side (the peer asks, we prove who we are)
 * of PAP (RFC 1334), CHAP with MD5 (RFC 1994) and MS-CHAP version 2
 * (RFC 2759, with its password change).
 *
 * It owns one authentication exchange: PAP Authenticate-Requests with their
 * retransmissions, CHAP Responses to every Challenge (MD5 of Identifier,
 * secret and challenge, computed with nettle; or the MS-CHAPv2 NT-Response
 * of ppp-mschap.h, whose Success must prove the server knows the password
 * too), the result and the server's message.  An MS-CHAPv2 server that
 * reports an expired password (E=648) leaves the exchange waiting in
 * NR_PPP_AUTH_EXPIRED for nr_ppp_auth_change_password().  No I/O: packets
 * leave through the send callback, time comes from the injected clock.
 *
 *     nr_ppp_auth a;
 *     nr_ppp_auth_init(&a, &cfg, &callbacks, me, NULL);   // user, password, timers
 *     nr_ppp_auth_start(&a, NR_PPP_PROTO_CHAP);           // after LCP opened with <auth chap MD5>
 *     ... nr_ppp_auth_input(&a, NR_PPP_PROTO_CHAP, info, len);
 *     ... callbacks->done(ctx, NR_PPP_AUTH_OK / _FAILED / _TIMEOUT, a.message)
 */
#ifndef NR_RAS_PPP_AUTH_H
#define NR_RAS_PPP_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ppp-fsm.h"

#define NR_PPP_AUTH_MAX_NAME 255   /* PAP Peer-ID / Password length field */
#define NR_PPP_AUTH_MAX_MESSAGE 256

typedef enum nr_ppp_auth_result {
    NR_PPP_AUTH_PENDING = 0,
    NR_PPP_AUTH_OK,
    NR_PPP_AUTH_FAILED,   /* PAP Nak or CHAP Failure: RAS 691 */
    NR_PPP_AUTH_TIMEOUT,  /* no answer after max_requests tries / no Challenge */
    NR_PPP_AUTH_EXPIRED,  /* MS-CHAPv2 E=648: nr_ppp_auth_change_password() may follow */
} nr_ppp_auth_result;

typedef struct nr_ppp_auth_config {
    const char *user;         /* PAP Peer-ID, CHAP Name (copied) */
    const char *password;     /* PAP Password, CHAP secret (copied) */
    unsigned restart_ms;      /* PAP retransmission / CHAP wait step; 0 = 3000 */
    unsigned max_requests;    /* PAP requests, CHAP wait periods; 0 = 10 */
} nr_ppp_auth_config;

typedef struct nr_ppp_auth_callbacks {
    /* A packet (header included) to frame under protocol. Required. */
    void (*send)(void *ctx, uint16_t protocol, const uint8_t *pkt, size_t len);
    /* The exchange ended (or, with NR_PPP_AUTH_EXPIRED, waits for a new
     * password); message is the server's text ("" if none). */
    void (*done)(void *ctx, nr_ppp_auth_result result, const char *message);
} nr_ppp_auth_callbacks;

typedef struct nr_ppp_auth {
    const nr_ppp_auth_callbacks *cb;
    void *ctx;
    nr_ppp_clock clock;
    char user[NR_PPP_AUTH_MAX_NAME + 1];
    char password[NR_PPP_AUTH_MAX_NAME + 1];
    unsigned restart_ms, max_requests;
    uint16_t protocol;        /* 0 until started */
    nr_ppp_auth_result result;
    char message[NR_PPP_AUTH_MAX_MESSAGE];
    uint8_t id;               /* PAP: our Identifier; CHAP: the last Challenge's */
    unsigned tries;
    uint64_t deadline;
    uint8_t algorithm;        /* CHAP: NR_PPP_CHAP_MD5 or NR_PPP_CHAP_MSV2 */
    unsigned error;           /* why it failed, as a RAS error: 691, or an MS-CHAP server's
                                 E= (646, 647, 648, 649, 709), or 778 (the server did not
                                 prove it knows the password); 0 while none */
    uint8_t last_response[49];/* CHAP: answer to a retransmitted Challenge (MD5: 16 octets) */
    bool have_response;
    /* MS-CHAPv2: what the Success must be checked against, and the
     * challenge a password change answers */
    uint8_t ms_auth_challenge[16], ms_peer_challenge[16], ms_nt_response[24];
    uint8_t ms_change_challenge[16];
    uint8_t ms_change[4 + 582];/* a Change-Password sent, for retransmission */
    bool ms_changing;
    char ms_new_password[NR_PPP_AUTH_MAX_NAME + 1];
} nr_ppp_auth;

void nr_ppp_auth_init(nr_ppp_auth *a, const nr_ppp_auth_config *cfg, const nr_ppp_auth_callbacks *cb, void *ctx,
                      const nr_ppp_clock *clock);
/* Wipes the password from memory. */
void nr_ppp_auth_clear(nr_ppp_auth *a);
/* Starts authenticating with NR_PPP_PROTO_PAP (sends the first request) or
 * NR_PPP_PROTO_CHAP (waits for the Challenge). Returns 0 or -1 for another
 * protocol. */
int nr_ppp_auth_start(nr_ppp_auth *a, uint16_t protocol);
/* The same, for CHAP with the algorithm LCP agreed (NR_PPP_CHAP_MD5 or
 * NR_PPP_CHAP_MSV2); nr_ppp_auth_start() is this with MD5. */
int nr_ppp_auth_start_algorithm(nr_ppp_auth *a, uint16_t protocol, uint8_t algorithm);
/* After NR_PPP_AUTH_EXPIRED: sends the MS-CHAPv2 Change-Password with
 * new_password (the old one is the configured password) and waits for the
 * server's verdict again (done() once more).  0, or -1 when not expired or
 * the password cannot be encoded. */
int nr_ppp_auth_change_password(nr_ppp_auth *a, const char *new_password);
/* A PAP or CHAP packet from the peer. CHAP Challenges are answered even
 * after success (RFC 1994 allows repeated challenges). */
void nr_ppp_auth_input(nr_ppp_auth *a, uint16_t protocol, const uint8_t *pkt, size_t len);
uint64_t nr_ppp_auth_deadline(const nr_ppp_auth *a);
void nr_ppp_auth_timeout(nr_ppp_auth *a);

/* CHAP-MD5 response: MD5(id || secret || challenge) into out[16]. */
void nr_ppp_chap_md5(uint8_t id, const void *secret, size_t secret_len, const void *challenge,
                     size_t challenge_len, uint8_t out[16]);

#endif /* NR_RAS_PPP_AUTH_H */
