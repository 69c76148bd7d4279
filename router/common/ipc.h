/*
 * ipc.h - the protocol between the router and a plugin host
 * (router/host/plugin-host.c, router/lib/isolate.c): small, versioned and
 * bounded.
 *
 * The two ends share a SOCK_SEQPACKET socketpair, so one send is one
 * message.  Every message is a 12-byte header -- payload length, type,
 * request id, each a little-endian u32 -- and at most NR_IPC_MAX_PAYLOAD
 * bytes of fields: u32, u64, and strings (u32 length counting a final NUL,
 * 0xffffffff for NULL; no NUL inside).  A message whose length disagrees
 * with what arrived, or a field that runs past the end, is refused.  The
 * first exchange is HELLO both ways: the router sends NR_IPC_VERSION, the
 * host answers the lower of that and its own, and a host that answers a
 * version outside NR_IPC_VERSION_MIN..NR_IPC_VERSION is not used.  So a
 * running application and a host of the next release (an upgrade between
 * two starts of the host) still talk, in the older version: a side sends
 * nothing the agreed version lacks (version 1 has no resource parent).
 *
 * Internal to netrouter; no state, reentrant.
 */
#ifndef NR_COMMON_IPC_H
#define NR_COMMON_IPC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <netrouter/npapi.h>

#define NR_IPC_HIDDEN __attribute__((visibility("hidden")))
/* 2: NR_IPC_P_RESOURCE_PARENT and NR_IPC_HAS_RESOURCE_PARENT.
 * 3: the problems the plugin reported (pfnReportProblem) in LOADED. */
#define NR_IPC_VERSION 3u
#define NR_IPC_VERSION_MIN 1u
#define NR_IPC_HEADER 12u
#define NR_IPC_MAX_PAYLOAD (64u * 1024u)

/* Message types.  R: router to host, H: host to router. */
enum nr_ipc_type {
    NR_IPC_HELLO = 1,        /* R,H: u32 version */
    NR_IPC_LOAD = 2,         /* R: str manifest path, u32 run_init */
    NR_IPC_LOADED = 3,       /* H: u32 rc, then on success u32 charset, u32 entries (NR_IPC_HAS_*),
                                u32 caps x5 (connection, enumeration, user, dialog, net type), and
                                from version 3 u32 count, then count times the problems the plugin
                                reported in NrPluginInit: str file, str field, u32 line, str message;
                                on failure u32 stage, str field, u32 line, u32 column, str message */
    NR_IPC_NOTIFY = 4,       /* R: u32 add (1) or cancel (0), u32 notify status, u32 operation status,
                                u64 context, add: the NETRESOURCE (nr_ipc_put_res), u32 flags;
                                cancel: str name, str provider, u32 force */
    NR_IPC_REPLY = 5,        /* H: u32 rc, u64 context token, u32 error set, u32 code, str text, str provider */
    NR_IPC_LOG = 6,          /* H: u32 level, str message (during a call) */
    NR_IPC_SHUTDOWN = 7,     /* R: no fields; H answers REPLY and exits */
    NR_IPC_CONNECT = 9,      /* R: no fields, one end of a new socketpair passed along (SCM_RIGHTS): a
                                connection of its own for one of the router's threads; H answers nothing */
    NR_IPC_PROVIDER = 8,     /* R: u32 entry (NR_IPC_P_*), then its arguments; H: REPLY, then its results
                                (router/host/host-provider.c and router/lib/isolate-provider.c say which) */
};
/* The provider entry points of NR_IPC_PROVIDER. */
enum nr_ipc_provider_entry {
    NR_IPC_P_CAPS = 1, NR_IPC_P_ADD, NR_IPC_P_CANCEL, NR_IPC_P_GET_CONNECTION, NR_IPC_P_GET_USER,
    NR_IPC_P_UNIVERSAL_NAME, NR_IPC_P_RESOURCE_INFORMATION, NR_IPC_P_OPEN_ENUM, NR_IPC_P_ENUM_RESOURCE,
    NR_IPC_P_CLOSE_ENUM, NR_IPC_P_RESOURCE_PARENT,
};
/* The largest buffer a provider call fills in the host: what the router's
 * caller offers, but no more than this (an enumeration then takes more
 * rounds; a single answer larger than this fails).  Small enough that the
 * buffer and its pointer table (NR_IPC_P_* answers: u32 count, then a u32
 * pair per pointer: where it is in the buffer, where it points, 0xffffffff
 * for NULL) fit one message. */
#define NR_IPC_MAX_BUFFER (32u * 1024u)
#define NR_IPC_HAS_ADD_NOTIFY 0x1u
#define NR_IPC_HAS_CANCEL_NOTIFY 0x2u
#define NR_IPC_HAS_SHUTDOWN 0x4u
#define NR_IPC_HAS_GET_CAPS 0x8u
#define NR_IPC_HAS_ADD 0x10u
#define NR_IPC_HAS_ADD3 0x20u
#define NR_IPC_HAS_CANCEL 0x40u
#define NR_IPC_HAS_GET_CONNECTION 0x80u
#define NR_IPC_HAS_GET_USER 0x100u
#define NR_IPC_HAS_UNIVERSAL_NAME 0x200u
#define NR_IPC_HAS_RESOURCE_INFORMATION 0x400u
#define NR_IPC_HAS_OPEN_ENUM 0x800u
#define NR_IPC_HAS_ENUM_RESOURCE 0x1000u
#define NR_IPC_HAS_CLOSE_ENUM 0x2000u
#define NR_IPC_HAS_RESOURCE_PARENT 0x4000u

/* A message being written: the header is filled by nr_ipc_send(). */
typedef struct nr_ipc_out {
    unsigned char b[NR_IPC_HEADER + NR_IPC_MAX_PAYLOAD];
    size_t len;        /* header included */
    bool overflow;     /* a field did not fit: nr_ipc_send() refuses */
} nr_ipc_out;
NR_IPC_HIDDEN void nr_ipc_begin(nr_ipc_out *o);
NR_IPC_HIDDEN void nr_ipc_put_u32(nr_ipc_out *o, uint32_t v);
NR_IPC_HIDDEN void nr_ipc_put_u64(nr_ipc_out *o, uint64_t v);
NR_IPC_HIDDEN void nr_ipc_put_str(nr_ipc_out *o, const char *s);
/* nr_ipc_send() with a descriptor passed along (SCM_RIGHTS). */
NR_IPC_HIDDEN bool nr_ipc_send_fd(int fd, uint32_t type, uint32_t id, nr_ipc_out *o, int passed);
/* nr_ipc_send() that drops the message rather than wait for room (errno
 * EAGAIN), for what may be sent at any time (LOG lines). */
NR_IPC_HIDDEN bool nr_ipc_send_nowait(int fd, uint32_t type, uint32_t id, nr_ipc_out *o);
/* Bytes: u32 length, then the bytes. */
NR_IPC_HIDDEN void nr_ipc_put_blob(nr_ipc_out *o, const void *p, uint32_t n);
/* Appends the fields of tail (written with nr_ipc_begin and the put
 * functions) to o. */
NR_IPC_HIDDEN void nr_ipc_append(nr_ipc_out *o, const nr_ipc_out *tail);
/* A NETRESOURCE's strings and numbers, or NULL: u32 present, then 4 str
 * (local, remote, comment, provider) and 4 u32 (scope, type, display
 * type, usage). */
NR_IPC_HIDDEN void nr_ipc_put_res(nr_ipc_out *o, const NETRESOURCEA *r);
/* Sends o as one message; false with errno set (EMSGSIZE on overflow). */
NR_IPC_HIDDEN bool nr_ipc_send(int fd, uint32_t type, uint32_t id, nr_ipc_out *o);

/* A message being read. */
typedef struct nr_ipc_in {
    unsigned char b[NR_IPC_HEADER + NR_IPC_MAX_PAYLOAD + 1];
    uint32_t type, id;
    size_t len, pos;   /* payload bytes, read position (after the header) */
    bool bad;          /* a field ran past the end or was malformed */
} nr_ipc_in;
/* Checks the header of the n bytes in in->b and sets type, id and len;
 * false for a message that is too short, too long or whose length field
 * disagrees with n.  The fuzz target's entry point. */
NR_IPC_HIDDEN bool nr_ipc_decode(nr_ipc_in *in, size_t n);
/* Receives one message, waiting until deadline_ms (nr_clock_ms() time, clock.h;
 * 0: no deadline).  1: a message; 0: the peer is gone; -1 with
 * errno (ETIMEDOUT, EPROTO for a malformed message). */
NR_IPC_HIDDEN int nr_ipc_recv(int fd, nr_ipc_in *in, uint64_t deadline_ms);
/* One message, blocking, and the descriptor it carried (*passed, -1 for
 * none; O_CLOEXEC).  Results as nr_ipc_recv(). */
NR_IPC_HIDDEN int nr_ipc_recv_fd(int fd, nr_ipc_in *in, int *passed);
/* The same with one blocking recv(), for the fast path: the deadline is the
 * socket's SO_RCVTIMEO (then -1 with ETIMEDOUT), or none.  With spin_us,
 * first looks for the message without blocking for that many
 * microseconds (the peer usually answers faster than a wake-up). */
NR_IPC_HIDDEN int nr_ipc_recv_timed(int fd, nr_ipc_in *in, unsigned spin_us);
NR_IPC_HIDDEN uint32_t nr_ipc_get_u32(nr_ipc_in *in);
NR_IPC_HIDDEN uint64_t nr_ipc_get_u64(nr_ipc_in *in);
/* Bytes (pointer into in, *n set), or NULL when malformed (then in->bad). */
NR_IPC_HIDDEN const void *nr_ipc_get_blob(nr_ipc_in *in, uint32_t *n);
/* A pointer into in (valid until the next receive), or NULL (a NULL string,
 * or malformed: then in->bad). */
NR_IPC_HIDDEN const char *nr_ipc_get_str(nr_ipc_in *in);
/* Fills *r (its strings point into in); false when absent or malformed. */
NR_IPC_HIDDEN bool nr_ipc_get_res(nr_ipc_in *in, NETRESOURCEA *r);

#endif
