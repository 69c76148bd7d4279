/*
 * ppp-auth.c - PAP and CHAP-MD5, the authenticatee side (see ppp-auth.h).
 * Invariant: done() is called at most once per nr_ppp_auth_start(), and the
 * deadline is 0 whenever the result is no longer pending.
 */
#include "config.h"

#include <nettle/md5.h>
#include <stdio.h>
#include <string.h>

#include "ppp-auth.h"
#include "ppp-packet.h"

enum { PAP_REQ = 1, PAP_ACK = 2, PAP_NAK = 3 };
enum { CHAP_CHALLENGE = 1, CHAP_RESPONSE = 2, CHAP_SUCCESS = 3, CHAP_FAILURE = 4 };

void nr_ppp_chap_md5(uint8_t id, const void *secret, size_t secret_len, const void *challenge,
                     size_t challenge_len, uint8_t out[16])
{
    struct md5_ctx md5;

    md5_init(&md5);
    md5_update(&md5, 1, &id);
    md5_update(&md5, secret_len, secret);
    md5_update(&md5, challenge_len, challenge);
    md5_digest(&md5, MD5_DIGEST_SIZE, out);
}

static void copy_str(char *dst, size_t size, const char *src)
{
    size_t n = src ? strlen(src) : 0;

    if (n >= size)
        n = size - 1;
    if (n)
        memcpy(dst, src, n);
    dst[n] = '\0';
}

void nr_ppp_auth_init(nr_ppp_auth *a, const nr_ppp_auth_config *cfg, const nr_ppp_auth_callbacks *cb, void *ctx,
                      const nr_ppp_clock *clock)
{
    memset(a, 0, sizeof *a);
    a->cb = cb;
    a->ctx = ctx;
    if (clock)
        a->clock = *clock;
    copy_str(a->user, sizeof a->user, cfg ? cfg->user : NULL);
    copy_str(a->password, sizeof a->password, cfg ? cfg->password : NULL);
    a->restart_ms = cfg && cfg->restart_ms ? cfg->restart_ms : 3000;
    a->max_requests = cfg && cfg->max_requests ? cfg->max_requests : 10;
}

void nr_ppp_auth_clear(nr_ppp_auth *a)
{
    explicit_bzero(a->password, sizeof a->password);
    explicit_bzero(a->last_response, sizeof a->last_response);
}

static void finish(nr_ppp_auth *a, nr_ppp_auth_result r)
{
    if (a->result != NR_PPP_AUTH_PENDING)
        return;
    a->result = r;
    a->deadline = 0;
    if (a->cb->done)
        a->cb->done(a->ctx, r, a->message);
}

static void keep_message(nr_ppp_auth *a, const uint8_t *msg, size_t len)
{
    size_t i, n = len < sizeof a->message - 1 ? len : sizeof a->message - 1;

    for (i = 0; i < n; i++) /* a human sentence: no control characters */
        a->message[i] = msg[i] >= 0x20 && msg[i] != 0x7f ? (char)msg[i] : ' ';
    a->message[n] = '\0';
}

static void pap_send(nr_ppp_auth *a)
{
    uint8_t buf[4 + 2 + 2 * NR_PPP_AUTH_MAX_NAME];
    nr_ppp_builder b;
    size_t n, ul = strlen(a->user), pl = strlen(a->password);
    uint8_t l;

    a->id++;
    nr_ppp_build_begin(&b, buf, sizeof buf, PAP_REQ, a->id);
    l = (uint8_t)ul;
    nr_ppp_build_bytes(&b, &l, 1);
    nr_ppp_build_bytes(&b, a->user, ul);
    l = (uint8_t)pl;
    nr_ppp_build_bytes(&b, &l, 1);
    nr_ppp_build_bytes(&b, a->password, pl);
    if (nr_ppp_build_end(&b, &n) == NR_PPP_OK)
        a->cb->send(a->ctx, NR_PPP_PROTO_PAP, buf, n);
    explicit_bzero(buf, sizeof buf);
    a->tries++;
    a->deadline = nr_ppp_clock_now(&a->clock) + a->restart_ms;
}

int nr_ppp_auth_start(nr_ppp_auth *a, uint16_t protocol)
{
    if (protocol != NR_PPP_PROTO_PAP && protocol != NR_PPP_PROTO_CHAP)
        return -1;
    a->protocol = protocol;
    a->result = NR_PPP_AUTH_PENDING;
    a->message[0] = '\0';
    a->tries = 0;
    a->have_response = false;
    if (protocol == NR_PPP_PROTO_PAP) {
        pap_send(a);
    } else {
        a->tries = 1;
        a->deadline = nr_ppp_clock_now(&a->clock) + a->restart_ms;
    }
    return 0;
}

static void pap_input(nr_ppp_auth *a, const nr_ppp_packet *p)
{
    size_t mlen;

    if (p->code != PAP_ACK && p->code != PAP_NAK)
        return;
    if (a->result != NR_PPP_AUTH_PENDING)
        return;
    /* Msg-Length then Message; be lenient with a length that overruns */
    mlen = p->data_len ? p->data[0] : 0;
    if (mlen > p->data_len - (p->data_len ? 1 : 0))
        mlen = p->data_len ? p->data_len - 1 : 0;
    keep_message(a, p->data + (p->data_len ? 1 : 0), mlen);
    finish(a, p->code == PAP_ACK ? NR_PPP_AUTH_OK : NR_PPP_AUTH_FAILED);
}

static void chap_respond(nr_ppp_auth *a, uint8_t id, const uint8_t *challenge, size_t clen)
{
    uint8_t buf[4 + 1 + 16 + NR_PPP_AUTH_MAX_NAME];
    nr_ppp_builder b;
    uint8_t vs = 16;
    size_t n;

    if (!a->have_response || id != a->id) {
        nr_ppp_chap_md5(id, a->password, strlen(a->password), challenge, clen, a->last_response);
        a->id = id;
        a->have_response = true;
    }
    nr_ppp_build_begin(&b, buf, sizeof buf, CHAP_RESPONSE, id);
    nr_ppp_build_bytes(&b, &vs, 1);
    nr_ppp_build_bytes(&b, a->last_response, 16);
    nr_ppp_build_bytes(&b, a->user, strlen(a->user));
    if (nr_ppp_build_end(&b, &n) == NR_PPP_OK)
        a->cb->send(a->ctx, NR_PPP_PROTO_CHAP, buf, n);
}

static void chap_input(nr_ppp_auth *a, const nr_ppp_packet *p)
{
    switch (p->code) {
    case CHAP_CHALLENGE:
        if (p->data_len < 1 || p->data[0] == 0 || (size_t)p->data[0] + 1 > p->data_len)
            return; /* malformed: discard */
        chap_respond(a, p->id, p->data + 1, p->data[0]);
        if (a->result == NR_PPP_AUTH_PENDING) /* wait for Success/Failure afresh */
            a->deadline = nr_ppp_clock_now(&a->clock) + a->restart_ms;
        break;
    case CHAP_SUCCESS:
    case CHAP_FAILURE:
        if (!a->have_response || p->id != a->id || a->result != NR_PPP_AUTH_PENDING)
            return;
        keep_message(a, p->data, p->data_len);
        finish(a, p->code == CHAP_SUCCESS ? NR_PPP_AUTH_OK : NR_PPP_AUTH_FAILED);
        break;
    default:
        break;
    }
}

void nr_ppp_auth_input(nr_ppp_auth *a, uint16_t protocol, const uint8_t *raw, size_t len)
{
    nr_ppp_packet p;

    if (!a->protocol || protocol != a->protocol || nr_ppp_packet_parse(raw, len, &p) != NR_PPP_OK)
        return;
    if (protocol == NR_PPP_PROTO_PAP)
        pap_input(a, &p);
    else
        chap_input(a, &p);
}

uint64_t nr_ppp_auth_deadline(const nr_ppp_auth *a)
{
    return a->result == NR_PPP_AUTH_PENDING ? a->deadline : 0;
}

void nr_ppp_auth_timeout(nr_ppp_auth *a)
{
    if (!a->deadline || a->result != NR_PPP_AUTH_PENDING || nr_ppp_clock_now(&a->clock) < a->deadline)
        return;
    if (a->tries >= a->max_requests) {
        snprintf(a->message, sizeof a->message, "no answer to %s after %u tries",
                 a->protocol == NR_PPP_PROTO_PAP ? "PAP Authenticate-Request" : "CHAP", a->tries);
        finish(a, NR_PPP_AUTH_TIMEOUT);
        return;
    }
    if (a->protocol == NR_PPP_PROTO_PAP) {
        pap_send(a);
    } else {
        a->tries++;
        a->deadline = nr_ppp_clock_now(&a->clock) + a->restart_ms;
    }
}
