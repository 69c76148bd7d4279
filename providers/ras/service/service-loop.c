/*
 * service-loop.c - the connection service's loop (service.h): accepting
 * clients (their user from SO_PEERCRED), reading one message at a time
 * from each in turn, sending their queues as their sockets take them,
 * closing those that went away or misbehaved (a malformed or oversized
 * message closes that client only), collecting the dials nobody dials any
 * more, and ending on a signal or when idle.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "service.h"

static void accept_one(svc *s)
{
    struct ucred cred;
    socklen_t len = sizeof cred;
    svc_client *c;
    int fd = accept4(s->listen_fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
    if (fd < 0)
        return;
    if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0 ||
        (cred.uid != 0 && s->nclients >= NR_SVC_MAX_CLIENTS)) { /* root is never crowded out */
        close(fd);
        return;
    }
    if (cred.uid != 0) {
        size_t mine = 0;
        pthread_mutex_lock(&s->lock);
        for (svc_client *o = s->clients; o; o = o->next)
            mine += o->uid == cred.uid;
        pthread_mutex_unlock(&s->lock);
        if (mine >= NR_SVC_MAX_CLIENTS_PER_USER) {
            svc_log("refused a client of uid %d: it has %zu connections already", (int)cred.uid, mine);
            close(fd);
            return;
        }
    }
    if (!s->system && cred.uid != 0 && cred.uid != s->uid) {
        svc_log("refused a client of uid %d: this instance serves uid %d", (int)cred.uid, (int)s->uid);
        close(fd);
        return;
    }
    if (!(c = calloc(1, sizeof *c))) {
        close(fd);
        return;
    }
    c->fd = fd;
    c->uid = cred.uid;
    c->pid = cred.pid;
    c->refs = 1;
    snprintf(c->program, sizeof c->program, "?");
    pthread_mutex_lock(&s->lock);
    c->next = s->clients;
    s->clients = c;
    s->nclients++;
    pthread_mutex_unlock(&s->lock);
}

/* Reads and answers one message of c; false when c must be closed. */
static bool read_one(svc *s, svc_client *c)
{
    uint8_t pkt[NR_PROTO_MAX_MESSAGE];
    nr_proto_msg m;
    nr_error err;
    ssize_t n;
    bool keep;
    do
        n = recv(c->fd, pkt, sizeof pkt, MSG_TRUNC | MSG_DONTWAIT);
    while (n < 0 && errno == EINTR);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        return true;
    if (n <= 0)
        return false; /* gone */
    memset(&m, 0, sizeof m);
    if (nr_proto_decode(pkt, (size_t)n, &m, &err) != 0) {
        svc_log("client pid %d uid %d (%s): closed: %s", (int)c->pid, (int)c->uid, c->program, err.detail);
        explicit_bzero(pkt, sizeof pkt);
        return false;
    }
    explicit_bzero(pkt, (size_t)n < sizeof pkt ? (size_t)n : sizeof pkt);
    if (s->verbose) {
        char line[1024];
        nr_proto_msg_describe(&m, line, sizeof line);
        svc_log("client pid %d uid %d: %s", (int)c->pid, (int)c->uid, line);
    }
    keep = svc_handle(s, c, &m);
    if (!keep)
        svc_log("client pid %d uid %d (%s): closed: it sent %s out of turn", (int)c->pid, (int)c->uid, c->program,
                nr_proto_type_name(m.type) ? nr_proto_type_name(m.type) : "a message");
    nr_proto_msg_clear(&m);
    return keep;
}

/* Closes the clients that went away (their dials lose them). */
static void close_gone(svc *s)
{
    for (;;) {
        svc_client *gone = NULL;
        pthread_mutex_lock(&s->lock);
        for (svc_client **p = &s->clients; *p; p = &(*p)->next)
            if ((*p)->gone) {
                gone = *p;
                *p = gone->next;
                s->nclients--;
                break;
            }
        if (gone) {
            shutdown(gone->fd, SHUT_RDWR);
            gone->sub_events = 0;
        }
        pthread_mutex_unlock(&s->lock);
        if (!gone)
            return;
        svc_dial_client_gone(s, gone);
        pthread_mutex_lock(&s->lock);
        svc_client_unref(s, gone);
        pthread_mutex_unlock(&s->lock);
    }
}

static uint64_t now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec;
}

bool svc_run(svc *s, unsigned idle_exit_s)
{
    struct pollfd *p = NULL;
    svc_client **who = NULL;
    size_t cap = 0;
    uint64_t idle_since = now_s();
    bool stop = false;
    s->loop_thread = pthread_self();
    while (!stop) {
        size_t n = 3, i = 0;
        int rc;
        pthread_mutex_lock(&s->lock);
        if (s->nclients + 3 > cap) {
            size_t want = s->nclients + 16;
            struct pollfd *np = realloc(p, want * sizeof *np);
            svc_client **nw = np ? realloc(who, want * sizeof *nw) : NULL;
            if (np)
                p = np;
            if (nw) {
                who = nw;
                cap = want;
            }
        }
        p[0] = (struct pollfd){ .fd = s->listen_fd, .events = POLLIN };
        p[1] = (struct pollfd){ .fd = s->wake_fd, .events = POLLIN };
        p[2] = (struct pollfd){ .fd = s->signal_fd, .events = POLLIN };
        for (svc_client *c = s->clients; c && n < cap; c = c->next) {
            who[n] = c;
            p[n++] = (struct pollfd){ .fd = c->fd, .events = (short)(POLLIN | (c->head ? POLLOUT : 0)) };
        }
        pthread_mutex_unlock(&s->lock);
        rc = poll(p, n, 1000);
        if (rc < 0 && errno != EINTR)
            break;
        if (rc > 0 && (p[2].revents & POLLIN)) {
            struct signalfd_siginfo si;
            if (read(s->signal_fd, &si, sizeof si) == (ssize_t)sizeof si) {
                svc_log("signal %u: stopping", si.ssi_signo);
                stop = true;
            }
        }
        if (rc > 0 && (p[1].revents & POLLIN)) {
            uint64_t v;
            if (read(s->wake_fd, &v, sizeof v) < 0) {
                /* nonblocking: nothing to read */
            }
        }
        for (i = 3; rc > 0 && i < n; i++) {
            svc_client *c = who[i];
            bool ok = true;
            if (p[i].revents & POLLOUT)
                ok = svc_flush(s, c);
            if (ok && (p[i].revents & POLLIN))
                ok = read_one(s, c);
            if (ok && (p[i].revents & (POLLHUP | POLLERR | POLLNVAL)) && !(p[i].revents & POLLIN))
                ok = false;
            if (!ok) {
                pthread_mutex_lock(&s->lock);
                c->gone = true;
                pthread_mutex_unlock(&s->lock);
            } else if (c->head) {
                svc_flush(s, c);
            }
        }
        if (rc > 0 && (p[0].revents & POLLIN))
            accept_one(s);
        close_gone(s);
        svc_dial_collect(s);
        if (idle_exit_s) {
            bool idle;
            pthread_mutex_lock(&s->lock);
            idle = !s->clients && !s->dials;
            pthread_mutex_unlock(&s->lock);
            if (!idle)
                idle_since = now_s();
            else if (now_s() - idle_since >= idle_exit_s)
                break;
        }
    }
    free(p);
    free(who);
    return stop;
}

void svc_close_all(svc *s)
{
    pthread_mutex_lock(&s->lock);
    for (svc_client *c = s->clients; c; c = c->next)
        c->gone = true;
    pthread_mutex_unlock(&s->lock);
    close_gone(s);
    svc_dial_collect(s);
}
