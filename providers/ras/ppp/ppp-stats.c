/*
 * ppp-stats.c - the counters of one PPP link (see ppp-stats.h).
 *
 * Invariants: the decoder's counters are read, never written (they only
 * grow; a clear moves the baseline); every count is "since the last
 * clear"; nothing here calls into the link.
 */
#include "config.h"

#include <string.h>

#include "ppp-packet.h"
#include "ppp-stats.h"

void nr_ppp_stats_init(nr_ppp_stats *s, const nr_ppp_clock *clock)
{
    memset(s, 0, sizeof *s);
    s->clock = clock;
}

void nr_ppp_stats_received(nr_ppp_stats *s, size_t len)
{
    s->octets_received += len;
}

void nr_ppp_stats_sent(nr_ppp_stats *s, uint16_t protocol, size_t len)
{
    s->octets_sent += len;
    s->frames_sent++;
    if (protocol == NR_PPP_PROTO_IP)
        s->last_ip_ms = nr_ppp_clock_now(s->clock);
}

void nr_ppp_stats_ip_received(nr_ppp_stats *s)
{
    s->last_ip_ms = nr_ppp_clock_now(s->clock);
}

void nr_ppp_stats_opened(nr_ppp_stats *s)
{
    s->opened_ms = nr_ppp_clock_now(s->clock);
    s->closed_ms = 0;
}

void nr_ppp_stats_closed(nr_ppp_stats *s)
{
    if (s->opened_ms && !s->closed_ms)
        s->closed_ms = nr_ppp_clock_now(s->clock);
}

/* How long the link was Open since the later of its Open and the last clear. */
static uint64_t duration(const nr_ppp_stats *s, uint64_t now)
{
    uint64_t from = s->opened_ms > s->cleared_ms ? s->opened_ms : s->cleared_ms;
    uint64_t to = s->closed_ms ? s->closed_ms : now;

    return s->opened_ms && to > from ? to - from : 0;
}

void nr_ppp_stats_report(const nr_ppp_stats *s, const nr_hdlc_rx_stats *rx, nr_ppp_link_stats *out)
{
    const nr_hdlc_rx_stats *b = &s->rx_base;

    memset(out, 0, sizeof *out);
    out->now_ms = nr_ppp_clock_now(s->clock);
    out->octets_sent = s->octets_sent;
    out->octets_received = s->octets_received;
    out->frames_sent = s->frames_sent;
    out->frames_received = rx->frames - b->frames;
    out->crc_errors = rx->bad_fcs - b->bad_fcs;
    out->alignment_errors = (rx->aborted - b->aborted) + (rx->too_short - b->too_short);
    out->framing_errors = (rx->bad_header - b->bad_header) + (rx->junk_octets - b->junk_octets);
    out->buffer_overruns = rx->too_long - b->too_long;
    out->connect_duration_ms = duration(s, out->now_ms);
    out->opened_ms = s->opened_ms;
    out->last_ip_ms = s->last_ip_ms;
}

void nr_ppp_stats_clear(nr_ppp_stats *s, const nr_hdlc_rx_stats *rx)
{
    s->octets_sent = s->octets_received = s->frames_sent = 0;
    s->rx_base = *rx;
    s->cleared_ms = nr_ppp_clock_now(s->clock);
}
