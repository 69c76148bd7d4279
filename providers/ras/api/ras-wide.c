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
 * success and ERROR_BUFFER_TOO_SMALL, as in the A forms.  Entry names are
 * the exception to "call the A form": a name of RAS_MaxEntryName
 * characters may not fit an A structure's array once in UTF-8, so the
 * calls that carry one in a structure (RasDialW, RasEnumEntriesW,
 * RasEnumConnectionsW, Ras[GS]etEntryDialParamsW) hand it to the A form's
 * body apart, and take whole names back (ras-named.h).
 */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <netrouter/ras.h>

#include "local-lasterror.h"
#include "ras-named.h"
#include "ras-wide-args.h"
#include "wide.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Wide w (an array of wcap characters) into UTF-8 out of cap bytes. */
static DWORD to_utf8(const WCHAR *w, size_t wcap, char *out, size_t cap)
{
    return nr_ras_wide_member(w, wcap, out, cap) ? 0 : ERROR_INVALID_PARAMETER;
}

/* UTF-8 s into wide out of cap characters (an A array of as many bytes
 * always fits: a character takes at least one byte). */
static DWORD to_wide(const char *s, WCHAR *out, size_t cap)
{
    return nr_wide_from_utf8_buf(s, out, cap) == (size_t)-1 ? ERROR_NO_UNICODE_TRANSLATION : 0;
}

#define W2A(w, a, field) to_utf8((w)->field, COUNT((w)->field), (a)->field, sizeof (a)->field)
#define A2W(a, w, field) to_wide((a)->field, (w)->field, COUNT((w)->field))

/* An entry name of a W structure (wname, of wcap characters) into entry, of
 * NR_RAS_MaxEntryNameUtf8 + 1 bytes: what RAS_MaxEntryName characters
 * take, more than the A structure's array holds. */
static DWORD name_utf8(const WCHAR *wname, size_t wcap, char *entry)
{
    return to_utf8(wname, wcap, entry, NR_RAS_MaxEntryNameUtf8 + 1);
}

/* The W answer of an enumeration of n elements of size bytes into an
 * array of *lpcb bytes (NULL: a probe): rc, or ERROR_BUFFER_TOO_SMALL when
 * the array cannot hold them; no elements fit any array, NULL included (as
 * on Windows: a probe of an empty list succeeds).  *room tells the caller
 * to fill it. */
static DWORD enum_room(DWORD rc, DWORD n, size_t size, const void *array, const DWORD *lpcb, bool *room)
{
    *room = false;
    if (rc)
        return rc;
    if ((size_t)n * size > UINT32_MAX)
        return ERROR_ALLOCATING_MEMORY;
    if (n && (!array || *lpcb < n * size))
        return ERROR_BUFFER_TOO_SMALL;
    *room = true;
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
    nr_phonebook *book = NULL;
    DWORD rc, n, flags;
    bool room;
    char *pb;

    nr_ras_set_last_error(NULL);
    if (reserved || !lpcb || !lpcEntries)
        return ERROR_INVALID_PARAMETER;
    if (entries && entries->dwSize != sizeof(RASENTRYNAMEW))
        return ERROR_INVALID_SIZE;
    if ((rc = nr_ras_wide_arg(phonebook, &pb)) != 0)
        return rc;
    rc = nr_ras_entries_book(pb, &book, &flags); /* RasEnumEntriesA's phonebook, with whole names */
    free(pb);
    if (rc)
        return rc;
    n = book ? (DWORD)book->n : 0;
    rc = enum_room(0, n, sizeof *entries, entries, lpcb, &room);
    for (DWORD i = 0; room && i < n && rc == 0; i++) {
        RASENTRYNAMEW *w = &entries[i];
        memset(w, 0, sizeof *w);
        w->dwSize = sizeof *w;
        w->dwFlags = flags;
        if ((rc = to_wide(book->entries[i].name, w->szEntryName, COUNT(w->szEntryName))) == 0)
            rc = to_wide(book->path, w->szPhonebookPath, COUNT(w->szPhonebookPath));
    }
    if (rc == 0 || rc == ERROR_BUFFER_TOO_SMALL) {
        *lpcb = (DWORD)(n * sizeof *entries);
        *lpcEntries = n;
    }
    nr_pb_free(book);
    return rc;
}

/* What params_utf8 converts besides the names, the user and the domain. */
#define WITH_PHONE_NUMBER 1 /* RasSetEntryDialParamsA ignores it, unchecked */
#define WITH_PASSWORD     2 /* not with fRemovePassword */

/* The RASDIALPARAMSA of w, its entry name apart in entry (NR_RAS_MaxEntryNameUtf8
 * + 1 bytes; a->szEntryName stays empty): 0, or ERROR_INVALID_PARAMETER. */
static DWORD params_utf8(const RASDIALPARAMSW *w, RASDIALPARAMSA *a, char *entry, unsigned with)
{
    DWORD rc;
    memset(a, 0, sizeof *a);
    a->dwSize = sizeof *a;
    a->dwSubEntry = w->dwSubEntry;
    a->dwCallbackId = w->dwCallbackId;
    a->dwIfIndex = w->dwIfIndex;
    if ((rc = name_utf8(w->szEntryName, COUNT(w->szEntryName), entry)) == 0 &&
        (rc = W2A(w, a, szCallbackNumber)) == 0 &&
        (rc = W2A(w, a, szUserName)) == 0 && (rc = W2A(w, a, szDomain)) == 0 &&
        (!(with & WITH_PHONE_NUMBER) || (rc = W2A(w, a, szPhoneNumber)) == 0))
        rc = with & WITH_PASSWORD ? W2A(w, a, szPassword) : 0;
    return rc;
}

NR_RAS_PUBLIC DWORD APIENTRY RasDialW(LPRASDIALEXTENSIONS ext, LPCWSTR phonebook, LPRASDIALPARAMSW params,
                                      DWORD type, LPVOID notifier, LPHRASCONN out)
{
    RASDIALPARAMSA a;
    char *pb = NULL, entry[NR_RAS_MaxEntryNameUtf8 + 1];
    DWORD rc;

    nr_ras_set_last_error(NULL);
    if (!params || !out) /* the A form's answer (ERROR_POSSIBLE_DEADLOCK first) */
        return RasDialA(ext, NULL, NULL, type, notifier, out);
    if (params->dwSize != sizeof *params)
        return ERROR_INVALID_SIZE;
    if ((rc = params_utf8(params, &a, entry, WITH_PHONE_NUMBER | WITH_PASSWORD)) == 0 &&
        (rc = nr_ras_wide_arg(phonebook, &pb)) == 0)
        rc = nr_ras_dial_named(ext, pb, &a, entry, type, notifier, out); /* copies what it keeps */
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

/* One RASCONNW of a RASCONNA and the whole entry name. */
static DWORD conn_wide(const RASCONNA *a, const char *entry, RASCONNW *w)
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
    if ((rc = to_wide(entry, w->szEntryName, COUNT(w->szEntryName))) == 0 && (rc = A2W(a, w, szDeviceType)) == 0 &&
        (rc = A2W(a, w, szDeviceName)) == 0)
        rc = A2W(a, w, szPhonebook);
    return rc;
}

NR_RAS_PUBLIC DWORD APIENTRY RasEnumConnectionsW(LPRASCONNW conns, LPDWORD lpcb, LPDWORD lpcConnections)
{
    nr_ras_link *v = NULL;
    size_t count = 0;
    DWORD rc, n;
    bool room;

    if (!lpcb || !lpcConnections)
        return ERROR_INVALID_PARAMETER;
    if (conns && conns->dwSize != sizeof(RASCONNW))
        return ERROR_INVALID_SIZE;
    rc = nr_ras_links(&v, &count); /* RasEnumConnectionsA's list, with whole entry names */
    n = count > UINT32_MAX / sizeof *conns ? UINT32_MAX : (DWORD)count;
    rc = enum_room(rc, n, sizeof *conns, conns, lpcb, &room);
    for (DWORD i = 0; room && i < n && rc == 0; i++) {
        RASCONNA a;
        nr_ras_link_rasconn(&a, &v[i]);
        rc = conn_wide(&a, v[i].entry, &conns[i]);
    }
    if (rc == 0 || rc == ERROR_BUFFER_TOO_SMALL) {
        *lpcb = (DWORD)(n * sizeof *conns);
        *lpcConnections = n;
    }
    free(v);
    return rc;
}

/* The A projection a (asize bytes, dwSize set), then the checks of the W
 * buffer w of *lpcb bytes that must hold wsize: 0 when w may be filled. */
static DWORD projection(HRASCONN h, RASPROJECTION proj, void *a, DWORD asize, void *w, DWORD wsize, LPDWORD lpcb)
{
    DWORD rc, cb = asize;
    if ((rc = RasGetProjectionInfoA(h, proj, a, &cb)) != 0)
        return rc;
    if (!w || *lpcb < wsize) {
        *lpcb = wsize;
        return ERROR_BUFFER_TOO_SMALL;
    }
    return *(DWORD *)w != wsize ? ERROR_INVALID_SIZE : 0; /* its dwSize */
}

NR_RAS_PUBLIC DWORD APIENTRY RasGetProjectionInfoW(HRASCONN h, RASPROJECTION proj, LPVOID buf, LPDWORD lpcb)
{
    DWORD rc;
    if (!lpcb)
        return ERROR_INVALID_PARAMETER;
    if (proj == RASP_PppIp) {
        RASPPPIPA a = { .dwSize = sizeof a };
        RASPPPIPW *w = buf;
        if ((rc = projection(h, proj, &a, sizeof a, w, sizeof *w, lpcb)) != 0)
            return rc;
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
        if ((rc = projection(h, proj, &a, sizeof a, w, sizeof *w, lpcb)) != 0)
            return rc;
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
    char *pb = NULL, entry[NR_RAS_MaxEntryNameUtf8 + 1];
    DWORD rc;

    nr_ras_set_last_error(NULL);
    if (!params)
        return ERROR_BUFFER_INVALID;
    if (params->dwSize != sizeof *params)
        return ERROR_INVALID_SIZE;
    /* szPhoneNumber is not saved; szPassword is ignored with fRemovePassword */
    if ((rc = params_utf8(params, &a, entry, fRemovePassword ? 0 : WITH_PASSWORD)) == 0 &&
        (rc = nr_ras_wide_arg(phonebook, &pb)) == 0)
        rc = nr_ras_set_dial_params_named(pb, &a, entry, fRemovePassword);
    explicit_bzero(&a, sizeof a);
    free(pb);
    return rc;
}

NR_RAS_PUBLIC DWORD APIENTRY RasGetEntryDialParamsW(LPCWSTR phonebook, LPRASDIALPARAMSW params, LPBOOL lpfPassword)
{
    RASDIALPARAMSA a;
    char *pb = NULL, entry[NR_RAS_MaxEntryNameUtf8 + 1];
    DWORD rc;

    nr_ras_set_last_error(NULL);
    if (!params || !lpfPassword)
        return ERROR_BUFFER_INVALID;
    if (params->dwSize != sizeof *params)
        return ERROR_INVALID_SIZE;
    memset(&a, 0, sizeof a);
    a.dwSize = sizeof a;
    if ((rc = name_utf8(params->szEntryName, COUNT(params->szEntryName), entry)) == 0 &&
        (rc = nr_ras_wide_arg(phonebook, &pb)) == 0)
        rc = nr_ras_get_dial_params_named(pb, &a, entry, lpfPassword);
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
