/*
 * ppp-stats.h - the counters of one PPP link, what RasGetConnectionStatistics
 * (RAS_STATS) reports and what an idle-disconnect timer needs: octets and
 * frames on the wire in each direction, the receive errors sorted the way
 * RAS_STATS sorts them, how long the link has been Open, and when the last
 * IP datagram went either way.
 *
 * It owns the counters the HDLC decoder does not keep (octets read, frames
 * and octets written, the times) and turns the decoder's drop counters
 * (hdlc.h nr_hdlc_rx_stats, which only grow) into RAS_STATS errors, minus
 * what they were at the last clear; it counts nothing twice.  It does no
 * I/O and knows nothing of the link that owns it (ppp-link.c calls it, never
 * the other way round): the link tells it what it wrote, what it read, when
 * IP moved and when it opened and closed; time comes from the link's
 * injected clock, so tests run it on a fake one.
 *
 *     nr_ppp_stats s;
 *     nr_ppp_stats_init(&s, clock);
 *     ... nr_ppp_stats_received(&s, n);                 // every read from the line
 *     ... nr_ppp_stats_sent(&s, NR_PPP_PROTO_IP, n);    // every frame written, n octets framed
 *     ... nr_ppp_stats_ip_received(&s);                 // every IP datagram of an Open link
 *     ... nr_ppp_stats_opened(&s); ... nr_ppp_stats_closed(&s);
 *     nr_ppp_link_stats out;
 *     nr_ppp_stats_report(&s, &rx.stats, &out);
 *     nr_ppp_stats_clear(&s, &rx.stats);                // RasClearConnectionStatistics
 */
#ifndef NR_RAS_PPP_STATS_H
#define NR_RAS_PPP_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "hdlc.h"
#include "ppp-fsm.h"

/* One snapshot, since the link was made or last cleared.  Octets are on
 * the wire: flags, escapes, address/control, protocol and FCS included.
 * Times are milliseconds of the link's clock (nr_ppp_link_config.clock),
 * 0 = never. */
typedef struct nr_ppp_link_stats {
    uint64_t octets_sent, octets_received;  /* dwBytesXmited, dwBytesRcved; received counts every
                                               octet read, junk and bad frames included */
    uint64_t frames_sent, frames_received;  /* dwFramesXmited; dwFramesRcved: good frames only */
    uint64_t crc_errors;                    /* dwCrcErr: frames with a bad FCS */
    uint64_t timeout_errors;                /* dwTimeoutErr: always 0; an asynchronous line has no
                                               timer inside a frame (LCP and IPCP restart timers
                                               are negotiation, not line errors) */
    uint64_t alignment_errors;              /* dwAlignmentErr: frames aborted (0x7d 0x7e) or too
                                               short to hold a protocol and an FCS */
    uint64_t hardware_overruns;             /* dwHardwareOverrunErr: always 0; the UART's overruns
                                               are the tty driver's and never reach user space */
    uint64_t framing_errors;                /* dwFramingErr: frames with a malformed address,
                                               control or protocol field, plus the octets outside
                                               any frame (junk before the first flag) */
    uint64_t buffer_overruns;               /* dwBufferOverrunErr: frames longer than the MRU */
    uint32_t compression_ratio_in;          /* dwCompressionRatioIn/Out: always 0, no compression is */
    uint32_t compression_ratio_out;         /* ever negotiated (CCP is Protocol-Rejected) */
    uint64_t connect_duration_ms;           /* dwConnectDuration: time Open, from the later of the
                                               last Open and the last clear; frozen once it closed */
    /* for idle disconnect, not in RAS_STATS */
    uint64_t now_ms;                        /* when this snapshot was taken */
    uint64_t opened_ms;                     /* when the link last reached Open */
    uint64_t last_ip_ms;                    /* the last IP datagram sent or received while Open
                                               (LCP echoes and all control traffic do not count);
                                               0 = none yet: count idle time from opened_ms */
} nr_ppp_link_stats;

/* The link's own counters; the decoder's stay in its nr_hdlc_rx. */
typedef struct nr_ppp_stats {
    const nr_ppp_clock *clock;
    uint64_t octets_sent, octets_received, frames_sent; /* since the last clear */
    nr_hdlc_rx_stats rx_base;  /* the decoder's counters at the last clear */
    uint64_t cleared_ms;       /* the last clear, 0 = never */
    uint64_t opened_ms;        /* the last Open, 0 = never */
    uint64_t closed_ms;        /* when it left Open after opened_ms, 0 = still Open */
    uint64_t last_ip_ms;       /* 0 = no IP yet */
} nr_ppp_stats;

/* Zeroes everything; clock is kept (NULL = CLOCK_MONOTONIC). */
void nr_ppp_stats_init(nr_ppp_stats *s, const nr_ppp_clock *clock);

/* len octets read from the line (before decoding). */
void nr_ppp_stats_received(nr_ppp_stats *s, size_t len);
/* One frame of protocol written whole, len octets framed; an IP datagram
 * (NR_PPP_PROTO_IP) also moves the last-IP time. */
void nr_ppp_stats_sent(nr_ppp_stats *s, uint16_t protocol, size_t len);
/* An IP datagram received on an Open link. */
void nr_ppp_stats_ip_received(nr_ppp_stats *s);

/* The link reached Open: the connect duration starts. */
void nr_ppp_stats_opened(nr_ppp_stats *s);
/* The link left Open (closing, failing or lost): the duration stops.
 * Harmless when it was not Open. */
void nr_ppp_stats_closed(nr_ppp_stats *s);

/* The snapshot: the link's counters and rx (the decoder's) minus the
 * baseline of the last clear. */
void nr_ppp_stats_report(const nr_ppp_stats *s, const nr_hdlc_rx_stats *rx, nr_ppp_link_stats *out);
/* RasClearConnectionStatistics ("clears any accumulated statistics", says
 * its documentation): every counter back to 0 (rx, the decoder's counters
 * now, becomes the baseline) and the connect duration counted from now,
 * the duration being one of those statistics.  The open and last-IP times
 * stay: clearing the statistics must not make an idle link look busy, nor
 * a busy one idle. */
void nr_ppp_stats_clear(nr_ppp_stats *s, const nr_hdlc_rx_stats *rx);

#endif /* NR_RAS_PPP_STATS_H */
