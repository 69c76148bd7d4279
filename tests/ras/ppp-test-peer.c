/*
 * ppp-test-peer.c - the fake clock, the packet recorder and the scripted
 * PPP peer of ppp-test-peer.h.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "ppp-mschap.h"
#include "ppp-packet.h"

#include "ppp-test-peer.h"

static uint64_t fake_now(void *ctx)
{
    return ((nr_test_wire *)ctx)->now;
}

void nr_test_wire_init(nr_test_wire *w)
{
    memset(w, 0, sizeof *w);
    w->now = 1000;
    w->clock.now_ms = fake_now;
    w->clock.ctx = w;
}

void nr_test_wire_record(nr_test_wire *w, uint16_t protocol, const uint8_t *pkt, size_t len)
{
    if (w->n < NR_TEST_WIRE_MAX) {
        nr_test_pkt *p = &w->pkts[w->n];
        p->protocol = protocol;
        p->len = len < sizeof p->data ? len : sizeof p->data;
        memcpy(p->data, pkt, p->len);
    }
    w->n++;
}

const nr_test_pkt *nr_test_wire_get(const nr_test_wire *w, size_t i)
{
    return i < w->n && i < NR_TEST_WIRE_MAX ? &w->pkts[i] : NULL;
}

const nr_test_pkt *nr_test_wire_last(const nr_test_wire *w)
{
    return w->n ? nr_test_wire_get(w, w->n - 1) : NULL;
}

size_t nr_test_wire_count(const nr_test_wire *w, uint16_t protocol, uint8_t code)
{
    size_t i, c = 0;

    for (i = 0; i < w->n && i < NR_TEST_WIRE_MAX; i++)
        if (w->pkts[i].protocol == protocol && w->pkts[i].len && w->pkts[i].data[0] == code)
            c++;
    return c;
}

void nr_test_wire_clear(nr_test_wire *w)
{
    w->n = 0;
}

/* ---- the scripted peer ---------------------------------------------------------------------- */

static void peer_send(nr_test_peer *p, uint16_t protocol, const uint8_t *pkt, size_t len)
{
    uint8_t wire[NR_HDLC_ENCODE_BOUND(NR_HDLC_DEFAULT_MRU)];
    size_t n;

    if (nr_hdlc_encode(NULL, protocol, pkt, len, wire, sizeof wire, &n) == 0 &&
        write(p->fd, wire, n) == (ssize_t)n) {
        p->octets_written += n;
        p->frames_written++;
    }
}

/* The same packet back with another code (Ack, Terminate-Ack). */
static void peer_echo_back(nr_test_peer *p, uint16_t protocol, const nr_ppp_packet *in, uint8_t code)
{
    uint8_t buf[NR_HDLC_DEFAULT_MRU];
    size_t n;

    if (code == NR_PPP_TERM_ACK) {
        if (nr_ppp_build_terminate(buf, sizeof buf, code, in->id, NULL, 0, &n) == NR_PPP_OK)
            peer_send(p, protocol, buf, n);
    } else if (nr_ppp_build_configure(buf, sizeof buf, code, in->id, in->data, in->data_len, &n) == NR_PPP_OK) {
        peer_send(p, protocol, buf, n);
    }
}

static void peer_request(nr_test_peer *p, uint16_t protocol)
{
    uint8_t buf[64];
    nr_ppp_builder b;
    size_t n;

    nr_ppp_build_begin(&b, buf, sizeof buf, NR_PPP_CONF_REQ, ++p->id);
    if (protocol == NR_PPP_PROTO_LCP && p->auth == NR_TEST_PEER_AUTH_PAP)
        nr_ppp_build_opt_u16(&b, NR_PPP_LCP_OPT_AUTH, NR_PPP_PROTO_PAP);
    if (protocol == NR_PPP_PROTO_LCP && p->auth == NR_TEST_PEER_AUTH_MSCHAPV2)
        nr_ppp_build_option(&b, NR_PPP_LCP_OPT_AUTH, (const uint8_t[]){ 0xc2, 0x23, NR_PPP_CHAP_MSV2 }, 3);
    if (protocol == NR_PPP_PROTO_LCP)
        nr_ppp_build_opt_u32(&b, NR_PPP_LCP_OPT_MAGIC, NR_TEST_PEER_MAGIC);
    else
        nr_ppp_build_opt_u32(&b, NR_PPP_IPCP_OPT_ADDRESS, NR_TEST_PEER_ADDR);
    if (nr_ppp_build_end(&b, &n) == NR_PPP_OK)
        peer_send(p, protocol, buf, n);
}

/* An LCP Terminate-Request: the peer ends the link, and whatever the
 * dialer asks next starts a new session. */
static void peer_terminate(nr_test_peer *p, const char *text)
{
    uint8_t buf[64];
    size_t n;

    if (nr_ppp_build_terminate(buf, sizeof buf, NR_PPP_TERM_REQ, ++p->id, text, text ? strlen(text) : 0, &n) ==
        NR_PPP_OK)
        peer_send(p, NR_PPP_PROTO_LCP, buf, n);
    p->lcp_restart = true;
}

/* A new session on the same line, as from the start (LCP again, then
 * authentication, CBCP and IPCP). */
static void peer_session_reset(nr_test_peer *p)
{
    p->sent_lcp_req = p->sent_ipcp_req = p->sent_challenge = p->sent_cbcp = p->client_callback = false;
    p->lcp_restart = false;
}

static void peer_lcp_request(nr_test_peer *p, const nr_ppp_packet *in)
{
    uint8_t buf[NR_HDLC_DEFAULT_MRU];
    nr_ppp_builder b;
    size_t n;

    switch (p->lcp) {
    case NR_TEST_PEER_LCP_NAK_MRU:
        nr_ppp_build_begin(&b, buf, sizeof buf, NR_PPP_CONF_NAK, in->id);
        nr_ppp_build_opt_u16(&b, NR_PPP_LCP_OPT_MRU, 1000);
        if (nr_ppp_build_end(&b, &n) == NR_PPP_OK)
            peer_send(p, NR_PPP_PROTO_LCP, buf, n);
        return;
    case NR_TEST_PEER_LCP_NAK_MAGIC:
        nr_ppp_build_begin(&b, buf, sizeof buf, NR_PPP_CONF_NAK, in->id);
        nr_ppp_build_opt_u32(&b, NR_PPP_LCP_OPT_MAGIC, NR_TEST_PEER_MAGIC + ++p->id);
        if (nr_ppp_build_end(&b, &n) == NR_PPP_OK)
            peer_send(p, NR_PPP_PROTO_LCP, buf, n);
        return;
    case NR_TEST_PEER_LCP_CODE_REJECT:
        if (nr_ppp_build_code_reject(buf, sizeof buf, ++p->id, in->data - NR_PPP_HEADER_LEN, in->length, 0, &n) ==
            NR_PPP_OK)
            peer_send(p, NR_PPP_PROTO_LCP, buf, n);
        return;
    case NR_TEST_PEER_LCP_TERMINATE:
        if (p->terminated) { /* Closed: every request gets a Terminate-Ack */
            peer_echo_back(p, NR_PPP_PROTO_LCP, in, NR_PPP_TERM_ACK);
        } else {
            peer_terminate(p, "Not allowed");
            p->terminated = true;
        }
        return;
    default:
        /* RFC 1661: a Configure-Request when Opened (or after its own
         * Terminate-Request) renegotiates: Ack it and ask again, e.g. a
         * dial resumed after RASCS_RetryAuthentication */
        if (p->lcp_restart)
            peer_session_reset(p);
        p->client_callback = nr_ppp_opt_find(in->data, in->data_len, NR_PPP_LCP_OPT_CALLBACK, &(nr_ppp_option){ 0 }) == 1;
        peer_echo_back(p, NR_PPP_PROTO_LCP, in, NR_PPP_CONF_ACK);
        if (!p->sent_lcp_req) {
            p->sent_lcp_req = true;
            peer_request(p, NR_PPP_PROTO_LCP);
        }
        return;
    }
}

static void cbcp_offer(nr_test_peer *p);

/* ---- MS-CHAP v2, the authenticator's side ---- */

static void mschap_send(nr_test_peer *p, uint8_t code, uint8_t id, const char *msg)
{
    uint8_t buf[300];
    nr_ppp_builder b;
    size_t n;

    nr_ppp_build_begin(&b, buf, sizeof buf, code, id);
    nr_ppp_build_bytes(&b, msg, strlen(msg));
    if (nr_ppp_build_end(&b, &n) == NR_PPP_OK)
        peer_send(p, NR_PPP_PROTO_CHAP, buf, n);
}

static void mschap_new_challenge(nr_test_peer *p)
{
    for (int i = 0; i < 16; i++)
        p->challenge[i] = (uint8_t)(p->challenge[i] * 13 + 7 + i + p->id);
}

static void mschap_challenge(nr_test_peer *p)
{
    uint8_t buf[64];
    nr_ppp_builder b;
    size_t n;

    mschap_new_challenge(p);
    nr_ppp_build_begin(&b, buf, sizeof buf, 1, ++p->id);
    nr_ppp_build_bytes(&b, &(uint8_t){ 16 }, 1);
    nr_ppp_build_bytes(&b, p->challenge, 16);
    nr_ppp_build_bytes(&b, "rasprov", 7);
    if (nr_ppp_build_end(&b, &n) == NR_PPP_OK)
        peer_send(p, NR_PPP_PROTO_CHAP, buf, n);
    p->sent_challenge = true;
}

/* Failure with E=code, a fresh challenge and V=3. */
static void mschap_fail(nr_test_peer *p, uint8_t id, unsigned code, const char *text)
{
    char msg[160];
    int used;

    mschap_new_challenge(p);
    used = snprintf(msg, sizeof msg, "E=%u R=0 C=", code);
    for (int i = 0; i < 16; i++)
        used += snprintf(msg + used, sizeof msg - (size_t)used, "%02X", p->challenge[i]);
    snprintf(msg + used, sizeof msg - (size_t)used, " V=3 M=%s", text);
    mschap_send(p, 4, id, msg);
}

static void mschap_succeed(nr_test_peer *p, uint8_t id, const uint8_t *nt, const uint8_t *peer_challenge,
                           const char *text)
{
    char s[NR_MSCHAP_AUTH_RESPONSE_LEN + 1], msg[160];

    nr_mschap_authenticator_response(p->mschap_password, nt, peer_challenge, p->challenge, "alice", s);
    if (p->mschap_forge_success)
        s[2] = s[2] == '0' ? '1' : '0';
    snprintf(msg, sizeof msg, "%s M=%s", s, text);
    mschap_send(p, 3, id, msg);
    cbcp_offer(p);
}

/* Response: value-size 49 (peer challenge, 8 reserved, NT-Response, flags), name. */
static void mschap_response(nr_test_peer *p, const nr_ppp_packet *in)
{
    uint8_t expect[24];
    const uint8_t *v = in->data + 1;

    if (in->data_len < 50 || in->data[0] != 49)
        return;
    if (in->data_len - 50 != 5 || memcmp(in->data + 50, "alice", 5) != 0 ||
        nr_mschap_nt_response(p->challenge, v, "alice", p->mschap_password, expect) != 0 ||
        memcmp(expect, v + 24, 24) != 0) {
        mschap_fail(p, in->id, 691, "Access denied");
        peer_terminate(p, NULL);
        return;
    }
    if (p->mschap_expired && p->mschap_no_change) {
        mschap_send(p, 4, in->id, "E=648 R=0 V=0 M=Password expired, see your administrator");
        return;
    }
    if (p->mschap_expired) {
        mschap_fail(p, in->id, 648, "Password expired");
        return;
    }
    mschap_succeed(p, in->id, v + 24, v, "Welcome");
}

/* Change-Password (code 7): the new password under the old hash, the old
 * hash under the new one, peer challenge, 8 reserved, NT-Response, flags. */
static void mschap_change(nr_test_peer *p, const nr_ppp_packet *in)
{
    const uint8_t *d = in->data;
    char fresh[64];
    uint8_t hash[16], expect[24];

    if (in->data_len != 582 || !p->mschap_expired)
        return;
    if (nr_mschap_open_password_block(d, p->mschap_password, fresh, sizeof fresh) != 0 ||
        nr_mschap_old_hash_encrypted(fresh, p->mschap_password, hash) != 0 || memcmp(hash, d + 516, 16) != 0 ||
        nr_mschap_nt_response(p->challenge, d + 532, "alice", fresh, expect) != 0 || memcmp(expect, d + 556, 24) != 0) {
        mschap_fail(p, in->id, 709, "Changing the password failed");
        return;
    }
    snprintf(p->mschap_password, sizeof p->mschap_password, "%s", fresh);
    p->mschap_expired = false;
    p->mschap_changes++;
    mschap_succeed(p, in->id, d + 556, d + 532, "Password changed");
}

static void peer_mschap(nr_test_peer *p, const nr_ppp_packet *in)
{
    if (in->code == 2)
        mschap_response(p, in);
    else if (in->code == 7)
        mschap_change(p, in);
}

/* ---- CBCP, the server's side ---- */

static void cbcp_offer(nr_test_peer *p)
{
    uint8_t buf[32];
    size_t n = 4;

    if (p->cbcp == NR_TEST_PEER_CBCP_NONE || !p->client_callback || p->sent_cbcp)
        return;
    if (p->cbcp == NR_TEST_PEER_CBCP_CALLER) {
        buf[n++] = 1, buf[n++] = 2; /* no callback */
    }
    buf[n++] = 2, buf[n++] = 4, buf[n++] = 1, buf[n++] = 1; /* a number the caller names, delay 1 s */
    buf[0] = 1;
    buf[1] = p->cbcp_id = ++p->id;
    buf[2] = 0;
    buf[3] = (uint8_t)n;
    peer_send(p, NR_PPP_PROTO_CBCP, buf, n);
    if (p->cbcp_twice) { /* a retransmission: a new Identifier (MS-CBCP) */
        buf[1] = p->cbcp_id = ++p->id;
        peer_send(p, NR_PPP_PROTO_CBCP, buf, n);
    }
    p->sent_cbcp = true;
}

/* A Callback Response: the first option is the choice; Ack it as it is. */
static void cbcp_input(nr_test_peer *p, const uint8_t *pkt, size_t len)
{
    uint8_t ack[256];

    if (len < 6 || pkt[0] != 2 || len > sizeof ack || pkt[1] != p->cbcp_id)
        return; /* not an answer to its last Request */
    p->callback_type = pkt[4];
    p->callback_delay = pkt[5] > 2 ? pkt[6] : 0;
    p->callback_number[0] = '\0';
    if (pkt[4] == 2 && pkt[5] > 5 && (size_t)pkt[5] + 4 <= len)
        snprintf(p->callback_number, sizeof p->callback_number, "%.*s", (int)pkt[5] - 5, (const char *)pkt + 8);
    memcpy(ack, pkt, len);
    ack[0] = 3;
    peer_send(p, NR_PPP_PROTO_CBCP, ack, len);
    if (pkt[4] == 1)
        return; /* no callback: the dialer goes on with IPCP */
    peer_terminate(p, "Calling back");
    p->callback_due = true;
}

static void peer_lcp(nr_test_peer *p, const nr_ppp_packet *in)
{
    uint8_t buf[NR_HDLC_DEFAULT_MRU];
    size_t n;

    switch (in->code) {
    case NR_PPP_CONF_REQ:
        peer_lcp_request(p, in);
        break;
    case NR_PPP_CONF_NAK:
    case NR_PPP_CONF_REJ:
        peer_request(p, NR_PPP_PROTO_LCP);
        break;
    case NR_PPP_CONF_ACK: /* our request Acked, theirs Acked before: LCP is open */
        p->lcp_restart = true;
        if (p->auth == NR_TEST_PEER_AUTH_MSCHAPV2 && !p->sent_challenge)
            mschap_challenge(p);
        else if (p->auth == NR_TEST_PEER_AUTH_NONE)
            cbcp_offer(p);
        break;
    case NR_PPP_TERM_REQ:
        peer_echo_back(p, NR_PPP_PROTO_LCP, in, NR_PPP_TERM_ACK);
        break;
    case NR_PPP_ECHO_REQ:
        p->echo_requests++;
        if (!p->echo_silent && in->data_len >= 4 &&
            nr_ppp_build_echo_reply(buf, sizeof buf, in->id, NR_TEST_PEER_MAGIC, in->data + 4, in->data_len - 4,
                                    &n) == NR_PPP_OK) {
            peer_send(p, NR_PPP_PROTO_LCP, buf, n);
            p->echo_replies++;
        }
        break;
    default:
        break;
    }
}

/* NORMAL: what our IPCP request should have said, as a Nak; 0 options if it is right. */
static size_t peer_ipcp_nak(const nr_ppp_packet *in, nr_ppp_builder *b)
{
    nr_ppp_opt_iter it;
    nr_ppp_option o;
    size_t before = b->len;

    nr_ppp_opt_iter_init(&it, in->data, in->data_len);
    while (nr_ppp_opt_next(&it, &o) > 0) {
        uint32_t v = o.data_len == 4 ? nr_ppp_get_u32(o.data) : 0;
        if (o.type == NR_PPP_IPCP_OPT_ADDRESS && v != NR_TEST_PEER_GIVES)
            nr_ppp_build_opt_u32(b, o.type, NR_TEST_PEER_GIVES);
        else if ((o.type == NR_PPP_IPCP_OPT_DNS1 || o.type == NR_PPP_IPCP_OPT_DNS2) && v != NR_TEST_PEER_DNS)
            nr_ppp_build_opt_u32(b, o.type, NR_TEST_PEER_DNS);
    }
    return b->len - before;
}

static void peer_ipcp_request(nr_test_peer *p, const nr_ppp_packet *in)
{
    uint8_t buf[NR_HDLC_DEFAULT_MRU];
    nr_ppp_builder b;
    nr_ppp_option o;
    size_t n;

    switch (p->ipcp) {
    case NR_TEST_PEER_IPCP_PROTOCOL_REJECT:
        if (nr_ppp_build_protocol_reject(buf, sizeof buf, ++p->id, NR_PPP_PROTO_IPCP, in->data - NR_PPP_HEADER_LEN,
                                         in->length, 0, &n) == NR_PPP_OK)
            peer_send(p, NR_PPP_PROTO_LCP, buf, n);
        return;
    case NR_TEST_PEER_IPCP_REJECT_ADDRESS:
        if (nr_ppp_opt_find(in->data, in->data_len, NR_PPP_IPCP_OPT_ADDRESS, &o) == 1) {
            nr_ppp_build_begin(&b, buf, sizeof buf, NR_PPP_CONF_REJ, in->id);
            nr_ppp_build_opt_copy(&b, &o);
            if (nr_ppp_build_end(&b, &n) == NR_PPP_OK)
                peer_send(p, NR_PPP_PROTO_IPCP, buf, n);
        } else {
            peer_echo_back(p, NR_PPP_PROTO_IPCP, in, NR_PPP_CONF_ACK);
        }
        break;
    case NR_TEST_PEER_IPCP_ACK_ZERO:
        peer_echo_back(p, NR_PPP_PROTO_IPCP, in, NR_PPP_CONF_ACK);
        break;
    case NR_TEST_PEER_IPCP_NAK_FOREVER:
        nr_ppp_build_begin(&b, buf, sizeof buf, NR_PPP_CONF_NAK, in->id);
        nr_ppp_build_opt_u32(&b, NR_PPP_IPCP_OPT_ADDRESS, NR_TEST_PEER_GIVES + ++p->id);
        if (nr_ppp_build_end(&b, &n) == NR_PPP_OK)
            peer_send(p, NR_PPP_PROTO_IPCP, buf, n);
        break;
    default:
        nr_ppp_build_begin(&b, buf, sizeof buf, NR_PPP_CONF_NAK, in->id);
        if (peer_ipcp_nak(in, &b) && nr_ppp_build_end(&b, &n) == NR_PPP_OK)
            peer_send(p, NR_PPP_PROTO_IPCP, buf, n);
        else
            peer_echo_back(p, NR_PPP_PROTO_IPCP, in, NR_PPP_CONF_ACK);
        break;
    }
    if (!p->sent_ipcp_req) {
        p->sent_ipcp_req = true;
        peer_request(p, NR_PPP_PROTO_IPCP);
    }
}

static void peer_ipcp(nr_test_peer *p, const nr_ppp_packet *in)
{
    if (in->code == NR_PPP_CONF_REQ)
        peer_ipcp_request(p, in);
    else if (in->code == NR_PPP_TERM_REQ)
        peer_echo_back(p, NR_PPP_PROTO_IPCP, in, NR_PPP_TERM_ACK);
    else if (in->code == NR_PPP_CONF_NAK || in->code == NR_PPP_CONF_REJ)
        peer_request(p, NR_PPP_PROTO_IPCP);
}

/* Whether the n octets at d are the string want. */
static bool same_text(const uint8_t *d, size_t n, const char *want)
{
    return n == strlen(want) && memcmp(d, want, n) == 0;
}

/* Waits pap_delay_ms; false when told to stop meanwhile (stop_fd). */
static bool pap_ponder(nr_test_peer *p)
{
    struct pollfd stop = { .fd = p->stop_fd, .events = POLLIN }; /* -1: just the wait */

    return p->pap_delay_ms <= 0 || poll(&stop, 1, p->pap_delay_ms) == 0;
}

/* PAP Authenticate-Request: peer-id length, peer-id, password length, password. */
static void peer_pap(nr_test_peer *p, const nr_ppp_packet *in)
{
    static const char ok[] = "Login ok", bad[] = "Login incorrect";
    const uint8_t *d = in->data;
    size_t n = in->data_len, ulen, plen;
    bool good = false;
    uint8_t buf[64];
    nr_ppp_builder b;
    size_t len;

    if (in->code != 1 || !pap_ponder(p))
        return;
    if (n >= 1 && (ulen = d[0]) + 2 <= n && (plen = d[1 + ulen]) + ulen + 2 == n)
        good = (!p->pap_user[0] || same_text(d + 1, ulen, p->pap_user)) &&
               same_text(d + 2 + ulen, plen, p->pap_password);
    __atomic_add_fetch(&p->pap_requests, 1, __ATOMIC_RELEASE);
    nr_ppp_build_begin(&b, buf, sizeof buf, good ? 2 : 3, in->id);
    nr_ppp_build_bytes(&b, &(uint8_t){ (uint8_t)(good ? sizeof ok - 1 : sizeof bad - 1) }, 1);
    nr_ppp_build_bytes(&b, good ? ok : bad, good ? sizeof ok - 1 : sizeof bad - 1);
    if (nr_ppp_build_end(&b, &len) == NR_PPP_OK)
        peer_send(p, NR_PPP_PROTO_PAP, buf, len);
    if (good)
        cbcp_offer(p);
    else
        peer_terminate(p, NULL);
}

int nr_test_peer_pap_requests(const nr_test_peer *p)
{
    return __atomic_load_n(&p->pap_requests, __ATOMIC_ACQUIRE);
}

/* An IPv4 UDP datagram back to where it came from: swapping the addresses
 * and the ports keeps both checksums right. */
static void udp_echo(nr_test_peer *p, const uint8_t *pkt, size_t len)
{
    uint8_t back[NR_HDLC_DEFAULT_MRU], t[4];
    size_t ihl;

    if (len < 28 || len > sizeof back || (pkt[0] >> 4) != 4 || pkt[9] != 17)
        return;
    ihl = (size_t)(pkt[0] & 0x0f) * 4;
    if (ihl < 20 || len < ihl + 8)
        return;
    memcpy(back, pkt, len);
    memcpy(t, back + 12, 4), memcpy(back + 12, back + 16, 4), memcpy(back + 16, t, 4);
    memcpy(t, back + ihl, 2), memcpy(back + ihl, back + ihl + 2, 2), memcpy(back + ihl + 2, t, 2);
    peer_send(p, NR_PPP_PROTO_IP, back, len);
}

static void peer_frame(void *ctx, uint16_t protocol, const uint8_t *info, size_t len)
{
    nr_test_peer *p = ctx;
    nr_ppp_packet in;

    nr_test_wire_record(&p->got, protocol, info, len);
    if (protocol == NR_PPP_PROTO_IP) {
        p->ip_datagrams++;
        if (p->udp_echo)
            udp_echo(p, info, len);
        return;
    }
    if (p->lcp == NR_TEST_PEER_LCP_LOOPBACK || nr_ppp_packet_parse(info, len, &in) != NR_PPP_OK)
        return;
    if (protocol == NR_PPP_PROTO_LCP)
        peer_lcp(p, &in);
    else if (protocol == NR_PPP_PROTO_IPCP)
        peer_ipcp(p, &in);
    else if (protocol == NR_PPP_PROTO_PAP && p->auth == NR_TEST_PEER_AUTH_PAP)
        peer_pap(p, &in);
    else if (protocol == NR_PPP_PROTO_CHAP && p->auth == NR_TEST_PEER_AUTH_MSCHAPV2)
        peer_mschap(p, &in);
    else if (protocol == NR_PPP_PROTO_CBCP && p->sent_cbcp)
        cbcp_input(p, info, len);
}

/* A peer on fd (link_fd the dialer's end, or -1) with the default script;
 * NULL on failure (the descriptors are the caller's then). */
static nr_test_peer *peer_alloc(int fd, int link_fd)
{
    nr_test_peer *p = calloc(1, sizeof *p);

    if (!p)
        return NULL;
    p->link_fd = link_fd;
    p->fd = fd;
    p->stop_fd = -1;
    p->calls = 1;
    snprintf(p->pap_user, sizeof p->pap_user, "alice");
    snprintf(p->pap_password, sizeof p->pap_password, "s3cret");
    snprintf(p->mschap_password, sizeof p->mschap_password, "s3cret");
    nr_test_wire_init(&p->got);
    if (nr_hdlc_rx_init(&p->rx, NR_HDLC_DEFAULT_MRU, peer_frame, p) != 0) {
        free(p);
        return NULL;
    }
    return p;
}

void nr_test_on_event(void *ctx, const nr_ppp_link_event *ev)
{
    nr_test_events *e = ctx;

    if (e->n < 16) {
        e->types[e->n] = ev->type;
        e->errors[e->n] = ev->error;
    }
    e->n++;
    snprintf(e->last_text, sizeof e->last_text, "%s", ev->text ? ev->text : "");
}

nr_test_peer *nr_test_peer_new(void)
{
    nr_test_peer *p;
    int sv[2];

    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
        return NULL;
    fcntl(sv[0], F_SETFL, O_NONBLOCK);
    fcntl(sv[1], F_SETFL, O_NONBLOCK);
    if (!(p = peer_alloc(sv[1], sv[0]))) {
        close(sv[0]);
        close(sv[1]);
        return NULL;
    }
    p->owns_fd = true;
    return p;
}

nr_test_peer *nr_test_peer_attach(int fd)
{
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    return peer_alloc(fd, -1);
}

void nr_test_peer_pump(nr_test_peer *p)
{
    uint8_t buf[4096];
    ssize_t n, w;

    while ((n = read(p->fd, buf, sizeof buf)) > 0) {
        p->octets_read += (uint64_t)n;
        nr_hdlc_rx_feed(&p->rx, buf, (size_t)n);
        if (p->lcp == NR_TEST_PEER_LCP_LOOPBACK && (w = write(p->fd, buf, (size_t)n)) > 0)
            p->octets_written += (uint64_t)w;
    }
}

nr_ppp_link *nr_test_peer_dial(nr_test_peer *p, const nr_ppp_link_config *cfg, nr_test_events *ev)
{
    nr_ppp_link *l;
    int i;

    if (nr_ppp_link_new(p->link_fd, cfg, nr_test_on_event, ev, &l) != 0)
        return NULL;
    nr_ppp_link_start(l);
    for (i = 0; i < 4000; i++) {
        nr_ppp_phase ph = nr_ppp_link_phase(l);
        if (ph == NR_PPP_PHASE_OPEN || ph == NR_PPP_PHASE_DEAD)
            break;
        nr_test_peer_pump(p);
        nr_ppp_link_step(l, -1, 5);
    }
    return l;
}

void nr_test_peer_free(nr_test_peer *p)
{
    if (!p)
        return;
    nr_hdlc_rx_free(&p->rx);
    if (p->owns_fd) {
        close(p->fd);
        close(p->link_fd);
    }
    free(p);
}

/* ---- a peer on a thread of its own ----------------------------------------------------------- */

static void *peer_thread_main(void *arg)
{
    nr_test_peer_thread *t = arg;
    int fd = t->get_fd(t->line);
    nr_test_peer *p;

    if (fd < 0 || !(p = nr_test_peer_attach(fd)))
        return NULL;
    p->stop_fd = t->stop_fd;
    if (t->setup)
        t->setup(p, t->ctx);
    __atomic_store_n(&t->peer, p, __ATOMIC_RELEASE);
    for (;;) {
        struct pollfd pf[2] = { { .fd = p->fd, .events = POLLIN }, { .fd = t->stop_fd, .events = POLLIN } };
        if ((poll(pf, 2, 1000) < 0 && errno != EINTR) || (pf[1].revents & POLLIN))
            break;
        if (pf[0].revents & (POLLERR | POLLHUP | POLLNVAL))
            usleep(10000); /* the dialer hung up: wait to be told to stop */
        nr_test_peer_pump(p);
        if (p->callback_due && t->on_call_back) {
            usleep(200 * 1000); /* let the Terminate exchange finish */
            nr_test_peer_pump(p);
            p->callback_due = false;
            if (!t->on_call_back(t->ctx))
                break;
            peer_session_reset(p); /* a new session on the same line */
            p->calls++;
        }
    }
    return NULL;
}

int nr_test_peer_thread_start(nr_test_peer_thread *t)
{
    t->peer = NULL;
    t->stop_fd = eventfd(0, EFD_CLOEXEC);
    if (t->stop_fd < 0)
        return -1;
    if (pthread_create(&t->thread, NULL, peer_thread_main, t) != 0) {
        close(t->stop_fd);
        return -1;
    }
    return 0;
}

void nr_test_peer_thread_stop(nr_test_peer_thread *t)
{
    uint64_t one = 1;

    (void)!write(t->stop_fd, &one, sizeof one);
    pthread_join(t->thread, NULL);
    close(t->stop_fd);
}
