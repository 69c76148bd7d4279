# providers/ras/service: netrouterd(8), the RAS connection service.  It owns
# the live links (through local/, the engine) and answers the clients of
# libnetrouter-ras over a Unix socket (proto/).  Sees local/, dial/ and what
# they expose, and proto/.
sbin_PROGRAMS += providers/ras/service/netrouterd
providers_ras_service_netrouterd_SOURCES = \
	providers/ras/service/service.h \
	providers/ras/service/service-main.c \
	providers/ras/service/service-loop.c \
	providers/ras/service/service-calls.c \
	providers/ras/service/service-dial.c \
	providers/ras/service/service-stale.c \
	providers/ras/service/service-out.c
providers_ras_service_netrouterd_CPPFLAGS = $(NR_RAS_SERVICE_CPPFLAGS)
providers_ras_service_netrouterd_LDADD = providers/ras/local/libnrras-local.la providers/ras/proto/libnrras-proto.la \
	$(NR_RAS_ENGINE_LIBS) router/libnetrouter.la $(JANSSON_LIBS) $(NETTLE_LIBS) $(PTHREAD_LIBS)

# systemd units: socket activation of the system instance and of the
# per-user one (configure --with-systemdsystemunitdir / --with-systemduserunitdir).
NR_UNIT_SUBST = sed -e 's|@sbindir[@]|$(sbindir)|g'
providers/ras/service/systemd/system/netrouterd.service: $(srcdir)/providers/ras/service/systemd/system/netrouterd.service.in Makefile
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(NR_UNIT_SUBST) $(srcdir)/$@.in > $@.tmp && mv $@.tmp $@
providers/ras/service/systemd/user/netrouterd.service: $(srcdir)/providers/ras/service/systemd/user/netrouterd.service.in Makefile
	$(AM_V_GEN)$(MKDIR_P) $(@D) && $(NR_UNIT_SUBST) $(srcdir)/$@.in > $@.tmp && mv $@.tmp $@
EXTRA_DIST += providers/ras/service/systemd/system/netrouterd.service.in \
	providers/ras/service/systemd/user/netrouterd.service.in
CLEANFILES += providers/ras/service/systemd/system/netrouterd.service \
	providers/ras/service/systemd/user/netrouterd.service
if NR_SYSTEMD_SYSTEM
systemdsystemunit_DATA = providers/ras/service/systemd/system/netrouterd.service
dist_systemdsystemunit_DATA = providers/ras/service/systemd/system/netrouterd.socket
endif
if NR_SYSTEMD_USER
systemduserunit_DATA = providers/ras/service/systemd/user/netrouterd.service
dist_systemduserunit_DATA = providers/ras/service/systemd/user/netrouterd.socket
endif
