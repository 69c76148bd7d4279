/*
 * test-ras-terminal.c - the terminal step of a phonebook entry with
 * terminal_after_dial: the dial pauses in RASCS_Interactive (with
 * RDEOPT_PausedStates), the application logs in to the emulated terminal
 * server through nr_ras_terminal_read/write and resumes the dial, which
 * then runs PPP to RASCS_Connected; without the option the dial fails with
 * ERROR_INTERACTIVE_MODE.  Also: terminal calls outside the paused state,
 * a wrong login, and a hang-up that ends a terminal read at once.
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <netrouter/ras.h>

#include "cunit-main.h"
#include "dial-fixture.h"

static char dir[] = "/tmp/nr-ras-terminal.XXXXXX";
NRT_SUITE("ras-terminal", .tmpdir = dir, .ignore_sigpipe = true);
static char book[600];

/* The terminal server's dialogue: prompt, expected answer, ... */
static const char *const login_dialogue[] = { "\r\nlogin: ", "alice", "Password: ", "s3cret", NULL };

/* ---- set-up -------------------------------------------------------------------------- */

/* An emulator with the login dialogue and a phonebook whose "Login" entry
 * has terminal_after_dial. */
static modem_emu *start_terminal_server(void)
{
    modem_emu_script s = { .dial = MODEM_EMU_CONNECT, .login = login_dialogue };
    modem_emu *e = modem_emu_start(&s);
    NRT_NOT_NULL_FATAL(e);
    setenv("NETROUTER_LOCK_DIR", dir, 1);
    fixture_write_entry(dir, "phonebook.json", "Login", modem_emu_path(e), "\"terminal_after_dial\": true,",
                        "{\"command_ms\": 500, \"connect_ms\": 8000, \"ppp_ms\": 5000}", book, sizeof book);
    fixture_rec_reset();
    return e;
}

static RASDIALPARAMS login_params(void)
{
    RASDIALPARAMS p = { .dwSize = sizeof p };
    snprintf(p.szEntryName, sizeof p.szEntryName, "Login");
    return p;
}

/* Reads from the terminal until text has been seen (or ms passed). */
static bool read_until(HRASCONN h, const char *text, int ms)
{
    char seen[1024] = "";
    size_t used = 0;
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (;;) {
        char buf[256];
        DWORD got = 0;
        if (nr_ras_terminal_read(h, buf, sizeof buf, 200, &got) != 0)
            return false;
        if (got && used + got < sizeof seen) {
            memcpy(seen + used, buf, got);
            used += got;
            seen[used] = '\0';
        }
        if (strstr(seen, text))
            return true;
        clock_gettime(CLOCK_MONOTONIC, &b);
        if ((b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000 > ms)
            return false;
    }
}

static void answer(HRASCONN h, const char *line)
{
    char buf[128];
    int n = snprintf(buf, sizeof buf, "%s\r", line);
    NRT_EQ(nr_ras_terminal_write(h, buf, (DWORD)n), 0);
}

static void hang_up_and_check_release(HRASCONN h)
{
    fixture_hang_up_and_check(h, dir);
}

/* ---- tests ------------------------------------------------------------------------------ */

NRT_TEST(interactive_pause_lets_the_application_log_in_before_ppp)
{
    modem_emu *e = start_terminal_server();
    RASDIALEXTENSIONS ext = { .dwSize = sizeof ext, .dwfOptions = RDEOPT_PausedStates };
    RASDIALPARAMS p = login_params();
    RASCONNSTATUS st = { .dwSize = sizeof st };
    HRASCONN h = NULL;
    char cmd[64];
    size_t n;
    peer pr;
    peer_start(&pr, e);
    NRT_EQ_FATAL(RasDial(&ext, book, &p, 1, (void *)fixture_rec_func1, &h), 0);
    NRT_TRUE_FATAL(fixture_rec_wait_for(h, RASCS_Interactive, 0, 10000));
    NRT_EQ(RasGetConnectStatus(h, &st), 0);
    NRT_EQ(st.rasconnstate, RASCS_Interactive);
    NRT_TRUE(read_until(h, "login: ", 5000));
    answer(h, "alice");
    NRT_TRUE(read_until(h, "Password: ", 5000));
    answer(h, "s3cret");
    NRT_TRUE(read_until(h, "Starting PPP", 5000));
    NRT_EQ(RasDial(&ext, book, &p, 1, (void *)fixture_rec_func1, &h), 0); /* resume */
    NRT_TRUE(fixture_rec_wait_for(h, RASCS_Connected, 0, 10000));
    NRT_EQ_STR(fixture_rec_text(h), "0:0 1:0 2:0 3:0 4096:0 4:0 5:0 14:0 10:0 18:0 8192:0");
    /* What the far end was told, after the AT commands. */
    n = modem_emu_ncommands(e);
    NRT_GE_FATAL(n, 2);
    NRT_TRUE(modem_emu_command(e, n - 2, cmd, sizeof cmd));
    NRT_EQ_STR(cmd, "alice");
    NRT_TRUE(modem_emu_command(e, n - 1, cmd, sizeof cmd));
    NRT_EQ_STR(cmd, "s3cret");
    /* Connected: the line is PPP's now. */
    char buf[16];
    DWORD got = 0;
    NRT_EQ(nr_ras_terminal_read(h, buf, sizeof buf, 0, &got), ERROR_PORT_NOT_OPEN);
    NRT_EQ(nr_ras_terminal_write(h, "x", 1), ERROR_PORT_NOT_OPEN);
    hang_up_and_check_release(h);
    peer_stop(&pr);
    modem_emu_stop(e);
}

NRT_TEST(terminal_step_without_paused_states_fails_with_703)
{
    modem_emu *e = start_terminal_server();
    RASDIALPARAMS p = login_params();
    HRASCONN h = NULL;
    NRT_EQ(RasDial(NULL, book, &p, 0, NULL, &h), ERROR_INTERACTIVE_MODE); /* synchronous */
    NRT_NOT_NULL(h);
    hang_up_and_check_release(h);
    modem_emu_stop(e);
}

NRT_TEST(terminal_step_failure_is_announced_in_device_connected)
{
    modem_emu *e = start_terminal_server();
    RASDIALPARAMS p = login_params();
    HRASCONN h = NULL;
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 1, (void *)fixture_rec_func1, &h), 0); /* no RDEOPT_PausedStates */
    NRT_TRUE(fixture_rec_wait_for(h, RASCS_DeviceConnected, ERROR_INTERACTIVE_MODE, 10000));
    usleep(100 * 1000); /* nothing may follow the error */
    NRT_EQ_STR(fixture_rec_text(h), "0:0 1:0 2:0 3:0 3:703");
    hang_up_and_check_release(h);
    modem_emu_stop(e);
}

NRT_TEST(terminal_calls_need_a_dial_in_interactive)
{
    char buf[16];
    DWORD got = 7;
    modem_emu_script s = { .dial = MODEM_EMU_BUSY };
    modem_emu *e = modem_emu_start(&s);
    RASDIALPARAMS p = { .dwSize = sizeof p };
    HRASCONN h = NULL;
    NRT_NOT_NULL_FATAL(e);
    fixture_write_phonebook(dir, modem_emu_path(e), book, sizeof book);
    snprintf(p.szEntryName, sizeof p.szEntryName, "Test");
    NRT_EQ(nr_ras_terminal_read((HRASCONN)(uintptr_t)0x7777, buf, sizeof buf, 0, &got), ERROR_INVALID_HANDLE);
    NRT_EQ(got, 0);
    NRT_EQ(nr_ras_terminal_write((HRASCONN)(uintptr_t)0x7777, "x", 1), ERROR_INVALID_HANDLE);
    NRT_EQ(RasDial(NULL, book, &p, 0, NULL, &h), ERROR_LINE_BUSY);
    NRT_EQ(nr_ras_terminal_read(h, buf, sizeof buf, 0, &got), ERROR_PORT_NOT_OPEN);
    NRT_EQ(nr_ras_terminal_read(h, NULL, sizeof buf, 0, &got), ERROR_INVALID_PARAMETER);
    NRT_EQ(nr_ras_terminal_read(h, buf, sizeof buf, 0, NULL), ERROR_INVALID_PARAMETER);
    NRT_EQ(nr_ras_terminal_write(h, NULL, 1), ERROR_INVALID_PARAMETER);
    hang_up_and_check_release(h);
    modem_emu_stop(e);
}

NRT_TEST(wrong_login_drops_the_line_under_the_terminal)
{
    modem_emu *e = start_terminal_server();
    RASDIALEXTENSIONS ext = { .dwSize = sizeof ext, .dwfOptions = RDEOPT_PausedStates };
    RASDIALPARAMS p = login_params();
    HRASCONN h = NULL;
    char buf[256];
    DWORD got = 0, rc = 0;
    NRT_EQ_FATAL(RasDial(&ext, book, &p, 1, (void *)fixture_rec_func1, &h), 0);
    NRT_TRUE_FATAL(fixture_rec_wait_for(h, RASCS_Interactive, 0, 10000));
    NRT_TRUE(read_until(h, "login: ", 5000));
    answer(h, "mallory");
    NRT_TRUE(read_until(h, "Login incorrect", 5000));
    for (int i = 0; i < 50 && (rc = nr_ras_terminal_read(h, buf, sizeof buf, 100, &got)) == 0; i++) {
    }
    NRT_EQ(rc, ERROR_PORT_DISCONNECTED);
    hang_up_and_check_release(h);
    modem_emu_stop(e);
}

typedef struct reader { HRASCONN h; DWORD rc; long ms; } reader;

static void *read_long(void *arg)
{
    reader *r = arg;
    char buf[64];
    DWORD got = 0;
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    do
        r->rc = nr_ras_terminal_read(r->h, buf, sizeof buf, 8000, &got);
    while (r->rc == 0 && got > 0); /* past the prompt, then a long wait */
    clock_gettime(CLOCK_MONOTONIC, &b);
    r->ms = (b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000;
    return NULL;
}

NRT_TEST(hang_up_ends_a_terminal_read_at_once)
{
    modem_emu *e = start_terminal_server();
    RASDIALEXTENSIONS ext = { .dwSize = sizeof ext, .dwfOptions = RDEOPT_PausedStates };
    RASDIALPARAMS p = login_params();
    HRASCONN h = NULL;
    reader r = { 0 };
    pthread_t t;
    NRT_EQ_FATAL(RasDial(&ext, book, &p, 1, (void *)fixture_rec_func1, &h), 0);
    NRT_TRUE_FATAL(fixture_rec_wait_for(h, RASCS_Interactive, 0, 10000));
    r.h = h;
    NRT_EQ_FATAL(pthread_create(&t, NULL, read_long, &r), 0);
    usleep(300 * 1000); /* the reader waits for an answer that never comes */
    {
        char buf[8];
        DWORD got = 0;
        NRT_EQ(nr_ras_terminal_read(h, buf, sizeof buf, 0, &got), ERROR_ASYNC_REQUEST_PENDING);
    }
    NRT_EQ(RasHangUp(h), 0);
    pthread_join(t, NULL);
    NRT_EQ(r.rc, ERROR_USER_DISCONNECTION);
    NRT_LT(r.ms, 6000); /* well before its own 8 s timeout */
    NRT_LT(fixture_wait_invalid(h, 5000), 5000);
    NRT_EQ(fixture_lock_files(dir), 0);
    NRT_EQ_STR(fixture_rec_text(h), "0:0 1:0 2:0 3:0 4096:0"); /* nothing after the hang-up */
    modem_emu_stop(e);
}
