/*
 * files.c - safe opening, reading and writing of the files netrouter reads
 * on somebody's say-so (files.h).
 *
 * Owns the rules that decide whether a file or a state directory may be
 * trusted, and nothing else: no JSON, no error codes of any API, no global
 * state.  The callers turn a refusal into their own error code and sentence.
 */
#include "config.h"

#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "files.h"

const char *nr_file_type_name(mode_t mode)
{
    switch (mode & S_IFMT) {
    case S_IFREG: return "a regular file";
    case S_IFDIR: return "a directory";
    case S_IFIFO: return "a FIFO";
    case S_IFSOCK: return "a socket";
    case S_IFCHR: return "a character device";
    case S_IFBLK: return "a block device";
    case S_IFLNK: return "a symbolic link";
    }
    return "not a file";
}

static bool is_dev_null(const struct stat *st)
{
    return S_ISCHR(st->st_mode) && major(st->st_rdev) == 1 && minor(st->st_rdev) == 3;
}

static int refuse(char *why, int err, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int refuse(char *why, int err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, NR_WHY_SIZE, fmt, ap);
    va_end(ap);
    errno = err;
    return -1;
}

/* The type, owner and mode rules on a stat result, me being the effective
 * user; 0, or -1 with why. */
static int judge(const struct stat *st, unsigned rules, uid_t me, char *why)
{
    if (is_dev_null(st) && (rules & NR_FILE_ALLOW_DEVNULL))
        return 0;
    if (!S_ISREG(st->st_mode))
        return refuse(why, EINVAL, "it is %s, not a regular file", nr_file_type_name(st->st_mode));
    if (rules & NR_FILE_ANY_OWNER)
        return 0;
    if (st->st_uid != me && ((rules & NR_FILE_OWNER_SELF) || st->st_uid != 0))
        return refuse(why, EINVAL, "it is owned by uid %u, %s", (unsigned)st->st_uid,
                      (rules & NR_FILE_OWNER_SELF) ? "not by the current user" : "neither root nor the current user");
    if ((rules & NR_FILE_PRIVATE) && (st->st_mode & (S_IRWXG | S_IRWXO)))
        return refuse(why, EINVAL, "it is open to %s (mode %04o, must be 0600)",
                      (st->st_mode & S_IRWXO) ? "other users" : "its group", (unsigned)(st->st_mode & 07777));
    if (st->st_mode & (S_IWGRP | S_IWOTH))
        return refuse(why, EINVAL, "it is writable by %s (mode %04o)",
                      (st->st_mode & S_IWOTH) ? "other users" : "its group", (unsigned)(st->st_mode & 07777));
    return 0;
}

int nr_file_open(int dirfd, const char *path, unsigned rules, struct stat *st, char *why)
{
    bool nofollow = rules & NR_FILE_NOFOLLOW;
    uid_t me = geteuid(); /* once: it is a system call, and start-up opens two files a plugin */
    int fd, e;

    why[0] = '\0';
    if (rules & NR_FILE_PATH_ONLY) {
        /* O_PATH opens nothing (no device's open runs), so the type can be
         * judged on the descriptor at once. */
        fd = openat(dirfd, path, O_PATH | O_CLOEXEC | (nofollow ? O_NOFOLLOW : 0));
    } else {
        /* A first look without opening: a device is never opened (opening
         * a tty or a tape has effects of its own).  The decision is made
         * again below, on the descriptor. */
        if (fstatat(dirfd, path, st, nofollow ? AT_SYMLINK_NOFOLLOW : 0) < 0) {
            e = errno;
            return refuse(why, e, "cannot open it: %s", strerror(e));
        }
        if (S_ISLNK(st->st_mode))
            return refuse(why, EINVAL, "it is a symbolic link, which is not followed here");
        if (judge(st, rules, me, why) < 0)
            return -1;
        /* O_NONBLOCK stays: it has no effect on a regular file (nor on
         * flock), and clearing it would cost two system calls a file. */
        fd = openat(dirfd, path,
                    ((rules & NR_FILE_RDWR) ? O_RDWR : O_RDONLY) | O_CLOEXEC | O_NOCTTY | O_NONBLOCK |
                        (nofollow ? O_NOFOLLOW : 0));
    }
    if (fd < 0) {
        e = errno;
        if (e == ELOOP && nofollow)
            return refuse(why, EINVAL, "it is a symbolic link, which is not followed here");
        return refuse(why, e, "cannot open it: %s", strerror(e));
    }
    if (fstat(fd, st) < 0) {
        e = errno;
        close(fd);
        return refuse(why, e, "cannot stat it: %s", strerror(e));
    }
    if (judge(st, rules, me, why) < 0) {
        close(fd);
        errno = EINVAL;
        return -1;
    }
    return fd;
}

char *nr_file_read(int fd, size_t size_hint, size_t max, size_t *len)
{
    /* One read() when the size is known: ask for one byte more than the file
     * holds, so a short read already tells the end. */
    size_t cap = size_hint ? size_hint + 2 : 4096, n = 0;
    char *buf;
    if (max && cap > max + 2)
        cap = max + 2;
    if (!(buf = malloc(cap)))
        return NULL;
    for (;;) {
        if (n + 1 >= cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                errno = ENOMEM;
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + n, cap - n - 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int e = errno;
            free(buf);
            errno = e;
            return NULL;
        }
        if (r == 0)
            break;
        n += (size_t)r;
        if (max && n > max) {
            free(buf);
            errno = EFBIG;
            return NULL;
        }
        if (size_hint && n + 1 < cap)
            break; /* a short read of a regular file: that was all of it */
    }
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

/* max as people say it: "64 MiB", "1 KiB", or a number of bytes. */
static void size_text(size_t max, char *buf, size_t size)
{
    if (max >= (1u << 20) && max % (1u << 20) == 0)
        snprintf(buf, size, "%zu MiB", max >> 20);
    else if (max >= 1024 && max % 1024 == 0)
        snprintf(buf, size, "%zu KiB", max >> 10);
    else
        snprintf(buf, size, "%zu bytes", max);
}

char *nr_file_load(int dirfd, const char *path, unsigned rules, size_t max, size_t *len, struct stat *st,
                   char *why)
{
    struct stat own;
    char *text;
    int fd, e;
    if (!st)
        st = &own;
    if ((fd = nr_file_open(dirfd, path, rules, st, why)) < 0) {
        if ((e = errno) != EINVAL) /* "<verb> the phonebook: No such file or directory" */
            snprintf(why, NR_WHY_SIZE, "%s", strerror(e));
        errno = e;
        return NULL;
    }
    text = nr_file_read(fd, S_ISREG(st->st_mode) ? (size_t)st->st_size : 0, max, len);
    e = errno;
    close(fd);
    if (!text) {
        char size[32];
        size_text(max, size, sizeof size);
        if (e == EFBIG)
            snprintf(why, NR_WHY_SIZE, "it is larger than %s", size);
        else
            snprintf(why, NR_WHY_SIZE, "%s", strerror(e));
        /* a read error is told apart from an open error by its verb */
        errno = e == EFBIG ? EFBIG : e == ENOMEM ? ENOMEM : EIO;
    }
    return text;
}

const char *nr_file_load_verb(int err)
{
    return err == EINVAL ? "refusing" : err == EFBIG || err == EIO || err == ENOMEM ? "cannot read" : "cannot open";
}

nr_fd_kind nr_fd_kind_of(int fd)
{
    struct stat st;
    if (fstat(fd, &st) != 0)
        return NR_FD_UNKNOWN;
    return S_ISSOCK(st.st_mode) ? NR_FD_SOCKET : NR_FD_OTHER;
}

bool nr_write_all(int fd, const void *p, size_t len)
{
    return nr_write_all_kind(fd, p, len, NR_FD_UNKNOWN);
}

bool nr_write_all_kind(int fd, const void *p, size_t len, nr_fd_kind kind)
{
    const char *c = p;
    while (len) {
        ssize_t w;
        if (kind == NR_FD_OTHER) {
            w = write(fd, c, len);
        } else {
            /* send() to a socket, so that a peer that went away is EPIPE, not SIGPIPE */
            w = send(fd, c, len, MSG_NOSIGNAL);
            if (w < 0 && errno == ENOTSOCK && kind == NR_FD_UNKNOWN) {
                kind = NR_FD_OTHER; /* for the rest of this call */
                continue;
            }
        }
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            struct pollfd pfd = { .fd = fd, .events = POLLOUT };
            if (poll(&pfd, 1, 1000) <= 0) {
                errno = EIO; /* nobody reads what we write */
                return false;
            }
            continue;
        }
        if (w < 0)
            return false;
        if (w == 0) {
            errno = EIO;
            return false;
        }
        c += w;
        len -= (size_t)w;
    }
    return true;
}

/* mkdir -p, new directories mode 0700; -1 with errno and why.  A missing
 * directory is made only inside one owned by the effective user or by
 * root: root with another user's HOME (sudo -E) must not leave root-owned
 * ~/.local and ~/.local/state in that home, which its owner could then no
 * longer enter. */
static int make_dirs(const char *dir, char *why)
{
    char *p = strdup(dir);
    int rc = 0;
    if (!p)
        return refuse(why, ENOMEM, "cannot create it: %s", strerror(ENOMEM));
    if (!*p) { /* "" names nothing (and has no p + 1 to search from) */
        free(p);
        return refuse(why, ENOENT, "cannot create it: %s", strerror(ENOENT));
    }
    for (char *slash = strchr(p + 1, '/');; slash = strchr(slash + 1, '/')) {
        struct stat st;
        if (slash)
            *slash = '\0';
        if (*p && lstat(p, &st) < 0 && errno == ENOENT) {
            char *cut = strrchr(p, '/'), keep = 0;
            const char *parent = p;
            if (cut && cut > p) {
                keep = *cut;
                *cut = '\0';
            } else {
                parent = "/";
            }
            int parent_ok = stat(parent, &st) == 0, foreign = parent_ok && st.st_uid != geteuid() && st.st_uid != 0;
            if (foreign)
                rc = refuse(why, EACCES, "cannot create it: %s belongs to uid %u, and a directory is created "
                            "only inside one of the current user (uid %u) or root", parent, (unsigned)st.st_uid,
                            (unsigned)geteuid());
            if (keep)
                *cut = keep;
            if (foreign)
                break;
            if (mkdir(p, 0700) < 0 && errno != EEXIST) {
                rc = refuse(why, errno, "cannot create %s: %s", p, strerror(errno));
                break;
            }
        }
        if (!slash)
            break;
        *slash = '/';
    }
    int e = errno;
    free(p);
    errno = e;
    return rc;
}

int nr_dir_open(const char *dir, unsigned rules, char *why)
{
    struct stat st;
    int fd, e;
    why[0] = '\0';
    if ((rules & NR_DIR_CREATE) && make_dirs(dir, why) < 0)
        return -1;
    fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        e = errno;
        if (e == ELOOP)
            return refuse(why, EINVAL, "it is a symbolic link, which is not followed here");
        if (e == ENOTDIR) {
            if (lstat(dir, &st) == 0 && S_ISLNK(st.st_mode))
                return refuse(why, EINVAL, "it is a symbolic link, which is not followed here");
            return refuse(why, EINVAL, "it is not a directory");
        }
        return refuse(why, e, "cannot open it: %s", strerror(e));
    }
    if (fstat(fd, &st) < 0) {
        e = errno;
        close(fd);
        return refuse(why, e, "cannot stat it: %s", strerror(e));
    }
    if (st.st_uid != geteuid()) {
        close(fd);
        return refuse(why, EINVAL, "it is owned by uid %u, not by the current user (uid %u)", (unsigned)st.st_uid,
                      (unsigned)geteuid());
    }
    if (st.st_mode & (S_IWGRP | S_IWOTH)) {
        close(fd);
        return refuse(why, EINVAL, "it is writable by %s (mode %04o)",
                      (st.st_mode & S_IWOTH) ? "other users" : "its group", (unsigned)(st.st_mode & 07777));
    }
    return fd;
}

int nr_secret_read(const char *path, char *buf, size_t size, char *why)
{
    bool is_stdin = !strcmp(path, "-");
    struct stat st;
    int fd = is_stdin ? STDIN_FILENO : nr_file_open(AT_FDCWD, path, 0, &st, why);
    size_t n = 0;
    int e = 0;

    if (size)
        buf[0] = '\0';
    if (fd < 0)
        return -1;
    why[0] = '\0';
    while (size && n < size - 1 && !memchr(buf, '\n', n)) {
        ssize_t r = read(fd, buf + n, size - 1 - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            e = errno;
            break;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    if (!is_stdin)
        close(fd);
    /* A buffer filled without a line end held a line of size - 1 bytes or
     * more: too long (the longest accepted is size - 2, so that a caller's
     * field of size - 1 bytes always has room). */
    if (!e && size && n == size - 1 && !memchr(buf, '\n', n))
        e = EFBIG;
    if (e || size < 2) {
        explicit_bzero(buf, size);
        return e == EFBIG || size < 2
                   ? refuse(why, EFBIG, "its first line is longer than %zu bytes", size >= 2 ? size - 2 : 0)
                   : refuse(why, e, "cannot read it: %s", strerror(e));
    }
    buf[n] = '\0';
    size_t line = strcspn(buf, "\r\n");
    explicit_bzero(buf + line, n - line); /* what followed the first line */
    return 0;
}

int nr_file_replace(int dirfd, const char *name, const void *text, size_t len, char *why)
{
    const int how = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY;
    char tmp[NAME_MAX + 1];
    int fd, e;
    why[0] = '\0';
    if (snprintf(tmp, sizeof tmp, "%s.tmp-%ld", name, (long)getpid()) >= (int)sizeof tmp)
        return refuse(why, ENAMETOOLONG, "the name of its temporary file is too long");
    fd = openat(dirfd, tmp, how, 0600);
    if (fd < 0 && errno == EEXIST && unlinkat(dirfd, tmp, 0) == 0)
        fd = openat(dirfd, tmp, how, 0600); /* a leftover of an earlier process with our PID */
    if (fd < 0) {
        e = errno;
        return refuse(why, e, "cannot create %s: %s", tmp, strerror(e));
    }
    if (!nr_write_all(fd, text, len) || fchmod(fd, 0600) < 0 || fsync(fd) < 0) {
        e = errno;
        close(fd);
        unlinkat(dirfd, tmp, 0);
        return refuse(why, e, "cannot write %s: %s", tmp, strerror(e));
    }
    if (close(fd) < 0 || renameat(dirfd, tmp, dirfd, name) < 0) {
        e = errno;
        unlinkat(dirfd, tmp, 0);
        return refuse(why, e, "cannot replace it with %s: %s", tmp, strerror(e));
    }
    (void)fsync(dirfd); /* the rename itself survives a crash, where the file system allows */
    return 0;
}

int nr_file_remove_leftovers(int dirfd, const char *name)
{
    size_t n = strlen(name);
    int fd = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC), removed = 0;
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d) {
        if (fd >= 0)
            close(fd);
        return 0; /* the next holder looks again */
    }
    for (struct dirent *de; (de = readdir(d));)
        if (!strncmp(de->d_name, name, n) && !strncmp(de->d_name + n, ".tmp-", 5) &&
            unlinkat(dirfd, de->d_name, 0) == 0)
            removed++;
    closedir(d);
    return removed;
}
