/*
 * plugin-wide.c - the router's boundary with wide (UNICODE) plugins, those
 * exporting NrPluginCharset == NR_PLUGIN_CHARSET_WIDE (npapi.h).
 *
 * One thunk per entry point: it takes the router's UTF-8 arguments, hands
 * the plugin wide copies (NETRESOURCEW, NOTIFYADDW, NOTIFYCANCELW, LPWSTR),
 * and turns what the plugin gives back into UTF-8 in the caller's buffer,
 * with the caller's rules: sizes in bytes, WN_MORE_DATA with the size the
 * UTF-8 answer needs, the size untouched on every other error.  The plugin
 * itself counts as Windows does: characters for NPGetConnection and
 * NPGetUser, bytes for NPGetUniversalName, NPGetResourceInformation,
 * NPGetResourceParent and NPEnumResource.  Because the UTF-8 size of an
 * answer is known only once the wide text is, a thunk whose buffer is too
 * small fetches the whole answer (a second call with a larger buffer)
 * before saying how much room it needs.
 *
 * Every conversion is router/common/wide.h's.  Text the router cannot give
 * a wide plugin (not UTF-8) fails with WN_BAD_VALUE; text a wide plugin
 * hands back that is not Unicode (a surrogate, a value past U+10FFFF) fails
 * with ERROR_NO_UNICODE_TRANSLATION, each with a sentence naming the plugin.
 *
 * The plugin's entry-point fields of nr_plugin hold the W functions for
 * such a plugin; this file is the only one that calls them (plugin-call.c
 * decides which plugins come here).  It calls nothing of the router's but
 * the error setters and the call marks.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "wide.h"

/* The W forms of the entry points, as a UNICODE plugin defines them. */
typedef DWORD (*w_add_notify)(LPNOTIFYINFO, LPNOTIFYADDW);
typedef DWORD (*w_cancel_notify)(LPNOTIFYINFO, LPNOTIFYCANCELW);
typedef DWORD (*w_add)(LPNETRESOURCEW, LPWSTR, LPWSTR);
typedef DWORD (*w_add3)(HWND, LPNETRESOURCEW, LPWSTR, LPWSTR, DWORD);
typedef DWORD (*w_cancel)(LPWSTR, BOOL);
typedef DWORD (*w_get_text)(LPWSTR, LPWSTR, LPDWORD); /* NPGetConnection, NPGetUser */
typedef DWORD (*w_get_universal_name)(LPCWSTR, DWORD, LPVOID, LPDWORD);
typedef DWORD (*w_get_resource_information)(LPNETRESOURCEW, LPVOID, LPDWORD, LPWSTR *);
typedef DWORD (*w_get_resource_parent)(LPNETRESOURCEW, LPVOID, LPDWORD);
typedef DWORD (*w_open_enum)(DWORD, DWORD, DWORD, LPNETRESOURCEW, LPHANDLE);

/* The largest answer fetched from a wide plugin (bytes; for a string,
 * characters): a plugin that keeps answering WN_MORE_DATA must not make
 * the router grow a buffer until its 32-bit size wraps. */
#define WIDE_ANSWER_MAX (16u << 20)
/* The first buffer of an enumeration. */
#define WIDE_ENUM_BUFFER 16384u
/* How often a thunk asks again after WN_MORE_DATA before giving up. */
#define WIDE_TRIES 4

/* ---- conversions -------------------------------------------------------------------------- */

/* A wide copy of s (NULL for NULL) for plugin p; false with the error set. */
static bool to_wide(const nr_plugin *p, const char *s, const char *what, wchar_t **out, DWORD *rc)
{
    *out = NULL;
    if (!s)
        return true;
    if ((*out = nr_wide_dup(s)))
        return true;
    if (errno == ENOMEM)
        *rc = nr__fail(WN_OUT_OF_MEMORY, "out of memory");
    else
        *rc = nr__fail(WN_BAD_VALUE, "the %s is not valid UTF-8, so it cannot be handed to wide plugin '%s'", what,
                       p->m->name);
    return false;
}

static void wres_free(NETRESOURCEW *w)
{
    free(w->lpLocalName);
    free(w->lpRemoteName);
    free(w->lpComment);
    free(w->lpProvider);
}

/* *w: a wide copy of *a (every string converted); false with the error set. */
static bool res_to_wide(const nr_plugin *p, const NETRESOURCEA *a, NETRESOURCEW *w, DWORD *rc)
{
    *w = (NETRESOURCEW){ a->dwScope, a->dwType, a->dwDisplayType, a->dwUsage, NULL, NULL, NULL, NULL };
    if (to_wide(p, a->lpLocalName, "local name", &w->lpLocalName, rc) &&
        to_wide(p, a->lpRemoteName, "remote name", &w->lpRemoteName, rc) &&
        to_wide(p, a->lpComment, "comment", &w->lpComment, rc) &&
        to_wide(p, a->lpProvider, "provider name", &w->lpProvider, rc))
        return true;
    wres_free(w);
    return false;
}

static DWORD not_unicode(const nr_plugin *p, const char *entry, const char *what)
{
    return nr__fail(ERROR_NO_UNICODE_TRANSLATION, "wide plugin '%s' returned a %s from %s that is not valid "
                    "Unicode (a surrogate or a value beyond U+10FFFF)", p->m->name, what, entry);
}

/* Bytes w takes in UTF-8 with its NUL (0 for NULL); false when w is not Unicode. */
static bool utf8_size(const wchar_t *w, size_t *size)
{
    size_t n;
    if (!w)
        return true;
    if ((n = nr_utf8_count(w)) == (size_t)-1)
        return false;
    *size += n + 1;
    return true;
}

/* Where the UTF-8 strings of an answer go, packed from the end of the
 * caller's buffer down (the structures stand at its start). */
typedef struct packer { char *end; } packer;

static char *pack(packer *k, const wchar_t *w)
{
    size_t n;
    if (!w)
        return NULL;
    n = nr_utf8_count(w) + 1; /* checked by utf8_size() */
    k->end -= n;
    nr_utf8_from_wide_buf(w, k->end, n);
    return k->end;
}

/* Checks that every string of *w converts and adds their UTF-8 sizes to *size. */
static bool res_size(const NETRESOURCEW *w, size_t *size)
{
    return utf8_size(w->lpLocalName, size) && utf8_size(w->lpRemoteName, size) && utf8_size(w->lpComment, size) &&
           utf8_size(w->lpProvider, size);
}

static void res_pack(packer *k, const NETRESOURCEW *w, NETRESOURCEA *a)
{
    *a = (NETRESOURCEA){ w->dwScope, w->dwType, w->dwDisplayType, w->dwUsage, NULL, NULL, NULL, NULL };
    a->lpLocalName = pack(k, w->lpLocalName);
    a->lpRemoteName = pack(k, w->lpRemoteName);
    a->lpComment = pack(k, w->lpComment);
    a->lpProvider = pack(k, w->lpProvider);
}

static DWORD too_much(const nr_plugin *p, const char *entry, DWORD asked)
{
    return nr__fail(ERROR_UNEXP_NET_ERR, "wide plugin '%s' asked for a buffer of %u from %s, more than the router "
                    "gives one answer (%u)", p->m->name, (unsigned)asked, entry, WIDE_ANSWER_MAX);
}

/* A buffer of at least size bytes (grown from *buf); false when out of memory. */
static bool grow(void **buf, size_t size)
{
    void *nb = realloc(*buf, size ? size : 1);
    if (!nb)
        return false;
    *buf = nb;
    return true;
}

/* ---- notifiers ------------------------------------------------------------------------------ */

DWORD nr__wide_add_notify(nr_plugin *p, NOTIFYINFO *info, const NOTIFYADDA *a)
{
    NOTIFYADDW w = { .hwndOwner = a->hwndOwner, .dwAddFlags = a->dwAddFlags };
    DWORD rc;
    if (!res_to_wide(p, &a->NetResource, &w.NetResource, &rc))
        return rc;
    nr__call_begin(p, "AddConnectNotify");
    rc = ((w_add_notify)p->add_notify)(info, &w); /* info, and so lpContext, passes as it is */
    nr__call_end(p);
    wres_free(&w.NetResource);
    return rc;
}

DWORD nr__wide_cancel_notify(nr_plugin *p, NOTIFYINFO *info, const NOTIFYCANCELA *c)
{
    NOTIFYCANCELW w = { .dwFlags = c->dwFlags, .fForce = c->fForce };
    DWORD rc = WN_SUCCESS;
    if (to_wide(p, c->lpName, "name to cancel", &w.lpName, &rc) &&
        to_wide(p, c->lpProvider, "provider name", &w.lpProvider, &rc)) {
        nr__call_begin(p, "CancelConnectNotify");
        rc = ((w_cancel_notify)p->cancel_notify)(info, &w);
        nr__call_end(p);
    }
    free(w.lpName);
    free(w.lpProvider);
    return rc;
}

/* ---- add and cancel --------------------------------------------------------------------------- */

DWORD nr__wide_add(nr_plugin *p, HWND owner, const NETRESOURCEA *res, const char *password, const char *user,
                   DWORD flags)
{
    NETRESOURCEW w;
    wchar_t *wpassword = NULL, *wuser = NULL;
    DWORD rc = WN_SUCCESS;
    if (!res_to_wide(p, res, &w, &rc))
        return rc;
    if (to_wide(p, password, "password", &wpassword, &rc) && to_wide(p, user, "user name", &wuser, &rc)) {
        if (p->add3) {
            nr__call_begin(p, "NPAddConnection3");
            rc = ((w_add3)p->add3)(owner, &w, wpassword, wuser, flags);
        } else {
            nr__call_begin(p, "NPAddConnection");
            rc = ((w_add)p->add)(&w, wpassword, wuser);
        }
        nr__call_end(p);
    }
    if (wpassword) /* what the plugin was given of a password is not left in freed memory */
        memset(wpassword, 0, wcslen(wpassword) * sizeof *wpassword);
    free(wpassword);
    free(wuser);
    wres_free(&w);
    return rc;
}

DWORD nr__wide_cancel(nr_plugin *p, const char *name, BOOL force)
{
    wchar_t *wname;
    DWORD rc;
    if (!to_wide(p, name, "name to cancel", &wname, &rc))
        return rc;
    nr__call_begin(p, "NPCancelConnection");
    rc = ((w_cancel)p->cancel)(wname, force);
    nr__call_end(p);
    free(wname);
    return rc;
}

/* ---- answers: the whole of it, however large ----------------------------------------------------- */

/* One call of an entry point that answers into buf of *size bytes. */
typedef DWORD (*answer_call)(nr_plugin *p, const void *args, void *buf, DWORD *size);

/* Calls until the answer fits: into *wbuf (grown to *cap bytes, more when
 * the plugin asks for more with WN_MORE_DATA; *cap says how many in the
 * end; the caller frees *wbuf), so that the router sees the whole answer
 * and can tell the application its UTF-8 size.  The plugin's result
 * otherwise. */
static DWORD fetch(nr_plugin *p, const char *entry, answer_call call, const void *args, void **wbuf, DWORD *cap)
{
    for (int tries = 0;; tries++) {
        DWORD got = *cap, rc;
        if (!grow(wbuf, *cap))
            return WN_OUT_OF_MEMORY;
        nr__call_begin(p, entry);
        rc = call(p, args, *wbuf, &got);
        nr__call_end(p);
        if (rc != WN_MORE_DATA)
            return rc;
        if (got <= *cap || got > WIDE_ANSWER_MAX || tries == WIDE_TRIES)
            return too_much(p, entry, got);
        *cap = got;
    }
}

/* A byte count for the wide answer to a caller's buffer of size bytes:
 * every UTF-8 byte may be one wide character. */
static DWORD wide_room(DWORD size, DWORD least)
{
    size_t room = (size_t)size * sizeof(wchar_t);
    if (room < least)
        room = least;
    return room > WIDE_ANSWER_MAX ? WIDE_ANSWER_MAX : (DWORD)room;
}

/* ---- strings out: NPGetConnection and NPGetUser (the plugin counts characters) ------------------ */

typedef struct text_args {
    w_get_text fn;
    wchar_t *in;
} text_args;

static DWORD text_call(nr_plugin *p, const void *args, void *buf, DWORD *size)
{
    const text_args *a = args;
    DWORD wlen = *size / sizeof(wchar_t), rc;
    (void)p;
    rc = a->fn(a->in, wlen ? buf : NULL, &wlen);
    if (rc == WN_MORE_DATA)
        *size = wlen > WIDE_ANSWER_MAX / sizeof(wchar_t) ? WIDE_ANSWER_MAX + 1 : wlen * (DWORD)sizeof(wchar_t);
    return rc;
}

static DWORD text_out(nr_plugin *p, const char *entry, w_get_text fn, const char *in, const char *what,
                      const char *what_out, char *out, DWORD *length)
{
    text_args args = { fn, NULL };
    void *wbuf = NULL;
    /* A UTF-8 answer that fits *length bytes has no more characters than that. */
    DWORD rc, cap = *length < WIDE_ANSWER_MAX / sizeof(wchar_t) ? *length * (DWORD)sizeof(wchar_t) : WIDE_ANSWER_MAX;
    size_t need = 0;
    if (!to_wide(p, in, what, &args.in, &rc))
        return rc;
    rc = fetch(p, entry, text_call, &args, &wbuf, &cap);
    free(args.in);
    if (rc == WN_SUCCESS) {
        if (!wmemchr(wbuf, L'\0', cap / sizeof(wchar_t)))
            rc = nr__fail(ERROR_UNEXP_NET_ERR, "wide plugin '%s' returned a %s from %s without its terminating NUL",
                          p->m->name, what_out, entry);
        else if (!utf8_size(wbuf, &need))
            rc = not_unicode(p, entry, what_out);
        else if (need > *length) {
            *length = (DWORD)need;
            rc = WN_MORE_DATA;
        } else {
            nr_utf8_from_wide_buf(wbuf, out, *length);
        }
    }
    free(wbuf);
    return rc;
}

DWORD nr__wide_get_connection(nr_plugin *p, const char *local, char *remote, DWORD *length)
{
    return text_out(p, "NPGetConnection", (w_get_text)p->get_connection, local, "local name", "remote name", remote,
                    length);
}

DWORD nr__wide_get_user(nr_plugin *p, const char *name, char *user, DWORD *length)
{
    return text_out(p, "NPGetUser", (w_get_text)p->get_user, name, "name", "user name", user, length);
}

/* ---- structures out (the plugin counts bytes) ----------------------------------------------------- */

typedef struct universal_args {
    wchar_t *path;
    DWORD level;
} universal_args;

static DWORD universal_call(nr_plugin *p, const void *args, void *buf, DWORD *size)
{
    const universal_args *a = args;
    return ((w_get_universal_name)p->get_universal_name)(a->path, a->level, buf, size);
}

DWORD nr__wide_get_universal_name(nr_plugin *p, const char *path, DWORD level, void *buffer, DWORD *size)
{
    static const char entry[] = "NPGetUniversalName";
    universal_args args = { NULL, level };
    void *wbuf = NULL;
    DWORD rc, cap = wide_room(*size, sizeof(REMOTE_NAME_INFOW));
    if (level != UNIVERSAL_NAME_INFO_LEVEL && level != REMOTE_NAME_INFO_LEVEL)
        return WN_BAD_LEVEL; /* no other level has a form the router can convert */
    if (!to_wide(p, path, "local path", &args.path, &rc))
        return rc;
    rc = fetch(p, entry, universal_call, &args, &wbuf, &cap);
    free(args.path);
    if (rc == WN_SUCCESS) {
        const wchar_t *s[3] = { NULL, NULL, NULL };
        size_t head = level == UNIVERSAL_NAME_INFO_LEVEL ? sizeof(UNIVERSAL_NAME_INFOA) : sizeof(REMOTE_NAME_INFOA);
        size_t need = head;
        if (level == UNIVERSAL_NAME_INFO_LEVEL) {
            s[0] = ((const UNIVERSAL_NAME_INFOW *)wbuf)->lpUniversalName;
        } else {
            const REMOTE_NAME_INFOW *r = wbuf;
            s[0] = r->lpUniversalName;
            s[1] = r->lpConnectionName;
            s[2] = r->lpRemainingPath;
        }
        if (!utf8_size(s[0], &need) || !utf8_size(s[1], &need) || !utf8_size(s[2], &need)) {
            rc = not_unicode(p, entry, "name");
        } else if (need > *size) {
            *size = (DWORD)need;
            rc = WN_MORE_DATA;
        } else {
            packer k = { (char *)buffer + need };
            char *a[3];
            for (int i = 2; i >= 0; i--)
                a[i] = pack(&k, s[i]);
            if (level == UNIVERSAL_NAME_INFO_LEVEL)
                *(UNIVERSAL_NAME_INFOA *)buffer = (UNIVERSAL_NAME_INFOA){ a[0] };
            else
                *(REMOTE_NAME_INFOA *)buffer = (REMOTE_NAME_INFOA){ a[0], a[1], a[2] };
        }
    }
    free(wbuf);
    return rc;
}

typedef struct information_args {
    NETRESOURCEW *res;
    wchar_t **system;  /* NULL: NPGetResourceParent, else NPGetResourceInformation */
} information_args;

static DWORD information_call(nr_plugin *p, const void *args, void *buf, DWORD *size)
{
    const information_args *a = args;
    if (!a->system)
        return ((w_get_resource_parent)p->get_resource_parent)(a->res, buf, size);
    *a->system = NULL;
    return ((w_get_resource_information)p->get_resource_information)(a->res, buf, size, a->system);
}

/* NPGetResourceInformation (system not NULL) or NPGetResourceParent: one
 * NETRESOURCEW and its strings (and the system part) from the plugin, as a
 * NETRESOURCEA and UTF-8 strings in buffer. */
static DWORD resource_out(nr_plugin *p, bool information, const NETRESOURCEA *res, void *buffer, DWORD *size,
                          char **system)
{
    const char *entry = information ? "NPGetResourceInformation" : "NPGetResourceParent";
    NETRESOURCEW w;
    wchar_t *wsystem = NULL;
    information_args args = { NULL, information ? &wsystem : NULL };
    void *wbuf = NULL;
    DWORD rc = WN_SUCCESS, cap = wide_room(*size, sizeof(NETRESOURCEW));
    if (res) {
        if (!res_to_wide(p, res, &w, &rc))
            return rc;
        args.res = &w;
    }
    rc = fetch(p, entry, information_call, &args, &wbuf, &cap);
    if (args.res)
        wres_free(args.res);
    if (rc == WN_SUCCESS) {
        const NETRESOURCEW *out = wbuf;
        size_t need = sizeof(NETRESOURCEA);
        if (!res_size(out, &need) || !utf8_size(wsystem, &need)) {
            rc = not_unicode(p, entry, "resource");
        } else if (need > *size) {
            *size = (DWORD)need;
            rc = WN_MORE_DATA;
        } else {
            packer k = { (char *)buffer + need };
            char *sys = pack(&k, wsystem); /* read before the structure is overwritten */
            NETRESOURCEA a;
            res_pack(&k, out, &a);
            *(NETRESOURCEA *)buffer = a;
            if (system)
                *system = sys;
        }
    }
    free(wbuf);
    return rc;
}

DWORD nr__wide_get_resource_information(nr_plugin *p, const NETRESOURCEA *res, void *buffer, DWORD *size,
                                        char **system)
{
    return resource_out(p, true, res, buffer, size, system);
}

DWORD nr__wide_get_resource_parent(nr_plugin *p, const NETRESOURCEA *res, void *buffer, DWORD *size)
{
    return resource_out(p, false, res, buffer, size, NULL);
}

/* ---- enumeration ------------------------------------------------------------------------------ */

/* The router's handle of a wide plugin's enumeration: the plugin's own
 * handle, and the entries of its last answer, converted, that the caller's
 * buffer had no room for yet. */
typedef struct wide_enum {
    HANDLE h;
    NETRESOURCEA *v;
    size_t n, pos;
    bool done;           /* the plugin said WN_NO_MORE_ENTRIES */
    void *wbuf;          /* the buffer the plugin fills */
    DWORD wsize;
} wide_enum;

static void pending_free(wide_enum *e)
{
    for (size_t i = 0; i < e->n; i++) {
        free(e->v[i].lpLocalName);
        free(e->v[i].lpRemoteName);
        free(e->v[i].lpComment);
        free(e->v[i].lpProvider);
    }
    free(e->v);
    e->v = NULL;
    e->n = e->pos = 0;
}

DWORD nr__wide_open_enum(nr_plugin *p, DWORD scope, DWORD type, DWORD usage, const NETRESOURCEA *container,
                         HANDLE *out)
{
    NETRESOURCEW w, *wp = NULL;
    wide_enum *e;
    HANDLE h = NULL;
    DWORD rc = WN_SUCCESS;
    if (container) {
        if (!res_to_wide(p, container, &w, &rc))
            return rc;
        wp = &w;
    }
    nr__call_begin(p, "NPOpenEnum");
    rc = ((w_open_enum)p->open_enum)(scope, type, usage, wp, &h);
    nr__call_end(p);
    if (wp)
        wres_free(wp);
    if (rc != WN_SUCCESS)
        return rc;
    if (!(e = calloc(1, sizeof *e))) {
        nr__call_begin(p, "NPCloseEnum");
        p->close_enum(h);
        nr__call_end(p);
        return WN_OUT_OF_MEMORY;
    }
    e->h = h;
    *out = e;
    return WN_SUCCESS;
}

/* Converts the count entries the plugin left in e->wbuf into e->v. */
static DWORD take(nr_plugin *p, wide_enum *e, DWORD count)
{
    const NETRESOURCEW *in = e->wbuf;
    if (!(e->v = calloc(count ? count : 1, sizeof *e->v)))
        return WN_OUT_OF_MEMORY;
    for (DWORD i = 0; i < count; i++) {
        NETRESOURCEA *a = &e->v[e->n++];
        size_t ignored = 0;
        if (!res_size(&in[i], &ignored))
            return not_unicode(p, "NPEnumResource", "resource");
        *a = (NETRESOURCEA){ in[i].dwScope, in[i].dwType, in[i].dwDisplayType, in[i].dwUsage, NULL, NULL, NULL,
                             NULL };
        if ((in[i].lpLocalName && !(a->lpLocalName = nr_utf8_dup(in[i].lpLocalName))) ||
            (in[i].lpRemoteName && !(a->lpRemoteName = nr_utf8_dup(in[i].lpRemoteName))) ||
            (in[i].lpComment && !(a->lpComment = nr_utf8_dup(in[i].lpComment))) ||
            (in[i].lpProvider && !(a->lpProvider = nr_utf8_dup(in[i].lpProvider))))
            return WN_OUT_OF_MEMORY;
    }
    return WN_SUCCESS;
}

/* Asks the plugin for its next entries, as many as it gives at once. */
static DWORD refill(nr_plugin *p, wide_enum *e)
{
    static const char entry[] = "NPEnumResource";
    DWORD rc, count, got;
    pending_free(e);
    if (!e->wsize)
        e->wsize = WIDE_ENUM_BUFFER;
    for (int tries = 0;; tries++) {
        if (!grow(&e->wbuf, e->wsize))
            return WN_OUT_OF_MEMORY;
        count = 0xFFFFFFFFu;
        got = e->wsize;
        nr__call_begin(p, entry);
        rc = p->enum_resource(e->h, &count, e->wbuf, &got); /* the same signature in both forms */
        nr__call_end(p);
        if (rc != WN_MORE_DATA)
            break;
        if (got > WIDE_ANSWER_MAX || tries == WIDE_TRIES)
            return too_much(p, entry, got);
        e->wsize = got > e->wsize * 2 ? got : e->wsize * 2;
        if (e->wsize > WIDE_ANSWER_MAX)
            e->wsize = WIDE_ANSWER_MAX;
    }
    if (rc == WN_NO_MORE_ENTRIES || (rc == WN_SUCCESS && count == 0)) {
        e->done = true;
        return WN_SUCCESS;
    }
    if (rc != WN_SUCCESS)
        return rc;
    if (count > e->wsize / sizeof(NETRESOURCEW))
        return nr__fail(ERROR_UNEXP_NET_ERR, "wide plugin '%s' returned %u entries from %s in a buffer that holds "
                        "at most %zu", p->m->name, (unsigned)count, entry, e->wsize / sizeof(NETRESOURCEW));
    rc = take(p, e, count);
    if (rc != WN_SUCCESS)
        pending_free(e);
    return rc;
}

DWORD nr__wide_enum_resource(nr_plugin *p, HANDLE h, DWORD *count, void *buffer, DWORD *size)
{
    wide_enum *e = h;
    DWORD rc;
    if (e->pos == e->n && !e->done && (rc = refill(p, e)) != WN_SUCCESS)
        return rc;
    if (e->pos == e->n) {
        *count = 0;
        return WN_NO_MORE_ENTRIES;
    }
    return nr__pack_resources(e->v, e->n, &e->pos, count, buffer, size);
}

DWORD nr__wide_close_enum(nr_plugin *p, HANDLE h)
{
    wide_enum *e = h;
    DWORD rc;
    nr__call_begin(p, "NPCloseEnum");
    rc = p->close_enum(e->h);
    nr__call_end(p);
    pending_free(e);
    free(e->wbuf);
    free(e);
    return rc;
}
