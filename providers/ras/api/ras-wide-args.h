/*
 * ras-wide-args.h - the conversions every W form of the RAS API makes
 * (ras-wide.c, ras-entry-wide.c) on its way to the A form: a wide string
 * argument, and a wide member of a W structure.  Conversions themselves are
 * router/common's wide.h.  Internal; reentrant.
 */
#ifndef NR_RAS_WIDE_ARGS_H
#define NR_RAS_WIDE_ARGS_H

#include <stdbool.h>
#include <stddef.h>
#include <netrouter/ras.h>

/* A UTF-8 copy of wide argument w in *out (free it; NULL stays NULL): 0,
 * ERROR_ALLOCATING_MEMORY, or ERROR_INVALID_PARAMETER (w is not Unicode
 * text; the calling thread's detail says so). */
__attribute__((visibility("hidden"))) DWORD nr_ras_wide_arg(LPCWSTR w, char **out);

/* The UTF-8 form of w (a wide member of count characters) in a (size
 * bytes): false when w has no NUL, is not Unicode or does not fit. */
__attribute__((visibility("hidden"))) bool nr_ras_wide_member(const wchar_t *w, size_t count, char *a, size_t size);

#endif
