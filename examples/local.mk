# examples: the example symlink provider (installed), the hello notifier (a
# third-party-style plugin with its own plain Makefile, also built here for
# the demo and the tests), the embedding program, the build-tree manifest
# directory and `make demo`.

# --- provider-symlink: nr-symlink.so + symlink.json, installed ---------------
plugin_LTLIBRARIES += examples/provider-symlink/nr-symlink.la
examples_provider_symlink_nr_symlink_la_SOURCES = \
	examples/provider-symlink/links.h \
	examples/provider-symlink/links.c \
	examples/provider-symlink/symlink.c
examples_provider_symlink_nr_symlink_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden $(JANSSON_CFLAGS)
examples_provider_symlink_nr_symlink_la_LIBADD = $(JANSSON_LIBS) $(PTHREAD_LIBS)
examples_provider_symlink_nr_symlink_la_LDFLAGS = $(PLUGIN_LDFLAGS) -module -no-undefined
dist_manifest_DATA += examples/provider-symlink/symlink.json

# --- notifier-hello: the plugin is not installed (its sources are, below); ---
# --- built for the demo and the tests -----------------------------------------
# (check_LTLIBRARIES plus an -rpath make it a real shared module; all-local
# below builds it with `make all` too, since build-plugins.d names it.)
check_LTLIBRARIES += examples/notifier-hello/nr-hello.la
examples_notifier_hello_nr_hello_la_SOURCES = examples/notifier-hello/hello.c
examples_notifier_hello_nr_hello_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden
examples_notifier_hello_nr_hello_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS) -module -no-undefined
# --- notifier-crash: a notifier with a bug, for the demo of isolation --------
check_LTLIBRARIES += examples/notifier-crash/nr-crash.la
examples_notifier_crash_nr_crash_la_SOURCES = examples/notifier-crash/crash.c
examples_notifier_crash_nr_crash_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden
examples_notifier_crash_nr_crash_la_LDFLAGS = $(TEST_PLUGIN_LDFLAGS) -module -no-undefined

# --- installed sources, so that the users of a package find the examples ----
# under $(docdir)/examples (the man pages' own are in docs/examples/local.mk).
nrhellodir = $(docdir)/examples/notifier-hello
dist_nrhello_DATA = \
	examples/notifier-hello/README.md \
	examples/notifier-hello/hello.c \
	examples/notifier-hello/hello.json \
	examples/notifier-hello/Makefile
nrembeddir = $(docdir)/examples/embed
dist_nrembed_DATA = examples/embed/README.md examples/embed/embed.c
nrsymlinkdir = $(docdir)/examples/provider-symlink
dist_nrsymlink_DATA = \
	examples/provider-symlink/README.md \
	examples/provider-symlink/symlink.c \
	examples/provider-symlink/links.c \
	examples/provider-symlink/links.h \
	examples/provider-symlink/symlink.json
nrrascallbacksdir = $(docdir)/examples/ras-callbacks
dist_nrrascallbacks_DATA = examples/ras-callbacks/README.md examples/ras-callbacks/ras-callbacks.c

# --- embed: a program embedding the router ---------------------------------
noinst_PROGRAMS += examples/embed/embed
examples_embed_embed_SOURCES = examples/embed/embed.c
examples_embed_embed_LDADD = router/libnetrouter.la

# --- make check: the examples run, so they never rot -------------------------
dist_noinst_SCRIPTS += examples/embed/embed-run.sh
TESTS += examples/embed/embed-run.sh examples/demo/demo.sh

# --- make installcheck (and distcheck): the out-of-tree examples build against
# the installed SDK with nothing but pkg-config, as a third party would.
EXAMPLES_IC = examples-installcheck
installcheck-local: installcheck-examples
installcheck-examples:
	rm -rf $(EXAMPLES_IC) && $(MKDIR_P) $(EXAMPLES_IC)
	cp $(srcdir)/examples/notifier-hello/hello.c $(srcdir)/examples/notifier-hello/hello.json \
	   $(srcdir)/examples/notifier-hello/Makefile $(EXAMPLES_IC)/
	chmod u+w $(EXAMPLES_IC)/*
	PKG_CONFIG_PATH='$(libdir)/pkgconfig' $(MAKE) -C $(EXAMPLES_IC) \
	  CC='$(CC)' PKG_CONFIG='$(PKG_CONFIG)' PLUGINS_D='$(abs_builddir)/$(EXAMPLES_IC)/plugins.d' install
	'$(bindir)/netrouter' check-manifest $(EXAMPLES_IC)/plugins.d/hello.json
	PKG_CONFIG_PATH='$(libdir)/pkgconfig' && export PKG_CONFIG_PATH && \
	  $(CC) -o $(EXAMPLES_IC)/embed $(srcdir)/examples/embed/embed.c \
	    `$(PKG_CONFIG) --cflags --libs netrouter` -Wl,-rpath,'$(libdir)'
	$(EXAMPLES_IC)/embed -p '$(abs_builddir)/$(EXAMPLES_IC)/plugins.d' -p '$(manifestdir)' \
	  > $(EXAMPLES_IC)/embed.out 2> $(EXAMPLES_IC)/embed.err
	grep -q '^hello: POST add link:/' $(EXAMPLES_IC)/embed.err
	grep -q '(provider symlink)$$' $(EXAMPLES_IC)/embed.out
	rm -rf $(EXAMPLES_IC)

# --- build-plugins.d: manifests naming the plugins in this build tree ----------
# Generated from the source manifests; "library" becomes a path relative to
# build-plugins.d (so it works in any build directory, VPATH included), and
# the log notifier writes to stderr so that the demo shows it live.
# Use it with NETROUTER_PLUGIN_PATH=$(abs_top_builddir)/build-plugins.d.
BUILD_PLUGINS_D = build-plugins.d
build_plugins_manifests = \
	$(BUILD_PLUGINS_D)/log.json \
	$(BUILD_PLUGINS_D)/symlink.json \
	$(BUILD_PLUGINS_D)/hello.json

all-local: $(build_plugins_manifests) examples/notifier-hello/nr-hello.la examples/notifier-crash/nr-crash.la
CLEANFILES += $(build_plugins_manifests)
clean-local: clean-build-plugins-d
clean-build-plugins-d:
	rmdir $(BUILD_PLUGINS_D) 2>/dev/null || :
	rm -rf $(EXAMPLES_IC)

# One sed per manifest, each result checked to have its "library" rewritten
# (a silently unchanged manifest would load the installed plugin instead of
# the one just built).
build_plugins_gen = $(MKDIR_P) $(BUILD_PLUGINS_D) && rm -f $@.tmp && sed
build_plugins_end = > $@.tmp && grep -q '"library": "\.\./' $@.tmp && chmod 0644 $@.tmp && mv -f $@.tmp $@

$(BUILD_PLUGINS_D)/log.json: $(srcdir)/notifiers/log/log.json $(srcdir)/examples/local.mk
	$(AM_V_GEN)$(build_plugins_gen) \
	  -e 's|"library": *"nr-log\.so"|"library": "../notifiers/log/.libs/nr-log.so"|' \
	  -e 's|"target": *"syslog"|"target": "stderr"|' \
	  $(srcdir)/notifiers/log/log.json $(build_plugins_end) && grep -q '"stderr"' $@

$(BUILD_PLUGINS_D)/symlink.json: $(srcdir)/examples/provider-symlink/symlink.json $(srcdir)/examples/local.mk
	$(AM_V_GEN)$(build_plugins_gen) \
	  -e 's|"library": *"nr-symlink\.so"|"library": "../examples/provider-symlink/.libs/nr-symlink.so"|' \
	  $(srcdir)/examples/provider-symlink/symlink.json $(build_plugins_end)

$(BUILD_PLUGINS_D)/hello.json: $(srcdir)/examples/notifier-hello/hello.json $(srcdir)/examples/local.mk
	$(AM_V_GEN)$(build_plugins_gen) \
	  -e 's|"library": *"nr-hello\.so"|"library": "../examples/notifier-hello/.libs/nr-hello.so"|' \
	  $(srcdir)/examples/notifier-hello/hello.json $(build_plugins_end)

# --- make demo ----------------------------------------------------------------
dist_noinst_SCRIPTS += examples/demo/demo.sh

demo: all tests/ras/modem-emu tests/ras/slirp-select-fix.la
	NETROUTER='$(abs_top_builddir)/router/cli/netrouter' \
	MODEM_EMU='$(abs_top_builddir)/tests/ras/modem-emu' \
	RASDIAL='$(abs_top_builddir)/providers/ras/cli/rasdial' \
	NETROUTER_RASD='$(abs_top_builddir)/providers/ras/service/netrouterd' \
	NETROUTER_PLUGIN_HOST='$(abs_top_builddir)/router/host/netrouter-plugin-host' \
	SLIRP_SHIM='$(abs_top_builddir)/tests/ras/.libs/slirp-select-fix.so' \
	NETROUTER_PLUGIN_PATH='$(abs_top_builddir)/$(BUILD_PLUGINS_D)' \
	$(SHELL) '$(srcdir)/examples/demo/demo.sh'

.PHONY: demo clean-build-plugins-d installcheck-examples

# --- ras-callbacks: the four RasDial notifier kinds and a paused-state resume --
# Uses only <netrouter/ras.h>; its test dials the modem emulator, which hands
# the line to Debian's slirp (tests/ras/slirp-env.sh).
noinst_PROGRAMS += examples/ras-callbacks/ras-callbacks
examples_ras_callbacks_ras_callbacks_SOURCES = examples/ras-callbacks/ras-callbacks.c
examples_ras_callbacks_ras_callbacks_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la $(PTHREAD_LIBS)
dist_noinst_SCRIPTS += examples/ras-callbacks/ras-callbacks.test
TESTS += examples/ras-callbacks/ras-callbacks.test
# (the emulator/slirp start-up shared with tests/ras/rasdial.test)
EXTRA_DIST += tests/ras/slirp-env.sh
