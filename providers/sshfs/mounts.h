/*
 * mounts.h - the sshfs mounts of the calling user, as the kernel's mount
 * table (/proc/self/mountinfo) shows them (mounts.c).
 *
 * The mount table is the provider's only record: a mount outlives the
 * process that made it and every process finds it there.  Reading it never
 * touches a mounted file system, so a mount whose server has gone away
 * cannot block a listing or a cancel.  Thread-safe (no shared state).
 */
#ifndef NR_SSHFS_MOUNTS_H
#define NR_SSHFS_MOUNTS_H

#include <stdbool.h>
#include <stddef.h>

#include "names.h"

typedef struct sshfs_mount {
    char *mountpoint;  /* absolute, decoded */
    char *remote;      /* the canonical remote name (names.h) */
    sshfs_name name;   /* remote, parsed */
} sshfs_mount;

typedef struct sshfs_mount_table {
    sshfs_mount *v;
    size_t n;
} sshfs_mount_table;

/* Reads the "fuse.sshfs" mounts whose user_id is the effective user's.  A
 * mount made by this provider carries its remote name as its source (sshfs
 * -o fsname); one made by running sshfs by hand gets the name
 * sshfs_name_from_source() gives it.  WN_SUCCESS, WN_OUT_OF_MEMORY or
 * WN_NO_NETWORK (no mount table: why says so). */
DWORD sshfs_mounts_read(sshfs_mount_table *t, char *why, size_t why_size);
void sshfs_mounts_free(sshfs_mount_table *t);

/* The mount at exactly path (normalised), or NULL. */
const sshfs_mount *sshfs_mounts_at(const sshfs_mount_table *t, const char *path);

/* The mount whose mount point is the longest prefix of path (normalised) on
 * a '/' boundary; *rest points into path after the mount point ("" or a
 * relative path without a leading '/'). */
const sshfs_mount *sshfs_mounts_containing(const sshfs_mount_table *t, const char *path, const char **rest);

/* True when path (normalised) is the mount point of any file system. */
bool sshfs_is_mount_point(const char *path);

/* A local name made absolute (relative ones from the working directory)
 * and normalised by its text alone ("//", "." and ".." resolved, no trailing
 * '/'), without looking at the file system.  false if it does not fit. */
bool sshfs_local_normalize(const char *name, char *out, size_t size);

#endif /* NR_SSHFS_MOUNTS_H */
