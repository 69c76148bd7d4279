/*
 * wnet-wide-enum.c - WNetOpenEnumW and WNetEnumResourceW.  The handle is
 * the A form's (wnet-enum.c); WNetEnumResourceW packs the same entries as
 * NETRESOURCEW structures with wide strings: structures from the start of
 * the buffer, strings from its end down, *lpBufferSize in bytes, as many
 * entries as fit up to *lpcCount (0xFFFFFFFF: no limit), ERROR_MORE_DATA
 * with the size of the next entry when not even one fits.
 */
#include "config.h"

#include "wnet.h"

NR_PUBLIC DWORD WINAPI WNetOpenEnumW(DWORD dwScope, DWORD dwType, DWORD dwUsage, LPNETRESOURCEW lpNetResource,
                                     LPHANDLE lphEnum)
{
    NETRESOURCEA res;
    DWORD rc;
    if (!lpNetResource)
        return WNetOpenEnumA(dwScope, dwType, dwUsage, NULL, lphEnum);
    if ((rc = nr__wnet_res_utf8(lpNetResource, &res)) != WN_SUCCESS)
        return rc;
    rc = WNetOpenEnumA(dwScope, dwType, dwUsage, &res, lphEnum);
    nr__wnet_res_free(&res);
    return rc;
}

NR_PUBLIC DWORD WINAPI WNetEnumResourceW(HANDLE hEnum, LPDWORD lpcCount, LPVOID lpBuffer, LPDWORD lpBufferSize)
{
    nr_enum *e = nr__wnet_enum_of(hEnum);
    const NETRESOURCEA *x;
    NETRESOURCEW *out = lpBuffer;
    DWORD want, got = 0, rc;
    size_t used = 0, room;
    char *end;
    if (!e || !lpcCount || !lpBufferSize || (!lpBuffer && *lpBufferSize))
        return WNetEnumResourceA(e ? hEnum : NULL, lpcCount, lpBuffer, lpBufferSize); /* its error */
    want = *lpcCount ? *lpcCount : 0xFFFFFFFFu;
    room = *lpBufferSize & ~(sizeof(wchar_t) - 1); /* strings stay aligned */
    end = (char *)lpBuffer + room;
    while (got < want && (rc = nr_enum_next(e, &x)) == WN_SUCCESS) {
        size_t need = nr__wnet_res_wide_size(x);
        if (!need) {
            if (got) {
                nr__enum_unget(e);
                break; /* what came before goes out first; the error next time */
            }
            return /* and the entry is passed over */ nr__fail(ERROR_NO_UNICODE_TRANSLATION, "an entry of the enumeration (\"%s\") is not UTF-8, so "
                            "it has no wide form", x->lpRemoteName ? x->lpRemoteName : "");
        }
        if (used + need > room) {
            nr__enum_unget(e);
            if (!got) {
                *lpBufferSize = (DWORD)need;
                return WN_MORE_DATA;
            }
            break;
        }
        nr__wnet_res_wide(x, &out[got], &end);
        used += need;
        got++;
    }
    if (!got) {
        *lpcCount = 0;
        return WN_NO_MORE_ENTRIES;
    }
    *lpcCount = got;
    return WN_SUCCESS;
}
