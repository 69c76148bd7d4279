/*
 * ppp-mschap.c - the MS-CHAP version 2 algorithms of RFC 2759 (see
 * ppp-mschap.h), on nettle's MD4, SHA-1, DES and RC4.
 *
 * Invariant: every buffer holding a password or a hash of one is wiped
 * before it goes out of scope.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/arcfour.h>
#include <nettle/des.h>
#include <nettle/md4.h>
#include <nettle/sha1.h>

#include "ppp-mschap.h"

/* ---- passwords as UTF-16LE ------------------------------------------------------------ */

/* Encodes UTF-8 s as UTF-16LE into out (room for NR_MSCHAP_MAX_PASSWORD
 * units); returns the number of octets, or -1. */
static int utf16le(const char *s, uint8_t out[2 * NR_MSCHAP_MAX_PASSWORD])
{
    const unsigned char *p = (const unsigned char *)s;
    size_t units = 0;
    while (*p) {
        uint32_t cp;
        int extra;
        if (*p < 0x80) {
            cp = *p;
            extra = 0;
        } else if ((*p & 0xe0) == 0xc0) {
            cp = *p & 0x1f;
            extra = 1;
        } else if ((*p & 0xf0) == 0xe0) {
            cp = *p & 0x0f;
            extra = 2;
        } else if ((*p & 0xf8) == 0xf0) {
            cp = *p & 0x07;
            extra = 3;
        } else {
            return -1;
        }
        p++;
        for (int i = 0; i < extra; i++, p++) {
            if ((*p & 0xc0) != 0x80)
                return -1;
            cp = cp << 6 | (*p & 0x3f);
        }
        if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return -1;
        if (cp >= 0x10000) {
            if (units + 2 > NR_MSCHAP_MAX_PASSWORD)
                return -1;
            cp -= 0x10000;
            uint16_t hi = (uint16_t)(0xd800 | cp >> 10), lo = (uint16_t)(0xdc00 | (cp & 0x3ff));
            out[2 * units] = (uint8_t)hi;
            out[2 * units + 1] = (uint8_t)(hi >> 8);
            out[2 * units + 2] = (uint8_t)lo;
            out[2 * units + 3] = (uint8_t)(lo >> 8);
            units += 2;
        } else {
            if (units + 1 > NR_MSCHAP_MAX_PASSWORD)
                return -1;
            out[2 * units] = (uint8_t)cp;
            out[2 * units + 1] = (uint8_t)(cp >> 8);
            units++;
        }
    }
    return (int)(2 * units);
}

int nr_mschap_nt_password_hash(const char *password, uint8_t hash[16])
{
    uint8_t u[2 * NR_MSCHAP_MAX_PASSWORD];
    struct md4_ctx md4;
    int n = password ? utf16le(password, u) : -1;
    if (n < 0)
        return -1;
    md4_init(&md4);
    md4_update(&md4, (size_t)n, u);
    md4_digest(&md4, 16, hash);
    explicit_bzero(u, sizeof u);
    explicit_bzero(&md4, sizeof md4);
    return 0;
}

/* ---- the NT-Response ------------------------------------------------------------------ */

void nr_mschap_challenge_hash(const uint8_t peer[16], const uint8_t auth[16], const char *user, uint8_t out[8])
{
    const char *slash = user ? strrchr(user, '\\') : NULL;
    uint8_t digest[SHA1_DIGEST_SIZE];
    struct sha1_ctx sha;
    if (slash)
        user = slash + 1;
    sha1_init(&sha);
    sha1_update(&sha, 16, peer);
    sha1_update(&sha, 16, auth);
    sha1_update(&sha, user ? strlen(user) : 0, (const uint8_t *)(user ? user : ""));
    sha1_digest(&sha, sizeof digest, digest);
    memcpy(out, digest, 8);
}

/* DES-encrypts 8 octets with a 7-octet key spread over 8 (parity bits set). */
static void des7(const uint8_t clear[8], const uint8_t key7[7], uint8_t out[8])
{
    uint8_t key[8];
    struct des_ctx des;
    key[0] = key7[0];
    for (int i = 1; i < 7; i++)
        key[i] = (uint8_t)(key7[i - 1] << (8 - i) | key7[i] >> i);
    key[7] = (uint8_t)(key7[6] << 1);
    des_fix_parity(8, key, key);
    des_set_key(&des, key); /* a weak key is as good as any here: the result is what RFC 2759 defines */
    des_encrypt(&des, 8, out, clear);
    explicit_bzero(key, sizeof key);
    explicit_bzero(&des, sizeof des);
}

/* ChallengeResponse: the challenge encrypted under the three 7-octet
 * slices of the zero-padded 21-octet hash. */
static void challenge_response(const uint8_t challenge[8], const uint8_t hash[16], uint8_t out[24])
{
    uint8_t z[21] = { 0 };
    memcpy(z, hash, 16);
    des7(challenge, z, out);
    des7(challenge, z + 7, out + 8);
    des7(challenge, z + 14, out + 16);
    explicit_bzero(z, sizeof z);
}

int nr_mschap_nt_response(const uint8_t auth[16], const uint8_t peer[16], const char *user, const char *password,
                          uint8_t out[NR_MSCHAP_NT_RESPONSE_LEN])
{
    uint8_t challenge[8], hash[16];
    if (nr_mschap_nt_password_hash(password, hash) != 0)
        return -1;
    nr_mschap_challenge_hash(peer, auth, user, challenge);
    challenge_response(challenge, hash, out);
    explicit_bzero(hash, sizeof hash);
    return 0;
}

int nr_mschap_authenticator_response(const char *password, const uint8_t nt_response[NR_MSCHAP_NT_RESPONSE_LEN],
                                     const uint8_t peer[16], const uint8_t auth[16], const char *user,
                                     char out[NR_MSCHAP_AUTH_RESPONSE_LEN + 1])
{
    static const char magic1[] = "Magic server to client signing constant";
    static const char magic2[] = "Pad to make it do more than one iteration";
    uint8_t hash[16], hash_hash[16], digest[SHA1_DIGEST_SIZE], challenge[8];
    struct md4_ctx md4;
    struct sha1_ctx sha;
    if (nr_mschap_nt_password_hash(password, hash) != 0)
        return -1;
    md4_init(&md4);
    md4_update(&md4, 16, hash);
    md4_digest(&md4, 16, hash_hash);
    sha1_init(&sha);
    sha1_update(&sha, 16, hash_hash);
    sha1_update(&sha, NR_MSCHAP_NT_RESPONSE_LEN, nt_response);
    sha1_update(&sha, sizeof magic1 - 1, (const uint8_t *)magic1);
    sha1_digest(&sha, sizeof digest, digest);
    nr_mschap_challenge_hash(peer, auth, user, challenge);
    sha1_init(&sha);
    sha1_update(&sha, sizeof digest, digest);
    sha1_update(&sha, 8, challenge);
    sha1_update(&sha, sizeof magic2 - 1, (const uint8_t *)magic2);
    sha1_digest(&sha, sizeof digest, digest);
    out[0] = 'S';
    out[1] = '=';
    for (int i = 0; i < 20; i++)
        snprintf(out + 2 + 2 * i, 3, "%02X", digest[i]);
    explicit_bzero(hash, sizeof hash);
    explicit_bzero(hash_hash, sizeof hash_hash);
    return 0;
}

/* ---- Change-Password ------------------------------------------------------------------ */

int nr_mschap_new_password_block(const char *new_password, const char *old_password, const uint8_t random[512],
                                 uint8_t out[NR_MSCHAP_PW_BLOCK_LEN])
{
    uint8_t clear[NR_MSCHAP_PW_BLOCK_LEN], u[2 * NR_MSCHAP_MAX_PASSWORD], old_hash[16];
    struct arcfour_ctx rc4;
    int n = new_password ? utf16le(new_password, u) : -1;
    if (n < 0 || nr_mschap_nt_password_hash(old_password, old_hash) != 0) {
        explicit_bzero(u, sizeof u);
        return -1;
    }
    /* The password at the end of the 512 octets, its length in octets after them. */
    memcpy(clear, random, 512);
    memcpy(clear + 512 - n, u, (size_t)n);
    clear[512] = (uint8_t)n;
    clear[513] = (uint8_t)(n >> 8);
    clear[514] = clear[515] = 0;
    arcfour_set_key(&rc4, 16, old_hash);
    arcfour_crypt(&rc4, sizeof clear, out, clear);
    explicit_bzero(clear, sizeof clear);
    explicit_bzero(u, sizeof u);
    explicit_bzero(old_hash, sizeof old_hash);
    explicit_bzero(&rc4, sizeof rc4);
    return 0;
}

int nr_mschap_old_hash_encrypted(const char *new_password, const char *old_password, uint8_t out[16])
{
    uint8_t old_hash[16], new_hash[16];
    int rc = -1;
    if (nr_mschap_nt_password_hash(old_password, old_hash) == 0 &&
        nr_mschap_nt_password_hash(new_password, new_hash) == 0) {
        des7(old_hash, new_hash, out);
        des7(old_hash + 8, new_hash + 7, out + 8);
        rc = 0;
    }
    explicit_bzero(old_hash, sizeof old_hash);
    explicit_bzero(new_hash, sizeof new_hash);
    return rc;
}

int nr_mschap_open_password_block(const uint8_t block[NR_MSCHAP_PW_BLOCK_LEN], const char *old_password,
                                  char *new_password, size_t cap)
{
    uint8_t clear[NR_MSCHAP_PW_BLOCK_LEN], old_hash[16];
    struct arcfour_ctx rc4;
    size_t n, used = 0;
    int rc = -1;
    if (nr_mschap_nt_password_hash(old_password, old_hash) != 0 || !cap)
        return -1;
    arcfour_set_key(&rc4, 16, old_hash);
    arcfour_crypt(&rc4, sizeof clear, clear, block);
    n = (size_t)clear[512] | (size_t)clear[513] << 8;
    if (n % 2 == 0 && n <= 512 && !clear[514] && !clear[515]) {
        /* UTF-16LE back to UTF-8 (the basic plane is what a test needs; a
         * surrogate pair is refused rather than mangled) */
        rc = 0;
        for (size_t i = 512 - n; i < 512 && rc == 0; i += 2) {
            unsigned cp = clear[i] | (unsigned)clear[i + 1] << 8;
            char enc[4];
            size_t len;
            if (cp >= 0xd800 && cp <= 0xdfff) {
                rc = -1;
                break;
            }
            if (cp < 0x80) {
                enc[0] = (char)cp;
                len = 1;
            } else if (cp < 0x800) {
                enc[0] = (char)(0xc0 | cp >> 6);
                enc[1] = (char)(0x80 | (cp & 0x3f));
                len = 2;
            } else {
                enc[0] = (char)(0xe0 | cp >> 12);
                enc[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
                enc[2] = (char)(0x80 | (cp & 0x3f));
                len = 3;
            }
            if (used + len >= cap)
                rc = -1;
            else
                memcpy(new_password + used, enc, len), used += len;
        }
        new_password[rc == 0 ? used : 0] = '\0';
    }
    explicit_bzero(clear, sizeof clear);
    explicit_bzero(old_hash, sizeof old_hash);
    explicit_bzero(&rc4, sizeof rc4);
    return rc;
}

/* ---- Failure messages ----------------------------------------------------------------- */

static int hexval(int c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

bool nr_mschap_parse_failure(const uint8_t *msg, size_t len, nr_mschap_failure *out)
{
    char text[512];
    const char *p;
    char *end;
    memset(out, 0, sizeof *out);
    if (!msg || len >= sizeof text)
        return false;
    memcpy(text, msg, len);
    text[len] = '\0';
    if (strncmp(text, "E=", 2) != 0)
        return false;
    out->error = (unsigned)strtoul(text + 2, &end, 10);
    if (end == text + 2)
        return false;
    for (p = end; *p == ' '; p++) {
    }
    while (*p) {
        if (!strncmp(p, "R=", 2)) {
            out->retry = p[2] == '1';
            p += p[2] ? 3 : 2;
        } else if (!strncmp(p, "C=", 2)) {
            int i;
            for (i = 0; i < 16 && hexval(p[2 + 2 * i]) >= 0 && hexval(p[3 + 2 * i]) >= 0; i++)
                out->challenge[i] = (uint8_t)(hexval(p[2 + 2 * i]) << 4 | hexval(p[3 + 2 * i]));
            if (i != 16)
                return false;
            out->have_challenge = true;
            p += 2 + 32;
        } else if (!strncmp(p, "V=", 2)) {
            out->version = (unsigned)strtoul(p + 2, &end, 10);
            p = end;
        } else if (!strncmp(p, "M=", 2)) {
            snprintf(out->message, sizeof out->message, "%s", p + 2);
            break;
        } else {
            while (*p && *p != ' ')
                p++; /* a field of a later revision: skipped */
        }
        while (*p == ' ')
            p++;
    }
    return true;
}
