/*
 * embed.c - a small program that embeds the router through <netrouter/netrouter.h>:
 * it loads the plugins of one manifest directory, lists them and the problems
 * met while loading, adds a connection, enumerates the connected resources,
 * cancels the connection and shows how to read an extended error.
 *
 * Usage: embed [-p PLUGIN_DIR]... [-s STATE_DIR] [LOCAL REMOTE]
 *
 *   -p DIR   a manifest directory or file (repeatable; default: the normal
 *            search path, $NETROUTER_PLUGIN_PATH or the XDG/system directories)
 *   -s DIR   where remembered connections (and the symlink provider's record)
 *            live; default: a new temporary directory, removed at the end
 *   LOCAL REMOTE   the connection to make; default: LOCAL = STATE_DIR/embed-link,
 *            REMOTE = link:STATE_DIR/embed-target (a directory it creates), which
 *            the example symlink provider serves
 *
 * In the build tree:  examples/embed/embed -p build-plugins.d
 * Out of tree, against an installed SDK:
 *     cc -o embed embed.c $(pkg-config --cflags --libs netrouter)
 */
#define _GNU_SOURCE /* asprintf */

#include <errno.h>
#include <ftw.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <netrouter/netrouter.h>

#define MAX_PATHS 16

/* Prints the calling thread's extended error, as WNetGetLastError would give it. */
static void print_last_error(const char *what, DWORD rc)
{
    DWORD code = 0;
    char text[512], provider[128];

    nr_get_last_error(&code, text, sizeof text, provider, sizeof provider);
    printf("  %s failed: %u (%s)\n", what, (unsigned)rc, nr_strerror(rc));
    printf("  extended error from \"%s\": %u: %s\n", provider, (unsigned)code, text);
}

static int remove_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st, (void)type, (void)ftw;
    return remove(path) < 0 ? -1 : 0;
}

/* rm -rf, without following symlinks (a link left behind must not lead
 * us into its target). */
static int remove_tree(const char *dir)
{
    return nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void list_plugins(const nr_router *r)
{
    size_t n = nr_router_plugin_count(r);

    printf("%zu plugin(s) loaded:\n", n);
    for (size_t i = 0; i < n; i++) {
        nr_plugin_info info;
        if (nr_router_plugin_info(r, i, &info) != WN_SUCCESS)
            continue;
        printf("  %-10s %-8s order %-4d %s\n", info.name, info.kind == NR_PLUGIN_PROVIDER ? "provider" : "notifier",
               info.order, info.library);
    }
    n = nr_router_problem_count(r);
    printf("%zu problem(s):\n", n);
    for (size_t i = 0; i < n; i++) {
        const nr_problem *p = nr_router_problem(r, i);
        printf("  %s: %s: %s\n", p->file, nr_stage_name(p->stage), p->message);
    }
}

static DWORD list_connected(nr_router *r)
{
    nr_enum *e;
    const NETRESOURCE *res;
    DWORD rc = nr_enum_open(r, RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, NULL, &e);

    if (rc != WN_SUCCESS) {
        print_last_error("nr_enum_open", rc);
        return rc;
    }
    printf("connected resources:\n");
    while ((rc = nr_enum_next(e, &res)) == WN_SUCCESS)
        printf("  %s -> %s (provider %s)\n", res->lpLocalName ? res->lpLocalName : "(deviceless)",
               res->lpRemoteName, res->lpProvider ? res->lpProvider : "?");
    nr_enum_close(e);
    return rc == WN_NO_MORE_ENTRIES ? WN_SUCCESS : rc;
}

int main(int argc, char **argv)
{
    const char *paths[MAX_PATHS + 1] = { NULL };
    size_t npaths = 0;
    char *state_dir = NULL, tmpl[] = "/tmp/netrouter-embed.XXXXXX";
    char *local = NULL, *remote = NULL, *target = NULL;
    int own_state = 0, opt, status = 1;
    nr_router *r = NULL;
    nr_router_config cfg = NR_ROUTER_CONFIG_INIT;
    NETRESOURCE res = { .dwType = RESOURCETYPE_DISK };
    char name[4096];
    DWORD rc, len;

    while ((opt = getopt(argc, argv, "p:s:h")) != -1) {
        switch (opt) {
        case 'p':
            if (npaths == MAX_PATHS) {
                fprintf(stderr, "embed: at most %d -p options\n", MAX_PATHS);
                return 2;
            }
            paths[npaths++] = optarg;
            break;
        case 's':
            state_dir = optarg;
            break;
        default:
            fprintf(stderr, "usage: %s [-p PLUGIN_DIR]... [-s STATE_DIR] [LOCAL REMOTE]\n", argv[0]);
            return opt == 'h' ? 0 : 2;
        }
    }
    if (argc - optind != 0 && argc - optind != 2) {
        fprintf(stderr, "usage: %s [-p PLUGIN_DIR]... [-s STATE_DIR] [LOCAL REMOTE]\n", argv[0]);
        return 2;
    }
    if (!state_dir) {
        state_dir = mkdtemp(tmpl);
        if (!state_dir) {
            perror("embed: mkdtemp");
            return 1;
        }
        own_state = 1;
    }
    if (argc - optind == 2) {
        local = strdup(argv[optind]);
        remote = strdup(argv[optind + 1]);
    } else {
        /* A directory to link to, and a name for the link. */
        if (asprintf(&target, "%s/embed-target", state_dir) < 0 || asprintf(&local, "%s/embed-link", state_dir) < 0 ||
            asprintf(&remote, "link:%s", target) < 0)
            goto out;
        if (mkdir(target, 0700) < 0 && errno != EEXIST) {
            perror(target);
            goto out;
        }
    }
    if (!local || !remote)
        goto out;

    /* The router keeps its store in cfg.state_dir; the example symlink
     * provider, a plugin, finds its record through the environment. */
    setenv("NETROUTER_STATE_DIR", state_dir, 1);
    if (npaths > 0)
        cfg.plugin_path = paths;
    cfg.state_dir = state_dir;

    printf("== creating the router\n");
    rc = nr_router_new(&cfg, &r);
    if (rc != WN_SUCCESS) {
        print_last_error("nr_router_new", rc);
        goto out;
    }
    list_plugins(r);

    printf("\n== adding %s -> %s\n", local, remote);
    res.lpLocalName = local;
    res.lpRemoteName = remote;
    rc = nr_add_connection(r, NULL, &res, NULL, NULL, 0);
    if (rc != WN_SUCCESS) {
        print_last_error("nr_add_connection", rc);
        goto out;
    }
    len = sizeof name;
    rc = nr_get_connection(r, local, name, &len);
    printf("  nr_get_connection(%s): %s\n", local, rc == WN_SUCCESS ? name : nr_strerror(rc));

    printf("\n== enumerating\n");
    if (list_connected(r) != WN_SUCCESS)
        goto out;

    printf("\n== cancelling %s\n", local);
    rc = nr_cancel_connection(r, local, 0, FALSE);
    if (rc != WN_SUCCESS) {
        print_last_error("nr_cancel_connection", rc);
        goto out;
    }
    if (list_connected(r) != WN_SUCCESS)
        goto out;

    printf("\n== a request the provider refuses (the local name exists already)\n");
    res.lpLocalName = state_dir;
    rc = nr_add_connection(r, NULL, &res, NULL, NULL, 0);
    if (rc == WN_SUCCESS) {
        fprintf(stderr, "embed: the bad request unexpectedly succeeded\n");
        goto out;
    }
    print_last_error("nr_add_connection", rc);

    printf("\n== a request no provider accepts (a relative link target)\n");
    res.lpLocalName = local;
    res.lpRemoteName = "link:relative/dir";
    rc = nr_add_connection(r, NULL, &res, NULL, NULL, 0);
    if (rc == WN_SUCCESS) {
        fprintf(stderr, "embed: the bad request unexpectedly succeeded\n");
        nr_cancel_connection(r, local, 0, TRUE);
        goto out;
    }
    print_last_error("nr_add_connection", rc);

    printf("\n== a request the router itself rejects (no remote name)\n");
    res.lpRemoteName = NULL;
    rc = nr_add_connection(r, NULL, &res, NULL, NULL, 0);
    print_last_error("nr_add_connection", rc);
    status = rc == WN_SUCCESS ? 1 : 0;

out:
    nr_router_free(r);
    if (target)
        rmdir(target);
    if (own_state) {
        /* Our temporary state directory: the store and the provider's record. */
        if (remove_tree(state_dir) != 0)
            fprintf(stderr, "embed: could not remove %s\n", state_dir);
    }
    free(local);
    free(remote);
    free(target);
    return status;
}
