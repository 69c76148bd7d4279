/*
 * ruleset.c - the rule files of one directory, read safely and in order,
 * and the decision over all of them: the first matching rule over every
 * file in order, else the first "default" set, else allow.
 *
 * Files are opened as manifests are (router/common/files.h: a regular
 * file, owned by root or the effective user, writable by nobody else,
 * judged on the open descriptor).  A stamp of the directory and of every
 * candidate file (inode, size, times, owner, mode) taken before reading
 * tells when to read again (nr_policy_changed).
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "files.h"
#include "rules-internal.h"

struct nr_policy {
    char *dir;
    uint64_t stamp;
    char *error;            /* the directory exists but cannot be read: deny everything */
    nr_policy_file *files;
    size_t nfiles;
    bool uses_identity;
};

static bool is_rule_file_name(const char *n)
{
    size_t l = strlen(n);
    return n[0] != '.' && l > 5 && !strcmp(n + l - 5, ".json");
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The candidate file names of the open directory d, sorted; *n of them.
 * NULL with *n 0 for none (or out of memory). */
static char **list_names(DIR *d, size_t *n)
{
    char **v = NULL;
    size_t cap = 0;
    *n = 0;
    for (struct dirent *de; (de = readdir(d));) {
        if (!is_rule_file_name(de->d_name))
            continue;
        if (*n == cap) {
            char **nv = realloc(v, (cap = cap ? cap * 2 : 8) * sizeof *v);
            if (!nv)
                break;
            v = nv;
        }
        if (!(v[*n] = strdup(de->d_name)))
            break;
        ++*n;
    }
    if (*n)
        qsort(v, *n, sizeof *v, cmp_name);
    return v;
}

static void free_names(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

/* FNV-1a, enough to notice a change (not a defence against anyone). */
static uint64_t mix(uint64_t h, const void *p, size_t n)
{
    for (const unsigned char *b = p; n--; b++)
        h = (h ^ *b) * 0x100000001b3ull;
    return h;
}

static uint64_t mix_stat(uint64_t h, const struct stat *st)
{
    const long long v[] = { (long long)st->st_dev, (long long)st->st_ino, (long long)st->st_size,
                            (long long)st->st_mode, (long long)st->st_uid, (long long)st->st_mtim.tv_sec,
                            st->st_mtim.tv_nsec, (long long)st->st_ctim.tv_sec, st->st_ctim.tv_nsec };
    return mix(h, v, sizeof v);
}

/* The stamp of dir as it is now; 1 for a missing directory, 2 for one that
 * cannot be read. */
static uint64_t stamp_of(const char *dir)
{
    uint64_t h = 0xcbf29ce484222325ull;
    struct stat st;
    size_t n;
    char **names;
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *d;

    if (fd < 0)
        return errno == ENOENT || errno == ENOTDIR ? 1 : 2;
    if (fstat(fd, &st) < 0 || !(d = fdopendir(fd))) {
        close(fd);
        return 2;
    }
    h = mix_stat(h, &st);
    names = list_names(d, &n);
    for (size_t i = 0; i < n; i++) {
        h = mix(h, names[i], strlen(names[i]) + 1);
        if (fstatat(dirfd(d), names[i], &st, 0) == 0)
            h = mix_stat(h, &st);
    }
    free_names(names, n);
    closedir(d);
    return h;
}

static void report(nr_policy_problem_fn fn, void *user, const char *file, const char *msg)
{
    if (fn)
        fn(user, &(nr_policy_problem){ file, 0, 0, NULL, msg });
}

/* Reads one file; true when it joins the rule set. */
static bool load_file(nr_policy *p, int dfd, const char *name, nr_policy_problem_fn fn, void *user)
{
    char why[NR_WHY_SIZE], msg[NR_WHY_SIZE + 64];
    size_t len;
    char *path, *text;
    nr_policy_file *f = &p->files[p->nfiles];

    if (asprintf(&path, "%s/%s", p->dir, name) < 0)
        return false;
    text = nr_file_load(dfd, name, 0, NR_POLICY_MAX_FILE_SIZE, &len, NULL, why);
    if (!text) {
        snprintf(msg, sizeof msg, "%s the rule file: %s", nr_file_load_verb(errno), why);
        report(fn, user, path, msg);
        free(path);
        return false;
    }
    if (nr_policy_file_parse(path, text, len, f, fn, user) < 0) {
        free(text);
        free(path);
        return false;
    }
    free(text);
    free(path);
    for (size_t i = 0; i < f->nrules; i++)
        if (f->rules[i].users || f->rules[i].groups)
            p->uses_identity = true;
    p->nfiles++;
    return true;
}

nr_policy *nr_policy_load(const char *dir, nr_policy_problem_fn fn, void *user)
{
    nr_policy *p = calloc(1, sizeof *p);
    char **names;
    size_t n;
    DIR *d;
    int fd;

    if (!p || !(p->dir = strdup(dir))) {
        free(p);
        return NULL;
    }
    p->stamp = stamp_of(dir); /* before reading: a change during the reading shows next time */
    fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 && (errno == ENOENT || errno == ENOTDIR))
        return p; /* no directory, no rules */
    if (fd < 0 || !(d = fdopendir(fd))) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        if (asprintf(&p->error, "cannot read the rule directory %s: %s", dir, strerror(e)) < 0)
            p->error = NULL;
        report(fn, user, dir, p->error ? p->error : strerror(e));
        if (!p->error) {
            nr_policy_free(p);
            return NULL;
        }
        return p;
    }
    names = list_names(d, &n);
    if (n && !(p->files = calloc(n, sizeof *p->files))) {
        free_names(names, n);
        closedir(d);
        nr_policy_free(p);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        load_file(p, dirfd(d), names[i], fn, user);
    free_names(names, n);
    closedir(d);
    return p;
}

void nr_policy_free(nr_policy *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->nfiles; i++)
        nr_policy_file_clear(&p->files[i]);
    free(p->files);
    free(p->error);
    free(p->dir);
    free(p);
}

bool nr_policy_changed(const nr_policy *p)
{
    return stamp_of(p->dir) != p->stamp;
}

bool nr_policy_uses_identity(const nr_policy *p)
{
    return p->uses_identity;
}

size_t nr_policy_file_count(const nr_policy *p)
{
    return p->nfiles;
}

size_t nr_policy_rule_count(const nr_policy *p)
{
    size_t n = 0;
    for (size_t i = 0; i < p->nfiles; i++)
        n += p->files[i].nrules;
    return n;
}

void nr_policy_decide(const nr_policy *p, const nr_policy_request *rq, nr_policy_decision *out)
{
    *out = (nr_policy_decision){ .allow = true, .by = NR_POLICY_BY_NOTHING };
    if (p->error) {
        *out = (nr_policy_decision){ .allow = false, .by = NR_POLICY_BY_ERROR, .file = p->dir, .error = p->error };
        return;
    }
    for (size_t i = 0; i < p->nfiles; i++) {
        const nr_policy_file *f = &p->files[i];
        for (size_t j = 0; j < f->nrules; j++) {
            const nr_policy_rule *r = &f->rules[j];
            if (!nr_policy_rule_matches(r, rq))
                continue;
            *out = (nr_policy_decision){ .allow = !r->deny, .by = NR_POLICY_BY_RULE, .file = f->path,
                                         .line = r->line, .rule = j, .comment = r->comment };
            return;
        }
    }
    for (size_t i = 0; i < p->nfiles; i++) {
        const nr_policy_file *f = &p->files[i];
        if (f->dflt < 0)
            continue;
        *out = (nr_policy_decision){ .allow = !f->dflt, .by = NR_POLICY_BY_DEFAULT, .file = f->path,
                                     .line = f->default_line };
        return;
    }
}

const char *nr_policy_describe(const nr_policy_decision *d, char *buf, size_t size)
{
    const char *verb = d->allow ? "allowed" : "denied";
    switch (d->by) {
    case NR_POLICY_BY_RULE:
        snprintf(buf, size, "%s by policy rule %s:%d%s%s%s", verb, d->file, d->line, d->comment ? " (" : "",
                 d->comment ? d->comment : "", d->comment ? ")" : "");
        break;
    case NR_POLICY_BY_DEFAULT:
        snprintf(buf, size, "%s by the policy default of %s:%d (no rule matched)", verb, d->file, d->line);
        break;
    case NR_POLICY_BY_NOTHING:
        snprintf(buf, size, "allowed: no policy rule matched and no rule file sets a default");
        break;
    case NR_POLICY_BY_ERROR:
        snprintf(buf, size, "denied by policy: %s", d->error);
        break;
    }
    return buf;
}
