/*
 * service-stale.c - what an instance of the service that was killed left
 * behind (service.h): the UUCP locks of its links.  Its TUN interfaces went
 * with its descriptors and its socket is replaced by the next instance;
 * the locks are files holding its process number, which the next instance
 * (holding the same instance lock, so that the earlier one is certainly
 * gone) takes over and removes through the UUCP lock protocol, race-free
 * against any other program locking a device at the same moment.
 */
#include "config.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "dial.h"
#include "service.h"
#include "uucplock.h"

void svc_clear_stale_locks(pid_t previous)
{
    const char *dir = nr_dial_lock_dir();
    DIR *d;
    unsigned cleared = 0;
    if (previous <= 0 || previous == getpid() || nr_uucp_pid_alive(previous))
        return; /* no earlier instance, or it still runs (a killed one may
                   still be a zombie: ended, all it held released) */
    if (!(d = opendir(dir)))
        return;
    for (struct dirent *de; (de = readdir(d)) != NULL;) {
        char path[PATH_MAX], mine[PATH_MAX];
        pid_t owner;
        if (strncmp(de->d_name, "LCK..", 5) != 0 || !de->d_name[5])
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        if (nr_uucp_read_pid(path) != previous)
            continue;
        /* taken over (the owner is dead), then released: never another's */
        if (nr_uucp_lock(dir, de->d_name + 5, mine, sizeof mine, &owner, NULL) == 0) {
            nr_uucp_unlock(mine);
            cleared++;
        }
    }
    closedir(d);
    if (cleared)
        svc_log("removed %u UUCP lock%s left in %s by the killed instance %d", cleared, cleared == 1 ? "" : "s", dir,
                (int)previous);
}
