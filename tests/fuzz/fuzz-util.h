/*
 * fuzz-util.h - what the libFuzzer targets of tests/fuzz share: an
 * assertion that reports like a crash, a private scratch directory, and
 * writing and clearing files in it.  Test code only; see README.md.
 */
#ifndef NR_FUZZ_UTIL_H
#define NR_FUZZ_UTIL_H

#include <stddef.h>
#include <stdint.h>

/* The libFuzzer entry points every target defines. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A broken promise of the code under test: prints the condition and
 * aborts, so libFuzzer saves the input as a crash. */
#define FUZZ_ASSERT(cond) ((cond) ? (void)0 : fuzz_fail(__FILE__, __LINE__, #cond))
_Noreturn void fuzz_fail(const char *file, int line, const char *what);

/* A fresh private (0700) directory, "netrouter-fuzz-TAG-XXXXXX", in
 * $FUZZ_TMPDIR, else /dev/shm (no disk I/O), else $TMPDIR or /tmp; removed
 * with its contents when the process exits normally.  Aborts on failure. */
const char *fuzz_scratch_dir(const char *tag);

/* Joins dir and name into a static buffer of the caller's (PATH_MAX). */
void fuzz_path(char *out, const char *dir, const char *name);

/* Replaces path with a regular file of the given bytes, mode 0600, owned
 * by the caller: what the code under test accepts as "ours".  Aborts on
 * failure. */
void fuzz_write_file(const char *path, const void *data, size_t size);

/* Removes every entry of dir (not recursive: files and empty directories). */
void fuzz_empty_dir(const char *dir);

/* Number of descriptors the process has open; the targets check they leak none. */
int fuzz_count_fds(void);

#endif
