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
 *         char text[512];
 *         RasGetErrorString(rc, text, sizeof text);
 *         fprintf(stderr, "error %u: %s\n", rc, text);
 *     }
 *
 * Every function that takes or gives text has two forms, as on Windows:
 * FooA takes UTF-8 (char strings, FOOA structures) and FooW wide strings
 * (wchar_t, L"...", FOOW structures); the plain name Foo is FooW when
 * UNICODE is defined, else FooA.  The W forms convert at the boundary and
 * do what the A forms do; wide text that is not Unicode (a surrogate, a
 * value past U+10FFFF) is ERROR_INVALID_PARAMETER, stored text that is not
 * UTF-8 ERROR_NO_UNICODE_TRANSLATION.  Functions without text
 * (RasGetConnectionStatistics) and the netrouter extensions (nr_ras_*)
 * have one form, UTF-8.
 *
 * A-form strings are UTF-8 char arrays; a phonebook is a JSON file (see
 * netrouter-phonebook(5)); lpszPhonebook NULL means the default one
 * ($XDG_CONFIG_HOME/netrouter/phonebook.json, else
 * $(sysconfdir)/netrouter/phonebook.json).  Every function is thread-safe.
 *
 * Every function has a manual page of its own with a complete example
 * (RasDial(3), RasHangUp(3), ...; libnetrouter-ras(3) is the overview).
 * A link belongs to the process that dialed it and ends with it.
 *
 * This header grows with the provider: functions are declared here as they
 * are implemented.  The error numbers are in <netrouter/raserror.h>, the
 * structures and constants in <netrouter/rastypes.h>; both come with it.
 */
#ifndef NETROUTER_RAS_H
#define NETROUTER_RAS_H

#include <stdint.h>
#include <netrouter/npapi.h>
#include <netrouter/raserror.h> /* the RAS error numbers 600-877 and their texts */
#include <netrouter/rastypes.h> /* handles, sizes, states, options, structures */

#ifdef __cplusplus
extern "C" {
#endif

/* Stored text that has no wide form (winerror.h's value). */
#ifndef ERROR_NO_UNICODE_TRANSLATION
#define ERROR_NO_UNICODE_TRANSLATION 1113u
#endif

#if defined(__GNUC__)
#define NR_RAS_PUBLIC __attribute__((visibility("default")))
#else
#define NR_RAS_PUBLIC
#endif

/* ------------------------------------------------------------------------ */
/* Functions                                                                 */
/* ------------------------------------------------------------------------ */

/**
 * Text of a RAS error (600-877, <netrouter/raserror.h>: Windows 10/11's
 * words) or of a code from <netrouter/npapi.h>, as
 * RasGetErrorString: copies it, NUL-terminated, into buf of size
 * characters (bytes for RasGetErrorStringA, wide characters for
 * RasGetErrorStringW); 512 always hold it, as on Windows.  878 to 899 are
 * not RAS numbers any more (RASBASEEND is 877).
 * Errors: ERROR_INVALID_PARAMETER (buf NULL or an unknown code),
 * ERROR_INSUFFICIENT_BUFFER (122) when size is too small.  Never fails
 * otherwise; callable from inside RasDial notification handlers.
 */
NR_RAS_PUBLIC DWORD APIENTRY RasGetErrorStringA(UINT uErrorValue, LPSTR buf, DWORD size);
NR_RAS_PUBLIC DWORD APIENTRY RasGetErrorStringW(UINT uErrorValue, LPWSTR buf, DWORD size);
#ifdef UNICODE
#define RasGetErrorString RasGetErrorStringW
#else
#define RasGetErrorString RasGetErrorStringA
#endif

/**
 * Lists the entry names of a phonebook, as RasEnumEntries.  reserved must be
 * NULL.  lpszPhonebook NULL: the default phonebook (a missing default
 * phonebook has no entries).  entries is an array of *lpcb bytes whose first
 * element has dwSize = sizeof(RASENTRYNAME); on return *lpcEntries holds the
 * count and *lpcb the bytes used.  Probing: entries NULL with *lpcb 0 gives
 * ERROR_BUFFER_TOO_SMALL and the size needed in *lpcb.  RasEnumEntriesW
 * counts in bytes of RASENTRYNAMEW; a name or path whose UTF-8 form has no
 * wide form fails it with ERROR_NO_UNICODE_TRANSLATION.
 * Errors: ERROR_INVALID_PARAMETER, ERROR_INVALID_SIZE (dwSize),
 * ERROR_BUFFER_TOO_SMALL, ERROR_CANNOT_OPEN_PHONEBOOK (a named file that
 * cannot be read, or an unsafe one), ERROR_CORRUPT_PHONEBOOK (the detail,
 * with file, line and field, is in nr_ras_get_last_phonebook_error()).
 */
NR_RAS_PUBLIC DWORD APIENTRY RasEnumEntriesA(LPCSTR reserved, LPCSTR lpszPhonebook, LPRASENTRYNAMEA entries,
                                             LPDWORD lpcb, LPDWORD lpcEntries);
NR_RAS_PUBLIC DWORD APIENTRY RasEnumEntriesW(LPCWSTR reserved, LPCWSTR lpszPhonebook, LPRASENTRYNAMEW entries,
                                             LPDWORD lpcb, LPDWORD lpcEntries);
#ifdef UNICODE
#define RasEnumEntries RasEnumEntriesW
#else
#define RasEnumEntries RasEnumEntriesA
#endif

/**
 * Dials a phonebook entry, as RasDial.
 *
 * ext: NULL, or dwSize = sizeof(RASDIALEXTENSIONS) (or
 * NR_RASDIALEXTENSIONS_V1_SIZE, without RasEapInfo, which is ignored);
 * of the RDEOPT_* bits only RDEOPT_PausedStates acts, every other is
 * accepted and ignored (see rastypes.h).  RDEOPT_PausedStates in
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
 * return stops further notifications, NR_RAS_NOTIFIER_FD with lpvNotifier
 * pointing to a writable descriptor receiving NR_RASDIALEVENT records), on a
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
 *
 * RasDialW takes the phonebook path and params in wide characters; each
 * string must fit its RASDIALPARAMSA array once in UTF-8, else
 * ERROR_INVALID_PARAMETER.  The notifiers carry no text: RasDialW hands
 * them on as they are.
 */
NR_RAS_PUBLIC DWORD APIENTRY RasDialA(LPRASDIALEXTENSIONS ext, LPCSTR phonebook, LPRASDIALPARAMSA params,
                                      DWORD dwNotifierType, LPVOID lpvNotifier, LPHRASCONN lphRasConn);
NR_RAS_PUBLIC DWORD APIENTRY RasDialW(LPRASDIALEXTENSIONS ext, LPCWSTR phonebook, LPRASDIALPARAMSW params,
                                      DWORD dwNotifierType, LPVOID lpvNotifier, LPHRASCONN lphRasConn);
#ifdef UNICODE
#define RasDial RasDialW
#else
#define RasDial RasDialA
#endif

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
NR_RAS_PUBLIC DWORD APIENTRY RasHangUpA(HRASCONN hrasconn);
NR_RAS_PUBLIC DWORD APIENTRY RasHangUpW(HRASCONN hrasconn);
#ifdef UNICODE
#define RasHangUp RasHangUpW
#else
#define RasHangUp RasHangUpA
#endif

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
 * netrouter extension: the DNS servers PPP's IPCP learned from the server
 * for the connection (RFC 1877: the primary, then the secondary), as
 * dotted quads separated by one space ("10.0.2.3" or "10.0.2.3 10.0.2.4"),
 * copied into the caller's buf (size octets, the NUL included; 32 always
 * suffices).  Set from RASCS_Projected on, as RasGetProjectionInfo's
 * RASP_PppIp, and forgotten while a lost link is redialed; "" before, and
 * when the server gave none.  Nothing is configured on the system: the
 * caller (a resolver, a dispatcher script) decides what to do with them.
 * Any thread, a notification handler too.
 * Errors: ERROR_INVALID_HANDLE (unknown or hung-up handle),
 * ERROR_INVALID_PARAMETER (buf NULL), ERROR_BUFFER_TOO_SMALL (buf cannot
 * hold them and the NUL; nothing is copied), ERROR_NOT_SUPPORTED (the
 * connection service that holds the link is older than this library and
 * does not report them).
 */
NR_RAS_PUBLIC DWORD nr_ras_get_nameservers(HRASCONN hrasconn, LPSTR buf, DWORD size);

/**
 * The state of a connection, as RasGetConnectStatus: rasconnstate, dwError
 * (the failure of that state, or 0) and the device.  Set status->dwSize
 * (sizeof(RASCONNSTATUSA) or sizeof(RASCONNSTATUSW)).
 * Errors: ERROR_INVALID_HANDLE (unknown or hung-up handle),
 * ERROR_INVALID_SIZE, ERROR_INVALID_PARAMETER.
 */
NR_RAS_PUBLIC DWORD APIENTRY RasGetConnectStatusA(HRASCONN hrasconn, LPRASCONNSTATUSA status);
NR_RAS_PUBLIC DWORD APIENTRY RasGetConnectStatusW(HRASCONN hrasconn, LPRASCONNSTATUSW status);
#ifdef UNICODE
#define RasGetConnectStatus RasGetConnectStatusW
#else
#define RasGetConnectStatus RasGetConnectStatusA
#endif

/**
 * Every connection of this process that has not been hung up, as
 * RasEnumConnections: conns is an array of *lpcb bytes whose first element
 * has dwSize = sizeof(RASCONN); *lpcConnections receives the count and *lpcb
 * the bytes needed.  conns NULL (or too small): ERROR_BUFFER_TOO_SMALL.
 * RasEnumConnectionsA also takes dwSize = NR_RASCONNA_V1_SIZE (the RASCONN
 * of older netrouter headers, without guidEntry and what follows) and then
 * fills elements of that size.  dwFlags is RASCF_OwnerKnown |
 * RASCF_OwnerMatch, with RASCF_AllUsers for an entry of the system
 * phonebook; luid.LowPart is the user id; guidEntry and guidCorrelationId
 * are zero.  RasEnumConnectionsW counts in bytes of RASCONNW.
 * Errors: ERROR_INVALID_PARAMETER, ERROR_INVALID_SIZE,
 * ERROR_BUFFER_TOO_SMALL, ERROR_NO_UNICODE_TRANSLATION (W only).
 */
NR_RAS_PUBLIC DWORD APIENTRY RasEnumConnectionsA(LPRASCONNA conns, LPDWORD lpcb, LPDWORD lpcConnections);
NR_RAS_PUBLIC DWORD APIENTRY RasEnumConnectionsW(LPRASCONNW conns, LPDWORD lpcb, LPDWORD lpcConnections);
#ifdef UNICODE
#define RasEnumConnections RasEnumConnectionsW
#else
#define RasEnumConnections RasEnumConnectionsA
#endif

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
 * RasGetProjectionInfoW fills RASPPPIPW and RASPPPLCPW, and *lpcb counts
 * their bytes.
 */
NR_RAS_PUBLIC DWORD APIENTRY RasGetProjectionInfoA(HRASCONN hrasconn, RASPROJECTION rasprojection,
                                                   LPVOID lpprojection, LPDWORD lpcb);
NR_RAS_PUBLIC DWORD APIENTRY RasGetProjectionInfoW(HRASCONN hrasconn, RASPROJECTION rasprojection,
                                                   LPVOID lpprojection, LPDWORD lpcb);
#ifdef UNICODE
#define RasGetProjectionInfo RasGetProjectionInfoW
#else
#define RasGetProjectionInfo RasGetProjectionInfoA
#endif

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
 * The counters of one link of a connection, as RasGetLinkStatistics and
 * RasClearLinkStatistics, and the handle of one subentry, as
 * RasGetSubEntryHandle.  A connection here has one link, subentry 1 (no
 * multilink): its link's counters are the connection's, and its subentry
 * handle is hrasconn itself.  Thread safety as RasGetConnectionStatistics.
 * Errors: those of RasGetConnectionStatistics; ERROR_INVALID_PARAMETER
 * (lphrasconn NULL); ERROR_NO_MORE_ITEMS for a dwSubEntry other than 1,
 * as Windows answers for a subentry an entry does not have.
 */
NR_RAS_PUBLIC DWORD RasGetLinkStatistics(HRASCONN hrasconn, DWORD dwSubEntry, RAS_STATS *lpStatistics);
NR_RAS_PUBLIC DWORD RasClearLinkStatistics(HRASCONN hrasconn, DWORD dwSubEntry);
NR_RAS_PUBLIC DWORD APIENTRY RasGetSubEntryHandleA(HRASCONN hrasconn, DWORD dwSubEntry, LPHRASCONN lphrasconn);
NR_RAS_PUBLIC DWORD APIENTRY RasGetSubEntryHandleW(HRASCONN hrasconn, DWORD dwSubEntry, LPHRASCONN lphrasconn);
#ifdef UNICODE
#define RasGetSubEntryHandle RasGetSubEntryHandleW
#else
#define RasGetSubEntryHandle RasGetSubEntryHandleA
#endif

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
 * supported; RASCN_Dormant and RASCN_EPDGPacketArrival are not either),
 * ERROR_INVALID_HANDLE (hrasconn unknown or hung up; hEvent not an open,
 * writable descriptor), ERROR_ALLOCATING_MEMORY.  RasConnectionNotificationA
 * and RasConnectionNotificationW are the same call (Windows has both).
 */
NR_RAS_PUBLIC DWORD APIENTRY RasConnectionNotificationA(HRASCONN hrasconn, HANDLE hEvent, DWORD dwFlags);
NR_RAS_PUBLIC DWORD APIENTRY RasConnectionNotificationW(HRASCONN hrasconn, HANDLE hEvent, DWORD dwFlags);
#ifdef UNICODE
#define RasConnectionNotification RasConnectionNotificationW
#else
#define RasConnectionNotification RasConnectionNotificationA
#endif

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
 * detail, naming the file and field, is in nr_ras_get_last_phonebook_error().
 */
NR_RAS_PUBLIC DWORD APIENTRY RasSetEntryDialParamsA(LPCSTR lpszPhonebook, LPRASDIALPARAMSA params,
                                                    BOOL fRemovePassword);
NR_RAS_PUBLIC DWORD APIENTRY RasSetEntryDialParamsW(LPCWSTR lpszPhonebook, LPRASDIALPARAMSW params,
                                                    BOOL fRemovePassword);
#ifdef UNICODE
#define RasSetEntryDialParams RasSetEntryDialParamsW
#else
#define RasSetEntryDialParams RasSetEntryDialParamsA
#endif

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
 * ERROR_CANNOT_LOAD_PHONEBOOK; detail in nr_ras_get_last_phonebook_error().
 */
NR_RAS_PUBLIC DWORD APIENTRY RasGetEntryDialParamsA(LPCSTR lpszPhonebook, LPRASDIALPARAMSA params,
                                                    LPBOOL lpfPassword);
NR_RAS_PUBLIC DWORD APIENTRY RasGetEntryDialParamsW(LPCWSTR lpszPhonebook, LPRASDIALPARAMSW params,
                                                    LPBOOL lpfPassword);
#ifdef UNICODE
#define RasGetEntryDialParams RasGetEntryDialParamsW
#else
#define RasGetEntryDialParams RasGetEntryDialParamsA
#endif

/**
 * RasSetCredentials saves, and RasGetCredentials reads, the credentials of
 * entry lpszEntry of phonebook lpszPhonebook (NULL: the default one), in
 * the store RasSetEntryDialParams and RasGetEntryDialParams use.
 * lpCredentials->dwSize must be set.  For RasSetCredentials dwMask says
 * which members to save (RASCM_UserName, RASCM_Password, RASCM_Domain; the
 * others keep what was saved); with fClearCredentials and RASCM_Password
 * the saved password is removed instead.  RasGetCredentials fills the
 * three members and sets dwMask to those that were saved: RASCM_UserName
 * and RASCM_Domain when anything was saved, RASCM_Password when a password
 * was (then szPassword holds it: wipe it once used).  RASCM_DefaultCreds is
 * accepted and ignored (there are no all-users credentials here); the
 * pre-shared key bits are ERROR_INVALID_PARAMETER.
 *
 * Thread safety and storage: as RasSetEntryDialParams.  Errors:
 * ERROR_INVALID_PARAMETER (a NULL argument, a string without its NUL, a
 * key bit), ERROR_INVALID_SIZE (dwSize), ERROR_CANNOT_OPEN_PHONEBOOK,
 * ERROR_CORRUPT_PHONEBOOK, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY,
 * ERROR_ACCESS_DENIED, ERROR_CANNOT_LOAD_PHONEBOOK,
 * ERROR_CANNOT_WRITE_PHONEBOOK; detail in nr_ras_get_last_phonebook_error().
 */
NR_RAS_PUBLIC DWORD APIENTRY RasGetCredentialsA(LPCSTR lpszPhonebook, LPCSTR lpszEntry,
                                                LPRASCREDENTIALSA lpCredentials);
NR_RAS_PUBLIC DWORD APIENTRY RasGetCredentialsW(LPCWSTR lpszPhonebook, LPCWSTR lpszEntry,
                                                LPRASCREDENTIALSW lpCredentials);
NR_RAS_PUBLIC DWORD APIENTRY RasSetCredentialsA(LPCSTR lpszPhonebook, LPCSTR lpszEntry,
                                                LPRASCREDENTIALSA lpCredentials, BOOL fClearCredentials);
NR_RAS_PUBLIC DWORD APIENTRY RasSetCredentialsW(LPCWSTR lpszPhonebook, LPCWSTR lpszEntry,
                                                LPRASCREDENTIALSW lpCredentials, BOOL fClearCredentials);
#ifdef UNICODE
#define RasGetCredentials RasGetCredentialsW
#define RasSetCredentials RasSetCredentialsW
#else
#define RasGetCredentials RasGetCredentialsA
#define RasSetCredentials RasSetCredentialsA
#endif

/**
 * netrouter extension: the calling thread's detailed sentence for the last
 * error of this library that was returned before any connection existed:
 * the phonebook ("FILE:LINE:COLUMN: FIELD: message" for a syntax or schema
 * error, "FILE: why" for one that cannot be opened or is refused), a
 * missing entry ("FILE: no entry named ... ; its N entries are ..."), the
 * saved credentials; "" when the last call succeeded.  Copied into buf
 * (truncated to size).  The same as nr_ras_get_error_detail(NULL, ...).
 */
NR_RAS_PUBLIC DWORD nr_ras_get_last_phonebook_error(LPSTR buf, DWORD size);

/**
 * netrouter extension: the sentence behind an error number, naming what
 * was at fault, for people (error numbers keep their Windows meaning and
 * RasGetErrorString their Windows text; this says which file, key, device
 * or process).
 *
 * hrasconn NULL: the calling thread's detail of the last call that failed
 * before any connection existed (see nr_ras_get_last_phonebook_error): a RasDial
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
 *         char text[512], detail[1024];
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
#include <netrouter/rasentry.h> /* the phonebook API (RASENTRY, RasEnumDevices...) */
