/*
 * test-ras-tun.c - a connected dial handed to the kernel: an entry naming
 * an "interface" gets a TUN interface from our address to the server's,
 * real UDP traffic from a socket of this process crosses it, the PPP link
 * and the modem emulator to the scripted peer and back, and the interface
 * goes with the connection.  Everything happens in a network namespace of
 * the test's own (it needs root: CAP_NET_ADMIN and CAP_SYS_ADMIN; without,
 * it fails as a hard error rather than skipping).
 */
#include "config.h"

#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <netrouter/ras.h>

#include "cunit-main.h"
#include "dial-fixture.h"
#include "ppp-test-peer.h"

static char dir[] = "/tmp/nr-ras-tun.XXXXXX";

NRT_SUITE("ras-tun", .tmpdir = dir, .ignore_sigpipe = true, .setup = fixture_private_netns);
static char book[600];

typedef echo_server server;

/* The emulator, an echoing peer behind it, and a phonebook whose "Office"
 * entry names interface (NULL: none). */
static void server_start(server *s, const char *interface)
{
    char members[128] = "";
    modem_emu *e = fixture_start_modem(dir, MODEM_EMU_CONNECT, 0, book, sizeof book);
    if (interface)
        snprintf(members, sizeof members, "\"interface\": \"%s\",", interface);
    fixture_write_entry(dir, "tun.json", "Office", modem_emu_path(e), members,
                        "{\"command_ms\": 1000, \"connect_ms\": 8000, \"ppp_ms\": 8000}", book, sizeof book);
    echo_server_start(s, e);
    fixture_rec_reset();
}

static void server_stop(server *s)
{
    echo_server_stop(s);
    modem_emu_stop(s->emu);
}

static RASDIALPARAMS params(void)
{
    RASDIALPARAMS p = { .dwSize = sizeof p };
    snprintf(p.szEntryName, sizeof p.szEntryName, "Office");
    return p;
}

/* ---- tests --------------------------------------------------------------------------------------- */

NRT_TEST(connected_link_is_an_interface_carrying_udp)
{
    server s;
    RASDIALPARAMS p = params();
    HRASCONN h = NULL;
    char name[16] = "?";
    unsigned index;
    server_start(&s, "ras%d");
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 0, NULL, &h), 0);
    NRT_EQ(nr_ras_get_interface(h, name, sizeof name), 0);
    NRT_EQ_STR(name, "ras0");
    index = if_nametoindex(name);
    NRT_NE(index, 0);
    NRT_TRUE(fixture_udp_round_trip("ping through the modem"));
    NRT_TRUE(fixture_udp_round_trip("and again"));
    NRT_GE(echo_server_datagrams(&s), 2);
    NRT_EQ(nr_ras_get_interface(h, name, 2), ERROR_BUFFER_TOO_SMALL);
    fixture_hang_up_and_check(h, dir);
    NRT_EQ(if_nametoindex("ras0"), 0); /* gone with the connection */
    server_stop(&s);
}

NRT_TEST(an_entry_without_interface_gets_none)
{
    server s;
    RASDIALPARAMS p = params();
    HRASCONN h = NULL;
    char name[16] = "?";
    server_start(&s, NULL);
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 0, NULL, &h), 0);
    NRT_EQ(nr_ras_get_interface(h, name, sizeof name), 0);
    NRT_EQ_STR(name, "");
    NRT_EQ(if_nametoindex("ras0"), 0);
    fixture_hang_up_and_check(h, dir);
    server_stop(&s);
}

NRT_TEST(an_interface_that_cannot_be_made_fails_in_projected)
{
    server s;
    RASDIALPARAMS p = params();
    HRASCONN h = NULL;
    server_start(&s, "ras%d%d"); /* two numbers: the kernel refuses the name */
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 1, (void *)fixture_rec_func1, &h), 0);
    NRT_TRUE(fixture_rec_wait_done(h, 10000));
    NRT_EQ_STR(fixture_rec_text(h), "0:0 1:0 2:0 3:0 4:0 5:0 14:0 10:0 18:0 18:731");
    fixture_hang_up_and_check(h, dir);
    server_stop(&s);
}

NRT_TEST(bad_handles_and_buffers_are_refused)
{
    char name[16];
    NRT_EQ(nr_ras_get_interface((HRASCONN)(uintptr_t)0x7777, name, sizeof name), ERROR_INVALID_HANDLE);
    NRT_EQ(nr_ras_get_interface((HRASCONN)(uintptr_t)0x7777, NULL, sizeof name), ERROR_INVALID_PARAMETER);
}

