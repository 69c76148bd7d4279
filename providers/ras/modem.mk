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

# The UUCP lock protocol under attack: many processes racing for one stale
# lock, FIFOs and symlinks at the lock path, a second user in a sticky lock
# directory.  The --wrap flags let the test slow every removal and flock
# down from the outside (the wrappers are in the test), so the production
# code carries no test hook.
check_PROGRAMS += tests/ras/test-ras-uucplock
TESTS += tests/ras/test-ras-uucplock
tests_ras_test_ras_uucplock_SOURCES = tests/ras/test-ras-uucplock.c tests/cunit-main.h tests/cunit-main.c
tests_ras_test_ras_uucplock_CPPFLAGS = $(AM_CPPFLAGS) $(NR_COMMON_CPPFLAGS) -I$(top_srcdir)/providers/ras -I$(top_srcdir)/tests
tests_ras_test_ras_uucplock_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_ras_test_ras_uucplock_LDFLAGS = $(AM_LDFLAGS) \
	-Wl,--wrap=unlink,--wrap=unlinkat,--wrap=rename,--wrap=renameat,--wrap=flock
tests_ras_test_ras_uucplock_LDADD = providers/ras/libnrras-core.la $(CUNIT_LIBS)
