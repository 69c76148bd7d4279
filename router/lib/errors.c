/*
 * errors.c - the fixed English text of every WN_* / ERROR_* code netrouter
 * uses (the Windows system message texts), and nr_strerror().
 *
 * Pure lookup: no state, callable from anywhere, including inside plugins.
 */
#include "config.h"

#include <stdio.h>

#include "internal.h"

static const struct { DWORD code; const char *text; } code_texts[] = {
    { NO_ERROR, "The operation completed successfully." },
    { ERROR_ACCESS_DENIED, "Access is denied." },
    { ERROR_INVALID_HANDLE, "The handle is invalid." },
    { ERROR_NOT_ENOUGH_MEMORY, "Not enough memory resources are available to process this command." },
    { ERROR_GEN_FAILURE, "A device attached to the system is not functioning." },
    { ERROR_NOT_SUPPORTED, "The request is not supported." },
    { ERROR_BAD_NETPATH, "The network path was not found." },
    { ERROR_UNEXP_NET_ERR, "An unexpected network error occurred." },
    { ERROR_BAD_DEV_TYPE, "The network resource type is not correct." },
    { ERROR_BAD_NET_NAME, "The network name cannot be found." },
    { ERROR_ALREADY_ASSIGNED, "The local device name is already in use." },
    { ERROR_INVALID_PASSWORD, "The specified network password is not correct." },
    { ERROR_INVALID_PARAMETER, "The parameter is incorrect." },
    { ERROR_INSUFFICIENT_BUFFER, "The data area passed to a system call is too small." },
    { ERROR_INVALID_LEVEL, "The system call level is not correct." },
    { ERROR_BUSY, "The requested resource is in use." },
    { ERROR_MORE_DATA, "More data is available." },
    { ERROR_NO_MORE_ITEMS, "No more data is available." },
    { ERROR_INVALID_ADDRESS, "Attempt to access invalid address." },
    { ERROR_DLL_INIT_FAILED, "A dynamic link library (DLL) initialization routine failed." },
    { ERROR_POSSIBLE_DEADLOCK, "A potential deadlock condition has been detected." },
    { ERROR_BAD_DEVICE, "The specified device name is invalid." },
    { ERROR_CONNECTION_UNAVAIL, "The device is not currently connected but it is a remembered connection." },
    { ERROR_DEVICE_ALREADY_REMEMBERED,
      "The local device name has a remembered connection to another network resource." },
    { ERROR_NO_NET_OR_BAD_PATH,
      "The network path was either typed incorrectly, does not exist, or the network provider is not "
      "currently available." },
    { ERROR_BAD_PROVIDER, "The specified network provider name is invalid." },
    { ERROR_CANNOT_OPEN_PROFILE, "Unable to open the network connection profile." },
    { ERROR_BAD_PROFILE, "The network connection profile is corrupted." },
    { ERROR_NOT_CONTAINER, "Cannot enumerate a noncontainer." },
    { ERROR_EXTENDED_ERROR, "An extended error has occurred." },
    { ERROR_NO_NETWORK, "The network is not present or not started." },
    { ERROR_CANCELLED, "The operation was canceled by the user." },
    { ERROR_RETRY, "The operation could not be completed. A retry should be performed." },
    { ERROR_NOT_AUTHENTICATED,
      "The operation being requested was not performed because the user has not been authenticated." },
    { ERROR_NOT_LOGGED_ON,
      "The operation being requested was not performed because the user has not logged on to the network." },
    { ERROR_ALREADY_INITIALIZED,
      "An attempt was made to perform an initialization operation when initialization has already been "
      "completed." },
    { ERROR_NO_MORE_DEVICES, "No more local devices." },
    { ERROR_NO_LOGON_SERVERS, "There are currently no logon servers available to service the logon request." },
    { ERROR_CONNECTED_OTHER_PASSWORD,
      "The network connection was made successfully, but the user had to be prompted for a password other "
      "than the one originally specified." },
    { ERROR_CONNECTED_OTHER_PASSWORD_DEFAULT,
      "The network connection was made successfully using default credentials." },
    { ERROR_BAD_USERNAME, "The specified username is invalid." },
    { ERROR_NOT_CONNECTED, "This network connection does not exist." },
    { ERROR_OPEN_FILES, "There are open files or requests pending on this connection." },
    { ERROR_DEVICE_IN_USE, "The device is in use by an active process and cannot be disconnected." },
};

const char *nr__code_text(DWORD code)
{
    for (size_t i = 0; i < sizeof code_texts / sizeof code_texts[0]; i++)
        if (code_texts[i].code == code)
            return code_texts[i].text;
    return NULL;
}

NR_PUBLIC const char *nr_strerror(DWORD code)
{
    static __thread char unknown[48];
    const char *t = nr__code_text(code);
    if (t)
        return t;
    snprintf(unknown, sizeof unknown, "Unknown error %u.", (unsigned)code);
    return unknown;
}

NR_PUBLIC const char *nr_version(void)
{
    return PACKAGE_VERSION;
}

NR_PUBLIC const char *nr_stage_name(nr_stage stage)
{
    switch (stage) {
    case NR_STAGE_PARSE: return "parse";
    case NR_STAGE_SCHEMA: return "schema";
    case NR_STAGE_RESOLVE: return "resolve";
    case NR_STAGE_LOAD: return "load";
    case NR_STAGE_SYMBOL: return "symbol";
    case NR_STAGE_NEGOTIATE: return "negotiate";
    case NR_STAGE_INIT: return "init";
    case NR_STAGE_SEARCH: return "search";
    }
    return "unknown";
}
