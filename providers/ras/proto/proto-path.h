/*
 * proto-path.h - where the connection service listens, one rule for the
 * clients (libnetrouter-ras) and the service (netrouterd), as
 * docs/service.md says:
 *
 *   - $NETROUTER_RAS_SOCKET, when set (an instance of the caller's choosing;
 *     tests use it);
 *   - root (effective uid 0): the system instance, NR_PROTO_SYSTEM_SOCKET;
 *   - another user: that user's instance, $XDG_RUNTIME_DIR/netrouter/ras.sock
 *     (an absolute XDG_RUNTIME_DIR only), else the system instance.
 *
 * Read with secure_getenv(); reentrant.
 */
#ifndef NR_RAS_PROTO_PATH_H
#define NR_RAS_PROTO_PATH_H

#include <stdbool.h>
#include <stddef.h>

#include "nr-error.h"

/* The system instance's socket and its directory. */
#define NR_PROTO_SYSTEM_DIR    "/run/netrouter"
#define NR_PROTO_SYSTEM_SOCKET NR_PROTO_SYSTEM_DIR "/ras.sock"

typedef enum nr_proto_instance {
    NR_PROTO_INSTANCE_CHOSEN = 1,   /* $NETROUTER_RAS_SOCKET */
    NR_PROTO_INSTANCE_SYSTEM,
    NR_PROTO_INSTANCE_USER,
} nr_proto_instance;

/* The socket the calling process reaches, in buf (size octets), and which
 * instance that is.  0, or ERROR_BUFFER_TOO_SMALL / ERROR_INVALID_PARAMETER
 * (a relative $NETROUTER_RAS_SOCKET) with err saying so. */
__attribute__((visibility("hidden"))) unsigned nr_proto_socket_path(char *buf, size_t size,
                                                                    nr_proto_instance *which, nr_error *err);

/* The longest socket path (sun_path, NUL included). */
#define NR_PROTO_SOCKET_PATH_MAX 108

#endif
