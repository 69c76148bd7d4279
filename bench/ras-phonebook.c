/*
 * bench/ras-phonebook.c - how loading a phonebook grows with its size:
 * nr_pb_load (open, read, parse, validate every entry, check the names are
 * unique, build the entries) on generated phonebooks of 10,000, 20,000 and
 * 100,000 entries (tests/ras/pb-gen.c: entries of about 120 bytes, as an
 * access-number list would have them).  Prints the median time of each size, the time per entry, and the
 * ratio of each time to the 10,000-entry one next to the ratio of the
 * sizes: a linear loader keeps them equal (2 and 10), a quadratic one
 * squares them (4 and 100).  Targets: 100,000 entries in under 1 s, and
 * the 100,000 / 10,000 ratio under 20 (caches make an entry of a large
 * phonebook a little dearer than one of a small: 11 to 14 is usual).
 *
 * Owns its work directory (the generated files) and nothing else.  Exit
 * status 0 unless it cannot run; timings are not pass/fail.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "bench.h"
#include "pb-gen.h"
#include "phonebook.h"

static const size_t sizes[] = { 10000, 20000, 100000 };
#define NSIZES (sizeof sizes / sizeof sizes[0])

/* One timed load of path, in milliseconds; checks it found every entry. */
static double load_ms(const char *path, size_t n)
{
    nr_phonebook *pb = NULL;
    nr_pb_error err;
    uint64_t t0 = bench_now_ns();
    DWORD rc = nr_pb_load(path, &pb, &err);
    double ms = (double)(bench_now_ns() - t0) / 1e6;
    if (rc != 0)
        bench_die("%s: %s: %s", path, err.field, err.err.detail);
    if (pb->n != n || !nr_pb_find(pb, pb_gen_name(n - 1)))
        bench_die("%s: %zu entries loaded, %zu written", path, pb->n, n);
    nr_pb_free(pb);
    return ms;
}

int main(int argc, char **argv)
{
    bench_opts o = { 0 };
    char *paths[NSIZES];
    double med[NSIZES];
    int rounds;

    bench_parse_args(argc, argv, &o, "Times loading generated RAS phonebooks of 10k, 20k and 100k entries.");
    rounds = o.rounds > 0 ? o.rounds : o.quick ? 3 : 7;
    bench_workdir(&o);
    for (size_t i = 0; i < NSIZES; i++) {
        paths[i] = bench_printf("%s/phonebook-%zu.json", bench_workdir(&o), sizes[i]);
        if (!pb_gen_write(paths[i], sizes[i], (size_t)-1))
            bench_die("cannot write %s", paths[i]);
        load_ms(paths[i], sizes[i]); /* warm-up: the file in the page cache, the allocator grown */
    }
    /* Sizes interleaved round by round, so that a slower moment of the
     * machine hits them alike. */
    double *t = calloc(NSIZES * (size_t)rounds, sizeof *t);
    if (!t)
        bench_die("out of memory");
    for (int r = 0; r < rounds; r++)
        for (size_t i = 0; i < NSIZES; i++)
            t[i * (size_t)rounds + (size_t)r] = load_ms(paths[i], sizes[i]);
    for (size_t i = 0; i < NSIZES; i++)
        med[i] = bench_median(&t[i * (size_t)rounds], (size_t)rounds);

    printf("ras-phonebook: nr_pb_load, median of %d rounds\n", rounds);
    printf("  %8s %10s %10s %12s %12s\n", "entries", "ms", "us/entry", "time ratio", "size ratio");
    for (size_t i = 0; i < NSIZES; i++)
        printf("  %8zu %10.1f %10.2f %12.2f %12.2f\n", sizes[i], med[i], med[i] * 1000.0 / (double)sizes[i],
               med[i] / med[0], (double)sizes[i] / (double)sizes[0]);
    printf("  100k entries in %.0f ms: target < 1000 ms: %s\n", med[NSIZES - 1],
           bench_verdict(med[NSIZES - 1] < 1000.0));
    printf("  100k / 10k time ratio %.1f (linear 10, quadratic 100): target < 20: %s\n", med[NSIZES - 1] / med[0],
           bench_verdict(med[NSIZES - 1] / med[0] < 20.0));
    free(t);
    for (size_t i = 0; i < NSIZES; i++)
        free(paths[i]);
    return 0;
}
