/*
 * ras-named.h - the A forms' work with the entry name apart from the A
 * structure, for the W forms (ras-wide.c): a name of RAS_MaxEntryName
 * characters takes up to NR_RAS_MaxEntryNameUtf8 bytes of UTF-8, more than
 * the CHAR[RAS_MaxEntryName + 1] of RASDIALPARAMSA, RASENTRYNAMEA and
 * RASCONNA holds, so the W forms hand the name over here as a string, and
 * take whole names back.  Each function is the A form's body (ras-calls.c,
 * ras-credentials.c, ras-entries.c), its checks included, or a part of it.
 * Internal; thread-safe as the A forms.
 */
#ifndef NR_RAS_API_NAMED_H
#define NR_RAS_API_NAMED_H

#include <stddef.h>
#include <netrouter/ras.h>

#include "phonebook.h"
#include "rasconn.h"

/* RasDialA dialing entry instead of params->szEntryName (not read): with
 * every check of RasDialA (ras-calls.c). */
DWORD nr_ras_dial_named(LPRASDIALEXTENSIONS ext, LPCSTR phonebook, LPRASDIALPARAMSA params, LPCSTR entry,
                        DWORD type, LPVOID notifier, LPHRASCONN out);

/* The links this process may see, from its engine, in a new array (*out,
 * free() it; NULL when there are none) of *n (ras-calls.c). */
DWORD nr_ras_links(nr_ras_link **out, size_t *n);

/* The RASCONNA of link k (every field, the entry name cut at a character
 * boundary when it does not fit; k->entry is whole). */
void nr_ras_link_rasconn(RASCONNA *r, const nr_ras_link *k);

/* RasSetEntryDialParamsA and RasGetEntryDialParamsA for entry instead of
 * params->szEntryName (not read), with every check of the A forms
 * (ras-credentials.c). */
DWORD nr_ras_set_dial_params_named(LPCSTR phonebook, LPRASDIALPARAMSA params, LPCSTR entry, BOOL fRemovePassword);
DWORD nr_ras_get_dial_params_named(LPCSTR phonebook, LPRASDIALPARAMSA params, LPCSTR entry, LPBOOL lpfPassword);

/* The phonebook RasEnumEntries lists (ras-entries.c): *pb (nr_pb_free it),
 * NULL when it is the default one and does not exist yet (no entries), and
 * the dwFlags of its entries (REN_User or REN_AllUsers).  0, or the
 * phonebook's error with the calling thread's detail set. */
DWORD nr_ras_entries_book(LPCSTR phonebook, nr_phonebook **pb, DWORD *flags);

#endif
