/*
 * netrouter/npapi.h - the plugin ABI of netrouter.
 *
 * This header is everything a provider or notifier plugin may include.  It is
 * source-compatible in spirit with the Windows <npapi.h>/<winnetwk.h> pair: the
 * entry-point names, structure and field names and the numeric WN_* codes are
 * the Windows ones, so a notifier written for Windows ports with little change:
 *
 *     #include <netrouter/npapi.h>
 *
 *     DWORD APIENTRY AddConnectNotify(LPNOTIFYINFO info, LPNOTIFYADD add)
 *     {
 *         if (info->dwNotifyStatus == NOTIFY_PRE)
 *             info->lpContext = strdup(add->NetResource.lpRemoteName);
 *         else
 *             free(info->lpContext);
 *         return WN_SUCCESS;
 *     }
 *
 * Linux types: DWORD is uint32_t, strings are UTF-8 char * (or wchar_t *
 * in a plugin built with UNICODE, see "Character set" at the end), handles
 * are void *, and hwndOwner is an opaque owner token (NULL when there is
 * none).  Buffer sizes of a UTF-8 plugin count bytes (for strings, bytes
 * including the terminating NUL).
 *
 * A plugin is a shared object (build it with `libtool -module` or `-shared
 * -fPIC`) registered by a JSON manifest; see netrouter-manifest(5).  Every
 * entry point has a manual page with a complete plugin as its example
 * (NPGetCaps(3), NPAddConnection3(3), NPOpenEnum(3), AddConnectNotify(3),
 * NrPluginInit(3), ...); netrouter-plugin(7) is the overview.
 *
 * Entry points
 * ------------
 * Notifier plugins export at least one of AddConnectNotify and
 * CancelConnectNotify.  Provider plugins export NPGetCaps (mandatory) and the
 * entry points their capability bits announce (see "Provider entry points").
 * Both kinds may export the Linux-side lifecycle NrPluginInit,
 * NrPluginShutdown and NrPluginGetAbiVersion (see "Lifecycle").
 *
 * Threading: the router calls entry points synchronously on the thread of the
 * application call that caused them.  By default (the manifest says
 * "threading": "serialized", or nothing) the router never enters a plugin
 * from two threads at once.  A plugin whose manifest says
 * "threading": "concurrent" can be entered by several threads at once and
 * must protect its own state.  A plugin must not call back into the router
 * from inside one of its entry points: such a call fails at once with
 * ERROR_POSSIBLE_DEADLOCK.
 */
#ifndef NETROUTER_NPAPI_H
#define NETROUTER_NPAPI_H

#include <netrouter/wintypes.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Windows spellings                                                         */
/* ------------------------------------------------------------------------ */

/* DWORD, BOOL, HANDLE, CHAR and WCHAR, LPSTR and LPWSTR, TCHAR and TEXT(),
 * APIENTRY, ...: see <netrouter/wintypes.h>. */

/** Marks a symbol the plugin exports to the router. */
#define NR_PLUGIN_EXPORT __attribute__((visibility("default")))

/* ------------------------------------------------------------------------ */
/* Status codes (Win32 numeric values)                                       */
/* ------------------------------------------------------------------------ */

/* The comment after each code is its fixed English text, the one
 * nr_strerror() and pfnStrError return: this list is the only place it is
 * written.  The build reads it (scripts/errlist.awk), so keep the form: one
 * code per #define, its text in a comment that starts after the value and
 * goes on in indented lines when long.  The WN_* names after it are aliases
 * of these codes.  Each text is Windows' own, word for word: what
 * FormatMessage gives on Windows 10 and 11 (Microsoft Learn, "System Error
 * Codes"), so a ported program shows and compares what it did there. */
#define NO_ERROR                        0u    /* The operation completed successfully. */
#define ERROR_ACCESS_DENIED             5u    /* Access is denied. */
#define ERROR_INVALID_HANDLE            6u    /* The handle is invalid. */
#define ERROR_NOT_ENOUGH_MEMORY         8u    /* Not enough memory resources are available to process this command. */
#define ERROR_GEN_FAILURE               31u   /* A device attached to the system is not functioning. */
#define ERROR_NOT_SUPPORTED             50u   /* The request is not supported. */
#define ERROR_BAD_NETPATH               53u   /* The network path was not found. */
#define ERROR_UNEXP_NET_ERR             59u   /* An unexpected network error occurred. */
#define ERROR_BAD_DEV_TYPE              66u   /* The network resource type is not correct. */
#define ERROR_BAD_NET_NAME              67u   /* The network name cannot be found. */
#define ERROR_ALREADY_ASSIGNED          85u   /* The local device name is already in use. */
#define ERROR_INVALID_PASSWORD          86u   /* The specified network password is not correct. */
#define ERROR_INVALID_PARAMETER         87u   /* The parameter is incorrect. */
#define ERROR_INSUFFICIENT_BUFFER       122u  /* The data area passed to a system call is too small. */
#define ERROR_INVALID_LEVEL             124u  /* The system call level is not correct. */
#define ERROR_BUSY                      170u  /* The requested resource is in use. */
#define ERROR_MORE_DATA                 234u  /* More data is available. */
#define ERROR_NO_MORE_ITEMS             259u  /* No more data is available. */
#define ERROR_INVALID_ADDRESS           487u  /* Attempt to access invalid address. */
#define ERROR_NO_UNICODE_TRANSLATION    1113u /* No mapping for the Unicode character exists in the target
                                                 multi-byte code page. */
#define ERROR_DLL_INIT_FAILED           1114u /* A dynamic link library (DLL) initialization routine failed. */
#define ERROR_POSSIBLE_DEADLOCK         1131u /* A potential deadlock condition has been detected. */
#define ERROR_BAD_DEVICE                1200u /* The specified device name is invalid. */
#define ERROR_CONNECTION_UNAVAIL        1201u /* The device is not currently connected but it is a remembered
                                                 connection. */
#define ERROR_DEVICE_ALREADY_REMEMBERED 1202u /* The local device name has a remembered connection to another
                                                 network resource. */
#define ERROR_NO_NET_OR_BAD_PATH        1203u /* The network path was either typed incorrectly, does not exist, or
                                                 the network provider is not currently available. Please try
                                                 retyping the path or contact your network administrator. */
#define ERROR_BAD_PROVIDER              1204u /* The specified network provider name is invalid. */
#define ERROR_CANNOT_OPEN_PROFILE       1205u /* Unable to open the network connection profile. */
#define ERROR_BAD_PROFILE               1206u /* The network connection profile is corrupted. */
#define ERROR_NOT_CONTAINER             1207u /* Cannot enumerate a noncontainer. */
#define ERROR_EXTENDED_ERROR            1208u /* An extended error has occurred. */
#define ERROR_NO_NETWORK                1222u /* The network is not present or not started. */
#define ERROR_CANCELLED                 1223u /* The operation was canceled by the user. */
#define ERROR_RETRY                     1237u /* The operation could not be completed. A retry should be performed. */
#define ERROR_NOT_AUTHENTICATED         1244u /* The operation being requested was not performed because the user
                                                 has not been authenticated. */
#define ERROR_NOT_LOGGED_ON             1245u /* The operation being requested was not performed because the user
                                                 has not logged on to the network. The specified service does not
                                                 exist. */
#define ERROR_ALREADY_INITIALIZED       1247u /* An attempt was made to perform an initialization operation when
                                                 initialization has already been completed. */
#define ERROR_NO_MORE_DEVICES           1248u /* No more local devices. */
#define ERROR_NO_LOGON_SERVERS          1311u /* There are currently no logon servers available to service the
                                                 logon request. */
#define ERROR_CONNECTED_OTHER_PASSWORD  2108u /* The network connection was made successfully, but the user had to
                                                 be prompted for a password other than the one originally
                                                 specified. */
#define ERROR_CONNECTED_OTHER_PASSWORD_DEFAULT 2109u /* The network connection was made successfully using default
                                                        credentials. */
#define ERROR_BAD_USERNAME              2202u /* The specified username is invalid. */
#define ERROR_NOT_CONNECTED             2250u /* This network connection does not exist. */
#define ERROR_OPEN_FILES                2401u /* This network connection has files open or requests pending. */
#define ERROR_DEVICE_IN_USE             2404u /* The device is in use by an active process and cannot be
                                                 disconnected. */

#define WN_SUCCESS                      NO_ERROR
#define WN_NO_ERROR                     NO_ERROR
#define WN_NOT_SUPPORTED                ERROR_NOT_SUPPORTED
#define WN_CANCEL                       ERROR_CANCELLED
#define WN_RETRY                        ERROR_RETRY
#define WN_NET_ERROR                    ERROR_UNEXP_NET_ERR
#define WN_MORE_DATA                    ERROR_MORE_DATA
#define WN_BAD_POINTER                  ERROR_INVALID_ADDRESS
#define WN_BAD_VALUE                    ERROR_INVALID_PARAMETER
#define WN_BAD_USER                     ERROR_BAD_USERNAME
#define WN_BAD_PASSWORD                 ERROR_INVALID_PASSWORD
#define WN_ACCESS_DENIED                ERROR_ACCESS_DENIED
#define WN_FUNCTION_BUSY                ERROR_BUSY
#define WN_WINDOWS_ERROR                ERROR_UNEXP_NET_ERR
#define WN_OUT_OF_MEMORY                ERROR_NOT_ENOUGH_MEMORY
#define WN_NO_NETWORK                   ERROR_NO_NETWORK
#define WN_EXTENDED_ERROR               ERROR_EXTENDED_ERROR
#define WN_BAD_LEVEL                    ERROR_INVALID_LEVEL
#define WN_BAD_HANDLE                   ERROR_INVALID_HANDLE
#define WN_NOT_INITIALIZING             ERROR_ALREADY_INITIALIZED
#define WN_NO_MORE_DEVICES              ERROR_NO_MORE_DEVICES
#define WN_NOT_CONNECTED                ERROR_NOT_CONNECTED
#define WN_OPEN_FILES                   ERROR_OPEN_FILES
#define WN_DEVICE_IN_USE                ERROR_DEVICE_IN_USE
#define WN_BAD_NETNAME                  ERROR_BAD_NET_NAME
#define WN_BAD_LOCALNAME                ERROR_BAD_DEVICE
#define WN_ALREADY_CONNECTED            ERROR_ALREADY_ASSIGNED
#define WN_DEVICE_ERROR                 ERROR_GEN_FAILURE
#define WN_CONNECTION_CLOSED            ERROR_CONNECTION_UNAVAIL
#define WN_NO_NET_OR_BAD_PATH           ERROR_NO_NET_OR_BAD_PATH
#define WN_BAD_PROVIDER                 ERROR_BAD_PROVIDER
#define WN_CANNOT_OPEN_PROFILE          ERROR_CANNOT_OPEN_PROFILE
#define WN_BAD_PROFILE                  ERROR_BAD_PROFILE
#define WN_BAD_DEV_TYPE                 ERROR_BAD_DEV_TYPE
#define WN_DEVICE_ALREADY_REMEMBERED    ERROR_DEVICE_ALREADY_REMEMBERED
#define WN_CONNECTED_OTHER_PASSWORD     ERROR_CONNECTED_OTHER_PASSWORD
#define WN_CONNECTED_OTHER_PASSWORD_DEFAULT ERROR_CONNECTED_OTHER_PASSWORD_DEFAULT
#define WN_NO_MORE_ENTRIES              ERROR_NO_MORE_ITEMS
#define WN_NOT_CONTAINER                ERROR_NOT_CONTAINER
#define WN_NOT_AUTHENTICATED            ERROR_NOT_AUTHENTICATED
#define WN_NOT_LOGGED_ON                ERROR_NOT_LOGGED_ON
#define WN_NOT_VALIDATED                ERROR_NO_LOGON_SERVERS

/* ------------------------------------------------------------------------ */
/* Resources                                                                 */
/* ------------------------------------------------------------------------ */

#define RESOURCE_CONNECTED      0x00000001u
#define RESOURCE_GLOBALNET      0x00000002u
#define RESOURCE_REMEMBERED     0x00000003u
#define RESOURCE_RECENT         0x00000004u
#define RESOURCE_CONTEXT        0x00000005u

#define RESOURCETYPE_ANY        0x00000000u
#define RESOURCETYPE_DISK       0x00000001u
#define RESOURCETYPE_PRINT      0x00000002u
#define RESOURCETYPE_RESERVED   0x00000008u
#define RESOURCETYPE_UNKNOWN    0xFFFFFFFFu

#define RESOURCEUSAGE_CONNECTABLE   0x00000001u
#define RESOURCEUSAGE_CONTAINER     0x00000002u
#define RESOURCEUSAGE_NOLOCALDEVICE 0x00000004u
#define RESOURCEUSAGE_SIBLING       0x00000008u
#define RESOURCEUSAGE_ATTACHED      0x00000010u
#define RESOURCEUSAGE_ALL           0x00000013u
#define RESOURCEUSAGE_RESERVED      0x80000000u

#define RESOURCEDISPLAYTYPE_GENERIC      0x00000000u
#define RESOURCEDISPLAYTYPE_DOMAIN       0x00000001u
#define RESOURCEDISPLAYTYPE_SERVER       0x00000002u
#define RESOURCEDISPLAYTYPE_SHARE        0x00000003u
#define RESOURCEDISPLAYTYPE_FILE         0x00000004u
#define RESOURCEDISPLAYTYPE_GROUP        0x00000005u
#define RESOURCEDISPLAYTYPE_NETWORK      0x00000006u
#define RESOURCEDISPLAYTYPE_ROOT         0x00000007u
#define RESOURCEDISPLAYTYPE_SHAREADMIN   0x00000008u
#define RESOURCEDISPLAYTYPE_DIRECTORY    0x00000009u
#define RESOURCEDISPLAYTYPE_TREE         0x0000000Au
#define RESOURCEDISPLAYTYPE_NDSCONTAINER 0x0000000Bu

/** A network resource, as in Windows.  Strings are UTF-8 and may be NULL. */
typedef struct _NETRESOURCEA {
    DWORD dwScope;       /**< RESOURCE_* */
    DWORD dwType;        /**< RESOURCETYPE_* */
    DWORD dwDisplayType; /**< RESOURCEDISPLAYTYPE_* */
    DWORD dwUsage;       /**< RESOURCEUSAGE_* bits */
    LPSTR lpLocalName;   /**< local name (a path on Linux), NULL or "" if deviceless */
    LPSTR lpRemoteName;  /**< remote name, e.g. "link:/srv/data" or "ras:Office" */
    LPSTR lpComment;     /**< free text, may be NULL */
    LPSTR lpProvider;    /**< provider display name (the manifest "name") */
} NETRESOURCEA, *LPNETRESOURCEA;

/** The same with wide strings (what a plugin built with UNICODE gets). */
typedef struct _NETRESOURCEW {
    DWORD dwScope;
    DWORD dwType;
    DWORD dwDisplayType;
    DWORD dwUsage;
    LPWSTR lpLocalName;
    LPWSTR lpRemoteName;
    LPWSTR lpComment;
    LPWSTR lpProvider;
} NETRESOURCEW, *LPNETRESOURCEW;

#ifdef UNICODE
typedef NETRESOURCEW NETRESOURCE;
typedef LPNETRESOURCEW LPNETRESOURCE;
#else
typedef NETRESOURCEA NETRESOURCE;
typedef LPNETRESOURCEA LPNETRESOURCE;
#endif

/* dwFlags / dwAddFlags of connection operations */
#define CONNECT_UPDATE_PROFILE  0x00000001u
#define CONNECT_UPDATE_RECENT   0x00000002u
#define CONNECT_TEMPORARY       0x00000004u
#define CONNECT_INTERACTIVE     0x00000008u
#define CONNECT_PROMPT          0x00000010u
#define CONNECT_NEED_DRIVE      0x00000020u
#define CONNECT_REFCOUNT        0x00000040u
#define CONNECT_REDIRECT        0x00000080u
#define CONNECT_LOCALDRIVE      0x00000100u
#define CONNECT_CURRENT_MEDIA   0x00000200u
#define CONNECT_DEFERRED        0x00000400u
#define CONNECT_COMMANDLINE     0x00000800u
#define CONNECT_CMD_SAVECRED    0x00001000u
#define CONNECT_CRED_RESET      0x00002000u
#define CONNECT_REQUIRE_INTEGRITY 0x00004000u
#define CONNECT_REQUIRE_PRIVACY 0x00008000u
#define CONNECT_WRITE_THROUGH_SEMANTICS 0x00010000u
#define CONNECT_GLOBAL_MAPPING  0x00040000u
#define CONNECT_RESERVED        0xFF000000u

/* WNetGetConnection3 levels and NPGetConnection3 states (Windows names;
 * netrouter has no such entry point) */
#define WNGETCON_CONNECTED      0x00000000u
#define WNGETCON_DISCONNECTED   0x00000001u

/* NETRESOURCE property of WNetSetConnection (Windows name, not provided) */
#define NETPROPERTY_PERSISTENT  1u

/* CONNECTDLGSTRUCT.dwFlags and DISCDLGSTRUCT.dwFlags (the connection
 * dialogs of Windows; accepted names, no dialog exists here) */
#define CONNDLG_RO_PATH         0x00000001u
#define CONNDLG_CONN_POINT      0x00000002u
#define CONNDLG_USE_MRU         0x00000004u
#define CONNDLG_HIDE_BOX        0x00000008u
#define CONNDLG_PERSIST         0x00000010u
#define CONNDLG_NOT_PERSIST     0x00000020u
#define DISC_UPDATE_PROFILE     0x00000001u
#define DISC_NO_FORCE           0x00000040u

/* NPFormatNetworkName dwFlags (WNFMT_*) */
#define WNFMT_MULTILINE         0x00000001u
#define WNFMT_ABBREVIATED       0x00000002u
#define WNFMT_INENUM            0x00000010u
#define WNFMT_CONNECTION        0x00000020u

/* NETINFOSTRUCT.dwCharacteristics (WNetGetNetworkInformation) */
#define NETINFO_DLL16           0x00000001u
#define NETINFO_DISKRED         0x00000004u
#define NETINFO_PRINTERRED      0x00000008u

/* NETCONNECTINFOSTRUCT.dwFlags (MultinetGetConnectionPerformance) */
#define WNCON_FORNETCARD        0x00000001u
#define WNCON_NOTROUTED         0x00000002u
#define WNCON_SLOWLINK          0x00000004u
#define WNCON_DYNAMIC           0x00000008u

/* ------------------------------------------------------------------------ */
/* Notifier entry points                                                     */
/* ------------------------------------------------------------------------ */

#define NOTIFY_PRE  0x00000001u
#define NOTIFY_POST 0x00000002u

/**
 * Passed to both notify entry points.
 *
 * PRE  (dwNotifyStatus == NOTIFY_PRE): dwOperationStatus is WN_SUCCESS, or
 *      WN_RETRY when the router retries after a POST asked it to; lpContext is
 *      NULL on entry.  Leave it NULL to receive no POST for this operation, or
 *      set it to anything non-NULL to receive one.  Returning anything but
 *      WN_SUCCESS vetoes the operation: no provider is called and the
 *      application receives that code.
 * POST (dwNotifyStatus == NOTIFY_POST): dwOperationStatus is the result of the
 *      operation and lpContext is the value the PRE call left.  Free it here.
 *      After a failed operation, returning WN_RETRY asks the router to retry
 *      (keep the context: the router does not PRE-notify this notifier again
 *      and hands it the same context in the next POST); any other error
 *      replaces the result.  After a successful operation the return value
 *      is ignored.  When the router's retry limit (default 3) is already
 *      reached, a notifier that asked for WN_RETRY receives one more, final
 *      POST with the same context and the final result, so that it can free
 *      the context; the return value of that final POST is ignored.
 */
typedef struct _NOTIFYINFO {
    DWORD dwNotifyStatus;
    DWORD dwOperationStatus;
    LPVOID lpContext;
} NOTIFYINFO, *LPNOTIFYINFO;

/** The connection being added.  In POST after a success,
 *  NetResource.lpProvider names the provider that made the connection. */
typedef struct _NOTIFYADDA {
    HWND hwndOwner;
    NETRESOURCEA NetResource;
    DWORD dwAddFlags;
} NOTIFYADDA, *LPNOTIFYADDA;

typedef struct _NOTIFYADDW {
    HWND hwndOwner;
    NETRESOURCEW NetResource;
    DWORD dwAddFlags;
} NOTIFYADDW, *LPNOTIFYADDW;

/** The connection being cancelled.  In POST after a success, lpProvider
 *  names the provider that cancelled it (NULL otherwise). */
typedef struct _NOTIFYCANCELA {
    LPSTR lpName;
    LPSTR lpProvider;
    DWORD dwFlags;
    BOOL fForce;
} NOTIFYCANCELA, *LPNOTIFYCANCELA;

typedef struct _NOTIFYCANCELW {
    LPWSTR lpName;
    LPWSTR lpProvider;
    DWORD dwFlags;
    BOOL fForce;
} NOTIFYCANCELW, *LPNOTIFYCANCELW;

#ifdef UNICODE
typedef NOTIFYADDW NOTIFYADD;
typedef LPNOTIFYADDW LPNOTIFYADD;
typedef NOTIFYCANCELW NOTIFYCANCEL;
typedef LPNOTIFYCANCELW LPNOTIFYCANCEL;
#else
typedef NOTIFYADDA NOTIFYADD;
typedef LPNOTIFYADDA LPNOTIFYADD;
typedef NOTIFYCANCELA NOTIFYCANCEL;
typedef LPNOTIFYCANCELA LPNOTIFYCANCEL;
#endif

typedef DWORD (*PF_AddConnectNotify)(LPNOTIFYINFO lpNotifyInfo, LPNOTIFYADD lpAddInfo);
typedef DWORD (*PF_CancelConnectNotify)(LPNOTIFYINFO lpNotifyInfo, LPNOTIFYCANCEL lpCancelInfo);

DWORD APIENTRY AddConnectNotify(LPNOTIFYINFO lpNotifyInfo, LPNOTIFYADD lpAddInfo);
DWORD APIENTRY CancelConnectNotify(LPNOTIFYINFO lpNotifyInfo, LPNOTIFYCANCEL lpCancelInfo);

/* ------------------------------------------------------------------------ */
/* Provider entry points                                                     */
/* ------------------------------------------------------------------------ */

/* NPGetCaps indices and their bits (all of Windows' <npapi.h>; the router
 * uses the ones the table further down names, and ignores the others) */
#define WNNC_SPEC_VERSION               0x00000001u
#define  WNNC_SPEC_VERSION51            0x00050001u
#define WNNC_NET_TYPE                   0x00000002u
#define  WNNC_NET_NONE                  0x00000000u /* and the WNNC_NET_* types below */
#define WNNC_DRIVER_VERSION             0x00000003u
#define WNNC_USER                       0x00000004u
#define  WNNC_USR_GETUSER               0x00000001u
#define WNNC_CONNECTION                 0x00000006u
#define  WNNC_CON_ADDCONNECTION         0x00000001u
#define  WNNC_CON_CANCELCONNECTION      0x00000002u
#define  WNNC_CON_GETCONNECTIONS        0x00000004u
#define  WNNC_CON_ADDCONNECTION3        0x00000008u
#define  WNNC_CON_ADDCONNECTION4        0x00000010u /* NPAddConnection4: not called */
#define  WNNC_CON_CANCELCONNECTION2     0x00000020u /* NPCancelConnection2: not called */
#define  WNNC_CON_GETPERFORMANCE        0x00000040u
#define  WNNC_CON_DEFER                 0x00000080u
#define WNNC_DIALOG                     0x00000008u
#define  WNNC_DLG_DEVICEMODE            0x00000001u
#define  WNNC_DLG_PROPERTYDIALOG        0x00000020u
#define  WNNC_DLG_SEARCHDIALOG          0x00000040u
#define  WNNC_DLG_FORMATNETWORKNAME     0x00000080u
#define  WNNC_DLG_PERMISSIONEDITOR      0x00000100u
#define  WNNC_DLG_GETRESOURCEPARENT     0x00000200u
#define  WNNC_DLG_GETRESOURCEINFORMATION 0x00000800u
#define WNNC_ADMIN                      0x00000009u
#define  WNNC_ADM_GETDIRECTORYTYPE      0x00000001u
#define  WNNC_ADM_DIRECTORYNOTIFY       0x00000002u
#define WNNC_ENUMERATION                0x0000000Bu
#define  WNNC_ENUM_GLOBAL               0x00000001u
#define  WNNC_ENUM_LOCAL                0x00000002u
#define  WNNC_ENUM_CONTEXT              0x00000004u
#define  WNNC_ENUM_SHAREABLE            0x00000008u
#define WNNC_START                      0x0000000Cu
#define  WNNC_WAIT_FOR_START            0x00000001u
#define WNNC_CONNECTION_FLAGS           0x0000000Du
/* The CONNECT_* flags a provider that does not answer WNNC_CONNECTION_FLAGS
 * is assumed to accept, and all that one may announce (Windows 10). */
#define  WNNC_CF_DEFAULT                (CONNECT_TEMPORARY | CONNECT_INTERACTIVE | CONNECT_PROMPT)
#define  WNNC_CF_MAXIMUM                (WNNC_CF_DEFAULT | CONNECT_UPDATE_PROFILE | CONNECT_DEFERRED | \
                                         CONNECT_COMMANDLINE | CONNECT_CMD_SAVECRED | CONNECT_CRED_RESET | \
                                         CONNECT_REQUIRE_INTEGRITY | CONNECT_REQUIRE_PRIVACY | \
                                         CONNECT_WRITE_THROUGH_SEMANTICS | CONNECT_GLOBAL_MAPPING)

/* Network types (NPGetCaps(WNNC_NET_TYPE) in the high word, the driver's
 * own number in the low word; NETINFOSTRUCT.wNetType is the high word).
 * Windows assigns them to vendors; a Linux provider that has none of its
 * own answers WNNC_NET_NONE or borrows the nearest. */
#define WNNC_NET_MSNET                  0x00010000u
#define WNNC_NET_SMB                    0x00020000u
#define WNNC_NET_LANMAN                 WNNC_NET_SMB
#define WNNC_NET_NETWARE                0x00030000u
#define WNNC_NET_VINES                  0x00040000u
#define WNNC_NET_10NET                  0x00050000u
#define WNNC_NET_LOCUS                  0x00060000u
#define WNNC_NET_SUN_PC_NFS             0x00070000u
#define WNNC_NET_LANSTEP                0x00080000u
#define WNNC_NET_9TILES                 0x00090000u
#define WNNC_NET_LANTASTIC              0x000A0000u
#define WNNC_NET_AS400                  0x000B0000u
#define WNNC_NET_FTP_NFS                0x000C0000u
#define WNNC_NET_PATHWORKS              0x000D0000u
#define WNNC_NET_LIFENET                0x000E0000u
#define WNNC_NET_POWERLAN               0x000F0000u
#define WNNC_NET_BWNFS                  0x00100000u
#define WNNC_NET_COGENT                 0x00110000u
#define WNNC_NET_FARALLON               0x00120000u
#define WNNC_NET_APPLETALK              0x00130000u
#define WNNC_NET_INTERGRAPH             0x00140000u
#define WNNC_NET_SYMFONET               0x00150000u
#define WNNC_NET_CLEARCASE              0x00160000u
#define WNNC_NET_FRONTIER               0x00170000u
#define WNNC_NET_BMC                    0x00180000u
#define WNNC_NET_DCE                    0x00190000u
#define WNNC_NET_AVID                   0x001A0000u
#define WNNC_NET_DOCUSPACE              0x001B0000u
#define WNNC_NET_MANGOSOFT              0x001C0000u
#define WNNC_NET_SERNET                 0x001D0000u
#define WNNC_NET_RIVERFRONT1            0x001E0000u
#define WNNC_NET_RIVERFRONT2            0x001F0000u
#define WNNC_NET_DECORB                 0x00200000u
#define WNNC_NET_PROTSTOR               0x00210000u
#define WNNC_NET_FJ_REDIR               0x00220000u
#define WNNC_NET_DISTINCT               0x00230000u
#define WNNC_NET_TWINS                  0x00240000u
#define WNNC_NET_RDR2SAMPLE             0x00250000u
#define WNNC_NET_CSC                    0x00260000u
#define WNNC_NET_3IN1                   0x00270000u
#define WNNC_NET_EXTENDNET              0x00290000u
#define WNNC_NET_STAC                   0x002A0000u
#define WNNC_NET_FOXBAT                 0x002B0000u
#define WNNC_NET_YAHOO                  0x002C0000u
#define WNNC_NET_EXIFS                  0x002D0000u
#define WNNC_NET_DAV                    0x002E0000u
#define WNNC_NET_KNOWARE                0x002F0000u
#define WNNC_NET_OBJECT_DIRE            0x00300000u
#define WNNC_NET_MASFAX                 0x00310000u
#define WNNC_NET_HOB_NFS                0x00320000u
#define WNNC_NET_SHIVA                  0x00330000u
#define WNNC_NET_IBMAL                  0x00340000u
#define WNNC_NET_LOCK                   0x00350000u
#define WNNC_NET_TERMSRV                0x00360000u
#define WNNC_NET_SRT                    0x00370000u
#define WNNC_NET_QUINCY                 0x00380000u
#define WNNC_NET_OPENAFS                0x00390000u
#define WNNC_NET_AVID1                  0x003A0000u
#define WNNC_NET_DFS                    0x003B0000u
#define WNNC_NET_KWNP                   0x003C0000u
#define WNNC_NET_ZENWORKS               0x003D0000u
#define WNNC_NET_DRIVEONWEB             0x003E0000u
#define WNNC_NET_VMWARE                 0x003F0000u
#define WNNC_NET_RSFX                   0x00400000u
#define WNNC_NET_MFILES                 0x00410000u
#define WNNC_NET_MS_NFS                 0x00420000u
#define WNNC_NET_GOOGLE                 0x00430000u
#define WNNC_NET_NDFS                   0x00440000u
#define WNNC_NET_DOCUSHARE              0x00450000u
#define WNNC_NET_AURISTOR_FS            0x00460000u
#define WNNC_NET_SECUREAGENT            0x00470000u
#define WNNC_NET_9P                     0x00480000u
/* WNNC_NET_TYPE of a credential manager (NPLogonNotify), never a network */
#define WNNC_CRED_MANAGER               0xFFFF0000u

/* Arguments of the dialog and administration entry points of Windows
 * (NPGetDirectoryType, NPDirectoryNotify, NPPropertyDialog, NPSearchDialog,
 * the File Manager extensions): the names with Windows' values, so that a
 * provider's source compiles; the router never calls those entry points. */
#define WNTYPE_DRIVE                    1u
#define WNTYPE_FILE                     2u
#define WNTYPE_PRINTER                  3u
#define WNTYPE_COMM                     4u
#define WNPS_FILE                       0u
#define WNPS_DIR                        1u
#define WNPS_MULT                       2u
#define WNSRCH_REFRESH_FIRST_LEVEL      0x00000001u
#define WNDT_NORMAL                     0u
#define WNDT_NETWORK                    1u
#define WNDN_MKDIR                      1u
#define WNDN_RMDIR                      2u
#define WNDN_MVDIR                      3u
#define WNPERMC_PERM                    0x00000001u
#define WNPERMC_AUDIT                   0x00000002u
#define WNPERMC_OWNER                   0x00000004u
#define WNPERM_DLG_PERM                 0u
#define WNPERM_DLG_AUDIT                1u
#define WNPERM_DLG_OWNER                2u

/* NPGetUniversalName levels */
#define UNIVERSAL_NAME_INFO_LEVEL       0x00000001u
#define REMOTE_NAME_INFO_LEVEL          0x00000002u

typedef struct _UNIVERSAL_NAME_INFOA {
    LPSTR lpUniversalName;
} UNIVERSAL_NAME_INFOA, *LPUNIVERSAL_NAME_INFOA;

typedef struct _UNIVERSAL_NAME_INFOW {
    LPWSTR lpUniversalName;
} UNIVERSAL_NAME_INFOW, *LPUNIVERSAL_NAME_INFOW;

typedef struct _REMOTE_NAME_INFOA {
    LPSTR lpUniversalName;
    LPSTR lpConnectionName;
    LPSTR lpRemainingPath;
} REMOTE_NAME_INFOA, *LPREMOTE_NAME_INFOA;

typedef struct _REMOTE_NAME_INFOW {
    LPWSTR lpUniversalName;
    LPWSTR lpConnectionName;
    LPWSTR lpRemainingPath;
} REMOTE_NAME_INFOW, *LPREMOTE_NAME_INFOW;

#ifdef UNICODE
typedef UNIVERSAL_NAME_INFOW UNIVERSAL_NAME_INFO;
typedef LPUNIVERSAL_NAME_INFOW LPUNIVERSAL_NAME_INFO;
typedef REMOTE_NAME_INFOW REMOTE_NAME_INFO;
typedef LPREMOTE_NAME_INFOW LPREMOTE_NAME_INFO;
#else
typedef UNIVERSAL_NAME_INFOA UNIVERSAL_NAME_INFO;
typedef LPUNIVERSAL_NAME_INFOA LPUNIVERSAL_NAME_INFO;
typedef REMOTE_NAME_INFOA REMOTE_NAME_INFO;
typedef LPREMOTE_NAME_INFOA LPREMOTE_NAME_INFO;
#endif

/*
 * Which entry point each capability announces (the router resolves exactly
 * these and refuses a provider that announces one it does not export):
 *
 *   NPGetCaps                 always (unknown index: return 0)
 *   NPAddConnection           WNNC_CONNECTION / WNNC_CON_ADDCONNECTION
 *   NPAddConnection3          WNNC_CONNECTION / WNNC_CON_ADDCONNECTION3 (preferred)
 *   NPCancelConnection        WNNC_CONNECTION / WNNC_CON_CANCELCONNECTION
 *   NPGetConnection           WNNC_CONNECTION / WNNC_CON_GETCONNECTIONS
 *   NPGetUniversalName        WNNC_CONNECTION / WNNC_CON_GETCONNECTIONS (optional)
 *   NPGetUser                 WNNC_USER / WNNC_USR_GETUSER
 *   NPGetResourceInformation  WNNC_DIALOG / WNNC_DLG_GETRESOURCEINFORMATION
 *   NPGetResourceParent       WNNC_DIALOG / WNNC_DLG_GETRESOURCEPARENT (optional)
 *   NPOpenEnum, NPEnumResource, NPCloseEnum
 *                             WNNC_ENUMERATION / any WNNC_ENUM_* bit (all three)
 *
 * Buffer conventions are the Windows ones: on WN_MORE_DATA the provider
 * stores the required size in the size argument (bytes; for a wide plugin
 * the unit Windows uses, see "Character set" at the end).  NPEnumResource
 * fills the buffer with NETRESOURCE structures first and packs their strings
 * after them in the same buffer; *lpcCount is the number wanted on entry
 * (0xFFFFFFFF for as many as fit) and the number returned on exit.
 *
 * NPGetResourceParent (optional, added within ABI 1.1: a router that does
 * not know it never calls it, so exporting it needs no newer ABI) fills
 * lpBuffer with one NETRESOURCE for the parent of lpNetResource->lpRemoteName
 * in the provider's browse hierarchy, its strings packed after it:
 * lpRemoteName (NULL when the resource has no browse parent), lpProvider,
 * dwType, dwDisplayType and dwUsage; every other field 0 / NULL.  A name
 * that is not the provider's: WN_BAD_NETNAME; a dwType that does not fit the
 * name: WN_BAD_VALUE.  *lpBufferSize counts bytes (a wide plugin's too).
 */
typedef DWORD (*PF_NPGetCaps)(DWORD nIndex);
typedef DWORD (*PF_NPAddConnection)(LPNETRESOURCE lpNetResource, LPTSTR lpPassword, LPTSTR lpUserName);
typedef DWORD (*PF_NPAddConnection3)(HWND hwndOwner, LPNETRESOURCE lpNetResource, LPTSTR lpPassword,
                                     LPTSTR lpUserName, DWORD dwFlags);
typedef DWORD (*PF_NPCancelConnection)(LPTSTR lpName, BOOL fForce);
typedef DWORD (*PF_NPGetConnection)(LPTSTR lpLocalName, LPTSTR lpRemoteName, LPDWORD lpnBufferLen);
typedef DWORD (*PF_NPGetUniversalName)(LPCTSTR lpLocalPath, DWORD dwInfoLevel, LPVOID lpBuffer,
                                       LPDWORD lpBufferSize);
typedef DWORD (*PF_NPGetUser)(LPTSTR lpName, LPTSTR lpUserName, LPDWORD lpnBufferLen);
typedef DWORD (*PF_NPGetResourceInformation)(LPNETRESOURCE lpNetResource, LPVOID lpBuffer,
                                             LPDWORD lpcbBuffer, LPTSTR *lplpSystem);
typedef DWORD (*PF_NPGetResourceParent)(LPNETRESOURCE lpNetResource, LPVOID lpBuffer, LPDWORD lpBufferSize);
typedef DWORD (*PF_NPOpenEnum)(DWORD dwScope, DWORD dwType, DWORD dwUsage, LPNETRESOURCE lpNetResource,
                               LPHANDLE lphEnum);
typedef DWORD (*PF_NPEnumResource)(HANDLE hEnum, LPDWORD lpcCount, LPVOID lpBuffer, LPDWORD lpBufferSize);
typedef DWORD (*PF_NPCloseEnum)(HANDLE hEnum);

DWORD APIENTRY NPGetCaps(DWORD nIndex);
DWORD APIENTRY NPAddConnection(LPNETRESOURCE lpNetResource, LPTSTR lpPassword, LPTSTR lpUserName);
DWORD APIENTRY NPAddConnection3(HWND hwndOwner, LPNETRESOURCE lpNetResource, LPTSTR lpPassword,
                                LPTSTR lpUserName, DWORD dwFlags);
DWORD APIENTRY NPCancelConnection(LPTSTR lpName, BOOL fForce);
DWORD APIENTRY NPGetConnection(LPTSTR lpLocalName, LPTSTR lpRemoteName, LPDWORD lpnBufferLen);
DWORD APIENTRY NPGetUniversalName(LPCTSTR lpLocalPath, DWORD dwInfoLevel, LPVOID lpBuffer,
                                  LPDWORD lpBufferSize);
DWORD APIENTRY NPGetUser(LPTSTR lpName, LPTSTR lpUserName, LPDWORD lpnBufferLen);
DWORD APIENTRY NPGetResourceInformation(LPNETRESOURCE lpNetResource, LPVOID lpBuffer, LPDWORD lpcbBuffer,
                                        LPTSTR *lplpSystem);
DWORD APIENTRY NPGetResourceParent(LPNETRESOURCE lpNetResource, LPVOID lpBuffer, LPDWORD lpBufferSize);
DWORD APIENTRY NPOpenEnum(DWORD dwScope, DWORD dwType, DWORD dwUsage, LPNETRESOURCE lpNetResource,
                          LPHANDLE lphEnum);
DWORD APIENTRY NPEnumResource(HANDLE hEnum, LPDWORD lpcCount, LPVOID lpBuffer, LPDWORD lpBufferSize);
DWORD APIENTRY NPCloseEnum(HANDLE hEnum);

/* ------------------------------------------------------------------------ */
/* Lifecycle (Linux side, all optional)                                      */
/* ------------------------------------------------------------------------ */

/** ABI version: major in the high 16 bits, minor in the low 16 bits.  A
 *  plugin built for another major, or for a newer minor, is refused. */
#define NR_PLUGIN_ABI_MAJOR 1u
#define NR_PLUGIN_ABI_MINOR 1u /* 1.1: wide (UNICODE) plugins */
#define NR_PLUGIN_ABI_VERSION ((NR_PLUGIN_ABI_MAJOR << 16) | NR_PLUGIN_ABI_MINOR)
#define NR_ABI_MAJOR(v) ((DWORD)(v) >> 16)
#define NR_ABI_MINOR(v) ((DWORD)(v) & 0xFFFFu)

/* Levels for pfnLog (the syslog values). */
#define NR_LOG_ERR     3u
#define NR_LOG_WARNING 4u
#define NR_LOG_NOTICE  5u
#define NR_LOG_INFO    6u
#define NR_LOG_DEBUG   7u

/**
 * What the router hands NrPluginInit.  The structure and everything it points
 * to stay valid and unchanged until NrPluginShutdown returns; keep the pointer.
 * Fields are only ever appended: check cbStructure before reading a field
 * added after ABI 1.0.
 */
typedef struct _NR_PLUGIN_HOST {
    DWORD cbStructure;      /**< sizeof(NR_PLUGIN_HOST) as the router was built */
    DWORD dwAbiVersion;     /**< NR_PLUGIN_ABI_VERSION of the router */
    LPCSTR lpPluginName;    /**< the manifest "name" (a provider's display name) */
    LPCSTR lpManifestPath;  /**< absolute path of the manifest that registered the plugin */
    LPCSTR lpLibraryPath;   /**< absolute path of the loaded library */
    LPCSTR lpConfigJson;    /**< the manifest "config" object as JSON text; "{}" if absent */
    /** Logs one line through the router (to the application's log function,
     *  or to stderr when NETROUTER_DEBUG is set).  Thread-safe. */
    void (*pfnLog)(const struct _NR_PLUGIN_HOST *host, DWORD level, LPCSTR fmt, ...)
        __attribute__((format(printf, 3, 4)));
    /** The WNetSetLastError equivalent: records an extended error for the
     *  calling thread, attributed to this plugin, that the application reads
     *  with nr_get_last_error().  Return WN_EXTENDED_ERROR from the entry point
     *  after calling it.  lpText is copied.  Thread-safe; returns WN_SUCCESS. */
    DWORD (*pfnSetLastError)(const struct _NR_PLUGIN_HOST *host, DWORD dwError, LPCSTR lpText);
    /** Fixed English text of a WN_* / ERROR_* code (the same as the host
     *  API's nr_strerror), so a plugin need not link libnetrouter.  Never NULL. */
    LPCSTR (*pfnStrError)(DWORD dwError);
    void *lpReserved;       /**< the router's; do not touch */
    /** Added within ABI 1.1 (optional; check NR_HOST_HAS(host, pfnReportProblem)
     *  first, an older router's structure ends before it).  Reports a problem
     *  the plugin found in its own files: lpFile (an absolute path, or NULL for
     *  the manifest), dwLine (1-based, 0 when unknown), lpField (the key or
     *  item involved, or NULL) and lpText (one human sentence, not NULL).
     *  Called during NrPluginInit, it becomes a problem record of the router
     *  at stage NR_STAGE_PLUGIN ("plugin"), attributed to the plugin, shown
     *  by `netrouter plugins` and nr_router_problem(), for an isolated plugin
     *  too; the plugin still loads (to refuse the load, return an error from
     *  NrPluginInit instead).  Called at any other time it is logged as a
     *  warning.  Every string is copied.  Thread-safe; returns WN_SUCCESS,
     *  or WN_BAD_POINTER when lpText is NULL. */
    DWORD (*pfnReportProblem)(const struct _NR_PLUGIN_HOST *host, LPCSTR lpFile, DWORD dwLine, LPCSTR lpField,
                              LPCSTR lpText);
} NR_PLUGIN_HOST, *LPNR_PLUGIN_HOST;

/** Whether host (an NR_PLUGIN_HOST *) has the field, i.e. whether the router
 *  that built it is new enough: use before calling a callback added after
 *  ABI 1.0, e.g. if (NR_HOST_HAS(host, pfnReportProblem)) ... */
#define NR_HOST_HAS(host, field)                                                                                 \
    ((host)->cbStructure >= offsetof(NR_PLUGIN_HOST, field) + sizeof((host)->field) && (host)->field != NULL)

/**
 * Optional.  Returns NR_PLUGIN_ABI_VERSION as the plugin was compiled; the
 * router refuses a plugin built for a different major or a newer minor before
 * calling anything else.  NR_PLUGIN_DEFINE_ABI_VERSION() defines it.
 */
typedef DWORD (*PF_NrPluginGetAbiVersion)(void);
DWORD APIENTRY NrPluginGetAbiVersion(void);
#define NR_PLUGIN_DEFINE_ABI_VERSION() \
    NR_PLUGIN_EXPORT DWORD APIENTRY NrPluginGetAbiVersion(void) { return NR_PLUGIN_ABI_VERSION; }

/**
 * Optional.  Called once after loading, before any other entry point except
 * NrPluginGetAbiVersion and NPGetCaps, which must work without it (the
 * manifest validator calls them without initialising the plugin).
 * Return WN_SUCCESS to accept; any other code refuses the load (the router
 * records a problem at stage "init", with the text given to pfnSetLastError
 * if any, and unloads the plugin without calling NrPluginShutdown).
 */
typedef DWORD (*PF_NrPluginInit)(const NR_PLUGIN_HOST *host);
DWORD APIENTRY NrPluginInit(const NR_PLUGIN_HOST *host);

/** Optional.  Called once before unloading (in reverse load order). */
typedef void (*PF_NrPluginShutdown)(void);
void APIENTRY NrPluginShutdown(void);

/* ------------------------------------------------------------------------ */
/* Character set of the plugin's strings                                     */
/* ------------------------------------------------------------------------ */

/*
 * A plugin compiled with UNICODE defined receives and returns wide strings
 * (NETRESOURCEW, NOTIFYADDW, NOTIFYCANCELW, LPWSTR arguments); the router
 * converts them from and to UTF-8 at the boundary.  This header tells the
 * router which kind a plugin is: every file of a UNICODE plugin that
 * includes it defines the weak exported symbol NrPluginCharset, whose value
 * the loader reads; a plugin without it is a UTF-8 one.  Wide and UTF-8
 * plugins load side by side in one router.  Buffer sizes of a wide entry
 * point count what Windows counts (characters for NPGetConnection and
 * NPGetUser, bytes for NPGetUniversalName, NPGetResourceInformation,
 * NPGetResourceParent and NPEnumResource), and the router may call one of
 * these a second time with a larger buffer to learn the UTF-8 size of its
 * answer.  Text a wide
 * plugin returns that is not Unicode fails the call with
 * ERROR_NO_UNICODE_TRANSLATION.  NR_PLUGIN_HOST stays UTF-8.  Any other
 * NrPluginCharset value is refused at load.  See netrouter-plugin(7),
 * "WIDE (UNICODE) PLUGINS".
 */
#define NR_PLUGIN_CHARSET_UTF8 1u
#define NR_PLUGIN_CHARSET_WIDE 2u
#if defined(UNICODE) && !defined(NR_NO_PLUGIN_CHARSET)
#ifdef __cplusplus
extern
#endif
    NR_PLUGIN_EXPORT __attribute__((weak)) const DWORD NrPluginCharset = NR_PLUGIN_CHARSET_WIDE;
#endif

#ifdef __cplusplus
}
#endif

#endif /* NETROUTER_NPAPI_H */
