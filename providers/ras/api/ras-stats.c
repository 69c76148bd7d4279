/*
 * ras-stats.c - RasGetConnectionStatistics and RasClearConnectionStatistics
 * for a connection dialed in this process: the arguments are checked here,
 * the counters are the dial engine's (nr_dial_get_stats and
 * nr_dial_clear_stats of dial/dial-stats.c, which never touch the worker's
 * link and may be called from any thread).
 */
#include "config.h"

#include "dial.h"

NR_RAS_PUBLIC DWORD RasGetConnectionStatistics(HRASCONN h, RAS_STATS *stats)
{
    nr_rasconn *c;
    if (!stats)
        return ERROR_INVALID_PARAMETER;
    if (stats->dwSize != sizeof *stats)
        return ERROR_INVALID_SIZE;
    if (!(c = nr_rasconn_lookup(h)))
        return ERROR_INVALID_HANDLE;
    nr_dial_get_stats(c->engine, stats);
    nr_rasconn_release(c);
    return 0;
}

NR_RAS_PUBLIC DWORD RasClearConnectionStatistics(HRASCONN h)
{
    nr_rasconn *c = nr_rasconn_lookup(h);
    if (!c)
        return ERROR_INVALID_HANDLE;
    nr_dial_clear_stats(c->engine);
    nr_rasconn_release(c);
    return 0;
}
