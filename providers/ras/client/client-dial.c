/*
 * client-dial.c - RasDial through the connection service (client.h): the
 * dial request, the notifications of an asynchronous dial delivered to the
 * application's notifier on a thread of the library, resuming a paused
 * dial, and the dialing connection each attempt keeps.
 *
 * Each attempt has a connection of its own to the service, kept in this
 * process's table of attempts until RasHangUp (or the end of the process).
 * The service hangs up an attempt whose connection closes before
 * RASCS_Connected (when this process exits or is killed mid-dial, nobody
 * is left to resume a paused state), and one whose link has ended (lost,
 * or failed) once nobody holds its connection; a connected link stays up
 * without it.  So the dialing process reads a lost link's status and
 * error until it hangs up, as in-process, and a link it leaves behind
 * lives on.
 *
 * Notifications: the service sends each state as an EVENT and holds the
 * dial until it gets the EVENT_DONE this file sends once the handler has
 * returned, so handlers run in order and before the dial goes on, as
 * in-process.  The handler's "no more notifications" (RasDialFunc2 returning
 * 0, a descriptor that cannot be written) is kept here: later events are
 * acknowledged without a call, and the last one still ends the attempt's
 * thread.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "client.h"
#include "local-lasterror.h"
#include "notify.h"
#include "phonebook.h"
#include "thread.h"

typedef struct attempt {
    HRASCONN h;
    int fd;                     /* the dialing connection; -1 once closed */
    bool async;
    nr_ras_notifier notifier;   /* async */
    uint32_t seq;               /* the DIAL's, which its events carry */
    bool running;               /* the notification thread has not ended */
    bool hung_up;               /* RasHangUp in this process: no more notifications */
    struct attempt *next;
} attempt;

static pthread_mutex_t attempts_lock = PTHREAD_MUTEX_INITIALIZER;
static attempt *attempts;

/* Removes a from the table (attempts_lock held). */
static void unlink_attempt(attempt *a)
{
    for (attempt **p = &attempts; *p; p = &(*p)->next)
        if (*p == a) {
            *p = a->next;
            return;
        }
}

/* Closes the dialing connection and drops the attempt when nothing uses it
 * any more (attempts_lock held). */
static void close_attempt(attempt *a)
{
    if (a->fd >= 0)
        close(a->fd);
    a->fd = -1;
    if (!a->running) {
        unlink_attempt(a);
        free(a);
    }
}

void nr_client_forget_dial(HRASCONN h)
{
    pthread_mutex_lock(&attempts_lock);
    for (attempt *a = attempts; a; a = a->next)
        if (a->h == h) {
            a->hung_up = true;
            if (a->running && a->fd >= 0)
                shutdown(a->fd, SHUT_RDWR); /* its thread closes it */
            else
                close_attempt(a);
            break;
        }
    pthread_mutex_unlock(&attempts_lock);
}

static void event_done(int fd, HRASCONN h, bool stop)
{
    uint8_t pkt[64];
    size_t len = nr_client_build_on_handle(pkt, sizeof pkt, NR_PROTO_MSG_EVENT_DONE, h,
                                           stop ? NR_PROTO_TAG_STOP_EVENTS : 0, 1);
    if (len)
        nr_client_send(fd, pkt, len);
}

/* The notification thread of an asynchronous attempt: every EVENT to the
 * notifier until the final state (connected, or failed). */
static void *deliver(void *arg)
{
    attempt *a = arg;
    bool more = true, ended = false, hung_up;
    RASCONNSTATE last = RASCS_OpenPort;
    nr_error err;
    while (!ended) {
        nr_proto_msg m;
        if (nr_client_receive(a->fd, -1, &m, &err) != 0) {
            /* RasHangUp shut the connection (nothing comes after it), or
             * the service went away mid-dial, and the dial with it: the
             * application hears that, as the failure of the state it was
             * in, never silence. */
            pthread_mutex_lock(&attempts_lock);
            hung_up = a->hung_up;
            pthread_mutex_unlock(&attempts_lock);
            if (!hung_up && more)
                nr_ras_notify(&a->notifier, a->h, last, ERROR_INVALID_HANDLE, 0);
            break;
        }
        if (m.type == NR_PROTO_MSG_EVENT && m.seq == a->seq) {
            RASCONNSTATE state = (RASCONNSTATE)nr_proto_get_u32(&m, NR_PROTO_TAG_STATE, 0);
            DWORD error = nr_proto_get_u32(&m, NR_PROTO_TAG_ERROR, 0);
            DWORD ext = nr_proto_get_u32(&m, NR_PROTO_TAG_EXT_ERROR, 0);
            last = state;
            if (more)
                more = nr_ras_notify(&a->notifier, a->h, state, error, ext);
            event_done(a->fd, a->h, !more);
            ended = state == RASCS_Connected || error;
        }
        nr_proto_msg_clear(&m);
    }
    pthread_mutex_lock(&attempts_lock);
    a->running = false;
    if (!ended || a->fd < 0)
        close_attempt(a); /* the service went away, or RasHangUp came first */
    pthread_mutex_unlock(&attempts_lock);
    return NULL;
}


/* Resumes a dial of this process paused in a RASCS_PAUSED state. */
static DWORD resume(HRASCONN h, const RASDIALPARAMS *params, DWORD type, void *notifier)
{
    uint8_t pkt[2048];
    nr_proto_builder b;
    nr_client_reply reply;
    size_t len;
    DWORD rc = ERROR_INVALID_HANDLE;
    pthread_mutex_lock(&attempts_lock);
    for (attempt *a = attempts; a; a = a->next)
        if (a->h == h)
            rc = a->async && nr_ras_notifier_same(&a->notifier, type, notifier) ? 0 : ERROR_INVALID_PARAMETER;
    pthread_mutex_unlock(&attempts_lock);
    if (rc)
        return rc;
    nr_proto_build_init(&b, pkt, sizeof pkt, NR_PROTO_MSG_RESUME, 0);
    nr_proto_put_u64(&b, NR_PROTO_TAG_HANDLE, (uint64_t)(uintptr_t)h);
    nr_proto_put_str(&b, NR_PROTO_TAG_CALLBACK_NUMBER, params->szCallbackNumber);
    nr_proto_put_str(&b, NR_PROTO_TAG_USER, params->szUserName);
    nr_proto_put_secret(&b, NR_PROTO_TAG_PASSWORD, params->szPassword);
    nr_proto_put_str(&b, NR_PROTO_TAG_DOMAIN, params->szDomain);
    rc = nr_proto_build_end(&b, &len, NULL);
    if (!rc)
        rc = nr_client_call(pkt, len, false, 10000, NULL, NULL, &reply);
    nr_proto_build_clear(&b);
    return rc;
}

/* The phonebook as the service must open it: absolute (the service has
 * another working directory and, maybe, other variables). */
static bool phonebook_path(LPCSTR phonebook, char *buf, size_t size)
{
    char *def = NULL, cwd[PATH_MAX];
    int n;
    if (!phonebook || !*phonebook)
        phonebook = def = nr_pb_default_path();
    if (!phonebook)
        return false;
    if (phonebook[0] == '/')
        n = snprintf(buf, size, "%s", phonebook);
    else
        n = getcwd(cwd, sizeof cwd) ? snprintf(buf, size, "%s/%s", cwd, phonebook) : -1;
    free(def);
    return n >= 0 && (size_t)n < size;
}

/* The DIAL message of a new attempt into pkt: 0 and its length, or an error. */
static DWORD build_dial(uint8_t *pkt, size_t size, LPRASDIALEXTENSIONS ext, LPCSTR phonebook,
                        const RASDIALPARAMS *p, LPCSTR entry, bool async, DWORD type, size_t *len)
{
    char path[4097];
    nr_proto_builder b;
    if (!phonebook_path(phonebook, path, sizeof path))
        return ERROR_CANNOT_OPEN_PHONEBOOK;
    nr_proto_build_init(&b, pkt, size, NR_PROTO_MSG_DIAL, 0);
    nr_proto_put_str(&b, NR_PROTO_TAG_ENTRY, entry);
    nr_proto_put_str(&b, NR_PROTO_TAG_PHONEBOOK, path);
    if (p->szPhoneNumber[0])
        nr_proto_put_str(&b, NR_PROTO_TAG_PHONE_NUMBER, p->szPhoneNumber);
    if (p->szCallbackNumber[0])
        nr_proto_put_str(&b, NR_PROTO_TAG_CALLBACK_NUMBER, p->szCallbackNumber);
    if (p->szUserName[0])
        nr_proto_put_str(&b, NR_PROTO_TAG_USER, p->szUserName);
    if (p->szPassword[0])
        nr_proto_put_secret(&b, NR_PROTO_TAG_PASSWORD, p->szPassword);
    if (p->szDomain[0])
        nr_proto_put_str(&b, NR_PROTO_TAG_DOMAIN, p->szDomain);
    nr_proto_put_u32(&b, NR_PROTO_TAG_SUBENTRY, p->dwSubEntry);
    nr_proto_put_u64(&b, NR_PROTO_TAG_CALLBACK_ID, (uint64_t)p->dwCallbackId);
    nr_proto_put_u32(&b, NR_PROTO_TAG_DIAL_OPTIONS, ext ? ext->dwfOptions : 0);
    if (async)
        nr_proto_put_u32(&b, NR_PROTO_TAG_NOTIFIER, type);
    if (nr_proto_build_end(&b, len, NULL) != 0) {
        nr_proto_build_clear(&b);
        return ERROR_INVALID_PARAMETER;
    }
    return 0;
}

DWORD nr_client_dial(LPRASDIALEXTENSIONS ext, LPCSTR phonebook, LPRASDIALPARAMS params, LPCSTR entry, DWORD type,
                     LPVOID notifier, LPHRASCONN out)
{
    uint8_t pkt[8192]; /* a path, an entry name of NR_RAS_MaxEntryNameUtf8 and the rest fit */
    nr_client_reply reply;
    nr_error err;
    attempt *a;
    size_t len = 0;
    DWORD rc;

    if (*out)
        return resume(*out, params, type, notifier);
    a = calloc(1, sizeof *a);
    if (!a)
        return ERROR_ALLOCATING_MEMORY;
    a->fd = -1;
    a->async = notifier != NULL;
    if (a->async && (rc = nr_ras_notifier_init(&a->notifier, type, notifier, params->dwCallbackId)) != 0) {
        free(a);
        return rc;
    }
    if ((rc = build_dial(pkt, sizeof pkt, ext, phonebook, params, entry, a->async, type, &len)) != 0) {
        nr_ras_set_last_error(rc == ERROR_CANNOT_OPEN_PHONEBOOK ? "no phonebook: name one, or set HOME or "
                                                                   "XDG_CONFIG_HOME"
                                                                 : "a dial parameter is too long");
        free(a);
        return rc;
    }
    a->fd = nr_client_connect(true, &err);
    if (a->fd < 0) {
        explicit_bzero(pkt, sizeof pkt);
        nr_ras_set_last_error(err.detail);
        free(a);
        return err.code;
    }
    /* A synchronous dial's answer comes when it is connected or has failed. */
    rc = nr_client_exchange(a->fd, pkt, len, -1, NULL, NULL, &reply);
    explicit_bzero(pkt, sizeof pkt);
    if (rc) {
        nr_ras_set_last_error(reply.detail);
        close(a->fd);
        free(a);
        return rc;
    }
    a->h = (HRASCONN)(uintptr_t)reply.handle;
    *out = a->h;
    if (!a->h) { /* no attempt: the phonebook, the entry, the service's refusal */
        nr_ras_set_last_error(reply.detail);
        close(a->fd);
        free(a);
        return reply.code ? reply.code : ERROR_UNKNOWN;
    }
    nr_ras_set_last_error(NULL);
    pthread_mutex_lock(&attempts_lock);
    a->next = attempts;
    attempts = a;
    if (a->async && !reply.code) {
        a->running = true;
        a->seq = reply.seq; /* its events carry the DIAL's */
        if (nr_thread_start(deliver, a) != 0) {
            a->running = false;
            close_attempt(a); /* nobody dials it: the service hangs it up */
            pthread_mutex_unlock(&attempts_lock);
            *out = NULL;
            return ERROR_ALLOCATING_MEMORY;
        }
    }
    pthread_mutex_unlock(&attempts_lock);
    return reply.code;
}
