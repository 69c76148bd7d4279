# providers/ras/api: the public RAS client library (<netrouter/ras.h>),
# libnetrouter-ras: the Ras* functions over the dial engine and the store,
# everything below it linked in (hidden), libnetrouter for nr_strerror.
lib_LTLIBRARIES += providers/ras/api/libnetrouter-ras.la
providers_ras_api_libnetrouter_ras_la_SOURCES = \
	providers/ras/api/ras-errors.c \
	providers/ras/api/ras-entries.c \
	providers/ras/api/ras-dial.c \
	providers/ras/api/ras-terminal.c \
	providers/ras/api/ras-credentials.c \
	providers/ras/api/ras-lasterror.h providers/ras/api/ras-lasterror.c
providers_ras_api_libnetrouter_ras_la_CPPFLAGS = $(NR_RAS_API_CPPFLAGS) -DNR_SYSCONFDIR='"$(sysconfdir)"'
providers_ras_api_libnetrouter_ras_la_CFLAGS = $(NR_RAS_LAYER_CFLAGS)
providers_ras_api_libnetrouter_ras_la_LIBADD = $(NR_RAS_ENGINE_LIBS) router/libnetrouter.la \
	$(JANSSON_LIBS) $(NETTLE_LIBS) $(PTHREAD_LIBS)
# -z nodelete: the dialing threads are detached and may still be leaving
# the library's code when the last dlclose() of a plugin that uses it (the
# ras provider, at nr_router_free) would unmap it; the library stays mapped.
providers_ras_api_libnetrouter_ras_la_LDFLAGS = $(AM_LDFLAGS) -version-info 0:0:0 -no-undefined -Wl,-z,nodelete
pkgconfig_DATA += providers/ras/netrouter-ras.pc
