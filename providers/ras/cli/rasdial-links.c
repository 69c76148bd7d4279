/*
 * rasdial-links.c - what rasdial does with the links that are up: list
 * them (rasdial alone, as on Windows, or as JSON with --json) and hang them
 * up (/DISCONNECT: one entry's link, or every link of the user).  Through
 * the public <netrouter/ras.h> only; with the connection service, these
 * are the links of every process of the user (every link, for root).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include <netrouter/ras.h>

#include "rasdial.h"

/* How long /DISCONNECT waits for each port to be released. */
#define HANGUP_WAIT_MS 10000

/* The links, in a new array (*out, the caller frees it) of *n: 0 or the
 * RAS error. */
static DWORD links(RASCONN **out, DWORD *n)
{
    DWORD cb = 0, rc;
    *out = NULL;
    *n = 0;
    for (int tries = 0; tries < 8; tries++) {
        RASCONN *v;
        rc = RasEnumConnections(*out, &cb, n);
        if (rc != ERROR_BUFFER_TOO_SMALL)
            return rc;
        v = realloc(*out, cb ? cb : sizeof *v);
        if (!v)
            return ERROR_ALLOCATING_MEMORY;
        *out = v;
        v[0].dwSize = sizeof *v;
    }
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
    RASCONN *v;
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
        if (RasGetConnectStatus(v[i].hrasconn, &st) != 0)
            continue; /* hung up meanwhile */
        if (!json) { /* the connected ones, as Windows lists them */
            if (st.rasconnstate != RASCS_Connected || st.dwError)
                continue;
            if (!shown++)
                printf("Connected to\n");
            printf("%s\n", v[i].szEntryName);
            continue;
        }
        nr_ras_get_interface(v[i].hrasconn, ifname, sizeof ifname);
        snprintf(handle, sizeof handle, "%#llx", (unsigned long long)(uintptr_t)v[i].hrasconn);
        json_array_append_new(all, json_pack("{s:s, s:s, s:s, s:i, s:s, s:s, s:s, s:s, s:i}", "entry",
                                             v[i].szEntryName, "handle", handle, "state",
                                             state_word(st.rasconnstate, st.dwError), "rasconnstate",
                                             (int)st.rasconnstate, "device_type", v[i].szDeviceType,
                                             "device_name", v[i].szDeviceName, "phonebook", v[i].szPhonebook,
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
    RASCONN *v;
    DWORD n, rc = links(&v, &n);
    int up = 0;
    if (rc) {
        free(v);
        return -1; /* the dial says what is wrong */
    }
    for (DWORD i = 0; i < n && !up; i++) {
        RASCONNSTATUS st = { .dwSize = sizeof st };
        up = strcmp(v[i].szEntryName, entry) == 0 && RasGetConnectStatus(v[i].hrasconn, &st) == 0 &&
             st.rasconnstate == RASCS_Connected && !st.dwError;
    }
    free(v);
    return up;
}

int rd_disconnect(const char *entry, bool quiet)
{
    RASCONN *v;
    DWORD n, rc = links(&v, &n), done = 0;
    if (rc) {
        free(v);
        return rd_fail(rc, NULL);
    }
    for (DWORD i = 0; i < n; i++) {
        if (entry && strcmp(v[i].szEntryName, entry) != 0)
            continue;
        rc = nr_ras_hang_up_wait(v[i].hrasconn, HANGUP_WAIT_MS);
        if (rc && rc != ERROR_INVALID_HANDLE) { /* gone meanwhile: that is what was asked */
            free(v);
            return rd_fail(rc, NULL);
        }
        if (!quiet)
            printf("Disconnected %s.\n", v[i].szEntryName);
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
