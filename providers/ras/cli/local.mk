# providers/ras/cli: rasdial(1), a client of libnetrouter-ras through
# <netrouter/ras.h> (and router/common for reading a password file safely).
bin_PROGRAMS += providers/ras/cli/rasdial
providers_ras_cli_rasdial_SOURCES = providers/ras/cli/rasdial.c providers/ras/cli/rasdial.h \
	providers/ras/cli/rasdial-input.c providers/ras/cli/rasdial-links.c \
	providers/ras/cli/rasdial-report.c
providers_ras_cli_rasdial_CPPFLAGS = $(AM_CPPFLAGS) $(NR_COMMON_CPPFLAGS) $(JANSSON_CFLAGS)
providers_ras_cli_rasdial_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la \
	router/common/libnrcommon.la $(JANSSON_LIBS) $(PTHREAD_LIBS)
