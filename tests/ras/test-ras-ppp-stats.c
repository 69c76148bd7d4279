/*
 * test-ras-ppp-stats.c - the counters of a PPP link (providers/ras/ppp/
 * ppp-stats.c through nr_ppp_link_get_stats and nr_ppp_link_clear_stats),
 * what RasGetConnectionStatistics and the idle disconnect will be built on:
 * octets and frames against what the scripted peer of ppp-test-peer.h
 * actually read and wrote, each kind of damaged frame in its RAS_STATS
 * error, the last-IP time that IP moves and LCP echoes do not, the connect
 * duration and the clear, on a fake clock.  The PPP layer alone: this
 * program links nothing else.
 */
#include "config.h"

#include <netrouter/ras.h>
#include <string.h>
#include <unistd.h>

#include "cunit-main.h"
#include "hdlc.h"
#include "ppp-link.h"
#include "ppp-packet.h"
#include "ppp-test-peer.h"

NRT_SUITE("ras-ppp-stats");

/* ---- set-up --------------------------------------------------------------------------------- */

/* A link and the scripted peer on the fake clock (it starts at 1000 ms). */
typedef struct fx {
    nr_test_wire clock;
    nr_test_peer *p;
    nr_ppp_link_config cfg;
    nr_test_events ev;
    nr_ppp_link *l;
} fx;

/* The peer, fast timers, the fake clock, LCP echo every echo_ms (0: none);
 * no link yet. */
static fx *fx_new(unsigned echo_ms)
{
    static fx f;

    memset(&f, 0, sizeof f);
    nr_test_wire_init(&f.clock);
    f.p = nr_test_peer_new();
    NRT_NOT_NULL_FATAL(f.p);
    nr_ppp_link_config_init(&f.cfg);
    f.cfg.fsm.restart_ms = 100;
    f.cfg.timeout_ms = 20000;
    f.cfg.echo_interval_ms = echo_ms;
    f.cfg.clock = &f.clock.clock;
    return &f;
}

/* A link that is made but never started. */
static void fx_link(fx *f)
{
    NRT_EQ_FATAL(nr_ppp_link_new(f->p->link_fd, &f->cfg, nr_test_on_event, &f->ev, &f->l), 0);
}

/* Lets both ends read everything the other wrote, without moving the clock. */
static void settle(fx *f)
{
    int i;

    for (i = 0; i < 10; i++) {
        nr_test_peer_pump(f->p);
        nr_ppp_link_step(f->l, -1, 1);
    }
}

/* The link dialed against the peer: Open, and all said. */
static void fx_dial(fx *f)
{
    f->l = nr_test_peer_dial(f->p, &f->cfg, &f->ev);
    NRT_NOT_NULL_FATAL(f->l);
    NRT_EQ_FATAL(nr_ppp_link_phase(f->l), NR_PPP_PHASE_OPEN);
    settle(f);
}

static void fx_free(fx *f)
{
    nr_ppp_link_free(f->l);
    nr_test_peer_free(f->p);
}

/* Advances the fake clock by ms, letting the link and the peer talk after it. */
static void tick(fx *f, unsigned ms)
{
    f->clock.now += ms;
    nr_ppp_link_step(f->l, -1, 0);
    nr_test_peer_pump(f->p);
    nr_ppp_link_step(f->l, -1, 0);
}

static nr_ppp_link_stats stats_of(const fx *f)
{
    nr_ppp_link_stats s;

    memset(&s, 0xa5, sizeof s); /* every field must be written */
    nr_ppp_link_get_stats(f->l, &s);
    return s;
}

/* Octets on the peer's side of the line, as they are (framed by hand or damaged). */
static void peer_writes(fx *f, const void *wire, size_t n)
{
    NRT_EQ_FATAL(write(f->p->fd, wire, n), (ssize_t)n);
}

/* A UDP datagram from 10.0.2.15 to 10.0.2.2, as the peer's udp_echo wants it. */
static const uint8_t udp[28] = { 0x45, 0x00, 0x00, 0x1c, 0x00, 0x01, 0x00, 0x00, 0x40, 0x11, 0x00, 0x00,
                                 0x0a, 0x00, 0x02, 0x0f, 0x0a, 0x00, 0x02, 0x02, 0x30, 0x39, 0x00, 0x07,
                                 0x00, 0x08, 0x00, 0x00 };

/* The datagram framed with the defaults and one octet of it changed: a bad FCS. */
static size_t udp_with_bad_fcs(uint8_t *wire, size_t size)
{
    uint8_t *hit;
    size_t n;

    NRT_EQ_FATAL(nr_hdlc_encode(NULL, NR_PPP_PROTO_IP, udp, sizeof udp, wire, size, &n), 0);
    hit = memchr(wire, 0x39, n); /* a port octet: plain on the wire */
    NRT_NOT_NULL_FATAL(hit);
    *hit ^= 0x01;
    return n;
}

/* One frame around body (address, control, protocol and information) with
 * its FCS, every octet below 0x20 escaped; returns its length. */
static size_t frame_by_hand(const uint8_t *body, size_t len, uint8_t *out)
{
    uint16_t fcs = (uint16_t)~nr_hdlc_fcs16(NR_HDLC_FCS_INIT, body, len);
    uint8_t all[64];
    size_t i, n = 0;

    memcpy(all, body, len);
    all[len] = (uint8_t)(fcs & 0xff);
    all[len + 1] = (uint8_t)(fcs >> 8);
    out[n++] = NR_HDLC_FLAG;
    for (i = 0; i < len + 2; i++) {
        if (all[i] < 0x20 || all[i] == NR_HDLC_FLAG || all[i] == NR_HDLC_ESCAPE) {
            out[n++] = NR_HDLC_ESCAPE;
            out[n++] = all[i] ^ NR_HDLC_ESCAPE_XOR;
        } else {
            out[n++] = all[i];
        }
    }
    out[n++] = NR_HDLC_FLAG;
    return n;
}

/* ---- octets and frames ---------------------------------------------------------------------- */

NRT_TEST(counters_after_a_dial_match_what_the_peer_read_and_wrote)
{
    fx *f = fx_new(0);
    nr_test_peer *p = f->p;
    nr_ppp_link_stats s;

    p->auth = NR_TEST_PEER_AUTH_PAP;
    f->cfg.user = "alice";
    f->cfg.password = "s3cret";
    fx_dial(f);
    s = stats_of(f);
    NRT_GT(s.frames_sent, 3); /* LCP request and ack, PAP, IPCP at least */
    NRT_EQ(s.octets_sent, p->octets_read);
    NRT_EQ(s.frames_sent, p->rx.stats.frames);
    NRT_EQ(s.octets_received, p->octets_written);
    NRT_EQ(s.frames_received, p->frames_written);
    NRT_EQ(p->rx.stats.bad_fcs + p->rx.stats.too_long + p->rx.stats.too_short + p->rx.stats.bad_header, 0);

    /* IP both ways: the same on each side */
    p->udp_echo = true;
    NRT_EQ(nr_ppp_link_send_ip(f->l, udp, sizeof udp), 0);
    NRT_EQ(nr_ppp_link_send_ip(f->l, udp, sizeof udp), 0);
    settle(f);
    NRT_EQ(p->ip_datagrams, 2);
    s = stats_of(f);
    NRT_EQ(s.octets_sent, p->octets_read);
    NRT_EQ(s.frames_sent, p->rx.stats.frames);
    NRT_EQ(s.octets_received, p->octets_written);
    NRT_EQ(s.frames_received, p->frames_written);

    /* a clean line: no error of any kind, nothing compressed */
    NRT_EQ(s.crc_errors, 0);
    NRT_EQ(s.timeout_errors, 0);
    NRT_EQ(s.alignment_errors, 0);
    NRT_EQ(s.hardware_overruns, 0);
    NRT_EQ(s.framing_errors, 0);
    NRT_EQ(s.buffer_overruns, 0);
    NRT_EQ(s.compression_ratio_in, 0);
    NRT_EQ(s.compression_ratio_out, 0);
    fx_free(f);
}

NRT_TEST(octets_are_counted_on_the_wire_with_flags_escapes_and_fcs)
{
    fx *f = fx_new(0);
    uint8_t wire[NR_HDLC_ENCODE_BOUND(sizeof udp)];
    nr_ppp_link_stats before, after;
    const nr_ppp_lcp_result *lcp;
    nr_hdlc_tx_opts tx;
    size_t n;

    fx_dial(f);
    before = stats_of(f);
    NRT_EQ(nr_ppp_link_send_ip(f->l, udp, sizeof udp), 0);
    after = stats_of(f);
    /* exactly the frame the link's transmit options make of it */
    lcp = &nr_ppp_link_projection(f->l)->lcp;
    tx.accm = lcp->tx_accm;
    tx.acfc = lcp->tx_acfc;
    tx.pfc = lcp->tx_pfc;
    NRT_EQ_FATAL(nr_hdlc_encode(&tx, NR_PPP_PROTO_IP, udp, sizeof udp, wire, sizeof wire, &n), 0);
    NRT_GT(n, sizeof udp);
    NRT_EQ(after.octets_sent - before.octets_sent, n);
    NRT_EQ(after.frames_sent - before.frames_sent, 1);
    fx_free(f);
}

/* ---- receive errors ------------------------------------------------------------------------- */

NRT_TEST(corrupted_frame_counts_as_a_crc_error_and_is_not_ip_traffic)
{
    fx *f = fx_new(0);
    uint8_t wire[NR_HDLC_ENCODE_BOUND(sizeof udp)];
    nr_ppp_link_stats before, after;
    size_t n;

    fx_dial(f);
    before = stats_of(f);
    n = udp_with_bad_fcs(wire, sizeof wire);
    peer_writes(f, wire, n);
    f->clock.now += 500;
    settle(f);
    after = stats_of(f);
    NRT_EQ(after.crc_errors - before.crc_errors, 1);
    NRT_EQ(after.frames_received, before.frames_received);
    NRT_EQ(after.octets_received - before.octets_received, n);
    NRT_EQ(after.last_ip_ms, 0); /* nothing of it reached IP */
    NRT_EQ(nr_ppp_link_phase(f->l), NR_PPP_PHASE_OPEN);
    fx_free(f);
}

NRT_TEST(over_long_frame_counts_as_a_buffer_overrun)
{
    static uint8_t big[NR_HDLC_DEFAULT_MRU + 100], wire[NR_HDLC_ENCODE_BOUND(sizeof big)];
    fx *f = fx_new(0);
    nr_ppp_link_stats before, after;
    size_t n;

    fx_dial(f);
    before = stats_of(f);
    memset(big, 'A', sizeof big);
    memcpy(big, udp, sizeof udp);
    NRT_EQ_FATAL(nr_hdlc_encode(NULL, NR_PPP_PROTO_IP, big, sizeof big, wire, sizeof wire, &n), 0);
    peer_writes(f, wire, n);
    settle(f);
    after = stats_of(f);
    NRT_EQ(after.buffer_overruns - before.buffer_overruns, 1);
    NRT_EQ(after.crc_errors, before.crc_errors);
    NRT_EQ(after.frames_received, before.frames_received);
    NRT_EQ(after.octets_received - before.octets_received, n);
    NRT_EQ(after.last_ip_ms, 0);
    fx_free(f);
}

NRT_TEST(aborted_and_runt_frames_count_as_alignment_errors)
{
    static const uint8_t aborted[] = { NR_HDLC_FLAG, 0xff, 0x7d, 0x23, 0xc0, 0x21, NR_HDLC_ESCAPE, NR_HDLC_FLAG };
    static const uint8_t runt[] = { 0x41, 0x42, NR_HDLC_FLAG };
    fx *f = fx_new(0);
    nr_ppp_link_stats s;

    fx_link(f);
    nr_ppp_link_feed(f->l, aborted, sizeof aborted); /* 0x7d 0x7e: the sender gave up on it */
    nr_ppp_link_feed(f->l, runt, sizeof runt);       /* two octets: no room for protocol and FCS */
    s = stats_of(f);
    NRT_EQ(s.alignment_errors, 2);
    NRT_EQ(s.crc_errors, 0);
    NRT_EQ(s.framing_errors, 0);
    NRT_EQ(s.frames_received, 0);
    NRT_EQ(s.octets_received, sizeof aborted + sizeof runt);
    fx_free(f);
}

NRT_TEST(junk_before_the_first_flag_and_a_bad_header_count_as_framing_errors)
{
    static const uint8_t junk[] = "\r\nNO CARRIER"; /* octets before any flag */
    static const uint8_t bad[] = { 0xff, 0x05, 0xc0, 0x21, 0x09, 0x01, 0x00, 0x08, 0, 0, 0, 0 }; /* control 5 */
    fx *f = fx_new(0);
    uint8_t wire[64];
    nr_ppp_link_stats s;
    size_t n;

    fx_link(f);
    nr_ppp_link_feed(f->l, junk, sizeof junk - 1);
    n = frame_by_hand(bad, sizeof bad, wire);
    nr_ppp_link_feed(f->l, wire, n);
    s = stats_of(f);
    NRT_EQ(s.framing_errors, (sizeof junk - 1) + 1);
    NRT_EQ(s.crc_errors, 0); /* the FCS was right: only the header is wrong */
    NRT_EQ(s.alignment_errors, 0);
    NRT_EQ(s.octets_received, sizeof junk - 1 + n);
    fx_free(f);
}

/* ---- the last IP datagram, for idle disconnect ---------------------------------------------- */

NRT_TEST(ip_traffic_moves_the_last_ip_time_and_lcp_echo_does_not)
{
    fx *f = fx_new(1000);
    nr_ppp_link_stats s;
    uint64_t frames;
    int i;

    fx_dial(f);
    s = stats_of(f);
    NRT_EQ(s.opened_ms, 1000);
    NRT_EQ(s.last_ip_ms, 0);
    frames = s.frames_sent;

    /* five seconds of keepalive: control traffic, not IP */
    for (i = 0; i < 50; i++)
        tick(f, 100);
    NRT_GE(f->p->echo_replies, 4);
    s = stats_of(f);
    NRT_GE(s.frames_sent - frames, 4); /* the echoes are frames all the same */
    NRT_EQ(s.last_ip_ms, 0);
    NRT_EQ(s.now_ms, 6000);

    /* a datagram out at 6000, its echo back at 6500 */
    f->p->udp_echo = true;
    NRT_EQ(nr_ppp_link_send_ip(f->l, udp, sizeof udp), 0);
    NRT_EQ(stats_of(f).last_ip_ms, 6000);
    nr_test_peer_pump(f->p);
    f->clock.now = 6500;
    settle(f);
    NRT_EQ(stats_of(f).last_ip_ms, 6500);

    /* more echoes only */
    f->p->udp_echo = false;
    for (i = 0; i < 30; i++)
        tick(f, 100);
    NRT_GE(f->p->echo_replies, 7);
    NRT_EQ(stats_of(f).last_ip_ms, 6500);
    NRT_EQ(nr_ppp_link_phase(f->l), NR_PPP_PHASE_OPEN);
    fx_free(f);
}

/* ---- the connect duration and the clear ----------------------------------------------------- */

NRT_TEST(connect_duration_is_0_before_open)
{
    fx *f = fx_new(0);

    fx_link(f);
    f->clock.now += 700;
    NRT_EQ(stats_of(f).connect_duration_ms, 0);
    NRT_EQ(stats_of(f).opened_ms, 0);
    nr_ppp_link_start(f->l);
    f->clock.now += 700; /* negotiating, not Open */
    NRT_EQ(stats_of(f).connect_duration_ms, 0);
    fx_free(f);
}

NRT_TEST(connect_duration_grows_with_the_fake_clock_from_open_and_stops_at_close)
{
    fx *f = fx_new(0);
    int i;

    f->clock.now += 700;
    fx_dial(f);
    NRT_EQ(stats_of(f).connect_duration_ms, 0);
    NRT_EQ(stats_of(f).opened_ms, 1700);
    f->clock.now += 2500;
    NRT_EQ(stats_of(f).connect_duration_ms, 2500);
    f->clock.now += 1;
    NRT_EQ(stats_of(f).connect_duration_ms, 2501);

    nr_ppp_link_close(f->l);
    for (i = 0; i < 200 && nr_ppp_link_phase(f->l) != NR_PPP_PHASE_DEAD; i++)
        settle(f);
    NRT_EQ_FATAL(nr_ppp_link_phase(f->l), NR_PPP_PHASE_DEAD);
    f->clock.now += 10000;
    NRT_EQ(stats_of(f).connect_duration_ms, 2501); /* frozen when it closed */
    fx_free(f);
}

NRT_TEST(connect_duration_stops_when_the_link_is_lost)
{
    fx *f = fx_new(1000);
    uint64_t lost_at = 0, d;
    int i;

    fx_dial(f);
    f->p->echo_silent = true; /* the server is gone: 721 after three unanswered echoes */
    for (i = 0; i < 100 && nr_ppp_link_phase(f->l) != NR_PPP_PHASE_DEAD; i++) {
        tick(f, 100);
        lost_at = f->clock.now;
    }
    NRT_EQ_FATAL(nr_ppp_link_phase(f->l), NR_PPP_PHASE_DEAD);
    NRT_EQ(nr_ppp_link_error(f->l, NULL), ERROR_PPP_NO_RESPONSE);
    d = stats_of(f).connect_duration_ms;
    NRT_EQ(d, lost_at - 1000);
    f->clock.now += 5000;
    NRT_EQ(stats_of(f).connect_duration_ms, d);
    fx_free(f);
}

NRT_TEST(clear_resets_the_counters_and_the_duration_but_not_the_open_and_ip_times)
{
    fx *f = fx_new(1000);
    nr_test_peer *p = f->p;
    uint8_t wire[NR_HDLC_ENCODE_BOUND(sizeof udp)];
    uint64_t read0, written0, framesin0, framesout0;
    nr_ppp_link_stats s;
    size_t n;
    int i;

    fx_dial(f);
    p->udp_echo = true;
    NRT_EQ(nr_ppp_link_send_ip(f->l, udp, sizeof udp), 0);
    settle(f);
    n = udp_with_bad_fcs(wire, sizeof wire);
    peer_writes(f, wire, n);
    settle(f);
    f->clock.now += 3000;
    s = stats_of(f);
    NRT_GT(s.octets_sent, 0);
    NRT_GT(s.frames_received, 0);
    NRT_EQ(s.crc_errors, 1);
    NRT_EQ(s.connect_duration_ms, 3000);

    nr_ppp_link_clear_stats(f->l);
    s = stats_of(f);
    NRT_EQ(s.octets_sent, 0);
    NRT_EQ(s.octets_received, 0);
    NRT_EQ(s.frames_sent, 0);
    NRT_EQ(s.frames_received, 0);
    NRT_EQ(s.crc_errors, 0);
    NRT_EQ(s.alignment_errors + s.framing_errors + s.buffer_overruns, 0);
    NRT_EQ(s.connect_duration_ms, 0);
    NRT_EQ(s.opened_ms, 1000);  /* when it opened, still */
    NRT_EQ(s.last_ip_ms, 1000); /* the datagram and its echo, before the clock moved */

    /* from the clear on, everything counts again from zero */
    read0 = p->octets_read;
    written0 = p->octets_written;
    framesin0 = p->rx.stats.frames;
    framesout0 = p->frames_written;
    for (i = 0; i < 25; i++) /* 2.5 s: echoes */
        tick(f, 100);
    settle(f);
    peer_writes(f, wire, n); /* the same bad FCS again */
    settle(f);
    s = stats_of(f);
    NRT_GE(s.frames_sent, 2);
    NRT_EQ(s.octets_sent, p->octets_read - read0);
    NRT_EQ(s.frames_sent, p->rx.stats.frames - framesin0);
    NRT_EQ(s.octets_received, p->octets_written - written0 + n);
    NRT_EQ(s.frames_received, p->frames_written - framesout0);
    NRT_EQ(s.crc_errors, 1);
    NRT_EQ(s.connect_duration_ms, 2500);
    fx_free(f);
}
