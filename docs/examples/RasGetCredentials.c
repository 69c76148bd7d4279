/* RasGetCredentials.c - saves the user name of a phonebook entry (and its
 * password, when given) with RasSetCredentials, then shows what is saved. */
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
    RASCREDENTIALS cred = { .dwSize = sizeof cred };
    DWORD rc;

    if (argc < 3 || argc > 5) {
        fprintf(stderr, "usage: %s PHONEBOOK ENTRY [USER [PASSWORD]]\n", argv[0]);
        return 2;
    }
    if (argc >= 4) {
        cred.dwMask = RASCM_UserName | (argc == 5 ? RASCM_Password : 0);
        snprintf(cred.szUserName, sizeof cred.szUserName, "%s", argv[3]);
        if (argc == 5)
            snprintf(cred.szPassword, sizeof cred.szPassword, "%s", argv[4]);
        rc = RasSetCredentials(argv[1], argv[2], &cred, FALSE);
        explicit_bzero(cred.szPassword, sizeof cred.szPassword);
        if (rc)
            return fail("RasSetCredentials", rc);
    }
    rc = RasGetCredentials(argv[1], argv[2], &cred);
    if (rc)
        return fail("RasGetCredentials", rc);
    printf("%s: user \"%s\", %s\n", argv[2], cred.szUserName,
           cred.dwMask & RASCM_Password ? "password saved" : "no password saved");
    explicit_bzero(cred.szPassword, sizeof cred.szPassword);
    return 0;
}
