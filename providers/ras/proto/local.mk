# providers/ras/proto: the contract between libnetrouter-ras and the
# connection service (docs/service.md): the wire protocol (pure encoding and
# decoding, no sockets) and where the service listens.  Sees
# <netrouter/ras.h> and router/common only.
noinst_LTLIBRARIES += providers/ras/proto/libnrras-proto.la
providers_ras_proto_libnrras_proto_la_SOURCES = \
	providers/ras/proto/proto-list.h \
	providers/ras/proto/proto.h providers/ras/proto/proto.c \
	providers/ras/proto/proto-internal.h \
	providers/ras/proto/proto-decode.c \
	providers/ras/proto/proto-build.c \
	providers/ras/proto/proto-path.h providers/ras/proto/proto-path.c
providers_ras_proto_libnrras_proto_la_CPPFLAGS = $(NR_RAS_PROTO_CPPFLAGS)
providers_ras_proto_libnrras_proto_la_CFLAGS = $(NR_RAS_LAYER_CFLAGS)
