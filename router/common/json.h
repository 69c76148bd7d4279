/*
 * json.h - JSON text as netrouter reads it from files (manifests, the
 * store, phonebooks, saved credentials): strictly, and with every problem
 * pointed at by line and column.
 *
 * jansson gives a position for syntax errors only; for a well-formed file
 * whose content is wrong (a key of the wrong type, an unknown key) the
 * validators find the position of the value themselves (nr_json_locate)
 * and say what they found instead (nr_json_kind_name).
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
 * a NUL).  A UTF-8 byte order mark at the start (as Notepad writes one) is
 * skipped, here and by nr_json_locate(), and takes no column. */
__attribute__((visibility("hidden"))) json_t *nr_json_parse(const char *text, size_t len, json_error_t *err);

/* The length of the UTF-8 byte order mark that starts the len bytes of
 * text, 3, or 0 when there is none (text need not end with a NUL). */
__attribute__((visibility("hidden"))) size_t nr_json_bom_length(const char *text, size_t len);

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

/* One step of a path into JSON text: an object member named key, or (key
 * NULL) the array element at index. */
typedef struct nr_json_step {
    const char *key;
    size_t index;
} nr_json_step;

/* Where the value at path (n steps) sits in text, for example
 * entries[2].speed:
 *
 *     const nr_json_step path[] = { { "entries", 0 }, { NULL, 2 }, { "speed", 0 } };
 *     nr_json_locate(text, path, 3, &line, &column);
 *
 * or a key of the outermost object: &(nr_json_step){ "order", 0 }, 1.
 * Sets the 1-based *line and *column of the member's key (its opening
 * quote) for an object member, of the value's first character for an array
 * element (1 and 1 for n == 0), and returns true; false, with *line and
 * *column 0, when the path is not in text.  A key is compared as written
 * (escapes are not decoded); the first member of that name counts.  text is
 * NUL-terminated and read as far as the path needs: it should be what
 * nr_json_parse() accepted, but a text that is valid only up to some point
 * (a number too big for jansson) is read safely, and paths before that
 * point are found. */
__attribute__((visibility("hidden"))) bool nr_json_locate(const char *text, const nr_json_step *path, size_t n,
                                                          int *line, int *column);

/* What v is, for a message saying what was found instead: "an object",
 * "an array", "a string", "an integer", "a number with a fraction", "a
 * boolean" or "null". */
__attribute__((visibility("hidden"))) const char *nr_json_kind_name(const json_t *v);

#endif
