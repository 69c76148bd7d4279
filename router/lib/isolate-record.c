/*
 * isolate-record.c - the failures of isolated plugins, kept for the user's
 * other programs: each failed call is one line of
 * STATE_DIR/isolation-failures.log (the router's state directory, rule 5),
 * and a router reads the last day's lines about the isolated plugins it
 * loaded back as NR_STAGE_CALL problems (the latest 20), so that
 * `netrouter plugins` shows what failed in another program.
 *
 * A line: seconds since the epoch, process id, manifest path, plugin name
 * and the sentence, separated by tabs (tabs and line ends in them become
 * spaces).  The file is the user's own (created 0600 in a directory made
 * 0700 when it is missing, opened without following a symbolic link, and
 * refused unless it belongs to the user and no one else may write it); it
 * is emptied when it passes 64 KiB, and only its last 64 KiB are read.
 * Best effort: a record that cannot be written is only missing.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

#define RECORD_FILE "isolation-failures.log"
#define RECORD_MAX (64 * 1024)
#define RECORD_AGE (24 * 3600)     /* what a new router shows */
#define RECORD_SHOWN 20            /* at most, the latest */

static int open_records(const char *state_dir, int flags)
{
    char *path = state_dir ? nr__path_join(state_dir, RECORD_FILE) : NULL;
    struct stat st;
    int fd;
    if (!path)
        return -1;
    if (flags & O_CREAT)
        (void)mkdir(state_dir, 0700);
    fd = open(path, flags | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0600);
    free(path);
    if (fd >= 0 && (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid() ||
                    (st.st_mode & (S_IWGRP | S_IWOTH)))) {
        close(fd);
        fd = -1;
    }
    return fd;
}

/* s with tabs and line ends made spaces (malloc'ed). */
static char *flat(const char *s)
{
    char *c = strdup(s ? s : "");
    for (char *q = c; q && *q; q++)
        if (*q == '\t' || *q == '\n' || *q == '\r')
            *q = ' ';
    return c;
}

void nr__iso_record(const char *state_dir, const nr_manifest *m, const char *text)
{
    int fd = open_records(state_dir, O_WRONLY | O_APPEND | O_CREAT);
    char *path, *name, *t, *line;
    struct stat st;
    if (fd < 0)
        return;
    if (fstat(fd, &st) == 0 && st.st_size > RECORD_MAX)
        (void)!ftruncate(fd, 0);
    path = flat(m->path);
    name = flat(m->name);
    t = flat(text);
    line = path && name && t ? nr__asprintf("%lld\t%ld\t%s\t%s\t%s\n", (long long)time(NULL), (long)getpid(), path,
                                            name, t)
                             : NULL;
    if (line)
        (void)!write(fd, line, strlen(line)); /* one write: lines of several processes do not mix */
    free(line);
    free(path);
    free(name);
    free(t);
    close(fd);
}

/* Is path the manifest of one of the isolated plugins of v? */
static bool isolated_here(nr_plugin *const *v, size_t nv, const char *path)
{
    for (size_t i = 0; i < nv; i++)
        if (v[i]->iso && !strcmp(v[i]->m->path, path))
            return true;
    return false;
}

void nr__iso_read_records(const char *state_dir, nr_problems *ps, nr_plugin *const *v, size_t nv)
{
    int fd = open_records(state_dir, O_RDONLY);
    char *buf, *lines[RECORD_SHOWN], *save = NULL;
    size_t n = 0, first = 0;
    struct stat st;
    ssize_t got;
    off_t from;
    time_t now = time(NULL);
    if (fd < 0)
        return;
    from = fstat(fd, &st) == 0 && st.st_size > RECORD_MAX ? st.st_size - RECORD_MAX : 0;
    buf = malloc(RECORD_MAX + 1);
    got = buf ? pread(fd, buf, RECORD_MAX, from) : -1;
    close(fd);
    if (got <= 0) {
        free(buf);
        return;
    }
    buf[got] = '\0';
    for (char *l = strtok_r(buf, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        lines[(first + n) % RECORD_SHOWN] = l; /* the latest RECORD_SHOWN */
        if (n < RECORD_SHOWN)
            n++;
        else
            first = (first + 1) % RECORD_SHOWN;
    }
    for (size_t i = 0; i < n; i++) {
        char *f[5], *q = lines[(first + i) % RECORD_SHOWN];
        int k;
        for (k = 0; k < 5 && q; k++) {
            f[k] = q;
            q = k < 4 ? strchr(q, '\t') : NULL;
            if (q)
                *q++ = '\0';
        }
        if (k < 5 || now - atoll(f[0]) > RECORD_AGE || !isolated_here(v, nv, f[2]))
            continue;
        {
            char when[32];
            time_t at = (time_t)atoll(f[0]);
            struct tm tm;
            strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", localtime_r(&at, &tm));
            nr__problem_add(ps, f[2], NR_STAGE_CALL, f[3], NULL, 0, 0, WN_BAD_PROVIDER, "%s (process %s, %s)", f[4],
                            f[1], when);
        }
    }
    free(buf);
}
