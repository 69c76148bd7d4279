/*
 * jsonpos.c - finds the line and column of a value at a JSON path (see
 * jsonpos.h).  The text is assumed to be valid JSON (jansson parsed it
 * first), so the tokenizer only tracks strings, nesting and positions.
 */
#include "config.h"

#include <stdbool.h>
#include <string.h>

#include "jsonpos.h"

typedef struct scanner {
    const char *p;
    int line, col;
} scanner;

static void advance(scanner *s)
{
    if (*s->p == '\n') {
        s->line++;
        s->col = 1;
    } else {
        s->col++;
    }
    s->p++;
}

static void skip_ws(scanner *s)
{
    while (*s->p == ' ' || *s->p == '\t' || *s->p == '\r' || *s->p == '\n')
        advance(s);
}

/* At an opening quote: skips the string; reports whether it equals key. */
static bool skip_string(scanner *s, const char *key)
{
    const char *start;
    advance(s);
    start = s->p;
    while (*s->p && *s->p != '"') {
        if (*s->p == '\\' && s->p[1])
            advance(s);
        advance(s);
    }
    bool match = key && (size_t)(s->p - start) == strlen(key) && !strncmp(start, key, strlen(key));
    if (*s->p)
        advance(s);
    return match;
}

/* Skips one complete value of any kind. */
static void skip_value(scanner *s)
{
    int depth = 0;
    skip_ws(s);
    do {
        switch (*s->p) {
        case '\0':
            return;
        case '"':
            skip_string(s, NULL);
            continue;
        case '{':
        case '[':
            depth++;
            break;
        case '}':
        case ']':
            depth--;
            break;
        default:
            if (depth == 0) {
                while (*s->p && !strchr(",}] \t\r\n", *s->p))
                    advance(s);
                return;
            }
        }
        advance(s);
    } while (depth > 0);
}

int nr_jsonpos_find(const char *text, const nr_jsonpos_step *path, size_t n, int *line, int *column)
{
    scanner s = { text, 1, 1 };
    int at_line = 1, at_col = 1;
    *line = *column = 0;
    skip_ws(&s);
    for (size_t i = 0; i < n; i++) {
        bool found = false;
        if (path[i].key) {
            if (*s.p != '{')
                return -1;
            advance(&s);
            for (;;) {
                skip_ws(&s);
                if (*s.p != '"')
                    return -1;
                at_line = s.line;
                at_col = s.col;
                found = skip_string(&s, path[i].key);
                skip_ws(&s);
                if (*s.p != ':')
                    return -1;
                advance(&s);
                skip_ws(&s);
                if (found)
                    break;
                skip_value(&s);
                skip_ws(&s);
                if (*s.p != ',')
                    return -1;
                advance(&s);
            }
        } else {
            if (*s.p != '[')
                return -1;
            advance(&s);
            for (size_t k = 0;; k++) {
                skip_ws(&s);
                if (*s.p == ']' || !*s.p)
                    return -1;
                if (k == path[i].index) {
                    at_line = s.line;
                    at_col = s.col;
                    break;
                }
                skip_value(&s);
                skip_ws(&s);
                if (*s.p != ',')
                    return -1;
                advance(&s);
            }
        }
    }
    *line = at_line;
    *column = at_col;
    return 0;
}
