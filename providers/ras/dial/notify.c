/*
 * notify.c - the four RasDial notifier kinds (notify.h).  Handlers run on the
 * dialing thread; nothing here holds a lock while a handler runs.
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>

#include "files.h"
#include "notify.h"

static __thread HRASCONN current_handler;

DWORD nr_ras_notifier_init(nr_ras_notifier *n, DWORD type, void *target, ULONG_PTR callback_id)
{
    memset(n, 0, sizeof *n);
    n->fd = -1;
    if (!target)
        return ERROR_INVALID_PARAMETER;
    switch (type) {
    case 0:
    case 1:
    case 2:
    case NR_RAS_NOTIFIER_RELAY:
        break;
    case NR_RAS_NOTIFIER_FD:
        n->fd = *(const int *)target;
        if (n->fd < 0 || fcntl(n->fd, F_GETFL) < 0 || (fcntl(n->fd, F_GETFL) & O_ACCMODE) == O_RDONLY)
            return ERROR_INVALID_PARAMETER;
        break;
    default:
        return ERROR_INVALID_PARAMETER;
    }
    n->type = type;
    n->target = target;
    n->callback_id = callback_id;
    n->subentry = 1;
    return 0;
}

bool nr_ras_notifier_same(const nr_ras_notifier *a, DWORD type, const void *target)
{
    return a->type == type && a->target == target;
}

bool nr_ras_notify(const nr_ras_notifier *n, HRASCONN h, RASCONNSTATE state, DWORD error, DWORD ext)
{
    bool more = true;
    HRASCONN outer = current_handler;
    current_handler = h;
    switch (n->type) {
    case 0:
        ((RASDIALFUNC)n->target)(WM_RASDIALEVENT, state, error);
        break;
    case 1:
        ((RASDIALFUNC1)n->target)(h, WM_RASDIALEVENT, state, error, ext);
        break;
    case 2:
        more = ((RASDIALFUNC2)n->target)(n->callback_id, n->subentry, h, WM_RASDIALEVENT, state, error, ext) != 0;
        break;
    case NR_RAS_NOTIFIER_RELAY: {
        const nr_ras_relay *r = n->target;
        more = r->fn(r->ctx, h, state, error, ext);
        break;
    }
    case NR_RAS_NOTIFIER_FD: {
        NR_RASDIALEVENT ev = {
            .cbSize = sizeof ev, .unMsg = WM_RASDIALEVENT, .hrasconn = (uint64_t)(uintptr_t)h,
            .rasconnstate = (uint32_t)state, .dwError = error, .dwExtendedError = ext, .dwSubEntry = n->subentry,
        };
        /* one whole record; a reader that went away stops the notifications
         * (EPIPE, never SIGPIPE on a socket) */
        more = nr_write_all(n->fd, &ev, sizeof ev);
        break;
    }
    }
    current_handler = outer;
    return more;
}

HRASCONN nr_ras_in_handler(void)
{
    return current_handler;
}
