/*
 * jsonpos.h - where a value sits in JSON text.
 *
 * jansson reports line and column for syntax errors only; to point an
 * administrator at the offending key of a well-formed file, this finds the
 * position of the value at a path such as entries[2].speed by scanning the
 * text once with a minimal tokenizer.
 */
#ifndef NR_RAS_JSONPOS_H
#define NR_RAS_JSONPOS_H

#include <stddef.h>

/* One step of a path: an object key, or (key == NULL) an array index. */
typedef struct nr_jsonpos_step {
    const char *key;
    size_t index;
} nr_jsonpos_step;

/* Finds the value at path (n steps) in text; for an object member the
 * position is that of its key.  Sets 1-based *line and *column and returns 0,
 * or returns -1 (then *line = *column = 0) when the path is not found. */
int nr_jsonpos_find(const char *text, const nr_jsonpos_step *path, size_t n, int *line, int *column);

#endif
