/*
 * enum.c - the sshfs provider's enumeration trio: the caller's mounts
 * (RESOURCE_CONNECTED, from the mount table) and the hosts of the user's
 * ssh configuration (RESOURCE_GLOBALNET: containers "\\sshfs\HOST", each
 * connectable: mounting it mounts the remote home directory).
 *
 * Windows buffer rules: NETRESOURCE structures from the start of the
 * buffer, their strings packed from its end downwards; WN_MORE_DATA with
 * the size of the next entry when not even it fits.
 */
#include <stdlib.h>
#include <string.h>

#include <netrouter/npapi.h>

#include "browse.h"
#include "host.h"
#include "mounts.h"

typedef struct sshfs_entry {
    DWORD scope, display, usage;
    char *local; /* NULL for a host */
    char *remote;
} sshfs_entry;

/* A snapshot taken at open time. */
typedef struct sshfs_enum {
    sshfs_entry *v;
    size_t n, next;
} sshfs_enum;

static void enum_free(sshfs_enum *e)
{
    if (!e)
        return;
    for (size_t i = 0; i < e->n; i++) {
        free(e->v[i].local);
        free(e->v[i].remote);
    }
    free(e->v);
    free(e);
}

static DWORD push(sshfs_enum *e, DWORD scope, DWORD display, DWORD usage, const char *local, const char *remote)
{
    sshfs_entry *v = realloc(e->v, (e->n + 1) * sizeof *v), *x;
    if (!v)
        return WN_OUT_OF_MEMORY;
    e->v = v;
    x = &e->v[e->n];
    x->scope = scope;
    x->display = display;
    x->usage = usage;
    x->local = local ? strdup(local) : NULL;
    x->remote = strdup(remote);
    if ((local && !x->local) || !x->remote) {
        free(x->local);
        free(x->remote);
        return WN_OUT_OF_MEMORY;
    }
    e->n++;
    return WN_SUCCESS;
}

static DWORD snapshot_mounts(sshfs_enum *e)
{
    char why[600];
    sshfs_mount_table t;
    DWORD rc = sshfs_mounts_read(&t, why, sizeof why);
    if (rc != WN_SUCCESS)
        return sshfs_report(rc, "%s", why);
    for (size_t i = 0; i < t.n && rc == WN_SUCCESS; i++)
        rc = push(e, RESOURCE_CONNECTED, RESOURCEDISPLAYTYPE_SHARE, RESOURCEUSAGE_CONNECTABLE, t.v[i].mountpoint,
                  t.v[i].remote);
    sshfs_mounts_free(&t);
    return rc;
}

static DWORD snapshot_hosts(sshfs_enum *e)
{
    sshfs_config c;
    sshfs_host_list hosts;
    DWORD rc = sshfs_host_config(&c);
    if (rc != WN_SUCCESS)
        return rc;
    rc = sshfs_browse_hosts(c.ssh_config, &hosts);
    sshfs_config_free(&c);
    for (size_t i = 0; i < hosts.n && rc == WN_SUCCESS; i++) {
        char remote[300];
        size_t len = strlen(hosts.v[i]);
        if (len + sizeof "\\\\sshfs\\" > sizeof remote)
            continue;
        memcpy(remote, "\\\\sshfs\\", 8);
        memcpy(remote + 8, hosts.v[i], len + 1);
        rc = push(e, RESOURCE_GLOBALNET, RESOURCEDISPLAYTYPE_SERVER,
                  RESOURCEUSAGE_CONTAINER | RESOURCEUSAGE_CONNECTABLE, NULL, remote);
    }
    sshfs_host_list_free(&hosts);
    return rc;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPOpenEnum(DWORD dwScope, DWORD dwType, DWORD dwUsage, LPNETRESOURCE lpNetResource,
                                           LPHANDLE lphEnum)
{
    sshfs_enum *e;
    DWORD rc = WN_SUCCESS;

    (void)dwUsage;
    if (!lphEnum)
        return WN_BAD_POINTER;
    *lphEnum = NULL;
    if (dwScope != RESOURCE_CONNECTED && dwScope != RESOURCE_GLOBALNET)
        return WN_NOT_SUPPORTED;
    if (!(e = calloc(1, sizeof *e)))
        return WN_OUT_OF_MEMORY;
    /* sshfs connections are disk resources only; inside a host container
     * there is nothing to browse (the remote directories are the mount's) */
    if (dwType == RESOURCETYPE_ANY || dwType == RESOURCETYPE_DISK) {
        if (dwScope == RESOURCE_CONNECTED)
            rc = snapshot_mounts(e);
        else if (!lpNetResource || !lpNetResource->lpRemoteName)
            rc = snapshot_hosts(e);
    }
    if (rc != WN_SUCCESS) {
        enum_free(e);
        return rc;
    }
    *lphEnum = e;
    return WN_SUCCESS;
}

/* Bytes entry x takes in an NPEnumResource buffer. */
static size_t entry_size(const sshfs_entry *x)
{
    return sizeof(NETRESOURCE) + (x->local ? strlen(x->local) + 1 : 0) + strlen(x->remote) + 1 +
           strlen(sshfs_host_name()) + 1;
}

/* Copies s just below *end and returns where it went. */
static char *pack(char **end, const char *s)
{
    size_t n = strlen(s) + 1;
    *end -= n;
    memcpy(*end, s, n);
    return *end;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPEnumResource(HANDLE hEnum, LPDWORD lpcCount, LPVOID lpBuffer, LPDWORD lpBufferSize)
{
    sshfs_enum *e = hEnum;
    DWORD wanted, count = 0;
    size_t used = 0, size;
    char *end;

    if (!e)
        return WN_BAD_HANDLE;
    if (!lpcCount || !lpBufferSize)
        return WN_BAD_POINTER;
    if (e->next >= e->n) {
        *lpcCount = 0;
        return WN_NO_MORE_ENTRIES;
    }
    wanted = *lpcCount ? *lpcCount : 0xFFFFFFFFu;
    size = lpBuffer ? *lpBufferSize : 0;
    if (entry_size(&e->v[e->next]) > size) {
        *lpBufferSize = (DWORD)entry_size(&e->v[e->next]);
        *lpcCount = 0;
        return WN_MORE_DATA;
    }
    end = (char *)lpBuffer + size;
    while (count < wanted && e->next < e->n && used + entry_size(&e->v[e->next]) <= size) {
        const sshfs_entry *x = &e->v[e->next];
        NETRESOURCE *r = (NETRESOURCE *)lpBuffer + count;
        used += entry_size(x);
        r->dwScope = x->scope;
        r->dwType = RESOURCETYPE_DISK;
        r->dwDisplayType = x->display;
        r->dwUsage = x->usage;
        r->lpComment = NULL;
        r->lpLocalName = x->local ? pack(&end, x->local) : NULL;
        r->lpRemoteName = pack(&end, x->remote);
        r->lpProvider = pack(&end, sshfs_host_name());
        e->next++;
        count++;
    }
    *lpcCount = count;
    return WN_SUCCESS;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPCloseEnum(HANDLE hEnum)
{
    if (!hEnum)
        return WN_BAD_HANDLE;
    enum_free(hEnum);
    return WN_SUCCESS;
}
