/*
 * ppp-test-peer.h - test helpers for the PPP layers: a fake monotonic
 * clock and a recorder of the control packets a layer sends, so tests can
 * read them back instead of running a real peer; and a scripted PPP peer
 * speaking HDLC-framed LCP/IPCP on the far end of a socketpair, so a whole
 * nr_ppp_link can be driven into each RFC 1661 failure, counting the
 * octets and frames it reads and writes to hold the link's statistics
 * against.  The same peer, on a thread of its own behind the modem
 * emulator, is the authenticating server (PAP, MS-CHAP v2, CBCP) of the
 * RasDial-level tests.
 */
#ifndef NR_TESTS_RAS_PPP_TEST_PEER_H
#define NR_TESTS_RAS_PPP_TEST_PEER_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hdlc.h"
#include "ppp-fsm.h"
#include "ppp-link.h"

#define NR_TEST_WIRE_MAX 128

typedef struct nr_test_pkt {
    uint16_t protocol;
    uint8_t data[1600];
    size_t len;
} nr_test_pkt;

typedef struct nr_test_wire {
    nr_test_pkt pkts[NR_TEST_WIRE_MAX];
    size_t n;              /* packets recorded (past the array: counted, not kept) */
    uint64_t now;          /* the fake clock, ms */
    nr_ppp_clock clock;    /* reads now */
} nr_test_wire;

/* Zeroes the recorder, starts the clock at 1000 ms. */
void nr_test_wire_init(nr_test_wire *w);
void nr_test_wire_record(nr_test_wire *w, uint16_t protocol, const uint8_t *pkt, size_t len);
/* The i-th packet, or NULL. */
const nr_test_pkt *nr_test_wire_get(const nr_test_wire *w, size_t i);
const nr_test_pkt *nr_test_wire_last(const nr_test_wire *w);
/* Number of recorded packets with that protocol and code. */
size_t nr_test_wire_count(const nr_test_wire *w, uint16_t protocol, uint8_t code);
void nr_test_wire_clear(nr_test_wire *w);

/* ---- what a link reports ------------------------------------------------------------------ */

/* The events an nr_ppp_link reported, in order: give nr_test_on_event and a
 * zeroed nr_test_events to nr_ppp_link_new.  n counts them all; the first 16
 * are kept, and the text of the last one. */
typedef struct nr_test_events {
    nr_ppp_link_event_type types[16];
    unsigned errors[16];
    char last_text[320];
    int n;
} nr_test_events;

void nr_test_on_event(void *ctx, const nr_ppp_link_event *ev);

/* ---- a scripted peer ------------------------------------------------------------------------ */

/* How the peer answers our LCP. */
typedef enum nr_test_peer_lcp {
    NR_TEST_PEER_LCP_NORMAL = 0, /* Ack our request, send its own (Magic-Number, and the auth
                                    protocol if any); a request after LCP was up or after the
                                    peer terminated the link starts a new session: Ack, its
                                    own request again, then authentication and IPCP again */
    NR_TEST_PEER_LCP_NAK_MRU,    /* Nak the MRU of every request, whatever it is: never converges */
    NR_TEST_PEER_LCP_NAK_MAGIC,  /* Nak the Magic-Number of every request with a fresh value
                                    (endless collisions: not a loop, never converges) */
    NR_TEST_PEER_LCP_CODE_REJECT,/* Code-Reject every Configure-Request: it cannot do LCP */
    NR_TEST_PEER_LCP_TERMINATE,  /* answer the first request with Terminate-Request, then
                                    only Terminate-Ack (RFC 1661 Closing, then Closed) */
    NR_TEST_PEER_LCP_LOOPBACK,   /* the line is looped back: every octet comes back as is */
} nr_test_peer_lcp;

/* How the peer answers our IPCP, once LCP is up. */
typedef enum nr_test_peer_ipcp {
    NR_TEST_PEER_IPCP_NORMAL = 0,    /* Nak 0.0.0.0 with 10.0.2.15, DNS with 10.0.2.3, then Ack;
                                        it is 10.0.2.2 itself */
    NR_TEST_PEER_IPCP_PROTOCOL_REJECT,/* LCP Protocol-Reject of IPCP: no IP on this server */
    NR_TEST_PEER_IPCP_REJECT_ADDRESS,/* Configure-Reject of IP-Address: it assigns none */
    NR_TEST_PEER_IPCP_ACK_ZERO,      /* Ack IP-Address 0.0.0.0 as it is: open without an address */
    NR_TEST_PEER_IPCP_NAK_FOREVER,   /* Nak every IP-Address with another one: never converges */
} nr_test_peer_ipcp;

/* What the peer asks of us once LCP is up. */
typedef enum nr_test_peer_auth {
    NR_TEST_PEER_AUTH_NONE = 0,
    NR_TEST_PEER_AUTH_PAP,       /* PAP: pap_user / pap_password ("alice" / "s3cret" unless set)
                                    gets "Login ok"; anything else gets "Login incorrect" and a
                                    Terminate-Request, as slirp does */
    NR_TEST_PEER_AUTH_MSCHAPV2,  /* MS-CHAP v2 (RFC 2759) for "alice" with mschap_password: a
                                    right answer gets Success "S=... M=Welcome"; a wrong one
                                    Failure E=691 and a Terminate-Request; with mschap_expired
                                    a right one gets Failure E=648 (V=3, a new challenge) and a
                                    valid Change-Password makes its new password the password */
} nr_test_peer_auth;

/* Whether it offers to call back (CBCP, after authentication, to a dialer
 * that asked for it in LCP). */
typedef enum nr_test_peer_cbcp {
    NR_TEST_PEER_CBCP_NONE = 0,
    NR_TEST_PEER_CBCP_CALLER,      /* offers no callback, or a number the caller names */
    NR_TEST_PEER_CBCP_CALLER_ONLY, /* the caller must name a number */
} nr_test_peer_cbcp;

#define NR_TEST_PEER_MAGIC 0x5eedf00du
#define NR_TEST_PEER_ADDR 0x0a000202u   /* 10.0.2.2 */
#define NR_TEST_PEER_GIVES 0x0a00020fu  /* 10.0.2.15 */
#define NR_TEST_PEER_DNS 0x0a000203u    /* 10.0.2.3 */

typedef struct nr_test_peer {
    /* the script: set after nr_test_peer_new, change at any time */
    nr_test_peer_lcp lcp;
    nr_test_peer_ipcp ipcp;
    nr_test_peer_auth auth;
    bool echo_silent;       /* stop answering Echo-Requests (the peer is gone) */
    char pap_user[64];          /* PAP: the user it accepts ("alice" after _new/_attach; empty: any) */
    char pap_password[64];      /* PAP: the password it accepts ("s3cret" after _new/_attach) */
    int pap_delay_ms;           /* PAP: ponder each Authenticate-Request this long before the
                                   answer (0: answer at once); when stop_fd turns readable
                                   meanwhile, it gives up without answering */
    int pap_requests;           /* PAP: Authenticate-Requests answered, counted before the answer
                                   goes out (atomically: nr_test_peer_pap_requests) */
    char mschap_password[64];   /* MSCHAPV2: what it accepts ("s3cret" after _new/_attach) */
    bool mschap_expired;        /* MSCHAPV2: the password must be changed first */
    bool mschap_forge_success;  /* MSCHAPV2: a Success whose S= proves nothing */
    bool mschap_no_change;      /* MSCHAPV2: an expiry it takes no change for (no C=, V=0) */
    int mschap_changes;         /* MSCHAPV2: valid Change-Password packets taken */
    nr_test_peer_cbcp cbcp;
    bool cbcp_twice;            /* CBCP: the Request goes out again at once with a new Identifier;
                                   only an answer to the last one is acknowledged */
    uint8_t cbcp_id;            /* CBCP: the Identifier of its last Request */
    bool udp_echo;              /* send every UDP datagram back, addresses and ports swapped */
    int ip_datagrams;           /* IP datagrams the dialer sent it */
    /* CBCP: what the dialer chose (type 0 until then) and whether the
     * call is over and the call back due (the thread runner's on_call_back) */
    int callback_type;
    int callback_delay;         /* the Callback-Delay the dialer asked for, seconds */
    char callback_number[130];
    bool callback_due;
    int calls;                  /* sessions served: 1, 2 after a call back */
    /* the line */
    int link_fd;            /* give this end to nr_ppp_link_new (non-blocking) */
    int fd;                 /* the peer's end */
    int stop_fd;            /* readable when its thread is told to stop (the thread runner's
                               stop_fd); -1 when pumped by hand */
    nr_hdlc_rx rx;
    /* what happened */
    nr_test_wire got;       /* every control packet the link sent, in order */
    uint64_t octets_read;   /* octets it read from the line (what the link wrote) */
    uint64_t octets_written;/* octets it wrote on the line, frames and loopback alike */
    uint64_t frames_written;/* frames it wrote (rx.stats.frames: the good ones it read) */
    size_t echo_requests, echo_replies;
    bool terminated;        /* TERMINATE: the Terminate-Request went out */
    uint8_t id;
    bool sent_lcp_req, sent_ipcp_req;
    bool lcp_restart;       /* LCP was up, or it sent a Terminate-Request: the next
                               Configure-Request starts a new session */
    bool sent_challenge;
    bool client_callback;       /* the dialer asked LCP for a callback (option 13) */
    bool sent_cbcp;
    uint8_t challenge[16];      /* MSCHAPV2: the last challenge it sent (or put in a Failure) */
    bool owns_fd;
} nr_test_peer;

/* A socketpair with the peer on one end; NULL on failure. */
nr_test_peer *nr_test_peer_new(void);
/* The peer on a line someone else owns (e.g. the modem emulator's master
 * after CONNECT): made non-blocking, never closed; link_fd is -1. */
nr_test_peer *nr_test_peer_attach(int fd);
/* Reads and answers everything the link has written so far. */
void nr_test_peer_pump(nr_test_peer *p);
/* A link on the peer's line (link_fd) with cfg, reporting to ev
 * (nr_test_on_event), started and run against the peer until it is Open
 * or Dead, or about 20 s have passed; NULL when it cannot be made. */
nr_ppp_link *nr_test_peer_dial(nr_test_peer *p, const nr_ppp_link_config *cfg, nr_test_events *ev);
/* Closes the ends it owns and frees. */
void nr_test_peer_free(nr_test_peer *p);
/* The PAP Authenticate-Requests it answered so far; safe from another
 * thread than the one pumping it. */
int nr_test_peer_pap_requests(const nr_test_peer *p);

/* A scripted peer served by a thread of its own on a line that opens later
 * (the modem emulator's master after CONNECT).  Set get_fd (waits for the
 * line, returns it or -1; tests/ras/dial-fixture.h has one) and line, ctx,
 * and optionally setup (sets the script on the fresh peer) and
 * on_call_back; then start.  stop_fd is open from start on (get_fd may
 * watch it) and is the peer's stop_fd, so a pondering peer
 * (pap_delay_ms) stops at once.  stop ends the thread; peer (published
 * atomically once set up, NULL if the line never opened) stays for
 * inspection until nr_test_peer_free. */
typedef struct nr_test_peer_thread {
    int (*get_fd)(void *line);
    void *line;                 /* what get_fd is given (e.g. the modem_emu) */
    void (*setup)(nr_test_peer *p, void *ctx);
    /* optional: when the peer agreed to call back and the call is over,
     * make the call back and wait for it (true: a new session follows on
     * the same line) */
    bool (*on_call_back)(void *ctx);
    void *ctx;
    nr_test_peer *peer;
    int stop_fd;
    pthread_t thread;
} nr_test_peer_thread;

int nr_test_peer_thread_start(nr_test_peer_thread *t);
void nr_test_peer_thread_stop(nr_test_peer_thread *t);

#endif
