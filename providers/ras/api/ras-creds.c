/*
 * ras-creds.c - RasGetCredentials and RasSetCredentials, A and W: the
 * RASCREDENTIALS view of the saved-credentials store (credstore.c), which
 * RasGet/SetEntryDialParams (ras-credentials.c) use too.  The W forms
 * convert at the edge (wide.h).  Every copy of a password is wiped.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netrouter/ras.h>

#include "credstore.h"
#include "local-lasterror.h"
#include "phonebook.h"
#include "ras-wide-args.h"
#include "wide.h"

#define TERMINATED(a) (memchr((a), '\0', sizeof(a)) != NULL)
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define KEY_BITS (RASCM_PreSharedKey | RASCM_ServerPreSharedKey | RASCM_DDMPreSharedKey)

/* The phonebook's path and what is saved for entry: 0 or the error. */
static DWORD load(LPCSTR phonebook, LPCSTR entry, char **path, nr_cred *cred, bool *found)
{
    nr_phonebook *pb = NULL;
    const nr_pb_entry *e;
    nr_error err;
    DWORD rc = nr_ras_load_entry(phonebook, entry, &pb, &e);
    *path = NULL;
    if (rc)
        return rc;
    *path = strdup(pb->path);
    nr_pb_free(pb);
    if (!*path)
        return ERROR_ALLOCATING_MEMORY;
    if ((rc = nr_cred_get(*path, entry, cred, found, &err)) != 0) {
        nr_ras_set_last_error(err.detail);
        free(*path);
        *path = NULL;
    }
    return rc;
}

NR_RAS_PUBLIC DWORD APIENTRY RasGetCredentialsA(LPCSTR lpszPhonebook, LPCSTR lpszEntry,
                                                LPRASCREDENTIALSA lpCredentials)
{
    nr_cred cred;
    char *path;
    bool found;
    DWORD rc;

    nr_ras_set_last_error(NULL);
    if (!lpszEntry || !*lpszEntry || !lpCredentials)
        return ERROR_INVALID_PARAMETER;
    if (lpCredentials->dwSize != sizeof *lpCredentials)
        return ERROR_INVALID_SIZE;
    if ((rc = load(lpszPhonebook, lpszEntry, &path, &cred, &found)) != 0)
        return rc;
    free(path);
    explicit_bzero(lpCredentials->szPassword, sizeof lpCredentials->szPassword);
    snprintf(lpCredentials->szUserName, sizeof lpCredentials->szUserName, "%s", cred.user);
    snprintf(lpCredentials->szDomain, sizeof lpCredentials->szDomain, "%s", cred.domain);
    memcpy(lpCredentials->szPassword, cred.password, strlen(cred.password) + 1);
    lpCredentials->dwMask = !found ? 0
                                   : RASCM_UserName | RASCM_Domain | (cred.has_password ? RASCM_Password : 0);
    explicit_bzero(&cred, sizeof cred);
    return 0;
}

NR_RAS_PUBLIC DWORD APIENTRY RasSetCredentialsA(LPCSTR lpszPhonebook, LPCSTR lpszEntry,
                                                LPRASCREDENTIALSA lpCredentials, BOOL fClearCredentials)
{
    const RASCREDENTIALSA *in = lpCredentials;
    bool found, remove;
    nr_cred cred;
    nr_error err;
    char *path;
    DWORD rc;

    nr_ras_set_last_error(NULL);
    if (!lpszEntry || !*lpszEntry || !in)
        return ERROR_INVALID_PARAMETER;
    if (in->dwSize != sizeof *in)
        return ERROR_INVALID_SIZE;
    if ((in->dwMask & KEY_BITS) || !TERMINATED(in->szUserName) || !TERMINATED(in->szPassword) ||
        !TERMINATED(in->szDomain)) {
        nr_ras_set_last_error(in->dwMask & KEY_BITS ? "pre-shared keys (L2TP) are not kept by this RAS"
                                                    : "a member of RASCREDENTIALS has no terminating NUL");
        return ERROR_INVALID_PARAMETER;
    }
    if ((rc = load(lpszPhonebook, lpszEntry, &path, &cred, &found)) != 0)
        return rc;
    /* what the mask names changes; the rest stays as saved */
    if (in->dwMask & RASCM_UserName)
        snprintf(cred.user, sizeof cred.user, "%s", in->szUserName);
    if (in->dwMask & RASCM_Domain)
        snprintf(cred.domain, sizeof cred.domain, "%s", in->szDomain);
    remove = !cred.has_password;
    if (in->dwMask & RASCM_Password) {
        remove = fClearCredentials != FALSE;
        explicit_bzero(cred.password, sizeof cred.password);
        if (!remove)
            memcpy(cred.password, in->szPassword, strlen(in->szPassword) + 1);
    }
    rc = nr_cred_set(path, lpszEntry, &cred, remove, &err);
    if (rc)
        nr_ras_set_last_error(err.detail);
    explicit_bzero(&cred, sizeof cred);
    free(path);
    return rc;
}

/* The wide arguments' UTF-8 copies (free both): 0 or the error. */
static DWORD args(LPCWSTR phonebook, LPCWSTR entry, char **pb, char **name)
{
    DWORD rc;
    *pb = *name = NULL;
    if (!entry)
        return ERROR_INVALID_PARAMETER;
    if ((rc = nr_ras_wide_arg(phonebook, pb)) == 0)
        rc = nr_ras_wide_arg(entry, name);
    return rc;
}

NR_RAS_PUBLIC DWORD APIENTRY RasGetCredentialsW(LPCWSTR lpszPhonebook, LPCWSTR lpszEntry,
                                                LPRASCREDENTIALSW lpCredentials)
{
    RASCREDENTIALSA a = { .dwSize = sizeof a };
    char *pb, *name;
    DWORD rc;

    nr_ras_set_last_error(NULL);
    if (!lpCredentials)
        return ERROR_INVALID_PARAMETER;
    if (lpCredentials->dwSize != sizeof *lpCredentials)
        return ERROR_INVALID_SIZE;
    if ((rc = args(lpszPhonebook, lpszEntry, &pb, &name)) == 0)
        rc = RasGetCredentialsA(pb, name, &a);
    free(pb);
    free(name);
    if (rc == 0) {
        explicit_bzero(lpCredentials->szPassword, sizeof lpCredentials->szPassword);
        if (nr_wide_from_utf8_buf(a.szUserName, lpCredentials->szUserName, COUNT(lpCredentials->szUserName)) ==
                (size_t)-1 ||
            nr_wide_from_utf8_buf(a.szDomain, lpCredentials->szDomain, COUNT(lpCredentials->szDomain)) ==
                (size_t)-1 ||
            nr_wide_from_utf8_buf(a.szPassword, lpCredentials->szPassword, COUNT(lpCredentials->szPassword)) ==
                (size_t)-1) {
            explicit_bzero(lpCredentials->szPassword, sizeof lpCredentials->szPassword);
            rc = ERROR_NO_UNICODE_TRANSLATION;
        } else {
            lpCredentials->dwMask = a.dwMask;
        }
    }
    explicit_bzero(&a, sizeof a);
    return rc;
}

NR_RAS_PUBLIC DWORD APIENTRY RasSetCredentialsW(LPCWSTR lpszPhonebook, LPCWSTR lpszEntry,
                                                LPRASCREDENTIALSW lpCredentials, BOOL fClearCredentials)
{
    RASCREDENTIALSA a = { .dwSize = sizeof a };
    char *pb = NULL, *name = NULL;
    DWORD rc;

    nr_ras_set_last_error(NULL);
    if (!lpCredentials)
        return ERROR_INVALID_PARAMETER;
    if (lpCredentials->dwSize != sizeof *lpCredentials)
        return ERROR_INVALID_SIZE;
    a.dwMask = lpCredentials->dwMask;
    if (!nr_ras_wide_member(lpCredentials->szUserName, COUNT(lpCredentials->szUserName), a.szUserName,
                            sizeof a.szUserName) ||
        !nr_ras_wide_member(lpCredentials->szDomain, COUNT(lpCredentials->szDomain), a.szDomain,
                            sizeof a.szDomain) ||
        !nr_ras_wide_member(lpCredentials->szPassword, COUNT(lpCredentials->szPassword), a.szPassword,
                            sizeof a.szPassword))
        rc = ERROR_INVALID_PARAMETER;
    else if ((rc = args(lpszPhonebook, lpszEntry, &pb, &name)) == 0)
        rc = RasSetCredentialsA(pb, name, &a, fClearCredentials);
    free(pb);
    free(name);
    explicit_bzero(&a, sizeof a);
    return rc;
}
