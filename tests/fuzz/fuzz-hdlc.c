/*
 * fuzz-hdlc.c - libFuzzer target: the HDLC-like framing of PPP
 * (providers/ras/ppp/hdlc.c, RFC 1662) from both ends.
 *
 * The first octet chooses what the rest is:
 *  - even: octets from the line.  They go through the streaming decoder in
 *    chunks whose sizes come from the first octet too (1 octet at a time up
 *    to all at once), with an MRU chosen by the second octet; the frame
 *    callback changes the decoder's ACCM, MRU or state from inside, as
 *    hdlc.h allows, when a frame's first octet asks for it.  Checked: every
 *    frame has a valid protocol and at most MRU octets, and the counters add
 *    up.
 *  - odd: a frame to send.  Transmit options (ACCM, ACFC, PFC), a protocol
 *    and an information field are encoded with nr_hdlc_encode() (too small a
 *    buffer first: -ENOBUFS must state the size needed) and decoded again
 *    with the matching receive ACCM, in chunks: the very same frame must
 *    come out, once.
 */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-util.h"
#include "hdlc.h"

typedef struct sink {
    nr_hdlc_rx *rx;
    size_t frames;
    bool steer;                 /* let frames change the decoder */
    /* the round trip: what must come out */
    uint16_t want_protocol;
    const uint8_t *want_info;
    size_t want_len;
    bool matched;
} sink;

static void on_frame(void *ctx, uint16_t protocol, const uint8_t *info, size_t len)
{
    sink *s = ctx;

    s->frames++;
    FUZZ_ASSERT(nr_hdlc_protocol_valid(protocol) || protocol < 0x100);
    FUZZ_ASSERT(protocol & 1);
    FUZZ_ASSERT(len <= s->rx->mru);
    if (len)
        FUZZ_ASSERT(info != NULL);
    if (s->want_info && protocol == s->want_protocol && len == s->want_len &&
        (len == 0 || !memcmp(info, s->want_info, len)))
        s->matched = true;
    if (!s->steer || len < 2)
        return;
    switch (info[0]) { /* after these calls info is no longer valid */
    case 0xa1:
        nr_hdlc_rx_set_accm(s->rx, (uint32_t)info[1] * 0x01010101u);
        break;
    case 0xa2:
        FUZZ_ASSERT(nr_hdlc_rx_set_mru(s->rx, (size_t)info[1] * 16 + 1) == 0);
        break;
    case 0xa3:
        nr_hdlc_rx_reset(s->rx);
        break;
    case 0xa4:
        FUZZ_ASSERT(nr_hdlc_rx_set_mru(s->rx, 0) == -EINVAL);
        break;
    }
}

static void feed_chunked(nr_hdlc_rx *rx, const uint8_t *p, size_t n, unsigned pattern)
{
    /* pattern 0: all at once; else chunks of 1..pattern octets, varying */
    size_t step = 1;
    while (n > 0) {
        size_t k = pattern ? step : n;
        if (k > n)
            k = n;
        nr_hdlc_rx_feed(rx, p, k);
        p += k;
        n -= k;
        if (pattern)
            step = step % pattern + 1;
    }
}

static const size_t mrus[] = { NR_HDLC_DEFAULT_MRU, 1, 4, 128, 296, 1500, 4096, 65535 };

static void decode(const uint8_t *data, size_t size)
{
    nr_hdlc_rx rx;
    sink s = { .rx = &rx, .steer = true };
    unsigned pattern = (data[0] >> 1) & 0x0f;
    size_t mru = mrus[size > 1 ? data[1] % (sizeof mrus / sizeof mrus[0]) : 0];
    nr_hdlc_rx_stats st;

    data += size > 1 ? 2 : 1;
    size -= size > 1 ? 2 : 1;
    FUZZ_ASSERT(nr_hdlc_rx_init(&rx, mru, on_frame, &s) == 0);
    feed_chunked(&rx, data, size, pattern);
    st = rx.stats;
    FUZZ_ASSERT(st.frames == s.frames);
    FUZZ_ASSERT(st.frames + st.bad_fcs + st.too_long + st.too_short + st.aborted + st.bad_header <= size);
    FUZZ_ASSERT(st.junk_octets <= size);
    nr_hdlc_rx_free(&rx);
}

static void round_trip(const uint8_t *data, size_t size)
{
    nr_hdlc_tx_opts tx = NR_HDLC_TX_DEFAULTS;
    nr_hdlc_rx rx;
    sink s = { .rx = &rx };
    unsigned pattern;
    uint16_t protocol;
    uint8_t *wire, tiny[4];
    size_t need = 0, n = 0;
    int rc;

    if (size < 8)
        return;
    pattern = (data[0] >> 1) & 0x0f;
    tx.acfc = data[0] & 0x20;
    tx.pfc = data[0] & 0x40;
    tx.accm = (uint32_t)data[1] << 24 | (uint32_t)data[2] << 16 | (uint32_t)data[3] << 8 | data[4];
    protocol = (uint16_t)(data[5] << 8 | data[6]);
    data += 7;
    size -= 7;
    if (size > NR_HDLC_DEFAULT_MRU)
        size = NR_HDLC_DEFAULT_MRU;

    rc = nr_hdlc_encode(&tx, protocol, data, size, tiny, sizeof tiny, &need);
    if (!nr_hdlc_protocol_valid(protocol)) {
        FUZZ_ASSERT(rc == -EINVAL);
        return;
    }
    FUZZ_ASSERT(rc == -ENOBUFS);
    FUZZ_ASSERT(need > sizeof tiny && need <= NR_HDLC_ENCODE_BOUND(size));
    wire = malloc(need);
    FUZZ_ASSERT(wire);
    FUZZ_ASSERT(nr_hdlc_encode(&tx, protocol, data, size, wire, need, &n) == 0 && n == need);
    FUZZ_ASSERT(wire[0] == NR_HDLC_FLAG && wire[n - 1] == NR_HDLC_FLAG);
    for (size_t i = 1; i + 1 < n; i++)
        FUZZ_ASSERT(wire[i] != NR_HDLC_FLAG);

    FUZZ_ASSERT(nr_hdlc_rx_init(&rx, NR_HDLC_DEFAULT_MRU, on_frame, &s) == 0);
    nr_hdlc_rx_set_accm(&rx, tx.accm);
    s.want_protocol = protocol;
    s.want_info = data;
    s.want_len = size;
    feed_chunked(&rx, wire, n, pattern);
    FUZZ_ASSERT(s.frames == 1 && s.matched);
    FUZZ_ASSERT(rx.stats.bad_fcs == 0 && rx.stats.ctl_dropped == 0);
    nr_hdlc_rx_free(&rx);
    free(wire);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    if (data[0] & 1)
        round_trip(data, size);
    else
        decode(data, size);
    return 0;
}
