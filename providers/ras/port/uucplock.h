/*
 * uucplock.h - UUCP-style lock files for serial devices ("LCK..ttyS0" in
 * /var/lock holding the owner's PID as "%10d\n"), as pppd, minicom, cu and
 * friends use them, so two programs never dial on one port.
 *
 * Owns the lock file only; knows nothing of ttys or modems.  The protocol,
 * and why two processes can never both own one lock, is described at the
 * top of uucplock.c.
 *
 *     char lock[PATH_MAX], why[NR_UUCP_WHY_SIZE];
 *     pid_t owner;
 *     int rc = nr_uucp_lock("/var/lock", "/dev/ttyS0", lock, sizeof lock, &owner, why);
 *     if (rc == -EBUSY && owner > 0)
 *         printf("%s is in use: %s belongs to process %d\n", dev, lock, (int)owner);
 *     else if (rc != 0)
 *         printf("cannot lock %s: lock file %s: %s\n", dev, lock, why);
 *     ...
 *     nr_uucp_unlock(lock);
 *
 * A lock belongs to a process, as in every UUCP lock: two threads of one
 * process cannot both take it (the second gets -EBUSY with *owner ==
 * getpid()), and nr_uucp_unlock() is called once, by the holder.
 */
#ifndef NR_RAS_UUCPLOCK_H
#define NR_RAS_UUCPLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* The room for the reason nr_uucp_lock() gives. */
#define NR_UUCP_WHY_SIZE 192

/*
 * Takes the lock for device (its basename: "/dev/ttyS0" -> "LCK..ttyS0") in
 * lock_dir, which may be writable by everybody (/var/lock is 1777). The
 * file is written under a temporary name and link()ed into place, so nobody
 * ever sees a partial PID. A lock whose owner no longer exists (kill(pid, 0)
 * fails with ESRCH), or that has held no PID for 10 seconds, is stale and is
 * taken over: replaced atomically by ours, race-free against every other
 * process using this function.
 *
 * Returns 0 and the lock's path in path[cap]. Otherwise path still names
 * the lock file (unless it did not fit: then it is ""), why (NULL, or
 * NR_UUCP_WHY_SIZE bytes) says what is wrong as a phrase that fits after
 * "lock file PATH: ", and the result is:
 *   -EBUSY   *owner > 0: a live process (possibly this one) holds the lock;
 *            *owner == 0: the lock file holds no PID yet (another program
 *            is still writing it), or another process held the stale lock
 *            for seconds while taking it over;
 *   -EINVAL  something other than a regular file (a FIFO, a symbolic link,
 *            a directory) stands at the lock path; it is left alone;
 *   -EPERM   the stale lock belongs to another user and the sticky lock
 *            directory lets only that user (or root) replace it;
 *   another -errno when the lock directory refuses.
 * Never blocks on what it finds at the lock path; waits at most a few
 * seconds in all.
 */
int nr_uucp_lock(const char *lock_dir, const char *device, char *path, size_t cap, pid_t *owner, char *why);

/* Removes the lock at path if it is still this process's: it holds our PID
 * and the path still names the file that was checked (see uucplock.c). A
 * lock that is no longer ours, or anything that is not a regular file, is
 * left alone. Never blocks. */
void nr_uucp_unlock(const char *path);

/* True when pid names a process that exists and has not ended (EPERM:
 * exists, not ours; a zombie, ended but not yet reaped, is not alive): what
 * decides whether a lock is stale. */
bool nr_uucp_pid_alive(pid_t pid);

/* PID stored in a lock file (ASCII or the old binary form); 0 if none, or
 * if path is not a regular file (a FIFO is refused without blocking). */
pid_t nr_uucp_read_pid(const char *path);

#endif
