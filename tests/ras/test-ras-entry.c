/*
 * test-ras-entry.c - RasGetEntryProperties and RasSetEntryProperties: the
 * size-probe protocol and its errors (sizes untouched on every other
 * error), the default properties, the mapping of a phonebook entry to
 * RASENTRY and back, entries created and replaced (other entries and keys
 * kept) through the A and the W forms with non-ASCII names, what cannot be
 * kept refused, the default phonebook created, and an entry written by
 * RasSetEntryProperties dialed by RasDial against the modem emulator.
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

static char dir[] = "/tmp/nr-ras-entry.XXXXXX";
NRT_SUITE("ras-entry", .tmpdir = dir, .ignore_sigpipe = true);
static char book[600];

#define NAME_A "B\xc3\xbcro Z\xc3\xbcrich" /* "Büro Zürich" in UTF-8 */
#define NAME_W L"B\u00fcro Z\u00fcrich"

/* A fresh phonebook (the fixture's "Test" and "Gone") in dir/name/. */
static void setup(const char *name)
{
    char sub[700];
    snprintf(sub, sizeof sub, "%s/%s", dir, name);
    NRT_EQ_FATAL(mkdir(sub, 0700), 0);
    fixture_write_phonebook(sub, "/dev/ttyS0", book, sizeof book);
}

static RASENTRYA *modem_entry(const char *device, const char *number)
{
    static RASENTRYA e;
    memset(&e, 0, sizeof e);
    e.dwSize = sizeof e;
    snprintf(e.szDeviceType, sizeof e.szDeviceType, "%s", RASDT_Modem);
    snprintf(e.szDeviceName, sizeof e.szDeviceName, "%s", device);
    snprintf(e.szLocalPhoneNumber, sizeof e.szLocalPhoneNumber, "%s", number);
    e.dwfNetProtocols = RASNP_Ip;
    e.dwFramingProtocol = RASFP_Ppp;
    e.dwType = RASET_Phone;
    return &e;
}

/* The entry's properties (a CUnit assertion that they are read). */
static RASENTRYA *get(const char *name)
{
    static RASENTRYA e;
    DWORD size = sizeof e;
    memset(&e, 0xAA, sizeof e);
    e.dwSize = sizeof e;
    NRT_EQ(RasGetEntryPropertiesA(book, name, &e, &size, NULL, NULL), 0);
    NRT_EQ(size, sizeof e);
    return &e;
}

static const char *detail(void)
{
    static char buf[2048];
    nr_ras_get_error_detail(NULL, buf, sizeof buf);
    return buf;
}

static char *file_text(const char *path)
{
    static char text[65536];
    FILE *f = fopen(path, "r");
    size_t n;
    NRT_NOT_NULL_FATAL(f);
    n = fread(text, 1, sizeof text - 1, f);
    text[n] = '\0';
    fclose(f);
    return text;
}

static int entries(void)
{
    DWORD cb = 0, n = 0;
    RasEnumEntries(NULL, book, NULL, &cb, &n);
    return (int)n;
}

/* ---- the size probe ---------------------------------------------------------------------- */

NRT_TEST(no_buffer_asks_for_the_size)
{
    DWORD size = 0, devsize = 99;
    setup("probe");
    NRT_EQ(RasGetEntryProperties(book, "Test", NULL, &size, NULL, &devsize), ERROR_BUFFER_TOO_SMALL);
    NRT_EQ(size, sizeof(RASENTRY));
    NRT_EQ(devsize, 0); /* no device-specific information */
}

NRT_TEST(a_small_buffer_gets_the_size)
{
    RASENTRY e = { .dwSize = sizeof e };
    DWORD size = sizeof e - 1;
    setup("small");
    NRT_EQ(RasGetEntryProperties(book, "Test", &e, &size, NULL, NULL), ERROR_BUFFER_TOO_SMALL);
    NRT_EQ(size, sizeof e);
    size = 0;
    NRT_EQ(RasGetEntryProperties(book, "Test", &e, &size, NULL, NULL), ERROR_BUFFER_TOO_SMALL);
    NRT_EQ(size, sizeof e);
}

NRT_TEST(a_wrong_dwSize_is_invalid_size_and_leaves_the_size)
{
    static const DWORD wrong[] = { 0, sizeof(RASENTRY) - 1, sizeof(RASENTRY) + 1, 4 };
    RASENTRY e;
    setup("dwsize");
    for (size_t i = 0; i < sizeof wrong / sizeof wrong[0]; i++) {
        DWORD size = sizeof e, devsize = 7;
        e.dwSize = wrong[i];
        NRT_EQ(RasGetEntryProperties(book, "Test", &e, &size, NULL, &devsize), ERROR_INVALID_SIZE);
        NRT_EQ(size, sizeof e);
        NRT_EQ(devsize, 7);
    }
}

NRT_TEST(no_size_pointer_is_invalid_parameter)
{
    RASENTRY e = { .dwSize = sizeof e };
    setup("nosize");
    NRT_EQ(RasGetEntryProperties(book, "Test", &e, NULL, NULL, NULL), ERROR_INVALID_PARAMETER);
    NRT_EQ(RasGetEntryProperties(book, "Test", NULL, NULL, NULL, NULL), ERROR_INVALID_PARAMETER);
}

NRT_TEST(errors_of_the_phonebook_leave_the_size)
{
    RASENTRY e = { .dwSize = sizeof e };
    DWORD size = 12345;
    char missing[700];
    setup("errors");
    NRT_EQ(RasGetEntryProperties(book, "Nobody", &e, &size, NULL, NULL), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    NRT_EQ(size, 12345);
    NRT_CONTAINS(detail(), "Nobody");
    snprintf(missing, sizeof missing, "%s/no-such.json", dir);
    NRT_EQ(RasGetEntryProperties(missing, "Test", NULL, &size, NULL, NULL), ERROR_CANNOT_OPEN_PHONEBOOK);
    NRT_EQ(size, 12345);
}

/* ---- reading ------------------------------------------------------------------------------- */

NRT_TEST(no_entry_name_gives_the_default_properties)
{
    const char *names[] = { NULL, "" };
    char missing[700];
    snprintf(missing, sizeof missing, "%s/none.json", dir); /* no phonebook is read */
    for (int i = 0; i < 2; i++) {
        RASENTRY e = { .dwSize = sizeof e };
        DWORD size = sizeof e;
        NRT_EQ(RasGetEntryProperties(missing, names[i], &e, &size, NULL, NULL), 0);
        NRT_EQ_STR(e.szDeviceType, RASDT_Modem);
        NRT_EQ_STR(e.szDeviceName, "");
        NRT_EQ_STR(e.szLocalPhoneNumber, "");
        NRT_EQ(e.dwfNetProtocols, RASNP_Ip);
        NRT_EQ(e.dwFramingProtocol, RASFP_Ppp);
        NRT_EQ(e.dwType, RASET_Phone);
        NRT_EQ(e.dwSubEntries, 1);
        NRT_EQ(e.dwRedialCount, 0);
        NRT_EQ(e.dwRedialPause, 3);
        NRT_EQ(e.dwfOptions, 0);
        NRT_EQ(e.dwAlternateOffset, 0);
    }
}

NRT_TEST(an_entry_maps_to_rasentry)
{
    FILE *f;
    RASENTRYA *e;
    snprintf(book, sizeof book, "%s/mapped.json", dir);
    f = fopen(book, "w");
    NRT_NOT_NULL_FATAL(f);
    fputs("{\"entries\": [{\"name\": \"Office\", \"device\": \"/dev/ttyUSB3\", \"phone_number\": \"0,5551234\",\n"
          " \"auth\": \"mschapv2\", \"terminal_after_dial\": true, \"idle_disconnect_s\": 600,\n"
          " \"redial\": {\"attempts\": 4, \"pause_ms\": 7400}},\n"
          " {\"name\": \"Home\", \"device\": \"/dev/ttyS1\", \"phone_number\": \"1\", \"auth\": \"pap\",\n"
          "  \"reconnect\": {}}]}\n",
          f);
    fclose(f);
    chmod(book, 0600);
    e = get("Office");
    NRT_EQ_STR(e->szDeviceType, "modem");
    NRT_EQ_STR(e->szDeviceName, "/dev/ttyUSB3");
    NRT_EQ_STR(e->szLocalPhoneNumber, "0,5551234");
    NRT_EQ(e->dwfOptions, RASEO_RequireMsCHAP2 | RASEO_TerminalAfterDial);
    NRT_EQ(e->dwIdleDisconnectSeconds, 600);
    NRT_EQ(e->dwRedialCount, 4);
    NRT_EQ(e->dwRedialPause, 7);
    NRT_EQ(e->dwfOptions2, 0);
    NRT_EQ_STR(e->szScript, "");
    NRT_EQ(e->dwCountryCode, 0);
    e = get("Home");
    NRT_EQ(e->dwfOptions, RASEO_RequirePAP);
    NRT_EQ(e->dwfOptions2, RASEO2_ReconnectIfDropped);
}

/* ---- writing ------------------------------------------------------------------------------- */

NRT_TEST(a_new_entry_is_created_and_read_back)
{
    RASENTRYA *in = modem_entry("/dev/ttyUSB0", "5550000"), *out;
    setup("create");
    in->dwfOptions = RASEO_RequireCHAP | RASEO_TerminalAfterDial;
    in->dwIdleDisconnectSeconds = 300;
    in->dwRedialCount = 5;
    in->dwRedialPause = 10;
    NRT_EQ(RasSetEntryPropertiesA(book, NAME_A, in, sizeof *in, NULL, 0), 0);
    NRT_EQ(entries(), 3);
    out = get(NAME_A);
    NRT_EQ_STR(out->szDeviceName, "/dev/ttyUSB0");
    NRT_EQ_STR(out->szLocalPhoneNumber, "5550000");
    NRT_EQ(out->dwfOptions, RASEO_RequireCHAP | RASEO_TerminalAfterDial);
    NRT_EQ(out->dwIdleDisconnectSeconds, 300);
    NRT_EQ(out->dwRedialCount, 5);
    NRT_EQ(out->dwRedialPause, 10);
    NRT_EQ(nr_ras_check_phonebook(book, NULL, 0, NULL), 0); /* what the reader accepts */
    NRT_CONTAINS(file_text(book), "\"name\": \"" NAME_A "\"");
}

NRT_TEST(replacing_keeps_the_other_entries_and_the_keys_rasentry_lacks)
{
    RASENTRYA *in = modem_entry("ttyUSB1", "777"), *out;
    const char *text;
    setup("replace");
    in->dwRedialCount = 2;
    in->dwRedialPause = 0; /* the fixture's 10 ms: kept as 10 ms, not rounded */
    in->dwfOptions2 = RASEO2_ReconnectIfDropped;
    NRT_EQ(RasSetEntryProperties(book, "Test", in, sizeof *in, NULL, 0), 0);
    NRT_EQ(entries(), 2);
    out = get("Test");
    NRT_EQ_STR(out->szDeviceName, "/dev/ttyUSB1"); /* a bare name is a device of /dev */
    NRT_EQ_STR(out->szLocalPhoneNumber, "777");
    NRT_EQ(out->dwfOptions2, RASEO2_ReconnectIfDropped);
    text = file_text(book);
    NRT_CONTAINS(text, "\"flow_control\": \"none\"");
    NRT_CONTAINS(text, "\"command_ms\": 500");
    NRT_CONTAINS(text, "\"pause_ms\": 10");
    NRT_CONTAINS(text, "\"Gone\"");
    /* and back off: the reconnect object stays, switched off */
    in->dwfOptions2 = 0;
    NRT_EQ(RasSetEntryProperties(book, "Test", in, sizeof *in, NULL, 0), 0);
    NRT_EQ(get("Test")->dwfOptions2, 0);
}

NRT_TEST(what_cannot_be_kept_or_dialed_is_refused)
{
    RASENTRYA *in;
    const char *before;
    char saved[65536];
    setup("refused");
    before = file_text(book);
    snprintf(saved, sizeof saved, "%s", before);
    NRT_EQ(RasSetEntryProperties(book, "X", NULL, 0, NULL, 0), ERROR_BUFFER_INVALID);
    in = modem_entry("/dev/ttyS0", "1");
    NRT_EQ(RasSetEntryProperties(book, "X", in, sizeof *in - 1, NULL, 0), ERROR_INVALID_SIZE);
    in->dwSize = 100;
    NRT_EQ(RasSetEntryProperties(book, "X", in, sizeof *in, NULL, 0), ERROR_INVALID_SIZE);
    in = modem_entry("/dev/ttyS0", "1");
    NRT_EQ(RasSetEntryProperties(book, NULL, in, sizeof *in, NULL, 0), ERROR_INVALID_NAME);
    NRT_EQ(RasSetEntryProperties(book, "", in, sizeof *in, NULL, 0), ERROR_INVALID_NAME);
    NRT_EQ(RasSetEntryProperties(book, "a/b", in, sizeof *in, NULL, 0), ERROR_INVALID_NAME);
    NRT_EQ(RasSetEntryProperties(book, ".hidden", in, sizeof *in, NULL, 0), ERROR_INVALID_NAME);
    snprintf(in->szDeviceType, sizeof in->szDeviceType, "%s", RASDT_Vpn);
    NRT_EQ(RasSetEntryProperties(book, "X", in, sizeof *in, NULL, 0), ERROR_INVALID_PARAMETER);
    NRT_CONTAINS(detail(), "modem");
    in = modem_entry("/dev/ttyS0", "");
    NRT_EQ(RasSetEntryProperties(book, "X", in, sizeof *in, NULL, 0), ERROR_INVALID_PARAMETER);
    in = modem_entry("", "1");
    NRT_EQ(RasSetEntryProperties(book, "X", in, sizeof *in, NULL, 0), ERROR_INVALID_PARAMETER);
    in = modem_entry("/dev/ttyS0", "555-CALL-NOW"); /* letters a modem cannot dial */
    NRT_EQ(RasSetEntryProperties(book, "X", in, sizeof *in, NULL, 0), ERROR_INVALID_PARAMETER);
    NRT_CONTAINS(detail(), "phone_number");
    in = modem_entry("/dev/ttyS0", "1");
    snprintf(in->szScript, sizeof in->szScript, "login.scp");
    NRT_EQ(RasSetEntryProperties(book, "X", in, sizeof *in, NULL, 0), ERROR_INVALID_PARAMETER);
    in = modem_entry("/dev/ttyS0", "1");
    in->dwFramingProtocol = RASFP_Slip;
    NRT_EQ(RasSetEntryProperties(book, "X", in, sizeof *in, NULL, 0), ERROR_INVALID_PARAMETER);
    in = modem_entry("/dev/ttyS0", "1");
    in->dwEncryptionType = ET_Require;
    NRT_EQ(RasSetEntryProperties(book, "X", in, sizeof *in, NULL, 0), ERROR_INVALID_PARAMETER);
    in = modem_entry("/dev/ttyS0", "1");
    in->dwfOptions = RASEO_RequireEAP;
    NRT_EQ(RasSetEntryProperties(book, "X", in, sizeof *in, NULL, 0), ERROR_INVALID_PARAMETER);
    in = modem_entry("/dev/ttyS0", "1");
    in->dwfOptions = RASEO_TerminalAfterDial; /* with reconnect: the reader refuses the pair */
    in->dwfOptions2 = RASEO2_ReconnectIfDropped;
    NRT_EQ(RasSetEntryProperties(book, "X", in, sizeof *in, NULL, 0), ERROR_INVALID_PARAMETER);
    NRT_CONTAINS(detail(), "terminal_after_dial");
    in = modem_entry("/dev/ttyS0", "1");
    in->dwRedialCount = 1000;
    NRT_EQ(RasSetEntryProperties(book, "X", in, sizeof *in, NULL, 0), ERROR_INVALID_PARAMETER);
    NRT_EQ_STR(file_text(book), saved); /* nothing was written */
}

NRT_TEST(several_require_bits_become_one_auth)
{
    static const struct {
        DWORD options, expect;
    } cases[] = {
        { 0, 0 },
        { RASEO_RequirePAP, RASEO_RequirePAP },
        { RASEO_RequirePAP | RASEO_RequireCHAP, 0 }, /* PAP among them: any */
        { RASEO_RequireCHAP | RASEO_RequireMsCHAP2, RASEO_RequireMsCHAP2 },
        { RASEO_RequireCHAP | RASEO_RequireMsCHAP, RASEO_RequireCHAP },
        { RASEO_RequireMsEncryptedPw, RASEO_RequireMsCHAP2 },
        { RASEO_RequireEncryptedPw, RASEO_RequireCHAP },
    };
    setup("auth");
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        RASENTRYA *in = modem_entry("/dev/ttyS0", "1");
        in->dwfOptions = cases[i].options;
        NRT_EQ(RasSetEntryProperties(book, "Auth", in, sizeof *in, NULL, 0), 0);
        NRT_EQ(get("Auth")->dwfOptions, cases[i].expect);
    }
}

NRT_TEST(the_file_keeps_its_mode)
{
    RASENTRYA *in = modem_entry("/dev/ttyS0", "1");
    struct stat st;
    setup("mode");
    NRT_EQ_FATAL(chmod(book, 0644), 0);
    NRT_EQ(RasSetEntryProperties(book, "New", in, sizeof *in, NULL, 0), 0);
    NRT_EQ_FATAL(stat(book, &st), 0);
    NRT_EQ(st.st_mode & 07777, 0644);
}

NRT_TEST(a_missing_named_phonebook_is_created)
{
    RASENTRYA *in = modem_entry("/dev/ttyS0", "1");
    struct stat st;
    snprintf(book, sizeof book, "%s/created.json", dir);
    NRT_EQ(RasSetEntryProperties(book, "First", in, sizeof *in, NULL, 0), 0);
    NRT_EQ(entries(), 1);
    NRT_EQ_FATAL(stat(book, &st), 0);
    NRT_EQ(st.st_mode & 07777, 0600);
}

NRT_TEST(the_default_phonebook_and_its_directory_are_created)
{
    RASENTRYA *in = modem_entry("/dev/ttyS0", "1");
    char cfg[400], path[500], expected[500];
    snprintf(cfg, sizeof cfg, "%s/xdg", dir);
    setenv("XDG_CONFIG_HOME", cfg, 1);
    snprintf(expected, sizeof expected, "%s/netrouter/phonebook.json", cfg);
    nr_ras_check_phonebook(NULL, path, sizeof path, NULL);
    if (strcmp(path, expected)) /* a system phonebook of this machine is the default: not ours to write */
        return;
    NRT_EQ(RasSetEntryProperties(NULL, "Home", in, sizeof *in, NULL, 0), 0);
    NRT_EQ(access(expected, F_OK), 0);
    snprintf(book, sizeof book, "%s", expected);
    NRT_EQ_STR(get("Home")->szLocalPhoneNumber, "1");
    unsetenv("XDG_CONFIG_HOME");
}

/* ---- wide ---------------------------------------------------------------------------------- */

NRT_TEST(the_w_forms_round_trip_non_ascii_names)
{
    static RASENTRYW in, out;
    DWORD size = 0;
    wchar_t wbook[600];
    RASENTRYA *a;
    setup("wide");
    mbstowcs(wbook, book, 600); /* an ASCII path */
    memset(&in, 0, sizeof in);
    in.dwSize = sizeof in;
    wcscpy(in.szDeviceType, L"modem");
    wcscpy(in.szDeviceName, L"/dev/ttyACM0");
    wcscpy(in.szLocalPhoneNumber, L"5551234");
    in.dwfOptions = RASEO_RequirePAP;
    NRT_EQ(RasSetEntryPropertiesW(wbook, NAME_W, &in, sizeof in, NULL, 0), 0);
    NRT_EQ(RasGetEntryPropertiesW(wbook, NAME_W, NULL, &size, NULL, NULL), ERROR_BUFFER_TOO_SMALL);
    NRT_EQ(size, sizeof(RASENTRYW));
    out.dwSize = sizeof out;
    NRT_EQ(RasGetEntryPropertiesW(wbook, NAME_W, &out, &size, NULL, NULL), 0);
    NRT_TRUE(!wcscmp(out.szDeviceName, L"/dev/ttyACM0"));
    NRT_TRUE(!wcscmp(out.szLocalPhoneNumber, L"5551234"));
    NRT_TRUE(!wcscmp(out.szDeviceType, L"modem"));
    NRT_EQ(out.dwfOptions, RASEO_RequirePAP);
    NRT_EQ(out.dwType, RASET_Phone);
    a = get(NAME_A); /* the same entry through the A form */
    NRT_EQ_STR(a->szDeviceName, "/dev/ttyACM0");
}

NRT_TEST(the_w_forms_check_their_own_sizes_and_text)
{
    static RASENTRYW e;
    DWORD size = sizeof e;
    wchar_t wbook[600], bad[] = { L'A', 0xD800, 0 };
    setup("widechecks");
    mbstowcs(wbook, book, 600);
    memset(&e, 0, sizeof e);
    e.dwSize = sizeof(RASENTRYA); /* the A size is wrong here */
    NRT_EQ(RasGetEntryPropertiesW(wbook, L"Test", &e, &size, NULL, NULL), ERROR_INVALID_SIZE);
    NRT_EQ(size, sizeof e);
    e.dwSize = sizeof e;
    NRT_EQ(RasGetEntryPropertiesW(wbook, bad, &e, &size, NULL, NULL), ERROR_INVALID_PARAMETER);
    wcscpy(e.szDeviceName, L"/dev/ttyS0");
    wcscpy(e.szLocalPhoneNumber, L"1");
    NRT_EQ(RasSetEntryPropertiesW(wbook, bad, &e, sizeof e, NULL, 0), ERROR_INVALID_PARAMETER);
    e.szLocalPhoneNumber[0] = 0xDFFF; /* a lone surrogate in a member */
    NRT_EQ(RasSetEntryPropertiesW(wbook, L"Ok", &e, sizeof e, NULL, 0), ERROR_INVALID_PARAMETER);
    NRT_EQ(RasSetEntryPropertiesW(wbook, L"Ok", &e, sizeof e - 1, NULL, 0), ERROR_INVALID_SIZE);
    NRT_EQ(RasGetEntryPropertiesW(wbook, L"Test", &e, &size, NULL, NULL), 0);
    NRT_TRUE(!wcscmp(e.szLocalPhoneNumber, L"5551234"));
}

/* ---- dialing what was written ------------------------------------------------------------ */

NRT_TEST(an_entry_written_by_rassetentryproperties_dials)
{
    char sub[700];
    modem_emu *e;
    peer pr;
    RASENTRYA *in;
    RASDIALPARAMS p = { .dwSize = sizeof p };
    HRASCONN h = NULL;
    RASCONNSTATUS st = { .dwSize = sizeof st };
    snprintf(sub, sizeof sub, "%s/dial", dir);
    NRT_EQ_FATAL(mkdir(sub, 0700), 0);
    e = fixture_start_modem(sub, MODEM_EMU_CONNECT, 0, book, sizeof book);
    in = modem_entry(modem_emu_path(e), "5551234");
    NRT_EQ_FATAL(RasSetEntryPropertiesA(book, NAME_A, in, sizeof *in, NULL, 0), 0);
    peer_start(&pr, e);
    snprintf(p.szEntryName, sizeof p.szEntryName, "%s", NAME_A);
    NRT_EQ(RasDial(NULL, book, &p, 0, NULL, &h), 0);
    NRT_NOT_NULL_FATAL(h);
    NRT_EQ(RasGetConnectStatus(h, &st), 0);
    NRT_EQ(st.rasconnstate, RASCS_Connected);
    NRT_EQ_STR(st.szPhoneNumber, "5551234");
    fixture_hang_up_and_check(h, sub);
    peer_stop(&pr);
    modem_emu_stop(e);
}
