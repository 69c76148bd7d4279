/*
 * fuzz-store.c - libFuzzer target: any bytes as the remembered-connection
 * store, $state_dir/connections.json, read through the public API of
 * <netrouter/netrouter.h> only (router/lib/store.c and its callers): the
 * remembered enumeration in both forms (nr_enum_next, and the Windows
 * buffer form nr_enum_resource), nr_get_connection and nr_get_user on every
 * remembered name, nr_restore_connections, and a cancel with
 * CONNECT_UPDATE_PROFILE that forgets the first entry, which rewrites the
 * store.
 *
 * The router has no plugins (its plugin path is an empty directory) and a
 * private state directory of its own; each input replaces the store there
 * (a 0600 file of ours) and leaves nothing behind.  Besides crashes, leaks
 * and sanitizer reports, it checks the promises of docs/design.md
 * (section 4, rule 5): a store is either read (WN_SUCCESS) or declared
 * damaged (WN_BAD_PROFILE) and then kept aside with its bytes intact, never
 * emptied; both enumeration forms give
 * the same entries; and a store the router wrote itself reads back with
 * one entry fewer after a forget.
 */
#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <netrouter/netrouter.h>

#include "fuzz-util.h"

#define MAX_NAMES 8

static nr_router *router;
static char state_dir[PATH_MAX], store_path[PATH_MAX];

static void quiet_log(void *user, DWORD level, const char *plugin, const char *message)
{
    (void)user, (void)level, (void)plugin, (void)message;
}

static void router_once(void)
{
    static char plugins[PATH_MAX];
    const char *path[] = { plugins, NULL };
    nr_router_config cfg = NR_ROUTER_CONFIG_INIT;
    const char *base;

    if (router)
        return;
    base = fuzz_scratch_dir("store");
    fuzz_path(plugins, base, "plugins.d");
    fuzz_path(state_dir, base, "state");
    fuzz_path(store_path, state_dir, "connections.json");
    FUZZ_ASSERT(mkdir(plugins, 0700) == 0 && mkdir(state_dir, 0700) == 0);
    cfg.plugin_path = path;
    cfg.state_dir = state_dir;
    cfg.log = quiet_log;
    FUZZ_ASSERT(nr_router_new(&cfg, &router) == WN_SUCCESS);
}

static void last_error(const char *what, DWORD rc)
{
    DWORD code;
    char text[512] = "";
    nr_get_last_error(&code, text, sizeof text, NULL, 0);
    fprintf(stderr, "%s: %u (%s)\n", what, (unsigned)rc, text);
}

/* True when some file of the state directory holds exactly data. */
static bool kept_aside(const uint8_t *data, size_t size)
{
    DIR *d = opendir(state_dir);
    struct dirent *de;
    bool found = false;
    FUZZ_ASSERT(d);
    while (!found && (de = readdir(d))) {
        char p[PATH_MAX];
        struct stat st;
        int fd;
        if (strncmp(de->d_name, "connections.json", 16) != 0 || !de->d_name[16])
            continue;
        fuzz_path(p, state_dir, de->d_name);
        if ((fd = open(p, O_RDONLY | O_CLOEXEC)) < 0)
            continue;
        if (fstat(fd, &st) == 0 && (size_t)st.st_size == size) {
            char *buf = malloc(size + 1);
            found = buf && read(fd, buf, size + 1) == (ssize_t)size && (size == 0 || !memcmp(buf, data, size));
            free(buf);
        }
        close(fd);
    }
    closedir(d);
    return found;
}

/* Enumerates the remembered connections; copies up to MAX_NAMES local names. */
static size_t enumerate(char names[MAX_NAMES][1024], size_t *nnames, DWORD *rc_out)
{
    nr_enum *e = NULL;
    const NETRESOURCE *res;
    size_t n = 0;
    DWORD rc = nr_enum_open(router, RESOURCE_REMEMBERED, RESOURCETYPE_ANY, 0, NULL, &e);

    *rc_out = rc;
    if (nnames)
        *nnames = 0;
    if (rc != WN_SUCCESS) {
        FUZZ_ASSERT(!e);
        return 0;
    }
    while ((rc = nr_enum_next(e, &res)) == WN_SUCCESS) {
        FUZZ_ASSERT(res->lpLocalName && res->lpRemoteName && res->lpProvider);
        FUZZ_ASSERT(res->dwScope == RESOURCE_REMEMBERED);
        if (nnames && *nnames < MAX_NAMES)
            snprintf(names[(*nnames)++], 1024, "%s", res->lpLocalName);
        n++;
    }
    FUZZ_ASSERT(rc == WN_NO_MORE_ENTRIES);
    nr_enum_close(e);
    return n;
}

/* The same enumeration in the buffer form, first with too small a buffer. */
static size_t enumerate_buffers(void)
{
    nr_enum *e = NULL;
    size_t n = 0;
    DWORD rc;

    FUZZ_ASSERT(nr_enum_open(router, RESOURCE_REMEMBERED, RESOURCETYPE_ANY, 0, NULL, &e) == WN_SUCCESS);
    for (;;) {
        DWORD count = 0xFFFFFFFFu, size = 8;
        char small[8];
        rc = nr_enum_resource(e, &count, small, &size);
        if (rc == WN_NO_MORE_ENTRIES)
            break;
        FUZZ_ASSERT(rc == WN_MORE_DATA && size > sizeof small);
        void *buf = malloc(size);
        FUZZ_ASSERT(buf);
        count = 1;
        rc = nr_enum_resource(e, &count, buf, &size);
        FUZZ_ASSERT(rc == WN_SUCCESS && count == 1);
        const NETRESOURCE *r = buf;
        FUZZ_ASSERT(r->lpLocalName && r->lpRemoteName && r->lpProvider);
        free(buf);
        n++;
    }
    nr_enum_close(e);
    return n;
}

static void restore_cb(void *user, const NETRESOURCE *resource, DWORD result)
{
    (void)result;
    FUZZ_ASSERT(resource && resource->lpLocalName);
    ++*(size_t *)user;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char names[MAX_NAMES][1024];
    size_t n, nnames, restored = 0;
    DWORD rc;
    int fds;

    router_once();
    fds = fuzz_count_fds();
    fuzz_write_file(store_path, data, size);

    n = enumerate(names, &nnames, &rc);
    if (rc == WN_BAD_PROFILE) {
        /* damaged: set aside with its bytes, and the next read starts anew */
        FUZZ_ASSERT(access(store_path, F_OK) != 0);
        FUZZ_ASSERT(kept_aside(data, size));
        FUZZ_ASSERT(enumerate(NULL, NULL, &rc) == 0 && rc == WN_SUCCESS);
        goto out;
    }
    if (rc != WN_SUCCESS)
        last_error("nr_enum_open(RESOURCE_REMEMBERED)", rc);
    FUZZ_ASSERT(rc == WN_SUCCESS);
    FUZZ_ASSERT(enumerate_buffers() == n);

    for (size_t i = 0; i < nnames; i++) {
        char buf[64];
        DWORD len = sizeof buf;
        nr_get_connection(router, names[i], buf, &len);
        len = sizeof buf;
        nr_get_user(router, names[i], buf, &len);
    }
    FUZZ_ASSERT(nr_restore_connections(router, NULL, restore_cb, &restored) != WN_BAD_PROFILE);
    FUZZ_ASSERT(restored <= n);

    if (nnames > 0) {
        rc = nr_cancel_connection(router, names[0], CONNECT_UPDATE_PROFILE, FALSE);
        if (rc == WN_SUCCESS) {
            /* forgotten and rewritten by the router: it must read back */
            size_t after = enumerate(NULL, NULL, &rc);
            if (rc != WN_SUCCESS)
                last_error("nr_enum_open after a forget", rc);
            FUZZ_ASSERT(rc == WN_SUCCESS);
            FUZZ_ASSERT(after == n - 1);
        }
    }
out:
    fuzz_empty_dir(state_dir);
    FUZZ_ASSERT(fuzz_count_fds() == fds);
    return 0;
}
