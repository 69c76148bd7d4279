/*
 * isolate.c - the router's side of out-of-process plugins ("isolation":
 * "process", docs/design.md section 4, rule 9): starts a plugin's host
 * (netrouter-plugin-host, router/host/), forwards calls to it under the
 * manifest's deadline, and turns a host that crashes, exits or hangs into
 * one failed call, a log line and a problem record, never the
 * application's end.  router/common/ipc.h is the protocol; the notifier
 * calls are here, the provider calls in isolate-provider.c (isolate.h).
 *
 * The host is started when the plugin is loaded (so a plugin that does not
 * load is a load problem, as in process) and again at the first call after
 * a failure: at once after the first two consecutive failures, then no
 * sooner than 1 s, 2 s, 4 s ... (at most 60 s) after the last one; until
 * then calls fail at once.  A call that succeeds resets the count.
 *
 * Each calling thread gets a connection of its own to the host (an idle
 * one, else a new one passed over the host's descriptor 3), and waits for
 * its answer without a lock, so a "concurrent" plugin is entered by
 * several threads at once; a "serialized" one is called under p->serial,
 * as in process (and so over one connection).  The host inherits only its socket
 * (everything of ours is O_CLOEXEC and the spawn closes the rest), runs in
 * a process group of its own with the application's credentials, and the
 * group is killed when the plugin is unloaded, after a failure, and by the
 * host itself when our end of the socket closes.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "clock.h"
#include "env.h"
#include "isolate.h"

#ifndef NR_PLUGIN_HOST_PATH
#define NR_PLUGIN_HOST_PATH "/usr/local/libexec/netrouter/netrouter-plugin-host"
#endif
#define NR_ISO_PROBLEM_ROOM 64      /* failure records kept per router */
#define NR_ISOLATE_SPIN_US 50       /* an answer is looked for this long before sleeping */
#define NR_ISO_TOKEN_SHIFT 48       /* user-space addresses are below 2^47 */
#define STALE NR_ISO_STALE " the context or handle was made, so it means nothing now"

extern char **environ;

/* One socket to the host: its descriptor 3 (ctl), or a connection of one
 * calling thread (NR_IPC_CONNECT). */
typedef struct iso_conn {
    int fd;
    uint16_t gen;                   /* of the host it leads to */
    uint32_t next_id;
    struct iso_conn *next;          /* in the idle list */
    nr_ipc_in in;
    nr_ipc_out out;
} iso_conn;

struct nr_iso {
    pthread_mutex_t lock;           /* the fields below, never held while waiting for a call's answer */
    iso_conn ctl;                   /* ctl.fd -1: no host */
    pid_t pid;
    uint16_t gen;                   /* host generation, in the context tokens */
    unsigned failures;              /* consecutive */
    uint64_t retry_at;              /* nr_clock_ms() before which no restart */
    bool run_init;
    uint32_t version;               /* the protocol version agreed at HELLO */
    nr_problems *problems;          /* the router's */
    iso_conn *idle;                 /* connections of the current host no call uses */
    char *last_cause;               /* why the last host ended, for the other calls it was in */
    char *state_dir;                /* where failures are recorded (isolate-record.c), or NULL */
};

/* The connection of the call this thread is making (nr__iso_begin .. nr__iso_end). */
static __thread iso_conn *cur;

static pthread_mutex_t problems_lock = PTHREAD_MUTEX_INITIALIZER;

/* ---- stand-ins for the entry-point fields ------------------------------------------ */
/* The router tests these fields for NULL to know what a plugin offers;
 * plugin-call.c sends an isolated plugin's calls here before it would use
 * them, so they never run. */
static DWORD APIENTRY stub_add_notify(LPNOTIFYINFO i, LPNOTIFYADD a)
{
    (void)i, (void)a;
    return WN_NOT_SUPPORTED;
}

static DWORD APIENTRY stub_cancel_notify(LPNOTIFYINFO i, LPNOTIFYCANCEL c)
{
    (void)i, (void)c;
    return WN_NOT_SUPPORTED;
}

static DWORD APIENTRY stub_get_caps(DWORD i)
{
    (void)i;
    return 0;
}

static DWORD APIENTRY stub_add(LPNETRESOURCEA r, LPSTR pw, LPSTR u)
{
    (void)r, (void)pw, (void)u;
    return WN_NOT_SUPPORTED;
}

static DWORD APIENTRY stub_add3(HWND o, LPNETRESOURCEA r, LPSTR pw, LPSTR u, DWORD f)
{
    (void)o, (void)r, (void)pw, (void)u, (void)f;
    return WN_NOT_SUPPORTED;
}

static DWORD APIENTRY stub_cancel(LPSTR n, BOOL f)
{
    (void)n, (void)f;
    return WN_NOT_SUPPORTED;
}

static DWORD APIENTRY stub_name(LPSTR n, LPSTR b, LPDWORD l)
{
    (void)n, (void)b, (void)l;
    return WN_NOT_SUPPORTED;
}

static DWORD APIENTRY stub_universal_name(LPCSTR n, DWORD l, LPVOID b, LPDWORD s)
{
    (void)n, (void)l, (void)b, (void)s;
    return WN_NOT_SUPPORTED;
}

static DWORD APIENTRY stub_resource_information(LPNETRESOURCEA r, LPVOID b, LPDWORD s, LPSTR *y)
{
    (void)r, (void)b, (void)s, (void)y;
    return WN_NOT_SUPPORTED;
}

static DWORD APIENTRY stub_resource_parent(LPNETRESOURCEA r, LPVOID b, LPDWORD s)
{
    (void)r, (void)b, (void)s;
    return WN_NOT_SUPPORTED;
}

static DWORD APIENTRY stub_open_enum(DWORD s, DWORD t, DWORD u, LPNETRESOURCEA r, LPHANDLE h)
{
    (void)s, (void)t, (void)u, (void)r, (void)h;
    return WN_NOT_SUPPORTED;
}

static DWORD APIENTRY stub_enum_resource(HANDLE h, LPDWORD c, LPVOID b, LPDWORD s)
{
    (void)h, (void)c, (void)b, (void)s;
    return WN_NOT_SUPPORTED;
}

static DWORD APIENTRY stub_close_enum(HANDLE h)
{
    (void)h;
    return WN_NOT_SUPPORTED;
}

/* What the host says the plugin exports, as stand-ins. */
static void set_stubs(nr_plugin *p, uint32_t e)
{
    p->add_notify = e & NR_IPC_HAS_ADD_NOTIFY ? stub_add_notify : NULL;
    p->cancel_notify = e & NR_IPC_HAS_CANCEL_NOTIFY ? stub_cancel_notify : NULL;
    p->get_caps = e & NR_IPC_HAS_GET_CAPS ? stub_get_caps : NULL;
    p->add = e & NR_IPC_HAS_ADD ? stub_add : NULL;
    p->add3 = e & NR_IPC_HAS_ADD3 ? stub_add3 : NULL;
    p->cancel = e & NR_IPC_HAS_CANCEL ? stub_cancel : NULL;
    p->get_connection = e & NR_IPC_HAS_GET_CONNECTION ? stub_name : NULL;
    p->get_user = e & NR_IPC_HAS_GET_USER ? stub_name : NULL;
    p->get_universal_name = e & NR_IPC_HAS_UNIVERSAL_NAME ? stub_universal_name : NULL;
    p->get_resource_information = e & NR_IPC_HAS_RESOURCE_INFORMATION ? stub_resource_information : NULL;
    p->get_resource_parent = e & NR_IPC_HAS_RESOURCE_PARENT ? stub_resource_parent : NULL;
    p->open_enum = e & NR_IPC_HAS_OPEN_ENUM ? stub_open_enum : NULL;
    p->enum_resource = e & NR_IPC_HAS_ENUM_RESOURCE ? stub_enum_resource : NULL;
    p->close_enum = e & NR_IPC_HAS_CLOSE_ENUM ? stub_close_enum : NULL;
}

/* ---- the host process ---------------------------------------------------------------- */

static void stop(nr_iso *s, int *status)
{
    int st = 0;
    if (s->ctl.fd >= 0)
        close(s->ctl.fd);
    s->ctl.fd = -1;
    while (s->idle) {
        iso_conn *c = s->idle;
        s->idle = c->next;
        close(c->fd);
        free(c);
    }
    if (s->pid > 0) {
        kill(-s->pid, SIGKILL); /* a host that already ended keeps its status */
        while (waitpid(s->pid, &st, 0) < 0 && errno == EINTR)
            ;
    }
    s->pid = 0;
    if (status)
        *status = st;
}

/* Receives on c until the message of id arrives, logging the host's LOG
 * lines.  1, or 0 (host gone), or -1 with errno (ETIMEDOUT, EPROTO). */
static int await(nr_plugin *p, iso_conn *c, uint32_t id, uint32_t type, uint64_t deadline)
{
    bool first = true;
    for (;;) {
        /* The first message with one recv() under the socket's timeout
         * (timeout_ms, set when it was made); after a LOG line, poll to the
         * deadline. */
        int rc = first ? nr_ipc_recv_timed(c->fd, &c->in, NR_ISOLATE_SPIN_US) : nr_ipc_recv(c->fd, &c->in, deadline);
        first = false;
        if (rc <= 0)
            return rc;
        if (c->in.type == NR_IPC_LOG) {
            DWORD level = nr_ipc_get_u32(&c->in);
            const char *text = nr_ipc_get_str(&c->in);
            if (!c->in.bad && text)
                nr__log(p->log, level, p->m->name, "%s", text);
            continue;
        }
        if (c->in.type != type || c->in.id != id) {
            errno = EPROTO;
            return -1;
        }
        return 1;
    }
}

static void set_timeout(int fd, int ms)
{
    struct timeval tv = { .tv_sec = ms / 1000, .tv_usec = (ms % 1000) * 1000 };
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
}

static char *describe(nr_plugin *p, int rc, int err, int st);

/* Ends the host after a failure; why, as a sentence (malloc'ed), also kept
 * in last_cause.  rc: await's result.  s->lock held (or no other thread). */
static char *cause(nr_plugin *p, int rc, int err)
{
    nr_iso *s = p->iso;
    int st = 0;
    char *why;
    stop(s, &st);
    why = describe(p, rc, err, st);
    free(s->last_cause);
    s->last_cause = why ? strdup(why) : NULL;
    return why;
}

static char *describe(nr_plugin *p, int rc, int err, int st)
{
    if (rc < 0 && err == ETIMEDOUT)
        return nr__asprintf("it did not answer within %d ms, so its host process was killed", p->m->timeout_ms);
    if (rc < 0 && err == EPROTO)
        return strdup("its host process broke the protocol and was killed");
    if (rc < 0)
        return nr__asprintf("talking to its host process failed (%s); the host was killed", strerror(err));
    if (WIFSIGNALED(st))
        return nr__asprintf("its host process was killed by signal %d (%s)", WTERMSIG(st), strsignal(WTERMSIG(st)));
    if (WIFEXITED(st))
        return nr__asprintf("its host process exited with status %d", WEXITSTATUS(st));
    return strdup("its host process ended");
}

/* Starts the host and says hello; false with *why (malloc'ed). */
static bool spawn(nr_plugin *p, char **why)
{
    nr_iso *s = p->iso;
    const char *prog = nr_plugin_host_path(NR_PLUGIN_HOST_PATH);
    char *argv[] = { (char *)"netrouter-plugin-host", p->m->name, NULL };
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    sigset_t none, all;
    int sv[2], rc, err;
    pid_t pid;

    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0) {
        *why = nr__asprintf("cannot make a socket for its host process: %s", strerror(errno));
        return false;
    }
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, sv[1], 3); /* clears O_CLOEXEC, even when sv[1] is 3 */
    /* Standard input and output are /dev/null; standard error too, unless
     * NETROUTER_DEBUG asks for everything (a crashing plugin's last words). */
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    if (!p->log->debug)
        posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 34)
    posix_spawn_file_actions_addclosefrom_np(&fa, 4);
#endif
    posix_spawnattr_init(&attr);
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &all);
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    rc = posix_spawn(&pid, prog, &fa, &attr, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    close(sv[1]);
    if (rc != 0) {
        close(sv[0]);
        *why = nr__asprintf("cannot start its host process %s: %s%s", prog, strerror(rc),
                            rc == ENOENT ? " (install netrouter, or set NETROUTER_PLUGIN_HOST)" : "");
        return false;
    }
    s->ctl.fd = sv[0];
    s->pid = pid;
    set_timeout(s->ctl.fd, p->m->timeout_ms);
    s->gen = (uint16_t)(s->gen % 0xffff + 1);
    nr_ipc_begin(&s->ctl.out);
    nr_ipc_put_u32(&s->ctl.out, NR_IPC_VERSION);
    if (!nr_ipc_send(s->ctl.fd, NR_IPC_HELLO, ++s->ctl.next_id, &s->ctl.out)) {
        err = errno;
        *why = cause(p, -1, err);
        return false;
    }
    rc = await(p, &s->ctl, s->ctl.next_id, NR_IPC_HELLO, nr_clock_ms() + (uint64_t)p->m->timeout_ms);
    err = errno;
    if (rc == 1) {
        uint32_t v = nr_ipc_get_u32(&s->ctl.in); /* the lower of ours and the host's */
        if (s->ctl.in.bad || v < NR_IPC_VERSION_MIN || v > NR_IPC_VERSION) {
            stop(s, NULL);
            *why = nr__asprintf("its host process %s speaks another protocol version (%u, not %u to %u)", prog,
                                (unsigned)v, NR_IPC_VERSION_MIN, NR_IPC_VERSION);
            return false;
        }
        s->version = v;
    }
    if (rc != 1) {
        *why = cause(p, rc, err);
        return false;
    }
    return true;
}

/* Takes the problems the plugin reported in its host's NrPluginInit (the
 * rest of a LOADED message): problem records when ps (the router's load),
 * else (a restarted host) warnings. */
static void reported_problems(nr_plugin *p, nr_problems *ps)
{
    nr_ipc_in *in = &p->iso->ctl.in;
    uint32_t count = nr_ipc_get_u32(in);
    for (uint32_t i = 0; i < count && !in->bad; i++) {
        const char *file = nr_ipc_get_str(in), *field = nr_ipc_get_str(in);
        uint32_t line = nr_ipc_get_u32(in);
        const char *msg = nr_ipc_get_str(in);
        if (in->bad || !msg)
            break;
        if (ps)
            nr__problem_add(ps, file ? file : p->m->path, NR_STAGE_PLUGIN, p->m->name, field,
                            line > INT_MAX ? 0 : (int)line, 0, WN_BAD_VALUE, "%s", msg);
        else
            nr__log(p->log, NR_LOG_WARNING, p->m->name, "%s: %s%s%s", file ? file : p->m->path, field ? field : "",
                    field ? ": " : "", msg);
    }
}

/* Has the host load the plugin.  1: loaded; 0: the plugin did not load
 * (one problem added to ps when ps); -1: the host failed (*why). */
static int host_load(nr_plugin *p, nr_problems *ps, char **why)
{
    nr_iso *s = p->iso;
    DWORD code;
    int rc, err;
    nr_ipc_begin(&s->ctl.out);
    nr_ipc_put_str(&s->ctl.out, p->m->path);
    nr_ipc_put_u32(&s->ctl.out, s->run_init);
    if (!nr_ipc_send(s->ctl.fd, NR_IPC_LOAD, ++s->ctl.next_id, &s->ctl.out)) {
        err = errno;
        *why = cause(p, -1, err);
        return -1;
    }
    rc = await(p, &s->ctl, s->ctl.next_id, NR_IPC_LOADED, nr_clock_ms() + (uint64_t)p->m->timeout_ms);
    err = errno;
    if (rc != 1) {
        *why = cause(p, rc, err);
        return -1;
    }
    code = nr_ipc_get_u32(&s->ctl.in);
    if (code == WN_SUCCESS) {
        uint32_t entries;
        p->charset = nr_ipc_get_u32(&s->ctl.in);
        entries = nr_ipc_get_u32(&s->ctl.in);
        p->caps_conn = nr_ipc_get_u32(&s->ctl.in);
        p->caps_enum = nr_ipc_get_u32(&s->ctl.in);
        p->caps_user = nr_ipc_get_u32(&s->ctl.in);
        p->caps_dialog = nr_ipc_get_u32(&s->ctl.in);
        p->net_type = nr_ipc_get_u32(&s->ctl.in);
        if (s->version >= 3)
            reported_problems(p, ps);
        set_stubs(p, entries);
        if (!s->ctl.in.bad)
            return 1;
        *why = cause(p, -1, EPROTO);
        return -1;
    } else {
        nr_stage stage = (nr_stage)nr_ipc_get_u32(&s->ctl.in);
        const char *field = nr_ipc_get_str(&s->ctl.in);
        int line = (int)nr_ipc_get_u32(&s->ctl.in), col = (int)nr_ipc_get_u32(&s->ctl.in);
        const char *msg = nr_ipc_get_str(&s->ctl.in);
        if (s->ctl.in.bad) {
            *why = cause(p, -1, EPROTO);
            return -1;
        }
        if (ps)
            nr__problem_add(ps, p->m->path, stage, p->m->name, field, line, col, code, "%s (in its host process)",
                            msg ? msg : "it did not load");
        else
            *why = nr__asprintf("it no longer loads: %s", msg ? msg : "?");
        stop(s, NULL);
        return 0;
    }
}

nr_plugin *nr__iso_load(const nr_logger *lg, nr_manifest *m, bool do_init, nr_problems *ps)
{
    nr_plugin *p = calloc(1, sizeof *p);
    nr_iso *s = calloc(1, sizeof *s);
    char *why = NULL;
    int rc;
    if (!p || !s) {
        free(p);
        free(s);
        return NULL;
    }
    p->log = lg;
    p->m = m;
    p->iso = s;
    pthread_mutex_init(&p->serial, NULL);
    pthread_mutex_init(&s->lock, NULL);
    s->ctl.fd = -1;
    s->run_init = do_init;
    s->problems = ps;
    /* Room for the failure records, so that adding one never moves the
     * problems an application may be reading. */
    if (ps->cap < ps->n + NR_ISO_PROBLEM_ROOM) {
        nr_problem *v = realloc(ps->v, (ps->n + NR_ISO_PROBLEM_ROOM) * sizeof *v);
        if (v) {
            ps->v = v;
            ps->cap = ps->n + NR_ISO_PROBLEM_ROOM;
        }
    }
    rc = spawn(p, &why) ? host_load(p, ps, &why) : -1;
    if (rc < 0)
        nr__problem_add(ps, m->path, NR_STAGE_LOAD, m->name, "isolation", 0, 0, WN_BAD_PROVIDER,
                        "cannot load %s in a host process: %s", m->library_path ? m->library_path : m->library,
                        why ? why : "?");
    free(why);
    if (rc != 1) {
        pthread_mutex_destroy(&s->lock);
        pthread_mutex_destroy(&p->serial);
        free(s->last_cause);
        free(s);
        free(p);
        return NULL; /* the caller frees m, as after any failed load */
    }
    p->initialized = do_init;
    nr__log(lg, NR_LOG_DEBUG, m->name, "loaded in host process %ld", (long)s->pid);
    return p;
}

void nr__iso_unload(nr_plugin *p)
{
    nr_iso *s = p->iso;
    pthread_mutex_lock(&s->lock);
    if (s->ctl.fd >= 0) {
        nr_ipc_begin(&s->ctl.out);
        if (nr_ipc_send(s->ctl.fd, NR_IPC_SHUTDOWN, ++s->ctl.next_id, &s->ctl.out))
            (void)await(p, &s->ctl, s->ctl.next_id, NR_IPC_REPLY, nr_clock_ms() + (uint64_t)p->m->timeout_ms);
    }
    stop(s, NULL);
    pthread_mutex_unlock(&s->lock);
    pthread_mutex_destroy(&s->lock);
    free(s->last_cause);
    free(s->state_dir);
    free(s);
    p->iso = NULL;
}

void nr__iso_attach(nr_plugin *p, const char *state_dir)
{
    if (p->iso && state_dir && !p->iso->state_dir)
        p->iso->state_dir = strdup(state_dir);
}

/* ---- failures ------------------------------------------------------------------------------ */

static uint64_t backoff_ms(unsigned failures)
{
    if (failures < 3)
        return 0;
    return failures - 3 >= 6 ? 60000u : 1000u << (failures - 3);
}

/* Whether this thread's call was refused because the host waits out its
 * backoff (ensure()): not a new failure of the host, so it neither counts
 * nor pushes the restart further away, nor leaves another record. */
static __thread bool in_backoff;

/* Records a failed call: the log line, the problem record, the backoff.
 * Returns the call's result: WN_SUCCESS for a notifier that continues
 * (nothing else set), else code with the last error naming plugin and cause. */
static DWORD failed(nr_plugin *p, const char *entry, char *why, DWORD code)
{
    nr_iso *s = p->iso;
    nr_problems *ps = s->problems;
    bool go_on = p->m->kind == NR_PLUGIN_NOTIFIER && !p->m->veto_on_failure;
    const char *what = p->m->kind == NR_PLUGIN_NOTIFIER ? "notifier" : "provider";
    const char *outcome = p->m->kind != NR_PLUGIN_NOTIFIER ? ""
                          : go_on ? "; the operation goes on (\"on_failure\": \"continue\")"
                                  : "; the operation fails (\"on_failure\": \"veto\")";
    if (in_backoff) { /* the host is not started yet: the call fails as the failure that caused it did */
        nr__log(p->log, NR_LOG_DEBUG, p->m->name, "isolated %s \"%s\" not called in %s: %s%s", what, p->m->name,
                entry, why, outcome);
        pthread_mutex_lock(&problems_lock); /* this router's record of it, bounded; none for other programs */
        if (ps && ps->n < ps->cap)
            nr__problem_add(ps, p->m->path, NR_STAGE_CALL, p->m->name, NULL, 0, 0, code, "%s not called: %s", entry,
                            why);
        pthread_mutex_unlock(&problems_lock);
        if (!go_on)
            nr__fail(code, "isolated %s \"%s\" not called in %s: %s%s", what, p->m->name, entry, why, outcome);
        free(why);
        return go_on ? WN_SUCCESS : code;
    }
    s->failures++;
    s->retry_at = nr_clock_ms() + backoff_ms(s->failures);
    nr__log(p->log, NR_LOG_ERR, p->m->name, "isolated %s \"%s\" failed in %s: %s%s", what, p->m->name, entry, why,
            outcome);
    pthread_mutex_lock(&problems_lock);
    if (ps && ps->n < ps->cap)
        nr__problem_add(ps, p->m->path, NR_STAGE_CALL, p->m->name, NULL, 0, 0, code, "%s failed: %s", entry, why);
    pthread_mutex_unlock(&problems_lock);
    if (s->state_dir) {
        char *text = nr__asprintf("%s failed: %s", entry, why);
        if (text)
            nr__iso_record(s->state_dir, p->m, text);
        free(text);
    }
    if (!go_on)
        nr__fail(code, "isolated %s \"%s\" failed in %s: %s%s", what, p->m->name, entry, why, outcome);
    free(why);
    return go_on ? WN_SUCCESS : code;
}

/* Makes sure a host runs; NULL, or why not (malloc'ed). */
static char *ensure(nr_plugin *p)
{
    nr_iso *s = p->iso;
    char *why = NULL;
    uint64_t now;
    if (s->ctl.fd >= 0)
        return NULL;
    now = nr_clock_ms();
    if (now < s->retry_at) {
        in_backoff = true;
        return nr__asprintf("its host process failed %u times in a row; it is started again in %llu ms",
                            s->failures, (unsigned long long)(s->retry_at - now));
    }
    if (spawn(p, &why) && host_load(p, NULL, &why) == 1) {
        nr__log(p->log, NR_LOG_NOTICE, p->m->name, "host process started again (pid %ld)", (long)s->pid);
        return NULL;
    }
    return why ? why : strdup("its host process cannot be started");
}

/* A connection to the current host for this thread's call: an idle one,
 * else a new one passed to the host.  s->lock held.  NULL with *why. */
static iso_conn *take_conn(nr_plugin *p, char **why)
{
    nr_iso *s = p->iso;
    iso_conn *c = s->idle;
    int sv[2], err;
    if (c) {
        s->idle = c->next;
        return c;
    }
    if (!(c = calloc(1, sizeof *c))) {
        *why = strdup("out of memory");
        return NULL;
    }
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0) {
        *why = nr__asprintf("cannot make a socket for its host process: %s", strerror(errno));
        free(c);
        return NULL;
    }
    nr_ipc_begin(&s->ctl.out);
    if (!nr_ipc_send_fd(s->ctl.fd, NR_IPC_CONNECT, ++s->ctl.next_id, &s->ctl.out, sv[1])) {
        err = errno;
        close(sv[0]);
        close(sv[1]);
        free(c);
        *why = cause(p, -1, err);
        return NULL;
    }
    close(sv[1]);
    c->fd = sv[0];
    c->gen = s->gen;
    set_timeout(c->fd, p->m->timeout_ms);
    return c;
}

/* After a failed exchange on cur: why (malloc'ed).  The first call to see
 * the host fail ends it and says why; the others of the same host say the
 * same. */
static char *conn_failed(nr_plugin *p, int rc, int err)
{
    nr_iso *s = p->iso;
    char *why;
    pthread_mutex_lock(&s->lock);
    if (cur->gen == s->gen && s->ctl.fd >= 0)
        why = cause(p, rc, err);
    else
        why = strdup(s->last_cause ? s->last_cause : "its host process ended during the call");
    pthread_mutex_unlock(&s->lock);
    close(cur->fd);
    cur->fd = -1;
    return why;
}

/* Sends the request in cur->out and waits for its REPLY, without the
 * lock: other threads' calls of a concurrent plugin run meanwhile on
 * connections of their own.  NULL, or why it failed. */
static char *roundtrip(nr_plugin *p, uint32_t type)
{
    int rc, err;
    if (!nr_ipc_send(cur->fd, type, ++cur->next_id, &cur->out)) {
        err = errno;
        return conn_failed(p, -1, err);
    }
    rc = await(p, cur, cur->next_id, NR_IPC_REPLY, nr_clock_ms() + (uint64_t)p->m->timeout_ms);
    err = errno;
    if (rc != 1)
        return conn_failed(p, rc, err);
    return NULL;
}

/* The rc of a REPLY, with the plugin's extended error set here. */
static DWORD reply_rc(nr_plugin *p, uint64_t *ctx)
{
    nr_ipc_in *in = &cur->in;
    DWORD rc = nr_ipc_get_u32(in);
    uint64_t c = nr_ipc_get_u64(in);
    bool set = nr_ipc_get_u32(in) != 0;
    DWORD code = nr_ipc_get_u32(in);
    const char *text = nr_ipc_get_str(in), *prov = nr_ipc_get_str(in);
    if (in->bad)
        return NR_ISO_MALFORMED;
    if (set)
        nr__set_last_error(code, text ? text : nr_strerror(code), prov && *prov ? prov : p->m->name);
    if (ctx)
        *ctx = c;
    return rc;
}

/* ---- one call, for isolate-provider.c and the notifier calls below ------------------------- */

char *nr__iso_begin(nr_plugin *p, const char *entry, uint64_t token, uint64_t *value)
{
    nr_iso *s = p->iso;
    char *why = NULL;
    /* "inside a plugin" as in process (nr__call_begin): the application's
     * log function, called with the plugin's lines, must not call back. */
    nr__hot.depth++;
    nr__hot.plugin = p->m->name;
    nr__hot.entry = entry;
    if (p->m->serialized)
        pthread_mutex_lock(&p->serial); /* one call at a time, so one connection */
    pthread_mutex_lock(&s->lock);
    cur = NULL;
    in_backoff = false;
    if (value)
        *value = token & (((uint64_t)1 << NR_ISO_TOKEN_SHIFT) - 1);
    if (token && (s->ctl.fd < 0 || (uint16_t)(token >> NR_ISO_TOKEN_SHIFT) != s->gen))
        why = strdup(STALE);
    else if (!(why = ensure(p)))
        cur = take_conn(p, &why);
    pthread_mutex_unlock(&s->lock);
    return why;
}

nr_ipc_out *nr__iso_out(nr_plugin *p)
{
    (void)p;
    nr_ipc_begin(&cur->out);
    return &cur->out;
}

nr_ipc_in *nr__iso_in(nr_plugin *p)
{
    (void)p;
    return &cur->in;
}

char *nr__iso_roundtrip(nr_plugin *p, uint32_t type)
{
    return roundtrip(p, type);
}

DWORD nr__iso_reply_rc(nr_plugin *p, uint64_t *token)
{
    return reply_rc(p, token);
}

char *nr__iso_broken(nr_plugin *p)
{
    return conn_failed(p, -1, EPROTO);
}

bool nr__iso_token(nr_plugin *p, uint64_t value, uint64_t *token)
{
    (void)p;
    if (value >> NR_ISO_TOKEN_SHIFT)
        return false;
    *token = value ? value | (uint64_t)cur->gen << NR_ISO_TOKEN_SHIFT : 0;
    return true;
}

DWORD nr__iso_end(nr_plugin *p, const char *entry, char *why, DWORD rc)
{
    nr_iso *s = p->iso;
    pthread_mutex_lock(&s->lock);
    if (why)
        rc = failed(p, entry, why, p->m->kind == NR_PLUGIN_NOTIFIER ? WN_CANCEL : WN_BAD_PROVIDER);
    else
        s->failures = 0;
    in_backoff = false;
    if (cur && cur->fd >= 0 && cur->gen == s->gen && s->ctl.fd >= 0 && !why) {
        cur->next = s->idle;
        s->idle = cur;
    } else if (cur) {
        if (cur->fd >= 0)
            close(cur->fd);
        free(cur);
    }
    cur = NULL;
    pthread_mutex_unlock(&s->lock);
    if (p->m->serialized)
        pthread_mutex_unlock(&p->serial);
    if (--nr__hot.depth == 0)
        nr__hot.plugin = nr__hot.entry = NULL;
    return rc;
}

/* ---- the notifier calls -------------------------------------------------------------------- */

static DWORD notify(nr_plugin *p, NOTIFYINFO *info, const NOTIFYADD *add, const NOTIFYCANCEL *cancel)
{
    const char *entry = add ? "AddConnectNotify" : "CancelConnectNotify";
    uint64_t ctx = 0, value;
    char *why;
    DWORD rc = WN_SUCCESS;

    why = nr__iso_begin(p, entry, (uint64_t)(uintptr_t)info->lpContext, &value);
    if (!why) {
        nr_ipc_out *o = nr__iso_out(p);
        nr_ipc_put_u32(o, add != NULL);
        nr_ipc_put_u32(o, info->dwNotifyStatus);
        nr_ipc_put_u32(o, info->dwOperationStatus);
        nr_ipc_put_u64(o, value);
        if (add) {
            nr_ipc_put_res(o, &add->NetResource);
            nr_ipc_put_u32(o, add->dwAddFlags);
        } else {
            nr_ipc_put_str(o, cancel->lpName);
            nr_ipc_put_str(o, cancel->lpProvider);
            nr_ipc_put_u32(o, cancel->fForce);
        }
        why = nr__iso_roundtrip(p, NR_IPC_NOTIFY);
    }
    if (!why && ((rc = nr__iso_reply_rc(p, &ctx)) == NR_ISO_MALFORMED || !nr__iso_token(p, ctx, &ctx)))
        why = nr__iso_broken(p);
    info->lpContext = why ? NULL : (void *)(uintptr_t)ctx;
    return nr__iso_end(p, entry, why, rc);
}

DWORD nr__iso_add_notify(nr_plugin *n, NOTIFYINFO *info, const NOTIFYADD *add)
{
    return notify(n, info, add, NULL);
}

DWORD nr__iso_cancel_notify(nr_plugin *n, NOTIFYINFO *info, const NOTIFYCANCEL *cancel)
{
    return notify(n, info, NULL, cancel);
}
