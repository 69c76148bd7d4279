# tests/conformance/wnet.mk: the WNet conformance suites (<netrouter/winnetwk.h>):
# Wine's mpr test categories written afresh, our own case for every WNet
# function, the A/W conversions, and the process's default router.  They run
# the fixture plugins of tests/fixtures and the example providers of
# docs/examples, as built in this tree.
NR_WNET_SUITES = \
	tests/conformance/test-wnet-mpr \
	tests/conformance/test-wnet \
	tests/conformance/test-wnet-wide \
	tests/conformance/test-wnet-default \
	tests/conformance/test-wnet-unicode
check_PROGRAMS += $(NR_WNET_SUITES)
TESTS += $(NR_WNET_SUITES)

check_LTLIBRARIES += tests/conformance/libwnettest.la
tests_conformance_libwnettest_la_SOURCES = tests/conformance/wnet-test.h tests/conformance/wnet-test.c
tests_conformance_libwnettest_la_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_conformance_libwnettest_la_CFLAGS = $(NR_SUITE_CFLAGS)
NR_WNET_SUITE_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
NR_WNET_SUITE_LDADD = tests/conformance/libwnettest.la $(NR_SUITE_LDADD)

tests_conformance_test_wnet_mpr_SOURCES = tests/conformance/test-wnet-mpr.c
tests_conformance_test_wnet_mpr_CPPFLAGS = $(NR_WNET_SUITE_CPPFLAGS)
tests_conformance_test_wnet_mpr_CFLAGS = $(NR_SUITE_CFLAGS)
tests_conformance_test_wnet_mpr_LDADD = $(NR_WNET_SUITE_LDADD)
tests_conformance_test_wnet_SOURCES = tests/conformance/test-wnet.c
tests_conformance_test_wnet_CPPFLAGS = $(NR_WNET_SUITE_CPPFLAGS)
tests_conformance_test_wnet_CFLAGS = $(NR_SUITE_CFLAGS)
tests_conformance_test_wnet_LDADD = $(NR_WNET_SUITE_LDADD)
tests_conformance_test_wnet_wide_SOURCES = tests/conformance/test-wnet-wide.c
tests_conformance_test_wnet_wide_CPPFLAGS = $(NR_WNET_SUITE_CPPFLAGS)
tests_conformance_test_wnet_wide_CFLAGS = $(NR_SUITE_CFLAGS)
tests_conformance_test_wnet_wide_LDADD = $(NR_WNET_SUITE_LDADD)
tests_conformance_test_wnet_default_SOURCES = tests/conformance/test-wnet-default.c
tests_conformance_test_wnet_default_CPPFLAGS = $(NR_WNET_SUITE_CPPFLAGS)
tests_conformance_test_wnet_default_CFLAGS = $(NR_SUITE_CFLAGS)
tests_conformance_test_wnet_default_LDADD = $(NR_WNET_SUITE_LDADD)
# compiled as a Windows program: UNICODE chooses the wide plain names
tests_conformance_test_wnet_unicode_SOURCES = tests/conformance/test-wnet-unicode.c
tests_conformance_test_wnet_unicode_CPPFLAGS = $(NR_WNET_SUITE_CPPFLAGS) -DUNICODE -D_UNICODE
tests_conformance_test_wnet_unicode_CFLAGS = $(NR_SUITE_CFLAGS)
tests_conformance_test_wnet_unicode_LDADD = $(NR_WNET_SUITE_LDADD)
