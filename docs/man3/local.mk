# docs/man3: one manual page per public function of <netrouter/netrouter.h>,
# <netrouter/ras.h> and per plugin entry point of <netrouter/npapi.h>, or a
# ".so" link to the page of its family.  Installed into man3 by dist_man_MANS;
# docs/man-examples.sh checks that every page shows the example that
# docs/examples/local.mk compiles, and that every public function has a page.
dist_man_MANS += \
	docs/man3/AddConnectNotify.3 \
	docs/man3/CancelConnectNotify.3 \
	docs/man3/NPAddConnection.3 \
	docs/man3/NPAddConnection3.3 \
	docs/man3/NPCancelConnection.3 \
	docs/man3/NPCloseEnum.3 \
	docs/man3/NPEnumResource.3 \
	docs/man3/NPGetCaps.3 \
	docs/man3/NPGetConnection.3 \
	docs/man3/NPGetResourceInformation.3 \
	docs/man3/NPGetUniversalName.3 \
	docs/man3/NPGetUser.3 \
	docs/man3/NPOpenEnum.3 \
	docs/man3/NrPluginGetAbiVersion.3 \
	docs/man3/NrPluginInit.3 \
	docs/man3/NrPluginShutdown.3 \
	docs/man3/RasClearConnectionStatistics.3 \
	docs/man3/RasConnectionNotification.3 \
	docs/man3/RasDial.3 \
	docs/man3/RasEnumConnections.3 \
	docs/man3/RasEnumEntries.3 \
	docs/man3/RasGetConnectStatus.3 \
	docs/man3/RasGetConnectionStatistics.3 \
	docs/man3/RasGetEntryDialParams.3 \
	docs/man3/RasGetErrorString.3 \
	docs/man3/RasGetLastPhonebookError.3 \
	docs/man3/RasGetProjectionInfo.3 \
	docs/man3/RasHangUp.3 \
	docs/man3/RasSetEntryDialParams.3 \
	docs/man3/nr_add_connection.3 \
	docs/man3/nr_cancel_connection.3 \
	docs/man3/nr_check_manifest.3 \
	docs/man3/nr_enum_close.3 \
	docs/man3/nr_enum_next.3 \
	docs/man3/nr_enum_open.3 \
	docs/man3/nr_enum_resource.3 \
	docs/man3/nr_get_connection.3 \
	docs/man3/nr_get_last_error.3 \
	docs/man3/nr_get_user.3 \
	docs/man3/nr_ras_check_phonebook.3 \
	docs/man3/nr_ras_get_error_detail.3 \
	docs/man3/nr_ras_get_interface.3 \
	docs/man3/nr_ras_get_engine.3 \
	docs/man3/nr_ras_hang_up_wait.3 \
	docs/man3/nr_ras_set_engine.3 \
	docs/man3/nr_ras_state_text.3 \
	docs/man3/nr_ras_terminal_read.3 \
	docs/man3/nr_ras_terminal_write.3 \
	docs/man3/nr_restore_connections.3 \
	docs/man3/nr_router_free.3 \
	docs/man3/nr_router_new.3 \
	docs/man3/nr_router_plugin_count.3 \
	docs/man3/nr_router_plugin_info.3 \
	docs/man3/nr_router_problem.3 \
	docs/man3/nr_router_problem_count.3 \
	docs/man3/nr_stage_name.3 \
	docs/man3/nr_strerror.3 \
	docs/man3/nr_version.3

# The WNet API of <netrouter/winnetwk.h>: a page per function, the A and W
# names linked to it (and nr_wnet_get_router to nr_wnet_set_router).
dist_man_MANS += \
	docs/man3/WNetAddConnection.3 \
	docs/man3/WNetAddConnection2.3 \
	docs/man3/WNetAddConnection2A.3 \
	docs/man3/WNetAddConnection2W.3 \
	docs/man3/WNetAddConnection3.3 \
	docs/man3/WNetAddConnection3A.3 \
	docs/man3/WNetAddConnection3W.3 \
	docs/man3/WNetAddConnectionA.3 \
	docs/man3/WNetAddConnectionW.3 \
	docs/man3/WNetCancelConnection.3 \
	docs/man3/WNetCancelConnection2.3 \
	docs/man3/WNetCancelConnection2A.3 \
	docs/man3/WNetCancelConnection2W.3 \
	docs/man3/WNetCancelConnectionA.3 \
	docs/man3/WNetCancelConnectionW.3 \
	docs/man3/WNetCloseEnum.3 \
	docs/man3/WNetEnumResource.3 \
	docs/man3/WNetEnumResourceA.3 \
	docs/man3/WNetEnumResourceW.3 \
	docs/man3/WNetGetConnection.3 \
	docs/man3/WNetGetConnectionA.3 \
	docs/man3/WNetGetConnectionW.3 \
	docs/man3/WNetGetLastError.3 \
	docs/man3/WNetGetLastErrorA.3 \
	docs/man3/WNetGetLastErrorW.3 \
	docs/man3/WNetGetNetworkInformation.3 \
	docs/man3/WNetGetNetworkInformationA.3 \
	docs/man3/WNetGetNetworkInformationW.3 \
	docs/man3/WNetGetProviderName.3 \
	docs/man3/WNetGetProviderNameA.3 \
	docs/man3/WNetGetProviderNameW.3 \
	docs/man3/WNetGetResourceInformation.3 \
	docs/man3/WNetGetResourceInformationA.3 \
	docs/man3/WNetGetResourceInformationW.3 \
	docs/man3/WNetGetResourceParent.3 \
	docs/man3/WNetGetResourceParentA.3 \
	docs/man3/WNetGetResourceParentW.3 \
	docs/man3/WNetGetUniversalName.3 \
	docs/man3/WNetGetUniversalNameA.3 \
	docs/man3/WNetGetUniversalNameW.3 \
	docs/man3/WNetGetUser.3 \
	docs/man3/WNetGetUserA.3 \
	docs/man3/WNetGetUserW.3 \
	docs/man3/WNetOpenEnum.3 \
	docs/man3/WNetOpenEnumA.3 \
	docs/man3/WNetOpenEnumW.3 \
	docs/man3/WNetRestoreConnection.3 \
	docs/man3/WNetRestoreConnectionA.3 \
	docs/man3/WNetRestoreConnectionW.3 \
	docs/man3/WNetUseConnection.3 \
	docs/man3/WNetUseConnectionA.3 \
	docs/man3/WNetUseConnectionW.3 \
	docs/man3/nr_wnet_get_router.3 \
	docs/man3/nr_wnet_set_router.3
