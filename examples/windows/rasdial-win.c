/*
 * rasdial-win.c - a RasDial client written as for Windows: <windows.h>,
 * <ras.h>, <raserror.h> and <tchar.h>, TCHAR strings and TEXT()/_T()
 * literals, a RasDialFunc1 callback (VOID WINAPI), ERROR_SUCCESS, and
 * RasGetErrorString for the text of a failure.  It dials one phonebook
 * entry, prints every state the callback announces, shows the connection's
 * status once it is up and hangs up.
 *
 *     rasdial-win PHONEBOOK ENTRY USER PASSWORD
 *
 * prints "state N" per notification, then "connected: DEVICE" and "hung up"
 * (exit status 0), or "error E: TEXT" (exit status 1).
 *
 * On Linux it builds unchanged with
 *
 *     cc -o rasdial-win rasdial-win.c $(pkg-config --cflags --libs netrouter-win)
 *
 * as a Unicode program (the module's default) or, with -UUNICODE -U_UNICODE
 * after those flags, as an ANSI one.  Two things are written the portable
 * way rather than the Win32 way (netrouter-plugin(7), "Porting from
 * Windows"): Linux has no wmain, so main converts its char arguments with
 * mbstowcs; and where Windows code waits on an event (CreateEvent,
 * WaitForSingleObject) and sleeps with Sleep, this one polls a C11 atomic
 * flag with nanosleep.
 */
#include <windows.h>
#include <ras.h>
#include <raserror.h>
#include <tchar.h>
#include <locale.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Set by the callback, which runs on another thread: the last state and its
 * error, and whether the dial has finished (connected or failed). */
static atomic_uint g_state;
static atomic_uint g_error;
static atomic_int g_done;

static VOID WINAPI RasDialFunc1(HRASCONN hrasconn, UINT unMsg, RASCONNSTATE rascs, DWORD dwError,
                                DWORD dwExtendedError)
{
    UNREFERENCED_PARAMETER(hrasconn);
    UNREFERENCED_PARAMETER(unMsg);
    UNREFERENCED_PARAMETER(dwExtendedError);

    _tprintf(_T("state %u\n"), (unsigned)rascs);
    atomic_store(&g_state, (unsigned)rascs);
    atomic_store(&g_error, dwError);
    if (dwError != ERROR_SUCCESS || rascs == RASCS_Connected)
        atomic_store(&g_done, 1);
}

/* Copies a command-line argument into a TCHAR buffer of n characters. */
static void CopyArg(TCHAR *dst, size_t n, const char *src)
{
#ifdef UNICODE
    if (mbstowcs(dst, src, n) == (size_t)-1)
        dst[0] = 0;
    dst[n - 1] = 0;
#else
    snprintf(dst, n, "%s", src);
#endif
}

static void Pause(void)
{
    struct timespec ts = { 0, 50 * 1000 * 1000 };
    nanosleep(&ts, NULL);
}

static void PrintError(DWORD dwError)
{
    TCHAR szText[512];

    if (RasGetErrorString(dwError, szText, sizeof szText / sizeof szText[0]) != ERROR_SUCCESS)
        _tcscpy(szText, TEXT("(no text)"));
    _tprintf(_T("error %u: "), (unsigned)dwError);
    _fputts(szText, stdout);
    _fputts(_T("\n"), stdout);
}

/* Hangs up and waits until the handle is gone, as Windows asks. */
static void HangUp(HRASCONN hRasConn)
{
    RASCONNSTATUS status;
    int i;

    RasHangUp(hRasConn);
    for (i = 0; i < 200; i++) {
        memset(&status, 0, sizeof status);
        status.dwSize = sizeof status;
        if (RasGetConnectStatus(hRasConn, &status) == ERROR_INVALID_HANDLE)
            break;
        Pause();
    }
}

int main(int argc, char **argv)
{
    static TCHAR szPhonebook[MAX_PATH];
    RASDIALPARAMS params;
    RASCONNSTATUS status;
    HRASCONN hRasConn = NULL;
    DWORD dwRet;
    int i;

    setlocale(LC_ALL, "");
    if (argc != 5) {
        _fputts(_T("usage: rasdial-win PHONEBOOK ENTRY USER PASSWORD\n"), stderr);
        return 2;
    }

    memset(&params, 0, sizeof params);
    params.dwSize = sizeof params;
    CopyArg(szPhonebook, MAX_PATH, argv[1]);
    CopyArg(params.szEntryName, RAS_MaxEntryName + 1, argv[2]);
    CopyArg(params.szUserName, UNLEN + 1, argv[3]);
    CopyArg(params.szPassword, PWLEN + 1, argv[4]);

    dwRet = RasDial(NULL, szPhonebook, &params, 1, (LPVOID)RasDialFunc1, &hRasConn);
    if (dwRet != ERROR_SUCCESS) {
        PrintError(dwRet);
        if (hRasConn != NULL)
            HangUp(hRasConn);
        return 1;
    }

    for (i = 0; i < 60 * 20 && !atomic_load(&g_done); i++)
        Pause();
    if (!atomic_load(&g_done) || atomic_load(&g_error) != ERROR_SUCCESS) {
        PrintError(atomic_load(&g_done) ? atomic_load(&g_error) : (DWORD)ERROR_REQUEST_TIMEOUT);
        HangUp(hRasConn);
        return 1;
    }

    memset(&status, 0, sizeof status);
    status.dwSize = sizeof status;
    dwRet = RasGetConnectStatus(hRasConn, &status);
    if (dwRet != ERROR_SUCCESS) {
        PrintError(dwRet);
        HangUp(hRasConn);
        return 1;
    }
    _tprintf(_T("connected: state %u, device type "), (unsigned)status.rasconnstate);
    _fputts(status.szDeviceType, stdout);
    _fputts(_T("\n"), stdout);

    HangUp(hRasConn);
    _fputts(_T("hung up\n"), stdout);
    return 0;
}
