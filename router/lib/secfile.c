/*
 * secfile.c - opens manifest and library files safely.
 *
 * The rules themselves (never block, judge the open descriptor, type,
 * owner, mode) are router/common/files.c's; this adds what only the router
 * needs: a mask (an empty file, one holding only a UTF-8 byte order mark,
 * or /dev/null through a symlink) is a kind of its own, and a refusal is
 * one sentence for a problem record.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "files.h"
#include "json.h"
#include "internal.h"

int nr__secfile_open(const char *path, bool library, nr_secfile_kind *kind, size_t *size, char **why)
{
    struct stat st;
    char reason[NR_WHY_SIZE];
    /* A library is not read here but mapped by the dynamic loader through
     * /proc/self/fd/N, which an O_PATH descriptor serves. */
    int fd = nr_file_open(AT_FDCWD, path, NR_FILE_ALLOW_DEVNULL | (library ? NR_FILE_PATH_ONLY : 0), &st, reason);
    *why = NULL;
    if (fd < 0) {
        int e = errno;
        *why = e == EINVAL ? nr__asprintf("%s; refusing it", reason) : strdup(reason);
        errno = e; /* callers look at ENOENT */
        return -1;
    }
    *kind = !S_ISREG(st.st_mode) || st.st_size == 0 ? NR_FILE_MASK : NR_FILE_REGULAR;
    if (*kind == NR_FILE_REGULAR && !library && st.st_size == 3) {
        /* Notepad's "empty" UTF-8 file is its byte order mark alone: a mask too */
        char head[3];
        if (pread(fd, head, 3, 0) == 3 && nr_json_bom_length(head, 3) == 3)
            *kind = NR_FILE_MASK;
    }
    if (size)
        *size = S_ISREG(st.st_mode) ? (size_t)st.st_size : 0;
    return fd;
}
