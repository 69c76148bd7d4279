/*
 * ppp-mschap.h - the algorithms of Microsoft CHAP version 2 (RFC 2759
 * section 8 and the Change-Password of section 7): the NT password hash,
 * the 24-octet NT-Response, the authenticator response ("S=..." that proves
 * the server knew the password), the encrypted password block and hash of
 * a password change, and the parsing of a Failure message
 * ("E=648 R=0 C=... V=3 M=...").
 *
 * Pure functions over caller buffers, no state and no I/O; MD4, SHA-1, DES
 * and RC4 come from nettle.  Passwords are UTF-8 and are hashed as UTF-16LE
 * (at most 256 UTF-16 units, as in Windows); both sides' helpers are here
 * (the authenticator's are what the test peers use).
 *
 *     uint8_t nt[24];
 *     char s[NR_MSCHAP_AUTH_RESPONSE_LEN + 1];
 *     nr_mschap_nt_response(auth_challenge, peer_challenge, "alice", "s3cret", nt);
 *     nr_mschap_authenticator_response("s3cret", nt, peer_challenge, auth_challenge, "alice", s);
 *     // the server's Success message must start with s
 */
#ifndef NR_RAS_PPP_MSCHAP_H
#define NR_RAS_PPP_MSCHAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NR_MSCHAP_CHALLENGE_LEN     16
#define NR_MSCHAP_NT_RESPONSE_LEN   24
#define NR_MSCHAP_RESPONSE_VALUE_LEN 49  /* Peer-Challenge, 8 reserved, NT-Response, Flags */
#define NR_MSCHAP_AUTH_RESPONSE_LEN 42   /* "S=" and 40 upper-case hex digits */
#define NR_MSCHAP_PW_BLOCK_LEN      516  /* 256 UTF-16 units and a 32-bit length */
#define NR_MSCHAP_MAX_PASSWORD      256  /* UTF-16 units */
#define NR_MSCHAP_CHANGE_PASSWORD_LEN 586 /* the whole code-7 packet */

/* MD4 of the password as UTF-16LE.  -1 when it is not UTF-8 or too long. */
int nr_mschap_nt_password_hash(const char *password, uint8_t hash[16]);

/* The first 8 octets of SHA-1(peer challenge | authenticator challenge |
 * user name), the user name without any "DOMAIN\" prefix. */
void nr_mschap_challenge_hash(const uint8_t peer[16], const uint8_t auth[16], const char *user, uint8_t out[8]);

/* The NT-Response to an authenticator challenge (GenerateNTResponse); 0 or -1. */
int nr_mschap_nt_response(const uint8_t auth[16], const uint8_t peer[16], const char *user, const char *password,
                          uint8_t out[NR_MSCHAP_NT_RESPONSE_LEN]);

/* "S=" and 40 hex digits, NUL-terminated (GenerateAuthenticatorResponse); 0 or -1. */
int nr_mschap_authenticator_response(const char *password, const uint8_t nt_response[NR_MSCHAP_NT_RESPONSE_LEN],
                                     const uint8_t peer[16], const uint8_t auth[16], const char *user,
                                     char out[NR_MSCHAP_AUTH_RESPONSE_LEN + 1]);

/* Change-Password: the new password in a 516-octet block padded with the
 * caller's 512 random octets, RC4-encrypted with the old password's hash
 * (NewPasswordEncryptedWithOldNtPasswordHash); 0 or -1. */
int nr_mschap_new_password_block(const char *new_password, const char *old_password, const uint8_t random[512],
                                 uint8_t out[NR_MSCHAP_PW_BLOCK_LEN]);
/* The old password's hash DES-encrypted with the new one's
 * (OldNtPasswordHashEncryptedWithNewNtPasswordHash); 0 or -1. */
int nr_mschap_old_hash_encrypted(const char *new_password, const char *old_password, uint8_t out[16]);

/* The authenticator's side of a password change: decrypts a block with
 * the old password's hash into new_password (UTF-8, NUL-terminated);
 * 0, or -1 when the block does not hold a password or cap is too small. */
int nr_mschap_open_password_block(const uint8_t block[NR_MSCHAP_PW_BLOCK_LEN], const char *old_password,
                                  char *new_password, size_t cap);

/* What a Failure packet's message says. */
typedef struct nr_mschap_failure {
    unsigned error;             /* E=: 691 bad password, 648 expired, 647 disabled, ... (0 if absent) */
    bool retry;                 /* R=1 */
    bool have_challenge;        /* C= present: the challenge for a retry or a password change */
    uint8_t challenge[16];
    unsigned version;           /* V=: 3 when the server takes a version 2 password change */
    char message[256];          /* M=, "" when absent */
} nr_mschap_failure;

/* Parses "E=eeeeeeeeee R=r C=cccc...cccc V=vvvvvvvvvv M=<msg>" (fields in
 * that order, each optional but E).  False when E= is missing or malformed. */
bool nr_mschap_parse_failure(const uint8_t *msg, size_t len, nr_mschap_failure *out);

#endif /* NR_RAS_PPP_MSCHAP_H */
