/*
 * connections.c - the public connection calls: add, cancel, get connection,
 * get user and restore.  It validates arguments (failing before any
 * notification), applies the persistence rules of docs/design.md section 4
 * (rules 5 and 6), and leaves notifications and routing to dispatch.c.
 */
#include "config.h"

#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "utf8.h"

#define ADD_FLAGS                                                                                              \
    (CONNECT_UPDATE_PROFILE | CONNECT_UPDATE_RECENT | CONNECT_TEMPORARY | CONNECT_INTERACTIVE | CONNECT_PROMPT | \
     CONNECT_NEED_DRIVE | CONNECT_REFCOUNT | CONNECT_REDIRECT | CONNECT_LOCALDRIVE | CONNECT_CURRENT_MEDIA |      \
     CONNECT_DEFERRED | CONNECT_COMMANDLINE | CONNECT_CMD_SAVECRED | CONNECT_CRED_RESET)
#define CANCEL_FLAGS (CONNECT_UPDATE_PROFILE | CONNECT_REFCOUNT | CONNECT_DEFERRED)

static bool store_enabled(const nr_router *r)
{
    return !(r->flags & NR_ROUTER_NO_STORE);
}

static bool has_control_chars(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            return true;
    return false;
}

/* Names are UTF-8 (npapi.h): the store and the notifiers' JSON cannot hold
 * anything else.  WN_SUCCESS, or code with the offending byte named. */
static DWORD check_utf8(const char *s, const char *what, DWORD code)
{
    size_t at = s ? nr_utf8_invalid_at(s) : (size_t)-1;
    if (at == (size_t)-1)
        return WN_SUCCESS;
    return nr__fail(code, "the %s is not valid UTF-8 (byte 0x%02x at offset %zu); netrouter names are UTF-8", what,
                    (unsigned)(unsigned char)s[at], at);
}

/* ---- add ------------------------------------------------------------------------------ */

typedef struct add_hook { bool persist; } add_hook;

/* After a successful add: remember it, before POST so POST sees the truth.
 * If it cannot be remembered, the fresh connection is undone. */
static DWORD add_after_providers(nr_router *r, nr_op *op, DWORD result)
{
    const add_hook *h = op->hook_data;
    const NETRESOURCE *res = &op->add.NetResource;
    DWORD rc;
    if (result != WN_SUCCESS || !h->persist)
        return result;
    nr_remembered e = {
        .local = res->lpLocalName,
        .remote = res->lpRemoteName,
        .user = (char *)op->user,
        .provider = op->done_by->m->name,
        .comment = res->lpComment,
        .provider_type = op->done_by->net_type,
        .type = res->dwType,
    };
    rc = nr__store_remember(r, &e);
    if (rc != WN_SUCCESS) {
        char text[1024];
        DWORD code;
        nr_get_last_error(&code, text, sizeof text, NULL, 0);
        nr__provider_cancel(op->done_by, res->lpLocalName, TRUE);
        nr__set_last_error(code, text, NR_ROUTER_NAME);
    }
    return rc;
}

NR_PUBLIC DWORD nr_add_connection(nr_router *r, HWND owner, const NETRESOURCE *res, const char *password,
                                  const char *user, DWORD flags)
{
    DWORD rc = nr__api_enter(__func__);
    nr_op op; /* fields set one by one: zeroing it all costs more than the rest of a call */
    add_hook hook;
    if (rc)
        return rc;
    if (!r || !res)
        return nr__fail(WN_BAD_POINTER, "nr_add_connection(): %s is NULL", r ? "the resource" : "the router");
    if (res->dwType != RESOURCETYPE_ANY && res->dwType != RESOURCETYPE_DISK && res->dwType != RESOURCETYPE_PRINT)
        return nr__fail(WN_BAD_VALUE, "dwType %u is not RESOURCETYPE_ANY, _DISK or _PRINT", (unsigned)res->dwType);
    if (flags & ~ADD_FLAGS)
        return nr__fail(WN_BAD_VALUE, "unknown connection flags 0x%x", (unsigned)(flags & ~ADD_FLAGS));
    if (!res->lpRemoteName)
        return nr__fail(WN_BAD_VALUE, "the resource has no remote name (lpRemoteName is NULL)");
    if (!*res->lpRemoteName || has_control_chars(res->lpRemoteName))
        return nr__fail(WN_BAD_NETNAME, "the remote name is %s",
                        *res->lpRemoteName ? "invalid (it contains control characters)" : "empty");
    if (res->lpLocalName && has_control_chars(res->lpLocalName))
        return nr__fail(WN_BAD_LOCALNAME, "the local name contains control characters");
    if ((rc = check_utf8(res->lpLocalName, "local name", WN_BAD_LOCALNAME)) ||
        (rc = check_utf8(res->lpRemoteName, "remote name", WN_BAD_NETNAME)) ||
        (rc = check_utf8(user, "user name", WN_BAD_USER)) ||
        (rc = check_utf8(res->lpComment, "comment", WN_BAD_VALUE)))
        return rc;
    op.explicit_provider = NULL;
    if (!nr__str_empty(res->lpProvider) && !(op.explicit_provider = nr__find_provider(r, res->lpProvider)))
        return nr__fail(WN_BAD_PROVIDER, "no provider named \"%s\" is loaded", res->lpProvider);

    hook.persist = (flags & CONNECT_UPDATE_PROFILE) && !(flags & CONNECT_TEMPORARY) &&
                   !nr__str_empty(res->lpLocalName) && store_enabled(r);
    /* A local name remembered for another resource stays reserved for it,
     * whether or not this connection would be remembered. */
    if (!nr__str_empty(res->lpLocalName) && store_enabled(r) &&
        (rc = nr__store_check_add(r, res->lpLocalName, res->lpRemoteName)) != WN_SUCCESS)
        return rc;

    op.is_add = true;
    op.add.hwndOwner = owner;
    op.add.NetResource = *res;
    op.add.dwAddFlags = flags;
    op.add.NetResource.lpProvider = NULL;
    op.done_by = NULL;
    if (nr__str_empty(res->lpLocalName))
        op.add.NetResource.lpLocalName = NULL;
    op.password = password;
    op.user = user;
    op.after_providers = add_after_providers;
    op.hook_data = &hook;
    if (op.explicit_provider)
        op.add.NetResource.lpProvider = op.explicit_provider->m->name;
    return nr__run_op(r, &op);
}

/* ---- cancel ------------------------------------------------------------------------------ */

typedef struct cancel_hook { bool forget; } cancel_hook;

/* Forgetting follows a success, or a "not connected" for a remembered name.
 * The store is keyed by local name and never holds a deviceless connection
 * (hook.persist needs a local name), so only the entry of a local name that
 * the cancel named is forgotten: a cancel by remote name, which ends only
 * deviceless connections (WNetCancelConnection2), forgets nothing. */
static DWORD cancel_after_providers(nr_router *r, nr_op *op, DWORD result)
{
    const cancel_hook *h = op->hook_data;
    bool found = false;
    DWORD rc;
    if (!h->forget || (result != WN_SUCCESS && result != WN_NOT_CONNECTED))
        return result;
    if (result == WN_NOT_CONNECTED) {
        char text[1024];
        DWORD code;
        nr_get_last_error(&code, text, sizeof text, NULL, 0);
        rc = nr__store_forget(r, op->cancel.lpName, &found);
        if (rc != WN_SUCCESS)
            return rc;
        if (found) {
            nr__clear_last_error();
            return WN_SUCCESS;
        }
        nr__set_last_error(code, text, NR_ROUTER_NAME);
        return result;
    }
    rc = nr__store_forget(r, op->cancel.lpName, &found);
    return rc == WN_SUCCESS ? result : rc;
}

NR_PUBLIC DWORD nr_cancel_connection(nr_router *r, const char *name, DWORD flags, BOOL force)
{
    DWORD rc = nr__api_enter(__func__);
    nr_op op; /* fields set one by one, as in nr_add_connection() */
    cancel_hook hook;
    if (rc)
        return rc;
    if (!r || !name)
        return nr__fail(WN_BAD_POINTER, "nr_cancel_connection(): %s is NULL", r ? "the name" : "the router");
    if (!*name || has_control_chars(name))
        return nr__fail(WN_BAD_VALUE, "the name to cancel is %s", *name ? "invalid" : "empty");
    if (flags & ~CANCEL_FLAGS)
        return nr__fail(WN_BAD_VALUE, "unknown cancel flags 0x%x", (unsigned)(flags & ~CANCEL_FLAGS));
    hook.forget = (flags & CONNECT_UPDATE_PROFILE) && store_enabled(r);
    op.is_add = false;
    op.cancel.lpName = (LPSTR)name;
    op.cancel.lpProvider = NULL;
    op.cancel.dwFlags = flags;
    op.cancel.fForce = force ? TRUE : FALSE;
    op.password = op.user = NULL;
    op.explicit_provider = op.done_by = NULL;
    op.after_providers = cancel_after_providers;
    op.hook_data = &hook;
    return nr__run_op(r, &op);
}

/* ---- queries ------------------------------------------------------------------------------ */

NR_PUBLIC DWORD nr_get_connection(nr_router *r, const char *local, char *remote, DWORD *length)
{
    DWORD rc = nr__api_enter(__func__), first = WN_SUCCESS;
    nr_store s;
    if (rc)
        return rc;
    if (!r || !local || !length)
        return nr__fail(WN_BAD_POINTER, "nr_get_connection(): a required pointer is NULL");
    if (!*local)
        return nr__fail(WN_BAD_LOCALNAME, "the local name is empty");
    for (size_t i = 0; i < r->nproviders; i++) {
        nr_plugin *p = r->providers[i];
        if (!p->get_connection)
            continue;
        rc = nr__provider_get_connection(p, local, remote, length);
        if (rc == WN_SUCCESS || rc == WN_MORE_DATA)
            return rc;
        if (rc != WN_NOT_CONNECTED && rc != WN_BAD_LOCALNAME && rc != WN_BAD_NETNAME && rc != WN_NOT_SUPPORTED &&
            first == WN_SUCCESS)
            first = rc;
    }
    if (first != WN_SUCCESS)
        return first;
    if (store_enabled(r) && nr__store_snapshot(r, &s) == WN_SUCCESS) {
        nr_remembered *e = nr__store_find(&s, local);
        if (e) {
            rc = nr__copy_out(e->remote, remote, length);
            nr__store_free(&s);
            return rc == WN_SUCCESS ? WN_CONNECTION_CLOSED : rc;
        }
        nr__store_free(&s);
    }
    return nr__fail(WN_NOT_CONNECTED, "%s is not connected", local);
}

NR_PUBLIC DWORD nr_get_user(nr_router *r, const char *name, char *user, DWORD *length)
{
    DWORD rc = nr__api_enter(__func__);
    if (rc)
        return rc;
    if (!r || !length)
        return nr__fail(WN_BAD_POINTER, "nr_get_user(): a required pointer is NULL");
    if (!name) {
        char buf[1024];
        struct passwd pw, *res = NULL;
        if (getpwuid_r(geteuid(), &pw, buf, sizeof buf, &res) != 0 || !res)
            return nr__fail(WN_NOT_LOGGED_ON, "the current user (uid %u) has no passwd entry", (unsigned)geteuid());
        return nr__copy_out(res->pw_name, user, length);
    }
    for (size_t i = 0; i < r->nproviders; i++) {
        nr_plugin *p = r->providers[i];
        if (!p->get_user)
            continue;
        rc = nr__provider_get_user(p, name, user, length);
        if (rc == WN_SUCCESS || rc == WN_MORE_DATA)
            return rc;
    }
    return nr__fail(WN_NOT_CONNECTED, "no provider has a connection named \"%s\"", name);
}

/* ---- restore ------------------------------------------------------------------------------ */

NR_PUBLIC DWORD nr_restore_connections(nr_router *r, const char *local, nr_restore_fn fn, void *user)
{
    DWORD rc = nr__api_enter(__func__), first = WN_SUCCESS;
    nr_store s;
    bool matched = false;
    if (rc)
        return rc;
    if (!r)
        return nr__fail(WN_BAD_POINTER, "nr_restore_connections(): the router is NULL");
    if (!store_enabled(r))
        return WN_SUCCESS;
    if ((rc = nr__store_snapshot(r, &s)) != WN_SUCCESS)
        return rc;
    for (size_t i = 0; i < s.n; i++) {
        nr_remembered *e = &s.v[i];
        nr_plugin *p;
        NETRESOURCE res = {
            .dwScope = RESOURCE_REMEMBERED, .dwType = e->type, .dwDisplayType = RESOURCEDISPLAYTYPE_SHARE,
            .dwUsage = RESOURCEUSAGE_CONNECTABLE, .lpLocalName = e->local, .lpRemoteName = e->remote,
            .lpComment = e->comment, .lpProvider = e->provider,
        };
        if (local && strcmp(local, e->local) != 0)
            continue;
        matched = true;
        /* No notification: restore goes straight to the provider. */
        nr__clear_last_error();
        p = nr__find_provider(r, e->provider);
        if (!p)
            rc = nr__fail(WN_BAD_PROVIDER, "%s is remembered through provider '%s', which is not loaded", e->local,
                          e->provider);
        else
            rc = nr__provider_add(p, NULL, &res, NULL, e->user, 0);
        if (fn)
            fn(user, &res, rc);
        if (rc != WN_SUCCESS && rc != WN_ALREADY_CONNECTED && first == WN_SUCCESS)
            first = rc;
    }
    nr__store_free(&s);
    if (local && !matched)
        return nr__fail(WN_NOT_CONNECTED, "%s is not a remembered connection", local);
    return first;
}
