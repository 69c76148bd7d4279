/*
 * fuzz-ppp-link.c - libFuzzer target: a whole PPP link
 * (providers/ras/ppp/ppp-link.c with LCP, PAP, CHAP-MD5, MS-CHAP v2, CBCP,
 * IPCP, echo and terminate) fed by a hostile peer.
 *
 * The input (fuzz-ppp-ops.h) configures the link, then scripts the peer:
 * frames with any information field, control packets with a correct
 * header, replies built from what the link itself sent (so a fuzzer that
 * cannot guess a magic number or an Identifier still gets LCP open and
 * past authentication), raw line octets, time passing on a fake clock
 * (every retransmission and timeout runs, none waits), an MS-CHAP v2
 * Success computed like a real server would, and the calls of the link's
 * owner (close, password change, callback answer, IP datagrams, run).
 *
 * The link writes to one end of a socketpair; the other end is decoded
 * after each operation and kept per protocol and code for the replies.
 * Checked besides crashes, leaks, hangs and sanitizer reports: every frame
 * the link sends is well formed, at most one failure is reported and the
 * error agrees with it, Projected comes with an address, and a closed link
 * always reaches the Dead phase through its timers.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <netrouter/ras.h>

#include "fuzz-ppp-ops.h"
#include "fuzz-util.h"
#include "hdlc.h"
#include "ppp-link.h"
#include "ppp-mschap.h"
#include "ppp-packet.h"

#define MAX_OPS 256
#define NKEEP 6                    /* the protocols whose packets are kept: the first selectors */
#define MAX_PKT 1600

static const uint16_t protocols[FUZZ_PPP_NSEL] = FUZZ_PPP_PROTOCOLS;

typedef struct kept {
    uint8_t data[MAX_PKT];
    size_t len;
    unsigned seq;                  /* 0: none yet */
} kept;

typedef struct peer {
    /* the input */
    const uint8_t *p;
    size_t left;
    /* the line */
    int fd;                        /* our end; the link has the other */
    bool hung_up;
    nr_hdlc_rx rx;                 /* what the link sends */
    kept last[NKEEP][16];          /* by protocol selector and code */
    unsigned seq;
    /* the clock */
    uint64_t now;
    /* MS-CHAP v2: the challenge the link answers, as we sent it */
    uint8_t challenge[16];
    char password[300];            /* what the link proves; the new one after a change */
    /* what the link reported */
    int failures, events;
    bool projected;
    nr_ppp_link *link;
} peer;

/* ---- reading the input ---------------------------------------------------------- */

static bool take(peer *p, uint8_t *out)
{
    if (!p->left)
        return false;
    *out = *p->p++;
    p->left--;
    return true;
}

static bool take_len(peer *p, size_t *out)
{
    uint8_t a, b, c;
    if (!take(p, &a))
        return false;
    *out = a;
    if (a == 0xff && take(p, &b) && take(p, &c))
        *out = (size_t)b << 8 | c;
    if (*out > p->left)
        *out = p->left;
    return true;
}

static bool take_bytes(peer *p, size_t n, const uint8_t **out)
{
    if (n > p->left)
        return false;
    *out = p->p;
    p->p += n;
    p->left -= n;
    return true;
}

static bool take_protocol(peer *p, uint16_t *proto, int *sel)
{
    uint8_t s, hi, lo;
    if (!take(p, &s))
        return false;
    *sel = s % FUZZ_PPP_NSEL;
    *proto = protocols[*sel];
    if (*sel == FUZZ_SEL_OTHER) {
        if (!take(p, &hi) || !take(p, &lo))
            return false;
        *proto = (uint16_t)(hi << 8 | lo);
    }
    return true;
}

/* ---- the link's side ------------------------------------------------------------------ */

static uint64_t clock_now(void *ctx)
{
    return ((peer *)ctx)->now;
}

/* FUZZ_PPP_TRACE=1 in the environment: each operation, phase and event on
 * stderr (to see what an input does: fuzz-ppp-link INPUT). */
static bool tracing(void)
{
    static int on = -1;
    if (on < 0)
        on = getenv("FUZZ_PPP_TRACE") != NULL;
    return on;
}

static void on_event(void *ctx, const nr_ppp_link_event *ev)
{
    static const char *const names[] = { "LCP_UP", "AUTHENTICATING", "AUTHENTICATED", "PROJECTED",
                                         "CALLBACK_OFFERED", "CALLBACK_AGREED", "FAILED", "DOWN" };
    peer *p = ctx;
    p->events++;
    if (tracing())
        fprintf(stderr, "  event %s %u: %s\n", (unsigned)ev->type < 8 ? names[ev->type] : "?", ev->error,
                ev->text ? ev->text : "(null)");
    FUZZ_ASSERT(ev->text && ev->projection);
    switch (ev->type) {
    case NR_PPP_EVENT_FAILED:
    case NR_PPP_EVENT_DOWN:
        FUZZ_ASSERT(ev->error != 0 && ev->text[0]);
        FUZZ_ASSERT(++p->failures == 1); /* the first failure wins, once */
        break;
    case NR_PPP_EVENT_PROJECTED:
        FUZZ_ASSERT(ev->projection->our_addr != 0);
        FUZZ_ASSERT(!p->projected && p->failures == 0);
        p->projected = true;
        break;
    default:
        FUZZ_ASSERT(ev->error == 0);
        break;
    }
}

static void on_ip(void *ctx, const uint8_t *pkt, size_t len)
{
    (void)ctx;
    FUZZ_ASSERT(len <= 65535 && (pkt || !len));
}

/* A frame from the link: well formed, and kept for the replies. */
static void from_link(void *ctx, uint16_t protocol, const uint8_t *info, size_t len)
{
    peer *p = ctx;
    nr_ppp_packet pkt;
    int sel = -1;

    FUZZ_ASSERT(len <= NR_HDLC_DEFAULT_MRU);
    for (int i = 0; i < NKEEP; i++)
        if (protocols[i] == protocol)
            sel = i;
    FUZZ_ASSERT(sel >= 0); /* the link speaks LCP, PAP, CHAP, IPCP, CBCP and IP only */
    if (protocol == NR_PPP_PROTO_IP)
        return;
    FUZZ_ASSERT(nr_ppp_packet_parse(info, len, &pkt) == NR_PPP_OK);
    FUZZ_ASSERT(pkt.length == len);
    if (pkt.code < 16 && len <= MAX_PKT) {
        kept *k = &p->last[sel][pkt.code];
        memcpy(k->data, info, len);
        k->len = len;
        k->seq = ++p->seq;
    }
}

static void drain(peer *p)
{
    uint8_t buf[8192];
    ssize_t n;
    if (p->hung_up)
        return;
    while ((n = read(p->fd, buf, sizeof buf)) > 0)
        nr_hdlc_rx_feed(&p->rx, buf, (size_t)n);
    FUZZ_ASSERT(n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK));
    FUZZ_ASSERT(p->rx.stats.bad_fcs == 0 && p->rx.stats.aborted == 0 && p->rx.stats.bad_header == 0 &&
                p->rx.stats.too_long == 0);
}

/* ---- what we send ----------------------------------------------------------------------- */

/* Notes the MS-CHAP v2 challenge in what we send: a Challenge's value, or
 * the C= of a Failure (the challenge a retry or password change answers). */
static void sniff(peer *p, uint16_t protocol, const uint8_t *info, size_t len)
{
    nr_ppp_packet pkt;
    nr_mschap_failure f;
    if (protocol != NR_PPP_PROTO_CHAP || nr_ppp_packet_parse(info, len, &pkt) != NR_PPP_OK)
        return;
    if (pkt.code == 1 && pkt.data_len >= 17 && pkt.data[0] == 16)
        memcpy(p->challenge, pkt.data + 1, 16);
    else if (pkt.code == 4 && nr_mschap_parse_failure(pkt.data, pkt.data_len, &f) && f.have_challenge)
        memcpy(p->challenge, f.challenge, 16);
}

static void send_frame(peer *p, uint16_t protocol, const uint8_t *info, size_t len, bool wire)
{
    static uint8_t out[NR_HDLC_ENCODE_BOUND(65535 + 4)];
    size_t n;

    sniff(p, protocol, info, len);
    if (nr_hdlc_encode(NULL, protocol, info, len, out, sizeof out, &n) != 0)
        return; /* an invalid protocol number: nothing a peer can frame */
    if (!wire) {
        nr_ppp_link_feed(p->link, out, n);
        return;
    }
    if (p->hung_up || write(p->fd, out, n) != (ssize_t)n)
        return;
    nr_ppp_link_step(p->link, -1, 0);
}

/* The Length field of a control packet. */
static void put_length(uint8_t *pkt, size_t len)
{
    pkt[2] = (uint8_t)(len >> 8);
    pkt[3] = (uint8_t)len;
}

static uint8_t id_for(peer *p, int sel, uint8_t id)
{
    if ((id & 0xf0) != FUZZ_PPP_ID_LAST)
        return id;
    if (sel < NKEEP && p->last[sel][id & 0x0f].seq)
        return p->last[sel][id & 0x0f].data[1];
    return 0;
}

static void op_packet(peer *p)
{
    static uint8_t buf[4 + 65535];
    uint8_t code, id;
    uint16_t proto;
    const uint8_t *data;
    size_t len;
    int sel;

    if (!take_protocol(p, &proto, &sel) || !take(p, &code) || !take(p, &id) || !take_len(p, &len) ||
        !take_bytes(p, len, &data))
        return;
    if (len > 65535 - 4)
        len = 65535 - 4;
    buf[0] = code;
    buf[1] = id_for(p, sel, id);
    put_length(buf, len + 4);
    memcpy(buf + 4, data, len);
    send_frame(p, proto, buf, len + 4, false);
}

static void op_reply(peer *p)
{
    uint8_t code, newcode, buf[MAX_PKT];
    uint16_t proto;
    int sel;
    kept *k;

    if (!take_protocol(p, &proto, &sel) || !take(p, &code) || !take(p, &newcode) || sel >= NKEEP)
        return;
    k = &p->last[sel][code & 0x0f];
    if (!k->seq)
        return;
    memcpy(buf, k->data, k->len);
    buf[0] = newcode;
    send_frame(p, proto, buf, k->len, false);
}

/* The Success a server that knows the password sends to the link's last
 * Response (code 2) or Change-Password (code 7). */
static void op_mschap_success(peer *p)
{
    kept *resp = &p->last[FUZZ_SEL_CHAP][2], *change = &p->last[FUZZ_SEL_CHAP][7];
    const uint8_t *msg, *peer_challenge, *nt;
    char user[300] = "", s[NR_MSCHAP_AUTH_RESPONSE_LEN + 1], text[600];
    uint8_t flags, buf[700], id;
    size_t len;
    int n;

    if (!take(p, &flags) || !take_len(p, &len) || !take_bytes(p, len, &msg))
        return;
    if (!resp->seq || resp->len < 4 + 50 || resp->data[4] != 49)
        return; /* the link never answered a challenge with MS-CHAP v2 */
    /* the name is the Response's (a Change-Password names nobody) */
    snprintf(user, sizeof user, "%.*s", (int)(resp->len - 4 - 50), (const char *)resp->data + 4 + 50);
    if (change->seq > resp->seq && change->len == 4 + 582) {
        peer_challenge = change->data + 4 + 532;
        nt = change->data + 4 + 556;
        id = change->data[1];
    } else {
        peer_challenge = resp->data + 4 + 1;
        nt = resp->data + 4 + 25;
        id = resp->data[1];
    }
    if (nr_mschap_authenticator_response(p->password, nt, peer_challenge, p->challenge, user, s) != 0)
        return;
    if (flags & 1)
        s[2] = s[2] == '0' ? '1' : '0';
    n = snprintf(text, sizeof text, "%s M=%.*s", s, len > 255 ? 255 : (int)len, (const char *)msg);
    buf[0] = 3;
    buf[1] = id;
    put_length(buf, (size_t)n + 4);
    memcpy(buf + 4, text, (size_t)n);
    send_frame(p, NR_PPP_PROTO_CHAP, buf, (size_t)n + 4, false);
}

static void advance(peer *p, uint64_t ms)
{
    p->now += ms;
    nr_ppp_link_timeout(p->link);
}

/* A descriptor that is always readable: a cancelled run. */
static int cancelled_fd(void)
{
    static int fd = -1;
    if (fd < 0)
        fd = eventfd(1, EFD_CLOEXEC);
    FUZZ_ASSERT(fd >= 0);
    return fd;
}

static void op_run(peer *p)
{
    unsigned rc = nr_ppp_link_run(p->link, cancelled_fd());
    nr_ppp_phase ph = nr_ppp_link_phase(p->link);
    if (rc == 0)
        FUZZ_ASSERT(ph == NR_PPP_PHASE_OPEN);
    if (ph == NR_PPP_PHASE_DEAD)
        FUZZ_ASSERT(rc != 0 && rc != ERROR_USER_DISCONNECTION);
}

static const char *pick_secret(unsigned which, const char *good)
{
    static char longer[301];
    if (!longer[0])
        memset(longer, 'p', 300);
    switch (which % 4) {
    case 0: return good;
    case 1: return "";
    case 2: return longer;          /* more than any protocol field holds */
    default: return "\xff\xfe-\xc3"; /* not UTF-8: MS-CHAP cannot encode it */
    }
}

static void run_op(peer *p, uint8_t op)
{
    const uint8_t *data;
    uint8_t arg;
    uint16_t proto;
    size_t len;
    int sel;

    switch (op % FUZZ_PPP_NOPS) {
    case FUZZ_PPP_FRAME:
    case FUZZ_PPP_WIRE:
        if (take_protocol(p, &proto, &sel) && take_len(p, &len) && take_bytes(p, len, &data))
            send_frame(p, proto, data, len, op % FUZZ_PPP_NOPS == FUZZ_PPP_WIRE);
        break;
    case FUZZ_PPP_PACKET:
        op_packet(p);
        break;
    case FUZZ_PPP_REPLY:
        op_reply(p);
        break;
    case FUZZ_PPP_RAW:
        if (take_len(p, &len) && take_bytes(p, len, &data))
            nr_ppp_link_feed(p->link, data, len);
        break;
    case FUZZ_PPP_TIME:
        if (take(p, &arg))
            advance(p, (uint64_t)arg * arg * 10);
        break;
    case FUZZ_PPP_DEADLINE: {
        uint64_t d = nr_ppp_link_deadline(p->link);
        advance(p, d > p->now ? d - p->now : 0);
        break;
    }
    case FUZZ_PPP_MSCHAP_SUCCESS:
        op_mschap_success(p);
        break;
    case FUZZ_PPP_CLOSE:
        nr_ppp_link_close(p->link);
        break;
    case FUZZ_PPP_CHANGE_PASSWORD:
        if (take(p, &arg)) {
            const char *pw = pick_secret(arg, FUZZ_PPP_NEW_SECRET);
            if (nr_ppp_link_change_password(p->link, pw) == 0)
                snprintf(p->password, sizeof p->password, "%s", pw);
        }
        break;
    case FUZZ_PPP_ANSWER_CALLBACK:
        if (take(p, &arg)) {
            static char longer[200];
            if (!longer[0])
                memset(longer, '5', sizeof longer - 1);
            const char *numbers[] = { NULL, "", "5550199", longer };
            nr_ppp_link_answer_callback(p->link, numbers[arg % 4]);
        }
        break;
    case FUZZ_PPP_SEND_IP:
        if (take_len(p, &len) && take_bytes(p, len, &data)) {
            int rc = nr_ppp_link_send_ip(p->link, data, len);
            FUZZ_ASSERT(rc == 0 || rc == -ENOTCONN || rc == -EMSGSIZE || rc == -EIO);
            if (rc == 0)
                FUZZ_ASSERT(nr_ppp_link_phase(p->link) == NR_PPP_PHASE_OPEN);
        }
        break;
    case FUZZ_PPP_HANGUP:
        if (!p->hung_up) {
            shutdown(p->fd, SHUT_RDWR);
            p->hung_up = true;
            nr_ppp_link_step(p->link, -1, 0);
        }
        break;
    case FUZZ_PPP_RUN:
        op_run(p);
        break;
    }
}

static void configure(nr_ppp_link_config *cfg, uint8_t c0, uint8_t c1, nr_ppp_clock *clock, peer *p)
{
    static const unsigned restart[] = { 100, 1000, 3000, 0 }, maxconf[] = { 1, 2, 10, 0 };
    static char long_user[256], long_number[200];
    const char *numbers[] = { NULL, "", "5550199", long_number };

    if (!long_user[0]) {
        memset(long_user, 'u', sizeof long_user - 1);
        memset(long_number, '5', sizeof long_number - 1);
    }
    nr_ppp_link_config_init(cfg);
    cfg->allow_pap = c0 & 1;
    cfg->allow_chap = c0 & 2;
    cfg->allow_mschapv2 = c0 & 4;
    cfg->request_callback = c0 & 8;
    cfg->callback_number = numbers[(c0 >> 4) & 3];
    cfg->echo_interval_ms = c0 & 0x40 ? 1000 : 0;
    cfg->mru = c0 & 0x80 ? 296 : 0;
    cfg->fsm.restart_ms = restart[c1 & 3];
    cfg->fsm.max_configure = maxconf[(c1 >> 2) & 3];
    cfg->request_dns = !(c1 & 0x10);
    cfg->timeout_ms = c1 & 0x20 ? 0 : 30000;
    cfg->magic_seed = 0x12345678;
    switch (c1 >> 6) {
    case FUZZ_PPP_USER_ALICE: cfg->user = FUZZ_PPP_ALICE, cfg->password = FUZZ_PPP_SECRET; break;
    case FUZZ_PPP_USER_EMPTY: cfg->user = "", cfg->password = ""; break;
    case FUZZ_PPP_USER_LONG: cfg->user = long_user, cfg->password = long_user; break;
    default: cfg->user = "al\xc3\xa9", cfg->password = "\xff\xfe"; break;
    }
    snprintf(p->password, sizeof p->password, "%s", cfg->password);
    clock->now_ms = clock_now;
    clock->ctx = p;
    cfg->clock = clock;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static peer p;
    nr_ppp_link_config cfg;
    nr_ppp_clock clock;
    int sv[2], fds, ops = 0;
    const char *text;
    uint8_t op;

    if (size < 2)
        return 0;
    cancelled_fd();
    fds = fuzz_count_fds();
    memset(&p, 0, sizeof p);
    p.p = data + 2;
    p.left = size - 2;
    p.now = 1000;
    configure(&cfg, data[0], data[1], &clock, &p);
    FUZZ_ASSERT(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv) == 0);
    p.fd = sv[1];
    FUZZ_ASSERT(nr_hdlc_rx_init(&p.rx, 65535, from_link, &p) == 0);
    nr_hdlc_rx_set_accm(&p.rx, 0); /* whatever the link escapes or not */
    FUZZ_ASSERT(nr_ppp_link_new(sv[0], &cfg, on_event, &p, &p.link) == 0);
    nr_ppp_link_set_ip_handler(p.link, on_ip, &p);

    nr_ppp_link_start(p.link);
    drain(&p);
    while (ops++ < MAX_OPS && take(&p, &op)) {
        run_op(&p, op);
        drain(&p);
        if (tracing())
            fprintf(stderr, "op %u -> phase %s, t=%llu\n", (unsigned)(op % FUZZ_PPP_NOPS),
                    nr_ppp_phase_name(nr_ppp_link_phase(p.link)), (unsigned long long)p.now);
        FUZZ_ASSERT((unsigned)nr_ppp_link_phase(p.link) <= NR_PPP_PHASE_CALLBACK);
        FUZZ_ASSERT((nr_ppp_link_error(p.link, &text) != 0) == (p.failures == 1));
        FUZZ_ASSERT(text);
    }

    /* whatever happened, a closed link dies through its own timers */
    nr_ppp_link_close(p.link);
    for (int i = 0; i < 64 && nr_ppp_link_phase(p.link) != NR_PPP_PHASE_DEAD; i++) {
        uint64_t d = nr_ppp_link_deadline(p.link);
        FUZZ_ASSERT(d != 0); /* not Dead, yet nothing to wait for: it would hang */
        advance(&p, d > p.now ? d - p.now : 0);
        drain(&p);
    }
    FUZZ_ASSERT(nr_ppp_link_phase(p.link) == NR_PPP_PHASE_DEAD);

    nr_ppp_link_free(p.link);
    nr_hdlc_rx_free(&p.rx);
    close(sv[0]);
    close(sv[1]);
    FUZZ_ASSERT(fuzz_count_fds() == fds);
    return 0;
}
