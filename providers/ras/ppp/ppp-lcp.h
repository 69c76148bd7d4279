/*
 * ppp-lcp.h - the Link Control Protocol (RFC 1661 section 6, RFC 1662
 * section 7.1) of the RAS dialer on top of ppp-fsm: the options we request
 * (MRU, ACCM 0, Magic-Number, PFC, ACFC), those we accept from the peer
 * (MRU, ACCM, Magic-Number, PFC, ACFC and an authentication protocol we can
 * do: PAP or CHAP-MD5), loopback detection, Echo keepalives and
 * Protocol-Reject.
 *
 * It owns LCP's packets and its negotiated results and nothing else: no I/O
 * (packets leave through the send callback), no framing (the caller applies
 * the results to hdlc.h when the up callback fires).
 *
 *     nr_ppp_lcp_config cfg = NR_PPP_LCP_CONFIG_DEFAULTS;
 *     cfg.allow_pap = cfg.allow_chap = true;
 *     nr_ppp_lcp lcp;
 *     nr_ppp_lcp_init(&lcp, &cfg, &callbacks, me, NULL);
 *     nr_ppp_lcp_start(&lcp);                  // Open + Up: sends Configure-Request
 *     ... nr_ppp_lcp_input(&lcp, info, len);    // every 0xc021 frame
 *     ... nr_ppp_lcp_timeout(&lcp) when nr_ppp_lcp_deadline() has passed
 */
#ifndef NR_RAS_PPP_LCP_H
#define NR_RAS_PPP_LCP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ppp-fsm.h"

typedef struct nr_ppp_lcp_config {
    nr_ppp_fsm_config fsm;
    uint16_t mru;              /* what we request; 0 = 1500 */
    bool request_accm;         /* request ACCM 0 (default true) */
    bool request_pfc, request_acfc;
    bool allow_pap, allow_chap;/* authentication we accept to do */
    unsigned echo_interval_ms; /* Echo-Request keepalive once Opened; 0 = none */
    unsigned echo_failures;    /* unanswered echoes that mean the link is dead; 0 = 3 */
    unsigned loopback_limit;   /* own magic seen this often = looped back; 0 = 5 */
    uint32_t magic_seed;       /* 0: random magic numbers (getrandom) */
    bool allow_mschapv2;       /* CHAP with MS-CHAP version 2 (allow_chap is CHAP-MD5) */
    bool request_callback;     /* ask for a callback negotiated by CBCP (option 13, operation 6) */
} nr_ppp_lcp_config;

#define NR_PPP_LCP_CONFIG_DEFAULTS \
    { NR_PPP_FSM_CONFIG_DEFAULTS, 1500, true, true, true, true, true, 0, 3, 5, 0, true, false }

/* What both ends agreed to, valid from the up callback on. */
typedef struct nr_ppp_lcp_result {
    uint16_t peer_mru;         /* largest packet the peer takes (our transmit limit) */
    uint16_t our_mru;          /* what the peer agreed to send us */
    uint32_t tx_accm;          /* what we must escape when sending (peer's ACCM, else all) */
    uint32_t rx_accm;          /* what the peer escapes for us (ours if Acked, else all) */
    bool tx_pfc, tx_acfc;      /* we may compress Protocol / Address-Control fields */
    bool rx_pfc, rx_acfc;      /* the peer may */
    uint32_t our_magic, peer_magic;
    uint16_t auth_protocol;    /* 0, NR_PPP_PROTO_PAP or NR_PPP_PROTO_CHAP */
    uint8_t auth_algorithm;    /* NR_PPP_CHAP_MD5 or NR_PPP_CHAP_MSV2 with CHAP */
    bool callback;             /* the peer agreed to negotiate a callback with CBCP */
} nr_ppp_lcp_result;

typedef struct nr_ppp_lcp nr_ppp_lcp;

typedef struct nr_ppp_lcp_callbacks {
    /* An LCP packet (header included) to frame as 0xc021. Required. */
    void (*send)(void *ctx, const uint8_t *pkt, size_t len);
    void (*up)(void *ctx, const nr_ppp_lcp_result *res);
    void (*down)(void *ctx, nr_ppp_fsm_reason reason);
    /* LCP stopped for good (this-layer-finished): the link is dead. */
    void (*finished)(void *ctx, nr_ppp_fsm_reason reason);
    /* The peer Protocol-Rejected one of our protocols. */
    void (*protocol_rejected)(void *ctx, uint16_t protocol);
    /* echo_failures Echo-Requests in a row went unanswered. */
    void (*echo_failed)(void *ctx);
} nr_ppp_lcp_callbacks;

struct nr_ppp_lcp {
    nr_ppp_fsm fsm;
    nr_ppp_lcp_config cfg;
    const nr_ppp_lcp_callbacks *cb;
    void *ctx;
    uint32_t rng;
    /* what we still request in the negotiation in progress */
    bool want_mru, want_accm, want_magic, want_pfc, want_acfc, want_callback;
    uint16_t want_mru_value;
    uint32_t want_accm_value;
    uint32_t magic;
    unsigned loop_count;
    bool looped;
    uint32_t naked_magic;      /* the value our last Nak of our own magic offered */
    bool naked_magic_sent;
    nr_ppp_lcp_result peer;    /* what we accepted from the peer's last request */
    nr_ppp_lcp_result res;     /* the combined result, from up on */
    uint64_t echo_deadline;
    unsigned echo_outstanding;
    uint8_t echo_id;
};

void nr_ppp_lcp_init(nr_ppp_lcp *lcp, const nr_ppp_lcp_config *cfg, const nr_ppp_lcp_callbacks *cb, void *ctx,
                     const nr_ppp_clock *clock);
/* Open and lower-up: the first Configure-Request goes out now (slirp is
 * silent until it gets one, notes section 4.1). */
void nr_ppp_lcp_start(nr_ppp_lcp *lcp);
/* Close: Terminate-Request, then finished after Terminate-Ack or Max-Terminate. */
void nr_ppp_lcp_close(nr_ppp_lcp *lcp);
void nr_ppp_lcp_lower_down(nr_ppp_lcp *lcp);
void nr_ppp_lcp_input(nr_ppp_lcp *lcp, const uint8_t *pkt, size_t len);
/* Answers a frame of an unknown or unwanted protocol with Protocol-Reject
 * (only while Opened; RFC 1661 section 5.7). */
void nr_ppp_lcp_reject_protocol(nr_ppp_lcp *lcp, uint16_t protocol, const uint8_t *info, size_t len);
uint64_t nr_ppp_lcp_deadline(const nr_ppp_lcp *lcp);
void nr_ppp_lcp_timeout(nr_ppp_lcp *lcp);
bool nr_ppp_lcp_is_open(const nr_ppp_lcp *lcp);
/* True once loopback was detected (LCP then closes with NR_PPP_REASON_LOOPBACK). */
bool nr_ppp_lcp_looped_back(const nr_ppp_lcp *lcp);

#endif /* NR_RAS_PPP_LCP_H */
