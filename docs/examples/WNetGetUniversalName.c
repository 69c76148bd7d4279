/* WNetGetUniversalName.c - the universal name of a path inside a connected
 * local name, split into the connection and the rest of the path. */
#include <stdio.h>
#include <stdlib.h>
#include <netrouter/winnetwk.h>

int main(int argc, char **argv)
{
    REMOTE_NAME_INFO *info;
    DWORD size = 0, rc;

    if (argc != 2) {
        fprintf(stderr, "usage: %s PATH\n", argv[0]);
        return 2;
    }
    rc = WNetGetUniversalName(argv[1], REMOTE_NAME_INFO_LEVEL, NULL, &size);
    if (rc == ERROR_MORE_DATA) {             /* size: the bytes needed */
        if (!(info = malloc(size)))
            return 1;
        rc = WNetGetUniversalName(argv[1], REMOTE_NAME_INFO_LEVEL, info, &size);
        if (rc == NO_ERROR)
            printf("%s\n  connection: %s\n  remaining path: %s\n", info->lpUniversalName,
                   info->lpConnectionName, info->lpRemainingPath);
        free(info);
    }
    if (rc != NO_ERROR) {
        fprintf(stderr, "%s: error %u: %s\n", argv[1], (unsigned)rc, nr_strerror(rc));
        return 1;
    }
    return 0;
}
