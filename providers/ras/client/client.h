/*
 * client.h - the Ras* calls answered by the connection service
 * (docs/service.md): libnetrouter-ras's side of the socket.  Each nr_client_X
 * behaves as the public call X of <netrouter/ras.h> documents; what differs
 * is said here.  Thread-safe; handles are the service's.
 *
 * The service is started on demand (client-start.c) by the calls that need
 * one (RasDial); the others, which name a link, answer ERROR_INVALID_HANDLE
 * when none runs, and RasEnumConnections lists nothing.  When the service
 * cannot be started or reached, ERROR_RASMAN_CANNOT_INITIALIZE (711), with
 * the detail for nr_ras_get_error_detail(NULL, ...).
 */
#ifndef NR_RAS_CLIENT_H
#define NR_RAS_CLIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <netrouter/ras.h>

#include "nr-error.h"
#include "proto.h"
#include "rasconn.h"

/* ---- the conversation (client-conn.c) ------------------------------------------------------- */

/* What the service answered a request with. */
typedef struct nr_client_reply {
    uint32_t code, ext;
    char detail[NR_ERROR_DETAIL_SIZE];
    uint64_t handle;
    uint32_t count;
    uint32_t seq;               /* the request's (events of a dial carry it) */
} nr_client_reply;

/* Called with each record (every message but the reply) that answers the
 * request, in order. */
typedef void nr_client_record_fn(void *ctx, const nr_proto_msg *m);

/* A new connection to the service, greeted (HELLO, WELCOME): the
 * descriptor, or -1 with err set (ERROR_RASMAN_CANNOT_INITIALIZE, or
 * ERROR_INVALID_HANDLE when none runs and start is false).  start: start
 * the service when none answers. */
int nr_client_connect(bool start, nr_error *err);

/* A message of type naming the link h, with one u32 attribute besides when
 * tag is not 0, into pkt (size octets): its length, or 0 when it cannot be
 * built. */
size_t nr_client_build_on_handle(void *pkt, size_t size, uint16_t type, HRASCONN h, uint16_t tag, uint32_t value);

/* Sends the message in pkt (len octets; its seq is set here) on fd and
 * waits up to wait_ms (-1: no limit) for its answer: records to on_record
 * (may be NULL), then the reply into *reply.  0 when a reply came (its code
 * is in *reply), else the transport's failure with reply->detail set. */
uint32_t nr_client_exchange(int fd, void *pkt, size_t len, int wait_ms, nr_client_record_fn *on_record,
                            void *ctx, nr_client_reply *reply);

/* nr_client_exchange on the process's shared connection (or a connection
 * of its own when another thread is using that one), opened (and the
 * service started when start is true) as needed; one retry on a fresh
 * connection when the service went away before answering.  Returns the
 * reply's code, or the transport's failure (reply->detail says why). */
uint32_t nr_client_call(void *pkt, size_t len, bool start, int wait_ms, nr_client_record_fn *on_record,
                        void *ctx, nr_client_reply *reply);

/* Receives one message on fd into m, waiting up to wait_ms (-1: no limit):
 * 0, or ERROR_RASMAN_CANNOT_INITIALIZE with err (the service went away, or a
 * malformed message), ERROR_REQUEST_TIMEOUT. */
uint32_t nr_client_receive(int fd, int wait_ms, nr_proto_msg *m, nr_error *err);

/* Sends one packet; false when the service is gone. */
bool nr_client_send(int fd, const void *pkt, size_t len);

/* ---- starting the service (client-start.c) --------------------------------------------------- */

/* Starts the service for the socket at path, detached from this process
 * (its own session; no descriptor of this process but the one it reports
 * readiness on), and waits until it listens: 0, or
 * ERROR_RASMAN_CANNOT_INITIALIZE with err naming the program and why. */
uint32_t nr_client_start_service(const char *path, nr_error *err);

/* ---- the calls (client-dial.c, client-calls.c, client-notify.c) ------------------------------ */

/* RasDial; entry names the phonebook entry instead of params->szEntryName,
 * as for nr_local_dial. */
DWORD nr_client_dial(LPRASDIALEXTENSIONS ext, LPCSTR phonebook, LPRASDIALPARAMS params, LPCSTR entry, DWORD type,
                     LPVOID notifier, LPHRASCONN out);
/* The dialing connection of h in this process, when there is one, is
 * closed (client-dial.c); the service hangs up what nobody dials any more. */
void nr_client_forget_dial(HRASCONN h);

DWORD nr_client_hang_up(HRASCONN h);
DWORD nr_client_hang_up_wait(HRASCONN h, DWORD timeout_ms);

/* What RasGetConnectStatus, nr_ras_get_interface, nr_ras_get_nameservers
 * and nr_ras_get_error_detail read.  has_nameservers is false when the
 * service speaks a protocol version without them (it is older than this
 * library). */
typedef struct nr_client_status {
    RASCONNSTATUS status;
    DWORD ext_error;
    char interface[16];
    char detail[NR_ERROR_DETAIL_SIZE];
    bool has_nameservers;
    char nameservers[NR_PROTO_NAMESERVERS_MAX + 1];
} nr_client_status;
DWORD nr_client_get_status(HRASCONN h, nr_client_status *out);

/* The links the caller may see, as nr_rasconn_snapshot gives them. */
DWORD nr_client_list(nr_ras_link **out, size_t *n);

/* RasGetConnectionStatistics (stats->dwSize checked by the caller) and
 * RasClearConnectionStatistics. */
DWORD nr_client_get_stats(HRASCONN h, RAS_STATS *stats);
DWORD nr_client_clear_stats(HRASCONN h);

DWORD nr_client_get_projection_info(HRASCONN h, RASPROJECTION proj, LPVOID buf, LPDWORD lpcb);
DWORD nr_client_terminal_read(HRASCONN h, LPVOID buf, DWORD size, DWORD timeout_ms, LPDWORD got);
DWORD nr_client_terminal_write(HRASCONN h, const void *buf, DWORD size);
DWORD nr_client_connection_notification(HRASCONN h, HANDLE event, DWORD flags);

#endif
