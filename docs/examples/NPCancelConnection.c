/* NPCancelConnection.c - a provider whose "demo:" connections are cancelled
 * as WNetCancelConnection2 cancels: a local name ends that connection, a
 * remote name every deviceless connection to it and none with a local name. */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <netrouter/npapi.h>

NR_PLUGIN_DEFINE_ABI_VERSION()

#define MAX_CONN 64
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct { char *local, *remote; } conn[MAX_CONN];

NR_PLUGIN_EXPORT DWORD APIENTRY NPGetCaps(DWORD nIndex)
{
    return nIndex == WNNC_CONNECTION ? WNNC_CON_ADDCONNECTION3 | WNNC_CON_CANCELCONNECTION : 0;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPAddConnection3(HWND hwndOwner, LPNETRESOURCE lpNetResource,
                                                 LPSTR lpPassword, LPSTR lpUserName, DWORD dwFlags)
{
    const char *local = lpNetResource->lpLocalName;
    DWORD rc = WN_OUT_OF_MEMORY;
    if (strncmp(lpNetResource->lpRemoteName, "demo:", 5) != 0)
        return WN_BAD_NETNAME;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < MAX_CONN; i++) {
        if (!conn[i].remote) {
            conn[i].local = local ? strdup(local) : NULL;
            conn[i].remote = strdup(lpNetResource->lpRemoteName);
            rc = WN_SUCCESS;
            break;
        }
    }
    pthread_mutex_unlock(&lock);
    return rc;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPCancelConnection(LPSTR lpName, BOOL fForce)
{
    DWORD rc = WN_NOT_CONNECTED; /* "not mine" for a cancel: the next provider is asked */
    bool by_local = false;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < MAX_CONN && !by_local; i++)
        by_local = conn[i].local && !strcmp(conn[i].local, lpName);
    for (int i = 0; i < MAX_CONN; i++) {
        if (!conn[i].remote)
            continue;
        if (by_local ? conn[i].local && !strcmp(conn[i].local, lpName)
                     : !conn[i].local && !strcmp(conn[i].remote, lpName)) {
            /* A real provider would check for open files here and, unless
             * fForce, refuse with WN_OPEN_FILES. */
            free(conn[i].local);
            free(conn[i].remote);
            conn[i].local = conn[i].remote = NULL;
            rc = WN_SUCCESS;
        }
    }
    pthread_mutex_unlock(&lock);
    return rc;
}
