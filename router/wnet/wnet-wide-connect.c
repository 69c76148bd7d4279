/*
 * wnet-wide-connect.c - the W forms of the connection calls: each converts
 * its wide arguments to UTF-8 (wnet-wide.c) and calls the A form
 * (wnet-connect.c), so the notifiers see the same UTF-8 names whichever
 * form the application called.
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "wnet.h"

NR_PUBLIC DWORD WINAPI WNetAddConnection3W(HWND hwndOwner, LPNETRESOURCEW lpNetResource, LPCWSTR lpPassword,
                                           LPCWSTR lpUserName, DWORD dwFlags)
{
    NETRESOURCEA res;
    char *password = NULL, *user = NULL;
    DWORD rc;
    if (!lpNetResource)
        return WNetAddConnection3A(hwndOwner, NULL, NULL, NULL, dwFlags); /* its error */
    if ((rc = nr__wnet_res_utf8(lpNetResource, &res)) != WN_SUCCESS)
        return rc;
    if ((rc = nr__wnet_utf8(lpPassword, "password", &password)) == WN_SUCCESS &&
        (rc = nr__wnet_utf8(lpUserName, "user name", &user)) == WN_SUCCESS)
        rc = WNetAddConnection3A(hwndOwner, &res, password, user, dwFlags);
    if (password)
        explicit_bzero(password, strlen(password));
    free(password);
    free(user);
    nr__wnet_res_free(&res);
    return rc;
}

NR_PUBLIC DWORD WINAPI WNetAddConnection2W(LPNETRESOURCEW lpNetResource, LPCWSTR lpPassword, LPCWSTR lpUserName,
                                           DWORD dwFlags)
{
    return WNetAddConnection3W(NULL, lpNetResource, lpPassword, lpUserName, dwFlags);
}

NR_PUBLIC DWORD WINAPI WNetAddConnectionW(LPCWSTR lpRemoteName, LPCWSTR lpPassword, LPCWSTR lpLocalName)
{
    NETRESOURCEW res = {
        .dwType = RESOURCETYPE_ANY, .lpLocalName = (LPWSTR)lpLocalName, .lpRemoteName = (LPWSTR)lpRemoteName,
    };
    return WNetAddConnection3W(NULL, &res, lpPassword, NULL, 0);
}

/* lpBufferSize counts wide characters; the buffer is checked before
 * connecting, as in the A form, then filled from the caller's own string. */
NR_PUBLIC DWORD WINAPI WNetUseConnectionW(HWND hwndOwner, LPNETRESOURCEW lpNetResource, LPCWSTR lpPassword,
                                          LPCWSTR lpUserId, DWORD dwFlags, LPWSTR lpAccessName,
                                          LPDWORD lpBufferSize, LPDWORD lpResult)
{
    NETRESOURCEA res;
    char *password = NULL, *user = NULL;
    const wchar_t *access;
    DWORD rc, result = 0;
    bool local;
    if (!lpNetResource || (lpAccessName && !lpBufferSize)) {
        NETRESOURCEA none = { 0 }; /* the A form's error for the missing pointer */
        return WNetUseConnectionA(hwndOwner, lpNetResource ? &none : NULL, NULL, NULL, 0, (LPSTR)lpAccessName,
                                  lpBufferSize, lpResult);
    }
    if ((rc = nr__wnet_res_utf8(lpNetResource, &res)) != WN_SUCCESS)
        return rc;
    local = lpNetResource->lpLocalName && *lpNetResource->lpLocalName;
    access = local ? lpNetResource->lpLocalName : lpNetResource->lpRemoteName;
    /* (no remote name, or CONNECT_REDIRECT without a local name: the A
     * form's error comes first) */
    if (lpAccessName && access && !((dwFlags & CONNECT_REDIRECT) && !local) && *lpBufferSize < wcslen(access) + 1) {
        *lpBufferSize = (DWORD)(wcslen(access) + 1);
        nr__wnet_res_free(&res);
        return WN_MORE_DATA;
    }
    if ((rc = nr__wnet_utf8(lpPassword, "password", &password)) == WN_SUCCESS &&
        (rc = nr__wnet_utf8(lpUserId, "user name", &user)) == WN_SUCCESS)
        rc = WNetUseConnectionA(hwndOwner, &res, password, user, dwFlags, NULL, NULL, &result);
    if (rc == WN_SUCCESS) {
        if (lpAccessName)
            wmemcpy(lpAccessName, access, wcslen(access) + 1);
        if (lpResult)
            *lpResult = result;
    }
    if (password)
        explicit_bzero(password, strlen(password));
    free(password);
    free(user);
    nr__wnet_res_free(&res);
    return rc;
}

NR_PUBLIC DWORD WINAPI WNetCancelConnection2W(LPCWSTR lpName, DWORD dwFlags, BOOL fForce)
{
    char *name;
    DWORD rc = nr__wnet_utf8(lpName, "name", &name);
    if (rc != WN_SUCCESS)
        return rc;
    rc = WNetCancelConnection2A(name, dwFlags, fForce);
    free(name);
    return rc;
}

NR_PUBLIC DWORD WINAPI WNetCancelConnectionW(LPCWSTR lpName, BOOL fForce)
{
    return WNetCancelConnection2W(lpName, 0, fForce);
}

NR_PUBLIC DWORD WINAPI WNetRestoreConnectionW(HWND hwndParent, LPCWSTR lpDevice)
{
    char *device;
    DWORD rc = nr__wnet_utf8(lpDevice, "local name", &device);
    if (rc != WN_SUCCESS)
        return rc;
    rc = WNetRestoreConnectionA(hwndParent, device);
    free(device);
    return rc;
}
