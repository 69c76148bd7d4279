/*
 * ppp-auth.c - PAP, CHAP-MD5 and MS-CHAPv2, the authenticatee side (see
 * ppp-auth.h).  Invariant: done() is called at most once per
 * nr_ppp_auth_start() or nr_ppp_auth_change_password(), and the deadline is
 * 0 whenever the result is no longer pending.
 */
#include "config.h"

#include <nettle/md5.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include <netrouter/ras.h>

#include "ppp-auth.h"
#include "ppp-mschap.h"
#include "ppp-packet.h"

enum { PAP_REQ = 1, PAP_ACK = 2, PAP_NAK = 3 };
enum { CHAP_CHALLENGE = 1, CHAP_RESPONSE = 2, CHAP_SUCCESS = 3, CHAP_FAILURE = 4, MSCHAP_CHANGE_PASSWORD = 7 };

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
    explicit_bzero(a->ms_new_password, sizeof a->ms_new_password);
    explicit_bzero(a->ms_change, sizeof a->ms_change);
}

static void finish(nr_ppp_auth *a, nr_ppp_auth_result r)
{
    if (a->result != NR_PPP_AUTH_PENDING)
        return;
    if (r == NR_PPP_AUTH_FAILED && !a->error)
        a->error = ERROR_AUTHENTICATION_FAILURE;
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
    return nr_ppp_auth_start_algorithm(a, protocol, NR_PPP_CHAP_MD5);
}

int nr_ppp_auth_start_algorithm(nr_ppp_auth *a, uint16_t protocol, uint8_t algorithm)
{
    if (protocol != NR_PPP_PROTO_PAP && protocol != NR_PPP_PROTO_CHAP)
        return -1;
    if (protocol == NR_PPP_PROTO_CHAP && algorithm != NR_PPP_CHAP_MD5 && algorithm != NR_PPP_CHAP_MSV2)
        return -1;
    a->protocol = protocol;
    a->algorithm = protocol == NR_PPP_PROTO_CHAP ? algorithm : 0;
    a->result = NR_PPP_AUTH_PENDING;
    a->error = 0;
    a->message[0] = '\0';
    a->tries = 0;
    a->have_response = false;
    a->ms_changing = false;
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

/* ---- MS-CHAPv2 ---------------------------------------------------------------------------- */

static void ms_respond(nr_ppp_auth *a, uint8_t id, const uint8_t *challenge, size_t clen)
{
    uint8_t buf[4 + 1 + NR_MSCHAP_RESPONSE_VALUE_LEN + NR_PPP_AUTH_MAX_NAME];
    nr_ppp_builder b;
    uint8_t vs = NR_MSCHAP_RESPONSE_VALUE_LEN;
    size_t n;

    if (clen != NR_MSCHAP_CHALLENGE_LEN)
        return; /* not an MS-CHAPv2 Challenge: discard */
    if (!a->have_response || id != a->id || memcmp(challenge, a->ms_auth_challenge, 16) != 0) {
        uint8_t *v = a->last_response;
        memcpy(a->ms_auth_challenge, challenge, 16);
        if (getrandom(a->ms_peer_challenge, 16, 0) != 16)
            return;
        if (nr_mschap_nt_response(a->ms_auth_challenge, a->ms_peer_challenge, a->user, a->password,
                                  a->ms_nt_response) != 0) {
            snprintf(a->message, sizeof a->message, "the password cannot be used with MS-CHAP (not UTF-8, or too long)");
            finish(a, NR_PPP_AUTH_FAILED);
            return;
        }
        memcpy(v, a->ms_peer_challenge, 16);
        memset(v + 16, 0, 8);
        memcpy(v + 24, a->ms_nt_response, 24);
        v[48] = 0; /* Flags */
        a->id = id;
        a->have_response = true;
    }
    nr_ppp_build_begin(&b, buf, sizeof buf, CHAP_RESPONSE, id);
    nr_ppp_build_bytes(&b, &vs, 1);
    nr_ppp_build_bytes(&b, a->last_response, NR_MSCHAP_RESPONSE_VALUE_LEN);
    nr_ppp_build_bytes(&b, a->user, strlen(a->user));
    if (nr_ppp_build_end(&b, &n) == NR_PPP_OK)
        a->cb->send(a->ctx, NR_PPP_PROTO_CHAP, buf, n);
}

/* Success: "S=<40 hex> M=<message>"; the S= value must be what a server
 * that knows the password computes (RFC 2759 section 5). */
static void ms_success(nr_ppp_auth *a, const nr_ppp_packet *p)
{
    char expect[NR_MSCHAP_AUTH_RESPONSE_LEN + 1];
    const char *password = a->ms_changing ? a->ms_new_password : a->password;
    const uint8_t *auth = a->ms_changing ? a->ms_change_challenge : a->ms_auth_challenge;
    const uint8_t *m = p->data;
    size_t mlen = p->data_len;

    if (nr_mschap_authenticator_response(password, a->ms_nt_response, a->ms_peer_challenge, auth, a->user, expect) !=
            0 ||
        mlen < NR_MSCHAP_AUTH_RESPONSE_LEN || memcmp(m, expect, NR_MSCHAP_AUTH_RESPONSE_LEN) != 0) {
        keep_message(a, m, mlen);
        a->error = ERROR_UNABLE_TO_AUTHENTICATE_SERVER;
        finish(a, NR_PPP_AUTH_FAILED);
        return;
    }
    m += NR_MSCHAP_AUTH_RESPONSE_LEN;
    mlen -= NR_MSCHAP_AUTH_RESPONSE_LEN;
    if (mlen >= 3 && !memcmp(m, " M=", 3)) {
        m += 3;
        mlen -= 3;
    }
    keep_message(a, m, mlen);
    if (a->ms_changing) { /* the new password is the password from now on */
        memcpy(a->password, a->ms_new_password, sizeof a->password);
        explicit_bzero(a->ms_new_password, sizeof a->ms_new_password);
        a->ms_changing = false;
    }
    finish(a, NR_PPP_AUTH_OK);
}

/* Failure: "E=... R=... C=... V=... M=..." (RFC 2759 section 6). */
static void ms_failure(nr_ppp_auth *a, const nr_ppp_packet *p)
{
    nr_mschap_failure f;

    if (!nr_mschap_parse_failure(p->data, p->data_len, &f)) {
        keep_message(a, p->data, p->data_len);
        finish(a, NR_PPP_AUTH_FAILED);
        return;
    }
    keep_message(a, (const uint8_t *)f.message, strlen(f.message));
    if (f.error == ERROR_PASSWD_EXPIRED && f.have_challenge && f.version >= 3 && !a->ms_changing) {
        memcpy(a->ms_change_challenge, f.challenge, 16);
        a->id = p->id;
        a->error = ERROR_PASSWD_EXPIRED;
        finish(a, NR_PPP_AUTH_EXPIRED);
        return;
    }
    a->error = f.error ? f.error : ERROR_AUTHENTICATION_FAILURE;
    if (a->ms_changing && a->error == ERROR_AUTHENTICATION_FAILURE)
        a->error = ERROR_CHANGING_PASSWORD; /* the server refused the new password */
    finish(a, NR_PPP_AUTH_FAILED);
}

static void ms_send_change(nr_ppp_auth *a)
{
    a->cb->send(a->ctx, NR_PPP_PROTO_CHAP, a->ms_change, sizeof a->ms_change);
    a->tries++;
    a->deadline = nr_ppp_clock_now(&a->clock) + a->restart_ms;
}

int nr_ppp_auth_change_password(nr_ppp_auth *a, const char *new_password)
{
    uint8_t random[512], *v = a->ms_change + 4;
    size_t len = sizeof a->ms_change;

    if (a->result != NR_PPP_AUTH_EXPIRED || a->algorithm != NR_PPP_CHAP_MSV2 || !new_password ||
        strlen(new_password) > NR_PPP_AUTH_MAX_NAME)
        return -1;
    snprintf(a->ms_new_password, sizeof a->ms_new_password, "%s", new_password);
    if (getrandom(random, sizeof random, 0) != (ssize_t)sizeof random ||
        getrandom(a->ms_peer_challenge, 16, 0) != 16 ||
        nr_mschap_new_password_block(a->ms_new_password, a->password, random, v) != 0 ||
        nr_mschap_old_hash_encrypted(a->ms_new_password, a->password, v + 516) != 0 ||
        nr_mschap_nt_response(a->ms_change_challenge, a->ms_peer_challenge, a->user, a->ms_new_password,
                              a->ms_nt_response) != 0) {
        explicit_bzero(random, sizeof random);
        explicit_bzero(a->ms_new_password, sizeof a->ms_new_password);
        return -1;
    }
    explicit_bzero(random, sizeof random);
    /* Encrypted-Password, Encrypted-Hash, Peer-Challenge, 8 reserved, NT-Response, Flags */
    memcpy(v + 532, a->ms_peer_challenge, 16);
    memset(v + 548, 0, 8);
    memcpy(v + 556, a->ms_nt_response, 24);
    v[580] = v[581] = 0;
    a->ms_change[0] = MSCHAP_CHANGE_PASSWORD;
    a->ms_change[1] = ++a->id; /* one more than the Failure's (RFC 2759 section 7) */
    a->ms_change[2] = (uint8_t)(len >> 8);
    a->ms_change[3] = (uint8_t)len;
    a->ms_changing = true;
    a->result = NR_PPP_AUTH_PENDING;
    a->error = 0;
    a->tries = 0;
    ms_send_change(a);
    return 0;
}

static void chap_input(nr_ppp_auth *a, const nr_ppp_packet *p)
{
    if (a->algorithm == NR_PPP_CHAP_MSV2) {
        switch (p->code) {
        case CHAP_CHALLENGE:
            if (a->ms_changing || p->data_len < 1 || (size_t)p->data[0] + 1 > p->data_len)
                return;
            ms_respond(a, p->id, p->data + 1, p->data[0]);
            if (a->result == NR_PPP_AUTH_PENDING)
                a->deadline = nr_ppp_clock_now(&a->clock) + a->restart_ms;
            return;
        case CHAP_SUCCESS:
        case CHAP_FAILURE:
            if (!a->have_response || p->id != a->id || a->result != NR_PPP_AUTH_PENDING)
                return;
            if (p->code == CHAP_SUCCESS)
                ms_success(a, p);
            else
                ms_failure(a, p);
            return;
        default:
            return;
        }
    }
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
    } else if (a->ms_changing) {
        ms_send_change(a);
    } else {
        a->tries++;
        a->deadline = nr_ppp_clock_now(&a->clock) + a->restart_ms;
    }
}
