/*
 * cmd-plugins.c - "netrouter plugins" (what loaded, in order, and every
 * problem) and "netrouter check-manifest" (the validator for plugin authors
 * and packagers).
 */
#include "config.h"

#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "npapi-errors.h"

static const char plugins_help[] =
    "Usage: netrouter plugins [OPTION]...\n"
    "List the plugins the router loads, in calling order, and every problem met\n"
    "while discovering and loading them (file, stage and message), the router's\n"
    "configuration file (router.json) included.  An isolated plugin is marked\n"
    "\"(isolated, N ms)\" with the deadline of one call.\n"
    "\n"
    "      --json     one JSON object {\"plugins\": [...], \"problems\": [...]}\n"
    "  -h, --help     show this help and exit\n"
    "\n"
    "Set NETROUTER_DEBUG=1 to see every directory searched and file considered.\n"
    "Exit status 1 when no plugin manifest was found at all (the message says\n"
    "where the router looked).\n";

static const char check_help[] =
    "Usage: netrouter check-manifest FILE...\n"
    "Validate plugin manifests as the router would load them: JSON syntax,\n"
    "keys and types, library resolution and permissions, loading, entry\n"
    "points and ABI version (the plugin's NrPluginInit is not called).\n"
    "Prints FILE: ok, or FILE:LINE:COLUMN: STAGE: message per problem.\n"
    "Exit status 1 when any file has a problem.\n"
    "\n"
    "  -h, --help     show this help and exit\n";

/* A problem as FILE:LINE:COLUMN: STAGE: message (FILE: STAGE: message
 * without a position), file standing for p->file. */
static void print_problem_to(FILE *f, const char *file, const nr_problem *p)
{
    if (p->line > 0)
        cli_line(f, "%s:%d:%d: %s: %s", file, p->line, p->column, nr_stage_name(p->stage), p->message);
    else
        cli_line(f, "%s: %s: %s", file, nr_stage_name(p->stage), p->message);
}

/* One problem of check-manifest FILE.  Every problem is about FILE itself
 * (its library's included), which is named as it was given, the way
 * compilers name theirs; the library gives it as an absolute path. */
static void print_problem(void *user, const nr_problem *p)
{
    print_problem_to(stderr, user, p);
}

/* Every text goes through cli_json_string(): file names need not be
 * UTF-8, and a record must never be dropped for it.  The code comes with
 * its name ("WN_BAD_VALUE"; null for a code npapi.h does not define). */
static json_t *problem_json(const nr_problem *p)
{
    const char *name = nr_npapi_error_name(p->code);
    return json_pack("{s:o, s:s, s:i, s:i, s:I, s:o, s:o, s:o, s:o}", "file", cli_json_string(p->file), "stage",
                     nr_stage_name(p->stage), "line", p->line, "column", p->column, "code", (json_int_t)p->code,
                     "error_name", name ? json_string(name) : json_null(), "message", cli_json_string(p->message),
                     "plugin", cli_json_string(p->plugin), "field", cli_json_string(p->field));
}

static json_t *plugin_json(const nr_plugin_info *i)
{
    json_t *o = json_pack("{s:o, s:s, s:i, s:o, s:o, s:o, s:s, s:b, s:s, s:s, s:i}", "name",
                          cli_json_string(i->name), "kind", i->kind == NR_PLUGIN_PROVIDER ? "provider" : "notifier",
                          "order", i->order, "manifest", cli_json_string(i->manifest), "library",
                          cli_json_string(i->library), "description", cli_json_string(i->description), "threading",
                          i->serialized ? "serialized" : "concurrent", "critical", i->critical, "charset",
                          i->charset == NR_PLUGIN_CHARSET_WIDE ? "wide" : "utf-8", "isolation",
                          i->isolated ? "process" : "none", "timeout_ms", i->timeout_ms);
    if (o && i->kind == NR_PLUGIN_NOTIFIER)
        json_object_set_new(o, "on_failure", json_string(i->veto_on_failure ? "veto" : "continue"));
    return o;
}

/* True, after saying so on stderr, when the search found no manifest at
 * all: an empty table alone would read as success. */
static bool nothing_found(const nr_router *r)
{
    for (size_t i = 0; i < nr_router_problem_count(r); i++) {
        const nr_problem *p = nr_router_problem(r, i);
        if (p->stage == NR_STAGE_SEARCH && p->code == WN_NO_NETWORK) {
            cli_line(stderr, "netrouter: plugins: %s", p->message);
            return true;
        }
    }
    return false;
}

int cmd_plugins(const cli_globals *g, int argc, char **argv)
{
    static const struct option opts[] = {
        { "json", no_argument, NULL, 'j' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    nr_router_config cfg = NR_ROUTER_CONFIG_INIT;
    bool json = false;
    nr_router *r;
    DWORD rc;
    int c;

    if (cli_wants_help(argc, argv, plugins_help))
        return EXIT_SUCCESS;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        if (c != 'j')
            return cli_option_error("plugins", c, argv);
        json = true;
    }
    if (optind != argc)
        return cli_usage_error("plugins", "unexpected argument '%s'", argv[optind]);
    cfg.plugin_path = g->plugin_path;
    cfg.state_dir = g->state_dir;
    cfg.flags = NR_ROUTER_IGNORE_CRITICAL; /* always show what loaded and why not */
    cli_log_setup(g, &cfg);
    rc = nr_router_new(&cfg, &r);
    if (rc != WN_SUCCESS)
        return cli_report("plugins", rc);

    if (json) {
        json_t *root = json_object(), *pl = json_array(), *pb = json_array();
        char *s;
        for (size_t i = 0; i < nr_router_plugin_count(r); i++) {
            nr_plugin_info info;
            nr_router_plugin_info(r, i, &info);
            json_array_append_new(pl, plugin_json(&info));
        }
        for (size_t i = 0; i < nr_router_problem_count(r); i++)
            json_array_append_new(pb, problem_json(nr_router_problem(r, i)));
        json_object_set_new(root, "plugins", pl);
        json_object_set_new(root, "problems", pb);
        s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        puts(s ? s : "{}");
        free(s);
        json_decref(root);
    } else {
        printf("%-5s %-8s %-20s %s\n", "ORDER", "KIND", "NAME", "LIBRARY");
        for (size_t i = 0; i < nr_router_plugin_count(r); i++) {
            nr_plugin_info info;
            nr_router_plugin_info(r, i, &info);
            if (info.isolated) /* in a host process of its own: say so, and its deadline */
                cli_line(stdout, "%-5d %-8s %-20s %s (isolated, %d ms)", info.order,
                         info.kind == NR_PLUGIN_PROVIDER ? "provider" : "notifier", info.name, info.library,
                         info.timeout_ms);
            else
                cli_line(stdout, "%-5d %-8s %-20s %s", info.order,
                         info.kind == NR_PLUGIN_PROVIDER ? "provider" : "notifier", info.name, info.library);
        }
        if (nr_router_problem_count(r))
            printf("\nProblems:\n");
        for (size_t i = 0; i < nr_router_problem_count(r); i++) {
            const nr_problem *p = nr_router_problem(r, i);
            print_problem_to(stdout, p->file, p);
        }
    }
    rc = nothing_found(r);
    nr_router_free(r);
    return rc ? EXIT_FAILURE : EXIT_SUCCESS;
}

int cmd_check_manifest(const cli_globals *g, int argc, char **argv)
{
    static const struct option opts[] = {
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int bad = 0, c;
    (void)g;
    if (cli_wants_help(argc, argv, check_help))
        return EXIT_SUCCESS;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1)
        return cli_option_error("check-manifest", c, argv);
    if (argc - optind < 1)
        return cli_usage_error("check-manifest", "expected at least one FILE");
    for (int i = optind; i < argc; i++) {
        size_t n = nr_check_manifest(argv[i], print_problem, argv[i]);
        if (n == 0)
            cli_line(stdout, "%s: ok", argv[i]);
        else
            bad = 1;
    }
    return bad ? EXIT_FAILURE : EXIT_SUCCESS;
}
