/*
 * test-store.c - docs/design.md section 4, rules 5 and 6: which connections are
 * remembered, WN_DEVICE_ALREADY_REMEMBERED, forgetting on cancel, the store
 * file ($state_dir/connections.json: private, kept aside when damaged), and
 * restore without notifications.
 */
#include "config.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

NRT_SUITE("store", .setup = nrt_fixtures_found);

static const char *store_path(nrt_env *env)
{
    return nrt_printf(env, "%s/connections.json", env->state);
}

static DWORD add(nr_router *r, const char *local, const char *remote, const char *user, DWORD flags)
{
    NETRESOURCE res = nrt_res(local, remote);
    return nr_add_connection(r, NULL, &res, NULL, user, flags);
}

/* Makes a fresh router over the same plugins and state (plugins reloaded). */
static nr_router *reopen(nrt_env *env)
{
    return nrt_router(env);
}

/* ---- what is remembered --------------------------------------------------------------------- */

NRT_TEST(persistent_add_is_remembered)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", "alice", CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_STR(nrt_remembered(env, r), "/mnt/a=fx:a@pa");
    const char *text = nrt_slurp(env, store_path(env));
    NRT_NOT_NULL_FATAL(text);
    NRT_CONTAINS(text, "/mnt/a");
    NRT_CONTAINS(text, "fx:a");
    NRT_CONTAINS(text, "alice");
    NRT_CONTAINS(text, "pa");
    nrt_env_free(env);
}

NRT_TEST(remembered_connection_survives_the_router)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    r = reopen(env);
    NRT_EQ_STR(nrt_remembered(env, r), "/mnt/a=fx:a@pa");
    nrt_env_free(env);
}

NRT_TEST(password_is_never_stored)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NETRESOURCE res = nrt_res("/mnt/a", "fx:a");
    NRT_EQ_CODE(nr_add_connection(r, NULL, &res, "Sup3rS3cret", "alice", CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    const char *text = nrt_slurp(env, store_path(env));
    NRT_NOT_NULL_FATAL(text);
    NRT_NOT_CONTAINS(text, "Sup3rS3cret");
    nrt_env_free(env);
}

NRT_TEST(add_without_update_profile_is_not_remembered)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", NULL, 0), WN_SUCCESS);
    NRT_EQ_STR(nrt_remembered(env, r), "");
    nrt_env_free(env);
}

NRT_TEST(temporary_add_is_not_remembered)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE | CONNECT_TEMPORARY), WN_SUCCESS);
    NRT_EQ_STR(nrt_remembered(env, r), "");
    nrt_env_free(env);
}

NRT_TEST(deviceless_add_is_not_remembered)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, NULL, "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_CODE(add(r, "", "fx:b", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_STR(nrt_remembered(env, r), "");
    nrt_env_free(env);
}

NRT_TEST(failed_add_is_not_remembered)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, "\"add_result\": 1222");
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_NO_NETWORK);
    NRT_EQ_STR(nrt_remembered(env, r), "");
    nrt_env_free(env);
}

/* Names are UTF-8 (the store is JSON).  A name that is not used to reach
 * the provider, connect, fail to be remembered with "out of memory" and
 * leave the connection to an undo the provider could not do. */
NRT_TEST(add_of_a_local_name_that_is_not_utf8_is_refused_before_anything_happens)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/caf\xe9", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_BAD_LOCALNAME);
    NRT_CONTAINS(nrt_last_error_text(env), "not valid UTF-8");
    NRT_EQ_STR(nrt_records(env), "");
    NRT_EQ_STR(nrt_remembered(env, r), "");
    nrt_env_free(env);
}

NRT_TEST(add_of_a_remote_name_that_is_not_utf8_is_refused_before_anything_happens)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:\xff\xfe", NULL, CONNECT_UPDATE_PROFILE), WN_BAD_NETNAME);
    NRT_CONTAINS(nrt_last_error_text(env), "not valid UTF-8");
    NRT_EQ_STR(nrt_records(env), "");
    NRT_EQ_STR(nrt_remembered(env, r), "");
    nrt_env_free(env);
}

NRT_TEST(add_with_a_user_name_that_is_not_utf8_is_refused_before_anything_happens)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", "\xc3", CONNECT_UPDATE_PROFILE), WN_BAD_USER);
    NRT_CONTAINS(nrt_last_error_text(env), "not valid UTF-8");
    NRT_EQ_STR(nrt_records(env), "");
    NRT_EQ_STR(nrt_remembered(env, r), "");
    nrt_env_free(env);
}

NRT_TEST(no_store_flag_never_writes_the_store)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    env->cfg.flags = NR_ROUTER_NO_STORE;
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_NE(access(store_path(env), F_OK), 0);
    nrt_env_free(env);
}

NRT_TEST(store_file_is_readable_only_by_its_owner)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    struct stat st;
    mode_t old = umask(022);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    umask(old);
    NRT_EQ_FATAL(stat(store_path(env), &st), 0);
    NRT_EQ(st.st_mode & 0077, 0);
    NRT_EQ(st.st_uid, geteuid());
    nrt_env_free(env);
}

NRT_TEST(store_directory_is_created_when_missing)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    env->cfg.state_dir = nrt_printf(env, "%s/deeper/state", env->dir);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ(access(nrt_printf(env, "%s/connections.json", env->cfg.state_dir), F_OK), 0);
    nrt_env_free(env);
}

NRT_TEST(store_leaves_no_temporary_files)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_CODE(add(r, "/mnt/b", "fx:b", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_CODE(nr_cancel_connection(r, "/mnt/a", CONNECT_UPDATE_PROFILE, FALSE), WN_SUCCESS);
    DIR *d = opendir(env->state);
    NRT_NOT_NULL_FATAL(d);
    for (struct dirent *de; (de = readdir(d));) {
        if (de->d_name[0] == '.' && (!de->d_name[1] || !strcmp(de->d_name, "..")))
            continue;
        /* the store, and perhaps a lock file; nothing half-written */
        NRT_TRUE(!strcmp(de->d_name, "connections.json") || strstr(de->d_name, "lock"));
        if (strcmp(de->d_name, "connections.json") && !strstr(de->d_name, "lock"))
            fprintf(stderr, "\n    unexpected file in the state directory: %s\n", de->d_name);
    }
    closedir(d);
    nrt_env_free(env);
}

/* ---- WN_DEVICE_ALREADY_REMEMBERED --------------------------------------------------------------------- */

NRT_TEST(add_over_a_local_name_remembered_for_another_resource_is_refused)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_CODE(nr_cancel_connection(r, "/mnt/a", 0, FALSE), WN_SUCCESS); /* still remembered */
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:other", NULL, CONNECT_UPDATE_PROFILE), WN_DEVICE_ALREADY_REMEMBERED);
    NRT_EQ_STR(nrt_remembered(env, r), "/mnt/a=fx:a@pa");
    nrt_env_free(env);
}

NRT_TEST(non_persistent_add_over_a_remembered_local_name_is_refused)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_CODE(nr_cancel_connection(r, "/mnt/a", 0, FALSE), WN_SUCCESS);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:other", NULL, 0), WN_DEVICE_ALREADY_REMEMBERED);
    nrt_env_free(env);
}

NRT_TEST(add_of_the_remembered_resource_itself_is_allowed)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_CODE(nr_cancel_connection(r, "/mnt/a", 0, FALSE), WN_SUCCESS);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_STR(nrt_remembered(env, r), "/mnt/a=fx:a@pa");
    nrt_env_free(env);
}

/* ---- forgetting -------------------------------------------------------------------------------------------- */

NRT_TEST(cancel_by_local_name_with_update_profile_forgets)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_CODE(add(r, "/mnt/b", "fx:b", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_CODE(nr_cancel_connection(r, "/mnt/a", CONNECT_UPDATE_PROFILE, FALSE), WN_SUCCESS);
    NRT_EQ_STR(nrt_remembered(env, r), "/mnt/b=fx:b@pa");
    NRT_NOT_CONTAINS(nrt_slurp(env, store_path(env)), "/mnt/a");
    nrt_env_free(env);
}

NRT_TEST(cancel_with_update_profile_forgets_when_not_connected)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    r = reopen(env); /* the provider's connection table is gone */
    NRT_EQ_CODE(nr_cancel_connection(r, "/mnt/a", CONNECT_UPDATE_PROFILE, FALSE), WN_SUCCESS);
    NRT_EQ_STR(nrt_remembered(env, r), "");
    nrt_env_free(env);
}

NRT_TEST(cancel_without_update_profile_keeps_the_remembered_entry)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_CODE(nr_cancel_connection(r, "/mnt/a", 0, FALSE), WN_SUCCESS);
    NRT_EQ_STR(nrt_remembered(env, r), "/mnt/a=fx:a@pa");
    nrt_env_free(env);
}

/* WNetCancelConnection2: a remote name ends only the deviceless
 * connections to it, so a connection with a local name stays, and stays
 * remembered. */
NRT_TEST(cancel_by_remote_name_never_touches_the_store)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    char buf[64];
    DWORD len = sizeof buf;
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    const char *before = nrt_slurp(env, store_path(env));
    NRT_EQ_CODE(nr_cancel_connection(r, "fx:a", CONNECT_UPDATE_PROFILE, FALSE), WN_NOT_CONNECTED);
    NRT_EQ_CODE(nr_get_connection(r, "/mnt/a", buf, &len), WN_SUCCESS);
    NRT_EQ_STR(nrt_remembered(env, r), "/mnt/a=fx:a@pa");
    NRT_EQ_STR(nrt_slurp(env, store_path(env)), before);
    nrt_env_free(env);
}

NRT_TEST(cancel_by_remote_name_of_a_deviceless_connection_forgets_nothing)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_CODE(add(r, NULL, "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS); /* deviceless: not remembered */
    NRT_EQ_STR(nrt_remembered(env, r), "/mnt/a=fx:a@pa");
    const char *before = nrt_slurp(env, store_path(env));
    NRT_EQ_CODE(nr_cancel_connection(r, "fx:a", CONNECT_UPDATE_PROFILE, FALSE), WN_SUCCESS);
    NRT_EQ_CODE(nr_cancel_connection(r, "fx:a", 0, FALSE), WN_NOT_CONNECTED); /* it was the only one */
    NRT_EQ_STR(nrt_slurp(env, store_path(env)), before);
    NRT_EQ_CODE(nr_cancel_connection(r, "/mnt/a", CONNECT_UPDATE_PROFILE, FALSE), WN_SUCCESS);
    NRT_EQ_STR(nrt_remembered(env, r), "");
    nrt_env_free(env);
}

NRT_TEST(cancel_by_remote_name_of_a_remembered_disconnected_device_is_not_connected)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_CODE(nr_cancel_connection(r, "/mnt/a", 0, FALSE), WN_SUCCESS); /* still remembered */
    NRT_EQ_CODE(nr_cancel_connection(r, "fx:a", CONNECT_UPDATE_PROFILE, FALSE), WN_NOT_CONNECTED);
    NRT_EQ_STR(nrt_remembered(env, r), "/mnt/a=fx:a@pa");
    nrt_env_free(env);
}

NRT_TEST(failed_cancel_with_update_profile_of_a_connected_name_keeps_the_entry)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, "\"open_files\": true");
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_CODE(nr_cancel_connection(r, "/mnt/a", CONNECT_UPDATE_PROFILE, FALSE), WN_OPEN_FILES);
    NRT_EQ_STR(nrt_remembered(env, r), "/mnt/a=fx:a@pa");
    nrt_env_free(env);
}

/* ---- damaged store ---------------------------------------------------------------------------------------------- */

static const char DAMAGED[] = "{ \"this is\": not a store [";

/* The copy a damaged store was kept aside as, or NULL. */
static const char *kept_aside(nrt_env *env)
{
    const char *names = nrt_dir_entries(env, env->state, "connections.json.damaged");
    return names && *names ? nrt_printf(env, "%s/%s", env->state, names) : NULL;
}

NRT_TEST(damaged_store_is_reported_as_bad_profile)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nrt_write(env, env->state, "connections.json", 0600, "%s", DAMAGED);
    nr_router *r = nrt_router(env);
    nr_enum *e = NULL;
    NRT_EQ_CODE(nr_enum_open(r, RESOURCE_REMEMBERED, RESOURCETYPE_ANY, 0, NULL, &e), WN_BAD_PROFILE);
    nr_enum_close(e);
    NRT_CONTAINS(nrt_last_error_text(env), "connections.json");
    nrt_env_free(env);
}

NRT_TEST(damaged_store_is_reported_by_restore)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nrt_write(env, env->state, "connections.json", 0600, "%s", DAMAGED);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(nr_restore_connections(r, NULL, NULL, NULL), WN_BAD_PROFILE);
    nrt_env_free(env);
}

NRT_TEST(damaged_store_is_reported_by_a_persistent_add)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nrt_write(env, env->state, "connections.json", 0600, "%s", DAMAGED);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_BAD_PROFILE);
    nrt_env_free(env);
}

NRT_TEST(damaged_store_is_kept_aside_unchanged)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nrt_write(env, env->state, "connections.json", 0600, "%s", DAMAGED);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(nr_restore_connections(r, NULL, NULL, NULL), WN_BAD_PROFILE);
    const char *aside = kept_aside(env);
    NRT_NOT_NULL_FATAL(aside);
    NRT_EQ_STR(nrt_slurp(env, aside), DAMAGED);
    nrt_env_free(env);
}

NRT_TEST(damaged_store_is_never_silently_emptied)
{
    /* after the damage was reported, the damaged content still exists and
     * the next persistent add does not overwrite it */
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nrt_write(env, env->state, "connections.json", 0600, "%s", DAMAGED);
    nr_router *r = nrt_router(env);
    DWORD first = add(r, "/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE);
    NRT_EQ_CODE(first, WN_BAD_PROFILE);
    add(r, "/mnt/b", "fx:b", NULL, CONNECT_UPDATE_PROFILE);
    const char *aside = kept_aside(env);
    const char *current = nrt_slurp(env, store_path(env));
    NRT_TRUE((aside && !strcmp(nrt_slurp(env, aside), DAMAGED)) || (current && !strcmp(current, DAMAGED)));
    nrt_env_free(env);
}

/* ---- restore -------------------------------------------------------------------------------------------------- */

typedef struct restored {
    int n;
    char text[1024];
} restored;

static void on_restored(void *user, const NETRESOURCE *res, DWORD result)
{
    restored *r = user;
    size_t len = strlen(r->text);
    snprintf(r->text + len, sizeof r->text - len, "%s%s=%s:%u", r->n++ ? " " : "",
             res->lpLocalName ? res->lpLocalName : "(null)", res->lpRemoteName ? res->lpRemoteName : "(null)",
             (unsigned)result);
}

NRT_TEST(restore_readds_remembered_connections_without_notification)
{
    nrt_env *env = nrt_env_new();
    nrt_notifier(env, "n1", 10, NULL, NULL);
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", "alice", CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    r = reopen(env);
    nrt_clear_records(env);
    NRT_EQ_CODE(nr_restore_connections(r, NULL, NULL, NULL), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, "name,local,user"), "pa NPAddConnection3 name=fx:a local=/mnt/a user=alice");
    char buf[64];
    DWORD len = sizeof buf;
    NRT_EQ_CODE(nr_get_connection(r, "/mnt/a", buf, &len), WN_SUCCESS);
    NRT_EQ_STR(buf, "fx:a");
    nrt_env_free(env);
}

NRT_TEST(restore_reports_each_entry_result)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_CODE(add(r, "/mnt/b", "fx:b", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    r = reopen(env);
    restored got = { 0 };
    NRT_EQ_CODE(nr_restore_connections(r, NULL, on_restored, &got), WN_SUCCESS);
    NRT_EQ(got.n, 2);
    NRT_CONTAINS(got.text, "/mnt/a=fx:a:0");
    NRT_CONTAINS(got.text, "/mnt/b=fx:b:0");
    nrt_env_free(env);
}

NRT_TEST(restore_failure_keeps_the_entry)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, "\"add_result\": 1222, \"add_match\": \"fx:b\"");
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_CODE(add(r, "/mnt/b", "fx:b", NULL, 0), WN_NO_NETWORK);
    /* the provider now fails fx:a */
    nrt_provider(env, "pa", 10, NULL, "\"add_result\": 1222, \"add_match\": \"fx:a\"");
    r = reopen(env);
    restored got = { 0 };
    NRT_EQ_CODE(nr_restore_connections(r, NULL, on_restored, &got), WN_NO_NETWORK);
    NRT_EQ_STR(got.text, "/mnt/a=fx:a:1222");
    NRT_EQ_STR(nrt_remembered(env, r), "/mnt/a=fx:a@pa");
    nrt_env_free(env);
}

NRT_TEST(restore_uses_the_provider_that_made_the_connection)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nrt_provider(env, "pb", 20, NULL, NULL);
    nr_router *r = nrt_router(env);
    NETRESOURCE res = nrt_res("/mnt/a", "fx:a");
    res.lpProvider = "pb";
    NRT_EQ_CODE(nr_add_connection(r, NULL, &res, NULL, NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    r = reopen(env);
    nrt_clear_records(env);
    NRT_EQ_CODE(nr_restore_connections(r, NULL, NULL, NULL), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, ""), "pb NPAddConnection3");
    nrt_env_free(env);
}

NRT_TEST(restore_of_one_local_name)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    NRT_EQ_CODE(add(r, "/mnt/b", "fx:b", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    r = reopen(env);
    nrt_clear_records(env);
    NRT_EQ_CODE(nr_restore_connections(r, "/mnt/b", NULL, NULL), WN_SUCCESS);
    NRT_EQ_STR(nrt_trace(env, "name"), "pa NPAddConnection3 name=fx:b");
    nrt_env_free(env);
}

NRT_TEST(restore_of_an_unknown_local_name_is_not_connected)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(nr_restore_connections(r, "/mnt/none", NULL, NULL), WN_NOT_CONNECTED);
    nrt_env_free(env);
}

NRT_TEST(restore_skips_connections_already_made)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(add(r, "/mnt/a", "fx:a", NULL, CONNECT_UPDATE_PROFILE), WN_SUCCESS);
    /* still connected: restoring is not a failure */
    NRT_EQ_CODE(nr_restore_connections(r, NULL, NULL, NULL), WN_SUCCESS);
    NRT_EQ_STR(nrt_remembered(env, r), "/mnt/a=fx:a@pa");
    nrt_env_free(env);
}

NRT_TEST(restore_with_an_empty_store_succeeds)
{
    nrt_env *env = nrt_env_new();
    nrt_provider(env, "pa", 10, NULL, NULL);
    nr_router *r = nrt_router(env);
    NRT_EQ_CODE(nr_restore_connections(r, NULL, NULL, NULL), WN_SUCCESS);
    NRT_EQ_STR(nrt_records(env), "");
    nrt_env_free(env);
}
