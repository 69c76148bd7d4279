/*
 * local.h - the Ras* calls as the engine of this process answers them
 * (docs/service.md): what an application that asked for the in-process
 * engine gets, and what the connection service runs for its clients.  Each
 * nr_local_X behaves as the public call X of <netrouter/ras.h> documents
 * (arguments, errors, thread safety); only what differs is said here.
 * Handles are those of this process's table (rasconn.h).
 */
#ifndef NR_RAS_LOCAL_H
#define NR_RAS_LOCAL_H

#include <stdbool.h>
#include <sys/types.h>
#include <netrouter/ras.h>

#include "rasconn.h"

/* RasDial, with its arguments checked by the caller (the public RasDial's
 * checks, or the service's, which builds them): params and out not NULL,
 * the sizes right, every string NUL-terminated, not inside a handler.
 * entry names the phonebook entry instead of params->szEntryName, which is
 * not read: up to RAS_MaxEntryName characters, more than an A structure
 * holds (RasDialW's names).
 * type may also be NR_RAS_NOTIFIER_RELAY (notify.h: the service's relay to
 * its client), which the public RasDial refuses; owner is recorded in the
 * connection (the uid the service lets see and control it). */
DWORD nr_local_dial(LPRASDIALEXTENSIONS ext, LPCSTR phonebook, LPRASDIALPARAMS params, LPCSTR entry,
                    DWORD type, LPVOID notifier, LPHRASCONN out, uid_t owner);

/* Waits until the connection h is connected (0) or its dial has failed and
 * released the port (its error): what a synchronous RasDial waits for.
 * ERROR_INVALID_HANDLE when h is not valid. */
DWORD nr_local_wait(HRASCONN h);

/* The owner nr_local_dial recorded, and (finished, may be NULL) whether
 * its dialing thread is done (the dial failed, or the link ended and the
 * port is released): 0, or ERROR_INVALID_HANDLE. */
DWORD nr_local_owner(HRASCONN h, uid_t *owner, bool *finished);

DWORD nr_local_hang_up(HRASCONN h);
/* nr_ras_hang_up_wait, not from a handler of h (the caller checks). */
DWORD nr_local_hang_up_wait(HRASCONN h, DWORD timeout_ms);
DWORD nr_local_connection_notification(HRASCONN h, HANDLE event, DWORD flags);
DWORD nr_local_get_interface(HRASCONN h, LPSTR buf, DWORD size);
DWORD nr_local_get_nameservers(HRASCONN h, LPSTR buf, DWORD size);
DWORD nr_local_get_connect_status(HRASCONN h, LPRASCONNSTATUS status);
DWORD nr_local_get_projection_info(HRASCONN h, RASPROJECTION proj, LPVOID buf, LPDWORD lpcb);
DWORD nr_local_terminal_read(HRASCONN h, LPVOID buf, DWORD size, DWORD timeout_ms, LPDWORD got);
DWORD nr_local_terminal_write(HRASCONN h, const void *buf, DWORD size);

/* RasGetConnectionStatistics (stats->dwSize checked by the caller) and
 * RasClearConnectionStatistics. */
DWORD nr_local_get_stats(HRASCONN h, RAS_STATS *stats);
DWORD nr_local_clear_stats(HRASCONN h);

/* nr_ras_get_error_detail for a connection (h not NULL). */
DWORD nr_local_get_error_detail(HRASCONN h, LPSTR buf, DWORD size);

#endif
