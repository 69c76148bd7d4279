# providers/sshfs: the SSH file-system provider (nr-sshfs.so) and its
# manifest. It runs Debian's sshfs and fusermount3 and includes only the
# plugin SDK (<netrouter/npapi.h>), the C library and jansson (for its
# manifest config): nothing of libnetrouter. See netrouter-sshfs(7).
plugin_LTLIBRARIES += providers/sshfs/nr-sshfs.la
NR_SSHFS_SOURCES = \
	providers/sshfs/run.h providers/sshfs/run.c \
	providers/sshfs/names.h providers/sshfs/names.c \
	providers/sshfs/mounts.h providers/sshfs/mounts.c \
	providers/sshfs/settings.h providers/sshfs/settings.c \
	providers/sshfs/sshinfo.h providers/sshfs/sshinfo.c \
	providers/sshfs/errors.h providers/sshfs/errors.c \
	providers/sshfs/mount.h providers/sshfs/mount.c \
	providers/sshfs/unmount.h providers/sshfs/unmount.c \
	providers/sshfs/browse.h providers/sshfs/browse.c \
	providers/sshfs/host.h providers/sshfs/host.c
providers_sshfs_nr_sshfs_la_SOURCES = $(NR_SSHFS_SOURCES) \
	providers/sshfs/plugin.c providers/sshfs/enum.c providers/sshfs/info.c
# The SDK's include path only: no router or RAS header can be reached.
providers_sshfs_nr_sshfs_la_CPPFLAGS = -I$(top_srcdir)/router/include
providers_sshfs_nr_sshfs_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden $(JANSSON_CFLAGS)
providers_sshfs_nr_sshfs_la_LIBADD = $(JANSSON_LIBS) $(PTHREAD_LIBS)
providers_sshfs_nr_sshfs_la_LDFLAGS = -module $(PLUGIN_LDFLAGS) -no-undefined
dist_manifest_DATA += providers/sshfs/sshfs.json

# Its build-tree manifest, beside the others of build-plugins.d (see
# examples/local.mk for the generation rules).
noinst_DATA += $(BUILD_PLUGINS_D)/sshfs.json
CLEANFILES += $(BUILD_PLUGINS_D)/sshfs.json
$(BUILD_PLUGINS_D)/sshfs.json: $(srcdir)/providers/sshfs/sshfs.json $(srcdir)/providers/sshfs/local.mk
	$(AM_V_GEN)$(build_plugins_gen) \
	  -e 's|"library": *"nr-sshfs\.so"|"library": "../providers/sshfs/.libs/nr-sshfs.so"|' \
	  $(srcdir)/providers/sshfs/sshfs.json $(build_plugins_end)

# The systemd user unit that runs `netrouter restore` at login (configure
# --with-systemduserunitdir; "no": not installed).
providers/sshfs/systemd/netrouter-restore.service: $(srcdir)/providers/sshfs/systemd/netrouter-restore.service.in Makefile
	$(AM_V_GEN)$(MKDIR_P) $(@D) && sed -e 's|@bindir[@]|$(bindir)|g' $(srcdir)/$@.in > $@.tmp && mv $@.tmp $@
EXTRA_DIST += providers/sshfs/systemd/netrouter-restore.service.in
CLEANFILES += providers/sshfs/systemd/netrouter-restore.service
if NR_SYSTEMD_USER
systemduserunit_DATA += providers/sshfs/systemd/netrouter-restore.service
endif
