/*
 * errors.c - the small fixed-text look-ups of the public API: nr_strerror()
 * (the Windows system message text of a WN_* / ERROR_* code, from the one
 * list in npapi.h: router/common/npapi-errors.h), nr_version() and
 * nr_stage_name().
 *
 * Pure look-ups: no state, callable from anywhere, including inside plugins.
 */
#include "config.h"

#include <stdio.h>

#include "internal.h"
#include "npapi-errors.h"

NR_PUBLIC const char *nr_strerror(DWORD code)
{
    static __thread char unknown[48];
    const char *t = nr_npapi_error_text(code);
    if (t)
        return t;
    snprintf(unknown, sizeof unknown, "Unknown error %u.", (unsigned)code);
    return unknown;
}

NR_PUBLIC const char *nr_version(void)
{
    return PACKAGE_VERSION;
}

NR_PUBLIC const char *nr_stage_name(nr_stage stage)
{
    switch (stage) {
    case NR_STAGE_PARSE: return "parse";
    case NR_STAGE_SCHEMA: return "schema";
    case NR_STAGE_RESOLVE: return "resolve";
    case NR_STAGE_LOAD: return "load";
    case NR_STAGE_SYMBOL: return "symbol";
    case NR_STAGE_NEGOTIATE: return "negotiate";
    case NR_STAGE_INIT: return "init";
    case NR_STAGE_SEARCH: return "search";
    case NR_STAGE_CALL: return "call";
    case NR_STAGE_PLUGIN: return "plugin";
    }
    return "unknown";
}
