/*
 * test-store-stress.c - the remembered-connection store under load, kept in
 * the suite: many netrouter processes writing one store at once, and
 * netrouter processes killed with SIGKILL at random points of
 * `use --persistent`.  Afterwards every entry whose command reported success
 * is remembered, the store parses, nothing was set aside, and no temporary
 * file outlives the next operation, the router's or the symlink
 * provider's.
 *
 * The writers are the real command (router/cli/netrouter of the build tree)
 * loading the fixture provider.  The kill delays are random, spread over the
 * time one command takes; the seed is printed when a test fails and can be
 * replayed with NRT_SEED=N.  A few seconds on a loaded 2-core machine.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "testutil.h"

NRT_SUITE("store-stress", .setup = nrt_fixtures_found);

#define WRITERS 30
#define KILL_ROUNDS 150

/* The netrouter binary itself, not libtool's wrapper script (a SIGKILL
 * must land in the program, and the wrapper's start would dwarf it). */
typedef struct cli {
    const char *path;
    const char *libdir; /* for LD_LIBRARY_PATH, NULL when not needed */
} cli;

static cli find_cli(nrt_env *env)
{
    cli c = { nrt_built(env, "router/cli/.libs/netrouter"), nrt_built(env, "router/.libs") };
    if (access(c.path, X_OK) != 0)
        c = (cli){ nrt_built(env, "router/cli/netrouter"), NULL }; /* a static build: the program itself */
    NRT_EQ_FATAL(access(c.path, X_OK), 0);
    return c;
}

/* The same, for the shipped symlink provider (the built nr-symlink.so) as
 * the only plugin, keeping its record of links in the state directory. */
static void symlink_provider(nrt_env *env)
{
    nrt_write(env, env->plugins, "symlink.json", 0644,
              "{ \"manifest_version\": 1, \"name\": \"symlink\", \"kind\": \"provider\", \"library\": \"%s\",\n"
              "  \"owns\": [\"link:*\"], \"config\": { \"state_file\": \"%s/symlink-links.json\" } }\n",
              nrt_built(env, "examples/provider-symlink/.libs/nr-symlink.so"), env->state);
}

/* Starts `netrouter use --persistent local remote` with the test's plugins
 * and state; its stderr goes to errlog.  With gate >= 0 the child first
 * waits until the gate's write end is closed (all start together); close_fd
 * is the write end the child must not keep. */
static pid_t start_use(nrt_env *env, const cli *c, const char *local, const char *remote, const char *errlog,
                       int gate, int close_fd)
{
    pid_t pid = fork();
    if (pid != 0)
        return pid;
    int null = open("/dev/null", O_RDWR | O_CLOEXEC);
    int err = open(errlog, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (null < 0 || err < 0 || dup2(null, 0) < 0 || dup2(null, 1) < 0 || dup2(err, 2) < 0)
        _exit(126);
    if (close_fd >= 0)
        close(close_fd);
    if (gate >= 0) {
        char ch;
        while (read(gate, &ch, 1) < 0 && errno == EINTR) {
        }
    }
    if (c->libdir)
        setenv("LD_LIBRARY_PATH", c->libdir, 1);
    execl(c->path, c->path, "--plugin-path", env->plugins, "--state-dir", env->state, "use", "--persistent", local,
          remote, (char *)NULL);
    _exit(127);
}

/* Exit status of pid (128+signal when killed). */
static int wait_for(pid_t pid)
{
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static int count_words(const char *s)
{
    int n = 0;
    for (const char *p = s; p && *p; p++)
        if (*p != ' ' && (p == s || p[-1] == ' '))
            n++;
    return n;
}

static long long now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static unsigned seed_of_this_run(void)
{
    const char *s = getenv("NRT_SEED");
    return s && *s ? (unsigned)strtoul(s, NULL, 10) : (unsigned)(time(NULL) ^ getpid());
}

/* ---- many writers at once ------------------------------------------------------------------------------ */

NRT_TEST(concurrent_writers_lose_no_entry)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    cli c = find_cli(env);
    pid_t pid[WRITERS];
    int status[WRITERS], gate[2];
    NRT_EQ_FATAL(pipe(gate), 0);
    for (int i = 0; i < WRITERS; i++)
        pid[i] = start_use(env, &c, nrt_printf(env, "/mnt/w%d", i), nrt_printf(env, "fx:w%d", i),
                           nrt_printf(env, "%s/err-%d", env->dir, i), gate[0], gate[1]);
    close(gate[0]);
    close(gate[1]); /* go */
    for (int i = 0; i < WRITERS; i++)
        status[i] = pid[i] > 0 ? wait_for(pid[i]) : -1;
    for (int i = 0; i < WRITERS; i++) {
        NRT_EQ(status[i], 0);
        if (status[i] != 0)
            fprintf(stderr, "\n    writer %d: %s\n", i, nrt_slurp(env, nrt_printf(env, "%s/err-%d", env->dir, i)));
    }
    nr_router *r = nrt_router(env);
    const char *now = nrt_remembered(env, r);
    NRT_EQ(count_words(now), WRITERS);
    for (int i = 0; i < WRITERS; i++)
        NRT_CONTAINS(now, nrt_printf(env, "/mnt/w%d=fx:w%d@pa", i, i));
    NRT_EQ_STR(nrt_dir_entries(env, env->state, "connections.json."), "");
    nrt_env_free(env);
}

/* ---- kill -9 at random points ---------------------------------------------------------------------------- */

NRT_TEST(kill_9_during_persistent_use_loses_no_reported_entry)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    cli c = find_cli(env);
    const char *errlog = nrt_printf(env, "%s/err", env->dir);
    bool reported[KILL_ROUNDS] = { false };
    unsigned seed = seed_of_this_run();
    long long longest = 0;
    int killed = 0, failed = 0, too_many_leftovers = 0, set_aside = 0;

    /* how long one uninterrupted command takes here and now */
    for (int i = 0; i < 3; i++) {
        long long t0 = now_ns();
        NRT_EQ(wait_for(start_use(env, &c, nrt_printf(env, "/mnt/warm%d", i), nrt_printf(env, "fx:warm%d", i),
                                  errlog, -1, -1)),
               0);
        if (now_ns() - t0 > longest)
            longest = now_ns() - t0;
    }
    srandom(seed);
    for (int i = 0; i < KILL_ROUNDS; i++) {
        /* a writer killed while writing leaves at most its own temporary
         * file, which the next one removes */
        const char *tmp = nrt_dir_entries(env, env->state, "connections.json.tmp");
        const char *aside = nrt_dir_entries(env, env->state, "connections.json.damaged");
        too_many_leftovers += count_words(tmp) > 1;
        set_aside += aside && *aside;
        long long delay = (long long)((double)random() / RAND_MAX * 1.2 * (double)longest);
        struct timespec ts = { (time_t)(delay / 1000000000LL), (long)(delay % 1000000000LL) };
        pid_t pid = start_use(env, &c, nrt_printf(env, "/mnt/k%d", i), nrt_printf(env, "fx:k%d", i), errlog, -1, -1);
        NRT_GT_FATAL(pid, 0);
        nanosleep(&ts, NULL);
        kill(pid, SIGKILL);
        int st = wait_for(pid);
        reported[i] = st == 0;
        killed += st == 128 + SIGKILL;
        if (st != 0 && st != 128 + SIGKILL && failed++ == 0) /* finished, but with an error: why? */
            fprintf(stderr, "\n    round %d exited %d: %s\n", i, st, nrt_slurp(env, errlog));
    }
    nr_router *r = nrt_router(env);
    const char *now = nrt_remembered(env, r);
    NRT_NOT_CONTAINS(now, "error");
    int lost = 0;
    for (int i = 0; i < KILL_ROUNDS; i++)
        if (reported[i] && !strstr(now, nrt_printf(env, "/mnt/k%d=fx:k%d@pa", i, i)))
            lost++;
    NRT_EQ(lost, 0);
    NRT_EQ(failed, 0);
    NRT_EQ(too_many_leftovers, 0);
    NRT_EQ(set_aside, 0);
    NRT_EQ_STR(nrt_dir_entries(env, env->state, "connections.json."), "");
    NRT_GT(killed, 0); /* the test did what it says */
    if (CU_get_number_of_failures())
        fprintf(stderr, "\n    seed %u (replay with NRT_SEED=%u); %d of %d killed, one command %lld us\n", seed, seed,
                killed, KILL_ROUNDS, longest / 1000);
    nrt_env_free(env);
}

/* The symlink provider keeps a record of its own next to the store and
 * replaces it through a temporary file too: a command killed between
 * creating that file and renaming it must not leave it behind for good. */
NRT_TEST(kill_9_during_use_of_the_symlink_provider_leaves_nothing_after_the_next_command)
{
    nrt_env *env = nrt_env_new();
    symlink_provider(env);
    NRT_TRUE_FATAL(mkdir(env->state, 0700) == 0 || errno == EEXIST);
    cli c = find_cli(env);
    const char *errlog = nrt_printf(env, "%s/err", env->dir), *links = nrt_subdir(env, "links");
    const char *remote = nrt_printf(env, "link:%s", env->dir);
    unsigned seed = seed_of_this_run();
    long long longest = 0;
    int killed = 0;

    for (int i = 0; i < 3; i++) {
        long long t0 = now_ns();
        NRT_EQ(wait_for(start_use(env, &c, nrt_printf(env, "%s/warm%d", links, i), remote, errlog, -1, -1)), 0);
        if (now_ns() - t0 > longest)
            longest = now_ns() - t0;
    }
    srandom(seed);
    for (int i = 0; i < KILL_ROUNDS; i++) {
        long long delay = (long long)((double)random() / RAND_MAX * 1.2 * (double)longest);
        struct timespec ts = { (time_t)(delay / 1000000000LL), (long)(delay % 1000000000LL) };
        pid_t pid = start_use(env, &c, nrt_printf(env, "%s/k%d", links, i), remote, errlog, -1, -1);
        NRT_GT_FATAL(pid, 0);
        nanosleep(&ts, NULL);
        kill(pid, SIGKILL);
        killed += wait_for(pid) == 128 + SIGKILL;
    }
    /* the next command, uninterrupted */
    NRT_EQ(wait_for(start_use(env, &c, nrt_printf(env, "%s/last", links), remote, errlog, -1, -1)), 0);
    NRT_EQ_STR(nrt_dir_entries(env, env->state, "symlink-links.json"),
               "symlink-links.json symlink-links.json.lock");
    NRT_EQ_STR(nrt_dir_entries(env, env->state, "connections.json."), "");
    NRT_GT(killed, 0);
    if (CU_get_number_of_failures())
        fprintf(stderr, "\n    seed %u (replay with NRT_SEED=%u); %d of %d killed, one command %lld us\n", seed, seed,
                killed, KILL_ROUNDS, longest / 1000);
    nrt_env_free(env);
}
