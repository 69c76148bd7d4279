/*
 * wide-veto.c - a connection notifier written exactly as for Windows NT:
 * Unicode (NETRESOURCEW, LPCWSTR, L"..." literals, wcsstr), <windows.h> and
 * <npapi.h>, an APIENTRY entry point that returns ERROR_SUCCESS or a
 * winerror.h code.  It vetoes every connection whose remote name contains
 * the wide string szVeto ("\u00e9t\u00e9", "summer" in French), and lets
 * every other one through.
 *
 * Nothing in it names netrouter.  On Linux it builds, unchanged, with
 *
 *     cc -shared -fPIC -o nr-wide-veto.so wide-veto.c $(pkg-config --cflags --libs netrouter-win)
 *
 * (the module defines UNICODE, so <npapi.h> hands it the wide structures
 * and marks the library as a wide plugin: the router converts every name
 * from UTF-8 for it), and is registered by wide-veto.json.  On Windows the
 * same file builds into a DLL named in the registry's NetworkProvider
 * order, with AddConnectNotify exported by a .def file.
 */
#include <windows.h>
#include <npapi.h>
#include <wchar.h>

/* The text no remote name may contain: "\u00e9t\u00e9" (U+00E9 T U+00E9). */
static const WCHAR szVeto[] = L"\u00e9t\u00e9";

DWORD APIENTRY AddConnectNotify(LPNOTIFYINFO lpNotifyInfo, LPNOTIFYADD lpAddInfo)
{
    LPCWSTR lpRemote;

    /* Only the PRE notification can veto; lpContext stays NULL, so no POST
     * notification follows. */
    if (lpNotifyInfo->dwNotifyStatus != NOTIFY_PRE)
        return ERROR_SUCCESS;

    lpRemote = lpAddInfo->NetResource.lpRemoteName;
    if (lpRemote != NULL && wcsstr(lpRemote, szVeto) != NULL)
        return ERROR_ACCESS_DENIED;

    return ERROR_SUCCESS;
}
