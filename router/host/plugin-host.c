/*
 * plugin-host.c - netrouter-plugin-host: runs ONE plugin out of the
 * application's process and serves its entry points over the socket the
 * router handed it as descriptor 3 (router/common/ipc.h says the protocol,
 * router/lib/isolate.c is the other end).
 *
 * The plugin is loaded by the router's own loader (a private copy of
 * libnetrouter's objects), so every check made in process is made here
 * too, and a wide plugin is called through the same plugin-wide.c
 * boundary: the plugin cannot tell it is isolated.  Its contexts and
 * enumeration handles stay in this process; the router only sees their
 * values as opaque tokens.  The provider calls are host-provider.c's.
 *
 * Calls come on connections the router opens, one per calling thread
 * (NR_IPC_CONNECT passes one end over descriptor 3), each served by a
 * thread of its own, so a "concurrent" plugin is entered by several
 * threads at once; a "serialized" one is serialized by the loader's lock
 * (nr__call_begin), as in process.
 *
 * The host lives in a process group of its own.  A watchdog thread ends
 * that whole group as soon as the router's end of the socket closes (the
 * router freed it, or the application ended, however), even while the
 * plugin hangs in a call.  (PR_SET_PDEATHSIG is not used: it fires when
 * the *thread* that started the host ends, which in a threaded application
 * is not the application ending.)
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

/* A request is looked for this long after an answer before sleeping. */
#define HOST_SPIN_US 50

#include "host.h"

#define HOST_FD 3

static pthread_mutex_t send_lock = PTHREAD_MUTEX_INITIALIZER; /* of HOST_FD */
static nr_plugin *plugin;
static nr_problems problems;
/* The protocol version agreed with the router at HELLO (ipc.h): set once,
 * before any worker thread starts. */
static uint32_t agreed = NR_IPC_VERSION;
/* The connection this thread answers on: HOST_FD for the main thread, a
 * connection of its own for a worker, -1 for the plugin's own threads. */
static __thread int conn_fd = -1;

/* One connection the router opened for one of its threads (NR_IPC_CONNECT),
 * served by a thread of its own. */
typedef struct conn {
    int fd;
    nr_ipc_in in;
    nr_ipc_out out, extra;
} conn;

static void *watchdog(void *arg)
{
    struct pollfd pfd = { .fd = HOST_FD, .events = POLLRDHUP };
    (void)arg;
    for (;;) {
        if (poll(&pfd, 1, -1) > 0 && (pfd.revents & (POLLRDHUP | POLLHUP | POLLERR)))
            break;
    }
    kill(0, SIGKILL); /* the host and whatever the plugin started */
    _exit(0);
}

/* The plugin's pfnLog, forwarded to the router as it happens. */
static void forward_log(void *user, DWORD level, const char *name, const char *message)
{
    nr_ipc_out *o = malloc(sizeof *o);
    (void)user;
    (void)name;
    if (!o)
        return;
    nr_ipc_begin(o);
    nr_ipc_put_u32(o, level);
    nr_ipc_put_str(o, message);
    if (conn_fd >= 0 && conn_fd != HOST_FD) {
        nr_ipc_send(conn_fd, NR_IPC_LOG, 0, o); /* read before the answer of the call */
    } else {
        /* The main connection, which the router reads only during a load
         * or shutdown: never wait for room there. */
        pthread_mutex_lock(&send_lock);
        nr_ipc_send_nowait(HOST_FD, NR_IPC_LOG, 0, o);
        pthread_mutex_unlock(&send_lock);
    }
    free(o);
}

static void send_msg(int fd, uint32_t type, uint32_t id, nr_ipc_out *o)
{
    bool ok;
    if (fd == HOST_FD)
        pthread_mutex_lock(&send_lock);
    ok = nr_ipc_send(fd, type, id, o);
    if (fd == HOST_FD)
        pthread_mutex_unlock(&send_lock);
    if (!ok && fd == HOST_FD)
        _exit(3);
}

/* rc, the context and the extended error the plugin left, then what extra
 * holds (NULL: nothing). */
static void reply(int fd, nr_ipc_out *o, uint32_t id, DWORD rc, void *ctx, const nr_ipc_out *extra)
{
    DWORD code = 0;
    char text[1024] = "", prov[256] = "";
    bool set = nr__last_error_is_set();
    if (set)
        nr_get_last_error(&code, text, sizeof text, prov, sizeof prov);
    nr_ipc_begin(o);
    nr_ipc_put_u32(o, rc);
    nr_ipc_put_u64(o, (uint64_t)(uintptr_t)ctx);
    nr_ipc_put_u32(o, set);
    nr_ipc_put_u32(o, code);
    nr_ipc_put_str(o, text);
    nr_ipc_put_str(o, prov);
    if (extra)
        nr_ipc_append(o, extra);
    send_msg(fd, NR_IPC_REPLY, id, o);
}

static void load(nr_ipc_in *in, nr_ipc_out *o, nr_logger *lg)
{
    const char *path = nr_ipc_get_str(in);
    bool run_init = nr_ipc_get_u32(in) != 0;
    nr_secfile_kind kind;
    nr_manifest *m = NULL;
    size_t size;
    char *why = NULL;
    int fd = -1;

    nr_ipc_begin(o);
    if (in->bad || !path || plugin) {
        nr__problem_add(&problems, path, NR_STAGE_LOAD, NULL, NULL, 0, 0, WN_BAD_VALUE,
                        "the plugin host got a malformed LOAD request");
    } else if ((fd = nr__secfile_open(path, false, &kind, &size, &why)) < 0) {
        nr__problem_add(&problems, path, NR_STAGE_PARSE, NULL, NULL, 0, 0, WN_CANNOT_OPEN_PROFILE,
                        "the plugin host cannot open it: %s", why ? why : strerror(errno));
    } else if ((m = nr__manifest_parse(path, fd, size, NULL, &problems)) && nr__manifest_resolve(m, &problems)) {
        m->isolated = false; /* here it runs in process */
        plugin = nr__plugin_load(lg, m, run_init, &problems);
        if (plugin)
            m = NULL;        /* the plugin owns it now */
    }
    nr__manifest_free(m);
    if (fd >= 0)
        close(fd);
    free(why);
    if (plugin) {
        nr_ipc_put_u32(o, WN_SUCCESS);
        nr_ipc_put_u32(o, plugin->charset);
        nr_ipc_put_u32(o, (plugin->add_notify ? NR_IPC_HAS_ADD_NOTIFY : 0) |
                              (plugin->cancel_notify ? NR_IPC_HAS_CANCEL_NOTIFY : 0) |
                              (plugin->shutdown ? NR_IPC_HAS_SHUTDOWN : 0) |
                              (plugin->get_caps ? NR_IPC_HAS_GET_CAPS : 0) | (plugin->add ? NR_IPC_HAS_ADD : 0) |
                              (plugin->add3 ? NR_IPC_HAS_ADD3 : 0) | (plugin->cancel ? NR_IPC_HAS_CANCEL : 0) |
                              (plugin->get_connection ? NR_IPC_HAS_GET_CONNECTION : 0) |
                              (plugin->get_user ? NR_IPC_HAS_GET_USER : 0) |
                              (plugin->get_universal_name ? NR_IPC_HAS_UNIVERSAL_NAME : 0) |
                              (plugin->get_resource_information ? NR_IPC_HAS_RESOURCE_INFORMATION : 0) |
                              (plugin->open_enum ? NR_IPC_HAS_OPEN_ENUM : 0) |
                              (plugin->enum_resource ? NR_IPC_HAS_ENUM_RESOURCE : 0) |
                              (plugin->close_enum ? NR_IPC_HAS_CLOSE_ENUM : 0) |
                              (plugin->get_resource_parent && agreed >= 2 ? NR_IPC_HAS_RESOURCE_PARENT : 0));
        nr_ipc_put_u32(o, plugin->caps_conn);
        nr_ipc_put_u32(o, plugin->caps_enum);
        nr_ipc_put_u32(o, plugin->caps_user);
        nr_ipc_put_u32(o, plugin->caps_dialog);
        nr_ipc_put_u32(o, plugin->net_type);
        if (agreed >= 3) { /* what the plugin reported through pfnReportProblem */
            uint32_t count = 0;
            for (size_t i = 0; i < problems.n; i++)
                count += problems.v[i].stage == NR_STAGE_PLUGIN;
            nr_ipc_put_u32(o, count);
            for (size_t i = 0; i < problems.n; i++) {
                const nr_problem *pb = &problems.v[i];
                if (pb->stage != NR_STAGE_PLUGIN)
                    continue;
                nr_ipc_put_str(o, pb->file);
                nr_ipc_put_str(o, pb->field);
                nr_ipc_put_u32(o, (uint32_t)pb->line);
                nr_ipc_put_str(o, pb->message);
            }
        }
    } else {
        const nr_problem *pb = problems.n ? &problems.v[problems.n - 1] : NULL;
        nr_ipc_put_u32(o, pb ? pb->code : WN_BAD_PROVIDER);
        nr_ipc_put_u32(o, pb ? (uint32_t)pb->stage : NR_STAGE_LOAD);
        nr_ipc_put_str(o, pb ? pb->field : NULL);
        nr_ipc_put_u32(o, pb ? (uint32_t)pb->line : 0);
        nr_ipc_put_u32(o, pb ? (uint32_t)pb->column : 0);
        nr_ipc_put_str(o, pb ? pb->message : "the plugin host could not load it");
    }
    send_msg(HOST_FD, NR_IPC_LOADED, in->id, o);
}

static void notify(int fd, nr_ipc_in *in, nr_ipc_out *o)
{
    bool is_add = nr_ipc_get_u32(in) != 0;
    NOTIFYINFO info = { 0 };
    NOTIFYADD add = { 0 };
    NOTIFYCANCEL cancel = { 0 };
    DWORD rc;
    info.dwNotifyStatus = nr_ipc_get_u32(in);
    info.dwOperationStatus = nr_ipc_get_u32(in);
    info.lpContext = (void *)(uintptr_t)nr_ipc_get_u64(in);
    if (is_add) {
        if (!nr_ipc_get_res(in, &add.NetResource))
            in->bad = true;
        add.dwAddFlags = nr_ipc_get_u32(in);
    } else {
        cancel.lpName = (char *)nr_ipc_get_str(in);
        cancel.lpProvider = (char *)nr_ipc_get_str(in);
        cancel.fForce = nr_ipc_get_u32(in);
    }
    nr__clear_last_error();
    if (in->bad || !plugin)
        rc = nr__fail(WN_BAD_VALUE, "the plugin host got a malformed NOTIFY request");
    else if (is_add)
        rc = plugin->add_notify ? nr__notifier_add(plugin, &info, &add) : WN_NOT_SUPPORTED;
    else
        rc = plugin->cancel_notify ? nr__notifier_cancel(plugin, &info, &cancel) : WN_NOT_SUPPORTED;
    reply(fd, o, in->id, rc, info.lpContext, NULL);
}

/* A call on connection c: NOTIFY or PROVIDER.  False for anything else. */
static bool serve(int fd, nr_ipc_in *in, nr_ipc_out *out, nr_ipc_out *extra)
{
    DWORD result;
    switch (in->type) {
    case NR_IPC_NOTIFY:
        notify(fd, in, out);
        return true;
    case NR_IPC_PROVIDER:
        nr__clear_last_error();
        result = plugin ? nr_host_provider(plugin, in, extra) : WN_NOT_SUPPORTED;
        reply(fd, out, in->id, result, NULL, plugin ? extra : NULL);
        return true;
    }
    return false;
}

static void *worker(void *arg)
{
    conn *c = arg;
    conn_fd = c->fd;
    /* After an answer the next request (the POST after a PRE) often follows
     * within microseconds: look for it a moment before sleeping. */
    while (nr_ipc_recv_timed(c->fd, &c->in, HOST_SPIN_US) == 1 && serve(c->fd, &c->in, &c->out, &c->extra))
        ;
    close(c->fd);
    free(c);
    return NULL;
}

static void connect_worker(int fd)
{
    conn *c = fd >= 0 ? malloc(sizeof *c) : NULL;
    pthread_attr_t attr;
    pthread_t t;
    if (!c) {
        if (fd >= 0)
            close(fd); /* the router sees the connection end, and fails that call */
        return;
    }
    c->fd = fd;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (pthread_create(&t, &attr, worker, c) != 0) {
        close(fd);
        free(c);
    }
    pthread_attr_destroy(&attr);
}

int main(int argc, char **argv)
{
    static nr_ipc_in in;
    static nr_ipc_out out, extra;
    nr_logger lg;
    pthread_t t;
    int passed;
    (void)argc;
    (void)argv;
#ifdef SYS_close_range
    syscall(SYS_close_range, HOST_FD + 1, ~0u, 0); /* in case the spawner could not */
#endif
    signal(SIGPIPE, SIG_IGN);
    conn_fd = HOST_FD;
    nr__logger_init(&lg, forward_log, NULL);
    if (pthread_create(&t, NULL, watchdog, NULL) != 0)
        return 2;
    if (nr_ipc_recv(HOST_FD, &in, 0) != 1 || in.type != NR_IPC_HELLO)
        return 2;
    agreed = nr_ipc_get_u32(&in); /* the router's; the lower of the two is spoken */
    if (in.bad || agreed < NR_IPC_VERSION_MIN)
        return 2;
    if (agreed > NR_IPC_VERSION)
        agreed = NR_IPC_VERSION;
    nr_ipc_begin(&out);
    nr_ipc_put_u32(&out, agreed);
    send_msg(HOST_FD, NR_IPC_HELLO, in.id, &out);
    for (;;) {
        int rc = nr_ipc_recv_fd(HOST_FD, &in, &passed);
        if (rc == 0)
            break;
        if (rc < 0)
            return 2;
        if (in.type == NR_IPC_CONNECT) {
            connect_worker(passed);
            continue;
        }
        if (passed >= 0)
            return 2; /* a descriptor where none belongs */
        switch (in.type) {
        case NR_IPC_LOAD:
            load(&in, &out, &lg);
            break;
        case NR_IPC_SHUTDOWN:
            nr__plugin_unload(plugin);
            plugin = NULL;
            nr__clear_last_error();
            reply(HOST_FD, &out, in.id, WN_SUCCESS, NULL, NULL);
            nr__problems_free(&problems);
            return 0;
        default:
            if (!serve(HOST_FD, &in, &out, &extra))
                return 2;
        }
    }
    return 0;
}
