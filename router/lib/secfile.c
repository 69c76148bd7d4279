/*
 * secfile.c - opens manifest and library files safely.
 *
 * The ownership and permission checks are made with fstat() on the very
 * descriptor that is then parsed (manifests) or loaded through
 * /proc/self/fd (libraries), so there is no window between check and use.
 * It also recognises masks: an empty file or /dev/null (a symlink to it).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "internal.h"

int nr__secfile_open(const char *path, nr_secfile_kind *kind, size_t *size, char **why)
{
    struct stat st;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    *why = NULL;
    if (fd < 0) {
        int e = errno;
        *why = nr__asprintf("cannot open it: %s", strerror(e));
        errno = e; /* callers look at ENOENT */
        return -1;
    }
    if (fstat(fd, &st) < 0) {
        *why = nr__asprintf("cannot stat it: %s", strerror(errno));
        close(fd);
        return -1;
    }
    if (S_ISCHR(st.st_mode) && major(st.st_rdev) == 1 && minor(st.st_rdev) == 3) {
        *kind = NR_FILE_MASK; /* /dev/null */
        return fd;
    }
    if (!S_ISREG(st.st_mode)) {
        *why = nr__asprintf("it is not a regular file");
        close(fd);
        return -1;
    }
    if (st.st_uid != 0 && st.st_uid != geteuid()) {
        *why = nr__asprintf("it is owned by uid %u, neither root nor the current user; refusing it",
                            (unsigned)st.st_uid);
        close(fd);
        return -1;
    }
    if (st.st_mode & (S_IWGRP | S_IWOTH)) {
        *why = nr__asprintf("it is writable by %s (mode %04o); refusing it",
                            (st.st_mode & S_IWOTH) ? "other users" : "its group",
                            (unsigned)(st.st_mode & 07777));
        close(fd);
        return -1;
    }
    *kind = st.st_size == 0 ? NR_FILE_MASK : NR_FILE_REGULAR;
    if (size)
        *size = (size_t)st.st_size;
    return fd;
}

char *nr__read_fd(int fd, size_t size_hint, size_t *len)
{
    /* One read() when the size is known: ask for one byte more than the file
     * holds, so a short read already tells the end. */
    size_t cap = size_hint ? size_hint + 2 : 4096, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    for (;;) {
        if (n + 1 >= cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + n, cap - n - 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            free(buf);
            return NULL;
        }
        if (r == 0)
            break;
        n += (size_t)r;
        if (size_hint && n + 1 < cap)
            break; /* a short read of a regular file: that was all of it */
    }
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}
