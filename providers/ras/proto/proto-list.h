/*
 * proto-list.h - the vocabulary of the RAS service protocol, written once:
 * every attribute (its number, name, kind and longest value) and every
 * message type (its number, name, sender, and which attributes it must and
 * may carry).  Everything else — the enums, the names for logs, the
 * decoder's and the builder's rules — is made from these two lists
 * (proto.h, proto.c), so a number, its name and its rule cannot drift apart
 * (libuv's UV_ERRNO_MAP(XX) pattern).  docs/service.md describes the
 * protocol for people.
 *
 * Rules of the lists (proto.c checks them at compile time): numbers start
 * at 1 and follow each other in the order written; a number, once
 * released, never changes meaning (add at the end); a message names a tag
 * at most once.  What a later protocol version added is also listed in
 * NR_PROTO_ADDED (at the end of this file), with that version.
 */
#ifndef NR_RAS_PROTO_LIST_H
#define NR_RAS_PROTO_LIST_H

#include <netrouter/ras.h>

#include "nr-error.h"

/* The longest IPv4 address in text, and a network interface's name
 * without its NUL (IFNAMSIZ - 1). */
#define NR_PROTO_IFNAME_MAX 15
/* A link's DNS servers in text: at most two dotted quads (IPCP's primary
 * and secondary) and the space between them. */
#define NR_PROTO_NAMESERVERS_MAX 31
/* The most terminal octets one message carries (a read may return fewer):
 * what fits beside the handle, so that a TERMINAL_DATA or TERMINAL_WRITE
 * can be exactly NR_PROTO_MAX_MESSAGE octets (proto.h). */
#define NR_PROTO_TERMINAL_MAX (NR_PROTO_MAX_MESSAGE - NR_PROTO_HEADER_SIZE - 2 * NR_PROTO_ATTR_HEADER - 8)

/*
 * XX(number, NAME, "name", KIND, longest value in octets)
 *
 * KIND: U32 and U64 are unsigned integers in network byte order, exactly 4
 * and 8 octets; STR is UTF-8 text without NUL (no terminator on the wire);
 * SECRET is a STR that is never logged and that every copy of the codec
 * wipes; BYTES are raw octets, never shown in logs either.
 */
#define NR_PROTO_TAGS(XX)                                                                                      \
    /* the conversation */                                                                                     \
    XX(1, VERSION_MIN, "version_min", U32, 4)         /* lowest protocol version the client speaks */         \
    XX(2, VERSION_MAX, "version_max", U32, 4)         /* highest protocol version the client speaks */        \
    XX(3, VERSION, "version", U32, 4)                 /* the version the service chose */                     \
    XX(4, PROGRAM, "program", STR, 64)                /* the client's program name, for the service's log */  \
    XX(5, SERVICE, "service", STR, 64)                /* the service's name and release */                    \
    XX(6, UID, "uid", U32, 4)                         /* a user: the client's, a link's owner */              \
    /* the end of an answer */                                                                                 \
    XX(7, CODE, "code", U32, 4)                       /* 0, or a RAS / npapi.h error number */                \
    XX(8, EXT, "ext", U32, 4)                         /* the extended code (errno, +CME ERROR, pid) */        \
    XX(9, DETAIL, "detail", STR, NR_ERROR_DETAIL_SIZE - 1) /* the sentence naming what was at fault */       \
    XX(10, COUNT, "count", U32, 4)                    /* how many records came before */                      \
    /* a link and what to dial */                                                                              \
    XX(11, HANDLE, "handle", U64, 8)                  /* a link's number, the same in every process */        \
    XX(12, ENTRY, "entry", STR, NR_RAS_MaxEntryNameUtf8) /* RAS_MaxEntryName characters */                     \
    XX(13, PHONEBOOK, "phonebook", STR, RAS_MaxPath)                                                           \
    XX(14, PHONE_NUMBER, "phone_number", STR, RAS_MaxPhoneNumber)                                              \
    XX(15, CALLBACK_NUMBER, "callback_number", STR, RAS_MaxCallbackNumber)                                     \
    XX(16, USER, "user", STR, UNLEN)                                                                           \
    XX(17, PASSWORD, "password", SECRET, PWLEN)                                                                \
    XX(18, DOMAIN, "domain", STR, DNLEN)                                                                       \
    XX(19, SUBENTRY, "subentry", U32, 4)                                                                       \
    XX(20, CALLBACK_ID, "callback_id", U64, 8)        /* RASDIALPARAMS.dwCallbackId */                        \
    XX(21, DIAL_OPTIONS, "dial_options", U32, 4)      /* RASDIALEXTENSIONS.dwfOptions (RDEOPT_*) */           \
    XX(22, NOTIFIER, "notifier", U32, 4)              /* the client's notifier type (RasDial's) */            \
    XX(23, TIMEOUT_MS, "timeout_ms", U32, 4)                                                                   \
    /* state */                                                                                                \
    XX(24, STATE, "state", U32, 4)                    /* RASCONNSTATE */                                      \
    XX(25, ERROR, "error", U32, 4)                    /* the error of that state, or 0 */                     \
    XX(26, EXT_ERROR, "ext_error", U32, 4)                                                                     \
    XX(27, DEVICE_TYPE, "device_type", STR, RAS_MaxDeviceType)                                                 \
    XX(28, DEVICE_NAME, "device_name", STR, RAS_MaxDeviceName)                                                 \
    XX(29, INTERFACE, "interface", STR, NR_PROTO_IFNAME_MAX) /* the link's TUN interface */                   \
    XX(30, EVENTS, "events", U32, 4)                  /* RASCN_* bits */                                      \
    XX(31, STOP_EVENTS, "stop_events", U32, 4)        /* nonzero: the handler wants no more (RASDIALFUNC2) */ \
    /* projection (RasGetProjectionInfo) */                                                                    \
    XX(32, PROJECTION, "projection", U32, 4)          /* RASP_* */                                            \
    XX(33, IP_ADDRESS, "ip_address", STR, RAS_MaxIpAddress)                                                    \
    XX(34, SERVER_IP_ADDRESS, "server_ip_address", STR, RAS_MaxIpAddress)                                      \
    XX(35, OPTIONS, "options", U32, 4)                                                                         \
    XX(36, SERVER_OPTIONS, "server_options", U32, 4)                                                           \
    XX(37, AUTH_PROTOCOL, "auth_protocol", U32, 4)                                                             \
    XX(38, AUTH_DATA, "auth_data", U32, 4)                                                                     \
    XX(39, SERVER_AUTH_PROTOCOL, "server_auth_protocol", U32, 4)                                               \
    XX(40, SERVER_AUTH_DATA, "server_auth_data", U32, 4)                                                       \
    XX(41, TERMINATE_REASON, "terminate_reason", U32, 4)                                                       \
    XX(42, SERVER_TERMINATE_REASON, "server_terminate_reason", U32, 4)                                         \
    XX(43, REPLY_MESSAGE, "reply_message", STR, RAS_MaxReplyMessage - 1)                                       \
    /* statistics (RAS_STATS) */                                                                               \
    XX(44, BYTES_SENT, "bytes_sent", U64, 8)                                                                   \
    XX(45, BYTES_RECEIVED, "bytes_received", U64, 8)                                                           \
    XX(46, FRAMES_SENT, "frames_sent", U64, 8)                                                                 \
    XX(47, FRAMES_RECEIVED, "frames_received", U64, 8)                                                         \
    XX(48, CRC_ERRORS, "crc_errors", U64, 8)                                                                   \
    XX(49, TIMEOUT_ERRORS, "timeout_errors", U64, 8)                                                           \
    XX(50, ALIGNMENT_ERRORS, "alignment_errors", U64, 8)                                                       \
    XX(51, HARDWARE_OVERRUN_ERRORS, "hardware_overrun_errors", U64, 8)                                         \
    XX(52, FRAMING_ERRORS, "framing_errors", U64, 8)                                                           \
    XX(53, BUFFER_OVERRUN_ERRORS, "buffer_overrun_errors", U64, 8)                                             \
    XX(54, COMPRESSION_RATIO_IN, "compression_ratio_in", U32, 4)                                               \
    XX(55, COMPRESSION_RATIO_OUT, "compression_ratio_out", U32, 4)                                             \
    XX(56, BPS, "bps", U32, 4)                                                                                 \
    XX(57, CONNECT_DURATION_MS, "connect_duration_ms", U64, 8)                                                 \
    /* the terminal step (nr_ras_terminal_read / _write) */                                                    \
    XX(58, SIZE, "size", U32, 4)                      /* the most octets wanted */                            \
    XX(59, DATA, "data", BYTES, NR_PROTO_TERMINAL_MAX)                                                         \
    /* version 2 */                                                                                            \
    XX(60, NAMESERVERS, "nameservers", STR, NR_PROTO_NAMESERVERS_MAX) /* DNS servers, primary first */

/* The attributes every statistics answer carries. */
#define NR_PROTO_STATS_TAGS_                                                                                   \
    REQ(BYTES_SENT) REQ(BYTES_RECEIVED) REQ(FRAMES_SENT) REQ(FRAMES_RECEIVED) REQ(CRC_ERRORS)                  \
    REQ(TIMEOUT_ERRORS) REQ(ALIGNMENT_ERRORS) REQ(HARDWARE_OVERRUN_ERRORS) REQ(FRAMING_ERRORS)                 \
    REQ(BUFFER_OVERRUN_ERRORS) REQ(COMPRESSION_RATIO_IN) REQ(COMPRESSION_RATIO_OUT) REQ(BPS)                   \
    REQ(CONNECT_DURATION_MS)

/*
 * XX(number, NAME, "name", SENDER, attributes)
 *
 * SENDER: CLIENT (libnetrouter-ras) or SERVICE.  attributes: REQ(TAG) for
 * an attribute the message must carry, OPT(TAG) for one it may carry; any
 * other attribute is refused.  A request's answer carries the request's
 * seq: zero or more records (STATUS_INFO, CONNECTION, ...), then one REPLY.
 */
#define NR_PROTO_MESSAGES(XX)                                                                                  \
    /* HELLO first, in the client's lowest version; WELCOME (or a REPLY with an error) answers it */           \
    XX(1, HELLO, "hello", CLIENT, REQ(VERSION_MIN) REQ(VERSION_MAX) OPT(PROGRAM))                              \
    XX(2, WELCOME, "welcome", SERVICE, REQ(VERSION) OPT(SERVICE) OPT(UID))                                     \
    /* the end of every answer: 0 or the error, what was at fault; HANDLE for DIAL, COUNT for lists */         \
    XX(3, REPLY, "reply", SERVICE, REQ(CODE) OPT(EXT) OPT(DETAIL) OPT(HANDLE) OPT(COUNT))                      \
    XX(4, DIAL, "dial", CLIENT,                                                                                \
       REQ(ENTRY) OPT(PHONEBOOK) OPT(PHONE_NUMBER) OPT(CALLBACK_NUMBER) OPT(USER) OPT(PASSWORD) OPT(DOMAIN)    \
           OPT(SUBENTRY) OPT(CALLBACK_ID) OPT(DIAL_OPTIONS) OPT(NOTIFIER))                                     \
    /* RasDial on the handle of a dial paused in a RASCS_PAUSED state */                                       \
    XX(5, RESUME, "resume", CLIENT,                                                                            \
       REQ(HANDLE) OPT(CALLBACK_NUMBER) OPT(USER) OPT(PASSWORD) OPT(DOMAIN))                                   \
    /* RasHangUp; with TIMEOUT_MS, nr_ras_hang_up_wait */                                                      \
    XX(6, HANGUP, "hangup", CLIENT, REQ(HANDLE) OPT(TIMEOUT_MS))                                               \
    XX(7, STATUS, "status", CLIENT, REQ(HANDLE))                                                               \
    XX(8, STATUS_INFO, "status_info", SERVICE,                                                                 \
       REQ(HANDLE) REQ(STATE) REQ(ERROR) OPT(EXT_ERROR) OPT(DEVICE_TYPE) OPT(DEVICE_NAME) OPT(PHONE_NUMBER)    \
           OPT(INTERFACE) OPT(DETAIL) OPT(NAMESERVERS))                                                        \
    /* RasEnumConnections: one CONNECTION per link, then a REPLY with COUNT */                                 \
    XX(9, ENUM, "enum", CLIENT, )                                                                              \
    XX(10, CONNECTION, "connection", SERVICE,                                                                  \
       REQ(HANDLE) REQ(ENTRY) OPT(PHONEBOOK) OPT(DEVICE_TYPE) OPT(DEVICE_NAME) OPT(SUBENTRY) OPT(STATE)        \
           OPT(UID))                                                                                           \
    XX(11, PROJECTION, "projection", CLIENT, REQ(HANDLE) REQ(PROJECTION))                                      \
    XX(12, PROJECTION_INFO, "projection_info", SERVICE,                                                        \
       REQ(HANDLE) REQ(PROJECTION) OPT(ERROR) OPT(IP_ADDRESS) OPT(SERVER_IP_ADDRESS) OPT(OPTIONS)              \
           OPT(SERVER_OPTIONS) OPT(AUTH_PROTOCOL) OPT(AUTH_DATA) OPT(SERVER_AUTH_PROTOCOL)                     \
               OPT(SERVER_AUTH_DATA) OPT(TERMINATE_REASON) OPT(SERVER_TERMINATE_REASON) OPT(REPLY_MESSAGE))    \
    XX(13, STATS, "stats", CLIENT, REQ(HANDLE))                                                                \
    XX(14, STATS_INFO, "stats_info", SERVICE, REQ(HANDLE) NR_PROTO_STATS_TAGS_)                                \
    XX(15, CLEAR_STATS, "clear_stats", CLIENT, REQ(HANDLE))                                                    \
    /* RasConnectionNotification: one link, or (no HANDLE) every link of the caller */                         \
    XX(16, SUBSCRIBE, "subscribe", CLIENT, REQ(EVENTS) OPT(HANDLE))                                            \
    /* a state of a dial, to the client that dials it; the dial waits for its EVENT_DONE */                    \
    XX(17, EVENT, "event", SERVICE, REQ(HANDLE) REQ(STATE) REQ(ERROR) OPT(EXT_ERROR) OPT(DETAIL))              \
    XX(18, EVENT_DONE, "event_done", CLIENT, REQ(HANDLE) OPT(STOP_EVENTS))                                     \
    /* what happened to a subscribed link (RASCN_* bits) */                                                    \
    XX(19, NOTIFY, "notify", SERVICE, REQ(HANDLE) REQ(EVENTS))                                                 \
    XX(20, TERMINAL_READ, "terminal_read", CLIENT, REQ(HANDLE) REQ(SIZE) OPT(TIMEOUT_MS))                      \
    XX(21, TERMINAL_WRITE, "terminal_write", CLIENT, REQ(HANDLE) REQ(DATA))                                    \
    XX(22, TERMINAL_DATA, "terminal_data", SERVICE, REQ(HANDLE) REQ(DATA))

/*
 * XX(version, TYPE, TAG): what a protocol version after the first added to
 * the attributes a message type may carry (everything else above is
 * version 1's).  A message written in an earlier version may not carry it:
 * the decoder refuses it there, and the builder writes each message in the
 * lowest version that holds what it carries (proto.h), so a peer that
 * negotiated an earlier version is sent it only if the sender checks the
 * negotiated version first.  Add at the end, with NR_PROTO_VERSION raised.
 */
#define NR_PROTO_ADDED(XX)                                                                                     \
    XX(2, STATUS_INFO, NAMESERVERS) /* nr_ras_get_nameservers */

/*
 * XX(version, TAG, max): a value a protocol version after the first let be
 * longer; before that version the tag holds at most max octets.  The
 * decoder refuses a longer value in a message of an earlier version, and
 * the builder writes a message with one in that version at least, so a
 * peer that negotiated an earlier version must be sent the value as that
 * version held it (the service cuts an entry name at a character).
 */
#define NR_PROTO_WIDENED(XX)                                                                                   \
    XX(2, ENTRY, RAS_MaxEntryName) /* entry names of 256 characters, not bytes */

#endif
