# providers/ras/dial.mk: the dialing engine (connections, notifications) and its tests.
providers_ras_libnrras_core_la_SOURCES += \
	providers/ras/notify.h providers/ras/notify.c \
	providers/ras/rasconn.h providers/ras/rasconn.c

check_PROGRAMS += tests/ras/test-ras-notify
TESTS += tests/ras/test-ras-notify
tests_ras_test_ras_notify_SOURCES = tests/ras/test-ras-notify.c tests/cunit-main.h tests/cunit-main.c
tests_ras_test_ras_notify_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/providers/ras -I$(top_srcdir)/tests
tests_ras_test_ras_notify_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_ras_test_ras_notify_LDADD = providers/ras/libnrras-core.la $(CUNIT_LIBS) $(PTHREAD_LIBS)

providers_ras_libnrras_core_la_SOURCES += \
	providers/ras/dial.h providers/ras/dial.c providers/ras/dial-ppp.c \
	providers/ras/tun.h providers/ras/tun.c \
	providers/ras/connnotify.h providers/ras/connnotify.c \
	providers/ras/credstore.h providers/ras/credstore.c

# What the RasDial-level tests share: the emulator, the PPP peers (our own
# link, ppp-test-peer's scripted servers), the runner.
ras_dial_fixture_sources = tests/ras/dial-fixture.h tests/ras/dial-fixture.c tests/ras/deadline.h \
	tests/ras/ppp-test-peer.h tests/ras/ppp-test-peer.c \
	tests/ras/modem-emu.h tests/ras/modem-emu.c tests/cunit-main.h tests/cunit-main.c

check_PROGRAMS += tests/ras/test-ras-dial
TESTS += tests/ras/test-ras-dial
tests_ras_test_ras_dial_SOURCES = tests/ras/test-ras-dial.c $(ras_dial_fixture_sources)
tests_ras_test_ras_dial_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/providers/ras -I$(top_srcdir)/tests
tests_ras_test_ras_dial_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
# The PPP peer of the tests is the core's (static) link; the code under test
# is the shared libnetrouter-ras.
tests_ras_test_ras_dial_LDADD = providers/ras/libnetrouter-ras.la router/libnetrouter.la providers/ras/libnrras-core.la \
	$(CUNIT_LIBS) $(PTHREAD_LIBS)

# When RasGetProjectionInfo answers, asked from a handler in every state;
# a PAP-asking peer comes from ppp-test-peer.
check_PROGRAMS += tests/ras/test-ras-projection
TESTS += tests/ras/test-ras-projection
tests_ras_test_ras_projection_SOURCES = tests/ras/test-ras-projection.c $(ras_dial_fixture_sources)
tests_ras_test_ras_projection_CPPFLAGS = $(tests_ras_test_ras_dial_CPPFLAGS)
tests_ras_test_ras_projection_CFLAGS = $(tests_ras_test_ras_dial_CFLAGS)
tests_ras_test_ras_projection_LDADD = $(tests_ras_test_ras_dial_LDADD)

# Hang-up in every state of a full dial; paused states and PAP.
check_PROGRAMS += tests/ras/test-ras-hangup tests/ras/test-ras-paused
TESTS += tests/ras/test-ras-hangup tests/ras/test-ras-paused
tests_ras_test_ras_hangup_SOURCES = tests/ras/test-ras-hangup.c $(ras_dial_fixture_sources)
tests_ras_test_ras_hangup_CPPFLAGS = $(tests_ras_test_ras_dial_CPPFLAGS)
tests_ras_test_ras_hangup_CFLAGS = $(tests_ras_test_ras_dial_CFLAGS)
tests_ras_test_ras_hangup_LDADD = $(tests_ras_test_ras_dial_LDADD)
tests_ras_test_ras_paused_SOURCES = tests/ras/test-ras-paused.c $(ras_dial_fixture_sources)
tests_ras_test_ras_paused_CPPFLAGS = $(tests_ras_test_ras_dial_CPPFLAGS)
tests_ras_test_ras_paused_CFLAGS = $(tests_ras_test_ras_dial_CFLAGS)
tests_ras_test_ras_paused_LDADD = $(tests_ras_test_ras_dial_LDADD)

# RasConnectionNotification (dials through to Connected) and the saved
# credentials (RasSetEntryDialParams / RasGetEntryDialParams).
check_PROGRAMS += tests/ras/test-ras-connnotify tests/ras/test-ras-credentials
TESTS += tests/ras/test-ras-connnotify tests/ras/test-ras-credentials
tests_ras_test_ras_connnotify_SOURCES = tests/ras/test-ras-connnotify.c $(ras_dial_fixture_sources)
tests_ras_test_ras_connnotify_CPPFLAGS = $(tests_ras_test_ras_dial_CPPFLAGS)
tests_ras_test_ras_connnotify_CFLAGS = $(tests_ras_test_ras_dial_CFLAGS)
tests_ras_test_ras_connnotify_LDADD = $(tests_ras_test_ras_dial_LDADD)
tests_ras_test_ras_credentials_SOURCES = tests/ras/test-ras-credentials.c $(ras_dial_fixture_sources)
tests_ras_test_ras_credentials_CPPFLAGS = $(tests_ras_test_ras_dial_CPPFLAGS)
tests_ras_test_ras_credentials_CFLAGS = $(tests_ras_test_ras_dial_CFLAGS)
tests_ras_test_ras_credentials_LDADD = $(tests_ras_test_ras_dial_LDADD)

# The emulator as a command (shell tests, demo, benchmarks) and rasdial's test.
check_PROGRAMS += tests/ras/modem-emu
tests_ras_modem_emu_SOURCES = tests/ras/modem-emu-main.c tests/ras/modem-emu.h tests/ras/modem-emu.c \
	tests/ras/deadline.h
tests_ras_modem_emu_LDADD = $(PTHREAD_LIBS)
TESTS += tests/ras/rasdial.test
dist_noinst_SCRIPTS += tests/ras/rasdial.test

# What the sentences behind the error numbers name (nr_ras_get_error_detail,
# nr_ras_check_phonebook), and the dialing threads' signal mask.
check_PROGRAMS += tests/ras/test-ras-errors
TESTS += tests/ras/test-ras-errors
tests_ras_test_ras_errors_SOURCES = tests/ras/test-ras-errors.c $(ras_dial_fixture_sources)
tests_ras_test_ras_errors_CPPFLAGS = $(tests_ras_test_ras_dial_CPPFLAGS)
tests_ras_test_ras_errors_CFLAGS = $(tests_ras_test_ras_dial_CFLAGS)
tests_ras_test_ras_errors_LDADD = $(tests_ras_test_ras_dial_LDADD)

# The terminal step (terminal_after_dial, RASCS_Interactive).
check_PROGRAMS += tests/ras/test-ras-terminal
TESTS += tests/ras/test-ras-terminal
tests_ras_test_ras_terminal_SOURCES = tests/ras/test-ras-terminal.c $(ras_dial_fixture_sources)
tests_ras_test_ras_terminal_CPPFLAGS = $(tests_ras_test_ras_dial_CPPFLAGS)
tests_ras_test_ras_terminal_CFLAGS = $(tests_ras_test_ras_dial_CFLAGS)
tests_ras_test_ras_terminal_LDADD = $(tests_ras_test_ras_dial_LDADD)

# The provider plugin through a router: the build tree's ras manifest, the
# fixture notifier (and provider) of tests/fixtures, the emulator and peer.
check_PROGRAMS += tests/ras/test-ras-provider
TESTS += tests/ras/test-ras-provider
tests_ras_test_ras_provider_SOURCES = tests/ras/test-ras-provider.c \
	tests/ras/dial-fixture.h tests/ras/dial-fixture.c tests/ras/ppp-test-peer.h tests/ras/ppp-test-peer.c \
	tests/ras/modem-emu.h tests/ras/modem-emu.c $(NR_TESTUTIL)
tests_ras_test_ras_provider_CPPFLAGS = $(tests_ras_test_ras_dial_CPPFLAGS)
tests_ras_test_ras_provider_CFLAGS = $(NR_SUITE_CFLAGS)
tests_ras_test_ras_provider_LDADD = $(tests_ras_test_ras_dial_LDADD) $(JANSSON_LIBS)

# MS-CHAP v2 end to end: a wrong password, a server that cannot prove
# itself, an expired password and RASCS_PasswordExpired (ppp-test-peer's
# MS-CHAP v2 server behind the emulator).
check_PROGRAMS += tests/ras/test-ras-mschap
TESTS += tests/ras/test-ras-mschap
tests_ras_test_ras_mschap_SOURCES = tests/ras/test-ras-mschap.c $(ras_dial_fixture_sources)
tests_ras_test_ras_mschap_CPPFLAGS = $(tests_ras_test_ras_dial_CPPFLAGS)
tests_ras_test_ras_mschap_CFLAGS = $(tests_ras_test_ras_dial_CFLAGS)
tests_ras_test_ras_mschap_LDADD = $(tests_ras_test_ras_dial_LDADD)

# Callback (CBCP, RASCS_CallbackSetByCaller): ppp-test-peer's server calls
# the dialer back through the emulator.
check_PROGRAMS += tests/ras/test-ras-callback
TESTS += tests/ras/test-ras-callback
tests_ras_test_ras_callback_SOURCES = tests/ras/test-ras-callback.c $(ras_dial_fixture_sources)
tests_ras_test_ras_callback_CPPFLAGS = $(tests_ras_test_ras_dial_CPPFLAGS)
tests_ras_test_ras_callback_CFLAGS = $(tests_ras_test_ras_dial_CFLAGS)
tests_ras_test_ras_callback_LDADD = $(tests_ras_test_ras_dial_LDADD)

# The link handed to the kernel (an entry's "interface", TUN), in a
# network namespace of the test's own (root).
check_PROGRAMS += tests/ras/test-ras-tun
TESTS += tests/ras/test-ras-tun
tests_ras_test_ras_tun_SOURCES = tests/ras/test-ras-tun.c $(ras_dial_fixture_sources)
tests_ras_test_ras_tun_CPPFLAGS = $(tests_ras_test_ras_dial_CPPFLAGS)
tests_ras_test_ras_tun_CFLAGS = $(tests_ras_test_ras_dial_CFLAGS)
tests_ras_test_ras_tun_LDADD = $(tests_ras_test_ras_dial_LDADD)
