/*
 * test-ras-uucplock.c - the UUCP lock protocol (providers/ras/port/uucplock.c)
 * under attack: many processes racing for one stale lock, plainly and with
 * every removal slowed down so that a check-then-remove window shows; a
 * FIFO or a symbolic link planted at the lock path; a lock file that is
 * still being written; another user's lock in a sticky world-writable lock
 * directory; and unlocking a lock that is no longer ours.
 *
 * The slowing comes from outside the code under test: this program is
 * linked with -Wl,--wrap for unlink, unlinkat, rename, renameat and flock
 * (tests/ras/local.mk), and the wrappers below sleep before the real
 * call while armed.  The production code carries no test hook at all, and
 * the same test can be run against any version of uucplock.c.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cunit-main.h"
#include "files.h"
#include "uucplock.h"

#define DEVICE "/dev/ttyNR0"
#define LOCK_NAME "LCK..ttyNR0"
#define NOBODY 65534

static char tmpdir[] = "/tmp/nr-uucplock.XXXXXX";
NRT_SUITE("ras-uucplock", .tmpdir = tmpdir);

/* ---- the slowed-down removal (link-time wrappers) ---------------------------------- */

static unsigned slow_us; /* 0: off; else sleep this long before each wrapped call */

static void slow_down(const char *path)
{
    if (slow_us && (!path || strstr(path, "LCK.."))) {
        struct timespec ts = { 0, (long)slow_us * 1000L };
        nanosleep(&ts, NULL);
    }
}

int __real_unlink(const char *path);
int __wrap_unlink(const char *path);
int __real_unlinkat(int dirfd, const char *path, int flags);
int __wrap_unlinkat(int dirfd, const char *path, int flags);
int __real_rename(const char *from, const char *to);
int __wrap_rename(const char *from, const char *to);
int __real_renameat(int fromfd, const char *from, int tofd, const char *to);
int __wrap_renameat(int fromfd, const char *from, int tofd, const char *to);
int __real_flock(int fd, int op);
int __wrap_flock(int fd, int op);

int __wrap_unlink(const char *path)
{
    slow_down(path);
    return __real_unlink(path);
}

int __wrap_unlinkat(int dirfd, const char *path, int flags)
{
    slow_down(path);
    return __real_unlinkat(dirfd, path, flags);
}

int __wrap_rename(const char *from, const char *to)
{
    slow_down(to);
    return __real_rename(from, to);
}

int __wrap_renameat(int fromfd, const char *from, int tofd, const char *to)
{
    slow_down(to);
    return __real_renameat(fromfd, from, tofd, to);
}

int __wrap_flock(int fd, int op)
{
    slow_down(NULL);
    return __real_flock(fd, op);
}

/* ---- small helpers ---------------------------------------------------------------- */

/* A fresh lock directory tmpdir/name; its lock path in lock[PATH_MAX].
 * tmpdir is opened to everybody so that a second user reaches it. */
static const char *fresh_dir(const char *name, mode_t mode, char *lock)
{
    static char dir[256];
    NRT_EQ_FATAL(chmod(tmpdir, 0755), 0);
    snprintf(dir, sizeof dir, "%s/%s", tmpdir, name);
    NRT_EQ_FATAL(mkdir(dir, 0700), 0);
    NRT_EQ_FATAL(chmod(dir, mode), 0); /* past the umask */
    snprintf(lock, PATH_MAX, "%s/%s", dir, LOCK_NAME);
    return dir;
}

/* Writes text to path atomically (a temporary file renamed over it). */
static void put_file(const char *path, const void *text, size_t len)
{
    char tmp[PATH_MAX];
    snprintf(tmp, sizeof tmp, "%s.put", path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    NRT_GE_FATAL(fd, 0);
    NRT_EQ_FATAL(write(fd, text, len), (ssize_t)len);
    close(fd);
    NRT_EQ_FATAL(rename(tmp, path), 0);
}

static void put_pid(const char *path, pid_t pid)
{
    char text[16];
    int n = snprintf(text, sizeof text, "%10d\n", (int)pid);
    put_file(path, text, (size_t)n);
}

static void read_text(const char *path, char *buf, size_t cap)
{
    buf[0] = '\0';
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return;
    ssize_t n = read(fd, buf, cap - 1);
    buf[n > 0 ? n : 0] = '\0';
    close(fd);
}

static bool holds_pid(const char *path, pid_t pid)
{
    char text[32], want[32];
    read_text(path, text, sizeof text);
    snprintf(want, sizeof want, "%10d\n", (int)pid);
    return strcmp(text, want) == 0;
}

static bool exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

/* How many entries dir holds (besides . and ..). */
static int entries(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    if (!d)
        return -1;
    for (struct dirent *de; (de = readdir(d)) != NULL;)
        n += strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0;
    closedir(d);
    return n;
}

/* The PID of a process that has exited and been reaped. */
static pid_t dead_pid(void)
{
    pid_t p = fork();
    if (p == 0)
        _exit(0);
    NRT_GT_FATAL(p, 0);
    waitpid(p, NULL, 0);
    return p;
}

static bool is_dead(pid_t pid)
{
    return kill(pid, 0) != 0 && errno == ESRCH;
}

/* Reads exactly len bytes within timeout_ms; false on timeout or EOF. */
static bool read_within(int fd, void *p, size_t len, int timeout_ms)
{
    char *c = p;
    while (len > 0) {
        struct pollfd pfd = { fd, POLLIN, 0 };
        int r = poll(&pfd, 1, timeout_ms);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return false;
        ssize_t n = read(fd, c, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        c += n;
        len -= (size_t)n;
    }
    return true;
}

/* What one call of the lock API did, sent back from a child process. */
typedef struct outcome {
    int worker;
    int rc;
    pid_t owner;
    pid_t pid;
    char why[NR_UUCP_WHY_SIZE];
    char bad[128]; /* "" or what a lock holder found wrong */
} outcome;

typedef struct call {
    enum { LOCK, UNLOCK, READ_PID } what;
    const char *dir;
    const char *path;
    uid_t uid; /* 0: stay root */
} call;

static void do_call(const call *c, outcome *o)
{
    char path[PATH_MAX];
    o->pid = getpid();
    switch (c->what) {
    case LOCK:
        o->rc = nr_uucp_lock(c->dir, DEVICE, path, sizeof path, &o->owner, o->why);
        break;
    case UNLOCK:
        nr_uucp_unlock(c->path);
        break;
    case READ_PID:
        o->owner = nr_uucp_read_pid(c->path);
        break;
    }
}

/* Runs the call in a child process (as c->uid when not 0), so that a call
 * that blocks shows as a failure instead of hanging the suite.  False when
 * it did not return within 20 s (the child is then killed). */
static bool call_in_child(const call *c, outcome *o)
{
    int p[2];
    memset(o, 0, sizeof *o);
    NRT_EQ_FATAL(pipe2(p, O_CLOEXEC), 0);
    pid_t child = fork();
    NRT_GE_FATAL(child, 0);
    if (child == 0) {
        close(p[0]);
        if (c->uid && (setgroups(0, NULL) != 0 || setresgid(c->uid, c->uid, c->uid) != 0
                       || setresuid(c->uid, c->uid, c->uid) != 0))
            _exit(3);
        do_call(c, o);
        _exit(nr_write_all(p[1], o, sizeof *o) ? 0 : 2);
    }
    close(p[1]);
    bool done = read_within(p[0], o, sizeof *o, 20000);
    close(p[0]);
    if (!done)
        kill(child, SIGKILL);
    int status;
    waitpid(child, &status, 0);
    return done && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* ---- many processes racing for one stale lock ------------------------------------- */

#define WORKERS 32
#define ROUNDS 200

/* One racer: on 'L' tries the lock and reports; on 'U' (only sent to the
 * holder) checks it still holds the lock, releases it and reports.  While
 * holding the lock it keeps a marker file created with O_EXCL, so two
 * holders at once cannot both believe they are alone. */
static void racer(int id, int go, int out, const char *dir, const char *marker)
{
    char path[PATH_MAX] = "", c;
    for (;;) {
        ssize_t n = read(go, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            _exit(0);
        outcome o = { .worker = id, .pid = getpid() };
        if (c == 'L') {
            o.rc = nr_uucp_lock(dir, DEVICE, path, sizeof path, &o.owner, o.why);
            if (o.rc == 0) {
                int fd = open(marker, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
                if (fd < 0)
                    snprintf(o.bad, sizeof o.bad, "took the lock while another process held it");
                else
                    close(fd);
                if (!o.bad[0] && !holds_pid(path, getpid()))
                    snprintf(o.bad, sizeof o.bad, "took the lock, but it does not hold its PID");
            }
        } else {
            if (!holds_pid(path, getpid()))
                snprintf(o.bad, sizeof o.bad, "lost the lock while holding it");
            unlink(marker);
            nr_uucp_unlock(path);
            if (!o.bad[0] && exists(path))
                snprintf(o.bad, sizeof o.bad, "its lock is still there after unlocking");
        }
        if (!nr_write_all(out, &o, sizeof o))
            _exit(2);
    }
}

/* Races `workers` processes for one stale lock (a dead PID) `rounds` times,
 * with every removal and flock slowed by slow_us.  In every round exactly
 * one must win; every other must be told the winner's PID. */
static void race(const char *name, unsigned workers, unsigned rounds, unsigned slow)
{
    char lock[PATH_MAX], marker[PATH_MAX];
    const char *dir = fresh_dir(name, 0755, lock);
    snprintf(marker, sizeof marker, "%s/%s.holder", tmpdir, name);

    int go[WORKERS], res[2];
    pid_t pids[WORKERS];
    NRT_LE_FATAL(workers, WORKERS);
    NRT_EQ_FATAL(pipe2(res, O_CLOEXEC), 0);
    slow_us = slow; /* inherited by the racers */
    for (unsigned i = 0; i < workers; i++) {
        int p[2];
        NRT_EQ_FATAL(pipe2(p, O_CLOEXEC), 0);
        pids[i] = fork();
        NRT_GE_FATAL(pids[i], 0);
        if (pids[i] == 0) {
            close(p[1]);
            close(res[0]);
            for (unsigned j = 0; j < i; j++)
                close(go[j]);
            racer((int)i, p[0], res[1], dir, marker);
        }
        close(p[0]);
        go[i] = p[1];
    }
    slow_us = 0;
    close(res[1]);

    unsigned bad_rounds = 0, silent = 0;
    char first[512] = "";
    pid_t dead = dead_pid();
    for (unsigned round = 0; round < rounds && !silent; round++) {
        if (!is_dead(dead))
            dead = dead_pid();
        unlink(marker);
        put_pid(lock, dead);
        for (unsigned i = 0; i < workers; i++)
            NRT_TRUE_FATAL(nr_write_all(go[i], "L", 1));
        outcome o[WORKERS];
        memset(o, 0, sizeof o);
        unsigned winners = 0, winner = 0;
        char trouble[256] = "";
        for (unsigned i = 0; i < workers; i++) {
            outcome got;
            if (!read_within(res[0], &got, sizeof got, 60000)) {
                silent = 1;
                snprintf(trouble, sizeof trouble, "a racer did not answer within 60 s");
                break;
            }
            o[got.worker] = got;
            if (got.rc == 0) {
                winners++;
                winner = (unsigned)got.worker;
            }
            if (got.bad[0] && !trouble[0])
                snprintf(trouble, sizeof trouble, "process %d %s", (int)got.pid, got.bad);
        }
        if (silent) {
            bad_rounds++;
            snprintf(first, sizeof first, "round %u: %s", round + 1, trouble);
            break;
        }
        if (winners != 1 && !trouble[0])
            snprintf(trouble, sizeof trouble, "%u processes took the lock", winners);
        for (unsigned i = 0; i < workers && !trouble[0]; i++)
            if (i != winner && (o[i].rc != -EBUSY || o[i].owner != o[winner].pid))
                snprintf(trouble, sizeof trouble,
                         "process %d got %d (%s) and owner %d, not busy with owner %d (%s)", (int)o[i].pid,
                         o[i].rc, strerror(o[i].rc < 0 ? -o[i].rc : 0), (int)o[i].owner, (int)o[winner].pid,
                         o[i].why);
        /* Every process that believes it holds the lock gives it back. */
        for (unsigned i = 0; i < workers; i++) {
            if (o[i].rc != 0)
                continue;
            outcome back;
            NRT_TRUE_FATAL(nr_write_all(go[i], "U", 1));
            if (!read_within(res[0], &back, sizeof back, 60000)) {
                silent = 1;
                snprintf(trouble, sizeof trouble, "the holder did not release within 60 s");
                break;
            }
            if (back.bad[0] && !trouble[0])
                snprintf(trouble, sizeof trouble, "process %d %s", (int)back.pid, back.bad);
        }
        if (trouble[0]) {
            if (!bad_rounds++)
                snprintf(first, sizeof first, "round %u: %s", round + 1, trouble);
        }
    }
    for (unsigned i = 0; i < workers; i++)
        close(go[i]);
    for (unsigned i = 0; i < workers; i++) {
        int status = 0;
        if (silent)
            kill(pids[i], SIGKILL);
        waitpid(pids[i], &status, 0);
        if (!silent && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
            NRT_FAIL("a racer did not exit cleanly");
    }
    close(res[0]);
    if (bad_rounds)
        fprintf(stderr, "\n  %s: %u of %u rounds went wrong; first: %s\n", name, bad_rounds, rounds, first);
    NRT_EQ(bad_rounds, 0);
    NRT_FALSE(exists(lock));
    NRT_EQ(entries(dir), 0); /* no temporary file left behind */
}

NRT_TEST(many_processes_racing_for_a_stale_lock_never_share_it)
{
    race("race", WORKERS, ROUNDS, 0);
}

NRT_TEST(many_processes_racing_with_slow_removal_never_share_a_stale_lock)
{
    race("race-slow", WORKERS, ROUNDS, 1000);
}

/* ---- things planted at the lock path ---------------------------------------------- */

NRT_TEST(fifo_at_the_lock_path_is_refused_without_blocking)
{
    char lock[PATH_MAX];
    const char *dir = fresh_dir("fifo-lock", 0755, lock);
    NRT_EQ_FATAL(mkfifo(lock, 0644), 0);
    call c = { LOCK, dir, NULL, 0 };
    outcome o;
    NRT_TRUE_FATAL(call_in_child(&c, &o));
    NRT_EQ(o.rc, -EINVAL);
    NRT_CONTAINS(o.why, "FIFO");
    struct stat st;
    NRT_TRUE(lstat(lock, &st) == 0 && S_ISFIFO(st.st_mode)); /* left alone */
    NRT_EQ(entries(dir), 1);                               /* and no temporary file */
}

NRT_TEST(unlock_leaves_a_fifo_at_the_lock_path_alone_without_blocking)
{
    char lock[PATH_MAX];
    fresh_dir("fifo-unlock", 0755, lock);
    NRT_EQ_FATAL(mkfifo(lock, 0644), 0);
    call c = { UNLOCK, NULL, lock, 0 };
    outcome o;
    NRT_TRUE(call_in_child(&c, &o));
    NRT_TRUE(exists(lock));
}

NRT_TEST(read_pid_of_a_fifo_is_zero_without_blocking)
{
    char lock[PATH_MAX];
    fresh_dir("fifo-read", 0755, lock);
    NRT_EQ_FATAL(mkfifo(lock, 0644), 0);
    call c = { READ_PID, NULL, lock, 0 };
    outcome o;
    NRT_TRUE_FATAL(call_in_child(&c, &o));
    NRT_EQ(o.owner, 0);
}

NRT_TEST(symlink_at_the_lock_path_is_refused_and_left_alone)
{
    char lock[PATH_MAX], target[PATH_MAX], why[NR_UUCP_WHY_SIZE], path[PATH_MAX];
    const char *dir = fresh_dir("symlink", 0755, lock);
    snprintf(target, sizeof target, "%s/elsewhere", tmpdir);
    put_pid(target, dead_pid());
    NRT_EQ_FATAL(symlink(target, lock), 0);
    pid_t owner = -1;
    NRT_EQ(nr_uucp_lock(dir, DEVICE, path, sizeof path, &owner, why), -EINVAL);
    NRT_EQ_STR(path, lock);
    NRT_CONTAINS(why, "symbolic link");
    struct stat st;
    NRT_TRUE(lstat(lock, &st) == 0 && S_ISLNK(st.st_mode));
    NRT_EQ(entries(dir), 1);
    unlink(target);
}

/* ---- locks being written, live, dead, old-style ------------------------------------- */

NRT_TEST(lock_still_being_written_is_not_taken)
{
    /* pppd and others create the file with O_EXCL and write the PID after:
     * an empty, fresh lock file is somebody's lock in the making. */
    char lock[PATH_MAX], why[NR_UUCP_WHY_SIZE], path[PATH_MAX];
    const char *dir = fresh_dir("being-written", 0755, lock);
    put_file(lock, "", 0);
    pid_t owner = -1;
    NRT_EQ(nr_uucp_lock(dir, DEVICE, path, sizeof path, &owner, why), -EBUSY);
    NRT_EQ(owner, 0);
    NRT_CONTAINS(why, "no process ID");
    char text[32];
    read_text(lock, text, sizeof text);
    NRT_EQ_STR(text, "");
    NRT_EQ(entries(dir), 1);
}

NRT_TEST(lock_left_without_a_pid_long_ago_is_stale)
{
    static const char *const contents[] = { "", "garbage\n" };
    for (size_t i = 0; i < 2; i++) {
        char lock[PATH_MAX], why[NR_UUCP_WHY_SIZE], path[PATH_MAX], name[32];
        snprintf(name, sizeof name, "nopid-old-%zu", i);
        const char *dir = fresh_dir(name, 0755, lock);
        put_file(lock, contents[i], strlen(contents[i]));
        struct timespec hour_ago[2] = { { time(NULL) - 3600, 0 }, { time(NULL) - 3600, 0 } };
        NRT_EQ_FATAL(utimensat(AT_FDCWD, lock, hour_ago, 0), 0);
        pid_t owner = -1;
        NRT_EQ(nr_uucp_lock(dir, DEVICE, path, sizeof path, &owner, why), 0);
        NRT_TRUE(holds_pid(lock, getpid()));
        nr_uucp_unlock(path);
        NRT_FALSE(exists(lock));
    }
}

NRT_TEST(lock_of_a_live_process_is_busy_and_names_it)
{
    char lock[PATH_MAX], why[NR_UUCP_WHY_SIZE], path[PATH_MAX];
    const char *dir = fresh_dir("live", 0755, lock);
    put_pid(lock, 1);
    pid_t owner = 0;
    NRT_EQ(nr_uucp_lock(dir, DEVICE, path, sizeof path, &owner, why), -EBUSY);
    NRT_EQ(owner, 1);
    NRT_TRUE(holds_pid(lock, 1));
    NRT_EQ(entries(dir), 1);
}

NRT_TEST(binary_pid_of_old_programs_is_read)
{
    char lock[PATH_MAX];
    fresh_dir("binary", 0755, lock);
    int pid = 4242;
    put_file(lock, &pid, sizeof pid);
    NRT_EQ(nr_uucp_read_pid(lock), 4242);
}

NRT_TEST(stale_lock_of_a_dead_process_is_taken_over)
{
    char lock[PATH_MAX], why[NR_UUCP_WHY_SIZE], path[PATH_MAX];
    const char *dir = fresh_dir("stale", 0755, lock);
    put_pid(lock, dead_pid());
    pid_t owner = -1;
    NRT_EQ(nr_uucp_lock(dir, DEVICE, path, sizeof path, &owner, why), 0);
    NRT_EQ(owner, 0);
    NRT_TRUE(holds_pid(lock, getpid()));
    struct stat st;
    NRT_TRUE(stat(lock, &st) == 0 && (st.st_mode & 07777) == 0644);
    NRT_EQ(entries(dir), 1); /* the lock only: no temporary file */
    nr_uucp_unlock(path);
    NRT_EQ(entries(dir), 0);
}

/* ---- what killed lockers leave --------------------------------------------------------- */

/* A locker killed between creating its temporary file and removing it
 * leaves LTMP.<pid>.XXXXXX in the lock directory (/var/lock, shared by
 * every program of the machine): the next locker removes those of
 * processes that are gone, and nothing else. */
NRT_TEST(temporary_files_of_dead_lockers_are_removed_by_the_next)
{
    char lock[PATH_MAX], why[NR_UUCP_WHY_SIZE], path[PATH_MAX], dead[PATH_MAX], live[PATH_MAX], other[PATH_MAX];
    const char *dir = fresh_dir("leftovers", 0755, lock);
    snprintf(dead, sizeof dead, "%s/LTMP.%d.aB3dE9", dir, (int)dead_pid());
    snprintf(live, sizeof live, "%s/LTMP.%d.aB3dE9", dir, (int)getppid());
    snprintf(other, sizeof other, "%s/LTMP.somebody-else", dir);
    put_pid(dead, 1);
    put_pid(live, 1);
    put_pid(other, 1);
    pid_t owner;
    NRT_EQ_FATAL(nr_uucp_lock(dir, DEVICE, path, sizeof path, &owner, why), 0);
    nr_uucp_unlock(path);
    NRT_FALSE(exists(dead));
    NRT_TRUE(exists(live));  /* its process may be writing it */
    NRT_TRUE(exists(other)); /* not ours to judge */
}

NRT_TEST(lockers_killed_at_random_points_leave_nothing_after_the_next)
{
    char lock[PATH_MAX], why[NR_UUCP_WHY_SIZE], path[PATH_MAX];
    const char *dir = fresh_dir("killed", 0755, lock);
    unsigned seed = (unsigned)getpid();
    for (int i = 0; i < 100; i++) {
        pid_t p = fork();
        NRT_GE_FATAL(p, 0);
        if (p == 0) {
            char mine[PATH_MAX], mywhy[NR_UUCP_WHY_SIZE];
            pid_t o;
            for (;;)
                if (nr_uucp_lock(dir, DEVICE, mine, sizeof mine, &o, mywhy) == 0)
                    nr_uucp_unlock(mine);
        }
        struct timespec ts = { 0, (long)(rand_r(&seed) % 2000) * 1000L };
        nanosleep(&ts, NULL);
        kill(p, SIGKILL);
        waitpid(p, NULL, 0);
    }
    pid_t owner;
    NRT_EQ_FATAL(nr_uucp_lock(dir, DEVICE, path, sizeof path, &owner, why), 0);
    nr_uucp_unlock(path);
    NRT_EQ(entries(dir), 0);
}

/* ---- unlocking ------------------------------------------------------------------------ */

NRT_TEST(unlock_leaves_a_lock_of_another_process_alone)
{
    char lock[PATH_MAX], why[NR_UUCP_WHY_SIZE], path[PATH_MAX];
    const char *dir = fresh_dir("not-ours", 0755, lock);
    pid_t owner;
    NRT_EQ_FATAL(nr_uucp_lock(dir, DEVICE, path, sizeof path, &owner, why), 0);
    /* Somebody replaced our lock (say, an administrator gave the port to
     * process 1): it is no longer ours to remove. */
    put_pid(lock, 1);
    nr_uucp_unlock(path);
    NRT_TRUE(holds_pid(lock, 1));
}

/* ---- a lock directory writable by everybody (/var/lock is 1777) ---------------------- */

static bool need_root(void)
{
    if (geteuid() == 0)
        return true;
    fprintf(stderr, "\n  (skipped: needs root to act as a second user)\n");
    return false;
}

NRT_TEST(another_user_can_lock_in_a_sticky_world_writable_directory)
{
    if (!need_root())
        return;
    char lock[PATH_MAX];
    const char *dir = fresh_dir("sticky-lock", 01777, lock);
    put_pid(lock, dead_pid());
    NRT_EQ_FATAL(chown(lock, NOBODY, NOBODY), 0); /* a stale lock of that user's own */
    call c = { LOCK, dir, NULL, NOBODY };
    outcome o;
    NRT_TRUE_FATAL(call_in_child(&c, &o));
    NRT_EQ(o.rc, 0);
    NRT_TRUE(holds_pid(lock, o.pid));
    struct stat st;
    NRT_TRUE(stat(lock, &st) == 0 && st.st_uid == NOBODY && (st.st_mode & 07777) == 0644);
    NRT_EQ(entries(dir), 1);
}

NRT_TEST(stale_lock_of_another_user_in_a_sticky_directory_is_refused_naming_its_owner)
{
    if (!need_root())
        return;
    char lock[PATH_MAX];
    const char *dir = fresh_dir("sticky-foreign", 01777, lock);
    pid_t dead = dead_pid();
    put_pid(lock, dead); /* owned by root */
    call c = { LOCK, dir, NULL, NOBODY };
    outcome o;
    NRT_TRUE_FATAL(call_in_child(&c, &o));
    NRT_EQ(o.rc, -EPERM);
    NRT_CONTAINS(o.why, "uid 0");
    NRT_TRUE(holds_pid(lock, dead));
    NRT_EQ(entries(dir), 1);
}

NRT_TEST(root_takes_over_a_stale_lock_of_another_user_in_a_sticky_directory)
{
    if (!need_root())
        return;
    char lock[PATH_MAX], why[NR_UUCP_WHY_SIZE], path[PATH_MAX];
    const char *dir = fresh_dir("sticky-root", 01777, lock);
    put_pid(lock, dead_pid());
    NRT_EQ_FATAL(chown(lock, NOBODY, NOBODY), 0);
    pid_t owner;
    NRT_EQ(nr_uucp_lock(dir, DEVICE, path, sizeof path, &owner, why), 0);
    NRT_TRUE(holds_pid(lock, getpid()));
    nr_uucp_unlock(path);
    NRT_EQ(entries(dir), 0);
}
