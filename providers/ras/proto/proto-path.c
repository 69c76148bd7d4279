/*
 * proto-path.c - where the connection service listens (proto-path.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <netrouter/ras.h>

#include "proto-path.h"

unsigned nr_proto_socket_path(char *buf, size_t size, nr_proto_instance *which, nr_error *err)
{
    const char *chosen = secure_getenv("NETROUTER_RAS_SOCKET");
    const char *xdg = secure_getenv("XDG_RUNTIME_DIR");
    int n;
    if (chosen && *chosen) {
        if (chosen[0] != '/')
            return nr_error_set(err, ERROR_INVALID_PARAMETER, 0,
                                "NETROUTER_RAS_SOCKET is \"%s\", not an absolute path", chosen);
        *which = NR_PROTO_INSTANCE_CHOSEN;
        n = snprintf(buf, size, "%s", chosen);
    } else if (geteuid() != 0 && xdg && xdg[0] == '/') {
        *which = NR_PROTO_INSTANCE_USER;
        n = snprintf(buf, size, "%s/netrouter/ras.sock", xdg);
    } else {
        *which = NR_PROTO_INSTANCE_SYSTEM;
        n = snprintf(buf, size, "%s", NR_PROTO_SYSTEM_SOCKET);
    }
    if (n < 0 || (size_t)n >= size || (size_t)n >= NR_PROTO_SOCKET_PATH_MAX)
        return nr_error_set(err, ERROR_BUFFER_TOO_SMALL, 0,
                            "the connection service's socket path \"%.200s\" is longer than %d octets", buf,
                            NR_PROTO_SOCKET_PATH_MAX - 1);
    return 0;
}
