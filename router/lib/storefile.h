/*
 * storefile.h - the files of the remembered-connection store in the router's
 * state directory: the directory, the lock, reading connections.json,
 * replacing it atomically, setting a damaged one aside (storefile.c).
 *
 * What the file holds (JSON, entries) is store.c's business; this layer only
 * moves bytes and decides which files may be trusted.  Use:
 *
 *     nr_storefile sf;
 *     DWORD rc = nr__storefile_lock(&sf, r, create);
 *     if (rc)
 *         return rc;                      (last error set, nothing held)
 *     rc = nr__storefile_read(&sf, &text, &len);
 *     ... parse; on bad content rc = nr__storefile_set_aside(&sf, why);
 *     ... rc = nr__storefile_write(&sf, new_text, new_len);
 *     nr__storefile_unlock(&sf);
 *
 * Every function returning DWORD sets the calling thread's last error on
 * failure, with a sentence naming the path and what is wrong.
 */
#ifndef NR_STOREFILE_H
#define NR_STOREFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "internal.h"

#define NR_STORE_FILE "connections.json"
#define NR_STORE_LOCK "connections.lock"

typedef struct nr_storefile {
    struct nr_router *r;
    const char *dir;  /* the state directory, for messages */
    int dirfd;        /* the directory, for every *at() call; -1: it does not exist (nothing to read) */
    int lockfd;       /* connections.lock, flock()ed exclusively; -1 when dirfd is */
    dev_t read_dev;   /* the connections.json last read (read_ino 0: none) */
    ino_t read_ino;
} nr_storefile;

/* Takes the router's store mutex, opens the state directory (creating it
 * first when create) and takes the exclusive lock of connections.lock;
 * removes the temporary files of writers that died.  WN_SUCCESS with
 * sf->dirfd == -1 when the directory does not exist, or there is none at
 * all (no HOME), and create is false.
 * WN_CANNOT_OPEN_PROFILE when the directory or the lock cannot be used
 * (nothing is then held). */
NR_INTERNAL DWORD nr__storefile_lock(nr_storefile *sf, struct nr_router *r, bool create);
NR_INTERNAL void nr__storefile_unlock(nr_storefile *sf);

/* Reads connections.json into *text (malloc'ed, NUL-terminated, *len
 * bytes); *text NULL and WN_SUCCESS when there is none.
 * WN_CANNOT_OPEN_PROFILE when it is refused or cannot be read: the file is
 * then left where it is. */
NR_INTERNAL DWORD nr__storefile_read(nr_storefile *sf, char **text, size_t *len);

/* Replaces connections.json by text (mode 0600): temporary file, fsync,
 * rename, fsync of the directory.  WN_CANNOT_OPEN_PROFILE on failure, the
 * old file untouched. */
NR_INTERNAL DWORD nr__storefile_write(nr_storefile *sf, const char *text, size_t len);

/* Renames the connections.json last read to connections.json.damaged-
 * <time>-<pid> because of why (for example "line 3 column 7: ...").
 * Returns WN_BAD_PROFILE with the last error saying why and where it went. */
NR_INTERNAL DWORD nr__storefile_set_aside(nr_storefile *sf, const char *why);

#endif
