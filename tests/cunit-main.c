/*
 * cunit-main.c - the shared CUnit runner (see cunit-main.h).
 */
#include "config.h"

#include <CUnit/Basic.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>

#include "cunit-main.h"

int nr_cunit_main(int argc, char **argv, const char *suite, CU_TestInfo *tests)
{
    CU_SuiteInfo suites[] = { { (char *)suite, NULL, NULL, NULL, NULL, tests }, CU_SUITE_INFO_NULL };
    unsigned failures;

    if (CU_initialize_registry() != CUE_SUCCESS || CU_register_suites(suites) != CUE_SUCCESS) {
        fprintf(stderr, "%s: CUnit setup failed: %s\n", argv[0], CU_get_error_msg());
        CU_cleanup_registry();
        return 99;
    }
    CU_basic_set_mode(CU_BRM_VERBOSE);
    if (argc > 1) {
        CU_pSuite s = CU_get_suite(suite);
        CU_pTest t = s ? CU_get_test(s, argv[1]) : NULL;
        if (!t) {
            fprintf(stderr, "%s: no test named %s\n", argv[0], argv[1]);
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
    return failures ? 1 : 0;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

int nr_cunit_main_in_tmpdir(int argc, char **argv, const char *suite, CU_TestInfo *tests, char *dir_template)
{
    int rc;
    if (!mkdtemp(dir_template)) {
        perror("mkdtemp");
        return 99;
    }
    rc = nr_cunit_main(argc, argv, suite, tests);
    if (nftw(dir_template, remove_entry, 16, FTW_DEPTH | FTW_PHYS) != 0) {
        perror(dir_template);
        return 99;
    }
    return rc;
}
