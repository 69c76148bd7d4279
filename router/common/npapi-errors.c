/*
 * npapi-errors.c - code -> name and code -> text for the codes of
 * <netrouter/npapi.h>, from the list the build generates out of that header
 * (see npapi-errors.h; the functions are errlist.h's).
 */
#include "config.h"

#include "errlist.h"
#include "npapi-errors.h"
#include "npapi-errlist.h"

NR_ERRLIST_FUNCTIONS(nr_npapi_error_name, nr_npapi_error_text, NR_NPAPI_ERRORS)
