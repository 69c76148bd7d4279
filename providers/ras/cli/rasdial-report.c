/*
 * rasdial-report.c - how rasdial says what went wrong (rasdial.h): the RAS
 * error number, its text, and what the library says was at fault.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <netrouter/ras.h>

#include "rasdial.h"

int rd_fail(DWORD code, HRASCONN h)
{
    char text[512], detail[1024];
    fflush(stdout); /* the states before the error, in order when both go to one file */
    if (RasGetErrorString(code, text, sizeof text) != 0)
        snprintf(text, sizeof text, "Unknown error.");
    fprintf(stderr, "rasdial: error %u: %s\n", (unsigned)code, text);
    /* The connection's own detail (what the modem, the peer or the server
     * said), else the calling thread's (a phonebook, a refused resume). */
    if ((h && nr_ras_get_error_detail(h, detail, sizeof detail) == 0 && *detail) ||
        (nr_ras_get_error_detail(NULL, detail, sizeof detail) == 0 && *detail))
        fprintf(stderr, "rasdial: %s\n", detail);
    return EXIT_FAILURE;
}
