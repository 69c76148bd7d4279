/*
 * hello.c - the smallest useful netrouter notifier, written the way a third
 * party would: it includes only <netrouter/npapi.h> from the installed SDK
 * and builds with
 *
 *     cc -shared -fPIC -fvisibility=hidden $(pkg-config --cflags netrouter) -o nr-hello.so hello.c
 *
 * It prints one line before (PRE) and one after (POST) every add-connection
 * and cancel-connection:
 *
 *     hello: PRE add link:/srv/data local=/home/me/data flags=0x1
 *     hello: POST add link:/srv/data -> 0 (The operation completed successfully.) provider=symlink
 *
 * to stderr, or appended to the file named by the manifest's config:
 *
 *     "config": { "output": "/tmp/hello.log" }
 *
 * Restoring remembered connections (`netrouter restore`) sends no
 * notification, so hello stays silent then.  See README.md.
 */
#define _POSIX_C_SOURCE 200809L /* strdup, O_CLOEXEC, even with -std=c99 */

#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <netrouter/npapi.h>

/* Lets the router refuse hello cleanly if it was built for another ABI. */
NR_PLUGIN_DEFINE_ABI_VERSION()

/* Set up once by NrPluginInit.  (Two routers in one process share one copy
 * of a plugin; hello keeps it simple and lets the last init win.) */
static const NR_PLUGIN_HOST *host; /* valid until NrPluginShutdown */
static int out_fd = STDERR_FILENO;

/*
 * Finds "output": "..." in the config text.  A real plugin parses
 * host->lpConfigJson with a JSON library (netrouter's own plugins use
 * jansson); hello scans for one simple string so that it needs nothing but
 * the SDK header.  Returns a malloc'ed copy, or NULL when absent.
 */
static char *config_output(const char *json)
{
    const char *p = json ? strstr(json, "\"output\"") : NULL;
    const char *end;
    char *s;

    if (!p)
        return NULL;
    p += strlen("\"output\"");
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == ':')
        p++;
    if (*p++ != '"' || !(end = strchr(p, '"')))
        return NULL;
    s = malloc((size_t)(end - p) + 1);
    if (s) {
        memcpy(s, p, (size_t)(end - p));
        s[end - p] = '\0';
    }
    return s;
}

/* Called once when the router loads hello. */
NR_PLUGIN_EXPORT DWORD APIENTRY NrPluginInit(const NR_PLUGIN_HOST *h)
{
    char *output = config_output(h->lpConfigJson);

    host = h;
    if (output && strcmp(output, "stderr") != 0) {
        if (output[0] != '/') {
            h->pfnSetLastError(h, WN_BAD_VALUE, "config \"output\": expected \"stderr\" or an absolute file name");
            free(output);
            return WN_BAD_VALUE; /* refuses the load; the router reports our text */
        }
        out_fd = open(output, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (out_fd < 0) {
            h->pfnSetLastError(h, WN_BAD_VALUE, "config \"output\": cannot open the file");
            out_fd = STDERR_FILENO;
            free(output);
            return WN_BAD_VALUE;
        }
    }
    free(output);
    return WN_SUCCESS;
}

/* Called once before the router unloads hello. */
NR_PLUGIN_EXPORT void APIENTRY NrPluginShutdown(void)
{
    if (out_fd != STDERR_FILENO)
        close(out_fd);
    out_fd = STDERR_FILENO;
    host = NULL;
}

/* One line, one write(), so that lines of concurrent calls never mix. */
static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
    char line[1024];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(line, sizeof line - 1, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n > sizeof line - 2)
        n = (int)sizeof line - 2;
    line[n++] = '\n';
    if (write(out_fd, line, (size_t)n) < 0) {
        /* a notifier never fails an operation over its own output */
    }
}

static const char *text(DWORD code)
{
    return host ? host->pfnStrError(code) : "";
}

static const char *or_none(const char *s)
{
    return s && s[0] ? s : "-";
}

NR_PLUGIN_EXPORT DWORD APIENTRY AddConnectNotify(LPNOTIFYINFO info, LPNOTIFYADD add)
{
    const char *remote = or_none(add->NetResource.lpRemoteName);

    if (info->dwNotifyStatus == NOTIFY_PRE) {
        say("hello: PRE add %s local=%s flags=0x%x", remote, or_none(add->NetResource.lpLocalName),
            (unsigned)add->dwAddFlags);
        /* Any non-NULL context asks for a POST; here it is the remote name. */
        info->lpContext = strdup(remote);
        return WN_SUCCESS; /* anything else would veto the connection */
    }
    say("hello: POST add %s -> %u (%s) provider=%s", (const char *)info->lpContext,
        (unsigned)info->dwOperationStatus, text(info->dwOperationStatus), or_none(add->NetResource.lpProvider));
    free(info->lpContext);
    info->lpContext = NULL;
    return WN_SUCCESS;
}

NR_PLUGIN_EXPORT DWORD APIENTRY CancelConnectNotify(LPNOTIFYINFO info, LPNOTIFYCANCEL cancel)
{
    const char *name = or_none(cancel->lpName);

    if (info->dwNotifyStatus == NOTIFY_PRE) {
        say("hello: PRE cancel %s flags=0x%x force=%d", name, (unsigned)cancel->dwFlags, cancel->fForce ? 1 : 0);
        info->lpContext = strdup(name);
        return WN_SUCCESS;
    }
    say("hello: POST cancel %s -> %u (%s) provider=%s", (const char *)info->lpContext,
        (unsigned)info->dwOperationStatus, text(info->dwOperationStatus), or_none(cancel->lpProvider));
    free(info->lpContext);
    info->lpContext = NULL;
    return WN_SUCCESS;
}
