/*
 * netrouter/ras.h - the RAS client API (the RasDial family) of netrouter's
 * dial-up provider, with the Windows names, numbers and semantics and Linux
 * types (see libnetrouter-ras(3) and RasDial(3)).  Link with `pkg-config --libs
 * netrouter-ras`.
 *
 *     RASENTRYNAME names[8] = { { .dwSize = sizeof(RASENTRYNAME) } };
 *     DWORD cb = sizeof names, n = 0;
 *     DWORD rc = RasEnumEntries(NULL, NULL, names, &cb, &n);
 *     if (rc != 0) {
 *         char text[256];
 *         RasGetErrorString(rc, text, sizeof text);
 *         fprintf(stderr, "error %u: %s\n", rc, text);
 *     }
 *
 * Strings are UTF-8 char arrays; a phonebook is a JSON file (see
 * netrouter-phonebook(5)); lpszPhonebook NULL means the default one
 * ($XDG_CONFIG_HOME/netrouter/phonebook.json, else
 * $(sysconfdir)/netrouter/phonebook.json).  Every function is thread-safe.
 *
 * Every function has a manual page of its own with a complete example
 * (RasDial(3), RasHangUp(3), ...; libnetrouter-ras(3) is the overview).
 * A link belongs to the process that dialed it and ends with it.
 *
 * This header grows with the provider: functions are declared here as they
 * are implemented.
 */
#ifndef NETROUTER_RAS_H
#define NETROUTER_RAS_H

#include <stdint.h>
#include <netrouter/npapi.h>
#include <netrouter/raserror.h> /* the RAS error numbers 600-877 and their texts */

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define NR_RAS_PUBLIC __attribute__((visibility("default")))
#else
#define NR_RAS_PUBLIC
#endif

/** A RAS connection: an opaque handle, valid from RasDial until RasHangUp. */
typedef void *HRASCONN;
typedef HRASCONN *LPHRASCONN;

/* ------------------------------------------------------------------------ */
/* Sizes (Windows values; paths use the Linux limit)                         */
/* ------------------------------------------------------------------------ */

#define RAS_MaxDeviceType     16
#define RAS_MaxPhoneNumber    128
#define RAS_MaxIpAddress      15
#define RAS_MaxEntryName      256
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
/* Structures                                                                */
/* ------------------------------------------------------------------------ */

/* RASENTRYNAME.dwFlags */
#define REN_User     0x00000000
#define REN_AllUsers 0x00000001

/** One phonebook entry name (RasEnumEntries).  Set dwSize of the first
 *  element to sizeof(RASENTRYNAME). */
typedef struct tagRASENTRYNAME {
    DWORD dwSize;
    CHAR szEntryName[RAS_MaxEntryName + 1];
    DWORD dwFlags;                      /**< REN_User or REN_AllUsers (system phonebook) */
    CHAR szPhonebookPath[RAS_MaxPath + 1];
} RASENTRYNAME, *LPRASENTRYNAME;

/** What to dial (RasDial).  Empty szPhoneNumber: the entry's number. */
typedef struct tagRASDIALPARAMS {
    DWORD dwSize;
    CHAR szEntryName[RAS_MaxEntryName + 1];
    CHAR szPhoneNumber[RAS_MaxPhoneNumber + 1];
    CHAR szCallbackNumber[RAS_MaxCallbackNumber + 1];
    CHAR szUserName[UNLEN + 1];
    CHAR szPassword[PWLEN + 1];
    CHAR szDomain[DNLEN + 1];
    DWORD dwSubEntry;
    ULONG_PTR dwCallbackId;             /**< handed back to RasDialFunc2 */
    DWORD dwIfIndex;
} RASDIALPARAMS, *LPRASDIALPARAMS;

/* RASDIALEXTENSIONS.dwfOptions */
#define RDEOPT_UsePrefixSuffix  0x00000001
#define RDEOPT_PausedStates     0x00000002
#define RDEOPT_IgnoreModemSpeaker 0x00000004
#define RDEOPT_SetModemSpeaker  0x00000008

typedef struct tagRASDIALEXTENSIONS {
    DWORD dwSize;
    DWORD dwfOptions;                   /**< RDEOPT_* */
    HWND hwndParent;
    ULONG_PTR reserved;
    ULONG_PTR reserved1;
} RASDIALEXTENSIONS, *LPRASDIALEXTENSIONS;

/** State of a connection (RasGetConnectStatus). */
typedef struct tagRASCONNSTATUS {
    DWORD dwSize;
    RASCONNSTATE rasconnstate;
    DWORD dwError;
    CHAR szDeviceType[RAS_MaxDeviceType + 1];
    CHAR szDeviceName[RAS_MaxDeviceName + 1];
    CHAR szPhoneNumber[RAS_MaxPhoneNumber + 1];
} RASCONNSTATUS, *LPRASCONNSTATUS;

/** A live connection (RasEnumConnections). */
typedef struct tagRASCONN {
    DWORD dwSize;
    HRASCONN hrasconn;
    CHAR szEntryName[RAS_MaxEntryName + 1];
    CHAR szDeviceType[RAS_MaxDeviceType + 1];
    CHAR szDeviceName[RAS_MaxDeviceName + 1];
    CHAR szPhonebook[RAS_MaxPath];
    DWORD dwSubEntry;
} RASCONN, *LPRASCONN;

/* Projections (RasGetProjectionInfo) */
typedef enum tagRASPROJECTION {
    RASP_PppIp = 0x8021,
    RASP_PppCcp = 0x80FD,
    RASP_PppLcp = 0xC021,
} RASPROJECTION, *LPRASPROJECTION;

typedef struct tagRASPPPIP {
    DWORD dwSize;
    DWORD dwError;
    CHAR szIpAddress[RAS_MaxIpAddress + 1];        /**< ours */
    CHAR szServerIpAddress[RAS_MaxIpAddress + 1];  /**< the server's */
    DWORD dwOptions;
    DWORD dwServerOptions;
} RASPPPIP, *LPRASPPPIP;

/* RASPPPLCP.dwAuthenticationProtocol and .dwAuthenticationData */
#define RASLCPAP_PAP      0xC023
#define RASLCPAP_CHAP     0xC223
#define RASLCPAD_CHAP_MD5 0x05
#define RASLCPAD_CHAP_MS  0x80
#define RASLCPAD_CHAP_MSV2 0x81

typedef struct tagRASPPPLCP {
    DWORD dwSize;
    BOOL fBundled;
    DWORD dwError;
    DWORD dwAuthenticationProtocol;     /**< RASLCPAP_*, 0 for none */
    DWORD dwAuthenticationData;         /**< RASLCPAD_CHAP_MD5 or RASLCPAD_CHAP_MSV2 with CHAP */
    DWORD dwEapTypeId;
    DWORD dwServerAuthenticationProtocol;
    DWORD dwServerAuthenticationData;
    DWORD dwServerEapTypeId;
    BOOL fMultilink;
    DWORD dwTerminateReason;
    DWORD dwServerTerminateReason;
    CHAR szReplyMessage[RAS_MaxReplyMessage];
    DWORD dwOptions;
    DWORD dwServerOptions;
} RASPPPLCP, *LPRASPPPLCP;

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

/** The unMsg of every notification (WM_RASDIALEVENT). */
#define WM_RASDIALEVENT 0xCCCD

typedef void (*RASDIALFUNC)(UINT unMsg, RASCONNSTATE rasconnstate, DWORD dwError);
typedef void (*RASDIALFUNC1)(HRASCONN hrasconn, UINT unMsg, RASCONNSTATE rascs, DWORD dwError,
                             DWORD dwExtendedError);
/** Returning 0 stops further notifications for this attempt. */
typedef DWORD (*RASDIALFUNC2)(ULONG_PTR dwCallbackId, DWORD dwSubEntry, HRASCONN hrasconn, UINT unMsg,
                              RASCONNSTATE rascs, DWORD dwError, DWORD dwExtendedError);

/** dwNotifierType 0xFFFFFFFF: lpvNotifier points to an int, a writable file
 *  descriptor that receives one RASDIALEVENT record per notification (the
 *  POSIX stand-in for a window handle); the application poll()s the other
 *  end.  Records are written whole, in host byte order. */
#define RAS_NOTIFIER_FD 0xFFFFFFFFu
typedef struct tagRASDIALEVENT {
    uint32_t cbSize;            /**< sizeof(RASDIALEVENT) */
    uint32_t unMsg;             /**< WM_RASDIALEVENT */
    uint64_t hrasconn;          /**< the HRASCONN, as an integer */
    uint32_t rasconnstate;
    uint32_t dwError;
    uint32_t dwExtendedError;
    uint32_t dwSubEntry;
} RASDIALEVENT;

/* RasConnectionNotification dwFlags (Windows values) */
#define RASCN_Connection       0x00000001
#define RASCN_Disconnection    0x00000002
#define RASCN_BandwidthAdded   0x00000004 /* multilink: refused */
#define RASCN_BandwidthRemoved 0x00000008 /* multilink: refused */
#define RASCN_ReConnection     0x00000020 /* a lost link was redialed (phonebook "reconnect") */

/** RasConnectionNotification's hrasconn for every connection, present and
 *  future (Windows' INVALID_HANDLE_VALUE). */
#ifndef INVALID_HANDLE_VALUE
#define INVALID_HANDLE_VALUE ((HANDLE)(intptr_t)-1)
#endif

/* ------------------------------------------------------------------------ */
/* Functions                                                                 */
/* ------------------------------------------------------------------------ */

/**
 * Text of a RAS error (600-877, <netrouter/raserror.h>: Windows 10/11's
 * words) or of a code from <netrouter/npapi.h>, as
 * RasGetErrorString: copies it, NUL-terminated, into buf of size bytes.
 * Errors: ERROR_INVALID_PARAMETER (buf NULL or an unknown code),
 * ERROR_INSUFFICIENT_BUFFER (122) when size is too small.  Never fails
 * otherwise; callable from inside RasDial notification handlers.
 */
NR_RAS_PUBLIC DWORD RasGetErrorString(UINT uErrorValue, LPSTR buf, DWORD size);

/**
 * Lists the entry names of a phonebook, as RasEnumEntries.  reserved must be
 * NULL.  lpszPhonebook NULL: the default phonebook (a missing default
 * phonebook has no entries).  entries is an array of *lpcb bytes whose first
 * element has dwSize = sizeof(RASENTRYNAME); on return *lpcEntries holds the
 * count and *lpcb the bytes used.  Probing: entries NULL with *lpcb 0 gives
 * ERROR_BUFFER_TOO_SMALL and the size needed in *lpcb.
 * Errors: ERROR_INVALID_PARAMETER, ERROR_INVALID_SIZE (dwSize),
 * ERROR_BUFFER_TOO_SMALL, ERROR_CANNOT_OPEN_PHONEBOOK (a named file that
 * cannot be read, or an unsafe one), ERROR_CORRUPT_PHONEBOOK (the detail,
 * with file, line and field, is in RasGetLastPhonebookError()).
 */
NR_RAS_PUBLIC DWORD RasEnumEntries(LPCSTR reserved, LPCSTR lpszPhonebook, LPRASENTRYNAME entries, LPDWORD lpcb,
                                   LPDWORD lpcEntries);

/**
 * Dials a phonebook entry, as RasDial.
 *
 * ext: NULL, or dwSize = sizeof(RASDIALEXTENSIONS); RDEOPT_PausedStates in
 * dwfOptions lets a rejected password pause in RASCS_RetryAuthentication
 * instead of failing with ERROR_AUTHENTICATION_FAILURE, a password that an
 * MS-CHAP v2 server says has expired pause in RASCS_PasswordExpired
 * (resume with the new password in params->szPassword: it is changed on
 * the server, RASCS_AuthChangePassword) instead of failing with
 * ERROR_PASSWD_EXPIRED, a server's offer to call back pause in
 * RASCS_CallbackSetByCaller when the entry says callback "ask" and
 * params->szCallbackNumber is empty (resume with the number there), and an
 * entry with
 * terminal_after_dial pause in RASCS_Interactive (see
 * nr_ras_terminal_read) instead of failing with ERROR_INTERACTIVE_MODE
 * (asynchronous dials only).  phonebook: NULL for the default.  params: dwSize set; the entry
 * name, and optionally a phone number overriding the entry's, user name,
 * password and callback number (for a server that offers to call back: a
 * number, "*" for the entry's callback_number, "" for none).
 *
 * lpvNotifier NULL: synchronous; returns 0 once connected, else the error
 * once the port has been released.
 * Otherwise returns 0 at once and reports every state through the notifier
 * of dwNotifierType (0 RASDIALFUNC, 1 RASDIALFUNC1, 2 RASDIALFUNC2 whose 0
 * return stops further notifications, RAS_NOTIFIER_FD with lpvNotifier
 * pointing to a writable descriptor receiving RASDIALEVENT records), on a
 * thread of the library.  Each state is announced once with error 0; a
 * failure is announced again for its state with the error; nothing comes
 * after RASCS_Connected, an error, or RasHangUp.
 *
 * *lphRasConn must be NULL for a new dial; it receives the handle as soon as
 * the attempt exists (also when the dial then fails), and the caller must
 * RasHangUp it in every case.  A non-NULL *lphRasConn resumes a dial paused
 * in a RASCS_PAUSED state, with new credentials from params and the same
 * notifier.  Calling RasDial from inside a notification handler fails with
 * ERROR_POSSIBLE_DEADLOCK.
 *
 * Errors returned directly: ERROR_INVALID_PARAMETER, ERROR_INVALID_SIZE,
 * ERROR_CANNOT_OPEN_PHONEBOOK, ERROR_CORRUPT_PHONEBOOK,
 * ERROR_CANNOT_FIND_PHONEBOOK_ENTRY (then no handle), and for synchronous
 * dials every dial error: 608 no device, 633 port in use, 676 busy, 678 no
 * answer, 679 no carrier, 680 no dial tone, 651 modem error (extended
 * error: the +CME ERROR number), 652 unrecognised reply, 666 silent modem,
 * 691 password rejected, 646/647/648/649 what an MS-CHAP v2 server refused,
 * 709 password change refused, 778 a server that did not prove it knows
 * the password, 703 a terminal step nobody can answer,
 * 718/719/721/732/733/734/737/738 PPP failures.
 *
 * What was at fault: nr_ras_get_error_detail(NULL, ...) after an error
 * returned with no handle (the phonebook's file, line, column and key; the
 * entries a phonebook does have), nr_ras_get_error_detail(handle, ...) after
 * a failure of the attempt (the device, the lock file and the process
 * holding it, what the server said), until RasHangUp.
 *
 * Threads: the dialing thread blocks every asynchronous signal, so that
 * SIGINT, SIGTERM and the like reach the application's own threads (its
 * handlers, signalfd or sigwait) and never interrupt the library.
 */
NR_RAS_PUBLIC DWORD RasDial(LPRASDIALEXTENSIONS ext, LPCSTR phonebook, LPRASDIALPARAMS params,
                            DWORD dwNotifierType, LPVOID lpvNotifier, LPHRASCONN lphRasConn);

/**
 * netrouter extension: where this process's links live.
 *
 * NR_RAS_ENGINE_SERVICE (the default): the connection service netrouterd
 * owns them (docs/service.md).  It is started on demand by the first
 * RasDial when none runs.  A link dialed here stays up after this process
 * exits; every process of the same user lists it, reads its status and
 * hangs it up, with the same handle (handles are service-wide).
 *
 * NR_RAS_ENGINE_IN_PROCESS: the dialing engine runs inside this process (a
 * thread per link); its links end with it, and other processes never see
 * them.  For tests, containers and embedded uses without a service.
 *
 * Call it before any other call of this library that dials or names a
 * link; without it the first such call reads $NETROUTER_RAS_ENGINE
 * ("in-process" or "service"; anything else: the service).  The choice
 * then stays for the life of the process.  nr_ras_get_engine() says which
 * one is in use (deciding it as above when nothing has).  Thread-safe.
 * Errors: ERROR_INVALID_PARAMETER (another value), ERROR_ALREADY_INITIALIZED
 * (the other engine was chosen already).
 */
#define NR_RAS_ENGINE_SERVICE    0
#define NR_RAS_ENGINE_IN_PROCESS 1
NR_RAS_PUBLIC DWORD nr_ras_set_engine(DWORD engine);
NR_RAS_PUBLIC DWORD nr_ras_get_engine(void);

/**
 * Ends a connection or a dial in any state, as RasHangUp.  Returns at once;
 * the port is released (DTR dropped, termios restored, lock removed) by the
 * dialing thread within a bounded time, after which the handle is invalid
 * (RasGetConnectStatus gives ERROR_INVALID_HANDLE).  Called from inside a
 * notification handler, it takes effect when the handler returns.
 * Errors: ERROR_INVALID_HANDLE.
 */
NR_RAS_PUBLIC DWORD RasHangUp(HRASCONN hrasconn);

/**
 * netrouter extension: RasHangUp, then waits until the port is released
 * (DTR dropped, termios restored, lock removed) and the handle invalid, at
 * most timeout_ms.  For applications that reuse the device at once instead
 * of polling RasGetConnectStatus for ERROR_INVALID_HANDLE.
 * Errors: ERROR_INVALID_HANDLE, ERROR_REQUEST_TIMEOUT (hung up, but not yet
 * released), ERROR_POSSIBLE_DEADLOCK when called from a notification handler
 * of that very connection (its dialing thread cannot release the port
 * before the handler returns; call RasHangUp there instead).
 */
NR_RAS_PUBLIC DWORD nr_ras_hang_up_wait(HRASCONN hrasconn, DWORD timeout_ms);

/**
 * netrouter extension: the terminal step of an entry with
 * terminal_after_dial (a login dialogue with the far end between the
 * modem's CONNECT and PPP, what Windows shows as the "after dial terminal"
 * window).  Valid only while the dial is paused in RASCS_Interactive
 * (asynchronous, RDEOPT_PausedStates); resume it afterwards with RasDial on
 * the same handle and notifier, or RasHangUp it.
 *
 * nr_ras_terminal_read copies into buf up to size bytes the far end sent
 * (raw: prompts arrive as the far end wrote them), waiting at most
 * timeout_ms for the first; *got is 0 when nothing came in time.
 * nr_ras_terminal_write sends size raw bytes (end an answer with "\r", as a
 * terminal would).  Any thread may call them, a notification handler too;
 * RasHangUp ends a wait at once.  Nothing is logged.
 *
 * One read at a time (another thread's read meanwhile gets
 * ERROR_ASYNC_REQUEST_PENDING); writes may overlap a read.
 * Errors: ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_PORT_NOT_OPEN
 * (the dial is not in RASCS_Interactive), ERROR_USER_DISCONNECTION (hung up
 * meanwhile), ERROR_PORT_DISCONNECTED (the line dropped),
 * ERROR_DEVICE_NOT_READY (output blocked), ERROR_PORT_OR_DEVICE (I/O error).
 */
NR_RAS_PUBLIC DWORD nr_ras_terminal_read(HRASCONN hrasconn, LPVOID buf, DWORD size, DWORD timeout_ms,
                                         LPDWORD got);
NR_RAS_PUBLIC DWORD nr_ras_terminal_write(HRASCONN hrasconn, const void *buf, DWORD size);

/**
 * netrouter extension: the name of the kernel network interface (TUN)
 * that carries the connection's IPv4 traffic, for an entry that names an
 * "interface" (see netrouter-phonebook(5)): set from RASCS_Projected on
 * until the port is released; "" while there is none.  The interface is
 * a point-to-point /32 from our address to the server's, with the
 * server's MRU as MTU, and goes when the connection does.  Creating it
 * needs CAP_NET_ADMIN: without, the dial fails in RASCS_Projected with
 * ERROR_PROTOCOL_NOT_CONFIGURED and the errno as extended error.
 * Errors: ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER,
 * ERROR_BUFFER_TOO_SMALL (size must hold the name and its NUL; 16 always does).
 */
NR_RAS_PUBLIC DWORD nr_ras_get_interface(HRASCONN hrasconn, LPSTR buf, DWORD size);

/**
 * The state of a connection, as RasGetConnectStatus: rasconnstate, dwError
 * (the failure of that state, or 0) and the device.  Set status->dwSize.
 * Errors: ERROR_INVALID_HANDLE (unknown or hung-up handle),
 * ERROR_INVALID_SIZE, ERROR_INVALID_PARAMETER.
 */
NR_RAS_PUBLIC DWORD RasGetConnectStatus(HRASCONN hrasconn, LPRASCONNSTATUS status);

/**
 * Every connection of this process that has not been hung up, as
 * RasEnumConnections: conns is an array of *lpcb bytes whose first element
 * has dwSize = sizeof(RASCONN); *lpcConnections receives the count and *lpcb
 * the bytes needed.  conns NULL (or too small): ERROR_BUFFER_TOO_SMALL.
 */
NR_RAS_PUBLIC DWORD RasEnumConnections(LPRASCONN conns, LPDWORD lpcb, LPDWORD lpcConnections);

/**
 * What PPP negotiated, as RasGetProjectionInfo: RASP_PppIp fills a RASPPPIP
 * (our address and the server's), RASP_PppLcp a RASPPPLCP (the
 * authentication protocol used and the server's message).  Set dwSize.
 * Both are available from RASCS_Projected on (and while connected).
 * Errors: ERROR_PROJECTION_NOT_COMPLETE (730) for both before
 * RASCS_Projected, also once authenticated (RASCS_Authenticated,
 * RASCS_AuthProject) and after a failed authentication;
 * ERROR_BUFFER_TOO_SMALL (*lpcb receives the size),
 * ERROR_INVALID_HANDLE, ERROR_PROTOCOL_NOT_CONFIGURED for other values.
 */
NR_RAS_PUBLIC DWORD RasGetProjectionInfo(HRASCONN hrasconn, RASPROJECTION rasprojection, LPVOID lpprojection,
                                         LPDWORD lpcb);

/**
 * The counters of a connection, as RasGetConnectionStatistics: octets and
 * frames each way, receive errors, the modem's speed and how long the link
 * has been up (see RAS_STATS).  Set lpStatistics->dwSize.
 *
 * They count from the dial (or the last RasClearConnectionStatistics) over
 * every link the connection had: a link redialed after a loss (phonebook
 * "reconnect") adds to them, and dwConnectDuration sums the time each link
 * was up.  Before RASCS_Connected (a dial still in its modem or PPP
 * phases, or one that failed there) every counter is 0 and the call
 * succeeds; from then on they include the PPP negotiation of the link.
 * dwBps is known from RASCS_DeviceConnected on.  After the link is lost
 * the counters stay as they were until RasHangUp.
 *
 * Thread safety: callable from any thread, notification handlers
 * included; the link's own thread publishes what it counted as it goes, so
 * a call never waits for the line.
 * Errors: ERROR_INVALID_PARAMETER (lpStatistics NULL), ERROR_INVALID_SIZE
 * (dwSize), ERROR_INVALID_HANDLE (unknown or hung-up handle).
 */
NR_RAS_PUBLIC DWORD RasGetConnectionStatistics(HRASCONN hrasconn, RAS_STATS *lpStatistics);

/**
 * Sets the counters of a connection back to 0, as
 * RasClearConnectionStatistics: RasGetConnectionStatistics counts from now
 * on, dwConnectDuration too (dwBps stays).  The idle timeout of the entry
 * is not affected: clearing the counters does not make a link busy or idle.
 * Thread safety as RasGetConnectionStatistics.
 * Errors: ERROR_INVALID_HANDLE.
 */
NR_RAS_PUBLIC DWORD RasClearConnectionStatistics(HRASCONN hrasconn);

/**
 * netrouter extension: a state in plain words for people, such as
 * "Dialing..." or "Connected."; never NULL, static storage, thread-safe.
 */
NR_RAS_PUBLIC const char *nr_ras_state_text(RASCONNSTATE state);

/**
 * Signals an event when a connection is made or lost, as
 * RasConnectionNotification.  POSIX stand-in for the event handle: hEvent is
 * a file descriptor cast to HANDLE ((HANDLE)(intptr_t)fd), typically an
 * eventfd(2) of the application (it receives a uint64_t 1) or the write end
 * of a pipe (it receives one byte); the application poll()s it and reads
 * what came.  dwFlags: RASCN_Connection (a connection reaches
 * RASCS_Connected), RASCN_Disconnection (a connected link is lost, or hung
 * up), RASCN_ReConnection (a lost link of an entry with "reconnect" is up
 * again, after its RASCN_Disconnection; the handle is the same), or any of
 * them together.
 *
 *     int efd = eventfd(0, EFD_CLOEXEC);
 *     RasConnectionNotification((HRASCONN)INVALID_HANDLE_VALUE,
 *                               (HANDLE)(intptr_t)efd,
 *                               RASCN_Connection | RASCN_Disconnection);
 *     ... poll() efd, read() its uint64_t, then RasEnumConnections ...
 *
 * hrasconn: INVALID_HANDLE_VALUE for every connection of this process,
 * present and future (Windows documents RASCN_Connection only with it; here
 * a specific handle also works, signalled when that dial reaches
 * RASCS_Connected), or one connection's handle.  A registration for one
 * connection ends when its handle becomes invalid (RasHangUp).
 *
 * Ownership: the library keeps its own duplicate of the descriptor (so a
 * number the application closes and reuses is never written to) and closes
 * it when the registration ends, or when a write fails (a pipe whose read
 * end is closed: no SIGPIPE is raised).  A registration for every
 * connection on an eventfd lasts as long as the process; there is no
 * unregistering, as on Windows.
 *
 * Thread safety: callable from any thread, including notification
 * handlers.  Events are signalled from the library's dialing threads with
 * non-blocking writes: a full pipe (already readable) drops the byte, and a
 * dial is never held up by a slow reader.
 *
 * Errors: ERROR_INVALID_PARAMETER (dwFlags 0, unknown bits, or
 * RASCN_BandwidthAdded / RASCN_BandwidthRemoved: multilink is not
 * supported; RASCN_Dormant and RASCN_EPDGPacketArrival are not either), ERROR_INVALID_HANDLE (hrasconn unknown or hung up; hEvent not
 * an open, writable descriptor), ERROR_ALLOCATING_MEMORY.
 */
NR_RAS_PUBLIC DWORD RasConnectionNotification(HRASCONN hrasconn, HANDLE hEvent, DWORD dwFlags);

/**
 * Saves the credentials of a phonebook entry, as RasSetEntryDialParams:
 * params->szEntryName names the entry of lpszPhonebook (NULL: the default
 * phonebook); szUserName, szPassword, szDomain and szCallbackNumber are
 * saved (szPhoneNumber is ignored).  fRemovePassword TRUE saves the others
 * but removes the saved password (szPassword is then ignored).
 *
 * Storage: per user, in ras-credentials.json of $NETROUTER_STATE_DIR, else
 * $XDG_STATE_HOME/netrouter, else ~/.local/state/netrouter (created mode
 * 0700), keyed by the phonebook's absolute path and the entry name.  The
 * file is mode 0600 and replaced atomically (temporary file, fsync,
 * rename); the password is kept in clear in it, protected by the file's
 * permissions only.  Passwords never appear in error texts, and the
 * library's copies are wiped after use.
 *
 * Thread safety: callable from any thread; concurrent saves (also from
 * other processes of the same user) are serialised.  RasDial does not read
 * saved credentials: the application calls RasGetEntryDialParams and passes
 * the result to RasDial, as on Windows.
 *
 * Errors: ERROR_BUFFER_INVALID (params NULL), ERROR_INVALID_SIZE (dwSize),
 * ERROR_INVALID_PARAMETER (a string without its NUL), the phonebook's
 * errors (ERROR_CANNOT_OPEN_PHONEBOOK, ERROR_CORRUPT_PHONEBOOK),
 * ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, ERROR_ACCESS_DENIED (the credentials
 * file or its directory is owned by another user or open to group or
 * others), ERROR_CANNOT_LOAD_PHONEBOOK (the credentials file is unreadable
 * or corrupt), ERROR_CANNOT_WRITE_PHONEBOOK (it cannot be written).  The
 * detail, naming the file and field, is in RasGetLastPhonebookError().
 */
NR_RAS_PUBLIC DWORD RasSetEntryDialParams(LPCSTR lpszPhonebook, LPRASDIALPARAMS params, BOOL fRemovePassword);

/**
 * The saved credentials of a phonebook entry, as RasGetEntryDialParams:
 * params->dwSize and szEntryName are set by the caller; szUserName,
 * szPassword, szDomain and szCallbackNumber receive what
 * RasSetEntryDialParams saved ("" when nothing was), szPhoneNumber receives
 * "" (the entry's number: the result can be handed to RasDial as it is).
 * *lpfPassword receives TRUE when a password was saved, else FALSE (and
 * szPassword is "").  The caller should wipe szPassword once used.
 *
 * Thread safety and storage: as RasSetEntryDialParams.  Errors:
 * ERROR_BUFFER_INVALID (params or lpfPassword NULL), ERROR_INVALID_SIZE,
 * ERROR_INVALID_PARAMETER, ERROR_CANNOT_OPEN_PHONEBOOK,
 * ERROR_CORRUPT_PHONEBOOK, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY (623),
 * ERROR_ACCESS_DENIED (an unsafe credentials file is refused, never read),
 * ERROR_CANNOT_LOAD_PHONEBOOK; detail in RasGetLastPhonebookError().
 */
NR_RAS_PUBLIC DWORD RasGetEntryDialParams(LPCSTR lpszPhonebook, LPRASDIALPARAMS params, LPBOOL lpfPassword);

/**
 * netrouter extension: the calling thread's detailed sentence for the last
 * error of this library that was returned before any connection existed:
 * the phonebook ("FILE:LINE:COLUMN: FIELD: message" for a syntax or schema
 * error, "FILE: why" for one that cannot be opened or is refused), a
 * missing entry ("FILE: no entry named ... ; its N entries are ..."), the
 * saved credentials; "" when the last call succeeded.  Copied into buf
 * (truncated to size).  The same as nr_ras_get_error_detail(NULL, ...).
 */
NR_RAS_PUBLIC DWORD RasGetLastPhonebookError(LPSTR buf, DWORD size);

/**
 * netrouter extension: the sentence behind an error number, naming what
 * was at fault, for people (error numbers keep their Windows meaning and
 * RasGetErrorString their Windows text; this says which file, key, device
 * or process).
 *
 * hrasconn NULL: the calling thread's detail of the last call that failed
 * before any connection existed (see RasGetLastPhonebookError): a RasDial
 * that returned ERROR_CANNOT_OPEN_PHONEBOOK, ERROR_CORRUPT_PHONEBOOK or
 * ERROR_CANNOT_FIND_PHONEBOOK_ENTRY with no handle, RasEnumEntries,
 * nr_ras_check_phonebook, the saved credentials.
 *
 * hrasconn a connection: why that dial failed or its link was lost (the
 * dwError of its failure notification, of RasGetConnectStatus, or of a
 * synchronous RasDial), such as
 *     The device /dev/ttyS0 is in use: lock file /var/lock/LCK..ttyS0
 *     belongs to process 4242.
 *     The server rejected the user name or password (CHAP: "bad secret").
 * recorded before the failure is announced and kept until RasHangUp; ""
 * while it has not failed.  Callable from notification handlers.
 *
 *     if (rc != 0) {
 *         char text[256], detail[1024];
 *         RasGetErrorString(rc, text, sizeof text);
 *         nr_ras_get_error_detail(h, detail, sizeof detail);  // h may be NULL
 *         fprintf(stderr, "error %u: %s\n%s\n", rc, text, detail);
 *     }
 *
 * Copied into buf, truncated to size.  Errors: ERROR_INVALID_PARAMETER
 * (buf NULL or size 0), ERROR_INVALID_HANDLE (hung up or unknown handle).
 */
NR_RAS_PUBLIC DWORD nr_ras_get_error_detail(HRASCONN hrasconn, LPSTR buf, DWORD size);

/**
 * netrouter extension: loads and checks a whole phonebook exactly as every
 * call that uses one does (see netrouter-phonebook(5)), without dialing.
 * phonebook NULL: the default one, which must then exist (RasEnumEntries
 * treats a missing default phonebook as empty).  path (NULL, or size
 * bytes) receives the path of the file checked, *lpcEntries (may be NULL)
 * the number of entries.
 *
 * Returns 0 when the phonebook is valid; ERROR_CANNOT_OPEN_PHONEBOOK (missing,
 * unreadable, not a regular file, unsafe) or ERROR_CORRUPT_PHONEBOOK
 * (syntax or schema), with the detail in nr_ras_get_error_detail(NULL, ...)
 * ("FILE:LINE:COLUMN: FIELD: message"); ERROR_INVALID_PARAMETER (phonebook
 * "", or size 0 with a path), ERROR_BUFFER_TOO_SMALL (path cannot hold the
 * path; nothing is loaded).  rasdial --check-phonebook is this call.
 */
NR_RAS_PUBLIC DWORD nr_ras_check_phonebook(LPCSTR phonebook, LPSTR path, DWORD size, LPDWORD lpcEntries);

#ifdef __cplusplus
}
#endif

#endif /* NETROUTER_RAS_H */
