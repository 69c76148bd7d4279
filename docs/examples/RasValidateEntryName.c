/* RasValidateEntryName.c - says whether NAME can name a new entry of a
 * phonebook: PHONEBOOK NAME. */
#include <stdio.h>
#include <netrouter/ras.h>

int main(int argc, char **argv)
{
    DWORD rc;

    if (argc != 3) {
        fprintf(stderr, "usage: %s PHONEBOOK NAME\n", argv[0]);
        return 2;
    }
    rc = RasValidateEntryName(argv[1], argv[2]);
    switch (rc) {
    case 0:
        printf("\"%s\" is free\n", argv[2]);
        return 0;
    case ERROR_INVALID_NAME:
        printf("\"%s\" is not a valid entry name\n", argv[2]);
        return 1;
    case ERROR_ALREADY_EXISTS:
        printf("\"%s\" exists already\n", argv[2]);
        return 1;
    default:
        printf("RasValidateEntryName failed: error %u\n", (unsigned)rc);
        return 1;
    }
}
