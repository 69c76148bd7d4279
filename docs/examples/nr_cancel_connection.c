/* nr_cancel_connection.c - disconnects NAME and forgets it. */
#include <stdio.h>
#include <netrouter/netrouter.h>

int main(int argc, char **argv)
{
    char text[512];
    nr_router *r;
    DWORD rc;

    if (argc != 2) {
        fprintf(stderr, "usage: %s LOCAL|REMOTE\n", argv[0]);
        return 2;
    }
    if ((rc = nr_router_new(NULL, &r)) != WN_SUCCESS) {
        fprintf(stderr, "cannot start the router: %s\n", nr_strerror(rc));
        return 1;
    }
    rc = nr_cancel_connection(r, argv[1], CONNECT_UPDATE_PROFILE, FALSE);
    if (rc == WN_OPEN_FILES) {
        fprintf(stderr, "files are open on %s; disconnecting anyway\n", argv[1]);
        rc = nr_cancel_connection(r, argv[1], CONNECT_UPDATE_PROFILE, TRUE);
    }
    if (rc == WN_SUCCESS) {
        printf("%s disconnected and forgotten\n", argv[1]);
    } else {
        nr_get_last_error(NULL, text, sizeof text, NULL, 0);
        fprintf(stderr, "error %u: %s (%s)\n", (unsigned)rc, nr_strerror(rc), text);
    }
    nr_router_free(r);
    return rc == WN_SUCCESS ? 0 : 1;
}
