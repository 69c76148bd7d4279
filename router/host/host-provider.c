/*
 * host-provider.c - the provider entry points as netrouter-plugin-host
 * serves them (NR_IPC_PROVIDER, router/common/ipc.h); the router's side is
 * router/lib/isolate-provider.c.
 *
 * Buffers are filled here, in a buffer as large as the router's caller
 * offered (at most NR_IPC_MAX_BUFFER), and sent back whole with a table of
 * the pointers they hold, which the router points at its caller's buffer:
 * the Windows buffer rules (structures first, strings packed after, sizes
 * in bytes, WN_MORE_DATA with the size needed) are the plugin's own, as in
 * process.  Enumeration handles are sent as numbers; the plugin's handle
 * never leaves this process's meaning.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "host.h"

#define NONE 0xffffffffu

static uint32_t capped(DWORD n)
{
    return n > NR_IPC_MAX_BUFFER ? NR_IPC_MAX_BUFFER : n;
}

/* The buffer, then its pointer table for the n pointer slots given. */
static void put_buffer(nr_ipc_out *x, const char *buf, uint32_t size, char *const *const *slots, size_t n)
{
    nr_ipc_put_blob(x, buf, size);
    nr_ipc_put_u32(x, (uint32_t)n);
    for (size_t i = 0; i < n; i++) {
        const char *q = *slots[i];
        nr_ipc_put_u32(x, (uint32_t)((const char *)slots[i] - buf));
        nr_ipc_put_u32(x, q && q >= buf && q < buf + size ? (uint32_t)(q - buf) : NONE);
    }
}

/* NPGetConnection / NPGetUser: a name in, a string out. */
static DWORD string_out(nr_plugin *p, nr_ipc_in *in, nr_ipc_out *x, bool user)
{
    const char *name = nr_ipc_get_str(in);
    DWORD len = capped(nr_ipc_get_u32(in)), rc;
    char *buf = malloc(len ? len : 1);
    if (in->bad || !buf) {
        free(buf);
        return WN_OUT_OF_MEMORY;
    }
    rc = user ? nr__provider_get_user(p, name, buf, &len) : nr__provider_get_connection(p, name, buf, &len);
    nr_ipc_put_u32(x, len);
    nr_ipc_put_str(x, rc == WN_SUCCESS && memchr(buf, '\0', len) ? buf : NULL);
    free(buf);
    return rc;
}

static DWORD universal_name(nr_plugin *p, nr_ipc_in *in, nr_ipc_out *x)
{
    const char *path = nr_ipc_get_str(in);
    DWORD level = nr_ipc_get_u32(in), size = capped(nr_ipc_get_u32(in)), asked = size, rc;
    char *buf = calloc(1, size ? size : 1);
    if (in->bad || !buf) {
        free(buf);
        return WN_OUT_OF_MEMORY;
    }
    rc = nr__provider_get_universal_name(p, path, level, buf, &size);
    nr_ipc_put_u32(x, size);
    if (rc == WN_SUCCESS && level == REMOTE_NAME_INFO_LEVEL && asked >= sizeof(REMOTE_NAME_INFOA)) {
        REMOTE_NAME_INFOA *r = (REMOTE_NAME_INFOA *)buf;
        char *const *slots[] = { &r->lpUniversalName, &r->lpConnectionName, &r->lpRemainingPath };
        put_buffer(x, buf, asked, slots, 3);
    } else if (rc == WN_SUCCESS && asked >= sizeof(UNIVERSAL_NAME_INFOA)) {
        UNIVERSAL_NAME_INFOA *u = (UNIVERSAL_NAME_INFOA *)buf;
        char *const *slots[] = { &u->lpUniversalName };
        put_buffer(x, buf, asked, slots, 1);
    }
    free(buf);
    return rc;
}

static void res_slots(NETRESOURCEA *r, char *const **slots)
{
    slots[0] = &r->lpLocalName;
    slots[1] = &r->lpRemoteName;
    slots[2] = &r->lpComment;
    slots[3] = &r->lpProvider;
}

/* NPGetResourceInformation (information) or NPGetResourceParent: the
 * NETRESOURCE answer, then for the first where the system part is. */
static DWORD resource_out(nr_plugin *p, nr_ipc_in *in, nr_ipc_out *x, bool information)
{
    NETRESOURCEA res;
    bool has = nr_ipc_get_res(in, &res);
    DWORD size = capped(nr_ipc_get_u32(in)), asked = size, rc;
    char *buf = calloc(1, size ? size : 1), *system = NULL;
    if (in->bad || !buf || (!information && !has)) {
        free(buf);
        return in->bad || !buf ? WN_OUT_OF_MEMORY : WN_BAD_VALUE;
    }
    if (information)
        rc = nr__provider_get_resource_information(p, has ? &res : NULL, buf, &size, &system);
    else
        rc = nr__provider_get_resource_parent(p, &res, buf, &size);
    nr_ipc_put_u32(x, size);
    if (rc == WN_SUCCESS && asked >= sizeof(NETRESOURCEA)) {
        char *const *slots[4];
        res_slots((NETRESOURCEA *)buf, slots);
        put_buffer(x, buf, asked, slots, 4);
        if (information)
            nr_ipc_put_u32(x, system && system >= buf && system < buf + asked ? (uint32_t)(system - buf) : NONE);
    }
    free(buf);
    return rc;
}

static DWORD enum_resource(nr_plugin *p, nr_ipc_in *in, nr_ipc_out *x)
{
    HANDLE h = (HANDLE)(uintptr_t)nr_ipc_get_u64(in);
    DWORD count = nr_ipc_get_u32(in), size = capped(nr_ipc_get_u32(in)), asked = size, rc;
    char *buf = calloc(1, size ? size : 1);
    if (in->bad || !buf) {
        free(buf);
        return WN_OUT_OF_MEMORY;
    }
    rc = nr__provider_enum_resource(p, h, &count, buf, &size);
    nr_ipc_put_u32(x, count);
    nr_ipc_put_u32(x, size);
    if (rc == WN_SUCCESS) {
        size_t n = count <= asked / sizeof(NETRESOURCEA) ? count : 0;
        char *const **slots = calloc(n * 4 + 1, sizeof *slots);
        if (!slots) {
            free(buf);
            return WN_OUT_OF_MEMORY;
        }
        for (size_t i = 0; i < n; i++)
            res_slots((NETRESOURCEA *)buf + i, slots + 4 * i);
        put_buffer(x, buf, asked, slots, n * 4);
        free(slots);
    }
    free(buf);
    return rc;
}

DWORD nr_host_provider(nr_plugin *p, nr_ipc_in *in, nr_ipc_out *x)
{
    uint32_t entry = nr_ipc_get_u32(in);
    NETRESOURCEA res;
    bool has;
    nr_ipc_begin(x);
    switch (entry) {
    case NR_IPC_P_CAPS: {
        DWORD index = nr_ipc_get_u32(in);
        return p->get_caps ? nr__provider_get_caps(p, index) : 0;
    }
    case NR_IPC_P_ADD: {
        const char *password, *user;
        DWORD flags;
        has = nr_ipc_get_res(in, &res);
        password = nr_ipc_get_str(in);
        user = nr_ipc_get_str(in);
        flags = nr_ipc_get_u32(in);
        if (!has || in->bad)
            return WN_BAD_VALUE;
        return nr__provider_add(p, NULL, &res, password, user, flags);
    }
    case NR_IPC_P_CANCEL: {
        const char *name = nr_ipc_get_str(in);
        BOOL force = (BOOL)nr_ipc_get_u32(in);
        return in->bad ? WN_BAD_VALUE : nr__provider_cancel(p, name, force);
    }
    case NR_IPC_P_GET_CONNECTION:
        return p->get_connection ? string_out(p, in, x, false) : WN_NOT_SUPPORTED;
    case NR_IPC_P_GET_USER:
        return p->get_user ? string_out(p, in, x, true) : WN_NOT_SUPPORTED;
    case NR_IPC_P_UNIVERSAL_NAME:
        return p->get_universal_name ? universal_name(p, in, x) : WN_NOT_SUPPORTED;
    case NR_IPC_P_RESOURCE_INFORMATION:
        return p->get_resource_information ? resource_out(p, in, x, true) : WN_NOT_SUPPORTED;
    case NR_IPC_P_RESOURCE_PARENT:
        return p->get_resource_parent ? resource_out(p, in, x, false) : WN_NOT_SUPPORTED;
    case NR_IPC_P_OPEN_ENUM: {
        DWORD scope = nr_ipc_get_u32(in), type = nr_ipc_get_u32(in), usage = nr_ipc_get_u32(in), rc;
        HANDLE h = NULL;
        has = nr_ipc_get_res(in, &res);
        if (in->bad || !p->open_enum)
            return WN_NOT_SUPPORTED;
        rc = nr__provider_open_enum(p, scope, type, usage, has ? &res : NULL, &h);
        nr_ipc_put_u64(x, (uint64_t)(uintptr_t)h);
        return rc;
    }
    case NR_IPC_P_ENUM_RESOURCE:
        return p->enum_resource ? enum_resource(p, in, x) : WN_NOT_SUPPORTED;
    case NR_IPC_P_CLOSE_ENUM: {
        HANDLE h = (HANDLE)(uintptr_t)nr_ipc_get_u64(in);
        return p->close_enum && !in->bad ? nr__provider_close_enum(p, h) : WN_NOT_SUPPORTED;
    }
    }
    return WN_NOT_SUPPORTED;
}
