/* NPGetCaps.c - the smallest useful provider: it announces what it can do,
 * and does just that: deviceless "demo:" connections, which it counts. */
#include <string.h>
#include <netrouter/npapi.h>

NR_PLUGIN_DEFINE_ABI_VERSION()

/* The manifest leaves "threading" at "serialized": one thread at a time. */
static unsigned connected;

NR_PLUGIN_EXPORT DWORD APIENTRY NPGetCaps(DWORD nIndex)
{
    switch (nIndex) {
    case WNNC_SPEC_VERSION:
        return WNNC_SPEC_VERSION51;
    case WNNC_NET_TYPE:
        return 0x00FA0000; /* this provider's network type (high word) */
    case WNNC_DRIVER_VERSION:
        return 1;
    case WNNC_CONNECTION:  /* exactly the entry points exported below */
        return WNNC_CON_ADDCONNECTION3 | WNNC_CON_CANCELCONNECTION;
    default:               /* WNNC_USER, WNNC_ENUMERATION, ...: nothing */
        return 0;
    }
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPAddConnection3(HWND hwndOwner, LPNETRESOURCE lpNetResource,
                                                 LPSTR lpPassword, LPSTR lpUserName, DWORD dwFlags)
{
    if (strncmp(lpNetResource->lpRemoteName, "demo:", 5) != 0)
        return WN_BAD_NETNAME;   /* not mine: the router asks the next provider */
    if (lpNetResource->lpLocalName)
        return WN_BAD_LOCALNAME; /* deviceless connections only */
    connected++;
    return WN_SUCCESS;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPCancelConnection(LPSTR lpName, BOOL fForce)
{
    if (strncmp(lpName, "demo:", 5) != 0 || connected == 0)
        return WN_NOT_CONNECTED;
    connected--;
    return WN_SUCCESS;
}
