/* nr_get_connection.c - prints the remote name a local name is connected to. */
#include <stdio.h>
#include <stdlib.h>
#include <netrouter/netrouter.h>

int main(int argc, char **argv)
{
    char small[16], *remote = small;
    DWORD len = sizeof small, rc;
    nr_router *r;

    if (argc != 2) {
        fprintf(stderr, "usage: %s LOCAL\n", argv[0]);
        return 2;
    }
    if ((rc = nr_router_new(NULL, &r)) != WN_SUCCESS) {
        fprintf(stderr, "cannot start the router: %s\n", nr_strerror(rc));
        return 1;
    }
    rc = nr_get_connection(r, argv[1], remote, &len);
    if (rc == WN_MORE_DATA) {                /* len now holds the size needed */
        if (!(remote = malloc(len)))
            rc = WN_OUT_OF_MEMORY;
        else
            rc = nr_get_connection(r, argv[1], remote, &len);
    }
    if (rc == WN_SUCCESS)
        printf("%s -> %s\n", argv[1], remote);
    else if (rc == WN_CONNECTION_CLOSED)     /* remembered, not connected */
        printf("%s -> %s (remembered, not connected)\n", argv[1], remote);
    else
        fprintf(stderr, "%s: error %u: %s\n", argv[1], (unsigned)rc, nr_strerror(rc));
    if (remote != small)
        free(remote);
    nr_router_free(r);
    return rc == WN_SUCCESS || rc == WN_CONNECTION_CLOSED ? 0 : 1;
}
