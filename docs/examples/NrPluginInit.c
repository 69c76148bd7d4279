/* NrPluginInit.c - the lifecycle of a plugin: its ABI version, its start
 * with the manifest's config (or its refusal to start), its stop. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <netrouter/npapi.h>

NR_PLUGIN_DEFINE_ABI_VERSION() /* NrPluginGetAbiVersion: checked before anything else */

static const NR_PLUGIN_HOST *host;
static FILE *out;

/* The string value of "key" in the config's JSON text (a real plugin uses a
 * JSON parser such as jansson). */
static int config_string(const char *json, const char *key, char *buf, size_t size)
{
    char quoted[64];
    const char *p;
    size_t n;
    snprintf(quoted, sizeof quoted, "\"%s\"", key);
    if (!(p = strstr(json, quoted)) || !(p = strchr(p + strlen(quoted), '"')))
        return 0;
    n = strcspn(p + 1, "\"");
    if (n >= size)
        return 0;
    memcpy(buf, p + 1, n);
    buf[n] = '\0';
    return 1;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NrPluginInit(const NR_PLUGIN_HOST *h)
{
    char path[1024], why[1200];

    if (!config_string(h->lpConfigJson, "path", path, sizeof path)) {
        h->pfnSetLastError(h, WN_BAD_VALUE, "the manifest's config needs \"path\": the file to append to");
        return WN_BAD_VALUE;         /* refused: a problem at stage "init", no shutdown */
    }
    if (!(out = fopen(path, "ae"))) {
        snprintf(why, sizeof why, "cannot open %s: %s", path, strerror(errno));
        h->pfnSetLastError(h, WN_ACCESS_DENIED, why);
        return WN_ACCESS_DENIED;
    }
    setvbuf(out, NULL, _IOLBF, 0);
    host = h;                        /* valid until NrPluginShutdown returns */
    host->pfnLog(host, NR_LOG_INFO, "%s (%s) appends to %s", host->lpPluginName, host->lpManifestPath, path);
    return WN_SUCCESS;
}

NR_PLUGIN_EXPORT void APIENTRY NrPluginShutdown(void)
{
    host->pfnLog(host, NR_LOG_INFO, "stopping");
    fclose(out);
    out = NULL;
    host = NULL;
}

NR_PLUGIN_EXPORT DWORD APIENTRY AddConnectNotify(LPNOTIFYINFO lpNotifyInfo, LPNOTIFYADD lpAddInfo)
{
    if (lpNotifyInfo->dwNotifyStatus == NOTIFY_PRE)
        fprintf(out, "connecting %s\n", lpAddInfo->NetResource.lpRemoteName);
    return WN_SUCCESS;
}
