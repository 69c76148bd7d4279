/*
 * modem-emu.h - a scriptable Hayes modem on a real pseudo-terminal, for the
 * RAS tests. The code under test opens modem_emu_path(); a thread serves the
 * master side following a modem_emu_script and records every command line.
 *
 *     modem_emu_script s = { .dial = MODEM_EMU_BUSY };
 *     modem_emu *e = modem_emu_start(&s);
 *     ... nr_modem_open({ .device = modem_emu_path(e) }) and dial ...
 *     char cmd[64];
 *     modem_emu_command(e, 1, cmd, sizeof cmd);   // "ATDT5551234"
 *     modem_emu_stop(e);
 *
 * The emulator keeps a slave descriptor of its own open, so the pty keeps
 * its termios between the test's opens and the master never sees EIO.
 */
#ifndef NR_TESTS_MODEM_EMU_H
#define NR_TESTS_MODEM_EMU_H

#include <stdbool.h>
#include <stddef.h>

typedef enum modem_emu_dial {
    MODEM_EMU_CONNECT = 0,  /* "CONNECT 33600" (connect_text), numeric connect_code */
    MODEM_EMU_BUSY,
    MODEM_EMU_NO_CARRIER,
    MODEM_EMU_NO_DIALTONE,
    MODEM_EMU_NO_DIAL_TONE, /* the other spelling, "NO DIAL TONE" */
    MODEM_EMU_NO_ANSWER,
    MODEM_EMU_ERROR,
    MODEM_EMU_VOICE,
    MODEM_EMU_CME_ERROR,    /* "+CME ERROR: <cme_error>" */
    MODEM_EMU_SILENCE,      /* never answers the ATD */
    MODEM_EMU_GARBAGE,      /* one line of garbage_text */
} modem_emu_dial;

typedef struct modem_emu_script {
    modem_emu_dial dial;        /* the answer to ATD... */
    const char *connect_text;   /* NULL = "CONNECT 33600" */
    int connect_code;           /* numeric mode; 0 = 1 ("CONNECT") */
    const char *connect_data;   /* bytes sent in the same write() as CONNECT (early PPP) */
    int cme_error;
    const char *garbage_text;   /* NULL = "HELLO? IS THIS THE PIZZA PLACE" */
    const char *error_on;       /* answer ERROR to this command (case-insensitive) */
    bool echo;                  /* start with echo on (ATE1); ATE0/ATE1 switch it */
    bool numeric;               /* start in numeric mode (ATV0); ATV0/ATV1 switch it */
    bool ring;                  /* send RING and a blank line before the dial answer */
    bool late_no_carrier;       /* say NO CARRIER (the end of an earlier call, late)
                                   before the reply to the first command */
    int delay_ms;               /* before every reply */
    int dial_delay_ms;          /* before the ATD answer (after delay_ms) */
    const char *const *login;   /* after CONNECT, a terminal server's dialogue: prompt,
                                   expected answer (a line ended by CR), prompt, answer,
                                   ..., NULL.  All answered right: login_ok is sent and
                                   the line is in data mode; a wrong answer: "Login
                                   incorrect" and the line drops (master closed). */
    const char *login_ok;       /* NULL = "Starting PPP\r\n" */
    bool hangup_after_connect;  /* close the master after CONNECT (carrier lost) */
    int hangup_delay_ms;        /* ... this long after it */
    const char *link_path;      /* a symbolic link to the pty, made by the emulator; then
                                   modem_emu_path() is this path, which stays valid across
                                   modem_emu_drop_carrier() */
} modem_emu_script;

typedef struct modem_emu modem_emu;

/* Opens a pty pair and starts the serving thread; NULL (with a message on stderr) on failure. */
modem_emu *modem_emu_start(const modem_emu_script *script);

/* The slave's path (e.g. "/dev/pts/7") for the code under test. */
const char *modem_emu_path(const modem_emu *e);

/* The emulator's own slave descriptor (for tcgetattr in tests). */
int modem_emu_slave_fd(const modem_emu *e);

/*
 * The master descriptor, for the PPP work after CONNECT. Only valid once
 * modem_emu_wait_connected() succeeded and unless hangup_after_connect;
 * the emulator thread no longer touches it then. Owned by the emulator.
 */
int modem_emu_master_fd(const modem_emu *e);

/* Waits until CONNECT was sent (and the login dialogue, if any, passed);
 * false after timeout_ms. */
bool modem_emu_wait_connected(modem_emu *e, int timeout_ms);

/* Ends a data call (after modem_emu_wait_connected and the data work on
 * the master are done): the carrier is "lost", NO CARRIER is sent and the
 * emulator answers commands again on the same pty, ready for the next
 * dial.  False when the line is closed. */
bool modem_emu_hang_up(modem_emu *e);
/* The same, then the far end calls the dialer back: RING every second
 * until ATA is answered with CONNECT (and the login dialogue, if any),
 * after which modem_emu_wait_connected() succeeds again. */
bool modem_emu_call_back(modem_emu *e);

/* Number of command lines received so far (login answers included), and a
 * copy of the i-th one (false if none). */
/* The carrier drops in data mode (after modem_emu_wait_connected, and
 * once whoever used the master for the call has stopped): the pty is
 * closed, so the dialer's descriptor is hung up (its reads fail, as a
 * serial port's do when the modem drops DCD on a line without CLOCAL),
 * and a fresh pty takes its place behind the script's link_path, where the
 * emulator answers commands again, ATD with next from now on.  False
 * without a link_path or when the new pty cannot be made. */
bool modem_emu_drop_carrier(modem_emu *e, modem_emu_dial next);

/* The real device behind the emulator's path at the moment (the pty). */
const char *modem_emu_pty(const modem_emu *e);

size_t modem_emu_ncommands(modem_emu *e);
bool modem_emu_command(modem_emu *e, size_t i, char *buf, size_t cap);

/* Stops the thread (at once, even mid-delay) and closes every descriptor. NULL is accepted. */
void modem_emu_stop(modem_emu *e);

#endif
