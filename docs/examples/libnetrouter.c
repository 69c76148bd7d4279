/* libnetrouter.c - connects LOCAL to REMOTE, reports plugin problems, lists connections. */
#include <stdio.h>
#include <netrouter/netrouter.h>

static void print_problem(void *user, const nr_problem *p)
{
    fprintf(stderr, "%s:%d:%d: %s: %s\n", p->file, p->line, p->column,
            nr_stage_name(p->stage), p->message);
}

int main(int argc, char **argv)
{
    nr_router_config cfg = NR_ROUTER_CONFIG_INIT;
    nr_router *r;
    nr_enum *e;
    const NETRESOURCE *res;
    char text[256];
    DWORD rc;

    if (argc != 3) {
        fprintf(stderr, "usage: %s LOCAL REMOTE\n", argv[0]);
        return 2;
    }
    rc = nr_router_new(&cfg, &r);
    if (rc != WN_SUCCESS) {
        nr_get_last_error(NULL, text, sizeof text, NULL, 0);
        fprintf(stderr, "cannot start: %s (%s)\n", nr_strerror(rc), text);
        return 1;
    }
    for (size_t i = 0; i < nr_router_problem_count(r); i++)
        print_problem(NULL, nr_router_problem(r, i));

    NETRESOURCE want = { .dwType = RESOURCETYPE_DISK,
                         .lpLocalName = argv[1], .lpRemoteName = argv[2] };
    rc = nr_add_connection(r, NULL, &want, NULL, NULL, CONNECT_UPDATE_PROFILE);
    if (rc != WN_SUCCESS) {
        char who[64];
        nr_get_last_error(NULL, text, sizeof text, who, sizeof who);
        fprintf(stderr, "error %u: %s\n%s: %s\n", rc, nr_strerror(rc), who, text);
    }

    if (nr_enum_open(r, RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, NULL, &e) == WN_SUCCESS) {
        while (nr_enum_next(e, &res) == WN_SUCCESS)
            printf("%s -> %s (%s)\n", res->lpLocalName ? res->lpLocalName : "-",
                   res->lpRemoteName, res->lpProvider);
        nr_enum_close(e);
    }
    nr_router_free(r);
    return rc == WN_SUCCESS ? 0 : 1;
}
