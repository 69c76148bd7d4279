/*
 * netrouter/winnetwk.h - the Windows WNet API (mpr.dll) over the router.
 *
 * An application written for Windows calls WNetAddConnection2,
 * WNetGetConnection, WNetOpenEnum, ... exactly as there.  Every function has
 * an A form (strings are UTF-8 char) and a W form (strings are wchar_t, so
 * L"..." and the wcs* functions of the C library work); the plain name is
 * the W form when UNICODE is defined, the A form otherwise, as in the
 * Windows headers.  The W forms convert at the boundary and call the A form.
 *
 *     #include <netrouter/winnetwk.h>
 *
 *     NETRESOURCE nr = { .dwType = RESOURCETYPE_DISK,
 *                        .lpLocalName = TEXT("/home/me/data"),
 *                        .lpRemoteName = TEXT("link:/srv/data") };
 *     DWORD rc = WNetAddConnection2(&nr, NULL, NULL, CONNECT_UPDATE_PROFILE);
 *
 * The router: every function works on one router of the process.  Unless
 * the application installs its own with nr_wnet_set_router(), the first call
 * creates a default router exactly as the netrouter command does (plugins
 * from $NETROUTER_PLUGIN_PATH or the default search path, the store in
 * $NETROUTER_STATE_DIR or the default state directory, log lines on standard
 * error only when NETROUTER_DEBUG asks for them); it lives until the
 * process ends.  If it cannot be created, the call returns nr_router_new()'s
 * code and the next call tries again.
 *
 * Conventions (as on Windows, per function in its manual page):
 *  - Returns NO_ERROR (WN_SUCCESS) or a WN_* / ERROR_* code of npapi.h; the
 *    extended error of the calling thread is read with WNetGetLastError().
 *  - Buffer sizes are in characters (A: bytes of UTF-8, W: wchar_t) for
 *    WNetGetConnection, WNetGetUser, WNetUseConnection, WNetGetProviderName
 *    and WNetGetLastError; in bytes for WNetGetUniversalName,
 *    WNetEnumResource, WNetGetResourceInformation and WNetGetResourceParent.
 *    A buffer that is too small gives ERROR_MORE_DATA with the size needed
 *    stored; on any other error the size is left untouched.
 *  - A W string that holds no Unicode text (a surrogate, a value beyond
 *    U+10FFFF) gives ERROR_INVALID_PARAMETER; a name the router holds that
 *    cannot become wide gives ERROR_NO_UNICODE_TRANSLATION.
 *  - Add and cancel calls notify the notifiers before and after, as
 *    nr_add_connection() and nr_cancel_connection() do.
 *  - Every function is thread-safe (an enumeration handle is used by one
 *    thread at a time).
 */
#ifndef NETROUTER_WINNETWK_H
#define NETROUTER_WINNETWK_H

#include <netrouter/npapi.h>
#include <netrouter/netrouter.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef ERROR_NO_UNICODE_TRANSLATION
#define ERROR_NO_UNICODE_TRANSLATION 1113u
#endif

/* WNetGetNetworkInformation */
typedef struct _NETINFOSTRUCT {
    DWORD cbStructure;       /* sizeof(NETINFOSTRUCT), set by the caller */
    DWORD dwProviderVersion; /* NPGetCaps(WNNC_DRIVER_VERSION) */
    DWORD dwStatus;          /* NO_ERROR: the provider is loaded and running */
    DWORD dwCharacteristics; /* NETINFO_* bits */
    ULONG_PTR dwHandle;      /* an opaque number of the provider (its position) */
    WORD wNetType;           /* the high word of its WNNC_NET_* type */
    DWORD dwPrinters;        /* local names it may redirect for printers (-1: any) */
    DWORD dwDrives;          /* local names it may redirect for disks (-1: any) */
} NETINFOSTRUCT, *LPNETINFOSTRUCT;

#define NETINFO_DLL16      0x00000001u
#define NETINFO_DISKRED    0x00000004u
#define NETINFO_PRINTERRED 0x00000008u

/* ---- connections ----------------------------------------------------------------- */

NR_PUBLIC DWORD WINAPI WNetAddConnectionA(LPCSTR lpRemoteName, LPCSTR lpPassword, LPCSTR lpLocalName);
NR_PUBLIC DWORD WINAPI WNetAddConnectionW(LPCWSTR lpRemoteName, LPCWSTR lpPassword, LPCWSTR lpLocalName);
NR_PUBLIC DWORD WINAPI WNetAddConnection2A(LPNETRESOURCEA lpNetResource, LPCSTR lpPassword, LPCSTR lpUserName,
                                           DWORD dwFlags);
NR_PUBLIC DWORD WINAPI WNetAddConnection2W(LPNETRESOURCEW lpNetResource, LPCWSTR lpPassword, LPCWSTR lpUserName,
                                           DWORD dwFlags);
NR_PUBLIC DWORD WINAPI WNetAddConnection3A(HWND hwndOwner, LPNETRESOURCEA lpNetResource, LPCSTR lpPassword,
                                           LPCSTR lpUserName, DWORD dwFlags);
NR_PUBLIC DWORD WINAPI WNetAddConnection3W(HWND hwndOwner, LPNETRESOURCEW lpNetResource, LPCWSTR lpPassword,
                                           LPCWSTR lpUserName, DWORD dwFlags);
NR_PUBLIC DWORD WINAPI WNetUseConnectionA(HWND hwndOwner, LPNETRESOURCEA lpNetResource, LPCSTR lpPassword,
                                          LPCSTR lpUserId, DWORD dwFlags, LPSTR lpAccessName,
                                          LPDWORD lpBufferSize, LPDWORD lpResult);
NR_PUBLIC DWORD WINAPI WNetUseConnectionW(HWND hwndOwner, LPNETRESOURCEW lpNetResource, LPCWSTR lpPassword,
                                          LPCWSTR lpUserId, DWORD dwFlags, LPWSTR lpAccessName,
                                          LPDWORD lpBufferSize, LPDWORD lpResult);
NR_PUBLIC DWORD WINAPI WNetCancelConnectionA(LPCSTR lpName, BOOL fForce);
NR_PUBLIC DWORD WINAPI WNetCancelConnectionW(LPCWSTR lpName, BOOL fForce);
NR_PUBLIC DWORD WINAPI WNetCancelConnection2A(LPCSTR lpName, DWORD dwFlags, BOOL fForce);
NR_PUBLIC DWORD WINAPI WNetCancelConnection2W(LPCWSTR lpName, DWORD dwFlags, BOOL fForce);
NR_PUBLIC DWORD WINAPI WNetRestoreConnectionA(HWND hwndParent, LPCSTR lpDevice);
NR_PUBLIC DWORD WINAPI WNetRestoreConnectionW(HWND hwndParent, LPCWSTR lpDevice);

/* ---- queries ------------------------------------------------------------------------ */

NR_PUBLIC DWORD WINAPI WNetGetConnectionA(LPCSTR lpLocalName, LPSTR lpRemoteName, LPDWORD lpnLength);
NR_PUBLIC DWORD WINAPI WNetGetConnectionW(LPCWSTR lpLocalName, LPWSTR lpRemoteName, LPDWORD lpnLength);
NR_PUBLIC DWORD WINAPI WNetGetUserA(LPCSTR lpName, LPSTR lpUserName, LPDWORD lpnLength);
NR_PUBLIC DWORD WINAPI WNetGetUserW(LPCWSTR lpName, LPWSTR lpUserName, LPDWORD lpnLength);
NR_PUBLIC DWORD WINAPI WNetGetUniversalNameA(LPCSTR lpLocalPath, DWORD dwInfoLevel, LPVOID lpBuffer,
                                             LPDWORD lpBufferSize);
NR_PUBLIC DWORD WINAPI WNetGetUniversalNameW(LPCWSTR lpLocalPath, DWORD dwInfoLevel, LPVOID lpBuffer,
                                             LPDWORD lpBufferSize);
NR_PUBLIC DWORD WINAPI WNetGetResourceInformationA(LPNETRESOURCEA lpNetResource, LPVOID lpBuffer,
                                                   LPDWORD lpcbBuffer, LPSTR *lplpSystem);
NR_PUBLIC DWORD WINAPI WNetGetResourceInformationW(LPNETRESOURCEW lpNetResource, LPVOID lpBuffer,
                                                   LPDWORD lpcbBuffer, LPWSTR *lplpSystem);
NR_PUBLIC DWORD WINAPI WNetGetResourceParentA(LPNETRESOURCEA lpNetResource, LPVOID lpBuffer, LPDWORD lpcbBuffer);
NR_PUBLIC DWORD WINAPI WNetGetResourceParentW(LPNETRESOURCEW lpNetResource, LPVOID lpBuffer, LPDWORD lpcbBuffer);
NR_PUBLIC DWORD WINAPI WNetGetProviderNameA(DWORD dwNetType, LPSTR lpProviderName, LPDWORD lpBufferSize);
NR_PUBLIC DWORD WINAPI WNetGetProviderNameW(DWORD dwNetType, LPWSTR lpProviderName, LPDWORD lpBufferSize);
NR_PUBLIC DWORD WINAPI WNetGetNetworkInformationA(LPCSTR lpProvider, LPNETINFOSTRUCT lpNetInfoStruct);
NR_PUBLIC DWORD WINAPI WNetGetNetworkInformationW(LPCWSTR lpProvider, LPNETINFOSTRUCT lpNetInfoStruct);
NR_PUBLIC DWORD WINAPI WNetGetLastErrorA(LPDWORD lpError, LPSTR lpErrorBuf, DWORD nErrorBufSize, LPSTR lpNameBuf,
                                         DWORD nNameBufSize);
NR_PUBLIC DWORD WINAPI WNetGetLastErrorW(LPDWORD lpError, LPWSTR lpErrorBuf, DWORD nErrorBufSize,
                                         LPWSTR lpNameBuf, DWORD nNameBufSize);

/* The provider side of the extended error (Windows declares it in npapi.h;
 * WNetSetLastError(3)): a provider ported from Windows that links
 * libnetrouter calls it, then returns WN_EXTENDED_ERROR from its entry
 * point.  Records err, the text lpError (NULL: the code's text) and the
 * provider name lpProviders (NULL: the plugin being called on this thread)
 * as the calling thread's extended error, exactly as the plugin host's
 * pfnSetLastError does; WNetGetLastError and nr_get_last_error read it.
 * The strings are copied (text cut at 1023 bytes, name at 255); a W string
 * that is no Unicode text counts as NULL.  Thread-safe (per-thread state);
 * never fails; callable from inside a plugin's entry point. */
NR_PUBLIC VOID WINAPI WNetSetLastErrorA(DWORD err, LPSTR lpError, LPSTR lpProviders);
NR_PUBLIC VOID WINAPI WNetSetLastErrorW(DWORD err, LPWSTR lpError, LPWSTR lpProviders);

/* ---- enumeration ---------------------------------------------------------------------- */

/* A handle of WNetOpenEnumA or W serves WNetEnumResourceA and
 * WNetEnumResourceW alike (they read one position); WNetCloseEnum (one form,
 * as on Windows) frees either.  One thread at a time per handle; a handle
 * must not be used after WNetCloseEnum. */
NR_PUBLIC DWORD WINAPI WNetOpenEnumA(DWORD dwScope, DWORD dwType, DWORD dwUsage, LPNETRESOURCEA lpNetResource,
                                     LPHANDLE lphEnum);
NR_PUBLIC DWORD WINAPI WNetOpenEnumW(DWORD dwScope, DWORD dwType, DWORD dwUsage, LPNETRESOURCEW lpNetResource,
                                     LPHANDLE lphEnum);
NR_PUBLIC DWORD WINAPI WNetEnumResourceA(HANDLE hEnum, LPDWORD lpcCount, LPVOID lpBuffer, LPDWORD lpBufferSize);
NR_PUBLIC DWORD WINAPI WNetEnumResourceW(HANDLE hEnum, LPDWORD lpcCount, LPVOID lpBuffer, LPDWORD lpBufferSize);
NR_PUBLIC DWORD WINAPI WNetCloseEnum(HANDLE hEnum);

/* ---- the router behind them (netrouter extensions, not Windows API) --------------------- */

/**
 * Installs router as the one every WNet function of the process uses from
 * the next call on, instead of the default router; NULL returns to the
 * default router.  The caller keeps ownership: the library never frees it,
 * and the caller must not free it while a WNet call on it may be running or
 * while it is installed.  Returns the router installed before (NULL when it
 * was the default).  Thread-safe.
 */
NR_PUBLIC nr_router *nr_wnet_set_router(nr_router *router);

/**
 * The router the WNet functions use: the one installed with
 * nr_wnet_set_router(), else the default router, created now if it does not
 * exist yet (NULL, with the last error set, when it cannot be created).  The
 * default router is owned by the library and lives until the process ends:
 * never free it.  Thread-safe.
 */
NR_PUBLIC nr_router *nr_wnet_get_router(void);

/* ---- the plain names ---------------------------------------------------------------------- */

#ifdef UNICODE
#define WNetAddConnection WNetAddConnectionW
#define WNetAddConnection2 WNetAddConnection2W
#define WNetAddConnection3 WNetAddConnection3W
#define WNetUseConnection WNetUseConnectionW
#define WNetCancelConnection WNetCancelConnectionW
#define WNetCancelConnection2 WNetCancelConnection2W
#define WNetRestoreConnection WNetRestoreConnectionW
#define WNetGetConnection WNetGetConnectionW
#define WNetGetUser WNetGetUserW
#define WNetGetUniversalName WNetGetUniversalNameW
#define WNetGetResourceInformation WNetGetResourceInformationW
#define WNetGetResourceParent WNetGetResourceParentW
#define WNetGetProviderName WNetGetProviderNameW
#define WNetGetNetworkInformation WNetGetNetworkInformationW
#define WNetGetLastError WNetGetLastErrorW
#define WNetSetLastError WNetSetLastErrorW
#define WNetOpenEnum WNetOpenEnumW
#define WNetEnumResource WNetEnumResourceW
#else
#define WNetAddConnection WNetAddConnectionA
#define WNetAddConnection2 WNetAddConnection2A
#define WNetAddConnection3 WNetAddConnection3A
#define WNetUseConnection WNetUseConnectionA
#define WNetCancelConnection WNetCancelConnectionA
#define WNetCancelConnection2 WNetCancelConnection2A
#define WNetRestoreConnection WNetRestoreConnectionA
#define WNetGetConnection WNetGetConnectionA
#define WNetGetUser WNetGetUserA
#define WNetGetUniversalName WNetGetUniversalNameA
#define WNetGetResourceInformation WNetGetResourceInformationA
#define WNetGetResourceParent WNetGetResourceParentA
#define WNetGetProviderName WNetGetProviderNameA
#define WNetGetNetworkInformation WNetGetNetworkInformationA
#define WNetGetLastError WNetGetLastErrorA
#define WNetSetLastError WNetSetLastErrorA
#define WNetOpenEnum WNetOpenEnumA
#define WNetEnumResource WNetEnumResourceA
#endif

#ifdef __cplusplus
}
#endif

#endif /* NETROUTER_WINNETWK_H */
