/*
 * provider.c - the RAS provider plugin (nr-ras.so): remote names
 * "ras:ENTRY" are dial-up connections.  NPAddConnection3 dials
 * synchronously with RasDial, so the router's PRE and POST notifications
 * wrap the whole dial; NPCancelConnection hangs up; connected enumeration
 * lists the live links.  Connections are deviceless.  The links are the
 * RAS library's, found by entry name with RasEnumConnections: with the
 * connection service (the default) they outlive the process that dialed
 * them, and any process of the user lists and cancels them.
 *
 * Plugin code: it includes only the public SDK headers (and router/common's
 * UTF-8 and wide conversions) and talks to the dialing engine through
 * <netrouter/ras.h> like any application.  An entry name has up to
 * RAS_MaxEntryName characters, as on Windows: one of more bytes of UTF-8
 * than the A structures hold is dialed with RasDialW, and taken whole from
 * RasEnumConnectionsW where RASCONNA holds it cut.  A RAS
 * failure is reported the MPR way: pfnSetLastError with the RAS number, its
 * text and the library's detail (nr_ras_get_error_detail: the phonebook's
 * file, line and key, the device, the lock's owner), and WN_EXTENDED_ERROR.
 */
#include "config.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <jansson.h>
#include <netrouter/npapi.h>
#include <netrouter/ras.h>

#include "wide.h"

#define PREFIX "ras:"
#define NET_TYPE 0x00FD0000u /* WNNC_NET_TYPE of this provider */
#define HANGUP_WAIT_MS 5000

static const NR_PLUGIN_HOST *host;
static char *phonebook; /* from the manifest's config; NULL: the default */

NR_PLUGIN_DEFINE_ABI_VERSION()

/* A message that snprintf wrote len bytes of into msg (size bytes): one cut
 * short (a long entry name and detail) ends in "..." to say so. */
static void mark_cut(char *msg, size_t size, int len)
{
    if (len >= 0 && (size_t)len >= size)
        memcpy(msg + size - 4, "...", 4);
}

/* detail: what the RAS library says was at fault ("" when nothing). */
static DWORD ras_error(DWORD code, const char *entry, const char *detail)
{
    char text[512], msg[1536];
    if (RasGetErrorString(code, text, sizeof text) != 0)
        snprintf(text, sizeof text, "RAS error %u.", (unsigned)code);
    mark_cut(msg, sizeof msg,
             snprintf(msg, sizeof msg, "dialing %s failed with RAS error %u: %s%s%s", entry, (unsigned)code, text,
                      *detail ? " " : "", detail));
    if (host)
        host->pfnSetLastError(host, code, msg);
    return WN_EXTENDED_ERROR;
}

/* No such entry: the name is not one of ours after all.  The router moves
 * on to the next provider and, when none takes the name, quotes this. */
static DWORD not_ours(const char *entry, const char *detail)
{
    char text[512], msg[1536];
    if (RasGetErrorString(ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, text, sizeof text) != 0)
        text[0] = '\0';
    mark_cut(msg, sizeof msg,
             snprintf(msg, sizeof msg, "no phonebook entry named \"%s\" (RAS error %u: %s)%s%s", entry,
                      (unsigned)ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, text, *detail ? "; " : "", detail));
    if (host)
        host->pfnSetLastError(host, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, msg);
    return WN_BAD_NETNAME;
}

/* Hangs up and waits until the port is released, bounded. */
static void hang_up(HRASCONN h)
{
    nr_ras_hang_up_wait(h, HANGUP_WAIT_MS);
}

/* The entry of a remote name, or NULL when the name is not ours. */
static const char *entry_of(const char *remote)
{
    if (!remote || strncmp(remote, PREFIX, strlen(PREFIX)) != 0 || !remote[strlen(PREFIX)])
        return NULL;
    return remote + strlen(PREFIX);
}

static bool alive(HRASCONN h)
{
    RASCONNSTATUS st = { .dwSize = sizeof st };
    return RasGetConnectStatus(h, &st) == 0 && st.rasconnstate == RASCS_Connected;
}

/* A link: its handle and its entry name, whole. */
typedef struct ras_link {
    HRASCONN h;
    char entry[NR_RAS_MaxEntryNameUtf8 + 1];
} ras_link;

/* The links of RasEnumConnectionsA (wide: of RasEnumConnectionsW), in a
 * new array (*out, the caller frees it) of *n elements of size bytes. */
static DWORD enum_links(bool wide, size_t size, void **out, DWORD *n)
{
    DWORD cb = 0, rc = ERROR_BUFFER_TOO_SMALL;
    *out = NULL;
    *n = 0;
    for (int tries = 0; tries < 8 && rc == ERROR_BUFFER_TOO_SMALL; tries++) {
        void *v;
        rc = wide ? RasEnumConnectionsW(*out, &cb, n) : RasEnumConnectionsA(*out, &cb, n);
        if (rc != ERROR_BUFFER_TOO_SMALL)
            break;
        if (!(v = realloc(*out, cb ? cb : size)))
            return ERROR_ALLOCATING_MEMORY;
        *out = v;
        *(DWORD *)v = (DWORD)size; /* the first element's dwSize */
    }
    return rc;
}

/* The live links, in a new array (*out, the caller frees it) of *n.  A
 * name that RASCONNA may have cut (it holds RAS_MaxEntryName bytes, cut at
 * a character) is taken from RasEnumConnectionsW, by handle. */
static DWORD all_links(ras_link **out, DWORD *n)
{
    RASCONNA *v;
    RASCONNW *w = NULL;
    DWORD nw = 0, rc = enum_links(false, sizeof *v, (void **)&v, n);
    bool cut = false;
    *out = NULL;
    if (rc == 0 && !(*out = calloc(*n ? *n : 1, sizeof **out)))
        rc = ERROR_ALLOCATING_MEMORY;
    for (DWORD i = 0; rc == 0 && i < *n; i++) {
        (*out)[i].h = v[i].hrasconn;
        snprintf((*out)[i].entry, sizeof (*out)[i].entry, "%s", v[i].szEntryName);
        cut |= strlen(v[i].szEntryName) > RAS_MaxEntryName - 4;
    }
    if (rc == 0 && cut && enum_links(true, sizeof *w, (void **)&w, &nw) == 0)
        for (DWORD i = 0; i < *n; i++)
            for (DWORD j = 0; j < nw; j++)
                if (w[j].hrasconn == (*out)[i].h &&
                    nr_utf8_from_wide_buf(w[j].szEntryName, (*out)[i].entry, sizeof (*out)[i].entry) == (size_t)-1)
                    snprintf((*out)[i].entry, sizeof (*out)[i].entry, "%s", v[i].szEntryName);
    free(w);
    free(v);
    if (rc)
        *n = 0;
    return rc;
}

/* The link of entry (the first, when there are several), or NULL. */
static HRASCONN find_link(const char *entry)
{
    ras_link *v;
    DWORD n;
    HRASCONN h = NULL;
    if (all_links(&v, &n) == 0)
        for (DWORD i = 0; i < n && !h; i++)
            if (!strcmp(v[i].entry, entry))
                h = v[i].h;
    free(v);
    return h;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NrPluginInit(const NR_PLUGIN_HOST *h)
{
    json_error_t err;
    json_t *cfg = json_loads(h->lpConfigJson, 0, &err), *pb;
    host = h;
    if (!cfg)
        return WN_BAD_VALUE;
    pb = json_object_get(cfg, "phonebook");
    if (pb && !json_is_string(pb)) {
        h->pfnSetLastError(h, WN_BAD_VALUE, "config key \"phonebook\" must be a string (a phonebook path)");
        json_decref(cfg);
        return WN_BAD_VALUE;
    }
    phonebook = pb ? strdup(json_string_value(pb)) : NULL;
    json_decref(cfg);
    return WN_SUCCESS;
}

NR_PLUGIN_EXPORT void APIENTRY NrPluginShutdown(void)
{
    /* Links in this process (nr_ras_set_engine) do not outlive it: hang
     * them up in order.  The connection service's stay up. */
    if (nr_ras_get_engine() == NR_RAS_ENGINE_IN_PROCESS) {
        ras_link *v;
        DWORD n;
        if (all_links(&v, &n) == 0)
            for (DWORD i = 0; i < n; i++)
                hang_up(v[i].h);
        free(v);
    }
    free(phonebook);
    phonebook = NULL;
    host = NULL;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPGetCaps(DWORD index)
{
    switch (index) {
    case WNNC_SPEC_VERSION: return WNNC_SPEC_VERSION51;
    case WNNC_NET_TYPE: return NET_TYPE;
    case WNNC_CONNECTION: return WNNC_CON_ADDCONNECTION3 | WNNC_CON_CANCELCONNECTION | WNNC_CON_GETCONNECTIONS;
    case WNNC_ENUMERATION: return WNNC_ENUM_LOCAL;
    default: return 0;
    }
}

/* ---- dialing: asynchronously, so that every state can be logged live ---------------- */

typedef struct waiter {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    const char *entry;
    bool done;
    DWORD error;
} waiter;

static DWORD on_state(ULONG_PTR id, DWORD sub, HRASCONN h, UINT msg, RASCONNSTATE state, DWORD error, DWORD ext)
{
    waiter *w = (waiter *)id;
    (void)sub;
    (void)h;
    (void)msg;
    (void)ext;
    if (host && !error)
        host->pfnLog(host, NR_LOG_INFO, "ras:%s: %s", w->entry, nr_ras_state_text(state));
    if (error || state == RASCS_Connected) {
        pthread_mutex_lock(&w->lock);
        w->done = true;
        w->error = error;
        pthread_cond_signal(&w->cond);
        pthread_mutex_unlock(&w->lock);
        return 0; /* nothing more to hear */
    }
    return 1;
}

/* RasDial of p for entry, with notifier type 2: RasDialA, or RasDialW when
 * entry is more than p->szEntryName holds (then empty). */
static DWORD ras_dial(RASDIALPARAMSA *p, const char *entry, HRASCONN *h)
{
    RASDIALPARAMSW w = { .dwSize = sizeof w, .dwCallbackId = p->dwCallbackId };
    wchar_t *book = NULL;
    DWORD rc = ERROR_NO_UNICODE_TRANSLATION;
    if (p->szEntryName[0])
        return RasDialA(NULL, phonebook, p, 2, (void *)on_state, h);
    if (nr_wide_from_utf8_buf(entry, w.szEntryName, RAS_MaxEntryName + 1) != (size_t)-1 &&
        nr_wide_from_utf8_buf(p->szUserName, w.szUserName, UNLEN + 1) != (size_t)-1 &&
        nr_wide_from_utf8_buf(p->szPassword, w.szPassword, PWLEN + 1) != (size_t)-1 &&
        (!phonebook || (book = nr_wide_dup(phonebook)) != NULL))
        rc = RasDialW(NULL, book, &w, 2, (void *)on_state, h);
    explicit_bzero(&w, sizeof w);
    free(book);
    return rc;
}

/* Dials p for entry and waits until it is connected or has failed: 0 or
 * the RAS error. */
static DWORD dial(RASDIALPARAMS *p, const char *entry, HRASCONN *h)
{
    waiter w = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, entry, false, 0 };
    DWORD rc;
    p->dwCallbackId = (ULONG_PTR)&w;
    rc = ras_dial(p, entry, h);
    if (rc)
        return rc;
    pthread_mutex_lock(&w.lock);
    while (!w.done)
        pthread_cond_wait(&w.cond, &w.lock);
    rc = w.error;
    pthread_mutex_unlock(&w.lock);
    return rc;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPAddConnection3(HWND owner, LPNETRESOURCE res, LPSTR password, LPSTR user,
                                                 DWORD flags)
{
    RASDIALPARAMS p = { .dwSize = sizeof p };
    const char *entry = entry_of(res ? res->lpRemoteName : NULL);
    HRASCONN h = NULL, lost;
    DWORD rc;
    (void)owner;
    (void)flags;
    if (!entry)
        return WN_BAD_NETNAME;
    if (res->lpLocalName && *res->lpLocalName) {
        host->pfnSetLastError(host, WN_BAD_LOCALNAME, "a dial-up connection has no local name: connect it deviceless");
        return WN_BAD_LOCALNAME;
    }
    /* RAS_MaxEntryName WCHARs, as Windows counts */
    if (strlen(entry) > NR_RAS_MaxEntryNameUtf8 ||
        (nr_utf16_count(entry) != (size_t)-1 && nr_utf16_count(entry) > RAS_MaxEntryName) ||
        (user && strlen(user) > UNLEN) || (password && strlen(password) > PWLEN))
        return WN_BAD_VALUE;
    if ((lost = find_link(entry)) != NULL) {
        if (alive(lost))
            return WN_ALREADY_CONNECTED;
        hang_up(lost); /* the far end dropped it: its handle still needs RasHangUp */
    }

    if (strlen(entry) < sizeof p.szEntryName)
        memcpy(p.szEntryName, entry, strlen(entry) + 1); /* else dialed by RasDialW */
    if (user)
        snprintf(p.szUserName, sizeof p.szUserName, "%s", user);
    if (password)
        snprintf(p.szPassword, sizeof p.szPassword, "%s", password);
    rc = dial(&p, entry, &h);
    explicit_bzero(p.szPassword, sizeof p.szPassword);
    if (rc) {
        char detail[1024] = "";
        /* the connection's detail, or without one the thread's (phonebook, entry) */
        if (nr_ras_get_error_detail(h, detail, sizeof detail) != 0)
            detail[0] = '\0';
        if (h)
            hang_up(h);
        if (rc == ERROR_CANNOT_FIND_PHONEBOOK_ENTRY)
            return not_ours(entry, detail);
        return ras_error(rc, entry, detail);
    }
    return WN_SUCCESS;
}

/* name is a remote name ("ras:ENTRY"): a dial-up link is deviceless, so
 * this is Windows' cancel by remote name, which ends every deviceless
 * connection to it - every link of the entry, should there be several. */
NR_PLUGIN_EXPORT DWORD APIENTRY NPCancelConnection(LPSTR name, BOOL force)
{
    const char *entry = entry_of(name);
    ras_link *v;
    DWORD n, ended = 0;
    (void)force;
    if (!entry)
        return WN_NOT_CONNECTED;
    if (all_links(&v, &n) == 0) {
        for (DWORD i = 0; i < n; i++) {
            if (!strcmp(v[i].entry, entry)) {
                hang_up(v[i].h);
                ended++;
            }
        }
    }
    free(v);
    return ended ? WN_SUCCESS : WN_NOT_CONNECTED;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPGetConnection(LPSTR local, LPSTR remote, LPDWORD length)
{
    (void)local;
    (void)remote;
    (void)length;
    return WN_NOT_CONNECTED; /* dial-up links have no local name */
}

/* ---- enumeration: the live links ------------------------------------------------------- */

typedef struct ras_enum { ras_link *v; DWORD n, pos; } ras_enum;

NR_PLUGIN_EXPORT DWORD APIENTRY NPOpenEnum(DWORD scope, DWORD type, DWORD usage, LPNETRESOURCE container,
                                           LPHANDLE out)
{
    ras_enum *e;
    (void)type;
    (void)usage;
    (void)container;
    if (scope != RESOURCE_CONNECTED)
        return WN_NOT_SUPPORTED;
    e = calloc(1, sizeof *e);
    if (!e)
        return WN_OUT_OF_MEMORY;
    if (all_links(&e->v, &e->n) == ERROR_ALLOCATING_MEMORY) {
        free(e->v);
        free(e);
        return WN_OUT_OF_MEMORY;
    }
    *out = e;
    return WN_SUCCESS;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPEnumResource(HANDLE h, LPDWORD count, LPVOID buffer, LPDWORD size)
{
    ras_enum *e = h;
    char *end = (char *)buffer + *size;
    NETRESOURCE *out = buffer;
    DWORD got = 0;
    while (e->pos < e->n && (*count == 0xFFFFFFFFu || got < *count)) {
        const ras_link *c = &e->v[e->pos];
        size_t remote_len = strlen(PREFIX) + strlen(c->entry) + 1, prov_len = strlen(host->lpPluginName) + 1;
        size_t need = sizeof(NETRESOURCE) + remote_len + prov_len;
        if (!alive(c->h)) {
            e->pos++;
            continue;
        }
        if ((size_t)(end - (char *)&out[got]) < need) {
            if (got == 0) {
                *size = (DWORD)need;
                return WN_MORE_DATA;
            }
            break;
        }
        end -= remote_len;
        snprintf(end, remote_len, "%s%s", PREFIX, c->entry);
        out[got] = (NETRESOURCE){ .dwScope = RESOURCE_CONNECTED, .dwType = RESOURCETYPE_ANY,
                                  .dwDisplayType = RESOURCEDISPLAYTYPE_GENERIC,
                                  .dwUsage = RESOURCEUSAGE_CONNECTABLE, .lpRemoteName = end };
        end -= prov_len;
        memcpy(end, host->lpPluginName, prov_len);
        out[got].lpProvider = end;
        got++;
        e->pos++;
    }
    *count = got;
    return got ? WN_SUCCESS : WN_NO_MORE_ENTRIES;
}

NR_PLUGIN_EXPORT DWORD APIENTRY NPCloseEnum(HANDLE h)
{
    ras_enum *e = h;
    if (e)
        free(e->v);
    free(e);
    return WN_SUCCESS;
}
