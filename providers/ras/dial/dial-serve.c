/*
 * dial-serve.c - a connected link, from RASCS_Connected to its end: IPv4
 * datagrams both ways between the entry's TUN interface and PPP, the
 * counters published for RasGetConnectionStatistics (dial-stats.c), the
 * entry's idle timeout, the modem's carrier where the line has one, and
 * the polite LCP close at hang-up or idle timeout.
 *
 * Nothing is announced from here (nothing is after RASCS_Connected,
 * docs/design.md section 5): the end of the link is returned, with its
 * reason, for the worker to record and, when the entry says so, to redial
 * (dial-reconnect.c).  The idle timeout reads the link's own times (its
 * Open and its last IP datagram: LCP echoes and the rest of PPP's traffic
 * do not count), which RasClearConnectionStatistics does not touch.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "clock.h"
#include "dial.h"

/* How long a polite LCP termination may take at hang-up. */
#define TERMINATE_MS 3000
/* How often the carrier (DCD) of a line that has one is looked at. */
#define CARRIER_CHECK_MS 1000

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

/* The modem's Data Carrier Detect: 1 on, 0 off, -1 unknown (a line with
 * no modem-control lines, such as a pseudo-terminal).  The port is opened
 * with CLOCAL (modems that hold DCD low must still be dialable), so the
 * kernel never hangs the line up on its own when the carrier goes. */
static int carrier(const nr_dial *d)
{
    int bits;
    if (ioctl(nr_modem_fd(d->modem), TIOCMGET, &bits) != 0)
        return -1;
    return (bits & TIOCM_CD) != 0;
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

/* How long the Open link s may stay idle before the entry's
 * idle_disconnect_s is reached (0: reached), or -1 without one.  Idle
 * counts from the later of the link's Open and its last IP datagram. */
static int64_t idle_left_ms(const nr_dial *d, const nr_ppp_link_stats *s)
{
    uint64_t limit = (uint64_t)d->entry->idle_disconnect_s * 1000u, since, until;
    if (!limit || !s->opened_ms)
        return -1;
    since = s->last_ip_ms > s->opened_ms ? s->last_ip_ms : s->opened_ms;
    until = since + limit;
    return until > s->now_ms ? (int64_t)(until - s->now_ms) : 0;
}

/* The step's longest wait: until the idle limit or the next look at the
 * carrier, whichever comes first (-1: only the link's own timers). */
static int step_wait(int64_t idle_left, bool watch_carrier)
{
    int64_t wait = idle_left;
    if (watch_carrier && (wait < 0 || wait > CARRIER_CHECK_MS))
        wait = CARRIER_CHECK_MS;
    return wait > INT_MAX ? INT_MAX : (int)wait;
}

DWORD nr_dial_ppp_serve(nr_dial *d, nr_error *why)
{
    /* Only a line whose DCD was up once connected is watched: modems wired
     * without it (or set to hold it low) would otherwise never stay up. */
    bool watch_carrier = carrier(d) == 1;
    uint64_t next_carrier_check = 0;
    nr_error_clear(why);
    d->ppp_stop = true; /* connected: link events no longer change the state */
    if (d->tun_fd >= 0)
        nr_ppp_link_set_ip_handler(d->link, to_kernel, d);
    for (;;) {
        nr_ppp_link_stats s;
        bool from_tun = false, open = nr_ppp_link_phase(d->link) == NR_PPP_PHASE_OPEN;
        int64_t idle_left;
        int phase;
        nr_dial_stats_publish(d, &s);
        idle_left = open ? idle_left_ms(d, &s) : -1;
        if (idle_left == 0) {
            close_politely(d);
            return nr_error_set(why, ERROR_IDLE_TIMEOUT, 0,
                                "The link was hung up after no IP traffic for %u s (idle_disconnect_s).",
                                d->entry->idle_disconnect_s);
        }
        phase = nr_ppp_link_step_with(d->link, d->cancel_fd, d->tun_fd, step_wait(idle_left, watch_carrier),
                                      &from_tun);
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
        if (watch_carrier && nr_clock_ms() >= next_carrier_check) {
            next_carrier_check = nr_clock_ms() + CARRIER_CHECK_MS;
            if (carrier(d) == 0)
                return nr_error_set(why, ERROR_PORT_DISCONNECTED, 0, "The modem on %s lost the carrier (DCD dropped).",
                                    nr_modem_device(d->modem));
        }
    }
}
