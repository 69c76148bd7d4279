/*
 * bench/provider-fs.c - a provider that does the least real work a
 * provider does: adding "fs:TARGET" as LOCAL makes LOCAL a symbolic link to
 * TARGET, cancelling LOCAL removes it (one system call each way, as the
 * example symlink provider without its checks).  bench/dispatch times it
 * through the router and directly, to show the router's cost next to a
 * provider that touches the system at all.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <netrouter/npapi.h>

NR_PLUGIN_DEFINE_ABI_VERSION()

NR_PLUGIN_EXPORT DWORD APIENTRY NPGetCaps(DWORD nIndex)
{
    switch (nIndex) {
    case WNNC_SPEC_VERSION:
        return WNNC_SPEC_VERSION51;
    case WNNC_CONNECTION:
        return WNNC_CON_ADDCONNECTION3 | WNNC_CON_CANCELCONNECTION;
    default:
        return 0;
    }
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPAddConnection3(HWND hwndOwner, LPNETRESOURCE lpNetResource, LPSTR lpPassword,
                                                 LPSTR lpUserName, DWORD dwFlags)
{
    const char *remote = lpNetResource ? lpNetResource->lpRemoteName : NULL;
    if (!remote || strncmp(remote, "fs:", 3) != 0)
        return WN_BAD_NETNAME;
    if (!lpNetResource->lpLocalName)
        return WN_BAD_LOCALNAME;
    return symlink(remote + 3, lpNetResource->lpLocalName) == 0 ? WN_SUCCESS
           : errno == EEXIST                                   ? WN_ALREADY_CONNECTED
                                                               : WN_BAD_LOCALNAME;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPCancelConnection(LPSTR lpName, BOOL fForce)
{
    return lpName && unlink(lpName) == 0 ? WN_SUCCESS : WN_NOT_CONNECTED;
}
