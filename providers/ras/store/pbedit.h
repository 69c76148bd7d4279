/*
 * pbedit.h - changing the RAS phonebook (phonebook.h): creating, replacing,
 * removing and renaming one entry, and the rule for the name of a new one.
 *
 * Every change is one read-modify-write of the whole file under an
 * exclusive flock() of the phonebook's directory, so that concurrent
 * writers (threads or processes) are serialised and none loses another's
 * entry.  The file is read as the reader reads it (files.h: without
 * blocking, judged on the descriptor, and here without following a
 * symbolic link, since the rename that replaces it would replace the link),
 * checked whole by nr_pb_parse (a broken phonebook is refused with its
 * file, line, column and key, never rewritten), changed as a JSON tree (so
 * that the other entries, the keys of the entry that a change does not
 * cover and "x-" keys stay as they were), checked again, and written with
 * nr_file_replace (temporary file, fsync, rename, fsync of the directory):
 * a reader sees the old file or the new one.  The file keeps its mode; a
 * new one is mode 0600.
 *
 * Errors (the code returned and in err->err, with the file and detail):
 * ERROR_CANNOT_OPEN_PHONEBOOK (missing where one must exist, unreadable,
 * refused: a FIFO, a symbolic link, writable by others; its directory
 * unsafe), ERROR_CORRUPT_PHONEBOOK (as nr_pb_load),
 * ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, ERROR_ALREADY_EXISTS (rename),
 * ERROR_INVALID_PARAMETER (the changed entry would not be a valid one),
 * ERROR_CANNOT_WRITE_PHONEBOOK, ERROR_ALLOCATING_MEMORY.
 *
 * Thread safety: reentrant; concurrent calls on one file are serialised
 * by the lock.
 */
#ifndef NR_RAS_PBEDIT_H
#define NR_RAS_PBEDIT_H

#include <stdbool.h>

#include "phonebook.h"

/* What a write of RASENTRY says of an entry: the keys it sets, with
 * phonebook meanings (netrouter-phonebook(5)).  A key at its default is
 * removed rather than written. */
typedef struct nr_pb_fields {
    const char *device;        /* an absolute path */
    const char *phone_number;
    nr_pb_auth auth;
    bool terminal_after_dial;
    unsigned idle_disconnect_s;
    unsigned redial_attempts;
    unsigned redial_pause_s;   /* kept as it was when the entry's pause_ms rounds to it */
    bool reconnect_if_dropped;
    bool new_name_ok;          /* the name may name a new entry (nr_pb_name_ok); else only an
                                  existing entry of that name is changed, and creating one is
                                  ERROR_INVALID_NAME */
} nr_pb_fields;

/* True when name may name a new entry (Windows' RasValidateEntryName
 * rules): valid UTF-8 of 1 to NR_PB_MAX_ENTRY_NAME characters, at least one
 * letter or digit, not beginning with '.', none of | > < ? * \ / : and no
 * control character. */
bool nr_pb_name_ok(const char *name);

/* Creates entry name in the phonebook at path (NULL: the default one,
 * whose file and directory are then created when missing; a named file is
 * created, its directory must exist), or sets those keys of the existing
 * one. */
DWORD nr_pb_put(const char *path, const char *name, const nr_pb_fields *f, nr_pb_error *err);

/* Removes entry name. */
DWORD nr_pb_remove(const char *path, const char *name, nr_pb_error *err);

/* Renames entry from to to (from == to: nothing to do). */
DWORD nr_pb_rename(const char *path, const char *from, const char *to, nr_pb_error *err);

#endif
