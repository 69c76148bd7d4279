/*
 * plugin-call.c - every call the router makes into a provider's or
 * notifier's entry points, with UTF-8 arguments: the one place that
 * decides, from the plugin's character set, whether the call goes straight
 * to the plugin or through the wide boundary (plugin-wide.c).  Each call is
 * wrapped in nr__call_begin()/nr__call_end() (serialization and the
 * "inside a plugin" mark).
 *
 * An isolated plugin's calls go to its host process (isolate.c) first.
 * The rest of the router never calls an entry-point field of nr_plugin
 * itself: for a wide plugin those hold the W functions, for an isolated
 * one stand-ins.
 */
#include "config.h"

#include "internal.h"

static inline bool is_wide(const nr_plugin *p)
{
    return p->charset == NR_PLUGIN_CHARSET_WIDE;
}

/* ---- notifiers ------------------------------------------------------------------------------ */

DWORD nr__notifier_add(nr_plugin *n, NOTIFYINFO *info, NOTIFYADD *add)
{
    DWORD rc;
    if (n->iso)
        return nr__iso_add_notify(n, info, add);
    if (is_wide(n))
        return nr__wide_add_notify(n, info, add);
    nr__call_begin(n, "AddConnectNotify");
    rc = n->add_notify(info, add);
    nr__call_end(n);
    return rc;
}

DWORD nr__notifier_cancel(nr_plugin *n, NOTIFYINFO *info, NOTIFYCANCEL *cancel)
{
    DWORD rc;
    if (n->iso)
        return nr__iso_cancel_notify(n, info, cancel);
    if (is_wide(n))
        return nr__wide_cancel_notify(n, info, cancel);
    nr__call_begin(n, "CancelConnectNotify");
    rc = n->cancel_notify(info, cancel);
    nr__call_end(n);
    return rc;
}

/* ---- add and cancel --------------------------------------------------------------------------- */

DWORD nr__provider_get_caps(nr_plugin *p, DWORD index)
{
    DWORD v;
    if (p->iso)
        return nr__iso_get_caps(p, index);
    nr__call_begin(p, "NPGetCaps");
    v = p->get_caps(index);
    nr__call_end(p);
    return v;
}

DWORD nr__provider_add(nr_plugin *p, HWND owner, const NETRESOURCE *res, const char *password, const char *user,
                       DWORD flags)
{
    NETRESOURCE copy;
    DWORD rc;
    if (!p->add3 && !p->add)
        return WN_NOT_SUPPORTED;
    if (p->iso)
        return nr__iso_add(p, res, password, user, flags); /* (no window crosses) */
    if (is_wide(p))
        return nr__wide_add(p, owner, res, password, user, flags);
    copy = *res;
    if (p->add3) {
        nr__call_begin(p, "NPAddConnection3");
        rc = p->add3(owner, &copy, (LPSTR)password, (LPSTR)user, flags);
    } else {
        nr__call_begin(p, "NPAddConnection");
        rc = p->add(&copy, (LPSTR)password, (LPSTR)user);
    }
    nr__call_end(p);
    return rc;
}

DWORD nr__provider_cancel(nr_plugin *p, const char *name, BOOL force)
{
    DWORD rc;
    if (!p->cancel)
        return WN_NOT_SUPPORTED;
    if (p->iso)
        return nr__iso_cancel(p, name, force);
    if (is_wide(p))
        return nr__wide_cancel(p, name, force);
    nr__call_begin(p, "NPCancelConnection");
    rc = p->cancel((LPSTR)name, force);
    nr__call_end(p);
    return rc;
}

/* ---- queries ------------------------------------------------------------------------------------ */

DWORD nr__provider_get_connection(nr_plugin *p, const char *local, char *remote, DWORD *length)
{
    DWORD rc, len = *length;
    if (!p->get_connection)
        return WN_NOT_SUPPORTED;
    if (p->iso)
        return nr__iso_get_connection(p, local, remote, length);
    if (is_wide(p))
        return nr__wide_get_connection(p, local, remote, length);
    nr__call_begin(p, "NPGetConnection");
    rc = p->get_connection((LPSTR)local, remote, &len);
    nr__call_end(p);
    if (rc == WN_SUCCESS || rc == WN_MORE_DATA)
        *length = len;
    return rc;
}

DWORD nr__provider_get_user(nr_plugin *p, const char *name, char *user, DWORD *length)
{
    DWORD rc, len = *length;
    if (!p->get_user)
        return WN_NOT_SUPPORTED;
    if (p->iso)
        return nr__iso_get_user(p, name, user, length);
    if (is_wide(p))
        return nr__wide_get_user(p, name, user, length);
    nr__call_begin(p, "NPGetUser");
    rc = p->get_user((LPSTR)name, user, &len);
    nr__call_end(p);
    if (rc == WN_SUCCESS || rc == WN_MORE_DATA)
        *length = len;
    return rc;
}

DWORD nr__provider_get_universal_name(nr_plugin *p, const char *path, DWORD level, void *buffer, DWORD *size)
{
    DWORD rc, len = *size;
    if (!p->get_universal_name)
        return WN_NOT_SUPPORTED;
    if (p->iso)
        return nr__iso_get_universal_name(p, path, level, buffer, size);
    if (is_wide(p))
        return nr__wide_get_universal_name(p, path, level, buffer, size);
    nr__call_begin(p, "NPGetUniversalName");
    rc = p->get_universal_name(path, level, buffer, &len);
    nr__call_end(p);
    if (rc == WN_SUCCESS || rc == WN_MORE_DATA)
        *size = len;
    return rc;
}

DWORD nr__provider_get_resource_information(nr_plugin *p, const NETRESOURCE *res, void *buffer, DWORD *size,
                                            char **system)
{
    NETRESOURCE copy, *cp = NULL;
    char *sys = NULL;
    DWORD rc, len = *size;
    if (!p->get_resource_information)
        return WN_NOT_SUPPORTED;
    if (p->iso)
        return nr__iso_get_resource_information(p, res, buffer, size, system);
    if (is_wide(p))
        return nr__wide_get_resource_information(p, res, buffer, size, system);
    if (res) {
        copy = *res;
        cp = &copy;
    }
    nr__call_begin(p, "NPGetResourceInformation");
    rc = p->get_resource_information(cp, buffer, &len, &sys);
    nr__call_end(p);
    if (rc == WN_SUCCESS || rc == WN_MORE_DATA)
        *size = len;
    if (rc == WN_SUCCESS && system)
        *system = sys;
    return rc;
}

DWORD nr__provider_get_resource_parent(nr_plugin *p, const NETRESOURCE *res, void *buffer, DWORD *size)
{
    NETRESOURCE copy = *res;
    DWORD rc, len = *size;
    if (!p->get_resource_parent)
        return WN_NOT_SUPPORTED;
    if (p->iso)
        return nr__iso_get_resource_parent(p, res, buffer, size);
    if (is_wide(p))
        return nr__wide_get_resource_parent(p, res, buffer, size);
    nr__call_begin(p, "NPGetResourceParent");
    rc = p->get_resource_parent(&copy, buffer, &len);
    nr__call_end(p);
    if (rc == WN_SUCCESS || rc == WN_MORE_DATA)
        *size = len;
    return rc;
}

/* ---- enumeration -------------------------------------------------------------------------------- */

DWORD nr__provider_open_enum(nr_plugin *p, DWORD scope, DWORD type, DWORD usage, const NETRESOURCE *container,
                             HANDLE *out)
{
    NETRESOURCE copy, *cp = NULL;
    DWORD rc;
    if (!p->open_enum)
        return WN_NOT_SUPPORTED;
    if (p->iso)
        return nr__iso_open_enum(p, scope, type, usage, container, out);
    if (is_wide(p))
        return nr__wide_open_enum(p, scope, type, usage, container, out);
    if (container) {
        copy = *container;
        cp = &copy;
    }
    nr__call_begin(p, "NPOpenEnum");
    rc = p->open_enum(scope, type, usage, cp, out);
    nr__call_end(p);
    return rc;
}

DWORD nr__provider_enum_resource(nr_plugin *p, HANDLE h, DWORD *count, void *buffer, DWORD *size)
{
    DWORD rc;
    if (p->iso)
        return nr__iso_enum_resource(p, h, count, buffer, size);
    if (is_wide(p))
        return nr__wide_enum_resource(p, h, count, buffer, size);
    nr__call_begin(p, "NPEnumResource");
    rc = p->enum_resource(h, count, buffer, size);
    nr__call_end(p);
    return rc;
}

DWORD nr__provider_close_enum(nr_plugin *p, HANDLE h)
{
    DWORD rc;
    if (p->iso)
        return nr__iso_close_enum(p, h);
    if (is_wide(p))
        return nr__wide_close_enum(p, h);
    nr__call_begin(p, "NPCloseEnum");
    rc = p->close_enum(h);
    nr__call_end(p);
    return rc;
}
