/*
 * dial-modem.c - the modem phases of a dial: OpenPort, PortOpened,
 * ConnectDevice (with the entry's redials), DeviceConnected, the terminal
 * step (RASCS_Interactive) and AllDevicesConnected; and, after a server
 * agreed to call back, waiting for its call.  Uses port/ through modem.h and
 * announces through dial-state.c.
 */
#include "config.h"

#include <stdlib.h>

#include "dial.h"

static bool redialable(unsigned code)
{
    return code == ERROR_LINE_BUSY || code == ERROR_NO_ANSWER || code == ERROR_NO_CARRIER;
}

const char *nr_dial_lock_dir(void)
{
    const char *dir = secure_getenv("NETROUTER_LOCK_DIR");
    return dir && *dir ? dir : NR_MODEM_LOCK_DIR;
}

/* The entry's terminal step (terminal_after_dial): a login dialogue on the
 * line between CONNECT and PPP.  With RDEOPT_PausedStates the dial pauses in
 * RASCS_Interactive while the application talks to the far end through
 * nr_ras_terminal_read/write (ras-terminal.c) and then resumes it; without,
 * nobody can answer and the dial fails with ERROR_INTERACTIVE_MODE. */
static DWORD terminal_step(nr_dial *d)
{
    bool resumed;
    if (!nr_dial_may_pause(d)) {
        nr_dial_fail(d, ERROR_INTERACTIVE_MODE, 0,
                     "The entry has a terminal step (terminal_after_dial), which needs a dial with a notifier "
                     "and paused states (RDEOPT_PausedStates).");
        return ERROR_INTERACTIVE_MODE;
    }
    resumed = nr_dial_pause(d, RASCS_Interactive);
    /* The line changes hands only once no terminal call is using it (a
     * hang-up wakes them through the cancel descriptor). */
    pthread_mutex_lock(&d->conn->lock);
    while (d->terminal_users)
        pthread_cond_wait(&d->conn->changed, &d->conn->lock);
    pthread_mutex_unlock(&d->conn->lock);
    return resumed ? 0 : ERROR_USER_DISCONNECTION;
}

/* What the modem layer needs of the entry (number: what to dial, if anything). */
static nr_modem_dial_params modem_params(const nr_dial *d, const char *number)
{
    const nr_pb_entry *e = d->entry;
    return (nr_modem_dial_params){
        .init = (const char *const *)e->init, .ninit = e->ninit, .dial_prefix = e->dial_prefix,
        .number = number ? number : "", .command_timeout_ms = (int)e->command_timeout_ms,
        .connect_timeout_ms = (int)e->connect_timeout_ms, .cancel_fd = d->cancel_fd,
    };
}

DWORD nr_dial_await_callback(nr_dial *d)
{
    nr_modem_dial_params dp = modem_params(d, NULL);
    nr_modem_result res;
    if (!nr_dial_enter(d, RASCS_WaitForModemReset))
        return ERROR_USER_DISCONNECTION;
    if (nr_modem_reset_after_call(d->modem, &dp, &res) == 0) {
        if (!nr_dial_enter(d, RASCS_WaitForCallback))
            return ERROR_USER_DISCONNECTION;
        if (nr_modem_answer(d->modem, &dp, (int)d->entry->callback_timeout_ms, &res) == 0) {
            nr_dial_stats_connected_at(d, res.speed);
            return nr_dial_enter(d, RASCS_ReAuthenticate) ? 0 : ERROR_USER_DISCONNECTION;
        }
    }
    if (nr_dial_hangup_requested(d))
        return ERROR_USER_DISCONNECTION;
    nr_dial_fail(d, res.err.code, res.err.ext, "%s", res.err.detail);
    return res.err.code;
}

DWORD nr_dial_modem(nr_dial *d)
{
    const nr_pb_entry *e = d->entry;
    nr_modem_config mc = { .device = e->device, .speed = e->speed, .rtscts = e->rtscts, .lock_dir = nr_dial_lock_dir() };
    nr_modem_result res;
    const char *number = d->params.szPhoneNumber[0] ? d->params.szPhoneNumber : e->phone_number;

    if (!nr_dial_enter(d, RASCS_OpenPort))
        return ERROR_USER_DISCONNECTION;
    if (nr_modem_open(&mc, &d->modem, &res) != 0) {
        nr_dial_fail(d, res.err.code, res.err.ext, "%s", res.err.detail);
        return res.err.code;
    }
    if (!nr_dial_enter(d, RASCS_PortOpened) || !nr_dial_enter(d, RASCS_ConnectDevice))
        return ERROR_USER_DISCONNECTION;
    for (unsigned attempt = 0;; attempt++) {
        nr_modem_dial_params dp = modem_params(d, number);
        if (nr_modem_dial(d->modem, &dp, &res) == 0) {
            nr_dial_stats_connected_at(d, res.speed);
            break;
        }
        if (nr_dial_hangup_requested(d))
            return ERROR_USER_DISCONNECTION;
        if (!redialable(res.err.code) || attempt >= e->redial_attempts) {
            nr_dial_fail(d, res.err.code, res.err.ext, "%s", res.err.detail);
            return res.err.code;
        }
        if (!nr_dial_sleep(d, e->redial_pause_ms))
            return ERROR_USER_DISCONNECTION;
    }
    if (!nr_dial_enter(d, RASCS_DeviceConnected))
        return ERROR_USER_DISCONNECTION;
    if (e->terminal_after_dial) {
        DWORD err = terminal_step(d);
        if (err)
            return err;
    }
    if (!nr_dial_enter(d, RASCS_AllDevicesConnected))
        return ERROR_USER_DISCONNECTION;
    return 0;
}
