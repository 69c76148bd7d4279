# providers/ras/api: the public RAS client library (<netrouter/ras.h>),
# libnetrouter-ras: the Ras* functions over the connection service (client/)
# or the engine in this process (local/), and the store; everything below
# it linked in (hidden), libnetrouter for nr_strerror.
lib_LTLIBRARIES += providers/ras/api/libnetrouter-ras.la
providers_ras_api_libnetrouter_ras_la_SOURCES = \
	providers/ras/api/ras-errors.c \
	providers/ras/api/ras-entries.c \
	providers/ras/api/ras-engine.h providers/ras/api/ras-engine.c \
	providers/ras/api/ras-named.h \
	providers/ras/api/ras-calls.c \
	providers/ras/api/ras-credentials.c \
	providers/ras/api/ras-creds.c \
	providers/ras/api/ras-entry-props.c \
	providers/ras/api/ras-entry-names.c \
	providers/ras/api/ras-devices.c \
	providers/ras/api/ras-wide-args.h providers/ras/api/ras-wide-args.c \
	providers/ras/api/ras-entry-wide.c \
	providers/ras/api/ras-wide.c
providers_ras_api_libnetrouter_ras_la_CPPFLAGS = $(NR_RAS_API_CPPFLAGS) -DNR_SYSCONFDIR='"$(sysconfdir)"'
providers_ras_api_libnetrouter_ras_la_CFLAGS = $(NR_RAS_LAYER_CFLAGS)
providers_ras_api_libnetrouter_ras_la_LIBADD = providers/ras/api/libnrras-errors.la \
	providers/ras/client/libnrras-client.la providers/ras/proto/libnrras-proto.la \
	providers/ras/local/libnrras-local.la $(NR_RAS_ENGINE_LIBS) router/libnetrouter.la \
	$(JANSSON_LIBS) $(NETTLE_LIBS) $(PTHREAD_LIBS)
# -z nodelete: the dialing threads are detached and may still be leaving
# the library's code when the last dlclose() of a plugin that uses it (the
# ras provider, at nr_router_free) would unmap it; the library stays mapped.
providers_ras_api_libnetrouter_ras_la_LDFLAGS = $(AM_LDFLAGS) -version-info 1:0:0 -no-undefined -Wl,-z,nodelete
pkgconfig_DATA += providers/ras/netrouter-ras.pc

# The RAS error numbers, their names and texts as one X-macro list, read from
# the comments of raserror.h itself (scripts/errlist.awk says the form), and the
# name and text functions made of it (a library of their own, so that the
# tests can hold them against the header).
noinst_LTLIBRARIES += providers/ras/api/libnrras-errors.la
providers_ras_api_libnrras_errors_la_SOURCES = providers/ras/api/ras-errors.h providers/ras/api/ras-errlist.c
nodist_providers_ras_api_libnrras_errors_la_SOURCES = providers/ras/api/ras-errlist.h
providers_ras_api_libnrras_errors_la_CPPFLAGS = $(AM_CPPFLAGS) $(NR_COMMON_CPPFLAGS) -I$(top_builddir)/providers/ras/api
providers_ras_api_libnrras_errors_la_CFLAGS = $(NR_RAS_LAYER_CFLAGS)
NR_RAS_H = $(top_srcdir)/providers/ras/include/netrouter/ras.h
NR_RASERROR_H = $(top_srcdir)/providers/ras/include/netrouter/raserror.h
providers/ras/api/ras-errlist.h: $(NR_RASERROR_H) $(top_srcdir)/scripts/errlist.awk
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	$(AWK) -v codes='^(PENDING|WARNING_MSG_ALIAS_NOT_ADDED|ERROR_[A-Z0-9_]+)$$' -v aliases='^$$' -v map=NR_RAS_ERRORS \
	  -v source=providers/ras/include/netrouter/raserror.h -f $(top_srcdir)/scripts/errlist.awk $(NR_RASERROR_H) >$@.tmp && \
	mv $@.tmp $@
BUILT_SOURCES += providers/ras/api/ras-errlist.h
CLEANFILES += providers/ras/api/ras-errlist.h
# A target made on its own finds the list through this (named by a variable,
# so as not to override automake's rule for the object; see router/local.mk).
NR_RAS_ERRLIST_USERS = providers/ras/api/libnrras_errors_la-ras-errlist.lo
$(NR_RAS_ERRLIST_USERS): providers/ras/api/ras-errlist.h
