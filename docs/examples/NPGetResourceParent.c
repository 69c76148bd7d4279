/* NPGetResourceParent.c - a provider whose names "demo:SERVER/SHARE/dir/..."
 * form a browse hierarchy: a name's parent is the name without its last
 * part (a directory's is its share, a share's its server), and a server's
 * is the network itself. */
#include <string.h>
#include <netrouter/npapi.h>

NR_PLUGIN_DEFINE_ABI_VERSION()

NR_PLUGIN_EXPORT DWORD APIENTRY NPGetCaps(DWORD nIndex)
{
    return nIndex == WNNC_DIALOG ? WNNC_DLG_GETRESOURCEPARENT : 0;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPGetResourceParent(LPNETRESOURCE lpNetResource, LPVOID lpBuffer,
                                                    LPDWORD lpBufferSize)
{
    const char *name = lpNetResource->lpRemoteName, *last;
    NETRESOURCE *out = lpBuffer;
    size_t parts = 0, keep = 0, need;
    char *end;

    if (!name || strncmp(name, "demo:", 5) != 0 || !name[5])
        return WN_BAD_NETNAME;                  /* not mine */
    for (const char *p = name + 5; *p; p++)
        parts += *p == '/';
    last = strrchr(name, '/');
    if (last)
        keep = (size_t)(last - name);           /* "demo:S/SH/dir" -> "demo:S/SH" */
    need = sizeof *out + (keep ? keep + 1 : 0) + sizeof "demo";
    if (!lpBuffer || *lpBufferSize < need) {
        *lpBufferSize = (DWORD)need;
        return WN_MORE_DATA;
    }
    /* The NETRESOURCE first, its strings after it; a server's parent, the
     * network, has no remote name. */
    memset(out, 0, sizeof *out);
    out->dwType = RESOURCETYPE_DISK;
    out->dwDisplayType = parts == 0   ? RESOURCEDISPLAYTYPE_NETWORK
                         : parts == 1 ? RESOURCEDISPLAYTYPE_SERVER
                         : parts == 2 ? RESOURCEDISPLAYTYPE_SHARE
                                      : RESOURCEDISPLAYTYPE_DIRECTORY;
    out->dwUsage = parts >= 2 ? RESOURCEUSAGE_CONNECTABLE | RESOURCEUSAGE_CONTAINER : RESOURCEUSAGE_CONTAINER;
    end = (char *)(out + 1);
    if (keep) {
        out->lpRemoteName = memcpy(end, name, keep);
        end[keep] = '\0';
        end += keep + 1;
    }
    out->lpProvider = strcpy(end, "demo");
    return WN_SUCCESS;
}
