/*
 * fuzz-manifest.c - libFuzzer target: any bytes as a plugin manifest,
 * through nr__manifest_parse() (router/lib/manifest.c): jansson's parser
 * with JSON_REJECT_DUPLICATES, the schema (unknown keys, types, required
 * keys), the value checks and the search for a key's line and column that
 * every schema problem carries.
 *
 * The input is handed over as the manifest's open descriptor (a memfd, a
 * regular file) as discovery does after its checks.  Library resolution is
 * left out: it opens paths named by the input.
 *
 * Besides crashes, leaks and sanitizer reports, it checks the promises of
 * internal.h: a manifest comes back with no problem recorded, or NULL with
 * exactly one problem that has a message, a parse or schema stage and a
 * sane position.
 */
#include "config.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz-util.h"
#include "internal.h"

#define MANIFEST_PATH "/fuzz/plugins.d/fuzz.json"

static int input_fd(const uint8_t *data, size_t size)
{
    static int fd = -1;
    if (fd < 0)
        fd = memfd_create("fuzz-manifest.json", MFD_CLOEXEC);
    FUZZ_ASSERT(fd >= 0);
    FUZZ_ASSERT(ftruncate(fd, 0) == 0);
    FUZZ_ASSERT(pwrite(fd, data, size, 0) == (ssize_t)size);
    FUZZ_ASSERT(lseek(fd, 0, SEEK_SET) == 0);
    return fd;
}

static void check_manifest(const nr_manifest *m)
{
    json_t *config;
    FUZZ_ASSERT(m->path && !strcmp(m->path, MANIFEST_PATH));
    FUZZ_ASSERT(m->name && *m->name && strlen(m->name) <= 255 && !strchr(m->name, '/'));
    FUZZ_ASSERT(m->kind == NR_PLUGIN_PROVIDER || m->kind == NR_PLUGIN_NOTIFIER);
    FUZZ_ASSERT(m->library && *m->library);
    FUZZ_ASSERT(m->description);
    FUZZ_ASSERT(m->lib_fd == -1 && !m->library_path);
    FUZZ_ASSERT(m->library_line >= 1 && m->library_col >= 1); /* "library" is required */
    /* the config the plugin receives is JSON text of an object */
    FUZZ_ASSERT(m->config_json);
    config = json_loads(m->config_json, 0, NULL);
    FUZZ_ASSERT(json_is_object(config));
    json_decref(config);
    if (m->owns) {
        FUZZ_ASSERT(m->kind == NR_PLUGIN_PROVIDER);
        for (char *const *o = m->owns; *o; o++)
            FUZZ_ASSERT(**o);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nr_problems ps = { 0 };
    nr_manifest *m = nr__manifest_parse(MANIFEST_PATH, input_fd(data, size), size, NULL, &ps);

    if (m) {
        FUZZ_ASSERT(ps.n == 0);
        check_manifest(m);
    } else {
        FUZZ_ASSERT(ps.n == 1);
        FUZZ_ASSERT(ps.v[0].message && *ps.v[0].message);
        FUZZ_ASSERT(ps.v[0].file && !strcmp(ps.v[0].file, MANIFEST_PATH));
        FUZZ_ASSERT(ps.v[0].stage == NR_STAGE_PARSE || ps.v[0].stage == NR_STAGE_SCHEMA);
        FUZZ_ASSERT(ps.v[0].line >= 0 && ps.v[0].column >= 0);
        FUZZ_ASSERT((size_t)ps.v[0].line <= size + 1);
    }
    nr__manifest_free(m);
    nr__problems_free(&ps);
    return 0;
}
