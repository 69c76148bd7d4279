/*
 * testutil.h - what every netrouter test suite shares: a private temporary
 * directory per test with its own copies of the fixture plugins, manifest
 * writing, a router built from them, the record file the fixtures append to,
 * and the check that the fixture plugins are built.  The tests themselves are
 * declared and asserted as cunit-main.h and nrt-assert.h say.
 *
 * A test reads like this:
 *
 *     NRT_SUITE("dispatch", .setup = nrt_fixtures_found);
 *
 *     NRT_TEST(pre_runs_in_ascending_order)
 *     {
 *         nrt_env *env = nrt_env_new();
 *         nrt_notifier(env, "late", 20, NULL, NULL);
 *         nrt_notifier(env, "early", 10, NULL, NULL);
 *         nrt_provider(env, "prov", 10, NULL, NULL);
 *         nr_router *r = nrt_router(env);
 *         NETRESOURCE res = nrt_res(NULL, "fx:a");
 *         NRT_EQ_CODE(nr_add_connection(r, NULL, &res, NULL, NULL, 0), WN_SUCCESS);
 *         NRT_EQ_STR(nrt_trace(env, ""), "early add pre | late add pre | ...");
 *         nrt_env_free(env);
 *     }
 *
 * Everything nrt_* returns as const char * is owned by the env and freed by
 * nrt_env_free().  The directories themselves are removed at process exit
 * (set NRT_KEEP=1 to keep them), never while a library copy may be mapped.
 */
#ifndef NR_TESTUTIL_H
#define NR_TESTUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include <netrouter/netrouter.h>

#include "cunit-main.h"

typedef struct nrt_env {
    char *dir;            /* private temporary directory */
    char *plugins;        /* dir/plugins.d: where nrt_plugin() writes manifests */
    char *state;          /* dir/state: the router's state_dir */
    char *record;         /* dir/record.log: the fixtures' shared record file */
    nr_router *router;    /* made by nrt_router(), freed by nrt_env_free() */
    const char *path[8];  /* the plugin_path handed to the router, NULL-terminated */
    nr_router_config cfg; /* what nrt_router() uses; adjust before calling it */
    void **owned;         /* strings handed out */
    size_t nowned;
} nrt_env;

nrt_env *nrt_env_new(void);
void nrt_env_free(nrt_env *env);

/* Takes ownership of a malloc'ed pointer; returns it. */
void *nrt_own(nrt_env *env, void *p);
const char *nrt_printf(nrt_env *env, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Absolute path of a built fixture library (in the build tree). */
const char *nrt_fixture_built(nrt_env *env, const char *fixture);
/* Copies fixture (e.g. "fixture-notifier") to dir/name, mode 0644; returns the path. */
const char *nrt_copy_fixture(nrt_env *env, const char *fixture, const char *dir, const char *name);
/* Creates dir/sub (mode 0755) and returns its path. */
const char *nrt_subdir(nrt_env *env, const char *sub);
/* Writes a file in dir with the given mode (umask does not apply); returns its path. */
const char *nrt_write(nrt_env *env, const char *dir, const char *name, mode_t mode, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/*
 * Registers one plugin instance: copies the fixture to plugins.d/<name>.so
 * and writes plugins.d/<name>.json naming it by absolute path, with "order",
 * the extra top-level members `top` (JSON text without braces, or NULL) and a
 * "config" object holding "record" plus the members in `config`.
 * Returns the manifest path.
 */
const char *nrt_plugin(nrt_env *env, const char *kind, const char *name, int order, const char *fixture,
                       const char *top, const char *config);
const char *nrt_notifier(nrt_env *env, const char *name, int order, const char *top, const char *config);
const char *nrt_provider(nrt_env *env, const char *name, int order, const char *top, const char *config);

/* A complete, valid manifest body for a notifier called name whose library
 * is lib, with the extra top-level members (JSON text without braces, or
 * NULL). */
const char *nrt_notifier_manifest(nrt_env *env, const char *name, const char *lib, const char *extra);
/* Writes dir/file: that manifest for a fresh copy of fixture-notifier at
 * dir/<name>.so.  Returns the manifest path. */
const char *nrt_write_notifier(nrt_env *env, const char *dir, const char *file, const char *name, const char *extra);

/* nr_router_new() with env->cfg; asserts success, remembers the router
 * (freeing the one made before), and publishes it to the fixtures in
 * $NR_FIXTURE_ROUTER. */
nr_router *nrt_router(nrt_env *env);
/* nr_router_new() with env->cfg, returning its code (router in *out or NULL). */
DWORD nrt_router_try(nrt_env *env, nr_router **out);

/* The whole record file ("" when nothing was recorded), and a trace of it:
 * each line reduced to its words without '=' (after the kind letter) plus
 * the key=value tokens whose key is listed in keys ("status,ret"), lines
 * joined by " | ".  only_kinds selects line kinds ("NP", NULL for all). */
const char *nrt_records(nrt_env *env);
const char *nrt_trace_of(nrt_env *env, const char *only_kinds, const char *keys);
#define nrt_trace(env, keys) nrt_trace_of((env), "NP", (keys))
/* Number of record lines containing every one of the space-separated words. */
int nrt_count(nrt_env *env, const char *words);
/* Value of key in the n-th (0-based) record line containing words; NULL if none. */
const char *nrt_value(nrt_env *env, const char *words, int n, const char *key);
void nrt_clear_records(nrt_env *env);

/* Reads a whole file (NULL when it cannot be read); owned by env. */
const char *nrt_slurp(nrt_env *env, const char *path);
/* The names in dir that start with prefix, sorted, joined by ' ' ("" when
 * none, NULL when dir cannot be read); owned by env. */
const char *nrt_dir_entries(nrt_env *env, const char *dir, const char *prefix);
/* Absolute path of a file of the build tree, e.g. "router/cli/netrouter". */
const char *nrt_built(nrt_env *env, const char *relpath);

/* "local=remote@provider" for every remembered entry of r, in enumeration
 * order, joined by ' '; "error N" when enumerating fails (last error set). */
const char *nrt_remembered(nrt_env *env, nr_router *r);

/* A NETRESOURCE for a disk connection; strings are not copied. */
NETRESOURCE nrt_res(const char *local, const char *remote);

/* The first problem whose file ends with file_suffix (NULL: any), or NULL. */
const nr_problem *nrt_problem(const nr_router *r, const char *file_suffix);
/* All problems of a router, one per line, for failure messages. */
const char *nrt_problems_text(nrt_env *env, const nr_router *r);
/* Index of the loaded plugin called name, or -1. */
int nrt_plugin_index(const nr_router *r, const char *name);
/* Names of the loaded plugins in final order, joined by ' '. */
const char *nrt_plugin_names(nrt_env *env, const nr_router *r);

/* The calling thread's last error text / provider (owned by env). */
const char *nrt_last_error_text(nrt_env *env);
const char *nrt_last_error_provider(nrt_env *env);

/* NRT_EQ for WN_* codes (compared as DWORD): shows each code's text too. */
#define NRT_EQ_CODE(actual, expected)                                                                        \
    NRT_EQ_DESCRIBED_(DWORD, nr_strerror, actual, expected, #actual, #expected)

/* The NRT_SUITE setup of the suites that load fixture plugins: finds them
 * in the build tree (nonzero, with a message, when they are not there). */
int nrt_fixtures_found(const char *argv0);

#endif
