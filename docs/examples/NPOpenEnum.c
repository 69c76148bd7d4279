/* NPOpenEnum.c - a provider that can be browsed: its network holds two
 * servers, each a container of shares one can connect to. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netrouter/npapi.h>

NR_PLUGIN_DEFINE_ABI_VERSION()

static const char *const servers[] = { "demo:alpha", "demo:beta", NULL };
static const char *const shares[] = { "/docs", "/music", NULL };

typedef struct listing {  /* one open enumeration: its whole result */
    char names[8][64];
    DWORD usage;          /* RESOURCEUSAGE_CONTAINER (servers) or _CONNECTABLE (shares) */
    int n, pos;
} listing;

NR_PLUGIN_EXPORT DWORD APIENTRY NPGetCaps(DWORD nIndex)
{
    return nIndex == WNNC_ENUMERATION ? WNNC_ENUM_GLOBAL : 0;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPOpenEnum(DWORD dwScope, DWORD dwType, DWORD dwUsage,
                                           LPNETRESOURCE lpNetResource, LPHANDLE lphEnum)
{
    const char *const *names = servers, *parent = "";
    listing *l;

    if (dwScope != RESOURCE_GLOBALNET)
        return WN_NOT_SUPPORTED;
    if (lpNetResource && lpNetResource->lpRemoteName) { /* else: the top of the network */
        parent = lpNetResource->lpRemoteName;
        for (names = servers; *names && strcmp(*names, parent); names++)
            ;
        if (!*names)
            return WN_BAD_NETNAME;
        names = shares;
    }
    if (!(l = calloc(1, sizeof *l)))
        return WN_OUT_OF_MEMORY;
    l->usage = names == shares ? RESOURCEUSAGE_CONNECTABLE : RESOURCEUSAGE_CONTAINER;
    for (; *names && dwType != RESOURCETYPE_PRINT; names++) /* disks only */
        snprintf(l->names[l->n++], sizeof l->names[0], "%s%s", parent, *names);
    *lphEnum = l;
    return WN_SUCCESS;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPEnumResource(HANDLE hEnum, LPDWORD lpcCount, LPVOID lpBuffer,
                                               LPDWORD lpBufferSize)
{
    listing *l = hEnum;
    NETRESOURCE *out = lpBuffer;
    char *end = (char *)lpBuffer + *lpBufferSize; /* strings go at the end, downwards */
    DWORD got = 0;

    if (l->pos == l->n)
        return WN_NO_MORE_ENTRIES;
    while (got < *lpcCount && l->pos < l->n) {
        const char *name = l->names[l->pos];
        size_t need = sizeof *out + strlen(name) + 1;
        if (!lpBuffer || (size_t)(end - (char *)&out[got]) < need) {
            if (got == 0) {                  /* not even one fits */
                *lpBufferSize = (DWORD)need;
                return WN_MORE_DATA;
            }
            break;
        }
        memset(&out[got], 0, sizeof *out);   /* lpProvider NULL: the router names us */
        out[got].dwScope = RESOURCE_GLOBALNET;
        out[got].dwType = RESOURCETYPE_DISK;
        out[got].dwUsage = l->usage;
        out[got].dwDisplayType =
            l->usage == RESOURCEUSAGE_CONTAINER ? RESOURCEDISPLAYTYPE_SERVER : RESOURCEDISPLAYTYPE_SHARE;
        end -= strlen(name) + 1;
        out[got].lpRemoteName = strcpy(end, name);
        got++;
        l->pos++;
    }
    *lpcCount = got;
    return WN_SUCCESS;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPCloseEnum(HANDLE hEnum)
{
    free(hEnum);
    return WN_SUCCESS;
}
