# tests/: CUnit suites (one program per area), the fixture plugins they load,
# and the end-to-end test of the netrouter CLI.
#
# The fixtures are real dlopen-able plugins (TEST_PLUGIN_LDFLAGS); the
# suites copy them into a fresh temporary directory per test, because the
# dynamic loader maps one file only once per process.

# ---- fixture plugins ---------------------------------------------------------
check_LTLIBRARIES += \
	tests/fixtures/fixture-notifier.la \
	tests/fixtures/fixture-provider.la \
	tests/fixtures/fixture-provider-lite.la \
	tests/fixtures/fixture-provider-nobrowse.la \
	tests/fixtures/fixture-abi.la \
	tests/fixtures/broken-nocaps.la \
	tests/fixtures/broken-noadd3.la \
	tests/fixtures/broken-halfenum.la \
	tests/fixtures/broken-nonotify.la \
	tests/fixtures/wide-notifier.la \
	tests/fixtures/wide-provider.la \
	tests/fixtures/wide-seterror.la \
	tests/fixtures/wide-badcharset.la \
	tests/fixtures/libwidehelper.la \
	tests/fixtures/utf8-with-wide-helper.la

NR_FIXTURE_COMMON = tests/fixtures/fixture-common.h tests/fixtures/fixture-common.c

tests_fixtures_fixture_notifier_la_SOURCES = tests/fixtures/fixture-notifier.c $(NR_FIXTURE_COMMON)
tests_fixtures_fixture_notifier_la_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS)
tests_fixtures_fixture_notifier_la_LIBADD = $(JANSSON_LIBS) $(PTHREAD_LIBS)
tests_fixtures_fixture_notifier_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS)

tests_fixtures_fixture_provider_la_SOURCES = tests/fixtures/fixture-provider.c $(NR_FIXTURE_COMMON)
tests_fixtures_fixture_provider_la_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS)
tests_fixtures_fixture_provider_la_LIBADD = $(JANSSON_LIBS) $(PTHREAD_LIBS)
tests_fixtures_fixture_provider_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS)

tests_fixtures_fixture_provider_lite_la_SOURCES = $(tests_fixtures_fixture_provider_la_SOURCES)
tests_fixtures_fixture_provider_lite_la_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS) -DFX_LITE
tests_fixtures_fixture_provider_lite_la_LIBADD = $(JANSSON_LIBS) $(PTHREAD_LIBS)
tests_fixtures_fixture_provider_lite_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS)

tests_fixtures_fixture_provider_nobrowse_la_SOURCES = $(tests_fixtures_fixture_provider_la_SOURCES)
tests_fixtures_fixture_provider_nobrowse_la_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS) -DFX_NO_BROWSE
tests_fixtures_fixture_provider_nobrowse_la_LIBADD = $(JANSSON_LIBS) $(PTHREAD_LIBS)
tests_fixtures_fixture_provider_nobrowse_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS)

tests_fixtures_fixture_abi_la_SOURCES = tests/fixtures/fixture-abi.c
tests_fixtures_fixture_abi_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS)
tests_fixtures_broken_nocaps_la_SOURCES = tests/fixtures/broken-nocaps.c
tests_fixtures_broken_nocaps_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS)
tests_fixtures_broken_noadd3_la_SOURCES = tests/fixtures/broken-noadd3.c
tests_fixtures_broken_noadd3_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS)
tests_fixtures_broken_halfenum_la_SOURCES = tests/fixtures/broken-halfenum.c
tests_fixtures_broken_halfenum_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS)
tests_fixtures_broken_nonotify_la_SOURCES = tests/fixtures/broken-nonotify.c
tests_fixtures_broken_nonotify_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS)

# Plugins written as on Windows, built with UNICODE (wide strings).
tests_fixtures_wide_notifier_la_SOURCES = tests/fixtures/wide-notifier.c
tests_fixtures_wide_notifier_la_CPPFLAGS = $(AM_CPPFLAGS) -DUNICODE -D_UNICODE
tests_fixtures_wide_notifier_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS)
tests_fixtures_wide_provider_la_SOURCES = tests/fixtures/wide-provider.c
tests_fixtures_wide_provider_la_CPPFLAGS = $(AM_CPPFLAGS) -DUNICODE -D_UNICODE
tests_fixtures_wide_provider_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS)
# A UTF-8 plugin linking a shared library built with UNICODE: the helper's
# NrPluginCharset is not the plugin's.
tests_fixtures_libwidehelper_la_SOURCES = tests/fixtures/wide-helper.c
tests_fixtures_libwidehelper_la_LDFLAGS = $(AM_LDFLAGS) -rpath $(abs_builddir)/tests/fixtures/.libs
tests_fixtures_utf8_with_wide_helper_la_SOURCES = tests/fixtures/utf8-with-wide-helper.c
tests_fixtures_utf8_with_wide_helper_la_LIBADD = tests/fixtures/libwidehelper.la
tests_fixtures_utf8_with_wide_helper_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS)
# Reports its errors with WNetSetLastErrorW of libnetrouter, as a port
# built with the netrouter-win module (its headers and Libs) does.
tests_fixtures_wide_seterror_la_SOURCES = tests/fixtures/wide-seterror.c
tests_fixtures_wide_seterror_la_CPPFLAGS = $(NR_WIN_CPPFLAGS)
tests_fixtures_wide_seterror_la_LIBADD = router/libnetrouter.la
tests_fixtures_wide_seterror_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS)
tests_fixtures_wide_badcharset_la_SOURCES = tests/fixtures/wide-badcharset.c
tests_fixtures_wide_badcharset_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS)

# ---- CUnit suites --------------------------------------------------------------
NR_SUITES = \
	tests/test-manifest-schema \
	tests/test-manifest-path \
	tests/test-manifest-files \
	tests/test-manifest-load \
	tests/test-manifest-check \
	tests/test-discovery \
	tests/test-load \
	tests/test-dispatch \
	tests/test-store \
	tests/test-store-files \
	tests/test-store-stress \
	tests/test-query \
	tests/test-threads \
	tests/test-errors \
	tests/test-common \
	tests/test-wide \
	tests/test-wide-boundary \
	tests/test-isolate
check_PROGRAMS += $(NR_SUITES)
TESTS += $(NR_SUITES) tests/cli.test tests/netuse.test

# Every CUnit program links the one runner, tests/cunit-main.c (its main()),
# compiled once into a check-only library, and asserts with
# tests/nrt-assert.h.
check_LTLIBRARIES += tests/libnrtest-runner.la
tests_libnrtest_runner_la_SOURCES = tests/cunit-main.h tests/cunit-main.c
tests_libnrtest_runner_la_CPPFLAGS = $(AM_CPPFLAGS) $(CUNIT_CFLAGS)
NR_TEST_RUNNER = tests/libnrtest-runner.la $(CUNIT_LIBS)
EXTRA_DIST += tests/nrt-assert.h

# What the router's suites share (testutil.h: a private directory per test,
# fixture plugins, manifests, a router), compiled once.
check_LTLIBRARIES += tests/libnrtest-util.la
tests_libnrtest_util_la_SOURCES = tests/testutil.h tests/testutil.c
tests_libnrtest_util_la_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS) $(JANSSON_CFLAGS)
NR_SUITE_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS) $(JANSSON_CFLAGS)
NR_SUITE_LDADD = tests/libnrtest-util.la router/libnetrouter.la $(NR_TEST_RUNNER) $(JANSSON_LIBS) $(PTHREAD_LIBS)

tests_test_manifest_schema_SOURCES = tests/test-manifest-schema.c
tests_test_manifest_schema_CFLAGS = $(NR_SUITE_CFLAGS)
tests_test_manifest_schema_LDADD = $(NR_SUITE_LDADD)
tests_test_manifest_path_SOURCES = tests/test-manifest-path.c
tests_test_manifest_path_CFLAGS = $(NR_SUITE_CFLAGS)
tests_test_manifest_path_LDADD = $(NR_SUITE_LDADD)
tests_test_manifest_files_SOURCES = tests/test-manifest-files.c
tests_test_manifest_files_CFLAGS = $(NR_SUITE_CFLAGS)
tests_test_manifest_files_LDADD = $(NR_SUITE_LDADD)
tests_test_manifest_load_SOURCES = tests/test-manifest-load.c
tests_test_manifest_load_CFLAGS = $(NR_SUITE_CFLAGS)
tests_test_manifest_load_LDADD = $(NR_SUITE_LDADD)
tests_test_manifest_check_SOURCES = tests/test-manifest-check.c
tests_test_manifest_check_CFLAGS = $(NR_SUITE_CFLAGS)
tests_test_manifest_check_LDADD = $(NR_SUITE_LDADD)
tests_test_discovery_SOURCES = tests/test-discovery.c
tests_test_discovery_CFLAGS = $(NR_SUITE_CFLAGS)
tests_test_discovery_LDADD = $(NR_SUITE_LDADD)
tests_test_load_SOURCES = tests/test-load.c
tests_test_load_CFLAGS = $(NR_SUITE_CFLAGS)
tests_test_load_LDADD = $(NR_SUITE_LDADD)
tests_test_dispatch_SOURCES = tests/test-dispatch.c
tests_test_dispatch_CFLAGS = $(NR_SUITE_CFLAGS)
tests_test_dispatch_LDADD = $(NR_SUITE_LDADD)
tests_test_store_SOURCES = tests/test-store.c
tests_test_store_CFLAGS = $(NR_SUITE_CFLAGS)
tests_test_store_LDADD = $(NR_SUITE_LDADD)
tests_test_store_files_SOURCES = tests/test-store-files.c
tests_test_store_files_CFLAGS = $(NR_SUITE_CFLAGS)
tests_test_store_files_LDADD = $(NR_SUITE_LDADD)
tests_test_store_stress_SOURCES = tests/test-store-stress.c
tests_test_store_stress_CFLAGS = $(NR_SUITE_CFLAGS)
tests_test_store_stress_LDADD = $(NR_SUITE_LDADD)
tests_test_query_SOURCES = tests/test-query.c
tests_test_query_CFLAGS = $(NR_SUITE_CFLAGS)
tests_test_query_LDADD = $(NR_SUITE_LDADD)
tests_test_threads_SOURCES = tests/test-threads.c
tests_test_threads_CFLAGS = $(NR_SUITE_CFLAGS)
tests_test_threads_LDADD = $(NR_SUITE_LDADD)
tests_test_errors_SOURCES = tests/test-errors.c
nodist_tests_test_errors_SOURCES = tests/npapi-codes.h
tests_test_errors_CPPFLAGS = $(AM_CPPFLAGS) $(NR_COMMON_CPPFLAGS) -I$(top_builddir)/tests
tests_test_errors_CFLAGS = $(NR_SUITE_CFLAGS)
tests_test_errors_LDADD = $(NR_SUITE_LDADD) router/common/libnrcommon.la
tests_test_common_SOURCES = tests/test-common.c
tests_test_common_CPPFLAGS = $(AM_CPPFLAGS) $(NR_COMMON_CPPFLAGS)
tests_test_common_CFLAGS = $(NR_SUITE_CFLAGS)
tests_test_common_LDADD = $(NR_SUITE_LDADD) router/common/libnrcommon.la
tests_test_isolate_SOURCES = tests/test-isolate.c
tests_test_isolate_CFLAGS = $(NR_SUITE_CFLAGS)
tests_test_isolate_LDADD = $(NR_SUITE_LDADD)
tests_test_wide_SOURCES = tests/test-wide.c
tests_test_wide_CFLAGS = $(NR_SUITE_CFLAGS)
tests_test_wide_LDADD = $(NR_SUITE_LDADD)
# test-wide-boundary calls the library's internal functions: it links a
# copy of libnetrouter's objects (a check-only convenience library, so the
# hidden symbols stay reachable) instead of the shared library.
check_LTLIBRARIES += tests/libnrrouter-copy.la
tests_libnrrouter_copy_la_SOURCES = $(router_libnetrouter_la_SOURCES)
tests_libnrrouter_copy_la_CPPFLAGS = $(router_libnetrouter_la_CPPFLAGS)
tests_libnrrouter_copy_la_CFLAGS = $(router_libnetrouter_la_CFLAGS)
tests_test_wide_boundary_SOURCES = tests/test-wide-boundary.c
tests_test_wide_boundary_CPPFLAGS = $(AM_CPPFLAGS) $(NR_COMMON_CPPFLAGS) -I$(top_srcdir)/router/lib
tests_test_wide_boundary_CFLAGS = $(NR_SUITE_CFLAGS)
tests_test_wide_boundary_LDADD = tests/libnrtest-util.la tests/libnrrouter-copy.la router/common/libnrcommon.la \
	$(NR_TEST_RUNNER) $(JANSSON_LIBS) $(LTDL_LIBS) $(PTHREAD_LIBS)

# Every NO_ERROR, ERROR_* and WN_* macro of npapi.h, as the compiler sees
# it, one CODE(NAME) a line: what test-errors holds the list against.
tests/npapi-codes.h: $(NR_NPAPI_H)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	echo '#include <netrouter/npapi.h>' | $(CC) -E -dM -I$(top_srcdir)/router/include - | \
	  LC_ALL=C sed -n -e 's/^#define \(NO_ERROR\) .*/CODE(\1)/p' -e 's/^#define \(ERROR_[A-Z0-9_]*\) .*/CODE(\1)/p' \
	    -e 's/^#define \(WN_[A-Z0-9_]*\) .*/CODE(\1)/p' | LC_ALL=C sort >$@.tmp && \
	mv $@.tmp $@
BUILT_SOURCES += tests/npapi-codes.h
NR_CODES_USERS = tests/test_errors-test-errors.$(OBJEXT)
$(NR_CODES_USERS): tests/npapi-codes.h
CLEANFILES += tests/npapi-codes.h

include $(srcdir)/tests/ras/local.mk
include $(srcdir)/tests/sshfs/local.mk
include $(srcdir)/tests/policy/local.mk

# ---- the runner itself ------------------------------------------------------------
# test-runner runs each deliberately failing test of runner-specimens in a
# child and checks what the runner prints and the exit status.
check_PROGRAMS += tests/test-runner tests/runner-specimens
TESTS += tests/test-runner
tests_test_runner_SOURCES = tests/test-runner.c
tests_test_runner_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_test_runner_LDADD = $(NR_TEST_RUNNER)
tests_runner_specimens_SOURCES = tests/runner-specimens.c
tests_runner_specimens_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_runner_specimens_LDADD = $(NR_TEST_RUNNER)

# ---- end-to-end CLI test -------------------------------------------------------
dist_noinst_SCRIPTS += tests/cli.test
# ---- the net use forms of the CLI ------------------------------------------------
dist_noinst_SCRIPTS += tests/netuse.test

# ---- the shape of the source tree ----------------------------------------------
# No file-to-file circle and no production file over 800 lines under
# router/, providers/ and notifiers/, judged from the objects just built.
TESTS += tests/file-circles.test
dist_noinst_SCRIPTS += tests/file-circles.test scripts/file-circles.sh

# ---- isolated plugins behave as in process ------------------------------------------
# Suites of the router again, with every plugin isolated by the site default.
TESTS += tests/isolate-forced.test
dist_noinst_SCRIPTS += tests/isolate-forced.test

# ---- the router's configuration file (router.json) ----------------------------------
TESTS += tests/siteconf.test
dist_noinst_SCRIPTS += tests/siteconf.test

# Every test runs with immediate binding (a missing symbol fails at load,
# not in the middle of a test), knows the build and source trees, and never
# sees the caller's netrouter configuration.  RAS links live in the test's
# own process unless a test asks for the connection service (then the one
# of the build tree, at a socket of the test's own: tests/ras/service.sh).
AM_TESTS_ENVIRONMENT = \
	LD_BIND_NOW=1; export LD_BIND_NOW; \
	NETROUTER_RAS_ENGINE=in-process; export NETROUTER_RAS_ENGINE; \
	NETROUTER_RASD='$(abs_top_builddir)/providers/ras/service/netrouterd'; export NETROUTER_RASD; \
	NETROUTER_PLUGIN_HOST='$(abs_top_builddir)/router/host/netrouter-plugin-host'; export NETROUTER_PLUGIN_HOST; \
	unset NETROUTER_ISOLATION; NETROUTER_CONFIG=/dev/null; export NETROUTER_CONFIG; \
	unset NETROUTER_RAS_SOCKET NETROUTER_RASD_LOG; \
	NR_TEST_BUILDDIR='$(abs_top_builddir)'; export NR_TEST_BUILDDIR; \
	NR_TEST_SRCDIR='$(abs_top_srcdir)'; export NR_TEST_SRCDIR; \
	unset NETROUTER_PLUGIN_PATH NETROUTER_STATE_DIR NETROUTER_DEBUG XDG_CONFIG_HOME XDG_STATE_HOME;

# The CUnit suites under valgrind (memcheck, leaks are errors).
check-valgrind: $(check_PROGRAMS) $(check_LTLIBRARIES)
	@test -n "$(VALGRIND)" || { echo "valgrind not found (configure looks for it)"; exit 1; }
	@set -e; $(AM_TESTS_ENVIRONMENT) \
	for t in $(NR_SUITES); do \
	  echo "== valgrind $$t"; \
	  $(LIBTOOL) --mode=execute $(VALGRIND) --quiet --error-exitcode=1 --leak-check=full \
	    --errors-for-leak-kinds=definite,indirect $$t; \
	done
.PHONY: check-valgrind
