/*
 * dial.h - the dialing engine behind RasDial: one worker thread per
 * connection walks the RASCONNSTATE sequence (dial-state.c: announcements
 * and pauses; dial-modem.c: the modem phases; dial-ppp.c: the PPP phases),
 * keeps the link up once connected, and releases the port on failure or
 * hang-up (dial.c, the worker).  A connected link is served by
 * dial-serve.c (TUN, idle timeout, carrier) and, when lost, redialed by
 * dial-reconnect.c; dial-stats.c keeps the counters RasGetConnectionStatistics
 * reports.  Files call downwards only: dial.c -> dial-reconnect.c ->
 * dial-ppp.c -> dial-modem.c -> dial-state.c, dial.c -> dial-serve.c, and
 * dial-stats.c is called by them and calls none of them.
 *
 * Rules (docs/design.md section 5): each state is announced once with error 0 on
 * entry; a failure is announced again for the same state with the error;
 * nothing is announced after RASCS_Connected, an error, or RasHangUp.  A
 * synchronous RasDial is the same worker with the caller waiting for it.
 */
#ifndef NR_RAS_DIAL_H
#define NR_RAS_DIAL_H

#include <stdbool.h>
#include <stdint.h>
#include <netrouter/ras.h>

#include "modem.h"
#include "notify.h"
#include "phonebook.h"
#include "ppp-link.h"
#include "rasconn.h"

/* What PPP negotiated (RasGetProjectionInfo). */
typedef struct nr_dial_projection {
    bool ip_done, lcp_done;
    uint32_t our_ip, server_ip, dns1, dns2;      /* host byte order */
    uint16_t auth_protocol;                       /* 0, 0xC023 PAP, 0xC223 CHAP */
    uint8_t auth_algorithm;                       /* CHAP: 0x05 MD5, 0x81 MS-CHAP v2 */
    char reply_message[RAS_MaxReplyMessage];     /* the server's authentication message */
    char interface[16];                          /* the TUN interface carrying the link, "" if none */
} nr_dial_projection;

/* The counters of a connection (dial-stats.c), guarded by conn->lock:
 * the worker publishes the served link's snapshot as it goes, any thread
 * reads or clears them. */
typedef struct nr_dial_stats {
    nr_ppp_link_stats live;     /* the served link's last snapshot (zero when none is served) */
    bool serving;               /* live belongs to the link being served */
    bool live_open;             /* that link is Open: its duration runs on after live.now_ms */
    nr_ppp_link_stats base;     /* live's counters at the last clear, subtracted */
    nr_ppp_link_stats carried;  /* what earlier links of the connection counted since the last clear */
    DWORD bps;                  /* the modem's CONNECT speed, 0 when it gave none */
} nr_dial_stats;

typedef struct nr_dial {
    nr_rasconn *conn;               /* holds a reference */
    nr_phonebook *pb;
    const nr_pb_entry *entry;       /* inside pb */
    RASDIALPARAMS params;           /* the password is wiped once connected, and at the end */
    DWORD options;                  /* RDEOPT_* */
    bool async;
    nr_ras_notifier notifier;       /* async only */
    int cancel_fd;                  /* eventfd, readable once hang-up is asked */
    int tun_fd;                     /* the entry's interface once projected, else -1 */
    nr_modem *modem;
    nr_ppp_link *link;              /* from AllDevicesConnected on */
    nr_dial_projection proj;        /* guarded by conn->lock */
    bool ppp_stop;                  /* worker only: a PPP-phase announcement asked to stop */
    bool called_back;               /* worker only: the server called back; no callback again */
    bool redialing;                 /* worker only: a lost link is being redialed (no pauses) */
    nr_dial_stats stats;            /* guarded by conn->lock */
    /* guarded by conn->lock */
    bool hangup;                    /* RasHangUp was called */
    bool silent;                    /* no more notifications */
    bool finished;                  /* the worker is done and the port released */
    bool paused;                    /* waiting in a RASCS_PAUSED state for RasDial to resume */
    bool resumed;
    unsigned terminal_users;        /* nr_ras_terminal_* calls using the modem in RASCS_Interactive */
    bool terminal_reading;          /* one of them is a read (they share the modem's buffer) */
} nr_dial;

/* Announces entry into state (error 0); false when the dial must stop
 * (hang-up asked, possibly from inside that very notification). */
bool nr_dial_enter(nr_dial *d, RASCONNSTATE state);

/* Records (nr_error_setv into conn->err) and announces a failure in the
 * current state; fmt and what follows make the sentence naming what failed
 * (the device, the lock file and its owner, what the peer said), kept for
 * nr_ras_get_error_detail and recorded before the failure is announced.
 * A lower layer's error is passed on as
 * nr_dial_fail(d, res.err.code, res.err.ext, "%s", res.err.detail).
 * While a lost link is redialed nothing is recorded (nor announced): a
 * failed attempt is not the connection's failure. */
void nr_dial_fail(nr_dial *d, DWORD error, DWORD ext, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* A connected link ended for good with why: RASCS_Disconnected and its
 * error, recorded for RasGetConnectStatus, never announced. */
void nr_dial_lost(nr_dial *d, const nr_error *why);

/* True once RasHangUp was called. */
bool nr_dial_hangup_requested(nr_dial *d);

/* Whether the dial may pause: asynchronous, with RDEOPT_PausedStates, and
 * not a redial (nobody hears of a redial, so nobody could resume it). */
bool nr_dial_may_pause(const nr_dial *d);

/* Sleeps ms unless hang-up is asked first (then false). */
bool nr_dial_sleep(nr_dial *d, unsigned ms);

/* Waits in a paused state (RDEOPT_PausedStates) until RasDial resumes the
 * connection (true) or it is hung up (false). */
bool nr_dial_pause(nr_dial *d, RASCONNSTATE state);

/* True while the dial waits in RASCS_Interactive (the terminal step), the
 * only time the application may use the line; call with conn->lock held. */
bool nr_dial_terminal_open(const nr_dial *d);

/* The UUCP lock directory every dial uses: $NETROUTER_LOCK_DIR, else the
 * modem layer's NR_MODEM_LOCK_DIR. */
const char *nr_dial_lock_dir(void);

/* OpenPort .. AllDevicesConnected (dial-modem.c), with the entry's
 * redials and its terminal step: 0, or the error (announced). */
DWORD nr_dial_modem(nr_dial *d);

/* After the server agreed to call back and the link went down:
 * RASCS_WaitForModemReset, RASCS_WaitForCallback (RING, ATA, CONNECT),
 * then RASCS_ReAuthenticate.  0, or the error (announced). */
DWORD nr_dial_await_callback(nr_dial *d);

/* The PPP part of a phonebook entry (auth, mru, lcp_echo_*, ppp_timeout_ms)
 * on top of nr_ppp_link_config_init's defaults; user and password come from
 * RASDIALPARAMS (dial-ppp.c). */
void nr_dial_ppp_config(nr_ppp_link_config *cfg, const nr_pb_entry *e, const char *user, const char *password);

/* The PPP phases, from RASCS_Authenticate to RASCS_Projected (dial-ppp.c):
 * 0 when projected, else the error (already announced). */
DWORD nr_dial_ppp(nr_dial *d);

/* Keeps the connected link up (dial-serve.c: echo keepalive, peer
 * requests, datagrams to and from the entry's interface, the counters
 * published) until hang-up or the link's end; returns 0 on hang-up, else
 * why the link ended (lost, or ERROR_IDLE_TIMEOUT after the entry's
 * idle_disconnect_s without IP traffic), with *why filled (code, ext,
 * detail) for the worker to record: nothing is announced after
 * RASCS_Connected. */
DWORD nr_dial_ppp_serve(nr_dial *d, nr_error *why);

/* ---- after a loss (dial-reconnect.c) ---- */

/* Releases what the dial holds of the line: the PPP link (its counters
 * join the connection's), the TUN interface, the modem (DTR dropped,
 * termios restored, UUCP lock removed).  Worker only; idempotent. */
void nr_dial_release(nr_dial *d);

/* After a connected link was lost with error loss: whether it is to be
 * redialed (the entry asks for it with "reconnect", the loss is not the
 * idle timeout, nobody hung up).  If so, the line is released already, the
 * lost link's projection and interface forgotten and the connection shows
 * RASCS_OpenPort (a redial under way), so that RASCN_Disconnection can be
 * signalled before nr_dial_reconnect; if not, nothing was done. */
bool nr_dial_prepare_reconnect(nr_dial *d, DWORD loss);

/* Redials a lost link (after nr_dial_prepare_reconnect): after the
 * entry's pause, the modem and PPP phases again, up to its attempts,
 * silently; true once RASCS_Connected again.  Otherwise (attempts spent,
 * or hung up) the port is released and the connection shows
 * RASCS_Disconnected with loss. */
bool nr_dial_reconnect(nr_dial *d, const nr_error *loss);

/* ---- the counters (dial-stats.c) ---- */

/* Worker: publishes the served link's counters into *out too (may be
 * NULL); called before the first step of serving and after every one. */
void nr_dial_stats_publish(nr_dial *d, nr_ppp_link_stats *out);
/* Worker: the link ends (before it is freed): what it counted since the
 * last publish is taken from it, and its counters join the connection's
 * (only a link that was served counts). */
void nr_dial_stats_link_ended(nr_dial *d);
/* Worker: the modem connected; speed is the text after CONNECT
 * ("33600/ARQ"; "" when none), its leading number becomes dwBps. */
void nr_dial_stats_connected_at(nr_dial *d, const char *speed);

/* RasGetConnectionStatistics for the dial: out (dwSize kept) receives the
 * connection's counters since it was dialed or last cleared, over every
 * link it had (a redial adds to them), dwConnectDuration the time its
 * links were Open, counted on to this moment; zeros before
 * RASCS_Connected.  Any thread (conn->lock is taken, never the link); the
 * service and the in-process API both call it. */
void nr_dial_get_stats(nr_dial *d, RAS_STATS *out);
/* The same counters as 64-bit totals (octets, frames, errors, duration in
 * ms; the times of nr_ppp_link_stats are 0) and the CONNECT speed, for
 * whoever does not want them to wrap (the service's STATS_INFO carries
 * them so).  Any thread. */
void nr_dial_get_counters(nr_dial *d, nr_ppp_link_stats *total, DWORD *bps);
/* RasClearConnectionStatistics for the dial: every counter back to 0 and
 * the duration counted from now (dwBps stays); the link and its idle
 * timer are not touched.  Any thread. */
void nr_dial_clear_stats(nr_dial *d);

/* The worker thread's body (arg: the nr_dial, holding a reference on its
 * connection that the worker gives back when done). */
void *nr_dial_worker(void *arg);


#endif
