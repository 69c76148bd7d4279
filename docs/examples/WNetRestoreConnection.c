/* WNetRestoreConnection.c - reconnects one remembered local name, or all
 * of them, as a logon would. */
#include <stdio.h>
#include <netrouter/winnetwk.h>

int main(int argc, char **argv)
{
    const char *local = argc > 1 ? argv[1] : NULL;   /* NULL: every remembered connection */
    DWORD rc = WNetRestoreConnection(NULL, local);

    if (rc != NO_ERROR) {
        fprintf(stderr, "%s: error %u: %s\n", local ? local : "restore", (unsigned)rc, nr_strerror(rc));
        return 1;
    }
    printf("%s restored\n", local ? local : "all remembered connections");
    return 0;
}
