/*
 * sshfs-query.c - asks the built sshfs provider plugin directly what the
 * router has no command for (test helper of sshfs.test):
 *
 *   sshfs-query PLUGIN universal LOCAL_PATH   the universal name, then the
 *                                             connection name and the rest
 *                                             (REMOTE_NAME_INFO), one a line
 *   sshfs-query PLUGIN resource REMOTE        the mountable part, then the
 *                                             rest (lplpSystem, "-" if none)
 *   sshfs-query PLUGIN parent REMOTE          the parent's remote name ("-"
 *                                             if none) and display type
 *   sshfs-query PLUGIN user NAME              NPGetUser
 *
 * Each entry point is called first with no buffer, to check that
 * WN_MORE_DATA gives the size that then suffices.  Exit status: 0, or
 * the WN_* code modulo 256 (1 when that is 0) after printing it.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <netrouter/npapi.h>

static int fail(const char *what, DWORD rc)
{
    printf("%s: error %u\n", what, (unsigned)rc);
    return (int)(rc % 256) ? (int)(rc % 256) : 1;
}

int main(int argc, char **argv)
{
    void *lib;
    DWORD size = 0, rc;
    char *buf;

    if (argc != 4) {
        fprintf(stderr, "usage: sshfs-query PLUGIN universal|resource|parent|user NAME\n");
        return 2;
    }
    lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        fprintf(stderr, "sshfs-query: %s\n", dlerror());
        return 2;
    }
    if (!strcmp(argv[2], "universal")) {
        PF_NPGetUniversalName fn = (PF_NPGetUniversalName)dlsym(lib, "NPGetUniversalName");
        rc = fn(argv[3], REMOTE_NAME_INFO_LEVEL, NULL, &size);
        if (rc != WN_MORE_DATA)
            return fail("NPGetUniversalName", rc);
        buf = malloc(size);
        rc = fn(argv[3], REMOTE_NAME_INFO_LEVEL, buf, &size);
        if (rc != WN_SUCCESS)
            return fail("NPGetUniversalName", rc);
        REMOTE_NAME_INFO *r = (REMOTE_NAME_INFO *)buf;
        printf("%s\n%s\n%s\n", r->lpUniversalName, r->lpConnectionName, r->lpRemainingPath);
    } else if (!strcmp(argv[2], "resource")) {
        PF_NPGetResourceInformation fn = (PF_NPGetResourceInformation)dlsym(lib, "NPGetResourceInformation");
        NETRESOURCE in = { .dwType = RESOURCETYPE_DISK, .lpRemoteName = argv[3] };
        char *system = NULL;
        rc = fn(&in, NULL, &size, &system);
        if (rc != WN_MORE_DATA)
            return fail("NPGetResourceInformation", rc);
        buf = malloc(size);
        rc = fn(&in, buf, &size, &system);
        if (rc != WN_SUCCESS)
            return fail("NPGetResourceInformation", rc);
        printf("%s\n%s\n", ((NETRESOURCE *)buf)->lpRemoteName, system ? system : "-");
    } else if (!strcmp(argv[2], "parent")) {
        PF_NPGetResourceParent fn = (PF_NPGetResourceParent)dlsym(lib, "NPGetResourceParent");
        NETRESOURCE in = { .dwType = RESOURCETYPE_DISK, .lpRemoteName = argv[3] };
        rc = fn(&in, NULL, &size);
        if (rc != WN_MORE_DATA)
            return fail("NPGetResourceParent", rc);
        buf = malloc(size);
        rc = fn(&in, buf, &size);
        if (rc != WN_SUCCESS)
            return fail("NPGetResourceParent", rc);
        NETRESOURCE *r = (NETRESOURCE *)buf;
        printf("%s\n%u\n", r->lpRemoteName ? r->lpRemoteName : "-", (unsigned)r->dwDisplayType);
    } else if (!strcmp(argv[2], "user")) {
        PF_NPGetUser fn = (PF_NPGetUser)dlsym(lib, "NPGetUser");
        rc = fn(argv[3], NULL, &size);
        if (rc != WN_MORE_DATA)
            return fail("NPGetUser", rc);
        buf = malloc(size);
        rc = fn(argv[3], buf, &size);
        if (rc != WN_SUCCESS)
            return fail("NPGetUser", rc);
        printf("%s\n", buf);
    } else {
        return 2;
    }
    free(buf);
    dlclose(lib);
    return 0;
}
