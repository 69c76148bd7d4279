/*
 * test-discovery.c - docs/design.md section 3, the search path as an attacker or
 * a careless administrator leaves it: FIFOs, sockets and directories named
 * *.json, a manifest directory others may write to, huge files, and a
 * search path with nothing in it.  Each must cost at most one problem
 * record, never a hang, and never the other plugins.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "testutil.h"

NRT_SUITE("discovery", .setup = nrt_fixtures_found);

/* Seconds a router may take before the test counts it as hung: SIGALRM's
 * default action ends the program, which fails the suite instead of
 * blocking it forever. */
#define HANG_LIMIT_S 20

static nr_router *router_within_limit(nrt_env *env)
{
    nr_router *r;
    alarm(HANG_LIMIT_S);
    r = nrt_router(env);
    alarm(0);
    return r;
}

/* One good notifier, so every test also shows the others still load. */
static void good_neighbour(nrt_env *env)
{
    nrt_notifier(env, "good", 10, NULL, NULL);
}

static void expect_refused_not_regular(nrt_env *env, const char *file, const char *type)
{
    nr_router *r = router_within_limit(env);
    const nr_problem *p = nrt_problem(r, file);
    NRT_EQ_STR(nrt_plugin_names(env, r), "good");
    NRT_NOT_NULL_FATAL(p);
    NRT_EQ(p->stage, NR_STAGE_PARSE);
    NRT_CONTAINS(p->message, type);
    NRT_CONTAINS(p->message, "not a regular file");
}

NRT_TEST(a_fifo_named_json_is_refused_without_blocking)
{
    nrt_env *env = nrt_env_new();
    good_neighbour(env);
    NRT_EQ_FATAL(mkfifo(nrt_printf(env, "%s/fifo.json", env->plugins), 0644), 0);
    expect_refused_not_regular(env, "/fifo.json", "a FIFO");
    nrt_env_free(env);
}

NRT_TEST(a_fifo_given_as_a_search_path_entry_is_refused_without_blocking)
{
    nrt_env *env = nrt_env_new();
    const char *fifo = nrt_printf(env, "%s/entry.json", env->dir);
    good_neighbour(env);
    NRT_EQ_FATAL(mkfifo(fifo, 0644), 0);
    env->path[1] = fifo;
    env->path[2] = NULL;
    expect_refused_not_regular(env, "/entry.json", "a FIFO");
    nrt_env_free(env);
}

NRT_TEST(a_socket_named_json_is_refused)
{
    nrt_env *env = nrt_env_new();
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    good_neighbour(env);
    snprintf(sa.sun_path, sizeof sa.sun_path, "%s/sock.json", env->plugins);
    NRT_TRUE_FATAL(s >= 0 && bind(s, (struct sockaddr *)&sa, sizeof sa) == 0);
    expect_refused_not_regular(env, "/sock.json", "a socket");
    close(s);
    nrt_env_free(env);
}

NRT_TEST(a_symlink_to_a_fifo_is_refused_without_blocking)
{
    nrt_env *env = nrt_env_new();
    const char *fifo = nrt_printf(env, "%s/elsewhere", env->dir);
    good_neighbour(env);
    NRT_EQ_FATAL(mkfifo(fifo, 0644), 0);
    NRT_EQ_FATAL(symlink(fifo, nrt_printf(env, "%s/link.json", env->plugins)), 0);
    expect_refused_not_regular(env, "/link.json", "a FIFO");
    nrt_env_free(env);
}

NRT_TEST(a_directory_named_json_is_refused)
{
    nrt_env *env = nrt_env_new();
    good_neighbour(env);
    NRT_EQ_FATAL(mkdir(nrt_printf(env, "%s/dir.json", env->plugins), 0755), 0);
    expect_refused_not_regular(env, "/dir.json", "a directory");
    nrt_env_free(env);
}

NRT_TEST(a_fifo_as_plugin_library_is_refused_without_blocking)
{
    nrt_env *env = nrt_env_new();
    const char *lib = nrt_printf(env, "%s/lib.so", env->dir);
    good_neighbour(env);
    NRT_EQ_FATAL(mkfifo(lib, 0644), 0);
    nrt_write(env, env->plugins, "n.json", 0644,
              "{\"manifest_version\": 1, \"name\": \"n\", \"kind\": \"notifier\", \"library\": \"%s\"}", lib);
    nr_router *r = router_within_limit(env);
    const nr_problem *p = nrt_problem(r, "/n.json");
    NRT_EQ_STR(nrt_plugin_names(env, r), "good");
    NRT_NOT_NULL_FATAL(p);
    NRT_EQ(p->stage, NR_STAGE_RESOLVE);
    NRT_CONTAINS(p->message, "a FIFO");
    nrt_env_free(env);
}

NRT_TEST(a_huge_manifest_is_refused)
{
    nrt_env *env = nrt_env_new();
    const char *path = nrt_printf(env, "%s/huge.json", env->plugins);
    FILE *f = fopen(path, "w");
    good_neighbour(env);
    NRT_NOT_NULL_FATAL(f);
    fputs("{\"x-pad\": \"", f);
    for (int i = 0; i < (2 << 20) / 64; i++)
        fputs("0123456789012345678901234567890123456789012345678901234567890123", f);
    fputs("\"}", f);
    fclose(f);
    chmod(path, 0644);
    nr_router *r = router_within_limit(env);
    const nr_problem *p = nrt_problem(r, "/huge.json");
    NRT_EQ_STR(nrt_plugin_names(env, r), "good");
    NRT_NOT_NULL_FATAL(p);
    NRT_CONTAINS(p->message, "larger than");
    nrt_env_free(env);
}

/* ---- the directories ------------------------------------------------------------------------ */

NRT_TEST(a_world_writable_manifest_directory_without_sticky_bit_is_a_warning)
{
    nrt_env *env = nrt_env_new();
    good_neighbour(env);
    NRT_EQ_FATAL(chmod(env->plugins, 0777), 0);
    nr_router *r = nrt_router(env);
    NRT_EQ_STR(nrt_plugin_names(env, r), "good"); /* still read */
    NRT_EQ(nr_router_problem_count(r), 1);
    const nr_problem *p = nr_router_problem(r, 0);
    NRT_NOT_NULL_FATAL(p);
    NRT_EQ(p->stage, NR_STAGE_SEARCH);
    NRT_EQ_STR(p->file, env->plugins);
    NRT_CONTAINS(p->message, "writable by other users without the sticky bit");
    NRT_CONTAINS(p->message, "0777");
    nrt_env_free(env);
}

NRT_TEST(a_sticky_world_writable_directory_is_not_a_warning)
{
    nrt_env *env = nrt_env_new();
    good_neighbour(env);
    NRT_EQ_FATAL(chmod(env->plugins, 01777), 0);
    nr_router *r = nrt_router(env);
    NRT_EQ_STR(nrt_plugin_names(env, r), "good");
    NRT_EQ(nr_router_problem_count(r), 0);
    nrt_env_free(env);
}

NRT_TEST(a_search_path_with_nothing_in_it_says_where_it_looked)
{
    nrt_env *env = nrt_env_new();
    const char *missing = nrt_printf(env, "%s/no-such-dir", env->dir);
    env->path[1] = missing;
    env->path[2] = NULL;
    nr_router *r = nrt_router(env);
    NRT_EQ(nr_router_plugin_count(r), 0);
    NRT_EQ(nr_router_problem_count(r), 1);
    const nr_problem *p = nr_router_problem(r, 0);
    NRT_NOT_NULL_FATAL(p);
    NRT_EQ(p->stage, NR_STAGE_SEARCH);
    NRT_CONTAINS(p->message, nrt_printf(env, "%s (no manifest)", env->plugins));
    NRT_CONTAINS(p->message, nrt_printf(env, "%s (No such file or directory)", missing));
    nrt_env_free(env);
}

NRT_TEST(broken_manifests_alone_do_not_count_as_nothing_found)
{
    nrt_env *env = nrt_env_new();
    nrt_write(env, env->plugins, "bad.json", 0644, "{");
    nr_router *r = nrt_router(env);
    NRT_EQ(nr_router_problem_count(r), 1);
    NRT_EQ(nr_router_problem(r, 0)->stage, NR_STAGE_PARSE);
    nrt_env_free(env);
}
