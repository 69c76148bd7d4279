/* nr_ras_get_interface.c - dials an entry that names an "interface" and says
 * which kernel interface carries its traffic. */
#include <stdio.h>
#include <netrouter/ras.h>

int main(int argc, char **argv)
{
    RASDIALPARAMS params = { .dwSize = sizeof params };
    HRASCONN h = NULL;
    char ifname[16], text[512];
    DWORD rc;

    if (argc != 2) {
        fprintf(stderr, "usage: %s ENTRY\n", argv[0]);
        return 2;
    }
    snprintf(params.szEntryName, sizeof params.szEntryName, "%s", argv[1]);
    rc = RasDial(NULL, NULL, &params, 0, NULL, &h); /* needs CAP_NET_ADMIN for the interface */
    if (rc == 0 && (rc = nr_ras_get_interface(h, ifname, sizeof ifname)) == 0) {
        if (ifname[0])
            printf("%s is up on %s; try: ip address show dev %s\n", argv[1], ifname, ifname);
        else
            printf("%s is up, without a kernel interface (its entry names none)\n", argv[1]);
    }
    if (rc) {
        RasGetErrorString(rc, text, sizeof text);
        fprintf(stderr, "%s: error %u: %s\n", argv[1], (unsigned)rc, text);
    }
    if (h)
        nr_ras_hang_up_wait(h, 10000);
    return rc == 0 ? 0 : 1;
}
