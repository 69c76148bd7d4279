/*
 * test-ras-hangup.c - RasHangUp in every state of a full dial (the modem
 * emulator on a real pty, then the PPP peer of dial-fixture.c), once from
 * inside the handler announcing the state (effective when it returns) and
 * once from another thread while that handler holds the dial in the state.
 * Each time: nothing is announced after the hang-up, the handle goes
 * (ERROR_INVALID_HANDLE) within a bounded time, the UUCP lock is gone, the
 * device can be dialed again at once, and no descriptor or thread is left
 * behind once the handle is gone.  One test per state and way, so a failure
 * names its state; and once in a state the far end holds (a slow PAP
 * server), with the handler long returned.
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <netrouter/ras.h>

#include "cunit-main.h"
#include "deadline.h"
#include "dial-fixture.h"

static char dir[] = "/tmp/nr-ras-hangup.XXXXXX";
NRT_SUITE("ras-hangup", .tmpdir = dir, .ignore_sigpipe = true);
static char book[600];

/* Bounds: generous, for 2 busy cores under valgrind. */
#define RELEASE_MS 5000 /* hang-up -> handle invalid */
#define QUICK_MS 1000   /* RasHangUp returns */
#define WAIT_MS 15000   /* a dial reaches the state to hang up in */

/* Every state of a full dial, in order, as "state:error". */
static const RASCONNSTATE full_dial[] = {
    RASCS_OpenPort,   RASCS_PortOpened,    RASCS_ConnectDevice, RASCS_DeviceConnected, RASCS_AllDevicesConnected,
    RASCS_Authenticate, RASCS_Authenticated, RASCS_AuthProject, RASCS_Projected,       RASCS_Connected,
};

/* What a dial hung up in state at has announced: the states up to at. */
static const char *announced_until(RASCONNSTATE at)
{
    static char buf[256];
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof full_dial / sizeof full_dial[0]; i++) {
        used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%d:0", i ? " " : "", (int)full_dial[i]);
        if (full_dial[i] == at)
            break;
    }
    return buf;
}

/* ---- the handler and its plan ---------------------------------------------------- */

typedef enum { FROM_THE_HANDLER, FROM_ANOTHER_THREAD } way;

static struct {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    bool armed;             /* the next announcement of `at` acts */
    RASCONNSTATE at;
    way how;
    bool holding;           /* FROM_ANOTHER_THREAD: the handler of `at` is waiting */
    bool hung_up;           /* ... and the other thread has hung up */
    DWORD handler_rc;       /* what RasHangUp returned inside the handler */
} plan = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, false, 0, 0, false, false, 0 };

static void arm(RASCONNSTATE at, way how)
{
    pthread_mutex_lock(&plan.lock);
    plan.armed = true;
    plan.at = at;
    plan.how = how;
    plan.holding = plan.hung_up = false;
    plan.handler_rc = 99;
    pthread_mutex_unlock(&plan.lock);
}

/* Waits on plan.cond until *flag, at most ms; plan.lock held. */
static bool plan_wait(bool *flag, int ms)
{
    struct timespec until = nr_test_deadline(ms);
    while (!*flag && pthread_cond_timedwait(&plan.cond, &plan.lock, &until) == 0) {
    }
    return *flag;
}

static void on_func1(HRASCONN h, UINT msg, RASCONNSTATE state, DWORD error, DWORD ext)
{
    bool act;
    way how;
    (void)msg;
    fixture_rec_add(h, state, error, ext);
    pthread_mutex_lock(&plan.lock);
    act = plan.armed && plan.at == state && !error;
    if (act)
        plan.armed = false;
    how = plan.how;
    pthread_mutex_unlock(&plan.lock);
    if (!act)
        return;
    if (how == FROM_THE_HANDLER) {
        DWORD rc = RasHangUp(h);
        pthread_mutex_lock(&plan.lock);
        plan.handler_rc = rc;
        pthread_mutex_unlock(&plan.lock);
        return;
    }
    /* Hold the dial in this state until the test thread has hung up. */
    pthread_mutex_lock(&plan.lock);
    plan.holding = true;
    pthread_cond_broadcast(&plan.cond);
    plan_wait(&plan.hung_up, WAIT_MS);
    pthread_mutex_unlock(&plan.lock);
}

/* ---- one case ------------------------------------------------------------------------ */

static RASDIALPARAMS params(void)
{
    RASDIALPARAMS p = { .dwSize = sizeof p };
    snprintf(p.szEntryName, sizeof p.szEntryName, "Test");
    return p;
}

static long ms_since(const struct timespec *a)
{
    struct timespec b;
    clock_gettime(CLOCK_MONOTONIC, &b);
    return (b.tv_sec - a->tv_sec) * 1000 + (b.tv_nsec - a->tv_nsec) / 1000000;
}

/* A first dial through to Connected, so that whatever the library sets up
 * once per process is not counted as a leak of the first case. */
static void warm_up(void)
{
    static bool done;
    modem_emu *e;
    RASDIALPARAMS p = params();
    HRASCONN h = NULL;
    peer pr;
    if (done)
        return;
    done = true;
    e = fixture_start_modem(dir, MODEM_EMU_CONNECT, 0, book, sizeof book);
    peer_start(&pr, e);
    NRT_EQ(RasDial(NULL, book, &p, 0, NULL, &h), 0);
    NRT_EQ(nr_ras_hang_up_wait(h, RELEASE_MS), 0);
    peer_stop(&pr);
    modem_emu_stop(e);
}

/* The device of a dial hung up a moment ago opens again at once: a new dial
 * gets through OpenPort and PortOpened to ConnectDevice (a lock left
 * behind would fail it with 633 in OpenPort), and is hung up there. */
static void check_redial(const char *name)
{
    RASDIALPARAMS p = params();
    HRASCONN h = NULL;
    arm(RASCS_ConnectDevice, FROM_THE_HANDLER);
    NRT_TRUE_MSG(RasDial(NULL, book, &p, 1, (void *)on_func1, &h) == 0, "redial after a hang-up in %s", name);
    NRT_TRUE_MSG(fixture_wait_invalid(h, RELEASE_MS) < RELEASE_MS, "redial after a hang-up in %s: not released", name);
    NRT_TRUE_MSG(strcmp(fixture_rec_text(h), "0:0 1:0 2:0") == 0, "redial after a hang-up in %s announced \"%s\"", name,
                 fixture_rec_text(h));
    NRT_TRUE_MSG(fixture_lock_files(dir) == 0, "redial after a hang-up in %s left the lock", name);
}

static void hang_up_in(RASCONNSTATE at, const char *name, way how)
{
    RASDIALPARAMS p = params();
    HRASCONN h = NULL;
    modem_emu *e;
    peer pr;
    int fds, threads;
    char expected[256];

    warm_up();
    fds = fixture_count_fds();
    threads = fixture_count_threads();
    e = fixture_start_modem(dir, MODEM_EMU_CONNECT, 0, book, sizeof book);
    peer_start(&pr, e);
    fixture_rec_reset();
    arm(at, how);
    snprintf(expected, sizeof expected, "%s", announced_until(at));
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 1, (void *)on_func1, &h), 0);

    if (how == FROM_ANOTHER_THREAD) {
        struct timespec a;
        bool holding;
        DWORD rc;
        long took;
        pthread_mutex_lock(&plan.lock);
        holding = plan_wait(&plan.holding, WAIT_MS);
        pthread_mutex_unlock(&plan.lock);
        NRT_TRUE_MSG(holding, "the dial never reached %s (announced \"%s\")", name, fixture_rec_text(h));
        clock_gettime(CLOCK_MONOTONIC, &a);
        rc = RasHangUp(h);
        took = ms_since(&a);
        NRT_TRUE_MSG(rc == 0, "RasHangUp in %s from another thread returned %u", name, (unsigned)rc);
        NRT_TRUE_MSG(took < QUICK_MS, "RasHangUp in %s from another thread took %ld ms", name, took);
        pthread_mutex_lock(&plan.lock);
        plan.hung_up = true;
        pthread_cond_broadcast(&plan.cond);
        pthread_mutex_unlock(&plan.lock);
    }

    NRT_TRUE_MSG(fixture_wait_invalid(h, WAIT_MS + RELEASE_MS) < WAIT_MS + RELEASE_MS,
                 "the handle stays valid after a hang-up in %s", name);
    if (how == FROM_THE_HANDLER)
        NRT_TRUE_MSG(plan.handler_rc == 0, "RasHangUp inside the handler of %s returned %u", name,
                     (unsigned)plan.handler_rc);
    NRT_TRUE_MSG(strcmp(fixture_rec_text(h), expected) == 0, "hung up in %s: announced \"%s\", expected \"%s\"", name,
                 fixture_rec_text(h), expected);
    NRT_TRUE_MSG(fixture_lock_files(dir) == 0, "the UUCP lock is left after a hang-up in %s", name);
    check_redial(name);

    peer_stop(&pr);
    modem_emu_stop(e);
    NRT_TRUE_MSG(fixture_wait_counts(fds, threads, RELEASE_MS),
                 "after a hang-up in %s: %d descriptors (%d before), %d threads (%d before)", name,
                 fixture_count_fds(), fds, fixture_count_threads(), threads);
}

/* ---- one test per state and way ------------------------------------------------------- */

#define STATES(X)                                                                                              \
    X(OpenPort) X(PortOpened) X(ConnectDevice) X(DeviceConnected) X(AllDevicesConnected) X(Authenticate)     \
    X(Authenticated) X(AuthProject) X(Projected) X(Connected)

#define DEFINE_TESTS(s)                                                                                        \
    NRT_TEST(hangup_inside_the_handler_of_##s)                                                               \
    {                                                                                                          \
        hang_up_in(RASCS_##s, #s, FROM_THE_HANDLER);                                                          \
    }                                                                                                          \
    NRT_TEST(hangup_from_another_thread_in_##s)                                                              \
    {                                                                                                          \
        hang_up_in(RASCS_##s, #s, FROM_ANOTHER_THREAD);                                                       \
    }
STATES(DEFINE_TESTS)

/* A state held by the far end rather than by the handler: the PAP server
 * ponders the password for a minute, and another thread hangs up while
 * the handler of RASCS_Authenticate has long returned. */
NRT_TEST(hangup_from_another_thread_while_the_server_ponders_the_password)
{
    RASDIALPARAMS p = params();
    HRASCONN h = NULL;
    modem_emu *e;
    peer pr;
    int fds, threads;
    struct timespec a;
    long took;
    warm_up();
    fds = fixture_count_fds();
    threads = fixture_count_threads();
    e = fixture_start_modem(dir, MODEM_EMU_CONNECT, 0, book, sizeof book);
    peer_start_pap_slow(&pr, e, "s3cret", 60000);
    fixture_rec_reset();
    snprintf(p.szUserName, sizeof p.szUserName, "alice");
    snprintf(p.szPassword, sizeof p.szPassword, "s3cret");
    NRT_EQ_FATAL(RasDial(NULL, book, &p, 1, (void *)on_func1, &h), 0);
    NRT_TRUE(fixture_rec_wait_for(h, RASCS_Authenticate, 0, WAIT_MS));
    clock_gettime(CLOCK_MONOTONIC, &a);
    NRT_EQ(RasHangUp(h), 0);
    took = ms_since(&a);
    NRT_LT(took, QUICK_MS);
    NRT_LT(fixture_wait_invalid(h, RELEASE_MS), RELEASE_MS);
    NRT_EQ_STR(fixture_rec_text(h), announced_until(RASCS_Authenticate));
    NRT_EQ(fixture_lock_files(dir), 0);
    check_redial("Authenticate");
    peer_stop(&pr);
    modem_emu_stop(e);
    NRT_TRUE(fixture_wait_counts(fds, threads, RELEASE_MS));
}
