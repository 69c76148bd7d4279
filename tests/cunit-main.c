/*
 * cunit-main.c - the one CUnit runner: the registry NRT_SUITE and NRT_TEST
 * fill before main(), main() itself, and the reporting side of the
 * assertions of nrt-assert.h (see cunit-main.h).
 */
#include "config.h"

#include <CUnit/Basic.h>
#include <ftw.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cunit-main.h"

/* ---- the registry ------------------------------------------------------------------ */

typedef struct nrt_test {
    const char *name;
    void (*fn)(void);
    const char *file;
    int line, counter;
} nrt_test;

static const nrt_suite *g_suite;
static nrt_test *g_tests;
static size_t g_ntests;
static bool g_setup_error;

/* Registration runs in constructors, before main(): a problem is told and
 * ends the program as a setup error. */
static void registry_fail(const char *what, const char *name)
{
    fprintf(stderr, "test registration: %s: %s\n", what, name);
    exit(99);
}

void nrt_register_suite(const nrt_suite *suite)
{
    if (g_suite)
        registry_fail("a second NRT_SUITE", suite->name);
    g_suite = suite;
}

void nrt_register_test(const char *name, void (*fn)(void), const char *file, int line, int counter)
{
    nrt_test *t = realloc(g_tests, (g_ntests + 1) * sizeof *t);
    if (!t)
        registry_fail("out of memory", name);
    g_tests = t;
    g_tests[g_ntests++] = (nrt_test){ name, fn, file, line, counter };
}

void nrt_setup_error(void)
{
    g_setup_error = true;
}

/* Written order: by file, then line, then expansion order on the line. */
static int written_order(const void *a, const void *b)
{
    const nrt_test *x = a, *y = b;
    int c = strcmp(x->file, y->file);
    if (c)
        return c;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x->counter < y->counter ? -1 : x->counter > y->counter;
}

/* ---- running ------------------------------------------------------------------------- */

/* The suite, or the test named only (NULL: all); the exit status. */
static int run_suite(const char *argv0, const char *only)
{
    CU_pSuite s;
    unsigned failures;

    if (CU_initialize_registry() != CUE_SUCCESS)
        goto setup_failed;
    s = CU_add_suite(g_suite->name, NULL, NULL);
    if (!s)
        goto setup_failed;
    for (size_t i = 0; i < g_ntests; i++) {
        if (!CU_add_test(s, g_tests[i].name, g_tests[i].fn))
            goto setup_failed;
    }
    CU_basic_set_mode(CU_BRM_VERBOSE);
    if (only) {
        CU_pTest t = CU_get_test(s, only);
        if (!t) {
            fprintf(stderr, "%s: no test named %s\n", argv0, only);
            CU_cleanup_registry();
            return 99;
        }
        CU_basic_run_test(s, t);
    } else {
        CU_basic_run_tests();
    }
    /* CU_basic_run_tests() returns 0 even when tests fail, and
     * CU_cleanup_registry() resets the counts: read them first. */
    failures = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
    if (CU_get_number_of_tests_run() == 0)
        failures++;
    CU_cleanup_registry();
    if (g_setup_error)
        return 99;
    return failures ? 1 : 0;

setup_failed:
    fprintf(stderr, "%s: CUnit setup failed: %s\n", argv0, CU_get_error_msg());
    CU_cleanup_registry();
    return 99;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static int run(int argc, char **argv)
{
    int rc;

    if (!g_suite) {
        fprintf(stderr, "%s: no NRT_SUITE in the program\n", argv[0]);
        return 99;
    }
    qsort(g_tests, g_ntests, sizeof *g_tests, written_order);
    if (g_suite->ignore_sigpipe)
        signal(SIGPIPE, SIG_IGN);
    if (g_suite->setup && g_suite->setup(argv[0]) != 0)
        return 99;
    if (g_suite->tmpdir && !mkdtemp(g_suite->tmpdir)) {
        perror("mkdtemp");
        return 99;
    }
    rc = run_suite(argv[0], argc > 1 ? argv[1] : NULL);
    if (g_suite->tmpdir && nftw(g_suite->tmpdir, remove_entry, 16, FTW_DEPTH | FTW_PHYS) != 0) {
        perror(g_suite->tmpdir);
        return 99;
    }
    return rc;
}

int main(int argc, char **argv)
{
    int rc = run(argc, argv);
    free(g_tests);
    return rc;
}

/* ---- the reporting side of nrt-assert.h ------------------------------------------------ */

/* CUnit copies the message of a failure; a passing assertion is counted. */
static void record(bool ok, const char *file, unsigned line, const char *func, bool fatal, const char *message)
{
    CU_assertImplementation(ok ? CU_TRUE : CU_FALSE, line, ok ? "" : message, file, func, fatal ? CU_TRUE : CU_FALSE);
}

void nrt_check(bool ok, const char *file, unsigned line, const char *func, bool fatal, const char *fmt, ...)
{
    char buf[4096] = "";
    if (!ok) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(buf, sizeof buf, fmt, ap);
        va_end(ap);
    }
    record(ok, file, line, func, fatal, buf);
}

/* "expr is value": the value in decimal (integers also in hex when that
 * says more), what describe() said of it, and nothing at all when the
 * expression is a literal that already shows the value. */
static void show(char *buf, size_t size, const char *expr, nrt_operand v)
{
    char dec[64] = "", hex[64] = "", text[600] = "";
    switch (v.kind) {
    case NRT_OPERAND_SIGNED:
        snprintf(dec, sizeof dec, "%lld", v.as.i);
        if (v.as.i > 9)
            snprintf(hex, sizeof hex, "0x%llx", (unsigned long long)v.as.i);
        break;
    case NRT_OPERAND_UNSIGNED:
        snprintf(dec, sizeof dec, "%llu", v.as.u);
        if (v.as.u > 9)
            snprintf(hex, sizeof hex, "0x%llx", v.as.u);
        break;
    case NRT_OPERAND_FLOAT:
        snprintf(dec, sizeof dec, "%g", v.as.f);
        break;
    case NRT_OPERAND_POINTER:
        if (v.as.p)
            snprintf(dec, sizeof dec, "%p", (const void *)v.as.p);
        else
            snprintf(dec, sizeof dec, "NULL");
        break;
    }
    if (v.text)
        snprintf(text, sizeof text, " \"%s\"", v.text);
    if (!v.text && (strcmp(expr, dec) == 0 || (*hex && strcasecmp(expr, hex) == 0)))
        buf[0] = '\0';
    else if (*hex)
        snprintf(buf, size, "%s is %s (%s)%s", expr, dec, hex, text);
    else
        snprintf(buf, size, "%s is %s%s", expr, dec, text);
}

void nrt_check_values(bool ok, const char *file, unsigned line, const char *func, bool fatal, const char *left,
                      const char *op, const char *right, nrt_operand lv, nrt_operand rv)
{
    char ls[1400], rs[1400], msg[4096] = "";
    if (!ok) {
        show(ls, sizeof ls, left, lv);
        show(rs, sizeof rs, right, rv);
        snprintf(msg, sizeof msg, "%s %s %s%s%s%s%s", left, op, right, *ls || *rs ? ": " : "", ls,
                 *ls && *rs ? ", " : "", rs);
    }
    record(ok, file, line, func, fatal, msg);
}

void nrt_check_strings(bool ok, const char *file, unsigned line, const char *func, bool fatal, const char *left,
                       const char *op, const char *right, const char *ls, const char *rs)
{
    char msg[8192] = "";
    if (!ok) {
        int n = snprintf(msg, sizeof msg, "%s %s %s:\n      left  ", left, op, right);
        n += snprintf(msg + n, sizeof msg - (size_t)n, ls ? "\"%s\"" : "%s", ls ? ls : "NULL");
        if ((size_t)n < sizeof msg)
            snprintf(msg + n, sizeof msg - (size_t)n, rs ? "\n      right \"%s\"" : "\n      right %s",
                     rs ? rs : "NULL");
    }
    record(ok, file, line, func, fatal, msg);
}

/* n bytes as hex, at most the first 64 after skip. */
static void hex(char *buf, size_t size, const unsigned char *p, size_t skip, size_t n)
{
    size_t used = 0;
    buf[0] = '\0';
    if (skip)
        used += (size_t)snprintf(buf, size, "... ");
    for (size_t i = skip; i < n && i < skip + 64 && used < size; i++)
        used += (size_t)snprintf(buf + used, size - used, "%02x ", p[i]);
    if (n > skip + 64 && used < size)
        snprintf(buf + used, size - used, "...");
}

void nrt_check_memory(bool ok, const char *file, unsigned line, const char *func, bool fatal, const char *left,
                      const char *right, const void *lm, const void *rm, size_t n)
{
    char l[400], r[400], msg[4096] = "";
    if (!ok) {
        const unsigned char *a = lm, *b = rm;
        size_t first = 0;
        while (first < n && a[first] == b[first])
            first++;
        /* Show from a little before the first difference. */
        hex(l, sizeof l, a, first > 8 ? first - 8 : 0, n);
        hex(r, sizeof r, b, first > 8 ? first - 8 : 0, n);
        snprintf(msg, sizeof msg,
                 "the %zu bytes of %s and %s differ first at offset %zu:\n      left  %s\n      right %s", n, left,
                 right, first, l, r);
    }
    record(ok, file, line, func, fatal, msg);
}
