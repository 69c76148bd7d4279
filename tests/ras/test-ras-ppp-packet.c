/*
 * test-ras-ppp-packet.c - PPP control packets (providers/ras/ppp/ppp-packet.c):
 * header validation, option iteration over well-formed and malformed
 * options, and every builder read back by the parser. The LCP and IPCP
 * requests used are real slirp packets (docs/research/slirp-ppp-peer.md).
 */
#include "config.h"

#include <string.h>

#include "cunit-main.h"
#include "ppp-packet.h"

NRT_SUITE("ras-ppp-packet");

/* slirp's LCP Configure-Request: MRU 1500, magic, PFC, ACFC. */
static const uint8_t slirp_lcp_req[] = { 0x01, 0x01, 0x00, 0x12, 0x01, 0x04, 0x05, 0xdc, 0x05,
                                         0x06, 0xf6, 0x92, 0xef, 0xe6, 0x07, 0x02, 0x08, 0x02 };
/* slirp's IPCP Configure-Request: address 0.0.0.0, VJ 0x002d 0f 01. */
static const uint8_t slirp_ipcp_req[] = { 0x01, 0x01, 0x00, 0x10, 0x03, 0x06, 0x00, 0x00,
                                          0x00, 0x00, 0x02, 0x06, 0x00, 0x2d, 0x0f, 0x01 };

/* ---- header --------------------------------------------------------------------------------- */

NRT_TEST(test_parse_reads_code_identifier_and_length)
{
    nr_ppp_packet pkt;
    NRT_EQ_FATAL(nr_ppp_packet_parse(slirp_lcp_req, sizeof slirp_lcp_req, &pkt), NR_PPP_OK);
    NRT_EQ(pkt.code, NR_PPP_CONF_REQ);
    NRT_EQ(pkt.id, 1);
    NRT_EQ(pkt.length, 18);
    NRT_EQ_PTR(pkt.data, slirp_lcp_req + 4);
    NRT_EQ(pkt.data_len, 14);
}

NRT_TEST(test_parse_rejects_buffer_shorter_than_the_header)
{
    nr_ppp_packet pkt;
    NRT_EQ(nr_ppp_packet_parse(slirp_lcp_req, 3, &pkt), NR_PPP_ERR_SHORT);
    NRT_EQ(nr_ppp_packet_parse(slirp_lcp_req, 0, &pkt), NR_PPP_ERR_SHORT);
    NRT_NULL(pkt.data);
}

NRT_TEST(test_parse_rejects_length_field_below_four)
{
    static const uint8_t p[][4] = { { 1, 1, 0, 0 }, { 1, 1, 0, 3 } };
    nr_ppp_packet pkt;
    for (size_t i = 0; i < 2; i++)
        NRT_EQ(nr_ppp_packet_parse(p[i], 4, &pkt), NR_PPP_ERR_LENGTH);
}

NRT_TEST(test_parse_rejects_length_field_beyond_the_buffer)
{
    nr_ppp_packet pkt;
    NRT_EQ(nr_ppp_packet_parse(slirp_lcp_req, sizeof slirp_lcp_req - 1, &pkt), NR_PPP_ERR_TRUNCATED);
    static const uint8_t huge[] = { 9, 1, 0xff, 0xff, 0, 0, 0, 0 };
    NRT_EQ(nr_ppp_packet_parse(huge, sizeof huge, &pkt), NR_PPP_ERR_TRUNCATED);
}

NRT_TEST(test_parse_ignores_padding_after_length)
{
    uint8_t padded[sizeof slirp_ipcp_req + 5];
    nr_ppp_packet pkt;
    memcpy(padded, slirp_ipcp_req, sizeof slirp_ipcp_req);
    memset(padded + sizeof slirp_ipcp_req, 0xaa, 5);
    NRT_EQ_FATAL(nr_ppp_packet_parse(padded, sizeof padded, &pkt), NR_PPP_OK);
    NRT_EQ(pkt.data_len, sizeof slirp_ipcp_req - 4);
}

NRT_TEST(test_parse_accepts_an_empty_packet_of_exactly_four_octets)
{
    static const uint8_t ccp_req[] = { 0x01, 0x01, 0x00, 0x04 }; /* slirp's CCP ConfReq */
    nr_ppp_packet pkt;
    NRT_EQ_FATAL(nr_ppp_packet_parse(ccp_req, sizeof ccp_req, &pkt), NR_PPP_OK);
    NRT_EQ(pkt.data_len, 0);
    NRT_EQ(nr_ppp_opt_count(pkt.data, pkt.data_len), 0);
}

NRT_TEST(test_errors_have_sentences)
{
    for (int e = NR_PPP_ERR_INVAL; e <= NR_PPP_OK; e++)
        NRT_NE_STR(nr_ppp_strerror(e), "unknown error");
    NRT_EQ_STR(nr_ppp_strerror(-99), "unknown error");
}

/* ---- options -------------------------------------------------------------------------------- */

NRT_TEST(test_options_are_iterated_in_order)
{
    nr_ppp_packet pkt;
    nr_ppp_opt_iter it;
    nr_ppp_option opt;
    NRT_EQ_FATAL(nr_ppp_packet_parse(slirp_lcp_req, sizeof slirp_lcp_req, &pkt), NR_PPP_OK);
    nr_ppp_opt_iter_init(&it, pkt.data, pkt.data_len);

    NRT_EQ_FATAL(nr_ppp_opt_next(&it, &opt), 1);
    NRT_EQ(opt.type, NR_PPP_LCP_OPT_MRU);
    NRT_EQ(opt.length, 4);
    NRT_EQ(opt.data_len, 2);
    NRT_EQ(nr_ppp_get_u16(opt.data), 1500);
    NRT_EQ(opt.offset, 0);

    NRT_EQ_FATAL(nr_ppp_opt_next(&it, &opt), 1);
    NRT_EQ(opt.type, NR_PPP_LCP_OPT_MAGIC);
    NRT_EQ(nr_ppp_get_u32(opt.data), 0xf692efe6u);
    NRT_EQ(opt.offset, 4);

    NRT_EQ_FATAL(nr_ppp_opt_next(&it, &opt), 1);
    NRT_EQ(opt.type, NR_PPP_LCP_OPT_PFC);
    NRT_EQ(opt.data_len, 0);
    NRT_EQ_FATAL(nr_ppp_opt_next(&it, &opt), 1);
    NRT_EQ(opt.type, NR_PPP_LCP_OPT_ACFC);
    NRT_EQ_PTR(opt.raw, pkt.data + 12);

    NRT_EQ(nr_ppp_opt_next(&it, &opt), 0);
    NRT_EQ(nr_ppp_opt_next(&it, &opt), 0);
    NRT_EQ(nr_ppp_opt_count(pkt.data, pkt.data_len), 4);
}

NRT_TEST(test_option_iteration_reports_a_truncated_option)
{
    /* MRU fine, then a magic number whose Length (6) runs past the end. */
    static const uint8_t opts[] = { 0x01, 0x04, 0x05, 0xdc, 0x05, 0x06, 0x01, 0x02 };
    nr_ppp_opt_iter it;
    nr_ppp_option opt;
    nr_ppp_opt_iter_init(&it, opts, sizeof opts);
    NRT_EQ(nr_ppp_opt_next(&it, &opt), 1);
    NRT_EQ(nr_ppp_opt_next(&it, &opt), NR_PPP_ERR_OPTION);
    NRT_EQ(opt.type, NR_PPP_LCP_OPT_MAGIC);
    NRT_EQ(opt.length, 6);
    NRT_EQ(opt.offset, 4);
    NRT_NULL(opt.data);
    /* Sticky: the same answer again, never a later "end". */
    NRT_EQ(nr_ppp_opt_next(&it, &opt), NR_PPP_ERR_OPTION);
    NRT_EQ(opt.offset, 4);
    NRT_EQ(nr_ppp_opt_count(opts, sizeof opts), NR_PPP_ERR_OPTION);
}

NRT_TEST(test_option_with_length_below_two_is_malformed)
{
    static const uint8_t zero[] = { 0x07, 0x00, 0x08, 0x02 };
    static const uint8_t one[] = { 0x07, 0x01, 0x08, 0x02 };
    nr_ppp_opt_iter it;
    nr_ppp_option opt;
    nr_ppp_opt_iter_init(&it, zero, sizeof zero);
    NRT_EQ(nr_ppp_opt_next(&it, &opt), NR_PPP_ERR_OPTION);
    NRT_EQ(opt.length, 0);
    nr_ppp_opt_iter_init(&it, one, sizeof one);
    NRT_EQ(nr_ppp_opt_next(&it, &opt), NR_PPP_ERR_OPTION);
    NRT_EQ(opt.length, 1);
}

NRT_TEST(test_a_lone_type_octet_is_malformed)
{
    static const uint8_t opts[] = { 0x07, 0x02, 0x08 };
    nr_ppp_opt_iter it;
    nr_ppp_option opt;
    nr_ppp_opt_iter_init(&it, opts, sizeof opts);
    NRT_EQ(nr_ppp_opt_next(&it, &opt), 1);
    NRT_EQ(nr_ppp_opt_next(&it, &opt), NR_PPP_ERR_OPTION);
    NRT_EQ(opt.type, 0x08);
    NRT_EQ(opt.length, 0);
    NRT_EQ(opt.offset, 2);
}

NRT_TEST(test_option_find_returns_the_first_of_a_type)
{
    nr_ppp_option opt;
    const uint8_t *opts = slirp_ipcp_req + 4;
    size_t len = sizeof slirp_ipcp_req - 4;
    NRT_EQ_FATAL(nr_ppp_opt_find(opts, len, NR_PPP_IPCP_OPT_COMPRESSION, &opt), 1);
    NRT_EQ(nr_ppp_get_u16(opt.data), NR_PPP_PROTO_VJ_COMP);
    NRT_EQ(nr_ppp_opt_find(opts, len, NR_PPP_IPCP_OPT_DNS1, &opt), 0);
    static const uint8_t bad[] = { 0x03, 0x09, 0, 0 };
    NRT_EQ(nr_ppp_opt_find(bad, sizeof bad, NR_PPP_IPCP_OPT_DNS1, &opt), NR_PPP_ERR_OPTION);
}

/* ---- builders ------------------------------------------------------------------------------- */

NRT_TEST(test_configure_request_builder_reproduces_slirp_ipcp_request)
{
    nr_ppp_builder b;
    uint8_t buf[64], vj[4] = { 0x00, 0x2d, 0x0f, 0x01 };
    size_t n;
    nr_ppp_build_begin(&b, buf, sizeof buf, NR_PPP_CONF_REQ, 1);
    nr_ppp_build_opt_u32(&b, NR_PPP_IPCP_OPT_ADDRESS, 0);
    nr_ppp_build_option(&b, NR_PPP_IPCP_OPT_COMPRESSION, vj, sizeof vj);
    NRT_EQ_FATAL(nr_ppp_build_end(&b, &n), NR_PPP_OK);
    NRT_EQ(n, sizeof slirp_ipcp_req);
    NRT_EQ_MEM(buf, slirp_ipcp_req, n);
}

NRT_TEST(test_builder_reports_needed_size_when_buffer_is_too_small)
{
    nr_ppp_builder b;
    uint8_t buf[8];
    size_t n;
    nr_ppp_build_begin(&b, buf, sizeof buf, NR_PPP_CONF_REQ, 1);
    nr_ppp_build_opt_u16(&b, NR_PPP_LCP_OPT_MRU, 1500);
    nr_ppp_build_opt_u32(&b, NR_PPP_LCP_OPT_MAGIC, 0xf692efe6u);
    nr_ppp_build_option(&b, NR_PPP_LCP_OPT_PFC, NULL, 0);
    nr_ppp_build_option(&b, NR_PPP_LCP_OPT_ACFC, NULL, 0);
    NRT_EQ(nr_ppp_build_end(&b, &n), NR_PPP_ERR_NOSPACE);
    NRT_EQ(n, sizeof slirp_lcp_req);
    NRT_EQ(nr_ppp_build_configure(NULL, 0, NR_PPP_CONF_ACK, 1, slirp_lcp_req + 4, 14, &n), NR_PPP_ERR_NOSPACE);
    NRT_EQ(n, 18);
}

NRT_TEST(test_builder_refuses_option_data_over_253_octets)
{
    nr_ppp_builder b;
    uint8_t buf[512], data[254] = { 0 };
    size_t n;
    nr_ppp_build_begin(&b, buf, sizeof buf, NR_PPP_CONF_REQ, 1);
    nr_ppp_build_option(&b, 1, data, 254);
    NRT_EQ(nr_ppp_build_end(&b, &n), NR_PPP_ERR_INVAL);
    nr_ppp_build_begin(&b, buf, sizeof buf, NR_PPP_CONF_REQ, 1);
    nr_ppp_build_option(&b, 1, data, 253);
    NRT_EQ(nr_ppp_build_end(&b, &n), NR_PPP_OK);
    NRT_EQ(n, 4 + 255);
}

NRT_TEST(test_configure_ack_nak_reject_carry_options_the_parser_reads_back)
{
    static const uint8_t codes[] = { NR_PPP_CONF_REQ, NR_PPP_CONF_ACK, NR_PPP_CONF_NAK, NR_PPP_CONF_REJ };
    const uint8_t *opts = slirp_lcp_req + 4;
    uint8_t buf[64];
    size_t n;
    nr_ppp_packet pkt;
    for (size_t i = 0; i < sizeof codes; i++) {
        NRT_EQ_FATAL(nr_ppp_build_configure(buf, sizeof buf, codes[i], (uint8_t)(7 + i), opts, 14, &n), NR_PPP_OK);
        NRT_EQ_FATAL(nr_ppp_packet_parse(buf, n, &pkt), NR_PPP_OK);
        NRT_EQ(pkt.code, codes[i]);
        NRT_EQ(pkt.id, 7 + i);
        NRT_EQ(pkt.data_len, 14);
        NRT_EQ_MEM(pkt.data, opts, 14);
        NRT_EQ(nr_ppp_opt_count(pkt.data, pkt.data_len), 4);
    }
    NRT_EQ(nr_ppp_build_configure(buf, sizeof buf, NR_PPP_TERM_REQ, 1, opts, 14, &n), NR_PPP_ERR_INVAL);
}

NRT_TEST(test_options_copied_from_a_request_build_a_reject)
{
    /* Reject exactly the compression option of slirp's IPCP request. */
    nr_ppp_packet req, rej;
    nr_ppp_opt_iter it;
    nr_ppp_option opt;
    nr_ppp_builder b;
    uint8_t buf[64];
    size_t n;
    NRT_EQ_FATAL(nr_ppp_packet_parse(slirp_ipcp_req, sizeof slirp_ipcp_req, &req), NR_PPP_OK);
    nr_ppp_build_begin(&b, buf, sizeof buf, NR_PPP_CONF_REJ, req.id);
    nr_ppp_opt_iter_init(&it, req.data, req.data_len);
    while (nr_ppp_opt_next(&it, &opt) > 0)
        if (opt.type == NR_PPP_IPCP_OPT_COMPRESSION)
            nr_ppp_build_opt_copy(&b, &opt);
    NRT_EQ_FATAL(nr_ppp_build_end(&b, &n), NR_PPP_OK);
    static const uint8_t expect[] = { 0x04, 0x01, 0x00, 0x0a, 0x02, 0x06, 0x00, 0x2d, 0x0f, 0x01 };
    NRT_EQ(n, sizeof expect);
    NRT_EQ_MEM(buf, expect, sizeof expect);
    NRT_EQ(nr_ppp_packet_parse(buf, n, &rej), NR_PPP_OK);
}

NRT_TEST(test_terminate_request_and_ack_are_read_back)
{
    uint8_t buf[64];
    size_t n;
    nr_ppp_packet pkt;
    NRT_EQ_FATAL(nr_ppp_build_terminate(buf, sizeof buf, NR_PPP_TERM_REQ, 2, "User request", 12, &n), NR_PPP_OK);
    NRT_EQ_FATAL(nr_ppp_packet_parse(buf, n, &pkt), NR_PPP_OK);
    NRT_EQ(pkt.code, NR_PPP_TERM_REQ);
    NRT_EQ(pkt.id, 2);
    NRT_EQ(pkt.data_len, 12);
    NRT_EQ_MEM(pkt.data, "User request", 12);
    NRT_EQ_FATAL(nr_ppp_build_terminate(buf, sizeof buf, NR_PPP_TERM_ACK, 2, NULL, 0, &n), NR_PPP_OK);
    NRT_EQ(n, 4);
    NRT_EQ_FATAL(nr_ppp_packet_parse(buf, n, &pkt), NR_PPP_OK);
    NRT_EQ(pkt.code, NR_PPP_TERM_ACK);
    NRT_EQ(nr_ppp_build_terminate(buf, sizeof buf, NR_PPP_CONF_REQ, 2, NULL, 0, &n), NR_PPP_ERR_INVAL);
}

NRT_TEST(test_code_reject_carries_the_packet_truncated_to_the_peer_mru)
{
    uint8_t unknown[40], buf[64];
    size_t n;
    nr_ppp_packet pkt;
    memset(unknown, 0x5a, sizeof unknown);
    unknown[0] = 42;
    NRT_EQ_FATAL(nr_ppp_build_code_reject(buf, sizeof buf, 3, unknown, sizeof unknown, 0, &n), NR_PPP_OK);
    NRT_EQ_FATAL(nr_ppp_packet_parse(buf, n, &pkt), NR_PPP_OK);
    NRT_EQ(pkt.code, NR_PPP_CODE_REJ);
    NRT_EQ(pkt.data_len, sizeof unknown);
    NRT_EQ_MEM(pkt.data, unknown, sizeof unknown);
    NRT_EQ_FATAL(nr_ppp_build_code_reject(buf, sizeof buf, 3, unknown, sizeof unknown, 20, &n), NR_PPP_OK);
    NRT_EQ(n, 20);
    NRT_EQ_FATAL(nr_ppp_packet_parse(buf, n, &pkt), NR_PPP_OK);
    NRT_EQ(pkt.data_len, 16);
    NRT_EQ(pkt.data[0], 42);
}

NRT_TEST(test_protocol_reject_names_the_protocol_and_fits_the_peer_mru)
{
    static const uint8_t ccp_req[] = { 0x01, 0x01, 0x00, 0x04 };
    uint8_t buf[64];
    size_t n;
    nr_ppp_packet pkt;
    uint16_t proto = 0;
    NRT_EQ_FATAL(nr_ppp_build_protocol_reject(buf, sizeof buf, 5, NR_PPP_PROTO_CCP, ccp_req, sizeof ccp_req, 1500, &n),
                 NR_PPP_OK);
    static const uint8_t expect[] = { 0x08, 0x05, 0x00, 0x0a, 0x80, 0xfd, 0x01, 0x01, 0x00, 0x04 };
    NRT_EQ(n, sizeof expect);
    NRT_EQ_MEM(buf, expect, sizeof expect);
    NRT_EQ_FATAL(nr_ppp_packet_parse(buf, n, &pkt), NR_PPP_OK);
    NRT_EQ(pkt.code, NR_PPP_PROTOCOL_REJ);
    NRT_EQ_FATAL(nr_ppp_packet_rejected_protocol(&pkt, &proto), NR_PPP_OK);
    NRT_EQ(proto, NR_PPP_PROTO_CCP);
    NRT_EQ_FATAL(nr_ppp_build_protocol_reject(buf, sizeof buf, 5, NR_PPP_PROTO_CCP, ccp_req, sizeof ccp_req, 8, &n),
                 NR_PPP_OK);
    NRT_EQ(n, 8);
}

NRT_TEST(test_echo_request_reply_and_discard_carry_magic_and_data)
{
    static const uint8_t codes[] = { NR_PPP_ECHO_REQ, NR_PPP_ECHO_REPLY, NR_PPP_DISCARD_REQ };
    uint8_t buf[64];
    size_t n = 0;
    nr_ppp_packet pkt;
    uint32_t magic = 0;
    for (size_t i = 0; i < sizeof codes; i++) {
        int rc = codes[i] == NR_PPP_ECHO_REQ     ? nr_ppp_build_echo_request(buf, sizeof buf, 9, 0x6702169cu, "ab", 2, &n)
                 : codes[i] == NR_PPP_ECHO_REPLY ? nr_ppp_build_echo_reply(buf, sizeof buf, 9, 0x6702169cu, "ab", 2, &n)
                                                 : nr_ppp_build_discard_request(buf, sizeof buf, 9, 0x6702169cu, "ab", 2, &n);
        NRT_EQ_FATAL(rc, NR_PPP_OK);
        NRT_EQ(n, 10);
        NRT_EQ_FATAL(nr_ppp_packet_parse(buf, n, &pkt), NR_PPP_OK);
        NRT_EQ(pkt.code, codes[i]);
        NRT_EQ(pkt.id, 9);
        NRT_EQ_FATAL(nr_ppp_packet_magic(&pkt, &magic), NR_PPP_OK);
        NRT_EQ(magic, 0x6702169cu);
        NRT_EQ_MEM(pkt.data + 4, "ab", 2);
    }
    /* slirp's Echo-Reply: c0 21 | 0a id 00 08 <magic> */
    NRT_EQ_FATAL(nr_ppp_build_echo_reply(buf, sizeof buf, 0, 0xf692efe6u, NULL, 0, &n), NR_PPP_OK);
    static const uint8_t expect[] = { 0x0a, 0x00, 0x00, 0x08, 0xf6, 0x92, 0xef, 0xe6 };
    NRT_EQ(n, sizeof expect);
    NRT_EQ_MEM(buf, expect, sizeof expect);
}

NRT_TEST(test_magic_of_a_packet_without_one_is_short)
{
    static const uint8_t p[] = { NR_PPP_ECHO_REQ, 1, 0x00, 0x07, 1, 2, 3 };
    nr_ppp_packet pkt;
    uint32_t magic;
    uint16_t proto;
    NRT_EQ_FATAL(nr_ppp_packet_parse(p, sizeof p, &pkt), NR_PPP_OK);
    NRT_EQ(nr_ppp_packet_magic(&pkt, &magic), NR_PPP_ERR_SHORT);
    pkt.data_len = 1;
    NRT_EQ(nr_ppp_packet_rejected_protocol(&pkt, &proto), NR_PPP_ERR_SHORT);
}
