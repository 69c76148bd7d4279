/*
 * netuse-list.c - "netrouter" or "netrouter use" with nothing to do: the
 * connections listed as Windows' "net use" lists them, for people (scripts
 * have "netrouter list --json").
 *
 *     New connections will not be remembered.
 *
 *
 *     Status       Local     Remote                    Network
 *
 *     -------------------------------------------------------------------------------
 *     OK                     fx:deviceless             fx
 *     OK           /mnt/a    fx:share                  fx
 *     Unavailable  /mnt/d    fx:d                      fx
 *     The command completed successfully.
 *
 * "OK": connected (every provider that can list its connections is asked);
 * "Unavailable": remembered in the store but not connected under that
 * local name, as net use shows a remembered drive it could not restore.
 * The columns are net use's; a local or remote name longer than its column
 * pushes the Network column onto a line of its own, as net use does with
 * a long remote name.  Widths are counted in columns (cli_width), not
 * bytes, so names outside ASCII line up.  The first line says what this tool does: nothing is
 * remembered unless asked for (/persistent:yes, --persistent).
 *
 * "netrouter use LOCAL" shows one connection as "net use X:" does: its
 * local and remote names, resource type, status and network.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define STATUS_WIDTH 13 /* "Status       " */
#define LOCAL_WIDTH 10  /* "Local     " */
#define REMOTE_WIDTH 26 /* "Remote                    " */
#define NETWORK_COLUMN (STATUS_WIDTH + LOCAL_WIDTH + REMOTE_WIDTH)

/* One row: each name as a column that grows to fit, then the network at
 * its column or, when the names went past it, on the next line. */
static void print_row(const char *status, const NETRESOURCE *r)
{
    const char *local = r->lpLocalName ? r->lpLocalName : "";
    const char *remote = r->lpRemoteName ? r->lpRemoteName : "";
    const char *network = r->lpProvider ? r->lpProvider : "";
    size_t lw = cli_width(local), rw = cli_width(remote);
    int lpad = lw < LOCAL_WIDTH - 1 ? (int)(LOCAL_WIDTH - 1 - lw) : 0;
    int rpad = rw < REMOTE_WIDTH - 1 ? (int)(REMOTE_WIDTH - 1 - rw) : 0;
    size_t used = STATUS_WIDTH + lw + (size_t)lpad + 1 + rw + (size_t)rpad + 1;
    if (used <= NETWORK_COLUMN)
        cli_line(stdout, "%-*s%s%*s %s%*s %s", STATUS_WIDTH, status, local, lpad, "", remote, rpad, "", network);
    else {
        cli_line(stdout, "%-*s%s%*s %s", STATUS_WIDTH, status, local, lpad, "", remote);
        cli_line(stdout, "%*s%s", NETWORK_COLUMN, "", network);
    }
}

/* The resource of items[n] with that local name; NULL if none. */
static const NETRESOURCE *find_local(size_t n, const NETRESOURCE **items, const char *local)
{
    if (!local)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (items[i]->lpLocalName && !strcmp(items[i]->lpLocalName, local))
            return items[i];
    return NULL;
}

static bool has_local(size_t n, const NETRESOURCE **items, const char *local)
{
    return find_local(n, items, local) != NULL;
}

/* Every resource of the enumeration of scope, in its order, into *items
 * (malloc'd array, pointers into *e); the router's code. */
static DWORD gather(nr_router *r, DWORD scope, nr_enum **e, const NETRESOURCE ***items, size_t *n)
{
    const NETRESOURCE *item;
    size_t cap = 0;
    DWORD rc = nr_enum_open(r, scope, RESOURCETYPE_ANY, 0, NULL, e);
    *items = NULL;
    *n = 0;
    if (rc != WN_SUCCESS)
        return rc;
    while ((rc = nr_enum_next(*e, &item)) == WN_SUCCESS) {
        if (*n == cap) {
            const NETRESOURCE **grown = realloc(*items, (cap = cap ? 2 * cap : 16) * sizeof *grown);
            if (!grown)
                return WN_OUT_OF_MEMORY;
            *items = grown;
        }
        (*items)[(*n)++] = item;
    }
    return rc == WN_NO_MORE_ENTRIES ? WN_SUCCESS : rc;
}

/* "netrouter use LOCAL": one connection as "net use X:" shows it. */
static void print_one(const char *status, const NETRESOURCE *r)
{
    const char *type = r->dwType == RESOURCETYPE_DISK ? "Disk" : r->dwType == RESOURCETYPE_PRINT ? "Print" : "Any";
    cli_line(stdout, "%-18s%s", "Local name", r->lpLocalName ? r->lpLocalName : "");
    cli_line(stdout, "%-18s%s", "Remote name", r->lpRemoteName ? r->lpRemoteName : "");
    cli_line(stdout, "%-18s%s", "Resource type", type);
    cli_line(stdout, "%-18s%s", "Status", status);
    cli_line(stdout, "%-18s%s", "Network", r->lpProvider ? r->lpProvider : "");
    printf("The command completed successfully.\n\n");
}

int cli_netuse_show(const cli_globals *g, const char *name)
{
    const NETRESOURCE **connected = NULL, **remembered = NULL, *hit = NULL;
    nr_enum *ce = NULL, *re = NULL;
    size_t nc = 0, nr = 0;
    char *local = cli_absolute_local(name, false);
    nr_router *r = NULL;
    DWORD rc = WN_OUT_OF_MEMORY;

    if (!local)
        return EXIT_FAILURE;
    if (cli_open_router(g, 0, &r) != EXIT_SUCCESS) {
        free(local);
        return EXIT_FAILURE;
    }
    rc = gather(r, RESOURCE_CONNECTED, &ce, &connected, &nc);
    if (rc == WN_SUCCESS)
        rc = gather(r, RESOURCE_REMEMBERED, &re, &remembered, &nr);
    if (rc == WN_SUCCESS && (hit = find_local(nc, connected, local)))
        print_one("OK", hit);
    else if (rc == WN_SUCCESS && (hit = find_local(nr, remembered, local)))
        print_one("Unavailable", hit);
    else if (rc == WN_SUCCESS)
        rc = WN_NOT_CONNECTED;
    if (rc == WN_NOT_CONNECTED)
        cli_line(stderr, "netrouter: use: error %u: %s (no connection has the local name %s)", (unsigned)rc,
                 nr_strerror(rc), local);
    else if (rc != WN_SUCCESS)
        cli_report("use", rc);
    free(connected);
    free(remembered);
    nr_enum_close(ce);
    nr_enum_close(re);
    nr_router_free(r);
    free(local);
    return rc == WN_SUCCESS ? EXIT_SUCCESS : EXIT_FAILURE;
}

int cli_netuse_list(const cli_globals *g)
{
    const NETRESOURCE **connected = NULL, **remembered = NULL;
    nr_enum *ce = NULL, *re = NULL;
    size_t nc = 0, nr = 0, shown = 0;
    nr_router *r;
    DWORD rc;

    if (cli_open_router(g, 0, &r) != EXIT_SUCCESS)
        return EXIT_FAILURE;
    rc = gather(r, RESOURCE_CONNECTED, &ce, &connected, &nc);
    if (rc == WN_SUCCESS)
        rc = gather(r, RESOURCE_REMEMBERED, &re, &remembered, &nr);
    if (rc != WN_SUCCESS) {
        cli_report(NULL, rc);
        goto out;
    }
    printf("New connections will not be remembered.\n\n");
    for (size_t i = 0; i < nr; i++)
        shown += !has_local(nc, connected, remembered[i]->lpLocalName);
    if (nc + shown == 0) {
        printf("There are no entries in the list.\n\n");
        goto out;
    }
    printf("\n%-*s%-*s%-*s%s\n\n", STATUS_WIDTH, "Status", LOCAL_WIDTH, "Local", REMOTE_WIDTH, "Remote", "Network");
    printf("-------------------------------------------------------------------------------\n");
    for (size_t i = 0; i < nc; i++)
        print_row("OK", connected[i]);
    for (size_t i = 0; i < nr; i++)
        if (!has_local(nc, connected, remembered[i]->lpLocalName))
            print_row("Unavailable", remembered[i]);
    printf("The command completed successfully.\n\n");
out:
    free(connected);
    free(remembered);
    nr_enum_close(ce);
    nr_enum_close(re);
    nr_router_free(r);
    return rc == WN_SUCCESS ? EXIT_SUCCESS : EXIT_FAILURE;
}
