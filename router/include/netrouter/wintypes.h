/*
 * netrouter/wintypes.h - the Windows base types and spellings that
 * netrouter's public headers (npapi.h, winnetwk.h, ras.h) share.
 *
 * Names and types only, never Win32 functions.  The widths are Windows'
 * (DWORD and LONG are 32 bits on every Linux architecture, as on 64-bit
 * Windows).  A wide character is the platform's wchar_t, so L"..." literals
 * and the C library's wcs* functions work unchanged; on Linux a wchar_t is
 * 32 bits and holds one Unicode code point.  Narrow strings (CHAR, LPSTR)
 * are UTF-8.
 *
 * As on Windows, defining UNICODE before including any netrouter header
 * makes TCHAR a WCHAR, TEXT("x") the literal L"x", and the plain names of
 * the A/W structures and functions (NETRESOURCE, WNetAddConnection2,
 * RasDial, ...) their W forms; without UNICODE they are the A (UTF-8)
 * forms.  Define it (or not) the same way in every file of one program.
 *
 * Thread safety and ownership: none apply; this header declares no
 * functions.
 */
#ifndef NETROUTER_WINTYPES_H
#define NETROUTER_WINTYPES_H

#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Integers                                                                  */
/* ------------------------------------------------------------------------ */

typedef uint32_t DWORD;
typedef DWORD *LPDWORD, *PDWORD;
typedef int BOOL;
typedef BOOL *LPBOOL, *PBOOL;
typedef uint8_t BYTE;
typedef BYTE *LPBYTE, *PBYTE;
typedef uint16_t WORD;
typedef WORD *LPWORD, *PWORD;
typedef int32_t LONG;
typedef LONG *LPLONG, *PLONG;
typedef uint32_t ULONG;
typedef ULONG *PULONG;
typedef unsigned int UINT;
typedef int INT;
typedef uintptr_t ULONG_PTR;
typedef intptr_t LONG_PTR;
typedef ULONG_PTR DWORD_PTR, SIZE_T;
typedef int64_t LONGLONG;
typedef uint64_t ULONGLONG;

/* ------------------------------------------------------------------------ */
/* Pointers and handles                                                      */
/* ------------------------------------------------------------------------ */

#ifndef VOID
#define VOID void
#endif
typedef void *LPVOID, *PVOID;
typedef const void *LPCVOID;
typedef void *HANDLE;
typedef HANDLE *LPHANDLE, *PHANDLE;
/** An opaque owner token where Windows has a window handle; NULL for none. */
typedef void *HWND;
typedef void *HINSTANCE;

/* ------------------------------------------------------------------------ */
/* Characters and strings                                                    */
/* ------------------------------------------------------------------------ */

/** One byte of UTF-8 text. */
typedef char CHAR;
/** One wide character: the platform's wchar_t (UTF-32 on Linux). */
typedef wchar_t WCHAR;
/* LPWSTR is never a char *: in C, where handing one for the other is only
 * a warning by default, this header makes it an error for the code that
 * follows it (C++ refuses the conversion anyway). */
#if defined(__GNUC__) && !defined(__cplusplus)
#pragma GCC diagnostic error "-Wincompatible-pointer-types"
#endif
typedef CHAR *LPSTR, *PSTR;
typedef const CHAR *LPCSTR, *PCSTR;
typedef WCHAR *LPWSTR, *PWSTR;
typedef const WCHAR *LPCWSTR, *PCWSTR;

#ifdef UNICODE
typedef WCHAR TCHAR;
#define NR_TEXT_(s) L##s
#else
typedef CHAR TCHAR;
#define NR_TEXT_(s) s
#endif
typedef TCHAR *LPTSTR, *PTSTR;
typedef const TCHAR *LPCTSTR, *PCTSTR;
#ifndef TEXT
/** A string or character literal of the TCHAR kind: TEXT("x"). */
#define TEXT(s) NR_TEXT_(s)
#endif
#ifndef __TEXT
#define __TEXT(s) NR_TEXT_(s)
#endif

/* ------------------------------------------------------------------------ */
/* Spellings                                                                 */
/* ------------------------------------------------------------------------ */

#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif

/* Calling-convention markers of the Windows headers; empty on Linux. */
#ifndef APIENTRY
#define APIENTRY
#endif
#ifndef WINAPI
#define WINAPI
#endif
#ifndef CALLBACK
#define CALLBACK
#endif

#ifdef __cplusplus
}
#endif

#endif /* NETROUTER_WINTYPES_H */
