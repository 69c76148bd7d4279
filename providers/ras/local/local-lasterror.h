/*
 * local-lasterror.h - the calling thread's detail sentence behind
 * nr_ras_get_last_phonebook_error and nr_ras_get_error_detail(NULL, ...), shared
 * by the public library and the service (kept in local-lasterror.c), and
 * the loading of a phonebook entry that sets it.
 */
#ifndef NR_RAS_LOCAL_LASTERROR_H
#define NR_RAS_LOCAL_LASTERROR_H

#include "phonebook.h"

/* Sets the calling thread's detail ("" or NULL: no error). */
void nr_ras_set_last_error(const char *text);

/* The calling thread's detail ("" when none); valid until it changes. */
const char *nr_ras_last_error(void);

/* Sets it from a phonebook load failure ("FILE:LINE:COLUMN: FIELD: message"). */
void nr_ras_remember_pb_error(const nr_pb_error *err);

/* Loads the phonebook (NULL: the default one) and finds the entry called
 * name, as every call that takes an entry does: 0 with *pb (the caller
 * frees it) and *entry set, or the phonebook's error
 * (ERROR_CANNOT_OPEN_PHONEBOOK, ERROR_CORRUPT_PHONEBOOK,
 * ERROR_CANNOT_FIND_PHONEBOOK_ENTRY: the entries that exist and the nearest
 * name) with the detail set and *pb NULL. */
DWORD nr_ras_load_entry(LPCSTR phonebook, const char *name, nr_phonebook **pb, const nr_pb_entry **entry);

#endif
