/*
 * ras-entries.c - the public calls over the phonebook as a whole:
 * RasEnumEntries over the JSON phonebook, with the Windows size-probe
 * protocol, and nr_ras_check_phonebook.  Their failures leave the detail
 * for the calling thread (local-lasterror.h).  A RASENTRYNAMEA holds a name
 * of more than RAS_MaxEntryName bytes of UTF-8 cut at a character
 * boundary; RasEnumEntriesW lists whole names from the same phonebook
 * (nr_ras_entries_book, ras-named.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <netrouter/ras.h>

#include "phonebook.h"
#include "local-lasterror.h"
#include "ras-named.h"
#include "utf8.h"

DWORD nr_ras_entries_book(LPCSTR lpszPhonebook, nr_phonebook **pb, DWORD *flags)
{
    nr_pb_error err;
    char *path = lpszPhonebook ? strdup(lpszPhonebook) : nr_pb_default_path();
    DWORD rc = 0;

    *pb = NULL;
    if (!path)
        return ERROR_ALLOCATING_MEMORY;
    *flags = strncmp(path, NR_SYSCONFDIR "/", strlen(NR_SYSCONFDIR "/")) == 0 ? REN_AllUsers : REN_User;
    /* No default phonebook yet: it simply has no entries. */
    if ((lpszPhonebook || access(path, F_OK) == 0) && (rc = nr_pb_load(path, pb, &err)) != 0)
        nr_ras_remember_pb_error(&err);
    free(path);
    return rc;
}

NR_RAS_PUBLIC DWORD APIENTRY RasEnumEntriesA(LPCSTR reserved, LPCSTR lpszPhonebook, LPRASENTRYNAMEA entries,
                                             LPDWORD lpcb, LPDWORD lpcEntries)
{
    nr_phonebook *pb = NULL;
    DWORD rc, need, flags;

    nr_ras_set_last_error(NULL);
    if (reserved || !lpcb || !lpcEntries)
        return ERROR_INVALID_PARAMETER;
    if (entries && entries->dwSize != sizeof(RASENTRYNAME))
        return ERROR_INVALID_SIZE;
    if ((rc = nr_ras_entries_book(lpszPhonebook, &pb, &flags)) != 0)
        return rc;
    if (!pb) {
        *lpcEntries = 0;
        *lpcb = 0;
        return 0;
    }
    need = (DWORD)(pb->n * sizeof(RASENTRYNAME));
    *lpcEntries = (DWORD)pb->n;
    /* An empty phonebook is a success even for a probe (NULL, 0), as on
     * Windows: *lpcb = 0, and no caller allocates 0 bytes on 603. */
    if (pb->n && (!entries || *lpcb < need)) {
        *lpcb = need;
        nr_pb_free(pb);
        return ERROR_BUFFER_TOO_SMALL;
    }
    for (size_t i = 0; i < pb->n; i++) {
        RASENTRYNAMEA *e = &entries[i];
        memset(e, 0, sizeof *e);
        e->dwSize = sizeof *e;
        nr_utf8_copy_fit(e->szEntryName, sizeof e->szEntryName, pb->entries[i].name); /* never half a character */
        e->dwFlags = flags;
        snprintf(e->szPhonebookPath, sizeof e->szPhonebookPath, "%s", pb->path);
    }
    *lpcb = need;
    nr_pb_free(pb);
    return 0;
}

NR_RAS_PUBLIC DWORD nr_ras_check_phonebook(LPCSTR phonebook, LPSTR path, DWORD size, LPDWORD lpcEntries)
{
    nr_phonebook *pb = NULL;
    nr_pb_error err;
    char *file;
    DWORD rc;

    nr_ras_set_last_error(NULL);
    if ((path && !size) || (phonebook && !*phonebook))
        return ERROR_INVALID_PARAMETER;
    if (lpcEntries)
        *lpcEntries = 0;
    file = phonebook ? strdup(phonebook) : nr_pb_default_path();
    if (!file)
        return ERROR_ALLOCATING_MEMORY;
    if (path)
        snprintf(path, size, "%s", file);
    if (path && strlen(file) >= size) {
        free(file);
        return ERROR_BUFFER_TOO_SMALL;
    }
    rc = nr_pb_load(file, &pb, &err);
    if (rc)
        nr_ras_remember_pb_error(&err);
    else if (lpcEntries)
        *lpcEntries = (DWORD)pb->n;
    nr_pb_free(pb);
    free(file);
    return rc;
}
