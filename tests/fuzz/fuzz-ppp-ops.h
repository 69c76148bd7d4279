/*
 * fuzz-ppp-ops.h - the input format of the fuzz-ppp-link target: two
 * octets of link configuration, then a script of operations a hostile
 * peer (and the link's owner) performs.  Shared by the target and by
 * gen-seeds.c, which writes the seed corpus.
 *
 *   input := cfg0 cfg1 op*
 *   cfg0  bit 0-2: allow PAP, CHAP-MD5, MS-CHAP v2; bit 3: request a
 *         callback; bits 4-5: callback number NULL (ask) / "" / "5550199"
 *         / too long; bit 6: LCP echo every second; bit 7: MRU 296
 *   cfg1  bits 0-1: restart timer 100/1000/3000 ms/default; bits 2-3:
 *         Max-Configure 1/2/10/default; bit 4: no DNS request; bit 5: no
 *         overall timeout; bits 6-7: user and password (FUZZ_PPP_USER_*)
 *
 * Lengths (LEN) are one octet, or 0xff followed by two more (big-endian).
 * A protocol selector (SEL) indexes fuzz_ppp_protocols; its last entry
 * takes the protocol number from the next two octets.  An Identifier
 * octet 0xf0 + c means "the Identifier of the link's last packet of this
 * protocol with code c".
 */
#ifndef NR_FUZZ_PPP_OPS_H
#define NR_FUZZ_PPP_OPS_H

#include <stdint.h>

enum fuzz_ppp_op {
    FUZZ_PPP_FRAME = 0,      /* SEL LEN info: one frame carrying exactly these octets */
    FUZZ_PPP_PACKET,         /* SEL code id LEN data: a control packet, Length filled in */
    FUZZ_PPP_REPLY,          /* SEL code newcode: the link's last packet of that code, sent back
                                with newcode (Ack its request, Ack its Terminate, ...) */
    FUZZ_PPP_RAW,            /* LEN octets: on the line as they are (framing and all) */
    FUZZ_PPP_TIME,           /* t: the clock moves t*t*10 ms; due timers run */
    FUZZ_PPP_DEADLINE,       /* the clock moves to the link's next deadline; timers run */
    FUZZ_PPP_MSCHAP_SUCCESS, /* flags LEN message: an MS-CHAP v2 Success that proves the password
                                for the link's last Response or Change-Password (flags bit 0:
                                a forged proof) */
    FUZZ_PPP_CLOSE,          /* nr_ppp_link_close */
    FUZZ_PPP_CHANGE_PASSWORD,/* which: nr_ppp_link_change_password (FUZZ_PPP_NEWPW_*) */
    FUZZ_PPP_ANSWER_CALLBACK,/* which: nr_ppp_link_answer_callback (NULL, "", a number, too long) */
    FUZZ_PPP_SEND_IP,        /* LEN datagram: nr_ppp_link_send_ip */
    FUZZ_PPP_WIRE,           /* SEL LEN info: like FRAME, but written to the line and read by
                                nr_ppp_link_step */
    FUZZ_PPP_HANGUP,         /* the peer's end of the line is shut down */
    FUZZ_PPP_RUN,            /* nr_ppp_link_run with the cancel descriptor already readable */
    FUZZ_PPP_NOPS
};

#define FUZZ_PPP_ID_LAST 0xf0 /* | code */

/* The protocol selectors. */
#define FUZZ_PPP_PROTOCOLS                                                                                  \
    { 0xc021, 0xc023, 0xc223, 0x8021, 0xc029, 0x0021, 0x80fd, 0x8057, 0x002d, 0xc025, 0x0001, 0 }
#define FUZZ_PPP_NSEL 12
enum { FUZZ_SEL_LCP, FUZZ_SEL_PAP, FUZZ_SEL_CHAP, FUZZ_SEL_IPCP, FUZZ_SEL_CBCP, FUZZ_SEL_IP, FUZZ_SEL_CCP,
       FUZZ_SEL_IPV6CP, FUZZ_SEL_VJ, FUZZ_SEL_LQR, FUZZ_SEL_PAD, FUZZ_SEL_OTHER };

/* cfg1 bits 6-7 */
enum { FUZZ_PPP_USER_ALICE, FUZZ_PPP_USER_EMPTY, FUZZ_PPP_USER_LONG, FUZZ_PPP_USER_NOT_UTF8 };
#define FUZZ_PPP_ALICE "alice"
#define FUZZ_PPP_SECRET "s3cret"
/* FUZZ_PPP_CHANGE_PASSWORD's operand % 4 */
enum { FUZZ_PPP_NEWPW_GOOD, FUZZ_PPP_NEWPW_EMPTY, FUZZ_PPP_NEWPW_LONG, FUZZ_PPP_NEWPW_NOT_UTF8 };
#define FUZZ_PPP_NEW_SECRET "n3w-s3cret"

#endif
