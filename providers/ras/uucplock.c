/*
 * uucplock.c - UUCP lock files (see uucplock.h). Owns the create/verify/
 * remove protocol for "LCK..<device>" and nothing else; no global state.
 *
 * Invariant: a lock file present under its final name always holds a
 * complete PID, because it only ever appears there through link().
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "uucplock.h"

pid_t nr_uucp_read_pid(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return 0;
    char buf[32];
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0)
        return 0;
    if (n == (ssize_t)sizeof(int)) {
        /* Kermit/old UUCP binary form: a raw int. ASCII is 11 bytes. */
        int bin;
        memcpy(&bin, buf, sizeof bin);
        return bin > 0 ? (pid_t)bin : 0;
    }
    buf[n] = '\0';
    char *end;
    errno = 0;
    long pid = strtol(buf, &end, 10);
    if (errno != 0 || end == buf || pid <= 0 || pid > INT_MAX)
        return 0;
    return (pid_t)pid;
}

/* True when pid names a process that exists (EPERM: exists, not ours). */
static int pid_alive(pid_t pid)
{
    return kill(pid, 0) == 0 || errno == EPERM;
}

static const char *device_base(const char *device)
{
    const char *slash = strrchr(device, '/');
    return slash ? slash + 1 : device;
}

/* Writes our PID to a fresh temporary file in dir; returns 0 or -errno. */
static int write_temp(const char *dir, char *tmp, size_t cap)
{
    int n = snprintf(tmp, cap, "%s/LTMP.%d.XXXXXX", dir, (int)getpid());
    if (n < 0 || (size_t)n >= cap)
        return -ENAMETOOLONG;
    int fd = mkostemp(tmp, O_CLOEXEC);
    if (fd < 0)
        return -errno;
    char buf[16];
    int len = snprintf(buf, sizeof buf, "%10d\n", (int)getpid());
    int rc = 0;
    errno = 0;
    if (fchmod(fd, 0644) != 0 || write(fd, buf, (size_t)len) != len)
        rc = errno ? -errno : -EIO;
    if (close(fd) != 0 && rc == 0)
        rc = -errno;
    if (rc != 0)
        unlink(tmp);
    return rc;
}

int nr_uucp_lock(const char *lock_dir, const char *device, char *path, size_t cap, pid_t *owner)
{
    if (owner)
        *owner = 0;
    if (!lock_dir || !device || !path || cap == 0)
        return -EINVAL;
    const char *base = device_base(device);
    if (*base == '\0')
        return -EINVAL;
    int n = snprintf(path, cap, "%s/LCK..%s", lock_dir, base);
    if (n < 0 || (size_t)n >= cap)
        return -ENAMETOOLONG;

    char tmp[PATH_MAX];
    int rc = write_temp(lock_dir, tmp, sizeof tmp);
    if (rc != 0)
        return rc;

    /* A few rounds: each stale lock removed gives one more try. */
    for (int round = 0; round < 4; round++) {
        if (link(tmp, path) == 0) {
            unlink(tmp);
            return 0;
        }
        if (errno != EEXIST) {
            rc = -errno;
            unlink(tmp);
            return rc;
        }
        pid_t pid = nr_uucp_read_pid(path);
        if (pid > 0 && pid_alive(pid)) {
            unlink(tmp);
            if (owner)
                *owner = pid;
            return -EBUSY;
        }
        /* Stale (owner gone, or no PID in it): remove and retry. */
        if (unlink(path) != 0 && errno != ENOENT) {
            rc = -errno;
            unlink(tmp);
            return rc;
        }
    }
    unlink(tmp);
    return -EBUSY;
}

void nr_uucp_unlock(const char *path)
{
    if (path && *path && nr_uucp_read_pid(path) == getpid())
        unlink(path);
}
