/* nr_strerror.c - the library version and the text of error codes. */
#include <stdio.h>
#include <stdlib.h>
#include <netrouter/netrouter.h>

int main(int argc, char **argv)
{
    static const DWORD some[] = { WN_SUCCESS, WN_BAD_NETNAME, WN_ALREADY_CONNECTED, WN_CANCEL, 4242 };

    printf("netrouter %s\n", nr_version());
    if (argc > 1) {
        for (int i = 1; i < argc; i++)
            printf("%s: %s\n", argv[i], nr_strerror((DWORD)strtoul(argv[i], NULL, 0)));
    } else {
        for (size_t i = 0; i < sizeof some / sizeof some[0]; i++)
            printf("%u: %s\n", (unsigned)some[i], nr_strerror(some[i]));
    }
    return 0;
}
