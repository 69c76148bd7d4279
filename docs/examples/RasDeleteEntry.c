/* RasDeleteEntry.c - removes an entry from a phonebook: PHONEBOOK ENTRY. */
#include <stdio.h>
#include <netrouter/ras.h>

int main(int argc, char **argv)
{
    DWORD rc;
    char text[256];

    if (argc != 3) {
        fprintf(stderr, "usage: %s PHONEBOOK ENTRY\n", argv[0]);
        return 2;
    }
    rc = RasDeleteEntry(argv[1], argv[2]);
    if (rc == ERROR_INVALID_NAME) {
        fprintf(stderr, "%s: no such entry\n", argv[2]);
        return 1;
    }
    if (rc) {
        RasGetErrorString(rc, text, sizeof text);
        fprintf(stderr, "error %u: %s\n", (unsigned)rc, text);
        return 1;
    }
    return 0;
}
