/*
 * dial-fixture.c - the shared fixture of the RasDial-level tests
 * (dial-fixture.h): the phonebook, the PPP peers (our own link, or a
 * scripted PAP authenticator), the notification recorder and the
 * descriptor and thread counts.
 */
#include "config.h"

#include <CUnit/CUnit.h>
#include <dirent.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dial-fixture.h"
#include "hdlc.h"
#include "ppp-link.h"
#include "ppp-packet.h"

void fixture_write_phonebook(const char *dir, const char *device, char *book, size_t size)
{
    FILE *f;
    snprintf(book, size, "%s/phonebook.json", dir);
    f = fopen(book, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fprintf(f,
            "{\"entries\": [\n"
            " {\"name\": \"Test\", \"device\": \"%s\", \"phone_number\": \"5551234\", \"flow_control\": \"none\",\n"
            "  \"timeouts\": {\"command_ms\": 500, \"connect_ms\": 8000, \"ppp_ms\": 5000},\n"
            "  \"redial\": {\"attempts\": 2, \"pause_ms\": 10}},\n"
            " {\"name\": \"Gone\", \"device\": \"%s/no-such-tty\", \"phone_number\": \"1\"}\n]}\n",
            device, dir);
    fclose(f);
    chmod(book, 0600);
}

modem_emu *fixture_start_modem(const char *dir, modem_emu_dial answer, int dial_delay_ms, char *book, size_t size)
{
    modem_emu_script s = { .dial = answer, .dial_delay_ms = dial_delay_ms, .cme_error = 30 };
    modem_emu *e = modem_emu_start(&s);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    setenv("NETROUTER_LOCK_DIR", dir, 1); /* UUCP locks in the test's own directory */
    fixture_write_phonebook(dir, modem_emu_path(e), book, size);
    return e;
}

long fixture_wait_invalid(HRASCONN h, int ms)
{
    RASCONNSTATUS st = { .dwSize = sizeof st };
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (int i = 0; i < ms / 5; i++) {
        if (RasGetConnectStatus(h, &st) == ERROR_INVALID_HANDLE)
            break;
        usleep(5000);
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    return (b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000;
}

int fixture_lock_files(const char *dir)
{
    char cmd[700];
    snprintf(cmd, sizeof cmd, "ls %s | grep -c '^LCK\\.\\.' >/dev/null", dir);
    return system(cmd) == 0 ? 1 : 0;
}

/* Waits up to 10 s for CONNECT, unless told to stop first (a dial hung up
 * before it got that far). */
static bool peer_wait_connected(peer *p)
{
    for (int waited = 0; waited < 10000; waited += 100) {
        struct pollfd pf = { .fd = p->stop_fd, .events = POLLIN };
        if (modem_emu_wait_connected(p->emu, 100))
            return true;
        if (poll(&pf, 1, 0) > 0)
            return false;
    }
    return false;
}

static void *peer_main(void *arg)
{
    peer *p = arg;
    nr_ppp_link_config cfg;
    nr_ppp_link *l = NULL;
    bool dropped = false;
    if (!peer_wait_connected(p))
        return NULL;
    nr_ppp_link_config_init(&cfg);
    cfg.peer_addr_hint = 0x0a00020f; /* 10.0.2.15 for the dialer */
    cfg.offer_dns[0] = 0x0a000203;   /* 10.0.2.3 */
    cfg.request_dns = false;
    cfg.fsm.restart_ms = 200;
    if (nr_ppp_link_new(modem_emu_master_fd(p->emu), &cfg, NULL, NULL, &l) != 0)
        return NULL;
    nr_ppp_link_start(l);
    for (;;) {
        int phase = nr_ppp_link_step(l, p->stop_fd, 50);
        if (phase < 0)
            break; /* told to stop */
        if (!dropped && __atomic_load_n(&p->drop, __ATOMIC_ACQUIRE)) {
            dropped = true;
            nr_ppp_link_close(l); /* Terminate-Request to the dialer */
            continue;
        }
        if (phase == NR_PPP_PHASE_DEAD) {
            /* the dialer hung up (or we did): wait to be told to stop (a
             * dead link never blocks in nr_ppp_link_step) */
            struct pollfd pf = { .fd = p->stop_fd, .events = POLLIN };
            poll(&pf, 1, 10000);
            break;
        }
    }
    nr_ppp_link_free(l);
    return NULL;
}

/* ---- the scripted PAP authenticator ------------------------------------------------ */

static void pap_send(peer *p, uint16_t proto, const uint8_t *pkt, size_t len)
{
    uint8_t wire[NR_HDLC_ENCODE_BOUND(256)];
    size_t n;
    if (nr_hdlc_encode(NULL, proto, pkt, len, wire, sizeof wire, &n) != 0 ||
        write(modem_emu_master_fd(p->emu), wire, n) != (ssize_t)n)
        CU_FAIL("the PAP peer cannot write a frame");
}

/* pkt with its code replaced (the id and options stay: an Ack echoes). */
static void pap_reply(peer *p, uint16_t proto, const uint8_t *pkt, size_t len, uint8_t code)
{
    uint8_t buf[256];
    if (len > sizeof buf)
        return;
    memcpy(buf, pkt, len);
    buf[0] = code;
    pap_send(p, proto, buf, len);
}

/* Terminate-Ack for a Terminate-Request (its own length: no data). */
static void pap_term_ack(peer *p, uint16_t proto, const uint8_t *req)
{
    const uint8_t ack[4] = { NR_PPP_TERM_ACK, req[1], 0x00, 0x04 };
    pap_send(p, proto, ack, sizeof ack);
}

static void pap_lcp(peer *p, const uint8_t *pkt, size_t len)
{
    /* Configure-Request: MRU 1500, Auth-Protocol PAP, Magic-Number */
    static uint8_t req[] = { 0x01, 0x00, 0x00, 0x12, 0x01, 0x04, 0x05, 0xdc, 0x03,
                             0x04, 0xc0, 0x23, 0x05, 0x06, 0x5e, 0x1f, 0x0a, 0x77 };
    if (pkt[0] == NR_PPP_CONF_REQ) { /* the dialer (re)starts LCP: agree, and ask for PAP */
        pap_reply(p, NR_PPP_PROTO_LCP, pkt, len, NR_PPP_CONF_ACK);
        req[1]++;
        pap_send(p, NR_PPP_PROTO_LCP, req, sizeof req);
    } else if (pkt[0] == NR_PPP_TERM_REQ) {
        pap_term_ack(p, NR_PPP_PROTO_LCP, pkt);
    } else if (pkt[0] == NR_PPP_ECHO_REQ && len >= 8) {
        uint8_t rep[8] = { NR_PPP_ECHO_REPLY, pkt[1], 0x00, 0x08, 0x5e, 0x1f, 0x0a, 0x77 };
        pap_send(p, NR_PPP_PROTO_LCP, rep, sizeof rep);
    }
}

static void pap_auth(peer *p, const uint8_t *pkt, size_t len)
{
    static const uint8_t ok[] = { 0x02, 0x00, 0x00, 0x0d, 0x08, 'L', 'o', 'g', 'i', 'n', ' ', 'o', 'k' };
    static const uint8_t bad[] = { 0x03, 0x00, 0x00, 0x14, 0x0f, 'L', 'o', 'g', 'i', 'n', ' ', 'i',
                                   'n', 'c', 'o', 'r', 'r', 'e', 'c', 't' };
    static uint8_t term[] = { 0x05, 0x40, 0x00, 0x04 };
    static const uint8_t ipcp_req[] = { 0x01, 0x01, 0x00, 0x0a, 0x03, 0x06, 0x0a, 0x00, 0x02, 0x02 };
    size_t pl = strlen(p->pap_password), ul;
    bool good;
    uint8_t buf[32];
    if (pkt[0] != 1 || len < 6) /* Authenticate-Request: id, peer-id, password */
        return;
    if (p->pap_delay_ms > 0) {
        struct pollfd stop = { .fd = p->stop_fd, .events = POLLIN };
        if (poll(&stop, 1, p->pap_delay_ms) != 0)
            return; /* told to stop meanwhile */
    }
    ul = pkt[4];
    good = len >= 6 + ul && pkt[5 + ul] == pl && len == 6 + ul + pl && memcmp(pkt + 6 + ul, p->pap_password, pl) == 0;
    __atomic_add_fetch(&p->pap_requests, 1, __ATOMIC_ACQ_REL);
    memcpy(buf, good ? ok : bad, good ? sizeof ok : sizeof bad);
    buf[1] = pkt[1];
    pap_send(p, NR_PPP_PROTO_PAP, buf, good ? sizeof ok : sizeof bad);
    if (good) {
        pap_send(p, NR_PPP_PROTO_IPCP, ipcp_req, sizeof ipcp_req);
    } else {
        term[1]++;
        pap_send(p, NR_PPP_PROTO_LCP, term, sizeof term);
    }
}

static void pap_ipcp(peer *p, const uint8_t *pkt, size_t len)
{
    /* Nak: IP-Address 10.0.2.15, Primary-DNS 10.0.2.3 */
    static const uint8_t nak[] = { 0x03, 0x00, 0x00, 0x10, 0x03, 0x06, 0x0a, 0x00,
                                   0x02, 0x0f, 0x81, 0x06, 0x0a, 0x00, 0x02, 0x03 };
    uint8_t buf[sizeof nak];
    if (pkt[0] == NR_PPP_CONF_REQ) {
        if (len >= 10 && pkt[4] == 3 && nr_ppp_get_u32(pkt + 6) == 0) {
            memcpy(buf, nak, sizeof nak);
            buf[1] = pkt[1];
            pap_send(p, NR_PPP_PROTO_IPCP, buf, sizeof buf);
        } else {
            pap_reply(p, NR_PPP_PROTO_IPCP, pkt, len, NR_PPP_CONF_ACK);
        }
    } else if (pkt[0] == NR_PPP_TERM_REQ) {
        pap_term_ack(p, NR_PPP_PROTO_IPCP, pkt);
    }
}

static void pap_frame(void *ctx, uint16_t proto, const uint8_t *info, size_t len)
{
    peer *p = ctx;
    if (len < 4)
        return;
    if (proto == NR_PPP_PROTO_LCP)
        pap_lcp(p, info, len);
    else if (proto == NR_PPP_PROTO_PAP)
        pap_auth(p, info, len);
    else if (proto == NR_PPP_PROTO_IPCP)
        pap_ipcp(p, info, len);
}

static void *pap_peer_main(void *arg)
{
    peer *p = arg;
    nr_hdlc_rx rx;
    if (!peer_wait_connected(p))
        return NULL;
    if (nr_hdlc_rx_init(&rx, 1500, pap_frame, p) != 0)
        return NULL;
    for (;;) {
        struct pollfd pf[2] = { { .fd = p->stop_fd, .events = POLLIN },
                                { .fd = modem_emu_master_fd(p->emu), .events = POLLIN } };
        uint8_t buf[4096];
        ssize_t n;
        if (poll(pf, 2, 1000) < 0 || pf[0].revents)
            break;
        if (!pf[1].revents)
            continue;
        n = read(pf[1].fd, buf, sizeof buf);
        if (n <= 0) {
            struct pollfd stop = { .fd = p->stop_fd, .events = POLLIN };
            poll(&stop, 1, 10000); /* the line is gone: wait to be told to stop */
            break;
        }
        nr_hdlc_rx_feed(&rx, buf, (size_t)n);
    }
    nr_hdlc_rx_free(&rx);
    return NULL;
}

static void peer_launch(peer *p, modem_emu *e, const char *pap_password, int pap_delay_ms)
{
    p->emu = e;
    p->pap_delay_ms = pap_delay_ms;
    p->drop = 0;
    p->pap_password = pap_password;
    p->pap_requests = 0;
    p->stop_fd = eventfd(0, EFD_CLOEXEC);
    CU_ASSERT_FATAL(p->stop_fd >= 0);
    CU_ASSERT_FATAL(pthread_create(&p->thread, NULL, pap_password ? pap_peer_main : peer_main, p) == 0);
}

void peer_start(peer *p, modem_emu *e)
{
    peer_launch(p, e, NULL, 0);
}

void peer_start_pap(peer *p, modem_emu *e, const char *password)
{
    peer_launch(p, e, password, 0);
}

void peer_start_pap_slow(peer *p, modem_emu *e, const char *password, int delay_ms)
{
    peer_launch(p, e, password, delay_ms);
}

void peer_drop_link(peer *p)
{
    __atomic_store_n(&p->drop, 1, __ATOMIC_RELEASE);
}

void peer_stop(peer *p)
{
    uint64_t one = 1;
    if (write(p->stop_fd, &one, sizeof one) != sizeof one)
        CU_FAIL("cannot stop the PPP peer");
    pthread_join(p->thread, NULL);
    close(p->stop_fd);
}

/* ---- the notification recorder ------------------------------------------------------ */

typedef struct rec_event { HRASCONN h; RASCONNSTATE state; DWORD error; } rec_event;
static struct {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    rec_event v[128];
    int n;
} rec = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, { { NULL, 0, 0 } }, 0 };

void fixture_rec_reset(void)
{
    pthread_mutex_lock(&rec.lock);
    rec.n = 0;
    pthread_mutex_unlock(&rec.lock);
}

void fixture_rec_add(HRASCONN h, RASCONNSTATE state, DWORD error)
{
    pthread_mutex_lock(&rec.lock);
    if (rec.n < 128)
        rec.v[rec.n++] = (rec_event){ h, state, error };
    pthread_cond_broadcast(&rec.cond);
    pthread_mutex_unlock(&rec.lock);
}

const char *fixture_rec_text(HRASCONN h)
{
    static __thread char buf[1024];
    size_t used = 0;
    buf[0] = '\0';
    pthread_mutex_lock(&rec.lock);
    for (int i = 0; i < rec.n && used < sizeof buf; i++)
        if (!h || rec.v[i].h == h)
            used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%d:%u", used ? " " : "", (int)rec.v[i].state,
                                     (unsigned)rec.v[i].error);
    pthread_mutex_unlock(&rec.lock);
    return buf;
}

/* Whether h announced (state, error), or with done its end; rec.lock held. */
static bool rec_seen(HRASCONN h, RASCONNSTATE state, DWORD error, bool done)
{
    for (int i = 0; i < rec.n; i++) {
        const rec_event *e = &rec.v[i];
        if (e->h != h)
            continue;
        if (done ? e->error || e->state == RASCS_Connected : e->state == state && e->error == error)
            return true;
    }
    return false;
}

static bool rec_wait(HRASCONN h, RASCONNSTATE state, DWORD error, bool done, int ms)
{
    struct timespec until;
    bool seen;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += ms / 1000;
    until.tv_nsec += (long)(ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&rec.lock);
    while (!(seen = rec_seen(h, state, error, done)) && pthread_cond_timedwait(&rec.cond, &rec.lock, &until) == 0) {
    }
    pthread_mutex_unlock(&rec.lock);
    return seen;
}

bool fixture_rec_wait_for(HRASCONN h, RASCONNSTATE state, DWORD error, int ms)
{
    return rec_wait(h, state, error, false, ms);
}

bool fixture_rec_wait_done(HRASCONN h, int ms)
{
    return rec_wait(h, 0, 0, true, ms);
}

/* ---- descriptor and thread counts ------------------------------------------------------ */

static int count_entries(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *de;
    int n = 0;
    if (!d)
        return -1;
    while ((de = readdir(d)) != NULL)
        if (de->d_name[0] != '.')
            n++;
    closedir(d);
    return n;
}

int fixture_count_fds(void)
{
    return count_entries("/proc/self/fd") - 1; /* not the one opendir holds */
}

int fixture_count_threads(void)
{
    return count_entries("/proc/self/task");
}

bool fixture_wait_counts(int fds, int threads, int ms)
{
    for (int waited = 0;; waited += 10) {
        if (fixture_count_fds() <= fds && fixture_count_threads() <= threads)
            return true;
        if (waited >= ms)
            return false;
        usleep(10 * 1000);
    }
}

void fixture_rec_func1(HRASCONN h, UINT msg, RASCONNSTATE state, DWORD error, DWORD ext)
{
    (void)msg;
    (void)ext;
    fixture_rec_add(h, state, error);
}

void fixture_hang_up_and_check(HRASCONN h, const char *dir)
{
    RASCONNSTATUS st = { .dwSize = sizeof st };
    CU_ASSERT_EQUAL(nr_ras_hang_up_wait(h, 5000), 0);
    CU_ASSERT_EQUAL(RasGetConnectStatus(h, &st), ERROR_INVALID_HANDLE);
    CU_ASSERT_EQUAL(fixture_lock_files(dir), 0);
}

int fixture_line_after_connect(void *emu)
{
    modem_emu *e = emu;
    return modem_emu_wait_connected(e, 10000) ? modem_emu_master_fd(e) : -1;
}
