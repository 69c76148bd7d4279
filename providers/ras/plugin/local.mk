# providers/ras/plugin: the provider plugin (ras:ENTRY through the router)
# and its manifest. Public SDK headers only (<netrouter/npapi.h>,
# <netrouter/ras.h>) and router/common (wide.h, for entry names of more
# bytes than the A structures hold): a client of libnetrouter-ras like any other.
plugin_LTLIBRARIES += providers/ras/plugin/nr-ras.la
providers_ras_plugin_nr_ras_la_SOURCES = providers/ras/plugin/provider.c
providers_ras_plugin_nr_ras_la_CPPFLAGS = $(AM_CPPFLAGS) $(NR_COMMON_CPPFLAGS)
providers_ras_plugin_nr_ras_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden $(JANSSON_CFLAGS)
providers_ras_plugin_nr_ras_la_LIBADD = providers/ras/api/libnetrouter-ras.la router/common/libnrcommon.la \
	$(JANSSON_LIBS) $(PTHREAD_LIBS)
providers_ras_plugin_nr_ras_la_LDFLAGS = -module $(PLUGIN_LDFLAGS)
dist_manifest_DATA += providers/ras/plugin/ras.json

# Its build-tree manifest, beside the others of build-plugins.d (see
# examples/local.mk for the generation rules).
noinst_DATA += $(BUILD_PLUGINS_D)/ras.json
CLEANFILES += $(BUILD_PLUGINS_D)/ras.json
$(BUILD_PLUGINS_D)/ras.json: $(srcdir)/providers/ras/plugin/ras.json $(srcdir)/providers/ras/plugin/local.mk
	$(AM_V_GEN)$(build_plugins_gen) \
	  -e 's|"library": *"nr-ras\.so"|"library": "../providers/ras/plugin/.libs/nr-ras.so"|' \
	  $(srcdir)/providers/ras/plugin/ras.json $(build_plugins_end)
