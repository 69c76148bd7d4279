# examples/windows: Windows sources that build unchanged with the flags of
# the netrouter-win pkg-config module (NR_WIN_CPPFLAGS, router/local.mk: the
# same flags pointed at this tree): a Unicode notifier, a Unicode provider,
# a WNet client and a RasDial client.  `make installcheck` builds them again against the installed SDK
# with nothing but `pkg-config --cflags --libs netrouter-win`.

# --- wide-veto: the notifier (a plugin needs only --cflags) -------------------
check_LTLIBRARIES += examples/windows/nr-wide-veto.la
examples_windows_nr_wide_veto_la_SOURCES = examples/windows/wide-veto.c
examples_windows_nr_wide_veto_la_CPPFLAGS = $(NR_WIN_CPPFLAGS)
examples_windows_nr_wide_veto_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS) -no-undefined
dist_noinst_SCRIPTS += examples/windows/wide-veto.test
TESTS += examples/windows/wide-veto.test

# --- wide-provider: the provider (a plugin needs only --cflags) --------------
check_LTLIBRARIES += examples/windows/nr-wide-provider.la
examples_windows_nr_wide_provider_la_SOURCES = examples/windows/wide-provider.c
examples_windows_nr_wide_provider_la_CPPFLAGS = $(NR_WIN_CPPFLAGS)
examples_windows_nr_wide_provider_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS) -no-undefined

# --- wnet-client: the WNet client, UNICODE and ANSI (-UUNICODE -U_UNICODE
# after the module's flags) ---------------------------------------------------
check_PROGRAMS += examples/windows/wnet-client
examples_windows_wnet_client_SOURCES = examples/windows/wnet-client.c
examples_windows_wnet_client_CPPFLAGS = $(NR_WIN_CPPFLAGS)
examples_windows_wnet_client_LDADD = router/libnetrouter.la
check_PROGRAMS += examples/windows/wnet-client-ansi
examples_windows_wnet_client_ansi_SOURCES = examples/windows/wnet-client.c
examples_windows_wnet_client_ansi_CPPFLAGS = $(NR_WIN_CPPFLAGS) -UUNICODE -U_UNICODE
examples_windows_wnet_client_ansi_LDADD = router/libnetrouter.la
# The provider next to the symlink provider and the wide-veto notifier,
# driven by netrouter and by both builds of wnet-client.
dist_noinst_SCRIPTS += examples/windows/wide-provider.test
TESTS += examples/windows/wide-provider.test

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
	examples/windows/wide-provider.c \
	examples/windows/wide-provider.json \
	examples/windows/wnet-client.c \
	examples/windows/rasdial-win.c

# --- make installcheck (and distcheck): built as a Windows developer would,
# against the installed SDK with nothing but pkg-config; then the provider,
# loaded by its manifest, is driven by both clients: connect in one
# process, read back in others (UNICODE, then ANSI), cancel.
WINDOWS_IC = windows-installcheck
installcheck-local: installcheck-windows
installcheck-windows:
	rm -rf $(WINDOWS_IC) && $(MKDIR_P) $(WINDOWS_IC)
	PKG_CONFIG_PATH='$(libdir)/pkgconfig' && export PKG_CONFIG_PATH && \
	  $(CC) -shared -fPIC -o $(WINDOWS_IC)/nr-wide-veto.so '$(docdir)/examples/windows/wide-veto.c' \
	    `$(PKG_CONFIG) --cflags netrouter-win` && \
	  $(CC) -o $(WINDOWS_IC)/rasdial-win-ansi '$(docdir)/examples/windows/rasdial-win.c' \
	    `$(PKG_CONFIG) --cflags --libs netrouter-win` -UUNICODE -U_UNICODE -Wl,-rpath,'$(libdir)' && \
	  $(CC) -shared -fPIC -o $(WINDOWS_IC)/nr-wide-provider.so '$(docdir)/examples/windows/wide-provider.c' \
	    `$(PKG_CONFIG) --cflags netrouter-win` && \
	  $(CC) -o $(WINDOWS_IC)/wnet-client '$(docdir)/examples/windows/wnet-client.c' \
	    `$(PKG_CONFIG) --cflags --libs netrouter-win` -Wl,-rpath,'$(libdir)' && \
	  $(CC) -o $(WINDOWS_IC)/wnet-client-ansi '$(docdir)/examples/windows/wnet-client.c' \
	    `$(PKG_CONFIG) --cflags --libs netrouter-win` -UUNICODE -U_UNICODE -Wl,-rpath,'$(libdir)'
	for so in nr-wide-veto nr-wide-provider; do \
	  test "`nm -D $(WINDOWS_IC)/$$so.so | sed -n 's/.* \([A-Za-z]\) NrPluginCharset$$/\1/p'`" = V || exit 1; \
	done
	$(WINDOWS_IC)/rasdial-win-ansi 2>&1 | grep -q '^usage: rasdial-win '
	ic=`cd $(WINDOWS_IC) && pwd` && umask 077 && mkdir "$$ic/plugins.d" "$$ic/state" && \
	  sed "s|\"library\": *\"nr-wide-provider\\.so\"|\"library\": \"$$ic/nr-wide-provider.so\"|" \
	    '$(docdir)/examples/windows/wide-provider.json' > "$$ic/plugins.d/wide-provider.json" && \
	  NETROUTER_PLUGIN_PATH="$$ic/plugins.d" NETROUTER_STATE_DIR="$$ic/state" && \
	  export NETROUTER_PLUGIN_PATH NETROUTER_STATE_DIR && \
	  "$$ic/wnet-client" add "$$ic/w" '\\wide\share' && \
	  "$$ic/wnet-client" get "$$ic/w" | grep -qxF 'remote: \\wide\share' && \
	  "$$ic/wnet-client-ansi" get "$$ic/w" | grep -qxF 'remote: \\wide\share' && \
	  "$$ic/wnet-client-ansi" cancel "$$ic/w" && \
	  ! "$$ic/wnet-client" get "$$ic/w" 2>&1 | grep -q 'remote:'
	rm -rf $(WINDOWS_IC)
clean-local: clean-windows-installcheck
clean-windows-installcheck:
	rm -rf $(WINDOWS_IC)
.PHONY: installcheck-windows clean-windows-installcheck
