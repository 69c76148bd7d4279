/*
 * test-wnet-unicode.c - compiled with UNICODE defined, as a Windows program
 * built by Visual Studio: the plain names (WNetAddConnection2, NETRESOURCE,
 * TCHAR, TEXT()) are the wide forms, and a program written with them works
 * unchanged.
 */
#include "config.h"

#include <wchar.h>

#include "wnet-test.h"

#ifndef UNICODE
#error "this suite is compiled with -DUNICODE"
#endif

NRT_SUITE("wnet-unicode", .setup = nrt_fixtures_found);

_Static_assert(__builtin_types_compatible_p(TCHAR, wchar_t), "TCHAR is wchar_t under UNICODE");
_Static_assert(__builtin_types_compatible_p(NETRESOURCE, NETRESOURCEW), "NETRESOURCE is NETRESOURCEW");

NRT_TEST(a_program_written_with_the_plain_names_works_wide)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_provider(env, "p1", 10, NULL, NULL);
    wnt_use(env);
    NETRESOURCE nr = { .dwType = RESOURCETYPE_DISK };
    TCHAR remote[64];
    DWORD len = sizeof remote / sizeof remote[0];
    nr.lpLocalName = TEXT("/mnt/\u00fcber");
    nr.lpRemoteName = TEXT("fx:\u00fcber");
    NRT_EQ_CODE(WNetAddConnection2(&nr, NULL, NULL, CONNECT_UPDATE_PROFILE), NO_ERROR);
    NRT_EQ_STR(nrt_trace(env, "name"), "n1 add pre name=fx:\u00fcber | p1 NPAddConnection3 name=fx:\u00fcber | "
                                       "n1 add post name=fx:\u00fcber");
    NRT_EQ_CODE(WNetGetConnection(TEXT("/mnt/\u00fcber"), remote, &len), NO_ERROR);
    NRT_TRUE(wcscmp(remote, TEXT("fx:\u00fcber")) == 0);
    NRT_EQ_CODE(WNetCancelConnection2(TEXT("/mnt/\u00fcber"), CONNECT_UPDATE_PROFILE, FALSE), NO_ERROR);
    NRT_EQ(nrt_count(env, "n1 cancel post"), 1);
    wnt_done(env);
}

NRT_TEST(plain_enumeration_gives_netresourcew)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "p1", 10, NULL, NULL);
    wnt_use(env);
    NETRESOURCE nr = { .dwType = RESOURCETYPE_DISK, .lpLocalName = TEXT("/mnt/e"), .lpRemoteName = TEXT("fx:e") };
    union { NETRESOURCE first; char bytes[2048]; } buf;
    HANDLE h;
    DWORD count = 0xFFFFFFFF, size = sizeof buf;
    NRT_EQ_CODE(WNetAddConnection2(&nr, NULL, NULL, 0), NO_ERROR);
    NRT_EQ_CODE(WNetOpenEnum(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, NULL, &h), NO_ERROR);
    NRT_EQ_CODE(WNetEnumResource(h, &count, &buf, &size), NO_ERROR);
    NRT_EQ(count, 1);
    NRT_TRUE(wcscmp(buf.first.lpRemoteName, TEXT("fx:e")) == 0);
    NRT_EQ_CODE(WNetCloseEnum(h), NO_ERROR);
    wnt_done(env);
}
