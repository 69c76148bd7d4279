/*
 * test-sshfs-names.c - the sshfs provider's remote names (providers/sshfs/
 * names.c) and local names (mounts.c's normalisation): the three forms,
 * what each part may hold, the canonical form written back, what sshfs
 * is given to mount, and names of mounts made by hand.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cunit-main.h"
#include "mounts.h"
#include "names.h"

NRT_SUITE("sshfs-names");

static char canon[8192], source[8192];

/* Parses s, fills canon and source; the parse result. */
static DWORD parse(const char *s, sshfs_name *n)
{
    DWORD rc = sshfs_name_parse(s, n, NULL, 0);
    canon[0] = source[0] = '\0';
    if (rc == WN_SUCCESS) {
        NRT_TRUE(sshfs_name_format(n, canon, sizeof canon));
        NRT_TRUE(sshfs_name_source(n, source, sizeof source));
    }
    return rc;
}

NRT_TEST(owns_exactly_the_three_prefixes)
{
    NRT_TRUE(sshfs_name_owns("sshfs://h/"));
    NRT_TRUE(sshfs_name_owns("\\\\sshfs\\h"));
    NRT_TRUE(sshfs_name_owns("\\\\sshfs.r\\h"));
    NRT_FALSE(sshfs_name_owns("\\\\sshfsx\\h"));
    NRT_FALSE(sshfs_name_owns("link:/x"));
    NRT_FALSE(sshfs_name_owns("ssh://h/"));
    NRT_FALSE(sshfs_name_owns(NULL));
}

NRT_TEST(url_with_user_port_and_absolute_path)
{
    sshfs_name n;
    NRT_EQ(parse("sshfs://alice@build.example:2222/srv/data", &n), WN_SUCCESS);
    NRT_EQ(n.form, SSHFS_FORM_URL);
    NRT_EQ_STR(n.user, "alice");
    NRT_EQ_STR(n.host, "build.example");
    NRT_EQ(n.port, 2222u);
    NRT_EQ_STR(n.path, "/srv/data");
    NRT_EQ_STR(canon, "sshfs://alice@build.example:2222/srv/data");
    NRT_EQ_STR(source, "alice@build.example:/srv/data");
}

NRT_TEST(url_without_user_or_port_and_root_path)
{
    sshfs_name n;
    NRT_EQ(parse("sshfs://host/", &n), WN_SUCCESS);
    NRT_EQ_STR(n.user, "");
    NRT_EQ(n.port, 0u);
    NRT_EQ_STR(n.path, "/");
    NRT_EQ_STR(canon, "sshfs://host/");
    NRT_EQ_STR(source, "host:/");
}

NRT_TEST(url_with_bracketed_ipv6_address)
{
    sshfs_name n;
    NRT_EQ(parse("sshfs://[::1]:22/tmp", &n), WN_SUCCESS);
    NRT_EQ_STR(n.host, "::1");
    NRT_EQ(n.port, 22u);
    NRT_EQ_STR(canon, "sshfs://[::1]:22/tmp");
    NRT_EQ_STR(source, "[::1]:/tmp");
}

NRT_TEST(unc_home_form_is_relative_to_the_home_directory)
{
    sshfs_name n;
    NRT_EQ(parse("\\\\sshfs\\alice@build!2222\\src\\app", &n), WN_SUCCESS);
    NRT_EQ(n.form, SSHFS_FORM_HOME);
    NRT_EQ_STR(n.user, "alice");
    NRT_EQ_STR(n.host, "build");
    NRT_EQ(n.port, 2222u);
    NRT_EQ_STR(n.path, "src/app");
    NRT_EQ_STR(canon, "\\\\sshfs\\alice@build!2222\\src\\app");
    NRT_EQ_STR(source, "alice@build:src/app");
}

NRT_TEST(unc_home_form_without_path_is_the_home_itself)
{
    sshfs_name n;
    NRT_EQ(parse("\\\\sshfs\\build", &n), WN_SUCCESS);
    NRT_EQ_STR(n.path, "");
    NRT_EQ_STR(canon, "\\\\sshfs\\build");
    NRT_EQ_STR(source, "build:");
    NRT_EQ(parse("\\\\sshfs\\build\\", &n), WN_SUCCESS);
    NRT_EQ_STR(canon, "\\\\sshfs\\build");
}

NRT_TEST(unc_root_form_is_relative_to_slash)
{
    sshfs_name n;
    NRT_EQ(parse("\\\\sshfs.r\\bob@10.0.0.1\\var\\log", &n), WN_SUCCESS);
    NRT_EQ(n.form, SSHFS_FORM_ROOT);
    NRT_EQ_STR(n.path, "/var/log");
    NRT_EQ_STR(canon, "\\\\sshfs.r\\bob@10.0.0.1\\var\\log");
    NRT_EQ_STR(source, "bob@10.0.0.1:/var/log");
    NRT_EQ(parse("\\\\sshfs.r\\h", &n), WN_SUCCESS);
    NRT_EQ_STR(source, "h:/");
}

NRT_TEST(empty_and_dot_components_are_dropped)
{
    sshfs_name n;
    NRT_EQ(parse("sshfs://h//a/./b//", &n), WN_SUCCESS);
    NRT_EQ_STR(canon, "sshfs://h/a/b");
    NRT_EQ(parse("\\\\sshfs\\h\\\\a\\.\\b\\", &n), WN_SUCCESS);
    NRT_EQ_STR(canon, "\\\\sshfs\\h\\a\\b");
}

NRT_TEST(names_that_could_become_options_are_refused)
{
    sshfs_name n;
    NRT_EQ(parse("sshfs://-oProxyCommand=x/", &n), WN_BAD_NETNAME);
    NRT_EQ(parse("sshfs://-x@h/", &n), WN_BAD_NETNAME);
    NRT_EQ(parse("\\\\sshfs\\-F\\x", &n), WN_BAD_NETNAME);
    NRT_EQ(parse("\\\\sshfs\\a b@h", &n), WN_BAD_NETNAME);
    NRT_EQ(parse("sshfs://h;rm/", &n), WN_BAD_NETNAME);
}

NRT_TEST(bad_ports_and_shapes_are_refused_with_a_reason)
{
    sshfs_name n;
    char why[300];
    NRT_EQ(sshfs_name_parse("sshfs://h:0/", &n, why, sizeof why), WN_BAD_NETNAME);
    NRT_CONTAINS(why, "port");
    NRT_EQ(parse("sshfs://h:65536/", &n), WN_BAD_NETNAME);
    NRT_EQ(parse("sshfs://h:22x/", &n), WN_BAD_NETNAME);
    NRT_EQ(parse("\\\\sshfs\\h!", &n), WN_BAD_NETNAME);
    NRT_EQ(parse("\\\\sshfs\\", &n), WN_BAD_NETNAME);
    NRT_EQ(parse("sshfs://", &n), WN_BAD_NETNAME);
    NRT_EQ(parse("sshfs://@h/", &n), WN_BAD_NETNAME);
    NRT_EQ(sshfs_name_parse("link:/x", &n, why, sizeof why), WN_BAD_NETNAME);
    NRT_CONTAINS(why, "not an sshfs name");
    NRT_EQ(sshfs_name_parse("\\\\sshfs\\h\\a/b", &n, why, sizeof why), WN_BAD_NETNAME);
    NRT_CONTAINS(why, "'/'");
    NRT_EQ(parse("sshfs://h/a\nb", &n), WN_BAD_NETNAME);
}

NRT_TEST(separator_follows_the_form)
{
    sshfs_name n;
    NRT_EQ(parse("sshfs://h/x", &n), WN_SUCCESS);
    NRT_EQ(sshfs_name_separator(&n), '/');
    NRT_EQ(parse("\\\\sshfs\\h\\x", &n), WN_SUCCESS);
    NRT_EQ(sshfs_name_separator(&n), '\\');
}

NRT_TEST(mounts_made_by_hand_get_a_name)
{
    sshfs_name n;
    NRT_TRUE(sshfs_name_from_source("alice@h:/srv", &n));
    NRT_TRUE(sshfs_name_format(&n, canon, sizeof canon));
    NRT_EQ_STR(canon, "sshfs://alice@h/srv");
    NRT_TRUE(sshfs_name_from_source("h:work/x", &n));
    NRT_TRUE(sshfs_name_format(&n, canon, sizeof canon));
    NRT_EQ_STR(canon, "\\\\sshfs\\h\\work\\x");
    NRT_TRUE(sshfs_name_from_source("[::1]:/", &n));
    NRT_EQ_STR(n.host, "::1");
    NRT_FALSE(sshfs_name_from_source("/dev/sda1", &n));
    NRT_FALSE(sshfs_name_from_source("", &n));
}

/* The parent of remote (canonical), or "" when it has none; *host set. */
static const char *parent_of(const char *remote, bool *host)
{
    static char out[8192];
    sshfs_name n, up;
    *host = false;
    NRT_EQ(sshfs_name_parse(remote, &n, NULL, 0), WN_SUCCESS);
    out[0] = '\0';
    if (sshfs_name_parent(&n, &up, host))
        NRT_TRUE(sshfs_name_format(&up, out, sizeof out));
    return out;
}

NRT_TEST(parents_go_up_the_path_then_to_the_host)
{
    bool host;
    NRT_EQ_STR(parent_of("sshfs://alice@h:2222/a/b", &host), "sshfs://alice@h:2222/a");
    NRT_FALSE(host);
    NRT_EQ_STR(parent_of("sshfs://alice@h:2222/a", &host), "sshfs://alice@h:2222/");
    NRT_FALSE(host);
    NRT_EQ_STR(parent_of("sshfs://alice@h:2222/", &host), "\\\\sshfs\\alice@h!2222");
    NRT_TRUE(host);
    NRT_EQ_STR(parent_of("\\\\sshfs\\h\\w\\x", &host), "\\\\sshfs\\h\\w");
    NRT_EQ_STR(parent_of("\\\\sshfs\\h\\w", &host), "\\\\sshfs\\h");
    NRT_TRUE(host);
    NRT_EQ_STR(parent_of("\\\\sshfs.r\\h\\etc", &host), "\\\\sshfs.r\\h");
    NRT_FALSE(host);
    NRT_EQ_STR(parent_of("\\\\sshfs.r\\h", &host), "\\\\sshfs\\h");
    NRT_TRUE(host);
    NRT_EQ_STR(parent_of("\\\\sshfs\\h", &host), ""); /* the host: the network is above it */
}

NRT_TEST(local_names_are_normalised_by_text_alone)
{
    char out[4096], cwd[4096], want[4200];
    NRT_TRUE(sshfs_local_normalize("/a//b/./c/", out, sizeof out));
    NRT_EQ_STR(out, "/a/b/c");
    NRT_TRUE(sshfs_local_normalize("/a/b/../c", out, sizeof out));
    NRT_EQ_STR(out, "/a/c");
    NRT_TRUE(sshfs_local_normalize("/..", out, sizeof out));
    NRT_EQ_STR(out, "/");
    NRT_TRUE(getcwd(cwd, sizeof cwd) != NULL);
    NRT_TRUE(sshfs_local_normalize("x/y", out, sizeof out));
    snprintf(want, sizeof want, "%s/x/y", strcmp(cwd, "/") ? cwd : "");
    NRT_EQ_STR(out, want);
    NRT_FALSE(sshfs_local_normalize("", out, sizeof out));
    NRT_FALSE(sshfs_local_normalize(NULL, out, sizeof out));
}
