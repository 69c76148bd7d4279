/*
 * siteconf.c - the site's defaults for every manifest: the router's own
 * configuration file, $(sysconfdir)/netrouter/router.json (or the file
 * NETROUTER_CONFIG names), read once per router.
 *
 *     { "isolation": "process",
 *       "notifier_timeout_ms": 5000, "provider_timeout_ms": 60000 }
 *
 * Every key is optional; a manifest's own key wins over the file, and
 * NETROUTER_ISOLATION over the file's "isolation".  A missing file at the
 * default path means the built-in defaults; a missing file that
 * NETROUTER_CONFIG names, a file that cannot be used or is not valid JSON
 * (a duplicate key, a number beyond 64 bits), and a key that is wrong are
 * problem records naming file, line and key (netrouter plugins shows
 * them).  A wrong key is ignored and the right ones still apply, so a typo
 * in one timeout never turns isolation off.  The file must pass the owner
 * and permission checks of a manifest, and a directory others may write
 * to without the sticky bit is a problem record too.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "env.h"
#include "files.h"
#include "json.h"
#include "suggest.h"
#include "internal.h"

#define SITECONF_MAX_SIZE (64u * 1024) /* a few lines of JSON */

static const char *const site_keys[] = { "isolation", "notifier_timeout_ms", "provider_timeout_ms" };
#define N_SITE_KEYS (sizeof site_keys / sizeof site_keys[0])

typedef struct site_ctx {
    const char *path, *text;
    nr_problems *ps;
} site_ctx;

static void key_problem(site_ctx *c, const char *key, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void key_problem(site_ctx *c, const char *key, const char *fmt, ...)
{
    char buf[512];
    size_t len;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    len = strlen(buf);
    snprintf(buf + len, sizeof buf - len, " (the router's configuration: this key is ignored)");
    nr__problem_at_key(c->ps, c->path, c->text, NULL, key, buf);
}

/* A timeout key: 1 ms to one hour, as a manifest's "timeout_ms". */
static void take_timeout(site_ctx *c, const char *key, json_t *v, int *out)
{
    if (!json_is_integer(v))
        key_problem(c, key, "key \"%s\" must be an integer, not %s", key, nr_json_kind_name(v));
    else if (json_integer_value(v) < 1 || json_integer_value(v) > 3600000)
        key_problem(c, key, "key \"%s\" must be between 1 and 3600000, not %lld", key,
                    (long long)json_integer_value(v));
    else
        *out = (int)json_integer_value(v);
}

static void take_keys(site_ctx *c, json_t *root, nr_siteconf *sc)
{
    const char *key;
    json_t *v;
    json_object_foreach(root, key, v) {
        if (!strncmp(key, "x-", 2))
            continue;
        if (!strcmp(key, "isolation")) {
            const char *t = json_string_value(v);
            if (t && !strcmp(t, "process"))
                sc->isolated = true;
            else if (t && !strcmp(t, "none"))
                sc->isolated = false;
            else if (t)
                key_problem(c, key, "key \"isolation\" must be \"process\" or \"none\", not \"%s\"", t);
            else
                key_problem(c, key, "key \"isolation\" must be a string, not %s", nr_json_kind_name(v));
        } else if (!strcmp(key, "notifier_timeout_ms")) {
            take_timeout(c, key, v, &sc->notifier_timeout_ms);
        } else if (!strcmp(key, "provider_timeout_ms")) {
            take_timeout(c, key, v, &sc->provider_timeout_ms);
        } else {
            const char *near = nr_suggest(key, site_keys, N_SITE_KEYS, sizeof site_keys[0]);
            key_problem(c, key, "unknown key \"%s\"%s%s%s (keys starting with \"x-\" are free for local use)", key,
                        near ? ": did you mean \"" : "", near ? near : "", near ? "\"?" : "");
        }
    }
}

/* Its directory: others may not remove or replace it unseen. */
static void check_directory(const char *path, nr_problems *ps)
{
    char *dir = strdup(path), *slash;
    struct stat st;
    if (!dir)
        return;
    if ((slash = strrchr(dir, '/')))
        *(slash == dir ? slash + 1 : slash) = '\0';
    if (slash && stat(dir, &st) == 0)
        nr__check_directory_mode(dir, &st, "configuration", ps);
    free(dir);
}

static void read_file(const char *path, bool named, nr_siteconf *sc, nr_problems *ps)
{
    nr_secfile_kind kind;
    char *why = NULL, *text;
    size_t size = 0, len;
    json_error_t err;
    json_t *root;
    struct stat st;
    int fd = nr__secfile_open(path, false, &kind, &size, &why);

    if (fd < 0) {
        /* Missing is the usual case of the default path; a file named by
         * NETROUTER_CONFIG, or a symbolic link to nothing, was meant to be
         * there: a typo must not silently turn the site's isolation off. */
        if (errno != ENOENT)
            nr__problem_add(ps, path, NR_STAGE_PARSE, NULL, NULL, 0, 0, WN_ACCESS_DENIED,
                            "the router's configuration is not used: %s", why ? why : strerror(errno));
        else if (named)
            nr__problem_add(ps, path, NR_STAGE_PARSE, NULL, NULL, 0, 0, WN_CANNOT_OPEN_PROFILE,
                            "NETROUTER_CONFIG names this file, which does not exist: the built-in defaults apply");
        else if (lstat(path, &st) == 0)
            nr__problem_add(ps, path, NR_STAGE_PARSE, NULL, NULL, 0, 0, WN_CANNOT_OPEN_PROFILE,
                            "the router's configuration is a symbolic link to nothing: the built-in defaults apply");
        free(why);
        return;
    }
    check_directory(path, ps);
    if (kind == NR_FILE_MASK) { /* empty or /dev/null: the built-in defaults */
        close(fd);
        return;
    }
    text = nr_file_read(fd, size, SITECONF_MAX_SIZE, &len);
    close(fd);
    if (!text) {
        nr__problem_add(ps, path, NR_STAGE_PARSE, NULL, NULL, 0, 0, WN_BAD_VALUE,
                        "the router's configuration is not used: %s",
                        errno == EFBIG ? "it is larger than 64 KiB" : strerror(errno));
        return;
    }
    root = nr_json_parse(text, len, &err);
    if (!root)
        nr__problem_add(ps, path, NR_STAGE_PARSE, NULL, NULL, err.line > 0 ? err.line : 0,
                        err.column > 0 ? err.column : 0, WN_BAD_VALUE,
                        "the router's configuration is not used: invalid JSON: %s", err.text);
    else if (!json_is_object(root))
        nr__problem_add(ps, path, NR_STAGE_SCHEMA, NULL, NULL, 1, 1, WN_BAD_VALUE,
                        "the router's configuration is not used: it must be one JSON object, not %s",
                        nr_json_kind_name(root));
    else
        take_keys(&(site_ctx){ .path = path, .text = text, .ps = ps }, root, sc);
    json_decref(root);
    free(text);
}

void nr__siteconf_load(nr_siteconf *sc, nr_problems *ps)
{
    const char *named = secure_getenv("NETROUTER_CONFIG");
    int env;
    *sc = (nr_siteconf)NR_SITECONF_BUILTIN;
    if (named && *named) {
        char *abs = nr__path_absolute(named); /* relative: from the working directory */
        read_file(abs ? abs : named, true, sc, ps);
        free(abs);
    } else {
        read_file(NR_SYSCONF_ROUTERCONF, false, sc, ps);
    }
    if ((env = nr_isolation_env()) >= 0)
        sc->isolated = env;
    else if (env == NR_ISOLATION_ENV_BAD)
        nr__problem_add(ps, "NETROUTER_ISOLATION", NR_STAGE_SCHEMA, NULL, NULL, 0, 0, WN_BAD_VALUE,
                        "the environment variable NETROUTER_ISOLATION must be \"process\" or \"none\", not \"%s\"; "
                        "it is ignored", secure_getenv("NETROUTER_ISOLATION"));
}
