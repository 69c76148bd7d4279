# providers/ras/port: the serial port — UUCP lock, exclusive non-blocking
# open, raw termios, the AT dialogue with verbose and numeric result codes,
# DTR hang-up. Sees <netrouter/ras.h> and router/common only.
noinst_LTLIBRARIES += providers/ras/port/libnrras-port.la
providers_ras_port_libnrras_port_la_SOURCES = \
	providers/ras/port/uucplock.h providers/ras/port/uucplock.c \
	providers/ras/port/modem.h providers/ras/port/modem.c
providers_ras_port_libnrras_port_la_CPPFLAGS = $(NR_RAS_PORT_CPPFLAGS)
providers_ras_port_libnrras_port_la_CFLAGS = $(NR_RAS_LAYER_CFLAGS)
providers_ras_port_libnrras_port_la_LIBADD = $(PTHREAD_LIBS)
