# notifiers/log: the "log" notifier plugin (nr-log.so) and its manifest.
plugin_LTLIBRARIES += notifiers/log/nr-log.la
notifiers_log_nr_log_la_SOURCES = notifiers/log/log.c
notifiers_log_nr_log_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden $(JANSSON_CFLAGS)
notifiers_log_nr_log_la_LIBADD = $(JANSSON_LIBS) $(PTHREAD_LIBS)
notifiers_log_nr_log_la_LDFLAGS = -module $(PLUGIN_LDFLAGS) -no-undefined

dist_manifest_DATA += notifiers/log/log.json
