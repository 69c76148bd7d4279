/*
 * test-ras-dial-config.c - what a phonebook entry makes of a PPP link's
 * configuration (nr_dial_ppp_config, providers/ras/dial/dial-ppp.c): the
 * authentication protocols it allows, the MRU, the LCP keepalive, the
 * overall timeout, the credentials of RASDIALPARAMS, and the link's own
 * defaults wherever the entry says nothing.
 */
#include "config.h"

#include <string.h>

#include "cunit-main.h"
#include "dial.h"

NRT_SUITE("ras-dial-config");

/* An entry that says nothing: every field zero, as the phonebook leaves the
 * keys nobody wrote. */
static nr_pb_entry silent_entry(void)
{
    nr_pb_entry e;
    memset(&e, 0, sizeof e);
    return e;
}

NRT_TEST(an_entry_that_says_nothing_keeps_the_link_defaults)
{
    nr_pb_entry e = silent_entry();
    nr_ppp_link_config cfg, defaults;

    nr_ppp_link_config_init(&defaults);
    nr_dial_ppp_config(&cfg, &e, "alice", "s3cret");
    NRT_TRUE(cfg.allow_pap);
    NRT_TRUE(cfg.allow_chap);
    NRT_TRUE(cfg.allow_mschapv2);
    NRT_EQ(cfg.mru, defaults.mru);
    NRT_EQ(cfg.echo_interval_ms, 0u);
    NRT_EQ(cfg.echo_failures, defaults.echo_failures);
    NRT_EQ(cfg.timeout_ms, defaults.timeout_ms);
    NRT_EQ(cfg.request_dns, defaults.request_dns);
}

NRT_TEST(no_entry_at_all_gives_the_defaults_and_the_credentials)
{
    nr_ppp_link_config cfg, defaults;

    nr_ppp_link_config_init(&defaults);
    nr_dial_ppp_config(&cfg, NULL, "alice", "s3cret");
    NRT_EQ_STR(cfg.user, "alice");
    NRT_EQ_STR(cfg.password, "s3cret");
    NRT_EQ(cfg.mru, defaults.mru);
    NRT_EQ(cfg.timeout_ms, defaults.timeout_ms);
    NRT_TRUE(cfg.allow_pap && cfg.allow_chap && cfg.allow_mschapv2);
}

NRT_TEST(the_credentials_come_from_the_dial_parameters)
{
    nr_pb_entry e = silent_entry();
    nr_ppp_link_config cfg;

    nr_dial_ppp_config(&cfg, &e, "bob", "hunter2");
    NRT_EQ_STR(cfg.user, "bob");
    NRT_EQ_STR(cfg.password, "hunter2");
}

NRT_TEST(auth_pap_allows_only_pap)
{
    nr_pb_entry e = silent_entry();
    nr_ppp_link_config cfg;

    e.auth = NR_PB_AUTH_PAP;
    nr_dial_ppp_config(&cfg, &e, "", "");
    NRT_TRUE(cfg.allow_pap);
    NRT_FALSE(cfg.allow_chap);
    NRT_FALSE(cfg.allow_mschapv2);
}

NRT_TEST(auth_chap_allows_only_chap_md5)
{
    nr_pb_entry e = silent_entry();
    nr_ppp_link_config cfg;

    e.auth = NR_PB_AUTH_CHAP;
    nr_dial_ppp_config(&cfg, &e, "", "");
    NRT_FALSE(cfg.allow_pap);
    NRT_TRUE(cfg.allow_chap);
    NRT_FALSE(cfg.allow_mschapv2);
}

NRT_TEST(auth_mschapv2_allows_only_mschapv2)
{
    nr_pb_entry e = silent_entry();
    nr_ppp_link_config cfg;

    e.auth = NR_PB_AUTH_MSCHAPV2;
    nr_dial_ppp_config(&cfg, &e, "", "");
    NRT_FALSE(cfg.allow_pap);
    NRT_FALSE(cfg.allow_chap);
    NRT_TRUE(cfg.allow_mschapv2);
}

NRT_TEST(the_mru_is_the_entrys_and_at_most_65535)
{
    nr_pb_entry e = silent_entry();
    nr_ppp_link_config cfg;

    e.mru = 576;
    nr_dial_ppp_config(&cfg, &e, "", "");
    NRT_EQ(cfg.mru, 576);
    e.mru = 100000;
    nr_dial_ppp_config(&cfg, &e, "", "");
    NRT_EQ(cfg.mru, 65535);
}

NRT_TEST(the_keepalive_is_the_entrys_interval_in_milliseconds_and_failure_count)
{
    nr_pb_entry e = silent_entry();
    nr_ppp_link_config cfg;

    e.lcp_echo_interval_s = 30;
    e.lcp_echo_failures = 4;
    nr_dial_ppp_config(&cfg, &e, "", "");
    NRT_EQ(cfg.echo_interval_ms, 30000u);
    NRT_EQ(cfg.echo_failures, 4u);
}

NRT_TEST(the_ppp_timeout_is_the_entrys)
{
    nr_pb_entry e = silent_entry();
    nr_ppp_link_config cfg;

    e.ppp_timeout_ms = 1234;
    nr_dial_ppp_config(&cfg, &e, "", "");
    NRT_EQ(cfg.timeout_ms, 1234u);
}
