/*
 * isolate.h - what isolate.c (the host process, deadlines and failures of
 * isolated plugins) offers isolate-provider.c (the provider calls through
 * it).  One call on one thread:
 *
 *     char *why = nr__iso_begin(p, "NPAddConnection3", 0, NULL);   (starts the host if need be)
 *     if (!why) {
 *         nr_ipc_out *o = nr__iso_out(p);      (nr_ipc_begin'ed: put the request)
 *         ...
 *         why = nr__iso_roundtrip(p, NR_IPC_PROVIDER);
 *     }
 *     if (!why) { rc = nr__iso_reply_rc(p, NULL); ... read nr__iso_in(p) ... }
 *     return nr__iso_end(p, "NPAddConnection3", why, rc);   (unlocks)
 */
#ifndef NR_ISOLATE_H
#define NR_ISOLATE_H

#include "ipc.h"
#include "internal.h"

#define NR_ISO_MALFORMED ((DWORD)-1)

/* Starts a call of entry: marks the thread "inside a plugin" (as
 * nr__call_begin does), makes sure the plugin's host runs and gives this
 * thread a connection to it (a serialized plugin's calls also take p->serial until
 * nr__iso_end).  NULL, or why not (malloc'ed); call nr__iso_end either way.  token: a context or handle the
 * call hands back (0: none), its host's value in *value; one of a host
 * that has ended since is refused (why begins with NR_ISO_STALE). */
NR_INTERNAL char *nr__iso_begin(nr_plugin *p, const char *entry, uint64_t token, uint64_t *value);
#define NR_ISO_STALE "its host process ended since"
NR_INTERNAL nr_ipc_out *nr__iso_out(nr_plugin *p);
NR_INTERNAL nr_ipc_in *nr__iso_in(nr_plugin *p);
/* Sends the request and waits for its REPLY under timeout_ms; NULL, or why
 * it failed (malloc'ed; the host is then killed). */
NR_INTERNAL char *nr__iso_roundtrip(nr_plugin *p, uint32_t type);
/* The REPLY's rc (NR_ISO_MALFORMED when it is not one), its token in *token
 * (may be NULL), and the plugin's extended error set on this thread. */
NR_INTERNAL DWORD nr__iso_reply_rc(nr_plugin *p, uint64_t *token);
/* Kills a host that sent a malformed answer; why, for nr__iso_end(). */
NR_INTERNAL char *nr__iso_broken(nr_plugin *p);
/* A value of the host (context, handle) as the router holds it, carrying
 * the host's generation; false when it cannot be one. */
NR_INTERNAL bool nr__iso_token(nr_plugin *p, uint64_t value, uint64_t *token);
/* Ends the call: with why (taken), a failure (log, problem, backoff; the
 * result says docs/design.md section 4, rule 9), else rc; the connection
 * goes back to the idle ones. */
NR_INTERNAL DWORD nr__iso_end(nr_plugin *p, const char *entry, char *why, DWORD rc);

#endif
