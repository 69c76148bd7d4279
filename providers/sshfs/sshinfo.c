/*
 * sshinfo.c - ssh's view of a host (sshinfo.h): `ssh -G` for the effective
 * configuration, ssh-keyscan and ssh-keygen -lf for a key's fingerprint.
 * Only ever reads; never adds a key anywhere.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run.h"
#include "sshinfo.h"

#define INFO_TIMEOUT_MS 8000

/* The value of "key value" line key in text, copied into out. */
static bool line_value(const char *text, const char *key, char *out, size_t size)
{
    size_t n = strlen(key);
    for (const char *p = text; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
        if (!strncmp(p, key, n) && p[n] == ' ') {
            size_t len = strcspn(p + n + 1, "\r\n");
            if (len >= size)
                return false;
            memcpy(out, p + n + 1, len);
            out[len] = '\0';
            return true;
        }
    }
    return false;
}

bool sshfs_resolve(const sshfs_name *n, const char *ssh_config, sshfs_target *out)
{
    const char *argv[12];
    char port[16], value[16];
    size_t i = 0;
    sshfs_run_result *r = malloc(sizeof *r);
    bool ok;

    if (!r)
        return false;
    memset(out, 0, sizeof *out);
    argv[i++] = "ssh";
    argv[i++] = "-G";
    if (ssh_config) {
        argv[i++] = "-F";
        argv[i++] = ssh_config;
    }
    if (n->port) {
        snprintf(port, sizeof port, "%u", n->port);
        argv[i++] = "-p";
        argv[i++] = port;
    }
    if (n->user[0]) {
        argv[i++] = "-l";
        argv[i++] = n->user;
    }
    argv[i++] = "--";
    argv[i++] = n->host;
    argv[i] = NULL;
    sshfs_run(argv, NULL, INFO_TIMEOUT_MS, r);
    ok = r->status == SSHFS_RUN_EXITED && r->code == 0 && line_value(r->output, "hostname", out->host, sizeof out->host) &&
         line_value(r->output, "user", out->user, sizeof out->user) && line_value(r->output, "port", value, sizeof value);
    if (ok)
        out->port = (unsigned)strtoul(value, NULL, 10);
    free(r);
    return ok && out->port;
}

void sshfs_known_hosts_name(const sshfs_target *t, char *buf, size_t size)
{
    if (t->port == 22)
        snprintf(buf, size, "%s", t->host);
    else
        snprintf(buf, size, "[%s]:%u", t->host, t->port);
}

bool sshfs_host_fingerprint(const sshfs_target *t, const char *key_type, char *out, size_t size)
{
    char port[16];
    const char *scan[] = { "ssh-keyscan", "-T", "5", "-p", port, "-t", key_type, "--", t->host, NULL };
    const char *keygen[] = { "ssh-keygen", "-l", "-f", "-", NULL };
    sshfs_run_result *r = malloc(sizeof *r);
    char *keys = NULL, *line, *save = NULL;
    bool ok = false;

    if (!r)
        return false;
    snprintf(port, sizeof port, "%u", t->port);
    if (!key_type || !*key_type) {
        scan[5] = "--"; /* no -t: every type */
        scan[6] = t->host;
        scan[7] = NULL;
    }
    sshfs_run(scan, NULL, INFO_TIMEOUT_MS, r);
    if (r->status != SSHFS_RUN_EXITED || r->code != 0)
        goto out;
    /* keep the key lines only (ssh-keyscan's comments go to the same file) */
    keys = calloc(1, strlen(r->output) + 1);
    if (!keys)
        goto out;
    for (line = strtok_r(r->output, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
        if (line[0] != '#') {
            strcat(keys, line);
            strcat(keys, "\n");
        }
    if (!*keys)
        goto out;
    keys[strlen(keys) - 1] = '\0'; /* sshfs_run adds the last newline */
    sshfs_run(keygen, keys, INFO_TIMEOUT_MS, r);
    if (r->status != SSHFS_RUN_EXITED || r->code != 0)
        goto out;
    /* "256 SHA256:xxxx [127.0.0.1]:2222 (ED25519)": fingerprint and type */
    {
        char bits[16], fp[128], who[300], type[32];
        if (sscanf(r->output, "%15s %127s %299s %31s", bits, fp, who, type) == 4) {
            snprintf(out, size, "%s %s", fp, type);
            ok = true;
        }
    }
out:
    free(keys);
    free(r);
    return ok;
}
