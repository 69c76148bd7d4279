/* nr_router_new.c - starts a router, says what it loaded, stops it. */
#include <stdio.h>
#include <netrouter/netrouter.h>

static void log_line(void *user, DWORD level, const char *plugin, const char *message)
{
    fprintf(user, "log %u: %s%s%s\n", (unsigned)level, plugin ? plugin : "", plugin ? ": " : "", message);
}

int main(int argc, char **argv)
{
    nr_router_config cfg = NR_ROUTER_CONFIG_INIT;
    const char *path[] = { argc > 1 ? argv[1] : NULL, NULL };
    nr_router *r;
    char text[256];
    DWORD rc;

    if (argc > 1)
        cfg.plugin_path = path;     /* else $NETROUTER_PLUGIN_PATH or the defaults */
    cfg.flags = NR_ROUTER_NO_STORE; /* this program remembers nothing */
    cfg.log = log_line;
    cfg.log_user = stderr;

    rc = nr_router_new(&cfg, &r);
    if (rc != WN_SUCCESS) {
        nr_get_last_error(NULL, text, sizeof text, NULL, 0);
        fprintf(stderr, "cannot start the router: error %u: %s\n%s\n", (unsigned)rc, nr_strerror(rc), text);
        return 1;
    }
    printf("%zu plugin(s) loaded, %zu problem(s)\n", nr_router_plugin_count(r), nr_router_problem_count(r));
    nr_router_free(r); /* shuts the plugins down, last loaded first */
    return 0;
}
