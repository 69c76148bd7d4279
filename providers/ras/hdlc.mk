# providers/ras/hdlc.mk: sources and tests of this layer
#
# The lowest PPP layer: async HDLC-like framing (RFC 1662) and the PPP
# control-packet format (RFC 1661 sections 5 and 6). Pure computation, no I/O.
providers_ras_libnrras_core_la_SOURCES += \
	providers/ras/hdlc.h \
	providers/ras/hdlc.c \
	providers/ras/ppp-packet.h \
	providers/ras/ppp-packet.c

check_PROGRAMS += tests/ras/test-ras-hdlc tests/ras/test-ras-ppp-packet
TESTS += tests/ras/test-ras-hdlc tests/ras/test-ras-ppp-packet

tests_ras_test_ras_hdlc_SOURCES = tests/ras/test-ras-hdlc.c tests/cunit-main.h tests/cunit-main.c
tests_ras_test_ras_hdlc_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/providers/ras -I$(top_srcdir)/tests
tests_ras_test_ras_hdlc_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_ras_test_ras_hdlc_LDADD = providers/ras/libnrras-core.la $(CUNIT_LIBS)

tests_ras_test_ras_ppp_packet_SOURCES = tests/ras/test-ras-ppp-packet.c tests/cunit-main.h tests/cunit-main.c
tests_ras_test_ras_ppp_packet_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/providers/ras -I$(top_srcdir)/tests
tests_ras_test_ras_ppp_packet_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_ras_test_ras_ppp_packet_LDADD = providers/ras/libnrras-core.la $(CUNIT_LIBS)
