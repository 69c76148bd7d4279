/*
 * ras-entries.c - the public calls over the phonebook as a whole:
 * RasEnumEntries over the JSON phonebook, with the Windows size-probe
 * protocol, and nr_ras_check_phonebook.  Their failures leave the detail
 * for the calling thread (local-lasterror.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <netrouter/ras.h>

#include "phonebook.h"
#include "local-lasterror.h"

NR_RAS_PUBLIC DWORD APIENTRY RasEnumEntriesA(LPCSTR reserved, LPCSTR lpszPhonebook, LPRASENTRYNAMEA entries,
                                             LPDWORD lpcb, LPDWORD lpcEntries)
{
    nr_phonebook *pb = NULL;
    nr_pb_error err;
    char *path = NULL;
    DWORD rc, need;
    bool system_book;

    nr_ras_set_last_error(NULL);
    if (reserved || !lpcb || !lpcEntries)
        return ERROR_INVALID_PARAMETER;
    if (entries && entries->dwSize != sizeof(RASENTRYNAME))
        return ERROR_INVALID_SIZE;
    path = lpszPhonebook ? strdup(lpszPhonebook) : nr_pb_default_path();
    if (!path)
        return ERROR_ALLOCATING_MEMORY;
    if (!lpszPhonebook && access(path, F_OK) != 0) {
        /* No default phonebook yet: it simply has no entries. */
        free(path);
        *lpcEntries = 0;
        *lpcb = 0;
        return 0;
    }
    rc = nr_pb_load(path, &pb, &err);
    if (rc) {
        nr_ras_remember_pb_error(&err);
        free(path);
        return rc;
    }
    need = (DWORD)(pb->n * sizeof(RASENTRYNAME));
    *lpcEntries = (DWORD)pb->n;
    /* An empty phonebook is a success even for a probe (NULL, 0), as on
     * Windows: *lpcb = 0, and no caller allocates 0 bytes on 603. */
    if (pb->n && (!entries || *lpcb < need)) {
        *lpcb = need;
        nr_pb_free(pb);
        free(path);
        return ERROR_BUFFER_TOO_SMALL;
    }
    system_book = strncmp(path, NR_SYSCONFDIR "/", strlen(NR_SYSCONFDIR "/")) == 0;
    for (size_t i = 0; i < pb->n; i++) {
        RASENTRYNAME *e = &entries[i];
        memset(e, 0, sizeof *e);
        e->dwSize = sizeof *e;
        snprintf(e->szEntryName, sizeof e->szEntryName, "%s", pb->entries[i].name);
        e->dwFlags = system_book ? REN_AllUsers : REN_User;
        snprintf(e->szPhonebookPath, sizeof e->szPhonebookPath, "%s", pb->path);
    }
    *lpcb = need;
    nr_pb_free(pb);
    free(path);
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
