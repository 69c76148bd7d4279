/*
 * test-ras-hdlc.c - RFC 1662 framing (providers/ras/ppp/hdlc.c): the FCS-16,
 * escaping and the LCP rule in the encoder, and the streaming decoder's
 * handling of chunking, junk, aborts, runts, oversize and bad-FCS frames and
 * control characters inserted by the line. Two frames are real captures of
 * Debian's slirp (docs/research/slirp-ppp-peer.md section 3).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cunit-main.h"
#include "hdlc.h"
#include "ppp-packet.h"

NRT_SUITE("ras-hdlc");

/* ---- helpers -------------------------------------------------------------------------------- */

#define MAX_FRAMES 64

typedef struct got_frame {
    uint16_t protocol;
    size_t len;
    uint8_t info[2048];
} got_frame;

typedef struct sink {
    size_t n;
    got_frame frames[MAX_FRAMES];
} sink;

static void collect(void *ctx, uint16_t protocol, const uint8_t *info, size_t len)
{
    sink *s = ctx;
    NRT_LT_FATAL(s->n, MAX_FRAMES);
    NRT_LE_FATAL(len, sizeof s->frames[0].info);
    s->frames[s->n].protocol = protocol;
    s->frames[s->n].len = len;
    memcpy(s->frames[s->n].info, info, len);
    s->n++;
}

static uint32_t rng_state = 0x12345678u;

static uint32_t rnd(void)
{
    /* xorshift32: reproducible across runs */
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

/* Encodes into a static buffer; fails the test if it does not fit. */
static size_t encode(const nr_hdlc_tx_opts *tx, uint16_t protocol, const void *info, size_t len, uint8_t *out,
                     size_t size)
{
    size_t n = 0;
    int rc = nr_hdlc_encode(tx, protocol, info, len, out, size, &n);
    NRT_EQ_FATAL(rc, 0);
    NRT_LE_FATAL(n, NR_HDLC_ENCODE_BOUND(len));
    return n;
}

static void feed_bytewise(nr_hdlc_rx *rx, const uint8_t *p, size_t len)
{
    for (size_t i = 0; i < len; i++)
        nr_hdlc_rx_feed(rx, p + i, 1);
}

static bool contains(const uint8_t *hay, size_t n, const uint8_t *needle, size_t m)
{
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(hay + i, needle, m) == 0)
            return true;
    return false;
}

static const uint8_t ipcp_conf_req[] = { 0x01, 0x01, 0x00, 0x10, 0x03, 0x06, 0x00, 0x00,
                                         0x00, 0x00, 0x02, 0x06, 0x00, 0x2d, 0x0f, 0x01 };

/* ---- FCS ------------------------------------------------------------------------------------ */

NRT_TEST(test_fcs16_of_123456789_is_0x906e)
{
    uint16_t fcs = nr_hdlc_fcs16(NR_HDLC_FCS_INIT, "123456789", 9);
    NRT_EQ(fcs ^ 0xffff, 0x906e);
}

NRT_TEST(test_fcs16_over_data_and_its_sent_fcs_is_good)
{
    uint8_t buf[11] = "123456789";
    uint16_t fcs = nr_hdlc_fcs16(NR_HDLC_FCS_INIT, buf, 9) ^ 0xffff;
    buf[9] = (uint8_t)(fcs & 0xff); /* least significant octet first */
    buf[10] = (uint8_t)(fcs >> 8);
    NRT_EQ(nr_hdlc_fcs16(NR_HDLC_FCS_INIT, buf, 11), NR_HDLC_FCS_GOOD);
}

/* ---- encoder -------------------------------------------------------------------------------- */

NRT_TEST(test_encoder_matches_slirp_ipcp_frame_on_the_wire)
{
    /* slirp, after ACCM 0 was acked: unescaped, ff 03 and a 2-octet protocol. */
    static const uint8_t wire[] = { 0x7e, 0xff, 0x03, 0x80, 0x21, 0x01, 0x01, 0x00, 0x10, 0x03, 0x06, 0x00,
                                    0x00, 0x00, 0x00, 0x02, 0x06, 0x00, 0x2d, 0x0f, 0x01, 0xda, 0xa2, 0x7e };
    nr_hdlc_tx_opts tx = { 0, false, false };
    uint8_t out[64];
    size_t n = encode(&tx, NR_PPP_PROTO_IPCP, ipcp_conf_req, sizeof ipcp_conf_req, out, sizeof out);
    NRT_EQ(n, sizeof wire);
    NRT_EQ_MEM(out, wire, sizeof wire);
}

NRT_TEST(test_encoder_escapes_flag_and_escape_octets)
{
    static const uint8_t info[] = { 0x7e, 0x41, 0x7d };
    static const uint8_t expect[] = { 0x7d, 0x5e, 0x41, 0x7d, 0x5d };
    nr_hdlc_tx_opts tx = { 0, true, true };
    uint8_t out[64];
    size_t n = encode(&tx, NR_PPP_PROTO_IP, info, sizeof info, out, sizeof out);
    NRT_TRUE(contains(out, n, expect, sizeof expect));
    /* The only raw flags are the opening and closing ones. */
    for (size_t i = 1; i + 1 < n; i++)
        NRT_NE(out[i], NR_HDLC_FLAG);
}

NRT_TEST(test_encoder_escapes_only_control_chars_in_the_accm)
{
    static const uint8_t info[] = { 0x11, 0x12, 0x13, 0x00, 0x1f, 0x20 };
    static const uint8_t expect[] = { 0x7d, 0x31, 0x12, 0x7d, 0x33, 0x00, 0x1f, 0x20 };
    nr_hdlc_tx_opts tx = { (1u << 0x11) | (1u << 0x13), true, true };
    uint8_t out[64];
    size_t n = encode(&tx, NR_PPP_PROTO_IP, info, sizeof info, out, sizeof out);
    /* 7e, 21 (PFC, no ff 03), then the information */
    NRT_EQ(out[0], 0x7e);
    NRT_EQ(out[1], 0x21);
    NRT_EQ_MEM(out + 2, expect, sizeof expect);
    NRT_EQ(out[n - 1], 0x7e);
}

NRT_TEST(test_encoder_with_default_accm_sends_no_raw_control_char)
{
    uint8_t info[32], out[NR_HDLC_ENCODE_BOUND(32)];
    for (size_t i = 0; i < sizeof info; i++)
        info[i] = (uint8_t)i;
    size_t n = encode(NULL, NR_PPP_PROTO_IPCP, info, sizeof info, out, sizeof out);
    for (size_t i = 0; i < n; i++)
        NRT_GE(out[i], 0x20);
}

NRT_TEST(test_lcp_is_always_sent_fully_escaped_with_full_header)
{
    /* pppd's LCP ConfReq as seen on the wire to slirp starts 7e ff 7d 23 c0 21 7d 21 7d 21 7d 20 7d 34. */
    static const uint8_t info[] = { 0x01, 0x01, 0x00, 0x14, 0x02, 0x06, 0x00, 0x00, 0x00, 0x00,
                                    0x05, 0x06, 0x3e, 0x68, 0x31, 0xf7, 0x07, 0x02, 0x08, 0x02 };
    static const uint8_t prefix[] = { 0x7e, 0xff, 0x7d, 0x23, 0xc0, 0x21, 0x7d, 0x21, 0x7d, 0x21, 0x7d, 0x20, 0x7d, 0x34 };
    nr_hdlc_tx_opts lax = { 0, true, true };
    uint8_t a[128], b[128];
    size_t na = encode(&lax, NR_PPP_PROTO_LCP, info, sizeof info, a, sizeof a);
    size_t nb = encode(NULL, NR_PPP_PROTO_LCP, info, sizeof info, b, sizeof b);
    NRT_EQ(na, nb);
    NRT_EQ_MEM(a, b, na);
    NRT_EQ_MEM(a, prefix, sizeof prefix);
    for (size_t i = 0; i < na; i++)
        NRT_GE(a[i], 0x20);
}

NRT_TEST(test_encoder_never_compresses_protocol_0x00ff_or_two_octet_protocols)
{
    nr_hdlc_tx_opts tx = { 0, true, true };
    uint8_t out[32];
    size_t n = encode(&tx, 0x00ff, "x", 1, out, sizeof out);
    NRT_GE(n, 3);
    NRT_EQ(out[1], 0x00);
    NRT_EQ(out[2], 0xff);
    encode(&tx, NR_PPP_PROTO_IPCP, "x", 1, out, sizeof out);
    NRT_EQ(out[1], 0x80);
    NRT_EQ(out[2], 0x21);
}

NRT_TEST(test_encoder_reports_needed_size_when_buffer_is_too_small)
{
    uint8_t big[64], small[8];
    size_t need = 0, n = 0;
    NRT_EQ(nr_hdlc_encode(NULL, NR_PPP_PROTO_IPCP, ipcp_conf_req, sizeof ipcp_conf_req, big, sizeof big, &n), 0);
    NRT_EQ(nr_hdlc_encode(NULL, NR_PPP_PROTO_IPCP, ipcp_conf_req, sizeof ipcp_conf_req, small, sizeof small, &need),
           -ENOBUFS);
    NRT_EQ(need, n);
    NRT_EQ(nr_hdlc_encode(NULL, NR_PPP_PROTO_IPCP, ipcp_conf_req, sizeof ipcp_conf_req, NULL, 0, &need), -ENOBUFS);
    NRT_EQ(need, n);
}

NRT_TEST(test_encoder_rejects_malformed_protocol_numbers)
{
    uint8_t out[32];
    size_t n;
    NRT_EQ(nr_hdlc_encode(NULL, 0x0020, "x", 1, out, sizeof out, &n), -EINVAL); /* even low octet */
    NRT_EQ(nr_hdlc_encode(NULL, 0x0121, "x", 1, out, sizeof out, &n), -EINVAL); /* odd high octet */
    NRT_EQ(nr_hdlc_encode(NULL, NR_PPP_PROTO_IP, NULL, 1, out, sizeof out, &n), -EINVAL);
    NRT_EQ(nr_hdlc_encode(NULL, NR_PPP_PROTO_IP, "x", 1, out, sizeof out, NULL), -EINVAL);
}

/* ---- round trips ------------------------------------------------------------------------------ */

NRT_TEST(test_round_trip_of_random_payloads_over_accms_and_compression)
{
    static const uint32_t accms[] = { NR_HDLC_ACCM_ALL, 0, (1u << 0x11) | (1u << 0x13), 0x55555555u };
    static const uint16_t protocols[] = { NR_PPP_PROTO_IP, NR_PPP_PROTO_VJ_COMP, NR_PPP_PROTO_IPCP,
                                          NR_PPP_PROTO_LCP, NR_PPP_PROTO_CHAP, 0x00ff, 0x0001 };
    static uint8_t info[1500], wire[NR_HDLC_ENCODE_BOUND(1500)];
    static sink s;
    unsigned frames = 0;

    for (size_t a = 0; a < sizeof accms / sizeof accms[0]; a++) {
        for (int comp = 0; comp < 4; comp++) {
            nr_hdlc_tx_opts tx = { accms[a], comp & 1, (comp & 2) != 0 };
            nr_hdlc_rx rx;
            NRT_EQ_FATAL(nr_hdlc_rx_init(&rx, 1500, collect, &s), 0);
            nr_hdlc_rx_set_accm(&rx, accms[a]);
            for (int k = 0; k < 20; k++) {
                uint16_t protocol = protocols[rnd() % (sizeof protocols / sizeof protocols[0])];
                size_t len = k == 0 ? 0 : k == 1 ? 1500 : rnd() % 1501;
                for (size_t i = 0; i < len; i++)
                    info[i] = (uint8_t)rnd();
                size_t n = encode(&tx, protocol, info, len, wire, sizeof wire);

                s.n = 0;
                /* random chunking */
                for (size_t off = 0; off < n;) {
                    size_t chunk = 1 + rnd() % 64;
                    if (chunk > n - off)
                        chunk = n - off;
                    nr_hdlc_rx_feed(&rx, wire + off, chunk);
                    off += chunk;
                }
                if (s.n != 1)
                    fprintf(stderr, "accm %08x acfc %d pfc %d protocol %04x len %zu\n", (unsigned)tx.accm, tx.acfc,
                            tx.pfc, protocol, len);
                NRT_EQ_FATAL(s.n, 1);
                NRT_EQ(s.frames[0].protocol, protocol);
                NRT_EQ_FATAL(s.frames[0].len, len);
                NRT_EQ_MEM(s.frames[0].info, info, len);
                frames++;
            }
            NRT_EQ(rx.stats.frames, 20);
            NRT_EQ(rx.stats.bad_fcs + rx.stats.too_long + rx.stats.too_short + rx.stats.aborted +
                       rx.stats.bad_header + rx.stats.ctl_dropped,
                   0);
            nr_hdlc_rx_free(&rx);
        }
    }
    NRT_EQ(frames, 4 * 4 * 20);
}

/* ---- decoder -------------------------------------------------------------------------------- */

NRT_TEST(test_byte_by_byte_feeding_delivers_every_frame)
{
    static sink s;
    nr_hdlc_rx rx;
    uint8_t wire[512];
    size_t n = 0;
    s.n = 0;
    NRT_EQ_FATAL(nr_hdlc_rx_init(&rx, 1500, collect, &s), 0);
    n += encode(NULL, NR_PPP_PROTO_IPCP, ipcp_conf_req, sizeof ipcp_conf_req, wire + n, sizeof wire - n);
    n += encode(NULL, NR_PPP_PROTO_IP, "\x7e\x7d\x00hello", 8, wire + n, sizeof wire - n);
    feed_bytewise(&rx, wire, n);
    NRT_EQ_FATAL(s.n, 2);
    NRT_EQ(s.frames[0].protocol, NR_PPP_PROTO_IPCP);
    NRT_EQ(s.frames[0].len, sizeof ipcp_conf_req);
    NRT_EQ_MEM(s.frames[0].info, ipcp_conf_req, sizeof ipcp_conf_req);
    NRT_EQ(s.frames[1].protocol, NR_PPP_PROTO_IP);
    NRT_EQ(s.frames[1].len, 8);
    NRT_EQ_MEM(s.frames[1].info, "\x7e\x7d\x00hello", 8);
    nr_hdlc_rx_free(&rx);
}

NRT_TEST(test_junk_before_the_first_flag_is_ignored)
{
    static const char banner[] = "Slirp v1.0.17 (BETA)\n\nCopyright (c) 1995,1996 Danny Gasparovski and others.\n"
                                 "[talking PPP, 115200 baud]\r\n\r\nSLiRP Ready ...\r\n";
    static sink s;
    nr_hdlc_rx rx;
    uint8_t wire[128];
    s.n = 0;
    NRT_EQ_FATAL(nr_hdlc_rx_init(&rx, 1500, collect, &s), 0);
    nr_hdlc_rx_feed(&rx, banner, strlen(banner));
    size_t n = encode(NULL, NR_PPP_PROTO_IPCP, ipcp_conf_req, sizeof ipcp_conf_req, wire, sizeof wire);
    nr_hdlc_rx_feed(&rx, wire, n);
    NRT_EQ(s.n, 1);
    NRT_EQ(rx.stats.junk_octets, strlen(banner));
    NRT_EQ(rx.stats.bad_fcs + rx.stats.too_short + rx.stats.ctl_dropped, 0);
    nr_hdlc_rx_free(&rx);
}

NRT_TEST(test_real_slirp_frames_with_and_without_address_and_escaped_fcs_are_accepted)
{
    /* IPCP Nak whose FCS contains 0x7e (sent as 7d 5e), then an IP frame with ACFC+PFC. */
    static const uint8_t nak[] = { 0x7e, 0xff, 0x03, 0x80, 0x21, 0x03, 0x01, 0x00, 0x10, 0x03, 0x06, 0x0a, 0x00,
                                   0x02, 0x0f, 0x81, 0x06, 0x0a, 0xff, 0xff, 0x35, 0x7d, 0x5e, 0x71, 0x7e };
    static sink s;
    nr_hdlc_rx rx;
    uint8_t ip[8] = { 0x45, 0x00, 0x00, 0x2c, 1, 2, 3, 4 }, wire[64];
    nr_hdlc_tx_opts tx = { 0, true, true };
    s.n = 0;
    NRT_EQ_FATAL(nr_hdlc_rx_init(&rx, 1500, collect, &s), 0);
    nr_hdlc_rx_set_accm(&rx, 0); /* the peer sends control characters unescaped */
    nr_hdlc_rx_feed(&rx, nak, sizeof nak);
    size_t n = encode(&tx, NR_PPP_PROTO_IP, ip, sizeof ip, wire, sizeof wire);
    NRT_EQ(wire[1], 0x21);
    nr_hdlc_rx_feed(&rx, wire, n);
    NRT_EQ_FATAL(s.n, 2);
    NRT_EQ(s.frames[0].protocol, NR_PPP_PROTO_IPCP);
    NRT_EQ(s.frames[0].len, 16);
    NRT_EQ(s.frames[0].info[0], NR_PPP_CONF_NAK);
    NRT_EQ(s.frames[1].protocol, NR_PPP_PROTO_IP);
    NRT_EQ(s.frames[1].len, sizeof ip);
    nr_hdlc_rx_free(&rx);
}

NRT_TEST(test_bad_fcs_frame_is_dropped_and_counted)
{
    static sink s;
    nr_hdlc_rx rx;
    uint8_t wire[256];
    nr_hdlc_tx_opts tx = { 0, false, false };
    s.n = 0;
    NRT_EQ_FATAL(nr_hdlc_rx_init(&rx, 1500, collect, &s), 0);
    nr_hdlc_rx_set_accm(&rx, 0); /* the peer sends control characters unescaped */
    size_t n = encode(&tx, NR_PPP_PROTO_IPCP, ipcp_conf_req, sizeof ipcp_conf_req, wire, sizeof wire);
    wire[8] ^= 0x04; /* a 0x00 of the Length field becomes 0x04: still no escape needed */
    nr_hdlc_rx_feed(&rx, wire, n);
    wire[8] ^= 0x04;
    nr_hdlc_rx_feed(&rx, wire, n);
    NRT_EQ(s.n, 1);
    NRT_EQ(rx.stats.bad_fcs, 1);
    NRT_EQ(rx.stats.frames, 1);
    nr_hdlc_rx_free(&rx);
}

NRT_TEST(test_abort_sequence_drops_the_frame_and_the_next_one_is_read)
{
    static sink s;
    nr_hdlc_rx rx;
    uint8_t wire[256];
    s.n = 0;
    NRT_EQ_FATAL(nr_hdlc_rx_init(&rx, 1500, collect, &s), 0);
    size_t n = encode(NULL, NR_PPP_PROTO_IPCP, ipcp_conf_req, sizeof ipcp_conf_req, wire, sizeof wire);
    /* Half a frame, then 7d 7e; the 7e also opens the next frame, sent without its own flag. */
    nr_hdlc_rx_feed(&rx, wire, n / 2);
    nr_hdlc_rx_feed(&rx, "\x7d\x7e", 2);
    nr_hdlc_rx_feed(&rx, wire + 1, n - 1);
    /* And once more, this time with the next frame's own opening flag. */
    nr_hdlc_rx_feed(&rx, wire, n / 2);
    nr_hdlc_rx_feed(&rx, "\x7d\x7e", 2);
    nr_hdlc_rx_feed(&rx, wire, n);
    NRT_EQ(s.n, 2);
    NRT_EQ(rx.stats.aborted, 2);
    NRT_EQ(rx.stats.bad_fcs + rx.stats.too_short, 0);
    nr_hdlc_rx_free(&rx);
}

NRT_TEST(test_oversize_frame_is_dropped_and_counted)
{
    static sink s;
    nr_hdlc_rx rx;
    uint8_t info[200] = { 0 }, wire[NR_HDLC_ENCODE_BOUND(200)];
    nr_hdlc_tx_opts full = { 0, false, false }, compressed = { 0, true, true };
    s.n = 0;
    NRT_EQ_FATAL(nr_hdlc_rx_init(&rx, 100, collect, &s), 0);
    nr_hdlc_rx_set_accm(&rx, 0); /* the peer sends control characters unescaped */
    /* Past the buffer: MRU + 6 octets between flags. */
    size_t n = encode(&full, NR_PPP_PROTO_IP, info, 150, wire, sizeof wire);
    nr_hdlc_rx_feed(&rx, wire, n);
    NRT_EQ(rx.stats.too_long, 1);
    /* Fits the buffer only because the header is compressed: 103 octets of information. */
    n = encode(&compressed, NR_PPP_PROTO_IP, info, 103, wire, sizeof wire);
    nr_hdlc_rx_feed(&rx, wire, n);
    NRT_EQ(rx.stats.too_long, 2);
    NRT_EQ(s.n, 0);
    /* Exactly the MRU is fine, both ways. */
    n = encode(&full, NR_PPP_PROTO_IP, info, 100, wire, sizeof wire);
    nr_hdlc_rx_feed(&rx, wire, n);
    n = encode(&compressed, NR_PPP_PROTO_IP, info, 100, wire, sizeof wire);
    nr_hdlc_rx_feed(&rx, wire, n);
    NRT_EQ(s.n, 2);
    NRT_EQ(rx.stats.too_long, 2);
    nr_hdlc_rx_free(&rx);
}

NRT_TEST(test_runt_frames_are_dropped_and_counted)
{
    static sink s;
    nr_hdlc_rx rx;
    s.n = 0;
    NRT_EQ_FATAL(nr_hdlc_rx_init(&rx, 1500, collect, &s), 0);
    nr_hdlc_rx_set_accm(&rx, 0); /* the peer sends control characters unescaped */
    nr_hdlc_rx_feed(&rx, "\x7e\x21\x7e", 3);
    nr_hdlc_rx_feed(&rx, "\x21\x22\x7e", 3);
    /* Four octets with a good FCS but only ff 03 before it: no protocol. */
    uint8_t f[7] = { 0x7e, 0xff, 0x03, 0, 0, 0x7e };
    uint16_t fcs = nr_hdlc_fcs16(NR_HDLC_FCS_INIT, f + 1, 2) ^ 0xffff;
    f[3] = (uint8_t)fcs;
    f[4] = (uint8_t)(fcs >> 8);
    NRT_TRUE(f[3] != 0x7e && f[3] != 0x7d && f[4] != 0x7e && f[4] != 0x7d);
    nr_hdlc_rx_feed(&rx, f, 6);
    NRT_EQ(rx.stats.too_short, 3);
    NRT_EQ(s.n, 0);
    nr_hdlc_rx_free(&rx);
}

NRT_TEST(test_address_without_ui_control_is_dropped_as_bad_header)
{
    static sink s;
    nr_hdlc_rx rx;
    uint8_t f[16] = { 0x7e, 0xff, 0x13, 0x80, 0x21, 0x41 };
    s.n = 0;
    NRT_EQ_FATAL(nr_hdlc_rx_init(&rx, 1500, collect, &s), 0);
    nr_hdlc_rx_set_accm(&rx, 0);
    uint16_t fcs = nr_hdlc_fcs16(NR_HDLC_FCS_INIT, f + 1, 5) ^ 0xffff;
    f[6] = (uint8_t)fcs;
    f[7] = (uint8_t)(fcs >> 8);
    f[8] = 0x7e;
    NRT_TRUE_FATAL(f[6] != 0x7e && f[6] != 0x7d && f[7] != 0x7e && f[7] != 0x7d && f[6] >= 0x20 && f[7] >= 0x20);
    nr_hdlc_rx_feed(&rx, f, 9);
    NRT_EQ(rx.stats.bad_header, 1);
    NRT_EQ(s.n, 0);
    nr_hdlc_rx_free(&rx);
}

NRT_TEST(test_back_to_back_frames_share_one_flag)
{
    static sink s;
    nr_hdlc_rx rx;
    uint8_t a[64], b[64];
    nr_hdlc_tx_opts tx = { 0, true, true };
    s.n = 0;
    NRT_EQ_FATAL(nr_hdlc_rx_init(&rx, 1500, collect, &s), 0);
    nr_hdlc_rx_set_accm(&rx, 0); /* the peer sends control characters unescaped */
    size_t na = encode(&tx, NR_PPP_PROTO_IP, "first", 5, a, sizeof a);
    size_t nb = encode(&tx, NR_PPP_PROTO_VJ_UNCOMP, "second", 6, b, sizeof b);
    nr_hdlc_rx_feed(&rx, a, na);
    nr_hdlc_rx_feed(&rx, b + 1, nb - 1); /* no opening flag of its own */
    NRT_EQ_FATAL(s.n, 2);
    NRT_EQ(s.frames[0].len, 5);
    NRT_EQ(s.frames[1].protocol, NR_PPP_PROTO_VJ_UNCOMP);
    NRT_EQ_MEM(s.frames[1].info, "second", 6);
    nr_hdlc_rx_free(&rx);
}

NRT_TEST(test_empty_frames_between_flags_are_ignored_silently)
{
    static sink s;
    nr_hdlc_rx rx;
    uint8_t w[64];
    s.n = 0;
    NRT_EQ_FATAL(nr_hdlc_rx_init(&rx, 1500, collect, &s), 0);
    nr_hdlc_rx_feed(&rx, "\x7e\x7e\x7e\x7e", 4);
    size_t n = encode(NULL, NR_PPP_PROTO_IP, "x", 1, w, sizeof w);
    nr_hdlc_rx_feed(&rx, w, n);
    nr_hdlc_rx_feed(&rx, "\x7e\x7e", 2);
    NRT_EQ(s.n, 1);
    NRT_EQ(rx.stats.too_short + rx.stats.bad_fcs + rx.stats.aborted, 0);
    nr_hdlc_rx_free(&rx);
}

NRT_TEST(test_received_control_chars_in_the_accm_are_dropped)
{
    static sink s;
    nr_hdlc_rx rx;
    uint8_t w[128], noisy[160];
    s.n = 0;
    NRT_EQ_FATAL(nr_hdlc_rx_init(&rx, 1500, collect, &s), 0);
    size_t n = encode(NULL, NR_PPP_PROTO_IPCP, ipcp_conf_req, sizeof ipcp_conf_req, w, sizeof w);
    /* XON/XOFF inserted by the line in the middle of the frame. */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 5)
            noisy[m++] = 0x11;
        if (i == 9)
            noisy[m++] = 0x13;
        noisy[m++] = w[i];
    }
    nr_hdlc_rx_feed(&rx, noisy, m);
    NRT_EQ_FATAL(s.n, 1);
    NRT_EQ_MEM(s.frames[0].info, ipcp_conf_req, sizeof ipcp_conf_req);
    NRT_EQ(rx.stats.ctl_dropped, 2);
    /* With an empty receive ACCM the same octets are data, and the FCS catches them. */
    nr_hdlc_rx_set_accm(&rx, 0);
    nr_hdlc_rx_feed(&rx, noisy, m);
    NRT_EQ(s.n, 1);
    NRT_EQ(rx.stats.bad_fcs, 1);
    nr_hdlc_rx_free(&rx);
}

NRT_TEST(test_reset_returns_to_hunting_for_a_flag)
{
    static sink s;
    nr_hdlc_rx rx;
    uint8_t w[64];
    s.n = 0;
    NRT_EQ_FATAL(nr_hdlc_rx_init(&rx, 1500, collect, &s), 0);
    size_t n = encode(NULL, NR_PPP_PROTO_IP, "abc", 3, w, sizeof w);
    nr_hdlc_rx_feed(&rx, w, n - 3);
    nr_hdlc_rx_reset(&rx);
    nr_hdlc_rx_feed(&rx, "NO CARRIER\r\n", 12);
    nr_hdlc_rx_feed(&rx, w, n);
    NRT_EQ(s.n, 1);
    NRT_EQ(rx.stats.junk_octets, 12);
    NRT_EQ(rx.stats.bad_fcs + rx.stats.too_short, 0);
    nr_hdlc_rx_free(&rx);
}

typedef struct shrinker {
    nr_hdlc_rx *rx;
    size_t n;
} shrinker;

static void shrink_on_first_frame(void *ctx, uint16_t protocol, const uint8_t *info, size_t len)
{
    shrinker *sh = ctx;
    if (sh->n++ == 0) {
        NRT_EQ(nr_hdlc_rx_set_mru(sh->rx, 10), 0);
        nr_hdlc_rx_set_accm(sh->rx, 0);
    }
}

NRT_TEST(test_callback_may_change_mru_and_accm_for_following_frames)
{
    nr_hdlc_rx rx;
    shrinker sh = { &rx, 0 };
    uint8_t w[256];
    size_t n = 0;
    NRT_EQ_FATAL(nr_hdlc_rx_init(&rx, 1500, shrink_on_first_frame, &sh), 0);
    nr_hdlc_tx_opts tx = { 0, false, false };
    n += encode(NULL, NR_PPP_PROTO_IP, "0123456789abcdef", 16, w + n, sizeof w - n);
    n += encode(&tx, NR_PPP_PROTO_IP, "\x01\x02", 2, w + n, sizeof w - n);           /* raw ctl chars: kept now */
    n += encode(&tx, NR_PPP_PROTO_IP, "0123456789abcdef", 16, w + n, sizeof w - n); /* too long now */
    nr_hdlc_rx_feed(&rx, w, n);
    NRT_EQ(sh.n, 2);
    NRT_EQ(rx.stats.too_long, 1);
    NRT_EQ(rx.stats.ctl_dropped, 0);
    nr_hdlc_rx_free(&rx);
}

NRT_TEST(test_rx_init_rejects_bad_arguments)
{
    nr_hdlc_rx rx;
    NRT_EQ(nr_hdlc_rx_init(&rx, 0, collect, NULL), -EINVAL);
    NRT_EQ(nr_hdlc_rx_init(&rx, 70000, collect, NULL), -EINVAL);
    NRT_EQ(nr_hdlc_rx_init(&rx, 1500, NULL, NULL), -EINVAL);
    NRT_EQ(nr_hdlc_rx_init(NULL, 1500, collect, NULL), -EINVAL);
    nr_hdlc_rx_free(NULL);
}
