# tests/conformance/constants.mk: the porting headers (router/include/win,
# pkg-config netrouter-win) against the Windows values of every table
# tests/conformance/*.constants (NAME VALUE lines, each table naming its
# public source): constants.test generates the checking program from the
# tables at test time, so that a name the headers lack is reported with
# the others instead of breaking the build.

TESTS += tests/conformance/constants.test

# The names of the porting headers that are macros and types on Windows too,
# used by one program built as UNICODE and as ANSI.
NR_WIN_NAMES_SUITES = tests/conformance/test-win-names tests/conformance/test-win-names-ansi
check_PROGRAMS += $(NR_WIN_NAMES_SUITES)
TESTS += $(NR_WIN_NAMES_SUITES)
tests_conformance_test_win_names_SOURCES = tests/conformance/test-win-names.c
tests_conformance_test_win_names_CPPFLAGS = -I$(top_builddir)/build-aux -I$(top_srcdir)/tests $(NR_WIN_CPPFLAGS)
tests_conformance_test_win_names_CFLAGS = $(NR_SUITE_CFLAGS)
tests_conformance_test_win_names_LDADD = $(NR_TEST_RUNNER)
tests_conformance_test_win_names_ansi_SOURCES = tests/conformance/test-win-names.c
tests_conformance_test_win_names_ansi_CPPFLAGS = $(tests_conformance_test_win_names_CPPFLAGS) -UUNICODE -U_UNICODE
tests_conformance_test_win_names_ansi_CFLAGS = $(NR_SUITE_CFLAGS)
tests_conformance_test_win_names_ansi_LDADD = $(NR_TEST_RUNNER)
dist_noinst_SCRIPTS += tests/conformance/constants.test
# (a new table is distributed by adding it here)
EXTRA_DIST += \
	tests/conformance/constants.awk \
	tests/conformance/npapi.constants \
	tests/conformance/ras.constants \
	tests/conformance/windows.constants \
	tests/conformance/winerror.constants \
	tests/conformance/winnetwk.constants

# The compiler and flags the test builds with: the project's warnings and
# what `pkg-config --cflags netrouter-win` gives, pointed at the source
# tree (NR_WIN_CPPFLAGS, router/local.mk).
noinst_DATA += tests/conformance/constants.env
tests/conformance/constants.env: Makefile
	$(AM_V_GEN)$(MKDIR_P) $(@D) && { \
	  echo "NR_CC='$(CC)'"; \
	  echo "NR_CFLAGS='-std=gnu11 $(WARN_CFLAGS)'"; \
	  echo "NR_WIN_CPPFLAGS='$(NR_WIN_CPPFLAGS)'"; \
	} >$@.tmp && mv $@.tmp $@
CLEANFILES += tests/conformance/constants.env
