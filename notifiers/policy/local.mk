# notifiers/policy: the "policy" notifier plugin (nr-policy.so), its
# manifest, and the rules library it shares with `netrouter policy check`.
#
#   rules/   reading and validating the rule files, deciding (policy.h);
#            sees router/common (safe file reading, JSON positions, "did
#            you mean") and the C library, never the router
#   plugin.c the notifier: the public SDK and rules/policy.h only
#
# The rules' default directory is $(sysconfdir)/netrouter/policy.d.
noinst_LTLIBRARIES += notifiers/policy/rules/libnrpolicy.la
notifiers_policy_rules_libnrpolicy_la_SOURCES = \
	notifiers/policy/rules/policy.h \
	notifiers/policy/rules/rules-internal.h \
	notifiers/policy/rules/config.c \
	notifiers/policy/rules/subject.c \
	notifiers/policy/rules/rulefile.c \
	notifiers/policy/rules/match.c \
	notifiers/policy/rules/ruleset.c
notifiers_policy_rules_libnrpolicy_la_CPPFLAGS = $(NR_ROUTER_CPPFLAGS) $(NR_COMMON_CPPFLAGS) \
	-DNR_SYSCONFDIR='"$(sysconfdir)"'
notifiers_policy_rules_libnrpolicy_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden $(JANSSON_CFLAGS)
# What a user of the rules library adds to its CPPFLAGS and LIBADD (the
# library holds its own objects only, as the RAS layers do: a user that
# links router/common already lists libnrpolicy.la before it instead).
NR_POLICY_CPPFLAGS = -I$(top_srcdir)/notifiers/policy/rules
NR_POLICY_LIBS = notifiers/policy/rules/libnrpolicy.la router/common/libnrcommon.la $(JANSSON_LIBS)

plugin_LTLIBRARIES += notifiers/policy/nr-policy.la
notifiers_policy_nr_policy_la_SOURCES = notifiers/policy/plugin.c
notifiers_policy_nr_policy_la_CPPFLAGS = -I$(top_srcdir)/router/include $(NR_POLICY_CPPFLAGS)
notifiers_policy_nr_policy_la_CFLAGS = $(AM_CFLAGS) -fvisibility=hidden
notifiers_policy_nr_policy_la_LIBADD = $(NR_POLICY_LIBS) $(PTHREAD_LIBS)
notifiers_policy_nr_policy_la_LDFLAGS = -module $(PLUGIN_LDFLAGS) -no-undefined

dist_manifest_DATA += notifiers/policy/policy.json
# (No build-plugins.d copy: the demo and the embedding example run without
# a policy; tests/policy/policy.test writes its own manifest.)
