/*
 * loader.c - loads one plugin with libltdl, resolves its entry points,
 * negotiates the ABI, reads its character set and runs its lifecycle.
 *
 * libltdl keeps its error state in process-wide variables, so every lt_dl*
 * call in the process goes through ltdl_lock and the error text is copied
 * before the lock is released.  The library is loaded through
 * /proc/self/fd/N, N being the descriptor whose owner and mode were checked,
 * so what runs is exactly what was checked, and no LD_LIBRARY_PATH-style
 * variable can redirect the load.  Symbols stay local to the plugin, and
 * are all bound at load time (open_bound), so a missing one is a load
 * problem, never a crash at the plugin's first call.  Which N to load
 * through, so that no name stands for two objects, is fdname.c's.
 */
#include "config.h"

#include <dlfcn.h>
#include <link.h>
#include <ltdl.h>
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

static pthread_mutex_t ltdl_lock = PTHREAD_MUTEX_INITIALIZER;

/* Replaces the /proc/self/fd/N spelling in a loader message by the real path. */
static char *loader_message(const char *msg, const char *fdpath, const char *real)
{
    const char *at = msg ? strstr(msg, fdpath) : NULL;
    if (!msg)
        return strdup("unknown error");
    if (!at)
        return strdup(msg);
    return nr__asprintf("%.*s%s%s", (int)(at - msg), msg, real, at + strlen(fdpath));
}

/* Opens the plugin with the dynamic loader itself, every symbol bound now,
 * before libltdl opens the object so loaded.  Two reasons.  libltdl binds
 * lazily: a plugin that calls a function existing nowhere would load, pass
 * check-manifest, and end the whole process at its first call ("symbol
 * lookup error"); bound now, it is refused here ("undefined symbol: f").
 * And libltdl replaces the dynamic loader's text ("file too short",
 * "libdep.so: cannot open shared object file") with its own "file not
 * found" once its search for variants of the name fails; this keeps the
 * loader's own words.  The caller holds ltdl_lock (dlerror is per thread,
 * but the load must not race a plugin load elsewhere) and closes the
 * handle once libltdl holds the object.  NULL with *err set on failure. */
static void *open_bound(const char *fdpath, const char *real, char **err)
{
    void *h;
    dlerror(); /* clear */
    h = dlopen(fdpath, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *text = dlerror();
        size_t n = strlen(fdpath);
        if (text && !strncmp(text, fdpath, n) && !strncmp(text + n, ": ", 2))
            text += n + 2; /* "cannot load PATH: PATH: file too short" says PATH once */
        *err = loader_message(text, fdpath, real);
    }
    return h;
}

/* ---- host services handed to plugins --------------------------------------------- */

static void host_log(const NR_PLUGIN_HOST *host, DWORD level, LPCSTR fmt, ...) __attribute__((format(printf, 3, 4)));
static void host_log(const NR_PLUGIN_HOST *host, DWORD level, LPCSTR fmt, ...)
{
    nr_plugin *p = host->lpReserved;
    va_list ap;
    va_start(ap, fmt);
    nr__logv(p->log, level, p->m->name, fmt, ap);
    va_end(ap);
}

static DWORD host_set_last_error(const NR_PLUGIN_HOST *host, DWORD code, LPCSTR text)
{
    nr_plugin *p = host->lpReserved;
    nr__set_last_error(code, text ? text : nr_strerror(code), p->m->name);
    return WN_SUCCESS;
}

/* pfnReportProblem: a problem record while NrPluginInit runs (init_ps is
 * set only then), a warning afterwards.  The lock keeps a thread the plugin
 * started in NrPluginInit from racing the end of it. */
static pthread_mutex_t report_lock = PTHREAD_MUTEX_INITIALIZER;

static DWORD host_report_problem(const NR_PLUGIN_HOST *host, LPCSTR file, DWORD line, LPCSTR field, LPCSTR text)
{
    nr_plugin *p = host->lpReserved;
    bool recorded = false;
    if (!text)
        return WN_BAD_POINTER;
    pthread_mutex_lock(&report_lock);
    if (p->init_ps) {
        nr__problem_add(p->init_ps, file ? file : p->m->path, NR_STAGE_PLUGIN, p->m->name, field,
                        line > INT_MAX ? 0 : (int)line, 0, WN_BAD_VALUE, "%s", text);
        recorded = true;
    }
    pthread_mutex_unlock(&report_lock);
    if (recorded)
        return WN_SUCCESS;
    if (file && line)
        nr__log(p->log, NR_LOG_WARNING, p->m->name, "%s:%u: %s%s%s", file, (unsigned)line, field ? field : "",
                field ? ": " : "", text);
    else
        nr__log(p->log, NR_LOG_WARNING, p->m->name, "%s%s%s%s%s", file ? file : "", file ? ": " : "",
                field ? field : "", field ? ": " : "", text);
    return WN_SUCCESS;
}

/* ---- symbol resolution ---------------------------------------------------------------- */

typedef struct loading {
    nr_plugin *p;
    nr_problems *ps;
    char *fdpath;
} loading;

/* Looks a symbol up in the plugin, through the dynamic loader's own handle
 * of the object libltdl loaded (p->dl, open_bound's).  lt_dlsym() would
 * first try "<module>_LTX_<name>", libtool's prefix for statically
 * preloaded modules, which a dlopen()ed plugin never has: a failing
 * look-up for each entry point, each making the dynamic loader format an
 * error message, at start-up.  A failed look-up still costs that, so only
 * the entry points a plugin's kind and capabilities call for are looked
 * up. */
static void *sym(const nr_plugin *p, const char *name)
{
    return dlsym(p->dl, name);
}

/* The same, but only a symbol that the plugin's own object defines: dlsym()
 * also searches the libraries the plugin depends on, and a helper library
 * built with UNICODE carries a NrPluginCharset of its own that says
 * nothing about the plugin. */
static void *own_sym(const nr_plugin *p, const char *name)
{
    void *s = dlsym(p->dl, name);
    struct link_map *mine = NULL, *where = NULL;
    Dl_info info;
    if (!s || dlinfo(p->dl, RTLD_DI_LINKMAP, &mine) != 0 ||
        !dladdr1(s, &info, (void **)&where, RTLD_DL_LINKMAP) || where != mine)
        return NULL;
    return s;
}

static void set_entry(nr_plugin *p, size_t offset, void *fn)
{
    memcpy((char *)p + offset, &fn, sizeof fn); /* a function pointer field */
}

static bool has_entry(const nr_plugin *p, size_t offset)
{
    void *fn;
    memcpy(&fn, (const char *)p + offset, sizeof fn);
    return fn != NULL;
}

#define ENUM_ANY (WNNC_ENUM_GLOBAL | WNNC_ENUM_LOCAL | WNNC_ENUM_CONTEXT | WNNC_ENUM_SHAREABLE)

/* Provider entry points and the capability that announces each (npapi.h). */
static const struct provider_entry {
    const char *name, *cap_name;
    size_t offset;
    DWORD index, bits;
    bool optional;
} provider_entries[] = {
    { "NPAddConnection3", "WNNC_CON_ADDCONNECTION3", offsetof(nr_plugin, add3), WNNC_CONNECTION,
      WNNC_CON_ADDCONNECTION3, false },
    { "NPAddConnection", "WNNC_CON_ADDCONNECTION", offsetof(nr_plugin, add), WNNC_CONNECTION,
      WNNC_CON_ADDCONNECTION, false },
    { "NPCancelConnection", "WNNC_CON_CANCELCONNECTION", offsetof(nr_plugin, cancel), WNNC_CONNECTION,
      WNNC_CON_CANCELCONNECTION, false },
    { "NPGetConnection", "WNNC_CON_GETCONNECTIONS", offsetof(nr_plugin, get_connection), WNNC_CONNECTION,
      WNNC_CON_GETCONNECTIONS, false },
    { "NPGetUniversalName", "WNNC_CON_GETCONNECTIONS", offsetof(nr_plugin, get_universal_name), WNNC_CONNECTION,
      WNNC_CON_GETCONNECTIONS, true },
    { "NPGetUser", "WNNC_USR_GETUSER", offsetof(nr_plugin, get_user), WNNC_USER, WNNC_USR_GETUSER, false },
    { "NPGetResourceInformation", "WNNC_DLG_GETRESOURCEINFORMATION", offsetof(nr_plugin, get_resource_information),
      WNNC_DIALOG, WNNC_DLG_GETRESOURCEINFORMATION, false },
    { "NPGetResourceParent", "WNNC_DLG_GETRESOURCEPARENT", offsetof(nr_plugin, get_resource_parent), WNNC_DIALOG,
      WNNC_DLG_GETRESOURCEPARENT, true },
    { "NPOpenEnum", "enumeration", offsetof(nr_plugin, open_enum), WNNC_ENUMERATION, ENUM_ANY, false },
    { "NPEnumResource", "enumeration", offsetof(nr_plugin, enum_resource), WNNC_ENUMERATION, ENUM_ANY, false },
    { "NPCloseEnum", "enumeration", offsetof(nr_plugin, close_enum), WNNC_ENUMERATION, ENUM_ANY, false },
};

static bool need(loading *l, bool present, const char *name, const char *why)
{
    if (present)
        return true;
    nr__problem_add(l->ps, l->p->m->path, NR_STAGE_SYMBOL, l->p->m->name, NULL, 0, 0, WN_BAD_PROVIDER,
                    "%s %s does not export %s%s", l->p->m->kind == NR_PLUGIN_PROVIDER ? "provider" : "notifier",
                    l->p->m->library_path, name, why);
    return false;
}

static DWORD caps_for(const nr_plugin *p, DWORD index)
{
    switch (index) {
    case WNNC_CONNECTION: return p->caps_conn;
    case WNNC_ENUMERATION: return p->caps_enum;
    case WNNC_USER: return p->caps_user;
    case WNNC_DIALOG: return p->caps_dialog;
    }
    return 0;
}

/* Asks NPGetCaps, then resolves exactly the entry points it announces. */
static bool check_provider(loading *l)
{
    nr_plugin *p = l->p;
    if (!need(l, p->get_caps != NULL, "NPGetCaps", ", which every provider must"))
        return false;
    p->caps_conn = nr__provider_get_caps(p, WNNC_CONNECTION);
    p->caps_enum = nr__provider_get_caps(p, WNNC_ENUMERATION);
    p->caps_user = nr__provider_get_caps(p, WNNC_USER);
    p->caps_dialog = nr__provider_get_caps(p, WNNC_DIALOG);
    p->net_type = nr__provider_get_caps(p, WNNC_NET_TYPE);

    pthread_mutex_lock(&ltdl_lock);
    for (size_t i = 0; i < sizeof provider_entries / sizeof provider_entries[0]; i++) {
        const struct provider_entry *e = &provider_entries[i];
        if (caps_for(p, e->index) & e->bits)
            set_entry(p, e->offset, sym(p, e->name));
    }
    pthread_mutex_unlock(&ltdl_lock);

    for (size_t i = 0; i < sizeof provider_entries / sizeof provider_entries[0]; i++) {
        const struct provider_entry *e = &provider_entries[i];
        char why[96];
        if (e->optional || !(caps_for(p, e->index) & e->bits))
            continue;
        snprintf(why, sizeof why, " although NPGetCaps announces %s", e->cap_name);
        if (!need(l, has_entry(p, e->offset), e->name, why))
            return false;
    }
    return true;
}

static bool check_notifier(loading *l)
{
    nr_plugin *p = l->p;
    if (!p->add_notify && !p->cancel_notify) {
        nr__problem_add(l->ps, p->m->path, NR_STAGE_SYMBOL, p->m->name, NULL, 0, 0, WN_BAD_PROVIDER,
                        "notifier %s exports neither AddConnectNotify nor CancelConnectNotify",
                        p->m->library_path);
        return false;
    }
    return true;
}

static bool negotiate(loading *l, PF_NrPluginGetAbiVersion get_abi)
{
    nr_plugin *p = l->p;
    DWORD v;
    if (!get_abi)
        return true;
    nr__call_begin(p, "NrPluginGetAbiVersion");
    v = get_abi();
    nr__call_end(p);
    if (NR_ABI_MAJOR(v) != NR_PLUGIN_ABI_MAJOR ||
        (NR_ABI_MAJOR(v) == NR_PLUGIN_ABI_MAJOR && NR_ABI_MINOR(v) > NR_PLUGIN_ABI_MINOR)) {
        nr__problem_add(l->ps, p->m->path, NR_STAGE_NEGOTIATE, p->m->name, NULL, 0, 0, WN_BAD_PROVIDER,
                        "%s was built for plugin ABI %u.%u, but this netrouter provides ABI %u.%u",
                        p->m->library_path, (unsigned)NR_ABI_MAJOR(v), (unsigned)NR_ABI_MINOR(v),
                        NR_PLUGIN_ABI_MAJOR, NR_PLUGIN_ABI_MINOR);
        return false;
    }
    return true;
}

/* The plugin's character set: NrPluginCharset, which npapi.h defines in a
 * plugin built with UNICODE (a weak data symbol); a plugin without it is a
 * UTF-8 one.  Another value is a plugin built for a netrouter that knows
 * more than this one. */
static bool read_charset(loading *l, const DWORD *charset)
{
    nr_plugin *p = l->p;
    p->charset = charset ? *charset : NR_PLUGIN_CHARSET_UTF8;
    if (p->charset == NR_PLUGIN_CHARSET_UTF8 || p->charset == NR_PLUGIN_CHARSET_WIDE)
        return true;
    nr__problem_add(l->ps, p->m->path, NR_STAGE_NEGOTIATE, p->m->name, NULL, 0, 0, WN_BAD_PROVIDER,
                    "%s exports NrPluginCharset = %u, which is neither NR_PLUGIN_CHARSET_UTF8 (%u) nor "
                    "NR_PLUGIN_CHARSET_WIDE (%u); it was not loaded",
                    p->m->library_path, (unsigned)p->charset, NR_PLUGIN_CHARSET_UTF8, NR_PLUGIN_CHARSET_WIDE);
    return false;
}

static bool run_init(loading *l, PF_NrPluginInit init)
{
    nr_plugin *p = l->p;
    DWORD rc, code;
    char text[1024];
    if (!init)
        return true;
    nr__clear_last_error();
    pthread_mutex_lock(&report_lock);
    p->init_ps = l->ps;
    pthread_mutex_unlock(&report_lock);
    nr__call_begin(p, "NrPluginInit");
    rc = init(&p->host);
    nr__call_end(p);
    pthread_mutex_lock(&report_lock);
    p->init_ps = NULL;
    pthread_mutex_unlock(&report_lock);
    if (rc == WN_SUCCESS)
        return true;
    nr_get_last_error(&code, text, sizeof text, NULL, 0);
    nr__problem_add(l->ps, p->m->path, NR_STAGE_INIT, p->m->name, NULL, 0, 0, rc,
                    "NrPluginInit refused to start with error %u (%s)%s%s", (unsigned)rc, nr_strerror(rc),
                    nr__last_error_is_set() ? ": " : "", nr__last_error_is_set() ? text : "");
    nr__clear_last_error();
    return false;
}

/* ---- load / unload ------------------------------------------------------------------------ */

static void close_handle(nr_plugin *p)
{
    pthread_mutex_lock(&ltdl_lock);
    dlclose(p->dl);
    lt_dlclose(p->handle);
    lt_dlexit();
    nr__fdname_release(&p->load); /* only now may its number, and so its name, be reused */
    pthread_mutex_unlock(&ltdl_lock);
}

nr_plugin *nr__plugin_load(const nr_logger *lg, nr_manifest *m, bool do_init, nr_problems *ps)
{
    nr_plugin *p;
    loading l = { .ps = ps };
    PF_NrPluginGetAbiVersion get_abi = NULL;
    PF_NrPluginInit init = NULL;
    const DWORD *charset = NULL;
    char *err = NULL;
    void *bound = NULL;
    int dup_fd = -1;

    if (m->abi_version && (DWORD)m->abi_version != NR_PLUGIN_ABI_MAJOR) {
        nr__problem_add(ps, m->path, NR_STAGE_NEGOTIATE, m->name, "abi_version", 0, 0, WN_BAD_PROVIDER,
                        "the manifest says the plugin was built for plugin ABI %d, but this netrouter provides "
                        "ABI %u; it was not loaded",
                        m->abi_version, NR_PLUGIN_ABI_MAJOR);
        return NULL;
    }
    if (m->isolated)
        return nr__iso_load(lg, m, do_init, ps);
    p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->log = lg;
    p->m = m;
    l.p = p;
    pthread_mutex_init(&p->serial, NULL);

    pthread_mutex_lock(&ltdl_lock);
    l.fdpath = nr__fdname_pick(m->lib_fd, &dup_fd);
    if (!l.fdpath) {
        err = nr__asprintf("no usable file descriptor to load it through: %s", strerror(errno));
    } else if (!(bound = open_bound(l.fdpath, m->library_path, &err))) {
        nr__fdname_invalidate();
    } else if (lt_dlinit() != 0) {
        err = loader_message(lt_dlerror(), l.fdpath, m->library_path);
    } else {
        lt_dladvise advise;
        lt_dladvise_init(&advise);
        lt_dladvise_local(&advise);
        p->handle = lt_dlopenadvise(l.fdpath, advise);
        lt_dladvise_destroy(&advise);
        if (!p->handle) {
            nr__fdname_invalidate();
            err = loader_message(lt_dlerror(), l.fdpath, m->library_path);
            lt_dlexit();
        } else {
            p->dl = bound; /* kept with the libltdl handle, for sym() */
            bound = NULL;
            get_abi = (PF_NrPluginGetAbiVersion)sym(p, "NrPluginGetAbiVersion");
            init = (PF_NrPluginInit)sym(p, "NrPluginInit");
            p->shutdown = (PF_NrPluginShutdown)sym(p, "NrPluginShutdown");
            charset = own_sym(p, "NrPluginCharset");
            if (m->kind == NR_PLUGIN_PROVIDER) {
                p->get_caps = (PF_NPGetCaps)sym(p, "NPGetCaps");
            } else {
                p->add_notify = (PF_AddConnectNotify)sym(p, "AddConnectNotify");
                p->cancel_notify = (PF_CancelConnectNotify)sym(p, "CancelConnectNotify");
            }
            nr__fdname_loaded(&p->load, dup_fd, l.fdpath, p->dl);
        }
    }
    if (bound)
        dlclose(bound); /* the load failed after open_bound */
    /* The descriptor loaded through stays open while the handle lives. */
    if (p->handle) {
        if (dup_fd == m->lib_fd)
            m->lib_fd = -1;
    } else if (dup_fd >= 0 && dup_fd != m->lib_fd) {
        close(dup_fd);
    }
    pthread_mutex_unlock(&ltdl_lock);
    if (m->lib_fd >= 0)
        close(m->lib_fd);
    m->lib_fd = -1;
    free(l.fdpath);

    if (!p->handle) {
        nr__problem_add(ps, m->path, NR_STAGE_LOAD, m->name, "library", m->library_line, m->library_col,
                        WN_BAD_PROVIDER, "cannot load %s: %s", m->library_path, err);
        free(err);
        pthread_mutex_destroy(&p->serial);
        free(p);
        return NULL;
    }

    p->host = (NR_PLUGIN_HOST){
        .cbStructure = sizeof(NR_PLUGIN_HOST),
        .dwAbiVersion = NR_PLUGIN_ABI_VERSION,
        .lpPluginName = m->name,
        .lpManifestPath = m->path,
        .lpLibraryPath = m->library_path,
        .lpConfigJson = m->config_json,
        .pfnLog = host_log,
        .pfnSetLastError = host_set_last_error,
        .pfnStrError = nr_strerror,
        .lpReserved = p,
        .pfnReportProblem = host_report_problem,
    };
    if (!negotiate(&l, get_abi) || !read_charset(&l, charset) ||
        !(m->kind == NR_PLUGIN_PROVIDER ? check_provider(&l) : check_notifier(&l)) ||
        (do_init && !run_init(&l, init))) {
        close_handle(p);
        pthread_mutex_destroy(&p->serial);
        free(p);
        return NULL;
    }
    p->initialized = do_init;
    return p;
}

void nr__plugin_unload(nr_plugin *p)
{
    if (!p)
        return;
    if (p->iso) {
        nr__iso_unload(p);
        pthread_mutex_destroy(&p->serial);
        nr__manifest_free(p->m);
        free(p);
        return;
    }
    if (p->initialized && p->shutdown) {
        nr__call_begin(p, "NrPluginShutdown");
        p->shutdown();
        nr__call_end(p);
    }
    close_handle(p);
    pthread_mutex_destroy(&p->serial);
    nr__manifest_free(p->m);
    free(p);
}
