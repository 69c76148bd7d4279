# tests/policy: the policy notifier.  test-policy-files and
# test-policy-decide link its rules library (notifiers/policy/rules) and
# test it on its own; test-policy-plugin loads the built nr-policy.so in a
# router with a fixture provider; policy.test drives the netrouter command
# with it and the example symlink provider.
NR_POLICY_TEST_CPPFLAGS = $(AM_CPPFLAGS) $(NR_POLICY_CPPFLAGS) -I$(top_srcdir)/tests
NR_POLICY_TEST_LDADD = $(NR_SUITE_LDADD) notifiers/policy/rules/libnrpolicy.la router/common/libnrcommon.la \
	$(JANSSON_LIBS)

policy_suites = tests/policy/test-policy-files tests/policy/test-policy-decide tests/policy/test-policy-plugin
check_PROGRAMS += $(policy_suites)
TESTS += $(policy_suites) tests/policy/policy.test
dist_noinst_SCRIPTS += tests/policy/policy.test

tests_policy_test_policy_files_SOURCES = tests/policy/test-policy-files.c
tests_policy_test_policy_files_CPPFLAGS = $(NR_POLICY_TEST_CPPFLAGS)
tests_policy_test_policy_files_CFLAGS = $(NR_SUITE_CFLAGS)
tests_policy_test_policy_files_LDADD = $(NR_POLICY_TEST_LDADD)
tests_policy_test_policy_decide_SOURCES = tests/policy/test-policy-decide.c
tests_policy_test_policy_decide_CPPFLAGS = $(NR_POLICY_TEST_CPPFLAGS)
tests_policy_test_policy_decide_CFLAGS = $(NR_SUITE_CFLAGS)
tests_policy_test_policy_decide_LDADD = $(NR_POLICY_TEST_LDADD)
# the built notifier in a real router: links only what any router suite links
tests_policy_test_policy_plugin_SOURCES = tests/policy/test-policy-plugin.c
tests_policy_test_policy_plugin_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_policy_test_policy_plugin_CFLAGS = $(NR_SUITE_CFLAGS)
tests_policy_test_policy_plugin_LDADD = $(NR_SUITE_LDADD)
# (it loads notifiers/policy/.libs/nr-policy.so, so that must be built first)
EXTRA_tests_policy_test_policy_plugin_DEPENDENCIES = notifiers/policy/nr-policy.la
