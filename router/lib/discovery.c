/*
 * discovery.c - turns the manifest search path into the ordered list of
 * manifests to load (docs/design.md section 3).
 *
 * Search path: the application's list, else $NETROUTER_PLUGIN_PATH (ignored
 * in setuid/setgid processes, through secure_getenv), else
 * $XDG_CONFIG_HOME/netrouter/plugins.d, $(sysconfdir)/netrouter/plugins.d,
 * $(datadir)/netrouter/plugins.d.  For one manifest file name the earliest
 * directory wins; an empty file or a symlink to /dev/null there masks the
 * later ones.  Final order: "order", then "name".
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "env.h"
#include "internal.h"

/* Builds the default search path (strings allocated). */
static void default_path(nr_ptrvec *dirs)
{
    const char *env = secure_getenv("NETROUTER_PLUGIN_PATH");
    if (env && *env) {
        char *copy = strdup(env), *save = NULL;
        for (char *tok = strtok_r(copy, ":", &save); tok; tok = strtok_r(NULL, ":", &save))
            nr__ptrvec_push(dirs, strdup(tok));
        free(copy);
        return;
    }
    char *user = nr_config_path("plugins.d");
    if (user)
        nr__ptrvec_push(dirs, user);
    nr__ptrvec_push(dirs, strdup(NR_SYSCONF_MANIFESTDIR));
    nr__ptrvec_push(dirs, strdup(NR_MANIFESTDIR));
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_manifest_name(const char *n)
{
    size_t l = strlen(n);
    return n[0] != '.' && l > 5 && !strcmp(n + l - 5, ".json");
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* What discovery has seen so far: the paths of the found files and, to look
 * them up in constant time by file name, the key for shadowing and masking,
 * file name -> index.  File names need not be UTF-8, so they go in with the
 * _nocheck call. */
typedef struct found {
    nr_ptrvec files;
    json_t *by_base;
} found;

/* Adds path to the found files unless a file of that name was seen in an
 * earlier entry. */
static void consider(const nr_logger *lg, found *seen, const char *path)
{
    const char *base = base_name(path);
    json_t *earlier = json_object_get(seen->by_base, base);
    char *copy;
    if (earlier) {
        nr__log(lg, NR_LOG_DEBUG, NULL, "skipping %s: %s comes first", path,
                (const char *)seen->files.v[json_integer_value(earlier)]);
        return;
    }
    copy = strdup(path);
    if (!copy || !nr__ptrvec_push(&seen->files, copy)) {
        free(copy);
        return;
    }
    nr__log(lg, NR_LOG_DEBUG, NULL, "found %s", path);
    json_object_set_new_nocheck(seen->by_base, base, json_integer((json_int_t)seen->files.n - 1));
}

/* Adds to the search summary (for the problem saying nothing was found). */
static void note_searched(nr_ptrvec *summary, const char *entry, const char *what)
{
    char *s = nr__asprintf("%s (%s)", entry, what);
    if (s && !nr__ptrvec_push(summary, s))
        free(s);
}

/* A directory that others may write to without the sticky bit lets them
 * remove or rename the manifests in it (their own files would be refused
 * by owner, but a site's plugin can silently vanish): a problem record
 * warns, and the directory is still read. */
void nr__check_directory_mode(const char *dir, const struct stat *st, const char *what, nr_problems *ps)
{
    if (!(st->st_mode & S_IWOTH) || (st->st_mode & S_ISVTX))
        return;
    nr__problem_add(ps, dir, NR_STAGE_SEARCH, NULL, NULL, 0, 0, WN_ACCESS_DENIED,
                    "the %s directory is writable by other users without the sticky bit (mode %04o): "
                    "anybody may remove or replace the %s in it; make it 0755",
                    what, (unsigned)(st->st_mode & 07777), !strcmp(what, "manifest") ? "manifests" : "files");
}

static void scan_entry(const nr_logger *lg, found *files, const char *entry, nr_ptrvec *summary, nr_problems *ps)
{
    struct stat st;
    size_t before = files->files.n;
    if (stat(entry, &st) < 0) {
        nr__log(lg, NR_LOG_DEBUG, NULL, "searching %s: %s", entry, strerror(errno));
        note_searched(summary, entry, strerror(errno));
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        consider(lg, files, entry);
        note_searched(summary, entry, "a file");
        return;
    }
    nr__log(lg, NR_LOG_DEBUG, NULL, "searching directory %s", entry);
    nr__check_directory_mode(entry, &st, "manifest", ps);
    DIR *d = opendir(entry);
    if (!d) {
        note_searched(summary, entry, strerror(errno));
        return;
    }
    nr_ptrvec names = { 0 };
    for (struct dirent *de; (de = readdir(d));)
        if (is_manifest_name(de->d_name))
            nr__ptrvec_push(&names, strdup(de->d_name));
    closedir(d);
    if (names.n)
        qsort(names.v, names.n, sizeof *names.v, cmp_str);
    for (size_t i = 0; i < names.n; i++) {
        char *p = nr__path_join(entry, names.v[i]);
        if (p)
            consider(lg, files, p);
        free(p);
        free(names.v[i]);
    }
    free(names.v);
    note_searched(summary, entry, files->files.n > before ? "manifests" : "no manifest");
}

/* The problem record of a search that found no manifest at all: where the
 * router looked, and what it found there. */
static void nothing_found(const char *first, nr_ptrvec *summary, nr_problems *ps)
{
    size_t len = 1;
    char *text, *at;
    for (size_t i = 0; i < summary->n; i++)
        len += strlen(summary->v[i]) + 2;
    if (!(text = malloc(len)))
        return;
    at = text;
    *at = '\0';
    for (size_t i = 0; i < summary->n; i++)
        at += sprintf(at, "%s%s", i ? ", " : "", (const char *)summary->v[i]);
    nr__problem_add(ps, first ? first : "", NR_STAGE_SEARCH, NULL, NULL, 0, 0,
                    WN_NO_NETWORK, "no plugin manifest was found; the router looked in: %s%s", summary->n ? text : "(nothing)",
                    summary->n ? "" : " (the search path is empty)");
    free(text);
}

static int cmp_manifest(const void *a, const void *b)
{
    const nr_manifest *x = *(nr_manifest *const *)a, *y = *(nr_manifest *const *)b;
    if (x->order != y->order)
        return x->order < y->order ? -1 : 1;
    return strcmp(x->name, y->name);
}

/* Parses one found file; returns the manifest when it should be loaded.
 * names maps the plugin names taken so far to their index in accepted. */
static nr_manifest *take_file(const nr_logger *lg, const char *path, const nr_siteconf *site,
                              const nr_ptrvec *accepted, json_t *names, nr_problems *ps)
{
    nr_secfile_kind kind;
    char *why = NULL;
    size_t size = 0;
    int fd = nr__secfile_open(path, false, &kind, &size, &why);
    nr_manifest *m;
    if (fd < 0) {
        nr__problem_add(ps, path, NR_STAGE_PARSE, NULL, NULL, 0, 0, WN_ACCESS_DENIED, "%s", why);
        free(why);
        return NULL;
    }
    if (kind == NR_FILE_MASK) {
        nr__log(lg, NR_LOG_DEBUG, NULL, "%s is masked (empty or /dev/null): later manifests of that name are disabled", path);
        close(fd);
        return NULL;
    }
    m = nr__manifest_parse(path, fd, size, site, ps);
    close(fd);
    if (!m)
        return NULL;
    if (!m->enabled) {
        nr__log(lg, NR_LOG_DEBUG, NULL, "%s: plugin '%s' is disabled (\"enabled\": false)", path, m->name);
        nr__manifest_free(m);
        return NULL;
    }
    json_t *taken = json_object_get(names, m->name);
    if (taken) {
        const nr_manifest *o = accepted->v[json_integer_value(taken)];
        nr__problem_add(ps, path, NR_STAGE_RESOLVE, m->name, "name", 0, 0, WN_BAD_PROVIDER,
                        "plugin name \"%s\" is already used by %s; names must be unique", m->name, o->path);
        nr__manifest_free(m);
        return NULL;
    }
    return m;
}

void nr__discover(const nr_logger *lg, const char *const *paths, const nr_siteconf *site, nr_ptrvec *out,
                  nr_problems *ps, size_t *critical)
{
    nr_ptrvec dirs = { 0 }, summary = { 0 };
    found files = { { 0 }, json_object() };
    json_t *names = json_object(); /* plugin name -> its index in out */
    *critical = (size_t)-1;
    if (!files.by_base || !names) {
        json_decref(files.by_base);
        json_decref(names);
        nr__problem_add(ps, NULL, NR_STAGE_PARSE, NULL, NULL, 0, 0, WN_OUT_OF_MEMORY,
                        "out of memory: no manifest was read");
        return;
    }
    if (paths) {
        for (const char *const *p = paths; *p; p++)
            nr__ptrvec_push(&dirs, nr__path_absolute(*p)); /* "--plugin-path ." names DIR/x.json */
    } else {
        default_path(&dirs);
    }
    for (size_t i = 0; i < dirs.n; i++)
        if (dirs.v[i])
            scan_entry(lg, &files, dirs.v[i], &summary, ps);
    if (!files.files.n)
        nothing_found(dirs.n ? dirs.v[0] : NULL, &summary, ps);
    for (size_t i = 0; i < dirs.n; i++)
        free(dirs.v[i]);
    free(dirs.v);
    for (size_t i = 0; i < summary.n; i++)
        free(summary.v[i]);
    free(summary.v);

    for (size_t i = 0; i < files.files.n; i++) {
        char *path = files.files.v[i];
        nr_manifest *m = take_file(lg, path, site, out, names, ps);
        bool resolved = m && nr__manifest_resolve(m, ps);
        if (resolved && nr__ptrvec_push(out, m)) {
            json_object_set_new_nocheck(names, m->name, json_integer((json_int_t)out->n - 1));
        } else if (resolved) {
            nr__manifest_free(m); /* out of memory */
        } else {
            if (m && m->critical && *critical == (size_t)-1)
                *critical = ps->n - 1;
            nr__manifest_free(m);
        }
        free(path);
    }
    free(files.files.v);
    json_decref(files.by_base);
    json_decref(names);

    if (out->n)
        qsort(out->v, out->n, sizeof *out->v, cmp_manifest);
    for (size_t i = 0; i < out->n; i++) {
        nr_manifest *m = out->v[i];
        nr__log(lg, NR_LOG_DEBUG, NULL, "order %zu: %s '%s' (order %d) from %s", i + 1,
              m->kind == NR_PLUGIN_PROVIDER ? "provider" : "notifier", m->name, m->order, m->path);
    }
}
