/*
 * wnet-query.c - the A forms of the WNet calls that ask without changing
 * anything: WNetGetConnection, WNetGetUser, WNetGetUniversalName,
 * WNetGetResourceInformation, WNetGetResourceParent, WNetGetProviderName,
 * WNetGetNetworkInformation and WNetGetLastError, with the buffer rules of
 * each Windows function (characters or bytes; ERROR_MORE_DATA with the size
 * needed; the size untouched on any other error).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "wnet.h"

NR_PUBLIC DWORD WINAPI WNetGetConnectionA(LPCSTR lpLocalName, LPSTR lpRemoteName, LPDWORD lpnLength)
{
    nr_router *r;
    DWORD rc;
    if (!lpLocalName || !lpnLength)
        return nr__fail(WN_BAD_POINTER, "WNetGetConnection(): %s is NULL", lpLocalName ? "lpnLength" : "lpLocalName");
    if ((rc = nr__wnet_router(&r)) != WN_SUCCESS)
        return rc;
    return nr_get_connection(r, lpLocalName, lpRemoteName, lpnLength);
}

NR_PUBLIC DWORD WINAPI WNetGetUserA(LPCSTR lpName, LPSTR lpUserName, LPDWORD lpnLength)
{
    nr_router *r;
    DWORD rc;
    if (!lpnLength)
        return nr__fail(WN_BAD_POINTER, "WNetGetUser(): lpnLength is NULL");
    if ((rc = nr__wnet_router(&r)) != WN_SUCCESS)
        return rc;
    return nr_get_user(r, lpName, lpUserName, lpnLength);
}

/* ---- universal names -------------------------------------------------------------- */

/* Packs the answer of one level: the structure, then its strings. */
static DWORD pack_universal(DWORD level, const char *remote, const char *rest, void *buffer, DWORD *size)
{
    size_t lr = strlen(remote), lrest = strlen(rest);
    size_t need = level == UNIVERSAL_NAME_INFO_LEVEL
                      ? sizeof(UNIVERSAL_NAME_INFOA) + lr + lrest + 1
                      : sizeof(REMOTE_NAME_INFOA) + (lr + lrest + 1) + (lr + 1) + (lrest + 1);
    char *s;
    if (!buffer || *size < need) {
        *size = (DWORD)need;
        return WN_MORE_DATA;
    }
    if (level == UNIVERSAL_NAME_INFO_LEVEL) {
        UNIVERSAL_NAME_INFOA *u = buffer;
        s = (char *)(u + 1);
        u->lpUniversalName = s;
        memcpy(s, remote, lr);
        memcpy(s + lr, rest, lrest + 1);
        return WN_SUCCESS;
    }
    REMOTE_NAME_INFOA *n = buffer;
    s = (char *)(n + 1);
    n->lpUniversalName = s;
    memcpy(s, remote, lr);
    memcpy(s + lr, rest, lrest + 1);
    s += lr + lrest + 1;
    n->lpConnectionName = memcpy(s, remote, lr + 1);
    s += lr + 1;
    n->lpRemainingPath = memcpy(s, rest, lrest + 1);
    return WN_SUCCESS;
}

/* The connection that holds path: path itself or the longest of its
 * parents that is a connected local name.  WN_SUCCESS with *remote
 * (malloc'ed) and *rest (the part of path after it), WN_CONNECTION_CLOSED
 * when that name is only remembered, else WN_NOT_CONNECTED. */
static DWORD find_connection(nr_router *r, const char *path, char **remote, const char **rest)
{
    char *prefix = strdup(path), *buf = NULL;
    DWORD rc = WN_NOT_CONNECTED;
    size_t n;
    if (!prefix)
        return WN_OUT_OF_MEMORY;
    for (n = strlen(prefix);;) {
        DWORD len = 0;
        prefix[n] = '\0';
        rc = nr_get_connection(r, prefix, NULL, &len);
        if (rc == WN_MORE_DATA) {
            if (!(buf = malloc(len)))
                rc = WN_OUT_OF_MEMORY;
            else if ((rc = nr_get_connection(r, prefix, buf, &len)) == WN_SUCCESS) {
                *remote = buf;
                *rest = path + n;
                break;
            }
            free(buf);
            buf = NULL;
            if (rc == WN_MORE_DATA) /* it changed between the two calls */
                rc = WN_OUT_OF_MEMORY;
        }
        if (rc != WN_NOT_CONNECTED && rc != WN_BAD_LOCALNAME)
            break; /* remembered only, or a failure */
        if (n == 1 && prefix[0] == '/')
            break; /* the root was the last to ask about */
        while (n > 0 && prefix[n - 1] != '/')
            n--; /* "/mnt/a/b" -> "/mnt/a/" */
        if (n == 0)
            break; /* a relative name has no parent to try */
        if (n > 1)
            n--; /* "/mnt/a/" -> "/mnt/a"; the root stays "/" */
    }
    free(prefix);
    return rc;
}

NR_PUBLIC DWORD WINAPI WNetGetUniversalNameA(LPCSTR lpLocalPath, DWORD dwInfoLevel, LPVOID lpBuffer,
                                             LPDWORD lpBufferSize)
{
    nr_router *r;
    char *remote = NULL;
    const char *rest = "";
    DWORD rc;
    if (!lpLocalPath || !lpBufferSize)
        return nr__fail(WN_BAD_POINTER, "WNetGetUniversalName(): %s is NULL",
                        lpLocalPath ? "lpBufferSize" : "lpLocalPath");
    if (dwInfoLevel != UNIVERSAL_NAME_INFO_LEVEL && dwInfoLevel != REMOTE_NAME_INFO_LEVEL)
        return nr__fail(WN_BAD_VALUE, "WNetGetUniversalName(): unknown info level %u", (unsigned)dwInfoLevel);
    if (!*lpLocalPath)
        return nr__fail(WN_BAD_LOCALNAME, "WNetGetUniversalName(): the local path is empty");
    if ((rc = nr__wnet_router(&r)) != WN_SUCCESS)
        return rc;
    rc = nr__provider_universal_name(r, lpLocalPath, dwInfoLevel, lpBuffer, lpBufferSize);
    if (rc != WN_NOT_CONNECTED)
        return rc;
    /* No provider answers it itself: the connection the path lies in. */
    rc = find_connection(r, lpLocalPath, &remote, &rest);
    if (rc == WN_NOT_CONNECTED)
        return nr__fail(rc, "no connection holds %s", lpLocalPath);
    if (rc == WN_CONNECTION_CLOSED)
        return nr__fail(rc, "%s lies in a remembered connection that is not connected", lpLocalPath);
    if (rc == WN_SUCCESS)
        rc = pack_universal(dwInfoLevel, remote, rest, lpBuffer, lpBufferSize);
    free(remote);
    return rc;
}

/* ---- resources ------------------------------------------------------------------------ */

NR_PUBLIC DWORD WINAPI WNetGetResourceInformationA(LPNETRESOURCEA lpNetResource, LPVOID lpBuffer,
                                                   LPDWORD lpcbBuffer, LPSTR *lplpSystem)
{
    nr_router *r;
    char *system = NULL;
    DWORD rc;
    if (!lpNetResource || !lpcbBuffer)
        return nr__fail(WN_BAD_POINTER, "WNetGetResourceInformation(): %s is NULL",
                        lpNetResource ? "lpcbBuffer" : "lpNetResource");
    if (nr__str_empty(lpNetResource->lpRemoteName))
        return nr__fail(WN_BAD_NETNAME, "WNetGetResourceInformation(): the resource has no remote name");
    if ((rc = nr__wnet_router(&r)) != WN_SUCCESS)
        return rc;
    rc = nr__resource_information(r, lpNetResource, lpBuffer, lpcbBuffer, &system);
    if (rc == WN_SUCCESS && lplpSystem)
        *lplpSystem = system;
    return rc;
}

/* The provider lpProvider names, else the first that knows the remote
 * name, answers through NPGetResourceParent; ERROR_NOT_SUPPORTED when no
 * provider that could be asked has it. */
NR_PUBLIC DWORD WINAPI WNetGetResourceParentA(LPNETRESOURCEA lpNetResource, LPVOID lpBuffer, LPDWORD lpcbBuffer)
{
    nr_router *r;
    DWORD rc;
    if (!lpNetResource || !lpcbBuffer)
        return nr__fail(WN_BAD_POINTER, "WNetGetResourceParent(): %s is NULL",
                        lpNetResource ? "lpcbBuffer" : "lpNetResource");
    if (nr__str_empty(lpNetResource->lpRemoteName))
        return nr__fail(WN_BAD_NETNAME, "WNetGetResourceParent(): the resource has no remote name");
    if ((rc = nr__wnet_router(&r)) != WN_SUCCESS)
        return rc;
    if (!lpBuffer) { /* a size probe: no provider is handed a NULL buffer with room in it */
        DWORD need = 0;
        if ((rc = nr__resource_parent(r, lpNetResource, NULL, &need)) == WN_MORE_DATA)
            *lpcbBuffer = need;
        return rc;
    }
    return nr__resource_parent(r, lpNetResource, lpBuffer, lpcbBuffer);
}

/* ---- providers ---------------------------------------------------------------------------- */

/* The loaded provider of net type type (the whole value, else its high
 * word, the network type proper); WN_NO_NETWORK when none is loaded. */
static DWORD provider_of_type(nr_router *r, DWORD type, nr_plugin_info *out)
{
    size_t n = nr_router_plugin_count(r), providers = 0;
    bool high = false;
    for (int pass = 0; pass < 2; pass++, high = true) {
        for (size_t i = 0; i < n; i++) {
            nr_plugin_info info;
            if (nr_router_plugin_info(r, i, &info) != WN_SUCCESS || info.kind != NR_PLUGIN_PROVIDER)
                continue;
            providers++;
            if (info.net_type == type || (high && (info.net_type >> 16) == (type >> 16))) {
                *out = info;
                return WN_SUCCESS;
            }
        }
    }
    if (!providers)
        return nr__fail(WN_NO_NETWORK, "no provider is loaded");
    return nr__fail(WN_BAD_PROVIDER, "no loaded provider has the network type 0x%08x", (unsigned)type);
}

NR_PUBLIC DWORD WINAPI WNetGetProviderNameA(DWORD dwNetType, LPSTR lpProviderName, LPDWORD lpBufferSize)
{
    nr_router *r;
    nr_plugin_info info = { 0 };
    DWORD rc;
    if (!lpBufferSize)
        return nr__fail(WN_BAD_POINTER, "WNetGetProviderName(): lpBufferSize is NULL");
    if ((rc = nr__wnet_router(&r)) != WN_SUCCESS || (rc = provider_of_type(r, dwNetType, &info)) != WN_SUCCESS)
        return rc;
    return nr__copy_out(info.name, lpProviderName, lpBufferSize);
}

NR_PUBLIC DWORD WINAPI WNetGetNetworkInformationA(LPCSTR lpProvider, LPNETINFOSTRUCT lpNetInfoStruct)
{
    nr_router *r;
    size_t n, index, providers = 0;
    nr_plugin_info info = { 0 };
    DWORD rc;
    if (!lpProvider || !lpNetInfoStruct)
        return nr__fail(WN_BAD_POINTER, "WNetGetNetworkInformation(): %s is NULL",
                        lpProvider ? "lpNetInfoStruct" : "lpProvider");
    if (lpNetInfoStruct->cbStructure < sizeof *lpNetInfoStruct)
        return nr__fail(WN_BAD_VALUE, "WNetGetNetworkInformation(): cbStructure is %u, expected %zu",
                        (unsigned)lpNetInfoStruct->cbStructure, sizeof *lpNetInfoStruct);
    if ((rc = nr__wnet_router(&r)) != WN_SUCCESS)
        return rc;
    n = nr_router_plugin_count(r);
    for (index = 0; index < n; index++) {
        if (nr_router_plugin_info(r, index, &info) != WN_SUCCESS || info.kind != NR_PLUGIN_PROVIDER)
            continue;
        providers++;
        if (!strcmp(info.name, lpProvider))
            break;
    }
    if (index == n)
        return nr__fail(providers ? WN_BAD_PROVIDER : WN_NO_NETWORK, "no provider named \"%s\" is loaded",
                        lpProvider);
    lpNetInfoStruct->dwProviderVersion = nr__provider_caps(r, info.name, WNNC_DRIVER_VERSION);
    lpNetInfoStruct->dwStatus = NO_ERROR;
    lpNetInfoStruct->dwCharacteristics = 0;
    lpNetInfoStruct->dwHandle = (ULONG_PTR)index + 1;
    lpNetInfoStruct->wNetType = (WORD)(info.net_type >> 16);
    /* Local names are paths, not a fixed set of devices: any may be used. */
    lpNetInfoStruct->dwPrinters = 0xFFFFFFFFu;
    lpNetInfoStruct->dwDrives = 0xFFFFFFFFu;
    return WN_SUCCESS;
}

/* ---- the extended error --------------------------------------------------------------------- */

NR_PUBLIC DWORD WINAPI WNetGetLastErrorA(LPDWORD lpError, LPSTR lpErrorBuf, DWORD nErrorBufSize, LPSTR lpNameBuf,
                                         DWORD nNameBufSize)
{
    if (!lpError || (!lpErrorBuf && nErrorBufSize) || (!lpNameBuf && nNameBufSize))
        return WN_BAD_POINTER; /* the error of the call before stays readable */
    return nr_get_last_error(lpError, lpErrorBuf, nErrorBufSize, lpNameBuf, nNameBufSize);
}
