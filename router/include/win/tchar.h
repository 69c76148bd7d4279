/*
 * win/tchar.h - the porting header that stands where the C runtime's
 * <tchar.h> does: the _TCHAR type, the _T() and _TEXT() literals and the
 * generic-text names of the C library functions, chosen by _UNICODE as on
 * Windows (wide: the wcs* functions of <wchar.h>; otherwise the str*
 * functions of <string.h>).  Names only; every name maps to a standard C
 * function, never to a Win32 one.
 *
 * Two differences a porter meets: Linux has no wmain, so a program keeps
 * main(int, char **) and converts its arguments (mbstowcs in a UTF-8
 * locale); and the wide printf family of the C standard reads %s as a
 * narrow string and %ls as a wide one (Microsoft's reads %s as wide in
 * wprintf): write %ls for a WCHAR string, and %s for a CHAR one, in both.
 *
 * Three names are left out on purpose, because no C function takes their
 * arguments: _stprintf (Microsoft's swprintf without a size; C's swprintf
 * needs one) - write _stprintf_s(buf, count, fmt, ...) or _sntprintf, both
 * swprintf / snprintf here; _tcstok (two arguments, C's wcstok needs a
 * third for its state) - write _tcstok_s(str, delim, &context), wcstok /
 * strtok_r here; and _tmain / wmain (see above).  A call to a missing one
 * fails to compile rather than run wrongly.
 *
 * Thread safety and ownership: those of the C functions named.
 */
#ifndef NETROUTER_WIN_TCHAR_H
#define NETROUTER_WIN_TCHAR_H

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>
#include <wctype.h>

#ifdef _UNICODE
typedef wchar_t _TCHAR;
typedef wchar_t _TSCHAR;
typedef wchar_t _TUCHAR;
typedef wchar_t _TXCHAR;
typedef wint_t _TINT;
#define __T(x) L##x
#define _TEOF WEOF
#define _tcslen wcslen
#define _tcscpy wcscpy
#define _tcsncpy wcsncpy
#define _tcscat wcscat
#define _tcsncat wcsncat
#define _tcscmp wcscmp
#define _tcsncmp wcsncmp
#define _tcsicmp wcscasecmp
#define _tcsnicmp wcsncasecmp
#define _tcschr wcschr
#define _tcsrchr wcsrchr
#define _tcsstr wcsstr
#define _tcsspn wcsspn
#define _tcscspn wcscspn
#define _tcspbrk wcspbrk
#define _tcsdup wcsdup
#define _tcstol wcstol
#define _tcstoul wcstoul
#define _tcsnlen wcsnlen
#define _tcstok_s wcstok
#define _ttoi(s) ((int)wcstol((s), NULL, 10))
#define _ttol(s) wcstol((s), NULL, 10)
#define _totupper towupper
#define _totlower towlower
#define _istspace iswspace
#define _istdigit iswdigit
#define _istalpha iswalpha
#define _istalnum iswalnum
#define _tprintf wprintf
#define _ftprintf fwprintf
#define _sntprintf swprintf
#define _stprintf_s swprintf
#define _vtprintf vwprintf
#define _vftprintf vfwprintf
#define _vsntprintf vswprintf
#define _fputts fputws
#define _fgetts fgetws
#define _puttc putwc
#define _gettc getwc
#else
typedef char _TCHAR;
typedef signed char _TSCHAR;
typedef unsigned char _TUCHAR;
typedef char _TXCHAR;
typedef int _TINT;
#define __T(x) x
#define _TEOF EOF
#define _tcslen strlen
#define _tcscpy strcpy
#define _tcsncpy strncpy
#define _tcscat strcat
#define _tcsncat strncat
#define _tcscmp strcmp
#define _tcsncmp strncmp
#define _tcsicmp strcasecmp
#define _tcsnicmp strncasecmp
#define _tcschr strchr
#define _tcsrchr strrchr
#define _tcsstr strstr
#define _tcsspn strspn
#define _tcscspn strcspn
#define _tcspbrk strpbrk
#define _tcsdup strdup
#define _tcstol strtol
#define _tcstoul strtoul
#define _tcsnlen strnlen
#define _tcstok_s strtok_r
#define _ttoi atoi
#define _ttol atol
#define _totupper toupper
#define _totlower tolower
#define _istspace(c) isspace((unsigned char)(c))
#define _istdigit(c) isdigit((unsigned char)(c))
#define _istalpha(c) isalpha((unsigned char)(c))
#define _istalnum(c) isalnum((unsigned char)(c))
#define _tprintf printf
#define _ftprintf fprintf
#define _sntprintf snprintf
#define _stprintf_s snprintf
#define _vtprintf vprintf
#define _vftprintf vfprintf
#define _vsntprintf vsnprintf
#define _fputts fputs
#define _fgetts fgets
#define _puttc putc
#define _gettc getc
#endif

#define _T(x) __T(x)
#define _TEXT(x) __T(x)

#endif /* NETROUTER_WIN_TCHAR_H */
