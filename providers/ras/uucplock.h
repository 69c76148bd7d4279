/*
 * uucplock.h - UUCP-style lock files for serial devices ("LCK..ttyS0" in
 * /var/lock holding the owner's PID as "%10d\n"), as pppd, minicom and
 * friends use them, so two programs never dial on one port.
 *
 * Owns the lock file only; knows nothing of ttys or modems.
 */
#ifndef NR_RAS_UUCPLOCK_H
#define NR_RAS_UUCPLOCK_H

#include <stddef.h>
#include <sys/types.h>

/*
 * Takes the lock for device (its basename: "/dev/ttyS0" -> "LCK..ttyS0") in
 * lock_dir. The file is written under a temporary name and link()ed into
 * place, so nobody ever sees a partial PID. A lock whose owner no longer
 * exists (kill(pid, 0) fails with ESRCH), or that holds no PID at all, is
 * stale: it is removed and the lock retried.
 *
 * Returns 0 and the lock's path in path[cap]; -EBUSY with *owner set when a
 * live process (possibly this one) holds it; another -errno when the lock
 * directory refuses (path then names the file that could not be created).
 */
int nr_uucp_lock(const char *lock_dir, const char *device, char *path, size_t cap, pid_t *owner);

/* Removes the lock at path if it still names this process. */
void nr_uucp_unlock(const char *path);

/* PID stored in a lock file (ASCII or the old binary form); 0 if none/unreadable. */
pid_t nr_uucp_read_pid(const char *path);

#endif
