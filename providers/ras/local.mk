# providers/ras: the RAS (dial-up) provider and the engine behind <netrouter/ras.h>.
#
# libnrras-core.la is a convenience library holding every internal layer
# (phonebook, modem, HDLC framing, ...); the unit tests under tests/ras link it
# directly, and the public libnetrouter-ras and the provider plugin will be
# built from it.
noinst_LTLIBRARIES += providers/ras/libnrras-core.la
providers_ras_libnrras_core_la_SOURCES =
providers_ras_libnrras_core_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden $(JANSSON_CFLAGS) $(NETTLE_CFLAGS)
providers_ras_libnrras_core_la_LIBADD = router/common/libnrcommon.la $(JANSSON_LIBS) $(NETTLE_LIBS) $(PTHREAD_LIBS)

include $(srcdir)/providers/ras/hdlc.mk
include $(srcdir)/providers/ras/modem.mk
include $(srcdir)/providers/ras/phonebook.mk
include $(srcdir)/providers/ras/ppp.mk
include $(srcdir)/providers/ras/dial.mk

# The public RAS client library (<netrouter/ras.h>).
lib_LTLIBRARIES += providers/ras/libnetrouter-ras.la
providers_ras_libnetrouter_ras_la_SOURCES = \
	providers/ras/ras-errors.c \
	providers/ras/ras-entries.c \
	providers/ras/ras-dial.c \
	providers/ras/ras-terminal.c \
	providers/ras/ras-credentials.c \
	providers/ras/ras-lasterror.h providers/ras/ras-lasterror.c
providers_ras_libnetrouter_ras_la_CPPFLAGS = $(AM_CPPFLAGS) -DNR_SYSCONFDIR='"$(sysconfdir)"'
providers_ras_libnetrouter_ras_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden
providers_ras_libnetrouter_ras_la_LIBADD = providers/ras/libnrras-core.la router/libnetrouter.la
# -z nodelete: the dialing threads are detached and may still be leaving
# the library's code when the last dlclose() of a plugin that uses it (the
# ras provider, at nr_router_free) would unmap it; the library stays mapped.
providers_ras_libnetrouter_ras_la_LDFLAGS = $(AM_LDFLAGS) -version-info 0:0:0 -no-undefined -Wl,-z,nodelete
netrouterinclude_HEADERS += router/include/netrouter/ras.h
pkgconfig_DATA += providers/ras/netrouter-ras.pc

check_PROGRAMS += tests/ras/test-ras-api
TESTS += tests/ras/test-ras-api
tests_ras_test_ras_api_SOURCES = tests/ras/test-ras-api.c tests/cunit-main.h tests/cunit-main.c
tests_ras_test_ras_api_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
tests_ras_test_ras_api_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_ras_test_ras_api_LDADD = providers/ras/libnetrouter-ras.la router/libnetrouter.la $(CUNIT_LIBS)

# rasdial(1)
bin_PROGRAMS += providers/ras/rasdial
providers_ras_rasdial_SOURCES = providers/ras/rasdial.c providers/ras/rasdial.h providers/ras/rasdial-input.c
providers_ras_rasdial_CPPFLAGS = $(AM_CPPFLAGS) $(NR_COMMON_CPPFLAGS)
providers_ras_rasdial_LDADD = providers/ras/libnetrouter-ras.la router/libnetrouter.la router/common/libnrcommon.la \
	$(PTHREAD_LIBS)

# The provider plugin (ras:ENTRY through the router) and its manifest.
plugin_LTLIBRARIES += providers/ras/nr-ras.la
providers_ras_nr_ras_la_SOURCES = providers/ras/provider.c
providers_ras_nr_ras_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden $(JANSSON_CFLAGS)
providers_ras_nr_ras_la_LIBADD = providers/ras/libnetrouter-ras.la $(JANSSON_LIBS) $(PTHREAD_LIBS)
providers_ras_nr_ras_la_LDFLAGS = -module $(PLUGIN_LDFLAGS)
dist_manifest_DATA += providers/ras/ras.json

# Its build-tree manifest, beside the others of build-plugins.d (see
# examples/local.mk for the generation rules).
noinst_DATA += $(BUILD_PLUGINS_D)/ras.json
CLEANFILES += $(BUILD_PLUGINS_D)/ras.json
$(BUILD_PLUGINS_D)/ras.json: $(srcdir)/providers/ras/ras.json $(srcdir)/providers/ras/local.mk
	$(AM_V_GEN)$(build_plugins_gen) \
	  -e 's|"library": *"nr-ras\.so"|"library": "../providers/ras/.libs/nr-ras.so"|' \
	  $(srcdir)/providers/ras/ras.json $(build_plugins_end)
