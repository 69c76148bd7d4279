/*
 * cmd-connect.c - the commands that change connections: use, cancel and
 * restore.  "use" also takes the forms of Windows' net use: its switches
 * and relative local names (netuse-args.c), '*' for a password typed at the
 * terminal (prompt.c), NAME /delete, and no arguments for the listing
 * (netuse-list.c).
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "files.h"

static const char use_help[] =
    "Usage: netrouter use [OPTION]... LOCAL REMOTE [*]\n"
    "  or:  netrouter use [OPTION]... REMOTE [*]\n"
    "  or:  netrouter use LOCAL\n"
    "  or:  netrouter use NAME /delete [/y]\n"
    "  or:  netrouter use\n"
    "Connect the network resource REMOTE at the local name LOCAL ('-' for a\n"
    "deviceless connection; a relative LOCAL is taken from the working\n"
    "directory).  Notifiers are called before and after.  '*' after REMOTE\n"
    "(quoted, or the shell expands it) asks for the password on the terminal,\n"
    "without echo.  With /delete, disconnect and forget NAME (a local name,\n"
    "or a remote name: then only its deviceless connections end).  Without\n"
    "arguments, list the connections as net use does.  REMOTE alone (a name\n"
    "with a scheme such as link: or sshfs://, or a UNC name) connects it\n"
    "without a local name; LOCAL alone shows that connection.\n"
    "\n"
    "  -p, --persistent         remember the connection (restored by 'restore')\n"
    "  -t, --temporary          never remember it, even with --persistent\n"
    "  -P, --provider=NAME      use only this provider\n"
    "  -u, --user=USER          connect as USER\n"
    "      --password-file=FILE read the password from the first line of FILE\n"
    "                           ('-' for standard input)\n"
    "      --type=TYPE          disk (default), print or any\n"
    "  -h, --help               show this help and exit\n"
    "\n"
    "The switches of Windows' net use, in any case, abbreviated or not:\n"
    "  /persistent:yes|no       remember the connection or not (as --persistent;\n"
    "                           the last of these options wins)\n"
    "  /user:NAME               connect as NAME (DOMAIN\\NAME is a name too)\n"
    "  /delete                  disconnect NAME and forget it\n"
    "  /y, /n                   with /delete: even if files are open (--force),\n"
    "                           or not\n"
    "A local name of one component such as /mnt looks like a switch: give it\n"
    "after '--'.\n";

static const char cancel_help[] =
    "Usage: netrouter cancel [OPTION]... NAME\n"
    "Disconnect the connection NAME: a local name (a relative one is taken\n"
    "from the working directory, as by 'use'), or a remote name, which ends\n"
    "only the deviceless connections to it.  Notifiers are called before and\n"
    "after.\n"
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

/* The name a cancel acts on.  A relative NAME that the router knows as a
 * local name once made absolute (as "use LOCAL REMOTE" makes it) is that
 * local name; otherwise NAME as given (a remote name such as fx:share,
 * which also looks relative).  *owned is what the caller frees. */
static const char *cancel_target(nr_router *r, const char *name, char **owned)
{
    char remote[16];
    DWORD rc, len = sizeof remote;

    *owned = NULL;
    if (name[0] == '/' || !(*owned = cli_absolute_local(name, true)))
        return name;
    rc = nr_get_connection(r, *owned, remote, &len);
    if (rc == WN_SUCCESS || rc == WN_MORE_DATA || rc == WN_CONNECTION_CLOSED)
        return *owned;
    free(*owned);
    *owned = NULL;
    return name;
}

/* "netrouter use NAME /delete [/y]": cancels NAME (cancel_target()) and
 * forgets it, as net use does; "*" is every connection (cli_delete_all). */
static int use_delete(const cli_globals *g, const char *name, BOOL force)
{
    const char *target;
    char *owned;
    nr_router *r;
    DWORD rc;

    if (cli_open_router(g, 0, &r) != EXIT_SUCCESS)
        return EXIT_FAILURE;
    if (!strcmp(name, "*")) {
        int ret = cli_delete_all(r, force);
        nr_router_free(r);
        return ret;
    }
    target = cancel_target(r, name, &owned);
    rc = nr_cancel_connection(r, target, CONNECT_UPDATE_PROFILE, force);
    if (rc == WN_SUCCESS)
        cli_line(stdout, "%s was deleted successfully.", target);
    else
        cli_report("use", rc);
    nr_router_free(r);
    free(owned);
    return rc == WN_SUCCESS ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* Whether a lone NAME of "netrouter use NAME" that the router does not know
 * as a local name is a remote name, to connect without a local name as
 * "net use \\server\share" does: a UNC name or one that starts with a
 * scheme of two characters or more ("link:", "sshfs://", "ras:"; "X:" is a
 * drive letter's form, a local name).  Anything else is a local name,
 * shown as "net use X:" shows one. */
static bool looks_remote(const char *name)
{
    const char *p = name;
    if (!strncmp(name, "\\\\", 2))
        return true;
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
        return false;
    while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '+' ||
           *p == '.' || *p == '-')
        p++;
    return *p == ':' && p - name >= 2;
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
    const char *password_file = NULL, *user = NULL, *connect_option = NULL, **names;
    char password_buf[PASSWORD_MAX], *password = NULL, *local = NULL;
    bool delete = false, persistent_switch = false;
    BOOL force = FALSE;
    int c, nnames = 0;
    nr_router *r;

    if (cli_wants_help(argc, argv, use_help))
        return EXIT_SUCCESS;
    if (!(names = calloc((size_t)argc, sizeof *names)))
        return cli_report("use", WN_OUT_OF_MEMORY);
    /* '-' first: the arguments come in order, the names (code 1) among the
     * options, so that a net use switch is told from a name where it
     * stands, and never from an option's value (--password-file /pw). */
    while ((c = getopt_long(argc, argv, "-:ptP:u:h", opts, NULL)) != -1) {
        cli_switch sw;
        switch (c) {
        case 1:
            if (!cli_is_switch(optarg)) {
                names[nnames++] = optarg;
                break;
            }
            if (cli_parse_switch(optarg, &sw) != EXIT_SUCCESS) {
                free(names);
                return EXIT_USAGE;
            }
            switch (sw.kind) {
            case CLI_SWITCH_DELETE: delete = true; break;
            case CLI_SWITCH_YES: force = TRUE; break;
            case CLI_SWITCH_NO: force = FALSE; break;
            case CLI_SWITCH_USER:
                user = sw.value;
                connect_option = optarg;
                break;
            case CLI_SWITCH_PERSISTENT: /* never returned: yes or no */
            case CLI_SWITCH_PERSISTENT_YES:
            case CLI_SWITCH_PERSISTENT_NO:
                if (sw.kind == CLI_SWITCH_PERSISTENT_YES)
                    flags |= CONNECT_UPDATE_PROFILE;
                else
                    flags &= ~(DWORD)CONNECT_UPDATE_PROFILE;
                persistent_switch = true;
                connect_option = optarg;
                break;
            }
            break;
        case 'p':
            flags |= CONNECT_UPDATE_PROFILE;
            connect_option = "--persistent";
            break;
        case 't':
            flags |= CONNECT_TEMPORARY;
            connect_option = "--temporary";
            break;
        case 'P':
            res.lpProvider = optarg;
            connect_option = "--provider";
            break;
        case 'u':
            user = optarg;
            connect_option = "--user";
            break;
        case 'w':
            password_file = optarg;
            connect_option = "--password-file";
            break;
        case 'T':
            if (!strcmp(optarg, "disk"))
                res.dwType = RESOURCETYPE_DISK;
            else if (!strcmp(optarg, "print"))
                res.dwType = RESOURCETYPE_PRINT;
            else if (!strcmp(optarg, "any"))
                res.dwType = RESOURCETYPE_ANY;
            else {
                free(names);
                return cli_usage_error("use", "--type must be disk, print or any, not '%s'", optarg);
            }
            connect_option = "--type";
            break;
        default:
            free(names);
            return cli_option_error("use", c, argv);
        }
    }
    while (optind < argc) /* after "--": names, whatever they look like */
        names[nnames++] = argv[optind++];

    if (delete) {
        int ret;
        if (connect_option)
            ret = cli_usage_error("use", "'/delete' cannot be combined with '%s'", connect_option);
        else if (nnames != 1)
            ret = cli_usage_error("use", "'/delete' takes one NAME, a local or a remote name");
        else
            ret = use_delete(g, names[0], force);
        free(names);
        return ret;
    }
    if (nnames == 0 && argc == 1) {
        free(names);
        return cli_netuse_list(g);
    }
    if (nnames == 0 && persistent_switch) {
        free(names);
        return cli_usage_error("use", "netrouter keeps no default for new connections: give /persistent:yes "
                                      "with each connection to remember");
    }
    if (nnames == 3 && strcmp(names[2], "*") != 0) {
        free(names);
        return cli_usage_error("use", "a password is never taken on the command line, where others can read it: "
                                      "give '*' to be asked for it, or --password-file");
    }
    if (nnames == 1 && (!strcmp(names[0], "-") || !strcmp(names[0], "*"))) {
        int ret = cli_usage_error("use", "'%s' alone names no connection: give a REMOTE to connect without a "
                                  "local name, or a LOCAL to show", names[0]);
        free(names);
        return ret;
    }
    if (nnames == 1 && !connect_option && !user && !persistent_switch) {
        /* "net use X:": a name the router knows as a local name is shown,
         * whatever it looks like ("X:", "a:b"); any other is shown too
         * (error 2250) unless it looks like a remote name. */
        int ret = cli_netuse_show(g, names[0], looks_remote(names[0]));
        if (ret != CLI_NOT_A_LOCAL) {
            free(names);
            return ret;
        }
    }
    if ((nnames == 1 || (nnames == 2 && !strcmp(names[1], "*"))) && looks_remote(names[0])) {
        /* "net use \\server\share [*]": a deviceless connection */
        names[nnames] = names[nnames - 1];
        names[1] = names[0];
        names[0] = "-";
        nnames++;
    }
    if (nnames != 2 && nnames != 3) {
        free(names);
        return cli_usage_error("use", "expected LOCAL and REMOTE");
    }
    if (nnames == 3 && password_file) {
        free(names);
        return cli_usage_error("use", "'*' and --password-file both give the password: choose one");
    }
    if (!strcmp(names[0], "*")) {
        free(names);
        return cli_usage_error("use", "LOCAL '*' (net use's next free drive letter) has no meaning here: "
                                      "give a local name, or '-' for none");
    }
    if (strcmp(names[0], "-") != 0 && !(local = cli_absolute_local(names[0], false))) {
        free(names);
        return EXIT_FAILURE;
    }
    res.lpLocalName = local;
    res.lpRemoteName = (LPSTR)names[1];
    if (password_file || nnames == 3) {
        if (password_file ? !read_password(password_file, password_buf)
                          : cli_prompt_password(res.lpRemoteName, password_buf, sizeof password_buf) != 0) {
            free(local);
            free(names);
            return EXIT_FAILURE;
        }
        password = password_buf;
    }
    if (cli_open_router(g, 0, &r) != EXIT_SUCCESS) {
        explicit_bzero(password_buf, sizeof password_buf);
        free(local);
        free(names);
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
    free(local);
    free(names);
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
    bool remembered;
    const char *target;
    char *owned;
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
    target = cancel_target(r, argv[optind], &owned);
    remembered = (flags & CONNECT_UPDATE_PROFILE) && cli_is_remembered(r, target);
    rc = nr_cancel_connection(r, target, flags, force);
    if (rc == WN_SUCCESS)
        printf("%s disconnected%s\n", target, remembered ? " and forgotten" : "");
    else
        cli_report("cancel", rc);
    nr_router_free(r);
    free(owned);
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
