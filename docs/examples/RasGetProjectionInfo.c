/* RasGetProjectionInfo.c - dials an entry and prints what PPP negotiated. */
#include <stdio.h>
#include <netrouter/ras.h>

static void print_projection(HRASCONN h)
{
    RASPPPIP ip = { .dwSize = sizeof ip };
    RASPPPLCP lcp = { .dwSize = sizeof lcp };
    DWORD cb = sizeof ip;

    if (RasGetProjectionInfo(h, RASP_PppIp, &ip, &cb) == 0)
        printf("address %s, server %s\n", ip.szIpAddress, ip.szServerIpAddress);
    cb = sizeof lcp;
    if (RasGetProjectionInfo(h, RASP_PppLcp, &lcp, &cb) == 0) {
        const char *auth = "none";
        if (lcp.dwAuthenticationProtocol == RASLCPAP_PAP)
            auth = "PAP";
        else if (lcp.dwAuthenticationProtocol == RASLCPAP_CHAP)
            auth = lcp.dwAuthenticationData == RASLCPAD_CHAP_MSV2 ? "MS-CHAP v2" : "CHAP-MD5";
        printf("authentication %s%s%s\n", auth, lcp.szReplyMessage[0] ? ", server says: " : "",
               lcp.szReplyMessage);
    }
}

int main(int argc, char **argv)
{
    RASDIALPARAMS params = { .dwSize = sizeof params };
    HRASCONN h = NULL;
    char text[512];
    DWORD rc;

    if (argc != 2) {
        fprintf(stderr, "usage: %s ENTRY\n", argv[0]);
        return 2;
    }
    snprintf(params.szEntryName, sizeof params.szEntryName, "%s", argv[1]);
    rc = RasDial(NULL, NULL, &params, 0, NULL, &h);
    if (rc == 0) {
        print_projection(h);
    } else {
        RasGetErrorString(rc, text, sizeof text);
        fprintf(stderr, "%s: error %u: %s\n", argv[1], (unsigned)rc, text);
    }
    if (h)
        nr_ras_hang_up_wait(h, 10000);
    return rc == 0 ? 0 : 1;
}
