/*
 * client-conn.c - the client's conversation with the connection service
 * (client.h): connecting and greeting, one request and its answer, and the
 * process's shared connection that the quick calls reuse.
 *
 * The shared connection belongs to one thread at a time; a thread that
 * finds it busy opens a connection of its own for its call instead of
 * waiting, so a slow call (a dial's status while a terminal read waits)
 * never holds up another thread.  After fork() the child opens its own.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "client.h"
#include "clock.h"
#include "local-lasterror.h"
#include "proto-path.h"

/* How long greeting the service may take. */
#define HELLO_WAIT_MS 10000
/* A quick call's answer is looked for this long before the caller sleeps. */
#define QUICK_WAIT_MS 10000
#define SPIN_NS 50000

static struct {
    pthread_mutex_t lock;
    int fd;
    pid_t pid;
    uint32_t seq;
} shared = { PTHREAD_MUTEX_INITIALIZER, -1, 0, 0 };

static pthread_mutex_t seq_lock = PTHREAD_MUTEX_INITIALIZER;
static uint32_t next_seq = 1;

static uint32_t new_seq(void)
{
    uint32_t s;
    pthread_mutex_lock(&seq_lock);
    s = next_seq++;
    if (next_seq == 0)
        next_seq = 1;
    pthread_mutex_unlock(&seq_lock);
    return s;
}

bool nr_client_send(int fd, const void *pkt, size_t len)
{
    ssize_t n;
    do
        n = send(fd, pkt, len, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    return n == (ssize_t)len;
}

uint32_t nr_client_receive(int fd, int wait_ms, nr_proto_msg *m, nr_error *err)
{
    uint8_t pkt[NR_PROTO_MAX_MESSAGE];
    struct pollfd p = { .fd = fd, .events = POLLIN };
    ssize_t n;
    int rc;
    uint32_t code;
    memset(m, 0, sizeof *m);
    /* What is there already is read at once (a reply after its records).
     * A quick call (a wait of at most QUICK_WAIT_MS) looks again for up to
     * SPIN_NS before it sleeps: the service answers it within microseconds,
     * and waking a sleeping thread on another CPU costs more than that. */
    {
        uint64_t until = wait_ms >= 0 && wait_ms <= QUICK_WAIT_MS ? nr_clock_ns() + SPIN_NS : 0;
        do
            n = recv(fd, pkt, sizeof pkt, MSG_TRUNC | MSG_DONTWAIT);
        while ((n < 0 && errno == EINTR) ||
               (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && until && nr_clock_ns() < until));
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        do
            rc = poll(&p, 1, wait_ms);
        while (rc < 0 && errno == EINTR);
        if (rc == 0)
            return nr_error_set(err, ERROR_REQUEST_TIMEOUT, 0,
                                "the connection service did not answer within %d ms", wait_ms);
        do
            n = recv(fd, pkt, sizeof pkt, MSG_TRUNC);
        while (n < 0 && errno == EINTR);
    }
    if (n <= 0)
        return nr_error_set(err, ERROR_RASMAN_CANNOT_INITIALIZE, n < 0 ? (uint32_t)errno : 0,
                            "the connection service closed the connection%s%s", n < 0 ? ": " : "",
                            n < 0 ? strerror(errno) : "");
    code = nr_proto_decode(pkt, (size_t)n, m, err);
    explicit_bzero(pkt, (size_t)n < sizeof pkt ? (size_t)n : sizeof pkt);
    if (code) {
        char why[NR_ERROR_DETAIL_SIZE];
        snprintf(why, sizeof why, "%s", err->detail);
        return nr_error_set(err, ERROR_RASMAN_CANNOT_INITIALIZE, code,
                            "the connection service sent a message this library cannot read: %s", why);
    }
    if (nr_proto_type_sender(m->type) != NR_PROTO_SENDER_SERVICE) {
        nr_proto_msg_clear(m);
        return nr_error_set(err, ERROR_RASMAN_CANNOT_INITIALIZE, 0,
                            "the connection service sent a message only a client sends");
    }
    return 0;
}

static void set_seq(void *pkt, uint32_t seq)
{
    uint8_t *p = (uint8_t *)pkt + 8;
    p[0] = (uint8_t)(seq >> 24);
    p[1] = (uint8_t)(seq >> 16);
    p[2] = (uint8_t)(seq >> 8);
    p[3] = (uint8_t)seq;
}

uint32_t nr_client_exchange(int fd, void *pkt, size_t len, int wait_ms, nr_client_record_fn *on_record,
                            void *ctx, nr_client_reply *reply)
{
    uint32_t seq = new_seq(), code;
    nr_error err;
    memset(reply, 0, sizeof *reply);
    reply->seq = seq;
    set_seq(pkt, seq);
    if (!nr_client_send(fd, pkt, len)) {
        snprintf(reply->detail, sizeof reply->detail, "the connection service closed the connection");
        return ERROR_RASMAN_CANNOT_INITIALIZE;
    }
    for (;;) {
        nr_proto_msg m;
        if ((code = nr_client_receive(fd, wait_ms, &m, &err)) != 0) {
            snprintf(reply->detail, sizeof reply->detail, "%s", err.detail);
            return code;
        }
        if (m.seq != seq) { /* an answer to an earlier request that gave up */
            nr_proto_msg_clear(&m);
            continue;
        }
        if (m.type == NR_PROTO_MSG_REPLY) {
            const char *detail = nr_proto_get_str(&m, NR_PROTO_TAG_DETAIL);
            reply->code = nr_proto_get_u32(&m, NR_PROTO_TAG_CODE, 0);
            reply->ext = nr_proto_get_u32(&m, NR_PROTO_TAG_EXT, 0);
            reply->handle = nr_proto_get_u64(&m, NR_PROTO_TAG_HANDLE, 0);
            reply->count = nr_proto_get_u32(&m, NR_PROTO_TAG_COUNT, 0);
            snprintf(reply->detail, sizeof reply->detail, "%s", detail ? detail : "");
            reply->seq = seq;
            nr_proto_msg_clear(&m);
            return 0;
        }
        if (on_record)
            on_record(ctx, &m);
        nr_proto_msg_clear(&m);
    }
}

size_t nr_client_build_on_handle(void *pkt, size_t size, uint16_t type, HRASCONN h, uint16_t tag, uint32_t value)
{
    nr_proto_builder b;
    size_t len;
    nr_proto_build_init(&b, pkt, size, type, 0);
    nr_proto_put_u64(&b, NR_PROTO_TAG_HANDLE, (uint64_t)(uintptr_t)h);
    if (tag)
        nr_proto_put_u32(&b, tag, value);
    return nr_proto_build_end(&b, &len, NULL) == 0 ? len : 0;
}

/* HELLO and its WELCOME on a new connection. */
static uint32_t greet(int fd, nr_error *err)
{
    uint8_t pkt[256];
    nr_proto_builder b;
    nr_proto_msg m;
    size_t len;
    uint32_t code;
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_HELLO, new_seq());
    nr_proto_put_u32(&b, NR_PROTO_TAG_VERSION_MIN, NR_PROTO_VERSION_MIN);
    nr_proto_put_u32(&b, NR_PROTO_TAG_VERSION_MAX, NR_PROTO_VERSION);
    nr_proto_put_str(&b, NR_PROTO_TAG_PROGRAM, program_invocation_short_name);
    if ((code = nr_proto_build_end(&b, &len, err)) != 0)
        return code;
    if (!nr_client_send(fd, pkt, len))
        return nr_error_set(err, ERROR_RASMAN_CANNOT_INITIALIZE, (uint32_t)errno,
                            "the connection service closed the connection: %s", strerror(errno));
    if ((code = nr_client_receive(fd, HELLO_WAIT_MS, &m, err)) != 0)
        return code;
    if (m.type == NR_PROTO_MSG_WELCOME) {
        nr_proto_msg_clear(&m);
        return 0;
    }
    code = nr_proto_get_u32(&m, NR_PROTO_TAG_CODE, ERROR_RASMAN_CANNOT_INITIALIZE);
    nr_error_set(err, code ? code : ERROR_RASMAN_CANNOT_INITIALIZE, 0, "the connection service refused: %s",
                 nr_proto_get_str(&m, NR_PROTO_TAG_DETAIL) ? nr_proto_get_str(&m, NR_PROTO_TAG_DETAIL) : "");
    nr_proto_msg_clear(&m);
    return err->code;
}

/* Connects to path: the descriptor, or -1 with errno. */
static int connect_to(const char *path)
{
    struct sockaddr_un a = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
    int rc;
    if (fd < 0)
        return -1;
    snprintf(a.sun_path, sizeof a.sun_path, "%s", path);
    do
        rc = connect(fd, (struct sockaddr *)&a, sizeof a);
    while (rc < 0 && errno == EINTR);
    if (rc < 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return fd;
}

int nr_client_connect(bool start, nr_error *err)
{
    char path[NR_PROTO_SOCKET_PATH_MAX];
    nr_proto_instance which;
    int fd;
    uint32_t code = nr_proto_socket_path(path, sizeof path, &which, err);
    if (code) {
        err->code = ERROR_RASMAN_CANNOT_INITIALIZE;
        return -1;
    }
    fd = connect_to(path);
    if (fd < 0 && (errno == ENOENT || errno == ECONNREFUSED)) {
        if (!start) {
            nr_error_set(err, ERROR_INVALID_HANDLE, (uint32_t)errno, "no connection service listens at %s", path);
            return -1;
        }
        if (which == NR_PROTO_INSTANCE_SYSTEM && geteuid() != 0) {
            nr_error_set(err, ERROR_RASMAN_CANNOT_INITIALIZE, (uint32_t)errno,
                         "no connection service listens at %s (the system instance, which only root starts; "
                         "set XDG_RUNTIME_DIR to use an instance of your own)", path);
            return -1;
        }
        if (nr_client_start_service(path, err) != 0)
            return -1;
        fd = connect_to(path);
    }
    if (fd < 0) {
        nr_error_set(err, ERROR_RASMAN_CANNOT_INITIALIZE, (uint32_t)errno,
                     "cannot reach the connection service at %s: %s", path, strerror(errno));
        return -1;
    }
    if (greet(fd, err) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* The shared connection, opened as needed; call with shared.lock held. */
static int shared_fd(bool start, nr_error *err)
{
    if (shared.fd >= 0 && shared.pid != getpid()) {
        close(shared.fd); /* the parent's, inherited across fork() */
        shared.fd = -1;
    }
    if (shared.fd < 0) {
        shared.fd = nr_client_connect(start, err);
        shared.pid = getpid();
    }
    return shared.fd;
}

static void shared_drop(void)
{
    if (shared.fd >= 0)
        close(shared.fd);
    shared.fd = -1;
}

uint32_t nr_client_call(void *pkt, size_t len, bool start, int wait_ms, nr_client_record_fn *on_record, void *ctx,
                        nr_client_reply *reply)
{
    nr_error err;
    uint32_t code = 0;
    memset(reply, 0, sizeof *reply);
    if (pthread_mutex_trylock(&shared.lock) != 0) {
        int fd = nr_client_connect(start, &err); /* busy: a connection of this call's own */
        if (fd < 0) {
            snprintf(reply->detail, sizeof reply->detail, "%s", err.detail);
            if (err.code != ERROR_INVALID_HANDLE)
                nr_ras_set_last_error(err.detail);
            return err.code;
        }
        code = nr_client_exchange(fd, pkt, len, wait_ms, on_record, ctx, reply);
        close(fd);
        if (code)
            nr_ras_set_last_error(reply->detail);
        return code ? code : reply->code;
    }
    for (int attempt = 0; attempt < 2; attempt++) {
        int fd = shared_fd(start, &err);
        if (fd < 0) {
            snprintf(reply->detail, sizeof reply->detail, "%s", err.detail);
            code = err.code;
            break;
        }
        code = nr_client_exchange(fd, pkt, len, wait_ms, on_record, ctx, reply);
        if (code == 0) {
            code = reply->code;
            break;
        }
        shared_drop(); /* gone or confused: a fresh connection, once */
        if (code == ERROR_REQUEST_TIMEOUT)
            break;
    }
    pthread_mutex_unlock(&shared.lock);
    if (code == ERROR_RASMAN_CANNOT_INITIALIZE || code == ERROR_REQUEST_TIMEOUT)
        nr_ras_set_last_error(reply->detail); /* why the service did not answer */
    return code;
}

__attribute__((destructor)) static void client_conn_exit(void)
{
    pthread_mutex_lock(&shared.lock);
    if (shared.pid == getpid())
        shared_drop();
    pthread_mutex_unlock(&shared.lock);
}
