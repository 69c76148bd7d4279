/*
 * ppp-link.h - one PPP link over a file descriptor (a modem's tty after
 * CONNECT, a socketpair in tests): the RFC 1661 phases Dead -> Establish
 * (LCP) -> Authenticate (PAP/CHAP) -> Network (IPCP) -> Open, HDLC framing
 * through hdlc.h, a poll() step with a cancel descriptor and an overall
 * timeout, progress and failures (RAS error numbers) through one callback,
 * the negotiated projection for RasGetProjectionInfo, and the link's
 * counters (ppp-stats.h) for RasGetConnectionStatistics and idle disconnect.
 *
 * It owns the protocol objects and the framing state, not the descriptor
 * (the caller opens and closes it) and no thread: every call runs in the
 * caller's thread, callbacks included. The event callback must not call
 * back into the link except the read-only getters.
 *
 *     nr_ppp_link_config cfg;
 *     nr_ppp_link_config_init(&cfg);
 *     cfg.user = "alice"; cfg.password = "s3cret";
 *     nr_ppp_link *l;
 *     if (nr_ppp_link_new(fd, &cfg, on_event, me, &l) != 0) ...;
 *     nr_ppp_link_start(l);                              // sends LCP Configure-Request
 *     unsigned err = nr_ppp_link_run(l, cancel_fd);      // 0 once Open, else 691, 718, ...
 *     const nr_ppp_projection *p = nr_ppp_link_projection(l);
 *     ... later: nr_ppp_link_close(l); while (nr_ppp_link_phase(l) != NR_PPP_PHASE_DEAD)
 *                    nr_ppp_link_step(l, -1, 100);
 *     nr_ppp_link_free(l);
 */
#ifndef NR_RAS_PPP_LINK_H
#define NR_RAS_PPP_LINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ppp-auth.h"
#include "ppp-fsm.h"
#include "ppp-ipcp.h"
#include "ppp-lcp.h"
#include "ppp-stats.h"

typedef enum nr_ppp_phase {
    NR_PPP_PHASE_DEAD = 0,
    NR_PPP_PHASE_ESTABLISH,
    NR_PPP_PHASE_AUTHENTICATE,
    NR_PPP_PHASE_NETWORK,
    NR_PPP_PHASE_OPEN,
    NR_PPP_PHASE_TERMINATE,
    NR_PPP_PHASE_CALLBACK,      /* after authentication: CBCP (ppp-cbcp.h), when LCP agreed to it */
} nr_ppp_phase;

/* What nr_ppp_link_run returns besides 0 and RAS errors. */
#define NR_PPP_LINK_ASK_CALLBACK    0x10001u /* the server offers to call back a number the caller
                                                names, and callback_number was NULL: answer with
                                                nr_ppp_link_answer_callback, then run again */
#define NR_PPP_LINK_CALLBACK_AGREED 0x10002u /* the server will call back: the link is Dead */
#define NR_PPP_LINK_PASSWORD_EXPIRED 0x10003u /* an MS-CHAPv2 server says the password expired and
                                                 takes a new one: the link waits in the Authenticate
                                                 phase for nr_ppp_link_change_password */

typedef struct nr_ppp_link_config {
    const char *user, *password;   /* copied; NULL = "" */
    bool allow_pap, allow_chap;    /* what we agree to authenticate with (chap: CHAP-MD5) */
    bool allow_mschapv2;           /* CHAP with MS-CHAP version 2 */
    uint16_t mru;                  /* 0 = 1500 */
    unsigned echo_interval_ms;     /* LCP keepalive; 0 = none */
    unsigned echo_failures;        /* 0 = 3 */
    unsigned timeout_ms;           /* Dead -> Open must take less; 0 = no limit */
    nr_ppp_fsm_config fsm;         /* restart timer and counters of LCP and IPCP */
    uint32_t peer_addr_hint;       /* IPCP: the address to give a peer asking for 0.0.0.0
                                      (default 10.0.2.2, what slirp expects) */
    bool request_dns;              /* default true */
    uint32_t offer_dns[2];         /* IPCP: DNS to hand a peer that asks (peer-to-peer tests) */
    uint32_t magic_seed;           /* 0 = random */
    bool request_callback;         /* ask LCP for a callback negotiated by CBCP */
    const char *callback_number;   /* with it, what to answer a CBCP offer: a number, "" for no
                                      callback, NULL to ask (copied) */
    const nr_ppp_clock *clock;     /* NULL = CLOCK_MONOTONIC */
} nr_ppp_link_config;

/* Defaults: PAP, CHAP-MD5 and MS-CHAPv2 allowed, MRU 1500, no echo, 60 s timeout,
 * RFC timers, peer hint 10.0.2.2, DNS requested. */
void nr_ppp_link_config_init(nr_ppp_link_config *cfg);

/* What was negotiated (RasGetProjectionInfo). Addresses are host order. */
typedef struct nr_ppp_projection {
    uint32_t our_addr, server_addr;
    uint32_t dns[2];                   /* 0 = none */
    uint16_t auth_protocol;            /* 0, NR_PPP_PROTO_PAP (RASLCPAP_PAP) or _CHAP */
    uint8_t auth_algorithm;            /* NR_PPP_CHAP_MD5 with CHAP */
    char auth_message[NR_PPP_AUTH_MAX_MESSAGE]; /* the server's text, e.g. "Login ok" */
    nr_ppp_lcp_result lcp;             /* MRUs, ACCMs, compression, magic numbers */
} nr_ppp_projection;

typedef enum nr_ppp_link_event_type {
    NR_PPP_EVENT_LCP_UP,          /* LCP opened (devices connected -> authenticate) */
    NR_PPP_EVENT_AUTHENTICATING,  /* the peer asked for PAP/CHAP: RASCS_Authenticate */
    NR_PPP_EVENT_AUTHENTICATED,   /* RASCS_Authenticated; also sent when no auth was asked */
    NR_PPP_EVENT_PROJECTED,       /* IPCP opened: RASCS_Projected, the link is Open */
    NR_PPP_EVENT_CALLBACK_OFFERED,/* a CBCP Callback Request came: RASCS_AuthCallback */
    NR_PPP_EVENT_CALLBACK_AGREED, /* the server acknowledged a callback: RASCS_PrepareForCallback */
    NR_PPP_EVENT_FAILED,          /* before Open: error is the RAS error, text says why */
    NR_PPP_EVENT_DOWN,            /* after Open: the link failed (error, text) */
} nr_ppp_link_event_type;

typedef struct nr_ppp_link_event {
    nr_ppp_link_event_type type;
    unsigned error;               /* RAS error number for FAILED/DOWN, else 0 */
    const char *text;             /* one human sentence */
    const nr_ppp_projection *projection;
} nr_ppp_link_event;

typedef void (*nr_ppp_link_event_fn)(void *ctx, const nr_ppp_link_event *ev);
/* An IP datagram received while Open. */
typedef void (*nr_ppp_link_ip_fn)(void *ctx, const uint8_t *pkt, size_t len);

typedef struct nr_ppp_link nr_ppp_link;

/* Returns 0, -EINVAL (fd < 0, NULL cfg/out) or -ENOMEM. The descriptor stays
 * the caller's; a non-blocking one is fine. */
int nr_ppp_link_new(int fd, const nr_ppp_link_config *cfg, nr_ppp_link_event_fn fn, void *ctx,
                    nr_ppp_link **out);
void nr_ppp_link_free(nr_ppp_link *l);

/* Dead -> Establish: LCP Open + Up, the first Configure-Request goes out. */
void nr_ppp_link_start(nr_ppp_link *l);
/* Hang up politely: LCP Terminate-Request; Dead after Terminate-Ack or
 * Max-Terminate timeouts. No event unless something fails. */
void nr_ppp_link_close(nr_ppp_link *l);

/* Octets read from the line (the step does this itself; public for tests
 * and for callers that read the descriptor on their own). */
void nr_ppp_link_feed(nr_ppp_link *l, const void *data, size_t len);
/* Earliest timer (monotonic ms of the link's clock), 0 if none. */
uint64_t nr_ppp_link_deadline(const nr_ppp_link *l);
/* Runs every timer that is due. */
void nr_ppp_link_timeout(nr_ppp_link *l);

/* One round: poll() the line and cancel_fd (-1: none) for at most
 * max_wait_ms (-1: until the next timer), read and decode what came, run
 * due timers. Returns the phase after the round (>= 0), -ECANCELED when
 * cancel_fd is readable (it is never read; nothing else is done), or
 * -errno when poll() fails. */
int nr_ppp_link_step(nr_ppp_link *l, int cancel_fd, int max_wait_ms);
/* The same, also polling extra_fd (-1: none) for input: *extra_ready (may
 * be NULL) says it is readable; the caller reads it. */
int nr_ppp_link_step_with(nr_ppp_link *l, int cancel_fd, int extra_fd, int max_wait_ms, bool *extra_ready);
/* Steps until Open (returns 0), Dead (returns the RAS error, or
 * NR_PPP_LINK_CALLBACK_AGREED), cancellation (returns
 * ERROR_USER_DISCONNECTION, the link untouched), or a question for the
 * caller: NR_PPP_LINK_PASSWORD_EXPIRED, NR_PPP_LINK_ASK_CALLBACK (the link
 * stays up). */
unsigned nr_ppp_link_run(nr_ppp_link *l, int cancel_fd);
/* After NR_PPP_LINK_PASSWORD_EXPIRED: sends the password change (the configured
 * password is the old one); run the link again for the verdict.  0, or -1
 * when no change was asked for or the password cannot be encoded. */
int nr_ppp_link_change_password(nr_ppp_link *l, const char *new_password);
/* After NR_PPP_LINK_ASK_CALLBACK: answers the offer with number ("" or
 * NULL: no callback, if the server allows that).  0, or -1 when nothing
 * was asked. */
int nr_ppp_link_answer_callback(nr_ppp_link *l, const char *number);

nr_ppp_phase nr_ppp_link_phase(const nr_ppp_link *l);
/* The first failure (0 if none) and its sentence ("" if none). */
unsigned nr_ppp_link_error(const nr_ppp_link *l, const char **text);
const nr_ppp_projection *nr_ppp_link_projection(const nr_ppp_link *l);

/* The counters since the link was made or last cleared (ppp-stats.h says
 * what each one counts), on the link's clock; any phase, Dead included. */
void nr_ppp_link_get_stats(const nr_ppp_link *l, nr_ppp_link_stats *out);
/* RasClearConnectionStatistics: the counters to 0, the connect duration
 * counted from now; the Open and last-IP times stay. */
void nr_ppp_link_clear_stats(nr_ppp_link *l);

/* IP traffic once Open: received datagrams go to fn; send one with
 * nr_ppp_link_send_ip (0, -ENOTCONN before Open, -EMSGSIZE, -EIO). */
void nr_ppp_link_set_ip_handler(nr_ppp_link *l, nr_ppp_link_ip_fn fn, void *ctx);
int nr_ppp_link_send_ip(nr_ppp_link *l, const void *pkt, size_t len);

const char *nr_ppp_phase_name(nr_ppp_phase p);

#endif /* NR_RAS_PPP_LINK_H */
