/*
 * wnet-test.h - what the WNet conformance suites share: a test directory
 * (testutil.h) whose router the WNet functions use, and providers taken
 * from the plugins the build tree makes (the fixtures of tests/fixtures and
 * the example providers of docs/examples).
 */
#ifndef NR_TESTS_WNET_TEST_H
#define NR_TESTS_WNET_TEST_H

#include <netrouter/winnetwk.h>

#include "testutil.h"

/* nrt_router(env), installed with nr_wnet_set_router(). */
nr_router *wnt_use(nrt_env *env);
/* Back to the default router, then nrt_env_free(). */
void wnt_done(nrt_env *env);
/* Registers a copy of docs/examples/<example>.la (built) as provider name. */
const char *wnt_example_provider(nrt_env *env, const char *example, const char *name, int order);
/* Registers the symlink example provider (examples/provider-symlink, built)
 * as provider name, its record in the test's state directory. */
const char *wnt_symlink_provider(nrt_env *env, const char *name, int order);
/* A disk NETRESOURCEA / NETRESOURCEW; strings are not copied. */
NETRESOURCEA wnt_res(const char *local, const char *remote);
NETRESOURCEW wnt_resw(const wchar_t *local, const wchar_t *remote);

#endif
