/*
 * test-policy-plugin.c - the built policy notifier (nr-policy.so) in a real
 * router with a fixture provider: a denial is WN_CANCEL with the rule as
 * extended error and no provider called, a cancel is denied the same way,
 * an edit of the rules applies to the next operation of the same router, a
 * broken rule file is a warning through the router's log, a bad config
 * refuses the plugin and (it is critical) the router, and many threads
 * decide at once while the rules change.
 */
#include "config.h"

#include <pthread.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

NRT_SUITE("policy-plugin", .setup = nrt_fixtures_found);

/* Copies the built notifier into env's plugin directory and registers it
 * with config (JSON object members, without braces); returns the rules
 * directory it reads (env->dir/policy.d). */
static const char *policy_plugin(nrt_env *env, const char *config)
{
    const char *built = nrt_built(env, "notifiers/policy/.libs/nr-policy.so");
    const char *text = nrt_slurp(env, built);
    FILE *f;
    char *lib = (char *)nrt_printf(env, "%s/policy.so", env->plugins);
    const char *dir = nrt_subdir(env, "policy.d");
    size_t size;

    NRT_NOT_NULL_FATAL(text);
    /* nrt_slurp() reads text; the library is binary, so copy it with stdio */
    FILE *in = fopen(built, "rb");
    NRT_NOT_NULL_FATAL(in);
    f = fopen(lib, "wb");
    NRT_NOT_NULL_FATAL(f);
    char buf[65536];
    while ((size = fread(buf, 1, sizeof buf, in)) > 0)
        NRT_EQ_FATAL(fwrite(buf, 1, size, f), size);
    fclose(in);
    NRT_EQ_FATAL(fclose(f), 0);
    NRT_EQ_FATAL(chmod(lib, 0644), 0);
    nrt_write(env, env->plugins, "policy.json", 0644,
              "{ \"manifest_version\": 1, \"name\": \"policy\", \"kind\": \"notifier\", \"library\": \"%s\",\n"
              "  \"order\": 20, \"critical\": true, \"threading\": \"concurrent\",\n"
              "  \"config\": { \"dir\": \"%s\"%s%s } }\n",
              lib, dir, config ? ", " : "", config ? config : "");
    return dir;
}

static DWORD add(nr_router *r, const char *remote)
{
    NETRESOURCE res = nrt_res(NULL, remote);
    return nr_add_connection(r, NULL, &res, NULL, NULL, 0);
}

NRT_TEST(a_denial_vetoes_with_wn_cancel_and_names_the_rule)
{
    nrt_env *env = nrt_env_new();
    const char *dir = policy_plugin(env, NULL);
    nrt_write(env, dir, "10-x.json", 0644,
              "{ \"rules\": [\n  { \"effect\": \"deny\", \"remote\": \"fx:secret*\", \"comment\": \"no\" } ] }");
    nrt_provider(env, "p1", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "fx:secret"), WN_CANCEL);
    NRT_EQ_STR(nrt_last_error_text(env), nrt_printf(env, "denied by policy rule %s/10-x.json:2 (no)", dir));
    NRT_EQ_STR(nrt_last_error_provider(env), "policy");
    NRT_EQ(nrt_count(env, "NPAddConnection3"), 0);
    NRT_EQ_CODE(add(r, "fx:open"), WN_SUCCESS);
    NRT_EQ(nrt_count(env, "NPAddConnection3"), 1);
    nrt_env_free(env);
}

NRT_TEST(a_cancel_is_denied_by_its_name)
{
    nrt_env *env = nrt_env_new();
    const char *dir = policy_plugin(env, NULL);
    nrt_write(env, dir, "10-x.json", 0644,
              "{ \"rules\": [ { \"effect\": \"deny\", \"operations\": [\"cancel\"], \"local\": \"/mnt/*\" } ] }");
    nrt_provider(env, "p1", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(nr_cancel_connection(r, "/mnt/a", 0, FALSE), WN_CANCEL);
    NRT_CONTAINS(nrt_last_error_text(env), "/10-x.json:1");
    NRT_EQ(nrt_count(env, "NPCancelConnection"), 0);
    nrt_env_free(env);
}

NRT_TEST(an_edit_of_the_rules_applies_to_the_next_operation)
{
    nrt_env *env = nrt_env_new();
    const char *dir = policy_plugin(env, NULL);
    nrt_provider(env, "p1", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "fx:a"), WN_SUCCESS);
    nrt_write(env, dir, "10-x.json", 0644, "{ \"default\": \"deny\" }");
    NRT_EQ_CODE(add(r, "fx:a"), WN_CANCEL);
    NRT_CONTAINS(nrt_last_error_text(env), "denied by the policy default of");
    nrt_write(env, dir, "05-x.json", 0644, "{ \"rules\": [ { \"effect\": \"allow\" } ] }");
    NRT_EQ_CODE(add(r, "fx:a"), WN_SUCCESS);
    NRT_EQ_FATAL(unlink(nrt_printf(env, "%s/05-x.json", dir)), 0);
    NRT_EQ_CODE(add(r, "fx:a"), WN_CANCEL);
    nrt_env_free(env);
}

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static char log_text[4096];

static void capture(void *user, DWORD level, const char *plugin, const char *message)
{
    (void)user;
    pthread_mutex_lock(&log_lock);
    size_t at = strlen(log_text);
    snprintf(log_text + at, sizeof log_text - at, "%u %s: %s\n", (unsigned)level, plugin ? plugin : "-", message);
    pthread_mutex_unlock(&log_lock);
}

NRT_TEST(a_broken_rule_file_is_a_warning_and_the_others_apply)
{
    nrt_env *env = nrt_env_new();
    const char *dir = policy_plugin(env, "\"test_time\": \"23:00\"");
    nrt_write(env, dir, "10-x.json", 0644, "{ \"rules\": [ { \"effect\": \"deny\", \"hours\": \"22:00-06:00\" } ] }");
    nrt_write(env, dir, "20-y.json", 0644, "{ \"rules\": [ { \"effect\": \"allow\",\n  \"users\": [] } ] }");
    nrt_provider(env, "p1", 10, NULL, NULL);
    log_text[0] = '\0';
    env->cfg.log = capture;
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "fx:a"), WN_CANCEL); /* 23:00, by the manifest's test_time */
    NRT_CONTAINS(log_text, nrt_printf(env, "4 policy: %s/20-y.json:2:3: rules[0].users: must name at least one user", dir));
    NRT_CONTAINS(log_text, "; the file is skipped");
    nrt_env_free(env);
}

NRT_TEST(a_bad_config_refuses_the_critical_plugin_and_the_router)
{
    nrt_env *env = nrt_env_new();
    nr_router *r = NULL;
    policy_plugin(env, "\"dirr\": \"/x\"");
    nrt_provider(env, "p1", 10, NULL, NULL);
    NRT_EQ_CODE(nrt_router_try(env, &r), ERROR_DLL_INIT_FAILED);
    NRT_NULL(r);
    NRT_CONTAINS(nrt_last_error_text(env), "unknown key \"dirr\"");
    nrt_env_free(env);
}

typedef struct worker {
    nr_router *r;
    int id, bad;
} worker;

static void *run(void *arg)
{
    worker *w = arg;
    char remote[64], text[512];
    for (int i = 0; i < 100; i++) {
        snprintf(remote, sizeof remote, "fx:t%d-%d", w->id, i);
        DWORD rc = add(w->r, remote);
        if (rc == WN_CANCEL) {
            nr_get_last_error(NULL, text, sizeof text, NULL, 0);
            if (!strstr(text, "denied by policy rule")) {
                w->bad++;
                fprintf(stderr, "cancel: %s\n", text);
            }
        } else if (rc != WN_BAD_NETNAME) {
            w->bad++;
            nr_get_last_error(NULL, text, sizeof text, NULL, 0);
            fprintf(stderr, "%u: %s\n", (unsigned)rc, text);
        }
    }
    return NULL;
}

NRT_TEST(many_threads_decide_at_once_while_the_rules_change)
{
    nrt_env *env = nrt_env_new();
    const char *dir = policy_plugin(env, NULL);
    /* A provider that takes none of these names: an allowed add ends in
     * WN_BAD_NETNAME, without filling the fixture's connection table. */
    nrt_provider(env, "p1", 10, "\"threading\": \"concurrent\"", "\"prefix\": \"zz:\"");
    nr_router *r = nrt_router(env);
    enum { THREADS = 8 };
    pthread_t th[THREADS];
    worker w[THREADS];
    for (int i = 0; i < THREADS; i++) {
        w[i] = (worker){ r, i, 0 };
        NRT_EQ_FATAL(pthread_create(&th[i], NULL, run, &w[i]), 0);
    }
    for (int i = 0; i < 50; i++)
        nrt_write(env, dir, "10-x.json", 0644, "{ \"rules\": [ { \"effect\": \"%s\", \"remote\": \"fx:t*\" } ] }",
                  i % 2 ? "allow" : "deny");
    for (int i = 0; i < THREADS; i++) {
        pthread_join(th[i], NULL);
        NRT_EQ(w[i].bad, 0);
    }
    nrt_env_free(env);
}
