/*
 * nr-error.c - the error carrier and the one way to fill it (nr-error.h).
 */
#include "config.h"

#include <stdio.h>

#include "nr-error.h"

uint32_t nr_error_setv(nr_error *e, uint32_t code, uint32_t ext, const char *fmt, va_list ap)
{
    if (!e)
        return code;
    e->code = code;
    e->ext = ext;
    if (fmt)
        vsnprintf(e->detail, sizeof e->detail, fmt, ap);
    else
        e->detail[0] = '\0';
    return code;
}

uint32_t nr_error_set(nr_error *e, uint32_t code, uint32_t ext, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    nr_error_setv(e, code, ext, fmt, ap);
    va_end(ap);
    return code;
}

void nr_error_clear(nr_error *e)
{
    if (!e)
        return;
    e->code = 0;
    e->ext = 0;
    e->detail[0] = '\0';
}
