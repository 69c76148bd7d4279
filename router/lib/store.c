/*
 * store.c - the per-user store of remembered connections
 * ($state_dir/connections.json).
 *
 * Writes are atomic (temporary file, fsync, rename, fsync of the directory)
 * and the file is readable by its owner only.  Read-modify-write cycles hold
 * the router's store mutex (threads) and an flock on connections.lock
 * (processes); neither is ever held while a plugin runs.  A file that does
 * not parse is never emptied in place: it is renamed aside to
 * connections.json.damaged-<time>-<pid> and the failure reported.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

#define STORE_FILE "connections.json"
#define LOCK_FILE "connections.lock"

/* ---- locking ---------------------------------------------------------------------- */

typedef struct store_lock { nr_router *r; int fd; } store_lock;

static int mkdir_p(const char *dir)
{
    char *copy = strdup(dir);
    int rc = 0;
    if (!copy)
        return -1;
    for (char *p = copy + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(copy, 0700) < 0 && errno != EEXIST)
            rc = -1;
        *p = '/';
    }
    if (mkdir(copy, 0700) < 0 && errno != EEXIST)
        rc = -1;
    free(copy);
    return rc;
}

static DWORD lock_store(nr_router *r, store_lock *l, bool create)
{
    char *path;
    l->r = r;
    l->fd = -1;
    if (!r->state_dir)
        return nr__fail(WN_CANNOT_OPEN_PROFILE, "no state directory: set NETROUTER_STATE_DIR, XDG_STATE_HOME or HOME");
    pthread_mutex_lock(&r->store_lock);
    if (create && mkdir_p(r->state_dir) < 0) {
        int e = errno;
        pthread_mutex_unlock(&r->store_lock);
        return nr__fail(WN_CANNOT_OPEN_PROFILE, "cannot create the state directory %s: %s", r->state_dir,
                        strerror(e));
    }
    path = nr__path_join(r->state_dir, LOCK_FILE);
    l->fd = path ? open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600) : -1;
    free(path);
    if (l->fd >= 0)
        while (flock(l->fd, LOCK_EX) < 0 && errno == EINTR) {
        }
    /* Without a writable state directory we still read under the mutex. */
    return WN_SUCCESS;
}

static void unlock_store(store_lock *l)
{
    if (l->fd >= 0)
        close(l->fd);
    pthread_mutex_unlock(&l->r->store_lock);
}

/* ---- load / save ------------------------------------------------------------------------ */

static void entry_free(nr_remembered *e)
{
    free(e->local);
    free(e->remote);
    free(e->user);
    free(e->provider);
    free(e->comment);
    *e = (nr_remembered){ 0 };
}

void nr__store_free(nr_store *s)
{
    for (size_t i = 0; i < s->n; i++)
        entry_free(&s->v[i]);
    free(s->v);
    *s = (nr_store){ 0 };
}

nr_remembered *nr__store_find(nr_store *s, const char *local)
{
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->v[i].local, local))
            return &s->v[i];
    return NULL;
}

static DWORD damaged(nr_router *r, const char *path, const char *why)
{
    char stamp[32], *aside;
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
    aside = nr__asprintf("%s.damaged-%s-%ld", path, stamp, (long)getpid());
    if (!aside || rename(path, aside) < 0) {
        DWORD rc = nr__fail(WN_BAD_PROFILE, "the remembered-connection store %s is damaged (%s) and could not be "
                            "moved aside: %s; fix or remove it", path, why, strerror(errno));
        free(aside);
        return rc;
    }
    nr__log(r, NR_LOG_ERR, NULL, "store %s is damaged (%s); kept aside as %s", path, why, aside);
    DWORD rc = nr__fail(WN_BAD_PROFILE, "the remembered-connection store %s is damaged (%s); it was kept aside as "
                        "%s and a new, empty store will be started", path, why, aside);
    free(aside);
    return rc;
}

static char *opt_string(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? strdup(json_string_value(v)) : NULL;
}

static bool parse_entry(json_t *e, nr_remembered *out)
{
    json_t *pt = json_object_get(e, "provider_type"), *ty = json_object_get(e, "type");
    if (!json_is_object(e) || !json_is_string(json_object_get(e, "local")) ||
        !json_is_string(json_object_get(e, "remote")) || !json_is_string(json_object_get(e, "provider")))
        return false;
    *out = (nr_remembered){
        .local = opt_string(e, "local"),
        .remote = opt_string(e, "remote"),
        .user = opt_string(e, "user"),
        .provider = opt_string(e, "provider"),
        .comment = opt_string(e, "comment"),
        .provider_type = json_is_integer(pt) ? (DWORD)json_integer_value(pt) : 0,
        .type = json_is_integer(ty) ? (DWORD)json_integer_value(ty) : RESOURCETYPE_DISK,
    };
    return true;
}

/* Caller holds the store lock. */
static DWORD load_locked(nr_router *r, nr_store *s)
{
    char *path = nr__path_join(r->state_dir, STORE_FILE), why[300];
    json_error_t err;
    json_t *root, *list, *e;
    size_t i;
    DWORD rc = WN_SUCCESS;

    *s = (nr_store){ 0 };
    if (!path)
        return WN_OUT_OF_MEMORY;
    root = json_load_file(path, JSON_REJECT_DUPLICATES, &err);
    if (!root) {
        if (access(path, F_OK) != 0 && errno == ENOENT) {
            free(path);
            return WN_SUCCESS;
        }
        if (access(path, R_OK) != 0) {
            rc = nr__fail(WN_CANNOT_OPEN_PROFILE, "cannot read the remembered-connection store %s: %s", path,
                          strerror(errno));
            free(path);
            return rc;
        }
        snprintf(why, sizeof why, "line %d column %d: %s", err.line, err.column, err.text);
        rc = damaged(r, path, why);
        free(path);
        return rc;
    }
    list = json_object_get(root, "connections");
    if (!json_is_object(root) || !json_is_array(list)) {
        rc = damaged(r, path, "it has no \"connections\" array");
        goto out;
    }
    s->v = calloc(json_array_size(list) + 1, sizeof *s->v);
    if (!s->v) {
        rc = WN_OUT_OF_MEMORY;
        goto out;
    }
    json_array_foreach(list, i, e) {
        if (!parse_entry(e, &s->v[s->n])) {
            snprintf(why, sizeof why, "entry %zu lacks \"local\", \"remote\" or \"provider\"", i + 1);
            nr__store_free(s);
            rc = damaged(r, path, why);
            goto out;
        }
        s->n++;
    }
out:
    json_decref(root);
    free(path);
    return rc;
}

static int fsync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int rc;
    if (fd < 0)
        return -1;
    rc = fsync(fd);
    close(fd);
    return rc;
}

/* Caller holds the store lock. */
static DWORD save_locked(nr_router *r, const nr_store *s)
{
    json_t *root = json_object(), *list = json_array();
    char *path = nr__path_join(r->state_dir, STORE_FILE);
    char *tmp = nr__asprintf("%s.tmp-%ld", path ? path : "", (long)getpid());
    char *text = NULL;
    DWORD rc = WN_SUCCESS;
    int fd = -1;

    if (!root || !list || !path || !tmp) {
        rc = WN_OUT_OF_MEMORY;
        goto out;
    }
    json_object_set_new(root, "version", json_integer(1));
    for (size_t i = 0; i < s->n; i++) {
        const nr_remembered *e = &s->v[i];
        json_t *o = json_pack("{s:s, s:s, s:s, s:I, s:I}", "local", e->local, "remote", e->remote, "provider",
                              e->provider, "provider_type", (json_int_t)e->provider_type, "type",
                              (json_int_t)e->type);
        if (o && e->user)
            json_object_set_new(o, "user", json_string(e->user));
        if (o && e->comment)
            json_object_set_new(o, "comment", json_string(e->comment));
        json_array_append_new(list, o);
    }
    json_object_set(root, "connections", list);
    text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (!text) {
        rc = WN_OUT_OF_MEMORY;
        goto out;
    }
    fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        goto io_error;
    size_t len = strlen(text), done = 0;
    while (done < len) {
        ssize_t w = write(fd, text + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            goto io_error;
        done += (size_t)w;
    }
    if (write(fd, "\n", 1) != 1 || fchmod(fd, 0600) < 0 || fsync(fd) < 0)
        goto io_error;
    close(fd);
    fd = -1;
    if (rename(tmp, path) < 0)
        goto io_error;
    fsync_dir(r->state_dir);
    goto out;
io_error:
    rc = nr__fail(WN_CANNOT_OPEN_PROFILE, "cannot write the remembered-connection store %s: %s", path,
                  strerror(errno));
    if (fd >= 0)
        close(fd);
    unlink(tmp);
out:
    free(text);
    free(tmp);
    free(path);
    json_decref(list);
    json_decref(root);
    return rc;
}

/* ---- operations ---------------------------------------------------------------------------- */

DWORD nr__store_snapshot(nr_router *r, nr_store *s)
{
    store_lock l;
    DWORD rc = lock_store(r, &l, false);
    *s = (nr_store){ 0 };
    if (rc)
        return rc;
    rc = load_locked(r, s);
    unlock_store(&l);
    return rc;
}

DWORD nr__store_check_add(nr_router *r, const char *local, const char *remote)
{
    nr_store s;
    DWORD rc = nr__store_snapshot(r, &s);
    nr_remembered *e;
    if (rc)
        return rc;
    e = nr__store_find(&s, local);
    if (e && strcmp(e->remote, remote) != 0)
        rc = nr__fail(WN_DEVICE_ALREADY_REMEMBERED, "the local name %s is remembered for %s (provider '%s'); "
                      "forget it first with a cancel that updates the profile", local, e->remote, e->provider);
    nr__store_free(&s);
    return rc;
}

DWORD nr__store_remember(nr_router *r, const nr_remembered *entry)
{
    store_lock l;
    nr_store s;
    nr_remembered *e;
    DWORD rc = lock_store(r, &l, true);
    if (rc)
        return rc;
    rc = load_locked(r, &s);
    if (rc == WN_BAD_PROFILE)
        rc = load_locked(r, &s); /* the damaged file was kept aside: start anew */
    if (rc)
        goto out;
    e = nr__store_find(&s, entry->local);
    if (e && strcmp(e->remote, entry->remote) != 0) {
        rc = nr__fail(WN_DEVICE_ALREADY_REMEMBERED, "the local name %s is remembered for %s", entry->local,
                      e->remote);
        goto out;
    }
    if (!e) {
        nr_remembered *v = realloc(s.v, (s.n + 1) * sizeof *v);
        if (!v) {
            rc = WN_OUT_OF_MEMORY;
            goto out;
        }
        s.v = v;
        e = &s.v[s.n++];
        *e = (nr_remembered){ 0 };
    } else {
        entry_free(e);
    }
    e->local = strdup(entry->local);
    e->remote = strdup(entry->remote);
    e->user = nr__strdup0(entry->user);
    e->provider = strdup(entry->provider);
    e->comment = nr__strdup0(entry->comment);
    e->provider_type = entry->provider_type;
    e->type = entry->type;
    rc = save_locked(r, &s);
out:
    nr__store_free(&s);
    unlock_store(&l);
    return rc;
}

DWORD nr__store_forget(nr_router *r, const char *local, bool *found)
{
    store_lock l;
    nr_store s;
    nr_remembered *e;
    DWORD rc = lock_store(r, &l, false);
    *found = false;
    if (rc)
        return rc;
    rc = load_locked(r, &s);
    if (rc)
        goto out;
    e = nr__store_find(&s, local);
    if (e) {
        size_t idx = (size_t)(e - s.v);
        *found = true;
        entry_free(e);
        memmove(&s.v[idx], &s.v[idx + 1], (s.n - idx - 1) * sizeof *s.v);
        s.n--;
        rc = save_locked(r, &s);
    }
out:
    nr__store_free(&s);
    unlock_store(&l);
    return rc;
}
