/*
 * test-ras-connnotify.c - RasConnectionNotification: the application's
 * descriptor becomes readable when a connection of interest reaches
 * RASCS_Connected or loses a connected link (hang-up, or the far end
 * dropping it), for one handle or for every connection, and for nothing
 * else; bad flags and handles are refused; registrations end with their
 * connection or their reader.  Dials go through the modem emulator and the
 * PPP peer of dial-fixture.c.
 *
 * SIGPIPE keeps its default action here on purpose: a registration whose
 * pipe reader is gone must not kill the process.
 */
#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include <netrouter/ras.h>

#include "cunit-main.h"
#include "dial-fixture.h"

static char dir[] = "/tmp/nr-ras-connnotify.XXXXXX";
NRT_SUITE("ras-connnotify", .tmpdir = dir);
static char book[600];

#define ANY_CONNECTION ((HRASCONN)INVALID_HANDLE_VALUE)
#define AS_EVENT(fd) ((HANDLE)(intptr_t)(fd))

static RASDIALPARAMS params_for(const char *entry)
{
    RASDIALPARAMS p = { .dwSize = sizeof p };
    snprintf(p.szEntryName, sizeof p.szEntryName, "%s", entry);
    return p;
}

/* Open descriptors of the process (eventfds only, with only_eventfds). */
static int count_fds(bool only_eventfds)
{
    DIR *d = opendir("/proc/self/fd");
    struct dirent *de;
    int n = 0;
    if (!d)
        return -1;
    while ((de = readdir(d)) != NULL) {
        char path[300], target[64];
        ssize_t len;
        if (de->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "/proc/self/fd/%s", de->d_name);
        len = readlink(path, target, sizeof target - 1);
        target[len > 0 ? len : 0] = '\0';
        if (!only_eventfds || !strcmp(target, "anon_inode:[eventfd]"))
            n++;
    }
    closedir(d);
    return n;
}

static int open_fds(void)
{
    return count_fds(false);
}

/* Waits (up to ms) until the process has want descriptors open. */
static bool wait_fds(int want, int ms)
{
    for (int i = 0; i < ms / 10; i++) {
        if (open_fds() == want)
            return true;
        usleep(10000);
    }
    return open_fds() == want;
}

static void ignore_progress(HRASCONN h, UINT msg, RASCONNSTATE state, DWORD error, DWORD ext)
{
    (void)h;
    (void)msg;
    (void)state;
    (void)error;
    (void)ext;
}

/* An asynchronous dial of "Test": the handle comes back at once. */
static void dial_async(HRASCONN *h)
{
    RASDIALPARAMS p = params_for("Test");
    *h = NULL;
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 1, (void *)ignore_progress, h), 0);
}

NRT_TEST(a_handle_is_signalled_when_it_connects)
{
    modem_emu *e = fixture_start_modem(dir, MODEM_EMU_CONNECT, 300, book, sizeof book); /* time to register */
    RASCONNSTATUS st = { .dwSize = sizeof st };
    int efd = eventfd(0, EFD_CLOEXEC);
    HRASCONN h;
    peer pr;
    peer_start(&pr, e);
    dial_async(&h);
    NRT_EQ(RasConnectionNotification(h, AS_EVENT(efd), RASCN_Connection), 0);
    NRT_EQ(fixture_wait_signal(efd, 10000), 1);
    NRT_EQ(RasGetConnectStatus(h, &st), 0);
    NRT_EQ(st.rasconnstate, RASCS_Connected);
    NRT_EQ(RasHangUp(h), 0);
    NRT_LT(fixture_wait_invalid(h, 3000), 3000);
    NRT_EQ(fixture_wait_signal(efd, 200), 0); /* not asked for the disconnection */
    peer_stop(&pr);
    modem_emu_stop(e);
    close(efd);
}

NRT_TEST(a_handle_is_signalled_when_it_is_hung_up)
{
    modem_emu *e = fixture_start_modem(dir, MODEM_EMU_CONNECT, 0, book, sizeof book);
    RASDIALPARAMS p = params_for("Test");
    int efd = eventfd(0, EFD_CLOEXEC);
    HRASCONN h = NULL;
    peer pr;
    peer_start(&pr, e);
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 0, NULL, &h), 0);
    NRT_EQ(RasConnectionNotification(h, AS_EVENT(efd), RASCN_Disconnection), 0);
    NRT_EQ(fixture_wait_signal(efd, 300), 0); /* connected already: nothing yet */
    NRT_EQ(RasHangUp(h), 0);
    NRT_EQ(fixture_wait_signal(efd, 3000), 1);
    NRT_LT(fixture_wait_invalid(h, 3000), 3000);
    peer_stop(&pr);
    modem_emu_stop(e);
    close(efd);
}

NRT_TEST(a_handle_is_signalled_when_its_link_is_lost)
{
    modem_emu *e = fixture_start_modem(dir, MODEM_EMU_CONNECT, 0, book, sizeof book);
    RASDIALPARAMS p = params_for("Test");
    RASCONNSTATUS st = { .dwSize = sizeof st };
    int efd = eventfd(0, EFD_CLOEXEC);
    HRASCONN h = NULL;
    peer pr;
    peer_start(&pr, e);
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 0, NULL, &h), 0);
    NRT_EQ(RasConnectionNotification(h, AS_EVENT(efd), RASCN_Disconnection), 0);
    peer_drop_link(&pr);
    NRT_EQ(fixture_wait_signal(efd, 5000), 1);
    NRT_EQ(RasGetConnectStatus(h, &st), 0); /* valid until RasHangUp */
    NRT_EQ(st.rasconnstate, RASCS_Disconnected);
    NRT_EQ(RasHangUp(h), 0);
    NRT_LT(fixture_wait_invalid(h, 3000), 3000);
    NRT_EQ(fixture_wait_signal(efd, 200), 0); /* once only */
    peer_stop(&pr);
    modem_emu_stop(e);
    close(efd);
}

NRT_TEST(every_connection_is_signalled_when_it_connects)
{
    modem_emu *e = fixture_start_modem(dir, MODEM_EMU_CONNECT, 0, book, sizeof book);
    RASDIALPARAMS p = params_for("Test");
    int efd = eventfd(0, EFD_CLOEXEC);
    HRASCONN h = NULL;
    peer pr;
    NRT_EQ(RasConnectionNotification(ANY_CONNECTION, AS_EVENT(efd), RASCN_Connection), 0);
    peer_start(&pr, e);
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 0, NULL, &h), 0); /* a connection made after registering */
    NRT_EQ(fixture_wait_signal(efd, 3000), 1);
    NRT_EQ(RasHangUp(h), 0);
    NRT_LT(fixture_wait_invalid(h, 3000), 3000);
    NRT_EQ(fixture_wait_signal(efd, 200), 0); /* not asked for the disconnection */
    peer_stop(&pr);
    modem_emu_stop(e);
    close(efd);
}

NRT_TEST(every_connection_is_signalled_when_it_is_hung_up_or_lost)
{
    int efd = eventfd(0, EFD_CLOEXEC);
    NRT_EQ(RasConnectionNotification(ANY_CONNECTION, AS_EVENT(efd), RASCN_Disconnection), 0);
    for (int lose = 0; lose < 2; lose++) {
        modem_emu *e = fixture_start_modem(dir, MODEM_EMU_CONNECT, 0, book, sizeof book);
        RASDIALPARAMS p = params_for("Test");
        HRASCONN h = NULL;
        peer pr;
        peer_start(&pr, e);
        NRT_EQ_FATAL(RasDial(NULL, book, &p, 0, NULL, &h), 0);
        NRT_EQ(fixture_wait_signal(efd, 300), 0); /* not asked for the connection */
        if (lose)
            peer_drop_link(&pr);
        else
            NRT_EQ(RasHangUp(h), 0);
        NRT_EQ(fixture_wait_signal(efd, 5000), 1);
        if (lose)
            NRT_EQ(RasHangUp(h), 0);
        NRT_LT(fixture_wait_invalid(h, 3000), 3000);
        peer_stop(&pr);
        modem_emu_stop(e);
    }
    close(efd);
}

NRT_TEST(other_handles_are_not_signalled)
{
    modem_emu *e = fixture_start_modem(dir, MODEM_EMU_CONNECT, 0, book, sizeof book);
    RASDIALPARAMS gone = params_for("Gone"), test = params_for("Test");
    int efd = eventfd(0, EFD_CLOEXEC);
    HRASCONN h1 = NULL, h2 = NULL;
    peer pr;
    /* h1 fails in OpenPort and stays valid until hung up. */
    NRT_EQ(RasDial(NULL, book, &gone, 0, NULL, &h1), ERROR_DEVICE_DOES_NOT_EXIST);
    NRT_EQ(RasConnectionNotification(h1, AS_EVENT(efd), RASCN_Connection | RASCN_Disconnection), 0);
    peer_start(&pr, e);
    NRT_EQ_FATAL(RasDial(NULL, book, &test, 0, NULL, &h2), 0);
    NRT_EQ(RasHangUp(h2), 0);
    NRT_LT(fixture_wait_invalid(h2, 3000), 3000);
    NRT_EQ(RasHangUp(h1), 0); /* never connected: no disconnection either */
    NRT_LT(fixture_wait_invalid(h1, 3000), 3000);
    NRT_EQ(fixture_wait_signal(efd, 300), 0);
    peer_stop(&pr);
    modem_emu_stop(e);
    close(efd);
}

NRT_TEST(a_pipe_receives_one_byte_per_event)
{
    modem_emu *e = fixture_start_modem(dir, MODEM_EMU_CONNECT, 0, book, sizeof book);
    RASDIALPARAMS p = params_for("Test");
    HRASCONN h = NULL;
    int fds[2];
    char got[4];
    struct pollfd pf;
    peer pr;
    NRT_EQ_FATAL(pipe2(fds, O_CLOEXEC), 0);
    peer_start(&pr, e);
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 0, NULL, &h), 0);
    NRT_EQ(RasConnectionNotification(h, AS_EVENT(fds[1]), RASCN_Disconnection), 0);
    NRT_EQ(RasHangUp(h), 0);
    NRT_LT(fixture_wait_invalid(h, 3000), 3000);
    pf = (struct pollfd){ .fd = fds[0], .events = POLLIN };
    NRT_EQ(poll(&pf, 1, 1000), 1);
    fcntl(fds[0], F_SETFL, O_NONBLOCK);
    NRT_EQ(read(fds[0], got, sizeof got), 1);
    peer_stop(&pr);
    modem_emu_stop(e);
    close(fds[0]);
    close(fds[1]);
}

NRT_TEST(a_registration_ends_with_its_connection)
{
    modem_emu *e = fixture_start_modem(dir, MODEM_EMU_BUSY, 0, book, sizeof book);
    RASDIALPARAMS p = params_for("Test");
    int efd = eventfd(0, EFD_CLOEXEC), before = count_fds(true), dialing;
    HRASCONN h = NULL;
    NRT_EQ(RasDial(NULL, book, &p, 0, NULL, &h), ERROR_LINE_BUSY);
    dialing = count_fds(true); /* the dial's own eventfd lives as long as its handle */
    NRT_EQ(RasConnectionNotification(h, AS_EVENT(efd), RASCN_Disconnection), 0);
    NRT_EQ(count_fds(true), dialing + 1); /* the library's duplicate */
    NRT_EQ(RasHangUp(h), 0);
    NRT_LT(fixture_wait_invalid(h, 3000), 3000);
    for (int i = 0; i < 100 && count_fds(true) != before; i++)
        usleep(10000);
    NRT_EQ(count_fds(true), before); /* the dial's and the duplicate are gone */
    NRT_EQ(RasConnectionNotification(h, AS_EVENT(efd), RASCN_Disconnection), ERROR_INVALID_HANDLE);
    modem_emu_stop(e);
    close(efd);
}

NRT_TEST(a_registration_ends_when_its_pipe_reader_is_gone)
{
    modem_emu *e = fixture_start_modem(dir, MODEM_EMU_CONNECT, 0, book, sizeof book);
    RASDIALPARAMS p = params_for("Test");
    int fds[2], efd, before = open_fds();
    HRASCONN h = NULL;
    peer pr;
    NRT_EQ_FATAL(pipe2(fds, O_CLOEXEC), 0);
    NRT_EQ(RasConnectionNotification(ANY_CONNECTION, AS_EVENT(fds[1]), RASCN_Connection), 0);
    NRT_EQ(open_fds(), before + 3); /* the pipe and the library's duplicate */
    close(fds[0]);
    close(fds[1]);
    efd = eventfd(0, EFD_CLOEXEC);
    NRT_EQ(RasConnectionNotification(ANY_CONNECTION, AS_EVENT(efd), RASCN_Connection), 0);
    peer_start(&pr, e);
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 0, NULL, &h), 0);
    NRT_EQ(fixture_wait_signal(efd, 3000), 1); /* and no SIGPIPE killed us */
    NRT_EQ(RasHangUp(h), 0);
    NRT_LT(fixture_wait_invalid(h, 3000), 3000);
    peer_stop(&pr);
    /* Left: efd and its duplicate (an eventfd stays writable); the pipe's
     * duplicate went with the failed write. */
    NRT_TRUE(wait_fds(before + 2, 1000));
    modem_emu_stop(e);
    close(efd);
}

NRT_TEST(bad_flags_are_refused)
{
    int efd = eventfd(0, EFD_CLOEXEC);
    NRT_EQ(RasConnectionNotification(ANY_CONNECTION, AS_EVENT(efd), 0), ERROR_INVALID_PARAMETER);
    NRT_EQ(RasConnectionNotification(ANY_CONNECTION, AS_EVENT(efd), RASCN_BandwidthAdded), ERROR_INVALID_PARAMETER);
    NRT_EQ(RasConnectionNotification(ANY_CONNECTION, AS_EVENT(efd), RASCN_Connection | RASCN_BandwidthRemoved),
           ERROR_INVALID_PARAMETER);
    NRT_EQ(RasConnectionNotification(ANY_CONNECTION, AS_EVENT(efd), 0x100), ERROR_INVALID_PARAMETER);
    close(efd);
}

NRT_TEST(bad_handles_and_descriptors_are_refused)
{
    int efd = eventfd(0, EFD_CLOEXEC), fds[2];
    NRT_EQ_FATAL(pipe2(fds, O_CLOEXEC), 0);
    NRT_EQ(RasConnectionNotification((HRASCONN)(uintptr_t)0x7777777, AS_EVENT(efd), RASCN_Disconnection),
           ERROR_INVALID_HANDLE);
    NRT_EQ(RasConnectionNotification(NULL, AS_EVENT(efd), RASCN_Disconnection), ERROR_INVALID_HANDLE);
    NRT_EQ(RasConnectionNotification(ANY_CONNECTION, AS_EVENT(fds[0]), RASCN_Connection),
           ERROR_INVALID_HANDLE); /* the read end */
    close(fds[0]);
    close(fds[1]);
    NRT_EQ(RasConnectionNotification(ANY_CONNECTION, AS_EVENT(fds[1]), RASCN_Connection),
           ERROR_INVALID_HANDLE); /* closed */
    NRT_EQ(RasConnectionNotification(ANY_CONNECTION, AS_EVENT(-5), RASCN_Connection), ERROR_INVALID_HANDLE);
    close(efd);
}
