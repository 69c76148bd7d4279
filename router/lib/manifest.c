/*
 * manifest.c - one manifest file: JSON parsing, schema validation, library
 * resolution, and the problem records that describe what was wrong.
 *
 * jansson gives line and column for syntax errors only; for schema errors we
 * name the key and find its line and column in the text ourselves
 * (nr_json_locate, router/common/json.h), so an administrator gets
 * file:line:col for every problem.
 */
#include "config.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "env.h"
#include "files.h"
#include "json.h"
#include "suggest.h"
#include "internal.h"

#define NR_DEFAULT_ORDER 1000
#define NR_MANIFEST_ORDER_MIN (-1000000)
#define NR_MANIFEST_ORDER_MAX 1000000
#define NR_MANIFEST_MAX_SIZE (1u << 20) /* a manifest is a few hundred bytes */

/* ---- problems --------------------------------------------------------------- */

void nr__problem_add(nr_problems *ps, const char *file, nr_stage stage, const char *plugin, const char *field,
                     int line, int column, DWORD code, const char *fmt, ...)
{
    char *msg = NULL;
    va_list ap;
    if (ps->n == ps->cap) {
        size_t cap = ps->cap ? ps->cap * 2 : 8;
        nr_problem *v = realloc(ps->v, cap * sizeof *v);
        if (!v)
            return;
        ps->v = v;
        ps->cap = cap;
    }
    va_start(ap, fmt);
    if (vasprintf(&msg, fmt, ap) < 0)
        msg = NULL;
    va_end(ap);
    ps->v[ps->n++] = (nr_problem){
        .file = nr__strdup0(file), .stage = stage, .plugin = nr__strdup0(plugin),
        .field = nr__strdup0(field), .line = line, .column = column, .code = code,
        .message = msg ? msg : strdup("out of memory"),
    };
}

void nr__problems_free(nr_problems *ps)
{
    for (size_t i = 0; i < ps->n; i++) {
        free((char *)ps->v[i].file);
        free((char *)ps->v[i].plugin);
        free((char *)ps->v[i].field);
        free((char *)ps->v[i].message);
    }
    free(ps->v);
    *ps = (nr_problems){ 0 };
}

/* ---- schema ---------------------------------------------------------------------- */

typedef enum { T_INT, T_STRING, T_BOOL, T_OBJECT, T_STRING_ARRAY } key_type;
/* The keys of a manifest; for integers the accepted range (checked on the
 * 64-bit value jansson read, before anything narrows it). */
static const struct manifest_key {
    const char *name;
    key_type type;
    bool required;
    long long min, max;
} manifest_keys[] = {
    { "manifest_version", T_INT, true, LLONG_MIN, LLONG_MAX }, /* check_values says which versions */
    { "name", T_STRING, true, 0, 0 },
    { "kind", T_STRING, true, 0, 0 },
    { "library", T_STRING, true, 0, 0 },
    { "order", T_INT, false, NR_MANIFEST_ORDER_MIN, NR_MANIFEST_ORDER_MAX },
    { "enabled", T_BOOL, false, 0, 0 },
    { "description", T_STRING, false, 0, 0 },
    { "threading", T_STRING, false, 0, 0 },
    { "config", T_OBJECT, false, 0, 0 },
    { "owns", T_STRING_ARRAY, false, 0, 0 },
    { "abi_version", T_INT, false, 1, 0xffff },
    { "critical", T_BOOL, false, 0, 0 },
    { "isolation", T_STRING, false, 0, 0 },
    { "timeout_ms", T_INT, false, 1, 3600000 },
    { "on_failure", T_STRING, false, 0, 0 },
};
#define N_MANIFEST_KEYS (sizeof manifest_keys / sizeof manifest_keys[0])

static const char *type_name(key_type t)
{
    switch (t) {
    case T_INT: return "an integer";
    case T_STRING: return "a string";
    case T_BOOL: return "true or false";
    case T_OBJECT: return "an object";
    case T_STRING_ARRAY: return "an array of strings";
    }
    return "?";
}

static bool has_type(const json_t *v, key_type t)
{
    switch (t) {
    case T_INT: return json_is_integer(v);
    case T_STRING: return json_is_string(v);
    case T_BOOL: return json_is_boolean(v);
    case T_OBJECT: return json_is_object(v);
    case T_STRING_ARRAY: {
        size_t i;
        json_t *e;
        if (!json_is_array(v))
            return false;
        json_array_foreach(v, i, e) if (!json_is_string(e)) return false;
        return true;
    }
    }
    return false;
}

typedef struct parse_ctx {
    const char *path, *text, *name;
    const nr_siteconf *site;
    nr_problems *ps;
} parse_ctx;

void nr__problem_at_key(nr_problems *ps, const char *file, const char *text, const char *plugin, const char *key,
                        const char *message)
{
    int line = 0, col = 0;
    if (key)
        nr_json_locate(text, &(nr_json_step){ key, 0 }, 1, &line, &col);
    nr__problem_add(ps, file, NR_STAGE_SCHEMA, plugin, key, line, col, WN_BAD_VALUE, "%s", message);
}

static void schema_problem(parse_ctx *c, const char *key, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void schema_problem(parse_ctx *c, const char *key, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    nr__problem_at_key(c->ps, c->path, c->text, c->name, key, buf);
}

static bool valid_name(const char *s)
{
    if (!*s || strlen(s) > 255)
        return false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7f || *p == '/')
            return false;
    return true;
}

static bool check_keys(parse_ctx *c, json_t *root)
{
    const char *key;
    json_t *v;
    json_object_foreach(root, key, v) {
        const struct manifest_key *k = NULL;
        if (!strncmp(key, "x-", 2))
            continue;
        for (size_t i = 0; i < N_MANIFEST_KEYS; i++)
            if (!strcmp(manifest_keys[i].name, key))
                k = &manifest_keys[i];
        if (!k) {
            const char *near = nr_suggest(key, &manifest_keys[0].name, N_MANIFEST_KEYS, sizeof manifest_keys[0]);
            if (near)
                schema_problem(c, key, "unknown key \"%s\": did you mean \"%s\"? (keys starting with \"x-\" are "
                               "free for local use)", key, near);
            else
                schema_problem(c, key, "unknown key \"%s\" (keys starting with \"x-\" are free for local use)", key);
            return false;
        }
        if (!has_type(v, k->type)) {
            schema_problem(c, key, "key \"%s\" must be %s, not %s", key, type_name(k->type), nr_json_kind_name(v));
            return false;
        }
        if (k->type == T_INT && (json_integer_value(v) < k->min || json_integer_value(v) > k->max)) {
            schema_problem(c, key, "key \"%s\" must be between %lld and %lld, not %lld", key, k->min, k->max,
                           (long long)json_integer_value(v));
            return false;
        }
    }
    for (size_t i = 0; i < N_MANIFEST_KEYS; i++) {
        if (manifest_keys[i].required && !json_object_get(root, manifest_keys[i].name)) {
            schema_problem(c, NULL, "required key \"%s\" is missing", manifest_keys[i].name);
            c->ps->v[c->ps->n - 1].field = strdup(manifest_keys[i].name);
            return false;
        }
    }
    return true;
}

static nr_manifest *build_manifest(parse_ctx *c, json_t *root)
{
    nr_manifest *m = calloc(1, sizeof *m);
    json_t *v;
    if (!m)
        return NULL;
    m->lib_fd = -1;
    nr_json_locate(c->text, &(nr_json_step){ "library", 0 }, 1, &m->library_line, &m->library_col);
    m->path = strdup(c->path);
    m->name = strdup(json_string_value(json_object_get(root, "name")));
    m->library = strdup(json_string_value(json_object_get(root, "library")));
    m->order = NR_DEFAULT_ORDER;
    m->enabled = true;
    m->serialized = true;
    m->isolated = c->site->isolated;
    if ((v = json_object_get(root, "order")))
        m->order = (int)json_integer_value(v);
    if ((v = json_object_get(root, "enabled")))
        m->enabled = json_is_true(v);
    if ((v = json_object_get(root, "critical")))
        m->critical = json_is_true(v);
    if ((v = json_object_get(root, "abi_version")))
        m->abi_version = (int)json_integer_value(v);
    m->description = strdup((v = json_object_get(root, "description")) ? json_string_value(v) : "");
    if ((v = json_object_get(root, "config")))
        m->config_json = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);
    else
        m->config_json = strdup("{}");
    return m;
}

/* "isolation", "timeout_ms" and "on_failure" (docs/design.md section 3):
 * the site's defaults (router.json and NETROUTER_ISOLATION, siteconf.c)
 * unless the manifest says, built in 5 s for a notifier and 60 s for a
 * provider; "on_failure"
 * only for notifiers, "veto" by default when "critical": true. */
static bool check_isolation(parse_ctx *c, json_t *root, nr_manifest *m)
{
    json_t *v;
    if ((v = json_object_get(root, "isolation"))) {
        const char *t = json_string_value(v);
        if (!strcmp(t, "process")) {
            m->isolated = true;
        } else if (!strcmp(t, "none")) {
            m->isolated = false;
        } else {
            schema_problem(c, "isolation", "key \"isolation\" must be \"process\" or \"none\", not \"%s\"", t);
            return false;
        }
    }
    m->timeout_ms = m->kind == NR_PLUGIN_NOTIFIER ? c->site->notifier_timeout_ms : c->site->provider_timeout_ms;
    if ((v = json_object_get(root, "timeout_ms")))
        m->timeout_ms = (int)json_integer_value(v);
    m->veto_on_failure = m->critical;
    if ((v = json_object_get(root, "on_failure"))) {
        const char *t = json_string_value(v);
        if (m->kind != NR_PLUGIN_NOTIFIER) {
            schema_problem(c, "on_failure", "key \"on_failure\" is only for notifiers (a provider's failure fails "
                           "its call)");
            return false;
        }
        if (!strcmp(t, "veto")) {
            m->veto_on_failure = true;
        } else if (!strcmp(t, "continue")) {
            m->veto_on_failure = false;
        } else {
            schema_problem(c, "on_failure", "key \"on_failure\" must be \"continue\" or \"veto\", not \"%s\"", t);
            return false;
        }
    }
    return true;
}

static bool check_values(parse_ctx *c, json_t *root, nr_manifest *m)
{
    json_int_t mv = json_integer_value(json_object_get(root, "manifest_version"));
    const char *kind = json_string_value(json_object_get(root, "kind"));
    json_t *v;
    if (mv != 1) {
        schema_problem(c, "manifest_version", "manifest_version %lld is not supported (this netrouter reads version 1)",
                       (long long)mv);
        return false;
    }
    if (!valid_name(m->name)) {
        schema_problem(c, "name", "key \"name\" must be 1 to 255 printable characters without '/'");
        return false;
    }
    if (!strcmp(kind, "provider")) {
        m->kind = NR_PLUGIN_PROVIDER;
    } else if (!strcmp(kind, "notifier")) {
        m->kind = NR_PLUGIN_NOTIFIER;
    } else {
        schema_problem(c, "kind", "key \"kind\" must be \"provider\" or \"notifier\", not \"%s\"", kind);
        return false;
    }
    if (!*m->library) {
        schema_problem(c, "library", "key \"library\" must not be empty");
        return false;
    }
    if ((v = json_object_get(root, "threading"))) {
        const char *t = json_string_value(v);
        if (!strcmp(t, "concurrent")) {
            m->serialized = false;
        } else if (strcmp(t, "serialized")) {
            schema_problem(c, "threading", "key \"threading\" must be \"concurrent\" or \"serialized\", not \"%s\"",
                           t);
            return false;
        }
    }
    if ((v = json_object_get(root, "abi_version")) && json_integer_value(v) < 1) {
        schema_problem(c, "abi_version", "key \"abi_version\" must be a positive ABI major number");
        return false;
    }
    if (!check_isolation(c, root, m))
        return false;
    if ((v = json_object_get(root, "owns"))) {
        size_t i, n = json_array_size(v);
        json_t *e;
        if (m->kind != NR_PLUGIN_PROVIDER) {
            schema_problem(c, "owns", "key \"owns\" is only for providers");
            return false;
        }
        m->owns = calloc(n + 1, sizeof *m->owns);
        if (!m->owns)
            return false;
        json_array_foreach(v, i, e) {
            if (!*json_string_value(e)) {
                schema_problem(c, "owns", "key \"owns\" must not contain an empty pattern");
                return false;
            }
            m->owns[i] = strdup(json_string_value(e));
        }
    }
    return true;
}

/* jansson reads no integer beyond 64 bits and calls one a syntax error.
 * When it stands as the value of an integer key of the manifest (at the
 * top level: not one of the same name inside "config"), it is that key's
 * value out of range: a schema problem naming the key, as for any other.
 * True when reported so. */
static bool too_big_for_a_key(parse_ctx *c, const json_error_t *err, size_t len)
{
    nr_json_overflow o;
    int line, col;
    if (!nr_json_overflow_key(c->text, len, err, &o))
        return false;
    for (size_t i = 0; i < N_MANIFEST_KEYS; i++) {
        const struct manifest_key *k = &manifest_keys[i];
        if (k->type != T_INT || (int)strlen(k->name) != o.key_len || strncmp(k->name, o.key, (size_t)o.key_len))
            continue;
        nr_json_locate(c->text, &(nr_json_step){ k->name, 0 }, 1, &line, &col);
        if (line != o.line || col != o.column)
            return false;
        if (k->min == LLONG_MIN) /* manifest_version: check_values' words */
            schema_problem(c, k->name, "manifest_version %.*s is not supported (this netrouter reads version 1)",
                           o.number_len, o.number);
        else
            schema_problem(c, k->name, "key \"%s\" must be between %lld and %lld, not %.*s", k->name, k->min,
                           k->max, o.number_len, o.number);
        return true;
    }
    return false;
}

nr_manifest *nr__manifest_parse(const char *path, int fd, size_t size, const nr_siteconf *site, nr_problems *ps)
{
    static const nr_siteconf builtin = NR_SITECONF_BUILTIN;
    json_error_t err;
    size_t len;
    char *text = nr_file_read(fd, size, NR_MANIFEST_MAX_SIZE, &len);
    parse_ctx c = { .path = path, .text = text, .site = site ? site : &builtin, .ps = ps };
    nr_manifest *m = NULL;
    json_t *root;
    if (!text) {
        if (errno == EFBIG)
            nr__problem_add(ps, path, NR_STAGE_PARSE, NULL, NULL, 0, 0, WN_BAD_VALUE,
                            "it is larger than %u bytes, which no manifest needs; refusing it", NR_MANIFEST_MAX_SIZE);
        else
            nr__problem_add(ps, path, NR_STAGE_PARSE, NULL, NULL, 0, 0, WN_CANNOT_OPEN_PROFILE, "cannot read it: %s",
                            strerror(errno));
        return NULL;
    }
    root = nr_json_parse(text, len, &err); /* also refuses a NUL byte, which would hide keys from nr_json_locate */
    if (!root && too_big_for_a_key(&c, &err, len)) {
        free(text);
        return NULL;
    }
    if (!root) {
        nr__problem_add(ps, path, NR_STAGE_PARSE, NULL, NULL, err.line > 0 ? err.line : 0,
                        err.column > 0 ? err.column : 0, WN_BAD_VALUE, "invalid JSON: %s", err.text);
        free(text);
        return NULL;
    }
    if (!json_is_object(root)) {
        nr__problem_add(ps, path, NR_STAGE_SCHEMA, NULL, NULL, 1, 1, WN_BAD_VALUE,
                        "a manifest must be one JSON object, not %s", nr_json_kind_name(root));
        goto out;
    }
    if (json_is_string(json_object_get(root, "name")))
        c.name = json_string_value(json_object_get(root, "name"));
    if (!check_keys(&c, root))
        goto out;
    m = build_manifest(&c, root);
    if (m && !check_values(&c, root, m)) {
        nr__manifest_free(m);
        m = NULL;
    }
out:
    json_decref(root);
    free(text);
    return m;
}

/* ---- library resolution -------------------------------------------------------------- */

static char *resolve_library_path(const nr_manifest *m)
{
    if (m->library[0] == '/')
        return strdup(m->library);
    if (strchr(m->library, '/')) {
        char *copy = strdup(m->path), *out;
        if (!copy)
            return NULL;
        out = nr__path_join(dirname(copy), m->library);
        free(copy);
        if (out)
            nr__path_tidy(out); /* "./x.so" is DIR/x.so in every message */
        return out;
    }
    return nr__path_join(NR_PLUGINDIR, m->library);
}

static bool has_module_ext(const char *p)
{
    size_t n = strlen(p);
    return n > 3 && !strcmp(p + n - 3, ".so");
}

bool nr__manifest_resolve(nr_manifest *m, nr_problems *ps)
{
    nr_secfile_kind kind;
    char *why = NULL, *path = resolve_library_path(m);
    int fd;
    if (!path)
        return false;
    fd = nr__secfile_open(path, true, &kind, NULL, &why);
    if (fd < 0 && errno == ENOENT && !has_module_ext(path)) {
        /* "library": "libfoo" means libfoo.so, as lt_dlopenext would. */
        char *with_ext = nr__asprintf("%s.so", path), *why2 = NULL;
        int fd2 = with_ext ? nr__secfile_open(with_ext, true, &kind, NULL, &why2) : -1;
        if (fd2 >= 0 || errno != ENOENT) {
            free(path);
            free(why);
            path = with_ext;
            why = why2;
            fd = fd2;
        } else {
            free(with_ext);
            free(why2);
        }
    }
    if (fd >= 0 && kind != NR_FILE_REGULAR) {
        close(fd);
        fd = -1;
        why = strdup("it is empty or /dev/null, not a shared object");
    }
    if (fd < 0) {
        nr__problem_add(ps, m->path, NR_STAGE_RESOLVE, m->name, "library", m->library_line, m->library_col,
                        WN_BAD_PROVIDER,
                        "library \"%s\" resolves to %s, but %s", m->library, path, why ? why : "it cannot be used");
        free(why);
        free(path);
        return false;
    }
    /* The descriptor is what gets loaded; the tidy name is for people. */
    nr__path_normalize(path);
    m->library_path = path;
    m->lib_fd = fd;
    return true;
}

void nr__manifest_free(nr_manifest *m)
{
    if (!m)
        return;
    if (m->lib_fd >= 0)
        close(m->lib_fd);
    free(m->path);
    free(m->name);
    free(m->library);
    free(m->library_path);
    free(m->description);
    free(m->config_json);
    if (m->owns)
        for (char **o = m->owns; *o; o++)
            free(*o);
    free(m->owns);
    free(m);
}
