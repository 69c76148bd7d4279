/*
 * netrouter/rasentry.h - the RAS phonebook API: the properties of an entry
 * (RASENTRY), the dial-up devices of the machine (RASDEVINFO), and the
 * calls that read, write, delete, rename and check entries and list
 * devices, with the Windows names, layouts (ras.h for WINVER >= 0x601),
 * numbers and size rules.  Included by <netrouter/ras.h>; link with
 * `pkg-config --libs netrouter-ras`.
 *
 *     RASENTRY e = { .dwSize = sizeof e };
 *     strcpy(e.szDeviceType, RASDT_Modem);
 *     strcpy(e.szDeviceName, "/dev/ttyUSB0");
 *     strcpy(e.szLocalPhoneNumber, "5551234");
 *     e.dwfNetProtocols = RASNP_Ip;
 *     e.dwFramingProtocol = RASFP_Ppp;
 *     DWORD rc = RasSetEntryProperties(NULL, "Office", &e, sizeof e, NULL, 0);
 *
 * Every function comes in an A form (UTF-8 strings) and a W form (wide
 * strings, wchar_t), as on Windows; the plain name (RasSetEntryProperties,
 * RASENTRY) is the W form when UNICODE is defined and the A form otherwise.
 * The W forms convert at the boundary and behave exactly as the A forms.
 *
 * The phonebook is the JSON file of netrouter-phonebook(5).  A RASENTRY
 * maps to what a modem entry of that file says (see RasGetEntryProperties(3)
 * for each field); members the phonebook has no place for are returned as
 * documented defaults (mostly zero) and ignored when written, and an entry
 * replaced keeps the keys of its JSON object that RASENTRY does not cover
 * (speed, init strings, flow control, timeouts, callback, interface, x-
 * keys...).  Writes replace the file atomically under a lock, so that
 * concurrent writers of one phonebook (threads or processes) never lose
 * each other's entries.
 *
 * Thread safety: every function may be called from any thread.
 */
#ifndef NETROUTER_RASENTRY_H
#define NETROUTER_RASENTRY_H

#include <netinet/in.h>
#include <netrouter/ras.h> /* sizes; includes this header back at its end */

#ifdef __cplusplus
extern "C" {
#endif

#ifndef NR_RAS_PUBLIC
#if defined(__GNUC__)
#define NR_RAS_PUBLIC __attribute__((visibility("default")))
#else
#define NR_RAS_PUBLIC
#endif
#endif

/* Windows error numbers these calls return beside the RAS ones (winerror.h
 * values; defined here unless a header before this one did). */
#ifndef ERROR_INVALID_NAME
#define ERROR_INVALID_NAME 123u /* The filename, directory name, or volume label syntax is incorrect. */
#endif
#ifndef ERROR_ALREADY_EXISTS
#define ERROR_ALREADY_EXISTS 183u /* Cannot create a file when that file already exists. */
#endif
#ifndef ERROR_NO_UNICODE_TRANSLATION
#define ERROR_NO_UNICODE_TRANSLATION 1113u /* No mapping for the Unicode character exists in the target
                                               multi-byte code page. */
#endif

/* ------------------------------------------------------------------------ */
/* Sizes (Windows values)                                                    */
/* ------------------------------------------------------------------------ */

#define RAS_MaxAreaCode    10
#define RAS_MaxPadType     32
#define RAS_MaxX25Address  200
#define RAS_MaxFacilities  200
#define RAS_MaxUserData    200
#define RAS_MaxDnsSuffix   256

/* ------------------------------------------------------------------------ */
/* Types RASENTRY uses                                                       */
/* ------------------------------------------------------------------------ */

/** An IPv4 address, a.b.c.d. */
typedef struct RASIPADDR {
    BYTE a, b, c, d;
} RASIPADDR;

/** An IPv6 address (struct in6_addr, as on Windows). */
typedef struct in6_addr RASIPV6ADDR;

#ifndef GUID_DEFINED
#define GUID_DEFINED
/** A GUID, laid out as on Windows. */
typedef struct _GUID {
    DWORD Data1;
    WORD Data2;
    WORD Data3;
    BYTE Data4[8];
} GUID;
#endif

/* ------------------------------------------------------------------------ */
/* RASENTRY.dwfOptions (RASEO_*) and .dwfOptions2 (RASEO2_*)                 */
/* ------------------------------------------------------------------------ */

#define RASEO_UseCountryAndAreaCodes 0x00000001
#define RASEO_SpecificIpAddr         0x00000002
#define RASEO_SpecificNameServers    0x00000004
#define RASEO_IpHeaderCompression    0x00000008
#define RASEO_RemoteDefaultGateway   0x00000010
#define RASEO_DisableLcpExtensions   0x00000020
#define RASEO_TerminalBeforeDial     0x00000040
#define RASEO_TerminalAfterDial      0x00000080 /* phonebook "terminal_after_dial" */
#define RASEO_ModemLights            0x00000100
#define RASEO_SwCompression          0x00000200
#define RASEO_RequireEncryptedPw     0x00000400
#define RASEO_RequireMsEncryptedPw   0x00000800
#define RASEO_RequireDataEncryption  0x00001000
#define RASEO_NetworkLogon           0x00002000
#define RASEO_UseLogonCredentials    0x00004000
#define RASEO_PromoteAlternates      0x00008000
#define RASEO_SecureLocalFiles       0x00010000
#define RASEO_RequireEAP             0x00020000
#define RASEO_RequirePAP             0x00040000 /* phonebook "auth": "pap" */
#define RASEO_RequireSPAP            0x00080000
#define RASEO_Custom                 0x00100000
#define RASEO_PreviewPhoneNumber     0x00200000
#define RASEO_SharedPhoneNumbers     0x00800000
#define RASEO_PreviewUserPw          0x01000000
#define RASEO_PreviewDomain          0x02000000
#define RASEO_ShowDialingProgress    0x04000000
#define RASEO_RequireCHAP            0x08000000 /* phonebook "auth": "chap" */
#define RASEO_RequireMsCHAP          0x10000000
#define RASEO_RequireMsCHAP2         0x20000000 /* phonebook "auth": "mschapv2" */
#define RASEO_RequireW95MSCHAP       0x40000000
#define RASEO_CustomScript           0x80000000

#define RASEO2_SecureFileAndPrint           0x00000001
#define RASEO2_SecureClientForMSNet         0x00000002
#define RASEO2_DontNegotiateMultilink       0x00000004
#define RASEO2_DontUseRasCredentials        0x00000008
#define RASEO2_UsePreSharedKey              0x00000010
#define RASEO2_Internet                     0x00000020
#define RASEO2_DisableNbtOverIP             0x00000040
#define RASEO2_UseGlobalDeviceSettings      0x00000080
#define RASEO2_ReconnectIfDropped           0x00000100 /* phonebook "reconnect" */
#define RASEO2_SharePhoneNumbers            0x00000200
#define RASEO2_SecureRoutingCompartment     0x00000400
#define RASEO2_UseTypicalSettings           0x00000800
#define RASEO2_IPv6SpecificNameServers      0x00001000
#define RASEO2_IPv6RemoteDefaultGateway     0x00002000
#define RASEO2_RegisterIpWithDNS            0x00004000
#define RASEO2_UseDNSSuffixForRegistration  0x00008000
#define RASEO2_IPv4ExplicitMetric           0x00010000
#define RASEO2_IPv6ExplicitMetric           0x00020000
#define RASEO2_DisableIKENameEkuCheck       0x00040000
#define RASEO2_DisableClassBasedStaticRoute 0x00080000
#define RASEO2_SpecificIPv6Addr             0x00100000
#define RASEO2_DisableMobility              0x00200000
#define RASEO2_RequireMachineCertificates   0x00400000

/* RASENTRY.dwfNetProtocols */
#define RASNP_NetBEUI 0x00000001
#define RASNP_Ipx     0x00000002
#define RASNP_Ip      0x00000004
#define RASNP_Ipv6    0x00000008

/* RASENTRY.dwFramingProtocol */
#define RASFP_Ppp  0x00000001
#define RASFP_Slip 0x00000002
#define RASFP_Ras  0x00000004

/* RASENTRY.szDeviceType and RASDEVINFO.szDeviceType */
#define RASDT_Modem      TEXT("modem")
#define RASDT_Isdn       TEXT("isdn")
#define RASDT_X25        TEXT("x25")
#define RASDT_Vpn        TEXT("vpn")
#define RASDT_Pad        TEXT("pad")
#define RASDT_Generic    TEXT("GENERIC")
#define RASDT_Serial     TEXT("SERIAL")
#define RASDT_FrameRelay TEXT("FRAMERELAY")
#define RASDT_Atm        TEXT("ATM")
#define RASDT_Sonet      TEXT("SONET")
#define RASDT_SW56       TEXT("SW56")
#define RASDT_Irda       TEXT("IRDA")
#define RASDT_Parallel   TEXT("PARALLEL")
#define RASDT_PPPoE      TEXT("PPPoE")

/* RASENTRY.dwType */
#define RASET_Phone     1
#define RASET_Vpn       2
#define RASET_Direct    3
#define RASET_Internet  4
#define RASET_Broadband 5

/* RASENTRY.dwEncryptionType */
#define ET_None       0
#define ET_Require    1
#define ET_RequireMax 2
#define ET_Optional   3

/* RASENTRY.dwVpnStrategy */
#define VS_Default   0
#define VS_PptpOnly  1
#define VS_PptpFirst 2
#define VS_L2tpOnly  3
#define VS_L2tpFirst 4

/* RASENTRY.dwDialMode */
#define RASEDM_DialAll      1
#define RASEDM_DialAsNeeded 2

/* RASENTRY.dwIdleDisconnectSeconds */
#define RASIDS_Disabled       0xFFFFFFFF
#define RASIDS_UseGlobalValue 0

/* ------------------------------------------------------------------------ */
/* Structures                                                                */
/* ------------------------------------------------------------------------ */

/**
 * The properties of a phonebook entry (RasGetEntryProperties,
 * RasSetEntryProperties).  Set dwSize to sizeof(RASENTRY).  What each
 * member means here is in RasGetEntryProperties(3): the members a modem
 * entry uses (device, number, terminal, authentication, idle disconnect,
 * redial, reconnect) map to the phonebook; the others read back as the
 * documented defaults.  MAX_PATH-sized members have RAS_MaxPath characters.
 */
typedef struct tagRASENTRYA {
    DWORD dwSize;
    DWORD dwfOptions;                               /**< RASEO_* */
    DWORD dwCountryID;
    DWORD dwCountryCode;
    CHAR szAreaCode[RAS_MaxAreaCode + 1];
    CHAR szLocalPhoneNumber[RAS_MaxPhoneNumber + 1]; /**< phonebook "phone_number" */
    DWORD dwAlternateOffset;                        /**< 0: no alternate numbers */
    RASIPADDR ipaddr;
    RASIPADDR ipaddrDns;
    RASIPADDR ipaddrDnsAlt;
    RASIPADDR ipaddrWins;
    RASIPADDR ipaddrWinsAlt;
    DWORD dwFrameSize;
    DWORD dwfNetProtocols;                          /**< RASNP_Ip */
    DWORD dwFramingProtocol;                        /**< RASFP_Ppp */
    CHAR szScript[RAS_MaxPath];
    CHAR szAutodialDll[RAS_MaxPath];
    CHAR szAutodialFunc[RAS_MaxPath];
    CHAR szDeviceType[RAS_MaxDeviceType + 1];       /**< RASDT_Modem */
    CHAR szDeviceName[RAS_MaxDeviceName + 1];       /**< phonebook "device", e.g. /dev/ttyUSB0 */
    CHAR szX25PadType[RAS_MaxPadType + 1];
    CHAR szX25Address[RAS_MaxX25Address + 1];
    CHAR szX25Facilities[RAS_MaxFacilities + 1];
    CHAR szX25UserData[RAS_MaxUserData + 1];
    DWORD dwChannels;
    DWORD dwReserved1;
    DWORD dwReserved2;
    DWORD dwSubEntries;
    DWORD dwDialMode;
    DWORD dwDialExtraPercent;
    DWORD dwDialExtraSampleSeconds;
    DWORD dwHangUpExtraPercent;
    DWORD dwHangUpExtraSampleSeconds;
    DWORD dwIdleDisconnectSeconds;                  /**< phonebook "idle_disconnect_s" */
    DWORD dwType;                                   /**< RASET_Phone */
    DWORD dwEncryptionType;
    DWORD dwCustomAuthKey;
    GUID guidId;
    CHAR szCustomDialDll[RAS_MaxPath];
    DWORD dwVpnStrategy;
    DWORD dwfOptions2;                              /**< RASEO2_* */
    DWORD dwfOptions3;
    CHAR szDnsSuffix[RAS_MaxDnsSuffix];
    DWORD dwTcpWindowSize;
    CHAR szPrerequisitePbk[RAS_MaxPath];
    CHAR szPrerequisiteEntry[RAS_MaxEntryName + 1];
    DWORD dwRedialCount;                            /**< phonebook "redial.attempts" */
    DWORD dwRedialPause;                            /**< seconds; "redial.pause_ms" */
    RASIPV6ADDR ipv6addrDns;
    RASIPV6ADDR ipv6addrDnsAlt;
    DWORD dwIPv4InterfaceMetric;
    DWORD dwIPv6InterfaceMetric;
    RASIPV6ADDR ipv6addr;
    DWORD dwIPv6PrefixLength;
    DWORD dwNetworkOutageTime;
} RASENTRYA, *LPRASENTRYA;

/** RASENTRYA with wide strings. */
typedef struct tagRASENTRYW {
    DWORD dwSize;
    DWORD dwfOptions;
    DWORD dwCountryID;
    DWORD dwCountryCode;
    WCHAR szAreaCode[RAS_MaxAreaCode + 1];
    WCHAR szLocalPhoneNumber[RAS_MaxPhoneNumber + 1];
    DWORD dwAlternateOffset;
    RASIPADDR ipaddr;
    RASIPADDR ipaddrDns;
    RASIPADDR ipaddrDnsAlt;
    RASIPADDR ipaddrWins;
    RASIPADDR ipaddrWinsAlt;
    DWORD dwFrameSize;
    DWORD dwfNetProtocols;
    DWORD dwFramingProtocol;
    WCHAR szScript[RAS_MaxPath];
    WCHAR szAutodialDll[RAS_MaxPath];
    WCHAR szAutodialFunc[RAS_MaxPath];
    WCHAR szDeviceType[RAS_MaxDeviceType + 1];
    WCHAR szDeviceName[RAS_MaxDeviceName + 1];
    WCHAR szX25PadType[RAS_MaxPadType + 1];
    WCHAR szX25Address[RAS_MaxX25Address + 1];
    WCHAR szX25Facilities[RAS_MaxFacilities + 1];
    WCHAR szX25UserData[RAS_MaxUserData + 1];
    DWORD dwChannels;
    DWORD dwReserved1;
    DWORD dwReserved2;
    DWORD dwSubEntries;
    DWORD dwDialMode;
    DWORD dwDialExtraPercent;
    DWORD dwDialExtraSampleSeconds;
    DWORD dwHangUpExtraPercent;
    DWORD dwHangUpExtraSampleSeconds;
    DWORD dwIdleDisconnectSeconds;
    DWORD dwType;
    DWORD dwEncryptionType;
    DWORD dwCustomAuthKey;
    GUID guidId;
    WCHAR szCustomDialDll[RAS_MaxPath];
    DWORD dwVpnStrategy;
    DWORD dwfOptions2;
    DWORD dwfOptions3;
    WCHAR szDnsSuffix[RAS_MaxDnsSuffix];
    DWORD dwTcpWindowSize;
    WCHAR szPrerequisitePbk[RAS_MaxPath];
    WCHAR szPrerequisiteEntry[RAS_MaxEntryName + 1];
    DWORD dwRedialCount;
    DWORD dwRedialPause;
    RASIPV6ADDR ipv6addrDns;
    RASIPV6ADDR ipv6addrDnsAlt;
    DWORD dwIPv4InterfaceMetric;
    DWORD dwIPv6InterfaceMetric;
    RASIPV6ADDR ipv6addr;
    DWORD dwIPv6PrefixLength;
    DWORD dwNetworkOutageTime;
} RASENTRYW, *LPRASENTRYW;

/** One dial-up device (RasEnumDevices): szDeviceType RASDT_Modem and
 *  szDeviceName the device's path, e.g. "/dev/ttyUSB0" (what
 *  RASENTRY.szDeviceName takes).  Set dwSize of the first element. */
typedef struct tagRASDEVINFOA {
    DWORD dwSize;
    CHAR szDeviceType[RAS_MaxDeviceType + 1];
    CHAR szDeviceName[RAS_MaxDeviceName + 1];
} RASDEVINFOA, *LPRASDEVINFOA;

typedef struct tagRASDEVINFOW {
    DWORD dwSize;
    WCHAR szDeviceType[RAS_MaxDeviceType + 1];
    WCHAR szDeviceName[RAS_MaxDeviceName + 1];
} RASDEVINFOW, *LPRASDEVINFOW;

/* ------------------------------------------------------------------------ */
/* Functions                                                                 */
/* ------------------------------------------------------------------------ */

/**
 * The properties of entry lpszEntry of phonebook lpszPhonebook (NULL: the
 * default one), as RasGetEntryProperties; lpszEntry NULL or "" gives the
 * properties a new entry has by default.  lpRasEntry (dwSize set to
 * sizeof(RASENTRY)) is a buffer of *lpdwEntryInfoSize bytes; on return
 * *lpdwEntryInfoSize holds the bytes needed.  Ask for the size with
 * lpRasEntry NULL (or *lpdwEntryInfoSize too small): ERROR_BUFFER_TOO_SMALL
 * and the size.  lpbDeviceInfo is not used; *lpdwDeviceInfoSize (when not
 * NULL) receives 0.
 * Errors: ERROR_INVALID_PARAMETER (lpdwEntryInfoSize NULL; W: a string
 * that is not Unicode), ERROR_INVALID_SIZE (dwSize),
 * ERROR_BUFFER_TOO_SMALL, ERROR_CANNOT_OPEN_PHONEBOOK,
 * ERROR_CORRUPT_PHONEBOOK, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY; the detail
 * in nr_ras_get_error_detail(NULL, ...).
 */
NR_RAS_PUBLIC DWORD RasGetEntryPropertiesA(LPCSTR lpszPhonebook, LPCSTR lpszEntry, LPRASENTRYA lpRasEntry,
                                           LPDWORD lpdwEntryInfoSize, LPBYTE lpbDeviceInfo,
                                           LPDWORD lpdwDeviceInfoSize);
NR_RAS_PUBLIC DWORD RasGetEntryPropertiesW(LPCWSTR lpszPhonebook, LPCWSTR lpszEntry, LPRASENTRYW lpRasEntry,
                                           LPDWORD lpdwEntryInfoSize, LPBYTE lpbDeviceInfo,
                                           LPDWORD lpdwDeviceInfoSize);

/**
 * Creates entry lpszEntry of the phonebook, or replaces the properties of
 * the one of that name, as RasSetEntryProperties; the phonebook file (and,
 * for the default one, its directory) is created when missing.
 * dwEntryInfoSize is the size of lpRasEntry in bytes; lpbDeviceInfo and
 * dwDeviceInfoSize are not used.
 * Errors: ERROR_BUFFER_INVALID (lpRasEntry NULL), ERROR_INVALID_SIZE,
 * ERROR_INVALID_NAME (RasValidateEntryName's rules), ERROR_INVALID_PARAMETER
 * (what the entry asks for cannot be kept or dialed: a device type other
 * than a modem, no device or number, framing other than PPP, a script,
 * required encryption...), ERROR_CANNOT_OPEN_PHONEBOOK (unreadable or
 * unsafe phonebook: a FIFO, a symbolic link, writable by others),
 * ERROR_CORRUPT_PHONEBOOK (never rewritten), ERROR_CANNOT_WRITE_PHONEBOOK.
 */
NR_RAS_PUBLIC DWORD RasSetEntryPropertiesA(LPCSTR lpszPhonebook, LPCSTR lpszEntry, LPRASENTRYA lpRasEntry,
                                           DWORD dwEntryInfoSize, LPBYTE lpbDeviceInfo, DWORD dwDeviceInfoSize);
NR_RAS_PUBLIC DWORD RasSetEntryPropertiesW(LPCWSTR lpszPhonebook, LPCWSTR lpszEntry, LPRASENTRYW lpRasEntry,
                                           DWORD dwEntryInfoSize, LPBYTE lpbDeviceInfo, DWORD dwDeviceInfoSize);

/**
 * Removes entry lpszEntry from the phonebook, as RasDeleteEntry; the other
 * entries stay as they were.  Credentials saved for it
 * (RasSetEntryDialParams) are removed too.
 * Errors: ERROR_INVALID_NAME (no entry of that name, as on Windows),
 * ERROR_INVALID_PARAMETER, the phonebook's errors as RasSetEntryProperties.
 */
NR_RAS_PUBLIC DWORD RasDeleteEntryA(LPCSTR lpszPhonebook, LPCSTR lpszEntry);
NR_RAS_PUBLIC DWORD RasDeleteEntryW(LPCWSTR lpszPhonebook, LPCWSTR lpszEntry);

/**
 * Renames entry lpszOldEntry to lpszNewEntry, as RasRenameEntry; saved
 * credentials follow it.
 * Errors: ERROR_INVALID_NAME (the new name breaks RasValidateEntryName's
 * rules), ERROR_ALREADY_EXISTS (another entry has it),
 * ERROR_CANNOT_FIND_PHONEBOOK_ENTRY (no entry lpszOldEntry),
 * ERROR_INVALID_PARAMETER, the phonebook's errors as RasSetEntryProperties.
 */
NR_RAS_PUBLIC DWORD RasRenameEntryA(LPCSTR lpszPhonebook, LPCSTR lpszOldEntry, LPCSTR lpszNewEntry);
NR_RAS_PUBLIC DWORD RasRenameEntryW(LPCWSTR lpszPhonebook, LPCWSTR lpszOldEntry, LPCWSTR lpszNewEntry);

/**
 * Checks a name for a new entry, as RasValidateEntryName: 0 when it is
 * well-formed and no entry of the phonebook has it.  A name has 1 to
 * RAS_MaxEntryName characters, as on Windows (up to NR_RAS_MaxEntryNameUtf8
 * bytes of UTF-8: see RAS_MaxEntryName), at least one letter or digit, does
 * not begin with '.', and has none of | > < ? * \ / : nor control
 * characters.
 * Errors: ERROR_INVALID_NAME, ERROR_ALREADY_EXISTS,
 * ERROR_CANNOT_OPEN_PHONEBOOK (a named phonebook that does not exist or
 * cannot be read; a missing default phonebook has no entries),
 * ERROR_CORRUPT_PHONEBOOK.
 */
NR_RAS_PUBLIC DWORD RasValidateEntryNameA(LPCSTR lpszPhonebook, LPCSTR lpszEntry);
NR_RAS_PUBLIC DWORD RasValidateEntryNameW(LPCWSTR lpszPhonebook, LPCWSTR lpszEntry);

/**
 * The dial-up devices of the machine, as RasEnumDevices: the serial ports
 * that exist (/dev/ttyS* that /sys shows as real ports, /dev/ttyUSB*,
 * /dev/ttyACM*), each a RASDT_Modem, in that order and by number.
 * lpRasDevInfo is an array of *lpcb bytes whose first element has dwSize =
 * sizeof(RASDEVINFO); *lpcb receives the bytes needed, *lpcDevices the
 * count.  Ask for the size with lpRasDevInfo NULL: ERROR_BUFFER_TOO_SMALL
 * (0 when there is no device).  NETROUTER_RAS_DEV_ROOT, when set, names a
 * directory that stands for / (its dev/ and sys/class/tty/ are read), for
 * tests.
 * Errors: ERROR_INVALID_PARAMETER (lpcb or lpcDevices NULL),
 * ERROR_INVALID_SIZE (dwSize), ERROR_BUFFER_TOO_SMALL,
 * ERROR_ALLOCATING_MEMORY.
 */
NR_RAS_PUBLIC DWORD RasEnumDevicesA(LPRASDEVINFOA lpRasDevInfo, LPDWORD lpcb, LPDWORD lpcDevices);
NR_RAS_PUBLIC DWORD RasEnumDevicesW(LPRASDEVINFOW lpRasDevInfo, LPDWORD lpcb, LPDWORD lpcDevices);

/* ------------------------------------------------------------------------ */
/* The plain names                                                           */
/* ------------------------------------------------------------------------ */

#ifdef UNICODE
typedef RASENTRYW RASENTRY;
typedef LPRASENTRYW LPRASENTRY;
typedef RASDEVINFOW RASDEVINFO;
typedef LPRASDEVINFOW LPRASDEVINFO;
#define RasGetEntryProperties RasGetEntryPropertiesW
#define RasSetEntryProperties RasSetEntryPropertiesW
#define RasDeleteEntry        RasDeleteEntryW
#define RasRenameEntry        RasRenameEntryW
#define RasValidateEntryName  RasValidateEntryNameW
#define RasEnumDevices        RasEnumDevicesW
#else
typedef RASENTRYA RASENTRY;
typedef LPRASENTRYA LPRASENTRY;
typedef RASDEVINFOA RASDEVINFO;
typedef LPRASDEVINFOA LPRASDEVINFO;
#define RasGetEntryProperties RasGetEntryPropertiesA
#define RasSetEntryProperties RasSetEntryPropertiesA
#define RasDeleteEntry        RasDeleteEntryA
#define RasRenameEntry        RasRenameEntryA
#define RasValidateEntryName  RasValidateEntryNameA
#define RasEnumDevices        RasEnumDevicesA
#endif

#ifdef __cplusplus
}
#endif

#endif /* NETROUTER_RASENTRY_H */
