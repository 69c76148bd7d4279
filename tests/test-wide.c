/*
 * test-wide.c - docs/design.md section 2: wide (UNICODE) plugins through
 * the public API.  Plugins written as on Windows (tests/fixtures/wide-*.c,
 * built with UNICODE) are loaded by manifest next to UTF-8 ones; the router
 * hands them wide strings and gives the application UTF-8, with the
 * application's buffer rules (sizes in bytes).  The entry points the
 * public API does not reach (NPGetUniversalName, NPGetResourceInformation)
 * and the thunks' own buffer rules are test-wide-boundary.c's.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

NRT_SUITE("wide", .setup = nrt_fixtures_found);

/* The wide notifier reports what it saw through pfnLog: kept here. */
static char g_log[8192];

static void capture(void *user, DWORD level, const char *plugin, const char *message)
{
    size_t at = strlen(g_log);
    (void)user;
    (void)level;
    snprintf(g_log + at, sizeof g_log - at, "%s: %s\n", plugin ? plugin : "router", message);
}

/* A router of the plugins registered so far, its log captured. */
static nr_router *router(nrt_env *env)
{
    g_log[0] = '\0';
    env->cfg.log = capture;
    return nrt_router(env);
}

static DWORD add(nr_router *r, const char *local, const char *remote, const char *password, const char *user)
{
    NETRESOURCE res = nrt_res(local, remote);
    return nr_add_connection(r, NULL, &res, password, user, 0);
}

/* The UTF-8 of the names the tests use. */
#define ATHENS "wide:/\xce\x95\xce\xbb\xce\xbb\xce\xac\xce\xb4\xce\xb1/\xce\xba\xce\xbf\xce\xb9\xce\xbd\xcf\x8c"
#define ATHENS_ESCAPED "wide:/\\u0395\\u03bb\\u03bb\\u03ac\\u03b4\\u03b1/\\u03ba\\u03bf\\u03b9\\u03bd\\u03cc"
#define ZURICH "wide:/Z\xc3\xbcrich/Dateien"
#define DONNEES "/mnt/donn\xc3\xa9""es"
#define WIDE_PROVIDER "w\xc3\xaf""de"      /* "wïde", the manifest name */

/* ---- loading -------------------------------------------------------------------------------- */

NRT_TEST(each_plugin_reports_its_character_set)
{
    nrt_env *env = nrt_env_new();
    nr_plugin_info info;
    nrt_plugin(env, "notifier", "wn", 10, "wide-notifier", NULL, NULL);
    nrt_notifier(env, "nn", 20, NULL, NULL);
    nrt_plugin(env, "provider", WIDE_PROVIDER, 10, "wide-provider", NULL, NULL);
    nrt_provider(env, "np", 20, NULL, NULL);
    nr_router *r = router(env);
    NRT_EQ_FATAL(nr_router_problem_count(r), 0);
    NRT_EQ(nr_router_plugin_info(r, (size_t)nrt_plugin_index(r, "wn"), &info), WN_SUCCESS);
    NRT_EQ(info.charset, NR_PLUGIN_CHARSET_WIDE);
    NRT_EQ(nr_router_plugin_info(r, (size_t)nrt_plugin_index(r, WIDE_PROVIDER), &info), WN_SUCCESS);
    NRT_EQ(info.charset, NR_PLUGIN_CHARSET_WIDE);
    NRT_EQ(nr_router_plugin_info(r, (size_t)nrt_plugin_index(r, "nn"), &info), WN_SUCCESS);
    NRT_EQ(info.charset, NR_PLUGIN_CHARSET_UTF8);
    NRT_EQ(nr_router_plugin_info(r, (size_t)nrt_plugin_index(r, "np"), &info), WN_SUCCESS);
    NRT_EQ(info.charset, NR_PLUGIN_CHARSET_UTF8);
    nrt_env_free(env);
}

NRT_TEST(a_utf8_plugin_linking_a_unicode_library_stays_utf8)
{
    /* dlsym() also finds the weak NrPluginCharset of a library the plugin
     * links; only the plugin's own object says what the plugin is. */
    nrt_env *env = nrt_env_new();
    nr_plugin_info info;
    nrt_plugin(env, "notifier", "helped", 10, "utf8-with-wide-helper", NULL, NULL);
    nrt_provider(env, "np", 20, NULL, NULL);
    nr_router *r = router(env);
    NRT_EQ_FATAL(nr_router_problem_count(r), 0);
    NRT_EQ(nr_router_plugin_info(r, (size_t)nrt_plugin_index(r, "helped"), &info), WN_SUCCESS);
    NRT_EQ(info.charset, NR_PLUGIN_CHARSET_UTF8);
    NETRESOURCEA res = nrt_res(NULL, "fx:please-veto-this");
    NRT_EQ_CODE(nr_add_connection(r, NULL, &res, NULL, NULL, 0), WN_CANCEL);
    res = nrt_res(NULL, "fx:fine");
    NRT_EQ_CODE(nr_add_connection(r, NULL, &res, NULL, NULL, 0), WN_SUCCESS);
    nrt_env_free(env);
}

NRT_TEST(unknown_charset_value_is_refused_with_a_problem_naming_it)
{
    nrt_env *env = nrt_env_new();
    const char *m = nrt_plugin(env, "notifier", "odd", 10, "wide-badcharset", NULL, NULL);
    nrt_provider(env, "good", 20, NULL, NULL);
    nr_router *r = router(env);
    NRT_EQ_STR(nrt_plugin_names(env, r), "good");
    NRT_EQ_FATAL(nr_router_problem_count(r), 1);
    const nr_problem *p = nrt_problem(r, "/odd.json");
    NRT_NOT_NULL_FATAL(p);
    NRT_EQ_STR(p->file, m);
    NRT_EQ_STR(p->plugin, "odd");
    NRT_EQ(p->stage, NR_STAGE_NEGOTIATE);
    NRT_CONTAINS(p->message, "NrPluginCharset = 7");
    NRT_CONTAINS(p->message, "/odd.so");
    nrt_env_free(env);
}

NRT_TEST(check_manifest_refuses_an_unknown_charset_too)
{
    nrt_env *env = nrt_env_new();
    const char *m = nrt_plugin(env, "notifier", "odd", 10, "wide-badcharset", NULL, NULL);
    NRT_EQ(nr_check_manifest(m, NULL, NULL), 1);
    nrt_env_free(env);
}

/* ---- notifiers ------------------------------------------------------------------------------ */

NRT_TEST(wide_notifier_vetoes_by_a_wide_match_on_a_non_ascii_name)
{
    nrt_env *env = nrt_env_new();
    nrt_plugin(env, "notifier", "wn", 10, "wide-notifier", NULL, NULL);
    nrt_plugin(env, "provider", WIDE_PROVIDER, 10, "wide-provider", NULL, NULL);
    nr_router *r = router(env);
    char remote[256];
    DWORD len = sizeof remote;
    NRT_EQ_CODE(add(r, "/mnt/z", ZURICH, NULL, NULL), WN_ACCESS_DENIED);
    NRT_EQ_CODE(nr_get_connection(r, "/mnt/z", remote, &len), WN_NOT_CONNECTED); /* no provider ran */
    NRT_EQ_CODE(add(r, "/mnt/z", "wide:/Zurich/Dateien", NULL, NULL), WN_SUCCESS); /* "u" is not "ü" */
    nrt_env_free(env);
}

NRT_TEST(wide_notifier_gets_its_context_back_and_converted_names_in_post)
{
    nrt_env *env = nrt_env_new();
    nrt_plugin(env, "notifier", "wn", 10, "wide-notifier", NULL, NULL);
    nrt_plugin(env, "provider", WIDE_PROVIDER, 10, "wide-provider", NULL, NULL);
    nr_router *r = router(env);
    NRT_EQ_CODE(add(r, DONNEES, ATHENS, NULL, NULL), WN_SUCCESS);
    NRT_CONTAINS(g_log, "wn: add post status=0 context=same name=" ATHENS_ESCAPED " provider=w\\u00efde\n");
    NRT_EQ_CODE(nr_cancel_connection(r, DONNEES, 0, FALSE), WN_SUCCESS);
    NRT_CONTAINS(g_log, "wn: cancel post status=0 context=same name=/mnt/donn\\u00e9es provider=w\\u00efde\n");
    nrt_env_free(env);
}

NRT_TEST(wide_notifier_vetoes_a_cancel_by_a_wide_match)
{
    nrt_env *env = nrt_env_new();
    nrt_plugin(env, "notifier", "wn", 10, "wide-notifier", NULL, NULL);
    nrt_plugin(env, "provider", WIDE_PROVIDER, 10, "wide-provider", NULL, NULL);
    nr_router *r = router(env);
    NRT_EQ_CODE(add(r, "/mnt/verrouill\xc3\xa9", ATHENS, NULL, NULL), WN_SUCCESS);
    NRT_EQ_CODE(nr_cancel_connection(r, "/mnt/verrouill\xc3\xa9", 0, FALSE), WN_ACCESS_DENIED);
    NRT_EQ_CODE(nr_cancel_connection(r, ATHENS, 0, FALSE), WN_SUCCESS);
    nrt_env_free(env);
}

NRT_TEST(wide_notifier_cannot_be_given_a_name_that_is_not_utf8)
{
    nrt_env *env = nrt_env_new();
    nrt_plugin(env, "notifier", "wn", 10, "wide-notifier", NULL, NULL);
    nrt_plugin(env, "provider", WIDE_PROVIDER, 10, "wide-provider", NULL, NULL);
    nr_router *r = router(env);
    NRT_EQ_CODE(nr_cancel_connection(r, "/mnt/\xff", 0, FALSE), WN_BAD_VALUE);
    NRT_CONTAINS(nrt_last_error_text(env), "not valid UTF-8");
    NRT_CONTAINS(nrt_last_error_text(env), "'wn'");
    nrt_env_free(env);
}

/* ---- providers ------------------------------------------------------------------------------- */

NRT_TEST(wide_provider_gets_non_ascii_password_and_user)
{
    nrt_env *env = nrt_env_new();
    nrt_plugin(env, "provider", WIDE_PROVIDER, 10, "wide-provider", NULL, NULL);
    nr_router *r = router(env);
    char user[64];
    DWORD len = sizeof user;
    NRT_EQ_CODE(add(r, "/mnt/a", ATHENS, "sesame", NULL), WN_BAD_PASSWORD);
    NRT_EQ_CODE(add(r, "/mnt/a", ATHENS, "s\xc3\xa9same", "Fran\xc3\xa7oise"), WN_SUCCESS);
    NRT_EQ_CODE(nr_get_user(r, "/mnt/a", user, &len), WN_SUCCESS);
    NRT_EQ_STR(user, "Fran\xc3\xa7oise");
    nrt_env_free(env);
}

NRT_TEST(get_connection_gives_the_wide_answer_in_utf8)
{
    nrt_env *env = nrt_env_new();
    nrt_plugin(env, "provider", WIDE_PROVIDER, 10, "wide-provider", NULL, NULL);
    nr_router *r = router(env);
    char remote[256];
    DWORD len = sizeof remote;
    NRT_EQ_CODE(add(r, DONNEES, ATHENS, NULL, NULL), WN_SUCCESS);
    NRT_EQ_CODE(nr_get_connection(r, DONNEES, remote, &len), WN_SUCCESS);
    NRT_EQ_STR(remote, ATHENS);
    nrt_env_free(env);
}

NRT_TEST(get_connection_too_small_asks_for_utf8_bytes_not_characters)
{
    nrt_env *env = nrt_env_new();
    nrt_plugin(env, "provider", WIDE_PROVIDER, 10, "wide-provider", NULL, NULL);
    nr_router *r = router(env);
    char remote[256];
    DWORD len;
    NRT_EQ_CODE(add(r, DONNEES, ATHENS, NULL, NULL), WN_SUCCESS);
    /* 18 characters, 29 bytes: room for the characters is not enough */
    len = 19;
    NRT_EQ_CODE(nr_get_connection(r, DONNEES, remote, &len), WN_MORE_DATA);
    NRT_EQ(len, strlen(ATHENS) + 1);
    len = 5; /* the plugin itself answers WN_MORE_DATA, in characters */
    NRT_EQ_CODE(nr_get_connection(r, DONNEES, remote, &len), WN_MORE_DATA);
    NRT_EQ(len, strlen(ATHENS) + 1);
    len = 0;
    NRT_EQ_CODE(nr_get_connection(r, DONNEES, NULL, &len), WN_MORE_DATA);
    NRT_EQ(len, strlen(ATHENS) + 1);
    len = (DWORD)strlen(ATHENS);
    NRT_EQ_CODE(nr_get_connection(r, DONNEES, remote, &len), WN_MORE_DATA);
    NRT_EQ(len, strlen(ATHENS) + 1);
    NRT_EQ_CODE(nr_get_connection(r, DONNEES, remote, &len), WN_SUCCESS);
    NRT_EQ_STR(remote, ATHENS);
    nrt_env_free(env);
}

NRT_TEST(get_connection_leaves_the_size_alone_on_other_errors)
{
    nrt_env *env = nrt_env_new();
    nrt_plugin(env, "provider", WIDE_PROVIDER, 10, "wide-provider", NULL, NULL);
    nr_router *r = router(env);
    char remote[8];
    DWORD len = 3;
    NRT_EQ_CODE(nr_get_connection(r, "/mnt/nothing", remote, &len), WN_NOT_CONNECTED);
    NRT_EQ(len, 3);
    nrt_env_free(env);
}

NRT_TEST(text_a_wide_provider_returns_that_is_not_unicode_is_an_error)
{
    nrt_env *env = nrt_env_new();
    nrt_plugin(env, "provider", WIDE_PROVIDER, 10, "wide-provider", NULL, NULL);
    nr_router *r = router(env);
    char remote[256];
    DWORD len = sizeof remote;
    NRT_EQ_CODE(add(r, "/mnt/s", "wide:surrogate", NULL, NULL), WN_SUCCESS);
    NRT_EQ_CODE(nr_get_connection(r, "/mnt/s", remote, &len), ERROR_NO_UNICODE_TRANSLATION);
    NRT_EQ(len, sizeof remote);
    NRT_CONTAINS(nrt_last_error_text(env), "wide plugin '" WIDE_PROVIDER "'");
    NRT_CONTAINS(nrt_last_error_text(env), "NPGetConnection");
    NRT_EQ_STR(nr_strerror(ERROR_NO_UNICODE_TRANSLATION),
               "No mapping for the Unicode character exists in the target multi-byte code page.");
    nrt_env_free(env);
}

NRT_TEST(get_user_counts_bytes_for_the_application)
{
    nrt_env *env = nrt_env_new();
    nrt_plugin(env, "provider", WIDE_PROVIDER, 10, "wide-provider", NULL, NULL);
    nr_router *r = router(env);
    char user[64];
    DWORD len;
    NRT_EQ_CODE(add(r, "/mnt/u", ATHENS, NULL, NULL), WN_SUCCESS);
    len = 7; /* "Jürgen": 6 characters and the NUL, but 8 bytes */
    NRT_EQ_CODE(nr_get_user(r, "/mnt/u", user, &len), WN_MORE_DATA);
    NRT_EQ(len, 8);
    NRT_EQ_CODE(nr_get_user(r, "/mnt/u", user, &len), WN_SUCCESS);
    NRT_EQ_STR(user, "J\xc3\xbcrgen");
    nrt_env_free(env);
}

NRT_TEST(enumeration_of_a_wide_provider_is_utf8)
{
    nrt_env *env = nrt_env_new();
    nrt_plugin(env, "provider", WIDE_PROVIDER, 10, "wide-provider", NULL, NULL);
    nr_router *r = router(env);
    nr_enum *e;
    const NETRESOURCE *x;
    NRT_EQ_CODE(add(r, DONNEES, ATHENS, NULL, NULL), WN_SUCCESS);
    NRT_EQ_CODE(nr_enum_open(r, RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, NULL, &e), WN_SUCCESS);
    NRT_EQ_CODE(nr_enum_next(e, &x), WN_SUCCESS);
    NRT_EQ_STR(x->lpLocalName, DONNEES);
    NRT_EQ_STR(x->lpRemoteName, ATHENS);
    NRT_EQ_STR(x->lpProvider, "wide");
    NRT_EQ_CODE(nr_enum_next(e, &x), WN_NO_MORE_ENTRIES);
    nr_enum_close(e);

    NETRESOURCE top = { .dwScope = RESOURCE_GLOBALNET, .dwDisplayType = RESOURCEDISPLAYTYPE_NETWORK,
                        .dwUsage = RESOURCEUSAGE_CONTAINER, .lpRemoteName = WIDE_PROVIDER,
                        .lpProvider = WIDE_PROVIDER };
    NRT_EQ_CODE(nr_enum_open(r, RESOURCE_GLOBALNET, RESOURCETYPE_ANY, 0, &top, &e), WN_SUCCESS);
    NRT_EQ_CODE(nr_enum_next(e, &x), WN_SUCCESS);
    NRT_EQ_STR(x->lpRemoteName, ATHENS);
    NRT_EQ_STR(x->lpComment, "Partage r\xc3\xa9seau");
    NRT_EQ_CODE(nr_enum_next(e, &x), WN_SUCCESS);
    NRT_EQ_STR(x->lpRemoteName, "wide:/\xe6\x97\xa5\xe6\x9c\xac/\xe5\x85\xb1\xe6\x9c\x89");
    NRT_EQ_CODE(nr_enum_next(e, &x), WN_SUCCESS);
    NRT_EQ_STR(x->lpRemoteName, ZURICH);
    NRT_EQ_CODE(nr_enum_next(e, &x), WN_NO_MORE_ENTRIES);
    nr_enum_close(e);
    nrt_env_free(env);
}

/* ---- side by side --------------------------------------------------------------------------- */

NRT_TEST(wide_and_utf8_plugins_work_side_by_side)
{
    nrt_env *env = nrt_env_new();
    nrt_plugin(env, "notifier", "wn", 10, "wide-notifier", NULL, NULL);
    nrt_notifier(env, "nn", 20, NULL, NULL);
    nrt_plugin(env, "provider", WIDE_PROVIDER, 10, "wide-provider", NULL, NULL);
    nrt_provider(env, "np", 20, NULL, "\"prefix\": \"fx:\"");
    nr_router *r = router(env);
    char remote[256];
    DWORD len = sizeof remote;
    NRT_EQ_FATAL(nr_router_problem_count(r), 0);

    NRT_EQ_CODE(add(r, "/mnt/fx", "fx:caf\xc3\xa9", NULL, NULL), WN_SUCCESS);
    NRT_CONTAINS(g_log, "wn: add post status=0 context=same name=fx:caf\\u00e9 provider=np\n");
    NRT_EQ_CODE(add(r, DONNEES, ATHENS, NULL, NULL), WN_SUCCESS);
    NRT_CONTAINS(g_log, "provider=w\\u00efde\n");
    NRT_EQ(nrt_count(env, "nn add post name=fx:caf\xc3\xa9"), 1);
    NRT_EQ(nrt_count(env, "nn add post name=" ATHENS), 1);

    NRT_EQ_CODE(nr_get_connection(r, "/mnt/fx", remote, &len), WN_SUCCESS);
    NRT_EQ_STR(remote, "fx:caf\xc3\xa9");
    len = sizeof remote;
    NRT_EQ_CODE(nr_get_connection(r, DONNEES, remote, &len), WN_SUCCESS);
    NRT_EQ_STR(remote, ATHENS);

    NRT_EQ_CODE(add(r, "/mnt/z", ZURICH, NULL, NULL), WN_ACCESS_DENIED); /* the wide notifier's veto */
    NRT_EQ(nrt_count(env, "nn add pre name=" ZURICH), 0); /* it runs first, so "nn" is never asked */
    nrt_env_free(env);
}
