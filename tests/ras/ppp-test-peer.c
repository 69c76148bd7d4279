/*
 * ppp-test-peer.c - the fake clock and packet recorder of ppp-test-peer.h.
 */
#include "config.h"

#include <string.h>

#include "ppp-test-peer.h"

static uint64_t fake_now(void *ctx)
{
    return ((nr_test_wire *)ctx)->now;
}

void nr_test_wire_init(nr_test_wire *w)
{
    memset(w, 0, sizeof *w);
    w->now = 1000;
    w->clock.now_ms = fake_now;
    w->clock.ctx = w;
}

void nr_test_wire_record(nr_test_wire *w, uint16_t protocol, const uint8_t *pkt, size_t len)
{
    if (w->n < NR_TEST_WIRE_MAX) {
        nr_test_pkt *p = &w->pkts[w->n];
        p->protocol = protocol;
        p->len = len < sizeof p->data ? len : sizeof p->data;
        memcpy(p->data, pkt, p->len);
    }
    w->n++;
}

const nr_test_pkt *nr_test_wire_get(const nr_test_wire *w, size_t i)
{
    return i < w->n && i < NR_TEST_WIRE_MAX ? &w->pkts[i] : NULL;
}

const nr_test_pkt *nr_test_wire_last(const nr_test_wire *w)
{
    return w->n ? nr_test_wire_get(w, w->n - 1) : NULL;
}

size_t nr_test_wire_count(const nr_test_wire *w, uint16_t protocol, uint8_t code)
{
    size_t i, c = 0;

    for (i = 0; i < w->n && i < NR_TEST_WIRE_MAX; i++)
        if (w->pkts[i].protocol == protocol && w->pkts[i].len && w->pkts[i].data[0] == code)
            c++;
    return c;
}

void nr_test_wire_clear(nr_test_wire *w)
{
    w->n = 0;
}
