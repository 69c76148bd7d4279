/*
 * output.c - how the netrouter command talks to people and scripts: error
 * lines with the code and both texts, usage errors, help, and the JSON form
 * of a resource.  Text that comes from files or plugins (names, problem
 * messages, extended errors) is printed through cli_line(), which shows
 * control characters instead of sending them to the terminal.
 */
#include "config.h"

#include <getopt.h>
#include <jansson.h>
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "cli.h"
#include "env.h"
#include "utf8.h"

void cli_line(FILE *f, const char *fmt, ...)
{
    char *text = NULL;
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(&text, fmt, ap) < 0)
        text = NULL;
    va_end(ap);
    if (!text)
        return;
    /* C0 controls and DEL, and C1 controls in their UTF-8 form (C2 80..9F),
     * are what a terminal acts on; everything else is shown as it is. */
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p < 0x20 || *p == 0x7f)
            fprintf(f, "\\x%02x", *p);
        else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
            fprintf(f, "\\u%04x", *++p);
        else
            putc(*p, f);
    }
    putc('\n', f);
    free(text);
}

size_t cli_width(const char *text)
{
    /* Names are UTF-8 whatever the user's locale, so their widths are the
     * UTF-8 locale's: C.UTF-8 (in glibc itself), else the user's. */
    static locale_t utf8;
    static bool tried;
    locale_t old = (locale_t)0;
    size_t w = 0;
    if (!tried) {
        tried = true;
        utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    }
    if (utf8)
        old = uselocale(utf8);
    for (const unsigned char *p = (const unsigned char *)text; *p;) {
        uint32_t cp;
        int cw;
        if (*p < 0x20 || *p == 0x7f) {
            w += 4, p++;
        } else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
            w += 6, p += 2;
        } else if ((cp = nr_utf8_decode(&p)) == (uint32_t)-1) {
            w++, p++; /* a byte that is no character: one column, as terminals show it */
        } else {
            cw = wcwidth((wchar_t)cp);
            w += cw >= 0 ? (size_t)cw : 1;
        }
    }
    if (utf8)
        uselocale(old);
    return w;
}

int cli_report(const char *what, DWORD code)
{
    DWORD last;
    char text[1024], provider[256];
    nr_get_last_error(&last, text, sizeof text, provider, sizeof provider);
    fprintf(stderr, "netrouter: %s%serror %u: %s\n", what ? what : "", what ? ": " : "", (unsigned)code,
            nr_strerror(code));
    if (*text && strcmp(text, nr_strerror(code)) != 0) {
        if (*provider && strcmp(provider, "netrouter") != 0)
            cli_line(stderr, "netrouter: %s: %s", provider, text);
        else
            cli_line(stderr, "netrouter: %s", text);
    }
    return EXIT_FAILURE;
}

int cli_usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "netrouter: ");
    if (command)
        fprintf(stderr, "%s: ", command);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'netrouter %s%s--help' for more information.\n", command ? command : "",
            command ? " " : "");
    return EXIT_USAGE;
}

int cli_option_error(const char *command, int c, char **argv)
{
    const char *arg = optind > 0 ? argv[optind - 1] : "";
    char short_name[3] = { '-', (char)optopt, '\0' };
    const char *eq;
    if (strncmp(arg, "--", 2) != 0) /* a short option, maybe among others ("-pX") */
        return cli_usage_error(command, c == ':' ? "option '%s' needs a value" : "unknown option '%s'",
                               optopt ? short_name : arg);
    if (c == ':')
        return cli_usage_error(command, "option '%s' needs a value", arg);
    if (optopt && (eq = strchr(arg, '=')))
        return cli_usage_error(command, "option '%.*s' takes no value", (int)(eq - arg), arg);
    return cli_usage_error(command, "unknown option '%s'", arg);
}

/* The router's and the plugins' log lines on standard error, as they
 * happen, down to the level cli_log_setup() chose (log_user points to it);
 * warnings and errors say so. */
static void cli_log(void *user, DWORD level, const char *plugin, const char *message)
{
    if (level > *(const DWORD *)user)
        return;
    cli_line(stderr, "netrouter: %s%s%s%s", level <= NR_LOG_WARNING ? "warning: " : "", plugin ? plugin : "",
             plugin ? ": " : "", message);
}

void cli_log_setup(const cli_globals *g, nr_router_config *cfg)
{
    /* With a log function the library hands it every line and prints none
     * itself, NETROUTER_DEBUG's included: so the same rule as the
     * library's decides whether they are all wanted. */
    static DWORD max_level;
    if (nr_debug_requested())
        max_level = NR_LOG_DEBUG;
    else if (g->verbose)
        max_level = NR_LOG_INFO; /* the plugins' progress, e.g. the states of a dial-up */
    else
        max_level = NR_LOG_WARNING; /* what went wrong on the side: a provider that could not list
                                       its connections, a notifier that cannot write its log */
    cfg->log = cli_log;
    cfg->log_user = &max_level;
}

int cli_open_router(const cli_globals *g, DWORD flags, nr_router **out)
{
    nr_router_config cfg = NR_ROUTER_CONFIG_INIT;
    DWORD rc;
    cfg.plugin_path = g->plugin_path;
    cfg.state_dir = g->state_dir;
    cfg.flags = flags;
    cli_log_setup(g, &cfg);
    rc = nr_router_new(&cfg, out);
    if (rc != WN_SUCCESS)
        return cli_report("cannot start the router", rc);
    /* Load problems are listed by 'netrouter plugins'; here one line each.
     * Not the failed calls of isolated plugins that earlier programs met
     * (stage "call", kept for a day): 'netrouter plugins' shows them, and
     * a failure of this command's own calls is logged when it happens. */
    for (size_t i = 0; i < nr_router_problem_count(*out); i++) {
        const nr_problem *p = nr_router_problem(*out, i);
        if (p->stage != NR_STAGE_CALL)
            cli_line(stderr, "netrouter: warning: %s: %s: %s", p->file, nr_stage_name(p->stage), p->message);
    }
    return EXIT_SUCCESS;
}

bool cli_wants_help(int argc, char **argv, const char *help)
{
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--"))
            break;
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(help, stdout);
            return true;
        }
    }
    return false;
}

const char *cli_or_dash(const char *s)
{
    return s && *s ? s : "-";
}

static const char *scope_name(DWORD s)
{
    switch (s) {
    case RESOURCE_CONNECTED: return "connected";
    case RESOURCE_GLOBALNET: return "globalnet";
    case RESOURCE_REMEMBERED: return "remembered";
    case RESOURCE_RECENT: return "recent";
    case RESOURCE_CONTEXT: return "context";
    }
    return "unknown";
}

static const char *type_name(DWORD t)
{
    switch (t) {
    case RESOURCETYPE_ANY: return "any";
    case RESOURCETYPE_DISK: return "disk";
    case RESOURCETYPE_PRINT: return "print";
    }
    return "unknown";
}

json_t *cli_json_string(const char *s)
{
    size_t len, at;
    char *copy, *out;
    json_t *v;
    if (!s)
        return json_null();
    if ((at = nr_utf8_invalid_at(s)) == (size_t)-1)
        return json_string(s);
    /* each byte that starts no UTF-8 sequence becomes U+FFFD (3 bytes) */
    len = strlen(s);
    if (!(copy = malloc(len * 3 + 1)))
        return NULL;
    out = copy;
    while (at != (size_t)-1) {
        memcpy(out, s, at);
        out += at;
        memcpy(out, "\xef\xbf\xbd", 3);
        out += 3;
        s += at + 1;
        at = nr_utf8_invalid_at(s);
    }
    strcpy(out, s);
    v = json_string(copy);
    free(copy);
    return v;
}

char *cli_resource_json(const NETRESOURCE *r)
{
    json_t *o = json_pack("{s:s, s:s, s:I, s:I, s:b}", "scope", scope_name(r->dwScope), "type", type_name(r->dwType),
                          "display_type", (json_int_t)r->dwDisplayType, "usage", (json_int_t)r->dwUsage,
                          "container", (r->dwUsage & RESOURCEUSAGE_CONTAINER) != 0);
    char *s;
    if (!o)
        return NULL;
    json_object_set_new(o, "local", cli_json_string(r->lpLocalName));
    json_object_set_new(o, "remote", cli_json_string(r->lpRemoteName));
    json_object_set_new(o, "provider", cli_json_string(r->lpProvider));
    json_object_set_new(o, "comment", cli_json_string(r->lpComment));
    s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    return s;
}
