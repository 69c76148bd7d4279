/*
 * sshinfo.h - what ssh itself says of a host, without logging in
 * (sshinfo.c): the configuration it would use (`ssh -G`) and the
 * fingerprint of the key a server presents (`ssh-keyscan | ssh-keygen -lf -`).
 *
 * Each call runs short-lived programs (run.h) with a time limit; thread-safe.
 */
#ifndef NR_SSHFS_SSHINFO_H
#define NR_SSHFS_SSHINFO_H

#include <stdbool.h>
#include <stddef.h>

#include "names.h"

/* What ssh would connect to for n: the real host name, port and user after
 * the user's ssh configuration (ssh_config: a file used instead of
 * ~/.ssh/config, or NULL).  false if ssh -G fails. */
typedef struct sshfs_target {
    char host[256];
    unsigned port;
    char user[256];
} sshfs_target;
bool sshfs_resolve(const sshfs_name *n, const char *ssh_config, sshfs_target *out);

/* The known-hosts name ssh uses: "host" on port 22, else "[host]:port". */
void sshfs_known_hosts_name(const sshfs_target *t, char *buf, size_t size);

/* The fingerprint of the host key of key_type ("ed25519", "rsa", "ecdsa"; ""
 * for any) that the server presents now, e.g. "SHA256:Qx...  (ED25519)".
 * false when the server cannot be reached within a few seconds. */
bool sshfs_host_fingerprint(const sshfs_target *t, const char *key_type, char *out, size_t size);

#endif /* NR_SSHFS_SSHINFO_H */
