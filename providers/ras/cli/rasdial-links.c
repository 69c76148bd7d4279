/*
 * rasdial-links.c - what rasdial does with the links that are up: list
 * them (rasdial alone, as on Windows, or as JSON with --json) and hang them
 * up (/DISCONNECT: one entry's link, or every link of the user).  Through
 * the public <netrouter/ras.h> only; with the connection service, these
 * are the links of every process of the user (every link, for root).  An
 * entry name of RAS_MaxEntryName characters may take more bytes of UTF-8
 * than RASCONNA holds, so such names are taken whole from
 * RasEnumConnectionsW.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include <netrouter/ras.h>

#include "rasdial.h"
#include "wide.h"

/* How long /DISCONNECT waits for each port to be released. */
#define HANGUP_WAIT_MS 10000

/* A link: what RasEnumConnections gives, and its entry name whole. */
typedef struct link {
    RASCONN c;
    char entry[NR_RAS_MaxEntryNameUtf8 + 1];
} link;

typedef DWORD (*enum_fn)(void *v, LPDWORD cb, LPDWORD n);

static DWORD enum_a(void *v, LPDWORD cb, LPDWORD n)
{
    return RasEnumConnectionsA(v, cb, n);
}

static DWORD enum_w(void *v, LPDWORD cb, LPDWORD n)
{
    return RasEnumConnectionsW(v, cb, n);
}

/* The list of fn (RasEnumConnectionsA or W, elements of size bytes) in a
 * new array (*out, the caller frees it) of *n: 0 or the RAS error. */
static DWORD enumerate(enum_fn fn, size_t size, void **out, DWORD *n)
{
    DWORD cb = 0, rc;
    *out = NULL;
    *n = 0;
    for (int tries = 0; tries < 8; tries++) {
        void *v;
        rc = fn(*out, &cb, n);
        if (rc != ERROR_BUFFER_TOO_SMALL)
            return rc;
        v = realloc(*out, cb ? cb : size);
        if (!v)
            return ERROR_ALLOCATING_MEMORY;
        *out = v;
        *(DWORD *)v = (DWORD)size; /* the first element's dwSize */
    }
    return rc;
}

/* Names that a RASCONNA may have cut (as many bytes as it holds, or nearly:
 * it cuts at a character) are taken from RasEnumConnectionsW, by handle; a
 * failure leaves them as they are. */
static void whole_names(link *l, DWORD n)
{
    RASCONNW *w;
    DWORD nw;
    if (enumerate(enum_w, sizeof *w, (void **)&w, &nw) == 0)
        for (DWORD i = 0; i < n; i++)
            for (DWORD j = 0; j < nw; j++)
                if (w[j].hrasconn == l[i].c.hrasconn && strlen(l[i].entry) > RAS_MaxEntryName - 4)
                    if (nr_utf8_from_wide_buf(w[j].szEntryName, l[i].entry, sizeof l[i].entry) == (size_t)-1)
                        snprintf(l[i].entry, sizeof l[i].entry, "%s", l[i].c.szEntryName);
    free(w);
}

/* The links, in a new array (*out, the caller frees it) of *n: 0 or the
 * RAS error. */
static DWORD links(link **out, DWORD *n)
{
    RASCONN *v;
    bool cut = false;
    DWORD rc = enumerate(enum_a, sizeof *v, (void **)&v, n);
    *out = NULL;
    if (rc == 0 && !(*out = calloc(*n ? *n : 1, sizeof **out)))
        rc = ERROR_ALLOCATING_MEMORY;
    for (DWORD i = 0; rc == 0 && i < *n; i++) {
        (*out)[i].c = v[i];
        snprintf((*out)[i].entry, sizeof (*out)[i].entry, "%s", v[i].szEntryName);
        cut |= strlen(v[i].szEntryName) > RAS_MaxEntryName - 4;
    }
    if (cut)
        whole_names(*out, *n);
    free(v);
    return rc;
}

static const char *state_word(RASCONNSTATE s, DWORD error)
{
    if (error)
        return "failed";
    if (s == RASCS_Connected)
        return "connected";
    if (s == RASCS_Disconnected)
        return "disconnected";
    return s & RASCS_PAUSED ? "paused" : "dialing";
}

int rd_list(bool json)
{
    link *v;
    DWORD n, rc = links(&v, &n), shown = 0;
    json_t *all = json ? json_array() : NULL;
    if (rc) {
        free(v);
        json_decref(all);
        return rd_fail(rc, NULL);
    }
    for (DWORD i = 0; i < n; i++) {
        RASCONNSTATUS st = { .dwSize = sizeof st };
        char ifname[16] = "", handle[32];
        if (RasGetConnectStatus(v[i].c.hrasconn, &st) != 0)
            continue; /* hung up meanwhile */
        if (!json) { /* the connected ones, as Windows lists them */
            if (st.rasconnstate != RASCS_Connected || st.dwError)
                continue;
            if (!shown++)
                printf("Connected to\n");
            printf("%s\n", v[i].entry);
            continue;
        }
        nr_ras_get_interface(v[i].c.hrasconn, ifname, sizeof ifname);
        snprintf(handle, sizeof handle, "%#llx", (unsigned long long)(uintptr_t)v[i].c.hrasconn);
        json_array_append_new(all, json_pack("{s:s, s:s, s:s, s:i, s:s, s:s, s:s, s:s, s:i}", "entry",
                                             v[i].entry, "handle", handle, "state",
                                             state_word(st.rasconnstate, st.dwError), "rasconnstate",
                                             (int)st.rasconnstate, "device_type", v[i].c.szDeviceType,
                                             "device_name", v[i].c.szDeviceName, "phonebook", v[i].c.szPhonebook,
                                             "interface", ifname, "error", (int)st.dwError));
    }
    if (!json && !shown)
        printf("No connections.\n");
    if (json) {
        char *text = json_dumps(all, JSON_INDENT(2));
        if (text)
            printf("%s\n", text);
        free(text);
        json_decref(all);
    }
    free(v);
    fflush(stdout);
    return EXIT_SUCCESS;
}

int rd_already(const char *entry)
{
    link *v;
    DWORD n, rc = links(&v, &n);
    int up = 0;
    if (rc) {
        free(v);
        return -1; /* the dial says what is wrong */
    }
    for (DWORD i = 0; i < n && !up; i++) {
        RASCONNSTATUS st = { .dwSize = sizeof st };
        up = strcmp(v[i].entry, entry) == 0 && RasGetConnectStatus(v[i].c.hrasconn, &st) == 0 &&
             st.rasconnstate == RASCS_Connected && !st.dwError;
    }
    free(v);
    return up;
}

int rd_disconnect(const char *entry, bool quiet)
{
    link *v;
    DWORD n, rc = links(&v, &n), done = 0;
    if (rc) {
        free(v);
        return rd_fail(rc, NULL);
    }
    for (DWORD i = 0; i < n; i++) {
        if (entry && strcmp(v[i].entry, entry) != 0)
            continue;
        rc = nr_ras_hang_up_wait(v[i].c.hrasconn, HANGUP_WAIT_MS);
        if (rc && rc != ERROR_INVALID_HANDLE) { /* gone meanwhile: that is what was asked */
            free(v);
            return rd_fail(rc, NULL);
        }
        if (!quiet)
            printf("Disconnected %s.\n", v[i].entry);
        done++;
    }
    free(v);
    if (entry && !done) {
        char text[512];
        if (RasGetErrorString(ERROR_NO_CONNECTION, text, sizeof text) != 0)
            snprintf(text, sizeof text, "Unknown error.");
        fprintf(stderr, "rasdial: error %u: %s\nrasdial: you are not connected to %s\n", (unsigned)ERROR_NO_CONNECTION,
                text, entry);
        return EXIT_FAILURE;
    }
    if (!quiet && !done)
        printf("No connections.\n");
    return EXIT_SUCCESS;
}
