/*
 * ras-entries.c - RasEnumEntries over the JSON phonebook, with the Windows
 * size-probe protocol, and the per-thread detail of the last phonebook
 * error (RasGetLastPhonebookError).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <netrouter/ras.h>

#include "phonebook.h"
#include "ras-lasterror.h"

static __thread char last_pb_error[2048]; /* fits file, field and message of nr_pb_error */

NR_RAS_PUBLIC DWORD RasGetLastPhonebookError(LPSTR buf, DWORD size)
{
    if (!buf || !size)
        return ERROR_INVALID_PARAMETER;
    snprintf(buf, size, "%s", last_pb_error);
    return 0;
}

void nr_ras_set_last_error(const char *text)
{
    snprintf(last_pb_error, sizeof last_pb_error, "%s", text ? text : "");
}

void nr_ras_remember_pb_error(const nr_pb_error *err)
{
    if (err->line > 0)
        snprintf(last_pb_error, sizeof last_pb_error, "%s:%d:%d: %s%s%s", err->file, err->line, err->column,
                 err->field, *err->field ? ": " : "", err->message);
    else
        snprintf(last_pb_error, sizeof last_pb_error, "%s: %s%s%s", err->file, err->field, *err->field ? ": " : "",
                 err->message);
}

NR_RAS_PUBLIC DWORD RasEnumEntries(LPCSTR reserved, LPCSTR lpszPhonebook, LPRASENTRYNAME entries, LPDWORD lpcb,
                                   LPDWORD lpcEntries)
{
    nr_phonebook *pb = NULL;
    nr_pb_error err;
    char *path = NULL;
    DWORD rc, need;
    bool system_book;

    last_pb_error[0] = '\0';
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
    if (!entries || *lpcb < need) {
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
