/*
 * test-ras-errlist.c - every RAS error number of <netrouter/ras.h> has a name
 * (the one logs and --json print) and a text (what RasGetErrorString gives),
 * both from the one list written in ras.h itself (ras-errlist.c).
 *
 * What "every number" is does not come from that list: the build asks the
 * compiler for every PENDING and ERROR_* macro of ras.h whose value is a RAS
 * number, 600 to 899 (tests/ras/ras-codes.h, from `cc -dM -E`), so a code
 * added to ras.h without a text fails here.
 */
#include "config.h"

#include <string.h>
#include <netrouter/ras.h>

#include "cunit-main.h"
#include "ras-errors.h"

NRT_SUITE("ras-errlist");

static const struct code {
    const char *name;
    DWORD value;
} codes[] = {
#define CODE(name) { #name, name },
#include "ras-codes.h"
#undef CODE
};
#define NCODES (sizeof codes / sizeof codes[0])

NRT_TEST(the_header_has_codes)
{
    NRT_GT(NCODES, 60u);
}

NRT_TEST(every_code_has_a_text_and_rasgeterrorstring_gives_it)
{
    for (size_t i = 0; i < NCODES; i++) {
        const char *text = nr_ras_error_text(codes[i].value);
        char buf[512];
        NRT_TRUE_MSG(text && *text, "%s (%u) has a text", codes[i].name, (unsigned)codes[i].value);
        NRT_EQ(RasGetErrorString(codes[i].value, buf, sizeof buf), 0u);
        NRT_EQ_STR(buf, text ? text : "");
    }
}

NRT_TEST(every_code_is_named_after_a_macro_of_its_value)
{
    for (size_t i = 0; i < NCODES; i++) {
        const char *name = nr_ras_error_name(codes[i].value);
        bool same = false;
        for (size_t j = 0; name && j < NCODES; j++)
            same |= !strcmp(codes[j].name, name) && codes[j].value == codes[i].value;
        NRT_TRUE_MSG(same, "%s (%u) is named after a macro of the same value: it is named %s", codes[i].name,
                     (unsigned)codes[i].value, name ? name : "(null)");
    }
}

NRT_TEST(names_and_texts_of_well_known_codes)
{
    NRT_EQ_STR(nr_ras_error_name(ERROR_AUTHENTICATION_FAILURE), "ERROR_AUTHENTICATION_FAILURE");
    NRT_EQ_STR(nr_ras_error_name(ERROR_LINE_BUSY), "ERROR_LINE_BUSY");
    NRT_EQ_STR(nr_ras_error_name(600), "PENDING");
    NRT_EQ_STR(nr_ras_error_text(ERROR_LINE_BUSY), "The line is busy.");
    NRT_EQ_STR(nr_ras_error_text(ERROR_INTERACTIVE_MODE),
               "The connection needs information from you, but the application does not allow user interaction.");
}

NRT_TEST(a_number_that_is_not_a_ras_error_has_no_name_and_no_text)
{
    char buf[64];
    NRT_NULL(nr_ras_error_name(607));
    NRT_NULL(nr_ras_error_text(607));
    NRT_NULL(nr_ras_error_name(5));
    NRT_EQ(RasGetErrorString(899, buf, sizeof buf), (DWORD)ERROR_INVALID_PARAMETER);
}
