# tests/ras: the RAS provider's tests, one program per test file, each linked
# with the layer it tests and nothing above it: the PPP tests link only
# providers/ras/ppp (which proves that it stands alone), the port tests only
# port/, and so on. What the tests of one layer share — include paths,
# libraries, helper code (a check-only convenience library) — is said once
# here; a test program names its layer and nothing else.

# Every program links the one runner, $(NR_TEST_RUNNER) (tests/local.mk).

# ---- ppp/ -------------------------------------------------------------------------
# ppp-test-peer: the scripted PPP servers the link is tested against.
check_LTLIBRARIES += tests/ras/libnrtest-ppp.la
tests_ras_libnrtest_ppp_la_SOURCES = tests/ras/ppp-test-peer.h tests/ras/ppp-test-peer.c
tests_ras_libnrtest_ppp_la_CPPFLAGS = $(NR_RAS_PPP_CPPFLAGS) -I$(NR_RAS_DIR)/ppp
NR_RAS_TEST_PPP_CPPFLAGS = $(NR_RAS_PPP_CPPFLAGS) -I$(NR_RAS_DIR)/ppp -I$(top_srcdir)/tests $(CUNIT_CFLAGS)
NR_RAS_TEST_PPP_LIBS = tests/ras/libnrtest-ppp.la $(NR_RAS_PPP_LIBS) $(NR_TEST_RUNNER) $(NETTLE_LIBS) $(PTHREAD_LIBS)

ras_ppp_tests = \
	tests/ras/test-ras-hdlc \
	tests/ras/test-ras-hdlc-reference \
	tests/ras/test-ras-ppp-packet \
	tests/ras/test-ras-ppp-fsm \
	tests/ras/test-ras-ppp-lcp \
	tests/ras/test-ras-ppp-auth \
	tests/ras/test-ras-ppp-mschap \
	tests/ras/test-ras-ppp-ipcp \
	tests/ras/test-ras-ppp-cbcp \
	tests/ras/test-ras-ppp-link \
	tests/ras/test-ras-ppp-errors \
	tests/ras/test-ras-ppp-stats \
	tests/ras/test-ras-ppp-slirp
check_PROGRAMS += $(ras_ppp_tests)
TESTS += $(ras_ppp_tests)
tests_ras_test_ras_hdlc_CPPFLAGS = $(NR_RAS_TEST_PPP_CPPFLAGS)
tests_ras_test_ras_hdlc_LDADD = $(NR_RAS_TEST_PPP_LIBS)
tests_ras_test_ras_hdlc_reference_CPPFLAGS = $(NR_RAS_TEST_PPP_CPPFLAGS)
tests_ras_test_ras_hdlc_reference_LDADD = $(NR_RAS_TEST_PPP_LIBS)
tests_ras_test_ras_ppp_packet_CPPFLAGS = $(NR_RAS_TEST_PPP_CPPFLAGS)
tests_ras_test_ras_ppp_packet_LDADD = $(NR_RAS_TEST_PPP_LIBS)
tests_ras_test_ras_ppp_fsm_CPPFLAGS = $(NR_RAS_TEST_PPP_CPPFLAGS)
tests_ras_test_ras_ppp_fsm_LDADD = $(NR_RAS_TEST_PPP_LIBS)
tests_ras_test_ras_ppp_lcp_CPPFLAGS = $(NR_RAS_TEST_PPP_CPPFLAGS)
tests_ras_test_ras_ppp_lcp_LDADD = $(NR_RAS_TEST_PPP_LIBS)
tests_ras_test_ras_ppp_auth_CPPFLAGS = $(NR_RAS_TEST_PPP_CPPFLAGS)
tests_ras_test_ras_ppp_auth_LDADD = $(NR_RAS_TEST_PPP_LIBS)
tests_ras_test_ras_ppp_mschap_CPPFLAGS = $(NR_RAS_TEST_PPP_CPPFLAGS)
tests_ras_test_ras_ppp_mschap_LDADD = $(NR_RAS_TEST_PPP_LIBS)
tests_ras_test_ras_ppp_ipcp_CPPFLAGS = $(NR_RAS_TEST_PPP_CPPFLAGS)
tests_ras_test_ras_ppp_ipcp_LDADD = $(NR_RAS_TEST_PPP_LIBS)
tests_ras_test_ras_ppp_cbcp_CPPFLAGS = $(NR_RAS_TEST_PPP_CPPFLAGS)
tests_ras_test_ras_ppp_cbcp_LDADD = $(NR_RAS_TEST_PPP_LIBS)
tests_ras_test_ras_ppp_link_CPPFLAGS = $(NR_RAS_TEST_PPP_CPPFLAGS)
tests_ras_test_ras_ppp_link_LDADD = $(NR_RAS_TEST_PPP_LIBS)
tests_ras_test_ras_ppp_errors_CPPFLAGS = $(NR_RAS_TEST_PPP_CPPFLAGS)
tests_ras_test_ras_ppp_errors_LDADD = $(NR_RAS_TEST_PPP_LIBS)
tests_ras_test_ras_ppp_stats_CPPFLAGS = $(NR_RAS_TEST_PPP_CPPFLAGS)
tests_ras_test_ras_ppp_stats_LDADD = $(NR_RAS_TEST_PPP_LIBS)

# End to end against Debian's slirp (docs/research/slirp-ppp-peer.md), with
# the select() shim it needs preloaded. slirp comes from scripts/install-deps.sh.
tests_ras_test_ras_ppp_slirp_CPPFLAGS = $(NR_RAS_TEST_PPP_CPPFLAGS) \
	-DSLIRP_SHIM='"$(abs_top_builddir)/tests/ras/.libs/slirp-select-fix.so"'
tests_ras_test_ras_ppp_slirp_LDADD = $(NR_RAS_TEST_PPP_LIBS)
check_LTLIBRARIES += tests/ras/slirp-select-fix.la
tests_ras_slirp_select_fix_la_SOURCES = tests/ras/slirp-select-fix.c
# Preloaded into Debian's (uninstrumented) slirp: never built with the
# sanitizers, whose runtime must come first in a process it is not part of.
tests_ras_slirp_select_fix_la_CFLAGS = -std=gnu11 $(WARN_CFLAGS)
tests_ras_slirp_select_fix_la_LDFLAGS = -module $(TEST_PLUGIN_LDFLAGS)

# ---- port/ ------------------------------------------------------------------------
# The modem emulator on a real pseudo-terminal: a library for the tests, a
# command for the shell tests, the demo and the benchmarks.
check_LTLIBRARIES += tests/ras/libnrtest-modem.la
tests_ras_libnrtest_modem_la_SOURCES = tests/ras/modem-emu.h tests/ras/modem-emu.c tests/ras/deadline.h
check_PROGRAMS += tests/ras/modem-emu
tests_ras_modem_emu_SOURCES = tests/ras/modem-emu-main.c
tests_ras_modem_emu_LDADD = tests/ras/libnrtest-modem.la $(PTHREAD_LIBS)

NR_RAS_TEST_PORT_CPPFLAGS = $(NR_RAS_PORT_CPPFLAGS) -I$(NR_RAS_DIR)/port -I$(top_srcdir)/tests $(CUNIT_CFLAGS)
NR_RAS_TEST_PORT_LIBS = tests/ras/libnrtest-modem.la $(NR_RAS_PORT_LIBS) $(NR_TEST_RUNNER) $(PTHREAD_LIBS)
ras_port_tests = tests/ras/test-ras-modem tests/ras/test-ras-uucplock
check_PROGRAMS += $(ras_port_tests)
TESTS += $(ras_port_tests)
tests_ras_test_ras_modem_CPPFLAGS = $(NR_RAS_TEST_PORT_CPPFLAGS)
tests_ras_test_ras_modem_LDADD = $(NR_RAS_TEST_PORT_LIBS)
# The UUCP lock protocol under attack: many processes racing for one stale
# lock, FIFOs and symlinks at the lock path, a second user in a sticky lock
# directory.  The --wrap flags let the test slow every removal and flock
# down from the outside (the wrappers are in the test), so the production
# code carries no test hook.
tests_ras_test_ras_uucplock_CPPFLAGS = $(NR_RAS_TEST_PORT_CPPFLAGS)
tests_ras_test_ras_uucplock_LDFLAGS = $(AM_LDFLAGS) \
	-Wl,--wrap=unlink,--wrap=unlinkat,--wrap=rename,--wrap=renameat,--wrap=flock
tests_ras_test_ras_uucplock_LDADD = $(NR_RAS_TEST_PORT_LIBS)

# ---- store/ -----------------------------------------------------------------------
# pb-gen: phonebooks of any size (also for bench/ras-phonebook).
check_LTLIBRARIES += tests/ras/libnrtest-pb.la
tests_ras_libnrtest_pb_la_SOURCES = tests/ras/pb-gen.h tests/ras/pb-gen.c
check_PROGRAMS += tests/ras/test-ras-phonebook
TESTS += tests/ras/test-ras-phonebook
tests_ras_test_ras_phonebook_CPPFLAGS = $(NR_RAS_STORE_CPPFLAGS) -I$(NR_RAS_DIR)/store -I$(top_srcdir)/tests \
	$(CUNIT_CFLAGS)
tests_ras_test_ras_phonebook_LDADD = tests/ras/libnrtest-pb.la $(NR_RAS_STORE_LIBS) $(NR_TEST_RUNNER)

# ---- dial/ ------------------------------------------------------------------------
NR_RAS_TEST_DIAL_CPPFLAGS = $(NR_RAS_API_CPPFLAGS) -I$(top_srcdir)/tests $(CUNIT_CFLAGS)
check_PROGRAMS += tests/ras/test-ras-notify
TESTS += tests/ras/test-ras-notify
tests_ras_test_ras_notify_CPPFLAGS = $(NR_RAS_TEST_DIAL_CPPFLAGS)
tests_ras_test_ras_notify_LDADD = $(NR_RAS_ENGINE_LIBS) $(NR_TEST_RUNNER) $(PTHREAD_LIBS)

# What a phonebook entry makes of a PPP link's configuration (dial-ppp.c).
check_PROGRAMS += tests/ras/test-ras-dial-config
TESTS += tests/ras/test-ras-dial-config
tests_ras_test_ras_dial_config_CPPFLAGS = $(NR_RAS_TEST_DIAL_CPPFLAGS)
tests_ras_test_ras_dial_config_LDADD = $(NR_RAS_ENGINE_LIBS) $(NR_TEST_RUNNER) $(JANSSON_LIBS) $(NETTLE_LIBS) \
	$(PTHREAD_LIBS)

# ---- api/: RasDial end to end ------------------------------------------------------
# dial-fixture: the emulator, the PPP peers behind it (our own link,
# ppp-test-peer's scripted servers), the recorders. The code under test is
# the shared libnetrouter-ras; the peers are the static ppp/ layer.
check_LTLIBRARIES += tests/ras/libnrtest-dial.la
tests_ras_libnrtest_dial_la_SOURCES = tests/ras/dial-fixture.h tests/ras/dial-fixture.c
tests_ras_libnrtest_dial_la_CPPFLAGS = $(NR_RAS_TEST_PPP_CPPFLAGS)
NR_RAS_TEST_API_CPPFLAGS = $(NR_RAS_TEST_PPP_CPPFLAGS)
NR_RAS_TEST_API_LIBS = tests/ras/libnrtest-dial.la tests/ras/libnrtest-ppp.la tests/ras/libnrtest-modem.la \
	providers/ras/api/libnetrouter-ras.la router/libnetrouter.la $(NR_RAS_PPP_LIBS) $(NR_TEST_RUNNER) \
	$(NETTLE_LIBS) $(PTHREAD_LIBS)

ras_api_tests = \
	tests/ras/test-ras-dial \
	tests/ras/test-ras-projection \
	tests/ras/test-ras-nameservers \
	tests/ras/test-ras-hangup \
	tests/ras/test-ras-paused \
	tests/ras/test-ras-connnotify \
	tests/ras/test-ras-credentials \
	tests/ras/test-ras-errors \
	tests/ras/test-ras-terminal \
	tests/ras/test-ras-mschap \
	tests/ras/test-ras-callback \
	tests/ras/test-ras-tun \
	tests/ras/test-ras-stats \
	tests/ras/test-ras-idle \
	tests/ras/test-ras-reconnect \
	tests/ras/test-ras-entry \
	tests/ras/test-ras-entry-names \
	tests/ras/test-ras-entry-long \
	tests/ras/test-ras-devices \
	tests/ras/test-ras-wide \
	tests/ras/test-ras-empty
check_PROGRAMS += $(ras_api_tests)
TESTS += $(ras_api_tests)
tests_ras_test_ras_dial_CPPFLAGS = $(NR_RAS_TEST_API_CPPFLAGS)
tests_ras_test_ras_dial_LDADD = $(NR_RAS_TEST_API_LIBS)
tests_ras_test_ras_projection_CPPFLAGS = $(NR_RAS_TEST_API_CPPFLAGS)
tests_ras_test_ras_projection_LDADD = $(NR_RAS_TEST_API_LIBS)
tests_ras_test_ras_nameservers_CPPFLAGS = $(NR_RAS_TEST_API_CPPFLAGS)
tests_ras_test_ras_nameservers_LDADD = $(NR_RAS_TEST_API_LIBS)
tests_ras_test_ras_hangup_CPPFLAGS = $(NR_RAS_TEST_API_CPPFLAGS)
tests_ras_test_ras_hangup_LDADD = $(NR_RAS_TEST_API_LIBS)
tests_ras_test_ras_paused_CPPFLAGS = $(NR_RAS_TEST_API_CPPFLAGS)
tests_ras_test_ras_paused_LDADD = $(NR_RAS_TEST_API_LIBS)
tests_ras_test_ras_connnotify_CPPFLAGS = $(NR_RAS_TEST_API_CPPFLAGS)
tests_ras_test_ras_connnotify_LDADD = $(NR_RAS_TEST_API_LIBS)
tests_ras_test_ras_credentials_CPPFLAGS = $(NR_RAS_TEST_API_CPPFLAGS)
tests_ras_test_ras_credentials_LDADD = $(NR_RAS_TEST_API_LIBS)
tests_ras_test_ras_errors_CPPFLAGS = $(NR_RAS_TEST_API_CPPFLAGS)
tests_ras_test_ras_errors_LDADD = $(NR_RAS_TEST_API_LIBS)
tests_ras_test_ras_terminal_CPPFLAGS = $(NR_RAS_TEST_API_CPPFLAGS)
tests_ras_test_ras_terminal_LDADD = $(NR_RAS_TEST_API_LIBS)
tests_ras_test_ras_mschap_CPPFLAGS = $(NR_RAS_TEST_API_CPPFLAGS)
tests_ras_test_ras_mschap_LDADD = $(NR_RAS_TEST_API_LIBS)
tests_ras_test_ras_callback_CPPFLAGS = $(NR_RAS_TEST_API_CPPFLAGS)
tests_ras_test_ras_callback_LDADD = $(NR_RAS_TEST_API_LIBS)
tests_ras_test_ras_tun_CPPFLAGS = $(NR_RAS_TEST_API_CPPFLAGS)
tests_ras_test_ras_tun_LDADD = $(NR_RAS_TEST_API_LIBS)
tests_ras_test_ras_stats_CPPFLAGS = $(NR_RAS_TEST_API_CPPFLAGS)
tests_ras_test_ras_stats_LDADD = $(NR_RAS_TEST_API_LIBS)
tests_ras_test_ras_idle_CPPFLAGS = $(NR_RAS_TEST_API_CPPFLAGS)
tests_ras_test_ras_idle_LDADD = $(NR_RAS_TEST_API_LIBS)
tests_ras_test_ras_reconnect_CPPFLAGS = $(NR_RAS_TEST_API_CPPFLAGS)
tests_ras_test_ras_reconnect_LDADD = $(NR_RAS_TEST_API_LIBS)
tests_ras_test_ras_entry_CPPFLAGS = $(NR_RAS_TEST_API_CPPFLAGS)
tests_ras_test_ras_entry_LDADD = $(NR_RAS_TEST_API_LIBS)
tests_ras_test_ras_entry_names_CPPFLAGS = $(NR_RAS_TEST_API_CPPFLAGS)
tests_ras_test_ras_entry_names_LDADD = $(NR_RAS_TEST_API_LIBS)
# (and, through the service, what an older client of protocol version 1 is sent)
tests_ras_test_ras_entry_long_CPPFLAGS = $(NR_RAS_TEST_API_CPPFLAGS) -I$(NR_RAS_DIR)/proto
tests_ras_test_ras_entry_long_LDADD = providers/ras/proto/libnrras-proto.la router/common/libnrcommon.la $(NR_RAS_TEST_API_LIBS)
tests_ras_test_ras_devices_CPPFLAGS = $(NR_RAS_TEST_API_CPPFLAGS)
tests_ras_test_ras_devices_LDADD = $(NR_RAS_TEST_API_LIBS)
tests_ras_test_ras_wide_CPPFLAGS = $(NR_RAS_TEST_API_CPPFLAGS)
tests_ras_test_ras_wide_LDADD = $(NR_RAS_TEST_API_LIBS)
tests_ras_test_ras_empty_CPPFLAGS = $(NR_RAS_TEST_API_CPPFLAGS)
tests_ras_test_ras_empty_LDADD = $(NR_RAS_TEST_API_LIBS)

# The RAS error list: a name and a text for every code of raserror.h.
check_PROGRAMS += tests/ras/test-ras-errlist
TESTS += tests/ras/test-ras-errlist
nodist_tests_ras_test_ras_errlist_SOURCES = tests/ras/ras-codes.h
tests_ras_test_ras_errlist_SOURCES = tests/ras/test-ras-errlist.c
tests_ras_test_ras_errlist_CPPFLAGS = $(AM_CPPFLAGS) -I$(NR_RAS_DIR)/api -I$(top_builddir)/tests/ras -I$(top_srcdir)/tests \
	$(CUNIT_CFLAGS)
tests_ras_test_ras_errlist_LDADD = providers/ras/api/libnrras-errors.la providers/ras/api/libnetrouter-ras.la \
	router/libnetrouter.la $(NR_TEST_RUNNER)
# Every PENDING, WARNING_* and ERROR_* macro of ras.h with a RAS number (600-877), as
# the compiler sees it, one CODE(NAME) a line: what test-ras-errlist holds
# the list against.
tests/ras/ras-codes.h: $(NR_RAS_H) $(NR_RASERROR_H)
	$(AM_V_GEN)$(MKDIR_P) $(@D) && \
	echo '#include <netrouter/ras.h>' | $(CC) -E -dM -I$(top_srcdir)/router/include -I$(NR_RAS_DIR)/include - | \
	  LC_ALL=C $(AWK) '$$1 == "#define" && $$2 ~ /^(PENDING|WARNING_[A-Z0-9_]+|ERROR_[A-Z0-9_]+)$$/ && $$3 ~ /^[0-9]+$$/ && \
	    $$3 >= 600 && $$3 <= 899 { print "CODE(" $$2 ")" }' | LC_ALL=C sort >$@.tmp && \
	mv $@.tmp $@
BUILT_SOURCES += tests/ras/ras-codes.h
NR_RAS_CODES_USERS = tests/ras/test_ras_errlist-test-ras-errlist.$(OBJEXT)
$(NR_RAS_CODES_USERS): tests/ras/ras-codes.h
CLEANFILES += tests/ras/ras-codes.h

# The public API alone (what an application sees).
check_PROGRAMS += tests/ras/test-ras-api
TESTS += tests/ras/test-ras-api
tests_ras_test_ras_api_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests $(CUNIT_CFLAGS)
tests_ras_test_ras_api_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la $(NR_TEST_RUNNER)

# ---- plugin/: the provider through a router -------------------------------------
# The build tree's ras manifest, the fixture notifier (and provider) of
# tests/fixtures, the emulator and peer.
check_PROGRAMS += tests/ras/test-ras-provider
TESTS += tests/ras/test-ras-provider
tests_ras_test_ras_provider_CPPFLAGS = $(NR_RAS_TEST_API_CPPFLAGS) -I$(NR_RAS_DIR)/port
tests_ras_test_ras_provider_CFLAGS = $(NR_SUITE_CFLAGS)
tests_ras_test_ras_provider_LDADD = tests/libnrtest-util.la $(NR_RAS_TEST_API_LIBS) $(NR_RAS_PORT_LIBS) $(JANSSON_LIBS)

# ---- cli/: rasdial -----------------------------------------------------------------
TESTS += tests/ras/rasdial.test
dist_noinst_SCRIPTS += tests/ras/rasdial.test

# ---- proto/: the wire protocol of the planned connection service ------------------
# The codec alone: the proto layer, router/common and the runner.  The
# builder's test wraps free() to see that no block leaves the codec with a
# secret still in it.
NR_RAS_TEST_PROTO_CPPFLAGS = $(NR_RAS_PROTO_CPPFLAGS) -I$(NR_RAS_DIR)/proto -I$(top_srcdir)/tests $(CUNIT_CFLAGS)
NR_RAS_TEST_PROTO_LIBS = $(NR_RAS_PROTO_LIBS) $(NR_TEST_RUNNER)
ras_proto_tests = tests/ras/test-ras-proto tests/ras/test-ras-proto-build
check_PROGRAMS += $(ras_proto_tests)
TESTS += $(ras_proto_tests)
tests_ras_test_ras_proto_CPPFLAGS = $(NR_RAS_TEST_PROTO_CPPFLAGS)
tests_ras_test_ras_proto_LDADD = $(NR_RAS_TEST_PROTO_LIBS)
tests_ras_test_ras_proto_build_CPPFLAGS = $(NR_RAS_TEST_PROTO_CPPFLAGS)
tests_ras_test_ras_proto_build_LDFLAGS = $(AM_LDFLAGS) -Wl,--wrap=free
tests_ras_test_ras_proto_build_LDADD = $(NR_RAS_TEST_PROTO_LIBS)

# ---- service/: the connection service with real processes --------------------------
# ras-client: one process doing what an application does, for the shell
# tests; service.test: rasdial, netrouter and ras-client around netrouterd.
check_PROGRAMS += tests/ras/ras-client
tests_ras_ras_client_CPPFLAGS = $(AM_CPPFLAGS)
tests_ras_ras_client_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la
TESTS += tests/ras/service.test
dist_noinst_SCRIPTS += tests/ras/service.test

# The RasDial suites again, through the service (each with its own).
TESTS += tests/ras/via-service.test
dist_noinst_SCRIPTS += tests/ras/via-service.test
