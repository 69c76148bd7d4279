/*
 * pbedit.c - changing the RAS phonebook one entry at a time (pbedit.h):
 * the locked read-check-change-check-replace cycle, the three changes
 * (put, remove, rename) as JSON edits, and the rule for new names.
 *
 * It never writes what it could not read and check: a file refused or
 * broken stops the change with the reader's own error.  The lock is an
 * flock() of the directory (the file itself is replaced by a rename, so a
 * lock on it would protect the old copy); it is held from the read to the
 * rename, and its holder first removes temporary files that a writer
 * killed mid-way left (nr_file_remove_leftovers).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <jansson.h>
#include <libgen.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wctype.h>

#include "files.h"
#include "json.h"
#include "pbedit.h"
#include "wide.h"

/* ---- names -------------------------------------------------------------------------------- */

/* A letter or digit of any script: the wide character classes of the
 * C.UTF-8 locale (any process locale notwithstanding); without that locale,
 * every non-ASCII character counts as one. */
static bool alnum(wchar_t w)
{
    static locale_t utf8;
    static bool tried;
    if (w < 0x80)
        return (w >= L'0' && w <= L'9') || (w >= L'a' && w <= L'z') || (w >= L'A' && w <= L'Z');
    if (!__atomic_load_n(&tried, __ATOMIC_ACQUIRE)) {
        locale_t l = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
        locale_t none = (locale_t)0;
        if (l && !__atomic_compare_exchange_n(&utf8, &none, l, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
            freelocale(l); /* another thread was first */
        __atomic_store_n(&tried, true, __ATOMIC_RELEASE);
    }
    locale_t l = __atomic_load_n(&utf8, __ATOMIC_ACQUIRE);
    return l ? iswalnum_l((wint_t)w, l) != 0 : true;
}

bool nr_pb_name_ok(const char *name)
{
    size_t len = name ? strlen(name) : 0;
    wchar_t *w;
    bool letter = false, ok = true;
    if (!len || len > NR_RAS_MaxEntryNameUtf8 || name[0] == '.' || strpbrk(name, "|><?*\\/:"))
        return false;
    if (!(w = nr_wide_dup(name)))
        return false; /* not UTF-8 (or no memory: refused, never half-checked) */
    if (nr_utf16_count(name) > NR_PB_MAX_ENTRY_NAME) { /* WCHARs, as Windows counts them */
        free(w);
        return false;
    }
    for (const wchar_t *p = w; *p && ok; p++) {
        ok = *p >= 0x20 && *p != 0x7f && !(*p >= 0x80 && *p < 0xa0);
        letter |= alnum(*p);
    }
    free(w);
    return ok && letter;
}

/* ---- the cycle ---------------------------------------------------------------------------- */

/* One change: edits the "entries" array of the checked phonebook pb (its
 * entries[i] is the array's element i).  Returns 0, or an error with
 * err->err set. */
typedef DWORD (*edit_fn)(json_t *entries, const nr_phonebook *pb, const void *arg, nr_pb_error *err);

static DWORD fail(nr_pb_error *err, DWORD code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static DWORD fail(nr_pb_error *err, DWORD code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    nr_error_setv(&err->err, code, 0, fmt, ap);
    va_end(ap);
    return code;
}

/* A new phonebook's text. */
static const char empty_book[] = "{\n  \"entries\": []\n}\n";

/* Reads, checks, changes, checks and replaces the file base in the
 * directory dirfd (locked by the caller); path names it in errors. */
static DWORD edit_locked(int dirfd, const char *path, const char *base, bool create, edit_fn fn, const void *arg,
                         nr_pb_error *err)
{
    char why[NR_WHY_SIZE], *text, *out = NULL;
    size_t len = 0;
    struct stat st;
    bool existed = true;
    nr_phonebook *pb = NULL, *check = NULL;
    json_error_t jerr;
    json_t *root = NULL;
    DWORD rc;

    text = nr_file_load(dirfd, base, NR_FILE_NOFOLLOW, NR_PB_MAX_SIZE, &len, &st, why);
    if (!text && errno == ENOENT && create) {
        existed = false;
        text = strdup(empty_book);
        len = sizeof empty_book - 1;
        if (!text)
            return fail(err, ERROR_ALLOCATING_MEMORY, "out of memory");
    }
    if (!text)
        return fail(err, ERROR_CANNOT_OPEN_PHONEBOOK, "%s the phonebook: %s", nr_file_load_verb(errno), why);
    if ((rc = nr_pb_parse(path, text, len, &pb, err)) != 0)
        goto out;
    if (!(root = nr_json_parse(text, len, &jerr))) {
        rc = fail(err, ERROR_ALLOCATING_MEMORY, "out of memory");
        goto out;
    }
    if ((rc = fn(json_object_get(root, "entries"), pb, arg, err)) != 0)
        goto out;
    out = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (!out) {
        rc = fail(err, ERROR_ALLOCATING_MEMORY, "out of memory");
        goto out;
    }
    len = strlen(out);
    {
        char *nl = realloc(out, len + 2);
        if (!nl) {
            rc = fail(err, ERROR_ALLOCATING_MEMORY, "out of memory");
            goto out;
        }
        out = nl;
        memcpy(out + len, "\n", 2);
        len++;
    }
    /* What is written must load: an entry this change made invalid (e.g.
     * "reconnect" with "terminal_after_dial") is the caller's mistake. */
    if ((rc = nr_pb_parse(path, out, len, &check, err)) != 0) {
        rc = err->err.code = ERROR_INVALID_PARAMETER;
        err->line = err->column = 0; /* in the text not written, not the file */
        goto out;
    }
    if (nr_file_replace(dirfd, base, out, len, why) < 0) {
        rc = fail(err, ERROR_CANNOT_WRITE_PHONEBOOK, "cannot write the phonebook: %s", why);
        goto out;
    }
    /* The file keeps its permissions (a system phonebook readable by all
     * stays so); nr_file_replace made it 0600. */
    if (existed && (st.st_mode & 07777) != 0600)
        (void)fchmodat(dirfd, base, st.st_mode & 0755, 0);
out:
    nr_pb_free(check);
    nr_pb_free(pb);
    json_decref(root);
    free(out);
    free(text);
    return rc;
}

/* Opens and locks the phonebook's directory, then edit_locked. */
static DWORD edit(const char *path_in, bool create, edit_fn fn, const void *arg, nr_pb_error *err)
{
    nr_pb_error scratch;
    char *path = path_in ? strdup(path_in) : nr_pb_default_path();
    char *dcopy = path ? strdup(path) : NULL, *bcopy = path ? strdup(path) : NULL, why[NR_WHY_SIZE];
    const char *dir, *base;
    int dirfd = -1;
    DWORD rc;

    if (!err)
        err = &scratch;
    memset(err, 0, sizeof *err);
    if (!path || !dcopy || !bcopy) {
        rc = fail(err, path_in || path ? ERROR_ALLOCATING_MEMORY : ERROR_CANNOT_OPEN_PHONEBOOK,
                  path_in || path ? "out of memory" : "no phonebook path: set HOME or XDG_CONFIG_HOME");
        goto out;
    }
    snprintf(err->file, sizeof err->file, "%s", path);
    dir = dirname(dcopy);
    base = basename(bcopy);
    if (!*path || !strcmp(base, "/") || !strcmp(base, ".") || !strcmp(base, "..")) {
        rc = fail(err, ERROR_CANNOT_OPEN_PHONEBOOK, "not the path of a file");
        goto out;
    }
    /* The default phonebook's directory is made when missing (mode 0700). */
    dirfd = nr_dir_open(dir, create && !path_in ? NR_DIR_CREATE : 0, why);
    if (dirfd < 0) {
        rc = fail(err, ERROR_CANNOT_OPEN_PHONEBOOK, "refusing the phonebook's directory %s: %s", dir, why);
        goto out;
    }
    if (flock(dirfd, LOCK_EX) < 0) {
        rc = fail(err, ERROR_CANNOT_WRITE_PHONEBOOK, "cannot lock the directory %s: %s", dir, strerror(errno));
        goto out;
    }
    nr_file_remove_leftovers(dirfd, base);
    rc = edit_locked(dirfd, path, base, create, fn, arg, err);
out:
    if (dirfd >= 0)
        close(dirfd); /* releases the lock */
    free(bcopy);
    free(dcopy);
    free(path);
    return rc;
}

/* ---- the changes -------------------------------------------------------------------------- */

/* The array index of entry name, or -1. */
static long index_of(const nr_phonebook *pb, const char *name)
{
    const nr_pb_entry *e = nr_pb_find(pb, name);
    return e ? (long)(e - pb->entries) : -1;
}

/* Sets key of o to v (stolen), or removes it when v is NULL. */
static int set_or_del(json_t *o, const char *key, json_t *v)
{
    if (!v)
        return json_object_del(o, key), 0;
    return json_object_set_new(o, key, v);
}

/* The object at key of o, created when missing; NULL without memory. */
static json_t *member(json_t *o, const char *key)
{
    json_t *m = json_object_get(o, key);
    if (json_is_object(m))
        return m;
    m = json_object();
    return m && !json_object_set_new(o, key, m) ? m : NULL;
}

static const char *const auth_names[] = { [NR_PB_AUTH_ANY] = NULL, [NR_PB_AUTH_PAP] = "pap",
                                          [NR_PB_AUTH_CHAP] = "chap", [NR_PB_AUTH_MSCHAPV2] = "mschapv2" };

typedef struct put_arg {
    const char *name;
    const nr_pb_fields *f;
} put_arg;

static DWORD put_fn(json_t *entries, const nr_phonebook *pb, const void *varg, nr_pb_error *err)
{
    const put_arg *a = varg;
    const nr_pb_fields *f = a->f;
    long at = index_of(pb, a->name);
    if (at < 0 && !f->new_name_ok)
        return fail(err, ERROR_INVALID_NAME, "\"%s\" cannot name a new entry (see RasValidateEntryName)", a->name);
    json_t *o = at >= 0 ? json_array_get(entries, (size_t)at) : json_object(), *redial, *reconnect;
    int bad = 0;
    if (!o)
        return fail(err, ERROR_ALLOCATING_MEMORY, "out of memory");
    if (at < 0 && (json_object_set_new(o, "name", json_string(a->name)) || json_array_append_new(entries, o)))
        return fail(err, ERROR_ALLOCATING_MEMORY, "out of memory");
    bad |= json_object_set_new(o, "device", json_string(f->device));
    bad |= json_object_set_new(o, "phone_number", json_string(f->phone_number));
    bad |= set_or_del(o, "auth", auth_names[f->auth] ? json_string(auth_names[f->auth]) : NULL);
    bad |= set_or_del(o, "terminal_after_dial", f->terminal_after_dial ? json_true() : NULL);
    bad |= set_or_del(o, "idle_disconnect_s",
                      f->idle_disconnect_s ? json_integer((json_int_t)f->idle_disconnect_s) : NULL);
    if (!(redial = member(o, "redial")))
        return fail(err, ERROR_ALLOCATING_MEMORY, "out of memory");
    bad |= set_or_del(redial, "attempts", f->redial_attempts ? json_integer((json_int_t)f->redial_attempts) : NULL);
    json_t *pause = json_object_get(redial, "pause_ms");
    unsigned pause_ms = pause ? (unsigned)json_integer_value(pause) : 3000;
    if ((pause_ms + 500) / 1000 != f->redial_pause_s) /* else the finer value stays */
        bad |= set_or_del(redial, "pause_ms",
                          f->redial_pause_s == 3 ? NULL : json_integer((json_int_t)f->redial_pause_s * 1000));
    if (!json_object_size(redial))
        json_object_del(o, "redial");
    reconnect = json_object_get(o, "reconnect");
    if (f->reconnect_if_dropped) {
        if (!(reconnect = member(o, "reconnect")))
            return fail(err, ERROR_ALLOCATING_MEMORY, "out of memory");
        json_object_del(reconnect, "if_dropped"); /* the object's presence asks for it */
    } else if (reconnect) {
        bad |= json_object_set_new(reconnect, "if_dropped", json_false());
    }
    return bad ? fail(err, ERROR_ALLOCATING_MEMORY, "out of memory") : 0;
}

static DWORD remove_fn(json_t *entries, const nr_phonebook *pb, const void *name, nr_pb_error *err)
{
    long at = index_of(pb, name);
    if (at < 0)
        return fail(err, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, "no entry named \"%s\"", (const char *)name);
    json_array_remove(entries, (size_t)at);
    return 0;
}

typedef struct rename_arg {
    const char *from, *to;
} rename_arg;

static DWORD rename_fn(json_t *entries, const nr_phonebook *pb, const void *varg, nr_pb_error *err)
{
    const rename_arg *a = varg;
    long at = index_of(pb, a->from);
    if (at < 0)
        return fail(err, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, "no entry named \"%s\"", a->from);
    if (index_of(pb, a->to) >= 0)
        return fail(err, ERROR_ALREADY_EXISTS, "an entry named \"%s\" exists already", a->to);
    if (json_object_set_new(json_array_get(entries, (size_t)at), "name", json_string(a->to)))
        return fail(err, ERROR_ALLOCATING_MEMORY, "out of memory");
    return 0;
}

DWORD nr_pb_put(const char *path, const char *name, const nr_pb_fields *f, nr_pb_error *err)
{
    put_arg a = { name, f };
    return edit(path, true, put_fn, &a, err);
}

DWORD nr_pb_remove(const char *path, const char *name, nr_pb_error *err)
{
    return edit(path, false, remove_fn, name, err);
}

DWORD nr_pb_rename(const char *path, const char *from, const char *to, nr_pb_error *err)
{
    rename_arg a = { from, to };
    nr_pb_error scratch;
    if (!err)
        err = &scratch;
    if (!strcmp(from, to)) {
        nr_phonebook *pb = NULL;
        DWORD rc = nr_pb_load(path, &pb, err);
        if (!rc && !nr_pb_find(pb, from))
            rc = fail(err, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, "no entry named \"%s\"", from);
        nr_pb_free(pb);
        return rc;
    }
    return edit(path, false, rename_fn, &a, err);
}
