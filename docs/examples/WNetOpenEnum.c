/* WNetOpenEnum.c - lists the connections of every provider (or the
 * remembered ones, with -r) through the Windows buffer interface. */
#include <stdio.h>
#include <string.h>
#include <netrouter/winnetwk.h>

int main(int argc, char **argv)
{
    DWORD scope = argc > 1 && !strcmp(argv[1], "-r") ? RESOURCE_REMEMBERED : RESOURCE_CONNECTED;
    union { NETRESOURCE first; char bytes[16384]; } buf; /* aligned for the structures */
    HANDLE h;
    DWORD rc, total = 0;

    rc = WNetOpenEnum(scope, RESOURCETYPE_ANY, 0, NULL, &h);
    if (rc != NO_ERROR) {
        fprintf(stderr, "error %u: %s\n", (unsigned)rc, nr_strerror(rc));
        return 1;
    }
    for (;;) {
        DWORD count = 0xFFFFFFFF, size = sizeof buf;  /* as many as fit */
        rc = WNetEnumResource(h, &count, &buf, &size);
        if (rc != NO_ERROR)
            break;
        for (DWORD i = 0; i < count; i++) {
            const NETRESOURCE *nr = &(&buf.first)[i];
            printf("%s -> %s (%s)\n", nr->lpLocalName ? nr->lpLocalName : "(no local name)",
                   nr->lpRemoteName, nr->lpProvider);
        }
        total += count;
    }
    WNetCloseEnum(h);
    if (rc != ERROR_NO_MORE_ITEMS) {
        fprintf(stderr, "error %u: %s\n", (unsigned)rc, nr_strerror(rc));
        return 1;
    }
    printf("%u resource(s)\n", (unsigned)total);
    return 0;
}
