/*
 * settings.h - the sshfs provider's settings: the manifest's "config" object
 * (settings.c), documented in netrouter-sshfs(7).
 *
 *   "host_keys"              "strict" (default): only keys already in the
 *                            user's known-hosts files; "accept-new": also
 *                            record the key of a host never seen before
 *   "server_alive_interval"  seconds between keepalives (15; 0: none)
 *   "server_alive_count_max" unanswered keepalives before ssh gives up (3)
 *   "connect_timeout"        seconds for the TCP connection (10)
 *   "reconnect"              sshfs reconnects after a failure (true)
 *   "mount_timeout"          seconds sshfs may take to mount, authentication
 *                            included (30)
 *   "unmount_timeout"        seconds fusermount3 may take to unmount (10)
 *   "idmap"                  sshfs's idmap: "user" (default) or "none"
 *   "ssh_config"             an ssh_config(5) file used instead of
 *                            ~/.ssh/config (for mounts and browsing)
 *   "options"                further sshfs -o options, an array of strings
 */
#ifndef NR_SSHFS_CONFIG_H
#define NR_SSHFS_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include <netrouter/npapi.h>

#define SSHFS_MAX_OPTIONS 32

typedef struct sshfs_config {
    bool accept_new;
    unsigned server_alive_interval, server_alive_count_max, connect_timeout;
    bool reconnect;
    unsigned mount_timeout, unmount_timeout;
    char idmap[16];
    char *ssh_config;                  /* NULL: ssh's default */
    char *options[SSHFS_MAX_OPTIONS];  /* n_options of them */
    size_t n_options;
} sshfs_config;

/* The defaults above. */
void sshfs_config_defaults(sshfs_config *c);

/* Parses the manifest's config JSON into c (which starts from the
 * defaults).  WN_BAD_VALUE with a sentence in why naming the key. */
DWORD sshfs_config_parse(const char *json, sshfs_config *c, char *why, size_t why_size);

void sshfs_config_free(sshfs_config *c);

#endif /* NR_SSHFS_CONFIG_H */
