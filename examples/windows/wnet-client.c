/*
 * wnet-client.c - a console program that uses the WNet API written as for
 * Windows: <windows.h>, <winnetwk.h> and <tchar.h>, TCHAR strings and
 * TEXT()/_T() literals, NETRESOURCE, WNetAddConnection2,
 * WNetGetConnection (with its ERROR_MORE_DATA size probe),
 * WNetOpenEnum/WNetEnumResource/WNetCloseEnum, WNetGetUniversalName,
 * WNetCancelConnection2, and WNetGetLastError for the provider's own words
 * when a call fails.  The numbers are named from the headers' ERROR_* names,
 * without FormatMessage.
 *
 *     wnet-client add LOCAL REMOTE     connect REMOTE at LOCAL ('-': none)
 *     wnet-client get LOCAL            the remote name of LOCAL
 *     wnet-client list                 every connection, one a line
 *     wnet-client universal PATH       the universal name of PATH
 *     wnet-client cancel NAME          disconnect a local or a remote name
 *
 * "get" prints "size N" (what the probe asked for: characters with the
 * NUL, bytes of UTF-8 in the ANSI build) and then "remote: NAME"; "list"
 * prints "LOCAL<tab>REMOTE<tab>PROVIDER" ('-' for no local name); a
 * failure prints "error N (NAME)" and the extended error, and the exit
 * status is 1 (2 for a usage error).
 *
 * On Linux it builds unchanged with
 *
 *     cc -o wnet-client wnet-client.c $(pkg-config --cflags --libs netrouter-win)
 *
 * as a Unicode program (the module's default) or, with -UUNICODE -U_UNICODE
 * after those flags, as an ANSI one.  Two things are written the portable way
 * rather than the Windows way (netrouter-plugin(7), "Porting from
 * Windows"): Linux has no wmain, so the program is main(int, char **) and
 * converts its arguments to TCHAR with mbstowcs after setlocale(LC_ALL, ""),
 * as the C runtime does for _tmain on Windows; and TCHAR strings are
 * printed with _fputts, because the wide printf of standard C reads %s as
 * a narrow string.
 */
#include <windows.h>
#include <winnetwk.h>
#include <tchar.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The names of the codes a WNet call returns, as the headers spell them. */
#define CODE_NAME(code) { code, TEXT(#code) }
static const struct {
    DWORD dwCode;
    LPCTSTR lpName;
} g_CodeNames[] = {
    CODE_NAME(NO_ERROR),
    CODE_NAME(ERROR_ACCESS_DENIED),
    CODE_NAME(ERROR_INVALID_HANDLE),
    CODE_NAME(ERROR_NOT_ENOUGH_MEMORY),
    CODE_NAME(ERROR_NOT_SUPPORTED),
    CODE_NAME(ERROR_BAD_NETPATH),
    CODE_NAME(ERROR_UNEXP_NET_ERR),
    CODE_NAME(ERROR_BAD_DEV_TYPE),
    CODE_NAME(ERROR_BAD_NET_NAME),
    CODE_NAME(ERROR_ALREADY_ASSIGNED),
    CODE_NAME(ERROR_INVALID_PASSWORD),
    CODE_NAME(ERROR_INVALID_PARAMETER),
    CODE_NAME(ERROR_INVALID_LEVEL),
    CODE_NAME(ERROR_BUSY),
    CODE_NAME(ERROR_MORE_DATA),
    CODE_NAME(ERROR_NO_MORE_ITEMS),
    CODE_NAME(ERROR_INVALID_ADDRESS),
    CODE_NAME(ERROR_NO_UNICODE_TRANSLATION),
    CODE_NAME(ERROR_POSSIBLE_DEADLOCK),
    CODE_NAME(ERROR_BAD_DEVICE),
    CODE_NAME(ERROR_CONNECTION_UNAVAIL),
    CODE_NAME(ERROR_DEVICE_ALREADY_REMEMBERED),
    CODE_NAME(ERROR_NO_NET_OR_BAD_PATH),
    CODE_NAME(ERROR_BAD_PROVIDER),
    CODE_NAME(ERROR_CANNOT_OPEN_PROFILE),
    CODE_NAME(ERROR_BAD_PROFILE),
    CODE_NAME(ERROR_NOT_CONTAINER),
    CODE_NAME(ERROR_EXTENDED_ERROR),
    CODE_NAME(ERROR_NO_NETWORK),
    CODE_NAME(ERROR_CANCELLED),
    CODE_NAME(ERROR_RETRY),
    CODE_NAME(ERROR_NOT_CONNECTED),
    CODE_NAME(ERROR_OPEN_FILES),
    CODE_NAME(ERROR_DEVICE_IN_USE),
};

static LPCTSTR CodeName(DWORD dwCode)
{
    size_t i;

    for (i = 0; i < ARRAYSIZE(g_CodeNames); i++)
        if (g_CodeNames[i].dwCode == dwCode)
            return g_CodeNames[i].lpName;
    return TEXT("?");
}

/* Prints a TCHAR string, or "-" for none. */
static void Put(FILE *f, LPCTSTR lpText)
{
    _fputts(lpText != NULL && lpText[0] != 0 ? lpText : TEXT("-"), f);
}

/* Says which call failed with which code, then the extended error of the
 * thread (WNetGetLastError), when it holds a text.  Returns dwRet. */
static DWORD Fail(LPCTSTR lpCall, DWORD dwRet)
{
    TCHAR szText[512], szProvider[256];
    DWORD dwError = 0;

    /* Read it first: printing cannot change it, but another WNet call would. */
    if (WNetGetLastError(&dwError, szText, ARRAYSIZE(szText), szProvider, ARRAYSIZE(szProvider)) != NO_ERROR)
        szText[0] = szProvider[0] = 0;
    _fputts(TEXT("wnet-client: "), stderr);
    _fputts(lpCall, stderr);
    _ftprintf(stderr, TEXT(": error %lu ("), (unsigned long)dwRet);
    _fputts(CodeName(dwRet), stderr);
    _fputts(TEXT(")\n"), stderr);
    if (szText[0] != 0) {
        _ftprintf(stderr, TEXT("wnet-client: extended error %lu from "), (unsigned long)dwError);
        Put(stderr, szProvider);
        _fputts(TEXT(": "), stderr);
        _fputts(szText, stderr);
        _fputts(TEXT("\n"), stderr);
    }
    return dwRet;
}

static DWORD Add(LPCTSTR lpLocal, LPCTSTR lpRemote)
{
    NETRESOURCE nr;
    DWORD dwRet;

    ZeroMemory(&nr, sizeof nr);
    nr.dwType = RESOURCETYPE_DISK;
    nr.lpLocalName = _tcscmp(lpLocal, TEXT("-")) != 0 ? (LPTSTR)lpLocal : NULL;
    nr.lpRemoteName = (LPTSTR)lpRemote;
    nr.lpProvider = NULL; /* any provider that owns the name */
    dwRet = WNetAddConnection2(&nr, NULL, NULL, CONNECT_TEMPORARY);
    if (dwRet != NO_ERROR)
        return Fail(TEXT("WNetAddConnection2"), dwRet);
    Put(stdout, nr.lpLocalName);
    _fputts(TEXT(" connected to "), stdout);
    Put(stdout, lpRemote);
    _fputts(TEXT("\n"), stdout);
    return NO_ERROR;
}

static DWORD Get(LPCTSTR lpLocal)
{
    LPTSTR lpRemote;
    DWORD cchRemote = 0, dwRet;

    /* The probe: no buffer, so the call says how large one must be. */
    dwRet = WNetGetConnection(lpLocal, NULL, &cchRemote);
    if (dwRet != ERROR_MORE_DATA)
        return Fail(TEXT("WNetGetConnection"), dwRet == NO_ERROR ? ERROR_UNEXP_NET_ERR : dwRet);
    _tprintf(TEXT("size %lu\n"), (unsigned long)cchRemote);
    lpRemote = malloc(cchRemote * sizeof(TCHAR));
    if (lpRemote == NULL)
        return Fail(TEXT("malloc"), ERROR_NOT_ENOUGH_MEMORY);
    dwRet = WNetGetConnection(lpLocal, lpRemote, &cchRemote);
    if (dwRet == NO_ERROR) {
        _fputts(TEXT("remote: "), stdout);
        _fputts(lpRemote, stdout);
        _fputts(TEXT("\n"), stdout);
    } else {
        Fail(TEXT("WNetGetConnection"), dwRet);
    }
    free(lpRemote);
    return dwRet;
}

static DWORD List(void)
{
    HANDLE hEnum;
    LPNETRESOURCE lpnr;
    DWORD cbBuffer = 16384, cEntries, cb, i, dwRet;

    dwRet = WNetOpenEnum(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, NULL, &hEnum);
    if (dwRet != NO_ERROR)
        return Fail(TEXT("WNetOpenEnum"), dwRet);
    lpnr = malloc(cbBuffer);
    if (lpnr == NULL) {
        WNetCloseEnum(hEnum);
        return Fail(TEXT("malloc"), ERROR_NOT_ENOUGH_MEMORY);
    }
    for (;;) {
        cEntries = (DWORD)-1; /* as many as fit */
        cb = cbBuffer;
        ZeroMemory(lpnr, cbBuffer);
        dwRet = WNetEnumResource(hEnum, &cEntries, lpnr, &cb);
        if (dwRet == ERROR_MORE_DATA) {
            /* Not even one entry fits: cb is what it needs. */
            LPNETRESOURCE lpMore = realloc(lpnr, cb);
            if (lpMore == NULL) {
                dwRet = ERROR_NOT_ENOUGH_MEMORY;
                break;
            }
            lpnr = lpMore;
            cbBuffer = cb;
            continue;
        }
        if (dwRet != NO_ERROR)
            break;
        for (i = 0; i < cEntries; i++) {
            Put(stdout, lpnr[i].lpLocalName);
            _fputts(TEXT("\t"), stdout);
            Put(stdout, lpnr[i].lpRemoteName);
            _fputts(TEXT("\t"), stdout);
            Put(stdout, lpnr[i].lpProvider);
            _fputts(TEXT("\n"), stdout);
        }
    }
    free(lpnr);
    WNetCloseEnum(hEnum);
    if (dwRet != ERROR_NO_MORE_ITEMS)
        return Fail(TEXT("WNetEnumResource"), dwRet);
    return NO_ERROR;
}

static DWORD Universal(LPCTSTR lpPath)
{
    REMOTE_NAME_INFO probe;
    LPREMOTE_NAME_INFO lpInfo;
    DWORD cb = sizeof probe, dwRet;

    /* A buffer of the structure alone: too small for its strings. */
    dwRet = WNetGetUniversalName(lpPath, REMOTE_NAME_INFO_LEVEL, &probe, &cb);
    if (dwRet != ERROR_MORE_DATA)
        return Fail(TEXT("WNetGetUniversalName"), dwRet == NO_ERROR ? ERROR_UNEXP_NET_ERR : dwRet);
    lpInfo = malloc(cb);
    if (lpInfo == NULL)
        return Fail(TEXT("malloc"), ERROR_NOT_ENOUGH_MEMORY);
    dwRet = WNetGetUniversalName(lpPath, REMOTE_NAME_INFO_LEVEL, lpInfo, &cb);
    if (dwRet == NO_ERROR) {
        _fputts(TEXT("universal: "), stdout);
        Put(stdout, lpInfo->lpUniversalName);
        _fputts(TEXT("\nconnection: "), stdout);
        Put(stdout, lpInfo->lpConnectionName);
        _fputts(TEXT("\nremaining: "), stdout);
        Put(stdout, lpInfo->lpRemainingPath);
        _fputts(TEXT("\n"), stdout);
    } else {
        Fail(TEXT("WNetGetUniversalName"), dwRet);
    }
    free(lpInfo);
    return dwRet;
}

static DWORD Cancel(LPCTSTR lpName)
{
    DWORD dwRet = WNetCancelConnection2(lpName, 0, FALSE);

    if (dwRet != NO_ERROR)
        return Fail(TEXT("WNetCancelConnection2"), dwRet);
    _fputts(lpName, stdout);
    _fputts(TEXT(" disconnected\n"), stdout);
    return NO_ERROR;
}

/* A TCHAR copy of a command-line argument (malloc'd), or NULL. */
static LPTSTR ArgToTchar(const char *lpArg)
{
#ifdef UNICODE
    size_t cch = mbstowcs(NULL, lpArg, 0);
    LPWSTR lpOut;

    if (cch == (size_t)-1)
        return NULL;
    lpOut = malloc((cch + 1) * sizeof(WCHAR));
    if (lpOut != NULL)
        mbstowcs(lpOut, lpArg, cch + 1);
    return lpOut;
#else
    LPSTR lpOut = malloc(strlen(lpArg) + 1);

    if (lpOut != NULL)
        strcpy(lpOut, lpArg);
    return lpOut;
#endif
}

static int Usage(void)
{
    _fputts(TEXT("usage: wnet-client add LOCAL REMOTE | get LOCAL | list | universal PATH | cancel NAME\n"),
            stderr);
    return 2;
}

int main(int argc, char **argv)
{
    LPTSTR targv[4] = { NULL, NULL, NULL, NULL };
    DWORD dwRet;
    int i;

    setlocale(LC_ALL, "");
    if (argc < 2 || argc > 4)
        return Usage();
    for (i = 1; i < argc; i++) {
        targv[i] = ArgToTchar(argv[i]);
        if (targv[i] == NULL) {
            _fputts(TEXT("wnet-client: an argument is not text of this locale\n"), stderr);
            while (--i > 0)
                free(targv[i]);
            return 2;
        }
    }

    if (_tcscmp(targv[1], TEXT("add")) == 0 && argc == 4)
        dwRet = Add(targv[2], targv[3]);
    else if (_tcscmp(targv[1], TEXT("get")) == 0 && argc == 3)
        dwRet = Get(targv[2]);
    else if (_tcscmp(targv[1], TEXT("list")) == 0 && argc == 2)
        dwRet = List();
    else if (_tcscmp(targv[1], TEXT("universal")) == 0 && argc == 3)
        dwRet = Universal(targv[2]);
    else if (_tcscmp(targv[1], TEXT("cancel")) == 0 && argc == 3)
        dwRet = Cancel(targv[2]);
    else
        dwRet = (DWORD)-1;

    for (i = 1; i < argc; i++)
        free(targv[i]);
    if (dwRet == (DWORD)-1)
        return Usage();
    return dwRet == NO_ERROR ? 0 : 1;
}
