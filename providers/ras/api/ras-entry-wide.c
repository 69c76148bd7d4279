/*
 * ras-entry-wide.c - the W forms of the phonebook API (rasentry.h):
 * RasGetEntryPropertiesW, RasSetEntryPropertiesW, RasDeleteEntryW,
 * RasRenameEntryW, RasValidateEntryNameW and RasEnumDevicesW.  Each
 * checks what only the wide form has (its structure sizes), converts its
 * strings and structures with wide.h, the project's one converter, and
 * calls the A form, which does the work.  Sizes are bytes of the W
 * structures, as on Windows.
 *
 * Wide text that is not Unicode (a surrogate, beyond U+10FFFF) or a string
 * member without its NUL is ERROR_INVALID_PARAMETER; stored text that
 * cannot become wide is ERROR_NO_UNICODE_TRANSLATION.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <netrouter/ras.h>

#include "local-lasterror.h"
#include "ras-wide-args.h"
#include "utf8.h"
#include "wide.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The string members of RASENTRY but szPrerequisiteEntry (an entry name:
 * prerequisite_to_utf8), and the others, for the copies below. */
#define ENTRY_STRINGS(X)                                                                                       \
    X(szAreaCode) X(szLocalPhoneNumber) X(szScript) X(szAutodialDll) X(szAutodialFunc) X(szDeviceType)         \
    X(szDeviceName) X(szX25PadType) X(szX25Address) X(szX25Facilities) X(szX25UserData) X(szCustomDialDll)     \
    X(szDnsSuffix) X(szPrerequisitePbk)
#define ENTRY_VALUES(X)                                                                                        \
    X(dwfOptions) X(dwCountryID) X(dwCountryCode) X(dwAlternateOffset) X(ipaddr) X(ipaddrDns) X(ipaddrDnsAlt)  \
    X(ipaddrWins) X(ipaddrWinsAlt) X(dwFrameSize) X(dwfNetProtocols) X(dwFramingProtocol) X(dwChannels)        \
    X(dwReserved1) X(dwReserved2) X(dwSubEntries) X(dwDialMode) X(dwDialExtraPercent)                          \
    X(dwDialExtraSampleSeconds) X(dwHangUpExtraPercent) X(dwHangUpExtraSampleSeconds)                          \
    X(dwIdleDisconnectSeconds) X(dwType) X(dwEncryptionType) X(dwCustomAuthKey) X(guidId) X(dwVpnStrategy)     \
    X(dwfOptions2) X(dwfOptions3) X(dwTcpWindowSize) X(dwRedialCount) X(dwRedialPause) X(ipv6addrDns)          \
    X(ipv6addrDnsAlt) X(dwIPv4InterfaceMetric) X(dwIPv6InterfaceMetric) X(ipv6addr) X(dwIPv6PrefixLength)      \
    X(dwNetworkOutageTime)



/* szPrerequisiteEntry of w into a: an entry name of up to RAS_MaxEntryName
 * characters, which may not fit the A member once in UTF-8; the A form
 * ignores the member, so such a name is cut at a character rather than
 * refused. */
static DWORD prerequisite_to_utf8(const RASENTRYW *w, RASENTRYA *a)
{
    char name[NR_RAS_MaxEntryNameUtf8 + 1];
    if (!nr_ras_wide_member(w->szPrerequisiteEntry, COUNT(w->szPrerequisiteEntry), name, sizeof name)) {
        nr_ras_set_last_error("RASENTRYW.szPrerequisiteEntry: no terminating NUL, or not Unicode text");
        return ERROR_INVALID_PARAMETER;
    }
    nr_utf8_copy_fit(a->szPrerequisiteEntry, sizeof a->szPrerequisiteEntry, name);
    return 0;
}

static DWORD entry_to_utf8(const RASENTRYW *w, RASENTRYA *a)
{
    memset(a, 0, sizeof *a);
    a->dwSize = sizeof *a;
#define VALUE(m) a->m = w->m;
    ENTRY_VALUES(VALUE)
#undef VALUE
#define STRING(m)                                                                                              \
    if (!nr_ras_wide_member(w->m, COUNT(w->m), a->m, sizeof a->m)) {                                               \
        nr_ras_set_last_error("RASENTRYW." #m ": no terminating NUL, not Unicode text, or too long as UTF-8"); \
        return ERROR_INVALID_PARAMETER;                                                                        \
    }
    ENTRY_STRINGS(STRING)
#undef STRING
    return prerequisite_to_utf8(w, a);
}

static DWORD entry_to_wide(const RASENTRYA *a, RASENTRYW *w)
{
    memset(w, 0, sizeof *w);
    w->dwSize = sizeof *w;
#define VALUE(m) w->m = a->m;
    ENTRY_VALUES(VALUE)
#undef VALUE
#define STRING(m)                                                                                              \
    if (nr_wide_from_utf8_buf(a->m, w->m, COUNT(w->m)) == (size_t)-1) {                                        \
        nr_ras_set_last_error("the phonebook's " #m " is not UTF-8 text");                                     \
        return ERROR_NO_UNICODE_TRANSLATION;                                                                   \
    }
    ENTRY_STRINGS(STRING)
    STRING(szPrerequisiteEntry)
#undef STRING
    return 0;
}

NR_RAS_PUBLIC DWORD RasGetEntryPropertiesW(LPCWSTR lpszPhonebook, LPCWSTR lpszEntry, LPRASENTRYW lpRasEntry,
                                           LPDWORD lpdwEntryInfoSize, LPBYTE lpbDeviceInfo,
                                           LPDWORD lpdwDeviceInfoSize)
{
    char *book = NULL, *entry = NULL;
    RASENTRYA *a = NULL;
    DWORD rc, asize = sizeof *a;
    bool probe;

    nr_ras_set_last_error(NULL);
    if (!lpdwEntryInfoSize)
        return ERROR_INVALID_PARAMETER;
    if (lpRasEntry && *lpdwEntryInfoSize >= sizeof(DWORD) && lpRasEntry->dwSize != sizeof(RASENTRYW))
        return ERROR_INVALID_SIZE;
    probe = !lpRasEntry || *lpdwEntryInfoSize < sizeof(RASENTRYW);
    if ((rc = nr_ras_wide_arg(lpszPhonebook, &book)) != 0 || (rc = nr_ras_wide_arg(lpszEntry, &entry)) != 0)
        goto out;
    if (!probe && !(a = calloc(1, sizeof *a))) {
        rc = ERROR_ALLOCATING_MEMORY;
        goto out;
    }
    if (a)
        a->dwSize = sizeof *a;
    rc = RasGetEntryPropertiesA(book, entry, a, &asize, lpbDeviceInfo, lpdwDeviceInfoSize);
    if (rc == ERROR_BUFFER_TOO_SMALL && probe)
        *lpdwEntryInfoSize = sizeof(RASENTRYW);
    if (rc)
        goto out;
    if ((rc = entry_to_wide(a, lpRasEntry)) == 0)
        *lpdwEntryInfoSize = sizeof(RASENTRYW);
out:
    free(a);
    free(entry);
    free(book);
    return rc;
}

NR_RAS_PUBLIC DWORD RasSetEntryPropertiesW(LPCWSTR lpszPhonebook, LPCWSTR lpszEntry, LPRASENTRYW lpRasEntry,
                                           DWORD dwEntryInfoSize, LPBYTE lpbDeviceInfo, DWORD dwDeviceInfoSize)
{
    char *book = NULL, *entry = NULL;
    RASENTRYA *a = NULL;
    DWORD rc;

    nr_ras_set_last_error(NULL);
    if (!lpRasEntry)
        return ERROR_BUFFER_INVALID;
    if (dwEntryInfoSize < sizeof(DWORD) || lpRasEntry->dwSize != sizeof(RASENTRYW) ||
        dwEntryInfoSize < sizeof(RASENTRYW))
        return ERROR_INVALID_SIZE;
    if ((rc = nr_ras_wide_arg(lpszPhonebook, &book)) != 0 || (rc = nr_ras_wide_arg(lpszEntry, &entry)) != 0)
        goto out;
    if (!(a = malloc(sizeof *a))) {
        rc = ERROR_ALLOCATING_MEMORY;
        goto out;
    }
    if ((rc = entry_to_utf8(lpRasEntry, a)) == 0)
        rc = RasSetEntryPropertiesA(book, entry, a, sizeof *a, lpbDeviceInfo, dwDeviceInfoSize);
out:
    free(a);
    free(entry);
    free(book);
    return rc;
}

NR_RAS_PUBLIC DWORD RasDeleteEntryW(LPCWSTR lpszPhonebook, LPCWSTR lpszEntry)
{
    char *book = NULL, *entry = NULL;
    DWORD rc;
    nr_ras_set_last_error(NULL);
    if ((rc = nr_ras_wide_arg(lpszPhonebook, &book)) == 0 && (rc = nr_ras_wide_arg(lpszEntry, &entry)) == 0)
        rc = RasDeleteEntryA(book, entry);
    free(entry);
    free(book);
    return rc;
}

NR_RAS_PUBLIC DWORD RasRenameEntryW(LPCWSTR lpszPhonebook, LPCWSTR lpszOldEntry, LPCWSTR lpszNewEntry)
{
    char *book = NULL, *from = NULL, *to = NULL;
    DWORD rc;
    nr_ras_set_last_error(NULL);
    if ((rc = nr_ras_wide_arg(lpszPhonebook, &book)) == 0 && (rc = nr_ras_wide_arg(lpszOldEntry, &from)) == 0 &&
        (rc = nr_ras_wide_arg(lpszNewEntry, &to)) == 0)
        rc = RasRenameEntryA(book, from, to);
    free(to);
    free(from);
    free(book);
    return rc;
}

NR_RAS_PUBLIC DWORD RasValidateEntryNameW(LPCWSTR lpszPhonebook, LPCWSTR lpszEntry)
{
    char *book = NULL, *entry = NULL;
    DWORD rc;
    nr_ras_set_last_error(NULL);
    if ((rc = nr_ras_wide_arg(lpszPhonebook, &book)) == 0 && (rc = nr_ras_wide_arg(lpszEntry, &entry)) == 0)
        rc = RasValidateEntryNameA(book, entry);
    free(entry);
    free(book);
    return rc;
}

/* Every device in A form: *out (free it) and *n; 0 or the error. */
static DWORD devices(RASDEVINFOA **out, DWORD *n)
{
    for (int tries = 0; tries < 8; tries++) { /* a device may come between the two calls */
        DWORD cb = 0, rc = RasEnumDevicesA(NULL, &cb, n);
        RASDEVINFOA *v;
        *out = NULL;
        if (rc == 0)
            return 0;
        if (rc != ERROR_BUFFER_TOO_SMALL)
            return rc;
        if (!(v = calloc(1, cb)))
            return ERROR_ALLOCATING_MEMORY;
        v->dwSize = sizeof *v;
        if ((rc = RasEnumDevicesA(v, &cb, n)) == 0) {
            *out = v;
            return 0;
        }
        free(v);
        if (rc != ERROR_BUFFER_TOO_SMALL)
            return rc;
    }
    return ERROR_BUFFER_TOO_SMALL;
}

NR_RAS_PUBLIC DWORD RasEnumDevicesW(LPRASDEVINFOW lpRasDevInfo, LPDWORD lpcb, LPDWORD lpcDevices)
{
    RASDEVINFOA *a = NULL;
    DWORD n = 0, need, rc;

    nr_ras_set_last_error(NULL);
    if (!lpcb || !lpcDevices)
        return ERROR_INVALID_PARAMETER;
    if (lpRasDevInfo && lpRasDevInfo->dwSize != sizeof(RASDEVINFOW))
        return ERROR_INVALID_SIZE;
    if ((rc = devices(&a, &n)) != 0)
        return rc;
    need = n * (DWORD)sizeof(RASDEVINFOW);
    *lpcDevices = n;
    if (n && (!lpRasDevInfo || *lpcb < need)) {
        *lpcb = need;
        free(a);
        return ERROR_BUFFER_TOO_SMALL;
    }
    for (DWORD i = 0; i < n && rc == 0; i++) {
        RASDEVINFOW *w = &lpRasDevInfo[i];
        memset(w, 0, sizeof *w);
        w->dwSize = sizeof *w;
        if (nr_wide_from_utf8_buf(a[i].szDeviceType, w->szDeviceType, COUNT(w->szDeviceType)) == (size_t)-1 ||
            nr_wide_from_utf8_buf(a[i].szDeviceName, w->szDeviceName, COUNT(w->szDeviceName)) == (size_t)-1)
            rc = ERROR_NO_UNICODE_TRANSLATION;
    }
    if (!rc)
        *lpcb = need;
    free(a);
    return rc;
}
