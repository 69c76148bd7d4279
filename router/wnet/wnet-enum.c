/*
 * wnet-enum.c - WNetOpenEnumA, WNetEnumResourceA and WNetCloseEnum: a
 * handle around one nr_enum of the WNet router.  The W form of the buffer
 * call (wnet-wide-enum.c) reads the same nr_enum.
 *
 * A handle is an opaque number, never a pointer: the table of live handles
 * below maps it to its nr_enum, so a handle that is not one (NULL,
 * INVALID_HANDLE_VALUE, a foreign pointer, one already closed) is looked up,
 * not read through, and gives ERROR_INVALID_HANDLE instead of a crash.
 * Numbers come from a counter and are not given out again (until it wraps
 * after 2^29 handles or more), so a closed handle stays invalid.  The table
 * is process-wide, like the handles themselves, and guarded by a mutex; an
 * enumeration is used by one thread at a time (its caller's promise, as on
 * Windows), so closing a handle while another thread enumerates with it is
 * the caller's race, while any sequence of calls from any threads is safe.
 */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#include "wnet.h"

/* Handles are multiples of 4 from here, as Windows' are, far from the
 * small numbers and from INVALID_HANDLE_VALUE. */
#define WNET_HANDLE_BASE ((uintptr_t)0x574e0000u) /* "WN" */

typedef struct live_handle {
    uintptr_t id;
    nr_enum *e;
} live_handle;

static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static live_handle *table;
static size_t table_used, table_size;
static uintptr_t serial;

/* Index of id in the table, or table_used; table_lock held. */
static size_t find(uintptr_t id)
{
    size_t i;
    for (i = 0; i < table_used; i++)
        if (table[i].id == id)
            break;
    return i;
}

/* A new handle for e; 0 when out of memory. */
static uintptr_t handle_add(nr_enum *e)
{
    uintptr_t id = 0;
    pthread_mutex_lock(&table_lock);
    if (table_used == table_size) {
        size_t n = table_size ? 2 * table_size : 16;
        live_handle *t = realloc(table, n * sizeof *t);
        if (!t)
            goto out;
        table = t;
        table_size = n;
    }
    do { /* never 0 nor INVALID_HANDLE_VALUE; after a wrap, not a live one */
        serial = (serial + 1) & (UINTPTR_MAX >> 3);
        id = WNET_HANDLE_BASE + 4 * serial;
    } while (find(id) < table_used);
    table[table_used].id = id;
    table[table_used].e = e;
    table_used++;
out:
    pthread_mutex_unlock(&table_lock);
    return id;
}

/* The enumeration of a live handle, removed from the table when take is
 * set; NULL when h is not a live handle. */
static nr_enum *handle_get(HANDLE h, bool take)
{
    nr_enum *e = NULL;
    size_t i;
    pthread_mutex_lock(&table_lock);
    i = find((uintptr_t)h);
    if (i < table_used) {
        e = table[i].e;
        if (take)
            table[i] = table[--table_used];
    }
    pthread_mutex_unlock(&table_lock);
    return e;
}

nr_enum *nr__wnet_enum_of(HANDLE h)
{
    return handle_get(h, false);
}

NR_PUBLIC DWORD WINAPI WNetOpenEnumA(DWORD dwScope, DWORD dwType, DWORD dwUsage, LPNETRESOURCEA lpNetResource,
                                     LPHANDLE lphEnum)
{
    nr_router *r;
    nr_enum *e;
    uintptr_t id;
    DWORD rc;
    if (!lphEnum)
        return nr__fail(WN_BAD_POINTER, "WNetOpenEnum(): lphEnum is NULL");
    if ((rc = nr__wnet_router(&r)) != WN_SUCCESS)
        return rc;
    rc = nr_enum_open(r, dwScope, dwType, dwUsage, lpNetResource, &e);
    if (rc != WN_SUCCESS)
        return rc;
    if (!(id = handle_add(e))) {
        nr_enum_close(e);
        return WN_OUT_OF_MEMORY;
    }
    *lphEnum = (HANDLE)id;
    return WN_SUCCESS;
}

NR_PUBLIC DWORD WINAPI WNetEnumResourceA(HANDLE hEnum, LPDWORD lpcCount, LPVOID lpBuffer, LPDWORD lpBufferSize)
{
    nr_enum *e = nr__wnet_enum_of(hEnum);
    if (!e)
        return nr__fail(WN_BAD_HANDLE, "WNetEnumResource(): not a handle of WNetOpenEnum");
    if (!lpcCount || !lpBufferSize)
        return nr__fail(WN_BAD_POINTER, "WNetEnumResource(): %s is NULL", lpcCount ? "lpBufferSize" : "lpcCount");
    return nr_enum_resource(e, lpcCount, lpBuffer, lpBufferSize);
}

NR_PUBLIC DWORD WINAPI WNetCloseEnum(HANDLE hEnum)
{
    nr_enum *e = handle_get(hEnum, true);
    if (!e)
        return nr__fail(WN_BAD_HANDLE, "WNetCloseEnum(): not a handle of WNetOpenEnum");
    nr_enum_close(e);
    return WN_SUCCESS;
}
