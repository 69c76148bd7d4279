/*
 * test-ras-projection.c - when RasGetProjectionInfo answers, asked from a
 * RasDialFunc1 handler in every state of a real dial (the modem emulator
 * on a pty, then a PPP peer): ERROR_PROJECTION_NOT_COMPLETE (730) for both
 * RASP_PppLcp and RASP_PppIp before RASCS_Projected, including
 * RASCS_Authenticated and RASCS_AuthProject and after a rejected password;
 * the negotiated values from RASCS_Projected on. The peer is the dial
 * fixture's (no authentication) or the scripted peer of ppp-test-peer.h
 * asking for PAP.
 */
#include "config.h"

#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include <netrouter/ras.h>

#include "cunit-main.h"
#include "dial-fixture.h"
#include "ppp-test-peer.h"

static char dir[] = "/tmp/nr-ras-proj.XXXXXX";
NRT_SUITE("ras-projection", .tmpdir = dir, .ignore_sigpipe = true);
static char book[600];

/* ---- what the handler saw ------------------------------------------------------------------- */

typedef struct seen {
    RASCONNSTATE state;
    DWORD lcp_rc, ip_rc;
} seen;

/* Beside what the fixture's recorder keeps (fixture_rec_*, which tells when
 * the dial ended): the answers in each state, and the error announced. */
static struct {
    pthread_mutex_t lock;
    seen v[32];
    int n;
    DWORD error;         /* the error announced, if any */
    RASPPPIP ip;         /* as read at RASCS_Projected */
    RASPPPLCP lcp;
} rec = { .lock = PTHREAD_MUTEX_INITIALIZER };

static void rec_reset(void)
{
    fixture_rec_reset();
    pthread_mutex_lock(&rec.lock);
    rec.n = 0;
    rec.error = 0;
    memset(&rec.ip, 0, sizeof rec.ip);
    memset(&rec.lcp, 0, sizeof rec.lcp);
    pthread_mutex_unlock(&rec.lock);
}

/* Asks for both projections in every state it is told of. */
static void on_func1(HRASCONN h, UINT msg, RASCONNSTATE state, DWORD error, DWORD ext)
{
    RASPPPIP ip = { .dwSize = sizeof ip };
    RASPPPLCP lcp = { .dwSize = sizeof lcp };
    DWORD cb_ip = sizeof ip, cb_lcp = sizeof lcp, ip_rc, lcp_rc;

    (void)msg;
    ip_rc = RasGetProjectionInfo(h, RASP_PppIp, &ip, &cb_ip);
    lcp_rc = RasGetProjectionInfo(h, RASP_PppLcp, &lcp, &cb_lcp);
    pthread_mutex_lock(&rec.lock);
    if (!error && rec.n < 32)
        rec.v[rec.n++] = (seen){ state, lcp_rc, ip_rc };
    if (!error && state == RASCS_Projected) {
        rec.ip = ip;
        rec.lcp = lcp;
    }
    if (error)
        rec.error = error;
    pthread_mutex_unlock(&rec.lock);
    fixture_rec_add(h, state, error, ext); /* last: a waiter then sees all of the above */
}

/* The answers given in state s; NULL if s was not announced. */
static const seen *seen_in(RASCONNSTATE s)
{
    for (int i = 0; i < rec.n; i++)
        if (rec.v[i].state == s)
            return &rec.v[i];
    return NULL;
}

/* ---- a PAP-asking peer behind the emulator -------------------------------------------------- */

typedef struct pap_peer {
    modem_emu *emu;
    nr_test_peer_thread t;
} pap_peer;

static void ask_for_pap(nr_test_peer *p, void *ctx)
{
    (void)ctx;
    p->auth = NR_TEST_PEER_AUTH_PAP;
}

static void pap_peer_start(pap_peer *pp, modem_emu *e)
{
    pp->emu = e;
    pp->t = (nr_test_peer_thread){ .get_fd = fixture_line_after_connect, .line = e, .setup = ask_for_pap };
    NRT_EQ_FATAL(nr_test_peer_thread_start(&pp->t), 0);
}

static void pap_peer_stop(pap_peer *pp)
{
    nr_test_peer_thread_stop(&pp->t);
    nr_test_peer_free(pp->t.peer);
}

/* ---- helpers -------------------------------------------------------------------------------- */

static RASDIALPARAMS params(const char *user, const char *password)
{
    RASDIALPARAMS p = { .dwSize = sizeof p };

    snprintf(p.szEntryName, sizeof p.szEntryName, "Test");
    snprintf(p.szUserName, sizeof p.szUserName, "%s", user);
    snprintf(p.szPassword, sizeof p.szPassword, "%s", password);
    return p;
}

static void hang_up(HRASCONN h)
{
    NRT_EQ(nr_ras_hang_up_wait(h, 5000), 0);
    NRT_EQ(fixture_lock_files(dir), 0);
}

/* ---- tests ---------------------------------------------------------------------------------- */

NRT_TEST(every_state_before_projected_gets_730_for_both_projections)
{
    modem_emu *e = fixture_start_modem(dir, MODEM_EMU_CONNECT, 0, book, sizeof book);
    RASDIALPARAMS p = params("", "");
    HRASCONN h = NULL;
    peer pr;

    rec_reset();
    peer_start(&pr, e);
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 1, (void *)on_func1, &h), 0);
    NRT_TRUE(fixture_rec_wait_done(NULL, 15000));
    NRT_EQ(rec.error, 0);
    NRT_NOT_NULL(seen_in(RASCS_Authenticated));
    NRT_NOT_NULL(seen_in(RASCS_AuthProject));
    for (int i = 0; i < rec.n && rec.v[i].state != RASCS_Projected; i++) {
        NRT_EQ(rec.v[i].lcp_rc, ERROR_PROJECTION_NOT_COMPLETE);
        NRT_EQ(rec.v[i].ip_rc, ERROR_PROJECTION_NOT_COMPLETE);
    }
    hang_up(h);
    peer_stop(&pr);
    modem_emu_stop(e);
}

NRT_TEST(both_projections_are_available_at_projected_and_connected)
{
    modem_emu *e = fixture_start_modem(dir, MODEM_EMU_CONNECT, 0, book, sizeof book);
    RASDIALPARAMS p = params("", "");
    HRASCONN h = NULL;
    const seen *s;
    peer pr;

    rec_reset();
    peer_start(&pr, e);
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 1, (void *)on_func1, &h), 0);
    NRT_TRUE(fixture_rec_wait_done(NULL, 15000));
    s = seen_in(RASCS_Projected);
    NRT_NOT_NULL_FATAL(s);
    NRT_EQ(s->lcp_rc, 0);
    NRT_EQ(s->ip_rc, 0);
    NRT_EQ_STR(rec.ip.szIpAddress, "10.0.2.15");
    NRT_EQ_STR(rec.ip.szServerIpAddress, "10.0.2.2");
    NRT_EQ(rec.lcp.dwAuthenticationProtocol, 0);
    s = seen_in(RASCS_Connected);
    NRT_NOT_NULL_FATAL(s);
    NRT_EQ(s->lcp_rc, 0);
    NRT_EQ(s->ip_rc, 0);
    hang_up(h);
    peer_stop(&pr);
    modem_emu_stop(e);
}

NRT_TEST(pap_dial_projects_pap_and_the_server_message_only_from_projected)
{
    modem_emu *e = fixture_start_modem(dir, MODEM_EMU_CONNECT, 0, book, sizeof book);
    RASDIALPARAMS p = params("alice", "s3cret");
    HRASCONN h = NULL;
    const seen *s;
    pap_peer pp;

    rec_reset();
    pap_peer_start(&pp, e);
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 1, (void *)on_func1, &h), 0);
    NRT_TRUE(fixture_rec_wait_done(NULL, 15000));
    NRT_EQ(rec.error, 0);
    s = seen_in(RASCS_Authenticated); /* authenticated, but not projected yet */
    NRT_NOT_NULL_FATAL(s);
    NRT_EQ(s->lcp_rc, ERROR_PROJECTION_NOT_COMPLETE);
    s = seen_in(RASCS_AuthProject);
    NRT_NOT_NULL_FATAL(s);
    NRT_EQ(s->lcp_rc, ERROR_PROJECTION_NOT_COMPLETE);
    s = seen_in(RASCS_Projected);
    NRT_NOT_NULL_FATAL(s);
    NRT_EQ(s->lcp_rc, 0);
    NRT_EQ(rec.lcp.dwAuthenticationProtocol, RASLCPAP_PAP);
    NRT_EQ_STR(rec.lcp.szReplyMessage, "Login ok");
    NRT_EQ_STR(rec.ip.szIpAddress, "10.0.2.15");
    hang_up(h);
    pap_peer_stop(&pp);
    modem_emu_stop(e);
}

NRT_TEST(rejected_password_leaves_both_projections_not_complete)
{
    modem_emu *e = fixture_start_modem(dir, MODEM_EMU_CONNECT, 0, book, sizeof book);
    RASDIALPARAMS p = params("alice", "wrong");
    RASPPPIP ip = { .dwSize = sizeof ip };
    RASPPPLCP lcp = { .dwSize = sizeof lcp };
    DWORD cb = sizeof lcp;
    HRASCONN h = NULL;
    pap_peer pp;

    rec_reset();
    pap_peer_start(&pp, e);
    NRT_EQ(RasDial(NULL, book, &p, 0, NULL, &h), ERROR_AUTHENTICATION_FAILURE); /* synchronous */
    NRT_NOT_NULL_FATAL(h);
    NRT_EQ(RasGetProjectionInfo(h, RASP_PppLcp, &lcp, &cb), ERROR_PROJECTION_NOT_COMPLETE);
    cb = sizeof ip;
    NRT_EQ(RasGetProjectionInfo(h, RASP_PppIp, &ip, &cb), ERROR_PROJECTION_NOT_COMPLETE);
    hang_up(h);
    pap_peer_stop(&pp);
    modem_emu_stop(e);
}
