/*
 * test-errors.c - every WN_* / ERROR_* code of <netrouter/npapi.h> has a
 * text (nr_strerror) and a name (the one --json and the log notifier
 * print), both from the one list written in npapi.h.
 *
 * What "every code" is does not come from that list: the build asks the
 * compiler for every NO_ERROR, ERROR_* and WN_* macro of the installed
 * header (tests/npapi-codes.h, from `cc -dM -E`), so a code added to
 * npapi.h without a text fails here.
 */
#include "config.h"

#include <string.h>

#include "npapi-errors.h"
#include "testutil.h"

NRT_SUITE("errors");

static const struct code {
    const char *name;
    DWORD value;
} codes[] = {
#define CODE(name) { #name, name },
#include "npapi-codes.h"

#undef CODE
};
#define NCODES (sizeof codes / sizeof codes[0])

/* The value of the macro called name, or false when the header has none. */
static bool value_of(const char *name, DWORD *value)
{
    for (size_t i = 0; i < NCODES; i++) {
        if (!strcmp(codes[i].name, name)) {
            *value = codes[i].value;
            return true;
        }
    }
    return false;
}

NRT_TEST(the_header_has_codes)
{
    NRT_GT(NCODES, 80u); /* 44 codes and their WN_* aliases */
}

NRT_TEST(every_code_has_a_text)
{
    for (size_t i = 0; i < NCODES; i++) {
        const char *text = nr_npapi_error_text(codes[i].value);
        NRT_TRUE_MSG(text && *text, "%s (%u) has a text", codes[i].name, (unsigned)codes[i].value);
        NRT_EQ_STR(nr_strerror(codes[i].value), text);
    }
}

NRT_TEST(every_code_has_a_name_of_the_same_value)
{
    for (size_t i = 0; i < NCODES; i++) {
        const char *name = nr_npapi_error_name(codes[i].value);
        DWORD value = 0;
        NRT_TRUE_MSG(name && value_of(name, &value) && value == codes[i].value,
                     "%s (%u) is named after a macro of the same value: it is named %s (%u)", codes[i].name,
                     (unsigned)codes[i].value, name ? name : "(null)", (unsigned)value);
    }
}

NRT_TEST(a_code_with_a_wn_alias_is_named_by_it)
{
    for (size_t i = 0; i < NCODES; i++) {
        const char *name = nr_npapi_error_name(codes[i].value);
        if (strncmp(codes[i].name, "WN_", 3) != 0)
            continue;
        NRT_TRUE_MSG(name && !strncmp(name, "WN_", 3), "%s (%u) has a WN_* name, but it is named %s",
                     codes[i].name, (unsigned)codes[i].value, name ? name : "(null)");
    }
}

NRT_TEST(names_of_well_known_codes)
{
    NRT_EQ_STR(nr_npapi_error_name(WN_SUCCESS), "WN_SUCCESS");
    NRT_EQ_STR(nr_npapi_error_name(87), "WN_BAD_VALUE");
    NRT_EQ_STR(nr_npapi_error_name(ERROR_NO_MORE_ITEMS), "WN_NO_MORE_ENTRIES");
    NRT_EQ_STR(nr_npapi_error_name(ERROR_UNEXP_NET_ERR), "WN_NET_ERROR");
    NRT_EQ_STR(nr_npapi_error_name(ERROR_POSSIBLE_DEADLOCK), "ERROR_POSSIBLE_DEADLOCK");
    NRT_EQ_STR(nr_npapi_error_name(ERROR_INSUFFICIENT_BUFFER), "ERROR_INSUFFICIENT_BUFFER");
}

NRT_TEST(texts_of_well_known_codes)
{
    NRT_EQ_STR(nr_npapi_error_text(WN_BAD_NETNAME), "The network name cannot be found.");
    NRT_EQ_STR(nr_npapi_error_text(WN_NO_NET_OR_BAD_PATH),
               "The network path was either typed incorrectly, does not exist, or the network provider is not "
               "currently available. Please try retyping the path or contact your network administrator.");
    NRT_EQ_STR(nr_npapi_error_text(WN_CONNECTED_OTHER_PASSWORD),
               "The network connection was made successfully, but the user had to be prompted for a password "
               "other than the one originally specified.");
}

/* The texts Windows 10 and 11 give for these codes (FormatMessage with
 * FORMAT_MESSAGE_FROM_SYSTEM, as Microsoft Learn's "System Error Codes"
 * pages list them), word for word: a ported program that compares or shows
 * them sees what it saw on Windows, including the second sentence of 1245
 * that belongs to no network. */
static const struct windows_text {
    DWORD code;
    const char *text;
} windows_texts[] = {
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
      "currently available. Please try retyping the path or contact your network administrator." },
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
      "The operation being requested was not performed because the user has not logged on to the "
      "network. The specified service does not exist." },
    { ERROR_ALREADY_INITIALIZED,
      "An attempt was made to perform an initialization operation when initialization has already been "
      "completed." },
    { ERROR_NO_MORE_DEVICES, "No more local devices." },
    { ERROR_NO_LOGON_SERVERS, "There are currently no logon servers available to service the logon request." },
    { ERROR_CONNECTED_OTHER_PASSWORD,
      "The network connection was made successfully, but the user had to be prompted for a password "
      "other than the one originally specified." },
    { ERROR_CONNECTED_OTHER_PASSWORD_DEFAULT,
      "The network connection was made successfully using default credentials." },
    { ERROR_BAD_USERNAME, "The specified username is invalid." },
    { ERROR_NOT_CONNECTED, "This network connection does not exist." },
    { ERROR_OPEN_FILES, "This network connection has files open or requests pending." },
    { ERROR_DEVICE_IN_USE, "The device is in use by an active process and cannot be disconnected." },
};

NRT_TEST(every_text_is_the_windows_wording)
{
    for (size_t i = 0; i < sizeof windows_texts / sizeof windows_texts[0]; i++)
        NRT_TRUE_MSG(!strcmp(nr_strerror(windows_texts[i].code), windows_texts[i].text),
                     "error %u is \"%s\", not Windows' \"%s\"", (unsigned)windows_texts[i].code,
                     nr_strerror(windows_texts[i].code), windows_texts[i].text);
}

NRT_TEST(an_unknown_code_has_no_name_and_no_text)
{
    NRT_NULL(nr_npapi_error_name(123456));
    NRT_NULL(nr_npapi_error_text(123456));
    NRT_EQ_STR(nr_strerror(123456), "Unknown error 123456.");
}
