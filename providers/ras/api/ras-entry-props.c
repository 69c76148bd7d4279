/*
 * ras-entry-props.c - RasGetEntryPropertiesA and RasSetEntryPropertiesA:
 * RASENTRY over the JSON phonebook, with the Windows size-probe protocol.
 * This file owns the mapping between RASENTRY and a phonebook entry (what
 * RasGetEntryProperties(3) documents member by member); reading is the
 * loader's (phonebook.h), writing pbedit.h's.  Failures leave their detail
 * for the calling thread (local-lasterror.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <netrouter/ras.h>

#include "local-lasterror.h"
#include "pbedit.h"
#include "phonebook.h"
#include "wide.h"

#define TERMINATED(a) (memchr((a), '\0', sizeof(a)) != NULL)

/* ---- phonebook -> RASENTRY ---------------------------------------------------------------- */

/* The properties of e, or those of a new entry when e is NULL. */
static void to_rasentry(const nr_pb_entry *e, RASENTRYA *r)
{
    memset(r, 0, sizeof *r);
    r->dwSize = sizeof *r;
    r->dwfNetProtocols = RASNP_Ip;
    r->dwFramingProtocol = RASFP_Ppp;
    r->dwType = RASET_Phone;
    r->dwEncryptionType = ET_None;
    r->dwSubEntries = 1;
    r->dwRedialPause = 3; /* the phonebook's default pause_ms, 3000 */
    snprintf(r->szDeviceType, sizeof r->szDeviceType, "%s", RASDT_Modem);
    if (!e)
        return;
    snprintf(r->szDeviceName, sizeof r->szDeviceName, "%s", e->device);
    snprintf(r->szLocalPhoneNumber, sizeof r->szLocalPhoneNumber, "%s", e->phone_number);
    if (e->terminal_after_dial)
        r->dwfOptions |= RASEO_TerminalAfterDial;
    r->dwfOptions |= e->auth == NR_PB_AUTH_PAP        ? RASEO_RequirePAP
                     : e->auth == NR_PB_AUTH_CHAP     ? RASEO_RequireCHAP
                     : e->auth == NR_PB_AUTH_MSCHAPV2 ? RASEO_RequireMsCHAP2
                                                      : 0;
    r->dwIdleDisconnectSeconds = e->idle_disconnect_s;
    r->dwRedialCount = e->redial_attempts;
    r->dwRedialPause = (e->redial_pause_ms + 500) / 1000;
    if (e->reconnect_if_dropped)
        r->dwfOptions2 |= RASEO2_ReconnectIfDropped;
}

NR_RAS_PUBLIC DWORD RasGetEntryPropertiesA(LPCSTR lpszPhonebook, LPCSTR lpszEntry, LPRASENTRYA lpRasEntry,
                                           LPDWORD lpdwEntryInfoSize, LPBYTE lpbDeviceInfo,
                                           LPDWORD lpdwDeviceInfoSize)
{
    nr_phonebook *pb = NULL;
    const nr_pb_entry *entry = NULL;
    DWORD rc;

    (void)lpbDeviceInfo; /* no longer used, as on Windows */
    nr_ras_set_last_error(NULL);
    if (!lpdwEntryInfoSize)
        return ERROR_INVALID_PARAMETER;
    if (lpRasEntry && *lpdwEntryInfoSize >= sizeof(DWORD) && lpRasEntry->dwSize != sizeof(RASENTRYA))
        return ERROR_INVALID_SIZE;
    if (lpszEntry && *lpszEntry && (rc = nr_ras_load_entry(lpszPhonebook, lpszEntry, &pb, &entry)) != 0)
        return rc;
    if (lpdwDeviceInfoSize)
        *lpdwDeviceInfoSize = 0;
    if (!lpRasEntry || *lpdwEntryInfoSize < sizeof(RASENTRYA)) {
        *lpdwEntryInfoSize = sizeof(RASENTRYA);
        nr_pb_free(pb);
        return ERROR_BUFFER_TOO_SMALL;
    }
    to_rasentry(entry, lpRasEntry);
    *lpdwEntryInfoSize = sizeof(RASENTRYA);
    nr_pb_free(pb);
    return 0;
}

/* ---- RASENTRY -> phonebook ---------------------------------------------------------------- */

static DWORD refuse(const char *what)
{
    nr_ras_set_last_error(what);
    return ERROR_INVALID_PARAMETER;
}

/* The phonebook's one "auth" for the RASEO_Require* bits (see
 * RasGetEntryProperties(3)): several protocols that include PAP are
 * "any", several without it the strongest; the secure-password bits alone
 * keep PAP out.  0, or ERROR_INVALID_PARAMETER for protocols not spoken. */
static DWORD auth_of(DWORD o, nr_pb_auth *auth)
{
    const DWORD spoken = RASEO_RequirePAP | RASEO_RequireCHAP | RASEO_RequireMsCHAP2;
    const DWORD unspoken = RASEO_RequireEAP | RASEO_RequireSPAP | RASEO_RequireMsCHAP | RASEO_RequireW95MSCHAP;
    DWORD s = o & spoken;
    if (!s && (o & unspoken))
        return refuse("netrouter authenticates with PAP, CHAP or MS-CHAP v2 only (RASEO_RequirePAP, "
                      "RASEO_RequireCHAP, RASEO_RequireMsCHAP2)");
    *auth = s == RASEO_RequirePAP           ? NR_PB_AUTH_PAP
            : (s & RASEO_RequirePAP)        ? NR_PB_AUTH_ANY
            : (s & RASEO_RequireMsCHAP2)    ? NR_PB_AUTH_MSCHAPV2
            : (s & RASEO_RequireCHAP)       ? NR_PB_AUTH_CHAP
            : (o & RASEO_RequireMsEncryptedPw) ? NR_PB_AUTH_MSCHAPV2
            : (o & RASEO_RequireEncryptedPw)   ? NR_PB_AUTH_CHAP
                                               : NR_PB_AUTH_ANY;
    return 0;
}

/* What r asks of the entry, in f (the device path in dev); or
 * ERROR_INVALID_PARAMETER for what cannot be kept or dialed. */
static DWORD from_rasentry(const RASENTRYA *r, nr_pb_fields *f, char *dev, size_t size)
{
    DWORD rc;
    if (!TERMINATED(r->szDeviceType) || !TERMINATED(r->szDeviceName) || !TERMINATED(r->szLocalPhoneNumber) ||
        !TERMINATED(r->szScript))
        return refuse("a string member of the RASENTRY has no terminating NUL");
    if (r->szDeviceType[0] && strcasecmp(r->szDeviceType, RASDT_Modem))
        return refuse("netrouter dials modems only: szDeviceType must be RASDT_Modem");
    if (r->dwType && r->dwType != RASET_Phone)
        return refuse("netrouter dials phone entries only: dwType must be RASET_Phone");
    if (r->dwFramingProtocol && r->dwFramingProtocol != RASFP_Ppp)
        return refuse("netrouter speaks PPP only: dwFramingProtocol must be RASFP_Ppp");
    if (r->szScript[0] || (r->dwfOptions & (RASEO_CustomScript | RASEO_TerminalBeforeDial)))
        return refuse("dial scripts and a terminal before dialing are not supported; "
                      "RASEO_TerminalAfterDial with nr_ras_terminal_read(3) is");
    if (r->dwEncryptionType == ET_Require || r->dwEncryptionType == ET_RequireMax ||
        (r->dwfOptions & RASEO_RequireDataEncryption))
        return refuse("netrouter does not encrypt PPP data: encryption cannot be required");
    if (!r->szDeviceName[0])
        return refuse("szDeviceName is empty: name the serial device, e.g. /dev/ttyUSB0 (see RasEnumDevices)");
    if (!r->szLocalPhoneNumber[0])
        return refuse("szLocalPhoneNumber is empty");
    memset(f, 0, sizeof *f);
    if ((rc = auth_of(r->dwfOptions, &f->auth)) != 0)
        return rc;
    /* A bare name such as "ttyUSB0" is a device of /dev. */
    snprintf(dev, size, "%s%s", r->szDeviceName[0] == '/' ? "" : "/dev/", r->szDeviceName);
    f->device = dev;
    f->phone_number = r->szLocalPhoneNumber;
    f->terminal_after_dial = (r->dwfOptions & RASEO_TerminalAfterDial) != 0;
    f->idle_disconnect_s = r->dwIdleDisconnectSeconds == RASIDS_Disabled ? 0 : r->dwIdleDisconnectSeconds;
    f->redial_attempts = r->dwRedialCount;
    f->redial_pause_s = r->dwRedialPause;
    f->reconnect_if_dropped = (r->dwfOptions2 & RASEO2_ReconnectIfDropped) != 0;
    return 0;
}

NR_RAS_PUBLIC DWORD RasSetEntryPropertiesA(LPCSTR lpszPhonebook, LPCSTR lpszEntry, LPRASENTRYA lpRasEntry,
                                           DWORD dwEntryInfoSize, LPBYTE lpbDeviceInfo, DWORD dwDeviceInfoSize)
{
    char dev[RAS_MaxDeviceName + 8];
    nr_pb_fields f;
    nr_pb_error err;
    DWORD rc;

    (void)lpbDeviceInfo; /* no longer used, as on Windows */
    (void)dwDeviceInfoSize;
    nr_ras_set_last_error(NULL);
    if (!lpRasEntry)
        return ERROR_BUFFER_INVALID;
    if (dwEntryInfoSize < sizeof(DWORD) || lpRasEntry->dwSize != sizeof(RASENTRYA) ||
        dwEntryInfoSize < sizeof(RASENTRYA))
        return ERROR_INVALID_SIZE;
    /* RAS_MaxEntryName WCHARs, as Windows counts (text that is not
     * UTF-8 names no entry: pbedit.h refuses it below) */
    if (!lpszEntry || !*lpszEntry || strlen(lpszEntry) > NR_RAS_MaxEntryNameUtf8 ||
        (nr_utf16_count(lpszEntry) != (size_t)-1 && nr_utf16_count(lpszEntry) > RAS_MaxEntryName))
        return ERROR_INVALID_NAME;
    if ((rc = from_rasentry(lpRasEntry, &f, dev, sizeof dev)) != 0)
        return rc;
    f.new_name_ok = nr_pb_name_ok(lpszEntry);
    rc = nr_pb_put(lpszPhonebook, lpszEntry, &f, &err);
    if (rc)
        nr_ras_remember_pb_error(&err);
    return rc;
}
