/* nr_get_user.c - prints the user a connection was made as (or yours). */
#include <stdio.h>
#include <netrouter/netrouter.h>

int main(int argc, char **argv)
{
    const char *name = argc > 1 ? argv[1] : NULL; /* NULL: the current user */
    char user[256];
    DWORD len = sizeof user, rc;
    nr_router *r;

    if ((rc = nr_router_new(NULL, &r)) != WN_SUCCESS) {
        fprintf(stderr, "cannot start the router: %s\n", nr_strerror(rc));
        return 1;
    }
    rc = nr_get_user(r, name, user, &len);
    if (rc == WN_SUCCESS)
        printf("%s: %s\n", name ? name : "you", user);
    else if (rc == WN_MORE_DATA)
        fprintf(stderr, "the user name needs %u bytes\n", (unsigned)len);
    else
        fprintf(stderr, "error %u: %s\n", (unsigned)rc, nr_strerror(rc));
    nr_router_free(r);
    return rc == WN_SUCCESS ? 0 : 1;
}
