/*
 * win/winnetwk.h - the porting header that stands where Windows'
 * <winnetwk.h> does: the WNet API (WNetAddConnection2, WNetGetConnection,
 * WNetOpenEnum, ... in A and W forms, the plain names chosen by UNICODE)
 * of <netrouter/winnetwk.h>, with the NETRESOURCE structures, RESOURCE*,
 * CONNECT_*, WNNC_NET_* and WN_* names of <netrouter/npapi.h>.  Names
 * only; Windows' <windows.h> includes it, and so does ours.
 *
 * Until a netrouter without <netrouter/winnetwk.h> is gone (it came with
 * the WNet API), this header falls back to <netrouter/npapi.h>, which has
 * every name but the WNet functions.
 *
 * Thread safety and ownership: see <netrouter/winnetwk.h>.
 */
#ifndef NETROUTER_WIN_WINNETWK_H
#define NETROUTER_WIN_WINNETWK_H

#if defined(__has_include)
#if __has_include(<netrouter/winnetwk.h>)
#include <netrouter/winnetwk.h>
#define NR_WIN_HAVE_WNET 1
#endif
#endif
#ifndef NR_WIN_HAVE_WNET
#include <netrouter/npapi.h>
#endif

#endif /* NETROUTER_WIN_WINNETWK_H */
