/*
 * test-dispatcher-raslink.c - the two RAS structures the dispatcher
 * notifier declares itself (it includes only the plugin SDK, see
 * notifiers/dispatcher/raslink.h) have the layout <netrouter/ras.h> gives
 * them, and the RASP_PppIp value is the same, so the RasEnumConnectionsA
 * and RasGetProjectionInfoA it finds at run time fill them as it reads them.
 */
#include "config.h"

#include <stddef.h>
#include <netrouter/ras.h>

#include "cunit-main.h"
#include "raslink.h"

NRT_SUITE("dispatcher-raslink");

NRT_TEST(rasconn_v1_has_the_layout_of_RASCONNA_up_to_dwSubEntry)
{
    NRT_EQ(sizeof(dsp_rasconn_v1), (size_t)NR_RASCONNA_V1_SIZE);
    NRT_EQ(offsetof(dsp_rasconn_v1, hrasconn), offsetof(RASCONNA, hrasconn));
    NRT_EQ(offsetof(dsp_rasconn_v1, szEntryName), offsetof(RASCONNA, szEntryName));
    NRT_EQ(offsetof(dsp_rasconn_v1, szDeviceName), offsetof(RASCONNA, szDeviceName));
    NRT_EQ(sizeof(((dsp_rasconn_v1 *)0)->szDeviceName), sizeof(((RASCONNA *)0)->szDeviceName));
    NRT_EQ(offsetof(dsp_rasconn_v1, dwSubEntry), offsetof(RASCONNA, dwSubEntry));
}

NRT_TEST(rasppp_ip_has_the_layout_of_RASPPPIPA)
{
    NRT_EQ(sizeof(dsp_rasppp_ip), sizeof(RASPPPIPA));
    NRT_EQ(offsetof(dsp_rasppp_ip, szIpAddress), offsetof(RASPPPIPA, szIpAddress));
    NRT_EQ(offsetof(dsp_rasppp_ip, szServerIpAddress), offsetof(RASPPPIPA, szServerIpAddress));
    NRT_EQ(offsetof(dsp_rasppp_ip, dwServerOptions), offsetof(RASPPPIPA, dwServerOptions));
    NRT_EQ((int)DSP_RASP_PPP_IP, (int)RASP_PppIp);
}
