/*
 * phonebook.c - loading and validating the RAS phonebook (phonebook.h).
 *
 * Every object of the file is checked against a small key table: unknown
 * keys are errors ("x-" keys are free), types and ranges are checked, and the
 * first problem is reported with the file, the line and column of the key
 * (found with nr_json_locate of router/common) and the field path, e.g. entries[1].timeouts.connect_ms;
 * a misspelt key is answered with the nearest known one (suggest.h).
 *
 * Cost: linear in the size of the file.  jansson parses it once; each entry
 * is checked against its key table (a constant) and built with one
 * allocation; duplicate names are found through a hash index of the names
 * (which nr_pb_find then uses); positions are looked for only once, for
 * the error reported.  The file is opened with files.h: never blocking, judged
 * on the open descriptor, at most NR_PB_MAX_SIZE bytes.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <jansson.h>

#include "env.h"
#include "files.h"
#include "json.h"
#include "phonebook.h"
#include "suggest.h"
#include "wide.h"

#ifndef NR_SYSCONFDIR
#define NR_SYSCONFDIR "/etc"
#endif

/* ---- the schema ------------------------------------------------------------------------ */

/* K_STRING's length counts bytes; K_NAME is a string whose length counts
 * Unicode characters (an entry name, as Windows counts it). */
typedef enum { K_STRING, K_INT, K_STRINGS, K_OBJECT, K_BOOL, K_NAME } key_kind;

typedef struct key_spec {
    const char *name;
    key_kind kind;
    bool required;
    long long min, max;              /* K_INT range; K_STRING, K_NAME length range */
    const char *const *choices;      /* K_STRING: allowed values, NULL-terminated */
    const struct key_spec *members;  /* K_OBJECT: its keys, ending with name NULL */
} key_spec;

static const char *const flow_choices[] = { "rtscts", "none", NULL };
static const char *const auth_choices[] = { "any", "pap", "chap", "mschapv2", NULL };
static const char *const callback_choices[] = { "none", "ask", NULL };

static const key_spec timeout_keys[] = {
    { "command_ms", K_INT, false, 1, 600000, NULL, NULL },
    { "connect_ms", K_INT, false, 1, 600000, NULL, NULL },
    { "ppp_ms", K_INT, false, 1, 600000, NULL, NULL },
    { "callback_ms", K_INT, false, 1, 600000, NULL, NULL },
    { NULL, 0, false, 0, 0, NULL, NULL },
};
static const key_spec redial_keys[] = {
    { "attempts", K_INT, false, 0, 100, NULL, NULL },
    { "pause_ms", K_INT, false, 0, 3600000, NULL, NULL },
    { NULL, 0, false, 0, 0, NULL, NULL },
};
/* Reconnecting a connected link that was lost (RASEO2_ReconnectIfDropped):
 * the object's presence asks for it, "if_dropped": false turns it off. */
static const key_spec reconnect_keys[] = {
    { "if_dropped", K_BOOL, false, 0, 0, NULL, NULL },
    { "attempts", K_INT, false, 0, 100, NULL, NULL },
    { "pause_ms", K_INT, false, 0, 3600000, NULL, NULL },
    { NULL, 0, false, 0, 0, NULL, NULL },
};
static const key_spec ppp_keys[] = {
    { "mru", K_INT, false, 128, 1500, NULL, NULL },
    { "lcp_echo_interval", K_INT, false, 0, 3600, NULL, NULL },
    { "lcp_echo_failures", K_INT, false, 0, 100, NULL, NULL },
    { NULL, 0, false, 0, 0, NULL, NULL },
};
static const key_spec entry_keys[] = {
    { "name", K_NAME, true, 1, NR_PB_MAX_ENTRY_NAME, NULL, NULL },
    { "description", K_STRING, false, 0, 1024, NULL, NULL },
    { "device", K_STRING, true, 2, 1023, NULL, NULL },
    { "speed", K_INT, false, 300, 4000000, NULL, NULL },
    { "phone_number", K_STRING, true, 1, NR_PB_MAX_PHONE_NUMBER, NULL, NULL },
    { "init", K_STRINGS, false, 1, 256, NULL, NULL },
    { "dial_prefix", K_STRING, false, 1, 32, NULL, NULL },
    { "flow_control", K_STRING, false, 0, 0, flow_choices, NULL },
    { "timeouts", K_OBJECT, false, 0, 0, NULL, timeout_keys },
    { "auth", K_STRING, false, 0, 0, auth_choices, NULL },
    { "redial", K_OBJECT, false, 0, 0, NULL, redial_keys },
    { "ppp", K_OBJECT, false, 0, 0, NULL, ppp_keys },
    { "terminal_after_dial", K_BOOL, false, 0, 0, NULL, NULL },
    { "callback", K_STRING, false, 0, 0, callback_choices, NULL },
    { "interface", K_STRING, false, 1, 15, NULL, NULL },
    { "callback_number", K_STRING, false, 1, NR_PB_MAX_PHONE_NUMBER, NULL, NULL },
    { "idle_disconnect_s", K_INT, false, 0, 86400, NULL, NULL },
    { "reconnect", K_OBJECT, false, 0, 0, NULL, reconnect_keys },
    { NULL, 0, false, 0, 0, NULL, NULL },
};

static const key_spec top_keys[] = {
    { "entries", K_OBJECT, true, 0, 0, NULL, NULL }, /* an array, checked on its own */
    { NULL, 0, false, 0, 0, NULL, NULL },
};

/* Speeds a Linux tty can be set to. */
static const unsigned speeds[] = { 300, 600, 1200, 1800, 2400, 4800, 9600, 19200, 38400, 57600, 115200,
                                   230400, 460800, 500000, 576000, 921600, 1000000, 1152000, 1500000,
                                   2000000, 2500000, 3000000, 3500000, 4000000 };

/* ---- error reporting -------------------------------------------------------------------- */

#define MAX_DEPTH 6

typedef struct ctx {
    const char *text;
    nr_json_step path[MAX_DEPTH];
    size_t depth;
    nr_pb_error *err;
} ctx;

static void path_text(const ctx *c, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < c->depth && used < size; i++) {
        int n = c->path[i].key ? snprintf(buf + used, size - used, "%s%s", used ? "." : "", c->path[i].key)
                               : snprintf(buf + used, size - used, "[%zu]", c->path[i].index);
        if (n < 0)
            break;
        used += (size_t)n;
    }
}

/* Records where the failure is: the field path and, once the text is
 * read, its line and column. */
static void locate(ctx *c)
{
    path_text(c, c->err->field, sizeof c->err->field);
    if (c->text) /* no text yet when the file could not be read */
        nr_json_locate(c->text, c->path, c->depth, &c->err->line, &c->err->column);
}

/* A failure at the current position: locate(), then the error itself
 * (nr_error_setv).  Returns code. */
static DWORD fail_at(ctx *c, DWORD code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static DWORD fail_at(ctx *c, DWORD code, const char *fmt, ...)
{
    va_list ap;
    locate(c);
    va_start(ap, fmt);
    nr_error_setv(&c->err->err, code, 0, fmt, ap);
    va_end(ap);
    return code;
}

static void push_key(ctx *c, const char *key)
{
    c->path[c->depth++] = (nr_json_step){ key, 0 };
}

static void push_index(ctx *c, size_t index)
{
    c->path[c->depth++] = (nr_json_step){ NULL, index };
}

static void pop(ctx *c)
{
    c->depth--;
}

/* ---- validation ------------------------------------------------------------------------------ */

static bool has_control(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            return true;
    return false;
}

static DWORD check_string(ctx *c, const key_spec *k, const json_t *v)
{
    const char *s = json_string_value(v);
    size_t len = k->kind == K_NAME ? nr_utf16_count(s) : strlen(s); /* jansson's strings are UTF-8; a name
                                                                          counts Windows' WCHARs */
    if (k->choices) {
        for (const char *const *ch = k->choices; *ch; ch++)
            if (!strcmp(*ch, s))
                return WN_SUCCESS;
        char allowed[160] = "";
        for (const char *const *ch = k->choices; *ch; ch++)
            snprintf(allowed + strlen(allowed), sizeof allowed - strlen(allowed), "%s\"%s\"",
                     *allowed ? (ch[1] ? ", " : " or ") : "", *ch);
        return fail_at(c, ERROR_CORRUPT_PHONEBOOK, "must be %s, not \"%s\"", allowed, s);
    }
    if ((long long)len < k->min || (long long)len > k->max)
        return fail_at(c, ERROR_CORRUPT_PHONEBOOK, "must be %lld to %lld characters long", k->min, k->max);
    if (has_control(s))
        return fail_at(c, ERROR_CORRUPT_PHONEBOOK, "must not contain control characters");
    return WN_SUCCESS;
}

static DWORD check_object(ctx *c, const json_t *obj, const key_spec *keys);

/* An unknown key, with the known one it is nearest to when it looks like a
 * typo of it. */
static DWORD unknown_key(ctx *c, const char *key, const key_spec *keys)
{
    size_t n = 0;
    const char *near;
    while (keys[n].name)
        n++;
    near = nr_suggest(key, &keys[0].name, n, sizeof keys[0]);
    if (near)
        return fail_at(c, ERROR_CORRUPT_PHONEBOOK, "unknown key \"%s\" (did you mean \"%s\"?)", key, near);
    return fail_at(c, ERROR_CORRUPT_PHONEBOOK, "unknown key \"%s\" (keys starting with \"x-\" are free)", key);
}

static DWORD check_value(ctx *c, const key_spec *k, const json_t *v)
{
    switch (k->kind) {
    case K_STRING:
    case K_NAME:
        if (!json_is_string(v))
            return fail_at(c, ERROR_CORRUPT_PHONEBOOK, "must be a string, not %s", nr_json_kind_name(v));
        return check_string(c, k, v);
    case K_INT:
        if (!json_is_integer(v))
            return fail_at(c, ERROR_CORRUPT_PHONEBOOK, "must be an integer, not %s", nr_json_kind_name(v));
        if (json_integer_value(v) < k->min || json_integer_value(v) > k->max)
            return fail_at(c, ERROR_CORRUPT_PHONEBOOK, "must be between %lld and %lld, not %lld", k->min,
                           k->max, (long long)json_integer_value(v));
        return WN_SUCCESS;
    case K_STRINGS: {
        size_t i;
        json_t *e;
        if (!json_is_array(v))
            return fail_at(c, ERROR_CORRUPT_PHONEBOOK, "must be an array of strings, not %s", nr_json_kind_name(v));
        json_array_foreach(v, i, e) {
            DWORD rc;
            push_index(c, i);
            rc = json_is_string(e)
                     ? check_string(c, k, e)
                     : fail_at(c, ERROR_CORRUPT_PHONEBOOK, "must be a string, not %s", nr_json_kind_name(e));
            pop(c);
            if (rc)
                return rc;
        }
        return WN_SUCCESS;
    }
    case K_BOOL:
        if (!json_is_boolean(v))
            return fail_at(c, ERROR_CORRUPT_PHONEBOOK, "must be true or false, not %s", nr_json_kind_name(v));
        return WN_SUCCESS;
    case K_OBJECT:
        if (!json_is_object(v))
            return fail_at(c, ERROR_CORRUPT_PHONEBOOK, "must be an object, not %s", nr_json_kind_name(v));
        return check_object(c, v, k->members);
    }
    return WN_SUCCESS;
}

static DWORD check_object(ctx *c, const json_t *obj, const key_spec *keys)
{
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)obj, key, v) {
        const key_spec *k = NULL;
        DWORD rc;
        if (!strncmp(key, "x-", 2))
            continue;
        for (const key_spec *s = keys; s->name; s++)
            if (!strcmp(s->name, key))
                k = s;
        push_key(c, key);
        rc = k ? check_value(c, k, v) : unknown_key(c, key, keys);
        pop(c);
        if (rc)
            return rc;
    }
    for (const key_spec *s = keys; s->name; s++)
        if (s->required && !json_object_get(obj, s->name))
            return fail_at(c, ERROR_CORRUPT_PHONEBOOK, "required key \"%s\" is missing", s->name);
    return WN_SUCCESS;
}

static bool dialable(const char *number)
{
    return strspn(number, "0123456789*#+,;WwPpTt!@ -().") == strlen(number);
}

/* Rules that span keys or go beyond types. */
static DWORD check_entry_rules(ctx *c, const json_t *e)
{
    const char *device = json_string_value(json_object_get(e, "device"));
    const char *number = json_string_value(json_object_get(e, "phone_number"));
    const char *callback = json_string_value(json_object_get(e, "callback_number"));
    const char *interface = json_string_value(json_object_get(e, "interface"));
    json_t *speed = json_object_get(e, "speed");
    json_t *reconnect = json_object_get(e, "reconnect");
    if (device[0] != '/') {
        push_key(c, "device");
        return fail_at(c, ERROR_CORRUPT_PHONEBOOK, "must be an absolute path such as /dev/ttyS0, not \"%s\"",
                       device);
    }
    if (!dialable(number)) {
        push_key(c, "phone_number");
        return fail_at(c, ERROR_CORRUPT_PHONEBOOK,
                       "\"%s\" has characters a modem cannot dial (digits, * # + , ; W P T ! @ and spaces only)",
                       number);
    }
    if (interface && strpbrk(interface, "/ \t:")) {
        push_key(c, "interface");
        return fail_at(c, ERROR_CORRUPT_PHONEBOOK, "\"%s\" is not an interface name (no '/', ':' or spaces)",
                       interface);
    }
    if (callback && !dialable(callback)) {
        push_key(c, "callback_number");
        return fail_at(c, ERROR_CORRUPT_PHONEBOOK,
                       "\"%s\" has characters a modem cannot dial (digits, * # + , ; W P T ! @ and spaces only)",
                       callback);
    }
    if (reconnect && !json_is_false(json_object_get(reconnect, "if_dropped")) &&
        json_is_true(json_object_get(e, "terminal_after_dial"))) {
        push_key(c, "reconnect");
        return fail_at(c, ERROR_CORRUPT_PHONEBOOK,
                       "cannot be used with terminal_after_dial: nobody answers the login of a redial");
    }
    if (speed) {
        bool ok = false;
        for (size_t i = 0; i < sizeof speeds / sizeof speeds[0]; i++)
            ok |= speeds[i] == (unsigned)json_integer_value(speed);
        if (!ok) {
            push_key(c, "speed");
            return fail_at(c, ERROR_CORRUPT_PHONEBOOK, "%lld is not a serial line speed (e.g. 9600, 57600, 115200)",
                           (long long)json_integer_value(speed));
        }
    }
    return WN_SUCCESS;
}

/* ---- building entries ---------------------------------------------------------------------- */

static unsigned get_uint(const json_t *obj, const char *key, const char *member, unsigned dflt)
{
    const json_t *v = json_object_get(obj, key);
    if (v && member)
        v = json_object_get(v, member);
    return v ? (unsigned)json_integer_value(v) : dflt;
}

/* The string at key, or dflt. */
static const char *str_or(const json_t *obj, const char *key, const char *dflt)
{
    const json_t *v = json_object_get(obj, key);
    return v ? json_string_value(v) : dflt;
}

/* Copies s to *at and moves *at past it. */
static char *put(char **at, const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = memcpy(*at, s, n);
    *at += n;
    return copy;
}

/* Fills e from the validated object o.  Every string of the entry and its
 * init array live in one allocation (e->storage): one malloc per entry, not
 * a dozen, which matters for phonebooks of 100,000 entries. */
static bool build_entry(const json_t *o, nr_pb_entry *e)
{
    static const char *const default_init[] = { "ATZ" };
    const json_t *init = json_object_get(o, "init");
    const char *flow = json_string_value(json_object_get(o, "flow_control"));
    const char *auth = json_string_value(json_object_get(o, "auth"));
    const json_t *reconnect = json_object_get(o, "reconnect");
    const char *strs[] = {
        str_or(o, "name", ""),          str_or(o, "description", ""),     str_or(o, "device", ""),
        str_or(o, "phone_number", ""),  str_or(o, "dial_prefix", "ATDT"), str_or(o, "callback_number", ""),
        str_or(o, "interface", ""),
    };
    size_t ninit = init ? json_array_size(init) : 1, need = ninit * sizeof(char *);
    char *at;
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
        need += strlen(strs[i]) + 1;
    for (size_t i = 0; i < ninit; i++)
        need += strlen(init ? json_string_value(json_array_get(init, i)) : default_init[i]) + 1;
    *e = (nr_pb_entry){
        .speed = get_uint(o, "speed", NULL, 115200),
        .rtscts = !flow || !strcmp(flow, "rtscts"),
        .command_timeout_ms = get_uint(o, "timeouts", "command_ms", 3000),
        .connect_timeout_ms = get_uint(o, "timeouts", "connect_ms", 60000),
        .ppp_timeout_ms = get_uint(o, "timeouts", "ppp_ms", 30000),
        .callback_timeout_ms = get_uint(o, "timeouts", "callback_ms", 60000),
        .callback_ask = json_is_string(json_object_get(o, "callback")) &&
                        !strcmp(json_string_value(json_object_get(o, "callback")), "ask"),
        .auth = !auth || !strcmp(auth, "any") ? NR_PB_AUTH_ANY
                : !strcmp(auth, "pap")        ? NR_PB_AUTH_PAP
                : !strcmp(auth, "chap")       ? NR_PB_AUTH_CHAP
                                              : NR_PB_AUTH_MSCHAPV2,
        .redial_attempts = get_uint(o, "redial", "attempts", 0),
        .redial_pause_ms = get_uint(o, "redial", "pause_ms", 3000),
        .mru = get_uint(o, "ppp", "mru", 1500),
        .lcp_echo_interval_s = get_uint(o, "ppp", "lcp_echo_interval", 30),
        .lcp_echo_failures = get_uint(o, "ppp", "lcp_echo_failures", 4),
        .terminal_after_dial = json_is_true(json_object_get(o, "terminal_after_dial")),
        .idle_disconnect_s = get_uint(o, "idle_disconnect_s", NULL, 0),
        .reconnect_if_dropped = reconnect && !json_is_false(json_object_get(reconnect, "if_dropped")),
        .reconnect_attempts = get_uint(o, "reconnect", "attempts", 3),
        .reconnect_pause_ms = get_uint(o, "reconnect", "pause_ms", 3000),
        .ninit = ninit,
    };
    if (!(e->storage = malloc(need)))
        return false;
    e->init = e->storage;
    at = (char *)e->storage + ninit * sizeof(char *);
    for (size_t i = 0; i < ninit; i++)
        e->init[i] = put(&at, init ? json_string_value(json_array_get(init, i)) : default_init[i]);
    e->name = put(&at, strs[0]);
    e->description = put(&at, strs[1]);
    e->device = put(&at, strs[2]);
    e->phone_number = put(&at, strs[3]);
    e->dial_prefix = put(&at, strs[4]);
    e->callback_number = put(&at, strs[5]);
    e->interface = put(&at, strs[6]);
    return true;
}

/* ---- loading ---------------------------------------------------------------------------------- */

/* The text of the phonebook at path, opened without blocking (a FIFO or a
 * device is refused at once) and judged on the open descriptor: a regular
 * file owned by root or the user and not writable by group or others (it
 * says which device is opened and what is sent to it). */
static char *read_checked(const char *path, ctx *c, size_t *len)
{
    char why[NR_WHY_SIZE];
    char *text = nr_file_load(AT_FDCWD, path, 0, NR_PB_MAX_SIZE, len, NULL, why);
    if (!text)
        fail_at(c, ERROR_CANNOT_OPEN_PHONEBOOK, "%s the phonebook: %s", nr_file_load_verb(errno), why);
    return text;
}

char *nr_pb_default_path(void)
{
    char *user = nr_config_path("phonebook.json");
    if (user && access(user, F_OK) == 0)
        return user;
    if (access(NR_SYSCONFDIR "/netrouter/phonebook.json", F_OK) == 0) {
        free(user);
        return strdup(NR_SYSCONFDIR "/netrouter/phonebook.json");
    }
    return user ? user : strdup(NR_SYSCONFDIR "/netrouter/phonebook.json");
}

/* The integer key called name (key_len bytes) in keys or the objects
 * under them; NULL if there is none. */
static const key_spec *int_key_named(const key_spec *keys, const char *name, int key_len)
{
    for (const key_spec *k = keys; k->name; k++) {
        const key_spec *in = k->kind == K_OBJECT ? int_key_named(k->members, name, key_len) : NULL;
        if (in)
            return in;
        if (k->kind == K_INT && (int)strlen(k->name) == key_len && !strncmp(k->name, name, (size_t)key_len))
            return k;
    }
    return NULL;
}

/* jansson reads no integer beyond 64 bits and calls one a syntax error;
 * as the value of an integer key it is that key's value out of range, a
 * schema error naming the key like any other.  True when reported so. */
static bool too_big_for_a_key(ctx *c, const json_error_t *jerr, size_t len)
{
    nr_json_overflow o;
    const key_spec *k;
    if (!nr_json_overflow_key(c->text, len, jerr, &o) || !(k = int_key_named(entry_keys, o.key, o.key_len)))
        return false;
    fail_at(c, ERROR_CORRUPT_PHONEBOOK, "must be between %lld and %lld, not %.*s", k->min, k->max, o.number_len,
            o.number);
    snprintf(c->err->field, sizeof c->err->field, "%.*s", o.key_len, o.key);
    c->err->line = o.line;
    c->err->column = o.column;
    return true;
}

/* Parses and validates the text of the phonebook at path (c->text, len
 * bytes) into *out. */
static DWORD parse_text(ctx *c, const char *path, size_t len, nr_phonebook **out)
{
    json_error_t jerr;
    json_t *root = NULL, *list, *e;
    nr_phonebook *pb = NULL;
    DWORD rc = WN_SUCCESS;
    size_t i;

    root = nr_json_parse(c->text, len, &jerr); /* a NUL byte would hide the rest of the file */
    if (!root && too_big_for_a_key(c, &jerr, len)) {
        rc = c->err->err.code;
        goto out;
    }
    if (!root) {
        rc = fail_at(c, ERROR_CORRUPT_PHONEBOOK, "invalid JSON: %s", jerr.text);
        c->err->line = jerr.line > 0 ? jerr.line : 0;
        c->err->column = jerr.column > 0 ? jerr.column : 0;
        goto out;
    }
    if (!json_is_object(root)) {
        rc = fail_at(c, ERROR_CORRUPT_PHONEBOOK, "a phonebook is one JSON object {\"entries\": [...]}, not %s",
                     nr_json_kind_name(root));
        goto out;
    }
    const char *key;
    json_t *v;
    json_object_foreach(root, key, v) {
        if (!strncmp(key, "x-", 2) || !strcmp(key, top_keys[0].name))
            continue;
        push_key(c, key);
        rc = unknown_key(c, key, top_keys);
        goto out;
    }
    list = json_object_get(root, "entries");
    if (!json_is_array(list)) {
        if (list)
            push_key(c, "entries");
        rc = list ? fail_at(c, ERROR_CORRUPT_PHONEBOOK, "must be an array of entries, not %s",
                            nr_json_kind_name(list))
                  : fail_at(c, ERROR_CORRUPT_PHONEBOOK, "required key \"entries\" is missing");
        goto out;
    }
    pb = calloc(1, sizeof *pb);
    if (!pb || !(pb->path = strdup(path)) || !(pb->entries = calloc(json_array_size(list) + 1, sizeof *pb->entries)) ||
        !(pb->names = json_object())) {
        rc = fail_at(c, ERROR_CANNOT_OPEN_PHONEBOOK, "out of memory");
        goto out;
    }
    push_key(c, "entries");
    json_array_foreach(list, i, e) {
        push_index(c, i);
        if (!json_is_object(e))
            rc = fail_at(c, ERROR_CORRUPT_PHONEBOOK, "an entry must be an object, not %s", nr_json_kind_name(e));
        else if (!(rc = check_object(c, e, entry_keys)))
            rc = check_entry_rules(c, e);
        if (rc)
            goto out;
        const char *name = json_string_value(json_object_get(e, "name"));
        json_t *taken = json_object_get(pb->names, name);
        if (taken) {
            size_t first = (size_t)json_integer_value(taken);
            push_key(c, "name");
            rc = fail_at(c, ERROR_CORRUPT_PHONEBOOK, "entry name \"%s\" is already used by entries[%zu]",
                         pb->entries[first].name, first);
            goto out;
        }
        if (!build_entry(e, &pb->entries[pb->n])) {
            rc = fail_at(c, ERROR_CANNOT_OPEN_PHONEBOOK, "out of memory");
            goto out;
        }
        /* jansson's hash table (seeded: names cannot be written to collide)
         * finds duplicates in constant time here and serves nr_pb_find; the
         * name is valid UTF-8, jansson having parsed it */
        if (json_object_set_new_nocheck(pb->names, name, json_integer((json_int_t)pb->n))) {
            free(pb->entries[pb->n].storage);
            rc = fail_at(c, ERROR_CANNOT_OPEN_PHONEBOOK, "out of memory");
            goto out;
        }
        pb->n++;
        pop(c);
    }
    *out = pb;
    pb = NULL;
out:
    nr_pb_free(pb);
    json_decref(root);
    return rc;
}

DWORD nr_pb_load(const char *path, nr_phonebook **out, nr_pb_error *err)
{
    nr_pb_error scratch;
    ctx c = { .err = err ? err : &scratch };
    char *owned = path ? NULL : nr_pb_default_path();
    DWORD rc = WN_SUCCESS;
    size_t len = 0;

    *out = NULL;
    memset(c.err, 0, sizeof *c.err);
    if (!path)
        path = owned;
    if (!path) {
        rc = fail_at(&c, ERROR_CANNOT_OPEN_PHONEBOOK, "no phonebook path: set HOME or XDG_CONFIG_HOME");
        goto out;
    }
    snprintf(c.err->file, sizeof c.err->file, "%s", path);
    if (!(c.text = read_checked(path, &c, &len))) {
        rc = c.err->err.code;
        goto out;
    }
    rc = parse_text(&c, path, len, out);
out:
    free((char *)c.text);
    free(owned);
    return rc;
}

DWORD nr_pb_parse(const char *path, const char *text, size_t len, nr_phonebook **out, nr_pb_error *err)
{
    nr_pb_error scratch;
    ctx c = { .err = err ? err : &scratch, .text = text };
    *out = NULL;
    memset(c.err, 0, sizeof *c.err);
    snprintf(c.err->file, sizeof c.err->file, "%s", path);
    return parse_text(&c, path, len, out);
}

const nr_pb_entry *nr_pb_find(const nr_phonebook *pb, const char *name)
{
    json_t *at = pb && name && pb->names ? json_object_get(pb->names, name) : NULL;
    return at ? &pb->entries[json_integer_value(at)] : NULL;
}

void nr_pb_free(nr_phonebook *pb)
{
    if (!pb)
        return;
    for (size_t i = 0; i < pb->n; i++)
        free(pb->entries[i].storage);
    free(pb->entries);
    json_decref(pb->names);
    free(pb->path);
    free(pb);
}

/* Appends to buf what fits of the formatted text (buf always terminated). */
static void append(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void append(char *buf, size_t size, const char *fmt, ...)
{
    size_t used = strlen(buf);
    va_list ap;
    if (used + 1 >= size)
        return;
    va_start(ap, fmt);
    vsnprintf(buf + used, size - used, fmt, ap);
    va_end(ap);
}

void nr_pb_describe_missing(const nr_phonebook *pb, const char *name, char *buf, size_t size)
{
    const char *near = pb->n ? nr_suggest(name, (const char *const *)&pb->entries[0].name, pb->n,
                                          sizeof pb->entries[0])
                             : NULL;
    size_t shown = pb->n < NR_PB_NAMES_SHOWN ? pb->n : NR_PB_NAMES_SHOWN;
    if (!size)
        return;
    buf[0] = '\0';
    append(buf, size, "%s: no entry named \"%s\"", pb->path, name);
    if (near)
        append(buf, size, " (did you mean \"%s\"?)", near);
    if (!pb->n) {
        append(buf, size, "; the phonebook has no entries");
        return;
    }
    if (pb->n == 1)
        append(buf, size, "; its only entry is ");
    else
        append(buf, size, "; its %zu entries are ", pb->n);
    for (size_t i = 0; i < shown; i++)
        append(buf, size, "%s\"%s\"", i == 0 ? "" : i + 1 == pb->n ? " and " : ", ", pb->entries[i].name);
    if (shown < pb->n)
        append(buf, size, " and %zu more", pb->n - shown);
}
