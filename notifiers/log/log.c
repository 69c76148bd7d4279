/*
 * log.c - the "log" notifier: one JSON line for every PRE and POST of an
 * add-connection or cancel-connection, to syslog, a file or stderr.
 *
 * A line holds time, pid, op ("add" or "cancel"), phase ("pre" or "post"),
 * retry (true on the PRE of a retry), the resource (local, remote, provider,
 * type, flags; or name, provider, flags, force), the operation's status as
 * a number and its text (status_text), and in POST the duration since PRE
 * (duration_us).  Like every plugin it includes only the SDK.
 *
 * It owns its configuration (parsed once in NrPluginInit and read-only
 * afterwards, so the notify entry points need no lock) and the per-operation
 * context that pairs a POST with its PRE to measure the duration.  It never
 * vetoes and never changes a result: every notify entry point returns
 * WN_SUCCESS, whatever happens to the log line.
 *
 * The same library can be initialised by several routers of one process
 * (the dynamic loader hands every router the same copy), so initialisation is
 * reference-counted: the first NrPluginInit configures, later ones only count
 * (a different config is ignored, with a warning), the last NrPluginShutdown
 * releases.
 */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include <netrouter/npapi.h>

NR_PLUGIN_DEFINE_ABI_VERSION()

enum log_target { TARGET_SYSLOG, TARGET_FILE, TARGET_STDERR };

/* Set by the first NrPluginInit, cleared by the last NrPluginShutdown. */
static pthread_mutex_t state_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned init_refs;
static char *init_config;            /* the config text the plugin was set up with */
static enum log_target target = TARGET_SYSLOG;
static int log_fd = -1;              /* TARGET_FILE: the file; TARGET_STDERR: 2 */
static char *log_ident;              /* TARGET_SYSLOG: kept alive for openlog() */
static LPCSTR (*str_error)(DWORD);   /* host->pfnStrError */
static const NR_PLUGIN_HOST *log_host; /* for warnings; NULL while two routers share us */
static bool write_warned;

/* What PRE leaves in lpContext for POST. */
typedef struct log_context {
    struct timespec start;
} log_context;

/* When PRE cannot allocate a context it still asks for a POST with this one;
 * that POST then logs no duration. */
static log_context no_context;

/* ---- configuration ---------------------------------------------------------------- */

static DWORD refuse(const NR_PLUGIN_HOST *host, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static DWORD refuse(const NR_PLUGIN_HOST *host, const char *fmt, ...)
{
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    host->pfnSetLastError(host, WN_BAD_VALUE, text);
    return WN_BAD_VALUE;
}

/* A string member of the config, or NULL when absent; *bad is set when the
 * member is there but not a non-empty string. */
static const char *config_string(json_t *config, const char *key, bool *bad)
{
    json_t *v = json_object_get(config, key);
    if (!v)
        return NULL;
    if (!json_is_string(v) || json_string_length(v) == 0 || strlen(json_string_value(v)) != json_string_length(v)) {
        *bad = true;
        return NULL;
    }
    return json_string_value(v);
}

/* Parses host->lpConfigJson and opens the output.  Everything it sets is
 * released by release_output(). */
static DWORD configure(const NR_PLUGIN_HOST *host)
{
    const char *text = host->lpConfigJson ? host->lpConfigJson : "{}";
    json_error_t err;
    json_t *config = json_loads(text, JSON_REJECT_DUPLICATES, &err);
    const char *key, *tname, *path, *ident;
    json_t *value;
    bool bad = false;
    DWORD rc = WN_SUCCESS;

    if (!config)
        return refuse(host, "config: not valid JSON (line %d, column %d: %s)", err.line, err.column, err.text);
    if (!json_is_object(config)) {
        rc = refuse(host, "config: expected a JSON object");
        goto out;
    }
    json_object_foreach(config, key, value) {
        if (strcmp(key, "target") && strcmp(key, "path") && strcmp(key, "ident") && strncmp(key, "x-", 2)) {
            rc = refuse(host, "config: unknown key \"%s\" (known: \"target\", \"path\", \"ident\")", key);
            goto out;
        }
    }

    tname = config_string(config, "target", &bad);
    if (bad) {
        rc = refuse(host, "config \"target\": expected \"syslog\", \"file\" or \"stderr\"");
        goto out;
    }
    path = config_string(config, "path", &bad);
    if (bad) {
        rc = refuse(host, "config \"path\": expected a file name");
        goto out;
    }
    ident = config_string(config, "ident", &bad);
    if (bad) {
        rc = refuse(host, "config \"ident\": expected a non-empty string");
        goto out;
    }

    if (!tname || !strcmp(tname, "syslog"))
        target = TARGET_SYSLOG;
    else if (!strcmp(tname, "file"))
        target = TARGET_FILE;
    else if (!strcmp(tname, "stderr"))
        target = TARGET_STDERR;
    else {
        rc = refuse(host, "config \"target\": \"%s\" is not one of \"syslog\", \"file\", \"stderr\"", tname);
        goto out;
    }

    if (target == TARGET_FILE) {
        if (!path) {
            rc = refuse(host, "config \"path\": required when \"target\" is \"file\"");
            goto out;
        }
        if (path[0] != '/') {
            rc = refuse(host, "config \"path\": \"%s\" is not an absolute file name", path);
            goto out;
        }
        /* O_NONBLOCK: a FIFO in its place must not hang every netrouter
         * process in open(); the log is a regular file or nothing. */
        struct stat st;
        /* A first look: a device there is never opened at all (opening one
         * can have effects of its own); the open descriptor is judged again. */
        if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
            rc = refuse(host, "config \"path\": %s is not a regular file", path);
            goto out;
        }
        log_fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0600);
        if (log_fd < 0 && errno == ENXIO) { /* a FIFO nobody reads */
            rc = refuse(host, "config \"path\": %s is not a regular file (a FIFO or a device)", path);
            goto out;
        }
        if (log_fd < 0) {
            rc = refuse(host, "config \"path\": cannot open %s: %s", path, strerror(errno));
            goto out;
        }
        if (fstat(log_fd, &st) < 0 || !S_ISREG(st.st_mode)) {
            close(log_fd);
            log_fd = -1;
            rc = refuse(host, "config \"path\": %s is not a regular file", path);
            goto out;
        }
        fcntl(log_fd, F_SETFL, O_APPEND);
    } else if (path) {
        rc = refuse(host, "config \"path\": only meaningful when \"target\" is \"file\"");
        goto out;
    } else if (target == TARGET_STDERR) {
        log_fd = STDERR_FILENO;
    } else {
        /* openlog() keeps the pointer, so the ident must outlive it. */
        log_ident = strdup(ident ? ident : "netrouter");
        if (!log_ident) {
            rc = WN_OUT_OF_MEMORY;
            goto out;
        }
        openlog(log_ident, LOG_PID, LOG_USER);
    }

out:
    json_decref(config);
    return rc;
}

static void release_output(void)
{
    if (target == TARGET_FILE && log_fd >= 0)
        close(log_fd);
    if (target == TARGET_SYSLOG && log_ident)
        closelog();
    log_fd = -1;
    free(log_ident);
    log_ident = NULL;
    target = TARGET_SYSLOG;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NrPluginInit(const NR_PLUGIN_HOST *host)
{
    const char *config = host->lpConfigJson ? host->lpConfigJson : "{}";
    DWORD rc = WN_SUCCESS;

    pthread_mutex_lock(&state_lock);
    if (init_refs > 0) {
        /* Another router of this process already set us up. */
        if (strcmp(config, init_config))
            host->pfnLog(host, NR_LOG_WARNING,
                         "already initialised by another router of this process; its config is kept, "
                         "this one is ignored");
        init_refs++;
        log_host = NULL;
        goto out;
    }
    init_config = strdup(config);
    if (!init_config) {
        rc = WN_OUT_OF_MEMORY;
        goto out;
    }
    rc = configure(host);
    if (rc != WN_SUCCESS) {
        release_output();
        free(init_config);
        init_config = NULL;
        goto out;
    }
    str_error = host->pfnStrError;
    log_host = host;
    write_warned = false;
    init_refs = 1;
out:
    pthread_mutex_unlock(&state_lock);
    return rc;
}

NR_PLUGIN_EXPORT void APIENTRY NrPluginShutdown(void)
{
    pthread_mutex_lock(&state_lock);
    if (init_refs > 0 && --init_refs == 0) {
        release_output();
        free(init_config);
        init_config = NULL;
        log_host = NULL;
    }
    pthread_mutex_unlock(&state_lock);
}

/* ---- records -------------------------------------------------------------------------- */

/* Names are UTF-8 by contract; a name that is not still gets logged, with
 * its bytes outside ASCII shown as '?', rather than dropped. */
static void set_string(json_t *rec, const char *key, const char *value)
{
    json_t *v = value ? json_string(value) : json_null();
    if (!v) {
        char *copy = strdup(value);
        if (copy) {
            for (char *p = copy; *p; p++)
                if ((unsigned char)*p >= 0x80)
                    *p = '?';
            v = json_string(copy);
            free(copy);
        }
    }
    json_object_set_new(rec, key, v ? v : json_null());
}

/* A record with the fields every line has. */
static json_t *record_new(const char *op, const NOTIFYINFO *info)
{
    json_t *rec = json_object();
    struct timespec now;
    struct tm tm;
    char stamp[64];
    bool pre = info->dwNotifyStatus == NOTIFY_PRE;

    if (!rec)
        return NULL;
    clock_gettime(CLOCK_REALTIME, &now);
    gmtime_r(&now.tv_sec, &tm);
    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(stamp + strlen(stamp), sizeof stamp - strlen(stamp), ".%06ldZ", now.tv_nsec / 1000);
    set_string(rec, "time", stamp);
    json_object_set_new(rec, "pid", json_integer(getpid()));
    set_string(rec, "op", op);
    set_string(rec, "phase", pre ? "pre" : "post");
    if (pre && info->dwOperationStatus == WN_RETRY)
        json_object_set_new(rec, "retry", json_true());
    return rec;
}

/* Adds status, status_text and, in POST, the duration since PRE. */
static void record_finish(json_t *rec, const NOTIFYINFO *info)
{
    DWORD status = info->dwOperationStatus;
    const char *text = str_error ? str_error(status) : NULL;

    json_object_set_new(rec, "status", json_integer(status));
    set_string(rec, "status_text", text);
    if (info->dwNotifyStatus == NOTIFY_POST && info->lpContext && info->lpContext != &no_context) {
        const log_context *ctx = info->lpContext;
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        long long us = (long long)(now.tv_sec - ctx->start.tv_sec) * 1000000 +
                       (now.tv_nsec - ctx->start.tv_nsec) / 1000;
        json_object_set_new(rec, "duration_us", json_integer(us));
    }
}

/* Writes one record as one line with one write(), or to syslog. */
static void record_emit(json_t *rec)
{
    size_t n = json_dumpb(rec, NULL, 0, JSON_COMPACT);
    char *line;

    if (n == 0)
        return;
    line = malloc(n + 1);
    if (!line)
        return;
    json_dumpb(rec, line, n, JSON_COMPACT);
    if (target == TARGET_SYSLOG) {
        line[n] = '\0';
        syslog(LOG_INFO, "%s", line);
    } else if (log_fd >= 0) {
        line[n] = '\n';
        ssize_t w = write(log_fd, line, n + 1);
        if (w != (ssize_t)(n + 1)) {
            /* Never disturb the operation; say it once, if someone listens. */
            int e = errno;
            pthread_mutex_lock(&state_lock);
            if (!write_warned && log_host) {
                write_warned = true;
                log_host->pfnLog(log_host, NR_LOG_WARNING, "cannot write the log: %s",
                                 w < 0 ? strerror(e) : "short write");
            }
            pthread_mutex_unlock(&state_lock);
        }
    }
    free(line);
}

/* PRE: leaves a context so that the router sends a POST.  POST: frees it. */
static void context_begin(NOTIFYINFO *info)
{
    log_context *ctx = malloc(sizeof *ctx);
    if (ctx)
        clock_gettime(CLOCK_MONOTONIC, &ctx->start);
    info->lpContext = ctx ? ctx : &no_context;
}

static void context_end(NOTIFYINFO *info)
{
    if (info->lpContext != &no_context)
        free(info->lpContext);
    info->lpContext = NULL;
}

/* ---- entry points ------------------------------------------------------------------- */

NR_PLUGIN_EXPORT DWORD APIENTRY AddConnectNotify(LPNOTIFYINFO info, LPNOTIFYADD add)
{
    bool pre = info->dwNotifyStatus == NOTIFY_PRE;
    json_t *rec;

    if (pre)
        context_begin(info);
    rec = record_new("add", info);
    if (rec) {
        set_string(rec, "local", add->NetResource.lpLocalName);
        set_string(rec, "remote", add->NetResource.lpRemoteName);
        set_string(rec, "provider", add->NetResource.lpProvider);
        json_object_set_new(rec, "type", json_integer(add->NetResource.dwType));
        json_object_set_new(rec, "flags", json_integer(add->dwAddFlags));
        record_finish(rec, info);
        record_emit(rec);
        json_decref(rec);
    }
    if (!pre)
        context_end(info);
    return WN_SUCCESS;
}

NR_PLUGIN_EXPORT DWORD APIENTRY CancelConnectNotify(LPNOTIFYINFO info, LPNOTIFYCANCEL cancel)
{
    bool pre = info->dwNotifyStatus == NOTIFY_PRE;
    json_t *rec;

    if (pre)
        context_begin(info);
    rec = record_new("cancel", info);
    if (rec) {
        set_string(rec, "name", cancel->lpName);
        set_string(rec, "provider", cancel->lpProvider);
        json_object_set_new(rec, "flags", json_integer(cancel->dwFlags));
        json_object_set_new(rec, "force", json_boolean(cancel->fForce));
        record_finish(rec, info);
        record_emit(rec);
        json_decref(rec);
    }
    if (!pre)
        context_end(info);
    return WN_SUCCESS;
}
