/*
 * test-wnet-wide.c - the W forms: wide arguments reach the notifiers and
 * providers as UTF-8 and UTF-8 answers come back wide, with non-ASCII
 * names both ways (made with W, read with A and the other way round);
 * sizes in wide characters or in bytes as each Windows function counts
 * them; text that is no Unicode is refused before anything happens.
 */
#include "config.h"

#include <string.h>
#include <wchar.h>

#include "wnet-test.h"

NRT_SUITE("wnet-wide", .setup = nrt_fixtures_found);

/* U+00E9 (2 bytes of UTF-8), U+65E5 U+672C (3 bytes each), U+1F600 (4 bytes). */
#define LOCAL_W L"/mnt/caf\u00e9"
#define LOCAL_A "/mnt/caf\u00e9"
#define REMOTE_W L"fx:\u65e5\u672c/\U0001F600"
#define REMOTE_A "fx:\u65e5\u672c/\U0001F600"

static nrt_env *plain(void)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_provider(env, "p1", 10, NULL, NULL);
    wnt_use(env);
    return env;
}

NRT_TEST(wide_add_reaches_notifier_and_provider_as_utf8)
{
    nrt_env *env = plain();
    NETRESOURCEW res = wnt_resw(LOCAL_W, REMOTE_W);
    NRT_EQ_CODE(WNetAddConnection2W(&res, NULL, L"j\u00fcrgen", 0), WN_SUCCESS);
    NRT_EQ_STR(nrt_value(env, "n1 add pre", 0, "name"), REMOTE_A);
    NRT_EQ_STR(nrt_value(env, "n1 add pre", 0, "local"), LOCAL_A);
    NRT_EQ_STR(nrt_value(env, "NPAddConnection3", 0, "user"), "j\u00fcrgen");
    NRT_EQ(nrt_count(env, "n1 add post"), 1);
    wnt_done(env);
}

NRT_TEST(made_wide_read_narrow)
{
    nrt_env *env = plain();
    NETRESOURCEW res = wnt_resw(LOCAL_W, REMOTE_W);
    char buf[64];
    DWORD len = sizeof buf;
    NRT_EQ_CODE(WNetAddConnection2W(&res, NULL, NULL, 0), WN_SUCCESS);
    NRT_EQ_CODE(WNetGetConnectionA(LOCAL_A, buf, &len), WN_SUCCESS);
    NRT_EQ_STR(buf, REMOTE_A);
    wnt_done(env);
}

NRT_TEST(made_narrow_read_wide_with_the_length_in_wide_characters)
{
    nrt_env *env = plain();
    NETRESOURCEA res = wnt_res(LOCAL_A, REMOTE_A);
    wchar_t buf[64];
    DWORD len = 2;
    NRT_EQ_CODE(WNetAddConnection2A(&res, NULL, NULL, 0), WN_SUCCESS);
    NRT_EQ_CODE(WNetGetConnectionW(LOCAL_W, buf, &len), WN_MORE_DATA);
    NRT_EQ(len, wcslen(REMOTE_W) + 1); /* 7 characters; its UTF-8 takes 14 bytes */
    NRT_EQ_CODE(WNetGetConnectionW(LOCAL_W, buf, &len), WN_SUCCESS);
    NRT_TRUE(wcscmp(buf, REMOTE_W) == 0);
    NRT_EQ_CODE(WNetGetConnectionW(LOCAL_W, NULL, &len), WN_MORE_DATA);
    NRT_EQ(len, wcslen(REMOTE_W) + 1);
    wnt_done(env);
}

NRT_TEST(a_lone_surrogate_is_invalid_parameter_before_any_notification)
{
    nrt_env *env = plain();
    wchar_t bad[] = { L'f', L'x', L':', 0xD800, 0 };
    wchar_t beyond[] = { L'/', 0x110000, 0 };
    NETRESOURCEW res = wnt_resw(L"/mnt/a", bad);
    wchar_t buf[16];
    DWORD len = 16;
    NRT_EQ_CODE(WNetAddConnection2W(&res, NULL, NULL, 0), ERROR_INVALID_PARAMETER);
    res = wnt_resw(beyond, L"fx:a");
    NRT_EQ_CODE(WNetAddConnection2W(&res, NULL, NULL, 0), ERROR_INVALID_PARAMETER);
    NRT_EQ_CODE(WNetCancelConnection2W(bad, 0, FALSE), ERROR_INVALID_PARAMETER);
    NRT_EQ_CODE(WNetGetConnectionW(beyond, buf, &len), ERROR_INVALID_PARAMETER);
    NRT_EQ(len, 16);
    NRT_EQ_STR(nrt_records(env), "");
    wnt_done(env);
}

NRT_TEST(wide_cancel_is_notified_with_the_utf8_name)
{
    nrt_env *env = plain();
    NETRESOURCEW res = wnt_resw(LOCAL_W, REMOTE_W);
    NRT_EQ_CODE(WNetAddConnection2W(&res, NULL, NULL, 0), WN_SUCCESS);
    nrt_clear_records(env);
    NRT_EQ_CODE(WNetCancelConnection2W(LOCAL_W, 0, FALSE), WN_SUCCESS);
    NRT_EQ_STR(nrt_value(env, "n1 cancel pre", 0, "name"), LOCAL_A);
    NRT_EQ(nrt_count(env, "n1 cancel post"), 1);
    NRT_EQ_CODE(WNetCancelConnectionW(LOCAL_W, FALSE), WN_NOT_CONNECTED);
    wnt_done(env);
}

NRT_TEST(wide_cancel_by_remote_name_ends_only_the_deviceless_connections)
{
    nrt_env *env = plain();
    NETRESOURCEW dev = wnt_resw(LOCAL_W, REMOTE_W), none = wnt_resw(NULL, REMOTE_W);
    wchar_t buf[64];
    DWORD len = 64;
    NRT_EQ_CODE(WNetAddConnection2W(&dev, NULL, NULL, 0), WN_SUCCESS);
    NRT_EQ_CODE(WNetCancelConnection2W(REMOTE_W, 0, FALSE), ERROR_NOT_CONNECTED);
    NRT_EQ_CODE(WNetGetConnectionW(LOCAL_W, buf, &len), WN_SUCCESS);
    NRT_TRUE(wcscmp(buf, REMOTE_W) == 0);
    NRT_EQ_CODE(WNetAddConnection2W(&none, NULL, NULL, 0), WN_SUCCESS);
    NRT_EQ_CODE(WNetCancelConnection2W(REMOTE_W, CONNECT_UPDATE_PROFILE, FALSE), NO_ERROR);
    NRT_EQ_STR(nrt_value(env, "NPCancelConnection", 1, "name"), REMOTE_A);
    NRT_EQ_CODE(WNetCancelConnection2W(REMOTE_W, 0, FALSE), ERROR_NOT_CONNECTED);
    len = 64;
    NRT_EQ_CODE(WNetGetConnectionW(LOCAL_W, buf, &len), WN_SUCCESS); /* still there */
    wnt_done(env);
}

NRT_TEST(wide_add_connection_and_add_connection3)
{
    nrt_env *env = plain();
    NETRESOURCEW res = wnt_resw(L"/mnt/three", L"fx:three");
    char buf[64];
    DWORD len = sizeof buf;
    NRT_EQ_CODE(WNetAddConnectionW(L"fx:old", NULL, L"/mnt/old"), WN_SUCCESS);
    NRT_EQ_CODE(WNetAddConnection3W(NULL, &res, L"pw", L"bob", 0), WN_SUCCESS);
    NRT_EQ_CODE(WNetGetConnectionA("/mnt/old", buf, &len), WN_SUCCESS);
    NRT_EQ_STR(buf, "fx:old");
    NRT_EQ_STR(nrt_value(env, "NPAddConnection3", 1, "user"), "bob");
    wnt_done(env);
}

NRT_TEST(wide_get_user)
{
    nrt_env *env = plain();
    NETRESOURCEA res = wnt_res("/mnt/a", "fx:a");
    wchar_t buf[32];
    DWORD len = 1;
    NRT_EQ_CODE(WNetAddConnection2A(&res, NULL, "ren\u00e9e", 0), WN_SUCCESS);
    NRT_EQ_CODE(WNetGetUserW(L"/mnt/a", buf, &len), WN_MORE_DATA);
    NRT_EQ(len, 6);
    NRT_EQ_CODE(WNetGetUserW(L"/mnt/a", buf, &len), WN_SUCCESS);
    NRT_TRUE(wcscmp(buf, L"ren\u00e9e") == 0);
    wnt_done(env);
}

NRT_TEST(wide_enumeration_gives_wide_structures)
{
    nrt_env *env = plain();
    NETRESOURCEA res = wnt_res(LOCAL_A, REMOTE_A);
    HANDLE h = NULL;
    union { NETRESOURCEW nr[4]; char bytes[1024]; } u;
    DWORD count = 0xFFFFFFFFu, size = 8, need;
    NRT_EQ_CODE(WNetAddConnection2A(&res, NULL, NULL, 0), WN_SUCCESS);
    NRT_EQ_CODE(WNetOpenEnumW(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, NULL, &h), WN_SUCCESS);
    NRT_EQ_CODE(WNetEnumResourceW(h, &count, &u, &size), WN_MORE_DATA);
    need = sizeof(NETRESOURCEW) + (wcslen(LOCAL_W) + 1 + wcslen(REMOTE_W) + 1 + 3) * sizeof(wchar_t);
    NRT_GE(size, need); /* bytes: the structure and its wide strings (the provider's comment too) */
    need = size--;      /* one byte less is still too little, the size given is enough */
    NRT_EQ_CODE(WNetEnumResourceW(h, &count, &u, &size), WN_MORE_DATA);
    NRT_EQ(size, need);
    NRT_EQ_CODE(WNetEnumResourceW(h, &count, &u, &size), WN_SUCCESS);
    NRT_EQ(count, 1);
    NRT_TRUE(wcscmp(u.nr[0].lpLocalName, LOCAL_W) == 0);
    NRT_TRUE(wcscmp(u.nr[0].lpRemoteName, REMOTE_W) == 0);
    NRT_TRUE(wcscmp(u.nr[0].lpProvider, L"p1") == 0);
    NRT_TRUE((char *)u.nr[0].lpRemoteName >= u.bytes + sizeof(NETRESOURCEW) &&
             (char *)u.nr[0].lpRemoteName < u.bytes + need); /* inside the given size */
    NRT_EQ_CODE(WNetEnumResourceW(h, &count, &u, &size), WN_NO_MORE_ENTRIES);
    NRT_EQ_CODE(WNetCloseEnum(h), WN_SUCCESS);
    wnt_done(env);
}

NRT_TEST(one_handle_serves_both_forms_in_turn)
{
    nrt_env *env = plain();
    NETRESOURCEA a = wnt_res("/mnt/a", "fx:a"), b = wnt_res("/mnt/b", "fx:b");
    HANDLE h = NULL;
    union { NETRESOURCEW w[2]; NETRESOURCEA n[2]; char bytes[1024]; } u;
    DWORD count = 1, size = sizeof u;
    NRT_EQ_CODE(WNetAddConnection2A(&a, NULL, NULL, 0), WN_SUCCESS);
    NRT_EQ_CODE(WNetAddConnection2A(&b, NULL, NULL, 0), WN_SUCCESS);
    NRT_EQ_CODE(WNetOpenEnumA(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, NULL, &h), WN_SUCCESS);
    NRT_EQ_CODE(WNetEnumResourceW(h, &count, &u, &size), WN_SUCCESS);
    NRT_TRUE(wcscmp(u.w[0].lpRemoteName, L"fx:a") == 0);
    NRT_EQ_CODE(WNetEnumResourceA(h, &count, &u, &size), WN_SUCCESS);
    NRT_EQ_STR(u.n[0].lpRemoteName, "fx:b");
    NRT_EQ_CODE(WNetCloseEnum(h), WN_SUCCESS);
    wnt_done(env);
}

NRT_TEST(wide_universal_name_counts_bytes)
{
    nrt_env *env = plain();
    NETRESOURCEA res = wnt_res(LOCAL_A, REMOTE_A);
    union { REMOTE_NAME_INFOW r; UNIVERSAL_NAME_INFOW u; char bytes[512]; } u;
    DWORD size = 4;
    NRT_EQ_CODE(WNetAddConnection2A(&res, NULL, NULL, 0), WN_SUCCESS);
    NRT_EQ_CODE(WNetGetUniversalNameW(LOCAL_W L"/d\u00e9", UNIVERSAL_NAME_INFO_LEVEL, &u, &size), WN_MORE_DATA);
    NRT_EQ(size, sizeof(UNIVERSAL_NAME_INFOW) + (wcslen(REMOTE_W L"/d\u00e9") + 1) * sizeof(wchar_t));
    NRT_EQ_CODE(WNetGetUniversalNameW(LOCAL_W L"/d\u00e9", UNIVERSAL_NAME_INFO_LEVEL, &u, &size), WN_SUCCESS);
    NRT_TRUE(wcscmp(u.u.lpUniversalName, REMOTE_W L"/d\u00e9") == 0);
    size = sizeof u;
    NRT_EQ_CODE(WNetGetUniversalNameW(LOCAL_W L"/d\u00e9", REMOTE_NAME_INFO_LEVEL, &u, &size), WN_SUCCESS);
    NRT_TRUE(wcscmp(u.r.lpConnectionName, REMOTE_W) == 0);
    NRT_TRUE(wcscmp(u.r.lpRemainingPath, L"/d\u00e9") == 0);
    size = sizeof u;
    NRT_EQ_CODE(WNetGetUniversalNameW(L"/nowhere", REMOTE_NAME_INFO_LEVEL, &u, &size), WN_NOT_CONNECTED);
    NRT_EQ(size, sizeof u);
    wnt_done(env);
}

NRT_TEST(wide_resource_information_with_its_system_part)
{
    nrt_env *env = nrt_env_new();
    wnt_example_provider(env, "NPGetResourceInformation", "demo", 10);
    wnt_use(env);
    NETRESOURCEW res = wnt_resw(NULL, L"demo:server/share/\u00e9t\u00e9");
    union { NETRESOURCEW nr; char bytes[512]; } u;
    wchar_t *system = NULL;
    DWORD size = 0;
    NRT_EQ_CODE(WNetGetResourceInformationW(&res, NULL, &size, &system), WN_MORE_DATA);
    NRT_EQ(size, sizeof(NETRESOURCEW) + (wcslen(L"demo:server/share") + 1 + 5 + wcslen(L"/\u00e9t\u00e9") + 1) *
                                            sizeof(wchar_t));
    NRT_EQ_CODE(WNetGetResourceInformationW(&res, &u, &size, &system), WN_SUCCESS);
    NRT_TRUE(wcscmp(u.nr.lpRemoteName, L"demo:server/share") == 0);
    NRT_TRUE(wcscmp(u.nr.lpProvider, L"demo") == 0);
    NRT_TRUE(system && wcscmp(system, L"/\u00e9t\u00e9") == 0);
    wnt_done(env);
}

NRT_TEST(wide_provider_name_parent_and_network_information)
{
    nrt_env *env = plain();
    NETRESOURCEW res = wnt_resw(NULL, L"fx:server");
    NETINFOSTRUCT info = { .cbStructure = sizeof info };
    wchar_t buf[16];
    char parent[256];
    DWORD len = 1, size = sizeof parent;
    NRT_EQ_CODE(WNetGetProviderNameW(0x00FE0000u, buf, &len), WN_MORE_DATA);
    NRT_EQ(len, 3);
    NRT_EQ_CODE(WNetGetProviderNameW(0x00FE0000u, buf, &len), WN_SUCCESS);
    NRT_TRUE(wcscmp(buf, L"p1") == 0);
    NRT_EQ_CODE(WNetGetNetworkInformationW(L"p1", &info), WN_SUCCESS);
    NRT_EQ(info.wNetType, 0x00FE);
    res.lpProvider = L"p1";
    NRT_EQ_CODE(WNetGetResourceParentW(&res, parent, &size), WN_NOT_SUPPORTED);
    NRT_EQ(size, sizeof parent);
    wnt_done(env);
}

/* link:/Ελλάδα/données and its provider "liñks", wide. */
#define GREEK_W L"link:/\u0395\u03bb\u03bb\u03ac\u03b4\u03b1"
#define DONNEES_W GREEK_W L"/donn\u00e9es"
#define LINKS_W L"li\u00f1ks"

NRT_TEST(wide_resource_parent_comes_back_wide_in_bytes)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "p1", 10, NULL, NULL);
    wnt_symlink_provider(env, "li\u00f1ks", 20);
    wnt_use(env);
    NETRESOURCEW res = wnt_resw(NULL, DONNEES_W L"/\U0001F600");
    union { NETRESOURCEW nr; char bytes[512]; } u;
    DWORD need = (DWORD)(sizeof(NETRESOURCEW) + sizeof DONNEES_W + sizeof LINKS_W);
    DWORD size = need - 1;
    NRT_EQ_CODE(WNetGetResourceParentW(&res, &u, &size), ERROR_MORE_DATA);
    NRT_EQ(size, need);
    NRT_EQ_CODE(WNetGetResourceParentW(&res, &u, &size), WN_SUCCESS);
    NRT_TRUE(wcscmp(u.nr.lpRemoteName, DONNEES_W) == 0);
    NRT_TRUE(wcscmp(u.nr.lpProvider, LINKS_W) == 0);
    NRT_NULL(u.nr.lpLocalName);
    NRT_NULL(u.nr.lpComment);
    NRT_EQ(u.nr.dwType, RESOURCETYPE_DISK);
    NRT_EQ(u.nr.dwUsage, RESOURCEUSAGE_CONNECTABLE | RESOURCEUSAGE_CONTAINER);
    NRT_TRUE((char *)(u.nr.lpProvider + wcslen(u.nr.lpProvider)) < u.bytes + need);
    /* The top: no remote name. */
    res.lpRemoteName = L"link:/";
    res.lpProvider = LINKS_W;
    size = sizeof u;
    NRT_EQ_CODE(WNetGetResourceParentW(&res, &u, &size), WN_SUCCESS);
    NRT_NULL(u.nr.lpRemoteName);
    NRT_TRUE(wcscmp(u.nr.lpProvider, LINKS_W) == 0);
    /* Errors leave the size alone. */
    size = 5;
    res.lpRemoteName = L"nobody:\u00e9";
    res.lpProvider = NULL;
    NRT_EQ_CODE(WNetGetResourceParentW(&res, &u, &size), ERROR_BAD_NET_NAME);
    NRT_EQ(size, 5);
    res.lpProvider = L"n\u00f6body";
    NRT_EQ_CODE(WNetGetResourceParentW(&res, &u, &size), ERROR_BAD_PROVIDER);
    NRT_EQ(size, 5);
    wnt_done(env);
}

NRT_TEST(wide_last_error_is_truncated_in_wide_characters)
{
    nrt_env *env = plain();
    NETRESOURCEW res = wnt_resw(L"/mnt/a", L"fx:a");
    wchar_t text[256], name[4];
    DWORD code = 0;
    res.lpProvider = L"n\u00f6body";
    NRT_EQ_CODE(WNetAddConnection2W(&res, NULL, NULL, 0), ERROR_BAD_PROVIDER);
    NRT_EQ_CODE(WNetGetLastErrorW(&code, text, 256, name, 4), WN_SUCCESS);
    NRT_EQ(code, ERROR_BAD_PROVIDER);
    NRT_TRUE(wcsstr(text, L"n\u00f6body") != NULL);
    NRT_TRUE(wcscmp(name, L"net") == 0);
    NRT_EQ_CODE(WNetGetLastErrorW(&code, text, 3, name, 4), WN_SUCCESS);
    NRT_EQ(wcslen(text), 2);
    wnt_done(env);
}

NRT_TEST(wide_restore_connection)
{
    nrt_env *env = plain();
    NETRESOURCEW res = wnt_resw(LOCAL_W, REMOTE_W);
    wchar_t buf[32];
    DWORD len = 32;
    NRT_EQ_CODE(WNetAddConnection2W(&res, NULL, NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_CODE(WNetCancelConnectionW(LOCAL_W, TRUE), WN_SUCCESS);
    NRT_EQ_CODE(WNetRestoreConnectionW(NULL, LOCAL_W), WN_SUCCESS);
    NRT_EQ_CODE(WNetGetConnectionW(LOCAL_W, buf, &len), WN_SUCCESS);
    NRT_TRUE(wcscmp(buf, REMOTE_W) == 0);
    wnt_done(env);
}

NRT_TEST(wide_get_connection_of_a_remembered_name_gives_it_with_connection_unavail)
{
    nrt_env *env = plain();
    NETRESOURCEW res = wnt_resw(LOCAL_W, REMOTE_W);
    wchar_t buf[32];
    DWORD len = 32;
    NRT_EQ_CODE(WNetAddConnection2W(&res, NULL, NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_CODE(WNetCancelConnectionW(LOCAL_W, TRUE), WN_SUCCESS); /* still remembered */
    NRT_EQ_CODE(WNetGetConnectionW(LOCAL_W, buf, &len), ERROR_CONNECTION_UNAVAIL);
    NRT_TRUE(wcscmp(buf, REMOTE_W) == 0);
    len = 1;
    NRT_EQ_CODE(WNetGetConnectionW(LOCAL_W, buf, &len), WN_MORE_DATA);
    NRT_EQ(len, wcslen(REMOTE_W) + 1);
    wnt_done(env);
}

/* ---- WNetSetLastError: a Windows provider reports its own error --------------------------- */

NRT_TEST(a_provider_error_set_with_wnetsetlasterrorw_reaches_wnetgetlasterrorw)
{
    nrt_env *env = nrt_env_new();
    NETRESOURCEW res = wnt_resw(L"/mnt/s", L"seterr:x");
    WCHAR text[256], name[64];
    DWORD code = 0;
    nrt_plugin(env, "provider", "seterr", 10, "wide-seterror", NULL, NULL);
    wnt_use(env);
    NRT_EQ_CODE(WNetAddConnection2W(&res, NULL, NULL, 0), WN_EXTENDED_ERROR);
    NRT_EQ_CODE(WNetGetLastErrorW(&code, text, 256, name, 64), WN_SUCCESS);
    NRT_EQ(code, 1234);
    NRT_TRUE(wcscmp(text, L"the server said \u00abno\u00bb") == 0);
    NRT_TRUE(wcscmp(name, L"Wide Seterror Net") == 0);
    NRT_EQ_STR(nrt_last_error_provider(env), "Wide Seterror Net");
    wnt_done(env);
}

NRT_TEST(wnetsetlasterror_without_a_provider_name_names_the_calling_plugin)
{
    nrt_env *env = nrt_env_new();
    NETRESOURCEW res = wnt_resw(L"/mnt/s", L"seterr:anon");
    nrt_plugin(env, "provider", "seterr", 10, "wide-seterror", NULL, NULL);
    wnt_use(env);
    NRT_EQ_CODE(WNetAddConnection2W(&res, NULL, NULL, 0), WN_EXTENDED_ERROR);
    NRT_EQ_STR(nrt_last_error_text(env), "the server said \u00abno\u00bb");
    NRT_EQ_STR(nrt_last_error_provider(env), "seterr");
    wnt_done(env);
}

NRT_TEST(wnetsetlasterror_outside_a_plugin_is_read_back_in_both_forms)
{
    char text[64], name[64];
    WCHAR wname[64];
    DWORD code = 0;
    WNetSetLastErrorA(42, "plain", "p\u00e4");
    NRT_EQ_CODE(WNetGetLastErrorA(&code, text, 64, name, 64), WN_SUCCESS);
    NRT_EQ(code, 42);
    NRT_EQ_STR(text, "plain");
    NRT_EQ_STR(name, "p\u00e4");
    WNetSetLastErrorW(ERROR_BAD_NETPATH, NULL, L"w\u00e4");
    NRT_EQ_CODE(WNetGetLastErrorW(&code, NULL, 0, wname, 64), WN_SUCCESS);
    NRT_EQ(code, ERROR_BAD_NETPATH);
    NRT_TRUE(wcscmp(wname, L"w\u00e4") == 0);
    NRT_EQ_CODE(nr_get_last_error(&code, text, sizeof text, NULL, 0), WN_SUCCESS);
    NRT_EQ_STR(text, nr_strerror(ERROR_BAD_NETPATH));
}
