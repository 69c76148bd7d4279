/* RasEnumEntries.c - lists the entries of a phonebook. */
#include <stdio.h>
#include <stdlib.h>
#include <netrouter/ras.h>

int main(int argc, char **argv)
{
    const char *phonebook = argc > 1 ? argv[1] : NULL; /* NULL: the default */
    RASENTRYNAME *names = NULL;
    DWORD cb = 0, n = 0, rc;
    char text[512];

    /* Ask for the size first: no buffer and *lpcb 0. */
    rc = RasEnumEntries(NULL, phonebook, NULL, &cb, &n);
    if (rc == ERROR_BUFFER_TOO_SMALL) {
        names = calloc(1, cb);
        if (!names)
            return 1;
        names[0].dwSize = sizeof(RASENTRYNAME);
        rc = RasEnumEntries(NULL, phonebook, names, &cb, &n);
    }
    if (rc) {
        RasGetErrorString(rc, text, sizeof text);
        fprintf(stderr, "error %u: %s\n", (unsigned)rc, text);
        if (nr_ras_get_last_phonebook_error(text, sizeof text) == 0 && text[0])
            fprintf(stderr, "%s\n", text);
    }
    for (DWORD i = 0; rc == 0 && i < n; i++)
        printf("%s%s (%s)\n", names[i].szEntryName, names[i].dwFlags == REN_AllUsers ? " [all users]" : "",
               names[i].szPhonebookPath);
    free(names);
    return rc == 0 ? 0 : 1;
}
