/*
 * ras-credentials.c - RasSetEntryDialParams and RasGetEntryDialParams: the
 * public calls over the saved-credentials store (credstore.c).  They check
 * the arguments, that the entry exists in the phonebook, and leave the
 * detail of a failure for nr_ras_get_last_phonebook_error.  Nothing here logs or
 * prints; every copy of a password is wiped before it goes out of scope.
 * The W forms name entries longer than szEntryName holds (ras-named.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <netrouter/ras.h>

#include "credstore.h"
#include "phonebook.h"
#include "local-lasterror.h"
#include "ras-named.h"

#define TERMINATED(a) (memchr((a), '\0', sizeof(a)) != NULL)

/* Loads the phonebook and checks the entry; on success *out owns it. */
static DWORD entry_of(LPCSTR phonebook, const char *name, nr_phonebook **out)
{
    const nr_pb_entry *entry;
    return nr_ras_load_entry(phonebook, name, out, &entry);
}

NR_RAS_PUBLIC DWORD APIENTRY RasSetEntryDialParamsA(LPCSTR lpszPhonebook, LPRASDIALPARAMSA params,
                                                    BOOL fRemovePassword)
{
    return nr_ras_set_dial_params_named(lpszPhonebook, params, params ? params->szEntryName : NULL, fRemovePassword);
}

DWORD nr_ras_set_dial_params_named(LPCSTR lpszPhonebook, LPRASDIALPARAMSA params, LPCSTR entry, BOOL fRemovePassword)
{
    nr_phonebook *pb = NULL;
    nr_cred cred;
    nr_error err;
    DWORD rc;

    nr_ras_set_last_error(NULL);
    if (!params)
        return ERROR_BUFFER_INVALID;
    if (params->dwSize != sizeof *params)
        return ERROR_INVALID_SIZE;
    if (!TERMINATED(params->szEntryName) || !entry[0] || !TERMINATED(params->szUserName) ||
        !TERMINATED(params->szPassword) || !TERMINATED(params->szDomain) || !TERMINATED(params->szCallbackNumber))
        return ERROR_INVALID_PARAMETER;
    if ((rc = entry_of(lpszPhonebook, entry, &pb)) != 0)
        return rc;
    memset(&cred, 0, sizeof cred);
    snprintf(cred.user, sizeof cred.user, "%s", params->szUserName);
    snprintf(cred.domain, sizeof cred.domain, "%s", params->szDomain);
    snprintf(cred.callback, sizeof cred.callback, "%s", params->szCallbackNumber);
    if (!fRemovePassword)
        memcpy(cred.password, params->szPassword, strlen(params->szPassword) + 1);
    rc = nr_cred_set(pb->path, entry, &cred, fRemovePassword != FALSE, &err);
    explicit_bzero(&cred, sizeof cred);
    if (rc)
        nr_ras_set_last_error(err.detail);
    nr_pb_free(pb);
    return rc;
}

NR_RAS_PUBLIC DWORD APIENTRY RasGetEntryDialParamsA(LPCSTR lpszPhonebook, LPRASDIALPARAMSA params,
                                                    LPBOOL lpfPassword)
{
    return nr_ras_get_dial_params_named(lpszPhonebook, params, params ? params->szEntryName : NULL, lpfPassword);
}

DWORD nr_ras_get_dial_params_named(LPCSTR lpszPhonebook, LPRASDIALPARAMSA params, LPCSTR entry, LPBOOL lpfPassword)
{
    nr_phonebook *pb = NULL;
    nr_cred cred;
    nr_error err;
    bool found;
    DWORD rc;

    nr_ras_set_last_error(NULL);
    if (!params || !lpfPassword)
        return ERROR_BUFFER_INVALID;
    if (params->dwSize != sizeof *params)
        return ERROR_INVALID_SIZE;
    if (!TERMINATED(params->szEntryName) || !entry[0])
        return ERROR_INVALID_PARAMETER;
    if ((rc = entry_of(lpszPhonebook, entry, &pb)) != 0)
        return rc;
    rc = nr_cred_get(pb->path, entry, &cred, &found, &err);
    nr_pb_free(pb);
    if (rc) {
        nr_ras_set_last_error(err.detail);
        return rc;
    }
    params->szPhoneNumber[0] = '\0'; /* the entry's own number */
    snprintf(params->szUserName, sizeof params->szUserName, "%s", cred.user);
    snprintf(params->szDomain, sizeof params->szDomain, "%s", cred.domain);
    snprintf(params->szCallbackNumber, sizeof params->szCallbackNumber, "%s", cred.callback);
    explicit_bzero(params->szPassword, sizeof params->szPassword);
    memcpy(params->szPassword, cred.password, strlen(cred.password) + 1);
    *lpfPassword = found && cred.has_password ? TRUE : FALSE;
    explicit_bzero(&cred, sizeof cred);
    return 0;
}
