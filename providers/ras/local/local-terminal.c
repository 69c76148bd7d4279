/*
 * local-terminal.c - nr_ras_terminal_read and nr_ras_terminal_write in
 * this process (local.h): the
 * application's side of an entry's terminal step (terminal_after_dial), a
 * login dialogue with the far end between CONNECT and PPP, while the dial
 * waits in RASCS_Interactive.
 *
 * The modem belongs to the dialing worker; these calls borrow it only while
 * the dial is paused in RASCS_Interactive, counted in terminal_users so that
 * the worker never resumes or releases the line under them.  Every wait
 * also polls the dial's cancel descriptor, so RasHangUp ends them at once.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>

#include "dial.h"
#include "local.h"

/* How long one terminal write may wait for the line to take it. */
#define WRITE_TIMEOUT_MS 10000

/* The dial of h, borrowed for terminal use (NULL with *rc set); one read
 * at a time (a read takes from the modem's buffer), writes at any time. */
static nr_dial *borrow(HRASCONN h, bool read, nr_rasconn **out, DWORD *rc)
{
    nr_rasconn *c = nr_rasconn_lookup(h);
    nr_dial *d;
    *out = NULL;
    if (!c) {
        *rc = ERROR_INVALID_HANDLE;
        return NULL;
    }
    d = c->engine;
    pthread_mutex_lock(&c->lock);
    if (!nr_dial_terminal_open(d) || (read && d->terminal_reading)) {
        *rc = !nr_dial_terminal_open(d) ? ERROR_PORT_NOT_OPEN : ERROR_ASYNC_REQUEST_PENDING;
        pthread_mutex_unlock(&c->lock);
        nr_rasconn_release(c);
        return NULL;
    }
    d->terminal_users++;
    d->terminal_reading |= read;
    pthread_mutex_unlock(&c->lock);
    *out = c;
    return d;
}

static void give_back(nr_rasconn *c, nr_dial *d, bool read)
{
    pthread_mutex_lock(&c->lock);
    d->terminal_users--;
    if (read)
        d->terminal_reading = false;
    pthread_cond_broadcast(&c->changed);
    pthread_mutex_unlock(&c->lock);
    nr_rasconn_release(c);
}

DWORD nr_local_terminal_read(HRASCONN h, LPVOID buf, DWORD size, DWORD timeout_ms, LPDWORD got)
{
    nr_rasconn *c;
    nr_dial *d;
    nr_modem_result res;
    size_t n = 0;
    DWORD rc = 0;
    if (!buf || !got || !size)
        return ERROR_INVALID_PARAMETER;
    *got = 0;
    if (!(d = borrow(h, true, &c, &rc)))
        return rc;
    rc = nr_modem_read(d->modem, buf, size, timeout_ms > INT32_MAX ? INT32_MAX : (int)timeout_ms, d->cancel_fd,
                       &n, &res);
    give_back(c, d, true);
    *got = (DWORD)n;
    return rc;
}

DWORD nr_local_terminal_write(HRASCONN h, const void *buf, DWORD size)
{
    nr_rasconn *c;
    nr_dial *d;
    nr_modem_result res;
    DWORD rc = 0;
    if (!buf && size)
        return ERROR_INVALID_PARAMETER;
    if (!(d = borrow(h, false, &c, &rc)))
        return rc;
    rc = nr_modem_write(d->modem, buf, size, WRITE_TIMEOUT_MS, d->cancel_fd, &res);
    give_back(c, d, false);
    return rc;
}
