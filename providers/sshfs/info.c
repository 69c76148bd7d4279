/*
 * info.c - names the sshfs provider translates without connecting:
 * NPGetUniversalName (a local path inside a mount -> the remote name of
 * that file), NPGetResourceInformation (a remote name -> the part that
 * is mounted or mountable, and the rest) and NPGetResourceParent (a remote
 * name -> the one above it).
 *
 * A remote file's name is its mount's remote name, the form's separator
 * ('\\' for the UNC forms, '/' for the URL) and the path below the mount
 * point written with that separator.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <netrouter/npapi.h>

#include "host.h"
#include "mounts.h"
#include "names.h"

/* remote + sep + rest (rest's '/' written as sep); malloc'ed. */
static char *join_remote(const char *remote, char sep, const char *rest)
{
    size_t a = strlen(remote), b = strlen(rest);
    char *s = malloc(a + b + 2);
    if (!s)
        return NULL;
    memcpy(s, remote, a);
    if (b) {
        if (a && s[a - 1] != sep) /* "sshfs://h/" ends with its separator */
            s[a++] = sep;
        for (size_t i = 0; i < b; i++)
            s[a++] = rest[i] == '/' ? sep : rest[i];
    }
    s[a] = '\0';
    return s;
}

/* Packs the strings of a REMOTE_NAME_INFO or UNIVERSAL_NAME_INFO. */
NR_PLUGIN_EXPORT DWORD APIENTRY NPGetUniversalName(LPCSTR lpLocalPath, DWORD dwInfoLevel, LPVOID lpBuffer,
                                                   LPDWORD lpBufferSize)
{
    char local[PATH_MAX], why[600], rest_sep[PATH_MAX + 2];
    sshfs_mount_table t;
    const sshfs_mount *m;
    const char *rest;
    char *universal = NULL;
    size_t need;
    DWORD rc;

    if (!lpBufferSize)
        return WN_BAD_POINTER;
    if (dwInfoLevel != UNIVERSAL_NAME_INFO_LEVEL && dwInfoLevel != REMOTE_NAME_INFO_LEVEL)
        return WN_BAD_LEVEL;
    if (!lpLocalPath || !sshfs_local_normalize(lpLocalPath, local, sizeof local))
        return WN_NOT_CONNECTED;
    rc = sshfs_mounts_read(&t, why, sizeof why);
    if (rc != WN_SUCCESS)
        return sshfs_report(rc, "%s", why);
    m = sshfs_mounts_containing(&t, local, &rest);
    if (!m) {
        sshfs_mounts_free(&t);
        return WN_NOT_CONNECTED;
    }
    char sep = sshfs_name_separator(&m->name);
    universal = join_remote(m->remote, sep, rest);
    if (!universal) {
        sshfs_mounts_free(&t);
        return WN_OUT_OF_MEMORY;
    }
    /* lpRemainingPath: the rest with a leading separator ("" at the mount point) */
    {
        size_t k = 0;
        if (*rest) {
            rest_sep[k++] = sep;
            for (size_t i = 0; rest[i] && k < sizeof rest_sep - 1; i++)
                rest_sep[k++] = rest[i] == '/' ? sep : rest[i];
        }
        rest_sep[k] = '\0';
    }
    if (dwInfoLevel == UNIVERSAL_NAME_INFO_LEVEL) {
        need = sizeof(UNIVERSAL_NAME_INFO) + strlen(universal) + 1;
        if (!lpBuffer || *lpBufferSize < need) {
            *lpBufferSize = (DWORD)need;
            rc = WN_MORE_DATA;
        } else {
            UNIVERSAL_NAME_INFO *u = lpBuffer;
            u->lpUniversalName = (char *)(u + 1);
            strcpy(u->lpUniversalName, universal);
        }
    } else {
        need = sizeof(REMOTE_NAME_INFO) + strlen(universal) + 1 + strlen(m->remote) + 1 + strlen(rest_sep) + 1;
        if (!lpBuffer || *lpBufferSize < need) {
            *lpBufferSize = (DWORD)need;
            rc = WN_MORE_DATA;
        } else {
            REMOTE_NAME_INFO *r = lpBuffer;
            char *p = (char *)(r + 1);
            r->lpUniversalName = strcpy(p, universal);
            p += strlen(universal) + 1;
            r->lpConnectionName = strcpy(p, m->remote);
            p += strlen(m->remote) + 1;
            r->lpRemainingPath = strcpy(p, rest_sep);
        }
    }
    free(universal);
    sshfs_mounts_free(&t);
    return rc;
}

/*
 * The mountable part of a remote name: the remote name of a mount of the
 * caller's that holds it (the rest is lplpSystem), else the whole name:
 * sshfs mounts any remote directory, so the name itself is mountable.
 */
NR_PLUGIN_EXPORT DWORD APIENTRY NPGetResourceInformation(LPNETRESOURCE lpNetResource, LPVOID lpBuffer,
                                                         LPDWORD lpcbBuffer, LPSTR *lplpSystem)
{
    char why[600], remote[PATH_MAX + 600], best[PATH_MAX + 600] = "", *system = NULL;
    sshfs_name *n;
    sshfs_mount_table t;
    size_t need, best_len = 0;
    DWORD rc;

    if (!lpNetResource || !lpcbBuffer)
        return WN_BAD_POINTER;
    if (!(n = malloc(sizeof *n)))
        return WN_OUT_OF_MEMORY;
    rc = sshfs_name_parse(lpNetResource->lpRemoteName, n, why, sizeof why);
    if (rc == WN_SUCCESS && !sshfs_name_format(n, remote, sizeof remote))
        rc = WN_BAD_NETNAME;
    if (rc != WN_SUCCESS) {
        free(n);
        return sshfs_report(WN_BAD_NETNAME, "%s", why);
    }
    char sep = sshfs_name_separator(n);
    free(n);
    rc = sshfs_mounts_read(&t, why, sizeof why);
    if (rc != WN_SUCCESS)
        return sshfs_report(rc, "%s", why);
    for (size_t i = 0; i < t.n; i++) {
        size_t len = strlen(t.v[i].remote);
        if (strncmp(remote, t.v[i].remote, len) || len <= best_len)
            continue;
        if (remote[len] == '\0' || remote[len] == sep || (len && t.v[i].remote[len - 1] == sep)) {
            strcpy(best, t.v[i].remote);
            best_len = len;
        }
    }
    sshfs_mounts_free(&t);
    if (!best_len)
        strcpy(best, remote);
    system = remote + strlen(best); /* the rest, with its leading separator, or "" */
    need = sizeof(NETRESOURCE) + strlen(best) + 1 + strlen(sshfs_host_name()) + 1 + (*system ? strlen(system) + 1 : 0);
    if (!lpBuffer || *lpcbBuffer < need) {
        *lpcbBuffer = (DWORD)need;
        return WN_MORE_DATA;
    }
    NETRESOURCE *r = lpBuffer;
    char *p = (char *)(r + 1);
    memset(r, 0, sizeof *r);
    r->dwScope = RESOURCE_GLOBALNET;
    r->dwType = RESOURCETYPE_DISK;
    r->dwDisplayType = RESOURCEDISPLAYTYPE_SHARE;
    r->dwUsage = RESOURCEUSAGE_CONNECTABLE;
    r->lpRemoteName = strcpy(p, best);
    p += strlen(best) + 1;
    r->lpProvider = strcpy(p, sshfs_host_name());
    p += strlen(sshfs_host_name()) + 1;
    if (lplpSystem)
        *lplpSystem = *system ? strcpy(p, system) : NULL;
    return WN_SUCCESS;
}

/*
 * The parent of a remote name in the browse hierarchy, from the name alone
 * (sshfs_name_parent): a directory (RESOURCEDISPLAYTYPE_SHARE, mountable
 * like any), the host as NPEnumResource lists it (RESOURCEDISPLAYTYPE_SERVER;
 * mounting it mounts the home directory), and above the host the network
 * (lpRemoteName NULL).
 */
NR_PLUGIN_EXPORT DWORD APIENTRY NPGetResourceParent(LPNETRESOURCE lpNetResource, LPVOID lpBuffer,
                                                    LPDWORD lpBufferSize)
{
    char why[600], parent[PATH_MAX + 600] = "";
    sshfs_name *n, *up;
    bool has_parent, is_host = false;
    size_t need;
    DWORD rc;

    if (!lpNetResource || !lpBufferSize)
        return WN_BAD_POINTER;
    if (!(n = malloc(2 * sizeof *n)))
        return WN_OUT_OF_MEMORY;
    up = n + 1;
    rc = sshfs_name_parse(lpNetResource->lpRemoteName, n, why, sizeof why);
    if (rc != WN_SUCCESS) {
        free(n);
        return sshfs_report(WN_BAD_NETNAME, "%s", why);
    }
    if (lpNetResource->dwType != RESOURCETYPE_DISK && lpNetResource->dwType != RESOURCETYPE_ANY) {
        free(n);
        return sshfs_report(WN_BAD_VALUE, "sshfs resources are disk resources");
    }
    has_parent = sshfs_name_parent(n, up, &is_host);
    rc = has_parent && !sshfs_name_format(up, parent, sizeof parent) ? WN_BAD_NETNAME : WN_SUCCESS;
    free(n);
    if (rc != WN_SUCCESS)
        return rc;
    need = sizeof(NETRESOURCE) + (has_parent ? strlen(parent) + 1 : 0) + strlen(sshfs_host_name()) + 1;
    if (!lpBuffer || *lpBufferSize < need) {
        *lpBufferSize = (DWORD)need;
        return WN_MORE_DATA;
    }
    NETRESOURCE *r = lpBuffer;
    char *p = (char *)(r + 1);
    memset(r, 0, sizeof *r);
    r->dwType = has_parent ? RESOURCETYPE_DISK : RESOURCETYPE_ANY;
    r->dwDisplayType = !has_parent ? RESOURCEDISPLAYTYPE_NETWORK
                       : is_host   ? RESOURCEDISPLAYTYPE_SERVER
                                   : RESOURCEDISPLAYTYPE_SHARE;
    r->dwUsage = has_parent ? RESOURCEUSAGE_CONNECTABLE | RESOURCEUSAGE_CONTAINER : RESOURCEUSAGE_CONTAINER;
    if (has_parent) {
        r->lpRemoteName = strcpy(p, parent);
        p += strlen(parent) + 1;
    }
    r->lpProvider = strcpy(p, sshfs_host_name());
    return WN_SUCCESS;
}
