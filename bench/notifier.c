/*
 * bench/notifier.c - the trivial notifier of the benchmarks.
 *
 * It takes a context in PRE (so it is POST-notified too, the expensive case)
 * and does nothing else: a benchmark with N of them measures the router's
 * cost per notifier.  The startup benchmark loads 200 copies of it.
 */
#include <stddef.h>
#include <netrouter/npapi.h>

NR_PLUGIN_DEFINE_ABI_VERSION()

static char context;

NR_PLUGIN_EXPORT DWORD APIENTRY AddConnectNotify(LPNOTIFYINFO lpNotifyInfo, LPNOTIFYADD lpAddInfo)
{
    if (lpNotifyInfo->dwNotifyStatus == NOTIFY_PRE)
        lpNotifyInfo->lpContext = &context;
    return WN_SUCCESS;
}

NR_PLUGIN_EXPORT DWORD APIENTRY CancelConnectNotify(LPNOTIFYINFO lpNotifyInfo, LPNOTIFYCANCEL lpCancelInfo)
{
    if (lpNotifyInfo->dwNotifyStatus == NOTIFY_PRE)
        lpNotifyInfo->lpContext = &context;
    return WN_SUCCESS;
}
