/*
 * bench/ras-hdlc.c - what RFC 1662 framing costs one core: the PPP layer's
 * HDLC encoder (nr_hdlc_encode) and streaming decoder (nr_hdlc_rx_feed)
 * alone, with no descriptor, pseudo-terminal or TUN around them.
 *
 * For IPv4 packets (protocol 0x0021) of 64, 576 and 1500 octets of
 * pseudo-random content (like compressed or encrypted traffic: every octet
 * value as likely), and for the default ACCM (0xffffffff, every control
 * character escaped: the worst case, about one octet in eight grows to two)
 * and ACCM 0 (only 0x7e and 0x7d escaped), it times, interleaved round by
 * round:
 *
 *   encode  nr_hdlc_encode of each packet of a batch into one wire buffer
 *   decode  that wire stream fed to a decoder (same ACCM) in 4096-octet
 *           reads, as from a tty, each frame handed to a callback
 *
 * against two baselines over the same bytes, in the same pattern of calls:
 *
 *   memcpy  each packet copied into a scratch buffer (encode side), or the
 *           wire stream copied in the same 4096-octet reads (decode side)
 *   scan    a byte loop that only counts the flag and escape octets (0x7e,
 *           0x7d) of the packets (encode side) or of the wire stream
 *           (decode side): the least a framer must look at
 *
 * and the FCS-16 alone over the packets (nr_hdlc_fcs16, eight octets a
 * step: both sides compute it over the same octets, so it is a share of
 * both that no change to escaping removes).  Times are the CPU time of the thread
 * (bench_cpu_ns), so what is measured is one core's work even on a busy
 * machine.  It prints, per variant, the median ns per frame, the throughput
 * of information octets (the IP packets, whatever octets a variant reads) in
 * MB/s and Gbit/s, the time ratios to the two baselines of its side, and
 * whether one core frames at least 1 Gbit/s of IP packets (issue 9's target)
 * in every case, for encode and for decode.  Every decoded frame is checked
 * once against what was encoded, and every timed decode must deliver the
 * whole batch.
 *
 * Owns nothing outside its own memory.  Exit status 0 unless it cannot run;
 * timings are not pass/fail.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "hdlc.h"
#include "ppp-packet.h"

static const size_t sizes[] = { 64, 576, 1500 };
#define NSIZES (sizeof sizes / sizeof sizes[0])
static const uint32_t accms[] = { NR_HDLC_ACCM_ALL, 0 };
#define NACCMS (sizeof accms / sizeof accms[0])

#define BATCH_OCTETS (96 * 1024) /* information octets per batch: fits L2 */
#define READ_SIZE 4096           /* decoder input per nr_hdlc_rx_feed, like a tty read */
#define TARGET_GBITS 1.0

/* Each side's two baselines follow it (the ratios are to those), then the
 * FCS-16 alone, which both sides compute over the same octets. */
enum { V_ENC, V_ENC_MEMCPY, V_ENC_SCAN, V_DEC, V_DEC_MEMCPY, V_DEC_SCAN, V_FCS, NVARIANTS };
static const char *const variant_names[NVARIANTS] = {
    "encode", "  memcpy (packets)", "  scan (packets)", "decode", "  memcpy (wire)", "  scan (wire)",
    "FCS-16 alone",
};

/* One (size, ACCM) case: the packets, their encoding, and the decoder. */
typedef struct hcase {
    size_t size;          /* information octets per packet */
    uint32_t accm;
    size_t npkts;         /* packets per batch */
    uint8_t *pkts;        /* npkts * size octets */
    uint8_t *wire;        /* the encoded batch */
    size_t wire_len;
    size_t wire_size;
    uint8_t *copy;        /* where the memcpy baselines copy to */
    nr_hdlc_rx rx;
    /* the decoder's callback */
    size_t got_frames;
    size_t got_octets;
    bool verify;          /* compare each frame with the packet it came from */
    double *t;            /* NVARIANTS * rounds timings, ns per batch */
} hcase;

static volatile size_t sink; /* keeps the scans from being optimised away */

static void on_frame(void *ctx, uint16_t protocol, const uint8_t *info, size_t len)
{
    hcase *c = ctx;
    if (c->verify) {
        if (protocol != NR_PPP_PROTO_IP || len != c->size || c->got_frames >= c->npkts ||
            memcmp(info, c->pkts + c->got_frames * c->size, len) != 0)
            bench_die("decode of %zu-octet packets, ACCM %#x: frame %zu differs from what was encoded", c->size,
                      (unsigned)c->accm, c->got_frames);
    }
    c->got_frames++;
    c->got_octets += len;
}

static size_t scan(const uint8_t *p, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += p[i] == NR_HDLC_FLAG || p[i] == NR_HDLC_ESCAPE;
    return k;
}

/* ---- the seven variants: one batch each ------------------------------------------------------ */

static void run_encode(hcase *c)
{
    nr_hdlc_tx_opts tx = NR_HDLC_TX_DEFAULTS;
    size_t off = 0, n;
    tx.accm = c->accm;
    for (size_t i = 0; i < c->npkts; i++) {
        if (nr_hdlc_encode(&tx, NR_PPP_PROTO_IP, c->pkts + i * c->size, c->size, c->wire + off,
                           c->wire_size - off, &n) != 0)
            bench_die("nr_hdlc_encode failed");
        off += n;
    }
    c->wire_len = off;
}

static void run_enc_memcpy(hcase *c)
{
    for (size_t i = 0; i < c->npkts; i++)
        memcpy(c->copy + i * c->size, c->pkts + i * c->size, c->size);
}

static void run_enc_scan(hcase *c)
{
    size_t k = 0;
    for (size_t i = 0; i < c->npkts; i++)
        k += scan(c->pkts + i * c->size, c->size);
    sink = k;
}

static void run_decode(hcase *c)
{
    c->got_frames = c->got_octets = 0;
    for (size_t off = 0; off < c->wire_len; off += READ_SIZE)
        nr_hdlc_rx_feed(&c->rx, c->wire + off, c->wire_len - off < READ_SIZE ? c->wire_len - off : READ_SIZE);
    if (c->got_frames != c->npkts || c->got_octets != c->npkts * c->size)
        bench_die("decode of %zu-octet packets, ACCM %#x: %zu frames, %zu expected", c->size, (unsigned)c->accm,
                  c->got_frames, c->npkts);
}

static void run_dec_memcpy(hcase *c)
{
    for (size_t off = 0; off < c->wire_len; off += READ_SIZE)
        memcpy(c->copy + off, c->wire + off, c->wire_len - off < READ_SIZE ? c->wire_len - off : READ_SIZE);
}

static void run_dec_scan(hcase *c)
{
    size_t k = 0;
    for (size_t off = 0; off < c->wire_len; off += READ_SIZE)
        k += scan(c->wire + off, c->wire_len - off < READ_SIZE ? c->wire_len - off : READ_SIZE);
    sink = k;
}

static void run_fcs(hcase *c)
{
    size_t k = 0;
    for (size_t i = 0; i < c->npkts; i++)
        k += nr_hdlc_fcs16(NR_HDLC_FCS_INIT, c->pkts + i * c->size, c->size);
    sink = k;
}

static void (*const run[NVARIANTS])(hcase *) = {
    run_encode, run_enc_memcpy, run_enc_scan, run_decode, run_dec_memcpy, run_dec_scan, run_fcs,
};

/* ---- set-up and timing ---------------------------------------------------------------------- */

static void case_init(hcase *c, size_t size, uint32_t accm, int rounds)
{
    memset(c, 0, sizeof *c);
    c->size = size;
    c->accm = accm;
    c->npkts = BATCH_OCTETS / size;
    c->pkts = malloc(c->npkts * size);
    c->wire_size = c->npkts * NR_HDLC_ENCODE_BOUND(size);
    c->wire = malloc(c->wire_size);
    c->copy = malloc(c->wire_size);
    c->t = calloc(NVARIANTS * (size_t)rounds, sizeof *c->t);
    if (!c->pkts || !c->wire || !c->copy || !c->t)
        bench_die("out of memory");
    for (size_t i = 0; i < c->npkts * size; i++)
        c->pkts[i] = (uint8_t)(random() >> 23);
    if (nr_hdlc_rx_init(&c->rx, NR_HDLC_DEFAULT_MRU, on_frame, c) != 0)
        bench_die("nr_hdlc_rx_init failed");
    nr_hdlc_rx_set_accm(&c->rx, accm);
    /* Warm-up, and the one check of the content: the wire must decode to
     * exactly the packets. */
    run_encode(c);
    c->verify = true;
    run_decode(c);
    c->verify = false;
    for (int v = 0; v < NVARIANTS; v++)
        run[v](c);
}

static void case_free(hcase *c)
{
    nr_hdlc_rx_free(&c->rx);
    free(c->pkts);
    free(c->wire);
    free(c->copy);
    free(c->t);
}

/* Batches of one variant per timing: enough for a few milliseconds. */
static double time_batches(hcase *c, int v, int reps)
{
    uint64_t t0 = bench_cpu_ns();
    for (int i = 0; i < reps; i++)
        run[v](c);
    return (double)(bench_cpu_ns() - t0) / reps;
}

static double gbits(const hcase *c, double ns_per_batch)
{
    return (double)(c->npkts * c->size) * 8.0 / ns_per_batch;
}

int main(int argc, char **argv)
{
    bench_opts o = { 0 };
    hcase cases[NSIZES * NACCMS];
    double med[NSIZES * NACCMS][NVARIANTS];
    double worst[2] = { 1e30, 1e30 };
    const hcase *worst_case[2] = { NULL, NULL };
    int rounds, reps;

    bench_parse_args(argc, argv, &o,
                     "Times the HDLC encoder and decoder of the RAS PPP layer against memcpy and a byte scan.\n"
                     "  (--iterations N: batches of 96 KiB per timing, default 16, 4 with --quick)");
    rounds = o.rounds > 0 ? o.rounds : o.quick ? 5 : 21;
    srandom(1); /* the same packets every run */
    /* a batch is 96 KiB of information; about 0.1-1 ms a batch */
    reps = o.iterations > 0 ? (int)o.iterations : o.quick ? 4 : 16;
    for (size_t s = 0; s < NSIZES; s++)
        for (size_t a = 0; a < NACCMS; a++)
            case_init(&cases[s * NACCMS + a], sizes[s], accms[a], rounds);

    /* Cases and variants interleaved round by round, so that a slower
     * moment of the machine hits them alike. */
    for (int r = 0; r < rounds; r++)
        for (size_t i = 0; i < NSIZES * NACCMS; i++)
            for (int v = 0; v < NVARIANTS; v++)
                cases[i].t[v * rounds + r] = time_batches(&cases[i], v, reps);

    printf("ras-hdlc: RFC 1662 framing, CPU time of one core, %d KiB of IPv4 packets a batch, median of %d rounds of %d "
           "batches\n",
           BATCH_OCTETS / 1024, rounds, reps);
    for (size_t i = 0; i < NSIZES * NACCMS; i++) {
        hcase *c = &cases[i];
        for (int v = 0; v < NVARIANTS; v++)
            med[i][v] = bench_median(&c->t[v * rounds], (size_t)rounds);
        printf("\n  %zu-octet packets, ACCM 0x%08x: %zu frames a batch, %.3f wire octets per information octet\n",
               c->size, (unsigned)c->accm, c->npkts, (double)c->wire_len / (double)(c->npkts * c->size));
        printf("  %-20s %10s %10s %8s %10s %8s  %s\n", "", "ns/frame", "MB/s", "Gbit/s", "x memcpy", "x scan",
               ">= 1 Gbit/s");
        for (int v = 0; v < NVARIANTS; v++) {
            int base = v < V_DEC ? V_ENC : V_DEC;
            double g = gbits(c, med[i][v]);
            printf("  %-20s %10.1f %10.1f %8.2f", variant_names[v], med[i][v] / (double)c->npkts, g * 1000.0 / 8.0,
                   g);
            if (v == V_FCS)
                printf("  %.0f %% of encode, %.0f %% of decode", 100.0 * med[i][v] / med[i][V_ENC],
                       100.0 * med[i][v] / med[i][V_DEC]);
            else
                printf(" %10.2f %8.2f", med[i][v] / med[i][base + 1], med[i][v] / med[i][base + 2]);
            if (v == V_ENC || v == V_DEC) {
                int w = v == V_ENC ? 0 : 1;
                printf("  %s", bench_verdict(g >= TARGET_GBITS));
                if (g < worst[w]) {
                    worst[w] = g;
                    worst_case[w] = c;
                }
            }
            putchar('\n');
        }
    }
    printf("\n");
    for (int w = 0; w < 2; w++)
        printf("  one core %ss at least %.0f Gbit/s: slowest %.2f Gbit/s (%zu-octet packets, ACCM %#x): %s\n",
               w == 0 ? "encode" : "decode", TARGET_GBITS, worst[w], worst_case[w]->size,
               (unsigned)worst_case[w]->accm, bench_verdict(worst[w] >= TARGET_GBITS));
    for (size_t i = 0; i < NSIZES * NACCMS; i++)
        case_free(&cases[i]);
    return 0;
}
