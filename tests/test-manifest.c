/*
 * test-manifest.c - DESIGN.md section 3: manifest parsing and schema, the
 * search path with masking and shadowing, library resolution, file
 * permissions, enabled/critical/abi_version, ordering, and
 * nr_check_manifest().  Every manifest error class has its own test.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

NRT_SUITE("manifest", .setup = nrt_fixtures_found);

/* A complete, valid manifest body for a copy of fixture-notifier at lib. */
static const char *manifest_text(nrt_env *env, const char *name, const char *lib, const char *extra)
{
    return nrt_printf(env,
                      "{\n  \"manifest_version\": 1,\n  \"name\": \"%s\",\n  \"kind\": \"notifier\",\n"
                      "  \"library\": \"%s\"%s%s\n}\n",
                      name, lib, extra ? ",\n  " : "", extra ? extra : "");
}

/* Writes dir/file with a manifest for a fresh fixture-notifier copy. */
static const char *write_notifier(nrt_env *env, const char *dir, const char *file, const char *name, const char *extra)
{
    const char *lib = nrt_copy_fixture(env, "fixture-notifier", dir, nrt_printf(env, "%s.so", name));
    return nrt_write(env, dir, file, 0644, "%s", manifest_text(env, name, lib, extra));
}

/* Router over env->plugins; asserts it was created. */
static nr_router *load(nrt_env *env)
{
    return nrt_router(env);
}

/* body with every "@LIB@" replaced by lib */
static const char *with_lib(nrt_env *env, const char *body, const char *lib)
{
    const char *at = strstr(body, "@LIB@");
    if (!at)
        return body;
    return with_lib(env, nrt_printf(env, "%.*s%s%s", (int)(at - body), body, lib, at + 5), lib);
}

/* A manifest body (with @LIB@ for the library) must give one schema problem naming field. */
static void expect_schema_problem(const char *body, const char *field)
{
    nrt_env *env = nrt_env_new();
    const char *lib = nrt_copy_fixture(env, "fixture-notifier", env->plugins, "n.so");
    const char *path = nrt_write(env, env->plugins, "n.json", 0644, "%s", with_lib(env, body, lib));
    nr_router *r = load(env);
    const nr_problem *p = nrt_problem(r, "/n.json");
    NRT_EQ(nr_router_plugin_count(r), 0);
    NRT_NOT_NULL_FATAL(p);
    NRT_EQ(p->stage, NR_STAGE_SCHEMA);
    NRT_EQ_STR(p->file, path);
    NRT_EQ_STR(p->field, field);
    NRT_CONTAINS(p->message, field);
    nrt_env_free(env);
}

/* ---- parse and schema ------------------------------------------------------------------ */

NRT_TEST(syntax_error_reports_line_and_column)
{
    nrt_env *env = nrt_env_new();
    const char *path = nrt_write(env, env->plugins, "bad.json", 0644,
                                 "{\n  \"manifest_version\": 1,\n  \"name\": ,\n  \"kind\": \"notifier\"\n}\n");
    nr_router *r = load(env);
    const nr_problem *p = nrt_problem(r, "/bad.json");
    NRT_NOT_NULL_FATAL(p);
    NRT_EQ(p->stage, NR_STAGE_PARSE);
    NRT_EQ_STR(p->file, path);
    NRT_EQ(p->line, 3);
    NRT_TRUE(p->column >= 10 && p->column <= 12);
    NRT_TRUE(p->message && *p->message);
    nrt_env_free(env);
}

NRT_TEST(duplicate_key_is_a_parse_error)
{
    nrt_env *env = nrt_env_new();
    const char *lib = nrt_copy_fixture(env, "fixture-notifier", env->plugins, "n.so");
    nrt_write(env, env->plugins, "n.json", 0644,
              "{\"manifest_version\": 1, \"name\": \"n\", \"name\": \"m\", \"kind\": \"notifier\", \"library\": \"%s\"}",
              lib);
    nr_router *r = load(env);
    const nr_problem *p = nrt_problem(r, "/n.json");
    NRT_NOT_NULL_FATAL(p);
    NRT_EQ(p->stage, NR_STAGE_PARSE);
    NRT_EQ(p->line, 1);
    NRT_EQ(nr_router_plugin_count(r), 0);
    nrt_env_free(env);
}

NRT_TEST(manifest_that_is_not_an_object_is_refused)
{
    nrt_env *env = nrt_env_new();
    nrt_write(env, env->plugins, "n.json", 0644, "[1, 2]\n");
    nr_router *r = load(env);
    const nr_problem *p = nrt_problem(r, "/n.json");
    NRT_NOT_NULL_FATAL(p);
    NRT_TRUE(p->stage == NR_STAGE_SCHEMA || p->stage == NR_STAGE_PARSE);
    nrt_env_free(env);
}

/* jansson skips a NUL byte after a number ("1\0,"), so such a file parsed,
 * while the key positions, found in the text as a C string, stopped at the
 * NUL.  JSON text never holds a NUL: it is a parse problem at its place.
 * (Found by tests/fuzz/fuzz-manifest.) */
NRT_TEST(nul_byte_in_a_manifest_is_a_parse_error_at_its_position)
{
    nrt_env *env = nrt_env_new();
    const char *lib = nrt_copy_fixture(env, "fixture-notifier", env->plugins, "n.so");
    const char *text = nrt_printf(env, "{\n  \"manifest_version\": 1@,\n  \"name\": \"n\", \"kind\": \"notifier\", "
                                       "\"library\": \"%s\"\n}\n", lib);
    const char *path = nrt_write(env, env->plugins, "n.json", 0600, "%s", text);
    FILE *f = fopen(path, "r+");
    NRT_NOT_NULL_FATAL(f);
    NRT_TRUE(fseek(f, strchr(text, '@') - text, SEEK_SET) == 0 && fputc('\0', f) == 0 && fclose(f) == 0);
    nr_router *r = load(env);
    const nr_problem *p = nrt_problem(r, "/n.json");
    NRT_EQ(nr_router_plugin_count(r), 0);
    NRT_NOT_NULL_FATAL(p);
    NRT_EQ(p->stage, NR_STAGE_PARSE);
    NRT_EQ(p->line, 2);
    NRT_EQ(p->column, 24);
    NRT_CONTAINS(p->message, "NUL");
    nrt_env_free(env);
}

NRT_TEST(unknown_key_is_named)
{
    expect_schema_problem("{\"manifest_version\": 1, \"name\": \"n\", \"kind\": \"notifier\", \"library\": \"@LIB@\", "
                          "\"ordr\": 5}",
                          "ordr");
}

NRT_TEST(unknown_key_suggests_the_nearest_known_one)
{
    nrt_env *env = nrt_env_new();
    nrt_write(env, env->plugins, "n.json", 0644,
              "{\"manifest_version\": 1, \"name\": \"n\", \"kind\": \"notifier\", \"libary\": \"n.so\"}");
    nr_router *r = load(env);
    const nr_problem *p = nrt_problem(r, "/n.json");
    NRT_NOT_NULL_FATAL(p);
    NRT_EQ_STR(p->field, "libary");
    NRT_CONTAINS(p->message, "did you mean \"library\"?");
    nrt_env_free(env);
}

NRT_TEST(unknown_key_far_from_every_known_one_suggests_nothing)
{
    nrt_env *env = nrt_env_new();
    const char *lib = nrt_copy_fixture(env, "fixture-notifier", env->plugins, "n.so");
    nrt_write(env, env->plugins, "n.json", 0644,
              "{\"manifest_version\": 1, \"name\": \"n\", \"kind\": \"notifier\", \"library\": \"%s\", "
              "\"zzzzzz\": 1}", lib);
    nr_router *r = load(env);
    const nr_problem *p = nrt_problem(r, "/n.json");
    NRT_NOT_NULL_FATAL(p);
    NRT_EQ_STR(p->field, "zzzzzz");
    NRT_NOT_CONTAINS(p->message, "did you mean");
    nrt_env_free(env);
}

/* 4294967297 is 2^32 + 1: narrowed to an int it was 1, silently. */
NRT_TEST(integers_out_of_range_are_refused_not_truncated)
{
    expect_schema_problem("{\"manifest_version\": 1, \"name\": \"n\", \"kind\": \"notifier\", \"library\": \"@LIB@\", "
                          "\"order\": 4294967297}",
                          "order");
    expect_schema_problem("{\"manifest_version\": 1, \"name\": \"n\", \"kind\": \"notifier\", \"library\": \"@LIB@\", "
                          "\"order\": -4294967296}",
                          "order");
    expect_schema_problem("{\"manifest_version\": 1, \"name\": \"n\", \"kind\": \"notifier\", \"library\": \"@LIB@\", "
                          "\"abi_version\": 4294967297}",
                          "abi_version");
    expect_schema_problem("{\"manifest_version\": 4294967297, \"name\": \"n\", \"kind\": \"notifier\", "
                          "\"library\": \"@LIB@\"}",
                          "manifest_version");
}

/* Beyond 64 bits jansson cannot read the number at all, a syntax error to
 * it; for a key of the manifest it is still a value out of range. */
NRT_TEST(integers_beyond_64_bits_are_schema_problems_naming_the_key)
{
    expect_schema_problem("{\"manifest_version\": 1, \"name\": \"n\", \"kind\": \"notifier\", \"library\": \"@LIB@\", "
                          "\"order\": 99999999999999999999}",
                          "order");
    expect_schema_problem("{\"manifest_version\": 1, \"name\": \"n\", \"kind\": \"notifier\", \"library\": \"@LIB@\", "
                          "\n  \"abi_version\" :\n  -99999999999999999999 }",
                          "abi_version");
    expect_schema_problem("{\"manifest_version\": 18446744073709551617, \"name\": \"n\", \"kind\": \"notifier\", "
                          "\"library\": \"@LIB@\"}",
                          "manifest_version");
}

NRT_TEST(order_at_the_ends_of_its_range_is_accepted)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "low", -1000000, NULL, NULL);
    nrt_notifier(env, "high", 1000000, NULL, NULL);
    nr_router *r = load(env);
    NRT_EQ_STR(nrt_plugin_names(env, r), "low high");
    NRT_EQ(nr_router_problem_count(r), 0);
    nrt_env_free(env);
}

NRT_TEST(x_keys_are_free)
{
    nrt_env *env = nrt_env_new();
    write_notifier(env, env->plugins, "n.json", "n", "\"x-site\": {\"anything\": [1]}, \"x-note\": 1");
    nr_router *r = load(env);
    NRT_EQ_STR(nrt_plugin_names(env, r), "n");
    NRT_EQ(nr_router_problem_count(r), 0);
    nrt_env_free(env);
}

NRT_TEST(wrong_type_is_named)
{
    expect_schema_problem("{\"manifest_version\": 1, \"name\": \"n\", \"kind\": \"notifier\", \"library\": \"@LIB@\", "
                          "\"order\": \"10\"}",
                          "order");
    expect_schema_problem("{\"manifest_version\": 1, \"name\": \"n\", \"kind\": \"notifier\", \"library\": \"@LIB@\", "
                          "\"enabled\": \"yes\"}",
                          "enabled");
    expect_schema_problem("{\"manifest_version\": 1, \"name\": \"n\", \"kind\": \"notifier\", \"library\": \"@LIB@\", "
                          "\"config\": [1]}",
                          "config");
}

NRT_TEST(missing_required_key_is_named)
{
    expect_schema_problem("{\"manifest_version\": 1, \"kind\": \"notifier\", \"library\": \"@LIB@\"}", "name");
    expect_schema_problem("{\"manifest_version\": 1, \"name\": \"n\", \"library\": \"@LIB@\"}", "kind");
    expect_schema_problem("{\"name\": \"n\", \"kind\": \"notifier\", \"library\": \"@LIB@\"}",
                          "manifest_version");
    expect_schema_problem("{\"manifest_version\": 1, \"name\": \"n\", \"kind\": \"notifier\"}", "library");
}

NRT_TEST(bad_kind_value_is_named)
{
    expect_schema_problem("{\"manifest_version\": 1, \"name\": \"n\", \"kind\": \"filter\", \"library\": \"@LIB@\"}",
                          "kind");
}

NRT_TEST(bad_threading_value_is_named)
{
    expect_schema_problem("{\"manifest_version\": 1, \"name\": \"n\", \"kind\": \"notifier\", \"library\": \"@LIB@\", "
                          "\"threading\": \"parallel\"}",
                          "threading");
}

NRT_TEST(owns_is_only_for_providers)
{
    expect_schema_problem("{\"manifest_version\": 1, \"name\": \"n\", \"kind\": \"notifier\", \"library\": \"@LIB@\", "
                          "\"owns\": [\"fx:*\"]}",
                          "owns");
}

NRT_TEST(owns_must_be_an_array_of_strings)
{
    expect_schema_problem("{\"manifest_version\": 1, \"name\": \"n\", \"kind\": \"provider\", \"library\": \"@LIB@\", "
                          "\"owns\": [\"fx:*\", 3]}",
                          "owns");
}

NRT_TEST(unsupported_manifest_version_is_refused)
{
    expect_schema_problem("{\"manifest_version\": 2, \"name\": \"n\", \"kind\": \"notifier\", \"library\": \"@LIB@\"}",
                          "manifest_version");
}

NRT_TEST(schema_problem_names_the_plugin)
{
    nrt_env *env = nrt_env_new();
    write_notifier(env, env->plugins, "n.json", "audit", "\"typo\": 1");
    nr_router *r = load(env);
    const nr_problem *p = nrt_problem(r, "/n.json");
    NRT_NOT_NULL_FATAL(p);
    NRT_EQ_STR(p->plugin, "audit");
    nrt_env_free(env);
}

NRT_TEST(duplicate_plugin_names_keep_the_first)
{
    nrt_env *env = nrt_env_new();
    write_notifier(env, env->plugins, "a.json", "dup", "\"order\": 20");
    const char *second = nrt_write(env, env->plugins, "b.json", 0644, "%s",
                                   manifest_text(env, "dup", nrt_copy_fixture(env, "fixture-notifier", env->plugins,
                                                                             "dup2.so"), "\"order\": 10"));
    nr_router *r = load(env);
    const nr_problem *p = nrt_problem(r, "/b.json");
    nr_plugin_info info;
    NRT_EQ(nr_router_plugin_count(r), 1);
    NRT_EQ_CODE(nr_router_plugin_info(r, 0, &info), WN_SUCCESS);
    NRT_CONTAINS(info.manifest, "/a.json");
    NRT_NOT_NULL_FATAL(p);
    NRT_EQ_STR(p->file, second);
    NRT_EQ_STR(p->plugin, "dup");
    NRT_CONTAINS(p->message, "dup");
    nrt_env_free(env);
}

/* Linux file names are bytes: a directory whose name is not UTF-8 changes
 * nothing, and the second manifest's problem names the first one's path. */
NRT_TEST(duplicate_plugin_names_in_a_directory_whose_name_is_not_utf8)
{
    nrt_env *env = nrt_env_new();
    const char *d = nrt_subdir(env, "caf\xe9"); /* the libraries stay where JSON can name them */
    const char *first = nrt_write(env, d, "a.json", 0644, "%s",
                                  manifest_text(env, "dup", nrt_copy_fixture(env, "fixture-notifier", env->plugins,
                                                                            "dup1.so"), "\"order\": 20"));
    nrt_write(env, d, "b.json", 0644, "%s",
              manifest_text(env, "dup", nrt_copy_fixture(env, "fixture-notifier", env->plugins, "dup2.so"),
                            "\"order\": 10"));
    env->path[0] = d;
    nr_router *r = load(env);
    const nr_problem *p = nrt_problem(r, "/b.json");
    NRT_EQ(nr_router_plugin_count(r), 1);
    NRT_NOT_NULL_FATAL(p);
    NRT_CONTAINS(p->message, first);
    nrt_env_free(env);
}

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
    write_notifier(env, d2, file, "masked", NULL);
    write_notifier(env, d2, "y.json", "visible", NULL);
    env->path[0] = d1;
    env->path[1] = d2;
    nr_router *r = load(env);
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
    write_notifier(env, d1, "x.json", "first", NULL);
    write_notifier(env, d2, "x.json", "second", NULL);
    env->path[0] = d1;
    env->path[1] = d2;
    nr_router *r = load(env);
    NRT_EQ_STR(nrt_plugin_names(env, r), "first");
    nrt_env_free(env);
}

NRT_TEST(later_directory_cannot_shadow_an_earlier_one)
{
    /* the later directory's file of the same name is broken: it is never even read */
    nrt_env *env = nrt_env_new();
    const char *d1 = nrt_subdir(env, "d1"), *d2 = nrt_subdir(env, "d2");
    write_notifier(env, d1, "x.json", "first", NULL);
    nrt_write(env, d2, "x.json", 0644, "not json at all");
    env->path[0] = d1;
    env->path[1] = d2;
    nr_router *r = load(env);
    NRT_EQ_STR(nrt_plugin_names(env, r), "first");
    NRT_EQ(nr_router_problem_count(r), 0);
    nrt_env_free(env);
}

NRT_TEST(manifests_of_every_directory_are_loaded)
{
    nrt_env *env = nrt_env_new();
    const char *d1 = nrt_subdir(env, "d1"), *d2 = nrt_subdir(env, "d2");
    write_notifier(env, d1, "a.json", "a", "\"order\": 1");
    write_notifier(env, d2, "b.json", "b", "\"order\": 2");
    env->path[0] = d1;
    env->path[1] = d2;
    nr_router *r = load(env);
    NRT_EQ_STR(nrt_plugin_names(env, r), "a b");
    nrt_env_free(env);
}

NRT_TEST(only_json_files_are_manifests)
{
    nrt_env *env = nrt_env_new();
    write_notifier(env, env->plugins, "a.json", "a", NULL);
    nrt_write(env, env->plugins, "README", 0644, "not a manifest");
    nrt_write(env, env->plugins, "b.json.disabled", 0644, "not a manifest");
    nr_router *r = load(env);
    NRT_EQ_STR(nrt_plugin_names(env, r), "a");
    NRT_EQ(nr_router_problem_count(r), 0);
    nrt_env_free(env);
}

NRT_TEST(plugin_path_may_name_a_manifest_file)
{
    nrt_env *env = nrt_env_new();
    const char *d = nrt_subdir(env, "d");
    const char *file = write_notifier(env, d, "a.json", "a", NULL);
    write_notifier(env, d, "b.json", "b", NULL);
    env->path[0] = file;
    nr_router *r = load(env);
    NRT_EQ_STR(nrt_plugin_names(env, r), "a");
    nrt_env_free(env);
}

NRT_TEST(netrouter_plugin_path_is_the_default_search_path)
{
    nrt_env *env = nrt_env_new();
    const char *d1 = nrt_subdir(env, "d1"), *d2 = nrt_subdir(env, "d2");
    write_notifier(env, d1, "a.json", "a", "\"order\": 1");
    write_notifier(env, d2, "b.json", "b", "\"order\": 2");
    setenv("NETROUTER_PLUGIN_PATH", nrt_printf(env, "%s:%s", d1, d2), 1);
    env->cfg.plugin_path = NULL;
    nr_router *r = load(env);
    unsetenv("NETROUTER_PLUGIN_PATH");
    NRT_EQ_STR(nrt_plugin_names(env, r), "a b");
    nrt_env_free(env);
}

/* ---- permissions --------------------------------------------------------------------------------- */

static void expect_refused_manifest(mode_t mode, uid_t owner)
{
    nrt_env *env = nrt_env_new();
    const char *path = write_notifier(env, env->plugins, "n.json", "n", NULL);
    write_notifier(env, env->plugins, "ok.json", "ok", NULL);
    NRT_EQ_FATAL(chmod(path, mode), 0);
    if (owner != (uid_t)-1)
        NRT_EQ_FATAL(chown(path, owner, (gid_t)-1), 0);
    nr_router *r = load(env);
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
    const char *path = nrt_write(env, env->plugins, "n.json", 0644, "%s", manifest_text(env, "n", lib, NULL));
    write_notifier(env, env->plugins, "ok.json", "ok", NULL);
    NRT_EQ_FATAL(chmod(lib, mode), 0);
    if (owner != (uid_t)-1)
        NRT_EQ_FATAL(chown(lib, owner, (gid_t)-1), 0);
    nr_router *r = load(env);
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
    write_notifier(env, env->plugins, "a.json", "a", "\"enabled\": false");
    write_notifier(env, env->plugins, "b.json", "b", "\"enabled\": true");
    nr_router *r = load(env);
    NRT_EQ_STR(nrt_plugin_names(env, r), "b");
    NRT_EQ(nr_router_problem_count(r), 0);
    nrt_env_free(env);
}

NRT_TEST(absolute_library_path_is_used_as_is)
{
    nrt_env *env = nrt_env_new();
    const char *libs = nrt_subdir(env, "elsewhere");
    const char *lib = nrt_copy_fixture(env, "fixture-notifier", libs, "abs.so");
    nrt_write(env, env->plugins, "n.json", 0644, "%s", manifest_text(env, "n", lib, NULL));
    nr_router *r = load(env);
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
    nrt_write(env, env->plugins, "n.json", 0644, "%s", manifest_text(env, "n", "../libs/rel.so", NULL));
    NRT_EQ_FATAL(chdir(cwd_dir), 0); /* nothing named ../libs/rel.so from here */
    nr_router *r = load(env);
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
    nrt_write(env, env->plugins, "n.json", 0644, "%s", manifest_text(env, "n", "sub/only-in-cwd.so", NULL));
    NRT_EQ_FATAL(chdir(cwd_dir), 0);
    nr_router *r = load(env);
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
    nrt_write(env, env->plugins, "n.json", 0644, "%s", manifest_text(env, "n", "nrtest-bare-name-fixture.so", NULL));
    nr_router *r = load(env);
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
    nrt_write(env, env->plugins, "n.json", 0644, "%s", manifest_text(env, "n", lib, NULL));
    nr_router *r = load(env);
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
    nrt_write(env, env->plugins, "n.json", 0644, "%s", manifest_text(env, "n", lib, NULL));
    nr_router *r = load(env);
    const nr_problem *p = nrt_problem(r, "/n.json");
    NRT_NOT_NULL_FATAL(p);
    NRT_EQ(p->stage, NR_STAGE_LOAD);
    NRT_EQ_STR(p->plugin, "n");
    NRT_CONTAINS(p->message, lib);
    NRT_NOT_CONTAINS(p->message, "/proc/self/fd");
    nrt_env_free(env);
}

/* ---- abi_version, critical ---------------------------------------------------------------------------- */

NRT_TEST(abi_version_mismatch_is_refused_before_loading)
{
    nrt_env *env = nrt_env_new();
    const char *mark = nrt_printf(env, "%s/ctor.mark", env->dir);
    const char *lib = nrt_copy_fixture(env, "fixture-abi", env->plugins, "abi.so");
    nrt_write(env, env->plugins, "n.json", 0644, "%s", manifest_text(env, "n", lib, "\"abi_version\": 2"));
    setenv("NR_FIXTURE_CTOR_MARK", mark, 1);
    nr_router *r = load(env);
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
    nrt_write(env, env->plugins, "n.json", 0644, "%s", manifest_text(env, "n", lib, NULL));
    setenv("NR_FIXTURE_CTOR_MARK", mark, 1);
    nr_router *r = load(env);
    unsetenv("NR_FIXTURE_CTOR_MARK");
    NRT_EQ(nr_router_plugin_count(r), 0); /* refused by NrPluginGetAbiVersion instead */
    NRT_EQ(access(mark, F_OK), 0);
    nrt_env_free(env);
}

NRT_TEST(matching_abi_version_loads)
{
    nrt_env *env = nrt_env_new();
    write_notifier(env, env->plugins, "n.json", "n", "\"abi_version\": 1");
    nr_router *r = load(env);
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
              manifest_text(env, "audit", nrt_printf(env, "%s/absent.so", env->dir), "\"critical\": true"));
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
    nr_router *r = load(env);
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
    nr_router *r = load(env);
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
    nr_router *r = load(env);
    NRT_EQ_STR(nrt_plugin_names(env, r), "z c a b y");
    nrt_env_free(env);
}

NRT_TEST(one_bad_plugin_does_not_stop_the_others)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "a", 10, NULL, NULL);
    nrt_write(env, env->plugins, "b.json", 0644, "{ broken");
    nrt_write(env, env->plugins, "c.json", 0644, "%s", manifest_text(env, "c", "/nonexistent/c.so", NULL));
    nrt_plugin(env, "provider", "d", 10, "broken-nocaps", NULL, NULL);
    nrt_notifier(env, "e", 10, NULL, "\"init_refuse\": 1222");
    nrt_provider(env, "f", 20, NULL, NULL);
    nr_router *r = load(env);
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
    nr_router *r = load(env);
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
    nr_router *r = load(env);
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
    const char *m = write_notifier(env, env->plugins, "n.json", "n", "\"threading\": 3");
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
