/*
 * test-policy-decide.c - what the policy notifier decides (notifiers/
 * policy/rules): each key of a rule matching and not matching, the first
 * matching rule over all files in order, the default of the first file that
 * sets one, hours that wrap midnight (the time is passed in), users and
 * groups by name and ID with supplementary groups, cancel, and the sentence
 * that names the rule.
 */
#include "config.h"

#include <grp.h>
#include <stdarg.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "policy.h"
#include "testutil.h"

NRT_SUITE("policy-decide");

/* A rule set of the files given as name, text, name, text, ..., NULL;
 * any problem fails the test. */
static void fail_on_problem(void *user, const nr_policy_problem *p)
{
    (void)user;
    NRT_FAIL("%s:%d:%d: %s: %s", p->file, p->line, p->column, p->key ? p->key : "-", p->message);
}

static nr_policy *rules(nrt_env *env, ...)
{
    const char *dir = nrt_subdir(env, "policy.d");
    va_list ap;
    va_start(ap, env);
    for (const char *name; (name = va_arg(ap, const char *));)
        nrt_write(env, dir, name, 0644, "%s", va_arg(ap, const char *));
    va_end(ap);
    nr_policy *p = nr_policy_load(dir, fail_on_problem, NULL);
    NRT_NOT_NULL_FATAL(p);
    return p;
}

/* One rule in a file of its own. */
static nr_policy *one_rule(nrt_env *env, const char *rule)
{
    return rules(env, "10-x.json", nrt_printf(env, "{ \"rules\": [ %s ] }", rule), NULL);
}

static const nr_policy_subject alice = { 1000, "alice", (gid_t[]){ 1000, 27, 100 }, 3 };

static nr_policy_request add(const char *remote, const char *local)
{
    return (nr_policy_request){ .op = NR_POLICY_ADD, .remote = remote, .local = local, .subject = &alice,
                                .minute = 12 * 60 };
}

static bool allowed(const nr_policy *p, nr_policy_request rq)
{
    nr_policy_decision d;
    nr_policy_decide(p, &rq, &d);
    return d.allow;
}

static const char *why(nrt_env *env, const nr_policy *p, nr_policy_request rq)
{
    nr_policy_decision d;
    char text[1024];
    nr_policy_decide(p, &rq, &d);
    nr_policy_describe(&d, text, sizeof text);
    const char *base = strstr(text, "policy.d/");
    return nrt_printf(env, "%.*s%s", base ? (int)(base - text) - (int)strlen(env->dir) - 1 : (int)strlen(text),
                      text, base ? base + 9 : "");
}

NRT_TEST(no_rules_allow_everything)
{
    nrt_env *env = nrt_env_new();
    nr_policy *p = rules(env, NULL);
    NRT_TRUE(allowed(p, add("fx:a", NULL)));
    NRT_EQ_STR(why(env, p, add("fx:a", NULL)), "allowed: no policy rule matched and no rule file sets a default");
    nr_policy_free(p);
    nrt_env_free(env);
}

NRT_TEST(a_rule_with_only_an_effect_matches_everything)
{
    nrt_env *env = nrt_env_new();
    nr_policy *p = one_rule(env, "{ \"effect\": \"deny\" }");
    nr_policy_request rq = add("fx:a", "/mnt/a");
    NRT_FALSE(allowed(p, rq));
    rq.op = NR_POLICY_CANCEL;
    NRT_FALSE(allowed(p, rq));
    NRT_EQ_STR(why(env, p, rq), "denied by policy rule 10-x.json:1");
    nr_policy_free(p);
    nrt_env_free(env);
}

NRT_TEST(operations_choose_add_or_cancel)
{
    nrt_env *env = nrt_env_new();
    nr_policy *p = one_rule(env, "{ \"effect\": \"deny\", \"operations\": [\"cancel\"] }");
    nr_policy_request rq = add("fx:a", NULL);
    NRT_TRUE(allowed(p, rq));
    rq.op = NR_POLICY_CANCEL;
    NRT_FALSE(allowed(p, rq));
    nr_policy_free(p);
    nrt_env_free(env);
}

NRT_TEST(remote_is_a_case_sensitive_glob_whose_star_spans_slashes)
{
    nrt_env *env = nrt_env_new();
    nr_policy *p = one_rule(env, "{ \"effect\": \"deny\", \"remote\": \"link:/srv/*\" }");
    NRT_FALSE(allowed(p, add("link:/srv/a", NULL)));
    NRT_FALSE(allowed(p, add("link:/srv/a/b/c", NULL)));
    NRT_FALSE(allowed(p, add("link:/srv/.hidden", NULL)));
    NRT_TRUE(allowed(p, add("LINK:/srv/a", NULL)));
    NRT_TRUE(allowed(p, add("link:/srvx", NULL)));
    nr_policy_free(p);
    nrt_env_free(env);
}

NRT_TEST(local_is_a_glob_and_an_empty_one_matches_no_local_name)
{
    nrt_env *env = nrt_env_new();
    nr_policy *p = rules(env, "10-x.json",
                         "{ \"rules\": [ { \"effect\": \"deny\", \"local\": \"/mnt/[ab]*\" },\n"
                         "               { \"effect\": \"deny\", \"local\": \"\", \"comment\": \"no device\" } ] }",
                         NULL);
    NRT_FALSE(allowed(p, add("fx:a", "/mnt/a")));
    NRT_FALSE(allowed(p, add("fx:a", "/mnt/b/c")));
    NRT_TRUE(allowed(p, add("fx:a", "/mnt/c")));
    NRT_FALSE(allowed(p, add("fx:a", NULL)));
    NRT_EQ_STR(why(env, p, add("fx:a", "")), "denied by policy rule 10-x.json:2 (no device)");
    nr_policy_free(p);
    nrt_env_free(env);
}

NRT_TEST(a_cancel_matches_remote_and_local_against_the_name_given)
{
    nrt_env *env = nrt_env_new();
    nr_policy *p = rules(env, "10-x.json",
                         "{ \"rules\": [ { \"effect\": \"deny\", \"remote\": \"fx:*\" },\n"
                         "               { \"effect\": \"deny\", \"local\": \"/mnt/*\" } ] }",
                         NULL);
    nr_policy_request rq = { .op = NR_POLICY_CANCEL, .remote = "fx:a", .local = "/mnt/ignored", .minute = 0 };
    NRT_EQ_STR(why(env, p, rq), "denied by policy rule 10-x.json:1");
    rq.remote = "/mnt/a";
    NRT_EQ_STR(why(env, p, rq), "denied by policy rule 10-x.json:2");
    rq.remote = "gx:a";
    NRT_TRUE(allowed(p, rq));
    nr_policy_free(p);
    nrt_env_free(env);
}

NRT_TEST(provider_matches_only_the_provider_the_caller_named)
{
    nrt_env *env = nrt_env_new();
    nr_policy *p = one_rule(env, "{ \"effect\": \"deny\", \"provider\": \"ras\" }");
    nr_policy_request rq = add("ras:home", NULL);
    NRT_TRUE(allowed(p, rq)); /* no provider named */
    rq.provider = "ras";
    NRT_FALSE(allowed(p, rq));
    rq.provider = "RAS";
    NRT_TRUE(allowed(p, rq));
    rq.provider = "symlink";
    NRT_TRUE(allowed(p, rq));
    nr_policy_free(p);
    nrt_env_free(env);
}

NRT_TEST(users_match_by_name_or_id)
{
    nrt_env *env = nrt_env_new();
    nr_policy *p = rules(env, "10-x.json",
                         "{ \"rules\": [ { \"effect\": \"deny\", \"users\": [\"bob\", \"alice\"] },\n"
                         "               { \"effect\": \"deny\", \"users\": [2000, \"3000\"] } ] }",
                         NULL);
    nr_policy_subject bob = { 2000, "bob2", NULL, 0 }, carol = { 3000, NULL, NULL, 0 }, dave = { 4000, "dave", NULL, 0 };
    nr_policy_request rq = add("fx:a", NULL);
    NRT_EQ_STR(why(env, p, rq), "denied by policy rule 10-x.json:1");
    rq.subject = &bob;
    NRT_EQ_STR(why(env, p, rq), "denied by policy rule 10-x.json:2");
    rq.subject = &carol;
    NRT_EQ_STR(why(env, p, rq), "denied by policy rule 10-x.json:2");
    rq.subject = &dave;
    NRT_TRUE(allowed(p, rq));
    rq.subject = NULL; /* nobody known: a rule about users never matches */
    NRT_TRUE(allowed(p, rq));
    NRT_TRUE(nr_policy_uses_identity(p));
    nr_policy_free(p);
    nrt_env_free(env);
}

NRT_TEST(groups_match_any_group_of_the_user_including_supplementary_ones)
{
    nrt_env *env = nrt_env_new();
    struct group *root_group = getgrgid(0);
    NRT_NOT_NULL_FATAL(root_group);
    nr_policy *p = rules(env, "10-x.json",
                         nrt_printf(env, "{ \"rules\": [ { \"effect\": \"deny\", \"groups\": [27] },\n"
                                         "               { \"effect\": \"deny\", \"groups\": [\"%s\"] },\n"
                                         "               { \"effect\": \"deny\", \"groups\": [\"no-such-group-x\"] } ] }",
                                    root_group->gr_name),
                         NULL);
    nr_policy_subject wheel = { 5, "w", (gid_t[]){ 5, 0 }, 2 }, other = { 6, "o", (gid_t[]){ 6, 7 }, 2 };
    nr_policy_request rq = add("fx:a", NULL);
    NRT_EQ_STR(why(env, p, rq), "denied by policy rule 10-x.json:1"); /* alice's third group */
    rq.subject = &wheel;
    NRT_EQ_STR(why(env, p, rq), "denied by policy rule 10-x.json:2"); /* by name, a supplementary group */
    rq.subject = &other;
    NRT_TRUE(allowed(p, rq));
    nr_policy_free(p);
    nrt_env_free(env);
}

NRT_TEST(hours_are_a_half_open_range_of_local_time)
{
    nrt_env *env = nrt_env_new();
    nr_policy *p = one_rule(env, "{ \"effect\": \"deny\", \"hours\": \"09:00-17:30\" }");
    nr_policy_request rq = add("fx:a", NULL);
    rq.minute = 9 * 60 - 1;
    NRT_TRUE(allowed(p, rq));
    rq.minute = 9 * 60;
    NRT_FALSE(allowed(p, rq));
    rq.minute = 17 * 60 + 29;
    NRT_FALSE(allowed(p, rq));
    rq.minute = 17 * 60 + 30;
    NRT_TRUE(allowed(p, rq));
    nr_policy_free(p);
    nrt_env_free(env);
}

NRT_TEST(hours_may_wrap_past_midnight)
{
    nrt_env *env = nrt_env_new();
    nr_policy *p = one_rule(env, "{ \"effect\": \"deny\", \"hours\": \"22:00-06:00\" }");
    nr_policy_request rq = add("fx:a", NULL);
    static const struct { int minute; bool allow; } at[] = {
        { 21 * 60 + 59, true }, { 22 * 60, false }, { 23 * 60 + 59, false }, { 0, false },
        { 5 * 60 + 59, false }, { 6 * 60, true },   { 12 * 60, true },
    };
    for (size_t i = 0; i < sizeof at / sizeof at[0]; i++) {
        rq.minute = at[i].minute;
        NRT_TRUE_MSG(allowed(p, rq) == at[i].allow, "at %02d:%02d", at[i].minute / 60, at[i].minute % 60);
    }
    nr_policy_free(p);
    nrt_env_free(env);
}

NRT_TEST(hours_may_end_at_24_00)
{
    nrt_env *env = nrt_env_new();
    nr_policy *p = one_rule(env, "{ \"effect\": \"deny\", \"hours\": \"18:00-24:00\" }");
    nr_policy_request rq = add("fx:a", NULL);
    rq.minute = 23 * 60 + 59;
    NRT_FALSE(allowed(p, rq));
    rq.minute = 0;
    NRT_TRUE(allowed(p, rq));
    nr_policy_free(p);
    nrt_env_free(env);
}

NRT_TEST(a_rule_matches_only_when_every_key_matches)
{
    nrt_env *env = nrt_env_new();
    nr_policy *p = one_rule(env, "{ \"effect\": \"deny\", \"operations\": [\"add\"], \"remote\": \"fx:*\","
                                 " \"local\": \"/mnt/*\", \"provider\": \"fx\", \"users\": [\"alice\"],"
                                 " \"groups\": [100], \"hours\": \"10:00-14:00\" }");
    nr_policy_request rq = add("fx:a", "/mnt/a");
    rq.provider = "fx";
    NRT_FALSE(allowed(p, rq));
    nr_policy_request other = rq;
    other.op = NR_POLICY_CANCEL;
    NRT_TRUE(allowed(p, other));
    other = rq, other.remote = "gx:a";
    NRT_TRUE(allowed(p, other));
    other = rq, other.local = "/srv/a";
    NRT_TRUE(allowed(p, other));
    other = rq, other.provider = "gx";
    NRT_TRUE(allowed(p, other));
    other = rq, other.subject = &(nr_policy_subject){ 1000, "alicia", (gid_t[]){ 100 }, 1 };
    NRT_TRUE(allowed(p, other));
    other = rq, other.subject = &(nr_policy_subject){ 1000, "alice", (gid_t[]){ 1000 }, 1 };
    NRT_TRUE(allowed(p, other));
    other = rq, other.minute = 15 * 60;
    NRT_TRUE(allowed(p, other));
    nr_policy_free(p);
    nrt_env_free(env);
}

NRT_TEST(the_first_matching_rule_over_all_files_in_order_wins)
{
    nrt_env *env = nrt_env_new();
    nr_policy *p = rules(env,
                         "20-b.json", "{ \"rules\": [\n { \"effect\": \"deny\", \"remote\": \"fx:*\" },\n"
                                      " { \"effect\": \"allow\", \"remote\": \"gx:*\" } ] }",
                         "10-a.json", "{ \"rules\": [ { \"effect\": \"allow\", \"remote\": \"fx:a\" },\n"
                                      "  { \"effect\": \"deny\", \"remote\": \"fx:b\" } ],\n"
                                      "  \"default\": \"deny\" }",
                         NULL);
    NRT_EQ_STR(why(env, p, add("fx:a", NULL)), "allowed by policy rule 10-a.json:1");
    NRT_EQ_STR(why(env, p, add("fx:b", NULL)), "denied by policy rule 10-a.json:2");
    NRT_EQ_STR(why(env, p, add("fx:c", NULL)), "denied by policy rule 20-b.json:2");
    NRT_EQ_STR(why(env, p, add("gx:c", NULL)), "allowed by policy rule 20-b.json:3");
    nr_policy_decision d;
    nr_policy_request rq = add("fx:c", NULL);
    nr_policy_decide(p, &rq, &d);
    NRT_EQ(d.by, NR_POLICY_BY_RULE);
    NRT_EQ(d.rule, 0u);
    NRT_EQ(d.line, 2);
    nr_policy_free(p);
    nrt_env_free(env);
}

NRT_TEST(without_a_matching_rule_the_first_file_setting_a_default_decides)
{
    nrt_env *env = nrt_env_new();
    nr_policy *p = rules(env, "10-a.json", "{ \"rules\": [ { \"effect\": \"deny\", \"remote\": \"fx:*\" } ] }",
                         "20-b.json", "{\n  \"default\": \"allow\" }", "30-c.json", "{ \"default\": \"deny\" }", NULL);
    NRT_EQ_STR(why(env, p, add("fx:a", NULL)), "denied by policy rule 10-a.json:1");
    NRT_EQ_STR(why(env, p, add("hx:a", NULL)), "allowed by the policy default of 20-b.json:2 (no rule matched)");
    nr_policy_free(p);
    nrt_env_free(env);

    env = nrt_env_new();
    p = rules(env, "10-a.json", "{ \"default\": \"deny\" }", "20-b.json",
              "{ \"rules\": [ { \"effect\": \"allow\", \"remote\": \"fx:*\" } ] }", NULL);
    NRT_EQ_STR(why(env, p, add("fx:a", NULL)), "allowed by policy rule 20-b.json:1");
    NRT_EQ_STR(why(env, p, add("hx:a", NULL)), "denied by the policy default of 10-a.json:1 (no rule matched)");
    nr_policy_free(p);
    nrt_env_free(env);
}

NRT_TEST(rules_without_users_or_groups_need_no_identity)
{
    nrt_env *env = nrt_env_new();
    nr_policy *p = one_rule(env, "{ \"effect\": \"deny\", \"remote\": \"fx:*\" }");
    NRT_FALSE(nr_policy_uses_identity(p));
    nr_policy_free(p);
    nrt_env_free(env);
}

NRT_TEST(the_subject_of_a_user_has_its_name_and_groups)
{
    nr_policy_subject *s = nr_policy_subject_of_uid(0, (gid_t)-1);
    NRT_NOT_NULL_FATAL(s);
    NRT_EQ(s->uid, 0u);
    NRT_EQ_STR(s->name, "root");
    NRT_GE(s->ngids, 1u);
    NRT_EQ(s->gids[0], 0u);
    nr_policy_subject_free(s);

    s = nr_policy_subject_of_user("root");
    NRT_NOT_NULL_FATAL(s);
    NRT_EQ(s->uid, 0u);
    nr_policy_subject_free(s);

    s = nr_policy_subject_of_user("0");
    NRT_NOT_NULL_FATAL(s);
    NRT_EQ_STR(s->name, "root");
    nr_policy_subject_free(s);

    /* An ID without a passwd entry: no name, the fallback group only. */
    s = nr_policy_subject_of_uid(3999999999u, 77);
    NRT_NOT_NULL_FATAL(s);
    NRT_NULL(s->name);
    NRT_EQ(s->ngids, 1u);
    NRT_EQ(s->gids[0], 77u);
    nr_policy_subject_free(s);
    s = nr_policy_subject_of_user("3999999999");
    NRT_NOT_NULL_FATAL(s);
    NRT_EQ(s->ngids, 0u);
    nr_policy_subject_free(s);

    NRT_NULL(nr_policy_subject_of_user("no-such-user-x"));
    NRT_NULL(nr_policy_subject_of_user(""));
}

NRT_TEST(the_subject_includes_supplementary_groups_from_the_group_database)
{
    /* Any user that a group of the database lists as a member. */
    struct group *g;
    const char *member = NULL;
    gid_t gid = 0;
    setgrent();
    while ((g = getgrent()))
        if (g->gr_mem && g->gr_mem[0] && getpwnam(g->gr_mem[0]) && getpwnam(g->gr_mem[0])->pw_gid != g->gr_gid) {
            member = strdup(g->gr_mem[0]);
            gid = g->gr_gid;
            break;
        }
    endgrent();
    if (!member)
        return; /* no user here has a supplementary group */
    nr_policy_subject *s = nr_policy_subject_of_user(member);
    bool found = false;
    NRT_NOT_NULL_FATAL(s);
    for (size_t i = 0; i < s->ngids; i++)
        found |= s->gids[i] == gid;
    NRT_TRUE_MSG(found, "%s is a member of group %u", member, (unsigned)gid);
    nr_policy_subject_free(s);
    free((char *)member);
}
