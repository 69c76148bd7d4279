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
