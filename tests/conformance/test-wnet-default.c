/*
 * test-wnet-default.c - the default router of the WNet functions: made on
 * first use from the environment, as the netrouter command makes its own
 * (NETROUTER_PLUGIN_PATH, NETROUTER_STATE_DIR), once however many threads
 * ask for it at the same time.  One program of its own: a process has one
 * default router.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>

#include "wnet-test.h"

NRT_SUITE("wnet-default", .setup = nrt_fixtures_found);

#define THREADS 8

static void *get_router(void *arg)
{
    (void)arg;
    return nr_wnet_get_router();
}

NRT_TEST(the_default_router_is_made_once_from_the_environment)
{
    nrt_env *env = nrt_env_new();
    pthread_t t[THREADS];
    void *got[THREADS];
    char buf[64];
    DWORD len = sizeof buf;
    NETRESOURCEA res = wnt_res("/mnt/d", "fx:d");
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_provider(env, "p1", 10, NULL, NULL);
    setenv("NETROUTER_PLUGIN_PATH", env->plugins, 1);
    setenv("NETROUTER_STATE_DIR", env->state, 1);
    for (int i = 0; i < THREADS; i++)
        NRT_EQ_FATAL(pthread_create(&t[i], NULL, get_router, NULL), 0);
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], &got[i]);
    NRT_NOT_NULL_FATAL(got[0]);
    for (int i = 1; i < THREADS; i++)
        NRT_EQ_PTR(got[i], got[0]);
    NRT_EQ(nr_router_plugin_count(got[0]), 2);
    NRT_EQ_CODE(WNetAddConnection2A(&res, NULL, NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, ""), "n1 add pre | p1 NPAddConnection3 | n1 add post");
    NRT_EQ_CODE(WNetGetConnectionA("/mnt/d", buf, &len), WN_SUCCESS);
    NRT_EQ_STR(buf, "fx:d");
    NRT_EQ_STR(nrt_remembered(env, got[0]), "/mnt/d=fx:d@p1"); /* in NETROUTER_STATE_DIR */
    NRT_EQ_CODE(WNetCancelConnection2A("/mnt/d", CONNECT_UPDATE_PROFILE, FALSE), WN_SUCCESS);
    nrt_env_free(env);
}
