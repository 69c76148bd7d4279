/*
 * fdname.c - the /proc/self/fd/N names that plugins are loaded through, and
 * the bookkeeping that keeps a name from being used for two objects.
 *
 * The loader (loader.c) loads a plugin through /proc/self/fd/N, N being the
 * descriptor whose owner and mode were checked.  Both libltdl and the
 * dynamic loader recognise an already loaded object by the name it was
 * opened with, and /proc/self/fd/N names recur as descriptor numbers are
 * reused: loading a new file as /proc/self/fd/7 while another object opened
 * under that name is still mapped would silently hand back the old one.  So
 * the checked descriptor is duplicated to a number whose name no loaded
 * object carries (nr__fdname_pick), and that duplicate stays open as long
 * as the libltdl handle lives (libltdl may remember a name the dynamic
 * loader does not list, when two manifests name the same file).
 *
 * The descriptor numbers N of loaded objects named /proc/self/fd/N are kept
 * across loads instead of walking every loaded object at each load.  The
 * dynamic loader counts the objects it has ever added and removed
 * (dlpi_adds, dlpi_subs); the set is trusted only while those counters read
 * what they read when the set was last brought up to date.  A load updates
 * it only when it can tell exactly what the load did (nr__fdname_loaded);
 * anything else (an unload, a dlopen elsewhere in the process, a plugin that
 * brought in a dependency, a failed load: nr__fdname_invalidate) makes the
 * next load walk the list again.
 *
 * When the file was already loaded under another name, the dynamic loader
 * hands back that object and adds our name to the names it answers to,
 * which dl_iterate_phdr does not report.  Such a descriptor is therefore not
 * closed with its handle but parked, its number (and so the name) kept out
 * of use, until a walk of the list no longer finds the object it shares.
 *
 * The set is process-wide: every function here runs under the loader's
 * lock (the one every lt_dl* call takes).  It calls nothing of the library
 * but nr__asprintf (util.c).
 */
#include "config.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <link.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

typedef struct parked_fd { int fd; char *shared_with; bool seen; } parked_fd;

static struct fd_names {
    bool *taken;
    size_t size;
    unsigned long long adds, subs; /* the counters the set is valid for */
    bool valid;
    parked_fd *parked;
    size_t nparked;
} fd_names;

typedef struct dl_counters { unsigned long long adds, subs; bool known; } dl_counters;

static bool has_counters(size_t size)
{
    return size >= offsetof(struct dl_phdr_info, dlpi_subs) + sizeof(((struct dl_phdr_info *)0)->dlpi_subs);
}

static int read_counters(struct dl_phdr_info *info, size_t size, void *data)
{
    dl_counters *c = data;
    if (has_counters(size)) {
        c->adds = info->dlpi_adds;
        c->subs = info->dlpi_subs;
        c->known = true;
    }
    return 1; /* the first object is enough */
}

static dl_counters counters_now(void)
{
    dl_counters c = { 0, 0, false };
    dl_iterate_phdr(read_counters, &c);
    return c;
}

static bool mark_fd_name(struct fd_names *fn, long n)
{
    if (n < 0 || n > 1 << 20)
        return true; /* no descriptor number: nothing to remember */
    if ((size_t)n >= fn->size) {
        size_t size2 = (size_t)n * 2 + 64;
        bool *t = realloc(fn->taken, size2 * sizeof *t);
        if (!t)
            return false;
        memset(t + fn->size, 0, (size2 - fn->size) * sizeof *t);
        fn->taken = t;
        fn->size = size2;
    }
    fn->taken[n] = true;
    return true;
}

static int note_fd_name(struct dl_phdr_info *info, size_t size, void *data)
{
    static const char prefix[] = "/proc/self/fd/";
    struct fd_names *fn = data;
    char *end;
    long n;
    if (has_counters(size)) {
        fn->adds = info->dlpi_adds;
        fn->subs = info->dlpi_subs;
    }
    if (!info->dlpi_name)
        return 0;
    for (size_t i = 0; i < fn->nparked; i++)
        if (!fn->parked[i].shared_with || !strcmp(fn->parked[i].shared_with, info->dlpi_name))
            fn->parked[i].seen = true;
    if (strncmp(info->dlpi_name, prefix, sizeof prefix - 1) != 0)
        return 0;
    n = strtol(info->dlpi_name + sizeof prefix - 1, &end, 10);
    if (!*end && !mark_fd_name(fn, n))
        fn->valid = false;
    return 0;
}

/* Brings the set up to date with the dynamic loader's list, and closes the
 * parked descriptors whose object is gone. */
static void refresh_fd_names(void)
{
    dl_counters c = counters_now();
    size_t kept = 0;
    if (fd_names.valid && c.known && c.adds == fd_names.adds && c.subs == fd_names.subs)
        return;
    if (fd_names.taken)
        memset(fd_names.taken, 0, fd_names.size * sizeof *fd_names.taken);
    for (size_t i = 0; i < fd_names.nparked; i++)
        fd_names.parked[i].seen = false;
    fd_names.valid = c.known;
    dl_iterate_phdr(note_fd_name, &fd_names);
    for (size_t i = 0; i < fd_names.nparked; i++) {
        parked_fd *pk = &fd_names.parked[i];
        if (pk->seen) {
            fd_names.parked[kept++] = *pk; /* open, so its number is never a candidate */
        } else {
            close(pk->fd);
            free(pk->shared_with);
        }
    }
    fd_names.nparked = kept;
}

static bool fd_name_taken(int fd)
{
    return (size_t)fd < fd_names.size && fd_names.taken[fd];
}

char *nr__fdname_pick(int fd, int *load_fd)
{
    int floor = 3, d = fd;
    refresh_fd_names();
    if (!fd_name_taken(fd)) {
        *load_fd = fd;
        return nr__asprintf("/proc/self/fd/%d", fd);
    }
    while ((d = fcntl(fd, F_DUPFD_CLOEXEC, floor)) >= 0 && fd_name_taken(d)) {
        close(d);
        floor = d + 1;
    }
    if (d < 0)
        return NULL;
    *load_fd = d;
    return nr__asprintf("/proc/self/fd/%d", d);
}

void nr__fdname_invalidate(void)
{
    fd_names.valid = false;
}

/* (h comes from the load itself rather than from a dlopen(RTLD_NOLOAD)
 * here: each dlopen by name compares it with every loaded object's.) */
void nr__fdname_loaded(nr_fdname *n, int fd, const char *fdpath, void *h)
{
    dl_counters c = counters_now();
    struct link_map *lm = NULL;
    bool ok = fd_names.valid && c.known;
    *n = (nr_fdname){ .fd = fd };
    if (h && dlinfo(h, RTLD_DI_LINKMAP, &lm) == 0 && lm && lm->l_name && !strcmp(lm->l_name, fdpath)) {
        ok = ok && c.adds == fd_names.adds + 1 && c.subs == fd_names.subs && mark_fd_name(&fd_names, fd);
    } else {
        /* shared (or, should the look-up fail, assumed to be) */
        n->shared = true;
        n->shared_with = lm && lm->l_name ? strdup(lm->l_name) : NULL; /* NULL: kept for good */
        ok = ok && h && c.adds == fd_names.adds && c.subs == fd_names.subs;
    }
    fd_names.valid = ok;
    fd_names.adds = c.adds;
    fd_names.subs = c.subs;
}

void nr__fdname_release(nr_fdname *n)
{
    parked_fd *v;
    if (!n->shared) {
        close(n->fd);
        return; /* the unload changes the counters, so the next load walks the list */
    }
    v = realloc(fd_names.parked, (fd_names.nparked + 1) * sizeof *v);
    if (!v) {
        free(n->shared_with); /* out of memory: the descriptor stays open for good, its name out of use */
        n->shared_with = NULL;
        return;
    }
    fd_names.parked = v;
    v[fd_names.nparked++] = (parked_fd){ n->fd, n->shared_with, true };
    n->shared_with = NULL;
}
