# providers/ras/dial: the dial engine behind RasDial — one worker per
# connection walking the RASCONNSTATE sequence (dial-state: announcements and
# pauses; dial-modem: the modem phases; dial-ppp: the PPP phases; dial-serve:
# the connected link; dial-reconnect: redialing a lost one; dial-stats: the
# counters; dial.c: the worker that runs them in turn), the four notifier
# kinds, the table of live handles, RasConnectionNotification, TUN.
# Sees port/, ppp/ and store/.
noinst_LTLIBRARIES += providers/ras/dial/libnrras-dial.la
providers_ras_dial_libnrras_dial_la_SOURCES = \
	providers/ras/dial/notify.h providers/ras/dial/notify.c \
	providers/ras/dial/rasconn.h providers/ras/dial/rasconn.c \
	providers/ras/dial/connnotify.h providers/ras/dial/connnotify.c \
	providers/ras/dial/tun.h providers/ras/dial/tun.c \
	providers/ras/dial/dial.h providers/ras/dial/dial-state.c \
	providers/ras/dial/dial-stats.c \
	providers/ras/dial/dial-modem.c providers/ras/dial/dial-ppp.c \
	providers/ras/dial/dial-serve.c providers/ras/dial/dial-reconnect.c \
	providers/ras/dial/dial.c
providers_ras_dial_libnrras_dial_la_CPPFLAGS = $(NR_RAS_DIAL_CPPFLAGS)
providers_ras_dial_libnrras_dial_la_CFLAGS = $(NR_RAS_LAYER_CFLAGS)
providers_ras_dial_libnrras_dial_la_LIBADD = $(PTHREAD_LIBS)
