/*
 * ppp-link-cbcp.c - the Callback phase of a PPP link: after authentication,
 * when LCP agreed to a callback, the server's CBCP Callback Request is
 * answered with the configured number (or none), or the caller is asked
 * (nr_ppp_link_run returns NR_PPP_LINK_ASK_CALLBACK); an acknowledged
 * callback ends the link (NR_PPP_LINK_CALLBACK_AGREED) and the modem then
 * waits for the call.  Packets are built and read by ppp-cbcp.c.
 */
#include "config.h"

#include <netrouter/ras.h>
#include <stdio.h>
#include <string.h>

#include "ppp-link-private.h"

/* How long to wait for the server's CBCP Callback Request after
 * authentication before going on without a callback. */
#define CBCP_WAIT_MS 10000

/* The least Callback-Delay we ask for, in seconds (pppd asks for 5). */
#define CALLBACK_DELAY_S 5

/* Authenticated (or nothing to authenticate): CBCP if LCP agreed to it,
 * else IPCP.  how says how the peer was satisfied (the Authenticated
 * event's text, sent once the callback question is settled). */
void nr__ppp_link_after_auth(nr_ppp_link *l, const char *how)
{
    if (!l->proj.lcp.callback) {
        nr__ppp_link_network(l, how);
        return;
    }
    snprintf(l->auth_text, sizeof l->auth_text, "%s", how);
    l->phase = NR_PPP_PHASE_CALLBACK;
    l->cbcp_deadline = nr_ppp_clock_now(&l->clock) + CBCP_WAIT_MS;
}

static void cbcp_send_response(nr_ppp_link *l)
{
    nr__ppp_link_send(l, NR_PPP_PROTO_CBCP, l->cbcp_response, l->cbcp_response_len);
    l->cbcp_tries++;
    l->cbcp_deadline = nr_ppp_clock_now(&l->clock) + (l->cfg.fsm.restart_ms ? l->cfg.fsm.restart_ms : 3000);
}

/* Chooses from the offer: the number when there is one and the server lets
 * the caller name it, else no callback, else the server's own number. */
static void cbcp_answer(nr_ppp_link *l, const char *number)
{
    int type = number && *number && l->offer.caller_number ? NR_CBCP_CALLER_NUMBER
               : l->offer.no_callback                      ? NR_CBCP_NO_CALLBACK
               : l->offer.preset_number                    ? NR_CBCP_PRESET_NUMBER
                                                           : 0;
    if (!type) {
        nr__ppp_link_fail(l, ERROR_PPP_NOT_CONVERGING,
                          "The server calls back only a number the caller names, and none was given.");
        return;
    }
    l->cbcp_type = type;
    snprintf(l->cbcp_number, sizeof l->cbcp_number, "%s", type == NR_CBCP_CALLER_NUMBER ? number : "");
    /* The delay is the caller's to state: time enough to hang up and get
     * ready for the call, at least what the server proposed. */
    l->cbcp_delay = l->offer.delay > CALLBACK_DELAY_S ? l->offer.delay : CALLBACK_DELAY_S;
    l->cbcp_response_len = nr_cbcp_build_response(l->cbcp_response, sizeof l->cbcp_response, l->offer.id, type,
                                                  l->cbcp_delay, l->cbcp_number);
    if (!l->cbcp_response_len) {
        nr__ppp_link_fail(l, ERROR_PPP_INVALID_PACKET, "The callback number \"%s\" cannot be sent (too long).",
                          number);
        return;
    }
    l->cbcp_tries = 0;
    cbcp_send_response(l);
}

void nr__ppp_link_cbcp_input(nr_ppp_link *l, const uint8_t *pkt, size_t len)
{
    nr_cbcp_offer offer;
    nr_cbcp_ack ack;

    if (nr_cbcp_parse_request(pkt, len, &offer) == 0) {
        if (l->offer_seen) {
            /* A retransmission (servers use a new Identifier each time):
             * the same answer under the new Identifier, asked only once. */
            l->offer.id = offer.id;
            if (l->cbcp_response_len) {
                l->cbcp_response_len = nr_cbcp_build_response(l->cbcp_response, sizeof l->cbcp_response, offer.id,
                                                              l->cbcp_type, l->cbcp_delay, l->cbcp_number);
                cbcp_send_response(l);
            }
            return;
        }
        l->offer = offer;
        l->offer_seen = true;
        l->cbcp_response_len = 0;
        nr__ppp_link_emit(l, NR_PPP_EVENT_CALLBACK_OFFERED, 0, "The server offers to call back.");
        if (l->callback_ask && offer.caller_number) {
            l->offer_pending = true; /* nr_ppp_link_run returns NR_PPP_LINK_ASK_CALLBACK */
            l->cbcp_deadline = 0;
            return;
        }
        cbcp_answer(l, l->callback_number);
    } else if (l->cbcp_response_len && nr_cbcp_parse_ack(pkt, len, l->offer.id, &ack) == 0) {
        l->cbcp_deadline = 0;
        if (ack.type == NR_CBCP_NO_CALLBACK) {
            nr__ppp_link_network(l, l->auth_text);
            return;
        }
        l->callback_agreed = true;
        nr__ppp_link_emit(l, NR_PPP_EVENT_CALLBACK_AGREED, 0, ack.number[0] ? ack.number : "the server's own number");
        nr_ppp_link_close(l); /* the server hangs up and calls back */
    }
}

void nr__ppp_link_cbcp_timeout(nr_ppp_link *l)
{
    if (l->phase != NR_PPP_PHASE_CALLBACK || !l->cbcp_deadline || nr_ppp_clock_now(&l->clock) < l->cbcp_deadline)
        return;
    if (!l->cbcp_response_len) {
        l->cbcp_deadline = 0;
        nr__ppp_link_network(l, l->auth_text); /* no Callback Request came: on without a callback */
    } else if (l->cbcp_tries >= (l->cfg.fsm.max_configure ? l->cfg.fsm.max_configure : 10)) {
        nr__ppp_link_fail(l, ERROR_PPP_TIMEOUT, "The server did not acknowledge the callback answer (CBCP).");
    } else {
        cbcp_send_response(l);
    }
}

int nr_ppp_link_answer_callback(nr_ppp_link *l, const char *number)
{
    if (!l->offer_pending || l->phase != NR_PPP_PHASE_CALLBACK)
        return -1;
    l->offer_pending = false;
    l->give_up_at = l->cfg.timeout_ms ? nr_ppp_clock_now(&l->clock) + l->cfg.timeout_ms : 0;
    cbcp_answer(l, number ? number : "");
    return 0;
}

