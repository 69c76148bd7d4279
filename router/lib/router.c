/*
 * router.c - the router object: creation from a configuration (discovery,
 * loading, critical plugins), teardown in reverse order, the plugin and
 * problem listings, and the manifest validator.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "env.h"
#include "files.h"
#include "internal.h"

nr_plugin *nr__find_provider(const struct nr_router *r, const char *name)
{
    for (size_t i = 0; i < r->nproviders; i++)
        if (!strcmp(r->providers[i]->m->name, name))
            return r->providers[i];
    return NULL;
}

static DWORD load_all(nr_router *r, const nr_router_config *cfg)
{
    nr_ptrvec manifests = { 0 }, loaded = { 0 };
    DWORD rc = WN_SUCCESS;

    size_t critical;
    nr_siteconf site;

    nr__siteconf_load(&site, &r->problems);
    nr__discover(&r->logger, cfg ? cfg->plugin_path : NULL, &site, &manifests, &r->problems, &critical);
    if (critical != (size_t)-1 && !(r->flags & NR_ROUTER_IGNORE_CRITICAL)) {
        const nr_problem *pb = &r->problems.v[critical];
        rc = nr__fail(ERROR_DLL_INIT_FAILED, "critical plugin '%s' (%s) failed at stage %s: %s", pb->plugin,
                      pb->file, nr_stage_name(pb->stage), pb->message);
    }
    for (size_t i = 0; i < manifests.n; i++) {
        nr_manifest *m = manifests.v[i];
        size_t before = r->problems.n;
        if (rc != WN_SUCCESS) { /* a critical plugin failed: load nothing more */
            nr__manifest_free(m);
            continue;
        }
        nr_plugin *p = nr__plugin_load(&r->logger, m, true, &r->problems);
        if (p) {
            nr__ptrvec_push(&loaded, p);
            nr__log(&r->logger, NR_LOG_DEBUG, m->name, "loaded %s", m->library_path);
            continue;
        }
        if (m->critical && !(r->flags & NR_ROUTER_IGNORE_CRITICAL) && rc == WN_SUCCESS) {
            const nr_problem *pb = r->problems.n > before ? &r->problems.v[r->problems.n - 1] : NULL;
            rc = nr__fail(ERROR_DLL_INIT_FAILED, "critical plugin '%s' (%s) failed at stage %s: %s", m->name,
                          m->path, pb ? nr_stage_name(pb->stage) : "?", pb ? pb->message : "unknown error");
        }
        nr__manifest_free(m);
    }
    free(manifests.v);

    r->all = (nr_plugin **)loaded.v;
    r->nall = loaded.n;
    r->providers = calloc(loaded.n + 1, sizeof *r->providers);
    r->notifiers = calloc(loaded.n + 1, sizeof *r->notifiers);
    if (!r->providers || !r->notifiers)
        return WN_OUT_OF_MEMORY;
    for (size_t i = 0; i < loaded.n; i++) {
        nr_plugin *p = loaded.v[i];
        if (p->m->kind == NR_PLUGIN_PROVIDER)
            r->providers[r->nproviders++] = p;
        else
            r->notifiers[r->nnotifiers++] = p;
    }
    return rc;
}

NR_PUBLIC DWORD nr_router_new(const nr_router_config *cfg, nr_router **out)
{
    DWORD rc = nr__api_enter(__func__);
    nr_router *r;
    if (rc)
        return rc;
    if (!out)
        return nr__fail(WN_BAD_POINTER, "nr_router_new(): out is NULL");
    *out = NULL;
    if (cfg && cfg->cbStructure < sizeof(nr_router_config))
        return nr__fail(WN_BAD_VALUE, "nr_router_new(): config->cbStructure is %u, expected at least %zu "
                        "(start from NR_ROUTER_CONFIG_INIT)", (unsigned)cfg->cbStructure, sizeof(nr_router_config));
    if (cfg && (cfg->flags & ~(NR_ROUTER_IGNORE_CRITICAL | NR_ROUTER_NO_STORE)))
        return nr__fail(WN_BAD_VALUE, "nr_router_new(): unknown flags 0x%x", (unsigned)cfg->flags);
    r = calloc(1, sizeof *r);
    if (!r)
        return WN_OUT_OF_MEMORY;
    pthread_mutex_init(&r->store_lock, NULL);
    r->retry_limit = cfg && cfg->retry_limit >= 0 ? cfg->retry_limit : NR_DEFAULT_RETRY_LIMIT;
    r->flags = cfg ? cfg->flags : 0;
    nr__logger_init(&r->logger, cfg ? cfg->log : NULL, cfg ? cfg->log_user : NULL);
    /* "" names no directory: the default, as for an empty NETROUTER_STATE_DIR.
     * A relative one is fixed now: a later chdir() must not move the store. */
    r->state_dir = cfg && !nr__str_empty(cfg->state_dir) ? strdup(cfg->state_dir) : nr_state_dir();
    if (r->state_dir && r->state_dir[0] != '/') {
        char *abs = nr__path_absolute(r->state_dir);
        free(r->state_dir);
        r->state_dir = abs;
    }

    rc = load_all(r, cfg);
    if (rc != WN_SUCCESS) {
        char text[1024];
        DWORD code;
        nr_get_last_error(&code, text, sizeof text, NULL, 0);
        nr_router_free(r);
        nr__set_last_error(code, text, NR_ROUTER_NAME); /* plugin shutdowns may have touched it */
        return rc;
    }
    /* Isolated plugins record their failures for the user's other programs,
     * and this router shows what they recorded. */
    for (size_t i = 0; i < r->nall; i++)
        nr__iso_attach(r->all[i], r->state_dir);
    nr__iso_read_records(r->state_dir, &r->problems, r->all, r->nall);
    *out = r;
    return WN_SUCCESS;
}

NR_PUBLIC void nr_router_free(nr_router *r)
{
    if (!r)
        return;
    for (size_t i = r->nall; i-- > 0;)
        nr__plugin_unload(r->all[i]);
    free(r->all);
    free(r->providers);
    free(r->notifiers);
    nr__problems_free(&r->problems);
    free(r->state_dir);
    pthread_mutex_destroy(&r->store_lock);
    free(r);
}

NR_PUBLIC size_t nr_router_plugin_count(const nr_router *r)
{
    return r ? r->nall : 0;
}

NR_PUBLIC DWORD nr_router_plugin_info(const nr_router *r, size_t index, nr_plugin_info *info)
{
    const nr_plugin *p;
    if (!r || !info)
        return WN_BAD_POINTER;
    if (index >= r->nall)
        return WN_BAD_VALUE;
    p = r->all[index];
    *info = (nr_plugin_info){
        .name = p->m->name,
        .kind = p->m->kind,
        .manifest = p->m->path,
        .library = p->m->library_path,
        .description = p->m->description,
        .order = p->m->order,
        .serialized = p->m->serialized,
        .critical = p->m->critical,
        .net_type = p->net_type,
        .caps_connection = p->caps_conn,
        .caps_enumeration = p->caps_enum,
        .has_add_notify = p->add_notify != NULL,
        .has_cancel_notify = p->cancel_notify != NULL,
        .charset = p->charset,
        .isolated = p->m->isolated,
        .timeout_ms = p->m->timeout_ms,
        .veto_on_failure = p->m->kind == NR_PLUGIN_NOTIFIER && p->m->veto_on_failure,
    };
    return WN_SUCCESS;
}

NR_PUBLIC size_t nr_router_problem_count(const nr_router *r)
{
    return r ? r->problems.n : 0;
}

NR_PUBLIC const nr_problem *nr_router_problem(const nr_router *r, size_t index)
{
    return r && index < r->problems.n ? &r->problems.v[index] : NULL;
}

NR_PUBLIC size_t nr_check_manifest(const char *path, nr_problem_fn fn, void *user)
{
    nr_problems ps = { 0 };
    const nr_logger silent = { 0 }; /* a plugin that is not initialised has no host to log through */
    nr_secfile_kind kind;
    char *why = NULL;
    size_t n, size = 0;
    int fd;

    if (nr__api_enter(__func__) != WN_SUCCESS) {
        nr__problem_add(&ps, path ? path : "", NR_STAGE_PARSE, NULL, NULL, 0, 0, ERROR_POSSIBLE_DEADLOCK,
                        "nr_check_manifest() was called from inside a plugin");
    } else if (!path) {
        nr__problem_add(&ps, "", NR_STAGE_PARSE, NULL, NULL, 0, 0, WN_BAD_POINTER, "no manifest path given");
    } else if ((fd = nr__secfile_open(path, false, &kind, &size, &why)) < 0) {
        nr__problem_add(&ps, path, NR_STAGE_PARSE, NULL, NULL, 0, 0, WN_ACCESS_DENIED, "%s", why);
    } else if (kind == NR_FILE_MASK) {
        close(fd);
        nr__problem_add(&ps, path, NR_STAGE_PARSE, NULL, NULL, 0, 0, WN_BAD_VALUE,
                        "the file is empty or /dev/null: it masks a manifest of the same name, it is not one");
    } else {
        char *abs = nr__path_absolute(path);
        nr_manifest *m = nr__manifest_parse(abs ? abs : path, fd, size, NULL, &ps);
        close(fd);
        free(abs);
        if (m && nr__manifest_resolve(m, &ps)) {
            nr_plugin *p = nr__plugin_load(&silent, m, false, &ps);
            if (p)
                nr__plugin_unload(p); /* frees m */
            else
                nr__manifest_free(m);
        } else {
            nr__manifest_free(m);
        }
    }
    free(why);
    for (size_t i = 0; fn && i < ps.n; i++)
        fn(user, &ps.v[i]);
    n = ps.n;
    nr__problems_free(&ps);
    return n;
}
