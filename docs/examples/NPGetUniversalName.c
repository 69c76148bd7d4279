/* NPGetUniversalName.c - a provider that turns a path under one of its local
 * names into the universal name of the same file, at both levels. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <netrouter/npapi.h>

NR_PLUGIN_DEFINE_ABI_VERSION()

#define MAX_CONN 64
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct { char *local, *remote; } conn[MAX_CONN];

NR_PLUGIN_EXPORT DWORD APIENTRY NPGetCaps(DWORD nIndex)
{
    return nIndex == WNNC_CONNECTION ? WNNC_CON_ADDCONNECTION3 | WNNC_CON_GETCONNECTIONS : 0;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPAddConnection3(HWND hwndOwner, LPNETRESOURCE lpNetResource,
                                                 LPSTR lpPassword, LPSTR lpUserName, DWORD dwFlags)
{
    DWORD rc = WN_OUT_OF_MEMORY;
    if (strncmp(lpNetResource->lpRemoteName, "demo:", 5) != 0)
        return WN_BAD_NETNAME;
    if (!lpNetResource->lpLocalName)
        return WN_BAD_LOCALNAME;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < MAX_CONN; i++) {
        if (!conn[i].remote) {
            conn[i].local = strdup(lpNetResource->lpLocalName);
            conn[i].remote = strdup(lpNetResource->lpRemoteName);
            rc = WN_SUCCESS;
            break;
        }
    }
    pthread_mutex_unlock(&lock);
    return rc;
}

/* Optional: frees the table when the router unloads the plugin. */
NR_PLUGIN_EXPORT void APIENTRY NrPluginShutdown(void)
{
    for (int i = 0; i < MAX_CONN; i++) {
        free(conn[i].local);
        free(conn[i].remote);
        conn[i].local = conn[i].remote = NULL;
    }
}

/* The connection whose local name is path or a directory above it (lock held). */
static int find(const char *path, const char **rest)
{
    for (int i = 0; i < MAX_CONN; i++) {
        size_t n = conn[i].local ? strlen(conn[i].local) : 0;
        if (n && !strncmp(path, conn[i].local, n) && (!path[n] || path[n] == '/')) {
            *rest = path + n;
            return i;
        }
    }
    return -1;
}

/* Required with WNNC_CON_GETCONNECTIONS; see NPGetConnection(3). */
NR_PLUGIN_EXPORT DWORD APIENTRY NPGetConnection(LPSTR lpLocalName, LPSTR lpRemoteName, LPDWORD lpnBufferLen)
{
    const char *rest;
    DWORD rc = WN_NOT_CONNECTED, need;
    pthread_mutex_lock(&lock);
    int i = find(lpLocalName, &rest);
    if (i >= 0 && !*rest) {
        need = (DWORD)strlen(conn[i].remote) + 1;
        rc = lpRemoteName && *lpnBufferLen >= need ? WN_SUCCESS : WN_MORE_DATA;
        if (rc == WN_SUCCESS)
            memcpy(lpRemoteName, conn[i].remote, need);
        else
            *lpnBufferLen = need;
    }
    pthread_mutex_unlock(&lock);
    return rc;
}

/* Copies a and b, joined, below *end, lowers *end, and returns the copy. */
static char *pack(char **end, const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    *end -= na + nb + 1;
    memcpy(*end, a, na);
    memcpy(*end + na, b, nb + 1);
    return *end;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPGetUniversalName(LPCSTR lpLocalPath, DWORD dwInfoLevel, LPVOID lpBuffer,
                                                   LPDWORD lpBufferSize)
{
    const char *rest;
    size_t need;
    DWORD rc = WN_NOT_CONNECTED;

    if (dwInfoLevel != UNIVERSAL_NAME_INFO_LEVEL && dwInfoLevel != REMOTE_NAME_INFO_LEVEL)
        return WN_BAD_LEVEL;
    pthread_mutex_lock(&lock);
    int i = find(lpLocalPath, &rest); /* /home/me/docs/a.txt -> demo:share + /a.txt */
    if (i >= 0) {
        size_t universal = strlen(conn[i].remote) + strlen(rest) + 1;
        if (dwInfoLevel == UNIVERSAL_NAME_INFO_LEVEL)
            need = sizeof(UNIVERSAL_NAME_INFO) + universal;
        else
            need = sizeof(REMOTE_NAME_INFO) + 2 * universal + 1;
        if (!lpBuffer || *lpBufferSize < need) {
            *lpBufferSize = (DWORD)need;
            rc = WN_MORE_DATA;
        } else {
            /* The structure first; its strings packed at the end of the buffer. */
            char *end = (char *)lpBuffer + *lpBufferSize;
            if (dwInfoLevel == UNIVERSAL_NAME_INFO_LEVEL) {
                ((UNIVERSAL_NAME_INFO *)lpBuffer)->lpUniversalName = pack(&end, conn[i].remote, rest);
            } else {
                REMOTE_NAME_INFO *info = lpBuffer;
                info->lpUniversalName = pack(&end, conn[i].remote, rest);
                info->lpConnectionName = pack(&end, conn[i].remote, "");
                info->lpRemainingPath = pack(&end, rest, "");
            }
            rc = WN_SUCCESS;
        }
    }
    pthread_mutex_unlock(&lock);
    return rc;
}
