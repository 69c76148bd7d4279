/*
 * utf8.c - telling UTF-8 text from bytes that are not (utf8.h).
 */
#include "config.h"

#include "utf8.h"

#include <string.h>

uint32_t nr_utf8_decode(const unsigned char **pp)
{
    const unsigned char *p = *pp;
    unsigned c = *p, n;
    uint32_t cp;
    if (c < 0x80) {
        *pp = p + 1;
        return c;
    }
    if (c >= 0xc2 && c <= 0xdf)
        n = 1, cp = c & 0x1f;
    else if (c >= 0xe0 && c <= 0xef)
        n = 2, cp = c & 0x0f;
    else if (c >= 0xf0 && c <= 0xf4)
        n = 3, cp = c & 0x07;
    else
        return (uint32_t)-1; /* a continuation byte, an overlong lead, or beyond U+10FFFF */
    for (unsigned i = 1; i <= n; i++) {
        if ((p[i] & 0xc0) != 0x80)
            return (uint32_t)-1;
        cp = cp << 6 | (p[i] & 0x3f);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return (uint32_t)-1; /* overlong, beyond Unicode, or a surrogate */
    *pp = p + n + 1;
    return cp;
}

size_t nr_utf8_invalid_at(const char *str)
{
    const unsigned char *s = (const unsigned char *)str, *p = s;
    while (*p) {
        const unsigned char *at = p;
        if (nr_utf8_decode(&p) == (uint32_t)-1)
            return (size_t)(at - s);
    }
    return (size_t)-1;
}

bool nr_utf8_copy_fit(char *out, size_t cap, const char *str)
{
    const unsigned char *s = (const unsigned char *)str, *p = s;
    while (*p) {
        const unsigned char *at = p;
        if (nr_utf8_decode(&p) == (uint32_t)-1)
            p = at + 1;
        if ((size_t)(p - s) >= cap) {
            p = at;
            break;
        }
    }
    memcpy(out, s, (size_t)(p - s));
    out[p - s] = '\0';
    return !*p;
}
