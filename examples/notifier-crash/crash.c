/*
 * crash.c - a notifier with a bug: it dereferences NULL when the remote
 * name contains "crash".  The demo registers it with "isolation":
 * "process", so the crash kills only its host process (netrouter-plugin-
 * host(8)): the operation goes on ("on_failure": "continue") and the
 * router reports what happened.  Loaded in process, it would take the
 * application with it.
 */
#include <string.h>

#include <netrouter/npapi.h>

NR_PLUGIN_EXPORT DWORD APIENTRY AddConnectNotify(LPNOTIFYINFO lpNotifyInfo, LPNOTIFYADD lpAddInfo)
{
    const char *remote = lpAddInfo->NetResource.lpRemoteName;
    if (lpNotifyInfo->dwNotifyStatus == NOTIFY_PRE && remote && strstr(remote, "crash")) {
        volatile int *nowhere = NULL;
        *nowhere = 1; /* the bug */
    }
    return WN_SUCCESS;
}
