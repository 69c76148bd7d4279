/*
 * test-win-names.c - the names of the porting headers that are macros or
 * types on Windows too (<windows.h>: BOOLEAN, UINT_PTR, LPARAM, HRESULT,
 * S_OK, LOWORD, ARRAYSIZE, ZeroMemory, ...; <tchar.h>: _ttoi, _totupper,
 * _istspace, _tcsnlen, _tcstok_s, _stprintf_s, ...; the C runtime's
 * _wcsicmp, _stricmp, _wcsdup, _snwprintf; __cdecl, __declspec), used as a
 * Windows source uses them, included under Microsoft's spellings too.  Built twice from this file, as the netrouter-win
 * module builds a port: with UNICODE (test-win-names) and without it
 * (test-win-names-ansi), so that each generic-text name works in both.
 * Their Windows values are in the tables of constants.test.
 */
#include "config.h"

#include <windows.h>
#include <tchar.h>
/* The spellings of some of Microsoft's samples: the same headers. */
#include <Windows.h>
#include <Winnetwk.h>
#include <WinNetWk.h>
#include <Npapi.h>
#include <Ras.h>
#include <RasError.h>
#include <Tchar.h>

#include "cunit-main.h"

#ifdef _UNICODE
NRT_SUITE("win-names");
_Static_assert(sizeof(_TCHAR) == sizeof(wchar_t), "_TCHAR is wide under _UNICODE");
#else
NRT_SUITE("win-names-ansi");
_Static_assert(sizeof(_TCHAR) == 1, "_TCHAR is char without _UNICODE");
#endif

_Static_assert(sizeof(BOOLEAN) == 1, "BOOLEAN is a BYTE");
_Static_assert(sizeof(UINT_PTR) == sizeof(void *) && sizeof(INT_PTR) == sizeof(void *), "pointer-sized");
_Static_assert(sizeof(WPARAM) == sizeof(void *) && sizeof(LPARAM) == sizeof(void *), "pointer-sized");
_Static_assert(sizeof(HRESULT) == 4 && (HRESULT)-1 < 0, "HRESULT is a signed LONG");

NRT_TEST(hresult_tests)
{
    HRESULT bad = (HRESULT)0x80004005u; /* E_FAIL */
    NRT_TRUE(SUCCEEDED(S_OK));
    NRT_TRUE(SUCCEEDED(S_FALSE));
    NRT_TRUE(FAILED(bad));
    NRT_FALSE(SUCCEEDED(bad));
    NRT_FALSE(FAILED(S_OK));
}

NRT_TEST(words_and_bytes)
{
    LPARAM lp = (LPARAM)MAKELONG(0x1234, 0xABCD);
    WPARAM wp = MAKEWORD(0x12, 0x34);
    NRT_EQ(LOWORD(lp), 0x1234);
    NRT_EQ(HIWORD(lp), 0xABCD);
    NRT_EQ(wp, 0x3412);
    NRT_EQ(LOBYTE(wp), 0x12);
    NRT_EQ(HIBYTE(wp), 0x34);
    NRT_EQ(LOWORD(0x12345678u), 0x5678);
    NRT_EQ(HIWORD(0x12345678u), 0x1234);
    NRT_EQ(MAKELONG(0xFFFF, 0xFFFF), -1);
}

NRT_TEST(array_size_and_memory_blocks)
{
    BYTE a[16], b[16];
    UINT_PTR i;
    NRT_EQ(ARRAYSIZE(a), 16);
    NRT_EQ(_countof(b), 16);
    FillMemory(a, sizeof a, 0x5A);
    NRT_EQ(a[15], 0x5A);
    ZeroMemory(b, sizeof b);
    NRT_EQ(b[0], 0);
    CopyMemory(b, a, 8);
    NRT_EQ(b[7], 0x5A);
    NRT_EQ(b[8], 0);
    for (i = 0; i < ARRAYSIZE(a); i++)
        a[i] = (BYTE)i;
    MoveMemory(a + 1, a, 8); /* overlapping */
    NRT_EQ(a[1], 0);
    NRT_EQ(a[8], 7);
    NRT_TRUE(INVALID_HANDLE_VALUE != NULL);
}

NRT_TEST(generic_text_numbers_and_character_classes)
{
    NRT_EQ(_ttoi(_T("  -42x")), -42);
    NRT_EQ(_totupper(_T('a')), _T('A'));
    NRT_EQ(_totlower(_T('Q')), _T('q'));
    NRT_TRUE(_istspace(_T(' ')));
    NRT_FALSE(_istspace(_T('x')));
    NRT_TRUE(_istdigit(_T('7')));
    NRT_TRUE(_istalpha(_T('z')));
    NRT_TRUE(_istalnum(_T('9')));
    NRT_FALSE(_istalnum(_T('-')));
}

NRT_TEST(generic_text_strings)
{
    _TCHAR buf[32], line[] = _T("a, b,,c");
    _TCHAR *context = NULL, *tok;
    int n = 0;
    NRT_EQ(_tcsnlen(_T("abcdef"), 3), 3);
    NRT_EQ(_tcsnlen(_T("ab"), 8), 2);
    NRT_EQ(_tcsncmp(_T("share1"), _T("share2"), 5), 0);
    NRT_TRUE(_tcsncmp(_T("share1"), _T("share2"), 6) < 0);
    NRT_EQ(_tcsicmp(_T("Server"), _T("SERVER")), 0);
    NRT_EQ(_stprintf_s(buf, ARRAYSIZE(buf), _T("%d-%d"), 1, 2), 3);
    NRT_EQ(_tcscmp(buf, _T("1-2")), 0);
    NRT_EQ(_sntprintf(buf, ARRAYSIZE(buf), _T("x%u"), 7u), 2);
    NRT_EQ(_tcscmp(buf, _T("x7")), 0);
    for (tok = _tcstok_s(line, _T(", "), &context); tok; tok = _tcstok_s(NULL, _T(", "), &context))
        n++;
    NRT_EQ(n, 3);
}

/* As a Windows source declares its own functions and data. */
static int __cdecl plain_cdecl(int x)
{
    return x + 1;
}
static int __stdcall plain_stdcall(int x)
{
    return x + 2;
}
__declspec(dllexport) int nr_test_exported(void);
__declspec(dllexport) int nr_test_exported(void)
{
    return 7;
}
static __declspec(thread) int per_thread = 3;

NRT_TEST(calling_conventions_and_storage_classes)
{
    NRT_EQ(plain_cdecl(1), 2);
    NRT_EQ(plain_stdcall(1), 3);
    NRT_EQ(nr_test_exported(), 7);
    NRT_EQ(per_thread, 3);
}

NRT_TEST(c_runtime_underscore_names)
{
    wchar_t buf[32], *wd;
    char *d;
    NRT_EQ(_wcsicmp(L"Share", L"sHARE"), 0);
    NRT_EQ(_wcsnicmp(L"ShareX", L"sHAREy", 5), 0);
    NRT_TRUE(_wcsicmp(L"a", L"b") < 0);
    NRT_EQ(_stricmp("Share", "sHARE"), 0);
    NRT_EQ(_strnicmp("ShareX", "sHAREy", 5), 0);
    NRT_NOT_NULL_FATAL(d = _strdup("x"));
    NRT_EQ_STR(d, "x");
    free(d);
    NRT_NOT_NULL_FATAL(wd = _wcsdup(L"y"));
    NRT_TRUE(wcscmp(wd, L"y") == 0);
    free(wd);
    NRT_EQ(_snwprintf(buf, 32, L"%ls-%d", L"ab", 5), 4);
    NRT_TRUE(wcscmp(buf, L"ab-5") == 0);
}
