/*
 * phonebook.h - the RAS phonebook: a JSON file of dial-up entries,
 * validated with the care of plugin manifests (file, line, column and the
 * field at fault), and looked up by entry name.
 *
 *     { "entries": [ { "name": "Office", "device": "/dev/ttyS0",
 *                      "phone_number": "5551234", "auth": "chap" } ] }
 *
 * Default location: $XDG_CONFIG_HOME/netrouter/phonebook.json, then
 * $(sysconfdir)/netrouter/phonebook.json.  See netrouter-phonebook(5).
 */
#ifndef NR_RAS_PHONEBOOK_H
#define NR_RAS_PHONEBOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <netrouter/ras.h>

#include "nr-error.h"

#define NR_PB_MAX_ENTRY_NAME   256 /* RAS_MaxEntryName: characters (up to NR_RAS_MaxEntryNameUtf8 bytes) */
#define NR_PB_MAX_PHONE_NUMBER 128 /* RAS_MaxPhoneNumber */
#define NR_PB_MAX_SIZE (64u << 20)  /* a larger file is refused (a few hundred thousand entries fit) */
#define NR_PB_MAX_SIZE_TEXT "64 MiB"

typedef enum nr_pb_auth { NR_PB_AUTH_ANY = 0, NR_PB_AUTH_PAP, NR_PB_AUTH_CHAP, NR_PB_AUTH_MSCHAPV2 } nr_pb_auth;

/* One entry, with every default applied. */
typedef struct nr_pb_entry {
    char *name;
    char *description;          /* "" when absent */
    char *device;               /* absolute tty path */
    unsigned speed;             /* bits per second, a termios speed */
    char *phone_number;
    char **init;                /* AT commands sent before dialing, ninit of them */
    size_t ninit;
    char *dial_prefix;          /* e.g. "ATDT" */
    bool rtscts;                /* flow_control "rtscts" (default) or "none" */
    unsigned command_timeout_ms, connect_timeout_ms, ppp_timeout_ms;
    unsigned callback_timeout_ms;  /* how long to wait for the server to call back */
    char *callback_number;      /* the number a server may call back ("" when none) */
    bool callback_ask;          /* callback "ask": take a server's offer to call back */
    char *interface;            /* the TUN interface to give the link to, e.g. "ras%d" ("": none) */
    nr_pb_auth auth;
    unsigned redial_attempts, redial_pause_ms;
    unsigned mru, lcp_echo_interval_s, lcp_echo_failures;
    bool terminal_after_dial;   /* a login dialogue on the line before PPP (RASCS_Interactive) */
    unsigned idle_disconnect_s; /* hang up after this long without IP traffic; 0 = never */
    bool reconnect_if_dropped;  /* "reconnect": redial a connected link that was lost */
    unsigned reconnect_attempts, reconnect_pause_ms; /* how often, and the wait before each */
    void *storage;              /* private: the one allocation holding the strings above */
} nr_pb_entry;

typedef struct nr_phonebook {
    char *path;
    nr_pb_entry *entries;
    size_t n;
    /* private: name -> entry number (a jansson object) */
    struct json_t *names;
} nr_phonebook;

/* Why a load failed: a RAS code and a sentence (err.code 621 cannot open,
 * 625 corrupt; err.detail one human sentence), and where, kept apart so
 * that a caller can say it its own way (nr_ras_get_last_phonebook_error:
 * "file:line:column: field: detail"). */
typedef struct nr_pb_error {
    nr_error err;
    char file[1024];
    int line, column;           /* 1-based; 0 when unknown */
    char field[160];            /* e.g. "entries[1].speed"; "" when none */
} nr_pb_error;

/* The phonebook path to use when the caller names none: the first of the
 * default locations that exists, else the per-user one.  Caller frees. */
char *nr_pb_default_path(void);

/* Loads and validates path (NULL: nr_pb_default_path()).  On success *out
 * owns a phonebook to free with nr_pb_free() and WN_SUCCESS is returned;
 * otherwise err (may be NULL) says why and its code is returned.  The file
 * is opened without blocking: anything but a regular file (a FIFO, a
 * device) is refused at once, as is a file writable by group or others,
 * owned by another user than root or the caller, or larger than
 * NR_PB_MAX_SIZE.  Linear in the size of the file. */
DWORD nr_pb_load(const char *path, nr_phonebook **out, nr_pb_error *err);

/* nr_pb_load for a text already read (len bytes, NUL-terminated), named
 * path in *out and in errors: what a writer that read the file itself
 * (pbedit.h) checks it and its own result with. */
DWORD nr_pb_parse(const char *path, const char *text, size_t len, nr_phonebook **out, nr_pb_error *err);

/* The entry of that name (names compare exactly), or NULL; constant time. */
const nr_pb_entry *nr_pb_find(const nr_phonebook *pb, const char *name);

/* The sentence for a name that is not in pb, for people: the file, the
 * name, the nearest entry name when it looks like a typo of one, and the
 * first NR_PB_NAMES_SHOWN entry names, e.g.
 *     /home/ann/pb.json: no entry named "Ofice" (did you mean "Office"?);
 *     its 2 entries are "Office" and "Home"
 * Truncated to size bytes. */
#define NR_PB_NAMES_SHOWN 10
void nr_pb_describe_missing(const nr_phonebook *pb, const char *name, char *buf, size_t size);

void nr_pb_free(nr_phonebook *pb);

#endif
