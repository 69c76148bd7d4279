/*
 * test-manifest-path.c - docs/design.md section 3: the plugin search path,
 * where an empty file or a link to /dev/null masks the same name later in
 * the path, an earlier directory shadows a later one, only *.json files are
 * manifests, an entry may name one manifest, and NETROUTER_PLUGIN_PATH is
 * the default.
 */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include "testutil.h"

NRT_SUITE("manifest-path", .setup = nrt_fixtures_found);

/* ---- search path ----------------------------------------------------------------------------- */

/* d1/file is a mask (an empty file, or a symlink to /dev/null); d2 holds
 * file ("masked") and y.json ("visible"): only "visible" loads, and a mask
 * is no problem. */
static void check_mask_hides_the_later_file(const char *file, bool symlink_to_null)
{
    nrt_env *env = nrt_env_new();
    const char *d1 = nrt_subdir(env, "d1"), *d2 = nrt_subdir(env, "d2");
    if (symlink_to_null) {
        NRT_EQ_FATAL(symlink("/dev/null", nrt_printf(env, "%s/%s", d1, file)), 0);
    } else {
        nrt_write(env, d1, file, 0644, "%s", "");
    }
    nrt_write_notifier(env, d2, file, "masked", NULL);
    nrt_write_notifier(env, d2, "y.json", "visible", NULL);
    env->path[0] = d1;
    env->path[1] = d2;
    nr_router *r = nrt_router(env);
    NRT_EQ_STR(nrt_plugin_names(env, r), "visible");
    NRT_EQ(nr_router_problem_count(r), 0);
    nrt_env_free(env);
}

NRT_TEST(empty_file_masks_a_later_directory)
{
    check_mask_hides_the_later_file("x.json", false);
}

NRT_TEST(symlink_to_dev_null_masks_a_later_directory)
{
    check_mask_hides_the_later_file("x.json", true);
}

/* File names are bytes, not necessarily UTF-8. */
NRT_TEST(empty_file_masks_a_later_one_whose_name_is_not_utf8)
{
    check_mask_hides_the_later_file("caf\xe9.json", false);
}

NRT_TEST(earlier_directory_wins_for_the_same_file_name)
{
    nrt_env *env = nrt_env_new();
    const char *d1 = nrt_subdir(env, "d1"), *d2 = nrt_subdir(env, "d2");
    nrt_write_notifier(env, d1, "x.json", "first", NULL);
    nrt_write_notifier(env, d2, "x.json", "second", NULL);
    env->path[0] = d1;
    env->path[1] = d2;
    nr_router *r = nrt_router(env);
    NRT_EQ_STR(nrt_plugin_names(env, r), "first");
    nrt_env_free(env);
}

NRT_TEST(later_directory_cannot_shadow_an_earlier_one)
{
    /* the later directory's file of the same name is broken: it is never even read */
    nrt_env *env = nrt_env_new();
    const char *d1 = nrt_subdir(env, "d1"), *d2 = nrt_subdir(env, "d2");
    nrt_write_notifier(env, d1, "x.json", "first", NULL);
    nrt_write(env, d2, "x.json", 0644, "not json at all");
    env->path[0] = d1;
    env->path[1] = d2;
    nr_router *r = nrt_router(env);
    NRT_EQ_STR(nrt_plugin_names(env, r), "first");
    NRT_EQ(nr_router_problem_count(r), 0);
    nrt_env_free(env);
}

NRT_TEST(manifests_of_every_directory_are_loaded)
{
    nrt_env *env = nrt_env_new();
    const char *d1 = nrt_subdir(env, "d1"), *d2 = nrt_subdir(env, "d2");
    nrt_write_notifier(env, d1, "a.json", "a", "\"order\": 1");
    nrt_write_notifier(env, d2, "b.json", "b", "\"order\": 2");
    env->path[0] = d1;
    env->path[1] = d2;
    nr_router *r = nrt_router(env);
    NRT_EQ_STR(nrt_plugin_names(env, r), "a b");
    nrt_env_free(env);
}

NRT_TEST(only_json_files_are_manifests)
{
    nrt_env *env = nrt_env_new();
    nrt_write_notifier(env, env->plugins, "a.json", "a", NULL);
    nrt_write(env, env->plugins, "README", 0644, "not a manifest");
    nrt_write(env, env->plugins, "b.json.disabled", 0644, "not a manifest");
    nr_router *r = nrt_router(env);
    NRT_EQ_STR(nrt_plugin_names(env, r), "a");
    NRT_EQ(nr_router_problem_count(r), 0);
    nrt_env_free(env);
}

NRT_TEST(plugin_path_may_name_a_manifest_file)
{
    nrt_env *env = nrt_env_new();
    const char *d = nrt_subdir(env, "d");
    const char *file = nrt_write_notifier(env, d, "a.json", "a", NULL);
    nrt_write_notifier(env, d, "b.json", "b", NULL);
    env->path[0] = file;
    nr_router *r = nrt_router(env);
    NRT_EQ_STR(nrt_plugin_names(env, r), "a");
    nrt_env_free(env);
}

NRT_TEST(netrouter_plugin_path_is_the_default_search_path)
{
    nrt_env *env = nrt_env_new();
    const char *d1 = nrt_subdir(env, "d1"), *d2 = nrt_subdir(env, "d2");
    nrt_write_notifier(env, d1, "a.json", "a", "\"order\": 1");
    nrt_write_notifier(env, d2, "b.json", "b", "\"order\": 2");
    setenv("NETROUTER_PLUGIN_PATH", nrt_printf(env, "%s:%s", d1, d2), 1);
    env->cfg.plugin_path = NULL;
    nr_router *r = nrt_router(env);
    unsetenv("NETROUTER_PLUGIN_PATH");
    NRT_EQ_STR(nrt_plugin_names(env, r), "a b");
    nrt_env_free(env);
}
