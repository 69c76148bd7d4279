/*
 * modem.h - the AT-command modem on a serial tty: opening the port safely
 * (UUCP lock, no controlling tty, raw termios), the dial dialogue (init
 * strings, ATD, verbose or numeric result codes) and a bounded hang-up.
 *
 * This layer owns the tty file descriptor and the lock file from
 * nr_modem_open() to nr_modem_close() and nothing else: no PPP, no threads,
 * no global state. Every wait is a poll() on the tty plus an optional
 * caller-given cancel descriptor (an eventfd or the read end of a pipe):
 * once that descriptor is readable the current call returns
 * ERROR_USER_DISCONNECTION within milliseconds. The descriptor is only
 * polled, never read, so one write cancels every later wait as well.
 *
 *     nr_modem_config cfg = { .device = "/dev/ttyS0", .speed = 115200, .rtscts = true };
 *     nr_modem *m;
 *     nr_modem_result res;
 *     if (nr_modem_open(&cfg, &m, &res) != 0)
 *         report(res.err.code, res.err.detail); // 608, 633, ...
 *     const char *init[] = { "ATZ", "ATE0V1" };
 *     nr_modem_dial_params dp = {
 *         .init = init, .ninit = 2, .dial_prefix = "ATDT", .number = "5551234",
 *         .command_timeout_ms = 3000, .connect_timeout_ms = 60000, .cancel_fd = efd,
 *     };
 *     if (nr_modem_dial(m, &dp, &res) == 0)
 *         run_ppp(nr_modem_fd(m), res.speed);  // after nr_modem_take_pending()
 *     nr_modem_close(m);                       // DTR drop, restore, unlock
 */
#ifndef NR_RAS_MODEM_H
#define NR_RAS_MODEM_H

#include <stdbool.h>
#include <stddef.h>
#include <netrouter/ras.h> /* the RAS error numbers results carry */

#include "nr-error.h"

/* Default UUCP lock directory (FHS). */
#define NR_MODEM_LOCK_DIR "/var/lock"

typedef struct nr_modem nr_modem;

/* Outcome of every call that can fail: err.code 0 means success. err.ext is
 * the extended error (+CME ERROR number, errno, owner pid with 633),
 * err.detail one human sentence naming the device, lock file or command. */
typedef struct nr_modem_result {
    nr_error err;       /* code 0 or a RAS error (ERROR_*), ext, detail */
    char reply[128];    /* the modem's final line, e.g. "CONNECT 33600", "BUSY", "7"; "" if none */
    char speed[64];     /* the text after CONNECT ("33600", "115200/V42"); "" when none */
} nr_modem_result;

typedef struct nr_modem_config {
    const char *device;     /* path of the tty, e.g. "/dev/ttyS0" (required) */
    unsigned speed;         /* bits per second; 0 keeps the port's current speed */
    bool rtscts;            /* hardware flow control; false = none */
    const char *lock_dir;   /* NULL = NR_MODEM_LOCK_DIR; "" = no UUCP lock at all */
    int dtr_drop_ms;        /* how long DTR stays low on hang-up; 0 = default 500 ms,
                               < 0 = do not wait. Only waited when TIOCMBIC works. */
} nr_modem_config;

typedef struct nr_modem_dial_params {
    const char *const *init;    /* AT commands sent first, each must answer OK */
    size_t ninit;
    const char *dial_prefix;    /* NULL = "ATDT" */
    const char *number;         /* appended to the prefix (required, may be "") */
    int command_timeout_ms;     /* per init command; <= 0 = 3000 */
    int connect_timeout_ms;     /* from ATD to CONNECT; <= 0 = 60000 */
    int cancel_fd;              /* readable = cancel; -1 = none. Never 0 by accident:
                                   zero-initialised params would poll stdin, so 0 is
                                   only honoured when cancel_fd_valid is set. */
    bool cancel_fd_valid;       /* set when cancel_fd is 0 on purpose */
} nr_modem_dial_params;

/*
 * Opens and locks cfg->device: checks it exists (608), takes the UUCP lock
 * "LCK..<basename>" (633 naming the owner pid when a live process holds it;
 * a lock whose owner is gone is taken over), opens the tty with
 * O_RDWR|O_NOCTTY|O_NONBLOCK|O_CLOEXEC, saves its termios and sets raw 8N1,
 * CREAD|CLOCAL|HUPCL, the speed and the flow control, then flushes both
 * queues. Returns res->err.code; *out is set only on success. Never blocks.
 */
unsigned nr_modem_open(const nr_modem_config *cfg, nr_modem **out, nr_modem_result *res);

/*
 * Sends one AT command (CR appended) and waits for its final result code
 * within timeout_ms, skipping the echo, blank lines, RING and information
 * lines (ATI, +CSQ: ...). OK or CONNECT is success; a mapped failure code is
 * returned otherwise (see nr_modem_classify). Nothing at all: 666; only
 * unrecognized lines: 652.
 */
unsigned nr_modem_command(nr_modem *m, const char *cmd, int timeout_ms, int cancel_fd,
                          nr_modem_result *res);

/*
 * The whole dial: every init command (stops at the first failure, naming
 * the command), then dial_prefix + number. During the dial, any
 * unrecognized line fails at once with 652; silence until
 * connect_timeout_ms gives 666 (and a CR is sent to abort the dial).
 * On success res->reply holds the CONNECT line and res->speed its speed.
 */
unsigned nr_modem_dial(nr_modem *m, const nr_modem_dial_params *p, nr_modem_result *res);

/* The tty descriptor (non-blocking, raw) for the PPP layer; owned by m. */
int nr_modem_fd(const nr_modem *m);

/*
 * Bytes the modem sent after the CONNECT line and that were already read
 * (the peer's first PPP frames can arrive in the same read()). Copies up to
 * cap of them into buf, removes them and returns how many were copied.
 */
size_t nr_modem_take_pending(nr_modem *m, void *buf, size_t cap);

/*
 * Terminal mode, for a login dialogue between CONNECT and PPP (an entry's
 * terminal_after_dial): nr_modem_read() hands out what the far end sent,
 * the bytes already read with the CONNECT line first, waiting at most
 * timeout_ms for the first byte; it returns 0 with *got bytes (0 when
 * nothing came in time), or the error (ERROR_USER_DISCONNECTION when
 * cancel_fd became readable, ERROR_PORT_DISCONNECTED when the line hung
 * up).  nr_modem_write() sends len raw bytes within timeout_ms (<= 0: 3 s);
 * nothing is appended or translated.
 */
unsigned nr_modem_read(nr_modem *m, void *buf, size_t cap, int timeout_ms, int cancel_fd, size_t *got,
                       nr_modem_result *res);
unsigned nr_modem_write(nr_modem *m, const void *buf, size_t len, int timeout_ms, int cancel_fd,
                        nr_modem_result *res);

/*
 * Being called back, after a server agreed to it and ended the call:
 * nr_modem_reset_after_call() waits (3 s at most) for NO CARRIER, drops
 * DTR for a moment where the line has one and sends p's init commands
 * again; nr_modem_answer() waits ring_timeout_ms for RING (678 when none
 * comes) and answers with ATA, then as nr_modem_dial: 0 with the CONNECT
 * line in res, or the error.  p's number and dial prefix are not used.
 */
unsigned nr_modem_reset_after_call(nr_modem *m, const nr_modem_dial_params *p, nr_modem_result *res);
unsigned nr_modem_answer(nr_modem *m, const nr_modem_dial_params *p, int ring_timeout_ms, nr_modem_result *res);

/* The device path given at open. */
const char *nr_modem_device(const nr_modem *m);

/*
 * Hangs up and releases everything: drops DTR (TIOCMBIC; where that fails,
 * as on a pseudo-terminal, sets the speed to B0 instead), waits
 * dtr_drop_ms, flushes both queues (so close() never waits for output to
 * drain), restores the saved termios, closes the fd and removes the lock.
 * Failures are tolerated; bounded by dtr_drop_ms. NULL is accepted.
 */
void nr_modem_close(nr_modem *m);

/* ---- pieces exposed for the tests and the RasDial engine ---------------- */

typedef enum nr_modem_line_kind {
    NR_MODEM_LINE_IGNORE = 0,   /* blank, RING */
    NR_MODEM_LINE_SUCCESS,      /* OK, CONNECT [speed], numeric 0/1/5/>=9 */
    NR_MODEM_LINE_FAILURE,      /* mapped failure: *code (and *ext for +CME ERROR) */
    NR_MODEM_LINE_OTHER,        /* anything else (652 when it ends a dial) */
} nr_modem_line_kind;

/*
 * Classifies one response line (no CR/LF), verbose or numeric:
 * OK/0, CONNECT [x]/1/5/>=9 success; RING/2 and "" ignored; NO CARRIER/3 679;
 * ERROR/4 651; NO DIALTONE, NO DIAL TONE/6 680; BUSY/7 676; NO ANSWER/8 678;
 * VOICE 677; "+CME ERROR: n" 651 with *ext = n. Case-insensitive, surrounding
 * blanks ignored. *code and *ext are set to 0 unless a failure is returned.
 */
nr_modem_line_kind nr_modem_classify(const char *line, unsigned *code, unsigned *ext);

#endif
