# bench/: micro-benchmarks of the router against direct calls.
#
#     make bench                      # full run, a minute or two
#     make bench BENCH_FLAGS=--quick  # a few seconds (scripts/test.sh)
#
# The programs and their two trivial plugins are built by `make check`, so
# they never rot, but they are not in TESTS: timings are not pass/fail.
# See bench/README.md.

# (-module spelled out so automake accepts names without a "lib" prefix)
check_LTLIBRARIES += bench/nr-bench-provider.la bench/nr-bench-notifier.la bench/nr-bench-provider-fs.la
bench_nr_bench_provider_la_SOURCES = bench/provider.c
bench_nr_bench_provider_fs_la_SOURCES = bench/provider-fs.c
bench_nr_bench_provider_fs_la_LDFLAGS = -module $(TEST_PLUGIN_LDFLAGS)
bench_nr_bench_provider_la_LDFLAGS = -module $(TEST_PLUGIN_LDFLAGS)
bench_nr_bench_notifier_la_SOURCES = bench/notifier.c
bench_nr_bench_notifier_la_LDFLAGS = -module $(TEST_PLUGIN_LDFLAGS)

BENCH_BINS = bench/dispatch bench/startup
check_PROGRAMS += $(BENCH_BINS)
BENCH_CPPFLAGS = $(AM_CPPFLAGS) -DBENCH_PLUGIN_DIR='"$(abs_top_builddir)/bench/.libs"'
bench_dispatch_SOURCES = bench/dispatch.c bench/bench.c bench/bench.h
bench_dispatch_CPPFLAGS = $(BENCH_CPPFLAGS) \
	-DBENCH_SYMLINK_DIR='"$(abs_top_builddir)/examples/provider-symlink/.libs"'
bench_dispatch_LDADD = router/libnetrouter.la
# Isolation: an isolated notifier's PRE+POST pairs against the same in process.
BENCH_BINS += bench/isolate
check_PROGRAMS += bench/isolate
bench_isolate_SOURCES = bench/isolate.c bench/bench.c bench/bench.h
bench_isolate_CPPFLAGS = $(BENCH_CPPFLAGS) \
	-DBENCH_PLUGIN_HOST='"$(abs_top_builddir)/router/host/netrouter-plugin-host"'
bench_isolate_LDADD = router/libnetrouter.la
bench_startup_SOURCES = bench/startup.c bench/bench.c bench/bench.h
bench_startup_CPPFLAGS = $(BENCH_CPPFLAGS)
bench_startup_LDADD = router/libnetrouter.la

# RAS: a whole dial against the emulator + slirp (public API only), and the
# AT phase through our modem layer against chat(8) on the same emulator.
BENCH_RAS_BINS = bench/ras-dial bench/ras-at
BENCH_BINS += $(BENCH_RAS_BINS)
check_PROGRAMS += $(BENCH_RAS_BINS)
bench_ras_dial_SOURCES = bench/ras-dial.c bench/ras-emu.c bench/ras-emu.h bench/bench.c bench/bench.h
bench_ras_dial_CPPFLAGS = $(BENCH_CPPFLAGS) -DBENCH_BUILDDIR='"$(abs_top_builddir)"'
bench_ras_dial_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la $(PTHREAD_LIBS)
bench_ras_at_SOURCES = bench/ras-at.c bench/bench.c bench/bench.h
bench_ras_at_CPPFLAGS = $(BENCH_CPPFLAGS) $(NR_COMMON_CPPFLAGS) -I$(NR_RAS_DIR)/port -I$(top_srcdir)/tests/ras
bench_ras_at_LDADD = tests/ras/libnrtest-modem.la $(NR_RAS_PORT_LIBS) router/libnetrouter.la $(PTHREAD_LIBS)

# The RAS phonebook loader at 10k, 20k and 100k entries (linear growth).
BENCH_BINS += bench/ras-phonebook
check_PROGRAMS += bench/ras-phonebook
bench_ras_phonebook_SOURCES = bench/ras-phonebook.c bench/bench.c bench/bench.h
bench_ras_phonebook_CPPFLAGS = $(BENCH_CPPFLAGS) $(NR_COMMON_CPPFLAGS) -I$(NR_RAS_DIR)/store -I$(top_srcdir)/tests/ras
bench_ras_phonebook_LDADD = tests/ras/libnrtest-pb.la $(NR_RAS_STORE_LIBS) router/libnetrouter.la

# The PPP layer's HDLC encoder and decoder alone, against memcpy and a byte scan.
BENCH_BINS += bench/ras-hdlc
check_PROGRAMS += bench/ras-hdlc
bench_ras_hdlc_SOURCES = bench/ras-hdlc.c bench/bench.c bench/bench.h
bench_ras_hdlc_CPPFLAGS = $(BENCH_CPPFLAGS) $(NR_COMMON_CPPFLAGS) -I$(NR_RAS_DIR)/ppp
bench_ras_hdlc_LDADD = $(NR_RAS_PPP_LIBS) router/libnetrouter.la

# The data path of a connected link: IPv4 through a pty pair framed by two
# PPP links (and a TUN interface, as root) against a raw copy of the same bytes.
BENCH_BINS += bench/ras-datapath
check_PROGRAMS += bench/ras-datapath
bench_ras_datapath_SOURCES = bench/ras-datapath.c bench/datapath.c bench/datapath.h bench/bench.c bench/bench.h
bench_ras_datapath_CPPFLAGS = $(BENCH_CPPFLAGS) $(NR_COMMON_CPPFLAGS) -I$(NR_RAS_DIR)/ppp -I$(NR_RAS_DIR)/dial
bench_ras_datapath_LDADD = $(NR_RAS_ENGINE_LIBS) router/libnetrouter.la $(PTHREAD_LIBS)

# The connection service's round trip: RasGetConnectStatus on a link that
# another process dialed, through netrouterd, against the same call in-process.
BENCH_BINS += bench/ras-service
check_PROGRAMS += bench/ras-service
bench_ras_service_SOURCES = bench/ras-service.c bench/ras-service-procs.c bench/ras-service.h bench/ras-emu.c bench/ras-emu.h bench/bench.c bench/bench.h
bench_ras_service_CPPFLAGS = $(BENCH_CPPFLAGS) -DBENCH_BUILDDIR='"$(abs_top_builddir)"'
bench_ras_service_LDADD = providers/ras/api/libnetrouter-ras.la router/libnetrouter.la $(PTHREAD_LIBS)

# The sshfs provider: mount + unmount through the router against sshfs and
# fusermount3 run directly on the same private sshd, and 64 MB read through
# a mount against scp (needs root and FUSE; says so and exits 0 otherwise).
BENCH_BINS += bench/sshfs-mount
check_PROGRAMS += bench/sshfs-mount
bench_sshfs_mount_SOURCES = bench/sshfs-mount.c bench/bench.c bench/bench.h
bench_sshfs_mount_CPPFLAGS = $(BENCH_CPPFLAGS) -DBENCH_BUILDDIR='"$(abs_top_builddir)"' \
	-DBENCH_SRCDIR='"$(abs_top_srcdir)"'
bench_sshfs_mount_LDADD = router/libnetrouter.la

EXTRA_DIST += bench/README.md

BENCH_FLAGS =
bench: $(BENCH_BINS) router/host/netrouter-plugin-host bench/nr-bench-provider.la bench/nr-bench-notifier.la bench/nr-bench-provider-fs.la \
       examples/provider-symlink/nr-symlink.la \
       tests/ras/modem-emu tests/ras/slirp-select-fix.la providers/ras/service/netrouterd \
       providers/sshfs/nr-sshfs.la
	@for p in $(BENCH_BINS); do \
	  ./$$p $(BENCH_FLAGS) || { echo "bench: $$p failed" >&2; exit 1; }; \
	done
.PHONY: bench
