/*
 * netuse-args.c - the argument habits of Windows' "net use" that
 * "netrouter use" accepts: the /SWITCH and /SWITCH:VALUE words
 * (/persistent:yes|no, /user:NAME, /delete, /y, /n, in any case and
 * abbreviated as net abbreviates them), and local names given relative to
 * the working directory, made absolute before they reach the router so that
 * the store remembers a name that means the same from everywhere.
 *
 * Only the words are read here; what they do is cmd-connect.c's business.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"

static const struct {
    const char *word; /* lower case, as net use spells it */
    cli_switch_kind kind;
    bool takes_value;
} switches[] = {
    { "delete", CLI_SWITCH_DELETE, false },
    { "persistent", CLI_SWITCH_PERSISTENT, true },
    { "user", CLI_SWITCH_USER, true },
    { "yes", CLI_SWITCH_YES, false },
    { "no", CLI_SWITCH_NO, false },
};

bool cli_is_switch(const char *arg)
{
    const char *p = arg + 1;
    if (arg[0] != '/')
        return false;
    while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
        p++;
    return p > arg + 1 && (*p == '\0' || *p == ':');
}

int cli_parse_switch(const char *arg, cli_switch *out)
{
    const char *word = arg + 1, *colon = strchr(arg, ':');
    size_t len = colon ? (size_t)(colon - word) : strlen(word);
    const char *value = colon ? colon + 1 : NULL;

    for (size_t i = 0; i < sizeof switches / sizeof switches[0]; i++) {
        /* net takes any beginning of a switch's name ("/d", "/p:no"): the
         * first letters of these five differ, so one letter is enough. */
        if (len > strlen(switches[i].word) || strncasecmp(word, switches[i].word, len) != 0)
            continue;
        out->kind = switches[i].kind;
        out->value = value;
        if (!switches[i].takes_value && value)
            return cli_usage_error("use", "option '%.*s' takes no value", (int)(len + 1), arg);
        if (switches[i].takes_value && (!value || !*value))
            return cli_usage_error("use", "option '%.*s' needs a value: '/%s:%s'", (int)(len + 1), arg,
                                   switches[i].word, out->kind == CLI_SWITCH_USER ? "NAME" : "yes|no");
        if (out->kind == CLI_SWITCH_PERSISTENT) {
            if (!strcasecmp(value, "yes"))
                out->kind = CLI_SWITCH_PERSISTENT_YES;
            else if (!strcasecmp(value, "no"))
                out->kind = CLI_SWITCH_PERSISTENT_NO;
            else
                return cli_usage_error("use", "option '%.*s' takes yes or no, not '%s'", (int)(len + 1), arg,
                                       value);
        }
        return EXIT_SUCCESS;
    }
    return cli_usage_error("use",
                           "unknown option '%.*s' (a local name of one component, such as /mnt, goes after "
                           "'--': 'netrouter use -- /mnt REMOTE')",
                           (int)(len + 1), arg);
}

/* dir + "/" + base, malloc'd (NULL when out of memory). */
static char *join(const char *dir, const char *base)
{
    char *s = NULL;
    if (asprintf(&s, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", base) < 0)
        return NULL;
    return s;
}

char *cli_absolute_local(const char *name, bool quiet)
{
    char *cwd, *path, *slash, *dir, *out;
    const char *base;

    if (name[0] == '/')
        return strdup(name);
    if (!name[0]) { /* never "the working directory": think of "cancel $UNSET" */
        if (!quiet)
            cli_line(stderr, "netrouter: use: the local name is empty (give '-' for no local name)");
        return NULL;
    }
    if (!(cwd = getcwd(NULL, 0))) {
        if (!quiet)
            cli_line(stderr, "netrouter: use: the local name %s is relative, and the working directory cannot "
                     "be named: %m", name);
        return NULL;
    }
    path = join(cwd, name);
    free(cwd);
    if (!path)
        goto no_memory;
    /* The directory part as the kernel would reach it ("..", symbolic
     * links and "." resolved), when it exists; the last component stays as
     * given, since it need not exist yet (a provider may make it). */
    while ((slash = strrchr(path, '/')) && slash != path && slash[1] == '\0')
        *slash = '\0'; /* "dir/" names dir */
    slash = strrchr(path, '/');
    base = slash + 1;
    if (!strcmp(base, ".") || !strcmp(base, "..")) {
        if ((out = realpath(path, NULL))) {
            free(path);
            return out;
        }
        return path;
    }
    *slash = '\0';
    dir = realpath(slash == path ? "/" : path, NULL);
    *slash = '/';
    if (!dir)
        return path; /* the kernel will say what is missing */
    out = join(dir, base);
    free(dir);
    free(path);
    if (!out)
        goto no_memory;
    return out;

no_memory:
    if (!quiet)
        fprintf(stderr, "netrouter: use: out of memory\n");
    return NULL;
}
