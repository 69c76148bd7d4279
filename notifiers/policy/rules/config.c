/*
 * config.c - the policy notifier's manifest config ("dir", "test_time")
 * and the local time of day rules compare with.
 *
 * Read by the plugin (its lpConfigJson) and by `netrouter policy check`
 * (the installed manifest's "config"), so both find the same directory.
 */
#include "config.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "policy.h"

#ifndef NR_SYSCONFDIR
#define NR_SYSCONFDIR "/etc"
#endif

const char *nr_policy_default_dir(void)
{
    return NR_SYSCONFDIR "/netrouter/policy.d";
}

int nr_policy_minute_now(void)
{
    time_t now = time(NULL);
    struct tm tm;
    if (!localtime_r(&now, &tm))
        return 0;
    return tm.tm_hour * 60 + tm.tm_min;
}

int nr_policy_parse_minute(const char *s, size_t len, bool allow_24)
{
    int h, m;
    if (len != 5 || s[2] != ':')
        return -1;
    for (size_t i = 0; i < 5; i++)
        if (i != 2 && (s[i] < '0' || s[i] > '9'))
            return -1;
    h = (s[0] - '0') * 10 + (s[1] - '0');
    m = (s[3] - '0') * 10 + (s[4] - '0');
    if (m > 59 || h > 24 || (h == 24 && (!allow_24 || m != 0)))
        return -1;
    return h * 60 + m;
}

static int refuse(char *why, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int refuse(char *why, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, size, fmt, ap);
    va_end(ap);
    return -1;
}

int nr_policy_config_parse(const char *json, nr_policy_config *out, char *why, size_t size)
{
    json_error_t err;
    json_t *root = json_loads(json ? json : "{}", JSON_REJECT_DUPLICATES, &err), *v;
    const char *key, *dir = nr_policy_default_dir();
    int rc = -1;

    *out = (nr_policy_config){ NULL, -1 };
    if (!root)
        return refuse(why, size, "config: not valid JSON: %s", err.text);
    if (!json_is_object(root)) {
        refuse(why, size, "config: expected a JSON object");
        goto out;
    }
    json_object_foreach(root, key, v) {
        if (strcmp(key, "dir") && strcmp(key, "test_time") && strncmp(key, "x-", 2)) {
            refuse(why, size, "config: unknown key \"%s\" (known: \"dir\", \"test_time\")", key);
            goto out;
        }
    }
    if ((v = json_object_get(root, "dir"))) {
        if (!json_is_string(v) || json_string_value(v)[0] != '/') {
            refuse(why, size, "config \"dir\": expected an absolute directory name");
            goto out;
        }
        dir = json_string_value(v);
    }
    if ((v = json_object_get(root, "test_time"))) {
        const char *t = json_string_value(v);
        if (!t || (out->test_minute = nr_policy_parse_minute(t, strlen(t), false)) < 0) {
            refuse(why, size, "config \"test_time\": expected a local time \"HH:MM\"");
            goto out;
        }
    }
    if (!(out->dir = strdup(dir))) {
        refuse(why, size, "config: out of memory");
        goto out;
    }
    rc = 0;
out:
    json_decref(root);
    return rc;
}

void nr_policy_config_free(nr_policy_config *c)
{
    free(c->dir);
    c->dir = NULL;
}
