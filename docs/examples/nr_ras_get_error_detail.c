/* nr_ras_get_error_detail.c - dials an entry and says exactly what was at fault when it fails. */
#include <stdio.h>
#include <netrouter/ras.h>

int main(int argc, char **argv)
{
    RASDIALPARAMS p = { .dwSize = sizeof p };
    HRASCONN h = NULL;
    char text[512], detail[2048];
    DWORD rc;

    if (argc != 3) {
        fprintf(stderr, "usage: %s PHONEBOOK ENTRY\n", argv[0]);
        return 2;
    }
    snprintf(p.szEntryName, sizeof p.szEntryName, "%s", argv[2]);
    rc = RasDial(NULL, argv[1], &p, 0, NULL, &h); /* synchronous */
    if (rc == 0) {
        printf("%s: connected\n", argv[2]);
    } else {
        RasGetErrorString(rc, text, sizeof text);          /* the Windows sentence */
        nr_ras_get_error_detail(h, detail, sizeof detail); /* which file, key, device or process; h may be NULL */
        fprintf(stderr, "error %u: %s\n%s\n", (unsigned)rc, text, detail);
    }
    if (h)
        nr_ras_hang_up_wait(h, 10000); /* also after a failure */
    return rc ? 1 : 0;
}
