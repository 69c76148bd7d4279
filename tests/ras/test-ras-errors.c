/*
 * test-ras-errors.c - the sentences behind RAS error numbers
 * (nr_ras_get_error_detail, nr_ras_get_last_phonebook_error) name what was at
 * fault: a phonebook's file, line, column and key with the nearest known
 * key, why a phonebook file was refused, the entries a phonebook has, the
 * device, the lock file and the process holding it, the modem's answer;
 * nr_ras_check_phonebook checks a phonebook without dialing; and the
 * dialing threads leave the application's signals to the application.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <netrouter/ras.h>

#include "cunit-main.h"
#include "dial-fixture.h"

static char dir[] = "/tmp/nr-ras-errors.XXXXXX";
NRT_SUITE("ras-errors", .tmpdir = dir);
static char book[600];

static RASDIALPARAMS params_for(const char *entry)
{
    RASDIALPARAMS p = { .dwSize = sizeof p };
    snprintf(p.szEntryName, sizeof p.szEntryName, "%s", entry);
    return p;
}

/* The calling thread's detail (static buffer). */
static const char *thread_detail(void)
{
    static char text[4096];
    NRT_EQ(nr_ras_get_error_detail(NULL, text, sizeof text), 0);
    return text;
}

/* A connection's detail (static buffer). */
static const char *conn_detail(HRASCONN h)
{
    static char text[4096];
    NRT_EQ(nr_ras_get_error_detail(h, text, sizeof text), 0);
    return text;
}

/* Writes dir/name with mode; returns its path (static buffer). */
static const char *write_book(const char *name, mode_t mode, const char *text)
{
    static char path[700];
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    unlink(path);
    f = fopen(path, "w");
    NRT_NOT_NULL_FATAL(f);
    fputs(text, f);
    fclose(f);
    chmod(path, mode);
    return path;
}

/* A synchronous dial of entry in path that must fail with code and no handle. */
static void dial_fails_before_a_handle(const char *path, const char *entry, DWORD code)
{
    RASDIALPARAMS p = params_for(entry);
    HRASCONN h = NULL;
    NRT_EQ(RasDial(NULL, path, &p, 0, NULL, &h), code);
    NRT_NULL(h);
}

/* ---- the phonebook, before any connection exists ----------------------------------------- */

NRT_TEST(a_syntax_error_names_the_file_line_and_column)
{
    const char *path = write_book("syntax.json", 0600, "{\"entries\": [\n  {\"name\": \"A\",, }\n]}\n");
    char want[800];
    dial_fails_before_a_handle(path, "A", ERROR_CORRUPT_PHONEBOOK);
    snprintf(want, sizeof want, "%s:2:", path);
    NRT_CONTAINS(thread_detail(), want);
    NRT_CONTAINS(thread_detail(), "invalid JSON");
}

NRT_TEST(a_misspelt_key_is_named_with_the_key_it_resembles)
{
    const char *path = write_book("typo.json", 0600,
                                  "{\"entries\": [\n  {\"name\": \"A\", \"devcie\": \"/dev/ttyS0\", \"phone_number\": \"1\"}\n]}");
    char want[800];
    dial_fails_before_a_handle(path, "A", ERROR_CORRUPT_PHONEBOOK);
    snprintf(want, sizeof want, "%s:2:17: entries[0].devcie: unknown key \"devcie\" (did you mean \"device\"?)", path);
    NRT_EQ_STR(thread_detail(), want);
}

NRT_TEST(a_missing_phonebook_is_named)
{
    char path[700];
    snprintf(path, sizeof path, "%s/none.json", dir);
    dial_fails_before_a_handle(path, "A", ERROR_CANNOT_OPEN_PHONEBOOK);
    NRT_CONTAINS(thread_detail(), path);
    NRT_CONTAINS(thread_detail(), "No such file or directory");
}

NRT_TEST(an_unsafe_phonebook_says_why_it_is_refused)
{
    const char *path = write_book("open.json", 0666, "{\"entries\": []}");
    dial_fails_before_a_handle(path, "A", ERROR_CANNOT_OPEN_PHONEBOOK);
    NRT_CONTAINS(thread_detail(), path);
    NRT_CONTAINS(thread_detail(), "refusing the phonebook: it is writable by other users (mode 0666)");
}

NRT_TEST(a_fifo_phonebook_is_refused_at_once_saying_so)
{
    char path[700];
    snprintf(path, sizeof path, "%s/fifo.json", dir);
    NRT_EQ_FATAL(mkfifo(path, 0600), 0);
    dial_fails_before_a_handle(path, "A", ERROR_CANNOT_OPEN_PHONEBOOK); /* nobody writes: never waited on */
    NRT_CONTAINS(thread_detail(), "it is a FIFO, not a regular file");
    unlink(path);
}

NRT_TEST(a_wrong_entry_name_lists_the_entries_there_are)
{
    fixture_write_phonebook(dir, "/dev/null", book, sizeof book);
    dial_fails_before_a_handle(book, "Tset", ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    NRT_CONTAINS(thread_detail(), book);
    NRT_CONTAINS(thread_detail(), "no entry named \"Tset\" (did you mean \"Test\"?)");
    NRT_CONTAINS(thread_detail(), "its 2 entries are \"Test\" and \"Gone\"");
    /* the same sentence from the Windows-named call */
    char text[4096];
    NRT_EQ(nr_ras_get_last_phonebook_error(text, sizeof text), 0);
    NRT_EQ_STR(text, thread_detail());
}

NRT_TEST(a_dial_that_starts_clears_the_threads_detail)
{
    modem_emu *e = fixture_start_modem(dir, MODEM_EMU_BUSY, 0, book, sizeof book);
    RASDIALPARAMS p = params_for("Test");
    HRASCONN h = NULL;
    dial_fails_before_a_handle(book, "Nobody", ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    NRT_NE_STR(thread_detail(), "");
    NRT_EQ(RasDial(NULL, book, &p, 1, (void *)fixture_rec_func1, &h), 0);
    NRT_EQ_STR(thread_detail(), "");
    fixture_hang_up_and_check(h, dir);
    modem_emu_stop(e);
}

/* ---- the connection: the device, the lock, the modem ---------------------------------------- */

NRT_TEST(a_missing_device_is_named_in_the_connections_detail)
{
    modem_emu *e = fixture_start_modem(dir, MODEM_EMU_CONNECT, 0, book, sizeof book);
    RASDIALPARAMS p = params_for("Gone");
    HRASCONN h = NULL;
    char want[800];
    fixture_rec_reset();
    NRT_EQ(RasDial(NULL, book, &p, 1, (void *)fixture_rec_func1, &h), 0);
    NRT_TRUE(fixture_rec_wait_done(h, 5000));
    snprintf(want, sizeof want, "The device %s/no-such-tty does not exist", dir);
    NRT_CONTAINS(conn_detail(h), want);
    fixture_hang_up_and_check(h, dir);
    modem_emu_stop(e);
}

NRT_TEST(a_device_locked_by_a_live_process_names_the_lock_and_its_pid)
{
    modem_emu *e = fixture_start_modem(dir, MODEM_EMU_CONNECT, 0, book, sizeof book);
    const char *dev = modem_emu_path(e);
    RASDIALPARAMS p = params_for("Test");
    HRASCONN h = NULL;
    char lock[800], want[1000];
    pid_t holder = fork();
    FILE *f;
    NRT_GE_FATAL(holder, 0);
    if (holder == 0) {
        pause();
        _exit(0);
    }
    snprintf(lock, sizeof lock, "%s/LCK..%s", dir, strrchr(dev, '/') + 1);
    f = fopen(lock, "w");
    NRT_NOT_NULL_FATAL(f);
    fprintf(f, "%10d\n", (int)holder);
    fclose(f);
    NRT_EQ(RasDial(NULL, book, &p, 0, NULL, &h), ERROR_PORT_NOT_AVAILABLE);
    snprintf(want, sizeof want, "The device %s is in use: lock file %s belongs to process %d.", dev, lock, (int)holder);
    NRT_EQ_STR(conn_detail(h), want);
    NRT_EQ(RasHangUp(h), 0);
    NRT_LT(fixture_wait_invalid(h, 3000), 3000);
    kill(holder, SIGKILL);
    waitpid(holder, NULL, 0);
    unlink(lock);
    modem_emu_stop(e);
}

NRT_TEST(a_synchronous_failure_keeps_the_modems_answer_until_hang_up)
{
    modem_emu *e = fixture_start_modem(dir, MODEM_EMU_BUSY, 0, book, sizeof book);
    RASDIALPARAMS p = params_for("Test");
    HRASCONN h = NULL;
    char text[64];
    NRT_EQ(RasDial(NULL, book, &p, 0, NULL, &h), ERROR_LINE_BUSY);
    NRT_NOT_NULL_FATAL(h);
    NRT_CONTAINS(conn_detail(h), modem_emu_path(e));
    NRT_CONTAINS(conn_detail(h), "answered \"BUSY\" to \"ATDT5551234\"");
    NRT_EQ(RasHangUp(h), 0);
    NRT_LT(fixture_wait_invalid(h, 3000), 3000);
    NRT_EQ(nr_ras_get_error_detail(h, text, sizeof text), ERROR_INVALID_HANDLE);
    NRT_EQ(fixture_lock_files(dir), 0);
    modem_emu_stop(e);
}

NRT_TEST(a_connection_that_has_not_failed_has_no_detail)
{
    modem_emu *e = fixture_start_modem(dir, MODEM_EMU_CONNECT, 5000, book, sizeof book);
    RASDIALPARAMS p = params_for("Test");
    HRASCONN h = NULL;
    fixture_rec_reset();
    NRT_EQ(RasDial(NULL, book, &p, 1, (void *)fixture_rec_func1, &h), 0);
    NRT_TRUE(fixture_rec_wait_for(h, RASCS_ConnectDevice, 0, 5000));
    NRT_EQ_STR(conn_detail(h), "");
    fixture_hang_up_and_check(h, dir);
    modem_emu_stop(e);
}

NRT_TEST(error_detail_refuses_bad_arguments)
{
    char text[8];
    NRT_EQ(nr_ras_get_error_detail(NULL, NULL, 8), ERROR_INVALID_PARAMETER);
    NRT_EQ(nr_ras_get_error_detail(NULL, text, 0), ERROR_INVALID_PARAMETER);
    NRT_EQ(nr_ras_get_error_detail((HRASCONN)(uintptr_t)0x7fffffff, text, sizeof text), ERROR_INVALID_HANDLE);
}

/* ---- nr_ras_check_phonebook ----------------------------------------------------------------- */

NRT_TEST(check_phonebook_counts_the_entries_of_a_valid_one)
{
    char path[RAS_MaxPath + 1];
    DWORD n = 0;
    fixture_write_phonebook(dir, "/dev/null", book, sizeof book);
    NRT_EQ(nr_ras_check_phonebook(book, path, sizeof path, &n), 0);
    NRT_EQ_STR(path, book);
    NRT_EQ(n, 2);
    NRT_EQ_STR(thread_detail(), "");
    NRT_EQ(nr_ras_check_phonebook(book, NULL, 0, NULL), 0);
}

NRT_TEST(check_phonebook_reports_the_first_problem)
{
    const char *path = write_book("bad.json", 0600,
                                  "{\"entries\": [\n {\"name\": \"A\", \"device\": \"/dev/a\",\n"
                                  "  \"phone_number\": \"1\", \"timeouts\": {\"ppp_ms\": 4294967297}}\n]}\n");
    char want[800];
    DWORD n = 7;
    NRT_EQ(nr_ras_check_phonebook(path, NULL, 0, &n), ERROR_CORRUPT_PHONEBOOK);
    NRT_EQ(n, 0);
    snprintf(want, sizeof want, "%s:3:37: entries[0].timeouts.ppp_ms: must be between 1 and 600000, not 4294967297",
             path);
    NRT_EQ_STR(thread_detail(), want);
}

NRT_TEST(check_phonebook_of_a_missing_default_fails_naming_it)
{
    char xdg[700], path[RAS_MaxPath + 1];
    snprintf(xdg, sizeof xdg, "%s/empty-config", dir);
    mkdir(xdg, 0700);
    setenv("XDG_CONFIG_HOME", xdg, 1);
    NRT_EQ(nr_ras_check_phonebook(NULL, path, sizeof path, NULL), ERROR_CANNOT_OPEN_PHONEBOOK);
    if (access("/etc/netrouter/phonebook.json", F_OK) != 0) { /* else the system one is the default */
        NRT_CONTAINS(path, "empty-config/netrouter/phonebook.json");
        NRT_CONTAINS(thread_detail(), path);
    }
    unsetenv("XDG_CONFIG_HOME");
}

NRT_TEST(check_phonebook_refuses_bad_arguments)
{
    char small[4];
    fixture_write_phonebook(dir, "/dev/null", book, sizeof book);
    NRT_EQ(nr_ras_check_phonebook("", NULL, 0, NULL), ERROR_INVALID_PARAMETER);
    NRT_EQ(nr_ras_check_phonebook(book, small, 0, NULL), ERROR_INVALID_PARAMETER);
    NRT_EQ(nr_ras_check_phonebook(book, small, sizeof small, NULL), ERROR_BUFFER_TOO_SMALL);
}

/* ---- signals ------------------------------------------------------------------------------ */

/* Whether thread tid of this process blocks signal sig (/proc's SigBlk). */
static bool thread_blocks(const char *tid, int sig)
{
    char path[128], line[256];
    unsigned long long mask = 0;
    FILE *f;
    snprintf(path, sizeof path, "/proc/self/task/%s/status", tid);
    if (!(f = fopen(path, "r")))
        return true; /* it has ended */
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "SigBlk: %llx", &mask) == 1)
            break;
    fclose(f);
    return (mask >> (sig - 1)) & 1;
}

/* The thread that announces the states (the dialing thread), by id. */
static pid_t dialing_tid;

static void on_state_note_thread(HRASCONN h, UINT msg, RASCONNSTATE state, DWORD error, DWORD ext)
{
    __atomic_store_n(&dialing_tid, gettid(), __ATOMIC_RELEASE);
    fixture_rec_func1(h, msg, state, error, ext);
}

NRT_TEST(dialing_threads_leave_the_applications_signals_to_it)
{
    modem_emu *e = fixture_start_modem(dir, MODEM_EMU_CONNECT, 5000, book, sizeof book);
    RASDIALPARAMS p = params_for("Test");
    HRASCONN h = NULL;
    char me[32], tid[32];
    fixture_rec_reset();
    dialing_tid = 0;
    NRT_EQ(RasDial(NULL, book, &p, 1, (void *)on_state_note_thread, &h), 0);
    NRT_TRUE(fixture_rec_wait_for(h, RASCS_ConnectDevice, 0, 5000)); /* its thread is dialing */
    snprintf(tid, sizeof tid, "%d", (int)__atomic_load_n(&dialing_tid, __ATOMIC_ACQUIRE));
    snprintf(me, sizeof me, "%d", (int)gettid());
    NRT_NE_STR(tid, me);
    NRT_TRUE(thread_blocks(tid, SIGINT));
    NRT_TRUE(thread_blocks(tid, SIGTERM));
    NRT_TRUE(thread_blocks(tid, SIGHUP));
    NRT_TRUE(thread_blocks(tid, SIGUSR1));
    NRT_FALSE(thread_blocks(tid, SIGSEGV)); /* its own faults still stop it */
    NRT_FALSE(thread_blocks(me, SIGINT));   /* the caller's own mask is as it was */
    fixture_hang_up_and_check(h, dir);
    modem_emu_stop(e);
}
