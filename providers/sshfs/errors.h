/*
 * errors.h - what a failed sshfs run means, as a Windows code and a
 * sentence (errors.c).
 *
 *   unknown host, refused connection         ERROR_BAD_NETPATH (53)
 *   timed out, network unreachable, no FUSE  WN_NO_NETWORK (1222)
 *   authentication failed (password or key)  WN_BAD_PASSWORD (86)
 *   remote path missing or not a directory   WN_BAD_NETNAME (67)
 *   mount point not empty or in use          WN_ALREADY_CONNECTED (85)
 *   host key unknown or changed              WN_EXTENDED_ERROR (1208), the
 *                                            sentence giving the key's
 *                                            fingerprint and how to accept it
 *   anything else                            WN_NET_ERROR (59)
 *
 * The sentence always carries ssh's or sshfs's own words.  Thread-safe.
 */
#ifndef NR_SSHFS_ERRORS_H
#define NR_SSHFS_ERRORS_H

#include <stdbool.h>

#include <netrouter/npapi.h>

#include "names.h"
#include "run.h"

typedef struct sshfs_error {
    DWORD code;
    char text[900];
} sshfs_error;

/* Classifies the failed run r of sshfs for name n (mount_timeout: the limit
 * it was given, in seconds; ssh_config as in settings.h).  A host key problem
 * costs a key scan of the server, to show the fingerprint. */
void sshfs_error_classify(const sshfs_run_result *r, const sshfs_name *n, const char *ssh_config,
                          unsigned mount_timeout, sshfs_error *out);

#endif /* NR_SSHFS_ERRORS_H */
