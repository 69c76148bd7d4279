/*
 * raslink.h - what the dispatcher tells scripts about a dial-up link
 * (remote name "ras:ENTRY"): its device, TUN interface, addresses and DNS
 * servers, in the names NetworkManager's dispatcher uses.
 *
 * The plugin includes only the SDK, so it does not link libnetrouter-ras:
 * it finds the library's public functions (RasEnumConnectionsA,
 * RasGetProjectionInfoA, nr_ras_get_interface, nr_ras_get_nameservers) at
 * run time with dlopen and dlsym, and declares the two structures it reads
 * with the layout <netrouter/ras.h> gives them
 * (tests/dispatcher/test-raslink.c holds the two layouts against each
 * other).  The library is taken from the process
 * when the ras provider already loaded it (RTLD_NOLOAD), else loaded by its
 * soname; without it a script gets only CONNECTION_ID.
 *
 * Thread safety: dsp_raslink_lookup may be called from several threads;
 * dsp_raslink_close only once nothing else runs.
 */
#ifndef NR_DISPATCHER_RASLINK_H
#define NR_DISPATCHER_RASLINK_H

#include <stdbool.h>

#include <netrouter/npapi.h>

/* Sizes from <netrouter/rastypes.h> (the Windows ones). */
#define DSP_RAS_MAX_ENTRY_NAME  256
#define DSP_RAS_MAX_DEVICE_TYPE 16
#define DSP_RAS_MAX_DEVICE_NAME 128
#define DSP_RAS_MAX_PATH        4096
#define DSP_RAS_MAX_IP_ADDRESS  15

typedef struct dsp_rasconn_v1 { /* RASCONNA up to dwSubEntry (NR_RASCONNA_V1_SIZE) */
    DWORD dwSize;
    void *hrasconn;
    char szEntryName[DSP_RAS_MAX_ENTRY_NAME + 1];
    char szDeviceType[DSP_RAS_MAX_DEVICE_TYPE + 1];
    char szDeviceName[DSP_RAS_MAX_DEVICE_NAME + 1];
    char szPhonebook[DSP_RAS_MAX_PATH];
    DWORD dwSubEntry;
} dsp_rasconn_v1;

typedef struct dsp_rasppp_ip { /* RASPPPIPA */
    DWORD dwSize;
    DWORD dwError;
    char szIpAddress[DSP_RAS_MAX_IP_ADDRESS + 1];
    char szServerIpAddress[DSP_RAS_MAX_IP_ADDRESS + 1];
    DWORD dwOptions;
    DWORD dwServerOptions;
} dsp_rasppp_ip;

#define DSP_RASP_PPP_IP 0x8021 /* RASP_PppIp */

/* What a script learns of a live link. */
typedef struct dsp_raslink {
    bool found;                                  /* the entry has a live link */
    char device[DSP_RAS_MAX_DEVICE_NAME + 1];    /* the modem's device, without "/dev/" */
    char iface[64];                              /* its TUN interface, "" when none */
    char address[DSP_RAS_MAX_IP_ADDRESS + 1];    /* ours, "" before IPCP */
    char gateway[DSP_RAS_MAX_IP_ADDRESS + 1];    /* the server's */
    char nameservers[64];                        /* the DNS servers IPCP learned, primary first,
                                                    space-separated; "" when none */
} dsp_raslink;

/* Fills *out for the live link of entry (out->found false when there is
 * none or the library is not there). */
void dsp_raslink_lookup(const char *entry, dsp_raslink *out);

/* Lets the library go (NrPluginShutdown). */
void dsp_raslink_close(void);

#endif
