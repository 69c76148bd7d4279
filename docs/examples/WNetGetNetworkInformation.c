/* WNetGetNetworkInformation.c - describes a provider by name, then finds
 * it again by its network type. */
#include <stdio.h>
#include <netrouter/winnetwk.h>

int main(int argc, char **argv)
{
    NETINFOSTRUCT info = { .cbStructure = sizeof info };
    char name[256];
    DWORD len = sizeof name, rc;

    if (argc != 2) {
        fprintf(stderr, "usage: %s PROVIDER\n", argv[0]);
        return 2;
    }
    rc = WNetGetNetworkInformation(argv[1], &info);
    if (rc != NO_ERROR) {
        fprintf(stderr, "%s: error %u: %s\n", argv[1], (unsigned)rc, nr_strerror(rc));
        return 1;
    }
    printf("%s: network type 0x%04x, version 0x%08x, status %u\n", argv[1], (unsigned)info.wNetType,
           (unsigned)info.dwProviderVersion, (unsigned)info.dwStatus);
    rc = WNetGetProviderName((DWORD)info.wNetType << 16, name, &len);
    if (rc != NO_ERROR) {
        fprintf(stderr, "error %u: %s\n", (unsigned)rc, nr_strerror(rc));
        return 1;
    }
    printf("type 0x%04x: %s\n", (unsigned)info.wNetType, name);
    return 0;
}
