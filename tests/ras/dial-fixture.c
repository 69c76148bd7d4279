/*
 * dial-fixture.c - the shared fixture of the RasDial-level tests
 * (dial-fixture.h): the phonebook, the PPP peers (our own link, or
 * ppp-test-peer's PAP and UDP-echoing servers), traffic through a
 * connected link's TUN interface, the notification recorder and the
 * descriptor and thread counts.
 */
#include "config.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "deadline.h"
#include "dial-fixture.h"
#include "nrt-assert.h"
#include "ppp-link.h"

void fixture_write_phonebook(const char *dir, const char *device, char *book, size_t size)
{
    FILE *f;
    snprintf(book, size, "%s/phonebook.json", dir);
    f = fopen(book, "w");
    NRT_NOT_NULL_FATAL(f);
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

void fixture_write_entry(const char *dir, const char *file, const char *name, const char *device,
                         const char *members, const char *timeouts, char *book, size_t size)
{
    FILE *f;
    snprintf(book, size, "%s/%s", dir, file);
    f = fopen(book, "w");
    NRT_NOT_NULL_FATAL(f);
    fprintf(f,
            "{\"entries\": [{\"name\": \"%s\", \"device\": \"%s\", \"phone_number\": \"5551234\",\n"
            "  \"flow_control\": \"none\", %s\n  \"timeouts\": %s}]}\n",
            name, device, members, timeouts);
    fclose(f);
    chmod(book, 0600);
}

DWORD fixture_put_entry(const char *book, const char *name)
{
    RASENTRYA *e = calloc(1, sizeof *e);
    DWORD rc;
    NRT_NOT_NULL_FATAL(e);
    e->dwSize = sizeof *e;
    snprintf(e->szDeviceName, sizeof e->szDeviceName, "/dev/ttyS0");
    snprintf(e->szLocalPhoneNumber, sizeof e->szLocalPhoneNumber, "1");
    rc = RasSetEntryPropertiesA(book, name, e, sizeof *e, NULL, 0);
    free(e);
    return rc;
}

modem_emu *fixture_start_modem(const char *dir, modem_emu_dial answer, int dial_delay_ms, char *book, size_t size)
{
    modem_emu_script s = { .dial = answer, .dial_delay_ms = dial_delay_ms, .cme_error = 30 };
    modem_emu *e = modem_emu_start(&s);
    NRT_NOT_NULL_FATAL(e);
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
static bool peer_wait_connected(modem_emu *e, int stop_fd)
{
    for (int waited = 0; waited < 10000; waited += 100) {
        struct pollfd pf = { .fd = stop_fd, .events = POLLIN };
        if (modem_emu_wait_connected(e, 100))
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
    if (!peer_wait_connected(p->emu, p->stop_fd))
        return NULL;
    nr_ppp_link_config_init(&cfg);
    cfg.peer_addr_hint = 0x0a00020f; /* 10.0.2.15 for the dialer */
    cfg.offer_dns[0] = p->dns[0];    /* 10.0.2.3 unless peer_start_dns said otherwise */
    cfg.offer_dns[1] = p->dns[1];
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

void peer_start(peer *p, modem_emu *e)
{
    peer_start_dns(p, e, 0x0a000203, 0); /* 10.0.2.3 */
}

void peer_start_dns(peer *p, modem_emu *e, uint32_t dns1, uint32_t dns2)
{
    *p = (peer){ .emu = e, .dns = { dns1, dns2 } };
    p->stop_fd = eventfd(0, EFD_CLOEXEC);
    NRT_GE_FATAL(p->stop_fd, 0);
    NRT_EQ_FATAL(pthread_create(&p->thread, NULL, peer_main, p), 0);
}

/* ---- ppp-test-peer's PAP server ------------------------------------------------------ */

/* nr_test_peer_thread.get_fd: the master once CONNECT was sent, unless
 * the peer is stopped first. */
static int pap_line(void *arg)
{
    peer *p = arg;
    return peer_wait_connected(p->emu, p->pap.stop_fd) ? modem_emu_master_fd(p->emu) : -1;
}

static void pap_script(nr_test_peer *tp, void *ctx)
{
    const peer *p = ctx;
    tp->auth = NR_TEST_PEER_AUTH_PAP;
    tp->pap_user[0] = '\0'; /* any user name */
    snprintf(tp->pap_password, sizeof tp->pap_password, "%s", p->pap_password);
    tp->pap_delay_ms = p->pap_delay_ms;
}

void peer_start_pap_slow(peer *p, modem_emu *e, const char *password, int delay_ms)
{
    *p = (peer){ .emu = e, .stop_fd = -1, .pap_password = password, .pap_delay_ms = delay_ms };
    p->pap = (nr_test_peer_thread){ .get_fd = pap_line, .line = p, .setup = pap_script, .ctx = p };
    NRT_EQ_FATAL(nr_test_peer_thread_start(&p->pap), 0);
}

void peer_start_pap(peer *p, modem_emu *e, const char *password)
{
    peer_start_pap_slow(p, e, password, 0);
}

int peer_pap_requests(const peer *p)
{
    const nr_test_peer *tp = __atomic_load_n(&p->pap.peer, __ATOMIC_ACQUIRE);
    return tp ? nr_test_peer_pap_requests(tp) : 0;
}

void peer_drop_link(peer *p)
{
    __atomic_store_n(&p->drop, 1, __ATOMIC_RELEASE);
}

void peer_stop(peer *p)
{
    uint64_t one = 1;
    if (p->pap_password) {
        nr_test_peer_thread_stop(&p->pap);
        nr_test_peer_free(p->pap.peer);
        p->pap.peer = NULL;
        return;
    }
    if (write(p->stop_fd, &one, sizeof one) != sizeof one)
        NRT_FAIL("cannot stop the PPP peer");
    pthread_join(p->thread, NULL);
    close(p->stop_fd);
}

/* ---- a link that carries traffic ------------------------------------------------------ */

int fixture_private_netns(const char *argv0)
{
    if (unshare(CLONE_NEWNET) != 0) {
        fprintf(stderr, "%s: cannot make a private network namespace (%s): run it as root\n", argv0,
                strerror(errno));
        return -1;
    }
    return 0;
}

bool fixture_udp_round_trip(const char *text)
{
    struct sockaddr_in us = { .sin_family = AF_INET }, far = { .sin_family = AF_INET, .sin_port = htons(7) }, from;
    socklen_t flen = sizeof from;
    char buf[2048];
    ssize_t n = -1;
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    struct pollfd pf = { .fd = fd, .events = POLLIN };
    bool ok = false;
    inet_pton(AF_INET, "10.0.2.15", &us.sin_addr);
    inet_pton(AF_INET, "10.0.2.2", &far.sin_addr);
    if (fd < 0 || bind(fd, (struct sockaddr *)&us, sizeof us) != 0) {
        fprintf(stderr, "udp round trip: bind 10.0.2.15: %s\n", strerror(errno));
    } else if (sendto(fd, text, strlen(text), 0, (struct sockaddr *)&far, sizeof far) < 0) {
        fprintf(stderr, "udp round trip: sendto 10.0.2.2: %s\n", strerror(errno));
    } else if (poll(&pf, 1, 5000) == 1 &&
               (n = recvfrom(fd, buf, sizeof buf - 1, 0, (struct sockaddr *)&from, &flen)) >= 0) {
        buf[n] = '\0';
        ok = !strcmp(buf, text) && from.sin_addr.s_addr == far.sin_addr.s_addr && from.sin_port == htons(7);
    }
    if (fd >= 0)
        close(fd);
    return ok;
}

static void echo_udp(nr_test_peer *p, void *ctx)
{
    (void)ctx;
    p->udp_echo = true;
}

void echo_server_start(echo_server *s, modem_emu *e)
{
    *s = (echo_server){ .emu = e };
    s->t = (nr_test_peer_thread){ .get_fd = fixture_line_after_connect, .line = e, .setup = echo_udp };
    NRT_EQ_FATAL(nr_test_peer_thread_start(&s->t), 0);
}

void echo_server_stop(echo_server *s)
{
    nr_test_peer_thread_stop(&s->t);
    nr_test_peer_free(s->t.peer);
    s->t.peer = NULL;
}

int echo_server_datagrams(const echo_server *s)
{
    const nr_test_peer *p = __atomic_load_n(&s->t.peer, __ATOMIC_ACQUIRE);
    return p ? __atomic_load_n(&p->ip_datagrams, __ATOMIC_ACQUIRE) : 0;
}

/* ---- the notification recorder ------------------------------------------------------ */

typedef struct rec_event { HRASCONN h; RASCONNSTATE state; DWORD error, ext; } rec_event;
static struct {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    rec_event v[128];
    int n;
} rec = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, { { NULL, 0, 0, 0 } }, 0 };

void fixture_rec_reset(void)
{
    pthread_mutex_lock(&rec.lock);
    rec.n = 0;
    pthread_mutex_unlock(&rec.lock);
}

void fixture_rec_add(HRASCONN h, RASCONNSTATE state, DWORD error, DWORD ext)
{
    pthread_mutex_lock(&rec.lock);
    if (rec.n < 128)
        rec.v[rec.n++] = (rec_event){ h, state, error, ext };
    pthread_cond_broadcast(&rec.cond);
    pthread_mutex_unlock(&rec.lock);
}

int fixture_rec_count(void)
{
    int n;
    pthread_mutex_lock(&rec.lock);
    n = rec.n;
    pthread_mutex_unlock(&rec.lock);
    return n;
}

DWORD fixture_rec_ext(int i)
{
    DWORD ext = 0;
    pthread_mutex_lock(&rec.lock);
    if (i >= 0 && i < rec.n)
        ext = rec.v[i].ext;
    pthread_mutex_unlock(&rec.lock);
    return ext;
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
        if (h && e->h != h)
            continue;
        if (done ? e->error || e->state == RASCS_Connected : e->state == state && e->error == error)
            return true;
    }
    return false;
}

static bool rec_wait(HRASCONN h, RASCONNSTATE state, DWORD error, bool done, int ms)
{
    struct timespec until = nr_test_deadline(ms);
    bool seen;
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
    fixture_rec_add(h, state, error, ext);
}

uint64_t fixture_wait_signal(int efd, int ms)
{
    struct pollfd p = { .fd = efd, .events = POLLIN };
    uint64_t count = 0;
    if (poll(&p, 1, ms) == 1 && read(efd, &count, sizeof count) != sizeof count)
        count = 0;
    return count;
}

RASCONNSTATUS fixture_status(HRASCONN h)
{
    RASCONNSTATUS st = { .dwSize = sizeof st };
    NRT_EQ(RasGetConnectStatus(h, &st), 0);
    return st;
}

int fixture_dials(modem_emu *e)
{
    char cmd[64];
    int n = 0;
    for (size_t i = 0; modem_emu_command(e, i, cmd, sizeof cmd); i++)
        n += !strncmp(cmd, "ATD", 3);
    return n;
}

void fixture_hang_up_and_check(HRASCONN h, const char *dir)
{
    RASCONNSTATUS st = { .dwSize = sizeof st };
    NRT_EQ(nr_ras_hang_up_wait(h, 5000), 0);
    NRT_EQ(RasGetConnectStatus(h, &st), ERROR_INVALID_HANDLE);
    NRT_EQ(fixture_lock_files(dir), 0);
}

int fixture_line_after_connect(void *emu)
{
    modem_emu *e = emu;
    return modem_emu_wait_connected(e, 10000) ? modem_emu_master_fd(e) : -1;
}
