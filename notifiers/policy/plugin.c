/*
 * plugin.c - the "policy" notifier: before every add and cancel, the JSON
 * rules of a directory (netrouter-policy(5)) decide whether it may happen;
 * a denial vetoes it with WN_CANCEL and an extended error naming the rule
 * ("denied by policy rule /etc/netrouter/policy.d/10-x.json:3").
 *
 * Like every plugin it includes only the SDK, and the rules' own header
 * (notifiers/policy/rules/policy.h, C library only); the reading and the
 * deciding are the rules library's, shared with `netrouter policy check`.
 *
 * It owns the loaded rule set: read at the first operation and again
 * whenever a file of the directory changed, so an edit applies to the next
 * operation without restarting anything.  The rule set is reference-counted
 * so that concurrent calls decide outside the lock.  Problems of the rule
 * files are logged (warnings, file:line:column: key: message) once per
 * reading, and, read once at NrPluginInit, reported as problem records of
 * the router (pfnReportProblem: file, line, key) that `netrouter plugins`
 * lists.  The calling user is the process's real user ID.
 *
 * As with the log notifier, several routers of one process share this one
 * copy: the first NrPluginInit configures, later ones only count, the last
 * NrPluginShutdown releases.  While more than one router holds it, the
 * host of the first may already be gone, so warnings and extended errors
 * are not given (a denial still vetoes; the router then names the notifier).
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <netrouter/npapi.h>

#include "policy.h"

NR_PLUGIN_DEFINE_ABI_VERSION()

/* A rule set and the calls still deciding with it. */
typedef struct loaded {
    nr_policy *policy;
    unsigned refs; /* under state_lock */
} loaded;

static pthread_mutex_t state_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned init_refs;
static char *init_config;              /* the config text the plugin was set up with */
static nr_policy_config config;
static const NR_PLUGIN_HOST *host;     /* NULL while two routers share us */
static loaded *current;                /* NULL until the first operation */

/* What becomes of a file with a problem. */
static const char *consequence(const nr_policy_problem *p)
{
    return p->line > 0 || strcmp(p->file, config.dir) ? "the file is skipped" : "every operation is denied";
}

/* A problem of a rule file, as a problem record of the router (at init). */
static void report_problem(void *user, const nr_policy_problem *p)
{
    const NR_PLUGIN_HOST *h = user;
    char text[512];
    snprintf(text, sizeof text, "%s; %s", p->message, consequence(p));
    h->pfnReportProblem(h, p->file, p->line > 0 ? (DWORD)p->line : 0, p->key, text);
}

/* Reads the rules once at NrPluginInit so that `netrouter plugins` lists
 * what is wrong with them; the operations read them again (acquire). */
static void report_rules(const NR_PLUGIN_HOST *h)
{
    if (NR_HOST_HAS(h, pfnReportProblem))
        nr_policy_free(nr_policy_load(config.dir, report_problem, (void *)h));
}

NR_PLUGIN_EXPORT DWORD APIENTRY NrPluginInit(const NR_PLUGIN_HOST *h)
{
    const char *text = h->lpConfigJson ? h->lpConfigJson : "{}";
    char why[256];
    DWORD rc = WN_SUCCESS;

    pthread_mutex_lock(&state_lock);
    if (init_refs > 0) {
        if (strcmp(text, init_config))
            h->pfnLog(h, NR_LOG_WARNING, "already initialised by another router of this process; its config is "
                      "kept, this one is ignored");
        init_refs++;
        host = NULL;
        report_rules(h);
        goto out;
    }
    if (nr_policy_config_parse(text, &config, why, sizeof why) < 0) {
        h->pfnSetLastError(h, WN_BAD_VALUE, why);
        rc = WN_BAD_VALUE;
        goto out;
    }
    if (!(init_config = strdup(text))) {
        nr_policy_config_free(&config);
        rc = WN_OUT_OF_MEMORY;
        goto out;
    }
    host = h;
    init_refs = 1;
    report_rules(h);
out:
    pthread_mutex_unlock(&state_lock);
    return rc;
}

static void release(loaded *l)
{
    if (l && --l->refs == 0) {
        nr_policy_free(l->policy);
        free(l);
    }
}

NR_PLUGIN_EXPORT void APIENTRY NrPluginShutdown(void)
{
    pthread_mutex_lock(&state_lock);
    if (init_refs > 0 && --init_refs == 0) {
        release(current);
        current = NULL;
        nr_policy_config_free(&config);
        free(init_config);
        init_config = NULL;
        host = NULL;
    }
    pthread_mutex_unlock(&state_lock);
}

/* A problem of a rule file, as one warning. */
static void log_problem(void *user, const nr_policy_problem *p)
{
    const NR_PLUGIN_HOST *h = user;
    if (!h)
        return;
    if (p->line > 0)
        h->pfnLog(h, NR_LOG_WARNING, "%s:%d:%d: %s%s%s; the file is skipped", p->file, p->line, p->column,
                  p->key ? p->key : "", p->key ? ": " : "", p->message);
    else
        h->pfnLog(h, NR_LOG_WARNING, "%s: %s%s%s%s", p->file, p->key ? p->key : "", p->key ? ": " : "", p->message,
                  strcmp(p->file, config.dir) ? "; the file is skipped" : "; every operation is denied");
}

/* The rule set to decide with (a reference the caller releases), read
 * again first when the directory changed; NULL when memory is short. */
static loaded *acquire(void)
{
    loaded *l;
    pthread_mutex_lock(&state_lock);
    if (!current || nr_policy_changed(current->policy)) {
        nr_policy *p = nr_policy_load(config.dir, log_problem, (void *)host);
        loaded *fresh = p ? malloc(sizeof *fresh) : NULL;
        if (fresh) {
            *fresh = (loaded){ p, 1 };
            release(current);
            current = fresh;
            if (host)
                host->pfnLog(host, NR_LOG_DEBUG, "%zu rule%s in %zu file%s of %s", nr_policy_rule_count(p),
                             nr_policy_rule_count(p) == 1 ? "" : "s", nr_policy_file_count(p),
                             nr_policy_file_count(p) == 1 ? "" : "s", config.dir);
        } else {
            nr_policy_free(p);
        }
    }
    l = current;
    if (l)
        l->refs++;
    pthread_mutex_unlock(&state_lock);
    return l;
}

static void put(loaded *l)
{
    pthread_mutex_lock(&state_lock);
    release(l);
    pthread_mutex_unlock(&state_lock);
}

/* PRE: decides; a denial returns WN_CANCEL with the rule as extended error. */
static DWORD decide(nr_policy_op op, const char *remote, const char *local, const char *provider)
{
    loaded *l = acquire();
    nr_policy_subject *me = NULL;
    nr_policy_decision d;
    char text[1024];
    const NR_PLUGIN_HOST *h;

    if (!l) {
        h = host;
        if (h)
            h->pfnSetLastError(h, WN_CANCEL, "denied by policy: out of memory reading the rules");
        return WN_CANCEL;
    }
    if (nr_policy_uses_identity(l->policy) && !(me = nr_policy_subject_of_uid(getuid(), getgid()))) {
        put(l);
        h = host;
        if (h)
            h->pfnSetLastError(h, WN_CANCEL, "denied by policy: cannot tell who is asking (out of memory)");
        return WN_CANCEL;
    }
    nr_policy_request rq = { .op = op, .remote = remote, .local = local, .provider = provider, .subject = me,
                             .minute = config.test_minute >= 0 ? config.test_minute : nr_policy_minute_now() };
    nr_policy_decide(l->policy, &rq, &d);
    nr_policy_describe(&d, text, sizeof text);
    nr_policy_subject_free(me);
    put(l);
    if (d.allow)
        return WN_SUCCESS;
    h = host;
    if (h) {
        h->pfnLog(h, NR_LOG_INFO, "%s of \"%s\" for uid %u: %s", op == NR_POLICY_ADD ? "add" : "cancel",
                  remote ? remote : "", (unsigned)getuid(), text);
        h->pfnSetLastError(h, WN_CANCEL, text);
    }
    return WN_CANCEL;
}

NR_PLUGIN_EXPORT DWORD APIENTRY AddConnectNotify(LPNOTIFYINFO info, LPNOTIFYADD add)
{
    if (info->dwNotifyStatus != NOTIFY_PRE)
        return WN_SUCCESS; /* no context is ever left, so no POST comes; nothing to do in one */
    return decide(NR_POLICY_ADD, add->NetResource.lpRemoteName, add->NetResource.lpLocalName,
                  add->NetResource.lpProvider);
}

NR_PLUGIN_EXPORT DWORD APIENTRY CancelConnectNotify(LPNOTIFYINFO info, LPNOTIFYCANCEL cancel)
{
    if (info->dwNotifyStatus != NOTIFY_PRE)
        return WN_SUCCESS;
    return decide(NR_POLICY_CANCEL, cancel->lpName, NULL, cancel->lpProvider);
}
