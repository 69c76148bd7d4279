/*
 * test-load.c - docs/design.md sections 2 and 3: loading plugins.  Missing entry
 * points, ABI negotiation, NrPluginInit refusal and the host structure it
 * receives, shutdown order, that every problem record names the right
 * stage, file and plugin, and the problems a plugin reports at init
 * (pfnReportProblem).
 */
#include "config.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

NRT_SUITE("load", .setup = nrt_fixtures_found);

/* Loads one plugin expected to fail; returns its problem (asserted non-NULL). */
static const nr_problem *load_failing(nrt_env *env, const char *kind, const char *fixture, const char *config,
                                      const char **manifest)
{
    *manifest = nrt_plugin(env, kind, "bad", 10, fixture, NULL, config);
    nrt_provider(env, "good", 20, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_STR(nrt_plugin_names(env, r), "good");
    NRT_EQ(nr_router_problem_count(r), 1);
    const nr_problem *p = nrt_problem(r, "/bad.json");
    NRT_NOT_NULL_FATAL(p);
    NRT_EQ_STR(p->file, *manifest);
    NRT_EQ_STR(p->plugin, "bad");
    return p;
}

/* ---- entry points ------------------------------------------------------------------------ */

NRT_TEST(provider_without_npgetcaps_is_refused_at_symbol_stage)
{
    nrt_env *env = nrt_env_new();
    const char *m;
    const nr_problem *p = load_failing(env, "provider", "broken-nocaps", NULL, &m);
    NRT_EQ(p->stage, NR_STAGE_SYMBOL);
    NRT_CONTAINS(p->message, "NPGetCaps");
    nrt_env_free(env);
}

NRT_TEST(provider_announcing_a_missing_entry_point_is_refused)
{
    nrt_env *env = nrt_env_new();
    const char *m;
    const nr_problem *p = load_failing(env, "provider", "broken-noadd3", NULL, &m);
    NRT_EQ(p->stage, NR_STAGE_SYMBOL);
    NRT_CONTAINS(p->message, "NPAddConnection3");
    nrt_env_free(env);
}

NRT_TEST(provider_with_partial_enumeration_is_refused)
{
    nrt_env *env = nrt_env_new();
    const char *m;
    const nr_problem *p = load_failing(env, "provider", "broken-halfenum", NULL, &m);
    NRT_EQ(p->stage, NR_STAGE_SYMBOL);
    NRT_CONTAINS(p->message, "NPEnumResource");
    nrt_env_free(env);
}

NRT_TEST(notifier_without_notify_entry_points_is_refused)
{
    nrt_env *env = nrt_env_new();
    const char *m;
    const nr_problem *p = load_failing(env, "notifier", "broken-nonotify", NULL, &m);
    NRT_EQ(p->stage, NR_STAGE_SYMBOL);
    NRT_CONTAINS(p->message, "AddConnectNotify");
    nrt_env_free(env);
}

NRT_TEST(notifier_library_registered_as_provider_is_refused)
{
    nrt_env *env = nrt_env_new();
    const char *m;
    const nr_problem *p = load_failing(env, "provider", "fixture-notifier", NULL, &m);
    NRT_EQ(p->stage, NR_STAGE_SYMBOL);
    NRT_CONTAINS(p->message, "NPGetCaps");
    nrt_env_free(env);
}

/* ---- ABI negotiation -------------------------------------------------------------------------- */

NRT_TEST(newer_abi_major_is_refused_naming_both_versions)
{
    nrt_env *env = nrt_env_new();
    const char *m;
    const nr_problem *p = load_failing(env, "notifier", "fixture-abi", NULL, &m);
    NRT_EQ(p->stage, NR_STAGE_NEGOTIATE);
    NRT_CONTAINS(p->message, "2.0");
    NRT_CONTAINS(p->message, nrt_printf(env, "%u.%u", NR_PLUGIN_ABI_MAJOR, NR_PLUGIN_ABI_MINOR));
    nrt_env_free(env);
}

NRT_TEST(newer_abi_minor_is_refused)
{
    nrt_env *env = nrt_env_new();
    const char *m;
    setenv("NR_FIXTURE_ABI", nrt_printf(env, "0x%x", (NR_PLUGIN_ABI_MAJOR << 16) | (NR_PLUGIN_ABI_MINOR + 5)), 1);
    const nr_problem *p = load_failing(env, "notifier", "fixture-abi", NULL, &m);
    unsetenv("NR_FIXTURE_ABI");
    NRT_EQ(p->stage, NR_STAGE_NEGOTIATE);
    NRT_CONTAINS(p->message, nrt_printf(env, "%u.%u", NR_PLUGIN_ABI_MAJOR, NR_PLUGIN_ABI_MINOR + 5));
    nrt_env_free(env);
}

NRT_TEST(older_abi_major_is_refused)
{
    nrt_env *env = nrt_env_new();
    const char *m;
    setenv("NR_FIXTURE_ABI", "0x00000003", 1); /* ABI 0.3 */
    const nr_problem *p = load_failing(env, "notifier", "fixture-abi", NULL, &m);
    unsetenv("NR_FIXTURE_ABI");
    NRT_EQ(p->stage, NR_STAGE_NEGOTIATE);
    NRT_CONTAINS(p->message, "0.3");
    nrt_env_free(env);
}

NRT_TEST(same_abi_version_is_accepted)
{
    nrt_env *env = nrt_env_new();
    nrt_plugin(env, "notifier", "abi", 10, "fixture-abi", NULL, NULL);
    setenv("NR_FIXTURE_ABI", nrt_printf(env, "0x%x", NR_PLUGIN_ABI_VERSION), 1);
    nr_router *r = nrt_router(env);
    unsetenv("NR_FIXTURE_ABI");
    NRT_EQ_STR(nrt_plugin_names(env, r), "abi");
    nrt_env_free(env);
}

/* ---- lifecycle ------------------------------------------------------------------------------------ */

NRT_TEST(init_refusal_is_an_init_problem_with_its_text)
{
    nrt_env *env = nrt_env_new();
    const char *m;
    const nr_problem *p =
        load_failing(env, "notifier", "fixture-notifier", "\"init_refuse\": 5, \"init_text\": \"no licence found\"", &m);
    NRT_EQ(p->stage, NR_STAGE_INIT);
    NRT_EQ_CODE(p->code, WN_ACCESS_DENIED);
    NRT_CONTAINS(p->message, "no licence found");
    nrt_env_free(env);
}

NRT_TEST(init_refusal_without_text_is_an_init_problem)
{
    nrt_env *env = nrt_env_new();
    const char *m;
    const nr_problem *p = load_failing(env, "provider", "fixture-provider", "\"init_refuse\": 1222", &m);
    NRT_EQ(p->stage, NR_STAGE_INIT);
    NRT_EQ_CODE(p->code, WN_NO_NETWORK);
    nrt_env_free(env);
}

NRT_TEST(refused_plugin_is_not_shut_down)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "bad", 10, NULL, "\"lifecycle\": true, \"init_refuse\": 5");
    nrt_router(env);
    nr_router_free(env->router);
    env->router = NULL;
    NRT_EQ_STR(nrt_trace_of(env, "L", ""), "bad init");
    nrt_env_free(env);
}

NRT_TEST(init_receives_the_host_structure)
{
    nrt_env *env = nrt_env_new();
    const char *m = nrt_notifier(env, "n", 10, NULL, "\"lifecycle\": true");
    nrt_router(env);
    NRT_EQ_STR(nrt_trace_of(env, "L", "abi,cb,manifest,library"),
               nrt_printf(env, "n init abi=%u cb=%zu manifest=%s library=%s/n.so", NR_PLUGIN_ABI_VERSION,
                          sizeof(NR_PLUGIN_HOST), m, env->plugins));
    nrt_env_free(env);
}

NRT_TEST(plugins_are_initialised_in_order_and_shut_down_in_reverse)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "b", 20, NULL, "\"lifecycle\": true");
    nrt_provider(env, "c", 30, NULL, "\"lifecycle\": true");
    nrt_notifier(env, "a", 10, NULL, "\"lifecycle\": true");
    nrt_router(env);
    nr_router_free(env->router);
    env->router = NULL;
    NRT_EQ_STR(nrt_trace_of(env, "L", ""), "a init | b init | c init | c shutdown | b shutdown | a shutdown");
    nrt_env_free(env);
}

typedef struct log_capture {
    char plugin[64];
    char message[256];
    int n;
} log_capture;

static void capture_log(void *user, DWORD level, const char *plugin, const char *message)
{
    log_capture *c = user;
    if (plugin && !strcmp(plugin, "chatty") && level == NR_LOG_NOTICE) {
        snprintf(c->plugin, sizeof c->plugin, "%s", plugin);
        snprintf(c->message, sizeof c->message, "%s", message);
        c->n++;
    }
}

NRT_TEST(plugin_log_lines_reach_the_application_log)
{
    nrt_env *env = nrt_env_new();
    log_capture c = { .n = 0 };
    nrt_notifier(env, "chatty", 10, NULL, "\"log_at_init\": \"hello from init\"");
    env->cfg.log = capture_log;
    env->cfg.log_user = &c;
    nrt_router(env);
    NRT_EQ(c.n, 1);
    NRT_EQ_STR(c.plugin, "chatty");
    NRT_CONTAINS(c.message, "hello from init");
    nrt_env_free(env);
}

NRT_TEST(problems_reported_at_init_are_plugin_problems_and_the_plugin_loads)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "reporter", 10, NULL,
                 "\"report_file\": \"/etc/x/rules.json\", \"report_line\": 7, \"report_field\": \"effect\", "
                 "\"report_text\": \"expected allow or deny\"");
    nr_router *r = nrt_router(env);
    NRT_EQ_STR(nrt_plugin_names(env, r), "reporter");
    NRT_EQ(nr_router_problem_count(r), 1);
    const nr_problem *p = nrt_problem(r, "/etc/x/rules.json");
    NRT_NOT_NULL_FATAL(p);
    NRT_EQ_STR(p->file, "/etc/x/rules.json");
    NRT_EQ(p->stage, NR_STAGE_PLUGIN);
    NRT_EQ_STR(p->plugin, "reporter");
    NRT_EQ_STR(p->field, "effect");
    NRT_EQ(p->line, 7);
    NRT_EQ_STR(p->message, "expected allow or deny");
    nrt_env_free(env);
}

NRT_TEST(a_problem_reported_without_a_file_names_the_manifest)
{
    nrt_env *env = nrt_env_new();
    const char *m = nrt_notifier(env, "reporter", 10, NULL, "\"report_text\": \"something is off\"");
    nr_router *r = nrt_router(env);
    NRT_EQ_STR(nrt_plugin_names(env, r), "reporter");
    NRT_EQ(nr_router_problem_count(r), 1);
    const nr_problem *p = nr_router_problem(r, 0);
    NRT_NOT_NULL_FATAL(p);
    NRT_EQ_STR(p->file, m);
    NRT_EQ(p->stage, NR_STAGE_PLUGIN);
    NRT_NULL(p->field);
    NRT_EQ(p->line, 0);
    NRT_EQ_STR(p->message, "something is off");
    nrt_env_free(env);
}

/* ---- several routers, several copies ----------------------------------------------------------------- */

NRT_TEST(two_live_routers_each_use_their_own_plugins)
{
    nrt_env *e1 = nrt_env_new(), *e2 = nrt_env_new();
    nrt_notifier(e1, "alpha", 10, NULL, NULL);
    nrt_provider(e1, "palpha", 10, NULL, NULL);
    nrt_notifier(e2, "beta", 10, NULL, NULL);
    nrt_provider(e2, "pbeta", 10, NULL, NULL);
    nr_router *r1 = nrt_router(e1);
    nr_router *r2 = nrt_router(e2);
    NETRESOURCE res = nrt_res(NULL, "fx:a");
    NRT_EQ_CODE(nr_add_connection(r2, NULL, &res, NULL, NULL, 0), WN_SUCCESS);
    NRT_EQ_CODE(nr_add_connection(r1, NULL, &res, NULL, NULL, 0), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(e2, ""), "beta add pre | pbeta NPAddConnection3 | beta add post");
    NRT_EQ_STR(nrt_trace(e1, ""), "alpha add pre | palpha NPAddConnection3 | alpha add post");
    nrt_env_free(e2);
    nrt_env_free(e1);
}

/* Writes a manifest in env's plugin directory naming an existing library. */
static void manifest_for(nrt_env *env, const char *name, const char *kind, const char *library, int order)
{
    nrt_write(env, env->plugins, nrt_printf(env, "%s.json", name), 0644,
              "{ \"manifest_version\": 1, \"name\": \"%s\", \"kind\": \"%s\",\n"
              "  \"library\": \"%s\", \"order\": %d,\n  \"config\": { \"record\": \"%s\" } }\n",
              name, kind, library, order, env->record);
}

/* Several manifests and live routers naming the same library files share
 * one loaded copy of each; every one must still get the file its manifest
 * names (the loader must not be fooled by the names a shared copy was
 * opened under). */
NRT_TEST(shared_library_files_load_what_each_manifest_names)
{
    nrt_env *e0 = nrt_env_new(), *e1 = nrt_env_new(), *e2 = nrt_env_new();
    const char *prov = nrt_printf(e0, "%s/p.so", e0->plugins);
    const char *noti = nrt_printf(e0, "%s/n.so", e0->plugins);
    nrt_copy_fixture(e0, "fixture-notifier", e0->plugins, "n.so");
    manifest_for(e0, "p", "provider", nrt_copy_fixture(e0, "fixture-provider", e0->plugins, "p.so"), 10);
    nr_router *r0 = nrt_router(e0);
    manifest_for(e1, "p", "provider", prov, 10);
    manifest_for(e1, "n0", "notifier", noti, 20);
    nr_router *r1 = nrt_router(e1);
    manifest_for(e2, "p", "provider", prov, 10);
    for (int i = 0; i < 8; i++)
        manifest_for(e2, nrt_printf(e2, "n%d", i), "notifier", noti, 20 + i);
    nr_router *r2 = nrt_router(e2);
    NRT_EQ_STR(nrt_problems_text(e0, r0), "");
    NRT_EQ_STR(nrt_problems_text(e1, r1), "");
    NRT_EQ_STR(nrt_problems_text(e2, r2), "");
    NRT_EQ((int)nr_router_plugin_count(r2), 9);
    nrt_env_free(e2);
    nrt_env_free(e1);
    nrt_env_free(e0);
}

/* The router loads each library through /proc/self/fd/N and remembers which
 * of those names loaded objects carry.  Objects another part of the process
 * loaded under such names, whose descriptors were then closed and so are
 * the next ones the router gets, must not be taken for the plugins' files:
 * the router has to notice those loads even though its own earlier loads
 * had told it the list. */
#define FOREIGN_LOADS 16
NRT_TEST(objects_loaded_elsewhere_under_descriptor_names_are_not_mistaken_for_plugins)
{
    nrt_env *e1 = nrt_env_new(), *e2 = nrt_env_new();
    int fds[FOREIGN_LOADS];
    void *handles[FOREIGN_LOADS];
    nr_router *r2;
    nrt_provider(e1, "p1", 10, NULL, NULL);
    nrt_router(e1);
    nrt_provider(e2, "p2", 10, NULL, NULL);
    for (int i = 0; i < FOREIGN_LOADS; i++) {
        const char *other = nrt_copy_fixture(e1, "fixture-notifier", e1->dir, nrt_printf(e1, "other-%d.so", i));
        char name[64];
        fds[i] = open(other, O_RDONLY | O_CLOEXEC);
        NRT_GE_FATAL(fds[i], 0);
        snprintf(name, sizeof name, "/proc/self/fd/%d", fds[i]);
        handles[i] = dlopen(name, RTLD_LAZY | RTLD_LOCAL);
        NRT_NOT_NULL_FATAL(handles[i]);
    }
    for (int i = 0; i < FOREIGN_LOADS; i++)
        close(fds[i]); /* the names stay on the loader's list, the numbers are free */
    r2 = nrt_router(e2);
    NRT_EQ_STR(nrt_problems_text(e2, r2), "");
    NRT_EQ_STR(nrt_plugin_names(e2, r2), "p2");
    NETRESOURCE res = nrt_res(NULL, "fx:a");
    NRT_EQ_CODE(nr_add_connection(r2, NULL, &res, NULL, NULL, 0), WN_SUCCESS);
    NRT_EQ(nrt_count(e2, "p2 NPAddConnection3"), 1);
    nrt_env_free(e2);
    for (int i = 0; i < FOREIGN_LOADS; i++)
        dlclose(handles[i]);
    nrt_env_free(e1);
}

/* Routers in e1 and e2 over one notifier file: the second load shares the
 * first one's object, which then also answers to the second descriptor's
 * name.  Returns e2's router. */
static nr_router *two_routers_sharing_one_file(nrt_env *e1, nrt_env *e2)
{
    const char *noti = nrt_copy_fixture(e1, "fixture-notifier", e1->plugins, "n.so");
    nr_router *r2;
    manifest_for(e1, "n", "notifier", noti, 10);
    nrt_router(e1);
    manifest_for(e2, "n", "notifier", noti, 10);
    r2 = nrt_router(e2);
    NRT_EQ_STR(nrt_problems_text(e2, r2), "");
    return r2;
}

/* The next router's provider must get its own file, not that object. */
static void check_next_provider_loads_its_own_file(nrt_env *e3)
{
    nr_router *r3;
    nrt_provider(e3, "p3", 10, NULL, NULL);
    r3 = nrt_router(e3);
    NRT_EQ_STR(nrt_problems_text(e3, r3), "");
    NRT_EQ_STR(nrt_plugin_names(e3, r3), "p3");
}

/* Freeing the router whose load shared the object must not hand the name
 * it shared under to the next plugin's file while the object lives on. */
NRT_TEST(a_shared_object_keeps_the_name_it_was_shared_under)
{
    nrt_env *e1 = nrt_env_new(), *e2 = nrt_env_new(), *e3 = nrt_env_new();
    nr_router_free(two_routers_sharing_one_file(e1, e2));
    e2->router = NULL;
    check_next_provider_loads_its_own_file(e3);
    nrt_env_free(e3);
    nrt_env_free(e2);
    nrt_env_free(e1);
}

/* The same with the first router freed instead, after an unrelated unload
 * elsewhere in the process: the object stays (the second router uses it),
 * so its name stays taken whatever the loader's counters did meanwhile. */
NRT_TEST(an_object_still_in_use_keeps_its_name_after_an_unrelated_unload)
{
    nrt_env *e0 = nrt_env_new(), *e1 = nrt_env_new(), *e2 = nrt_env_new(), *e3 = nrt_env_new();
    void *unrelated = dlopen(nrt_copy_fixture(e0, "fixture-provider", e0->dir, "unrelated.so"), RTLD_NOW | RTLD_LOCAL);
    NRT_NOT_NULL_FATAL(unrelated);
    two_routers_sharing_one_file(e1, e2);
    dlclose(unrelated);
    nr_router_free(e1->router);
    e1->router = NULL;
    check_next_provider_loads_its_own_file(e3);
    nrt_env_free(e3);
    nrt_env_free(e2);
    nrt_env_free(e1);
    nrt_env_free(e0);
}

/* The application holds a file by its own path; a manifest names the same
 * file and the router refuses it (it exports no notify entry point).  The
 * refused load's descriptor name stays with the application's object, so
 * it must not go to the next plugin's file either. */
NRT_TEST(a_refused_load_of_a_file_the_application_holds_keeps_its_name)
{
    nrt_env *e1 = nrt_env_new(), *e3 = nrt_env_new();
    const char *lib = nrt_copy_fixture(e1, "broken-nonotify", e1->dir, "held.so");
    void *held = dlopen(lib, RTLD_NOW | RTLD_LOCAL);
    nr_router *r1;
    NRT_NOT_NULL_FATAL(held);
    manifest_for(e1, "n", "notifier", lib, 10);
    r1 = nrt_router(e1);
    NRT_EQ((int)nr_router_plugin_count(r1), 0);
    NRT_EQ((int)nr_router_problem_count(r1), 1);
    check_next_provider_loads_its_own_file(e3);
    nrt_env_free(e3);
    nrt_env_free(e1);
    dlclose(held);
}

NRT_TEST(router_can_be_created_again_after_free)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n", 10, NULL, "\"lifecycle\": true");
    nrt_router(env);
    nrt_router(env); /* frees the first one */
    NRT_EQ_STR(nrt_trace_of(env, "L", ""), "n init | n shutdown | n init");
    nrt_env_free(env);
}

/* An empty search path works, and says so: one problem at stage "search"
 * naming where the router looked, and an add fails with WN_NO_NETWORK
 * (Windows' answer when no network is installed) repeating it. */
NRT_TEST(router_with_no_plugins_works)
{
    nrt_env *env = nrt_env_new();
    nr_router *r = nrt_router(env);
    NETRESOURCE res = nrt_res(NULL, "fx:a");
    const nr_problem *p;
    NRT_EQ(nr_router_plugin_count(r), 0);
    NRT_EQ(nr_router_problem_count(r), 1);
    p = nr_router_problem(r, 0);
    NRT_NOT_NULL_FATAL(p);
    NRT_EQ(p->stage, NR_STAGE_SEARCH);
    NRT_EQ_CODE(p->code, WN_NO_NETWORK);
    NRT_EQ_STR(p->file, env->plugins);
    NRT_CONTAINS(p->message, "no plugin manifest was found");
    NRT_CONTAINS(p->message, env->plugins);
    NRT_EQ_CODE(nr_add_connection(r, NULL, &res, NULL, NULL, 0), WN_NO_NETWORK);
    NRT_CONTAINS(nrt_last_error_text(env), env->plugins);
    nrt_env_free(env);
}

NRT_TEST(router_new_rejects_bad_arguments)
{
    nr_router_config cfg = NR_ROUTER_CONFIG_INIT;
    nr_router *r = NULL;
    NRT_EQ_CODE(nr_router_new(&cfg, NULL), WN_BAD_POINTER);
    cfg.cbStructure = 4;
    NRT_EQ_CODE(nr_router_new(&cfg, &r), WN_BAD_VALUE);
    NRT_NULL(r);
    cfg.cbStructure = sizeof cfg;
    cfg.flags = 0x80000000u;
    NRT_EQ_CODE(nr_router_new(&cfg, &r), WN_BAD_VALUE);
    NRT_NULL(r);
    nr_router_free(NULL);
}

NRT_TEST(stage_names)
{
    NRT_EQ_STR(nr_stage_name(NR_STAGE_PARSE), "parse");
    NRT_EQ_STR(nr_stage_name(NR_STAGE_SCHEMA), "schema");
    NRT_EQ_STR(nr_stage_name(NR_STAGE_RESOLVE), "resolve");
    NRT_EQ_STR(nr_stage_name(NR_STAGE_LOAD), "load");
    NRT_EQ_STR(nr_stage_name(NR_STAGE_SYMBOL), "symbol");
    NRT_EQ_STR(nr_stage_name(NR_STAGE_NEGOTIATE), "negotiate");
    NRT_EQ_STR(nr_stage_name(NR_STAGE_INIT), "init");
    NRT_EQ_STR(nr_stage_name(NR_STAGE_SEARCH), "search");
    NRT_EQ_STR(nr_stage_name(NR_STAGE_CALL), "call");
    NRT_EQ_STR(nr_stage_name(NR_STAGE_PLUGIN), "plugin");
}

NRT_TEST(problem_index_out_of_range_is_null)
{
    nrt_env *env = nrt_env_new();
    nr_router *r = nrt_router(env); /* one problem: nothing was found */
    NRT_EQ(nr_router_problem_count(r), 1);
    NRT_NULL(nr_router_problem(r, 1));
    NRT_NULL(nr_router_problem(r, 1000));
    nrt_env_free(env);
}
