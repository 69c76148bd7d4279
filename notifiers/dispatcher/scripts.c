/*
 * scripts.c - which dispatcher scripts run, in which order (scripts.h).
 *
 * It owns the trust rules of the script directories and files: the same
 * owner and mode rules as the router's manifests (docs/design.md section 3;
 * router/common/files.c judges those, but a plugin includes only the SDK,
 * so this is the plugin's one copy).  The directory is read anew for every
 * action, so scripts added or removed take effect at the next operation.
 * The files are judged just before the list is returned: the directory
 * they are in must itself pass the rules, so nobody but root or the
 * router's user can swap one in between.  An entry is looked at with lstat:
 * a symbolic link to /dev/null masks; any other symbolic link is resolved
 * (realpath) and its target must pass the file rules AND every directory
 * from the target's parent up to "/" must be owned by root or the current
 * user and not writable by its group or others unless sticky (/tmp 1777
 * passes, /tmp/x 0777 does not); the resolved path, not the link, is what
 * runs, so what was judged is what is executed.  A link that leads nowhere
 * is skipped with a warning.  Refusals are warnings before each action,
 * and problem records (pfnReportProblem) when dsp_scripts_report judges
 * the directories once at NrPluginInit.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* realpath(path, NULL) */
#endif
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "scripts.h"

/* Where refusals go: warnings through pfnLog (before an action), or, for
 * the scan at NrPluginInit, problem records through pfnReportProblem. */
typedef struct teller {
    const NR_PLUGIN_HOST *host; /* may be NULL: nothing is said */
    bool report;
} teller;

static void warn(const teller *t, const char *path, const char *why)
{
    char text[640];
    if (!t->host)
        return;
    if (t->report) {
        snprintf(text, sizeof text, "skipped: %s", why);
        t->host->pfnReportProblem(t->host, path, 0, NULL, text);
    } else {
        t->host->pfnLog(t->host, NR_LOG_WARNING, "skipping %s: %s", path, why);
    }
}

/* The owner and mode rules; NULL when st passes, else why not. */
static const char *untrusted(const struct stat *st, char *why, size_t size)
{
    uid_t me = geteuid();
    if (st->st_uid != 0 && st->st_uid != me) {
        snprintf(why, size, "it is owned by uid %u, neither root nor the current user", (unsigned)st->st_uid);
        return why;
    }
    if (st->st_mode & (S_IWGRP | S_IWOTH)) {
        snprintf(why, size, "it is writable by %s (mode %04o)", (st->st_mode & S_IWOTH) ? "other users" : "its group",
                 (unsigned)(st->st_mode & 07777));
        return why;
    }
    return NULL;
}

static bool ignored_name(const char *name)
{
    static const char *const suffixes[] = { "~", ".rpmsave", ".rpmorig", ".rpmnew", ".swp" };
    size_t len = strlen(name);
    const char *dpkg;
    if (name[0] == '.')
        return true;
    for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
        size_t sl = strlen(suffixes[i]);
        if (len >= sl && !strcmp(name + len - sl, suffixes[i]))
            return true;
    }
    dpkg = strstr(name, ".dpkg-");
    return dpkg && !strchr(dpkg + 1, '.');
}

/* A candidate: every name seen, and whether it runs. */
typedef struct entry {
    char *name, *path;
    bool runs;
} entry;

typedef struct list {
    entry *v;
    size_t n, cap;
} list;

static bool seen(const list *l, const char *name)
{
    for (size_t i = 0; i < l->n; i++)
        if (!strcmp(l->v[i].name, name))
            return true;
    return false;
}

static int add(list *l, const char *dir, const char *name, bool runs)
{
    entry e = { strdup(name), malloc(strlen(dir) + strlen(name) + 2), runs };
    if (!e.name || !e.path)
        goto oom;
    sprintf(e.path, "%s/%s", dir, name);
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        entry *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            goto oom;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = e;
    return 0;
oom:
    free(e.name);
    free(e.path);
    return -1;
}

/* Whether the directories of the resolved (symbolic-link free) path hold
 * it safely: every one from its parent up to "/" owned by root or the
 * current user and not writable by its group or others unless sticky.
 * NULL when they do, else why not (in why). */
static const char *unsafe_parents(const char *resolved, char *why, size_t size)
{
    char *dir = strdup(resolved);
    const char *bad = NULL;
    uid_t me = geteuid();
    if (!dir) {
        snprintf(why, size, "out of memory");
        return why;
    }
    for (;;) {
        char *slash = strrchr(dir, '/');
        struct stat st;
        if (!slash)
            break;
        if (slash == dir)
            slash[1] = '\0'; /* the root */
        else
            *slash = '\0';
        if (lstat(dir, &st) < 0) {
            snprintf(why, size, "it leads to %s, whose directory %s cannot be checked: %s", resolved, dir,
                     strerror(errno));
            bad = why;
            break;
        }
        if (st.st_uid != 0 && st.st_uid != me) {
            snprintf(why, size, "it leads to %s, whose directory %s is owned by uid %u, neither root nor the current user",
                     resolved, dir, (unsigned)st.st_uid);
            bad = why;
            break;
        }
        if ((st.st_mode & (S_IWGRP | S_IWOTH)) && !(st.st_mode & S_ISVTX)) {
            snprintf(why, size, "it leads to %s, whose directory %s is writable by %s (mode %04o)", resolved, dir,
                     (st.st_mode & S_IWOTH) ? "other users" : "its group", (unsigned)(st.st_mode & 07777));
            bad = why;
            break;
        }
        if (!strcmp(dir, "/"))
            break;
    }
    free(dir);
    return bad;
}

/* Whether the entry e of a directory's listing runs (false: skipped, with
 * a warning when it is refused).  A symbolic link other than a mask is
 * replaced by its resolved target, which must pass the file rules and sit
 * in directories nobody else may change (unsafe_parents), so that the file
 * judged is the file executed. */
static bool judge_file(const teller *t, entry *e)
{
    struct stat st;
    char why[512];
    const char *path = e->path;
    char *resolved = NULL;
    bool runs = false;

    if (lstat(path, &st) < 0) {
        snprintf(why, sizeof why, "cannot stat it: %s", strerror(errno));
        warn(t, path, why);
        return false;
    }
    if (S_ISLNK(st.st_mode)) {
        if (!(resolved = realpath(path, NULL))) {
            snprintf(why, sizeof why, "it is a symbolic link that leads nowhere (%s)", strerror(errno));
            warn(t, path, why);
            return false;
        }
        if (stat(resolved, &st) < 0) {
            snprintf(why, sizeof why, "it leads to %s, which cannot be checked: %s", resolved, strerror(errno));
            warn(t, path, why);
            goto out;
        }
        if (S_ISCHR(st.st_mode) && major(st.st_rdev) == 1 && minor(st.st_rdev) == 3)
            goto out; /* a link to /dev/null: masked */
        if (S_ISDIR(st.st_mode))
            goto out; /* a link to a directory: not a script */
        if (unsafe_parents(resolved, why, sizeof why)) {
            warn(t, path, why);
            goto out;
        }
        path = resolved;
    }
    if (S_ISDIR(st.st_mode))
        goto out; /* a subdirectory: not a script */
    if (S_ISCHR(st.st_mode) && major(st.st_rdev) == 1 && minor(st.st_rdev) == 3)
        goto out; /* /dev/null itself: masked */
    if (!S_ISREG(st.st_mode)) {
        warn(t, e->path, "it is not a regular file");
        goto out;
    }
    if (untrusted(&st, why, sizeof why)) {
        warn(t, e->path, why);
        goto out;
    }
    if (st.st_mode & (S_ISUID | S_ISGID)) {
        warn(t, e->path, "it is setuid or setgid");
        goto out;
    }
    if (!(st.st_mode & (S_IXUSR | S_IXGRP | S_IXOTH)) || access(path, X_OK) != 0) {
        if (t->host && !t->report)
            t->host->pfnLog(t->host, NR_LOG_DEBUG, "%s is not executable: not run", e->path);
        goto out;
    }
    runs = true;
    if (resolved) { /* run the target, never the link another could repoint */
        free(e->path);
        e->path = resolved;
        resolved = NULL;
    }
out:
    free(resolved);
    return runs;
}

/* Adds the entries of one directory that no earlier directory named. */
static int scan(const teller *t, const char *dir, list *l)
{
    struct stat st;
    char why[160];
    DIR *d;

    if (stat(dir, &st) < 0) {
        if (errno != ENOENT) {
            snprintf(why, sizeof why, "cannot stat it: %s", strerror(errno));
            warn(t, dir, why);
        }
        return 0;
    }
    if (!S_ISDIR(st.st_mode)) {
        warn(t, dir, "it is not a directory");
        return 0;
    }
    if (untrusted(&st, why, sizeof why)) {
        warn(t, dir, why);
        return 0;
    }
    if (!(d = opendir(dir))) {
        snprintf(why, sizeof why, "cannot read it: %s", strerror(errno));
        warn(t, dir, why);
        return 0;
    }
    for (struct dirent *de; (de = readdir(d));) {
        if (ignored_name(de->d_name))
            continue;
        if (seen(l, de->d_name)) /* an earlier directory has it */
            continue;
        if (add(l, dir, de->d_name, false) < 0) {
            closedir(d);
            return -1;
        }
    }
    closedir(d);
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->name, ((const entry *)b)->name);
}

static int list_scripts(const teller *t, char *const *dirs, size_t ndirs, dsp_script **out, size_t *n)
{
    list l = { 0 };
    dsp_script *v;
    size_t k = 0;

    *out = NULL;
    *n = 0;
    for (size_t i = 0; i < ndirs; i++)
        if (scan(t, dirs[i], &l) < 0)
            goto oom;
    if (l.n)
        qsort(l.v, l.n, sizeof *l.v, by_name);
    for (size_t i = 0; i < l.n; i++)
        l.v[i].runs = judge_file(t, &l.v[i]);
    if (!(v = calloc(l.n ? l.n : 1, sizeof *v)))
        goto oom;
    for (size_t i = 0; i < l.n; i++) {
        if (l.v[i].runs) {
            v[k].name = l.v[i].name;
            v[k++].path = l.v[i].path;
        } else {
            free(l.v[i].name);
            free(l.v[i].path);
        }
    }
    free(l.v);
    *out = v;
    *n = k;
    return 0;
oom:
    for (size_t i = 0; i < l.n; i++) {
        free(l.v[i].name);
        free(l.v[i].path);
    }
    free(l.v);
    return -1;
}

int dsp_scripts_list(const NR_PLUGIN_HOST *host, char *const *dirs, size_t ndirs, dsp_script **out, size_t *n)
{
    teller t = { host, false };
    return list_scripts(&t, dirs, ndirs, out, n);
}

int dsp_scripts_report(const NR_PLUGIN_HOST *host, char *const *dirs, size_t ndirs)
{
    teller t = { host, true };
    dsp_script *v;
    size_t n;
    if (!NR_HOST_HAS(host, pfnReportProblem))
        return 0; /* an older router: the warnings of each action remain */
    if (list_scripts(&t, dirs, ndirs, &v, &n) < 0)
        return -1;
    dsp_scripts_free(v, n);
    return 0;
}

void dsp_scripts_free(dsp_script *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i].name);
        free(v[i].path);
    }
    free(v);
}
