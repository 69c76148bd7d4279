# providers/ras/proto: the wire protocol between libnetrouter-ras and the
# planned connection service (docs/service.md): pure encoding and decoding,
# no sockets.  Sees <netrouter/ras.h> and router/common only.  Nothing
# installed links it yet: for now its users are tests/ras/test-ras-proto
# and tests/fuzz/fuzz-proto.
noinst_LTLIBRARIES += providers/ras/proto/libnrras-proto.la
providers_ras_proto_libnrras_proto_la_SOURCES = \
	providers/ras/proto/proto-list.h \
	providers/ras/proto/proto.h providers/ras/proto/proto.c \
	providers/ras/proto/proto-internal.h \
	providers/ras/proto/proto-decode.c \
	providers/ras/proto/proto-build.c
providers_ras_proto_libnrras_proto_la_CPPFLAGS = $(NR_RAS_PROTO_CPPFLAGS)
providers_ras_proto_libnrras_proto_la_CFLAGS = $(NR_RAS_LAYER_CFLAGS)
