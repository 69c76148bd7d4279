/* WNetGetResourceParent.c - walks up the browse hierarchy from a remote
 * name to the top, one parent per line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netrouter/winnetwk.h>

int main(int argc, char **argv)
{
    NETRESOURCE nr = { .dwType = RESOURCETYPE_ANY };
    char name[1024];
    DWORD rc;

    if (argc != 2 || strlen(argv[1]) >= sizeof name) {
        fprintf(stderr, "usage: %s REMOTE\n", argv[0]);
        return 2;
    }
    strcpy(name, argv[1]);
    nr.lpRemoteName = name;
    for (;;) {
        DWORD size = 0;
        NETRESOURCE *parent;
        /* The first call asks for the size, the second answers. */
        rc = WNetGetResourceParent(&nr, NULL, &size);
        if (rc != ERROR_MORE_DATA)
            break;
        if (!(parent = malloc(size)))
            return 1;
        rc = WNetGetResourceParent(&nr, parent, &size);
        if (rc != NO_ERROR) {
            free(parent);
            break;
        }
        if (!parent->lpRemoteName) { /* no browse parent: the network itself */
            printf("(the %s network)\n", parent->lpProvider);
            free(parent);
            return 0;
        }
        printf("%s (%s)\n", parent->lpRemoteName, parent->lpProvider);
        if (strlen(parent->lpRemoteName) >= sizeof name || !strcmp(parent->lpRemoteName, name)) {
            free(parent);
            return 0; /* a provider that says a name is its own parent */
        }
        strcpy(name, parent->lpRemoteName);
        free(parent);
    }
    fprintf(stderr, "%s: error %u: %s\n", name, (unsigned)rc, nr_strerror(rc));
    return 1;
}
