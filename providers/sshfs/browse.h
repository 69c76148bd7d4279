/*
 * browse.h - the hosts a user has named in their ssh configuration, which
 * the provider shows as the containers of its global enumeration
 * (browse.c).  Thread-safe (no shared state).
 */
#ifndef NR_SSHFS_BROWSE_H
#define NR_SSHFS_BROWSE_H

#include <stddef.h>

#include <netrouter/npapi.h>

typedef struct sshfs_host_list {
    char **v;
    size_t n;
} sshfs_host_list;

/* The names of the Host lines of ssh_config (NULL: ~/.ssh/config of the
 * effective user's passwd entry, as ssh reads it, not $HOME), following
 * Include lines (ssh's rules: relative to ~/.ssh, glob patterns), in order
 * and each once.  Patterns (with '*', '?' or '!') are left out: they are no
 * host one can connect to.  A missing file is an empty list.  WN_SUCCESS or
 * WN_OUT_OF_MEMORY. */
DWORD sshfs_browse_hosts(const char *ssh_config, sshfs_host_list *out);
void sshfs_host_list_free(sshfs_host_list *l);

#endif /* NR_SSHFS_BROWSE_H */
