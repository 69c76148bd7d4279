/* WNetAddConnection2.c - connects a local name to a remote name the Windows
 * way, shows it, and disconnects it again. */
#include <stdio.h>
#include <netrouter/winnetwk.h>

int main(int argc, char **argv)
{
    NETRESOURCE nr = { .dwType = RESOURCETYPE_DISK };
    char remote[256];
    DWORD len = sizeof remote, rc;

    if (argc != 3) {
        fprintf(stderr, "usage: %s LOCAL REMOTE\n", argv[0]);
        return 2;
    }
    nr.lpLocalName = argv[1];
    nr.lpRemoteName = argv[2];
    rc = WNetAddConnection2(&nr, NULL, NULL, 0);     /* CONNECT_UPDATE_PROFILE would remember it */
    if (rc != NO_ERROR) {
        fprintf(stderr, "%s: error %u: %s\n", argv[2], (unsigned)rc, nr_strerror(rc));
        return 1;
    }
    if (WNetGetConnection(argv[1], remote, &len) == NO_ERROR)
        printf("%s -> %s\n", argv[1], remote);
    rc = WNetCancelConnection2(argv[1], 0, FALSE);   /* TRUE: even with open files */
    if (rc != NO_ERROR) {
        fprintf(stderr, "%s: error %u: %s\n", argv[1], (unsigned)rc, nr_strerror(rc));
        return 1;
    }
    printf("%s disconnected\n", argv[1]);
    return 0;
}
