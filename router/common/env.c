/*
 * env.c - what netrouter's environment variables say (env.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "env.h"

char *nr_state_dir(void)
{
    const char *own = secure_getenv("NETROUTER_STATE_DIR"), *xdg = secure_getenv("XDG_STATE_HOME");
    const char *home = secure_getenv("HOME");
    char *dir = NULL, *cwd;
    int n = -1;
    if (own && *own && own[0] != '/') {
        if (!(cwd = getcwd(NULL, 0)))
            return NULL;
        n = asprintf(&dir, "%s/%s", cwd, own);
        free(cwd);
    } else if (own && *own) {
        n = asprintf(&dir, "%s", own);
    } else if (xdg && xdg[0] == '/') {
        n = asprintf(&dir, "%s/netrouter", xdg);
    } else if (home && home[0] == '/') {
        n = asprintf(&dir, "%s/.local/state/netrouter", home);
    }
    return n < 0 ? NULL : dir;
}

char *nr_config_path(const char *name)
{
    const char *xdg = secure_getenv("XDG_CONFIG_HOME"), *home = secure_getenv("HOME");
    char *path = NULL;
    int n = -1;
    if (xdg && xdg[0] == '/')
        n = asprintf(&path, "%s/netrouter/%s", xdg, name);
    else if (home && *home)
        n = asprintf(&path, "%s/.config/netrouter/%s", home, name);
    return n < 0 ? NULL : path;
}

bool nr_debug_requested(void)
{
    const char *d = secure_getenv("NETROUTER_DEBUG");
    return d && *d && strcmp(d, "0") != 0;
}

int nr_isolation_env(void)
{
    const char *d = secure_getenv("NETROUTER_ISOLATION");
    if (d && !strcmp(d, "process"))
        return 1;
    if (d && !strcmp(d, "none"))
        return 0;
    return d && *d ? NR_ISOLATION_ENV_BAD : -1;
}

const char *nr_plugin_host_path(const char *installed)
{
    const char *d = secure_getenv("NETROUTER_PLUGIN_HOST");
    return d && *d ? d : installed;
}
