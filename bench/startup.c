/*
 * bench/startup.c - what the router costs at start-up.
 *
 * Creates N (default 200) distinct copies of the trivial notifier and one
 * manifest for each, then times, round after round:
 *   - router:  nr_router_new() over the manifest directory (search, secure
 *              open, JSON parsing and validation, sorting, loading through
 *              libltdl, symbol resolution, ABI negotiation) + nr_router_free();
 *   - bare:    dlopen() + dlsym(AddConnectNotify, CancelConnectNotify) of the
 *              same N files, then dlclose() of each.
 * The copies must be distinct files: the dynamic loader maps one file (one
 * device and inode) only once per process, so N manifests naming one library
 * would load it once.
 *
 * Target (informational, see bench/README.md): router under 1.5x the bare
 * loop.  Exit status 0 unless something fails.
 */
#include "config.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"

#define STARTUP_TARGET_RATIO 1.5

static double run_router(const char *manifest_dir, size_t count)
{
    uint64_t t0 = bench_now_ns();
    nr_router *r = bench_router(manifest_dir, count);
    nr_router_free(r);
    return (double)(bench_now_ns() - t0);
}

static double run_bare(char **libs, void **handles, size_t count)
{
    uint64_t t0 = bench_now_ns();
    for (size_t i = 0; i < count; i++) {
        handles[i] = dlopen(libs[i], RTLD_LAZY | RTLD_LOCAL);
        if (!handles[i])
            bench_die("dlopen: %s", dlerror());
        if (!dlsym(handles[i], "AddConnectNotify") || !dlsym(handles[i], "CancelConnectNotify"))
            bench_die("%s: missing notifier entry points", libs[i]);
    }
    for (size_t i = count; i-- > 0;)
        dlclose(handles[i]);
    return (double)(bench_now_ns() - t0);
}

int main(int argc, char **argv)
{
    bench_opts o = { 0 };
    char *built, *libdir, *mandir, **libs;
    void **handles;
    double *t_router, *t_bare, m_router, m_bare, ratio;
    char target[32];
    size_t count;

    bench_parse_args(argc, argv, &o,
                     "Times a router loading N plugins (N manifests, N distinct copies of one\n"
                     "small notifier) against a bare dlopen+dlsym loop over the same files.");
    if (!o.rounds)
        o.rounds = o.quick ? 11 : 31; /* a round of both is a few tens of ms */
    count = o.count ? (size_t)o.count : 200;
    unsetenv("NETROUTER_DEBUG");

    bench_workdir(&o);
    libdir = bench_mkdir("lib");
    mandir = bench_mkdir("plugins.d");
    built = bench_plugin(&o, "notifier");
    libs = calloc(count, sizeof *libs);
    handles = calloc(count, sizeof *handles);
    t_router = calloc((size_t)o.rounds, sizeof *t_router);
    t_bare = calloc((size_t)o.rounds, sizeof *t_bare);
    if (!libs || !handles || !t_router || !t_bare)
        bench_die("out of memory");
    for (size_t i = 0; i < count; i++) {
        char *manifest = bench_printf("%s/startup-%03zu.json", mandir, i);
        char *text;
        libs[i] = bench_printf("%s/nr-bench-notifier-%03zu.so", libdir, i);
        bench_copy_file(built, libs[i], 0755);
        text = bench_printf("{\n  \"manifest_version\": 1,\n  \"name\": \"startup-%03zu\",\n"
                            "  \"kind\": \"notifier\",\n  \"library\": \"%s\",\n  \"order\": %zu,\n"
                            "  \"threading\": \"concurrent\"\n}\n",
                            i, libs[i], i);
        bench_write_file(manifest, text);
        free(text);
        free(manifest);
    }

    /* The files just written (and whatever ran before) are still being
     * written back: let that finish so it does not land in the rounds. */
    sync();
    /* Warm-up: page cache, allocator. */
    run_bare(libs, handles, count);
    run_router(mandir, count);

    for (int round = 0; round < o.rounds; round++) {
        if (round % 2) {
            t_router[round] = run_router(mandir, count);
            t_bare[round] = run_bare(libs, handles, count);
        } else {
            t_bare[round] = run_bare(libs, handles, count);
            t_router[round] = run_router(mandir, count);
        }
    }
    m_router = bench_median(t_router, (size_t)o.rounds);
    m_bare = bench_median(t_bare, (size_t)o.rounds);
    ratio = m_router / m_bare;

    printf("startup: %zu plugins, median of %d rounds%s\n", count, o.rounds, o.quick ? " (quick mode)" : "");
    printf("  %-32s %9s %11s %8s  %s\n", "variant", "ms", "us/plugin", "ratio", "target");
    printf("  %-32s %9.2f %11.1f %8.2f\n", "bare dlopen+dlsym+dlclose loop", m_bare / 1e6,
           m_bare / 1e3 / (double)count, 1.0);
    snprintf(target, sizeof target, "< %.1fx bare", STARTUP_TARGET_RATIO);
    printf("  %-32s %9.2f %11.1f %8.2f  %-14s %s\n", "nr_router_new + nr_router_free", m_router / 1e6,
           m_router / 1e3 / (double)count, ratio, target, bench_verdict(ratio < STARTUP_TARGET_RATIO));

    for (size_t i = 0; i < count; i++)
        free(libs[i]);
    free(libs);
    free(handles);
    free(t_router);
    free(t_bare);
    free(built);
    free(libdir);
    free(mandir);
    return 0;
}
