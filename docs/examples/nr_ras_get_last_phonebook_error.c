/* nr_ras_get_last_phonebook_error.c - says exactly what is wrong with a phonebook. */
#include <stdio.h>
#include <netrouter/ras.h>

int main(int argc, char **argv)
{
    DWORD cb = 0, n = 0, rc;
    char text[512], detail[2048];

    if (argc != 2) {
        fprintf(stderr, "usage: %s PHONEBOOK\n", argv[0]);
        return 2;
    }
    rc = RasEnumEntries(NULL, argv[1], NULL, &cb, &n); /* loads and checks the file */
    if (rc == 0 || rc == ERROR_BUFFER_TOO_SMALL) {
        printf("%s: %u entries\n", argv[1], (unsigned)n);
        return 0;
    }
    RasGetErrorString(rc, text, sizeof text);
    nr_ras_get_last_phonebook_error(detail, sizeof detail); /* "FILE:LINE:COLUMN: FIELD: message" */
    fprintf(stderr, "error %u: %s\n%s\n", (unsigned)rc, text, detail);
    return 1;
}
