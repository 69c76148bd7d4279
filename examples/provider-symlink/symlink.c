/*
 * symlink.c - the "symlink" example provider: connects remote names
 * "link:/absolute/dir" by making the local name (an absolute path that does
 * not exist yet) a symbolic link to that directory.
 *
 * It shows a complete provider in a few hundred lines: capabilities, add,
 * cancel, get-connection, get-user, the parent of a resource and the
 * enumeration trio with the Windows buffer convention, extended errors through the host, and state shared
 * between processes (links.c), since a CLI runs one process per command.
 *
 * It only ever removes links it made and that still point where it made them
 * point.  Every link has a local name, so a cancel by remote name ends
 * nothing (Windows ends only deviceless connections that way).  Configuration: {"state_file": "/absolute/file.json"} (optional).
 */
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <pthread.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <netrouter/npapi.h>

#include "links.h"

NR_PLUGIN_DEFINE_ABI_VERSION()

#define REMOTE_PREFIX "link:"
#define NET_TYPE 0x00FE0000u
#define PROVIDER_NAME "symlink"

/* Set by the first NrPluginInit, cleared by the last NrPluginShutdown (several
 * routers of one process share this copy of the library). */
static pthread_mutex_t state_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned init_refs;
static const NR_PLUGIN_HOST *the_host; /* NULL while shared: we cannot tell which one outlives */
static char *state_file;               /* NULL: links_default_path() at each call */
static char *provider_name;            /* the manifest name, for lpProvider */

/* ---- helpers --------------------------------------------------------------------------- */

/* Records an extended error for the calling thread and returns code. */
static DWORD report(DWORD code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static DWORD report(DWORD code, const char *fmt, ...)
{
    char text[600];
    va_list ap;
    const NR_PLUGIN_HOST *host;

    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    pthread_mutex_lock(&state_lock);
    host = the_host;
    if (host)
        host->pfnSetLastError(host, code, text);
    pthread_mutex_unlock(&state_lock);
    return code;
}

/* The record's path (malloc'ed). */
static char *record_path(void)
{
    char *path = NULL;
    pthread_mutex_lock(&state_lock);
    if (state_file)
        path = strdup(state_file);
    pthread_mutex_unlock(&state_lock);
    return path ? path : links_default_path();
}

static const char *display_name(void)
{
    return provider_name ? provider_name : PROVIDER_NAME;
}

/* Copies a local name without trailing slashes into buf; false if it is not
 * absolute or too long. */
static bool normalize_local(const char *name, char *buf, size_t size)
{
    size_t n;
    if (!name || name[0] != '/' || (n = strlen(name)) >= size)
        return false;
    memcpy(buf, name, n + 1);
    while (n > 1 && buf[n - 1] == '/')
        buf[--n] = '\0';
    return true;
}

/* The directory of a "link:/dir" name, or NULL when the name is not ours. */
static const char *remote_target(const char *remote)
{
    size_t n = strlen(REMOTE_PREFIX);
    if (!remote || strncmp(remote, REMOTE_PREFIX, n) || remote[n] != '/')
        return NULL;
    return remote + n;
}

/* "link:" + target, malloc'ed. */
static char *remote_of(const char *target)
{
    size_t n = strlen(REMOTE_PREFIX) + strlen(target) + 1;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s%s", REMOTE_PREFIX, target);
    return s;
}

/* Copies s into a caller's buffer with the Windows size rules. */
static DWORD copy_out(const char *s, LPSTR buf, LPDWORD size)
{
    size_t need = strlen(s) + 1;
    if (!size)
        return WN_BAD_POINTER;
    if (!buf || *size < need) {
        *size = (DWORD)need;
        return WN_MORE_DATA;
    }
    memcpy(buf, s, need);
    return WN_SUCCESS;
}

/* Loads the record under a lock; on failure the extended error is set. */
static DWORD open_record(char **path, bool exclusive, int *lock_fd, link_table *t)
{
    link_error err;
    DWORD rc;

    *path = record_path();
    if (!*path)
        return report(WN_CANNOT_OPEN_PROFILE, "no state file: neither NETROUTER_STATE_DIR, XDG_STATE_HOME "
                                              "nor a home directory is set");
    rc = links_lock(*path, exclusive, lock_fd, &err);
    if (rc == WN_SUCCESS) {
        rc = links_load(*path, t, &err);
        if (rc != WN_SUCCESS) {
            links_unlock(*lock_fd);
            *lock_fd = -1;
        }
    }
    if (rc != WN_SUCCESS) {
        free(*path);
        *path = NULL;
        return report(rc, "%s", err.text);
    }
    return WN_SUCCESS;
}

static void close_record(char *path, int lock_fd, link_table *t)
{
    links_free(t);
    links_unlock(lock_fd);
    free(path);
}

/* ---- lifecycle ------------------------------------------------------------------------ */

static DWORD refuse(const NR_PLUGIN_HOST *host, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static DWORD refuse(const NR_PLUGIN_HOST *host, const char *fmt, ...)
{
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    host->pfnSetLastError(host, WN_BAD_VALUE, text);
    return WN_BAD_VALUE;
}

/* Reads {"state_file": ...} into *file (NULL when absent). */
static DWORD parse_config(const NR_PLUGIN_HOST *host, char **file)
{
    json_error_t jerr;
    json_t *config = json_loads(host->lpConfigJson ? host->lpConfigJson : "{}", JSON_REJECT_DUPLICATES, &jerr);
    const char *key;
    json_t *value;
    DWORD rc = WN_SUCCESS;

    *file = NULL;
    if (!config)
        return refuse(host, "config: not valid JSON (line %d, column %d: %s)", jerr.line, jerr.column, jerr.text);
    if (!json_is_object(config)) {
        rc = refuse(host, "config: expected a JSON object");
        goto out;
    }
    json_object_foreach(config, key, value) {
        if (!strcmp(key, "state_file")) {
            const char *s = json_string_value(value);
            if (!s || s[0] != '/') {
                rc = refuse(host, "config \"state_file\": expected an absolute file name");
                goto out;
            }
            *file = strdup(s);
            if (!*file) {
                rc = WN_OUT_OF_MEMORY;
                goto out;
            }
        } else if (strncmp(key, "x-", 2)) {
            rc = refuse(host, "config: unknown key \"%s\" (known: \"state_file\")", key);
            goto out;
        }
    }
out:
    if (rc != WN_SUCCESS) {
        free(*file);
        *file = NULL;
    }
    json_decref(config);
    return rc;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NrPluginInit(const NR_PLUGIN_HOST *host)
{
    char *file = NULL;
    DWORD rc = parse_config(host, &file);

    if (rc != WN_SUCCESS)
        return rc;
    pthread_mutex_lock(&state_lock);
    if (init_refs++ > 0) {
        /* Another router of this process set us up already. */
        if ((file || state_file) && (!file || !state_file || strcmp(file, state_file)))
            host->pfnLog(host, NR_LOG_WARNING, "already initialised by another router of this process; "
                                               "its \"state_file\" is kept");
        the_host = NULL;
        free(file);
    } else {
        state_file = file;
        provider_name = host->lpPluginName ? strdup(host->lpPluginName) : NULL;
        the_host = host;
    }
    pthread_mutex_unlock(&state_lock);
    return WN_SUCCESS;
}

NR_PLUGIN_EXPORT void APIENTRY NrPluginShutdown(void)
{
    pthread_mutex_lock(&state_lock);
    if (init_refs > 0 && --init_refs == 0) {
        free(state_file);
        free(provider_name);
        state_file = provider_name = NULL;
    }
    the_host = NULL;
    pthread_mutex_unlock(&state_lock);
}

/* ---- capabilities ---------------------------------------------------------------------- */

NR_PLUGIN_EXPORT DWORD APIENTRY NPGetCaps(DWORD nIndex)
{
    switch (nIndex) {
    case WNNC_SPEC_VERSION:
        return WNNC_SPEC_VERSION51;
    case WNNC_NET_TYPE:
        return NET_TYPE;
    case WNNC_DRIVER_VERSION:
        return 1;
    case WNNC_USER:
        return WNNC_USR_GETUSER;
    case WNNC_CONNECTION:
        return WNNC_CON_ADDCONNECTION3 | WNNC_CON_CANCELCONNECTION | WNNC_CON_GETCONNECTIONS;
    case WNNC_ENUMERATION:
        return WNNC_ENUM_LOCAL;
    case WNNC_DIALOG:
        return WNNC_DLG_GETRESOURCEPARENT;
    default:
        return 0;
    }
}

/* ---- connections ------------------------------------------------------------------------ */

NR_PLUGIN_EXPORT DWORD APIENTRY NPAddConnection3(HWND hwndOwner, LPNETRESOURCE lpNetResource, LPSTR lpPassword,
                                                 LPSTR lpUserName, DWORD dwFlags)
{
    char local[PATH_MAX], *path = NULL;
    const char *target;
    struct stat st;
    link_table t;
    link_error err;
    int lock_fd = -1;
    DWORD rc;

    if (!lpNetResource)
        return WN_BAD_POINTER;
    target = remote_target(lpNetResource->lpRemoteName);
    if (!target)
        return report(WN_BAD_NETNAME, "\"%s\" is not a symlink name: expected link:/absolute/directory",
                      lpNetResource->lpRemoteName ? lpNetResource->lpRemoteName : "");
    if (lpNetResource->dwType != RESOURCETYPE_DISK && lpNetResource->dwType != RESOURCETYPE_ANY)
        return report(WN_BAD_DEV_TYPE, "symlink connections are disk resources");
    if (!normalize_local(lpNetResource->lpLocalName, local, sizeof local))
        return report(WN_BAD_LOCALNAME, "a symlink connection needs an absolute local name, not \"%s\"",
                      lpNetResource->lpLocalName ? lpNetResource->lpLocalName : "");
    if (stat(target, &st) < 0)
        return report(WN_BAD_NETNAME, "link target %s: %s", target, strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return report(WN_BAD_NETNAME, "link target %s is not a directory", target);

    rc = open_record(&path, true, &lock_fd, &t);
    if (rc != WN_SUCCESS)
        return rc;
    if (symlink(target, local) < 0) {
        int e = errno;
        if (e == EEXIST) {
            link_entry probe = { local, (char *)target };
            rc = report(WN_ALREADY_CONNECTED, "%s already exists%s", local,
                        links_is_live(&probe) ? " (already connected to this directory)" : "");
        } else if (e == EACCES || e == EPERM || e == EROFS) {
            rc = report(WN_ACCESS_DENIED, "cannot create %s: %s", local, strerror(e));
        } else {
            rc = report(WN_BAD_LOCALNAME, "cannot create %s: %s", local, strerror(e));
        }
        goto out;
    }
    /* Forget a stale entry for the same local name (its link was removed
     * behind our back), then remember the new link. */
    for (size_t i = t.n; i-- > 0;)
        if (!strcmp(t.v[i].local, local))
            links_remove(&t, i);
    rc = links_add(&t, local, target);
    if (rc == WN_SUCCESS)
        rc = links_save(path, &t, &err);
    else
        snprintf(err.text, sizeof err.text, "out of memory");
    if (rc != WN_SUCCESS) {
        unlink(local);
        rc = report(rc, "%s", err.text);
    }
out:
    close_record(path, lock_fd, &t);
    return rc;
}

/*
 * A cancel by remote name ends only the deviceless connections to it
 * (WNetCancelConnection2's rule), and every link of ours has a local name:
 * so it ends nothing, and says which local names to cancel instead.
 */
static DWORD cancel_by_remote(const char *lpName, const char *target)
{
    char *path = NULL, first[PATH_MAX] = "";
    size_t live = 0;
    link_table t;
    int lock_fd = -1;
    DWORD rc = open_record(&path, false, &lock_fd, &t);

    if (rc != WN_SUCCESS)
        return rc;
    for (size_t i = 0; i < t.n; i++) {
        if (strcmp(t.v[i].target, target) || !links_is_live(&t.v[i]))
            continue;
        if (!live++)
            snprintf(first, sizeof first, "%s", t.v[i].local);
    }
    close_record(path, lock_fd, &t);
    if (!live)
        return report(WN_NOT_CONNECTED, "no link made by the symlink provider leads to %s", target);
    return report(WN_NOT_CONNECTED, "%s has no deviceless connection (a cancel by remote name ends only those, "
                  "and every symlink connection has a local name): cancel %s by %s %s%s", lpName,
                  live == 1 ? "it" : "its links", live == 1 ? "its local name" : "their local names", first,
                  live > 1 ? ", ..." : "");
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPCancelConnection(LPSTR lpName, BOOL fForce)
{
    char local[PATH_MAX], *path = NULL;
    const char *target = remote_target(lpName);
    size_t removed = 0, stale = 0;
    link_table t;
    link_error err;
    int lock_fd = -1;
    DWORD rc;

    (void)fForce; /* a link has no open files of its own */
    if (!lpName || !lpName[0])
        return WN_BAD_VALUE;
    if (target)
        return cancel_by_remote(lpName, target);
    if (!normalize_local(lpName, local, sizeof local))
        return report(WN_NOT_CONNECTED, "\"%s\" is neither an absolute path nor a link: name", lpName);
    rc = open_record(&path, true, &lock_fd, &t);
    if (rc != WN_SUCCESS)
        return rc;
    for (size_t i = t.n; i-- > 0;) {
        link_entry *e = &t.v[i];
        if (strcmp(e->local, local))
            continue;
        if (links_is_live(e)) {
            if (unlink(e->local) < 0) {
                rc = report(WN_ACCESS_DENIED, "cannot remove %s: %s", e->local, strerror(errno));
                goto out;
            }
            removed++;
        } else {
            stale++; /* removed or replaced by someone else: not ours any more */
        }
        links_remove(&t, i);
    }
    if (removed + stale > 0) {
        rc = links_save(path, &t, &err);
        if (rc != WN_SUCCESS) {
            rc = report(rc, "%s", err.text);
            goto out;
        }
    }
    if (removed == 0)
        rc = report(WN_NOT_CONNECTED, "%s is not a link made by the symlink provider%s", lpName,
                    stale ? " (any more)" : "");
out:
    close_record(path, lock_fd, &t);
    return rc;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPGetConnection(LPSTR lpLocalName, LPSTR lpRemoteName, LPDWORD lpnBufferLen)
{
    char local[PATH_MAX], *path = NULL, *remote = NULL;
    link_table t;
    int lock_fd = -1;
    DWORD rc;

    if (!lpnBufferLen)
        return WN_BAD_POINTER;
    if (!normalize_local(lpLocalName, local, sizeof local))
        return WN_NOT_CONNECTED;
    rc = open_record(&path, false, &lock_fd, &t);
    if (rc != WN_SUCCESS)
        return rc;
    rc = WN_NOT_CONNECTED;
    for (size_t i = 0; i < t.n; i++) {
        if (!strcmp(t.v[i].local, local) && links_is_live(&t.v[i])) {
            remote = remote_of(t.v[i].target);
            rc = remote ? copy_out(remote, lpRemoteName, lpnBufferLen) : WN_OUT_OF_MEMORY;
            break;
        }
    }
    free(remote);
    close_record(path, lock_fd, &t);
    return rc;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPGetUser(LPSTR lpName, LPSTR lpUserName, LPDWORD lpnBufferLen)
{
    char buf[1024];
    struct passwd pw, *found = NULL;

    if (!lpnBufferLen)
        return WN_BAD_POINTER;
    if (lpName && lpName[0]) {
        /* A connection of ours?  Its user is whoever made it: the current user,
         * since the record lives in their state directory. */
        char local[PATH_MAX], *path = NULL;
        const char *target = remote_target(lpName);
        bool by_local = normalize_local(lpName, local, sizeof local), mine = false;
        link_table t;
        int lock_fd = -1;
        DWORD rc;

        if (!target && !by_local)
            return WN_NOT_CONNECTED;
        rc = open_record(&path, false, &lock_fd, &t);
        if (rc != WN_SUCCESS)
            return rc;
        for (size_t i = 0; i < t.n && !mine; i++)
            mine = !strcmp(by_local ? t.v[i].local : t.v[i].target, by_local ? local : target) &&
                   links_is_live(&t.v[i]);
        close_record(path, lock_fd, &t);
        if (!mine)
            return WN_NOT_CONNECTED;
    }
    if (getpwuid_r(geteuid(), &pw, buf, sizeof buf, &found) != 0 || !found)
        return report(WN_NOT_LOGGED_ON, "no user name for uid %u", (unsigned)geteuid());
    return copy_out(found->pw_name, lpUserName, lpnBufferLen);
}

/* ---- the browse hierarchy ------------------------------------------------------------- */

/*
 * The parent of link:/a/b/c is link:/a/b, of link:/a the root link:/: the
 * directory above, found from the name alone (whether either exists is not
 * asked, as Windows allows).  Each is a directory one can connect to and
 * that holds others: RESOURCETYPE_DISK, RESOURCEDISPLAYTYPE_SHARE (what
 * NPEnumResource shows for the same names), RESOURCEUSAGE_CONNECTABLE |
 * RESOURCEUSAGE_CONTAINER.  The root has no browse parent: its answer is
 * the network itself, lpRemoteName NULL, RESOURCEDISPLAYTYPE_NETWORK,
 * RESOURCEUSAGE_CONTAINER.  The strings follow the structure in lpBuffer.
 */
NR_PLUGIN_EXPORT DWORD APIENTRY NPGetResourceParent(LPNETRESOURCE lpNetResource, LPVOID lpBuffer,
                                                    LPDWORD lpBufferSize)
{
    const char *target, *provider = display_name();
    size_t n, remote = 0, need;
    NETRESOURCE *r = lpBuffer;
    char *at;

    if (!lpNetResource || !lpBufferSize)
        return WN_BAD_POINTER;
    target = remote_target(lpNetResource->lpRemoteName);
    if (!target)
        return WN_BAD_NETNAME;
    if (lpNetResource->dwType != RESOURCETYPE_DISK && lpNetResource->dwType != RESOURCETYPE_ANY)
        return report(WN_BAD_VALUE, "symlink resources are disk resources");
    n = strlen(target);
    while (n > 1 && target[n - 1] == '/')
        n--; /* "/a/b/" is "/a/b" */
    if (n > 1) {
        while (target[n - 1] != '/')
            n--; /* "/a/b" -> "/a/" */
        while (n > 1 && target[n - 1] == '/')
            n--; /* "/a/" -> "/a"; the root stays "/" */
        remote = strlen(REMOTE_PREFIX) + n + 1;
    }
    need = sizeof(NETRESOURCE) + remote + strlen(provider) + 1;
    if (!lpBuffer || *lpBufferSize < need) {
        *lpBufferSize = (DWORD)need;
        return WN_MORE_DATA;
    }
    *r = (NETRESOURCE){ .dwType = remote ? RESOURCETYPE_DISK : RESOURCETYPE_ANY,
                        .dwDisplayType = remote ? RESOURCEDISPLAYTYPE_SHARE : RESOURCEDISPLAYTYPE_NETWORK,
                        .dwUsage = remote ? RESOURCEUSAGE_CONNECTABLE | RESOURCEUSAGE_CONTAINER
                                          : RESOURCEUSAGE_CONTAINER };
    at = (char *)(r + 1);
    if (remote) {
        r->lpRemoteName = at;
        at += snprintf(at, remote, "%s%.*s", REMOTE_PREFIX, (int)n, target) + 1;
    }
    r->lpProvider = strcpy(at, provider);
    return WN_SUCCESS;
}

/* ---- enumeration ----------------------------------------------------------------------- */

/* A snapshot taken at open time. */
typedef struct link_enum {
    char **local;   /* parallel arrays of n entries */
    char **remote;
    size_t n, next;
} link_enum;

static void enum_free(link_enum *e)
{
    if (!e)
        return;
    for (size_t i = 0; i < e->n; i++) {
        free(e->local[i]);
        free(e->remote[i]);
    }
    free(e->local);
    free(e->remote);
    free(e);
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPOpenEnum(DWORD dwScope, DWORD dwType, DWORD dwUsage, LPNETRESOURCE lpNetResource,
                                           LPHANDLE lphEnum)
{
    link_enum *e;
    link_table t;
    char *path = NULL;
    int lock_fd = -1;
    DWORD rc;

    if (!lphEnum)
        return WN_BAD_POINTER;
    *lphEnum = NULL;
    if (dwScope != RESOURCE_CONNECTED && dwScope != RESOURCE_GLOBALNET)
        return WN_NOT_SUPPORTED;
    e = calloc(1, sizeof *e);
    if (!e)
        return WN_OUT_OF_MEMORY;
    /* Browsing has nothing to show (any directory could be a target), and
     * symlinks are disk resources only. */
    if (dwScope == RESOURCE_GLOBALNET || (dwType != RESOURCETYPE_ANY && dwType != RESOURCETYPE_DISK)) {
        *lphEnum = e;
        return WN_SUCCESS;
    }
    rc = open_record(&path, false, &lock_fd, &t);
    if (rc != WN_SUCCESS) {
        free(e);
        return rc;
    }
    e->local = calloc(t.n ? t.n : 1, sizeof *e->local);
    e->remote = calloc(t.n ? t.n : 1, sizeof *e->remote);
    if (!e->local || !e->remote)
        rc = WN_OUT_OF_MEMORY;
    for (size_t i = 0; i < t.n && rc == WN_SUCCESS; i++) {
        if (!links_is_live(&t.v[i]))
            continue; /* removed behind our back: not connected */
        e->local[e->n] = strdup(t.v[i].local);
        e->remote[e->n] = remote_of(t.v[i].target);
        e->n++;
        if (!e->local[e->n - 1] || !e->remote[e->n - 1])
            rc = WN_OUT_OF_MEMORY;
    }
    close_record(path, lock_fd, &t);
    if (rc != WN_SUCCESS) {
        enum_free(e);
        return rc;
    }
    *lphEnum = e;
    return WN_SUCCESS;
}

/* Bytes entry i takes in an NPEnumResource buffer. */
static size_t entry_size(const link_enum *e, size_t i)
{
    return sizeof(NETRESOURCE) + strlen(e->local[i]) + 1 + strlen(e->remote[i]) + 1 + strlen(display_name()) + 1;
}

/* Copies s just below *end and returns where it went. */
static char *pack(char **end, const char *s)
{
    size_t n = strlen(s) + 1;
    *end -= n;
    memcpy(*end, s, n);
    return *end;
}

/*
 * Windows layout: the NETRESOURCE structures from the start of the buffer,
 * their strings packed from the end of the buffer downwards, so that the
 * structures never have to move.
 */
NR_PLUGIN_EXPORT DWORD APIENTRY NPEnumResource(HANDLE hEnum, LPDWORD lpcCount, LPVOID lpBuffer, LPDWORD lpBufferSize)
{
    link_enum *e = hEnum;
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
    if (entry_size(e, e->next) > size) {
        *lpBufferSize = (DWORD)entry_size(e, e->next);
        *lpcCount = 0;
        return WN_MORE_DATA;
    }
    end = (char *)lpBuffer + size;
    while (count < wanted && e->next < e->n && used + entry_size(e, e->next) <= size) {
        NETRESOURCE *r = (NETRESOURCE *)lpBuffer + count;
        used += entry_size(e, e->next);
        r->dwScope = RESOURCE_CONNECTED;
        r->dwType = RESOURCETYPE_DISK;
        r->dwDisplayType = RESOURCEDISPLAYTYPE_SHARE;
        r->dwUsage = RESOURCEUSAGE_CONNECTABLE;
        r->lpComment = NULL;
        r->lpLocalName = pack(&end, e->local[e->next]);
        r->lpRemoteName = pack(&end, e->remote[e->next]);
        r->lpProvider = pack(&end, display_name());
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
