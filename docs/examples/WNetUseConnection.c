/* WNetUseConnection.c - connects and prints the name to use to reach the
 * resource: the local name when one is redirected, else the remote name. */
#include <stdio.h>
#include <netrouter/winnetwk.h>

int main(int argc, char **argv)
{
    NETRESOURCE nr = { .dwType = RESOURCETYPE_DISK };
    char access[256];
    DWORD size = sizeof access, result = 0, rc;

    if (argc != 3) {
        fprintf(stderr, "usage: %s LOCAL|\"\" REMOTE\n", argv[0]);
        return 2;
    }
    nr.lpLocalName = argv[1][0] ? argv[1] : NULL;
    nr.lpRemoteName = argv[2];
    rc = WNetUseConnection(NULL, &nr, NULL, NULL, 0, access, &size, &result);
    if (rc == ERROR_MORE_DATA) {             /* nothing was connected; size: the characters needed */
        fprintf(stderr, "a buffer of %u characters is needed\n", (unsigned)size);
        return 1;
    }
    if (rc != NO_ERROR) {
        fprintf(stderr, "%s: error %u: %s\n", argv[2], (unsigned)rc, nr_strerror(rc));
        return 1;
    }
    printf("use %s%s\n", access, result & CONNECT_LOCALDRIVE ? " (a local name is redirected)" : "");
    WNetCancelConnection2(access, 0, TRUE);
    return 0;
}
