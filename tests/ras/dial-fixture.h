/*
 * dial-fixture.h - what the RasDial-level tests share: the modem emulator
 * with a phonebook pointing at it, a PPP peer answering behind the
 * emulator (our own link, so a dial can reach RASCS_Connected and the far
 * end can drop the link; or ppp-test-peer's PAP server), and waiting for a
 * handle to go.
 *
 *     char book[600];
 *     modem_emu *e = fixture_start_modem(dir, MODEM_EMU_CONNECT, 0, book, sizeof book);
 *     peer pr;
 *     peer_start(&pr, e);
 *     ... RasDial(NULL, book, &p, 0, NULL, &h) == 0, then RasHangUp(h) ...
 *     peer_stop(&pr);
 *     modem_emu_stop(e);
 */
#ifndef NR_TESTS_RAS_DIAL_FIXTURE_H
#define NR_TESTS_RAS_DIAL_FIXTURE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <netrouter/ras.h>

#include "modem-emu.h"
#include "ppp-test-peer.h"

/* Writes dir/phonebook.json (mode 0600) into book: "Test" dials 5551234 on
 * device (redial 2 times, short timeouts), "Gone" names a tty that does
 * not exist. */
void fixture_write_phonebook(const char *dir, const char *device, char *book, size_t size);

/* Writes dir/file (mode 0600) into book: a phonebook of one entry, name,
 * dialling 5551234 on device without flow control, with members (JSON
 * members, each followed by ",", or "") and timeouts (a JSON object). */
void fixture_write_entry(const char *dir, const char *file, const char *name, const char *device,
                         const char *members, const char *timeouts, char *book, size_t size);

/* RasSetEntryPropertiesA: entry name of the phonebook book, a modem on
 * /dev/ttyS0 dialing "1" (created, or changed when it exists). */
DWORD fixture_put_entry(const char *book, const char *name);

/* Starts the emulator answering ATD with answer after dial_delay_ms, puts
 * UUCP locks in dir (NETROUTER_LOCK_DIR) and writes the phonebook for it. */
modem_emu *fixture_start_modem(const char *dir, modem_emu_dial answer, int dial_delay_ms, char *book, size_t size);

/* Waits until the handle is gone (port released); returns the ms it took. */
long fixture_wait_invalid(HRASCONN h, int ms);

/* 1 when a UUCP lock file is left in dir, else 0. */
int fixture_lock_files(const char *dir);

/* The far end behind the emulator, on a thread of its own from start to
 * peer_stop; it waits for CONNECT (10 s at most, or until stopped). */
typedef struct peer {
    modem_emu *emu;
    /* peer_start: our own link */
    int stop_fd;
    pthread_t thread;
    bool up;
    int drop;           /* set by peer_drop_link (atomically) */
    uint32_t dns[2];    /* the DNS servers it hands out (host order; 0: it rejects the option) */
    /* peer_start_pap: ppp-test-peer's server on its thread runner */
    const char *pap_password; /* the password it accepts (NULL: the peer_start kind) */
    int pap_delay_ms;   /* peer_start_pap_slow: how long it ponders each request */
    nr_test_peer_thread pap;
} peer;

/* One of our own PPP links answers on the emulator's side of the line, as
 * the far end would, asking for no authentication: it gives the dialer
 * 10.0.2.15 and DNS 10.0.2.3, and is 10.0.2.2 itself (what the dialer
 * proposes to a peer). */
void peer_start(peer *p, modem_emu *e);
/* The same, handing out dns1 and dns2 as primary and secondary DNS (host
 * byte order; 0: that option is rejected, and the dialer has none). */
void peer_start_dns(peer *p, modem_emu *e, uint32_t dns1, uint32_t dns2);
/* ppp-test-peer's scripted server insisting on PAP (NR_TEST_PEER_AUTH_PAP):
 * it accepts any user name with password (Authenticate-Ack "Login ok"),
 * answers any other with Authenticate-Nak "Login incorrect" and an LCP
 * Terminate-Request, and renegotiates LCP when the dialer starts over (a
 * resumed dial authenticates again).  The addresses are those of
 * peer_start. */
void peer_start_pap(peer *p, modem_emu *e, const char *password);
/* The same, answering each Authenticate-Request only after delay_ms (or
 * not at all when stopped first): the dial stays in RASCS_Authenticate
 * that long. */
void peer_start_pap_slow(peer *p, modem_emu *e, const char *password, int delay_ms);
/* The PAP Authenticate-Requests a peer_start_pap peer answered so far
 * (counted before the answer goes out; 0 before CONNECT); any thread. */
int peer_pap_requests(const peer *p);
/* peer_start's link terminates (LCP Terminate-Request): the dialer loses
 * a connected link.  A PAP peer ignores it. */
void peer_drop_link(peer *p);
/* Stops either kind of peer and waits for its thread; a PAP peer is freed. */
void peer_stop(peer *p);

/* ---- a link that carries traffic (TUN, in a network namespace of the test's own) ---- */

/* The NRT_SUITE setup of the tests whose dials make a TUN interface: a
 * network namespace of the program's own, so that the interface and its
 * traffic stay in it (it needs root; without, a setup error, not a skip). */
int fixture_private_netns(const char *argv0);

/* Sends text over UDP from the dialer's 10.0.2.15 to the far end, 10.0.2.2,
 * port 7, and waits (5 s at most) for it to come back; true when it came
 * back unchanged, from there. */
bool fixture_udp_round_trip(const char *text);

/* ppp-test-peer's scripted server behind the emulator, sending every UDP
 * datagram back (udp_echo), for one call: it takes the line once CONNECT
 * was sent (10 s at most).  To serve the next call after the carrier
 * dropped: echo_server_stop, modem_emu_drop_carrier, echo_server_start. */
typedef struct echo_server {
    modem_emu *emu;
    nr_test_peer_thread t;
} echo_server;
void echo_server_start(echo_server *s, modem_emu *e);
/* Stops the server's thread and frees its peer (its counters are gone). */
void echo_server_stop(echo_server *s);
/* The IP datagrams the dialer sent it so far (0 before CONNECT). */
int echo_server_datagrams(const echo_server *s);

/* ---- recording what asynchronous dials announce ------------------------------------ */

/* Every notification of every dial of the test, in order; thread-safe.
 * h may be NULL (a RasDialFunc is told no handle). */
void fixture_rec_reset(void);
void fixture_rec_add(HRASCONN h, RASCONNSTATE state, DWORD error, DWORD ext);
/* How many notifications were recorded, and the extended error of the i-th. */
int fixture_rec_count(void);
DWORD fixture_rec_ext(int i);
/* "0:0 1:0 2:0 2:676": what was recorded for h (NULL: for every handle). */
const char *fixture_rec_text(HRASCONN h);
/* Waits until h (NULL: any handle) announced (state, error); false after ms. */
bool fixture_rec_wait_for(HRASCONN h, RASCONNSTATE state, DWORD error, int ms);
/* Waits until h (NULL: any handle) announced RASCS_Connected or an error;
 * false after ms. */
bool fixture_rec_wait_done(HRASCONN h, int ms);
/* A RasDialFunc1 that records what it is told (fixture_rec_add). */
void fixture_rec_func1(HRASCONN h, UINT msg, RASCONNSTATE state, DWORD error, DWORD ext);

/* The eventfd's count once it becomes readable within ms (it is read),
 * else 0: what RasConnectionNotification signalled. */
uint64_t fixture_wait_signal(int efd, int ms);

/* RasGetConnectStatus(h) (a CUnit assertion that it succeeds). */
RASCONNSTATUS fixture_status(HRASCONN h);

/* How many dial commands (ATD...) the emulator received so far. */
int fixture_dials(modem_emu *e);

/* nr_ras_hang_up_wait(h) succeeds, h is then invalid and no UUCP lock is
 * left in dir (CUnit assertions). */
void fixture_hang_up_and_check(HRASCONN h, const char *dir);

/* For a PPP peer on its own thread (ppp-test-peer.h's
 * nr_test_peer_thread.get_fd, ctx the modem_emu): the emulator's master
 * once CONNECT was sent (10 s at most), else -1. */
int fixture_line_after_connect(void *emu);

/* ---- leaks ------------------------------------------------------------------------ */

/* Open descriptors (/proc/self/fd) and threads (/proc/self/task) of the process. */
int fixture_count_fds(void);
int fixture_count_threads(void);
/* Waits until there are at most fds descriptors and threads threads (the
 * dialing thread ends a moment after its handle goes); false after ms. */
bool fixture_wait_counts(int fds, int threads, int ms);

#endif
