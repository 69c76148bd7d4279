/*
 * hdlc.h - PPP in HDLC-like framing on an asynchronous line (RFC 1662):
 * the FCS-16, the frame encoder and the streaming frame decoder.
 *
 * This layer owns octets on the wire and nothing above them: it neither reads
 * nor writes file descriptors, keeps no global state and knows no PPP
 * protocol except one rule: LCP (0xC021) frames always go out with every
 * control character escaped and with full Address/Control and Protocol
 * fields (RFC 1662 section 7.1, RFC 1661 sections 6.5 and 6.6), whatever the
 * caller negotiated.
 *
 * Sending:
 *
 *     nr_hdlc_tx_opts tx = NR_HDLC_TX_DEFAULTS;       // before LCP opens
 *     uint8_t wire[NR_HDLC_ENCODE_BOUND(1500)];
 *     size_t n;
 *     if (nr_hdlc_encode(&tx, NR_PPP_PROTO_IPCP, pkt, pkt_len, wire, sizeof wire, &n) == 0)
 *         write(fd, wire, n);
 *
 * Receiving:
 *
 *     static void on_frame(void *ctx, uint16_t protocol, const uint8_t *info, size_t len) { ... }
 *     nr_hdlc_rx rx;
 *     if (nr_hdlc_rx_init(&rx, 1500, on_frame, ctx) != 0) ...;
 *     while ((n = read(fd, buf, sizeof buf)) > 0)
 *         nr_hdlc_rx_feed(&rx, buf, n);               // any chunking, even 1 byte
 *     nr_hdlc_rx_free(&rx);
 */
#ifndef NR_RAS_HDLC_H
#define NR_RAS_HDLC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NR_HDLC_FLAG 0x7e           /* Flag Sequence */
#define NR_HDLC_ESCAPE 0x7d         /* Control Escape */
#define NR_HDLC_ESCAPE_XOR 0x20     /* an escaped octet is sent XOR this */
#define NR_HDLC_ALL_STATIONS 0xff   /* Address field */
#define NR_HDLC_UI 0x03             /* Control field: Unnumbered Information */

#define NR_HDLC_FCS_INIT 0xffffu    /* FCS-16 initial value */
#define NR_HDLC_FCS_GOOD 0xf0b8u    /* FCS-16 over a frame including its FCS */

#define NR_HDLC_ACCM_ALL 0xffffffffu /* default ACCM: escape every control character */
#define NR_HDLC_DEFAULT_MRU 1500

/* Address + Control + 2-octet Protocol + 2-octet FCS around the information. */
#define NR_HDLC_OVERHEAD 6
/* Worst-case encoded size of a frame carrying info_len octets: two flags and
 * every other octet escaped. */
#define NR_HDLC_ENCODE_BOUND(info_len) (2 + 2 * ((size_t)(info_len) + NR_HDLC_OVERHEAD))

/* ---- FCS-16 (RFC 1662 appendix C) ---------------------------------------------------------- */

/* Folds len octets into fcs. Start with NR_HDLC_FCS_INIT; the value to send
 * is the complement, least significant octet first. Running it over a whole
 * frame including the received FCS gives NR_HDLC_FCS_GOOD. */
uint16_t nr_hdlc_fcs16(uint16_t fcs, const void *data, size_t len);

/* ---- encoder -------------------------------------------------------------------------------- */

/* What the peer agreed to: its receive ACCM (our transmit ACCM) and whether
 * it accepts compressed Address/Control and Protocol fields. */
typedef struct nr_hdlc_tx_opts {
    uint32_t accm; /* bit n set: escape octet n (0x00-0x1f) */
    bool acfc;     /* omit 0xff 0x03 */
    bool pfc;      /* send protocols 0x00xx as one octet */
} nr_hdlc_tx_opts;

#define NR_HDLC_TX_DEFAULTS { NR_HDLC_ACCM_ALL, false, false }

/* Encodes one frame: flag, [address, control], protocol, info, FCS, flag.
 * 0x7e, 0x7d and the control characters in opts->accm are escaped. For LCP
 * the options are overridden (full escaping, no ACFC, no PFC).
 *
 * Returns 0 and sets *out_len; -ENOBUFS if out_size is too small, with
 * *out_len set to the size needed (nothing useful in out); -EINVAL for a
 * NULL argument or a protocol number that is not valid (its low octet must
 * be odd and its high octet even, RFC 1661 section 2). opts may be NULL for
 * the defaults. */
int nr_hdlc_encode(const nr_hdlc_tx_opts *opts, uint16_t protocol, const void *info, size_t info_len,
                   uint8_t *out, size_t out_size, size_t *out_len);

/* True if protocol is a well-formed PPP protocol number. */
bool nr_hdlc_protocol_valid(uint16_t protocol);

/* ---- streaming decoder ---------------------------------------------------------------------- */

/* Receives one good frame. info points into the decoder's buffer and is valid
 * only during the call. The callback may call nr_hdlc_rx_set_accm(),
 * nr_hdlc_rx_set_mru() (after which info is no longer valid) and
 * nr_hdlc_rx_reset() on its decoder; they apply to the octets that follow.
 * It must not free the decoder or feed it. */
typedef void (*nr_hdlc_frame_fn)(void *ctx, uint16_t protocol, const uint8_t *info, size_t len);

/* Why octets or frames were thrown away; every count only grows. */
typedef struct nr_hdlc_rx_stats {
    uint64_t frames;       /* frames delivered to the callback */
    uint64_t bad_fcs;      /* frames dropped: FCS check failed */
    uint64_t too_long;     /* frames dropped: more than MRU octets of information */
    uint64_t too_short;    /* frames dropped: fewer than 3 octets, or no room for protocol + FCS */
    uint64_t aborted;      /* frames dropped: ended by the abort sequence 0x7d 0x7e */
    uint64_t bad_header;   /* frames dropped: 0xff without 0x03, or a malformed protocol field */
    uint64_t ctl_dropped;  /* unescaped control characters in the receive ACCM, removed */
    uint64_t junk_octets;  /* octets before the first flag (a banner, line noise) */
} nr_hdlc_rx_stats;

typedef struct nr_hdlc_rx {
    nr_hdlc_frame_fn on_frame;
    void *ctx;
    uint32_t accm;         /* receive ACCM */
    size_t mru;
    uint8_t *buf;          /* mru + NR_HDLC_OVERHEAD octets */
    size_t len;            /* octets of the current frame, unescaped */
    uint16_t fcs;          /* running FCS of buf[0..len) */
    int state;             /* private */
    nr_hdlc_rx_stats stats;
} nr_hdlc_rx;

/* Prepares a decoder that accepts up to mru octets of information (use at
 * least NR_HDLC_DEFAULT_MRU: RFC 1661 says to accept 1500 whatever was
 * negotiated). It starts hunting for a flag with the receive ACCM at
 * NR_HDLC_ACCM_ALL. Returns 0, -EINVAL (NULL callback, mru 0 or > 65535) or
 * -ENOMEM. */
int nr_hdlc_rx_init(nr_hdlc_rx *rx, size_t mru, nr_hdlc_frame_fn on_frame, void *ctx);

/* Releases the buffer; the decoder may be initialised again. NULL is fine. */
void nr_hdlc_rx_free(nr_hdlc_rx *rx);

/* Decodes len octets, calling on_frame for each good frame they complete. */
void nr_hdlc_rx_feed(nr_hdlc_rx *rx, const void *data, size_t len);

/* Sets the receive ACCM: unescaped control characters whose bit is set are
 * treated as inserted by the line and removed (RFC 1662 section 4.2). Set it
 * to what the peer agreed to escape (0 accepts every control character) when
 * LCP opens with a negotiated ACCM: as long as it stays NR_HDLC_ACCM_ALL, a
 * peer that sends control characters raw loses every such frame (counted in
 * ctl_dropped and then bad_fcs). Escaped octets are always accepted, so
 * there is no need to restore it when LCP goes down. */
void nr_hdlc_rx_set_accm(nr_hdlc_rx *rx, uint32_t accm);

/* Changes the largest information field accepted. The frame in progress is
 * dropped (it is not counted). Returns 0, -EINVAL or -ENOMEM (the decoder
 * keeps its old MRU). */
int nr_hdlc_rx_set_mru(nr_hdlc_rx *rx, size_t mru);

/* Forgets the frame in progress and hunts for a flag again, as after
 * nr_hdlc_rx_init() (e.g. when the line was reopened). Counters are kept. */
void nr_hdlc_rx_reset(nr_hdlc_rx *rx);

#endif /* NR_RAS_HDLC_H */
