/*
 * wide-provider.c - a network provider written exactly as for Windows NT:
 * Unicode (NETRESOURCEW, LPWSTR, L"..." literals, the wcs* functions),
 * <windows.h> and <npapi.h>, APIENTRY entry points that return WN_* codes,
 * and nothing else but the C library.  It is a "virtual" provider: it
 * connects remote names of the form \\wide\SHARE[\...] by writing them in a
 * connection table, and touches the file system for nothing else.
 *
 *   NPGetCaps           WNNC_SPEC_VERSION51, WNNC_NET_RDR2SAMPLE (the type
 *                       of Microsoft's sample redirector: a provider without
 *                       a vendor number of its own borrows one), every
 *                       WNNC_CONNECTION call below, WNNC_ENUM_LOCAL
 *   NPAddConnection3    (and NPAddConnection) a local name may hold one
 *                       connection; a deviceless one (no local name) is
 *                       made once per remote name
 *   NPCancelConnection  a local name cancels its connection; a remote name
 *                       cancels only the connections of that remote name
 *                       that have no local name, the rule of Windows'
 *                       WNetCancelConnection2; otherwise WN_NOT_CONNECTED
 *   NPGetConnection     the remote name of a local name; a buffer that is
 *                       too small gives WN_MORE_DATA and the size needed, in
 *                       characters with the terminating NUL
 *   NPGetUniversalName  LOCAL/rest/of/path is \\wide\SHARE\rest\of\path
 *                       (both levels; sizes in bytes)
 *   NPOpenEnum, NPEnumResource, NPCloseEnum
 *                       RESOURCE_CONNECTED: structures first, their strings
 *                       packed from the end of the same buffer; WN_MORE_DATA
 *                       with the size of one entry when not even one fits
 *
 * The table is a text file in UTF-8, one connection a line ("TYPE<tab>LOCAL
 * <tab>REMOTE", LOCAL empty for a deviceless connection), read and rewritten
 * whole by every call, so that every process that loads the provider sees
 * the same connections.  Its name is $WIDE_PROVIDER_TABLE, else
 * wide-provider.table in the state directory of netrouter
 * ($NETROUTER_STATE_DIR, else $XDG_STATE_HOME/netrouter, else
 * $HOME/.local/state/netrouter), which must exist.  The UTF-8 is encoded
 * and decoded here, not with wcstombs: a plugin must not change the
 * locale of the process that loads it, and the table must read the same
 * in every process, whatever its locale.  A new table is written beside
 * the old one and renamed over it (on Linux rename() replaces the old file
 * at once; on Windows the CRT's rename() needs a remove() first).  Two
 * processes that change the table at the same instant are not serialized:
 * this is an example, not a file system.
 *
 * Nothing in it names netrouter.  On Linux it builds, unchanged, with
 *
 *     cc -shared -fPIC -o nr-wide-provider.so wide-provider.c $(pkg-config --cflags netrouter-win)
 *
 * (the module defines UNICODE, so <npapi.h> marks the library as a wide
 * plugin: the router converts every name from and to UTF-8 for it), and
 * is registered by wide-provider.json, whose "owns" hands it the names
 * \\wide\*.  On Windows the same file builds into a DLL named in the
 * registry's NetworkProvider order, with the NP* entry points exported by
 * a .def file.
 */
#include <windows.h>
#include <npapi.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* The remote names this provider owns: \\wide\ and a share name. */
static const WCHAR szPrefix[] = L"\\\\wide\\";
#define PREFIX_LEN (ARRAYSIZE(szPrefix) - 1)

/* The version of this provider (NPGetCaps(WNNC_DRIVER_VERSION)). */
#define WIDE_DRIVER_VERSION 0x00010000u

/* One connection of the table.  lpLocalName is NULL for a deviceless one. */
typedef struct _WIDE_CONNECTION {
    DWORD dwType;
    LPWSTR lpLocalName;
    LPWSTR lpRemoteName;
} WIDE_CONNECTION;

typedef struct _WIDE_TABLE {
    WIDE_CONNECTION *pEntries;
    DWORD cEntries;
} WIDE_TABLE;

/* An enumeration: the table as it was at NPOpenEnum, and the next entry. */
typedef struct _WIDE_ENUM {
    WIDE_TABLE Table;
    DWORD dwType;
    DWORD iNext;
} WIDE_ENUM;

/* ---- UTF-8, locale-free ---------------------------------------------------------------- */

/* Writes the UTF-8 form of lpText to f.  FALSE when a character is no
 * Unicode code point (a surrogate, a value past U+10FFFF) or f fails. */
static BOOL PutUtf8(FILE *f, LPCWSTR lpText)
{
    for (; *lpText; lpText++) {
        unsigned long c = (unsigned long)*lpText;
        unsigned char b[4];
        size_t n;

        if (c < 0x80) {
            b[0] = (unsigned char)c;
            n = 1;
        } else if (c < 0x800) {
            b[0] = (unsigned char)(0xC0 | (c >> 6));
            b[1] = (unsigned char)(0x80 | (c & 0x3F));
            n = 2;
        } else if (c < 0x10000) {
            if (c >= 0xD800 && c <= 0xDFFF)
                return FALSE;
            b[0] = (unsigned char)(0xE0 | (c >> 12));
            b[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
            b[2] = (unsigned char)(0x80 | (c & 0x3F));
            n = 3;
        } else if (c <= 0x10FFFF) {
            b[0] = (unsigned char)(0xF0 | (c >> 18));
            b[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
            b[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
            b[3] = (unsigned char)(0x80 | (c & 0x3F));
            n = 4;
        } else {
            return FALSE;
        }
        if (fwrite(b, 1, n, f) != n)
            return FALSE;
    }
    return TRUE;
}

/* A wide copy of the UTF-8 text s of cb bytes (malloc'd), or NULL when it
 * is not UTF-8 or memory runs out. */
static LPWSTR FromUtf8(const char *s, size_t cb)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + cb;
    LPWSTR lpOut = malloc((cb + 1) * sizeof(WCHAR)), q = lpOut;

    if (lpOut == NULL)
        return NULL;
    while (p < end) {
        unsigned long c = *p++, min;
        int more;

        if (c < 0x80) {
            more = 0;
            min = 0;
        } else if ((c & 0xE0) == 0xC0) {
            c &= 0x1F;
            more = 1;
            min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            c &= 0x0F;
            more = 2;
            min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            c &= 0x07;
            more = 3;
            min = 0x10000;
        } else {
            goto bad;
        }
        if (end - p < more)
            goto bad;
        while (more-- > 0) {
            if ((*p & 0xC0) != 0x80)
                goto bad;
            c = (c << 6) | (*p++ & 0x3F);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            goto bad;
        *q++ = (WCHAR)c;
    }
    *q = L'\0';
    return lpOut;

bad:
    free(lpOut);
    return NULL;
}

/* ---- the table file ----------------------------------------------------------------------- */

/* The table's file name (malloc'd), or NULL when no variable names a place. */
static char *TablePath(void)
{
    static const char szFile[] = "wide-provider.table";
    const char *lpDir;
    const char *lpSub = "/";
    char *lpPath;
    size_t cb;

    lpDir = getenv("WIDE_PROVIDER_TABLE");
    if (lpDir != NULL && *lpDir != '\0') {
        lpPath = malloc(strlen(lpDir) + 1);
        if (lpPath != NULL)
            strcpy(lpPath, lpDir);
        return lpPath;
    }
    if ((lpDir = getenv("NETROUTER_STATE_DIR")) != NULL && *lpDir != '\0')
        lpSub = "/";
    else if ((lpDir = getenv("XDG_STATE_HOME")) != NULL && *lpDir == '/')
        lpSub = "/netrouter/";
    else if ((lpDir = getenv("HOME")) != NULL && *lpDir != '\0')
        lpSub = "/.local/state/netrouter/";
    else
        return NULL;
    cb = strlen(lpDir) + strlen(lpSub) + sizeof szFile;
    lpPath = malloc(cb);
    if (lpPath != NULL)
        snprintf(lpPath, cb, "%s%s%s", lpDir, lpSub, szFile);
    return lpPath;
}

static void FreeTable(WIDE_TABLE *pTable)
{
    DWORD i;

    for (i = 0; i < pTable->cEntries; i++) {
        free(pTable->pEntries[i].lpLocalName);
        free(pTable->pEntries[i].lpRemoteName);
    }
    free(pTable->pEntries);
    pTable->pEntries = NULL;
    pTable->cEntries = 0;
}

/* Appends a connection (the strings are taken over; freed on failure). */
static DWORD AddEntry(WIDE_TABLE *pTable, DWORD dwType, LPWSTR lpLocalName, LPWSTR lpRemoteName)
{
    WIDE_CONNECTION *pNew = realloc(pTable->pEntries, (pTable->cEntries + 1) * sizeof *pNew);

    if (pNew == NULL) {
        free(lpLocalName);
        free(lpRemoteName);
        return WN_OUT_OF_MEMORY;
    }
    pTable->pEntries = pNew;
    pNew[pTable->cEntries].dwType = dwType;
    pNew[pTable->cEntries].lpLocalName = lpLocalName;
    pNew[pTable->cEntries].lpRemoteName = lpRemoteName;
    pTable->cEntries++;
    return WN_SUCCESS;
}

/* Reads one line "TYPE\tLOCAL\tREMOTE" into the table. */
static DWORD ParseLine(WIDE_TABLE *pTable, char *lpLine, size_t cb)
{
    char *lpTab1 = memchr(lpLine, '\t', cb), *lpTab2, *lpEnd = lpLine + cb;
    LPWSTR lpLocal = NULL, lpRemote;
    unsigned long dwType;

    if (lpTab1 == NULL || (lpTab2 = memchr(lpTab1 + 1, '\t', (size_t)(lpEnd - lpTab1 - 1))) == NULL)
        return WN_BAD_PROFILE;
    *lpTab1 = '\0';
    dwType = strtoul(lpLine, NULL, 10);
    if (lpTab2 > lpTab1 + 1 && (lpLocal = FromUtf8(lpTab1 + 1, (size_t)(lpTab2 - lpTab1 - 1))) == NULL)
        return WN_BAD_PROFILE;
    if (lpEnd == lpTab2 + 1 || (lpRemote = FromUtf8(lpTab2 + 1, (size_t)(lpEnd - lpTab2 - 1))) == NULL) {
        free(lpLocal);
        return WN_BAD_PROFILE;
    }
    return AddEntry(pTable, (DWORD)dwType, lpLocal, lpRemote);
}

/* Reads the table; a table that does not exist yet is empty. */
static DWORD LoadTable(WIDE_TABLE *pTable)
{
    char *lpPath = TablePath(), *lpText = NULL, *lpLine, *lpNewline;
    size_t cbText = 0, cbRead;
    DWORD dwRet = WN_SUCCESS;
    FILE *f;

    pTable->pEntries = NULL;
    pTable->cEntries = 0;
    if (lpPath == NULL)
        return WN_CANNOT_OPEN_PROFILE;
    f = fopen(lpPath, "rb");
    free(lpPath);
    if (f == NULL)
        return errno == ENOENT ? WN_SUCCESS : WN_CANNOT_OPEN_PROFILE;
    for (;;) {
        char *lpMore = realloc(lpText, cbText + 4096 + 1);
        if (lpMore == NULL) {
            dwRet = WN_OUT_OF_MEMORY;
            break;
        }
        lpText = lpMore;
        cbRead = fread(lpText + cbText, 1, 4096, f);
        cbText += cbRead;
        if (cbRead < 4096) {
            if (ferror(f))
                dwRet = WN_CANNOT_OPEN_PROFILE;
            break;
        }
    }
    fclose(f);
    if (dwRet == WN_SUCCESS) {
        lpText[cbText] = '\0';
        for (lpLine = lpText; dwRet == WN_SUCCESS && lpLine < lpText + cbText; lpLine = lpNewline + 1) {
            lpNewline = memchr(lpLine, '\n', (size_t)(lpText + cbText - lpLine));
            if (lpNewline == NULL)
                dwRet = WN_BAD_PROFILE; /* a line cut short */
            else
                dwRet = ParseLine(pTable, lpLine, (size_t)(lpNewline - lpLine));
        }
    }
    free(lpText);
    if (dwRet != WN_SUCCESS)
        FreeTable(pTable);
    return dwRet;
}

/* Writes the table: a new file beside the old one, renamed over it. */
static DWORD SaveTable(const WIDE_TABLE *pTable)
{
    char *lpPath = TablePath(), *lpTemp;
    BOOL fOk = TRUE;
    DWORD i;
    FILE *f;

    if (lpPath == NULL)
        return WN_CANNOT_OPEN_PROFILE;
    lpTemp = malloc(strlen(lpPath) + sizeof ".new");
    if (lpTemp == NULL) {
        free(lpPath);
        return WN_OUT_OF_MEMORY;
    }
    strcpy(lpTemp, lpPath);
    strcat(lpTemp, ".new");
    f = fopen(lpTemp, "wb");
    if (f == NULL) {
        free(lpTemp);
        free(lpPath);
        return WN_CANNOT_OPEN_PROFILE;
    }
    for (i = 0; fOk && i < pTable->cEntries; i++) {
        const WIDE_CONNECTION *pConn = &pTable->pEntries[i];
        fOk = fprintf(f, "%lu\t", (unsigned long)pConn->dwType) > 0 &&
              (pConn->lpLocalName == NULL || PutUtf8(f, pConn->lpLocalName)) && fputc('\t', f) != EOF &&
              PutUtf8(f, pConn->lpRemoteName) && fputc('\n', f) != EOF;
    }
    if (fclose(f) != 0)
        fOk = FALSE;
    if (fOk && rename(lpTemp, lpPath) != 0)
        fOk = FALSE;
    if (!fOk)
        remove(lpTemp);
    free(lpTemp);
    free(lpPath);
    return fOk ? WN_SUCCESS : WN_CANNOT_OPEN_PROFILE;
}

/* ---- names -------------------------------------------------------------------------------- */

/* A remote name this provider owns: \\wide\ and a share name. */
static BOOL IsWideName(LPCWSTR lpRemoteName)
{
    return lpRemoteName != NULL && wcsncmp(lpRemoteName, szPrefix, PREFIX_LEN) == 0 &&
           lpRemoteName[PREFIX_LEN] != L'\0' && lpRemoteName[PREFIX_LEN] != L'\\';
}

static LPWSTR DupString(LPCWSTR lpText)
{
    LPWSTR lpCopy = malloc((wcslen(lpText) + 1) * sizeof(WCHAR));

    if (lpCopy != NULL)
        wcscpy(lpCopy, lpText);
    return lpCopy;
}

/* The entry of a local name, or -1. */
static long FindLocal(const WIDE_TABLE *pTable, LPCWSTR lpLocalName)
{
    DWORD i;

    for (i = 0; i < pTable->cEntries; i++)
        if (pTable->pEntries[i].lpLocalName != NULL && wcscmp(pTable->pEntries[i].lpLocalName, lpLocalName) == 0)
            return (long)i;
    return -1;
}

static void RemoveEntry(WIDE_TABLE *pTable, DWORD i)
{
    free(pTable->pEntries[i].lpLocalName);
    free(pTable->pEntries[i].lpRemoteName);
    memmove(&pTable->pEntries[i], &pTable->pEntries[i + 1], (pTable->cEntries - i - 1) * sizeof pTable->pEntries[0]);
    pTable->cEntries--;
}

/* ---- the entry points ------------------------------------------------------------------------ */

DWORD APIENTRY NPGetCaps(DWORD nIndex)
{
    switch (nIndex) {
    case WNNC_SPEC_VERSION:
        return WNNC_SPEC_VERSION51;
    case WNNC_NET_TYPE:
        return WNNC_NET_RDR2SAMPLE;
    case WNNC_DRIVER_VERSION:
        return WIDE_DRIVER_VERSION;
    case WNNC_CONNECTION:
        return WNNC_CON_ADDCONNECTION | WNNC_CON_ADDCONNECTION3 | WNNC_CON_CANCELCONNECTION |
               WNNC_CON_GETCONNECTIONS;
    case WNNC_ENUMERATION:
        return WNNC_ENUM_LOCAL;
    case WNNC_START:
        return 1; /* started */
    default:
        return 0;
    }
}

DWORD APIENTRY NPAddConnection3(HWND hwndOwner, LPNETRESOURCE lpNetResource, LPWSTR lpPassword, LPWSTR lpUserName,
                                DWORD dwFlags)
{
    WIDE_TABLE table;
    LPWSTR lpLocal = NULL, lpRemote;
    DWORD dwType, dwRet, i;

    UNREFERENCED_PARAMETER(hwndOwner);
    UNREFERENCED_PARAMETER(lpPassword); /* a virtual share asks nobody for a password */
    UNREFERENCED_PARAMETER(lpUserName);
    UNREFERENCED_PARAMETER(dwFlags);    /* remembering is the router's (CONNECT_UPDATE_PROFILE) */

    if (lpNetResource == NULL)
        return WN_BAD_POINTER;
    if (!IsWideName(lpNetResource->lpRemoteName))
        return WN_BAD_NETNAME;
    dwType = lpNetResource->dwType;
    if (dwType == RESOURCETYPE_ANY)
        dwType = RESOURCETYPE_DISK;
    else if (dwType != RESOURCETYPE_DISK && dwType != RESOURCETYPE_PRINT)
        return WN_BAD_DEV_TYPE;

    dwRet = LoadTable(&table);
    if (dwRet != WN_SUCCESS)
        return dwRet;
    if (lpNetResource->lpLocalName != NULL && lpNetResource->lpLocalName[0] != L'\0') {
        if (FindLocal(&table, lpNetResource->lpLocalName) >= 0) {
            FreeTable(&table);
            return WN_ALREADY_CONNECTED;
        }
        lpLocal = DupString(lpNetResource->lpLocalName);
        if (lpLocal == NULL) {
            FreeTable(&table);
            return WN_OUT_OF_MEMORY;
        }
    } else {
        /* One deviceless connection per remote name, as Windows keeps one. */
        for (i = 0; i < table.cEntries; i++) {
            if (table.pEntries[i].lpLocalName == NULL &&
                wcscmp(table.pEntries[i].lpRemoteName, lpNetResource->lpRemoteName) == 0) {
                FreeTable(&table);
                return WN_SUCCESS;
            }
        }
    }
    lpRemote = DupString(lpNetResource->lpRemoteName);
    if (lpRemote == NULL) {
        free(lpLocal);
        FreeTable(&table);
        return WN_OUT_OF_MEMORY;
    }
    dwRet = AddEntry(&table, dwType, lpLocal, lpRemote);
    if (dwRet == WN_SUCCESS)
        dwRet = SaveTable(&table);
    FreeTable(&table);
    return dwRet;
}

DWORD APIENTRY NPAddConnection(LPNETRESOURCE lpNetResource, LPWSTR lpPassword, LPWSTR lpUserName)
{
    return NPAddConnection3(NULL, lpNetResource, lpPassword, lpUserName, 0);
}

DWORD APIENTRY NPCancelConnection(LPWSTR lpName, BOOL fForce)
{
    WIDE_TABLE table;
    DWORD dwRet, i, cCancelled = 0;
    long iLocal;

    UNREFERENCED_PARAMETER(fForce); /* nothing is ever open on a virtual share */

    if (lpName == NULL)
        return WN_BAD_POINTER;
    dwRet = LoadTable(&table);
    if (dwRet != WN_SUCCESS)
        return dwRet;
    iLocal = FindLocal(&table, lpName);
    if (iLocal >= 0) {
        RemoveEntry(&table, (DWORD)iLocal);
        cCancelled = 1;
    } else {
        /* A remote name: only the connections without a local name. */
        for (i = table.cEntries; i-- > 0;) {
            if (table.pEntries[i].lpLocalName == NULL && wcscmp(table.pEntries[i].lpRemoteName, lpName) == 0) {
                RemoveEntry(&table, i);
                cCancelled++;
            }
        }
    }
    dwRet = cCancelled > 0 ? SaveTable(&table) : WN_NOT_CONNECTED;
    FreeTable(&table);
    return dwRet;
}

DWORD APIENTRY NPGetConnection(LPWSTR lpLocalName, LPWSTR lpRemoteName, LPDWORD lpnBufferLen)
{
    WIDE_TABLE table;
    DWORD dwRet, cchNeeded;
    long i;

    if (lpLocalName == NULL || lpnBufferLen == NULL)
        return WN_BAD_POINTER;
    dwRet = LoadTable(&table);
    if (dwRet != WN_SUCCESS)
        return dwRet;
    i = FindLocal(&table, lpLocalName);
    if (i < 0) {
        dwRet = WN_NOT_CONNECTED;
    } else {
        cchNeeded = (DWORD)wcslen(table.pEntries[i].lpRemoteName) + 1;
        if (lpRemoteName == NULL || *lpnBufferLen < cchNeeded) {
            *lpnBufferLen = cchNeeded; /* characters, with the NUL */
            dwRet = WN_MORE_DATA;
        } else {
            wcscpy(lpRemoteName, table.pEntries[i].lpRemoteName);
        }
    }
    FreeTable(&table);
    return dwRet;
}

DWORD APIENTRY NPGetUniversalName(LPCWSTR lpLocalPath, DWORD dwInfoLevel, LPVOID lpBuffer, LPDWORD lpBufferSize)
{
    WIDE_TABLE table;
    const WIDE_CONNECTION *pConn = NULL;
    LPCWSTR lpRest = L"";
    LPWSTR lpText;
    size_t cchRemote, cchRest, cbHead, cbNeeded;
    DWORD dwRet, i;

    if (lpLocalPath == NULL || lpBufferSize == NULL)
        return WN_BAD_POINTER;
    if (dwInfoLevel != UNIVERSAL_NAME_INFO_LEVEL && dwInfoLevel != REMOTE_NAME_INFO_LEVEL)
        return WN_BAD_LEVEL;
    dwRet = LoadTable(&table);
    if (dwRet != WN_SUCCESS)
        return dwRet;
    /* The connection whose local name the path starts with (the name
     * itself, or the name and '/'). */
    for (i = 0; i < table.cEntries && pConn == NULL; i++) {
        LPCWSTR lpLocal = table.pEntries[i].lpLocalName;
        size_t cch = lpLocal != NULL ? wcslen(lpLocal) : 0;
        if (cch > 0 && wcsncmp(lpLocalPath, lpLocal, cch) == 0 &&
            (lpLocalPath[cch] == L'\0' || lpLocalPath[cch] == L'/')) {
            pConn = &table.pEntries[i];
            lpRest = lpLocalPath + cch;
        }
    }
    if (pConn == NULL) {
        FreeTable(&table);
        return WN_NOT_CONNECTED;
    }
    cchRemote = wcslen(pConn->lpRemoteName);
    cchRest = wcslen(lpRest);
    if (dwInfoLevel == UNIVERSAL_NAME_INFO_LEVEL) {
        cbHead = sizeof(UNIVERSAL_NAME_INFOW);
        cbNeeded = cbHead + (cchRemote + cchRest + 1) * sizeof(WCHAR);
    } else {
        cbHead = sizeof(REMOTE_NAME_INFOW);
        cbNeeded = cbHead + (cchRemote + cchRest + 1 + cchRemote + 1 + cchRest + 1) * sizeof(WCHAR);
    }
    if (lpBuffer == NULL || *lpBufferSize < cbNeeded) {
        *lpBufferSize = (DWORD)cbNeeded; /* bytes */
        FreeTable(&table);
        return WN_MORE_DATA;
    }
    /* The strings follow the structure: the universal name (the remote
     * name and the rest of the path, with '\' for '/'), then for
     * REMOTE_NAME_INFO the connection's name and the rest alone. */
    lpText = (LPWSTR)((BYTE *)lpBuffer + cbHead);
    wcscpy(lpText, pConn->lpRemoteName);
    wcscat(lpText, lpRest);
    for (i = (DWORD)cchRemote; lpText[i] != L'\0'; i++)
        if (lpText[i] == L'/')
            lpText[i] = L'\\';
    if (dwInfoLevel == UNIVERSAL_NAME_INFO_LEVEL) {
        ((LPUNIVERSAL_NAME_INFOW)lpBuffer)->lpUniversalName = lpText;
    } else {
        LPREMOTE_NAME_INFOW pInfo = lpBuffer;
        pInfo->lpUniversalName = lpText;
        pInfo->lpConnectionName = lpText + cchRemote + cchRest + 1;
        wcscpy(pInfo->lpConnectionName, pConn->lpRemoteName);
        pInfo->lpRemainingPath = pInfo->lpConnectionName + cchRemote + 1;
        wcscpy(pInfo->lpRemainingPath, lpText + cchRemote);
    }
    FreeTable(&table);
    return WN_SUCCESS;
}

DWORD APIENTRY NPOpenEnum(DWORD dwScope, DWORD dwType, DWORD dwUsage, LPNETRESOURCE lpNetResource, LPHANDLE lphEnum)
{
    WIDE_ENUM *pEnum;
    DWORD dwRet;

    UNREFERENCED_PARAMETER(dwUsage); /* every connection is RESOURCEUSAGE_CONNECTABLE */
    UNREFERENCED_PARAMETER(lpNetResource);

    if (lphEnum == NULL)
        return WN_BAD_POINTER;
    if (dwScope != RESOURCE_CONNECTED)
        return WN_NOT_SUPPORTED;
    pEnum = calloc(1, sizeof *pEnum);
    if (pEnum == NULL)
        return WN_OUT_OF_MEMORY;
    dwRet = LoadTable(&pEnum->Table);
    if (dwRet != WN_SUCCESS) {
        free(pEnum);
        return dwRet;
    }
    pEnum->dwType = dwType;
    *lphEnum = pEnum;
    return WN_SUCCESS;
}

/* Bytes one entry takes in an NPEnumResource buffer: its structure and its strings. */
static size_t EntrySize(const WIDE_CONNECTION *pConn)
{
    size_t cb = sizeof(NETRESOURCEW) + (wcslen(pConn->lpRemoteName) + 1) * sizeof(WCHAR);

    if (pConn->lpLocalName != NULL)
        cb += (wcslen(pConn->lpLocalName) + 1) * sizeof(WCHAR);
    return cb;
}

/* Copies lpText below *lplpEnd (the strings grow down from the buffer's end). */
static LPWSTR PackString(BYTE **lplpEnd, LPCWSTR lpText)
{
    size_t cb;

    if (lpText == NULL)
        return NULL;
    cb = (wcslen(lpText) + 1) * sizeof(WCHAR);
    *lplpEnd -= cb;
    memcpy(*lplpEnd, lpText, cb);
    return (LPWSTR)*lplpEnd;
}

DWORD APIENTRY NPEnumResource(HANDLE hEnum, LPDWORD lpcCount, LPVOID lpBuffer, LPDWORD lpBufferSize)
{
    WIDE_ENUM *pEnum = hEnum;
    LPNETRESOURCEW pOut = lpBuffer;
    BYTE *lpStrings;
    size_t cbFree;
    DWORD cWanted, cDone = 0;

    if (pEnum == NULL || lpcCount == NULL || lpBufferSize == NULL || (lpBuffer == NULL && *lpBufferSize != 0))
        return WN_BAD_POINTER;
    cWanted = *lpcCount;
    /* The strings stay aligned for WCHAR however odd the size. */
    cbFree = *lpBufferSize - *lpBufferSize % sizeof(WCHAR);
    lpStrings = (BYTE *)lpBuffer + cbFree;
    while (cDone < cWanted && pEnum->iNext < pEnum->Table.cEntries) {
        const WIDE_CONNECTION *pConn = &pEnum->Table.pEntries[pEnum->iNext];
        size_t cb = EntrySize(pConn);

        if (pEnum->dwType != RESOURCETYPE_ANY && pConn->dwType != pEnum->dwType) {
            pEnum->iNext++;
            continue;
        }
        if (cb > cbFree) {
            if (cDone == 0) {
                *lpBufferSize = (DWORD)cb; /* not even one fits: the size of this one */
                return WN_MORE_DATA;
            }
            break;
        }
        ZeroMemory(&pOut[cDone], sizeof pOut[cDone]);
        pOut[cDone].dwScope = RESOURCE_CONNECTED;
        pOut[cDone].dwType = pConn->dwType;
        pOut[cDone].dwDisplayType = RESOURCEDISPLAYTYPE_SHARE;
        pOut[cDone].dwUsage = RESOURCEUSAGE_CONNECTABLE;
        pOut[cDone].lpRemoteName = PackString(&lpStrings, pConn->lpRemoteName);
        pOut[cDone].lpLocalName = PackString(&lpStrings, pConn->lpLocalName);
        pOut[cDone].lpComment = NULL;
        pOut[cDone].lpProvider = NULL; /* the router puts the manifest's "name" here */
        cbFree -= cb;
        cDone++;
        pEnum->iNext++;
    }
    *lpcCount = cDone;
    return cDone > 0 ? WN_SUCCESS : WN_NO_MORE_ENTRIES;
}

DWORD APIENTRY NPCloseEnum(HANDLE hEnum)
{
    WIDE_ENUM *pEnum = hEnum;

    if (pEnum == NULL)
        return WN_BAD_HANDLE;
    FreeTable(&pEnum->Table);
    free(pEnum);
    return WN_SUCCESS;
}
