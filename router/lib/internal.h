/*
 * internal.h - data model shared by the files of libnetrouter.
 *
 * Nothing here is public: plugins see only <netrouter/npapi.h>, applications
 * only <netrouter/netrouter.h>.  Each .c file owns one idea and declares its
 * entry points in the section named after it below.
 *
 * Invariant: after nr_router_new() returns, the plugin arrays of a router are
 * immutable until nr_router_free(), so dispatch reads them without a lock.
 * The only router mutex guards the remembered-connection store, and it is
 * never held while a plugin runs.
 */
#ifndef NR_INTERNAL_H
#define NR_INTERNAL_H

#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <jansson.h>

#include <netrouter/netrouter.h>

#define NR_INTERNAL __attribute__((visibility("hidden")))
#define NR_DEFAULT_RETRY_LIMIT 3
#define NR_ROUTER_NAME "netrouter"
#define NR_NOTIFIER_TIMEOUT_MS 5000
#define NR_PROVIDER_TIMEOUT_MS 60000

/* ---- util.c: small helpers ------------------------------------------------ */
NR_INTERNAL char *nr__strdup0(const char *s);              /* NULL-safe strdup */
NR_INTERNAL char *nr__asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
NR_INTERNAL char *nr__path_join(const char *dir, const char *name);
NR_INTERNAL bool nr__str_empty(const char *s);
/* Copies src into buf of *length bytes, Windows style: WN_MORE_DATA and the
 * size needed in *length when it does not fit. */
NR_INTERNAL DWORD nr__copy_out(const char *src, char *buf, DWORD *length);
/* Copies the resources v[*pos] .. v[n - 1] into buffer of *size bytes,
 * Windows style (NPEnumResource): structures from the start, their strings
 * packed from the end down; as many as *count asks (0 or 0xFFFFFFFF: as
 * many as fit).  WN_SUCCESS with *count set and *pos moved on, or
 * WN_MORE_DATA with the size the next one needs in *size.  *pos < n. */
NR_INTERNAL DWORD nr__pack_resources(const NETRESOURCE *v, size_t n, size_t *pos, DWORD *count, void *buffer,
                                     DWORD *size);
/* Dynamic array of pointers. */
typedef struct nr_ptrvec { void **v; size_t n, cap; } nr_ptrvec;
NR_INTERNAL bool nr__ptrvec_push(nr_ptrvec *pv, void *p);

/* ---- log.c: where the router's log lines go -------------------------------------- */
/* The application's log function (cfg->log, with cfg->log_user), else
 * standard error when NETROUTER_DEBUG asks for every debug line
 * (router/common/env.h), else nowhere.  Set once when the router is made,
 * read-only afterwards. */
typedef struct nr_logger {
    nr_log_fn fn;
    void *user;
    bool debug;
} nr_logger;
NR_INTERNAL void nr__logger_init(nr_logger *lg, nr_log_fn fn, void *user);
/* One log line (at most 1023 bytes), attributed to plugin (NULL: the router). */
NR_INTERNAL void nr__log(const nr_logger *lg, DWORD level, const char *plugin, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
NR_INTERNAL void nr__logv(const nr_logger *lg, DWORD level, const char *plugin, const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));

/* What every public call and every plugin call touches: kept small and in
 * the initial-exec TLS model, so that an access is one instruction instead of
 * a __tls_get_addr call (this is the dispatch fast path). */
typedef struct nr_thread_hot {
    bool set;                  /* an extended error is recorded */
    int depth;                 /* nesting of plugin calls on this thread */
    const char *plugin;        /* innermost plugin being called */
    const char *entry;         /* and its entry point */
} nr_thread_hot;
extern __thread nr_thread_hot nr__hot __attribute__((tls_model("initial-exec"))) NR_INTERNAL;

/* ---- lasterror.c: per-thread extended error and re-entrancy mark ---------------- */
NR_INTERNAL DWORD nr__fail(DWORD code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
NR_INTERNAL void nr__set_last_error(DWORD code, const char *text, const char *provider);
typedef struct nr_plugin nr_plugin;
static inline void nr__clear_last_error(void)
{
    nr__hot.set = false;
}

static inline bool nr__last_error_is_set(void)
{
    return nr__hot.set;
}

/* ERROR_POSSIBLE_DEADLOCK, with a sentence naming function and plugin. */
NR_INTERNAL DWORD nr__reentry_error(const char *function);

/* Every public entry starts with this: WN_SUCCESS (and the last error
 * cleared), or ERROR_POSSIBLE_DEADLOCK when the thread is inside a plugin. */
static inline DWORD nr__api_enter(const char *function)
{
    if (__builtin_expect(nr__hot.depth > 0, 0))
        return nr__reentry_error(function);
    nr__hot.set = false;
    return WN_SUCCESS;
}

/* ---- secfile.c: open-and-check of manifest and library files ------------------ */
typedef enum nr_secfile_kind { NR_FILE_REGULAR, NR_FILE_MASK } nr_secfile_kind;
/* Opens path read-only without blocking and checks (on the open descriptor)
 * that it is a regular file owned by root or the caller and not writable by
 * group/other, or /dev/null (router/common/files.h); a library as an O_PATH
 * descriptor, which the loader reopens through /proc/self/fd/N.  Returns the fd (>= 0)
 * and sets *kind (an empty file or /dev/null is a mask) and *size (may be
 * NULL), or -1 with errno (ENOENT: missing) and *why allocated. */
NR_INTERNAL int nr__secfile_open(const char *path, bool library, nr_secfile_kind *kind, size_t *size, char **why);
/* Removes "." and ".." components and doubled slashes from an absolute path,
 * lexically (for display). */
NR_INTERNAL void nr__path_normalize(char *path);
/* Drops the "." components and repeated slashes of an absolute path, in
 * place: unlike "..", which a symbolic link may turn elsewhere, these never
 * change what the path names, so the result may be opened. */
NR_INTERNAL void nr__path_tidy(char *path);
/* path made absolute against the working directory, tidied (malloc'ed;
 * NULL when out of memory). */
NR_INTERNAL char *nr__path_absolute(const char *path);

/* ---- manifest.c: one manifest file -> validated description ------------------ */
typedef struct nr_manifest {
    char *path;            /* absolute */
    char *name;
    nr_plugin_kind kind;
    char *library;         /* as written */
    char *library_path;    /* resolved absolute */
    int order;
    bool enabled;
    char *description;
    bool serialized;
    bool critical;
    bool isolated;         /* "isolation": "process" (or the site default) */
    int timeout_ms;        /* deadline of one call into an isolated plugin */
    bool veto_on_failure;  /* notifier: "on_failure": "veto" */
    int abi_version;       /* 0 when absent */
    char *config_json;     /* "{}" when absent */
    char **owns;           /* NULL-terminated, or NULL */
    int lib_fd;            /* checked library, -1 until resolved */
    int library_line, library_col; /* where "library" stands in the file */
} nr_manifest;

/* Problem list (a problem's strings are owned by it). */
typedef struct nr_problems { nr_problem *v; size_t n, cap; } nr_problems;
NR_INTERNAL void nr__problem_add(nr_problems *ps, const char *file, nr_stage stage, const char *plugin,
                                 const char *field, int line, int column, DWORD code, const char *fmt, ...)
    __attribute__((format(printf, 9, 10)));
NR_INTERNAL void nr__problems_free(nr_problems *ps);
/* A schema problem about key (NULL: none) of the JSON text read from file:
 * its line and column found in text (manifest.c). */
NR_INTERNAL void nr__problem_at_key(nr_problems *ps, const char *file, const char *text, const char *plugin,
                                    const char *key, const char *message);

/* ---- siteconf.c: the site's defaults for every manifest ---------------------- */
/* What a manifest that does not say otherwise gets. */
typedef struct nr_siteconf {
    bool isolated;                 /* "isolation": "process" */
    int notifier_timeout_ms;       /* a manifest's "timeout_ms" when it has none */
    int provider_timeout_ms;
} nr_siteconf;
#define NR_SITECONF_BUILTIN { false, NR_NOTIFIER_TIMEOUT_MS, NR_PROVIDER_TIMEOUT_MS }
/* Reads the router's configuration file (NETROUTER_CONFIG, else
 * $(sysconfdir)/netrouter/router.json) over the built-in defaults, then
 * NETROUTER_ISOLATION over it.  A missing file is no problem; anything
 * wrong in one is a problem appended to ps, and only the wrong keys are
 * ignored. */
NR_INTERNAL void nr__siteconf_load(nr_siteconf *sc, nr_problems *ps);

/* Parses and validates the manifest behind the already checked fd, with the
 * site's defaults for the keys it lacks (NULL: the built-in ones).  Returns
 * NULL and adds one problem on failure.  Does not resolve the library. */
NR_INTERNAL nr_manifest *nr__manifest_parse(const char *path, int fd, size_t size, const nr_siteconf *site,
                                            nr_problems *ps);
/* Resolves and opens (checked) the library; false and one problem on failure. */
NR_INTERNAL bool nr__manifest_resolve(nr_manifest *m, nr_problems *ps);
NR_INTERNAL void nr__manifest_free(nr_manifest *m);

/* ---- discovery.c: search path, masking, ordering --------------------------- */
struct nr_router;
/* Finds, parses, validates and resolves the manifests of paths (a
 * NULL-terminated list, or NULL for the default search path); returns them
 * sorted by (order, name) in *out (enabled ones only), logging every step at
 * NR_LOG_DEBUG through lg.  Problems are appended to ps. */
/* *critical is set to the index in ps of the first problem that concerns a
 * "critical": true manifest, or to (size_t)-1. */
/* A problem record when dir (st its stat) is writable by others without
 * the sticky bit: anybody may remove or replace what it holds; what names
 * its use ("manifest", "configuration"). */
struct stat;
NR_INTERNAL void nr__check_directory_mode(const char *dir, const struct stat *st, const char *what, nr_problems *ps);
NR_INTERNAL void nr__discover(const nr_logger *lg, const char *const *paths, const nr_siteconf *site,
                              nr_ptrvec *out, nr_problems *ps, size_t *critical);

/* ---- fdname.c: the /proc/self/fd/N names plugins are loaded through ------------ */
/* Every function here must be called with the loader's lock held: the set
 * of names in use is process-wide. */
/* What one load through /proc/self/fd/N holds until its unload. */
typedef struct nr_fdname {
    int fd;                     /* the descriptor loaded through, open while the object is loaded */
    bool shared;                /* the load shared an object loaded before under another name
                                   (the same file) */
    char *shared_with;          /* that object's name (NULL if unknown) */
} nr_fdname;
/* The /proc/self/fd name to load the file open as fd through (malloc'ed)
 * and, in *load_fd, the descriptor behind it: fd itself when no loaded
 * object carries its name, else a duplicate (then fd stays the caller's).
 * NULL with errno set when no descriptor can be had. */
NR_INTERNAL char *nr__fdname_pick(int fd, int *load_fd);
/* After a failed load, which may have added and removed objects: the next
 * pick walks the dynamic loader's list again. */
NR_INTERNAL void nr__fdname_invalidate(void);
/* After a successful load through fdpath (/proc/self/fd/fd): h is the
 * dynamic loader's own handle for that name, which also knows the extra
 * names of a shared object.  When the object carries our name as its own,
 * it is new; otherwise the load shares an object loaded before under
 * another name (n->shared, n->shared_with).  Fills n. */
NR_INTERNAL void nr__fdname_loaded(nr_fdname *n, int fd, const char *fdpath, void *h);
/* After the unload: the descriptor's number may be used again, unless the
 * object was shared, whose names include ours for as long as it lives;
 * then the descriptor is kept open, out of use, until that object is gone. */
NR_INTERNAL void nr__fdname_release(nr_fdname *n);

/* ---- loader.c: libltdl wrapper, entry points, lifecycle ----------------------- */
typedef struct nr_iso nr_iso;
struct nr_plugin {
    nr_iso *iso;                /* isolated (isolate.c): every call goes to its host process */
    const nr_logger *log;       /* where pfnLog's lines go */
    nr_manifest *m;
    void *handle;               /* lt_dlhandle: libltdl loaded it */
    void *dl;                   /* the dynamic loader's handle of the same object, bound at load
                                   (RTLD_NOW), for symbol look-ups */
    nr_fdname load;             /* the /proc/self/fd/N it was opened through, open while loaded */
    NR_PLUGIN_HOST host;
    pthread_mutex_t serial;     /* held around every call when m->serialized */
    bool initialized;
    nr_problems *init_ps;       /* while NrPluginInit runs: where pfnReportProblem records
                                   (loader.c, under its report lock); NULL otherwise */
    DWORD charset;              /* NR_PLUGIN_CHARSET_UTF8, or _WIDE (the plugin's NrPluginCharset) */
    /* The entry points, NULL when absent.  For a wide plugin they hold the
     * W functions: call them only through plugin-call.c, never directly. */
    /* notifier */
    PF_AddConnectNotify add_notify;
    PF_CancelConnectNotify cancel_notify;
    /* provider */
    DWORD caps_conn, caps_enum, caps_user, caps_dialog, net_type;
    PF_NPGetCaps get_caps;
    PF_NPAddConnection add;
    PF_NPAddConnection3 add3;
    PF_NPCancelConnection cancel;
    PF_NPGetConnection get_connection;
    PF_NPGetUniversalName get_universal_name;
    PF_NPGetUser get_user;
    PF_NPGetResourceInformation get_resource_information;
    PF_NPGetResourceParent get_resource_parent;   /* optional (WNNC_DLG_GETRESOURCEPARENT) */
    PF_NPOpenEnum open_enum;
    PF_NPEnumResource enum_resource;
    PF_NPCloseEnum close_enum;
    PF_NrPluginShutdown shutdown;
};
/* Loads the manifest's library, resolves symbols, negotiates the ABI and
 * (when run_init) calls NrPluginInit; the plugin's log lines go to lg, which
 * must outlive it.  NULL and one problem on failure. */
NR_INTERNAL nr_plugin *nr__plugin_load(const nr_logger *lg, nr_manifest *m, bool run_init, nr_problems *ps);
/* Shuts down (if initialised) and unloads; frees the manifest too. */
NR_INTERNAL void nr__plugin_unload(nr_plugin *p);
/* Around every call into a plugin: serialization and the "inside a plugin"
 * mark that nr__api_enter() checks.  Inline: they run twice per notifier per
 * operation. */
static inline void nr__call_begin(nr_plugin *p, const char *entry)
{
    if (p->m->serialized)
        pthread_mutex_lock(&p->serial);
    nr__hot.depth++;
    nr__hot.plugin = p->m->name;
    nr__hot.entry = entry;
}

static inline void nr__call_end(nr_plugin *p)
{
    if (--nr__hot.depth == 0)
        nr__hot.plugin = nr__hot.entry = NULL;
    if (p->m->serialized)
        pthread_mutex_unlock(&p->serial);
}

/* ---- plugin-call.c: every call into a plugin's entry points ------------------------ */
/* One function per entry point, taking the router's UTF-8 arguments and
 * sizes in bytes whatever the plugin's character set (a wide plugin's go
 * through plugin-wide.c), each inside nr__call_begin()/nr__call_end().  An
 * entry point the plugin lacks answers WN_NOT_SUPPORTED.  Sizes are set
 * only on WN_SUCCESS and WN_MORE_DATA (then the size needed).  The
 * notifier calls may let the notifier change *add / *cancel: pass copies. */
NR_INTERNAL DWORD nr__notifier_add(nr_plugin *n, NOTIFYINFO *info, NOTIFYADD *add);
/* NPGetCaps(index) (no strings: the same for both character sets); the
 * provider must export it (the loader refuses one that does not). */
NR_INTERNAL DWORD nr__provider_get_caps(nr_plugin *p, DWORD index);
NR_INTERNAL DWORD nr__notifier_cancel(nr_plugin *n, NOTIFYINFO *info, NOTIFYCANCEL *cancel);
/* NPAddConnection3, else NPAddConnection (no notification). */
NR_INTERNAL DWORD nr__provider_add(nr_plugin *p, HWND owner, const NETRESOURCE *res, const char *password,
                                   const char *user, DWORD flags);
NR_INTERNAL DWORD nr__provider_cancel(nr_plugin *p, const char *name, BOOL force);
NR_INTERNAL DWORD nr__provider_get_connection(nr_plugin *p, const char *local, char *remote, DWORD *length);
NR_INTERNAL DWORD nr__provider_get_user(nr_plugin *p, const char *name, char *user, DWORD *length);
/* UNIVERSAL_NAME_INFOA / REMOTE_NAME_INFOA and its strings in buffer. */
NR_INTERNAL DWORD nr__provider_get_universal_name(nr_plugin *p, const char *path, DWORD level, void *buffer,
                                                  DWORD *size);
/* NETRESOURCEA and its strings in buffer; *system (if system) points into
 * it or is NULL.  res may be NULL. */
NR_INTERNAL DWORD nr__provider_get_resource_information(nr_plugin *p, const NETRESOURCE *res, void *buffer,
                                                        DWORD *size, char **system);
/* NETRESOURCEA of the parent and its strings in buffer (its lpRemoteName
 * NULL when the resource has no browse parent). */
NR_INTERNAL DWORD nr__provider_get_resource_parent(nr_plugin *p, const NETRESOURCE *res, void *buffer, DWORD *size);
/* The handle belongs to p: hand it only to p's enum_resource / close_enum. */
NR_INTERNAL DWORD nr__provider_open_enum(nr_plugin *p, DWORD scope, DWORD type, DWORD usage,
                                         const NETRESOURCE *container, HANDLE *out);
/* NETRESOURCEA entries in buffer, their strings packed after them. */
NR_INTERNAL DWORD nr__provider_enum_resource(nr_plugin *p, HANDLE h, DWORD *count, void *buffer, DWORD *size);
NR_INTERNAL DWORD nr__provider_close_enum(nr_plugin *p, HANDLE h);

/* ---- plugin-wide.c: the boundary with wide (UNICODE) plugins ---------------------- */
/* The same calls for a plugin whose charset is NR_PLUGIN_CHARSET_WIDE; only
 * plugin-call.c calls them (it has checked the entry point exists).  Errors:
 * WN_BAD_VALUE for router text that is not UTF-8, ERROR_NO_UNICODE_TRANSLATION
 * for plugin text that is not Unicode, WN_OUT_OF_MEMORY; the last error
 * says which plugin and what. */
NR_INTERNAL DWORD nr__wide_add_notify(nr_plugin *n, NOTIFYINFO *info, const NOTIFYADDA *add);
NR_INTERNAL DWORD nr__wide_cancel_notify(nr_plugin *n, NOTIFYINFO *info, const NOTIFYCANCELA *cancel);
NR_INTERNAL DWORD nr__wide_add(nr_plugin *p, HWND owner, const NETRESOURCEA *res, const char *password,
                               const char *user, DWORD flags);
NR_INTERNAL DWORD nr__wide_cancel(nr_plugin *p, const char *name, BOOL force);
NR_INTERNAL DWORD nr__wide_get_connection(nr_plugin *p, const char *local, char *remote, DWORD *length);
NR_INTERNAL DWORD nr__wide_get_user(nr_plugin *p, const char *name, char *user, DWORD *length);
NR_INTERNAL DWORD nr__wide_get_universal_name(nr_plugin *p, const char *path, DWORD level, void *buffer,
                                              DWORD *size);
NR_INTERNAL DWORD nr__wide_get_resource_information(nr_plugin *p, const NETRESOURCEA *res, void *buffer,
                                                    DWORD *size, char **system);
NR_INTERNAL DWORD nr__wide_get_resource_parent(nr_plugin *p, const NETRESOURCEA *res, void *buffer, DWORD *size);
NR_INTERNAL DWORD nr__wide_open_enum(nr_plugin *p, DWORD scope, DWORD type, DWORD usage,
                                     const NETRESOURCEA *container, HANDLE *out);
NR_INTERNAL DWORD nr__wide_enum_resource(nr_plugin *p, HANDLE h, DWORD *count, void *buffer, DWORD *size);
NR_INTERNAL DWORD nr__wide_close_enum(nr_plugin *p, HANDLE h);

/* ---- isolate.c: plugins run in a host process of their own ------------------------- */
/* nr__plugin_load() for a manifest with "isolation": "process": starts the
 * host, which loads the plugin with the same checks; the entry-point fields
 * are set (to stand-ins) as the plugin has them.  NULL and one problem on
 * failure (ps also gets room for the failure records of later calls). */
NR_INTERNAL nr_plugin *nr__iso_load(const nr_logger *lg, nr_manifest *m, bool do_init, nr_problems *ps);
/* Shuts the plugin down in its host and ends the host's process group;
 * frees p->iso only (nr__plugin_unload() does the rest). */
NR_INTERNAL void nr__iso_unload(nr_plugin *p);
/* The notifier calls of plugin-call.c, through the host, under the
 * manifest's "timeout_ms" (isolate.c).  A crash, exit or timeout of the host is one
 * failed call (docs/design.md section 4, rule 9): WN_SUCCESS and no context
 * for "on_failure": "continue", else WN_CANCEL with the last error naming
 * the plugin and the cause; either way a log line and an NR_STAGE_CALL
 * problem. */
NR_INTERNAL DWORD nr__iso_add_notify(nr_plugin *n, NOTIFYINFO *info, const NOTIFYADD *add);
NR_INTERNAL DWORD nr__iso_cancel_notify(nr_plugin *n, NOTIFYINFO *info, const NOTIFYCANCEL *cancel);

/* Where the failures of p are recorded for other programs (the router's
 * state directory, copied; NULL: nowhere).  Called once, after the load. */
NR_INTERNAL void nr__iso_attach(nr_plugin *p, const char *state_dir);

/* ---- isolate-record.c: failures kept for the user's other programs ---------------- */
/* Appends one failure of the isolated plugin of m (text: what failed and
 * why) to STATE_DIR/isolation-failures.log.  Best effort; thread-safe. */
NR_INTERNAL void nr__iso_record(const char *state_dir, const nr_manifest *m, const char *text);
/* Adds the last day's records about the isolated plugins among v[0..nv-1]
 * (the latest 20) to ps as NR_STAGE_CALL problems. */
NR_INTERNAL void nr__iso_read_records(const char *state_dir, nr_problems *ps, nr_plugin *const *v, size_t nv);

/* ---- isolate-provider.c: the provider calls of an isolated plugin ----------------- */
/* The calls of plugin-call.c, with the same contracts, through the host
 * (the known NPGetCaps indices are answered from what the host said at
 * load).  A failure of the host is WN_BAD_PROVIDER (NPGetCaps: 0) with the
 * last error naming the plugin, the entry point and the cause, a log line
 * and an NR_STAGE_CALL problem. */
NR_INTERNAL DWORD nr__iso_get_caps(nr_plugin *p, DWORD index);
NR_INTERNAL DWORD nr__iso_add(nr_plugin *p, const NETRESOURCE *res, const char *password, const char *user,
                              DWORD flags);
NR_INTERNAL DWORD nr__iso_cancel(nr_plugin *p, const char *name, BOOL force);
NR_INTERNAL DWORD nr__iso_get_connection(nr_plugin *p, const char *local, char *remote, DWORD *length);
NR_INTERNAL DWORD nr__iso_get_user(nr_plugin *p, const char *name, char *user, DWORD *length);
NR_INTERNAL DWORD nr__iso_get_universal_name(nr_plugin *p, const char *path, DWORD level, void *buffer,
                                             DWORD *size);
NR_INTERNAL DWORD nr__iso_get_resource_information(nr_plugin *p, const NETRESOURCE *res, void *buffer,
                                                   DWORD *size, char **system);
NR_INTERNAL DWORD nr__iso_get_resource_parent(nr_plugin *p, const NETRESOURCE *res, void *buffer, DWORD *size);
NR_INTERNAL DWORD nr__iso_open_enum(nr_plugin *p, DWORD scope, DWORD type, DWORD usage,
                                    const NETRESOURCE *container, HANDLE *out);
NR_INTERNAL DWORD nr__iso_enum_resource(nr_plugin *p, HANDLE h, DWORD *count, void *buffer, DWORD *size);
NR_INTERNAL DWORD nr__iso_close_enum(nr_plugin *p, HANDLE h);

/* ---- router.c: the router object ---------------------------------------------- */
struct nr_router {
    nr_plugin **providers; size_t nproviders;
    nr_plugin **notifiers; size_t nnotifiers;
    nr_plugin **all; size_t nall;          /* in final order */
    nr_problems problems;
    int retry_limit;
    DWORD flags;
    char *state_dir;
    nr_logger logger;
    pthread_mutex_t store_lock;            /* the store, never held during plugin calls */
};
NR_INTERNAL nr_plugin *nr__find_provider(const struct nr_router *r, const char *name);

/* ---- dispatch.c: one add or cancel operation with its notifications ---------- */
typedef struct nr_op nr_op;
/* Runs after the providers and before POST; may change the result (for
 * instance to persist a successful add, or forget on cancel). */
typedef DWORD (*nr_op_hook)(struct nr_router *r, nr_op *op, DWORD result);
struct nr_op {
    bool is_add;
    NOTIFYADD add;             /* is_add */
    NOTIFYCANCEL cancel;       /* !is_add */
    const char *password, *user;
    nr_plugin *explicit_provider;  /* add only: the caller named it */
    nr_plugin *done_by;            /* the provider that succeeded */
    nr_op_hook after_providers;
    void *hook_data;
};
/* Runs PRE, providers, the hook and POST, with retries (docs/design.md section 4). */
NR_INTERNAL DWORD nr__run_op(struct nr_router *r, nr_op *op);

/* ---- store.c: remembered connections -------------------------------------------- */
typedef struct nr_remembered {
    char *local, *remote, *user, *provider, *comment;
    DWORD provider_type, type;
} nr_remembered;
typedef struct nr_store { nr_remembered *v; size_t n; } nr_store;
NR_INTERNAL void nr__store_free(nr_store *s);
NR_INTERNAL nr_remembered *nr__store_find(nr_store *s, const char *local);
/* Read-modify-write helpers, each under the store lock and file lock. */
NR_INTERNAL DWORD nr__store_check_add(struct nr_router *r, const char *local, const char *remote);
NR_INTERNAL DWORD nr__store_remember(struct nr_router *r, const nr_remembered *e);
/* Forgets local; *found tells whether it was remembered. */
NR_INTERNAL DWORD nr__store_forget(struct nr_router *r, const char *local, bool *found);
/* Reads the store (a missing file is an empty store).  A damaged file is
 * moved aside and WN_BAD_PROFILE returned with the last error set. */
NR_INTERNAL DWORD nr__store_snapshot(struct nr_router *r, nr_store *s);

/* ---- resource.c: provider questions of the WNet layer (router/wnet/) ----------- */
/* Asks each provider that exports NPGetUniversalName, in order, about path
 * (buffer and *size as NPGetUniversalName, bytes; *size is set only with
 * WN_MORE_DATA).  WN_NOT_CONNECTED when none knows it. */
NR_INTERNAL DWORD nr__provider_universal_name(struct nr_router *r, const char *path, DWORD level, void *buffer,
                                              DWORD *size);
/* NPGetResourceInformation of the provider res->lpProvider names, else of
 * each in order; WN_BAD_NETNAME (last error set) when none knows it. */
NR_INTERNAL DWORD nr__resource_information(struct nr_router *r, const NETRESOURCE *res, void *buffer, DWORD *size,
                                           char **system);
/* NPGetResourceParent of the provider res->lpProvider names, else of each
 * in order that exports it (buffer and *size as nr__resource_information);
 * WN_NOT_SUPPORTED (last error set) when none exports it, WN_BAD_NETNAME
 * when none knows the name. */
NR_INTERNAL DWORD nr__resource_parent(struct nr_router *r, const NETRESOURCE *res, void *buffer, DWORD *size);
/* NPGetCaps(index) of the provider named provider; 0 when it is not loaded. */
NR_INTERNAL DWORD nr__provider_caps(struct nr_router *r, const char *provider, DWORD index);

/* ---- enumerate.c ---------------------------------------------------------------- */
/* Steps back over the entry nr_enum_next() returned last (one that did not
 * fit a caller's buffer), so that the next call returns it again. */
NR_INTERNAL void nr__enum_unget(nr_enum *e);

#endif /* NR_INTERNAL_H */
