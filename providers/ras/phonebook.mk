# providers/ras/phonebook.mk: the JSON phonebook and its tests.
providers_ras_libnrras_core_la_SOURCES += \
	providers/ras/jsonpos.h providers/ras/jsonpos.c \
	providers/ras/phonebook.h providers/ras/phonebook.c
providers_ras_libnrras_core_la_CPPFLAGS = $(AM_CPPFLAGS) $(NR_COMMON_CPPFLAGS) -DNR_SYSCONFDIR='"$(sysconfdir)"'

check_PROGRAMS += tests/ras/test-ras-phonebook
TESTS += tests/ras/test-ras-phonebook
tests_ras_test_ras_phonebook_SOURCES = tests/ras/test-ras-phonebook.c tests/ras/pb-gen.c tests/ras/pb-gen.h \
	tests/cunit-main.h tests/cunit-main.c
tests_ras_test_ras_phonebook_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/providers/ras -I$(top_srcdir)/tests
tests_ras_test_ras_phonebook_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_ras_test_ras_phonebook_LDADD = providers/ras/libnrras-core.la $(CUNIT_LIBS)
