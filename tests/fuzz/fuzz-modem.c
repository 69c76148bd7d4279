/*
 * fuzz-modem.c - libFuzzer target: what a modem (or whatever sits on the
 * serial line) answers, through the result-line parser of
 * providers/ras/port/modem.c.
 *
 * Two passes over each input:
 *  1. Every line (split at CR and LF) through nr_modem_classify(), with
 *     the promises of modem.h checked: a code only for a failure, the
 *     extended error only for +CME ERROR, and the same answer whatever the
 *     case of the letters and the blanks around the line.
 *  2. A whole dialogue on a real pseudo-terminal: the input's records
 *     (separated by the octet 0x1e, ASCII Record Separator) are the modem's
 *     answers to the init commands and the dial (nr_modem_dial), or to the
 *     wait for RING and ATA (nr_modem_answer); then the bytes that came
 *     after CONNECT (nr_modem_take_pending, nr_modem_read).  A thread on the
 *     master side answers each command line with the next record, after
 *     the echo of the command when the header asks for it, and always ends
 *     with a final result, so no exchange waits for its timeout: echo,
 *     record and final result go out in one write(), before the modem can
 *     read any of it, which makes the outcome independent of timing (the
 *     modem flushes its input before the next command).
 *
 * The first octet is the header: bits 0-1 the number of init commands,
 * bit 2 echo, bit 3 answer a call back instead of dialing, bit 4 send a
 * line in terminal mode after CONNECT.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <termios.h>
#include <unistd.h>

#include "fuzz-util.h"
#include "modem.h"

#define RS 0x1e
#define MAX_RECORD 4096

/* ---- pass 1: nr_modem_classify ------------------------------------------------ */

static bool known_failure(unsigned code)
{
    return code == ERROR_LINE_BUSY || code == ERROR_NO_CARRIER || code == ERROR_NO_DIALTONE ||
           code == ERROR_NO_ANSWER || code == ERROR_VOICE_ANSWER || code == ERROR_FROM_DEVICE;
}

static void classify_line(const char *line)
{
    unsigned code = 12345, ext = 12345, code2, ext2;
    nr_modem_line_kind kind = nr_modem_classify(line, &code, &ext);
    char variant[300];
    size_t n = strlen(line);

    FUZZ_ASSERT(kind == NR_MODEM_LINE_IGNORE || kind == NR_MODEM_LINE_SUCCESS || kind == NR_MODEM_LINE_FAILURE ||
                kind == NR_MODEM_LINE_OTHER);
    if (kind == NR_MODEM_LINE_FAILURE)
        FUZZ_ASSERT(known_failure(code));
    else
        FUZZ_ASSERT(code == 0 && ext == 0);
    if (ext)
        FUZZ_ASSERT(code == ERROR_FROM_DEVICE);
    FUZZ_ASSERT(nr_modem_classify(line, NULL, NULL) == kind);

    /* blanks around it and the case of its letters do not matter */
    if (n < 200) {
        snprintf(variant, sizeof variant, " \t%s \t", line);
        FUZZ_ASSERT(nr_modem_classify(variant, &code2, &ext2) == kind && code2 == code && ext2 == ext);
        for (size_t i = 0; i < n; i++)
            variant[i] = (char)(i % 2 ? tolower((unsigned char)line[i]) : toupper((unsigned char)line[i]));
        variant[n] = '\0';
        FUZZ_ASSERT(nr_modem_classify(variant, &code2, &ext2) == kind && code2 == code && ext2 == ext);
    }
}

static void classify_all(const uint8_t *data, size_t size)
{
    char line[300];
    size_t n = 0;
    for (size_t i = 0; i <= size; i++) {
        if (i == size || data[i] == '\r' || data[i] == '\n' || data[i] == RS || n == sizeof line - 1) {
            line[n] = '\0';
            classify_line(line);
            n = 0;
            continue;
        }
        if (data[i]) /* a C string cannot hold NUL; the modem layer cuts there too */
            line[n++] = (char)data[i];
    }
    FUZZ_ASSERT(nr_modem_classify(NULL, NULL, NULL) == NR_MODEM_LINE_IGNORE);
}

/* ---- pass 2: a dialogue on a pty ----------------------------------------------- */

typedef struct line {
    int master, slave;       /* the slave stays open: the pty lives between inputs */
    char path[64];
} line;

typedef struct responder {
    int master, stop;
    const uint8_t *data;     /* the records */
    size_t size, pos;
    bool echo, ring_first;
} responder;

static line *line_once(void)
{
    static line l = { -1, -1, "" };
    struct termios t;
    if (l.master >= 0)
        return &l;
    l.master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    FUZZ_ASSERT(l.master >= 0 && grantpt(l.master) == 0 && unlockpt(l.master) == 0);
    FUZZ_ASSERT(ptsname_r(l.master, l.path, sizeof l.path) == 0);
    l.slave = open(l.path, O_RDWR | O_NOCTTY | O_CLOEXEC);
    FUZZ_ASSERT(l.slave >= 0);
    FUZZ_ASSERT(tcgetattr(l.slave, &t) == 0);
    cfmakeraw(&t);
    FUZZ_ASSERT(tcsetattr(l.slave, TCSANOW, &t) == 0);
    return &l;
}

/* The next record (up to RS or the end); empty once they are used up. */
static size_t next_record(responder *r, const uint8_t **rec)
{
    const uint8_t *end;
    size_t n;
    *rec = r->data + r->pos;
    if (r->pos >= r->size)
        return 0;
    end = memchr(*rec, RS, r->size - r->pos);
    n = end ? (size_t)(end - *rec) : r->size - r->pos;
    r->pos += n + (end ? 1 : 0);
    return n > MAX_RECORD ? MAX_RECORD : n;
}

static void put(uint8_t *buf, size_t *n, const void *p, size_t len)
{
    memcpy(buf + *n, p, len);
    *n += len;
}

/* Waits for the master to be readable; false when told to stop. */
static bool wait_master(responder *r)
{
    struct pollfd p[2] = { { r->master, POLLIN, 0 }, { r->stop, POLLIN, 0 } };
    while (poll(p, 2, -1) < 0)
        FUZZ_ASSERT(errno == EINTR);
    return !p[1].revents;
}

static void *respond(void *arg)
{
    responder *r = arg;
    static uint8_t out[2 * MAX_RECORD + 64];
    char cmd[256];
    size_t clen = 0;
    const uint8_t *rec;
    size_t n, len;

    if (r->ring_first) { /* nr_modem_answer waits for RING before it sends anything */
        n = 0;
        len = next_record(r, &rec);
        put(out, &n, rec, len);
        put(out, &n, "\r\nRING\r\n", 8);
        FUZZ_ASSERT(write(r->master, out, n) == (ssize_t)n);
    }
    while (wait_master(r)) {
        char c;
        ssize_t got = read(r->master, &c, 1);
        if (got <= 0)
            continue;
        if (c != '\r') {
            if (clen < sizeof cmd - 1)
                cmd[clen++] = c;
            continue;
        }
        if (clen == 0) /* a lone CR: the modem aborts a dial */
            continue;
        n = 0;
        if (r->echo) {
            put(out, &n, cmd, clen);
            put(out, &n, "\r\n", 2);
        }
        len = next_record(r, &rec);
        put(out, &n, rec, len);
        if (clen >= 3 && !strncasecmp(cmd, "ATD", 3))
            put(out, &n, "\r\nNO CARRIER\r\n", 14);
        else
            put(out, &n, "\r\nOK\r\n", 6);
        FUZZ_ASSERT(write(r->master, out, n) == (ssize_t)n);
        clen = 0;
    }
    return NULL;
}

static void check_result(unsigned rc, const nr_modem_result *res)
{
    FUZZ_ASSERT(rc == res->err.code);
    FUZZ_ASSERT(memchr(res->reply, '\0', sizeof res->reply) && memchr(res->speed, '\0', sizeof res->speed));
    FUZZ_ASSERT(memchr(res->err.detail, '\0', sizeof res->err.detail));
    if (rc)
        FUZZ_ASSERT(res->err.detail[0]);
}

static void dialogue(const uint8_t *data, size_t size)
{
    static const char *const init[] = { "ATZ", "ATE0V1", "AT&K3" };
    line *l = line_once();
    uint8_t header = data[0];
    responder r = { .master = l->master, .data = data + 1, .size = size - 1, .echo = header & 4,
                    .ring_first = header & 8 };
    nr_modem_config cfg = { .device = l->path, .speed = 115200, .lock_dir = "", .dtr_drop_ms = -1 };
    nr_modem_dial_params dp = {
        .init = init, .ninit = header & 3, .number = "5551234", .command_timeout_ms = 5000,
        .connect_timeout_ms = 5000, .cancel_fd = -1,
    };
    nr_modem_result res;
    nr_modem *m = NULL;
    pthread_t thread;
    unsigned rc;

    FUZZ_ASSERT(tcflush(l->master, TCIOFLUSH) == 0);
    rc = nr_modem_open(&cfg, &m, &res);
    FUZZ_ASSERT(rc == 0 && m);
    r.stop = eventfd(0, EFD_CLOEXEC);
    FUZZ_ASSERT(r.stop >= 0);
    FUZZ_ASSERT(pthread_create(&thread, NULL, respond, &r) == 0);

    if (header & 8)
        rc = nr_modem_answer(m, &dp, 5000, &res);
    else
        rc = nr_modem_dial(m, &dp, &res);
    check_result(rc, &res);
    if (rc == 0) {
        uint8_t buf[512];
        size_t got = 0;
        FUZZ_ASSERT(!strncasecmp(res.reply, "CONNECT", 7) || !strcasecmp(res.reply, "OK") ||
                    isdigit((unsigned char)res.reply[0]));
        FUZZ_ASSERT(nr_modem_take_pending(m, buf, sizeof buf) <= sizeof buf);
        if (header & 16) {
            FUZZ_ASSERT(nr_modem_write(m, "login\r", 6, 1000, -1, &res) == 0);
            rc = nr_modem_read(m, buf, sizeof buf, 0, -1, &got, &res);
            check_result(rc, &res);
            FUZZ_ASSERT(got <= sizeof buf);
        }
    }

    FUZZ_ASSERT(eventfd_write(r.stop, 1) == 0);
    FUZZ_ASSERT(pthread_join(thread, NULL) == 0);
    close(r.stop);
    nr_modem_close(m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int fds;
    if (size == 0 || size > 2 * MAX_RECORD)
        return 0;
    classify_all(data, size);
    line_once();
    fds = fuzz_count_fds();
    dialogue(data, size);
    FUZZ_ASSERT(fuzz_count_fds() == fds);
    return 0;
}
