/*
 * fuzz-phonebook.c - libFuzzer target: any bytes as a RAS phonebook,
 * through nr_pb_load() (providers/ras/store/phonebook.c): jansson, the key
 * tables, ranges and choices, the rules across keys, duplicate names, and
 * the search for the line and column of the field at fault (nr_json_locate in router/common/json.c).
 *
 * The input is written to a private scratch directory as a 0600 file of
 * ours, so the phonebook's own checks (regular file, owner, mode) pass and
 * the bytes reach the parser.  Besides crashes, leaks and sanitizer
 * reports, it checks what phonebook.h promises: a loaded phonebook has
 * usable entries, each found by its name; a refused one says why (code
 * 625 and a sentence), and where when it names a field.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "fuzz-util.h"
#include "phonebook.h"
#include "wide.h"

static void check_phonebook(const nr_phonebook *pb, const char *path)
{
    FUZZ_ASSERT(pb->path && !strcmp(pb->path, path));
    for (size_t i = 0; i < pb->n; i++) {
        const nr_pb_entry *e = &pb->entries[i];
        /* at most NR_PB_MAX_ENTRY_NAME characters (not bytes), as Windows counts */
        FUZZ_ASSERT(e->name && *e->name && nr_wide_count(e->name) <= NR_PB_MAX_ENTRY_NAME);
        FUZZ_ASSERT(e->device && e->device[0] == '/');
        FUZZ_ASSERT(e->phone_number && *e->phone_number);
        FUZZ_ASSERT(e->description && e->dial_prefix && e->callback_number && e->interface);
        FUZZ_ASSERT(e->speed >= 300);
        FUZZ_ASSERT(e->ninit == 0 || e->init);
        for (size_t k = 0; k < e->ninit; k++)
            FUZZ_ASSERT(e->init[k]);
        /* names are unique: each finds its own entry */
        FUZZ_ASSERT(nr_pb_find(pb, e->name) == e);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char path[PATH_MAX];
    nr_phonebook *pb = NULL;
    nr_pb_error err;
    DWORD rc;
    int fds = fuzz_count_fds();

    if (!path[0])
        fuzz_path(path, fuzz_scratch_dir("phonebook"), "phonebook.json");
    fuzz_write_file(path, data, size);
    rc = nr_pb_load(path, &pb, &err);
    if (rc == WN_SUCCESS) {
        FUZZ_ASSERT(pb);
        check_phonebook(pb, path);
    } else {
        FUZZ_ASSERT(!pb);
        /* the file is readable and ours: anything refused is its content */
        if (rc != ERROR_CORRUPT_PHONEBOOK)
            fprintf(stderr, "nr_pb_load: %u: %s\n", (unsigned)rc, err.err.detail);
        FUZZ_ASSERT(rc == ERROR_CORRUPT_PHONEBOOK);
        FUZZ_ASSERT(err.err.code == rc);
        FUZZ_ASSERT(err.err.detail[0]);
        FUZZ_ASSERT(!strcmp(err.file, path));
        FUZZ_ASSERT(err.line >= 0 && err.column >= 0);
    }
    nr_pb_free(pb);
    FUZZ_ASSERT(fuzz_count_fds() == fds);
    return 0;
}
