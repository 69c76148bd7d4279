/* nr_ras_terminal_read.c - dials an entry with terminal_after_dial and answers
 * the far end's login dialogue before PPP starts. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <netrouter/ras.h>

/* Answers "login:" and "password:" prompts; true once both were answered. */
static int login(HRASCONN h, const char *user, const char *password)
{
    char seen[512] = "", buf[128];
    int answered = 0;
    DWORD got;

    while (answered < 2) {
        if (nr_ras_terminal_read(h, buf, sizeof buf - 1, 15000, &got) != 0 || got == 0)
            return 0;                               /* hung up, line dropped, or silence */
        buf[got] = '\0';
        strncat(seen, buf, sizeof seen - strlen(seen) - 1);
        const char *answer = strstr(seen, "ogin:") ? user : strstr(seen, "assword:") ? password : NULL;
        if (answer) {
            nr_ras_terminal_write(h, answer, (DWORD)strlen(answer));
            nr_ras_terminal_write(h, "\r", 1);     /* as a terminal would */
            seen[0] = '\0';
            answered++;
        }
    }
    return 1;
}

int main(int argc, char **argv)
{
    RASDIALEXTENSIONS ext = { .dwSize = sizeof ext, .dwfOptions = RDEOPT_PausedStates };
    RASDIALPARAMS params = { .dwSize = sizeof params };
    NR_RASDIALEVENT ev;
    HRASCONN h = NULL;
    int events[2];
    DWORD rc;

    if (argc != 4 || pipe(events) != 0) {
        fprintf(stderr, "usage: %s ENTRY USER PASSWORD\n", argv[0]);
        return 2;
    }
    snprintf(params.szEntryName, sizeof params.szEntryName, "%s", argv[1]);
    rc = RasDial(&ext, NULL, &params, NR_RAS_NOTIFIER_FD, &events[1], &h);
    while (rc == 0 && read(events[0], &ev, sizeof ev) == sizeof ev) {
        printf("%s\n", nr_ras_state_text(ev.rasconnstate));
        if (ev.dwError) {
            rc = ev.dwError;
        } else if (ev.rasconnstate == RASCS_Interactive) {
            /* Paused: talk to the far end, then resume on the same handle
             * with the same notifier (never from inside a handler). */
            if (!login(h, argv[2], argv[3]))
                rc = ERROR_INTERACTIVE_MODE;
            else
                rc = RasDial(&ext, NULL, &params, NR_RAS_NOTIFIER_FD, &events[1], &h);
        } else if (ev.rasconnstate == RASCS_Connected) {
            break;
        }
    }
    printf("%s\n", rc == 0 ? "connected" : "failed");
    if (h)
        nr_ras_hang_up_wait(h, 10000);
    return rc == 0 ? 0 : 1;
}
