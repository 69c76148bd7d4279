/*
 * enumerate.c - WNetOpenEnum-style enumeration: connected resources of every
 * provider, the remembered store, the global network (at the top one
 * container per provider that can browse), and context.  The whole result
 * is gathered and deep-copied at open time, so no plugin runs while the
 * caller iterates.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define ENUM_BUFFER 16384
/* The most one NPEnumResource call may ask for: a provider that keeps
 * answering WN_MORE_DATA would otherwise grow the buffer until its 32-bit
 * size wraps. */
#define ENUM_BUFFER_MAX (16u << 20)

struct nr_enum {
    NETRESOURCE *v;
    size_t n, cap, pos;
};

static void item_free(NETRESOURCE *x)
{
    free(x->lpLocalName);
    free(x->lpRemoteName);
    free(x->lpComment);
    free(x->lpProvider);
}

static bool push(nr_enum *e, const NETRESOURCE *src, const char *provider)
{
    NETRESOURCE *x;
    if (e->n == e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 16;
        NETRESOURCE *v = realloc(e->v, cap * sizeof *v);
        if (!v)
            return false;
        e->v = v;
        e->cap = cap;
    }
    x = &e->v[e->n++];
    *x = *src;
    x->lpLocalName = nr__strdup0(src->lpLocalName);
    x->lpRemoteName = nr__strdup0(src->lpRemoteName);
    x->lpComment = nr__strdup0(src->lpComment);
    x->lpProvider = nr__strdup0(src->lpProvider ? src->lpProvider : provider);
    return true;
}

static bool wanted(const NETRESOURCE *x, DWORD type, DWORD usage)
{
    if (type != RESOURCETYPE_ANY && x->dwType != type && x->dwType != RESOURCETYPE_ANY &&
        !(x->dwUsage & RESOURCEUSAGE_CONTAINER))
        return false;
    return usage == 0 || (x->dwUsage & usage) || usage == RESOURCEUSAGE_ALL;
}

/* Drains one provider's enumeration into e. */
static DWORD from_provider(nr_plugin *p, nr_enum *e, DWORD scope, DWORD type, DWORD usage, const NETRESOURCE *container)
{
    HANDLE h = NULL;
    DWORD rc, size = ENUM_BUFFER;
    void *buf = NULL;
    rc = nr__provider_open_enum(p, scope, type, usage, container, &h);
    if (rc != WN_SUCCESS)
        return rc;
    buf = malloc(size);
    while (buf) {
        DWORD count = 0xFFFFFFFFu, got = size;
        rc = nr__provider_enum_resource(p, h, &count, buf, &got);
        if (rc == WN_MORE_DATA) {
            void *nb;
            if (got > ENUM_BUFFER_MAX || size * 2 > ENUM_BUFFER_MAX) {
                rc = nr__fail(ERROR_UNEXP_NET_ERR, "provider '%s' asked for a buffer of more than %u bytes for one "
                              "entry of its enumeration (NPEnumResource)", p->m->name, ENUM_BUFFER_MAX);
                break;
            }
            size = got > size * 2 ? got : size * 2; /* doubling: a few rounds at most */
            nb = realloc(buf, size);
            if (!nb)
                break;
            buf = nb;
            continue;
        }
        if (rc != WN_SUCCESS)
            break;
        if (count > size / sizeof(NETRESOURCE)) {
            rc = nr__fail(ERROR_UNEXP_NET_ERR, "provider '%s' returned %u entries from NPEnumResource in a buffer "
                          "that holds at most %zu", p->m->name, (unsigned)count, size / sizeof(NETRESOURCE));
            break;
        }
        for (DWORD i = 0; i < count; i++) {
            const NETRESOURCE *x = (const NETRESOURCE *)buf + i;
            if (wanted(x, type, usage) && !push(e, x, p->m->name)) {
                rc = WN_OUT_OF_MEMORY;
                break;
            }
        }
        if (rc != WN_SUCCESS || count == 0)
            break;
    }
    if (!buf)
        rc = WN_OUT_OF_MEMORY;
    free(buf);
    nr__provider_close_enum(p, h);
    return rc == WN_NO_MORE_ENTRIES || rc == WN_SUCCESS ? WN_SUCCESS : rc;
}

static DWORD from_store(nr_router *r, nr_enum *e, DWORD type, DWORD usage)
{
    nr_store s;
    DWORD rc;
    if (r->flags & NR_ROUTER_NO_STORE)
        return WN_SUCCESS;
    if ((rc = nr__store_snapshot(r, &s)) != WN_SUCCESS)
        return rc;
    for (size_t i = 0; i < s.n; i++) {
        NETRESOURCE x = {
            .dwScope = RESOURCE_REMEMBERED, .dwType = s.v[i].type, .dwDisplayType = RESOURCEDISPLAYTYPE_SHARE,
            .dwUsage = RESOURCEUSAGE_CONNECTABLE, .lpLocalName = s.v[i].local, .lpRemoteName = s.v[i].remote,
            .lpComment = s.v[i].comment, .lpProvider = s.v[i].provider,
        };
        if (wanted(&x, type, usage) && !push(e, &x, NULL)) {
            rc = WN_OUT_OF_MEMORY;
            break;
        }
    }
    nr__store_free(&s);
    return rc;
}

static bool is_top_container(const nr_plugin *p, const NETRESOURCE *c)
{
    return c->dwDisplayType == RESOURCEDISPLAYTYPE_NETWORK && c->lpRemoteName &&
           !strcmp(c->lpRemoteName, p->m->name);
}

static DWORD gather(nr_router *r, nr_enum *e, DWORD scope, DWORD type, DWORD usage, const NETRESOURCE *container)
{
    DWORD rc;
    switch (scope) {
    case RESOURCE_CONNECTED:
    case RESOURCE_CONTEXT:
        for (size_t i = 0; i < r->nproviders; i++) {
            nr_plugin *p = r->providers[i];
            DWORD bit = scope == RESOURCE_CONNECTED ? WNNC_ENUM_LOCAL : WNNC_ENUM_CONTEXT;
            if (!p->open_enum || !(p->caps_enum & bit))
                continue;
            nr__clear_last_error();
            rc = from_provider(p, e, scope, type, usage, NULL);
            if (rc != WN_SUCCESS) {
                /* The others are still listed; this one is said, with its reason. */
                char text[512];
                nr_get_last_error(NULL, text, sizeof text, NULL, 0);
                nr__log(&r->logger, NR_LOG_WARNING, p->m->name, "cannot list its connections: error %u (%s)%s%s",
                        (unsigned)rc, nr_strerror(rc), *text ? ": " : "", text);
                nr__clear_last_error();
            }
        }
        return WN_SUCCESS;
    case RESOURCE_REMEMBERED:
        return from_store(r, e, type, usage);
    case RESOURCE_GLOBALNET:
        if (!container) {
            /* The root: one container per provider that can browse (its
             * NPGetCaps(WNNC_ENUMERATION) has WNNC_ENUM_GLOBAL), as the
             * network root of WNetOpenEnum. */
            for (size_t i = 0; i < r->nproviders; i++) {
                if (!r->providers[i]->open_enum || !(r->providers[i]->caps_enum & WNNC_ENUM_GLOBAL))
                    continue;
                NETRESOURCE top = {
                    .dwScope = RESOURCE_GLOBALNET, .dwType = RESOURCETYPE_ANY,
                    .dwDisplayType = RESOURCEDISPLAYTYPE_NETWORK, .dwUsage = RESOURCEUSAGE_CONTAINER,
                    .lpRemoteName = r->providers[i]->m->name, .lpProvider = r->providers[i]->m->name,
                };
                if (!push(e, &top, NULL))
                    return WN_OUT_OF_MEMORY;
            }
            return WN_SUCCESS;
        } else {
            nr_plugin *p;
            if (!(container->dwUsage & RESOURCEUSAGE_CONTAINER))
                return nr__fail(WN_NOT_CONTAINER, "\"%s\" is not a container",
                                container->lpRemoteName ? container->lpRemoteName : "");
            if (nr__str_empty(container->lpProvider) || !(p = nr__find_provider(r, container->lpProvider)))
                return nr__fail(WN_BAD_PROVIDER, "the container names no loaded provider (\"%s\")",
                                container->lpProvider ? container->lpProvider : "");
            if (!p->open_enum || !(p->caps_enum & WNNC_ENUM_GLOBAL))
                return WN_SUCCESS; /* a provider that cannot browse has an empty container */
            return from_provider(p, e, scope, type, usage, is_top_container(p, container) ? NULL : container);
        }
    default:
        return nr__fail(WN_BAD_VALUE, "unknown enumeration scope %u", (unsigned)scope);
    }
}

NR_PUBLIC DWORD nr_enum_open(nr_router *r, DWORD scope, DWORD type, DWORD usage, const NETRESOURCE *container,
                             nr_enum **out)
{
    DWORD rc = nr__api_enter(__func__);
    nr_enum *e;
    if (rc)
        return rc;
    if (!r || !out)
        return nr__fail(WN_BAD_POINTER, "nr_enum_open(): a required pointer is NULL");
    *out = NULL;
    if (type != RESOURCETYPE_ANY && type != RESOURCETYPE_DISK && type != RESOURCETYPE_PRINT)
        return nr__fail(WN_BAD_VALUE, "unknown resource type %u", (unsigned)type);
    if (usage & ~(RESOURCEUSAGE_ALL | RESOURCEUSAGE_RESERVED))
        return nr__fail(WN_BAD_VALUE, "unknown usage bits 0x%x", (unsigned)usage);
    e = calloc(1, sizeof *e);
    if (!e)
        return WN_OUT_OF_MEMORY;
    rc = gather(r, e, scope, type, usage, scope == RESOURCE_GLOBALNET ? container : NULL);
    if (rc != WN_SUCCESS) {
        nr_enum_close(e);
        return rc;
    }
    *out = e;
    return WN_SUCCESS;
}

NR_PUBLIC DWORD nr_enum_next(nr_enum *e, const NETRESOURCE **out)
{
    if (!e || !out)
        return WN_BAD_POINTER;
    if (e->pos >= e->n)
        return WN_NO_MORE_ENTRIES;
    *out = &e->v[e->pos++];
    return WN_SUCCESS;
}

void nr__enum_unget(nr_enum *e)
{
    if (e && e->pos > 0)
        e->pos--;
}

NR_PUBLIC DWORD nr_enum_resource(nr_enum *e, DWORD *count, void *buffer, DWORD *size)
{
    if (!e || !count || !size || (!buffer && *size))
        return WN_BAD_POINTER;
    if (e->pos >= e->n) {
        *count = 0;
        return WN_NO_MORE_ENTRIES;
    }
    return nr__pack_resources(e->v, e->n, &e->pos, count, buffer, size);
}

NR_PUBLIC void nr_enum_close(nr_enum *e)
{
    if (!e)
        return;
    for (size_t i = 0; i < e->n; i++)
        item_free(&e->v[i]);
    free(e->v);
    free(e);
}
