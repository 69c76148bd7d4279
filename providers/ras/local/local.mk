# providers/ras/local: the Ras* calls as the engine of this process answers
# them (local.h): for an application that chose the in-process engine, and
# for the connection service, which runs every link this way.  Sees dial/
# (and what dial.h exposes).
noinst_LTLIBRARIES += providers/ras/local/libnrras-local.la
providers_ras_local_libnrras_local_la_SOURCES = \
	providers/ras/local/local.h \
	providers/ras/local/local-dial.c \
	providers/ras/local/local-terminal.c \
	providers/ras/local/local-stats.c \
	providers/ras/local/local-lasterror.h providers/ras/local/local-lasterror.c
providers_ras_local_libnrras_local_la_CPPFLAGS = $(NR_RAS_LOCAL_CPPFLAGS)
providers_ras_local_libnrras_local_la_CFLAGS = $(NR_RAS_LAYER_CFLAGS)
