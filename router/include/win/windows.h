/*
 * win/windows.h - the porting header that stands where Windows' <windows.h>
 * does, for sources built with `pkg-config --cflags netrouter-win`.
 *
 * Names and types only, never Win32 functions: the base types of
 * <netrouter/wintypes.h> (DWORD, BOOL, BYTE, WORD, WCHAR, TCHAR, LPTSTR,
 * TEXT(), VOID, WINAPI, APIENTRY, CALLBACK, ...), the error codes of
 * <winerror.h> and the WNet names of <winnetwk.h>, which Windows' windows.h
 * includes too, and the few spellings of Windows' windef.h and winnt.h that
 * network code meets (MAX_PATH, CONST, UNREFERENCED_PARAMETER, ...).  A
 * call to a Win32 function (LocalAlloc, lstrcpy, MultiByteToWideChar, ...)
 * stays undeclared and fails to compile; netrouter-plugin(7), "Porting
 * from Windows", gives the one-line replacements.
 *
 * Thread safety and ownership: none apply; this header declares no
 * functions of its own.
 */
#ifndef NETROUTER_WIN_WINDOWS_H
#define NETROUTER_WIN_WINDOWS_H

#include <netrouter/wintypes.h>
#include "winerror.h"
#include "winnetwk.h"

/** The longest path Windows' fixed-size buffers hold (260, as on Windows;
 *  a Linux path may be longer: PATH_MAX of <limits.h> is 4096). */
#ifndef MAX_PATH
#define MAX_PATH 260
#endif

#ifndef CONST
#define CONST const
#endif
#ifndef FAR
#define FAR
#endif
#ifndef NEAR
#define NEAR
#endif
#ifndef PASCAL
#define PASCAL
#endif

/** Marks a parameter used on purpose by nothing (as in winnt.h). */
#ifndef UNREFERENCED_PARAMETER
#define UNREFERENCED_PARAMETER(P) ((void)(P))
#endif

/** The invalid handle of CreateFile and RasConnectionNotification. */
#ifndef INVALID_HANDLE_VALUE
#define INVALID_HANDLE_VALUE ((HANDLE)(intptr_t)-1)
#endif

#endif /* NETROUTER_WIN_WINDOWS_H */
