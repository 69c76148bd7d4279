/* nr_ras_get_nameservers.c - dials an entry and prints the DNS servers the
 * server gave, one "nameserver" line each, as resolv.conf(5) writes them. */
#include <stdio.h>
#include <string.h>
#include <netrouter/ras.h>

int main(int argc, char **argv)
{
    RASDIALPARAMS params = { .dwSize = sizeof params };
    HRASCONN h = NULL;
    char dns[32], text[512];
    DWORD rc;

    if (argc != 2) {
        fprintf(stderr, "usage: %s ENTRY\n", argv[0]);
        return 2;
    }
    snprintf(params.szEntryName, sizeof params.szEntryName, "%s", argv[1]);
    rc = RasDial(NULL, NULL, &params, 0, NULL, &h);
    if (rc == 0 && (rc = nr_ras_get_nameservers(h, dns, sizeof dns)) == 0) {
        if (!dns[0])
            fprintf(stderr, "%s is up, but its server gave no DNS server\n", argv[1]);
        for (char *save = NULL, *one = strtok_r(dns, " ", &save); one; one = strtok_r(NULL, " ", &save))
            printf("nameserver %s\n", one);
    }
    if (rc) {
        RasGetErrorString(rc, text, sizeof text);
        fprintf(stderr, "%s: error %u: %s\n", argv[1], (unsigned)rc, text);
    }
    if (h)
        nr_ras_hang_up_wait(h, 10000);
    return rc == 0 ? 0 : 1;
}
