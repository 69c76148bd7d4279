/* nr_wnet_set_router.c - makes the WNet functions use a router of the
 * application's own, with its own plugin directory, then the default one. */
#include <stdio.h>
#include <netrouter/winnetwk.h>

static void count(const char *which)
{
    HANDLE h;
    union { NETRESOURCE first; char bytes[8192]; } buf;
    DWORD n = 0, rc = WNetOpenEnum(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, NULL, &h);
    if (rc == NO_ERROR) {
        DWORD c = 0xFFFFFFFF, size = sizeof buf;
        while (WNetEnumResource(h, &c, &buf, &size) == NO_ERROR) {
            n += c;
            c = 0xFFFFFFFF;
            size = sizeof buf;
        }
        WNetCloseEnum(h);
    }
    printf("%s router: %u connection(s)\n", which, (unsigned)n);
}

int main(int argc, char **argv)
{
    nr_router_config cfg = NR_ROUTER_CONFIG_INIT;
    const char *path[2] = { NULL, NULL };
    nr_router *mine;
    DWORD rc;

    if (argc != 2) {
        fprintf(stderr, "usage: %s PLUGIN-DIRECTORY\n", argv[0]);
        return 2;
    }
    path[0] = argv[1];
    cfg.plugin_path = path;
    if ((rc = nr_router_new(&cfg, &mine)) != WN_SUCCESS) {
        fprintf(stderr, "cannot start the router: %s\n", nr_strerror(rc));
        return 1;
    }
    nr_wnet_set_router(mine);            /* from now on the WNet calls use it */
    count("own");
    nr_wnet_set_router(NULL);            /* back to the default router */
    nr_router_free(mine);                /* ours to free, once no WNet call uses it */
    count("default");
    return 0;
}
