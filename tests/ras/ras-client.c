/*
 * ras-client.c - a test program over the public <netrouter/ras.h> only, for
 * the shell tests that need several real processes around the connection
 * service (tests/ras/service.test): each command is one process doing what
 * an application would, printing what it saw in a form the test greps.
 *
 *   ras-client dial ENTRY [PHONEBOOK]      synchronous RasDial; "handle 0x.."; leaves the link up
 *   ras-client adial TYPE ENTRY PHONEBOOK  asynchronous RasDial with notifier TYPE (0, 1, 2, fd):
 *                                          one line per state, "connected 0x.." at the end
 *   ras-client enum                        "0x.. ENTRY" per link (size probe first)
 *   ras-client learn                       Microsoft Learn's RasEnumConnections sample, A then W:
 *                                          "A|W nothing rc cb count" when the probe answered, or
 *                                          "A|W listed rc cb count" after allocating *lpcb bytes
 *   ras-client status HANDLE               "state N error E device D"
 *   ras-client detail HANDLE               nr_ras_get_error_detail
 *   ras-client hangup HANDLE               RasHangUp; "hangup E"
 *   ras-client hangup-wait HANDLE          nr_ras_hang_up_wait; "hangup E"
 *   ras-client watch SECONDS               RasConnectionNotification for every link: "event" per signal
 *   ras-client cycles ENTRY PHONEBOOK N [EXPECT]
 *                                          N dial/hang-up cycles, each dial ending with EXPECT
 *                                          (default 0: connected); prints descriptors and threads
 *                                          of this process after the first cycle and at the end
 *
 * Exit status: 0, or 1 when the call failed (its error number printed).
 */
#include "config.h"

#include <dirent.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>
#include <netrouter/ras.h>

static HRASCONN parse_handle(const char *s)
{
    return (HRASCONN)(uintptr_t)strtoull(s, NULL, 0);
}

static int failed(const char *what, DWORD rc)
{
    char text[256] = "";
    RasGetErrorString(rc, text, sizeof text);
    printf("%s: error %u: %s\n", what, (unsigned)rc, text);
    return 1;
}

static int dial_sync(const char *entry, const char *phonebook)
{
    RASDIALPARAMS p = { .dwSize = sizeof p };
    HRASCONN h = NULL;
    DWORD rc;
    snprintf(p.szEntryName, sizeof p.szEntryName, "%s", entry);
    rc = RasDial(NULL, phonebook, &p, 0, NULL, &h);
    printf("handle %#llx\n", (unsigned long long)(uintptr_t)h);
    return rc ? failed("RasDial", rc) : 0;
}

static volatile int done;
static DWORD last_error;

static void report(RASCONNSTATE state, DWORD error)
{
    printf("state %d error %u\n", (int)state, (unsigned)error);
    fflush(stdout);
    if (error || state == RASCS_Connected) {
        last_error = error;
        done = 1;
    }
}

static void f0(UINT msg, RASCONNSTATE state, DWORD error)
{
    (void)msg;
    report(state, error);
}

static void f1(HRASCONN h, UINT msg, RASCONNSTATE state, DWORD error, DWORD ext)
{
    (void)h;
    (void)msg;
    (void)ext;
    report(state, error);
}

static DWORD f2(ULONG_PTR id, DWORD sub, HRASCONN h, UINT msg, RASCONNSTATE state, DWORD error, DWORD ext)
{
    (void)id;
    (void)sub;
    (void)h;
    (void)msg;
    (void)ext;
    report(state, error);
    return 1;
}

static int dial_async(const char *type, const char *entry, const char *phonebook)
{
    RASDIALPARAMS p = { .dwSize = sizeof p };
    HRASCONN h = NULL;
    int fds[2] = { -1, -1 };
    DWORD rc, t = strcmp(type, "fd") == 0 ? NR_RAS_NOTIFIER_FD : (DWORD)atoi(type);
    void *target = &fds[1];
    if (t == 0)
        target = (void *)f0;
    else if (t == 1)
        target = (void *)f1;
    else if (t == 2)
        target = (void *)f2;
    snprintf(p.szEntryName, sizeof p.szEntryName, "%s", entry);
    if (t == NR_RAS_NOTIFIER_FD && pipe(fds) != 0)
        return 1;
    rc = RasDial(NULL, phonebook, &p, t, target, &h);
    if (rc)
        return failed("RasDial", rc);
    for (int waited = 0; !done && waited < 60000; waited += 10) {
        if (t == NR_RAS_NOTIFIER_FD) {
            struct pollfd pf = { .fd = fds[0], .events = POLLIN };
            NR_RASDIALEVENT ev;
            if (poll(&pf, 1, 10) == 1 && read(fds[0], &ev, sizeof ev) == (ssize_t)sizeof ev)
                report((RASCONNSTATE)ev.rasconnstate, ev.dwError);
        } else {
            usleep(10000);
        }
    }
    printf("%s %#llx\n", done && !last_error ? "connected" : "failed", (unsigned long long)(uintptr_t)h);
    return done && !last_error ? 0 : 1;
}

static int list(void)
{
    DWORD cb = 0, n = 0, rc = RasEnumConnections(NULL, &cb, &n);
    RASCONN *v;
    if (rc && rc != ERROR_BUFFER_TOO_SMALL)
        return failed("RasEnumConnections", rc);
    printf("count %u\n", (unsigned)n);
    if (!n)
        return 0;
    v = calloc(n, sizeof *v);
    v[0].dwSize = sizeof *v;
    rc = RasEnumConnections(v, &cb, &n);
    if (rc) {
        free(v);
        return failed("RasEnumConnections", rc);
    }
    for (DWORD i = 0; i < n; i++)
        printf("%#llx %s\n", (unsigned long long)(uintptr_t)v[i].hrasconn, v[i].szEntryName);
    free(v);
    return 0;
}

/* Exactly Learn's sample: probe with NULL and *lpcb = 0; on 603 allocate
 * *lpcb zeroed bytes, set [0].dwSize and call again. */
static int learn(void)
{
    DWORD cb = 0, n = 0, rc = RasEnumConnectionsA(NULL, &cb, &n);
    if (rc == ERROR_BUFFER_TOO_SMALL) {
        RASCONNA *a = calloc(1, cb);
        if (!a)
            return failed("calloc", ERROR_ALLOCATING_MEMORY);
        a[0].dwSize = sizeof *a;
        rc = RasEnumConnectionsA(a, &cb, &n);
        free(a);
        printf("A listed %u %u %u\n", (unsigned)rc, (unsigned)cb, (unsigned)n);
    } else {
        printf("A nothing %u %u %u\n", (unsigned)rc, (unsigned)cb, (unsigned)n);
    }
    cb = 0, n = 0;
    rc = RasEnumConnectionsW(NULL, &cb, &n);
    if (rc == ERROR_BUFFER_TOO_SMALL) {
        RASCONNW *w = calloc(1, cb);
        if (!w)
            return failed("calloc", ERROR_ALLOCATING_MEMORY);
        w[0].dwSize = sizeof *w;
        rc = RasEnumConnectionsW(w, &cb, &n);
        free(w);
        printf("W listed %u %u %u\n", (unsigned)rc, (unsigned)cb, (unsigned)n);
    } else {
        printf("W nothing %u %u %u\n", (unsigned)rc, (unsigned)cb, (unsigned)n);
    }
    return 0;
}

static int status(HRASCONN h)
{
    RASCONNSTATUS st = { .dwSize = sizeof st };
    DWORD rc = RasGetConnectStatus(h, &st);
    if (rc)
        return failed("RasGetConnectStatus", rc);
    printf("state %d error %u device %s\n", (int)st.rasconnstate, (unsigned)st.dwError, st.szDeviceName);
    return 0;
}

static int detail(HRASCONN h)
{
    char text[1024];
    DWORD rc = nr_ras_get_error_detail(h, text, sizeof text);
    if (rc)
        return failed("nr_ras_get_error_detail", rc);
    printf("detail %s\n", text);
    return 0;
}

static int watch(int seconds)
{
    int efd = eventfd(0, EFD_CLOEXEC);
    DWORD rc = RasConnectionNotification((HRASCONN)INVALID_HANDLE_VALUE, (HANDLE)(intptr_t)efd,
                                         RASCN_Connection | RASCN_Disconnection);
    struct timespec start, now;
    if (rc)
        return failed("RasConnectionNotification", rc);
    printf("watching\n");
    fflush(stdout);
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        struct pollfd p = { .fd = efd, .events = POLLIN };
        uint64_t v;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec - start.tv_sec >= seconds)
            break;
        if (poll(&p, 1, 100) == 1 && read(efd, &v, sizeof v) == (ssize_t)sizeof v) {
            printf("event\n");
            fflush(stdout);
        }
    }
    return 0;
}

static int count_dir(const char *path)
{
    DIR *d = opendir(path);
    int n = 0;
    if (!d)
        return -1;
    for (struct dirent *de; (de = readdir(d)) != NULL;)
        n += de->d_name[0] != '.';
    closedir(d);
    return n;
}

/* N dial/hang-up cycles.  The emulator answers the next call only once the
 * previous slirp has exited, which it does on its own after our hang-up,
 * and then says NO CARRIER: a dial that finds the modem not ready yet (666),
 * reads that late NO CARRIER (679) or the old call's PPP frames as a reply
 * (652) is tried again after a pause, and the retries are counted. */
static int cycles(const char *entry, const char *phonebook, int n, DWORD expect)
{
    int fds0 = -1, threads0 = -1, retries = 0;
    for (int i = 0; i < n; i++) {
        RASDIALPARAMS p = { .dwSize = sizeof p };
        HRASCONN h = NULL;
        DWORD rc;
        snprintf(p.szEntryName, sizeof p.szEntryName, "%s", entry);
        rc = RasDial(NULL, phonebook, &p, 0, NULL, &h);
        while (!expect && (rc == ERROR_DEVICE_NOT_READY || rc == ERROR_NO_CARRIER || rc == ERROR_UNRECOGNIZED_RESPONSE) &&
               retries < 20 * n) {
            nr_ras_hang_up_wait(h, 10000);
            usleep(300 * 1000);
            retries++;
            h = NULL;
            rc = RasDial(NULL, phonebook, &p, 0, NULL, &h);
        }
        if (rc != expect) {
            printf("cycle %d: ", i);
            return failed("RasDial", rc);
        }
        if ((rc = nr_ras_hang_up_wait(h, 10000)) != 0) {
            printf("cycle %d: ", i);
            return failed("nr_ras_hang_up_wait", rc);
        }
        if (i == 0) { /* after the first: the library's lasting descriptors and threads exist */
            fds0 = count_dir("/proc/self/fd");
            threads0 = count_dir("/proc/self/task");
        }
    }
    printf("fds %d %d threads %d %d retries %d\n", fds0, count_dir("/proc/self/fd"), threads0,
           count_dir("/proc/self/task"), retries);
    return 0;
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc >= 3 && !strcmp(argv[1], "dial"))
        return dial_sync(argv[2], argc > 3 ? argv[3] : NULL);
    if (argc == 5 && !strcmp(argv[1], "adial"))
        return dial_async(argv[2], argv[3], argv[4]);
    if (argc == 2 && !strcmp(argv[1], "enum"))
        return list();
    if (argc == 2 && !strcmp(argv[1], "learn"))
        return learn();
    if (argc == 3 && !strcmp(argv[1], "status"))
        return status(parse_handle(argv[2]));
    if (argc == 3 && !strcmp(argv[1], "detail"))
        return detail(parse_handle(argv[2]));
    if (argc == 3 && !strcmp(argv[1], "hangup")) {
        DWORD rc = RasHangUp(parse_handle(argv[2]));
        printf("hangup %u\n", (unsigned)rc);
        return rc != 0;
    }
    if (argc == 3 && !strcmp(argv[1], "hangup-wait")) {
        DWORD rc = nr_ras_hang_up_wait(parse_handle(argv[2]), 10000);
        printf("hangup %u\n", (unsigned)rc);
        return rc != 0;
    }
    if (argc == 3 && !strcmp(argv[1], "watch"))
        return watch(atoi(argv[2]));
    if ((argc == 5 || argc == 6) && !strcmp(argv[1], "cycles"))
        return cycles(argv[2], argv[3], atoi(argv[4]), argc == 6 ? (DWORD)atoi(argv[5]) : 0);
    fprintf(stderr, "usage: see tests/ras/ras-client.c\n");
    return 2;
}
