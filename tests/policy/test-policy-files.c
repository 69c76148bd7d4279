/*
 * test-policy-files.c - the rule files of the policy notifier as
 * notifiers/policy/rules reads them: which files, in which order, the
 * validation of every key (file, line, column, key, "did you mean"), a
 * broken or unsafe file skipped while the others apply, a directory that is
 * missing or cannot be read, the change stamp, and the manifest's config.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "policy.h"
#include "testutil.h"

NRT_SUITE("policy-files");

/* The problems reported while loading, one "FILE:LINE:COLUMN: KEY: message"
 * per line (FILE without its directory). */
typedef struct problems {
    nrt_env *env;
    char text[4096];
    size_t n;
} problems;

static void collect(void *user, const nr_policy_problem *p)
{
    problems *ps = user;
    const char *base = strrchr(p->file, '/');
    size_t at = strlen(ps->text);
    snprintf(ps->text + at, sizeof ps->text - at, "%s:%d:%d: %s: %s\n", base ? base + 1 : p->file, p->line,
             p->column, p->key ? p->key : "-", p->message);
    ps->n++;
}

/* A rules directory of its own in env. */
static const char *rules_dir(nrt_env *env)
{
    return nrt_subdir(env, "policy.d");
}

/* Loads dir, collecting the problems into *ps. */
static nr_policy *load(const char *dir, problems *ps)
{
    nr_policy *p = nr_policy_load(dir, collect, ps);
    NRT_NOT_NULL_FATAL(p);
    return p;
}

/* The decision for an add of remote at 12:00 by nobody in particular. */
static nr_policy_decision decide_add(const nr_policy *p, const char *remote)
{
    nr_policy_request rq = { .op = NR_POLICY_ADD, .remote = remote, .minute = 12 * 60 };
    nr_policy_decision d;
    nr_policy_decide(p, &rq, &d);
    return d;
}

/* The one problem that loading a file holding text reports. */
static const char *problem_of(nrt_env *env, const char *text)
{
    const char *dir = rules_dir(env);
    problems ps = { env, "", 0 };
    nrt_write(env, dir, "10-x.json", 0644, "%s", text);
    nr_policy *p = load(dir, &ps);
    NRT_EQ(nr_policy_file_count(p), 0u);
    NRT_EQ(ps.n, 1u);
    nr_policy_free(p);
    unlink(nrt_printf(env, "%s/10-x.json", dir));
    return nrt_printf(env, "%s", ps.text);
}

NRT_TEST(a_missing_directory_holds_no_rules_and_allows)
{
    nrt_env *env = nrt_env_new();
    problems ps = { env, "", 0 };
    nr_policy *p = load(nrt_printf(env, "%s/none", env->dir), &ps);
    nr_policy_decision d = decide_add(p, "fx:a");
    NRT_EQ(ps.n, 0u);
    NRT_TRUE(d.allow);
    NRT_EQ(d.by, NR_POLICY_BY_NOTHING);
    nr_policy_free(p);
    nrt_env_free(env);
}

NRT_TEST(only_json_files_not_starting_with_a_dot_are_read_in_byte_order)
{
    nrt_env *env = nrt_env_new();
    const char *dir = rules_dir(env);
    problems ps = { env, "", 0 };
    nrt_write(env, dir, "b.json", 0644, "{ \"rules\": [ { \"effect\": \"deny\" } ] }");
    nrt_write(env, dir, "B.json", 0644, "{ \"rules\": [ { \"effect\": \"allow\" } ] }");
    nrt_write(env, dir, ".a.json", 0644, "{ \"rules\": [ { \"effect\": \"deny\" } ] }");
    nrt_write(env, dir, "a.json~", 0644, "not json");
    nrt_write(env, dir, "a.txt", 0644, "not json");
    nr_policy *p = load(dir, &ps);
    nr_policy_decision d = decide_add(p, "fx:a");
    NRT_EQ(ps.n, 0u);
    NRT_EQ(nr_policy_file_count(p), 2u);
    NRT_TRUE(d.allow); /* "B" sorts before "b" */
    NRT_CONTAINS(d.file, "/B.json");
    nr_policy_free(p);
    nrt_env_free(env);
}

NRT_TEST(an_empty_object_is_a_valid_file_without_rules)
{
    nrt_env *env = nrt_env_new();
    const char *dir = rules_dir(env);
    problems ps = { env, "", 0 };
    nrt_write(env, dir, "10-x.json", 0644, "{}\n");
    nr_policy *p = load(dir, &ps);
    NRT_EQ(ps.n, 0u);
    NRT_EQ(nr_policy_file_count(p), 1u);
    NRT_EQ(nr_policy_rule_count(p), 0u);
    nr_policy_free(p);
    nrt_env_free(env);
}

NRT_TEST(a_syntax_error_is_placed_by_line_and_column)
{
    nrt_env *env = nrt_env_new();
    NRT_CONTAINS(problem_of(env, "{\n  \"rules\": [\n    { \"effect\": \"deny\", }\n  ]\n}\n"), "10-x.json:3:");
    NRT_CONTAINS(problem_of(env, "{ \"rules\": [], \"rules\": [] }"), "invalid JSON");
    nrt_env_free(env);
}

NRT_TEST(an_unknown_key_is_named_with_a_suggestion)
{
    nrt_env *env = nrt_env_new();
    NRT_EQ_STR(problem_of(env, "{\n  \"rules\": [\n    { \"effect\": \"deny\",\n      \"remot\": \"x:*\" }\n  ]\n}\n"),
               "10-x.json:4:7: rules[0].remot: unknown key \"remot\": did you mean \"remote\"? (keys starting with "
               "\"x-\" are free for local use)\n");
    NRT_EQ_STR(problem_of(env, "{ \"defualt\": \"deny\" }"),
               "10-x.json:1:3: defualt: unknown key \"defualt\": did you mean \"default\"? (keys starting with "
               "\"x-\" are free for local use)\n");
    NRT_CONTAINS(problem_of(env, "{ \"zzzzzzzz\": 1 }"), "unknown key \"zzzzzzzz\" (keys starting");
    nrt_env_free(env);
}

NRT_TEST(keys_starting_with_x_are_free_for_local_use)
{
    nrt_env *env = nrt_env_new();
    const char *dir = rules_dir(env);
    problems ps = { env, "", 0 };
    nrt_write(env, dir, "10-x.json", 0644, "{ \"x-owner\": 1, \"rules\": [ { \"effect\": \"deny\", \"x-n\": [] } ] }");
    nr_policy *p = load(dir, &ps);
    NRT_EQ(ps.n, 0u);
    NRT_EQ(nr_policy_rule_count(p), 1u);
    nr_policy_free(p);
    nrt_env_free(env);
}

NRT_TEST(every_key_of_a_rule_is_checked_for_type_and_range)
{
    nrt_env *env = nrt_env_new();
    static const struct {
        const char *rule, *want;
    } cases[] = {
        { "{}", "rules[0]: the rule has no \"effect\"" },
        { "{\"effect\": \"maybe\"}", "rules[0].effect: must be \"allow\" or \"deny\", not \"maybe\"" },
        { "{\"effect\": true}", "rules[0].effect: must be \"allow\" or \"deny\", not a boolean" },
        { "{\"effect\": \"deny\", \"operations\": \"add\"}", "rules[0].operations: must be an array" },
        { "{\"effect\": \"deny\", \"operations\": []}", "rules[0].operations: must name at least one operation" },
        { "{\"effect\": \"deny\", \"operations\": [\"add\", \"delete\"]}",
          "rules[0].operations[1]: \"delete\" is not an operation" },
        { "{\"effect\": \"deny\", \"operations\": [1]}", "rules[0].operations[0]: must be \"add\" or \"cancel\"" },
        { "{\"effect\": \"deny\", \"remote\": 5}", "rules[0].remote: must be a string, not an integer" },
        { "{\"effect\": \"deny\", \"remote\": \"\"}", "rules[0].remote: must not be empty" },
        { "{\"effect\": \"deny\", \"local\": null}", "rules[0].local: must be a string, not null" },
        { "{\"effect\": \"deny\", \"provider\": \"\"}", "rules[0].provider: must not be empty" },
        { "{\"effect\": \"deny\", \"comment\": []}", "rules[0].comment: must be a string, not an array" },
        { "{\"effect\": \"deny\", \"users\": \"root\"}", "rules[0].users: must be an array of names and IDs" },
        { "{\"effect\": \"deny\", \"users\": []}", "rules[0].users: must name at least one user" },
        { "{\"effect\": \"deny\", \"users\": [-1]}", "rules[0].users[0]: -1 is not an ID (0 to 4294967294)" },
        { "{\"effect\": \"deny\", \"users\": [4294967295]}", "rules[0].users[0]: 4294967295 is not an ID" },
        { "{\"effect\": \"deny\", \"users\": [\"99999999999\"]}", "rules[0].users[0]: \"99999999999\" is not an ID" },
        { "{\"effect\": \"deny\", \"users\": [\"\"]}", "rules[0].users[0]: must not be an empty name" },
        { "{\"effect\": \"deny\", \"groups\": [\"wheel\", 1.5]}", "rules[0].groups[1]: must be a name or an ID, not a "
                                                                 "number with a fraction" },
        { "{\"effect\": \"deny\", \"groups\": []}", "rules[0].groups: must name at least one group" },
        { "{\"effect\": \"deny\", \"hours\": 9}", "rules[0].hours: must be a string \"HH:MM-HH:MM\"" },
        { "{\"effect\": \"deny\", \"hours\": \"9:00-17:00\"}", "rules[0].hours: \"9:00-17:00\" is not a range" },
        { "{\"effect\": \"deny\", \"hours\": \"09:00-24:01\"}", "is not a range" },
        { "{\"effect\": \"deny\", \"hours\": \"24:00-06:00\"}", "is not a range" },
        { "{\"effect\": \"deny\", \"hours\": \"09:60-10:00\"}", "is not a range" },
        { "{\"effect\": \"deny\", \"hours\": \"09:00\"}", "is not a range" },
        { "{\"effect\": \"deny\", \"hours\": \"09:00-09:00\"}", "is an empty range" },
        { "{\"effect\": \"deny\", \"hours\": \"00:00-24:00\", \"users\": [1], \"x\": 1}", "rules[0].x: unknown key" },
        { "\"deny\"", "rules[0]: a rule must be an object, not a string" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = problem_of(env, nrt_printf(env, "{ \"rules\": [\n  %s\n] }\n", cases[i].rule));
        NRT_TRUE_MSG(strstr(got, cases[i].want) != NULL, "%s: got %s, expected %s", cases[i].rule, got,
                     cases[i].want);
        NRT_TRUE_MSG(strncmp(got, "10-x.json:2:", 12) == 0, "%s: not placed at line 2: %s", cases[i].rule, got);
    }
    nrt_env_free(env);
}

NRT_TEST(the_top_level_keys_are_checked)
{
    nrt_env *env = nrt_env_new();
    NRT_CONTAINS(problem_of(env, "[]"), "a rule file must be one JSON object, not an array");
    NRT_EQ_STR(problem_of(env, "{\n \"default\": \"maybe\" }"),
               "10-x.json:2:2: default: must be \"allow\" or \"deny\", not \"maybe\"\n");
    NRT_CONTAINS(problem_of(env, "{ \"rules\": {} }"), "rules: must be an array of rules, not an object");
    NRT_CONTAINS(problem_of(env, "{ \"rules\": [ { \"effect\": \"deny\", \"users\": [ 99999999999999999999999 ] } ] }"),
                 "invalid JSON");
    NRT_CONTAINS(problem_of(env, "{ \"x-n\": 99999999999999999999999 }"), "x-n: the number is out of range");
    nrt_env_free(env);
}

NRT_TEST(a_broken_file_is_skipped_and_the_others_still_apply)
{
    nrt_env *env = nrt_env_new();
    const char *dir = rules_dir(env);
    problems ps = { env, "", 0 };
    nrt_write(env, dir, "10-deny.json", 0644, "{ \"rules\": [ { \"effect\": \"deny\", \"remote\": \"fx:*\" } ] }");
    nrt_write(env, dir, "20-broken.json", 0644, "{ \"rules\": [ { \"effect\": \"allow\", \"hours\": \"late\" } ],\n"
                                                 "  \"default\": \"deny\" }");
    nrt_write(env, dir, "30-allow.json", 0644, "{ \"rules\": [ { \"effect\": \"deny\", \"remote\": \"gx:*\" } ] }");
    nr_policy *p = load(dir, &ps);
    NRT_EQ(ps.n, 1u);
    NRT_CONTAINS(ps.text, "20-broken.json:1:35: rules[0].hours: \"late\" is not a range");
    NRT_EQ(nr_policy_file_count(p), 2u);
    NRT_FALSE(decide_add(p, "fx:a").allow);
    NRT_FALSE(decide_add(p, "gx:a").allow);
    NRT_TRUE(decide_add(p, "hx:a").allow); /* the broken file's default is not used */
    nr_policy_free(p);
    nrt_env_free(env);
}

NRT_TEST(a_file_writable_by_others_or_its_group_is_skipped)
{
    nrt_env *env = nrt_env_new();
    const char *dir = rules_dir(env);
    problems ps = { env, "", 0 };
    nrt_write(env, dir, "10-other.json", 0666, "{ \"default\": \"deny\" }");
    nrt_write(env, dir, "20-group.json", 0664, "{ \"default\": \"deny\" }");
    nrt_write(env, dir, "30-ok.json", 0600, "{ \"rules\": [ { \"effect\": \"deny\", \"remote\": \"gx:*\" } ] }");
    nr_policy *p = load(dir, &ps);
    NRT_EQ(ps.n, 2u);
    NRT_CONTAINS(ps.text, "10-other.json:0:0: -: refusing the rule file: it is writable by other users (mode 0666)");
    NRT_CONTAINS(ps.text, "20-group.json:0:0: -: refusing the rule file: it is writable by its group (mode 0664)");
    NRT_EQ(nr_policy_file_count(p), 1u);
    NRT_TRUE(decide_add(p, "fx:a").allow);
    NRT_FALSE(decide_add(p, "gx:a").allow);
    nr_policy_free(p);
    nrt_env_free(env);
}

NRT_TEST(a_file_owned_by_another_user_is_skipped)
{
    nrt_env *env = nrt_env_new();
    const char *dir = rules_dir(env);
    problems ps = { env, "", 0 };
    const char *f = nrt_write(env, dir, "10-theirs.json", 0644, "{ \"default\": \"deny\" }");
    if (geteuid() != 0) {
        /* Only root can give a file away; run as root to test this. */
        nrt_env_free(env);
        return;
    }
    NRT_EQ_FATAL(chown(f, 65534, 65534), 0);
    nr_policy *p = load(dir, &ps);
    NRT_EQ(ps.n, 1u);
    NRT_CONTAINS(ps.text, "refusing the rule file: it is owned by uid 65534, neither root nor the current user");
    NRT_TRUE(decide_add(p, "fx:a").allow);
    nr_policy_free(p);
    nrt_env_free(env);
}

NRT_TEST(a_directory_or_fifo_in_place_of_a_file_is_skipped)
{
    nrt_env *env = nrt_env_new();
    const char *dir = rules_dir(env);
    problems ps = { env, "", 0 };
    NRT_EQ_FATAL(mkdir(nrt_printf(env, "%s/10-dir.json", dir), 0755), 0);
    NRT_EQ_FATAL(mkfifo(nrt_printf(env, "%s/20-fifo.json", dir), 0644), 0);
    nr_policy *p = load(dir, &ps);
    NRT_EQ(ps.n, 2u);
    NRT_CONTAINS(ps.text, "10-dir.json:0:0: -: refusing the rule file: it is a directory, not a regular file");
    NRT_CONTAINS(ps.text, "20-fifo.json:0:0: -: refusing the rule file: it is a FIFO, not a regular file");
    nr_policy_free(p);
    nrt_env_free(env);
}

NRT_TEST(a_directory_that_cannot_be_read_denies_everything)
{
    nrt_env *env = nrt_env_new();
    const char *dir = rules_dir(env);
    problems ps = { env, "", 0 };
    if (geteuid() == 0) {
        /* root reads any directory; tests/policy/policy.test covers this as another user */
        nrt_env_free(env);
        return;
    }
    NRT_EQ_FATAL(chmod(dir, 0), 0);
    nr_policy *p = load(dir, &ps);
    nr_policy_decision d = decide_add(p, "fx:a");
    char text[512];
    NRT_EQ(ps.n, 1u);
    NRT_FALSE(d.allow);
    NRT_EQ(d.by, NR_POLICY_BY_ERROR);
    NRT_CONTAINS(nr_policy_describe(&d, text, sizeof text), "denied by policy: cannot read the rule directory");
    chmod(dir, 0755);
    nr_policy_free(p);
    nrt_env_free(env);
}

NRT_TEST(a_change_to_the_directory_or_a_file_is_noticed)
{
    nrt_env *env = nrt_env_new();
    const char *dir = rules_dir(env);
    problems ps = { env, "", 0 };
    const char *f = nrt_write(env, dir, "10-a.json", 0644, "{}");
    nr_policy *p = load(dir, &ps);
    NRT_FALSE(nr_policy_changed(p));
    NRT_EQ_FATAL(chmod(f, 0600), 0);
    NRT_TRUE(nr_policy_changed(p));
    nr_policy_free(p);

    p = load(dir, &ps);
    nrt_write(env, dir, "20-b.json", 0644, "{}");
    NRT_TRUE(nr_policy_changed(p));
    nr_policy_free(p);

    p = load(dir, &ps);
    nrt_write(env, dir, "10-a.json", 0600, "{ \"default\": \"deny\" }"); /* rewritten in place */
    NRT_TRUE(nr_policy_changed(p));
    nr_policy_free(p);

    p = load(nrt_printf(env, "%s/none", env->dir), &ps);
    NRT_FALSE(nr_policy_changed(p));
    NRT_EQ_FATAL(rename(dir, nrt_printf(env, "%s/none", env->dir)), 0);
    NRT_TRUE(nr_policy_changed(p)); /* the directory appeared */
    nr_policy_free(p);
    nrt_env_free(env);
}

NRT_TEST(the_config_names_the_directory_and_a_test_time)
{
    nr_policy_config c;
    char why[256];
    NRT_EQ_FATAL(nr_policy_config_parse("{}", &c, why, sizeof why), 0);
    NRT_EQ_STR(c.dir, nr_policy_default_dir());
    NRT_CONTAINS(c.dir, "/netrouter/policy.d");
    NRT_EQ(c.test_minute, -1);
    nr_policy_config_free(&c);
    NRT_EQ_FATAL(nr_policy_config_parse(NULL, &c, why, sizeof why), 0);
    nr_policy_config_free(&c);
    NRT_EQ_FATAL(nr_policy_config_parse("{\"dir\": \"/srv/p\", \"test_time\": \"23:30\", \"x-a\": 1}", &c, why,
                                        sizeof why), 0);
    NRT_EQ_STR(c.dir, "/srv/p");
    NRT_EQ(c.test_minute, 23 * 60 + 30);
    nr_policy_config_free(&c);

    NRT_EQ(nr_policy_config_parse("{\"dir\": \"relative\"}", &c, why, sizeof why), -1);
    NRT_CONTAINS(why, "config \"dir\": expected an absolute directory name");
    NRT_EQ(nr_policy_config_parse("{\"test_time\": \"25:00\"}", &c, why, sizeof why), -1);
    NRT_CONTAINS(why, "config \"test_time\"");
    NRT_EQ(nr_policy_config_parse("{\"directory\": \"/x\"}", &c, why, sizeof why), -1);
    NRT_CONTAINS(why, "unknown key \"directory\"");
    NRT_EQ(nr_policy_config_parse("[]", &c, why, sizeof why), -1);
    NRT_EQ(nr_policy_config_parse("{", &c, why, sizeof why), -1);
}

NRT_TEST(times_are_read_as_hh_mm)
{
    NRT_EQ(nr_policy_parse_minute("00:00", 5, false), 0);
    NRT_EQ(nr_policy_parse_minute("23:59", 5, false), 23 * 60 + 59);
    NRT_EQ(nr_policy_parse_minute("24:00", 5, false), -1);
    NRT_EQ(nr_policy_parse_minute("24:00", 5, true), 24 * 60);
    NRT_EQ(nr_policy_parse_minute("24:01", 5, true), -1);
    NRT_EQ(nr_policy_parse_minute("7:00", 4, false), -1);
    NRT_EQ(nr_policy_parse_minute("07-00", 5, false), -1);
    NRT_EQ(nr_policy_parse_minute("0a:00", 5, false), -1);
    NRT_TRUE(nr_policy_minute_now() >= 0 && nr_policy_minute_now() < 24 * 60);
}
