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

/* What one add+cancel pair connects: the trivial provider's deviceless
 * name, or the fs provider's symbolic link. */
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
static char *make_config(const char *tag, size_t n, const char *provider_so, const char *notifier_so)
{
    char *name = bench_printf("%snotifiers-%zu", tag, n);
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

/* The provider's entry points from a private copy of so (with known owner
 * and mode, whatever the build tree's umask) opened with dlopen. */
static void *open_direct(const char *so, const char *libdir, direct *d)
{
    char *copy = bench_printf("%s/direct-%s", libdir, strrchr(so, '/') + 1);
    void *handle;
    bench_copy_file(so, copy, 0755);
    handle = dlopen(copy, RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        bench_die("dlopen: %s", dlerror());
    d->add3 = (PF_NPAddConnection3)dlsym(handle, "NPAddConnection3");
    d->cancel = (PF_NPCancelConnection)dlsym(handle, "NPCancelConnection");
    if (!d->add3 || !d->cancel)
        bench_die("%s lacks NPAddConnection3 or NPCancelConnection", copy);
    free(copy);
    return handle;
}

/*
 * The same comparison with a provider that does real work (a symlink() and
 * an unlink() per pair, bench/provider-fs.c), the router with no notifier:
 * the router's cost next to the cheapest provider that touches the system.
 */
static bool run_fs(const bench_opts *o, const char *libdir, const char *notifier_so)
{
    char *fs_so = bench_plugin(o, "provider-fs");
    char *dir = make_config("fs-", 0, fs_so, notifier_so);
    workload w = { .remote = bench_printf("fs:%s", libdir), .local = bench_printf("%s/link", dir) };
    nr_router *r = bench_router(dir, 1);
    long iterations = o->iterations / 200 + 1; /* a pair costs tens of microseconds */
    double *sd = calloc((size_t)o->rounds, sizeof(double)), *sr = calloc((size_t)o->rounds, sizeof(double));
    double md, mr;
    direct d;
    void *handle = open_direct(fs_so, libdir, &d);
    bool ok;
    w.cancel = w.local;
    run_direct(&d, &w, iterations / 10 + 1);
    run_router(r, &w, iterations / 10 + 1);
    for (int round = 0; round < o->rounds; round++) {
        sd[round] = run_direct(&d, &w, iterations);
        sr[round] = run_router(r, &w, iterations);
    }
    md = bench_median(sd, (size_t)o->rounds);
    mr = bench_median(sr, (size_t)o->rounds);
    ok = mr / md < PAIR_TARGET_RATIO;
    printf("dispatch: the same with a provider that makes and removes a symbolic link, %ld pairs a round\n",
           iterations);
    printf("  %-22s %9.1f %8.2f\n", "direct provider calls", md, 1.0);
    printf("  %-22s %9.1f %8.2f %14s  < %.1fx direct    %s\n", "router, 0 notifiers", mr, mr / md, "",
           PAIR_TARGET_RATIO, bench_verdict(ok));
    nr_router_free(r);
    dlclose(handle);
    free(sd);
    free(sr);
    free(w.remote);
    free(w.local);
    free(dir);
    free(fs_so);
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
                     "against direct calls of the same provider (a no-op one, then one that\n"
                     "makes and removes a symbolic link).");
    if (!o.rounds)
        o.rounds = o.quick ? 5 : 21;
    if (!o.iterations)
        o.iterations = o.quick ? 20000 : 200000;
    unsetenv("NETROUTER_DEBUG");

    bench_workdir(&o);
    libdir = bench_mkdir("lib");
    provider_so = bench_plugin(&o, "provider");
    notifier_so = bench_plugin(&o, "notifier");
    handle = open_direct(provider_so, libdir, &d);

    for (size_t c = 0; c < NCONFIGS; c++) {
        char *dir = make_config("", notifier_counts[c], provider_so, notifier_so);
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
    all_ok &= run_fs(&o, libdir, notifier_so);
    printf("dispatch: %s\n", all_ok ? "all targets met" : "some targets missed (informational)");

    for (size_t c = 0; c < NCONFIGS; c++)
        nr_router_free(routers[c]);
    for (size_t c = 0; c <= NCONFIGS; c++)
        free(samples[c]);
    dlclose(handle);
    free(provider_so);
    free(notifier_so);
    free(libdir);
    return 0;
}
