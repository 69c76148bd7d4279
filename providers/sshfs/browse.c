/*
 * browse.c - the Host names of a user's ssh configuration (browse.h).
 *
 * ssh_config(5): keyword and arguments separated by blanks or '=', keywords
 * case-insensitive, '#' comments; "Host a b c" names hosts; "Include FILE..."
 * reads more files (relative names are under ~/.ssh), with glob(7)
 * patterns.  Includes nest at most 16 deep, as in ssh.
 */
#define _GNU_SOURCE

#include <glob.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "browse.h"

#define MAX_DEPTH 16

static bool seen(const sshfs_host_list *l, const char *name)
{
    for (size_t i = 0; i < l->n; i++)
        if (!strcmp(l->v[i], name))
            return true;
    return false;
}

static DWORD add(sshfs_host_list *l, const char *name)
{
    char **v;
    if (strpbrk(name, "*?!") || name[0] == '-' || seen(l, name))
        return WN_SUCCESS;
    v = realloc(l->v, (l->n + 1) * sizeof *v);
    if (!v)
        return WN_OUT_OF_MEMORY;
    l->v = v;
    if (!(l->v[l->n] = strdup(name)))
        return WN_OUT_OF_MEMORY;
    l->n++;
    return WN_SUCCESS;
}

static DWORD read_file(const char *path, const char *ssh_dir, int depth, sshfs_host_list *l);

static DWORD include(const char *pattern, const char *ssh_dir, int depth, sshfs_host_list *l)
{
    char full[4096];
    glob_t g;
    DWORD rc = WN_SUCCESS;

    if (pattern[0] == '~' && pattern[1] == '/' && ssh_dir)
        snprintf(full, sizeof full, "%s/../%s", ssh_dir, pattern + 2);
    else if (pattern[0] != '/' && ssh_dir)
        snprintf(full, sizeof full, "%s/%s", ssh_dir, pattern);
    else
        snprintf(full, sizeof full, "%s", pattern);
    if (glob(full, 0, NULL, &g) != 0)
        return WN_SUCCESS;
    for (size_t i = 0; i < g.gl_pathc && rc == WN_SUCCESS; i++)
        rc = read_file(g.gl_pathv[i], ssh_dir, depth + 1, l);
    globfree(&g);
    return rc;
}

static DWORD read_file(const char *path, const char *ssh_dir, int depth, sshfs_host_list *l)
{
    FILE *f;
    char *line = NULL;
    size_t cap = 0;
    DWORD rc = WN_SUCCESS;

    if (depth > MAX_DEPTH || !(f = fopen(path, "re")))
        return WN_SUCCESS;
    while (rc == WN_SUCCESS && getline(&line, &cap, f) > 0) {
        char *save = NULL, *key;
        line[strcspn(line, "#\r\n")] = '\0';
        key = strtok_r(line, " \t=", &save);
        if (!key)
            continue;
        if (!strcasecmp(key, "Host")) {
            for (char *arg = strtok_r(NULL, " \t", &save); arg && rc == WN_SUCCESS; arg = strtok_r(NULL, " \t", &save))
                rc = add(l, arg);
        } else if (!strcasecmp(key, "Include")) {
            for (char *arg = strtok_r(NULL, " \t", &save); arg && rc == WN_SUCCESS; arg = strtok_r(NULL, " \t", &save))
                rc = include(arg, ssh_dir, depth, l);
        }
    }
    free(line);
    fclose(f);
    return rc;
}

DWORD sshfs_browse_hosts(const char *ssh_config, sshfs_host_list *out)
{
    char ssh_dir[4096], path[4200], buf[1024];
    struct passwd pw, *found = NULL;
    DWORD rc;

    out->v = NULL;
    out->n = 0;
    if (getpwuid_r(geteuid(), &pw, buf, sizeof buf, &found) != 0 || !found)
        found = NULL;
    if (found)
        snprintf(ssh_dir, sizeof ssh_dir, "%s/.ssh", found->pw_dir);
    if (!ssh_config && !found)
        return WN_SUCCESS;
    if (!ssh_config)
        snprintf(path, sizeof path, "%s/config", ssh_dir);
    rc = read_file(ssh_config ? ssh_config : path, found ? ssh_dir : NULL, 0, out);
    if (rc != WN_SUCCESS)
        sshfs_host_list_free(out);
    return rc;
}

void sshfs_host_list_free(sshfs_host_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = 0;
}
