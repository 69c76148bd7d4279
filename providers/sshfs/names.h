/*
 * names.h - the remote names of the sshfs provider (names.c):
 *
 *     sshfs://[USER@]HOST[:PORT]/PATH          PATH absolute on the server
 *     \\sshfs\[USER@]HOST[!PORT][\PATH]        PATH relative to the remote home
 *     \\sshfs.r\[USER@]HOST[!PORT][\PATH]      PATH relative to /
 *
 * The two UNC forms are SSHFS-Win's.  HOST may be an alias of the user's
 * ~/.ssh/config (ssh resolves it); in the URL form an IPv6 address is written
 * in brackets.  Pure string work: no file system, no process, no state;
 * every function is thread-safe.
 */
#ifndef NR_SSHFS_NAMES_H
#define NR_SSHFS_NAMES_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#include <netrouter/npapi.h>

typedef enum sshfs_form {
    SSHFS_FORM_URL,  /* sshfs://...: path absolute */
    SSHFS_FORM_HOME, /* \\sshfs\...: path relative to the home directory */
    SSHFS_FORM_ROOT, /* \\sshfs.r\...: path relative to / */
} sshfs_form;

typedef struct sshfs_name {
    sshfs_form form;
    char user[256];       /* "" when the name has none (ssh's default applies) */
    char host[256];       /* without brackets */
    unsigned port;        /* 0 when the name has none */
    char path[PATH_MAX];  /* '/'-separated, no empty, "." or trailing component;
                           * starts with '/' (URL, ROOT: at least "/"), or is
                           * relative ("" is the home directory) for HOME */
} sshfs_name;

/* True when remote starts like one of the three forms (the provider's
 * "owns"); says nothing of the rest. */
bool sshfs_name_owns(const char *remote);

/* Parses remote into *out.  WN_BAD_NETNAME (not one of the forms, or a bad
 * part: why, if not NULL, says which) or WN_SUCCESS. */
DWORD sshfs_name_parse(const char *remote, sshfs_name *out, char *why, size_t why_size);

/* The canonical remote name of n in its own form ("\\sshfs\h\a\b").  false
 * when it does not fit in size bytes. */
bool sshfs_name_format(const sshfs_name *n, char *buf, size_t size);

/* What sshfs mounts: "[USER@]HOST:PATH" ("[HOST]" for IPv6). */
bool sshfs_name_source(const sshfs_name *n, char *buf, size_t size);

/* The parent of n in the browse hierarchy, into *parent: the directory
 * above (a URL's or root form's "/" has the host above it), and above the
 * home directory, or a root, the host as NPEnumResource lists it
 * ("\\sshfs\[USER@]HOST[!PORT]", the home form with path "").  false for
 * that host, which has only the network above it.  *is_host says whether
 * the parent is the host. */
bool sshfs_name_parent(const sshfs_name *n, sshfs_name *parent, bool *is_host);

/* The separator of the form: '/' for the URL, '\\' for the UNC forms. */
char sshfs_name_separator(const sshfs_name *n);

/* The name of a mount whose source is sshfs's own "[USER@]HOST:PATH" (a
 * mount made by running sshfs by hand): the URL form for an absolute path,
 * the home form for a relative one.  false when source is not of that kind. */
bool sshfs_name_from_source(const char *source, sshfs_name *out);

#endif /* NR_SSHFS_NAMES_H */
