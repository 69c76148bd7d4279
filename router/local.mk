# router/: libnetrouter, its public headers, pkg-config file and the CLI.

# router/common: the helpers that libnetrouter, the CLI and the plugins share
# (safe file opening, state directory, strict JSON with positions, "did you
# mean", the monotonic clock, the names and texts of the npapi.h codes, the
# error carrier, the library's own threads), one copy each; internal, never
# installed.
noinst_LTLIBRARIES += router/common/libnrcommon.la
router_common_libnrcommon_la_SOURCES = \
	router/common/clock.h router/common/clock.c \
	router/common/env.h router/common/env.c \
	router/common/errlist.h \
	router/common/nr-error.h router/common/nr-error.c \
	router/common/files.h router/common/files.c \
	router/common/ipc.h router/common/ipc.c \
	router/common/json.h router/common/json.c \
	router/common/npapi-errors.h router/common/npapi-errors.c \
	router/common/suggest.h router/common/suggest.c \
	router/common/thread.h router/common/thread.c \
	router/common/utf8.h router/common/utf8.c \
	router/common/wide.h router/common/wide.c
router_common_libnrcommon_la_CPPFLAGS = $(NR_ROUTER_CPPFLAGS) -I$(top_builddir)/router/common
nodist_router_common_libnrcommon_la_SOURCES = router/common/npapi-errlist.h
router_common_libnrcommon_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden $(JANSSON_CFLAGS)
router_common_libnrcommon_la_LIBADD = $(JANSSON_LIBS)
# (and the build tree's router/common, where the generated npapi-errlist.h is)
NR_COMMON_CPPFLAGS = -I$(top_srcdir)/router/common -I$(top_builddir)/router/common

# The codes of npapi.h, their names and texts as one X-macro list, read from
# the comments of npapi.h itself (scripts/errlist.awk says the form).
NR_NPAPI_H = $(top_srcdir)/router/include/netrouter/npapi.h
router/common/npapi-errlist.h: $(NR_NPAPI_H) $(top_srcdir)/scripts/errlist.awk
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(AWK) -v codes='^(NO_ERROR|ERROR_[A-Z0-9_]+)$$' -v aliases='^WN_' -v map=NR_NPAPI_ERRORS \
	  -v source=router/include/netrouter/npapi.h -f $(top_srcdir)/scripts/errlist.awk $(NR_NPAPI_H) >$@.tmp && \
	mv $@.tmp $@
BUILT_SOURCES += router/common/npapi-errlist.h
# BUILT_SOURCES serves all, check and install; a target made on its own
# (make fuzz, make tests/test-errors) finds the list through this (named by
# a variable, so as not to override automake's rule for the object).
NR_ERRLIST_USERS = router/common/libnrcommon_la-npapi-errors.lo
$(NR_ERRLIST_USERS): router/common/npapi-errlist.h
CLEANFILES += router/common/npapi-errlist.h
EXTRA_DIST += scripts/errlist.awk

# router/wnet: the Windows WNet API of <netrouter/winnetwk.h> over the
# router (A forms over the nr_* calls, W forms converting with
# router/common/wide.h), compiled into libnetrouter.
NR_WNET_SOURCES = \
	router/wnet/wnet.h \
	router/wnet/wnet-router.c \
	router/wnet/wnet-connect.c \
	router/wnet/wnet-query.c \
	router/wnet/wnet-enum.c \
	router/wnet/wnet-wide.c \
	router/wnet/wnet-wide-connect.c \
	router/wnet/wnet-wide-query.c \
	router/wnet/wnet-wide-enum.c \
	router/wnet/wnet-seterror.c

lib_LTLIBRARIES += router/libnetrouter.la
router_libnetrouter_la_SOURCES = \
	router/lib/internal.h \
	router/lib/errors.c \
	router/lib/lasterror.c \
	router/lib/log.c \
	router/lib/util.c \
	router/lib/secfile.c \
	router/lib/manifest.c \
	router/lib/siteconf.c \
	router/lib/discovery.c \
	router/lib/fdname.c \
	router/lib/loader.c \
	router/lib/router.c \
	router/lib/dispatch.c \
	router/lib/plugin-call.c \
	router/lib/plugin-wide.c \
	router/lib/isolate.h \
	router/lib/isolate.c \
	router/lib/isolate-provider.c \
	router/lib/isolate-record.c \
	router/lib/storefile.h \
	router/lib/storefile.c \
	router/lib/store.c \
	router/lib/connections.c \
	router/lib/enumerate.c \
	router/lib/resource.c \
	$(NR_WNET_SOURCES)
router_libnetrouter_la_CPPFLAGS = $(NR_ROUTER_CPPFLAGS) $(NR_COMMON_CPPFLAGS) -I$(top_srcdir)/router/lib \
	-DNR_PLUGIN_HOST_PATH='"$(pkglibexecdir)/netrouter-plugin-host"'
router_libnetrouter_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden $(JANSSON_CFLAGS)
router_libnetrouter_la_LIBADD = router/common/libnrcommon.la $(JANSSON_LIBS) $(LTDL_LIBS) $(PTHREAD_LIBS)
router_libnetrouter_la_LDFLAGS = $(AM_LDFLAGS) -version-info 1:0:0 -no-undefined

netrouterincludedir = $(includedir)/netrouter
netrouterinclude_HEADERS = \
	router/include/netrouter/netrouter.h \
	router/include/netrouter/npapi.h \
	router/include/netrouter/winnetwk.h \
	router/include/netrouter/wintypes.h
pkgconfig_DATA += router/netrouter.pc

# The porting headers: installed in netrouter/win/, where the netrouter-win
# pkg-config module points -I, so that a Windows source's <windows.h>,
# <npapi.h>, <winnetwk.h>, <ras.h>, <raserror.h> and <tchar.h> find them
# (names only; each includes its netrouter/ counterpart), also under the
# capitalized spellings of Microsoft's samples (<Windows.h>, <Winnetwk.h>).
netrouterwinincludedir = $(includedir)/netrouter/win
netrouterwininclude_HEADERS = \
	router/include/win/windows.h \
	router/include/win/winerror.h \
	router/include/win/npapi.h \
	router/include/win/winnetwk.h \
	router/include/win/ras.h \
	router/include/win/raserror.h \
	router/include/win/tchar.h \
	router/include/win/NpApi.h \
	router/include/win/Npapi.h \
	router/include/win/Ras.h \
	router/include/win/RasError.h \
	router/include/win/Raserror.h \
	router/include/win/TChar.h \
	router/include/win/Tchar.h \
	router/include/win/WinError.h \
	router/include/win/WinNetWk.h \
	router/include/win/Windows.h \
	router/include/win/Winerror.h \
	router/include/win/Winnetwk.h
pkgconfig_DATA += router/netrouter-win.pc
# What `pkg-config --cflags netrouter-win` gives, pointed at the build tree
# (the source tree's headers), for the programs of `make check` that are
# built as a Windows developer builds them.
NR_WIN_CPPFLAGS = -I$(abs_top_srcdir)/router/include/win -I$(abs_top_srcdir)/router/include \
	-I$(abs_top_srcdir)/providers/ras/include -DUNICODE -D_UNICODE

bin_PROGRAMS += router/cli/netrouter
router_cli_netrouter_SOURCES = \
	router/cli/cli.h \
	router/cli/main.c \
	router/cli/cmd-connect.c \
	router/cli/cmd-list.c \
	router/cli/cmd-plugins.c \
	router/cli/cmd-policy.c \
	router/cli/netuse-args.c \
	router/cli/netuse-list.c \
	router/cli/output.c \
	router/cli/prompt.c
# (policy check decides with the policy notifier's own rules library)
router_cli_netrouter_CPPFLAGS = $(NR_ROUTER_CPPFLAGS) $(NR_COMMON_CPPFLAGS) $(NR_POLICY_CPPFLAGS)
router_cli_netrouter_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS)
router_cli_netrouter_LDADD = router/libnetrouter.la notifiers/policy/rules/libnrpolicy.la \
	router/common/libnrcommon.la $(JANSSON_LIBS)

# router/host: netrouter-plugin-host, the process an isolated plugin
# ("isolation": "process") runs in (router/host/plugin-host.c).  It loads
# the plugin with the router's own loader: a private copy of libnetrouter's
# objects (a convenience library, so its hidden functions are reachable and
# the program needs no libtool wrapper).
pkglibexec_PROGRAMS += router/host/netrouter-plugin-host
noinst_LTLIBRARIES += router/host/libnrhostcore.la
router_host_libnrhostcore_la_SOURCES = $(router_libnetrouter_la_SOURCES)
router_host_libnrhostcore_la_CPPFLAGS = $(router_libnetrouter_la_CPPFLAGS)
router_host_libnrhostcore_la_CFLAGS = $(router_libnetrouter_la_CFLAGS)
router_host_netrouter_plugin_host_SOURCES = router/host/host.h router/host/plugin-host.c router/host/host-provider.c
router_host_netrouter_plugin_host_CPPFLAGS = $(NR_ROUTER_CPPFLAGS) $(NR_COMMON_CPPFLAGS) -I$(top_srcdir)/router/lib
router_host_netrouter_plugin_host_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS)
router_host_netrouter_plugin_host_LDADD = router/host/libnrhostcore.la router/common/libnrcommon.la \
	$(JANSSON_LIBS) $(LTDL_LIBS) $(PTHREAD_LIBS)
