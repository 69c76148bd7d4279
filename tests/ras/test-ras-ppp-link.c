/*
 * test-ras-ppp-link.c - a whole PPP link (providers/ras/ppp/ppp-link.c) over a
 * socketpair: two of our links against each other, and our link against a
 * scripted peer that answers exactly as slirp did in
 * docs/research/slirp-ppp-peer.md (silent until asked, PAP, IPCP Nak with
 * 10.0.2.15 / DNS 10.0.2.3, VJ in its request, a CCP Configure-Request,
 * Terminate-Request after a wrong password). Also the failures: silent
 * peer, hang-up, cancellation, overall timeout.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <netrouter/ras.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cunit-main.h"
#include "hdlc.h"
#include "ppp-link.h"
#include "ppp-test-peer.h"

NRT_SUITE("ras-ppp-link");

/* ---- the link's events: nr_test_events, nr_test_on_event (ppp-test-peer.h) ---- */

static void make_pair(int sv[2])
{
    NRT_EQ_FATAL(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    fcntl(sv[0], F_SETFL, O_NONBLOCK);
    fcntl(sv[1], F_SETFL, O_NONBLOCK);
}

static nr_ppp_link_config fast_config(void)
{
    nr_ppp_link_config cfg;

    nr_ppp_link_config_init(&cfg);
    cfg.fsm.restart_ms = 200;
    cfg.timeout_ms = 5000;
    return cfg;
}

/* ---- two links ------------------------------------------------------------------------------ */

NRT_TEST(test_two_links_over_a_socketpair_reach_open)
{
    nr_ppp_link_config ca = fast_config(), cb = fast_config();
    nr_ppp_link *a, *b;
    nr_test_events ea = { 0 }, eb = { 0 };
    int sv[2], i;

    make_pair(sv);
    ca.peer_addr_hint = 0x0a000001; /* A gives B 10.0.0.1 */
    cb.peer_addr_hint = 0x0a000002; /* B gives A 10.0.0.2 */
    cb.offer_dns[0] = 0x0a000035;
    cb.request_dns = false;
    NRT_EQ_FATAL(nr_ppp_link_new(sv[0], &ca, nr_test_on_event, &ea, &a), 0);
    NRT_EQ_FATAL(nr_ppp_link_new(sv[1], &cb, nr_test_on_event, &eb, &b), 0);
    nr_ppp_link_start(a);
    nr_ppp_link_start(b);
    for (i = 0; i < 500; i++) {
        if (nr_ppp_link_phase(a) == NR_PPP_PHASE_OPEN && nr_ppp_link_phase(b) == NR_PPP_PHASE_OPEN)
            break;
        nr_ppp_link_step(a, -1, 5);
        nr_ppp_link_step(b, -1, 5);
    }
    NRT_EQ(nr_ppp_link_phase(a), NR_PPP_PHASE_OPEN);
    NRT_EQ(nr_ppp_link_phase(b), NR_PPP_PHASE_OPEN);
    NRT_EQ_FATAL(ea.n, 3);
    NRT_EQ(ea.types[0], NR_PPP_EVENT_LCP_UP);
    NRT_EQ(ea.types[1], NR_PPP_EVENT_AUTHENTICATED);
    NRT_EQ(ea.types[2], NR_PPP_EVENT_PROJECTED);
    NRT_EQ(nr_ppp_link_projection(a)->our_addr, 0x0a000002);
    NRT_EQ(nr_ppp_link_projection(a)->server_addr, 0x0a000001);
    NRT_EQ(nr_ppp_link_projection(a)->dns[0], 0x0a000035);
    NRT_EQ(nr_ppp_link_projection(a)->dns[1], 0);
    NRT_EQ(nr_ppp_link_projection(b)->our_addr, 0x0a000001);
    NRT_EQ(nr_ppp_link_projection(a)->lcp.rx_accm, 0);
    NRT_EQ(nr_ppp_link_projection(a)->lcp.tx_accm, 0);

    /* then hang up politely from A */
    nr_ppp_link_close(a);
    for (i = 0; i < 200 && nr_ppp_link_phase(a) != NR_PPP_PHASE_DEAD; i++) {
        nr_ppp_link_step(a, -1, 5);
        nr_ppp_link_step(b, -1, 5);
    }
    NRT_EQ(nr_ppp_link_phase(a), NR_PPP_PHASE_DEAD);
    NRT_EQ(nr_ppp_link_error(a, NULL), 0);
    NRT_EQ(nr_ppp_link_error(b, NULL), ERROR_PPP_REMOTE_TERMINATED);
    NRT_EQ(eb.types[eb.n - 1], NR_PPP_EVENT_DOWN);
    nr_ppp_link_free(a);
    nr_ppp_link_free(b);
    close(sv[0]);
    close(sv[1]);
}

/* ---- a scripted slirp ----------------------------------------------------------------------- */

typedef struct slirp {
    int fd;
    nr_hdlc_rx rx;
    const char *password;   /* the PAP secret for "alice" */
    bool speak;             /* false: a dead line that never answers */
    bool ipcp_only_lcp;     /* answer LCP and PAP, never IPCP */
    uint16_t prot_rejected; /* what our link Protocol-Rejected */
    bool got_termreq;
} slirp;

static void s_send(slirp *s, uint16_t proto, const uint8_t *pkt, size_t len)
{
    uint8_t wire[NR_HDLC_ENCODE_BOUND(256)];
    size_t n;

    NRT_EQ_FATAL(nr_hdlc_encode(NULL, proto, pkt, len, wire, sizeof wire, &n), 0);
    NRT_EQ((size_t)write(s->fd, wire, n), n);
}

static void s_reply(slirp *s, uint16_t proto, const uint8_t *req, size_t len, uint8_t code)
{
    uint8_t buf[256];

    memcpy(buf, req, len);
    buf[0] = code;
    s_send(s, proto, buf, len);
}

static void s_lcp(slirp *s, const uint8_t *p, size_t len)
{
    static const uint8_t pap_req[] = { 0x01, 0x01, 0x00, 0x16, 0x01, 0x04, 0x05, 0xdc, 0x03, 0x04, 0xc0,
                                       0x23, 0x05, 0x06, 0xcd, 0xa2, 0xef, 0x04, 0x07, 0x02, 0x08, 0x02 };

    if (p[0] == NR_PPP_CONF_REQ) {
        s_reply(s, NR_PPP_PROTO_LCP, p, len, NR_PPP_CONF_ACK);
        s_send(s, NR_PPP_PROTO_LCP, pap_req, sizeof pap_req);
    } else if (p[0] == NR_PPP_PROTOCOL_REJ && len >= 6) {
        s->prot_rejected = (uint16_t)(p[4] << 8 | p[5]);
    } else if (p[0] == NR_PPP_TERM_REQ) {
        s->got_termreq = true;
        s_reply(s, NR_PPP_PROTO_LCP, p, 4, NR_PPP_TERM_ACK);
    }
}

static void s_pap(slirp *s, const uint8_t *p, size_t len)
{
    static const uint8_t ok[] = { 0x02, 0x00, 0x00, 0x0d, 0x08, 'L', 'o', 'g', 'i', 'n', ' ', 'o', 'k' };
    static const uint8_t bad[] = { 0x03, 0x00, 0x00, 0x14, 0x0f, 'L', 'o', 'g', 'i', 'n', ' ', 'i', 'n', 'c',
                                   'o', 'r', 'r', 'e', 'c', 't' };
    static const uint8_t term[] = { 0x05, 0x02, 0x00, 0x04 };
    static const uint8_t ipcp_req[] = { 0x01, 0x01, 0x00, 0x10, 0x03, 0x06, 0x00, 0x00,
                                        0x00, 0x00, 0x02, 0x06, 0x00, 0x2d, 0x0f, 0x01 };
    static const uint8_t ccp_req[] = { 0x01, 0x01, 0x00, 0x04 };
    size_t pl = strlen(s->password);
    bool good = len >= 4 + 1 + 5 + 1 && p[4] == 5 && memcmp(p + 5, "alice", 5) == 0 && p[10] == pl &&
                len == 11 + pl && memcmp(p + 11, s->password, pl) == 0 && strcmp(s->password, "s3cret") == 0;
    uint8_t buf[32];

    memcpy(buf, good ? ok : bad, good ? sizeof ok : sizeof bad);
    buf[1] = p[1];
    s_send(s, NR_PPP_PROTO_PAP, buf, good ? sizeof ok : sizeof bad);
    if (!good) {
        s_send(s, NR_PPP_PROTO_LCP, term, sizeof term);
        return;
    }
    if (!s->ipcp_only_lcp) {
        s_send(s, NR_PPP_PROTO_IPCP, ipcp_req, sizeof ipcp_req);
        s_send(s, NR_PPP_PROTO_CCP, ccp_req, sizeof ccp_req);
    }
}

static void s_ipcp(slirp *s, const uint8_t *p, size_t len)
{
    static const uint8_t req2[] = { 0x01, 0x02, 0x00, 0x0a, 0x03, 0x06, 0x00, 0x00, 0x00, 0x00 };
    static const uint8_t req3[] = { 0x01, 0x03, 0x00, 0x0a, 0x03, 0x06, 0x0a, 0x00, 0x02, 0x02 };
    static const uint8_t nak[] = { 0x03, 0x00, 0x00, 0x10, 0x03, 0x06, 0x0a, 0x00,
                                   0x02, 0x0f, 0x81, 0x06, 0x0a, 0x00, 0x02, 0x03 };
    uint8_t buf[32];

    if (s->ipcp_only_lcp)
        return;
    if (p[0] == NR_PPP_CONF_REQ) {
        if (len >= 10 && p[4] == 3 && nr_ppp_get_u32(p + 6) == 0) {
            memcpy(buf, nak, sizeof nak);
            buf[1] = p[1];
            s_send(s, NR_PPP_PROTO_IPCP, buf, sizeof nak);
        } else {
            s_reply(s, NR_PPP_PROTO_IPCP, p, len, NR_PPP_CONF_ACK); /* DNS2 0.0.0.0 Acked as is */
        }
    } else if (p[0] == NR_PPP_CONF_REJ) {
        s_send(s, NR_PPP_PROTO_IPCP, req2, sizeof req2);
    } else if (p[0] == NR_PPP_CONF_NAK && len >= 10 && nr_ppp_get_u32(p + 6) == 0x0a000202) {
        s_send(s, NR_PPP_PROTO_IPCP, req3, sizeof req3);
    }
}

static void s_frame(void *ctx, uint16_t proto, const uint8_t *info, size_t len)
{
    slirp *s = ctx;

    if (!s->speak || len < 4)
        return;
    if (proto == NR_PPP_PROTO_LCP)
        s_lcp(s, info, len);
    else if (proto == NR_PPP_PROTO_PAP)
        s_pap(s, info, len);
    else if (proto == NR_PPP_PROTO_IPCP)
        s_ipcp(s, info, len);
}

static void s_pump(slirp *s)
{
    uint8_t buf[4096];
    ssize_t n;

    while ((n = read(s->fd, buf, sizeof buf)) > 0)
        nr_hdlc_rx_feed(&s->rx, buf, (size_t)n);
}

/* Runs our link against the scripted peer until Open or Dead. */
static unsigned dial_scripted(slirp *s, nr_ppp_link_config *cfg, nr_test_events *ev, nr_ppp_link **out)
{
    static const char banner[] = "Slirp v1.0.17 (BETA)\n\nSLiRP Ready ...\r\n";
    nr_ppp_link *l;
    int sv[2], i;

    make_pair(sv);
    s->fd = sv[1];
    NRT_EQ_FATAL(nr_hdlc_rx_init(&s->rx, 1500, s_frame, s), 0);
    NRT_EQ((size_t)write(s->fd, banner, sizeof banner - 1), sizeof banner - 1); /* junk first */
    cfg->user = "alice";
    NRT_EQ_FATAL(nr_ppp_link_new(sv[0], cfg, nr_test_on_event, ev, &l), 0);
    nr_ppp_link_start(l);
    for (i = 0; i < 2000; i++) {
        nr_ppp_phase ph = nr_ppp_link_phase(l);
        if (ph == NR_PPP_PHASE_OPEN || ph == NR_PPP_PHASE_DEAD)
            break;
        nr_ppp_link_step(l, -1, 5);
        s_pump(s);
    }
    nr_hdlc_rx_free(&s->rx);
    close(sv[1]);
    *out = l;
    return nr_ppp_link_phase(l) == NR_PPP_PHASE_OPEN ? 0 : nr_ppp_link_error(l, NULL);
}

NRT_TEST(test_scripted_slirp_with_pap_projects_10_0_2_15_and_dns_10_0_2_3)
{
    slirp s = { .password = "s3cret", .speak = true };
    nr_ppp_link_config cfg = fast_config();
    nr_test_events ev = { 0 };
    nr_ppp_link *l;
    const nr_ppp_projection *p;

    cfg.password = "s3cret";
    NRT_EQ(dial_scripted(&s, &cfg, &ev, &l), 0);
    p = nr_ppp_link_projection(l);
    NRT_EQ(p->our_addr, 0x0a00020f);
    NRT_EQ(p->server_addr, 0x0a000202);
    NRT_EQ(p->dns[0], 0x0a000203);
    NRT_EQ(p->dns[1], 0);
    NRT_EQ(p->auth_protocol, NR_PPP_PROTO_PAP);
    NRT_EQ_STR(p->auth_message, "Login ok");
    NRT_EQ(p->lcp.tx_accm, NR_HDLC_ACCM_ALL); /* slirp never asks for an ACCM */
    NRT_EQ(s.prot_rejected, NR_PPP_PROTO_CCP);
    NRT_EQ_FATAL(ev.n, 4);
    NRT_EQ(ev.types[0], NR_PPP_EVENT_LCP_UP);
    NRT_EQ(ev.types[1], NR_PPP_EVENT_AUTHENTICATING);
    NRT_EQ(ev.types[2], NR_PPP_EVENT_AUTHENTICATED);
    NRT_EQ(ev.types[3], NR_PPP_EVENT_PROJECTED);
    NRT_CONTAINS(ev.last_text, "10.0.2.15");
    nr_ppp_link_free(l);
}

NRT_TEST(test_wrong_pap_password_fails_with_691_and_the_server_text)
{
    slirp s = { .password = "wrong", .speak = true };
    nr_ppp_link_config cfg = fast_config();
    nr_test_events ev = { 0 };
    nr_ppp_link *l;
    const char *text;

    cfg.password = "wrong";
    NRT_EQ(dial_scripted(&s, &cfg, &ev, &l), ERROR_AUTHENTICATION_FAILURE);
    NRT_EQ(nr_ppp_link_error(l, &text), ERROR_AUTHENTICATION_FAILURE);
    NRT_CONTAINS(text, "Login incorrect");
    NRT_EQ(ev.types[ev.n - 1], NR_PPP_EVENT_FAILED);
    NRT_EQ(ev.errors[ev.n - 1], ERROR_AUTHENTICATION_FAILURE);
    NRT_EQ(nr_ppp_link_phase(l), NR_PPP_PHASE_DEAD);
    NRT_TRUE(s.got_termreq);
    nr_ppp_link_free(l);
}

NRT_TEST(test_silent_peer_fails_with_721_after_max_configure)
{
    slirp s = { .password = "", .speak = false };
    nr_ppp_link_config cfg = fast_config();
    nr_test_events ev = { 0 };
    nr_ppp_link *l;

    cfg.fsm.restart_ms = 20;
    cfg.fsm.max_configure = 3;
    NRT_EQ(dial_scripted(&s, &cfg, &ev, &l), ERROR_PPP_NO_RESPONSE);
    NRT_EQ(ev.n, 1);
    nr_ppp_link_free(l);
}

NRT_TEST(test_peer_without_ipcp_hits_the_overall_timeout_718)
{
    slirp s = { .password = "s3cret", .speak = true, .ipcp_only_lcp = true };
    nr_ppp_link_config cfg = fast_config();
    nr_test_events ev = { 0 };
    nr_ppp_link *l;
    const char *text;

    cfg.password = "s3cret";
    cfg.timeout_ms = 300;
    cfg.fsm.restart_ms = 1000;
    NRT_EQ(dial_scripted(&s, &cfg, &ev, &l), ERROR_PPP_TIMEOUT);
    nr_ppp_link_error(l, &text);
    NRT_CONTAINS(text, "Network");
    nr_ppp_link_free(l);
}

/* ---- the driver ----------------------------------------------------------------------------- */

NRT_TEST(test_hang_up_of_the_line_fails_with_619)
{
    nr_ppp_link_config cfg = fast_config();
    nr_test_events ev = { 0 };
    nr_ppp_link *l;
    int sv[2];

    make_pair(sv);
    NRT_EQ_FATAL(nr_ppp_link_new(sv[0], &cfg, nr_test_on_event, &ev, &l), 0);
    nr_ppp_link_start(l);
    close(sv[1]);
    NRT_EQ(nr_ppp_link_run(l, -1), ERROR_PORT_DISCONNECTED);
    NRT_EQ(nr_ppp_link_phase(l), NR_PPP_PHASE_DEAD);
    NRT_EQ(ev.n, 1);
    nr_ppp_link_free(l);
    close(sv[0]);
}

NRT_TEST(test_readable_cancel_fd_stops_run_at_once)
{
    nr_ppp_link_config cfg = fast_config();
    nr_ppp_link *l;
    int sv[2], pfd[2];

    make_pair(sv);
    NRT_EQ_FATAL(pipe(pfd), 0);
    NRT_EQ_FATAL(nr_ppp_link_new(sv[0], &cfg, NULL, NULL, &l), 0);
    nr_ppp_link_start(l);
    NRT_EQ(write(pfd[1], "x", 1), 1);
    NRT_EQ(nr_ppp_link_run(l, pfd[0]), ERROR_USER_DISCONNECTION);
    NRT_EQ(nr_ppp_link_phase(l), NR_PPP_PHASE_ESTABLISH);
    NRT_EQ(nr_ppp_link_step(l, pfd[0], 0), -ECANCELED);
    nr_ppp_link_free(l);
    close(pfd[0]);
    close(pfd[1]);
    close(sv[0]);
    close(sv[1]);
}

NRT_TEST(test_new_refuses_bad_arguments)
{
    nr_ppp_link_config cfg = fast_config();
    nr_ppp_link *l;

    NRT_EQ(nr_ppp_link_new(-1, &cfg, NULL, NULL, &l), -EINVAL);
    NRT_EQ(nr_ppp_link_new(0, NULL, NULL, NULL, &l), -EINVAL);
    NRT_EQ(nr_ppp_link_new(0, &cfg, NULL, NULL, NULL), -EINVAL);
}
