/* RasGetConnectionStatistics.c - dials an entry, then prints the link's
 * counters every few seconds (octets and frames each way, receive errors,
 * speed and time up), clearing them after each line so that every line
 * says what the last interval carried. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <netrouter/ras.h>

static int print_interval(HRASCONN h)
{
    RAS_STATS s = { .dwSize = sizeof s };
    DWORD rc = RasGetConnectionStatistics(h, &s);

    if (rc != 0)
        return -1;
    printf("sent %u octets in %u frames, received %u octets in %u frames, %u bad, %u bit/s, %u ms\n",
           (unsigned)s.dwBytesXmited, (unsigned)s.dwFramesXmited, (unsigned)s.dwBytesRcved,
           (unsigned)s.dwFramesRcved, (unsigned)(s.dwCrcErr + s.dwAlignmentErr + s.dwFramingErr + s.dwBufferOverrunErr),
           (unsigned)s.dwBps, (unsigned)s.dwConnectDuration);
    return RasClearConnectionStatistics(h) == 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
    RASDIALPARAMS params = { .dwSize = sizeof params };
    RASCONNSTATUS st = { .dwSize = sizeof st };
    HRASCONN h = NULL;
    char text[512];
    int rounds = argc > 2 ? atoi(argv[2]) : 3;
    DWORD rc;

    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s ENTRY [ROUNDS]\n", argv[0]);
        return 2;
    }
    snprintf(params.szEntryName, sizeof params.szEntryName, "%s", argv[1]);
    rc = RasDial(NULL, NULL, &params, 0, NULL, &h);
    for (int i = 0; rc == 0 && i < rounds; i++) {
        sleep(5);
        if (RasGetConnectStatus(h, &st) == 0 && st.rasconnstate != RASCS_Connected)
            rc = st.dwError; /* the link was lost */
        else if (print_interval(h) != 0)
            rc = ERROR_INVALID_HANDLE;
    }
    if (rc) {
        RasGetErrorString(rc, text, sizeof text);
        fprintf(stderr, "%s: error %u: %s\n", argv[1], (unsigned)rc, text);
    }
    if (h)
        nr_ras_hang_up_wait(h, 10000);
    return rc == 0 ? 0 : 1;
}
