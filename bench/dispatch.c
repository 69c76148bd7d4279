/*
 * bench/dispatch.c - what the router costs per operation.
 *
 * Measures add+cancel pairs (nr_add_connection + nr_cancel_connection, no
 * store) through a router against calling the same provider's
 * NPAddConnection3 and NPCancelConnection directly (dlopen + dlsym, and
 * NrPluginInit with the same configuration when the provider has one):
 *   - with a trivial provider that does nothing, through routers with 0, 1,
 *     8 and 32 notifiers: the router's own cost per operation and per
 *     notifier.  Every notifier takes a context, so each one receives PRE
 *     and POST for the add and for the cancel: two PRE+POST pairs per
 *     add+cancel pair;
 *   - with providers that do real work, through a router with no notifier:
 *     the example symlink provider netrouter ships, and bench/provider-fs.c,
 *     the least a provider can do that touches the system.
 *
 * Targets (informational, see bench/README.md): a router with no notifier
 * under 2x the direct calls of a provider that does real work; each
 * additional notifier under 50 ns per PRE+POST pair.  Measurements are
 * interleaved round by round (direct, then each router) so that frequency
 * changes hit every variant alike, and the median of the rounds is reported.
 * Exit status 0 unless something fails.
 */
#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"

#define REMOTE "bench:share"
#define PAIR_TARGET_RATIO 2.0
#define NOTIFIER_TARGET_NS 50.0

static const size_t notifier_counts[] = { 0, 1, 8, 32 };
#define NCONFIGS (sizeof notifier_counts / sizeof notifier_counts[0])

static void fail_op(const char *what, DWORD rc)
{
    char text[512] = "";
    nr_get_last_error(NULL, text, sizeof text, NULL, 0);
    bench_die("%s: error %u: %s (%s)", what, (unsigned)rc, nr_strerror(rc), text);
}

/* What one add+cancel pair connects: the trivial provider's deviceless
 * name, or a real provider's symbolic link. */
typedef struct workload {
    char *remote, *local; /* local NULL: deviceless */
    const char *cancel;   /* the name cancelled: local, else remote */
} workload;

/* ns per add+cancel pair through router r. */
static double run_router(nr_router *r, const workload *w, long iterations)
{
    NETRESOURCE res = { .dwType = RESOURCETYPE_DISK, .lpRemoteName = w->remote, .lpLocalName = w->local };
    uint64_t t0 = bench_now_ns();
    for (long i = 0; i < iterations; i++) {
        DWORD rc = nr_add_connection(r, NULL, &res, NULL, NULL, 0);
        if (rc != WN_SUCCESS)
            fail_op("nr_add_connection", rc);
        rc = nr_cancel_connection(r, w->cancel, 0, FALSE);
        if (rc != WN_SUCCESS)
            fail_op("nr_cancel_connection", rc);
    }
    return (double)(bench_now_ns() - t0) / (double)iterations;
}

typedef struct direct {
    PF_NPAddConnection3 add3;
    PF_NPCancelConnection cancel;
    PF_NrPluginShutdown shutdown;
    NR_PLUGIN_HOST host; /* what NrPluginInit was given: it may keep the pointer */
    char *copy;
} direct;

/* ns per add+cancel pair calling the provider directly. */
static double run_direct(const direct *d, const workload *w, long iterations)
{
    NETRESOURCE res = { .dwType = RESOURCETYPE_DISK, .lpRemoteName = w->remote, .lpLocalName = w->local };
    uint64_t t0 = bench_now_ns();
    for (long i = 0; i < iterations; i++) {
        NETRESOURCE copy = res; /* the router hands providers a copy too */
        DWORD rc = d->add3(NULL, &copy, NULL, NULL, 0);
        if (rc != WN_SUCCESS)
            fail_op("NPAddConnection3", rc);
        rc = d->cancel((LPSTR)w->cancel, FALSE);
        if (rc != WN_SUCCESS)
            fail_op("NPCancelConnection", rc);
    }
    return (double)(bench_now_ns() - t0) / (double)iterations;
}

/* A manifest directory with the provider and n notifiers.  Every manifest
 * names its own copy of the library, as distinct plugins would be: the
 * dynamic loader maps one file only once per process, whatever name it is
 * opened under, and the routers live side by side. */
static char *make_config(const char *tag, size_t n, const char *provider_so, const char *provider_members,
                         const char *notifier_so)
{
    char *name = bench_printf("%snotifiers-%zu", tag, n);
    char *dir = bench_mkdir(name);
    char *lib = bench_printf("%s/bench-provider.so", dir);
    char *path = bench_printf("%s/bench-provider.json", dir);
    char *text = bench_printf("{\n  \"manifest_version\": 1,\n  \"name\": \"bench-provider\",\n"
                              "  \"kind\": \"provider\",\n  \"library\": \"%s\",\n%s"
                              "  \"threading\": \"concurrent\"\n}\n",
                              lib, provider_members ? provider_members : "");
    bench_copy_file(provider_so, lib, 0755);
    bench_write_file(path, text);
    free(lib);
    free(path);
    free(text);
    for (size_t i = 0; i < n; i++) {
        lib = bench_printf("%s/bench-notifier-%02zu.so", dir, i);
        path = bench_printf("%s/bench-notifier-%02zu.json", dir, i);
        text = bench_printf("{\n  \"manifest_version\": 1,\n  \"name\": \"bench-notifier-%02zu\",\n"
                            "  \"kind\": \"notifier\",\n  \"library\": \"%s\",\n  \"order\": %zu,\n"
                            "  \"threading\": \"concurrent\"\n}\n",
                            i, lib, i);
        bench_copy_file(notifier_so, lib, 0755);
        bench_write_file(path, text);
        free(lib);
        free(path);
        free(text);
    }
    free(name);
    return dir;
}

/* Host services for a provider called directly: what NrPluginInit needs,
 * doing no more than a plugin can observe. */
static void direct_log(const NR_PLUGIN_HOST *host, DWORD level, LPCSTR fmt, ...)
{
    (void)host;
    (void)level;
    (void)fmt;
}

static DWORD direct_set_last_error(const NR_PLUGIN_HOST *host, DWORD code, LPCSTR text)
{
    (void)host;
    (void)code;
    (void)text;
    return WN_SUCCESS;
}

/* The provider's entry points from a private copy of so (with known owner
 * and mode, whatever the build tree's umask) opened with dlopen, initialised
 * with config (JSON text) when it has an NrPluginInit. */
static void *open_direct(const char *so, const char *libdir, const char *config, direct *d)
{
    char *copy = bench_printf("%s/direct-%s", libdir, strrchr(so, '/') + 1);
    void *handle;
    PF_NrPluginInit init;
    bench_copy_file(so, copy, 0755);
    handle = dlopen(copy, RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        bench_die("dlopen: %s", dlerror());
    d->add3 = (PF_NPAddConnection3)dlsym(handle, "NPAddConnection3");
    d->cancel = (PF_NPCancelConnection)dlsym(handle, "NPCancelConnection");
    d->shutdown = (PF_NrPluginShutdown)dlsym(handle, "NrPluginShutdown");
    if (!d->add3 || !d->cancel)
        bench_die("%s lacks NPAddConnection3 or NPCancelConnection", copy);
    init = (PF_NrPluginInit)dlsym(handle, "NrPluginInit");
    d->host = (NR_PLUGIN_HOST){
        .cbStructure = sizeof(NR_PLUGIN_HOST),
        .dwAbiVersion = NR_PLUGIN_ABI_VERSION,
        .lpPluginName = "bench-provider",
        .lpManifestPath = "",
        .lpLibraryPath = copy,
        .lpConfigJson = config ? config : "{}",
        .pfnLog = direct_log,
        .pfnSetLastError = direct_set_last_error,
        .pfnStrError = nr_strerror,
    };
    if (init && init(&d->host) != WN_SUCCESS)
        bench_die("%s: NrPluginInit refused to start", copy);
    d->copy = copy;
    return handle;
}

static void close_direct(void *handle, direct *d)
{
    if (d->shutdown)
        d->shutdown();
    dlclose(handle);
    free(d->copy);
}

/* A provider that does real work, and what one add+cancel pair does with it. */
typedef struct real_provider {
    const char *title;
    char *so;       /* the built library */
    char *members;  /* extra manifest members ("owns", "config"), each line ending ",\n" */
    char *config;   /* the "config" object's JSON text, for NrPluginInit */
    char *remote, *local;
    long iterations; /* pairs a round */
} real_provider;

/* Times real->iterations pairs a round through a router with no notifier
 * and directly; prints one line and returns whether the target was met. */
static bool run_real(const bench_opts *o, const char *libdir, const char *notifier_so, const real_provider *real)
{
    char *tag = bench_printf("%s-", strrchr(real->so, '/') + 1);
    char *dir = make_config(tag, 0, real->so, real->members, notifier_so);
    workload w = { .remote = real->remote, .local = real->local, .cancel = real->local };
    nr_router *r = bench_router(dir, 1);
    double *sd = calloc((size_t)o->rounds, sizeof(double)), *sr = calloc((size_t)o->rounds, sizeof(double));
    double md, mr;
    direct d;
    void *handle = open_direct(real->so, libdir, real->config, &d);
    bool ok;
    if (!sd || !sr)
        bench_die("out of memory");
    run_direct(&d, &w, real->iterations / 10 + 1);
    run_router(r, &w, real->iterations / 10 + 1);
    for (int round = 0; round < o->rounds; round++) {
        sd[round] = run_direct(&d, &w, real->iterations);
        sr[round] = run_router(r, &w, real->iterations);
    }
    md = bench_median(sd, (size_t)o->rounds);
    mr = bench_median(sr, (size_t)o->rounds);
    ok = mr / md < PAIR_TARGET_RATIO;
    printf("  %-36s %6ld %11.1f %11.1f %6.3f  < %.1fx direct  %s\n", real->title, real->iterations, md, mr,
           mr / md, PAIR_TARGET_RATIO, bench_verdict(ok));
    nr_router_free(r);
    close_direct(handle, &d);
    free(sd);
    free(sr);
    free(dir);
    free(tag);
    return ok;
}

/* The router with no notifier against the same providers called directly,
 * for the providers that do real work. */
static bool run_real_providers(const bench_opts *o, const char *libdir, const char *notifier_so)
{
    char *target_dir = bench_mkdir("link-target");
    char *links_dir = bench_mkdir("links");
    real_provider real[2] = {
        {
            .title = "symlink (examples/provider-symlink)",
            .so = bench_printf("%s/nr-symlink.so", BENCH_SYMLINK_DIR),
            .config = bench_printf("{ \"state_file\": \"%s/symlink-links.json\" }", links_dir),
            .remote = bench_printf("link:%s", target_dir),
            .local = bench_printf("%s/symlink-link", links_dir),
            .iterations = o->iterations / 1000 + 1, /* a pair costs hundreds of microseconds */
        },
        {
            .title = "fs (bench/provider-fs.c)",
            .so = bench_plugin(o, "provider-fs"),
            .remote = bench_printf("fs:%s", target_dir),
            .local = bench_printf("%s/fs-link", links_dir),
            .iterations = o->iterations / 200 + 1, /* a pair costs tens of microseconds */
        },
    };
    bool ok = true;
    if (access(real[0].so, R_OK) != 0)
        bench_die("%s: %s (build it with `make`)", real[0].so, strerror(errno));
    real[0].members = bench_printf("  \"owns\": [\"link:*\"],\n  \"config\": %s,\n", real[0].config);
    printf("dispatch: router with no notifier against the same provider called directly, for providers\n"
           "that do real work, median of %d rounds%s\n",
           o->rounds, o->quick ? " (quick mode)" : "");
    printf("  %-36s %6s %11s %11s %6s  %s\n", "provider", "pairs", "direct ns", "router ns", "ratio", "target");
    for (size_t i = 0; i < sizeof real / sizeof real[0]; i++) {
        ok &= run_real(o, libdir, notifier_so, &real[i]);
        free(real[i].so);
        free(real[i].members);
        free(real[i].config);
        free(real[i].remote);
        free(real[i].local);
    }
    free(target_dir);
    free(links_dir);
    return ok;
}

int main(int argc, char **argv)
{
    bench_opts o = { 0 };
    nr_router *routers[NCONFIGS];
    double *samples[NCONFIGS + 1], median[NCONFIGS + 1];
    workload w = { .remote = REMOTE, .local = NULL, .cancel = REMOTE };
    direct d;
    void *handle;
    char *provider_so, *notifier_so, *libdir;
    bool all_ok = true;

    bench_parse_args(argc, argv, &o,
                     "Times add+cancel pairs through the router with 0, 1, 8 and 32 notifiers\n"
                     "against direct calls of the same provider (a no-op one), then a router\n"
                     "with no notifier against direct calls of providers that do real work\n"
                     "(the example symlink provider, and one symlink() + unlink()).");
    if (!o.rounds)
        o.rounds = o.quick ? 5 : 21;
    if (!o.iterations)
        o.iterations = o.quick ? 20000 : 200000;
    unsetenv("NETROUTER_DEBUG");

    bench_workdir(&o);
    libdir = bench_mkdir("lib");
    provider_so = bench_plugin(&o, "provider");
    notifier_so = bench_plugin(&o, "notifier");
    handle = open_direct(provider_so, libdir, NULL, &d);

    for (size_t c = 0; c < NCONFIGS; c++) {
        char *dir = make_config("", notifier_counts[c], provider_so, NULL, notifier_so);
        routers[c] = bench_router(dir, notifier_counts[c] + 1);
        free(dir);
    }
    for (size_t c = 0; c <= NCONFIGS; c++)
        samples[c] = calloc((size_t)o.rounds, sizeof(double));

    /* Warm-up: caches, branch predictors, lazy binding. */
    run_direct(&d, &w, o.iterations / 10 + 1);
    for (size_t c = 0; c < NCONFIGS; c++)
        run_router(routers[c], &w, o.iterations / 10 + 1);

    for (int round = 0; round < o.rounds; round++) {
        samples[0][round] = run_direct(&d, &w, o.iterations);
        for (size_t c = 0; c < NCONFIGS; c++)
            samples[c + 1][round] = run_router(routers[c], &w, o.iterations);
    }
    for (size_t c = 0; c <= NCONFIGS; c++)
        median[c] = bench_median(samples[c], (size_t)o.rounds);

    printf("dispatch: add+cancel pairs, no-op provider, median of %d rounds of %ld pairs%s\n", o.rounds,
           o.iterations, o.quick ? " (quick mode)" : "");
    printf("  %-22s %9s %8s %14s  %s\n", "variant", "ns/pair", "ratio", "ns/notifier*", "target");
    printf("  %-22s %9.1f %8.2f\n", "direct provider calls", median[0], 1.0);
    for (size_t c = 0; c < NCONFIGS; c++) {
        size_t n = notifier_counts[c];
        double t = median[c + 1];
        char label[64], target[32];
        bool ok;
        snprintf(label, sizeof label, "router, %zu notifier%s", n, n == 1 ? "" : "s");
        if (n == 0) {
            /* Two empty calls are no work to weigh the router against: this
             * row gives its own cost; the target is judged below. */
            printf("  %-22s %9.1f %8.2f %14s  own cost %.1f ns per operation\n", label, t, t / median[0], "",
                   (t - median[0]) / 2.0);
            continue;
        } else {
            /* Each notifier gets PRE+POST for the add and for the cancel. */
            double per = (t - median[1]) / (double)n / 2.0;
            ok = per < NOTIFIER_TARGET_NS;
            snprintf(target, sizeof target, "< %.0f ns", NOTIFIER_TARGET_NS);
            printf("  %-22s %9.1f %8.2f %14.1f  %-16s %s\n", label, t, t / median[0], per, target, bench_verdict(ok));
        }
        all_ok &= ok;
    }
    printf("  * router cost of one more notifier per PRE+POST pair (two pairs per add+cancel)\n");
    all_ok &= run_real_providers(&o, libdir, notifier_so);
    printf("dispatch: %s\n", all_ok ? "all targets met" : "some targets missed (informational)");

    for (size_t c = 0; c < NCONFIGS; c++)
        nr_router_free(routers[c]);
    for (size_t c = 0; c <= NCONFIGS; c++)
        free(samples[c]);
    close_direct(handle, &d);
    free(provider_so);
    free(notifier_so);
    free(libdir);
    return 0;
}
