/*
 * links.h - the symlink provider's record of the links it made (links.c).
 *
 * The record is a small JSON file shared by every process of the user, so a
 * link made by one `netrouter use` can be cancelled by a later `netrouter
 * cancel`.  Callers take the lock, load, change, save, unlock.
 */
#ifndef NR_SYMLINK_LINKS_H
#define NR_SYMLINK_LINKS_H

#include <stdbool.h>
#include <stddef.h>

#include <netrouter/npapi.h>

/* One link: lpLocalName is a symlink to target, a directory. */
typedef struct link_entry {
    char *local;
    char *target;
} link_entry;

typedef struct link_table {
    link_entry *v;
    size_t n, cap;
} link_table;

/* Errors come back as a WN_* code plus a sentence in err (always set when the
 * code is not WN_SUCCESS). */
typedef struct link_error {
    char text[512];
} link_error;

/* The default record: $NETROUTER_STATE_DIR/symlink-links.json (a relative
 * NETROUTER_STATE_DIR is taken from the working directory), else
 * $XDG_STATE_HOME/netrouter/..., else ~/.local/state/netrouter/...
 * Returns a malloc'ed path or NULL (no home directory, or no memory). */
char *links_default_path(void);

/* Takes the record's lock (a "<path>.lock" file next to it, since the record
 * itself is replaced on every save), creating its directory (0700) if needed,
 * and removes the temporary records of writers that were killed.
 * *lock_fd receives the descriptor to pass to links_unlock(). */
DWORD links_lock(const char *path, bool exclusive, int *lock_fd, link_error *err);
void links_unlock(int lock_fd);

/* Reads the record; a missing file is an empty table.  A damaged one is
 * WN_BAD_PROFILE and is left untouched. */
DWORD links_load(const char *path, link_table *t, link_error *err);

/* Replaces the record atomically: temporary file "<path>.tmp-PID", fsync,
 * rename, mode 0600.  The caller holds the exclusive lock. */
DWORD links_save(const char *path, const link_table *t, link_error *err);

/* Table helpers.  links_add copies both strings. */
DWORD links_add(link_table *t, const char *local, const char *target);
void links_remove(link_table *t, size_t index);
void links_free(link_table *t);

/* True when local is (still) a symlink whose content is exactly target. */
bool links_is_live(const link_entry *e);

#endif /* NR_SYMLINK_LINKS_H */
