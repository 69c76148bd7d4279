/*
 * test-ras-hdlc-reference.c - the fast paths of providers/ras/ppp/hdlc.c
 * (the FCS-16 eight octets at a time, the encoder's and decoder's word
 * loops) held against octet-by-octet references written here from RFC 1662:
 * the FCS-16 bit by bit from its polynomial, an encoder that escapes each
 * octet by the rule of section 4.2, and a decoder that is the state machine
 * of section 4 one octet at a time.  Random inputs of every length and
 * alignment, rich in the octets that matter (0x7e, 0x7d, control
 * characters, 0xff 0x03), every ACCM kind, small MRUs and every chunking
 * must give the same octets, frames and counters.  test-ras-hdlc.c holds
 * the behaviour itself against the RFC and real captures.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cunit-main.h"
#include "hdlc.h"
#include "ppp-packet.h"

NRT_SUITE("ras-hdlc-reference");

static uint32_t rng_state = 0x9e3779b9u;

static uint32_t rnd(void)
{
    /* xorshift32: reproducible across runs */
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

/* An octet that is often one the framing cares about. */
static uint8_t rnd_octet(void)
{
    static const uint8_t special[] = { 0x7e, 0x7d, 0x7d, 0x00, 0x11, 0x13, 0x1f, 0x20, 0x5d, 0x5e, 0xff, 0x03, 0x21 };
    uint32_t r = rnd();
    switch (r % 4) {
    case 0:
        return special[(r >> 8) % sizeof special];
    case 1:
        return (uint8_t)((r >> 8) % 0x20);
    default:
        return (uint8_t)(r >> 8);
    }
}

static uint32_t rnd_accm(void)
{
    switch (rnd() % 5) {
    case 0:
        return 0;
    case 1:
        return NR_HDLC_ACCM_ALL;
    case 2:
        return (1u << 0x11) | (1u << 0x13);
    case 3:
        return 1u << (rnd() % 32);
    default:
        return rnd();
    }
}

/* ---- the references ------------------------------------------------------------------------- */

/* RFC 1662 section C.1: x**0 + x**5 + x**12 + x**16, least significant bit first. */
static uint16_t ref_fcs16(uint16_t fcs, const uint8_t *p, size_t len)
{
    while (len--) {
        fcs ^= *p++;
        for (int bit = 0; bit < 8; bit++)
            fcs = (fcs & 1) ? (uint16_t)((fcs >> 1) ^ 0x8408) : (uint16_t)(fcs >> 1);
    }
    return fcs;
}

static bool ref_escaped(uint8_t c, uint32_t accm)
{
    return c == 0x7e || c == 0x7d || (c < 0x20 && (accm >> c) & 1);
}

static size_t ref_put(uint8_t *out, size_t n, uint8_t c, uint32_t accm)
{
    if (ref_escaped(c, accm)) {
        out[n++] = 0x7d;
        c ^= 0x20;
    }
    out[n++] = c;
    return n;
}

static size_t ref_encode(nr_hdlc_tx_opts tx, uint16_t protocol, const uint8_t *info, size_t len, uint8_t *out)
{
    uint8_t frame[4 + 2048];
    size_t k = 0, n = 0;

    if (protocol == NR_PPP_PROTO_LCP)
        tx = (nr_hdlc_tx_opts)NR_HDLC_TX_DEFAULTS;
    if (!tx.acfc) {
        frame[k++] = 0xff;
        frame[k++] = 0x03;
    }
    if (!tx.pfc || protocol >= 0xff)
        frame[k++] = (uint8_t)(protocol >> 8);
    frame[k++] = (uint8_t)protocol;
    memcpy(frame + k, info, len);
    k += len;
    uint16_t fcs = ref_fcs16(0xffff, frame, k) ^ 0xffff;
    frame[k++] = (uint8_t)fcs;
    frame[k++] = (uint8_t)(fcs >> 8);
    out[n++] = 0x7e;
    for (size_t i = 0; i < k; i++)
        n = ref_put(out, n, frame[i], tx.accm);
    out[n++] = 0x7e;
    return n;
}

/* What a decoder delivered: its frames, one after the other, each as
 * protocol (2 octets), length (2 octets) and information. */
typedef struct delivered {
    uint8_t log[1 << 17];
    size_t n;
} delivered;

static void log_frame(delivered *d, uint16_t protocol, const uint8_t *info, size_t len)
{
    NRT_LE_FATAL(d->n + 4 + len, sizeof d->log);
    d->log[d->n++] = (uint8_t)(protocol >> 8);
    d->log[d->n++] = (uint8_t)protocol;
    d->log[d->n++] = (uint8_t)(len >> 8);
    d->log[d->n++] = (uint8_t)len;
    memcpy(d->log + d->n, info, len);
    d->n += len;
}

/* RFC 1662 section 4 one octet at a time, with hdlc.h's counters. */
enum { REF_HUNT, REF_DATA, REF_ESCAPE, REF_OVERFLOW, REF_SKIP };

typedef struct ref_rx {
    int state;
    uint32_t accm;
    size_t mru, len;
    uint8_t buf[65535 + NR_HDLC_OVERHEAD];
    nr_hdlc_rx_stats stats;
    delivered out;
} ref_rx;

static void ref_init(ref_rx *r, size_t mru)
{
    memset(r, 0, sizeof *r);
    r->state = REF_HUNT;
    r->accm = NR_HDLC_ACCM_ALL;
    r->mru = mru;
}

/* The frame buf[0..n) ended with a flag: returns its protocol and sets
 * *info and *len, or returns 0 and counts why it was dropped. */
static uint16_t ref_frame(ref_rx *r, size_t n, const uint8_t **info, size_t *len)
{
    const uint8_t *p = r->buf;
    uint16_t protocol;

    if (n < 3)
        return r->stats.too_short++, 0;
    if (ref_fcs16(0xffff, p, n) != 0xf0b8)
        return r->stats.bad_fcs++, 0;
    n -= 2;
    if (p[0] == 0xff) {
        if (n < 2 || p[1] != 0x03)
            return r->stats.bad_header++, 0;
        p += 2, n -= 2;
    }
    if (n < 1)
        return r->stats.too_short++, 0;
    if (p[0] & 1) {
        protocol = p[0];
        p += 1, n -= 1;
    } else {
        if (n < 2)
            return r->stats.too_short++, 0;
        protocol = (uint16_t)(p[0] << 8 | p[1]);
        if ((protocol & 0x0101) != 0x0001)
            return r->stats.bad_header++, 0;
        p += 2, n -= 2;
    }
    if (n > r->mru)
        return r->stats.too_long++, 0;
    r->stats.frames++;
    *info = p;
    *len = n;
    return protocol;
}

/* Steering, the same for both decoders: a frame whose information starts
 * with 0xa1, 0xa2 or 0xa3 sets the ACCM, sets the MRU or resets. */
static int steer_kind(const uint8_t *info, size_t len)
{
    return len >= 2 && info[0] >= 0xa1 && info[0] <= 0xa3 ? info[0] : 0;
}

static uint32_t steer_accm(const uint8_t *info)
{
    return (uint32_t)info[1] * 0x01030507u;
}

static size_t steer_mru(const uint8_t *info)
{
    return (size_t)info[1] % 40 + 1;
}

static void ref_feed_octet(ref_rx *r, uint8_t c)
{
    if (c == 0x7e) {
        int was = r->state;
        size_t n = r->len;
        r->state = REF_DATA;
        r->len = 0;
        if (was == REF_ESCAPE) {
            r->stats.aborted++;
        } else if (was == REF_OVERFLOW) {
            r->stats.too_long++;
        } else if (was == REF_DATA && n > 0) {
            const uint8_t *info;
            size_t len;
            uint16_t protocol = ref_frame(r, n, &info, &len);
            if (protocol) {
                int kind = steer_kind(info, len);
                log_frame(&r->out, protocol, info, len);
                if (kind == 0xa1)
                    r->accm = steer_accm(info);
                else if (kind == 0xa2)
                    r->mru = steer_mru(info); /* nothing in progress: the state stays */
                else if (kind == 0xa3)
                    r->state = REF_HUNT;
            }
        }
        return;
    }
    if (r->state == REF_HUNT) {
        r->stats.junk_octets++;
        return;
    }
    if (r->state == REF_OVERFLOW || r->state == REF_SKIP)
        return;
    if (c < 0x20 && (r->accm >> c) & 1) {
        r->stats.ctl_dropped++;
        return;
    }
    if (r->state == REF_DATA && c == 0x7d) {
        r->state = REF_ESCAPE;
        return;
    }
    if (r->state == REF_ESCAPE)
        c ^= 0x20;
    if (r->len >= r->mru + NR_HDLC_OVERHEAD) {
        r->state = REF_OVERFLOW;
        return;
    }
    r->buf[r->len++] = c;
    r->state = REF_DATA;
}

/* The decoder under test, steered the same way. */
typedef struct fast_rx {
    nr_hdlc_rx rx;
    delivered out;
} fast_rx;

static void fast_on_frame(void *ctx, uint16_t protocol, const uint8_t *info, size_t len)
{
    fast_rx *f = ctx;
    int kind = steer_kind(info, len);
    log_frame(&f->out, protocol, info, len);
    if (kind == 0xa1)
        nr_hdlc_rx_set_accm(&f->rx, steer_accm(info));
    else if (kind == 0xa2)
        NRT_EQ(nr_hdlc_rx_set_mru(&f->rx, steer_mru(info)), 0);
    else if (kind == 0xa3)
        nr_hdlc_rx_reset(&f->rx);
}

/* ---- FCS-16 ----------------------------------------------------------------------------------- */

NRT_TEST(test_fcs16_matches_the_bitwise_definition_at_every_length_and_alignment)
{
    static uint8_t data[8 + 1024];
    unsigned mismatches = 0;

    for (size_t i = 0; i < sizeof data; i++)
        data[i] = (uint8_t)rnd();
    for (size_t align = 0; align < 8; align++) {
        for (size_t len = 0; len <= 1024; len++) {
            uint16_t init = (len & 1) ? NR_HDLC_FCS_INIT : (uint16_t)rnd();
            if (nr_hdlc_fcs16(init, data + align, len) != ref_fcs16(init, data + align, len))
                mismatches++;
        }
    }
    NRT_EQ(mismatches, 0);
}

/* Every octet value at the given positions of a block of len octets, the
 * rest random and then zero: the mismatches with the reference. */
static unsigned fcs16_mismatches_at(size_t len, size_t from, size_t to)
{
    uint8_t block[272];
    unsigned mismatches = 0;

    for (size_t pos = from; pos < to; pos++) {
        for (unsigned v = 0; v < 256; v++) {
            for (size_t i = 0; i < len; i++)
                block[i] = (uint8_t)rnd();
            block[pos] = (uint8_t)v;
            uint16_t init = (uint16_t)rnd();
            if (nr_hdlc_fcs16(init, block, len) != ref_fcs16(init, block, len))
                mismatches++;
            memset(block, 0, len);
            block[pos] = (uint8_t)v;
            if (nr_hdlc_fcs16(0, block, len) != ref_fcs16(0, block, len))
                mismatches++;
        }
    }
    return mismatches;
}

NRT_TEST(test_fcs16_is_right_for_every_octet_value_at_every_position_of_a_step)
{
    /* Short runs: steps of eight, then single octets. */
    NRT_EQ(fcs16_mismatches_at(24, 0, 24), 0);
    /* Long runs: steps of sixteen, then of eight, then single octets. */
    NRT_EQ(fcs16_mismatches_at(271, 0, 32), 0);
    NRT_EQ(fcs16_mismatches_at(271, 256, 271), 0);
}

NRT_TEST(test_fcs16_over_pieces_equals_fcs16_over_the_whole)
{
    static uint8_t data[600];
    unsigned mismatches = 0;

    for (size_t i = 0; i < sizeof data; i++)
        data[i] = (uint8_t)rnd();
    uint16_t whole = nr_hdlc_fcs16(NR_HDLC_FCS_INIT, data, sizeof data);
    for (size_t cut = 0; cut <= sizeof data; cut++) {
        uint16_t fcs = nr_hdlc_fcs16(NR_HDLC_FCS_INIT, data, cut);
        if (nr_hdlc_fcs16(fcs, data + cut, sizeof data - cut) != whole)
            mismatches++;
    }
    NRT_EQ(mismatches, 0);
}

/* ---- encoder ---------------------------------------------------------------------------------- */

NRT_TEST(test_encoder_writes_the_reference_octets_at_every_length_and_alignment)
{
    static const uint16_t protocols[] = { NR_PPP_PROTO_IP, NR_PPP_PROTO_LCP, NR_PPP_PROTO_IPCP, 0x00ff, 0x0001,
                                          NR_PPP_PROTO_VJ_COMP };
    static uint8_t data[8 + 600], want[NR_HDLC_ENCODE_BOUND(600)], got[NR_HDLC_ENCODE_BOUND(600) + 16];
    unsigned checked = 0;

    for (size_t len = 0; len <= 600; len += len < 80 ? 1 : 37) {
        for (size_t align = 0; align < 8; align++) {
            nr_hdlc_tx_opts tx = { rnd_accm(), rnd() & 1, rnd() & 1 };
            uint16_t protocol = protocols[rnd() % (sizeof protocols / sizeof protocols[0])];
            size_t n = 0, need = 0;
            for (size_t i = 0; i < len; i++)
                data[align + i] = (rnd() & 1) ? rnd_octet() : (uint8_t)rnd();
            size_t want_len = ref_encode(tx, protocol, data + align, len, want);

            /* Room for the worst case. */
            NRT_EQ_FATAL(nr_hdlc_encode(&tx, protocol, data + align, len, got, sizeof got, &n), 0);
            NRT_EQ_FATAL(n, want_len);
            NRT_EQ_MEM_FATAL(got, want, n);
            /* Exactly the room needed: the same, and not an octet more written. */
            memset(got, 0xa5, sizeof got);
            NRT_EQ_FATAL(nr_hdlc_encode(&tx, protocol, data + align, len, got, want_len, &n), 0);
            NRT_EQ_FATAL(n, want_len);
            NRT_EQ_MEM_FATAL(got, want, n);
            for (size_t i = want_len; i < sizeof got; i++)
                NRT_EQ_FATAL(got[i], 0xa5);
            /* One octet short: the size needed, and nothing written. */
            memset(got, 0xa5, sizeof got);
            NRT_EQ_FATAL(nr_hdlc_encode(&tx, protocol, data + align, len, got, want_len - 1, &need), -ENOBUFS);
            NRT_EQ_FATAL(need, want_len);
            for (size_t i = 0; i < sizeof got; i++)
                NRT_EQ_FATAL(got[i], 0xa5);
            checked++;
        }
    }
    NRT_GT(checked, 8 * 80);
}

/* ---- decoder ---------------------------------------------------------------------------------- */

/* A line: encoded frames (some with the decoder's ACCM, some not, some
 * steering), raw octets, flags, escapes and aborts, in any order. */
static size_t make_line(uint8_t *line, size_t size)
{
    static uint8_t info[1600];
    size_t n = 0;

    while (n + NR_HDLC_ENCODE_BOUND(sizeof info) + 64 < size && rnd() % 40) {
        switch (rnd() % 6) {
        case 0: { /* raw octets */
            size_t k = rnd() % 40;
            while (k--)
                line[n++] = rnd_octet();
            break;
        }
        case 1: { /* a steering frame */
            nr_hdlc_tx_opts tx = { rnd_accm(), rnd() & 1, rnd() & 1 };
            uint8_t steer[3] = { (uint8_t)(0xa1 + rnd() % 3), (uint8_t)rnd(), (uint8_t)rnd() };
            size_t k = 0;
            NRT_EQ_FATAL(nr_hdlc_encode(&tx, NR_PPP_PROTO_IP, steer, sizeof steer, line + n, size - n, &k), 0);
            n += k;
            break;
        }
        default: { /* a frame, maybe cut short, maybe without its opening flag */
            nr_hdlc_tx_opts tx = { rnd() % 3 ? NR_HDLC_ACCM_ALL : rnd_accm(), rnd() & 1, rnd() & 1 };
            size_t len = rnd() % 4 ? rnd() % 64 : rnd() % sizeof info, k = 0;
            for (size_t i = 0; i < len; i++)
                info[i] = (rnd() & 3) ? (uint8_t)rnd() : rnd_octet();
            if (len && (info[0] >= 0xa1 && info[0] <= 0xa3))
                info[0] = 0x45;
            NRT_EQ_FATAL(nr_hdlc_encode(&tx, NR_PPP_PROTO_IP, info, len, line + n, size - n, &k), 0);
            size_t skip = rnd() % 8 == 0 ? 1 : 0;
            if (rnd() % 10 == 0)
                k = skip + rnd() % (k - skip); /* cut */
            memmove(line + n, line + n + skip, k - skip);
            n += k - skip;
            if (rnd() % 12 == 0)
                line[n++] = 0x7d; /* an abort if a flag follows */
            if (n > 0 && rnd() % 12 == 0)
                line[n - 1 - rnd() % (n > 8 ? 8 : n)] ^= (uint8_t)(1u << (rnd() % 8)); /* line noise */
            break;
        }
        }
    }
    return n;
}

static void check_same(const ref_rx *ref, const fast_rx *fast, const char *how)
{
    const nr_hdlc_rx_stats *a = &ref->stats, *b = &fast->rx.stats;
    if (a->frames != b->frames || a->bad_fcs != b->bad_fcs || a->too_long != b->too_long ||
        a->too_short != b->too_short || a->aborted != b->aborted || a->bad_header != b->bad_header ||
        a->ctl_dropped != b->ctl_dropped || a->junk_octets != b->junk_octets || ref->out.n != fast->out.n)
        fprintf(stderr, "%s: counters differ\n", how);
    NRT_EQ_FATAL(b->frames, a->frames);
    NRT_EQ_FATAL(b->bad_fcs, a->bad_fcs);
    NRT_EQ_FATAL(b->too_long, a->too_long);
    NRT_EQ_FATAL(b->too_short, a->too_short);
    NRT_EQ_FATAL(b->aborted, a->aborted);
    NRT_EQ_FATAL(b->bad_header, a->bad_header);
    NRT_EQ_FATAL(b->ctl_dropped, a->ctl_dropped);
    NRT_EQ_FATAL(b->junk_octets, a->junk_octets);
    NRT_EQ_FATAL(fast->out.n, ref->out.n);
    NRT_EQ_MEM_FATAL(fast->out.log, ref->out.log, ref->out.n);
}

NRT_TEST(test_decoder_delivers_and_counts_what_the_reference_does_in_any_chunking)
{
    static const size_t mrus[] = { 1, 4, 16, 100, 1500, 4096 };
    static uint8_t line[1 << 15];
    static ref_rx ref;
    static fast_rx fast;
    uint64_t frames = 0, dropped = 0;

    for (int round = 0; round < 300; round++) {
        size_t mru = mrus[rnd() % (sizeof mrus / sizeof mrus[0])];
        uint32_t accm = rnd_accm();
        size_t n = make_line(line, sizeof line);

        ref_init(&ref, mru);
        ref.accm = accm;
        for (size_t i = 0; i < n; i++)
            ref_feed_octet(&ref, line[i]);

        /* 0: all at once; 1: octet by octet; else chunks of 1 to 2^k octets */
        for (int chunking = 0; chunking < 5; chunking++) {
            char how[96];
            fast.out.n = 0;
            NRT_EQ_FATAL(nr_hdlc_rx_init(&fast.rx, mru, fast_on_frame, &fast), 0);
            nr_hdlc_rx_set_accm(&fast.rx, accm);
            for (size_t off = 0; off < n;) {
                size_t k = chunking == 0 ? n - off : chunking == 1 ? 1 : 1 + rnd() % (1u << (chunking * 3));
                if (k > n - off)
                    k = n - off;
                nr_hdlc_rx_feed(&fast.rx, line + off, k);
                off += k;
            }
            snprintf(how, sizeof how, "round %d, MRU %zu, ACCM %08x, chunking %d, %zu octets", round, mru,
                     (unsigned)accm, chunking, n);
            check_same(&ref, &fast, how);
            nr_hdlc_rx_free(&fast.rx);
        }
        frames += ref.stats.frames;
        dropped += ref.stats.bad_fcs + ref.stats.too_long + ref.stats.too_short + ref.stats.aborted +
                   ref.stats.bad_header;
    }
    /* The lines exercised both outcomes. */
    NRT_GT(frames, 1000);
    NRT_GT(dropped, 100);
}

NRT_TEST(test_decoder_reads_frames_of_every_length_at_every_alignment)
{
    static uint8_t info[600], wire[8 + 2 * NR_HDLC_ENCODE_BOUND(600)];
    static fast_rx fast;

    for (size_t len = 0; len <= 600; len += len < 80 ? 1 : 41) {
        for (size_t align = 0; align < 8; align++) {
            nr_hdlc_tx_opts tx = { rnd_accm(), rnd() & 1, rnd() & 1 };
            size_t n = 0, k = 0;
            for (size_t i = 0; i < len; i++)
                info[i] = (rnd() & 1) ? rnd_octet() : (uint8_t)rnd();
            if (len && info[0] >= 0xa1 && info[0] <= 0xa3)
                info[0] = 0;
            NRT_EQ_FATAL(nr_hdlc_encode(&tx, NR_PPP_PROTO_IP, info, len, wire + align, sizeof wire - align, &n), 0);
            NRT_EQ_FATAL(nr_hdlc_encode(&tx, NR_PPP_PROTO_IP, info, len, wire + align + n, sizeof wire - align - n,
                                        &k),
                         0);
            fast.out.n = 0;
            NRT_EQ_FATAL(nr_hdlc_rx_init(&fast.rx, 1500, fast_on_frame, &fast), 0);
            nr_hdlc_rx_set_accm(&fast.rx, tx.accm);
            nr_hdlc_rx_feed(&fast.rx, wire + align, n + k);
            NRT_EQ_FATAL(fast.rx.stats.frames, 2);
            NRT_EQ_FATAL(fast.out.n, 2 * (4 + len));
            NRT_EQ_MEM_FATAL(fast.out.log + 4, info, len);
            NRT_EQ_MEM_FATAL(fast.out.log + 8 + len, info, len);
            nr_hdlc_rx_free(&fast.rx);
        }
    }
}
