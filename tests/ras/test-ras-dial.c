/*
 * test-ras-dial.c - RasDial and friends against the modem emulator on a
 * real pseudo-terminal: the state sequence of every notifier kind, errors
 * announced for the state they belong to, hang-up in any state (from
 * another thread and from inside a handler), what handlers may and may not
 * call, concurrent dials on two devices, the port released after every
 * dial, and no copy of the password kept once connected but the PPP
 * layer's.
 */
#include "config.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <netrouter/ras.h>

#include "cunit-main.h"
#include "dial-fixture.h"

static char dir[] = "/tmp/nr-ras-dial.XXXXXX";
NRT_SUITE("ras-dial", .tmpdir = dir, .ignore_sigpipe = true);
static char book[600];

/* ---- recorded notifications --------------------------------------------------- */

/* What a handler does besides recording, per test. */
static enum { ACT_NONE, ACT_HANGUP_AT_PORTOPENED, ACT_CALL_API, ACT_CALL_ENTRIES_AND_TEXTS } action;
static HRASCONN act_handle;
static DWORD act_rasdial_rc, act_status_rc, act_enum_rc, act_enum_count, act_wait_rc;
static DWORD act_probe_rc, act_probe_cb, act_entries_rc, act_entries_count, act_text_rc, act_small_text_rc;
static char act_entry_names[2][RAS_MaxEntryName + 1], act_text[256];

static void handler_work(HRASCONN h, RASCONNSTATE state)
{
    if (action == ACT_HANGUP_AT_PORTOPENED && state == RASCS_PortOpened) {
        RasHangUp(h);
    } else if (action == ACT_CALL_API && state == RASCS_PortOpened) {
        RASDIALPARAMS p = { .dwSize = sizeof p };
        HRASCONN h2 = NULL;
        RASCONNSTATUS st = { .dwSize = sizeof st };
        RASCONN conns[4] = { { .dwSize = sizeof(RASCONN) } };
        DWORD cb = sizeof conns;
        snprintf(p.szEntryName, sizeof p.szEntryName, "Test");
        act_handle = h;
        act_rasdial_rc = RasDial(NULL, book, &p, 0, NULL, &h2);
        act_status_rc = RasGetConnectStatus(h, &st);
        act_enum_rc = RasEnumConnections(conns, &cb, &act_enum_count);
        act_wait_rc = nr_ras_hang_up_wait(h, 100); /* its own handler: refused, nothing done */
    } else if (action == ACT_CALL_ENTRIES_AND_TEXTS && state == RASCS_PortOpened) {
        RASENTRYNAME names[2] = { { .dwSize = sizeof(RASENTRYNAME) } };
        DWORD cb = 0, n = 0;
        char small[4];
        act_probe_rc = RasEnumEntries(NULL, book, NULL, &cb, &n);
        act_probe_cb = cb;
        cb = sizeof names;
        act_entries_rc = RasEnumEntries(NULL, book, names, &cb, &act_entries_count);
        snprintf(act_entry_names[0], sizeof act_entry_names[0], "%s", names[0].szEntryName);
        snprintf(act_entry_names[1], sizeof act_entry_names[1], "%s", names[1].szEntryName);
        act_text_rc = RasGetErrorString(ERROR_LINE_BUSY, act_text, sizeof act_text);
        act_small_text_rc = RasGetErrorString(ERROR_LINE_BUSY, small, sizeof small);
    }
}

static void on_func0(UINT msg, RASCONNSTATE state, DWORD error)
{
    (void)msg;
    fixture_rec_add(NULL, state, error, 0); /* a RasDialFunc is told no handle */
}

static void on_func1(HRASCONN h, UINT msg, RASCONNSTATE state, DWORD error, DWORD ext)
{
    (void)msg;
    handler_work(h, state);
    fixture_rec_add(h, state, error, ext);
}

static DWORD func2_stop_after = 0; /* 0: never stop */
static DWORD on_func2(ULONG_PTR id, DWORD sub, HRASCONN h, UINT msg, RASCONNSTATE state, DWORD error, DWORD ext)
{
    (void)id;
    (void)sub;
    on_func1(h, msg, state, error, ext);
    return func2_stop_after && (DWORD)fixture_rec_count() >= func2_stop_after ? 0 : 1;
}

/* ---- the emulator and the phonebook ----------------------------------------------- */

static modem_emu *start_modem(modem_emu_dial answer, int dial_delay_ms)
{
    modem_emu *e = fixture_start_modem(dir, answer, dial_delay_ms, book, sizeof book);
    fixture_rec_reset();
    action = ACT_NONE;
    func2_stop_after = 0;
    return e;
}

static RASDIALPARAMS params_for(const char *entry)
{
    RASDIALPARAMS p = { .dwSize = sizeof p };
    snprintf(p.szEntryName, sizeof p.szEntryName, "%s", entry);
    return p;
}

static long wait_invalid(HRASCONN h, int ms)
{
    return fixture_wait_invalid(h, ms);
}

static int lock_files(void)
{
    return fixture_lock_files(dir);
}

static void hang_up_and_check_release(HRASCONN h)
{
    NRT_EQ(RasHangUp(h), 0);
    NRT_LT(wait_invalid(h, 3000), 3000);
    NRT_EQ(lock_files(), 0);
}

/* ---- tests ------------------------------------------------------------------------ */

NRT_TEST(sync_dial_returns_the_error_and_a_handle)
{
    modem_emu *e = start_modem(MODEM_EMU_BUSY, 0);
    RASDIALPARAMS p = params_for("Test");
    HRASCONN h = NULL;
    RASCONNSTATUS st = { .dwSize = sizeof st };
    NRT_EQ(RasDial(NULL, book, &p, 0, NULL, &h), ERROR_LINE_BUSY);
    NRT_NOT_NULL_FATAL(h);
    NRT_EQ(RasGetConnectStatus(h, &st), 0);
    NRT_EQ(st.rasconnstate, RASCS_ConnectDevice);
    NRT_EQ(st.dwError, ERROR_LINE_BUSY);
    NRT_EQ_STR(st.szDeviceType, "modem");
    NRT_EQ_STR(st.szPhoneNumber, "5551234");
    NRT_EQ(fixture_rec_count(), 0); /* a synchronous dial notifies nobody */
    hang_up_and_check_release(h);
    modem_emu_stop(e);
}

NRT_TEST(async_failure_is_announced_for_its_state)
{
    modem_emu *e = start_modem(MODEM_EMU_NO_CARRIER, 0);
    RASDIALPARAMS p = params_for("Test");
    HRASCONN h = NULL;
    NRT_EQ(RasDial(NULL, book, &p, 1, (void *)on_func1, &h), 0);
    NRT_NOT_NULL_FATAL(h);
    NRT_TRUE(fixture_rec_wait_done(NULL, 5000));
    NRT_EQ_STR(fixture_rec_text(NULL), "0:0 1:0 2:0 2:679");
    hang_up_and_check_release(h);
    modem_emu_stop(e);
}

NRT_TEST(missing_device_fails_in_open_port)
{
    modem_emu *e = start_modem(MODEM_EMU_CONNECT, 0);
    RASDIALPARAMS p = params_for("Gone");
    HRASCONN h = NULL;
    NRT_EQ(RasDial(NULL, book, &p, 1, (void *)on_func1, &h), 0);
    NRT_TRUE(fixture_rec_wait_done(NULL, 3000));
    NRT_EQ_STR(fixture_rec_text(NULL), "0:0 0:608");
    hang_up_and_check_release(h);
    modem_emu_stop(e);
}

NRT_TEST(modem_error_carries_the_extended_error)
{
    modem_emu *e = start_modem(MODEM_EMU_CME_ERROR, 0);
    RASDIALPARAMS p = params_for("Test");
    HRASCONN h = NULL;
    NRT_EQ(RasDial(NULL, book, &p, 1, (void *)on_func1, &h), 0);
    NRT_TRUE(fixture_rec_wait_done(NULL, 3000));
    NRT_EQ_STR(fixture_rec_text(NULL), "0:0 1:0 2:0 2:651");
    NRT_EQ(fixture_rec_ext(3), 30);
    hang_up_and_check_release(h);
    modem_emu_stop(e);
}

NRT_TEST(busy_is_redialed_as_the_entry_says)
{
    modem_emu *e = start_modem(MODEM_EMU_BUSY, 0);
    RASDIALPARAMS p = params_for("Test");
    HRASCONN h = NULL;
    char cmd[128];
    int dials = 0;
    NRT_EQ(RasDial(NULL, book, &p, 0, NULL, &h), ERROR_LINE_BUSY);
    for (size_t i = 0; i < modem_emu_ncommands(e); i++)
        if (modem_emu_command(e, i, cmd, sizeof cmd) && !strncmp(cmd, "ATD", 3))
            dials++;
    NRT_EQ(dials, 3); /* the first call and "attempts": 2 more */
    hang_up_and_check_release(h);
    modem_emu_stop(e);
}

NRT_TEST(every_notifier_kind_sees_the_same_sequence)
{
    static const DWORD types[] = { 0, 1, 2 };
    void *fns[] = { (void *)on_func0, (void *)on_func1, (void *)on_func2 };
    for (int k = 0; k < 3; k++) {
        modem_emu *e = start_modem(MODEM_EMU_BUSY, 0);
        RASDIALPARAMS p = params_for("Test");
        HRASCONN h = NULL;
        p.dwCallbackId = 42;
        NRT_EQ(RasDial(NULL, book, &p, types[k], fns[k], &h), 0);
        NRT_TRUE(fixture_rec_wait_done(NULL, 5000));
        NRT_EQ_STR(fixture_rec_text(NULL), "0:0 1:0 2:0 2:676");
        hang_up_and_check_release(h);
        modem_emu_stop(e);
    }
}

NRT_TEST(fd_notifier_receives_one_record_per_notification)
{
    modem_emu *e = start_modem(MODEM_EMU_BUSY, 0);
    RASDIALPARAMS p = params_for("Test");
    HRASCONN h = NULL;
    int fds[2];
    NR_RASDIALEVENT ev[8];
    ssize_t got = 0;
    NRT_EQ_FATAL(pipe(fds), 0);
    NRT_EQ(RasDial(NULL, book, &p, NR_RAS_NOTIFIER_FD, &fds[1], &h), 0);
    while (got < (ssize_t)(4 * sizeof ev[0])) {
        ssize_t r = read(fds[0], (char *)ev + got, sizeof ev - (size_t)got);
        if (r <= 0)
            break;
        got += r;
    }
    NRT_EQ(got, (ssize_t)(4 * sizeof ev[0]));
    NRT_EQ(ev[0].rasconnstate, RASCS_OpenPort);
    NRT_EQ(ev[3].rasconnstate, RASCS_ConnectDevice);
    NRT_EQ(ev[3].dwError, ERROR_LINE_BUSY);
    NRT_EQ(ev[3].hrasconn, (uint64_t)(uintptr_t)h);
    hang_up_and_check_release(h);
    close(fds[0]);
    close(fds[1]);
    modem_emu_stop(e);
}

NRT_TEST(func2_returning_zero_stops_notifications)
{
    modem_emu *e = start_modem(MODEM_EMU_BUSY, 0);
    RASDIALPARAMS p = params_for("Test");
    HRASCONN h = NULL;
    func2_stop_after = 2;
    NRT_EQ(RasDial(NULL, book, &p, 2, (void *)on_func2, &h), 0);
    NRT_FALSE(fixture_rec_wait_done(NULL, 1500)); /* the failure is never announced */
    NRT_EQ_STR(fixture_rec_text(NULL), "0:0 1:0");
    hang_up_and_check_release(h);
    modem_emu_stop(e);
}

NRT_TEST(hangup_during_a_dial_is_quick_and_releases_the_port)
{
    modem_emu *e = start_modem(MODEM_EMU_CONNECT, 5000);
    RASDIALPARAMS p = params_for("Test");
    HRASCONN h = NULL;
    struct timespec a, b;
    NRT_EQ(RasDial(NULL, book, &p, 1, (void *)on_func1, &h), 0);
    usleep(300 * 1000); /* in ConnectDevice: the emulator takes 5 s to answer */
    NRT_EQ_STR(fixture_rec_text(NULL), "0:0 1:0 2:0");
    clock_gettime(CLOCK_MONOTONIC, &a);
    NRT_EQ(RasHangUp(h), 0);
    clock_gettime(CLOCK_MONOTONIC, &b);
    NRT_LT((b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000, 100);
    NRT_LT(wait_invalid(h, 2000), 2000);
    NRT_EQ(lock_files(), 0);
    NRT_EQ_STR(fixture_rec_text(NULL), "0:0 1:0 2:0"); /* nothing after RasHangUp */
    modem_emu_stop(e);
}

NRT_TEST(hangup_inside_a_handler_takes_effect_when_it_returns)
{
    modem_emu *e = start_modem(MODEM_EMU_BUSY, 0);
    RASDIALPARAMS p = params_for("Test");
    HRASCONN h = NULL;
    action = ACT_HANGUP_AT_PORTOPENED;
    NRT_EQ(RasDial(NULL, book, &p, 1, (void *)on_func1, &h), 0);
    NRT_LT(wait_invalid(h, 3000), 3000);
    NRT_EQ_STR(fixture_rec_text(NULL), "0:0 1:0");
    NRT_EQ(lock_files(), 0);
    modem_emu_stop(e);
}

NRT_TEST(handlers_may_query_but_not_dial)
{
    modem_emu *e = start_modem(MODEM_EMU_BUSY, 0);
    RASDIALPARAMS p = params_for("Test");
    HRASCONN h = NULL;
    action = ACT_CALL_API;
    NRT_EQ(RasDial(NULL, book, &p, 1, (void *)on_func1, &h), 0);
    NRT_TRUE(fixture_rec_wait_done(NULL, 5000));
    NRT_EQ(act_rasdial_rc, ERROR_POSSIBLE_DEADLOCK);
    NRT_EQ(act_status_rc, 0);
    NRT_EQ(act_enum_rc, 0);
    NRT_EQ(act_enum_count, 1);
    NRT_EQ(act_wait_rc, ERROR_POSSIBLE_DEADLOCK);
    NRT_EQ_PTR(act_handle, h);
    hang_up_and_check_release(h);
    modem_emu_stop(e);
}

NRT_TEST(handlers_may_enumerate_entries_and_get_error_strings)
{
    modem_emu *e = start_modem(MODEM_EMU_BUSY, 0);
    RASDIALPARAMS p = params_for("Test");
    HRASCONN h = NULL;
    action = ACT_CALL_ENTRIES_AND_TEXTS;
    NRT_EQ(RasDial(NULL, book, &p, 1, (void *)on_func1, &h), 0);
    NRT_TRUE(fixture_rec_wait_done(NULL, 5000));
    NRT_EQ_STR(fixture_rec_text(NULL), "0:0 1:0 2:0 2:676"); /* the dial went on as usual */
    NRT_EQ(act_probe_rc, ERROR_BUFFER_TOO_SMALL);
    NRT_EQ(act_probe_cb, 2 * sizeof(RASENTRYNAME));
    NRT_EQ(act_entries_rc, 0);
    NRT_EQ(act_entries_count, 2);
    NRT_EQ_STR(act_entry_names[0], "Test");
    NRT_EQ_STR(act_entry_names[1], "Gone");
    NRT_EQ(act_text_rc, 0);
    NRT_EQ_STR(act_text, "The phone line is busy.");
    NRT_EQ(act_small_text_rc, ERROR_INSUFFICIENT_BUFFER);
    hang_up_and_check_release(h);
    modem_emu_stop(e);
}

NRT_TEST(enum_connections_lists_live_dials_until_hung_up)
{
    modem_emu *e = start_modem(MODEM_EMU_BUSY, 0);
    RASDIALPARAMS p = params_for("Test");
    HRASCONN h = NULL;
    RASCONN conns[2] = { { .dwSize = sizeof(RASCONN) } };
    DWORD cb = 0, n = 0;
    NRT_EQ(RasDial(NULL, book, &p, 0, NULL, &h), ERROR_LINE_BUSY);
    NRT_EQ(RasEnumConnections(NULL, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    NRT_EQ(n, 1);
    NRT_EQ(cb, sizeof(RASCONN));
    cb = sizeof conns;
    NRT_EQ(RasEnumConnections(conns, &cb, &n), 0);
    NRT_EQ_PTR(conns[0].hrasconn, h);
    NRT_EQ_STR(conns[0].szEntryName, "Test");
    NRT_EQ_STR(conns[0].szPhonebook, book);
    hang_up_and_check_release(h);
    cb = sizeof conns;
    NRT_EQ(RasEnumConnections(conns, &cb, &n), 0);
    NRT_EQ(n, 0);
    modem_emu_stop(e);
}

NRT_TEST(enum_connections_lists_more_than_64)
{
    enum { N = 70 };
    modem_emu *e = start_modem(MODEM_EMU_BUSY, 0);
    HRASCONN h[N];
    RASCONN *conns = calloc(N, sizeof *conns);
    DWORD cb = N * sizeof *conns, n = 0;
    NRT_NOT_NULL_FATAL(conns);
    for (int i = 0; i < N; i++) {
        RASDIALPARAMS p = params_for("Test");
        h[i] = NULL;
        NRT_EQ(RasDial(NULL, book, &p, 0, NULL, &h[i]), ERROR_LINE_BUSY); /* kept, not hung up */
    }
    conns[0].dwSize = sizeof *conns;
    NRT_EQ(RasEnumConnections(conns, &cb, &n), 0);
    NRT_EQ(n, N);
    for (int i = 0; i < N; i++) {
        NRT_EQ_PTR(conns[i].hrasconn, h[i]); /* oldest first */
        NRT_EQ_STR(conns[i].szEntryName, "Test");
    }
    for (int i = 0; i < N; i++)
        NRT_EQ(nr_ras_hang_up_wait(h[i], 3000), 0);
    free(conns);
    modem_emu_stop(e);
}

NRT_TEST(hang_up_wait_releases_the_port_before_it_returns)
{
    modem_emu *e = start_modem(MODEM_EMU_BUSY, 0);
    RASDIALPARAMS p = params_for("Test");
    HRASCONN h = NULL;
    RASCONNSTATUS st = { .dwSize = sizeof st };
    NRT_EQ(RasDial(NULL, book, &p, 0, NULL, &h), ERROR_LINE_BUSY);
    NRT_EQ(nr_ras_hang_up_wait(h, 3000), 0);
    NRT_EQ(RasGetConnectStatus(h, &st), ERROR_INVALID_HANDLE);
    NRT_EQ(lock_files(), 0);
    NRT_EQ(nr_ras_hang_up_wait(h, 3000), ERROR_INVALID_HANDLE);
    modem_emu_stop(e);
}

NRT_TEST(hang_up_wait_ends_a_slow_dial_quickly)
{
    modem_emu *e = start_modem(MODEM_EMU_CONNECT, 5000);
    RASDIALPARAMS p = params_for("Test");
    HRASCONN h = NULL;
    struct timespec a, b;
    NRT_EQ(RasDial(NULL, book, &p, 1, (void *)on_func1, &h), 0);
    usleep(300 * 1000); /* in ConnectDevice: the emulator takes 5 s to answer */
    clock_gettime(CLOCK_MONOTONIC, &a);
    NRT_EQ(nr_ras_hang_up_wait(h, 3000), 0);
    clock_gettime(CLOCK_MONOTONIC, &b);
    NRT_LT((b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000, 2000);
    NRT_EQ(lock_files(), 0);
    modem_emu_stop(e);
}

NRT_TEST(projection_before_projected_is_not_complete)
{
    modem_emu *e = start_modem(MODEM_EMU_BUSY, 0);
    RASDIALPARAMS p = params_for("Test");
    HRASCONN h = NULL;
    RASPPPIP ip = { .dwSize = sizeof ip };
    DWORD cb = sizeof ip;
    NRT_EQ(RasDial(NULL, book, &p, 0, NULL, &h), ERROR_LINE_BUSY);
    NRT_EQ(RasGetProjectionInfo(h, RASP_PppIp, &ip, &cb), ERROR_PROJECTION_NOT_COMPLETE);
    hang_up_and_check_release(h);
    modem_emu_stop(e);
}

NRT_TEST(bad_requests_get_no_handle)
{
    modem_emu *e = start_modem(MODEM_EMU_BUSY, 0);
    RASDIALPARAMS p = params_for("Nobody");
    HRASCONN h = NULL;
    NRT_EQ(RasDial(NULL, book, &p, 0, NULL, &h), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    NRT_NULL(h);
    p = params_for("Test");
    p.dwSize = 12;
    NRT_EQ(RasDial(NULL, book, &p, 0, NULL, &h), ERROR_INVALID_SIZE);
    p.dwSize = sizeof p;
    NRT_EQ(RasDial(NULL, book, &p, 7, (void *)on_func1, &h), ERROR_INVALID_PARAMETER);
    NRT_NULL(h);
    NRT_EQ(RasDial(NULL, book, &p, 0, NULL, NULL), ERROR_INVALID_PARAMETER);
    NRT_EQ(RasHangUp((HRASCONN)(uintptr_t)0x7777777), ERROR_INVALID_HANDLE);
    modem_emu_stop(e);
}

NRT_TEST(port_is_reusable_at_once_after_a_dial)
{
    modem_emu *e = start_modem(MODEM_EMU_BUSY, 0);
    for (int i = 0; i < 3; i++) {
        RASDIALPARAMS p = params_for("Test");
        HRASCONN h = NULL;
        NRT_EQ(RasDial(NULL, book, &p, 0, NULL, &h), ERROR_LINE_BUSY);
        hang_up_and_check_release(h);
    }
    modem_emu_stop(e);
}

/* ---- through to Connected, with the PPP peer of dial-fixture.c --------------------------- */

static const char all_states[] = "0:0 1:0 2:0 3:0 4:0 5:0 14:0 10:0 18:0 8192:0";

NRT_TEST(dial_reaches_connected_through_every_state)
{
    modem_emu *e = start_modem(MODEM_EMU_CONNECT, 0);
    RASDIALPARAMS p = params_for("Test");
    HRASCONN h = NULL;
    RASCONNSTATUS st = { .dwSize = sizeof st };
    peer pr;
    peer_start(&pr, e);
    NRT_EQ(RasDial(NULL, book, &p, 1, (void *)on_func1, &h), 0);
    NRT_TRUE(fixture_rec_wait_done(NULL, 10000));
    NRT_EQ_STR(fixture_rec_text(NULL), all_states);
    NRT_EQ(RasGetConnectStatus(h, &st), 0);
    NRT_EQ(st.rasconnstate, RASCS_Connected);
    NRT_EQ(st.dwError, 0);
    hang_up_and_check_release(h);
    peer_stop(&pr);
    modem_emu_stop(e);
}

NRT_TEST(projection_reports_both_addresses_and_no_authentication)
{
    modem_emu *e = start_modem(MODEM_EMU_CONNECT, 0);
    RASDIALPARAMS p = params_for("Test");
    HRASCONN h = NULL;
    RASPPPIP ip = { .dwSize = sizeof ip };
    RASPPPLCP lcp = { .dwSize = sizeof lcp };
    DWORD cb = 0;
    peer pr;
    peer_start(&pr, e);
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 0, NULL, &h), 0); /* synchronous */
    NRT_EQ(RasGetProjectionInfo(h, RASP_PppIp, NULL, &cb), ERROR_BUFFER_TOO_SMALL);
    NRT_EQ(cb, sizeof ip);
    NRT_EQ(RasGetProjectionInfo(h, RASP_PppIp, &ip, &cb), 0);
    NRT_EQ_STR(ip.szIpAddress, "10.0.2.15");
    NRT_EQ_STR(ip.szServerIpAddress, "10.0.2.2");
    cb = sizeof lcp;
    NRT_EQ(RasGetProjectionInfo(h, RASP_PppLcp, &lcp, &cb), 0);
    NRT_EQ(lcp.dwAuthenticationProtocol, 0);
    hang_up_and_check_release(h);
    peer_stop(&pr);
    modem_emu_stop(e);
}

NRT_TEST(hangup_of_a_connected_link_releases_the_port)
{
    modem_emu *e = start_modem(MODEM_EMU_CONNECT, 0);
    RASDIALPARAMS p = params_for("Test");
    HRASCONN h = NULL;
    peer pr;
    peer_start(&pr, e);
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 0, NULL, &h), 0);
    usleep(200 * 1000); /* the link is served in the background */
    hang_up_and_check_release(h);
    peer_stop(&pr);
    modem_emu_stop(e);
}

/* The needle of copies_in_memory is kept masked (each byte xor MASK), so
 * that the search itself holds no copy of what it looks for. */
#define MASK 0x5a

/* Counts the masked needle (len bytes) in [lo, hi) of the process's memory,
 * read through mem into buf (size bytes); the caller keeps buf itself out
 * of the range. */
static int count_in(int mem, unsigned long lo, unsigned long hi, const unsigned char *masked, size_t len, char *buf,
                    size_t size)
{
    int found = 0;
    for (unsigned long at = lo; at < hi;) {
        size_t want = hi - at < size ? hi - at : size;
        ssize_t n = pread(mem, buf, want, (off_t)at);
        if (n <= 0)
            break;
        for (ssize_t i = 0; i + (ssize_t)len <= n; i++) {
            size_t k = 0;
            while (k < len && ((unsigned char)buf[i + (ssize_t)k] ^ MASK) == masked[k])
                k++;
            found += k == len;
        }
        /* the next read overlaps this one by len - 1 bytes: a copy across
         * the two is seen once */
        at += (size_t)n > len ? (size_t)n - len + 1 : (size_t)n;
    }
    return found;
}

/* How many times the text masked (len bytes, each xor MASK) occurs in the
 * writable memory of the process (heap, stacks, data), read through
 * /proc/self/mem into a buffer of its own that is left out of the count. */
static int copies_in_memory(const unsigned char *masked, size_t len)
{
    const size_t size = 1 << 16;
    char *buf = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    unsigned long b0 = (unsigned long)buf, b1 = b0 + size;
    FILE *maps = fopen("/proc/self/maps", "r");
    int mem = open("/proc/self/mem", O_RDONLY | O_CLOEXEC), found = 0;
    char line[512];
    NRT_TRUE_FATAL(buf != MAP_FAILED && maps != NULL && mem >= 0);
    while (fgets(line, sizeof line, maps)) {
        unsigned long lo, hi;
        char perms[8];
        if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perms) != 3 || perms[0] != 'r' || perms[1] != 'w' ||
            strstr(line, "[vvar") || hi - lo > (1ul << 30)) /* a sanitizer's shadow, not data */
            continue;
        if (b0 >= lo && b1 <= hi) { /* around the buffer */
            found += count_in(mem, lo, b0, masked, len, buf, size);
            found += count_in(mem, b1, hi, masked, len, buf, size);
        } else {
            found += count_in(mem, lo, hi, masked, len, buf, size);
        }
    }
    fclose(maps);
    close(mem);
    explicit_bzero(buf, size);
    munmap(buf, size);
    return found;
}

NRT_TEST(a_connected_dial_keeps_only_the_links_copy_of_the_password)
{
    modem_emu *e = start_modem(MODEM_EMU_CONNECT, 0);
    RASDIALPARAMS p = params_for("Test");
    RASCONNSTATUS st = { .dwSize = sizeof st };
    HRASCONN h = NULL;
    unsigned char masked[32];
    size_t len = 0;
    int copies = -1;
    /* In this process, the PPP layer keeps one copy, which a CHAP
     * re-challenge needs for the life of the link; through the connection
     * service that copy is the service's, and none stays here. */
    int expected = nr_ras_get_engine() == NR_RAS_ENGINE_IN_PROCESS ? 1 : 0;
    peer pr;
    peer_start(&pr, e);
    /* A password of this run ("Wipe-PID-Me"), written straight into the
     * parameters, byte by byte (no formatting function leaves a copy on
     * the stack); the test keeps it masked only. */
    for (const char *c = "Wipe-"; *c; c++)
        p.szPassword[len++] = *c;
    for (unsigned pid = (unsigned)getpid(); pid; pid /= 10)
        p.szPassword[len++] = (char)('0' + pid % 10);
    for (const char *c = "-Me"; *c; c++)
        p.szPassword[len++] = *c;
    for (size_t i = 0; i < len; i++)
        masked[i] = (unsigned char)p.szPassword[i] ^ MASK;
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 0, NULL, &h), 0);
    explicit_bzero(&p, sizeof p); /* the caller's copy, as an application should */
    /* The dialing engine's own copy goes once connected. */
    for (int i = 0; i < 100 && copies != expected; i++) {
        copies = copies_in_memory(masked, len);
        if (copies != expected)
            usleep(20 * 1000);
    }
    NRT_EQ(RasGetConnectStatus(h, &st), 0);
    NRT_EQ(st.rasconnstate, RASCS_Connected); /* the link, and its copy, are alive */
    NRT_EQ(copies, expected);
    hang_up_and_check_release(h);
    /* and none once hung up */
    NRT_EQ(copies_in_memory(masked, len), 0);
    peer_stop(&pr);
    modem_emu_stop(e);
}

/* Reads the NR_RASDIALEVENT records of fd until RASCS_Connected or an error
 * (at most ms); the announced sequence, as fixture_rec_text(NULL) writes it. */
static const char *fd_events_until_done(int fd, int ms, char *text, size_t size)
{
    size_t used = 0;
    text[0] = '\0';
    for (;;) {
        struct pollfd pf = { .fd = fd, .events = POLLIN };
        NR_RASDIALEVENT ev;
        if (poll(&pf, 1, ms) != 1 || read(fd, &ev, sizeof ev) != (ssize_t)sizeof ev)
            return text;
        used += (size_t)snprintf(text + used, size - used, "%s%d:%u", used ? " " : "", (int)ev.rasconnstate,
                                 (unsigned)ev.dwError);
        if (ev.dwError || ev.rasconnstate == RASCS_Connected || used >= size)
            return text;
    }
}

NRT_TEST(concurrent_dials_on_two_devices_are_independent)
{
    modem_emu *e1 = start_modem(MODEM_EMU_CONNECT, 0);
    modem_emu_script s2 = { .dial = MODEM_EMU_CONNECT };
    modem_emu *e2 = modem_emu_start(&s2);
    char dir2[700], book2[600], text1[256], text2[256];
    RASDIALPARAMS p = params_for("Test");
    HRASCONN h1 = NULL, h2 = NULL;
    RASCONN conns[3] = { { .dwSize = sizeof(RASCONN) } };
    RASCONNSTATUS st = { .dwSize = sizeof st };
    DWORD cb = sizeof conns, n = 0;
    int f1[2], f2[2];
    peer pr1, pr2;
    NRT_NOT_NULL_FATAL(e2);
    snprintf(dir2, sizeof dir2, "%s/second", dir);
    NRT_EQ_FATAL(mkdir(dir2, 0700), 0);
    fixture_write_phonebook(dir2, modem_emu_path(e2), book2, sizeof book2); /* "Test" on the second device */
    NRT_EQ_FATAL(pipe(f1), 0);
    NRT_EQ_FATAL(pipe(f2), 0);
    peer_start(&pr1, e1);
    peer_start(&pr2, e2);

    NRT_EQ_FATAL(RasDial(NULL, book, &p, NR_RAS_NOTIFIER_FD, &f1[1], &h1), 0);
    NRT_EQ_FATAL(RasDial(NULL, book2, &p, NR_RAS_NOTIFIER_FD, &f2[1], &h2), 0);
    NRT_EQ_STR(fd_events_until_done(f1[0], 15000, text1, sizeof text1), all_states);
    NRT_EQ_STR(fd_events_until_done(f2[0], 15000, text2, sizeof text2), all_states);

    NRT_EQ(RasEnumConnections(conns, &cb, &n), 0);
    NRT_EQ_FATAL(n, 2);
    NRT_EQ_PTR(conns[0].hrasconn, h1); /* oldest first */
    NRT_EQ_PTR(conns[1].hrasconn, h2);
    NRT_EQ_STR(conns[0].szDeviceName, modem_emu_path(e1));
    NRT_EQ_STR(conns[1].szDeviceName, modem_emu_path(e2));
    NRT_EQ_STR(conns[1].szPhonebook, book2);

    /* hanging up one leaves the other connected */
    NRT_EQ(nr_ras_hang_up_wait(h1, 5000), 0);
    NRT_EQ(RasGetConnectStatus(h2, &st), 0);
    NRT_EQ(st.rasconnstate, RASCS_Connected);
    NRT_EQ(st.dwError, 0);
    cb = sizeof conns;
    NRT_EQ(RasEnumConnections(conns, &cb, &n), 0);
    NRT_EQ(n, 1);
    NRT_EQ_PTR(conns[0].hrasconn, h2);
    hang_up_and_check_release(h2);

    peer_stop(&pr1);
    peer_stop(&pr2);
    modem_emu_stop(e1);
    modem_emu_stop(e2);
    for (int i = 0; i < 2; i++) {
        close(f1[i]);
        close(f2[i]);
    }
}
