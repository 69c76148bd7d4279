/*
 * npapi-errors.h - the name and the fixed English text of every WN_* /
 * ERROR_* code of <netrouter/npapi.h>.
 *
 * Both come from the one list written in npapi.h itself (each code's text
 * is the comment on its #define): the build turns it into an X-macro list
 * (scripts/errlist.awk -> router/common/npapi-errlist.h in the build tree),
 * so that a code, its name and its text cannot drift apart.
 *
 * Shared by libnetrouter (nr_strerror), the netrouter command (the
 * "error_name" of its JSON output) and the log notifier; internal, never
 * exported.  Pure look-ups: reentrant, callable from anywhere.
 */
#ifndef NR_COMMON_NPAPI_ERRORS_H
#define NR_COMMON_NPAPI_ERRORS_H

#include <netrouter/npapi.h>

/* The name of code as a program would write it: its WN_* name when npapi.h
 * gives it one (87 -> "WN_BAD_VALUE", the first when there are several),
 * else its ERROR_* name (1131 -> "ERROR_POSSIBLE_DEADLOCK").  NULL for a
 * code npapi.h does not define. */
__attribute__((visibility("hidden"))) const char *nr_npapi_error_name(DWORD code);

/* The fixed English text of code (67 -> "The network name cannot be
 * found."), or NULL for a code npapi.h does not define. */
__attribute__((visibility("hidden"))) const char *nr_npapi_error_text(DWORD code);

#endif
