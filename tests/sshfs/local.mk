# tests/sshfs: the sshfs provider. test-sshfs-names checks its names with
# the provider's own names.c and mounts.c compiled in; sshfs.test mounts for
# real against a private sshd on 127.0.0.1 (as root and as a user it
# creates; it skips, exit 77, when not root or without sshfs, sshd or FUSE).
check_PROGRAMS += tests/sshfs/test-sshfs-names tests/sshfs/test-sshfs-config tests/sshfs/sshfs-query
TESTS += tests/sshfs/test-sshfs-names tests/sshfs/test-sshfs-config tests/sshfs/sshfs.test
tests_sshfs_test_sshfs_names_SOURCES = tests/sshfs/test-sshfs-names.c \
	providers/sshfs/names.c providers/sshfs/names.h providers/sshfs/mounts.c providers/sshfs/mounts.h
tests_sshfs_test_sshfs_names_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/providers/sshfs -I$(top_srcdir)/tests \
	$(CUNIT_CFLAGS)
tests_sshfs_test_sshfs_names_LDADD = $(NR_TEST_RUNNER)
tests_sshfs_test_sshfs_config_SOURCES = tests/sshfs/test-sshfs-config.c \
	providers/sshfs/settings.c providers/sshfs/settings.h
tests_sshfs_test_sshfs_config_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/providers/sshfs -I$(top_srcdir)/tests $(CUNIT_CFLAGS) $(JANSSON_CFLAGS)
tests_sshfs_test_sshfs_config_LDADD = $(NR_TEST_RUNNER) $(JANSSON_LIBS)
tests_sshfs_sshfs_query_SOURCES = tests/sshfs/sshfs-query.c
tests_sshfs_sshfs_query_LDADD = -ldl
dist_noinst_SCRIPTS += tests/sshfs/sshfs.test examples/sshfs-demo.sh
EXTRA_DIST += tests/sshfs/sshd-env.sh
