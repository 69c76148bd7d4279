/* NPGetResourceInformation.c - a provider that splits "demo:SERVER/SHARE/path"
 * into the resource to connect to and the path within it. */
#include <string.h>
#include <netrouter/npapi.h>

NR_PLUGIN_DEFINE_ABI_VERSION()

NR_PLUGIN_EXPORT DWORD APIENTRY NPGetCaps(DWORD nIndex)
{
    return nIndex == WNNC_DIALOG ? WNNC_DLG_GETRESOURCEINFORMATION : 0;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPGetResourceInformation(LPNETRESOURCE lpNetResource, LPVOID lpBuffer,
                                                         LPDWORD lpcbBuffer, LPSTR *lplpSystem)
{
    const char *name = lpNetResource->lpRemoteName, *slash, *rest;
    NETRESOURCE *out = lpBuffer;
    size_t share, need;
    char *end;

    if (!name || strncmp(name, "demo:", 5) != 0 || !(slash = strchr(name + 5, '/')))
        return WN_BAD_NETNAME;              /* not mine, or no SERVER/SHARE */
    rest = strchr(slash + 1, '/');          /* the part within the share, or NULL */
    share = rest ? (size_t)(rest - name) : strlen(name);
    need = sizeof *out + share + 1 + (rest ? strlen(rest) + 1 : 0) + sizeof "demo";
    if (!lpBuffer || *lpcbBuffer < need) {
        *lpcbBuffer = (DWORD)need;
        return WN_MORE_DATA;
    }
    /* The NETRESOURCE first, its strings (and *lplpSystem) after it. */
    end = (char *)lpBuffer + sizeof *out;
    memset(out, 0, sizeof *out);
    out->dwScope = RESOURCE_GLOBALNET;
    out->dwType = RESOURCETYPE_DISK;
    out->dwDisplayType = RESOURCEDISPLAYTYPE_SHARE;
    out->dwUsage = RESOURCEUSAGE_CONNECTABLE;
    out->lpRemoteName = memcpy(end, name, share);
    end[share] = '\0';
    end += share + 1;
    out->lpProvider = strcpy(end, "demo");
    end += sizeof "demo";
    *lplpSystem = rest ? strcpy(end, rest) : NULL;
    return WN_SUCCESS;
}
