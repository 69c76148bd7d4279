/* RasGetEntryProperties.c - shows what a phonebook entry dials (no ENTRY:
 * the properties a new entry has by default). */
#include <stdio.h>
#include <stdlib.h>
#include <netrouter/ras.h>

int main(int argc, char **argv)
{
    const char *phonebook = argc > 1 ? argv[1] : NULL; /* NULL: the default */
    const char *entry = argc > 2 ? argv[2] : NULL;
    RASENTRY *e = NULL;
    DWORD size = 0, rc;
    char text[256], detail[1024];

    /* Ask for the size first: no buffer and a size of 0. */
    rc = RasGetEntryProperties(phonebook, entry, NULL, &size, NULL, NULL);
    if (rc == ERROR_BUFFER_TOO_SMALL) {
        if (!(e = calloc(1, size)))
            return 1;
        e->dwSize = sizeof(RASENTRY);
        rc = RasGetEntryProperties(phonebook, entry, e, &size, NULL, NULL);
    }
    if (rc) {
        RasGetErrorString(rc, text, sizeof text);
        nr_ras_get_error_detail(NULL, detail, sizeof detail);
        fprintf(stderr, "error %u: %s\n%s\n", (unsigned)rc, text, detail);
        free(e);
        return 1;
    }
    printf("device:  %s %s\n", e->szDeviceType, e->szDeviceName);
    printf("number:  %s\n", e->szLocalPhoneNumber);
    printf("auth:    %s\n", e->dwfOptions & RASEO_RequireMsCHAP2 ? "MS-CHAP v2"
                            : e->dwfOptions & RASEO_RequireCHAP  ? "CHAP"
                            : e->dwfOptions & RASEO_RequirePAP   ? "PAP"
                                                                 : "any");
    printf("redial:  %u times, %u s apart\n", (unsigned)e->dwRedialCount, (unsigned)e->dwRedialPause);
    printf("idle:    %u s\n", (unsigned)e->dwIdleDisconnectSeconds);
    free(e);
    return 0;
}
