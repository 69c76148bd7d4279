/*
 * local-stats.c - RasGetConnectionStatistics and RasClearConnectionStatistics
 * as the engine of this process answers them (local.h): the counters are
 * the dial engine's (nr_dial_get_stats and
 * nr_dial_clear_stats of dial/dial-stats.c, which never touch the worker's
 * link and may be called from any thread).
 */
#include "config.h"

#include "dial.h"
#include "local.h"

DWORD nr_local_get_stats(HRASCONN h, RAS_STATS *stats)
{
    nr_rasconn *c;
    if (!(c = nr_rasconn_lookup(h)))
        return ERROR_INVALID_HANDLE;
    nr_dial_get_stats(c->engine, stats);
    nr_rasconn_release(c);
    return 0;
}

DWORD nr_local_clear_stats(HRASCONN h)
{
    nr_rasconn *c = nr_rasconn_lookup(h);
    if (!c)
        return ERROR_INVALID_HANDLE;
    nr_dial_clear_stats(c->engine);
    nr_rasconn_release(c);
    return 0;
}
