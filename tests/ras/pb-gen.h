/*
 * pb-gen.h - large phonebooks for the tests and the benchmark of the
 * phonebook loader: n entries named "Entry000000", "Entry000001", ...,
 * each as an access-number list of an ISP would have them (name,
 * description, device, number: about 120 bytes), optionally followed by
 * one more entry that repeats the name of an earlier one.
 */
#ifndef NR_TESTS_RAS_PB_GEN_H
#define NR_TESTS_RAS_PB_GEN_H

#include <stdbool.h>
#include <stddef.h>

/* The name of entry i (static buffer). */
const char *pb_gen_name(size_t i);

/* Writes the phonebook to path, mode 0600: n entries, then, when
 * dup_of < n, an entry n named as entry dup_of.  False with errno set. */
bool pb_gen_write(const char *path, size_t n, size_t dup_of);

#endif
