/*
 * unmount.h - unmounting an sshfs mount with fusermount3 (unmount.c).
 * Thread-safe.
 */
#ifndef NR_SSHFS_UNMOUNT_H
#define NR_SSHFS_UNMOUNT_H

#include <stdbool.h>
#include <stddef.h>

#include <netrouter/npapi.h>

/* Unmounts mountpoint: `fusermount3 -u`, or with force `fusermount3 -u -z`
 * (lazy: detached at once, even while files are open or the server is
 * gone, so a cancel never blocks).  A plain unmount that does not finish
 * within timeout_s is WN_DEVICE_IN_USE.  Busy without force:
 * WN_OPEN_FILES.  why receives fusermount3's words on failure. */
DWORD sshfs_unmount(const char *mountpoint, bool force, unsigned timeout_s, char *why, size_t why_size);

#endif /* NR_SSHFS_UNMOUNT_H */
