/*
 * test-wnet.c - one behaviour per test for every WNet function of
 * <netrouter/winnetwk.h> in its A form: notifications around add and
 * cancel, persistence, queries, enumeration, extended errors, providers,
 * restore, and the router extension (nr_wnet_set_router).
 */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "wnet-test.h"

NRT_SUITE("wnet", .setup = nrt_fixtures_found);

static nrt_env *plain(void)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_provider(env, "p1", 10, NULL, NULL);
    wnt_use(env);
    return env;
}

static DWORD add(const char *local, const char *remote, const char *user, DWORD flags)
{
    NETRESOURCEA res = wnt_res(local, remote);
    return WNetAddConnection2A(&res, NULL, user, flags);
}

/* ---- add and cancel: the notifiers around them -------------------------------------- */

NRT_TEST(add_connection2_is_notified_before_and_after_the_provider)
{
    nrt_env *env = plain();
    NRT_EQ_CODE(add("/mnt/a", "fx:a", NULL, 0), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, "name,local"), "n1 add pre name=fx:a local=/mnt/a | "
                                             "p1 NPAddConnection3 name=fx:a local=/mnt/a | "
                                             "n1 add post name=fx:a local=/mnt/a");
    wnt_done(env);
}

NRT_TEST(cancel_connection2_is_notified_before_and_after_the_provider)
{
    nrt_env *env = plain();
    NRT_EQ_CODE(add("/mnt/a", "fx:a", NULL, 0), WN_SUCCESS);
    nrt_clear_records(env);
    NRT_EQ_CODE(WNetCancelConnection2A("/mnt/a", 0, FALSE), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, "name"), "n1 cancel pre name=/mnt/a | p1 NPCancelConnection name=/mnt/a | "
                                       "n1 cancel post name=/mnt/a");
    wnt_done(env);
}

NRT_TEST(add_connection3_passes_the_owner_flags_and_user)
{
    nrt_env *env = plain();
    NETRESOURCEA res = wnt_res("/mnt/a", "fx:a");
    NRT_EQ_CODE(WNetAddConnection3A((HWND)0x1234, &res, "secret", "alice", CONNECT_INTERACTIVE), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace_of(env, "P", "user,password,flags"),
               "p1 NPAddConnection3 user=alice password=secret flags=8");
    wnt_done(env);
}

NRT_TEST(a_notifier_veto_is_what_add_connection2_returns)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, "\"pre\": 1223");
    nrt_provider(env, "p1", 10, NULL, NULL);
    wnt_use(env);
    NRT_EQ_CODE(add("/mnt/a", "fx:a", NULL, 0), WN_CANCEL);
    NRT_EQ(nrt_count(env, "NPAddConnection3"), 0);
    wnt_done(env);
}

NRT_TEST(add_connection2_with_update_profile_is_remembered)
{
    nrt_env *env = plain();
    nr_router *r = nr_wnet_get_router();
    NRT_EQ_CODE(add("/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_STR(nrt_remembered(env, r), "/mnt/a=fx:a@p1");
    wnt_done(env);
}

NRT_TEST(add_connection_the_old_form_connects_without_remembering)
{
    nrt_env *env = plain();
    nr_router *r = nr_wnet_get_router();
    char buf[64];
    DWORD len = sizeof buf;
    NRT_EQ_CODE(WNetAddConnectionA("fx:old", NULL, "/mnt/old"), WN_SUCCESS);
    NRT_EQ_CODE(WNetGetConnectionA("/mnt/old", buf, &len), WN_SUCCESS);
    NRT_EQ_STR(buf, "fx:old");
    NRT_EQ_STR(nrt_remembered(env, r), "");
    NRT_EQ(nrt_count(env, "n1 add pre"), 1);
    wnt_done(env);
}

NRT_TEST(cancel_connection_the_old_form_keeps_the_remembered_entry)
{
    nrt_env *env = plain();
    nr_router *r = nr_wnet_get_router();
    NRT_EQ_CODE(add("/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_CODE(WNetCancelConnectionA("/mnt/a", FALSE), WN_SUCCESS);
    NRT_EQ_STR(nrt_remembered(env, r), "/mnt/a=fx:a@p1");
    NRT_EQ(nrt_count(env, "n1 cancel pre"), 1);
    wnt_done(env);
}

NRT_TEST(cancel_connection2_with_update_profile_forgets)
{
    nrt_env *env = plain();
    nr_router *r = nr_wnet_get_router();
    NRT_EQ_CODE(add("/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_CODE(WNetCancelConnection2A("/mnt/a", CONNECT_UPDATE_PROFILE, FALSE), WN_SUCCESS);
    NRT_EQ_STR(nrt_remembered(env, r), "");
    wnt_done(env);
}

NRT_TEST(cancel_of_an_unknown_name_is_not_connected)
{
    nrt_env *env = plain();
    NRT_EQ_CODE(WNetCancelConnection2A("/mnt/none", 0, TRUE), WN_NOT_CONNECTED);
    wnt_done(env);
}

/* Microsoft's WNetCancelConnection2: "If the parameter specifies a remote
 * network resource, all connections without devices are canceled." */
NRT_TEST(cancel_connection2_by_remote_name_leaves_a_device_connection_and_is_not_connected)
{
    nrt_env *env = plain();
    char buf[64];
    DWORD len = sizeof buf;
    NRT_EQ_CODE(add("/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_CODE(WNetCancelConnection2A("fx:a", 0, FALSE), ERROR_NOT_CONNECTED);
    NRT_EQ_CODE(WNetCancelConnection2A("fx:a", CONNECT_UPDATE_PROFILE, TRUE), ERROR_NOT_CONNECTED);
    NRT_EQ_CODE(WNetGetConnectionA("/mnt/a", buf, &len), WN_SUCCESS);
    NRT_EQ_STR(buf, "fx:a");
    NRT_EQ_STR(nrt_remembered(env, nr_wnet_get_router()), "/mnt/a=fx:a@p1");
    wnt_done(env);
}

NRT_TEST(cancel_connection2_by_remote_name_ends_every_deviceless_connection_and_only_those)
{
    nrt_env *env = plain();
    char buf[64];
    DWORD len = sizeof buf;
    NRT_EQ_CODE(add("/mnt/a", "fx:a", NULL, 0), WN_SUCCESS);
    NRT_EQ_CODE(add(NULL, "fx:a", NULL, 0), WN_SUCCESS);
    NRT_EQ_CODE(add(NULL, "fx:a", "bob", 0), WN_SUCCESS);
    NRT_EQ_CODE(WNetCancelConnection2A("fx:a", 0, FALSE), NO_ERROR);
    NRT_EQ_CODE(WNetCancelConnection2A("fx:a", 0, FALSE), ERROR_NOT_CONNECTED); /* both were ended */
    NRT_EQ_CODE(WNetGetConnectionA("/mnt/a", buf, &len), WN_SUCCESS);
    NRT_EQ_CODE(WNetCancelConnectionA("/mnt/a", FALSE), NO_ERROR);
    wnt_done(env);
}

NRT_TEST(the_documented_example_provider_cancels_by_remote_name_as_windows_does)
{
    nrt_env *env = nrt_env_new();
    NETRESOURCEA dev = wnt_res("/mnt/d", "demo:share"), none = wnt_res(NULL, "demo:share");
    wnt_example_provider(env, "NPCancelConnection", "demo", 10);
    wnt_use(env);
    NRT_EQ_CODE(WNetAddConnection2A(&dev, NULL, NULL, 0), WN_SUCCESS);
    NRT_EQ_CODE(WNetCancelConnection2A("demo:share", 0, FALSE), ERROR_NOT_CONNECTED);
    NRT_EQ_CODE(WNetAddConnection2A(&none, NULL, NULL, 0), WN_SUCCESS);
    NRT_EQ_CODE(WNetCancelConnection2A("demo:share", 0, FALSE), NO_ERROR);
    NRT_EQ_CODE(WNetCancelConnection2A("demo:share", 0, FALSE), ERROR_NOT_CONNECTED);
    NRT_EQ_CODE(WNetCancelConnection2A("/mnt/d", 0, FALSE), NO_ERROR); /* the device connection was still there */
    wnt_done(env);
}

NRT_TEST(restore_connection_reconnects_a_remembered_entry_without_notification)
{
    nrt_env *env = plain();
    char buf[64];
    DWORD len = sizeof buf;
    NRT_EQ_CODE(add("/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_CODE(WNetCancelConnectionA("/mnt/a", TRUE), WN_SUCCESS); /* still remembered */
    NRT_EQ_CODE(WNetGetConnectionA("/mnt/a", buf, &len), ERROR_CONNECTION_UNAVAIL);
    nrt_clear_records(env);
    NRT_EQ_CODE(WNetRestoreConnectionA(NULL, "/mnt/a"), WN_SUCCESS);
    NRT_EQ(nrt_count(env, "add pre"), 0);
    NRT_EQ(nrt_count(env, "NPAddConnection3"), 1);
    len = sizeof buf;
    NRT_EQ_CODE(WNetGetConnectionA("/mnt/a", buf, &len), WN_SUCCESS);
    NRT_EQ_STR(buf, "fx:a");
    NRT_EQ_CODE(WNetRestoreConnectionA(NULL, "/mnt/never"), WN_NOT_CONNECTED);
    wnt_done(env);
}

/* ---- queries ---------------------------------------------------------------------------- */

NRT_TEST(get_connection_gives_the_remote_name_or_more_data_with_the_length)
{
    nrt_env *env = plain();
    char buf[64];
    DWORD len = 3;
    NRT_EQ_CODE(add("/mnt/a", "fx:a-long-name", NULL, 0), WN_SUCCESS);
    NRT_EQ_CODE(WNetGetConnectionA("/mnt/a", buf, &len), WN_MORE_DATA);
    NRT_EQ(len, strlen("fx:a-long-name") + 1);
    NRT_EQ_CODE(WNetGetConnectionA("/mnt/a", buf, &len), WN_SUCCESS);
    NRT_EQ_STR(buf, "fx:a-long-name");
    NRT_EQ_CODE(WNetGetConnectionA(NULL, buf, &len), WN_BAD_POINTER);
    NRT_EQ_CODE(WNetGetConnectionA("/mnt/a", buf, NULL), WN_BAD_POINTER);
    wnt_done(env);
}

NRT_TEST(get_user_gives_the_user_of_a_connection_and_the_current_user)
{
    nrt_env *env = plain();
    char buf[64];
    DWORD len = sizeof buf;
    NRT_EQ_CODE(add("/mnt/a", "fx:a", "alice", 0), WN_SUCCESS);
    NRT_EQ_CODE(WNetGetUserA("/mnt/a", buf, &len), WN_SUCCESS);
    NRT_EQ_STR(buf, "alice");
    len = 2;
    NRT_EQ_CODE(WNetGetUserA("/mnt/a", buf, &len), WN_MORE_DATA);
    NRT_EQ(len, 6);
    len = sizeof buf;
    NRT_EQ_CODE(WNetGetUserA(NULL, buf, &len), WN_SUCCESS);
    NRT_TRUE(buf[0] != '\0');
    wnt_done(env);
}

NRT_TEST(resource_information_splits_the_resource_and_the_system_part)
{
    nrt_env *env = nrt_env_new();
    wnt_example_provider(env, "NPGetResourceInformation", "demo", 10);
    wnt_use(env);
    NETRESOURCEA res = wnt_res(NULL, "demo:server/share/dir/file");
    union { NETRESOURCEA nr; char bytes[512]; } u;
    char *system = NULL;
    DWORD size = 8;
    NRT_EQ_CODE(WNetGetResourceInformationA(&res, &u, &size, &system), WN_MORE_DATA);
    NRT_GT(size, sizeof(NETRESOURCEA));
    NRT_NULL(system);
    size = sizeof u;
    NRT_EQ_CODE(WNetGetResourceInformationA(&res, &u, &size, &system), WN_SUCCESS);
    NRT_EQ_STR(u.nr.lpRemoteName, "demo:server/share");
    NRT_EQ_STR(system, "/dir/file");
    NRT_EQ(u.nr.dwType, RESOURCETYPE_DISK);
    res.lpProvider = "nobody";
    NRT_EQ_CODE(WNetGetResourceInformationA(&res, &u, &size, &system), ERROR_BAD_PROVIDER);
    wnt_done(env);
}

NRT_TEST(resource_parent_checks_its_arguments_then_is_not_supported)
{
    nrt_env *env = plain();
    NETRESOURCEA res = wnt_res(NULL, "fx:server/share");
    char buf[256];
    DWORD size = sizeof buf;
    NRT_EQ_CODE(WNetGetResourceParentA(NULL, buf, &size), WN_BAD_POINTER);
    /* p1 has no NPGetResourceParent: no provider offers the call. */
    NRT_EQ_CODE(WNetGetResourceParentA(&res, buf, &size), WN_NOT_SUPPORTED);
    NRT_EQ(size, sizeof buf);
    res.lpProvider = "p1";
    NRT_EQ_CODE(WNetGetResourceParentA(&res, buf, &size), WN_NOT_SUPPORTED);
    NRT_EQ(size, sizeof buf);
    res.lpProvider = "nobody";
    NRT_EQ_CODE(WNetGetResourceParentA(&res, buf, &size), ERROR_BAD_PROVIDER);
    NRT_EQ(size, sizeof buf);
    wnt_done(env);
}

/* link:/Ελλάδα/données (non-ASCII, 2-byte UTF-8 sequences). */
#define GREEK "link:/\xce\x95\xce\xbb\xce\xbb\xce\xac\xce\xb4\xce\xb1"
#define DONNEES GREEK "/donn\xc3\xa9""es"

static nrt_env *with_links(void)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "p1", 10, NULL, NULL);
    wnt_symlink_provider(env, "li\xc3\xb1ks", 20);
    wnt_use(env);
    return env;
}

NRT_TEST(resource_parent_is_the_directory_above_from_the_provider_that_knows_the_name)
{
    nrt_env *env = with_links();
    NETRESOURCEA res = wnt_res(NULL, DONNEES "/x");
    union { NETRESOURCEA nr; char bytes[512]; } u;
    DWORD size = sizeof u;
    memset(&u, 0xAA, sizeof u);
    NRT_EQ_CODE(WNetGetResourceParentA(&res, &u, &size), WN_SUCCESS);
    NRT_EQ_STR(u.nr.lpRemoteName, DONNEES);
    NRT_EQ_STR(u.nr.lpProvider, "li\xc3\xb1ks");
    NRT_NULL(u.nr.lpLocalName);
    NRT_NULL(u.nr.lpComment);
    NRT_EQ(u.nr.dwScope, 0);
    NRT_EQ(u.nr.dwType, RESOURCETYPE_DISK);
    NRT_EQ(u.nr.dwDisplayType, RESOURCEDISPLAYTYPE_SHARE);
    NRT_EQ(u.nr.dwUsage, RESOURCEUSAGE_CONNECTABLE | RESOURCEUSAGE_CONTAINER);
    /* Up again, by the provider named, with trailing slashes. */
    res.lpRemoteName = DONNEES "//";
    res.lpProvider = "li\xc3\xb1ks";
    NRT_EQ_CODE(WNetGetResourceParentA(&res, &u, &size), WN_SUCCESS);
    NRT_EQ_STR(u.nr.lpRemoteName, GREEK);
    res.lpRemoteName = GREEK;
    NRT_EQ_CODE(WNetGetResourceParentA(&res, &u, &size), WN_SUCCESS);
    NRT_EQ_STR(u.nr.lpRemoteName, "link:/");
    wnt_done(env);
}

NRT_TEST(resource_parent_of_the_top_has_no_remote_name)
{
    nrt_env *env = with_links();
    NETRESOURCEA res = wnt_res(NULL, "link:/");
    union { NETRESOURCEA nr; char bytes[512]; } u;
    DWORD size = sizeof u;
    NRT_EQ_CODE(WNetGetResourceParentA(&res, &u, &size), WN_SUCCESS);
    NRT_NULL(u.nr.lpRemoteName);
    NRT_EQ_STR(u.nr.lpProvider, "li\xc3\xb1ks");
    NRT_EQ(u.nr.dwDisplayType, RESOURCEDISPLAYTYPE_NETWORK);
    NRT_EQ(u.nr.dwUsage, RESOURCEUSAGE_CONTAINER);
    wnt_done(env);
}

NRT_TEST(resource_parent_too_small_gives_more_data_with_the_exact_size)
{
    nrt_env *env = with_links();
    NETRESOURCEA res = wnt_res(NULL, DONNEES "/x");
    union { NETRESOURCEA nr; char bytes[512]; } u;
    DWORD need = (DWORD)(sizeof(NETRESOURCEA) + sizeof DONNEES + sizeof "li\xc3\xb1ks");
    DWORD size = need - 1;
    NRT_EQ_CODE(WNetGetResourceParentA(&res, &u, &size), ERROR_MORE_DATA);
    NRT_EQ(size, need);
    size = 4096; /* no buffer: a size probe */
    NRT_EQ_CODE(WNetGetResourceParentA(&res, NULL, &size), ERROR_MORE_DATA);
    NRT_EQ(size, need);
    NRT_EQ_CODE(WNetGetResourceParentA(&res, &u, &size), WN_SUCCESS);
    NRT_EQ(size, need);
    NRT_EQ_STR(u.nr.lpRemoteName, DONNEES);
    NRT_TRUE(u.nr.lpProvider + strlen(u.nr.lpProvider) < u.bytes + need);
    wnt_done(env);
}

NRT_TEST(resource_parent_leaves_the_size_alone_on_errors)
{
    nrt_env *env = with_links();
    NETRESOURCEA res = wnt_res(NULL, "nobody:knows/this");
    char buf[8];
    DWORD size = 3;
    NRT_EQ_CODE(WNetGetResourceParentA(&res, buf, &size), ERROR_BAD_NET_NAME);
    NRT_EQ(size, 3);
    res.lpRemoteName = DONNEES;
    res.lpProvider = "p1"; /* loaded, but without NPGetResourceParent */
    NRT_EQ_CODE(WNetGetResourceParentA(&res, buf, &size), ERROR_NOT_SUPPORTED);
    NRT_EQ(size, 3);
    res.lpProvider = "nobody";
    NRT_EQ_CODE(WNetGetResourceParentA(&res, buf, &size), ERROR_BAD_PROVIDER);
    NRT_EQ(size, 3);
    res.lpProvider = NULL;
    res.lpRemoteName = "";
    NRT_EQ_CODE(WNetGetResourceParentA(&res, buf, &size), ERROR_BAD_NET_NAME);
    NRT_EQ_CODE(WNetGetResourceParentA(&res, buf, NULL), ERROR_INVALID_ADDRESS);
    NRT_EQ(size, 3);
    wnt_done(env);
}

NRT_TEST(resource_parent_from_the_named_provider_is_its_own_answer)
{
    nrt_env *env = with_links();
    NETRESOURCEA res = wnt_res(NULL, DONNEES "/x");
    char buf[8], text[256], provider[64];
    DWORD size = 3, code = 0;
    res.lpProvider = "li\xc3\xb1ks";
    res.dwType = RESOURCETYPE_PRINT; /* the symlink provider knows only disks */
    NRT_EQ_CODE(WNetGetResourceParentA(&res, buf, &size), ERROR_INVALID_PARAMETER);
    NRT_EQ(size, 3);
    NRT_EQ_CODE(WNetGetLastErrorA(&code, text, sizeof text, provider, sizeof provider), WN_SUCCESS);
    NRT_EQ_STR(text, "symlink resources are disk resources");
    wnt_done(env);
}

NRT_TEST(provider_name_of_a_net_type)
{
    nrt_env *env = plain();
    char buf[64];
    DWORD len = 1;
    NRT_EQ_CODE(WNetGetProviderNameA(0x00FE0000u, buf, &len), WN_MORE_DATA);
    NRT_EQ(len, 3);
    NRT_EQ_CODE(WNetGetProviderNameA(0x00FE0000u, buf, &len), WN_SUCCESS);
    NRT_EQ_STR(buf, "p1");
    len = sizeof buf; /* the network type proper is the high word */
    NRT_EQ_CODE(WNetGetProviderNameA(0x00FE0001u, buf, &len), WN_SUCCESS);
    NRT_EQ_STR(buf, "p1");
    NRT_EQ_CODE(WNetGetProviderNameA(0x00FE0000u, buf, NULL), WN_BAD_POINTER);
    wnt_done(env);
}

NRT_TEST(network_information_of_a_provider)
{
    nrt_env *env = plain();
    NETINFOSTRUCT info = { .cbStructure = sizeof info };
    NRT_EQ_CODE(WNetGetNetworkInformationA("p1", &info), WN_SUCCESS);
    NRT_EQ(info.wNetType, 0x00FE);
    NRT_EQ(info.dwStatus, NO_ERROR);
    NRT_NE(info.dwHandle, 0);
    NRT_EQ_CODE(WNetGetNetworkInformationA("nobody", &info), ERROR_BAD_PROVIDER);
    info.cbStructure = 4;
    NRT_EQ_CODE(WNetGetNetworkInformationA("p1", &info), ERROR_INVALID_PARAMETER);
    NRT_EQ_CODE(WNetGetNetworkInformationA(NULL, &info), WN_BAD_POINTER);
    wnt_done(env);
}

NRT_TEST(network_information_without_any_provider_is_no_network)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    wnt_use(env);
    NETINFOSTRUCT info = { .cbStructure = sizeof info };
    char buf[16];
    DWORD len = sizeof buf;
    NRT_EQ_CODE(WNetGetNetworkInformationA("p1", &info), ERROR_NO_NETWORK);
    NRT_EQ_CODE(WNetGetProviderNameA(0x00FE0000u, buf, &len), ERROR_NO_NETWORK);
    wnt_done(env);
}

/* ---- enumeration ------------------------------------------------------------------------- */

NRT_TEST(enumeration_lists_the_connections_in_the_buffer_form)
{
    nrt_env *env = plain();
    HANDLE h = NULL;
    union { NETRESOURCEA nr[8]; char bytes[2048]; } u;
    DWORD count = 0xFFFFFFFFu, size = sizeof u;
    NRT_EQ_CODE(add("/mnt/a", "fx:a", NULL, 0), WN_SUCCESS);
    NRT_EQ_CODE(add("/mnt/b", "fx:b", NULL, 0), WN_SUCCESS);
    NRT_EQ_CODE(WNetOpenEnumA(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, NULL, &h), WN_SUCCESS);
    NRT_EQ_CODE(WNetEnumResourceA(h, &count, &u, &size), WN_SUCCESS);
    NRT_EQ(count, 2);
    NRT_EQ_STR(u.nr[0].lpLocalName, "/mnt/a");
    NRT_EQ_STR(u.nr[1].lpRemoteName, "fx:b");
    NRT_EQ_STR(u.nr[1].lpProvider, "p1");
    NRT_EQ_CODE(WNetEnumResourceA(h, &count, &u, &size), WN_NO_MORE_ENTRIES);
    NRT_EQ_CODE(WNetCloseEnum(h), WN_SUCCESS);
    wnt_done(env);
}

NRT_TEST(enumeration_into_a_small_buffer_is_more_data_with_the_size_of_one_entry)
{
    nrt_env *env = plain();
    HANDLE h = NULL;
    union { NETRESOURCEA nr[2]; char bytes[1024]; } u;
    DWORD count = 1, size = 8;
    NRT_EQ_CODE(add("/mnt/a", "fx:a", NULL, 0), WN_SUCCESS);
    NRT_EQ_CODE(WNetOpenEnumA(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, NULL, &h), WN_SUCCESS);
    NRT_EQ_CODE(WNetEnumResourceA(h, &count, &u, &size), WN_MORE_DATA);
    NRT_GE(size, sizeof(NETRESOURCEA) + strlen("/mnt/a") + 1 + strlen("fx:a") + 1);
    NRT_EQ_CODE(WNetEnumResourceA(h, &count, &u, &size), WN_SUCCESS);
    NRT_EQ(count, 1);
    NRT_EQ_STR(u.nr[0].lpRemoteName, "fx:a");
    NRT_EQ_CODE(WNetCloseEnum(h), WN_SUCCESS);
    wnt_done(env);
}

NRT_TEST(enumeration_of_remembered_connections)
{
    nrt_env *env = plain();
    HANDLE h = NULL;
    union { NETRESOURCEA nr[4]; char bytes[1024]; } u;
    DWORD count = 0xFFFFFFFFu, size = sizeof u;
    NRT_EQ_CODE(add("/mnt/r", "fx:r", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_CODE(WNetOpenEnumA(RESOURCE_REMEMBERED, RESOURCETYPE_ANY, 0, NULL, &h), WN_SUCCESS);
    NRT_EQ_CODE(WNetEnumResourceA(h, &count, &u, &size), WN_SUCCESS);
    NRT_EQ(count, 1);
    NRT_EQ_STR(u.nr[0].lpLocalName, "/mnt/r");
    NRT_EQ(u.nr[0].dwScope, RESOURCE_REMEMBERED);
    NRT_EQ_CODE(WNetCloseEnum(h), WN_SUCCESS);
    wnt_done(env);
}

NRT_TEST(enumeration_calls_with_no_handle_are_bad_handle)
{
    nrt_env *env = plain();
    DWORD count = 1, size = 0, garbage[4] = { 0 };
    NRT_EQ_CODE(WNetEnumResourceA(NULL, &count, NULL, &size), ERROR_INVALID_HANDLE);
    NRT_EQ_CODE(WNetEnumResourceA(garbage, &count, NULL, &size), ERROR_INVALID_HANDLE);
    NRT_EQ_CODE(WNetCloseEnum(NULL), ERROR_INVALID_HANDLE);
    NRT_EQ_CODE(WNetOpenEnumA(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, NULL, NULL), WN_BAD_POINTER);
    NRT_EQ_CODE(WNetOpenEnumA(99, RESOURCETYPE_ANY, 0, NULL, (HANDLE *)&garbage[0]), ERROR_INVALID_PARAMETER);
    wnt_done(env);
}

NRT_TEST(enumeration_calls_with_a_handle_that_is_no_pointer_are_bad_handle_not_a_crash)
{
    nrt_env *env = plain();
    HANDLE bad[] = { (HANDLE)(intptr_t)-1 /* INVALID_HANDLE_VALUE */, (HANDLE)0x1234, (HANDLE)1, (HANDLE)(uintptr_t)0xdeadbeef, (HANDLE)&env };
    DWORD count = 1, size = 0;
    size_t i;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        NRT_EQ_CODE(WNetEnumResourceA(bad[i], &count, NULL, &size), ERROR_INVALID_HANDLE);
        NRT_EQ_CODE(WNetEnumResourceW(bad[i], &count, NULL, &size), ERROR_INVALID_HANDLE);
        NRT_EQ_CODE(WNetCloseEnum(bad[i]), ERROR_INVALID_HANDLE);
    }
    wnt_done(env);
}

NRT_TEST(a_closed_handle_is_bad_handle_again_and_stays_so)
{
    nrt_env *env = plain();
    HANDLE h = NULL, h2 = NULL;
    DWORD count = 1, size = 0;
    NRT_EQ_CODE(WNetOpenEnumA(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, NULL, &h), WN_SUCCESS);
    NRT_EQ_CODE(WNetCloseEnum(h), WN_SUCCESS);
    NRT_EQ_CODE(WNetCloseEnum(h), ERROR_INVALID_HANDLE);
    NRT_EQ_CODE(WNetEnumResourceA(h, &count, NULL, &size), ERROR_INVALID_HANDLE);
    NRT_EQ_CODE(WNetOpenEnumA(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, NULL, &h2), WN_SUCCESS);
    NRT_TRUE(h2 != h); /* not given out again */
    NRT_EQ_CODE(WNetCloseEnum(h), ERROR_INVALID_HANDLE);
    NRT_EQ_CODE(WNetEnumResourceA(h2, &count, NULL, &size), WN_NO_MORE_ENTRIES);
    NRT_EQ_CODE(WNetCloseEnum(h2), WN_SUCCESS);
    NRT_EQ_CODE(WNetCloseEnum(h2), ERROR_INVALID_HANDLE);
    wnt_done(env);
}

static void *close_enum(void *h)
{
    return (void *)(uintptr_t)WNetCloseEnum(h);
}

NRT_TEST(a_handle_opened_in_one_thread_is_closed_from_another_once)
{
    nrt_env *env = plain();
    HANDLE h = NULL;
    pthread_t t;
    void *rc = NULL;
    NRT_EQ_CODE(WNetOpenEnumA(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, NULL, &h), WN_SUCCESS);
    NRT_EQ(pthread_create(&t, NULL, close_enum, h), 0);
    NRT_EQ(pthread_join(t, &rc), 0);
    NRT_EQ_CODE((DWORD)(uintptr_t)rc, WN_SUCCESS);
    NRT_EQ(pthread_create(&t, NULL, close_enum, h), 0);
    NRT_EQ(pthread_join(t, &rc), 0);
    NRT_EQ_CODE((DWORD)(uintptr_t)rc, ERROR_INVALID_HANDLE);
    NRT_EQ_CODE(WNetCloseEnum(h), ERROR_INVALID_HANDLE);
    wnt_done(env);
}

/* ---- the extended error -------------------------------------------------------------------- */

NRT_TEST(last_error_names_the_failure_and_its_provider)
{
    nrt_env *env = plain();
    char text[256], name[64];
    DWORD code = 0;
    NETRESOURCEA res = wnt_res("/mnt/a", "fx:a");
    res.lpProvider = "nobody";
    NRT_EQ_CODE(WNetAddConnection2A(&res, NULL, NULL, 0), ERROR_BAD_PROVIDER);
    NRT_EQ_CODE(WNetGetLastErrorA(&code, text, sizeof text, name, sizeof name), WN_SUCCESS);
    NRT_EQ(code, ERROR_BAD_PROVIDER);
    NRT_CONTAINS(text, "nobody");
    NRT_EQ_STR(name, "netrouter");
    /* truncated to the buffer, still terminated */
    NRT_EQ_CODE(WNetGetLastErrorA(&code, text, 5, name, 3), WN_SUCCESS);
    NRT_EQ(strlen(text), 4);
    NRT_EQ_STR(name, "ne");
    NRT_EQ_CODE(WNetGetLastErrorA(NULL, text, sizeof text, name, sizeof name), WN_BAD_POINTER);
    wnt_done(env);
}

NRT_TEST(last_error_of_a_provider_comes_with_its_name)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "p1", 10, NULL, "\"ext_error\": {\"code\": 5005, \"text\": \"quota exceeded\"}");
    wnt_use(env);
    char text[256], name[64];
    DWORD code = 0;
    NRT_EQ_CODE(add(NULL, "fx:a", NULL, 0), WN_EXTENDED_ERROR);
    NRT_EQ_CODE(WNetGetLastErrorA(&code, text, sizeof text, name, sizeof name), WN_SUCCESS);
    NRT_EQ(code, 5005);
    NRT_EQ_STR(text, "quota exceeded");
    NRT_EQ_STR(name, "p1");
    wnt_done(env);
}

/* ---- the router behind them ----------------------------------------------------------------- */

NRT_TEST(set_router_installs_a_router_and_returns_the_one_before)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "p1", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_NULL(nr_wnet_set_router(r));
    NRT_EQ_PTR(nr_wnet_get_router(), r);
    NRT_EQ_PTR(nr_wnet_set_router(NULL), r);
    wnt_done(env);
}
