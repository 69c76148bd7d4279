/* nr_ras_set_engine.c - dials an entry and leaves the link up for other
 * programs (the connection service owns it), or, with --in-process, keeps
 * it only while this program runs. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <netrouter/ras.h>

int main(int argc, char **argv)
{
    RASDIALPARAMS params = { .dwSize = sizeof params };
    HRASCONN h = NULL;
    char text[512];
    DWORD rc;
    int arg = 1;

    if (argc > 1 && strcmp(argv[1], "--in-process") == 0) {
        rc = nr_ras_set_engine(NR_RAS_ENGINE_IN_PROCESS); /* before any dial */
        if (rc) {
            fprintf(stderr, "nr_ras_set_engine: error %u\n", (unsigned)rc);
            return 1;
        }
        arg++;
    }
    if (arg + 1 != argc) {
        fprintf(stderr, "usage: %s [--in-process] ENTRY\n", argv[0]);
        return 2;
    }
    snprintf(params.szEntryName, sizeof params.szEntryName, "%s", argv[arg]);
    rc = RasDial(NULL, NULL, &params, 0, NULL, &h);
    if (rc) {
        RasGetErrorString(rc, text, sizeof text);
        fprintf(stderr, "%s: error %u: %s\n", argv[arg], (unsigned)rc, text);
        if (h)
            RasHangUp(h);
        return 1;
    }
    if (nr_ras_get_engine() == NR_RAS_ENGINE_SERVICE) {
        printf("%s is up; end it with: rasdial %s /DISCONNECT\n", argv[arg], argv[arg]);
        return 0;               /* the link stays up after this program */
    }
    printf("%s is up while this program runs (10 s)\n", argv[arg]);
    sleep(10);
    nr_ras_hang_up_wait(h, 10000);
    return 0;
}
