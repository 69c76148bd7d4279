/*
 * service-calls.c - the connection service's answer to each request of a
 * client (service.h, docs/service.md "The conversation"): the greeting,
 * dials and their resumption, hang-ups, status, the list of links,
 * projections, statistics, subscriptions, the terminal step.  Every request that names
 * a link is checked against the client's user first (svc_may_use); what
 * does not wait is answered on the loop's thread, what waits on a thread
 * of its own.  Secrets (a dial's password) are copied only into the
 * engine's parameters and wiped here at once.
 */
#include "config.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "local-lasterror.h"
#include "local.h"
#include "service.h"
#include "thread.h"
#include "utf8.h"

#define SERVICE_NAME "netrouterd " PACKAGE_VERSION
#define TOO_MANY "the connection service is out of memory, or has too many requests waiting"


static uint64_t wire(HRASCONN h)
{
    return (uint64_t)(uintptr_t)h;
}

static HRASCONN handle_of(const nr_proto_msg *m)
{
    return (HRASCONN)(uintptr_t)nr_proto_get_u64(m, NR_PROTO_TAG_HANDLE, 0);
}

static void copy(char *dst, size_t size, const char *src)
{
    snprintf(dst, size, "%s", src ? src : "");
}

static void hello(svc *s, svc_client *c, const nr_proto_msg *m)
{
    uint8_t pkt[256];
    nr_proto_builder b;
    nr_error err;
    uint16_t version;
    const char *program = nr_proto_get_str(m, NR_PROTO_TAG_PROGRAM);
    copy(c->program, sizeof c->program, program ? program : "?");
    for (char *p = c->program; *p; p++) /* it goes into the log: printable ASCII only */
        if ((unsigned char)*p < 0x20 || (unsigned char)*p > 0x7e)
            *p = '?';
    if (nr_proto_negotiate(nr_proto_get_u32(m, NR_PROTO_TAG_VERSION_MIN, 0),
                           nr_proto_get_u32(m, NR_PROTO_TAG_VERSION_MAX, 0), &version, &err) != 0) {
        svc_reply(s, c, m->seq, err.code, err.detail, 0, 0);
        return;
    }
    c->greeted = true;
    c->version = version;
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_WELCOME, m->seq);
    nr_proto_put_u32(&b, NR_PROTO_TAG_VERSION, version);
    nr_proto_put_str(&b, NR_PROTO_TAG_SERVICE, SERVICE_NAME);
    nr_proto_put_u32(&b, NR_PROTO_TAG_UID, (uint32_t)c->uid);
    svc_send(s, c, &b);
}

/* A synchronous dial: its reply once connected or failed. */
typedef struct waiter {
    svc *s;
    svc_client *c;
    uint32_t seq;
    HRASCONN h;
    DWORD timeout_ms;
    uint8_t *buf;
    DWORD size;
    int kind;
} waiter;

static void waiter_free(waiter *w)
{
    pthread_mutex_lock(&w->s->lock);
    w->c->waiting--;
    w->s->waiting--;
    svc_client_unref(w->s, w->c);
    pthread_mutex_unlock(&w->s->lock);
    free(w->buf);
    free(w);
}

/* A waiting request of c, counted against the limits of waiting requests
 * (one thread each): NULL when out of memory or over a limit. */
static waiter *waiter_new(svc *s, svc_client *c, const nr_proto_msg *m)
{
    waiter *w;
    pthread_mutex_lock(&s->lock);
    if (c->waiting >= NR_SVC_MAX_WAITING_PER_CLIENT || s->waiting >= NR_SVC_MAX_WAITING) {
        pthread_mutex_unlock(&s->lock);
        return NULL;
    }
    if ((w = calloc(1, sizeof *w)) != NULL) {
        w->s = s;
        w->c = c;
        w->seq = m->seq;
        w->h = handle_of(m);
        svc_client_ref(s, c);
        c->waiting++;
        s->waiting++;
    }
    pthread_mutex_unlock(&s->lock);
    return w;
}

static void *wait_dial(void *arg)
{
    waiter *w = arg;
    char detail[NR_ERROR_DETAIL_SIZE] = "";
    DWORD rc = nr_local_wait(w->h);
    if (rc && nr_local_get_error_detail(w->h, detail, sizeof detail) != 0)
        detail[0] = '\0';
    svc_reply(w->s, w->c, w->seq, rc, detail, wire(w->h), 0);
    waiter_free(w);
    return NULL;
}

static void dial(svc *s, svc_client *c, const nr_proto_msg *m)
{
    RASDIALPARAMS p = { .dwSize = sizeof p };
    RASDIALEXTENSIONS ext = { .dwSize = sizeof ext };
    bool async = nr_proto_has(m, NR_PROTO_TAG_NOTIFIER);
    HRASCONN h = NULL;
    svc_dial *d;
    waiter *w = NULL;
    DWORD rc;
    if (s->system && c->uid != 0) {
        svc_reply(s, c, m->seq, ERROR_ACCESS_DENIED,
                  "the system instance of the connection service dials for root only; run your own "
                  "(XDG_RUNTIME_DIR)", 0, 0);
        return;
    }
    copy(p.szPhoneNumber, sizeof p.szPhoneNumber, nr_proto_get_str(m, NR_PROTO_TAG_PHONE_NUMBER));
    copy(p.szCallbackNumber, sizeof p.szCallbackNumber, nr_proto_get_str(m, NR_PROTO_TAG_CALLBACK_NUMBER));
    copy(p.szUserName, sizeof p.szUserName, nr_proto_get_str(m, NR_PROTO_TAG_USER));
    copy(p.szPassword, sizeof p.szPassword, nr_proto_get_secret(m, NR_PROTO_TAG_PASSWORD));
    copy(p.szDomain, sizeof p.szDomain, nr_proto_get_str(m, NR_PROTO_TAG_DOMAIN));
    p.dwSubEntry = nr_proto_get_u32(m, NR_PROTO_TAG_SUBENTRY, 0);
    p.dwCallbackId = (ULONG_PTR)nr_proto_get_u64(m, NR_PROTO_TAG_CALLBACK_ID, 0);
    ext.dwfOptions = nr_proto_get_u32(m, NR_PROTO_TAG_DIAL_OPTIONS, 0);
    if (!async)
        ext.dwfOptions &= ~(DWORD)RDEOPT_PausedStates; /* as in-process: a synchronous dial never pauses */
    d = svc_dial_new(s, c, m->seq, async);
    if (!async && d)
        w = waiter_new(s, c, m);
    if (!d || (!async && !w)) {
        explicit_bzero(&p, sizeof p);
        if (d)
            svc_dial_free(s, d);
        svc_reply(s, c, m->seq, ERROR_ALLOCATING_MEMORY, TOO_MANY, 0, 0);
        return;
    }
    d->owner = c->uid;
    rc = nr_local_dial(&ext, nr_proto_get_str(m, NR_PROTO_TAG_PHONEBOOK), &p,
                       nr_proto_get_str(m, NR_PROTO_TAG_ENTRY), NR_RAS_NOTIFIER_RELAY, &d->relay, &h, c->uid);
    explicit_bzero(&p, sizeof p);
    if (!h) { /* no attempt: the phonebook, the entry */
        svc_reply(s, c, m->seq, rc ? rc : ERROR_UNKNOWN, nr_ras_last_error(), 0, 0);
        svc_dial_free(s, d);
        if (w)
            waiter_free(w);
        return;
    }
    d->h = h;
    svc_dial_add(s, d);
    if (s->verbose)
        svc_log("client pid %d uid %d (%s): dials %s: link %#lx", (int)c->pid, (int)c->uid, c->program,
                nr_proto_get_str(m, NR_PROTO_TAG_ENTRY), (unsigned long)wire(h));
    if (async) {
        svc_reply(s, c, m->seq, rc, NULL, wire(h), 0);
        pthread_mutex_lock(&s->lock);
        d->replied = true;
        pthread_cond_broadcast(&s->changed);
        pthread_mutex_unlock(&s->lock);
        return;
    }
    w->h = h;
    if (nr_thread_start(wait_dial, w) != 0) {
        waiter_free(w);
        nr_local_hang_up(h);
        svc_reply(s, c, m->seq, ERROR_ALLOCATING_MEMORY, "the connection service cannot start a thread",
                  wire(h), 0);
    }
}

static void resume(svc *s, svc_client *c, const nr_proto_msg *m)
{
    RASDIALPARAMS p = { .dwSize = sizeof p };
    HRASCONN h = handle_of(m);
    svc_dial *d;
    DWORD rc = svc_may_use(c->uid, h);
    pthread_mutex_lock(&s->lock);
    d = rc ? NULL : svc_dial_find(s, h);
    if (!rc && (!d || !d->async))
        rc = ERROR_INVALID_AUTH_STATE;
    if (!rc && (!d->client || d->client->pid != c->pid))
        rc = ERROR_INVALID_PARAMETER; /* only its dialing process resumes a dial, with its notifier */
    pthread_mutex_unlock(&s->lock);
    if (!rc) {
        copy(p.szCallbackNumber, sizeof p.szCallbackNumber, nr_proto_get_str(m, NR_PROTO_TAG_CALLBACK_NUMBER));
        copy(p.szUserName, sizeof p.szUserName, nr_proto_get_str(m, NR_PROTO_TAG_USER));
        copy(p.szPassword, sizeof p.szPassword, nr_proto_get_secret(m, NR_PROTO_TAG_PASSWORD));
        copy(p.szDomain, sizeof p.szDomain, nr_proto_get_str(m, NR_PROTO_TAG_DOMAIN));
        rc = nr_local_dial(NULL, NULL, &p, "", NR_RAS_NOTIFIER_RELAY, &d->relay, &h, c->uid); /* h: a resume */
        explicit_bzero(&p, sizeof p);
    }
    svc_reply(s, c, m->seq, rc, NULL, 0, 0);
}

static void *wait_hang_up(void *arg)
{
    waiter *w = arg;
    DWORD rc = nr_local_hang_up_wait(w->h, w->timeout_ms);
    svc_reply(w->s, w->c, w->seq, rc, NULL, 0, 0);
    waiter_free(w);
    return NULL;
}

static void hang_up(svc *s, svc_client *c, const nr_proto_msg *m)
{
    HRASCONN h = handle_of(m);
    DWORD rc = svc_may_use(c->uid, h);
    waiter *w;
    if (!rc && nr_proto_has(m, NR_PROTO_TAG_TIMEOUT_MS)) {
        if ((w = waiter_new(s, c, m)) == NULL) {
            svc_reply(s, c, m->seq, ERROR_ALLOCATING_MEMORY, TOO_MANY, 0, 0);
            return;
        }
        w->timeout_ms = nr_proto_get_u32(m, NR_PROTO_TAG_TIMEOUT_MS, 0);
        if (nr_thread_start(wait_hang_up, w) == 0)
            return;
        waiter_free(w);
    }
    if (!rc)
        rc = nr_local_hang_up(h);
    if (!rc && s->verbose)
        svc_log("client pid %d uid %d (%s): hangs up link %#lx", (int)c->pid, (int)c->uid, c->program,
                (unsigned long)wire(h));
    svc_reply(s, c, m->seq, rc, NULL, 0, 0);
}

static void status(svc *s, svc_client *c, const nr_proto_msg *m)
{
    RASCONNSTATUS st = { .dwSize = sizeof st };
    uint8_t pkt[NR_PROTO_HEADER_SIZE + 512 + NR_ERROR_DETAIL_SIZE];
    char detail[NR_ERROR_DETAIL_SIZE] = "", ifname[16] = "", dns[NR_PROTO_NAMESERVERS_MAX + 1] = "";
    nr_proto_builder b;
    HRASCONN h = handle_of(m);
    DWORD rc = svc_may_use(c->uid, h);
    if (!rc)
        rc = nr_local_get_connect_status(h, &st);
    if (rc) {
        svc_reply(s, c, m->seq, rc, NULL, 0, 0);
        return;
    }
    nr_local_get_error_detail(h, detail, sizeof detail);
    nr_local_get_interface(h, ifname, sizeof ifname);
    nr_local_get_nameservers(h, dns, sizeof dns);
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_STATUS_INFO, m->seq);
    nr_proto_put_u64(&b, NR_PROTO_TAG_HANDLE, wire(h));
    nr_proto_put_u32(&b, NR_PROTO_TAG_STATE, (uint32_t)st.rasconnstate);
    nr_proto_put_u32(&b, NR_PROTO_TAG_ERROR, st.dwError);
    nr_proto_put_str(&b, NR_PROTO_TAG_DEVICE_TYPE, st.szDeviceType);
    nr_proto_put_str(&b, NR_PROTO_TAG_DEVICE_NAME, st.szDeviceName);
    nr_proto_put_str(&b, NR_PROTO_TAG_PHONE_NUMBER, st.szPhoneNumber);
    nr_proto_put_str(&b, NR_PROTO_TAG_INTERFACE, ifname);
    if (*detail)
        nr_proto_put_str(&b, NR_PROTO_TAG_DETAIL, detail);
    if (c->version >= nr_proto_rule_version(NR_PROTO_MSG_STATUS_INFO, NR_PROTO_TAG_NAMESERVERS))
        nr_proto_put_str(&b, NR_PROTO_TAG_NAMESERVERS, dns); /* always, "" too: the client knows we know */
    svc_send(s, c, &b);
    svc_reply(s, c, m->seq, 0, NULL, 0, 0);
}

static void list(svc *s, svc_client *c, const nr_proto_msg *m)
{
    nr_ras_link *v = NULL;
    size_t n = 0;
    uint32_t shown = 0;
    DWORD rc = nr_rasconn_snapshot(&v, &n);
    for (size_t i = 0; !rc && i < n; i++) {
        uint8_t pkt[NR_PROTO_HEADER_SIZE + 1024 + NR_RAS_MaxEntryNameUtf8 + RAS_MaxPath];
        char entry[NR_RAS_MaxEntryNameUtf8 + 1];
        size_t fits = nr_proto_tag_max_in(NR_PROTO_TAG_ENTRY, c->version);
        nr_proto_builder b;
        if (c->uid != 0 && c->uid != v[i].owner)
            continue;
        /* A client of protocol version 1 takes 256 octets of a name: the
         * name as a RASCONNA holds it, cut at a character. */
        nr_utf8_copy_fit(entry, fits + 1 < sizeof entry ? fits + 1 : sizeof entry, v[i].entry);
        nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_CONNECTION, m->seq);
        nr_proto_put_u64(&b, NR_PROTO_TAG_HANDLE, wire(v[i].handle));
        nr_proto_put_str(&b, NR_PROTO_TAG_ENTRY, entry);
        nr_proto_put_str(&b, NR_PROTO_TAG_PHONEBOOK, v[i].phonebook);
        nr_proto_put_str(&b, NR_PROTO_TAG_DEVICE_TYPE, v[i].device_type);
        nr_proto_put_str(&b, NR_PROTO_TAG_DEVICE_NAME, v[i].device_name);
        nr_proto_put_u32(&b, NR_PROTO_TAG_SUBENTRY, 1);
        nr_proto_put_u32(&b, NR_PROTO_TAG_STATE, (uint32_t)v[i].state);
        nr_proto_put_u32(&b, NR_PROTO_TAG_UID, (uint32_t)v[i].owner);
        svc_send(s, c, &b);
        shown++;
    }
    free(v);
    svc_reply(s, c, m->seq, rc, NULL, 0, shown);
}

static void projection(svc *s, svc_client *c, const nr_proto_msg *m)
{
    uint8_t pkt[NR_PROTO_HEADER_SIZE + 256 + RAS_MaxReplyMessage];
    nr_proto_builder b;
    HRASCONN h = handle_of(m);
    RASPROJECTION proj = (RASPROJECTION)nr_proto_get_u32(m, NR_PROTO_TAG_PROJECTION, 0);
    RASPPPIP ip = { .dwSize = sizeof ip };
    RASPPPLCP lcp = { .dwSize = sizeof lcp };
    DWORD cb = proj == RASP_PppIp ? sizeof ip : sizeof lcp;
    DWORD rc = svc_may_use(c->uid, h);
    if (!rc)
        rc = nr_local_get_projection_info(h, proj, proj == RASP_PppIp ? (void *)&ip : (void *)&lcp, &cb);
    if (rc) {
        svc_reply(s, c, m->seq, rc, NULL, 0, 0);
        return;
    }
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_PROJECTION_INFO, m->seq);
    nr_proto_put_u64(&b, NR_PROTO_TAG_HANDLE, wire(h));
    nr_proto_put_u32(&b, NR_PROTO_TAG_PROJECTION, (uint32_t)proj);
    if (proj == RASP_PppIp) {
        nr_proto_put_u32(&b, NR_PROTO_TAG_ERROR, ip.dwError);
        nr_proto_put_str(&b, NR_PROTO_TAG_IP_ADDRESS, ip.szIpAddress);
        nr_proto_put_str(&b, NR_PROTO_TAG_SERVER_IP_ADDRESS, ip.szServerIpAddress);
    } else {
        nr_proto_put_u32(&b, NR_PROTO_TAG_AUTH_PROTOCOL, lcp.dwAuthenticationProtocol);
        nr_proto_put_u32(&b, NR_PROTO_TAG_AUTH_DATA, lcp.dwAuthenticationData);
        nr_proto_put_str(&b, NR_PROTO_TAG_REPLY_MESSAGE, lcp.szReplyMessage);
    }
    svc_send(s, c, &b);
    svc_reply(s, c, m->seq, 0, NULL, 0, 0);
}

static void stats(svc *s, svc_client *c, const nr_proto_msg *m)
{
    uint8_t pkt[NR_PROTO_HEADER_SIZE + 256];
    nr_proto_builder b;
    RAS_STATS st = { .dwSize = sizeof st };
    HRASCONN h = handle_of(m);
    DWORD rc = svc_may_use(c->uid, h);
    if (!rc)
        rc = m->type == NR_PROTO_MSG_CLEAR_STATS ? nr_local_clear_stats(h) : nr_local_get_stats(h, &st);
    if (rc || m->type == NR_PROTO_MSG_CLEAR_STATS) {
        svc_reply(s, c, m->seq, rc, NULL, 0, 0);
        return;
    }
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_STATS_INFO, m->seq);
    nr_proto_put_u64(&b, NR_PROTO_TAG_HANDLE, wire(h));
    nr_proto_put_u64(&b, NR_PROTO_TAG_BYTES_SENT, st.dwBytesXmited);
    nr_proto_put_u64(&b, NR_PROTO_TAG_BYTES_RECEIVED, st.dwBytesRcved);
    nr_proto_put_u64(&b, NR_PROTO_TAG_FRAMES_SENT, st.dwFramesXmited);
    nr_proto_put_u64(&b, NR_PROTO_TAG_FRAMES_RECEIVED, st.dwFramesRcved);
    nr_proto_put_u64(&b, NR_PROTO_TAG_CRC_ERRORS, st.dwCrcErr);
    nr_proto_put_u64(&b, NR_PROTO_TAG_TIMEOUT_ERRORS, st.dwTimeoutErr);
    nr_proto_put_u64(&b, NR_PROTO_TAG_ALIGNMENT_ERRORS, st.dwAlignmentErr);
    nr_proto_put_u64(&b, NR_PROTO_TAG_HARDWARE_OVERRUN_ERRORS, st.dwHardwareOverrunErr);
    nr_proto_put_u64(&b, NR_PROTO_TAG_FRAMING_ERRORS, st.dwFramingErr);
    nr_proto_put_u64(&b, NR_PROTO_TAG_BUFFER_OVERRUN_ERRORS, st.dwBufferOverrunErr);
    nr_proto_put_u32(&b, NR_PROTO_TAG_COMPRESSION_RATIO_IN, st.dwCompressionRatioIn);
    nr_proto_put_u32(&b, NR_PROTO_TAG_COMPRESSION_RATIO_OUT, st.dwCompressionRatioOut);
    nr_proto_put_u32(&b, NR_PROTO_TAG_BPS, st.dwBps);
    nr_proto_put_u64(&b, NR_PROTO_TAG_CONNECT_DURATION_MS, st.dwConnectDuration);
    svc_send(s, c, &b);
    svc_reply(s, c, m->seq, 0, NULL, 0, 0);
}

static void subscribe(svc *s, svc_client *c, const nr_proto_msg *m)
{
    HRASCONN h = handle_of(m);
    uint32_t events = nr_proto_get_u32(m, NR_PROTO_TAG_EVENTS, 0);
    DWORD rc = h ? svc_may_use(c->uid, h) : 0;
    if (!rc && (events & ~(uint32_t)(RASCN_Connection | RASCN_Disconnection | RASCN_BandwidthAdded |
                                     RASCN_BandwidthRemoved | RASCN_ReConnection)))
        rc = ERROR_INVALID_PARAMETER;
    if (!rc) {
        pthread_mutex_lock(&s->lock);
        c->sub_seq = m->seq;
        c->sub_events = nr_proto_get_u32(m, NR_PROTO_TAG_EVENTS, 0);
        c->sub_handle = wire(h);
        pthread_mutex_unlock(&s->lock);
    }
    svc_reply(s, c, m->seq, rc, NULL, 0, 0);
}

static void *terminal(void *arg)
{
    waiter *w = arg;
    DWORD rc, got = 0;
    if (w->kind == NR_PROTO_MSG_TERMINAL_WRITE) {
        rc = nr_local_terminal_write(w->h, w->buf, w->size);
    } else {
        rc = nr_local_terminal_read(w->h, w->buf, w->size, w->timeout_ms, &got);
        if (!rc && got) {
            nr_proto_builder b;
            uint8_t *pkt = malloc(NR_PROTO_MAX_MESSAGE);
            if (pkt) {
                nr_proto_build_init(&b, pkt, NR_PROTO_MAX_MESSAGE, NR_PROTO_MSG_TERMINAL_DATA, w->seq);
                nr_proto_put_u64(&b, NR_PROTO_TAG_HANDLE, wire(w->h));
                nr_proto_put_bytes(&b, NR_PROTO_TAG_DATA, w->buf, got);
                svc_send(w->s, w->c, &b);
                free(pkt);
            }
        }
    }
    svc_reply(w->s, w->c, w->seq, rc, NULL, 0, 0);
    waiter_free(w);
    return NULL;
}

static void terminal_request(svc *s, svc_client *c, const nr_proto_msg *m)
{
    static const size_t most = NR_PROTO_MAX_MESSAGE - NR_PROTO_HEADER_SIZE - 2 * NR_PROTO_ATTR_HEADER - 8;
    DWORD rc = svc_may_use(c->uid, handle_of(m));
    waiter *w = rc ? NULL : waiter_new(s, c, m);
    size_t n = 0;
    const uint8_t *data = nr_proto_get_bytes(m, NR_PROTO_TAG_DATA, &n);
    if (rc || !w) {
        svc_reply(s, c, m->seq, rc ? rc : ERROR_ALLOCATING_MEMORY, rc ? NULL : TOO_MANY, 0, 0);
        return;
    }
    w->kind = m->type;
    w->timeout_ms = nr_proto_get_u32(m, NR_PROTO_TAG_TIMEOUT_MS, 0);
    w->size = m->type == NR_PROTO_MSG_TERMINAL_WRITE ? (DWORD)n : nr_proto_get_u32(m, NR_PROTO_TAG_SIZE, 0);
    if (w->size > most)
        w->size = (DWORD)most;
    w->buf = malloc(w->size ? w->size : 1);
    if (w->buf && data)
        memcpy(w->buf, data, w->size);
    if (!w->buf || (m->type == NR_PROTO_MSG_TERMINAL_READ && !w->size) || nr_thread_start(terminal, w) != 0) {
        svc_reply(s, c, m->seq, w->buf && !w->size ? ERROR_INVALID_PARAMETER : ERROR_ALLOCATING_MEMORY, NULL, 0,
                  0);
        waiter_free(w);
    }
}

bool svc_handle(svc *s, svc_client *c, const nr_proto_msg *m)
{
    if (nr_proto_type_sender(m->type) != NR_PROTO_SENDER_CLIENT)
        return false;
    if (!c->greeted && m->type != NR_PROTO_MSG_HELLO)
        return false;
    switch (m->type) {
    case NR_PROTO_MSG_HELLO:
        hello(s, c, m);
        break;
    case NR_PROTO_MSG_DIAL:
        dial(s, c, m);
        break;
    case NR_PROTO_MSG_RESUME:
        resume(s, c, m);
        break;
    case NR_PROTO_MSG_HANGUP:
        hang_up(s, c, m);
        break;
    case NR_PROTO_MSG_STATUS:
        status(s, c, m);
        break;
    case NR_PROTO_MSG_ENUM:
        list(s, c, m);
        break;
    case NR_PROTO_MSG_PROJECTION:
        projection(s, c, m);
        break;
    case NR_PROTO_MSG_SUBSCRIBE:
        subscribe(s, c, m);
        break;
    case NR_PROTO_MSG_STATS:
    case NR_PROTO_MSG_CLEAR_STATS:
        stats(s, c, m);
        break;
    case NR_PROTO_MSG_EVENT_DONE:
        svc_dial_ack(s, c, handle_of(m));
        break;
    case NR_PROTO_MSG_TERMINAL_READ:
    case NR_PROTO_MSG_TERMINAL_WRITE:
        terminal_request(s, c, m);
        break;
    default:
        svc_reply(s, c, m->seq, ERROR_NOT_SUPPORTED, "this request is not supported", 0, 0);
        break;
    }
    return true;
}
