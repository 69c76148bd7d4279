/*
 * gen-seeds.c - writes the binary seeds of fuzz-ppp-link (op scripts of
 * fuzz-ppp-ops.h: whole dial-ups with each authentication, callback,
 * echo, terminate and the classic failures) and of fuzz-hdlc (framed
 * exchanges as they appear on a line) and of fuzz-proto (messages of the
 * RAS service protocol, a few near misses, a builder script).  The
 * committed corpus came from it;
 * rerun it after changing the op format:
 *
 *     tests/fuzz/gen-seeds tests/fuzz/corpus      (from the source tree)
 *
 * The text seeds of the other targets are written by hand.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz-ppp-ops.h"
#include "hdlc.h"
#include "proto.h"

typedef struct seed {
    uint8_t b[8192];
    size_t n;
} seed;

static const char *outdir;

static void put(seed *s, const void *p, size_t n)
{
    if (s->n + n > sizeof s->b) {
        fprintf(stderr, "gen-seeds: a seed grew too large\n");
        exit(1);
    }
    if (n)
        memcpy(s->b + s->n, p, n);
    s->n += n;
}

static void put1(seed *s, unsigned v)
{
    uint8_t c = (uint8_t)v;
    put(s, &c, 1);
}

static void put_len(seed *s, size_t n)
{
    if (n < 0xff) {
        put1(s, (unsigned)n);
    } else {
        put1(s, 0xff);
        put1(s, (unsigned)(n >> 8));
        put1(s, (unsigned)n);
    }
}

static void save(const char *dir, const char *name, const seed *s)
{
    char path[4096];
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", outdir, dir);
    if (mkdir(path, 0755) != 0 && errno != EEXIST) {
        perror(path);
        exit(1);
    }
    snprintf(path, sizeof path, "%s/%s/%s", outdir, dir, name);
    if (!(f = fopen(path, "wb")) || fwrite(s->b, 1, s->n, f) != s->n || fclose(f) != 0) {
        perror(path);
        exit(1);
    }
}

/* ---- fuzz-ppp-link: the ops ---------------------------------------------------------------- */

static void begin(seed *s, unsigned cfg0, unsigned cfg1)
{
    s->n = 0;
    put1(s, cfg0);
    put1(s, cfg1);
}

static void packet(seed *s, int sel, unsigned code, unsigned id, const void *data, size_t len)
{
    put1(s, FUZZ_PPP_PACKET);
    put1(s, (unsigned)sel);
    put1(s, code);
    put1(s, id);
    put_len(s, len);
    put(s, data, len);
}

static void frame(seed *s, unsigned op, int sel, const void *info, size_t len)
{
    put1(s, op);
    put1(s, (unsigned)sel);
    put_len(s, len);
    put(s, info, len);
}

static void reply(seed *s, int sel, unsigned code, unsigned newcode)
{
    put1(s, FUZZ_PPP_REPLY);
    put1(s, (unsigned)sel);
    put1(s, code);
    put1(s, newcode);
}

static void op1(seed *s, unsigned op, unsigned arg)
{
    put1(s, op);
    put1(s, arg);
}

static void op0(seed *s, unsigned op)
{
    put1(s, op);
}

static void mschap_success(seed *s, unsigned flags, const char *msg)
{
    put1(s, FUZZ_PPP_MSCHAP_SUCCESS);
    put1(s, flags);
    put_len(s, strlen(msg));
    put(s, msg, strlen(msg));
}

#define LAST(code) (FUZZ_PPP_ID_LAST | (code))
#define MAGIC 0x05, 0x06, 0x5e, 0xed, 0xf0, 0x0d
#define AUTH_PAP 0x03, 0x04, 0xc0, 0x23
#define AUTH_CHAP 0x03, 0x05, 0xc2, 0x23, 0x05
#define AUTH_MSCHAPV2 0x03, 0x05, 0xc2, 0x23, 0x81

enum { CONF_REQ = 1, CONF_ACK, CONF_NAK, CONF_REJ, TERM_REQ, TERM_ACK, CODE_REJ, PROT_REJ, ECHO_REQ, ECHO_REPLY,
       DISCARD_REQ };

/* LCP up: the link's request Acked, the peer's own request (with opts). */
static void lcp_open(seed *s, const uint8_t *opts, size_t len)
{
    reply(s, FUZZ_SEL_LCP, CONF_REQ, CONF_ACK);
    packet(s, FUZZ_SEL_LCP, CONF_REQ, 1, opts, len);
}

/* IPCP as slirp does it: its own address, then a Nak with ours and DNS. */
static void ipcp_open(seed *s)
{
    static const uint8_t req[] = { 0x03, 0x06, 10, 0, 2, 2 };
    static const uint8_t nak[] = { 0x03, 0x06, 10, 0, 2, 15, 0x81, 0x06, 10, 0, 2, 3, 0x83, 0x06, 10, 0, 2, 4 };
    packet(s, FUZZ_SEL_IPCP, CONF_REQ, 1, req, sizeof req);
    packet(s, FUZZ_SEL_IPCP, CONF_NAK, LAST(CONF_REQ), nak, sizeof nak);
    reply(s, FUZZ_SEL_IPCP, CONF_REQ, CONF_ACK);
}

/* Traffic and the end of an open link. */
static void open_traffic(seed *s)
{
    static const uint8_t ip[] = { 0x45, 0, 0, 28, 0, 1, 0, 0, 64, 17, 0, 0, 10, 0, 2, 2, 10, 0, 2, 15,
                                  0x30, 0x39, 0x00, 0x35, 0, 8, 0, 0 };
    static const uint8_t echo[] = { 0x5e, 0xed, 0xf0, 0x0d, 'p', 'i', 'n', 'g' };
    frame(s, FUZZ_PPP_FRAME, FUZZ_SEL_IP, ip, sizeof ip);
    put1(s, FUZZ_PPP_SEND_IP);
    put_len(s, sizeof ip);
    put(s, ip, sizeof ip);
    packet(s, FUZZ_SEL_LCP, ECHO_REQ, 7, echo, sizeof echo);
    packet(s, FUZZ_SEL_LCP, DISCARD_REQ, 8, echo, sizeof echo);
    packet(s, FUZZ_SEL_CCP, CONF_REQ, 1, NULL, 0); /* a protocol it does not speak */
    op1(s, FUZZ_PPP_TIME, 40);
    reply(s, FUZZ_SEL_LCP, ECHO_REQ, ECHO_REPLY);
}

static void ppp_seeds(void)
{
    static const uint8_t none[] = { MAGIC }, pap[] = { AUTH_PAP, MAGIC }, chap[] = { AUTH_CHAP, MAGIC },
                         ms[] = { AUTH_MSCHAPV2, MAGIC };
    static const uint8_t challenge[] = { 16, 0x5a, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb,
                                         0xcc, 0xdd, 0xee, 0xff, 'r', 'a', 's', 'p', 'r', 'o', 'v' };
    static const uint8_t cbcp_offer[] = { 0x01, 0x02, 0x02, 0x04, 0x01, 0x01 };
    static const uint8_t cbcp_caller_only[] = { 0x02, 0x04, 0x01, 0x01 };
    static const uint8_t cbcp_none_only[] = { 0x01, 0x02 };
    const char *expired = "E=648 R=0 C=00112233445566778899AABBCCDDEEFF V=3 M=Password expired";
    const char *denied = "E=691 R=1 C=FFEEDDCCBBAA99887766554433221100 V=3 M=Access denied";
    seed s;

    begin(&s, 0x07, 0x0d);
    lcp_open(&s, none, sizeof none);
    ipcp_open(&s);
    open_traffic(&s);
    packet(&s, FUZZ_SEL_LCP, TERM_REQ, 9, "bye", 3);
    save("ppp-link", "no-auth-open-terminate", &s);

    begin(&s, 0x07, 0x0d);
    lcp_open(&s, pap, sizeof pap);
    packet(&s, FUZZ_SEL_PAP, CONF_ACK, LAST(1), "\x08Login ok", 9);
    ipcp_open(&s);
    open_traffic(&s);
    op0(&s, FUZZ_PPP_CLOSE);
    reply(&s, FUZZ_SEL_LCP, TERM_REQ, TERM_ACK);
    save("ppp-link", "pap-open-close", &s);

    begin(&s, 0x01, 0x0d);
    lcp_open(&s, pap, sizeof pap);
    packet(&s, FUZZ_SEL_PAP, CONF_NAK, LAST(1), "\x0fLogin incorrect", 16);
    packet(&s, FUZZ_SEL_LCP, TERM_REQ, 2, NULL, 0);
    save("ppp-link", "pap-refused", &s);

    begin(&s, 0x02, 0x0d);
    lcp_open(&s, chap, sizeof chap);
    packet(&s, FUZZ_SEL_CHAP, 1, 1, challenge, sizeof challenge);
    packet(&s, FUZZ_SEL_CHAP, 3, LAST(2), "Welcome", 7);
    ipcp_open(&s);
    save("ppp-link", "chap-md5-open", &s);

    begin(&s, 0x02, 0x0d);
    lcp_open(&s, chap, sizeof chap);
    packet(&s, FUZZ_SEL_CHAP, 1, 1, challenge, sizeof challenge);
    packet(&s, FUZZ_SEL_CHAP, 1, 2, challenge, sizeof challenge); /* a retransmitted challenge */
    packet(&s, FUZZ_SEL_CHAP, 4, LAST(2), "Access denied", 13);
    save("ppp-link", "chap-md5-failure", &s);

    begin(&s, 0x04, 0x0d);
    lcp_open(&s, ms, sizeof ms);
    packet(&s, FUZZ_SEL_CHAP, 1, 1, challenge, sizeof challenge);
    mschap_success(&s, 0, "Welcome");
    ipcp_open(&s);
    open_traffic(&s);
    save("ppp-link", "mschapv2-open", &s);

    begin(&s, 0x04, 0x0d);
    lcp_open(&s, ms, sizeof ms);
    packet(&s, FUZZ_SEL_CHAP, 1, 1, challenge, sizeof challenge);
    mschap_success(&s, 1, "Welcome");
    save("ppp-link", "mschapv2-forged-success", &s);

    begin(&s, 0x04, 0x0d);
    lcp_open(&s, ms, sizeof ms);
    packet(&s, FUZZ_SEL_CHAP, 1, 1, challenge, sizeof challenge);
    packet(&s, FUZZ_SEL_CHAP, 4, LAST(2), denied, strlen(denied));
    save("ppp-link", "mschapv2-denied", &s);

    begin(&s, 0x04, 0x0d);
    lcp_open(&s, ms, sizeof ms);
    packet(&s, FUZZ_SEL_CHAP, 1, 1, challenge, sizeof challenge);
    packet(&s, FUZZ_SEL_CHAP, 4, LAST(2), expired, strlen(expired));
    op0(&s, FUZZ_PPP_RUN);
    op1(&s, FUZZ_PPP_CHANGE_PASSWORD, FUZZ_PPP_NEWPW_GOOD);
    mschap_success(&s, 0, "Password changed");
    ipcp_open(&s);
    save("ppp-link", "mschapv2-expired-change", &s);

    /* callback: the link asks for it in LCP; CBCP after PAP */
    begin(&s, 0x01 | 0x08 | 2 << 4, 0x0d);
    lcp_open(&s, pap, sizeof pap);
    packet(&s, FUZZ_SEL_PAP, CONF_ACK, LAST(1), "\x08Login ok", 9);
    packet(&s, FUZZ_SEL_CBCP, 1, 5, cbcp_offer, sizeof cbcp_offer);
    packet(&s, FUZZ_SEL_CBCP, 1, 6, cbcp_offer, sizeof cbcp_offer); /* retransmitted */
    reply(&s, FUZZ_SEL_CBCP, 2, 3);
    reply(&s, FUZZ_SEL_LCP, TERM_REQ, TERM_ACK);
    save("ppp-link", "cbcp-callback-agreed", &s);

    begin(&s, 0x01 | 0x08, 0x0d); /* no number configured: the caller is asked */
    lcp_open(&s, pap, sizeof pap);
    packet(&s, FUZZ_SEL_PAP, CONF_ACK, LAST(1), "\x08Login ok", 9);
    packet(&s, FUZZ_SEL_CBCP, 1, 5, cbcp_caller_only, sizeof cbcp_caller_only);
    op0(&s, FUZZ_PPP_RUN);
    op1(&s, FUZZ_PPP_ANSWER_CALLBACK, 2);
    op0(&s, FUZZ_PPP_DEADLINE);
    reply(&s, FUZZ_SEL_CBCP, 2, 3);
    save("ppp-link", "cbcp-ask-caller", &s);

    begin(&s, 0x01 | 0x08 | 1 << 4, 0x0d);
    lcp_open(&s, none, sizeof none);
    packet(&s, FUZZ_SEL_CBCP, 1, 5, cbcp_none_only, sizeof cbcp_none_only);
    reply(&s, FUZZ_SEL_CBCP, 2, 3);
    ipcp_open(&s);
    save("ppp-link", "cbcp-declined", &s);

    begin(&s, 0x07 | 0x40, 0x0d); /* echo every second, no answers */
    lcp_open(&s, none, sizeof none);
    ipcp_open(&s);
    for (int i = 0; i < 6; i++)
        op1(&s, FUZZ_PPP_TIME, 11);
    save("ppp-link", "echo-unanswered", &s);

    begin(&s, 0x07, 0x0d);
    lcp_open(&s, none, sizeof none);
    packet(&s, FUZZ_SEL_LCP, PROT_REJ, 3, "\x80\x21\x01\x01\x00\x04", 6);
    save("ppp-link", "ipcp-protocol-rejected", &s);

    begin(&s, 0x07, 0x0d);
    lcp_open(&s, none, sizeof none);
    packet(&s, FUZZ_SEL_IPCP, CONF_REJ, LAST(CONF_REQ), "\x03\x06\x00\x00\x00\x00", 6);
    for (int i = 0; i < 3; i++)
        reply(&s, FUZZ_SEL_IPCP, CONF_REQ, CONF_REJ);
    save("ppp-link", "ipcp-address-rejected", &s);

    begin(&s, 0x07 | 0x80, 0x0d); /* MRU 296; the peer asks for MRU, ACCM, PFC, ACFC */
    {
        static const uint8_t opts[] = { 0x01, 0x04, 0x05, 0xdc, 0x02, 0x06, 0x00, 0x0a, 0x00, 0x00,
                                        0x07, 0x02, 0x08, 0x02, MAGIC };
        static const uint8_t nak_mru[] = { 0x01, 0x04, 0x02, 0x00 };
        packet(&s, FUZZ_SEL_LCP, CONF_NAK, LAST(CONF_REQ), nak_mru, sizeof nak_mru);
        lcp_open(&s, opts, sizeof opts);
    }
    ipcp_open(&s);
    packet(&s, FUZZ_SEL_LCP, CONF_REQ, 2, none, sizeof none); /* renegotiation while open */
    reply(&s, FUZZ_SEL_LCP, CONF_REQ, CONF_ACK);
    save("ppp-link", "lcp-options-renegotiate", &s);

    begin(&s, 0x04, 0x0d | FUZZ_PPP_USER_NOT_UTF8 << 6); /* a password MS-CHAP cannot encode */
    lcp_open(&s, ms, sizeof ms);
    packet(&s, FUZZ_SEL_CHAP, 1, 1, challenge, sizeof challenge);
    op1(&s, FUZZ_PPP_TIME, 20);
    op0(&s, FUZZ_PPP_DEADLINE);
    save("ppp-link", "mschapv2-password-not-utf8", &s);

    begin(&s, 0x07, 0x0d);
    packet(&s, FUZZ_SEL_LCP, TERM_REQ, 1, "Not allowed", 11);
    save("ppp-link", "lcp-terminated-early", &s);

    begin(&s, 0x07, 0x0d);
    for (int i = 0; i < 3; i++)
        reply(&s, FUZZ_SEL_LCP, CONF_REQ, CONF_NAK);
    reply(&s, FUZZ_SEL_LCP, CONF_REQ, CONF_REJ);
    packet(&s, FUZZ_SEL_LCP, CODE_REJ, 4, "\x0c\x01\x00\x04", 4);
    save("ppp-link", "lcp-nak-reject", &s);

    begin(&s, 0x07, 0x0d); /* a looped-back line: the link hears itself */
    reply(&s, FUZZ_SEL_LCP, CONF_REQ, CONF_REQ);
    reply(&s, FUZZ_SEL_LCP, CONF_REQ, CONF_REQ);
    save("ppp-link", "lcp-loopback", &s);

    begin(&s, 0x07, 0x0c); /* a silent peer, default Max-Configure */
    for (int i = 0; i < 12; i++)
        op0(&s, FUZZ_PPP_DEADLINE);
    save("ppp-link", "silent-peer", &s);

    begin(&s, 0x07, 0x0d); /* frames written to the line, then the line drops */
    reply(&s, FUZZ_SEL_LCP, CONF_REQ, CONF_ACK);
    frame(&s, FUZZ_PPP_WIRE, FUZZ_SEL_LCP, "\x01\x01\x00\x0a\x05\x06\x5e\xed\xf0\x0d", 10);
    op0(&s, FUZZ_PPP_HANGUP);
    save("ppp-link", "wire-hangup", &s);

    begin(&s, 0x01, 0x0d); /* raw octets: banner, an escaped frame, an abort */
    {
        uint8_t wire[256];
        size_t n;
        const uint8_t req[] = { 0x01, 0x01, 0x00, 0x0a, MAGIC };
        nr_hdlc_tx_opts tx = NR_HDLC_TX_DEFAULTS;
        put1(&s, FUZZ_PPP_RAW);
        put_len(&s, 14);
        put(&s, "CONNECT 33600\n", 14);
        nr_hdlc_encode(&tx, 0xc021, req, sizeof req, wire, sizeof wire, &n);
        put1(&s, FUZZ_PPP_RAW);
        put_len(&s, n);
        put(&s, wire, n);
        put1(&s, FUZZ_PPP_RAW);
        put_len(&s, 4);
        put(&s, "\x7e\xff\x7d\x7e", 4);
    }
    op0(&s, FUZZ_PPP_CLOSE);
    op0(&s, FUZZ_PPP_DEADLINE);
    save("ppp-link", "raw-octets", &s);
}

/* ---- fuzz-hdlc --------------------------------------------------------------------------------- */

static void hdlc_seeds(void)
{
    static const uint8_t lcp_req[] = { 0x01, 0x01, 0x00, 0x0e, 0x02, 0x06, 0x00, 0x00, 0x00, 0x00, 0x05, 0x06,
                                       0x5e, 0xed, 0xf0, 0x0d };
    static const uint8_t ipcp_req[] = { 0x01, 0x01, 0x00, 0x0a, 0x03, 0x06, 0x0a, 0x00, 0x02, 0x02 };
    nr_hdlc_tx_opts lcp = NR_HDLC_TX_DEFAULTS, open = { 0, true, true };
    uint8_t wire[512];
    size_t n;
    seed s;

    /* decoding (first octet even): two frames sharing a flag, after a banner */
    s.n = 0;
    put1(&s, 0x00); /* all at once */
    put1(&s, 0);    /* MRU 1500 */
    put(&s, "CONNECT 115200\r\n", 16);
    nr_hdlc_encode(&lcp, 0xc021, lcp_req, sizeof lcp_req, wire, sizeof wire, &n);
    put(&s, wire, n - 1); /* the next frame's opening flag closes this one */
    nr_hdlc_encode(&open, 0x8021, ipcp_req, sizeof ipcp_req, wire, sizeof wire, &n);
    put(&s, wire, n);
    save("hdlc", "lcp-ipcp-after-banner", &s);

    s.n = 0;
    put1(&s, 0x0e); /* chunks of 1..7 octets */
    put1(&s, 3);    /* MRU 128 */
    nr_hdlc_encode(&open, 0x0021, "\x45\x00\x00\x14", 4, wire, sizeof wire, &n);
    put(&s, wire, n);
    put(&s, "\x7e\xff\x03\xc0\x21\x7d\x7e", 7); /* aborted */
    put(&s, "\x7e\x01\x02\x7e", 4);             /* runt */
    put(&s, "\x7e\xff\x05\x00\x21\x00\x00\x7e", 8); /* bad header */
    save("hdlc", "ip-abort-runt", &s);

    s.n = 0;
    put1(&s, 0x02);
    put1(&s, 0);
    {   /* frames that steer the decoder from its callback (fuzz-hdlc.c) */
        static const uint8_t steer[][2] = { { 0xa1, 0x00 }, { 0xa2, 0x08 }, { 0xa3, 0 }, { 0xa4, 0 } };
        for (size_t i = 0; i < sizeof steer / sizeof steer[0]; i++) {
            nr_hdlc_encode(&open, 0x0021, steer[i], 2, wire, sizeof wire, &n);
            put(&s, wire, n);
        }
    }
    save("hdlc", "steering", &s);

    /* round trips (first octet odd): options, protocol, information */
    s.n = 0;
    put1(&s, 0x01 | 0x20 | 0x40);
    put(&s, "\x00\x0a\x00\x00", 4); /* ACCM escapes XON/XOFF only */
    put(&s, "\x00\x21", 2);
    put(&s, "\x45\x00\x00\x1c\x7e\x7d\x11\x13\x00", 9);
    save("hdlc", "round-trip-ip", &s);

    s.n = 0;
    put1(&s, 0x0d);
    put(&s, "\xff\xff\xff\xff", 4);
    put(&s, "\xc0\x21", 2);
    put(&s, lcp_req, sizeof lcp_req);
    save("hdlc", "round-trip-lcp", &s);
}

/* ---- fuzz-proto --------------------------------------------------------------------------------- */

/* Ends the message being built into s (aborts if the builder refused it). */
static void proto_end(seed *s, nr_proto_builder *b)
{
    nr_error err;
    if (nr_proto_build_end(b, &s->n, &err) != 0) {
        fprintf(stderr, "gen-seeds: %s\n", err.detail);
        exit(1);
    }
}

static void proto_seeds(void)
{
    static const uint8_t octets[] = { 'l', 'o', 'g', 'i', 'n', ':', ' ', 0, 0xff, '\r' };
    nr_proto_builder b;
    seed s;

    nr_proto_build_init(&b, s.b, sizeof s.b, NR_PROTO_MSG_HELLO, 1);
    nr_proto_put_u32(&b, NR_PROTO_TAG_VERSION_MIN, 1);
    nr_proto_put_u32(&b, NR_PROTO_TAG_VERSION_MAX, 1);
    nr_proto_put_str(&b, NR_PROTO_TAG_PROGRAM, "rasdial");
    proto_end(&s, &b);
    save("proto", "hello", &s);

    nr_proto_build_init(&b, s.b, sizeof s.b, NR_PROTO_MSG_DIAL, 2);
    nr_proto_put_str(&b, NR_PROTO_TAG_ENTRY, "Office");
    nr_proto_put_str(&b, NR_PROTO_TAG_PHONEBOOK, "/home/b\xc3\xb6" "b/.config/netrouter/phonebook.json");
    nr_proto_put_str(&b, NR_PROTO_TAG_USER, "bob");
    nr_proto_put_secret(&b, NR_PROTO_TAG_PASSWORD, "not-a-real-password");
    nr_proto_put_u32(&b, NR_PROTO_TAG_DIAL_OPTIONS, RDEOPT_PausedStates);
    nr_proto_put_u32(&b, NR_PROTO_TAG_NOTIFIER, 2);
    nr_proto_put_u64(&b, NR_PROTO_TAG_CALLBACK_ID, 0x1122334455667788ull);
    proto_end(&s, &b);
    save("proto", "dial", &s);

    /* near misses of the dial: a version after this side's; the entry twice; an entry that is not UTF-8 */
    s.b[5] = NR_PROTO_VERSION + 1;
    save("proto", "near-version-3", &s);
    s.b[5] = 1;
    put(&s, "\0\x0c\0\4Home", 8);
    s.b[15] = (uint8_t)(s.n - NR_PROTO_HEADER_SIZE);
    save("proto", "near-entry-twice", &s);
    s.n -= 8;
    s.b[15] = (uint8_t)(s.n - NR_PROTO_HEADER_SIZE);
    s.b[NR_PROTO_HEADER_SIZE + 4 + 2] = 0xc0; /* "Of" becomes an overlong "\xc0f" */
    save("proto", "near-entry-not-utf8", &s);

    nr_proto_build_init(&b, s.b, sizeof s.b, NR_PROTO_MSG_EVENT, 2);
    nr_proto_put_u64(&b, NR_PROTO_TAG_HANDLE, 1);
    nr_proto_put_u32(&b, NR_PROTO_TAG_STATE, RASCS_ConnectDevice);
    nr_proto_put_u32(&b, NR_PROTO_TAG_ERROR, ERROR_LINE_BUSY);
    nr_proto_put_str(&b, NR_PROTO_TAG_DETAIL, "The modem on /dev/ttyS0 answered BUSY.");
    proto_end(&s, &b);
    save("proto", "event-busy", &s);

    nr_proto_build_init(&b, s.b, sizeof s.b, NR_PROTO_MSG_STATS_INFO, 3);
    nr_proto_put_u64(&b, NR_PROTO_TAG_HANDLE, 1);
    for (uint16_t tag = NR_PROTO_TAG_BYTES_SENT; tag <= NR_PROTO_TAG_CONNECT_DURATION_MS; tag++)
        if (nr_proto_tag_kind(tag) == NR_PROTO_KIND_U64)
            nr_proto_put_u64(&b, tag, (uint64_t)tag * 1000);
        else
            nr_proto_put_u32(&b, tag, tag);
    proto_end(&s, &b);
    save("proto", "stats-info", &s);

    /* version 2: a status with the name servers; near miss: the same in version 1 */
    nr_proto_build_init(&b, s.b, sizeof s.b, NR_PROTO_MSG_STATUS_INFO, 3);
    nr_proto_put_u64(&b, NR_PROTO_TAG_HANDLE, 1);
    nr_proto_put_u32(&b, NR_PROTO_TAG_STATE, RASCS_Connected);
    nr_proto_put_u32(&b, NR_PROTO_TAG_ERROR, 0);
    nr_proto_put_str(&b, NR_PROTO_TAG_DEVICE_NAME, "/dev/ttyUSB0");
    nr_proto_put_str(&b, NR_PROTO_TAG_INTERFACE, "ras0");
    nr_proto_put_str(&b, NR_PROTO_TAG_NAMESERVERS, "10.0.2.3 10.0.2.4");
    proto_end(&s, &b);
    save("proto", "status-info-nameservers", &s);
    s.b[5] = 1;
    save("proto", "near-nameservers-in-version-1", &s);

    nr_proto_build_init(&b, s.b, sizeof s.b, NR_PROTO_MSG_PROJECTION_INFO, 4);
    nr_proto_put_u64(&b, NR_PROTO_TAG_HANDLE, 1);
    nr_proto_put_u32(&b, NR_PROTO_TAG_PROJECTION, RASP_PppIp);
    nr_proto_put_str(&b, NR_PROTO_TAG_IP_ADDRESS, "10.0.2.15");
    nr_proto_put_str(&b, NR_PROTO_TAG_SERVER_IP_ADDRESS, "10.0.2.2");
    proto_end(&s, &b);
    save("proto", "projection-info", &s);

    nr_proto_build_init(&b, s.b, sizeof s.b, NR_PROTO_MSG_TERMINAL_DATA, 5);
    nr_proto_put_u64(&b, NR_PROTO_TAG_HANDLE, 1);
    nr_proto_put_bytes(&b, NR_PROTO_TAG_DATA, octets, sizeof octets);
    proto_end(&s, &b);
    save("proto", "terminal-data", &s);

    nr_proto_build_init(&b, s.b, sizeof s.b, NR_PROTO_MSG_REPLY, 2);
    nr_proto_put_u32(&b, NR_PROTO_TAG_CODE, ERROR_PORT_NOT_AVAILABLE);
    nr_proto_put_u32(&b, NR_PROTO_TAG_EXT, 4242);
    nr_proto_put_str(&b, NR_PROTO_TAG_DETAIL, "The device /dev/ttyS0 is in use: lock file /var/lock/LCK..ttyS0 "
                                              "belongs to process 4242.");
    nr_proto_put_u64(&b, NR_PROTO_TAG_HANDLE, 1);
    proto_end(&s, &b);
    save("proto", "reply-633", &s);

    /* a script for the builder (fuzz-proto.c): a 16384-octet buffer, a dial, entry and password */
    s.n = 0;
    put(&s, "\x40\x00\x04", 3);
    put(&s, "\x0c\x02\x00\x06Office", 10);
    put(&s, "\x11\x03\x00\x02pw", 6);
    save("proto", "builder-dial", &s);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s CORPUS_DIR (e.g. tests/fuzz/corpus)\n", argv[0]);
        return 2;
    }
    outdir = argv[1];
    ppp_seeds();
    hdlc_seeds();
    proto_seeds();
    return 0;
}
