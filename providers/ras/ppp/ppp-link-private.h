/*
 * ppp-link-private.h - what the files of one PPP link share (ppp-link.c:
 * framing, phases, LCP, authentication and IPCP; ppp-link-cbcp.c: the
 * Callback phase).  Nothing outside those two files includes it.
 */
#ifndef NR_RAS_PPP_LINK_PRIVATE_H
#define NR_RAS_PPP_LINK_PRIVATE_H

#include "hdlc.h"
#include "ppp-cbcp.h"
#include "ppp-link.h"

struct nr_ppp_link {
    int fd;
    nr_ppp_phase phase;
    nr_ppp_link_config cfg;
    nr_ppp_clock clock;
    nr_ppp_link_event_fn fn;
    void *ctx;
    nr_ppp_link_ip_fn ip_fn;
    void *ip_ctx;
    nr_hdlc_rx rx;
    nr_hdlc_tx_opts tx;
    nr_ppp_lcp lcp;
    nr_ppp_auth auth;
    nr_ppp_ipcp ipcp;
    nr_ppp_projection proj;
    uint64_t give_up_at;       /* overall timeout, 0 = none */
    bool line_lost;            /* a write or read found the line gone */
    bool password_expired;     /* MS-CHAPv2 E=648: waiting for nr_ppp_link_change_password */
    /* CBCP (the Callback phase) */
    bool callback_ask;         /* callback_number was NULL */
    char callback_number[NR_CBCP_MAX_NUMBER + 1];
    nr_cbcp_offer offer;
    bool offer_pending;        /* NR_PPP_LINK_ASK_CALLBACK returned, no answer yet */
    bool offer_seen;           /* a Callback Request came in this phase */
    int cbcp_type;             /* the answer: NR_CBCP_* */
    uint8_t cbcp_delay;
    char cbcp_number[NR_CBCP_MAX_NUMBER + 1];
    bool callback_agreed;
    uint8_t cbcp_response[8 + NR_CBCP_MAX_NUMBER];
    size_t cbcp_response_len;  /* 0 until answered */
    unsigned cbcp_tries;
    uint64_t cbcp_deadline;
    char auth_text[NR_PPP_AUTH_MAX_MESSAGE];
    unsigned error;
    char error_text[320];
};

/* ppp-link.c */
void nr__ppp_link_send(nr_ppp_link *l, uint16_t protocol, const uint8_t *pkt, size_t len);
void nr__ppp_link_emit(nr_ppp_link *l, nr_ppp_link_event_type type, unsigned error, const char *text);
/* The first failure: records it, says it (FAILED or DOWN) and closes the link. */
void nr__ppp_link_fail(nr_ppp_link *l, unsigned code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The Network phase: the Authenticated event (how: its text), then IPCP. */
void nr__ppp_link_network(nr_ppp_link *l, const char *how);

/* ppp-link-cbcp.c */
/* Authenticated (or nothing to authenticate): the Callback phase if LCP
 * agreed to a callback, else the Network phase. */
void nr__ppp_link_after_auth(nr_ppp_link *l, const char *how);
/* A CBCP packet in the Callback phase. */
void nr__ppp_link_cbcp_input(nr_ppp_link *l, const uint8_t *pkt, size_t len);
/* Runs the Callback phase's timer when it is due. */
void nr__ppp_link_cbcp_timeout(nr_ppp_link *l);

#endif /* NR_RAS_PPP_LINK_PRIVATE_H */
