/* nr_enum_open.c - the connections, the browsable network and the remembered
 * connections, with both forms of enumeration. */
#include <stdio.h>
#include <stdlib.h>
#include <netrouter/netrouter.h>

static const char *or_dash(const char *s) { return s && *s ? s : "-"; }

/* The iterator form; recurses into containers (RESOURCE_GLOBALNET). */
static void walk(nr_router *r, DWORD scope, const NETRESOURCE *container, int depth)
{
    const NETRESOURCE *res;
    nr_enum *e;
    DWORD rc = nr_enum_open(r, scope, RESOURCETYPE_ANY, 0, container, &e);
    if (rc != WN_SUCCESS) {
        fprintf(stderr, "%*serror %u: %s\n", depth * 2, "", (unsigned)rc, nr_strerror(rc));
        return;
    }
    while (nr_enum_next(e, &res) == WN_SUCCESS) {
        printf("%*s%s -> %s (%s)\n", depth * 2, "", or_dash(res->lpLocalName), res->lpRemoteName,
               or_dash(res->lpProvider));
        if (scope == RESOURCE_GLOBALNET && (res->dwUsage & RESOURCEUSAGE_CONTAINER) && depth < 3)
            walk(r, scope, res, depth + 1); /* res stays valid until nr_enum_close(e) */
    }
    nr_enum_close(e);
}

/* The Windows buffer form: structures first, their strings packed after them. */
static void remembered(nr_router *r)
{
    DWORD size = 4096, count, rc;
    void *buf = malloc(size);
    nr_enum *e;
    if (!buf || nr_enum_open(r, RESOURCE_REMEMBERED, RESOURCETYPE_ANY, 0, NULL, &e) != WN_SUCCESS) {
        free(buf);
        return;
    }
    for (;;) {
        DWORD got = size;
        count = 0xFFFFFFFF; /* as many as fit */
        rc = nr_enum_resource(e, &count, buf, &got);
        if (rc == WN_MORE_DATA) {  /* not even one fits: got is the size needed */
            void *bigger = realloc(buf, got);
            if (!bigger)
                break;
            buf = bigger;
            size = got;
            continue;
        }
        if (rc != WN_SUCCESS)      /* WN_NO_MORE_ENTRIES at the end */
            break;
        for (DWORD i = 0; i < count; i++) {
            const NETRESOURCE *res = (const NETRESOURCE *)buf + i;
            printf("%s -> %s (%s)\n", res->lpLocalName, res->lpRemoteName, or_dash(res->lpProvider));
        }
    }
    nr_enum_close(e);
    free(buf);
}

int main(void)
{
    nr_router *r;
    if (nr_router_new(NULL, &r) != WN_SUCCESS) {
        fprintf(stderr, "cannot start the router\n");
        return 1;
    }
    printf("connected:\n");
    walk(r, RESOURCE_CONNECTED, NULL, 1);
    printf("network:\n");
    walk(r, RESOURCE_GLOBALNET, NULL, 1);
    printf("remembered:\n");
    remembered(r);
    nr_router_free(r);
    return 0;
}
