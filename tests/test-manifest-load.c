/*
 * test-manifest-load.c - docs/design.md section 3: what a manifest says
 * about loading its plugin: "abi_version" checked before the library runs,
 * "critical" failing the router (unless ignored), "order" and names ordering
 * the plugins, one bad plugin not stopping the others, the default
 * "threading", and nr_router_plugin_info() describing the manifest.
 */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include "testutil.h"

NRT_SUITE("manifest-load", .setup = nrt_fixtures_found);

/* ---- abi_version, critical ---------------------------------------------------------------------------- */

NRT_TEST(abi_version_mismatch_is_refused_before_loading)
{
    nrt_env *env = nrt_env_new();
    const char *mark = nrt_printf(env, "%s/ctor.mark", env->dir);
    const char *lib = nrt_copy_fixture(env, "fixture-abi", env->plugins, "abi.so");
    nrt_write(env, env->plugins, "n.json", 0644, "%s", nrt_notifier_manifest(env, "n", lib, "\"abi_version\": 2"));
    setenv("NR_FIXTURE_CTOR_MARK", mark, 1);
    nr_router *r = nrt_router(env);
    unsetenv("NR_FIXTURE_CTOR_MARK");
    const nr_problem *p = nrt_problem(r, "/n.json");
    NRT_EQ(nr_router_plugin_count(r), 0);
    NRT_NOT_NULL_FATAL(p);
    NRT_EQ(p->stage, NR_STAGE_NEGOTIATE);
    NRT_CONTAINS(p->message, "2");
    NRT_NE(access(mark, F_OK), 0); /* its constructor never ran */
    nrt_env_free(env);
}

NRT_TEST(library_constructor_runs_when_abi_version_is_absent)
{
    /* the control for the test above: the fixture's constructor does mark */
    nrt_env *env = nrt_env_new();
    const char *mark = nrt_printf(env, "%s/ctor.mark", env->dir);
    const char *lib = nrt_copy_fixture(env, "fixture-abi", env->plugins, "abi.so");
    nrt_write(env, env->plugins, "n.json", 0644, "%s", nrt_notifier_manifest(env, "n", lib, NULL));
    setenv("NR_FIXTURE_CTOR_MARK", mark, 1);
    nr_router *r = nrt_router(env);
    unsetenv("NR_FIXTURE_CTOR_MARK");
    NRT_EQ(nr_router_plugin_count(r), 0); /* refused by NrPluginGetAbiVersion instead */
    NRT_EQ(access(mark, F_OK), 0);
    nrt_env_free(env);
}

NRT_TEST(matching_abi_version_loads)
{
    nrt_env *env = nrt_env_new();
    nrt_write_notifier(env, env->plugins, "n.json", "n", "\"abi_version\": 1");
    nr_router *r = nrt_router(env);
    NRT_EQ_STR(nrt_plugin_names(env, r), "n");
    nrt_env_free(env);
}

NRT_TEST(critical_plugin_failure_fails_the_router)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "audit", 10, "\"critical\": true", "\"init_refuse\": 5");
    nrt_notifier(env, "other", 20, NULL, NULL);
    nr_router *r = (nr_router *)&r;
    NRT_EQ_CODE(nrt_router_try(env, &r), ERROR_DLL_INIT_FAILED);
    NRT_NULL(r);
    NRT_CONTAINS(nrt_last_error_text(env), "audit");
    nrt_env_free(env);
}

NRT_TEST(critical_plugin_with_missing_library_fails_the_router)
{
    nrt_env *env = nrt_env_new();
    nrt_write(env, env->plugins, "n.json", 0644, "%s",
              nrt_notifier_manifest(env, "audit", nrt_printf(env, "%s/absent.so", env->dir), "\"critical\": true"));
    nr_router *r = (nr_router *)&r;
    NRT_EQ_CODE(nrt_router_try(env, &r), ERROR_DLL_INIT_FAILED);
    NRT_NULL(r);
    NRT_CONTAINS(nrt_last_error_text(env), "audit");
    if (r && r != (nr_router *)&r)
        nr_router_free(r);
    nrt_env_free(env);
}

NRT_TEST(critical_failure_is_ignored_with_ignore_critical)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "audit", 10, "\"critical\": true", "\"init_refuse\": 5");
    nrt_notifier(env, "other", 20, NULL, NULL);
    env->cfg.flags = NR_ROUTER_IGNORE_CRITICAL;
    nr_router *r = nrt_router(env);
    const nr_problem *p = nrt_problem(r, "/audit.json");
    NRT_EQ_STR(nrt_plugin_names(env, r), "other");
    NRT_NOT_NULL_FATAL(p);
    NRT_EQ(p->stage, NR_STAGE_INIT);
    nrt_env_free(env);
}

NRT_TEST(non_critical_failure_does_not_fail_the_router)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "audit", 10, "\"critical\": false", "\"init_refuse\": 5");
    nrt_notifier(env, "other", 20, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_STR(nrt_plugin_names(env, r), "other");
    NRT_EQ(nr_router_problem_count(r), 1);
    nrt_env_free(env);
}

/* ---- order, robustness, information ------------------------------------------------------------------------- */

NRT_TEST(plugins_are_ordered_by_order_then_name)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "c", 5, NULL, NULL);
    nrt_notifier(env, "b", 10, NULL, NULL);
    nrt_provider(env, "a", 10, NULL, NULL);
    nrt_notifier(env, "z", -3, NULL, NULL);
    nrt_provider(env, "y", 1000000, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_STR(nrt_plugin_names(env, r), "z c a b y");
    nrt_env_free(env);
}

NRT_TEST(one_bad_plugin_does_not_stop_the_others)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "a", 10, NULL, NULL);
    nrt_write(env, env->plugins, "b.json", 0644, "{ broken");
    nrt_write(env, env->plugins, "c.json", 0644, "%s", nrt_notifier_manifest(env, "c", "/nonexistent/c.so", NULL));
    nrt_plugin(env, "provider", "d", 10, "broken-nocaps", NULL, NULL);
    nrt_notifier(env, "e", 10, NULL, "\"init_refuse\": 1222");
    nrt_provider(env, "f", 20, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_STR(nrt_plugin_names(env, r), "a f");
    NRT_EQ(nr_router_problem_count(r), 4);
    nrt_env_free(env);
}

NRT_TEST(threading_defaults_to_serialized)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "a", 10, NULL, NULL);
    nrt_notifier(env, "b", 20, "\"threading\": \"concurrent\"", NULL);
    nrt_notifier(env, "c", 30, "\"threading\": \"serialized\"", NULL);
    nr_router *r = nrt_router(env);
    nr_plugin_info info;
    NRT_EQ(nr_router_plugin_count(r), 3);
    NRT_EQ_CODE(nr_router_plugin_info(r, 0, &info), WN_SUCCESS);
    NRT_EQ(info.serialized, 1);
    NRT_EQ_CODE(nr_router_plugin_info(r, 1, &info), WN_SUCCESS);
    NRT_EQ(info.serialized, 0);
    NRT_EQ_CODE(nr_router_plugin_info(r, 2, &info), WN_SUCCESS);
    NRT_EQ(info.serialized, 1);
    nrt_env_free(env);
}

NRT_TEST(plugin_info_describes_the_manifest)
{
    nrt_env *env = nrt_env_new();
    const char *m = nrt_plugin(env, "provider", "prov", 42, "fixture-provider",
                               "\"description\": \"A test provider\", \"critical\": true", NULL);
    nr_router *r = nrt_router(env);
    nr_plugin_info info;
    NRT_EQ_CODE(nr_router_plugin_info(r, 0, &info), WN_SUCCESS);
    NRT_EQ_STR(info.name, "prov");
    NRT_EQ(info.kind, NR_PLUGIN_PROVIDER);
    NRT_EQ_STR(info.manifest, m);
    NRT_EQ_STR(info.library, nrt_printf(env, "%s/prov.so", env->plugins));
    NRT_EQ_STR(info.description, "A test provider");
    NRT_EQ(info.order, 42);
    NRT_EQ(info.critical, 1);
    NRT_EQ(info.net_type, 0x00FE0000);
    NRT_TRUE(info.caps_connection & WNNC_CON_ADDCONNECTION3);
    NRT_TRUE(info.caps_enumeration & WNNC_ENUM_LOCAL);
    NRT_EQ_CODE(nr_router_plugin_info(r, 1, &info), WN_BAD_VALUE);
    nrt_env_free(env);
}
