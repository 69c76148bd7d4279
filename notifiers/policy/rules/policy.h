/*
 * policy.h - the rules of the policy notifier: reading the rule files of a
 * directory (netrouter-policy(5)), and deciding whether one operation is
 * allowed.  One copy of this code serves both the notifier plugin
 * (notifiers/policy/plugin.c) and `netrouter policy check` (router/cli), so
 * that the check gives the answer the notifier gives.
 *
 * Internal (a convenience library, never installed).  This header needs
 * only the C library: the plugin, which sees nothing of router/common,
 * includes it.
 *
 *     nr_policy *p = nr_policy_load("/etc/netrouter/policy.d", report, NULL);
 *     nr_policy_subject *me = nr_policy_subject_of_uid(getuid(), getgid());
 *     nr_policy_request rq = { .op = NR_POLICY_ADD, .remote = "link:/srv", .local = "/mnt/a",
 *                              .subject = me, .minute = nr_policy_minute_now() };
 *     nr_policy_decision d;
 *     nr_policy_decide(p, &rq, &d);
 *     if (!d.allow) ... nr_policy_describe(&d, text, sizeof text) ...
 *     nr_policy_subject_free(me);
 *     nr_policy_free(p);
 *
 * Thread safety: a loaded nr_policy is read-only, so several threads may
 * decide with one at once; everything else is reentrant.
 */
#ifndef NR_POLICY_H
#define NR_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define NR_POLICY_INTERNAL __attribute__((visibility("hidden")))

/* The operations a rule names ("operations"). */
typedef enum nr_policy_op { NR_POLICY_ADD = 1, NR_POLICY_CANCEL = 2 } nr_policy_op;

/* ---- configuration (the manifest's "config") ----------------------------------- */

typedef struct nr_policy_config {
    char *dir;       /* the rule directory (malloc'ed): "dir", else NR_POLICY_DEFAULT_DIR */
    int test_minute; /* "test_time" as minutes after midnight, or -1: use the clock */
} nr_policy_config;

/* The rule directory when the config names none: $(sysconfdir)/netrouter/policy.d. */
NR_POLICY_INTERNAL const char *nr_policy_default_dir(void);

/* Reads the manifest's config object (JSON text, NULL for "{}"): keys
 * "dir" (an absolute directory name) and "test_time" ("HH:MM", a fixed
 * local time for tests), "x-*" ignored, anything else refused.  0 and *out
 * filled (free with nr_policy_config_free()); or -1 with why[size] saying
 * what is wrong ("config \"dir\": ..."). */
NR_POLICY_INTERNAL int nr_policy_config_parse(const char *json, nr_policy_config *out, char *why, size_t size);
NR_POLICY_INTERNAL void nr_policy_config_free(nr_policy_config *c);

/* ---- time ------------------------------------------------------------------------- */

/* Minutes after local midnight now (localtime_r, so TZ applies). */
NR_POLICY_INTERNAL int nr_policy_minute_now(void);
/* Reads "HH:MM" (00:00 to 23:59; 24:00 too when allow_24 is true) into
 * minutes after midnight; -1 when s is not such a time. */
NR_POLICY_INTERNAL int nr_policy_parse_minute(const char *s, size_t len, bool allow_24);

/* ---- who asks -------------------------------------------------------------------- */

/* A user as rules see it: its ID, its name (NULL without a passwd entry)
 * and its groups: the primary group of its passwd entry and every group
 * getgrouplist(3) gives for it. */
typedef struct nr_policy_subject {
    uid_t uid;
    char *name;
    gid_t *gids;
    size_t ngids;
} nr_policy_subject;

/* The subject of a user ID.  fallback_gid is its only group when the ID has
 * no passwd entry ((gid_t)-1: none).  NULL only when memory is short. */
NR_POLICY_INTERNAL nr_policy_subject *nr_policy_subject_of_uid(uid_t uid, gid_t fallback_gid);
/* The subject of a user named by name or by a decimal ID; NULL with errno
 * ENOENT when there is no such user name (an ID needs no passwd entry),
 * EINVAL for an empty text, ENOMEM. */
NR_POLICY_INTERNAL nr_policy_subject *nr_policy_subject_of_user(const char *user);
NR_POLICY_INTERNAL void nr_policy_subject_free(nr_policy_subject *s);

/* ---- rule sets ------------------------------------------------------------------ */

typedef struct nr_policy nr_policy;

/* One problem met while loading: a broken or unsafe rule file (which is
 * then skipped), or a directory that cannot be read.  line and column are
 * 1-based, 0 when the problem has no position; key is the path of the value
 * at fault ("rules[2].hours"), NULL when none. */
typedef struct nr_policy_problem {
    const char *file;
    int line, column;
    const char *key;
    const char *message;
} nr_policy_problem;
typedef void (*nr_policy_problem_fn)(void *user, const nr_policy_problem *p);

/* Reads every rule file of dir: the names ending in ".json" that do not
 * start with '.', in byte order (strcmp).  A file must be a regular file
 * owned by root or the effective user and writable by nobody else (as
 * manifests); a file that breaks that rule, cannot be read, or fails
 * validation is skipped and reported to fn (may be NULL), and the others
 * apply.  A directory that does not exist holds no rules; one that exists
 * but cannot be read is reported and makes the rule set deny everything
 * (nr_policy_decide() says why).  NULL only when memory is short.  The
 * caller frees the result with nr_policy_free(). */
NR_POLICY_INTERNAL nr_policy *nr_policy_load(const char *dir, nr_policy_problem_fn fn, void *user);
NR_POLICY_INTERNAL void nr_policy_free(nr_policy *p);

/* True when the files of the directory p was loaded from changed since
 * (a file added, removed, renamed, written, or its owner or mode changed):
 * time to load it again.  Costs a directory read and a stat per file. */
NR_POLICY_INTERNAL bool nr_policy_changed(const nr_policy *p);

/* True when some rule names "users" or "groups" (a caller may then skip
 * building a subject for a rule set that does not need one). */
NR_POLICY_INTERNAL bool nr_policy_uses_identity(const nr_policy *p);
/* The number of rule files loaded and of rules in them (for messages). */
NR_POLICY_INTERNAL size_t nr_policy_file_count(const nr_policy *p);
NR_POLICY_INTERNAL size_t nr_policy_rule_count(const nr_policy *p);

/* One operation to decide on. */
typedef struct nr_policy_request {
    nr_policy_op op;
    const char *remote;                /* add: the remote name; cancel: the name given (local or remote) */
    const char *local;                 /* add: the local name (NULL or "" for none); cancel: ignored */
    const char *provider;              /* the provider the caller named, or NULL */
    const nr_policy_subject *subject;  /* who asks; NULL: rules with "users" or "groups" never match */
    int minute;                        /* local time of day, minutes after midnight (0 to 1439) */
} nr_policy_request;

typedef enum nr_policy_reason {
    NR_POLICY_BY_RULE,    /* a rule matched: file, line, rule, comment */
    NR_POLICY_BY_DEFAULT, /* no rule matched; the "default" of file (at line) decided */
    NR_POLICY_BY_NOTHING, /* no rule matched and no file sets a default: allowed */
    NR_POLICY_BY_ERROR    /* the directory cannot be read: denied (file is the directory) */
} nr_policy_reason;

/* What nr_policy_decide() found.  The strings belong to the rule set. */
typedef struct nr_policy_decision {
    bool allow;
    nr_policy_reason by;
    const char *file;    /* the rule file (BY_RULE, BY_DEFAULT), the directory (BY_ERROR), or NULL */
    int line;            /* the line of the rule's opening brace, or of the "default" key */
    size_t rule;         /* BY_RULE: the rule's index (from 0) in its file's "rules" */
    const char *comment; /* BY_RULE: the rule's "comment", or NULL */
    const char *error;   /* BY_ERROR: why the directory cannot be read */
} nr_policy_decision;

/* The first rule, over all files in order, that matches rq decides; when
 * none does, the "default" of the first file (in order) that sets one;
 * when none sets one, allow.  A rule matches when every key it has matches
 * (see netrouter-policy(5)). */
NR_POLICY_INTERNAL void nr_policy_decide(const nr_policy *p, const nr_policy_request *rq, nr_policy_decision *out);

/* The decision as one sentence in buf[size] ("denied by policy rule
 * /etc/netrouter/policy.d/10-x.json:3 (night: no dial-up)"); returns buf. */
NR_POLICY_INTERNAL const char *nr_policy_describe(const nr_policy_decision *d, char *buf, size_t size);

#endif
