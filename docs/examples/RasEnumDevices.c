/* RasEnumDevices.c - lists the devices a phonebook entry can dial on. */
#include <stdio.h>
#include <stdlib.h>
#include <netrouter/ras.h>

int main(void)
{
    RASDEVINFO *devices = NULL;
    DWORD cb = 0, n = 0, rc;

    /* Ask for the size first; 0 devices is a success with nothing. */
    rc = RasEnumDevices(NULL, &cb, &n);
    if (rc == ERROR_BUFFER_TOO_SMALL) {
        if (!(devices = calloc(1, cb)))
            return 1;
        devices[0].dwSize = sizeof(RASDEVINFO);
        rc = RasEnumDevices(devices, &cb, &n);
    }
    if (rc) {
        fprintf(stderr, "RasEnumDevices: error %u\n", (unsigned)rc);
        free(devices);
        return 1;
    }
    for (DWORD i = 0; i < n; i++)
        printf("%s\t%s\n", devices[i].szDeviceType, devices[i].szDeviceName);
    if (n == 0)
        printf("no serial port\n");
    free(devices);
    return 0;
}
