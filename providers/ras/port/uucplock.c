/*
 * uucplock.c - UUCP lock files (see uucplock.h). Owns the create/verify/
 * take-over/remove protocol for "LCK..<device>" and nothing else; no
 * global state.
 *
 * The protocol
 * ------------
 * Taking the lock P = <dir>/LCK..<device>:
 *  1. Write our PID ("%10d\n", mode 0644) to a fresh temporary file T in
 *     the same directory.
 *  2. link(T, P). Success: the lock is ours (link() never replaces a file,
 *     just like the O_EXCL create of pppd). EEXIST: go on.
 *  3. Open what P names, without following a symbolic link and without
 *     blocking, and refuse anything but a regular file (a FIFO planted as
 *     LCK..ttyS0 must not hang us; it is left alone). Read the PID from
 *     that descriptor. A live PID: busy. No PID: the file is being written
 *     by a program that creates with O_EXCL and writes after, so wait for
 *     the PID a little, and call the file stale only once it has stayed
 *     without one for NOPID_STALE_S.
 *  4. Stale: take an exclusive flock() on that same descriptor. Under it,
 *     check that P still names the file we hold open (st_dev and st_ino of
 *     lstat(P) against fstat(fd)) and read the PID again from the
 *     descriptor. If P has changed, or the file is no longer stale, drop
 *     it and start again at step 2.
 *  5. Still the same stale file: rename(T, P). The stale file is replaced
 *     in one step by a complete lock of ours. Closing the descriptor
 *     releases the flock.
 * Giving the lock back: open P as in step 3, flock it, check under the
 * flock that it holds our PID and that P still names it, unlink(P).
 *
 * Why two of our processes can never own the lock at once
 * -------------------------------------------------------
 * Among processes following this protocol, the file that P names changes
 * only in two ways: by link(), which only ever fills an empty name, and by
 * a rename() or unlink() made while holding the flock of the file P names,
 * after seeing under that flock that P names it. flock() is exclusive per
 * file, so while process A holds it and has seen P name F, no other process
 * can make P name something else: it would need the flock of F (and would
 * then see P change only after A is done), and link() cannot replace F.
 * So A's rename() replaces exactly F, and F is the file whose PID A found
 * dead, read through the same descriptor. A process B that judged F stale
 * too and waited for its flock finds, once it has it, that P no longer
 * names F, starts again, and reads A's live PID: busy. The dev/ino pair
 * cannot be recycled for another file meanwhile, because we keep F open
 * while comparing. Ownership therefore only ever moves from nobody to one
 * process (link) or from a dead owner to one process (rename over a file
 * judged dead under its flock); never away from a live owner, and never to
 * two. Unlocking removes only the file it checked (our PID, same dev/ino)
 * under that file's flock, so it cannot remove a lock that another process
 * following the protocol took in the meantime.
 * A plain check-then-unlink, the old way, had a window in which a second
 * process deleted the lock the first had just taken.
 *
 * Other programs (pppd, minicom, cu, lockdev) know nothing of the flock.
 * They create with link() or O_EXCL, which cannot disturb a lock of ours,
 * and remove only locks whose PID is dead, which ours is not while we
 * live. Their own removal is still a check-then-unlink: one of them that
 * judged the same stale lock at the same moment as we did can unlink the
 * lock we just put in its place, exactly as it can unlink another pppd's.
 * That window is theirs; POSIX has no "unlink if still this inode", and
 * nothing here widens it. The files we leave are what they expect:
 * "%10d\n", mode 0644, under the usual name, complete from the first
 * moment they are visible.
 *
 * Leftovers. A locker killed between step 1 and the removal of T leaves T
 * behind, named LTMP.<its PID>.XXXXXX. Each locker removes, before step 1,
 * the files of that form whose process no longer exists (kill(pid, 0):
 * ESRCH): such a process cannot be writing one, and the PID is that of the
 * process that created it. In a sticky directory only their owner or root
 * can; the others stay until one of them locks. The PID is only meaningful
 * within one PID namespace: lockers in several containers sharing one lock
 * directory would take each other's temporary files for leftovers (and a
 * lock attempt would then fail and be retried by its caller), just as
 * their stale-lock judgements already mistake each other's live locks.
 *
 * The lock directory may be writable by everybody (/var/lock is 1777 root,
 * or 0775 root:uucp): nothing here trusts its other entries, and in a
 * sticky directory a stale lock of another user can only be replaced by
 * that user or root, which is reported as such.
 */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "files.h"
#include "uucplock.h"

_Static_assert(NR_UUCP_WHY_SIZE >= NR_WHY_SIZE, "room for the refusals of nr_file_open()");

/* A lock file without a PID is somebody's lock in the making (created with
 * O_EXCL, PID written just after) until it has stayed so this long. */
#define NOPID_STALE_S 10
/* How long to wait for the PID of such a file before saying busy. */
#define NOPID_WAIT_MS 500
/* How long to wait for another process's flock on a stale lock (it holds
 * it for a few system calls) before saying busy. */
#define FLOCK_WAIT_MS 5000

/* What step 3 found in the lock file. */
enum verdict { LIVE, STALE, NO_PID_YET };

/* What one attempt came to, besides 0 (ours) and -errno. */
enum { AGAIN = 1, WAIT_FLOCK, WAIT_PID };

static void pause_ms(long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

__attribute__((format(printf, 3, 4)))
static int say(char *why, int rc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, NR_UUCP_WHY_SIZE, fmt, ap);
    va_end(ap);
    return rc;
}

/* The PID in the first bytes of a lock file: ASCII ("%10d\n", leading
 * blanks allowed) or the old binary form (a raw int); 0 if none. */
static pid_t parse_pid(const char *buf, ssize_t n)
{
    if (n <= 0)
        return 0;
    if (n == (ssize_t)sizeof(int)) {
        /* Kermit/old UUCP binary form: a raw int. ASCII is 11 bytes. */
        int bin;
        memcpy(&bin, buf, sizeof bin);
        return bin > 0 ? (pid_t)bin : 0;
    }
    char text[32];
    memcpy(text, buf, (size_t)n);
    text[n] = '\0';
    char *end;
    errno = 0;
    long pid = strtol(text, &end, 10);
    if (errno != 0 || end == text || pid <= 0 || pid > INT_MAX)
        return 0;
    return (pid_t)pid;
}

/* The PID in the open lock file fd, read from its start. */
static pid_t read_pid_fd(int fd)
{
    char buf[31];
    ssize_t n;
    do
        n = pread(fd, buf, sizeof buf, 0);
    while (n < 0 && errno == EINTR);
    return parse_pid(buf, n);
}

/* Opens the lock file path read-only for judging: no symbolic link, no
 * blocking, regular files only, any owner (another user's program may have
 * written it). As nr_file_open(). */
static int open_lock(const char *path, struct stat *st, char *why)
{
    return nr_file_open(AT_FDCWD, path, NR_FILE_NOFOLLOW | NR_FILE_ANY_OWNER, st, why);
}

pid_t nr_uucp_read_pid(const char *path)
{
    struct stat st;
    char why[NR_WHY_SIZE];
    if (!path)
        return 0;
    int fd = open_lock(path, &st, why);
    if (fd < 0)
        return 0;
    pid_t pid = read_pid_fd(fd);
    close(fd);
    return pid;
}

/* True when the process pid has ended but not been reaped yet: it holds
 * nothing any more (its descriptors are closed), whatever kill() says. */
static bool pid_zombie(pid_t pid)
{
    char path[64], buf[256];
    const char *close_paren;
    ssize_t n;
    int fd;
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0)
        return false;
    buf[n] = '\0';
    close_paren = strrchr(buf, ')'); /* "PID (COMM) STATE ...", COMM may hold anything */
    return close_paren && close_paren[1] == ' ' && close_paren[2] == 'Z';
}

bool nr_uucp_pid_alive(pid_t pid)
{
    return (kill(pid, 0) == 0 || errno == EPERM) && !pid_zombie(pid);
}

static bool pid_alive(pid_t pid)
{
    return nr_uucp_pid_alive(pid);
}

/* Step 3: the verdict on the open lock file fd; *pid is what it holds. */
static enum verdict judge(int fd, const struct stat *st, pid_t *pid)
{
    *pid = read_pid_fd(fd);
    if (*pid > 0)
        return pid_alive(*pid) ? LIVE : STALE;
    time_t age = time(NULL) - st->st_mtime;
    return age >= NOPID_STALE_S ? STALE : NO_PID_YET;
}

static const char *device_base(const char *device)
{
    const char *slash = strrchr(device, '/');
    return slash ? slash + 1 : device;
}

/* Removes the temporary files of lockers that no longer exist (see the top
 * of the file). Best effort. */
static void remove_dead_temps(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    for (struct dirent *de; (de = readdir(d)) != NULL;) {
        const char *name = de->d_name;
        char *end;
        if (strncmp(name, "LTMP.", 5) != 0 || !isdigit((unsigned char)name[5]))
            continue;
        errno = 0;
        long pid = strtol(name + 5, &end, 10);
        if (errno != 0 || *end != '.' || strlen(end + 1) != 6 || pid <= 0 || pid > INT_MAX)
            continue; /* not of our form: another program's to judge */
        if ((pid_t)pid != getpid() && !pid_alive((pid_t)pid))
            unlinkat(dirfd(d), name, 0);
    }
    closedir(d);
}

/* Step 1: writes our PID to a fresh temporary file in dir, named in
 * tmp[cap]; returns 0 or -errno with why. */
static int write_temp(const char *dir, char *tmp, size_t cap, char *why)
{
    int n = snprintf(tmp, cap, "%s/LTMP.%d.XXXXXX", dir, (int)getpid());
    if (n < 0 || (size_t)n >= cap)
        return say(why, -ENAMETOOLONG, "the name of its temporary file is too long");
    int fd = mkostemp(tmp, O_CLOEXEC);
    if (fd < 0)
        return say(why, -errno, "cannot create a temporary file in %s: %s", dir, strerror(errno));
    char buf[16];
    int len = snprintf(buf, sizeof buf, "%10d\n", (int)getpid());
    int rc = 0;
    if (fchmod(fd, 0644) != 0 || !nr_write_all(fd, buf, (size_t)len))
        rc = say(why, -errno, "cannot write the temporary file %s: %s", tmp, strerror(errno));
    if (close(fd) != 0 && rc == 0)
        rc = say(why, -errno, "cannot write the temporary file %s: %s", tmp, strerror(errno));
    if (rc != 0)
        unlink(tmp);
    return rc;
}

/* Steps 4 and 5 on the stale lock open as fd (stat st, PID pid): 0 when
 * T now holds the lock's name, AGAIN, WAIT_FLOCK, or -errno with why. */
static int take_over(int fd, const struct stat *st, pid_t pid, const char *path, const char *tmp, char *why)
{
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EWOULDBLOCK || errno == EINTR)
            return WAIT_FLOCK;
        return say(why, -errno, "cannot flock the stale lock: %s", strerror(errno));
    }
    struct stat now;
    if (lstat(path, &now) != 0) {
        if (errno == ENOENT)
            return AGAIN;
        return say(why, -errno, "cannot stat it: %s", strerror(errno));
    }
    if (now.st_dev != st->st_dev || now.st_ino != st->st_ino)
        return AGAIN; /* somebody took it over first */
    struct stat fresh;
    if (fstat(fd, &fresh) != 0)
        return say(why, -errno, "cannot stat it: %s", strerror(errno));
    pid_t again;
    if (judge(fd, &fresh, &again) != STALE)
        return AGAIN; /* rewritten in place by a program that knows no flock */
    if (rename(tmp, path) == 0)
        return 0;
    int e = errno;
    char whose[48];
    if (pid > 0)
        snprintf(whose, sizeof whose, "of process %d, which is gone,", (int)pid);
    else
        snprintf(whose, sizeof whose, "holding no process ID");
    if ((e == EPERM || e == EACCES) && st->st_uid != geteuid())
        return say(why, -e, "the stale lock %s belongs to uid %u, and the lock directory "
                   "lets only its owner or root replace it (%s)", whose, (unsigned)st->st_uid, strerror(e));
    return say(why, -e, "cannot replace the stale lock %s: %s", whose, strerror(e));
}

/* Steps 2 to 5, once: 0 when the lock is ours (*renamed: by taking a
 * stale one over), LIVE's -EBUSY with *owner, AGAIN, WAIT_FLOCK, WAIT_PID,
 * or -errno with why. */
static int attempt(const char *path, const char *tmp, pid_t *owner, bool *renamed, char *why)
{
    if (link(tmp, path) == 0)
        return 0;
    if (errno != EEXIST)
        return say(why, -errno, "cannot create it: %s", strerror(errno));
    struct stat st;
    int fd = open_lock(path, &st, why);
    if (fd < 0) {
        if (errno == ENOENT)
            return AGAIN; /* removed in between: link again */
        return errno == EINVAL ? -EINVAL : -errno;
    }
    pid_t pid;
    int rc;
    switch (judge(fd, &st, &pid)) {
    case LIVE:
        *owner = pid;
        rc = say(why, -EBUSY, "it belongs to process %d%s", (int)pid,
                 pid == getpid() ? " (this one)" : "");
        break;
    case NO_PID_YET:
        rc = WAIT_PID;
        break;
    case STALE:
    default:
        rc = take_over(fd, &st, pid, path, tmp, why);
        *renamed = rc == 0;
        break;
    }
    close(fd); /* releases the flock, after the rename */
    return rc;
}

int nr_uucp_lock(const char *lock_dir, const char *device, char *path, size_t cap, pid_t *owner, char *why)
{
    char whybuf[NR_UUCP_WHY_SIZE];
    pid_t ownerbuf;
    if (!why)
        why = whybuf;
    if (!owner)
        owner = &ownerbuf;
    why[0] = '\0';
    *owner = 0;
    if (!lock_dir || !device || !path || cap == 0)
        return say(why, -EINVAL, "no lock directory, device or room for the path given");
    path[0] = '\0';
    const char *base = device_base(device);
    if (*base == '\0')
        return say(why, -EINVAL, "the device name %s has no file name", device);
    int n = snprintf(path, cap, "%s/LCK..%s", lock_dir, base);
    if (n < 0 || (size_t)n >= cap) {
        path[0] = '\0';
        return say(why, -ENAMETOOLONG, "the lock file name for %s in %s is too long", base, lock_dir);
    }

    char tmp[PATH_MAX];
    remove_dead_temps(lock_dir);
    int rc = write_temp(lock_dir, tmp, sizeof tmp, why);
    if (rc != 0)
        return rc;

    int64_t start = (int64_t)nr_clock_ms();
    bool renamed = false;
    for (;;) {
        rc = attempt(path, tmp, owner, &renamed, why);
        int64_t spent = (int64_t)nr_clock_ms() - start;
        if (rc <= 0)
            break;
        if (rc == WAIT_PID && spent >= NOPID_WAIT_MS) {
            rc = say(why, -EBUSY, "it holds no process ID yet; another program may still be writing it");
            break;
        }
        if (spent >= FLOCK_WAIT_MS) {
            rc = say(why, -EBUSY, "other processes kept the stale lock under flock() or kept "
                     "replacing it for %d seconds", FLOCK_WAIT_MS / 1000);
            break;
        }
        if (rc != AGAIN)
            pause_ms(1);
    }
    if (!renamed)
        unlink(tmp);
    if (rc == 0)
        why[0] = '\0';
    return rc;
}

void nr_uucp_unlock(const char *path)
{
    if (!path || !*path)
        return;
    int64_t start = (int64_t)nr_clock_ms();
    for (;;) {
        struct stat st, now;
        char why[NR_WHY_SIZE];
        int fd = open_lock(path, &st, why);
        if (fd < 0)
            return; /* gone, or not a lock file at all */
        if (read_pid_fd(fd) != getpid()) {
            close(fd);
            return; /* not ours (any more) */
        }
        if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
            int e = errno;
            close(fd);
            if ((e == EWOULDBLOCK || e == EINTR) && (int64_t)nr_clock_ms() - start < FLOCK_WAIT_MS) {
                pause_ms(1);
                continue;
            }
            return;
        }
        /* Under the flock nobody following the protocol can replace the
         * file P names: remove it only if it is still the one checked. */
        if (lstat(path, &now) == 0 && now.st_dev == st.st_dev && now.st_ino == st.st_ino
            && read_pid_fd(fd) == getpid())
            unlink(path);
        close(fd);
        return;
    }
}
