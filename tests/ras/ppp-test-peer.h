/*
 * ppp-test-peer.h - test helpers for the PPP layers: a fake monotonic
 * clock and a recorder of the control packets a layer sends, so tests can
 * read them back instead of running a real peer.
 */
#ifndef NR_TESTS_RAS_PPP_TEST_PEER_H
#define NR_TESTS_RAS_PPP_TEST_PEER_H

#include <stddef.h>
#include <stdint.h>

#include "ppp-fsm.h"

#define NR_TEST_WIRE_MAX 128

typedef struct nr_test_pkt {
    uint16_t protocol;
    uint8_t data[1600];
    size_t len;
} nr_test_pkt;

typedef struct nr_test_wire {
    nr_test_pkt pkts[NR_TEST_WIRE_MAX];
    size_t n;              /* packets recorded (past the array: counted, not kept) */
    uint64_t now;          /* the fake clock, ms */
    nr_ppp_clock clock;    /* reads now */
} nr_test_wire;

/* Zeroes the recorder, starts the clock at 1000 ms. */
void nr_test_wire_init(nr_test_wire *w);
void nr_test_wire_record(nr_test_wire *w, uint16_t protocol, const uint8_t *pkt, size_t len);
/* The i-th packet, or NULL. */
const nr_test_pkt *nr_test_wire_get(const nr_test_wire *w, size_t i);
const nr_test_pkt *nr_test_wire_last(const nr_test_wire *w);
/* Number of recorded packets with that protocol and code. */
size_t nr_test_wire_count(const nr_test_wire *w, uint16_t protocol, uint8_t code);
void nr_test_wire_clear(nr_test_wire *w);

#endif
