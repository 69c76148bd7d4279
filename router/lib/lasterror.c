/*
 * lasterror.c - per-thread state: the extended error (WNetGetLastError) and
 * the "inside a plugin" mark that turns a plugin's call back into the router
 * into a fast ERROR_POSSIBLE_DEADLOCK instead of a hang.
 *
 * Both live in thread-local storage of fixed size, so they need neither locks
 * nor destructors.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "internal.h"

/* The extended error itself, touched only when an error is set or read. */
typedef struct nr_thread_error {
    DWORD code;
    char text[1024];
    char provider[256];
} nr_thread_error;

__thread nr_thread_hot nr__hot __attribute__((tls_model("initial-exec")));
#define hot nr__hot
static __thread nr_thread_error tls;

static void copy_trunc(char *dst, size_t size, const char *src)
{
    if (!dst || size == 0)
        return;
    snprintf(dst, size, "%s", src ? src : "");
}

void nr__set_last_error(DWORD code, const char *text, const char *provider)
{
    hot.set = true;
    tls.code = code;
    copy_trunc(tls.text, sizeof tls.text, text);
    copy_trunc(tls.provider, sizeof tls.provider, provider ? provider : NR_ROUTER_NAME);
}

DWORD nr__fail(DWORD code, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    nr__set_last_error(code, buf, NR_ROUTER_NAME);
    return code;
}

DWORD nr__reentry_error(const char *function)
{
    return nr__fail(ERROR_POSSIBLE_DEADLOCK,
                    "%s() was called from inside plugin '%s' (%s); a plugin must not call back "
                    "into the router from one of its entry points",
                    function, hot.plugin ? hot.plugin : "?", hot.entry ? hot.entry : "?");
}

NR_PUBLIC DWORD nr_get_last_error(DWORD *code, char *text, size_t text_size, char *provider,
                                  size_t provider_size)
{
    if (code)
        *code = hot.set ? tls.code : WN_SUCCESS;
    copy_trunc(text, text_size, hot.set ? tls.text : "");
    copy_trunc(provider, provider_size, hot.set ? tls.provider : "");
    return WN_SUCCESS;
}
