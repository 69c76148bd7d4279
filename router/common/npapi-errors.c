/*
 * npapi-errors.c - code -> name and code -> text for the codes of
 * <netrouter/npapi.h>, from the list the build generates out of that header
 * (see npapi-errors.h).  A switch, so that two codes of the same value
 * would not even compile.
 */
#include "config.h"

#include <stddef.h>

#include "npapi-errors.h"
#include "router/common/npapi-errlist.h"

const char *nr_npapi_error_name(DWORD code)
{
    switch (code) {
#define XX(name, text) \
    case name: return #name;
        NR_NPAPI_ERRORS(XX)
#undef XX
    }
    return NULL;
}

const char *nr_npapi_error_text(DWORD code)
{
    switch (code) {
#define XX(name, text) \
    case name: return text;
        NR_NPAPI_ERRORS(XX)
#undef XX
    }
    return NULL;
}
