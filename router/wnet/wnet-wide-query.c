/*
 * wnet-wide-query.c - the W forms of the query calls.  Each converts its
 * wide arguments, lets the A form (wnet-query.c) answer into a UTF-8
 * buffer that grows until it fits (nr__wnet_fetch), and gives the answer
 * back in wide characters under the Windows rule of that function:
 * characters for WNetGetConnection, WNetGetUser, WNetGetProviderName and
 * WNetGetLastError, bytes for the structures of WNetGetUniversalName,
 * WNetGetResourceInformation and WNetGetResourceParent.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "wide.h"
#include "wnet.h"

/* ---- one string --------------------------------------------------------------------- */

typedef struct name_query {
    DWORD (*fn)(LPCSTR, LPSTR, LPDWORD);
    const char *name;
} name_query;

static DWORD name_fetch(void *ctx, void *buf, DWORD *len)
{
    const name_query *q = ctx;
    return q->fn(q->name, buf, len);
}

/* fn(name) answered in wide characters; WN_CONNECTION_CLOSED carries one too. */
static DWORD query_name(DWORD (*fn)(LPCSTR, LPSTR, LPDWORD), const wchar_t *wname, wchar_t *out, DWORD *length)
{
    name_query q = { fn, NULL };
    char *name;
    void *answer;
    DWORD rc = nr__wnet_utf8(wname, "name", &name), rc2;
    if (rc != WN_SUCCESS)
        return rc;
    q.name = name;
    rc = nr__wnet_fetch(name_fetch, &q, WN_CONNECTION_CLOSED, &answer);
    free(name);
    if (!answer)
        return rc;
    rc2 = nr__wnet_copy_wide(answer, out, length);
    free(answer);
    return rc2 == WN_SUCCESS ? rc : rc2;
}

NR_PUBLIC DWORD WINAPI WNetGetConnectionW(LPCWSTR lpLocalName, LPWSTR lpRemoteName, LPDWORD lpnLength)
{
    if (!lpLocalName || !lpnLength)
        return WNetGetConnectionA(lpLocalName ? "" : NULL, NULL, lpnLength); /* its error */
    return query_name(WNetGetConnectionA, lpLocalName, lpRemoteName, lpnLength);
}

NR_PUBLIC DWORD WINAPI WNetGetUserW(LPCWSTR lpName, LPWSTR lpUserName, LPDWORD lpnLength)
{
    if (!lpnLength)
        return WNetGetUserA(NULL, NULL, NULL); /* its error */
    return query_name(WNetGetUserA, lpName, lpUserName, lpnLength);
}

/* ---- universal names ------------------------------------------------------------------- */

typedef struct universal_query {
    const char *path;
    DWORD level;
} universal_query;

static DWORD universal_fetch(void *ctx, void *buf, DWORD *len)
{
    const universal_query *q = ctx;
    return WNetGetUniversalNameA(q->path, q->level, buf, len);
}

NR_PUBLIC DWORD WINAPI WNetGetUniversalNameW(LPCWSTR lpLocalPath, DWORD dwInfoLevel, LPVOID lpBuffer,
                                             LPDWORD lpBufferSize)
{
    universal_query q = { NULL, dwInfoLevel };
    char *path, *end;
    void *answer;
    size_t need, n[3] = { 0, 0, 0 };
    const char *s[3] = { NULL, NULL, NULL };
    int count;
    DWORD rc;
    if (!lpLocalPath || !lpBufferSize)
        return WNetGetUniversalNameA(lpLocalPath ? "" : NULL, dwInfoLevel, NULL, lpBufferSize); /* its error */
    if ((rc = nr__wnet_utf8(lpLocalPath, "local path", &path)) != WN_SUCCESS)
        return rc;
    q.path = path;
    rc = nr__wnet_fetch(universal_fetch, &q, WN_SUCCESS, &answer);
    free(path);
    if (!answer)
        return rc;
    if (dwInfoLevel == UNIVERSAL_NAME_INFO_LEVEL) {
        const UNIVERSAL_NAME_INFOA *u = answer;
        s[0] = u->lpUniversalName;
        count = 1;
        need = sizeof(UNIVERSAL_NAME_INFOW);
    } else {
        const REMOTE_NAME_INFOA *r = answer;
        s[0] = r->lpUniversalName;
        s[1] = r->lpConnectionName;
        s[2] = r->lpRemainingPath;
        count = 3;
        need = sizeof(REMOTE_NAME_INFOW);
    }
    for (int i = 0; i < count; i++) {
        if (s[i] && !(n[i] = nr__wnet_wide_size(s[i]))) {
            rc = nr__fail(ERROR_NO_UNICODE_TRANSLATION, "the universal name is not UTF-8, so it has no wide form");
            goto out;
        }
        need += n[i] * sizeof(wchar_t);
    }
    if (!lpBuffer || *lpBufferSize < need) {
        *lpBufferSize = (DWORD)need;
        rc = WN_MORE_DATA;
        goto out;
    }
    /* The strings right after the structure, packed from the end of the
     * space they take down. */
    end = (char *)lpBuffer + need;
    if (dwInfoLevel == UNIVERSAL_NAME_INFO_LEVEL) {
        ((UNIVERSAL_NAME_INFOW *)lpBuffer)->lpUniversalName = nr__wnet_pack_wide(&end, s[0]);
    } else {
        REMOTE_NAME_INFOW *w = lpBuffer;
        w->lpRemainingPath = nr__wnet_pack_wide(&end, s[2]);
        w->lpConnectionName = nr__wnet_pack_wide(&end, s[1]);
        w->lpUniversalName = nr__wnet_pack_wide(&end, s[0]);
    }
    rc = WN_SUCCESS;
out:
    free(answer);
    return rc;
}

/* ---- resources ------------------------------------------------------------------------- */

typedef struct resource_query {
    NETRESOURCEA res;
    bool parent;       /* WNetGetResourceParent, else WNetGetResourceInformation */
    char *system;
} resource_query;

static DWORD resource_fetch(void *ctx, void *buf, DWORD *len)
{
    resource_query *q = ctx;
    if (q->parent)
        return WNetGetResourceParentA(&q->res, buf, len);
    return WNetGetResourceInformationA(&q->res, buf, len, &q->system);
}

/* The A form's NETRESOURCE (and system part) as a NETRESOURCEW in buffer,
 * *size bytes. */
static DWORD resource_query_wide(LPNETRESOURCEW lpNetResource, bool parent, LPVOID lpBuffer, LPDWORD lpcbBuffer,
                                 LPWSTR *lplpSystem)
{
    resource_query q = { .parent = parent };
    void *answer;
    size_t need, sys = 0;
    char *end;
    DWORD rc;
    if ((rc = nr__wnet_res_utf8(lpNetResource, &q.res)) != WN_SUCCESS)
        return rc;
    rc = nr__wnet_fetch(resource_fetch, &q, WN_SUCCESS, &answer);
    nr__wnet_res_free(&q.res);
    if (!answer)
        return rc;
    need = nr__wnet_res_wide_size(answer);
    if (q.system && !(sys = nr__wnet_wide_size(q.system)))
        need = 0;
    if (!need) {
        free(answer);
        return nr__fail(ERROR_NO_UNICODE_TRANSLATION, "the provider's answer is not UTF-8, so it has no wide form");
    }
    need += sys * sizeof(wchar_t);
    if (!lpBuffer || *lpcbBuffer < need) {
        *lpcbBuffer = (DWORD)need;
        free(answer);
        return WN_MORE_DATA;
    }
    end = (char *)lpBuffer + need;
    if (lplpSystem)
        *lplpSystem = nr__wnet_pack_wide(&end, q.system);
    nr__wnet_res_wide(answer, lpBuffer, &end);
    free(answer);
    return WN_SUCCESS;
}

NR_PUBLIC DWORD WINAPI WNetGetResourceInformationW(LPNETRESOURCEW lpNetResource, LPVOID lpBuffer,
                                                   LPDWORD lpcbBuffer, LPWSTR *lplpSystem)
{
    if (!lpNetResource || !lpcbBuffer) {
        NETRESOURCEA none = { 0 };
        return WNetGetResourceInformationA(lpNetResource ? &none : NULL, NULL, lpcbBuffer, NULL); /* its error */
    }
    return resource_query_wide(lpNetResource, false, lpBuffer, lpcbBuffer, lplpSystem);
}

NR_PUBLIC DWORD WINAPI WNetGetResourceParentW(LPNETRESOURCEW lpNetResource, LPVOID lpBuffer, LPDWORD lpcbBuffer)
{
    if (!lpNetResource || !lpcbBuffer) {
        NETRESOURCEA none = { 0 };
        return WNetGetResourceParentA(lpNetResource ? &none : NULL, NULL, lpcbBuffer); /* its error */
    }
    return resource_query_wide(lpNetResource, true, lpBuffer, lpcbBuffer, NULL);
}

/* ---- providers ------------------------------------------------------------------------- */

static DWORD provider_fetch(void *ctx, void *buf, DWORD *len)
{
    return WNetGetProviderNameA(*(const DWORD *)ctx, buf, len);
}

NR_PUBLIC DWORD WINAPI WNetGetProviderNameW(DWORD dwNetType, LPWSTR lpProviderName, LPDWORD lpBufferSize)
{
    void *answer;
    DWORD rc;
    if (!lpBufferSize)
        return WNetGetProviderNameA(dwNetType, NULL, NULL); /* its error */
    rc = nr__wnet_fetch(provider_fetch, &dwNetType, WN_SUCCESS, &answer);
    if (!answer)
        return rc;
    rc = nr__wnet_copy_wide(answer, lpProviderName, lpBufferSize);
    free(answer);
    return rc;
}

NR_PUBLIC DWORD WINAPI WNetGetNetworkInformationW(LPCWSTR lpProvider, LPNETINFOSTRUCT lpNetInfoStruct)
{
    char *provider;
    DWORD rc = nr__wnet_utf8(lpProvider, "provider name", &provider);
    if (rc != WN_SUCCESS)
        return rc;
    rc = WNetGetNetworkInformationA(provider, lpNetInfoStruct);
    free(provider);
    return rc;
}

/* ---- the extended error ------------------------------------------------------------------ */

/* s in at most n wide characters with the NUL: truncated, as Windows does. */
static void copy_truncated(const char *s, wchar_t *buf, DWORD n)
{
    wchar_t *w;
    size_t len;
    if (!buf || n == 0)
        return;
    buf[0] = L'\0';
    if (!(w = nr_wide_dup(s)))
        return; /* not UTF-8 (a provider's text), or no memory: empty */
    len = wcslen(w);
    if (len > n - 1)
        len = n - 1;
    wmemcpy(buf, w, len);
    buf[len] = L'\0';
    free(w);
}

NR_PUBLIC DWORD WINAPI WNetGetLastErrorW(LPDWORD lpError, LPWSTR lpErrorBuf, DWORD nErrorBufSize,
                                         LPWSTR lpNameBuf, DWORD nNameBufSize)
{
    char text[1024], name[256];
    DWORD rc;
    if (!lpError || (!lpErrorBuf && nErrorBufSize) || (!lpNameBuf && nNameBufSize))
        return WNetGetLastErrorA(NULL, NULL, 0, NULL, 0); /* its error */
    rc = WNetGetLastErrorA(lpError, text, sizeof text, name, sizeof name);
    if (rc != WN_SUCCESS)
        return rc;
    copy_truncated(text, lpErrorBuf, nErrorBufSize);
    copy_truncated(name, lpNameBuf, nNameBufSize);
    return WN_SUCCESS;
}
