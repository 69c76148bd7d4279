/*
 * wnet-wide.c - the conversions the W forms of the WNet API share: wide
 * arguments to UTF-8 on the way in, UTF-8 answers to wide buffers on the
 * way out (with the Windows buffer rule), a NETRESOURCE in either form.
 * Every conversion goes through router/common/wide.h, the one converter of
 * the project; nothing here converts a character itself.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "wide.h"
#include "wnet.h"

DWORD nr__wnet_utf8(const wchar_t *w, const char *what, char **out)
{
    *out = NULL;
    if (!w)
        return WN_SUCCESS;
    if ((*out = nr_utf8_dup(w)))
        return WN_SUCCESS;
    if (errno == EILSEQ)
        return nr__fail(WN_BAD_VALUE, "the %s is not Unicode text (it holds a surrogate or a value beyond U+10FFFF)",
                        what);
    return WN_OUT_OF_MEMORY;
}

DWORD nr__wnet_res_utf8(const NETRESOURCEW *w, NETRESOURCEA *a)
{
    DWORD rc;
    *a = (NETRESOURCEA){
        .dwScope = w->dwScope, .dwType = w->dwType, .dwDisplayType = w->dwDisplayType, .dwUsage = w->dwUsage,
    };
    if ((rc = nr__wnet_utf8(w->lpLocalName, "local name", &a->lpLocalName)) ||
        (rc = nr__wnet_utf8(w->lpRemoteName, "remote name", &a->lpRemoteName)) ||
        (rc = nr__wnet_utf8(w->lpComment, "comment", &a->lpComment)) ||
        (rc = nr__wnet_utf8(w->lpProvider, "provider name", &a->lpProvider)))
        nr__wnet_res_free(a);
    return rc;
}

void nr__wnet_res_free(NETRESOURCEA *a)
{
    free(a->lpLocalName);
    free(a->lpRemoteName);
    free(a->lpComment);
    free(a->lpProvider);
    a->lpLocalName = a->lpRemoteName = a->lpComment = a->lpProvider = NULL;
}

size_t nr__wnet_wide_size(const char *s)
{
    size_t n = nr_wide_count(s);
    return n == (size_t)-1 ? 0 : n + 1;
}

DWORD nr__wnet_copy_wide(const char *s, wchar_t *buf, DWORD *length)
{
    size_t need = nr__wnet_wide_size(s);
    if (!need)
        return nr__fail(ERROR_NO_UNICODE_TRANSLATION, "the name \"%s\" is not UTF-8, so it has no wide form", s);
    if (!buf || *length < need) {
        *length = (DWORD)need;
        return WN_MORE_DATA;
    }
    nr_wide_from_utf8_buf(s, buf, *length);
    return WN_SUCCESS;
}

DWORD nr__wnet_fetch(nr_wnet_fetch_fn fn, void *ctx, DWORD also, void **out)
{
    DWORD size = 512, rc = WN_OUT_OF_MEMORY;
    void *buf = NULL;
    *out = NULL;
    for (int round = 0; round < 8; round++) {
        DWORD len = size;
        void *nb = realloc(buf, size);
        if (!nb) {
            rc = WN_OUT_OF_MEMORY;
            break;
        }
        buf = nb;
        rc = fn(ctx, buf, &len);
        if (rc != WN_MORE_DATA)
            break;
        size = len > size ? len : size * 2; /* a size that shrank again: grow anyway */
    }
    if (rc == WN_SUCCESS || rc == also)
        *out = buf;
    else
        free(buf);
    if (rc == WN_MORE_DATA) /* it kept growing: out of memory, as far as the caller can tell */
        rc = WN_OUT_OF_MEMORY;
    return rc;
}

wchar_t *nr__wnet_pack_wide(char **end, const char *s)
{
    size_t n;
    if (!s)
        return NULL;
    n = nr__wnet_wide_size(s);
    *end -= n * sizeof(wchar_t);
    nr_wide_from_utf8_buf(s, (wchar_t *)*end, n);
    return (wchar_t *)*end;
}

static size_t str_bytes(const char *s, bool *bad)
{
    size_t n;
    if (!s)
        return 0;
    if (!(n = nr__wnet_wide_size(s)))
        *bad = true;
    return n * sizeof(wchar_t);
}

size_t nr__wnet_res_wide_size(const NETRESOURCEA *a)
{
    bool bad = false;
    size_t n = sizeof(NETRESOURCEW) + str_bytes(a->lpLocalName, &bad) + str_bytes(a->lpRemoteName, &bad) +
               str_bytes(a->lpComment, &bad) + str_bytes(a->lpProvider, &bad);
    return bad ? 0 : n;
}

void nr__wnet_res_wide(const NETRESOURCEA *a, NETRESOURCEW *w, char **end)
{
    w->dwScope = a->dwScope;
    w->dwType = a->dwType;
    w->dwDisplayType = a->dwDisplayType;
    w->dwUsage = a->dwUsage;
    w->lpLocalName = nr__wnet_pack_wide(end, a->lpLocalName);
    w->lpRemoteName = nr__wnet_pack_wide(end, a->lpRemoteName);
    w->lpComment = nr__wnet_pack_wide(end, a->lpComment);
    w->lpProvider = nr__wnet_pack_wide(end, a->lpProvider);
}
