/*
 * test-ras-provider.c - the RAS provider plugin (nr-ras.so) loaded the real
 * way: an nr_router over the build tree's ras manifest
 * (build-plugins.d/ras.json) and the scriptable fixture notifier, which
 * records every PRE and POST.  "ras:Test" dials the modem emulator of
 * dial-fixture.c with its PPP peer behind it; the phonebook is found where
 * the provider looks by default ($XDG_CONFIG_HOME/netrouter/phonebook.json)
 * and the UUCP locks go to the same private directory (NETROUTER_LOCK_DIR).
 *
 * Covered: the capabilities, a dial-up added and cancelled through the
 * router with the notifications around both, connected enumeration, a busy
 * line reported the MPR way (WN_EXTENDED_ERROR, then nr_get_last_error
 * gives the RAS number, a text naming the entry, and the provider), an
 * entry name of 256 CJK characters, and the names that are not the
 * provider's.
 */
#include "config.h"

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <netrouter/netrouter.h>
#include <netrouter/ras.h>

#include "dial-fixture.h"
#include "testutil.h"
#include "uucplock.h"

NRT_SUITE("ras-provider", .setup = nrt_fixtures_found);

/* One test's world: the router, the emulated modem and the far end. */
typedef struct prov {
    nrt_env *env;
    const char *dir; /* $XDG_CONFIG_HOME/netrouter: the phonebook and the locks */
    char book[600];
    modem_emu *emu;
    peer pr;
    bool peer_on;
    nr_router *r;
} prov;

static const char *ras_manifest(nrt_env *env)
{
    const char *b = getenv("NR_TEST_BUILDDIR");
    return nrt_printf(env, "%s/build-plugins.d/ras.json", b && *b ? b : ".");
}

/* The plugins: the fixture notifier "watch" in the env's directory, the ras
 * provider by its build-tree manifest, and with next_provider a fixture
 * provider "next" after it (order 600) taking any name. */
static void load_router(prov *t, bool next_provider)
{
    nrt_env *env = t->env;
    nrt_notifier(env, "watch", 10, NULL, NULL);
    if (next_provider)
        nrt_provider(env, "next", 600, NULL, NULL);
    env->path[0] = env->plugins;
    env->path[1] = ras_manifest(env);
    env->path[2] = NULL;
    t->r = nrt_router(env);
    NRT_TRUE_MSG(nrt_plugin_index(t->r, "ras") >= 0, "the ras provider is loaded: %s", nrt_problems_text(env, t->r));
    NRT_GE_FATAL(nrt_plugin_index(t->r, "ras"), 0);
}

/* A router with the ras provider, and a modem answering the dial with
 * answer (a PPP peer behind it when it connects). */
static void start(prov *t, modem_emu_dial answer, bool next_provider)
{
    memset(t, 0, sizeof *t);
    t->env = nrt_env_new();
    setenv("XDG_CONFIG_HOME", nrt_subdir(t->env, "xdg"), 1);
    t->dir = nrt_subdir(t->env, "xdg/netrouter");
    t->emu = fixture_start_modem(t->dir, answer, 0, t->book, sizeof t->book);
    if (answer == MODEM_EMU_CONNECT) {
        peer_start(&t->pr, t->emu);
        t->peer_on = true;
    }
    load_router(t, next_provider);
}

static void stop(prov *t)
{
    /* The router first: its shutdown hangs up what is still connected. */
    nr_router_free(t->env->router);
    t->env->router = NULL;
    if (t->peer_on)
        peer_stop(&t->pr);
    modem_emu_stop(t->emu);
    nrt_env_free(t->env);
    unsetenv("XDG_CONFIG_HOME");
    unsetenv("NETROUTER_LOCK_DIR");
}

static DWORD add(prov *t, const char *remote)
{
    NETRESOURCE res = { .dwType = RESOURCETYPE_ANY, .lpRemoteName = (char *)remote };
    return nr_add_connection(t->r, NULL, &res, NULL, NULL, 0);
}

static DWORD add_with_provider(prov *t, const char *remote, const char *provider)
{
    NETRESOURCE res = { .dwType = RESOURCETYPE_ANY, .lpRemoteName = (char *)remote, .lpProvider = (char *)provider };
    return nr_add_connection(t->r, NULL, &res, NULL, NULL, 0);
}

/* The live RAS connections of the process (at most 4), their count. */
static DWORD ras_links(RASCONN *v)
{
    DWORD cb = 4 * sizeof *v, n = 0;
    memset(v, 0, cb);
    v[0].dwSize = sizeof *v;
    NRT_EQ(RasEnumConnections(v, &cb, &n), 0);
    return n;
}

/* "name@provider" for every connected resource the router enumerates,
 * joined by ' '. */
static const char *connected(prov *t)
{
    nr_enum *e = NULL;
    const NETRESOURCE *res;
    const char *s = "";
    NRT_EQ_CODE(nr_enum_open(t->r, RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, NULL, &e), WN_SUCCESS);
    if (!e)
        return "(no enumeration)";
    while (nr_enum_next(e, &res) == WN_SUCCESS)
        s = nrt_printf(t->env, "%s%s%s@%s", s, *s ? " " : "", res->lpRemoteName ? res->lpRemoteName : "(null)",
                       res->lpProvider ? res->lpProvider : "(null)");
    nr_enum_close(e);
    return s;
}

/* The device can be locked and opened by someone else right away. */
static bool device_free(prov *t)
{
    char lock[PATH_MAX];
    pid_t owner = 0;
    int fd;
    if (nr_uucp_lock(t->dir, modem_emu_path(t->emu), lock, sizeof lock, &owner, NULL) != 0)
        return false;
    fd = open(modem_emu_path(t->emu), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd >= 0)
        close(fd);
    nr_uucp_unlock(lock);
    return fd >= 0;
}

/* ---- capabilities ------------------------------------------------------------------ */

NRT_TEST(caps_announce_add3_cancel_and_connected_enumeration)
{
    prov t;
    nr_plugin_info info;
    start(&t, MODEM_EMU_BUSY, false);
    NRT_EQ_CODE(nr_router_plugin_info(t.r, (size_t)nrt_plugin_index(t.r, "ras"), &info), WN_SUCCESS);
    NRT_EQ(info.kind, NR_PLUGIN_PROVIDER);
    NRT_EQ(info.net_type, 0x00FD0000u);
    NRT_EQ(info.caps_connection, WNNC_CON_ADDCONNECTION3 | WNNC_CON_CANCELCONNECTION | WNNC_CON_GETCONNECTIONS);
    NRT_EQ(info.caps_enumeration, WNNC_ENUM_LOCAL);
    stop(&t);
}

/* ---- a dial-up through the router ------------------------------------------------------ */

NRT_TEST(add_dials_the_entry_through_to_connected)
{
    prov t;
    RASCONN v[4];
    RASCONNSTATUS st = { .dwSize = sizeof st };
    start(&t, MODEM_EMU_CONNECT, false);
    NRT_EQ_CODE(add(&t, "ras:Test"), WN_SUCCESS);
    NRT_EQ_FATAL(ras_links(v), 1);
    NRT_EQ_STR(v[0].szEntryName, "Test");
    NRT_EQ_CODE(RasGetConnectStatus(v[0].hrasconn, &st), 0);
    NRT_EQ(st.rasconnstate, RASCS_Connected);
    NRT_EQ(fixture_lock_files(t.dir), 1); /* the port is held while the link lives */
    stop(&t);
}

/* An entry name of n CJK characters (U+4E2D, 3 bytes of UTF-8 each) after
 * prefix, in out. */
static void cjk_name(char *out, const char *prefix, size_t n)
{
    size_t k = strlen(prefix);
    memcpy(out, prefix, k);
    for (size_t i = 0; i < n; i++)
        memcpy(out + k + 3 * i, "\xe4\xb8\xad", 3);
    out[k + 3 * n] = '\0';
}

/* RAS_MaxEntryName characters, as Windows counts: 256 CJK characters are
 * 768 bytes, more than RASDIALPARAMSA and RASCONNA hold. */
NRT_TEST(an_entry_of_256_cjk_characters_is_added_listed_and_cancelled_by_its_whole_name)
{
    prov t;
    RASCONN v[4];
    char remote[4 + 3 * (RAS_MaxEntryName + 1) + 1];
    size_t n;
    start(&t, MODEM_EMU_CONNECT, false);
    cjk_name(remote, "", RAS_MaxEntryName);
    fixture_write_entry(t.dir, "phonebook.json", remote, modem_emu_path(t.emu), "",
                        "{\"command_ms\": 1000, \"connect_ms\": 8000, \"ppp_ms\": 8000}", t.book, sizeof t.book);
    cjk_name(remote, "ras:", RAS_MaxEntryName);
    NRT_EQ_CODE(add(&t, remote), WN_SUCCESS);
    NRT_EQ_STR(connected(&t), nrt_printf(t.env, "%s@ras", remote));
    NRT_EQ_CODE(add(&t, remote), WN_ALREADY_CONNECTED); /* found by its whole name */
    NRT_EQ_CODE(nr_cancel_connection(t.r, remote, 0, FALSE), WN_SUCCESS);
    NRT_EQ(ras_links(v), 0);
    NRT_EQ(fixture_lock_files(t.dir), 0);
    /* 257 characters: the provider's WN_BAD_VALUE is "not mine", and nothing is dialed */
    cjk_name(remote, "ras:", RAS_MaxEntryName + 1);
    n = modem_emu_ncommands(t.emu);
    NRT_EQ_CODE(add(&t, remote), WN_BAD_NETNAME);
    NRT_EQ(modem_emu_ncommands(t.emu), n);
    stop(&t);
}

NRT_TEST(add_is_wrapped_in_pre_and_post_naming_the_ras_provider)
{
    prov t;
    start(&t, MODEM_EMU_CONNECT, false);
    NRT_EQ_CODE(add(&t, "ras:Test"), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(t.env, "status,name,provider"),
               "watch add pre status=0 name=ras:Test provider=(null) | "
               "watch add post status=0 name=ras:Test provider=ras");
    stop(&t);
}

NRT_TEST(a_connected_entry_cannot_be_added_twice)
{
    prov t;
    start(&t, MODEM_EMU_CONNECT, false);
    NRT_EQ_CODE(add(&t, "ras:Test"), WN_SUCCESS);
    NRT_EQ_CODE(add(&t, "ras:Test"), WN_ALREADY_CONNECTED);
    stop(&t);
}

NRT_TEST(connected_enumeration_lists_the_live_link)
{
    prov t;
    start(&t, MODEM_EMU_CONNECT, false);
    NRT_EQ_STR(connected(&t), "");
    NRT_EQ_CODE(add(&t, "ras:Test"), WN_SUCCESS);
    NRT_EQ_STR(connected(&t), "ras:Test@ras");
    stop(&t);
}

NRT_TEST(cancel_by_name_hangs_up_and_releases_the_port_at_once)
{
    prov t;
    RASCONN v[4];
    start(&t, MODEM_EMU_CONNECT, false);
    NRT_EQ_CODE(add(&t, "ras:Test"), WN_SUCCESS);
    NRT_EQ_CODE(nr_cancel_connection(t.r, "ras:Test", 0, FALSE), WN_SUCCESS);
    /* No waiting: the cancel returns once the port is released. */
    NRT_EQ(ras_links(v), 0);
    NRT_EQ(fixture_lock_files(t.dir), 0);
    NRT_TRUE(device_free(&t));
    stop(&t);
}

NRT_TEST(cancel_is_wrapped_in_pre_and_post_naming_the_ras_provider)
{
    prov t;
    start(&t, MODEM_EMU_CONNECT, false);
    NRT_EQ_CODE(add(&t, "ras:Test"), WN_SUCCESS);
    nrt_clear_records(t.env);
    NRT_EQ_CODE(nr_cancel_connection(t.r, "ras:Test", 0, FALSE), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(t.env, "status,name,provider"),
               "watch cancel pre status=0 name=ras:Test provider=(null) | "
               "watch cancel post status=0 name=ras:Test provider=ras");
    stop(&t);
}

NRT_TEST(connected_enumeration_forgets_a_cancelled_link)
{
    prov t;
    start(&t, MODEM_EMU_CONNECT, false);
    NRT_EQ_CODE(add(&t, "ras:Test"), WN_SUCCESS);
    NRT_EQ_CODE(nr_cancel_connection(t.r, "ras:Test", 0, FALSE), WN_SUCCESS);
    NRT_EQ_STR(connected(&t), "");
    stop(&t);
}

/* ---- a link the far end drops ---------------------------------------------------------- */

/* Dials ras:Test and has the far end drop it; returns the lost handle. */
static HRASCONN add_and_lose(prov *t)
{
    RASCONN v[4];
    RASCONNSTATUS st = { .dwSize = sizeof st };
    DWORD n;
    NRT_EQ_CODE(add(t, "ras:Test"), WN_SUCCESS);
    n = ras_links(v);
    NRT_EQ(n, 1);
    if (n != 1)
        return NULL; /* not fatal: the test goes on to stop() and its cleanup */
    peer_drop_link(&t->pr);
    for (int i = 0; i < 2000; i++) { /* up to 10 s */
        if (RasGetConnectStatus(v[0].hrasconn, &st) != 0 || st.rasconnstate != RASCS_Connected)
            break;
        usleep(5000);
    }
    NRT_EQ(st.rasconnstate, RASCS_Disconnected);
    return v[0].hrasconn;
}

NRT_TEST(connected_enumeration_leaves_out_a_lost_link)
{
    prov t;
    start(&t, MODEM_EMU_CONNECT, false);
    add_and_lose(&t);
    NRT_EQ_STR(connected(&t), "");
    stop(&t);
}

NRT_TEST(a_lost_link_can_be_added_again_and_its_old_handle_is_released)
{
    prov t;
    modem_emu *again;
    peer pr;
    HRASCONN lost;
    RASCONN v[4];
    start(&t, MODEM_EMU_CONNECT, false);
    lost = add_and_lose(&t);
    again = fixture_start_modem(t.dir, MODEM_EMU_CONNECT, 0, t.book, sizeof t.book); /* "Test" dials it now */
    peer_start(&pr, again);
    NRT_EQ_CODE(add(&t, "ras:Test"), WN_SUCCESS);
    NRT_LT(fixture_wait_invalid(lost, 5000), 5000);
    NRT_EQ(ras_links(v), 1);
    NRT_EQ_STR(connected(&t), "ras:Test@ras");
    nr_router_free(t.env->router);
    t.env->router = NULL;
    peer_stop(&pr);
    modem_emu_stop(again);
    stop(&t);
}

NRT_TEST(cancel_of_a_lost_link_releases_its_handle)
{
    prov t;
    HRASCONN lost;
    start(&t, MODEM_EMU_CONNECT, false);
    lost = add_and_lose(&t);
    NRT_EQ_CODE(nr_cancel_connection(t.r, "ras:Test", 0, FALSE), WN_SUCCESS);
    NRT_LT(fixture_wait_invalid(lost, 5000), 5000);
    NRT_EQ(fixture_lock_files(t.dir), 0);
    stop(&t);
}

/* ---- failures ------------------------------------------------------------------------------ */

NRT_TEST(a_busy_line_is_an_extended_error_676_naming_the_entry)
{
    prov t;
    DWORD code = 0;
    char text[512] = "", provider[64] = "";
    start(&t, MODEM_EMU_BUSY, false);
    NRT_EQ_CODE(add(&t, "ras:Test"), WN_EXTENDED_ERROR);
    nr_get_last_error(&code, text, sizeof text, provider, sizeof provider);
    NRT_EQ(code, ERROR_LINE_BUSY);
    NRT_EQ(ERROR_LINE_BUSY, 676);
    NRT_CONTAINS(text, "Test");
    NRT_CONTAINS(text, "The phone line is busy.");
    NRT_EQ_STR(provider, "ras");
    stop(&t);
}

NRT_TEST(a_busy_line_post_carries_the_extended_error)
{
    prov t;
    start(&t, MODEM_EMU_BUSY, false);
    NRT_EQ_CODE(add(&t, "ras:Test"), WN_EXTENDED_ERROR);
    NRT_EQ_STR(nrt_trace(t.env, "status,name,provider"),
               "watch add pre status=0 name=ras:Test provider=(null) | "
               "watch add post status=1208 name=ras:Test provider=(null)");
    stop(&t);
}

NRT_TEST(a_busy_line_leaves_the_port_released)
{
    prov t;
    RASCONN v[4];
    start(&t, MODEM_EMU_BUSY, false);
    NRT_EQ_CODE(add(&t, "ras:Test"), WN_EXTENDED_ERROR);
    NRT_EQ(ras_links(v), 0);
    NRT_EQ(fixture_lock_files(t.dir), 0);
    NRT_TRUE(device_free(&t));
    NRT_EQ_STR(connected(&t), "");
    stop(&t);
}

NRT_TEST(an_unknown_entry_is_not_a_name_of_the_provider)
{
    prov t;
    start(&t, MODEM_EMU_BUSY, false);
    NRT_EQ_CODE(add_with_provider(&t, "ras:Nope", "ras"), WN_BAD_NETNAME);
    NRT_EQ(modem_emu_ncommands(t.emu), 0); /* nothing was dialed */
    stop(&t);
}

NRT_TEST(an_unknown_entry_is_bad_netname_saying_the_entry_is_missing)
{
    prov t;
    start(&t, MODEM_EMU_BUSY, false);
    NRT_EQ_CODE(add(&t, "ras:Nope"), WN_BAD_NETNAME);
    NRT_CONTAINS(nrt_last_error_text(t.env), "ras:Nope");
    /* the router quotes the provider's reason for passing */
    NRT_CONTAINS(nrt_last_error_text(t.env), "provider 'ras': no phonebook entry named \"Nope\"");
    NRT_EQ_STR(nrt_trace(t.env, "status"), "watch add pre status=0 | watch add post status=67");
    stop(&t);
}

NRT_TEST(a_failure_names_what_was_at_fault)
{
    prov t;
    char text[1536] = "";
    start(&t, MODEM_EMU_BUSY, false);
    NRT_EQ_CODE(add(&t, "ras:Test"), WN_EXTENDED_ERROR);
    nr_get_last_error(NULL, text, sizeof text, NULL, 0);
    NRT_CONTAINS(text, "The phone line is busy.");
    NRT_CONTAINS(text, modem_emu_path(t.emu)); /* the device */
    NRT_CONTAINS(text, "answered \"BUSY\" to \"ATDT5551234\"");
    stop(&t);
}

NRT_TEST(a_missing_device_is_named)
{
    prov t;
    char text[1536] = "";
    start(&t, MODEM_EMU_BUSY, false);
    NRT_EQ_CODE(add(&t, "ras:Gone"), WN_EXTENDED_ERROR);
    nr_get_last_error(NULL, text, sizeof text, NULL, 0);
    NRT_CONTAINS(text, "RAS error 608");
    NRT_CONTAINS(text, nrt_printf(t.env, "The device %s/no-such-tty does not exist", t.dir));
    stop(&t);
}

NRT_TEST(an_unknown_entry_lists_the_entries_of_the_phonebook)
{
    prov t;
    start(&t, MODEM_EMU_BUSY, false);
    NRT_EQ_CODE(add(&t, "ras:Tset"), WN_BAD_NETNAME);
    NRT_CONTAINS(nrt_last_error_text(t.env), "no entry named \"Tset\" (did you mean \"Test\"?)");
    NRT_CONTAINS(nrt_last_error_text(t.env), "its 2 entries are \"Test\" and \"Gone\"");
    stop(&t);
}

NRT_TEST(an_unknown_entry_moves_on_to_the_next_provider)
{
    prov t;
    start(&t, MODEM_EMU_BUSY, true);
    NRT_EQ_CODE(add(&t, "ras:Nope"), WN_SUCCESS);
    NRT_EQ_STR(nrt_value(t.env, "watch add post", 0, "provider"), "next");
    stop(&t);
}

NRT_TEST(a_foreign_name_is_refused_by_the_provider_as_not_its_own)
{
    prov t;
    start(&t, MODEM_EMU_BUSY, false);
    NRT_EQ_CODE(add_with_provider(&t, "link:/tmp", "ras"), WN_BAD_NETNAME);
    stop(&t);
}

NRT_TEST(a_foreign_name_goes_to_the_next_provider)
{
    prov t;
    start(&t, MODEM_EMU_BUSY, true);
    NRT_EQ_CODE(add(&t, "link:/tmp"), WN_SUCCESS);
    NRT_EQ_STR(nrt_value(t.env, "watch add post", 0, "provider"), "next");
    NRT_EQ(modem_emu_ncommands(t.emu), 0);
    stop(&t);
}

NRT_TEST(a_foreign_name_no_other_provider_takes_is_bad_netname_from_the_router)
{
    prov t;
    start(&t, MODEM_EMU_BUSY, false);
    NRT_EQ_CODE(add(&t, "link:/tmp"), WN_BAD_NETNAME);
    NRT_EQ_STR(nrt_last_error_provider(t.env), "netrouter");
    NRT_EQ(modem_emu_ncommands(t.emu), 0);
    stop(&t);
}

NRT_TEST(cancel_of_a_name_not_connected_is_not_connected)
{
    prov t;
    start(&t, MODEM_EMU_BUSY, false);
    NRT_EQ_CODE(nr_cancel_connection(t.r, "ras:Test", 0, FALSE), WN_NOT_CONNECTED);
    NRT_EQ_STR(nrt_trace(t.env, "status"), "watch cancel pre status=0 | watch cancel post status=2250");
    stop(&t);
}
