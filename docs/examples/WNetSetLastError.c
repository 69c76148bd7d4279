/* WNetSetLastError.c - a provider ported from Windows: built with the
 * porting headers and Libs of the netrouter-win module (UNICODE, linked
 * with -lnetrouter), it refuses "down:" names with its own extended error. */
#include <windows.h>
#include <npapi.h>

NR_PLUGIN_DEFINE_ABI_VERSION()

#define DEMO_ERROR_MAINTENANCE 40001 /* the provider's own code */

NR_PLUGIN_EXPORT DWORD APIENTRY NPGetCaps(DWORD nIndex)
{
    return nIndex == WNNC_CONNECTION ? WNNC_CON_ADDCONNECTION3 : 0;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPAddConnection3(HWND hwndOwner, LPNETRESOURCE lpNetResource,
                                                 LPTSTR lpPassword, LPTSTR lpUserName, DWORD dwFlags)
{
    TCHAR text[] = TEXT("the demo network is down for maintenance");
    TCHAR provider[] = TEXT("Demo Network");
    (void)hwndOwner, (void)lpPassword, (void)lpUserName, (void)dwFlags;
    if (wcsncmp(lpNetResource->lpRemoteName, TEXT("down:"), 5) != 0)
        return WN_BAD_NETNAME; /* not ours: the next provider is asked */
    WNetSetLastError(DEMO_ERROR_MAINTENANCE, text, provider);
    return WN_EXTENDED_ERROR;
}
