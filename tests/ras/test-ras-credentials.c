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

#include <CUnit/CUnit.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
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
    CU_ASSERT_EQUAL_FATAL(mkdir(pbdir, 0700), 0);
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
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fputs(text, f);
    fclose(f);
    chmod(path, mode);
}

static const char *last_error(void)
{
    static char buf[4096];
    RasGetLastPhonebookError(buf, sizeof buf);
    return buf;
}

NRT_TEST(saved_credentials_come_back)
{
    RASDIALPARAMS set = filled("Test", "alice", SECRET), got = asking("Test");
    BOOL has_password = FALSE;
    setup("roundtrip");
    CU_ASSERT_EQUAL(RasSetEntryDialParams(book, &set, FALSE), 0);
    CU_ASSERT_EQUAL(RasGetEntryDialParams(book, &got, &has_password), 0);
    CU_ASSERT_TRUE(has_password);
    CU_ASSERT_STRING_EQUAL(got.szEntryName, "Test");
    CU_ASSERT_STRING_EQUAL(got.szUserName, "alice");
    CU_ASSERT_STRING_EQUAL(got.szPassword, SECRET);
    CU_ASSERT_STRING_EQUAL(got.szDomain, "OFFICE");
    CU_ASSERT_STRING_EQUAL(got.szCallbackNumber, "5550000");
    CU_ASSERT_STRING_EQUAL(got.szPhoneNumber, ""); /* the entry's own number */
}

/* The router keeps its store in a relative NETROUTER_STATE_DIR taken from
 * the working directory; the credentials went to ~/.local/state instead. */
NRT_TEST(a_relative_state_directory_is_the_same_one_the_router_uses)
{
    RASDIALPARAMS set = filled("Test", "alice", SECRET);
    char cwd[700], expected[800];
    setup("relative");
    CU_ASSERT_PTR_NOT_NULL_FATAL(getcwd(cwd, sizeof cwd));
    CU_ASSERT_EQUAL_FATAL(chdir(dir), 0);
    setenv("NETROUTER_STATE_DIR", "relative-state", 1);
    CU_ASSERT_EQUAL(RasSetEntryDialParams(book, &set, FALSE), 0);
    snprintf(expected, sizeof expected, "%s/relative-state/ras-credentials.json", dir);
    CU_ASSERT_EQUAL(access(expected, F_OK), 0);
    CU_ASSERT_EQUAL(chdir(cwd), 0);
}

/* A writer killed between its temporary file and the rename left the
 * passwords it was writing on disk for good. */
NRT_TEST(a_killed_writers_temporary_file_is_removed_by_the_next_save)
{
    RASDIALPARAMS set = filled("Test", "alice", SECRET);
    char leftover[800];
    setup("leftover");
    CU_ASSERT_EQUAL(RasSetEntryDialParams(book, &set, FALSE), 0); /* creates the directory */
    snprintf(leftover, sizeof leftover, "%s.tmp-999999", file);
    write_file(leftover, "{\"version\": 1, \"credentials\": [{\"password\": \"" SECRET "\"}]}", 0600);
    CU_ASSERT_EQUAL(RasSetEntryDialParams(book, &set, FALSE), 0);
    CU_ASSERT_EQUAL(access(leftover, F_OK), -1);
    CU_ASSERT_EQUAL(access(file, F_OK), 0);
}

NRT_TEST(nothing_saved_gives_empty_credentials)
{
    RASDIALPARAMS got = asking("Test");
    BOOL has_password = TRUE;
    setup("nothing");
    CU_ASSERT_EQUAL(RasGetEntryDialParams(book, &got, &has_password), 0);
    CU_ASSERT_FALSE(has_password);
    CU_ASSERT_STRING_EQUAL(got.szUserName, "");
    CU_ASSERT_STRING_EQUAL(got.szPassword, "");
    CU_ASSERT_EQUAL(access(state, F_OK), -1); /* reading creates nothing */
}

NRT_TEST(removed_password_is_gone_and_the_rest_kept)
{
    RASDIALPARAMS set = filled("Test", "alice", SECRET), got = asking("Test");
    BOOL has_password = TRUE;
    char text[8192] = "";
    FILE *f;
    setup("remove");
    CU_ASSERT_EQUAL(RasSetEntryDialParams(book, &set, FALSE), 0);
    set = filled("Test", "bob", "ignored-when-removing");
    CU_ASSERT_EQUAL(RasSetEntryDialParams(book, &set, TRUE), 0);
    CU_ASSERT_EQUAL(RasGetEntryDialParams(book, &got, &has_password), 0);
    CU_ASSERT_FALSE(has_password);
    CU_ASSERT_STRING_EQUAL(got.szPassword, "");
    CU_ASSERT_STRING_EQUAL(got.szUserName, "bob");
    CU_ASSERT_STRING_EQUAL(got.szDomain, "OFFICE");
    f = fopen(file, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_TRUE(fread(text, 1, sizeof text - 1, f) > 0);
    fclose(f);
    CU_ASSERT_PTR_NULL(strstr(text, SECRET));
    CU_ASSERT_PTR_NULL(strstr(text, "ignored-when-removing"));
}

NRT_TEST(entries_are_kept_apart_by_phonebook_and_name)
{
    RASDIALPARAMS a = filled("Test", "alice", "pw-a"), b = filled("Gone", "bob", "pw-b"), got;
    char other[600];
    BOOL has_password;
    setup("apart");
    snprintf(other, sizeof other, "%s", book);
    setup("apart2"); /* a second phonebook with the same entry names, same state directory */
    CU_ASSERT_EQUAL(RasSetEntryDialParams(other, &a, FALSE), 0);
    CU_ASSERT_EQUAL(RasSetEntryDialParams(other, &b, FALSE), 0);
    got = asking("Test");
    CU_ASSERT_EQUAL(RasGetEntryDialParams(book, &got, &has_password), 0);
    CU_ASSERT_FALSE(has_password); /* same name, other phonebook */
    CU_ASSERT_STRING_EQUAL(got.szUserName, "");
    got = asking("Gone");
    CU_ASSERT_EQUAL(RasGetEntryDialParams(other, &got, &has_password), 0);
    CU_ASSERT_STRING_EQUAL(got.szUserName, "bob");
    CU_ASSERT_STRING_EQUAL(got.szPassword, "pw-b");
    got = asking("Test");
    CU_ASSERT_EQUAL(RasGetEntryDialParams(other, &got, &has_password), 0);
    CU_ASSERT_STRING_EQUAL(got.szPassword, "pw-a");
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
        CU_ASSERT_EQUAL(RasSetEntryDialParams(book, &set, FALSE), 0);
    CU_ASSERT_EQUAL_FATAL(stat(file, &st), 0);
    CU_ASSERT_EQUAL(st.st_mode & 07777, 0600);
    CU_ASSERT_EQUAL(st.st_uid, geteuid());
    CU_ASSERT_EQUAL_FATAL(stat(state, &st), 0);
    CU_ASSERT_EQUAL(st.st_mode & 07777, 0700);
    d = opendir(state);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    while ((de = readdir(d)) != NULL)
        if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..") && strcmp(de->d_name, "ras-credentials.json"))
            others++; /* a temporary file left behind */
    closedir(d);
    CU_ASSERT_EQUAL(others, 0);
}

NRT_TEST(unsafe_file_is_refused)
{
    RASDIALPARAMS set = filled("Test", "alice", SECRET), got = asking("Test");
    BOOL has_password;
    char link[800];
    setup("unsafe");
    CU_ASSERT_EQUAL(RasSetEntryDialParams(book, &set, FALSE), 0);
    chmod(file, 0640);
    CU_ASSERT_EQUAL(RasGetEntryDialParams(book, &got, &has_password), ERROR_ACCESS_DENIED);
    CU_ASSERT_PTR_NOT_NULL(strstr(last_error(), file));
    CU_ASSERT_PTR_NOT_NULL(strstr(last_error(), "refusing"));
    CU_ASSERT_EQUAL(RasSetEntryDialParams(book, &set, FALSE), ERROR_ACCESS_DENIED); /* not overwritten */
    chmod(file, 0604);
    CU_ASSERT_EQUAL(RasGetEntryDialParams(book, &got, &has_password), ERROR_ACCESS_DENIED);
    /* A symbolic link is refused too, even to a private file. */
    snprintf(link, sizeof link, "%s.real", file);
    chmod(file, 0600);
    CU_ASSERT_EQUAL(rename(file, link), 0);
    CU_ASSERT_EQUAL(symlink(link, file), 0);
    CU_ASSERT_EQUAL(RasGetEntryDialParams(book, &got, &has_password), ERROR_ACCESS_DENIED);
}

NRT_TEST(corrupt_file_is_refused_and_kept)
{
    RASDIALPARAMS set = filled("Test", "alice", SECRET), got = asking("Test");
    BOOL has_password;
    struct stat st;
    setup("corrupt");
    CU_ASSERT_EQUAL(mkdir(state, 0700), 0);
    write_file(file, "{\"version\": 1, \"credentials\": [ {\"entry\": 3} ] }", 0600);
    CU_ASSERT_EQUAL(RasGetEntryDialParams(book, &got, &has_password), ERROR_CANNOT_LOAD_PHONEBOOK);
    CU_ASSERT_PTR_NOT_NULL(strstr(last_error(), "credentials[0]"));
    CU_ASSERT_EQUAL(RasSetEntryDialParams(book, &set, FALSE), ERROR_CANNOT_LOAD_PHONEBOOK);
    CU_ASSERT_EQUAL(stat(file, &st), 0);
    CU_ASSERT_TRUE(st.st_size < 60); /* still the corrupt one: never overwritten */
}

NRT_TEST(unknown_entry_is_623)
{
    RASDIALPARAMS set = filled("Nobody", "alice", SECRET), got = asking("Nobody");
    BOOL has_password;
    setup("unknown");
    CU_ASSERT_EQUAL(RasSetEntryDialParams(book, &set, FALSE), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    CU_ASSERT_EQUAL(RasGetEntryDialParams(book, &got, &has_password), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    CU_ASSERT_EQUAL(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, 623);
    CU_ASSERT_PTR_NOT_NULL(strstr(last_error(), "Nobody"));
}

NRT_TEST(bad_arguments_are_refused)
{
    RASDIALPARAMS p = filled("Test", "alice", SECRET);
    BOOL has_password;
    setup("args");
    CU_ASSERT_EQUAL(RasSetEntryDialParams(book, NULL, FALSE), ERROR_BUFFER_INVALID);
    CU_ASSERT_EQUAL(RasGetEntryDialParams(book, NULL, &has_password), ERROR_BUFFER_INVALID);
    CU_ASSERT_EQUAL(RasGetEntryDialParams(book, &p, NULL), ERROR_BUFFER_INVALID);
    p.dwSize = 12;
    CU_ASSERT_EQUAL(RasSetEntryDialParams(book, &p, FALSE), ERROR_INVALID_SIZE);
    CU_ASSERT_EQUAL(RasGetEntryDialParams(book, &p, &has_password), ERROR_INVALID_SIZE);
    p.dwSize = sizeof p;
    memset(p.szPassword, 'x', sizeof p.szPassword); /* no NUL */
    CU_ASSERT_EQUAL(RasSetEntryDialParams(book, &p, FALSE), ERROR_INVALID_PARAMETER);
}

NRT_TEST(state_directory_falls_back_to_xdg_then_home)
{
    RASDIALPARAMS set = filled("Test", "alice", SECRET);
    char path[800];
    setup("fallback");
    unsetenv("NETROUTER_STATE_DIR");
    snprintf(path, sizeof path, "%s/xdg", dir);
    setenv("XDG_STATE_HOME", path, 1);
    CU_ASSERT_EQUAL(RasSetEntryDialParams(book, &set, FALSE), 0);
    snprintf(path, sizeof path, "%s/xdg/netrouter/ras-credentials.json", dir);
    CU_ASSERT_EQUAL(access(path, F_OK), 0);
    unsetenv("XDG_STATE_HOME");
    snprintf(path, sizeof path, "%s/home", dir);
    setenv("HOME", path, 1);
    CU_ASSERT_EQUAL(RasSetEntryDialParams(book, &set, FALSE), 0);
    snprintf(path, sizeof path, "%s/home/.local/state/netrouter/ras-credentials.json", dir);
    CU_ASSERT_EQUAL(access(path, F_OK), 0);
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
    CU_ASSERT_FATAL(fd >= 0 && saved_stderr >= 0);
    dup2(fd, 2);
    close(fd);
    CU_ASSERT_EQUAL(RasSetEntryDialParams(book, &set, FALSE), 0);
    for (size_t i = 0; i < sizeof corrupt / sizeof corrupt[0]; i++) {
        write_file(file, corrupt[i], 0600);
        rc = RasGetEntryDialParams(book, &got, &has_password);
        CU_ASSERT_NOT_EQUAL(rc, 0);
        CU_ASSERT_PTR_NULL(strstr(last_error(), SECRET));
        CU_ASSERT_PTR_NULL(strstr(last_error(), "SECRET"));
        CU_ASSERT_EQUAL(RasGetErrorString(rc, msg, sizeof msg), 0);
        CU_ASSERT_PTR_NULL(strstr(msg, "SECRET"));
        rc = RasSetEntryDialParams(book, &set, FALSE);
        CU_ASSERT_NOT_EQUAL(rc, 0);
        CU_ASSERT_PTR_NULL(strstr(last_error(), "SECRET"));
    }
    chmod(file, 0644);
    CU_ASSERT_EQUAL(RasGetEntryDialParams(book, &got, &has_password), ERROR_ACCESS_DENIED);
    CU_ASSERT_PTR_NULL(strstr(last_error(), "SECRET"));
    fflush(stderr);
    dup2(saved_stderr, 2);
    close(saved_stderr);
    f = fopen(errpath, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    if (fread(text, 1, sizeof text - 1, f) == 0)
        text[0] = '\0';
    fclose(f);
    CU_ASSERT_PTR_NULL(strstr(text, "SECRET"));
}

NRT_TEST(a_fifo_in_place_of_the_file_is_refused_at_once)
{
    RASDIALPARAMS set = filled("Test", "alice", SECRET), got = asking("Test");
    BOOL has_password;
    setup("fifo");
    CU_ASSERT_EQUAL_FATAL(mkdir(state, 0700), 0);
    CU_ASSERT_EQUAL_FATAL(mkfifo(file, 0600), 0);
    /* nobody ever writes to it: a blocking open would never return */
    CU_ASSERT_EQUAL(RasGetEntryDialParams(book, &got, &has_password), ERROR_ACCESS_DENIED);
    CU_ASSERT_PTR_NOT_NULL(strstr(last_error(), file));
    CU_ASSERT_PTR_NOT_NULL(strstr(last_error(), "it is a FIFO, not a regular file"));
    CU_ASSERT_EQUAL(RasSetEntryDialParams(book, &set, FALSE), ERROR_ACCESS_DENIED); /* not replaced */
}

NRT_TEST(a_symlinked_state_directory_is_refused)
{
    RASDIALPARAMS set = filled("Test", "alice", SECRET), got = asking("Test");
    BOOL has_password;
    char real[800];
    setup("dirlink");
    snprintf(real, sizeof real, "%s.real", state);
    CU_ASSERT_EQUAL_FATAL(mkdir(real, 0700), 0);
    CU_ASSERT_EQUAL_FATAL(symlink(real, state), 0);
    CU_ASSERT_EQUAL(RasSetEntryDialParams(book, &set, FALSE), ERROR_ACCESS_DENIED);
    CU_ASSERT_PTR_NOT_NULL(strstr(last_error(), state));
    CU_ASSERT_PTR_NOT_NULL(strstr(last_error(), "symbolic link"));
    CU_ASSERT_EQUAL(RasGetEntryDialParams(book, &got, &has_password), ERROR_ACCESS_DENIED);
    strcat(real, "/ras-credentials.json");
    CU_ASSERT_NOT_EQUAL(access(real, F_OK), 0); /* nothing was written through the link */
}

NRT_TEST(a_state_directory_writable_by_others_is_refused)
{
    RASDIALPARAMS set = filled("Test", "alice", SECRET);
    setup("dirmode");
    CU_ASSERT_EQUAL_FATAL(mkdir(state, 0700), 0);
    CU_ASSERT_EQUAL_FATAL(chmod(state, 0777), 0);
    CU_ASSERT_EQUAL(RasSetEntryDialParams(book, &set, FALSE), ERROR_ACCESS_DENIED);
    CU_ASSERT_PTR_NOT_NULL(strstr(last_error(), "writable by other users"));
}
