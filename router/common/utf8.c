/*
 * utf8.c - telling UTF-8 text from bytes that are not (utf8.h).
 */
#include "config.h"

#include "utf8.h"

size_t nr_utf8_invalid_at(const char *str)
{
    const unsigned char *s = (const unsigned char *)str, *p = s;
    while (*p) {
        unsigned c = *p, n, cp;
        if (c < 0x80) {
            p++;
            continue;
        }
        if (c >= 0xc2 && c <= 0xdf)
            n = 1, cp = c & 0x1f;
        else if (c >= 0xe0 && c <= 0xef)
            n = 2, cp = c & 0x0f;
        else if (c >= 0xf0 && c <= 0xf4)
            n = 3, cp = c & 0x07;
        else
            return (size_t)(p - s); /* a continuation byte, an overlong lead, or beyond U+10FFFF */
        for (unsigned i = 1; i <= n; i++) {
            if ((p[i] & 0xc0) != 0x80)
                return (size_t)(p - s);
            cp = cp << 6 | (p[i] & 0x3f);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return (size_t)(p - s); /* overlong, beyond Unicode, or a surrogate */
        p += n + 1;
    }
    return (size_t)-1;
}
