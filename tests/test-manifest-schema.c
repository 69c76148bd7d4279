/*
 * test-manifest-schema.c - docs/design.md section 3: parsing a manifest and
 * checking it against the schema (syntax errors with their position,
 * unknown and misspelt keys, types, ranges, required keys and values), and
 * duplicate plugin names.  Every manifest error class has its own test.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "testutil.h"

NRT_SUITE("manifest-schema", .setup = nrt_fixtures_found);

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
    nr_router *r = nrt_router(env);
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
    nr_router *r = nrt_router(env);
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
    nr_router *r = nrt_router(env);
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
    nr_router *r = nrt_router(env);
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
    nr_router *r = nrt_router(env);
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
    nr_router *r = nrt_router(env);
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
    nr_router *r = nrt_router(env);
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
    nr_router *r = nrt_router(env);
    NRT_EQ_STR(nrt_plugin_names(env, r), "low high");
    NRT_EQ(nr_router_problem_count(r), 0);
    nrt_env_free(env);
}

NRT_TEST(x_keys_are_free)
{
    nrt_env *env = nrt_env_new();
    nrt_write_notifier(env, env->plugins, "n.json", "n", "\"x-site\": {\"anything\": [1]}, \"x-note\": 1");
    nr_router *r = nrt_router(env);
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
    nrt_write_notifier(env, env->plugins, "n.json", "audit", "\"typo\": 1");
    nr_router *r = nrt_router(env);
    const nr_problem *p = nrt_problem(r, "/n.json");
    NRT_NOT_NULL_FATAL(p);
    NRT_EQ_STR(p->plugin, "audit");
    nrt_env_free(env);
}

NRT_TEST(duplicate_plugin_names_keep_the_first)
{
    nrt_env *env = nrt_env_new();
    nrt_write_notifier(env, env->plugins, "a.json", "dup", "\"order\": 20");
    const char *lib2 = nrt_copy_fixture(env, "fixture-notifier", env->plugins, "dup2.so");
    const char *second =
        nrt_write(env, env->plugins, "b.json", 0644, "%s", nrt_notifier_manifest(env, "dup", lib2, "\"order\": 10"));
    nr_router *r = nrt_router(env);
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
    const char *lib1 = nrt_copy_fixture(env, "fixture-notifier", env->plugins, "dup1.so");
    const char *first =
        nrt_write(env, d, "a.json", 0644, "%s", nrt_notifier_manifest(env, "dup", lib1, "\"order\": 20"));
    const char *lib2 = nrt_copy_fixture(env, "fixture-notifier", env->plugins, "dup2.so");
    nrt_write(env, d, "b.json", 0644, "%s", nrt_notifier_manifest(env, "dup", lib2, "\"order\": 10"));
    env->path[0] = d;
    nr_router *r = nrt_router(env);
    const nr_problem *p = nrt_problem(r, "/b.json");
    NRT_EQ(nr_router_plugin_count(r), 1);
    NRT_NOT_NULL_FATAL(p);
    NRT_CONTAINS(p->message, first);
    nrt_env_free(env);
}
