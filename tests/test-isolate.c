/*
 * test-isolate.c - docs/design.md section 4, rule 9: a notifier with
 * "isolation": "process" runs in a host process of its own; every way it
 * can die (SIGSEGV, abort(), exit(), a hang past "timeout_ms") in every
 * entry point costs one failed call, never the application; "on_failure"
 * decides what the operation does; the host comes back on the next call;
 * nothing is left behind (/proc is read to check).
 */
#include "config.h"

#include <dirent.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <netrouter/winnetwk.h>

#include "testutil.h"

NRT_SUITE("isolate", .setup = nrt_fixtures_found);

static DWORD add(nr_router *r, const char *remote)
{
    NETRESOURCE res = nrt_res(NULL, remote);
    return nr_add_connection(r, NULL, &res, NULL, NULL, 0);
}

static DWORD cancel(nr_router *r, const char *name)
{
    return nr_cancel_connection(r, name, 0, TRUE);
}

/* The children of this process (their pids joined by ' ', "" for none). */
static const char *children(nrt_env *env)
{
    char out[1024] = "";
    DIR *d = opendir("/proc");
    struct dirent *e;
    while (d && (e = readdir(d))) {
        char path[300], buf[512], *close_paren;
        FILE *f;
        int ppid = 0;
        if (e->d_name[0] < '0' || e->d_name[0] > '9')
            continue;
        snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
        if (!(f = fopen(path, "r")))
            continue;
        if (fgets(buf, sizeof buf, f) && (close_paren = strrchr(buf, ')')))
            sscanf(close_paren + 2, "%*c %d", &ppid);
        fclose(f);
        if (ppid == getpid())
            snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s", *out ? " " : "", e->d_name);
    }
    if (d)
        closedir(d);
    return nrt_printf(env, "%s", out);
}

/* The descriptors of process pid and what they are ("0=/dev/null 1=...");
 * the descriptor a plugin library was loaded through (loader.c keeps it
 * open while loaded) shows as N=<file name>. */
static const char *fds_of(nrt_env *env, const char *pid)
{
    char out[2048] = "", dir[64];
    struct dirent **v;
    int n;
    snprintf(dir, sizeof dir, "/proc/%s/fd", pid);
    n = scandir(dir, &v, NULL, versionsort);
    for (int i = 0; i < n; i++) {
        char path[400], target[256] = "";
        ssize_t len;
        if (v[i]->d_name[0] != '.') {
            snprintf(path, sizeof path, "%s/%s", dir, v[i]->d_name);
            len = readlink(path, target, sizeof target - 1);
            target[len > 0 ? len : 0] = '\0';
            if (!strncmp(target, "socket:", 7))
                strcpy(target, "socket");
            if (strlen(target) > 3 && !strcmp(target + strlen(target) - 3, ".so")) /* the host's own load */
                snprintf(out + strlen(out), sizeof out - strlen(out), "%sN=%s", *out ? " " : "",
                         strrchr(target, '/') + 1);
            else
                snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s=%s", *out ? " " : "", v[i]->d_name,
                         target);
        }
        free(v[i]);
    }
    free(v);
    return nrt_printf(env, "%s", out);
}

static const char *iso_top(int timeout_ms, const char *on_failure)
{
    static char top[200];
    snprintf(top, sizeof top, "\"isolation\": \"process\", \"timeout_ms\": %d%s%s%s", timeout_ms,
             on_failure ? ", \"on_failure\": \"" : "", on_failure ? on_failure : "", on_failure ? "\"" : "");
    return top;
}

/* ---- the same semantics as in process ------------------------------------------------------- */

NRT_TEST(isolated_notifier_sees_the_same_calls_as_in_process)
{
    const char *expected = "iso add pre ctx=1 | prov NPAddConnection3 | iso add post ctx=1 | "
                           "iso cancel pre ctx=2 | prov NPCancelConnection | iso cancel post ctx=2";
    for (int isolated = 0; isolated <= 1; isolated++) {
        nrt_env *env = nrt_env_new();
        nrt_notifier(env, "iso", 10, isolated ? iso_top(5000, NULL) : NULL, NULL);
        nrt_provider(env, "prov", 10, NULL, NULL);
        nr_router *r = nrt_router(env);
        NRT_EQ_CODE(add(r, "fx:a"), WN_SUCCESS);
        NRT_EQ_CODE(cancel(r, "fx:a"), WN_SUCCESS);
        NRT_EQ_STR(nrt_trace(env, "ctx"), expected);
        nrt_env_free(env);
    }
}

NRT_TEST(isolated_veto_and_extended_error_cross_the_socket)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "iso", 10, iso_top(5000, NULL), "\"pre\": 1223");
    nrt_provider(env, "prov", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "fx:a"), WN_CANCEL);
    NRT_EQ_STR(nrt_trace(env, ""), "iso add pre");
    nrt_env_free(env);
}

NRT_TEST(isolated_plugin_log_lines_reach_the_router_log)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "iso", 10, iso_top(5000, NULL), "\"log_at_init\": \"hello from the host\"");
    nr_router *r = nrt_router(env);
    NRT_NOT_NULL(r);
    nrt_env_free(env);
}

/* ---- every way to die, in every entry point -------------------------------------------------- */

static const char *const kinds[] = { "segv", "abort", "exit", "hang" };
static const char *const places[] = { "add pre", "add post", "cancel pre", "cancel post" };

/* Under AddressSanitizer (./configure --enable-sanitizers) the host's
 * SIGSEGV is caught by the sanitizer, which reports it and exits with 1. */
#if defined(__SANITIZE_ADDRESS__)
#define SEGV_CAUSE "exited with status 1"
#else
#define SEGV_CAUSE "signal 11"
#endif

static const char *cause_word(const char *kind)
{
    if (!strcmp(kind, "segv"))
        return SEGV_CAUSE;
    if (!strcmp(kind, "abort"))
        return "signal 6";
    if (!strcmp(kind, "exit"))
        return "exited with status 7";
    return "did not answer within 300 ms";
}

static void crash_case(const char *kind, const char *place, bool veto)
{
    nrt_env *env = nrt_env_new();
    const char *marker = nrt_printf(env, "%s/survived", env->dir);
    bool in_add = !strncmp(place, "add", 3), in_pre = strstr(place, "pre") != NULL;
    size_t before;
    DWORD rc, expected;
    nrt_notifier(env, "crashy", 10, iso_top(300, veto ? "veto" : "continue"),
                 nrt_printf(env, "\"crash\": \"%s\", \"crash_in\": \"%s\", \"crash_unless\": \"%s\"", kind, place,
                            marker));
    nrt_provider(env, "prov", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    before = nr_router_problem_count(r);

    if (!in_add)
        NRT_EQ_CODE(add(r, "fx:a"), WN_SUCCESS);
    rc = in_add ? add(r, "fx:a") : cancel(r, "fx:a");
    /* A PRE that fails vetoes when asked to; a POST comes after the fact. */
    expected = veto && in_pre ? WN_CANCEL : WN_SUCCESS;
    NRT_EQ_CODE(rc, expected);
    if (rc != WN_SUCCESS) {
        NRT_CONTAINS(nrt_last_error_text(env), "\"crashy\"");
        NRT_CONTAINS(nrt_last_error_text(env), cause_word(kind));
    }
    NRT_EQ(nr_router_problem_count(r), before + 1);
    if (nr_router_problem_count(r) == before + 1) {
        const nr_problem *pb = nr_router_problem(r, before);
        NRT_EQ(pb->stage, NR_STAGE_CALL);
        NRT_EQ_STR(pb->plugin, "crashy");
        NRT_CONTAINS(pb->message, cause_word(kind));
    }
    /* The host comes back at the next call. */
    nrt_write(env, env->dir, "survived", 0644, "yes");
    nrt_clear_records(env);
    NRT_EQ_CODE(add(r, "fx:b"), WN_SUCCESS);
    NRT_EQ(nrt_count(env, "crashy add pre"), 1);
    NRT_EQ(nrt_count(env, "crashy add post"), 1);
    nrt_env_free(env);
    NRT_EQ_STR(children(env = nrt_env_new()), "");
    nrt_env_free(env);
}

NRT_TEST(every_crash_in_every_notifier_entry_point_costs_one_call_with_continue)
{
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
        for (size_t p = 0; p < sizeof places / sizeof *places; p++)
            crash_case(kinds[k], places[p], false);
}

NRT_TEST(every_crash_in_every_notifier_entry_point_costs_one_call_with_veto)
{
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
        for (size_t p = 0; p < sizeof places / sizeof *places; p++)
            crash_case(kinds[k], places[p], true);
}

NRT_TEST(critical_notifier_vetoes_on_failure_by_default)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "crashy", 10, "\"isolation\": \"process\", \"critical\": true",
                 "\"crash\": \"segv\", \"crash_in\": \"add pre\"");
    nrt_provider(env, "prov", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "fx:a"), WN_CANCEL);
    NRT_CONTAINS(nrt_last_error_text(env), SEGV_CAUSE);
    NRT_EQ(nrt_count(env, "prov NPAddConnection3"), 0);
    nrt_env_free(env);
}

NRT_TEST(crash_in_init_is_a_load_problem_and_the_router_lives)
{
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        nrt_env *env = nrt_env_new();
        nrt_notifier(env, "crashy", 10, iso_top(300, NULL),
                     nrt_printf(env, "\"crash\": \"%s\", \"crash_in\": \"init\"", kinds[k]));
        nrt_provider(env, "prov", 10, NULL, NULL);
        nr_router *r = nrt_router(env);
        NRT_EQ(nrt_plugin_index(r, "crashy"), -1);
        const nr_problem *pb = nrt_problem(r, "crashy.json");
        NRT_NOT_NULL_FATAL(pb);
        NRT_EQ(pb->stage, NR_STAGE_LOAD);
        NRT_CONTAINS(pb->message, cause_word(kinds[k]));
        NRT_EQ_CODE(add(r, "fx:a"), WN_SUCCESS);
        nrt_env_free(env);
        NRT_EQ_STR(children(env = nrt_env_new()), "");
        nrt_env_free(env);
    }
}

NRT_TEST(crash_in_shutdown_leaves_nothing_behind)
{
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        nrt_env *env = nrt_env_new();
        nrt_notifier(env, "crashy", 10, iso_top(300, NULL),
                     nrt_printf(env, "\"crash\": \"%s\", \"crash_in\": \"shutdown\"", kinds[k]));
        nr_router *r = nrt_router(env);
        NRT_EQ_STR_FATAL(children(env), children(env));
        NRT_NE_STR(children(env), "");
        (void)r;
        nrt_env_free(env);
        NRT_EQ_STR(children(env = nrt_env_new()), "");
        nrt_env_free(env);
    }
}

NRT_TEST(hang_costs_no_more_than_the_deadline)
{
    nrt_env *env = nrt_env_new();
    struct timespec t0, t1;
    nrt_notifier(env, "slow", 10, iso_top(200, NULL), "\"crash\": \"hang\", \"crash_in\": \"add pre\"");
    nrt_provider(env, "prov", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    NRT_EQ_CODE(add(r, "fx:a"), WN_SUCCESS);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    NRT_GE(ms, 190);
    NRT_LT(ms, 2000);
    nrt_env_free(env);
}

NRT_TEST(repeated_failures_back_off)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "crashy", 10, iso_top(300, NULL), "\"crash\": \"exit\", \"crash_in\": \"add pre\"");
    nrt_provider(env, "prov", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    size_t before = nr_router_problem_count(r);
    for (int i = 0; i < 4; i++)
        NRT_EQ_CODE(add(r, nrt_printf(env, "fx:%d", i)), WN_SUCCESS);
    /* Two restarts at once, then a wait of a second: the fourth call is not tried. */
    NRT_EQ(nr_router_problem_count(r), before + 4);
    NRT_CONTAINS(nr_router_problem(r, before + 3)->message, "started again in");
    nrt_env_free(env);
}

static uint64_t now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000u + (uint64_t)t.tv_nsec / 1000000u;
}

NRT_TEST(calls_during_the_backoff_do_not_put_the_restart_off)
{
    nrt_env *env = nrt_env_new();
    const char *healed = nrt_printf(env, "%s/healed", env->dir);
    uint64_t until;
    DWORD rc = WN_CANCEL;
    FILE *f;
    nrt_notifier(env, "crashy", 10, iso_top(300, "veto"),
                 nrt_printf(env, "\"crash\": \"exit\", \"crash_in\": \"add pre\", \"crash_unless\": \"%s\"", healed));
    nrt_provider(env, "prov", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    for (int i = 0; i < 3; i++) /* three failures in a row: the next start waits a second */
        NRT_EQ_CODE(add(r, nrt_printf(env, "fx:%d", i)), WN_CANCEL);
    NRT_NOT_NULL_FATAL(f = fopen(healed, "w")); /* the plugin would work now */
    fclose(f);
    /* A busy application keeps calling during the wait: each call is
     * refused, and none of them puts the restart further off. */
    for (int i = 0; i < 20; i++) {
        NRT_EQ_CODE(add(r, nrt_printf(env, "fx:busy%d", i)), WN_CANCEL);
        usleep(20000);
    }
    until = now_ms() + 5000;
    while (rc != WN_SUCCESS && now_ms() < until) {
        usleep(100000);
        rc = add(r, nrt_printf(env, "fx:later%llu", (unsigned long long)now_ms()));
    }
    NRT_EQ_CODE(rc, WN_SUCCESS); /* started again once the second was over */
    nrt_env_free(env);
}

/* ---- what the host inherits and leaves ------------------------------------------------------ */

NRT_TEST(host_has_only_its_socket_and_dev_null)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "iso", 10, iso_top(5000, NULL), NULL);
    nr_router *r = nrt_router(env);
    const char *kids = children(env);
    NRT_NOT_NULL(r);
    NRT_NE_STR_FATAL(kids, "");
    NRT_TRUE(strchr(kids, ' ') == NULL);
    NRT_EQ_STR(fds_of(env, kids), "0=/dev/null 1=/dev/null 2=/dev/null 3=socket N=iso.so");
    nrt_env_free(env);
    NRT_EQ_STR(children(env = nrt_env_new()), "");
    nrt_env_free(env);
}

typedef struct worker { nr_router *r; int id; int failures; } worker;

static void *work(void *arg)
{
    worker *w = arg;
    for (int i = 0; i < 50; i++) {
        char name[64];
        snprintf(name, sizeof name, "fx:t%d-%d", w->id, i);
        NETRESOURCE res = nrt_res(NULL, name);
        if (nr_add_connection(w->r, NULL, &res, NULL, NULL, 0) != WN_SUCCESS)
            w->failures++;
        if (nr_cancel_connection(w->r, name, 0, TRUE) != WN_SUCCESS)
            w->failures++;
    }
    return NULL;
}

/* n threads of 50 add+cancel pairs each through a router of the isolated
 * notifier iso (notifier_top, config) and a concurrent provider; the
 * number of failed calls. */
static int run_threads(nrt_env *env, int n, const char *notifier_top, const char *config)
{
    pthread_t t[8];
    worker w[8];
    int failures = 0;
    nrt_notifier(env, "iso", 10, notifier_top, config);
    nrt_provider(env, "prov", 10, "\"threading\": \"concurrent\"", NULL);
    env->cfg.flags |= NR_ROUTER_NO_STORE;
    nr_router *r = nrt_router(env);
    for (int i = 0; i < n && i < 8; i++) {
        w[i] = (worker){ r, i, 0 };
        pthread_create(&t[i], NULL, work, &w[i]);
    }
    for (int i = 0; i < n && i < 8; i++) {
        pthread_join(t[i], NULL);
        failures += w[i].failures;
    }
    return failures;
}

NRT_TEST(many_threads_through_one_isolated_notifier)
{
    nrt_env *env = nrt_env_new();
    NRT_EQ(run_threads(env, 8, "\"isolation\": \"process\", \"threading\": \"concurrent\"", NULL), 0);
    NRT_EQ(nrt_count(env, "iso add pre"), 400);
    NRT_EQ(nrt_count(env, "iso cancel post"), 400);
    NRT_EQ(nrt_count(env, "iso add post ctx=0"), 0);
    nrt_env_free(env);
}

/* ---- the manifest keys ---------------------------------------------------------------------- */

NRT_TEST(isolation_keys_are_validated_with_file_line_and_key)
{
    static const struct { const char *top, *key, *words; } bad[] = {
        { "\"isolation\": \"thread\"", "isolation", "\"process\" or \"none\"" },
        { "\"timeout_ms\": 0", "timeout_ms", "between 1 and" },
        { "\"on_failure\": \"ignore\"", "on_failure", "\"continue\" or \"veto\"" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        nrt_env *env = nrt_env_new();
        nrt_notifier(env, "n", 10, bad[i].top, NULL);
        nr_router *r = nrt_router(env);
        const nr_problem *pb = nrt_problem(r, "n.json");
        NRT_NOT_NULL_FATAL(pb);
        NRT_EQ(pb->stage, NR_STAGE_SCHEMA);
        NRT_EQ_STR(pb->field, bad[i].key);
        NRT_GT(pb->line, 0);
        NRT_CONTAINS(pb->message, bad[i].words);
        nrt_env_free(env);
    }
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "p", 10, "\"on_failure\": \"veto\"", NULL);
    nr_router *r = nrt_router(env);
    NRT_NOT_NULL_FATAL(nrt_problem(r, "p.json"));
    NRT_EQ_STR(nrt_problem(r, "p.json")->field, "on_failure");
    nrt_env_free(env);
}

NRT_TEST(site_default_isolates_notifiers)
{
    nrt_env *env = nrt_env_new();
    setenv("NETROUTER_ISOLATION", "process", 1);
    nrt_notifier(env, "iso", 10, NULL, NULL);
    nrt_provider(env, "prov", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    unsetenv("NETROUTER_ISOLATION");
    NRT_NE_STR(children(env), "");
    NRT_EQ_CODE(add(r, "fx:a"), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, ""), "iso add pre | prov NPAddConnection3 | iso add post");
    nrt_env_free(env);
}

/* ---- providers ------------------------------------------------------------------------------ */

NRT_TEST(isolated_provider_answers_like_in_process)
{
    for (int isolated = 0; isolated <= 1; isolated++) {
        nrt_env *env = nrt_env_new();
        char buf[256];
        DWORD len = sizeof buf;
        nr_enum *e = NULL;
        const NETRESOURCEA *x;
        int n = 0;
        nrt_provider(env, "prov", 10, isolated ? "\"isolation\": \"process\"" : NULL, NULL);
        nr_router *r = nrt_router(env);
        NETRESOURCE res = nrt_res("/mnt/x", "fx:share");
        NRT_EQ_CODE(nr_add_connection(r, NULL, &res, NULL, "alice", 0), WN_SUCCESS);
        NRT_EQ_CODE(nr_get_connection(r, "/mnt/x", buf, &len), WN_SUCCESS);
        NRT_EQ_STR(buf, "fx:share");
        len = 3;
        NRT_EQ_CODE(nr_get_connection(r, "/mnt/x", buf, &len), WN_MORE_DATA);
        NRT_EQ(len, (DWORD)sizeof "fx:share");
        NRT_EQ_CODE(nr_enum_open(r, RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, NULL, &e), WN_SUCCESS);
        while (e && nr_enum_next(e, &x) == WN_SUCCESS) {
            NRT_EQ_STR(x->lpRemoteName, "fx:share");
            NRT_EQ_STR(x->lpLocalName, "/mnt/x");
            n++;
        }
        nr_enum_close(e);
        NRT_EQ(n, 1);
        NRT_EQ_CODE(nr_cancel_connection(r, "/mnt/x", 0, TRUE), WN_SUCCESS);
        NRT_EQ_CODE(nr_get_connection(r, "/mnt/x", buf, &len), WN_NOT_CONNECTED);
        nrt_env_free(env);
    }
}

#define ATHENS "wide:/\xce\x95\xce\xbb\xce\xbb\xce\xac\xce\xb4\xce\xb1/\xce\xba\xce\xbf\xce\xb9\xce\xbd\xcf\x8c"

/* WNetGetResourceParentA through each of a UTF-8 provider (the symlink
 * example) and a wide one, in process and isolated: the same answers. */
NRT_TEST(isolated_provider_tells_the_parent_like_in_process)
{
    for (int isolated = 0; isolated <= 1; isolated++) {
        const char *top = isolated ? "\"isolation\": \"process\"" : NULL;
        nrt_env *env = nrt_env_new();
        union { NETRESOURCEA nr; char bytes[512]; } u;
        NETRESOURCEA res = nrt_res(NULL, ATHENS "/d\xc3\xa9j\xc3\xa0/b");
        DWORD need = (DWORD)(sizeof(NETRESOURCEA) + sizeof ATHENS "/d\xc3\xa9j\xc3\xa0" + sizeof "wide"), size;
        nrt_plugin(env, "provider", "wide", 10, "wide-provider", top, NULL);
        nrt_write(env, env->plugins, "links.json", 0644,
                  "{ \"manifest_version\": 1, \"name\": \"links\", \"kind\": \"provider\", \"library\": \"%s\",\n"
                  "  \"order\": 20%s%s }\n",
                  nrt_built(env, "examples/provider-symlink/.libs/nr-symlink.so"), top ? ", " : "", top ? top : "");
        nr_router *r = nrt_router(env);
        NRT_EQ_FATAL(nr_router_problem_count(r), 0);
        if (isolated)
            NRT_NE_STR(children(env), "");
        nr_wnet_set_router(r);
        size = need - 1;
        NRT_EQ_CODE(WNetGetResourceParentA(&res, &u, &size), WN_MORE_DATA);
        NRT_EQ(size, need);
        NRT_EQ_CODE(WNetGetResourceParentA(&res, &u, &size), WN_SUCCESS);
        NRT_EQ_STR(u.nr.lpRemoteName, ATHENS "/d\xc3\xa9j\xc3\xa0");
        NRT_EQ_STR(u.nr.lpProvider, "wide");
        NRT_TRUE(u.nr.lpRemoteName > u.bytes && u.nr.lpRemoteName < u.bytes + need);
        NRT_EQ(u.nr.dwDisplayType, RESOURCEDISPLAYTYPE_DIRECTORY);
        res.lpRemoteName = ATHENS; /* a share: the network above it has no name */
        NRT_EQ_CODE(WNetGetResourceParentA(&res, &u, &size), WN_SUCCESS);
        NRT_NULL(u.nr.lpRemoteName);
        NRT_EQ_STR(u.nr.lpProvider, "wide");
        res.lpRemoteName = "link:/tmp/\xc3\xa9t\xc3\xa9/x";
        size = sizeof u;
        NRT_EQ_CODE(WNetGetResourceParentA(&res, &u, &size), WN_SUCCESS);
        NRT_EQ_STR(u.nr.lpRemoteName, "link:/tmp/\xc3\xa9t\xc3\xa9");
        NRT_EQ_STR(u.nr.lpProvider, "links");
        NRT_EQ(u.nr.dwUsage, RESOURCEUSAGE_CONNECTABLE | RESOURCEUSAGE_CONTAINER);
        res.lpRemoteName = "nobody:x";
        size = 9;
        NRT_EQ_CODE(WNetGetResourceParentA(&res, &u, &size), WN_BAD_NETNAME);
        NRT_EQ(size, 9);
        nr_wnet_set_router(NULL);
        nrt_env_free(env);
    }
}

static const char *const provider_entries[] = { "NPAddConnection3", "NPCancelConnection", "NPGetConnection",
                                                "NPGetUser", "NPOpenEnum", "NPEnumResource" };

/* Calls what reaches entry; the result of that call. */
static DWORD reach(nr_router *r, const char *entry)
{
    char buf[256];
    DWORD len = sizeof buf;
    nr_enum *e = NULL;
    DWORD rc;
    if (!strcmp(entry, "NPAddConnection3"))
        return add(r, "fx:z");
    if (!strcmp(entry, "NPCancelConnection"))
        return cancel(r, "fx:a");
    if (!strcmp(entry, "NPGetConnection"))
        return nr_get_connection(r, "/mnt/a", buf, &len);
    if (!strcmp(entry, "NPGetUser"))
        return nr_get_user(r, "/mnt/a", buf, &len);
    rc = nr_enum_open(r, RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, NULL, &e);
    nr_enum_close(e);
    return rc;
}

NRT_TEST(every_crash_in_every_provider_entry_point_costs_one_call)
{
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        for (size_t i = 0; i < sizeof provider_entries / sizeof *provider_entries; i++) {
            const char *entry = provider_entries[i];
            nrt_env *env = nrt_env_new();
            const char *marker = nrt_printf(env, "%s/survived", env->dir);
            nrt_provider(env, "crashy", 10, "\"isolation\": \"process\", \"timeout_ms\": 300",
                         nrt_printf(env, "\"crash\": \"%s\", \"crash_in\": \"%s\", \"crash_unless\": \"%s\"",
                                    kinds[k], entry, marker));
            nr_router *r = nrt_router(env);
            NETRESOURCE res = nrt_res("/mnt/a", "fx:a");
            size_t before;
            if (strcmp(entry, "NPAddConnection3"))
                NRT_EQ_CODE(nr_add_connection(r, NULL, &res, NULL, NULL, 0), WN_SUCCESS);
            before = nr_router_problem_count(r);
            DWORD rc = reach(r, entry);
            /* nr_get_user() answers WN_NOT_CONNECTED when no provider knows the
             * name, whatever their errors; an enumeration skips a provider that
             * fails (the log says so). */
            if (!strcmp(entry, "NPGetUser")) {
                NRT_EQ_CODE(rc, WN_NOT_CONNECTED);
            } else if (strcmp(entry, "NPOpenEnum") && strcmp(entry, "NPEnumResource")) {
                NRT_EQ_CODE(rc, WN_BAD_PROVIDER);
                NRT_CONTAINS(nrt_last_error_text(env), "\"crashy\"");
                NRT_CONTAINS(nrt_last_error_text(env), cause_word(kinds[k]));
            }
            NRT_EQ_FATAL(nr_router_problem_count(r), before + 1);
            NRT_EQ(nr_router_problem(r, before)->stage, NR_STAGE_CALL);
            NRT_CONTAINS(nr_router_problem(r, before)->message, entry);
            NRT_CONTAINS(nr_router_problem(r, before)->message, cause_word(kinds[k]));
            /* The next call starts a new host, which has lost the old one's connections. */
            nrt_write(env, env->dir, "survived", 0644, "yes");
            NRT_EQ_CODE(add(r, "fx:b"), WN_SUCCESS);
            NRT_EQ_CODE(cancel(r, "fx:b"), WN_SUCCESS);
            nrt_env_free(env);
            NRT_EQ_STR(children(env = nrt_env_new()), "");
            nrt_env_free(env);
        }
    }
}

NRT_TEST(isolated_provider_crash_in_init_is_a_load_problem)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "crashy", 10, "\"isolation\": \"process\"", "\"crash\": \"segv\", \"crash_in\": \"init\"");
    nrt_provider(env, "good", 20, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ(nrt_plugin_index(r, "crashy"), -1);
    NRT_NOT_NULL_FATAL(nrt_problem(r, "crashy.json"));
    NRT_CONTAINS(nrt_problem(r, "crashy.json")->message, SEGV_CAUSE);
    NRT_EQ_CODE(add(r, "fx:a"), WN_SUCCESS);
    nrt_env_free(env);
}

NRT_TEST(concurrent_isolated_notifier_runs_on_several_threads_at_once)
{
    nrt_env *env = nrt_env_new();
    NRT_EQ(run_threads(env, 4, "\"isolation\": \"process\", \"threading\": \"concurrent\"", "\"sleep_us\": 3000"),
           0);
    /* conc= is how many threads were inside the notifier, its host's threads */
    NRT_GT(nrt_count(env, "iso conc=2") + nrt_count(env, "iso conc=3") + nrt_count(env, "iso conc=4"), 0);
    nrt_env_free(env);
}

NRT_TEST(serialized_isolated_notifier_is_never_entered_twice)
{
    nrt_env *env = nrt_env_new();
    NRT_EQ(run_threads(env, 4, "\"isolation\": \"process\"", "\"sleep_us\": 500"), 0);
    NRT_EQ(nrt_count(env, "iso conc=1"), 800); /* 200 add+cancel pairs: PRE and POST each */
    NRT_EQ(nrt_count(env, "iso conc=2"), 0);
    nrt_env_free(env);
}

NRT_TEST(failures_are_shown_to_the_next_router_of_the_user)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "crashy", 10, iso_top(300, NULL), "\"crash\": \"abort\", \"crash_in\": \"add pre\"");
    nrt_provider(env, "prov", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "fx:a"), WN_SUCCESS);
    /* another program of the user: a new router over the same state directory */
    r = nrt_router(env);
    const nr_problem *pb = NULL;
    for (size_t i = 0; i < nr_router_problem_count(r); i++)
        if (nr_router_problem(r, i)->stage == NR_STAGE_CALL)
            pb = nr_router_problem(r, i);
    NRT_NOT_NULL_FATAL(pb);
    NRT_EQ_STR(pb->plugin, "crashy");
    NRT_CONTAINS(pb->file, "crashy.json");
    NRT_CONTAINS(pb->message, "AddConnectNotify failed: its host process was killed by signal 6");
    NRT_CONTAINS(pb->message, nrt_printf(env, "(process %ld, ", (long)getpid()));
    nrt_env_free(env);
}
