/*
 * service.h - netrouterd, the RAS connection service (docs/service.md):
 * the state its files share.  service-main.c starts it (options, the
 * socket, the instance lock) and stops it; service-loop.c runs the clients'
 * connections (accepting, reading); service-calls.c answers each request;
 * service-dial.c keeps the dials (the relay of their notifications, the
 * clients that went away, the notifications of connects and disconnects);
 * service-out.c queues what is sent to a client, and writes the log;
 * service-stale.c clears what a killed instance left.
 * Files call downwards only: main -> loop -> calls -> dial -> out.
 *
 * Threads: the main thread runs the loop and every request that does not
 * wait; a dial's notifications come on its dialing thread (the engine's),
 * and the requests that wait (a synchronous dial, a hang-up with a
 * timeout, the terminal step) on a thread of their own.  svc.lock guards
 * the clients, their queues and the dials; it is never held while calling
 * into the engine, except to read a connection's owner and detail (lock
 * order: svc.lock, then the engine's).
 */
#ifndef NR_RAS_SERVICE_H
#define NR_RAS_SERVICE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <netrouter/ras.h>

#include "notify.h"
#include "proto.h"

/* A connected client is closed when this much waits to be sent to it. */
#define NR_SVC_QUEUE_MAX_PACKETS 1024
#define NR_SVC_QUEUE_MAX_BYTES (4u << 20)
/* At most this many clients at once, and this many of one user but root
 * (so that one user of the system instance cannot crowd out the others);
 * more are refused. */
#define NR_SVC_MAX_CLIENTS 1024
#define NR_SVC_MAX_CLIENTS_PER_USER 256
/* Requests that wait (a synchronous dial, a hang-up with a timeout, the
 * terminal step) take a thread each: at most this many at once, and this
 * many of one client; more are refused (ERROR_ALLOCATING_MEMORY). */
#define NR_SVC_MAX_WAITING 256
#define NR_SVC_MAX_WAITING_PER_CLIENT 16

typedef struct svc_packet {
    struct svc_packet *next;
    size_t len;
    uint8_t data[];
} svc_packet;

typedef struct svc_client {
    struct svc_client *next;
    int fd;
    uid_t uid;
    pid_t pid;
    char program[65];
    unsigned refs;              /* the loop's, and one per dial and thread using it */
    bool greeted;
    uint16_t version;           /* the protocol version agreed in HELLO (0 before) */
    bool gone;                  /* closed, or to be closed by the loop */
    svc_packet *head, *tail;    /* to send, in order */
    size_t queued, queued_bytes;
    uint32_t sub_seq, sub_events; /* SUBSCRIBE: events 0 = none */
    uint64_t sub_handle;        /* 0: every link the client may see */
    unsigned waiting;           /* its requests waiting on threads of their own */
} svc_client;

typedef struct svc_dial {
    struct svc_dial *next;
    struct svc *svc;
    svc_client *client;         /* holds a reference; NULL once the client went away */
    uint32_t seq;               /* the DIAL's: its events carry it */
    HRASCONN h;
    uid_t owner;
    bool async;                 /* the client wants every state as an EVENT */
    bool replied;               /* async: the DIAL's reply is queued (events come after it) */
    bool acked;                 /* the last EVENT was answered */
    bool connected;             /* reached RASCS_Connected (told by the relay, or seen in the
                                   engine's state by svc_dial_collect: a synchronous dial's
                                   reply may come before its relay hears Connected) */
    bool hung_up;               /* the service hung it up (its client went away) */
    unsigned in_relay;          /* dialing threads inside relay() */
    nr_ras_relay relay;
} svc_dial;

typedef struct svc {
    pthread_mutex_t lock;
    pthread_cond_t changed;     /* a dial was replied to or acknowledged, a client went away */
    int listen_fd, wake_fd, signal_fd;
    bool system;                /* every user may connect (the system instance); only root dials */
    uid_t uid;                  /* the service's own user */
    svc_client *clients;
    size_t nclients;
    svc_dial *dials;
    unsigned waiting;           /* requests waiting on threads of their own */
    pthread_t loop_thread;      /* svc_send from it need not wake it */
    bool verbose;
} svc;

/* ---- service-loop.c ---------------------------------------------------------------------------- */

/* Runs until SIGTERM, SIGINT or SIGHUP (then true), or until idle_exit_s
 * seconds (0: never) passed with no link and no client (false). */
bool svc_run(svc *s, unsigned idle_exit_s);

/* At the end: closes every client and drops the records of the dials
 * whose handles are gone (call after hanging every link up). */
void svc_close_all(svc *s);

/* ---- service-out.c ----------------------------------------------------------------------------- */

/* Sends what is queued for c, without blocking (loop); false when c must
 * be closed. */
bool svc_flush(svc *s, svc_client *c);

/* Queues the message built in b for c (svc.lock NOT held); a client whose
 * queue is full is closed. */
void svc_send(svc *s, svc_client *c, nr_proto_builder *b);
/* The same, svc.lock held. */
void svc_send_locked(svc *s, svc_client *c, nr_proto_builder *b);

/* A reply to request seq: code, with detail (may be NULL), handle and
 * count when nonzero. */
void svc_reply(svc *s, svc_client *c, uint32_t seq, uint32_t code, const char *detail, uint64_t handle,
               uint32_t count);

void svc_client_ref(svc *s, svc_client *c);
void svc_client_unref(svc *s, svc_client *c);

/* Wakes the loop (from any thread). */
void svc_wake(svc *s);

/* One line to standard error: "netrouterd: ..." */
void svc_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- service-stale.c ---------------------------------------------------------------------------- */

/* Removes the UUCP locks that the earlier instance previous (the process
 * number its instance lock held), now dead, left behind. */
void svc_clear_stale_locks(pid_t previous);

/* ---- service-calls.c ----------------------------------------------------------------------------- */

/* Answers one request of c; false when c must be closed (a message a
 * client does not send, no HELLO first). */
bool svc_handle(svc *s, svc_client *c, const nr_proto_msg *m);

/* ---- service-dial.c ------------------------------------------------------------------------------ */

/* A dial record for c (referenced), seq, async; its relay set up.  NULL
 * when out of memory. */
svc_dial *svc_dial_new(svc *s, svc_client *c, uint32_t seq, bool async);
/* Enters the record of a started dial (h set) in the table. */
void svc_dial_add(svc *s, svc_dial *d);
/* Drops a record that never got a dial. */
void svc_dial_free(svc *s, svc_dial *d);
/* The dial of this service with handle h, or NULL (svc.lock held). */
svc_dial *svc_dial_find(svc *s, HRASCONN h);
/* The client's ack of the dial h's last event. */
void svc_dial_ack(svc *s, svc_client *c, HRASCONN h);
/* c went away: its dials lose their client; those not connected yet (and
 * those that ended) are hung up. */
void svc_dial_client_gone(svc *s, svc_client *c);
/* Hangs up the ended dials nobody dials any more, drops the records of
 * handles that are gone (telling subscribers). */
void svc_dial_collect(svc *s);
/* The engine's connect and disconnect events, to the subscribers. */
void svc_dial_on_event(void *ctx, HRASCONN h, DWORD event);

/* Whether a client of uid may see and control the link h (root: every
 * link): 0, or ERROR_INVALID_HANDLE (unknown, or another user's). */
DWORD svc_may_use(uid_t uid, HRASCONN h);

#endif
