/*
 * names.c - parsing and writing the sshfs provider's remote names (names.h).
 *
 * A user or host name never starts with '-', so that no part of a name can
 * become an option of sshfs or ssh, and holds no character that ssh or the
 * shell of the remote side would read specially.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"

#define URL_PREFIX "sshfs://"
#define HOME_PREFIX "\\\\sshfs\\"
#define ROOT_PREFIX "\\\\sshfs.r\\"

static DWORD bad(char *why, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static DWORD bad(char *why, size_t size, const char *fmt, ...)
{
    if (why && size) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(why, size, fmt, ap);
        va_end(ap);
    }
    return WN_BAD_NETNAME;
}

static bool starts(const char *s, const char *prefix)
{
    return !strncmp(s, prefix, strlen(prefix));
}

bool sshfs_name_owns(const char *remote)
{
    return remote && (starts(remote, URL_PREFIX) || starts(remote, HOME_PREFIX) || starts(remote, ROOT_PREFIX));
}

/* A user name: letters, digits and ._- (not first '-'), as useradd allows. */
static bool good_user(const char *s, size_t n)
{
    if (n == 0 || n >= sizeof ((sshfs_name *)0)->user || s[0] == '-')
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)s[i]) && !strchr("._-$", s[i]))
            return false;
    return true;
}

/* A host name, ssh alias or address: letters, digits and ._-%: (':' only
 * for IPv6, '%' for a zone), not first '-'. */
static bool good_host(const char *s, size_t n, bool colons)
{
    if (n == 0 || n >= sizeof ((sshfs_name *)0)->host || s[0] == '-')
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)s[i]) && !strchr("._-%", s[i]) && !(colons && s[i] == ':'))
            return false;
    return true;
}

static bool parse_port(const char *s, size_t n, unsigned *port)
{
    unsigned v = 0;
    if (n == 0 || n > 5)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return false;
        v = v * 10 + (unsigned)(s[i] - '0');
    }
    if (v == 0 || v > 65535)
        return false;
    *port = v;
    return true;
}

/* Copies the path components of s (separated by sep) into out, '/'-joined,
 * dropping empty and "." components; lead: start with '/'. */
static DWORD take_path(const char *s, char sep, bool lead, char *out, size_t size, char *why, size_t why_size)
{
    size_t used = 0;
    out[0] = '\0';
    if (lead) {
        out[used++] = '/';
        out[used] = '\0';
    }
    while (*s) {
        const char *end = strchr(s, sep);
        size_t n = end ? (size_t)(end - s) : strlen(s);
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c < 0x20 || c == 0x7f || (sep == '\\' && c == '/'))
                return bad(why, why_size, "the path holds a %s", c == '/' ? "'/' (write '\\' in this form)"
                                                                            : "control character");
        }
        if (n && !(n == 1 && s[0] == '.')) {
            bool slash = used && out[used - 1] != '/';
            if (used + slash + n + 1 > size)
                return bad(why, why_size, "the path is too long");
            if (slash)
                out[used++] = '/';
            memcpy(out + used, s, n);
            used += n;
            out[used] = '\0';
        }
        s += n + (end ? 1 : 0);
    }
    return WN_SUCCESS;
}

DWORD sshfs_name_parse(const char *remote, sshfs_name *out, char *why, size_t why_size)
{
    const char *p, *at, *end;
    char sep;
    bool url;

    memset(out, 0, sizeof *out);
    if (why && why_size)
        why[0] = '\0';
    if (!remote)
        return bad(why, why_size, "no remote name");
    if (starts(remote, URL_PREFIX)) {
        url = true, out->form = SSHFS_FORM_URL, sep = '/', p = remote + strlen(URL_PREFIX);
    } else if (starts(remote, HOME_PREFIX)) {
        url = false, out->form = SSHFS_FORM_HOME, sep = '\\', p = remote + strlen(HOME_PREFIX);
    } else if (starts(remote, ROOT_PREFIX)) {
        url = false, out->form = SSHFS_FORM_ROOT, sep = '\\', p = remote + strlen(ROOT_PREFIX);
    } else {
        return bad(why, why_size, "\"%s\" is not an sshfs name: expected sshfs://[USER@]HOST[:PORT]/PATH, "
                   "\\\\sshfs\\[USER@]HOST[!PORT][\\PATH] or \\\\sshfs.r\\[USER@]HOST[!PORT][\\PATH]", remote);
    }
    /* the authority: up to the first separator */
    end = strchr(p, sep);
    if (!end)
        end = p + strlen(p);
    at = memchr(p, '@', (size_t)(end - p));
    if (at) {
        if (!good_user(p, (size_t)(at - p)))
            return bad(why, why_size, "bad user name in \"%s\"", remote);
        memcpy(out->user, p, (size_t)(at - p));
        p = at + 1;
    }
    if (url && *p == '[') {
        const char *close = memchr(p, ']', (size_t)(end - p));
        if (!close || !good_host(p + 1, (size_t)(close - p - 1), true))
            return bad(why, why_size, "bad bracketed address in \"%s\"", remote);
        memcpy(out->host, p + 1, (size_t)(close - p - 1));
        p = close + 1;
        if (p < end && *p != ':')
            return bad(why, why_size, "unexpected text after the address in \"%s\"", remote);
    } else {
        const char *mark = memchr(p, url ? ':' : '!', (size_t)(end - p));
        const char *hend = mark ? mark : end;
        if (!good_host(p, (size_t)(hend - p), !url))
            return bad(why, why_size, "bad host name in \"%s\"", remote);
        memcpy(out->host, p, (size_t)(hend - p));
        p = hend;
    }
    if (p < end) { /* ':' or '!' */
        if (!parse_port(p + 1, (size_t)(end - p - 1), &out->port))
            return bad(why, why_size, "bad port in \"%s\" (1 to 65535)", remote);
    }
    p = end;
    if (url && *p != '/' && *p)
        return bad(why, why_size, "expected an absolute path in \"%s\"", remote);
    return take_path(*p ? p + 1 : p, sep, out->form != SSHFS_FORM_HOME, out->path, sizeof out->path, why, why_size);
}

bool sshfs_name_format(const sshfs_name *n, char *buf, size_t size)
{
    char port[16] = "";
    int len;

    if (n->port)
        snprintf(port, sizeof port, "%c%u", n->form == SSHFS_FORM_URL ? ':' : '!', n->port);
    if (n->form == SSHFS_FORM_URL) {
        bool v6 = strchr(n->host, ':') != NULL;
        len = snprintf(buf, size, URL_PREFIX "%s%s%s%s%s%s%s", n->user, *n->user ? "@" : "", v6 ? "[" : "", n->host,
                       v6 ? "]" : "", port, n->path);
        return len >= 0 && (size_t)len < size;
    }
    len = snprintf(buf, size, "%s%s%s%s%s", n->form == SSHFS_FORM_HOME ? HOME_PREFIX : ROOT_PREFIX, n->user,
                   *n->user ? "@" : "", n->host, port);
    if (len < 0 || (size_t)len >= size)
        return false;
    /* the path with '\\' separators, one before it unless it is empty */
    const char *path = n->path[0] == '/' ? n->path + 1 : n->path;
    size_t used = (size_t)len;
    if (*path) {
        if (used + 1 + strlen(path) + 1 > size)
            return false;
        buf[used++] = '\\';
        for (; *path; path++)
            buf[used++] = *path == '/' ? '\\' : *path;
        buf[used] = '\0';
    }
    return true;
}

bool sshfs_name_source(const sshfs_name *n, char *buf, size_t size)
{
    bool v6 = strchr(n->host, ':') != NULL;
    int len = snprintf(buf, size, "%s%s%s%s%s:%s", n->user, *n->user ? "@" : "", v6 ? "[" : "", n->host,
                       v6 ? "]" : "", n->path);
    return len >= 0 && (size_t)len < size;
}

bool sshfs_name_parent(const sshfs_name *n, sshfs_name *parent, bool *is_host)
{
    char *slash;
    if (n->form == SSHFS_FORM_HOME && !n->path[0])
        return false; /* the host itself */
    *parent = *n;
    slash = strrchr(parent->path, '/');
    if (!slash || !strcmp(parent->path, "/")) { /* "a" below home, or a root: the host */
        parent->form = SSHFS_FORM_HOME;
        parent->path[0] = '\0';
    } else {
        slash[slash == parent->path] = '\0'; /* "/a" -> "/", "/a/b" -> "/a", "a/b" -> "a" */
    }
    *is_host = parent->form == SSHFS_FORM_HOME && !parent->path[0];
    return true;
}

char sshfs_name_separator(const sshfs_name *n)
{
    return n->form == SSHFS_FORM_URL ? '/' : '\\';
}

bool sshfs_name_from_source(const char *source, sshfs_name *out)
{
    const char *at, *colon, *p = source;

    memset(out, 0, sizeof *out);
    if (!source || !*source)
        return false;
    at = strchr(p, '@');
    colon = strchr(p, ':');
    if (at && (!colon || at < colon)) {
        if (!good_user(p, (size_t)(at - p)))
            return false;
        memcpy(out->user, p, (size_t)(at - p));
        p = at + 1;
    }
    if (*p == '[') {
        const char *close = strchr(p, ']');
        if (!close || close[1] != ':' || !good_host(p + 1, (size_t)(close - p - 1), true))
            return false;
        memcpy(out->host, p + 1, (size_t)(close - p - 1));
        p = close + 2;
    } else {
        colon = strchr(p, ':');
        if (!colon || !good_host(p, (size_t)(colon - p), false))
            return false;
        memcpy(out->host, p, (size_t)(colon - p));
        p = colon + 1;
    }
    out->form = *p == '/' ? SSHFS_FORM_URL : SSHFS_FORM_HOME;
    return take_path(p, '/', out->form == SSHFS_FORM_URL, out->path, sizeof out->path, NULL, 0) == WN_SUCCESS;
}
