/*
 * local-dial.c - the dialing calls run inside this process (local.h):
 * RasDial (synchronous, asynchronous, resuming a paused dial), RasHangUp,
 * RasGetConnectStatus, RasEnumConnections, RasGetProjectionInfo (and
 * nr_ras_get_nameservers, the DNS servers beside it) and
 * RasConnectionNotification as the in-process engine answers them, for an
 * application that asked for it and for the connection service, which
 * runs every link this way.  They validate their arguments and hand the
 * work to the engine (dial.c, connnotify.c).  A dial that cannot start
 * (phonebook, entry) leaves its detail for the calling thread; one that
 * fails later records it in its connection (local-lasterror.c).
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include "connnotify.h"
#include "dial.h"
#include "local-lasterror.h"
#include "local.h"
#include "thread.h"

static void dial_free(void *engine)
{
    nr_dial *d = engine;
    if (!d)
        return;
    nr_ppp_link_free(d->link);
    nr_modem_close(d->modem);
    if (d->tun_fd >= 0)
        close(d->tun_fd);
    nr_pb_free(d->pb);
    if (d->cancel_fd >= 0)
        close(d->cancel_fd);
    explicit_bzero(d, sizeof *d);
    free(d);
}

/* Resumes a dial paused in a RASCS_PAUSED state with new parameters. */
static DWORD resume(HRASCONN h, const RASDIALPARAMS *params, DWORD type, void *notifier)
{
    nr_rasconn *c = nr_rasconn_lookup(h);
    nr_dial *d;
    DWORD rc = 0;
    if (!c)
        return ERROR_INVALID_HANDLE;
    d = c->engine;
    pthread_mutex_lock(&c->lock);
    if (!d->paused || d->hangup)
        rc = ERROR_INVALID_AUTH_STATE; /* not waiting to be resumed */
    else if (!d->async || !nr_ras_notifier_same(&d->notifier, type, notifier))
        rc = ERROR_INVALID_PARAMETER;  /* resume with the notifier it was started with */
    if (!rc) {
        memcpy(d->params.szUserName, params->szUserName, sizeof d->params.szUserName);
        memcpy(d->params.szPassword, params->szPassword, sizeof d->params.szPassword);
        memcpy(d->params.szDomain, params->szDomain, sizeof d->params.szDomain);
        memcpy(d->params.szCallbackNumber, params->szCallbackNumber, sizeof d->params.szCallbackNumber);
        d->resumed = true;
        pthread_cond_broadcast(&c->changed);
    }
    pthread_mutex_unlock(&c->lock);
    nr_rasconn_release(c);
    return rc;
}

/* Loads the phonebook entry named entry into d; a failure leaves its
 * detail for the calling thread. */
static DWORD find_entry(nr_dial *d, LPCSTR phonebook, LPCSTR entry)
{
    return nr_ras_load_entry(phonebook, entry, &d->pb, &d->entry);
}


/* Waits until c is connected, or its worker is done: after a failure that
 * comes right after the port is released, so the caller can dial the same
 * device again at once.  0, or why it failed. */
static DWORD outcome(nr_rasconn *c)
{
    nr_dial *d = c->engine;
    DWORD rc;
    pthread_mutex_lock(&c->lock);
    while (c->state != RASCS_Connected && !d->finished)
        pthread_cond_wait(&c->changed, &c->lock);
    rc = c->err.code ? c->err.code : c->state == RASCS_Connected ? 0 : ERROR_DISCONNECTION;
    pthread_mutex_unlock(&c->lock);
    return rc;
}

DWORD nr_local_wait(HRASCONN h)
{
    nr_rasconn *c = nr_rasconn_lookup(h);
    DWORD rc;
    if (!c)
        return ERROR_INVALID_HANDLE;
    rc = outcome(c);
    nr_rasconn_release(c);
    return rc;
}

DWORD nr_local_owner(HRASCONN h, uid_t *owner, bool *finished)
{
    nr_rasconn *c = nr_rasconn_lookup(h);
    if (!c)
        return ERROR_INVALID_HANDLE;
    pthread_mutex_lock(&c->lock);
    *owner = c->owner;
    if (finished)
        *finished = ((nr_dial *)c->engine)->finished;
    pthread_mutex_unlock(&c->lock);
    nr_rasconn_release(c);
    return 0;
}

DWORD nr_local_dial(LPRASDIALEXTENSIONS ext, LPCSTR phonebook, LPRASDIALPARAMS params, LPCSTR entry,
                    DWORD type, LPVOID notifier, LPHRASCONN out, uid_t owner)
{
    nr_rasconn *c;
    nr_dial *d;
    DWORD rc;

    nr_ras_set_last_error(NULL);
    if (*out)
        return resume(*out, params, type, notifier);

    d = calloc(1, sizeof *d);
    if (!d)
        return ERROR_ALLOCATING_MEMORY;
    d->cancel_fd = -1;
    d->tun_fd = -1;
    d->params = *params;
    d->options = ext ? ext->dwfOptions : 0;
    d->async = notifier != NULL;
    if (d->async && (rc = nr_ras_notifier_init(&d->notifier, type, notifier, params->dwCallbackId)) != 0) {
        dial_free(d);
        return rc;
    }
    if ((rc = find_entry(d, phonebook, entry)) != 0) {
        dial_free(d);
        return rc;
    }
    d->cancel_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    c = d->cancel_fd >= 0 ? nr_rasconn_create() : NULL;
    if (!c) {
        dial_free(d);
        return ERROR_ALLOCATING_MEMORY;
    }
    d->conn = c;
    c->engine = d;
    c->engine_free = dial_free;
    snprintf(c->entry, sizeof c->entry, "%s", d->entry->name);
    snprintf(c->phonebook, sizeof c->phonebook, "%s", d->pb->path);
    snprintf(c->device_type, sizeof c->device_type, "modem");
    snprintf(c->device_name, sizeof c->device_name, "%s", d->entry->device);
    snprintf(c->phone_number, sizeof c->phone_number, "%s",
             params->szPhoneNumber[0] ? params->szPhoneNumber : d->entry->phone_number);
    c->state = RASCS_OpenPort;
    c->owner = owner;
    *out = c->handle; /* the handle exists as soon as the attempt does */

    /* The worker gets the creation reference; this call keeps its own. */
    pthread_mutex_lock(&c->lock);
    c->refs++;
    pthread_mutex_unlock(&c->lock);
    if (nr_thread_start(nr_dial_worker, d) != 0) {
        nr_rasconn_release(c);
        nr_rasconn_unlist(c);
        nr_connnotify_forget(c->handle);
        nr_rasconn_release(c);
        *out = NULL;
        return ERROR_ALLOCATING_MEMORY;
    }
    if (d->async) {
        nr_rasconn_release(c);
        return 0;
    }
    rc = outcome(c); /* synchronous */
    nr_rasconn_release(c);
    return rc;
}

DWORD nr_local_hang_up(HRASCONN h)
{
    nr_rasconn *c = nr_rasconn_lookup(h);
    nr_dial *d;
    bool done;
    uint64_t one = 1;
    if (!c)
        return ERROR_INVALID_HANDLE;
    d = c->engine;
    pthread_mutex_lock(&c->lock);
    d->hangup = true;
    done = d->finished;
    pthread_cond_broadcast(&c->changed); /* wakes a paused dial */
    pthread_mutex_unlock(&c->lock);
    if (write(d->cancel_fd, &one, sizeof one) < 0 && errno != EAGAIN) {
        /* an eventfd write only fails when the counter would overflow */
    }
    /* A finished worker has released the port already; otherwise it will
     * unlist the connection itself once it has (within a bounded time). */
    if (done) {
        nr_rasconn_unlist(c);
        nr_connnotify_forget(h);
    }
    nr_rasconn_release(c);
    return 0;
}

DWORD nr_local_connection_notification(HRASCONN h, HANDLE event, DWORD flags)
{
    intptr_t fd = (intptr_t)event;
    if (fd < 0 || fd > INT_MAX)
        return ERROR_INVALID_HANDLE;
    return nr_connnotify_register(h, (int)fd, flags);
}

DWORD nr_local_hang_up_wait(HRASCONN h, DWORD timeout_ms)
{
    nr_rasconn *c;
    nr_dial *d;
    struct timespec until;
    bool finished;
    c = nr_rasconn_lookup(h);
    if (!c)
        return ERROR_INVALID_HANDLE;
    d = c->engine;
    nr_local_hang_up(h);
    clock_gettime(CLOCK_REALTIME, &until); /* conn->changed uses the default clock */
    until.tv_sec += timeout_ms / 1000;
    until.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&c->lock);
    while (!d->finished && pthread_cond_timedwait(&c->changed, &c->lock, &until) == 0) {
    }
    finished = d->finished;
    pthread_mutex_unlock(&c->lock);
    /* The worker unlists a hung-up connection right after it has released
     * the port; doing it here too (it is idempotent) makes the handle
     * invalid by the time this returns. */
    if (finished)
        nr_rasconn_unlist(c);
    nr_rasconn_release(c);
    return finished ? 0 : ERROR_REQUEST_TIMEOUT;
}

/* A text about the link of h into buf (size octets, the NUL included):
 * what fill writes into text (n octets) from the dial, read under the
 * connection's lock.  0, ERROR_INVALID_PARAMETER, ERROR_INVALID_HANDLE or
 * ERROR_BUFFER_TOO_SMALL (then buf is untouched). */
static DWORD link_text(HRASCONN h, LPSTR buf, DWORD size, void (*fill)(const nr_dial *d, char *text, size_t n))
{
    nr_rasconn *c;
    char text[64] = "";
    if (!buf)
        return ERROR_INVALID_PARAMETER;
    if (!(c = nr_rasconn_lookup(h)))
        return ERROR_INVALID_HANDLE;
    pthread_mutex_lock(&c->lock);
    fill(c->engine, text, sizeof text);
    pthread_mutex_unlock(&c->lock);
    nr_rasconn_release(c);
    if (strlen(text) >= size)
        return ERROR_BUFFER_TOO_SMALL;
    memcpy(buf, text, strlen(text) + 1);
    return 0;
}

static void interface_of(const nr_dial *d, char *text, size_t n)
{
    snprintf(text, n, "%s", d->proj.interface);
}

DWORD nr_local_get_interface(HRASCONN h, LPSTR buf, DWORD size)
{
    return link_text(h, buf, size, interface_of);
}

DWORD nr_local_get_connect_status(HRASCONN h, LPRASCONNSTATUS status)
{
    nr_rasconn *c;
    if (!status)
        return ERROR_INVALID_PARAMETER;
    if (status->dwSize != sizeof *status)
        return ERROR_INVALID_SIZE;
    c = nr_rasconn_lookup(h);
    if (!c)
        return ERROR_INVALID_HANDLE;
    pthread_mutex_lock(&c->lock);
    status->rasconnstate = c->state;
    status->dwError = c->err.code;
    snprintf(status->szDeviceType, sizeof status->szDeviceType, "%s", c->device_type);
    snprintf(status->szDeviceName, sizeof status->szDeviceName, "%s", c->device_name);
    snprintf(status->szPhoneNumber, sizeof status->szPhoneNumber, "%s", c->phone_number);
    pthread_mutex_unlock(&c->lock);
    nr_rasconn_release(c);
    return 0;
}

static void ip_text(uint32_t ip, char *buf, size_t size)
{
    struct in_addr a = { htonl(ip) };
    inet_ntop(AF_INET, &a, buf, (socklen_t)size);
}

/* The DNS servers IPCP learned, which RASPPPIP has no room for; set
 * together with the projections. */
static void nameservers_of(const nr_dial *d, char *text, size_t n)
{
    char one[INET_ADDRSTRLEN];
    uint32_t dns[2] = { d->proj.dns1, d->proj.dns2 };
    if (!d->proj.ip_done)
        return;
    for (int i = 0; i < 2; i++) { /* the primary first; either may be missing (0) */
        if (!dns[i])
            continue;
        ip_text(dns[i], one, sizeof one);
        snprintf(text + strlen(text), n - strlen(text), "%s%s", text[0] ? " " : "", one);
    }
}

DWORD nr_local_get_nameservers(HRASCONN h, LPSTR buf, DWORD size)
{
    return link_text(h, buf, size, nameservers_of);
}

/* Both projections are complete together, from RASCS_Projected on
 * (dial-ppp.c sets lcp_done and ip_done just before announcing it). */
DWORD nr_local_get_projection_info(HRASCONN h, RASPROJECTION proj, LPVOID buf, LPDWORD lpcb)
{
    nr_rasconn *c;
    nr_dial *d;
    DWORD rc = 0;
    if (!lpcb)
        return ERROR_INVALID_PARAMETER;
    c = nr_rasconn_lookup(h);
    if (!c)
        return ERROR_INVALID_HANDLE;
    d = c->engine;
    pthread_mutex_lock(&c->lock);
    if (proj == RASP_PppIp) {
        RASPPPIP *ip = buf;
        if (!d->proj.ip_done) {
            rc = ERROR_PROJECTION_NOT_COMPLETE;
        } else if (!ip || *lpcb < sizeof *ip) {
            *lpcb = sizeof *ip;
            rc = ERROR_BUFFER_TOO_SMALL;
        } else if (ip->dwSize != sizeof *ip) {
            rc = ERROR_INVALID_SIZE;
        } else {
            ip->dwError = 0;
            ip_text(d->proj.our_ip, ip->szIpAddress, sizeof ip->szIpAddress);
            ip_text(d->proj.server_ip, ip->szServerIpAddress, sizeof ip->szServerIpAddress);
            ip->dwOptions = ip->dwServerOptions = 0;
        }
    } else if (proj == RASP_PppLcp) {
        RASPPPLCP *lcp = buf;
        if (!d->proj.lcp_done) {
            rc = ERROR_PROJECTION_NOT_COMPLETE;
        } else if (!lcp || *lpcb < sizeof *lcp) {
            *lpcb = sizeof *lcp;
            rc = ERROR_BUFFER_TOO_SMALL;
        } else if (lcp->dwSize != sizeof *lcp) {
            rc = ERROR_INVALID_SIZE;
        } else {
            DWORD size = lcp->dwSize;
            memset(lcp, 0, sizeof *lcp);
            lcp->dwSize = size;
            lcp->dwAuthenticationProtocol = d->proj.auth_protocol;
            lcp->dwAuthenticationData = d->proj.auth_protocol == RASLCPAP_CHAP ? d->proj.auth_algorithm : 0;
            snprintf(lcp->szReplyMessage, sizeof lcp->szReplyMessage, "%s", d->proj.reply_message);
        }
    } else {
        rc = ERROR_PROTOCOL_NOT_CONFIGURED;
    }
    pthread_mutex_unlock(&c->lock);
    nr_rasconn_release(c);
    return rc;
}
