/*
 * rasconn.h - RAS connection objects and the process-wide table of live
 * handles.
 *
 * An HRASCONN is not a pointer: it is a number that is never reused in the
 * life of the process, looked up in this table, so a stale or made-up
 * handle is answered with ERROR_INVALID_HANDLE instead of touching freed
 * memory.  The table is process-wide because the contract is (Windows lists
 * every connection of the process in RasEnumConnections); it is the only
 * global state of the RAS layer and is guarded by its own mutex.
 *
 * Objects are reference-counted: the table holds one reference while the
 * handle is valid, and every lookup returns one more that the caller gives
 * back with nr_rasconn_release().
 */
#ifndef NR_RAS_RASCONN_H
#define NR_RAS_RASCONN_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <netrouter/ras.h>

#include "nr-error.h"

typedef struct nr_rasconn {
    pthread_mutex_t lock;       /* guards every field below */
    pthread_cond_t changed;     /* signalled on every state change */
    HRASCONN handle;
    /* What RasGetConnectStatus and RasEnumConnections report. */
    RASCONNSTATE state;
    nr_error err;               /* why it failed: code (dwError), ext, and the detail naming the
                                   device, lock or peer; code 0 and "" when not failed */
    CHAR entry[NR_RAS_MaxEntryNameUtf8 + 1]; /* up to RAS_MaxEntryName characters */
    CHAR phonebook[RAS_MaxPath];
    CHAR device_type[RAS_MaxDeviceType + 1];
    CHAR device_name[RAS_MaxDeviceName + 1];
    CHAR phone_number[RAS_MaxPhoneNumber + 1];
    uid_t owner;                /* who dialed it: the connection service shows and gives a link
                                   to its owner and root only; 0 in a process of its own */
    void *engine;               /* the dialing engine's own data */
    void (*engine_free)(void *engine); /* called with the last reference */
    /* private to rasconn.c */
    unsigned refs;
    bool listed;
} nr_rasconn;

/* A snapshot of one connection, what RasEnumConnections lists (taken in
 * this process by nr_rasconn_snapshot, or received from the connection
 * service). */
typedef struct nr_ras_link {
    HRASCONN handle;
    uid_t owner;
    RASCONNSTATE state;
    DWORD error;
    CHAR entry[NR_RAS_MaxEntryNameUtf8 + 1]; /* up to RAS_MaxEntryName characters */
    CHAR phonebook[RAS_MaxPath];
    CHAR device_type[RAS_MaxDeviceType + 1];
    CHAR device_name[RAS_MaxDeviceName + 1];
} nr_ras_link;

/* The listed connections, oldest first, in a new array (*out, the caller
 * frees it; NULL when there are none) of *n snapshots.  0, or
 * ERROR_ALLOCATING_MEMORY. */
DWORD nr_rasconn_snapshot(nr_ras_link **out, size_t *n);

/* Handles from first on (a higher number than any given so far): the
 * connection service starts at a random number, so that a handle of an
 * earlier run of the service is never valid in a later one. */
void nr_rasconn_first_handle(uintptr_t first);

/* A new connection, entered in the table with a fresh handle.  The caller
 * owns one reference (besides the table's).  NULL when out of memory. */
nr_rasconn *nr_rasconn_create(void);

/* The connection of handle h with one more reference, or NULL when h is not
 * (or no longer) valid. */
nr_rasconn *nr_rasconn_lookup(HRASCONN h);

/* Removes the connection from the table (its handle becomes invalid) and
 * drops the table's reference.  Idempotent. */
void nr_rasconn_unlist(nr_rasconn *c);

/* Gives back one reference; the last one frees the object (engine data must
 * have been released by then). */
void nr_rasconn_release(nr_rasconn *c);

/* Up to max listed connections, oldest first, each with a reference the
 * caller releases; returns how many there are in all (may exceed max). */
size_t nr_rasconn_list(nr_rasconn **out, size_t max);

#endif
