/*
 * store.c - the per-user store of remembered connections: what
 * $state_dir/connections.json holds and the read-modify-write operations on
 * it (remember, forget, snapshot).
 *
 * The files themselves - the state directory and the trust put in it, the
 * lock, atomic replacement, leftovers - are storefile.c's.  Every operation
 * here runs between nr__storefile_lock() and nr__storefile_unlock(), so a
 * read-modify-write never loses another process's change.  Only content
 * that is not a store (a JSON syntax error, or a JSON text without the
 * "connections" array of entries) sets the file aside as damaged; a file
 * that cannot be opened or read is an error of that call and stays.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "json.h"
#include "storefile.h"

/* ---- load / save ------------------------------------------------------------------------ */

static void entry_free(nr_remembered *e)
{
    free(e->local);
    free(e->remote);
    free(e->user);
    free(e->provider);
    free(e->comment);
    *e = (nr_remembered){ 0 };
}

void nr__store_free(nr_store *s)
{
    for (size_t i = 0; i < s->n; i++)
        entry_free(&s->v[i]);
    free(s->v);
    *s = (nr_store){ 0 };
}

nr_remembered *nr__store_find(nr_store *s, const char *local)
{
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->v[i].local, local))
            return &s->v[i];
    return NULL;
}

static char *opt_string(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? strdup(json_string_value(v)) : NULL;
}

/* A DWORD member (dflt when absent); false when it is not one. */
static bool opt_dword(json_t *o, const char *key, DWORD dflt, DWORD *out)
{
    json_t *v = json_object_get(o, key);
    *out = dflt;
    if (!v)
        return true;
    if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > (json_int_t)UINT32_MAX)
        return false;
    *out = (DWORD)json_integer_value(v);
    return true;
}

/* One entry of "connections": WN_SUCCESS, WN_BAD_PROFILE with why filled,
 * or WN_OUT_OF_MEMORY. */
static DWORD parse_entry(json_t *e, size_t i, nr_remembered *out, char *why, size_t why_size)
{
    *out = (nr_remembered){ 0 };
    if (!json_is_object(e) || !json_is_string(json_object_get(e, "local")) ||
        !json_is_string(json_object_get(e, "remote")) || !json_is_string(json_object_get(e, "provider"))) {
        snprintf(why, why_size, "entry %zu lacks \"local\", \"remote\" or \"provider\"", i + 1);
        return WN_BAD_PROFILE;
    }
    const char *bad = !opt_dword(e, "provider_type", 0, &out->provider_type) ? "provider_type"
                      : !opt_dword(e, "type", RESOURCETYPE_DISK, &out->type) ? "type"
                                                                             : NULL;
    if (bad) {
        snprintf(why, why_size, "entry %zu: \"%s\" is not a number from 0 to 4294967295", i + 1, bad);
        return WN_BAD_PROFILE;
    }
    out->local = opt_string(e, "local");
    out->remote = opt_string(e, "remote");
    out->provider = opt_string(e, "provider");
    out->user = opt_string(e, "user");
    out->comment = opt_string(e, "comment");
    if (!out->local || !out->remote || !out->provider ||
        (json_is_string(json_object_get(e, "user")) && !out->user) ||
        (json_is_string(json_object_get(e, "comment")) && !out->comment)) {
        entry_free(out);
        return nr__fail(WN_OUT_OF_MEMORY, "out of memory while reading the remembered-connection store");
    }
    return WN_SUCCESS;
}

/* Parses the text of connections.json; WN_BAD_PROFILE with why filled when
 * it is not a store. */
static DWORD parse(const nr_storefile *sf, const char *text, size_t len, nr_store *s, char *why, size_t why_size)
{
    json_error_t err;
    json_t *root = nr_json_parse(text, len, &err), *list, *e;
    size_t i;
    DWORD rc = WN_SUCCESS;
    if (!root && json_error_code(&err) == json_error_out_of_memory)
        return nr__fail(WN_CANNOT_OPEN_PROFILE, "the remembered-connection store %s/%s cannot be read: out of "
                        "memory; it was left as it is", sf->dir, NR_STORE_FILE);
    if (!root) {
        snprintf(why, why_size, "line %d column %d: %s", err.line, err.column, err.text);
        return WN_BAD_PROFILE;
    }
    list = json_object_get(root, "connections");
    if (!json_is_object(root) || !json_is_array(list)) {
        snprintf(why, why_size, "it has no \"connections\" array");
        rc = WN_BAD_PROFILE;
        goto out;
    }
    if (!(s->v = calloc(json_array_size(list) + 1, sizeof *s->v))) {
        rc = nr__fail(WN_OUT_OF_MEMORY, "out of memory while reading the remembered-connection store");
        goto out;
    }
    json_array_foreach(list, i, e) {
        if ((rc = parse_entry(e, i, &s->v[s->n], why, why_size)) != WN_SUCCESS)
            break;
        s->n++;
    }
out:
    if (rc)
        nr__store_free(s);
    json_decref(root);
    return rc;
}

/* Reads the store into s (empty when there is none); a damaged file is set
 * aside (WN_BAD_PROFILE).  The caller holds sf. */
static DWORD load_locked(nr_storefile *sf, nr_store *s)
{
    char *text, why[300];
    size_t len;
    DWORD rc;
    *s = (nr_store){ 0 };
    if ((rc = nr__storefile_read(sf, &text, &len)) != WN_SUCCESS || !text)
        return rc;
    rc = parse(sf, text, len, s, why, sizeof why);
    free(text);
    return rc == WN_BAD_PROFILE ? nr__storefile_set_aside(sf, why) : rc;
}

/* Writes s as the new store.  The caller holds sf. */
static DWORD save_locked(nr_storefile *sf, const nr_store *s)
{
    json_t *root = json_object(), *list = json_array();
    char *text = NULL, *with_newline;
    DWORD rc = WN_SUCCESS;

    if (!root || !list || json_object_set_new(root, "version", json_integer(1)) < 0 ||
        json_object_set(root, "connections", list) < 0)
        goto nomem;
    for (size_t i = 0; i < s->n; i++) {
        const nr_remembered *e = &s->v[i];
        json_t *o = json_pack("{s:s, s:s, s:s, s:I, s:I}", "local", e->local, "remote", e->remote, "provider",
                              e->provider, "provider_type", (json_int_t)e->provider_type, "type",
                              (json_int_t)e->type);
        if (o && ((e->user && json_object_set_new(o, "user", json_string(e->user)) < 0) ||
                  (e->comment && json_object_set_new(o, "comment", json_string(e->comment)) < 0))) {
            json_decref(o);
            o = NULL;
        }
        if (!o || json_array_append_new(list, o) < 0) /* append_new releases o on failure */
            goto nomem;
    }
    if (!(text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER)) ||
        !(with_newline = realloc(text, strlen(text) + 2)))
        goto nomem;
    text = with_newline;
    strcat(text, "\n");
    rc = nr__storefile_write(sf, text, strlen(text));
    goto out;
nomem:
    rc = nr__fail(WN_OUT_OF_MEMORY, "out of memory while writing the remembered-connection store");
out:
    free(text);
    json_decref(list);
    json_decref(root);
    return rc;
}

/* ---- operations ---------------------------------------------------------------------------- */

DWORD nr__store_snapshot(nr_router *r, nr_store *s)
{
    nr_storefile sf;
    DWORD rc = nr__storefile_lock(&sf, r, false);
    *s = (nr_store){ 0 };
    if (rc)
        return rc;
    rc = load_locked(&sf, s);
    nr__storefile_unlock(&sf);
    return rc;
}

DWORD nr__store_check_add(nr_router *r, const char *local, const char *remote)
{
    nr_store s;
    DWORD rc = nr__store_snapshot(r, &s);
    nr_remembered *e;
    if (rc)
        return rc;
    e = nr__store_find(&s, local);
    if (e && strcmp(e->remote, remote) != 0)
        rc = nr__fail(WN_DEVICE_ALREADY_REMEMBERED, "the local name %s is remembered for %s (provider '%s'); "
                      "forget it first with a cancel that updates the profile", local, e->remote, e->provider);
    nr__store_free(&s);
    return rc;
}

DWORD nr__store_remember(nr_router *r, const nr_remembered *entry)
{
    nr_storefile sf;
    nr_store s;
    nr_remembered *e, fresh;
    DWORD rc = nr__storefile_lock(&sf, r, true);
    if (rc)
        return rc;
    rc = load_locked(&sf, &s);
    if (rc == WN_BAD_PROFILE) {
        /* The damaged file was kept aside: start anew, and say so, since
         * this call may well succeed. */
        char text[1024];
        nr_get_last_error(NULL, text, sizeof text, NULL, 0);
        nr__log(&r->logger, NR_LOG_WARNING, NULL, "%s", text);
        rc = load_locked(&sf, &s);
    }
    if (rc)
        goto out;
    e = nr__store_find(&s, entry->local);
    if (e && strcmp(e->remote, entry->remote) != 0) {
        rc = nr__fail(WN_DEVICE_ALREADY_REMEMBERED, "the local name %s is remembered for %s", entry->local,
                      e->remote);
        goto out;
    }
    fresh = (nr_remembered){
        .local = strdup(entry->local),
        .remote = strdup(entry->remote),
        .user = nr__strdup0(entry->user),
        .provider = strdup(entry->provider),
        .comment = nr__strdup0(entry->comment),
        .provider_type = entry->provider_type,
        .type = entry->type,
    };
    if (!fresh.local || !fresh.remote || !fresh.provider || (entry->user && !fresh.user) ||
        (entry->comment && !fresh.comment)) {
        entry_free(&fresh);
        rc = nr__fail(WN_OUT_OF_MEMORY, "out of memory while remembering %s", entry->local);
        goto out;
    }
    if (!e) {
        nr_remembered *v = realloc(s.v, (s.n + 1) * sizeof *v);
        if (!v) {
            entry_free(&fresh);
            rc = nr__fail(WN_OUT_OF_MEMORY, "out of memory while remembering %s", entry->local);
            goto out;
        }
        s.v = v;
        e = &s.v[s.n++];
    } else {
        entry_free(e);
    }
    *e = fresh;
    rc = save_locked(&sf, &s);
out:
    nr__store_free(&s);
    nr__storefile_unlock(&sf);
    return rc;
}

DWORD nr__store_forget(nr_router *r, const char *local, bool *found)
{
    nr_storefile sf;
    nr_store s;
    nr_remembered *e;
    DWORD rc = nr__storefile_lock(&sf, r, false);
    *found = false;
    if (rc)
        return rc;
    rc = load_locked(&sf, &s);
    if (rc)
        goto out;
    e = nr__store_find(&s, local);
    if (e) {
        size_t idx = (size_t)(e - s.v);
        *found = true;
        entry_free(e);
        memmove(&s.v[idx], &s.v[idx + 1], (s.n - idx - 1) * sizeof *s.v);
        s.n--;
        rc = save_locked(&sf, &s);
    }
out:
    nr__store_free(&s);
    nr__storefile_unlock(&sf);
    return rc;
}
