/*
 * files.h - opening, reading and writing the files netrouter reads on
 * somebody's say-so (manifests, plugin libraries, phonebooks, the
 * remembered-connection store, saved credentials), safely.
 *
 * Shared by libnetrouter and the RAS provider (one copy of each helper);
 * internal: nothing here is installed or exported.
 *
 * The rules, for every file:
 *  - never block: the file is opened with O_NONBLOCK, so a FIFO, a socket
 *    or a device where a file should be is refused at once instead of
 *    hanging the process in open();
 *  - judge the open descriptor: type, owner and mode come from fstat() on
 *    the descriptor that is then read, so nothing can be swapped in
 *    between check and use;
 *  - say what is wrong: a refusal fills a short English phrase ("it is a
 *    FIFO, not a regular file") that the caller puts after the path.
 *
 * Thread safety: every function is reentrant; none keeps state.
 */
#ifndef NR_COMMON_FILES_H
#define NR_COMMON_FILES_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#define NR_COMMON_INTERNAL __attribute__((visibility("hidden")))

/* Rules for nr_file_open(), or-ed together. */
enum {
    NR_FILE_NOFOLLOW = 1 << 0,     /* refuse a symbolic link as the last component */
    NR_FILE_OWNER_SELF = 1 << 1,   /* owned by the effective user (else root or the effective user) */
    NR_FILE_PRIVATE = 1 << 2,      /* no group or other permission bits at all (secrets) */
    NR_FILE_ALLOW_DEVNULL = 1 << 3, /* accept /dev/null (a manifest mask) besides regular files */
    NR_FILE_ANY_OWNER = 1 << 4,     /* no owner or mode rule: for files whose content is only
                                       information about other processes, never trusted, e.g. a
                                       UUCP lock another user's program wrote (still a regular
                                       file, opened without blocking) */
    NR_FILE_RDWR = 1 << 5,          /* open read-write instead of read-only (a lock file: an flock()
                                       over NFS needs a descriptor open for writing) */
    NR_FILE_PATH_ONLY = 1 << 6      /* an O_PATH descriptor, for a file that is not read but reopened
                                       through /proc/self/fd/N (a plugin library the dynamic loader
                                       maps): nothing is opened, so no first look is needed */
};

/* The room a refusal phrase needs. */
#define NR_WHY_SIZE 160

/* Opens path (relative to dirfd, or AT_FDCWD) read-only (read-write with
 * NR_FILE_RDWR; it never creates the file), without blocking
 * and without becoming a controlling terminal, and checks the descriptor
 * against the rules: a regular file (or /dev/null when allowed), owned by
 * root or the effective user (only the latter with NR_FILE_OWNER_SELF), not
 * writable by group or others (no group or other bits with
 * NR_FILE_PRIVATE); with NR_FILE_ANY_OWNER only the type is checked.  Returns the descriptor (close-on-exec; O_NONBLOCK, which a regular file ignores)
 * and fills *st; or -1 with errno set (ENOENT for a missing file, EINVAL
 * for a refused one) and why[NR_WHY_SIZE] filled. */
NR_COMMON_INTERNAL int nr_file_open(int dirfd, const char *path, unsigned rules, struct stat *st, char *why);

/* Reads fd to its end into a NUL-terminated buffer (malloc'ed) of *len
 * bytes; size_hint is the file's size when known (0 otherwise), max the
 * largest size accepted (0: no limit).  NULL with errno set on failure:
 * EFBIG when the file is larger than max. */
NR_COMMON_INTERNAL char *nr_file_read(int fd, size_t size_hint, size_t max, size_t *len);

/* The secure file reader: nr_file_open() and nr_file_read() in one, for a
 * file read whole (a phonebook, a store, saved credentials).  Returns its
 * text (malloc'ed, NUL-terminated, *len bytes), judged by the rules on the
 * descriptor it was read from (*st, may be NULL, describes it); or NULL
 * with errno set and why[NR_WHY_SIZE] filled with the end of a sentence:
 * ENOENT (missing) and other open errors (strerror), EINVAL (refused: the
 * rule it broke, e.g. "it is a FIFO, not a regular file"), EFBIG ("it is
 * larger than 64 MiB"), or a read error.  nr_file_load_verb() says how a
 * sentence about that errno begins. */
NR_COMMON_INTERNAL char *nr_file_load(int dirfd, const char *path, unsigned rules, size_t max, size_t *len,
                                      struct stat *st, char *why);

/* "refusing" (EINVAL), "cannot read" (EFBIG and read errors) or "cannot
 * open": the verb of "<verb> the phonebook: <why>" after nr_file_load(). */
NR_COMMON_INTERNAL const char *nr_file_load_verb(int err);

/* Writes all of p, retrying short writes and EINTR; false with errno set.
 * A socket is written with MSG_NOSIGNAL (a peer that went away is EPIPE,
 * never SIGPIPE); a non-blocking descriptor that is full is waited on for
 * up to a second at a time, and one that stays full fails with EIO.  It
 * tries send() first and write() when that fails with ENOTSOCK: for a
 * descriptor written often (a tty), see nr_write_all_kind(). */
NR_COMMON_INTERNAL bool nr_write_all(int fd, const void *p, size_t len);

/* What a descriptor is, for nr_write_all_kind(). */
typedef enum nr_fd_kind {
    NR_FD_UNKNOWN, /* not known: try send(), then write() */
    NR_FD_SOCKET,  /* send() with MSG_NOSIGNAL */
    NR_FD_OTHER    /* a tty, pipe, file...: write() */
} nr_fd_kind;

/* The kind of fd, from fstat() (NR_FD_UNKNOWN if that fails).  A
 * descriptor keeps its kind, so a caller that writes one many times asks
 * once. */
NR_COMMON_INTERNAL nr_fd_kind nr_fd_kind_of(int fd);

/* nr_write_all() for a descriptor of a known kind: a socket is written with
 * send(MSG_NOSIGNAL) and anything else with write(), without first trying
 * the call that does not apply (a send() to a tty fails with ENOTSOCK, a
 * system call per write).  NR_FD_UNKNOWN is nr_write_all(). */
NR_COMMON_INTERNAL bool nr_write_all_kind(int fd, const void *p, size_t len, nr_fd_kind kind);

/* Rules for nr_dir_open(). */
enum {
    NR_DIR_CREATE = 1 << 0 /* create it and missing parents (mode 0700) first */
};

/* Opens a private state directory: not a symbolic link, owned by the
 * effective user, not writable by group or others.  Returns an O_DIRECTORY
 * descriptor (close-on-exec) for the *at() calls that pin it; or -1 with
 * errno set (ENOENT when it does not exist and NR_DIR_CREATE is not given,
 * EINVAL when it is refused) and why[NR_WHY_SIZE] filled. */
NR_COMMON_INTERNAL int nr_dir_open(const char *dir, unsigned rules, char *why);

/* Reads the first line of a secret (a password) into buf[size], without
 * its line end, for a --password-file option: path "-" is standard input
 * (so a pipe: `pass show x | netrouter use --password-file - ...`);
 * otherwise only a regular file is accepted, judged as nr_file_open() does
 * (owned by root or the effective user, not writable by group or others),
 * and anything else (a FIFO, a device, a directory) is refused at once,
 * never waited on.  Nothing of the secret is left anywhere
 * but in buf (no stdio buffer, intermediate buffers wiped); a first line
 * longer than size - 2 bytes is an error (EFBIG).  Returns 0, or -1 with errno set and
 * why[NR_WHY_SIZE] filled (buf then wiped). */
NR_COMMON_INTERNAL int nr_secret_read(const char *path, char *buf, size_t size, char *why);

/* Replaces the file name in the directory dirfd with text[len]
 * atomically, for a caller that holds the lock all writers of that file
 * take: writes name.tmp-PID (created with O_EXCL and O_NOFOLLOW, mode
 * 0600; a leftover of that name is removed first), fsync()s it, renames it
 * over name and fsync()s the directory, so that a reader sees the old file
 * or the new one and a crash keeps one of them.  Returns 0, or -1 with
 * errno set and why[NR_WHY_SIZE] filled (the temporary file removed, name
 * left as it was). */
NR_COMMON_INTERNAL int nr_file_replace(int dirfd, const char *name, const void *text, size_t len, char *why);

/* Removes every name.tmp-* in the directory dirfd, for the holder of the
 * lock that every writer of name takes: only a holder writes such a file,
 * and renames or removes it before it lets the lock go, so any one found
 * by the next holder was left by a writer that died (no PID is looked at:
 * reused PIDs and other users' PIDs cannot confuse the rule).  Returns how
 * many were removed. */
NR_COMMON_INTERNAL int nr_file_remove_leftovers(int dirfd, const char *name);

/* The name of a file type for messages: "a FIFO", "a directory", ... */
NR_COMMON_INTERNAL const char *nr_file_type_name(mode_t mode);

#endif
