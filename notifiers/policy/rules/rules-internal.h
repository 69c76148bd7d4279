/*
 * rules-internal.h - what the files of the policy library share and nobody
 * else sees: one rule and one rule file as rulefile.c builds them from
 * JSON, match.c matches them and ruleset.c holds them.
 */
#ifndef NR_POLICY_RULES_INTERNAL_H
#define NR_POLICY_RULES_INTERNAL_H

#include "policy.h"

/* A user or group of a rule: a name, or (name NULL) an ID. */
typedef struct nr_policy_id {
    char *name;
    unsigned long id;
} nr_policy_id;

typedef struct nr_policy_rule {
    int line;               /* of its opening brace */
    bool deny;              /* "effect" */
    unsigned ops;           /* "operations": NR_POLICY_ADD | NR_POLICY_CANCEL bits */
    char *remote, *local;   /* globs, NULL: any */
    char *provider;         /* NULL: any */
    char *comment;          /* NULL: none */
    nr_policy_id *users;    /* NULL: anyone */
    size_t nusers;
    nr_policy_id *groups;   /* NULL: any group */
    size_t ngroups;
    int from, to;           /* "hours" in minutes after midnight, from -1: at any time */
} nr_policy_rule;

typedef struct nr_policy_file {
    char *path;
    nr_policy_rule *rules;
    size_t nrules;
    int dflt;               /* "default": -1 absent, 0 allow, 1 deny */
    int default_line;
} nr_policy_file;

/* Largest rule file accepted (a rule file is a few kilobytes). */
#define NR_POLICY_MAX_FILE_SIZE (1u << 20)

/* rulefile.c: validates text[len] (NUL-terminated), read from path, into
 * *out (path copied).  0; or -1 after reporting every problem found to fn
 * (a file is wrong as soon as one value is; the first is reported). */
NR_POLICY_INTERNAL int nr_policy_file_parse(const char *path, const char *text, size_t len, nr_policy_file *out,
                                            nr_policy_problem_fn fn, void *user);
NR_POLICY_INTERNAL void nr_policy_file_clear(nr_policy_file *f);

/* match.c: whether rule matches rq. */
NR_POLICY_INTERNAL bool nr_policy_rule_matches(const nr_policy_rule *rule, const nr_policy_request *rq);

#endif
