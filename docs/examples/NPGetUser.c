/* NPGetUser.c - a provider that remembers which user each "demo:" connection
 * was made as. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <netrouter/npapi.h>

NR_PLUGIN_DEFINE_ABI_VERSION()

#define MAX_CONN 64
#define DEFAULT_USER "guest"
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct { char *local, *remote, *user; } conn[MAX_CONN];

NR_PLUGIN_EXPORT DWORD APIENTRY NPGetCaps(DWORD nIndex)
{
    switch (nIndex) {
    case WNNC_CONNECTION: return WNNC_CON_ADDCONNECTION3;
    case WNNC_USER: return WNNC_USR_GETUSER;
    default: return 0;
    }
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPAddConnection3(HWND hwndOwner, LPNETRESOURCE lpNetResource,
                                                 LPSTR lpPassword, LPSTR lpUserName, DWORD dwFlags)
{
    DWORD rc = WN_OUT_OF_MEMORY;
    if (strncmp(lpNetResource->lpRemoteName, "demo:", 5) != 0)
        return WN_BAD_NETNAME;
    pthread_mutex_lock(&lock);
    for (int i = 0; i < MAX_CONN; i++) {
        if (!conn[i].remote) {
            conn[i].local = lpNetResource->lpLocalName ? strdup(lpNetResource->lpLocalName) : NULL;
            conn[i].remote = strdup(lpNetResource->lpRemoteName);
            conn[i].user = strdup(lpUserName ? lpUserName : DEFAULT_USER);
            rc = WN_SUCCESS;
            break;
        }
    }
    pthread_mutex_unlock(&lock);
    return rc;
}

static DWORD copy_out(const char *s, LPSTR buf, LPDWORD len)
{
    DWORD need = (DWORD)strlen(s) + 1;
    if (!buf || *len < need) {
        *len = need;        /* bytes needed, with the NUL */
        return WN_MORE_DATA;
    }
    memcpy(buf, s, need);
    return WN_SUCCESS;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPGetUser(LPSTR lpName, LPSTR lpUserName, LPDWORD lpnBufferLen)
{
    DWORD rc = WN_NOT_CONNECTED;
    if (!lpName)            /* the user this provider connects as by default */
        return copy_out(DEFAULT_USER, lpUserName, lpnBufferLen);
    pthread_mutex_lock(&lock);
    for (int i = 0; i < MAX_CONN; i++) {
        if (conn[i].remote &&
            ((conn[i].local && !strcmp(conn[i].local, lpName)) || !strcmp(conn[i].remote, lpName))) {
            rc = copy_out(conn[i].user, lpUserName, lpnBufferLen);
            break;
        }
    }
    pthread_mutex_unlock(&lock);
    return rc;
}
