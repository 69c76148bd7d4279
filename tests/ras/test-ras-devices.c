/*
 * test-ras-devices.c - RasEnumDevices against a fake /dev and /sys
 * (NETROUTER_RAS_DEV_ROOT): which serial ports are listed and in what
 * order, and the nine kinds of size and pointer checks that Wine's
 * rasapi32 tests hold Windows to (a size probe, a NULL buffer with a
 * size, wrong dwSize values, NULL lpcb, a zero size, one byte short, one
 * byte more, NULL lpcDevices, and NULL and size errors together), for the
 * A and the W form; written here from those categories.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <netrouter/ras.h>

#include "cunit-main.h"

static char dir[] = "/tmp/nr-ras-devices.XXXXXX";
NRT_SUITE("ras-devices", .tmpdir = dir);

static void touch(const char *root, const char *rel, const char *text)
{
    char path[800];
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", root, rel);
    f = fopen(path, "w");
    NRT_NOT_NULL_FATAL(f);
    fputs(text, f);
    fclose(f);
}

static void mkdirs(const char *root, const char *rel)
{
    char cmd[900];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s/%s'", root, rel);
    NRT_EQ_FATAL(system(cmd), 0);
}

/* A machine with a real ttyS0 and ttyS10, phantom ttyS1 (type 0) and ttyS2
 * (no device), two USB adapters, an ACM modem and other ttys. */
static const char *machine(void)
{
    static char root[700];
    static const char *const devs[] = { "ttyS0", "ttyS1", "ttyS2", "ttyS10", "ttyUSB1", "ttyUSB0", "ttyACM0",
                                        "tty0", "tty", "ttyS", "ttySx", "ttyprintk", "console" };
    snprintf(root, sizeof root, "%s/machine", dir);
    if (access(root, F_OK) == 0)
        return root;
    mkdirs(root, "dev");
    for (size_t i = 0; i < sizeof devs / sizeof devs[0]; i++) {
        char rel[64];
        snprintf(rel, sizeof rel, "dev/%s", devs[i]);
        touch(root, rel, "");
    }
    mkdirs(root, "sys/class/tty/ttyS0/device");
    touch(root, "sys/class/tty/ttyS0/type", "4\n");
    mkdirs(root, "sys/class/tty/ttyS10/device");
    touch(root, "sys/class/tty/ttyS10/type", "4\n");
    mkdirs(root, "sys/class/tty/ttyS1/device");
    touch(root, "sys/class/tty/ttyS1/type", "0\n");
    mkdirs(root, "sys/class/tty/ttyS2");
    return root;
}

static const char *const expected[] = { "/dev/ttyS0", "/dev/ttyS10", "/dev/ttyUSB0", "/dev/ttyUSB1",
                                        "/dev/ttyACM0" };
#define N_EXPECTED 5

NRT_TEST(the_serial_ports_that_exist_are_listed_in_order)
{
    RASDEVINFOA d[8] = { { .dwSize = sizeof(RASDEVINFOA) } };
    DWORD cb = sizeof d, n = 0;
    setenv("NETROUTER_RAS_DEV_ROOT", machine(), 1);
    NRT_EQ(RasEnumDevicesA(d, &cb, &n), 0);
    NRT_EQ_FATAL(n, N_EXPECTED);
    NRT_EQ(cb, N_EXPECTED * sizeof(RASDEVINFOA));
    for (int i = 0; i < N_EXPECTED; i++) {
        NRT_EQ(d[i].dwSize, sizeof(RASDEVINFOA));
        NRT_EQ_STR(d[i].szDeviceType, RASDT_Modem);
        NRT_EQ_STR(d[i].szDeviceName, expected[i]);
    }
}

NRT_TEST(no_serial_port_is_success_with_nothing)
{
    char root[700];
    DWORD cb = 0, n = 9;
    snprintf(root, sizeof root, "%s/empty", dir);
    mkdirs(root, "dev");
    touch(root, "dev/tty0", "");
    setenv("NETROUTER_RAS_DEV_ROOT", root, 1);
    NRT_EQ(RasEnumDevicesA(NULL, &cb, &n), 0);
    NRT_EQ(cb, 0);
    NRT_EQ(n, 0);
}

/* The nine categories, for one structure size; e is a buffer of 8
 * elements of size bytes whose first DWORD is dwSize. */
#define NINE_CATEGORIES(fn, type)                                                                              \
    do {                                                                                                       \
        type *buf = calloc(8, sizeof(type));                                                                   \
        DWORD bufsize = 0, cb, n = 0;                                                                          \
        NRT_NOT_NULL_FATAL(buf);                                                                               \
        setenv("NETROUTER_RAS_DEV_ROOT", machine(), 1);                                                        \
        /* 1. the size probe */                                                                                \
        NRT_EQ(fn(NULL, &bufsize, &n), ERROR_BUFFER_TOO_SMALL);                                                \
        NRT_EQ(bufsize, N_EXPECTED * sizeof(type));                                                            \
        NRT_EQ(n, N_EXPECTED);                                                                                 \
        /* 2. no buffer, whatever the size */                                                                  \
        cb = bufsize;                                                                                          \
        NRT_EQ(fn(NULL, &cb, &n), ERROR_BUFFER_TOO_SMALL);                                                     \
        /* 3. a wrong dwSize: 0, one less, one more (the size untouched) */                                    \
        const DWORD wrong[] = { 0, sizeof(type) - 1, sizeof(type) + 1 };                                       \
        for (int i = 0; i < 3; i++) {                                                                          \
            buf[0].dwSize = wrong[i];                                                                          \
            cb = bufsize;                                                                                      \
            NRT_EQ(fn(buf, &cb, &n), ERROR_INVALID_SIZE);                                                      \
            NRT_EQ(cb, bufsize);                                                                               \
        }                                                                                                      \
        /* 4. no lpcb */                                                                                       \
        buf[0].dwSize = sizeof(type);                                                                          \
        NRT_EQ(fn(buf, NULL, &n), ERROR_INVALID_PARAMETER);                                                    \
        /* 5. a zero size */                                                                                   \
        cb = 0;                                                                                                \
        NRT_EQ(fn(buf, &cb, &n), ERROR_BUFFER_TOO_SMALL);                                                      \
        NRT_EQ(cb, bufsize);                                                                                   \
        /* 6. one byte short */                                                                                \
        cb = bufsize - 1;                                                                                      \
        NRT_EQ(fn(buf, &cb, &n), ERROR_BUFFER_TOO_SMALL);                                                      \
        NRT_EQ(cb, bufsize);                                                                                   \
        /* 7. one byte more */                                                                                 \
        cb = bufsize + 1;                                                                                      \
        n = 0;                                                                                                 \
        NRT_EQ(fn(buf, &cb, &n), 0);                                                                           \
        NRT_EQ(n, N_EXPECTED);                                                                                 \
        NRT_EQ(cb, bufsize);                                                                                   \
        /* 8. no lpcDevices */                                                                                 \
        cb = bufsize;                                                                                          \
        NRT_EQ(fn(buf, &cb, NULL), ERROR_INVALID_PARAMETER);                                                   \
        NRT_EQ(cb, bufsize);                                                                                   \
        /* 9. errors together: NULL and NULL, NULL and NULL, a zero size with a zero dwSize */                 \
        NRT_EQ(fn(NULL, NULL, &n), ERROR_INVALID_PARAMETER);                                                   \
        NRT_EQ(fn(NULL, &cb, NULL), ERROR_INVALID_PARAMETER);                                                  \
        cb = 0;                                                                                                \
        buf[0].dwSize = 0;                                                                                     \
        NRT_EQ(fn(buf, &cb, &n), ERROR_INVALID_SIZE);                                                          \
        NRT_EQ(cb, 0);                                                                                         \
        free(buf);                                                                                             \
    } while (0)

NRT_TEST(the_a_form_keeps_the_nine_rules)
{
    NINE_CATEGORIES(RasEnumDevicesA, RASDEVINFOA);
}

NRT_TEST(the_w_form_keeps_the_nine_rules)
{
    NINE_CATEGORIES(RasEnumDevicesW, RASDEVINFOW);
}

NRT_TEST(the_w_form_gives_the_same_devices)
{
    RASDEVINFOW d[8] = { { .dwSize = sizeof(RASDEVINFOW) } };
    DWORD cb = sizeof d, n = 0;
    setenv("NETROUTER_RAS_DEV_ROOT", machine(), 1);
    NRT_EQ(RasEnumDevicesW(d, &cb, &n), 0);
    NRT_EQ_FATAL(n, N_EXPECTED);
    NRT_EQ(cb, N_EXPECTED * sizeof(RASDEVINFOW));
    for (int i = 0; i < N_EXPECTED; i++) {
        wchar_t name[64];
        mbstowcs(name, expected[i], 64);
        NRT_TRUE(!wcscmp(d[i].szDeviceType, L"modem"));
        NRT_TRUE_MSG(!wcscmp(d[i].szDeviceName, name), "device %d is %ls, not %ls", i, d[i].szDeviceName, name);
    }
}

NRT_TEST(this_machine_lists_only_serial_ports)
{
    RASDEVINFOA *d = NULL;
    DWORD cb = 0, n = 0, rc;
    unsetenv("NETROUTER_RAS_DEV_ROOT");
    rc = RasEnumDevicesA(NULL, &cb, &n);
    NRT_TRUE(rc == 0 || rc == ERROR_BUFFER_TOO_SMALL);
    if (rc == 0)
        return;
    d = calloc(1, cb);
    NRT_NOT_NULL_FATAL(d);
    d->dwSize = sizeof *d;
    NRT_EQ(RasEnumDevicesA(d, &cb, &n), 0);
    for (DWORD i = 0; i < n; i++)
        NRT_TRUE_MSG(!strncmp(d[i].szDeviceName, "/dev/tty", 8), "%s", d[i].szDeviceName);
    free(d);
}
