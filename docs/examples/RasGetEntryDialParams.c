/* RasGetEntryDialParams.c - saves the credentials of a phonebook entry (with
 * USER and PASSWORD), then shows what is saved. */
#include <stdio.h>
#include <string.h>
#include <netrouter/ras.h>

static int fail(const char *what, DWORD rc)
{
    char text[512], detail[1024];
    RasGetErrorString(rc, text, sizeof text);
    nr_ras_get_last_phonebook_error(detail, sizeof detail);
    fprintf(stderr, "%s: error %u: %s\n%s\n", what, (unsigned)rc, text, detail);
    return 1;
}

int main(int argc, char **argv)
{
    RASDIALPARAMS params = { .dwSize = sizeof params };
    BOOL has_password;
    DWORD rc;

    if (argc != 3 && argc != 5) {
        fprintf(stderr, "usage: %s PHONEBOOK ENTRY [USER PASSWORD]\n", argv[0]);
        return 2;
    }
    snprintf(params.szEntryName, sizeof params.szEntryName, "%s", argv[2]);
    if (argc == 5) {
        snprintf(params.szUserName, sizeof params.szUserName, "%s", argv[3]);
        snprintf(params.szPassword, sizeof params.szPassword, "%s", argv[4]);
        rc = RasSetEntryDialParams(argv[1], &params, FALSE);
        explicit_bzero(params.szPassword, sizeof params.szPassword);
        if (rc)
            return fail("RasSetEntryDialParams", rc);
    }
    rc = RasGetEntryDialParams(argv[1], &params, &has_password);
    if (rc)
        return fail("RasGetEntryDialParams", rc);
    printf("%s: user \"%s\", %s\n", params.szEntryName, params.szUserName,
           has_password ? "password saved" : "no password saved");
    /* params can go to RasDial as it is; then wipe the password. */
    explicit_bzero(params.szPassword, sizeof params.szPassword);
    return 0;
}
