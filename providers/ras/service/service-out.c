/*
 * service-out.c - what the connection service writes (service.h): the
 * queue of messages for each client, sent by the loop without ever
 * blocking (a client that reads too slowly is closed when its queue is
 * full, and never holds up the service or another client), the clients'
 * references, the wake-up of the loop, and the log.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "service.h"

void svc_log(const char *fmt, ...)
{
    char line[2048];
    struct timespec now;
    struct tm tm;
    va_list ap;
    clock_gettime(CLOCK_REALTIME, &now);
    localtime_r(&now.tv_sec, &tm);
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    fprintf(stderr, "%02d:%02d:%02d.%03ld netrouterd[%d]: %s\n", tm.tm_hour, tm.tm_min, tm.tm_sec,
            now.tv_nsec / 1000000L, (int)getpid(), line);
}

void svc_wake(svc *s)
{
    uint64_t one = 1;
    if (pthread_equal(pthread_self(), s->loop_thread))
        return; /* the loop flushes and looks again before it sleeps */
    if (write(s->wake_fd, &one, sizeof one) < 0) {
        /* only when the counter would overflow: it is readable anyway */
    }
}

void svc_client_ref(svc *s, svc_client *c)
{
    (void)s;
    c->refs++;
}

void svc_client_unref(svc *s, svc_client *c)
{
    (void)s;
    if (--c->refs)
        return;
    while (c->head) {
        svc_packet *p = c->head;
        c->head = p->next;
        free(p);
    }
    if (c->fd >= 0)
        close(c->fd);
    free(c);
}

void svc_send_locked(svc *s, svc_client *c, nr_proto_builder *b)
{
    size_t len;
    nr_error err;
    svc_packet *p;
    if (nr_proto_build_end(b, &len, &err) != 0) {
        /* A client waiting for this answer must not wait forever: closing
         * its connection ends its call with an error. */
        svc_log("client pid %d (%s): closed, an answer to it could not be built: %s", (int)c->pid, c->program,
                err.detail);
        c->gone = true;
        svc_wake(s);
        return;
    }
    if (c->gone)
        return;
    if (c->queued >= NR_SVC_QUEUE_MAX_PACKETS || c->queued_bytes + len > NR_SVC_QUEUE_MAX_BYTES) {
        svc_log("client pid %d (%s): closed, it does not read what it is sent (%zu messages waiting)",
                (int)c->pid, c->program, c->queued);
        c->gone = true;
        svc_wake(s);
        return;
    }
    if (!(p = malloc(sizeof *p + len))) {
        c->gone = true;
        svc_wake(s);
        return;
    }
    p->next = NULL;
    p->len = len;
    memcpy(p->data, b->buf, len);
    if (c->tail)
        c->tail->next = p;
    else
        c->head = p;
    c->tail = p;
    c->queued++;
    c->queued_bytes += len;
    svc_wake(s);
}

void svc_send(svc *s, svc_client *c, nr_proto_builder *b)
{
    pthread_mutex_lock(&s->lock);
    svc_send_locked(s, c, b);
    pthread_mutex_unlock(&s->lock);
}

void svc_reply(svc *s, svc_client *c, uint32_t seq, uint32_t code, const char *detail, uint64_t handle,
               uint32_t count)
{
    uint8_t pkt[NR_PROTO_HEADER_SIZE + 64 + NR_ERROR_DETAIL_SIZE];
    nr_proto_builder b;
    char text[NR_ERROR_DETAIL_SIZE];
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_REPLY, seq);
    nr_proto_put_u32(&b, NR_PROTO_TAG_CODE, code);
    if (detail && *detail) {
        snprintf(text, sizeof text, "%s", detail);
        nr_proto_put_str(&b, NR_PROTO_TAG_DETAIL, text);
    }
    if (handle)
        nr_proto_put_u64(&b, NR_PROTO_TAG_HANDLE, handle);
    if (count)
        nr_proto_put_u32(&b, NR_PROTO_TAG_COUNT, count);
    svc_send(s, c, &b);
}

/* Packets handed to the kernel in one sendmmsg(): a reply and its records
 * reach the client together, waking it once. */
#define FLUSH_BATCH 16

bool svc_flush(svc *s, svc_client *c)
{
    bool ok;
    pthread_mutex_lock(&s->lock);
    while (c->head && !c->gone) {
        struct mmsghdr v[FLUSH_BATCH];
        struct iovec io[FLUSH_BATCH];
        svc_packet *p = c->head;
        unsigned n = 0;
        int sent;
        for (; p && n < FLUSH_BATCH; p = p->next, n++) {
            io[n] = (struct iovec){ .iov_base = p->data, .iov_len = p->len };
            v[n] = (struct mmsghdr){ .msg_hdr = { .msg_iov = &io[n], .msg_iovlen = 1 } };
        }
        sent = sendmmsg(c->fd, v, n, MSG_DONTWAIT | MSG_NOSIGNAL);
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        if (sent < 0) {
            c->gone = true;
            break;
        }
        for (int i = 0; i < sent; i++) {
            p = c->head;
            c->head = p->next;
            c->queued--;
            c->queued_bytes -= p->len;
            free(p);
        }
        if (!c->head)
            c->tail = NULL;
        if ((unsigned)sent < n)
            break; /* the socket is full: the rest when it takes more */
    }
    ok = !c->gone;
    pthread_mutex_unlock(&s->lock);
    return ok;
}
