/*
 * test-query.c - the read side: nr_get_connection, nr_get_user, enumeration
 * (connected, remembered, global browse) in both the iterator and the
 * Windows buffer form, and extended errors per thread (docs/design.md section 4,
 * rule 8).
 */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "testutil.h"

NRT_SUITE("query", .setup = nrt_fixtures_found);

static DWORD add(nr_router *r, const char *local, const char *remote, const char *user, DWORD flags)
{
    NETRESOURCE res = nrt_res(local, remote);
    return nr_add_connection(r, NULL, &res, NULL, user, flags);
}

/* "remote@provider" (or "local=remote@provider" when with_local) per entry, sorted as enumerated. */
static const char *list(nrt_env *env, nr_router *r, DWORD scope, const NETRESOURCE *container, bool with_local)
{
    nr_enum *e = NULL;
    const NETRESOURCE *res;
    const char *s = "";
    DWORD rc = nr_enum_open(r, scope, RESOURCETYPE_ANY, 0, container, &e);
    if (rc != WN_SUCCESS)
        return nrt_printf(env, "error %u", (unsigned)rc);
    while ((rc = nr_enum_next(e, &res)) == WN_SUCCESS) {
        if (with_local)
            s = nrt_printf(env, "%s%s%s=%s@%s", s, *s ? " " : "", res->lpLocalName ? res->lpLocalName : "(null)",
                           res->lpRemoteName ? res->lpRemoteName : "(null)",
                           res->lpProvider ? res->lpProvider : "(null)");
        else
            s = nrt_printf(env, "%s%s%s@%s", s, *s ? " " : "", res->lpRemoteName ? res->lpRemoteName : "(null)",
                           res->lpProvider ? res->lpProvider : "(null)");
    }
    nr_enum_close(e);
    if (rc != WN_NO_MORE_ENTRIES)
        return nrt_printf(env, "%s [ended with %u]", s, (unsigned)rc);
    return s;
}

/* ---- nr_get_connection ------------------------------------------------------------------- */

NRT_TEST(get_connection_returns_the_remote_name)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, "\"prefix\": \"a:\"");
    nrt_provider(env, "pb", 20, NULL, NULL);
    nr_router *r = nrt_router(env);
    char buf[64] = "";
    DWORD len = sizeof buf;
    NRT_EQ_CODE(add(r, "/mnt/b", "b:share", NULL, 0), WN_SUCCESS);
    NRT_EQ_CODE(nr_get_connection(r, "/mnt/b", buf, &len), WN_SUCCESS);
    NRT_EQ_STR(buf, "b:share");
    nrt_env_free(env);
}

NRT_TEST(get_connection_with_a_small_buffer_gives_more_data_and_the_size)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    char buf[4];
    DWORD len = sizeof buf;
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a-long-remote-name", NULL, 0), WN_SUCCESS);
    NRT_EQ_CODE(nr_get_connection(r, "/mnt/a", buf, &len), WN_MORE_DATA);
    NRT_EQ(len, strlen("fx:a-long-remote-name") + 1);
    nrt_env_free(env);
}

NRT_TEST(get_connection_of_an_unknown_local_name_is_not_connected)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    char buf[64];
    DWORD len = sizeof buf;
    NRT_EQ_CODE(nr_get_connection(r, "/mnt/none", buf, &len), WN_NOT_CONNECTED);
    nrt_env_free(env);
}

NRT_TEST(get_connection_of_a_remembered_unconnected_name_is_connection_closed)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    char buf[64] = "";
    DWORD len = sizeof buf;
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_CODE(nr_cancel_connection(r, "/mnt/a", 0, FALSE), WN_SUCCESS);
    NRT_EQ_CODE(nr_get_connection(r, "/mnt/a", buf, &len), WN_CONNECTION_CLOSED);
    NRT_EQ_STR(buf, "fx:a");
    nrt_env_free(env);
}

NRT_TEST(get_connection_rejects_bad_arguments)
{
    nrt_env *env = nrt_env_new();
    nr_router *r = nrt_router(env);
    char buf[8];
    DWORD len = sizeof buf;
    DWORD rc = nr_get_connection(r, NULL, buf, &len);
    NRT_TRUE(rc == WN_BAD_VALUE || rc == WN_BAD_POINTER || rc == WN_BAD_LOCALNAME);
    rc = nr_get_connection(r, "/mnt/a", buf, NULL);
    NRT_TRUE(rc == WN_BAD_VALUE || rc == WN_BAD_POINTER);
    nrt_env_free(env);
}

/* ---- nr_get_user ------------------------------------------------------------------------------ */

NRT_TEST(get_user_of_a_connection_by_local_name)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    char buf[64] = "";
    DWORD len = sizeof buf;
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", "alice", 0), WN_SUCCESS);
    NRT_EQ_CODE(nr_get_user(r, "/mnt/a", buf, &len), WN_SUCCESS);
    NRT_EQ_STR(buf, "alice");
    nrt_env_free(env);
}

NRT_TEST(get_user_of_a_connection_by_remote_name)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    char buf[64] = "";
    DWORD len = sizeof buf;
    NRT_EQ_CODE(add(r, NULL, "fx:a", "bob", 0), WN_SUCCESS);
    NRT_EQ_CODE(nr_get_user(r, "fx:a", buf, &len), WN_SUCCESS);
    NRT_EQ_STR(buf, "bob");
    nrt_env_free(env);
}

NRT_TEST(get_user_with_a_small_buffer_gives_more_data_and_the_size)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    char buf[2];
    DWORD len = sizeof buf;
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", "alice", 0), WN_SUCCESS);
    NRT_EQ_CODE(nr_get_user(r, "/mnt/a", buf, &len), WN_MORE_DATA);
    NRT_EQ(len, 6);
    nrt_env_free(env);
}

NRT_TEST(get_user_of_an_unknown_name_is_not_connected)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    char buf[64];
    DWORD len = sizeof buf;
    NRT_EQ_CODE(nr_get_user(r, "/mnt/none", buf, &len), WN_NOT_CONNECTED);
    nrt_env_free(env);
}

NRT_TEST(get_user_without_a_name_gives_the_current_user)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    char buf[256] = "";
    DWORD len = sizeof buf;
    NRT_EQ_CODE(nr_get_user(r, NULL, buf, &len), WN_SUCCESS);
    NRT_NE(buf[0], '\0');
    nrt_env_free(env);
}

/* ---- enumeration ------------------------------------------------------------------------------------ */

NRT_TEST(enum_connected_lists_every_provider_connections)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, "\"prefix\": \"a:\"");
    nrt_provider(env, "pb", 20, NULL, "\"prefix\": \"b:\"");
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/1", "a:one", NULL, 0), WN_SUCCESS);
    NRT_EQ_CODE(add(r, NULL, "b:two", NULL, 0), WN_SUCCESS);
    NRT_EQ_STR(list(env, r, RESOURCE_CONNECTED, NULL, true), "/mnt/1=a:one@pa (null)=b:two@pb");
    nrt_env_free(env);
}

NRT_TEST(enum_connected_skips_providers_without_local_enumeration)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, "\"prefix\": \"a:\"");
    nrt_plugin(env, "provider", "lite", 20, "fixture-provider-lite", NULL, "\"prefix\": \"l:\"");
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "a:one", NULL, 0), WN_SUCCESS);
    NRT_EQ_CODE(add(r, NULL, "l:two", NULL, 0), WN_SUCCESS);
    NRT_EQ_STR(list(env, r, RESOURCE_CONNECTED, NULL, false), "a:one@pa");
    NRT_EQ(nrt_count(env, "lite NPOpenEnum"), 0);
    nrt_env_free(env);
}

NRT_TEST(enum_remembered_lists_the_store)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_CODE(add(r, "/mnt/b", "fx:b", NULL, 0), WN_SUCCESS);
    NRT_EQ_STR(list(env, r, RESOURCE_REMEMBERED, NULL, true), "/mnt/a=fx:a@pa");
    nrt_env_free(env);
}

NRT_TEST(enum_globalnet_top_level_has_one_container_per_provider)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pb", 20, NULL, NULL);
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    nr_enum *e = NULL;
    const NETRESOURCE *res;
    NRT_EQ_CODE(nr_enum_open(r, RESOURCE_GLOBALNET, RESOURCETYPE_ANY, 0, NULL, &e), WN_SUCCESS);
    const char *names[] = { "pa", "pb" };
    for (int i = 0; i < 2; i++) {
        NRT_EQ_CODE(nr_enum_next(e, &res), WN_SUCCESS);
        if (!res)
            break;
        NRT_EQ_STR(res->lpRemoteName, names[i]);
        NRT_EQ_STR(res->lpProvider, names[i]);
        NRT_TRUE(res->dwUsage & RESOURCEUSAGE_CONTAINER);
    }
    NRT_EQ_CODE(nr_enum_next(e, &res), WN_NO_MORE_ENTRIES);
    nr_enum_close(e);
    NRT_EQ(nrt_count(env, "NPOpenEnum"), 0);
    nrt_env_free(env);
}

NRT_TEST(enum_globalnet_top_level_lists_only_providers_that_can_browse)
{
    /* WNetOpenEnum(RESOURCE_GLOBALNET, ..., NULL): the root holds one
     * container per provider whose NPGetCaps(WNNC_ENUMERATION) has
     * WNNC_ENUM_GLOBAL; a provider that cannot browse has no place there. */
    nrt_env *env = nrt_env_new();
    nrt_plugin(env, "provider", "local-only", 10, "fixture-provider-nobrowse", NULL, NULL);
    nrt_provider(env, "browser", 20, NULL, NULL);
    nrt_plugin(env, "provider", "lite", 30, "fixture-provider-lite", NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_STR(nrt_plugin_names(env, r), "local-only browser lite");
    NRT_EQ_STR(list(env, r, RESOURCE_GLOBALNET, NULL, false), "browser@browser lite@lite");
    nrt_env_free(env);
}

NRT_TEST(enum_globalnet_container_lists_its_provider_children)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, "\"children\": [\"a:one\", \"a:two\"]");
    nrt_provider(env, "pb", 20, NULL, "\"children\": [\"b:one\"]");
    nr_router *r = nrt_router(env);
    nr_enum *top = NULL;
    const NETRESOURCE *res = NULL;
    NRT_EQ_CODE(nr_enum_open(r, RESOURCE_GLOBALNET, RESOURCETYPE_ANY, 0, NULL, &top), WN_SUCCESS);
    NRT_EQ_CODE(nr_enum_next(top, &res), WN_SUCCESS); /* pa */
    NRT_NOT_NULL_FATAL(res);
    NRT_EQ_STR(list(env, r, RESOURCE_GLOBALNET, res, false), "a:one@pa a:two@pa");
    NRT_EQ_CODE(nr_enum_next(top, &res), WN_SUCCESS); /* pb */
    NRT_EQ_STR(list(env, r, RESOURCE_GLOBALNET, res, false), "b:one@pb");
    nr_enum_close(top);
    /* each container went to its own provider only (whether the router hands
     * the provider NULL or the container itself for its root is its choice) */
    NRT_EQ_STR(nrt_trace(env, "scope"), "pa NPOpenEnum scope=2 | pb NPOpenEnum scope=2");
    nrt_env_free(env);
}

/* A provider that is never satisfied with its buffer grew it until the
 * 32-bit size wrapped to 0 and the buffer was freed twice. */
NRT_TEST(a_provider_never_satisfied_with_its_buffer_fails_naming_it)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "greedy", 10, NULL, "\"children\": [\"g:one\"], \"enum_hostile\": \"more_data\"");
    nr_router *r = nrt_router(env);
    NETRESOURCE top = { .dwScope = RESOURCE_GLOBALNET, .dwUsage = RESOURCEUSAGE_CONTAINER,
                        .lpRemoteName = "greedy", .lpProvider = "greedy" };
    NRT_EQ_STR(list(env, r, RESOURCE_GLOBALNET, &top, false), "error 59");
    NRT_CONTAINS(nrt_last_error_text(env), "provider 'greedy' asked for a buffer of more than");
    nrt_env_free(env);
}

/* A count larger than the buffer can hold was read past the buffer. */
NRT_TEST(a_provider_claiming_more_entries_than_its_buffer_holds_fails_naming_it)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "liar", 10, NULL, "\"children\": [\"l:one\"], \"enum_hostile\": \"count\"");
    nr_router *r = nrt_router(env);
    NETRESOURCE top = { .dwScope = RESOURCE_GLOBALNET, .dwUsage = RESOURCEUSAGE_CONTAINER,
                        .lpRemoteName = "liar", .lpProvider = "liar" };
    NRT_EQ_STR(list(env, r, RESOURCE_GLOBALNET, &top, false), "error 59");
    NRT_CONTAINS(nrt_last_error_text(env), "provider 'liar' returned 2147483647 entries");
    nrt_env_free(env);
}

NRT_TEST(enum_open_with_a_bad_scope_is_bad_value)
{
    nrt_env *env = nrt_env_new();
    nr_router *r = nrt_router(env);
    nr_enum *e = NULL;
    NRT_EQ_CODE(nr_enum_open(r, 77, RESOURCETYPE_ANY, 0, NULL, &e), WN_BAD_VALUE);
    NRT_NULL(e);
    nrt_env_free(env);
}

NRT_TEST(enum_next_ends_with_no_more_entries)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    nr_enum *e = NULL;
    const NETRESOURCE *res;
    NRT_EQ_CODE(nr_enum_open(r, RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, NULL, &e), WN_SUCCESS);
    NRT_EQ_CODE(nr_enum_next(e, &res), WN_NO_MORE_ENTRIES);
    NRT_EQ_CODE(nr_enum_next(e, &res), WN_NO_MORE_ENTRIES);
    nr_enum_close(e);
    nr_enum_close(NULL);
    nrt_env_free(env);
}

/* Opens a connected enumeration over three connections. */
static nr_enum *three_connections(nrt_env *env, nr_router **rp)
{
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = *rp = nrt_router(env);
    nr_enum *e = NULL;
    NRT_EQ_CODE(add(r, "/mnt/1", "fx:one", NULL, 0), WN_SUCCESS);
    NRT_EQ_CODE(add(r, "/mnt/2", "fx:two", NULL, 0), WN_SUCCESS);
    NRT_EQ_CODE(add(r, "/mnt/3", "fx:three", NULL, 0), WN_SUCCESS);
    NRT_EQ_CODE(nr_enum_open(r, RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, NULL, &e), WN_SUCCESS);
    return e;
}

static bool inside(const void *p, const void *buf, size_t size)
{
    return (uintptr_t)p >= (uintptr_t)buf && (uintptr_t)p < (uintptr_t)buf + size;
}

NRT_TEST(enum_resource_packs_structures_then_strings_in_the_buffer)
{
    nrt_env *env = nrt_env_new();
    nr_router *r;
    nr_enum *e = three_connections(env, &r);
    union {
        NETRESOURCE align;
        char bytes[4096];
    } buf;
    DWORD count = 0xFFFFFFFFu, size = sizeof buf;
    NRT_NOT_NULL_FATAL(e);
    NRT_EQ_CODE(nr_enum_resource(e, &count, &buf, &size), WN_SUCCESS);
    NRT_EQ(count, 3);
    NETRESOURCE *v = &buf.align;
    const char *expect[] = { "fx:one", "fx:two", "fx:three" };
    for (DWORD i = 0; i < count && i < 3; i++) {
        NRT_EQ_STR(v[i].lpRemoteName, expect[i]);
        NRT_EQ_STR(v[i].lpProvider, "pa");
        NRT_TRUE(inside(v[i].lpRemoteName, &buf, sizeof buf));
        NRT_TRUE((char *)v[i].lpRemoteName >= (char *)&v[count]);
    }
    count = 0xFFFFFFFFu;
    size = sizeof buf;
    NRT_EQ_CODE(nr_enum_resource(e, &count, &buf, &size), WN_NO_MORE_ENTRIES);
    nr_enum_close(e);
    nrt_env_free(env);
}

NRT_TEST(enum_resource_gives_more_data_when_not_even_one_fits)
{
    nrt_env *env = nrt_env_new();
    nr_router *r;
    nr_enum *e = three_connections(env, &r);
    union {
        NETRESOURCE align;
        char bytes[4096];
    } buf;
    DWORD count = 0xFFFFFFFFu, size = 8;
    NRT_NOT_NULL_FATAL(e);
    NRT_EQ_CODE(nr_enum_resource(e, &count, &buf, &size), WN_MORE_DATA);
    NRT_GE(size, sizeof(NETRESOURCE) + strlen("fx:one") + 1);
    NRT_LT(size, sizeof buf);
    /* exactly the size asked for is enough for that entry */
    count = 0xFFFFFFFFu;
    NRT_EQ_CODE(nr_enum_resource(e, &count, &buf, &size), WN_SUCCESS);
    NRT_EQ(count, 1);
    NRT_EQ_STR(buf.align.lpRemoteName, "fx:one");
    nr_enum_close(e);
    nrt_env_free(env);
}

NRT_TEST(enum_resource_returns_at_most_count_entries)
{
    nrt_env *env = nrt_env_new();
    nr_router *r;
    nr_enum *e = three_connections(env, &r);
    union {
        NETRESOURCE align;
        char bytes[4096];
    } buf;
    DWORD count = 2, size = sizeof buf;
    NRT_NOT_NULL_FATAL(e);
    NRT_EQ_CODE(nr_enum_resource(e, &count, &buf, &size), WN_SUCCESS);
    NRT_EQ(count, 2);
    count = 2;
    size = sizeof buf;
    NRT_EQ_CODE(nr_enum_resource(e, &count, &buf, &size), WN_SUCCESS);
    NRT_EQ(count, 1);
    NRT_EQ_STR(buf.align.lpRemoteName, "fx:three");
    nr_enum_close(e);
    nrt_env_free(env);
}

/* ---- extended errors ----------------------------------------------------------------------------------- */

NRT_TEST(provider_extended_error_is_read_with_get_last_error)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "modem", 10, NULL, "\"ext_error\": {\"code\": 678, \"text\": \"The remote computer did not respond.\"}");
    nr_router *r = nrt_router(env);
    DWORD code = 0;
    char text[256] = "", prov[64] = "";
    NRT_EQ_CODE(add(r, NULL, "fx:a", NULL, 0), WN_EXTENDED_ERROR);
    NRT_EQ_CODE(nr_get_last_error(&code, text, sizeof text, prov, sizeof prov), WN_SUCCESS);
    NRT_EQ(code, 678);
    NRT_EQ_STR(text, "The remote computer did not respond.");
    NRT_EQ_STR(prov, "modem");
    nrt_env_free(env);
}

NRT_TEST(first_significant_provider_keeps_its_extended_error)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "modem", 10, NULL, "\"ext_error\": {\"code\": 678, \"text\": \"no answer\"}");
    nrt_provider(env, "other", 20, NULL, "\"add_result\": 1222");
    nr_router *r = nrt_router(env);
    DWORD code = 0;
    char prov[64] = "";
    NRT_EQ_CODE(add(r, NULL, "fx:a", NULL, 0), WN_EXTENDED_ERROR);
    nr_get_last_error(&code, NULL, 0, prov, sizeof prov);
    NRT_EQ(code, 678);
    NRT_EQ_STR(prov, "modem");
    nrt_env_free(env);
}

NRT_TEST(router_errors_are_attributed_to_netrouter)
{
    nrt_env *env = nrt_env_new();
    nr_router *r = nrt_router(env);
    DWORD code = 0;
    char text[256] = "";
    NRT_EQ_CODE(nr_cancel_connection(r, "fx:a", 0x00100000u, FALSE), WN_BAD_VALUE);
    nr_get_last_error(&code, text, sizeof text, NULL, 0);
    NRT_EQ(code, WN_BAD_VALUE);
    NRT_NE(text[0], '\0');
    NRT_EQ_STR(nrt_last_error_provider(env), "netrouter");
    nrt_env_free(env);
}

NRT_TEST(get_last_error_truncates_to_the_buffers)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "modem", 10, NULL, "\"ext_error\": {\"code\": 678, \"text\": \"a rather long explanation\"}");
    nr_router *r = nrt_router(env);
    char text[6], prov[3];
    memset(text, 'x', sizeof text);
    memset(prov, 'x', sizeof prov);
    NRT_EQ_CODE(add(r, NULL, "fx:a", NULL, 0), WN_EXTENDED_ERROR);
    NRT_EQ_CODE(nr_get_last_error(NULL, text, sizeof text, prov, sizeof prov), WN_SUCCESS);
    NRT_EQ_STR(text, "a rat");
    NRT_EQ_STR(prov, "mo");
    nrt_env_free(env);
}

typedef struct other_thread {
    nr_router *r;
    DWORD rc, code;
    char text[256];
} other_thread;

static void *fail_differently(void *arg)
{
    other_thread *t = arg;
    t->rc = nr_cancel_connection(t->r, "fx:a", 0x00100000u, FALSE); /* a router error */
    nr_get_last_error(&t->code, t->text, sizeof t->text, NULL, 0);
    return NULL;
}

NRT_TEST(extended_errors_are_per_thread)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "modem", 10, NULL, "\"ext_error\": {\"code\": 678, \"text\": \"no answer\"}");
    nr_router *r = nrt_router(env);
    other_thread t = { .r = r };
    pthread_t th;
    DWORD code = 0;
    char text[256] = "";
    NRT_EQ_CODE(add(r, NULL, "fx:a", NULL, 0), WN_EXTENDED_ERROR);
    NRT_EQ_FATAL(pthread_create(&th, NULL, fail_differently, &t), 0);
    pthread_join(th, NULL);
    NRT_EQ_CODE(t.rc, WN_BAD_VALUE);
    NRT_EQ(t.code, WN_BAD_VALUE);
    nr_get_last_error(&code, text, sizeof text, NULL, 0);
    NRT_EQ(code, 678);
    NRT_EQ_STR(text, "no answer");
    nrt_env_free(env);
}

NRT_TEST(strerror_gives_the_windows_texts)
{
    NRT_EQ_STR(nr_strerror(WN_SUCCESS), "The operation completed successfully.");
    NRT_EQ_STR(nr_strerror(WN_BAD_NETNAME), "The network name cannot be found.");
    NRT_CONTAINS(nr_strerror(123456), "123456");
}
