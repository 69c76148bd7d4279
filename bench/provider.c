/*
 * bench/provider.c - the trivial provider the benchmarks route to.
 *
 * It accepts every remote name and does no work, so that a benchmark
 * measures the router around it, not the provider.  Its manifest (written by
 * the benchmark programs) says "threading": "concurrent".
 */
#include <stddef.h>
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
    return lpNetResource && lpNetResource->lpRemoteName ? WN_SUCCESS : WN_BAD_NETNAME;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPCancelConnection(LPSTR lpName, BOOL fForce)
{
    return lpName ? WN_SUCCESS : WN_NOT_CONNECTED;
}
