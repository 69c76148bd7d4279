/*
 * log.c - where a router's log lines go: to the application's log
 * function when it gave one, else to standard error when NETROUTER_DEBUG
 * asks for every debug line, else nowhere.
 *
 * A leaf of the library: it calls nothing of it, so every other file (the
 * router object, discovery, the loader, dispatch, the store) may log
 * without calling back into the file that created the router.
 */
#include "config.h"

#include <stdio.h>

#include "env.h"
#include "internal.h"

void nr__logger_init(nr_logger *lg, nr_log_fn fn, void *user)
{
    *lg = (nr_logger){ .fn = fn, .user = user, .debug = nr_debug_requested() };
}

void nr__logv(const nr_logger *lg, DWORD level, const char *plugin, const char *fmt, va_list ap)
{
    char buf[1024];
    if (!lg->fn && !lg->debug)
        return;
    vsnprintf(buf, sizeof buf, fmt, ap);
    if (lg->fn)
        lg->fn(lg->user, level, plugin, buf);
    else
        fprintf(stderr, "netrouter: %s%s%s\n", plugin ? plugin : "", plugin ? ": " : "", buf);
}

void nr__log(const nr_logger *lg, DWORD level, const char *plugin, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    nr__logv(lg, level, plugin, fmt, ap);
    va_end(ap);
}
