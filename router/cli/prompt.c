/*
 * prompt.c - asks for a password on the terminal, the '*' of
 * "netrouter use LOCAL REMOTE *" (net use's habit), without echo.
 *
 * The terminal is /dev/tty, the controlling terminal, whatever standard
 * input is; without one the command fails instead of reading a password
 * from somewhere the user did not mean.  Echo is off from before the
 * prompt shows until the line is read, and is restored on every path: a
 * signal that ends the command (SIGINT, SIGTERM, SIGHUP, SIGQUIT) or stops
 * it (SIGTSTP) is caught for that time, the terminal restored, and the
 * signal raised again with its former disposition.  The password is read
 * with read(2) one byte at a time into the caller's buffer: no stdio buffer
 * keeps a copy.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"

static volatile sig_atomic_t caught;

static void on_signal(int signo)
{
    if (!caught)
        caught = signo;
}

static const int watched[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP };
#define NWATCHED (sizeof watched / sizeof watched[0])

static void say(int fd, const char *text)
{
    size_t len = strlen(text);
    while (len > 0) {
        ssize_t n = write(fd, text, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return; /* nobody to tell: the read still decides */
        text += n;
        len -= (size_t)n;
    }
}

/* Reads one line from fd into out[size]; 0, or an errno value (EINTR: a
 * watched signal came; EFBIG: the line is too long; ENODATA: end of file
 * before any newline). */
static int read_line(int fd, char *out, size_t size)
{
    size_t len = 0;
    for (;;) {
        char ch;
        ssize_t n = read(fd, &ch, 1);
        if (n < 0 && errno == EINTR && !caught)
            continue;
        if (n < 0)
            return caught ? EINTR : errno;
        if (n == 0)
            return len > 0 ? (out[len] = '\0', 0) : ENODATA;
        if (ch == '\n' || ch == '\r')
            break;
        if (len + 1 >= size) {
            ch = 0;
            return EFBIG;
        }
        out[len++] = ch;
    }
    out[len] = '\0';
    return 0;
}

int cli_prompt_password(const char *remote, char *out, size_t size)
{
    struct sigaction sa = { .sa_handler = on_signal }, old[NWATCHED];
    struct termios saved, quiet;
    bool restore = false;
    char prompt[1024];
    int tty, err;

    tty = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (tty < 0) {
        fprintf(stderr, "netrouter: use: '*' asks for the password on a terminal, and there is none (%s): "
                        "give it with --password-file FILE, or --password-file - for standard input\n",
                strerror(errno));
        return -1;
    }
    caught = 0;
    sigfillset(&sa.sa_mask);
    for (size_t i = 0; i < NWATCHED; i++)
        sigaction(watched[i], &sa, &old[i]); /* no SA_RESTART: a signal ends the read */
    /* Echo off before the prompt, as getpass() does: what is typed once the
     * prompt shows is neither echoed nor flushed away. */
    if (tcgetattr(tty, &saved) == 0) {
        quiet = saved;
        quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHOE | ECHOK | ECHONL);
        restore = tcsetattr(tty, TCSAFLUSH, &quiet) == 0;
    }
    /* net use's words */
    snprintf(prompt, sizeof prompt, "Type the password for %s:", remote);
    say(tty, prompt);
    err = read_line(tty, out, size);
    if (restore) {
        while (tcsetattr(tty, TCSAFLUSH, &saved) < 0 && errno == EINTR) {
        }
    }
    say(tty, "\n"); /* the Enter that was not echoed */
    close(tty);
    for (size_t i = 0; i < NWATCHED; i++)
        sigaction(watched[i], &old[i], NULL);
    if (err)
        explicit_bzero(out, size);
    if (caught) {
        raise(caught); /* ends or stops the command as it would have */
        fprintf(stderr, "netrouter: use: interrupted at the password prompt\n");
        return -1;
    }
    if (err == EFBIG)
        fprintf(stderr, "netrouter: use: the password is longer than %zu characters\n", size - 1);
    else if (err == ENODATA)
        fprintf(stderr, "netrouter: use: no password was typed (end of input at the prompt)\n");
    else if (err)
        fprintf(stderr, "netrouter: use: cannot read the password from the terminal: %s\n", strerror(err));
    return err ? -1 : 0;
}
