/*
 * bench/datapath.c - the data path of a connected RAS link for
 * bench/ras-datapath (see datapath.h): the pty pair, the two links, the TUN
 * interface and the application's sockets, and the two threads that move
 * packets through them.
 *
 * The raw variant does what the PPP variant does, system call for system
 * call, without the framing: one write() per packet where the link writes
 * one frame, reads of 4096 octets where the link reads 4096, poll() on the
 * same descriptors; the receiver finds the packets in the byte stream by
 * their IPv4 Total Length, the least an unframed receiver must do.  Our
 * side's PPP loop is the dial engine's serve loop (dial-ppp.c): one
 * nr_ppp_link_step_with() polling the line and the TUN descriptor, each
 * datagram read from TUN handed to nr_ppp_link_send_ip(), each one received
 * written to TUN.
 *
 * With TUN the peer's thread is also the application: it sends UDP
 * datagrams from 10.0.2.15 to 10.0.2.2 (the kernel routes them into the
 * TUN interface, out), or receives those the link delivers to 10.0.2.15
 * (in), keeping at most WINDOW packets in flight so that no queue on the
 * way (the TUN queue holds 500, the socket's buffer is raised) ever drops
 * one: every run must deliver every packet.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/udp.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

#include "bench.h"
#include "datapath.h"
#include "hdlc.h"
#include "ppp-link.h"
#include "ppp-packet.h"
#include "tun.h"

#define OUR_ADDR 0x0a00020fu   /* 10.0.2.15 */
#define PEER_ADDR 0x0a000202u  /* 10.0.2.2 */
#define APP_PORT 5001          /* where the application receives (in) */
#define PEER_PORT 9            /* where it sends (out): discard */
#define NPKTS 64               /* distinct packets, sent in turn */
#define MAX_PKT 1500
#define READ_SIZE 4096         /* what nr_ppp_link_step reads at a time */
#define WINDOW 256             /* packets in flight with TUN */
#define STALL_MS 5000          /* no progress for this long: a packet was lost */

typedef struct side {
    dp *d;
    bool ours;
    pthread_t thread;
    uint64_t cpu0, cpu1, wall0, wall1;
    size_t got;                /* packets received (or, ours from TUN, forwarded) in this run */
    size_t got_before;         /* got when the clock was last read */
    uint64_t last_progress;    /* bench_now_ns when got last changed */
    uint8_t rbuf[READ_SIZE + MAX_PKT]; /* raw receiver: a packet cut by a read waits here */
    size_t rlen;
} side;

struct dp {
    int ours_fd, peer_fd;      /* pty slave (our tty), master (the far end) */
    nr_ppp_link *ours_link, *peer_link;
    int tun_fd;
    char tun_name[NR_TUN_NAME_MAX];
    int app_tx, app_rx;        /* UDP sockets on 10.0.2.15 */
    side ours, peer;
    pthread_barrier_t start, done;
    bool quit;
    dp_spec spec;
    size_t pkt_size;
    uint8_t pkts[NPKTS][MAX_PKT]; /* IPv4/UDP 10.0.2.2:9 -> 10.0.2.15:5001, random payload */
    char description[400];
};

/* ---- packets -------------------------------------------------------------------------------- */

static uint16_t ip_checksum(const uint8_t *h, size_t len)
{
    uint32_t sum = 0;
    for (size_t i = 0; i < len; i += 2)
        sum += (uint32_t)(h[i] << 8 | h[i + 1]);
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return (uint16_t)~sum;
}

/* Packets as the peer would send them to us: what the kernel takes from
 * TUN and delivers to the application's socket (UDP checksum 0: none). */
static void build_packets(dp *d, size_t size)
{
    if (d->pkt_size == size)
        return;
    for (int i = 0; i < NPKTS; i++) {
        struct iphdr ip = { .version = 4, .ihl = 5, .tot_len = htons((uint16_t)size), .id = htons((uint16_t)i),
                            .frag_off = htons(IP_DF), .ttl = 64, .protocol = IPPROTO_UDP,
                            .saddr = htonl(PEER_ADDR), .daddr = htonl(OUR_ADDR) };
        struct udphdr udp = { .source = htons(PEER_PORT), .dest = htons(APP_PORT),
                              .len = htons((uint16_t)(size - sizeof ip)) }; /* checksum 0: none */
        uint8_t *p = d->pkts[i];
        ip.check = htons(ip_checksum((const uint8_t *)&ip, sizeof ip));
        memcpy(p, &ip, sizeof ip);
        memcpy(p + sizeof ip, &udp, sizeof udp);
        for (size_t k = sizeof ip + sizeof udp; k < size; k++)
            p[k] = (uint8_t)(random() >> 23);
    }
    d->pkt_size = size;
}

/* ---- small I/O helpers ---------------------------------------------------------------------- */

/* Dies when no packet came for STALL_MS: with nothing lost, one always comes.
 * Called once per round of a loop, so the clock is read once per round. */
static void check_stall(side *s, const char *waiting_for)
{
    uint64_t now = bench_now_ns();
    if (s->got != s->got_before) {
        s->got_before = s->got;
        s->last_progress = now;
    } else if (now - s->last_progress > (uint64_t)STALL_MS * 1000000u) {
        bench_die("%s side: no packet for %d s while waiting for %s (%zu of %zu arrived): one was lost",
                  s->ours ? "our" : "the peer's", STALL_MS / 1000, waiting_for, s->got, s->d->spec.count);
    }
}

static void send_ip(side *s, nr_ppp_link *l, int fd, const uint8_t *pkt, size_t len)
{
    if (s->d->spec.mode == DP_RAW) {
        bench_write_all(fd, pkt, len, "the pty");
        return;
    }
    int rc = nr_ppp_link_send_ip(l, pkt, len);
    if (rc != 0)
        bench_die("nr_ppp_link_send_ip: %s", strerror(-rc));
}

/* A received packet: to TUN (ours, with TUN) or counted. */
static void deliver(side *s, const uint8_t *pkt, size_t len)
{
    dp *d = s->d;
    if (len != d->spec.size || (pkt[0] >> 4) != 4)
        bench_die("%s side received a %zu-octet packet, version %d; %zu-octet IPv4 expected",
                  s->ours ? "our" : "the peer's", len, pkt[0] >> 4, d->spec.size);
    if (s->ours && d->spec.tun && write(d->tun_fd, pkt, len) != (ssize_t)len)
        bench_die("write to %s: %s", d->tun_name, strerror(errno));
    s->got++;
}

static void on_ip(void *ctx, const uint8_t *pkt, size_t len)
{
    deliver(ctx, pkt, len);
}

/* The raw receiver: one poll() and one read() of the line, as
 * nr_ppp_link_step does, then every whole packet in what came. */
static void raw_receive(side *s, int fd, int extra_fd, bool *extra_ready)
{
    struct pollfd pf[2] = { { .fd = fd, .events = POLLIN }, { .fd = extra_fd, .events = POLLIN } };
    size_t off = 0;
    ssize_t n;

    *extra_ready = false;
    if (poll(pf, 2, 1000) <= 0)
        return;
    *extra_ready = extra_fd >= 0 && (pf[1].revents & POLLIN);
    if (!pf[0].revents)
        return;
    n = read(fd, s->rbuf + s->rlen, READ_SIZE);
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    if (n <= 0)
        bench_die("read from the pty: %s", n < 0 ? strerror(errno) : "end of file");
    s->rlen += (size_t)n;
    while (s->rlen - off >= 4) {
        size_t len = nr_ppp_get_u16(s->rbuf + off + 2);
        if (len < 20 || len > MAX_PKT)
            bench_die("raw stream out of step: an IPv4 Total Length of %zu", len);
        if (s->rlen - off < len)
            break;
        deliver(s, s->rbuf + off, len);
        off += len;
    }
    memmove(s->rbuf, s->rbuf + off, s->rlen - off);
    s->rlen -= off;
}

/* One round of receiving from the line: one poll() and at most one read(). */
static void receive_round(side *s, nr_ppp_link *l, int fd)
{
    bool unused;
    if (s->d->spec.mode == DP_RAW)
        raw_receive(s, fd, -1, &unused);
    else if (nr_ppp_link_step(l, -1, 1000) != NR_PPP_PHASE_OPEN)
        bench_die("the %s link left the Open phase", s->ours ? "our" : "the peer's");
}

/* ---- our side ------------------------------------------------------------------------------- */

/* Datagrams the kernel routed into TUN: to the line (dial-ppp.c's from_kernel). */
static void from_tun(side *s)
{
    dp *d = s->d;
    uint8_t pkt[2048];
    ssize_t n;
    while ((n = read(d->tun_fd, pkt, sizeof pkt)) > 0) {
        if ((pkt[0] >> 4) != 4 || (size_t)n != d->spec.size)
            continue; /* not ours (no IPv6 in the namespace: never seen) */
        send_ip(s, d->ours_link, d->ours_fd, pkt, (size_t)n);
        s->got++;
    }
}

static void ours_run(side *s)
{
    dp *d = s->d;
    const dp_spec *sp = &d->spec;
    bool ready;

    if (sp->dir == DP_OUT && !sp->tun) {
        for (size_t i = 0; i < sp->count; i++)
            send_ip(s, d->ours_link, d->ours_fd, d->pkts[i % NPKTS], sp->size);
        return;
    }
    while (s->got < sp->count) {
        if (sp->dir == DP_IN) {
            receive_round(s, d->ours_link, d->ours_fd);
        } else if (sp->mode == DP_RAW) {
            raw_receive(s, d->ours_fd, d->tun_fd, &ready);
            if (ready)
                from_tun(s);
        } else {
            int phase = nr_ppp_link_step_with(d->ours_link, -1, d->tun_fd, 1000, &ready);
            if (phase != NR_PPP_PHASE_OPEN)
                bench_die("our link left the Open phase");
            if (ready)
                from_tun(s);
        }
        check_stall(s, sp->dir == DP_IN ? "the line" : d->tun_name);
    }
}

/* ---- the peer's side ------------------------------------------------------------------------ */

static void app_send(dp *d, size_t i)
{
    const struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(PEER_PORT),
                                    .sin_addr.s_addr = htonl(PEER_ADDR) };
    const uint8_t *payload = d->pkts[i % NPKTS] + 28;
    if (sendto(d->app_tx, payload, d->spec.size - 28, 0, (const struct sockaddr *)&to, sizeof to) < 0)
        bench_die("sendto 10.0.2.2: %s", strerror(errno));
}

static void app_receive(side *s)
{
    dp *d = s->d;
    struct pollfd pf = { .fd = d->app_rx, .events = POLLIN };
    uint8_t buf[2048];
    ssize_t n;

    if (poll(&pf, 1, 1000) <= 0)
        return;
    while ((n = recv(d->app_rx, buf, sizeof buf, MSG_DONTWAIT)) >= 0) {
        if ((size_t)n != d->spec.size - 28)
            bench_die("the application received %zd octets, %zu expected", n, d->spec.size - 28);
        s->got++;
    }
}

static void peer_run(side *s)
{
    dp *d = s->d;
    const dp_spec *sp = &d->spec;
    size_t sent = 0;

    if (sp->dir == DP_IN && !sp->tun) {
        for (size_t i = 0; i < sp->count; i++)
            send_ip(s, d->peer_link, d->peer_fd, d->pkts[i % NPKTS], sp->size);
        return;
    }
    while (s->got < sp->count) {
        for (; sp->tun && sent < sp->count && sent - s->got < WINDOW; sent++) {
            if (sp->dir == DP_OUT)
                app_send(d, sent);
            else
                send_ip(s, d->peer_link, d->peer_fd, d->pkts[sent % NPKTS], sp->size);
        }
        if (sp->dir == DP_OUT)
            receive_round(s, d->peer_link, d->peer_fd);
        else
            app_receive(s);
        check_stall(s, sp->dir == DP_OUT ? "the line" : "the application's socket");
    }
}

/* ---- threads -------------------------------------------------------------------------------- */

static void *side_main(void *arg)
{
    side *s = arg;
    dp *d = s->d;
    for (;;) {
        pthread_barrier_wait(&d->start);
        if (d->quit)
            return NULL;
        s->got = s->got_before = s->rlen = 0;
        s->wall0 = s->last_progress = bench_now_ns();
        s->cpu0 = bench_cpu_ns();
        if (s->ours)
            ours_run(s);
        else
            peer_run(s);
        s->cpu1 = bench_cpu_ns();
        s->wall1 = bench_now_ns();
        if (s->rlen)
            bench_die("%zu octets left over after the last raw packet", s->rlen);
        pthread_barrier_wait(&d->done);
    }
}

void dp_start(dp *d)
{
    if (pthread_barrier_init(&d->start, NULL, 3) != 0 || pthread_barrier_init(&d->done, NULL, 3) != 0)
        bench_die("pthread_barrier_init failed");
    d->ours = (side){ .d = d, .ours = true };
    d->peer = (side){ .d = d, .ours = false };
    if (pthread_create(&d->ours.thread, NULL, side_main, &d->ours) != 0 ||
        pthread_create(&d->peer.thread, NULL, side_main, &d->peer) != 0)
        bench_die("pthread_create failed");
}

static uint64_t octets_sent(nr_ppp_link *l)
{
    nr_ppp_link_stats st;
    nr_ppp_link_get_stats(l, &st);
    return st.octets_sent;
}

void dp_run(dp *d, const dp_spec *spec, dp_result *out)
{
    uint64_t wire0 = octets_sent(d->ours_link) + octets_sent(d->peer_link), m0, m1;

    if (spec->size < 28 || spec->size > MAX_PKT || (spec->tun && d->tun_fd < 0))
        bench_die("dp_run: no such case");
    build_packets(d, spec->size);
    d->spec = *spec;
    m0 = bench_kernel_workers_ns();
    pthread_barrier_wait(&d->start);
    pthread_barrier_wait(&d->done);
    m1 = bench_kernel_workers_ns();
    out->wall_ns = (d->ours.wall1 > d->peer.wall1 ? d->ours.wall1 : d->peer.wall1) -
                   (d->ours.wall0 < d->peer.wall0 ? d->ours.wall0 : d->peer.wall0);
    out->ours_cpu_ns = d->ours.cpu1 - d->ours.cpu0;
    out->peer_cpu_ns = d->peer.cpu1 - d->peer.cpu0;
    out->kernel_ns = m1 - m0;
    out->wire_octets = spec->mode == DP_RAW
                           ? (uint64_t)(spec->count * spec->size)
                           : octets_sent(d->ours_link) + octets_sent(d->peer_link) - wire0;
}

/* ---- set-up --------------------------------------------------------------------------------- */

static void on_event(void *ctx, const nr_ppp_link_event *ev)
{
    if (ev->type == NR_PPP_EVENT_FAILED || ev->type == NR_PPP_EVENT_DOWN)
        bench_die("the %s link failed: error %u: %s", (const char *)ctx, ev->error, ev->text);
}

static void open_pty(dp *d)
{
    struct termios t;
    d->peer_fd = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
    if (d->peer_fd < 0 || grantpt(d->peer_fd) != 0 || unlockpt(d->peer_fd) != 0)
        bench_die("cannot open a pseudo-terminal: %s", strerror(errno));
    d->ours_fd = open(ptsname(d->peer_fd), O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
    if (d->ours_fd < 0 || tcgetattr(d->ours_fd, &t) != 0)
        bench_die("cannot open %s: %s", ptsname(d->peer_fd), strerror(errno));
    cfmakeraw(&t); /* as a modem's tty: 8 bits, no processing, no echo */
    if (tcsetattr(d->ours_fd, TCSANOW, &t) != 0)
        bench_die("tcsetattr: %s", strerror(errno));
}

dp *dp_new(void)
{
    nr_ppp_link_config ours, peer;
    dp *d = calloc(1, sizeof *d);
    const nr_ppp_lcp_result *lcp;

    if (!d)
        bench_die("out of memory");
    d->tun_fd = d->app_tx = d->app_rx = -1;
    open_pty(d);
    nr_ppp_link_config_init(&ours);
    ours.fsm.restart_ms = 200;
    ours.timeout_ms = 10000;
    ours.peer_addr_hint = PEER_ADDR;
    peer = ours;
    peer.peer_addr_hint = OUR_ADDR;
    peer.request_dns = false;
    if (nr_ppp_link_new(d->ours_fd, &ours, on_event, "our", &d->ours_link) != 0 ||
        nr_ppp_link_new(d->peer_fd, &peer, on_event, "peer's", &d->peer_link) != 0)
        bench_die("nr_ppp_link_new failed");
    nr_ppp_link_start(d->ours_link);
    nr_ppp_link_start(d->peer_link);
    for (int i = 0; i < 2000; i++) {
        if (nr_ppp_link_phase(d->ours_link) == NR_PPP_PHASE_OPEN &&
            nr_ppp_link_phase(d->peer_link) == NR_PPP_PHASE_OPEN)
            break;
        nr_ppp_link_step(d->ours_link, -1, 5);
        nr_ppp_link_step(d->peer_link, -1, 5);
    }
    if (nr_ppp_link_phase(d->ours_link) != NR_PPP_PHASE_OPEN || nr_ppp_link_phase(d->peer_link) != NR_PPP_PHASE_OPEN)
        bench_die("the two links did not reach Open (ours: %s, peer: %s)",
                  nr_ppp_phase_name(nr_ppp_link_phase(d->ours_link)),
                  nr_ppp_phase_name(nr_ppp_link_phase(d->peer_link)));
    if (nr_ppp_link_projection(d->ours_link)->our_addr != OUR_ADDR)
        bench_die("our link was given another address than 10.0.2.15");
    nr_ppp_link_set_ip_handler(d->ours_link, on_ip, &d->ours);
    nr_ppp_link_set_ip_handler(d->peer_link, on_ip, &d->peer);
    lcp = &nr_ppp_link_projection(d->ours_link)->lcp;
    snprintf(d->description, sizeof d->description,
             "two nr_ppp_link, LCP and IPCP negotiated: ACCM 0x%08x out, 0x%08x in, ACFC %s, PFC %s, MRU %u",
             (unsigned)lcp->tx_accm, (unsigned)lcp->rx_accm, lcp->tx_acfc ? "on" : "off", lcp->tx_pfc ? "on" : "off",
             (unsigned)lcp->peer_mru);
    return d;
}

static void write_proc(const char *path, const char *value)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd >= 0) {
        (void)!write(fd, value, strlen(value));
        close(fd);
    }
}

static int udp_socket(uint16_t port, char *why, size_t why_size)
{
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(OUR_ADDR) };
    int size = 8 << 20;
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        snprintf(why, why_size, "cannot bind a UDP socket to 10.0.2.15:%u: %s", (unsigned)port, strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    /* room for a whole window of datagrams whatever net.core.rmem_max says */
    (void)setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size);
    (void)setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &size, sizeof size);
    return fd;
}

bool dp_net_open(dp *d, char *why, size_t why_size)
{
    const nr_ppp_projection *p = nr_ppp_link_projection(d->ours_link);
    char tun_why[200];

    if (unshare(CLONE_NEWNET) != 0) {
        snprintf(why, why_size, "cannot make a private network namespace (%s): TUN needs root (CAP_SYS_ADMIN and CAP_NET_ADMIN)",
                 strerror(errno));
        return false;
    }
    /* only our datagrams on the interface: no IPv6 router solicitations */
    write_proc("/proc/sys/net/ipv6/conf/default/disable_ipv6", "1");
    write_proc("/proc/sys/net/ipv6/conf/all/disable_ipv6", "1");
    d->tun_fd = nr_tun_open("nrbench%d", p->our_addr, p->server_addr, p->lcp.peer_mru ? p->lcp.peer_mru : 1500,
                            d->tun_name, tun_why, sizeof tun_why);
    if (d->tun_fd < 0) {
        snprintf(why, why_size, "no TUN interface: %s", tun_why);
        return false;
    }
    d->app_tx = udp_socket(0, why, why_size);
    d->app_rx = udp_socket(APP_PORT, why, why_size);
    if (d->app_tx < 0 || d->app_rx < 0)
        return false;
    snprintf(d->description + strlen(d->description), sizeof d->description - strlen(d->description),
             "\n  TUN %s, 10.0.2.15 -> 10.0.2.2, in a private network namespace", d->tun_name);
    return true;
}

double dp_failed_send_ns(dp *d)
{
    enum { CALLS = 20000 };
    const uint8_t octet = NR_HDLC_FLAG;
    uint64_t t0 = bench_cpu_ns();
    for (int i = 0; i < CALLS; i++)
        if (send(d->ours_fd, &octet, 1, MSG_NOSIGNAL) >= 0 || errno != ENOTSOCK)
            bench_die("send() on a pty did not fail with ENOTSOCK");
    return (double)(bench_cpu_ns() - t0) / CALLS;
}

const char *dp_describe(const dp *d)
{
    return d->description;
}

void dp_free(dp *d)
{
    d->quit = true;
    pthread_barrier_wait(&d->start);
    pthread_join(d->ours.thread, NULL);
    pthread_join(d->peer.thread, NULL);
    pthread_barrier_destroy(&d->start);
    pthread_barrier_destroy(&d->done);
    nr_ppp_link_free(d->ours_link);
    nr_ppp_link_free(d->peer_link);
    if (d->app_tx >= 0)
        close(d->app_tx);
    if (d->app_rx >= 0)
        close(d->app_rx);
    if (d->tun_fd >= 0)
        close(d->tun_fd);
    close(d->ours_fd);
    close(d->peer_fd);
    free(d);
}
