/*
 * ras-wide.c - the W forms of the Ras* functions (RasDialW, RasEnumEntriesW,
 * ...): each converts its wide (wchar_t) arguments to UTF-8 with
 * router/common's wide.h, calls the A form, which is the one implementation,
 * and converts what it gives back.  Nothing else happens here: every check
 * and every error is the A form's, except the W sizes (structures of
 * WCHAR arrays, RasGetErrorStringW's characters) and the two conversion
 * errors: wide text that is not Unicode, or does not fit the A form's array
 * once in UTF-8, is ERROR_INVALID_PARAMETER; stored text that is not UTF-8
 * is ERROR_NO_UNICODE_TRANSLATION.  Sizes handed back are touched only on
 * success and ERROR_BUFFER_TOO_SMALL, as in the A forms.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <netrouter/ras.h>

#include "local-lasterror.h"
#include "wide.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Wide w (an array of wcap characters) into UTF-8 out of cap bytes. */
static DWORD to_utf8(const WCHAR *w, size_t wcap, char *out, size_t cap)
{
    if (!wmemchr(w, L'\0', wcap) || nr_utf8_from_wide_buf(w, out, cap) == (size_t)-1)
        return ERROR_INVALID_PARAMETER;
    return 0;
}

/* UTF-8 s into wide out of cap characters (an A array of as many bytes
 * always fits: a character takes at least one byte). */
static DWORD to_wide(const char *s, WCHAR *out, size_t cap)
{
    return nr_wide_from_utf8_buf(s, out, cap) == (size_t)-1 ? ERROR_NO_UNICODE_TRANSLATION : 0;
}

#define W2A(w, a, field) to_utf8((w)->field, COUNT((w)->field), (a)->field, sizeof (a)->field)
#define A2W(a, w, field) to_wide((a)->field, (w)->field, COUNT((w)->field))

/* A UTF-8 copy of a wide phonebook path into *out (NULL stays NULL). */
static DWORD path_utf8(LPCWSTR path, char **out)
{
    *out = NULL;
    if (!path)
        return 0;
    *out = nr_utf8_dup(path);
    if (!*out)
        return errno == ENOMEM ? ERROR_ALLOCATING_MEMORY : ERROR_INVALID_PARAMETER;
    return 0;
}

NR_RAS_PUBLIC DWORD APIENTRY RasGetErrorStringW(UINT code, LPWSTR buf, DWORD size)
{
    char text[1024];
    size_t need;
    DWORD rc;
    if (!buf)
        return ERROR_INVALID_PARAMETER;
    if ((rc = RasGetErrorStringA(code, text, sizeof text)) != 0)
        return rc;
    need = nr_wide_count(text) + 1; /* the texts are ours: always UTF-8 */
    if (size < need)
        return ERROR_INSUFFICIENT_BUFFER;
    return to_wide(text, buf, size);
}

NR_RAS_PUBLIC DWORD APIENTRY RasEnumEntriesW(LPCWSTR reserved, LPCWSTR phonebook, LPRASENTRYNAMEW entries,
                                             LPDWORD lpcb, LPDWORD lpcEntries)
{
    RASENTRYNAMEA *a = NULL;
    DWORD rc, cb = 0, n = 0;
    size_t need;
    char *pb;

    nr_ras_set_last_error(NULL);
    if (reserved || !lpcb || !lpcEntries)
        return ERROR_INVALID_PARAMETER;
    if (entries && entries->dwSize != sizeof(RASENTRYNAMEW))
        return ERROR_INVALID_SIZE;
    if ((rc = path_utf8(phonebook, &pb)) != 0)
        return rc;
    /* The whole list in A form: probe, then fetch (again while it grows). */
    rc = RasEnumEntriesA(NULL, pb, NULL, &cb, &n);
    while (rc == ERROR_BUFFER_TOO_SMALL) {
        free(a);
        if (!(a = calloc(n ? n : 1, sizeof *a))) {
            rc = ERROR_ALLOCATING_MEMORY;
            break;
        }
        a[0].dwSize = sizeof *a;
        cb = (DWORD)(n * sizeof *a);
        rc = RasEnumEntriesA(NULL, pb, a, &cb, &n);
    }
    free(pb);
    if (rc == 0 && !a) { /* no default phonebook: no entries, no probe */
        *lpcb = 0;
        *lpcEntries = 0;
        return 0;
    }
    need = n * sizeof(RASENTRYNAMEW);
    if (rc == 0 && need > UINT32_MAX)
        rc = ERROR_ALLOCATING_MEMORY;
    if (rc == 0 && (!entries || *lpcb < need)) {
        rc = ERROR_BUFFER_TOO_SMALL;
    } else if (rc == 0) {
        for (DWORD i = 0; i < n && rc == 0; i++) {
            RASENTRYNAMEW *w = &entries[i];
            memset(w, 0, sizeof *w);
            w->dwSize = sizeof *w;
            w->dwFlags = a[i].dwFlags;
            if ((rc = A2W(&a[i], w, szEntryName)) == 0)
                rc = A2W(&a[i], w, szPhonebookPath);
        }
    }
    if (rc == 0 || rc == ERROR_BUFFER_TOO_SMALL) {
        *lpcb = (DWORD)need;
        *lpcEntries = n;
    }
    free(a);
    return rc;
}

NR_RAS_PUBLIC DWORD APIENTRY RasDialW(LPRASDIALEXTENSIONS ext, LPCWSTR phonebook, LPRASDIALPARAMSW params,
                                      DWORD type, LPVOID notifier, LPHRASCONN out)
{
    RASDIALPARAMSA a;
    char *pb = NULL;
    DWORD rc;

    nr_ras_set_last_error(NULL);
    if (!params || !out) /* the A form's answer (ERROR_POSSIBLE_DEADLOCK first) */
        return RasDialA(ext, NULL, NULL, type, notifier, out);
    if (params->dwSize != sizeof *params)
        return ERROR_INVALID_SIZE;
    memset(&a, 0, sizeof a);
    a.dwSize = sizeof a;
    a.dwSubEntry = params->dwSubEntry;
    a.dwCallbackId = params->dwCallbackId;
    a.dwIfIndex = params->dwIfIndex;
    if ((rc = W2A(params, &a, szEntryName)) == 0 && (rc = W2A(params, &a, szPhoneNumber)) == 0 &&
        (rc = W2A(params, &a, szCallbackNumber)) == 0 && (rc = W2A(params, &a, szUserName)) == 0 &&
        (rc = W2A(params, &a, szPassword)) == 0 && (rc = W2A(params, &a, szDomain)) == 0 &&
        (rc = path_utf8(phonebook, &pb)) == 0)
        rc = RasDialA(ext, pb, &a, type, notifier, out); /* copies what it keeps */
    explicit_bzero(&a, sizeof a);
    free(pb);
    return rc;
}

NR_RAS_PUBLIC DWORD APIENTRY RasHangUpW(HRASCONN h)
{
    return RasHangUpA(h);
}

NR_RAS_PUBLIC DWORD APIENTRY RasConnectionNotificationW(HRASCONN h, HANDLE event, DWORD flags)
{
    return RasConnectionNotificationA(h, event, flags);
}

NR_RAS_PUBLIC DWORD APIENTRY RasGetConnectStatusW(HRASCONN h, LPRASCONNSTATUSW status)
{
    RASCONNSTATUSA a = { .dwSize = sizeof a };
    DWORD rc;
    if (!status)
        return ERROR_INVALID_PARAMETER;
    if (status->dwSize != sizeof *status)
        return ERROR_INVALID_SIZE;
    if ((rc = RasGetConnectStatusA(h, &a)) != 0)
        return rc;
    status->rasconnstate = a.rasconnstate;
    status->dwError = a.dwError;
    if ((rc = A2W(&a, status, szDeviceType)) == 0 && (rc = A2W(&a, status, szDeviceName)) == 0)
        rc = A2W(&a, status, szPhoneNumber);
    return rc;
}

/* One RASCONNW of a RASCONNA. */
static DWORD conn_wide(const RASCONNA *a, RASCONNW *w)
{
    DWORD rc;
    memset(w, 0, sizeof *w);
    w->dwSize = sizeof *w;
    w->hrasconn = a->hrasconn;
    w->dwSubEntry = a->dwSubEntry;
    w->guidEntry = a->guidEntry;
    w->dwFlags = a->dwFlags;
    w->luid = a->luid;
    w->guidCorrelationId = a->guidCorrelationId;
    if ((rc = A2W(a, w, szEntryName)) == 0 && (rc = A2W(a, w, szDeviceType)) == 0 &&
        (rc = A2W(a, w, szDeviceName)) == 0)
        rc = A2W(a, w, szPhonebook);
    return rc;
}

NR_RAS_PUBLIC DWORD APIENTRY RasEnumConnectionsW(LPRASCONNW conns, LPDWORD lpcb, LPDWORD lpcConnections)
{
    RASCONNA *a = NULL;
    DWORD rc, cb = 0, n = 0;
    size_t need;

    if (!lpcb || !lpcConnections)
        return ERROR_INVALID_PARAMETER;
    if (conns && conns->dwSize != sizeof(RASCONNW))
        return ERROR_INVALID_SIZE;
    /* The A form answers a NULL array with the count (and 0 for none). */
    rc = RasEnumConnectionsA(NULL, &cb, &n);
    while (rc == ERROR_BUFFER_TOO_SMALL) {
        free(a);
        if (!(a = calloc(n ? n : 1, sizeof *a))) {
            rc = ERROR_ALLOCATING_MEMORY;
            break;
        }
        a[0].dwSize = sizeof *a;
        cb = (DWORD)(n * sizeof *a);
        rc = RasEnumConnectionsA(a, &cb, &n);
    }
    need = n * sizeof(RASCONNW);
    if (rc == 0 && need > UINT32_MAX)
        rc = ERROR_ALLOCATING_MEMORY;
    if (rc == 0 && (!conns || *lpcb < need)) {
        rc = ERROR_BUFFER_TOO_SMALL;
    } else if (rc == 0) {
        for (DWORD i = 0; i < n && rc == 0; i++)
            rc = conn_wide(&a[i], &conns[i]);
    }
    if (rc == 0 || rc == ERROR_BUFFER_TOO_SMALL) {
        *lpcb = (DWORD)need;
        *lpcConnections = n;
    }
    free(a);
    return rc;
}

NR_RAS_PUBLIC DWORD APIENTRY RasGetProjectionInfoW(HRASCONN h, RASPROJECTION proj, LPVOID buf, LPDWORD lpcb)
{
    DWORD rc, cb;
    if (!lpcb)
        return ERROR_INVALID_PARAMETER;
    if (proj == RASP_PppIp) {
        RASPPPIPA a = { .dwSize = sizeof a };
        RASPPPIPW *w = buf;
        cb = sizeof a;
        if ((rc = RasGetProjectionInfoA(h, proj, &a, &cb)) != 0)
            return rc;
        if (!w || *lpcb < sizeof *w) {
            *lpcb = sizeof *w;
            return ERROR_BUFFER_TOO_SMALL;
        }
        if (w->dwSize != sizeof *w)
            return ERROR_INVALID_SIZE;
        w->dwError = a.dwError;
        w->dwOptions = a.dwOptions;
        w->dwServerOptions = a.dwServerOptions;
        if ((rc = A2W(&a, w, szIpAddress)) == 0)
            rc = A2W(&a, w, szServerIpAddress);
        return rc;
    }
    if (proj == RASP_PppLcp) {
        RASPPPLCPA a = { .dwSize = sizeof a };
        RASPPPLCPW *w = buf;
        cb = sizeof a;
        if ((rc = RasGetProjectionInfoA(h, proj, &a, &cb)) != 0)
            return rc;
        if (!w || *lpcb < sizeof *w) {
            *lpcb = sizeof *w;
            return ERROR_BUFFER_TOO_SMALL;
        }
        if (w->dwSize != sizeof *w)
            return ERROR_INVALID_SIZE;
        memset(w, 0, sizeof *w);
        w->dwSize = sizeof *w;
        w->fBundled = a.fBundled;
        w->dwError = a.dwError;
        w->dwAuthenticationProtocol = a.dwAuthenticationProtocol;
        w->dwAuthenticationData = a.dwAuthenticationData;
        w->dwEapTypeId = a.dwEapTypeId;
        w->dwServerAuthenticationProtocol = a.dwServerAuthenticationProtocol;
        w->dwServerAuthenticationData = a.dwServerAuthenticationData;
        w->dwServerEapTypeId = a.dwServerEapTypeId;
        w->fMultilink = a.fMultilink;
        w->dwTerminateReason = a.dwTerminateReason;
        w->dwServerTerminateReason = a.dwServerTerminateReason;
        w->dwOptions = a.dwOptions;
        w->dwServerOptions = a.dwServerOptions;
        return A2W(&a, w, szReplyMessage);
    }
    return RasGetProjectionInfoA(h, proj, buf, lpcb); /* no text: the A form's answer */
}

NR_RAS_PUBLIC DWORD APIENTRY RasSetEntryDialParamsW(LPCWSTR phonebook, LPRASDIALPARAMSW params, BOOL fRemovePassword)
{
    RASDIALPARAMSA a;
    char *pb = NULL;
    DWORD rc;

    nr_ras_set_last_error(NULL);
    if (!params)
        return ERROR_BUFFER_INVALID;
    if (params->dwSize != sizeof *params)
        return ERROR_INVALID_SIZE;
    memset(&a, 0, sizeof a);
    a.dwSize = sizeof a;
    a.dwSubEntry = params->dwSubEntry;
    a.dwCallbackId = params->dwCallbackId;
    a.dwIfIndex = params->dwIfIndex;
    /* szPhoneNumber is not saved; szPassword is ignored with fRemovePassword */
    if ((rc = W2A(params, &a, szEntryName)) == 0 && (rc = W2A(params, &a, szCallbackNumber)) == 0 &&
        (rc = W2A(params, &a, szUserName)) == 0 && (fRemovePassword || (rc = W2A(params, &a, szPassword)) == 0) &&
        (rc = W2A(params, &a, szDomain)) == 0 && (rc = path_utf8(phonebook, &pb)) == 0)
        rc = RasSetEntryDialParamsA(pb, &a, fRemovePassword);
    explicit_bzero(&a, sizeof a);
    free(pb);
    return rc;
}

NR_RAS_PUBLIC DWORD APIENTRY RasGetEntryDialParamsW(LPCWSTR phonebook, LPRASDIALPARAMSW params, LPBOOL lpfPassword)
{
    RASDIALPARAMSA a;
    char *pb = NULL;
    DWORD rc;

    nr_ras_set_last_error(NULL);
    if (!params || !lpfPassword)
        return ERROR_BUFFER_INVALID;
    if (params->dwSize != sizeof *params)
        return ERROR_INVALID_SIZE;
    memset(&a, 0, sizeof a);
    a.dwSize = sizeof a;
    if ((rc = W2A(params, &a, szEntryName)) == 0 && (rc = path_utf8(phonebook, &pb)) == 0)
        rc = RasGetEntryDialParamsA(pb, &a, lpfPassword);
    free(pb);
    if (rc == 0) {
        explicit_bzero(params->szPassword, sizeof params->szPassword);
        if ((rc = A2W(&a, params, szPhoneNumber)) == 0 && (rc = A2W(&a, params, szCallbackNumber)) == 0 &&
            (rc = A2W(&a, params, szUserName)) == 0 && (rc = A2W(&a, params, szDomain)) == 0)
            rc = A2W(&a, params, szPassword);
        if (rc)
            explicit_bzero(params->szPassword, sizeof params->szPassword);
    }
    explicit_bzero(&a, sizeof a);
    return rc;
}
