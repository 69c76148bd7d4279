/* nr_ras_check_phonebook.c - checks a phonebook without dialing, as rasdial --check-phonebook does. */
#include <stdio.h>
#include <netrouter/ras.h>

int main(int argc, char **argv)
{
    char path[4096], detail[2048];
    DWORD n = 0, rc;

    rc = nr_ras_check_phonebook(argc > 1 ? argv[1] : NULL, path, sizeof path, &n); /* NULL: the default */
    if (rc == 0) {
        printf("%s: ok (%u entries)\n", path, (unsigned)n);
        return 0;
    }
    nr_ras_get_error_detail(NULL, detail, sizeof detail); /* "FILE:LINE:COLUMN: FIELD: message" */
    fprintf(stderr, "%s\n", detail[0] ? detail : "the phonebook cannot be checked");
    return 1;
}
