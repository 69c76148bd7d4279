/*
 * errlist.h - the name and text functions of an error list that
 * scripts/errlist.awk made of a public header (NR_NPAPI_ERRORS of npapi.h,
 * NR_RAS_ERRORS of ras.h), written once for every such list:
 *
 *     #include "npapi-errlist.h"
 *     NR_ERRLIST_FUNCTIONS(nr_npapi_error_name, nr_npapi_error_text, NR_NPAPI_ERRORS)
 *
 * defines `const char *nr_npapi_error_name(uint32_t code)` (the code's
 * macro name, "WN_BAD_VALUE") and `const char *nr_npapi_error_text(uint32_t
 * code)` (its fixed text), each NULL for a code the list does not hold.
 * Switches, so that two codes of one value in a list do not even compile.
 * Internal; pure look-ups, reentrant.
 */
#ifndef NR_COMMON_ERRLIST_H
#define NR_COMMON_ERRLIST_H

#include <stddef.h>
#include <stdint.h>

#define NR_ERRLIST_NAME_CASE_(name, text) \
    case name: return #name;
#define NR_ERRLIST_TEXT_CASE_(name, text) \
    case name: return text;

#define NR_ERRLIST_FUNCTIONS(name_fn, text_fn, MAP) \
    const char *name_fn(uint32_t code)              \
    {                                               \
        switch (code) {                             \
            MAP(NR_ERRLIST_NAME_CASE_)              \
        }                                           \
        return NULL;                                \
    }                                               \
    const char *text_fn(uint32_t code)              \
    {                                               \
        switch (code) {                             \
            MAP(NR_ERRLIST_TEXT_CASE_)              \
        }                                           \
        return NULL;                                \
    }

#endif
