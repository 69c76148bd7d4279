/*
 * ipc.c - encoding, decoding and moving the messages of the router-host
 * protocol (ipc.h).  Bounds are checked here, once, for both ends.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "clock.h"
#include "ipc.h"

static void put_le32(unsigned char *p, uint32_t v)
{
    p[0] = v & 0xff;
    p[1] = (v >> 8) & 0xff;
    p[2] = (v >> 16) & 0xff;
    p[3] = (v >> 24) & 0xff;
}

static uint32_t get_le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

void nr_ipc_begin(nr_ipc_out *o)
{
    o->len = NR_IPC_HEADER;
    o->overflow = false;
}

static unsigned char *room(nr_ipc_out *o, size_t n)
{
    unsigned char *p;
    if (o->overflow || n > sizeof o->b - o->len) {
        o->overflow = true;
        return NULL;
    }
    p = o->b + o->len;
    o->len += n;
    return p;
}

void nr_ipc_put_u32(nr_ipc_out *o, uint32_t v)
{
    unsigned char *p = room(o, 4);
    if (p)
        put_le32(p, v);
}

void nr_ipc_put_u64(nr_ipc_out *o, uint64_t v)
{
    nr_ipc_put_u32(o, (uint32_t)v);
    nr_ipc_put_u32(o, (uint32_t)(v >> 32));
}

void nr_ipc_put_str(nr_ipc_out *o, const char *s)
{
    size_t n;
    unsigned char *p;
    if (!s) {
        nr_ipc_put_u32(o, 0xffffffffu);
        return;
    }
    n = strlen(s) + 1;
    if (n > NR_IPC_MAX_PAYLOAD) {
        o->overflow = true;
        return;
    }
    nr_ipc_put_u32(o, (uint32_t)n);
    if ((p = room(o, n)))
        memcpy(p, s, n);
}

void nr_ipc_put_blob(nr_ipc_out *o, const void *p, uint32_t n)
{
    unsigned char *q;
    nr_ipc_put_u32(o, n);
    if (n && (q = room(o, n)))
        memcpy(q, p, n);
}

void nr_ipc_append(nr_ipc_out *o, const nr_ipc_out *tail)
{
    size_t n = tail->len - NR_IPC_HEADER;
    unsigned char *q;
    if (tail->overflow)
        o->overflow = true;
    else if (n && (q = room(o, n)))
        memcpy(q, tail->b + NR_IPC_HEADER, n);
}

void nr_ipc_put_res(nr_ipc_out *o, const NETRESOURCEA *r)
{
    nr_ipc_put_u32(o, r != NULL);
    if (!r)
        return;
    nr_ipc_put_str(o, r->lpLocalName);
    nr_ipc_put_str(o, r->lpRemoteName);
    nr_ipc_put_str(o, r->lpComment);
    nr_ipc_put_str(o, r->lpProvider);
    nr_ipc_put_u32(o, r->dwScope);
    nr_ipc_put_u32(o, r->dwType);
    nr_ipc_put_u32(o, r->dwDisplayType);
    nr_ipc_put_u32(o, r->dwUsage);
}

static bool send_msg(int fd, uint32_t type, uint32_t id, nr_ipc_out *o, int passed, int flags)
{
    union { struct cmsghdr h; char b[CMSG_SPACE(sizeof(int))]; } ctl;
    struct iovec iov;
    struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
    ssize_t w;
    if (o->overflow) {
        errno = EMSGSIZE;
        return false;
    }
    put_le32(o->b, (uint32_t)(o->len - NR_IPC_HEADER));
    put_le32(o->b + 4, type);
    put_le32(o->b + 8, id);
    iov = (struct iovec){ o->b, o->len };
    if (passed >= 0) {
        memset(&ctl, 0, sizeof ctl);
        mh.msg_control = ctl.b;
        mh.msg_controllen = sizeof ctl.b;
        CMSG_FIRSTHDR(&mh)->cmsg_level = SOL_SOCKET;
        CMSG_FIRSTHDR(&mh)->cmsg_type = SCM_RIGHTS;
        CMSG_FIRSTHDR(&mh)->cmsg_len = CMSG_LEN(sizeof(int));
        memcpy(CMSG_DATA(CMSG_FIRSTHDR(&mh)), &passed, sizeof passed);
    }
    do
        w = sendmsg(fd, &mh, MSG_NOSIGNAL | flags);
    while (w < 0 && errno == EINTR);
    if (w >= 0 && (size_t)w != o->len)
        errno = EPROTO;
    return w >= 0 && (size_t)w == o->len;
}

bool nr_ipc_send(int fd, uint32_t type, uint32_t id, nr_ipc_out *o)
{
    return send_msg(fd, type, id, o, -1, 0);
}

bool nr_ipc_send_fd(int fd, uint32_t type, uint32_t id, nr_ipc_out *o, int passed)
{
    return send_msg(fd, type, id, o, passed, 0);
}

bool nr_ipc_send_nowait(int fd, uint32_t type, uint32_t id, nr_ipc_out *o)
{
    return send_msg(fd, type, id, o, -1, MSG_DONTWAIT);
}

bool nr_ipc_decode(nr_ipc_in *in, size_t n)
{
    uint32_t len;
    in->bad = false;
    in->pos = 0;
    if (n < NR_IPC_HEADER || n > NR_IPC_HEADER + NR_IPC_MAX_PAYLOAD)
        return false;
    len = get_le32(in->b);
    if (len != n - NR_IPC_HEADER)
        return false;
    in->len = len;
    in->type = get_le32(in->b + 4);
    in->id = get_le32(in->b + 8);
    return true;
}

/* One recv() of a whole message (flags: MSG_DONTWAIT or 0). */
static int take_message(int fd, nr_ipc_in *in, int flags)
{
    /* One more byte than a message may have: a longer one shows as too long. */
    ssize_t n = recv(fd, in->b, sizeof in->b, MSG_TRUNC | flags);
    if (n < 0)
        return errno == ECONNRESET ? 0 : -1;
    if (n == 0)
        return 0;
    if (!nr_ipc_decode(in, (size_t)n)) {
        errno = EPROTO;
        return -1;
    }
    return 1;
}

int nr_ipc_recv_fd(int fd, nr_ipc_in *in, int *passed)
{
    union { struct cmsghdr h; char b[CMSG_SPACE(sizeof(int))]; } ctl;
    struct iovec iov = { in->b, sizeof in->b };
    struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.b, .msg_controllen = sizeof ctl.b };
    struct cmsghdr *c;
    ssize_t n;
    *passed = -1;
    do
        n = recvmsg(fd, &mh, MSG_TRUNC | MSG_CMSG_CLOEXEC);
    while (n < 0 && errno == EINTR);
    for (c = n >= 0 ? CMSG_FIRSTHDR(&mh) : NULL; c; c = CMSG_NXTHDR(&mh, c))
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS && c->cmsg_len == CMSG_LEN(sizeof(int)))
            memcpy(passed, CMSG_DATA(c), sizeof *passed);
    if (n < 0)
        return errno == ECONNRESET ? 0 : -1;
    if (n == 0 || !nr_ipc_decode(in, (size_t)n)) {
        if (*passed >= 0)
            close(*passed);
        *passed = -1;
        if (n == 0)
            return 0;
        errno = EPROTO;
        return -1;
    }
    return 1;
}

int nr_ipc_recv_timed(int fd, nr_ipc_in *in, unsigned spin_us)
{
    int rc;
    if (spin_us) {
        /* The answer usually comes within microseconds: looking for it
         * that long spares the two wake-ups a blocking recv() costs. */
        uint64_t until = nr_clock_ns() + (uint64_t)spin_us * 1000u;
        do {
            rc = take_message(fd, in, MSG_DONTWAIT);
            if (rc >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR))
                return rc;
        } while (nr_clock_ns() < until);
    }
    do
        rc = take_message(fd, in, 0);
    while (rc < 0 && errno == EINTR);
    if (rc < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        errno = ETIMEDOUT;
    return rc;
}

int nr_ipc_recv(int fd, nr_ipc_in *in, uint64_t deadline_ms)
{
    if (!deadline_ms)
        return nr_ipc_recv_timed(fd, in, 0);
    for (;;) {
        struct pollfd pfd = { .fd = fd, .events = POLLIN };
        ssize_t n;
        int timeout = -1, rc;
        if (deadline_ms) {
            uint64_t now = nr_clock_ms();
            timeout = now >= deadline_ms ? 0 : (int)(deadline_ms - now > 86400000u ? 86400000u : deadline_ms - now);
        }
        rc = poll(&pfd, 1, timeout);
        if (rc < 0 && errno == EINTR)
            continue;
        if (rc < 0)
            return -1;
        if (rc == 0) {
            errno = ETIMEDOUT;
            return -1;
        }
        n = take_message(fd, in, 0);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        return (int)n;
    }
}

static const unsigned char *take(nr_ipc_in *in, size_t n)
{
    const unsigned char *p;
    if (in->bad || n > in->len - in->pos) {
        in->bad = true;
        return NULL;
    }
    p = in->b + NR_IPC_HEADER + in->pos;
    in->pos += n;
    return p;
}

uint32_t nr_ipc_get_u32(nr_ipc_in *in)
{
    const unsigned char *p = take(in, 4);
    return p ? get_le32(p) : 0;
}

uint64_t nr_ipc_get_u64(nr_ipc_in *in)
{
    uint64_t lo = nr_ipc_get_u32(in);
    return lo | (uint64_t)nr_ipc_get_u32(in) << 32;
}

const void *nr_ipc_get_blob(nr_ipc_in *in, uint32_t *n)
{
    static const unsigned char empty;
    *n = nr_ipc_get_u32(in);
    if (in->bad)
        return NULL;
    if (*n == 0)
        return &empty;
    return take(in, *n);
}

const char *nr_ipc_get_str(nr_ipc_in *in)
{
    uint32_t n = nr_ipc_get_u32(in);
    const char *s;
    if (in->bad || n == 0xffffffffu)
        return NULL;
    s = (const char *)take(in, n);
    if (!s || n == 0 || s[n - 1] != '\0' || memchr(s, '\0', n - 1)) {
        in->bad = true;
        return NULL;
    }
    return s;
}

bool nr_ipc_get_res(nr_ipc_in *in, NETRESOURCEA *r)
{
    memset(r, 0, sizeof *r);
    if (!nr_ipc_get_u32(in))
        return false;
    r->lpLocalName = (char *)nr_ipc_get_str(in);
    r->lpRemoteName = (char *)nr_ipc_get_str(in);
    r->lpComment = (char *)nr_ipc_get_str(in);
    r->lpProvider = (char *)nr_ipc_get_str(in);
    r->dwScope = nr_ipc_get_u32(in);
    r->dwType = nr_ipc_get_u32(in);
    r->dwDisplayType = nr_ipc_get_u32(in);
    r->dwUsage = nr_ipc_get_u32(in);
    return !in->bad;
}
