/* RasHangUp.c - dials an entry twice in a row on the same device: the first
 * link is hung up with RasHangUp and watched until its port is free, the
 * second with nr_ras_hang_up_wait. */
#include <stdio.h>
#include <unistd.h>
#include <netrouter/ras.h>

static DWORD dial(const char *entry, HRASCONN *h)
{
    RASDIALPARAMS params = { .dwSize = sizeof params };
    char text[512];
    DWORD rc;

    snprintf(params.szEntryName, sizeof params.szEntryName, "%s", entry);
    *h = NULL;
    rc = RasDial(NULL, NULL, &params, 0, NULL, h); /* synchronous */
    if (rc) {
        RasGetErrorString(rc, text, sizeof text);
        fprintf(stderr, "%s: error %u: %s\n", entry, (unsigned)rc, text);
    }
    return rc;
}

int main(int argc, char **argv)
{
    RASCONNSTATUS st = { .dwSize = sizeof st };
    HRASCONN h;
    DWORD rc;

    if (argc != 2) {
        fprintf(stderr, "usage: %s ENTRY\n", argv[0]);
        return 2;
    }
    rc = dial(argv[1], &h);
    if (h) {                        /* hang up in every case, also after a failure */
        RasHangUp(h);               /* returns at once */
        while (RasGetConnectStatus(h, &st) != ERROR_INVALID_HANDLE)
            usleep(50 * 1000);      /* the port is released when the handle dies */
    }
    if (rc == 0) {
        rc = dial(argv[1], &h);     /* the same device, at once */
        if (h && nr_ras_hang_up_wait(h, 10000) == ERROR_REQUEST_TIMEOUT)
            fprintf(stderr, "the port was not released within 10 s\n");
    }
    printf("%s\n", rc == 0 ? "dialed twice" : "failed");
    return rc == 0 ? 0 : 1;
}
