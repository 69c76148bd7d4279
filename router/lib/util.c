/*
 * util.c - small string, path and array helpers used across the library.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

char *nr__strdup0(const char *s)
{
    return s ? strdup(s) : NULL;
}

char *nr__asprintf(const char *fmt, ...)
{
    char *out = NULL;
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(&out, fmt, ap) < 0)
        out = NULL;
    va_end(ap);
    return out;
}

char *nr__path_join(const char *dir, const char *name)
{
    size_t dl = strlen(dir);
    if (dl > 0 && dir[dl - 1] == '/')
        return nr__asprintf("%s%s", dir, name);
    return nr__asprintf("%s/%s", dir, name);
}

bool nr__str_empty(const char *s)
{
    return !s || !*s;
}

DWORD nr__copy_out(const char *src, char *buf, DWORD *length)
{
    size_t need = strlen(src) + 1;
    if (!length)
        return WN_BAD_POINTER;
    if (!buf || *length < need) {
        *length = (DWORD)need;
        return WN_MORE_DATA;
    }
    memcpy(buf, src, need);
    return WN_SUCCESS;
}

bool nr__ptrvec_push(nr_ptrvec *pv, void *p)
{
    if (pv->n == pv->cap) {
        size_t cap = pv->cap ? pv->cap * 2 : 16;
        void **v = realloc(pv->v, cap * sizeof *v);
        if (!v)
            return false;
        pv->v = v;
        pv->cap = cap;
    }
    pv->v[pv->n++] = p;
    return true;
}

/* Drops "." components and doubled slashes of an absolute path in place,
 * and with dotdot also ".." with the component before it (lexically). */
static void path_clean(char *path, bool dotdot)
{
    char *out = path, *in = path;
    if (*path != '/')
        return;
    while (*in) {
        while (*in == '/')
            in++;
        char *seg = in;
        while (*in && *in != '/')
            in++;
        size_t len = (size_t)(in - seg);
        if (len == 0 || (len == 1 && seg[0] == '.'))
            continue;
        if (dotdot && len == 2 && seg[0] == '.' && seg[1] == '.') {
            while (out > path && *--out != '/') {
            }
            continue;
        }
        *out++ = '/';
        memmove(out, seg, len);
        out += len;
    }
    if (out == path)
        *out++ = '/';
    *out = '\0';
}

void nr__path_tidy(char *path)
{
    path_clean(path, false);
}

char *nr__path_absolute(const char *path)
{
    char *cwd, *out;
    if (path[0] == '/') {
        out = strdup(path);
    } else if ((cwd = getcwd(NULL, 0))) {
        out = nr__path_join(cwd, path);
        free(cwd);
    } else {
        return strdup(path); /* no working directory: as given */
    }
    if (out)
        nr__path_tidy(out);
    return out;
}

void nr__path_normalize(char *path)
{
    path_clean(path, true);
}

static size_t str_size(const char *s)
{
    return s ? strlen(s) + 1 : 0;
}

static size_t item_size(const NETRESOURCE *x)
{
    return sizeof *x + str_size(x->lpLocalName) + str_size(x->lpRemoteName) + str_size(x->lpComment) +
           str_size(x->lpProvider);
}

/* Strings are packed from the end of the buffer down, structures from the start. */
static char *pack(char **end, const char *s)
{
    size_t n;
    if (!s)
        return NULL;
    n = strlen(s) + 1;
    *end -= n;
    memcpy(*end, s, n);
    return *end;
}

DWORD nr__pack_resources(const NETRESOURCE *v, size_t n, size_t *pos, DWORD *count, void *buffer, DWORD *size)
{
    size_t used = 0;
    DWORD want = *count ? *count : 0xFFFFFFFFu, got = 0;
    char *end = (char *)buffer + *size;
    NETRESOURCE *out = buffer;
    while (got < want && *pos < n) {
        const NETRESOURCE *x = &v[*pos];
        size_t need = item_size(x);
        if (used + need > *size)
            break;
        NETRESOURCE *d = &out[got];
        *d = *x;
        d->lpLocalName = pack(&end, x->lpLocalName);
        d->lpRemoteName = pack(&end, x->lpRemoteName);
        d->lpComment = pack(&end, x->lpComment);
        d->lpProvider = pack(&end, x->lpProvider);
        used += need;
        got++;
        (*pos)++;
    }
    if (got == 0) {
        *size = (DWORD)item_size(&v[*pos]);
        return WN_MORE_DATA;
    }
    *count = got;
    return WN_SUCCESS;
}
