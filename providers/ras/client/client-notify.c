/*
 * client-notify.c - RasConnectionNotification through the connection
 * service (client.h).
 *
 * The registrations themselves are kept as in-process ones are
 * (connnotify.h: a duplicate of each descriptor, signalled without
 * blocking); what feeds them is one subscription of this process to the
 * service for every event of every link it may see, read by one thread of
 * the library, started with the first registration and kept for the life
 * of the process (registrations for every connection last that long too).
 * A NOTIFY signals the registrations of its link; one without events says
 * the handle is gone, and ends them.  When the service goes away, every
 * link went with it: every registration for RASCN_Disconnection is
 * signalled, and the thread subscribes again once a service runs.
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "client.h"
#include "connnotify.h"
#include "thread.h"

#define ALL_EVENTS (RASCN_Connection | RASCN_Disconnection | RASCN_BandwidthAdded | RASCN_BandwidthRemoved | RASCN_ReConnection)
/* How often the thread looks for a service again once it went away: often
 * enough that the events of a new instance's first dial are not missed. */
#define RETRY_MS 100

static pthread_mutex_t watch_lock = PTHREAD_MUTEX_INITIALIZER;
static bool watching;
static pid_t watcher_pid;

/* A subscribed connection: its descriptor, or -1. */
static int subscribe(bool start, uint32_t *seq, nr_error *err)
{
    uint8_t pkt[64];
    nr_proto_builder b;
    nr_client_reply reply;
    size_t len;
    int fd = nr_client_connect(start, err);
    if (fd < 0)
        return -1;
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_SUBSCRIBE, 0);
    nr_proto_put_u32(&b, NR_PROTO_TAG_EVENTS, ALL_EVENTS);
    if (nr_proto_build_end(&b, &len, err) != 0 || nr_client_exchange(fd, pkt, len, 10000, NULL, NULL, &reply) != 0 ||
        reply.code != 0) {
        nr_error_set(err, ERROR_RASMAN_CANNOT_INITIALIZE, 0, "the connection service refused a subscription: %s",
                     reply.detail);
        close(fd);
        return -1;
    }
    *seq = reply.seq;
    return fd;
}

static void *watch(void *arg)
{
    int fd = (int)(intptr_t)arg;
    uint32_t seq = 0;
    nr_error err;
    for (;;) {
        nr_proto_msg m;
        if (fd < 0) {
            struct timespec pause = { RETRY_MS / 1000, (RETRY_MS % 1000) * 1000000L };
            nanosleep(&pause, NULL);
            fd = subscribe(false, &seq, &err);
            continue;
        }
        if (nr_client_receive(fd, -1, &m, &err) != 0) {
            close(fd);
            fd = -1;
            nr_connnotify_fire_all(RASCN_Disconnection); /* the service, and its links, went away */
            continue;
        }
        if (m.type == NR_PROTO_MSG_NOTIFY) {
            HRASCONN h = (HRASCONN)(uintptr_t)nr_proto_get_u64(&m, NR_PROTO_TAG_HANDLE, 0);
            uint32_t events = nr_proto_get_u32(&m, NR_PROTO_TAG_EVENTS, 0);
            if (!events)
                nr_connnotify_forget(h);
            for (uint32_t bit = 1; bit && bit <= events; bit <<= 1)
                if (events & bit)
                    nr_connnotify_fire(h, bit);
        }
        nr_proto_msg_clear(&m);
    }
    return NULL;
}

/* The watching thread, started once per process: 0 or the error. */
static DWORD start_watching(nr_error *err)
{
    DWORD rc = 0;
    pthread_mutex_lock(&watch_lock);
    if (!watching || watcher_pid != getpid()) {
        uint32_t seq;
        int fd = subscribe(true, &seq, err);
        if (fd < 0) {
            rc = err->code;
        } else {
            if (nr_thread_start(watch, (void *)(intptr_t)fd) != 0) {
                close(fd);
                rc = ERROR_ALLOCATING_MEMORY;
            } else {
                watching = true;
                watcher_pid = getpid();
            }
        }
    }
    pthread_mutex_unlock(&watch_lock);
    return rc;
}

DWORD nr_client_connection_notification(HRASCONN h, HANDLE event, DWORD flags)
{
    intptr_t fd = (intptr_t)event;
    nr_error err;
    DWORD rc;
    if (fd < 0 || fd > INT32_MAX)
        return ERROR_INVALID_HANDLE;
    if (h != (HRASCONN)INVALID_HANDLE_VALUE) {
        nr_client_status st;
        if (!h)
            return ERROR_INVALID_HANDLE;
        if ((rc = nr_client_get_status(h, &st)) != 0)
            return rc;
    }
    if ((rc = start_watching(&err)) != 0)
        return rc;
    return nr_connnotify_register_remote(h, (int)fd, flags);
}
