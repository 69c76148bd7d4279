/*
 * test-runner.c - the runner and the assertions checked from the outside:
 * each specimen of runner-specimens.c runs in a child, and its output must
 * name the file and line of the failed assertion, both expressions and both
 * values, and its exit status must be the one automake reads (0 passed,
 * 1 failed, 99 setup error).  The assertions' own semantics (each side
 * evaluated once, the plain C operator) are checked in this process.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cunit-main.h"

static char specimens[PATH_MAX];

/* runner-specimens is built next to this program. */
static int find_specimens(const char *argv0)
{
    const char *builddir = getenv("NR_TEST_BUILDDIR");
    char self[PATH_MAX - 32];
    ssize_t n;
    if (builddir && *builddir) {
        snprintf(specimens, sizeof specimens, "%s/tests/runner-specimens", builddir);
    } else if ((n = readlink("/proc/self/exe", self, sizeof self - 1)) > 0) {
        self[n] = '\0';
        *strrchr(self, '/') = '\0';
        snprintf(specimens, sizeof specimens, "%s/runner-specimens", self);
    }
    if (access(specimens, X_OK) != 0) {
        fprintf(stderr, "%s: cannot find runner-specimens (%s); set NR_TEST_BUILDDIR\n", argv0, specimens);
        return -1;
    }
    return 0;
}

NRT_SUITE("runner", .setup = find_specimens);

typedef struct run {
    char out[16384]; /* stdout and stderr */
    int status;      /* exit status, or -1 when it did not exit */
} run;

/* Runs runner-specimens with argument test (NULL: the whole suite). */
static void run_specimen(const char *test, run *r)
{
    int p[2];
    size_t used = 0;
    ssize_t got;
    int status;
    pid_t pid;

    NRT_EQ_FATAL(pipe(p), 0);
    pid = fork();
    NRT_GE_FATAL(pid, 0);
    if (pid == 0) {
        dup2(p[1], 1);
        dup2(p[1], 2);
        close(p[0]);
        close(p[1]);
        execl(specimens, specimens, test, (char *)NULL);
        _exit(127);
    }
    close(p[1]);
    while (used < sizeof r->out - 1 && (got = read(p[0], r->out + used, sizeof r->out - 1 - used)) != 0) {
        if (got < 0 && errno == EINTR)
            continue;
        NRT_GT_FATAL(got, 0);
        used += (size_t)got;
    }
    r->out[used] = '\0';
    close(p[0]);
    NRT_EQ_FATAL(waitpid(pid, &status, 0), pid);
    r->status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The specimen test fails with exit status 1, reporting message at the
 * file and line it announced ("@line N"). */
static void expect_failure(const char *test, const char *message)
{
    run r;
    const char *at;
    int line = 0;
    char where[64], started[128];

    run_specimen(test, &r);
    NRT_EQ(r.status, 1);
    at = strstr(r.out, "@line ");
    NRT_NOT_NULL_FATAL(at);
    NRT_EQ_FATAL(sscanf(at, "@line %d", &line), 1);
    snprintf(where, sizeof where, "runner-specimens.c:%d  - ", line);
    NRT_CONTAINS(r.out, where);
    NRT_CONTAINS(r.out, message);
    snprintf(started, sizeof started, "Test: %s ...", test);
    NRT_CONTAINS(r.out, started);
    NRT_CONTAINS(r.out, "FAILED");
}

NRT_TEST(unequal_integers_show_both_expressions_and_values)
{
    expect_failure("integers_differ", "got == want: got is 676 (0x2a4), want is 651 (0x28b)");
}

NRT_TEST(unequal_strings_show_both_strings)
{
    expect_failure("strings_differ", "reply == expected:\n      left  \"CONNECT\"\n      right \"CONNECT 33600\"");
}

NRT_TEST(unequal_memory_shows_both_in_hex_and_where_they_differ)
{
    expect_failure("memory_differs", "the 5 bytes of sent and wire differ first at offset 2:\n"
                                     "      left  7e ff 03 c0 21 \n"
                                     "      right 7e ff 7d 23 c0 ");
}

NRT_TEST(a_pointer_that_should_be_null_shows_its_value)
{
    expect_failure("pointer_is_not_null", "p == NULL: p is 0x");
}

NRT_TEST(a_wrong_order_shows_both_values)
{
    expect_failure("order_is_wrong", "spent < limit: spent is 1200 (0x4b0), limit is 600 (0x258)");
}

NRT_TEST(described_values_show_their_descriptions)
{
    expect_failure("described_values_differ", "code == expected: code is 7 \"odd\", expected is 4 \"even\"");
}

NRT_TEST(a_false_condition_shows_the_condition)
{
    expect_failure("condition_is_false", "ready is false");
}

NRT_TEST(a_missing_needle_shows_the_haystack)
{
    expect_failure("haystack_lacks_the_needle", "text contains \"CONNECT\": it is \"no dial tone\"");
}

NRT_TEST(a_fatal_failure_ends_its_test)
{
    run r;
    expect_failure("fatal_failure_ends_the_test", "fd >= 0: fd is -1");
    run_specimen("fatal_failure_ends_the_test", &r);
    NRT_NOT_CONTAINS(r.out, "after the fatal assertion");
}

NRT_TEST(a_passing_test_exits_0)
{
    run r;
    run_specimen("everything_holds", &r);
    NRT_EQ(r.status, 0);
    NRT_CONTAINS(r.out, "Test: everything_holds ...passed");
}

NRT_TEST(an_unknown_test_name_is_a_setup_error)
{
    run r;
    run_specimen("no_such_test", &r);
    NRT_EQ(r.status, 99);
    NRT_CONTAINS(r.out, "no test named no_such_test");
}

NRT_TEST(the_whole_suite_runs_in_written_order_and_fails)
{
    static const char *const order[] = {
        "integers_differ",    "strings_differ",           "memory_differs",
        "pointer_is_not_null", "order_is_wrong",          "described_values_differ",
        "condition_is_false", "haystack_lacks_the_needle", "fatal_failure_ends_the_test",
        "everything_holds",
    };
    run r;
    const char *prev = NULL;
    run_specimen(NULL, &r);
    NRT_EQ(r.status, 1);
    NRT_CONTAINS(r.out, "Suite: runner-specimens");
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        char test[128];
        const char *at;
        snprintf(test, sizeof test, "Test: %s ...", order[i]);
        at = strstr(r.out, test);
        NRT_TRUE_MSG(at != NULL, "the suite ran %s", order[i]);
        if (at && prev)
            NRT_TRUE_MSG(at > prev, "%s ran after the test written before it", order[i]);
        prev = at;
    }
}

/* ---- the assertions' semantics ------------------------------------------------------------ */

NRT_TEST(each_side_is_evaluated_once)
{
    int i = 0, j = 10;
    NRT_EQ(i++, 0);
    NRT_EQ(i, 1);
    NRT_NE(j--, i++);
    NRT_EQ(j, 9);
    NRT_EQ(i, 2);
}

/* As the C operator does: -1 becomes UINT_MAX next to an unsigned. */
NRT_TEST(operands_compare_as_the_c_operator_compares_them)
{
    unsigned u = UINT_MAX;
    int minus_one = -1;
    NRT_EQ(u, minus_one);
    NRT_LT(minus_one, 0);
    NRT_GT(u, 0);
}
