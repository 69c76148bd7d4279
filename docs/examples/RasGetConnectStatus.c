/* RasGetConnectStatus.c - dials an entry asynchronously and watches its
 * progress by polling, without handling the notifications. */
#include <stdio.h>
#include <unistd.h>
#include <netrouter/ras.h>

static void ignore(UINT msg, RASCONNSTATE state, DWORD error) {}

int main(int argc, char **argv)
{
    RASDIALPARAMS params = { .dwSize = sizeof params };
    RASCONNSTATUS st = { .dwSize = sizeof st };
    RASCONNSTATE shown = (RASCONNSTATE)-1;
    HRASCONN h = NULL;
    char text[512];
    DWORD rc;

    if (argc != 2) {
        fprintf(stderr, "usage: %s ENTRY\n", argv[0]);
        return 2;
    }
    snprintf(params.szEntryName, sizeof params.szEntryName, "%s", argv[1]);
    rc = RasDial(NULL, NULL, &params, 0, (LPVOID)ignore, &h); /* a notifier: asynchronous */
    while (rc == 0) {
        if ((rc = RasGetConnectStatus(h, &st)) != 0)
            break;
        if (st.rasconnstate != shown) {
            printf("%-40s %s %s\n", nr_ras_state_text(st.rasconnstate), st.szDeviceType, st.szDeviceName);
            shown = st.rasconnstate;
        }
        if (st.dwError)
            rc = st.dwError;
        else if (st.rasconnstate == RASCS_Connected)
            break;
        usleep(100 * 1000);
    }
    if (rc) {
        RasGetErrorString(rc, text, sizeof text);
        fprintf(stderr, "%s: error %u: %s\n", argv[1], (unsigned)rc, text);
    }
    if (h)
        nr_ras_hang_up_wait(h, 10000);
    return rc == 0 ? 0 : 1;
}
