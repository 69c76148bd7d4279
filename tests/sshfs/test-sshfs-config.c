/*
 * test-sshfs-config.c - the sshfs provider's manifest "config"
 * (providers/sshfs/settings.c): the defaults, every key, and what is refused
 * (with a sentence naming the key).
 */
#include "config.h"

#include <string.h>

#include "cunit-main.h"
#include "settings.h"

NRT_SUITE("sshfs-config");

static char why[600];

NRT_TEST(defaults_check_host_keys_and_keep_the_connection_alive)
{
    sshfs_config c;
    sshfs_config_defaults(&c);
    NRT_FALSE(c.accept_new);
    NRT_EQ(c.server_alive_interval, 15u);
    NRT_EQ(c.server_alive_count_max, 3u);
    NRT_EQ(c.connect_timeout, 10u);
    NRT_TRUE(c.reconnect);
    NRT_EQ(c.mount_timeout, 30u);
    NRT_EQ(c.unmount_timeout, 10u);
    NRT_EQ_STR(c.idmap, "user");
    NRT_NULL(c.ssh_config);
    NRT_EQ(c.n_options, 0u);
}

NRT_TEST(an_empty_or_absent_config_is_the_defaults)
{
    sshfs_config c;
    sshfs_config_defaults(&c);
    NRT_EQ(sshfs_config_parse("{}", &c, why, sizeof why), WN_SUCCESS);
    NRT_EQ(c.server_alive_interval, 15u);
    NRT_EQ(sshfs_config_parse(NULL, &c, why, sizeof why), WN_SUCCESS);
    sshfs_config_free(&c);
}

NRT_TEST(every_key_is_read)
{
    sshfs_config c;
    sshfs_config_defaults(&c);
    NRT_EQ(sshfs_config_parse("{\"host_keys\": \"accept-new\", \"server_alive_interval\": 5, "
                              "\"server_alive_count_max\": 2, \"connect_timeout\": 4, \"reconnect\": false, "
                              "\"mount_timeout\": 9, \"unmount_timeout\": 3, \"idmap\": \"none\", "
                              "\"ssh_config\": \"/etc/x\", \"options\": [\"cache=no\", \"max_conns=2\"]}",
                              &c, why, sizeof why),
           WN_SUCCESS);
    NRT_TRUE(c.accept_new);
    NRT_EQ(c.server_alive_interval, 5u);
    NRT_EQ(c.server_alive_count_max, 2u);
    NRT_EQ(c.connect_timeout, 4u);
    NRT_FALSE(c.reconnect);
    NRT_EQ(c.mount_timeout, 9u);
    NRT_EQ(c.unmount_timeout, 3u);
    NRT_EQ_STR(c.idmap, "none");
    NRT_EQ_STR(c.ssh_config, "/etc/x");
    NRT_EQ(c.n_options, 2u);
    NRT_EQ_STR(c.options[1], "max_conns=2");
    sshfs_config_free(&c);
}

static void refused(const char *json, const char *names)
{
    sshfs_config c;
    sshfs_config_defaults(&c);
    why[0] = '\0';
    NRT_EQ(sshfs_config_parse(json, &c, why, sizeof why), WN_BAD_VALUE);
    NRT_CONTAINS(why, names);
}

NRT_TEST(bad_values_are_refused_naming_the_key)
{
    refused("{\"host_keys\": \"no\"}", "host_keys");
    refused("{\"server_alive_interval\": -1}", "server_alive_interval");
    refused("{\"server_alive_count_max\": 0}", "server_alive_count_max");
    refused("{\"connect_timeout\": \"10\"}", "connect_timeout");
    refused("{\"reconnect\": 1}", "reconnect");
    refused("{\"idmap\": \"file\"}", "idmap");
    refused("{\"ssh_config\": \"relative\"}", "ssh_config");
    refused("{\"options\": \"cache=no\"}", "options");
    refused("[]", "object");
    refused("{", "JSON");
}

NRT_TEST(unknown_keys_are_refused_listing_the_known_ones)
{
    refused("{\"host_key\": \"strict\"}", "host_keys");
}

NRT_TEST(options_that_would_undo_the_providers_guarantees_are_refused)
{
    refused("{\"options\": [\"StrictHostKeyChecking=no\"]}", "options");
    refused("{\"options\": [\"password_stdin\"]}", "options");
    refused("{\"options\": [\"ssh_command=evil\"]}", "options");
    refused("{\"options\": [\"a,b\"]}", "options");
}
