/*
 * resource.c - the provider questions that only the WNet layer asks
 * (router/wnet/): a universal name from the providers that export
 * NPGetUniversalName, resource information from NPGetResourceInformation,
 * a resource's parent from NPGetResourceParent, and one NPGetCaps value of
 * a named provider.  Each asks the providers in order and stops at the
 * first that knows the name; what to do when none does is the caller's
 * business.
 */
#include "config.h"

#include <string.h>

#include "internal.h"

/* The codes by which a provider says "not mine": the next one is asked. */
static bool not_mine(DWORD rc)
{
    return rc == WN_NOT_CONNECTED || rc == WN_BAD_LOCALNAME || rc == WN_BAD_NETNAME || rc == WN_NOT_SUPPORTED ||
           rc == WN_NO_NET_OR_BAD_PATH || rc == WN_BAD_VALUE;
}

DWORD nr__provider_universal_name(nr_router *r, const char *path, DWORD level, void *buffer, DWORD *size)
{
    DWORD rc = nr__api_enter(__func__), first = WN_NOT_CONNECTED;
    if (rc)
        return rc;
    for (size_t i = 0; i < r->nproviders; i++) {
        nr_plugin *p = r->providers[i];
        DWORD len = *size;
        if (!p->get_universal_name)
            continue;
        rc = nr__provider_get_universal_name(p, path, level, buffer, &len);
        if (rc == WN_SUCCESS || rc == WN_MORE_DATA) {
            if (rc == WN_MORE_DATA)
                *size = len;
            return rc;
        }
        if (!not_mine(rc) && first == WN_NOT_CONNECTED)
            first = rc;
    }
    return first;
}

/* NPGetResourceInformation (system not NULL) or NPGetResourceParent of
 * the provider res->lpProvider names (whose answer, whatever it is, is the
 * answer), else of each in order that exports it, until one knows the
 * name. */
static DWORD ask_resource(nr_router *r, const NETRESOURCE *res, void *buffer, DWORD *size, char **system)
{
    DWORD rc, first = WN_BAD_NETNAME;
    nr_plugin *only = NULL;
    bool offered = false;
    if (!nr__str_empty(res->lpProvider) && !(only = nr__find_provider(r, res->lpProvider)))
        return nr__fail(WN_BAD_PROVIDER, "no provider named \"%s\" is loaded", res->lpProvider);
    for (size_t i = 0; i < r->nproviders; i++) {
        nr_plugin *p = r->providers[i];
        DWORD len = *size;
        if ((system ? !p->get_resource_information : !p->get_resource_parent) || (only && p != only))
            continue;
        offered = true;
        if (system) {
            *system = NULL;
            rc = nr__provider_get_resource_information(p, res, buffer, &len, system);
        } else {
            rc = nr__provider_get_resource_parent(p, res, buffer, &len);
        }
        if (rc == WN_SUCCESS || rc == WN_MORE_DATA) {
            if (rc == WN_MORE_DATA)
                *size = len;
            return rc;
        }
        if (only) /* the named provider alone answers, as on Windows: its code and its text */
            return rc;
        if (!not_mine(rc) && first == WN_BAD_NETNAME)
            first = rc;
    }
    if (!offered && !system && only) /* (one without NPGetResourceInformation has always been "not mine") */
        return nr__fail(WN_NOT_SUPPORTED, "provider \"%s\" cannot tell the parent of a resource (it has "
                        "no NPGetResourceParent)", res->lpProvider);
    if (!offered && !system)
        return nr__fail(WN_NOT_SUPPORTED, "no provider can tell the parent of a resource (none has "
                        "NPGetResourceParent)");
    if (first == WN_BAD_NETNAME)
        return nr__fail(WN_BAD_NETNAME, "no provider knows the resource \"%s\"", res->lpRemoteName);
    return first;
}

DWORD nr__resource_information(nr_router *r, const NETRESOURCE *res, void *buffer, DWORD *size, char **system)
{
    DWORD rc = nr__api_enter(__func__);
    return rc ? rc : ask_resource(r, res, buffer, size, system);
}

DWORD nr__resource_parent(nr_router *r, const NETRESOURCE *res, void *buffer, DWORD *size)
{
    DWORD rc = nr__api_enter(__func__);
    return rc ? rc : ask_resource(r, res, buffer, size, NULL);
}

DWORD nr__provider_caps(nr_router *r, const char *provider, DWORD index)
{
    nr_plugin *p = nr__find_provider(r, provider);
    return p && p->get_caps ? nr__provider_get_caps(p, index) : 0;
}
