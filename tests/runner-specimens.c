/*
 * runner-specimens.c - tests that fail on purpose, for test-runner.c to run
 * one at a time (argv[1]) in a child and read what the runner prints.  Not
 * a test program of its own: make check runs test-runner, not this.
 *
 * Each failing specimen first prints "@line N", the line of the assertion
 * that is to fail, so the checker can look for "runner-specimens.c:N".
 */
#include "config.h"

#include <stdio.h>

#include "cunit-main.h"

NRT_SUITE("runner-specimens");

#define AT_NEXT_LINE() printf("@line %d\n", __LINE__ + 1)

static const char *parity(unsigned v)
{
    return v % 2 ? "odd" : "even";
}

NRT_TEST(integers_differ)
{
    int got = 676, want = 651;
    AT_NEXT_LINE();
    NRT_EQ(got, want);
}

NRT_TEST(strings_differ)
{
    const char *reply = "CONNECT", *expected = "CONNECT 33600";
    AT_NEXT_LINE();
    NRT_EQ_STR(reply, expected);
}

NRT_TEST(memory_differs)
{
    static const unsigned char sent[] = { 0x7e, 0xff, 0x03, 0xc0, 0x21 }, wire[] = { 0x7e, 0xff, 0x7d, 0x23, 0xc0 };
    AT_NEXT_LINE();
    NRT_EQ_MEM(sent, wire, sizeof sent);
}

NRT_TEST(pointer_is_not_null)
{
    static int thing;
    int *p = &thing;
    AT_NEXT_LINE();
    NRT_NULL(p);
}

NRT_TEST(order_is_wrong)
{
    long spent = 1200, limit = 600;
    AT_NEXT_LINE();
    NRT_LT(spent, limit);
}

NRT_TEST(described_values_differ)
{
    unsigned code = 7, expected = 4;
    AT_NEXT_LINE();
    NRT_EQ_DESCRIBED(unsigned, parity, code, expected);
}

NRT_TEST(condition_is_false)
{
    int ready = 0;
    AT_NEXT_LINE();
    NRT_TRUE(ready);
}

NRT_TEST(haystack_lacks_the_needle)
{
    const char *text = "no dial tone";
    AT_NEXT_LINE();
    NRT_CONTAINS(text, "CONNECT");
}

/* A fatal failure ends the test: the line after it never prints. */
NRT_TEST(fatal_failure_ends_the_test)
{
    int fd = -1;
    AT_NEXT_LINE();
    NRT_GE_FATAL(fd, 0);
    printf("after the fatal assertion\n");
}

NRT_TEST(everything_holds)
{
    NRT_EQ(1 + 1, 2);
    NRT_EQ_STR("a", "a");
}
