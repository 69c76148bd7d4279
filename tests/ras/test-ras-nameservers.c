/*
 * test-ras-nameservers.c - nr_ras_get_nameservers: the DNS servers the
 * server handed out in IPCP, read from a real dial (the modem emulator on
 * a pty, one of our own PPP links as the far end): "" in every state
 * before RASCS_Projected and the server's from it on, asked from the
 * dial's own notification handler; primary and secondary separated by a
 * space; either one alone; none; a buffer too small by one octet; bad
 * handles, a hung-up one and a NULL buffer.  `make check` runs it with
 * the engine in this process; tests/ras/via-service.test runs it again
 * with the links in the connection service (the STATUS_INFO of protocol
 * version 2 carries them).
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <netrouter/ras.h>

#include "cunit-main.h"
#include "dial-fixture.h"

static char dir[] = "/tmp/nr-ras-dns.XXXXXX";
NRT_SUITE("ras-nameservers", .tmpdir = dir, .ignore_sigpipe = true);
static char book[600];

#define DNS_10_0_2_3 0x0a000203u
#define DNS_10_0_2_4 0x0a000204u

/* ---- what the handler saw -------------------------------------------------------------------- */

static struct {
    pthread_mutex_t lock;
    int n;
    RASCONNSTATE state[32];
    DWORD rc[32];
    char dns[32][32];
} seen = { .lock = PTHREAD_MUTEX_INITIALIZER };

/* Asks for the name servers in every state it is told of. */
static void on_func1(HRASCONN h, UINT msg, RASCONNSTATE state, DWORD error, DWORD ext)
{
    char dns[32] = "?";
    DWORD rc = nr_ras_get_nameservers(h, dns, sizeof dns);
    (void)msg;
    pthread_mutex_lock(&seen.lock);
    if (!error && seen.n < 32) {
        seen.state[seen.n] = state;
        seen.rc[seen.n] = rc;
        snprintf(seen.dns[seen.n], sizeof seen.dns[seen.n], "%s", dns);
        seen.n++;
    }
    pthread_mutex_unlock(&seen.lock);
    fixture_rec_add(h, state, error, ext); /* last: a waiter then sees all of the above */
}

/* ---- helpers --------------------------------------------------------------------------------- */

static RASDIALPARAMS params(void)
{
    RASDIALPARAMS p = { .dwSize = sizeof p };
    snprintf(p.szEntryName, sizeof p.szEntryName, "Test");
    return p;
}

/* A synchronous dial to a peer handing out dns1 and dns2 (0: none); *e and
 * *pr are to be stopped by the caller. */
static HRASCONN dial_to(uint32_t dns1, uint32_t dns2, modem_emu **e, peer *pr)
{
    RASDIALPARAMS p = params();
    HRASCONN h = NULL;
    *e = fixture_start_modem(dir, MODEM_EMU_CONNECT, 0, book, sizeof book);
    peer_start_dns(pr, *e, dns1, dns2);
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 0, NULL, &h), 0);
    return h;
}

static void finish(HRASCONN h, modem_emu *e, peer *pr)
{
    fixture_hang_up_and_check(h, dir);
    peer_stop(pr);
    modem_emu_stop(e);
}

/* nr_ras_get_nameservers(h) into a buffer of 32: "?" when it fails. */
static const char *dns_of(HRASCONN h)
{
    static char dns[32];
    if (nr_ras_get_nameservers(h, dns, sizeof dns) != 0)
        snprintf(dns, sizeof dns, "?");
    return dns;
}

/* ---- tests ----------------------------------------------------------------------------------- */

NRT_TEST(empty_before_projected_and_the_server_s_from_projected_on)
{
    modem_emu *e = fixture_start_modem(dir, MODEM_EMU_CONNECT, 0, book, sizeof book);
    RASDIALPARAMS p = params();
    HRASCONN h = NULL;
    bool projected = false, connected = false;
    peer pr;

    fixture_rec_reset();
    seen.n = 0;
    peer_start(&pr, e); /* DNS 10.0.2.3 only */
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 1, (void *)on_func1, &h), 0);
    NRT_TRUE_FATAL(fixture_rec_wait_done(h, 15000));
    pthread_mutex_lock(&seen.lock);
    for (int i = 0; i < seen.n; i++) {
        NRT_EQ(seen.rc[i], 0);
        if (seen.state[i] == RASCS_Projected)
            projected = true;
        if (seen.state[i] == RASCS_Connected)
            connected = true;
        NRT_EQ_STR(seen.dns[i], projected ? "10.0.2.3" : "");
    }
    pthread_mutex_unlock(&seen.lock);
    NRT_TRUE(projected);
    NRT_TRUE(connected);
    NRT_EQ_STR(dns_of(h), "10.0.2.3");
    fixture_hang_up_and_check(h, dir);
    peer_stop(&pr);
    modem_emu_stop(e);
}

NRT_TEST(primary_then_secondary_separated_by_a_space)
{
    modem_emu *e;
    peer pr;
    HRASCONN h = dial_to(DNS_10_0_2_3, DNS_10_0_2_4, &e, &pr);
    NRT_EQ_STR(dns_of(h), "10.0.2.3 10.0.2.4");
    finish(h, e, &pr);
}

NRT_TEST(a_secondary_alone_is_listed_alone)
{
    modem_emu *e;
    peer pr;
    HRASCONN h = dial_to(0, DNS_10_0_2_4, &e, &pr);
    NRT_EQ_STR(dns_of(h), "10.0.2.4");
    finish(h, e, &pr);
}

NRT_TEST(a_server_that_gives_none_leaves_it_empty)
{
    modem_emu *e;
    peer pr;
    HRASCONN h = dial_to(0, 0, &e, &pr);
    NRT_EQ_STR(dns_of(h), "");
    finish(h, e, &pr);
}

NRT_TEST(a_buffer_one_octet_short_is_refused_and_left_alone)
{
    static const char both[] = "10.0.2.3 10.0.2.4";
    char buf[sizeof both];
    modem_emu *e;
    peer pr;
    HRASCONN h = dial_to(DNS_10_0_2_3, DNS_10_0_2_4, &e, &pr);

    memset(buf, 'x', sizeof buf);
    NRT_EQ(nr_ras_get_nameservers(h, buf, sizeof both - 1), ERROR_BUFFER_TOO_SMALL);
    NRT_EQ(buf[0], 'x'); /* nothing copied */
    NRT_EQ(nr_ras_get_nameservers(h, buf, 0), ERROR_BUFFER_TOO_SMALL);
    NRT_EQ(nr_ras_get_nameservers(h, buf, sizeof both), 0); /* exactly the text and its NUL */
    NRT_EQ_STR(buf, both);
    NRT_EQ(nr_ras_get_nameservers(h, NULL, sizeof buf), ERROR_INVALID_PARAMETER);
    finish(h, e, &pr);
    NRT_EQ(nr_ras_get_nameservers(h, buf, sizeof buf), ERROR_INVALID_HANDLE); /* hung up and released */
}

NRT_TEST(unknown_handles_and_a_null_buffer_are_refused)
{
    char buf[32];
    NRT_EQ(nr_ras_get_nameservers((HRASCONN)(uintptr_t)0x7777, buf, sizeof buf), ERROR_INVALID_HANDLE);
    NRT_EQ(nr_ras_get_nameservers(NULL, buf, sizeof buf), ERROR_INVALID_HANDLE);
    NRT_EQ(nr_ras_get_nameservers((HRASCONN)(uintptr_t)0x7777, NULL, sizeof buf), ERROR_INVALID_PARAMETER);
}
