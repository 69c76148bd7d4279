/* NPAddConnection3.c - a provider that connects local names to "demo:NAME"
 * resources; "demo:private/..." wants the password "secret". */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <netrouter/npapi.h>

NR_PLUGIN_DEFINE_ABI_VERSION()

#define MAX_CONN 64
static const NR_PLUGIN_HOST *host;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER; /* "threading": "concurrent" */
static struct { char *local, *remote; } conn[MAX_CONN];

NR_PLUGIN_EXPORT DWORD APIENTRY NrPluginInit(const NR_PLUGIN_HOST *h)
{
    host = h;
    return WN_SUCCESS;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPGetCaps(DWORD nIndex)
{
    if (nIndex == WNNC_CONNECTION)
        return WNNC_CON_ADDCONNECTION | WNNC_CON_ADDCONNECTION3;
    return nIndex == WNNC_SPEC_VERSION ? WNNC_SPEC_VERSION51 : 0;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPAddConnection3(HWND hwndOwner, LPNETRESOURCE lpNetResource,
                                                 LPSTR lpPassword, LPSTR lpUserName, DWORD dwFlags)
{
    const char *local = lpNetResource->lpLocalName, *remote = lpNetResource->lpRemoteName;
    DWORD rc = WN_OUT_OF_MEMORY;
    int i, free_slot = -1;

    if (strncmp(remote, "demo:", 5) != 0 || !remote[5])
        return WN_BAD_NETNAME;                  /* not mine */
    if (!strncmp(remote, "demo:private/", 13) && (!lpPassword || strcmp(lpPassword, "secret"))) {
        host->pfnSetLastError(host, WN_BAD_PASSWORD, "demo:private/ needs the password \"secret\"");
        return WN_EXTENDED_ERROR;               /* the detail is in nr_get_last_error() */
    }
    pthread_mutex_lock(&lock);
    for (i = 0; i < MAX_CONN; i++) {
        if (!conn[i].remote && free_slot < 0)
            free_slot = i;
        if (local && conn[i].local && !strcmp(conn[i].local, local))
            break;
    }
    if (i < MAX_CONN) {
        rc = WN_ALREADY_CONNECTED;              /* that local name is taken */
    } else if (free_slot >= 0) {
        conn[free_slot].local = local ? strdup(local) : NULL; /* the router's strings are */
        conn[free_slot].remote = strdup(remote);              /* only lent for the call */
        rc = WN_SUCCESS;
    }
    pthread_mutex_unlock(&lock);
    return rc;
}

/* The older form: no owner, no flags. */
NR_PLUGIN_EXPORT DWORD APIENTRY NPAddConnection(LPNETRESOURCE lpNetResource, LPSTR lpPassword,
                                                LPSTR lpUserName)
{
    return NPAddConnection3(NULL, lpNetResource, lpPassword, lpUserName, 0);
}

NR_PLUGIN_EXPORT void APIENTRY NrPluginShutdown(void)
{
    for (int i = 0; i < MAX_CONN; i++) {
        free(conn[i].local);
        free(conn[i].remote);
        conn[i].local = conn[i].remote = NULL;
    }
}
