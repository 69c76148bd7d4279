/*
 * dispatch.c - one add-connection or cancel-connection operation: PRE
 * notifications, provider routing, POST notifications and retries, exactly
 * as docs/design.md section 4 (rules 2 to 4) describes.
 *
 * It runs on the caller's thread and holds no router lock: the plugin arrays
 * are immutable while the router lives.  Each notifier gets its own copy of
 * the operation's structures, so a notifier that scribbles on them cannot
 * change what the providers or the other notifiers see.
 */
#include "config.h"

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Per-notifier state of one operation. */
typedef struct nstate {
    void *ctx;
    bool has_ctx;     /* PRE left a context: owes a POST */
    bool keep;        /* asked for WN_RETRY: keeps its context, skips the next PRE */
} nstate;

#define STACK_NOTIFIERS 32

static PF_AddConnectNotify add_entry(const nr_plugin *n) { return n->add_notify; }

static bool participates(const nr_op *op, const nr_plugin *n)
{
    return op->is_add ? add_entry(n) != NULL : n->cancel_notify != NULL;
}

static DWORD notify(nr_plugin *n, const nr_op *op, NOTIFYINFO *info, const char *provider)
{
    if (op->is_add) {
        NOTIFYADD a = op->add;
        a.NetResource.lpProvider = (LPSTR)provider;
        return nr__notifier_add(n, info, &a);
    }
    NOTIFYCANCEL c = op->cancel;
    c.lpProvider = (LPSTR)provider;
    return nr__notifier_cancel(n, info, &c);
}

/* ---- providers ---------------------------------------------------------------------- */

/* "Not mine": the provider does not handle this name; try the next one. */
static bool not_mine(const nr_op *op, DWORD rc)
{
    switch (rc) {
    case WN_BAD_NETNAME:
    case ERROR_BAD_NETPATH:
    case WN_BAD_VALUE:
    case WN_BAD_LEVEL:
    case WN_NOT_SUPPORTED:
        return true;
    case WN_NOT_CONNECTED:
        return !op->is_add;
    default:
        return false;
    }
}

static bool owns_name(const nr_plugin *p, const char *name)
{
    if (!p->m->owns)
        return true;
    for (char **pat = p->m->owns; *pat; pat++)
        if (fnmatch(*pat, name, 0) == 0)
            return true;
    return false;
}

static DWORD call_one(nr_op *op, nr_plugin *p)
{
    if (op->is_add)
        return nr__provider_add(p, op->add.hwndOwner, &op->add.NetResource, op->password, op->user,
                                op->add.dwAddFlags);
    return nr__provider_cancel(p, op->cancel.lpName, op->cancel.fForce);
}

/* What the provider loop remembers of failures, filled only on error paths
 * (kept out of call_providers' frame, which runs for every operation). */
typedef struct failure_notes {
    DWORD first;              /* the first significant error, or WN_SUCCESS */
    DWORD code;
    char text[1024], provider[256];
    char why_not[1024];       /* the first "not mine" provider's own explanation */
} failure_notes;

static void __attribute__((noinline)) note_failure(failure_notes *f, const nr_plugin *p, const char *name,
                                                   bool mine, DWORD rc)
{
    if (!mine) {
        if (nr__last_error_is_set() && !f->why_not[0]) {
            char text[900];
            nr_get_last_error(NULL, text, sizeof text, NULL, 0);
            snprintf(f->why_not, sizeof f->why_not, " (provider '%s': %s)", p->m->name, text);
        }
        return;
    }
    if (f->first != WN_SUCCESS)
        return;
    f->first = rc; /* the first significant error is the answer unless someone succeeds */
    if (nr__last_error_is_set()) {
        nr_get_last_error(&f->code, f->text, sizeof f->text, f->provider, sizeof f->provider);
    } else {
        f->code = rc;
        snprintf(f->text, sizeof f->text, "provider '%s' failed on \"%s\" with error %u: %s", p->m->name, name,
                 (unsigned)rc, nr_strerror(rc));
        snprintf(f->provider, sizeof f->provider, "%s", p->m->name);
    }
}

static DWORD __attribute__((noinline)) no_success(failure_notes *f, const nr_op *op, const char *name)
{
    if (f->first != WN_SUCCESS) {
        nr__set_last_error(f->code, f->text, f->provider);
        return f->first;
    }
    if (op->is_add)
        return nr__fail(WN_BAD_NETNAME, "no provider accepted the remote name \"%s\"%s", name, f->why_not);
    return nr__fail(WN_NOT_CONNECTED, "no provider has a connection named \"%s\"%s", name, f->why_not);
}

/* An add with no provider loaded at all: WN_NO_NETWORK, as Windows' MPR
 * answers when no network is installed, saying why when discovery knows. */
static DWORD __attribute__((noinline)) no_provider_loaded(const nr_router *r, const char *name)
{
    for (size_t i = 0; i < r->problems.n; i++)
        if (r->problems.v[i].stage == NR_STAGE_SEARCH && r->problems.v[i].code == WN_NO_NETWORK)
            return nr__fail(WN_NO_NETWORK, "no network provider is loaded to connect \"%s\": %s", name,
                            r->problems.v[i].message);
    if (r->problems.n)
        return nr__fail(WN_NO_NETWORK, "no network provider is loaded to connect \"%s\" (%zu loading problem%s: "
                        "see netrouter plugins)", name, r->problems.n, r->problems.n == 1 ? "" : "s");
    if (!r->nnotifiers)
        return nr__fail(WN_NO_NETWORK, "no network provider is loaded to connect \"%s\": the manifests found are "
                        "all masked or disabled", name);
    /* Everything found loaded, and none of it is a provider. */
    char names[256] = "";
    size_t at = 0;
    for (size_t i = 0; i < r->nnotifiers && at < sizeof names; i++)
        at += (size_t)snprintf(names + at, sizeof names - at, "%s%s", i ? ", " : "", r->notifiers[i]->m->name);
    return nr__fail(WN_NO_NETWORK, "no network provider is loaded to connect \"%s\": the plugins found are only "
                    "notifiers: %s", name, names);
}

static DWORD call_providers(nr_router *r, nr_op *op, failure_notes *f)
{
    const char *name = op->is_add ? op->add.NetResource.lpRemoteName : op->cancel.lpName;

    if (op->is_add && !r->nproviders)
        return no_provider_loaded(r, name);

    if (op->explicit_provider) {
        DWORD rc = call_one(op, op->explicit_provider);
        if (rc == WN_SUCCESS)
            op->done_by = op->explicit_provider;
        return rc;
    }
    f->first = WN_SUCCESS;
    f->why_not[0] = '\0';
    for (size_t i = 0; i < r->nproviders; i++) {
        nr_plugin *p = r->providers[i];
        DWORD rc;
        if (op->is_add ? !(p->add3 || p->add) : !p->cancel)
            continue;
        if (op->is_add && !owns_name(p, name))
            continue;
        rc = call_one(op, p);
        if (rc == WN_SUCCESS) {
            op->done_by = p;
            nr__clear_last_error();
            return WN_SUCCESS;
        }
        note_failure(f, p, name, !not_mine(op, rc), rc);
    }
    return no_success(f, op, name);
}

/* ---- the operation ----------------------------------------------------------------------- */

DWORD nr__run_op(nr_router *r, nr_op *op)
{
    failure_notes notes; /* not zeroed: call_providers initialises what it reads */
    nstate stack[STACK_NOTIFIERS], *st = stack;
    size_t n = r->nnotifiers;
    DWORD pre_status = WN_SUCCESS, result = WN_SUCCESS;
    int retries = 0;

    if (n > STACK_NOTIFIERS && !(st = calloc(n, sizeof *st)))
        return nr__fail(WN_OUT_OF_MEMORY, "out of memory");
    if (st == stack && n)
        memset(stack, 0, n * sizeof *stack);

    for (;;) {
        bool vetoed = false, retry = false;
        op->done_by = NULL;

        /* PRE, in ascending order. */
        for (size_t i = 0; i < n; i++) {
            nr_plugin *nt = r->notifiers[i];
            NOTIFYINFO info = { NOTIFY_PRE, pre_status, NULL };
            DWORD rc;
            if (!participates(op, nt) || st[i].keep)
                continue;
            /* As Windows hands notifiers the caller's NETRESOURCE, a
             * provider the caller named is in PRE's lpProvider. */
            rc = notify(nt, op, &info,
                        op->is_add && op->explicit_provider ? op->explicit_provider->m->name : NULL);
            if (rc != WN_SUCCESS) {
                /* The vetoing notifier gets no POST, whatever it left. */
                vetoed = true;
                result = rc;
                if (!nr__last_error_is_set())
                    nr__fail(rc, "notifier '%s' vetoed the operation with error %u: %s", nt->m->name,
                             (unsigned)rc, nr_strerror(rc));
                break;
            }
            st[i].ctx = info.lpContext;
            st[i].has_ctx = info.lpContext != NULL;
        }

        if (!vetoed) {
            result = call_providers(r, op, &notes);
            if (op->after_providers)
                result = op->after_providers(r, op, result);
        }

        /* POST, in reverse order, only to notifiers holding a context. */
        for (size_t i = n; i-- > 0;) {
            NOTIFYINFO info;
            DWORD rc;
            if (!st[i].has_ctx)
                continue;
            info = (NOTIFYINFO){ NOTIFY_POST, result, st[i].ctx };
            rc = notify(r->notifiers[i], op, &info,
                        result == WN_SUCCESS && op->done_by ? op->done_by->m->name : NULL);
            st[i].has_ctx = false;
            st[i].keep = false;
            if (result == WN_SUCCESS || rc == WN_SUCCESS)
                continue;
            if (rc == WN_RETRY) {
                st[i].keep = true;
                retry = true;
            } else {
                result = rc;
                nr__fail(rc, "notifier '%s' replaced the result with error %u: %s", r->notifiers[i]->m->name,
                         (unsigned)rc, nr_strerror(rc));
            }
        }

        if (!retry)
            break;
        if (retries < r->retry_limit) {
            retries++;
            pre_status = WN_RETRY;
            for (size_t i = 0; i < n; i++)
                if (st[i].keep)
                    st[i].has_ctx = true; /* same context, no new PRE */
            nr__log(&r->logger, NR_LOG_DEBUG, NULL, "retrying the operation (%d of %d)", retries, r->retry_limit);
            continue;
        }
        /* Retry limit reached: the notifiers that asked still hold their
         * context; a last POST with the final result lets them free it
         * (its return value is ignored). */
        for (size_t i = n; i-- > 0;) {
            NOTIFYINFO info;
            if (!st[i].keep)
                continue;
            info = (NOTIFYINFO){ NOTIFY_POST, result, st[i].ctx };
            notify(r->notifiers[i], op, &info, NULL);
            st[i].keep = false;
        }
        nr__log(&r->logger, NR_LOG_DEBUG, NULL, "retry limit %d reached", r->retry_limit);
        break;
    }
    if (st != stack)
        free(st);
    return result;
}
