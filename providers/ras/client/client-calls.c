/*
 * client-calls.c - the calls on a link through the connection service
 * (client.h): hang-up, status, the list of links, projection, the terminal
 * step.  Each is one request and its answer; none starts the service (a
 * handle means one runs, or ran: ERROR_INVALID_HANDLE when it is gone).
 */
#include "config.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "client.h"

/* How long a quick request may wait for its answer. */
#define CALL_WAIT_MS 10000

/* A request of type on handle h, with up to one u32 attribute (tag 0: none). */
static uint32_t on_handle(uint16_t type, HRASCONN h, uint16_t tag, uint32_t value, int wait_ms,
                          nr_client_record_fn *on_record, void *ctx, nr_client_reply *reply)
{
    uint8_t pkt[64];
    size_t len = nr_client_build_on_handle(pkt, sizeof pkt, type, h, tag, value);
    if (!len)
        return ERROR_INVALID_PARAMETER;
    return nr_client_call(pkt, len, false, wait_ms, on_record, ctx, reply);
}

DWORD nr_client_hang_up(HRASCONN h)
{
    nr_client_reply reply;
    DWORD rc;
    if (!h)
        return ERROR_INVALID_HANDLE;
    rc = on_handle(NR_PROTO_MSG_HANGUP, h, 0, 0, CALL_WAIT_MS, NULL, NULL, &reply);
    nr_client_forget_dial(h);
    return rc;
}

DWORD nr_client_hang_up_wait(HRASCONN h, DWORD timeout_ms)
{
    nr_client_reply reply;
    DWORD rc;
    int wait = timeout_ms > INT32_MAX - CALL_WAIT_MS ? -1 : (int)timeout_ms + CALL_WAIT_MS;
    if (!h)
        return ERROR_INVALID_HANDLE;
    rc = on_handle(NR_PROTO_MSG_HANGUP, h, NR_PROTO_TAG_TIMEOUT_MS, timeout_ms, wait, NULL, NULL, &reply);
    nr_client_forget_dial(h);
    return rc;
}

static void copy_str(char *dst, size_t size, const nr_proto_msg *m, uint16_t tag)
{
    const char *s = nr_proto_get_str(m, tag);
    snprintf(dst, size, "%s", s ? s : "");
}

static void on_status(void *ctx, const nr_proto_msg *m)
{
    nr_client_status *st = ctx;
    if (m->type != NR_PROTO_MSG_STATUS_INFO)
        return;
    st->status.rasconnstate = (RASCONNSTATE)nr_proto_get_u32(m, NR_PROTO_TAG_STATE, 0);
    st->status.dwError = nr_proto_get_u32(m, NR_PROTO_TAG_ERROR, 0);
    st->ext_error = nr_proto_get_u32(m, NR_PROTO_TAG_EXT_ERROR, 0);
    copy_str(st->status.szDeviceType, sizeof st->status.szDeviceType, m, NR_PROTO_TAG_DEVICE_TYPE);
    copy_str(st->status.szDeviceName, sizeof st->status.szDeviceName, m, NR_PROTO_TAG_DEVICE_NAME);
    copy_str(st->status.szPhoneNumber, sizeof st->status.szPhoneNumber, m, NR_PROTO_TAG_PHONE_NUMBER);
    copy_str(st->interface, sizeof st->interface, m, NR_PROTO_TAG_INTERFACE);
    copy_str(st->detail, sizeof st->detail, m, NR_PROTO_TAG_DETAIL);
    st->has_nameservers = nr_proto_has(m, NR_PROTO_TAG_NAMESERVERS);
    copy_str(st->nameservers, sizeof st->nameservers, m, NR_PROTO_TAG_NAMESERVERS);
}

DWORD nr_client_get_status(HRASCONN h, nr_client_status *out)
{
    nr_client_reply reply;
    memset(out, 0, sizeof *out);
    out->status.dwSize = sizeof out->status;
    if (!h)
        return ERROR_INVALID_HANDLE;
    return on_handle(NR_PROTO_MSG_STATUS, h, 0, 0, CALL_WAIT_MS, on_status, out, &reply);
}

typedef struct link_list {
    nr_ras_link *v;
    size_t n, cap;
    bool no_memory;
} link_list;

static void on_connection(void *ctx, const nr_proto_msg *m)
{
    link_list *l = ctx;
    nr_ras_link *k;
    if (m->type != NR_PROTO_MSG_CONNECTION || l->no_memory)
        return;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        nr_ras_link *v = realloc(l->v, cap * sizeof *v);
        if (!v) {
            l->no_memory = true;
            return;
        }
        l->v = v;
        l->cap = cap;
    }
    k = &l->v[l->n++];
    memset(k, 0, sizeof *k);
    k->handle = (HRASCONN)(uintptr_t)nr_proto_get_u64(m, NR_PROTO_TAG_HANDLE, 0);
    k->owner = nr_proto_get_u32(m, NR_PROTO_TAG_UID, 0);
    k->state = (RASCONNSTATE)nr_proto_get_u32(m, NR_PROTO_TAG_STATE, 0);
    copy_str(k->entry, sizeof k->entry, m, NR_PROTO_TAG_ENTRY);
    copy_str(k->phonebook, sizeof k->phonebook, m, NR_PROTO_TAG_PHONEBOOK);
    copy_str(k->device_type, sizeof k->device_type, m, NR_PROTO_TAG_DEVICE_TYPE);
    copy_str(k->device_name, sizeof k->device_name, m, NR_PROTO_TAG_DEVICE_NAME);
}

DWORD nr_client_list(nr_ras_link **out, size_t *n)
{
    uint8_t pkt[64];
    nr_proto_builder b;
    nr_client_reply reply;
    link_list l = { 0 };
    size_t len;
    DWORD rc;
    *out = NULL;
    *n = 0;
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_ENUM, 0);
    if (nr_proto_build_end(&b, &len, NULL) != 0)
        return ERROR_INVALID_PARAMETER;
    rc = nr_client_call(pkt, len, false, CALL_WAIT_MS, on_connection, &l, &reply);
    if (rc == ERROR_INVALID_HANDLE && !reply.handle) { /* no service runs: no link */
        free(l.v);
        return 0;
    }
    if (!rc && l.no_memory)
        rc = ERROR_ALLOCATING_MEMORY;
    if (rc) {
        free(l.v);
        return rc;
    }
    *out = l.v;
    *n = l.n;
    return 0;
}

/* A counter of the wire (u64) as RAS_STATS has it: the low 32 bits, as a
 * DWORD counter wraps on Windows. */
static DWORD counter(const nr_proto_msg *m, uint16_t tag)
{
    return (DWORD)nr_proto_get_u64(m, tag, 0);
}

static void on_stats(void *ctx, const nr_proto_msg *m)
{
    RAS_STATS *st = ctx;
    if (m->type != NR_PROTO_MSG_STATS_INFO)
        return;
    st->dwBytesXmited = counter(m, NR_PROTO_TAG_BYTES_SENT);
    st->dwBytesRcved = counter(m, NR_PROTO_TAG_BYTES_RECEIVED);
    st->dwFramesXmited = counter(m, NR_PROTO_TAG_FRAMES_SENT);
    st->dwFramesRcved = counter(m, NR_PROTO_TAG_FRAMES_RECEIVED);
    st->dwCrcErr = counter(m, NR_PROTO_TAG_CRC_ERRORS);
    st->dwTimeoutErr = counter(m, NR_PROTO_TAG_TIMEOUT_ERRORS);
    st->dwAlignmentErr = counter(m, NR_PROTO_TAG_ALIGNMENT_ERRORS);
    st->dwHardwareOverrunErr = counter(m, NR_PROTO_TAG_HARDWARE_OVERRUN_ERRORS);
    st->dwFramingErr = counter(m, NR_PROTO_TAG_FRAMING_ERRORS);
    st->dwBufferOverrunErr = counter(m, NR_PROTO_TAG_BUFFER_OVERRUN_ERRORS);
    st->dwCompressionRatioIn = nr_proto_get_u32(m, NR_PROTO_TAG_COMPRESSION_RATIO_IN, 0);
    st->dwCompressionRatioOut = nr_proto_get_u32(m, NR_PROTO_TAG_COMPRESSION_RATIO_OUT, 0);
    st->dwBps = nr_proto_get_u32(m, NR_PROTO_TAG_BPS, 0);
    st->dwConnectDuration = counter(m, NR_PROTO_TAG_CONNECT_DURATION_MS);
}

DWORD nr_client_get_stats(HRASCONN h, RAS_STATS *stats)
{
    nr_client_reply reply;
    RAS_STATS st = { .dwSize = stats->dwSize };
    DWORD rc = on_handle(NR_PROTO_MSG_STATS, h, 0, 0, CALL_WAIT_MS, on_stats, &st, &reply);
    if (!rc)
        *stats = st;
    return rc;
}

DWORD nr_client_clear_stats(HRASCONN h)
{
    nr_client_reply reply;
    return on_handle(NR_PROTO_MSG_CLEAR_STATS, h, 0, 0, CALL_WAIT_MS, NULL, NULL, &reply);
}

typedef struct projection {
    bool seen;
    DWORD error;
    char ip[16], server_ip[16], reply_message[RAS_MaxReplyMessage];
    DWORD auth_protocol, auth_data;
} projection;

static void on_projection(void *ctx, const nr_proto_msg *m)
{
    projection *p = ctx;
    if (m->type != NR_PROTO_MSG_PROJECTION_INFO)
        return;
    p->seen = true;
    p->error = nr_proto_get_u32(m, NR_PROTO_TAG_ERROR, 0);
    copy_str(p->ip, sizeof p->ip, m, NR_PROTO_TAG_IP_ADDRESS);
    copy_str(p->server_ip, sizeof p->server_ip, m, NR_PROTO_TAG_SERVER_IP_ADDRESS);
    copy_str(p->reply_message, sizeof p->reply_message, m, NR_PROTO_TAG_REPLY_MESSAGE);
    p->auth_protocol = nr_proto_get_u32(m, NR_PROTO_TAG_AUTH_PROTOCOL, 0);
    p->auth_data = nr_proto_get_u32(m, NR_PROTO_TAG_AUTH_DATA, 0);
}

/* The projection's checks of the caller's buffer are done before asking
 * (as the in-process call does them after finding the projection complete,
 * the order of the errors differs only for a caller that is wrong twice). */
DWORD nr_client_get_projection_info(HRASCONN h, RASPROJECTION proj, LPVOID buf, LPDWORD lpcb)
{
    nr_client_reply reply;
    projection p = { 0 };
    DWORD rc;
    if (proj != RASP_PppIp && proj != RASP_PppLcp) {
        rc = on_handle(NR_PROTO_MSG_STATUS, h, 0, 0, CALL_WAIT_MS, NULL, NULL, &reply);
        return rc ? rc : ERROR_PROTOCOL_NOT_CONFIGURED;
    }
    rc = on_handle(NR_PROTO_MSG_PROJECTION, h, NR_PROTO_TAG_PROJECTION, (uint32_t)proj, CALL_WAIT_MS,
                   on_projection, &p, &reply);
    if (rc)
        return rc;
    if (!p.seen)
        return ERROR_PROJECTION_NOT_COMPLETE;
    if (proj == RASP_PppIp) {
        RASPPPIP *ip = buf;
        if (!ip || *lpcb < sizeof *ip) {
            *lpcb = sizeof *ip;
            return ERROR_BUFFER_TOO_SMALL;
        }
        if (ip->dwSize != sizeof *ip)
            return ERROR_INVALID_SIZE;
        ip->dwError = p.error;
        snprintf(ip->szIpAddress, sizeof ip->szIpAddress, "%s", p.ip);
        snprintf(ip->szServerIpAddress, sizeof ip->szServerIpAddress, "%s", p.server_ip);
        ip->dwOptions = ip->dwServerOptions = 0;
    } else {
        RASPPPLCP *lcp = buf;
        DWORD size;
        if (!lcp || *lpcb < sizeof *lcp) {
            *lpcb = sizeof *lcp;
            return ERROR_BUFFER_TOO_SMALL;
        }
        if (lcp->dwSize != sizeof *lcp)
            return ERROR_INVALID_SIZE;
        size = lcp->dwSize;
        memset(lcp, 0, sizeof *lcp);
        lcp->dwSize = size;
        lcp->dwAuthenticationProtocol = p.auth_protocol;
        lcp->dwAuthenticationData = p.auth_data;
        snprintf(lcp->szReplyMessage, sizeof lcp->szReplyMessage, "%s", p.reply_message);
    }
    return 0;
}

typedef struct terminal_data {
    uint8_t *buf;
    DWORD size, got;
} terminal_data;

static void on_terminal_data(void *ctx, const nr_proto_msg *m)
{
    terminal_data *t = ctx;
    size_t n = 0;
    const uint8_t *data = nr_proto_get_bytes(m, NR_PROTO_TAG_DATA, &n);
    if (m->type != NR_PROTO_MSG_TERMINAL_DATA || !data)
        return;
    if (n > t->size - t->got)
        n = t->size - t->got;
    memcpy(t->buf + t->got, data, n);
    t->got += (DWORD)n;
}

/* The terminal calls wait: each on a connection of its own, so that a
 * RasHangUp of another thread is never queued behind one. */
static uint32_t on_own_connection(void *pkt, size_t len, int wait_ms, nr_client_record_fn *on_record, void *ctx,
                                  nr_client_reply *reply)
{
    nr_error err;
    uint32_t rc;
    int fd = nr_client_connect(false, &err);
    if (fd < 0)
        return err.code;
    rc = nr_client_exchange(fd, pkt, len, wait_ms, on_record, ctx, reply);
    close(fd);
    return rc ? rc : reply->code;
}

DWORD nr_client_terminal_read(HRASCONN h, LPVOID buf, DWORD size, DWORD timeout_ms, LPDWORD got)
{
    uint8_t pkt[64];
    nr_proto_builder b;
    nr_client_reply reply;
    terminal_data t = { buf, size, 0 };
    size_t len;
    DWORD rc;
    int wait = timeout_ms > INT32_MAX - CALL_WAIT_MS ? -1 : (int)timeout_ms + CALL_WAIT_MS;
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_TERMINAL_READ, 0);
    nr_proto_put_u64(&b, NR_PROTO_TAG_HANDLE, (uint64_t)(uintptr_t)h);
    nr_proto_put_u32(&b, NR_PROTO_TAG_SIZE, size);
    nr_proto_put_u32(&b, NR_PROTO_TAG_TIMEOUT_MS, timeout_ms);
    if (nr_proto_build_end(&b, &len, NULL) != 0)
        return ERROR_INVALID_PARAMETER;
    rc = on_own_connection(pkt, len, wait, on_terminal_data, &t, &reply);
    *got = t.got;
    return rc;
}

DWORD nr_client_terminal_write(HRASCONN h, const void *buf, DWORD size)
{
    static const size_t room = NR_PROTO_MAX_MESSAGE - NR_PROTO_HEADER_SIZE - 2 * NR_PROTO_ATTR_HEADER - 8;
    const uint8_t *p = buf;
    DWORD rc = 0;
    do { /* in pieces that fit a message */
        uint8_t pkt[NR_PROTO_MAX_MESSAGE];
        nr_proto_builder b;
        nr_client_reply reply;
        size_t len, n = size > room ? room : size;
        nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_TERMINAL_WRITE, 0);
        nr_proto_put_u64(&b, NR_PROTO_TAG_HANDLE, (uint64_t)(uintptr_t)h);
        nr_proto_put_bytes(&b, NR_PROTO_TAG_DATA, p, n);
        if (nr_proto_build_end(&b, &len, NULL) != 0)
            return ERROR_INVALID_PARAMETER;
        rc = on_own_connection(pkt, len, 2 * CALL_WAIT_MS + 10000, NULL, NULL, &reply);
        p += n;
        size -= (DWORD)n;
    } while (!rc && size);
    return rc;
}
