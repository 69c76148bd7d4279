/* RasGetErrorString.c - prints the text of RAS and WNet error numbers. */
#include <stdio.h>
#include <stdlib.h>
#include <netrouter/ras.h>

int main(int argc, char **argv)
{
    char text[512];
    int bad = 0;

    for (int i = 1; i < argc; i++) {
        UINT code = (UINT)strtoul(argv[i], NULL, 0);
        DWORD rc = RasGetErrorString(code, text, sizeof text);
        if (rc == 0) {
            printf("%u: %s\n", code, text);
        } else {
            printf("%u: no text (error %u)\n", code, (unsigned)rc);
            bad = 1;
        }
    }
    return bad;
}
