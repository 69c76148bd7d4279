/*
 * ras-wide-args.c - the conversions of the W forms' arguments and
 * structure members to UTF-8 (ras-wide-args.h).
 */
#include "config.h"

#include <errno.h>
#include <wchar.h>

#include "local-lasterror.h"
#include "ras-wide-args.h"
#include "wide.h"

DWORD nr_ras_wide_arg(LPCWSTR w, char **out)
{
    *out = NULL;
    if (!w)
        return 0;
    if ((*out = nr_utf8_dup(w)) != NULL)
        return 0;
    if (errno == ENOMEM)
        return ERROR_ALLOCATING_MEMORY;
    nr_ras_set_last_error("a wide string argument is not Unicode text (a surrogate or a value beyond U+10FFFF)");
    return ERROR_INVALID_PARAMETER;
}

bool nr_ras_wide_member(const wchar_t *w, size_t count, char *a, size_t size)
{
    return wmemchr(w, L'\0', count) && nr_utf8_from_wide_buf(w, a, size) != (size_t)-1;
}
