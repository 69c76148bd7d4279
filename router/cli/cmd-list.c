/*
 * cmd-list.c - "netrouter list": connected, remembered or browsable
 * resources, as a table or as JSON.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char list_help[] =
    "Usage: netrouter list [OPTION]...\n"
    "List network resources.\n"
    "\n"
    "  -c, --connected          current connections of every provider (default)\n"
    "  -r, --remembered         remembered connections\n"
    "  -b, --browse[=PROVIDER]  the network: one container per provider that can\n"
    "                           browse, or with PROVIDER the top level of that\n"
    "                           provider's network\n"
    "      --json               one JSON array of objects instead of a table\n"
    "  -h, --help               show this help and exit\n";

int cmd_list(const cli_globals *g, int argc, char **argv)
{
    static const struct option opts[] = {
        { "connected", no_argument, NULL, 'c' },
        { "remembered", no_argument, NULL, 'r' },
        { "browse", optional_argument, NULL, 'b' },
        { "json", no_argument, NULL, 'j' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    DWORD scope = RESOURCE_CONNECTED, rc;
    const char *container_name = NULL;
    NETRESOURCE container = { 0 };
    const NETRESOURCE *item;
    bool json = false, first = true;
    nr_router *r;
    nr_enum *e;
    int c;

    if (cli_wants_help(argc, argv, list_help))
        return EXIT_SUCCESS;
    while ((c = getopt_long(argc, argv, ":crb::h", opts, NULL)) != -1) {
        switch (c) {
        case 'c': scope = RESOURCE_CONNECTED; break;
        case 'r': scope = RESOURCE_REMEMBERED; break;
        case 'b':
            scope = RESOURCE_GLOBALNET;
            container_name = optarg;
            break;
        case 'j': json = true; break;
        default: return cli_option_error("list", c, argv);
        }
    }
    if (optind != argc)
        return cli_usage_error("list", "unexpected argument '%s'", argv[optind]);
    if (cli_open_router(g, 0, &r) != EXIT_SUCCESS)
        return EXIT_FAILURE;
    if (container_name) {
        container = (NETRESOURCE){ .dwScope = RESOURCE_GLOBALNET, .dwDisplayType = RESOURCEDISPLAYTYPE_NETWORK,
                                   .dwUsage = RESOURCEUSAGE_CONTAINER, .lpRemoteName = (LPSTR)container_name,
                                   .lpProvider = (LPSTR)container_name };
    }
    rc = nr_enum_open(r, scope, RESOURCETYPE_ANY, 0, container_name ? &container : NULL, &e);
    if (rc != WN_SUCCESS) {
        cli_report("list", rc);
        nr_router_free(r);
        return EXIT_FAILURE;
    }
    if (json)
        fputs("[", stdout);
    else
        printf("%-28s %-36s %s\n", "LOCAL", "REMOTE", "PROVIDER");
    while (nr_enum_next(e, &item) == WN_SUCCESS) {
        if (json) {
            char *s = cli_resource_json(item);
            printf("%s%s", first ? "" : ",", s ? s : "null");
            free(s);
        } else {
            const char *local = cli_or_dash(item->lpLocalName), *remote = cli_or_dash(item->lpRemoteName);
            size_t lw = cli_width(local), rw = cli_width(remote); /* columns, not bytes */
            cli_line(stdout, "%s%*s %s%*s %s%s", local, lw < 28 ? (int)(28 - lw) : 0, "", remote,
                     rw < 36 ? (int)(36 - rw) : 0, "", cli_or_dash(item->lpProvider),
                     item->dwUsage & RESOURCEUSAGE_CONTAINER ? " (container)" : "");
        }
        first = false;
    }
    if (json)
        fputs("]\n", stdout);
    nr_enum_close(e);
    nr_router_free(r);
    return EXIT_SUCCESS;
}
