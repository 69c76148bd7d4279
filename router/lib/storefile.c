/*
 * storefile.c - the files of the remembered-connection store in the
 * router's state directory (storefile.h): the directory, the lock, reading
 * connections.json, replacing it atomically, setting a damaged one aside,
 * and removing what a killed writer left behind.  It knows nothing of JSON.
 *
 * Trust.  The state directory is opened for each operation with
 * nr_dir_open(): not a symbolic link, owned by the effective user, not
 * writable by group or others.  Everything in it is reached through that
 * descriptor (openat, renameat, unlinkat), never by path again, so the
 * directory cannot be swapped underneath.  Its files are opened with
 * O_NOFOLLOW and without blocking, and must be regular files owned by the
 * effective user and not writable by group or others (nr_file_open()).
 * Anything else is refused with a sentence naming the path and what is
 * wrong.  Root gets no exception: a directory or a store of another user
 * could make root create links anywhere.
 *
 * Locking.  Every operation, a read included, holds the router's store
 * mutex (threads) and an exclusive flock() of connections.lock (processes)
 * from before it reads to after it has written.  When the lock cannot be
 * opened or taken, the operation fails, naming the lock and the reason; it
 * never goes on unlocked.  A read locks too because it may set a damaged
 * store aside, which must not race with a writer's rename.  Neither lock is
 * ever held while a plugin runs.  A lock file removed while held is noticed
 * (the inode locked is no longer the one in the directory) and taken anew.
 *
 * Failures.  A store that cannot be opened or read (too many open files,
 * no memory, an I/O error, a permission) is an error of that one call and
 * stays where it is; only content that is not a store, as store.c judges
 * it, is renamed aside.
 *
 * Leftovers.  A write goes to connections.json.tmp-PID (O_EXCL, O_NOFOLLOW,
 * mode 0600), which is fsync()ed and renamed over connections.json before
 * the directory is fsync()ed.  Only the holder of the lock creates such a
 * file, and a holder renames or removes its own before it lets the lock go;
 * a process killed in between loses the lock with its life.  So whoever
 * takes the lock and finds a connections.json.tmp-* file knows that a
 * holder died while writing it, and removes it.  No pid is looked at: a
 * reused pid or another user's pid cannot confuse the rule, and nothing
 * that is being written can be removed.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "files.h"
#include "storefile.h"

#define DAMAGED_PREFIX NR_STORE_FILE ".damaged-"
#define MAX_STORE_SIZE (16u << 20)
#define FILE_RULES (NR_FILE_NOFOLLOW | NR_FILE_OWNER_SELF)

/* ---- the lock ------------------------------------------------------------------------------------ */

/* Opens connections.lock read-write, creating it (mode 0600) when missing;
 * -1 with why filled. */
static int open_lock(nr_storefile *sf, char *why)
{
    struct stat st;
    for (int attempt = 0; attempt < 8; attempt++) {
        int fd = nr_file_open(sf->dirfd, NR_STORE_LOCK, FILE_RULES | NR_FILE_RDWR, &st, why);
        if (fd >= 0 || errno != ENOENT)
            return fd;
        fd = openat(sf->dirfd, NR_STORE_LOCK, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, 0600);
        if (fd >= 0)
            return fd;
        if (errno != EEXIST) {
            snprintf(why, NR_WHY_SIZE, "cannot create it: %s", strerror(errno));
            return -1;
        }
        /* made by another process in the meantime (or a symbolic link): judge it again */
    }
    snprintf(why, NR_WHY_SIZE, "it keeps appearing and disappearing");
    return -1;
}

/* Takes the lock; -1 with why filled. */
static int take_lock(nr_storefile *sf, char *why)
{
    struct stat held, now;
    for (int attempt = 0; attempt < 8; attempt++) {
        int fd = open_lock(sf, why);
        if (fd < 0)
            return -1;
        while (flock(fd, LOCK_EX) < 0) {
            if (errno != EINTR) {
                snprintf(why, NR_WHY_SIZE, "cannot lock it: %s", strerror(errno));
                close(fd);
                return -1;
            }
        }
        /* Still the file of that name?  (Somebody may have removed it while
         * we waited: then its holder and the next process would each hold a
         * lock of their own.) */
        if (fstat(fd, &held) == 0 && fstatat(sf->dirfd, NR_STORE_LOCK, &now, AT_SYMLINK_NOFOLLOW) == 0 &&
            held.st_dev == now.st_dev && held.st_ino == now.st_ino)
            return fd;
        close(fd);
    }
    snprintf(why, NR_WHY_SIZE, "it keeps being replaced while it is locked");
    return -1;
}

DWORD nr__storefile_lock(nr_storefile *sf, nr_router *r, bool create)
{
    char why[NR_WHY_SIZE];
    DWORD rc;
    *sf = (nr_storefile){ .r = r, .dir = r->state_dir, .dirfd = -1, .lockfd = -1 };
    if (!r->state_dir && create)
        return nr__fail(WN_CANNOT_OPEN_PROFILE, "no state directory: set NETROUTER_STATE_DIR, XDG_STATE_HOME or HOME");
    pthread_mutex_lock(&r->store_lock);
    if (!r->state_dir)
        return WN_SUCCESS; /* no store anywhere: nothing is remembered */
    sf->dirfd = nr_dir_open(r->state_dir, create ? NR_DIR_CREATE : 0, why);
    if (sf->dirfd < 0) {
        if (errno == ENOENT && !create)
            return WN_SUCCESS; /* nothing remembered yet */
        rc = nr__fail(WN_CANNOT_OPEN_PROFILE, "the state directory %s cannot be used: %s", r->state_dir, why);
        pthread_mutex_unlock(&r->store_lock);
        return rc;
    }
    sf->lockfd = take_lock(sf, why);
    if (sf->lockfd < 0) {
        rc = nr__fail(WN_CANNOT_OPEN_PROFILE, "cannot take the lock %s/%s of the remembered-connection store: %s",
                      r->state_dir, NR_STORE_LOCK, why);
        close(sf->dirfd);
        sf->dirfd = -1;
        pthread_mutex_unlock(&r->store_lock);
        return rc;
    }
    int removed = nr_file_remove_leftovers(sf->dirfd, NR_STORE_FILE); /* see the header */
    if (removed)
        nr__log(&r->logger, NR_LOG_NOTICE, NULL, "removed %d temporary file%s of %s/%s left by a process that ended while "
                "writing it", removed, removed == 1 ? "" : "s", sf->dir, NR_STORE_FILE);
    return WN_SUCCESS;
}

void nr__storefile_unlock(nr_storefile *sf)
{
    if (sf->lockfd >= 0)
        close(sf->lockfd); /* lets the flock go */
    if (sf->dirfd >= 0)
        close(sf->dirfd);
    sf->lockfd = sf->dirfd = -1;
    pthread_mutex_unlock(&sf->r->store_lock);
}

/* ---- reading, writing, setting aside -------------------------------------------------------------- */

DWORD nr__storefile_read(nr_storefile *sf, char **text, size_t *len)
{
    struct stat st;
    char why[NR_WHY_SIZE];
    *text = NULL;
    *len = 0;
    sf->read_ino = 0;
    if (sf->dirfd < 0)
        return WN_SUCCESS;
    *text = nr_file_load(sf->dirfd, NR_STORE_FILE, FILE_RULES, MAX_STORE_SIZE, len, &st, why);
    if (!*text && errno == ENOENT)
        return WN_SUCCESS;
    if (!*text && errno == EINVAL)
        return nr__fail(WN_CANNOT_OPEN_PROFILE, "refusing the remembered-connection store %s/%s: %s", sf->dir,
                        NR_STORE_FILE, why);
    if (!*text)
        return nr__fail(WN_CANNOT_OPEN_PROFILE, "the remembered-connection store %s/%s cannot be read: %s; it was "
                        "left as it is", sf->dir, NR_STORE_FILE, why);
    sf->read_dev = st.st_dev;
    sf->read_ino = st.st_ino;
    return WN_SUCCESS;
}

DWORD nr__storefile_write(nr_storefile *sf, const char *text, size_t len)
{
    char why[NR_WHY_SIZE];
    if (sf->dirfd < 0)
        return nr__fail(WN_CANNOT_OPEN_PROFILE, "the state directory %s does not exist", sf->dir);
    if (nr_file_replace(sf->dirfd, NR_STORE_FILE, text, len, why) < 0)
        return nr__fail(WN_CANNOT_OPEN_PROFILE, "cannot write the remembered-connection store %s/%s: %s; it was "
                        "left as it is", sf->dir, NR_STORE_FILE, why);
    return WN_SUCCESS;
}

DWORD nr__storefile_set_aside(nr_storefile *sf, const char *why)
{
    char stamp[32], aside[sizeof DAMAGED_PREFIX + 64];
    struct stat now;
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
    snprintf(aside, sizeof aside, DAMAGED_PREFIX "%s-%ld", stamp, (long)getpid());
    /* Only the very file that was judged (the lock keeps netrouter out; a
     * person's editor might not be). */
    if (sf->dirfd < 0 || !sf->read_ino || fstatat(sf->dirfd, NR_STORE_FILE, &now, AT_SYMLINK_NOFOLLOW) < 0 ||
        now.st_dev != sf->read_dev || now.st_ino != sf->read_ino)
        return nr__fail(WN_BAD_PROFILE, "the remembered-connection store %s/%s is damaged (%s) and was replaced "
                        "while it was read; try again", sf->dir, NR_STORE_FILE, why);
    if (renameat(sf->dirfd, NR_STORE_FILE, sf->dirfd, aside) < 0)
        return nr__fail(WN_BAD_PROFILE, "the remembered-connection store %s/%s is damaged (%s) and could not be "
                        "moved aside: %s; fix or remove it", sf->dir, NR_STORE_FILE, why, strerror(errno));
    (void)fsync(sf->dirfd);
    sf->read_ino = 0;
    /* The caller gets the same in its error; a notice for the record. */
    nr__log(&sf->r->logger, NR_LOG_NOTICE, NULL, "store %s/%s is damaged (%s); kept aside as %s/%s", sf->dir, NR_STORE_FILE,
            why, sf->dir, aside);
    return nr__fail(WN_BAD_PROFILE, "the remembered-connection store %s/%s is damaged (%s); it was kept aside as "
                    "%s/%s and a new, empty store will be started", sf->dir, NR_STORE_FILE, why, sf->dir, aside);
}
