/*
 * links.c - the symlink provider's record of the links it made: locating,
 * locking, reading and atomically rewriting a small JSON file
 *
 *     {"version": 1, "links": [{"local": "/home/me/data", "target": "/srv/data"}]}
 *
 * It knows nothing of the plugin ABI beyond the WN_* codes it returns, and it
 * never touches a link itself; symlink.c decides what to do with the table.
 * A record it cannot read is reported (WN_BAD_PROFILE) and left as it is,
 * never silently emptied.
 *
 * A new record is written to "<record>.tmp-PID" and renamed over the record,
 * only ever by the holder of the exclusive lock, which renames or removes
 * its file before it lets the lock go.  So whoever holds the lock, shared or
 * exclusive, and finds such a file knows that its writer was killed while
 * writing, and removes it (links_lock): nothing piles up.
 */
#define _GNU_SOURCE /* secure_getenv */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "links.h"

#define RECORD_NAME "symlink-links.json"
#define TMP_SUFFIX ".tmp-"

static DWORD fail(link_error *err, DWORD code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static DWORD fail(link_error *err, DWORD code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->text, sizeof err->text, fmt, ap);
    va_end(ap);
    return code;
}

static char *join(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *s = malloc(la + lb + 2);
    if (!s)
        return NULL;
    memcpy(s, a, la);
    s[la] = '/';
    memcpy(s + la + 1, b, lb + 1);
    return s;
}

char *links_default_path(void)
{
    const char *dir = secure_getenv("NETROUTER_STATE_DIR");
    char *base, *path;

    if (dir && dir[0] == '/')
        return join(dir, RECORD_NAME);
    if (dir && *dir) {
        /* relative to the working directory, as the router takes it */
        char *cwd = getcwd(NULL, 0);
        base = cwd ? join(cwd, dir) : NULL;
        free(cwd);
        path = base ? join(base, RECORD_NAME) : NULL;
        free(base);
        return path;
    }
    dir = secure_getenv("XDG_STATE_HOME");
    if (dir && dir[0] == '/') {
        base = join(dir, "netrouter");
    } else {
        const char *home = secure_getenv("HOME");
        if (!home || home[0] != '/') {
            struct passwd *pw = getpwuid(geteuid());
            home = pw ? pw->pw_dir : NULL;
        }
        if (!home || home[0] != '/')
            return NULL;
        base = join(home, ".local/state/netrouter");
    }
    if (!base)
        return NULL;
    path = join(base, RECORD_NAME);
    free(base);
    return path;
}

/* mkdir -p for the directory part of path, new directories 0700; -1 with
 * errno, and with *owner set (else (uid_t)-1) when a missing directory
 * would go inside one of another user: root with that user's HOME (sudo -E)
 * must not leave root-owned ~/.local/state there, which its owner could no
 * longer enter.  Inside the effective user's or root's, it is made. */
static int make_parents(const char *path, char *parent_out, size_t parent_size, uid_t *owner)
{
    char buf[PATH_MAX];
    char *slash;
    struct stat st;

    *owner = (uid_t)-1;
    if (strlen(path) >= sizeof buf) {
        errno = ENAMETOOLONG;
        return -1;
    }
    strcpy(buf, path);
    slash = strrchr(buf, '/');
    if (!slash || slash == buf)
        return 0;
    *slash = '\0';
    for (char *p = buf + 1; ; p++) {
        if (*p == '/' || *p == '\0') {
            char c = *p;
            *p = '\0';
            if (lstat(buf, &st) < 0 && errno == ENOENT) {
                char *cut = strrchr(buf, '/'); /* there is one: path is absolute */
                *cut = '\0';
                if (stat(cut == buf ? "/" : buf, &st) == 0 && st.st_uid != geteuid() && st.st_uid != 0) {
                    snprintf(parent_out, parent_size, "%s", cut == buf ? "/" : buf);
                    *owner = st.st_uid;
                    errno = EACCES;
                    return -1;
                }
                *cut = '/';
                if (mkdir(buf, 0700) < 0 && errno != EEXIST)
                    return -1;
            }
            *p = c;
            if (c == '\0')
                break;
        }
    }
    return 0;
}

/* Removes the temporary records of writers that were killed (see the top
 * of the file); the caller holds the lock.  Best effort. */
static void remove_leftovers(const char *path)
{
    char dir[PATH_MAX], prefix[NAME_MAX + sizeof TMP_SUFFIX];
    const char *slash = strrchr(path, '/');
    size_t dir_len = slash && slash > path ? (size_t)(slash - path) : 1; /* "/file.json": "/" */
    DIR *d;

    if (!slash || dir_len >= sizeof dir ||
        (size_t)snprintf(prefix, sizeof prefix, "%s" TMP_SUFFIX, slash + 1) >= sizeof prefix)
        return;
    memcpy(dir, path, dir_len);
    dir[dir_len] = '\0';
    if (!(d = opendir(dir)))
        return;
    for (struct dirent *de; (de = readdir(d));)
        if (!strncmp(de->d_name, prefix, strlen(prefix)))
            unlinkat(dirfd(d), de->d_name, 0);
    closedir(d);
}

DWORD links_lock(const char *path, bool exclusive, int *lock_fd, link_error *err)
{
    char lock_path[PATH_MAX];
    int fd;

    *lock_fd = -1;
    if ((size_t)snprintf(lock_path, sizeof lock_path, "%s.lock", path) >= sizeof lock_path)
        return fail(err, WN_CANNOT_OPEN_PROFILE, "state file name %s is too long", path);
    char parent[PATH_MAX];
    uid_t owner;
    if (make_parents(path, parent, sizeof parent, &owner) < 0) {
        if (owner != (uid_t)-1)
            return fail(err, WN_CANNOT_OPEN_PROFILE, "cannot create the directory of state file %s: %s belongs to "
                        "uid %u, and a directory is made only inside one of the current user (uid %u) or root; "
                        "set NETROUTER_STATE_DIR", path, parent, (unsigned)owner, (unsigned)geteuid());
        return fail(err, WN_CANNOT_OPEN_PROFILE, "cannot create the directory of state file %s: %s", path,
                    strerror(errno));
    }
    fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK, 0600);
    if (fd < 0)
        return fail(err, WN_CANNOT_OPEN_PROFILE, "cannot open lock file %s: %s", lock_path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return fail(err, WN_CANNOT_OPEN_PROFILE, "lock file %s is not a regular file", lock_path);
    }
    while (flock(fd, exclusive ? LOCK_EX : LOCK_SH) < 0) {
        if (errno != EINTR) {
            int e = errno;
            close(fd);
            return fail(err, WN_CANNOT_OPEN_PROFILE, "cannot lock %s: %s", lock_path, strerror(e));
        }
    }
    *lock_fd = fd;
    remove_leftovers(path);
    return WN_SUCCESS;
}

void links_unlock(int lock_fd)
{
    if (lock_fd >= 0)
        close(lock_fd); /* releases the flock */
}

DWORD links_add(link_table *t, const char *local, const char *target)
{
    link_entry e = { strdup(local), strdup(target) };

    if (!e.local || !e.target)
        goto oom;
    if (t->n == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 8;
        link_entry *v = realloc(t->v, cap * sizeof *v);
        if (!v)
            goto oom;
        t->v = v;
        t->cap = cap;
    }
    t->v[t->n++] = e;
    return WN_SUCCESS;
oom:
    free(e.local);
    free(e.target);
    return WN_OUT_OF_MEMORY;
}

void links_remove(link_table *t, size_t index)
{
    free(t->v[index].local);
    free(t->v[index].target);
    memmove(&t->v[index], &t->v[index + 1], (t->n - index - 1) * sizeof *t->v);
    t->n--;
}

void links_free(link_table *t)
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->v[i].local);
        free(t->v[i].target);
    }
    free(t->v);
    t->v = NULL;
    t->n = t->cap = 0;
}

bool links_is_live(const link_entry *e)
{
    char buf[PATH_MAX];
    ssize_t n = readlink(e->local, buf, sizeof buf);
    return n >= 0 && (size_t)n < sizeof buf && (size_t)n == strlen(e->target) && !memcmp(buf, e->target, (size_t)n);
}

DWORD links_load(const char *path, link_table *t, link_error *err)
{
    /* O_NONBLOCK: a FIFO in its place is refused below instead of
     * blocking in open(). */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK);
    struct stat st;
    json_error_t jerr;
    json_t *root, *links, *item;
    size_t i;
    DWORD rc = WN_SUCCESS;

    t->v = NULL;
    t->n = t->cap = 0;
    if (fd < 0) {
        if (errno == ENOENT)
            return WN_SUCCESS;
        return fail(err, WN_CANNOT_OPEN_PROFILE, "cannot open state file %s: %s", path, strerror(errno));
    }
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid() || (st.st_mode & 022)) {
        close(fd);
        return fail(err, WN_CANNOT_OPEN_PROFILE,
                    "state file %s is not a regular file owned by the current user and writable only by them",
                    path);
    }
    root = json_loadfd(fd, JSON_REJECT_DUPLICATES, &jerr);
    close(fd);
    if (!root)
        return fail(err, WN_BAD_PROFILE, "state file %s is damaged (line %d, column %d: %s)", path, jerr.line,
                    jerr.column, jerr.text);
    links = json_object_get(root, "links");
    if (json_integer_value(json_object_get(root, "version")) != 1 || !json_is_array(links)) {
        rc = fail(err, WN_BAD_PROFILE, "state file %s is damaged: expected {\"version\": 1, \"links\": [...]}", path);
        goto out;
    }
    json_array_foreach(links, i, item) {
        const char *local = json_string_value(json_object_get(item, "local"));
        const char *target = json_string_value(json_object_get(item, "target"));
        if (!local || !target || local[0] != '/' || target[0] != '/') {
            rc = fail(err, WN_BAD_PROFILE, "state file %s is damaged: entry %zu lacks an absolute \"local\" or \"target\"",
                      path, i);
            goto out;
        }
        rc = links_add(t, local, target);
        if (rc != WN_SUCCESS) {
            fail(err, rc, "out of memory reading state file %s", path);
            goto out;
        }
    }
out:
    if (rc != WN_SUCCESS)
        links_free(t);
    json_decref(root);
    return rc;
}

/* Makes the rename durable. */
static void sync_parent(const char *path)
{
    char dir[PATH_MAX];
    char *slash;
    int fd;

    if (strlen(path) >= sizeof dir)
        return;
    strcpy(dir, path);
    slash = strrchr(dir, '/');
    if (!slash)
        return;
    slash[slash == dir ? 1 : 0] = '\0';
    fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

DWORD links_save(const char *path, const link_table *t, link_error *err)
{
    char tmp[PATH_MAX];
    json_t *root = json_object(), *links = json_array();
    int fd = -1;
    bool created = false;
    DWORD rc = WN_SUCCESS;

    if (!root || !links) {
        json_decref(root);
        json_decref(links);
        return fail(err, WN_OUT_OF_MEMORY, "out of memory writing state file %s", path);
    }
    json_object_set_new(root, "version", json_integer(1));
    json_object_set_new(root, "links", links);
    for (size_t i = 0; i < t->n; i++)
        json_array_append_new(links, json_pack("{s:s, s:s}", "local", t->v[i].local, "target", t->v[i].target));

    if ((size_t)snprintf(tmp, sizeof tmp, "%s" TMP_SUFFIX "%ld", path, (long)getpid()) >= sizeof tmp) {
        rc = fail(err, WN_CANNOT_OPEN_PROFILE, "state file name %s is too long", path);
        goto out;
    }
    fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, 0600);
    if (fd < 0 && errno == EEXIST && unlink(tmp) == 0) /* a leftover of a killed writer with our PID */
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, 0600);
    if (fd < 0) {
        rc = fail(err, WN_CANNOT_OPEN_PROFILE, "cannot create a temporary file next to %s: %s", path, strerror(errno));
        goto out;
    }
    created = true;
    if (fchmod(fd, 0600) < 0 || json_dumpfd(root, fd, JSON_INDENT(2) | JSON_SORT_KEYS) < 0 ||
        write(fd, "\n", 1) != 1 || fsync(fd) < 0) {
        rc = fail(err, WN_CANNOT_OPEN_PROFILE, "cannot write %s: %s", tmp, strerror(errno));
        goto out;
    }
    if (close(fd) < 0) {
        fd = -1;
        rc = fail(err, WN_CANNOT_OPEN_PROFILE, "cannot write %s: %s", tmp, strerror(errno));
        goto out;
    }
    fd = -1;
    if (rename(tmp, path) < 0) {
        rc = fail(err, WN_CANNOT_OPEN_PROFILE, "cannot replace state file %s: %s", path, strerror(errno));
        goto out;
    }
    created = false;
    sync_parent(path);
out:
    if (fd >= 0)
        close(fd);
    if (created)
        unlink(tmp);
    json_decref(root);
    return rc;
}
