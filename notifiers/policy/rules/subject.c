/*
 * subject.c - who asks, as rules see a user: its ID, its name and its
 * groups (the primary group of its passwd entry and its supplementary
 * groups from getgrouplist(3), that is, from the group database: the
 * answer for a user is the same whichever process asks).
 *
 * Reentrant (getpwuid_r, getpwnam_r); owns nothing but the subjects it
 * makes.
 */
#include "config.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "policy.h"

/* Looks a user up by name (name non-NULL) or ID; buf is the caller's to
 * free.  1 found, 0 no such user, -1 error (errno). */
static int lookup(const char *name, uid_t uid, struct passwd *pw, char **buf)
{
    long size = sysconf(_SC_GETPW_R_SIZE_MAX);
    size_t len = size > 0 ? (size_t)size : 1024;
    struct passwd *res = NULL;
    int rc;

    for (;;) {
        char *nb = realloc(*buf, len);
        if (!nb)
            return -1;
        *buf = nb;
        rc = name ? getpwnam_r(name, pw, *buf, len, &res) : getpwuid_r(uid, pw, *buf, len, &res);
        if (rc != ERANGE || len > (1u << 20))
            break;
        len *= 2;
    }
    if (rc == 0)
        return res != NULL;
    /* "no such user" comes back as any of these from some NSS modules */
    if (rc == ENOENT || rc == ESRCH || rc == EBADF || rc == EPERM)
        return 0;
    errno = rc;
    return -1;
}

/* Fills s's name and groups from its passwd entry pw. */
static int fill(nr_policy_subject *s, const struct passwd *pw)
{
    int n = 16;
    if (!(s->name = strdup(pw->pw_name)))
        return -1;
    for (;;) {
        gid_t *v = realloc(s->gids, (size_t)n * sizeof *v);
        int got = n;
        if (!v)
            return -1;
        s->gids = v;
        if (getgrouplist(pw->pw_name, pw->pw_gid, s->gids, &got) >= 0) {
            s->ngids = (size_t)got;
            return 0;
        }
        if (got <= n || n > 65536) {
            s->gids[0] = pw->pw_gid; /* cannot tell its other groups: the primary one only */
            s->ngids = 1;
            return 0;
        }
        n = got;
    }
}

static nr_policy_subject *make(const char *name, uid_t uid, gid_t fallback_gid)
{
    nr_policy_subject *s = calloc(1, sizeof *s);
    struct passwd pw;
    char *buf = NULL;
    int found;

    if (!s)
        return NULL;
    found = lookup(name, uid, &pw, &buf);
    if (found < 0) {
        free(buf);
        free(s);
        return NULL;
    }
    if (!found && name) {
        free(buf);
        free(s);
        errno = ENOENT;
        return NULL;
    }
    s->uid = found ? pw.pw_uid : uid;
    if (found ? fill(s, &pw) < 0 : 0) {
        free(buf);
        nr_policy_subject_free(s);
        errno = ENOMEM;
        return NULL;
    }
    if (!found && fallback_gid != (gid_t)-1) {
        if (!(s->gids = malloc(sizeof *s->gids))) {
            free(buf);
            free(s);
            return NULL;
        }
        s->gids[0] = fallback_gid;
        s->ngids = 1;
    }
    free(buf);
    return s;
}

nr_policy_subject *nr_policy_subject_of_uid(uid_t uid, gid_t fallback_gid)
{
    return make(NULL, uid, fallback_gid);
}

nr_policy_subject *nr_policy_subject_of_user(const char *user)
{
    char *end;
    unsigned long long id;
    if (!user || !*user) {
        errno = EINVAL;
        return NULL;
    }
    if (*user >= '0' && *user <= '9') {
        errno = 0;
        id = strtoull(user, &end, 10);
        if (!*end && !errno && id < 0xffffffffull)
            return make(NULL, (uid_t)id, (gid_t)-1);
    }
    return make(user, 0, (gid_t)-1);
}

void nr_policy_subject_free(nr_policy_subject *s)
{
    if (!s)
        return;
    free(s->name);
    free(s->gids);
    free(s);
}
