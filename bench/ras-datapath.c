/*
 * bench/ras-datapath.c - what the data path of a connected RAS link costs:
 * IPv4 packets through a pseudo-terminal pair, framed by our user-space PPP
 * (providers/ras/ppp: hdlc + ppp-link, two links negotiated with each
 * other, one per side), against the same bytes copied through the same
 * pseudo-terminal without framing (bench/datapath.h sets both up).
 *
 * For packets of 64 and 1500 octets, in both directions (out: our side to
 * the peer; in: the peer to our side), through the pty alone and through
 * the pty and a TUN interface on our side (in a private network namespace:
 * the application's UDP datagrams are routed into TUN, or delivered from
 * it), it times, interleaved round by round after a warm-up run of each:
 *
 *   raw   one write() per packet, reads of 4096 octets split by the IPv4
 *         Total Length: the same system calls, no framing
 *   PPP   nr_ppp_link_send_ip() per packet, nr_ppp_link_step() per read:
 *         what the dial engine does once connected
 *
 * and prints, per case, the median throughput of IP octets (Mbit/s, wall
 * clock from the first packet sent to the last received) and the median
 * CPU time per IP octet: of our side's thread ("ours": what netrouter
 * spends), of both threads ("both": the framing's whole work, encoding and
 * decoding, against the raw copy's, writing and reading), and of both
 * threads and the kernel's worker threads ("+kern": the pty's buffers are
 * pushed to the other end by a kernel worker, part of the raw copy; but
 * other programs' kernel work lands there too).  Then the ratios PPP / raw
 * and issue 9's target, framing costs less than half the raw copy:
 * (both_PPP - both_raw) / both_raw < 0.5, judged on the threads' CPU time
 * (the same with +kern is printed beside it).  Last, the CPU time of a
 * send() to the tty, which fails (ENOTSOCK): what nr_write_all() would
 * spend before each frame's write(); the link asks once, when it is made,
 * what its line is, and writes a tty with write() alone
 * (nr_write_all_kind).  The HDLC encoder and decoder alone are bench/ras-hdlc's
 * (MB/s per core, against memcpy and a byte scan).
 *
 * Without root or /dev/net/tun it says so and measures the pty alone.
 * Exit status 0 unless it cannot run; timings are not pass/fail.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "datapath.h"

static const size_t sizes[] = { 64, 1500 };
#define NSIZES (sizeof sizes / sizeof sizes[0])
#define TARGET 0.5 /* framing's extra CPU under half the raw copy's */

/* One case: a size, a path, a direction; both variants' timings. */
enum { M_WALL, M_OURS, M_BOTH, M_ALL, M_WIRE, NMETRICS };
static const char *const metric_names[NMETRICS] = { "Mbit/s", "ours ns/B", "both ns/B", "+kern ns/B", "wire/IP" };

typedef struct dcase {
    dp_spec spec;              /* mode set per run */
    double *t[2][NMETRICS];    /* [raw, PPP][metric]: one value per round */
    double med[2][NMETRICS];   /* medians, per IP octet (wall: Mbit/s) */
} dcase;

static void record(dcase *c, int mode, int r, const dp_result *res)
{
    c->t[mode][M_WALL][r] = (double)res->wall_ns;
    c->t[mode][M_OURS][r] = (double)res->ours_cpu_ns;
    c->t[mode][M_BOTH][r] = (double)(res->ours_cpu_ns + res->peer_cpu_ns);
    c->t[mode][M_ALL][r] = (double)(res->ours_cpu_ns + res->peer_cpu_ns + res->kernel_ns);
    c->t[mode][M_WIRE][r] = (double)res->wire_octets;
}

static void medians(dcase *c, int rounds)
{
    double ip = (double)(c->spec.count * c->spec.size);
    for (int m = 0; m < 2; m++) {
        for (int k = 0; k < NMETRICS; k++)
            c->med[m][k] = bench_median(c->t[m][k], (size_t)rounds) / ip;
        c->med[m][M_WALL] = 8.0 * 1000.0 / c->med[m][M_WALL];
    }
}

/* What framing adds to the CPU time of metric k, as a share of the raw copy's. */
static double framing_cost(const dcase *c, int k)
{
    return (c->med[DP_PPP][k] - c->med[DP_RAW][k]) / c->med[DP_RAW][k];
}

static const char *case_name(const dcase *c, char *buf, size_t size)
{
    snprintf(buf, size, "%s %zu octets, %s", c->spec.tun ? "TUN+pty" : "pty", c->spec.size,
             c->spec.dir == DP_OUT ? "out" : "in");
    return buf;
}

static void print_case(const dcase *c)
{
    char name[64];
    for (int m = 0; m < 2; m++) {
        printf("  %-26s %-8s", m ? "" : case_name(c, name, sizeof name), m ? "PPP" : "raw");
        for (int k = 0; k < NMETRICS; k++)
            printf(" %10.*f", k == M_WALL ? 1 : k == M_WIRE ? 3 : 2, c->med[m][k]);
        putchar('\n');
    }
    printf("  %-26s %-8s", "", "PPP/raw");
    for (int k = 0; k < M_WIRE; k++)
        printf(" %10.2f", c->med[DP_PPP][k] / c->med[DP_RAW][k]);
    printf("\n  %-26s framing costs %.2f of the raw copy (both), %.2f (+kern): %s\n", "", framing_cost(c, M_BOTH),
           framing_cost(c, M_ALL), bench_verdict(framing_cost(c, M_BOTH) < TARGET));
}

static size_t packets_for(size_t size, const bench_opts *o)
{
    if (o->iterations > 0)
        return (size_t)o->iterations;
    /* a run is a few tens of milliseconds (quick) or about 0.1 s */
    if (size < 512)
        return o->quick ? 3000 : 12000;
    return o->quick ? 1000 : 4000;
}

int main(int argc, char **argv)
{
    bench_opts o = { 0 };
    dcase cases[NSIZES * 2 * 2];
    size_t ncases = 0;
    char why[300] = "";
    bool tun;
    int rounds;
    dp *d;
    double worst[2] = { 0, 0 }, send_ns;
    const dcase *worst_case[2] = { NULL, NULL };
    char name[64];

    bench_parse_args(argc, argv, &o,
                     "Times IPv4 packets through a pty pair framed by the RAS PPP layer, against a raw copy.\n"
                     "  (--iterations N: packets per run, default 8000 of 64 octets and 4000 of 1500; a quarter "
                     "with --quick)");
    rounds = o.rounds > 0 ? o.rounds : o.quick ? 3 : 11;
    srandom(1);
    d = dp_new();
    tun = dp_net_open(d, why, sizeof why);
    dp_start(d);

    for (size_t s = 0; s < NSIZES; s++)
        for (int path = 0; path < (tun ? 2 : 1); path++)
            for (int dir = DP_OUT; dir <= DP_IN; dir++) {
                dcase *c = &cases[ncases++];
                c->spec = (dp_spec){ .dir = dir, .tun = path == 1, .size = sizes[s], .count = packets_for(sizes[s], &o) };
                for (int m = 0; m < 2; m++)
                    for (int k = 0; k < NMETRICS; k++)
                        if (!(c->t[m][k] = calloc((size_t)rounds, sizeof(double))))
                            bench_die("out of memory");
            }

    /* warm-up, then the rounds: every case and variant in turn */
    for (int r = -1; r < rounds; r++)
        for (size_t i = 0; i < ncases; i++)
            for (int m = DP_RAW; m <= DP_PPP; m++) {
                dp_spec sp = cases[i].spec;
                dp_result res;
                sp.mode = m;
                dp_run(d, &sp, &res);
                if (r >= 0)
                    record(&cases[i], m, r, &res);
            }

    printf("ras-datapath: IPv4 packets through a pty pair, PPP-framed or copied raw; median of %d rounds of\n"
           "  %zu packets of %zu octets or %zu of %zu a run\n",
           rounds, packets_for(sizes[0], &o), sizes[0], packets_for(sizes[1], &o), sizes[1]);
    printf("  %s\n", dp_describe(d));
    if (!tun)
        printf("  TUN SKIPPED: %s\n", why);
    printf("  Mbit/s: IP octets, wall clock from the first packet sent to the last received\n"
           "  ns/B: CPU time per IP octet of: ours, our side's thread (the tty%s);\n"
           "  both, ours and the peer's thread (the far end%s);\n"
           "  +kern, both and the kernel's worker threads (they push the pty's buffers; other programs'\n"
           "  kernel work counts too)\n",
           tun ? " and TUN" : "", tun ? "; with TUN also the application's UDP socket" : "");
    printf("\n  %-26s %-8s", "", "");
    for (int k = 0; k < NMETRICS; k++)
        printf(" %10s", metric_names[k]);
    putchar('\n');
    for (size_t i = 0; i < ncases; i++) {
        medians(&cases[i], rounds);
        print_case(&cases[i]);
        for (int w = 0; w < 2; w++)
            if (!worst_case[w] || framing_cost(&cases[i], w ? M_ALL : M_BOTH) > worst[w]) {
                worst[w] = framing_cost(&cases[i], w ? M_ALL : M_BOTH);
                worst_case[w] = &cases[i];
            }
    }
    printf("\n  framing costs less than half the raw copy (CPU of both ends): worst %.2f (%s): %s\n", worst[0],
           case_name(worst_case[0], name, sizeof name), bench_verdict(worst[0] < TARGET));
    printf("  (with the kernel's workers counted on both sides: worst %.2f, %s)\n", worst[1],
           case_name(worst_case[1], name, sizeof name));
    send_ns = dp_failed_send_ns(d);
    printf("  a link writes its frames to a tty with write() alone (nr_write_all_kind); the send() that\n"
           "  nr_write_all() tries first would fail there (ENOTSOCK) and cost %.0f ns of CPU a frame,\n"
           "  %.2f ns/B at 64 octets, %.2f at 1500\n",
           send_ns, send_ns / 64, send_ns / 1500);
    printf("  the HDLC encoder and decoder alone, MB/s per core: bench/ras-hdlc\n");

    dp_free(d);
    for (size_t i = 0; i < ncases; i++)
        for (int m = 0; m < 2; m++)
            for (int k = 0; k < NMETRICS; k++)
                free(cases[i].t[m][k]);
    return 0;
}
