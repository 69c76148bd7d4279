# providers/ras: the RAS (dial-up) provider. Its folders are its layers, from
# the bottom up (docs/architecture.md draws them):
#
#   include/  <netrouter/ras.h>, rastypes.h and raserror.h, the vocabulary
#             every layer speaks (installed)
#   port/     the serial port: UUCP lock, tty, the AT dialogue and result codes
#   ppp/      HDLC framing, packets, the RFC 1661 automaton, LCP, PAP/CHAP/MS-CHAP v2,
#             IPCP, CBCP and the link that runs them over a descriptor
#   store/    the JSON phonebook and the saved credentials
#   dial/     the dial engine: states, modem phases, PPP phases, notifications,
#             the connection table, TUN
#   local/    the Ras* calls answered by the engine of this process
#   client/   the Ras* calls answered by the connection service (its socket)
#   api/      the Ras* functions: libnetrouter-ras (installed), each to
#             client/ or local/ as the process chose
#   service/  netrouterd, the connection service: owns the links (local/)
#             and answers clients (proto/)
#   plugin/   the provider plugin nr-ras.so: public SDK headers only
#   cli/      rasdial: <netrouter/ras.h> and router/common only
#   proto/    the wire protocol of the connection service (a codec) and
#             where the service listens (docs/service.md)
#
# Each layer is a convenience library compiled with only the include paths it
# may use, so an include against the direction of the layers does not
# compile. port/, ppp/, store/ and proto/ stand alone (ras.h and router/common);
# dial/ sees the three; api/ sees dial/ (and what dial.h exposes). The layer
# libraries hold their own objects only; whatever links them lists the layers
# it needs ($(NR_RAS_ENGINE_LIBS) for all of them), each archive once.
NR_RAS_DIR = $(top_srcdir)/providers/ras
NR_RAS_LAYER_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden
NR_RAS_PORT_CPPFLAGS = $(AM_CPPFLAGS) $(NR_COMMON_CPPFLAGS)
NR_RAS_PPP_CPPFLAGS = $(AM_CPPFLAGS) $(NR_COMMON_CPPFLAGS)
NR_RAS_STORE_CPPFLAGS = $(AM_CPPFLAGS) $(NR_COMMON_CPPFLAGS)
NR_RAS_PROTO_CPPFLAGS = $(AM_CPPFLAGS) $(NR_COMMON_CPPFLAGS)
NR_RAS_DIAL_CPPFLAGS = $(AM_CPPFLAGS) $(NR_COMMON_CPPFLAGS) \
	-I$(NR_RAS_DIR)/port -I$(NR_RAS_DIR)/ppp -I$(NR_RAS_DIR)/store
NR_RAS_LOCAL_CPPFLAGS = $(NR_RAS_DIAL_CPPFLAGS) -I$(NR_RAS_DIR)/dial
NR_RAS_CLIENT_CPPFLAGS = $(NR_RAS_LOCAL_CPPFLAGS) -I$(NR_RAS_DIR)/proto -I$(NR_RAS_DIR)/local
NR_RAS_API_CPPFLAGS = $(NR_RAS_CLIENT_CPPFLAGS) -I$(NR_RAS_DIR)/client
NR_RAS_SERVICE_CPPFLAGS = $(NR_RAS_LOCAL_CPPFLAGS) -I$(NR_RAS_DIR)/proto -I$(NR_RAS_DIR)/local

NR_RAS_PORT_LIBS = providers/ras/port/libnrras-port.la router/common/libnrcommon.la
NR_RAS_PPP_LIBS = providers/ras/ppp/libnrras-ppp.la router/common/libnrcommon.la
NR_RAS_STORE_LIBS = providers/ras/store/libnrras-store.la router/common/libnrcommon.la
NR_RAS_PROTO_LIBS = providers/ras/proto/libnrras-proto.la router/common/libnrcommon.la
NR_RAS_ENGINE_LIBS = providers/ras/dial/libnrras-dial.la providers/ras/port/libnrras-port.la \
	providers/ras/ppp/libnrras-ppp.la providers/ras/store/libnrras-store.la router/common/libnrcommon.la

netrouterinclude_HEADERS += providers/ras/include/netrouter/ras.h providers/ras/include/netrouter/raserror.h \
	providers/ras/include/netrouter/rastypes.h providers/ras/include/netrouter/rasentry.h

include $(srcdir)/providers/ras/port/local.mk
include $(srcdir)/providers/ras/ppp/local.mk
include $(srcdir)/providers/ras/store/local.mk
include $(srcdir)/providers/ras/dial/local.mk
include $(srcdir)/providers/ras/local/local.mk
include $(srcdir)/providers/ras/client/local.mk
include $(srcdir)/providers/ras/api/local.mk
include $(srcdir)/providers/ras/service/local.mk
include $(srcdir)/providers/ras/plugin/local.mk
include $(srcdir)/providers/ras/cli/local.mk
include $(srcdir)/providers/ras/proto/local.mk
