# tests/fuzz: the libFuzzer targets (tests/fuzz/README.md).
#
# They are built only in a build directory configured with
#     CC=clang ../configure --enable-fuzzing
# (scripts/fuzz.sh makes and uses _build-fuzz), where everything is compiled
# with ASan, UBSan and libFuzzer's coverage instrumentation.  There
#     make fuzz [FUZZ_SECONDS=30] [FUZZ_TARGETS='tests/fuzz/fuzz-hdlc ...']
# runs each target for FUZZ_SECONDS from its seed corpus and fails on any
# crash, leak, timeout or broken promise, printing the reproducer.
#
# The targets link the convenience libraries, never the shared ones: a
# harness may call a library's internal functions (hidden in the .so), and
# the programs are plain executables (no libtool wrapper) that libFuzzer can
# run and re-run as they are.
FUZZ_ALL_TARGETS = \
	tests/fuzz/fuzz-manifest \
	tests/fuzz/fuzz-phonebook \
	tests/fuzz/fuzz-store \
	tests/fuzz/fuzz-modem \
	tests/fuzz/fuzz-hdlc \
	tests/fuzz/fuzz-ppp-link \
	tests/fuzz/fuzz-proto \
	tests/fuzz/fuzz-ipc
FUZZ_TARGETS = $(FUZZ_ALL_TARGETS)
FUZZ_SECONDS = 30

if FUZZING
noinst_PROGRAMS += $(FUZZ_ALL_TARGETS) tests/fuzz/gen-seeds
noinst_LTLIBRARIES += tests/fuzz/libnetrouter-fuzz.la
endif

# libnetrouter once more, as a convenience library (same sources and flags).
tests_fuzz_libnetrouter_fuzz_la_SOURCES = $(router_libnetrouter_la_SOURCES)
tests_fuzz_libnetrouter_fuzz_la_CPPFLAGS = $(router_libnetrouter_la_CPPFLAGS)
tests_fuzz_libnetrouter_fuzz_la_CFLAGS = $(router_libnetrouter_la_CFLAGS)
tests_fuzz_libnetrouter_fuzz_la_LIBADD = $(router_libnetrouter_la_LIBADD)

FUZZ_UTIL = tests/fuzz/fuzz-util.h tests/fuzz/fuzz-util.c
FUZZ_ROUTER_LDADD = tests/fuzz/libnetrouter-fuzz.la $(JANSSON_LIBS) $(LTDL_LIBS) $(PTHREAD_LIBS)
FUZZ_RAS_CPPFLAGS = $(NR_RAS_API_CPPFLAGS)
FUZZ_RAS_LDADD = $(NR_RAS_ENGINE_LIBS) $(JANSSON_LIBS) $(NETTLE_LIBS) $(PTHREAD_LIBS)

tests_fuzz_fuzz_manifest_SOURCES = tests/fuzz/fuzz-manifest.c $(FUZZ_UTIL)
tests_fuzz_fuzz_manifest_CPPFLAGS = $(AM_CPPFLAGS) $(NR_COMMON_CPPFLAGS) -I$(top_srcdir)/router/lib
tests_fuzz_fuzz_manifest_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS)
tests_fuzz_fuzz_manifest_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LDFLAGS)
tests_fuzz_fuzz_manifest_LDADD = $(FUZZ_ROUTER_LDADD)

tests_fuzz_fuzz_store_SOURCES = tests/fuzz/fuzz-store.c $(FUZZ_UTIL)
tests_fuzz_fuzz_store_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LDFLAGS)
tests_fuzz_fuzz_store_LDADD = $(FUZZ_ROUTER_LDADD)

tests_fuzz_fuzz_phonebook_SOURCES = tests/fuzz/fuzz-phonebook.c $(FUZZ_UTIL)
tests_fuzz_fuzz_phonebook_CPPFLAGS = $(FUZZ_RAS_CPPFLAGS)
tests_fuzz_fuzz_phonebook_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LDFLAGS)
tests_fuzz_fuzz_phonebook_LDADD = $(FUZZ_RAS_LDADD)

tests_fuzz_fuzz_modem_SOURCES = tests/fuzz/fuzz-modem.c $(FUZZ_UTIL)
tests_fuzz_fuzz_modem_CPPFLAGS = $(FUZZ_RAS_CPPFLAGS)
tests_fuzz_fuzz_modem_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LDFLAGS)
tests_fuzz_fuzz_modem_LDADD = $(FUZZ_RAS_LDADD)

tests_fuzz_fuzz_hdlc_SOURCES = tests/fuzz/fuzz-hdlc.c $(FUZZ_UTIL)
tests_fuzz_fuzz_hdlc_CPPFLAGS = $(FUZZ_RAS_CPPFLAGS)
tests_fuzz_fuzz_hdlc_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LDFLAGS)
tests_fuzz_fuzz_hdlc_LDADD = $(FUZZ_RAS_LDADD)

tests_fuzz_fuzz_ppp_link_SOURCES = tests/fuzz/fuzz-ppp-link.c tests/fuzz/fuzz-ppp-ops.h $(FUZZ_UTIL)
tests_fuzz_fuzz_ppp_link_CPPFLAGS = $(FUZZ_RAS_CPPFLAGS)
tests_fuzz_fuzz_ppp_link_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LDFLAGS)
tests_fuzz_fuzz_ppp_link_LDADD = $(FUZZ_RAS_LDADD)

# The router-host protocol of isolated plugins (router/common/ipc.h).
tests_fuzz_fuzz_ipc_SOURCES = tests/fuzz/fuzz-ipc.c $(FUZZ_UTIL)
tests_fuzz_fuzz_ipc_CPPFLAGS = $(AM_CPPFLAGS) $(NR_COMMON_CPPFLAGS)
tests_fuzz_fuzz_ipc_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LDFLAGS)
tests_fuzz_fuzz_ipc_LDADD = router/common/libnrcommon.la

tests_fuzz_fuzz_proto_SOURCES = tests/fuzz/fuzz-proto.c $(FUZZ_UTIL)
tests_fuzz_fuzz_proto_CPPFLAGS = $(NR_RAS_PROTO_CPPFLAGS) -I$(NR_RAS_DIR)/proto
tests_fuzz_fuzz_proto_LDFLAGS = $(AM_LDFLAGS) $(FUZZ_LDFLAGS)
tests_fuzz_fuzz_proto_LDADD = $(NR_RAS_PROTO_LIBS)

# Writes the binary seeds of fuzz-ppp-link, fuzz-hdlc and fuzz-proto (the committed ones come from it):
#     tests/fuzz/gen-seeds $(srcdir)/tests/fuzz/corpus
tests_fuzz_gen_seeds_SOURCES = tests/fuzz/gen-seeds.c tests/fuzz/fuzz-ppp-ops.h
tests_fuzz_gen_seeds_CPPFLAGS = $(FUZZ_RAS_CPPFLAGS) -I$(NR_RAS_DIR)/proto
tests_fuzz_gen_seeds_LDADD = providers/ras/proto/libnrras-proto.la $(FUZZ_RAS_LDADD)

# Seeds, dictionaries and the runner travel with the sources.
EXTRA_DIST += tests/fuzz/README.md tests/fuzz/corpus tests/fuzz/dict
dist_noinst_SCRIPTS += tests/fuzz/run.sh

if FUZZING
fuzz: $(FUZZ_TARGETS)
	@$(SHELL) $(srcdir)/tests/fuzz/run.sh --seconds '$(FUZZ_SECONDS)' --srcdir '$(srcdir)' \
	  --workdir '$(abs_top_builddir)/tests/fuzz' $(FUZZ_TARGETS)
else
fuzz:
	@echo "make fuzz: this build directory was configured without --enable-fuzzing." >&2
	@echo "Run scripts/fuzz.sh, or configure another directory with: CC=clang ../configure --enable-fuzzing" >&2
	@exit 1
endif
.PHONY: fuzz
