/* WNetGetConnection.c - prints the remote name and the user of a local
 * name, growing the buffer as ERROR_MORE_DATA asks. */
#include <stdio.h>
#include <stdlib.h>
#include <netrouter/winnetwk.h>

int main(int argc, char **argv)
{
    char small[8], *remote = small, user[256];
    DWORD len = sizeof small, ulen = sizeof user, rc;

    if (argc != 2) {
        fprintf(stderr, "usage: %s LOCAL\n", argv[0]);
        return 2;
    }
    rc = WNetGetConnection(argv[1], remote, &len);
    if (rc == ERROR_MORE_DATA) {             /* len: the characters needed */
        if (!(remote = malloc(len)))
            return 1;
        rc = WNetGetConnection(argv[1], remote, &len);
    }
    if (rc == NO_ERROR || rc == ERROR_CONNECTION_UNAVAIL) {
        printf("%s -> %s%s\n", argv[1], remote, rc == NO_ERROR ? "" : " (remembered, not connected)");
        if (WNetGetUser(argv[1], user, &ulen) == NO_ERROR)
            printf("user: %s\n", user);
    } else {
        fprintf(stderr, "%s: error %u: %s\n", argv[1], (unsigned)rc, nr_strerror(rc));
    }
    if (remote != small)
        free(remote);
    return rc == NO_ERROR || rc == ERROR_CONNECTION_UNAVAIL ? 0 : 1;
}
