/*
 * test-ras-entry-long.c - entry names of RAS_MaxEntryName characters, as
 * Windows counts them, not bytes: a name of 256 CJK characters (768 bytes
 * of UTF-8) through every W form end to end (RasSetEntryPropertiesW,
 * RasGetEntryPropertiesW, RasEnumEntriesW, Ras[GS]etEntryDialParamsW,
 * RasRenameEntryW, RasValidateEntryNameW, RasDeleteEntryW, and RasDialW to
 * the emulated modem with RasEnumConnectionsW), 257 characters refused with
 * Windows' codes, a prerequisite entry of 256 characters accepted, and the
 * A forms (and characters beyond U+FFFF counting two, as Windows' WCHARs
 * do): such a name passed as an LPCSTR
 * argument works, and a structure that reports one (RASENTRYNAMEA,
 * RASCONNA) holds it cut at the last whole character that fits.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <wchar.h>
#include <netrouter/ras.h>

#include "cunit-main.h"
#include "dial-fixture.h"
#include "proto-path.h"
#include "proto.h"

static char dir[] = "/tmp/nr-ras-entry-long.XXXXXX";
NRT_SUITE("ras-entry-long", .tmpdir = dir, .ignore_sigpipe = true);
static char book[600];
static wchar_t wbook[600];

/* A name of n CJK characters from U+4E00 + first on (3 bytes of UTF-8
 * each), wide in w (n + 1) and UTF-8 in a (3 n + 1), when not NULL. */
static void cjk(size_t n, unsigned first, wchar_t *w, char *a)
{
    for (size_t i = 0; i < n; i++) {
        unsigned cp = 0x4E00 + first + (unsigned)i % 0x5000;
        if (w)
            w[i] = (wchar_t)cp;
        if (a) {
            a[3 * i] = (char)(0xE0 | cp >> 12);
            a[3 * i + 1] = (char)(0x80 | (cp >> 6 & 0x3F));
            a[3 * i + 2] = (char)(0x80 | (cp & 0x3F));
        }
    }
    if (w)
        w[n] = L'\0';
    if (a)
        a[3 * n] = '\0';
}

/* A fresh phonebook in dir/name/ ("Test" and "Gone", fixture_write_phonebook),
 * and a credentials directory of its own. */
static void setup(const char *name)
{
    char sub[700];
    snprintf(sub, sizeof sub, "%s/%s", dir, name);
    NRT_EQ_FATAL(mkdir(sub, 0700), 0);
    fixture_write_phonebook(sub, "/dev/ttyS0", book, sizeof book);
    mbstowcs(wbook, book, 600); /* the test's paths are ASCII */
    snprintf(sub, sizeof sub, "%s/%s/state", dir, name);
    setenv("NETROUTER_STATE_DIR", sub, 1);
}

static DWORD put_w(const wchar_t *name)
{
    RASENTRYW *e = calloc(1, sizeof *e);
    DWORD rc;
    NRT_NOT_NULL_FATAL(e);
    e->dwSize = sizeof *e;
    wcscpy(e->szDeviceName, L"/dev/ttyS0");
    wcscpy(e->szLocalPhoneNumber, L"1");
    rc = RasSetEntryPropertiesW(wbook, name, e, sizeof *e, NULL, 0);
    free(e);
    return rc;
}

static DWORD put_a(const char *name)
{
    return fixture_put_entry(book, name);
}

static DWORD get_w(const wchar_t *name)
{
    RASENTRYW *e = calloc(1, sizeof *e);
    DWORD rc, cb = sizeof *e;
    NRT_NOT_NULL_FATAL(e);
    e->dwSize = sizeof *e;
    rc = RasGetEntryPropertiesW(wbook, name, e, &cb, NULL, NULL);
    if (rc == 0)
        NRT_TRUE(wcscmp(e->szLocalPhoneNumber, L"1") == 0);
    free(e);
    return rc;
}

/* Whether RasEnumEntriesW lists name, whole; and how many entries it lists. */
static bool listed_w(const wchar_t *name, DWORD *count)
{
    RASENTRYNAMEW v[4] = { { .dwSize = sizeof(RASENTRYNAMEW) } };
    DWORD cb = sizeof v, n = 0;
    bool found = false;
    NRT_EQ_FATAL(RasEnumEntriesW(NULL, wbook, v, &cb, &n), 0);
    for (DWORD i = 0; i < n; i++)
        found |= wcscmp(v[i].szEntryName, name) == 0;
    *count = n;
    return found;
}

/* ---- the W forms ------------------------------------------------------------------------------ */

NRT_TEST(w_forms_keep_a_name_of_256_cjk_characters_from_creation_to_deletion)
{
    wchar_t name[RAS_MaxEntryName + 1], renamed[RAS_MaxEntryName + 1];
    RASDIALPARAMSW p = { .dwSize = sizeof p };
    BOOL has = FALSE;
    DWORD n;
    setup("w-forms");
    cjk(RAS_MaxEntryName, 0, name, NULL);
    cjk(RAS_MaxEntryName, 1, renamed, NULL);

    NRT_EQ(RasValidateEntryNameW(wbook, name), 0);
    NRT_EQ(put_w(name), 0);
    NRT_EQ(RasValidateEntryNameW(wbook, name), ERROR_ALREADY_EXISTS);
    NRT_EQ(get_w(name), 0);
    NRT_TRUE(listed_w(name, &n));
    NRT_EQ(n, 3); /* "Test", "Gone" and it */

    /* credentials saved under the whole name, and read back */
    wcscpy(p.szEntryName, name);
    wcscpy(p.szUserName, L"\u7528\u6237");
    wcscpy(p.szPassword, L"\u5bc6\u7801");
    NRT_EQ(RasSetEntryDialParamsW(wbook, &p, FALSE), 0);
    memset(&p, 0, sizeof p);
    p.dwSize = sizeof p;
    wcscpy(p.szEntryName, name);
    NRT_EQ(RasGetEntryDialParamsW(wbook, &p, &has), 0);
    NRT_TRUE(has);
    NRT_TRUE(wcscmp(p.szUserName, L"\u7528\u6237") == 0);

    /* renamed to another name of 256 characters: the credentials follow */
    NRT_EQ(RasRenameEntryW(wbook, name, renamed), 0);
    NRT_EQ(get_w(name), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    NRT_EQ(get_w(renamed), 0);
    NRT_TRUE(listed_w(renamed, &n));
    NRT_FALSE(listed_w(name, &n));
    memset(&p, 0, sizeof p);
    p.dwSize = sizeof p;
    wcscpy(p.szEntryName, renamed);
    NRT_EQ(RasGetEntryDialParamsW(wbook, &p, &has), 0);
    NRT_TRUE(wcscmp(p.szUserName, L"\u7528\u6237") == 0);
    NRT_TRUE(wcscmp(p.szPassword, L"\u5bc6\u7801") == 0);
    explicit_bzero(&p, sizeof p);

    NRT_EQ(RasDeleteEntryW(wbook, renamed), 0);
    NRT_EQ(get_w(renamed), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    NRT_EQ(RasValidateEntryNameW(wbook, renamed), 0);
    NRT_FALSE(listed_w(renamed, &n));
    NRT_EQ(n, 2);
}

/* RASENTRYW.szPrerequisiteEntry names an entry too; the phonebook has no
 * place for it (ignored), so a name of 256 characters is no reason to refuse. */
NRT_TEST(a_prerequisite_entry_of_256_cjk_characters_is_accepted_and_ignored)
{
    RASENTRYW *e = calloc(1, sizeof *e);
    setup("prerequisite");
    NRT_NOT_NULL_FATAL(e);
    e->dwSize = sizeof *e;
    wcscpy(e->szDeviceName, L"/dev/ttyS0");
    wcscpy(e->szLocalPhoneNumber, L"1");
    cjk(RAS_MaxEntryName, 0, e->szPrerequisiteEntry, NULL);
    NRT_EQ(RasSetEntryPropertiesW(wbook, L"Pre", e, sizeof *e, NULL, 0), 0);
    e->szPrerequisiteEntry[0] = 0xD800; /* not Unicode: refused as every member */
    NRT_EQ(RasSetEntryPropertiesW(wbook, L"Pre", e, sizeof *e, NULL, 0), ERROR_INVALID_PARAMETER);
    free(e);
    NRT_EQ(get_w(L"Pre"), 0);
}

NRT_TEST(names_of_257_characters_are_refused_with_windows_codes)
{
    wchar_t w[RAS_MaxEntryName + 2];
    char a[3 * (RAS_MaxEntryName + 1) + 1];
    char text[5000];
    DWORD n;
    setup("too-long");
    cjk(RAS_MaxEntryName + 1, 0, w, a);

    NRT_EQ(RasValidateEntryNameW(wbook, w), ERROR_INVALID_NAME);
    NRT_EQ(put_w(w), ERROR_INVALID_NAME);
    NRT_EQ(RasRenameEntryW(wbook, L"Test", w), ERROR_INVALID_NAME);
    NRT_EQ(get_w(w), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    NRT_EQ(RasDeleteEntryW(wbook, w), ERROR_INVALID_NAME); /* Windows' code for a name it does not have */
    NRT_EQ(RasValidateEntryNameA(book, a), ERROR_INVALID_NAME);
    NRT_EQ(put_a(a), ERROR_INVALID_NAME);
    NRT_FALSE(listed_w(w, &n));
    NRT_EQ(n, 2);
    NRT_TRUE(listed_w(L"Test", &n)); /* the rename left it */

    /* a phonebook written by hand: 256 characters load, 257 do not */
    a[3 * RAS_MaxEntryName] = '\0';
    fixture_write_entry(dir, "too-long/hand.json", a, "/dev/ttyS0", "", "{}", book, sizeof book);
    mbstowcs(wbook, book, 600);
    cjk(RAS_MaxEntryName, 0, w, NULL);
    NRT_TRUE(listed_w(w, &n));
    cjk(RAS_MaxEntryName + 1, 0, NULL, a);
    fixture_write_entry(dir, "too-long/hand.json", a, "/dev/ttyS0", "", "{}", book, sizeof book);
    NRT_EQ(nr_ras_check_phonebook(book, NULL, 0, &n), ERROR_CORRUPT_PHONEBOOK);
    NRT_EQ(nr_ras_get_last_phonebook_error(text, sizeof text), 0);
    NRT_TRUE_MSG(strstr(text, "must be 1 to 256 characters long") != NULL, "%s", text);
}

NRT_TEST(characters_beyond_the_bmp_count_two_as_windows_wchars_do)
{
    wchar_t w[RAS_MaxEntryName + 1];
    size_t i;
    setup("astral");
    for (i = 0; i < RAS_MaxEntryName / 2; i++)
        w[i] = (wchar_t)(0x20000 + i); /* CJK Extension B: two UTF-16 units each on Windows */
    w[i] = L'\0';
    NRT_EQ(RasValidateEntryNameW(wbook, w), 0); /* 128 of them: 256 WCHARs */
    NRT_EQ(put_w(w), 0);
    w[i] = (wchar_t)(0x20000 + i);
    w[i + 1] = L'\0';
    NRT_EQ(RasValidateEntryNameW(wbook, w), ERROR_INVALID_NAME); /* 129: 258 WCHARs, too long on Windows */
    NRT_EQ(put_w(w), ERROR_INVALID_NAME);
    w[i] = L'x'; /* 128 of them and one of the BMP: 257 WCHARs */
    NRT_EQ(RasValidateEntryNameW(wbook, w), ERROR_INVALID_NAME);
}

/* ---- the A forms ------------------------------------------------------------------------------ */

NRT_TEST(a_forms_take_a_long_name_as_an_argument_and_cut_it_at_a_character_in_structures)
{
    char name[3 * RAS_MaxEntryName + 1], renamed[3 * RAS_MaxEntryName + 1];
    RASENTRYNAMEA v[4] = { { .dwSize = sizeof(RASENTRYNAMEA) } };
    RASDIALPARAMSA p = { .dwSize = sizeof p };
    RASENTRYA *e = calloc(1, sizeof *e);
    DWORD cb = sizeof v, n = 0, size = sizeof *e;
    BOOL has;
    bool cut = false;
    setup("a-forms");
    NRT_NOT_NULL_FATAL(e);
    cjk(RAS_MaxEntryName, 0, NULL, name); /* 768 bytes: more than a CHAR[RAS_MaxEntryName + 1] */
    cjk(RAS_MaxEntryName, 7, NULL, renamed);

    NRT_EQ(RasValidateEntryNameA(book, name), 0);
    NRT_EQ(put_a(name), 0);
    NRT_EQ(RasValidateEntryNameA(book, name), ERROR_ALREADY_EXISTS);
    e->dwSize = sizeof *e;
    NRT_EQ(RasGetEntryPropertiesA(book, name, e, &size, NULL, NULL), 0);

    /* RASENTRYNAMEA: as many whole characters as fit (85: 255 bytes), never half of one */
    NRT_EQ(RasEnumEntriesA(NULL, book, v, &cb, &n), 0);
    NRT_EQ(n, 3);
    for (DWORD i = 0; i < n; i++)
        if (strcmp(v[i].szEntryName, "Test") && strcmp(v[i].szEntryName, "Gone")) {
            NRT_EQ(strlen(v[i].szEntryName), 255u);
            NRT_TRUE(strncmp(v[i].szEntryName, name, 255) == 0);
            cut = true;
        }
    NRT_TRUE(cut);

    /* RASDIALPARAMSA cannot hold it: the cut name is no entry */
    memcpy(p.szEntryName, name, 255);
    NRT_EQ(RasGetEntryDialParamsA(book, &p, &has), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);

    NRT_EQ(RasRenameEntryA(book, name, renamed), 0);
    NRT_EQ(RasValidateEntryNameA(book, name), 0);
    NRT_EQ(RasDeleteEntryA(book, renamed), 0);
    NRT_EQ(RasValidateEntryNameA(book, renamed), 0);
    free(e);
}

/* ---- RasDialW to the emulated modem ----------------------------------------------------------- */

/* The first link's entry name as the connection service lists it to a
 * client of protocol version 1 (an older libnetrouter-ras), into out. */
static void v1_first_entry(char *out, size_t size)
{
    char path[NR_PROTO_SOCKET_PATH_MAX];
    struct sockaddr_un a = { .sun_family = AF_UNIX };
    static uint8_t pkt[NR_PROTO_MAX_MESSAGE];
    nr_proto_instance which;
    nr_proto_builder b;
    nr_proto_msg m;
    nr_error err;
    size_t len;
    ssize_t got;
    int fd;

    out[0] = '\0';
    NRT_EQ_FATAL(nr_proto_socket_path(path, sizeof path, &which, &err), 0);
    NRT_TRUE_FATAL((fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0)) >= 0);
    snprintf(a.sun_path, sizeof a.sun_path, "%s", path);
    NRT_EQ_FATAL(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_HELLO, 1);
    nr_proto_put_u32(&b, NR_PROTO_TAG_VERSION_MIN, 1);
    nr_proto_put_u32(&b, NR_PROTO_TAG_VERSION_MAX, 1);
    NRT_EQ_FATAL(nr_proto_build_end(&b, &len, &err), 0);
    NRT_EQ_FATAL(send(fd, pkt, len, MSG_NOSIGNAL), (ssize_t)len);
    NRT_TRUE_FATAL((got = recv(fd, pkt, sizeof pkt, 0)) > 0);
    NRT_EQ_FATAL(nr_proto_decode(pkt, (size_t)got, &m, &err), 0);
    NRT_EQ(m.type, NR_PROTO_MSG_WELCOME);
    NRT_EQ(nr_proto_get_u32(&m, NR_PROTO_TAG_VERSION, 0), 1u);
    nr_proto_msg_clear(&m);
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_ENUM, 2);
    NRT_EQ_FATAL(nr_proto_build_end(&b, &len, &err), 0);
    NRT_EQ_FATAL(send(fd, pkt, len, MSG_NOSIGNAL), (ssize_t)len);
    for (;;) {
        NRT_TRUE_FATAL((got = recv(fd, pkt, sizeof pkt, 0)) > 0);
        NRT_EQ_FATAL(nr_proto_decode(pkt, (size_t)got, &m, &err), 0);
        NRT_EQ(m.version, 1); /* what an older client can read */
        if (m.type == NR_PROTO_MSG_CONNECTION && !out[0])
            snprintf(out, size, "%s", nr_proto_get_str(&m, NR_PROTO_TAG_ENTRY));
        if (m.type == NR_PROTO_MSG_REPLY) {
            nr_proto_msg_clear(&m);
            break;
        }
        nr_proto_msg_clear(&m);
    }
    close(fd);
}

NRT_TEST(dial_w_connects_an_entry_of_256_cjk_characters_and_lists_it_whole)
{
    modem_emu *e = fixture_start_modem(dir, MODEM_EMU_CONNECT, 0, book, sizeof book);
    RASDIALPARAMSW p = { .dwSize = sizeof p };
    RASCONNW *conns = calloc(2, sizeof *conns);
    RASCONNA olda[2] = { { .dwSize = sizeof(RASCONNA) } };
    char name[3 * RAS_MaxEntryName + 1];
    DWORD cb = 2 * sizeof *conns, n = 0;
    HRASCONN h = NULL;
    peer pr;

    NRT_NOT_NULL_FATAL(conns);
    cjk(RAS_MaxEntryName, 0, p.szEntryName, name);
    fixture_write_entry(dir, "long.json", name, modem_emu_path(e), "",
                        "{\"command_ms\": 1000, \"connect_ms\": 8000, \"ppp_ms\": 8000}", book, sizeof book);
    mbstowcs(wbook, book, 600);
    peer_start(&pr, e);
    NRT_EQ_FATAL(RasDialW(NULL, wbook, &p, 0, NULL, &h), 0); /* synchronous: connected on return */
    NRT_NOT_NULL_FATAL(h);

    conns[0].dwSize = sizeof *conns;
    NRT_EQ(RasEnumConnectionsW(conns, &cb, &n), 0);
    NRT_EQ(n, 1);
    NRT_TRUE(conns[0].hrasconn == h);
    NRT_TRUE(wcscmp(conns[0].szEntryName, p.szEntryName) == 0);
    NRT_TRUE(wcscmp(conns[0].szPhonebook, wbook) == 0);

    cb = sizeof olda;
    NRT_EQ(RasEnumConnectionsA(olda, &cb, &n), 0);
    NRT_EQ(n, 1);
    NRT_EQ(strlen(olda[0].szEntryName), 255u); /* 85 whole characters */
    NRT_TRUE(strncmp(olda[0].szEntryName, name, 255) == 0);

    if (nr_ras_get_engine() == NR_RAS_ENGINE_SERVICE) { /* via-service.test */
        char v1[NR_PROTO_MAX_MESSAGE];
        v1_first_entry(v1, sizeof v1);
        NRT_EQ(strlen(v1), 255u); /* protocol version 1 holds 256 octets: cut at a character */
        NRT_TRUE(strncmp(v1, name, 255) == 0);
    }

    NRT_EQ(RasHangUpW(h), 0);
    NRT_TRUE(fixture_wait_invalid(h, 5000) >= 0);
    peer_stop(&pr);
    modem_emu_stop(e);
    NRT_EQ(fixture_lock_files(dir), 0);
    free(conns);
}
