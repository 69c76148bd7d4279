/*
 * ras-entry-names.c - the calls over entry names: RasDeleteEntryA,
 * RasRenameEntryA and RasValidateEntryNameA, with Windows' return codes.
 * The name rule and the writes are pbedit.h's; a default phonebook that
 * does not exist yet has no entries (as for RasEnumEntries).  Credentials
 * saved for an entry (RasSetEntryDialParams) follow it: removed with it,
 * renamed with it.  Failures leave their detail for the calling thread
 * (local-lasterror.h).
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <netrouter/ras.h>

#include "credstore.h"
#include "local-lasterror.h"
#include "pbedit.h"
#include "phonebook.h"

/* True when lpszPhonebook is NULL and the default phonebook does not
 * exist yet: a phonebook without entries. */
static bool default_missing(LPCSTR lpszPhonebook)
{
    char *path;
    bool missing;
    if (lpszPhonebook)
        return false;
    path = nr_pb_default_path();
    missing = path && access(path, F_OK) != 0;
    free(path);
    return missing;
}

/* The credentials saved for entry from follow it to to (NULL: deleted).
 * The phonebook has changed already, so this is done as well as it can
 * be: a credentials file that cannot be changed is left as it is. */
static void credentials_follow(LPCSTR lpszPhonebook, const char *from, const char *to)
{
    char *path = lpszPhonebook ? strdup(lpszPhonebook) : nr_pb_default_path();
    nr_error err;
    if (path)
        nr_cred_move(path, from, to, &err);
    free(path);
}

NR_RAS_PUBLIC DWORD RasDeleteEntryA(LPCSTR lpszPhonebook, LPCSTR lpszEntry)
{
    nr_pb_error err;
    DWORD rc;

    nr_ras_set_last_error(NULL);
    if (!lpszEntry)
        return ERROR_INVALID_PARAMETER;
    if (!*lpszEntry || default_missing(lpszPhonebook))
        return ERROR_INVALID_NAME;
    rc = nr_pb_remove(lpszPhonebook, lpszEntry, &err);
    if (rc)
        nr_ras_remember_pb_error(&err);
    else
        credentials_follow(lpszPhonebook, lpszEntry, NULL);
    /* Windows' code for a name that is not in the phonebook */
    return rc == ERROR_CANNOT_FIND_PHONEBOOK_ENTRY ? ERROR_INVALID_NAME : rc;
}

NR_RAS_PUBLIC DWORD RasRenameEntryA(LPCSTR lpszPhonebook, LPCSTR lpszOldEntry, LPCSTR lpszNewEntry)
{
    nr_pb_error err;
    DWORD rc;

    nr_ras_set_last_error(NULL);
    if (!lpszOldEntry || !lpszNewEntry)
        return ERROR_INVALID_PARAMETER;
    if (!nr_pb_name_ok(lpszNewEntry))
        return ERROR_INVALID_NAME;
    if (!*lpszOldEntry || default_missing(lpszPhonebook))
        return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
    rc = nr_pb_rename(lpszPhonebook, lpszOldEntry, lpszNewEntry, &err);
    if (rc)
        nr_ras_remember_pb_error(&err);
    else if (strcmp(lpszOldEntry, lpszNewEntry))
        credentials_follow(lpszPhonebook, lpszOldEntry, lpszNewEntry);
    return rc;
}

NR_RAS_PUBLIC DWORD RasValidateEntryNameA(LPCSTR lpszPhonebook, LPCSTR lpszEntry)
{
    nr_phonebook *pb = NULL;
    nr_pb_error err;
    DWORD rc;

    nr_ras_set_last_error(NULL);
    if (!nr_pb_name_ok(lpszEntry))
        return ERROR_INVALID_NAME;
    if (default_missing(lpszPhonebook))
        return 0;
    if ((rc = nr_pb_load(lpszPhonebook, &pb, &err)) != 0) {
        nr_ras_remember_pb_error(&err);
        return rc;
    }
    rc = nr_pb_find(pb, lpszEntry) ? ERROR_ALREADY_EXISTS : 0;
    nr_pb_free(pb);
    return rc;
}
