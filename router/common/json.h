/*
 * json.h - JSON text as netrouter reads it from files (manifests, the
 * store, phonebooks, saved credentials): strictly.
 *
 * Shared by libnetrouter and the RAS provider; internal.  Reentrant.
 */
#ifndef NR_COMMON_JSON_H
#define NR_COMMON_JSON_H

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

#endif
