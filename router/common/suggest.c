/*
 * suggest.c - the nearest known name to a misspelt one (suggest.h).
 *
 * Optimal string alignment distance over bytes, with two rolling rows plus
 * the one before them; names are short (keys of a schema), so the quadratic
 * cost is a few hundred steps per candidate.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "suggest.h"

#define MAX_LEN 64

static size_t min3(size_t a, size_t b, size_t c)
{
    size_t m = a < b ? a : b;
    return m < c ? m : c;
}

/* Distance between a and b, or SIZE_MAX when either is too long to matter. */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t rows[3][MAX_LEN + 1];
    size_t *pp = rows[0], *prev = rows[1], *cur = rows[2];
    if (la > MAX_LEN || lb > MAX_LEN)
        return SIZE_MAX;
    for (size_t j = 0; j <= lb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && pp[j - 2] + 1 < cur[j])
                cur[j] = pp[j - 2] + 1;
        }
        size_t *t = pp;
        pp = prev;
        prev = cur;
        cur = t;
    }
    return prev[lb];
}

const char *nr_suggest(const char *word, const char *const *first, size_t n, size_t stride)
{
    size_t len = strlen(word), limit = len <= 4 ? 1 : len <= 8 ? 2 : 3, best = SIZE_MAX;
    const char *found = NULL;
    for (size_t i = 0; i < n; i++) {
        const char *name = *(const char *const *)(const void *)((const char *)first + i * stride);
        if (!name)
            break;
        size_t d = distance(word, name);
        if (d <= limit && d < best) {
            best = d;
            found = name;
        }
    }
    return found;
}
