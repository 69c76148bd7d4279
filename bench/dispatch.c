/*
 * bench/dispatch.c - what the router costs per operation.
 *
 * Measures add+cancel pairs (nr_add_connection + nr_cancel_connection of a
 * deviceless connection, no store) through routers with 0, 1, 8 and 32
 * notifiers, against calling the same trivial provider's NPAddConnection3 and
 * NPCancelConnection directly (dlopen + dlsym).  Every notifier takes a
 * context, so each one receives PRE and POST for the add and for the cancel:
 * two PRE+POST pairs per add+cancel pair.
 *
 * Targets (informational, see bench/README.md): a router with no notifier
 * under 2x the direct calls; each additional notifier under 50 ns per
 * PRE+POST pair.  Measurements are interleaved round by round (direct, then
 * each router) so that frequency changes hit every variant alike, and the
 * median of the rounds is reported.  Exit status 0 unless something fails.
 */
#include "config.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* ns per add+cancel pair through router r. */
static double run_router(nr_router *r, long iterations)
{
    NETRESOURCE res = { .dwType = RESOURCETYPE_DISK, .lpRemoteName = REMOTE };
    uint64_t t0 = bench_now_ns();
    for (long i = 0; i < iterations; i++) {
        DWORD rc = nr_add_connection(r, NULL, &res, NULL, NULL, 0);
        if (rc != WN_SUCCESS)
            fail_op("nr_add_connection", rc);
        rc = nr_cancel_connection(r, REMOTE, 0, FALSE);
        if (rc != WN_SUCCESS)
            fail_op("nr_cancel_connection", rc);
    }
    return (double)(bench_now_ns() - t0) / (double)iterations;
}

typedef struct direct {
    PF_NPAddConnection3 add3;
    PF_NPCancelConnection cancel;
} direct;

/* ns per add+cancel pair calling the provider directly. */
static double run_direct(const direct *d, long iterations)
{
    NETRESOURCE res = { .dwType = RESOURCETYPE_DISK, .lpRemoteName = REMOTE };
    uint64_t t0 = bench_now_ns();
    for (long i = 0; i < iterations; i++) {
        NETRESOURCE copy = res; /* the router hands providers a copy too */
        DWORD rc = d->add3(NULL, &copy, NULL, NULL, 0);
        if (rc != WN_SUCCESS)
            fail_op("NPAddConnection3", rc);
        rc = d->cancel((LPSTR)REMOTE, FALSE);
        if (rc != WN_SUCCESS)
            fail_op("NPCancelConnection", rc);
    }
    return (double)(bench_now_ns() - t0) / (double)iterations;
}

/* A manifest directory with the provider and n notifiers.  Every manifest
 * names its own copy of the library, as distinct plugins would be: the
 * dynamic loader maps one file only once per process, whatever name it is
 * opened under, and the routers live side by side. */
static char *make_config(size_t n, const char *provider_so, const char *notifier_so)
{
    char *name = bench_printf("notifiers-%zu", n);
    char *dir = bench_mkdir(name);
    char *lib = bench_printf("%s/bench-provider.so", dir);
    char *path = bench_printf("%s/bench-provider.json", dir);
    char *text = bench_printf("{\n  \"manifest_version\": 1,\n  \"name\": \"bench-provider\",\n"
                              "  \"kind\": \"provider\",\n  \"library\": \"%s\",\n"
                              "  \"threading\": \"concurrent\"\n}\n",
                              lib);
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

int main(int argc, char **argv)
{
    bench_opts o = { 0 };
    nr_router *routers[NCONFIGS];
    double *samples[NCONFIGS + 1], median[NCONFIGS + 1];
    direct d;
    void *handle;
    char *provider_so, *notifier_so;
    bool all_ok = true;

    bench_parse_args(argc, argv, &o,
                     "Times add+cancel pairs through the router with 0, 1, 8 and 32 notifiers\n"
                     "against direct calls of the same provider.");
    if (!o.rounds)
        o.rounds = o.quick ? 5 : 21;
    if (!o.iterations)
        o.iterations = o.quick ? 20000 : 200000;
    unsetenv("NETROUTER_DEBUG");

    bench_workdir(&o);
    /* The direct calls go to one more private copy of the provider (with
     * known owner and mode, whatever the build tree's umask). */
    char *libdir = bench_mkdir("lib");
    char *direct_so = bench_printf("%s/nr-bench-provider.so", libdir);
    provider_so = bench_plugin(&o, "provider");
    notifier_so = bench_plugin(&o, "notifier");
    bench_copy_file(provider_so, direct_so, 0755);

    handle = dlopen(direct_so, RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        bench_die("dlopen: %s", dlerror());
    d.add3 = (PF_NPAddConnection3)dlsym(handle, "NPAddConnection3");
    d.cancel = (PF_NPCancelConnection)dlsym(handle, "NPCancelConnection");
    if (!d.add3 || !d.cancel)
        bench_die("%s lacks NPAddConnection3 or NPCancelConnection", direct_so);

    for (size_t c = 0; c < NCONFIGS; c++) {
        char *dir = make_config(notifier_counts[c], provider_so, notifier_so);
        routers[c] = bench_router(dir, notifier_counts[c] + 1);
        free(dir);
    }
    for (size_t c = 0; c <= NCONFIGS; c++)
        samples[c] = calloc((size_t)o.rounds, sizeof(double));

    /* Warm-up: caches, branch predictors, lazy binding. */
    run_direct(&d, o.iterations / 10 + 1);
    for (size_t c = 0; c < NCONFIGS; c++)
        run_router(routers[c], o.iterations / 10 + 1);

    for (int round = 0; round < o.rounds; round++) {
        samples[0][round] = run_direct(&d, o.iterations);
        for (size_t c = 0; c < NCONFIGS; c++)
            samples[c + 1][round] = run_router(routers[c], o.iterations);
    }
    for (size_t c = 0; c <= NCONFIGS; c++)
        median[c] = bench_median(samples[c], (size_t)o.rounds);

    printf("dispatch: add+cancel pairs, median of %d rounds of %ld pairs%s\n", o.rounds, o.iterations,
           o.quick ? " (quick mode)" : "");
    printf("  %-22s %9s %8s %14s  %s\n", "variant", "ns/pair", "ratio", "ns/notifier*", "target");
    printf("  %-22s %9.1f %8.2f\n", "direct provider calls", median[0], 1.0);
    for (size_t c = 0; c < NCONFIGS; c++) {
        size_t n = notifier_counts[c];
        double t = median[c + 1];
        char label[64], target[32];
        bool ok;
        snprintf(label, sizeof label, "router, %zu notifier%s", n, n == 1 ? "" : "s");
        if (n == 0) {
            ok = t / median[0] < PAIR_TARGET_RATIO;
            snprintf(target, sizeof target, "< %.1fx direct", PAIR_TARGET_RATIO);
            printf("  %-22s %9.1f %8.2f %14s  %-16s %s\n", label, t, t / median[0], "", target, bench_verdict(ok));
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
    printf("dispatch: %s\n", all_ok ? "all targets met" : "some targets missed (informational)");

    for (size_t c = 0; c < NCONFIGS; c++)
        nr_router_free(routers[c]);
    for (size_t c = 0; c <= NCONFIGS; c++)
        free(samples[c]);
    dlclose(handle);
    free(provider_so);
    free(notifier_so);
    free(direct_so);
    free(libdir);
    return 0;
}
