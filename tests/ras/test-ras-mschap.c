/*
 * test-ras-mschap.c - RasDial against a server that authenticates with
 * MS-CHAP version 2 (the scripted peer of ppp-test-peer.h behind the modem
 * emulator): the right password connects and is reported, a wrong one is
 * 691, a server that cannot prove it knows the password is 778, and an
 * expired password is 648 - or, with RDEOPT_PausedStates, the paused
 * RASCS_PasswordExpired whose resume changes the password on the server
 * (RASCS_AuthChangePassword) and goes on to RASCS_Connected.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <netrouter/ras.h>

#include "cunit-main.h"
#include "dial-fixture.h"
#include "ppp-test-peer.h"

static char dir[] = "/tmp/nr-ras-mschap.XXXXXX";
NRT_SUITE("ras-mschap", .tmpdir = dir, .ignore_sigpipe = true);
static char book[600];

/* ---- the MS-CHAP v2 server behind the emulator ----------------------------------------------- */

typedef struct server {
    modem_emu *emu;
    bool expired, forge, no_change;
    nr_test_peer_thread t;
} server;

static void script(nr_test_peer *p, void *ctx)
{
    server *s = ctx;
    p->auth = NR_TEST_PEER_AUTH_MSCHAPV2;
    p->mschap_expired = s->expired;
    p->mschap_forge_success = s->forge;
    p->mschap_no_change = s->no_change;
}

/* The emulator answering the dial, the server behind it, and a phonebook
 * whose "Office" entry allows MS-CHAP v2 only. */
static void server_start_with(server *s, bool expired, bool forge, bool no_change)
{
    *s = (server){ .expired = expired, .forge = forge, .no_change = no_change };
    s->emu = fixture_start_modem(dir, MODEM_EMU_CONNECT, 0, book, sizeof book);
    fixture_write_entry(dir, "mschap.json", "Office", modem_emu_path(s->emu), "\"auth\": \"mschapv2\",",
                        "{\"command_ms\": 500, \"connect_ms\": 8000, \"ppp_ms\": 8000}", book, sizeof book);
    s->t = (nr_test_peer_thread){
        .get_fd = fixture_line_after_connect, .line = s->emu, .setup = script, .ctx = s };
    NRT_EQ_FATAL(nr_test_peer_thread_start(&s->t), 0);
    fixture_rec_reset();
}

static void server_start(server *s, bool expired, bool forge)
{
    server_start_with(s, expired, forge, false);
}

static void server_stop(server *s)
{
    nr_test_peer_thread_stop(&s->t);
    nr_test_peer_free(s->t.peer);
    modem_emu_stop(s->emu);
}

static RASDIALPARAMS params(const char *password)
{
    RASDIALPARAMS p = { .dwSize = sizeof p };
    snprintf(p.szEntryName, sizeof p.szEntryName, "Office");
    snprintf(p.szUserName, sizeof p.szUserName, "alice");
    snprintf(p.szPassword, sizeof p.szPassword, "%s", password);
    return p;
}

static void hang_up_and_check_release(HRASCONN h)
{
    fixture_hang_up_and_check(h, dir);
}

/* ---- tests ------------------------------------------------------------------------------------- */

NRT_TEST(right_password_connects_and_reports_mschap_v2)
{
    server s;
    RASDIALPARAMS p = params("s3cret");
    RASPPPLCP lcp = { .dwSize = sizeof lcp };
    DWORD cb = sizeof lcp;
    HRASCONN h = NULL;
    server_start(&s, false, false);
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 0, NULL, &h), 0); /* synchronous */
    NRT_EQ(RasGetProjectionInfo(h, RASP_PppLcp, &lcp, &cb), 0);
    NRT_EQ(lcp.dwAuthenticationProtocol, RASLCPAP_CHAP);
    NRT_EQ(lcp.dwAuthenticationData, RASLCPAD_CHAP_MSV2);
    NRT_EQ_STR(lcp.szReplyMessage, "Welcome");
    hang_up_and_check_release(h);
    server_stop(&s);
}

/* An asynchronous dial with password against a server whose password is
 * expired or not: what it announced, up to its end. */
static void check_async_dial_announces(const char *password, bool expired, const char *announced)
{
    server s;
    RASDIALPARAMS p = params(password);
    HRASCONN h = NULL;
    server_start(&s, expired, false);
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 1, (void *)fixture_rec_func1, &h), 0);
    NRT_TRUE(fixture_rec_wait_done(h, 10000));
    NRT_EQ_STR(fixture_rec_text(h), announced);
    hang_up_and_check_release(h);
    server_stop(&s);
}

NRT_TEST(wrong_password_is_691_in_auth_notify)
{
    check_async_dial_announces("wrong", false, "0:0 1:0 2:0 3:0 4:0 5:0 6:0 6:691");
}

NRT_TEST(server_that_cannot_prove_the_password_is_778)
{
    server s;
    RASDIALPARAMS p = params("s3cret");
    HRASCONN h = NULL;
    server_start(&s, false, true);
    NRT_EQ(RasDial(NULL, book, &p, 0, NULL, &h), ERROR_UNABLE_TO_AUTHENTICATE_SERVER);
    hang_up_and_check_release(h);
    server_stop(&s);
}

NRT_TEST(expired_password_without_paused_states_is_648)
{
    check_async_dial_announces("s3cret", true, "0:0 1:0 2:0 3:0 4:0 5:0 6:0 6:648");
}

NRT_TEST(sync_dial_with_an_expired_password_returns_648)
{
    server s;
    RASDIALEXTENSIONS ext = { .dwSize = sizeof ext, .dwfOptions = RDEOPT_PausedStates };
    RASDIALPARAMS p = params("s3cret");
    HRASCONN h = NULL;
    server_start(&s, true, false);
    NRT_EQ(RasDial(&ext, book, &p, 0, NULL, &h), ERROR_PASSWD_EXPIRED); /* nobody to ask */
    hang_up_and_check_release(h);
    server_stop(&s);
}

/* Starts a server whose password for alice is expired and dials it with
 * RDEOPT_PausedStates until the dial pauses in RASCS_PasswordExpired. */
static HRASCONN dial_until_password_expired(server *s)
{
    RASDIALEXTENSIONS ext = { .dwSize = sizeof ext, .dwfOptions = RDEOPT_PausedStates };
    RASDIALPARAMS p = params("s3cret");
    HRASCONN h = NULL;
    server_start(s, true, false);
    NRT_EQ_FATAL(RasDial(&ext, book, &p, 1, (void *)fixture_rec_func1, &h), 0);
    NRT_TRUE_FATAL(fixture_rec_wait_for(h, RASCS_PasswordExpired, 0, 10000));
    return h;
}

/* Resumes the paused dial h with the new password n3w-s3cret. */
static void resume_with_a_new_password(HRASCONN h)
{
    RASDIALEXTENSIONS ext = { .dwSize = sizeof ext, .dwfOptions = RDEOPT_PausedStates };
    RASDIALPARAMS p = params("n3w-s3cret");
    NRT_EQ(RasDial(&ext, book, &p, 1, (void *)fixture_rec_func1, &h), 0);
}

NRT_TEST(expired_password_pauses_and_resume_changes_it)
{
    server s;
    RASCONNSTATUS st = { .dwSize = sizeof st };
    HRASCONN h = dial_until_password_expired(&s);
    NRT_EQ(RasGetConnectStatus(h, &st), 0);
    NRT_EQ(st.rasconnstate, RASCS_PasswordExpired);
    resume_with_a_new_password(h);
    NRT_TRUE(fixture_rec_wait_done(h, 10000));
    NRT_EQ_STR(fixture_rec_text(h), "0:0 1:0 2:0 3:0 4:0 5:0 4099:0 9:0 14:0 10:0 18:0 8192:0");
    hang_up_and_check_release(h);
    server_stop(&s);
}

NRT_TEST(the_server_keeps_the_new_password)
{
    server s;
    HRASCONN h = dial_until_password_expired(&s);
    resume_with_a_new_password(h);
    NRT_TRUE(fixture_rec_wait_for(h, RASCS_Connected, 0, 10000));
    hang_up_and_check_release(h);
    nr_test_peer_thread_stop(&s.t);
    NRT_NOT_NULL_FATAL(s.t.peer);
    NRT_EQ(s.t.peer->mschap_changes, 1);
    NRT_EQ_STR(s.t.peer->mschap_password, "n3w-s3cret");
    NRT_FALSE(s.t.peer->mschap_expired);
    nr_test_peer_free(s.t.peer);
    modem_emu_stop(s.emu);
}

NRT_TEST(an_expiry_without_a_way_to_change_is_648_even_with_paused_states)
{
    server s;
    RASDIALEXTENSIONS ext = { .dwSize = sizeof ext, .dwfOptions = RDEOPT_PausedStates };
    RASDIALPARAMS p = params("s3cret");
    HRASCONN h = NULL;
    server_start_with(&s, true, false, true);
    NRT_EQ_FATAL(RasDial(&ext, book, &p, 1, (void *)fixture_rec_func1, &h), 0);
    NRT_TRUE(fixture_rec_wait_done(h, 10000));
    NRT_EQ_STR(fixture_rec_text(h), "0:0 1:0 2:0 3:0 4:0 5:0 6:0 6:648");
    hang_up_and_check_release(h);
    server_stop(&s);
}

NRT_TEST(hang_up_while_the_password_expired_releases_the_port)
{
    server s;
    HRASCONN h = dial_until_password_expired(&s);
    hang_up_and_check_release(h);
    usleep(100 * 1000); /* nothing may follow the hang-up */
    NRT_EQ_STR(fixture_rec_text(h), "0:0 1:0 2:0 3:0 4:0 5:0 4099:0");
    server_stop(&s);
}
