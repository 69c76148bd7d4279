/*
 * ras-devices.c - RasEnumDevicesA: the dial-up devices of the machine, the
 * serial ports a modem can sit on, with the Windows size and pointer
 * rules (those Wine's rasapi32 tests hold Windows to).
 *
 * A port is /dev/ttyUSB<n> or /dev/ttyACM<n> when it exists (the kernel
 * makes them for the USB devices plugged in), and /dev/ttyS<n> when /sys
 * says it is a real port: the kernel makes every ttyS the 8250 driver
 * could have, present or not, and marks the absent ones with a UART type
 * of 0 (/sys/class/tty/ttyS<n>/type) or gives them no device.  Listed
 * ttyS first, then ttyUSB, then ttyACM, each by number.
 * NETROUTER_RAS_DEV_ROOT, when set, stands for / (tests give a fake tree).
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <netrouter/ras.h>

#include "local-lasterror.h"

#define PORT_NAME_SIZE 32 /* ttyUSB4294967295 and more fit */

typedef struct port {
    int kind;           /* 0 ttyS, 1 ttyUSB, 2 ttyACM */
    unsigned long n;
    char name[PORT_NAME_SIZE];
} port;

static const char *const prefixes[] = { "ttyS", "ttyUSB", "ttyACM" };

/* The kind of a /dev name (ttyS0...), or -1; *n receives its number. */
static int kind_of(const char *name, unsigned long *n)
{
    for (int k = 0; k < 3; k++) {
        size_t len = strlen(prefixes[k]);
        char *end;
        if (strncmp(name, prefixes[k], len) || name[len] < '0' || name[len] > '9' || strlen(name) >= PORT_NAME_SIZE)
            continue;
        *n = strtoul(name + len, &end, 10);
        if (!*end)
            return k;
    }
    return -1;
}

/* True when /sys shows ttyS name as a port that exists. */
static bool real_8250(const char *root, const char *name)
{
    char path[4096], type[16] = "";
    FILE *f;
    snprintf(path, sizeof path, "%s/sys/class/tty/%s/device", root, name);
    if (access(path, F_OK) != 0)
        return false;
    snprintf(path, sizeof path, "%s/sys/class/tty/%s/type", root, name);
    if (!(f = fopen(path, "re")))
        return true; /* a driver without the attribute: its ports exist */
    if (!fgets(type, sizeof type, f))
        type[0] = '\0';
    fclose(f);
    return strtoul(type, NULL, 10) != 0;
}

static int by_kind_and_number(const void *a, const void *b)
{
    const port *p = a, *q = b;
    if (p->kind != q->kind)
        return p->kind < q->kind ? -1 : 1;
    return p->n < q->n ? -1 : p->n > q->n;
}

/* The ports, sorted, in *out (free it); their count, or -1 without memory. */
static long scan(port **out)
{
    const char *root = getenv("NETROUTER_RAS_DEV_ROOT");
    char dev[4096];
    size_t n = 0, cap = 0;
    port *v = NULL;
    struct dirent *d;
    DIR *dir;

    *out = NULL;
    if (!root)
        root = "";
    snprintf(dev, sizeof dev, "%s/dev", root);
    if (!(dir = opendir(dev)))
        return 0;
    while ((d = readdir(dir)) != NULL) {
        unsigned long number;
        int kind = kind_of(d->d_name, &number);
        if (kind < 0 || (kind == 0 && !real_8250(root, d->d_name)))
            continue;
        if (n == cap) {
            port *bigger = realloc(v, (cap = cap ? cap * 2 : 8) * sizeof *v);
            if (!bigger) {
                free(v);
                closedir(dir);
                return -1;
            }
            v = bigger;
        }
        v[n].kind = kind;
        v[n].n = number;
        /* kind_of has checked the length; the check here is what tells
         * the compiler (-O1, -Os: d_name can hold 255 bytes) */
        if (snprintf(v[n].name, sizeof v[n].name, "%s", d->d_name) >= (int)sizeof v[n].name)
            continue;
        n++;
    }
    closedir(dir);
    if (n)
        qsort(v, n, sizeof *v, by_kind_and_number);
    *out = v;
    return (long)n;
}

NR_RAS_PUBLIC DWORD RasEnumDevicesA(LPRASDEVINFOA lpRasDevInfo, LPDWORD lpcb, LPDWORD lpcDevices)
{
    port *ports;
    long n;
    DWORD need;

    nr_ras_set_last_error(NULL);
    if (!lpcb || !lpcDevices)
        return ERROR_INVALID_PARAMETER;
    if (lpRasDevInfo && lpRasDevInfo->dwSize != sizeof(RASDEVINFOA))
        return ERROR_INVALID_SIZE;
    if ((n = scan(&ports)) < 0)
        return ERROR_ALLOCATING_MEMORY;
    need = (DWORD)((size_t)n * sizeof(RASDEVINFOA));
    *lpcDevices = (DWORD)n;
    if (n && (!lpRasDevInfo || *lpcb < need)) {
        *lpcb = need;
        free(ports);
        return ERROR_BUFFER_TOO_SMALL;
    }
    for (long i = 0; i < n; i++) {
        RASDEVINFOA *d = &lpRasDevInfo[i];
        memset(d, 0, sizeof *d);
        d->dwSize = sizeof *d;
        snprintf(d->szDeviceType, sizeof d->szDeviceType, "%s", RASDT_Modem);
        snprintf(d->szDeviceName, sizeof d->szDeviceName, "/dev/%s", ports[i].name);
    }
    *lpcb = need;
    free(ports);
    return 0;
}
