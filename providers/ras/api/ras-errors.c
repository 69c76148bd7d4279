/*
 * ras-errors.c - the words of the RAS layer: RasGetErrorString (the text of
 * ras-errlist.c for a RAS error number, nr_strerror() for the WN_* / Win32
 * codes) and nr_ras_state_text for the states.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <netrouter/netrouter.h>
#include <netrouter/ras.h>

#include "ras-errors.h"

NR_RAS_PUBLIC DWORD APIENTRY RasGetErrorStringA(UINT code, LPSTR buf, DWORD size)
{
    const char *text = NULL;
    size_t need;
    if (!buf)
        return ERROR_INVALID_PARAMETER;
    text = nr_ras_error_text(code);
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
