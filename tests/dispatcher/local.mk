# tests/dispatcher: the dispatcher notifier (notifiers/dispatcher) with real
# scripts through the netrouter command, and the layout of the RAS
# structures it declares itself held against <netrouter/ras.h>.
dist_noinst_SCRIPTS += tests/dispatcher/dispatcher.test
TESTS += tests/dispatcher/dispatcher.test

check_PROGRAMS += tests/dispatcher/test-dispatcher-raslink
TESTS += tests/dispatcher/test-dispatcher-raslink
tests_dispatcher_test_dispatcher_raslink_SOURCES = tests/dispatcher/test-dispatcher-raslink.c
tests_dispatcher_test_dispatcher_raslink_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/notifiers/dispatcher \
	-I$(top_srcdir)/tests $(CUNIT_CFLAGS)
tests_dispatcher_test_dispatcher_raslink_LDADD = $(NR_TEST_RUNNER)

# With a dial-up: the modem emulator and slirp (tests/ras/slirp-env.sh).
dist_noinst_SCRIPTS += tests/dispatcher/dispatcher-ras.test
TESTS += tests/dispatcher/dispatcher-ras.test
