/*
 * ras-calls.c - the public calls on dials and links of <netrouter/ras.h>:
 * each checks what the caller gave it, then hands the call to the engine
 * this process uses (ras-engine.c): the connection service (client.h) or
 * the engine inside this process (local.h).  The statistics too.  RasEnumConnections's
 * size-probe protocol is done here, over either engine's list.  The entry
 * name of a dial and of a listed link may be longer than the A structures
 * hold (RAS_MaxEntryName characters): RasDialW and RasEnumConnectionsW pass
 * and take it whole (ras-named.h); a RASCONNA holds it cut at a character
 * boundary.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "client.h"
#include "local-lasterror.h"
#include "local.h"
#include "notify.h"
#include "ras-engine.h"
#include "ras-named.h"
#include "utf8.h"

NR_RAS_PUBLIC DWORD APIENTRY RasDialA(LPRASDIALEXTENSIONS ext, LPCSTR phonebook, LPRASDIALPARAMSA params,
                                      DWORD type, LPVOID notifier, LPHRASCONN out)
{
    return nr_ras_dial_named(ext, phonebook, params, params ? params->szEntryName : NULL, type, notifier, out);
}

DWORD nr_ras_dial_named(LPRASDIALEXTENSIONS ext, LPCSTR phonebook, LPRASDIALPARAMSA params, LPCSTR entry,
                        DWORD type, LPVOID notifier, LPHRASCONN out)
{
    nr_ras_set_last_error(NULL);
    if (nr_ras_in_handler())
        return ERROR_POSSIBLE_DEADLOCK; /* never from inside a notification handler */
    if (!params || !out || type == NR_RAS_NOTIFIER_RELAY)
        return ERROR_INVALID_PARAMETER;
    if (params->dwSize != sizeof *params ||
        (ext && ext->dwSize != sizeof *ext && ext->dwSize != NR_RASDIALEXTENSIONS_V1_SIZE))
        return ERROR_INVALID_SIZE; /* RasEapInfo (not in the V1 size) is ignored */
    if (memchr(params->szEntryName, '\0', sizeof params->szEntryName) == NULL ||
        memchr(params->szPhoneNumber, '\0', sizeof params->szPhoneNumber) == NULL ||
        memchr(params->szUserName, '\0', sizeof params->szUserName) == NULL ||
        memchr(params->szPassword, '\0', sizeof params->szPassword) == NULL ||
        memchr(params->szDomain, '\0', sizeof params->szDomain) == NULL ||
        memchr(params->szCallbackNumber, '\0', sizeof params->szCallbackNumber) == NULL)
        return ERROR_INVALID_PARAMETER;
    if (nr_ras_in_process())
        return nr_local_dial(ext, phonebook, params, entry, type, notifier, out, 0);
    return nr_client_dial(ext, phonebook, params, entry, type, notifier, out);
}

NR_RAS_PUBLIC DWORD APIENTRY RasHangUpA(HRASCONN h)
{
    return nr_ras_in_process() ? nr_local_hang_up(h) : nr_client_hang_up(h);
}

NR_RAS_PUBLIC DWORD nr_ras_hang_up_wait(HRASCONN h, DWORD timeout_ms)
{
    if (h && nr_ras_in_handler() == h)
        return ERROR_POSSIBLE_DEADLOCK;
    return nr_ras_in_process() ? nr_local_hang_up_wait(h, timeout_ms) : nr_client_hang_up_wait(h, timeout_ms);
}

NR_RAS_PUBLIC DWORD APIENTRY RasConnectionNotificationA(HRASCONN h, HANDLE event, DWORD flags)
{
    if (nr_ras_in_process())
        return nr_local_connection_notification(h, event, flags);
    return nr_client_connection_notification(h, event, flags);
}

NR_RAS_PUBLIC DWORD APIENTRY RasGetConnectStatusA(HRASCONN h, LPRASCONNSTATUSA status)
{
    nr_client_status st;
    DWORD rc;
    if (!status)
        return ERROR_INVALID_PARAMETER;
    if (status->dwSize != sizeof *status)
        return ERROR_INVALID_SIZE;
    if (nr_ras_in_process())
        return nr_local_get_connect_status(h, status);
    if ((rc = nr_client_get_status(h, &st)) == 0)
        *status = st.status;
    return rc;
}

/* text into buf (size octets), NUL included, or ERROR_BUFFER_TOO_SMALL. */
static DWORD copy_out(LPSTR buf, DWORD size, const char *text)
{
    size_t n = strlen(text);
    if (n >= size)
        return ERROR_BUFFER_TOO_SMALL;
    memcpy(buf, text, n + 1);
    return 0;
}

NR_RAS_PUBLIC DWORD nr_ras_get_interface(HRASCONN h, LPSTR buf, DWORD size)
{
    nr_client_status st;
    DWORD rc;
    if (!buf)
        return ERROR_INVALID_PARAMETER;
    if (nr_ras_in_process())
        return nr_local_get_interface(h, buf, size);
    if ((rc = nr_client_get_status(h, &st)) != 0)
        return rc;
    return copy_out(buf, size, st.interface);
}

NR_RAS_PUBLIC DWORD nr_ras_get_nameservers(HRASCONN h, LPSTR buf, DWORD size)
{
    nr_client_status st;
    DWORD rc;
    if (!buf)
        return ERROR_INVALID_PARAMETER;
    if (nr_ras_in_process())
        return nr_local_get_nameservers(h, buf, size);
    if ((rc = nr_client_get_status(h, &st)) != 0)
        return rc;
    if (!st.has_nameservers)
        return ERROR_NOT_SUPPORTED; /* an older service, which does not tell them */
    return copy_out(buf, size, st.nameservers);
}

NR_RAS_PUBLIC DWORD nr_ras_get_last_phonebook_error(LPSTR buf, DWORD size)
{
    if (!buf || !size)
        return ERROR_INVALID_PARAMETER;
    snprintf(buf, size, "%s", nr_ras_last_error());
    return 0;
}

NR_RAS_PUBLIC DWORD nr_ras_get_error_detail(HRASCONN h, LPSTR buf, DWORD size)
{
    nr_client_status st;
    DWORD rc;
    if (!buf || !size)
        return ERROR_INVALID_PARAMETER;
    if (!h)
        return nr_ras_get_last_phonebook_error(buf, size);
    if (nr_ras_in_process())
        return nr_local_get_error_detail(h, buf, size);
    if ((rc = nr_client_get_status(h, &st)) == 0)
        snprintf(buf, size, "%s", st.detail);
    return rc;
}

/* One RASCONNA of a link: every field, whatever the caller's version. */
void nr_ras_link_rasconn(RASCONNA *r, const nr_ras_link *k)
{
    static const char sys[] = NR_SYSCONFDIR "/";
    memset(r, 0, sizeof *r);
    r->dwSize = sizeof *r;
    r->hrasconn = k->handle;
    nr_utf8_copy_fit(r->szEntryName, sizeof r->szEntryName, k->entry); /* never half a character */
    snprintf(r->szDeviceType, sizeof r->szDeviceType, "%s", k->device_type);
    snprintf(r->szDeviceName, sizeof r->szDeviceName, "%s", k->device_name);
    snprintf(r->szPhonebook, sizeof r->szPhonebook, "%s", k->phonebook);
    r->dwSubEntry = 1;
    /* a process sees only its own user's links (the service is per user) */
    r->dwFlags = RASCF_OwnerKnown | RASCF_OwnerMatch;
    if (strncmp(k->phonebook, sys, sizeof sys - 1) == 0)
        r->dwFlags |= RASCF_AllUsers;
    r->luid.LowPart = (DWORD)getuid();
}

DWORD nr_ras_links(nr_ras_link **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    return nr_ras_in_process() ? nr_rasconn_snapshot(out, n) : nr_client_list(out, n);
}

NR_RAS_PUBLIC DWORD APIENTRY RasEnumConnectionsA(LPRASCONNA conns, LPDWORD lpcb, LPDWORD lpcConnections)
{
    nr_ras_link *v = NULL;
    size_t n = 0, stride = sizeof(RASCONNA);
    DWORD need, rc;
    if (!lpcb || !lpcConnections)
        return ERROR_INVALID_PARAMETER;
    if (conns && conns->dwSize != sizeof(RASCONNA) && conns->dwSize != NR_RASCONNA_V1_SIZE)
        return ERROR_INVALID_SIZE;
    if (conns)
        stride = conns->dwSize; /* the caller's version of RASCONNA */
    if ((rc = nr_ras_links(&v, &n)) != 0)
        return rc;
    if (n > UINT32_MAX / stride) {
        free(v);
        return ERROR_ALLOCATING_MEMORY;
    }
    need = (DWORD)(n * stride);
    *lpcConnections = (DWORD)n;
    /* Nothing to list is a success even for a probe (NULL, 0): Windows
     * answers ERROR_SUCCESS with *lpcb = 0, and callers that allocate *lpcb
     * bytes on ERROR_BUFFER_TOO_SMALL would otherwise allocate nothing. */
    if (n && (!conns || *lpcb < need)) {
        rc = ERROR_BUFFER_TOO_SMALL;
    } else {
        for (size_t i = 0; i < n; i++) {
            RASCONNA r;
            nr_ras_link_rasconn(&r, &v[i]);
            r.dwSize = (DWORD)stride;
            memcpy((char *)conns + i * stride, &r, stride);
        }
    }
    *lpcb = need;
    free(v);
    return rc;
}

NR_RAS_PUBLIC DWORD APIENTRY RasGetProjectionInfoA(HRASCONN h, RASPROJECTION proj, LPVOID buf, LPDWORD lpcb)
{
    if (!lpcb)
        return ERROR_INVALID_PARAMETER;
    if (nr_ras_in_process())
        return nr_local_get_projection_info(h, proj, buf, lpcb);
    return nr_client_get_projection_info(h, proj, buf, lpcb);
}

NR_RAS_PUBLIC DWORD nr_ras_terminal_read(HRASCONN h, LPVOID buf, DWORD size, DWORD timeout_ms, LPDWORD got)
{
    if (!buf || !got || !size)
        return ERROR_INVALID_PARAMETER;
    *got = 0;
    if (nr_ras_in_process())
        return nr_local_terminal_read(h, buf, size, timeout_ms, got);
    return nr_client_terminal_read(h, buf, size, timeout_ms, got);
}

NR_RAS_PUBLIC DWORD nr_ras_terminal_write(HRASCONN h, const void *buf, DWORD size)
{
    if (!buf && size)
        return ERROR_INVALID_PARAMETER;
    if (nr_ras_in_process())
        return nr_local_terminal_write(h, buf, size);
    return nr_client_terminal_write(h, buf, size);
}

NR_RAS_PUBLIC DWORD RasGetConnectionStatistics(HRASCONN h, RAS_STATS *stats)
{
    if (!stats)
        return ERROR_INVALID_PARAMETER;
    if (stats->dwSize != sizeof *stats)
        return ERROR_INVALID_SIZE;
    return nr_ras_in_process() ? nr_local_get_stats(h, stats) : nr_client_get_stats(h, stats);
}

NR_RAS_PUBLIC DWORD RasClearConnectionStatistics(HRASCONN h)
{
    return nr_ras_in_process() ? nr_local_clear_stats(h) : nr_client_clear_stats(h);
}

/* One link per connection, subentry 1 (ras.h): 0 when h is a connection
 * and dwSubEntry its link; else the handle's error, then
 * ERROR_NO_MORE_ITEMS.  stats (dwSize set) receives the counters. */
static DWORD the_link(HRASCONN h, DWORD dwSubEntry, RAS_STATS *stats)
{
    DWORD rc = RasGetConnectionStatistics(h, stats); /* the handle first, as the other calls check it */
    return rc == 0 && dwSubEntry != 1 ? ERROR_NO_MORE_ITEMS : rc;
}

NR_RAS_PUBLIC DWORD RasGetLinkStatistics(HRASCONN h, DWORD dwSubEntry, RAS_STATS *stats)
{
    return the_link(h, dwSubEntry, stats);
}

NR_RAS_PUBLIC DWORD RasClearLinkStatistics(HRASCONN h, DWORD dwSubEntry)
{
    RAS_STATS st = { .dwSize = sizeof st };
    DWORD rc = the_link(h, dwSubEntry, &st);
    return rc ? rc : RasClearConnectionStatistics(h);
}

NR_RAS_PUBLIC DWORD APIENTRY RasGetSubEntryHandleA(HRASCONN h, DWORD dwSubEntry, LPHRASCONN out)
{
    RAS_STATS st = { .dwSize = sizeof st };
    DWORD rc;
    if (!out)
        return ERROR_INVALID_PARAMETER;
    if ((rc = the_link(h, dwSubEntry, &st)) == 0)
        *out = h;
    return rc;
}

NR_RAS_PUBLIC DWORD APIENTRY RasGetSubEntryHandleW(HRASCONN h, DWORD dwSubEntry, LPHRASCONN out)
{
    return RasGetSubEntryHandleA(h, dwSubEntry, out);
}
