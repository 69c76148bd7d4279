# docs/examples: the EXAMPLE of every section-3 manual page (and of
# libnetrouter(3), libnetrouter-ras(3) and netrouter-plugin(7)) as a C file
# that `make check` compiles with the project's warnings, so that no page
# shows code that does not build; docs/man-examples.sh keeps the pages equal
# to these files, and examples.test runs the programs against the plugins of
# the build tree and loads the plugins through the netrouter command.
# They are installed, with a README, under $(docdir)/examples/manpages.

# Programs over <netrouter/netrouter.h>.
NR_DOC_HOST_EXAMPLES = \
	docs/examples/libnetrouter \
	docs/examples/nr_add_connection \
	docs/examples/nr_cancel_connection \
	docs/examples/nr_check_manifest \
	docs/examples/nr_enum_open \
	docs/examples/nr_get_connection \
	docs/examples/nr_get_last_error \
	docs/examples/nr_get_user \
	docs/examples/nr_restore_connections \
	docs/examples/nr_router_new \
	docs/examples/nr_router_plugin_info \
	docs/examples/nr_router_problem \
	docs/examples/nr_strerror

# Programs over <netrouter/winnetwk.h> (the WNet API).
NR_DOC_WNET_EXAMPLES = \
	docs/examples/WNetAddConnection2 \
	docs/examples/WNetGetConnection \
	docs/examples/WNetGetLastError \
	docs/examples/WNetGetNetworkInformation \
	docs/examples/WNetGetResourceInformation \
	docs/examples/WNetGetResourceParent \
	docs/examples/WNetGetUniversalName \
	docs/examples/WNetOpenEnum \
	docs/examples/WNetRestoreConnection \
	docs/examples/WNetUseConnection \
	docs/examples/nr_wnet_set_router

# Programs over <netrouter/ras.h>.
NR_DOC_RAS_EXAMPLES = \
	docs/examples/RasConnectionNotification \
	docs/examples/RasDial \
	docs/examples/RasEnumConnections \
	docs/examples/RasEnumEntries \
	docs/examples/RasGetEntryProperties \
	docs/examples/RasSetEntryProperties \
	docs/examples/RasDeleteEntry \
	docs/examples/RasRenameEntry \
	docs/examples/RasValidateEntryName \
	docs/examples/RasEnumDevices \
	docs/examples/RasGetConnectStatus \
	docs/examples/RasGetConnectionStatistics \
	docs/examples/RasGetEntryDialParams \
	docs/examples/RasGetCredentials \
	docs/examples/RasGetErrorString \
	docs/examples/nr_ras_get_last_phonebook_error \
	docs/examples/RasGetProjectionInfo \
	docs/examples/RasHangUp \
	docs/examples/libnetrouter-ras \
	docs/examples/nr_ras_check_phonebook \
	docs/examples/nr_ras_get_error_detail \
	docs/examples/nr_ras_get_interface \
	docs/examples/nr_ras_get_nameservers \
	docs/examples/nr_ras_set_engine \
	docs/examples/nr_ras_terminal_read

# Plugins over <netrouter/npapi.h> (modules, like a third party's).
NR_DOC_PLUGIN_EXAMPLES = \
	docs/examples/AddConnectNotify.la \
	docs/examples/NPAddConnection3.la \
	docs/examples/NPCancelConnection.la \
	docs/examples/NPGetCaps.la \
	docs/examples/NPGetConnection.la \
	docs/examples/NPGetResourceInformation.la \
	docs/examples/NPGetResourceParent.la \
	docs/examples/NPGetUniversalName.la \
	docs/examples/NPGetUser.la \
	docs/examples/NPOpenEnum.la \
	docs/examples/NrPluginInit.la \
	docs/examples/WNetSetLastError.la \
	docs/examples/timing.la

check_PROGRAMS += $(NR_DOC_HOST_EXAMPLES) $(NR_DOC_WNET_EXAMPLES) $(NR_DOC_RAS_EXAMPLES)
check_LTLIBRARIES += $(NR_DOC_PLUGIN_EXAMPLES)

docs_examples_libnetrouter_LDADD = router/libnetrouter.la
docs_examples_nr_add_connection_LDADD = router/libnetrouter.la
docs_examples_nr_cancel_connection_LDADD = router/libnetrouter.la
docs_examples_nr_check_manifest_LDADD = router/libnetrouter.la
docs_examples_nr_enum_open_LDADD = router/libnetrouter.la
docs_examples_nr_get_connection_LDADD = router/libnetrouter.la
docs_examples_nr_get_last_error_LDADD = router/libnetrouter.la
docs_examples_nr_get_user_LDADD = router/libnetrouter.la
docs_examples_nr_restore_connections_LDADD = router/libnetrouter.la
docs_examples_nr_router_new_LDADD = router/libnetrouter.la
docs_examples_nr_router_plugin_info_LDADD = router/libnetrouter.la
docs_examples_nr_router_problem_LDADD = router/libnetrouter.la
docs_examples_nr_strerror_LDADD = router/libnetrouter.la

docs_examples_WNetAddConnection2_LDADD = router/libnetrouter.la
docs_examples_WNetGetConnection_LDADD = router/libnetrouter.la
docs_examples_WNetGetLastError_LDADD = router/libnetrouter.la
docs_examples_WNetGetNetworkInformation_LDADD = router/libnetrouter.la
docs_examples_WNetGetResourceInformation_LDADD = router/libnetrouter.la
docs_examples_WNetGetResourceParent_LDADD = router/libnetrouter.la
docs_examples_WNetGetUniversalName_LDADD = router/libnetrouter.la
docs_examples_WNetOpenEnum_LDADD = router/libnetrouter.la
docs_examples_WNetRestoreConnection_LDADD = router/libnetrouter.la
docs_examples_WNetUseConnection_LDADD = router/libnetrouter.la
docs_examples_nr_wnet_set_router_LDADD = router/libnetrouter.la

docs_examples_RasConnectionNotification_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la
docs_examples_RasDial_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la
docs_examples_RasEnumConnections_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la
docs_examples_RasEnumEntries_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la
docs_examples_RasGetEntryProperties_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la
docs_examples_RasSetEntryProperties_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la
docs_examples_RasDeleteEntry_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la
docs_examples_RasRenameEntry_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la
docs_examples_RasValidateEntryName_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la
docs_examples_RasEnumDevices_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la
docs_examples_RasGetConnectStatus_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la
docs_examples_RasGetConnectionStatistics_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la
docs_examples_RasGetEntryDialParams_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la
docs_examples_RasGetCredentials_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la
docs_examples_RasGetErrorString_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la
docs_examples_nr_ras_get_last_phonebook_error_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la
docs_examples_RasGetProjectionInfo_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la
docs_examples_RasHangUp_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la
docs_examples_libnetrouter_ras_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la
docs_examples_nr_ras_check_phonebook_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la
docs_examples_nr_ras_get_error_detail_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la
docs_examples_nr_ras_get_interface_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la
docs_examples_nr_ras_get_nameservers_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la
docs_examples_nr_ras_set_engine_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la
docs_examples_nr_ras_terminal_read_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la

docs_examples_AddConnectNotify_la_SOURCES = docs/examples/AddConnectNotify.c
docs_examples_AddConnectNotify_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden
docs_examples_AddConnectNotify_la_LIBADD = $(PTHREAD_LIBS)
docs_examples_AddConnectNotify_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS)
docs_examples_NPAddConnection3_la_SOURCES = docs/examples/NPAddConnection3.c
docs_examples_NPAddConnection3_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden
docs_examples_NPAddConnection3_la_LIBADD = $(PTHREAD_LIBS)
docs_examples_NPAddConnection3_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS)
docs_examples_NPCancelConnection_la_SOURCES = docs/examples/NPCancelConnection.c
docs_examples_NPCancelConnection_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden
docs_examples_NPCancelConnection_la_LIBADD = $(PTHREAD_LIBS)
docs_examples_NPCancelConnection_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS)
docs_examples_NPGetCaps_la_SOURCES = docs/examples/NPGetCaps.c
docs_examples_NPGetCaps_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden
docs_examples_NPGetCaps_la_LIBADD = $(PTHREAD_LIBS)
docs_examples_NPGetCaps_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS)
docs_examples_NPGetConnection_la_SOURCES = docs/examples/NPGetConnection.c
docs_examples_NPGetConnection_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden
docs_examples_NPGetConnection_la_LIBADD = $(PTHREAD_LIBS)
docs_examples_NPGetConnection_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS)
docs_examples_NPGetResourceInformation_la_SOURCES = docs/examples/NPGetResourceInformation.c
docs_examples_NPGetResourceInformation_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden
docs_examples_NPGetResourceInformation_la_LIBADD = $(PTHREAD_LIBS)
docs_examples_NPGetResourceInformation_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS)
docs_examples_NPGetResourceParent_la_SOURCES = docs/examples/NPGetResourceParent.c
docs_examples_NPGetResourceParent_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden
docs_examples_NPGetResourceParent_la_LIBADD = $(PTHREAD_LIBS)
docs_examples_NPGetResourceParent_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS)
docs_examples_NPGetUniversalName_la_SOURCES = docs/examples/NPGetUniversalName.c
docs_examples_NPGetUniversalName_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden
docs_examples_NPGetUniversalName_la_LIBADD = $(PTHREAD_LIBS)
docs_examples_NPGetUniversalName_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS)
docs_examples_NPGetUser_la_SOURCES = docs/examples/NPGetUser.c
docs_examples_NPGetUser_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden
docs_examples_NPGetUser_la_LIBADD = $(PTHREAD_LIBS)
docs_examples_NPGetUser_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS)
docs_examples_NPOpenEnum_la_SOURCES = docs/examples/NPOpenEnum.c
docs_examples_NPOpenEnum_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden
docs_examples_NPOpenEnum_la_LIBADD = $(PTHREAD_LIBS)
docs_examples_NPOpenEnum_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS)
docs_examples_NrPluginInit_la_SOURCES = docs/examples/NrPluginInit.c
docs_examples_NrPluginInit_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden
docs_examples_NrPluginInit_la_LIBADD = $(PTHREAD_LIBS)
docs_examples_NrPluginInit_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS)
# A provider ported from Windows, as the netrouter-win module builds one.
docs_examples_WNetSetLastError_la_SOURCES = docs/examples/WNetSetLastError.c
docs_examples_WNetSetLastError_la_CPPFLAGS = $(NR_WIN_CPPFLAGS)
docs_examples_WNetSetLastError_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden
docs_examples_WNetSetLastError_la_LIBADD = router/libnetrouter.la
docs_examples_WNetSetLastError_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS)
docs_examples_timing_la_SOURCES = docs/examples/timing.c
docs_examples_timing_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden
docs_examples_timing_la_LIBADD = $(PTHREAD_LIBS)
docs_examples_timing_la_LDFLAGS = $(AM_LDFLAGS) -module $(TEST_PLUGIN_LDFLAGS)

# The pages show exactly these files, every public function has a page, and
# the examples work.
dist_noinst_SCRIPTS += docs/man-examples.sh docs/man-examples.test docs/examples/examples.test
TESTS += docs/man-examples.test docs/examples/examples.test

# Installed for the users of a package: the sources and how to build them.
nrmanexamplesdir = $(docdir)/examples/manpages
dist_nrmanexamples_DATA = docs/examples/README.md \
	docs/examples/AddConnectNotify.c \
	docs/examples/NPAddConnection3.c \
	docs/examples/NPCancelConnection.c \
	docs/examples/NPGetCaps.c \
	docs/examples/NPGetConnection.c \
	docs/examples/NPGetResourceInformation.c \
	docs/examples/NPGetResourceParent.c \
	docs/examples/NPGetUniversalName.c \
	docs/examples/NPGetUser.c \
	docs/examples/NPOpenEnum.c \
	docs/examples/NrPluginInit.c \
	docs/examples/RasConnectionNotification.c \
	docs/examples/RasDial.c \
	docs/examples/RasEnumConnections.c \
	docs/examples/RasEnumEntries.c \
	docs/examples/RasGetEntryProperties.c \
	docs/examples/RasSetEntryProperties.c \
	docs/examples/RasDeleteEntry.c \
	docs/examples/RasRenameEntry.c \
	docs/examples/RasValidateEntryName.c \
	docs/examples/RasEnumDevices.c \
	docs/examples/RasGetConnectStatus.c \
	docs/examples/RasGetConnectionStatistics.c \
	docs/examples/RasGetEntryDialParams.c \
	docs/examples/RasGetCredentials.c \
	docs/examples/RasGetErrorString.c \
	docs/examples/nr_ras_get_last_phonebook_error.c \
	docs/examples/RasGetProjectionInfo.c \
	docs/examples/RasHangUp.c \
	docs/examples/libnetrouter-ras.c \
	docs/examples/libnetrouter.c \
	docs/examples/nr_add_connection.c \
	docs/examples/nr_cancel_connection.c \
	docs/examples/nr_check_manifest.c \
	docs/examples/nr_enum_open.c \
	docs/examples/nr_get_connection.c \
	docs/examples/nr_get_last_error.c \
	docs/examples/nr_get_user.c \
	docs/examples/nr_ras_check_phonebook.c \
	docs/examples/nr_ras_get_error_detail.c \
	docs/examples/nr_ras_get_interface.c \
	docs/examples/nr_ras_get_nameservers.c \
	docs/examples/nr_ras_set_engine.c \
	docs/examples/nr_ras_terminal_read.c \
	docs/examples/nr_restore_connections.c \
	docs/examples/nr_router_new.c \
	docs/examples/nr_router_plugin_info.c \
	docs/examples/nr_router_problem.c \
	docs/examples/nr_strerror.c \
	docs/examples/WNetAddConnection2.c \
	docs/examples/WNetGetConnection.c \
	docs/examples/WNetGetLastError.c \
	docs/examples/WNetGetNetworkInformation.c \
	docs/examples/WNetGetResourceInformation.c \
	docs/examples/WNetGetResourceParent.c \
	docs/examples/WNetGetUniversalName.c \
	docs/examples/WNetOpenEnum.c \
	docs/examples/WNetRestoreConnection.c \
	docs/examples/WNetSetLastError.c \
	docs/examples/WNetUseConnection.c \
	docs/examples/nr_wnet_set_router.c \
	docs/examples/timing.c

# --- make installcheck (and distcheck): the installed pages and examples ------
# `man RasDial` must open RasDial(3), not rasdial(1): man-db prefers an exact
# match of the name and falls back to a case-insensitive one only without
# it; a .so link must resolve (man -w names the page it leads to); an
# installed example must build against the
# installed SDK with nothing but pkg-config and an rpath, and run.
MANPAGES_IC = manpages-installcheck
installcheck-local: installcheck-manpages
installcheck-manpages:
	rm -rf $(MANPAGES_IC) && $(MKDIR_P) $(MANPAGES_IC)
	test "`MANPATH='$(mandir)' man -w RasDial`" = '$(mandir)/man3/RasDial.3'
	test "`MANPATH='$(mandir)' man -w rasdial`" = '$(mandir)/man1/rasdial.1'
	test "`MANPATH='$(mandir)' man -w 3 nr_enum_next`" = '$(mandir)/man3/nr_enum_open.3'
	MANPATH='$(mandir)' MANPAGER=cat MANWIDTH=200 man 3 nr_enum_next 2>/dev/null | grep -q 'nr_enum_resource, nr_enum_close'
	for f in notifier-hello/README.md notifier-hello/Makefile embed/embed.c embed/README.md \
	    ras-callbacks/ras-callbacks.c provider-symlink/symlink.c manpages/README.md manpages/RasDial.c; do \
	  test -f '$(docdir)/examples/'$$f || { echo "not installed: $(docdir)/examples/$$f"; exit 1; }; done
	PKG_CONFIG_PATH='$(libdir)/pkgconfig' && export PKG_CONFIG_PATH && \
	  $(CC) -o $(MANPAGES_IC)/nr_strerror '$(docdir)/examples/manpages/nr_strerror.c' \
	    `$(PKG_CONFIG) --cflags --libs netrouter` -Wl,-rpath,`$(PKG_CONFIG) --variable=libdir netrouter` && \
	  $(CC) -o $(MANPAGES_IC)/RasGetErrorString '$(docdir)/examples/manpages/RasGetErrorString.c' \
	    `$(PKG_CONFIG) --cflags --libs netrouter-ras` -Wl,-rpath,`$(PKG_CONFIG) --variable=libdir netrouter-ras`
	$(MANPAGES_IC)/nr_strerror | grep -q '^netrouter $(PACKAGE_VERSION)$$'
	$(MANPAGES_IC)/RasGetErrorString 676 | grep -q '^676: The phone line is busy.$$'
	rm -rf $(MANPAGES_IC)
clean-local: clean-manpages-installcheck
clean-manpages-installcheck:
	rm -rf $(MANPAGES_IC)
.PHONY: installcheck-manpages clean-manpages-installcheck
