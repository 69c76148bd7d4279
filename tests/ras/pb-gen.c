/*
 * pb-gen.c - large phonebooks for the tests and the benchmark of the
 * phonebook loader (pb-gen.h).  Owns the generated text only.
 */
#include "config.h"

#include <stdio.h>
#include <sys/stat.h>

#include "pb-gen.h"

const char *pb_gen_name(size_t i)
{
    static char name[32];
    snprintf(name, sizeof name, "Entry%06zu", i);
    return name;
}

static void entry(FILE *f, size_t i, const char *name)
{
    fprintf(f, "%s\n  {\"name\": \"%s\", \"description\": \"access number %zu\", \"device\": \"/dev/ttyS%zu\",\n"
               "   \"phone_number\": \"555 %04zu\"}",
            i ? "," : "", name, i, i % 4, i % 10000);
}

bool pb_gen_write(const char *path, size_t n, size_t dup_of)
{
    FILE *f = fopen(path, "we");
    bool ok;
    if (!f)
        return false;
    fputs("{\"entries\": [", f);
    for (size_t i = 0; i < n; i++)
        entry(f, i, pb_gen_name(i));
    if (dup_of < n)
        entry(f, n, pb_gen_name(dup_of));
    fputs("\n]}\n", f);
    ok = !ferror(f);
    ok &= fclose(f) == 0;
    return ok && chmod(path, 0600) == 0;
}
