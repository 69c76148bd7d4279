# providers/ras/modem.mk: the AT-command modem layer (serial tty, UUCP lock,
# dial dialogue) and its test against a modem emulator on a real pty.
providers_ras_libnrras_core_la_SOURCES += \
	providers/ras/uucplock.h providers/ras/uucplock.c \
	providers/ras/modem.h providers/ras/modem.c

check_PROGRAMS += tests/ras/test-ras-modem
TESTS += tests/ras/test-ras-modem
tests_ras_test_ras_modem_SOURCES = tests/ras/test-ras-modem.c tests/ras/modem-emu.c tests/ras/modem-emu.h
tests_ras_test_ras_modem_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/providers/ras
tests_ras_test_ras_modem_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_ras_test_ras_modem_LDADD = providers/ras/libnrras-core.la $(CUNIT_LIBS) $(PTHREAD_LIBS)
