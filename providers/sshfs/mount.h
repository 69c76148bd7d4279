/*
 * mount.h - mounting one remote name with sshfs (mount.c).
 *
 * The caller has checked the local directory; this runs sshfs with the
 * provider's options and classifies a failure (errors.h).  Thread-safe.
 */
#ifndef NR_SSHFS_MOUNT_H
#define NR_SSHFS_MOUNT_H

#include "settings.h"
#include "errors.h"
#include "names.h"

/* Mounts n at mountpoint (absolute, an empty directory).  user: the login
 * when the name has none (NULL: ssh's default).  password: NULL or "" for
 * key, agent or ssh-config authentication only (BatchMode: ssh never
 * prompts); otherwise it reaches sshfs on its standard input
 * (password_stdin), never in argv or the environment.  The mount's source
 * is the canonical remote name, so that every process finds the name again
 * in the mount table.  WN_SUCCESS, or a code and sentence in *err. */
DWORD sshfs_mount_remote(const sshfs_config *c, const sshfs_name *n, const char *mountpoint, const char *user,
                  const char *password, sshfs_error *err);

#endif /* NR_SSHFS_MOUNT_H */
