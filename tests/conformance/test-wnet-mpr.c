/*
 * test-wnet-mpr.c - the assertion categories of Wine's mpr tests
 * (dlls/mpr/tests/mpr.c), written afresh for netrouter: universal and
 * remote names (WNetGetUniversalName at both levels), the buffer rules of
 * WNetUseConnection, and sizes left untouched by every error that is not
 * ERROR_MORE_DATA.  Local names here are paths, not drive letters.
 */
#include "config.h"

#include <string.h>

#include "wnet-test.h"

NRT_SUITE("wnet-mpr", .setup = nrt_fixtures_found);

static nrt_env *connected(const char *local, const char *remote)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_provider(env, "p1", 10, NULL, NULL);
    wnt_use(env);
    NETRESOURCEA res = wnt_res(local, remote);
    if (local)
        NRT_EQ_CODE(WNetAddConnection2A(&res, NULL, NULL, 0), WN_SUCCESS);
    return env;
}

/* ---- universal names ---------------------------------------------------------------- */

NRT_TEST(universal_name_of_a_path_in_no_connection_is_not_connected_with_the_size_untouched)
{
    nrt_env *env = connected("/mnt/a", "fx:share");
    char buf[256];
    DWORD size = sizeof buf;
    NRT_EQ_CODE(WNetGetUniversalNameA("/elsewhere/file", UNIVERSAL_NAME_INFO_LEVEL, buf, &size), WN_NOT_CONNECTED);
    NRT_EQ(size, sizeof buf);
    NRT_EQ_CODE(WNetGetUniversalNameA("/elsewhere/file", REMOTE_NAME_INFO_LEVEL, buf, &size), WN_NOT_CONNECTED);
    NRT_EQ(size, sizeof buf);
    wnt_done(env);
}

NRT_TEST(universal_name_without_a_size_is_bad_pointer)
{
    nrt_env *env = connected("/mnt/a", "fx:share");
    char buf[256];
    NRT_EQ_CODE(WNetGetUniversalNameA("/mnt/a/f", UNIVERSAL_NAME_INFO_LEVEL, buf, NULL), WN_BAD_POINTER);
    NRT_EQ_CODE(WNetGetUniversalNameA("/mnt/a/f", REMOTE_NAME_INFO_LEVEL, buf, NULL), WN_BAD_POINTER);
    wnt_done(env);
}

NRT_TEST(universal_name_at_an_unknown_level_is_invalid_parameter_with_the_size_untouched)
{
    nrt_env *env = connected("/mnt/a", "fx:share");
    char buf[256];
    DWORD size = sizeof buf;
    NRT_EQ_CODE(WNetGetUniversalNameA("/mnt/a/f", 3, buf, &size), ERROR_INVALID_PARAMETER);
    NRT_EQ(size, sizeof buf);
    wnt_done(env);
}

NRT_TEST(universal_name_is_the_remote_name_followed_by_the_rest_of_the_path)
{
    nrt_env *env = connected("/mnt/a", "fx:share");
    union { UNIVERSAL_NAME_INFOA info; char bytes[256]; } u;
    DWORD size = sizeof u;
    NRT_EQ_CODE(WNetGetUniversalNameA("/mnt/a/dir/f.txt", UNIVERSAL_NAME_INFO_LEVEL, &u, &size), WN_SUCCESS);
    NRT_EQ_STR(u.info.lpUniversalName, "fx:share/dir/f.txt");
    /* the strings lie inside the caller's buffer */
    NRT_TRUE(u.info.lpUniversalName > u.bytes && u.info.lpUniversalName < u.bytes + sizeof u);
    size = sizeof u;
    NRT_EQ_CODE(WNetGetUniversalNameA("/mnt/a", UNIVERSAL_NAME_INFO_LEVEL, &u, &size), WN_SUCCESS);
    NRT_EQ_STR(u.info.lpUniversalName, "fx:share");
    wnt_done(env);
}

NRT_TEST(remote_name_level_splits_connection_and_remaining_path)
{
    nrt_env *env = connected("/mnt/a", "fx:share");
    union { REMOTE_NAME_INFOA info; char bytes[256]; } u;
    DWORD size = sizeof u;
    NRT_EQ_CODE(WNetGetUniversalNameA("/mnt/a/dir/f.txt", REMOTE_NAME_INFO_LEVEL, &u, &size), WN_SUCCESS);
    NRT_EQ_STR(u.info.lpUniversalName, "fx:share/dir/f.txt");
    NRT_EQ_STR(u.info.lpConnectionName, "fx:share");
    NRT_EQ_STR(u.info.lpRemainingPath, "/dir/f.txt");
    wnt_done(env);
}

NRT_TEST(universal_name_in_a_small_buffer_is_more_data_with_the_size_in_bytes)
{
    nrt_env *env = connected("/mnt/a", "fx:share");
    union { UNIVERSAL_NAME_INFOA info; char bytes[256]; } u;
    DWORD size = 1, exact = sizeof(UNIVERSAL_NAME_INFOA) + strlen("fx:share/f") + 1;
    NRT_EQ_CODE(WNetGetUniversalNameA("/mnt/a/f", UNIVERSAL_NAME_INFO_LEVEL, &u, &size), WN_MORE_DATA);
    NRT_EQ(size, exact);
    size = exact - 1;
    NRT_EQ_CODE(WNetGetUniversalNameA("/mnt/a/f", UNIVERSAL_NAME_INFO_LEVEL, &u, &size), WN_MORE_DATA);
    NRT_EQ(size, exact);
    NRT_EQ_CODE(WNetGetUniversalNameA("/mnt/a/f", UNIVERSAL_NAME_INFO_LEVEL, &u, &size), WN_SUCCESS);
    NRT_EQ_STR(u.info.lpUniversalName, "fx:share/f");
    size = 0;
    NRT_EQ_CODE(WNetGetUniversalNameA("/mnt/a/f", REMOTE_NAME_INFO_LEVEL, NULL, &size), WN_MORE_DATA);
    NRT_EQ(size, sizeof(REMOTE_NAME_INFOA) + strlen("fx:share/f") + 1 + strlen("fx:share") + 1 + strlen("/f") + 1);
    wnt_done(env);
}

NRT_TEST(universal_name_of_an_empty_path_is_bad_device)
{
    nrt_env *env = connected("/mnt/a", "fx:share");
    char buf[64];
    DWORD size = sizeof buf;
    NRT_EQ_CODE(WNetGetUniversalNameA("", UNIVERSAL_NAME_INFO_LEVEL, buf, &size), ERROR_BAD_DEVICE);
    NRT_EQ(size, sizeof buf);
    wnt_done(env);
}

NRT_TEST(universal_name_from_a_provider_that_answers_it_itself)
{
    nrt_env *env = nrt_env_new();
    wnt_example_provider(env, "NPGetUniversalName", "demo", 10);
    wnt_use(env);
    NETRESOURCEA res = wnt_res("/home/me/docs", "demo:share");
    union { REMOTE_NAME_INFOA info; char bytes[256]; } u;
    DWORD size = sizeof u;
    NRT_EQ_CODE(WNetAddConnection2A(&res, NULL, NULL, 0), WN_SUCCESS);
    NRT_EQ_CODE(WNetGetUniversalNameA("/home/me/docs/a.txt", REMOTE_NAME_INFO_LEVEL, &u, &size), WN_SUCCESS);
    NRT_EQ_STR(u.info.lpUniversalName, "demo:share/a.txt");
    NRT_EQ_STR(u.info.lpConnectionName, "demo:share");
    NRT_EQ_STR(u.info.lpRemainingPath, "/a.txt");
    size = 4;
    NRT_EQ_CODE(WNetGetUniversalNameA("/home/me/docs/a.txt", UNIVERSAL_NAME_INFO_LEVEL, &u, &size), WN_MORE_DATA);
    NRT_EQ(size, sizeof(UNIVERSAL_NAME_INFOA) + strlen("demo:share/a.txt") + 1);
    wnt_done(env);
}

/* ---- WNetUseConnection ------------------------------------------------------------------ */

NRT_TEST(use_connection_with_an_access_buffer_but_no_size_is_invalid_parameter_and_connects_nothing)
{
    nrt_env *env = connected(NULL, NULL);
    NETRESOURCEA res = wnt_res("/mnt/u", "fx:u");
    char access[64];
    DWORD result = 77;
    NRT_EQ_CODE(WNetUseConnectionA(NULL, &res, NULL, NULL, 0, access, NULL, &result), ERROR_INVALID_PARAMETER);
    NRT_EQ(result, 77);
    NRT_EQ_STR(nrt_records(env), "");
    wnt_done(env);
}

NRT_TEST(use_connection_with_a_small_buffer_is_more_data_with_the_size_before_connecting)
{
    nrt_env *env = connected(NULL, NULL);
    NETRESOURCEA res = wnt_res("/mnt/use", "fx:u");
    char access[64];
    DWORD size = 3, result = 77;
    NRT_EQ_CODE(WNetUseConnectionA(NULL, &res, NULL, NULL, 0, access, &size, &result), WN_MORE_DATA);
    NRT_EQ(size, strlen("/mnt/use") + 1);
    NRT_EQ(result, 77);
    NRT_EQ_STR(nrt_records(env), ""); /* neither notified nor connected */
    size = 0;
    NRT_EQ_CODE(WNetUseConnectionA(NULL, &res, NULL, NULL, 0, access, &size, NULL), WN_MORE_DATA);
    NRT_EQ(size, strlen("/mnt/use") + 1);
    wnt_done(env);
}

NRT_TEST(use_connection_gives_the_local_name_and_connect_localdrive)
{
    nrt_env *env = connected(NULL, NULL);
    NETRESOURCEA res = wnt_res("/mnt/use", "fx:u");
    char access[64] = "";
    DWORD size = sizeof access, result = 0;
    NRT_EQ_CODE(WNetUseConnectionA(NULL, &res, NULL, NULL, 0, access, &size, &result), WN_SUCCESS);
    NRT_EQ_STR(access, "/mnt/use");
    NRT_EQ(result, CONNECT_LOCALDRIVE);
    NRT_EQ(size, sizeof access);
    NRT_EQ_STR(nrt_trace(env, ""), "n1 add pre | p1 NPAddConnection3 | n1 add post");
    wnt_done(env);
}

NRT_TEST(use_connection_without_a_local_name_gives_the_remote_name_and_no_flag)
{
    nrt_env *env = connected(NULL, NULL);
    NETRESOURCEA res = wnt_res(NULL, "fx:deviceless");
    char access[64] = "";
    DWORD size = sizeof access, result = 99;
    NRT_EQ_CODE(WNetUseConnectionA(NULL, &res, NULL, NULL, 0, access, &size, &result), WN_SUCCESS);
    NRT_EQ_STR(access, "fx:deviceless");
    NRT_EQ(result, 0);
    wnt_done(env);
}

NRT_TEST(use_connection_without_an_access_buffer_ignores_the_size)
{
    nrt_env *env = connected(NULL, NULL);
    NETRESOURCEA res = wnt_res("/mnt/use", "fx:u");
    DWORD size = 0, result = 0;
    NRT_EQ_CODE(WNetUseConnectionA(NULL, &res, NULL, NULL, 0, NULL, &size, &result), WN_SUCCESS);
    NRT_EQ(size, 0);
    NRT_EQ(result, CONNECT_LOCALDRIVE);
    res.lpLocalName = "/mnt/use2";
    NRT_EQ_CODE(WNetUseConnectionA(NULL, &res, NULL, NULL, 0, NULL, NULL, NULL), WN_SUCCESS);
    wnt_done(env);
}

NRT_TEST(use_connection_redirect_without_a_local_name_is_no_more_devices)
{
    nrt_env *env = connected(NULL, NULL);
    NETRESOURCEA res = wnt_res(NULL, "fx:u");
    char access[64];
    DWORD size = sizeof access;
    NRT_EQ_CODE(WNetUseConnectionA(NULL, &res, NULL, NULL, CONNECT_REDIRECT, access, &size, NULL),
                ERROR_NO_MORE_DEVICES);
    NRT_EQ(size, sizeof access);
    NRT_EQ_STR(nrt_records(env), "");
    wnt_done(env);
}

NRT_TEST(use_connection_failure_leaves_size_and_result_untouched)
{
    nrt_env *env = connected(NULL, NULL);
    NETRESOURCEA res = wnt_res("/mnt/use", "fx:u");
    char access[64] = "unchanged";
    DWORD size = sizeof access, result = 55;
    res.dwType = 7;
    NRT_EQ_CODE(WNetUseConnectionA(NULL, &res, NULL, NULL, 0, access, &size, &result), WN_BAD_VALUE);
    NRT_EQ(size, sizeof access);
    NRT_EQ(result, 55);
    NRT_EQ_STR(access, "unchanged");
    wnt_done(env);
}

NRT_TEST(use_connection_w_counts_the_access_buffer_in_wide_characters)
{
    nrt_env *env = connected(NULL, NULL);
    NETRESOURCEW res = wnt_resw(L"/mnt/\u00e9t\u00e9", L"fx:\u65e5\u672c");
    wchar_t access[64];
    DWORD size = 2, result = 0;
    NRT_EQ_CODE(WNetUseConnectionW(NULL, &res, NULL, NULL, 0, access, &size, &result), WN_MORE_DATA);
    NRT_EQ(size, wcslen(L"/mnt/\u00e9t\u00e9") + 1); /* 10 characters, not the 12 bytes of UTF-8 */
    NRT_EQ_CODE(WNetUseConnectionW(NULL, &res, NULL, NULL, 0, access, &size, &result), WN_SUCCESS);
    NRT_TRUE(wcscmp(access, L"/mnt/\u00e9t\u00e9") == 0);
    NRT_EQ(result, CONNECT_LOCALDRIVE);
    wnt_done(env);
}

/* ---- sizes untouched on error --------------------------------------------------------- */

NRT_TEST(get_connection_of_an_unconnected_name_leaves_the_size)
{
    nrt_env *env = connected("/mnt/a", "fx:a");
    char buf[32];
    DWORD len = sizeof buf;
    NRT_EQ_CODE(WNetGetConnectionA("/mnt/none", buf, &len), WN_NOT_CONNECTED);
    NRT_EQ(len, sizeof buf);
    NRT_EQ_CODE(WNetGetConnectionA("", buf, &len), ERROR_BAD_DEVICE);
    NRT_EQ(len, sizeof buf);
    wchar_t wbuf[32];
    len = 32;
    NRT_EQ_CODE(WNetGetConnectionW(L"/mnt/none", wbuf, &len), WN_NOT_CONNECTED);
    NRT_EQ(len, 32);
    wnt_done(env);
}

NRT_TEST(get_user_of_an_unconnected_name_leaves_the_size)
{
    nrt_env *env = connected("/mnt/a", "fx:a");
    char buf[32];
    DWORD len = sizeof buf;
    NRT_EQ_CODE(WNetGetUserA("/mnt/none", buf, &len), WN_NOT_CONNECTED);
    NRT_EQ(len, sizeof buf);
    wnt_done(env);
}

NRT_TEST(provider_name_of_an_unknown_type_leaves_the_size)
{
    nrt_env *env = connected(NULL, NULL);
    char buf[32];
    DWORD len = sizeof buf;
    NRT_EQ_CODE(WNetGetProviderNameA(0x00420000u, buf, &len), ERROR_BAD_PROVIDER);
    NRT_EQ(len, sizeof buf);
    wnt_done(env);
}

NRT_TEST(resource_information_of_an_unknown_name_leaves_the_size)
{
    nrt_env *env = connected(NULL, NULL);
    NETRESOURCEA res = wnt_res(NULL, "nobody:knows");
    char buf[256], *system = (char *)"unchanged";
    DWORD size = sizeof buf;
    NRT_EQ_CODE(WNetGetResourceInformationA(&res, buf, &size, &system), WN_BAD_NETNAME);
    NRT_EQ(size, sizeof buf);
    NRT_EQ_STR(system, "unchanged");
    wnt_done(env);
}

NRT_TEST(enum_resource_at_the_end_leaves_the_size)
{
    nrt_env *env = connected(NULL, NULL);
    HANDLE h = NULL;
    char buf[1024];
    DWORD count = 0xFFFFFFFFu, size = sizeof buf;
    NRT_EQ_CODE(WNetOpenEnumA(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, NULL, &h), WN_SUCCESS);
    NRT_EQ_CODE(WNetEnumResourceA(h, &count, buf, &size), WN_NO_MORE_ENTRIES);
    NRT_EQ(size, sizeof buf);
    NRT_EQ_CODE(WNetCloseEnum(h), WN_SUCCESS);
    wnt_done(env);
}
