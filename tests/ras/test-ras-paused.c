/*
 * test-ras-paused.c - a rejected password, against ppp-test-peer's PAP
 * server behind the modem emulator (dial-fixture.c's peer_start_pap, any
 * user name, password s3cret): without RDEOPT_PausedStates the
 * dial fails in RASCS_AuthNotify with 691 (asynchronous and synchronous);
 * with it the dial pauses in RASCS_RetryAuthentication, and the edge cases
 * of that pause: resuming with new credentials, resuming a dial that is not
 * paused, resuming with another notifier, and hanging up while paused.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <netrouter/ras.h>

#include "cunit-main.h"
#include "dial-fixture.h"

static char dir[] = "/tmp/nr-ras-paused.XXXXXX";
NRT_SUITE("ras-paused", .tmpdir = dir, .ignore_sigpipe = true);
static char book[600];

#define DONE_MS 15000   /* a dial gets where it is going (generous: valgrind, busy cores) */
#define RELEASE_MS 5000 /* hang-up -> handle invalid */

static const char until_authenticate[] = "0:0 1:0 2:0 3:0 4:0 5:0";
static const char after_authenticate[] = "14:0 10:0 18:0 8192:0";

/* Another notifier, the same work as fixture_rec_func1. */
static void on_other_func1(HRASCONN h, UINT msg, RASCONNSTATE state, DWORD error, DWORD ext)
{
    fixture_rec_func1(h, msg, state, error, ext);
}

static bool hang_up_in_handler; /* on_hangup_func1: hang up in RetryAuthentication */
static void on_hangup_func1(HRASCONN h, UINT msg, RASCONNSTATE state, DWORD error, DWORD ext)
{
    fixture_rec_func1(h, msg, state, error, ext);
    if (__atomic_load_n(&hang_up_in_handler, __ATOMIC_ACQUIRE) && state == RASCS_RetryAuthentication)
        RasHangUp(h);
}

static RASDIALPARAMS params(const char *password)
{
    RASDIALPARAMS p = { .dwSize = sizeof p };
    snprintf(p.szEntryName, sizeof p.szEntryName, "Test");
    snprintf(p.szUserName, sizeof p.szUserName, "alice");
    snprintf(p.szPassword, sizeof p.szPassword, "%s", password);
    return p;
}

static RASDIALEXTENSIONS paused_states(void)
{
    RASDIALEXTENSIONS x = { .dwSize = sizeof x, .dwfOptions = RDEOPT_PausedStates };
    return x;
}

/* The emulator answering CONNECT, and behind it the PAP peer accepting s3cret. */
static modem_emu *start(peer *pr)
{
    modem_emu *e = fixture_start_modem(dir, MODEM_EMU_CONNECT, 0, book, sizeof book);
    peer_start_pap(pr, e, "s3cret");
    fixture_rec_reset();
    return e;
}

static void stop(modem_emu *e, peer *pr)
{
    peer_stop(pr);
    modem_emu_stop(e);
}

/* Dials with a wrong password and RDEOPT_PausedStates; returns the handle
 * once it is paused in RASCS_RetryAuthentication. */
static HRASCONN dial_until_paused(void *notifier)
{
    RASDIALPARAMS p = params("wrong");
    RASDIALEXTENSIONS x = paused_states();
    HRASCONN h = NULL;
    char expected[128];
    NRT_EQ_FATAL(RasDial(&x, book, &p, 1, notifier, &h), 0);
    NRT_TRUE(fixture_rec_wait_for(h, RASCS_RetryAuthentication, 0, DONE_MS));
    snprintf(expected, sizeof expected, "%s 4097:0", until_authenticate);
    NRT_EQ_STR(fixture_rec_text(h), expected);
    return h;
}

/* Hangs up, waits for the port to be released, and checks the lock went. */
static void hang_up_and_check_release(HRASCONN h)
{
    NRT_EQ(nr_ras_hang_up_wait(h, RELEASE_MS), 0);
    NRT_EQ(fixture_lock_files(dir), 0);
}

/* ---- tests ------------------------------------------------------------------------- */

NRT_TEST(right_password_through_pap_reaches_connected)
{
    peer pr;
    modem_emu *e = start(&pr);
    RASDIALPARAMS p = params("s3cret");
    HRASCONN h = NULL;
    RASPPPLCP lcp = { .dwSize = sizeof lcp };
    DWORD cb = sizeof lcp;
    char expected[128];
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 1, (void *)fixture_rec_func1, &h), 0);
    NRT_TRUE(fixture_rec_wait_done(h, DONE_MS));
    snprintf(expected, sizeof expected, "%s %s", until_authenticate, after_authenticate);
    NRT_EQ_STR(fixture_rec_text(h), expected);
    NRT_EQ(RasGetProjectionInfo(h, RASP_PppLcp, &lcp, &cb), 0);
    NRT_EQ(lcp.dwAuthenticationProtocol, RASLCPAP_PAP);
    NRT_EQ_STR(lcp.szReplyMessage, "Login ok");
    hang_up_and_check_release(h);
    stop(e, &pr);
}

NRT_TEST(wrong_password_fails_in_auth_notify_with_691_then_nothing)
{
    peer pr;
    modem_emu *e = start(&pr);
    RASDIALPARAMS p = params("wrong");
    HRASCONN h = NULL;
    RASCONNSTATUS st = { .dwSize = sizeof st };
    char expected[128];
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 1, (void *)fixture_rec_func1, &h), 0);
    NRT_TRUE(fixture_rec_wait_done(h, DONE_MS));
    NRT_EQ(RasGetConnectStatus(h, &st), 0);
    NRT_EQ(st.rasconnstate, RASCS_AuthNotify);
    NRT_EQ(st.dwError, ERROR_AUTHENTICATION_FAILURE);
    hang_up_and_check_release(h); /* the worker is done: nothing more can come */
    snprintf(expected, sizeof expected, "%s 6:0 6:691", until_authenticate);
    NRT_EQ_STR(fixture_rec_text(h), expected);
    NRT_EQ(peer_pap_requests(&pr), 1);
    stop(e, &pr);
}

NRT_TEST(sync_dial_with_a_wrong_password_returns_691)
{
    peer pr;
    modem_emu *e = start(&pr);
    RASDIALPARAMS p = params("wrong");
    HRASCONN h = NULL;
    RASCONNSTATUS st = { .dwSize = sizeof st };
    NRT_EQ(RasDial(NULL, book, &p, 0, NULL, &h), ERROR_AUTHENTICATION_FAILURE);
    NRT_NOT_NULL_FATAL(h);
    NRT_EQ(RasGetConnectStatus(h, &st), 0);
    NRT_EQ(st.rasconnstate, RASCS_AuthNotify);
    NRT_EQ(st.dwError, ERROR_AUTHENTICATION_FAILURE);
    NRT_EQ(fixture_lock_files(dir), 0); /* a failed synchronous dial returns once released */
    hang_up_and_check_release(h);
    stop(e, &pr);
}

NRT_TEST(sync_dial_never_pauses_even_with_paused_states)
{
    peer pr;
    modem_emu *e = start(&pr);
    RASDIALPARAMS p = params("wrong");
    RASDIALEXTENSIONS x = paused_states();
    HRASCONN h = NULL;
    NRT_EQ(RasDial(&x, book, &p, 0, NULL, &h), ERROR_AUTHENTICATION_FAILURE);
    hang_up_and_check_release(h);
    stop(e, &pr);
}

NRT_TEST(rejected_password_pauses_and_resumes_with_new_credentials)
{
    peer pr;
    modem_emu *e = start(&pr);
    HRASCONN h = dial_until_paused((void *)fixture_rec_func1), same = h;
    RASDIALPARAMS p = params("s3cret");
    RASDIALEXTENSIONS x = paused_states();
    RASCONNSTATUS st = { .dwSize = sizeof st };
    char expected[160];
    NRT_EQ(RasGetConnectStatus(h, &st), 0);
    NRT_EQ(st.rasconnstate, RASCS_RetryAuthentication);
    NRT_EQ(st.dwError, 0);
    NRT_EQ(RasDial(&x, book, &p, 1, (void *)fixture_rec_func1, &same), 0);
    NRT_EQ_PTR(same, h); /* the same connection goes on */
    NRT_TRUE(fixture_rec_wait_done(h, DONE_MS));
    snprintf(expected, sizeof expected, "%s 4097:0 5:0 %s", until_authenticate, after_authenticate);
    NRT_EQ_STR(fixture_rec_text(h), expected);
    NRT_EQ(peer_pap_requests(&pr), 2);
    hang_up_and_check_release(h);
    stop(e, &pr);
}

NRT_TEST(resuming_a_dial_that_is_not_paused_is_refused)
{
    peer pr;
    modem_emu *e = start(&pr);
    RASDIALPARAMS p = params("s3cret");
    RASDIALEXTENSIONS x = paused_states();
    HRASCONN h = NULL, again;
    NRT_EQ_FATAL(RasDial(&x, book, &p, 1, (void *)fixture_rec_func1, &h), 0);
    NRT_TRUE(fixture_rec_wait_done(h, DONE_MS)); /* connected: never paused */
    again = h;
    NRT_EQ(RasDial(&x, book, &p, 1, (void *)fixture_rec_func1, &again), ERROR_INVALID_AUTH_STATE);
    NRT_EQ_PTR(again, h);
    hang_up_and_check_release(h);
    /* a handle that is gone cannot be resumed either */
    NRT_EQ(RasDial(&x, book, &p, 1, (void *)fixture_rec_func1, &again), ERROR_INVALID_HANDLE);
    stop(e, &pr);
}

NRT_TEST(resuming_a_dial_still_dialing_is_refused_and_harmless)
{
    modem_emu *e = fixture_start_modem(dir, MODEM_EMU_CONNECT, 5000, book, sizeof book); /* slow to answer */
    RASDIALPARAMS p = params("s3cret");
    RASDIALEXTENSIONS x = paused_states();
    RASCONNSTATUS st = { .dwSize = sizeof st };
    HRASCONN h = NULL, again;
    fixture_rec_reset();
    NRT_EQ_FATAL(RasDial(&x, book, &p, 1, (void *)fixture_rec_func1, &h), 0);
    NRT_TRUE(fixture_rec_wait_for(h, RASCS_ConnectDevice, 0, DONE_MS));
    again = h;
    NRT_EQ(RasDial(&x, book, &p, 1, (void *)fixture_rec_func1, &again), ERROR_INVALID_AUTH_STATE);
    NRT_EQ(RasGetConnectStatus(h, &st), 0);
    NRT_EQ(st.rasconnstate, RASCS_ConnectDevice);
    NRT_EQ(st.dwError, 0);
    hang_up_and_check_release(h);
    NRT_EQ_STR(fixture_rec_text(h), "0:0 1:0 2:0");
    modem_emu_stop(e);
}

NRT_TEST(resuming_with_another_notifier_is_refused_and_the_dial_stays_paused)
{
    peer pr;
    modem_emu *e = start(&pr);
    HRASCONN h = dial_until_paused((void *)fixture_rec_func1), same = h;
    RASDIALPARAMS p = params("s3cret");
    RASDIALEXTENSIONS x = paused_states();
    RASCONNSTATUS st = { .dwSize = sizeof st };
    int fds[2];
    NRT_EQ_FATAL(pipe(fds), 0);
    NRT_EQ(RasDial(&x, book, &p, 1, (void *)on_other_func1, &same), ERROR_INVALID_PARAMETER);
    NRT_EQ(RasDial(&x, book, &p, 2, (void *)fixture_rec_func1, &same), ERROR_INVALID_PARAMETER); /* another kind */
    NRT_EQ(RasDial(&x, book, &p, NR_RAS_NOTIFIER_FD, &fds[1], &same), ERROR_INVALID_PARAMETER);
    NRT_EQ(RasDial(&x, book, &p, 0, NULL, &same), ERROR_INVALID_PARAMETER); /* synchronous */
    NRT_EQ_PTR(same, h);
    NRT_EQ(RasGetConnectStatus(h, &st), 0);
    NRT_EQ(st.rasconnstate, RASCS_RetryAuthentication);
    NRT_EQ(peer_pap_requests(&pr), 1); /* nothing was tried again */
    /* the right notifier still resumes it */
    NRT_EQ(RasDial(&x, book, &p, 1, (void *)fixture_rec_func1, &same), 0);
    NRT_TRUE(fixture_rec_wait_for(h, RASCS_Connected, 0, DONE_MS));
    hang_up_and_check_release(h);
    close(fds[0]);
    close(fds[1]);
    stop(e, &pr);
}

NRT_TEST(hangup_while_paused_releases_the_port_and_announces_nothing_more)
{
    peer pr;
    modem_emu *e = start(&pr);
    HRASCONN h = dial_until_paused((void *)fixture_rec_func1);
    char expected[128];
    RASCONNSTATUS st = { .dwSize = sizeof st };
    NRT_EQ(RasHangUp(h), 0);
    NRT_LT(fixture_wait_invalid(h, RELEASE_MS), RELEASE_MS);
    NRT_EQ(RasGetConnectStatus(h, &st), ERROR_INVALID_HANDLE);
    NRT_EQ(fixture_lock_files(dir), 0);
    snprintf(expected, sizeof expected, "%s 4097:0", until_authenticate);
    NRT_EQ_STR(fixture_rec_text(h), expected);
    NRT_EQ(peer_pap_requests(&pr), 1);
    stop(e, &pr);
}

NRT_TEST(hangup_inside_the_retry_authentication_handler_ends_the_dial)
{
    peer pr;
    modem_emu *e = start(&pr);
    HRASCONN h;
    char expected[128];
    __atomic_store_n(&hang_up_in_handler, true, __ATOMIC_RELEASE);
    h = dial_until_paused((void *)on_hangup_func1);
    NRT_LT(fixture_wait_invalid(h, RELEASE_MS), RELEASE_MS);
    /* only now: the handler may still be running until the handle goes */
    __atomic_store_n(&hang_up_in_handler, false, __ATOMIC_RELEASE);
    NRT_EQ(fixture_lock_files(dir), 0);
    snprintf(expected, sizeof expected, "%s 4097:0", until_authenticate);
    NRT_EQ_STR(fixture_rec_text(h), expected);
    stop(e, &pr);
}
