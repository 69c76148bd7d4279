/*
 * ras-lasterror.h - the calling thread's detail sentence behind
 * RasGetLastPhonebookError and nr_ras_get_error_detail(NULL, ...), shared
 * by the ras-*.c files of the public library (kept in ras-lasterror.c).
 */
#ifndef NR_RAS_LASTERROR_H
#define NR_RAS_LASTERROR_H

#include "phonebook.h"

/* Sets the calling thread's detail ("" or NULL: no error). */
void nr_ras_set_last_error(const char *text);

/* Sets it from a phonebook load failure ("FILE:LINE:COLUMN: FIELD: message"). */
void nr_ras_remember_pb_error(const nr_pb_error *err);

#endif
