/*
 * local-lasterror.c - the sentences behind the RAS error numbers: the
 * calling thread's detail of the last call that failed before any
 * connection existed (nr_ras_get_last_phonebook_error: the phonebook, the entry,
 * the saved credentials; a client sets it from the service's answer), and
 * a connection's own, recorded by the dialing engine
 * (nr_ras_get_error_detail).  Owns the per-thread buffer; the connection's
 * is a field of its nr_rasconn.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <netrouter/ras.h>

#include "local-lasterror.h"
#include "local.h"
#include "rasconn.h"

/* Fits the file, field and detail of an nr_pb_error with their separators. */
static __thread char last_error[sizeof ((nr_pb_error *)0)->file + sizeof ((nr_pb_error *)0)->field +
                                NR_ERROR_DETAIL_SIZE + 32];

void nr_ras_set_last_error(const char *text)
{
    snprintf(last_error, sizeof last_error, "%s", text ? text : "");
}

void nr_ras_remember_pb_error(const nr_pb_error *err)
{
    if (err->line > 0)
        snprintf(last_error, sizeof last_error, "%s:%d:%d: %s%s%s", err->file, err->line, err->column, err->field,
                 *err->field ? ": " : "", err->err.detail);
    else
        snprintf(last_error, sizeof last_error, "%s: %s%s%s", err->file, err->field, *err->field ? ": " : "",
                 err->err.detail);
}

DWORD nr_ras_load_entry(LPCSTR phonebook, const char *name, nr_phonebook **pb, const nr_pb_entry **entry)
{
    nr_pb_error err;
    char text[2048];
    DWORD rc = nr_pb_load(phonebook, pb, &err);
    *entry = NULL;
    if (rc) {
        nr_ras_remember_pb_error(&err);
        return rc;
    }
    if ((*entry = nr_pb_find(*pb, name)) != NULL)
        return 0;
    nr_pb_describe_missing(*pb, name, text, sizeof text);
    nr_ras_set_last_error(text);
    nr_pb_free(*pb);
    *pb = NULL;
    return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
}

const char *nr_ras_last_error(void)
{
    return last_error;
}

DWORD nr_local_get_error_detail(HRASCONN h, LPSTR buf, DWORD size)
{
    nr_rasconn *c;
    if (!buf || !size)
        return ERROR_INVALID_PARAMETER;
    if (!(c = nr_rasconn_lookup(h)))
        return ERROR_INVALID_HANDLE;
    pthread_mutex_lock(&c->lock);
    snprintf(buf, size, "%s", c->err.detail);
    pthread_mutex_unlock(&c->lock);
    nr_rasconn_release(c);
    return 0;
}
