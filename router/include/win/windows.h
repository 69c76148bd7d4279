/*
 * win/windows.h - the porting header that stands where Windows' <windows.h>
 * does, for sources built with `pkg-config --cflags netrouter-win`.
 *
 * Names and types only, never Win32 functions: the base types of
 * <netrouter/wintypes.h> (DWORD, BOOL, BYTE, WORD, WCHAR, TCHAR, LPTSTR,
 * TEXT(), VOID, WINAPI, APIENTRY, CALLBACK, ...), the error codes of
 * <winerror.h> and the WNet names of <winnetwk.h>, which Windows' windows.h
 * includes too, and the few spellings of Windows' windef.h and winnt.h that
 * network code meets (MAX_PATH, CONST, UNREFERENCED_PARAMETER, BOOLEAN,
 * UINT_PTR, LPARAM, HRESULT, S_OK, LOWORD, ARRAYSIZE, ZeroMemory, ...).
 * The few macros that Windows defines over a C library function (ZeroMemory
 * and its kin are memset, memcpy and memmove there too) map to the same
 * function here, and so do the C runtime's underscore names (_stricmp,
 * _wcsicmp, _wcsdup, _snwprintf, ...); __cdecl and __stdcall mark nothing,
 * and __declspec(dllexport) exports.  A
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

#include <stdio.h>   /* snprintf: _snprintf */
#include <string.h>  /* memset, memcpy, memmove: ZeroMemory and its kin; strdup */
#include <strings.h> /* strcasecmp: _stricmp */
#include <wchar.h>   /* wcscasecmp, wcsdup, swprintf: _wcsicmp, _wcsdup, _snwprintf */

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

/* ---- more base types (winnt.h, basetsd.h, minwindef.h) --------------------------- */
/* A typedef repeated with the same type is allowed in C11, so a later
 * <netrouter/wintypes.h> that has these too does not clash. */
typedef BYTE BOOLEAN;
typedef BOOLEAN *PBOOLEAN;
typedef intptr_t INT_PTR;
typedef uintptr_t UINT_PTR;
typedef INT_PTR *PINT_PTR;
typedef UINT_PTR *PUINT_PTR;
/** The message parameters of a window procedure, kept as the integers
 *  that a ported callback passes along. */
typedef UINT_PTR WPARAM;
typedef LONG_PTR LPARAM;
typedef LONG_PTR LRESULT;
/** A COM-style status: negative is failure. */
typedef LONG HRESULT;

/* ---- HRESULT tests (winerror.h) ---------------------------------------------------- */
#ifndef S_OK
#define S_OK ((HRESULT)0)
#endif
#ifndef S_FALSE
#define S_FALSE ((HRESULT)1)
#endif
#ifndef SUCCEEDED
#define SUCCEEDED(hr) (((HRESULT)(hr)) >= 0)
#endif
#ifndef FAILED
#define FAILED(hr) (((HRESULT)(hr)) < 0)
#endif

/* ---- words and bytes (minwindef.h) --------------------------------------------------- */
#ifndef LOWORD
#define LOWORD(l) ((WORD)(((DWORD_PTR)(l)) & 0xffff))
#define HIWORD(l) ((WORD)((((DWORD_PTR)(l)) >> 16) & 0xffff))
#define LOBYTE(w) ((BYTE)(((DWORD_PTR)(w)) & 0xff))
#define HIBYTE(w) ((BYTE)((((DWORD_PTR)(w)) >> 8) & 0xff))
#define MAKEWORD(a, b) ((WORD)(((BYTE)(((DWORD_PTR)(a)) & 0xff)) | ((WORD)((BYTE)(((DWORD_PTR)(b)) & 0xff))) << 8))
#define MAKELONG(a, b) \
    ((LONG)(((WORD)(((DWORD_PTR)(a)) & 0xffff)) | ((DWORD)((WORD)(((DWORD_PTR)(b)) & 0xffff))) << 16))
#endif

/* ---- array length (winnt.h; _countof of the C runtime's stdlib.h) ------------------ */
/* The number of elements of array A.  As with Windows' C++ form, a pointer
 * (an array that decayed, a parameter) does not compile instead of giving
 * a wrong count. */
#ifndef ARRAYSIZE
#define ARRAYSIZE(A) \
    (sizeof(A) / sizeof((A)[0]) + \
     0 * sizeof(char[1 - 2 * __builtin_types_compatible_p(__typeof__(A), __typeof__(&(A)[0]))]))
#endif
#ifndef _countof
#define _countof(A) ARRAYSIZE(A)
#endif

/* ---- memory blocks (winnt.h's RtlZeroMemory and kin, C library calls there too) ---- */
#ifndef ZeroMemory
#define ZeroMemory(Destination, Length) memset((Destination), 0, (Length))
#define CopyMemory(Destination, Source, Length) memcpy((Destination), (Source), (Length))
#define MoveMemory(Destination, Source, Length) memmove((Destination), (Source), (Length))
#define FillMemory(Destination, Length, Fill) memset((Destination), (Fill), (Length))
#endif

/* ---- calling conventions and storage classes (the compiler's keywords there) ------- */
/* Linux has one calling convention: these mark nothing. */
#ifndef __cdecl
#define __cdecl
#endif
#ifndef __stdcall
#define __stdcall
#endif
#ifndef __fastcall
#define __fastcall
#endif
/* __declspec(dllexport) exports an entry point, as the default visibility
 * does; dllimport, noreturn, thread, selectany and noinline keep their
 * meaning; any other __declspec fails to compile, naming itself
 * (NR_DECLSPEC_...), instead of losing its meaning unseen. */
#ifndef __declspec
#define __declspec(what) NR_DECLSPEC_##what
#define NR_DECLSPEC_dllexport __attribute__((visibility("default")))
#define NR_DECLSPEC_dllimport
#define NR_DECLSPEC_noreturn __attribute__((noreturn))
#define NR_DECLSPEC_thread __thread
#define NR_DECLSPEC_selectany __attribute__((weak))
#define NR_DECLSPEC_noinline __attribute__((noinline))
#endif

/* ---- the C runtime's underscore names (string.h, wchar.h, stdio.h there) ------------- */
/* The same C library functions under their POSIX names.  _snprintf, like
 * snprintf here, always ends the text with a NUL when size > 0 (Windows'
 * does not when the text fills the buffer). */
#ifndef _stricmp
#define _stricmp strcasecmp
#define _strnicmp strncasecmp
#define _strdup strdup
#define _wcsicmp wcscasecmp
#define _wcsnicmp wcsncasecmp
#define _wcsdup wcsdup
#define _snprintf snprintf
#define _snwprintf swprintf
#endif

#endif /* NETROUTER_WIN_WINDOWS_H */
