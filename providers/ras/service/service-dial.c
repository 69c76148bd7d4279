/*
 * service-dial.c - the dials of the connection service (service.h): the
 * record of each, the relay that hands a dial's notifications to its
 * client and holds the dial until the client's handler has returned, what
 * happens to a dial whose client goes away, and the connect and disconnect
 * events for the subscribers.
 *
 * A record lives until its handle is gone (hung up) and no dialing thread
 * is inside its relay.  Whose link is whose: the owner the engine recorded
 * (nr_local_owner); a client sees and controls its own user's links, root
 * every link.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "local.h"
#include "service.h"

DWORD svc_may_use(uid_t uid, HRASCONN h)
{
    uid_t owner;
    if (!h || nr_local_owner(h, &owner, NULL) != 0)
        return ERROR_INVALID_HANDLE;
    return uid == 0 || uid == owner ? 0 : ERROR_INVALID_HANDLE;
}

/* One notification of the dial, on its dialing thread. */
static bool relay(void *ctx, HRASCONN h, RASCONNSTATE state, DWORD error, DWORD ext)
{
    svc_dial *d = ctx;
    svc *s = d->svc;
    char detail[NR_ERROR_DETAIL_SIZE] = "";
    bool more;
    if (error && nr_local_get_error_detail(h, detail, sizeof detail) != 0)
        detail[0] = '\0';
    pthread_mutex_lock(&s->lock);
    d->in_relay++;
    if (state == RASCS_Connected && !error)
        d->connected = true;
    if (d->async) {
        uint8_t pkt[NR_PROTO_HEADER_SIZE + 128 + NR_ERROR_DETAIL_SIZE];
        nr_proto_builder b;
        while (!d->replied && d->client)
            pthread_cond_wait(&s->changed, &s->lock);
        if (d->client) {
            nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_EVENT, d->seq);
            nr_proto_put_u64(&b, NR_PROTO_TAG_HANDLE, (uint64_t)(uintptr_t)h);
            nr_proto_put_u32(&b, NR_PROTO_TAG_STATE, (uint32_t)state);
            nr_proto_put_u32(&b, NR_PROTO_TAG_ERROR, error);
            nr_proto_put_u32(&b, NR_PROTO_TAG_EXT_ERROR, ext);
            if (*detail)
                nr_proto_put_str(&b, NR_PROTO_TAG_DETAIL, detail);
            d->acked = false;
            svc_send_locked(s, d->client, &b);
        }
        while (!d->acked && d->client)
            pthread_cond_wait(&s->changed, &s->lock);
    }
    more = d->client != NULL;
    d->in_relay--;
    pthread_mutex_unlock(&s->lock);
    return more;
}

svc_dial *svc_dial_new(svc *s, svc_client *c, uint32_t seq, bool async)
{
    svc_dial *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->svc = s;
    d->seq = seq;
    d->async = async;
    d->relay.fn = relay;
    d->relay.ctx = d;
    pthread_mutex_lock(&s->lock);
    d->client = c;
    svc_client_ref(s, c);
    pthread_mutex_unlock(&s->lock);
    return d;
}

void svc_dial_add(svc *s, svc_dial *d)
{
    pthread_mutex_lock(&s->lock);
    d->next = s->dials;
    s->dials = d;
    pthread_mutex_unlock(&s->lock);
}

/* svc.lock held. */
static void drop_client(svc *s, svc_dial *d)
{
    if (d->client) {
        svc_client_unref(s, d->client);
        d->client = NULL;
    }
}

void svc_dial_free(svc *s, svc_dial *d)
{
    pthread_mutex_lock(&s->lock);
    drop_client(s, d);
    pthread_mutex_unlock(&s->lock);
    free(d);
}

svc_dial *svc_dial_find(svc *s, HRASCONN h)
{
    for (svc_dial *d = s->dials; d; d = d->next)
        if (d->h == h)
            return d;
    return NULL;
}

void svc_dial_ack(svc *s, svc_client *c, HRASCONN h)
{
    pthread_mutex_lock(&s->lock);
    for (svc_dial *d = s->dials; d; d = d->next)
        if (d->h == h && d->client == c) {
            d->acked = true;
            pthread_cond_broadcast(&s->changed);
        }
    pthread_mutex_unlock(&s->lock);
}

/* The handles of the dials that need hanging up: orphans (no client) not
 * connected, or ended.  A new array of *n (may be NULL); svc.lock held. */
static HRASCONN *to_hang_up(svc *s, size_t *n)
{
    HRASCONN *v = NULL;
    size_t cap = 0;
    *n = 0;
    for (svc_dial *d = s->dials; d; d = d->next) {
        bool finished = false;
        uid_t owner;
        if (d->client || d->hung_up || !d->h)
            continue;
        if (nr_local_owner(d->h, &owner, &finished) != 0)
            continue;
        if (!d->connected) { /* the engine may be connected before its relay says so */
            RASCONNSTATUS st = { .dwSize = sizeof st };
            d->connected = nr_local_get_connect_status(d->h, &st) == 0 && st.rasconnstate == RASCS_Connected;
        }
        if (d->connected && !finished)
            continue; /* a link stays up without its dialer */
        if (*n == cap) {
            HRASCONN *w = realloc(v, (cap = cap ? cap * 2 : 8) * sizeof *w);
            if (!w)
                break;
            v = w;
        }
        d->hung_up = true;
        v[(*n)++] = d->h;
    }
    return v;
}

static void hang_up_orphans(svc *s)
{
    size_t n;
    HRASCONN *v;
    pthread_mutex_lock(&s->lock);
    v = to_hang_up(s, &n);
    pthread_mutex_unlock(&s->lock);
    for (size_t i = 0; i < n; i++) {
        if (s->verbose)
            svc_log("link %#lx: hung up, nobody dials it any more", (unsigned long)(uintptr_t)v[i]);
        nr_local_hang_up(v[i]);
    }
    free(v);
}

void svc_dial_client_gone(svc *s, svc_client *c)
{
    pthread_mutex_lock(&s->lock);
    for (svc_dial *d = s->dials; d; d = d->next)
        if (d->client == c)
            drop_client(s, d);
    pthread_cond_broadcast(&s->changed); /* relays waiting for it give up */
    pthread_mutex_unlock(&s->lock);
    hang_up_orphans(s);
}

/* Tells the subscribers that may see link h (owner) of events (0: the
 * handle is gone); svc.lock held. */
static void tell(svc *s, HRASCONN h, uid_t owner, uint32_t events)
{
    for (svc_client *c = s->clients; c; c = c->next) {
        uint8_t pkt[64];
        nr_proto_builder b;
        if (c->gone || !c->sub_events || (events && !(c->sub_events & events)) ||
            (c->uid != 0 && c->uid != owner) || (c->sub_handle && c->sub_handle != (uint64_t)(uintptr_t)h))
            continue;
        nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_NOTIFY, c->sub_seq);
        nr_proto_put_u64(&b, NR_PROTO_TAG_HANDLE, (uint64_t)(uintptr_t)h);
        nr_proto_put_u32(&b, NR_PROTO_TAG_EVENTS, events);
        svc_send_locked(s, c, &b);
    }
}

void svc_dial_collect(svc *s)
{
    hang_up_orphans(s);
    pthread_mutex_lock(&s->lock);
    for (svc_dial **p = &s->dials; *p;) {
        svc_dial *d = *p;
        uid_t owner;
        if (d->in_relay || nr_local_owner(d->h, &owner, NULL) == 0) {
            p = &d->next;
            continue;
        }
        *p = d->next; /* the handle is gone */
        tell(s, d->h, d->owner, 0);
        drop_client(s, d);
        free(d);
    }
    pthread_mutex_unlock(&s->lock);
}

void svc_dial_on_event(void *ctx, HRASCONN h, DWORD event)
{
    svc *s = ctx;
    uid_t owner;
    if (nr_local_owner(h, &owner, NULL) != 0)
        return;
    pthread_mutex_lock(&s->lock);
    tell(s, h, owner, event);
    pthread_mutex_unlock(&s->lock);
    svc_wake(s); /* an ended link may need collecting */
}
