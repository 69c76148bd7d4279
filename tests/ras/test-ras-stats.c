/*
 * test-ras-stats.c - RasGetConnectionStatistics and
 * RasClearConnectionStatistics: the counters of a connected link match
 * the traffic sent through its TUN interface (UDP datagrams from a socket
 * of this process, echoed by the scripted peer behind the modem emulator),
 * and what the peer itself read and wrote, octet for octet; errors stay 0;
 * the duration runs while the link is idle and stops when it is lost; a
 * clear starts every counter again; a dial that never connected counts
 * nothing; bad arguments are refused.  In a network namespace of the
 * test's own (root: the TUN interface needs CAP_NET_ADMIN).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <netrouter/ras.h>

#include "cunit-main.h"
#include "dial-fixture.h"
#include "ppp-test-peer.h"

static char dir[] = "/tmp/nr-ras-stats.XXXXXX";
NRT_SUITE("ras-stats", .tmpdir = dir, .ignore_sigpipe = true, .setup = fixture_private_netns);
static char book[600];

/* A datagram of the tests: 100 octets of UDP payload, 128 of IP. */
#define PAYLOAD "0123456789abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrst"
#define IP_OCTETS (20 + 8 + 100)
/* An IP datagram on the line: its octets, escapes (none here: the payload
 * is printable and ACCM 0 is negotiated, but headers and checksums may
 * need a few), flags, address, control, protocol and FCS. */
#define FRAMED_MIN (IP_OCTETS + 5)
#define FRAMED_MAX (2 * (IP_OCTETS + 4) + 2)

/* The emulator with an echoing peer behind it; "Office" names an interface. */
static modem_emu *start(echo_server *s, modem_emu_dial answer)
{
    modem_emu *e = fixture_start_modem(dir, answer, 0, book, sizeof book);
    fixture_write_entry(dir, "stats.json", "Office", modem_emu_path(e), "\"interface\": \"ras%d\",",
                        "{\"command_ms\": 1000, \"connect_ms\": 8000, \"ppp_ms\": 8000}", book, sizeof book);
    echo_server_start(s, e);
    return e;
}

static HRASCONN dial(void)
{
    RASDIALPARAMS p = { .dwSize = sizeof p };
    HRASCONN h = NULL;
    snprintf(p.szEntryName, sizeof p.szEntryName, "Office");
    NRT_EQ(RasDial(NULL, book, &p, 0, NULL, &h), 0);
    return h;
}

static RAS_STATS stats_of(HRASCONN h)
{
    RAS_STATS s = { .dwSize = sizeof s };
    NRT_EQ(RasGetConnectionStatistics(h, &s), 0);
    return s;
}

static void round_trips(int n)
{
    for (int i = 0; i < n; i++)
        NRT_TRUE(fixture_udp_round_trip(PAYLOAD));
    usleep(100 * 1000); /* the link publishes after the step that wrote the last reply */
}

static void no_errors(const RAS_STATS *s)
{
    NRT_EQ(s->dwCrcErr, 0);
    NRT_EQ(s->dwTimeoutErr, 0);
    NRT_EQ(s->dwAlignmentErr, 0);
    NRT_EQ(s->dwHardwareOverrunErr, 0);
    NRT_EQ(s->dwFramingErr, 0);
    NRT_EQ(s->dwBufferOverrunErr, 0);
    NRT_EQ(s->dwCompressionRatioIn, 0);
    NRT_EQ(s->dwCompressionRatioOut, 0);
}

/* ---- tests --------------------------------------------------------------------------------------- */

NRT_TEST(the_counters_grow_with_the_datagrams_sent_through_the_interface)
{
    echo_server srv;
    modem_emu *e = start(&srv, MODEM_EMU_CONNECT);
    HRASCONN h = dial();
    RAS_STATS before, after;
    before = stats_of(h);
    NRT_GT(before.dwFramesXmited, 0); /* PPP's negotiation */
    NRT_GT(before.dwFramesRcved, 0);
    round_trips(10);
    after = stats_of(h);
    /* ten datagrams each way, each framed once */
    NRT_EQ(after.dwFramesXmited - before.dwFramesXmited, 10);
    NRT_EQ(after.dwFramesRcved - before.dwFramesRcved, 10);
    NRT_GE(after.dwBytesXmited - before.dwBytesXmited, 10 * FRAMED_MIN);
    NRT_LE(after.dwBytesXmited - before.dwBytesXmited, 10 * FRAMED_MAX);
    NRT_GE(after.dwBytesRcved - before.dwBytesRcved, 10 * FRAMED_MIN);
    NRT_LE(after.dwBytesRcved - before.dwBytesRcved, 10 * FRAMED_MAX);
    no_errors(&after);
    NRT_EQ(after.dwBps, 33600); /* "CONNECT 33600" */
    NRT_GT(after.dwConnectDuration, before.dwConnectDuration);
    fixture_hang_up_and_check(h, dir);
    echo_server_stop(&srv);
    modem_emu_stop(e);
}

/* What the link says it wrote, the peer read, and the other way round. */
NRT_TEST(the_counters_are_what_the_far_end_read_and_wrote)
{
    echo_server srv;
    modem_emu *e = start(&srv, MODEM_EMU_CONNECT);
    HRASCONN h = dial();
    RAS_STATS s;
    round_trips(5);
    nr_test_peer_thread_stop(&srv.t); /* the peer stays, for its counts; the link has nothing to say */
    s = stats_of(h);
    NRT_NOT_NULL_FATAL(srv.t.peer);
    NRT_EQ(s.dwBytesXmited, srv.t.peer->octets_read);
    NRT_EQ(s.dwFramesXmited, srv.t.peer->rx.stats.frames);
    NRT_EQ(s.dwBytesRcved, srv.t.peer->octets_written);
    NRT_EQ(s.dwFramesRcved, srv.t.peer->frames_written);
    no_errors(&s);
    fixture_hang_up_and_check(h, dir);
    nr_test_peer_free(srv.t.peer);
    modem_emu_stop(e);
}

NRT_TEST(clearing_starts_every_counter_again)
{
    echo_server srv;
    modem_emu *e = start(&srv, MODEM_EMU_CONNECT);
    HRASCONN h = dial();
    RAS_STATS s;
    round_trips(3);
    usleep(300 * 1000);
    NRT_EQ(RasClearConnectionStatistics(h), 0);
    s = stats_of(h);
    NRT_EQ(s.dwBytesXmited, 0);
    NRT_EQ(s.dwBytesRcved, 0);
    NRT_EQ(s.dwFramesXmited, 0);
    NRT_EQ(s.dwFramesRcved, 0);
    no_errors(&s);
    NRT_LT(s.dwConnectDuration, 250); /* counted from the clear */
    NRT_EQ(s.dwBps, 33600);           /* not a counter */
    round_trips(2);
    s = stats_of(h);
    NRT_EQ(s.dwFramesXmited, 2);
    NRT_EQ(s.dwFramesRcved, 2);
    NRT_GE(s.dwBytesXmited, 2 * FRAMED_MIN);
    NRT_LE(s.dwBytesXmited, 2 * FRAMED_MAX);
    NRT_GE(s.dwBytesRcved, 2 * FRAMED_MIN);
    fixture_hang_up_and_check(h, dir);
    echo_server_stop(&srv);
    modem_emu_stop(e);
}

/* Nothing happens on the line; the worker waits in poll() all along. */
NRT_TEST(the_duration_runs_while_the_link_is_quiet)
{
    echo_server srv;
    modem_emu *e = start(&srv, MODEM_EMU_CONNECT);
    HRASCONN h = dial();
    RAS_STATS a = stats_of(h), b;
    usleep(400 * 1000);
    b = stats_of(h);
    NRT_GE(b.dwConnectDuration, a.dwConnectDuration + 350);
    NRT_LE(b.dwConnectDuration, a.dwConnectDuration + 2000);
    NRT_EQ(b.dwFramesXmited, a.dwFramesXmited);
    fixture_hang_up_and_check(h, dir);
    echo_server_stop(&srv);
    modem_emu_stop(e);
}

/* The far end goes: the counters stay as they were, the duration stops. */
NRT_TEST(the_counters_stay_once_the_link_is_lost)
{
    echo_server srv;
    modem_emu *e = start(&srv, MODEM_EMU_CONNECT);
    HRASCONN h = dial();
    RASCONNSTATUS st = { .dwSize = sizeof st };
    RAS_STATS a, b;
    round_trips(2);
    echo_server_stop(&srv);
    modem_emu_stop(e); /* the pty goes: the line is hung up */
    for (int i = 0; i < 300 && RasGetConnectStatus(h, &st) == 0 && st.rasconnstate != RASCS_Disconnected; i++)
        usleep(10 * 1000);
    NRT_EQ(st.rasconnstate, RASCS_Disconnected);
    a = stats_of(h);
    NRT_GE(a.dwFramesXmited, 2);
    usleep(300 * 1000);
    b = stats_of(h);
    NRT_EQ(b.dwConnectDuration, a.dwConnectDuration);
    NRT_EQ(b.dwBytesXmited, a.dwBytesXmited);
    NRT_EQ(b.dwBytesRcved, a.dwBytesRcved);
    fixture_hang_up_and_check(h, dir);
}

NRT_TEST(a_dial_that_never_connected_counted_nothing)
{
    modem_emu *e = fixture_start_modem(dir, MODEM_EMU_BUSY, 0, book, sizeof book);
    RASDIALPARAMS p = { .dwSize = sizeof p };
    RAS_STATS s;
    HRASCONN h = NULL;
    snprintf(p.szEntryName, sizeof p.szEntryName, "Test");
    NRT_EQ(RasDial(NULL, book, &p, 0, NULL, &h), ERROR_LINE_BUSY);
    memset(&s, 0xa5, sizeof s);
    s.dwSize = sizeof s;
    NRT_EQ(RasGetConnectionStatistics(h, &s), 0);
    NRT_EQ(s.dwSize, sizeof s);
    NRT_EQ(s.dwBytesXmited, 0);
    NRT_EQ(s.dwBytesRcved, 0);
    NRT_EQ(s.dwFramesXmited, 0);
    NRT_EQ(s.dwFramesRcved, 0);
    NRT_EQ(s.dwBps, 0);
    NRT_EQ(s.dwConnectDuration, 0);
    no_errors(&s);
    NRT_EQ(RasClearConnectionStatistics(h), 0);
    fixture_hang_up_and_check(h, dir);
    modem_emu_stop(e);
}

NRT_TEST(bad_handles_sizes_and_pointers_are_refused)
{
    HRASCONN bogus = (HRASCONN)(uintptr_t)0x7777;
    RAS_STATS s = { .dwSize = sizeof s };
    NRT_EQ(RasGetConnectionStatistics(bogus, &s), ERROR_INVALID_HANDLE);
    NRT_EQ(RasGetConnectionStatistics(NULL, &s), ERROR_INVALID_HANDLE);
    NRT_EQ(RasGetConnectionStatistics(bogus, NULL), ERROR_INVALID_PARAMETER);
    s.dwSize = sizeof s - 4;
    NRT_EQ(RasGetConnectionStatistics(bogus, &s), ERROR_INVALID_SIZE);
    s.dwSize = 0;
    NRT_EQ(RasGetConnectionStatistics(bogus, &s), ERROR_INVALID_SIZE);
    NRT_EQ(RasClearConnectionStatistics(bogus), ERROR_INVALID_HANDLE);
    NRT_EQ(RasClearConnectionStatistics(NULL), ERROR_INVALID_HANDLE);
}

NRT_TEST(a_hung_up_handle_is_refused)
{
    echo_server srv;
    modem_emu *e = start(&srv, MODEM_EMU_CONNECT);
    HRASCONN h = dial();
    RAS_STATS s = { .dwSize = sizeof s };
    fixture_hang_up_and_check(h, dir);
    NRT_EQ(RasGetConnectionStatistics(h, &s), ERROR_INVALID_HANDLE);
    NRT_EQ(RasClearConnectionStatistics(h), ERROR_INVALID_HANDLE);
    echo_server_stop(&srv);
    modem_emu_stop(e);
}

/* One link, subentry 1: its counters and handle are the connection's. */
NRT_TEST(the_one_link_is_subentry_1)
{
    echo_server srv;
    modem_emu *e = start(&srv, MODEM_EMU_CONNECT);
    HRASCONN h = dial(), sub = NULL, bogus = (HRASCONN)(uintptr_t)0x7777;
    RAS_STATS conn, link = { .dwSize = sizeof link };
    round_trips(3);
    conn = stats_of(h);
    NRT_EQ(RasGetLinkStatistics(h, 1, &link), 0);
    NRT_GE(link.dwFramesXmited, conn.dwFramesXmited);
    NRT_GE(link.dwBytesRcved, conn.dwBytesRcved);
    NRT_EQ(link.dwBps, conn.dwBps);
    NRT_EQ(RasGetLinkStatistics(h, 2, &link), ERROR_NO_MORE_ITEMS);
    NRT_EQ(RasGetLinkStatistics(bogus, 1, &link), ERROR_INVALID_HANDLE);
    NRT_EQ(RasGetSubEntryHandle(h, 1, &sub), 0);
    NRT_TRUE(sub == h);
    NRT_EQ(RasGetSubEntryHandleW(h, 2, &sub), ERROR_NO_MORE_ITEMS);
    NRT_EQ(RasGetSubEntryHandleA(h, 1, NULL), ERROR_INVALID_PARAMETER);
    NRT_EQ(RasGetSubEntryHandleA(bogus, 1, &sub), ERROR_INVALID_HANDLE);
    NRT_EQ(RasClearLinkStatistics(h, 2), ERROR_NO_MORE_ITEMS);
    NRT_EQ(RasClearLinkStatistics(h, 1), 0);
    conn = stats_of(h);
    NRT_LT(conn.dwFramesXmited, link.dwFramesXmited); /* counted again from 0 */
    fixture_hang_up_and_check(h, dir);
    echo_server_stop(&srv);
    modem_emu_stop(e);
}
