/*
 * test-dispatch.c - DESIGN.md section 4, rules 1 to 4: argument validation,
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

static void test_add_without_resource_fails_without_notification(void)
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

static void test_add_without_remote_name_fails_without_notification(void)
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

static void test_add_with_unknown_flags_is_bad_value_without_notification(void)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_provider(env, "p1", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0x00100000u), WN_BAD_VALUE);
    NRT_EQ_STR(nrt_records(env), "");
    nrt_env_free(env);
}

static void test_add_with_unknown_resource_type_fails_without_notification(void)
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

static void test_add_on_null_router_is_rejected(void)
{
    NETRESOURCE res = nrt_res(NULL, "fx:a");
    DWORD rc = nr_add_connection(NULL, NULL, &res, NULL, NULL, 0);
    NRT_TRUE(rc == WN_BAD_VALUE || rc == WN_BAD_POINTER);
    rc = nr_cancel_connection(NULL, "fx:a", 0, FALSE);
    NRT_TRUE(rc == WN_BAD_VALUE || rc == WN_BAD_POINTER);
}

static void test_cancel_without_name_fails_without_notification(void)
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

static void test_cancel_with_unknown_flags_is_bad_value_without_notification(void)
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

static void test_pre_runs_in_ascending_order_then_name(void)
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

static void test_pre_gets_success_status_and_null_context(void)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_notifier(env, "n2", 20, NULL, NULL);
    nrt_provider(env, "p1", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_SUCCESS);
    NRT_EQ_CODE(add(r, NULL, "fx:b", 0), WN_SUCCESS);
    NRT_EQ_INT(nrt_count(env, "add pre status=0"), 4);
    NRT_EQ_INT(nrt_count(env, "add pre"), 4);
    NRT_NOT_CONTAINS(nrt_records(env), "ctx=888888"); /* a non-NULL context on entry */
    nrt_env_free(env);
}

static void test_pre_sees_the_request(void)
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

static void test_notifier_leaving_null_context_gets_no_post(void)
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

static void test_veto_stops_providers_and_returns_the_veto_code(void)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, "\"pre\": 5");
    nrt_provider(env, "p1", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_ACCESS_DENIED);
    NRT_EQ_INT(nrt_count(env, "p1"), 0);
    nrt_env_free(env);
}

static void test_veto_with_wn_cancel_stays_wn_cancel(void)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, "\"pre\": 1223");
    nrt_provider(env, "p1", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_CANCEL);
    NRT_EQ_INT(nrt_count(env, "p1"), 0);
    nrt_env_free(env);
}

static void test_vetoing_notifier_gets_no_post(void)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, "\"pre\": 1223"); /* sets a context and vetoes */
    nrt_provider(env, "p1", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_CANCEL);
    NRT_EQ_STR(nrt_trace(env, "ret"), "n1 add pre ret=1223");
    nrt_env_free(env);
}

static void test_veto_posts_earlier_notifiers_with_the_veto_code(void)
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

static void test_veto_posts_only_earlier_notifiers_holding_a_context(void)
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

static void test_named_provider_is_the_only_one_called(void)
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

static void test_named_provider_failure_is_not_passed_on(void)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, "\"prefix\": \"a:\"");
    nrt_provider(env, "pb", 20, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add_via(r, "b:x", "pa"), WN_BAD_NETNAME);
    NRT_EQ_STR(nrt_trace(env, "ret"), "pa NPAddConnection3 ret=67");
    nrt_env_free(env);
}

static void test_unknown_named_provider_is_bad_provider(void)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add_via(r, "fx:a", "nosuch"), WN_BAD_PROVIDER);
    NRT_EQ_INT(nrt_count(env, "NPAddConnection3"), 0);
    nrt_env_free(env);
}

static void test_unknown_named_provider_sends_no_notification(void)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add_via(r, "fx:a", "nosuch"), WN_BAD_PROVIDER);
    NRT_EQ_STR(nrt_records(env), "");
    nrt_env_free(env);
}

static void test_notifier_is_not_a_provider_name(void)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add_via(r, "fx:a", "n1"), WN_BAD_PROVIDER);
    NRT_EQ_INT(nrt_count(env, "NPAddConnection3"), 0);
    nrt_env_free(env);
}

static void test_providers_are_tried_in_order_until_one_succeeds(void)
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

static void test_provider_whose_owns_patterns_exclude_the_name_is_skipped(void)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, "\"owns\": [\"a:*\", \"alpha:*\"]", NULL);
    nrt_provider(env, "pb", 20, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "b:x", 0), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, ""), "pb NPAddConnection3");
    nrt_env_free(env);
}

static void test_provider_whose_owns_patterns_match_is_called(void)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, "\"owns\": [\"zzz:*\", \"alpha:*\"]", NULL);
    nrt_provider(env, "pb", 20, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "alpha:x", 0), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, ""), "pa NPAddConnection3");
    nrt_env_free(env);
}

static void test_not_mine_codes_move_on_to_the_next_provider(void)
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

static void test_significant_error_does_not_stop_later_providers(void)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, "\"add_result\": 5");
    nrt_provider(env, "pb", 20, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, "ret"), "pa NPAddConnection3 ret=5 | pb NPAddConnection3 ret=0");
    nrt_env_free(env);
}

static void test_first_significant_error_wins(void)
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

static void test_no_provider_accepting_the_name_gives_bad_netname(void)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, "\"prefix\": \"a:\"");
    nrt_provider(env, "pb", 20, NULL, "\"add_result\": 50");
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "c:x", 0), WN_BAD_NETNAME);
    NRT_EQ_INT(nrt_count(env, "NPAddConnection3"), 2);
    nrt_env_free(env);
}

static void test_provider_without_addconnection3_is_called_through_addconnection(void)
{
    nrt_env *env = nrt_env_new();
    nrt_plugin(env, "provider", "pa", 10, "fixture-provider-lite", NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", 0), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, "name,local"), "pa NPAddConnection name=fx:a local=/mnt/a");
    nrt_env_free(env);
}

static void test_provider_receives_user_password_and_flags(void)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NETRESOURCE res = nrt_res("/mnt/a", "fx:a");
    NRT_EQ_CODE(nr_add_connection(r, NULL, &res, "pw", "alice", CONNECT_INTERACTIVE), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, "user,password,flags"), "pa NPAddConnection3 user=alice password=pw flags=8");
    nrt_env_free(env);
}

static void test_notifiers_see_the_owner_token(void)
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

static void test_post_runs_in_reverse_pre_order_with_the_result(void)
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

static void test_post_after_success_names_the_provider(void)
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

static void test_post_after_failure_carries_the_error(void)
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

static void test_post_receives_the_context_pre_left(void)
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

static void test_post_error_replaces_a_failure(void)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, "\"post\": 1222");
    nrt_provider(env, "pa", 10, NULL, "\"add_result\": 5");
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_NO_NETWORK);
    nrt_env_free(env);
}

static void test_post_error_is_ignored_after_a_success(void)
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

static void test_post_retry_retries_the_operation(void)
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

static void test_retries_are_capped_at_three_by_default(void)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, "\"retry\": 100");
    nrt_provider(env, "pa", 10, NULL, "\"add_result\": 1222");
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_NO_NETWORK);
    NRT_EQ_INT(nrt_count(env, "pa NPAddConnection3"), 4);
    nrt_env_free(env);
}

static void test_retry_limit_comes_from_the_router_config(void)
{
    for (int limit = 0; limit <= 2; limit++) {
        nrt_env *env = nrt_env_new();
        nrt_notifier(env, "n1", 10, NULL, "\"retry\": 100");
        nrt_provider(env, "pa", 10, NULL, "\"add_result\": 1222");
        env->cfg.retry_limit = limit;
        nr_router *r = nrt_router(env);
        NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_NO_NETWORK);
        NRT_EQ_INT(nrt_count(env, "pa NPAddConnection3"), limit + 1);
        nrt_env_free(env);
    }
}

static void test_retry_pre_carries_wn_retry(void)
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

static void test_retry_pre_skips_the_notifier_that_asked(void)
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

static void test_notifier_that_asked_for_retry_keeps_its_context(void)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, "\"retry\": 2");
    nrt_provider(env, "pa", 10, NULL, "\"add_result\": 1222, \"add_result_times\": 2");
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", 0), WN_SUCCESS);
    const char *ctx = nrt_value(env, "n1 add pre", 0, "ctx");
    NRT_EQ_INT(nrt_count(env, "n1 add pre"), 1);
    NRT_EQ_INT(nrt_count(env, "n1 add post"), 3);
    for (int i = 0; i < 3; i++)
        NRT_EQ_STR(nrt_value(env, "n1 add post", i, "ctx"), ctx);
    nrt_env_free(env);
}

static void test_notifier_asking_retry_past_the_limit_still_gets_its_context_back(void)
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
    NRT_TRUE(posts >= 2);
    NRT_EQ_STR(nrt_value(env, "n1 add post", posts - 1, "ctx"), ctx);
    nrt_env_free(env);
}

static void test_retry_after_veto_is_not_possible_for_the_vetoer(void)
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

static void test_cancel_is_wrapped_in_pre_and_post(void)
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

static void test_cancel_veto_stops_providers(void)
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

static void test_cancel_reaches_the_provider_holding_the_connection(void)
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

static void test_cancel_of_unknown_name_is_not_connected(void)
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

static void test_cancel_passes_force_to_notifiers_and_provider(void)
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

static void test_cancel_post_error_replaces_a_failure(void)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, "\"post\": 1222");
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(nr_cancel_connection(r, "/mnt/none", 0, FALSE), WN_NO_NETWORK);
    nrt_env_free(env);
}

static void test_cancel_post_error_is_ignored_after_a_success(void)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, "\"post\": 1222, \"ops\": \"cancel\"");
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", 0), WN_SUCCESS);
    NRT_EQ_CODE(nr_cancel_connection(r, "/mnt/a", 0, FALSE), WN_SUCCESS);
    nrt_env_free(env);
}

static void test_cancel_post_retry_retries_the_cancel(void)
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

static void test_cancel_veto_with_wn_cancel_posts_earlier_notifiers(void)
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

static void test_plugin_info_reports_the_notify_entry_points(void)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    nr_plugin_info info;
    NRT_EQ_CODE(nr_router_plugin_info(r, 0, &info), WN_SUCCESS);
    NRT_TRUE(info.has_add_notify && info.has_cancel_notify);
    nrt_env_free(env);
}

static CU_TestInfo tests[] = {
    { "add_without_resource_fails_without_notification", test_add_without_resource_fails_without_notification },
    { "add_without_remote_name_fails_without_notification", test_add_without_remote_name_fails_without_notification },
    { "add_with_unknown_flags_is_bad_value_without_notification",
      test_add_with_unknown_flags_is_bad_value_without_notification },
    { "add_with_unknown_resource_type_fails_without_notification",
      test_add_with_unknown_resource_type_fails_without_notification },
    { "add_on_null_router_is_rejected", test_add_on_null_router_is_rejected },
    { "cancel_without_name_fails_without_notification", test_cancel_without_name_fails_without_notification },
    { "cancel_with_unknown_flags_is_bad_value_without_notification",
      test_cancel_with_unknown_flags_is_bad_value_without_notification },
    { "pre_runs_in_ascending_order_then_name", test_pre_runs_in_ascending_order_then_name },
    { "pre_gets_success_status_and_null_context", test_pre_gets_success_status_and_null_context },
    { "pre_sees_the_request", test_pre_sees_the_request },
    { "notifier_leaving_null_context_gets_no_post", test_notifier_leaving_null_context_gets_no_post },
    { "veto_stops_providers_and_returns_the_veto_code", test_veto_stops_providers_and_returns_the_veto_code },
    { "veto_with_wn_cancel_stays_wn_cancel", test_veto_with_wn_cancel_stays_wn_cancel },
    { "vetoing_notifier_gets_no_post", test_vetoing_notifier_gets_no_post },
    { "veto_posts_earlier_notifiers_with_the_veto_code", test_veto_posts_earlier_notifiers_with_the_veto_code },
    { "veto_posts_only_earlier_notifiers_holding_a_context",
      test_veto_posts_only_earlier_notifiers_holding_a_context },
    { "named_provider_is_the_only_one_called", test_named_provider_is_the_only_one_called },
    { "named_provider_failure_is_not_passed_on", test_named_provider_failure_is_not_passed_on },
    { "unknown_named_provider_is_bad_provider", test_unknown_named_provider_is_bad_provider },
    { "unknown_named_provider_sends_no_notification", test_unknown_named_provider_sends_no_notification },
    { "notifier_is_not_a_provider_name", test_notifier_is_not_a_provider_name },
    { "providers_are_tried_in_order_until_one_succeeds", test_providers_are_tried_in_order_until_one_succeeds },
    { "provider_whose_owns_patterns_exclude_the_name_is_skipped",
      test_provider_whose_owns_patterns_exclude_the_name_is_skipped },
    { "provider_whose_owns_patterns_match_is_called", test_provider_whose_owns_patterns_match_is_called },
    { "not_mine_codes_move_on_to_the_next_provider", test_not_mine_codes_move_on_to_the_next_provider },
    { "significant_error_does_not_stop_later_providers", test_significant_error_does_not_stop_later_providers },
    { "first_significant_error_wins", test_first_significant_error_wins },
    { "no_provider_accepting_the_name_gives_bad_netname", test_no_provider_accepting_the_name_gives_bad_netname },
    { "provider_without_addconnection3_is_called_through_addconnection",
      test_provider_without_addconnection3_is_called_through_addconnection },
    { "provider_receives_user_password_and_flags", test_provider_receives_user_password_and_flags },
    { "notifiers_see_the_owner_token", test_notifiers_see_the_owner_token },
    { "post_runs_in_reverse_pre_order_with_the_result", test_post_runs_in_reverse_pre_order_with_the_result },
    { "post_after_success_names_the_provider", test_post_after_success_names_the_provider },
    { "post_after_failure_carries_the_error", test_post_after_failure_carries_the_error },
    { "post_receives_the_context_pre_left", test_post_receives_the_context_pre_left },
    { "post_error_replaces_a_failure", test_post_error_replaces_a_failure },
    { "post_error_is_ignored_after_a_success", test_post_error_is_ignored_after_a_success },
    { "post_retry_retries_the_operation", test_post_retry_retries_the_operation },
    { "retries_are_capped_at_three_by_default", test_retries_are_capped_at_three_by_default },
    { "retry_limit_comes_from_the_router_config", test_retry_limit_comes_from_the_router_config },
    { "retry_pre_carries_wn_retry", test_retry_pre_carries_wn_retry },
    { "retry_pre_skips_the_notifier_that_asked", test_retry_pre_skips_the_notifier_that_asked },
    { "notifier_that_asked_for_retry_keeps_its_context", test_notifier_that_asked_for_retry_keeps_its_context },
    { "notifier_asking_retry_past_the_limit_still_gets_its_context_back",
      test_notifier_asking_retry_past_the_limit_still_gets_its_context_back },
    { "retry_after_veto_is_not_possible_for_the_vetoer", test_retry_after_veto_is_not_possible_for_the_vetoer },
    { "cancel_is_wrapped_in_pre_and_post", test_cancel_is_wrapped_in_pre_and_post },
    { "cancel_veto_stops_providers", test_cancel_veto_stops_providers },
    { "cancel_reaches_the_provider_holding_the_connection", test_cancel_reaches_the_provider_holding_the_connection },
    { "cancel_of_unknown_name_is_not_connected", test_cancel_of_unknown_name_is_not_connected },
    { "cancel_passes_force_to_notifiers_and_provider", test_cancel_passes_force_to_notifiers_and_provider },
    { "cancel_post_error_replaces_a_failure", test_cancel_post_error_replaces_a_failure },
    { "cancel_post_error_is_ignored_after_a_success", test_cancel_post_error_is_ignored_after_a_success },
    { "cancel_post_retry_retries_the_cancel", test_cancel_post_retry_retries_the_cancel },
    { "cancel_veto_with_wn_cancel_posts_earlier_notifiers", test_cancel_veto_with_wn_cancel_posts_earlier_notifiers },
    { "plugin_info_reports_the_notify_entry_points", test_plugin_info_reports_the_notify_entry_points },
    CU_TEST_INFO_NULL,
};

int main(int argc, char **argv)
{
    return nrt_main(argc, argv, "dispatch", tests);
}
