/*
 * json.c - strict parsing of JSON text read from a file (json.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "json.h"

json_t *nr_json_parse(const char *text, size_t len, json_error_t *err)
{
    const char *nul = memchr(text, '\0', len);
    if (nul) {
        int line = 1, column = 0;
        for (const char *p = text; p <= nul; p++) {
            column++;
            if (*p == '\n' && p < nul) {
                line++;
                column = 0;
            }
        }
        memset(err, 0, sizeof *err);
        err->line = line;
        err->column = column;
        err->position = (int)(nul - text);
        snprintf(err->text, sizeof err->text, "a NUL byte, which JSON text never holds");
        return NULL;
    }
    return json_loadb(text, len, JSON_REJECT_DUPLICATES, err);
}
