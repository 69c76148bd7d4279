/*
 * host.h - the sshfs plugin's state shared by its entry points (host.c):
 * the router's host structure, the parsed manifest config and the
 * extended-error helper.  Below plugin.c, enum.c and info.c; above nothing
 * but settings.h.
 */
#ifndef NR_SSHFS_HOST_H
#define NR_SSHFS_HOST_H

#include <stdbool.h>

#include <netrouter/npapi.h>

#include "settings.h"

#define SSHFS_PROVIDER_NAME "sshfs"
#define SSHFS_NET_TYPE 0x00FD0000u

/* Called by NrPluginInit / NrPluginShutdown: several routers of one
 * process share this copy of the library, so the first init parses the
 * config and the last shutdown frees it.  WN_BAD_VALUE (why says which key)
 * refuses the load. */
DWORD sshfs_host_attach(const NR_PLUGIN_HOST *host, char *why, size_t why_size);
void sshfs_host_detach(void);

/* A copy of the current config (defaults before any init); free it with
 * sshfs_config_free(). */
DWORD sshfs_host_config(sshfs_config *out);

/* The provider's display name (the manifest "name"). */
const char *sshfs_host_name(void);

/* Records an extended error for the calling thread and returns code. */
DWORD sshfs_report(DWORD code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Copies s into a caller's buffer with the Windows size rules (bytes with
 * the NUL; WN_MORE_DATA with the size needed). */
DWORD sshfs_copy_out(const char *s, char *buf, DWORD *size);

#endif /* NR_SSHFS_HOST_H */
