/*
 * test-ras-credentials.c - RasSetEntryDialParams and RasGetEntryDialParams:
 * credentials saved per phonebook entry come back, a removed password is
 * gone, the file is private and replaced atomically in the state directory
 * (with its fallbacks), an unsafe or corrupt file (or a FIFO in its place)
 * is refused at once and never overwritten, so is a state directory that
 * is a symbolic link or writable by others, unknown entries give 623, and no password ever shows in an
 * error text or on stderr.
 */
#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>
#include <netrouter/ras.h>

#include "cunit-main.h"
#include "dial-fixture.h"

static char dir[] = "/tmp/nr-ras-credentials.XXXXXX";
NRT_SUITE("ras-credentials", .tmpdir = dir);
static char book[600], state[600], file[700];

#define SECRET "Pa55-SECRET-w0rd"

/* A fresh state directory and phonebook for each test. */
static void setup(const char *name)
{
    char pbdir[700];
    snprintf(state, sizeof state, "%s/%s-state", dir, name);
    snprintf(file, sizeof file, "%s/ras-credentials.json", state);
    snprintf(pbdir, sizeof pbdir, "%s/%s-pb", dir, name);
    NRT_EQ_FATAL(mkdir(pbdir, 0700), 0);
    fixture_write_phonebook(pbdir, "/dev/ttyS0", book, sizeof book);
    setenv("NETROUTER_STATE_DIR", state, 1);
}

static RASDIALPARAMS filled(const char *entry, const char *user, const char *password)
{
    RASDIALPARAMS p = { .dwSize = sizeof p };
    snprintf(p.szEntryName, sizeof p.szEntryName, "%s", entry);
    snprintf(p.szUserName, sizeof p.szUserName, "%s", user);
    snprintf(p.szPassword, sizeof p.szPassword, "%s", password);
    snprintf(p.szDomain, sizeof p.szDomain, "OFFICE");
    snprintf(p.szCallbackNumber, sizeof p.szCallbackNumber, "5550000");
    snprintf(p.szPhoneNumber, sizeof p.szPhoneNumber, "999"); /* ignored */
    return p;
}

static RASDIALPARAMS asking(const char *entry)
{
    RASDIALPARAMS p = { .dwSize = sizeof p };
    snprintf(p.szEntryName, sizeof p.szEntryName, "%s", entry);
    snprintf(p.szPhoneNumber, sizeof p.szPhoneNumber, "stale");
    snprintf(p.szPassword, sizeof p.szPassword, "stale");
    return p;
}

static void write_file(const char *path, const char *text, mode_t mode)
{
    FILE *f = fopen(path, "w");
    NRT_NOT_NULL_FATAL(f);
    fputs(text, f);
    fclose(f);
    chmod(path, mode);
}

static const char *last_error(void)
{
    static char buf[4096];
    nr_ras_get_last_phonebook_error(buf, sizeof buf);
    return buf;
}

NRT_TEST(saved_credentials_come_back)
{
    RASDIALPARAMS set = filled("Test", "alice", SECRET), got = asking("Test");
    BOOL has_password = FALSE;
    setup("roundtrip");
    NRT_EQ(RasSetEntryDialParams(book, &set, FALSE), 0);
    NRT_EQ(RasGetEntryDialParams(book, &got, &has_password), 0);
    NRT_TRUE(has_password);
    NRT_EQ_STR(got.szEntryName, "Test");
    NRT_EQ_STR(got.szUserName, "alice");
    NRT_EQ_STR(got.szPassword, SECRET);
    NRT_EQ_STR(got.szDomain, "OFFICE");
    NRT_EQ_STR(got.szCallbackNumber, "5550000");
    NRT_EQ_STR(got.szPhoneNumber, ""); /* the entry's own number */
}

/* The router keeps its store in a relative NETROUTER_STATE_DIR taken from
 * the working directory; the credentials went to ~/.local/state instead. */
NRT_TEST(a_relative_state_directory_is_the_same_one_the_router_uses)
{
    RASDIALPARAMS set = filled("Test", "alice", SECRET);
    char cwd[700], expected[800];
    setup("relative");
    NRT_NOT_NULL_FATAL(getcwd(cwd, sizeof cwd));
    NRT_EQ_FATAL(chdir(dir), 0);
    setenv("NETROUTER_STATE_DIR", "relative-state", 1);
    NRT_EQ(RasSetEntryDialParams(book, &set, FALSE), 0);
    snprintf(expected, sizeof expected, "%s/relative-state/ras-credentials.json", dir);
    NRT_EQ(access(expected, F_OK), 0);
    NRT_EQ(chdir(cwd), 0);
}

/* A writer killed between its temporary file and the rename left the
 * passwords it was writing on disk for good. */
NRT_TEST(a_killed_writers_temporary_file_is_removed_by_the_next_save)
{
    RASDIALPARAMS set = filled("Test", "alice", SECRET);
    char leftover[800];
    setup("leftover");
    NRT_EQ(RasSetEntryDialParams(book, &set, FALSE), 0); /* creates the directory */
    snprintf(leftover, sizeof leftover, "%s.tmp-999999", file);
    write_file(leftover, "{\"version\": 1, \"credentials\": [{\"password\": \"" SECRET "\"}]}", 0600);
    NRT_EQ(RasSetEntryDialParams(book, &set, FALSE), 0);
    NRT_EQ(access(leftover, F_OK), -1);
    NRT_EQ(access(file, F_OK), 0);
}

NRT_TEST(nothing_saved_gives_empty_credentials)
{
    RASDIALPARAMS got = asking("Test");
    BOOL has_password = TRUE;
    setup("nothing");
    NRT_EQ(RasGetEntryDialParams(book, &got, &has_password), 0);
    NRT_FALSE(has_password);
    NRT_EQ_STR(got.szUserName, "");
    NRT_EQ_STR(got.szPassword, "");
    NRT_EQ(access(state, F_OK), -1); /* reading creates nothing */
}

NRT_TEST(removed_password_is_gone_and_the_rest_kept)
{
    RASDIALPARAMS set = filled("Test", "alice", SECRET), got = asking("Test");
    BOOL has_password = TRUE;
    char text[8192] = "";
    FILE *f;
    setup("remove");
    NRT_EQ(RasSetEntryDialParams(book, &set, FALSE), 0);
    set = filled("Test", "bob", "ignored-when-removing");
    NRT_EQ(RasSetEntryDialParams(book, &set, TRUE), 0);
    NRT_EQ(RasGetEntryDialParams(book, &got, &has_password), 0);
    NRT_FALSE(has_password);
    NRT_EQ_STR(got.szPassword, "");
    NRT_EQ_STR(got.szUserName, "bob");
    NRT_EQ_STR(got.szDomain, "OFFICE");
    f = fopen(file, "r");
    NRT_NOT_NULL_FATAL(f);
    NRT_GT(fread(text, 1, sizeof text - 1, f), 0);
    fclose(f);
    NRT_NULL(strstr(text, SECRET));
    NRT_NULL(strstr(text, "ignored-when-removing"));
}

NRT_TEST(entries_are_kept_apart_by_phonebook_and_name)
{
    RASDIALPARAMS a = filled("Test", "alice", "pw-a"), b = filled("Gone", "bob", "pw-b"), got;
    char other[600];
    BOOL has_password;
    setup("apart");
    snprintf(other, sizeof other, "%s", book);
    setup("apart2"); /* a second phonebook with the same entry names, same state directory */
    NRT_EQ(RasSetEntryDialParams(other, &a, FALSE), 0);
    NRT_EQ(RasSetEntryDialParams(other, &b, FALSE), 0);
    got = asking("Test");
    NRT_EQ(RasGetEntryDialParams(book, &got, &has_password), 0);
    NRT_FALSE(has_password); /* same name, other phonebook */
    NRT_EQ_STR(got.szUserName, "");
    got = asking("Gone");
    NRT_EQ(RasGetEntryDialParams(other, &got, &has_password), 0);
    NRT_EQ_STR(got.szUserName, "bob");
    NRT_EQ_STR(got.szPassword, "pw-b");
    got = asking("Test");
    NRT_EQ(RasGetEntryDialParams(other, &got, &has_password), 0);
    NRT_EQ_STR(got.szPassword, "pw-a");
}

NRT_TEST(file_is_private_and_replaced_atomically)
{
    RASDIALPARAMS set = filled("Test", "alice", SECRET);
    struct stat st;
    struct dirent *de;
    DIR *d;
    int others = 0;
    setup("private");
    for (int i = 0; i < 3; i++)
        NRT_EQ(RasSetEntryDialParams(book, &set, FALSE), 0);
    NRT_EQ_FATAL(stat(file, &st), 0);
    NRT_EQ(st.st_mode & 07777, 0600);
    NRT_EQ(st.st_uid, geteuid());
    NRT_EQ_FATAL(stat(state, &st), 0);
    NRT_EQ(st.st_mode & 07777, 0700);
    d = opendir(state);
    NRT_NOT_NULL_FATAL(d);
    while ((de = readdir(d)) != NULL)
        if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..") && strcmp(de->d_name, "ras-credentials.json"))
            others++; /* a temporary file left behind */
    closedir(d);
    NRT_EQ(others, 0);
}

NRT_TEST(unsafe_file_is_refused)
{
    RASDIALPARAMS set = filled("Test", "alice", SECRET), got = asking("Test");
    BOOL has_password;
    char link[800];
    setup("unsafe");
    NRT_EQ(RasSetEntryDialParams(book, &set, FALSE), 0);
    chmod(file, 0640);
    NRT_EQ(RasGetEntryDialParams(book, &got, &has_password), ERROR_ACCESS_DENIED);
    NRT_CONTAINS(last_error(), file);
    NRT_CONTAINS(last_error(), "refusing");
    NRT_EQ(RasSetEntryDialParams(book, &set, FALSE), ERROR_ACCESS_DENIED); /* not overwritten */
    chmod(file, 0604);
    NRT_EQ(RasGetEntryDialParams(book, &got, &has_password), ERROR_ACCESS_DENIED);
    /* A symbolic link is refused too, even to a private file. */
    snprintf(link, sizeof link, "%s.real", file);
    chmod(file, 0600);
    NRT_EQ(rename(file, link), 0);
    NRT_EQ(symlink(link, file), 0);
    NRT_EQ(RasGetEntryDialParams(book, &got, &has_password), ERROR_ACCESS_DENIED);
}

NRT_TEST(corrupt_file_is_refused_and_kept)
{
    RASDIALPARAMS set = filled("Test", "alice", SECRET), got = asking("Test");
    BOOL has_password;
    struct stat st;
    setup("corrupt");
    NRT_EQ(mkdir(state, 0700), 0);
    write_file(file, "{\"version\": 1, \"credentials\": [ {\"entry\": 3} ] }", 0600);
    NRT_EQ(RasGetEntryDialParams(book, &got, &has_password), ERROR_CANNOT_LOAD_PHONEBOOK);
    NRT_CONTAINS(last_error(), "credentials[0]");
    NRT_EQ(RasSetEntryDialParams(book, &set, FALSE), ERROR_CANNOT_LOAD_PHONEBOOK);
    NRT_EQ(stat(file, &st), 0);
    NRT_LT(st.st_size, 60); /* still the corrupt one: never overwritten */
}

NRT_TEST(unknown_entry_is_623)
{
    RASDIALPARAMS set = filled("Nobody", "alice", SECRET), got = asking("Nobody");
    BOOL has_password;
    setup("unknown");
    NRT_EQ(RasSetEntryDialParams(book, &set, FALSE), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    NRT_EQ(RasGetEntryDialParams(book, &got, &has_password), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    NRT_EQ(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, 623);
    NRT_CONTAINS(last_error(), "Nobody");
}

NRT_TEST(bad_arguments_are_refused)
{
    RASDIALPARAMS p = filled("Test", "alice", SECRET);
    BOOL has_password;
    setup("args");
    NRT_EQ(RasSetEntryDialParams(book, NULL, FALSE), ERROR_BUFFER_INVALID);
    NRT_EQ(RasGetEntryDialParams(book, NULL, &has_password), ERROR_BUFFER_INVALID);
    NRT_EQ(RasGetEntryDialParams(book, &p, NULL), ERROR_BUFFER_INVALID);
    p.dwSize = 12;
    NRT_EQ(RasSetEntryDialParams(book, &p, FALSE), ERROR_INVALID_SIZE);
    NRT_EQ(RasGetEntryDialParams(book, &p, &has_password), ERROR_INVALID_SIZE);
    p.dwSize = sizeof p;
    memset(p.szPassword, 'x', sizeof p.szPassword); /* no NUL */
    NRT_EQ(RasSetEntryDialParams(book, &p, FALSE), ERROR_INVALID_PARAMETER);
}

NRT_TEST(state_directory_falls_back_to_xdg_then_home)
{
    RASDIALPARAMS set = filled("Test", "alice", SECRET);
    char path[800];
    setup("fallback");
    unsetenv("NETROUTER_STATE_DIR");
    snprintf(path, sizeof path, "%s/xdg", dir);
    setenv("XDG_STATE_HOME", path, 1);
    NRT_EQ(RasSetEntryDialParams(book, &set, FALSE), 0);
    snprintf(path, sizeof path, "%s/xdg/netrouter/ras-credentials.json", dir);
    NRT_EQ(access(path, F_OK), 0);
    unsetenv("XDG_STATE_HOME");
    snprintf(path, sizeof path, "%s/home", dir);
    setenv("HOME", path, 1);
    NRT_EQ(RasSetEntryDialParams(book, &set, FALSE), 0);
    snprintf(path, sizeof path, "%s/home/.local/state/netrouter/ras-credentials.json", dir);
    NRT_EQ(access(path, F_OK), 0);
}

/* Every error path that could quote the file: the detail text, the error
 * string, and stderr. */
NRT_TEST(passwords_never_appear_in_error_texts)
{
    RASDIALPARAMS set = filled("Test", "alice", SECRET), got = asking("Test");
    BOOL has_password;
    char errpath[800], text[8192] = "", msg[512];
    static const char *const corrupt[] = {
        "{\"version\": 1, \"credentials\": [ {\"phonebook\": \"x\", \"entry\": \"Test\", \"password\": " SECRET
        "} ] }",
        "{\"version\": 1, \"credentials\": [ {\"phonebook\": \"x\", \"entry\": \"Test\", \"password\": \"" SECRET
        "\", \"password\": \"" SECRET "\"} ] }",
        "{\"version\": 1, \"credentials\": [ {\"phonebook\": \"x\", \"entry\": \"Test\", \"user\": \"" SECRET
        "\", \"password\": [\"" SECRET "\"]} ] }",
        "\"" SECRET,
    };
    int saved_stderr, fd;
    FILE *f;
    DWORD rc;
    setup("secret");
    snprintf(errpath, sizeof errpath, "%s/stderr.txt", dir);
    fflush(stderr);
    saved_stderr = dup(2);
    fd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    NRT_TRUE_FATAL(fd >= 0 && saved_stderr >= 0);
    dup2(fd, 2);
    close(fd);
    NRT_EQ(RasSetEntryDialParams(book, &set, FALSE), 0);
    for (size_t i = 0; i < sizeof corrupt / sizeof corrupt[0]; i++) {
        write_file(file, corrupt[i], 0600);
        rc = RasGetEntryDialParams(book, &got, &has_password);
        NRT_NE(rc, 0);
        NRT_NULL(strstr(last_error(), SECRET));
        NRT_NULL(strstr(last_error(), "SECRET"));
        NRT_EQ(RasGetErrorString(rc, msg, sizeof msg), 0);
        NRT_NULL(strstr(msg, "SECRET"));
        rc = RasSetEntryDialParams(book, &set, FALSE);
        NRT_NE(rc, 0);
        NRT_NULL(strstr(last_error(), "SECRET"));
    }
    chmod(file, 0644);
    NRT_EQ(RasGetEntryDialParams(book, &got, &has_password), ERROR_ACCESS_DENIED);
    NRT_NULL(strstr(last_error(), "SECRET"));
    fflush(stderr);
    dup2(saved_stderr, 2);
    close(saved_stderr);
    f = fopen(errpath, "r");
    NRT_NOT_NULL_FATAL(f);
    if (fread(text, 1, sizeof text - 1, f) == 0)
        text[0] = '\0';
    fclose(f);
    NRT_NULL(strstr(text, "SECRET"));
}

NRT_TEST(a_fifo_in_place_of_the_file_is_refused_at_once)
{
    RASDIALPARAMS set = filled("Test", "alice", SECRET), got = asking("Test");
    BOOL has_password;
    setup("fifo");
    NRT_EQ_FATAL(mkdir(state, 0700), 0);
    NRT_EQ_FATAL(mkfifo(file, 0600), 0);
    /* nobody ever writes to it: a blocking open would never return */
    NRT_EQ(RasGetEntryDialParams(book, &got, &has_password), ERROR_ACCESS_DENIED);
    NRT_CONTAINS(last_error(), file);
    NRT_CONTAINS(last_error(), "it is a FIFO, not a regular file");
    NRT_EQ(RasSetEntryDialParams(book, &set, FALSE), ERROR_ACCESS_DENIED); /* not replaced */
}

NRT_TEST(a_symlinked_state_directory_is_refused)
{
    RASDIALPARAMS set = filled("Test", "alice", SECRET), got = asking("Test");
    BOOL has_password;
    char real[800];
    setup("dirlink");
    snprintf(real, sizeof real, "%s.real", state);
    NRT_EQ_FATAL(mkdir(real, 0700), 0);
    NRT_EQ_FATAL(symlink(real, state), 0);
    NRT_EQ(RasSetEntryDialParams(book, &set, FALSE), ERROR_ACCESS_DENIED);
    NRT_CONTAINS(last_error(), state);
    NRT_CONTAINS(last_error(), "symbolic link");
    NRT_EQ(RasGetEntryDialParams(book, &got, &has_password), ERROR_ACCESS_DENIED);
    strcat(real, "/ras-credentials.json");
    NRT_NE(access(real, F_OK), 0); /* nothing was written through the link */
}

NRT_TEST(a_state_directory_writable_by_others_is_refused)
{
    RASDIALPARAMS set = filled("Test", "alice", SECRET);
    setup("dirmode");
    NRT_EQ_FATAL(mkdir(state, 0700), 0);
    NRT_EQ_FATAL(chmod(state, 0777), 0);
    NRT_EQ(RasSetEntryDialParams(book, &set, FALSE), ERROR_ACCESS_DENIED);
    NRT_CONTAINS(last_error(), "writable by other users");
}

/* ---- RasGetCredentials and RasSetCredentials: the same store --------------------------------- */

NRT_TEST(credentials_api_shares_the_store_with_dial_params)
{
    RASCREDENTIALSA c = { .dwSize = sizeof c, .dwMask = RASCM_UserName | RASCM_Password | RASCM_Domain };
    RASCREDENTIALSW w = { .dwSize = sizeof w };
    RASDIALPARAMSA got = { .dwSize = sizeof got };
    wchar_t wbook[600];
    BOOL has_password = FALSE;
    setup("creds");
    mbstowcs(wbook, book, 600); /* the test's paths are ASCII */
    snprintf(c.szUserName, sizeof c.szUserName, "b\xc3\xa9" "atrice");
    snprintf(c.szPassword, sizeof c.szPassword, SECRET);
    snprintf(c.szDomain, sizeof c.szDomain, "OFFICE");
    NRT_EQ(RasSetCredentialsA(book, "Test", &c, FALSE), 0);
    snprintf(got.szEntryName, sizeof got.szEntryName, "Test");
    NRT_EQ(RasGetEntryDialParamsA(book, &got, &has_password), 0);
    NRT_TRUE(has_password);
    NRT_EQ_STR(got.szUserName, "b\xc3\xa9" "atrice");
    NRT_EQ_STR(got.szPassword, SECRET);
    NRT_EQ(RasGetCredentialsW(wbook, L"Test", &w), 0);
    NRT_EQ(w.dwMask, RASCM_UserName | RASCM_Password | RASCM_Domain);
    NRT_TRUE(wcscmp(w.szUserName, L"b\u00e9atrice") == 0);
    NRT_TRUE(wcscmp(w.szDomain, L"OFFICE") == 0);
    NRT_TRUE(wcscmp(w.szPassword, L"" SECRET) == 0);

    /* the mask names what changes: the user alone, the rest stays */
    memset(&c, 0, sizeof c);
    c.dwSize = sizeof c;
    c.dwMask = RASCM_UserName;
    snprintf(c.szUserName, sizeof c.szUserName, "bob");
    NRT_EQ(RasSetCredentialsA(book, "Test", &c, FALSE), 0);
    memset(&c, 0x55, sizeof c);
    c.dwSize = sizeof c;
    NRT_EQ(RasGetCredentialsA(book, "Test", &c), 0);
    NRT_EQ_STR(c.szUserName, "bob");
    NRT_EQ_STR(c.szDomain, "OFFICE");
    NRT_EQ_STR(c.szPassword, SECRET);

    /* fClearCredentials with RASCM_Password removes the password only */
    c.dwMask = RASCM_Password;
    NRT_EQ(RasSetCredentialsA(book, "Test", &c, TRUE), 0);
    NRT_EQ(RasGetCredentialsA(book, "Test", &c), 0);
    NRT_EQ(c.dwMask, RASCM_UserName | RASCM_Domain);
    NRT_EQ_STR(c.szPassword, "");
    NRT_EQ_STR(c.szUserName, "bob");

    /* W sets, A reads */
    memset(&w, 0, sizeof w);
    w.dwSize = sizeof w;
    w.dwMask = RASCM_Password;
    wcscpy(w.szPassword, L"\u00e9t\u00e9");
    NRT_EQ(RasSetCredentialsW(wbook, L"Test", &w, FALSE), 0);
    NRT_EQ(RasGetCredentialsA(book, "Test", &c), 0);
    NRT_EQ_STR(c.szPassword, "\xc3\xa9t\xc3\xa9");
    NRT_TRUE(c.dwMask & RASCM_Password);
}

NRT_TEST(credentials_api_refuses_what_windows_refuses)
{
    RASCREDENTIALSA c = { .dwSize = sizeof c, .dwMask = RASCM_UserName };
    setup("creds-bad");
    NRT_EQ(RasGetCredentialsA(book, "Test", &c), 0);
    NRT_EQ(c.dwMask, 0u); /* nothing saved */
    NRT_EQ(RasGetCredentialsA(book, "Nobody", &c), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    NRT_EQ(RasSetCredentialsA(book, "Nobody", &c, FALSE), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    NRT_EQ(RasGetCredentialsA(book, "Test", NULL), ERROR_INVALID_PARAMETER);
    NRT_EQ(RasGetCredentialsA(book, NULL, &c), ERROR_INVALID_PARAMETER);
    c.dwSize = sizeof c - 1;
    NRT_EQ(RasGetCredentialsA(book, "Test", &c), ERROR_INVALID_SIZE);
    NRT_EQ(RasSetCredentialsA(book, "Test", &c, FALSE), ERROR_INVALID_SIZE);
    c.dwSize = sizeof c;
    c.dwMask = RASCM_PreSharedKey;
    NRT_EQ(RasSetCredentialsA(book, "Test", &c, FALSE), ERROR_INVALID_PARAMETER);
    NRT_TRUE(strstr(last_error(), "pre-shared") != NULL);
}
