/*
 * rulefile.c - one policy rule file: strict JSON, the schema of
 * netrouter-policy(5), and a problem naming file, line, column and key for
 * the first thing that is wrong.
 *
 * jansson places syntax errors only; for a value of the wrong type or out
 * of range the position comes from nr_json_locate (router/common/json.h),
 * like the manifest validator's.  Owns the conversion of JSON into
 * nr_policy_file and nothing else: no file opening, no matching.
 */
#include "config.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "suggest.h"
#include "rules-internal.h"

typedef struct parse_ctx {
    const char *path, *text;
    nr_policy_problem_fn fn;
    void *user;
} parse_ctx;

/* The known keys of the top level and of a rule, for "did you mean". */
static const char *const top_keys[] = { "rules", "default" };
static const char *const rule_keys[] = { "effect", "operations", "remote", "local", "provider",
                                          "users",  "groups",     "hours",  "comment" };
#define N_TOP_KEYS (sizeof top_keys / sizeof top_keys[0])
#define N_RULE_KEYS (sizeof rule_keys / sizeof rule_keys[0])

/* Reports a problem with the value at rules[rule].key[elem] (rule -1: a key
 * of the top level; key NULL: the rule itself; elem -1: the whole value). */
static int problem(parse_ctx *c, long rule, const char *key, long elem, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static int problem(parse_ctx *c, long rule, const char *key, long elem, const char *fmt, ...)
{
    nr_json_step path[4];
    size_t n = 0;
    char name[160] = "", msg[512];
    int line = 0, column = 0;
    va_list ap;

    if (rule >= 0) {
        path[n++] = (nr_json_step){ "rules", 0 };
        path[n++] = (nr_json_step){ NULL, (size_t)rule };
        snprintf(name, sizeof name, "rules[%ld]", rule);
    }
    if (key) {
        path[n++] = (nr_json_step){ key, 0 };
        snprintf(name + strlen(name), sizeof name - strlen(name), "%s%s", rule >= 0 ? "." : "", key);
    }
    if (key && elem >= 0) {
        path[n++] = (nr_json_step){ NULL, (size_t)elem };
        snprintf(name + strlen(name), sizeof name - strlen(name), "[%ld]", elem);
    }
    if (n)
        nr_json_locate(c->text, path, n, &line, &column);
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (c->fn)
        c->fn(c->user, &(nr_policy_problem){ c->path, line, column, name[0] ? name : NULL, msg });
    return -1;
}

static bool known(const char *key, const char *const *keys, size_t n)
{
    if (!strncmp(key, "x-", 2))
        return true;
    for (size_t i = 0; i < n; i++)
        if (!strcmp(key, keys[i]))
            return true;
    return false;
}

static int unknown_key(parse_ctx *c, long rule, const char *key, const char *const *keys, size_t n)
{
    const char *near = nr_suggest(key, keys, n, sizeof *keys);
    if (near)
        return problem(c, rule, key, -1, "unknown key \"%s\": did you mean \"%s\"? (keys starting with \"x-\" are "
                       "free for local use)", key, near);
    return problem(c, rule, key, -1, "unknown key \"%s\" (keys starting with \"x-\" are free for local use)", key);
}

/* "allow" or "deny" into *deny. */
static int effect_value(parse_ctx *c, long rule, const char *key, json_t *v, bool *deny)
{
    const char *s = json_string_value(v);
    if (!json_is_string(v))
        return problem(c, rule, key, -1, "must be \"allow\" or \"deny\", not %s", nr_json_kind_name(v));
    if (strcmp(s, "allow") && strcmp(s, "deny"))
        return problem(c, rule, key, -1, "must be \"allow\" or \"deny\", not \"%s\"", s);
    *deny = !strcmp(s, "deny");
    return 0;
}

/* A string value copied into *out; empty refused unless empty_ok. */
static int string_value(parse_ctx *c, long rule, const char *key, json_t *v, bool empty_ok, char **out)
{
    if (!json_is_string(v))
        return problem(c, rule, key, -1, "must be a string, not %s", nr_json_kind_name(v));
    if (!empty_ok && json_string_length(v) == 0)
        return problem(c, rule, key, -1, "must not be empty");
    *out = strdup(json_string_value(v));
    return *out ? 0 : problem(c, rule, key, -1, "out of memory");
}

static int operations_value(parse_ctx *c, long rule, json_t *v, unsigned *ops)
{
    size_t i;
    json_t *e;
    if (!json_is_array(v))
        return problem(c, rule, "operations", -1, "must be an array of \"add\" and \"cancel\", not %s",
                       nr_json_kind_name(v));
    if (json_array_size(v) == 0)
        return problem(c, rule, "operations", -1, "must name at least one operation (leave the key out for "
                       "every operation)");
    *ops = 0;
    json_array_foreach(v, i, e) {
        const char *s = json_string_value(e);
        if (s && !strcmp(s, "add"))
            *ops |= NR_POLICY_ADD;
        else if (s && !strcmp(s, "cancel"))
            *ops |= NR_POLICY_CANCEL;
        else if (s)
            return problem(c, rule, "operations", (long)i, "\"%s\" is not an operation (\"add\" or \"cancel\")", s);
        else
            return problem(c, rule, "operations", (long)i, "must be \"add\" or \"cancel\", not %s",
                           nr_json_kind_name(e));
    }
    return 0;
}

/* True when s is a decimal number that fits an ID (uid_t and gid_t are 32
 * bits; (uid_t)-1 means "no ID"). */
static bool decimal_id(const char *s, unsigned long *id)
{
    char *end;
    if (*s < '0' || *s > '9')
        return false;
    unsigned long long v = strtoull(s, &end, 10);
    if (*end || v >= 0xffffffffull)
        return false;
    *id = (unsigned long)v;
    return true;
}

/* "users" or "groups": names or IDs (integers or strings of digits). */
static int ids_value(parse_ctx *c, long rule, const char *key, json_t *v, nr_policy_id **out, size_t *nout)
{
    size_t i, n = json_array_size(v);
    json_t *e;
    if (!json_is_array(v))
        return problem(c, rule, key, -1, "must be an array of names and IDs, not %s", nr_json_kind_name(v));
    if (n == 0)
        return problem(c, rule, key, -1, "must name at least one %s (leave the key out for anyone)",
                       !strcmp(key, "users") ? "user" : "group");
    if (!(*out = calloc(n, sizeof **out)))
        return problem(c, rule, key, -1, "out of memory");
    *nout = n;
    json_array_foreach(v, i, e) {
        nr_policy_id *id = &(*out)[i];
        if (json_is_integer(e)) {
            json_int_t x = json_integer_value(e);
            if (x < 0 || x >= 0xffffffffll)
                return problem(c, rule, key, (long)i, "%lld is not an ID (0 to 4294967294)", (long long)x);
            id->id = (unsigned long)x;
        } else if (json_is_string(e)) {
            const char *s = json_string_value(e);
            if (!*s)
                return problem(c, rule, key, (long)i, "must not be an empty name");
            if (!decimal_id(s, &id->id)) {
                if (*s >= '0' && *s <= '9' && strspn(s, "0123456789") == strlen(s))
                    return problem(c, rule, key, (long)i, "\"%s\" is not an ID (0 to 4294967294)", s);
                if (!(id->name = strdup(s)))
                    return problem(c, rule, key, (long)i, "out of memory");
            }
        } else {
            return problem(c, rule, key, (long)i, "must be a name or an ID, not %s", nr_json_kind_name(e));
        }
    }
    return 0;
}

static int hours_value(parse_ctx *c, long rule, json_t *v, int *from, int *to)
{
    const char *s = json_string_value(v), *dash;
    if (!json_is_string(v))
        return problem(c, rule, "hours", -1, "must be a string \"HH:MM-HH:MM\", not %s", nr_json_kind_name(v));
    dash = strchr(s, '-');
    if (!dash || (*from = nr_policy_parse_minute(s, (size_t)(dash - s), false)) < 0 ||
        (*to = nr_policy_parse_minute(dash + 1, strlen(dash + 1), true)) < 0)
        return problem(c, rule, "hours", -1, "\"%s\" is not a range of local times \"HH:MM-HH:MM\" (00:00 to 23:59, "
                       "and 24:00 as an end)", s);
    if (*from == *to % (24 * 60))
        return problem(c, rule, "hours", -1, "\"%s\" is an empty range (leave the key out to match at any time)", s);
    return 0;
}

static int parse_rule(parse_ctx *c, long index, json_t *o, nr_policy_rule *r)
{
    const char *key;
    json_t *v;
    int line = 0, column = 0;
    const nr_json_step path[] = { { "rules", 0 }, { NULL, (size_t)index } };

    nr_json_locate(c->text, path, 2, &line, &column);
    *r = (nr_policy_rule){ .line = line, .ops = NR_POLICY_ADD | NR_POLICY_CANCEL, .from = -1, .to = -1 };
    if (!json_is_object(o))
        return problem(c, index, NULL, -1, "a rule must be an object, not %s", nr_json_kind_name(o));
    json_object_foreach(o, key, v) {
        if (!known(key, rule_keys, N_RULE_KEYS))
            return unknown_key(c, index, key, rule_keys, N_RULE_KEYS);
    }
    if (!(v = json_object_get(o, "effect")))
        return problem(c, index, NULL, -1, "the rule has no \"effect\" (\"allow\" or \"deny\")");
    if (effect_value(c, index, "effect", v, &r->deny) < 0)
        return -1;
    if ((v = json_object_get(o, "operations")) && operations_value(c, index, v, &r->ops) < 0)
        return -1;
    if ((v = json_object_get(o, "remote")) && string_value(c, index, "remote", v, false, &r->remote) < 0)
        return -1;
    /* An empty local glob is useful: it matches an operation without a local name. */
    if ((v = json_object_get(o, "local")) && string_value(c, index, "local", v, true, &r->local) < 0)
        return -1;
    if ((v = json_object_get(o, "provider")) && string_value(c, index, "provider", v, false, &r->provider) < 0)
        return -1;
    if ((v = json_object_get(o, "comment")) && string_value(c, index, "comment", v, true, &r->comment) < 0)
        return -1;
    if ((v = json_object_get(o, "users")) && ids_value(c, index, "users", v, &r->users, &r->nusers) < 0)
        return -1;
    if ((v = json_object_get(o, "groups")) && ids_value(c, index, "groups", v, &r->groups, &r->ngroups) < 0)
        return -1;
    if ((v = json_object_get(o, "hours")) && hours_value(c, index, v, &r->from, &r->to) < 0)
        return -1;
    return 0;
}

static void rule_clear(nr_policy_rule *r)
{
    free(r->remote);
    free(r->local);
    free(r->provider);
    free(r->comment);
    for (size_t i = 0; r->users && i < r->nusers; i++)
        free(r->users[i].name);
    for (size_t i = 0; r->groups && i < r->ngroups; i++)
        free(r->groups[i].name);
    free(r->users);
    free(r->groups);
}

void nr_policy_file_clear(nr_policy_file *f)
{
    for (size_t i = 0; f->rules && i < f->nrules; i++)
        rule_clear(&f->rules[i]);
    free(f->rules);
    free(f->path);
    *f = (nr_policy_file){ .dflt = -1 };
}

static int parse_root(parse_ctx *c, json_t *root, nr_policy_file *out)
{
    const char *key;
    json_t *v;
    size_t i;
    bool deny;

    if (!json_is_object(root))
        return problem(c, -1, NULL, -1, "a rule file must be one JSON object, not %s", nr_json_kind_name(root));
    json_object_foreach(root, key, v) {
        if (!known(key, top_keys, N_TOP_KEYS))
            return unknown_key(c, -1, key, top_keys, N_TOP_KEYS);
    }
    if ((v = json_object_get(root, "default"))) {
        int column;
        if (effect_value(c, -1, "default", v, &deny) < 0)
            return -1;
        out->dflt = deny;
        nr_json_locate(c->text, &(nr_json_step){ "default", 0 }, 1, &out->default_line, &column);
    }
    if (!(v = json_object_get(root, "rules")))
        return 0;
    if (!json_is_array(v))
        return problem(c, -1, "rules", -1, "must be an array of rules, not %s", nr_json_kind_name(v));
    if (json_array_size(v) && !(out->rules = calloc(json_array_size(v), sizeof *out->rules)))
        return problem(c, -1, "rules", -1, "out of memory");
    for (i = 0; i < json_array_size(v); i++) {
        out->nrules = i + 1; /* what rule_clear() must free, this one included */
        if (parse_rule(c, (long)i, json_array_get(v, i), &out->rules[i]) < 0)
            return -1;
    }
    return 0;
}

int nr_policy_file_parse(const char *path, const char *text, size_t len, nr_policy_file *out,
                         nr_policy_problem_fn fn, void *user)
{
    parse_ctx c = { path, text, fn, user };
    json_error_t err;
    json_t *root;
    int rc;

    *out = (nr_policy_file){ .dflt = -1 };
    root = nr_json_parse(text, len, &err);
    if (!root) {
        nr_json_overflow o;
        if (nr_json_overflow_key(text, len, &err, &o)) {
            char key[64];
            snprintf(key, sizeof key, "%.*s", o.key_len, o.key);
            if (fn)
                fn(user, &(nr_policy_problem){ path, o.line, o.column, key, "the number is out of range" });
        } else if (fn) {
            char msg[256];
            snprintf(msg, sizeof msg, "invalid JSON: %s", err.text);
            fn(user, &(nr_policy_problem){ path, err.line > 0 ? err.line : 0, err.column > 0 ? err.column : 0,
                                           NULL, msg });
        }
        return -1;
    }
    rc = parse_root(&c, root, out);
    json_decref(root);
    if (rc == 0 && !(out->path = strdup(path)))
        rc = problem(&c, -1, NULL, -1, "out of memory");
    if (rc < 0)
        nr_policy_file_clear(out);
    return rc;
}
