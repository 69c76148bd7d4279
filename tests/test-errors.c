/*
 * test-errors.c - every WN_* / ERROR_* code of <netrouter/npapi.h> has a
 * text (nr_strerror) and a name (the one --json and the log notifier
 * print), both from the one list written in npapi.h.
 *
 * What "every code" is does not come from that list: the build asks the
 * compiler for every NO_ERROR, ERROR_* and WN_* macro of the installed
 * header (tests/npapi-codes.h, from `cc -dM -E`), so a code added to
 * npapi.h without a text fails here.
 */
#include "config.h"

#include <string.h>

#include "npapi-errors.h"
#include "testutil.h"

NRT_SUITE("errors");

static const struct code {
    const char *name;
    DWORD value;
} codes[] = {
#define CODE(name) { #name, name },
#include "npapi-codes.h"

#undef CODE
};
#define NCODES (sizeof codes / sizeof codes[0])

/* The value of the macro called name, or false when the header has none. */
static bool value_of(const char *name, DWORD *value)
{
    for (size_t i = 0; i < NCODES; i++) {
        if (!strcmp(codes[i].name, name)) {
            *value = codes[i].value;
            return true;
        }
    }
    return false;
}

NRT_TEST(the_header_has_codes)
{
    NRT_GT(NCODES, 80u); /* 44 codes and their WN_* aliases */
}

NRT_TEST(every_code_has_a_text)
{
    for (size_t i = 0; i < NCODES; i++) {
        const char *text = nr_npapi_error_text(codes[i].value);
        NRT_TRUE_MSG(text && *text, "%s (%u) has a text", codes[i].name, (unsigned)codes[i].value);
        NRT_EQ_STR(nr_strerror(codes[i].value), text);
    }
}

NRT_TEST(every_code_has_a_name_of_the_same_value)
{
    for (size_t i = 0; i < NCODES; i++) {
        const char *name = nr_npapi_error_name(codes[i].value);
        DWORD value = 0;
        NRT_TRUE_MSG(name && value_of(name, &value) && value == codes[i].value,
                     "%s (%u) is named after a macro of the same value: it is named %s (%u)", codes[i].name,
                     (unsigned)codes[i].value, name ? name : "(null)", (unsigned)value);
    }
}

NRT_TEST(a_code_with_a_wn_alias_is_named_by_it)
{
    for (size_t i = 0; i < NCODES; i++) {
        const char *name = nr_npapi_error_name(codes[i].value);
        if (strncmp(codes[i].name, "WN_", 3) != 0)
            continue;
        NRT_TRUE_MSG(name && !strncmp(name, "WN_", 3), "%s (%u) has a WN_* name, but it is named %s",
                     codes[i].name, (unsigned)codes[i].value, name ? name : "(null)");
    }
}

NRT_TEST(names_of_well_known_codes)
{
    NRT_EQ_STR(nr_npapi_error_name(WN_SUCCESS), "WN_SUCCESS");
    NRT_EQ_STR(nr_npapi_error_name(87), "WN_BAD_VALUE");
    NRT_EQ_STR(nr_npapi_error_name(ERROR_NO_MORE_ITEMS), "WN_NO_MORE_ENTRIES");
    NRT_EQ_STR(nr_npapi_error_name(ERROR_UNEXP_NET_ERR), "WN_NET_ERROR");
    NRT_EQ_STR(nr_npapi_error_name(ERROR_POSSIBLE_DEADLOCK), "ERROR_POSSIBLE_DEADLOCK");
    NRT_EQ_STR(nr_npapi_error_name(ERROR_INSUFFICIENT_BUFFER), "ERROR_INSUFFICIENT_BUFFER");
}

NRT_TEST(texts_of_well_known_codes)
{
    NRT_EQ_STR(nr_npapi_error_text(WN_BAD_NETNAME), "The network name cannot be found.");
    NRT_EQ_STR(nr_npapi_error_text(WN_NO_NET_OR_BAD_PATH),
               "The network path was either typed incorrectly, does not exist, or the network provider is not "
               "currently available.");
    NRT_EQ_STR(nr_npapi_error_text(WN_CONNECTED_OTHER_PASSWORD),
               "The network connection was made successfully, but the user had to be prompted for a password "
               "other than the one originally specified.");
}

NRT_TEST(an_unknown_code_has_no_name_and_no_text)
{
    NRT_NULL(nr_npapi_error_name(123456));
    NRT_NULL(nr_npapi_error_text(123456));
    NRT_EQ_STR(nr_strerror(123456), "Unknown error 123456.");
}
