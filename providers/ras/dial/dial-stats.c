/*
 * dial-stats.c - the counters of a connection, what
 * RasGetConnectionStatistics and RasClearConnectionStatistics see
 * (dial.h, nr_dial_stats).
 *
 * The PPP link belongs to the worker thread and is never touched from
 * another: the worker publishes a snapshot of the served link's counters
 * (nr_ppp_link_get_stats) under conn->lock before it starts serving and
 * after every step, and readers take that snapshot.  A step only counts
 * what it moves and publishes right after, so the counters are exact; only
 * the connect duration moves between steps (a link with nothing to do
 * waits in poll() for as long as it likes), so a reader adds the time
 * since the snapshot while the link is Open.  A clear is a baseline here
 * (the snapshot at that moment, subtracted from the later ones), not a
 * call into the link: it needs no wake-up of the worker, and the link's
 * own times (Open, last IP datagram), which the idle timeout reads, stay
 * as they are.  The counters of a link that ended (lost, then redialed)
 * are carried into the connection's.
 *
 * Calls nothing of the other dial files; the worker, dial-serve.c,
 * dial-modem.c and dial-reconnect.c call it, the public API reads it.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "dial.h"

/* Every counter of nr_ppp_link_stats that adds up (not the times). */
#define COUNTERS(X)                                                                                          \
    X(octets_sent) X(octets_received) X(frames_sent) X(frames_received) X(crc_errors) X(timeout_errors)     \
        X(alignment_errors) X(hardware_overruns) X(framing_errors) X(buffer_overruns) X(connect_duration_ms)

/* acc += a - minus, counter by counter. */
static void add_difference(nr_ppp_link_stats *acc, const nr_ppp_link_stats *a, const nr_ppp_link_stats *minus)
{
#define ADD(f) acc->f += a->f - minus->f;
    COUNTERS(ADD)
#undef ADD
}

/* The served link's counters as of now: the snapshot, its duration run on
 * to now while the link is Open.  conn->lock held. */
static nr_ppp_link_stats live_now(const nr_dial_stats *s)
{
    nr_ppp_link_stats now = s->live;
    uint64_t t = nr_clock_ms(); /* the link's clock: its config leaves it at CLOCK_MONOTONIC */
    if (s->live_open && t > s->live.now_ms)
        now.connect_duration_ms += t - s->live.now_ms;
    return now;
}

void nr_dial_stats_publish(nr_dial *d, nr_ppp_link_stats *out)
{
    nr_ppp_link_stats snap;
    bool open = nr_ppp_link_phase(d->link) == NR_PPP_PHASE_OPEN;
    nr_ppp_link_get_stats(d->link, &snap);
    pthread_mutex_lock(&d->conn->lock);
    d->stats.live = snap;
    d->stats.serving = true;
    d->stats.live_open = open;
    pthread_mutex_unlock(&d->conn->lock);
    if (out)
        *out = snap;
}

void nr_dial_stats_link_ended(nr_dial *d)
{
    nr_dial_stats *s = &d->stats;
    nr_ppp_link_stats last;
    if (!d->link)
        return;
    nr_ppp_link_get_stats(d->link, &last); /* the worker's own link: what came after the last publish too */
    pthread_mutex_lock(&d->conn->lock);
    if (s->serving)
        add_difference(&s->carried, &last, &s->base);
    memset(&s->live, 0, sizeof s->live);
    memset(&s->base, 0, sizeof s->base);
    s->serving = s->live_open = false;
    pthread_mutex_unlock(&d->conn->lock);
}

void nr_dial_stats_connected_at(nr_dial *d, const char *speed)
{
    unsigned long long bps = 0;
    for (const char *p = speed; p && isdigit((unsigned char)*p) && bps <= UINT32_MAX; p++)
        bps = bps * 10 + (unsigned)(*p - '0');
    pthread_mutex_lock(&d->conn->lock);
    d->stats.bps = bps > UINT32_MAX ? UINT32_MAX : (DWORD)bps;
    pthread_mutex_unlock(&d->conn->lock);
}

void nr_dial_get_counters(nr_dial *d, nr_ppp_link_stats *total, DWORD *bps)
{
    pthread_mutex_lock(&d->conn->lock);
    *total = d->stats.carried;
    if (d->stats.serving) {
        nr_ppp_link_stats now = live_now(&d->stats);
        add_difference(total, &now, &d->stats.base);
    }
    *bps = d->stats.bps;
    pthread_mutex_unlock(&d->conn->lock);
    total->now_ms = total->opened_ms = total->last_ip_ms = 0; /* a link's times, not the connection's */
}

void nr_dial_get_stats(nr_dial *d, RAS_STATS *out)
{
    nr_ppp_link_stats t;
    DWORD size = out->dwSize, bps;
    nr_dial_get_counters(d, &t, &bps);
    /* DWORD counters wrap, as Windows' do */
    *out = (RAS_STATS){
        .dwSize = size,
        .dwBytesXmited = (DWORD)t.octets_sent,
        .dwBytesRcved = (DWORD)t.octets_received,
        .dwFramesXmited = (DWORD)t.frames_sent,
        .dwFramesRcved = (DWORD)t.frames_received,
        .dwCrcErr = (DWORD)t.crc_errors,
        .dwTimeoutErr = (DWORD)t.timeout_errors,
        .dwAlignmentErr = (DWORD)t.alignment_errors,
        .dwHardwareOverrunErr = (DWORD)t.hardware_overruns,
        .dwFramingErr = (DWORD)t.framing_errors,
        .dwBufferOverrunErr = (DWORD)t.buffer_overruns,
        .dwCompressionRatioIn = t.compression_ratio_in,
        .dwCompressionRatioOut = t.compression_ratio_out,
        .dwBps = bps,
        .dwConnectDuration = (DWORD)t.connect_duration_ms,
    };
}

void nr_dial_clear_stats(nr_dial *d)
{
    pthread_mutex_lock(&d->conn->lock);
    memset(&d->stats.carried, 0, sizeof d->stats.carried);
    if (d->stats.serving)
        d->stats.base = live_now(&d->stats);
    pthread_mutex_unlock(&d->conn->lock);
}
