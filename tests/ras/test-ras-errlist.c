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
    NRT_EQ_STR(nr_ras_error_text(ERROR_LINE_BUSY), "The phone line is busy.");
    NRT_EQ_STR(nr_ras_error_text(ERROR_INTERACTIVE_MODE),
               "The connection needs information from you, but the application does not allow user interaction.");
}

NRT_TEST(a_number_that_is_not_a_ras_error_has_no_name_and_no_text)
{
    char buf[64];
    /* 607 (ERROR_EVENT_INVALID) is one now: every number Windows defines is */
    NRT_NULL(nr_ras_error_name(878));
    NRT_NULL(nr_ras_error_text(878));
    NRT_NULL(nr_ras_error_name(5));
    NRT_EQ(RasGetErrorString(899, buf, sizeof buf), (DWORD)ERROR_INVALID_PARAMETER);
}

NRT_TEST(every_number_from_600_to_877_is_a_ras_error_with_a_name_and_a_text)
{
    char buf[512];
    NRT_EQ(RASBASE, 600);
    NRT_EQ(RASBASEEND, 877);
    NRT_EQ(NCODES, (size_t)(RASBASEEND - RASBASE + 1));
    for (DWORD code = RASBASE; code <= RASBASEEND; code++) {
        const char *text = nr_ras_error_text(code);
        NRT_TRUE_MSG(nr_ras_error_name(code) != NULL, "%u has a name", (unsigned)code);
        NRT_TRUE_MSG(text && *text, "%u has a text", (unsigned)code);
        NRT_TRUE_MSG(!text || strlen(text) < sizeof buf, "%u fits the 512 bytes the manual promises", (unsigned)code);
        NRT_EQ(RasGetErrorString(code, buf, sizeof buf), 0u);
    }
}

NRT_TEST(numbers_878_to_899_are_not_ras_errors)
{
    char buf[512];
    for (DWORD code = RASBASEEND + 1; code <= 899; code++) {
        memset(buf, '#', sizeof buf);
        NRT_NULL(nr_ras_error_name(code));
        NRT_NULL(nr_ras_error_text(code));
        NRT_EQ(RasGetErrorString(code, buf, sizeof buf), (DWORD)ERROR_INVALID_PARAMETER);
        NRT_EQ(buf[0], '#');
    }
}

NRT_TEST(texts_are_the_windows_10_wording)
{
    NRT_EQ_STR(nr_ras_error_text(ERROR_AUTHENTICATION_FAILURE),
               "The remote connection was denied because the user name and password combination you provided is "
               "not recognized, or the selected authentication protocol is not permitted on the remote access "
               "server.");
    NRT_EQ_STR(nr_ras_error_text(ERROR_NO_ANSWER), "The remote computer did not respond. To make sure that the "
                                                   "server can be reached, ping the remote computer.");
    NRT_EQ_STR(nr_ras_error_name(WARNING_MSG_ALIAS_NOT_ADDED), "WARNING_MSG_ALIAS_NOT_ADDED");
    NRT_EQ_STR(nr_ras_error_name(ERROR_ACTION_REQUIRED), "ERROR_ACTION_REQUIRED");
    NRT_EQ(ERROR_ACTION_REQUIRED, 877);
}
