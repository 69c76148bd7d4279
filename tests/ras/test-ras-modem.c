/*
 * test-ras-modem.c - the modem layer (providers/ras/port/modem.c, uucplock.c)
 * against the modem emulator on a real pty: dial outcomes and their RAS
 * codes, echo and numeric modes, timeouts, UUCP locks, cancellation from
 * another thread, and a close that restores the port and leaks nothing.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "../cunit-main.h"
#include "modem-emu.h"
#include "modem.h"
#include "uucplock.h"

NRT_SUITE("ras-modem");

#define CMD_MS 300
#define CONNECT_MS 500

/* ---- fixture ------------------------------------------------------------------ */

typedef struct fx {
    modem_emu *emu;
    char lock_dir[64];
    char lock_path[PATH_MAX];
    nr_modem_config cfg;
    nr_modem *m;
    nr_modem_result res;
} fx;

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int count_fds(void)
{
    DIR *d = opendir("/proc/self/fd");
    if (!d)
        return -1;
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL)
        if (de->d_name[0] != '.')
            n++;
    closedir(d);
    return n - 1;   /* the directory's own descriptor */
}

static bool file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        nrt_setup_error();
        return;
    }
    fputs(text, f);
    fclose(f);
}

static void read_file(const char *path, char *buf, size_t cap)
{
    buf[0] = '\0';
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    size_t n = fread(buf, 1, cap - 1, f);
    buf[n] = '\0';
    fclose(f);
}

/* Emulator (optional), private lock directory and a port configuration. */
static bool fx_start(fx *f, const modem_emu_script *s)
{
    memset(f, 0, sizeof *f);
    snprintf(f->lock_dir, sizeof f->lock_dir, "/tmp/nr-modem-lock.XXXXXX");
    if (!mkdtemp(f->lock_dir)) {
        nrt_setup_error();
        NRT_FAIL_FATAL("mkdtemp");
    }
    if (s) {
        f->emu = modem_emu_start(s);
        if (!f->emu) {
            nrt_setup_error();
            NRT_FAIL_FATAL("modem emulator did not start");
        }
        f->cfg.device = modem_emu_path(f->emu);
        const char *base = strrchr(f->cfg.device, '/') + 1;
        snprintf(f->lock_path, sizeof f->lock_path, "%s/LCK..%s", f->lock_dir, base);
    }
    f->cfg.speed = 115200;
    f->cfg.rtscts = false;
    f->cfg.lock_dir = f->lock_dir;
    f->cfg.dtr_drop_ms = -1;
    return true;
}

static void fx_end(fx *f)
{
    nr_modem_close(f->m);
    f->m = NULL;
    modem_emu_stop(f->emu);
    f->emu = NULL;
    DIR *d = opendir(f->lock_dir);
    if (d) {
        struct dirent *de;
        while ((de = readdir(d)) != NULL) {
            if (de->d_name[0] == '.')
                continue;
            char p[PATH_MAX];
            snprintf(p, sizeof p, "%s/%s", f->lock_dir, de->d_name);
            unlink(p);
        }
        closedir(d);
    }
    rmdir(f->lock_dir);
}

static unsigned fx_open(fx *f)
{
    return nr_modem_open(&f->cfg, &f->m, &f->res);
}

/* Opens (if needed) and dials number after the given init commands. */
static unsigned fx_dial_full(fx *f, const char *const *init, size_t ninit, const char *prefix,
                             const char *number, int cmd_ms, int connect_ms, int cancel_fd)
{
    if (!f->m) {
        unsigned rc = fx_open(f);
        if (rc)
            return rc;
    }
    nr_modem_dial_params p = {
        .init = init, .ninit = ninit, .dial_prefix = prefix, .number = number,
        .command_timeout_ms = cmd_ms, .connect_timeout_ms = connect_ms, .cancel_fd = cancel_fd,
    };
    return nr_modem_dial(f->m, &p, &f->res);
}

static unsigned fx_dial(fx *f)
{
    static const char *const init[] = { "ATZ", "ATE0V1" };
    return fx_dial_full(f, init, 2, "ATDT", "5551234", CMD_MS, CONNECT_MS, -1);
}

/* Dials with "ATZ" only, leaving the emulator's echo and result mode alone. */
static unsigned fx_dial_atz(fx *f)
{
    static const char *const init[] = { "ATZ" };
    return fx_dial_full(f, init, 1, "ATDT", "5551234", CMD_MS, CONNECT_MS, -1);
}

static void assert_command(fx *f, size_t i, const char *want)
{
    char got[128];
    NRT_TRUE(modem_emu_command(f->emu, i, got, sizeof got));
    NRT_EQ_STR(got, want);
}

/* Dials against an emulator answering `dial` and checks code and reply. */
static void check_outcome(modem_emu_dial dial, unsigned code, const char *reply)
{
    fx f;
    modem_emu_script s = { .dial = dial, .cme_error = 30 };
    fx_start(&f, &s);
    NRT_EQ(fx_dial(&f), code);
    NRT_EQ(f.res.err.code, code);
    NRT_EQ_STR(f.res.reply, reply);
    NRT_CONTAINS(f.res.err.detail, reply);
    NRT_CONTAINS(f.res.err.detail, f.cfg.device);
    fx_end(&f);
}

/* ---- dial outcomes -------------------------------------------------------------- */

NRT_TEST(connect_succeeds_and_keeps_the_speed)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_CONNECT };
    fx_start(&f, &s);
    NRT_EQ(fx_dial(&f), 0);
    NRT_EQ(f.res.err.code, 0);
    NRT_EQ_STR(f.res.reply, "CONNECT 33600");
    NRT_EQ_STR(f.res.speed, "33600");
    NRT_EQ(modem_emu_ncommands(f.emu), 3);
    assert_command(&f, 0, "ATZ");
    assert_command(&f, 1, "ATE0V1");
    assert_command(&f, 2, "ATDT5551234");
    fx_end(&f);
}

NRT_TEST(connect_without_speed_leaves_speed_empty)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_CONNECT, .connect_text = "CONNECT" };
    fx_start(&f, &s);
    NRT_EQ(fx_dial(&f), 0);
    NRT_EQ_STR(f.res.reply, "CONNECT");
    NRT_EQ_STR(f.res.speed, "");
    fx_end(&f);
}

NRT_TEST(dial_string_is_prefix_and_number)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_CONNECT };
    fx_start(&f, &s);
    NRT_EQ(fx_dial_full(&f, NULL, 0, "ATDP", "0,123", CMD_MS, CONNECT_MS, -1), 0);
    NRT_EQ(modem_emu_ncommands(f.emu), 1);
    assert_command(&f, 0, "ATDP0,123");
    fx_end(&f);
}

NRT_TEST(default_dial_prefix_is_atdt)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_CONNECT };
    fx_start(&f, &s);
    NRT_EQ(fx_dial_full(&f, NULL, 0, NULL, "5551234", CMD_MS, CONNECT_MS, -1), 0);
    assert_command(&f, 0, "ATDT5551234");
    fx_end(&f);
}

NRT_TEST(busy_gives_676) { check_outcome(MODEM_EMU_BUSY, 676, "BUSY"); }
NRT_TEST(no_carrier_gives_679) { check_outcome(MODEM_EMU_NO_CARRIER, 679, "NO CARRIER"); }
NRT_TEST(no_dialtone_gives_680) { check_outcome(MODEM_EMU_NO_DIALTONE, 680, "NO DIALTONE"); }
NRT_TEST(no_dial_tone_spelling_gives_680) { check_outcome(MODEM_EMU_NO_DIAL_TONE, 680, "NO DIAL TONE"); }
NRT_TEST(no_answer_gives_678) { check_outcome(MODEM_EMU_NO_ANSWER, 678, "NO ANSWER"); }
NRT_TEST(error_gives_651) { check_outcome(MODEM_EMU_ERROR, 651, "ERROR"); }
NRT_TEST(voice_gives_677) { check_outcome(MODEM_EMU_VOICE, 677, "VOICE"); }

NRT_TEST(cme_error_gives_651_with_the_extended_error)
{
    check_outcome(MODEM_EMU_CME_ERROR, 651, "+CME ERROR: 30");
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_CME_ERROR, .cme_error = 30 };
    fx_start(&f, &s);
    NRT_EQ(fx_dial(&f), 651);
    NRT_EQ(f.res.err.ext, 30);
    fx_end(&f);
}

NRT_TEST(garbage_line_gives_652) { check_outcome(MODEM_EMU_GARBAGE, 652, "HELLO? IS THIS THE PIZZA PLACE"); }

NRT_TEST(binary_garbage_is_quoted_as_text)
{
    /* The PPP frames of a call still up, read as a reply: quoted with '?'
     * for each byte that is not printable ASCII, so the text stays text
     * (the connection service refuses to send a detail that is not UTF-8). */
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_GARBAGE, .garbage_text = "~\xff}#\x01PPP\xc0" };
    fx_start(&f, &s);
    NRT_EQ(fx_dial(&f), 652);
    NRT_EQ_STR(f.res.reply, "~?}#?PPP?");
    NRT_CONTAINS(f.res.err.detail, "~?}#?PPP?");
    fx_end(&f);
}

NRT_TEST(error_on_an_init_command_gives_651_and_does_not_dial)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_CONNECT, .error_on = "AT&F1" };
    fx_start(&f, &s);
    static const char *const init[] = { "ATZ", "AT&F1", "ATE0" };
    NRT_EQ(fx_dial_full(&f, init, 3, "ATDT", "5551234", CMD_MS, CONNECT_MS, -1), 651);
    NRT_EQ_STR(f.res.reply, "ERROR");
    NRT_CONTAINS(f.res.err.detail, "AT&F1");
    NRT_EQ(modem_emu_ncommands(f.emu), 2);
    fx_end(&f);
}

NRT_TEST(silent_modem_after_dial_gives_666_within_the_connect_timeout)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_SILENCE };
    fx_start(&f, &s);
    long long t0 = now_ms();
    NRT_EQ(fx_dial_full(&f, NULL, 0, "ATDT", "5551234", CMD_MS, 200, -1), 666);
    long long spent = now_ms() - t0;
    NRT_TRUE(spent >= 190 && spent < 600);
    NRT_EQ_STR(f.res.reply, "");
    fx_end(&f);
}

NRT_TEST(silent_modem_on_init_gives_666_within_the_command_timeout)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_CONNECT, .delay_ms = 3000 };
    fx_start(&f, &s);
    static const char *const init[] = { "ATZ" };
    long long t0 = now_ms();
    NRT_EQ(fx_dial_full(&f, init, 1, "ATDT", "5551234", 150, CONNECT_MS, -1), 666);
    long long spent = now_ms() - t0;
    NRT_TRUE(spent >= 140 && spent < 600);
    NRT_CONTAINS(f.res.err.detail, "ATZ");
    fx_end(&f);
}

NRT_TEST(a_late_no_carrier_is_not_the_reply_to_an_init_command)
{
    /* A modem back from an earlier call may report its end after the next
     * dialer sent its first command: NO CARRIER answers only D, A and O. */
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_CONNECT, .late_no_carrier = true };
    fx_start(&f, &s);
    NRT_EQ(fx_dial(&f), 0);
    NRT_EQ_STR(f.res.reply, "CONNECT 33600");
    fx_end(&f);
}

NRT_TEST(no_carrier_still_answers_a_dial)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_NO_CARRIER, .late_no_carrier = true };
    fx_start(&f, &s);
    NRT_EQ(fx_dial(&f), 679);
    fx_end(&f);
}

NRT_TEST(slow_replies_within_the_timeouts_succeed)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_CONNECT, .delay_ms = 80, .dial_delay_ms = 150 };
    fx_start(&f, &s);
    NRT_EQ(fx_dial(&f), 0);
    NRT_EQ_STR(f.res.speed, "33600");
    fx_end(&f);
}

/* ---- modes ---------------------------------------------------------------------- */

NRT_TEST(numeric_result_codes_are_understood)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_CONNECT, .numeric = true };
    fx_start(&f, &s);
    static const char *const init[] = { "ATZ" };
    NRT_EQ(fx_dial_full(&f, init, 1, "ATDT", "5551234", CMD_MS, CONNECT_MS, -1), 0);
    NRT_EQ_STR(f.res.reply, "1");
    fx_end(&f);
}

NRT_TEST(numeric_busy_gives_676)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_BUSY, .numeric = true };
    fx_start(&f, &s);
    NRT_EQ(fx_dial_atz(&f), 676);
    NRT_EQ_STR(f.res.reply, "7");
    fx_end(&f);
}

NRT_TEST(atv0_switches_the_modem_to_numeric_codes)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_NO_CARRIER };
    fx_start(&f, &s);
    static const char *const init[] = { "ATZ", "ATV0" };
    NRT_EQ(fx_dial_full(&f, init, 2, "ATDT", "5551234", CMD_MS, CONNECT_MS, -1), 679);
    NRT_EQ_STR(f.res.reply, "3");
    fx_end(&f);
}

NRT_TEST(numeric_connect_variant_succeeds)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_CONNECT, .numeric = true, .connect_code = 18 };
    fx_start(&f, &s);
    NRT_EQ(fx_dial_atz(&f), 0);
    NRT_EQ_STR(f.res.reply, "18");
    fx_end(&f);
}

NRT_TEST(echoed_commands_are_skipped)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_CONNECT, .echo = true };
    fx_start(&f, &s);
    static const char *const init[] = { "ATZ", "ATQ0" };
    NRT_EQ(fx_dial_full(&f, init, 2, "ATDT", "5551234", CMD_MS, CONNECT_MS, -1), 0);
    NRT_EQ_STR(f.res.reply, "CONNECT 33600");
    fx_end(&f);
}

NRT_TEST(echo_with_numeric_codes_is_understood)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_NO_ANSWER, .echo = true, .numeric = true };
    fx_start(&f, &s);
    NRT_EQ(fx_dial_atz(&f), 678);
    NRT_EQ_STR(f.res.reply, "8");
    fx_end(&f);
}

NRT_TEST(ring_and_blank_lines_are_ignored)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_BUSY, .ring = true };
    fx_start(&f, &s);
    NRT_EQ(fx_dial(&f), 676);
    fx_end(&f);
}

NRT_TEST(every_result_code_maps_to_its_ras_error)
{
    static const struct { const char *line; nr_modem_line_kind kind; unsigned code, ext; } t[] = {
        { "OK", NR_MODEM_LINE_SUCCESS, 0, 0 },
        { "ok", NR_MODEM_LINE_SUCCESS, 0, 0 },
        { "CONNECT", NR_MODEM_LINE_SUCCESS, 0, 0 },
        { "CONNECT 115200/V42BIS", NR_MODEM_LINE_SUCCESS, 0, 0 },
        { "CONNECTED", NR_MODEM_LINE_OTHER, 0, 0 },
        { "RING", NR_MODEM_LINE_IGNORE, 0, 0 },
        { "", NR_MODEM_LINE_IGNORE, 0, 0 },
        { "  ", NR_MODEM_LINE_IGNORE, 0, 0 },
        { "BUSY", NR_MODEM_LINE_FAILURE, 676, 0 },
        { "NO CARRIER", NR_MODEM_LINE_FAILURE, 679, 0 },
        { "NO DIALTONE", NR_MODEM_LINE_FAILURE, 680, 0 },
        { "NO DIAL TONE", NR_MODEM_LINE_FAILURE, 680, 0 },
        { "NO ANSWER", NR_MODEM_LINE_FAILURE, 678, 0 },
        { "ERROR", NR_MODEM_LINE_FAILURE, 651, 0 },
        { "VOICE", NR_MODEM_LINE_FAILURE, 677, 0 },
        { "+CME ERROR: 100", NR_MODEM_LINE_FAILURE, 651, 100 },
        { "+CME ERROR: unknown", NR_MODEM_LINE_FAILURE, 651, 0 },
        { "0", NR_MODEM_LINE_SUCCESS, 0, 0 },
        { "1", NR_MODEM_LINE_SUCCESS, 0, 0 },
        { "2", NR_MODEM_LINE_IGNORE, 0, 0 },
        { "3", NR_MODEM_LINE_FAILURE, 679, 0 },
        { "4", NR_MODEM_LINE_FAILURE, 651, 0 },
        { "5", NR_MODEM_LINE_SUCCESS, 0, 0 },
        { "6", NR_MODEM_LINE_FAILURE, 680, 0 },
        { "7", NR_MODEM_LINE_FAILURE, 676, 0 },
        { "8", NR_MODEM_LINE_FAILURE, 678, 0 },
        { "9", NR_MODEM_LINE_SUCCESS, 0, 0 },
        { "47", NR_MODEM_LINE_SUCCESS, 0, 0 },
        { "DELAYED", NR_MODEM_LINE_OTHER, 0, 0 },
        { "5551234", NR_MODEM_LINE_OTHER, 0, 0 },
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        unsigned code = 99, ext = 99;
        nr_modem_line_kind kind = nr_modem_classify(t[i].line, &code, &ext);
        if (kind != t[i].kind || code != t[i].code || ext != t[i].ext)
            fprintf(stderr, "\n  \"%s\": kind %d code %u ext %u\n", t[i].line, kind, code, ext);
        NRT_EQ(kind, t[i].kind);
        NRT_EQ(code, t[i].code);
        NRT_EQ(ext, t[i].ext);
    }
}

/* ---- opening and locking ---------------------------------------------------------- */

NRT_TEST(missing_device_gives_608)
{
    fx f;
    fx_start(&f, NULL);
    f.cfg.device = "/dev/nr-no-such-tty";
    NRT_EQ(fx_open(&f), 608);
    NRT_NULL(f.m);
    NRT_CONTAINS(f.res.err.detail, "/dev/nr-no-such-tty");
    char lock[PATH_MAX];
    snprintf(lock, sizeof lock, "%s/LCK..nr-no-such-tty", f.lock_dir);
    NRT_FALSE(file_exists(lock));
    fx_end(&f);
}

NRT_TEST(device_that_is_not_a_tty_gives_605)
{
    fx f;
    fx_start(&f, NULL);
    f.cfg.device = "/dev/null";
    NRT_EQ(fx_open(&f), 605);
    NRT_CONTAINS(f.res.err.detail, "/dev/null");
    fx_end(&f);
}

NRT_TEST(unsupported_speed_gives_605)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_CONNECT };
    fx_start(&f, &s);
    f.cfg.speed = 12345;
    NRT_EQ(fx_open(&f), 605);
    NRT_CONTAINS(f.res.err.detail, "12345");
    NRT_FALSE(file_exists(f.lock_path));
    fx_end(&f);
}

NRT_TEST(device_locked_by_a_live_process_gives_633)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_CONNECT };
    fx_start(&f, &s);
    write_file(f.lock_path, "         1\n");
    NRT_EQ(fx_open(&f), 633);
    NRT_NULL(f.m);
    NRT_EQ(f.res.err.ext, 1);
    NRT_CONTAINS(f.res.err.detail, f.lock_path);
    NRT_CONTAINS(f.res.err.detail, "process 1");
    char content[32];
    read_file(f.lock_path, content, sizeof content);
    NRT_EQ_STR(content, "         1\n");
    fx_end(&f);
}

NRT_TEST(device_open_twice_in_this_process_gives_633)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_CONNECT };
    fx_start(&f, &s);
    NRT_EQ_FATAL(fx_open(&f), 0);
    nr_modem *second = NULL;
    nr_modem_result res;
    NRT_EQ(nr_modem_open(&f.cfg, &second, &res), 633);
    NRT_NULL(second);
    NRT_TRUE(file_exists(f.lock_path));   /* the first holder keeps it */
    fx_end(&f);
}

NRT_TEST(stale_lock_of_a_dead_process_is_removed)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_CONNECT };
    fx_start(&f, &s);
    pid_t child = fork();
    if (child == 0)
        _exit(0);
    NRT_GT_FATAL(child, 0);
    waitpid(child, NULL, 0);
    char stale[32], mine[32], content[32];
    snprintf(stale, sizeof stale, "%10d\n", (int)child);
    write_file(f.lock_path, stale);
    NRT_EQ(fx_open(&f), 0);
    snprintf(mine, sizeof mine, "%10d\n", (int)getpid());
    read_file(f.lock_path, content, sizeof content);
    NRT_EQ_STR(content, mine);
    fx_end(&f);
}

NRT_TEST(lock_file_still_being_written_gives_633_and_is_kept)
{
    /* Created with O_EXCL by another program that has not written its PID
     * yet: not stale, and the message says why the port is refused. */
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_CONNECT };
    fx_start(&f, &s);
    write_file(f.lock_path, "");
    NRT_EQ(fx_open(&f), 633);
    NRT_NULL(f.m);
    NRT_CONTAINS(f.res.err.detail, f.lock_path);
    NRT_CONTAINS(f.res.err.detail, "no process ID");
    char content[32] = "x";
    read_file(f.lock_path, content, sizeof content);
    NRT_EQ_STR(content, "");
    fx_end(&f);
}

NRT_TEST(lock_file_holds_our_pid_and_goes_away_on_close)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_CONNECT };
    fx_start(&f, &s);
    NRT_EQ_FATAL(fx_open(&f), 0);
    char mine[32], content[32];
    snprintf(mine, sizeof mine, "%10d\n", (int)getpid());
    read_file(f.lock_path, content, sizeof content);
    NRT_EQ_STR(content, mine);
    nr_modem_close(f.m);
    f.m = NULL;
    NRT_FALSE(file_exists(f.lock_path));
    /* no temporary files left behind either */
    DIR *d = opendir(f.lock_dir);
    int entries = 0;
    for (struct dirent *de; d && (de = readdir(d)) != NULL;)
        entries += de->d_name[0] != '.';
    if (d)
        closedir(d);
    NRT_EQ(entries, 0);
    fx_end(&f);
}

NRT_TEST(missing_lock_directory_gives_633_naming_it)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_CONNECT };
    fx_start(&f, &s);
    f.cfg.lock_dir = "/nonexistent-nr-lock-dir";
    NRT_EQ(fx_open(&f), 633);
    NRT_CONTAINS(f.res.err.detail, "/nonexistent-nr-lock-dir");
    fx_end(&f);
}

/* ---- cancel, hang-up and release ---------------------------------------------------- */

typedef struct canceller {
    int fd;
    int after_ms;
} canceller;

static void *cancel_later(void *arg)
{
    canceller *c = arg;
    struct timespec ts = { 0, (long)c->after_ms * 1000000L };
    nanosleep(&ts, NULL);
    uint64_t one = 1;
    if (write(c->fd, &one, sizeof one) != sizeof one)
        nrt_setup_error();
    return NULL;
}

/* Cancels from another thread 100 ms into a dial that would last seconds. */
static void check_cancel(const modem_emu_script *s)
{
    fx f;
    fx_start(&f, s);
    int efd = eventfd(0, EFD_CLOEXEC);
    NRT_GE_FATAL(efd, 0);
    int fds_before = count_fds();
    pthread_t t;
    canceller c = { efd, 100 };
    static const char *const init[] = { "ATZ" };
    /* From before the canceller exists: it sleeps its 100 ms from its own
     * start, which may come before this thread runs again (under valgrind,
     * by tens of milliseconds), so a clock started after pthread_create
     * could see less than 100 ms of an honest wait. */
    long long t0 = now_ms();
    NRT_EQ_FATAL(pthread_create(&t, NULL, cancel_later, &c), 0);
    unsigned rc = fx_dial_full(&f, init, 1, "ATDT", "5551234", 10000, 10000, efd);
    long long spent = now_ms() - t0;
    pthread_join(t, NULL);
    NRT_EQ(rc, ERROR_USER_DISCONNECTION);
    NRT_TRUE(spent >= 90 && spent < 1000);
    NRT_TRUE(file_exists(f.lock_path));
    long long t1 = now_ms();
    nr_modem_close(f.m);
    f.m = NULL;
    NRT_LT(now_ms() - t1, 1000);
    NRT_FALSE(file_exists(f.lock_path));
    NRT_EQ(count_fds(), fds_before);
    close(efd);
    fx_end(&f);
}

NRT_TEST(cancel_during_a_slow_dial_returns_promptly_and_releases_the_port)
{
    modem_emu_script s = { .dial = MODEM_EMU_CONNECT, .dial_delay_ms = 5000 };
    check_cancel(&s);
}

NRT_TEST(cancel_during_an_init_command_returns_promptly)
{
    modem_emu_script s = { .dial = MODEM_EMU_CONNECT, .delay_ms = 5000 };
    check_cancel(&s);
}

NRT_TEST(cancel_already_signalled_stops_before_sending)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_CONNECT };
    fx_start(&f, &s);
    int p[2];
    NRT_EQ_FATAL(pipe(p), 0);
    NRT_EQ(write(p[1], "x", 1), 1);
    NRT_EQ(fx_dial_full(&f, NULL, 0, "ATDT", "5551234", CMD_MS, CONNECT_MS, p[0]), 631);
    NRT_EQ(modem_emu_ncommands(f.emu), 0);
    close(p[0]);
    close(p[1]);
    fx_end(&f);
}

static bool same_termios(const struct termios *a, const struct termios *b)
{
    return a->c_iflag == b->c_iflag && a->c_oflag == b->c_oflag && a->c_cflag == b->c_cflag
           && a->c_lflag == b->c_lflag && memcmp(a->c_cc, b->c_cc, sizeof a->c_cc) == 0
           && cfgetispeed(a) == cfgetispeed(b) && cfgetospeed(a) == cfgetospeed(b);
}

NRT_TEST(termios_is_restored_after_close)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_BUSY };
    fx_start(&f, &s);
    int slave = modem_emu_slave_fd(f.emu);
    struct termios before, during, after;
    NRT_EQ_FATAL(tcgetattr(slave, &before), 0);
    /* something recognisable, unlike what the modem layer sets */
    before.c_lflag |= ECHO | ICANON;
    before.c_cflag &= ~(tcflag_t)(CLOCAL | HUPCL);
    cfsetispeed(&before, B9600);
    cfsetospeed(&before, B9600);
    NRT_EQ_FATAL(tcsetattr(slave, TCSANOW, &before), 0);
    NRT_EQ_FATAL(tcgetattr(slave, &before), 0);
    NRT_EQ(fx_dial(&f), 676);
    NRT_EQ_FATAL(tcgetattr(slave, &during), 0);
    NRT_FALSE(same_termios(&before, &during));
    NRT_EQ(cfgetospeed(&during), B115200);
    NRT_EQ(during.c_lflag & (ECHO | ICANON), 0);
    nr_modem_close(f.m);
    f.m = NULL;
    NRT_EQ_FATAL(tcgetattr(slave, &after), 0);
    NRT_TRUE(same_termios(&before, &after));
    fx_end(&f);
}

NRT_TEST(no_descriptor_is_leaked)
{
    static const modem_emu_dial outcomes[] = {
        MODEM_EMU_CONNECT, MODEM_EMU_BUSY, MODEM_EMU_SILENCE, MODEM_EMU_GARBAGE,
    };
    for (size_t i = 0; i < sizeof outcomes / sizeof outcomes[0]; i++) {
        fx f;
        modem_emu_script s = { .dial = outcomes[i] };
        fx_start(&f, &s);
        int before = count_fds();
        fx_dial_full(&f, NULL, 0, "ATDT", "1", CMD_MS, 100, -1);
        nr_modem_close(f.m);
        f.m = NULL;
        NRT_EQ(count_fds(), before);
        /* failed opens too */
        write_file(f.lock_path, "         1\n");
        NRT_EQ(fx_open(&f), 633);
        NRT_EQ(count_fds(), before);
        fx_end(&f);
    }
}

NRT_TEST(device_can_be_opened_again_at_once_after_close)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_NO_CARRIER };
    fx_start(&f, &s);
    for (int i = 0; i < 3; i++) {
        NRT_EQ(fx_dial(&f), 679);
        long long t0 = now_ms();
        nr_modem_close(f.m);
        f.m = NULL;
        NRT_LT(now_ms() - t0, 200);
    }
    NRT_EQ(modem_emu_ncommands(f.emu), 9);
    fx_end(&f);
}

NRT_TEST(line_carries_data_both_ways_after_connect)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_CONNECT };
    fx_start(&f, &s);
    NRT_EQ_FATAL(fx_dial(&f), 0);
    NRT_TRUE_FATAL(modem_emu_wait_connected(f.emu, 1000));
    int master = modem_emu_master_fd(f.emu);
    int fd = nr_modem_fd(f.m);
    char junk[16];
    nr_modem_take_pending(f.m, junk, sizeof junk);

    static const char frame[] = "\x7e\xff\x7d\x23\xc0\x21\x7e";
    NRT_EQ(write(master, frame, sizeof frame - 1), (ssize_t)(sizeof frame - 1));
    struct pollfd p = { fd, POLLIN, 0 };
    NRT_EQ(poll(&p, 1, 1000), 1);
    char buf[32];
    ssize_t n = read(fd, buf, sizeof buf);
    NRT_EQ(n, (ssize_t)(sizeof frame - 1));
    NRT_EQ_MEM(buf, frame, sizeof frame - 1);

    NRT_EQ(write(fd, frame, sizeof frame - 1), (ssize_t)(sizeof frame - 1));
    struct pollfd q = { master, POLLIN, 0 };
    NRT_EQ(poll(&q, 1, 1000), 1);
    n = read(master, buf, sizeof buf);
    NRT_EQ(n, (ssize_t)(sizeof frame - 1));
    fx_end(&f);
}

NRT_TEST(bytes_after_connect_are_kept_for_ppp)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_CONNECT, .connect_data = "~\xff}#~" };
    fx_start(&f, &s);
    NRT_EQ_FATAL(fx_dial(&f), 0);
    NRT_EQ_STR(f.res.speed, "33600");
    /* They may arrive in the same read() as CONNECT or just after it. */
    char got[32] = "";
    size_t n = nr_modem_take_pending(f.m, got, sizeof got - 1);
    while (n < 5) {
        struct pollfd p = { nr_modem_fd(f.m), POLLIN, 0 };
        if (poll(&p, 1, 1000) != 1)
            break;
        ssize_t r = read(nr_modem_fd(f.m), got + n, sizeof got - 1 - n);
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    got[n] = '\0';
    NRT_EQ_STR(got, "~\xff}#~");
    NRT_EQ(nr_modem_take_pending(f.m, got, sizeof got), 0);
    fx_end(&f);
}

NRT_TEST(ate1_turns_the_echo_on_midway)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_BUSY };
    fx_start(&f, &s);
    static const char *const init[] = { "ATZ", "ATE1", "ATM0L0" };
    NRT_EQ(fx_dial_full(&f, init, 3, "ATDT", "5551234", CMD_MS, CONNECT_MS, -1), 676);
    NRT_EQ_STR(f.res.reply, "BUSY");
    NRT_EQ(modem_emu_ncommands(f.emu), 4);
    fx_end(&f);
}

NRT_TEST(carrier_loss_after_connect_shows_as_hangup)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_CONNECT, .hangup_after_connect = true,
                           .hangup_delay_ms = 50 };
    fx_start(&f, &s);
    NRT_EQ_FATAL(fx_dial(&f), 0);
    struct pollfd p = { nr_modem_fd(f.m), POLLIN, 0 };
    NRT_EQ(poll(&p, 1, 1000), 1);
    NRT_TRUE(p.revents & (POLLHUP | POLLERR));
    long long t0 = now_ms();
    nr_modem_close(f.m);
    f.m = NULL;
    NRT_LT(now_ms() - t0, 200);
    NRT_FALSE(file_exists(f.lock_path));
    fx_end(&f);
}

NRT_TEST(hangup_while_dialing_gives_619)
{
    fx f;
    modem_emu_script s = { .dial = MODEM_EMU_SILENCE };
    fx_start(&f, &s);
    NRT_EQ_FATAL(fx_open(&f), 0);
    /* The emulator answers nothing; closing its master is a dead line. */
    modem_emu_stop(f.emu);
    f.emu = NULL;
    NRT_EQ(fx_dial_full(&f, NULL, 0, "ATDT", "1", CMD_MS, CONNECT_MS, -1), 619);
    fx_end(&f);
}

