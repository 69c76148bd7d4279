/*
 * test-ras-api.c - the public RAS calls available so far, through the
 * installed-library interface: RasGetErrorString and RasEnumEntries (with
 * the size-probe protocol) and RasGetLastPhonebookError.
 */
#include "config.h"

#include <CUnit/CUnit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <netrouter/ras.h>

#include "cunit-main.h"

static char dir[] = "/tmp/nr-ras-api.XXXXXX";

static const char *write_book(const char *name, const char *text)
{
    static char path[600];
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "w");
    CU_ASSERT_FATAL(f != NULL);
    fputs(text, f);
    fclose(f);
    chmod(path, 0600);
    return path;
}

static const char *three_entries(void)
{
    return write_book("three.json", "{\"entries\": [\n"
                                    " {\"name\": \"Office\", \"device\": \"/dev/ttyS0\", \"phone_number\": \"1\"},\n"
                                    " {\"name\": \"Home\", \"device\": \"/dev/ttyS1\", \"phone_number\": \"2\"},\n"
                                    " {\"name\": \"Lab\", \"device\": \"/dev/ttyUSB0\", \"phone_number\": \"3\"}\n]}\n");
}

static void test_error_string_of_a_ras_code(void)
{
    char buf[256];
    CU_ASSERT_EQUAL(RasGetErrorString(ERROR_LINE_BUSY, buf, sizeof buf), 0);
    CU_ASSERT_STRING_EQUAL(buf, "The line is busy.");
    CU_ASSERT_EQUAL(RasGetErrorString(ERROR_AUTHENTICATION_FAILURE, buf, sizeof buf), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "password"));
}

static void test_error_string_of_every_code_in_ras_h(void)
{
    static const UINT codes[] = { 600, 601, 602, 603, 604, 606, 608, 609, 610, 615, 616, 617, 618, 619, 621, 622,
                                  623, 624, 625, 627, 628, 629, 630, 631, 632, 633, 635, 636, 638, 645, 646, 647,
                                  648, 649, 650, 651, 652, 663, 664, 665, 666, 668, 676, 677, 678, 679, 680, 681,
                                  691, 692, 703, 705, 718, 719, 720, 721, 722, 723, 730, 731, 732, 733, 734, 735,
                                  736, 737, 738, 756 };
    char buf[256];
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        CU_ASSERT_EQUAL(RasGetErrorString(codes[i], buf, sizeof buf), 0);
        CU_ASSERT_TRUE(strlen(buf) > 5);
    }
}

static void test_error_string_falls_back_to_network_codes(void)
{
    char buf[256];
    CU_ASSERT_EQUAL(RasGetErrorString(WN_BAD_NETNAME, buf, sizeof buf), 0);
    CU_ASSERT_STRING_EQUAL(buf, "The network name cannot be found.");
}

static void test_error_string_of_an_unknown_code_is_invalid_parameter(void)
{
    char buf[256];
    CU_ASSERT_EQUAL(RasGetErrorString(899, buf, sizeof buf), ERROR_INVALID_PARAMETER);
    CU_ASSERT_EQUAL(RasGetErrorString(123456, buf, sizeof buf), ERROR_INVALID_PARAMETER);
    CU_ASSERT_EQUAL(RasGetErrorString(ERROR_LINE_BUSY, NULL, 10), ERROR_INVALID_PARAMETER);
}

static void test_error_string_into_a_small_buffer_is_insufficient_buffer(void)
{
    char buf[32];
    /* "The line is busy." takes 18 bytes with its terminating NUL */
    CU_ASSERT_EQUAL(RasGetErrorString(ERROR_LINE_BUSY, buf, 17), ERROR_INSUFFICIENT_BUFFER);
    CU_ASSERT_EQUAL(RasGetErrorString(ERROR_LINE_BUSY, buf, 18), 0);
    CU_ASSERT_STRING_EQUAL(buf, "The line is busy.");
}

static void test_enum_entries_size_probe(void)
{
    DWORD cb = 0, n = 99;
    CU_ASSERT_EQUAL(RasEnumEntries(NULL, three_entries(), NULL, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    CU_ASSERT_EQUAL(cb, 3 * sizeof(RASENTRYNAME));
    CU_ASSERT_EQUAL(n, 3);
}

static void test_enum_entries_fills_a_large_enough_buffer(void)
{
    RASENTRYNAME *names = calloc(3, sizeof *names);
    DWORD cb = 3 * sizeof *names, n = 0;
    names[0].dwSize = sizeof *names;
    CU_ASSERT_EQUAL_FATAL(RasEnumEntries(NULL, three_entries(), names, &cb, &n), 0);
    CU_ASSERT_EQUAL(n, 3);
    CU_ASSERT_STRING_EQUAL(names[0].szEntryName, "Office");
    CU_ASSERT_STRING_EQUAL(names[1].szEntryName, "Home");
    CU_ASSERT_STRING_EQUAL(names[2].szEntryName, "Lab");
    CU_ASSERT_EQUAL(names[2].dwSize, sizeof *names);
    CU_ASSERT_EQUAL(names[1].dwFlags, REN_User);
    CU_ASSERT_PTR_NOT_NULL(strstr(names[1].szPhonebookPath, "three.json"));
    free(names);
}

static void test_enum_entries_into_a_short_buffer_is_buffer_too_small(void)
{
    RASENTRYNAME names[2] = { { .dwSize = sizeof(RASENTRYNAME) } };
    DWORD cb = sizeof names, n = 0;
    CU_ASSERT_EQUAL(RasEnumEntries(NULL, three_entries(), names, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    CU_ASSERT_EQUAL(cb, 3 * sizeof(RASENTRYNAME));
}

static void test_enum_entries_checks_dwsize(void)
{
    RASENTRYNAME names[3] = { { .dwSize = 12 } };
    DWORD cb = sizeof names, n = 0;
    CU_ASSERT_EQUAL(RasEnumEntries(NULL, three_entries(), names, &cb, &n), ERROR_INVALID_SIZE);
}

static void test_enum_entries_rejects_bad_arguments(void)
{
    DWORD cb = 0, n = 0;
    CU_ASSERT_EQUAL(RasEnumEntries("x", three_entries(), NULL, &cb, &n), ERROR_INVALID_PARAMETER);
    CU_ASSERT_EQUAL(RasEnumEntries(NULL, three_entries(), NULL, NULL, &n), ERROR_INVALID_PARAMETER);
    CU_ASSERT_EQUAL(RasEnumEntries(NULL, three_entries(), NULL, &cb, NULL), ERROR_INVALID_PARAMETER);
}

static void test_missing_default_phonebook_has_no_entries(void)
{
    char xdg[700];
    DWORD cb = 0, n = 5;
    snprintf(xdg, sizeof xdg, "%s/empty-config", dir);
    setenv("XDG_CONFIG_HOME", xdg, 1);
    CU_ASSERT_EQUAL(RasEnumEntries(NULL, NULL, NULL, &cb, &n), 0);
    CU_ASSERT_EQUAL(n, 0);
    unsetenv("XDG_CONFIG_HOME");
}

static void test_default_phonebook_comes_from_xdg_config_home(void)
{
    char xdg[700], sub[800];
    DWORD cb = 0, n = 0;
    snprintf(xdg, sizeof xdg, "%s/config", dir);
    snprintf(sub, sizeof sub, "%s/netrouter", xdg);
    mkdir(xdg, 0700);
    mkdir(sub, 0700);
    write_book("config/netrouter/phonebook.json",
               "{\"entries\": [{\"name\": \"Mine\", \"device\": \"/dev/ttyS0\", \"phone_number\": \"9\"}]}");
    setenv("XDG_CONFIG_HOME", xdg, 1);
    CU_ASSERT_EQUAL(RasEnumEntries(NULL, NULL, NULL, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    CU_ASSERT_EQUAL(n, 1);
    unsetenv("XDG_CONFIG_HOME");
}

static void test_missing_named_phonebook_cannot_be_opened(void)
{
    char path[700], detail[1400];
    DWORD cb = 0, n = 0;
    snprintf(path, sizeof path, "%s/none.json", dir);
    CU_ASSERT_EQUAL(RasEnumEntries(NULL, path, NULL, &cb, &n), ERROR_CANNOT_OPEN_PHONEBOOK);
    RasGetLastPhonebookError(detail, sizeof detail);
    CU_ASSERT_PTR_NOT_NULL(strstr(detail, "none.json"));
}

static void test_corrupt_phonebook_reports_file_line_and_field(void)
{
    char detail[1400];
    DWORD cb = 0, n = 0;
    const char *path = write_book("bad.json", "{\"entries\": [\n {\"name\": \"A\", \"device\": \"/dev/a\",\n"
                                              "  \"phone_number\": \"1\", \"speed\": true}\n]}\n");
    CU_ASSERT_EQUAL(RasEnumEntries(NULL, path, NULL, &cb, &n), ERROR_CORRUPT_PHONEBOOK);
    RasGetLastPhonebookError(detail, sizeof detail);
    CU_ASSERT_PTR_NOT_NULL(strstr(detail, "bad.json:3:"));
    CU_ASSERT_PTR_NOT_NULL(strstr(detail, "entries[0].speed"));
    CU_ASSERT_PTR_NOT_NULL(strstr(detail, "must be an integer"));
    /* a later success clears it */
    CU_ASSERT_EQUAL(RasEnumEntries(NULL, three_entries(), NULL, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    RasGetLastPhonebookError(detail, sizeof detail);
    CU_ASSERT_STRING_EQUAL(detail, "");
}

static CU_TestInfo tests[] = {
    { "error_string_of_a_ras_code", test_error_string_of_a_ras_code },
    { "error_string_of_every_code_in_ras_h", test_error_string_of_every_code_in_ras_h },
    { "error_string_falls_back_to_network_codes", test_error_string_falls_back_to_network_codes },
    { "error_string_of_an_unknown_code_is_invalid_parameter",
      test_error_string_of_an_unknown_code_is_invalid_parameter },
    { "error_string_into_a_small_buffer_is_insufficient_buffer",
      test_error_string_into_a_small_buffer_is_insufficient_buffer },
    { "enum_entries_size_probe", test_enum_entries_size_probe },
    { "enum_entries_fills_a_large_enough_buffer", test_enum_entries_fills_a_large_enough_buffer },
    { "enum_entries_into_a_short_buffer_is_buffer_too_small", test_enum_entries_into_a_short_buffer_is_buffer_too_small },
    { "enum_entries_checks_dwsize", test_enum_entries_checks_dwsize },
    { "enum_entries_rejects_bad_arguments", test_enum_entries_rejects_bad_arguments },
    { "missing_default_phonebook_has_no_entries", test_missing_default_phonebook_has_no_entries },
    { "default_phonebook_comes_from_xdg_config_home", test_default_phonebook_comes_from_xdg_config_home },
    { "missing_named_phonebook_cannot_be_opened", test_missing_named_phonebook_cannot_be_opened },
    { "corrupt_phonebook_reports_file_line_and_field", test_corrupt_phonebook_reports_file_line_and_field },
    CU_TEST_INFO_NULL,
};

int main(int argc, char **argv)
{
    return nr_cunit_main_in_tmpdir(argc, argv, "ras-api", tests, dir);
}
