/*
 * test-ras-ppp-mschap.c - the MS-CHAP version 2 algorithms (ppp-mschap.h)
 * against the worked example of RFC 2759 section 9.2 (user "User",
 * password "clientPass"), the password change's block and hash both ways,
 * and the parsing of Failure messages.
 */
#include "config.h"

#include <string.h>

#include "cunit-main.h"
#include "ppp-mschap.h"

NRT_SUITE("ras-ppp-mschap");

static const uint8_t auth_challenge[16] = { 0x5B, 0x5D, 0x7C, 0x7D, 0x7B, 0x3F, 0x2F, 0x3E,
                                            0x3C, 0x2C, 0x60, 0x21, 0x32, 0x26, 0x26, 0x28 };
static const uint8_t peer_challenge[16] = { 0x21, 0x40, 0x23, 0x24, 0x25, 0x5E, 0x26, 0x2A,
                                            0x28, 0x29, 0x5F, 0x2B, 0x3A, 0x33, 0x7C, 0x7E };

NRT_TEST(nt_password_hash_matches_rfc_2759)
{
    static const uint8_t expect[16] = { 0x44, 0xEB, 0xBA, 0x8D, 0x53, 0x12, 0xB8, 0xD6,
                                        0x11, 0x47, 0x44, 0x11, 0xF5, 0x69, 0x89, 0xAE };
    uint8_t hash[16];
    NRT_EQ_FATAL(nr_mschap_nt_password_hash("clientPass", hash), 0);
    NRT_EQ_MEM(hash, expect, 16);
}

NRT_TEST(challenge_hash_matches_rfc_2759)
{
    static const uint8_t expect[8] = { 0xD0, 0x2E, 0x43, 0x86, 0xBC, 0xE9, 0x12, 0x26 };
    uint8_t c[8];
    nr_mschap_challenge_hash(peer_challenge, auth_challenge, "User", c);
    NRT_EQ_MEM(c, expect, 8);
}

NRT_TEST(challenge_hash_ignores_the_domain)
{
    uint8_t a[8], b[8];
    nr_mschap_challenge_hash(peer_challenge, auth_challenge, "User", a);
    nr_mschap_challenge_hash(peer_challenge, auth_challenge, "OFFICE\\User", b);
    NRT_EQ_MEM(a, b, 8);
}

NRT_TEST(nt_response_matches_rfc_2759)
{
    static const uint8_t expect[24] = { 0x82, 0x30, 0x9E, 0xCD, 0x8D, 0x70, 0x8B, 0x5E, 0xA0, 0x8F, 0xAA, 0x39,
                                        0x81, 0xCD, 0x83, 0x54, 0x42, 0x33, 0x11, 0x4A, 0x3D, 0x85, 0xD6, 0xDF };
    uint8_t nt[24];
    NRT_EQ_FATAL(nr_mschap_nt_response(auth_challenge, peer_challenge, "User", "clientPass", nt), 0);
    NRT_EQ_MEM(nt, expect, 24);
}

NRT_TEST(authenticator_response_matches_rfc_2759)
{
    uint8_t nt[24];
    char s[NR_MSCHAP_AUTH_RESPONSE_LEN + 1];
    NRT_EQ_FATAL(nr_mschap_nt_response(auth_challenge, peer_challenge, "User", "clientPass", nt), 0);
    NRT_EQ_FATAL(nr_mschap_authenticator_response("clientPass", nt, peer_challenge, auth_challenge, "User", s), 0);
    NRT_EQ_STR(s, "S=407A5589115FD0D6209F510FE9C04566932CDA56");
}

NRT_TEST(another_password_gives_another_response)
{
    uint8_t a[24], b[24];
    NRT_EQ(nr_mschap_nt_response(auth_challenge, peer_challenge, "User", "clientPass", a), 0);
    NRT_EQ(nr_mschap_nt_response(auth_challenge, peer_challenge, "User", "clientpass", b), 0);
    NRT_NE(memcmp(a, b, 24), 0);
}

NRT_TEST(passwords_are_hashed_as_utf16)
{
    uint8_t hash[16];
    char long_pw[300];
    memset(long_pw, 'x', sizeof long_pw - 1);
    long_pw[sizeof long_pw - 1] = '\0';
    NRT_EQ(nr_mschap_nt_password_hash("p\xc3\xa4ss \xe2\x82\xac \xf0\x9f\x94\x91", hash), 0);
    NRT_EQ(nr_mschap_nt_password_hash("bad \xc3", hash), -1);     /* truncated UTF-8 */
    NRT_EQ(nr_mschap_nt_password_hash("bad \xed\xa0\x80", hash), -1); /* a lone surrogate */
    NRT_EQ(nr_mschap_nt_password_hash(long_pw, hash), -1);        /* over 256 units */
    long_pw[256] = '\0';
    NRT_EQ(nr_mschap_nt_password_hash(long_pw, hash), 0);
}

NRT_TEST(password_block_opens_with_the_old_password_only)
{
    uint8_t random[512], block[NR_MSCHAP_PW_BLOCK_LEN];
    char out[128];
    for (int i = 0; i < 512; i++)
        random[i] = (uint8_t)(i * 7 + 3);
    NRT_EQ_FATAL(nr_mschap_new_password_block("n\xc3\xa9w-s3cret", "old-s3cret", random, block), 0);
    NRT_EQ(nr_mschap_open_password_block(block, "old-s3cret", out, sizeof out), 0);
    NRT_EQ_STR(out, "n\xc3\xa9w-s3cret");
    NRT_EQ(nr_mschap_open_password_block(block, "wrong", out, sizeof out), -1);
    NRT_EQ(nr_mschap_open_password_block(block, "old-s3cret", out, 4), -1); /* no room */
}

NRT_TEST(old_hash_is_encrypted_with_the_new_one)
{
    uint8_t a[16], b[16], c[16];
    NRT_EQ(nr_mschap_old_hash_encrypted("new", "old", a), 0);
    NRT_EQ(nr_mschap_old_hash_encrypted("new", "old", b), 0);
    NRT_EQ(nr_mschap_old_hash_encrypted("other", "old", c), 0);
    NRT_EQ_MEM(a, b, 16);
    NRT_NE(memcmp(a, c, 16), 0);
}

NRT_TEST(failure_message_is_parsed_field_by_field)
{
    static const char msg[] = "E=648 R=0 C=00112233445566778899AABBCCDDEEFF V=3 M=Password expired, change it";
    nr_mschap_failure f;
    NRT_TRUE_FATAL(nr_mschap_parse_failure((const uint8_t *)msg, strlen(msg), &f));
    NRT_EQ(f.error, 648);
    NRT_FALSE(f.retry);
    NRT_TRUE(f.have_challenge);
    NRT_EQ(f.challenge[0], 0x00);
    NRT_EQ(f.challenge[10], 0xAA);
    NRT_EQ(f.challenge[15], 0xFF);
    NRT_EQ(f.version, 3);
    NRT_EQ_STR(f.message, "Password expired, change it");
}

NRT_TEST(failure_message_without_e_is_refused)
{
    static const char bad1[] = "Access denied", bad2[] = "E=x R=1", bad3[] = "E=691 C=0011";
    static const char ok[] = "E=691 R=1", cut[] = "E=691 R=";
    nr_mschap_failure f;
    NRT_FALSE(nr_mschap_parse_failure((const uint8_t *)bad1, strlen(bad1), &f));
    NRT_FALSE(nr_mschap_parse_failure((const uint8_t *)bad2, strlen(bad2), &f));
    NRT_FALSE(nr_mschap_parse_failure((const uint8_t *)bad3, strlen(bad3), &f)); /* short challenge */
    NRT_TRUE(nr_mschap_parse_failure((const uint8_t *)ok, strlen(ok), &f));
    NRT_EQ(f.error, 691);
    NRT_TRUE(f.retry);
    NRT_FALSE(f.have_challenge);
    NRT_EQ_STR(f.message, "");
    NRT_TRUE(nr_mschap_parse_failure((const uint8_t *)cut, strlen(cut), &f)); /* nothing read past the end */
    NRT_EQ(f.error, 691);
    NRT_FALSE(f.retry);
}
