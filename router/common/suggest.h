/*
 * suggest.h - "did you mean ...?" for misspelt keys.
 *
 * Shared by the manifest and phonebook validators; internal.  Reentrant.
 */
#ifndef NR_COMMON_SUGGEST_H
#define NR_COMMON_SUGGEST_H

#include <stddef.h>

/* The known name nearest to word, when it is near enough to be a plausible
 * typo (optimal string alignment distance: an insertion, a deletion, a
 * substitution or a swap of neighbours counts one; at most 1 for words of
 * up to 4 characters, 2 up to 8, 3 beyond); NULL when none is.
 *
 * The names are read from a table: first points at the name of its first
 * element, stride is the size of an element in bytes (sizeof(char *) for a
 * plain array of strings), n the number of elements; a NULL name ends the
 * table early.  For a table of structures whose member .name is a string:
 *
 *     nr_suggest(key, &keys[0].name, nkeys, sizeof keys[0]);
 *
 * Returns one of the names (not a copy). */
__attribute__((visibility("hidden"))) const char *nr_suggest(const char *word, const char *const *first, size_t n,
                                                             size_t stride);

#endif
