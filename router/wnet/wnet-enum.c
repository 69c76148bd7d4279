/*
 * wnet-enum.c - WNetOpenEnumA, WNetEnumResourceA and WNetCloseEnum: a
 * handle around one nr_enum of the WNet router.  The handle carries a
 * mark, so that a handle that is not one (or one already closed, while its
 * memory is not reused) gives WN_BAD_HANDLE instead of a crash.  The W
 * form of the buffer call (wnet-wide-enum.c) reads the same nr_enum.
 */
#include "config.h"

#include <stdlib.h>

#include "wnet.h"

#define WNET_ENUM_MAGIC 0x574e6554u /* "WNeT" */

typedef struct wnet_enum {
    DWORD magic;
    nr_enum *e;
} wnet_enum;

nr_enum *nr__wnet_enum_of(HANDLE h)
{
    wnet_enum *w = h;
    return w && w->magic == WNET_ENUM_MAGIC ? w->e : NULL;
}

NR_PUBLIC DWORD WINAPI WNetOpenEnumA(DWORD dwScope, DWORD dwType, DWORD dwUsage, LPNETRESOURCEA lpNetResource,
                                     LPHANDLE lphEnum)
{
    nr_router *r;
    wnet_enum *w;
    DWORD rc;
    if (!lphEnum)
        return nr__fail(WN_BAD_POINTER, "WNetOpenEnum(): lphEnum is NULL");
    if ((rc = nr__wnet_router(&r)) != WN_SUCCESS)
        return rc;
    if (!(w = calloc(1, sizeof *w)))
        return WN_OUT_OF_MEMORY;
    rc = nr_enum_open(r, dwScope, dwType, dwUsage, lpNetResource, &w->e);
    if (rc != WN_SUCCESS) {
        free(w);
        return rc;
    }
    w->magic = WNET_ENUM_MAGIC;
    *lphEnum = w;
    return WN_SUCCESS;
}

NR_PUBLIC DWORD WINAPI WNetEnumResourceA(HANDLE hEnum, LPDWORD lpcCount, LPVOID lpBuffer, LPDWORD lpBufferSize)
{
    nr_enum *e = nr__wnet_enum_of(hEnum);
    if (!e)
        return nr__fail(WN_BAD_HANDLE, "WNetEnumResource(): not a handle of WNetOpenEnum");
    if (!lpcCount || !lpBufferSize)
        return nr__fail(WN_BAD_POINTER, "WNetEnumResource(): %s is NULL", lpcCount ? "lpBufferSize" : "lpcCount");
    return nr_enum_resource(e, lpcCount, lpBuffer, lpBufferSize);
}

NR_PUBLIC DWORD WINAPI WNetCloseEnum(HANDLE hEnum)
{
    wnet_enum *w = hEnum;
    if (!nr__wnet_enum_of(hEnum))
        return nr__fail(WN_BAD_HANDLE, "WNetCloseEnum(): not a handle of WNetOpenEnum");
    nr_enum_close(w->e);
    w->magic = 0;
    free(w);
    return WN_SUCCESS;
}
