/*
 * utf8.h - telling UTF-8 text from bytes that are not.
 *
 * netrouter's names are UTF-8 by contract (npapi.h), and everything it
 * stores or prints as JSON must be; file names and what plugins hand back
 * need not be.  Shared by libnetrouter (which refuses such names) and the
 * netrouter command (which shows them); internal.  Reentrant.
 */
#ifndef NR_COMMON_UTF8_H
#define NR_COMMON_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Offset of the first byte of s that does not begin a valid UTF-8
 * sequence, by jansson's rules (no overlong forms, no surrogates, nothing
 * beyond U+10FFFF); (size_t)-1 when s is valid UTF-8 throughout. */
__attribute__((visibility("hidden"))) size_t nr_utf8_invalid_at(const char *s);

/* Decodes the UTF-8 sequence at *p (which must not be the terminating NUL)
 * by the same rules and advances *p past it.  Returns the code point, or
 * (uint32_t)-1 for an invalid sequence (then *p is unchanged). */
__attribute__((visibility("hidden"))) uint32_t nr_utf8_decode(const unsigned char **p);

/* Copies into out (cap > 0 bytes) as much of UTF-8 s as fits with the
 * terminating NUL, cut after the last whole character that fits, never
 * inside one (bytes that are not UTF-8 count as one character each).
 * Returns true when all of s was copied. */
__attribute__((visibility("hidden"))) bool nr_utf8_copy_fit(char *out, size_t cap, const char *s);

#endif
