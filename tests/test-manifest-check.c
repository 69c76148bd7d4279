/*
 * test-manifest-check.c - docs/design.md section 3: nr_check_manifest(),
 * which judges one manifest as the router would (syntax, schema, missing
 * entry points, unsafe permissions) without running the plugin's init.
 */
#include "config.h"

#include <stdio.h>
#include <sys/stat.h>

#include "testutil.h"

NRT_SUITE("manifest-check", .setup = nrt_fixtures_found);

/* ---- nr_check_manifest ------------------------------------------------------------------------------------------- */

typedef struct collected {
    int n;
    nr_stage stage;
    int line, column;
    char field[64];
    char message[1024];
} collected;

static void collect(void *user, const nr_problem *p)
{
    collected *c = user;
    if (c->n++ == 0) {
        c->stage = p->stage;
        c->line = p->line;
        c->column = p->column;
        snprintf(c->field, sizeof c->field, "%s", p->field ? p->field : "");
        snprintf(c->message, sizeof c->message, "%s", p->message ? p->message : "");
    }
}

NRT_TEST(check_manifest_accepts_a_good_manifest)
{
    nrt_env *env = nrt_env_new();
    const char *m = nrt_notifier(env, "a", 10, NULL, NULL);
    collected c = { 0 };
    NRT_EQ(nr_check_manifest(m, collect, &c), 0);
    NRT_EQ(c.n, 0);
    nrt_env_free(env);
}

NRT_TEST(check_manifest_reports_a_syntax_error_with_position)
{
    nrt_env *env = nrt_env_new();
    const char *m = nrt_write(env, env->plugins, "bad.json", 0644, "{\n  \"name\": \"x\"\n  \"kind\": 1\n}\n");
    collected c = { 0 };
    NRT_EQ(nr_check_manifest(m, collect, &c), 1);
    NRT_EQ(c.n, 1);
    NRT_EQ(c.stage, NR_STAGE_PARSE);
    NRT_EQ(c.line, 3);
    NRT_GT(c.column, 0);
    nrt_env_free(env);
}

NRT_TEST(check_manifest_reports_a_schema_error_naming_the_key)
{
    nrt_env *env = nrt_env_new();
    const char *m = nrt_write_notifier(env, env->plugins, "n.json", "n", "\"threading\": 3");
    collected c = { 0 };
    NRT_EQ(nr_check_manifest(m, collect, &c), 1);
    NRT_EQ(c.stage, NR_STAGE_SCHEMA);
    NRT_EQ_STR(c.field, "threading");
    NRT_CONTAINS(c.message, "threading");
    nrt_env_free(env);
}

NRT_TEST(check_manifest_reports_a_missing_symbol)
{
    nrt_env *env = nrt_env_new();
    const char *m = nrt_plugin(env, "provider", "p", 10, "broken-noadd3", NULL, NULL);
    collected c = { 0 };
    NRT_EQ(nr_check_manifest(m, collect, &c), 1);
    NRT_EQ(c.stage, NR_STAGE_SYMBOL);
    NRT_CONTAINS(c.message, "NPAddConnection3");
    nrt_env_free(env);
}

NRT_TEST(check_manifest_does_not_run_init)
{
    nrt_env *env = nrt_env_new();
    const char *m = nrt_notifier(env, "a", 10, NULL, "\"lifecycle\": true, \"init_refuse\": 5");
    NRT_EQ(nr_check_manifest(m, NULL, NULL), 0);
    NRT_EQ_STR(nrt_records(env), "");
    nrt_env_free(env);
}

NRT_TEST(check_manifest_refuses_unsafe_permissions)
{
    nrt_env *env = nrt_env_new();
    const char *m = nrt_notifier(env, "a", 10, NULL, NULL);
    NRT_EQ_FATAL(chmod(m, 0666), 0);
    NRT_EQ(nr_check_manifest(m, NULL, NULL), 1);
    nrt_env_free(env);
}
