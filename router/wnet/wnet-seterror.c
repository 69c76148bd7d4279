/*
 * wnet-seterror.c - WNetSetLastErrorA and WNetSetLastErrorW: the provider
 * side of the extended error, as Windows' npapi.h declares it, for a
 * provider ported from Windows that links libnetrouter.  It records the
 * error exactly as the plugin host's pfnSetLastError does (lasterror.c's
 * nr__set_last_error: the calling thread's error, read by the
 * application's WNetGetLastError / nr_get_last_error after the entry point
 * returned WN_EXTENDED_ERROR), attributed to lpProviders.
 */
#include "config.h"

#include <stdlib.h>

#include "wnet.h"

NR_PUBLIC VOID WINAPI WNetSetLastErrorA(DWORD err, LPSTR lpError, LPSTR lpProviders)
{
    /* No name: the plugin being called on this thread, else the router. */
    nr__set_last_error(err, lpError ? lpError : nr_strerror(err), lpProviders ? lpProviders : nr__hot.plugin);
}

NR_PUBLIC VOID WINAPI WNetSetLastErrorW(DWORD err, LPWSTR lpError, LPWSTR lpProviders)
{
    char *text = NULL, *provider = NULL;
    /* A string that is no Unicode text is left out (the code's text, the
     * calling plugin's name) rather than the whole error lost. */
    nr__wnet_utf8(lpError, "error text", &text);
    nr__wnet_utf8(lpProviders, "provider name", &provider);
    WNetSetLastErrorA(err, text, provider);
    free(text);
    free(provider);
}
