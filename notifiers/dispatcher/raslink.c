/*
 * raslink.c - a dial-up link's device, interface, addresses and DNS
 * servers, from libnetrouter-ras found at run time (raslink.h).
 *
 * It owns the one handle on the library and the four function pointers,
 * set once under a mutex; nothing else.  The calls go to the connection
 * service or the engine in this process exactly as the ras provider's do;
 * none of them calls back into the router.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <netrouter/npapi.h>

#include "raslink.h"

#define RAS_SONAME "libnetrouter-ras.so.1"

typedef DWORD (*enum_fn)(void *conns, LPDWORD lpcb, LPDWORD count);
typedef DWORD (*proj_fn)(void *h, DWORD projection, void *out, LPDWORD lpcb);
typedef DWORD (*text_fn)(void *h, char *buf, DWORD size); /* nr_ras_get_interface, _nameservers */

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static bool tried;
static void *lib;
static enum_fn ras_enum;
static proj_fn ras_projection;
static text_fn ras_interface;
static text_fn ras_nameservers;

static bool open_library(void)
{
    bool ok;
    pthread_mutex_lock(&lock);
    if (!tried) {
        tried = true;
        lib = dlopen(RAS_SONAME, RTLD_NOW | RTLD_LOCAL | RTLD_NOLOAD);
        if (!lib)
            lib = dlopen(RAS_SONAME, RTLD_NOW | RTLD_LOCAL);
        if (lib) {
            ras_enum = (enum_fn)dlsym(lib, "RasEnumConnectionsA");
            ras_projection = (proj_fn)dlsym(lib, "RasGetProjectionInfoA");
            ras_interface = (text_fn)dlsym(lib, "nr_ras_get_interface");
            ras_nameservers = (text_fn)dlsym(lib, "nr_ras_get_nameservers"); /* not in older libraries */
        }
    }
    ok = ras_enum && ras_projection;
    pthread_mutex_unlock(&lock);
    return ok;
}

/* entry as a RASCONNA holds it: whole when it fits its 256 bytes, else cut
 * after the last whole character that fits, as the library cuts it
 * (RasValidateEntryName(3)); the length of that prefix. */
static size_t held_length(const char *entry)
{
    size_t n = strlen(entry);
    if (n <= DSP_RAS_MAX_ENTRY_NAME)
        return n;
    n = DSP_RAS_MAX_ENTRY_NAME;
    while (n > 0 && ((unsigned char)entry[n] & 0xc0) == 0x80) /* inside a character */
        n--;
    return n;
}

/* The handle of entry's live link, its device filled in; NULL if none.  A
 * name longer than a RASCONNA holds is matched by the prefix it holds, and
 * only when no other live link has the same prefix. */
static void *find(const char *entry, dsp_raslink *out)
{
    dsp_rasconn_v1 *v = NULL;
    DWORD cb = 0, n = 0, rc = 603; /* ERROR_BUFFER_TOO_SMALL */
    void *h = NULL;
    for (int tries = 0; tries < 8 && rc == 603; tries++) {
        dsp_rasconn_v1 *nv = realloc(v, cb > sizeof *v ? cb : sizeof *v);
        if (!nv)
            break;
        v = nv;
        v[0].dwSize = sizeof *v;
        if (cb < sizeof *v)
            cb = sizeof *v;
        rc = ras_enum(v, &cb, &n);
    }
    if (rc == 0) {
        size_t held = held_length(entry), matches = 0;
        for (DWORD i = 0; i < n; i++)
            if (strlen(v[i].szEntryName) == held && !strncmp(v[i].szEntryName, entry, held)) {
                const char *dev = v[i].szDeviceName;
                if (matches++ == 0) {
                    h = v[i].hrasconn;
                    snprintf(out->device, sizeof out->device, "%s", strncmp(dev, "/dev/", 5) ? dev : dev + 5);
                }
            }
        if (matches > 1 && held < strlen(entry)) { /* two long names alike up to the cut: not knowable */
            h = NULL;
            out->device[0] = '\0';
        }
    }
    free(v);
    return h;
}

void dsp_raslink_lookup(const char *entry, dsp_raslink *out)
{
    dsp_rasppp_ip ip = { .dwSize = sizeof ip };
    DWORD cb = sizeof ip;
    void *h;

    memset(out, 0, sizeof *out);
    if (!open_library() || !(h = find(entry, out)))
        return;
    out->found = true;
    if (ras_interface && ras_interface(h, out->iface, sizeof out->iface) != 0)
        out->iface[0] = '\0';
    if (ras_nameservers && ras_nameservers(h, out->nameservers, sizeof out->nameservers) != 0)
        out->nameservers[0] = '\0';
    if (ras_projection(h, DSP_RASP_PPP_IP, &ip, &cb) == 0 && ip.dwError == 0) {
        snprintf(out->address, sizeof out->address, "%s", ip.szIpAddress);
        snprintf(out->gateway, sizeof out->gateway, "%s", ip.szServerIpAddress);
    }
}

void dsp_raslink_close(void)
{
    pthread_mutex_lock(&lock);
    if (lib)
        dlclose(lib);
    lib = NULL;
    ras_enum = NULL;
    ras_projection = NULL;
    ras_interface = NULL;
    ras_nameservers = NULL;
    tried = false;
    pthread_mutex_unlock(&lock);
}
