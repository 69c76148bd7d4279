/* timing.c - logs how long each connection took; refuses "blocked:" names. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <netrouter/npapi.h>

NR_PLUGIN_DEFINE_ABI_VERSION()

static const NR_PLUGIN_HOST *host;

NR_PLUGIN_EXPORT DWORD APIENTRY NrPluginInit(const NR_PLUGIN_HOST *h)
{
    host = h;
    host->pfnLog(host, NR_LOG_INFO, "started with config %s", h->lpConfigJson);
    return WN_SUCCESS;
}

NR_PLUGIN_EXPORT void APIENTRY NrPluginShutdown(void)
{
    host->pfnLog(host, NR_LOG_INFO, "stopping");
}

static struct timespec *now(void)
{
    struct timespec *t = malloc(sizeof *t);
    if (t)
        clock_gettime(CLOCK_MONOTONIC, t);
    return t;
}

static double elapsed_ms(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (t1.tv_sec - t0->tv_sec) * 1e3 + (t1.tv_nsec - t0->tv_nsec) / 1e6;
}

NR_PLUGIN_EXPORT DWORD APIENTRY AddConnectNotify(LPNOTIFYINFO info, LPNOTIFYADD add)
{
    const char *remote = add->NetResource.lpRemoteName;

    if (info->dwNotifyStatus == NOTIFY_PRE) {
        if (strncmp(remote, "blocked:", 8) == 0) {
            host->pfnSetLastError(host, WN_CANCEL, "blocked: names are refused here");
            return WN_CANCEL;                  /* veto: no provider is called */
        }
        info->lpContext = now();               /* non-NULL: we want the POST */
        return WN_SUCCESS;
    }
    /* NOTIFY_POST: lpContext is what PRE left; free it here. */
    host->pfnLog(host, NR_LOG_INFO, "%s: %s after %.1f ms (provider %s)", remote,
                 info->dwOperationStatus == WN_SUCCESS ? "connected" : "failed",
                 elapsed_ms(info->lpContext),
                 add->NetResource.lpProvider ? add->NetResource.lpProvider : "none");
    free(info->lpContext);
    return WN_SUCCESS;
}

NR_PLUGIN_EXPORT DWORD APIENTRY CancelConnectNotify(LPNOTIFYINFO info, LPNOTIFYCANCEL cancel)
{
    if (info->dwNotifyStatus == NOTIFY_PRE) {
        info->lpContext = now();
        return WN_SUCCESS;
    }
    host->pfnLog(host, NR_LOG_INFO, "%s: cancel %s after %.1f ms", cancel->lpName,
                 info->dwOperationStatus == WN_SUCCESS ? "done" : "failed",
                 elapsed_ms(info->lpContext));
    free(info->lpContext);
    return WN_SUCCESS;
}
