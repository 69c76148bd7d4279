/*
 * ras-engine.c - where this process's links live (nr_ras_set_engine,
 * <netrouter/ras.h>): with the connection service (the default) or in the
 * process itself.  The choice is made once, by nr_ras_set_engine() or, at
 * the first call that needs it, by $NETROUTER_RAS_ENGINE; it never changes
 * afterwards, since handles of one engine mean nothing to the other.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <netrouter/ras.h>

#include "ras-engine.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static bool decided;
static DWORD engine;

NR_RAS_PUBLIC DWORD nr_ras_set_engine(DWORD which)
{
    DWORD rc = 0;
    if (which != NR_RAS_ENGINE_SERVICE && which != NR_RAS_ENGINE_IN_PROCESS)
        return ERROR_INVALID_PARAMETER;
    pthread_mutex_lock(&lock);
    if (decided && engine != which)
        rc = ERROR_ALREADY_INITIALIZED;
    decided = true;
    if (!rc)
        engine = which;
    pthread_mutex_unlock(&lock);
    return rc;
}

NR_RAS_PUBLIC DWORD nr_ras_get_engine(void)
{
    DWORD e;
    pthread_mutex_lock(&lock);
    if (!decided) {
        const char *v = secure_getenv("NETROUTER_RAS_ENGINE");
        engine = v && strcmp(v, "in-process") == 0 ? NR_RAS_ENGINE_IN_PROCESS : NR_RAS_ENGINE_SERVICE;
        decided = true;
    }
    e = engine;
    pthread_mutex_unlock(&lock);
    return e;
}

bool nr_ras_in_process(void)
{
    return nr_ras_get_engine() == NR_RAS_ENGINE_IN_PROCESS;
}
