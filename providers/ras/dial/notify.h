/*
 * notify.h - delivering RasDial progress to the application through one of
 * the four notifier kinds of docs/design.md section 5: RasDialFunc (type 0),
 * RasDialFunc1 (1), RasDialFunc2 (2, whose 0 return stops further
 * notifications) and NR_RAS_NOTIFIER_FD (a descriptor receiving NR_RASDIALEVENT
 * records).  It also keeps the per-thread "inside a handler" mark that lets
 * the API refuse RasDial from a handler and defer a RasHangUp made there.
 */
#ifndef NR_RAS_NOTIFY_H
#define NR_RAS_NOTIFY_H

#include <stdbool.h>
#include <netrouter/ras.h>

/* The connection service's own kind, never accepted from an application:
 * target points to an nr_ras_relay whose fn relays each notification to
 * the dialing client and returns once that client's handler has run
 * (false: no more notifications). */
#define NR_RAS_NOTIFIER_RELAY 0x4E520001u
typedef struct nr_ras_relay {
    bool (*fn)(void *ctx, HRASCONN h, RASCONNSTATE state, DWORD error, DWORD ext);
    void *ctx;
} nr_ras_relay;

typedef struct nr_ras_notifier {
    DWORD type;             /* 0, 1, 2, NR_RAS_NOTIFIER_FD or NR_RAS_NOTIFIER_RELAY */
    void *target;           /* the function, or a pointer to the int fd */
    int fd;                 /* NR_RAS_NOTIFIER_FD: the descriptor (copied at setup) */
    ULONG_PTR callback_id;  /* RASDIALPARAMS.dwCallbackId, for type 2 */
    DWORD subentry;         /* reported sub-entry (1: single-link entries) */
} nr_ras_notifier;

/* Checks and copies what RasDial was given (lpvNotifier may be NULL only for
 * a synchronous dial, which this does not handle).  Returns 0 or
 * ERROR_INVALID_PARAMETER. */
DWORD nr_ras_notifier_init(nr_ras_notifier *n, DWORD type, void *target, ULONG_PTR callback_id);

/* Two notifiers are the same when kind and target match (a resumed dial
 * must use the notifier it was started with). */
bool nr_ras_notifier_same(const nr_ras_notifier *a, DWORD type, const void *target);

/*
 * Delivers one notification on the calling thread, with the "inside a
 * handler" mark set to h for its duration.  Returns false when the
 * application asked for no more notifications (RasDialFunc2 returning 0, or
 * a notification descriptor that can no longer be written).
 */
bool nr_ras_notify(const nr_ras_notifier *n, HRASCONN h, RASCONNSTATE state, DWORD error, DWORD ext);

/* The connection whose handler the calling thread is running, or NULL. */
HRASCONN nr_ras_in_handler(void);

#endif
