/*
 * test-store-files.c - the files of the remembered-connection store under
 * attack (router/lib/storefile.c): a failure to open or read is an error of
 * that call and never sets a good store aside; the lock is never skipped; the
 * state directory and every file in it must be the user's own, private to
 * writing, and are never followed through a symbolic link; a FIFO is refused
 * at once; temporary files of writers that died are removed.
 *
 * Tests that need a second user run only as root (they give files away with
 * chown and drop to uid 65534 in a child); tests that could block forever
 * run under an alarm, so a regression fails instead of hanging the suite.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"

NRT_SUITE("store-files", .setup = nrt_fixtures_found);

#define NOBODY 65534
#define DEADLINE_S 30 /* for a call that must not block: generous on a loaded machine */

static const char *store_path(nrt_env *env)
{
    return nrt_printf(env, "%s/connections.json", env->state);
}

static DWORD add(nr_router *r, const char *local, const char *remote, DWORD flags)
{
    NETRESOURCE res = nrt_res(local, remote);
    return nr_add_connection(r, NULL, &res, NULL, NULL, flags);
}

/* A router over provider "pa" whose store remembers /mnt/a and /mnt/b. */
static nr_router *router_with_two_entries(nrt_env *env)
{
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_CODE(add(r, "/mnt/b", "fx:b", CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    return r;
}

static const char *damaged_copies(nrt_env *env)
{
    return nrt_dir_entries(env, env->state, "connections.json.damaged");
}

/* ---- descriptors running out ------------------------------------------------------------------------ */

/* Every descriptor the process may still open, held, so that the next
 * open() fails with EMFILE; released one by one. */
typedef struct squeeze {
    struct rlimit old;
    int fd[256];
    int n;
} squeeze;

static void squeeze_descriptors(squeeze *q)
{
    struct rlimit low;
    NRT_EQ_FATAL(getrlimit(RLIMIT_NOFILE, &q->old), 0);
    low = q->old;
    if (low.rlim_cur == RLIM_INFINITY || low.rlim_cur > 128)
        low.rlim_cur = 128;
    NRT_EQ_FATAL(setrlimit(RLIMIT_NOFILE, &low), 0);
    q->n = 0;
    while (q->n < (int)(sizeof q->fd / sizeof q->fd[0])) {
        int fd = dup(2);
        if (fd < 0)
            break;
        q->fd[q->n++] = fd;
    }
}

static void release_one(squeeze *q)
{
    if (q->n > 0)
        close(q->fd[--q->n]);
}

static void release_all(squeeze *q)
{
    while (q->n > 0)
        release_one(q);
    setrlimit(RLIMIT_NOFILE, &q->old);
}

NRT_TEST(descriptor_shortage_never_sets_a_valid_store_aside)
{
    nrt_env *env = nrt_env_new();
    nr_router *r = router_with_two_entries(env);
    const char *before = nrt_slurp(env, store_path(env));
    DWORD code[12];
    char text[12][300];
    squeeze q;
    /* With 0, 1, 2, ... descriptors left, every step of a read meets EMFILE
     * once: the state directory, the lock, the directory listing, the store. */
    squeeze_descriptors(&q);
    for (int step = 0; step < 12; step++) {
        nr_enum *e = NULL;
        code[step] = nr_enum_open(r, RESOURCE_REMEMBERED, RESOURCETYPE_ANY, 0, NULL, &e);
        nr_get_last_error(NULL, text[step], sizeof text[step], NULL, 0);
        nr_enum_close(e);
        release_one(&q);
    }
    release_all(&q);
    NRT_EQ_CODE(code[0], WN_CANNOT_OPEN_PROFILE);
    NRT_CONTAINS(text[0], "Too many open files");
    for (int step = 0; step < 12; step++) {
        NRT_TRUE(code[step] == WN_SUCCESS || code[step] == WN_CANNOT_OPEN_PROFILE);
        if (code[step] == WN_CANNOT_OPEN_PROFILE)
            NRT_CONTAINS(text[step], env->state);
    }
    NRT_EQ_CODE(code[11], WN_SUCCESS);
    NRT_EQ_STR(damaged_copies(env), "");
    NRT_EQ_STR(nrt_slurp(env, store_path(env)), before);
    NRT_EQ_STR(nrt_remembered(env, r), "/mnt/a=fx:a@pa /mnt/b=fx:b@pa");
    nrt_env_free(env);
}

NRT_TEST(descriptor_shortage_during_a_persistent_add_loses_no_entry)
{
    nrt_env *env = nrt_env_new();
    nr_router *r = router_with_two_entries(env);
    DWORD code[12];
    squeeze q;
    squeeze_descriptors(&q);
    for (int step = 0; step < 12; step++) {
        char local[32], remote[32];
        snprintf(local, sizeof local, "/mnt/n%d", step);
        snprintf(remote, sizeof remote, "fx:n%d", step);
        code[step] = add(r, local, remote, CONNECT_UPDATE_PROFILE);
        release_one(&q);
    }
    release_all(&q);
    NRT_NE(code[0], WN_SUCCESS);
    NRT_EQ_CODE(code[11], WN_SUCCESS);
    NRT_EQ_STR(damaged_copies(env), "");
    const char *now = nrt_remembered(env, r);
    NRT_CONTAINS(now, "/mnt/a=fx:a@pa /mnt/b=fx:b@pa");
    for (int step = 0; step < 12; step++) {
        const char *entry = nrt_printf(env, "/mnt/n%d=fx:n%d@pa", step, step);
        if (code[step] == WN_SUCCESS)
            NRT_CONTAINS(now, entry);
        else
            NRT_NOT_CONTAINS(now, entry);
    }
    nrt_env_free(env);
}

/* ---- the lock ---------------------------------------------------------------------------------------------- */

/* A write and a forget both fail with WN_CANNOT_OPEN_PROFILE naming the
 * lock and saying what is wrong; the store does not change. */
static void expect_lock_refused(nrt_env *env, nr_router *r, const char *what)
{
    const char *before = nrt_slurp(env, store_path(env));
    NRT_EQ_CODE(add(r, "/mnt/c", "fx:c", CONNECT_UPDATE_PROFILE), WN_CANNOT_OPEN_PROFILE);
    NRT_CONTAINS(nrt_last_error_text(env), nrt_printf(env, "%s/connections.lock", env->state));
    NRT_CONTAINS(nrt_last_error_text(env), what);
    NRT_EQ_CODE(nr_cancel_connection(r, "/mnt/a", CONNECT_UPDATE_PROFILE, FALSE), WN_CANNOT_OPEN_PROFILE);
    NRT_CONTAINS(nrt_last_error_text(env), nrt_printf(env, "%s/connections.lock", env->state));
    NRT_CONTAINS(nrt_last_error_text(env), what);
    NRT_EQ_STR(nrt_slurp(env, store_path(env)), before);
}

NRT_TEST(lock_that_is_a_directory_fails_writes_naming_it)
{
    nrt_env *env = nrt_env_new();
    nr_router *r = router_with_two_entries(env);
    NRT_EQ_FATAL(unlink(nrt_printf(env, "%s/connections.lock", env->state)), 0);
    NRT_EQ_FATAL(mkdir(nrt_printf(env, "%s/connections.lock", env->state), 0700), 0);
    expect_lock_refused(env, r, "a directory");
    nrt_env_free(env);
}

NRT_TEST(lock_symlink_is_not_followed)
{
    nrt_env *env = nrt_env_new();
    nr_router *r = router_with_two_entries(env);
    const char *elsewhere = nrt_printf(env, "%s/created-through-the-link", env->dir);
    NRT_EQ_FATAL(unlink(nrt_printf(env, "%s/connections.lock", env->state)), 0);
    NRT_EQ_FATAL(symlink(elsewhere, nrt_printf(env, "%s/connections.lock", env->state)), 0);
    expect_lock_refused(env, r, "symbolic link");
    NRT_NE(access(elsewhere, F_OK), 0);
    nrt_env_free(env);
}

NRT_TEST(lock_fifo_is_refused_at_once)
{
    nrt_env *env = nrt_env_new();
    nr_router *r = router_with_two_entries(env);
    NRT_EQ_FATAL(unlink(nrt_printf(env, "%s/connections.lock", env->state)), 0);
    NRT_EQ_FATAL(mkfifo(nrt_printf(env, "%s/connections.lock", env->state), 0600), 0);
    alarm(DEADLINE_S);
    expect_lock_refused(env, r, "a FIFO");
    NRT_EQ_STR(nrt_remembered(env, r), "error 1205");
    alarm(0);
    nrt_env_free(env);
}

NRT_TEST(group_writable_lock_is_refused)
{
    nrt_env *env = nrt_env_new();
    nr_router *r = router_with_two_entries(env);
    NRT_EQ_FATAL(chmod(nrt_printf(env, "%s/connections.lock", env->state), 0660), 0);
    expect_lock_refused(env, r, "writable by its group");
    nrt_env_free(env);
}

/* Runs fn(r) in a child process as uid and gid 65534 without supplementary
 * groups; returns its result, with its last error text in text. */
static DWORD as_nobody(DWORD (*fn)(nr_router *r), nr_router *r, char *text, size_t size)
{
    struct {
        DWORD code;
        char text[1024];
    } out = { 0xFFFFFFFFu, "the child reported nothing" };
    int p[2], status;
    NRT_EQ_FATAL(pipe(p), 0);
    pid_t pid = fork();
    NRT_GE_FATAL(pid, 0);
    if (pid == 0) {
        close(p[0]);
        if (setgroups(0, NULL) == 0 && setresgid(NOBODY, NOBODY, NOBODY) == 0 &&
            setresuid(NOBODY, NOBODY, NOBODY) == 0) {
            out.code = fn(r);
            nr_get_last_error(NULL, out.text, sizeof out.text, NULL, 0);
        } else {
            snprintf(out.text, sizeof out.text, "cannot become uid %d: %s", NOBODY, strerror(errno));
        }
        ssize_t w = write(p[1], &out, sizeof out);
        _exit(w == (ssize_t)sizeof out ? 0 : 1); /* no atexit handlers: they belong to the parent */
    }
    close(p[1]);
    ssize_t got = read(p[0], &out, sizeof out);
    close(p[0]);
    NRT_EQ_FATAL(waitpid(pid, &status, 0), pid);
    NRT_TRUE(got == (ssize_t)sizeof out && WIFEXITED(status) && WEXITSTATUS(status) == 0);
    snprintf(text, size, "%s", out.text);
    return out.code;
}

static DWORD persistent_add_of_c(nr_router *r)
{
    return add(r, "/mnt/c", "fx:c", CONNECT_UPDATE_PROFILE);
}

static DWORD forget_a(nr_router *r)
{
    return nr_cancel_connection(r, "/mnt/a", CONNECT_UPDATE_PROFILE, FALSE);
}

NRT_TEST(lock_left_by_root_fails_writes_of_the_user)
{
    if (geteuid() != 0) {
        fprintf(stderr, "\n    (needs root: a lock owned by root and a second user)\n");
        return;
    }
    nrt_env *env = nrt_env_new();
    nr_router *r = router_with_two_entries(env);
    char text[1024];
    /* The user's own state directory and store; the lock left by a
     * netrouter run with sudo: root's, mode 0600. */
    NRT_EQ_FATAL(chmod(env->dir, 0711), 0);
    NRT_EQ_FATAL(chown(env->state, NOBODY, NOBODY), 0);
    NRT_EQ_FATAL(chown(store_path(env), NOBODY, NOBODY), 0);
    NRT_EQ_FATAL(chmod(nrt_printf(env, "%s/connections.lock", env->state), 0600), 0);
    const char *before = nrt_slurp(env, store_path(env));
    NRT_EQ_CODE(as_nobody(persistent_add_of_c, r, text, sizeof text), WN_CANNOT_OPEN_PROFILE);
    NRT_CONTAINS(text, nrt_printf(env, "%s/connections.lock", env->state));
    NRT_CONTAINS(text, "owned by uid 0");
    NRT_EQ_CODE(as_nobody(forget_a, r, text, sizeof text), WN_CANNOT_OPEN_PROFILE);
    NRT_CONTAINS(text, nrt_printf(env, "%s/connections.lock", env->state));
    NRT_EQ_STR(nrt_slurp(env, store_path(env)), before);
    nrt_env_free(env);
}

/* ---- the store file ---------------------------------------------------------------------------------------- */

static const char GOOD_STORE[] = "{\"version\": 1, \"connections\": [{\"local\": \"/mnt/x\", \"remote\": \"fx:x\", "
                                 "\"provider\": \"pa\", \"provider_type\": 0, \"type\": 1}]}\n";

/* Reads and writes both fail with WN_CANNOT_OPEN_PROFILE naming the store
 * and saying what is wrong; nothing is set aside. */
static void expect_store_refused(nrt_env *env, nr_router *r, const char *what)
{
    NRT_EQ_STR(nrt_remembered(env, r), "error 1205");
    NRT_CONTAINS(nrt_last_error_text(env), store_path(env));
    NRT_CONTAINS(nrt_last_error_text(env), what);
    NRT_EQ_CODE(add(r, "/mnt/c", "fx:c", CONNECT_UPDATE_PROFILE), WN_CANNOT_OPEN_PROFILE);
    NRT_CONTAINS(nrt_last_error_text(env), store_path(env));
    NRT_EQ_STR(damaged_copies(env), "");
}

NRT_TEST(store_symlink_is_not_followed)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    const char *target = nrt_write(env, env->dir, "elsewhere.json", 0600, "%s", GOOD_STORE);
    NRT_EQ_FATAL(symlink(target, store_path(env)), 0);
    expect_store_refused(env, r, "symbolic link");
    NRT_EQ_STR(nrt_slurp(env, target), GOOD_STORE);
    struct stat st;
    NRT_TRUE(lstat(store_path(env), &st) == 0 && S_ISLNK(st.st_mode));
    nrt_env_free(env);
}

NRT_TEST(store_fifo_is_refused_at_once)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_FATAL(mkfifo(store_path(env), 0600), 0);
    alarm(DEADLINE_S);
    expect_store_refused(env, r, "a FIFO");
    NRT_EQ_CODE(nr_restore_connections(r, NULL, NULL, NULL), WN_CANNOT_OPEN_PROFILE);
    alarm(0);
    struct stat st;
    NRT_TRUE(lstat(store_path(env), &st) == 0 && S_ISFIFO(st.st_mode));
    nrt_env_free(env);
}

NRT_TEST(group_writable_store_is_refused_and_left_alone)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    nrt_write(env, env->state, "connections.json", 0660, "%s", GOOD_STORE);
    expect_store_refused(env, r, "writable by its group");
    NRT_EQ_STR(nrt_slurp(env, store_path(env)), GOOD_STORE);
    nrt_env_free(env);
}

NRT_TEST(store_of_another_user_is_refused)
{
    if (geteuid() != 0) {
        fprintf(stderr, "\n    (needs root: a store given to another user)\n");
        return;
    }
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    nrt_write(env, env->state, "connections.json", 0600, "%s", GOOD_STORE);
    NRT_EQ_FATAL(chown(store_path(env), NOBODY, NOBODY), 0);
    expect_store_refused(env, r, "owned by uid 65534");
    NRT_EQ_STR(nrt_slurp(env, store_path(env)), GOOD_STORE);
    nrt_env_free(env);
}

NRT_TEST(store_that_is_a_directory_is_refused)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_FATAL(mkdir(store_path(env), 0700), 0);
    expect_store_refused(env, r, "a directory");
    nrt_env_free(env);
}

/* ---- the state directory ----------------------------------------------------------------------------------- */

/* A foreign store asking root to connect something where the attacker
 * wants it: it must never reach the provider. */
static void plant_foreign_store(nrt_env *env)
{
    nrt_write(env, env->state, "connections.json", 0666,
              "{\"version\": 1, \"connections\": [{\"local\": \"%s/planted\", \"remote\": \"fx:etc\", "
              "\"provider\": \"pa\", \"provider_type\": 0, \"type\": 1}]}\n",
              env->dir);
}

static void expect_state_dir_refused(nrt_env *env, nr_router *r, const char *what)
{
    NRT_EQ_CODE(nr_restore_connections(r, NULL, NULL, NULL), WN_CANNOT_OPEN_PROFILE);
    NRT_CONTAINS(nrt_last_error_text(env), nrt_printf(env, "state directory %s", env->cfg.state_dir));
    NRT_CONTAINS(nrt_last_error_text(env), what);
    NRT_EQ_CODE(add(r, "/mnt/c", "fx:c", CONNECT_UPDATE_PROFILE), WN_CANNOT_OPEN_PROFILE);
    NRT_CONTAINS(nrt_last_error_text(env), what);
    NRT_EQ(nrt_count(env, "NPAddConnection3"), 0);
}

NRT_TEST(foreign_world_writable_state_directory_is_refused)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    plant_foreign_store(env);
    NRT_EQ_FATAL(chmod(env->state, 0777), 0);
    if (geteuid() == 0) {
        NRT_EQ_FATAL(chown(env->state, NOBODY, NOBODY), 0);
        NRT_EQ_FATAL(chown(store_path(env), NOBODY, NOBODY), 0);
        expect_state_dir_refused(env, r, "owned by uid 65534");
    } else {
        expect_state_dir_refused(env, r, "writable by other users");
    }
    NRT_NE(access(nrt_printf(env, "%s/connections.lock", env->state), F_OK), 0);
    nrt_env_free(env);
}

NRT_TEST(group_writable_state_directory_is_refused)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    plant_foreign_store(env);
    NRT_EQ_FATAL(chmod(store_path(env), 0600), 0);
    NRT_EQ_FATAL(chmod(env->state, 0770), 0);
    expect_state_dir_refused(env, r, "writable by its group");
    nrt_env_free(env);
}

NRT_TEST(state_directory_symlink_is_refused)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    env->cfg.state_dir = nrt_printf(env, "%s/state-link", env->dir);
    NRT_EQ_FATAL(symlink(env->state, env->cfg.state_dir), 0);
    nr_router *r = nrt_router(env);
    plant_foreign_store(env);
    NRT_EQ_FATAL(chmod(store_path(env), 0600), 0);
    expect_state_dir_refused(env, r, "symbolic link");
    nrt_env_free(env);
}

/* An empty state directory name is no directory: it means the default, as
 * an empty NETROUTER_STATE_DIR does.  (It used to reach mkdir -p as "", which
 * read past the end of the name.) */
NRT_TEST(empty_state_directory_name_means_the_default)
{
    nrt_env *env = nrt_env_new();
    const char *xdg = nrt_printf(env, "%s/xdg-state", env->dir), *old = getenv("XDG_STATE_HOME");
    char *saved = old ? strdup(old) : NULL;
    nrt_provider(env, "pa", 10, NULL, NULL);
    setenv("XDG_STATE_HOME", xdg, 1);
    env->cfg.state_dir = "";
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ(access(nrt_printf(env, "%s/netrouter/connections.json", xdg), F_OK), 0);
    if (saved)
        setenv("XDG_STATE_HOME", saved, 1);
    else
        unsetenv("XDG_STATE_HOME");
    free(saved);
    nrt_env_free(env);
}

/* A relative state directory is taken from the working directory of
 * nr_router_new(), once: a later chdir() of the application does not move
 * the store, and messages name an absolute path. */
NRT_TEST(relative_state_directory_is_fixed_when_the_router_is_made)
{
    nrt_env *env = nrt_env_new();
    char *cwd = getcwd(NULL, 0);
    nrt_provider(env, "pa", 10, NULL, NULL);
    NRT_TRUE_FATAL(cwd != NULL && chdir(env->dir) == 0);
    env->cfg.state_dir = "relative-state";
    nr_router *r = nrt_router(env);
    NRT_EQ_FATAL(chdir("/"), 0);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ(access(nrt_printf(env, "%s/relative-state/connections.json", env->dir), F_OK), 0);
    NRT_NE(access("/relative-state", F_OK), 0);
    NRT_EQ_FATAL(chdir(cwd), 0);
    free(cwd);
    nrt_env_free(env);
}

/* root with another user's HOME (sudo -E): creating the default state
 * directory would leave root-owned ~/.local and ~/.local/state, mode 0700,
 * in that user's home, which the user's own programs cannot enter any more.
 * A missing directory is created only inside one owned by the effective
 * user or by root. */
NRT_TEST(state_directory_is_never_created_inside_another_users_directory)
{
    if (geteuid() != 0) {
        fprintf(stderr, "\n    (needs root: a directory of a second user)\n");
        return;
    }
    nrt_env *env = nrt_env_new();
    const char *home = nrt_subdir(env, "alice");
    nrt_provider(env, "pa", 10, NULL, NULL);
    NRT_EQ_FATAL(chown(home, NOBODY, NOBODY), 0);
    env->cfg.state_dir = nrt_printf(env, "%s/.local/state/netrouter", home);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", CONNECT_UPDATE_PROFILE), WN_CANNOT_OPEN_PROFILE);
    NRT_CONTAINS(nrt_last_error_text(env), nrt_printf(env, "%s belongs to uid 65534", home));
    NRT_EQ_STR(nrt_dir_entries(env, home, ""), "");
    NRT_EQ(nrt_count(env, "NPCancelConnection"), 1); /* the connection was undone */
    nrt_env_free(env);
}

/* Without HOME, XDG_STATE_HOME and NETROUTER_STATE_DIR (a cron job, a
 * service) there is no store: nothing is remembered, so nothing reserves a
 * local name and a connection that is not to be remembered goes ahead; one
 * that is to be remembered fails, saying why. */
NRT_TEST(without_any_state_directory_only_remembering_fails)
{
    static const char *const vars[] = { "HOME", "XDG_STATE_HOME", "NETROUTER_STATE_DIR" };
    char *saved[3];
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    env->cfg.state_dir = NULL;
    for (int i = 0; i < 3; i++) {
        const char *v = getenv(vars[i]);
        saved[i] = v ? strdup(v) : NULL;
        unsetenv(vars[i]);
    }
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", 0), WN_SUCCESS);
    NRT_EQ_STR(nrt_remembered(env, r), "");
    NRT_EQ_CODE(add(r, "/mnt/b", "fx:b", CONNECT_UPDATE_PROFILE), WN_CANNOT_OPEN_PROFILE);
    NRT_CONTAINS(nrt_last_error_text(env), "no state directory");
    for (int i = 0; i < 3; i++) {
        if (saved[i])
            setenv(vars[i], saved[i], 1);
        free(saved[i]);
    }
    nrt_env_free(env);
}

/* ---- temporary files -------------------------------------------------------------------------------------- */

NRT_TEST(leftover_temporary_files_are_removed_by_the_next_operation)
{
    nrt_env *env = nrt_env_new();
    nr_router *r = router_with_two_entries(env);
    /* what writers killed between creating and renaming leave: a half file
     * and an empty one, with pids that are gone or were never there */
    nrt_write(env, env->state, "connections.json.tmp-1", 0600, "{\"version\": 1, \"conn");
    nrt_write(env, env->state, "connections.json.tmp-4194303", 0600, "%s", "");
    NRT_EQ_STR(nrt_remembered(env, r), "/mnt/a=fx:a@pa /mnt/b=fx:b@pa");
    NRT_EQ_STR(nrt_dir_entries(env, env->state, "connections.json.tmp"), "");
    nrt_env_free(env);
}

NRT_TEST(planted_temporary_symlink_is_removed_not_followed)
{
    nrt_env *env = nrt_env_new();
    nr_router *r = router_with_two_entries(env);
    const char *elsewhere = nrt_printf(env, "%s/written-through-the-link", env->dir);
    /* the name this very process writes its temporary file under */
    NRT_EQ_FATAL(symlink(elsewhere, nrt_printf(env, "%s/connections.json.tmp-%ld", env->state, (long)getpid())), 0);
    NRT_EQ_CODE(add(r, "/mnt/c", "fx:c", CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_NE(access(elsewhere, F_OK), 0);
    NRT_EQ_STR(nrt_dir_entries(env, env->state, "connections.json.tmp"), "");
    NRT_EQ_STR(nrt_remembered(env, r), "/mnt/a=fx:a@pa /mnt/b=fx:b@pa /mnt/c=fx:c@pa");
    nrt_env_free(env);
}

/* ---- damage ------------------------------------------------------------------------------------------------ */

NRT_TEST(damage_message_has_line_and_column)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    nrt_write(env, env->state, "connections.json", 0600, "{\"version\": 1,\n \"connections\": [,]}\n");
    NRT_EQ_STR(nrt_remembered(env, r), "error 1206");
    NRT_CONTAINS(nrt_last_error_text(env), "line 2 column 18");
    NRT_NE(*damaged_copies(env), '\0');
    nrt_env_free(env);
}

NRT_TEST(out_of_range_number_is_damage_naming_the_entry_and_key)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    nrt_write(env, env->state, "connections.json", 0600,
              "{\"version\": 1, \"connections\": [{\"local\": \"/mnt/x\", \"remote\": \"fx:x\", "
              "\"provider\": \"pa\", \"type\": 4294967297}]}\n");
    NRT_EQ_STR(nrt_remembered(env, r), "error 1206");
    NRT_CONTAINS(nrt_last_error_text(env), "entry 1: \"type\"");
    nrt_env_free(env);
}

/* A NUL byte is no JSON: the store is set aside, the message says where. */
NRT_TEST(nul_byte_is_damage_at_its_position)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    const char *path = nrt_write(env, env->state, "connections.json", 0600,
                                 "{\"version\": 1,\n \"connections\": []}@\n");
    FILE *f = fopen(path, "r+");
    NRT_NOT_NULL_FATAL(f);
    NRT_TRUE(fseek(f, 34, SEEK_SET) == 0 && fputc('\0', f) == 0 && fclose(f) == 0);
    NRT_EQ_STR(nrt_remembered(env, r), "error 1206");
    NRT_CONTAINS(nrt_last_error_text(env), "line 2 column 20");
    NRT_CONTAINS(nrt_last_error_text(env), "NUL");
    NRT_NE(*damaged_copies(env), '\0');
    nrt_env_free(env);
}
