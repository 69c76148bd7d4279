/* RasConnectionNotification.c - an eventfd that becomes readable whenever a
 * connection of this process connects or disconnects; dials an entry, and
 * hangs it up once it is connected, to see both. */
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include <netrouter/ras.h>

static void ignore(UINT msg, RASCONNSTATE state, DWORD error) {}

int main(int argc, char **argv)
{
    RASDIALPARAMS params = { .dwSize = sizeof params };
    RASCONNSTATUS st = { .dwSize = sizeof st };
    int efd = eventfd(0, EFD_CLOEXEC);
    struct pollfd pfd = { .fd = efd, .events = POLLIN };
    HRASCONN h = NULL;
    uint64_t count;
    DWORD rc;

    if (argc != 2) {
        fprintf(stderr, "usage: %s ENTRY\n", argv[0]);
        return 2;
    }
    rc = RasConnectionNotification((HRASCONN)INVALID_HANDLE_VALUE, (HANDLE)(intptr_t)efd,
                                   RASCN_Connection | RASCN_Disconnection);
    if (rc)
        return 1;
    snprintf(params.szEntryName, sizeof params.szEntryName, "%s", argv[1]);
    rc = RasDial(NULL, NULL, &params, 0, (LPVOID)ignore, &h);
    while (rc == 0 && poll(&pfd, 1, 120 * 1000) == 1) {
        if (read(efd, &count, sizeof count) != sizeof count)
            break;
        if (RasGetConnectStatus(h, &st) == 0 && st.rasconnstate == RASCS_Connected) {
            printf("%s is connected; hanging up\n", argv[1]);
            RasHangUp(h);             /* RASCN_Disconnection follows */
        } else {
            printf("%s is disconnected\n", argv[1]);
            h = NULL;
            break;
        }
    }
    if (h)
        nr_ras_hang_up_wait(h, 10000);
    close(efd);
    return rc == 0 ? 0 : 1;
}
