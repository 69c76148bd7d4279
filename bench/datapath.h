/*
 * bench/datapath.h - the data path of a connected RAS link, set up for
 * bench/ras-datapath: a pseudo-terminal pair with one end of the link on
 * each side, optionally a TUN interface in a private network namespace, and
 * one thread per side that moves a given number of IPv4 packets through it,
 * either framed by our PPP layer (two nr_ppp_link negotiated with each
 * other) or copied raw (the same bytes, the same pattern of system calls,
 * no framing).
 *
 *   ours  the pty's slave end, as a modem's tty: the link that netrouter
 *         runs, and the TUN interface when there is one (what the dial
 *         engine's serve loop does: providers/ras/dial/dial-ppp.c)
 *   peer  the pty's master end: the far end of the line (the server), and,
 *         with TUN, the application whose UDP datagrams cross the link
 *
 * Owns the descriptors, links and threads it makes; one run at a time,
 * started from one thread.  Every failure to set up or to deliver is fatal
 * (bench_die), except what dp_net_open reports as skipped.
 */
#ifndef NR_BENCH_DATAPATH_H
#define NR_BENCH_DATAPATH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { DP_RAW, DP_PPP };        /* how the bytes cross the pty */
enum { DP_OUT, DP_IN };         /* out: ours -> peer; in: peer -> ours */

typedef struct dp_spec {
    int mode;                   /* DP_RAW or DP_PPP */
    int dir;                    /* DP_OUT or DP_IN */
    bool tun;                   /* through the TUN interface and the kernel's UDP */
    size_t size;                /* octets per IPv4 packet, 64 to 1500 */
    size_t count;               /* packets */
} dp_spec;

typedef struct dp_result {
    uint64_t wall_ns;           /* first packet sent to last received */
    uint64_t ours_cpu_ns;       /* CPU time of our side's thread */
    uint64_t peer_cpu_ns;       /* CPU time of the peer's thread */
    uint64_t kernel_ns;         /* CPU time of the kernel's worker threads (bench_kernel_workers_ns) */
    uint64_t wire_octets;       /* octets written to the pty, both ways */
} dp_result;

typedef struct dp dp;

/* The pty pair (raw mode) and the two links, negotiated with each other
 * until both are Open: ours gets 10.0.2.15, the peer is 10.0.2.2. */
dp *dp_new(void);
/* Enters a private network namespace and opens the TUN interface on our
 * side, with the addresses and MRU the links negotiated, and the
 * application's UDP sockets.  false when it cannot (not root, no
 * /dev/net/tun), with the reason in why: then runs must not ask for TUN. */
bool dp_net_open(dp *d, char *why, size_t why_size);
/* Starts the two threads; call once, after dp_net_open if at all. */
void dp_start(dp *d);
/* Moves spec->count packets and measures it. */
void dp_run(dp *d, const dp_spec *spec, dp_result *out);
/* CPU time of one send(MSG_NOSIGNAL) on our pty, which fails with ENOTSOCK:
 * what nr_write_all() (router/common/files.c) would spend before each
 * write() of a frame to a tty, and the link no longer does
 * (nr_write_all_kind).  Call between runs. */
double dp_failed_send_ns(dp *d);
/* One sentence on what was negotiated and where TUN is, for the report. */
const char *dp_describe(const dp *d);
/* Stops the threads, frees the links, closes everything. */
void dp_free(dp *d);

#endif /* NR_BENCH_DATAPATH_H */
