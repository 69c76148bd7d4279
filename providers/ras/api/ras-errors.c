/*
 * ras-errors.c - the words of the RAS layer: RasGetErrorString, the text of
 * every RAS error number the provider can produce (the Windows texts, so
 * that messages read the same as on Windows, falling back to nr_strerror()
 * for the WN_* / Win32 codes), and nr_ras_state_text for the states.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <netrouter/netrouter.h>
#include <netrouter/ras.h>

static const struct { DWORD code; const char *text; } ras_texts[] = {
    { PENDING, "An operation is pending." },
    { ERROR_INVALID_PORT_HANDLE, "The port handle is invalid." },
    { ERROR_PORT_ALREADY_OPEN, "The port is already open." },
    { ERROR_BUFFER_TOO_SMALL, "Caller's buffer is too small." },
    { ERROR_WRONG_INFO_SPECIFIED, "Wrong information specified." },
    { ERROR_CANNOT_SET_PORT_INFO, "Cannot set port information." },
    { ERROR_PORT_NOT_CONNECTED, "The port is not connected." },
    { ERROR_DEVICE_DOES_NOT_EXIST, "The device does not exist." },
    { ERROR_DEVICETYPE_DOES_NOT_EXIST, "The device type does not exist." },
    { ERROR_BUFFER_INVALID, "The buffer is invalid." },
    { ERROR_PORT_NOT_FOUND, "The port was not found." },
    { ERROR_ASYNC_REQUEST_PENDING, "An asynchronous request is pending." },
    { ERROR_ALREADY_DISCONNECTING, "The port or device is already disconnecting." },
    { ERROR_PORT_NOT_OPEN, "The port is not open." },
    { ERROR_PORT_DISCONNECTED, "The port is disconnected." },
    { ERROR_CANNOT_OPEN_PHONEBOOK, "Cannot open the phone book file." },
    { ERROR_CANNOT_LOAD_PHONEBOOK, "Cannot load the phone book file." },
    { ERROR_CANNOT_FIND_PHONEBOOK_ENTRY, "Cannot find the phone book entry." },
    { ERROR_CANNOT_WRITE_PHONEBOOK, "Cannot write the phone book file." },
    { ERROR_CORRUPT_PHONEBOOK, "Invalid information found in the phone book file." },
    { ERROR_KEY_NOT_FOUND, "Cannot find key." },
    { ERROR_DISCONNECTION, "The port was disconnected." },
    { ERROR_REMOTE_DISCONNECTION, "The port was disconnected by the remote machine." },
    { ERROR_HARDWARE_FAILURE, "The port was disconnected due to hardware failure." },
    { ERROR_USER_DISCONNECTION, "The port was disconnected by the user." },
    { ERROR_INVALID_SIZE, "The structure size is incorrect." },
    { ERROR_PORT_NOT_AVAILABLE, "The port is already in use or is not configured for Remote Access dial out." },
    { ERROR_UNKNOWN, "Unknown error." },
    { ERROR_WRONG_DEVICE_ATTACHED, "The wrong device is attached to the port." },
    { ERROR_REQUEST_TIMEOUT, "The request has timed out." },
    { ERROR_AUTH_INTERNAL, "Internal authentication error." },
    { ERROR_RESTRICTED_LOGON_HOURS, "The account is not permitted to log on at this time of day." },
    { ERROR_ACCT_DISABLED, "The account is disabled." },
    { ERROR_PASSWD_EXPIRED, "The password has expired." },
    { ERROR_NO_DIALIN_PERMISSION, "The account does not have Remote Access permission." },
    { ERROR_SERVER_NOT_RESPONDING, "The Remote Access server is not responding." },
    { ERROR_FROM_DEVICE, "Your modem (or other connecting device) has reported an error." },
    { ERROR_UNRECOGNIZED_RESPONSE, "Unrecognized response from the device." },
    { ERROR_UNKNOWN_DEVICE_TYPE, "Unknown device type." },
    { ERROR_ALLOCATING_MEMORY, "Cannot allocate memory." },
    { ERROR_PORT_NOT_CONFIGURED, "The port is not configured for Remote Access." },
    { ERROR_DEVICE_NOT_READY, "Your modem (or other connecting device) is not functioning." },
    { ERROR_NO_CONNECTION, "The connection dropped." },
    { ERROR_LINE_BUSY, "The line is busy." },
    { ERROR_VOICE_ANSWER, "A person answered instead of a modem." },
    { ERROR_NO_ANSWER, "There is no answer." },
    { ERROR_NO_CARRIER, "Cannot detect carrier." },
    { ERROR_NO_DIALTONE, "There is no dial tone." },
    { ERROR_IN_COMMAND, "General error reported by device." },
    { ERROR_AUTHENTICATION_FAILURE, "Access denied because username and/or password is invalid on the domain." },
    { ERROR_PORT_OR_DEVICE, "Hardware failure in port or attached device." },
    { ERROR_INTERACTIVE_MODE, "The connection needs information from you, but the application does not allow "
                              "user interaction." },
    { ERROR_INVALID_AUTH_STATE, "The authorization state is invalid." },
    { ERROR_CHANGING_PASSWORD, "An error occurred while changing the password on the domain. The password might "
                               "have been too short or might have matched a previously used password." },
    { ERROR_PPP_TIMEOUT, "PPP timeout." },
    { ERROR_PPP_REMOTE_TERMINATED, "PPP terminated by remote machine." },
    { ERROR_PPP_NO_PROTOCOLS_CONFIGURED, "No PPP control protocols configured." },
    { ERROR_PPP_NO_RESPONSE, "Remote PPP peer is not responding." },
    { ERROR_PPP_INVALID_PACKET, "The PPP packet is invalid." },
    { ERROR_PHONE_NUMBER_TOO_LONG, "The phone number, including prefix and suffix, is too long." },
    { ERROR_PROJECTION_NOT_COMPLETE, "Computer registration is not complete." },
    { ERROR_PROTOCOL_NOT_CONFIGURED, "The protocol is not configured." },
    { ERROR_PPP_NOT_CONVERGING, "The PPP negotiation is not converging." },
    { ERROR_PPP_CP_REJECTED, "The PPP control protocol for this network protocol is not available on the server." },
    { ERROR_PPP_LCP_TERMINATED, "The PPP link control protocol terminated." },
    { ERROR_PPP_REQUIRED_ADDRESS_REJECTED, "The requested address was rejected by the server." },
    { ERROR_PPP_NCP_TERMINATED, "The remote computer terminated the control protocol." },
    { ERROR_PPP_LOOPBACK_DETECTED, "Loopback detected." },
    { ERROR_PPP_NO_ADDRESS_ASSIGNED, "The server did not assign an address." },
    { ERROR_DIAL_ALREADY_IN_PROGRESS, "This connection is already being dialed." },
    { ERROR_UNABLE_TO_AUTHENTICATE_SERVER, "It was not possible to verify the identity of the server." },
};

NR_RAS_PUBLIC DWORD RasGetErrorString(UINT code, LPSTR buf, DWORD size)
{
    const char *text = NULL;
    size_t need;
    if (!buf)
        return ERROR_INVALID_PARAMETER;
    for (size_t i = 0; i < sizeof ras_texts / sizeof ras_texts[0]; i++)
        if (ras_texts[i].code == code)
            text = ras_texts[i].text;
    if (!text && (code < RASBASE || code > RASBASEEND)) {
        text = nr_strerror(code);
        if (!strncmp(text, "Unknown error", 13))
            text = NULL;
    }
    if (!text)
        return ERROR_INVALID_PARAMETER;
    need = strlen(text) + 1;
    if (size < need)
        return ERROR_INSUFFICIENT_BUFFER;
    memcpy(buf, text, need);
    return 0;
}

NR_RAS_PUBLIC const char *nr_ras_state_text(RASCONNSTATE state)
{
    switch (state) {
    case RASCS_OpenPort: return "Opening the port...";
    case RASCS_PortOpened: return "Port opened.";
    case RASCS_ConnectDevice: return "Dialing...";
    case RASCS_DeviceConnected: return "Modem connected.";
    case RASCS_AllDevicesConnected: return "All devices connected.";
    case RASCS_Authenticate: return "Verifying user name and password...";
    case RASCS_AuthNotify: return "Authentication result.";
    case RASCS_AuthCallback: return "The server offers to call back.";
    case RASCS_AuthChangePassword: return "Changing the password...";
    case RASCS_PrepareForCallback: return "Preparing for the call back...";
    case RASCS_WaitForModemReset: return "Waiting for the modem to reset...";
    case RASCS_WaitForCallback: return "Waiting for the call back...";
    case RASCS_ReAuthenticate: return "Verifying user name and password again...";
    case RASCS_Authenticated: return "Authenticated.";
    case RASCS_AuthProject: return "Registering your computer on the network...";
    case RASCS_Projected: return "Network settings negotiated.";
    case RASCS_RetryAuthentication: return "The password was rejected.";
    case RASCS_CallbackSetByCaller: return "Waiting for a callback number.";
    case RASCS_PasswordExpired: return "The password has expired.";
    case RASCS_Interactive: return "Waiting for the terminal step.";
    case RASCS_Connected: return "Connected.";
    case RASCS_Disconnected: return "Disconnected.";
    default: return "Working...";
    }
}
