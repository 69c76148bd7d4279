/*
 * test-threads.c - docs/design.md section 4, rule 7: a router shared by several
 * threads, "threading": "serialized" plugins never entered twice at once,
 * no router lock held while a plugin runs, and a plugin calling back into
 * the router getting ERROR_POSSIBLE_DEADLOCK at once.
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

NRT_SUITE("threads", .setup = nrt_fixtures_found);

#define THREADS 6
#define ROUNDS 15

typedef struct worker {
    nr_router *r;
    pthread_barrier_t *start;
    int id;
    DWORD add_flags, cancel_flags;
    int failures;
    DWORD first_failure;
} worker;

/* Each worker adds and cancels its own connections ROUNDS times. */
static void *add_cancel(void *arg)
{
    worker *w = arg;
    pthread_barrier_wait(w->start);
    for (int i = 0; i < ROUNDS; i++) {
        char local[64], remote[64];
        snprintf(local, sizeof local, "/mnt/t%d-%d", w->id, i);
        snprintf(remote, sizeof remote, "fx:t%d-%d", w->id, i);
        NETRESOURCE res = nrt_res(local, remote);
        DWORD rc = nr_add_connection(w->r, NULL, &res, NULL, NULL, w->add_flags);
        if (rc == WN_SUCCESS && w->cancel_flags != 0xFFFFFFFFu)
            rc = nr_cancel_connection(w->r, local, w->cancel_flags, FALSE);
        if (rc != WN_SUCCESS && !w->failures++)
            w->first_failure = rc;
    }
    return NULL;
}

/* Runs THREADS workers on r; returns the number of failed operations. */
static int run_workers(nr_router *r, DWORD add_flags, DWORD cancel_flags, DWORD *first_failure)
{
    pthread_t th[THREADS];
    worker w[THREADS];
    pthread_barrier_t start;
    int failures = 0;
    pthread_barrier_init(&start, NULL, THREADS);
    for (int i = 0; i < THREADS; i++) {
        w[i] = (worker){ .r = r, .start = &start, .id = i, .add_flags = add_flags, .cancel_flags = cancel_flags };
        if (pthread_create(&th[i], NULL, add_cancel, &w[i]) != 0) {
            fprintf(stderr, "pthread_create failed\n");
            exit(99);
        }
    }
    for (int i = 0; i < THREADS; i++) {
        pthread_join(th[i], NULL);
        if (w[i].failures && !failures && first_failure)
            *first_failure = w[i].first_failure;
        failures += w[i].failures;
    }
    pthread_barrier_destroy(&start);
    return failures;
}

/* Highest conc=N recorded by plugin name. */
static int max_concurrency(nrt_env *env, const char *name)
{
    int best = 0, n = nrt_count(env, name);
    for (int i = 0; i < n; i++) {
        const char *v = nrt_value(env, name, i, "conc");
        if (v && atoi(v) > best)
            best = atoi(v);
    }
    return best;
}

NRT_TEST(concurrent_adds_and_cancels_all_succeed)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, "\"threading\": \"concurrent\"", NULL);
    nrt_provider(env, "pa", 10, "\"threading\": \"concurrent\"", NULL);
    nr_router *r = nrt_router(env);
    DWORD first = 0;
    NRT_EQ(run_workers(r, 0, 0, &first), 0);
    NRT_EQ_CODE(first, WN_SUCCESS);
    NRT_EQ(nrt_count(env, "pa NPAddConnection3 ret=0"), THREADS * ROUNDS);
    NRT_EQ(nrt_count(env, "pa NPCancelConnection ret=0"), THREADS * ROUNDS);
    NRT_EQ(nrt_count(env, "n1 add post status=0"), THREADS * ROUNDS);
    NRT_EQ(nrt_count(env, "n1 cancel post status=0"), THREADS * ROUNDS);
    nr_enum *e = NULL;
    const NETRESOURCE *res;
    NRT_EQ_CODE(nr_enum_open(r, RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, NULL, &e), WN_SUCCESS);
    NRT_EQ_CODE(nr_enum_next(e, &res), WN_NO_MORE_ENTRIES);
    nr_enum_close(e);
    nrt_env_free(env);
}

NRT_TEST(concurrent_persistent_adds_are_all_remembered)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, "\"threading\": \"concurrent\"", NULL);
    nr_router *r = nrt_router(env);
    DWORD first = 0;
    NRT_EQ(run_workers(r, CONNECT_UPDATE_PROFILE, 0xFFFFFFFFu, &first), 0);
    NRT_EQ_CODE(first, WN_SUCCESS);
    nr_enum *e = NULL;
    const NETRESOURCE *res;
    int n = 0;
    NRT_EQ_CODE(nr_enum_open(r, RESOURCE_REMEMBERED, RESOURCETYPE_ANY, 0, NULL, &e), WN_SUCCESS);
    while (e && nr_enum_next(e, &res) == WN_SUCCESS)
        n++;
    nr_enum_close(e);
    NRT_EQ(n, THREADS * ROUNDS);
    nrt_env_free(env);
}

NRT_TEST(concurrent_forgets_leave_an_empty_store)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, "\"threading\": \"concurrent\"", NULL);
    nr_router *r = nrt_router(env);
    DWORD first = 0;
    NRT_EQ(run_workers(r, CONNECT_UPDATE_PROFILE, CONNECT_UPDATE_PROFILE, &first), 0);
    NRT_EQ_CODE(first, WN_SUCCESS);
    nr_enum *e = NULL;
    const NETRESOURCE *res;
    NRT_EQ_CODE(nr_enum_open(r, RESOURCE_REMEMBERED, RESOURCETYPE_ANY, 0, NULL, &e), WN_SUCCESS);
    NRT_EQ_CODE(nr_enum_next(e, &res), WN_NO_MORE_ENTRIES);
    nr_enum_close(e);
    nrt_env_free(env);
}

NRT_TEST(serialized_notifier_is_never_entered_by_two_threads)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "ser", 10, "\"threading\": \"serialized\"", "\"sleep_us\": 300");
    nrt_provider(env, "pa", 10, "\"threading\": \"concurrent\"", NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ(run_workers(r, 0, 0, NULL), 0);
    NRT_EQ(nrt_count(env, "ser"), THREADS * ROUNDS * 4);
    NRT_EQ(max_concurrency(env, "ser"), 1);
    nrt_env_free(env);
}

NRT_TEST(serialized_provider_is_never_entered_by_two_threads)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "ser", 10, "\"threading\": \"serialized\"", "\"sleep_us\": 300");
    nr_router *r = nrt_router(env);
    NRT_EQ(run_workers(r, 0, 0, NULL), 0);
    NRT_EQ(max_concurrency(env, "ser"), 1);
    nrt_env_free(env);
}

NRT_TEST(default_threading_serializes_the_plugin)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "dflt", 10, NULL, "\"sleep_us\": 300");
    nrt_provider(env, "pa", 10, "\"threading\": \"concurrent\"", NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ(run_workers(r, 0, 0, NULL), 0);
    NRT_EQ(max_concurrency(env, "dflt"), 1);
    nrt_env_free(env);
}

NRT_TEST(concurrent_plugin_runs_on_several_threads_at_once)
{
    /* shows that no router-wide lock is held while a plugin runs */
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "conc", 10, "\"threading\": \"concurrent\"", "\"sleep_us\": 20000");
    nrt_provider(env, "pa", 10, "\"threading\": \"concurrent\"", NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ(run_workers(r, 0, 0, NULL), 0);
    NRT_GE(max_concurrency(env, "conc"), 2);
    nrt_env_free(env);
}

NRT_TEST(serialized_plugin_does_not_block_other_plugins)
{
    /* a slow serialized notifier and a concurrent provider: the provider is
     * still entered by several threads at once */
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "slow", 10, "\"threading\": \"serialized\"", "\"sleep_us\": 2000, \"ops\": \"cancel\"");
    nrt_provider(env, "pa", 10, "\"threading\": \"concurrent\"", "\"sleep_us\": 20000");
    nr_router *r = nrt_router(env);
    NRT_EQ(run_workers(r, 0, 0, NULL), 0);
    NRT_GE(max_concurrency(env, "pa NPAddConnection3"), 2);
    nrt_env_free(env);
}

/* ---- re-entrancy -------------------------------------------------------------------------------- */

#define ALL_REENTRIES                                                                                      \
    "\"reenter\": [\"nr_get_connection\", \"nr_get_user\", \"nr_add_connection\", \"nr_cancel_connection\", " \
    "\"nr_enum_open\", \"nr_restore_connections\", \"nr_router_new\"]"

static void expect_fast_deadlock_errors(nrt_env *env, const char *who)
{
    const char *fns[] = { "nr_get_connection", "nr_get_user", "nr_add_connection", "nr_cancel_connection",
                          "nr_enum_open", "nr_restore_connections", "nr_router_new" };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
        const char *words = nrt_printf(env, "%s %s", who, fns[i]);
        const char *rc = nrt_value(env, words, 0, "rc"), *us = nrt_value(env, words, 0, "us");
        NRT_EQ_STR(rc ? nrt_printf(env, "%s %s", fns[i], rc) : NULL, nrt_printf(env, "%s 1131", fns[i]));
        NRT_TRUE(us && atol(us) < 500000); /* fast: well under half a second */
    }
}

NRT_TEST(notifier_calling_back_into_the_router_gets_possible_deadlock)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, ALL_REENTRIES);
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NETRESOURCE res = nrt_res("/mnt/a", "fx:a");
    NRT_EQ_CODE(nr_add_connection(r, NULL, &res, NULL, NULL, 0), WN_SUCCESS);
    expect_fast_deadlock_errors(env, "n1");
    /* nothing the call-backs asked for happened */
    NRT_EQ(nrt_count(env, "NPAddConnection3 name=fx:reentered"), 0);
    nrt_env_free(env);
}

NRT_TEST(provider_calling_back_into_the_router_gets_possible_deadlock)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, ALL_REENTRIES);
    nr_router *r = nrt_router(env);
    NETRESOURCE res = nrt_res("/mnt/a", "fx:a");
    NRT_EQ_CODE(nr_add_connection(r, NULL, &res, NULL, NULL, 0), WN_SUCCESS);
    expect_fast_deadlock_errors(env, "pa");
    nrt_env_free(env);
}

NRT_TEST(serialized_plugin_calling_back_does_not_deadlock)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, "\"threading\": \"serialized\"", "\"reenter\": [\"nr_add_connection\"]");
    nrt_provider(env, "pa", 10, "\"threading\": \"serialized\"", NULL);
    nr_router *r = nrt_router(env);
    NETRESOURCE res = nrt_res(NULL, "fx:a");
    NRT_EQ_CODE(nr_add_connection(r, NULL, &res, NULL, NULL, 0), WN_SUCCESS);
    NRT_EQ_STR(nrt_value(env, "n1 nr_add_connection", 0, "rc"), "1131");
    nrt_env_free(env);
}

NRT_TEST(router_works_normally_after_a_refused_call_back)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, "\"reenter\": [\"nr_get_connection\"]");
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NETRESOURCE res = nrt_res("/mnt/a", "fx:a");
    char buf[64] = "";
    DWORD len = sizeof buf;
    NRT_EQ_CODE(nr_add_connection(r, NULL, &res, NULL, NULL, 0), WN_SUCCESS);
    NRT_EQ_CODE(nr_get_connection(r, "/mnt/a", buf, &len), WN_SUCCESS);
    NRT_EQ_STR(buf, "fx:a");
    nrt_env_free(env);
}

NRT_TEST(router_new_from_inside_a_plugin_gets_possible_deadlock)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, "\"reenter\": [\"nr_router_new\"]");
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NETRESOURCE res = nrt_res(NULL, "fx:a");
    NRT_EQ_CODE(nr_add_connection(r, NULL, &res, NULL, NULL, 0), WN_SUCCESS);
    NRT_EQ_STR(nrt_value(env, "n1 nr_router_new", 0, "rc"), "1131");
    nrt_env_free(env);
}
