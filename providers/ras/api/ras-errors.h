/*
 * ras-errors.h - code -> name and code -> text for the RAS error numbers of
 * <netrouter/raserror.h> (600-877), generated from that header: the name is the
 * code's macro ("ERROR_AUTHENTICATION_FAILURE"), for logs and --json; the
 * text is what RasGetErrorString gives.  Internal to libnetrouter-ras
 * (hidden), reentrant.
 */
#ifndef NR_RAS_API_ERRORS_H
#define NR_RAS_API_ERRORS_H

#include <netrouter/ras.h>

/* The macro name of code, or NULL when it is not a RAS error number. */
__attribute__((visibility("hidden"))) const char *nr_ras_error_name(DWORD code);

/* The fixed English text of code (the Windows wording), or NULL when it is
 * not a RAS error number. */
__attribute__((visibility("hidden"))) const char *nr_ras_error_text(DWORD code);

#endif
