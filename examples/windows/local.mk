# examples/windows: Windows sources that build unchanged with the flags of
# the netrouter-win pkg-config module (NR_WIN_CPPFLAGS, router/local.mk: the
# same flags pointed at this tree): a Unicode notifier and a RasDial
# client.  `make installcheck` builds them again against the installed SDK
# with nothing but `pkg-config --cflags --libs netrouter-win`.

# --- wide-veto: the notifier (a plugin needs only --cflags) -------------------
check_LTLIBRARIES += examples/windows/nr-wide-veto.la
examples_windows_nr_wide_veto_la_SOURCES = examples/windows/wide-veto.c
examples_windows_nr_wide_veto_la_CPPFLAGS = $(NR_WIN_CPPFLAGS)
examples_windows_nr_wide_veto_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS) -no-undefined
dist_noinst_SCRIPTS += examples/windows/wide-veto.test
TESTS += examples/windows/wide-veto.test

# --- rasdial-win: the RasDial client, ANSI (-UUNICODE -U_UNICODE after the
# module's flags, as an ANSI Windows program builds) and UNICODE ------------
check_PROGRAMS += examples/windows/rasdial-win-ansi
examples_windows_rasdial_win_ansi_SOURCES = examples/windows/rasdial-win.c
examples_windows_rasdial_win_ansi_CPPFLAGS = $(NR_WIN_CPPFLAGS) -UUNICODE -U_UNICODE
examples_windows_rasdial_win_ansi_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la
# The UNICODE build (RASDIALPARAMSW, RasDialW, RasGetErrorStringW), as a
# Visual Studio project builds it by default.
check_PROGRAMS += examples/windows/rasdial-win
examples_windows_rasdial_win_SOURCES = examples/windows/rasdial-win.c
examples_windows_rasdial_win_CPPFLAGS = $(NR_WIN_CPPFLAGS)
examples_windows_rasdial_win_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la
dist_noinst_SCRIPTS += examples/windows/rasdial-win.test
TESTS += examples/windows/rasdial-win.test

# --- installed sources --------------------------------------------------------
nrwindowsdir = $(docdir)/examples/windows
dist_nrwindows_DATA = \
	examples/windows/README.md \
	examples/windows/wide-veto.c \
	examples/windows/wide-veto.json \
	examples/windows/rasdial-win.c

# --- make installcheck (and distcheck): built as a Windows developer would,
# against the installed SDK with nothing but pkg-config.
WINDOWS_IC = windows-installcheck
installcheck-local: installcheck-windows
installcheck-windows:
	rm -rf $(WINDOWS_IC) && $(MKDIR_P) $(WINDOWS_IC)
	PKG_CONFIG_PATH='$(libdir)/pkgconfig' && export PKG_CONFIG_PATH && \
	  $(CC) -shared -fPIC -o $(WINDOWS_IC)/nr-wide-veto.so '$(docdir)/examples/windows/wide-veto.c' \
	    `$(PKG_CONFIG) --cflags netrouter-win` && \
	  $(CC) -o $(WINDOWS_IC)/rasdial-win-ansi '$(docdir)/examples/windows/rasdial-win.c' \
	    `$(PKG_CONFIG) --cflags --libs netrouter-win` -UUNICODE -U_UNICODE -Wl,-rpath,'$(libdir)'
	test "`nm -D $(WINDOWS_IC)/nr-wide-veto.so | sed -n 's/.* \([A-Za-z]\) NrPluginCharset$$/\1/p'`" = V
	$(WINDOWS_IC)/rasdial-win-ansi 2>&1 | grep -q '^usage: rasdial-win '
	rm -rf $(WINDOWS_IC)
clean-local: clean-windows-installcheck
clean-windows-installcheck:
	rm -rf $(WINDOWS_IC)
.PHONY: installcheck-windows clean-windows-installcheck
