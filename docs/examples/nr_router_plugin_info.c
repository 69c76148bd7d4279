/* nr_router_plugin_info.c - lists the loaded plugins in their final order. */
#include <stdio.h>
#include <netrouter/netrouter.h>

int main(void)
{
    nr_router *r;
    nr_plugin_info info;

    if (nr_router_new(NULL, &r) != WN_SUCCESS) {
        fprintf(stderr, "cannot start the router\n");
        return 1;
    }
    for (size_t i = 0; i < nr_router_plugin_count(r); i++) {
        if (nr_router_plugin_info(r, i, &info) != WN_SUCCESS)
            continue;
        printf("%5d %-8s %-10s %s%s\n", info.order,
               info.kind == NR_PLUGIN_PROVIDER ? "provider" : "notifier", info.name, info.library,
               info.serialized ? "" : " (concurrent)");
        if (info.kind == NR_PLUGIN_PROVIDER)
            printf("      net type 0x%08x%s%s\n", (unsigned)info.net_type,
                   info.caps_enumeration & WNNC_ENUM_LOCAL ? ", lists its connections" : "",
                   info.caps_enumeration & WNNC_ENUM_GLOBAL ? ", can browse" : "");
        else
            printf("      %s%s\n", info.has_add_notify ? "AddConnectNotify " : "",
                   info.has_cancel_notify ? "CancelConnectNotify" : "");
    }
    nr_router_free(r);
    return 0;
}
