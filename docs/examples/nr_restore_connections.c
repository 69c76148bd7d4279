/* nr_restore_connections.c - reconnects the remembered connections, as at logon. */
#include <stdio.h>
#include <netrouter/netrouter.h>

static void restored(void *user, const NETRESOURCE *res, DWORD result)
{
    unsigned *failed = user;
    if (result == WN_SUCCESS || result == WN_ALREADY_CONNECTED) {
        printf("%s: connected to %s (provider %s)\n", res->lpLocalName, res->lpRemoteName, res->lpProvider);
    } else {
        printf("%s: not restored: error %u: %s\n", res->lpLocalName, (unsigned)result, nr_strerror(result));
        (*failed)++;
    }
}

int main(int argc, char **argv)
{
    unsigned failed = 0;
    nr_router *r;
    DWORD rc;

    if ((rc = nr_router_new(NULL, &r)) != WN_SUCCESS) {
        fprintf(stderr, "cannot start the router: %s\n", nr_strerror(rc));
        return 1;
    }
    /* argv[1]: only that local name; none: every remembered connection. */
    rc = nr_restore_connections(r, argc > 1 ? argv[1] : NULL, restored, &failed);
    if (rc != WN_SUCCESS && failed == 0)
        fprintf(stderr, "cannot restore: error %u: %s\n", (unsigned)rc, nr_strerror(rc));
    nr_router_free(r);
    return rc == WN_SUCCESS ? 0 : 1;
}
