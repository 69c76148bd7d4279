/*
 * win/npapi.h - the porting header that stands where Windows' <npapi.h>
 * does: netrouter's <netrouter/npapi.h> (every NP* entry point, NOTIFY*
 * structure, WNNC_* capability and network type with Windows' values; a
 * plugin built with UNICODE gets the wide structures and is marked as a
 * wide plugin), and the few names of Windows' npapi.h that belong to
 * entry points netrouter never calls; and WNetSetLastError, which a
 * provider calls (declared with the WNet API of <netrouter/winnetwk.h>,
 * in libnetrouter).
 *
 * On Windows a provider includes <windows.h> before <npapi.h>; both orders
 * work here.
 *
 * Thread safety and ownership: see <netrouter/npapi.h> and, for
 * WNetSetLastError, <netrouter/winnetwk.h>.
 */
#ifndef NETROUTER_WIN_NPAPI_H
#define NETROUTER_WIN_NPAPI_H

#include <netrouter/npapi.h>
/* Windows' npapi.h declares WNetSetLastError, which netrouter keeps with
 * the rest of the WNet API. */
#include "winnetwk.h"

/* Credential managers (NPLogonNotify, NPPasswordChangeNotify): netrouter
 * calls none, so these are accepted names only.  They live here, not in
 * <netrouter/npapi.h>, whose WN_* names are all status codes. */
#ifndef WN_NETWORK_CLASS
#define WN_NETWORK_CLASS         0x00000001u
#define WN_CREDENTIAL_CLASS      0x00000002u
#define WN_PRIMARY_AUTHENT_CLASS 0x00000004u
#define WN_SERVICE_CLASS         0x00000008u
#define WN_VALID_LOGON_ACCOUNT   0x00000001u
#define WN_NT_PASSWORD_CHANGED   0x00000002u
#endif

#endif /* NETROUTER_WIN_NPAPI_H */
