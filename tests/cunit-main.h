/*
 * cunit-main.h - how a test program declares its tests; cunit-main.c is the
 * one runner (and main()) of every CUnit test program.
 *
 * A test program is one suite.  It names the suite once and writes each test
 * once; the name after NRT_TEST is what CUnit reports and what argv[1]
 * selects, and the tests run in the order they are written:
 *
 *     #include "cunit-main.h"
 *
 *     static char dir[] = "/tmp/nr-ras-example.XXXXXX";
 *     NRT_SUITE("ras-example", .tmpdir = dir, .ignore_sigpipe = true);
 *
 *     NRT_TEST(busy_gives_676)
 *     {
 *         NRT_EQ(fx_dial(&f), 676);
 *     }
 *
 * The runner runs the whole suite, or only the test named by argv[1], and
 * turns the result into an automake exit status: 0 passed, 1 a test failed
 * (or none ran), 99 setup error.  It reads CUnit's failure counts before
 * CU_cleanup_registry() resets them, since CU_basic_run_tests() returns 0
 * even when tests fail.
 */
#ifndef NR_TESTS_CUNIT_MAIN_H
#define NR_TESTS_CUNIT_MAIN_H

#include <stdbool.h>

#include <CUnit/CUnit.h>

#include "nrt-assert.h"

/* What NRT_SUITE says of the program's suite. */
typedef struct nrt_suite {
    const char *name;
    /* When set: a writable mkdtemp() template (e.g. "/tmp/nr-x.XXXXXX"),
     * made before the tests and removed with everything in it after them. */
    char *tmpdir;
    /* When set: runs first; nonzero is a setup error (the program exits 99). */
    int (*setup)(const char *argv0);
    /* SIGPIPE is ignored: a write to a pipe whose reader left fails with EPIPE. */
    bool ignore_sigpipe;
} nrt_suite;

void nrt_register_suite(const nrt_suite *suite);
void nrt_register_test(const char *name, void (*fn)(void), const char *file, int line, int counter);

/* Names the program's suite; the members of nrt_suite may follow. */
#define NRT_SUITE(name_, ...)                                                                                \
    static const nrt_suite nrt_suite_ = { .name = name_, __VA_ARGS__ };                                      \
    __attribute__((constructor)) static void nrt_suite_register_(void)                                       \
    {                                                                                                        \
        nrt_register_suite(&nrt_suite_);                                                                     \
    }                                                                                                        \
    _Static_assert(1, "NRT_SUITE ends with a semicolon")

/* Defines the test function test_<name> and registers it as <name>; the
 * function body follows.  __COUNTER__ orders tests made by one macro
 * expansion on the same line. */
#define NRT_TEST(name) NRT_TEST_(name, __COUNTER__)
#define NRT_TEST_(name, counter)                                                                             \
    static void test_##name(void);                                                                           \
    __attribute__((constructor)) static void nrt_register_##name(void)                                       \
    {                                                                                                        \
        nrt_register_test(#name, test_##name, __FILE__, __LINE__, counter);                                  \
    }                                                                                                        \
    static void test_##name(void)

/* Marks the run as not set up (a fixture could not be made): the program
 * exits 99 whatever the tests did. */
void nrt_setup_error(void);

#endif
