/*
 * unmount.c - fusermount3 -u [-z] (unmount.h).  fusermount3 is setuid root
 * and lets a user unmount only the FUSE mounts that user made; root may
 * unmount any.  A lazy unmount (-z) skips fusermount3's look at the mount
 * point, which is what could block on a server that went away.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run.h"
#include "unmount.h"

DWORD sshfs_unmount(const char *mountpoint, bool force, unsigned timeout_s, char *why, size_t why_size)
{
    const char *plain[] = { "fusermount3", "-u", "--", mountpoint, NULL };
    const char *lazy[] = { "fusermount3", "-u", "-z", "--", mountpoint, NULL };
    sshfs_run_result *r = malloc(sizeof *r);
    DWORD rc;

    if (!r) {
        snprintf(why, why_size, "out of memory");
        return WN_OUT_OF_MEMORY;
    }
    sshfs_run(force ? lazy : plain, NULL, (int)timeout_s * 1000, r);
    if (r->status == SSHFS_RUN_EXITED && r->code == 0) {
        rc = WN_SUCCESS;
        why[0] = '\0';
    } else if (r->status == SSHFS_RUN_TIMEOUT) {
        rc = WN_DEVICE_IN_USE;
        snprintf(why, why_size, "unmounting %s did not finish within %u seconds (the server may be gone); "
                 "cancel with --force to detach it at once", mountpoint, timeout_s);
    } else if (r->status == SSHFS_RUN_FAILED) {
        rc = WN_NET_ERROR;
        snprintf(why, why_size, "fusermount3 cannot be run (is the fuse3 package installed?): %s", r->output);
    } else if (strstr(r->output, "busy")) {
        rc = WN_OPEN_FILES;
        snprintf(why, why_size, "%s (files are open there; cancel with --force to detach it anyway)", r->output);
    } else if (strstr(r->output, "not found") || strstr(r->output, "Invalid argument")) {
        rc = WN_NOT_CONNECTED;
        snprintf(why, why_size, "%s", r->output);
    } else {
        rc = strstr(r->output, "ermission") ? WN_ACCESS_DENIED : WN_NET_ERROR;
        snprintf(why, why_size, "%s", *r->output ? r->output : "fusermount3 failed");
    }
    free(r);
    return rc;
}
