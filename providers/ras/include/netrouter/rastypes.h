/*
 * netrouter/rastypes.h - the vocabulary of the RAS client API
 * (<netrouter/ras.h>, which includes this file): handles, sizes, states,
 * option bits and the structures, with the Windows names and values.
 *
 * Every structure that carries text comes in two forms, as in Windows'
 * ras.h: FOOA with UTF-8 CHAR arrays and FOOW with wide WCHAR (wchar_t)
 * arrays; the plain name FOO (and LPFOO) is FOOW when UNICODE is defined,
 * else FOOA.  Sizes in the array bounds count characters of the form (bytes
 * of UTF-8 for A), except that paths use the Linux limit (RAS_MaxPath).
 * Structures that are appended to on Windows are appended to here in the
 * same order, so that dwSize tells the versions apart.
 */
#ifndef NETROUTER_RASTYPES_H
#define NETROUTER_RASTYPES_H

#include <stddef.h>
#include <stdint.h>
#include <netrouter/wintypes.h>

/** A RAS connection: an opaque handle, valid from RasDial until RasHangUp. */
typedef void *HRASCONN;
typedef HRASCONN *LPHRASCONN;

/** A GUID and a LUID (locally unique identifier), as in Windows' guiddef.h
 *  and winnt.h, for the fields of RASCONN. */
#ifndef GUID_DEFINED
#define GUID_DEFINED
typedef struct _GUID {
    DWORD Data1;
    WORD Data2;
    WORD Data3;
    BYTE Data4[8];
} GUID;
#endif
#ifndef NR_LUID_DEFINED
#define NR_LUID_DEFINED
typedef struct _LUID {
    DWORD LowPart;
    LONG HighPart;
} LUID, *PLUID;
#endif

/* ------------------------------------------------------------------------ */
/* Sizes (Windows values; paths use the Linux limit)                         */
/* ------------------------------------------------------------------------ */

#define RAS_MaxDeviceType     16
#define RAS_MaxPhoneNumber    128
#define RAS_MaxIpAddress      15
/* RAS_MaxEntryName: an entry name has at most this many CHARACTERS, as on
 * Windows, so up to NR_RAS_MaxEntryNameUtf8 bytes of UTF-8.  The W
 * structures hold any such name; an A structure's CHAR array holds at most
 * RAS_MaxEntryName bytes of UTF-8: a longer name is passed to an A form as
 * an LPCSTR argument (RasDeleteEntryA, ...), and an A structure that
 * reports one (RASENTRYNAMEA, RASCONNA) holds it cut at the last whole
 * character that fits (RasEnumEntries(3)). */
#define RAS_MaxEntryName      256
#define NR_RAS_MaxEntryNameUtf8 (4 * RAS_MaxEntryName) /* netrouter: 4 bytes a character at most */
#define RAS_MaxDeviceName     128
#define RAS_MaxCallbackNumber RAS_MaxPhoneNumber
#define RAS_MaxReplyMessage   1024
#define RAS_MaxPath           4096 /* MAX_PATH on Windows */
#define UNLEN                 256
#define PWLEN                 256
#define DNLEN                 15

/* ------------------------------------------------------------------------ */
/* Connection states (RASCONNSTATE, Windows values)                          */
/* ------------------------------------------------------------------------ */

#define RASCS_PAUSED 0x1000
#define RASCS_DONE   0x2000

typedef enum tagRASCONNSTATE {
    RASCS_OpenPort = 0,
    RASCS_PortOpened,
    RASCS_ConnectDevice,
    RASCS_DeviceConnected,
    RASCS_AllDevicesConnected,
    RASCS_Authenticate,
    RASCS_AuthNotify,
    RASCS_AuthRetry,
    RASCS_AuthCallback,
    RASCS_AuthChangePassword,
    RASCS_AuthProject,
    RASCS_AuthLinkSpeed,
    RASCS_AuthAck,
    RASCS_ReAuthenticate,
    RASCS_Authenticated,
    RASCS_PrepareForCallback,
    RASCS_WaitForModemReset,
    RASCS_WaitForCallback,
    RASCS_Projected,
    RASCS_StartAuthentication,
    RASCS_CallbackComplete,
    RASCS_LogonNetwork,
    RASCS_SubEntryConnected,
    RASCS_SubEntryDisconnected,
    RASCS_ApplySettings,
    RASCS_Interactive = RASCS_PAUSED,
    RASCS_RetryAuthentication,
    RASCS_CallbackSetByCaller,
    RASCS_PasswordExpired,
    RASCS_InvokeEapUI,
    RASCS_Connected = RASCS_DONE,
    RASCS_Disconnected
} RASCONNSTATE, *LPRASCONNSTATE;

/* ------------------------------------------------------------------------ */
/* Option bits and codes (Windows values)                                    */
/* ------------------------------------------------------------------------ */

/* RASENTRYNAME.dwFlags */
#define REN_User     0x00000000
#define REN_AllUsers 0x00000001

/* RASCONN.dwFlags: RASCF_AllUsers for a connection of an entry of the
 * system phonebook; RASCF_OwnerKnown and RASCF_OwnerMatch always (every
 * connection a process sees is its own user's); never RASCF_GlobalCreds. */
#define RASCF_AllUsers    0x00000001
#define RASCF_GlobalCreds 0x00000002
#define RASCF_OwnerKnown  0x00000004
#define RASCF_OwnerMatch  0x00000008

/* RASDIALEXTENSIONS.dwfOptions.  RDEOPT_PausedStates is honoured (see
 * RasDial(3)); every other bit is accepted and ignored: there is no UI to
 * disable, no prefix or suffix in a netrouter phonebook, no speaker or
 * software compression setting, no custom dialer or scripting, and a lost
 * link is redialed as the phonebook entry's "reconnect" says. */
#define RDEOPT_UsePrefixSuffix               0x00000001
#define RDEOPT_PausedStates                  0x00000002
#define RDEOPT_IgnoreModemSpeaker            0x00000004
#define RDEOPT_SetModemSpeaker               0x00000008
#define RDEOPT_IgnoreSoftwareCompression     0x00000010
#define RDEOPT_SetSoftwareCompression        0x00000020
#define RDEOPT_DisableConnectedUI            0x00000040
#define RDEOPT_DisableReconnectUI            0x00000080
#define RDEOPT_DisableReconnect              0x00000100
#define RDEOPT_NoUser                        0x00000200
#define RDEOPT_PauseOnScript                 0x00000400
#define RDEOPT_Router                        0x00000800
#define RDEOPT_CustomDial                    0x00001000
#define RDEOPT_UseCustomScripting            0x00002000
#define RDEOPT_InvokeAutoTriggerCredentialUI 0x00004000
#define RDEOPT_EapInfoCryptInCapable         0x00008000

/* Projections (RasGetProjectionInfo): RASP_PppIp and RASP_PppLcp are
 * answered; the others give ERROR_PROTOCOL_NOT_CONFIGURED. */
typedef enum tagRASPROJECTION {
    RASP_Amb = 0x10000,
    RASP_PppNbf = 0x803F,
    RASP_PppIpx = 0x802B,
    RASP_PppIp = 0x8021,
    RASP_PppCcp = 0x80FD,
    RASP_PppLcp = 0xC021,
    RASP_PppIpv6 = 0x8057,
    RASP_Slip = 0x20000
} RASPROJECTION, *LPRASPROJECTION;

/* RASPPPIP.dwOptions and .dwServerOptions */
#define RASIPO_VJ 0x00000001 /* Van Jacobson compression (never negotiated here) */

/* RASPPPLCP.dwAuthenticationProtocol and .dwAuthenticationData */
#define RASLCPAP_PAP       0xC023
#define RASLCPAP_SPAP      0xC027
#define RASLCPAP_CHAP      0xC223
#define RASLCPAP_EAP       0xC227
#define RASLCPAD_CHAP_MD5  0x05
#define RASLCPAD_CHAP_MS   0x80
#define RASLCPAD_CHAP_MSV2 0x81

/* RASPPPLCP.dwOptions and .dwServerOptions */
#define RASLCPO_PFC         0x00000001
#define RASLCPO_ACFC        0x00000002
#define RASLCPO_SSHF        0x00000004
#define RASLCPO_DES_56      0x00000008
#define RASLCPO_3_DES       0x00000010
#define RASLCPO_AES_128     0x00000020
#define RASLCPO_AES_256     0x00000040
#define RASLCPO_AES_192     0x00000080
#define RASLCPO_GCM_AES_128 0x00000100
#define RASLCPO_GCM_AES_192 0x00000200
#define RASLCPO_GCM_AES_256 0x00000400

/* ------------------------------------------------------------------------ */
/* Structures                                                                */
/* ------------------------------------------------------------------------ */

/** EAP data for RasDial (RASDIALEXTENSIONS.RasEapInfo); netrouter has no
 *  EAP and ignores it. */
typedef struct tagRASEAPINFO {
    DWORD dwSizeofEapInfo;
    BYTE *pbEapInfo;
} RASEAPINFO;

/** Options of a dial (RasDial).  dwSize: sizeof(RASDIALEXTENSIONS), or the
 *  size without RasEapInfo (NR_RASDIALEXTENSIONS_V1_SIZE) as older
 *  netrouter headers had it. */
typedef struct tagRASDIALEXTENSIONS {
    DWORD dwSize;
    DWORD dwfOptions;                    /**< RDEOPT_* */
    HWND hwndParent;
    ULONG_PTR reserved;
    ULONG_PTR reserved1;
    RASEAPINFO RasEapInfo;
} RASDIALEXTENSIONS, *LPRASDIALEXTENSIONS;
#define NR_RASDIALEXTENSIONS_V1_SIZE ((DWORD)offsetof(RASDIALEXTENSIONS, RasEapInfo))

/** One phonebook entry name (RasEnumEntries).  Set dwSize of the first
 *  element to sizeof(RASENTRYNAME). */
typedef struct tagRASENTRYNAMEA {
    DWORD dwSize;
    CHAR szEntryName[RAS_MaxEntryName + 1];
    DWORD dwFlags;                       /**< REN_User or REN_AllUsers (system phonebook) */
    CHAR szPhonebookPath[RAS_MaxPath + 1];
} RASENTRYNAMEA, *LPRASENTRYNAMEA;
typedef struct tagRASENTRYNAMEW {
    DWORD dwSize;
    WCHAR szEntryName[RAS_MaxEntryName + 1];
    DWORD dwFlags;                       /**< REN_User or REN_AllUsers (system phonebook) */
    WCHAR szPhonebookPath[RAS_MaxPath + 1];
} RASENTRYNAMEW, *LPRASENTRYNAMEW;

/** What to dial (RasDial), and saved credentials (RasGetEntryDialParams).
 *  Empty szPhoneNumber: the entry's number. */
typedef struct tagRASDIALPARAMSA {
    DWORD dwSize;
    CHAR szEntryName[RAS_MaxEntryName + 1];
    CHAR szPhoneNumber[RAS_MaxPhoneNumber + 1];
    CHAR szCallbackNumber[RAS_MaxCallbackNumber + 1];
    CHAR szUserName[UNLEN + 1];
    CHAR szPassword[PWLEN + 1];
    CHAR szDomain[DNLEN + 1];
    DWORD dwSubEntry;
    ULONG_PTR dwCallbackId;              /**< handed back to RasDialFunc2 */
    DWORD dwIfIndex;
} RASDIALPARAMSA, *LPRASDIALPARAMSA;
typedef struct tagRASDIALPARAMSW {
    DWORD dwSize;
    WCHAR szEntryName[RAS_MaxEntryName + 1];
    WCHAR szPhoneNumber[RAS_MaxPhoneNumber + 1];
    WCHAR szCallbackNumber[RAS_MaxCallbackNumber + 1];
    WCHAR szUserName[UNLEN + 1];
    WCHAR szPassword[PWLEN + 1];
    WCHAR szDomain[DNLEN + 1];
    DWORD dwSubEntry;
    ULONG_PTR dwCallbackId;              /**< handed back to RasDialFunc2 */
    DWORD dwIfIndex;
} RASDIALPARAMSW, *LPRASDIALPARAMSW;

/** State of a connection (RasGetConnectStatus). */
typedef struct tagRASCONNSTATUSA {
    DWORD dwSize;
    RASCONNSTATE rasconnstate;
    DWORD dwError;
    CHAR szDeviceType[RAS_MaxDeviceType + 1];
    CHAR szDeviceName[RAS_MaxDeviceName + 1];
    CHAR szPhoneNumber[RAS_MaxPhoneNumber + 1];
} RASCONNSTATUSA, *LPRASCONNSTATUSA;
typedef struct tagRASCONNSTATUSW {
    DWORD dwSize;
    RASCONNSTATE rasconnstate;
    DWORD dwError;
    WCHAR szDeviceType[RAS_MaxDeviceType + 1];
    WCHAR szDeviceName[RAS_MaxDeviceName + 1];
    WCHAR szPhoneNumber[RAS_MaxPhoneNumber + 1];
} RASCONNSTATUSW, *LPRASCONNSTATUSW;

/** A live connection (RasEnumConnections).  The fields from guidEntry on
 *  came with Windows XP and 7; RasEnumConnectionsA also takes the size
 *  without them (NR_RASCONNA_V1_SIZE), as older netrouter headers had it. */
typedef struct tagRASCONNA {
    DWORD dwSize;
    HRASCONN hrasconn;
    CHAR szEntryName[RAS_MaxEntryName + 1];
    CHAR szDeviceType[RAS_MaxDeviceType + 1];
    CHAR szDeviceName[RAS_MaxDeviceName + 1];
    CHAR szPhonebook[RAS_MaxPath];
    DWORD dwSubEntry;                    /**< always 1: no multilink */
    GUID guidEntry;                      /**< all zero: netrouter phonebook entries have no GUID */
    DWORD dwFlags;                       /**< RASCF_* */
    LUID luid;                           /**< the owner's session: LowPart is its user id (uid) */
    GUID guidCorrelationId;              /**< all zero: no diagnostic correlation */
} RASCONNA, *LPRASCONNA;
typedef struct tagRASCONNW {
    DWORD dwSize;
    HRASCONN hrasconn;
    WCHAR szEntryName[RAS_MaxEntryName + 1];
    WCHAR szDeviceType[RAS_MaxDeviceType + 1];
    WCHAR szDeviceName[RAS_MaxDeviceName + 1];
    WCHAR szPhonebook[RAS_MaxPath];
    DWORD dwSubEntry;                    /**< always 1: no multilink */
    GUID guidEntry;                      /**< all zero: netrouter phonebook entries have no GUID */
    DWORD dwFlags;                       /**< RASCF_* */
    LUID luid;                           /**< the owner's session: LowPart is its user id (uid) */
    GUID guidCorrelationId;              /**< all zero: no diagnostic correlation */
} RASCONNW, *LPRASCONNW;

/** What IPCP negotiated (RasGetProjectionInfo with RASP_PppIp). */
typedef struct tagRASPPPIPA {
    DWORD dwSize;
    DWORD dwError;
    CHAR szIpAddress[RAS_MaxIpAddress + 1]; /**< ours */
    CHAR szServerIpAddress[RAS_MaxIpAddress + 1]; /**< the server's */
    DWORD dwOptions;                     /**< RASIPO_* */
    DWORD dwServerOptions;               /**< RASIPO_* */
} RASPPPIPA, *LPRASPPPIPA;
typedef struct tagRASPPPIPW {
    DWORD dwSize;
    DWORD dwError;
    WCHAR szIpAddress[RAS_MaxIpAddress + 1]; /**< ours */
    WCHAR szServerIpAddress[RAS_MaxIpAddress + 1]; /**< the server's */
    DWORD dwOptions;                     /**< RASIPO_* */
    DWORD dwServerOptions;               /**< RASIPO_* */
} RASPPPIPW, *LPRASPPPIPW;

/** What LCP negotiated (RasGetProjectionInfo with RASP_PppLcp). */
typedef struct tagRASPPPLCPA {
    DWORD dwSize;
    BOOL fBundled;
    DWORD dwError;
    DWORD dwAuthenticationProtocol;      /**< RASLCPAP_*, 0 for none */
    DWORD dwAuthenticationData;          /**< RASLCPAD_CHAP_MD5 or RASLCPAD_CHAP_MSV2 with CHAP */
    DWORD dwEapTypeId;
    DWORD dwServerAuthenticationProtocol;
    DWORD dwServerAuthenticationData;
    DWORD dwServerEapTypeId;
    BOOL fMultilink;
    DWORD dwTerminateReason;
    DWORD dwServerTerminateReason;
    CHAR szReplyMessage[RAS_MaxReplyMessage];
    DWORD dwOptions;                     /**< RASLCPO_* */
    DWORD dwServerOptions;               /**< RASLCPO_* */
} RASPPPLCPA, *LPRASPPPLCPA;
typedef struct tagRASPPPLCPW {
    DWORD dwSize;
    BOOL fBundled;
    DWORD dwError;
    DWORD dwAuthenticationProtocol;      /**< RASLCPAP_*, 0 for none */
    DWORD dwAuthenticationData;          /**< RASLCPAD_CHAP_MD5 or RASLCPAD_CHAP_MSV2 with CHAP */
    DWORD dwEapTypeId;
    DWORD dwServerAuthenticationProtocol;
    DWORD dwServerAuthenticationData;
    DWORD dwServerEapTypeId;
    BOOL fMultilink;
    DWORD dwTerminateReason;
    DWORD dwServerTerminateReason;
    WCHAR szReplyMessage[RAS_MaxReplyMessage];
    DWORD dwOptions;                     /**< RASLCPO_* */
    DWORD dwServerOptions;               /**< RASLCPO_* */
} RASPPPLCPW, *LPRASPPPLCPW;

/* The projections this RAS never negotiates (it speaks IP over PPP): their
 * structures, so that code written for them compiles; RasGetProjectionInfo
 * answers ERROR_PROTOCOL_NOT_CONFIGURED for them, as Windows does for a
 * protocol a connection does not run. */
#ifndef NETBIOS_NAME_LEN
#define NETBIOS_NAME_LEN 16
#endif
#define RAS_MaxIpxAddress 21

typedef struct tagRASAMBA {
    DWORD dwSize;
    DWORD dwError;
    CHAR szNetBiosError[NETBIOS_NAME_LEN + 1];
    BYTE bLana;
} RASAMBA, *LPRASAMBA;
typedef struct tagRASAMBW {
    DWORD dwSize;
    DWORD dwError;
    WCHAR szNetBiosError[NETBIOS_NAME_LEN + 1];
    BYTE bLana;
} RASAMBW, *LPRASAMBW;

typedef struct tagRASPPPNBFA {
    DWORD dwSize;
    DWORD dwError;
    DWORD dwNetBiosError;
    CHAR szNetBiosError[NETBIOS_NAME_LEN + 1];
    CHAR szWorkstationName[NETBIOS_NAME_LEN + 1];
    BYTE bLana;
} RASPPPNBFA, *LPRASPPPNBFA;
typedef struct tagRASPPPNBFW {
    DWORD dwSize;
    DWORD dwError;
    DWORD dwNetBiosError;
    WCHAR szNetBiosError[NETBIOS_NAME_LEN + 1];
    WCHAR szWorkstationName[NETBIOS_NAME_LEN + 1];
    BYTE bLana;
} RASPPPNBFW, *LPRASPPPNBFW;

typedef struct tagRASPPPIPXA {
    DWORD dwSize;
    DWORD dwError;
    CHAR szIpxAddress[RAS_MaxIpxAddress + 1];
} RASPPPIPXA, *LPRASPPPIPXA;
typedef struct tagRASPPPIPXW {
    DWORD dwSize;
    DWORD dwError;
    WCHAR szIpxAddress[RAS_MaxIpxAddress + 1];
} RASPPPIPXW, *LPRASPPPIPXW;

typedef struct _RASPPPCCP {
    DWORD dwSize;
    DWORD dwError;
    DWORD dwCompressionAlgorithm;
    DWORD dwOptions;
    DWORD dwServerCompressionAlgorithm;
    DWORD dwServerOptions;
} RASPPPCCP, *LPRASPPPCCP;

typedef struct _RASPPPIPV6 {
    DWORD dwSize;
    DWORD dwError;
    BYTE bLocalInterfaceIdentifier[8];
    BYTE bPeerInterfaceIdentifier[8];
    BYTE bLocalCompressionProtocol[2];
    BYTE bPeerCompressionProtocol[2];
} RASPPPIPV6, *LPRASPPPIPV6;

#ifdef UNICODE
#define RASAMB RASAMBW
#define LPRASAMB LPRASAMBW
#define RASPPPNBF RASPPPNBFW
#define LPRASPPPNBF LPRASPPPNBFW
#define RASPPPIPX RASPPPIPXW
#define LPRASPPPIPX LPRASPPPIPXW
#else
#define RASAMB RASAMBA
#define LPRASAMB LPRASAMBA
#define RASPPPNBF RASPPPNBFA
#define LPRASPPPNBF LPRASPPPNBFA
#define RASPPPIPX RASPPPIPXA
#define LPRASPPPIPX LPRASPPPIPXA
#endif

/* RasGetCredentials and RasSetCredentials: which members count (dwMask). */
#define RASCM_UserName           0x00000001
#define RASCM_Password           0x00000002
#define RASCM_Domain             0x00000004
#define RASCM_DefaultCreds       0x00000008 /**< accepted, ignored: netrouter has no all-users credentials */
#define RASCM_PreSharedKey       0x00000010 /**< refused: no L2TP here */
#define RASCM_ServerPreSharedKey 0x00000020 /**< refused */
#define RASCM_DDMPreSharedKey    0x00000040 /**< refused */

/** The saved credentials of a phonebook entry (RasGetCredentials,
 *  RasSetCredentials): the same store as RasSetEntryDialParams'.  Set
 *  dwSize; dwMask says which members count (RASCM_*). */
typedef struct tagRASCREDENTIALSA {
    DWORD dwSize;
    DWORD dwMask;
    CHAR szUserName[UNLEN + 1];
    CHAR szPassword[PWLEN + 1];
    CHAR szDomain[DNLEN + 1];
} RASCREDENTIALSA, *LPRASCREDENTIALSA;

typedef struct tagRASCREDENTIALSW {
    DWORD dwSize;
    DWORD dwMask;
    WCHAR szUserName[UNLEN + 1];
    WCHAR szPassword[PWLEN + 1];
    WCHAR szDomain[DNLEN + 1];
} RASCREDENTIALSW, *LPRASCREDENTIALSW;

#ifdef UNICODE
#define RASCREDENTIALS RASCREDENTIALSW
#define LPRASCREDENTIALS LPRASCREDENTIALSW
#else
#define RASCREDENTIALS RASCREDENTIALSA
#define LPRASCREDENTIALS LPRASCREDENTIALSA
#endif

#ifdef UNICODE
#define RASENTRYNAME RASENTRYNAMEW
#define LPRASENTRYNAME LPRASENTRYNAMEW
#define RASDIALPARAMS RASDIALPARAMSW
#define LPRASDIALPARAMS LPRASDIALPARAMSW
#define RASCONNSTATUS RASCONNSTATUSW
#define LPRASCONNSTATUS LPRASCONNSTATUSW
#define RASCONN RASCONNW
#define LPRASCONN LPRASCONNW
#define RASPPPIP RASPPPIPW
#define LPRASPPPIP LPRASPPPIPW
#define RASPPPLCP RASPPPLCPW
#define LPRASPPPLCP LPRASPPPLCPW
#else
#define RASENTRYNAME RASENTRYNAMEA
#define LPRASENTRYNAME LPRASENTRYNAMEA
#define RASDIALPARAMS RASDIALPARAMSA
#define LPRASDIALPARAMS LPRASDIALPARAMSA
#define RASCONNSTATUS RASCONNSTATUSA
#define LPRASCONNSTATUS LPRASCONNSTATUSA
#define RASCONN RASCONNA
#define LPRASCONN LPRASCONNA
#define RASPPPIP RASPPPIPA
#define LPRASPPPIP LPRASPPPIPA
#define RASPPPLCP RASPPPLCPA
#define LPRASPPPLCP LPRASPPPLCPA
#endif
#define NR_RASCONNA_V1_SIZE ((DWORD)offsetof(RASCONNA, guidEntry))

/** The counters of a connection (RasGetConnectionStatistics), since it
 *  was dialed or last cleared (RasClearConnectionStatistics).  Set dwSize.
 *  Octets and frames are those on the line (PPP's HDLC framing: flags,
 *  escapes, address, control, protocol and FCS included), PPP's own
 *  negotiation and echoes included.  Counters wrap at 2^32 like Windows'. */
typedef struct _RAS_STATS {
    DWORD dwSize;
    DWORD dwBytesXmited;                /**< octets written to the line */
    DWORD dwBytesRcved;                 /**< octets read from the line, bad frames and noise included */
    DWORD dwFramesXmited;
    DWORD dwFramesRcved;                /**< good frames only */
    DWORD dwCrcErr;                     /**< frames with a bad FCS */
    DWORD dwTimeoutErr;                 /**< always 0 on an asynchronous line */
    DWORD dwAlignmentErr;               /**< frames aborted or too short */
    DWORD dwHardwareOverrunErr;         /**< always 0: the UART's overruns never reach user space */
    DWORD dwFramingErr;                 /**< malformed headers, octets outside any frame */
    DWORD dwBufferOverrunErr;           /**< frames longer than the MRU */
    DWORD dwCompressionRatioIn;         /**< always 0: no compression is negotiated */
    DWORD dwCompressionRatioOut;
    DWORD dwBps;                        /**< the modem's CONNECT speed, 0 when it gave none */
    DWORD dwConnectDuration;            /**< milliseconds the link has been up (PPP open) */
} RAS_STATS, *PRAS_STATS, *LPRAS_STATS;

/* ------------------------------------------------------------------------ */
/* Dial notifications                                                        */
/* ------------------------------------------------------------------------ */

/** The unMsg of every notification (WM_RASDIALEVENT), and the name Windows
 *  registers that message under (RASDIALEVENT, a string as on Windows). */
#define WM_RASDIALEVENT 0xCCCD
#define RASDIALEVENT    "RasDialEvent"

/* The notifiers of RasDial (dwNotifierType 0, 1, 2).  None carries text, so
 * RasDialA and RasDialW take the same ones. */
typedef VOID(WINAPI *RASDIALFUNC)(UINT unMsg, RASCONNSTATE rasconnstate, DWORD dwError);
typedef VOID(WINAPI *RASDIALFUNC1)(HRASCONN hrasconn, UINT unMsg, RASCONNSTATE rascs, DWORD dwError,
                                   DWORD dwExtendedError);
/** Returning 0 stops further notifications for this attempt. */
typedef DWORD(WINAPI *RASDIALFUNC2)(ULONG_PTR dwCallbackId, DWORD dwSubEntry, HRASCONN hrasconn, UINT unMsg,
                                    RASCONNSTATE rascs, DWORD dwError, DWORD dwExtendedError);

/** netrouter extension: dwNotifierType NR_RAS_NOTIFIER_FD (0xFFFFFFFF):
 *  lpvNotifier points to an int, a writable file descriptor that receives
 *  one NR_RASDIALEVENT record per notification (the POSIX stand-in for a
 *  window handle); the application poll()s the other end.  Records are
 *  written whole, in host byte order. */
#define NR_RAS_NOTIFIER_FD 0xFFFFFFFFu
typedef struct nr_ras_dial_event {
    uint32_t cbSize;            /**< sizeof(NR_RASDIALEVENT) */
    uint32_t unMsg;             /**< WM_RASDIALEVENT */
    uint64_t hrasconn;          /**< the HRASCONN, as an integer */
    uint32_t rasconnstate;
    uint32_t dwError;
    uint32_t dwExtendedError;
    uint32_t dwSubEntry;
} NR_RASDIALEVENT;

/* RasConnectionNotification dwFlags (Windows values) */
#define RASCN_Connection        0x00000001
#define RASCN_Disconnection     0x00000002
#define RASCN_BandwidthAdded    0x00000004 /* multilink: refused */
#define RASCN_BandwidthRemoved  0x00000008 /* multilink: refused */
#define RASCN_Dormant           0x00000010 /* refused */
#define RASCN_ReConnection      0x00000020 /* a lost link was redialed (phonebook "reconnect") */
#define RASCN_EPDGPacketArrival 0x00000040 /* refused */

/** RasConnectionNotification's hrasconn for every connection, present and
 *  future (Windows' INVALID_HANDLE_VALUE). */
#ifndef INVALID_HANDLE_VALUE
#define INVALID_HANDLE_VALUE ((HANDLE)(intptr_t)-1)
#endif

#endif /* NETROUTER_RASTYPES_H */
