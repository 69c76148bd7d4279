/*
 * test-dispatch.c - docs/design.md section 4, rules 1 to 4: argument validation,
 * PRE notifications, provider routing, POST notifications and retries, for
 * nr_add_connection() and nr_cancel_connection().
 *
 * Each test builds its own plugin set from the scriptable fixtures and reads
 * back, from the shared record file, the exact sequence of calls the router
 * made (testutil.h: nrt_trace).
 */
#include "config.h"

#include <string.h>

#include "testutil.h"

NRT_SUITE("dispatch", .setup = nrt_fixtures_found);

static DWORD add(nr_router *r, const char *local, const char *remote, DWORD flags)
{
    NETRESOURCE res = nrt_res(local, remote);
    return nr_add_connection(r, NULL, &res, NULL, NULL, flags);
}

static DWORD add_via(nr_router *r, const char *remote, const char *provider)
{
    NETRESOURCE res = nrt_res(NULL, remote);
    res.lpProvider = (char *)provider;
    return nr_add_connection(r, NULL, &res, NULL, NULL, 0);
}

/* ---- rule 1: validation before any notification ---------------------------------- */

NRT_TEST(add_without_resource_fails_without_notification)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_provider(env, "p1", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    DWORD rc = nr_add_connection(r, NULL, NULL, NULL, NULL, 0);
    NRT_TRUE(rc == WN_BAD_VALUE || rc == WN_BAD_POINTER);
    NRT_EQ_STR(nrt_records(env), "");
    nrt_env_free(env);
}

NRT_TEST(add_without_remote_name_fails_without_notification)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_provider(env, "p1", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    DWORD rc = add(r, "/mnt/a", NULL, 0);
    NRT_TRUE(rc == WN_BAD_VALUE || rc == WN_BAD_POINTER || rc == WN_BAD_NETNAME);
    rc = add(r, "/mnt/a", "", 0);
    NRT_TRUE(rc == WN_BAD_VALUE || rc == WN_BAD_NETNAME);
    NRT_EQ_STR(nrt_records(env), "");
    nrt_env_free(env);
}

NRT_TEST(add_with_unknown_flags_is_bad_value_without_notification)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_provider(env, "p1", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0x00100000u), WN_BAD_VALUE);
    NRT_EQ_STR(nrt_records(env), "");
    nrt_env_free(env);
}

NRT_TEST(add_with_unknown_resource_type_fails_without_notification)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_provider(env, "p1", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NETRESOURCE res = nrt_res(NULL, "fx:a");
    res.dwType = 7;
    DWORD rc = nr_add_connection(r, NULL, &res, NULL, NULL, 0);
    NRT_TRUE(rc == WN_BAD_VALUE || rc == WN_BAD_DEV_TYPE);
    NRT_EQ_STR(nrt_records(env), "");
    nrt_env_free(env);
}

NRT_TEST(add_on_null_router_is_rejected)
{
    NETRESOURCE res = nrt_res(NULL, "fx:a");
    DWORD rc = nr_add_connection(NULL, NULL, &res, NULL, NULL, 0);
    NRT_TRUE(rc == WN_BAD_VALUE || rc == WN_BAD_POINTER);
    rc = nr_cancel_connection(NULL, "fx:a", 0, FALSE);
    NRT_TRUE(rc == WN_BAD_VALUE || rc == WN_BAD_POINTER);
}

NRT_TEST(cancel_without_name_fails_without_notification)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_provider(env, "p1", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    DWORD rc = nr_cancel_connection(r, NULL, 0, FALSE);
    NRT_TRUE(rc == WN_BAD_VALUE || rc == WN_BAD_POINTER);
    rc = nr_cancel_connection(r, "", 0, FALSE);
    NRT_TRUE(rc == WN_BAD_VALUE || rc == WN_BAD_NETNAME || rc == WN_NOT_CONNECTED);
    NRT_EQ_STR(nrt_records(env), "");
    nrt_env_free(env);
}

NRT_TEST(cancel_with_unknown_flags_is_bad_value_without_notification)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_provider(env, "p1", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(nr_cancel_connection(r, "fx:a", 0x00100000u, FALSE), WN_BAD_VALUE);
    NRT_EQ_STR(nrt_records(env), "");
    nrt_env_free(env);
}

/* ---- rule 2: PRE ----------------------------------------------------------------------- */

NRT_TEST(pre_runs_in_ascending_order_then_name)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "nb", 20, NULL, "\"no_context\": true");
    nrt_notifier(env, "nz", 10, NULL, "\"no_context\": true");
    nrt_notifier(env, "na", 20, NULL, "\"no_context\": true");
    nrt_provider(env, "p1", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, ""), "nz add pre | na add pre | nb add pre | p1 NPAddConnection3");
    nrt_env_free(env);
}

NRT_TEST(pre_gets_success_status_and_null_context)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_notifier(env, "n2", 20, NULL, NULL);
    nrt_provider(env, "p1", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_SUCCESS);
    NRT_EQ_CODE(add(r, NULL, "fx:b", 0), WN_SUCCESS);
    NRT_EQ(nrt_count(env, "add pre status=0"), 4);
    NRT_EQ(nrt_count(env, "add pre"), 4);
    NRT_NOT_CONTAINS(nrt_records(env), "ctx=888888"); /* a non-NULL context on entry */
    nrt_env_free(env);
}

NRT_TEST(pre_sees_the_request)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_provider(env, "p1", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", CONNECT_INTERACTIVE), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, "name,local,provider,flags"),
               "n1 add pre name=fx:a local=/mnt/a provider=(null) flags=8 | "
               "p1 NPAddConnection3 name=fx:a local=/mnt/a flags=8 provider=(null) | "
               "n1 add post name=fx:a local=/mnt/a provider=p1 flags=8");
    nrt_env_free(env);
}

NRT_TEST(notifier_leaving_null_context_gets_no_post)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, "\"no_context\": true");
    nrt_notifier(env, "n2", 20, NULL, NULL);
    nrt_provider(env, "p1", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, ""), "n1 add pre | n2 add pre | p1 NPAddConnection3 | n2 add post");
    nrt_env_free(env);
}

NRT_TEST(veto_stops_providers_and_returns_the_veto_code)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, "\"pre\": 5");
    nrt_provider(env, "p1", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_ACCESS_DENIED);
    NRT_EQ(nrt_count(env, "p1"), 0);
    nrt_env_free(env);
}

NRT_TEST(veto_with_wn_cancel_stays_wn_cancel)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, "\"pre\": 1223");
    nrt_provider(env, "p1", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_CANCEL);
    NRT_EQ(nrt_count(env, "p1"), 0);
    nrt_env_free(env);
}

NRT_TEST(vetoing_notifier_gets_no_post)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, "\"pre\": 1223"); /* sets a context and vetoes */
    nrt_provider(env, "p1", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_CANCEL);
    NRT_EQ_STR(nrt_trace(env, "ret"), "n1 add pre ret=1223");
    nrt_env_free(env);
}

NRT_TEST(veto_posts_earlier_notifiers_with_the_veto_code)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_notifier(env, "n2", 20, NULL, NULL);
    nrt_notifier(env, "n3", 30, NULL, "\"pre\": 5");
    nrt_notifier(env, "n4", 40, NULL, NULL);
    nrt_provider(env, "p1", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_ACCESS_DENIED);
    NRT_EQ_STR(nrt_trace(env, "status"), "n1 add pre status=0 | n2 add pre status=0 | n3 add pre status=0 | "
                                         "n2 add post status=5 | n1 add post status=5");
    nrt_env_free(env);
}

NRT_TEST(veto_posts_only_earlier_notifiers_holding_a_context)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, "\"no_context\": true");
    nrt_notifier(env, "n2", 20, NULL, NULL);
    nrt_notifier(env, "n3", 30, NULL, "\"pre\": 1223");
    nrt_provider(env, "p1", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_CANCEL);
    NRT_EQ_STR(nrt_trace(env, "status"),
               "n1 add pre status=0 | n2 add pre status=0 | n3 add pre status=0 | n2 add post status=1223");
    nrt_env_free(env);
}

/* ---- rule 3: providers ------------------------------------------------------------------- */

NRT_TEST(named_provider_is_the_only_one_called)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nrt_provider(env, "pb", 20, NULL, NULL);
    nrt_provider(env, "pc", 30, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add_via(r, "fx:a", "pb"), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, "provider"), "pb NPAddConnection3 provider=pb");
    nrt_env_free(env);
}

NRT_TEST(pre_names_the_provider_the_caller_named)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_provider(env, "pa", 10, NULL, NULL);
    nrt_provider(env, "pb", 20, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add_via(r, "fx:a", "pb"), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, "provider"), "n1 add pre provider=pb | pb NPAddConnection3 provider=pb | "
                                           "n1 add post provider=pb");
    nrt_env_free(env);
}

NRT_TEST(named_provider_failure_is_not_passed_on)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, "\"prefix\": \"a:\"");
    nrt_provider(env, "pb", 20, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add_via(r, "b:x", "pa"), WN_BAD_NETNAME);
    NRT_EQ_STR(nrt_trace(env, "ret"), "pa NPAddConnection3 ret=67");
    nrt_env_free(env);
}

NRT_TEST(unknown_named_provider_is_bad_provider)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add_via(r, "fx:a", "nosuch"), WN_BAD_PROVIDER);
    NRT_EQ(nrt_count(env, "NPAddConnection3"), 0);
    nrt_env_free(env);
}

NRT_TEST(unknown_named_provider_sends_no_notification)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add_via(r, "fx:a", "nosuch"), WN_BAD_PROVIDER);
    NRT_EQ_STR(nrt_records(env), "");
    nrt_env_free(env);
}

NRT_TEST(notifier_is_not_a_provider_name)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add_via(r, "fx:a", "n1"), WN_BAD_PROVIDER);
    NRT_EQ(nrt_count(env, "NPAddConnection3"), 0);
    nrt_env_free(env);
}

NRT_TEST(providers_are_tried_in_order_until_one_succeeds)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pc", 30, NULL, "\"prefix\": \"b:\"");
    nrt_provider(env, "pa", 10, NULL, "\"prefix\": \"a:\"");
    nrt_provider(env, "pb", 20, NULL, "\"prefix\": \"b:\"");
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "b:x", 0), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, "ret,provider"), "n1 add pre ret=0 provider=(null) | "
                                               "pa NPAddConnection3 provider=(null) ret=67 | "
                                               "pb NPAddConnection3 provider=(null) ret=0 | "
                                               "n1 add post ret=0 provider=pb");
    nrt_env_free(env);
}

NRT_TEST(provider_whose_owns_patterns_exclude_the_name_is_skipped)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, "\"owns\": [\"a:*\", \"alpha:*\"]", NULL);
    nrt_provider(env, "pb", 20, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "b:x", 0), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, ""), "pb NPAddConnection3");
    nrt_env_free(env);
}

NRT_TEST(provider_whose_owns_patterns_match_is_called)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, "\"owns\": [\"zzz:*\", \"alpha:*\"]", NULL);
    nrt_provider(env, "pb", 20, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "alpha:x", 0), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, ""), "pa NPAddConnection3");
    nrt_env_free(env);
}

NRT_TEST(not_mine_codes_move_on_to_the_next_provider)
{
    static const DWORD not_mine[] = { WN_BAD_NETNAME, ERROR_BAD_NETPATH, WN_BAD_VALUE, WN_BAD_LEVEL,
                                      WN_NOT_SUPPORTED };
    for (size_t i = 0; i < sizeof not_mine / sizeof not_mine[0]; i++) {
        nrt_env *env = nrt_env_new();
        nrt_provider(env, "pa", 10, NULL, nrt_printf(env, "\"add_result\": %u", (unsigned)not_mine[i]));
        nrt_provider(env, "pb", 20, NULL, NULL);
        nr_router *r = nrt_router(env);
        NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_SUCCESS);
        NRT_EQ_STR(nrt_trace(env, "ret"), nrt_printf(env, "pa NPAddConnection3 ret=%u | pb NPAddConnection3 ret=0",
                                                     (unsigned)not_mine[i]));
        nrt_env_free(env);
    }
}

NRT_TEST(significant_error_does_not_stop_later_providers)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, "\"add_result\": 5");
    nrt_provider(env, "pb", 20, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, "ret"), "pa NPAddConnection3 ret=5 | pb NPAddConnection3 ret=0");
    nrt_env_free(env);
}

NRT_TEST(first_significant_error_wins)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, "\"add_result\": 67");
    nrt_provider(env, "pb", 20, NULL, "\"add_result\": 5");
    nrt_provider(env, "pc", 30, NULL, "\"add_result\": 1222");
    nrt_provider(env, "pd", 40, NULL, "\"add_result\": 53");
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_ACCESS_DENIED);
    NRT_EQ_STR(nrt_trace(env, "ret"), "pa NPAddConnection3 ret=67 | pb NPAddConnection3 ret=5 | "
                                      "pc NPAddConnection3 ret=1222 | pd NPAddConnection3 ret=53");
    nrt_env_free(env);
}

NRT_TEST(no_provider_accepting_the_name_gives_bad_netname)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, "\"prefix\": \"a:\"");
    nrt_provider(env, "pb", 20, NULL, "\"add_result\": 50");
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "c:x", 0), WN_BAD_NETNAME);
    NRT_EQ(nrt_count(env, "NPAddConnection3"), 2);
    nrt_env_free(env);
}

NRT_TEST(provider_without_addconnection3_is_called_through_addconnection)
{
    nrt_env *env = nrt_env_new();
    nrt_plugin(env, "provider", "pa", 10, "fixture-provider-lite", NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", 0), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, "name,local"), "pa NPAddConnection name=fx:a local=/mnt/a");
    nrt_env_free(env);
}

NRT_TEST(provider_receives_user_password_and_flags)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NETRESOURCE res = nrt_res("/mnt/a", "fx:a");
    NRT_EQ_CODE(nr_add_connection(r, NULL, &res, "pw", "alice", CONNECT_INTERACTIVE), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, "user,password,flags"), "pa NPAddConnection3 user=alice password=pw flags=8");
    nrt_env_free(env);
}

NRT_TEST(notifiers_see_the_owner_token)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NETRESOURCE res = nrt_res(NULL, "fx:a");
    int token;
    NRT_EQ_CODE(nr_add_connection(r, &token, &res, NULL, NULL, 0), WN_SUCCESS);
    NRT_EQ_STR(nrt_value(env, "n1 add pre", 0, "owner"), nrt_printf(env, "%p", (void *)&token));
    nrt_env_free(env);
}

/* ---- rule 4: POST ----------------------------------------------------------------------------- */

NRT_TEST(post_runs_in_reverse_pre_order_with_the_result)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_notifier(env, "n2", 20, NULL, NULL);
    nrt_notifier(env, "n3", 30, NULL, NULL);
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, "status"), "n1 add pre status=0 | n2 add pre status=0 | n3 add pre status=0 | "
                                         "pa NPAddConnection3 | n3 add post status=0 | n2 add post status=0 | "
                                         "n1 add post status=0");
    nrt_env_free(env);
}

NRT_TEST(post_after_success_names_the_provider)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_provider(env, "pa", 10, NULL, "\"prefix\": \"a:\"");
    nrt_provider(env, "pb", 20, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "b:x", 0), WN_SUCCESS);
    NRT_EQ_STR(nrt_value(env, "n1 add pre", 0, "provider"), "(null)");
    NRT_EQ_STR(nrt_value(env, "n1 add post", 0, "provider"), "pb");
    nrt_env_free(env);
}

NRT_TEST(post_after_failure_carries_the_error)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_provider(env, "pa", 10, NULL, "\"add_result\": 1222");
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_NO_NETWORK);
    NRT_EQ_STR(nrt_trace(env, "status,provider"), "n1 add pre status=0 provider=(null) | "
                                                  "pa NPAddConnection3 provider=(null) | "
                                                  "n1 add post status=1222 provider=(null)");
    nrt_env_free(env);
}

NRT_TEST(post_receives_the_context_pre_left)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_notifier(env, "n2", 20, NULL, NULL);
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_SUCCESS);
    NRT_EQ_CODE(add(r, NULL, "fx:b", 0), WN_SUCCESS);
    for (int i = 0; i < 2; i++) {
        const char *pre1 = nrt_value(env, "n1 add pre", i, "ctx"), *pre2 = nrt_value(env, "n2 add pre", i, "ctx");
        NRT_TRUE(pre1 && strcmp(pre1, "0") != 0);
        NRT_EQ_STR(nrt_value(env, "n1 add post", i, "ctx"), pre1);
        NRT_EQ_STR(nrt_value(env, "n2 add post", i, "ctx"), pre2);
    }
    nrt_env_free(env);
}

NRT_TEST(post_error_replaces_a_failure)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, "\"post\": 1222");
    nrt_provider(env, "pa", 10, NULL, "\"add_result\": 5");
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_NO_NETWORK);
    nrt_env_free(env);
}

NRT_TEST(post_error_is_ignored_after_a_success)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, "\"post\": 1222");
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, "ret"), "n1 add pre ret=0 | pa NPAddConnection3 ret=0 | n1 add post ret=1222");
    nrt_env_free(env);
}

/* ---- rule 4: retries -------------------------------------------------------------------------- */

NRT_TEST(post_retry_retries_the_operation)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, "\"retry\": 1");
    nrt_provider(env, "pa", 10, NULL, "\"add_result\": 1222, \"add_result_times\": 1");
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, "ret"), "n1 add pre ret=0 | pa NPAddConnection3 ret=1222 | n1 add post ret=1237 | "
                                      "pa NPAddConnection3 ret=0 | n1 add post ret=0");
    nrt_env_free(env);
}

NRT_TEST(retries_are_capped_at_three_by_default)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, "\"retry\": 100");
    nrt_provider(env, "pa", 10, NULL, "\"add_result\": 1222");
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_NO_NETWORK);
    NRT_EQ(nrt_count(env, "pa NPAddConnection3"), 4);
    nrt_env_free(env);
}

NRT_TEST(retry_limit_comes_from_the_router_config)
{
    for (int limit = 0; limit <= 2; limit++) {
        nrt_env *env = nrt_env_new();
        nrt_notifier(env, "n1", 10, NULL, "\"retry\": 100");
        nrt_provider(env, "pa", 10, NULL, "\"add_result\": 1222");
        env->cfg.retry_limit = limit;
        nr_router *r = nrt_router(env);
        NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_NO_NETWORK);
        NRT_EQ(nrt_count(env, "pa NPAddConnection3"), limit + 1);
        nrt_env_free(env);
    }
}

NRT_TEST(retry_pre_carries_wn_retry)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_notifier(env, "n2", 20, NULL, "\"retry\": 1");
    nrt_provider(env, "pa", 10, NULL, "\"add_result\": 1222, \"add_result_times\": 1");
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_SUCCESS);
    NRT_EQ_STR(nrt_value(env, "n1 add pre", 0, "status"), "0");
    NRT_EQ_STR(nrt_value(env, "n1 add pre", 1, "status"), "1237");
    nrt_env_free(env);
}

NRT_TEST(retry_pre_skips_the_notifier_that_asked)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_notifier(env, "n2", 20, NULL, "\"retry\": 1");
    nrt_notifier(env, "n3", 30, NULL, NULL);
    nrt_provider(env, "pa", 10, NULL, "\"add_result\": 1222, \"add_result_times\": 1");
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, "status,ret"),
               "n1 add pre status=0 ret=0 | n2 add pre status=0 ret=0 | n3 add pre status=0 ret=0 | "
               "pa NPAddConnection3 ret=1222 | n3 add post status=1222 ret=0 | n2 add post status=1222 ret=1237 | "
               "n1 add post status=1222 ret=0 | "
               "n1 add pre status=1237 ret=0 | n3 add pre status=1237 ret=0 | pa NPAddConnection3 ret=0 | "
               "n3 add post status=0 ret=0 | n2 add post status=0 ret=0 | n1 add post status=0 ret=0");
    nrt_env_free(env);
}

NRT_TEST(notifier_that_asked_for_retry_keeps_its_context)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, "\"retry\": 2");
    nrt_provider(env, "pa", 10, NULL, "\"add_result\": 1222, \"add_result_times\": 2");
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_SUCCESS);
    const char *ctx = nrt_value(env, "n1 add pre", 0, "ctx");
    NRT_EQ(nrt_count(env, "n1 add pre"), 1);
    NRT_EQ(nrt_count(env, "n1 add post"), 3);
    for (int i = 0; i < 3; i++)
        NRT_EQ_STR(nrt_value(env, "n1 add post", i, "ctx"), ctx);
    nrt_env_free(env);
}

NRT_TEST(notifier_asking_retry_past_the_limit_still_gets_its_context_back)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, "\"retry\": 100");
    nrt_provider(env, "pa", 10, NULL, "\"add_result\": 1222");
    env->cfg.retry_limit = 1;
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_NO_NETWORK);
    /* Every context the fixture created reached a POST that could free it:
     * the last POST received it although the notifier still asked to retry. */
    const char *ctx = nrt_value(env, "n1 add pre", 0, "ctx");
    int posts = nrt_count(env, "n1 add post");
    NRT_GE(posts, 2);
    NRT_EQ_STR(nrt_value(env, "n1 add post", posts - 1, "ctx"), ctx);
    nrt_env_free(env);
}

NRT_TEST(retry_after_veto_is_not_possible_for_the_vetoer)
{
    /* A vetoing notifier gets no POST, so it can never ask for a retry; the
     * earlier notifier's POST can. */
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, "\"retry\": 1");
    nrt_notifier(env, "n2", 20, NULL, "\"pre\": 5, \"pre_on_retry\": 0");
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, "status,ret"), "n1 add pre status=0 ret=0 | n2 add pre status=0 ret=5 | "
                                             "n1 add post status=5 ret=1237 | n2 add pre status=1237 ret=0 | "
                                             "pa NPAddConnection3 ret=0 | n2 add post status=0 ret=0 | "
                                             "n1 add post status=0 ret=0");
    nrt_env_free(env);
}

/* ---- cancel, the same way --------------------------------------------------------------------- */

NRT_TEST(cancel_is_wrapped_in_pre_and_post)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_notifier(env, "n2", 20, NULL, NULL);
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", 0), WN_SUCCESS);
    nrt_clear_records(env);
    NRT_EQ_CODE(nr_cancel_connection(r, "/mnt/a", 0, FALSE), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, "status,name,provider"),
               "n1 cancel pre status=0 name=/mnt/a provider=(null) | n2 cancel pre status=0 name=/mnt/a provider=(null) | "
               "pa NPCancelConnection name=/mnt/a | n2 cancel post status=0 name=/mnt/a provider=pa | "
               "n1 cancel post status=0 name=/mnt/a provider=pa");
    nrt_env_free(env);
}

NRT_TEST(cancel_veto_stops_providers)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_notifier(env, "n2", 20, NULL, "\"pre\": 1223, \"pre_match\": \"/mnt/*\"");
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", 0), WN_SUCCESS);
    nrt_clear_records(env);
    NRT_EQ_CODE(nr_cancel_connection(r, "/mnt/a", 0, FALSE), WN_CANCEL);
    NRT_EQ_STR(nrt_trace(env, "status"),
               "n1 cancel pre status=0 | n2 cancel pre status=0 | n1 cancel post status=1223");
    nrt_env_free(env);
}

NRT_TEST(cancel_reaches_the_provider_holding_the_connection)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, "\"prefix\": \"a:\"");
    nrt_provider(env, "pb", 20, NULL, "\"prefix\": \"b:\"");
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/b", "b:x", 0), WN_SUCCESS);
    nrt_clear_records(env);
    NRT_EQ_CODE(nr_cancel_connection(r, "/mnt/b", 0, FALSE), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, "ret"), "pa NPCancelConnection ret=2250 | pb NPCancelConnection ret=0");
    nrt_env_free(env);
}

NRT_TEST(cancel_of_unknown_name_is_not_connected)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_provider(env, "pa", 10, NULL, NULL);
    nrt_provider(env, "pb", 20, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(nr_cancel_connection(r, "/mnt/none", 0, FALSE), WN_NOT_CONNECTED);
    NRT_EQ_STR(nrt_value(env, "n1 cancel post", 0, "status"), "2250");
    nrt_env_free(env);
}

NRT_TEST(cancel_passes_force_to_notifiers_and_provider)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_provider(env, "pa", 10, NULL, "\"open_files\": true");
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", 0), WN_SUCCESS);
    NRT_EQ_CODE(nr_cancel_connection(r, "/mnt/a", 0, FALSE), WN_OPEN_FILES);
    NRT_EQ_CODE(nr_cancel_connection(r, "/mnt/a", 0, TRUE), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, "force,ret"), "n1 add pre ret=0 | pa NPAddConnection3 ret=0 | n1 add post ret=0 | "
                                            "n1 cancel pre ret=0 force=0 | pa NPCancelConnection force=0 ret=2401 | "
                                            "n1 cancel post ret=0 force=0 | "
                                            "n1 cancel pre ret=0 force=1 | pa NPCancelConnection force=1 ret=0 | "
                                            "n1 cancel post ret=0 force=1");
    nrt_env_free(env);
}

NRT_TEST(cancel_post_error_replaces_a_failure)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, "\"post\": 1222");
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(nr_cancel_connection(r, "/mnt/none", 0, FALSE), WN_NO_NETWORK);
    nrt_env_free(env);
}

NRT_TEST(cancel_post_error_is_ignored_after_a_success)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, "\"post\": 1222, \"ops\": \"cancel\"");
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", 0), WN_SUCCESS);
    NRT_EQ_CODE(nr_cancel_connection(r, "/mnt/a", 0, FALSE), WN_SUCCESS);
    nrt_env_free(env);
}

NRT_TEST(cancel_post_retry_retries_the_cancel)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, "\"retry\": 1, \"ops\": \"cancel\"");
    nrt_notifier(env, "n2", 20, NULL, "\"ops\": \"cancel\"");
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(nr_cancel_connection(r, "/mnt/none", 0, FALSE), WN_NOT_CONNECTED);
    NRT_EQ_STR(nrt_trace(env, "status,ret"),
               "n1 cancel pre status=0 ret=0 | n2 cancel pre status=0 ret=0 | pa NPCancelConnection ret=2250 | "
               "n2 cancel post status=2250 ret=0 | n1 cancel post status=2250 ret=1237 | "
               "n2 cancel pre status=1237 ret=0 | pa NPCancelConnection ret=2250 | "
               "n2 cancel post status=2250 ret=0 | n1 cancel post status=2250 ret=0");
    nrt_env_free(env);
}

NRT_TEST(cancel_veto_with_wn_cancel_posts_earlier_notifiers)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, "\"ops\": \"cancel\"");
    nrt_notifier(env, "n2", 20, NULL, "\"ops\": \"cancel\", \"pre\": 1223");
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(nr_cancel_connection(r, "fx:a", 0, FALSE), WN_CANCEL);
    NRT_EQ_STR(nrt_trace(env, "status"), "n1 cancel pre status=0 | n2 cancel pre status=0 | n1 cancel post status=1223");
    nrt_env_free(env);
}

NRT_TEST(plugin_info_reports_the_notify_entry_points)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    nr_plugin_info info;
    NRT_EQ_CODE(nr_router_plugin_info(r, 0, &info), WN_SUCCESS);
    NRT_TRUE(info.has_add_notify && info.has_cancel_notify);
    nrt_env_free(env);
}
