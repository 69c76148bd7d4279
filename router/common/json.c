/*
 * json.c - strict parsing of JSON text read from a file, and the positions
 * and kinds of its values for the messages of the validators (json.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "json.h"

void nr_text_position(const char *text, size_t offset, int *line, int *column)
{
    *line = 1;
    *column = 1;
    for (size_t i = 0; i < offset; i++) {
        if (text[i] == '\n') {
            ++*line;
            *column = 1;
        } else {
            ++*column;
        }
    }
}

size_t nr_json_bom_length(const char *text, size_t len)
{
    return len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3) ? 3 : 0;
}

json_t *nr_json_parse(const char *text, size_t len, json_error_t *err)
{
    size_t bom = nr_json_bom_length(text, len);
    const char *body = text + bom, *nul = memchr(text, '\0', len);
    json_t *root;
    if (nul) {
        int line, column;
        nr_text_position(body, (size_t)(nul - body), &line, &column);
        memset(err, 0, sizeof *err);
        err->line = line;
        err->column = column;
        err->position = (int)(nul - text);
        snprintf(err->text, sizeof err->text, "a NUL byte, which JSON text never holds");
        return NULL;
    }
    root = json_loadb(body, len - bom, JSON_REJECT_DUPLICATES, err);
    if (!root && err->position >= 0)
        err->position += (int)bom; /* an offset into text, as the caller has it */
    return root;
}

static bool in(char c, const char *set)
{
    return c && strchr(set, c);
}

bool nr_json_overflow_key(const char *text, size_t len, const json_error_t *err, nr_json_overflow *out)
{
    size_t end = (size_t)err->position, p, key_end;
    if (json_error_code(err) != json_error_numeric_overflow || err->position < 0 || end > len)
        return false;
    /* jansson's position is just past the number: back over it, the
     * blanks, the colon, the blanks, to the key's closing quote. */
    for (p = end; p > 0 && in(text[p - 1], "0123456789+-.eE"); p--)
        ;
    out->number = text + p;
    out->number_len = (int)(end - p);
    while (p > 0 && in(text[p - 1], " \t\r\n"))
        p--;
    if (out->number_len == 0 || p == 0 || text[--p] != ':')
        return false;
    while (p > 0 && in(text[p - 1], " \t\r\n"))
        p--;
    if (p == 0 || text[--p] != '"')
        return false;
    key_end = p;
    while (p > 0 && text[p - 1] != '"')
        p--;
    if (p == 0)
        return false;
    out->key = text + p;
    out->key_len = (int)(key_end - p);
    nr_text_position(text, p - 1, &out->line, &out->column);
    return true;
}

/* ---- positions -------------------------------------------------------------- */

/* A minimal tokenizer: the text was accepted by jansson (or is valid up to
 * the point that matters), so only strings, nesting and positions are
 * tracked. */
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
    bool match;
    advance(s);
    start = s->p;
    while (*s->p && *s->p != '"') {
        if (*s->p == '\\' && s->p[1])
            advance(s);
        advance(s);
    }
    match = key && (size_t)(s->p - start) == strlen(key) && !strncmp(start, key, strlen(key));
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

/* At an object: moves to the value of the member named key, noting where
 * its key starts. */
static bool find_member(scanner *s, const char *key, int *at_line, int *at_col)
{
    if (*s->p != '{')
        return false;
    advance(s);
    for (;;) {
        bool found;
        skip_ws(s);
        if (*s->p != '"')
            return false;
        *at_line = s->line;
        *at_col = s->col;
        found = skip_string(s, key);
        skip_ws(s);
        if (*s->p != ':')
            return false;
        advance(s);
        skip_ws(s);
        if (found)
            return true;
        skip_value(s);
        skip_ws(s);
        if (*s->p != ',')
            return false;
        advance(s);
    }
}

/* At an array: moves to its element at index, noting where it starts. */
static bool find_element(scanner *s, size_t index, int *at_line, int *at_col)
{
    if (*s->p != '[')
        return false;
    advance(s);
    for (size_t k = 0;; k++) {
        skip_ws(s);
        if (*s->p == ']' || !*s->p)
            return false;
        if (k == index) {
            *at_line = s->line;
            *at_col = s->col;
            return true;
        }
        skip_value(s);
        skip_ws(s);
        if (*s->p != ',')
            return false;
        advance(s);
    }
}

bool nr_json_locate(const char *text, const nr_json_step *path, size_t n, int *line, int *column)
{
    scanner s = { text + nr_json_bom_length(text, strnlen(text, 3)), 1, 1 }; /* a mark takes no column */
    int at_line = 1, at_col = 1;
    *line = *column = 0;
    skip_ws(&s);
    for (size_t i = 0; i < n; i++) {
        bool found = path[i].key ? find_member(&s, path[i].key, &at_line, &at_col)
                                 : find_element(&s, path[i].index, &at_line, &at_col);
        if (!found)
            return false;
    }
    *line = at_line;
    *column = at_col;
    return true;
}

/* ---- kinds -------------------------------------------------------------------- */

const char *nr_json_kind_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "an integer";
    case JSON_REAL: return "a number with a fraction";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    case JSON_NULL: return "null";
    }
    return "?";
}
