/*
 * ras-errlist.c - the name and text of every RAS error number (ras-errors.h),
 * from the one list written in ras.h itself: each code's #define carries its
 * Windows text, and scripts/errlist.awk makes the X-macro list NR_RAS_ERRORS
 * of it at build time (the functions are router/common's errlist.h).
 */
#include "config.h"

#include "errlist.h"
#include "ras-errlist.h"
#include "ras-errors.h"

NR_ERRLIST_FUNCTIONS(nr_ras_error_name, nr_ras_error_text, NR_RAS_ERRORS)
