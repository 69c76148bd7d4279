# docs/: manual pages (installed) and design notes (distributed only).
dist_man_MANS += \
	docs/netrouter-phonebook.5 \
	docs/rasdial.1 \
	docs/netrouterd.8 \
	docs/netrouter-dispatcher.8 \
	docs/libnetrouter-ras.3 \
	docs/netrouter.1 \
	docs/netrouter-manifest.5 \
	docs/netrouter-policy.5 \
	docs/libnetrouter.3 \
	docs/netrouter-plugin.7 \
	docs/netrouter-plugin-host.8 \
	docs/netrouter-win.7 \
	docs/netrouter-sshfs.7

# Section 3: a page per public function and plugin entry point, and the
# examples they show, compiled and run by `make check`.
include $(srcdir)/docs/man3/local.mk
include $(srcdir)/docs/examples/local.mk

dist_noinst_DATA += \
	docs/architecture.md \
	docs/design.md \
	docs/libraries.md \
	docs/service.md \
	docs/research/slirp-ppp-peer.md

# scripts/ and .ci/ have no fragment of their own; they are distributed
# from here so that `make distcheck` ships the README's two commands.
dist_noinst_SCRIPTS += \
	scripts/install-deps.sh \
	scripts/demo.sh \
	scripts/test.sh \
	scripts/valgrind-check.sh \
	scripts/fuzz.sh \
	.ci/run
dist_noinst_DATA += scripts/common.sh

# Used by scripts/valgrind-check.sh: the test programs (not scripts) of TESTS.
print-check-programs:
	@for t in $(TESTS); do for p in $(check_PROGRAMS); do \
	  test "x$$t" = "x$$p" && echo "$$t"; done; done; :
.PHONY: print-check-programs

# Lints the manual pages (groff prints nothing for a clean page).  A page
# that is only ".so man3/OTHER.3" is a link, resolved by man from the top of
# the manual tree: its target must exist (and is linted itself).
check-man:
	@rc=0; for p in $(dist_man_MANS); do \
	  so=`sed -n '1s/^\.so //p' $(srcdir)/$$p`; \
	  if test -n "$$so"; then \
	    test -f "$(srcdir)/docs/$$so" || { echo "$$p: .so $$so: no such page"; rc=1; }; \
	    continue; \
	  fi; \
	  out=`LC_ALL=C.UTF-8 groff -man -ww -z -K utf8 $(srcdir)/$$p 2>&1`; \
	  if test -n "$$out"; then echo "$$p:"; echo "$$out"; rc=1; fi; \
	done; exit $$rc
.PHONY: check-man

