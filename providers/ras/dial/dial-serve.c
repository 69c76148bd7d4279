/*
 * dial-serve.c - a connected link, from RASCS_Connected to its end: IPv4
 * datagrams both ways between the entry's TUN interface and PPP, the
 * counters published for RasGetConnectionStatistics (dial-stats.c), and
 * the polite LCP close at hang-up.
 *
 * Nothing is announced from here (nothing is after RASCS_Connected,
 * docs/design.md section 5): the end of the link is returned, with its
 * reason, for the worker to record.
 */
#include "config.h"

#include <errno.h>
#include <unistd.h>

#include "clock.h"
#include "dial.h"

/* How long a polite LCP termination may take at hang-up. */
#define TERMINATE_MS 3000

/* A datagram from the server: to the kernel. */
static void to_kernel(void *ctx, const uint8_t *pkt, size_t len)
{
    nr_dial *d = ctx;
    if (write(d->tun_fd, pkt, len) < 0) {
        /* the interface is full or gone: a dropped datagram, as on a wire */
    }
}

/* Datagrams the kernel routes to the server: IPv4 only (IPCP is all that
 * was negotiated), the rest is dropped. */
static void from_kernel(nr_dial *d)
{
    uint8_t pkt[2048];
    ssize_t n;
    while ((n = read(d->tun_fd, pkt, sizeof pkt)) > 0)
        if ((pkt[0] >> 4) == 4)
            nr_ppp_link_send_ip(d->link, pkt, (size_t)n);
}

/* LCP Terminate-Request, and the answer waited for, at most TERMINATE_MS. */
static void close_politely(nr_dial *d)
{
    uint64_t until = nr_clock_ms() + TERMINATE_MS;
    nr_ppp_link_close(d->link);
    while (nr_ppp_link_phase(d->link) != NR_PPP_PHASE_DEAD && nr_clock_ms() < until)
        if (nr_ppp_link_step(d->link, -1, 100) < 0)
            break;
}

DWORD nr_dial_ppp_serve(nr_dial *d, nr_error *why)
{
    nr_error_clear(why);
    d->ppp_stop = true; /* connected: link events no longer change the state */
    if (d->tun_fd >= 0)
        nr_ppp_link_set_ip_handler(d->link, to_kernel, d);
    for (;;) {
        bool from_tun = false;
        int phase;
        nr_dial_stats_publish(d, NULL);
        phase = nr_ppp_link_step_with(d->link, d->cancel_fd, d->tun_fd, -1, &from_tun);
        if (phase == -ECANCELED) { /* hang-up */
            close_politely(d);
            return 0;
        }
        if (from_tun)
            from_kernel(d);
        if (phase < 0 || phase == NR_PPP_PHASE_DEAD) {
            const char *text;
            unsigned err = nr_ppp_link_error(d->link, &text);
            return err ? nr_error_set(why, err, 0, "%s", text)
                       : nr_error_set(why, ERROR_DISCONNECTION, 0, "The link went down.");
        }
    }
}
