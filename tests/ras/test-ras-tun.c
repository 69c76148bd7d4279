/*
 * test-ras-tun.c - a connected dial handed to the kernel: an entry naming
 * an "interface" gets a TUN interface from our address to the server's,
 * real UDP traffic from a socket of this process crosses it, the PPP link
 * and the modem emulator to the scripted peer and back, and the interface
 * goes with the connection.  Everything happens in a network namespace of
 * the test's own (it needs root: CAP_NET_ADMIN and CAP_SYS_ADMIN; without,
 * it fails as a hard error rather than skipping).
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <netrouter/ras.h>

#include "cunit-main.h"
#include "dial-fixture.h"
#include "ppp-test-peer.h"

static char dir[] = "/tmp/nr-ras-tun.XXXXXX";

/* A network namespace of our own: the interface and its traffic stay in it. */
static int enter_a_private_network_namespace(const char *argv0)
{
    if (unshare(CLONE_NEWNET) != 0) {
        fprintf(stderr, "%s: cannot make a private network namespace (%s): run it as root\n", argv0,
                strerror(errno));
        return -1;
    }
    return 0;
}
NRT_SUITE("ras-tun", .tmpdir = dir, .ignore_sigpipe = true, .setup = enter_a_private_network_namespace);
static char book[600];

typedef struct server {
    modem_emu *emu;
    nr_test_peer_thread t;
} server;

static void echo_udp(nr_test_peer *p, void *ctx)
{
    (void)ctx;
    p->udp_echo = true;
}

/* The emulator, an echoing peer behind it, and a phonebook whose "Office"
 * entry names interface (NULL: none). */
static void server_start(server *s, const char *interface)
{
    char members[128] = "";
    s->emu = fixture_start_modem(dir, MODEM_EMU_CONNECT, 0, book, sizeof book);
    if (interface)
        snprintf(members, sizeof members, "\"interface\": \"%s\",", interface);
    fixture_write_entry(dir, "tun.json", "Office", modem_emu_path(s->emu), members,
                        "{\"command_ms\": 1000, \"connect_ms\": 8000, \"ppp_ms\": 8000}", book, sizeof book);
    s->t = (nr_test_peer_thread){ .get_fd = fixture_line_after_connect, .line = s->emu, .setup = echo_udp };
    NRT_EQ_FATAL(nr_test_peer_thread_start(&s->t), 0);
    fixture_rec_reset();
}

static void server_stop(server *s)
{
    nr_test_peer_thread_stop(&s->t);
    nr_test_peer_free(s->t.peer);
    modem_emu_stop(s->emu);
}

static RASDIALPARAMS params(void)
{
    RASDIALPARAMS p = { .dwSize = sizeof p };
    snprintf(p.szEntryName, sizeof p.szEntryName, "Office");
    return p;
}

/* Sends text over UDP from 10.0.2.15 to the server, 10.0.2.2, port 7, and
 * waits for it to come back; true when it did, unchanged, from there. */
static bool udp_round_trip(const char *text)
{
    struct sockaddr_in us = { .sin_family = AF_INET }, far = { .sin_family = AF_INET, .sin_port = htons(7) }, from;
    socklen_t flen = sizeof from;
    char buf[256];
    ssize_t n = -1;
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    struct pollfd pf = { .fd = fd, .events = POLLIN };
    bool ok = false;
    inet_pton(AF_INET, "10.0.2.15", &us.sin_addr);
    inet_pton(AF_INET, "10.0.2.2", &far.sin_addr);
    if (fd < 0 || bind(fd, (struct sockaddr *)&us, sizeof us) != 0) {
        fprintf(stderr, "test-ras-tun: bind 10.0.2.15: %s\n", strerror(errno));
    } else if (sendto(fd, text, strlen(text), 0, (struct sockaddr *)&far, sizeof far) < 0) {
        fprintf(stderr, "test-ras-tun: sendto 10.0.2.2: %s\n", strerror(errno));
    } else if (poll(&pf, 1, 5000) == 1 &&
               (n = recvfrom(fd, buf, sizeof buf - 1, 0, (struct sockaddr *)&from, &flen)) >= 0) {
        buf[n] = '\0';
        ok = !strcmp(buf, text) && from.sin_addr.s_addr == far.sin_addr.s_addr && from.sin_port == htons(7);
    }
    if (fd >= 0)
        close(fd);
    return ok;
}

/* ---- tests --------------------------------------------------------------------------------------- */

NRT_TEST(connected_link_is_an_interface_carrying_udp)
{
    server s;
    RASDIALPARAMS p = params();
    HRASCONN h = NULL;
    char name[16] = "?";
    unsigned index;
    server_start(&s, "ras%d");
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 0, NULL, &h), 0);
    NRT_EQ(nr_ras_get_interface(h, name, sizeof name), 0);
    NRT_EQ_STR(name, "ras0");
    index = if_nametoindex(name);
    NRT_NE(index, 0);
    NRT_TRUE(udp_round_trip("ping through the modem"));
    NRT_TRUE(udp_round_trip("and again"));
    NRT_NOT_NULL(s.t.peer);
    if (s.t.peer)
        NRT_GE(__atomic_load_n(&s.t.peer->ip_datagrams, __ATOMIC_ACQUIRE), 2);
    NRT_EQ(nr_ras_get_interface(h, name, 2), ERROR_BUFFER_TOO_SMALL);
    fixture_hang_up_and_check(h, dir);
    NRT_EQ(if_nametoindex("ras0"), 0); /* gone with the connection */
    server_stop(&s);
}

NRT_TEST(an_entry_without_interface_gets_none)
{
    server s;
    RASDIALPARAMS p = params();
    HRASCONN h = NULL;
    char name[16] = "?";
    server_start(&s, NULL);
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 0, NULL, &h), 0);
    NRT_EQ(nr_ras_get_interface(h, name, sizeof name), 0);
    NRT_EQ_STR(name, "");
    NRT_EQ(if_nametoindex("ras0"), 0);
    fixture_hang_up_and_check(h, dir);
    server_stop(&s);
}

NRT_TEST(an_interface_that_cannot_be_made_fails_in_projected)
{
    server s;
    RASDIALPARAMS p = params();
    HRASCONN h = NULL;
    server_start(&s, "ras%d%d"); /* two numbers: the kernel refuses the name */
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 1, (void *)fixture_rec_func1, &h), 0);
    NRT_TRUE(fixture_rec_wait_done(h, 10000));
    NRT_EQ_STR(fixture_rec_text(h), "0:0 1:0 2:0 3:0 4:0 5:0 14:0 10:0 18:0 18:731");
    fixture_hang_up_and_check(h, dir);
    server_stop(&s);
}

NRT_TEST(bad_handles_and_buffers_are_refused)
{
    char name[16];
    NRT_EQ(nr_ras_get_interface((HRASCONN)(uintptr_t)0x7777, name, sizeof name), ERROR_INVALID_HANDLE);
    NRT_EQ(nr_ras_get_interface((HRASCONN)(uintptr_t)0x7777, NULL, sizeof name), ERROR_INVALID_PARAMETER);
}

