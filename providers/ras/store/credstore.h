/*
 * credstore.h - saved dial credentials (RasSetEntryDialParams and
 * RasGetEntryDialParams): one JSON file per user, ras-credentials.json in
 * the netrouter state directory, keyed by phonebook path and entry name.
 *
 *     { "version": 1,
 *       "credentials": [ { "phonebook": "/home/a/.config/netrouter/phonebook.json",
 *                          "entry": "Office", "user": "alice", "domain": "",
 *                          "callback_number": "", "password": "..." } ] }
 *
 * ("password" is absent when none is saved.)  The file is mode 0600, owned
 * by the user, and replaced atomically; one that is owned by someone else or
 * open to group or others is refused before it is read.  Passwords never
 * reach an error message (nor anything else but the file and the caller's
 * buffer), and every copy this module makes is wiped.
 */
#ifndef NR_RAS_CREDSTORE_H
#define NR_RAS_CREDSTORE_H

#include <stdbool.h>
#include <netrouter/ras.h>

#include "nr-error.h"

#define NR_CRED_FILE "ras-credentials.json"

typedef struct nr_cred {
    char user[UNLEN + 1];
    char password[PWLEN + 1];
    char domain[DNLEN + 1];
    char callback[RAS_MaxCallbackNumber + 1];
    bool has_password;
} nr_cred;

/* Why a call failed, in err (error.h): err->code ERROR_ACCESS_DENIED
 * (unsafe), 622 (unreadable or corrupt), 624 (cannot write) or
 * ERROR_ALLOCATING_MEMORY, and err->detail one sentence naming the file
 * (and the field); err->ext is 0. */

/* The credentials saved for (phonebook, entry): *found false (and *out
 * zeroed) when there are none.  phonebook is the phonebook's path as
 * loaded; it is made absolute and canonical for the key.  Returns 0 or the
 * error (err says why). */
DWORD nr_cred_get(const char *phonebook, const char *entry, nr_cred *out, bool *found, nr_error *err);

/* Saves in for (phonebook, entry), replacing what was there; when
 * remove_password, in->password is ignored and no password is kept. */
DWORD nr_cred_set(const char *phonebook, const char *entry, const nr_cred *in, bool remove_password,
                  nr_error *err);

/* What was saved for (phonebook, from) follows the entry: it is removed
 * when to is NULL (the entry was deleted), else saved for (phonebook, to),
 * replacing what was saved for that name (the entry was renamed).  Nothing
 * is written when nothing was saved for from; a missing state directory is
 * not created. */
DWORD nr_cred_move(const char *phonebook, const char *from, const char *to, nr_error *err);

#endif
