/*
 * cmd-policy.c - "netrouter policy check": what the policy notifier would
 * decide about one operation, and the rule that would decide it, without
 * connecting anything.
 *
 * The rules are read and judged by the policy notifier's own library
 * (notifiers/policy/rules/policy.h), so the answer is the notifier's.  The
 * directory is --dir, else the "config" of the loaded notifier named
 * "policy" (found through the router's plugin search, so --plugin-path
 * applies), else the default $(sysconfdir)/netrouter/policy.d.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "files.h"
#include "policy.h"

static const char policy_help[] =
    "Usage: netrouter policy check [OPTION]... REMOTE [LOCAL]\n"
    "  or:  netrouter policy check --operation cancel [OPTION]... NAME\n"
    "Say whether the policy notifier would allow an operation, and which rule\n"
    "(FILE:LINE) or default decides, without connecting anything.  The rule\n"
    "files are read as the notifier reads them (netrouter-policy(5)); problems\n"
    "with them are warnings on standard error.\n"
    "\n"
    "      --operation=OP   add (the default) or cancel\n"
    "      --user=USER      decide for USER (a name or a numeric ID) instead of\n"
    "                       the calling user\n"
    "      --provider=NAME  as if the operation named this provider\n"
    "      --time=HH:MM     decide at this local time instead of now\n"
    "      --dir=DIR        read the rule files of DIR instead of the directory of\n"
    "                       the loaded policy notifier (its manifest's \"dir\", else\n"
    "                       the default)\n"
    "      --json           print the decision as one JSON object\n"
    "  -h, --help           show this help and exit\n"
    "\n"
    "Prints one line: \"allowed ...\" or \"denied ...\" with the rule.\n"
    "Exit status: 0 allowed, 1 denied, 2 on a usage error (an unknown user too).\n";

typedef struct check_args {
    nr_policy_request rq;
    const char *user, *dir, *time;
    bool json;
    json_t *problems; /* --json: the problems met while reading */
} check_args;

static void print_problem(void *user, const nr_policy_problem *p)
{
    check_args *a = user;
    if (a->json) {
        json_array_append_new(a->problems,
                              json_pack("{s:o, s:i, s:i, s:o, s:o}", "file", cli_json_string(p->file), "line", p->line,
                                        "column", p->column, "key", cli_json_string(p->key), "message",
                                        cli_json_string(p->message)));
        return;
    }
    if (p->line > 0)
        cli_line(stderr, "netrouter: policy: warning: %s:%d:%d: %s%s%s; the file is skipped", p->file, p->line,
                 p->column, p->key ? p->key : "", p->key ? ": " : "", p->message);
    else
        cli_line(stderr, "netrouter: policy: warning: %s: %s", p->file, p->message);
}

/* The "config" of the manifest at path as JSON text (malloc'ed), "{}"
 * without one; NULL after saying why. */
static char *manifest_config(const char *path)
{
    char why[NR_WHY_SIZE];
    size_t len;
    char *text = nr_file_load(AT_FDCWD, path, 0, 1u << 20, &len, NULL, why), *out = NULL;
    json_t *root, *config;
    if (!text) {
        cli_line(stderr, "netrouter: policy: %s %s: %s", nr_file_load_verb(errno), path, why);
        return NULL;
    }
    root = json_loadb(text, len, 0, NULL);
    free(text);
    config = json_object_get(root, "config");
    out = config ? json_dumps(config, JSON_COMPACT) : strdup("{}");
    json_decref(root);
    return out;
}

/* Fills *cfg from the loaded policy notifier, or with the defaults when
 * none is loaded (after a note: its rules are not enforced). */
static int find_config(const cli_globals *g, nr_policy_config *cfg)
{
    nr_router_config rc = NR_ROUTER_CONFIG_INIT;
    char why[256], *text = NULL;
    const char *manifest = NULL;
    nr_router *r;
    nr_plugin_info info;
    int ok;

    rc.plugin_path = g->plugin_path;
    rc.state_dir = g->state_dir;
    rc.flags = NR_ROUTER_IGNORE_CRITICAL | NR_ROUTER_NO_STORE; /* no log function: the router stays quiet */
    if (nr_router_new(&rc, &r) != WN_SUCCESS)
        r = NULL;
    for (size_t i = 0; r && i < nr_router_plugin_count(r); i++)
        if (nr_router_plugin_info(r, i, &info) == WN_SUCCESS && info.kind == NR_PLUGIN_NOTIFIER &&
            !strcmp(info.name, "policy"))
            manifest = info.manifest;
    if (manifest && !(text = manifest_config(manifest))) {
        nr_router_free(r);
        return -1;
    }
    if (!manifest)
        fprintf(stderr, "netrouter: policy: note: no policy notifier is loaded (see 'netrouter plugins'): the "
                        "rules of %s are not enforced\n", nr_policy_default_dir());
    ok = nr_policy_config_parse(text, cfg, why, sizeof why);
    if (ok < 0)
        cli_line(stderr, "netrouter: policy: %s: %s", manifest, why);
    free(text);
    nr_router_free(r);
    return ok;
}

static void print_json(const check_args *a, const char *dir, const nr_policy_decision *d, const char *text)
{
    static const char *const by[] = { "rule", "default", "nothing", "error" };
    const nr_policy_subject *s = a->rq.subject;
    char hhmm[16];
    json_t *o, *rq;
    char *out;

    snprintf(hhmm, sizeof hhmm, "%02d:%02d", a->rq.minute / 60, a->rq.minute % 60);
    rq = json_pack("{s:s, s:o, s:o, s:o, s:o, s:I, s:s}", "operation", a->rq.op == NR_POLICY_ADD ? "add" : "cancel",
                   "remote", cli_json_string(a->rq.remote), "local", cli_json_string(a->rq.local), "provider",
                   cli_json_string(a->rq.provider), "user", cli_json_string(s->name), "uid", (json_int_t)s->uid,
                   "time", hhmm);
    o = json_pack("{s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:O}", "decision", d->allow ? "allow" : "deny", "by",
                  by[d->by], "file", cli_json_string(d->file), "line", d->line > 0 ? json_integer(d->line) : json_null(),
                  "rule", d->by == NR_POLICY_BY_RULE ? json_integer((json_int_t)d->rule) : json_null(), "comment",
                  cli_json_string(d->comment), "text", cli_json_string(text), "dir", cli_json_string(dir), "problems",
                  a->problems);
    if (o && rq)
        json_object_set_new(o, "request", rq);
    else
        json_decref(rq);
    out = o ? json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
    puts(out ? out : "{}");
    free(out);
    json_decref(o);
}

static int check(const cli_globals *g, check_args *a)
{
    nr_policy_config cfg = { NULL, -1 };
    nr_policy_subject *subject;
    nr_policy_decision d;
    nr_policy *p;
    char text[1024];
    int minute = -1, rc;

    if (a->time && (minute = nr_policy_parse_minute(a->time, strlen(a->time), false)) < 0)
        return cli_usage_error("policy check", "--time: '%s' is not a local time HH:MM", a->time);
    if (a->user) {
        if (!(subject = nr_policy_subject_of_user(a->user)))
            return errno == ENOENT ? cli_usage_error("policy check", "--user: no such user '%s'", a->user)
                                   : cli_report("policy check", WN_OUT_OF_MEMORY);
    } else if (!(subject = nr_policy_subject_of_uid(getuid(), getgid()))) {
        return cli_report("policy check", WN_OUT_OF_MEMORY);
    }
    if (a->dir)
        cfg.dir = strdup(a->dir);
    else if (find_config(g, &cfg) < 0) {
        nr_policy_subject_free(subject);
        return EXIT_FAILURE;
    }
    a->problems = json_array();
    p = cfg.dir ? nr_policy_load(cfg.dir, print_problem, a) : NULL;
    if (!p) {
        nr_policy_subject_free(subject);
        nr_policy_config_free(&cfg);
        json_decref(a->problems);
        return cli_report("policy check", WN_OUT_OF_MEMORY);
    }
    a->rq.subject = subject;
    a->rq.minute = minute >= 0 ? minute : cfg.test_minute >= 0 ? cfg.test_minute : nr_policy_minute_now();
    nr_policy_decide(p, &a->rq, &d);
    nr_policy_describe(&d, text, sizeof text);
    if (a->json)
        print_json(a, cfg.dir, &d, text);
    else
        cli_line(stdout, "%s", text);
    rc = d.allow ? EXIT_SUCCESS : EXIT_FAILURE;
    json_decref(a->problems);
    nr_policy_free(p);
    nr_policy_subject_free(subject);
    nr_policy_config_free(&cfg);
    return rc;
}

int cmd_policy(const cli_globals *g, int argc, char **argv)
{
    static const struct option opts[] = {
        { "operation", required_argument, NULL, 'o' },
        { "user", required_argument, NULL, 'u' },
        { "provider", required_argument, NULL, 'p' },
        { "time", required_argument, NULL, 't' },
        { "dir", required_argument, NULL, 'd' },
        { "json", no_argument, NULL, 'j' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    check_args a = { .rq = { .op = NR_POLICY_ADD } };
    int c;

    if (cli_wants_help(argc, argv, policy_help))
        return EXIT_SUCCESS;
    if (argc < 2)
        return cli_usage_error("policy", "expected a subcommand: check");
    if (strcmp(argv[1], "check"))
        return cli_usage_error("policy", "unknown subcommand '%s' (expected: check)", argv[1]);
    argc--;
    argv++;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'o':
            if (!strcmp(optarg, "add"))
                a.rq.op = NR_POLICY_ADD;
            else if (!strcmp(optarg, "cancel"))
                a.rq.op = NR_POLICY_CANCEL;
            else
                return cli_usage_error("policy check", "--operation: '%s' is neither add nor cancel", optarg);
            break;
        case 'u': a.user = optarg; break;
        case 'p': a.rq.provider = optarg; break;
        case 't': a.time = optarg; break;
        case 'd': a.dir = optarg; break;
        case 'j': a.json = true; break;
        default: return cli_option_error("policy check", c, argv);
        }
    }
    if (optind >= argc)
        return cli_usage_error("policy check", a.rq.op == NR_POLICY_ADD ? "expected REMOTE [LOCAL]" : "expected NAME");
    if (argc - optind > (a.rq.op == NR_POLICY_ADD ? 2 : 1))
        return cli_usage_error("policy check", "unexpected argument '%s'", argv[argc - 1]);
    a.rq.remote = argv[optind];
    a.rq.local = a.rq.op == NR_POLICY_ADD && optind + 1 < argc ? argv[optind + 1] : NULL;
    return check(g, &a);
}
