/*
 * win/winerror.h - the porting header that stands where Windows'
 * <winerror.h> does: ERROR_SUCCESS, NO_ERROR and the ERROR_* codes that the
 * WNet and RAS functions and the NPAPI entry points return, with Windows'
 * values (tests/conformance/winerror.constants lists them and their public
 * source).  Names only.
 *
 * The codes that netrouter's own headers already define (npapi.h: the WNet
 * codes with their texts; winnetwk.h; ras.h: the RAS codes 600-877) come
 * from there: this file includes those headers first and adds only what
 * they lack, each under #ifndef, so that every code has one definition
 * whatever the order of the includes.  nr_strerror and RasGetErrorString know the texts of
 * the codes of npapi.h and raserror.h; the others here are names for
 * comparisons (rc == ERROR_FILE_NOT_FOUND).
 *
 * Thread safety and ownership: none apply; this header declares no
 * functions.
 */
#ifndef NETROUTER_WIN_WINERROR_H
#define NETROUTER_WIN_WINERROR_H

#include <netrouter/npapi.h>
#if defined(__has_include)
#if __has_include(<netrouter/winnetwk.h>)
#include <netrouter/winnetwk.h>
#endif
#if __has_include(<netrouter/ras.h>)
#include <netrouter/ras.h>
#endif
#endif

#ifndef ERROR_SUCCESS
#define ERROR_SUCCESS 0u
#endif

/* Codes below 600 (winerror.h's first block) */
#ifndef ERROR_INVALID_FUNCTION
#define ERROR_INVALID_FUNCTION 1u
#endif
#ifndef ERROR_FILE_NOT_FOUND
#define ERROR_FILE_NOT_FOUND 2u
#endif
#ifndef ERROR_PATH_NOT_FOUND
#define ERROR_PATH_NOT_FOUND 3u
#endif
#ifndef ERROR_TOO_MANY_OPEN_FILES
#define ERROR_TOO_MANY_OPEN_FILES 4u
#endif
#ifndef ERROR_INVALID_ACCESS
#define ERROR_INVALID_ACCESS 12u
#endif
#ifndef ERROR_INVALID_DATA
#define ERROR_INVALID_DATA 13u
#endif
#ifndef ERROR_OUTOFMEMORY
#define ERROR_OUTOFMEMORY 14u
#endif
#ifndef ERROR_INVALID_DRIVE
#define ERROR_INVALID_DRIVE 15u
#endif
#ifndef ERROR_NOT_SAME_DEVICE
#define ERROR_NOT_SAME_DEVICE 17u
#endif
#ifndef ERROR_NO_MORE_FILES
#define ERROR_NO_MORE_FILES 18u
#endif
#ifndef ERROR_NOT_READY
#define ERROR_NOT_READY 21u
#endif
#ifndef ERROR_SHARING_VIOLATION
#define ERROR_SHARING_VIOLATION 32u
#endif
#ifndef ERROR_HANDLE_EOF
#define ERROR_HANDLE_EOF 38u
#endif
#ifndef ERROR_REM_NOT_LIST
#define ERROR_REM_NOT_LIST 51u
#endif
#ifndef ERROR_DUP_NAME
#define ERROR_DUP_NAME 52u
#endif
#ifndef ERROR_NETWORK_BUSY
#define ERROR_NETWORK_BUSY 54u
#endif
#ifndef ERROR_DEV_NOT_EXIST
#define ERROR_DEV_NOT_EXIST 55u
#endif
#ifndef ERROR_BAD_NET_RESP
#define ERROR_BAD_NET_RESP 58u
#endif
#ifndef ERROR_NETNAME_DELETED
#define ERROR_NETNAME_DELETED 64u
#endif
#ifndef ERROR_NETWORK_ACCESS_DENIED
#define ERROR_NETWORK_ACCESS_DENIED 65u
#endif
#ifndef ERROR_FILE_EXISTS
#define ERROR_FILE_EXISTS 80u
#endif
#ifndef ERROR_CANNOT_MAKE
#define ERROR_CANNOT_MAKE 82u
#endif
#ifndef ERROR_OPEN_FAILED
#define ERROR_OPEN_FAILED 110u
#endif
#ifndef ERROR_BUFFER_OVERFLOW
#define ERROR_BUFFER_OVERFLOW 111u
#endif
#ifndef ERROR_DISK_FULL
#define ERROR_DISK_FULL 112u
#endif
#ifndef ERROR_CALL_NOT_IMPLEMENTED
#define ERROR_CALL_NOT_IMPLEMENTED 120u
#endif
#ifndef ERROR_SEM_TIMEOUT
#define ERROR_SEM_TIMEOUT 121u
#endif
#ifndef ERROR_INVALID_NAME
#define ERROR_INVALID_NAME 123u
#endif
#ifndef ERROR_MOD_NOT_FOUND
#define ERROR_MOD_NOT_FOUND 126u
#endif
#ifndef ERROR_PROC_NOT_FOUND
#define ERROR_PROC_NOT_FOUND 127u
#endif
#ifndef ERROR_DIR_NOT_EMPTY
#define ERROR_DIR_NOT_EMPTY 145u
#endif
#ifndef ERROR_BAD_ARGUMENTS
#define ERROR_BAD_ARGUMENTS 160u
#endif
#ifndef ERROR_BAD_PATHNAME
#define ERROR_BAD_PATHNAME 161u
#endif
#ifndef ERROR_ALREADY_EXISTS
#define ERROR_ALREADY_EXISTS 183u
#endif
#ifndef ERROR_FILENAME_EXCED_RANGE
#define ERROR_FILENAME_EXCED_RANGE 206u
#endif

/* Codes from 995 on */
#ifndef ERROR_OPERATION_ABORTED
#define ERROR_OPERATION_ABORTED 995u
#endif
#ifndef ERROR_IO_INCOMPLETE
#define ERROR_IO_INCOMPLETE 996u
#endif
#ifndef ERROR_IO_PENDING
#define ERROR_IO_PENDING 997u
#endif
#ifndef ERROR_NOACCESS
#define ERROR_NOACCESS 998u
#endif
#ifndef ERROR_INVALID_FLAGS
#define ERROR_INVALID_FLAGS 1004u
#endif
#ifndef ERROR_NO_TOKEN
#define ERROR_NO_TOKEN 1008u
#endif
#ifndef ERROR_SERVICE_NOT_ACTIVE
#define ERROR_SERVICE_NOT_ACTIVE 1062u
#endif
#ifndef ERROR_NO_UNICODE_TRANSLATION
#define ERROR_NO_UNICODE_TRANSLATION 1113u
#endif
#ifndef ERROR_DEVICE_NOT_CONNECTED
#define ERROR_DEVICE_NOT_CONNECTED 1167u
#endif
#ifndef ERROR_NOT_FOUND
#define ERROR_NOT_FOUND 1168u
#endif
#ifndef ERROR_SESSION_CREDENTIAL_CONFLICT
#define ERROR_SESSION_CREDENTIAL_CONFLICT 1219u
#endif
#ifndef ERROR_REMOTE_SESSION_LIMIT_EXCEEDED
#define ERROR_REMOTE_SESSION_LIMIT_EXCEEDED 1220u
#endif
#ifndef ERROR_CONNECTION_REFUSED
#define ERROR_CONNECTION_REFUSED 1225u
#endif
#ifndef ERROR_GRACEFUL_DISCONNECT
#define ERROR_GRACEFUL_DISCONNECT 1226u
#endif
#ifndef ERROR_NETWORK_UNREACHABLE
#define ERROR_NETWORK_UNREACHABLE 1231u
#endif
#ifndef ERROR_HOST_UNREACHABLE
#define ERROR_HOST_UNREACHABLE 1232u
#endif
#ifndef ERROR_CONNECTION_ABORTED
#define ERROR_CONNECTION_ABORTED 1236u
#endif
#ifndef ERROR_NO_SUCH_LOGON_SESSION
#define ERROR_NO_SUCH_LOGON_SESSION 1312u
#endif
#ifndef ERROR_NO_SUCH_USER
#define ERROR_NO_SUCH_USER 1317u
#endif
#ifndef ERROR_WRONG_PASSWORD
#define ERROR_WRONG_PASSWORD 1323u
#endif
#ifndef ERROR_LOGON_FAILURE
#define ERROR_LOGON_FAILURE 1326u
#endif
#ifndef ERROR_ACCOUNT_RESTRICTION
#define ERROR_ACCOUNT_RESTRICTION 1327u
#endif
#ifndef ERROR_PASSWORD_EXPIRED
#define ERROR_PASSWORD_EXPIRED 1330u
#endif
#ifndef ERROR_ACCOUNT_DISABLED
#define ERROR_ACCOUNT_DISABLED 1331u
#endif
#ifndef ERROR_TIMEOUT
#define ERROR_TIMEOUT 1460u
#endif
#ifndef ERROR_INVALID_USER_BUFFER
#define ERROR_INVALID_USER_BUFFER 1784u
#endif

#endif /* NETROUTER_WIN_WINERROR_H */
