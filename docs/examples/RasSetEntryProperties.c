/* RasSetEntryProperties.c - creates (or replaces) a modem entry:
 * PHONEBOOK ENTRY DEVICE NUMBER, e.g. pb.json Office /dev/ttyUSB0 5551234. */
#include <stdio.h>
#include <stdlib.h>
#include <netrouter/ras.h>

int main(int argc, char **argv)
{
    RASENTRY *e;
    DWORD rc;
    char text[256], detail[1024];

    if (argc != 5) {
        fprintf(stderr, "usage: %s PHONEBOOK ENTRY DEVICE NUMBER\n", argv[0]);
        return 2;
    }
    if (!(e = calloc(1, sizeof *e))) /* a RASENTRY is large: not on the stack */
        return 1;
    e->dwSize = sizeof *e;
    snprintf(e->szDeviceType, sizeof e->szDeviceType, "%s", RASDT_Modem);
    snprintf(e->szDeviceName, sizeof e->szDeviceName, "%s", argv[3]);
    snprintf(e->szLocalPhoneNumber, sizeof e->szLocalPhoneNumber, "%s", argv[4]);
    e->dwfNetProtocols = RASNP_Ip;
    e->dwFramingProtocol = RASFP_Ppp;
    e->dwType = RASET_Phone;
    e->dwfOptions = RASEO_RequireMsCHAP2;
    e->dwRedialCount = 3;
    e->dwRedialPause = 5;
    rc = RasSetEntryProperties(argv[1], argv[2], e, sizeof *e, NULL, 0);
    free(e);
    if (rc) {
        RasGetErrorString(rc, text, sizeof text);
        nr_ras_get_error_detail(NULL, detail, sizeof detail);
        fprintf(stderr, "error %u: %s\n%s\n", (unsigned)rc, text, detail);
        return 1;
    }
    printf("%s: saved in %s\n", argv[2], argv[1]);
    return 0;
}
