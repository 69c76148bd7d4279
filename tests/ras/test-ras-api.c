/*
 * test-ras-api.c - the public RAS calls available so far, through the
 * installed-library interface: RasGetErrorString (the exact Windows text of
 * every code the provider produces, buffer sizes, unknown codes),
 * RasEnumEntries (with the size-probe protocol) and
 * nr_ras_get_last_phonebook_error.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <netrouter/ras.h>

#include "cunit-main.h"

static char dir[] = "/tmp/nr-ras-api.XXXXXX";
NRT_SUITE("ras-api", .tmpdir = dir);

static const char *write_book(const char *name, const char *text)
{
    static char path[600];
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "w");
    NRT_NOT_NULL_FATAL(f);
    fputs(text, f);
    fclose(f);
    chmod(path, 0600);
    return path;
}

static const char *three_entries(void)
{
    return write_book("three.json", "{\"entries\": [\n"
                                    " {\"name\": \"Office\", \"device\": \"/dev/ttyS0\", \"phone_number\": \"1\"},\n"
                                    " {\"name\": \"Home\", \"device\": \"/dev/ttyS1\", \"phone_number\": \"2\"},\n"
                                    " {\"name\": \"Lab\", \"device\": \"/dev/ttyUSB0\", \"phone_number\": \"3\"}\n]}\n");
}

NRT_TEST(error_string_of_a_ras_code)
{
    char buf[256];
    NRT_EQ(RasGetErrorString(ERROR_LINE_BUSY, buf, sizeof buf), 0);
    NRT_EQ_STR(buf, "The phone line is busy.");
    NRT_EQ(RasGetErrorString(ERROR_AUTHENTICATION_FAILURE, buf, sizeof buf), 0);
    NRT_CONTAINS(buf, "password");
}

NRT_TEST(error_string_of_every_code_in_ras_h)
{
    static const UINT codes[] = { 600, 601, 602, 603, 604, 606, 608, 609, 610, 615, 616, 617, 618, 619, 621, 622,
                                  623, 624, 625, 627, 628, 629, 630, 631, 632, 633, 635, 636, 638, 645, 646, 647,
                                  648, 649, 650, 651, 652, 663, 664, 665, 666, 668, 676, 677, 678, 679, 680, 681,
                                  691, 692, 703, 705, 718, 719, 720, 721, 722, 723, 730, 731, 732, 733, 734, 735,
                                  736, 737, 738, 756, 709, 778 };
    char buf[256];
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        NRT_EQ(RasGetErrorString(codes[i], buf, sizeof buf), 0);
        NRT_GT(strlen(buf), 5);
    }
}

/* Every code the provider can produce (grep providers/ras for ERROR_), with
 * the text Windows 10/11 gives for it (raserror.h / winerror.h). */
static const struct { UINT code; const char *text; } produced[] = {
    { ERROR_ACCESS_DENIED, "Access is denied." },
    { ERROR_INVALID_HANDLE, "The handle is invalid." },
    { ERROR_INVALID_PARAMETER, "The parameter is incorrect." },
    { ERROR_INSUFFICIENT_BUFFER, "The data area passed to a system call is too small." },
    { ERROR_POSSIBLE_DEADLOCK, "A potential deadlock condition has been detected." },
    { ERROR_BUFFER_TOO_SMALL, "The caller's buffer is too small." },
    { ERROR_CANNOT_SET_PORT_INFO, "The port information cannot be set." },
    { ERROR_DEVICE_DOES_NOT_EXIST, "A device was specified that does not exist." },
    { ERROR_BUFFER_INVALID, "An invalid buffer was specified." },
    { ERROR_PORT_DISCONNECTED, "A connection to the remote computer could not be established, so the port used "
                               "for this connection was closed." },
    { ERROR_CANNOT_OPEN_PHONEBOOK, "The system could not open the phone book file." },
    { ERROR_CANNOT_LOAD_PHONEBOOK, "The system could not load the phone book file." },
    { ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, "The system could not find the phone book entry for this connection." },
    { ERROR_CANNOT_WRITE_PHONEBOOK, "The system could not update the phone book file." },
    { ERROR_CORRUPT_PHONEBOOK, "The system found invalid information in the phone book file." },
    { ERROR_DISCONNECTION, "The connection was terminated by the remote computer before it could be completed." },
    { ERROR_USER_DISCONNECTION, "The user disconnected the modem (or other connecting device)." },
    { ERROR_INVALID_SIZE, "An incorrect structure size was detected." },
    { ERROR_PORT_NOT_AVAILABLE, "The modem (or other connecting device) is already in use or is not configured "
                                "properly." },
    { ERROR_UNKNOWN, "There was an unknown error." },
    { ERROR_REQUEST_TIMEOUT, "The remote server is not responding in a timely fashion." },
    { ERROR_FROM_DEVICE, "The modem (or other connecting device) has reported an error." },
    { ERROR_UNRECOGNIZED_RESPONSE, "There was an unrecognized response from the modem (or other connecting "
                                   "device)." },
    { ERROR_ALLOCATING_MEMORY, "The system has run out of memory." },
    { ERROR_DEVICE_NOT_READY, "The modem (or other connecting device) is not functioning." },
    { ERROR_LINE_BUSY, "The phone line is busy." },
    { ERROR_VOICE_ANSWER, "A person answered instead of a modem (or other connecting device)." },
    { ERROR_NO_ANSWER, "The remote computer did not respond. To make sure that the server can be reached, ping "
                       "the remote computer." },
    { ERROR_NO_CARRIER, "The system could not detect the carrier." },
    { ERROR_NO_DIALTONE, "There was no dial tone." },
    { ERROR_AUTHENTICATION_FAILURE, "The remote connection was denied because the user name and password "
                                    "combination you provided is not recognized, or the selected authentication "
                                    "protocol is not permitted on the remote access server." },
    { ERROR_PORT_OR_DEVICE, "There was a hardware failure in the modem (or other connecting device)." },
    { ERROR_INVALID_AUTH_STATE, "The authorization state is invalid." },
    /* the terminal step, and what an MS-CHAP v2 server can answer */
    { ERROR_PORT_NOT_OPEN, "The specified port is not open." },
    { ERROR_ASYNC_REQUEST_PENDING, "An asynchronous request is pending." },
    { ERROR_INTERACTIVE_MODE, "The connection needs information from you, but the application does not allow user "
                              "interaction." },
    { ERROR_RESTRICTED_LOGON_HOURS, "The account is not permitted to log on at this time of day." },
    { ERROR_ACCT_DISABLED, "The account is disabled." },
    { ERROR_PASSWD_EXPIRED, "The password for this account has expired." },
    { ERROR_NO_DIALIN_PERMISSION, "The account does not have permission to dial in." },
    { ERROR_CHANGING_PASSWORD, "There was an error changing the password on the domain.  The password might have "
                               "been too short or might have matched a previously used password." },
    { ERROR_UNABLE_TO_AUTHENTICATE_SERVER, "It was not possible to verify the identity of the server." },
    { ERROR_PPP_TIMEOUT, "The connection was terminated because the remote computer did not respond in a timely "
                         "manner." },
    { ERROR_PPP_REMOTE_TERMINATED, "The connection was terminated by the remote computer." },
    { ERROR_PPP_NO_RESPONSE, "A connection to the remote access server was not made because the remote access "
                             "server did not respond." },
    { ERROR_PROJECTION_NOT_COMPLETE, "Computer registration is not complete." },
    { ERROR_PROTOCOL_NOT_CONFIGURED, "The protocol is not configured." },
    { ERROR_PPP_NOT_CONVERGING, "Your computer and the remote computer could not agree on PPP control protocols." },
    { ERROR_PPP_CP_REJECTED, "A connection to the remote computer could not be completed.  You might need to "
                             "adjust the protocols on this computer." },
    { ERROR_PPP_LCP_TERMINATED, "The PPP link control protocol was terminated." },
    { ERROR_PPP_LOOPBACK_DETECTED, "Loopback was detected." },
    { ERROR_PPP_NO_ADDRESS_ASSIGNED, "The remote connection was not made because the remote access server did not "
                                     "assign an IP address." },
};

NRT_TEST(error_string_of_every_produced_code_is_the_windows_text)
{
    char buf[512];
    for (size_t i = 0; i < sizeof produced / sizeof produced[0]; i++) {
        DWORD rc = RasGetErrorString(produced[i].code, buf, sizeof buf);
        NRT_TRUE_MSG(rc == 0 && strcmp(buf, produced[i].text) == 0,
                     "RasGetErrorString(%u) = %u, \"%s\"; Windows: \"%s\"", produced[i].code, (unsigned)rc,
                     rc ? "" : buf, produced[i].text);
    }
}

NRT_TEST(error_string_fits_a_buffer_of_exactly_its_length)
{
    for (size_t i = 0; i < sizeof produced / sizeof produced[0]; i++) {
        size_t need = strlen(produced[i].text) + 1;
        char buf[512];
        memset(buf, '#', sizeof buf);
        NRT_EQ(RasGetErrorString(produced[i].code, buf, (DWORD)need - 1), ERROR_INSUFFICIENT_BUFFER);
        NRT_EQ(buf[0], '#'); /* nothing written on failure */
        NRT_EQ(RasGetErrorString(produced[i].code, buf, (DWORD)need), 0);
        NRT_EQ(buf[need - 1], '\0');
    }
}

NRT_TEST(error_string_into_a_small_buffer_is_insufficient_buffer_not_buffer_too_small)
{
    char buf[8];
    /* RasGetErrorString answers ERROR_INSUFFICIENT_BUFFER (122), Win32's
     * code; 603 (ERROR_BUFFER_TOO_SMALL) is what the enumerations answer */
    NRT_EQ(RasGetErrorString(ERROR_BUFFER_TOO_SMALL, buf, sizeof buf), ERROR_INSUFFICIENT_BUFFER);
    NRT_EQ(RasGetErrorString(ERROR_LINE_BUSY, buf, 0), ERROR_INSUFFICIENT_BUFFER);
}

NRT_TEST(error_string_of_an_unknown_code_leaves_the_buffer_alone)
{
    char buf[64];
    memset(buf, '#', sizeof buf);
    NRT_EQ(RasGetErrorString(0xFFFFFFFFu, buf, sizeof buf), ERROR_INVALID_PARAMETER);
    NRT_EQ(RasGetErrorString(900, buf, sizeof buf), ERROR_INVALID_PARAMETER); /* past RASBASEEND */
    NRT_EQ(buf[0], '#');
}

NRT_TEST(error_string_falls_back_to_network_codes)
{
    char buf[256];
    NRT_EQ(RasGetErrorString(WN_BAD_NETNAME, buf, sizeof buf), 0);
    NRT_EQ_STR(buf, "The network name cannot be found.");
}

NRT_TEST(error_string_of_an_unknown_code_is_invalid_parameter)
{
    char buf[256];
    NRT_EQ(RasGetErrorString(899, buf, sizeof buf), ERROR_INVALID_PARAMETER);
    NRT_EQ(RasGetErrorString(123456, buf, sizeof buf), ERROR_INVALID_PARAMETER);
    NRT_EQ(RasGetErrorString(ERROR_LINE_BUSY, NULL, 10), ERROR_INVALID_PARAMETER);
}

NRT_TEST(error_string_into_a_small_buffer_is_insufficient_buffer)
{
    char buf[32];
    /* "The phone line is busy." takes 24 bytes with its terminating NUL */
    NRT_EQ(RasGetErrorString(ERROR_LINE_BUSY, buf, 23), ERROR_INSUFFICIENT_BUFFER);
    NRT_EQ(RasGetErrorString(ERROR_LINE_BUSY, buf, 24), 0);
    NRT_EQ_STR(buf, "The phone line is busy.");
}

NRT_TEST(enum_entries_size_probe)
{
    DWORD cb = 0, n = 99;
    NRT_EQ(RasEnumEntries(NULL, three_entries(), NULL, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    NRT_EQ(cb, 3 * sizeof(RASENTRYNAME));
    NRT_EQ(n, 3);
}

NRT_TEST(enum_entries_fills_a_large_enough_buffer)
{
    RASENTRYNAME *names = calloc(3, sizeof *names);
    DWORD cb = 3 * sizeof *names, n = 0;
    names[0].dwSize = sizeof *names;
    NRT_EQ_FATAL(RasEnumEntries(NULL, three_entries(), names, &cb, &n), 0);
    NRT_EQ(n, 3);
    NRT_EQ_STR(names[0].szEntryName, "Office");
    NRT_EQ_STR(names[1].szEntryName, "Home");
    NRT_EQ_STR(names[2].szEntryName, "Lab");
    NRT_EQ(names[2].dwSize, sizeof *names);
    NRT_EQ(names[1].dwFlags, REN_User);
    NRT_CONTAINS(names[1].szPhonebookPath, "three.json");
    free(names);
}

NRT_TEST(enum_entries_into_a_short_buffer_is_buffer_too_small)
{
    RASENTRYNAME names[2] = { { .dwSize = sizeof(RASENTRYNAME) } };
    DWORD cb = sizeof names, n = 0;
    NRT_EQ(RasEnumEntries(NULL, three_entries(), names, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    NRT_EQ(cb, 3 * sizeof(RASENTRYNAME));
}

NRT_TEST(enum_entries_checks_dwsize)
{
    RASENTRYNAME names[3] = { { .dwSize = 12 } };
    DWORD cb = sizeof names, n = 0;
    NRT_EQ(RasEnumEntries(NULL, three_entries(), names, &cb, &n), ERROR_INVALID_SIZE);
}

NRT_TEST(enum_entries_rejects_bad_arguments)
{
    DWORD cb = 0, n = 0;
    NRT_EQ(RasEnumEntries("x", three_entries(), NULL, &cb, &n), ERROR_INVALID_PARAMETER);
    NRT_EQ(RasEnumEntries(NULL, three_entries(), NULL, NULL, &n), ERROR_INVALID_PARAMETER);
    NRT_EQ(RasEnumEntries(NULL, three_entries(), NULL, &cb, NULL), ERROR_INVALID_PARAMETER);
}

NRT_TEST(missing_default_phonebook_has_no_entries)
{
    char xdg[700];
    DWORD cb = 0, n = 5;
    snprintf(xdg, sizeof xdg, "%s/empty-config", dir);
    setenv("XDG_CONFIG_HOME", xdg, 1);
    NRT_EQ(RasEnumEntries(NULL, NULL, NULL, &cb, &n), 0);
    NRT_EQ(n, 0);
    unsetenv("XDG_CONFIG_HOME");
}

NRT_TEST(default_phonebook_comes_from_xdg_config_home)
{
    char xdg[700], sub[800];
    DWORD cb = 0, n = 0;
    snprintf(xdg, sizeof xdg, "%s/config", dir);
    snprintf(sub, sizeof sub, "%s/netrouter", xdg);
    mkdir(xdg, 0700);
    mkdir(sub, 0700);
    write_book("config/netrouter/phonebook.json",
               "{\"entries\": [{\"name\": \"Mine\", \"device\": \"/dev/ttyS0\", \"phone_number\": \"9\"}]}");
    setenv("XDG_CONFIG_HOME", xdg, 1);
    NRT_EQ(RasEnumEntries(NULL, NULL, NULL, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    NRT_EQ(n, 1);
    unsetenv("XDG_CONFIG_HOME");
}

NRT_TEST(missing_named_phonebook_cannot_be_opened)
{
    char path[700], detail[1400];
    DWORD cb = 0, n = 0;
    snprintf(path, sizeof path, "%s/none.json", dir);
    NRT_EQ(RasEnumEntries(NULL, path, NULL, &cb, &n), ERROR_CANNOT_OPEN_PHONEBOOK);
    nr_ras_get_last_phonebook_error(detail, sizeof detail);
    NRT_CONTAINS(detail, "none.json");
}

NRT_TEST(corrupt_phonebook_reports_file_line_and_field)
{
    char detail[1400];
    DWORD cb = 0, n = 0;
    const char *path = write_book("bad.json", "{\"entries\": [\n {\"name\": \"A\", \"device\": \"/dev/a\",\n"
                                              "  \"phone_number\": \"1\", \"speed\": true}\n]}\n");
    NRT_EQ(RasEnumEntries(NULL, path, NULL, &cb, &n), ERROR_CORRUPT_PHONEBOOK);
    nr_ras_get_last_phonebook_error(detail, sizeof detail);
    NRT_CONTAINS(detail, "bad.json:3:");
    NRT_CONTAINS(detail, "entries[0].speed");
    NRT_CONTAINS(detail, "must be an integer");
    /* a later success clears it */
    NRT_EQ(RasEnumEntries(NULL, three_entries(), NULL, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    nr_ras_get_last_phonebook_error(detail, sizeof detail);
    NRT_EQ_STR(detail, "");
}
