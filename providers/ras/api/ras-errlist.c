/*
 * ras-errlist.c - the name and text of every RAS error number (ras-errors.h),
 * from the one list written in ras.h itself: each code's #define carries its
 * Windows text, and scripts/errlist.awk makes the X-macro list NR_RAS_ERRORS
 * of it at build time.  Switches, so that two codes of the same value would
 * not even compile.
 */
#include "config.h"

#include <stddef.h>

#include "providers/ras/ras-errlist.h"
#include "ras-errors.h"

const char *nr_ras_error_name(DWORD code)
{
    switch (code) {
#define XX(name, text) \
    case name: return #name;
        NR_RAS_ERRORS(XX)
#undef XX
    }
    return NULL;
}

const char *nr_ras_error_text(DWORD code)
{
    switch (code) {
#define XX(name, text) \
    case name: return text;
        NR_RAS_ERRORS(XX)
#undef XX
    }
    return NULL;
}
