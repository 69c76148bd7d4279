/* WNetGetLastError.c - tries a deviceless connection and, when it fails,
 * prints the extended error: the code, the sentence and who said it. */
#include <stdio.h>
#include <netrouter/winnetwk.h>

int main(int argc, char **argv)
{
    NETRESOURCE nr = { .dwType = RESOURCETYPE_ANY };
    char text[1024], provider[256];
    DWORD rc, code;

    if (argc != 2) {
        fprintf(stderr, "usage: %s REMOTE\n", argv[0]);
        return 2;
    }
    nr.lpRemoteName = argv[1];
    rc = WNetAddConnection2(&nr, NULL, NULL, 0);
    if (rc == NO_ERROR) {
        printf("%s: connected\n", argv[1]);
        WNetCancelConnection2(argv[1], 0, TRUE);
        return 0;
    }
    WNetGetLastError(&code, text, sizeof text, provider, sizeof provider); /* right after the call */
    fprintf(stderr, "%s: error %u: %s\n", argv[1], (unsigned)rc, nr_strerror(rc));
    fprintf(stderr, "%s: %s (code %u)\n", provider, text, (unsigned)code);
    return 1;
}
