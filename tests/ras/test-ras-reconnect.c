/*
 * test-ras-reconnect.c - the phonebook's "reconnect": a connected link
 * lost to a dropped carrier, a server's LCP Terminate-Request or
 * unanswered LCP echoes is redialed on the same handle, RASCN_Disconnection
 * then RASCN_ReConnection signalled, its interface back and usable, the
 * projection and name servers forgotten meanwhile and the new link's after;
 * RasGetConnectStatus follows the redial while the RasDial notifier hears
 * nothing; attempts that all fail end the link with the loss's error and
 * leave the device free; RasHangUp cuts the pause short; without
 * "reconnect" a lost link stays lost.
 *
 * The modem emulator drops the carrier by closing its pty (the dialer's
 * descriptor is hung up) and answers on a fresh one behind the same
 * symbolic link, the device of the phonebook.  In a network namespace of
 * the test's own (root: the TUN interface).
 */
#include "config.h"

#include <net/if.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include <netrouter/ras.h>

#include "cunit-main.h"
#include "dial-fixture.h"

static char dir[] = "/tmp/nr-ras-reconnect.XXXXXX";
NRT_SUITE("ras-reconnect", .tmpdir = dir, .ignore_sigpipe = true, .setup = fixture_private_netns);
static char book[600];

#define AS_EVENT(fd) ((HANDLE)(intptr_t)(fd))
#define ANY_CONNECTION ((HRASCONN)INVALID_HANDLE_VALUE)

/* The emulator behind dir/ttyEMU (answering ATD after dial_delay_ms) and
 * a phonebook whose "Office" has members (JSON members, each followed by
 * ","); UUCP locks in dir. */
static modem_emu *start_modem(const char *members, int dial_delay_ms)
{
    char link[300];
    modem_emu_script script = { .dial = MODEM_EMU_CONNECT, .link_path = link, .dial_delay_ms = dial_delay_ms };
    modem_emu *e;
    snprintf(link, sizeof link, "%s/ttyEMU", dir);
    e = modem_emu_start(&script);
    NRT_NOT_NULL_FATAL(e);
    setenv("NETROUTER_LOCK_DIR", dir, 1);
    fixture_write_entry(dir, "reconnect.json", "Office", modem_emu_path(e), members,
                        "{\"command_ms\": 1000, \"connect_ms\": 8000, \"ppp_ms\": 8000}", book, sizeof book);
    return e;
}

static RASDIALPARAMS office(void)
{
    RASDIALPARAMS p = { .dwSize = sizeof p };
    snprintf(p.szEntryName, sizeof p.szEntryName, "Office");
    return p;
}

static HRASCONN dial(void)
{
    RASDIALPARAMS p = office();
    HRASCONN h = NULL;
    NRT_EQ(RasDial(NULL, book, &p, 0, NULL, &h), 0);
    return h;
}

static int watch(HRASCONN h, DWORD flags)
{
    int efd = eventfd(0, EFD_CLOEXEC);
    NRT_EQ(RasConnectionNotification(h, AS_EVENT(efd), flags), 0);
    return efd;
}

/* The far end goes with the carrier; the emulator answers on a fresh line
 * and a fresh echoing server waits for the redial's call. */
static void drop_carrier(echo_server *srv, modem_emu *e)
{
    echo_server_stop(srv);
    NRT_TRUE_FATAL(modem_emu_drop_carrier(e, MODEM_EMU_CONNECT));
    echo_server_start(srv, e);
}

/* A connected link whose carrier then drops for good (no call to answer:
 * no redial, or none that connects, the emulator answering next); *events
 * watches its RASCN_Disconnection and RASCN_ReConnection and was signalled
 * once, for the loss. */
static HRASCONN lose_the_link(modem_emu *e, modem_emu_dial next, int *events)
{
    echo_server srv;
    HRASCONN h;
    echo_server_start(&srv, e);
    h = dial();
    *events = watch(h, RASCN_Disconnection | RASCN_ReConnection);
    echo_server_stop(&srv);
    NRT_TRUE_FATAL(modem_emu_drop_carrier(e, next));
    NRT_EQ(fixture_wait_signal(*events, 5000), 1);
    return h;
}

/* ---- a dropped carrier ----------------------------------------------------------------------- */

NRT_TEST(a_dropped_carrier_is_redialed_on_the_same_handle)
{
    modem_emu *e = start_modem("\"interface\": \"nrtest0\", \"reconnect\": {\"attempts\": 3, \"pause_ms\": 200},", 0);
    echo_server srv;
    HRASCONN h;
    int lost, back, made, any, dialed;
    uint64_t seen;
    RASCONN conns[2] = { { .dwSize = sizeof(RASCONN) } };
    DWORD cb = sizeof conns, n = 0;
    char name[16] = "";
    RAS_STATS before = { .dwSize = sizeof before }, after = { .dwSize = sizeof after };
    echo_server_start(&srv, e);
    h = dial();
    lost = watch(h, RASCN_Disconnection);
    back = watch(h, RASCN_ReConnection);
    made = watch(h, RASCN_Connection);
    fixture_wait_signal(made, 300); /* the dial's own, signalled a moment after RasDial returned */
    any = watch(ANY_CONNECTION, RASCN_Disconnection | RASCN_ReConnection);
    NRT_TRUE(fixture_udp_round_trip("before the drop"));
    NRT_EQ(RasGetConnectionStatistics(h, &before), 0);
    dialed = fixture_dials(e);
    drop_carrier(&srv, e);
    NRT_EQ(fixture_wait_signal(lost, 5000), 1);
    NRT_EQ(fixture_wait_signal(back, 10000), 1);
    seen = fixture_wait_signal(any, 1000); /* both, on the registration for every connection */
    if (seen < 2)
        seen += fixture_wait_signal(any, 1000); /* the last one a moment after back's */
    NRT_EQ(seen, 2);
    NRT_EQ(fixture_wait_signal(made, 0), 0); /* a redial is not a new connection */
    NRT_EQ(fixture_dials(e), dialed + 1);    /* on the new line */
    NRT_EQ(fixture_status(h).rasconnstate, RASCS_Connected);
    NRT_EQ(fixture_status(h).dwError, 0);
    NRT_EQ(RasEnumConnections(conns, &cb, &n), 0);
    NRT_EQ(n, 1);
    NRT_EQ_PTR(conns[0].hrasconn, h);
    NRT_EQ(nr_ras_get_interface(h, name, sizeof name), 0);
    NRT_EQ_STR(name, "nrtest0");
    NRT_NE(if_nametoindex("nrtest0"), 0);
    NRT_TRUE(fixture_udp_round_trip("after the redial"));
    /* the new link's counters add to the old one's */
    usleep(100 * 1000);
    NRT_EQ(RasGetConnectionStatistics(h, &after), 0);
    NRT_GT(after.dwFramesXmited, before.dwFramesXmited + 1);
    NRT_GT(after.dwConnectDuration, before.dwConnectDuration);
    fixture_hang_up_and_check(h, dir);
    NRT_EQ(fixture_wait_signal(lost, 3000), 1); /* the redialed link ends too */
    NRT_EQ(if_nametoindex("nrtest0"), 0);
    echo_server_stop(&srv);
    modem_emu_stop(e);
    close(lost);
    close(back);
    close(made);
    close(any);
}

NRT_TEST(without_reconnect_a_dropped_carrier_ends_the_link)
{
    modem_emu *e = start_modem("\"interface\": \"ras%d\",", 0);
    int events;
    char detail[256];
    HRASCONN h = lose_the_link(e, MODEM_EMU_CONNECT, &events);
    NRT_EQ(fixture_wait_signal(events, 1500), 0);
    NRT_EQ(fixture_dials(e), 1); /* the first dial only */
    NRT_EQ(fixture_status(h).rasconnstate, RASCS_Disconnected);
    NRT_EQ(fixture_status(h).dwError, ERROR_PORT_DISCONNECTED);
    NRT_EQ(nr_ras_get_error_detail(h, detail, sizeof detail), 0);
    NRT_CONTAINS(detail, "hung up or closed");
    NRT_EQ(fixture_lock_files(dir), 0);
    fixture_hang_up_and_check(h, dir);
    modem_emu_stop(e);
    close(events);
}

NRT_TEST(when_every_redial_fails_the_link_ends_with_the_loss)
{
    modem_emu *e = start_modem("\"interface\": \"ras%d\", \"reconnect\": {\"attempts\": 2, \"pause_ms\": 100},", 0);
    int events;
    HRASCONN h = lose_the_link(e, MODEM_EMU_BUSY, &events);
    for (int i = 0; i < 500 && fixture_dials(e) < 3; i++)
        usleep(10 * 1000);
    NRT_EQ(fixture_dials(e), 3); /* the first dial, then both attempts, the line busy each time */
    NRT_EQ(fixture_wait_signal(events, 1000), 0);
    NRT_EQ(fixture_dials(e), 3);
    NRT_EQ(fixture_status(h).rasconnstate, RASCS_Disconnected);
    NRT_EQ(fixture_status(h).dwError, ERROR_PORT_DISCONNECTED); /* the loss, not the busy line */
    NRT_EQ(fixture_lock_files(dir), 0);                         /* the device is free */
    fixture_hang_up_and_check(h, dir);
    modem_emu_stop(e);
    close(events);
}

NRT_TEST(a_hang_up_during_the_pause_ends_at_once)
{
    modem_emu *e = start_modem("\"reconnect\": {\"attempts\": 3, \"pause_ms\": 20000},", 0);
    int events;
    HRASCONN h = lose_the_link(e, MODEM_EMU_CONNECT, &events);
    NRT_EQ(fixture_status(h).rasconnstate, RASCS_OpenPort); /* a redial is under way */
    NRT_EQ(fixture_status(h).dwError, 0);
    NRT_EQ(fixture_lock_files(dir), 0); /* released during the pause */
    NRT_EQ(RasHangUp(h), 0);
    NRT_LT(fixture_wait_invalid(h, 3000), 2000);
    NRT_EQ(fixture_dials(e), 1); /* no redial */
    NRT_EQ(fixture_wait_signal(events, 200), 0);
    NRT_EQ(fixture_lock_files(dir), 0);
    modem_emu_stop(e);
    close(events);
}

/* The states of the redial are seen, never RASCS_Disconnected nor an
 * error (a program polling the state must not take it for the end), and
 * nothing is announced. */
NRT_TEST(a_redial_shows_its_states_and_announces_nothing)
{
    modem_emu *e = start_modem("\"reconnect\": {\"attempts\": 2, \"pause_ms\": 500},", 800);
    RASDIALPARAMS p = office();
    echo_server srv;
    HRASCONN h = NULL;
    int events, announced;
    bool saw_waiting = false, saw_dialing = false, saw_end = false;
    echo_server_start(&srv, e);
    fixture_rec_reset();
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 1, (void *)fixture_rec_func1, &h), 0);
    NRT_TRUE_FATAL(fixture_rec_wait_for(h, RASCS_Connected, 0, 10000));
    announced = fixture_rec_count();
    events = watch(h, RASCN_ReConnection);
    drop_carrier(&srv, e);
    for (int i = 0; i < 1000 && !fixture_wait_signal(events, 10); i++) {
        RASCONNSTATUS st = fixture_status(h);
        saw_waiting |= st.rasconnstate == RASCS_OpenPort && st.dwError == 0;
        saw_dialing |= st.rasconnstate == RASCS_ConnectDevice && st.dwError == 0;
        saw_end |= st.rasconnstate == RASCS_Disconnected || st.dwError != 0;
        if (st.rasconnstate == RASCS_Connected && saw_dialing)
            break;
    }
    NRT_TRUE(saw_waiting);
    NRT_TRUE(saw_dialing);
    NRT_FALSE(saw_end);
    NRT_EQ(fixture_status(h).rasconnstate, RASCS_Connected);
    usleep(200 * 1000);
    NRT_EQ(fixture_rec_count(), announced); /* nothing after RASCS_Connected */
    fixture_hang_up_and_check(h, dir);
    echo_server_stop(&srv);
    modem_emu_stop(e);
    close(events);
}

/* ---- the server ends the link ---------------------------------------------------------------- */

/* The emulator goes back to commands on the same line (the server hung
 * up after its Terminate-Request) and a fresh peer takes the next call. */
NRT_TEST(a_server_terminate_is_redialed)
{
    modem_emu *e = start_modem("\"reconnect\": {\"attempts\": 3, \"pause_ms\": 1000},", 0);
    RASPPPIP ip = { .dwSize = sizeof ip };
    DWORD cb = sizeof ip;
    char dns[32];
    peer pr;
    HRASCONN h;
    int lost, back;
    peer_start(&pr, e);
    h = dial();
    NRT_EQ(nr_ras_get_nameservers(h, dns, sizeof dns), 0);
    NRT_EQ_STR(dns, "10.0.2.3");
    lost = watch(h, RASCN_Disconnection);
    back = watch(h, RASCN_ReConnection);
    peer_drop_link(&pr);
    NRT_EQ(fixture_wait_signal(lost, 8000), 1);
    NRT_EQ(fixture_status(h).rasconnstate, RASCS_OpenPort);
    NRT_EQ(RasGetProjectionInfo(h, RASP_PppIp, &ip, &cb), ERROR_PROJECTION_NOT_COMPLETE);
    NRT_EQ(nr_ras_get_nameservers(h, dns, sizeof dns), 0);
    NRT_EQ_STR(dns, ""); /* forgotten with the lost link */
    peer_stop(&pr);
    NRT_TRUE_FATAL(modem_emu_hang_up(e));
    peer_start_dns(&pr, e, 0x0a000204, 0); /* the new link's server hands out 10.0.2.4 */
    NRT_EQ(fixture_wait_signal(back, 10000), 1);
    NRT_EQ(fixture_status(h).rasconnstate, RASCS_Connected);
    NRT_EQ(RasGetProjectionInfo(h, RASP_PppIp, &ip, &cb), 0);
    NRT_EQ_STR(ip.szIpAddress, "10.0.2.15");
    NRT_EQ(nr_ras_get_nameservers(h, dns, sizeof dns), 0);
    NRT_EQ_STR(dns, "10.0.2.4");
    NRT_EQ(fixture_dials(e), 2);
    fixture_hang_up_and_check(h, dir);
    peer_stop(&pr);
    modem_emu_stop(e);
    close(lost);
    close(back);
}

static void silence_echoes(nr_test_peer *p, void *ctx)
{
    (void)ctx;
    p->udp_echo = true;
    p->echo_silent = true;
}

/* The server stops answering LCP echoes (its end of the call is gone). */
NRT_TEST(unanswered_lcp_echoes_are_redialed)
{
    modem_emu *e = start_modem("\"ppp\": {\"lcp_echo_interval\": 1, \"lcp_echo_failures\": 2},"
                               " \"reconnect\": {\"attempts\": 3, \"pause_ms\": 1000},",
                               0);
    echo_server srv = { .emu = e };
    HRASCONN h;
    int lost, back;
    srv.t = (nr_test_peer_thread){ .get_fd = fixture_line_after_connect, .line = e, .setup = silence_echoes };
    NRT_EQ_FATAL(nr_test_peer_thread_start(&srv.t), 0);
    h = dial();
    lost = watch(h, RASCN_Disconnection);
    back = watch(h, RASCN_ReConnection);
    NRT_EQ(fixture_wait_signal(lost, 8000), 1);
    NRT_EQ(fixture_status(h).rasconnstate, RASCS_OpenPort);
    echo_server_stop(&srv);
    NRT_TRUE_FATAL(modem_emu_hang_up(e));
    echo_server_start(&srv, e); /* one that answers */
    NRT_EQ(fixture_wait_signal(back, 10000), 1);
    NRT_EQ(fixture_status(h).rasconnstate, RASCS_Connected);
    NRT_EQ(fixture_dials(e), 2);
    fixture_hang_up_and_check(h, dir);
    echo_server_stop(&srv);
    modem_emu_stop(e);
    close(lost);
    close(back);
}

NRT_TEST(reconnection_is_a_flag_of_its_own)
{
    int efd = eventfd(0, EFD_CLOEXEC);
    NRT_EQ(RasConnectionNotification(ANY_CONNECTION, AS_EVENT(efd), RASCN_ReConnection), 0);
    NRT_EQ(RasConnectionNotification(ANY_CONNECTION, AS_EVENT(efd), 0x10 /* RASCN_Dormant */),
           ERROR_INVALID_PARAMETER);
    NRT_EQ(RasConnectionNotification(ANY_CONNECTION, AS_EVENT(efd), RASCN_ReConnection | 0x40),
           ERROR_INVALID_PARAMETER);
    close(efd);
}
