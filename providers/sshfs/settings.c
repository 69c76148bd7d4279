/*
 * settings.c - reads the sshfs provider's manifest "config" (settings.h) with
 * jansson.  Unknown keys are refused, so a typing error is seen at load.
 */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "settings.h"

static DWORD refuse(char *why, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static DWORD refuse(char *why, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, size, fmt, ap);
    va_end(ap);
    return WN_BAD_VALUE;
}

void sshfs_config_defaults(sshfs_config *c)
{
    memset(c, 0, sizeof *c);
    c->server_alive_interval = 15;
    c->server_alive_count_max = 3;
    c->connect_timeout = 10;
    c->reconnect = true;
    c->mount_timeout = 30;
    c->unmount_timeout = 10;
    strcpy(c->idmap, "user");
}

void sshfs_config_free(sshfs_config *c)
{
    free(c->ssh_config);
    for (size_t i = 0; i < c->n_options; i++)
        free(c->options[i]);
    sshfs_config_defaults(c);
}

static bool seconds(json_t *v, unsigned max, unsigned *out)
{
    if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > (json_int_t)max)
        return false;
    *out = (unsigned)json_integer_value(v);
    return true;
}

/* An -o option: printable, no comma (sshfs would split it), and none that
 * would undo what the provider guarantees. */
static bool good_option(const char *s)
{
    static const char *const reserved[] = { "password_stdin", "fsname", "StrictHostKeyChecking", "BatchMode",
                                            "ssh_command", "sshfs_debug", "debug", "foreground" };
    if (!*s || strchr(s, ','))
        return false;
    for (const char *p = s; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            return false;
    for (size_t i = 0; i < sizeof reserved / sizeof *reserved; i++)
        if (!strncasecmp(s, reserved[i], strlen(reserved[i])))
            return false;
    return true;
}

DWORD sshfs_config_parse(const char *json, sshfs_config *c, char *why, size_t why_size)
{
    json_error_t jerr;
    json_t *root = json_loads(json ? json : "{}", JSON_REJECT_DUPLICATES, &jerr), *v;
    const char *key;
    DWORD rc = WN_SUCCESS;

    if (!root)
        return refuse(why, why_size, "config: not valid JSON (line %d, column %d: %s)", jerr.line, jerr.column,
                      jerr.text);
    if (!json_is_object(root)) {
        json_decref(root);
        return refuse(why, why_size, "config: expected a JSON object");
    }
    json_object_foreach(root, key, v) {
        if (!strcmp(key, "host_keys")) {
            const char *s = json_string_value(v);
            if (s && !strcmp(s, "strict"))
                c->accept_new = false;
            else if (s && !strcmp(s, "accept-new"))
                c->accept_new = true;
            else
                rc = refuse(why, why_size, "config \"host_keys\": expected \"strict\" or \"accept-new\"");
        } else if (!strcmp(key, "server_alive_interval")) {
            if (!seconds(v, 3600, &c->server_alive_interval))
                rc = refuse(why, why_size, "config \"%s\": expected seconds from 0 to 3600", key);
        } else if (!strcmp(key, "server_alive_count_max")) {
            if (!seconds(v, 100, &c->server_alive_count_max) || !c->server_alive_count_max)
                rc = refuse(why, why_size, "config \"%s\": expected a count from 1 to 100", key);
        } else if (!strcmp(key, "connect_timeout")) {
            if (!seconds(v, 600, &c->connect_timeout) || !c->connect_timeout)
                rc = refuse(why, why_size, "config \"%s\": expected seconds from 1 to 600", key);
        } else if (!strcmp(key, "mount_timeout")) {
            if (!seconds(v, 3600, &c->mount_timeout) || !c->mount_timeout)
                rc = refuse(why, why_size, "config \"%s\": expected seconds from 1 to 3600", key);
        } else if (!strcmp(key, "unmount_timeout")) {
            if (!seconds(v, 3600, &c->unmount_timeout) || !c->unmount_timeout)
                rc = refuse(why, why_size, "config \"%s\": expected seconds from 1 to 3600", key);
        } else if (!strcmp(key, "reconnect")) {
            if (!json_is_boolean(v))
                rc = refuse(why, why_size, "config \"reconnect\": expected true or false");
            else
                c->reconnect = json_is_true(v);
        } else if (!strcmp(key, "idmap")) {
            const char *s = json_string_value(v);
            if (!s || (strcmp(s, "user") && strcmp(s, "none")))
                rc = refuse(why, why_size, "config \"idmap\": expected \"user\" or \"none\"");
            else
                snprintf(c->idmap, sizeof c->idmap, "%s", s);
        } else if (!strcmp(key, "ssh_config")) {
            const char *s = json_string_value(v);
            if (!s || s[0] != '/')
                rc = refuse(why, why_size, "config \"ssh_config\": expected an absolute file name");
            else if (!(c->ssh_config = strdup(s)))
                rc = WN_OUT_OF_MEMORY;
        } else if (!strcmp(key, "options")) {
            size_t i;
            json_t *item;
            if (!json_is_array(v) || json_array_size(v) > SSHFS_MAX_OPTIONS) {
                rc = refuse(why, why_size, "config \"options\": expected an array of at most %d strings",
                            SSHFS_MAX_OPTIONS);
                break;
            }
            json_array_foreach(v, i, item) {
                const char *s = json_string_value(item);
                if (!s || !good_option(s)) {
                    rc = refuse(why, why_size, "config \"options\"[%zu]: expected an sshfs option without a comma, "
                                "and not one the provider sets itself (password_stdin, fsname, "
                                "StrictHostKeyChecking, BatchMode, ssh_command, debug)", i);
                    break;
                }
                if (!(c->options[c->n_options] = strdup(s))) {
                    rc = WN_OUT_OF_MEMORY;
                    break;
                }
                c->n_options++;
            }
        } else {
            rc = refuse(why, why_size, "config: unknown key \"%s\" (known: host_keys, server_alive_interval, "
                        "server_alive_count_max, connect_timeout, reconnect, mount_timeout, unmount_timeout, idmap, "
                        "ssh_config, options)", key);
        }
        if (rc != WN_SUCCESS)
            break;
    }
    json_decref(root);
    if (rc == WN_OUT_OF_MEMORY)
        snprintf(why, why_size, "config: out of memory");
    if (rc != WN_SUCCESS)
        sshfs_config_free(c);
    return rc;
}
