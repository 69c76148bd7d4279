/*
 * connnotify.h - the registrations of RasConnectionNotification: which
 * descriptors to signal when a connection (one, or every one) is made or
 * lost.  The dialing engine calls nr_connnotify_fire() from its worker
 * threads; the writes never block and never raise SIGPIPE.
 *
 * The registry is process-wide, like the table of connections it follows
 * (Windows signals for every connection of the process), and is guarded by
 * its own mutex.  Lock order: registry, then the connection table.
 */
#ifndef NR_RAS_CONNNOTIFY_H
#define NR_RAS_CONNNOTIFY_H

#include <netrouter/ras.h>

/* Registers a duplicate of fd for the events of flags (RASCN_Connection,
 * RASCN_Disconnection, RASCN_ReConnection) of connection h, or of every connection when h is
 * INVALID_HANDLE_VALUE.  A specific h must be listed (checked under the
 * registry lock, so a registration can never outlive its connection).
 * Returns 0, ERROR_INVALID_PARAMETER, ERROR_INVALID_HANDLE or
 * ERROR_ALLOCATING_MEMORY. */
DWORD nr_connnotify_register(HRASCONN h, int fd, DWORD flags);

/* The same without checking h: for a client of the connection service,
 * which asked the service whether h is valid. */
DWORD nr_connnotify_register_remote(HRASCONN h, int fd, DWORD flags);

/* Signals every registration for event (one RASCN_* bit) of connection h;
 * drops those whose descriptor can no longer be written. */
void nr_connnotify_fire(HRASCONN h, DWORD event);

/* Signals every registration for event, whatever its connection (the
 * connection service went away, and every link with it). */
void nr_connnotify_fire_all(DWORD event);

/* The connection service's ear: fn(ctx, h, event) is called on every
 * nr_connnotify_fire, after the registrations are signalled, outside the
 * registry's lock, on the thread that fired (a dialing thread).  One
 * listener per process; NULL removes it. */
typedef void nr_connnotify_listener(void *ctx, HRASCONN h, DWORD event);
void nr_connnotify_set_listener(nr_connnotify_listener *fn, void *ctx);

/* Ends the registrations for connection h (its handle became invalid). */
void nr_connnotify_forget(HRASCONN h);

#endif
