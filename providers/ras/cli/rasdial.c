/*
 * rasdial.c - the rasdial command: dials a phonebook entry with RasDial,
 * prints each state as it happens and then the negotiated addresses, and
 * returns once connected, the link left up in the connection service (with
 * --foreground: keeps the link while it runs, in this process, and hangs up
 * cleanly on SIGINT, SIGTERM or SIGHUP).  A signal before the link is up
 * hangs up in every phase.  Accepts the Windows syntax
 *     rasdial ENTRY [USER [PASSWORD|*]] [/PHONEBOOK:FILE] [/PHONE:NUMBER] [/CALLBACK:NUMBER]
 *     rasdial [ENTRY] /DISCONNECT
 *     rasdial
 * and GNU long options; --check-phonebook checks a phonebook without
 * dialing.  Dials through the public <netrouter/ras.h> only (RasDialW for
 * an entry name of more bytes than RASDIALPARAMSA holds: RAS_MaxEntryName
 * characters); signals and passwords are rasdial-input.c's, the listing and
 * /DISCONNECT rasdial-links.c's.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <netrouter/ras.h>

#include "rasdial.h"
#include "wide.h"

#define EXIT_USAGE 2

static const char help[] =
    "Usage: rasdial [OPTION]... ENTRY [USER [PASSWORD|*]]\n"
    "       rasdial ENTRY [USER [PASSWORD|*]] [/PHONEBOOK:FILE] [/PHONE:NUMBER]\n"
    "               [/CALLBACK:NUMBER]\n"
    "       rasdial [ENTRY] /DISCONNECT\n"
    "       rasdial [--json]\n"
    "Dial the phonebook ENTRY through the netrouter RAS provider, print every\n"
    "state as it happens and the negotiated addresses, and return once\n"
    "connected: the connection service netrouterd(8) keeps the link up until\n"
    "\"rasdial ENTRY /DISCONNECT\", the link's loss or its idle timeout.\n"
    "Ctrl-C before that hangs up.  With --foreground the link stays with the\n"
    "command instead: kept up until interrupted (Ctrl-C, SIGINT or SIGTERM), then hang up.\n"
    "For an entry with terminal_after_dial, the remote login dialogue is relayed\n"
    "to standard input and output until a line \"~.\" or the end of input.\n"
    "Without ENTRY, list the entries that are connected (your links; every\n"
    "link for root).\n"
    "\n"
    "  -p, --phonebook=FILE      phonebook to use (default:\n"
    "                            $XDG_CONFIG_HOME/netrouter/phonebook.json)\n"
    "  -n, --phone=NUMBER        dial NUMBER instead of the entry's number\n"
    "  -u, --user=USER           user name for PAP/CHAP\n"
    "  -c, --callback=NUMBER     if the server offers to call back, have it call\n"
    "                            NUMBER ('*': the entry's callback_number)\n"
    "      --password-file=FILE  read the password from the first line of FILE\n"
    "                            ('-' for standard input); PASSWORD '*' prompts\n"
    "                            on the terminal without echo (with no\n"
    "                            terminal it is read from standard input)\n"
    "  -q, --quiet               print only errors and the addresses\n"
    "  -f, --foreground          keep the link in this process: up until\n"
    "                            interrupted, then hung up (scripts, containers)\n"
    "  -d, --disconnect          hang up ENTRY's link (every link of yours\n"
    "                            without ENTRY): the Windows /DISCONNECT\n"
    "      --json                list the connected entries as JSON\n"
    "      --check-phonebook [FILE]  check the phonebook FILE (default: the\n"
    "                            phonebook rasdial would use) without dialing:\n"
    "                            prints \"FILE: ok (N entries)\", or the first\n"
    "                            problem as \"FILE:LINE:COLUMN: FIELD: message\"\n"
    "                            and exits 1\n"
    "  -h, --help                show this help and exit\n"
    "      --version             show the version and exit\n"
    "\n"
    "A password on the command line is visible to other users until rasdial\n"
    "has read it (it then removes it from its arguments): '*' or\n"
    "--password-file is the safe way.\n"
    "\n"
    "Exit status: 0 once connected (with --foreground: after a connection that\n"
    "was hung up on request), after a listing or a hang-up; 1 when the dial\n"
    "failed, was interrupted or the link was lost, or ENTRY is not connected\n"
    "(/DISCONNECT); 2 on a usage error.\n"
    "See rasdial(1).\n";

static bool copy_field(char *dst, size_t size, const char *src, const char *what)
{
    if (strlen(src) >= size) {
        fprintf(stderr, "rasdial: the %s is longer than %zu characters\n", what, size - 1);
        return false;
    }
    snprintf(dst, size, "%s", src);
    return true;
}

static void print_addresses(HRASCONN h)
{
    RASPPPIP ip = { .dwSize = sizeof ip };
    RASPPPLCP lcp = { .dwSize = sizeof lcp };
    DWORD cb = sizeof ip;
    char ifname[16], dns[32];
    if (RasGetProjectionInfo(h, RASP_PppIp, &ip, &cb) == 0)
        printf("IP address: %s\nServer address: %s\n", ip.szIpAddress, ip.szServerIpAddress);
    if (nr_ras_get_nameservers(h, dns, sizeof dns) == 0 && dns[0])
        printf("DNS servers: %s\n", dns);
    if (nr_ras_get_interface(h, ifname, sizeof ifname) == 0 && ifname[0])
        printf("Interface: %s\n", ifname);
    cb = sizeof lcp;
    if (RasGetProjectionInfo(h, RASP_PppLcp, &lcp, &cb) == 0)
        printf("Authentication: %s\n",
               lcp.dwAuthenticationProtocol == RASLCPAP_CHAP
                   ? (lcp.dwAuthenticationData == RASLCPAD_CHAP_MSV2 ? "MS-CHAP v2" : "CHAP (MD5)")
               : lcp.dwAuthenticationProtocol == RASLCPAP_PAP ? "PAP"
                                                              : "none");
    fflush(stdout);
}

/* Hangs up and waits until the port is released. */
static void hang_up(HRASCONN h)
{
    nr_ras_hang_up_wait(h, 10000);
}

/* Writes the printable part of what the far end sent (PPP frames that
 * follow the dialogue are binary). */
static void show_terminal_output(const char *buf, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)buf[i];
        if (ch == '\n' || ch == '\t' || (ch >= 0x20 && ch < 0x7f))
            putchar(ch);
    }
    fflush(stdout);
}


/*
 * The entry's terminal step (the dial is paused in RASCS_Interactive):
 * what the far end sends goes to standard output, each line of standard
 * input goes to the far end ended by CR, until a line "~." or the end of
 * input; then, once the far end has been quiet for half a second, true
 * (resume the dial).  False after a signal or a line failure (reported).
 */
static bool terminal_step(HRASCONN h, bool quiet)
{
    char in[512];
    size_t len = 0;
    bool input = true;
    int silent_ms = 0;
    if (!quiet)
        printf("Terminal: answer the remote computer; \"~.\" alone on a line continues dialing.\n");
    fflush(stdout);
    for (;;) {
        char buf[512];
        DWORD got = 0, rc = nr_ras_terminal_read(h, buf, sizeof buf, 100, &got);
        struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
        if (rc) {
            rd_fail(rc, h);
            return false;
        }
        show_terminal_output(buf, got);
        silent_ms = got ? 0 : silent_ms + 100;
        if (rd_signal()) {
            if (!quiet)
                printf("\nHanging up (%s)...\n", rd_signal_word(rd_signal()));
            rd_fail(ERROR_USER_DISCONNECTION, NULL);
            return false;
        }
        if (!input && silent_ms >= 500)
            return true;
        if (!input || poll(&p, 1, 0) <= 0)
            continue;
        if (p.revents & (POLLIN | POLLHUP)) {
            ssize_t n = read(STDIN_FILENO, in + len, sizeof in - 1 - len);
            char *nl;
            if (n <= 0) {
                input = false;
                continue;
            }
            len += (size_t)n;
            while (input && (nl = memchr(in, '\n', len)) != NULL) {
                size_t line = (size_t)(nl - in);
                if (line == 2 && !memcmp(in, "~.", 2)) {
                    input = false;
                } else {
                    in[line] = '\r';
                    if ((rc = nr_ras_terminal_write(h, in, (DWORD)line + 1)) != 0) {
                        rd_fail(rc, h);
                        return false;
                    }
                }
                memmove(in, nl + 1, len - line - 1);
                len -= line + 1;
            }
            if (len == sizeof in - 1)
                len = 0; /* an endless line: dropped */
        }
    }
}

/* --check-phonebook: 0 when file (NULL: the default) is valid. */
static int check_phonebook(const char *file)
{
    char path[RAS_MaxPath + 1], detail[2048];
    DWORD n = 0, rc = nr_ras_check_phonebook(file, path, sizeof path, &n);
    if (rc == 0) {
        printf("%s: ok (%u %s)\n", path, (unsigned)n, n == 1 ? "entry" : "entries");
        return EXIT_SUCCESS;
    }
    fflush(stdout);
    if (nr_ras_get_error_detail(NULL, detail, sizeof detail) == 0 && *detail)
        fprintf(stderr, "%s\n", detail);
    else
        rd_fail(rc, NULL);
    return EXIT_FAILURE;
}

/* RasDial of params for entry, notifying fd: the A form, or, when entry is
 * longer than params->szEntryName holds (then empty), the W form with
 * every string widened. */
static DWORD ras_dial(RASDIALEXTENSIONS *ext, const char *phonebook, RASDIALPARAMS *params, const char *entry,
                      int *fd, HRASCONN *h)
{
    RASDIALPARAMSW w = { .dwSize = sizeof w, .dwSubEntry = params->dwSubEntry, .dwCallbackId = params->dwCallbackId };
    wchar_t *book = NULL;
    DWORD rc = ERROR_NO_UNICODE_TRANSLATION;
    if (params->szEntryName[0])
        return RasDial(ext, phonebook, params, NR_RAS_NOTIFIER_FD, fd, h);
#define WIDEN(from, m) (nr_wide_from_utf8_buf((from), w.m, sizeof w.m / sizeof w.m[0]) != (size_t)-1)
    if (WIDEN(entry, szEntryName) && WIDEN(params->szPhoneNumber, szPhoneNumber) &&
        WIDEN(params->szCallbackNumber, szCallbackNumber) && WIDEN(params->szUserName, szUserName) &&
        WIDEN(params->szPassword, szPassword) && WIDEN(params->szDomain, szDomain) &&
        (!phonebook || (book = nr_wide_dup(phonebook)) != NULL))
        rc = RasDialW(ext, book, &w, NR_RAS_NOTIFIER_FD, fd, h);
#undef WIDEN
    explicit_bzero(&w, sizeof w);
    free(book);
    return rc;
}

/*
 * Dials and then serves the connection until a signal, a failure or the
 * loss of the link; returns the exit status.  Every wait polls the signal
 * descriptor together with the notifications; on every path the
 * connection is hung up and its port released before this returns.
 */
static int dial(const char *phonebook, RASDIALPARAMS *params, const char *entry, bool quiet, bool foreground)
{
    /* Paused states: a terminal step is answered on stdin and stdout; a
     * rejected password ends the dial with 691 and an expired one with 648
     * (no second prompt). */
    RASDIALEXTENSIONS ext = { .dwSize = sizeof ext, .dwfOptions = RDEOPT_PausedStates };
    HRASCONN h = NULL;
    bool connected = false;
    int pipefd[2], rc = EXIT_SUCCESS;
    DWORD err;

    if (pipe2(pipefd, O_CLOEXEC) < 0) {
        perror("rasdial");
        return EXIT_FAILURE;
    }
    if (!quiet)
        printf("Connecting to %s...\n", entry), fflush(stdout);
    /* The phonebook is loaded in here (never blocking: a FIFO is refused);
     * a signal meanwhile is seen at the first poll below. */
    err = ras_dial(&ext, phonebook, params, entry, &pipefd[1], &h);
    if (err) {
        rc = rd_fail(err, h);
        goto out;
    }
    for (;;) {
        struct pollfd p[2] = { { .fd = pipefd[0], .events = POLLIN }, { .fd = rd_signal_fd(), .events = POLLIN } };
        NR_RASDIALEVENT ev;
        if (!rd_signal() && poll(p, 2, connected ? 1000 : -1) < 0 && errno != EINTR)
            break;
        if (rd_signal()) {
            if (!quiet)
                printf("Hanging up (%s)...\n", rd_signal_word(rd_signal()));
            if (!connected)
                rc = rd_fail(ERROR_USER_DISCONNECTION, NULL); /* the dial never completed */
            break;
        }
        if (p[0].revents & POLLIN) {
            if (read(pipefd[0], &ev, sizeof ev) != (ssize_t)sizeof ev)
                break;
            if (ev.dwError) {
                if (ev.rasconnstate == RASCS_AuthNotify && !quiet)
                    printf("%s\n", nr_ras_state_text(RASCS_RetryAuthentication));
                rc = rd_fail(ev.dwError, h);
                break;
            }
            if (!quiet)
                printf("%s\n", nr_ras_state_text((RASCONNSTATE)ev.rasconnstate));
            if (ev.rasconnstate == RASCS_RetryAuthentication || ev.rasconnstate == RASCS_PasswordExpired) {
                /* no second prompt: the dial ends as it would without paused states */
                rc = rd_fail(ev.rasconnstate == RASCS_PasswordExpired ? ERROR_PASSWD_EXPIRED : ERROR_AUTHENTICATION_FAILURE,
                          h);
                break;
            }
            if (ev.rasconnstate == RASCS_CallbackSetByCaller) {
                /* no number was given (--callback): on without a call back */
                if (!quiet)
                    printf("No callback number given: going on without a call back.\n");
                if ((err = ras_dial(&ext, phonebook, params, entry, &pipefd[1], &h)) != 0) {
                    rc = rd_fail(err, h);
                    break;
                }
                continue;
            }
            if (ev.rasconnstate == RASCS_Interactive) {
                /* Resumed with the same parameters (the password is still
                 * needed for PAP or CHAP after the login dialogue). */
                if (!terminal_step(h, quiet)) {
                    rc = EXIT_FAILURE;
                    break;
                }
                if ((err = ras_dial(&ext, phonebook, params, entry, &pipefd[1], &h)) != 0) {
                    rc = rd_fail(err, h);
                    break;
                }
                continue;
            }
            if (ev.rasconnstate == RASCS_Connected) {
                explicit_bzero(params->szPassword, sizeof params->szPassword); /* no longer needed here */
                connected = true;
                print_addresses(h);
                if (!foreground) { /* the service keeps it */
                    if (!quiet)
                        printf("The link stays up: \"rasdial %s /DISCONNECT\" hangs it up.\n", entry);
                    fflush(stdout);
                    h = NULL;
                    goto out;
                }
            }
            fflush(stdout);
        } else if (connected) {
            /* No notifications after Connected: watch the link's status. */
            RASCONNSTATUS st = { .dwSize = sizeof st };
            if (RasGetConnectStatus(h, &st) != 0 || st.rasconnstate == RASCS_Disconnected) {
                fprintf(stderr, "rasdial: the link was lost\n");
                rc = st.dwError ? rd_fail(st.dwError, h) : EXIT_FAILURE;
                break;
            }
        }
    }
    if (!quiet && rc == EXIT_SUCCESS)
        printf("Disconnected.\n");
out:
    explicit_bzero(params->szPassword, sizeof params->szPassword);
    if (h)
        hang_up(h);
    close(pipefd[0]);
    close(pipefd[1]);
    return rc;
}

int main(int argc, char **argv)
{
    enum { OPT_PASSWORD_FILE = 0x100, OPT_VERSION, OPT_CHECK, OPT_JSON };
    static const struct option opts[] = {
        { "phonebook", required_argument, NULL, 'p' },
        { "phone", required_argument, NULL, 'n' },
        { "user", required_argument, NULL, 'u' },
        { "callback", required_argument, NULL, 'c' },
        { "password-file", required_argument, NULL, OPT_PASSWORD_FILE },
        { "quiet", no_argument, NULL, 'q' },
        { "foreground", no_argument, NULL, 'f' },
        { "disconnect", no_argument, NULL, 'd' },
        { "json", no_argument, NULL, OPT_JSON },
        { "check-phonebook", no_argument, NULL, OPT_CHECK },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, OPT_VERSION },
        { NULL, 0, NULL, 0 },
    };
    RASDIALPARAMS params = { .dwSize = sizeof params };
    const char *phonebook = NULL, *password_file = NULL, *user = NULL, *words[3] = { 0 };
    char password[PWLEN + 2];
    bool quiet = false, prompt = false, check = false, foreground = false, disconnect = false, json = false;
    int nwords = 0, c, rc;

    /* First of all: from here on a signal never ends the command in the
     * middle of something it holds. */
    if (!rd_signals_init())
        return EXIT_FAILURE;

    /* Windows-style switches first: /PHONEBOOK:FILE and /PHONE:NUMBER. */
    for (int i = 1; i < argc; i++) {
        if (!strncasecmp(argv[i], "/PHONEBOOK:", 11)) {
            phonebook = argv[i] + 11;
            argv[i] = NULL;
        } else if (!strncasecmp(argv[i], "/CALLBACK:", 10)) {
            if (!copy_field(params.szCallbackNumber, sizeof params.szCallbackNumber, argv[i] + 10, "callback number"))
                return EXIT_USAGE;
            argv[i] = NULL;
        } else if (!strncasecmp(argv[i], "/PHONE:", 7)) {
            if (!copy_field(params.szPhoneNumber, sizeof params.szPhoneNumber, argv[i] + 7, "phone number"))
                return EXIT_USAGE;
            argv[i] = NULL;
        } else if (!strcasecmp(argv[i], "/DISCONNECT") || !strcasecmp(argv[i], "/D")) {
            disconnect = true;
            argv[i] = NULL;
        } else if (argv[i][0] == '/' && strchr(argv[i], ':') == NULL && !strchr(argv[i] + 1, '/')) {
            fprintf(stderr, "rasdial: %s is not supported (only /PHONEBOOK:, /PHONE:, /CALLBACK: and /DISCONNECT)\n",
                    argv[i]);
            return EXIT_USAGE;
        }
    }
    int n = 1;
    for (int i = 1; i < argc; i++)
        if (argv[i])
            argv[n++] = argv[i];
    argc = n;

    while ((c = getopt_long(argc, argv, "p:n:u:c:qfdh", opts, NULL)) != -1) {
        switch (c) {
        case 'p': phonebook = optarg; break;
        case 'n':
            if (!copy_field(params.szPhoneNumber, sizeof params.szPhoneNumber, optarg, "phone number"))
                return EXIT_USAGE;
            break;
        case 'u': user = optarg; break;
        case 'c':
            if (!copy_field(params.szCallbackNumber, sizeof params.szCallbackNumber, optarg, "callback number"))
                return EXIT_USAGE;
            break;
        case OPT_PASSWORD_FILE: password_file = optarg; break;
        case 'q': quiet = true; break;
        case 'f': foreground = true; break;
        case 'd': disconnect = true; break;
        case OPT_JSON: json = true; break;
        case OPT_CHECK: check = true; break;
        case 'h': fputs(help, stdout); return EXIT_SUCCESS;
        case OPT_VERSION: printf("rasdial (netrouter) %s\n", PACKAGE_VERSION); return EXIT_SUCCESS;
        default: fprintf(stderr, "Try 'rasdial --help' for more information.\n"); return EXIT_USAGE;
        }
    }
    while (optind < argc && nwords < 3)
        words[nwords++] = argv[optind++];
    if (check) {
        if (nwords > 1) {
            fprintf(stderr, "rasdial: --check-phonebook takes one phonebook at most\n"
                            "Try 'rasdial --help' for more information.\n");
            return EXIT_USAGE;
        }
        return check_phonebook(nwords ? words[0] : phonebook);
    }
    if (optind < argc || (disconnect && nwords > 1) || (json && nwords)) {
        fprintf(stderr, "rasdial: %s\nTry 'rasdial --help' for more information.\n",
                json ? "--json lists the connected entries: it takes no entry" : "too many arguments");
        return EXIT_USAGE;
    }
    if (foreground && nr_ras_set_engine(NR_RAS_ENGINE_IN_PROCESS) != 0) {
        fprintf(stderr, "rasdial: --foreground: the in-process engine cannot be chosen\n");
        return EXIT_FAILURE;
    }
    if (disconnect)
        return rd_disconnect(nwords ? words[0] : NULL, quiet);
    if (nwords == 0)
        return rd_list(json);
    /* Links in this process (--foreground, or NETROUTER_RAS_ENGINE=in-process)
     * end with it: keep this one up while the command runs. */
    foreground = nr_ras_get_engine() == NR_RAS_ENGINE_IN_PROCESS;
    if (!foreground && rd_already(words[0]) == 1) {
        explicit_bzero(&params, sizeof params);
        printf("You are already connected to %s.\n", words[0]);
        return EXIT_SUCCESS;
    }
    if (words[1])
        user = words[1];
    if (words[2] && !(prompt = !strcmp(words[2], "*"))) {
        /* A password on the command line: into the parameters, then out
         * of the process's arguments at once. */
        bool ok = copy_field(params.szPassword, sizeof params.szPassword, words[2], "password");
        rd_scrub_arg((char *)words[2]);
        if (!ok)
            return EXIT_USAGE;
    }
    /* RAS_MaxEntryName characters: a name of more bytes than szEntryName
     * holds is dialed by RasDialW (ras_dial), szEntryName left empty */
    if (strlen(words[0]) < sizeof params.szEntryName)
        memcpy(params.szEntryName, words[0], strlen(words[0]) + 1);
    else if (nr_utf16_count(words[0]) > RAS_MaxEntryName) { /* (size_t)-1 too: not UTF-8 */
        fprintf(stderr, "rasdial: the entry name is longer than %d characters\n", RAS_MaxEntryName);
        return EXIT_USAGE;
    }
    if (user && !copy_field(params.szUserName, sizeof params.szUserName, user, "user name"))
        return EXIT_USAGE;
    if (password_file || prompt) {
        rc = rd_read_password(password_file, prompt, password, sizeof password);
        if (rc > 0) {
            fprintf(stderr, "rasdial: %s before dialing\n", rd_signal_word(rc));
            return EXIT_FAILURE;
        }
        if (rc < 0)
            return EXIT_FAILURE;
        memcpy(params.szPassword, password, strlen(password) + 1);
        explicit_bzero(password, sizeof password);
    }
    rc = dial(phonebook, &params, words[0], quiet, foreground);
    explicit_bzero(&params, sizeof params);
    return rc;
}
