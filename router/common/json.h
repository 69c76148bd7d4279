/*
 * json.h - JSON text as netrouter reads it from files (manifests, the
 * store, phonebooks, saved credentials): strictly.
 *
 * Shared by libnetrouter and the RAS provider; internal.  Reentrant.
 */
#ifndef NR_COMMON_JSON_H
#define NR_COMMON_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <jansson.h>

/* Parses text[len] with jansson, duplicate keys rejected, after refusing a
 * NUL byte anywhere in it: JSON text never holds one, yet jansson 2.14
 * skips one that follows a number and json_loads() stops at the first, so
 * a NUL could hide the rest of a file or shift every position reported
 * after it.  NULL on failure with err filled as jansson fills it (line and
 * column 1-based; err->text "a NUL byte, which JSON text never holds" for
 * a NUL). */
__attribute__((visibility("hidden"))) json_t *nr_json_parse(const char *text, size_t len, json_error_t *err);

/* The key whose value jansson could not read because it is an integer
 * beyond 64 bits (err from nr_json_parse, json_error_numeric_overflow):
 * what a validator reports as that key's value out of range, not as a
 * syntax error.  Fills *key and *key_len (the key's name inside text, as
 * written: no escapes are decoded), the 1-based *line and *column of its
 * opening quote, and *number / *number_len (the digits as written).  False
 * when err is not such an error or the number is not a member's value. */
typedef struct nr_json_overflow {
    const char *key, *number;
    int key_len, number_len;
    int line, column;
} nr_json_overflow;
__attribute__((visibility("hidden"))) bool nr_json_overflow_key(const char *text, size_t len, const json_error_t *err,
                                                                nr_json_overflow *out);

/* 1-based line and column of offset in text (a newline ends a line). */
__attribute__((visibility("hidden"))) void nr_text_position(const char *text, size_t offset, int *line, int *column);

#endif
