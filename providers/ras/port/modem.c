/*
 * modem.c - the AT-command modem on a serial tty (see modem.h): safe open
 * (UUCP lock, O_NOCTTY, raw termios), the command/response dialogue with
 * result-code mapping, and the bounded hang-up that always releases the fd
 * and the lock.
 *
 * Must not: block outside poll(), become the controlling tty, keep global
 * state, or consume bytes that follow the CONNECT line (they belong to PPP
 * and are handed over by nr_modem_take_pending()).
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "modem.h"
#include "uucplock.h"

#define DEFAULT_COMMAND_TIMEOUT_MS 3000
#define DEFAULT_CONNECT_TIMEOUT_MS 60000
#define DEFAULT_DTR_DROP_MS 500
#define MAX_COMMAND 128

struct nr_modem {
    int fd;
    char device[PATH_MAX];
    char lock[PATH_MAX];        /* "" when not locked */
    struct termios saved;
    bool saved_ok;
    int dtr_drop_ms;
    unsigned char buf[1024];    /* bytes read but not yet consumed */
    size_t len;
};

/* ---- small helpers --------------------------------------------------------- */

static void result_clear(nr_modem_result *res)
{
    memset(res, 0, sizeof *res);
}

static void sleep_ms(int ms)
{
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

static bool speed_to_termios(unsigned bps, speed_t *out)
{
    static const struct { unsigned bps; speed_t s; } map[] = {
        { 300, B300 }, { 1200, B1200 }, { 2400, B2400 }, { 4800, B4800 },
        { 9600, B9600 }, { 19200, B19200 }, { 38400, B38400 }, { 57600, B57600 },
        { 115200, B115200 }, { 230400, B230400 }, { 460800, B460800 },
        { 921600, B921600 },
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i].bps == bps) {
            *out = map[i].s;
            return true;
        }
    return false;
}

/* ---- open / close ------------------------------------------------------------ */

static unsigned open_errno(nr_modem_result *res, const char *device, int err)
{
    switch (err) {
    case ENOENT:
    case ENOTDIR:
    case ENXIO:
    case ENODEV:
        return nr_error_set(&res->err, ERROR_DEVICE_DOES_NOT_EXIST, (unsigned)err,
                            "The device %s does not exist (%s).", device, strerror(err));
    case EACCES:
    case EPERM:
    case EBUSY:
        return nr_error_set(&res->err, ERROR_PORT_NOT_AVAILABLE, (unsigned)err,
                            "The device %s cannot be opened: %s.", device, strerror(err));
    default:
        return nr_error_set(&res->err, ERROR_PORT_OR_DEVICE, (unsigned)err,
                            "The device %s cannot be opened: %s.", device, strerror(err));
    }
}

unsigned nr_modem_open(const nr_modem_config *cfg, nr_modem **out, nr_modem_result *res)
{
    nr_modem_result dummy;
    if (!res)
        res = &dummy;
    result_clear(res);
    if (!out)
        return nr_error_set(&res->err, ERROR_INVALID_PARAMETER, 0, "nr_modem_open: no place for the modem.");
    *out = NULL;
    if (!cfg || !cfg->device || !*cfg->device)
        return nr_error_set(&res->err, ERROR_INVALID_PARAMETER, 0, "nr_modem_open: no device given.");
    if (strlen(cfg->device) >= PATH_MAX)
        return nr_error_set(&res->err, ERROR_INVALID_PARAMETER, 0, "The device name is too long.");
    speed_t speed = B0;
    if (cfg->speed != 0 && !speed_to_termios(cfg->speed, &speed))
        return nr_error_set(&res->err, ERROR_CANNOT_SET_PORT_INFO, 0,
                            "The speed %u of %s is not a supported serial speed.", cfg->speed, cfg->device);

    struct stat st;
    if (stat(cfg->device, &st) != 0)
        return open_errno(res, cfg->device, errno);

    nr_modem *m = calloc(1, sizeof *m);
    if (!m)
        return nr_error_set(&res->err, ERROR_PORT_OR_DEVICE, ENOMEM, "Out of memory opening %s.", cfg->device);
    m->fd = -1;
    snprintf(m->device, sizeof m->device, "%s", cfg->device);
    m->dtr_drop_ms = cfg->dtr_drop_ms == 0 ? DEFAULT_DTR_DROP_MS : cfg->dtr_drop_ms;

    const char *lock_dir = cfg->lock_dir ? cfg->lock_dir : NR_MODEM_LOCK_DIR;
    if (*lock_dir) {
        pid_t owner = 0;
        char why[NR_UUCP_WHY_SIZE];
        int rc = nr_uucp_lock(lock_dir, m->device, m->lock, sizeof m->lock, &owner, why);
        if (rc == -EBUSY && owner > 0) {
            if (owner == getpid())
                nr_error_set(&res->err, ERROR_PORT_NOT_AVAILABLE, (unsigned)owner,
                             "The device %s is already in use by this process (lock file %s).",
                             m->device, m->lock);
            else
                nr_error_set(&res->err, ERROR_PORT_NOT_AVAILABLE, (unsigned)owner,
                             "The device %s is in use: lock file %s belongs to process %d.",
                             m->device, m->lock, (int)owner);
            m->lock[0] = '\0';
            goto error;
        }
        if (rc == -EBUSY) {
            nr_error_set(&res->err, ERROR_PORT_NOT_AVAILABLE, 0, "The device %s is in use: lock file %s: %s.",
                         m->device, m->lock, why);
            m->lock[0] = '\0';
            goto error;
        }
        if (rc != 0) {
            nr_error_set(&res->err, ERROR_PORT_NOT_AVAILABLE, (unsigned)-rc,
                         "Cannot lock the device %s: lock file %s: %s.", m->device,
                         m->lock[0] ? m->lock : lock_dir, why[0] ? why : strerror(-rc));
            m->lock[0] = '\0';
            goto error;
        }
    }

    m->fd = open(m->device, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (m->fd < 0) {
        open_errno(res, m->device, errno);
        goto error;
    }
    if (tcgetattr(m->fd, &m->saved) != 0) {
        int err = errno;
        nr_error_set(&res->err, ERROR_CANNOT_SET_PORT_INFO, (unsigned)err,
                     "The device %s is not a serial port (%s).", m->device, strerror(err));
        goto error;
    }
    m->saved_ok = true;

    struct termios t = m->saved;
    cfmakeraw(&t);
    t.c_cflag |= CREAD | CLOCAL | HUPCL;
    if (cfg->rtscts)
        t.c_cflag |= CRTSCTS;
    else
        t.c_cflag &= ~(tcflag_t)CRTSCTS;
    t.c_iflag &= ~(tcflag_t)(IXON | IXOFF | IXANY);
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    if (cfg->speed != 0 && (cfsetispeed(&t, speed) != 0 || cfsetospeed(&t, speed) != 0)) {
        nr_error_set(&res->err, ERROR_CANNOT_SET_PORT_INFO, (unsigned)errno,
                     "The speed %u cannot be set on %s.", cfg->speed, m->device);
        goto error;
    }
    if (tcsetattr(m->fd, TCSANOW, &t) != 0) {
        int err = errno;
        nr_error_set(&res->err, ERROR_CANNOT_SET_PORT_INFO, (unsigned)err,
                     "Cannot configure the serial port %s: %s.", m->device, strerror(err));
        goto error;
    }
    /* Refuse later opens by programs that ignore lock files (root excepted). */
    (void)ioctl(m->fd, TIOCEXCL);
    int bits = TIOCM_DTR | TIOCM_RTS;
    (void)ioctl(m->fd, TIOCMBIS, &bits);   /* fails on a pty: no modem lines */
    (void)tcflush(m->fd, TCIOFLUSH);
    *out = m;
    return 0;

error:
    if (m->fd >= 0) {
        if (m->saved_ok)
            (void)tcsetattr(m->fd, TCSANOW, &m->saved);
        close(m->fd);
    }
    if (m->lock[0])
        nr_uucp_unlock(m->lock);
    free(m);
    return res->err.code;
}

void nr_modem_close(nr_modem *m)
{
    if (!m)
        return;
    if (m->fd >= 0) {
        int bits = TIOCM_DTR;
        if (ioctl(m->fd, TIOCMBIC, &bits) == 0) {
            if (m->dtr_drop_ms > 0)
                sleep_ms(m->dtr_drop_ms);
        } else {
            /* No modem-control lines (pty): B0 is the termios way to hang up. */
            struct termios t;
            if (tcgetattr(m->fd, &t) == 0) {
                cfsetispeed(&t, B0);
                cfsetospeed(&t, B0);
                (void)tcsetattr(m->fd, TCSANOW, &t);
            }
        }
        /* Discard unsent output so neither tcsetattr nor close waits for it. */
        (void)tcflush(m->fd, TCIOFLUSH);
        (void)ioctl(m->fd, TIOCNXCL);
        if (m->saved_ok)
            (void)tcsetattr(m->fd, TCSANOW, &m->saved);
        close(m->fd);
        m->fd = -1;
    }
    if (m->lock[0])
        nr_uucp_unlock(m->lock);
    free(m);
}

int nr_modem_fd(const nr_modem *m)
{
    return m ? m->fd : -1;
}

const char *nr_modem_device(const nr_modem *m)
{
    return m ? m->device : NULL;
}

size_t nr_modem_take_pending(nr_modem *m, void *buf, size_t cap)
{
    if (!m || !buf)
        return 0;
    size_t n = m->len < cap ? m->len : cap;
    memcpy(buf, m->buf, n);
    memmove(m->buf, m->buf + n, m->len - n);
    m->len -= n;
    return n;
}

/* ---- result codes ---------------------------------------------------------- */

static bool ieq(const char *a, const char *b)
{
    return strcasecmp(a, b) == 0;
}

static bool iprefix(const char *s, const char *prefix)
{
    return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

/* Whether cmd takes the modem on line: dial (D), answer (A), return (O). */
static bool goes_on_line(const char *cmd)
{
    return iprefix(cmd, "ATD") || iprefix(cmd, "ATA") || iprefix(cmd, "ATO");
}

/* Copies line without surrounding blanks into out[cap], each byte that is
 * not printable ASCII as '?': a modem's result codes are ASCII, and what
 * else comes (the PPP frames of a call still up, line noise) is quoted in
 * error texts, which must be text. */
static void trim_copy(char *out, size_t cap, const char *line)
{
    while (*line && isspace((unsigned char)*line))
        line++;
    size_t n = strlen(line);
    while (n > 0 && isspace((unsigned char)line[n - 1]))
        n--;
    if (n >= cap)
        n = cap - 1;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)line[i];
        out[i] = ch >= 0x20 && ch < 0x7f ? (char)ch : '?';
    }
    out[n] = '\0';
}

nr_modem_line_kind nr_modem_classify(const char *line, unsigned *code, unsigned *ext)
{
    unsigned c = 0, x = 0;
    nr_modem_line_kind kind = NR_MODEM_LINE_OTHER;
    char s[128];
    trim_copy(s, sizeof s, line ? line : "");

    if (s[0] == '\0' || ieq(s, "RING")) {
        kind = NR_MODEM_LINE_IGNORE;
    } else if (isdigit((unsigned char)s[0]) && strspn(s, "0123456789") == strlen(s)) {
        if (strlen(s) > 3) {
            kind = NR_MODEM_LINE_OTHER;
        } else {
            switch (atoi(s)) {
            case 0: case 1: case 5: kind = NR_MODEM_LINE_SUCCESS; break;
            case 2: kind = NR_MODEM_LINE_IGNORE; break;
            case 3: kind = NR_MODEM_LINE_FAILURE; c = ERROR_NO_CARRIER; break;
            case 4: kind = NR_MODEM_LINE_FAILURE; c = ERROR_FROM_DEVICE; break;
            case 6: kind = NR_MODEM_LINE_FAILURE; c = ERROR_NO_DIALTONE; break;
            case 7: kind = NR_MODEM_LINE_FAILURE; c = ERROR_LINE_BUSY; break;
            case 8: kind = NR_MODEM_LINE_FAILURE; c = ERROR_NO_ANSWER; break;
            default: kind = NR_MODEM_LINE_SUCCESS; break;   /* >= 9: CONNECT <speed> */
            }
        }
    } else if (ieq(s, "OK")) {
        kind = NR_MODEM_LINE_SUCCESS;
    } else if (ieq(s, "CONNECT") || (iprefix(s, "CONNECT") && isspace((unsigned char)s[7]))) {
        kind = NR_MODEM_LINE_SUCCESS;
    } else if (ieq(s, "BUSY")) {
        kind = NR_MODEM_LINE_FAILURE; c = ERROR_LINE_BUSY;
    } else if (ieq(s, "NO CARRIER")) {
        kind = NR_MODEM_LINE_FAILURE; c = ERROR_NO_CARRIER;
    } else if (ieq(s, "NO DIALTONE") || ieq(s, "NO DIAL TONE")) {
        kind = NR_MODEM_LINE_FAILURE; c = ERROR_NO_DIALTONE;
    } else if (ieq(s, "NO ANSWER")) {
        kind = NR_MODEM_LINE_FAILURE; c = ERROR_NO_ANSWER;
    } else if (ieq(s, "ERROR")) {
        kind = NR_MODEM_LINE_FAILURE; c = ERROR_FROM_DEVICE;
    } else if (ieq(s, "VOICE")) {
        kind = NR_MODEM_LINE_FAILURE; c = ERROR_VOICE_ANSWER;
    } else if (iprefix(s, "+CME ERROR:")) {
        kind = NR_MODEM_LINE_FAILURE; c = ERROR_FROM_DEVICE;
        const char *p = s + strlen("+CME ERROR:");
        while (isspace((unsigned char)*p))
            p++;
        char *end;
        unsigned long v = strtoul(p, &end, 10);
        if (end != p && *end == '\0' && v <= UINT32_MAX)
            x = (unsigned)v;
    }
    if (code)
        *code = c;
    if (ext)
        *ext = x;
    return kind;
}

static const char *code_phrase(unsigned code)
{
    switch (code) {
    case ERROR_LINE_BUSY: return "the line is busy";
    case ERROR_NO_CARRIER: return "no carrier was detected";
    case ERROR_NO_DIALTONE: return "there is no dial tone";
    case ERROR_NO_ANSWER: return "the remote end did not answer";
    case ERROR_VOICE_ANSWER: return "a voice answered instead of a modem";
    case ERROR_FROM_DEVICE: return "the modem reported an error";
    default: return "the modem refused";
    }
}

/* ---- the dialogue ------------------------------------------------------------ */

enum { WAIT_READY = 1, WAIT_TIMEOUT = 0, WAIT_CANCEL = -1, WAIT_ERROR = -2 };

/* Waits for events on the tty or the cancel fd until deadline (monotonic ms). */
static int wait_tty(int fd, short events, int cancel_fd, int64_t deadline, short *revents)
{
    for (;;) {
        int64_t left = deadline - (int64_t)nr_clock_ms();
        if (left < 0)
            left = 0;
        struct pollfd p[2] = { { fd, events, 0 }, { cancel_fd, POLLIN, 0 } };
        int n = poll(p, cancel_fd >= 0 ? 2 : 1, (int)(left > INT_MAX ? INT_MAX : left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return WAIT_ERROR;
        }
        /* Readable, hung up or even invalid: the caller wants us to stop. */
        if (cancel_fd >= 0 && p[1].revents)
            return WAIT_CANCEL;
        if (n == 0) {
            if (left == 0)
                return WAIT_TIMEOUT;
            continue;
        }
        *revents = p[0].revents;
        return WAIT_READY;
    }
}

static unsigned cancelled(nr_modem *m, nr_modem_result *res, const char *cmd)
{
    return nr_error_set(&res->err, ERROR_USER_DISCONNECTION, 0,
                        "The dial on %s was cancelled during \"%s\".", m->device, cmd);
}

static unsigned io_error(nr_modem *m, nr_modem_result *res, int err, const char *cmd)
{
    if (err == EIO || err == 0)
        return nr_error_set(&res->err, ERROR_PORT_DISCONNECTED, (unsigned)err,
                            "The line on %s hung up during \"%s\".", m->device, cmd);
    return nr_error_set(&res->err, ERROR_PORT_OR_DEVICE, (unsigned)err,
                        "I/O error on %s during \"%s\": %s.", m->device, cmd, strerror(err));
}

static unsigned send_all(nr_modem *m, const char *data, size_t len, int cancel_fd,
                         int64_t deadline, nr_modem_result *res, const char *cmd)
{
    while (len > 0) {
        ssize_t n = write(m->fd, data, len);
        if (n > 0) {
            data += n;
            len -= (size_t)n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno != EAGAIN)
            return io_error(m, res, errno, cmd);
        short rev = 0;
        int w = wait_tty(m->fd, POLLOUT, cancel_fd, deadline, &rev);
        if (w == WAIT_CANCEL)
            return cancelled(m, res, cmd);
        if (w == WAIT_TIMEOUT)
            return nr_error_set(&res->err, ERROR_DEVICE_NOT_READY, 0,
                                "The modem on %s does not accept \"%s\" (output blocked; flow control?).",
                                m->device, cmd);
        if (w == WAIT_ERROR)
            return io_error(m, res, errno, cmd);
    }
    return 0;
}

/*
 * Next line from the modem (CR or LF ends it). Returns 1 with the line,
 * 0 at the deadline, or -1 with res filled (cancel, hang-up, I/O error).
 */
static int read_line(nr_modem *m, int cancel_fd, int64_t deadline, char *line, size_t cap,
                     nr_modem_result *res, const char *cmd)
{
    for (;;) {
        for (size_t i = 0; i < m->len; i++) {
            if (m->buf[i] == '\r' || m->buf[i] == '\n') {
                size_t n = i < cap - 1 ? i : cap - 1;
                memcpy(line, m->buf, n);
                line[n] = '\0';
                memmove(m->buf, m->buf + i + 1, m->len - i - 1);
                m->len -= i + 1;
                return 1;
            }
        }
        if (m->len == sizeof m->buf) {      /* an endless line: hand it out in pieces */
            size_t n = cap - 1 < m->len ? cap - 1 : m->len;
            memcpy(line, m->buf, n);
            line[n] = '\0';
            memmove(m->buf, m->buf + n, m->len - n);
            m->len -= n;
            return 1;
        }
        short rev = 0;
        int w = wait_tty(m->fd, POLLIN, cancel_fd, deadline, &rev);
        if (w == WAIT_CANCEL) {
            cancelled(m, res, cmd);
            return -1;
        }
        if (w == WAIT_TIMEOUT)
            return 0;
        if (w == WAIT_ERROR) {
            io_error(m, res, errno, cmd);
            return -1;
        }
        ssize_t n = read(m->fd, m->buf + m->len, sizeof m->buf - m->len);
        if (n > 0) {
            m->len += (size_t)n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN && !(rev & (POLLHUP | POLLERR)))
            continue;
        io_error(m, res, n < 0 && errno != EAGAIN ? errno : 0, cmd);   /* EOF, EIO: hung up */
        return -1;
    }
}

/*
 * Sends cmd and waits for its final result. strict: any unrecognized line
 * ends the exchange with 652 (the dial); otherwise such lines are
 * information and skipped (init commands). dialing: abort with CR on timeout.
 */
static unsigned exchange(nr_modem *m, const char *cmd, int timeout_ms, int cancel_fd,
                         bool strict, nr_modem_result *res)
{
    int64_t deadline = (int64_t)nr_clock_ms() + timeout_ms;
    char out[MAX_COMMAND + 2];
    int len = snprintf(out, sizeof out, "%s\r", cmd);
    if (len < 0 || (size_t)len >= sizeof out)
        return nr_error_set(&res->err, ERROR_INVALID_PARAMETER, 0,
                            "The modem command \"%.40s...\" is too long.", cmd);

    short ignored;
    if (cancel_fd >= 0 && wait_tty(m->fd, 0, cancel_fd, 0, &ignored) == WAIT_CANCEL)
        return cancelled(m, res, cmd);

    /* Whatever the modem said before belongs to nobody now. */
    (void)tcflush(m->fd, TCIFLUSH);
    m->len = 0;
    unsigned rc = send_all(m, out, (size_t)len, cancel_fd, deadline, res, cmd);
    if (rc)
        return rc;

    bool echo_seen = false;
    char other[sizeof res->reply] = "";
    for (;;) {
        char raw[256], line[128];
        int r = read_line(m, cancel_fd, deadline, raw, sizeof raw, res, cmd);
        if (r < 0)
            return res->err.code;
        if (r == 0) {
            if (strict)     /* any character aborts a dial in progress */
                (void)send_all(m, "\r", 1, -1, (int64_t)nr_clock_ms() + 50, &(nr_modem_result){ 0 }, cmd);
            if (!other[0] && m->len > 0) {   /* an unterminated line */
                char part[sizeof other];
                size_t n = m->len < sizeof part - 1 ? m->len : sizeof part - 1;
                memcpy(part, m->buf, n);
                part[n] = '\0';
                trim_copy(other, sizeof other, part);
            }
            if (other[0]) {
                snprintf(res->reply, sizeof res->reply, "%s", other);
                return nr_error_set(&res->err, ERROR_UNRECOGNIZED_RESPONSE, 0,
                                    "The modem on %s gave an unrecognized response \"%s\" to \"%s\".",
                                    m->device, other, cmd);
            }
            return nr_error_set(&res->err, ERROR_DEVICE_NOT_READY, 0,
                                "The modem on %s did not answer \"%s\" within %d ms.",
                                m->device, cmd, timeout_ms);
        }
        trim_copy(line, sizeof line, raw);
        if (!echo_seen && ieq(line, cmd)) {
            echo_seen = true;
            continue;
        }
        unsigned code, ext;
        switch (nr_modem_classify(line, &code, &ext)) {
        case NR_MODEM_LINE_IGNORE:
            continue;
        case NR_MODEM_LINE_SUCCESS:
            snprintf(res->reply, sizeof res->reply, "%s", line);
            res->speed[0] = '\0';
            if (iprefix(line, "CONNECT") && line[7]) {
                const char *p = line + 7;
                while (isspace((unsigned char)*p))
                    p++;
                trim_copy(res->speed, sizeof res->speed, p);
            }
            nr_error_set(&res->err, 0, 0, "The modem on %s answered \"%s\" to \"%s\".", m->device, line, cmd);
            /* The LF of a CR LF pair is not PPP data. */
            if (m->len > 0 && m->buf[0] == '\n') {
                memmove(m->buf, m->buf + 1, m->len - 1);
                m->len--;
            }
            return 0;
        case NR_MODEM_LINE_FAILURE:
            /* NO CARRIER answers only a command that goes on line (D, A,
             * O); before any other it is the modem reporting the end of an
             * earlier call, late: not this command's reply. */
            if (code == ERROR_NO_CARRIER && !goes_on_line(cmd))
                continue;
            snprintf(res->reply, sizeof res->reply, "%s", line);
            if (ext)
                return nr_error_set(&res->err, code, ext, "The modem on %s answered \"%s\" to \"%s\": %s (%u).",
                                    m->device, line, cmd, code_phrase(code), ext);
            return nr_error_set(&res->err, code, 0, "The modem on %s answered \"%s\" to \"%s\": %s.",
                                m->device, line, cmd, code_phrase(code));
        case NR_MODEM_LINE_OTHER:
            if (strict) {
                snprintf(res->reply, sizeof res->reply, "%s", line);
                if (iprefix(cmd, "ATD"))
                    (void)send_all(m, "\r", 1, -1, (int64_t)nr_clock_ms() + 50, &(nr_modem_result){ 0 }, cmd);
                return nr_error_set(&res->err, ERROR_UNRECOGNIZED_RESPONSE, 0,
                                    "The modem on %s gave an unrecognized response \"%s\" to \"%s\".",
                                    m->device, line, cmd);
            }
            if (!other[0])
                snprintf(other, sizeof other, "%s", line);
            continue;
        }
    }
}

unsigned nr_modem_command(nr_modem *m, const char *cmd, int timeout_ms, int cancel_fd,
                          nr_modem_result *res)
{
    nr_modem_result dummy;
    if (!res)
        res = &dummy;
    result_clear(res);
    if (!m || m->fd < 0 || !cmd || !*cmd)
        return nr_error_set(&res->err, ERROR_INVALID_PARAMETER, 0, "nr_modem_command: no modem or command.");
    if (strpbrk(cmd, "\r\n"))
        return nr_error_set(&res->err, ERROR_INVALID_PARAMETER, 0,
                            "The modem command \"%s\" contains a line break.", cmd);
    return exchange(m, cmd, timeout_ms > 0 ? timeout_ms : DEFAULT_COMMAND_TIMEOUT_MS,
                    cancel_fd, false, res);
}

/* Every init command of p, stopping at the first failure. */
static unsigned send_init(nr_modem *m, const nr_modem_dial_params *p, nr_modem_result *res)
{
    for (size_t i = 0; i < p->ninit; i++) {
        unsigned rc;
        if (!p->init[i] || !*p->init[i])
            continue;
        if ((rc = nr_modem_command(m, p->init[i], p->command_timeout_ms, p->cancel_fd, res)) != 0)
            return rc;
    }
    return 0;
}

unsigned nr_modem_dial(nr_modem *m, const nr_modem_dial_params *p, nr_modem_result *res)
{
    nr_modem_result dummy;
    if (!res)
        res = &dummy;
    result_clear(res);
    if (!m || m->fd < 0 || !p || !p->number || (p->ninit > 0 && !p->init))
        return nr_error_set(&res->err, ERROR_INVALID_PARAMETER, 0, "nr_modem_dial: no modem or number.");
    unsigned rc = send_init(m, p, res);
    if (rc)
        return rc;
    const char *prefix = p->dial_prefix ? p->dial_prefix : "ATDT";
    char cmd[MAX_COMMAND];
    int n = snprintf(cmd, sizeof cmd, "%s%s", prefix, p->number);
    if (n < 0 || (size_t)n >= sizeof cmd)
        return nr_error_set(&res->err, ERROR_INVALID_PARAMETER, 0, "The dial string for %s is too long.",
                            p->number);
    if (strpbrk(cmd, "\r\n"))
        return nr_error_set(&res->err, ERROR_INVALID_PARAMETER, 0,
                            "The dial string \"%s\" contains a line break.", cmd);
    result_clear(res);
    return exchange(m, cmd, p->connect_timeout_ms > 0 ? p->connect_timeout_ms
                                                      : DEFAULT_CONNECT_TIMEOUT_MS,
                    p->cancel_fd, true, res);
}

/* ---- terminal mode ------------------------------------------------------------ */

unsigned nr_modem_read(nr_modem *m, void *buf, size_t cap, int timeout_ms, int cancel_fd, size_t *got,
                       nr_modem_result *res)
{
    nr_modem_result dummy;
    if (!res)
        res = &dummy;
    result_clear(res);
    if (got)
        *got = 0;
    if (!m || m->fd < 0 || !buf || !got)
        return nr_error_set(&res->err, ERROR_INVALID_PARAMETER, 0, "nr_modem_read: no modem or buffer.");
    if (cap == 0)
        return 0;
    if (m->len > 0) {                       /* what came in with the CONNECT line first */
        *got = nr_modem_take_pending(m, buf, cap);
        return 0;
    }
    int64_t deadline = (int64_t)nr_clock_ms() + (timeout_ms > 0 ? timeout_ms : 0);
    for (;;) {
        ssize_t n = read(m->fd, buf, cap);
        if (n > 0) {
            *got = (size_t)n;
            return 0;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0 || (n < 0 && errno != EAGAIN))
            return io_error(m, res, n < 0 ? errno : 0, "terminal read");
        short rev = 0;
        int w = wait_tty(m->fd, POLLIN, cancel_fd, deadline, &rev);
        if (w == WAIT_CANCEL)
            return cancelled(m, res, "terminal read");
        if (w == WAIT_TIMEOUT)
            return 0;
        if (w == WAIT_ERROR)
            return io_error(m, res, errno, "terminal read");
        if ((rev & (POLLHUP | POLLERR)) && !(rev & POLLIN))
            return io_error(m, res, 0, "terminal read");
    }
}

unsigned nr_modem_write(nr_modem *m, const void *buf, size_t len, int timeout_ms, int cancel_fd,
                        nr_modem_result *res)
{
    nr_modem_result dummy;
    if (!res)
        res = &dummy;
    result_clear(res);
    if (!m || m->fd < 0 || (!buf && len))
        return nr_error_set(&res->err, ERROR_INVALID_PARAMETER, 0, "nr_modem_write: no modem or buffer.");
    return send_all(m, buf, len, cancel_fd,
                    (int64_t)nr_clock_ms() + (timeout_ms > 0 ? timeout_ms : DEFAULT_COMMAND_TIMEOUT_MS), res,
                    "terminal write");
}

/* ---- being called back -------------------------------------------------------- */

unsigned nr_modem_reset_after_call(nr_modem *m, const nr_modem_dial_params *p, nr_modem_result *res)
{
    nr_modem_result dummy;
    char line[256];
    int64_t deadline;
    int bits = TIOCM_DTR;
    unsigned rc;
    if (!res)
        res = &dummy;
    result_clear(res);
    if (!m || m->fd < 0 || !p || (p->ninit > 0 && !p->init))
        return nr_error_set(&res->err, ERROR_INVALID_PARAMETER, 0, "nr_modem_reset_after_call: no modem.");
    /* The server has hung up: once the modem is back in command mode it
     * says NO CARRIER (perhaps after the tail of the PPP session). */
    deadline = (int64_t)nr_clock_ms() + 3000;
    for (;;) {
        int r = read_line(m, p->cancel_fd, deadline, line, sizeof line, res, "waiting for the line to drop");
        if (r < 0)
            return res->err.code;
        if (r == 0 || strstr(line, "NO CARRIER") || !strcmp(line, "3"))
            break;
    }
    /* Make sure of it: DTR low for a moment (not on a pseudo-terminal). */
    if (ioctl(m->fd, TIOCMBIC, &bits) == 0) {
        sleep_ms(m->dtr_drop_ms > 0 ? m->dtr_drop_ms : DEFAULT_DTR_DROP_MS);
        (void)ioctl(m->fd, TIOCMBIS, &bits);
    }
    if ((rc = send_init(m, p, res)) != 0)
        return rc;
    result_clear(res);
    return 0;
}

unsigned nr_modem_answer(nr_modem *m, const nr_modem_dial_params *p, int ring_timeout_ms, nr_modem_result *res)
{
    nr_modem_result dummy;
    char line[256];
    int64_t deadline;
    if (!res)
        res = &dummy;
    result_clear(res);
    if (!m || m->fd < 0 || !p)
        return nr_error_set(&res->err, ERROR_INVALID_PARAMETER, 0, "nr_modem_answer: no modem.");
    deadline = (int64_t)nr_clock_ms() + (ring_timeout_ms > 0 ? ring_timeout_ms : 60000);
    for (;;) {
        char word[32];
        int r = read_line(m, p->cancel_fd, deadline, line, sizeof line, res, "waiting for the call back");
        if (r < 0)
            return res->err.code;
        if (r == 0)
            return nr_error_set(&res->err, ERROR_NO_ANSWER, 0,
                                "The server did not call back on %s within %d ms (no RING).", m->device,
                                ring_timeout_ms);
        trim_copy(word, sizeof word, line);
        if (ieq(word, "RING") || !strcmp(word, "2"))
            break;
    }
    return exchange(m, "ATA", p->connect_timeout_ms > 0 ? p->connect_timeout_ms : DEFAULT_CONNECT_TIMEOUT_MS,
                    p->cancel_fd, true, res);
}
