/*
 * netrouter/netrouter.h - the API for applications that embed the router.
 *
 * A router (nr_router) loads the provider and notifier plugins registered by
 * JSON manifests, routes connection requests to providers, wraps every
 * add-connection and cancel-connection in PRE/POST notifications to the
 * notifiers, and remembers persistent connections per user.
 *
 *     #include <netrouter/netrouter.h>
 *
 *     nr_router *r;
 *     DWORD rc = nr_router_new(NULL, &r);            // default search path
 *     if (rc != WN_SUCCESS) { report(rc); return; }
 *     NETRESOURCEA res = { .dwType = RESOURCETYPE_DISK,
 *                         .lpLocalName = "/home/me/data",
 *                         .lpRemoteName = "link:/srv/data" };
 *     rc = nr_add_connection(r, NULL, &res, NULL, NULL, CONNECT_UPDATE_PROFILE);
 *     if (rc != WN_SUCCESS) {
 *         char text[256];
 *         nr_get_last_error(NULL, text, sizeof text, NULL, 0);
 *         fprintf(stderr, "error %u: %s (%s)\n", rc, nr_strerror(rc), text);
 *     }
 *     nr_router_free(r);
 *
 * Conventions for every function below:
 *  - Errors are returned as DWORD codes (the WN_* and ERROR_* values of
 *    <netrouter/npapi.h>); nr_strerror() gives the fixed text of a code and
 *    nr_get_last_error() the calling thread's detailed sentence (naming the
 *    file, plugin or field involved) for the last failed call.
 *  - Bad arguments (NULL where an object is required, unknown flags) return
 *    WN_BAD_VALUE or WN_BAD_POINTER; they never crash.
 *  - A router is thread-safe: any function may be called from any thread at
 *    the same time, and no router lock is held while a plugin runs.
 *  - Called from inside a plugin entry point (a plugin calling back into the
 *    router), every function that may run a plugin or touch the store
 *    (nr_router_new, the connection functions, nr_enum_open) fails at once
 *    with ERROR_POSSIBLE_DEADLOCK, and nr_check_manifest reports it as a
 *    problem; the accessors (plugin and problem listings, nr_enum_next,
 *    nr_get_last_error, nr_strerror) work there.
 *  - Every function has a manual page of its own with a complete example:
 *    nr_add_connection(3), nr_enum_open(3), ...
 *  - Strings are UTF-8.  Strings the caller passes are copied when kept.
 */
#ifndef NETROUTER_NETROUTER_H
#define NETROUTER_NETROUTER_H

#include <stddef.h>
#include <stdint.h>
#include <netrouter/npapi.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define NR_PUBLIC __attribute__((visibility("default")))
#else
#define NR_PUBLIC
#endif

/** The library version, "MAJOR.MINOR.PATCH". */
NR_PUBLIC const char *nr_version(void);

/** Fixed English text for a WN_* / ERROR_* code, e.g. 67 -> "The network name
 *  cannot be found."; never NULL ("Unknown error N." for unknown codes, in a
 *  per-thread buffer valid until the thread's next call).  Thread-safe. */
NR_PUBLIC const char *nr_strerror(DWORD code);

/* ------------------------------------------------------------------------ */
/* Router lifetime                                                           */
/* ------------------------------------------------------------------------ */

typedef struct nr_router nr_router;

/** Receives the router's log lines (level: NR_LOG_*).  May be called from any
 *  thread, including from inside plugins; must not call into the router. */
typedef void (*nr_log_fn)(void *user, DWORD level, const char *plugin, const char *message);

#define NR_ROUTER_IGNORE_CRITICAL 0x1u /**< load even if a "critical" plugin fails */
#define NR_ROUTER_NO_STORE        0x2u /**< never read or write remembered connections */

/** Options for nr_router_new().  Start from NR_ROUTER_CONFIG_INIT: fields are
 *  only appended and cbStructure tells the library which ones you know. */
typedef struct nr_router_config {
    DWORD cbStructure;              /**< sizeof(nr_router_config) */
    /** NULL-terminated list of manifest directories and/or manifest files, in
     *  priority order, replacing the default search path; NULL for the
     *  default ($NETROUTER_PLUGIN_PATH, else the XDG and system directories). */
    const char *const *plugin_path;
    /** Directory of the remembered-connection store; NULL for the default
     *  ($NETROUTER_STATE_DIR, else $XDG_STATE_HOME/netrouter, else
     *  ~/.local/state/netrouter). */
    const char *state_dir;
    /** How many times one operation may be retried on a notifier's WN_RETRY;
     *  negative for the default (3). */
    int retry_limit;
    DWORD flags;                    /**< NR_ROUTER_* bits */
    nr_log_fn log;                  /**< NULL: log to stderr only when NETROUTER_DEBUG is set */
    void *log_user;
} nr_router_config;

#define NR_ROUTER_CONFIG_INIT { sizeof(nr_router_config), NULL, NULL, -1, 0, NULL, NULL }

/**
 * Creates a router: discovers manifests, validates them, loads and
 * initialises the plugins in order.  A bad manifest or plugin does not stop
 * the others; it becomes a problem record (nr_router_problem()).
 *
 * config may be NULL (all defaults).  On success *out owns a new router that
 * the caller frees with nr_router_free().
 *
 * Errors: WN_BAD_POINTER (out NULL), WN_BAD_VALUE (bad config),
 * WN_OUT_OF_MEMORY, ERROR_DLL_INIT_FAILED when a plugin marked "critical"
 * failed to load (the last-error text names it; *out is NULL), and
 * ERROR_POSSIBLE_DEADLOCK from inside a plugin.
 */
NR_PUBLIC DWORD nr_router_new(const nr_router_config *config, nr_router **out);

/** Shuts plugins down in reverse order, unloads them and frees the router.
 *  NULL is allowed.  No other call on the router may be in progress. */
NR_PUBLIC void nr_router_free(nr_router *router);

/* ------------------------------------------------------------------------ */
/* Plugins and problems                                                      */
/* ------------------------------------------------------------------------ */

typedef enum nr_plugin_kind { NR_PLUGIN_PROVIDER = 1, NR_PLUGIN_NOTIFIER = 2 } nr_plugin_kind;

/** A loaded plugin.  Strings are owned by the router and live as long as it. */
typedef struct nr_plugin_info {
    const char *name;
    nr_plugin_kind kind;
    const char *manifest;     /**< absolute manifest path */
    const char *library;      /**< absolute library path */
    const char *description;  /**< "" if none */
    int order;
    int serialized;           /**< 1 when "threading" is "serialized" */
    int critical;
    DWORD net_type;           /**< providers: NPGetCaps(WNNC_NET_TYPE) */
    DWORD caps_connection;    /**< providers: NPGetCaps(WNNC_CONNECTION) */
    DWORD caps_enumeration;   /**< providers: NPGetCaps(WNNC_ENUMERATION) */
    int has_add_notify;       /**< notifiers: exports AddConnectNotify */
    int has_cancel_notify;    /**< notifiers: exports CancelConnectNotify */
    DWORD charset;            /**< NR_PLUGIN_CHARSET_UTF8, or NR_PLUGIN_CHARSET_WIDE for a plugin
                                   built with UNICODE (npapi.h) */
    int isolated;             /**< 1 when it runs in a host process of its own ("isolation":
                                   "process", from the manifest or the site's router.json) */
    int timeout_ms;           /**< the deadline of one call into it when isolated */
    int veto_on_failure;      /**< notifiers: 1 when a failed isolated call vetoes ("on_failure") */
} nr_plugin_info;

/** Number of loaded plugins (providers and notifiers, in final order). */
NR_PUBLIC size_t nr_router_plugin_count(const nr_router *router);
/** Fills *info for plugin index (0 .. count-1).  WN_BAD_VALUE when out of range. */
NR_PUBLIC DWORD nr_router_plugin_info(const nr_router *router, size_t index, nr_plugin_info *info);

/** Where a manifest or plugin failed. */
typedef enum nr_stage {
    NR_STAGE_PARSE = 1,   /**< not JSON, or not readable */
    NR_STAGE_SCHEMA,      /**< a key is unknown, missing, of the wrong type or value */
    NR_STAGE_RESOLVE,     /**< library not found, unsafe permissions, duplicate name */
    NR_STAGE_LOAD,        /**< dlopen failed */
    NR_STAGE_SYMBOL,      /**< a required entry point is missing */
    NR_STAGE_NEGOTIATE,   /**< ABI version mismatch */
    NR_STAGE_INIT,        /**< NrPluginInit refused */
    NR_STAGE_SEARCH,      /**< the search path: no manifest found anywhere (file: the first
                               directory searched), or a manifest directory others may
                               write to without the sticky bit (file: that directory; a
                               warning, its manifests are still read) */
    NR_STAGE_CALL,        /**< a call into an isolated plugin failed: its host process
                               crashed, exited or passed the manifest's "timeout_ms"
                               (recorded while the router runs, not only at load) */
    NR_STAGE_PLUGIN       /**< reported by the plugin itself through the host's
                               pfnReportProblem during NrPluginInit (file: the one the
                               plugin named, e.g. an unsafe script or a broken rule
                               file; the plugin still loads) */
} nr_stage;

/** Name of a stage: "parse", "schema", ... */
NR_PUBLIC const char *nr_stage_name(nr_stage stage);

/** One problem found while loading.  line/column are 1-based, 0 when unknown;
 *  field names the manifest key involved, or is NULL. */
typedef struct nr_problem {
    const char *file;     /**< manifest (or library) path */
    nr_stage stage;
    const char *plugin;   /**< manifest "name" when known, else NULL */
    const char *field;
    int line, column;
    DWORD code;           /**< WN_* code that best describes it */
    const char *message;  /**< one human sentence */
} nr_problem;

/** Number of problems recorded by nr_router_new(), and since then by
 *  the failed calls of isolated plugins (NR_STAGE_CALL; a problem once
 *  recorded stays where it is). */
NR_PUBLIC size_t nr_router_problem_count(const nr_router *router);
/** Problem index (0 .. count-1), owned by the router; NULL when out of range. */
NR_PUBLIC const nr_problem *nr_router_problem(const nr_router *router, size_t index);

/** Called once per problem by nr_check_manifest(); the problem is valid only
 *  during the call. */
typedef void (*nr_problem_fn)(void *user, const nr_problem *problem);

/**
 * Validates one manifest file the way nr_router_new() would (parse, schema,
 * library resolution and permissions, load, symbols, ABI negotiation) without
 * calling NrPluginInit, and reports each problem to fn (may be NULL).
 * Returns the number of problems (0: the manifest is good).  Thread-safe.
 */
NR_PUBLIC size_t nr_check_manifest(const char *path, nr_problem_fn fn, void *user);

/* ------------------------------------------------------------------------ */
/* Connections                                                               */
/* ------------------------------------------------------------------------ */

/**
 * Adds a connection, like WNetAddConnection3: validates the arguments,
 * PRE-notifies the notifiers, asks the provider named by
 * resource->lpProvider (or each provider in order until one succeeds),
 * POST-notifies, and with CONNECT_UPDATE_PROFILE (and a local name, and no
 * CONNECT_TEMPORARY) remembers the connection.
 *
 * owner:    opaque owner token handed to plugins as hwndOwner; may be NULL.
 * resource: dwType RESOURCETYPE_DISK, _PRINT or _ANY; lpRemoteName required;
 *           lpLocalName NULL or "" for a deviceless connection.  Not modified.
 * password, user: may be NULL (provider default).  Never stored.
 *
 * Errors, with no notification sent: WN_BAD_POINTER (router or resource
 * NULL), WN_BAD_VALUE (lpRemoteName NULL, unknown dwType or flags),
 * WN_BAD_NETNAME (lpRemoteName empty or with control characters),
 * WN_BAD_LOCALNAME, WN_BAD_PROVIDER (lpProvider names no loaded provider),
 * WN_DEVICE_ALREADY_REMEMBERED, WN_BAD_PROFILE / WN_CANNOT_OPEN_PROFILE (the
 * store cannot be read), ERROR_POSSIBLE_DEADLOCK.  Then:
 * a notifier's veto code, a provider's code,
 * WN_BAD_NETNAME when no provider accepted the name, WN_BAD_PROFILE when the
 * store is damaged (it is kept aside and reported), WN_CANNOT_OPEN_PROFILE
 * when the store, its lock or its state directory cannot be used (refused as
 * unsafe, or an open or read failed: nothing is changed, a connection just
 * made is cancelled again, and the last error names the file and the reason),
 * ERROR_POSSIBLE_DEADLOCK.
 */
NR_PUBLIC DWORD nr_add_connection(nr_router *router, HWND owner, const NETRESOURCEA *resource,
                                  const char *password, const char *user, DWORD flags);

/**
 * Cancels a connection by local or remote name, like WNetCancelConnection2.
 * Notifiers are PRE/POST-notified.  With CONNECT_UPDATE_PROFILE and a local
 * name the remembered entry is forgotten (even when it is not connected; the
 * call then succeeds).  A remote name never touches the store.
 *
 * Errors: WN_BAD_POINTER (no name), WN_BAD_VALUE (an empty name, unknown
 * flags), WN_NOT_CONNECTED, WN_OPEN_FILES, a notifier's veto code, a
 * provider's code, WN_BAD_PROFILE and WN_CANNOT_OPEN_PROFILE (as for
 * nr_add_connection()) when the entry is to be forgotten,
 * ERROR_POSSIBLE_DEADLOCK.
 */
NR_PUBLIC DWORD nr_cancel_connection(nr_router *router, const char *name, DWORD flags, BOOL force);

/**
 * Remote name of a local name, like WNetGetConnection.  remote receives the
 * name if *length (bytes) is large enough, else WN_MORE_DATA and *length is
 * set to the size needed.  A remembered but unconnected name gives
 * WN_CONNECTION_CLOSED with the remembered remote name.
 * Errors: WN_BAD_POINTER, WN_BAD_LOCALNAME (local empty), WN_NOT_CONNECTED,
 * WN_MORE_DATA, a provider's code.
 */
NR_PUBLIC DWORD nr_get_connection(nr_router *router, const char *local, char *remote, DWORD *length);

/**
 * User name of a connection (local or remote name), or of the current user
 * when name is NULL, like WNetGetUser.  Same buffer rules as
 * nr_get_connection().  Errors: WN_NOT_CONNECTED, WN_MORE_DATA,
 * WN_BAD_POINTER, WN_NOT_LOGGED_ON (name NULL and no passwd entry).
 */
NR_PUBLIC DWORD nr_get_user(nr_router *router, const char *name, char *user, DWORD *length);

/** Per-entry result of nr_restore_connections(). */
typedef void (*nr_restore_fn)(void *user, const NETRESOURCEA *resource, DWORD result);

/**
 * Re-adds remembered connections through the provider that made them,
 * without any notification, like the logon-time restore of Windows.  local
 * restores just that entry (NULL: all).  fn (may be NULL) receives each
 * entry's result; a failed entry stays remembered.
 * Returns WN_SUCCESS when every entry was restored (or already connected),
 * the first failure otherwise, WN_NOT_CONNECTED when local names no
 * remembered entry, WN_BAD_PROFILE when the store is damaged,
 * WN_CANNOT_OPEN_PROFILE when it cannot be used (see nr_add_connection()).
 */
NR_PUBLIC DWORD nr_restore_connections(nr_router *router, const char *local, nr_restore_fn fn, void *user);

/* ------------------------------------------------------------------------ */
/* Enumeration                                                               */
/* ------------------------------------------------------------------------ */

typedef struct nr_enum nr_enum;

/**
 * Opens an enumeration, like WNetOpenEnum.
 * scope RESOURCE_CONNECTED: connections of every provider that enumerates
 *   them (WNNC_ENUM_LOCAL); RESOURCE_REMEMBERED: the store;
 *   RESOURCE_GLOBALNET: with container NULL, one container per provider
 *   that can browse (WNNC_ENUM_GLOBAL; lpRemoteName and lpProvider = the
 *   provider name), else that container's children from its provider;
 *   RESOURCE_CONTEXT: providers with WNNC_ENUM_CONTEXT.  A provider whose
 *   RESOURCE_CONNECTED or _CONTEXT enumeration fails is left out (logged).
 * type: RESOURCETYPE_* filter; usage: RESOURCEUSAGE_* filter (0 = all).
 * The whole result is gathered at open time.  Close with nr_enum_close().
 * Errors: WN_BAD_VALUE, WN_NOT_CONTAINER, WN_BAD_PROVIDER, WN_BAD_PROFILE and
 * WN_CANNOT_OPEN_PROFILE (RESOURCE_REMEMBERED, see nr_add_connection()),
 * a provider's code (browsing a container).
 */
NR_PUBLIC DWORD nr_enum_open(nr_router *router, DWORD scope, DWORD type, DWORD usage,
                             const NETRESOURCEA *container, nr_enum **out);

/** Next resource: *out points into the enumeration (valid until
 *  nr_enum_close()).  Returns WN_NO_MORE_ENTRIES at the end.  One thread at a
 *  time per nr_enum. */
NR_PUBLIC DWORD nr_enum_next(nr_enum *e, const NETRESOURCEA **out);

/**
 * The Windows buffer form (WNetEnumResource): fills buffer with up to *count
 * NETRESOURCE structures (0xFFFFFFFF: as many as fit) followed by their
 * strings; *count receives the number stored.  WN_MORE_DATA with *size set
 * when not even one fits; WN_NO_MORE_ENTRIES at the end.
 */
NR_PUBLIC DWORD nr_enum_resource(nr_enum *e, DWORD *count, void *buffer, DWORD *size);

/** Frees an enumeration.  NULL is allowed. */
NR_PUBLIC void nr_enum_close(nr_enum *e);

/* ------------------------------------------------------------------------ */
/* Extended errors                                                           */
/* ------------------------------------------------------------------------ */

/**
 * The calling thread's last error, like WNetGetLastError: code receives the
 * code, text the detailed sentence, provider the name of the plugin that set
 * it ("netrouter" for the router's own errors).  Any pointer may be NULL;
 * strings are truncated to their buffer.  Every public call that fails sets
 * it; a provider sets its own through pfnSetLastError.  Returns WN_SUCCESS.
 */
NR_PUBLIC DWORD nr_get_last_error(DWORD *code, char *text, size_t text_size,
                                  char *provider, size_t provider_size);

#ifdef __cplusplus
}
#endif

#endif /* NETROUTER_NETROUTER_H */
