/*
 * env.h - what netrouter's environment variables say, one rule each for
 * every program and library of the project.
 *
 * Shared by libnetrouter, the RAS provider and the netrouter command;
 * internal.  The variables are read with secure_getenv(), so a setuid or
 * setgid process ignores them.  Reentrant.
 */
#ifndef NR_COMMON_ENV_H
#define NR_COMMON_ENV_H

#include <stdbool.h>

/* The per-user state directory, one rule for every part of netrouter that
 * keeps state (the remembered connections, the RAS saved credentials):
 * $NETROUTER_STATE_DIR (a relative one is taken from the working
 * directory), else $XDG_STATE_HOME/netrouter (absolute only, as the XDG
 * specification says), else $HOME/.local/state/netrouter (an absolute HOME
 * only).  The variables are read with secure_getenv().  Returns a malloc'ed
 * absolute path, or NULL when none of them gives one (a service started
 * without HOME: nothing is remembered) or out of memory. */
__attribute__((visibility("hidden"))) char *nr_state_dir(void);

/* True when NETROUTER_DEBUG asks for every debug line (set, not empty and
 * not "0"). */
__attribute__((visibility("hidden"))) bool nr_debug_requested(void);

#endif
