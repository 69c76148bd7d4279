/*
 * main.c - the netrouter command: global options and command dispatch;
 * with no argument at all, the listing of net use.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char main_help[] =
    "Usage: netrouter [OPTION]... COMMAND [ARG]...\n"
    "  or:  netrouter\n"
    "Connect and disconnect network resources through netrouter's providers,\n"
    "with every notifier called before and after each operation.\n"
    "\n"
    "Commands:\n"
    "  use LOCAL REMOTE        connect REMOTE at LOCAL ('-' for no local name);\n"
    "                          also net use's forms: /persistent:yes|no,\n"
    "                          /user:NAME, '*' password, NAME /delete,\n"
    "                          * /delete /y, REMOTE alone (no local name),\n"
    "                          LOCAL alone (show it)\n"
    "  cancel NAME             disconnect a local name, or a remote name's\n"
    "                          connections without a local name\n"
    "  list                    list connected, remembered or browsable resources\n"
    "  restore [LOCAL]         reconnect remembered connections (no notifications)\n"
    "  plugins                 list loaded plugins and every loading problem\n"
    "  check-manifest FILE...  validate plugin manifests\n"
    "  policy check REMOTE [LOCAL]\n"
    "                          what the policy notifier would decide, and why\n"
    "\n"
    "Options:\n"
    "      --plugin-path=PATHS  colon-separated manifest directories or files,\n"
    "                           replacing NETROUTER_PLUGIN_PATH and the defaults\n"
    "      --state-dir=DIR      where remembered connections are stored\n"
    "  -v, --verbose            show the plugins' progress messages (e.g. the\n"
    "                           states of a dial-up) on standard error\n"
    "  -h, --help               show this help and exit\n"
    "      --version            show the version and exit\n"
    "\n"
    "Without any argument, or as 'netrouter use', the connections are listed as\n"
    "net use lists them.  Run 'netrouter COMMAND --help' for the options of a\n"
    "command.\n"
    "\n"
    "Environment: NETROUTER_PLUGIN_PATH, NETROUTER_STATE_DIR, NETROUTER_DEBUG,\n"
    "XDG_CONFIG_HOME, XDG_STATE_HOME.  See netrouter(1).\n"
    "Exit status: 0 on success, 1 when an operation failed, 2 on a usage error.\n";

static const struct { const char *name; cli_command_fn fn; } commands[] = {
    { "use", cmd_use },
    { "cancel", cmd_cancel },
    { "list", cmd_list },
    { "restore", cmd_restore },
    { "plugins", cmd_plugins },
    { "check-manifest", cmd_check_manifest },
    { "policy", cmd_policy },
};

/* Every byte of standard output reached its file, or the command fails:
 * a listing cut short by a full disk must not look like a whole one. */
static int finish_output(int rc)
{
    int flushed;
    errno = 0;
    flushed = fflush(stdout);
    if (flushed == 0 && !ferror(stdout))
        return rc;
    /* errno names the cause only when this flush failed; an earlier failed
     * write left just the error flag. */
    fprintf(stderr, "netrouter: cannot write the output: %s\n",
            flushed != 0 && errno ? strerror(errno) : "write error");
    return rc == EXIT_SUCCESS ? EXIT_FAILURE : rc;
}

/* Splits a colon list into a NULL-terminated array (empty items dropped). */
static char **split_path(char *paths)
{
    size_t n = 1;
    char **v, *save = NULL;
    for (const char *p = paths; *p; p++)
        n += *p == ':';
    v = calloc(n + 1, sizeof *v);
    if (!v)
        return NULL;
    n = 0;
    for (char *tok = strtok_r(paths, ":", &save); tok; tok = strtok_r(NULL, ":", &save))
        v[n++] = tok;
    return v;
}

int main(int argc, char **argv)
{
    /* The user's character type (UTF-8 on a modern system): plugins run in
     * this process, and a wide one converts with wcstombs() and friends,
     * which need it (netrouter-plugin(7), "Porting from Windows"). */
    setlocale(LC_CTYPE, "");
    static const struct option opts[] = {
        { "plugin-path", required_argument, NULL, 'P' },
        { "state-dir", required_argument, NULL, 'S' },
        { "verbose", no_argument, NULL, 'v' },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { NULL, 0, NULL, 0 },
    };
    cli_globals g = { 0 };
    char **path = NULL;
    int c, rc;

    /* "net" alone shows help; "net use" alone and "netrouter" alone list
     * the connections.  Only with no argument at all: a global option
     * without a command is still a usage error. */
    if (argc == 1)
        return finish_output(cli_netuse_list(&g));

    opterr = 0; /* cli_option_error() says what is wrong, once */
    while ((c = getopt_long(argc, argv, "+:hv", opts, NULL)) != -1) {
        switch (c) {
        case 'P':
            free(path);
            path = split_path(optarg);
            g.plugin_path = (const char *const *)path;
            break;
        case 'S':
            g.state_dir = optarg;
            /* Providers that keep state of their own (the symlink example)
             * find it through the same variable the router reads. */
            setenv("NETROUTER_STATE_DIR", optarg, 1);
            break;
        case 'v':
            g.verbose = true;
            break;
        case 'h':
            fputs(main_help, stdout);
            free(path);
            return finish_output(EXIT_SUCCESS);
        case 'V':
            printf("netrouter %s\n", nr_version());
            free(path);
            return finish_output(EXIT_SUCCESS);
        default:
            free(path);
            return cli_option_error(NULL, c, argv);
        }
    }
    if (optind >= argc) {
        free(path);
        return cli_usage_error(NULL, "no command given");
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(argv[optind], commands[i].name) != 0)
            continue;
        int sub_argc = argc - optind;
        char **sub_argv = argv + optind;
        optind = 0; /* reset getopt for the command's own options */
        rc = commands[i].fn(&g, sub_argc, sub_argv);
        free(path);
        return finish_output(rc);
    }
    rc = cli_usage_error(NULL, "unknown command '%s'", argv[optind]);
    free(path);
    return rc;
}
