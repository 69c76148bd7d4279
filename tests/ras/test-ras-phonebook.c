/*
 * test-ras-phonebook.c - the RAS phonebook: defaults, validation with file,
 * line, column and field, range checks of every integer key, suggestions
 * for misspelt keys, refusal of unsafe files and of anything that is not a
 * regular file (at once, never blocking), lookup by name, the sentence for
 * a missing entry, and phonebooks of 100,000 entries.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cunit-main.h"
#include "pb-gen.h"
#include "phonebook.h"

static char dir[] = "/tmp/nr-pb-test.XXXXXX";
NRT_SUITE("ras-phonebook", .tmpdir = dir);

/* Writes text to dir/name with mode and returns the path (static buffer). */
static const char *write_pb(const char *name, mode_t mode, const char *text)
{
    static char path[512];
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    unlink(path);
    f = fopen(path, "w");
    NRT_NOT_NULL_FATAL(f);
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
    NRT_EQ(rc, err.err.code);
    NRT_NULL(pb);
    nr_pb_free(pb);
    return err;
}

#define ENTRY(extra) "{\"entries\": [\n  {\"name\": \"Office\", \"device\": \"/dev/ttyS0\",\n   \"phone_number\": \"5551234\"" extra "}\n]}\n"

NRT_TEST(minimal_entry_gets_the_defaults)
{
    nr_phonebook *pb = NULL;
    NRT_EQ_FATAL(nr_pb_load(write_pb("pb.json", 0600, ENTRY("")), &pb, NULL), WN_SUCCESS);
    NRT_EQ_FATAL(pb->n, 1);
    const nr_pb_entry *e = &pb->entries[0];
    NRT_EQ_STR(e->name, "Office");
    NRT_EQ_STR(e->device, "/dev/ttyS0");
    NRT_EQ(e->speed, 115200);
    NRT_EQ_STR(e->dial_prefix, "ATDT");
    NRT_EQ(e->ninit, 1);
    NRT_EQ_STR(e->init[0], "ATZ");
    NRT_TRUE(e->rtscts);
    NRT_EQ(e->auth, NR_PB_AUTH_ANY);
    NRT_EQ(e->redial_attempts, 0);
    NRT_EQ(e->mru, 1500);
    NRT_TRUE(e->command_timeout_ms > 0 && e->connect_timeout_ms > 0 && e->ppp_timeout_ms > 0);
    NRT_FALSE(e->terminal_after_dial);
    NRT_FALSE(e->callback_ask);
    NRT_EQ_STR(e->callback_number, "");
    NRT_EQ(e->callback_timeout_ms, 60000);
    NRT_EQ_STR(e->interface, "");
    NRT_EQ(e->idle_disconnect_s, 0);
    NRT_FALSE(e->reconnect_if_dropped);
    nr_pb_free(pb);
}

NRT_TEST(every_key_is_read)
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
    NRT_EQ_FATAL(nr_pb_load(write_pb("pb.json", 0600, text), &pb, NULL), WN_SUCCESS);
    const nr_pb_entry *e = nr_pb_find(pb, "Office");
    NRT_NOT_NULL_FATAL(e);
    NRT_EQ_STR(e->description, "work");
    NRT_EQ(e->speed, 57600);
    NRT_EQ_FATAL(e->ninit, 2);
    NRT_EQ_STR(e->init[1], "ATE0V1");
    NRT_EQ_STR(e->dial_prefix, "ATDP");
    NRT_FALSE(e->rtscts);
    NRT_EQ(e->auth, NR_PB_AUTH_CHAP);
    NRT_EQ(e->command_timeout_ms, 500);
    NRT_EQ(e->connect_timeout_ms, 9000);
    NRT_EQ(e->ppp_timeout_ms, 7000);
    NRT_EQ(e->redial_attempts, 3);
    NRT_EQ(e->redial_pause_ms, 100);
    NRT_EQ(e->mru, 296);
    NRT_EQ(e->lcp_echo_interval_s, 5);
    NRT_EQ(e->lcp_echo_failures, 2);
    NRT_TRUE(e->terminal_after_dial);
    NRT_TRUE(e->callback_ask);
    NRT_EQ_STR(e->callback_number, "555 0199");
    NRT_EQ(e->callback_timeout_ms, 20000);
    NRT_EQ_STR(e->interface, "ras%d");
    nr_pb_free(pb);
}

NRT_TEST(lookup_is_by_exact_name)
{
    nr_phonebook *pb = NULL;
    NRT_EQ_FATAL(nr_pb_load(write_pb("pb.json", 0600, ENTRY("")), &pb, NULL), WN_SUCCESS);
    NRT_NOT_NULL(nr_pb_find(pb, "Office"));
    NRT_NULL(nr_pb_find(pb, "office"));
    NRT_NULL(nr_pb_find(pb, "Home"));
    nr_pb_free(pb);
}

NRT_TEST(missing_file_cannot_be_opened)
{
    nr_phonebook *pb = NULL;
    nr_pb_error err;
    char path[512];
    snprintf(path, sizeof path, "%s/none.json", dir);
    NRT_EQ(nr_pb_load(path, &pb, &err), ERROR_CANNOT_OPEN_PHONEBOOK);
    NRT_EQ_STR(err.file, path);
    NRT_CONTAINS(err.err.detail, "No such file");
}

NRT_TEST(syntax_error_has_line_and_column)
{
    nr_pb_error err = load_bad("{\"entries\": [\n  {\"name\": \"Office\",,}\n]}\n");
    NRT_EQ(err.err.code, ERROR_CORRUPT_PHONEBOOK);
    NRT_EQ(err.line, 2);
    NRT_GT(err.column, 0);
    NRT_CONTAINS(err.err.detail, "invalid JSON");
}

/* A NUL byte hid the rest of the file from json_loads(): an entry after it,
 * duplicate or broken, was silently dropped and the phonebook loaded. */
NRT_TEST(nul_byte_is_a_syntax_error_at_its_position)
{
    static const char text[] = "{\"entries\": [\n  {\"name\": \"Office\", \"device\": \"/dev/ttyS0\", "
                               "\"phone_number\": \"1\"}\n@, {\"name\": \"Office\"}\n]}\n";
    char path[512];
    nr_phonebook *pb = NULL;
    nr_pb_error err;
    FILE *f;
    snprintf(path, sizeof path, "%s/nul.json", dir);
    f = fopen(path, "w");
    NRT_NOT_NULL_FATAL(f);
    for (const char *p = text; *p; p++)
        fputc(*p == '@' ? '\0' : *p, f);
    fclose(f);
    chmod(path, 0600);
    NRT_EQ(nr_pb_load(path, &pb, &err), ERROR_CORRUPT_PHONEBOOK);
    NRT_NULL(pb);
    NRT_EQ(err.line, 3);
    NRT_EQ(err.column, 1);
    NRT_CONTAINS(err.err.detail, "NUL");
    nr_pb_free(pb);
}

NRT_TEST(unknown_key_names_field_and_line)
{
    nr_pb_error err = load_bad(ENTRY(",\n   \"sped\": 9600"));
    NRT_EQ(err.err.code, ERROR_CORRUPT_PHONEBOOK);
    NRT_EQ_STR(err.field, "entries[0].sped");
    NRT_EQ(err.line, 4);
    NRT_EQ(err.column, 4);
    NRT_CONTAINS(err.err.detail, "unknown key \"sped\"");
}

NRT_TEST(idle_disconnect_and_reconnect_are_read)
{
    nr_phonebook *pb = NULL;
    const nr_pb_entry *e;
    NRT_EQ_FATAL(nr_pb_load(write_pb("pb.json", 0600,
                                     ENTRY(",\n   \"idle_disconnect_s\": 600,\n"
                                           "   \"reconnect\": {\"if_dropped\": true, \"attempts\": 5, \"pause_ms\": 250}")),
                            &pb, NULL),
                 WN_SUCCESS);
    e = nr_pb_find(pb, "Office");
    NRT_NOT_NULL_FATAL(e);
    NRT_EQ(e->idle_disconnect_s, 600);
    NRT_TRUE(e->reconnect_if_dropped);
    NRT_EQ(e->reconnect_attempts, 5);
    NRT_EQ(e->reconnect_pause_ms, 250);
    nr_pb_free(pb);
}

/* The object asks for reconnecting; its numbers have defaults. */
NRT_TEST(an_empty_reconnect_object_reconnects_with_the_defaults)
{
    nr_phonebook *pb = NULL;
    NRT_EQ_FATAL(nr_pb_load(write_pb("pb.json", 0600, ENTRY(", \"reconnect\": {}")), &pb, NULL), WN_SUCCESS);
    NRT_TRUE(pb->entries[0].reconnect_if_dropped);
    NRT_EQ(pb->entries[0].reconnect_attempts, 3);
    NRT_EQ(pb->entries[0].reconnect_pause_ms, 3000);
    nr_pb_free(pb);
}

NRT_TEST(reconnect_if_dropped_false_turns_it_off)
{
    nr_phonebook *pb = NULL;
    NRT_EQ_FATAL(nr_pb_load(write_pb("pb.json", 0600, ENTRY(", \"reconnect\": {\"if_dropped\": false, \"attempts\": 9}")),
                            &pb, NULL),
                 WN_SUCCESS);
    NRT_FALSE(pb->entries[0].reconnect_if_dropped);
    nr_pb_free(pb);
}

NRT_TEST(reconnect_must_be_an_object_with_a_boolean_if_dropped)
{
    nr_pb_error err = load_bad(ENTRY(",\n   \"reconnect\": true"));
    NRT_EQ(err.err.code, ERROR_CORRUPT_PHONEBOOK);
    NRT_EQ_STR(err.field, "entries[0].reconnect");
    NRT_CONTAINS(err.err.detail, "must be an object, not a boolean");
    NRT_EQ(err.line, 4);
    err = load_bad(ENTRY(",\n   \"reconnect\": {\"if_dropped\": 1}"));
    NRT_EQ_STR(err.field, "entries[0].reconnect.if_dropped");
    NRT_CONTAINS(err.err.detail, "must be true or false, not an integer");
    NRT_EQ(err.line, 4);
    NRT_EQ(err.column, 18); /* the key */
}

NRT_TEST(a_misspelt_reconnect_key_suggests_the_known_one)
{
    nr_pb_error err = load_bad(ENTRY(", \"reconnect\": {\"if_droped\": true}"));
    NRT_EQ_STR(err.field, "entries[0].reconnect.if_droped");
    NRT_CONTAINS(err.err.detail, "unknown key \"if_droped\" (did you mean \"if_dropped\"?)");
}

NRT_TEST(idle_disconnect_must_be_a_number_of_seconds)
{
    nr_pb_error err = load_bad(ENTRY(",\n   \"idle_disconnect_s\": \"10 minutes\""));
    NRT_EQ_STR(err.field, "entries[0].idle_disconnect_s");
    NRT_CONTAINS(err.err.detail, "must be an integer, not a string");
    NRT_EQ(err.line, 4);
}

/* A redial has nobody to answer the login of the terminal step. */
NRT_TEST(reconnect_is_refused_with_a_terminal_step)
{
    nr_phonebook *pb = NULL;
    nr_pb_error err = load_bad(ENTRY(", \"terminal_after_dial\": true,\n   \"reconnect\": {\"attempts\": 2}"));
    NRT_EQ(err.err.code, ERROR_CORRUPT_PHONEBOOK);
    NRT_EQ_STR(err.field, "entries[0].reconnect");
    NRT_CONTAINS(err.err.detail, "cannot be used with terminal_after_dial");
    NRT_EQ(err.line, 4);
    /* turned off, it may stay */
    NRT_EQ(nr_pb_load(write_pb("pb.json", 0600,
                               ENTRY(", \"terminal_after_dial\": true, \"reconnect\": {\"if_dropped\": false}")),
                      &pb, NULL),
           WN_SUCCESS);
    nr_pb_free(pb);
}

NRT_TEST(wrong_type_names_field)
{
    nr_pb_error err = load_bad(ENTRY(", \"speed\": \"fast\""));
    NRT_EQ_STR(err.field, "entries[0].speed");
    NRT_CONTAINS(err.err.detail, "must be an integer, not a string");
    NRT_EQ(err.line, 3);
}

NRT_TEST(terminal_after_dial_must_be_a_boolean)
{
    nr_pb_error err = load_bad(ENTRY(",\n   \"terminal_after_dial\": \"yes\""));
    NRT_EQ_STR(err.field, "entries[0].terminal_after_dial");
    NRT_CONTAINS(err.err.detail, "must be true or false, not a string");
    NRT_EQ(err.line, 4);
}

NRT_TEST(undialable_callback_number_is_refused)
{
    nr_pb_error err = load_bad(ENTRY(", \"callback_number\": \"call me\""));
    NRT_EQ_STR(err.field, "entries[0].callback_number");
    NRT_CONTAINS(err.err.detail, "characters a modem cannot dial");
}

NRT_TEST(interface_must_be_an_interface_name)
{
    nr_pb_error err = load_bad(ENTRY(", \"interface\": \"ras 0\""));
    NRT_EQ_STR(err.field, "entries[0].interface");
    NRT_CONTAINS(err.err.detail, "is not an interface name");
    err = load_bad(ENTRY(", \"interface\": \"a-very-long-name0\""));
    NRT_EQ_STR(err.field, "entries[0].interface");
    NRT_CONTAINS(err.err.detail, "1 to 15 characters");
}

NRT_TEST(callback_is_none_or_ask)
{
    nr_pb_error err = load_bad(ENTRY(", \"callback\": \"always\""));
    NRT_EQ_STR(err.field, "entries[0].callback");
    NRT_CONTAINS(err.err.detail, "must be \"none\" or \"ask\", not \"always\"");
}

NRT_TEST(nested_key_is_located)
{
    nr_pb_error err = load_bad(ENTRY(",\n   \"timeouts\": {\"command_ms\": 10,\n      \"connect_ms\": 0}"));
    NRT_EQ_STR(err.field, "entries[0].timeouts.connect_ms");
    NRT_EQ(err.line, 5);
    NRT_EQ(err.column, 7);
    NRT_CONTAINS(err.err.detail, "between 1 and");
}

NRT_TEST(missing_required_key_is_named)
{
    nr_pb_error err = load_bad("{\"entries\": [ {\"name\": \"A\", \"device\": \"/dev/ttyS0\"} ]}");
    NRT_EQ_STR(err.field, "entries[0]");
    NRT_CONTAINS(err.err.detail, "\"phone_number\" is missing");
}

NRT_TEST(bad_choice_lists_the_allowed_values)
{
    nr_pb_error err = load_bad(ENTRY(", \"auth\": \"mschap\""));
    NRT_EQ_STR(err.field, "entries[0].auth");
    NRT_CONTAINS(err.err.detail, "\"any\", \"pap\", \"chap\" or \"mschapv2\", not \"mschap\"");
}

NRT_TEST(relative_device_is_refused)
{
    nr_pb_error err = load_bad("{\"entries\": [ {\"name\": \"A\", \"device\": \"ttyS0\", \"phone_number\": \"1\"} ]}");
    NRT_EQ_STR(err.field, "entries[0].device");
    NRT_CONTAINS(err.err.detail, "absolute path");
}

NRT_TEST(undialable_number_is_refused)
{
    nr_pb_error err = load_bad("{\"entries\": [ {\"name\": \"A\", \"device\": \"/dev/x\", \"phone_number\": \"555;ATH\"} ]}");
    NRT_EQ_STR(err.field, "entries[0].phone_number");
    NRT_CONTAINS(err.err.detail, "cannot dial");
}

NRT_TEST(unknown_speed_is_refused)
{
    nr_pb_error err = load_bad(ENTRY(", \"speed\": 12345"));
    NRT_EQ_STR(err.field, "entries[0].speed");
    NRT_CONTAINS(err.err.detail, "not a serial line speed");
}

NRT_TEST(control_characters_in_init_are_refused)
{
    nr_pb_error err = load_bad(ENTRY(", \"init\": [\"ATZ\", \"AT\\r\\nATH\"]"));
    NRT_EQ_STR(err.field, "entries[0].init[1]");
    NRT_CONTAINS(err.err.detail, "control characters");
}

NRT_TEST(duplicate_entry_names_are_refused)
{
    nr_pb_error err = load_bad("{\"entries\": [\n {\"name\": \"A\", \"device\": \"/dev/a\", \"phone_number\": \"1\"},\n"
                               " {\"name\": \"A\", \"device\": \"/dev/b\", \"phone_number\": \"2\"}\n]}");
    NRT_EQ_STR(err.field, "entries[1].name");
    NRT_EQ(err.line, 3);
    NRT_CONTAINS(err.err.detail, "already used by entries[0]");
}

NRT_TEST(duplicate_keys_are_refused)
{
    nr_pb_error err = load_bad(ENTRY(", \"speed\": 9600, \"speed\": 19200"));
    NRT_EQ(err.err.code, ERROR_CORRUPT_PHONEBOOK);
    NRT_CONTAINS(err.err.detail, "duplicate");
}

NRT_TEST(unknown_top_level_key_is_refused)
{
    nr_pb_error err = load_bad("{\"entries\": [], \"entrys\": []}");
    NRT_EQ_STR(err.field, "entrys");
    NRT_EQ(err.line, 1);
    NRT_EQ(err.column, 17);
}

NRT_TEST(entries_must_be_an_array)
{
    nr_pb_error err = load_bad("{\"entries\": {}}");
    NRT_EQ_STR(err.field, "entries");
    NRT_CONTAINS(err.err.detail, "must be an array");
}

NRT_TEST(empty_phonebook_is_valid)
{
    nr_phonebook *pb = NULL;
    NRT_EQ_FATAL(nr_pb_load(write_pb("pb.json", 0600, "{\"entries\": []}"), &pb, NULL), WN_SUCCESS);
    NRT_EQ(pb->n, 0);
    NRT_NULL(nr_pb_find(pb, "Office"));
    nr_pb_free(pb);
}

NRT_TEST(world_writable_phonebook_is_refused)
{
    nr_phonebook *pb = NULL;
    nr_pb_error err;
    NRT_EQ(nr_pb_load(write_pb("pb.json", 0666, ENTRY("")), &pb, &err), ERROR_CANNOT_OPEN_PHONEBOOK);
    NRT_CONTAINS(err.err.detail, "writable by other users");
    NRT_NULL(pb);
}

NRT_TEST(group_writable_phonebook_is_refused)
{
    nr_phonebook *pb = NULL;
    nr_pb_error err;
    NRT_EQ(nr_pb_load(write_pb("pb.json", 0620, ENTRY("")), &pb, &err), ERROR_CANNOT_OPEN_PHONEBOOK);
    NRT_CONTAINS(err.err.detail, "writable by its group");
}

NRT_TEST(default_path_prefers_xdg_config_home)
{
    char xdg[600], want[700];
    snprintf(xdg, sizeof xdg, "%s/xdg", dir);
    snprintf(want, sizeof want, "%s/netrouter/phonebook.json", xdg);
    setenv("XDG_CONFIG_HOME", xdg, 1);
    char *p = nr_pb_default_path();
    NRT_EQ_STR(p, want);
    free(p);
    unsetenv("XDG_CONFIG_HOME");
}

/* ---- integers: every one is range-checked, naming the key ------------------------------- */

/* Every integer key of an entry, nested ones as "object.key", with its
 * range as netrouter-phonebook(5) gives it. */
static const struct int_key {
    const char *path;
    long long min, max;
} int_keys[] = {
    { "speed", 300, 4000000 },
    { "timeouts.command_ms", 1, 600000 },
    { "timeouts.connect_ms", 1, 600000 },
    { "timeouts.ppp_ms", 1, 600000 },
    { "timeouts.callback_ms", 1, 600000 },
    { "redial.attempts", 0, 100 },
    { "redial.pause_ms", 0, 3600000 },
    { "ppp.mru", 128, 1500 },
    { "ppp.lcp_echo_interval", 0, 3600 },
    { "ppp.lcp_echo_failures", 0, 100 },
    { "idle_disconnect_s", 0, 86400 },
    { "reconnect.attempts", 0, 100 },
    { "reconnect.pause_ms", 0, 3600000 },
};

/* An entry whose key (path) holds the JSON number text value. */
static const char *entry_with(const struct int_key *k, const char *value)
{
    static char text[512];
    const char *dot = strchr(k->path, '.');
    if (dot)
        snprintf(text, sizeof text, ENTRY(",\n   \"%.*s\": {\"%s\": %s}"), (int)(dot - k->path), k->path, dot + 1,
                 value);
    else
        snprintf(text, sizeof text, ENTRY(",\n   \"%s\": %s"), k->path, value);
    return text;
}

NRT_TEST(every_integer_out_of_range_is_a_schema_error_naming_the_key)
{
    for (size_t i = 0; i < sizeof int_keys / sizeof int_keys[0]; i++) {
        const struct int_key *k = &int_keys[i];
        char below[32], above[32], field[96];
        const char *values[] = { "4294967297", "-4294967297", "4294967296", "9223372036854775807",
                                 "-9223372036854775808", "-1", below, above };
        snprintf(below, sizeof below, "%lld", k->min - 1);
        snprintf(above, sizeof above, "%lld", k->max + 1);
        snprintf(field, sizeof field, "entries[0].%s", k->path);
        for (size_t v = 0; v < sizeof values / sizeof values[0]; v++) {
            if (v == 5 && k->min == 0)
                continue; /* -1 is min - 1 already */
            nr_pb_error err = load_bad(entry_with(k, values[v]));
            if (err.err.code != ERROR_CORRUPT_PHONEBOOK || strcmp(err.field, field) != 0 ||
                !strstr(err.err.detail, "must be between") || err.line != 4)
                fprintf(stderr, "\n%s = %s: %u %s:%d: %s: %s\n", k->path, values[v], (unsigned)err.err.code, err.file,
                        err.line, err.field, err.err.detail);
            NRT_EQ(err.err.code, ERROR_CORRUPT_PHONEBOOK);
            NRT_EQ_STR(err.field, field);
            NRT_CONTAINS(err.err.detail, "must be between");
            NRT_EQ(err.line, 4);
        }
    }
}

NRT_TEST(every_integer_at_its_limits_is_accepted)
{
    for (size_t i = 0; i < sizeof int_keys / sizeof int_keys[0]; i++) {
        const struct int_key *k = &int_keys[i];
        long long ends[] = { k->min, k->max };
        for (size_t v = 0; v < 2; v++) {
            nr_phonebook *pb = NULL;
            char value[32];
            snprintf(value, sizeof value, "%lld", ends[v]);
            if (!strcmp(k->path, "speed"))
                snprintf(value, sizeof value, "%s", v ? "4000000" : "300"); /* also real line speeds */
            NRT_EQ(nr_pb_load(write_pb("pb.json", 0600, entry_with(k, value)), &pb, NULL), WN_SUCCESS);
            nr_pb_free(pb);
        }
    }
}

/* jansson cannot read it at all; it is still the key's value out of range
 * (issue item 10), at the key's position. */
NRT_TEST(an_integer_beyond_64_bits_is_a_schema_error_naming_the_key)
{
    nr_pb_error err = load_bad(ENTRY(",\n   \"speed\": 99999999999999999999"));
    NRT_EQ(err.err.code, ERROR_CORRUPT_PHONEBOOK);
    NRT_EQ(err.line, 4);
    NRT_EQ(err.column, 4);
    NRT_EQ_STR(err.field, "speed");
    NRT_CONTAINS(err.err.detail, "must be between 300 and 4000000, not 99999999999999999999");
    err = load_bad(ENTRY(", \"redial\": {\"attempts\": -99999999999999999999}"));
    NRT_EQ_STR(err.field, "attempts");
    NRT_CONTAINS(err.err.detail, "not -99999999999999999999");
}

/* A huge number where no integer key is remains what jansson says. */
NRT_TEST(a_huge_number_elsewhere_is_a_syntax_error_with_its_position)
{
    nr_pb_error err = load_bad(ENTRY(",\n   \"x-note\": 99999999999999999999"));
    NRT_EQ(err.err.code, ERROR_CORRUPT_PHONEBOOK);
    NRT_EQ(err.line, 4);
    NRT_GT(err.column, 0);
    NRT_CONTAINS(err.err.detail, "invalid JSON");
}

NRT_TEST(a_fraction_where_an_integer_belongs_is_refused)
{
    nr_pb_error err = load_bad(ENTRY(", \"redial\": {\"attempts\": 1.5}"));
    NRT_EQ_STR(err.field, "entries[0].redial.attempts");
    NRT_CONTAINS(err.err.detail, "must be an integer, not a number with a fraction");
}

/* ---- misspelt keys: the nearest known one ------------------------------------------------ */

NRT_TEST(a_misspelt_key_suggests_the_known_one)
{
    nr_pb_error err = load_bad("{\"entries\": [\n  {\"name\": \"A\", \"devcie\": \"/dev/ttyS0\", \"phone_number\": \"1\"}\n]}");
    NRT_EQ_STR(err.field, "entries[0].devcie");
    NRT_CONTAINS(err.err.detail, "unknown key \"devcie\" (did you mean \"device\"?)");
    NRT_EQ(err.line, 2);
    NRT_EQ(err.column, 17);
}

NRT_TEST(a_misspelt_nested_key_suggests_from_its_own_object)
{
    nr_pb_error err = load_bad(ENTRY(", \"timeouts\": {\"conect_ms\": 10}"));
    NRT_EQ_STR(err.field, "entries[0].timeouts.conect_ms");
    NRT_CONTAINS(err.err.detail, "(did you mean \"connect_ms\"?)");
}

NRT_TEST(a_misspelt_top_level_key_suggests_entries)
{
    nr_pb_error err = load_bad("{\"entrys\": []}");
    NRT_EQ_STR(err.field, "entrys");
    NRT_CONTAINS(err.err.detail, "(did you mean \"entries\"?)");
}

NRT_TEST(an_unknown_key_unlike_any_says_x_keys_are_free)
{
    nr_pb_error err = load_bad(ENTRY(", \"colour\": \"blue\""));
    NRT_CONTAINS(err.err.detail, "unknown key \"colour\" (keys starting with \"x-\" are free)");
    NRT_NULL(strstr(err.err.detail, "did you mean"));
}

/* ---- files that are not regular: refused at once ----------------------------------------- */

/* nr_pb_load(path) in a child process: its exit status is 0 when it
 * failed with ERROR_CANNOT_OPEN_PHONEBOOK and a message containing want;
 * -1 when it did not return within 10 s (it was then killed). */
static int load_in_child(const char *path, const char *want)
{
    pid_t pid = fork();
    int status = 0;
    NRT_GE_FATAL(pid, 0);
    if (pid == 0) {
        nr_phonebook *pb = NULL;
        nr_pb_error err;
        DWORD rc = nr_pb_load(path, &pb, &err);
        if (rc != ERROR_CANNOT_OPEN_PHONEBOOK || !strstr(err.err.detail, want))
            fprintf(stderr, "\n%s: %u %s\n", path, (unsigned)rc, err.err.detail);
        _exit(rc == ERROR_CANNOT_OPEN_PHONEBOOK && strstr(err.err.detail, want) ? 0 : 1);
    }
    for (int waited = 0; waited < 10000; waited += 10) {
        struct timespec ms10 = { 0, 10000000 };
        if (waitpid(pid, &status, WNOHANG) == pid)
            return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
        nanosleep(&ms10, NULL);
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    return -1;
}

NRT_TEST(a_fifo_phonebook_is_refused_at_once)
{
    char path[512];
    snprintf(path, sizeof path, "%s/fifo.json", dir);
    NRT_EQ_FATAL(mkfifo(path, 0600), 0);
    NRT_EQ(load_in_child(path, "it is a FIFO, not a regular file"), 0);
    unlink(path);
}

NRT_TEST(a_directory_phonebook_is_refused)
{
    char path[512];
    snprintf(path, sizeof path, "%s/dir.json", dir);
    NRT_EQ_FATAL(mkdir(path, 0700), 0);
    NRT_EQ(load_in_child(path, "it is a directory, not a regular file"), 0);
    rmdir(path);
}

NRT_TEST(a_device_phonebook_is_refused_without_opening_it)
{
    NRT_EQ(load_in_child("/dev/zero", "it is a character device, not a regular file"), 0);
}

NRT_TEST(a_phonebook_larger_than_the_limit_is_refused)
{
    char path[512];
    int fd;
    snprintf(path, sizeof path, "%s/huge.json", dir);
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    NRT_GE_FATAL(fd, 0);
    NRT_EQ(ftruncate(fd, (off_t)NR_PB_MAX_SIZE + 1), 0); /* sparse: no disk used */
    close(fd);
    NRT_EQ(load_in_child(path, "larger than " NR_PB_MAX_SIZE_TEXT), 0);
    unlink(path);
}

/* ---- a missing entry, in words ------------------------------------------------------------ */

NRT_TEST(a_missing_entry_is_described_with_the_names_there_are)
{
    nr_phonebook *pb = NULL;
    char text[1024];
    const char *path = write_pb("pb.json", 0600,
                                "{\"entries\": [{\"name\": \"Office\", \"device\": \"/dev/a\", \"phone_number\": \"1\"},"
                                "{\"name\": \"Home\", \"device\": \"/dev/a\", \"phone_number\": \"2\"}]}");
    NRT_EQ_FATAL(nr_pb_load(path, &pb, NULL), WN_SUCCESS);
    nr_pb_describe_missing(pb, "Ofice", text, sizeof text);
    NRT_CONTAINS(text, path);
    NRT_CONTAINS(text, "no entry named \"Ofice\" (did you mean \"Office\"?)");
    NRT_CONTAINS(text, "its 2 entries are \"Office\" and \"Home\"");
    nr_pb_describe_missing(pb, "Elsewhere", text, sizeof text);
    NRT_NULL(strstr(text, "did you mean"));
    nr_pb_free(pb);
}

NRT_TEST(a_missing_entry_lists_ten_names_and_counts_the_rest)
{
    nr_phonebook *pb = NULL;
    char path[512], text[2048];
    snprintf(path, sizeof path, "%s/many.json", dir);
    NRT_TRUE_FATAL(pb_gen_write(path, 25, (size_t)-1));
    NRT_EQ_FATAL(nr_pb_load(path, &pb, NULL), WN_SUCCESS);
    nr_pb_describe_missing(pb, "Nobody", text, sizeof text);
    NRT_CONTAINS(text, "its 25 entries are \"Entry000000\", ");
    NRT_CONTAINS(text, "\"Entry000009\" and 15 more");
    NRT_NULL(strstr(text, "Entry000010"));
    nr_pb_free(pb);
}

NRT_TEST(a_missing_entry_of_an_empty_phonebook_says_it_is_empty)
{
    nr_phonebook *pb = NULL;
    char text[1024];
    NRT_EQ_FATAL(nr_pb_load(write_pb("pb.json", 0600, "{\"entries\": []}"), &pb, NULL), WN_SUCCESS);
    nr_pb_describe_missing(pb, "Office", text, sizeof text);
    NRT_CONTAINS(text, "no entry named \"Office\"; the phonebook has no entries");
    nr_pb_free(pb);
}

/* ---- 100,000 entries ---------------------------------------------------------------------- */

NRT_TEST(100000_entries_load_and_every_one_is_found)
{
    nr_phonebook *pb = NULL;
    nr_pb_error err;
    char path[512];
    snprintf(path, sizeof path, "%s/big.json", dir);
    NRT_TRUE_FATAL(pb_gen_write(path, 100000, (size_t)-1));
    NRT_EQ_FATAL(nr_pb_load(path, &pb, &err), WN_SUCCESS);
    NRT_EQ(pb->n, 100000);
    for (size_t i = 0; i < 100000; i += 9973) {
        const nr_pb_entry *e = nr_pb_find(pb, pb_gen_name(i));
        NRT_EQ_PTR(e, &pb->entries[i]);
    }
    NRT_EQ_PTR(nr_pb_find(pb, pb_gen_name(99999)), &pb->entries[99999]);
    NRT_EQ_STR(pb->entries[99999].phone_number, "555 9999");
    NRT_NULL(nr_pb_find(pb, pb_gen_name(100000)));
    NRT_NULL(nr_pb_find(pb, "Entry"));
    nr_pb_free(pb);
    unlink(path);
}

NRT_TEST(a_duplicate_after_100000_entries_names_the_first)
{
    nr_phonebook *pb = NULL;
    nr_pb_error err;
    char path[512];
    snprintf(path, sizeof path, "%s/big-dup.json", dir);
    NRT_TRUE_FATAL(pb_gen_write(path, 100000, 31337));
    NRT_EQ(nr_pb_load(path, &pb, &err), ERROR_CORRUPT_PHONEBOOK);
    NRT_NULL(pb);
    NRT_EQ_STR(err.field, "entries[100000].name");
    NRT_CONTAINS(err.err.detail, "entry name \"Entry031337\" is already used by entries[31337]");
    NRT_EQ(err.line, 200002); /* pb-gen: entry i starts on line 2 + 2i */
    NRT_EQ(err.column, 4);
    unlink(path);
}
