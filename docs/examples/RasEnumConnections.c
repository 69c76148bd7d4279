/* RasEnumConnections.c - lists the RAS connections of this process, after
 * dialing the entries named on the command line. */
#include <stdio.h>
#include <stdlib.h>
#include <netrouter/ras.h>

int main(int argc, char **argv)
{
    DWORD cb = sizeof(RASCONN), n = 0, rc;
    RASCONN *conns = calloc(1, cb);

    for (int i = 1; i < argc; i++) {
        RASDIALPARAMS params = { .dwSize = sizeof params };
        HRASCONN h = NULL;
        snprintf(params.szEntryName, sizeof params.szEntryName, "%s", argv[i]);
        if ((rc = RasDial(NULL, NULL, &params, 0, NULL, &h)) != 0) {
            fprintf(stderr, "%s: error %u\n", argv[i], (unsigned)rc);
            if (h)
                RasHangUp(h);
        }
    }
    for (;;) {                      /* connections may come and go between two calls */
        if (!conns)
            return 1;
        conns[0].dwSize = sizeof(RASCONN);
        rc = RasEnumConnections(conns, &cb, &n);
        if (rc != ERROR_BUFFER_TOO_SMALL)
            break;
        free(conns);
        conns = calloc(1, cb);      /* cb: the size needed now */
    }
    for (DWORD i = 0; rc == 0 && i < n; i++) {
        RASCONNSTATUS st = { .dwSize = sizeof st };
        if (RasGetConnectStatus(conns[i].hrasconn, &st) != 0)
            continue;               /* hung up meanwhile */
        printf("%s on %s (%s): %s\n", conns[i].szEntryName, conns[i].szDeviceName, conns[i].szPhonebook,
               nr_ras_state_text(st.rasconnstate));
        nr_ras_hang_up_wait(conns[i].hrasconn, 10000);
    }
    printf("%u connection(s)\n", (unsigned)n);
    free(conns);
    return rc == 0 ? 0 : 1;
}
