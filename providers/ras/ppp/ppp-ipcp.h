/*
 * ppp-ipcp.h - the IP Control Protocol (RFC 1332) with the DNS options of
 * RFC 1877, client side, on top of ppp-fsm: we ask for IP-Address 0.0.0.0
 * and learn ours from the Nak, ask for primary and secondary DNS, accept
 * the peer's own address (Nak-ing a peer that asks for 0.0.0.0 with
 * peer_addr_hint, as slirp needs: docs/research/slirp-ppp-peer.md section 4.6)
 * and reject Van Jacobson compression and anything else.
 *
 * It owns IPCP's options and the projection (addresses, DNS); no I/O.
 * Addresses are host-order uint32_t (10.0.2.15 = 0x0a00020f).
 *
 *     nr_ppp_ipcp ip;
 *     nr_ppp_ipcp_init(&ip, &cfg, &callbacks, me, NULL);
 *     nr_ppp_ipcp_start(&ip);                // after authentication: sends Configure-Request
 *     ... nr_ppp_ipcp_input(&ip, info, len);  // every 0x8021 frame
 *     ... callbacks->up(ctx, &ip.res)         // our address, the server's, DNS
 */
#ifndef NR_RAS_PPP_IPCP_H
#define NR_RAS_PPP_IPCP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ppp-fsm.h"

typedef struct nr_ppp_ipcp_config {
    nr_ppp_fsm_config fsm;
    uint32_t our_addr;        /* address to ask for; 0 = let the server assign one */
    uint32_t peer_addr_hint;  /* what to Nak a peer asking for 0.0.0.0 with; 0 = Reject instead */
    bool request_dns;         /* ask for DNS1 and DNS2 (options 129/131) */
    uint32_t offer_dns[2];    /* server side of DNS: Nak a peer's 0.0.0.0 with these; 0 = Reject */
} nr_ppp_ipcp_config;

typedef struct nr_ppp_ipcp_result {
    uint32_t our_addr;        /* 0 until assigned */
    uint32_t peer_addr;       /* 0 when the peer never said */
    uint32_t dns[2];          /* 0 = none */
} nr_ppp_ipcp_result;

typedef struct nr_ppp_ipcp_callbacks {
    void (*send)(void *ctx, const uint8_t *pkt, size_t len);  /* required */
    void (*up)(void *ctx, const nr_ppp_ipcp_result *res);
    void (*down)(void *ctx, nr_ppp_fsm_reason reason);
    void (*finished)(void *ctx, nr_ppp_fsm_reason reason);
} nr_ppp_ipcp_callbacks;

typedef struct nr_ppp_ipcp {
    nr_ppp_fsm fsm;
    nr_ppp_ipcp_config cfg;
    const nr_ppp_ipcp_callbacks *cb;
    void *ctx;
    bool want_addr, want_dns[2];
    bool addr_rejected;       /* the peer refused to talk about our address */
    nr_ppp_ipcp_result req;   /* what we ask for now */
    uint32_t peer_addr;       /* from the peer's last Acked request */
    nr_ppp_ipcp_result res;   /* valid from up on */
} nr_ppp_ipcp;

void nr_ppp_ipcp_init(nr_ppp_ipcp *ip, const nr_ppp_ipcp_config *cfg, const nr_ppp_ipcp_callbacks *cb, void *ctx,
                      const nr_ppp_clock *clock);
void nr_ppp_ipcp_start(nr_ppp_ipcp *ip);   /* Open + Up */
void nr_ppp_ipcp_close(nr_ppp_ipcp *ip);
void nr_ppp_ipcp_lower_down(nr_ppp_ipcp *ip);
void nr_ppp_ipcp_input(nr_ppp_ipcp *ip, const uint8_t *pkt, size_t len);
/* LCP received a Protocol-Reject of IPCP: RXJ-. */
void nr_ppp_ipcp_protocol_rejected(nr_ppp_ipcp *ip);
uint64_t nr_ppp_ipcp_deadline(const nr_ppp_ipcp *ip);
void nr_ppp_ipcp_timeout(nr_ppp_ipcp *ip);
bool nr_ppp_ipcp_is_open(const nr_ppp_ipcp *ip);

/* "a.b.c.d" into buf (at least 16 octets); returns buf. */
char *nr_ppp_ip_to_string(uint32_t addr, char *buf, size_t size);

#endif /* NR_RAS_PPP_IPCP_H */
