/* libnetrouter-ras.c - dials a phonebook entry synchronously and hangs up. */
#include <stdio.h>
#include <netrouter/ras.h>

int main(int argc, char **argv)
{
    RASDIALPARAMS p = { .dwSize = sizeof p };
    HRASCONN h = NULL;
    char text[512], detail[1024];
    DWORD rc;

    snprintf(p.szEntryName, sizeof p.szEntryName, "%s", argc > 1 ? argv[1] : "Office");
    rc = RasDial(NULL, NULL, &p, 0, NULL, &h);   /* synchronous: returns once connected */
    if (rc) {
        RasGetErrorString(rc, text, sizeof text);
        nr_ras_get_error_detail(h, detail, sizeof detail); /* what was at fault; h may be NULL */
        fprintf(stderr, "error %u: %s\n%s\n", (unsigned)rc, text, detail);
    } else {
        printf("connected\n");
    }
    if (h)                                       /* also after a failure */
        nr_ras_hang_up_wait(h, 10000);           /* RasHangUp, and wait for the port */
    return rc ? 1 : 0;
}
