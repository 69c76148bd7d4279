/*
 * cunit-main.h - the one CUnit runner of every test program.
 *
 * Runs one suite, or only the test named by argv[1], and turns the result
 * into an automake exit status: 0 passed, 1 a test failed (or none ran), 99
 * setup error.  It reads CUnit's failure counts before CU_cleanup_registry()
 * resets them, since CU_basic_run_tests() returns 0 even when tests fail.
 */
#ifndef NR_TESTS_CUNIT_MAIN_H
#define NR_TESTS_CUNIT_MAIN_H

#include <CUnit/CUnit.h>

int nr_cunit_main(int argc, char **argv, const char *suite, CU_TestInfo *tests);

/* The same, inside a fresh temporary directory: dir_template (e.g.
 * "/tmp/nr-x.XXXXXX", writable) is made with mkdtemp() before the tests and
 * removed with everything in it afterwards. */
int nr_cunit_main_in_tmpdir(int argc, char **argv, const char *suite, CU_TestInfo *tests, char *dir_template);

#endif
