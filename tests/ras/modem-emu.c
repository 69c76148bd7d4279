/*
 * modem-emu.c - a scriptable Hayes modem on a pty (see modem-emu.h). Owns the
 * pty pair, one serving thread and the log of received commands; nothing is
 * global, so several emulators may run at once.
 *
 * The thread waits in poll() on the master and a stop pipe only, so
 * modem_emu_stop() ends it promptly in every state, even inside a delay.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "deadline.h"
#include "modem-emu.h"

struct modem_emu {
    modem_emu_script s;
    int master, slave;
    int stop[2];                /* pipe: readable = stop */
    char path[128];             /* the pty */
    char link[256];             /* the script's link_path, "" when none */
    pthread_t thread;
    bool thread_started;
    bool echo, numeric;         /* current E and V settings */

    pthread_mutex_t mu;
    pthread_cond_t cv;
    char **cmds;
    size_t ncmds;
    bool connected;
    bool ringing;               /* calling the dialer back: RING every second until ATA */
};

/* Sleeps ms, or less when asked to stop; false when stopping. */
static bool emu_delay(modem_emu *e, int ms)
{
    if (ms <= 0)
        return true;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (;;) {
        clock_gettime(CLOCK_MONOTONIC, &t1);
        long spent = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
        if (spent >= ms)
            return true;
        struct pollfd p = { e->stop[0], POLLIN, 0 };
        int n = poll(&p, 1, (int)(ms - spent));
        if (n > 0)
            return false;
        if (n < 0 && errno != EINTR)
            return false;
    }
}

static void emu_write(modem_emu *e, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(e->master, data, len);
        if (n > 0) {
            data += n;
            len -= (size_t)n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            return;     /* nobody listening any more: fine for a modem */
        }
    }
}

/* A result code in the current mode (code < 0: text in both), then extra bytes. */
static void emu_reply_with(modem_emu *e, const char *text, int code, const char *extra)
{
    char buf[320];
    int n;
    if (e->numeric && code >= 0)
        n = snprintf(buf, sizeof buf, "%d\r%s", code, extra);
    else if (e->numeric)
        n = snprintf(buf, sizeof buf, "%s\r%s", text, extra);
    else
        n = snprintf(buf, sizeof buf, "\r\n%s\r\n%s", text, extra);
    if (n > 0)
        emu_write(e, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

static void emu_reply(modem_emu *e, const char *text, int code)
{
    emu_reply_with(e, text, code, "");
}

static void emu_record(modem_emu *e, const char *line)
{
    pthread_mutex_lock(&e->mu);
    char **grown = realloc(e->cmds, (e->ncmds + 1) * sizeof *grown);
    char *copy = strdup(line);
    if (grown && copy) {
        e->cmds = grown;
        e->cmds[e->ncmds++] = copy;
    } else {
        if (grown)
            e->cmds = grown;
        free(copy);
    }
    pthread_cond_broadcast(&e->cv);
    pthread_mutex_unlock(&e->mu);
}

/* Applies E0/E1/V0/V1 in an AT command body; returns the dial string or NULL. */
static const char *emu_parse(modem_emu *e, const char *body)
{
    for (const char *p = body; *p; p++) {
        char c = (char)toupper((unsigned char)*p);
        if (c == 'D')
            return p + 1;
        if (c == '+')
            return NULL;        /* extended command: nothing for us in it */
        if ((c == 'E' || c == 'V') && (p[1] == '0' || p[1] == '1')) {
            if (c == 'E')
                e->echo = p[1] == '1';
            else
                e->numeric = p[1] == '0';
            p++;
        }
    }
    return NULL;
}

enum { EMU_GO_ON, EMU_FINISH };

/* One line typed at the far end (CR ends it, LF is dropped), within 10 s;
 * false on stop, timeout or a closed line. */
static bool emu_read_line(modem_emu *e, char *line, size_t cap)
{
    size_t len = 0;
    for (;;) {
        struct pollfd p[2] = { { e->stop[0], POLLIN, 0 }, { e->master, POLLIN, 0 } };
        char c;
        int n = poll(p, 2, 10000);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0 || p[0].revents)
            return false;
        ssize_t got = read(e->master, &c, 1);
        if (got < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (got <= 0)
            return false;
        if (c == '\r') {
            line[len] = '\0';
            return true;
        }
        if (c != '\n' && len < cap - 1)
            line[len++] = c;
    }
}

/* The login dialogue after CONNECT; false when it failed or must stop. */
static bool emu_login(modem_emu *e)
{
    for (const char *const *step = e->s.login; step[0]; step += 2) {
        char line[256];
        emu_write(e, step[0], strlen(step[0]));
        if (!step[1])
            break;
        if (!emu_read_line(e, line, sizeof line))
            return false;
        emu_record(e, line);
        if (strcmp(line, step[1]) != 0) {
            emu_write(e, "\r\nLogin incorrect\r\n", 19);
            emu_delay(e, 50);
            pthread_mutex_lock(&e->mu);
            close(e->master);
            e->master = -1;
            pthread_mutex_unlock(&e->mu);
            return false;
        }
    }
    const char *ok = e->s.login_ok ? e->s.login_ok : "Starting PPP\r\n";
    emu_write(e, ok, strlen(ok));
    return true;
}

/* CONNECT, the login dialogue if any, then data mode. */
static int emu_connect(modem_emu *e)
{
    const modem_emu_script *s = &e->s;
    emu_reply_with(e, s->connect_text ? s->connect_text : "CONNECT 33600", s->connect_code ? s->connect_code : 1,
                   s->connect_data && !s->login ? s->connect_data : "");
    if (s->login && !emu_login(e))
        return EMU_FINISH;
    pthread_mutex_lock(&e->mu);
    e->connected = true;
    pthread_cond_broadcast(&e->cv);
    pthread_mutex_unlock(&e->mu);
    if (s->hangup_after_connect && emu_delay(e, s->hangup_delay_ms)) {
        pthread_mutex_lock(&e->mu);
        close(e->master);
        e->master = -1;
        pthread_mutex_unlock(&e->mu);
    }
    return EMU_FINISH; /* data mode: the line belongs to the test now */
}

static int emu_dial(modem_emu *e)
{
    const modem_emu_script *s = &e->s;
    if (!emu_delay(e, s->dial_delay_ms))
        return EMU_FINISH;
    if (s->ring) {
        emu_reply(e, "RING", 2);
        emu_write(e, "\r\n", 2);
    }
    char text[96];
    switch (s->dial) {
    case MODEM_EMU_CONNECT:
        return emu_connect(e);
    case MODEM_EMU_BUSY: emu_reply(e, "BUSY", 7); break;
    case MODEM_EMU_NO_CARRIER: emu_reply(e, "NO CARRIER", 3); break;
    case MODEM_EMU_NO_DIALTONE: emu_reply(e, "NO DIALTONE", 6); break;
    case MODEM_EMU_NO_DIAL_TONE: emu_reply(e, "NO DIAL TONE", 6); break;
    case MODEM_EMU_NO_ANSWER: emu_reply(e, "NO ANSWER", 8); break;
    case MODEM_EMU_ERROR: emu_reply(e, "ERROR", 4); break;
    case MODEM_EMU_VOICE: emu_reply(e, "VOICE", -1); break;
    case MODEM_EMU_CME_ERROR:
        snprintf(text, sizeof text, "+CME ERROR: %d", s->cme_error);
        emu_reply(e, text, -1);
        break;
    case MODEM_EMU_SILENCE: break;
    case MODEM_EMU_GARBAGE:
        emu_reply(e, s->garbage_text ? s->garbage_text : "HELLO? IS THIS THE PIZZA PLACE", -1);
        break;
    }
    return EMU_GO_ON;
}

static int emu_line(modem_emu *e, const char *line)
{
    /* A modem looks for "AT" and ignores what came before it (line noise,
     * the tail of a PPP session after a hang-up). */
    const char *at = line;
    while (*at && strncasecmp(at, "AT", 2) != 0)
        at++;
    if (*at)
        line = at;
    if (!*line)
        return EMU_GO_ON;
    emu_record(e, line);
    if (strncasecmp(line, "AT", 2) != 0)
        return EMU_GO_ON;       /* modems ignore what is not a command */
    if (!emu_delay(e, e->s.delay_ms))
        return EMU_FINISH;
    if (e->s.late_no_carrier && modem_emu_ncommands(e) == 1)
        emu_reply(e, "NO CARRIER", 3);
    if (e->s.error_on && strcasecmp(line, e->s.error_on) == 0) {
        emu_reply(e, "ERROR", 4);
        return EMU_GO_ON;
    }
    if (toupper((unsigned char)line[2]) == 'A' && (!line[3] || isdigit((unsigned char)line[3]))) {
        if (!e->ringing) { /* ATA: answer, but nobody is calling */
            emu_reply(e, "NO CARRIER", 3);
            return EMU_GO_ON;
        }
        e->ringing = false;
        return emu_connect(e);
    }
    if (emu_parse(e, line + 2))
        return emu_dial(e);
    emu_reply(e, "OK", 0);
    return EMU_GO_ON;
}

static void *emu_main(void *arg)
{
    modem_emu *e = arg;
    char line[256];
    size_t len = 0;
    for (;;) {
        struct pollfd p[2] = { { e->stop[0], POLLIN, 0 }, { e->master, POLLIN, 0 } };
        int n = poll(p, 2, e->ringing ? 1000 : -1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 || p[0].revents)
            break;
        if (n == 0) { /* ringing: once a second until answered */
            emu_reply(e, "RING", 2);
            continue;
        }
        char buf[256];
        ssize_t got = read(e->master, buf, sizeof buf);
        if (got < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (got <= 0)
            break;
        for (ssize_t i = 0; i < got; i++) {
            char c = buf[i];
            if (e->echo)
                emu_write(e, &c, 1);
            if (c == '\r') {
                line[len] = '\0';
                len = 0;
                if (emu_line(e, line) == EMU_FINISH)
                    return NULL;
            } else if (c != '\n' && len < sizeof line - 1) {
                line[len++] = c;
            }
        }
    }
    return NULL;
}

/* A fresh pty pair, raw, and the link to it if the script wants one. */
static bool emu_open_pty(modem_emu *e)
{
    e->master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (e->master < 0 || grantpt(e->master) != 0 || unlockpt(e->master) != 0
        || ptsname_r(e->master, e->path, sizeof e->path) != 0) {
        perror("modem-emu: pty");
        return false;
    }
    e->slave = open(e->path, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (e->slave < 0) {
        perror("modem-emu: slave");
        return false;
    }
    /* A serial line does not echo or edit: start the pty the same way. */
    struct termios t;
    if (tcgetattr(e->slave, &t) == 0) {
        cfmakeraw(&t);
        (void)tcsetattr(e->slave, TCSANOW, &t);
    }
    if (e->link[0]) {
        /* replaced atomically: the dialer never finds the path missing */
        char tmp[300];
        snprintf(tmp, sizeof tmp, "%s.new", e->link);
        unlink(tmp);
        if (symlink(e->path, tmp) != 0 || rename(tmp, e->link) != 0) {
            perror("modem-emu: link");
            return false;
        }
    }
    return true;
}

modem_emu *modem_emu_start(const modem_emu_script *script)
{
    modem_emu *e = calloc(1, sizeof *e);
    if (!e)
        return NULL;
    if (script)
        e->s = *script;
    if (e->s.link_path)
        snprintf(e->link, sizeof e->link, "%s", e->s.link_path);
    e->s.link_path = NULL; /* the caller's; e->link is ours */
    e->echo = e->s.echo;
    e->numeric = e->s.numeric;
    e->master = e->slave = e->stop[0] = e->stop[1] = -1;
    pthread_mutex_init(&e->mu, NULL);
    pthread_cond_init(&e->cv, NULL);

    if (!emu_open_pty(e))
        goto fail;
    if (pipe2(e->stop, O_CLOEXEC) != 0) {
        perror("modem-emu: pipe");
        goto fail;
    }
    if (pthread_create(&e->thread, NULL, emu_main, e) != 0) {
        fprintf(stderr, "modem-emu: cannot start the thread\n");
        goto fail;
    }
    e->thread_started = true;
    return e;

fail:
    modem_emu_stop(e);
    return NULL;
}

const char *modem_emu_path(const modem_emu *e)
{
    return e->link[0] ? e->link : e->path;
}

const char *modem_emu_pty(const modem_emu *e)
{
    return e->path;
}

int modem_emu_slave_fd(const modem_emu *e)
{
    return e->slave;
}

int modem_emu_master_fd(const modem_emu *e)
{
    return e->master;
}

bool modem_emu_wait_connected(modem_emu *e, int timeout_ms)
{
    struct timespec until = nr_test_deadline(timeout_ms);
    pthread_mutex_lock(&e->mu);
    while (!e->connected)
        if (pthread_cond_timedwait(&e->cv, &e->mu, &until) != 0)
            break;
    bool ok = e->connected;
    pthread_mutex_unlock(&e->mu);
    return ok;
}

/* Back from data mode to commands on the same pty; ring: call the dialer. */
static bool emu_back_to_commands(modem_emu *e, bool ring)
{
    if (e->thread_started) {
        pthread_join(e->thread, NULL); /* it ended at CONNECT */
        e->thread_started = false;
    }
    if (e->master < 0)
        return false;
    tcflush(e->master, TCIFLUSH); /* what the dialer sent during the call */
    pthread_mutex_lock(&e->mu);
    e->connected = false;
    pthread_mutex_unlock(&e->mu);
    emu_reply(e, "NO CARRIER", 3);
    e->ringing = ring; /* before the thread starts: only it reads and clears it then */
    if (pthread_create(&e->thread, NULL, emu_main, e) != 0)
        return false;
    e->thread_started = true;
    return true;
}

bool modem_emu_hang_up(modem_emu *e)
{
    return emu_back_to_commands(e, false);
}

bool modem_emu_call_back(modem_emu *e)
{
    return emu_back_to_commands(e, true);
}

bool modem_emu_drop_carrier(modem_emu *e, modem_emu_dial next)
{
    if (!e->link[0])
        return false;
    if (e->thread_started) {
        pthread_join(e->thread, NULL); /* it ended at CONNECT */
        e->thread_started = false;
    }
    pthread_mutex_lock(&e->mu);
    if (e->master >= 0)
        close(e->master); /* the dialer's end is hung up */
    e->master = -1;
    e->connected = false;
    pthread_mutex_unlock(&e->mu);
    close(e->slave);
    e->slave = -1;
    e->s.dial = next;
    e->echo = e->s.echo;
    e->numeric = e->s.numeric;
    if (!emu_open_pty(e) || pthread_create(&e->thread, NULL, emu_main, e) != 0)
        return false;
    e->thread_started = true;
    return true;
}

size_t modem_emu_ncommands(modem_emu *e)
{
    pthread_mutex_lock(&e->mu);
    size_t n = e->ncmds;
    pthread_mutex_unlock(&e->mu);
    return n;
}

bool modem_emu_command(modem_emu *e, size_t i, char *buf, size_t cap)
{
    pthread_mutex_lock(&e->mu);
    bool ok = i < e->ncmds;
    if (cap > 0)
        snprintf(buf, cap, "%s", ok ? e->cmds[i] : "");
    pthread_mutex_unlock(&e->mu);
    return ok;
}

void modem_emu_stop(modem_emu *e)
{
    if (!e)
        return;
    if (e->thread_started) {
        ssize_t w;
        do
            w = write(e->stop[1], "x", 1);
        while (w < 0 && errno == EINTR);
        pthread_join(e->thread, NULL);
    }
    if (e->master >= 0)
        close(e->master);
    if (e->slave >= 0)
        close(e->slave);
    if (e->stop[0] >= 0)
        close(e->stop[0]);
    if (e->stop[1] >= 0)
        close(e->stop[1]);
    if (e->link[0])
        unlink(e->link);
    for (size_t i = 0; i < e->ncmds; i++)
        free(e->cmds[i]);
    free(e->cmds);
    pthread_cond_destroy(&e->cv);
    pthread_mutex_destroy(&e->mu);
    free(e);
}
