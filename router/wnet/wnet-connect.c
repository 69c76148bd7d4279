/*
 * wnet-connect.c - the A forms of the WNet calls that make and break
 * connections: WNetAddConnection, 2 and 3, WNetUseConnection,
 * WNetCancelConnection and 2, WNetRestoreConnection.  They are
 * nr_add_connection(), nr_cancel_connection() and nr_restore_connections()
 * on the WNet router (wnet-router.c), so the notifiers are called around
 * them exactly as there; what is added here is only the Windows shape of
 * the arguments and WNetUseConnection's access-name buffer.
 */
#include "config.h"

#include <string.h>

#include "wnet.h"

NR_PUBLIC DWORD WINAPI WNetAddConnection3A(HWND hwndOwner, LPNETRESOURCEA lpNetResource, LPCSTR lpPassword,
                                           LPCSTR lpUserName, DWORD dwFlags)
{
    nr_router *r;
    DWORD rc = nr__wnet_router(&r);
    if (rc != WN_SUCCESS)
        return rc;
    return nr_add_connection(r, hwndOwner, lpNetResource, lpPassword, lpUserName, dwFlags);
}

NR_PUBLIC DWORD WINAPI WNetAddConnection2A(LPNETRESOURCEA lpNetResource, LPCSTR lpPassword, LPCSTR lpUserName,
                                           DWORD dwFlags)
{
    return WNetAddConnection3A(NULL, lpNetResource, lpPassword, lpUserName, dwFlags);
}

/* The Windows 3.x form: any resource type, not remembered (as Wine's mpr). */
NR_PUBLIC DWORD WINAPI WNetAddConnectionA(LPCSTR lpRemoteName, LPCSTR lpPassword, LPCSTR lpLocalName)
{
    NETRESOURCEA res = {
        .dwType = RESOURCETYPE_ANY, .lpLocalName = (LPSTR)lpLocalName, .lpRemoteName = (LPSTR)lpRemoteName,
    };
    return WNetAddConnection3A(NULL, &res, lpPassword, NULL, 0);
}

NR_PUBLIC DWORD WINAPI WNetUseConnectionA(HWND hwndOwner, LPNETRESOURCEA lpNetResource, LPCSTR lpPassword,
                                          LPCSTR lpUserId, DWORD dwFlags, LPSTR lpAccessName,
                                          LPDWORD lpBufferSize, LPDWORD lpResult)
{
    const char *access;
    DWORD rc;
    if (!lpNetResource)
        return nr__fail(WN_BAD_POINTER, "WNetUseConnection(): lpNetResource is NULL");
    if (lpAccessName && !lpBufferSize)
        return nr__fail(WN_BAD_VALUE, "WNetUseConnection(): lpAccessName is given without lpBufferSize");
    if (!lpNetResource->lpRemoteName)
        return nr__fail(WN_BAD_NETNAME, "WNetUseConnection(): the resource has no remote name");
    if ((dwFlags & CONNECT_REDIRECT) && nr__str_empty(lpNetResource->lpLocalName))
        return nr__fail(WN_NO_MORE_DEVICES, "CONNECT_REDIRECT without a local name: there are no local devices "
                        "to choose from here; name the local path in lpLocalName");
    /* The access name is the local name when one is redirected, else the
     * remote name; a buffer too small for it fails before connecting. */
    access = nr__str_empty(lpNetResource->lpLocalName) ? lpNetResource->lpRemoteName : lpNetResource->lpLocalName;
    if (lpAccessName && *lpBufferSize < strlen(access) + 1) {
        *lpBufferSize = (DWORD)(strlen(access) + 1);
        return WN_MORE_DATA;
    }
    rc = WNetAddConnection3A(hwndOwner, lpNetResource, lpPassword, lpUserId, dwFlags);
    if (rc != WN_SUCCESS)
        return rc;
    if (lpAccessName)
        memcpy(lpAccessName, access, strlen(access) + 1);
    if (lpResult)
        *lpResult = nr__str_empty(lpNetResource->lpLocalName) ? 0 : CONNECT_LOCALDRIVE;
    return WN_SUCCESS;
}

NR_PUBLIC DWORD WINAPI WNetCancelConnection2A(LPCSTR lpName, DWORD dwFlags, BOOL fForce)
{
    nr_router *r;
    DWORD rc = nr__wnet_router(&r);
    if (rc != WN_SUCCESS)
        return rc;
    return nr_cancel_connection(r, lpName, dwFlags, fForce);
}

/* The Windows 3.x form: the remembered entry stays (as Wine's mpr). */
NR_PUBLIC DWORD WINAPI WNetCancelConnectionA(LPCSTR lpName, BOOL fForce)
{
    return WNetCancelConnection2A(lpName, 0, fForce);
}

/* lpDevice NULL restores every remembered connection. */
NR_PUBLIC DWORD WINAPI WNetRestoreConnectionA(HWND hwndParent, LPCSTR lpDevice)
{
    nr_router *r;
    DWORD rc = nr__wnet_router(&r);
    (void)hwndParent;
    if (rc != WN_SUCCESS)
        return rc;
    return nr_restore_connections(r, nr__str_empty(lpDevice) ? NULL : lpDevice, NULL, NULL);
}
