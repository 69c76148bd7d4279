/* AddConnectNotify.c - a notifier that refuses "blocked:" names, has a
 * connection tried once more when there was no network, and logs results. */
#include <stdlib.h>
#include <string.h>
#include <netrouter/npapi.h>

NR_PLUGIN_DEFINE_ABI_VERSION()

static const NR_PLUGIN_HOST *host;
static int cancel_context; /* any non-NULL context asks for the POST */

typedef struct attempt { int retries; } attempt; /* one add's context */

NR_PLUGIN_EXPORT DWORD APIENTRY NrPluginInit(const NR_PLUGIN_HOST *h)
{
    host = h;
    return WN_SUCCESS;
}

NR_PLUGIN_EXPORT DWORD APIENTRY AddConnectNotify(LPNOTIFYINFO lpNotifyInfo, LPNOTIFYADD lpAddInfo)
{
    const char *remote = lpAddInfo->NetResource.lpRemoteName;
    attempt *a = lpNotifyInfo->lpContext;
    DWORD status = lpNotifyInfo->dwOperationStatus;

    if (lpNotifyInfo->dwNotifyStatus == NOTIFY_PRE) {
        if (strncmp(remote, "blocked:", 8) == 0) {
            host->pfnSetLastError(host, WN_CANCEL, "blocked: names are refused here");
            return WN_CANCEL;                    /* veto: no provider is called */
        }
        lpNotifyInfo->lpContext = calloc(1, sizeof *a); /* NULL would mean: no POST */
        return WN_SUCCESS;
    }
    /* NOTIFY_POST: status is the result, the context what PRE left. */
    if (status == WN_NO_NETWORK && a->retries++ == 0) {
        host->pfnLog(host, NR_LOG_NOTICE, "%s: no network yet, trying once more", remote);
        return WN_RETRY;                         /* the same context comes back */
    }
    host->pfnLog(host, NR_LOG_INFO, "%s: %s (provider %s)", remote, host->pfnStrError(status),
                 lpAddInfo->NetResource.lpProvider ? lpAddInfo->NetResource.lpProvider : "none");
    free(a);
    return WN_SUCCESS;
}

NR_PLUGIN_EXPORT DWORD APIENTRY CancelConnectNotify(LPNOTIFYINFO lpNotifyInfo, LPNOTIFYCANCEL lpCancelInfo)
{
    if (lpNotifyInfo->dwNotifyStatus == NOTIFY_PRE) {
        lpNotifyInfo->lpContext = &cancel_context;
        return WN_SUCCESS;
    }
    host->pfnLog(host, NR_LOG_INFO, "%s: cancel: %s%s%s", lpCancelInfo->lpName,
                 host->pfnStrError(lpNotifyInfo->dwOperationStatus), lpCancelInfo->fForce ? " (forced)" : "",
                 lpCancelInfo->dwFlags & CONNECT_UPDATE_PROFILE ? " (forgotten)" : "");
    return WN_SUCCESS;
}
