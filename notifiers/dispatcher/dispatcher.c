/*
 * dispatcher.c - the "dispatcher" notifier: runs the executables of
 * dispatcher.d (NetworkManager-dispatcher style) for pre-add, post-add,
 * pre-cancel and post-cancel, synchronously, in lexical order.
 *
 * A script gets the action as $1 and the operation in its environment
 * (NETROUTER_*, and for a dial-up link "ras:ENTRY" NetworkManager's names:
 * CONNECTION_ID, DEVICE_IFACE, DEVICE_IP_IFACE, IP4_*); see
 * netrouter-dispatcher(8).  A pre-* script that exits non-zero, dies, cannot
 * be started or (by default) passes its deadline vetoes: the operation
 * fails with WN_CANCEL, the extended error (pfnSetLastError, code WN_CANCEL)
 * being the first line of the script's standard error, and the scripts
 * after it do not run.  A post-* script cannot veto: its failure is logged.
 *
 * It owns the configuration (parsed once in NrPluginInit, read-only
 * afterwards: the plugin is "concurrent", two operations' scripts may run
 * at the same time), the environment of each action and the verdict;
 * scripts.c chooses the scripts, run.c runs one, raslink.c asks the RAS
 * library about a link.  Like every plugin it includes only the SDK.
 *
 * The library can be initialised by several routers of one process (the
 * dynamic loader hands each the same copy): the first configures, later
 * ones only count (their config is ignored, with a warning), and while more
 * than one router holds it the plugin has no host to log through or to set
 * an extended error with (NrPluginShutdown does not say which router goes),
 * so scripts still run and veto, silently.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* pipe2, vasprintf */
#endif
#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <netrouter/npapi.h>

#include "raslink.h"
#include "run.h"
#include "scripts.h"

#ifndef NR_DISPATCHER_DIR
#define NR_DISPATCHER_DIR "/etc/netrouter/dispatcher.d"
#endif

#define DEFAULT_TIMEOUT_MS 30000u
#define MAX_TIMEOUT_MS 3600000u
#define SCRIPT_PATH "PATH=/usr/sbin:/usr/bin:/sbin:/bin"
#define SCRIPT_LANG "LANG=C.UTF-8"

NR_PLUGIN_DEFINE_ABI_VERSION()

static pthread_mutex_t state_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned init_refs;
static char *init_config;
static const NR_PLUGIN_HOST *host; /* NULL while two routers share the plugin */
static char **dirs;
static size_t ndirs;
static unsigned timeout_ms = DEFAULT_TIMEOUT_MS;
static bool timeout_vetoes = true;

/* What a PRE leaves for its POST: for a cancel, the link as it was before
 * it went, so that post-cancel scripts see the interface and addresses. */
typedef struct dsp_context {
    dsp_raslink link;
} dsp_context;

static dsp_context no_context; /* when PRE cannot allocate one */

/* ---- configuration ------------------------------------------------------------------ */

static DWORD refuse(const NR_PLUGIN_HOST *h, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static DWORD refuse(const NR_PLUGIN_HOST *h, const char *fmt, ...)
{
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    h->pfnSetLastError(h, WN_BAD_VALUE, text);
    return WN_BAD_VALUE;
}

static void release_config(void)
{
    for (size_t i = 0; i < ndirs; i++)
        free(dirs[i]);
    free(dirs);
    dirs = NULL;
    ndirs = 0;
    timeout_ms = DEFAULT_TIMEOUT_MS;
    timeout_vetoes = true;
}

static DWORD take_directories(const NR_PLUGIN_HOST *h, json_t *list)
{
    size_t i;
    json_t *v;
    if (!list) {
        list = json_pack("[s]", NR_DISPATCHER_DIR);
        if (!list)
            return WN_OUT_OF_MEMORY;
        DWORD rc = take_directories(h, list);
        json_decref(list);
        return rc;
    }
    if (!json_is_array(list))
        return refuse(h, "config \"directories\": expected an array of absolute directory names");
    if (!(dirs = calloc(json_array_size(list) + 1, sizeof *dirs)))
        return WN_OUT_OF_MEMORY;
    json_array_foreach(list, i, v) {
        const char *s = json_string_value(v);
        if (!s || s[0] != '/' || strlen(s) != json_string_length(v))
            return refuse(h, "config \"directories\"[%zu]: expected an absolute directory name", i);
        if (!(dirs[ndirs] = strdup(s)))
            return WN_OUT_OF_MEMORY;
        ndirs++;
    }
    return WN_SUCCESS;
}

static DWORD configure(const NR_PLUGIN_HOST *h)
{
    json_error_t err;
    json_t *config = json_loads(h->lpConfigJson ? h->lpConfigJson : "{}", JSON_REJECT_DUPLICATES, &err);
    json_t *value, *t;
    const char *key;
    DWORD rc = WN_SUCCESS;

    if (!config)
        return refuse(h, "config: not valid JSON (line %d, column %d: %s)", err.line, err.column, err.text);
    if (!json_is_object(config)) {
        rc = refuse(h, "config: expected a JSON object");
        goto out;
    }
    json_object_foreach(config, key, value) {
        if (strcmp(key, "directories") && strcmp(key, "timeout_ms") && strcmp(key, "timeout_vetoes") &&
            strncmp(key, "x-", 2)) {
            rc = refuse(h, "config: unknown key \"%s\" (known: \"directories\", \"timeout_ms\", \"timeout_vetoes\")",
                        key);
            goto out;
        }
    }
    if ((t = json_object_get(config, "timeout_ms"))) {
        if (!json_is_integer(t) || json_integer_value(t) < 1 || json_integer_value(t) > MAX_TIMEOUT_MS) {
            rc = refuse(h, "config \"timeout_ms\": expected an integer from 1 to %u", MAX_TIMEOUT_MS);
            goto out;
        }
        timeout_ms = (unsigned)json_integer_value(t);
    }
    if ((t = json_object_get(config, "timeout_vetoes"))) {
        if (!json_is_boolean(t)) {
            rc = refuse(h, "config \"timeout_vetoes\": expected true or false");
            goto out;
        }
        timeout_vetoes = json_is_true(t);
    }
    rc = take_directories(h, json_object_get(config, "directories"));
out:
    json_decref(config);
    return rc;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NrPluginInit(const NR_PLUGIN_HOST *h)
{
    const char *config = h->lpConfigJson ? h->lpConfigJson : "{}";
    DWORD rc = WN_SUCCESS;

    pthread_mutex_lock(&state_lock);
    if (init_refs > 0) {
        if (strcmp(config, init_config))
            h->pfnLog(h, NR_LOG_WARNING,
                      "already initialised by another router of this process; its config is kept, this one is ignored");
        init_refs++;
        host = NULL;
        if (dsp_scripts_report(h, dirs, ndirs) < 0)
            rc = WN_OUT_OF_MEMORY;
        goto out;
    }
    if (!(init_config = strdup(config))) {
        rc = WN_OUT_OF_MEMORY;
        goto out;
    }
    rc = configure(h);
    if (rc != WN_SUCCESS) {
        release_config();
        free(init_config);
        init_config = NULL;
        goto out;
    }
    host = h;
    init_refs = 1;
    dsp_scripts_report(h, dirs, ndirs); /* unsafe files as problem records; out of memory: the warnings remain */
out:
    pthread_mutex_unlock(&state_lock);
    return rc;
}

NR_PLUGIN_EXPORT void APIENTRY NrPluginShutdown(void)
{
    pthread_mutex_lock(&state_lock);
    if (init_refs > 0 && --init_refs == 0) {
        release_config();
        free(init_config);
        init_config = NULL;
        host = NULL;
        dsp_raslink_close();
    }
    pthread_mutex_unlock(&state_lock);
}

/* The host to log through, or NULL (while two routers share the plugin). */
static const NR_PLUGIN_HOST *current_host(void)
{
    const NR_PLUGIN_HOST *h;
    pthread_mutex_lock(&state_lock);
    h = host;
    pthread_mutex_unlock(&state_lock);
    return h;
}

/* ---- the environment of an action ------------------------------------------------------- */

#define ENV_MAX 24

typedef struct env {
    char *v[ENV_MAX + 1];
    size_t n;
    bool oom;
} env;

static void env_add(env *e, const char *name, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void env_add(env *e, const char *name, const char *fmt, ...)
{
    char *value = NULL, *pair = NULL;
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(&value, fmt, ap) < 0)
        value = NULL;
    va_end(ap);
    if (!value || e->n == ENV_MAX || asprintf(&pair, "%s=%s", name, value) < 0)
        pair = NULL;
    free(value);
    if (!pair) {
        e->oom = true;
        return;
    }
    e->v[e->n++] = pair;
}

static void env_free(env *e)
{
    for (size_t i = 0; i < e->n; i++)
        free(e->v[i]);
    e->n = 0;
}

/* PATH, LANG, the action, the user, and the status in POST. */
static void env_common(env *e, const NR_PLUGIN_HOST *h, const char *action, const NOTIFYINFO *info)
{
    uid_t uid = getuid();
    struct passwd pw, *found = NULL;
    char buf[4096];

    e->v[e->n++] = strdup(SCRIPT_PATH);
    e->v[e->n++] = strdup(SCRIPT_LANG);
    if (!e->v[0] || !e->v[1])
        e->oom = true;
    env_add(e, "NETROUTER_ACTION", "%s", action);
    getpwuid_r(uid, &pw, buf, sizeof buf, &found);
    env_add(e, "NETROUTER_USER", "%s", found ? found->pw_name : "");
    env_add(e, "NETROUTER_UID", "%u", (unsigned)uid);
    if (info->dwNotifyStatus == NOTIFY_POST) {
        LPCSTR text = h ? h->pfnStrError(info->dwOperationStatus) : NULL;
        env_add(e, "NETROUTER_STATUS", "%u", (unsigned)info->dwOperationStatus);
        env_add(e, "NETROUTER_STATUS_TEXT", "%s", text ? text : "");
    }
}

/* The entry of a dial-up name "ras:ENTRY", or NULL. */
static const char *ras_entry(const char *remote, const char *provider)
{
    if (!remote || strncmp(remote, "ras:", 4) || !remote[4])
        return NULL;
    if (provider && *provider && strcmp(provider, "ras"))
        return NULL;
    return remote + 4;
}

/* NetworkManager's names for what they mean here too. */
static void env_ras(env *e, const char *entry, const dsp_raslink *link)
{
    env_add(e, "CONNECTION_ID", "%s", entry);
    if (!link || !link->found)
        return;
    if (link->device[0])
        env_add(e, "DEVICE_IFACE", "%s", link->device);
    if (link->iface[0])
        env_add(e, "DEVICE_IP_IFACE", "%s", link->iface);
    if (link->address[0]) {
        env_add(e, "IP4_NUM_ADDRESSES", "1");
        env_add(e, "IP4_ADDRESS_0", "%s/32 %s", link->address, link->gateway);
        env_add(e, "IP4_GATEWAY", "%s", link->gateway);
    }
    if (link->nameservers[0]) /* as NetworkManager: only when there are some */
        env_add(e, "IP4_NAMESERVERS", "%s", link->nameservers);
}

/* ---- running the scripts of an action ------------------------------------------------- */

/* Runs every script of action with e; for a pre-* action the first that
 * fails vetoes (WN_CANCEL, the extended error set) and ends the run. */
static DWORD run_all(const NR_PLUGIN_HOST *h, const char *action, bool pre, env *e)
{
    dsp_script *scripts;
    size_t n;
    DWORD rc = WN_SUCCESS;

    if (e->oom)
        return pre ? WN_OUT_OF_MEMORY : WN_SUCCESS;
    e->v[e->n] = NULL;
    if (dsp_scripts_list(h, dirs, ndirs, &scripts, &n) < 0)
        return pre ? WN_OUT_OF_MEMORY : WN_SUCCESS;
    for (size_t i = 0; i < n && rc == WN_SUCCESS; i++) {
        char label[600], how[200], text[800];
        char *argv[] = { scripts[i].path, (char *)action, NULL };
        dsp_result res;

        snprintf(label, sizeof label, "%s (%s)", scripts[i].path, action);
        if (h)
            h->pfnLog(h, NR_LOG_DEBUG, "running %s", label);
        dsp_run(h, label, scripts[i].path, argv, e->v, timeout_ms, &res);
        if (res.end == DSP_EXITED && res.code == 0)
            continue;
        dsp_describe(&res, timeout_ms, how, sizeof how);
        if (!pre || (res.end == DSP_TIMED_OUT && !timeout_vetoes)) {
            if (h)
                h->pfnLog(h, NR_LOG_WARNING, "%s failed (%s); %s", label, how,
                          pre ? "timeout_vetoes is false: the operation goes on" : "a post script cannot veto");
            continue;
        }
        if (res.end == DSP_TIMED_OUT || !res.first_err[0])
            snprintf(text, sizeof text, "dispatcher script %s refused %s: %s", scripts[i].path, action, how);
        else
            snprintf(text, sizeof text, "%s", res.first_err);
        if (h) {
            h->pfnLog(h, NR_LOG_NOTICE, "%s vetoed the operation (%s)", label, how);
            h->pfnSetLastError(h, WN_CANCEL, text);
        }
        rc = WN_CANCEL;
    }
    dsp_scripts_free(scripts, n);
    return rc;
}

static dsp_context *context_begin(NOTIFYINFO *info)
{
    dsp_context *ctx = calloc(1, sizeof *ctx);
    info->lpContext = ctx ? ctx : &no_context;
    return ctx;
}

static void context_end(NOTIFYINFO *info)
{
    if (info->lpContext != &no_context)
        free(info->lpContext);
    info->lpContext = NULL;
}

/* ---- entry points --------------------------------------------------------------------- */

NR_PLUGIN_EXPORT DWORD APIENTRY AddConnectNotify(LPNOTIFYINFO info, LPNOTIFYADD add)
{
    bool pre = info->dwNotifyStatus == NOTIFY_PRE;
    const NETRESOURCEA *r = &add->NetResource;
    const char *entry = ras_entry(r->lpRemoteName, r->lpProvider);
    const NR_PLUGIN_HOST *h = current_host();
    env e = { 0 };
    dsp_raslink link = { 0 };
    DWORD rc;

    env_common(&e, h, pre ? "pre-add" : "post-add", info);
    env_add(&e, "NETROUTER_LOCAL", "%s", r->lpLocalName ? r->lpLocalName : "");
    env_add(&e, "NETROUTER_REMOTE", "%s", r->lpRemoteName ? r->lpRemoteName : "");
    env_add(&e, "NETROUTER_PROVIDER", "%s", r->lpProvider ? r->lpProvider : "");
    env_add(&e, "NETROUTER_FLAGS", "%u", (unsigned)add->dwAddFlags);
    if (entry) {
        if (!pre && info->dwOperationStatus == WN_SUCCESS)
            dsp_raslink_lookup(entry, &link);
        env_ras(&e, entry, &link);
    }
    if (pre)
        context_begin(info);
    rc = run_all(h, pre ? "pre-add" : "post-add", pre, &e);
    env_free(&e);
    if (!pre || rc != WN_SUCCESS)
        context_end(info);
    return pre ? rc : WN_SUCCESS;
}

NR_PLUGIN_EXPORT DWORD APIENTRY CancelConnectNotify(LPNOTIFYINFO info, LPNOTIFYCANCEL cancel)
{
    bool pre = info->dwNotifyStatus == NOTIFY_PRE;
    const char *name = cancel->lpName ? cancel->lpName : "";
    bool local = name[0] == '/';
    const char *entry = local ? NULL : ras_entry(name, cancel->lpProvider);
    const NR_PLUGIN_HOST *h = current_host();
    dsp_context *ctx = NULL;
    env e = { 0 };
    DWORD rc;

    env_common(&e, h, pre ? "pre-cancel" : "post-cancel", info);
    env_add(&e, "NETROUTER_NAME", "%s", name);
    env_add(&e, "NETROUTER_LOCAL", "%s", local ? name : "");
    env_add(&e, "NETROUTER_REMOTE", "%s", local ? "" : name);
    env_add(&e, "NETROUTER_PROVIDER", "%s", cancel->lpProvider ? cancel->lpProvider : "");
    env_add(&e, "NETROUTER_FLAGS", "%u", (unsigned)cancel->dwFlags);
    env_add(&e, "NETROUTER_FORCE", "%d", cancel->fForce ? 1 : 0);
    if (pre)
        ctx = context_begin(info);
    else if (info->lpContext != &no_context)
        ctx = info->lpContext;
    if (entry) {
        /* The link is looked up before it goes; POST shows what PRE saw. */
        if (pre && ctx)
            dsp_raslink_lookup(entry, &ctx->link);
        env_ras(&e, entry, ctx ? &ctx->link : NULL);
    }
    rc = run_all(h, pre ? "pre-cancel" : "post-cancel", pre, &e);
    env_free(&e);
    if (!pre || rc != WN_SUCCESS)
        context_end(info);
    return pre ? rc : WN_SUCCESS;
}
