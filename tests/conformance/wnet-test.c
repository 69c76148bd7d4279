/*
 * wnet-test.c - the helpers of wnet-test.h.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "wnet-test.h"

nr_router *wnt_use(nrt_env *env)
{
    nr_router *r = nrt_router(env);
    nr_wnet_set_router(r);
    return r;
}

void wnt_done(nrt_env *env)
{
    nr_wnet_set_router(NULL);
    nrt_env_free(env);
}

const char *wnt_example_provider(nrt_env *env, const char *example, const char *name, int order)
{
    const char *src = nrt_built(env, nrt_printf(env, "docs/examples/.libs/%s.so", example));
    const char *dst = nrt_printf(env, "%s/%s.so", env->plugins, name);
    FILE *in = fopen(src, "rb"), *out;
    char buf[65536];
    size_t n;
    if (!in) {
        fprintf(stderr, "test setup failed: cannot read %s (is the build tree built?)\n", src);
        exit(99);
    }
    if (!(out = fopen(dst, "wb"))) {
        perror(dst);
        exit(99);
    }
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        fwrite(buf, 1, n, out);
    fclose(in);
    if (fclose(out) != 0) {
        perror(dst);
        exit(99);
    }
    return nrt_write(env, env->plugins, nrt_printf(env, "%s.json", name), 0644,
                     "{\n  \"manifest_version\": 1,\n  \"name\": \"%s\",\n  \"kind\": \"provider\",\n"
                     "  \"library\": \"%s\",\n  \"order\": %d\n}\n",
                     name, dst, order);
}

const char *wnt_symlink_provider(nrt_env *env, const char *name, int order)
{
    return nrt_write(env, env->plugins, nrt_printf(env, "%s.json", name), 0644,
                     "{ \"manifest_version\": 1, \"name\": \"%s\", \"kind\": \"provider\", \"library\": \"%s\",\n"
                     "  \"order\": %d, \"config\": { \"state_file\": \"%s/symlink-links.json\" } }\n",
                     name, nrt_built(env, "examples/provider-symlink/.libs/nr-symlink.so"), order, env->state);
}

NETRESOURCEA wnt_res(const char *local, const char *remote)
{
    return (NETRESOURCEA){ .dwType = RESOURCETYPE_DISK, .lpLocalName = (char *)local, .lpRemoteName = (char *)remote };
}

NETRESOURCEW wnt_resw(const wchar_t *local, const wchar_t *remote)
{
    return (NETRESOURCEW){
        .dwType = RESOURCETYPE_DISK, .lpLocalName = (wchar_t *)local, .lpRemoteName = (wchar_t *)remote,
    };
}
