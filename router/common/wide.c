/*
 * wide.c - converting between UTF-8 and wide strings (wide.h).
 */
#include "config.h"

#include "wide.h"
#include "utf8.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

/* Bytes of the UTF-8 form of cp; 0 when cp is not a scalar value. */
static size_t utf8_width(uint32_t cp)
{
    if (cp >= 0xd800 && cp <= 0xdfff)
        return 0;
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : cp <= 0x10ffff ? 4 : 0;
}

/* Writes cp (of width n, from utf8_width) at out. */
static void encode(uint32_t cp, size_t n, char *out)
{
    unsigned char *o = (unsigned char *)out;
    static const unsigned char lead[] = { 0, 0, 0xc0, 0xe0, 0xf0 };
    if (n == 1) {
        o[0] = (unsigned char)cp;
        return;
    }
    for (size_t i = n - 1; i > 0; i--) {
        o[i] = (unsigned char)(0x80 | (cp & 0x3f));
        cp >>= 6;
    }
    o[0] = (unsigned char)(lead[n] | cp);
}

size_t nr_wide_count(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0;
    while (*p) {
        if (nr_utf8_decode(&p) == (uint32_t)-1)
            return (size_t)-1;
        n++;
    }
    return n;
}

size_t nr_utf16_count(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0;
    uint32_t cp;
    while (*p) {
        if ((cp = nr_utf8_decode(&p)) == (uint32_t)-1)
            return (size_t)-1;
        n += cp > 0xffff ? 2 : 1;
    }
    return n;
}

size_t nr_utf8_count(const wchar_t *w)
{
    size_t n = 0;
    for (; *w; w++) {
        size_t k = utf8_width((uint32_t)*w);
        if (k == 0)
            return (size_t)-1;
        n += k;
    }
    return n;
}

size_t nr_wide_from_utf8_buf(const char *s, wchar_t *out, size_t cap)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0;
    while (*p) {
        uint32_t cp = nr_utf8_decode(&p);
        if (cp == (uint32_t)-1 || n + 1 >= cap) {
            if (cap > 0)
                out[0] = L'\0';
            return (size_t)-1;
        }
        out[n++] = (wchar_t)cp;
    }
    if (cap == 0)
        return (size_t)-1;
    out[n] = L'\0';
    return n;
}

size_t nr_utf8_from_wide_buf(const wchar_t *w, char *out, size_t cap)
{
    size_t n = 0;
    for (; *w; w++) {
        size_t k = utf8_width((uint32_t)*w);
        if (k == 0 || n + k >= cap) {
            if (cap > 0)
                out[0] = '\0';
            return (size_t)-1;
        }
        encode((uint32_t)*w, k, out + n);
        n += k;
    }
    if (cap == 0)
        return (size_t)-1;
    out[n] = '\0';
    return n;
}

wchar_t *nr_wide_dup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = nr_wide_count(s);
    if (n == (size_t)-1) {
        errno = EILSEQ;
        return NULL;
    }
    wchar_t *w = malloc((n + 1) * sizeof *w);
    if (!w) {
        errno = ENOMEM;
        return NULL;
    }
    nr_wide_from_utf8_buf(s, w, n + 1);
    return w;
}

char *nr_utf8_dup(const wchar_t *w)
{
    if (!w)
        return NULL;
    size_t n = nr_utf8_count(w);
    if (n == (size_t)-1) {
        errno = EILSEQ;
        return NULL;
    }
    char *s = malloc(n + 1);
    if (!s) {
        errno = ENOMEM;
        return NULL;
    }
    nr_utf8_from_wide_buf(w, s, n + 1);
    return s;
}
