# providers/ras/ppp.mk: the PPP state machines and their tests
#
# The RFC 1661 automaton (ppp-fsm), LCP, PAP/CHAP-MD5 (ppp-auth, MD5 from
# nettle), IPCP with DNS, and ppp-link, which runs them over a descriptor
# with hdlc.h framing. Everything but ppp-link is I/O-free and clock-injected.
providers_ras_libnrras_core_la_SOURCES += \
	providers/ras/ppp-fsm.h \
	providers/ras/ppp-fsm.c \
	providers/ras/ppp-lcp.h \
	providers/ras/ppp-lcp.c \
	providers/ras/ppp-auth.h \
	providers/ras/ppp-auth.c \
	providers/ras/ppp-ipcp.h \
	providers/ras/ppp-ipcp.c \
	providers/ras/ppp-link.h \
	providers/ras/ppp-link-private.h \
	providers/ras/ppp-link.c \
	providers/ras/ppp-link-cbcp.c

ppp_tests = \
	tests/ras/test-ras-ppp-fsm \
	tests/ras/test-ras-ppp-lcp \
	tests/ras/test-ras-ppp-auth \
	tests/ras/test-ras-ppp-ipcp \
	tests/ras/test-ras-ppp-link \
	tests/ras/test-ras-ppp-errors
check_PROGRAMS += $(ppp_tests)
TESTS += $(ppp_tests)

tests_ras_test_ras_ppp_fsm_SOURCES = tests/ras/test-ras-ppp-fsm.c tests/ras/ppp-test-peer.h tests/ras/ppp-test-peer.c tests/cunit-main.h tests/cunit-main.c
tests_ras_test_ras_ppp_fsm_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/providers/ras -I$(top_srcdir)/tests
tests_ras_test_ras_ppp_fsm_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_ras_test_ras_ppp_fsm_LDADD = providers/ras/libnrras-core.la $(CUNIT_LIBS) $(PTHREAD_LIBS)

tests_ras_test_ras_ppp_lcp_SOURCES = tests/ras/test-ras-ppp-lcp.c tests/ras/ppp-test-peer.h tests/ras/ppp-test-peer.c tests/cunit-main.h tests/cunit-main.c
tests_ras_test_ras_ppp_lcp_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/providers/ras -I$(top_srcdir)/tests
tests_ras_test_ras_ppp_lcp_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_ras_test_ras_ppp_lcp_LDADD = providers/ras/libnrras-core.la $(CUNIT_LIBS) $(PTHREAD_LIBS)

tests_ras_test_ras_ppp_auth_SOURCES = tests/ras/test-ras-ppp-auth.c tests/ras/ppp-test-peer.h tests/ras/ppp-test-peer.c tests/cunit-main.h tests/cunit-main.c
tests_ras_test_ras_ppp_auth_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/providers/ras -I$(top_srcdir)/tests
tests_ras_test_ras_ppp_auth_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_ras_test_ras_ppp_auth_LDADD = providers/ras/libnrras-core.la $(CUNIT_LIBS) $(PTHREAD_LIBS)

tests_ras_test_ras_ppp_ipcp_SOURCES = tests/ras/test-ras-ppp-ipcp.c tests/ras/ppp-test-peer.h tests/ras/ppp-test-peer.c tests/cunit-main.h tests/cunit-main.c
tests_ras_test_ras_ppp_ipcp_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/providers/ras -I$(top_srcdir)/tests
tests_ras_test_ras_ppp_ipcp_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_ras_test_ras_ppp_ipcp_LDADD = providers/ras/libnrras-core.la $(CUNIT_LIBS) $(PTHREAD_LIBS)

tests_ras_test_ras_ppp_link_SOURCES = tests/ras/test-ras-ppp-link.c tests/ras/ppp-test-peer.h tests/ras/ppp-test-peer.c tests/cunit-main.h tests/cunit-main.c
tests_ras_test_ras_ppp_link_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/providers/ras -I$(top_srcdir)/tests
tests_ras_test_ras_ppp_link_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_ras_test_ras_ppp_link_LDADD = providers/ras/libnrras-core.la $(CUNIT_LIBS) $(PTHREAD_LIBS)

tests_ras_test_ras_ppp_errors_SOURCES = tests/ras/test-ras-ppp-errors.c tests/ras/ppp-test-peer.h tests/ras/ppp-test-peer.c tests/cunit-main.h tests/cunit-main.c
tests_ras_test_ras_ppp_errors_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/providers/ras -I$(top_srcdir)/tests
tests_ras_test_ras_ppp_errors_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_ras_test_ras_ppp_errors_LDADD = providers/ras/libnrras-core.la $(CUNIT_LIBS) $(PTHREAD_LIBS)

# End to end against Debian's slirp (docs/research/slirp-ppp-peer.md), with
# the select() shim it needs preloaded. slirp comes from scripts/install-deps.sh.
check_LTLIBRARIES += tests/ras/slirp-select-fix.la
tests_ras_slirp_select_fix_la_SOURCES = tests/ras/slirp-select-fix.c
# Preloaded into Debian's (uninstrumented) slirp: never built with the
# sanitizers, whose runtime must come first in a process it is not part of.
tests_ras_slirp_select_fix_la_CFLAGS = -std=gnu11 $(WARN_CFLAGS)
tests_ras_slirp_select_fix_la_LDFLAGS = -module $(TEST_PLUGIN_LDFLAGS)

check_PROGRAMS += tests/ras/test-ras-ppp-slirp
TESTS += tests/ras/test-ras-ppp-slirp
tests_ras_test_ras_ppp_slirp_SOURCES = tests/ras/test-ras-ppp-slirp.c tests/cunit-main.h tests/cunit-main.c
tests_ras_test_ras_ppp_slirp_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/providers/ras -I$(top_srcdir)/tests \
	-DSLIRP_SHIM='"$(abs_top_builddir)/tests/ras/.libs/slirp-select-fix.so"'
tests_ras_test_ras_ppp_slirp_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_ras_test_ras_ppp_slirp_LDADD = providers/ras/libnrras-core.la $(CUNIT_LIBS) $(PTHREAD_LIBS)

# MS-CHAP version 2 (RFC 2759): the algorithms, checked against the RFC's
# own example.
providers_ras_libnrras_core_la_SOURCES += providers/ras/ppp-mschap.h providers/ras/ppp-mschap.c \
	providers/ras/ppp-cbcp.h providers/ras/ppp-cbcp.c
check_PROGRAMS += tests/ras/test-ras-ppp-mschap
TESTS += tests/ras/test-ras-ppp-mschap
tests_ras_test_ras_ppp_mschap_SOURCES = tests/ras/test-ras-ppp-mschap.c tests/cunit-main.h tests/cunit-main.c
tests_ras_test_ras_ppp_mschap_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/providers/ras -I$(top_srcdir)/tests
tests_ras_test_ras_ppp_mschap_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_ras_test_ras_ppp_mschap_LDADD = providers/ras/libnrras-core.la $(CUNIT_LIBS) $(PTHREAD_LIBS)
