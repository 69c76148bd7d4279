/*
 * test-ras-phonebook.c - the RAS phonebook: defaults, validation with file,
 * line, column and field, refusal of unsafe files, lookup by name.
 */
#include "config.h"

#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cunit-main.h"
#include "phonebook.h"

static char dir[] = "/tmp/nr-pb-test.XXXXXX";

/* Writes text to dir/name with mode and returns the path (static buffer). */
static const char *write_pb(const char *name, mode_t mode, const char *text)
{
    static char path[512];
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    unlink(path);
    f = fopen(path, "w");
    CU_ASSERT_FATAL(f != NULL);
    fputs(text, f);
    fclose(f);
    chmod(path, mode);
    return path;
}

/* Loads text and expects failure; returns the error for inspection. */
static nr_pb_error load_bad(const char *text)
{
    nr_phonebook *pb = NULL;
    nr_pb_error err;
    DWORD rc = nr_pb_load(write_pb("bad.json", 0600, text), &pb, &err);
    CU_ASSERT_EQUAL(rc, err.code);
    CU_ASSERT_PTR_NULL(pb);
    nr_pb_free(pb);
    return err;
}

#define ENTRY(extra) "{\"entries\": [\n  {\"name\": \"Office\", \"device\": \"/dev/ttyS0\",\n   \"phone_number\": \"5551234\"" extra "}\n]}\n"

static void test_minimal_entry_gets_the_defaults(void)
{
    nr_phonebook *pb = NULL;
    CU_ASSERT_EQUAL_FATAL(nr_pb_load(write_pb("pb.json", 0600, ENTRY("")), &pb, NULL), WN_SUCCESS);
    CU_ASSERT_EQUAL_FATAL(pb->n, 1);
    const nr_pb_entry *e = &pb->entries[0];
    CU_ASSERT_STRING_EQUAL(e->name, "Office");
    CU_ASSERT_STRING_EQUAL(e->device, "/dev/ttyS0");
    CU_ASSERT_EQUAL(e->speed, 115200);
    CU_ASSERT_STRING_EQUAL(e->dial_prefix, "ATDT");
    CU_ASSERT_EQUAL(e->ninit, 1);
    CU_ASSERT_STRING_EQUAL(e->init[0], "ATZ");
    CU_ASSERT_TRUE(e->rtscts);
    CU_ASSERT_EQUAL(e->auth, NR_PB_AUTH_ANY);
    CU_ASSERT_EQUAL(e->redial_attempts, 0);
    CU_ASSERT_EQUAL(e->mru, 1500);
    CU_ASSERT_TRUE(e->command_timeout_ms > 0 && e->connect_timeout_ms > 0 && e->ppp_timeout_ms > 0);
    CU_ASSERT_FALSE(e->terminal_after_dial);
    CU_ASSERT_FALSE(e->callback_ask);
    CU_ASSERT_STRING_EQUAL(e->callback_number, "");
    CU_ASSERT_EQUAL(e->callback_timeout_ms, 60000);
    CU_ASSERT_STRING_EQUAL(e->interface, "");
    nr_pb_free(pb);
}

static void test_every_key_is_read(void)
{
    nr_phonebook *pb = NULL;
    const char *text = ENTRY(",\n   \"description\": \"work\", \"speed\": 57600, \"init\": [\"ATZ\", \"ATE0V1\"],\n"
                             "   \"dial_prefix\": \"ATDP\", \"flow_control\": \"none\", \"auth\": \"chap\",\n"
                             "   \"timeouts\": {\"command_ms\": 500, \"connect_ms\": 9000, \"ppp_ms\": 7000,\n"
                             "                \"callback_ms\": 20000},\n"
                             "   \"callback\": \"ask\", \"callback_number\": \"555 0199\", \"interface\": \"ras%d\",\n"
                             "   \"redial\": {\"attempts\": 3, \"pause_ms\": 100},\n"
                             "   \"ppp\": {\"mru\": 296, \"lcp_echo_interval\": 5, \"lcp_echo_failures\": 2},\n"
                             "   \"terminal_after_dial\": true, \"x-site\": {\"anything\": true}");
    CU_ASSERT_EQUAL_FATAL(nr_pb_load(write_pb("pb.json", 0600, text), &pb, NULL), WN_SUCCESS);
    const nr_pb_entry *e = nr_pb_find(pb, "Office");
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);
    CU_ASSERT_STRING_EQUAL(e->description, "work");
    CU_ASSERT_EQUAL(e->speed, 57600);
    CU_ASSERT_EQUAL_FATAL(e->ninit, 2);
    CU_ASSERT_STRING_EQUAL(e->init[1], "ATE0V1");
    CU_ASSERT_STRING_EQUAL(e->dial_prefix, "ATDP");
    CU_ASSERT_FALSE(e->rtscts);
    CU_ASSERT_EQUAL(e->auth, NR_PB_AUTH_CHAP);
    CU_ASSERT_EQUAL(e->command_timeout_ms, 500);
    CU_ASSERT_EQUAL(e->connect_timeout_ms, 9000);
    CU_ASSERT_EQUAL(e->ppp_timeout_ms, 7000);
    CU_ASSERT_EQUAL(e->redial_attempts, 3);
    CU_ASSERT_EQUAL(e->redial_pause_ms, 100);
    CU_ASSERT_EQUAL(e->mru, 296);
    CU_ASSERT_EQUAL(e->lcp_echo_interval_s, 5);
    CU_ASSERT_EQUAL(e->lcp_echo_failures, 2);
    CU_ASSERT_TRUE(e->terminal_after_dial);
    CU_ASSERT_TRUE(e->callback_ask);
    CU_ASSERT_STRING_EQUAL(e->callback_number, "555 0199");
    CU_ASSERT_EQUAL(e->callback_timeout_ms, 20000);
    CU_ASSERT_STRING_EQUAL(e->interface, "ras%d");
    nr_pb_free(pb);
}

static void test_lookup_is_by_exact_name(void)
{
    nr_phonebook *pb = NULL;
    CU_ASSERT_EQUAL_FATAL(nr_pb_load(write_pb("pb.json", 0600, ENTRY("")), &pb, NULL), WN_SUCCESS);
    CU_ASSERT_PTR_NOT_NULL(nr_pb_find(pb, "Office"));
    CU_ASSERT_PTR_NULL(nr_pb_find(pb, "office"));
    CU_ASSERT_PTR_NULL(nr_pb_find(pb, "Home"));
    nr_pb_free(pb);
}

static void test_missing_file_cannot_be_opened(void)
{
    nr_phonebook *pb = NULL;
    nr_pb_error err;
    char path[512];
    snprintf(path, sizeof path, "%s/none.json", dir);
    CU_ASSERT_EQUAL(nr_pb_load(path, &pb, &err), ERROR_CANNOT_OPEN_PHONEBOOK);
    CU_ASSERT_STRING_EQUAL(err.file, path);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "No such file"));
}

static void test_syntax_error_has_line_and_column(void)
{
    nr_pb_error err = load_bad("{\"entries\": [\n  {\"name\": \"Office\",,}\n]}\n");
    CU_ASSERT_EQUAL(err.code, ERROR_CORRUPT_PHONEBOOK);
    CU_ASSERT_EQUAL(err.line, 2);
    CU_ASSERT_TRUE(err.column > 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "invalid JSON"));
}

static void test_unknown_key_names_field_and_line(void)
{
    nr_pb_error err = load_bad(ENTRY(",\n   \"sped\": 9600"));
    CU_ASSERT_EQUAL(err.code, ERROR_CORRUPT_PHONEBOOK);
    CU_ASSERT_STRING_EQUAL(err.field, "entries[0].sped");
    CU_ASSERT_EQUAL(err.line, 4);
    CU_ASSERT_EQUAL(err.column, 4);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "unknown key \"sped\""));
}

static void test_wrong_type_names_field(void)
{
    nr_pb_error err = load_bad(ENTRY(", \"speed\": \"fast\""));
    CU_ASSERT_STRING_EQUAL(err.field, "entries[0].speed");
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "must be an integer, not a string"));
    CU_ASSERT_EQUAL(err.line, 3);
}

static void test_terminal_after_dial_must_be_a_boolean(void)
{
    nr_pb_error err = load_bad(ENTRY(",\n   \"terminal_after_dial\": \"yes\""));
    CU_ASSERT_STRING_EQUAL(err.field, "entries[0].terminal_after_dial");
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "must be true or false, not a string"));
    CU_ASSERT_EQUAL(err.line, 4);
}

static void test_undialable_callback_number_is_refused(void)
{
    nr_pb_error err = load_bad(ENTRY(", \"callback_number\": \"call me\""));
    CU_ASSERT_STRING_EQUAL(err.field, "entries[0].callback_number");
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "characters a modem cannot dial"));
}

static void test_interface_must_be_an_interface_name(void)
{
    nr_pb_error err = load_bad(ENTRY(", \"interface\": \"ras 0\""));
    CU_ASSERT_STRING_EQUAL(err.field, "entries[0].interface");
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "is not an interface name"));
    err = load_bad(ENTRY(", \"interface\": \"a-very-long-name0\""));
    CU_ASSERT_STRING_EQUAL(err.field, "entries[0].interface");
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "1 to 15 characters"));
}

static void test_callback_is_none_or_ask(void)
{
    nr_pb_error err = load_bad(ENTRY(", \"callback\": \"always\""));
    CU_ASSERT_STRING_EQUAL(err.field, "entries[0].callback");
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "must be \"none\" or \"ask\", not \"always\""));
}

static void test_nested_key_is_located(void)
{
    nr_pb_error err = load_bad(ENTRY(",\n   \"timeouts\": {\"command_ms\": 10,\n      \"connect_ms\": 0}"));
    CU_ASSERT_STRING_EQUAL(err.field, "entries[0].timeouts.connect_ms");
    CU_ASSERT_EQUAL(err.line, 5);
    CU_ASSERT_EQUAL(err.column, 7);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "between 1 and"));
}

static void test_missing_required_key_is_named(void)
{
    nr_pb_error err = load_bad("{\"entries\": [ {\"name\": \"A\", \"device\": \"/dev/ttyS0\"} ]}");
    CU_ASSERT_STRING_EQUAL(err.field, "entries[0]");
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "\"phone_number\" is missing"));
}

static void test_bad_choice_lists_the_allowed_values(void)
{
    nr_pb_error err = load_bad(ENTRY(", \"auth\": \"mschap\""));
    CU_ASSERT_STRING_EQUAL(err.field, "entries[0].auth");
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "\"any\", \"pap\", \"chap\" or \"mschapv2\", not \"mschap\""));
}

static void test_relative_device_is_refused(void)
{
    nr_pb_error err = load_bad("{\"entries\": [ {\"name\": \"A\", \"device\": \"ttyS0\", \"phone_number\": \"1\"} ]}");
    CU_ASSERT_STRING_EQUAL(err.field, "entries[0].device");
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "absolute path"));
}

static void test_undialable_number_is_refused(void)
{
    nr_pb_error err = load_bad("{\"entries\": [ {\"name\": \"A\", \"device\": \"/dev/x\", \"phone_number\": \"555;ATH\"} ]}");
    CU_ASSERT_STRING_EQUAL(err.field, "entries[0].phone_number");
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "cannot dial"));
}

static void test_unknown_speed_is_refused(void)
{
    nr_pb_error err = load_bad(ENTRY(", \"speed\": 12345"));
    CU_ASSERT_STRING_EQUAL(err.field, "entries[0].speed");
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "not a serial line speed"));
}

static void test_control_characters_in_init_are_refused(void)
{
    nr_pb_error err = load_bad(ENTRY(", \"init\": [\"ATZ\", \"AT\\r\\nATH\"]"));
    CU_ASSERT_STRING_EQUAL(err.field, "entries[0].init[1]");
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "control characters"));
}

static void test_duplicate_entry_names_are_refused(void)
{
    nr_pb_error err = load_bad("{\"entries\": [\n {\"name\": \"A\", \"device\": \"/dev/a\", \"phone_number\": \"1\"},\n"
                               " {\"name\": \"A\", \"device\": \"/dev/b\", \"phone_number\": \"2\"}\n]}");
    CU_ASSERT_STRING_EQUAL(err.field, "entries[1].name");
    CU_ASSERT_EQUAL(err.line, 3);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "already used by entries[0]"));
}

static void test_duplicate_keys_are_refused(void)
{
    nr_pb_error err = load_bad(ENTRY(", \"speed\": 9600, \"speed\": 19200"));
    CU_ASSERT_EQUAL(err.code, ERROR_CORRUPT_PHONEBOOK);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "duplicate"));
}

static void test_unknown_top_level_key_is_refused(void)
{
    nr_pb_error err = load_bad("{\"entries\": [], \"entrys\": []}");
    CU_ASSERT_STRING_EQUAL(err.field, "entrys");
    CU_ASSERT_EQUAL(err.line, 1);
    CU_ASSERT_EQUAL(err.column, 17);
}

static void test_entries_must_be_an_array(void)
{
    nr_pb_error err = load_bad("{\"entries\": {}}");
    CU_ASSERT_STRING_EQUAL(err.field, "entries");
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "must be an array"));
}

static void test_empty_phonebook_is_valid(void)
{
    nr_phonebook *pb = NULL;
    CU_ASSERT_EQUAL_FATAL(nr_pb_load(write_pb("pb.json", 0600, "{\"entries\": []}"), &pb, NULL), WN_SUCCESS);
    CU_ASSERT_EQUAL(pb->n, 0);
    CU_ASSERT_PTR_NULL(nr_pb_find(pb, "Office"));
    nr_pb_free(pb);
}

static void test_world_writable_phonebook_is_refused(void)
{
    nr_phonebook *pb = NULL;
    nr_pb_error err;
    CU_ASSERT_EQUAL(nr_pb_load(write_pb("pb.json", 0666, ENTRY("")), &pb, &err), ERROR_CANNOT_OPEN_PHONEBOOK);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "writable by other users"));
    CU_ASSERT_PTR_NULL(pb);
}

static void test_group_writable_phonebook_is_refused(void)
{
    nr_phonebook *pb = NULL;
    nr_pb_error err;
    CU_ASSERT_EQUAL(nr_pb_load(write_pb("pb.json", 0620, ENTRY("")), &pb, &err), ERROR_CANNOT_OPEN_PHONEBOOK);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "writable by its group"));
}

static void test_default_path_prefers_xdg_config_home(void)
{
    char xdg[600], want[700];
    snprintf(xdg, sizeof xdg, "%s/xdg", dir);
    snprintf(want, sizeof want, "%s/netrouter/phonebook.json", xdg);
    setenv("XDG_CONFIG_HOME", xdg, 1);
    char *p = nr_pb_default_path();
    CU_ASSERT_STRING_EQUAL(p, want);
    free(p);
    unsetenv("XDG_CONFIG_HOME");
}

static CU_TestInfo tests[] = {
    { "minimal_entry_gets_the_defaults", test_minimal_entry_gets_the_defaults },
    { "every_key_is_read", test_every_key_is_read },
    { "lookup_is_by_exact_name", test_lookup_is_by_exact_name },
    { "missing_file_cannot_be_opened", test_missing_file_cannot_be_opened },
    { "syntax_error_has_line_and_column", test_syntax_error_has_line_and_column },
    { "unknown_key_names_field_and_line", test_unknown_key_names_field_and_line },
    { "wrong_type_names_field", test_wrong_type_names_field },
    { "terminal_after_dial_must_be_a_boolean", test_terminal_after_dial_must_be_a_boolean },
    { "undialable_callback_number_is_refused", test_undialable_callback_number_is_refused },
    { "callback_is_none_or_ask", test_callback_is_none_or_ask },
    { "interface_must_be_an_interface_name", test_interface_must_be_an_interface_name },
    { "nested_key_is_located", test_nested_key_is_located },
    { "missing_required_key_is_named", test_missing_required_key_is_named },
    { "bad_choice_lists_the_allowed_values", test_bad_choice_lists_the_allowed_values },
    { "relative_device_is_refused", test_relative_device_is_refused },
    { "undialable_number_is_refused", test_undialable_number_is_refused },
    { "unknown_speed_is_refused", test_unknown_speed_is_refused },
    { "control_characters_in_init_are_refused", test_control_characters_in_init_are_refused },
    { "duplicate_entry_names_are_refused", test_duplicate_entry_names_are_refused },
    { "duplicate_keys_are_refused", test_duplicate_keys_are_refused },
    { "unknown_top_level_key_is_refused", test_unknown_top_level_key_is_refused },
    { "entries_must_be_an_array", test_entries_must_be_an_array },
    { "empty_phonebook_is_valid", test_empty_phonebook_is_valid },
    { "world_writable_phonebook_is_refused", test_world_writable_phonebook_is_refused },
    { "group_writable_phonebook_is_refused", test_group_writable_phonebook_is_refused },
    { "default_path_prefers_xdg_config_home", test_default_path_prefers_xdg_config_home },
    CU_TEST_INFO_NULL,
};

int main(int argc, char **argv)
{
    return nr_cunit_main_in_tmpdir(argc, argv, "ras-phonebook", tests, dir);
}
