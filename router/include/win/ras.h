/*
 * win/ras.h - the porting header that stands where Windows' <ras.h> does:
 * netrouter's RAS client API <netrouter/ras.h> (RasDial, RasHangUp,
 * RasGetConnectStatus, RasGetErrorString, ..., the RASDIALPARAMS family,
 * RASCS_* states and RASDIALFUNC* callbacks, with Windows' names and
 * values).  Names only.  Link with -lnetrouter-ras (the netrouter-win
 * pkg-config module does).
 *
 * As on Windows, the ERROR_SUCCESS a client compares with comes from
 * <windows.h> (<winerror.h>), and the RAS error codes from <raserror.h>.
 *
 * Thread safety and ownership: see <netrouter/ras.h>.
 */
#ifndef NETROUTER_WIN_RAS_H
#define NETROUTER_WIN_RAS_H

#include <netrouter/ras.h>

#endif /* NETROUTER_WIN_RAS_H */
