/*
 * test-manifest-files.c - docs/design.md section 3: the files a manifest
 * makes the router trust: manifests and libraries that others could write
 * are refused, "enabled": false, and how the "library" path is resolved
 * (absolute, relative to the manifest, a bare name in the plugin
 * directory, missing, not a shared object).
 */
#include "config.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

NRT_SUITE("manifest-files", .setup = nrt_fixtures_found);

/* ---- permissions --------------------------------------------------------------------------------- */

static void expect_refused_manifest(mode_t mode, uid_t owner)
{
    nrt_env *env = nrt_env_new();
    const char *path = nrt_write_notifier(env, env->plugins, "n.json", "n", NULL);
    nrt_write_notifier(env, env->plugins, "ok.json", "ok", NULL);
    NRT_EQ_FATAL(chmod(path, mode), 0);
    if (owner != (uid_t)-1)
        NRT_EQ_FATAL(chown(path, owner, (gid_t)-1), 0);
    nr_router *r = nrt_router(env);
    const nr_problem *p = nrt_problem(r, "/n.json");
    NRT_EQ_STR(nrt_plugin_names(env, r), "ok");
    NRT_NOT_NULL_FATAL(p);
    NRT_EQ_STR(p->file, path);
    NRT_TRUE(p->message && *p->message);
    nrt_env_free(env);
}

NRT_TEST(world_writable_manifest_is_refused)
{
    expect_refused_manifest(0666, (uid_t)-1);
}

NRT_TEST(group_writable_manifest_is_refused)
{
    expect_refused_manifest(0664, (uid_t)-1);
}

NRT_TEST(manifest_owned_by_another_user_is_refused)
{
    if (geteuid() != 0)
        return; /* only root can give a file away */
    expect_refused_manifest(0644, 4242);
}

static void expect_refused_library(mode_t mode, uid_t owner)
{
    nrt_env *env = nrt_env_new();
    const char *lib = nrt_copy_fixture(env, "fixture-notifier", env->plugins, "n.so");
    const char *path = nrt_write(env, env->plugins, "n.json", 0644, "%s", nrt_notifier_manifest(env, "n", lib, NULL));
    nrt_write_notifier(env, env->plugins, "ok.json", "ok", NULL);
    NRT_EQ_FATAL(chmod(lib, mode), 0);
    if (owner != (uid_t)-1)
        NRT_EQ_FATAL(chown(lib, owner, (gid_t)-1), 0);
    nr_router *r = nrt_router(env);
    const nr_problem *p = nrt_problem(r, "/n.json");
    NRT_EQ_STR(nrt_plugin_names(env, r), "ok");
    NRT_NOT_NULL_FATAL(p);
    NRT_EQ_STR(p->file, path);
    NRT_EQ(p->stage, NR_STAGE_RESOLVE);
    NRT_EQ_STR(p->plugin, "n");
    NRT_CONTAINS(p->message, lib);
    nrt_env_free(env);
}

NRT_TEST(world_writable_library_is_refused)
{
    expect_refused_library(0757, (uid_t)-1);
}

NRT_TEST(group_writable_library_is_refused)
{
    expect_refused_library(0775, (uid_t)-1);
}

NRT_TEST(library_owned_by_another_user_is_refused)
{
    if (geteuid() != 0)
        return;
    expect_refused_library(0755, 4242);
}

/* ---- enabled, library resolution -------------------------------------------------------------------- */

NRT_TEST(disabled_plugin_is_not_loaded_and_not_a_problem)
{
    nrt_env *env = nrt_env_new();
    nrt_write_notifier(env, env->plugins, "a.json", "a", "\"enabled\": false");
    nrt_write_notifier(env, env->plugins, "b.json", "b", "\"enabled\": true");
    nr_router *r = nrt_router(env);
    NRT_EQ_STR(nrt_plugin_names(env, r), "b");
    NRT_EQ(nr_router_problem_count(r), 0);
    nrt_env_free(env);
}

NRT_TEST(absolute_library_path_is_used_as_is)
{
    nrt_env *env = nrt_env_new();
    const char *libs = nrt_subdir(env, "elsewhere");
    const char *lib = nrt_copy_fixture(env, "fixture-notifier", libs, "abs.so");
    nrt_write(env, env->plugins, "n.json", 0644, "%s", nrt_notifier_manifest(env, "n", lib, NULL));
    nr_router *r = nrt_router(env);
    nr_plugin_info info;
    NRT_EQ(nr_router_plugin_count(r), 1);
    NRT_EQ_CODE(nr_router_plugin_info(r, 0, &info), WN_SUCCESS);
    NRT_EQ_STR(info.library, lib);
    nrt_env_free(env);
}

NRT_TEST(relative_library_path_is_relative_to_the_manifest_directory)
{
    nrt_env *env = nrt_env_new();
    const char *libs = nrt_subdir(env, "libs");
    const char *cwd_dir = nrt_subdir(env, "cwd");
    char *old = getcwd(NULL, 0);
    nrt_copy_fixture(env, "fixture-notifier", libs, "rel.so");
    nrt_write(env, env->plugins, "n.json", 0644, "%s", nrt_notifier_manifest(env, "n", "../libs/rel.so", NULL));
    NRT_EQ_FATAL(chdir(cwd_dir), 0); /* nothing named ../libs/rel.so from here */
    nr_router *r = nrt_router(env);
    NRT_EQ_FATAL(chdir(old), 0);
    free(old);
    nr_plugin_info info;
    NRT_EQ(nr_router_plugin_count(r), 1);
    NRT_EQ_CODE(nr_router_plugin_info(r, 0, &info), WN_SUCCESS);
    char *real = realpath(info.library, NULL);
    char *want = realpath(nrt_printf(env, "%s/rel.so", libs), NULL);
    NRT_EQ_STR(real, want);
    free(real);
    free(want);
    nrt_env_free(env);
}

NRT_TEST(relative_library_path_ignores_the_working_directory)
{
    nrt_env *env = nrt_env_new();
    const char *cwd_dir = nrt_subdir(env, "cwd");
    const char *sub = nrt_printf(env, "%s/sub", cwd_dir);
    char *old = getcwd(NULL, 0);
    NRT_EQ_FATAL(mkdir(sub, 0755), 0);
    nrt_copy_fixture(env, "fixture-notifier", sub, "only-in-cwd.so");
    nrt_write(env, env->plugins, "n.json", 0644, "%s", nrt_notifier_manifest(env, "n", "sub/only-in-cwd.so", NULL));
    NRT_EQ_FATAL(chdir(cwd_dir), 0);
    nr_router *r = nrt_router(env);
    NRT_EQ_FATAL(chdir(old), 0);
    free(old);
    const nr_problem *p = nrt_problem(r, "/n.json");
    NRT_EQ(nr_router_plugin_count(r), 0);
    NRT_NOT_NULL_FATAL(p);
    NRT_EQ(p->stage, NR_STAGE_RESOLVE);
    NRT_CONTAINS(p->message, env->plugins);
    nrt_env_free(env);
}

NRT_TEST(bare_library_name_is_looked_up_in_the_plugin_directory)
{
    nrt_env *env = nrt_env_new();
    /* a file of that name next to the manifest must not be used */
    nrt_copy_fixture(env, "fixture-notifier", env->plugins, "nrtest-bare-name-fixture.so");
    nrt_write(env, env->plugins, "n.json", 0644, "%s",
              nrt_notifier_manifest(env, "n", "nrtest-bare-name-fixture.so", NULL));
    nr_router *r = nrt_router(env);
    const nr_problem *p = nrt_problem(r, "/n.json");
    NRT_EQ(nr_router_plugin_count(r), 0);
    NRT_NOT_NULL_FATAL(p);
    NRT_EQ(p->stage, NR_STAGE_RESOLVE);
    NRT_EQ_STR(p->field, "library");
    NRT_CONTAINS(p->message, NR_PLUGINDIR);
    nrt_env_free(env);
}

NRT_TEST(missing_library_is_a_resolve_problem)
{
    nrt_env *env = nrt_env_new();
    const char *lib = nrt_printf(env, "%s/absent.so", env->dir);
    nrt_write(env, env->plugins, "n.json", 0644, "%s", nrt_notifier_manifest(env, "n", lib, NULL));
    nr_router *r = nrt_router(env);
    const nr_problem *p = nrt_problem(r, "/n.json");
    NRT_NOT_NULL_FATAL(p);
    NRT_EQ(p->stage, NR_STAGE_RESOLVE);
    NRT_EQ_STR(p->plugin, "n");
    NRT_CONTAINS(p->message, lib);
    nrt_env_free(env);
}

NRT_TEST(library_that_is_not_a_shared_object_is_a_load_problem)
{
    nrt_env *env = nrt_env_new();
    const char *lib = nrt_write(env, env->plugins, "junk.so", 0644, "this is not an ELF file\n");
    nrt_write(env, env->plugins, "n.json", 0644, "%s", nrt_notifier_manifest(env, "n", lib, NULL));
    nr_router *r = nrt_router(env);
    const nr_problem *p = nrt_problem(r, "/n.json");
    NRT_NOT_NULL_FATAL(p);
    NRT_EQ(p->stage, NR_STAGE_LOAD);
    NRT_EQ_STR(p->plugin, "n");
    NRT_CONTAINS(p->message, lib);
    NRT_NOT_CONTAINS(p->message, "/proc/self/fd");
    nrt_env_free(env);
}
