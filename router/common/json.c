/*
 * json.c - strict parsing of JSON text read from a file (json.h).
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

json_t *nr_json_parse(const char *text, size_t len, json_error_t *err)
{
    const char *nul = memchr(text, '\0', len);
    if (nul) {
        int line, column;
        nr_text_position(text, (size_t)(nul - text), &line, &column);
        memset(err, 0, sizeof *err);
        err->line = line;
        err->column = column;
        err->position = (int)(nul - text);
        snprintf(err->text, sizeof err->text, "a NUL byte, which JSON text never holds");
        return NULL;
    }
    return json_loadb(text, len, JSON_REJECT_DUPLICATES, err);
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
