/*
 * ppp-fsm.h - the RFC 1661 option-negotiation automaton (section 4) shared
 * by LCP and the NCPs: the ten states, the events that drive them, the
 * restart timer with its Max-Terminate/Max-Configure/Max-Failure counters,
 * Identifier matching and the Configure-Ack/Nak/Reject bookkeeping.
 *
 * It owns the state of one control protocol and nothing else: no I/O, no
 * sleeping, no global state. Packets leave through ops->send(); the
 * protocol decides what its options mean through the other ops. Time comes
 * from an injected clock: the caller asks nr_ppp_fsm_deadline() when the
 * restart timer fires and calls nr_ppp_fsm_timeout() then, so tests drive a
 * fake clock and never sleep.
 *
 *     static const nr_ppp_fsm_ops ops = { .send = my_send, .add_request = my_request,
 *                                         .check_request = my_check, .up = my_up };
 *     nr_ppp_fsm f;
 *     nr_ppp_fsm_init(&f, NR_PPP_PROTO_IPCP, "IPCP", &ops, me, NULL, NULL);
 *     nr_ppp_fsm_open(&f);
 *     nr_ppp_fsm_lower_up(&f);                      // sends the first Configure-Request
 *     ... nr_ppp_fsm_input(&f, pkt, len) for each IPCP packet;
 *     ... if (now >= nr_ppp_fsm_deadline(&f)) nr_ppp_fsm_timeout(&f);
 */
#ifndef NR_RAS_PPP_FSM_H
#define NR_RAS_PPP_FSM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ppp-packet.h"

/* RFC 1661 section 4.2 states, in the RFC's order. */
typedef enum nr_ppp_state {
    NR_PPP_INITIAL = 0,
    NR_PPP_STARTING,
    NR_PPP_CLOSED,
    NR_PPP_STOPPED,
    NR_PPP_CLOSING,
    NR_PPP_STOPPING,
    NR_PPP_REQSENT,
    NR_PPP_ACKRCVD,
    NR_PPP_ACKSENT,
    NR_PPP_OPENED,
} nr_ppp_state;

const char *nr_ppp_state_name(nr_ppp_state s);

/* Why the automaton left the negotiation; read it in ops->finished/down. */
typedef enum nr_ppp_fsm_reason {
    NR_PPP_REASON_NONE = 0,
    NR_PPP_REASON_ADMIN,          /* nr_ppp_fsm_close() by us */
    NR_PPP_REASON_TIMEOUT,        /* TO-: Max-Configure requests unanswered */
    NR_PPP_REASON_PEER_TERMINATED,/* the peer sent Terminate-Request */
    NR_PPP_REASON_NOT_CONVERGING, /* Max-Failure Naks/Rejects without agreement */
    NR_PPP_REASON_REJECTED,       /* RXJ-: a Code- or Protocol-Reject that cannot be lived with */
    NR_PPP_REASON_LOOPBACK,       /* set by LCP: the line is looped back */
    NR_PPP_REASON_LOWER_DOWN,     /* the layer below went away */
    NR_PPP_REASON_PROTOCOL,       /* the protocol gave up (e.g. IPCP: no address) */
} nr_ppp_fsm_reason;

const char *nr_ppp_fsm_reason_text(nr_ppp_fsm_reason r);

/* Monotonic milliseconds; NULL clock = CLOCK_MONOTONIC. */
typedef struct nr_ppp_clock {
    uint64_t (*now_ms)(void *ctx);
    void *ctx;
} nr_ppp_clock;

uint64_t nr_ppp_clock_now(const nr_ppp_clock *c);

typedef struct nr_ppp_fsm_config {
    unsigned restart_ms;    /* restart timer, default 3000 */
    unsigned max_configure; /* default 10 */
    unsigned max_terminate; /* default 2 */
    unsigned max_failure;   /* default 5 */
} nr_ppp_fsm_config;

#define NR_PPP_FSM_CONFIG_DEFAULTS { 3000, 10, 2, 5 }

typedef struct nr_ppp_fsm nr_ppp_fsm;

/* Every op is optional except send, add_request and check_request. */
typedef struct nr_ppp_fsm_ops {
    /* One control packet (header included) to frame under f->protocol. */
    void (*send)(nr_ppp_fsm *f, const uint8_t *pkt, size_t len);
    /* A new negotiation starts (first Configure-Request after Open, Up, or
     * a renegotiation from Opened): forget what the last one learned. */
    void (*reset)(nr_ppp_fsm *f);
    /* Append our wanted options to b (after the header). */
    void (*add_request)(nr_ppp_fsm *f, nr_ppp_builder *b);
    /* The peer's Configure-Request options: append the options of the
     * reply to b and return NR_PPP_CONF_ACK (b ignored, the request is
     * echoed), NR_PPP_CONF_NAK or NR_PPP_CONF_REJ, or -1 to discard a
     * malformed request. reject_naks is true once
     * Max-Failure Naks were sent: options to Nak must now be rejected. */
    int (*check_request)(nr_ppp_fsm *f, const uint8_t *opts, size_t len, bool reject_naks, nr_ppp_builder *b);
    /* Our request was Acked (the options match what we sent). */
    void (*ack_received)(nr_ppp_fsm *f, const uint8_t *opts, size_t len);
    /* Nak or Reject of our request: adjust what add_request builds. Return 0,
     * or -1 when the answer is malformed/inconsistent (the packet is then
     * discarded), or 1 when agreement is impossible (NOT_CONVERGING). */
    int (*nak_received)(nr_ppp_fsm *f, const uint8_t *opts, size_t len);
    int (*reject_received)(nr_ppp_fsm *f, const uint8_t *opts, size_t len);
    /* RFC 1661 this-layer-up/-down/-started/-finished. */
    void (*up)(nr_ppp_fsm *f);
    void (*down)(nr_ppp_fsm *f);
    void (*started)(nr_ppp_fsm *f);
    void (*finished)(nr_ppp_fsm *f);
    /* Codes beyond 7 (LCP: Protocol-Reject, Echo, Discard). Return true
     * when handled; false answers with Code-Reject (RUC). */
    bool (*other_code)(nr_ppp_fsm *f, const nr_ppp_packet *pkt, const uint8_t *raw, size_t len);
} nr_ppp_fsm_ops;

#define NR_PPP_FSM_MAX_REQUEST 256

struct nr_ppp_fsm {
    uint16_t protocol;
    const char *name;
    const nr_ppp_fsm_ops *ops;
    void *ctx;                    /* for the ops */
    nr_ppp_clock clock;
    nr_ppp_fsm_config cfg;
    nr_ppp_state state;
    uint8_t id;                   /* last Identifier we used */
    uint8_t reqid;                /* Identifier of our outstanding Configure-Request */
    bool reqid_valid;
    unsigned restart;             /* restart counter */
    unsigned naks_sent;           /* consecutive Naks we sent (Max-Failure) */
    unsigned naks_received;       /* consecutive Naks/Rejects received without an Ack */
    uint64_t deadline;            /* restart timer, 0 when stopped */
    nr_ppp_fsm_reason reason;     /* why it stopped or closed; kept until the next Open */
    uint8_t term_text[64];        /* data of the last Terminate-Request received */
    size_t term_text_len;
    uint8_t last_req[NR_PPP_FSM_MAX_REQUEST]; /* options of our last Configure-Request */
    size_t last_req_len;
    bool peer_spoke;              /* any valid packet received since Open */
};

/* Prepares an automaton in the Initial state. config NULL = defaults;
 * zero fields take the defaults too. */
void nr_ppp_fsm_init(nr_ppp_fsm *f, uint16_t protocol, const char *name, const nr_ppp_fsm_ops *ops, void *ctx,
                     const nr_ppp_fsm_config *config, const nr_ppp_clock *clock);

/* Administrative and lower-layer events. */
void nr_ppp_fsm_open(nr_ppp_fsm *f);
void nr_ppp_fsm_close(nr_ppp_fsm *f, nr_ppp_fsm_reason reason);
void nr_ppp_fsm_lower_up(nr_ppp_fsm *f);
void nr_ppp_fsm_lower_down(nr_ppp_fsm *f);

/* One received control packet of this protocol (header included). */
void nr_ppp_fsm_input(nr_ppp_fsm *f, const uint8_t *pkt, size_t len);

/* RXJ- for a Protocol-Reject of this protocol, received by LCP. */
void nr_ppp_fsm_protocol_rejected(nr_ppp_fsm *f);

/* When the restart timer fires (monotonic ms), 0 if it is not running. */
uint64_t nr_ppp_fsm_deadline(const nr_ppp_fsm *f);
/* Runs TO+/TO- if the deadline has passed; otherwise does nothing. */
void nr_ppp_fsm_timeout(nr_ppp_fsm *f);

/* Sends a packet with a fresh Identifier (used by LCP for Echo and
 * Protocol-Reject): the caller builds it with nr_ppp_fsm_next_id(). */
uint8_t nr_ppp_fsm_next_id(nr_ppp_fsm *f);

#endif /* NR_RAS_PPP_FSM_H */
