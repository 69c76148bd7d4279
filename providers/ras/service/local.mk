# providers/ras/service: netrouterd(8), the RAS connection service.  It owns
# the live links (through local/, the engine) and answers the clients of
# libnetrouter-ras over a Unix socket (proto/).  Sees local/, dial/ and what
# they expose, and proto/.
sbin_PROGRAMS += providers/ras/service/netrouterd
providers_ras_service_netrouterd_SOURCES = \
	providers/ras/service/service.h \
	providers/ras/service/service-main.c \
	providers/ras/service/service-loop.c \
	providers/ras/service/service-calls.c \
	providers/ras/service/service-dial.c \
	providers/ras/service/service-stale.c \
	providers/ras/service/service-out.c
providers_ras_service_netrouterd_CPPFLAGS = $(NR_RAS_SERVICE_CPPFLAGS)
providers_ras_service_netrouterd_LDADD = providers/ras/local/libnrras-local.la providers/ras/proto/libnrras-proto.la \
	$(NR_RAS_ENGINE_LIBS) router/libnetrouter.la $(JANSSON_LIBS) $(NETTLE_LIBS) $(PTHREAD_LIBS)
