/*
 * credstore.c - saved dial credentials in ras-credentials.json
 * (credstore.h).
 *
 * Reading: the state directory and the file are opened with the shared
 * safe openers of router/common/files.h: without blocking (a FIFO is
 * refused at once), without following a symbolic link, and checked on the
 * open descriptor (directory ours and not writable by others; file regular,
 * ours, no group or other bits) before a byte is read.
 * Writing: under an exclusive flock() of the state directory (saves of
 * several threads or processes are serialised, none is lost), the whole
 * file is replaced atomically (nr_file_replace: a temporary file of mode
 * 0600, fsync, rename, fsync of the directory): a reader sees the old file
 * or the new one, never a mix.  The lock holder first removes the
 * temporary files of writers that were killed (nr_file_remove_leftovers),
 * which would otherwise keep passwords on disk.
 *
 * Secrets: the file text, the dumped text and the password strings inside
 * jansson's trees are wiped before they are freed, as are the records.
 * jansson's parser keeps transient copies of tokens that it frees without
 * wiping; they are not reachable from here.  Error messages name the file,
 * line and field, never a value (jansson's own error text may quote one, so
 * it is not used).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "credstore.h"
#include "env.h"
#include "files.h"
#include "json.h"

#define MAX_FILE_SIZE (16u << 20)

typedef struct rec {
    char *phonebook, *entry;
    nr_cred cred;
} rec;

typedef struct store {
    rec *v;
    size_t n, cap;
} store;

static void store_free(store *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->v[i].phonebook);
        free(s->v[i].entry);
        explicit_bzero(&s->v[i].cred, sizeof s->v[i].cred);
    }
    free(s->v);
    memset(s, 0, sizeof *s);
}

/* The records' passwords inside a jansson tree, wiped in place. */
static void wipe_tree(json_t *root)
{
    json_t *list = json_object_get(root, "credentials"), *item;
    size_t i;
    json_array_foreach(list, i, item) {
        json_t *pw = json_object_get(item, "password");
        if (json_is_string(pw))
            explicit_bzero((char *)json_string_value(pw), json_string_length(pw));
    }
}

/* ---- reading ---------------------------------------------------------------------------------- */

/* A string field of item, at most max bytes; "" when absent and optional. */
static bool field(json_t *item, const char *name, size_t max, bool required, const char **out, size_t i,
                  const char *path, nr_error *err)
{
    json_t *v = json_object_get(item, name);
    *out = "";
    if (!v && !required)
        return true;
    if (!json_is_string(v)) {
        nr_error_set(err, ERROR_CANNOT_LOAD_PHONEBOOK, 0, "%s: credentials[%zu].%s: %s", path, i, name,
                     v ? "must be a string" : "missing");
        return false;
    }
    if (json_string_length(v) > max || strlen(json_string_value(v)) != json_string_length(v)) {
        nr_error_set(err, ERROR_CANNOT_LOAD_PHONEBOOK, 0,
                     "%s: credentials[%zu].%s: longer than %zu bytes or with a NUL", path, i, name, max);
        return false;
    }
    *out = json_string_value(v);
    return true;
}

static DWORD parse(json_t *root, const char *path, store *s, nr_error *err)
{
    json_t *list = json_object_get(root, "credentials"), *item;
    json_t *version = json_object_get(root, "version");
    size_t i;
    if (!json_is_object(root) || !json_is_integer(version) || json_integer_value(version) != 1)
        return nr_error_set(err, ERROR_CANNOT_LOAD_PHONEBOOK, 0, "%s: version: must be 1", path);
    if (!json_is_array(list))
        return nr_error_set(err, ERROR_CANNOT_LOAD_PHONEBOOK, 0, "%s: credentials: must be an array", path);
    s->v = calloc(json_array_size(list) + 1, sizeof *s->v);
    if (!s->v)
        return nr_error_set(err, ERROR_ALLOCATING_MEMORY, 0, "%s: out of memory", path);
    s->cap = json_array_size(list) + 1;
    json_array_foreach(list, i, item) {
        const char *pb, *entry, *user, *domain, *callback, *password;
        rec *r = &s->v[s->n];
        if (!json_is_object(item))
            return nr_error_set(err, ERROR_CANNOT_LOAD_PHONEBOOK, 0, "%s: credentials[%zu]: must be an object",
                                path, i);
        if (!field(item, "phonebook", RAS_MaxPath, true, &pb, i, path, err) ||
            !field(item, "entry", NR_RAS_MaxEntryNameUtf8, true, &entry, i, path, err) || /* 256 characters */
            !field(item, "user", UNLEN, false, &user, i, path, err) ||
            !field(item, "domain", DNLEN, false, &domain, i, path, err) ||
            !field(item, "callback_number", RAS_MaxCallbackNumber, false, &callback, i, path, err) ||
            !field(item, "password", PWLEN, false, &password, i, path, err))
            return err->code;
        if (!(r->phonebook = strdup(pb)) || !(r->entry = strdup(entry))) {
            free(r->phonebook);
            return nr_error_set(err, ERROR_ALLOCATING_MEMORY, 0, "%s: out of memory", path);
        }
        s->n++;
        snprintf(r->cred.user, sizeof r->cred.user, "%s", user);
        snprintf(r->cred.domain, sizeof r->cred.domain, "%s", domain);
        snprintf(r->cred.callback, sizeof r->cred.callback, "%s", callback);
        r->cred.has_password = json_object_get(item, "password") != NULL;
        memcpy(r->cred.password, password, strlen(password) + 1);
    }
    return 0;
}

/* Loads dir/ras-credentials.json into s (empty when there is none).  The
 * file is opened without blocking and without following a symbolic link,
 * and judged on the open descriptor before a byte is read: a regular file,
 * ours, with no group or other permission bits. */
static DWORD load(int dirfd, const char *path, store *s, nr_error *err)
{
    char why[NR_WHY_SIZE], *text;
    size_t got = 0;
    json_error_t jerr;
    json_t *root;
    DWORD rc;

    memset(s, 0, sizeof *s);
    text = nr_file_load(dirfd, NR_CRED_FILE, NR_FILE_NOFOLLOW | NR_FILE_OWNER_SELF | NR_FILE_PRIVATE, MAX_FILE_SIZE,
                        &got, NULL, why);
    if (!text && errno == ENOENT)
        return 0;
    if (!text)
        return nr_error_set(err,
                            errno == EINVAL   ? ERROR_ACCESS_DENIED
                            : errno == ENOMEM ? ERROR_ALLOCATING_MEMORY
                                              : ERROR_CANNOT_LOAD_PHONEBOOK,
                            0, "%s: %s the saved credentials: %s", path, nr_file_load_verb(errno), why);
    root = nr_json_parse(text, got, &jerr);
    explicit_bzero(text, got);
    free(text);
    if (!root)
        return nr_error_set(err, ERROR_CANNOT_LOAD_PHONEBOOK, 0,
                            "%s:%d:%d: the saved credentials are not valid JSON", path, jerr.line, jerr.column);
    rc = parse(root, path, s, err);
    wipe_tree(root);
    json_decref(root);
    if (rc)
        store_free(s);
    return rc;
}

/* ---- the directory ---------------------------------------------------------------------------- */

/* Opens the state directory (creating it when create): not a symbolic
 * link, ours and closed to others.  -1 with err set; -2 when it does not
 * exist and !create. */
static int open_dir(const char *dir, bool create, nr_error *err)
{
    char why[NR_WHY_SIZE];
    int fd = nr_dir_open(dir, create ? NR_DIR_CREATE : 0, why);
    if (fd >= 0)
        return fd;
    if (errno == ENOENT && !create)
        return -2;
    if (errno == EINVAL)
        nr_error_set(err, ERROR_ACCESS_DENIED, 0, "%s: refusing the state directory: %s", dir, why);
    else
        nr_error_set(err, create ? ERROR_CANNOT_WRITE_PHONEBOOK : ERROR_CANNOT_LOAD_PHONEBOOK, 0,
                     "%s: cannot use the state directory: %s", dir, why);
    return -1;
}

/* ---- writing ---------------------------------------------------------------------------------- */

static json_t *to_json(const store *s)
{
    json_t *root = json_object(), *list = json_array();
    if (!root || !list || json_object_set_new(root, "version", json_integer(1)) ||
        json_object_set_new(root, "credentials", list)) {
        json_decref(root);
        return NULL;
    }
    for (size_t i = 0; i < s->n; i++) {
        const rec *r = &s->v[i];
        json_t *item = json_pack("{s:s, s:s, s:s, s:s, s:s}", "phonebook", r->phonebook, "entry", r->entry,
                                 "user", r->cred.user, "domain", r->cred.domain, "callback_number",
                                 r->cred.callback);
        if (!item || json_array_append_new(list, item) ||
            (r->cred.has_password && json_object_set_new(item, "password", json_string(r->cred.password)))) {
            wipe_tree(root);
            json_decref(root);
            return NULL;
        }
    }
    return root;
}

/* Replaces the file with s, atomically. */
static DWORD save(int dirfd, const char *path, const store *s, nr_error *err)
{
    json_t *root = to_json(s);
    char *text = root ? json_dumps(root, JSON_INDENT(2)) : NULL, why[NR_WHY_SIZE];
    size_t len;
    DWORD rc = 0;

    if (root) {
        wipe_tree(root);
        json_decref(root);
    }
    if (!text)
        return nr_error_set(err, ERROR_ALLOCATING_MEMORY, 0, "%s: out of memory", path);
    len = strlen(text);
    if (nr_file_replace(dirfd, NR_CRED_FILE, text, len, why) < 0)
        rc = nr_error_set(err, ERROR_CANNOT_WRITE_PHONEBOOK, 0, "%s: cannot write the saved credentials: %s",
                          path, why);
    explicit_bzero(text, len);
    free(text);
    return rc;
}

/* ---- the calls -------------------------------------------------------------------------------- */

static char *key_of(const char *phonebook)
{
    char *real = realpath(phonebook, NULL);
    return real ? real : strdup(phonebook);
}

static rec *find(store *s, const char *key, const char *entry)
{
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->v[i].phonebook, key) && !strcmp(s->v[i].entry, entry))
            return &s->v[i];
    return NULL;
}

static char *file_path(const char *dir)
{
    char *path = NULL;
    return asprintf(&path, "%s/%s", dir, NR_CRED_FILE) < 0 ? NULL : path;
}

DWORD nr_cred_get(const char *phonebook, const char *entry, nr_cred *out, bool *found, nr_error *err)
{
    char *dir = nr_state_dir(), *path = dir ? file_path(dir) : NULL, *key = key_of(phonebook);
    store s = { 0 };
    DWORD rc = 0;
    int dirfd = -2;
    rec *r;

    memset(out, 0, sizeof *out);
    nr_error_clear(err);
    *found = false;
    if (!dir || !path || !key) {
        rc = nr_error_set(err, ERROR_CANNOT_LOAD_PHONEBOOK, 0,
                          "no state directory for the saved credentials: set HOME, "
                          "XDG_STATE_HOME or NETROUTER_STATE_DIR");
        goto out;
    }
    dirfd = open_dir(dir, false, err);
    if (dirfd == -1) {
        rc = err->code;
        goto out;
    }
    if (dirfd == -2)
        goto out; /* nothing saved yet */
    rc = load(dirfd, path, &s, err);
    if (!rc && (r = find(&s, key, entry)) != NULL) {
        *out = r->cred;
        *found = true;
    }
out:
    if (dirfd >= 0)
        close(dirfd);
    store_free(&s);
    free(key);
    free(path);
    free(dir);
    return rc;
}

DWORD nr_cred_set(const char *phonebook, const char *entry, const nr_cred *in, bool remove_password,
                  nr_error *err)
{
    char *dir = nr_state_dir(), *path = dir ? file_path(dir) : NULL, *key = key_of(phonebook);
    store s = { 0 };
    DWORD rc = 0;
    int dirfd = -1;
    rec *r;

    nr_error_clear(err);
    if (!dir || !path || !key) {
        rc = nr_error_set(err, ERROR_CANNOT_WRITE_PHONEBOOK, 0,
                          "no state directory for the saved credentials: set HOME, "
                          "XDG_STATE_HOME or NETROUTER_STATE_DIR");
        goto out;
    }
    if ((dirfd = open_dir(dir, true, err)) < 0) {
        rc = err->code;
        goto out;
    }
    if (flock(dirfd, LOCK_EX) < 0) {
        rc = nr_error_set(err, ERROR_CANNOT_WRITE_PHONEBOOK, 0, "%s: cannot lock the state directory: %s", dir,
                          strerror(errno));
        goto out;
    }
    /* A writer killed between its temporary file and the rename left one
     * behind, holding passwords: only lock holders write them, so any found
     * now is such a leftover. */
    nr_file_remove_leftovers(dirfd, NR_CRED_FILE);
    if ((rc = load(dirfd, path, &s, err)) != 0)
        goto out; /* never overwrite a file we could not read */
    r = find(&s, key, entry);
    if (!r) {
        if (s.n == s.cap) {
            size_t cap = s.cap ? s.cap * 2 : 4;
            rec *v = calloc(cap, sizeof *v);
            if (!v) {
                rc = nr_error_set(err, ERROR_ALLOCATING_MEMORY, 0, "%s: out of memory", path);
                goto out;
            }
            if (s.v) {
                memcpy(v, s.v, s.n * sizeof *v);
                explicit_bzero(s.v, s.n * sizeof *s.v);
                free(s.v);
            }
            s.v = v;
            s.cap = cap;
        }
        r = &s.v[s.n];
        if (!(r->phonebook = strdup(key)) || !(r->entry = strdup(entry))) {
            free(r->phonebook);
            r->phonebook = NULL;
            rc = nr_error_set(err, ERROR_ALLOCATING_MEMORY, 0, "%s: out of memory", path);
            goto out;
        }
        s.n++;
    }
    r->cred = *in;
    r->cred.has_password = !remove_password;
    if (remove_password)
        explicit_bzero(r->cred.password, sizeof r->cred.password);
    rc = save(dirfd, path, &s, err);
out:
    if (dirfd >= 0)
        close(dirfd); /* releases the lock */
    store_free(&s);
    free(key);
    free(path);
    free(dir);
    return rc;
}

/* Removes record i of s, wiped; the last record takes its place. */
static void drop(store *s, size_t i)
{
    free(s->v[i].phonebook);
    free(s->v[i].entry);
    s->v[i] = s->v[--s->n];
    explicit_bzero(&s->v[s->n], sizeof s->v[s->n]);
}

DWORD nr_cred_move(const char *phonebook, const char *from, const char *to, nr_error *err)
{
    char *dir = nr_state_dir(), *path = dir ? file_path(dir) : NULL, *key = key_of(phonebook), *name = NULL;
    store s = { 0 };
    DWORD rc = 0;
    int dirfd = -2;
    rec *r, *old;

    nr_error_clear(err);
    if (!dir || !path || !key)
        goto out; /* no state directory: nothing can have been saved */
    if ((dirfd = open_dir(dir, false, err)) < 0) {
        rc = dirfd == -2 ? 0 : err->code;
        goto out;
    }
    if (flock(dirfd, LOCK_EX) < 0) {
        rc = nr_error_set(err, ERROR_CANNOT_WRITE_PHONEBOOK, 0, "%s: cannot lock the state directory: %s", dir,
                          strerror(errno));
        goto out;
    }
    nr_file_remove_leftovers(dirfd, NR_CRED_FILE);
    if ((rc = load(dirfd, path, &s, err)) != 0 || !find(&s, key, from))
        goto out;
    if (to && (old = find(&s, key, to)) != NULL)
        drop(&s, (size_t)(old - s.v)); /* a leftover of an earlier entry of that name */
    r = find(&s, key, from);
    if (!to) {
        drop(&s, (size_t)(r - s.v));
    } else {
        if (!(name = strdup(to))) {
            rc = nr_error_set(err, ERROR_ALLOCATING_MEMORY, 0, "%s: out of memory", path);
            goto out;
        }
        free(r->entry);
        r->entry = name;
    }
    rc = save(dirfd, path, &s, err);
out:
    if (dirfd >= 0)
        close(dirfd); /* releases the lock */
    store_free(&s);
    free(key);
    free(path);
    free(dir);
    return rc;
}
