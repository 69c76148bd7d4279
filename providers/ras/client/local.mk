# providers/ras/client: libnetrouter-ras's side of the connection service's
# socket (client.h): connecting, starting the service on demand, and the
# Ras* calls as requests.  Sees proto/, dial/ (the notifier kinds, the
# registrations of RasConnectionNotification), store/ (the default
# phonebook) and local/ (the calling thread's error detail).
noinst_LTLIBRARIES += providers/ras/client/libnrras-client.la
providers_ras_client_libnrras_client_la_SOURCES = \
	providers/ras/client/client.h \
	providers/ras/client/client-conn.c \
	providers/ras/client/client-start.c \
	providers/ras/client/client-dial.c \
	providers/ras/client/client-calls.c \
	providers/ras/client/client-notify.c
providers_ras_client_libnrras_client_la_CPPFLAGS = $(NR_RAS_CLIENT_CPPFLAGS) \
	-DNR_RASD_PATH='"$(sbindir)/netrouterd"'
providers_ras_client_libnrras_client_la_CFLAGS = $(NR_RAS_LAYER_CFLAGS)
