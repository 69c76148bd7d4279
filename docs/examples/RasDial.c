/* RasDial.c - dials a phonebook entry, follows its states on a pipe, keeps
 * the link up until Ctrl-C, then hangs up. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <netrouter/ras.h>

static volatile sig_atomic_t stop;
static void on_signal(int sig) { stop = sig; }

int main(int argc, char **argv)
{
    RASDIALPARAMS params = { .dwSize = sizeof params };
    const char *phonebook = argc > 2 ? argv[2] : NULL; /* NULL: the default phonebook */
    struct sigaction sa = { .sa_handler = on_signal };
    NR_RASDIALEVENT ev;
    HRASCONN h = NULL;
    BOOL saved;
    char text[512];
    int events[2];
    DWORD rc;

    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s ENTRY [PHONEBOOK]\n", argv[0]);
        return 2;
    }
    snprintf(params.szEntryName, sizeof params.szEntryName, "%s", argv[1]);
    RasGetEntryDialParams(phonebook, &params, &saved); /* saved user and password, if any */
    if (pipe(events) != 0)
        return 1;

    /* Asynchronous: returns at once; one NR_RASDIALEVENT per state on the pipe. */
    rc = RasDial(NULL, phonebook, &params, NR_RAS_NOTIFIER_FD, &events[1], &h);
    explicit_bzero(params.szPassword, sizeof params.szPassword);
    while (rc == 0 && read(events[0], &ev, sizeof ev) == sizeof ev) {
        printf("%s\n", nr_ras_state_text(ev.rasconnstate));
        if (ev.dwError)
            rc = ev.dwError;                 /* the state that failed, announced again */
        else if (ev.rasconnstate == RASCS_Connected)
            break;
    }
    if (rc == 0) {
        sigaction(SIGINT, &sa, NULL);
        sigaction(SIGTERM, &sa, NULL);
        printf("connected; Ctrl-C hangs up\n");
        while (!stop)
            pause();
    } else {
        RasGetErrorString(rc, text, sizeof text);
        fprintf(stderr, "%s: error %u: %s\n", argv[1], (unsigned)rc, text);
    }
    if (h)                                   /* set even when the dial failed */
        nr_ras_hang_up_wait(h, 10000);       /* RasHangUp, then wait for the port */
    return rc == 0 ? 0 : 1;
}
