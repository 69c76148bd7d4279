/* RasRenameEntry.c - renames a phonebook entry: PHONEBOOK OLD NEW. */
#include <stdio.h>
#include <netrouter/ras.h>

int main(int argc, char **argv)
{
    DWORD rc;
    char text[256];

    if (argc != 4) {
        fprintf(stderr, "usage: %s PHONEBOOK OLD NEW\n", argv[0]);
        return 2;
    }
    /* Check the new name first, as Windows' documentation advises. */
    rc = RasValidateEntryName(argv[1], argv[3]);
    if (rc == 0)
        rc = RasRenameEntry(argv[1], argv[2], argv[3]);
    switch (rc) {
    case 0:
        return 0;
    case ERROR_INVALID_NAME:
        fprintf(stderr, "\"%s\" cannot name an entry\n", argv[3]);
        return 1;
    case ERROR_ALREADY_EXISTS:
        fprintf(stderr, "an entry \"%s\" exists already\n", argv[3]);
        return 1;
    default:
        RasGetErrorString(rc, text, sizeof text);
        fprintf(stderr, "error %u: %s\n", (unsigned)rc, text);
        return 1;
    }
}
