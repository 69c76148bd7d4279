/* nr_add_connection.c - connects LOCAL to REMOTE and remembers it. */
#include <stdio.h>
#include <string.h>
#include <netrouter/netrouter.h>

int main(int argc, char **argv)
{
    NETRESOURCE res = { .dwType = RESOURCETYPE_DISK };
    char text[512], who[64];
    nr_router *r;
    DWORD rc;

    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: %s LOCAL|- REMOTE [PROVIDER]\n", argv[0]);
        return 2;
    }
    res.lpLocalName = strcmp(argv[1], "-") ? argv[1] : NULL; /* NULL: deviceless */
    res.lpRemoteName = argv[2];
    res.lpProvider = argc == 4 ? argv[3] : NULL;             /* NULL: every provider in order */

    if ((rc = nr_router_new(NULL, &r)) != WN_SUCCESS) {
        fprintf(stderr, "cannot start the router: %s\n", nr_strerror(rc));
        return 1;
    }
    /* Remembered (restored by nr_restore_connections) when there is a local name. */
    rc = nr_add_connection(r, NULL, &res, NULL, NULL, res.lpLocalName ? CONNECT_UPDATE_PROFILE : 0);
    if (rc == WN_SUCCESS) {
        printf("%s connected to %s\n", argv[1], argv[2]);
    } else {
        nr_get_last_error(NULL, text, sizeof text, who, sizeof who);
        fprintf(stderr, "error %u: %s\n%s: %s\n", (unsigned)rc, nr_strerror(rc), who, text);
    }
    nr_router_free(r);
    return rc == WN_SUCCESS ? 0 : 1;
}
