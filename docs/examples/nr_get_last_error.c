/* nr_get_last_error.c - reports a failure with the detail the router and the
 * providers give. */
#include <stdio.h>
#include <netrouter/netrouter.h>

static void report(const char *what, DWORD rc)
{
    DWORD code;
    char text[1024], provider[256];

    nr_get_last_error(&code, text, sizeof text, provider, sizeof provider);
    fprintf(stderr, "%s: error %u: %s\n", what, (unsigned)rc, nr_strerror(rc));
    if (code != WN_SUCCESS)       /* the detail of this thread's last failed call */
        fprintf(stderr, "%s: %s (code %u)\n", provider, text, (unsigned)code);
}

int main(int argc, char **argv)
{
    NETRESOURCE res = { .dwType = RESOURCETYPE_ANY };
    nr_router *r;
    DWORD rc;

    if (argc != 2) {
        fprintf(stderr, "usage: %s REMOTE\n", argv[0]);
        return 2;
    }
    if ((rc = nr_router_new(NULL, &r)) != WN_SUCCESS) {
        report("nr_router_new", rc);
        return 1;
    }
    res.lpRemoteName = argv[1];
    rc = nr_add_connection(r, NULL, &res, NULL, NULL, 0);
    if (rc == WN_SUCCESS)
        printf("connected to %s\n", argv[1]);
    else
        report(argv[1], rc);
    nr_router_free(r);
    return rc == WN_SUCCESS ? 0 : 1;
}
