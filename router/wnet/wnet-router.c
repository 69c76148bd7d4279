/*
 * wnet-router.c - which router the WNet functions work on: the one an
 * application installed with nr_wnet_set_router(), else the process's
 * default router, created on first use exactly as the netrouter command
 * creates its own (the search path and state directory from the
 * environment, nr_router_new(NULL)).
 *
 * The default router is never freed: it lives as long as the process, and
 * stays reachable through `dflt`, so valgrind counts it as reachable memory,
 * not as a leak.  A failed creation is not remembered: the next call tries
 * again (the environment may have been fixed meanwhile).
 */
#include "config.h"

#include <pthread.h>

#include "wnet.h"

static pthread_mutex_t create_lock = PTHREAD_MUTEX_INITIALIZER;
static nr_router *installed; /* the application's, or NULL */
static nr_router *dflt;      /* ours, made once */

DWORD nr__wnet_router(nr_router **out)
{
    nr_router *r = __atomic_load_n(&installed, __ATOMIC_ACQUIRE);
    DWORD rc = WN_SUCCESS;
    if (!r)
        r = __atomic_load_n(&dflt, __ATOMIC_ACQUIRE);
    if (r) {
        *out = r;
        return WN_SUCCESS;
    }
    pthread_mutex_lock(&create_lock);
    if (!dflt) {
        nr_router *made = NULL;
        rc = nr_router_new(NULL, &made);
        if (rc == WN_SUCCESS)
            __atomic_store_n(&dflt, made, __ATOMIC_RELEASE);
    }
    *out = dflt;
    pthread_mutex_unlock(&create_lock);
    return rc;
}

NR_PUBLIC nr_router *nr_wnet_set_router(nr_router *router)
{
    return __atomic_exchange_n(&installed, router, __ATOMIC_ACQ_REL);
}

NR_PUBLIC nr_router *nr_wnet_get_router(void)
{
    nr_router *r = NULL;
    return nr__wnet_router(&r) == WN_SUCCESS ? r : NULL;
}
