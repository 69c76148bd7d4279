/*
 * fuzz-util.c - the scratch directory and file helpers of the fuzz targets
 * (fuzz-util.h).
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz-util.h"

void fuzz_fail(const char *file, int line, const char *what)
{
    fprintf(stderr, "%s:%d: fuzz target assertion failed: %s\n", file, line, what);
    abort();
}

#define MAX_SCRATCH 4
static char scratch[MAX_SCRATCH][PATH_MAX];
static int nscratch;

static void remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    char p[PATH_MAX];
    if (!d)
        return;
    while ((de = readdir(d))) {
        struct stat st;
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
            continue;
        fuzz_path(p, dir, de->d_name);
        if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
            remove_tree(p);
        else
            unlink(p);
    }
    closedir(d);
    rmdir(dir);
}

static void remove_scratch(void)
{
    for (int i = 0; i < nscratch; i++)
        remove_tree(scratch[i]);
}

static bool usable_dir(const char *d)
{
    struct stat st;
    return d && *d == '/' && stat(d, &st) == 0 && S_ISDIR(st.st_mode) && access(d, W_OK | X_OK) == 0;
}

const char *fuzz_scratch_dir(const char *tag)
{
    const char *cands[] = { getenv("FUZZ_TMPDIR"), "/dev/shm", getenv("TMPDIR"), "/tmp" };
    const char *base = "/tmp";
    char *d;
    if (nscratch == MAX_SCRATCH)
        fuzz_fail(__FILE__, __LINE__, "too many scratch directories");
    for (size_t i = 0; i < sizeof cands / sizeof cands[0]; i++)
        if (usable_dir(cands[i])) {
            base = cands[i];
            break;
        }
    snprintf(scratch[nscratch], sizeof scratch[nscratch], "%s/netrouter-fuzz-%s-XXXXXX", base, tag);
    if (!(d = mkdtemp(scratch[nscratch]))) {
        fprintf(stderr, "fuzz: cannot create a scratch directory in %s: %s\n", base, strerror(errno));
        abort();
    }
    if (nscratch++ == 0)
        atexit(remove_scratch);
    return d;
}

void fuzz_path(char *out, const char *dir, const char *name)
{
    if (snprintf(out, PATH_MAX, "%s/%s", dir, name) >= PATH_MAX)
        fuzz_fail(__FILE__, __LINE__, "path too long");
}

void fuzz_write_file(const char *path, const void *data, size_t size)
{
    const char *p = data;
    int fd;
    unlink(path);
    fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        fprintf(stderr, "fuzz: cannot create %s: %s\n", path, strerror(errno));
        abort();
    }
    while (size > 0) {
        ssize_t w = write(fd, p, size);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            fprintf(stderr, "fuzz: cannot write %s: %s\n", path, strerror(errno));
            abort();
        }
        p += w;
        size -= (size_t)w;
    }
    close(fd);
}

void fuzz_empty_dir(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    if (!d)
        return;
    while ((de = readdir(d))) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
            continue;
        if (unlinkat(dirfd(d), de->d_name, 0) < 0 && errno == EISDIR)
            unlinkat(dirfd(d), de->d_name, AT_REMOVEDIR);
    }
    closedir(d);
}

int fuzz_count_fds(void)
{
    DIR *d = opendir("/proc/self/fd");
    int n = 0;
    if (!d)
        return -1;
    while (readdir(d))
        n++;
    closedir(d);
    return n - 3; /* ".", ".." and the directory's own descriptor */
}
