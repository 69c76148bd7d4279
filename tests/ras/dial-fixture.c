/*
 * dial-fixture.c - the shared fixture of the RasDial-level tests
 * (dial-fixture.h).
 */
#include "config.h"

#include <CUnit/CUnit.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dial-fixture.h"
#include "ppp-link.h"

void fixture_write_phonebook(const char *dir, const char *device, char *book, size_t size)
{
    FILE *f;
    snprintf(book, size, "%s/phonebook.json", dir);
    f = fopen(book, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    fprintf(f,
            "{\"entries\": [\n"
            " {\"name\": \"Test\", \"device\": \"%s\", \"phone_number\": \"5551234\", \"flow_control\": \"none\",\n"
            "  \"timeouts\": {\"command_ms\": 500, \"connect_ms\": 8000, \"ppp_ms\": 5000},\n"
            "  \"redial\": {\"attempts\": 2, \"pause_ms\": 10}},\n"
            " {\"name\": \"Gone\", \"device\": \"%s/no-such-tty\", \"phone_number\": \"1\"}\n]}\n",
            device, dir);
    fclose(f);
    chmod(book, 0600);
}

modem_emu *fixture_start_modem(const char *dir, modem_emu_dial answer, int dial_delay_ms, char *book, size_t size)
{
    modem_emu_script s = { .dial = answer, .dial_delay_ms = dial_delay_ms, .cme_error = 30 };
    modem_emu *e = modem_emu_start(&s);
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    setenv("NETROUTER_LOCK_DIR", dir, 1); /* UUCP locks in the test's own directory */
    fixture_write_phonebook(dir, modem_emu_path(e), book, size);
    return e;
}

long fixture_wait_invalid(HRASCONN h, int ms)
{
    RASCONNSTATUS st = { .dwSize = sizeof st };
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (int i = 0; i < ms / 5; i++) {
        if (RasGetConnectStatus(h, &st) == ERROR_INVALID_HANDLE)
            break;
        usleep(5000);
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    return (b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000;
}

int fixture_lock_files(const char *dir)
{
    char cmd[700];
    snprintf(cmd, sizeof cmd, "ls %s | grep -c '^LCK\\.\\.' >/dev/null", dir);
    return system(cmd) == 0 ? 1 : 0;
}

static void *peer_main(void *arg)
{
    peer *p = arg;
    nr_ppp_link_config cfg;
    nr_ppp_link *l = NULL;
    bool dropped = false;
    if (!modem_emu_wait_connected(p->emu, 10000))
        return NULL;
    nr_ppp_link_config_init(&cfg);
    cfg.peer_addr_hint = 0x0a00020f; /* 10.0.2.15 for the dialer */
    cfg.offer_dns[0] = 0x0a000203;   /* 10.0.2.3 */
    cfg.request_dns = false;
    cfg.fsm.restart_ms = 200;
    if (nr_ppp_link_new(modem_emu_master_fd(p->emu), &cfg, NULL, NULL, &l) != 0)
        return NULL;
    nr_ppp_link_start(l);
    for (;;) {
        int phase = nr_ppp_link_step(l, p->stop_fd, 50);
        if (phase < 0)
            break; /* told to stop */
        if (!dropped && __atomic_load_n(&p->drop, __ATOMIC_ACQUIRE)) {
            dropped = true;
            nr_ppp_link_close(l); /* Terminate-Request to the dialer */
            continue;
        }
        if (phase == NR_PPP_PHASE_DEAD) {
            /* the dialer hung up (or we did): wait to be told to stop (a
             * dead link never blocks in nr_ppp_link_step) */
            struct pollfd pf = { .fd = p->stop_fd, .events = POLLIN };
            poll(&pf, 1, 10000);
            break;
        }
    }
    nr_ppp_link_free(l);
    return NULL;
}

void peer_start(peer *p, modem_emu *e)
{
    p->emu = e;
    p->drop = 0;
    p->stop_fd = eventfd(0, EFD_CLOEXEC);
    CU_ASSERT_FATAL(p->stop_fd >= 0);
    CU_ASSERT_FATAL(pthread_create(&p->thread, NULL, peer_main, p) == 0);
}

void peer_drop_link(peer *p)
{
    __atomic_store_n(&p->drop, 1, __ATOMIC_RELEASE);
}

void peer_stop(peer *p)
{
    uint64_t one = 1;
    if (write(p->stop_fd, &one, sizeof one) != sizeof one)
        CU_FAIL("cannot stop the PPP peer");
    pthread_join(p->thread, NULL);
    close(p->stop_fd);
}
