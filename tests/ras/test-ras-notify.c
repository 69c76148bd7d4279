/*
 * test-ras-notify.c - the RasDial notifier kinds and the connection table:
 * what each kind receives, how RasDialFunc2 and a dead descriptor stop
 * notifications, the in-handler mark, and handles that never dangle.
 */
#include "config.h"

#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "cunit-main.h"
#include "notify.h"
#include "rasconn.h"

NRT_SUITE("ras-notify");

/* What the handlers saw. */
static struct seen {
    int calls;
    HRASCONN h;
    UINT msg;
    RASCONNSTATE state;
    DWORD error, ext;
    ULONG_PTR callback_id;
    DWORD subentry;
    HRASCONN in_handler;
} seen;

static void func0(UINT msg, RASCONNSTATE state, DWORD error)
{
    seen.calls++;
    seen.msg = msg;
    seen.state = state;
    seen.error = error;
    seen.in_handler = nr_ras_in_handler();
}

static void func1(HRASCONN h, UINT msg, RASCONNSTATE state, DWORD error, DWORD ext)
{
    seen.calls++;
    seen.h = h;
    seen.msg = msg;
    seen.state = state;
    seen.error = error;
    seen.ext = ext;
}

static DWORD func2_result = 1;
static DWORD func2(ULONG_PTR id, DWORD subentry, HRASCONN h, UINT msg, RASCONNSTATE state, DWORD error, DWORD ext)
{
    func1(h, msg, state, error, ext);
    seen.callback_id = id;
    seen.subentry = subentry;
    return func2_result;
}

static void reset(void)
{
    memset(&seen, 0, sizeof seen);
    func2_result = 1;
}

#define H ((HRASCONN)(uintptr_t)0x1234)

NRT_TEST(type0_gets_message_state_and_error)
{
    nr_ras_notifier n;
    reset();
    NRT_EQ_FATAL(nr_ras_notifier_init(&n, 0, (void *)func0, 0), 0);
    NRT_TRUE(nr_ras_notify(&n, H, RASCS_ConnectDevice, ERROR_LINE_BUSY, 0));
    NRT_EQ(seen.calls, 1);
    NRT_EQ(seen.msg, WM_RASDIALEVENT);
    NRT_EQ(seen.state, RASCS_ConnectDevice);
    NRT_EQ(seen.error, ERROR_LINE_BUSY);
}

NRT_TEST(type1_also_gets_handle_and_extended_error)
{
    nr_ras_notifier n;
    reset();
    NRT_EQ_FATAL(nr_ras_notifier_init(&n, 1, (void *)func1, 0), 0);
    NRT_TRUE(nr_ras_notify(&n, H, RASCS_ConnectDevice, ERROR_FROM_DEVICE, 30));
    NRT_EQ_PTR(seen.h, H);
    NRT_EQ(seen.ext, 30);
}

NRT_TEST(type2_gets_callback_id_and_subentry)
{
    nr_ras_notifier n;
    reset();
    NRT_EQ_FATAL(nr_ras_notifier_init(&n, 2, (void *)func2, 77), 0);
    NRT_TRUE(nr_ras_notify(&n, H, RASCS_OpenPort, 0, 0));
    NRT_EQ(seen.callback_id, 77);
    NRT_EQ(seen.subentry, 1);
    NRT_EQ_PTR(seen.h, H);
}

NRT_TEST(type2_returning_zero_stops_notifications)
{
    nr_ras_notifier n;
    reset();
    func2_result = 0;
    NRT_EQ_FATAL(nr_ras_notifier_init(&n, 2, (void *)func2, 0), 0);
    NRT_FALSE(nr_ras_notify(&n, H, RASCS_OpenPort, 0, 0));
}

NRT_TEST(fd_notifier_writes_one_fixed_size_record)
{
    int p[2];
    NR_RASDIALEVENT two[2], ev;
    nr_ras_notifier n;
    NRT_EQ_FATAL(pipe(p), 0);
    NRT_EQ_FATAL(nr_ras_notifier_init(&n, NR_RAS_NOTIFIER_FD, &p[1], 0), 0);
    NRT_TRUE(nr_ras_notify(&n, H, RASCS_AuthNotify, ERROR_AUTHENTICATION_FAILURE, 5));
    /* room for two records, exactly one arrives */
    NRT_EQ(read(p[0], two, sizeof two), (ssize_t)sizeof ev);
    ev = two[0];
    NRT_EQ(ev.cbSize, sizeof ev);
    NRT_EQ(ev.unMsg, WM_RASDIALEVENT);
    NRT_EQ(ev.hrasconn, (uint64_t)(uintptr_t)H);
    NRT_EQ(ev.rasconnstate, RASCS_AuthNotify);
    NRT_EQ(ev.dwError, ERROR_AUTHENTICATION_FAILURE);
    NRT_EQ(ev.dwExtendedError, 5);
    NRT_EQ(ev.dwSubEntry, 1);
    close(p[0]);
    close(p[1]);
}

NRT_TEST(fd_notifier_stops_when_the_reader_is_gone)
{
    int p[2];
    nr_ras_notifier n;
    NRT_EQ_FATAL(pipe(p), 0);
    NRT_EQ_FATAL(nr_ras_notifier_init(&n, NR_RAS_NOTIFIER_FD, &p[1], 0), 0);
    close(p[0]);
    signal(SIGPIPE, SIG_IGN);
    NRT_FALSE(nr_ras_notify(&n, H, RASCS_OpenPort, 0, 0));
    close(p[1]);
}

NRT_TEST(bad_notifiers_are_refused)
{
    nr_ras_notifier n;
    int ro[2], closed = 1000;
    NRT_EQ(nr_ras_notifier_init(&n, 3, (void *)func0, 0), ERROR_INVALID_PARAMETER);
    NRT_EQ(nr_ras_notifier_init(&n, 0, NULL, 0), ERROR_INVALID_PARAMETER);
    NRT_EQ(nr_ras_notifier_init(&n, NR_RAS_NOTIFIER_FD, &closed, 0), ERROR_INVALID_PARAMETER);
    NRT_EQ_FATAL(pipe(ro), 0);
    NRT_EQ(nr_ras_notifier_init(&n, NR_RAS_NOTIFIER_FD, &ro[0], 0), ERROR_INVALID_PARAMETER);
    close(ro[0]);
    close(ro[1]);
}

NRT_TEST(in_handler_mark_is_set_only_during_the_handler)
{
    nr_ras_notifier n;
    reset();
    NRT_EQ_FATAL(nr_ras_notifier_init(&n, 0, (void *)func0, 0), 0);
    NRT_NULL(nr_ras_in_handler());
    nr_ras_notify(&n, H, RASCS_OpenPort, 0, 0);
    NRT_EQ_PTR(seen.in_handler, H);
    NRT_NULL(nr_ras_in_handler());
}

NRT_TEST(same_notifier_means_same_kind_and_target)
{
    nr_ras_notifier n;
    NRT_EQ_FATAL(nr_ras_notifier_init(&n, 1, (void *)func1, 0), 0);
    NRT_TRUE(nr_ras_notifier_same(&n, 1, (void *)func1));
    NRT_FALSE(nr_ras_notifier_same(&n, 2, (void *)func1));
    NRT_FALSE(nr_ras_notifier_same(&n, 1, (void *)func0));
}

/* ---- the connection table ---------------------------------------------------- */

NRT_TEST(handles_are_unique_and_found)
{
    nr_rasconn *a = nr_rasconn_create(), *b = nr_rasconn_create();
    NRT_NOT_NULL_FATAL(a);
    NRT_NOT_NULL_FATAL(b);
    NRT_NE_PTR(a->handle, b->handle);
    NRT_NOT_NULL(a->handle);
    nr_rasconn *found = nr_rasconn_lookup(b->handle);
    NRT_EQ_PTR(found, b);
    nr_rasconn_release(found);
    nr_rasconn_unlist(a);
    nr_rasconn_unlist(b);
    nr_rasconn_release(a);
    nr_rasconn_release(b);
}

NRT_TEST(unlisted_handle_is_invalid_but_object_lives_while_referenced)
{
    nr_rasconn *c = nr_rasconn_create();
    HRASCONN h = c->handle;
    nr_rasconn_unlist(c);
    NRT_NULL(nr_rasconn_lookup(h));
    c->state = RASCS_Connected; /* still ours to touch */
    nr_rasconn_unlist(c);       /* idempotent */
    nr_rasconn_release(c);
}

NRT_TEST(handles_are_never_reused)
{
    nr_rasconn *c = nr_rasconn_create();
    HRASCONN old = c->handle;
    nr_rasconn_unlist(c);
    nr_rasconn_release(c);
    c = nr_rasconn_create();
    NRT_NE_PTR(c->handle, old);
    NRT_NULL(nr_rasconn_lookup(old));
    nr_rasconn_unlist(c);
    nr_rasconn_release(c);
}

NRT_TEST(made_up_handles_are_invalid)
{
    NRT_NULL(nr_rasconn_lookup(NULL));
    NRT_NULL(nr_rasconn_lookup((HRASCONN)(uintptr_t)0xdeadbeef));
}

NRT_TEST(list_returns_oldest_first_and_counts_all)
{
    nr_rasconn *c[3], *out[2];
    for (int i = 0; i < 3; i++)
        c[i] = nr_rasconn_create();
    NRT_EQ(nr_rasconn_list(out, 2), 3);
    NRT_EQ_PTR(out[0], c[0]);
    NRT_EQ_PTR(out[1], c[1]);
    nr_rasconn_release(out[0]);
    nr_rasconn_release(out[1]);
    for (int i = 0; i < 3; i++) {
        nr_rasconn_unlist(c[i]);
        nr_rasconn_release(c[i]);
    }
    NRT_EQ(nr_rasconn_list(out, 2), 0);
}

static void *churn(void *arg)
{
    (void)arg;
    for (int i = 0; i < 500; i++) {
        nr_rasconn *c = nr_rasconn_create();
        nr_rasconn *again = nr_rasconn_lookup(c->handle);
        nr_rasconn_release(again);
        nr_rasconn_unlist(c);
        nr_rasconn_release(c);
    }
    return NULL;
}

NRT_TEST(table_is_safe_from_several_threads)
{
    pthread_t t[4];
    nr_rasconn *out[1];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, churn, NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    NRT_EQ(nr_rasconn_list(out, 1), 0);
}
