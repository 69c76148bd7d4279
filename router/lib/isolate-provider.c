/*
 * isolate-provider.c - the provider calls of an isolated plugin
 * (docs/design.md section 4, rule 9), through isolate.c to its host
 * (router/host/host-provider.c serves them there).
 *
 * A buffer the plugin fills comes back whole with the table of the
 * pointers it holds (router/common/ipc.h); they are pointed at the
 * caller's buffer here, so the caller sees what an in-process plugin would
 * have written.  Sizes: the host fills a buffer as large as the caller's,
 * at most NR_IPC_MAX_BUFFER.  Enumeration handles are the host's values as
 * tokens of the host's generation: a handle of a host that died means
 * nothing and fails.  A failure of the host fails the call with
 * WN_BAD_PROVIDER and a sentence naming the plugin and the cause.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "isolate.h"

#define NONE 0xffffffffu

static uint32_t capped(DWORD n)
{
    return n > NR_IPC_MAX_BUFFER ? NR_IPC_MAX_BUFFER : n;
}

/* The request's first field; NULL, or why the host cannot be asked. */
static const char *entry_name(const nr_plugin *p, uint32_t entry)
{
    switch (entry) {
    case NR_IPC_P_CAPS: return "NPGetCaps";
    case NR_IPC_P_ADD: return p->add3 ? "NPAddConnection3" : "NPAddConnection";
    case NR_IPC_P_CANCEL: return "NPCancelConnection";
    case NR_IPC_P_GET_CONNECTION: return "NPGetConnection";
    case NR_IPC_P_GET_USER: return "NPGetUser";
    case NR_IPC_P_UNIVERSAL_NAME: return "NPGetUniversalName";
    case NR_IPC_P_RESOURCE_INFORMATION: return "NPGetResourceInformation";
    case NR_IPC_P_OPEN_ENUM: return "NPOpenEnum";
    case NR_IPC_P_ENUM_RESOURCE: return "NPEnumResource";
    case NR_IPC_P_CLOSE_ENUM: return "NPCloseEnum";
    case NR_IPC_P_RESOURCE_PARENT: return "NPGetResourceParent";
    }
    return "?";
}

static char *begin(nr_plugin *p, uint32_t entry, nr_ipc_out **o, uint64_t token, uint64_t *value)
{
    char *why = nr__iso_begin(p, entry_name(p, entry), token, value);
    if (!why) {
        *o = nr__iso_out(p);
        nr_ipc_put_u32(*o, entry);
    }
    return why;
}

/* Sends, and reads the common part of the REPLY into *rc. */
static char *ask(nr_plugin *p, DWORD *rc)
{
    char *why = nr__iso_roundtrip(p, NR_IPC_PROVIDER);
    if (!why && (*rc = nr__iso_reply_rc(p, NULL)) == NR_ISO_MALFORMED)
        why = nr__iso_broken(p);
    return why;
}

/* The buffer of the answer into buffer (size bytes), its pointers pointed
 * into it.  False when malformed. */
static bool take_buffer(nr_ipc_in *in, void *buffer, DWORD size)
{
    uint32_t len, n;
    const void *b = nr_ipc_get_blob(in, &len);
    if (!b || len > size)
        return false;
    memcpy(buffer, b, len);
    n = nr_ipc_get_u32(in);
    for (uint32_t i = 0; i < n && !in->bad; i++) {
        uint32_t slot = nr_ipc_get_u32(in), target = nr_ipc_get_u32(in);
        char *ptr = target == NONE ? NULL : (char *)buffer + target;
        if (len < sizeof ptr || slot > len - sizeof ptr || (target != NONE && target >= len))
            return false;
        memcpy((char *)buffer + slot, &ptr, sizeof ptr);
    }
    return !in->bad;
}

DWORD nr__iso_get_caps(nr_plugin *p, DWORD index)
{
    nr_ipc_out *o;
    DWORD rc = 0;
    char *why;
    switch (index) { /* what the host said when it loaded the plugin */
    case WNNC_CONNECTION: return p->caps_conn;
    case WNNC_ENUMERATION: return p->caps_enum;
    case WNNC_USER: return p->caps_user;
    case WNNC_DIALOG: return p->caps_dialog;
    case WNNC_NET_TYPE: return p->net_type;
    }
    if (!(why = begin(p, NR_IPC_P_CAPS, &o, 0, NULL))) {
        nr_ipc_put_u32(o, index);
        why = ask(p, &rc);
    }
    rc = nr__iso_end(p, "NPGetCaps", why, rc);
    return why ? 0 : rc;
}

DWORD nr__iso_add(nr_plugin *p, const NETRESOURCE *res, const char *password, const char *user, DWORD flags)
{
    nr_ipc_out *o;
    DWORD rc = 0;
    char *why;
    if (!(why = begin(p, NR_IPC_P_ADD, &o, 0, NULL))) {
        nr_ipc_put_res(o, res);
        nr_ipc_put_str(o, password);
        nr_ipc_put_str(o, user);
        nr_ipc_put_u32(o, flags);
        why = ask(p, &rc);
    }
    return nr__iso_end(p, p->add3 ? "NPAddConnection3" : "NPAddConnection", why, rc);
}

DWORD nr__iso_cancel(nr_plugin *p, const char *name, BOOL force)
{
    nr_ipc_out *o;
    DWORD rc = 0;
    char *why;
    if (!(why = begin(p, NR_IPC_P_CANCEL, &o, 0, NULL))) {
        nr_ipc_put_str(o, name);
        nr_ipc_put_u32(o, (uint32_t)force);
        why = ask(p, &rc);
    }
    return nr__iso_end(p, "NPCancelConnection", why, rc);
}

/* NPGetConnection / NPGetUser. */
static DWORD string_out(nr_plugin *p, uint32_t entry, const char *name, char *out, DWORD *length)
{
    nr_ipc_out *o;
    DWORD rc = 0;
    char *why;
    if (!(why = begin(p, entry, &o, 0, NULL))) {
        nr_ipc_put_str(o, name);
        nr_ipc_put_u32(o, capped(*length));
        why = ask(p, &rc);
    }
    if (!why) {
        nr_ipc_in *in = nr__iso_in(p);
        DWORD len = nr_ipc_get_u32(in);
        const char *s = nr_ipc_get_str(in);
        if (in->bad || (rc == WN_SUCCESS && (!s || strlen(s) >= *length)))
            why = nr__iso_broken(p);
        else if (rc == WN_SUCCESS)
            memcpy(out, s, strlen(s) + 1);
        if (!why && (rc == WN_SUCCESS || rc == WN_MORE_DATA))
            *length = len;
    }
    return nr__iso_end(p, entry == NR_IPC_P_GET_USER ? "NPGetUser" : "NPGetConnection", why, rc);
}

DWORD nr__iso_get_connection(nr_plugin *p, const char *local, char *remote, DWORD *length)
{
    return string_out(p, NR_IPC_P_GET_CONNECTION, local, remote, length);
}

DWORD nr__iso_get_user(nr_plugin *p, const char *name, char *user, DWORD *length)
{
    return string_out(p, NR_IPC_P_GET_USER, name, user, length);
}

DWORD nr__iso_get_universal_name(nr_plugin *p, const char *path, DWORD level, void *buffer, DWORD *size)
{
    nr_ipc_out *o;
    DWORD rc = 0;
    char *why;
    if (!(why = begin(p, NR_IPC_P_UNIVERSAL_NAME, &o, 0, NULL))) {
        nr_ipc_put_str(o, path);
        nr_ipc_put_u32(o, level);
        nr_ipc_put_u32(o, capped(*size));
        why = ask(p, &rc);
    }
    if (!why) {
        nr_ipc_in *in = nr__iso_in(p);
        DWORD len = nr_ipc_get_u32(in);
        if (in->bad || (rc == WN_SUCCESS && !take_buffer(in, buffer, *size)))
            why = nr__iso_broken(p);
        else if (rc == WN_SUCCESS || rc == WN_MORE_DATA)
            *size = len;
    }
    return nr__iso_end(p, "NPGetUniversalName", why, rc);
}

/* NPGetResourceInformation (system not NULL) and NPGetResourceParent: a
 * NETRESOURCE in, one NETRESOURCE and its strings out (and for the first,
 * where the system part is in the buffer). */
static DWORD resource_out(nr_plugin *p, uint32_t entry, const NETRESOURCE *res, void *buffer, DWORD *size,
                          char **system)
{
    nr_ipc_out *o;
    DWORD rc = 0;
    char *why;
    if (!(why = begin(p, entry, &o, 0, NULL))) {
        nr_ipc_put_res(o, res);
        nr_ipc_put_u32(o, capped(*size));
        why = ask(p, &rc);
    }
    if (!why) {
        nr_ipc_in *in = nr__iso_in(p);
        DWORD len = nr_ipc_get_u32(in);
        uint32_t sys = NONE;
        bool taken = !in->bad && rc == WN_SUCCESS && take_buffer(in, buffer, *size);
        if (taken && entry == NR_IPC_P_RESOURCE_INFORMATION)
            sys = nr_ipc_get_u32(in);
        if (in->bad || (rc == WN_SUCCESS && (!taken || (sys != NONE && sys >= *size)))) {
            why = nr__iso_broken(p);
        } else {
            if (rc == WN_SUCCESS || rc == WN_MORE_DATA)
                *size = len;
            if (rc == WN_SUCCESS && system)
                *system = sys == NONE ? NULL : (char *)buffer + sys;
        }
    }
    return nr__iso_end(p, entry_name(p, entry), why, rc);
}

DWORD nr__iso_get_resource_information(nr_plugin *p, const NETRESOURCE *res, void *buffer, DWORD *size,
                                       char **system)
{
    return resource_out(p, NR_IPC_P_RESOURCE_INFORMATION, res, buffer, size, system);
}

DWORD nr__iso_get_resource_parent(nr_plugin *p, const NETRESOURCE *res, void *buffer, DWORD *size)
{
    return resource_out(p, NR_IPC_P_RESOURCE_PARENT, res, buffer, size, NULL);
}

DWORD nr__iso_open_enum(nr_plugin *p, DWORD scope, DWORD type, DWORD usage, const NETRESOURCE *container,
                        HANDLE *out)
{
    nr_ipc_out *o;
    DWORD rc = 0;
    char *why;
    if (!(why = begin(p, NR_IPC_P_OPEN_ENUM, &o, 0, NULL))) {
        nr_ipc_put_u32(o, scope);
        nr_ipc_put_u32(o, type);
        nr_ipc_put_u32(o, usage);
        nr_ipc_put_res(o, container);
        why = ask(p, &rc);
    }
    if (!why) {
        uint64_t h = nr_ipc_get_u64(nr__iso_in(p)), token;
        if (nr__iso_in(p)->bad || !nr__iso_token(p, h, &token))
            why = nr__iso_broken(p);
        else if (rc == WN_SUCCESS)
            *out = (HANDLE)(uintptr_t)token;
    }
    return nr__iso_end(p, "NPOpenEnum", why, rc);
}

DWORD nr__iso_enum_resource(nr_plugin *p, HANDLE h, DWORD *count, void *buffer, DWORD *size)
{
    nr_ipc_out *o;
    uint64_t value;
    DWORD rc = 0;
    char *why;
    if (!(why = begin(p, NR_IPC_P_ENUM_RESOURCE, &o, (uint64_t)(uintptr_t)h, &value))) {
        nr_ipc_put_u64(o, value);
        nr_ipc_put_u32(o, *count);
        nr_ipc_put_u32(o, capped(*size));
        why = ask(p, &rc);
    }
    if (!why) {
        nr_ipc_in *in = nr__iso_in(p);
        DWORD got = nr_ipc_get_u32(in), len = nr_ipc_get_u32(in);
        if (in->bad || (rc == WN_SUCCESS && !take_buffer(in, buffer, *size))) {
            why = nr__iso_broken(p);
        } else {
            *count = got;
            if (rc == WN_MORE_DATA)
                *size = len;
        }
    }
    return nr__iso_end(p, "NPEnumResource", why, rc);
}

DWORD nr__iso_close_enum(nr_plugin *p, HANDLE h)
{
    nr_ipc_out *o;
    uint64_t value;
    DWORD rc = 0;
    char *why;
    if (!(why = begin(p, NR_IPC_P_CLOSE_ENUM, &o, (uint64_t)(uintptr_t)h, &value))) {
        nr_ipc_put_u64(o, value);
        why = ask(p, &rc);
    } else if (!strncmp(why, NR_ISO_STALE, strlen(NR_ISO_STALE))) {
        free(why); /* its host, and so the enumeration, is gone already */
        why = NULL;
        rc = WN_SUCCESS;
    }
    return nr__iso_end(p, "NPCloseEnum", why, rc);
}
