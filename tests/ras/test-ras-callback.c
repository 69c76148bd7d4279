/*
 * test-ras-callback.c - RasDial against a server that offers to call back
 * (CBCP after PAP, the scripted peer of ppp-test-peer.h behind the modem
 * emulator, which rings the dialer back on the same pseudo-terminal): the
 * paused RASCS_CallbackSetByCaller and its resume with a number, a number
 * given up front, "*" for the entry's own, declining, a server that never
 * calls back (678), a hang-up while waiting for the call, and a server
 * that insists on a number nobody gives.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <netrouter/ras.h>

#include "cunit-main.h"
#include "dial-fixture.h"
#include "ppp-test-peer.h"

static char dir[] = "/tmp/nr-ras-callback.XXXXXX";
NRT_SUITE("ras-callback", .tmpdir = dir, .ignore_sigpipe = true);
static char book[600];

/* ---- the server behind the emulator -------------------------------------------------------------- */

typedef struct server {
    modem_emu *emu;
    nr_test_peer_cbcp cbcp;
    bool rings;             /* false: it hangs up and never calls back */
    bool twice;             /* the Callback Request is retransmitted with a new Identifier */
    nr_test_peer_thread t;
} server;

static void script(nr_test_peer *p, void *ctx)
{
    server *s = ctx;
    p->auth = NR_TEST_PEER_AUTH_PAP;
    p->cbcp = s->cbcp;
    p->cbcp_twice = s->twice;
}

static bool call_back(void *ctx)
{
    server *s = ctx;
    if (!s->rings)
        return modem_emu_hang_up(s->emu) && false; /* the line drops, no call comes */
    return modem_emu_call_back(s->emu) && modem_emu_wait_connected(s->emu, 10000);
}

/* Emulator, server and a phonebook whose "Office" entry takes callbacks
 * ("ask"), has callback number 5550199 and waits callback_ms for the call
 * back. */
static void server_start_with(server *s, nr_test_peer_cbcp cbcp, bool rings, bool twice, int callback_ms)
{
    char timeouts[128];
    *s = (server){ .cbcp = cbcp, .rings = rings, .twice = twice };
    s->emu = fixture_start_modem(dir, MODEM_EMU_CONNECT, 0, book, sizeof book);
    snprintf(timeouts, sizeof timeouts,
             "{\"command_ms\": 1000, \"connect_ms\": 8000, \"ppp_ms\": 8000, \"callback_ms\": %d}", callback_ms);
    fixture_write_entry(dir, "callback.json", "Office", modem_emu_path(s->emu),
                        "\"callback\": \"ask\", \"callback_number\": \"5550199\",", timeouts, book, sizeof book);
    s->t = (nr_test_peer_thread){ .get_fd = fixture_line_after_connect, .line = s->emu, .setup = script,
                                  .on_call_back = call_back, .ctx = s };
    NRT_EQ_FATAL(nr_test_peer_thread_start(&s->t), 0);
    fixture_rec_reset();
}

static void server_start(server *s, nr_test_peer_cbcp cbcp, bool rings, int callback_ms)
{
    server_start_with(s, cbcp, rings, false, callback_ms);
}

/* Stops the server; the peer stays for inspection until server_free. */
static void server_stop(server *s)
{
    nr_test_peer_thread_stop(&s->t);
}

static void server_free(server *s)
{
    nr_test_peer_free(s->t.peer);
    modem_emu_stop(s->emu);
}

static RASDIALPARAMS params(const char *callback)
{
    RASDIALPARAMS p = { .dwSize = sizeof p };
    snprintf(p.szEntryName, sizeof p.szEntryName, "Office");
    snprintf(p.szUserName, sizeof p.szUserName, "alice");
    snprintf(p.szPassword, sizeof p.szPassword, "s3cret");
    snprintf(p.szCallbackNumber, sizeof p.szCallbackNumber, "%s", callback);
    return p;
}

static void hang_up_and_check_release(HRASCONN h)
{
    fixture_hang_up_and_check(h, dir);
}

/* Whether the emulator was answered with ATA. */
static bool answered(modem_emu *e)
{
    char cmd[64];
    for (size_t i = 0; modem_emu_command(e, i, cmd, sizeof cmd); i++)
        if (!strcmp(cmd, "ATA"))
            return true;
    return false;
}

/* Dials "Office" with RDEOPT_PausedStates and no callback number until the
 * started server's offer pauses it in RASCS_CallbackSetByCaller. */
static HRASCONN dial_until_asked_for_a_number(void)
{
    RASDIALEXTENSIONS ext = { .dwSize = sizeof ext, .dwfOptions = RDEOPT_PausedStates };
    RASDIALPARAMS p = params("");
    HRASCONN h = NULL;
    NRT_EQ_FATAL(RasDial(&ext, book, &p, 1, (void *)fixture_rec_func1, &h), 0);
    NRT_TRUE_FATAL(fixture_rec_wait_for(h, RASCS_CallbackSetByCaller, 0, 10000));
    return h;
}

/* Resumes the paused dial h with number ("": no callback, "*": the entry's). */
static void resume_with_number(HRASCONN h, const char *number)
{
    RASDIALEXTENSIONS ext = { .dwSize = sizeof ext, .dwfOptions = RDEOPT_PausedStates };
    RASDIALPARAMS p = params(number);
    NRT_EQ(RasDial(&ext, book, &p, 1, (void *)fixture_rec_func1, &h), 0);
}

/* Offer, callback, wait, new call: the states of a dial that is called back. */
#define CALLED_BACK "15:0 16:0 17:0 13:0 14:0 10:0 18:0 8192:0"

/* ---- tests ---------------------------------------------------------------------------------------- */

NRT_TEST(callback_set_by_caller_pauses_and_the_server_calls_back)
{
    server s;
    RASCONNSTATUS st = { .dwSize = sizeof st };
    HRASCONN h;
    server_start(&s, NR_TEST_PEER_CBCP_CALLER, true, 8000);
    h = dial_until_asked_for_a_number();
    NRT_EQ(RasGetConnectStatus(h, &st), 0);
    NRT_EQ(st.rasconnstate, RASCS_CallbackSetByCaller);
    resume_with_number(h, "5550123");
    NRT_TRUE(fixture_rec_wait_done(h, 15000));
    NRT_EQ_STR(fixture_rec_text(h), "0:0 1:0 2:0 3:0 4:0 5:0 8:0 4098:0 " CALLED_BACK);
    NRT_TRUE(answered(s.emu));
    hang_up_and_check_release(h);
    server_stop(&s);
    NRT_NOT_NULL_FATAL(s.t.peer);
    NRT_EQ(s.t.peer->callback_type, 2);
    NRT_EQ_STR(s.t.peer->callback_number, "5550123");
    NRT_GE(s.t.peer->callback_delay, 5); /* time to hang up and get ready */
    NRT_EQ(s.t.peer->calls, 2);
    server_free(&s);
}

NRT_TEST(a_retransmitted_offer_is_asked_once_and_answered_under_its_new_id)
{
    server s;
    HRASCONN h;
    server_start_with(&s, NR_TEST_PEER_CBCP_CALLER, true, true, 8000);
    h = dial_until_asked_for_a_number();
    usleep(200 * 1000); /* the retransmission has come by now: no second pause */
    resume_with_number(h, "*");
    NRT_TRUE(fixture_rec_wait_done(h, 15000));
    NRT_EQ_STR(fixture_rec_text(h), "0:0 1:0 2:0 3:0 4:0 5:0 8:0 4098:0 " CALLED_BACK);
    hang_up_and_check_release(h);
    server_stop(&s);
    NRT_NOT_NULL_FATAL(s.t.peer);
    NRT_EQ_STR(s.t.peer->callback_number, "5550199"); /* "*" in the pause: the entry's */
    server_free(&s);
}

NRT_TEST(a_number_given_up_front_needs_no_pause)
{
    server s;
    RASDIALPARAMS p = params("5550177");
    HRASCONN h = NULL;
    server_start(&s, NR_TEST_PEER_CBCP_CALLER, true, 8000);
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 1, (void *)fixture_rec_func1, &h), 0);
    NRT_TRUE(fixture_rec_wait_done(h, 15000));
    NRT_EQ_STR(fixture_rec_text(h), "0:0 1:0 2:0 3:0 4:0 5:0 8:0 " CALLED_BACK);
    hang_up_and_check_release(h);
    server_stop(&s);
    NRT_NOT_NULL_FATAL(s.t.peer);
    NRT_EQ_STR(s.t.peer->callback_number, "5550177");
    server_free(&s);
}

NRT_TEST(star_asks_for_the_entry_callback_number)
{
    server s;
    RASDIALPARAMS p = params("*");
    HRASCONN h = NULL;
    server_start(&s, NR_TEST_PEER_CBCP_CALLER, true, 8000);
    NRT_EQ(RasDial(NULL, book, &p, 0, NULL, &h), 0); /* synchronous, through the call back */
    hang_up_and_check_release(h);
    server_stop(&s);
    NRT_NOT_NULL_FATAL(s.t.peer);
    NRT_EQ_STR(s.t.peer->callback_number, "5550199");
    NRT_EQ(s.t.peer->calls, 2);
    server_free(&s);
}

NRT_TEST(declining_in_the_pause_connects_without_a_call_back)
{
    server s;
    HRASCONN h;
    server_start(&s, NR_TEST_PEER_CBCP_CALLER, true, 8000);
    h = dial_until_asked_for_a_number();
    resume_with_number(h, ""); /* declines */
    NRT_TRUE(fixture_rec_wait_done(h, 10000));
    NRT_EQ_STR(fixture_rec_text(h), "0:0 1:0 2:0 3:0 4:0 5:0 8:0 4098:0 14:0 10:0 18:0 8192:0");
    hang_up_and_check_release(h);
    server_stop(&s);
    NRT_NOT_NULL_FATAL(s.t.peer);
    NRT_EQ(s.t.peer->callback_type, 1);
    NRT_EQ(s.t.peer->calls, 1);
    NRT_FALSE(answered(s.emu));
    server_free(&s);
}

NRT_TEST(a_server_that_never_calls_back_is_678)
{
    server s;
    RASDIALPARAMS p = params("5550123");
    HRASCONN h = NULL;
    server_start(&s, NR_TEST_PEER_CBCP_CALLER, false, 1500);
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 1, (void *)fixture_rec_func1, &h), 0);
    NRT_TRUE(fixture_rec_wait_done(h, 15000));
    NRT_EQ_STR(fixture_rec_text(h), "0:0 1:0 2:0 3:0 4:0 5:0 8:0 15:0 16:0 17:0 17:678");
    hang_up_and_check_release(h);
    server_stop(&s);
    server_free(&s);
}

NRT_TEST(hang_up_while_waiting_for_the_call_back_is_quick)
{
    server s;
    RASDIALPARAMS p = params("5550123");
    HRASCONN h = NULL;
    struct timespec a, b;
    server_start(&s, NR_TEST_PEER_CBCP_CALLER, false, 30000);
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 1, (void *)fixture_rec_func1, &h), 0);
    NRT_TRUE_FATAL(fixture_rec_wait_for(h, RASCS_WaitForCallback, 0, 15000));
    clock_gettime(CLOCK_MONOTONIC, &a);
    hang_up_and_check_release(h);
    clock_gettime(CLOCK_MONOTONIC, &b);
    NRT_LT((b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000, 3000); /* not the 30 s wait */
    usleep(100 * 1000);
    NRT_EQ_STR(fixture_rec_text(h), "0:0 1:0 2:0 3:0 4:0 5:0 8:0 15:0 16:0 17:0");
    server_stop(&s);
    server_free(&s);
}

NRT_TEST(a_server_insisting_on_a_number_nobody_gives_fails)
{
    server s;
    HRASCONN h;
    server_start(&s, NR_TEST_PEER_CBCP_CALLER_ONLY, true, 8000);
    h = dial_until_asked_for_a_number();
    resume_with_number(h, ""); /* without a number */
    NRT_TRUE(fixture_rec_wait_done(h, 10000));
    NRT_EQ_STR(fixture_rec_text(h), "0:0 1:0 2:0 3:0 4:0 5:0 8:0 4098:0 4098:732");
    hang_up_and_check_release(h);
    server_stop(&s);
    server_free(&s);
}

NRT_TEST(a_callback_number_without_its_end_is_refused)
{
    RASDIALPARAMS p = params("");
    HRASCONN h = NULL;
    memset(p.szCallbackNumber, '5', sizeof p.szCallbackNumber); /* no NUL */
    NRT_EQ(RasDial(NULL, book, &p, 0, NULL, &h), ERROR_INVALID_PARAMETER);
    NRT_NULL(h);
}
