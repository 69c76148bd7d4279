/* NPGetConnection.c - a provider that answers "what is this local name
 * connected to?" with the Windows buffer convention. */
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
        return WN_BAD_LOCALNAME; /* this one wants a local name */
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

NR_PLUGIN_EXPORT DWORD APIENTRY NPGetConnection(LPSTR lpLocalName, LPSTR lpRemoteName, LPDWORD lpnBufferLen)
{
    DWORD rc = WN_NOT_CONNECTED; /* not one of mine: the router asks the next provider */
    pthread_mutex_lock(&lock);
    for (int i = 0; i < MAX_CONN; i++) {
        if (conn[i].local && !strcmp(conn[i].local, lpLocalName)) {
            DWORD need = (DWORD)strlen(conn[i].remote) + 1; /* bytes, with the NUL */
            if (!lpRemoteName || *lpnBufferLen < need) {
                *lpnBufferLen = need;                      /* what the caller must give */
                rc = WN_MORE_DATA;
            } else {
                memcpy(lpRemoteName, conn[i].remote, need);
                rc = WN_SUCCESS;
            }
            break;
        }
    }
    pthread_mutex_unlock(&lock);
    return rc;
}
