/*
 * match.c - whether one rule matches one operation: the operation, the
 * remote and local globs, the provider, the users and groups, the hours.
 *
 * Globs are fnmatch(3) with no flags: case-sensitive, '*' and '?' match
 * '/' too (no FNM_PATHNAME) and a leading '.' (no FNM_PERIOD), and '\'
 * quotes the next character.  Names of users and groups in a rule are
 * looked up when a rule is matched, so a change to the user database
 * applies at once.  Reentrant; reads nothing but the rule, the request and
 * the group database.
 */
#include "config.h"

#include <errno.h>
#include <fnmatch.h>
#include <grp.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rules-internal.h"

static bool glob_matches(const char *glob, const char *name)
{
    return fnmatch(glob, name ? name : "", 0) == 0;
}

static bool has_gid(const nr_policy_subject *s, gid_t gid)
{
    for (size_t i = 0; i < s->ngids; i++)
        if (s->gids[i] == gid)
            return true;
    return false;
}

/* The ID of group name, or false when there is no such group. */
static bool group_id(const char *name, gid_t *gid)
{
    long size = sysconf(_SC_GETGR_R_SIZE_MAX);
    size_t len = size > 0 ? (size_t)size : 1024;
    struct group gr, *res = NULL;
    char *buf = NULL;
    int rc;

    for (;;) {
        char *nb = realloc(buf, len);
        if (!nb) {
            free(buf);
            return false;
        }
        buf = nb;
        rc = getgrnam_r(name, &gr, buf, len, &res);
        if (rc != ERANGE || len > (1u << 20))
            break;
        len *= 2;
    }
    if (rc == 0 && res)
        *gid = res->gr_gid;
    free(buf);
    return rc == 0 && res;
}

static bool user_matches(const nr_policy_rule *r, const nr_policy_subject *s)
{
    for (size_t i = 0; i < r->nusers; i++) {
        const nr_policy_id *u = &r->users[i];
        if (u->name ? (s->name && !strcmp(u->name, s->name)) : u->id == (unsigned long)s->uid)
            return true;
    }
    return false;
}

static bool group_matches(const nr_policy_rule *r, const nr_policy_subject *s)
{
    for (size_t i = 0; i < r->ngroups; i++) {
        const nr_policy_id *g = &r->groups[i];
        gid_t gid;
        if (g->name ? group_id(g->name, &gid) && has_gid(s, gid) : has_gid(s, (gid_t)g->id))
            return true;
    }
    return false;
}

static bool hours_match(const nr_policy_rule *r, int minute)
{
    if (r->from < 0)
        return true;
    if (r->from < r->to) /* "09:00-17:00": the end is not in the range */
        return minute >= r->from && minute < r->to;
    return minute >= r->from || minute < r->to; /* "22:00-06:00" wraps past midnight */
}

bool nr_policy_rule_matches(const nr_policy_rule *r, const nr_policy_request *rq)
{
    if (!(r->ops & rq->op))
        return false;
    if (r->remote && !glob_matches(r->remote, rq->remote))
        return false;
    /* A cancel names one thing, a local or a remote name: "local" is matched
     * against it as "remote" is. */
    if (r->local && !glob_matches(r->local, rq->op == NR_POLICY_CANCEL ? rq->remote : rq->local))
        return false;
    if (r->provider && (!rq->provider || strcmp(r->provider, rq->provider)))
        return false;
    if (r->users && (!rq->subject || !user_matches(r, rq->subject)))
        return false;
    if (r->groups && (!rq->subject || !group_matches(r, rq->subject)))
        return false;
    return hours_match(r, rq->minute);
}
