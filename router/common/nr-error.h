/*
 * nr-error.h - the one error carrier of the RAS provider's layers and the one
 * way to fail: a code, an extended code and one sentence, filled by
 * nr_error_set().
 *
 *     unsigned open_port(const char *dev, nr_error *err)
 *     {
 *         if (access(dev, F_OK) != 0)
 *             return nr_error_set(err, ERROR_DEVICE_DOES_NOT_EXIST, (uint32_t)errno,
 *                                 "The device %s does not exist (%s).", dev, strerror(errno));
 *         nr_error_clear(err);
 *         return 0;
 *     }
 *
 * A carrier that says more than that (the modem's reply, the phonebook
 * position) embeds an nr_error as its member err.  Shared by the router's
 * helpers and the RAS provider; internal: nothing here is installed or
 * exported.  Reentrant; no global state.
 */
#ifndef NR_COMMON_ERROR_H
#define NR_COMMON_ERROR_H

#include <stdarg.h>
#include <stdint.h>

/* The room of a detail sentence, its NUL included; a longer one is cut. */
#define NR_ERROR_DETAIL_SIZE 1024

typedef struct nr_error {
    uint32_t code;  /* 0 = no error; else the family's number (a RAS error, an npapi.h code) */
    uint32_t ext;   /* extended code: an errno, a +CME ERROR number, a lock owner's pid; 0 = none */
    char detail[NR_ERROR_DETAIL_SIZE]; /* one sentence naming the file, field, device, lock or peer;
                                          "" = none */
} nr_error;

/* Records a failure in e (NULL: nothing is recorded): code, ext and the
 * printf-formatted detail (fmt NULL: ""), cut to fit.  Returns code, so that
 * a failing function can end with `return nr_error_set(...)`.  The
 * arguments must not point into e->detail. */
__attribute__((visibility("hidden"), format(printf, 4, 5))) uint32_t nr_error_set(nr_error *e, uint32_t code,
                                                                                 uint32_t ext, const char *fmt,
                                                                                 ...);

/* The same with a va_list, for a function that formats on its callers'
 * behalf (one that first records where the failure is, say). */
__attribute__((visibility("hidden"), format(printf, 4, 0))) uint32_t nr_error_setv(nr_error *e, uint32_t code,
                                                                                  uint32_t ext, const char *fmt,
                                                                                  va_list ap);

/* No error: code and ext 0, detail "".  NULL is accepted. */
__attribute__((visibility("hidden"))) void nr_error_clear(nr_error *e);

#endif
