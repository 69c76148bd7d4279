/*
 * test-ras-entry-names.c - RasDeleteEntry, RasRenameEntry and
 * RasValidateEntryName with Windows' codes and name rules, through the A
 * and W forms with non-ASCII names; and the safety of every write: a
 * phonebook that is a FIFO, a symbolic link, writable by others or broken
 * is refused as the reader refuses it and never rewritten, and concurrent
 * writers (threads and processes) lose no entry.
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <netrouter/ras.h>

#include "cunit-main.h"
#include "dial-fixture.h"

static char dir[] = "/tmp/nr-ras-entry-names.XXXXXX";
NRT_SUITE("ras-entry-names", .tmpdir = dir);
static char book[600];
static wchar_t wbook[600];

#define NAME_A "\xce\x95\xce\xbb\xce\xbb\xce\xac\xce\xb4\xce\xb1" /* "Ελλάδα" */
#define NAME_W L"\u0395\u03bb\u03bb\u03ac\u03b4\u03b1"

/* A fresh phonebook in dir/name/, and no saved credentials (a state
 * directory that does not exist: the user's own is never looked at). */
static void setup(const char *name)
{
    char sub[700];
    snprintf(sub, sizeof sub, "%s/no-state", dir);
    setenv("NETROUTER_STATE_DIR", sub, 1);
    snprintf(sub, sizeof sub, "%s/%s", dir, name);
    NRT_EQ_FATAL(mkdir(sub, 0700), 0);
    fixture_write_phonebook(sub, "/dev/ttyS0", book, sizeof book);
    mbstowcs(wbook, book, 600);
}

static int entries(void)
{
    DWORD cb = 0, n = 0;
    RasEnumEntries(NULL, book, NULL, &cb, &n);
    return (int)n;
}

static bool exists(const char *name)
{
    return RasValidateEntryNameA(book, name) == ERROR_ALREADY_EXISTS;
}

static DWORD put(const char *name)
{
    return fixture_put_entry(book, name);
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

static const char *detail(void)
{
    static char buf[2048];
    nr_ras_get_error_detail(NULL, buf, sizeof buf);
    return buf;
}

/* ---- delete -------------------------------------------------------------------------------- */

NRT_TEST(delete_removes_one_entry_and_keeps_the_others)
{
    setup("delete");
    NRT_EQ(RasDeleteEntry(book, "Test"), 0);
    NRT_EQ(entries(), 1);
    NRT_FALSE(exists("Test"));
    NRT_TRUE(exists("Gone"));
    NRT_EQ(RasDeleteEntry(book, "Test"), ERROR_INVALID_NAME); /* Windows' code for a missing name */
    NRT_EQ(RasDeleteEntry(book, ""), ERROR_INVALID_NAME);
    NRT_EQ(RasDeleteEntry(book, NULL), ERROR_INVALID_PARAMETER);
}

NRT_TEST(delete_w_takes_a_non_ascii_name)
{
    setup("deletew");
    NRT_EQ_FATAL(put(NAME_A), 0);
    NRT_EQ(RasDeleteEntryW(wbook, NAME_W), 0);
    NRT_FALSE(exists(NAME_A));
    NRT_EQ(entries(), 2);
}

/* ---- rename -------------------------------------------------------------------------------- */

NRT_TEST(rename_changes_the_name_only)
{
    RASENTRYA *e = calloc(1, sizeof *e);
    DWORD size = sizeof *e;
    setup("rename");
    NRT_NOT_NULL_FATAL(e);
    NRT_EQ(RasRenameEntry(book, "Test", NAME_A), 0);
    NRT_FALSE(exists("Test"));
    e->dwSize = sizeof *e;
    NRT_EQ(RasGetEntryProperties(book, NAME_A, e, &size, NULL, NULL), 0);
    NRT_EQ(e->dwRedialCount, 2); /* the fixture's entry, renamed */
    NRT_CONTAINS(file_text(book), "\"flow_control\": \"none\"");
    NRT_EQ(RasRenameEntryW(wbook, NAME_W, L"Test"), 0);
    NRT_TRUE(exists("Test"));
    NRT_EQ(entries(), 2);
    free(e);
}

NRT_TEST(rename_codes_are_windows_ones)
{
    setup("renamecodes");
    NRT_EQ(RasRenameEntry(book, "Test", "Gone"), ERROR_ALREADY_EXISTS);
    NRT_EQ(RasRenameEntry(book, "Nobody", "Somebody"), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    NRT_EQ(RasRenameEntry(book, "Test", "a:b"), ERROR_INVALID_NAME);
    NRT_EQ(RasRenameEntry(book, "Test", ".dot"), ERROR_INVALID_NAME);
    NRT_EQ(RasRenameEntry(book, "Test", NULL), ERROR_INVALID_PARAMETER);
    NRT_EQ(RasRenameEntry(book, "Test", "Test"), 0);
    NRT_TRUE(exists("Test"));
    NRT_TRUE(exists("Gone"));
}

NRT_TEST(saved_credentials_follow_a_renamed_entry_and_go_with_a_deleted_one)
{
    RASDIALPARAMS p = { .dwSize = sizeof p };
    BOOL has_password = FALSE;
    char state[700], credfile[800];
    setup("credentials");
    snprintf(state, sizeof state, "%s/credentials-state", dir);
    snprintf(credfile, sizeof credfile, "%s/ras-credentials.json", state);
    setenv("NETROUTER_STATE_DIR", state, 1);
    snprintf(p.szEntryName, sizeof p.szEntryName, "Test");
    snprintf(p.szUserName, sizeof p.szUserName, "alice");
    snprintf(p.szPassword, sizeof p.szPassword, "Se-cret-42");
    NRT_EQ_FATAL(RasSetEntryDialParams(book, &p, FALSE), 0);
    NRT_EQ(RasRenameEntry(book, "Test", NAME_A), 0);
    memset(&p, 0, sizeof p);
    p.dwSize = sizeof p;
    snprintf(p.szEntryName, sizeof p.szEntryName, "%s", NAME_A);
    NRT_EQ(RasGetEntryDialParams(book, &p, &has_password), 0);
    NRT_TRUE(has_password);
    NRT_EQ_STR(p.szUserName, "alice");
    NRT_EQ(RasDeleteEntry(book, NAME_A), 0);
    NRT_NOT_CONTAINS(file_text(credfile), "Se-cret-42");
    NRT_EQ_FATAL(put(NAME_A), 0); /* a new entry of that name starts with nothing saved */
    NRT_EQ(RasGetEntryDialParams(book, &p, &has_password), 0);
    NRT_FALSE(has_password);
    NRT_EQ_STR(p.szUserName, "");
}

/* ---- validate ------------------------------------------------------------------------------ */

NRT_TEST(validate_follows_windows_character_rules)
{
    static const char *const invalid[] = {
        "", ".Office", "a|b", "a>b", "a<b", "a?b", "a*b", "a\\b", "a/b", "a:b", "   ", "-- ..", "\t",
        "a\nb", "a\x7f", "\xff\xfe", /* not UTF-8 */
    };
    static const char *const valid[] = { "Office", "Office 2", "o.", "x", "caf\xc3\xa9", NAME_A, "1", "A-B_C (d)" };
    char longest[RAS_MaxEntryName + 2];
    setup("validate");
    for (size_t i = 0; i < sizeof invalid / sizeof invalid[0]; i++)
        NRT_TRUE_MSG(RasValidateEntryName(book, invalid[i]) == ERROR_INVALID_NAME, "\"%s\" was accepted",
                     invalid[i]);
    for (size_t i = 0; i < sizeof valid / sizeof valid[0]; i++)
        NRT_TRUE_MSG(RasValidateEntryName(book, valid[i]) == 0, "\"%s\" was refused", valid[i]);
    NRT_EQ(RasValidateEntryName(book, NULL), ERROR_INVALID_NAME);
    memset(longest, 'n', RAS_MaxEntryName);
    longest[RAS_MaxEntryName] = '\0';
    NRT_EQ(RasValidateEntryName(book, longest), 0);
    longest[RAS_MaxEntryName] = 'n';
    longest[RAS_MaxEntryName + 1] = '\0';
    NRT_EQ(RasValidateEntryName(book, longest), ERROR_INVALID_NAME);
}

/* The limit is RAS_MaxEntryName characters, as Windows counts, in both
 * forms: U+4E2D takes 3 bytes of UTF-8, so 256 of them (768 bytes) fit and
 * 257 do not. */
NRT_TEST(validate_counts_the_limit_in_characters)
{
    wchar_t cjk[RAS_MaxEntryName + 2];
    char utf8[3 * (RAS_MaxEntryName + 1) + 1];
    setup("cjk");
    for (size_t i = 0; i <= RAS_MaxEntryName; i++) {
        cjk[i] = 0x4E2D;
        memcpy(utf8 + 3 * i, "\xe4\xb8\xad", 3);
    }
    cjk[RAS_MaxEntryName + 1] = L'\0';
    utf8[3 * (RAS_MaxEntryName + 1)] = '\0';
    NRT_EQ(RasValidateEntryNameW(wbook, cjk), ERROR_INVALID_NAME); /* 257 characters */
    NRT_EQ(RasValidateEntryNameA(book, utf8), ERROR_INVALID_NAME);
    cjk[RAS_MaxEntryName] = L'\0';
    utf8[3 * RAS_MaxEntryName] = '\0';
    NRT_EQ(RasValidateEntryNameW(wbook, cjk), 0); /* 256 characters, 768 bytes */
    NRT_EQ(RasValidateEntryNameA(book, utf8), 0);
}

NRT_TEST(validate_says_whether_the_name_is_taken)
{
    char missing[700];
    wchar_t bad[] = { L'x', 0xD800, 0 };
    setup("taken");
    NRT_EQ(RasValidateEntryName(book, "Test"), ERROR_ALREADY_EXISTS);
    NRT_EQ(RasValidateEntryName(book, "New"), 0);
    NRT_EQ_FATAL(put(NAME_A), 0);
    NRT_EQ(RasValidateEntryNameW(wbook, NAME_W), ERROR_ALREADY_EXISTS);
    NRT_EQ(RasValidateEntryNameW(wbook, L"\u00c9t\u00e9"), 0);
    NRT_EQ(RasValidateEntryNameW(wbook, bad), ERROR_INVALID_PARAMETER);
    snprintf(missing, sizeof missing, "%s/missing.json", dir);
    NRT_EQ(RasValidateEntryName(missing, "New"), ERROR_CANNOT_OPEN_PHONEBOOK);
}

/* ---- safety -------------------------------------------------------------------------------- */

/* Every writing call on path fails with code, and leaves it as it was. */
static void refused(const char *path, DWORD code, const char *why)
{
    struct timespec a, b;
    if (path != book)
        snprintf(book, sizeof book, "%s", path);
    clock_gettime(CLOCK_MONOTONIC, &a);
    NRT_EQ(put("New"), code);
    NRT_CONTAINS(detail(), why);
    NRT_EQ(RasDeleteEntry(book, "Test"), code);
    NRT_EQ(RasRenameEntry(book, "Test", "Other"), code);
    clock_gettime(CLOCK_MONOTONIC, &b);
    NRT_LT(b.tv_sec - a.tv_sec, 2); /* never waited on */
}

NRT_TEST(a_fifo_is_refused_at_once)
{
    char path[700];
    snprintf(path, sizeof path, "%s/fifo.json", dir);
    NRT_EQ_FATAL(mkfifo(path, 0600), 0);
    refused(path, ERROR_CANNOT_OPEN_PHONEBOOK, "FIFO");
}

NRT_TEST(a_symbolic_link_is_refused_and_left_alone)
{
    char sub[700], link[800], target[800];
    struct stat st;
    setup("symlink");
    snprintf(target, sizeof target, "%s", book);
    snprintf(sub, sizeof sub, "%s/symlink", dir);
    snprintf(link, sizeof link, "%s/link.json", sub);
    NRT_EQ_FATAL(symlink(target, link), 0);
    refused(link, ERROR_CANNOT_OPEN_PHONEBOOK, "symbolic link");
    NRT_EQ(lstat(link, &st), 0);
    NRT_TRUE(S_ISLNK(st.st_mode));
}

NRT_TEST(a_phonebook_writable_by_others_is_refused)
{
    char saved[65536];
    setup("writable");
    NRT_EQ_FATAL(chmod(book, 0666), 0);
    snprintf(saved, sizeof saved, "%s", file_text(book));
    refused(book, ERROR_CANNOT_OPEN_PHONEBOOK, "writable");
    NRT_EQ_STR(file_text(book), saved);
}

NRT_TEST(a_broken_phonebook_is_never_rewritten)
{
    static const char text[] = "{\"entries\": [\n  {\"name\": \"A\", \"device\": \"/dev/ttyS0\",\n"
                               "   \"phone_number\": \"1\", \"speeed\": 9600}\n]}\n";
    char path[700];
    FILE *f;
    snprintf(path, sizeof path, "%s/broken.json", dir);
    f = fopen(path, "w");
    NRT_NOT_NULL_FATAL(f);
    fputs(text, f);
    fclose(f);
    chmod(path, 0600);
    refused(path, ERROR_CORRUPT_PHONEBOOK, ":3:");
    NRT_CONTAINS(detail(), "speeed");
    NRT_EQ_STR(file_text(path), text);
}

NRT_TEST(a_directory_writable_by_others_is_refused)
{
    char sub[700];
    setup("opendir");
    snprintf(sub, sizeof sub, "%s/opendir", dir);
    NRT_EQ_FATAL(chmod(sub, 0777), 0);
    NRT_EQ(put("New"), ERROR_CANNOT_OPEN_PHONEBOOK);
    NRT_CONTAINS(detail(), "writable");
    NRT_EQ_FATAL(chmod(sub, 0700), 0);
}

/* ---- concurrent writers ------------------------------------------------------------------- */

#define WRITERS 6
#define EACH    8

static void *writer(void *arg)
{
    int id = (int)(intptr_t)arg;
    for (int i = 0; i < EACH; i++) {
        char name[64];
        snprintf(name, sizeof name, "t%d-%d", id, i);
        if (put(name) != 0)
            return (void *)1;
    }
    return NULL;
}

NRT_TEST(concurrent_writers_lose_no_entry)
{
    pthread_t t[WRITERS];
    pid_t kids[3];
    int failed = 0;
    setup("concurrent");
    for (int k = 0; k < 3; k++) {
        kids[k] = fork();
        NRT_NE_FATAL(kids[k], -1);
        if (kids[k] == 0) {
            for (int i = 0; i < EACH; i++) {
                char name[64];
                snprintf(name, sizeof name, "p%d-%d", k, i);
                if (put(name) != 0)
                    _exit(1);
            }
            _exit(0);
        }
    }
    for (int i = 0; i < WRITERS; i++)
        NRT_EQ_FATAL(pthread_create(&t[i], NULL, writer, (void *)(intptr_t)i), 0);
    for (int i = 0; i < WRITERS; i++) {
        void *r;
        pthread_join(t[i], &r);
        failed += r != NULL;
    }
    for (int k = 0; k < 3; k++) {
        int status = 0;
        waitpid(kids[k], &status, 0);
        failed += !WIFEXITED(status) || WEXITSTATUS(status) != 0;
    }
    NRT_EQ(failed, 0);
    NRT_EQ(entries(), 2 + WRITERS * EACH + 3 * EACH);
    NRT_EQ(nr_ras_check_phonebook(book, NULL, 0, NULL), 0);
}
