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

/* The path of name (e.g. "plugins.d", "phonebook.json") in the per-user
 * configuration directory, one rule for the plugin search path and the
 * phonebook: $XDG_CONFIG_HOME/netrouter/name (an absolute XDG_CONFIG_HOME
 * only, as the XDG specification says), else $HOME/.config/netrouter/name
 * (a HOME that is set and not empty).  The variables are read with
 * secure_getenv().  Returns a malloc'ed path, or NULL when neither gives
 * one or out of memory. */
__attribute__((visibility("hidden"))) char *nr_config_path(const char *name);

/* True when NETROUTER_DEBUG asks for every debug line (set, not empty and
 * not "0"). */
__attribute__((visibility("hidden"))) bool nr_debug_requested(void);

/* NETROUTER_ISOLATION, which overrides the "isolation" of the router's
 * configuration file for this process: 1 for "process", 0 for "none", -1
 * when unset or empty (the file, then in process, decide), and
 * NR_ISOLATION_ENV_BAD for any other value (ignored, and said so). */
#define NR_ISOLATION_ENV_BAD (-2)
__attribute__((visibility("hidden"))) int nr_isolation_env(void);

/* The plugin host program: $NETROUTER_PLUGIN_HOST (the build tree's, for
 * the tests), else the installed one (default).  Not malloc'ed. */
__attribute__((visibility("hidden"))) const char *nr_plugin_host_path(const char *installed);

#endif
