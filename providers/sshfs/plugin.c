/*
 * plugin.c - the sshfs provider's lifecycle, capabilities and connection
 * entry points: add (NPAddConnection3), cancel, get connection and get
 * user.  Enumeration is enum.c's, universal names and resource
 * information info.c's.
 *
 * A connection is an sshfs mount: the mount table (mounts.c) is the only
 * record, so a mount made by one process is seen, listed and cancelled by
 * every other of the same user, and nothing is left to clean up when a
 * mount goes away by other means.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <netrouter/npapi.h>

#include "host.h"
#include "mount.h"
#include "mounts.h"
#include "names.h"
#include "sshinfo.h"
#include "unmount.h"

NR_PLUGIN_DEFINE_ABI_VERSION()

/* ---- lifecycle ------------------------------------------------------------------------ */

NR_PLUGIN_EXPORT DWORD APIENTRY NrPluginInit(const NR_PLUGIN_HOST *host)
{
    char why[600];
    DWORD rc = sshfs_host_attach(host, why, sizeof why);
    if (rc != WN_SUCCESS)
        host->pfnSetLastError(host, rc, why);
    return rc;
}

NR_PLUGIN_EXPORT void APIENTRY NrPluginShutdown(void)
{
    sshfs_host_detach();
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPGetCaps(DWORD nIndex)
{
    switch (nIndex) {
    case WNNC_SPEC_VERSION:
        return WNNC_SPEC_VERSION51;
    case WNNC_NET_TYPE:
        return SSHFS_NET_TYPE;
    case WNNC_DRIVER_VERSION:
        return 1;
    case WNNC_USER:
        return WNNC_USR_GETUSER;
    case WNNC_CONNECTION:
        return WNNC_CON_ADDCONNECTION3 | WNNC_CON_CANCELCONNECTION | WNNC_CON_GETCONNECTIONS;
    case WNNC_DIALOG:
        return WNNC_DLG_GETRESOURCEINFORMATION | WNNC_DLG_GETRESOURCEPARENT;
    case WNNC_ENUMERATION:
        return WNNC_ENUM_LOCAL | WNNC_ENUM_GLOBAL;
    default:
        return 0;
    }
}

/* ---- the local directory ---------------------------------------------------------------- */

/* Makes sure local (normalised) can take a mount: an empty directory that
 * is no mount point, created 0700 if missing (*created says so). */
static DWORD prepare_local(const char *local, bool *created)
{
    struct stat st;
    DIR *d;

    *created = false;
    if (sshfs_is_mount_point(local))
        return sshfs_report(WN_ALREADY_CONNECTED, "%s is already a mount point", local);
    if (lstat(local, &st) < 0) {
        if (errno != ENOENT)
            return sshfs_report(WN_BAD_LOCALNAME, "%s: %s", local, strerror(errno));
        if (mkdir(local, 0700) < 0)
            return sshfs_report(errno == EACCES || errno == EPERM ? WN_ACCESS_DENIED : WN_BAD_LOCALNAME,
                                "cannot create the directory %s: %s", local, strerror(errno));
        *created = true;
        return WN_SUCCESS;
    }
    if (!S_ISDIR(st.st_mode))
        return sshfs_report(WN_ALREADY_CONNECTED, "%s exists and is not a directory", local);
    if (!(d = opendir(local)))
        return sshfs_report(WN_ACCESS_DENIED, "%s: %s", local, strerror(errno));
    for (struct dirent *e; (e = readdir(d));) {
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            closedir(d);
            return sshfs_report(WN_ALREADY_CONNECTED, "%s is not empty: a mount would hide its files", local);
        }
    }
    closedir(d);
    return WN_SUCCESS;
}

/* ---- connections ------------------------------------------------------------------------ */

NR_PLUGIN_EXPORT DWORD APIENTRY NPAddConnection3(HWND hwndOwner, LPNETRESOURCE lpNetResource, LPSTR lpPassword,
                                                 LPSTR lpUserName, DWORD dwFlags)
{
    char local[PATH_MAX], why[600];
    sshfs_name *name;
    sshfs_config c;
    sshfs_mount_table t;
    sshfs_error err;
    bool created = false;
    DWORD rc;

    (void)hwndOwner;
    (void)dwFlags;
    if (!lpNetResource)
        return WN_BAD_POINTER;
    name = malloc(sizeof *name);
    if (!name)
        return WN_OUT_OF_MEMORY;
    rc = sshfs_name_parse(lpNetResource->lpRemoteName, name, why, sizeof why);
    if (rc != WN_SUCCESS) {
        sshfs_report(rc, "%s", why);
        goto out_name;
    }
    if (lpNetResource->dwType != RESOURCETYPE_DISK && lpNetResource->dwType != RESOURCETYPE_ANY) {
        rc = sshfs_report(WN_BAD_DEV_TYPE, "sshfs connections are disk resources");
        goto out_name;
    }
    if (!lpNetResource->lpLocalName || !*lpNetResource->lpLocalName) {
        rc = sshfs_report(WN_BAD_LOCALNAME, "an sshfs connection needs a local directory to mount on");
        goto out_name;
    }
    if (!sshfs_local_normalize(lpNetResource->lpLocalName, local, sizeof local)) {
        rc = sshfs_report(WN_BAD_LOCALNAME, "bad local name \"%s\"", lpNetResource->lpLocalName);
        goto out_name;
    }
    /* Mounted already (by anyone)?  Say what is there. */
    rc = sshfs_mounts_read(&t, why, sizeof why);
    if (rc != WN_SUCCESS) {
        sshfs_report(rc, "%s", why);
        goto out_name;
    }
    {
        const sshfs_mount *m = sshfs_mounts_at(&t, local);
        if (m)
            rc = sshfs_report(WN_ALREADY_CONNECTED, "%s is already connected to %s", local, m->remote);
    }
    sshfs_mounts_free(&t);
    if (rc != WN_SUCCESS)
        goto out_name;
    rc = prepare_local(local, &created);
    if (rc != WN_SUCCESS)
        goto out_name;
    rc = sshfs_host_config(&c);
    if (rc != WN_SUCCESS)
        goto out_dir;
    rc = sshfs_mount_remote(&c, name, local, lpUserName, lpPassword, &err);
    sshfs_config_free(&c);
    if (rc != WN_SUCCESS)
        sshfs_report(rc, "%s", err.text);
out_dir:
    if (rc != WN_SUCCESS && created)
        rmdir(local);
out_name:
    free(name);
    return rc;
}

/*
 * A cancel by remote name ends only the deviceless connections to it
 * (WNetCancelConnection2's rule), and every sshfs mount has a mount point:
 * so it ends nothing, and says which mount points to cancel instead.
 */
static DWORD cancel_by_remote(const char *lpName)
{
    char why[600], remote[PATH_MAX + 600], first[PATH_MAX] = "";
    sshfs_name *name = malloc(sizeof *name);
    sshfs_mount_table t;
    size_t mounted = 0;
    DWORD rc;

    if (!name)
        return WN_OUT_OF_MEMORY;
    if (sshfs_name_parse(lpName, name, why, sizeof why) != WN_SUCCESS ||
        !sshfs_name_format(name, remote, sizeof remote)) {
        free(name);
        return sshfs_report(WN_NOT_CONNECTED, "%s", why);
    }
    free(name);
    rc = sshfs_mounts_read(&t, why, sizeof why);
    if (rc != WN_SUCCESS)
        return sshfs_report(rc, "%s", why);
    for (size_t i = 0; i < t.n; i++)
        if (!strcmp(t.v[i].remote, remote) && !mounted++)
            snprintf(first, sizeof first, "%s", t.v[i].mountpoint);
    sshfs_mounts_free(&t);
    if (!mounted)
        return sshfs_report(WN_NOT_CONNECTED, "%s is not an sshfs connection of this user", lpName);
    return sshfs_report(WN_NOT_CONNECTED, "%s has no deviceless connection (a cancel by remote name ends only "
                        "those, and every sshfs mount has a mount point): cancel %s by %s %s%s", lpName,
                        mounted == 1 ? "it" : "its mounts", mounted == 1 ? "its mount point" : "their mount points",
                        first, mounted > 1 ? ", ..." : "");
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPCancelConnection(LPSTR lpName, BOOL fForce)
{
    char local[PATH_MAX], why[600];
    sshfs_mount_table t;
    sshfs_config c;
    const sshfs_mount *m;
    DWORD rc;

    if (!lpName || !*lpName)
        return WN_BAD_VALUE;
    if (sshfs_name_owns(lpName))
        return cancel_by_remote(lpName);
    if (!sshfs_local_normalize(lpName, local, sizeof local))
        return sshfs_report(WN_NOT_CONNECTED, "\"%s\" is neither a local directory nor an sshfs name", lpName);
    rc = sshfs_mounts_read(&t, why, sizeof why);
    if (rc != WN_SUCCESS)
        return sshfs_report(rc, "%s", why);
    if (!(m = sshfs_mounts_at(&t, local))) {
        sshfs_mounts_free(&t);
        return sshfs_report(WN_NOT_CONNECTED, "%s is not an sshfs connection of this user", lpName);
    }
    rc = sshfs_host_config(&c);
    if (rc == WN_SUCCESS) {
        rc = sshfs_unmount(m->mountpoint, fForce, c.unmount_timeout, why, sizeof why);
        if (rc != WN_SUCCESS)
            sshfs_report(rc, "%s", why);
        sshfs_config_free(&c);
    }
    sshfs_mounts_free(&t);
    return rc;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPGetConnection(LPSTR lpLocalName, LPSTR lpRemoteName, LPDWORD lpnBufferLen)
{
    char local[PATH_MAX], why[600];
    sshfs_mount_table t;
    const sshfs_mount *m;
    DWORD rc;

    if (!lpnBufferLen)
        return WN_BAD_POINTER;
    if (!sshfs_local_normalize(lpLocalName, local, sizeof local))
        return WN_NOT_CONNECTED;
    rc = sshfs_mounts_read(&t, why, sizeof why);
    if (rc != WN_SUCCESS)
        return sshfs_report(rc, "%s", why);
    m = sshfs_mounts_at(&t, local);
    rc = m ? sshfs_copy_out(m->remote, lpRemoteName, lpnBufferLen) : WN_NOT_CONNECTED;
    sshfs_mounts_free(&t);
    return rc;
}

/* The login ssh uses for n: the name's, else what the ssh configuration
 * says (ssh -G), else the user's own. */
static DWORD login_of(const sshfs_name *n, char *out, size_t size)
{
    sshfs_config c;
    sshfs_target *target;
    bool ok;

    if (n->user[0]) {
        snprintf(out, size, "%s", n->user);
        return WN_SUCCESS;
    }
    if (sshfs_host_config(&c) != WN_SUCCESS)
        return WN_OUT_OF_MEMORY;
    target = malloc(sizeof *target);
    ok = target && sshfs_resolve(n, c.ssh_config, target);
    if (ok)
        snprintf(out, size, "%s", target->user);
    free(target);
    sshfs_config_free(&c);
    return ok ? WN_SUCCESS : WN_NOT_LOGGED_ON;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPGetUser(LPSTR lpName, LPSTR lpUserName, LPDWORD lpnBufferLen)
{
    char local[PATH_MAX], why[600], login[256], buf[1024];
    struct passwd pw, *found = NULL;
    sshfs_mount_table t;
    const sshfs_mount *m = NULL;
    DWORD rc;

    if (!lpnBufferLen)
        return WN_BAD_POINTER;
    if (!lpName || !*lpName) {
        if (getpwuid_r(geteuid(), &pw, buf, sizeof buf, &found) != 0 || !found)
            return sshfs_report(WN_NOT_LOGGED_ON, "no user name for uid %u", (unsigned)geteuid());
        return sshfs_copy_out(found->pw_name, lpUserName, lpnBufferLen);
    }
    rc = sshfs_mounts_read(&t, why, sizeof why);
    if (rc != WN_SUCCESS)
        return sshfs_report(rc, "%s", why);
    if (sshfs_name_owns(lpName)) {
        sshfs_name *n = malloc(sizeof *n);
        char remote[PATH_MAX + 600];
        if (n && sshfs_name_parse(lpName, n, NULL, 0) == WN_SUCCESS && sshfs_name_format(n, remote, sizeof remote))
            for (size_t i = 0; i < t.n && !m; i++)
                if (!strcmp(t.v[i].remote, remote))
                    m = &t.v[i];
        free(n);
    } else if (sshfs_local_normalize(lpName, local, sizeof local)) {
        m = sshfs_mounts_at(&t, local);
    }
    rc = m ? login_of(&m->name, login, sizeof login) : WN_NOT_CONNECTED;
    sshfs_mounts_free(&t);
    if (rc == WN_NOT_LOGGED_ON)
        return sshfs_report(rc, "ssh cannot say which login it uses for %s", lpName);
    return rc == WN_SUCCESS ? sshfs_copy_out(login, lpUserName, lpnBufferLen) : rc;
}
