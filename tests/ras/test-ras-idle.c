/*
 * test-ras-idle.c - the phonebook's idle_disconnect_s: a connected link
 * that carries no IP datagram for that long is hung up, whatever LCP
 * echoes keep flowing, with ERROR_IDLE_TIMEOUT (828) and a detail saying
 * so, RASCN_Disconnection signalled; IP traffic through its TUN interface
 * keeps it up, clearing its counters does not; an idle link is never
 * redialed.  Dials go through the modem emulator to the scripted peer, in
 * a network namespace of the test's own (root: the TUN interface).
 */
#include "config.h"

#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>
#include <netrouter/ras.h>

#include "cunit-main.h"
#include "dial-fixture.h"

static char dir[] = "/tmp/nr-ras-idle.XXXXXX";
NRT_SUITE("ras-idle", .tmpdir = dir, .ignore_sigpipe = true, .setup = fixture_private_netns);
static char book[600];

#define AS_EVENT(fd) ((HANDLE)(intptr_t)(fd))

/* The emulator with an echoing peer behind it; the phonebook's "Office"
 * has members (JSON members, each followed by ","), an interface and LCP
 * echoes every second. */
static modem_emu *start(echo_server *s, const char *members)
{
    char all[512];
    modem_emu *e = fixture_start_modem(dir, MODEM_EMU_CONNECT, 0, book, sizeof book);
    snprintf(all, sizeof all, "\"interface\": \"ras%%d\", \"ppp\": {\"lcp_echo_interval\": 1}, %s", members);
    fixture_write_entry(dir, "idle.json", "Office", modem_emu_path(e), all,
                        "{\"command_ms\": 1000, \"connect_ms\": 8000, \"ppp_ms\": 8000}", book, sizeof book);
    echo_server_start(s, e);
    return e;
}

static void stop(echo_server *s, modem_emu *e)
{
    echo_server_stop(s);
    modem_emu_stop(e);
}

/* Dials "Office" and registers efd for h's events of flags. */
static HRASCONN dial(int efd, DWORD flags)
{
    RASDIALPARAMS p = { .dwSize = sizeof p };
    HRASCONN h = NULL;
    snprintf(p.szEntryName, sizeof p.szEntryName, "Office");
    NRT_EQ(RasDial(NULL, book, &p, 0, NULL, &h), 0);
    NRT_EQ(RasConnectionNotification(h, AS_EVENT(efd), flags), 0);
    return h;
}

static long ms_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

/* ---- tests --------------------------------------------------------------------------------------- */

NRT_TEST(an_idle_link_is_hung_up_with_828_while_lcp_echoes_flow)
{
    echo_server srv;
    modem_emu *e = start(&srv, "\"idle_disconnect_s\": 2,");
    int efd = eventfd(0, EFD_CLOEXEC);
    struct timespec t0;
    HRASCONN h = dial(efd, RASCN_Disconnection);
    RAS_STATS at_connect = { .dwSize = sizeof at_connect }, at_end = { .dwSize = sizeof at_end };
    RASCONNSTATUS st;
    char detail[256], text[256];
    long took;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    NRT_EQ(RasGetConnectionStatistics(h, &at_connect), 0);
    NRT_EQ(fixture_wait_signal(efd, 8000), 1);
    took = ms_since(&t0);
    NRT_GE(took, 1500); /* 2 s from Open, which came a moment before RasDial returned */
    NRT_LE(took, 5000);
    st = fixture_status(h);
    NRT_EQ(st.rasconnstate, RASCS_Disconnected);
    NRT_EQ(st.dwError, ERROR_IDLE_TIMEOUT);
    NRT_EQ(nr_ras_get_error_detail(h, detail, sizeof detail), 0);
    NRT_CONTAINS(detail, "no IP traffic for 2 s");
    NRT_EQ(RasGetErrorString(ERROR_IDLE_TIMEOUT, text, sizeof text), 0);
    NRT_EQ_STR(text, "The connection was terminated because of idle timeout.");
    /* LCP echoes went both ways meanwhile, and did not count as traffic */
    NRT_EQ(RasGetConnectionStatistics(h, &at_end), 0);
    NRT_GT(at_end.dwFramesRcved, at_connect.dwFramesRcved);
    NRT_GT(at_end.dwFramesXmited, at_connect.dwFramesXmited);
    NRT_EQ(fixture_lock_files(dir), 0); /* the port is released */
    fixture_hang_up_and_check(h, dir);
    stop(&srv, e);
    close(efd);
}

NRT_TEST(ip_traffic_keeps_the_link_up)
{
    echo_server srv;
    modem_emu *e = start(&srv, "\"idle_disconnect_s\": 1,");
    int efd = eventfd(0, EFD_CLOEXEC);
    HRASCONN h = dial(efd, RASCN_Disconnection);
    for (int i = 0; i < 8; i++) { /* 2.4 s, every 300 ms */
        NRT_TRUE(fixture_udp_round_trip("still here"));
        usleep(300 * 1000);
    }
    NRT_EQ(fixture_status(h).rasconnstate, RASCS_Connected);
    NRT_EQ(fixture_wait_signal(efd, 0), 0);
    /* quiet from now on */
    NRT_EQ(fixture_wait_signal(efd, 4000), 1);
    NRT_EQ(fixture_status(h).dwError, ERROR_IDLE_TIMEOUT);
    fixture_hang_up_and_check(h, dir);
    stop(&srv, e);
    close(efd);
}

/* The counters are not the idle timer: clearing them again and again
 * makes nothing look busy. */
NRT_TEST(clearing_the_counters_does_not_keep_the_link_up)
{
    echo_server srv;
    modem_emu *e = start(&srv, "\"idle_disconnect_s\": 1,");
    int efd = eventfd(0, EFD_CLOEXEC);
    HRASCONN h = dial(efd, RASCN_Disconnection);
    uint64_t got = 0;
    for (int i = 0; i < 40 && !got; i++) {
        NRT_EQ(RasClearConnectionStatistics(h), 0);
        got = fixture_wait_signal(efd, 100);
    }
    NRT_EQ(got, 1);
    NRT_EQ(fixture_status(h).dwError, ERROR_IDLE_TIMEOUT);
    fixture_hang_up_and_check(h, dir);
    stop(&srv, e);
    close(efd);
}

NRT_TEST(an_idle_link_is_not_redialed)
{
    echo_server srv;
    modem_emu *e = start(&srv, "\"idle_disconnect_s\": 1, \"reconnect\": {\"attempts\": 3, \"pause_ms\": 0},");
    int efd = eventfd(0, EFD_CLOEXEC);
    HRASCONN h = dial(efd, RASCN_Disconnection | RASCN_ReConnection);
    NRT_EQ(fixture_wait_signal(efd, 5000), 1);
    NRT_EQ(fixture_wait_signal(efd, 1500), 0); /* no RASCN_ReConnection */
    NRT_EQ(fixture_dials(e), 1);
    NRT_EQ(fixture_status(h).rasconnstate, RASCS_Disconnected);
    NRT_EQ(fixture_status(h).dwError, ERROR_IDLE_TIMEOUT);
    fixture_hang_up_and_check(h, dir);
    stop(&srv, e);
    close(efd);
}

NRT_TEST(without_the_key_a_quiet_link_stays_up)
{
    echo_server srv;
    modem_emu *e = start(&srv, "");
    int efd = eventfd(0, EFD_CLOEXEC);
    HRASCONN h = dial(efd, RASCN_Disconnection);
    NRT_EQ(fixture_wait_signal(efd, 2500), 0);
    NRT_EQ(fixture_status(h).rasconnstate, RASCS_Connected);
    fixture_hang_up_and_check(h, dir);
    stop(&srv, e);
    close(efd);
}
