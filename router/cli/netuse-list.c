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
 * bytes, so names outside ASCII line up.  The first line says what this
 * tool does: nothing is remembered unless asked for (/persistent:yes,
 * --persistent).
 *
 * The other forms of net use that work on the same lists are here too:
 * "netrouter use LOCAL" shows one connection as "net use X:" does (its
 * local and remote names, resource type, status and network), and
 * "netrouter use * /delete /y" deletes them all.
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

/* What net use works on: the connections, and the remembered ones. */
typedef struct uses {
    nr_enum *ce, *re;
    const NETRESOURCE **connected, **remembered;
    size_t nc, nr;
} uses;

/* Both lists into *u; the router's code.  uses_free() it whatever that is. */
static DWORD gather_uses(nr_router *r, uses *u)
{
    DWORD rc;
    *u = (uses){ 0 };
    rc = gather(r, RESOURCE_CONNECTED, &u->ce, &u->connected, &u->nc);
    return rc == WN_SUCCESS ? gather(r, RESOURCE_REMEMBERED, &u->re, &u->remembered, &u->nr) : rc;
}

static void uses_free(uses *u)
{
    free(u->connected);
    free(u->remembered);
    nr_enum_close(u->ce);
    nr_enum_close(u->re);
}

/* Whether remembered connection i is not connected under its local name
 * (net use's "Unavailable"). */
static bool only_remembered(const uses *u, size_t i)
{
    return !has_local(u->nc, u->connected, u->remembered[i]->lpLocalName);
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

/* The remote name the router's providers give for local (NPGetConnection,
 * which every provider answers, unlike enumeration), malloc'd; NULL when
 * there is none. */
static char *remote_of(nr_router *r, const char *local)
{
    DWORD len = 256, rc = WN_OUT_OF_MEMORY;
    char *buf = NULL;
    for (int tries = 0; tries < 4; tries++) {
        char *grown = realloc(buf, len);
        if (!grown) {
            rc = WN_OUT_OF_MEMORY;
            break;
        }
        buf = grown;
        if ((rc = nr_get_connection(r, local, buf, &len)) != WN_MORE_DATA)
            break;
    }
    if (rc == WN_SUCCESS)
        return buf;
    free(buf);
    return NULL;
}

int cli_netuse_show(const cli_globals *g, const char *name, bool only_known)
{
    const NETRESOURCE *hitc, *hitr;
    char *local = cli_absolute_local(name, false), *remote = NULL;
    nr_router *r = NULL;
    uses u;
    DWORD rc;
    int ret = EXIT_FAILURE;

    if (!local)
        return EXIT_FAILURE;
    if (cli_open_router(g, 0, &r) != EXIT_SUCCESS) {
        free(local);
        return EXIT_FAILURE;
    }
    if ((rc = gather_uses(r, &u)) != WN_SUCCESS) {
        cli_report("use", rc);
        goto out;
    }
    hitc = find_local(u.nc, u.connected, local);
    hitr = find_local(u.nr, u.remembered, local);
    if (!hitc)
        remote = remote_of(r, local); /* a provider that cannot list its connections */
    if (hitc) {
        print_one("OK", hitc);
    } else if (remote) {
        NETRESOURCE one = { .dwType = hitr ? hitr->dwType : RESOURCETYPE_DISK, .lpLocalName = local,
                            .lpRemoteName = remote, .lpProvider = hitr ? hitr->lpProvider : NULL };
        print_one("OK", &one);
    } else if (hitr) {
        print_one("Unavailable", hitr);
    } else if (only_known) {
        ret = CLI_NOT_A_LOCAL;
        goto out;
    } else {
        cli_line(stderr, "netrouter: use: error %u: %s (no connection has the local name %s)",
                 (unsigned)WN_NOT_CONNECTED, nr_strerror(WN_NOT_CONNECTED), local);
        goto out;
    }
    ret = EXIT_SUCCESS;
out:
    free(remote);
    uses_free(&u);
    nr_router_free(r);
    free(local);
    return ret;
}

int cli_delete_all(nr_router *r, BOOL yes)
{
    size_t failed = 0;
    uses u;
    DWORD rc = gather_uses(r, &u);
    if (rc != WN_SUCCESS) {
        cli_report("use", rc);
        failed = 1;
        goto out;
    }
    if (u.nc + u.nr == 0) {
        printf("There are no entries in the list.\n\n");
        goto out;
    }
    if (!yes) { /* net use asks; netrouter never guesses the answer */
        printf("You have these remote connections:\n\n");
        for (size_t i = 0; i < u.nc; i++)
            cli_line(stdout, "    %s %s", u.connected[i]->lpLocalName ? u.connected[i]->lpLocalName : "",
                     u.connected[i]->lpRemoteName ? u.connected[i]->lpRemoteName : "");
        for (size_t i = 0; i < u.nr; i++)
            if (only_remembered(&u, i))
                cli_line(stdout, "    %s %s", u.remembered[i]->lpLocalName,
                         u.remembered[i]->lpRemoteName ? u.remembered[i]->lpRemoteName : "");
        fprintf(stderr, "netrouter: use: give /y to delete them all ('* /delete /y'); nothing was deleted\n");
        failed = 1;
        goto out;
    }
    /* By local name where there is one, else by remote name (which ends the
     * deviceless connections to it); then what is only remembered. */
    for (size_t i = 0; i < u.nc + u.nr; i++) {
        const NETRESOURCE *res = i < u.nc ? u.connected[i] : u.remembered[i - u.nc];
        const char *name = res->lpLocalName ? res->lpLocalName : res->lpRemoteName;
        if (!name || (i >= u.nc && !only_remembered(&u, i - u.nc)))
            continue;
        rc = nr_cancel_connection(r, name, CONNECT_UPDATE_PROFILE, TRUE);
        if (rc == WN_SUCCESS || (rc == WN_NOT_CONNECTED && !res->lpLocalName)) /* an earlier one ended it */
            cli_line(stdout, "%s was deleted successfully.", name);
        else {
            failed++;
            cli_report(name, rc);
        }
    }
out:
    uses_free(&u);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

bool cli_is_remembered(nr_router *r, const char *local)
{
    const NETRESOURCE **items = NULL;
    nr_enum *e = NULL;
    size_t n = 0;
    bool found = gather(r, RESOURCE_REMEMBERED, &e, &items, &n) == WN_SUCCESS && has_local(n, items, local);
    free(items);
    nr_enum_close(e);
    return found;
}

int cli_netuse_list(const cli_globals *g)
{
    size_t shown = 0;
    nr_router *r;
    uses u;
    DWORD rc;

    if (cli_open_router(g, 0, &r) != EXIT_SUCCESS)
        return EXIT_FAILURE;
    if ((rc = gather_uses(r, &u)) != WN_SUCCESS) {
        cli_report(NULL, rc);
        goto out;
    }
    printf("New connections will not be remembered.\n\n");
    for (size_t i = 0; i < u.nr; i++)
        shown += only_remembered(&u, i);
    if (u.nc + shown == 0) {
        printf("There are no entries in the list.\n\n");
        goto out;
    }
    printf("\n%-*s%-*s%-*s%s\n\n", STATUS_WIDTH, "Status", LOCAL_WIDTH, "Local", REMOTE_WIDTH, "Remote", "Network");
    printf("-------------------------------------------------------------------------------\n");
    for (size_t i = 0; i < u.nc; i++)
        print_row("OK", u.connected[i]);
    for (size_t i = 0; i < u.nr; i++)
        if (only_remembered(&u, i))
            print_row("Unavailable", u.remembered[i]);
    printf("The command completed successfully.\n\n");
out:
    uses_free(&u);
    nr_router_free(r);
    return rc == WN_SUCCESS ? EXIT_SUCCESS : EXIT_FAILURE;
}
