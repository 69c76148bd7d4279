/*
 * test-ras-wide.c - the W forms of the RAS calls and the names that came
 * with them: RasGetErrorStringW (characters, not bytes), RasEnumEntriesW
 * and RasEnumConnectionsW with their size rules, RasGetEntryDialParamsW /
 * RasSetEntryDialParamsW, RasDialW to the emulated modem with a non-ASCII
 * entry name and a Windows-style RasDialFunc1 (VOID WINAPI), the status,
 * projection and connection list of that link in wide characters, what
 * RASCONN's new fields hold, the older structure sizes still accepted, and
 * wide text that is not Unicode refused.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>
#include <netrouter/ras.h>

#include "cunit-main.h"
#include "dial-fixture.h"

static char dir[] = "/tmp/nr-ras-wide.XXXXXX";
NRT_SUITE("ras-wide", .tmpdir = dir, .ignore_sigpipe = true);
static char book[600];

/* An ASCII path as a wide string (the test's paths are ASCII). */
static const wchar_t *widen(const char *s)
{
    static wchar_t out[700];
    size_t i = 0;
    for (; s[i] && i + 1 < sizeof out / sizeof out[0]; i++)
        out[i] = (wchar_t)(unsigned char)s[i];
    out[i] = L'\0';
    return out;
}

static void write_book(const char *name, const char *text)
{
    FILE *f;
    snprintf(book, sizeof book, "%s/%s", dir, name);
    f = fopen(book, "w");
    NRT_NOT_NULL_FATAL(f);
    fputs(text, f);
    fclose(f);
    chmod(book, 0600);
}

/* ---- RasGetErrorStringW -------------------------------------------------------------------- */

NRT_TEST(error_string_w_is_the_windows_text_in_wide_characters)
{
    wchar_t buf[512];
    NRT_EQ(RasGetErrorStringW(ERROR_LINE_BUSY, buf, 512), 0);
    NRT_TRUE(wcscmp(buf, L"The phone line is busy.") == 0);
    /* the size counts characters: 23 and the NUL */
    NRT_EQ(RasGetErrorStringW(ERROR_LINE_BUSY, buf, 23), ERROR_INSUFFICIENT_BUFFER);
    NRT_EQ(RasGetErrorStringW(ERROR_LINE_BUSY, buf, 24), 0);
    NRT_EQ(RasGetErrorStringW(WN_BAD_NETNAME, buf, 512), 0);
    NRT_TRUE(wcscmp(buf, L"The network name cannot be found.") == 0);
    NRT_EQ(RasGetErrorStringW(ERROR_LINE_BUSY, NULL, 512), ERROR_INVALID_PARAMETER);
}

NRT_TEST(error_string_w_has_a_text_for_every_ras_number_and_none_past_877)
{
    wchar_t w[512];
    char a[512];
    for (UINT code = RASBASE; code <= RASBASEEND; code++) {
        size_t i = 0;
        NRT_EQ(RasGetErrorStringA(code, a, sizeof a), 0);
        NRT_EQ(RasGetErrorStringW(code, w, 512), 0);
        while (a[i] && w[i] == (wchar_t)(unsigned char)a[i]) /* the texts are ASCII */
            i++;
        NRT_TRUE_MSG(a[i] == '\0' && w[i] == L'\0' && i > 0, "%u: the same text in both forms", code);
    }
    for (UINT code = RASBASEEND + 1; code <= 899; code++) {
        w[0] = L'#';
        NRT_EQ(RasGetErrorStringW(code, w, 512), ERROR_INVALID_PARAMETER);
        NRT_EQ(w[0], L'#');
    }
}

/* ---- RasEnumEntriesW ----------------------------------------------------------------------- */

NRT_TEST(enum_entries_w_gives_non_ascii_names_with_the_size_probe)
{
    RASENTRYNAMEW names[2] = { { .dwSize = sizeof(RASENTRYNAMEW) } };
    DWORD cb = 0, n = 0;
    write_book("names.json", "{\"entries\": [\n"
                             " {\"name\": \"B\xc3\xbcro \xe2\x98\x8e\", \"device\": \"/dev/ttyS0\", \"phone_number\": \"1\"},\n"
                             " {\"name\": \"\xce\x95\xce\xbb\xce\xbb\xce\xac\xce\xb4\xce\xb1\", \"device\": \"/dev/ttyS1\","
                             " \"phone_number\": \"2\"}\n]}\n");
    NRT_EQ(RasEnumEntriesW(NULL, widen(book), NULL, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    NRT_EQ(cb, 2 * sizeof(RASENTRYNAMEW)); /* bytes of the W structures */
    NRT_EQ(n, 2);
    cb = sizeof(RASENTRYNAMEW); /* one too few */
    NRT_EQ(RasEnumEntriesW(NULL, widen(book), names, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    NRT_EQ(cb, 2 * sizeof(RASENTRYNAMEW));
    cb = sizeof names;
    NRT_EQ(RasEnumEntriesW(NULL, widen(book), names, &cb, &n), 0);
    NRT_EQ(n, 2);
    NRT_EQ(cb, sizeof names);
    NRT_TRUE(wcscmp(names[0].szEntryName, L"B\u00fcro \u260e") == 0);
    NRT_TRUE(wcscmp(names[1].szEntryName, L"\u0395\u03bb\u03bb\u03ac\u03b4\u03b1") == 0);
    NRT_TRUE(wcscmp(names[1].szPhonebookPath, widen(book)) == 0);
    NRT_EQ(names[1].dwSize, sizeof(RASENTRYNAMEW));
    NRT_EQ(names[0].dwFlags, REN_User);
}

NRT_TEST(enum_entries_w_checks_its_arguments_as_the_a_form_does)
{
    RASENTRYNAMEW names[1] = { { .dwSize = sizeof(RASENTRYNAMEA) } };
    DWORD cb = sizeof names, n = 77;
    const wchar_t bad_path[] = { L'/', 0xD800, L'x', L'\0' }; /* a lone surrogate */
    write_book("one.json", "{\"entries\": [{\"name\": \"A\", \"device\": \"/dev/ttyS0\", \"phone_number\": \"1\"}]}\n");
    NRT_EQ(RasEnumEntriesW(NULL, widen(book), names, &cb, &n), ERROR_INVALID_SIZE);
    NRT_EQ(cb, sizeof names); /* untouched on other errors */
    NRT_EQ(n, 77);
    names[0].dwSize = sizeof(RASENTRYNAMEW);
    NRT_EQ(RasEnumEntriesW(L"", widen(book), names, &cb, &n), ERROR_INVALID_PARAMETER);
    NRT_EQ(RasEnumEntriesW(NULL, bad_path, names, &cb, &n), ERROR_INVALID_PARAMETER);
    NRT_EQ(RasEnumEntriesW(NULL, widen(book), names, NULL, &n), ERROR_INVALID_PARAMETER);
    NRT_EQ(RasEnumEntriesW(NULL, L"/nonexistent/phonebook.json", names, &cb, &n), ERROR_CANNOT_OPEN_PHONEBOOK);
    NRT_EQ(cb, sizeof names);
    NRT_EQ(n, 77);
}

/* ---- RasSetEntryDialParamsW / RasGetEntryDialParamsW --------------------------------------- */

NRT_TEST(entry_dial_params_w_round_trip_non_ascii_credentials)
{
    RASDIALPARAMSW w = { .dwSize = sizeof w };
    RASDIALPARAMSA a = { .dwSize = sizeof a };
    char state[700];
    BOOL has = FALSE;
    snprintf(state, sizeof state, "%s/state", dir);
    setenv("NETROUTER_STATE_DIR", state, 1);
    write_book("creds.json",
               "{\"entries\": [{\"name\": \"B\xc3\xbcro\", \"device\": \"/dev/ttyS0\", \"phone_number\": \"1\"}]}\n");
    wcscpy(w.szEntryName, L"B\u00fcro");
    wcscpy(w.szUserName, L"J\u00fcrgen");
    wcscpy(w.szPassword, L"p\u00e4ssw\u00f6rd \u20ac");
    wcscpy(w.szDomain, L"\u00c9TAGE");
    NRT_EQ(RasSetEntryDialParamsW(widen(book), &w, FALSE), 0);

    memset(&w, 0, sizeof w);
    w.dwSize = sizeof w;
    wcscpy(w.szEntryName, L"B\u00fcro");
    NRT_EQ(RasGetEntryDialParamsW(widen(book), &w, &has), 0);
    NRT_TRUE(has);
    NRT_TRUE(wcscmp(w.szUserName, L"J\u00fcrgen") == 0);
    NRT_TRUE(wcscmp(w.szPassword, L"p\u00e4ssw\u00f6rd \u20ac") == 0);
    NRT_TRUE(wcscmp(w.szDomain, L"\u00c9TAGE") == 0);
    NRT_TRUE(w.szPhoneNumber[0] == L'\0');

    /* the A form reads the same credentials, in UTF-8 */
    snprintf(a.szEntryName, sizeof a.szEntryName, "B\xc3\xbcro");
    NRT_EQ(RasGetEntryDialParamsA(book, &a, &has), 0);
    NRT_EQ_STR(a.szUserName, "J\xc3\xbcrgen");
    NRT_EQ_STR(a.szPassword, "p\xc3\xa4ssw\xc3\xb6rd \xe2\x82\xac");
    explicit_bzero(&w, sizeof w);
    explicit_bzero(&a, sizeof a);
    unsetenv("NETROUTER_STATE_DIR");
}

NRT_TEST(entry_dial_params_w_refuse_the_a_size_and_text_that_is_not_unicode)
{
    RASDIALPARAMSW w = { .dwSize = sizeof(RASDIALPARAMSA) };
    BOOL has;
    write_book("one.json", "{\"entries\": [{\"name\": \"A\", \"device\": \"/dev/ttyS0\", \"phone_number\": \"1\"}]}\n");
    wcscpy(w.szEntryName, L"A");
    NRT_EQ(RasGetEntryDialParamsW(widen(book), &w, &has), ERROR_INVALID_SIZE);
    NRT_EQ(RasSetEntryDialParamsW(widen(book), &w, FALSE), ERROR_INVALID_SIZE);
    w.dwSize = sizeof w;
    w.szUserName[0] = (wchar_t)0x110000; /* past U+10FFFF */
    NRT_EQ(RasSetEntryDialParamsW(widen(book), &w, FALSE), ERROR_INVALID_PARAMETER);
    NRT_EQ(RasGetEntryDialParamsW(widen(book), NULL, &has), ERROR_BUFFER_INVALID);
}

/* ---- RasDialW to the emulated modem -------------------------------------------------------- */

/* Exactly as a Windows program declares it. */
static VOID WINAPI RasDialFunc1(HRASCONN hrasconn, UINT unMsg, RASCONNSTATE rascs, DWORD dwError,
                                DWORD dwExtendedError)
{
    (void)unMsg;
    fixture_rec_add(hrasconn, rascs, dwError, dwExtendedError);
}

NRT_TEST(dial_w_connects_an_entry_with_a_non_ascii_name_and_lists_it_in_wide_characters)
{
    modem_emu *e = fixture_start_modem(dir, MODEM_EMU_CONNECT, 0, book, sizeof book);
    RASDIALEXTENSIONS ext = { .dwSize = sizeof ext, .dwfOptions = 0xFFFF }; /* every RDEOPT_ bit: accepted */
    RASDIALPARAMSW p = { .dwSize = sizeof p };
    RASDIALFUNC1 notifier = RasDialFunc1;
    RASCONNW conns[2] = { { .dwSize = sizeof(RASCONNW) } };
    RASCONNA old[2] = { { .dwSize = NR_RASCONNA_V1_SIZE } };
    RASCONNSTATUSW st = { .dwSize = sizeof st };
    RASCONNSTATUSA sta = { .dwSize = sizeof sta };
    RASPPPIPW ip = { .dwSize = sizeof ip };
    RASPPPLCPW lcp = { .dwSize = sizeof lcp };
    DWORD cb = 0, n = 0;
    HRASCONN h = NULL;
    wchar_t wbook[700];
    peer pr;

    fixture_write_entry(dir, "wide.json", "B\xc3\xbcro \xe2\x98\x8e", modem_emu_path(e), "",
                        "{\"command_ms\": 1000, \"connect_ms\": 8000, \"ppp_ms\": 8000}", book, sizeof book);
    wcscpy(wbook, widen(book));
    wcscpy(p.szEntryName, L"B\u00fcro \u260e");
    fixture_rec_reset();
    peer_start(&pr, e);
    NRT_EQ_FATAL(RasDialW(&ext, wbook, &p, 1, (LPVOID)notifier, &h), 0);
    NRT_NOT_NULL_FATAL(h);
    NRT_TRUE(fixture_rec_wait_done(NULL, 15000));
    NRT_EQ(RasGetConnectStatusW(h, &st), 0);
    NRT_EQ(st.rasconnstate, RASCS_Connected);
    NRT_EQ(RasGetConnectStatusA(h, &sta), 0);
    NRT_TRUE(wcscmp(st.szDeviceName, widen(sta.szDeviceName)) == 0);
    NRT_TRUE(wcscmp(st.szDeviceType, widen(sta.szDeviceType)) == 0);
    st.dwSize = sizeof(RASCONNSTATUSA);
    NRT_EQ(RasGetConnectStatusW(h, &st), ERROR_INVALID_SIZE);
    st.dwSize = sizeof st;

    /* the list: probe, then the element, in bytes of RASCONNW */
    NRT_EQ(RasEnumConnectionsW(NULL, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    NRT_EQ(cb, sizeof(RASCONNW));
    NRT_EQ(n, 1);
    cb = sizeof(RASCONNW) - 1;
    NRT_EQ(RasEnumConnectionsW(conns, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    NRT_EQ(cb, sizeof(RASCONNW));
    cb = sizeof conns;
    NRT_EQ(RasEnumConnectionsW(conns, &cb, &n), 0);
    NRT_EQ(n, 1);
    NRT_EQ(cb, sizeof(RASCONNW));
    NRT_TRUE(conns[0].hrasconn == h);
    NRT_TRUE(wcscmp(conns[0].szEntryName, L"B\u00fcro \u260e") == 0);
    NRT_TRUE(wcscmp(conns[0].szPhonebook, wbook) == 0);
    NRT_EQ(conns[0].dwFlags, (DWORD)(RASCF_OwnerKnown | RASCF_OwnerMatch));
    NRT_EQ(conns[0].luid.LowPart, (DWORD)getuid());
    NRT_EQ(conns[0].dwSubEntry, 1);
    conns[0].dwSize = sizeof(RASCONNA);
    NRT_EQ(RasEnumConnectionsW(conns, &cb, &n), ERROR_INVALID_SIZE);

    /* the RASCONN of older headers: elements of that size */
    cb = sizeof old;
    NRT_EQ(RasEnumConnectionsA(old, &cb, &n), 0);
    NRT_EQ(cb, NR_RASCONNA_V1_SIZE);
    NRT_EQ(n, 1);
    NRT_EQ(old[0].dwSize, NR_RASCONNA_V1_SIZE);
    NRT_EQ_STR(old[0].szEntryName, "B\xc3\xbcro \xe2\x98\x8e");

    /* what PPP negotiated, in wide characters and W sizes */
    cb = sizeof ip - 1;
    NRT_EQ(RasGetProjectionInfoW(h, RASP_PppIp, &ip, &cb), ERROR_BUFFER_TOO_SMALL);
    NRT_EQ(cb, sizeof ip);
    NRT_EQ(RasGetProjectionInfoW(h, RASP_PppIp, &ip, &cb), 0);
    NRT_TRUE(wcscmp(ip.szIpAddress, L"10.0.2.15") == 0);
    NRT_TRUE(wcscmp(ip.szServerIpAddress, L"10.0.2.2") == 0);
    cb = sizeof lcp;
    NRT_EQ(RasGetProjectionInfoW(h, RASP_PppLcp, &lcp, &cb), 0);
    NRT_EQ(lcp.dwAuthenticationProtocol, 0);
    NRT_EQ(RasGetProjectionInfoW(h, RASP_PppIpv6, &ip, &cb), ERROR_PROTOCOL_NOT_CONFIGURED);
    {   /* the projections never negotiated here, with their own structures */
        RASPPPIPXW ipx = { .dwSize = sizeof ipx };
        RASAMBW amb = { .dwSize = sizeof amb };
        RASPPPNBFW nbf = { .dwSize = sizeof nbf };
        RASPPPCCP ccp = { .dwSize = sizeof ccp };
        RASPPPIPV6 v6 = { .dwSize = sizeof v6 };
        DWORD pcb = sizeof ipx;
        NRT_EQ(RasGetProjectionInfoW(h, RASP_PppIpx, &ipx, &pcb), ERROR_PROTOCOL_NOT_CONFIGURED);
        pcb = sizeof amb;
        NRT_EQ(RasGetProjectionInfoW(h, RASP_Amb, &amb, &pcb), ERROR_PROTOCOL_NOT_CONFIGURED);
        pcb = sizeof nbf;
        NRT_EQ(RasGetProjectionInfoW(h, RASP_PppNbf, &nbf, &pcb), ERROR_PROTOCOL_NOT_CONFIGURED);
        pcb = sizeof ccp;
        NRT_EQ(RasGetProjectionInfoW(h, RASP_PppCcp, &ccp, &pcb), ERROR_PROTOCOL_NOT_CONFIGURED);
        pcb = sizeof v6;
        NRT_EQ(RasGetProjectionInfoW(h, RASP_PppIpv6, &v6, &pcb), ERROR_PROTOCOL_NOT_CONFIGURED);
    }

    NRT_EQ(RasHangUpW(h), 0);
    NRT_TRUE(fixture_wait_invalid(h, 5000) >= 0);
    NRT_EQ(RasGetConnectStatusW(h, &st), ERROR_INVALID_HANDLE);
    peer_stop(&pr);
    modem_emu_stop(e);
    NRT_EQ(fixture_lock_files(dir), 0);
}

NRT_TEST(dial_w_refuses_wide_text_that_is_not_unicode_or_not_terminated)
{
    RASDIALPARAMSW p = { .dwSize = sizeof p };
    HRASCONN h = NULL;
    write_book("one.json", "{\"entries\": [{\"name\": \"A\", \"device\": \"/dev/ttyS0\", \"phone_number\": \"1\"}]}\n");
    p.szEntryName[0] = (wchar_t)0xDC00; /* a lone low surrogate */
    NRT_EQ(RasDialW(NULL, widen(book), &p, 0, NULL, &h), ERROR_INVALID_PARAMETER);
    NRT_NULL(h);
    wmemset(p.szEntryName, L'x', sizeof p.szEntryName / sizeof p.szEntryName[0]); /* no NUL */
    NRT_EQ(RasDialW(NULL, widen(book), &p, 0, NULL, &h), ERROR_INVALID_PARAMETER);
    NRT_NULL(h);
    p.dwSize = sizeof(RASDIALPARAMSA);
    NRT_EQ(RasDialW(NULL, widen(book), &p, 0, NULL, &h), ERROR_INVALID_SIZE);
    NRT_EQ(RasDialW(NULL, widen(book), NULL, 0, NULL, &h), ERROR_INVALID_PARAMETER);
    p.dwSize = sizeof p;
    wcscpy(p.szEntryName, L"Nobody");
    NRT_EQ(RasDialW(NULL, widen(book), &p, 0, NULL, &h), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    NRT_NULL(h);
}

NRT_TEST(the_forms_without_text_answer_as_the_a_forms)
{
    HRASCONN unknown = (HRASCONN)(uintptr_t)0x4242;
    int fds[2];
    NRT_EQ(RasHangUpW(unknown), ERROR_INVALID_HANDLE);
    NRT_EQ(RasHangUpW(unknown), RasHangUpA(unknown));
    NRT_EQ(RasConnectionNotificationW(unknown, (HANDLE)(intptr_t)-1, RASCN_Connection),
           RasConnectionNotificationA(unknown, (HANDLE)(intptr_t)-1, RASCN_Connection));
    NRT_EQ_FATAL(pipe(fds), 0);
    NRT_EQ(RasConnectionNotificationW(INVALID_HANDLE_VALUE, (HANDLE)(intptr_t)fds[1], 0), ERROR_INVALID_PARAMETER);
    close(fds[0]);
    close(fds[1]);
}

/* ---- the names and sizes that came with the W forms ---------------------------------------- */

NRT_TEST(dial_extensions_of_the_older_size_are_accepted)
{
    RASDIALEXTENSIONS ext = { .dwSize = NR_RASDIALEXTENSIONS_V1_SIZE };
    RASDIALPARAMSA p = { .dwSize = sizeof p };
    HRASCONN h = NULL;
    write_book("one.json", "{\"entries\": [{\"name\": \"A\", \"device\": \"/dev/ttyS0\", \"phone_number\": \"1\"}]}\n");
    snprintf(p.szEntryName, sizeof p.szEntryName, "Nobody");
    NRT_EQ(RasDialA(&ext, book, &p, 0, NULL, &h), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    ext.dwSize = sizeof ext;
    NRT_EQ(RasDialA(&ext, book, &p, 0, NULL, &h), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    ext.dwSize = sizeof ext + 4;
    NRT_EQ(RasDialA(&ext, book, &p, 0, NULL, &h), ERROR_INVALID_SIZE);
    NRT_NULL(h);
}

NRT_TEST(windows_names_have_windows_values)
{
    NRT_EQ_STR(RASDIALEVENT, "RasDialEvent");
    NRT_EQ(WM_RASDIALEVENT, 0xCCCD);
    NRT_EQ(RASIPO_VJ, 1);
    NRT_EQ(RASLCPAP_EAP, 0xC227);
    NRT_EQ(RDEOPT_EapInfoCryptInCapable, 0x8000);
    NRT_EQ(RASP_PppIpv6, 0x8057);
    NRT_EQ(RASCF_OwnerMatch, 8);
    NRT_EQ(sizeof(GUID), 16);
    NRT_EQ(sizeof(LUID), 8);
    NRT_EQ(offsetof(RASDIALEXTENSIONS, RasEapInfo), NR_RASDIALEXTENSIONS_V1_SIZE);
    NRT_TRUE(offsetof(RASCONNA, guidEntry) < offsetof(RASCONNA, dwFlags));
    NRT_TRUE(offsetof(RASCONNA, luid) < offsetof(RASCONNA, guidCorrelationId));
}
