/*
 * hdlc.c - RFC 1662 async HDLC-like framing: FCS-16, the frame encoder and
 * the streaming decoder declared in hdlc.h.  Pure computation over caller
 * buffers: no I/O, no global mutable state, no knowledge of PPP beyond the
 * rule that LCP is always sent with default framing.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "hdlc.h"
#include "ppp-packet.h"

/* RFC 1662 appendix C.2: the table for the reflected polynomial 0x8408. */
static const uint16_t fcstab[256] = {
    0x0000, 0x1189, 0x2312, 0x329b, 0x4624, 0x57ad, 0x6536, 0x74bf,
    0x8c48, 0x9dc1, 0xaf5a, 0xbed3, 0xca6c, 0xdbe5, 0xe97e, 0xf8f7,
    0x1081, 0x0108, 0x3393, 0x221a, 0x56a5, 0x472c, 0x75b7, 0x643e,
    0x9cc9, 0x8d40, 0xbfdb, 0xae52, 0xdaed, 0xcb64, 0xf9ff, 0xe876,
    0x2102, 0x308b, 0x0210, 0x1399, 0x6726, 0x76af, 0x4434, 0x55bd,
    0xad4a, 0xbcc3, 0x8e58, 0x9fd1, 0xeb6e, 0xfae7, 0xc87c, 0xd9f5,
    0x3183, 0x200a, 0x1291, 0x0318, 0x77a7, 0x662e, 0x54b5, 0x453c,
    0xbdcb, 0xac42, 0x9ed9, 0x8f50, 0xfbef, 0xea66, 0xd8fd, 0xc974,
    0x4204, 0x538d, 0x6116, 0x709f, 0x0420, 0x15a9, 0x2732, 0x36bb,
    0xce4c, 0xdfc5, 0xed5e, 0xfcd7, 0x8868, 0x99e1, 0xab7a, 0xbaf3,
    0x5285, 0x430c, 0x7197, 0x601e, 0x14a1, 0x0528, 0x37b3, 0x263a,
    0xdecd, 0xcf44, 0xfddf, 0xec56, 0x98e9, 0x8960, 0xbbfb, 0xaa72,
    0x6306, 0x728f, 0x4014, 0x519d, 0x2522, 0x34ab, 0x0630, 0x17b9,
    0xef4e, 0xfec7, 0xcc5c, 0xddd5, 0xa96a, 0xb8e3, 0x8a78, 0x9bf1,
    0x7387, 0x620e, 0x5095, 0x411c, 0x35a3, 0x242a, 0x16b1, 0x0738,
    0xffcf, 0xee46, 0xdcdd, 0xcd54, 0xb9eb, 0xa862, 0x9af9, 0x8b70,
    0x8408, 0x9581, 0xa71a, 0xb693, 0xc22c, 0xd3a5, 0xe13e, 0xf0b7,
    0x0840, 0x19c9, 0x2b52, 0x3adb, 0x4e64, 0x5fed, 0x6d76, 0x7cff,
    0x9489, 0x8500, 0xb79b, 0xa612, 0xd2ad, 0xc324, 0xf1bf, 0xe036,
    0x18c1, 0x0948, 0x3bd3, 0x2a5a, 0x5ee5, 0x4f6c, 0x7df7, 0x6c7e,
    0xa50a, 0xb483, 0x8618, 0x9791, 0xe32e, 0xf2a7, 0xc03c, 0xd1b5,
    0x2942, 0x38cb, 0x0a50, 0x1bd9, 0x6f66, 0x7eef, 0x4c74, 0x5dfd,
    0xb58b, 0xa402, 0x9699, 0x8710, 0xf3af, 0xe226, 0xd0bd, 0xc134,
    0x39c3, 0x284a, 0x1ad1, 0x0b58, 0x7fe7, 0x6e6e, 0x5cf5, 0x4d7c,
    0xc60c, 0xd785, 0xe51e, 0xf497, 0x8028, 0x91a1, 0xa33a, 0xb2b3,
    0x4a44, 0x5bcd, 0x6956, 0x78df, 0x0c60, 0x1de9, 0x2f72, 0x3efb,
    0xd68d, 0xc704, 0xf59f, 0xe416, 0x90a9, 0x8120, 0xb3bb, 0xa232,
    0x5ac5, 0x4b4c, 0x79d7, 0x685e, 0x1ce1, 0x0d68, 0x3ff3, 0x2e7a,
    0xe70e, 0xf687, 0xc41c, 0xd595, 0xa12a, 0xb0a3, 0x8238, 0x93b1,
    0x6b46, 0x7acf, 0x4854, 0x59dd, 0x2d62, 0x3ceb, 0x0e70, 0x1ff9,
    0xf78f, 0xe606, 0xd49d, 0xc514, 0xb1ab, 0xa022, 0x92b9, 0x8330,
    0x7bc7, 0x6a4e, 0x58d5, 0x495c, 0x3de3, 0x2c6a, 0x1ef1, 0x0f78
};

uint16_t nr_hdlc_fcs16(uint16_t fcs, const void *data, size_t len)
{
    const uint8_t *p = data;
    while (len--)
        fcs = (uint16_t)((fcs >> 8) ^ fcstab[(fcs ^ *p++) & 0xff]);
    return fcs;
}

/* ---- encoder -------------------------------------------------------------------------------- */

bool nr_hdlc_protocol_valid(uint16_t protocol)
{
    return (protocol & 0x0001) && !(protocol & 0x0100);
}

static bool needs_escape(uint8_t c, uint32_t accm)
{
    return c == NR_HDLC_FLAG || c == NR_HDLC_ESCAPE || (c < 0x20 && (accm & (UINT32_C(1) << c)));
}

/* Appends c (escaped if needed) at out[*n], counting even past out_size. */
static void put(uint8_t *out, size_t out_size, size_t *n, uint8_t c, uint32_t accm)
{
    if (needs_escape(c, accm)) {
        if (*n < out_size)
            out[*n] = NR_HDLC_ESCAPE;
        ++*n;
        c ^= NR_HDLC_ESCAPE_XOR;
    }
    if (*n < out_size)
        out[*n] = c;
    ++*n;
}

int nr_hdlc_encode(const nr_hdlc_tx_opts *opts, uint16_t protocol, const void *info, size_t info_len,
                   uint8_t *out, size_t out_size, size_t *out_len)
{
    static const nr_hdlc_tx_opts defaults = NR_HDLC_TX_DEFAULTS;
    uint8_t header[4];
    size_t hlen = 0, n = 0;
    const uint8_t *p = info;

    if (!out_len || (!info && info_len) || (!out && out_size) || !nr_hdlc_protocol_valid(protocol))
        return -EINVAL;
    if (!opts || protocol == NR_PPP_PROTO_LCP)
        opts = &defaults;

    if (!opts->acfc) {
        header[hlen++] = NR_HDLC_ALL_STATIONS;
        header[hlen++] = NR_HDLC_UI;
    }
    /* 0x00ff is never compressed: alone, 0xff would read as an Address. */
    if (!(opts->pfc && protocol < 0xff))
        header[hlen++] = (uint8_t)(protocol >> 8);
    header[hlen++] = (uint8_t)protocol;

    uint16_t fcs = nr_hdlc_fcs16(NR_HDLC_FCS_INIT, header, hlen);
    fcs = nr_hdlc_fcs16(fcs, info, info_len);
    fcs ^= 0xffff;

    if (n < out_size)
        out[n] = NR_HDLC_FLAG;
    n++;
    for (size_t i = 0; i < hlen; i++)
        put(out, out_size, &n, header[i], opts->accm);
    for (size_t i = 0; i < info_len; i++)
        put(out, out_size, &n, p[i], opts->accm);
    put(out, out_size, &n, (uint8_t)(fcs & 0xff), opts->accm);
    put(out, out_size, &n, (uint8_t)(fcs >> 8), opts->accm);
    if (n < out_size)
        out[n] = NR_HDLC_FLAG;
    n++;

    *out_len = n;
    return n <= out_size ? 0 : -ENOBUFS;
}

/* ---- decoder -------------------------------------------------------------------------------- */

enum {
    RX_HUNT,     /* before the first flag: everything is junk */
    RX_DATA,     /* inside a frame (or between flags) */
    RX_ESCAPE,   /* inside a frame, after 0x7d */
    RX_OVERFLOW, /* frame too long: skip to the next flag, then count it */
    RX_SKIP,     /* frame given up silently (MRU changed): skip to the next flag */
};

static int check_mru(size_t mru)
{
    return mru == 0 || mru > 65535 ? -EINVAL : 0;
}

int nr_hdlc_rx_init(nr_hdlc_rx *rx, size_t mru, nr_hdlc_frame_fn on_frame, void *ctx)
{
    if (!rx || !on_frame || check_mru(mru))
        return -EINVAL;
    memset(rx, 0, sizeof *rx);
    rx->buf = malloc(mru + NR_HDLC_OVERHEAD);
    if (!rx->buf)
        return -ENOMEM;
    rx->on_frame = on_frame;
    rx->ctx = ctx;
    rx->mru = mru;
    rx->accm = NR_HDLC_ACCM_ALL;
    nr_hdlc_rx_reset(rx);
    return 0;
}

void nr_hdlc_rx_free(nr_hdlc_rx *rx)
{
    if (!rx)
        return;
    free(rx->buf);
    rx->buf = NULL;
    rx->len = 0;
}

void nr_hdlc_rx_reset(nr_hdlc_rx *rx)
{
    if (!rx)
        return;
    rx->state = RX_HUNT;
    rx->len = 0;
    rx->fcs = NR_HDLC_FCS_INIT;
}

void nr_hdlc_rx_set_accm(nr_hdlc_rx *rx, uint32_t accm)
{
    if (rx)
        rx->accm = accm;
}

int nr_hdlc_rx_set_mru(nr_hdlc_rx *rx, size_t mru)
{
    if (!rx || !rx->buf || check_mru(mru))
        return -EINVAL;
    uint8_t *buf = realloc(rx->buf, mru + NR_HDLC_OVERHEAD);
    if (!buf)
        return -ENOMEM;
    rx->buf = buf;
    rx->mru = mru;
    if (rx->len > 0 || rx->state == RX_ESCAPE || rx->state == RX_OVERFLOW)
        rx->state = RX_SKIP;
    rx->len = 0;
    rx->fcs = NR_HDLC_FCS_INIT;
    return 0;
}

/* A flag closed buf[0..n) whose running FCS is fcs: check it and hand it
 * up, or count why not. The decoder is already reset for the next frame. */
static void end_frame(nr_hdlc_rx *rx, size_t n, uint16_t fcs)
{
    const uint8_t *p = rx->buf;
    uint16_t protocol;

    /* RFC 1662 section 4.3 calls fewer than 4 octets a runt, counting on
     * Address and Control; with ACFC and PFC an empty information field
     * legitimately makes 3 (protocol + FCS), and nr_hdlc_encode() can send
     * that, so only fewer than 3 is a runt here. */
    if (n < 3) {
        rx->stats.too_short++;
        return;
    }
    if (fcs != NR_HDLC_FCS_GOOD) {
        rx->stats.bad_fcs++;
        return;
    }
    n -= 2; /* the FCS */
    if (p[0] == NR_HDLC_ALL_STATIONS) {
        if (n < 2 || p[1] != NR_HDLC_UI) {
            rx->stats.bad_header++;
            return;
        }
        p += 2;
        n -= 2;
    }
    if (n < 1) {
        rx->stats.too_short++;
        return;
    }
    if (p[0] & 1) { /* compressed: 0x00xx sent as one odd octet */
        protocol = p[0];
        p += 1;
        n -= 1;
    } else {
        if (n < 2) {
            rx->stats.too_short++;
            return;
        }
        protocol = (uint16_t)(p[0] << 8 | p[1]);
        if (!nr_hdlc_protocol_valid(protocol)) {
            rx->stats.bad_header++;
            return;
        }
        p += 2;
        n -= 2;
    }
    if (n > rx->mru) {
        rx->stats.too_long++;
        return;
    }
    rx->stats.frames++;
    rx->on_frame(rx->ctx, protocol, p, n);
}

static void store(nr_hdlc_rx *rx, uint8_t c)
{
    if (rx->len >= rx->mru + NR_HDLC_OVERHEAD) {
        rx->state = RX_OVERFLOW;
        return;
    }
    rx->buf[rx->len++] = c;
    rx->fcs = (uint16_t)((rx->fcs >> 8) ^ fcstab[(rx->fcs ^ c) & 0xff]);
    rx->state = RX_DATA;
}

void nr_hdlc_rx_feed(nr_hdlc_rx *rx, const void *data, size_t len)
{
    const uint8_t *p = data;

    if (!rx || !rx->buf || (!data && len))
        return;
    for (size_t i = 0; i < len; i++) {
        uint8_t c = p[i];

        if (c == NR_HDLC_FLAG) {
            /* Every flag both closes a frame and opens the next one (frames
             * may share a flag). Reset before delivering: the callback may
             * change the decoder. */
            int was = rx->state;
            size_t n = rx->len;
            uint16_t fcs = rx->fcs;
            rx->state = RX_DATA;
            rx->len = 0;
            rx->fcs = NR_HDLC_FCS_INIT;
            if (was == RX_ESCAPE)
                rx->stats.aborted++; /* 0x7d 0x7e: abort sequence */
            else if (was == RX_OVERFLOW)
                rx->stats.too_long++;
            else if (was == RX_DATA && n > 0)
                end_frame(rx, n, fcs);
            /* n == 0: empty frame between flags, nothing to do. */
            continue;
        }
        switch (rx->state) {
        case RX_HUNT:
            rx->stats.junk_octets++;
            break;
        case RX_OVERFLOW:
        case RX_SKIP:
            break;
        case RX_DATA:
        case RX_ESCAPE:
            if (c < 0x20 && (rx->accm & (UINT32_C(1) << c))) {
                rx->stats.ctl_dropped++;
                break;
            }
            if (rx->state == RX_ESCAPE)
                store(rx, c ^ NR_HDLC_ESCAPE_XOR);
            else if (c == NR_HDLC_ESCAPE)
                rx->state = RX_ESCAPE;
            else
                store(rx, c);
            break;
        }
    }
}
