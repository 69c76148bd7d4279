/*
 * cmd-connect.c - the commands that change connections: use, cancel and
 * restore.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "files.h"

static const char use_help[] =
    "Usage: netrouter use [OPTION]... LOCAL REMOTE\n"
    "Connect the network resource REMOTE at the local name LOCAL ('-' for a\n"
    "deviceless connection).  Notifiers are called before and after.\n"
    "\n"
    "  -p, --persistent         remember the connection (restored by 'restore')\n"
    "  -t, --temporary          never remember it, even with --persistent\n"
    "  -P, --provider=NAME      use only this provider\n"
    "  -u, --user=USER          connect as USER\n"
    "      --password-file=FILE read the password from the first line of FILE\n"
    "                           ('-' for standard input)\n"
    "      --type=TYPE          disk (default), print or any\n"
    "  -h, --help               show this help and exit\n";

static const char cancel_help[] =
    "Usage: netrouter cancel [OPTION]... NAME\n"
    "Disconnect the connection NAME (a local name or a remote name).\n"
    "Notifiers are called before and after.\n"
    "\n"
    "  -f, --forget   also forget a remembered connection of that local name\n"
    "                 (it is forgotten even when it is not connected)\n"
    "      --force    disconnect even if files are open\n"
    "  -h, --help     show this help and exit\n";

static const char restore_help[] =
    "Usage: netrouter restore [LOCAL]\n"
    "Reconnect the remembered connections (or just LOCAL) through the provider\n"
    "that made them.  Notifiers are not called.  Entries that fail stay\n"
    "remembered.  Exit status 1 when any entry failed.\n"
    "\n"
    "  -h, --help     show this help and exit\n";

/* The longest password line accepted from --password-file. */
#define PASSWORD_MAX 1024

/* Reads the first line of path ("-": stdin) into password[PASSWORD_MAX];
 * false after saying why. */
static bool read_password(const char *path, char *password)
{
    char why[NR_WHY_SIZE];
    if (nr_secret_read(path, password, PASSWORD_MAX, why) == 0)
        return true;
    fprintf(stderr, "netrouter: use: the password file %s: %s\n", path, why);
    return false;
}

int cmd_use(const cli_globals *g, int argc, char **argv)
{
    static const struct option opts[] = {
        { "persistent", no_argument, NULL, 'p' },
        { "temporary", no_argument, NULL, 't' },
        { "provider", required_argument, NULL, 'P' },
        { "user", required_argument, NULL, 'u' },
        { "password-file", required_argument, NULL, 'w' },
        { "type", required_argument, NULL, 'T' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    NETRESOURCE res = { .dwType = RESOURCETYPE_DISK };
    DWORD flags = 0, rc;
    const char *password_file = NULL, *user = NULL;
    char password_buf[PASSWORD_MAX], *password = NULL;
    nr_router *r;
    int c;

    if (cli_wants_help(argc, argv, use_help))
        return EXIT_SUCCESS;
    while ((c = getopt_long(argc, argv, ":ptP:u:h", opts, NULL)) != -1) {
        switch (c) {
        case 'p': flags |= CONNECT_UPDATE_PROFILE; break;
        case 't': flags |= CONNECT_TEMPORARY; break;
        case 'P': res.lpProvider = optarg; break;
        case 'u': user = optarg; break;
        case 'w': password_file = optarg; break;
        case 'T':
            if (!strcmp(optarg, "disk"))
                res.dwType = RESOURCETYPE_DISK;
            else if (!strcmp(optarg, "print"))
                res.dwType = RESOURCETYPE_PRINT;
            else if (!strcmp(optarg, "any"))
                res.dwType = RESOURCETYPE_ANY;
            else
                return cli_usage_error("use", "--type must be disk, print or any, not '%s'", optarg);
            break;
        default: return cli_option_error("use", c, argv);
        }
    }
    if (argc - optind != 2)
        return cli_usage_error("use", "expected LOCAL and REMOTE");
    res.lpLocalName = strcmp(argv[optind], "-") ? argv[optind] : NULL;
    res.lpRemoteName = argv[optind + 1];
    if (password_file) {
        if (!read_password(password_file, password_buf))
            return EXIT_FAILURE;
        password = password_buf;
    }
    if (cli_open_router(g, 0, &r) != EXIT_SUCCESS) {
        explicit_bzero(password_buf, sizeof password_buf);
        return EXIT_FAILURE;
    }
    rc = nr_add_connection(r, NULL, &res, password, user, flags);
    explicit_bzero(password_buf, sizeof password_buf);
    if (rc == WN_SUCCESS)
        printf("%s connected to %s%s\n", res.lpLocalName ? res.lpLocalName : "(deviceless)", res.lpRemoteName,
               (flags & CONNECT_UPDATE_PROFILE) && !(flags & CONNECT_TEMPORARY) && res.lpLocalName
                   ? " (remembered)" : "");
    else
        cli_report("use", rc);
    nr_router_free(r);
    return rc == WN_SUCCESS ? EXIT_SUCCESS : EXIT_FAILURE;
}

int cmd_cancel(const cli_globals *g, int argc, char **argv)
{
    static const struct option opts[] = {
        { "forget", no_argument, NULL, 'f' },
        { "force", no_argument, NULL, 'F' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    DWORD flags = 0, rc;
    BOOL force = FALSE;
    nr_router *r;
    int c;

    if (cli_wants_help(argc, argv, cancel_help))
        return EXIT_SUCCESS;
    while ((c = getopt_long(argc, argv, ":fh", opts, NULL)) != -1) {
        switch (c) {
        case 'f': flags |= CONNECT_UPDATE_PROFILE; break;
        case 'F': force = TRUE; break;
        default: return cli_option_error("cancel", c, argv);
        }
    }
    if (argc - optind != 1)
        return cli_usage_error("cancel", "expected one NAME");
    if (cli_open_router(g, 0, &r) != EXIT_SUCCESS)
        return EXIT_FAILURE;
    rc = nr_cancel_connection(r, argv[optind], flags, force);
    if (rc == WN_SUCCESS)
        printf("%s disconnected%s\n", argv[optind], flags & CONNECT_UPDATE_PROFILE ? " and forgotten" : "");
    else
        cli_report("cancel", rc);
    nr_router_free(r);
    return rc == WN_SUCCESS ? EXIT_SUCCESS : EXIT_FAILURE;
}

static void print_restored(void *user, const NETRESOURCE *res, DWORD result)
{
    (void)user;
    if (result == WN_SUCCESS) {
        cli_line(stdout, "%s restored: connected to %s (provider %s)", res->lpLocalName, res->lpRemoteName,
                 cli_or_dash(res->lpProvider));
    } else {
        char text[1024];
        nr_get_last_error(NULL, text, sizeof text, NULL, 0);
        cli_line(stdout, "%s not restored: error %u: %s%s%s", res->lpLocalName, (unsigned)result, nr_strerror(result),
                 *text ? " - " : "", text);
    }
}

int cmd_restore(const cli_globals *g, int argc, char **argv)
{
    static const struct option opts[] = {
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    nr_router *r;
    DWORD rc;
    int c;

    if (cli_wants_help(argc, argv, restore_help))
        return EXIT_SUCCESS;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1)
        return cli_option_error("restore", c, argv);
    if (argc - optind > 1)
        return cli_usage_error("restore", "expected at most one LOCAL name");
    if (cli_open_router(g, 0, &r) != EXIT_SUCCESS)
        return EXIT_FAILURE;
    rc = nr_restore_connections(r, argc > optind ? argv[optind] : NULL, print_restored, NULL);
    if (rc != WN_SUCCESS)
        cli_report("restore", rc);
    nr_router_free(r);
    return rc == WN_SUCCESS ? EXIT_SUCCESS : EXIT_FAILURE;
}
