/*
 * host.h - what the files of netrouter-plugin-host share.
 */
#ifndef NR_HOST_H
#define NR_HOST_H

#include "ipc.h"
#include "internal.h"

/* Serves one NR_IPC_PROVIDER request of in with p: calls the entry point
 * through plugin-call.c (so a wide plugin crosses plugin-wide.c) and writes
 * the entry's results into x (begun here), which the REPLY carries after
 * the common fields.  Returns the entry point's result. */
DWORD nr_host_provider(nr_plugin *p, nr_ipc_in *in, nr_ipc_out *x);

#endif
