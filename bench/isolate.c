/*
 * bench/isolate.c - what isolation ("isolation": "process") costs.
 *
 * Times add+cancel pairs (no store) through four routers over the trivial
 * provider: without notifier, with the trivial notifier in process, with
 * the same notifier isolated in netrouter-plugin-host, and with the
 * provider itself isolated (no notifier).  The notifier
 * takes a context, so an add+cancel pair makes two PRE+POST pairs; the cost
 * of one PRE+POST pair is (router with the notifier - router without) / 2.
 * Printed for both, with their ratio, and the isolated provider's
 * add+cancel pair against the same in process.  Target (informational, see
 * bench/README.md): under 20 us per isolated PRE+POST pair.  Variants are
 * interleaved round by round and the median of the rounds is reported.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

#define TARGET_US 20.0
#define NV 4 /* the routers compared */

static void fail_op(const char *what, DWORD rc)
{
    char text[512] = "";
    nr_get_last_error(NULL, text, sizeof text, NULL, 0);
    bench_die("%s: error %u: %s (%s)", what, (unsigned)rc, nr_strerror(rc), text);
}

/* ns per add+cancel pair. */
static double run(nr_router *r, long iterations)
{
    NETRESOURCE res = { .dwType = RESOURCETYPE_DISK, .lpRemoteName = (char *)"bench:share" };
    uint64_t t0 = bench_now_ns();
    for (long i = 0; i < iterations; i++) {
        DWORD rc = nr_add_connection(r, NULL, &res, NULL, NULL, 0);
        if (rc != WN_SUCCESS)
            fail_op("nr_add_connection", rc);
        rc = nr_cancel_connection(r, "bench:share", 0, FALSE);
        if (rc != WN_SUCCESS)
            fail_op("nr_cancel_connection", rc);
    }
    return (double)(bench_now_ns() - t0) / (double)iterations;
}

/* ns per round trip of a 16-byte message between this process and an echoing
 * child over a SOCK_SEQPACKET socketpair: the floor under any isolated call
 * on this machine (a PRE+POST pair is two of them). */
static double socket_floor(long iterations)
{
    int sv[2];
    char b[64] = "";
    pid_t pid;
    uint64_t t0;
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0 || (pid = fork()) < 0)
        bench_die("socketpair/fork failed");
    if (pid == 0) {
        close(sv[0]);
        while (recv(sv[1], b, sizeof b, 0) > 0)
            if (send(sv[1], b, 16, 0) != 16)
                break;
        _exit(0);
    }
    close(sv[1]);
    t0 = bench_now_ns();
    for (long i = 0; i < iterations; i++)
        if (send(sv[0], b, 16, 0) != 16 || recv(sv[0], b, sizeof b, 0) <= 0)
            bench_die("socket round trip failed");
    t0 = bench_now_ns() - t0;
    close(sv[0]);
    waitpid(pid, NULL, 0);
    return (double)t0 / (double)iterations;
}

static void manifest(const char *dir, const char *name, const char *kind, const char *so, const char *extra)
{
    char *lib = bench_printf("%s/%s.so", dir, name), *path = bench_printf("%s/%s.json", dir, name);
    char *text = bench_printf("{\n  \"manifest_version\": 1,\n  \"name\": \"%s\",\n  \"kind\": \"%s\",\n"
                              "  \"library\": \"%s\",\n%s  \"threading\": \"concurrent\"\n}\n",
                              name, kind, lib, extra);
    bench_copy_file(so, lib, 0755);
    bench_write_file(path, text);
    free(lib);
    free(path);
    free(text);
}

int main(int argc, char **argv)
{
    bench_opts o = { 0 };
    const char *iso = "  \"isolation\": \"process\",\n";
    const char *isolations[NV] = { NULL, "", iso, NULL };
    const char *titles[NV] = { "no notifier", "notifier in process", "notifier isolated", "provider isolated" };
    nr_router *r[NV];
    double *s[NV], m[NV], in_us, iso_us, *sf, floor_us;
    char *provider_so, *notifier_so;

    bench_parse_args(argc, argv, &o, "Times an isolated notifier's PRE+POST pairs against the same notifier in process.");
    if (!o.rounds)
        o.rounds = o.quick ? 5 : 21;
    if (!o.iterations)
        o.iterations = o.quick ? 2000 : 20000;
    setenv("NETROUTER_PLUGIN_HOST", BENCH_PLUGIN_HOST, 0); /* the build tree's, unless told otherwise */
    bench_workdir(&o);
    provider_so = bench_plugin(&o, "provider");
    notifier_so = bench_plugin(&o, "notifier");
    for (int v = 0; v < NV; v++) {
        char *dir = bench_mkdir(bench_printf("variant-%d", v));
        manifest(dir, "bench-provider", "provider", provider_so, v == 3 ? iso : "");
        if (isolations[v])
            manifest(dir, "bench-notifier", "notifier", notifier_so, isolations[v]);
        r[v] = bench_router(dir, isolations[v] ? 2 : 1);
        if (!(s[v] = calloc((size_t)o.rounds, sizeof(double))))
            bench_die("out of memory");
        run(r[v], o.iterations / 10 + 1);
    }
    if (!(sf = calloc((size_t)o.rounds, sizeof(double))))
        bench_die("out of memory");
    for (int round = 0; round < o.rounds; round++) {
        for (int v = 0; v < NV; v++)
            s[v][round] = run(r[v], v >= 2 ? o.iterations / 10 + 1 : o.iterations);
        sf[round] = socket_floor(o.iterations / 10 + 1);
    }
    floor_us = bench_median(sf, (size_t)o.rounds) / 1000.0;
    free(sf);
    printf("isolation: add+cancel pairs through the router (median of %d rounds)\n", o.rounds);
    printf("  %-22s %12s\n", "router", "ns/pair");
    for (int v = 0; v < NV; v++) {
        m[v] = bench_median(s[v], (size_t)o.rounds);
        printf("  %-22s %12.1f\n", titles[v], m[v]);
    }
    in_us = (m[1] - m[0]) / 2 / 1000.0;
    iso_us = (m[2] - m[0]) / 2 / 1000.0;
    printf("  one PRE+POST pair: in process %.3f us, isolated %.2f us, ratio %.0fx; target < %.0f us  %s\n",
           in_us, iso_us, in_us > 0 ? iso_us / in_us : 0.0, TARGET_US, bench_verdict(iso_us < TARGET_US));
    printf("  one add+cancel pair through the provider: in process %.3f us, isolated %.2f us, ratio %.0fx\n",
           m[0] / 1000.0, m[3] / 1000.0, m[3] / m[0]);
    printf("  (floor on this machine: one socketpair round trip between two processes %.2f us, so a pair's floor is "
           "%.2f us)\n", floor_us, 2 * floor_us);
    for (int v = 0; v < NV; v++) {
        nr_router_free(r[v]);
        free(s[v]);
    }
    free(provider_so);
    free(notifier_so);
    return 0;
}
