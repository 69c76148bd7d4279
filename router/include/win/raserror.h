/*
 * win/raserror.h - the porting header that stands where Windows'
 * <raserror.h> does: the RAS error codes (RASBASE 600 to RASBASEEND) with
 * Windows' names and values, whose texts RasGetErrorString returns.  Names
 * only.
 *
 * The codes live in <netrouter/raserror.h>; a netrouter older than that
 * header has them in <netrouter/ras.h>, which this one then includes.
 *
 * Thread safety and ownership: none apply; this header declares no
 * functions.
 */
#ifndef NETROUTER_WIN_RASERROR_H
#define NETROUTER_WIN_RASERROR_H

#if defined(__has_include)
#if __has_include(<netrouter/raserror.h>)
#include <netrouter/raserror.h>
#define NR_WIN_HAVE_RASERROR 1
#endif
#endif
#ifndef NR_WIN_HAVE_RASERROR
#include <netrouter/ras.h>
#endif

#endif /* NETROUTER_WIN_RASERROR_H */
