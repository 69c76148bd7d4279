/* WNetGetResourceInformation.c - asks the providers which resource a
 * remote name lies in, and what part of the name is within it. */
#include <stdio.h>
#include <netrouter/winnetwk.h>

int main(int argc, char **argv)
{
    NETRESOURCE nr = { .dwType = RESOURCETYPE_ANY };
    union { NETRESOURCE res; char bytes[4096]; } buf;
    DWORD size = sizeof buf, rc;
    char *system = NULL;

    if (argc != 2) {
        fprintf(stderr, "usage: %s REMOTE\n", argv[0]);
        return 2;
    }
    nr.lpRemoteName = argv[1];
    rc = WNetGetResourceInformation(&nr, &buf, &size, &system);
    if (rc != NO_ERROR) {
        fprintf(stderr, "%s: error %u: %s\n", argv[1], (unsigned)rc, nr_strerror(rc));
        return 1;
    }
    printf("resource %s (provider %s), within it: %s\n", buf.res.lpRemoteName,
           buf.res.lpProvider ? buf.res.lpProvider : "?", system ? system : "(nothing)");
    /* WNetGetResourceParent(&buf.res, ...) would ask for the container
     * above it (see WNetGetResourceParent(3)). */
    return 0;
}
