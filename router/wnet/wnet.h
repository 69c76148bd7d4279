/*
 * wnet.h - what the files of router/wnet/ (the WNet API of <netrouter/winnetwk.h>)
 * share: the router they work on, the enumeration handle, and the W layer's
 * converters.  Internal to libnetrouter.
 *
 * The files, lowest first: wnet-router.c (which router), wnet-connect.c,
 * wnet-query.c, wnet-enum.c (the A forms over the nr_* API), wnet-wide.c
 * (conversion helpers of the W forms), then wnet-wide-connect.c,
 * wnet-wide-query.c and wnet-wide-enum.c (the W forms, each calling the A
 * form), and wnet-seterror.c (WNetSetLastError, over lasterror.c and
 * wnet-wide.c).  A lower file never calls a higher one.
 */
#ifndef NR_WNET_H
#define NR_WNET_H

#include <wchar.h>

#include <netrouter/winnetwk.h>

#include "internal.h"

/* ---- wnet-router.c ------------------------------------------------------------- */
/* The router of the WNet calls (the installed one, else the default one,
 * created on first use); its creation error otherwise (last error set). */
NR_INTERNAL DWORD nr__wnet_router(nr_router **out);

/* ---- wnet-enum.c ---------------------------------------------------------------- */
/* The enumeration behind a WNetOpenEnum handle, NULL when h is not one. */
NR_INTERNAL nr_enum *nr__wnet_enum_of(HANDLE h);

/* ---- wnet-wide.c: the W forms' conversions (router/common/wide.h underneath) ----- */
/* A new UTF-8 copy of w (NULL for NULL) in *out; WN_BAD_VALUE (last error
 * set, naming what) when w is no Unicode text, WN_OUT_OF_MEMORY. */
NR_INTERNAL DWORD nr__wnet_utf8(const wchar_t *w, const char *what, char **out);
/* A NETRESOURCEA with UTF-8 copies of w's strings; free with nr__wnet_res_free(). */
NR_INTERNAL DWORD nr__wnet_res_utf8(const NETRESOURCEW *w, NETRESOURCEA *a);
NR_INTERNAL void nr__wnet_res_free(NETRESOURCEA *a);
/* Wide characters of UTF-8 s with its NUL; 0 when s cannot become wide. */
NR_INTERNAL size_t nr__wnet_wide_size(const char *s);
/* Copies UTF-8 s as wide text into buf of *length characters, Windows
 * style: WN_MORE_DATA and the characters needed in *length when buf is
 * NULL or too small; ERROR_NO_UNICODE_TRANSLATION when s is not UTF-8. */
NR_INTERNAL DWORD nr__wnet_copy_wide(const char *s, wchar_t *buf, DWORD *length);
/* Calls fn(ctx, buf, &len) with a buffer that grows until it fits; the
 * UTF-8 result in *out (malloc'ed) and fn's code.  *out is NULL unless
 * the code is WN_SUCCESS or `also` (another code that carries a result). */
typedef DWORD (*nr_wnet_fetch_fn)(void *ctx, void *buf, DWORD *len);
NR_INTERNAL DWORD nr__wnet_fetch(nr_wnet_fetch_fn fn, void *ctx, DWORD also, void **out);
/* Writes NETRESOURCEW strings packed from *end down; NULL for NULL. */
NR_INTERNAL wchar_t *nr__wnet_pack_wide(char **end, const char *s);
/* Bytes a NETRESOURCEW copy of a takes with its strings (0: not wide-able). */
NR_INTERNAL size_t nr__wnet_res_wide_size(const NETRESOURCEA *a);
/* Fills *w from a, packing the strings from *end down. */
NR_INTERNAL void nr__wnet_res_wide(const NETRESOURCEA *a, NETRESOURCEW *w, char **end);

#endif
