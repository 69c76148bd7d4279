/*
 * test-wide-boundary.c - docs/design.md section 2: the router's calls into
 * a wide provider (router/lib/plugin-call.c and plugin-wide.c) for the
 * entry points no public function reaches yet (NPGetUniversalName,
 * NPGetResourceInformation, NPGetResourceParent) and for the enumeration thunk's buffer rules,
 * which the public enumeration hides behind a buffer of its own.
 *
 * It links a copy of the router's objects (tests/local.mk), so that it can
 * call the library's internal functions on a router built from manifests.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "testutil.h"

NRT_SUITE("wide-boundary", .setup = nrt_fixtures_found);

#define ATHENS "wide:/\xce\x95\xce\xbb\xce\xbb\xce\xac\xce\xb4\xce\xb1/\xce\xba\xce\xbf\xce\xb9\xce\xbd\xcf\x8c"
#define DONNEES "/mnt/donn\xc3\xa9""es"
#define DOSSIER "/dossier/r\xc3\xa9sum\xc3\xa9"

/* A router with the wide provider "wide", connected DONNEES -> ATHENS. */
static nr_plugin *wide_provider(nrt_env *env)
{
    nrt_plugin(env, "provider", "wide", 10, "wide-provider", NULL, NULL);
    nr_router *r = nrt_router(env);
    NETRESOURCE res = nrt_res(DONNEES, ATHENS);
    NRT_EQ_FATAL(nr_add_connection(r, NULL, &res, NULL, NULL, 0), WN_SUCCESS);
    nr_plugin *p = nr__find_provider(r, "wide");
    NRT_NOT_NULL_FATAL(p);
    NRT_EQ_FATAL(p->charset, NR_PLUGIN_CHARSET_WIDE);
    return p;
}

static bool inside(const void *ptr, const void *buf, DWORD size)
{
    return (const char *)ptr >= (const char *)buf && (const char *)ptr < (const char *)buf + size;
}

/* ---- NPGetUniversalName (bytes) ------------------------------------------------------------- */

NRT_TEST(universal_name_comes_back_in_utf8_inside_the_buffer)
{
    nrt_env *env = nrt_env_new();
    nr_plugin *p = wide_provider(env);
    union { UNIVERSAL_NAME_INFOA info; char bytes[512]; } u;
    DWORD size = sizeof u;
    NRT_EQ_CODE(nr__provider_get_universal_name(p, DONNEES DOSSIER, UNIVERSAL_NAME_INFO_LEVEL, &u, &size),
                WN_SUCCESS);
    NRT_EQ_STR(u.info.lpUniversalName, ATHENS DOSSIER);
    NRT_EQ(inside(u.info.lpUniversalName, &u, sizeof u), true);
    nrt_env_free(env);
}

NRT_TEST(remote_name_info_has_its_three_strings)
{
    nrt_env *env = nrt_env_new();
    nr_plugin *p = wide_provider(env);
    union { REMOTE_NAME_INFOA info; char bytes[512]; } u;
    DWORD size = sizeof u;
    NRT_EQ_CODE(nr__provider_get_universal_name(p, DONNEES DOSSIER, REMOTE_NAME_INFO_LEVEL, &u, &size), WN_SUCCESS);
    NRT_EQ_STR(u.info.lpUniversalName, ATHENS DOSSIER);
    NRT_EQ_STR(u.info.lpConnectionName, ATHENS);
    NRT_EQ_STR(u.info.lpRemainingPath, DOSSIER);
    NRT_EQ(inside(u.info.lpRemainingPath, &u, sizeof u), true);
    nrt_env_free(env);
}

NRT_TEST(universal_name_too_small_asks_for_the_utf8_bytes)
{
    nrt_env *env = nrt_env_new();
    nr_plugin *p = wide_provider(env);
    union { UNIVERSAL_NAME_INFOA info; char bytes[512]; } u;
    DWORD need = (DWORD)(sizeof(UNIVERSAL_NAME_INFOA) + strlen(ATHENS DOSSIER) + 1), size = need - 1;
    NRT_EQ_CODE(nr__provider_get_universal_name(p, DONNEES DOSSIER, UNIVERSAL_NAME_INFO_LEVEL, &u, &size),
                WN_MORE_DATA);
    NRT_EQ(size, need);
    size = 0;
    NRT_EQ_CODE(nr__provider_get_universal_name(p, DONNEES DOSSIER, UNIVERSAL_NAME_INFO_LEVEL, NULL, &size),
                WN_MORE_DATA);
    NRT_EQ(size, need);
    NRT_EQ_CODE(nr__provider_get_universal_name(p, DONNEES DOSSIER, UNIVERSAL_NAME_INFO_LEVEL, &u, &size),
                WN_SUCCESS);
    NRT_EQ_STR(u.info.lpUniversalName, ATHENS DOSSIER);
    nrt_env_free(env);
}

NRT_TEST(universal_name_leaves_the_size_alone_on_other_errors)
{
    nrt_env *env = nrt_env_new();
    nr_plugin *p = wide_provider(env);
    char buf[16];
    DWORD size = 5;
    NRT_EQ_CODE(nr__provider_get_universal_name(p, "/elsewhere", UNIVERSAL_NAME_INFO_LEVEL, buf, &size),
                WN_NOT_CONNECTED);
    NRT_EQ(size, 5);
    NRT_EQ_CODE(nr__provider_get_universal_name(p, DONNEES, 3, buf, &size), WN_BAD_LEVEL);
    NRT_EQ(size, 5);
    nrt_env_free(env);
}

/* ---- NPGetResourceInformation (bytes) --------------------------------------------------------- */

NRT_TEST(resource_information_is_packed_in_utf8_with_the_system_part_inside)
{
    nrt_env *env = nrt_env_new();
    nr_plugin *p = wide_provider(env);
    union { NETRESOURCEA res; char bytes[1024]; } u;
    NETRESOURCE in = nrt_res(NULL, ATHENS "/a/b\xc3\xa9");
    DWORD size = sizeof u;
    char *system = NULL;
    NRT_EQ_CODE(nr__provider_get_resource_information(p, &in, &u, &size, &system), WN_SUCCESS);
    NRT_EQ_STR(u.res.lpRemoteName, ATHENS);
    NRT_EQ_STR(u.res.lpComment, "Donn\xc3\xa9""es partag\xc3\xa9""es");
    NRT_EQ_STR(u.res.lpProvider, "wide");
    NRT_NULL(u.res.lpLocalName);
    NRT_EQ(u.res.dwDisplayType, RESOURCEDISPLAYTYPE_SHARE);
    NRT_NOT_NULL_FATAL(system);
    NRT_EQ_STR(system, "/a/b\xc3\xa9");
    NRT_EQ(inside(system, &u, sizeof u), true);
    NRT_EQ(inside(u.res.lpRemoteName, &u, sizeof u), true);
    nrt_env_free(env);
}

NRT_TEST(resource_information_too_small_asks_for_the_utf8_bytes)
{
    nrt_env *env = nrt_env_new();
    nr_plugin *p = wide_provider(env);
    union { NETRESOURCEA res; char bytes[1024]; } u;
    NETRESOURCE in = nrt_res(NULL, ATHENS "/a");
    DWORD need = (DWORD)(sizeof(NETRESOURCEA) + sizeof ATHENS + sizeof "Donn\xc3\xa9""es partag\xc3\xa9""es" +
                         sizeof "wide" + sizeof "/a");
    DWORD size = need - 1;
    char *system = NULL;
    NRT_EQ_CODE(nr__provider_get_resource_information(p, &in, &u, &size, &system), WN_MORE_DATA);
    NRT_EQ(size, need);
    NRT_NULL(system);
    NRT_EQ_CODE(nr__provider_get_resource_information(p, &in, &u, &size, &system), WN_SUCCESS);
    NRT_EQ_STR(system, "/a");
    nrt_env_free(env);
}

NRT_TEST(resource_information_leaves_the_size_alone_on_other_errors)
{
    nrt_env *env = nrt_env_new();
    nr_plugin *p = wide_provider(env);
    char buf[8];
    NETRESOURCE in = nrt_res(NULL, "wide:/nowhere");
    DWORD size = 7;
    char *system = NULL;
    NRT_EQ_CODE(nr__provider_get_resource_information(p, &in, buf, &size, &system), WN_BAD_NETNAME);
    NRT_EQ(size, 7);
    nrt_env_free(env);
}

/* ---- NPGetResourceParent (bytes) ---------------------------------------------------------------- */

NRT_TEST(resource_parent_is_packed_in_utf8_inside_the_buffer)
{
    nrt_env *env = nrt_env_new();
    nr_plugin *p = wide_provider(env);
    union { NETRESOURCEA res; char bytes[512]; } u;
    NETRESOURCE in = nrt_res(NULL, ATHENS "/a\xc3\xa9/b");
    DWORD size = sizeof u;
    NRT_EQ_CODE(nr__provider_get_resource_parent(p, &in, &u, &size), WN_SUCCESS);
    NRT_EQ_STR(u.res.lpRemoteName, ATHENS "/a\xc3\xa9");
    NRT_EQ_STR(u.res.lpProvider, "wide");
    NRT_NULL(u.res.lpLocalName);
    NRT_NULL(u.res.lpComment);
    NRT_EQ(u.res.dwType, RESOURCETYPE_DISK);
    NRT_EQ(u.res.dwDisplayType, RESOURCEDISPLAYTYPE_DIRECTORY);
    NRT_EQ(u.res.dwUsage, RESOURCEUSAGE_CONNECTABLE | RESOURCEUSAGE_CONTAINER);
    NRT_EQ(inside(u.res.lpRemoteName, &u, sizeof u), true);
    NRT_EQ(inside(u.res.lpProvider, &u, sizeof u), true);
    nrt_env_free(env);
}

NRT_TEST(resource_parent_of_a_share_has_no_remote_name)
{
    nrt_env *env = nrt_env_new();
    nr_plugin *p = wide_provider(env);
    union { NETRESOURCEA res; char bytes[512]; } u;
    NETRESOURCE in = nrt_res(NULL, ATHENS);
    DWORD size = sizeof u;
    NRT_EQ_CODE(nr__provider_get_resource_parent(p, &in, &u, &size), WN_SUCCESS);
    NRT_NULL(u.res.lpRemoteName);
    NRT_EQ_STR(u.res.lpProvider, "wide");
    NRT_EQ(u.res.dwDisplayType, RESOURCEDISPLAYTYPE_NETWORK);
    nrt_env_free(env);
}

NRT_TEST(resource_parent_too_small_asks_for_the_utf8_bytes)
{
    nrt_env *env = nrt_env_new();
    nr_plugin *p = wide_provider(env);
    union { NETRESOURCEA res; char bytes[512]; } u;
    NETRESOURCE in = nrt_res(NULL, ATHENS "/x");
    DWORD need = (DWORD)(sizeof(NETRESOURCEA) + sizeof ATHENS + sizeof "wide");
    DWORD size = need - 1;
    NRT_EQ_CODE(nr__provider_get_resource_parent(p, &in, &u, &size), WN_MORE_DATA);
    NRT_EQ(size, need);
    NRT_EQ_CODE(nr__provider_get_resource_parent(p, &in, &u, &size), WN_SUCCESS);
    NRT_EQ_STR(u.res.lpRemoteName, ATHENS);
    nrt_env_free(env);
}

NRT_TEST(resource_parent_leaves_the_size_alone_on_other_errors)
{
    nrt_env *env = nrt_env_new();
    nr_plugin *p = wide_provider(env);
    char buf[8];
    NETRESOURCE in = nrt_res(NULL, "wide:/nowhere/x");
    DWORD size = 7;
    NRT_EQ_CODE(nr__provider_get_resource_parent(p, &in, buf, &size), WN_BAD_NETNAME);
    NRT_EQ(size, 7);
    nrt_env_free(env);
}

/* ---- NPOpenEnum / NPEnumResource / NPCloseEnum (bytes) ------------------------------------------ */

NRT_TEST(enumeration_thunk_keeps_what_does_not_fit_for_the_next_call)
{
    nrt_env *env = nrt_env_new();
    nr_plugin *p = wide_provider(env);
    union { NETRESOURCEA res[8]; char bytes[2048]; } u;
    HANDLE h = NULL;
    DWORD count, size, first = (DWORD)(sizeof(NETRESOURCEA) + sizeof ATHENS + sizeof "Partage r\xc3\xa9seau" +
                                       sizeof "wide");
    NRT_EQ_CODE(nr__provider_open_enum(p, RESOURCE_GLOBALNET, RESOURCETYPE_ANY, 0, NULL, &h), WN_SUCCESS);

    count = 0xFFFFFFFFu;
    size = first - 1;
    NRT_EQ_CODE(nr__provider_enum_resource(p, h, &count, &u, &size), WN_MORE_DATA);
    NRT_EQ(size, first);

    count = 1;
    size = sizeof u;
    NRT_EQ_CODE(nr__provider_enum_resource(p, h, &count, &u, &size), WN_SUCCESS);
    NRT_EQ(count, 1);
    NRT_EQ_STR(u.res[0].lpRemoteName, ATHENS);
    NRT_EQ_STR(u.res[0].lpComment, "Partage r\xc3\xa9seau");

    count = 0xFFFFFFFFu;
    size = sizeof u;
    NRT_EQ_CODE(nr__provider_enum_resource(p, h, &count, &u, &size), WN_SUCCESS);
    NRT_EQ(count, 2);
    NRT_EQ_STR(u.res[0].lpRemoteName, "wide:/\xe6\x97\xa5\xe6\x9c\xac/\xe5\x85\xb1\xe6\x9c\x89");
    NRT_EQ_STR(u.res[1].lpRemoteName, "wide:/Z\xc3\xbcrich/Dateien");
    NRT_EQ(inside(u.res[1].lpRemoteName, &u, sizeof u), true);

    count = 0xFFFFFFFFu;
    NRT_EQ_CODE(nr__provider_enum_resource(p, h, &count, &u, &size), WN_NO_MORE_ENTRIES);
    NRT_EQ_CODE(nr__provider_close_enum(p, h), WN_SUCCESS);
    nrt_env_free(env);
}

NRT_TEST(enumeration_of_connections_converts_the_container_and_names)
{
    nrt_env *env = nrt_env_new();
    nr_plugin *p = wide_provider(env);
    union { NETRESOURCEA res[4]; char bytes[1024]; } u;
    HANDLE h = NULL;
    DWORD count = 0xFFFFFFFFu, size = sizeof u;
    NRT_EQ_CODE(nr__provider_open_enum(p, RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, NULL, &h), WN_SUCCESS);
    NRT_EQ_CODE(nr__provider_enum_resource(p, h, &count, &u, &size), WN_SUCCESS);
    NRT_EQ(count, 1);
    NRT_EQ_STR(u.res[0].lpLocalName, DONNEES);
    NRT_EQ_STR(u.res[0].lpRemoteName, ATHENS);
    NRT_NULL(u.res[0].lpComment);
    NRT_EQ_CODE(nr__provider_close_enum(p, h), WN_SUCCESS);
    nrt_env_free(env);
}
