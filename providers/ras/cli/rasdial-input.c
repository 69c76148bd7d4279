/*
 * rasdial-input.c - what the rasdial command waits for from people, and
 * how it is interrupted (rasdial.h).
 *
 * Signals: SIGINT, SIGTERM and SIGHUP are caught by a handler that records
 * the first one and writes a byte into a pipe (the self-pipe trick), so a
 * signal is just one more readable descriptor for every poll() of the
 * command: no phase blocks with the signals masked, and each phase ends in
 * order (restores the terminal, hangs up, releases the port).  The RAS
 * library's dialing threads block these signals (see RasDial), so the
 * handler always runs on the command's own thread.
 *
 * Passwords: read with read(2) into the caller's buffer (no stdio buffer
 * keeps a copy), one byte at a time from a terminal or a pipe (what
 * follows the first line is left for the terminal step), from a file
 * through router/common's nr_secret_read (a FIFO or a device is refused at
 * once, never waited on); every intermediate buffer is wiped.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "files.h"
#include "rasdial.h"

static int sig_pipe[2] = { -1, -1 };
static volatile sig_atomic_t sig_caught;

static void on_signal(int signo)
{
    int saved = errno;
    if (!sig_caught)
        sig_caught = signo;
    if (write(sig_pipe[1], "", 1) < 0) {
        /* the pipe is full: it is readable already */
    }
    errno = saved;
}

bool rd_signals_init(void)
{
    struct sigaction sa = { .sa_handler = on_signal, .sa_flags = SA_RESTART };
    static const int caught[] = { SIGINT, SIGTERM, SIGHUP };
    if (pipe2(sig_pipe, O_CLOEXEC | O_NONBLOCK) < 0) {
        perror("rasdial: pipe");
        return false;
    }
    sigfillset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof caught / sizeof caught[0]; i++) {
        struct sigaction old;
        /* nohup: a SIGHUP ignored on purpose stays ignored (SIGINT and
         * SIGTERM are always taken: a shell ignores SIGINT for its
         * background jobs, which must still be able to hang up) */
        if (caught[i] == SIGHUP && sigaction(SIGHUP, NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        if (sigaction(caught[i], &sa, NULL) < 0) {
            perror("rasdial: sigaction");
            return false;
        }
    }
    /* A reader that goes away (rasdial | head) must not end the command
     * before it has hung up: writes then fail with EPIPE instead. */
    signal(SIGPIPE, SIG_IGN);
    return true;
}

int rd_signal_fd(void)
{
    return sig_pipe[0];
}

int rd_signal(void)
{
    return sig_caught;
}

const char *rd_signal_word(int signo)
{
    return signo == SIGINT ? "interrupted" : signo == SIGHUP ? "hung up" : "terminated";
}

void rd_scrub_arg(char *arg)
{
    explicit_bzero(arg, strlen(arg));
}

/* Waits until fd is readable or a signal came: 0, or the signal. */
static int wait_readable(int fd)
{
    struct pollfd p[2] = { { .fd = fd, .events = POLLIN }, { .fd = sig_pipe[0], .events = POLLIN } };
    for (;;) {
        if (sig_caught)
            return sig_caught;
        if (poll(p, 2, -1) < 0 && errno != EINTR)
            return 0; /* let the read report it */
        if (sig_caught)
            return sig_caught;
        if (p[0].revents)
            return 0;
    }
}

/* Reads one line from fd (a terminal or a pipe) into out, a byte at a
 * time: 0 (end of input: what came so far), a signal, or -1 (reported). */
static int read_line(int fd, const char *what, char *out, size_t size)
{
    size_t len = 0;
    int rc = 0;
    out[0] = '\0';
    for (;;) {
        char ch;
        ssize_t n;
        if ((rc = wait_readable(fd)) != 0)
            break;
        n = read(fd, &ch, 1);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n < 0) {
            fprintf(stderr, "rasdial: cannot read the password from %s: %s\n", what, strerror(errno));
            rc = -1;
            break;
        }
        if (n == 0 || ch == '\n')
            break;
        if (len + 1 >= size) {
            fprintf(stderr, "rasdial: the password is longer than %zu characters\n", size - 2);
            rc = -1;
            break;
        }
        out[len++] = ch;
        out[len] = '\0';
        explicit_bzero(&ch, sizeof ch);
    }
    if (rc)
        explicit_bzero(out, size);
    else
        out[strcspn(out, "\r")] = '\0';
    return rc;
}

/* The first line of a regular file (router/common's secret reader: a
 * FIFO or a device is refused at once, never waited on). */
static int read_file(const char *file, char *out, size_t size)
{
    char why[NR_WHY_SIZE];
    if (nr_secret_read(file, out, size, why) == 0)
        return 0;
    if (errno == EINVAL)
        fprintf(stderr, "rasdial: refusing the password file %s: %s\n", file, why);
    else if (errno == EFBIG)
        fprintf(stderr, "rasdial: the password in %s is longer than %zu characters\n", file, size - 2);
    else
        fprintf(stderr, "rasdial: the password file %s: %s\n", file, why);
    return -1;
}

/* Prompts on the terminal (standard input and error when there is none)
 * and reads the answer without echo. */
static int prompt_for(char *out, size_t size)
{
    int tty = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    int in = tty >= 0 ? tty : STDIN_FILENO, talk = tty >= 0 ? tty : STDERR_FILENO, rc;
    struct termios old, quiet;
    bool restore = false;
    /* Echo off before the prompt, as getpass() does: what is typed once the
     * prompt shows is neither echoed nor flushed away. */
    if (tcgetattr(in, &old) == 0) {
        quiet = old;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        restore = tcsetattr(in, TCSAFLUSH, &quiet) == 0;
    }
    if (write(talk, "Password: ", 10) < 0) {
        /* no one to show it to: read anyway */
    }
    rc = read_line(in, tty >= 0 ? "the terminal" : "standard input", out, size);
    if (restore) {
        tcsetattr(in, TCSAFLUSH, &old);
        if (write(talk, "\n", 1) < 0) {
            /* as above */
        }
    }
    if (tty >= 0)
        close(tty);
    return rc;
}

int rd_read_password(const char *file, bool prompt, char *out, size_t size)
{
    if (prompt)
        return prompt_for(out, size);
    if (!strcmp(file, "-"))
        return read_line(STDIN_FILENO, "standard input", out, size);
    return read_file(file, out, size);
}
