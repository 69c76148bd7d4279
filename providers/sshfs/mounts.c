/*
 * mounts.c - the calling user's sshfs mounts from /proc/self/mountinfo
 * (mounts.h), and local names normalised without touching the file system.
 *
 * A mountinfo line (proc(5)):
 *   36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
 * fields 5 (mount point) and, after the " - " separator, the type, the
 * source and the super options, each with space, tab, newline and backslash
 * written as \ooo.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mounts.h"

#define MOUNTINFO "/proc/self/mountinfo"

/* Decodes the \ooo escapes of one field in place. */
static void unescape(char *s)
{
    char *d = s;
    for (; *s; s++) {
        if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' && s[2] <= '7' && s[3] >= '0' && s[3] <= '7') {
            *d++ = (char)(((s[1] - '0') << 6) | ((s[2] - '0') << 3) | (s[3] - '0'));
            s += 3;
        } else {
            *d++ = *s;
        }
    }
    *d = '\0';
}

/* Splits a mountinfo line: mount point, type, source, super options. */
static bool split_line(char *line, char **mnt, char **type, char **source, char **opts)
{
    char *save = NULL, *tok;
    int field = 0;
    bool after = false;

    *mnt = *type = *source = *opts = NULL;
    line[strcspn(line, "\n")] = '\0';
    for (tok = strtok_r(line, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
        field++;
        if (!after) {
            if (field == 5)
                *mnt = tok;
            else if (field > 6 && !strcmp(tok, "-"))
                after = true, field = 0;
        } else if (field == 1) {
            *type = tok;
        } else if (field == 2) {
            *source = tok;
        } else if (field == 3) {
            *opts = tok;
        }
    }
    return *mnt && *type && *source && *opts;
}

/* The user_id=N of the super options, or -1. */
static long user_id(const char *opts)
{
    for (const char *p = opts; p && *p; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL)
        if (!strncmp(p, "user_id=", 8))
            return strtol(p + 8, NULL, 10);
    return -1;
}

DWORD sshfs_mounts_read(sshfs_mount_table *t, char *why, size_t why_size)
{
    FILE *f = fopen(MOUNTINFO, "re");
    char *line = NULL, *mnt, *type, *source, *opts;
    size_t cap = 0, alloc = 0;
    DWORD rc = WN_SUCCESS;

    t->v = NULL;
    t->n = 0;
    if (!f) {
        snprintf(why, why_size, "cannot read the mount table %s: %s", MOUNTINFO, strerror(errno));
        return WN_NO_NETWORK;
    }
    while (getline(&line, &cap, f) > 0) {
        sshfs_mount m = { 0 };
        if (!split_line(line, &mnt, &type, &source, &opts) || strcmp(type, "fuse.sshfs") ||
            user_id(opts) != (long)geteuid())
            continue;
        unescape(mnt);
        unescape(source);
        if (sshfs_name_parse(source, &m.name, NULL, 0) != WN_SUCCESS && !sshfs_name_from_source(source, &m.name))
            continue; /* not a name we can speak of */
        char remote[PATH_MAX + 600];
        if (!sshfs_name_format(&m.name, remote, sizeof remote))
            continue;
        if (t->n == alloc) {
            size_t n = alloc ? 2 * alloc : 4;
            sshfs_mount *v = realloc(t->v, n * sizeof *v);
            if (!v) {
                rc = WN_OUT_OF_MEMORY;
                break;
            }
            t->v = v;
            alloc = n;
        }
        m.mountpoint = strdup(mnt);
        m.remote = strdup(remote);
        if (!m.mountpoint || !m.remote) {
            free(m.mountpoint);
            free(m.remote);
            rc = WN_OUT_OF_MEMORY;
            break;
        }
        t->v[t->n++] = m;
    }
    free(line);
    fclose(f);
    if (rc != WN_SUCCESS) {
        snprintf(why, why_size, "out of memory reading the mount table");
        sshfs_mounts_free(t);
    }
    return rc;
}

void sshfs_mounts_free(sshfs_mount_table *t)
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->v[i].mountpoint);
        free(t->v[i].remote);
    }
    free(t->v);
    t->v = NULL;
    t->n = 0;
}

const sshfs_mount *sshfs_mounts_at(const sshfs_mount_table *t, const char *path)
{
    /* the last one: a later mount on the same point hides the earlier */
    for (size_t i = t->n; i-- > 0;)
        if (!strcmp(t->v[i].mountpoint, path))
            return &t->v[i];
    return NULL;
}

const sshfs_mount *sshfs_mounts_containing(const sshfs_mount_table *t, const char *path, const char **rest)
{
    const sshfs_mount *best = NULL;
    size_t best_len = 0;

    for (size_t i = 0; i < t->n; i++) {
        const char *mp = t->v[i].mountpoint;
        size_t n = strlen(mp);
        if (!strcmp(mp, "/"))
            n = 0;
        if (strncmp(path, mp, n) || (path[n] != '/' && path[n] != '\0'))
            continue;
        if (!best || n >= best_len) {
            best = &t->v[i];
            best_len = n;
        }
    }
    if (best && rest) {
        *rest = path + best_len;
        while (**rest == '/')
            (*rest)++;
    }
    return best;
}

bool sshfs_is_mount_point(const char *path)
{
    FILE *f = fopen(MOUNTINFO, "re");
    char *line = NULL, *mnt, *type, *source, *opts;
    size_t cap = 0;
    bool found = false;

    if (!f)
        return false;
    while (!found && getline(&line, &cap, f) > 0) {
        if (!split_line(line, &mnt, &type, &source, &opts))
            continue;
        unescape(mnt);
        found = !strcmp(mnt, path);
    }
    free(line);
    fclose(f);
    return found;
}

bool sshfs_local_normalize(const char *name, char *out, size_t size)
{
    char buf[PATH_MAX * 2];
    size_t used = 0;
    const char *p;

    if (!name || !*name || size < 2)
        return false;
    if (name[0] == '/') {
        if (strlen(name) >= sizeof buf)
            return false;
        strcpy(buf, name);
    } else {
        char cwd[PATH_MAX];
        if (!getcwd(cwd, sizeof cwd) || (size_t)snprintf(buf, sizeof buf, "%s/%s", cwd, name) >= sizeof buf)
            return false;
    }
    out[0] = '\0';
    for (p = buf; *p;) {
        while (*p == '/')
            p++;
        size_t n = strcspn(p, "/");
        if (n == 0)
            break;
        if (n == 1 && p[0] == '.') {
            /* nothing */
        } else if (n == 2 && p[0] == '.' && p[1] == '.') {
            while (used > 0 && out[used - 1] != '/')
                used--;
            if (used > 0)
                used--; /* the '/' */
            out[used] = '\0';
        } else {
            if (used + 1 + n + 1 > size)
                return false;
            out[used++] = '/';
            memcpy(out + used, p, n);
            used += n;
            out[used] = '\0';
        }
        p += n;
    }
    if (used == 0) {
        out[0] = '/';
        out[1] = '\0';
    }
    return true;
}
