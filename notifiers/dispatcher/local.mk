# notifiers/dispatcher: the "dispatcher" notifier plugin (nr-dispatcher.so),
# which runs the scripts of $(sysconfdir)/netrouter/dispatcher.d, and its
# manifest.  Plugin code: the SDK (<netrouter/npapi.h>) and the C library
# only; libnetrouter-ras is found at run time (raslink.h), not linked.
plugin_LTLIBRARIES += notifiers/dispatcher/nr-dispatcher.la
notifiers_dispatcher_nr_dispatcher_la_SOURCES = \
	notifiers/dispatcher/dispatcher.c \
	notifiers/dispatcher/scripts.h notifiers/dispatcher/scripts.c \
	notifiers/dispatcher/run.h notifiers/dispatcher/run.c \
	notifiers/dispatcher/raslink.h notifiers/dispatcher/raslink.c
notifiers_dispatcher_nr_dispatcher_la_CPPFLAGS = -I$(top_srcdir)/router/include \
	-DNR_DISPATCHER_DIR='"$(sysconfdir)/netrouter/dispatcher.d"'
notifiers_dispatcher_nr_dispatcher_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden $(JANSSON_CFLAGS)
notifiers_dispatcher_nr_dispatcher_la_LIBADD = $(JANSSON_LIBS) $(PTHREAD_LIBS)
notifiers_dispatcher_nr_dispatcher_la_LDFLAGS = -module $(PLUGIN_LDFLAGS) -no-undefined

dist_manifest_DATA += notifiers/dispatcher/dispatcher.json

# The scripts' directory exists once installed, empty: an administrator
# drops executables in it.
install-data-local: install-dispatcher-dir
install-dispatcher-dir:
	$(MKDIR_P) '$(DESTDIR)$(sysconfdir)/netrouter/dispatcher.d'
uninstall-local: uninstall-dispatcher-dir
uninstall-dispatcher-dir:
	-rmdir '$(DESTDIR)$(sysconfdir)/netrouter/dispatcher.d' '$(DESTDIR)$(sysconfdir)/netrouter' 2>/dev/null
.PHONY: install-dispatcher-dir uninstall-dispatcher-dir
