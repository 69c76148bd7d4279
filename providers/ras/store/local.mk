# providers/ras/store: what the provider keeps on disk — the JSON phonebook
# (schema, defaults, errors naming file, line, column and key) and the saved
# dial credentials, and the changes of the phonebook (pbedit). Sees
# <netrouter/ras.h> and router/common only.
noinst_LTLIBRARIES += providers/ras/store/libnrras-store.la
providers_ras_store_libnrras_store_la_SOURCES = \
	providers/ras/store/phonebook.h providers/ras/store/phonebook.c \
	providers/ras/store/pbedit.h providers/ras/store/pbedit.c \
	providers/ras/store/credstore.h providers/ras/store/credstore.c
providers_ras_store_libnrras_store_la_CPPFLAGS = $(NR_RAS_STORE_CPPFLAGS) -DNR_SYSCONFDIR='"$(sysconfdir)"'
providers_ras_store_libnrras_store_la_CFLAGS = $(NR_RAS_LAYER_CFLAGS) $(JANSSON_CFLAGS)
providers_ras_store_libnrras_store_la_LIBADD = $(JANSSON_LIBS)
