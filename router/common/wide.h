/*
 * wide.h - converting between UTF-8 and wide strings (wchar_t, one Unicode
 * code point each on Linux), the one place netrouter does it: the router's
 * boundary with UNICODE plugins, the W forms of the WNet and RAS functions.
 *
 * Both directions are strict: UTF-8 by jansson's rules (utf8.h), and wide
 * characters that are Unicode scalar values (no surrogates, nothing beyond
 * U+10FFFF).  Internal; reentrant.
 */
#ifndef NR_COMMON_WIDE_H
#define NR_COMMON_WIDE_H

#include <stddef.h>
#include <wchar.h>

#define NR_HIDDEN_ __attribute__((visibility("hidden")))

/* Wide characters that UTF-8 s converts to, not counting the terminating
 * NUL; (size_t)-1 when s is not valid UTF-8. */
NR_HIDDEN_ size_t nr_wide_count(const char *s);

/* UTF-16 code units that UTF-8 s converts to (a character beyond U+FFFF
 * counts two, as in Windows' WCHARs), not counting the terminating NUL;
 * (size_t)-1 when s is not valid UTF-8.  The length limits Windows states
 * in WCHARs (RAS_MaxEntryName) are counted with it. */
NR_HIDDEN_ size_t nr_utf16_count(const char *s);

/* UTF-8 bytes that w converts to, not counting the terminating NUL;
 * (size_t)-1 when w holds a value that is not a Unicode scalar value. */
NR_HIDDEN_ size_t nr_utf8_count(const wchar_t *w);

/* Converts s into out, which has room for cap wide characters including
 * the terminating NUL.  Returns the number of characters written without
 * the NUL; (size_t)-1 when s is not valid UTF-8 or does not fit (then out
 * holds an empty string if cap > 0). */
NR_HIDDEN_ size_t nr_wide_from_utf8_buf(const char *s, wchar_t *out, size_t cap);

/* Converts w into out, which has room for cap bytes including the
 * terminating NUL.  Returns the bytes written without the NUL; (size_t)-1
 * when w is not valid or does not fit (then out holds "" if cap > 0). */
NR_HIDDEN_ size_t nr_utf8_from_wide_buf(const wchar_t *w, char *out, size_t cap);

/* A new wide copy of s (free() it), NULL for NULL.  On failure returns NULL
 * with errno EILSEQ (s is not UTF-8) or ENOMEM. */
NR_HIDDEN_ wchar_t *nr_wide_dup(const char *s);

/* A new UTF-8 copy of w (free() it), NULL for NULL.  On failure returns
 * NULL with errno EILSEQ (w is not Unicode) or ENOMEM. */
NR_HIDDEN_ char *nr_utf8_dup(const wchar_t *w);

#undef NR_HIDDEN_

#endif
