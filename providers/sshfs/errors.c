/*
 * errors.c - maps what ssh and sshfs print when a mount fails to the
 * Windows codes an application expects (errors.h).  The texts matched are
 * OpenSSH's and sshfs's (Debian 12: OpenSSH 9.2, sshfs 3.7), in English:
 * the helpers are run as they are, and an unknown text falls back to
 * WN_NET_ERROR with the text itself.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "errors.h"
#include "sshinfo.h"

static bool has(const char *text, const char *what)
{
    return strstr(text, what) != NULL;
}

static void set(sshfs_error *e, DWORD code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void set(sshfs_error *e, DWORD code, const char *fmt, ...)
{
    va_list ap;
    e->code = code;
    va_start(ap, fmt);
    vsnprintf(e->text, sizeof e->text, fmt, ap);
    va_end(ap);
}

/* ssh's words on one line: banner lines ("@@@") and blank ones dropped,
 * line ends joined with "; ", at most size bytes. */
static void summarize(const char *in, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    for (const char *p = in; *p;) {
        size_t n = strcspn(p, "\r\n");
        bool skip = n == 0 || p[0] == '@' || (n > 4 && !strncmp(p, "IT IS", 5)) ||
                    (n > 10 && !strncmp(p, "Someone could", 13)) || (n > 10 && !strncmp(p, "It is also", 10)) ||
                    (n > 10 && !strncmp(p, "Please contact", 14)) || (n > 10 && !strncmp(p, "Add correct", 11)) ||
                    (n > 10 && !strncmp(p, "Offending", 9)) || (n > 10 && !strncmp(p, "  remove with", 13)) ||
                    (n > 10 && !strncmp(p, "The fingerprint", 15)) || (n > 10 && !strncmp(p, "SHA256:", 7));
        if (!skip && used + n + 3 < size) {
            if (used) {
                memcpy(out + used, "; ", 2);
                used += 2;
            }
            memcpy(out + used, p, n);
            used += n;
            out[used] = '\0';
        }
        p += n;
        while (*p == '\r' || *p == '\n')
            p++;
    }
}

/* "ED25519" of "No ED25519 host key is known for ..." or "... for the
 * ED25519 key sent by ...", lower-cased for ssh-keyscan -t. */
static void key_type(const char *text, char *out, size_t size)
{
    static const char *const types[] = { "ED25519", "ECDSA", "RSA", "DSA" };
    out[0] = '\0';
    for (size_t i = 0; i < sizeof types / sizeof *types; i++) {
        char probe[32];
        snprintf(probe, sizeof probe, " %s ", types[i]);
        if (has(text, probe)) {
            size_t n = strlen(types[i]);
            for (size_t j = 0; j <= n && j < size; j++)
                out[j] = (char)tolower((unsigned char)types[i][j]);
            return;
        }
    }
}

static void host_key_problem(const sshfs_run_result *r, const sshfs_name *n, const char *ssh_config,
                             const char *said, sshfs_error *out)
{
    bool changed = has(r->output, "HOST IDENTIFICATION HAS CHANGED") || has(r->output, "host key has changed");
    char type[16], fp[200] = "", kh[300], how[700], ssh_cmd[300];
    sshfs_target t;
    const char *sent;

    if (!sshfs_resolve(n, ssh_config, &t)) {
        snprintf(t.host, sizeof t.host, "%s", n->host);
        t.port = n->port ? n->port : 22;
    }
    sshfs_known_hosts_name(&t, kh, sizeof kh);
    key_type(r->output, type, sizeof type);
    /* A changed key: ssh printed the new fingerprint itself. */
    if (changed && (sent = strstr(r->output, "SHA256:")) != NULL) {
        size_t len = strcspn(sent, " \r\n.");
        snprintf(fp, sizeof fp, "%.*s%s%s", (int)len, sent, *type ? " " : "", type);
        for (char *c = fp + len + 1; *c; c++)
            *c = (char)toupper((unsigned char)*c);
    } else if (!sshfs_host_fingerprint(&t, type, fp, sizeof fp)) {
        snprintf(fp, sizeof fp, "(could not be read: the server did not answer a key scan)");
    }
    if (t.port == 22)
        snprintf(how, sizeof how, "ssh-keyscan%s%s %s >> ~/.ssh/known_hosts", *type ? " -t " : "", type, t.host);
    else
        snprintf(how, sizeof how, "ssh-keyscan -p %u%s%s %s >> ~/.ssh/known_hosts", t.port, *type ? " -t " : "",
                 type, t.host);
    if (t.port == 22)
        snprintf(ssh_cmd, sizeof ssh_cmd, "ssh %s", t.host);
    else
        snprintf(ssh_cmd, sizeof ssh_cmd, "ssh -p %u %s", t.port, t.host);
    if (changed)
        set(out, WN_EXTENDED_ERROR,
            "the host key of %s has CHANGED: the server now presents %s, which does not match the key recorded "
            "in your known-hosts file; this may be an attack.  If the change is expected, check the new "
            "fingerprint with the server's administrator, remove the old key with: ssh-keygen -R '%s', then "
            "accept the new one with: %s (ssh: %s)", kh, fp, kh, how, said);
    else
        set(out, WN_EXTENDED_ERROR,
            "the host key of %s is not known: the server presents %s.  Check this fingerprint with the server's "
            "administrator, then accept it with: %s (or run %s once and answer yes), or set "
            "\"host_keys\": \"accept-new\" in the sshfs provider's manifest config (ssh: %s)", kh, fp, how, ssh_cmd,
            said);
}

void sshfs_error_classify(const sshfs_run_result *r, const sshfs_name *n, const char *ssh_config,
                          unsigned mount_timeout, sshfs_error *out)
{
    char said[600];
    const char *o = r->output;

    summarize(o, said, sizeof said);
    /* sshfs's own "read: Connection reset by peer" only says that ssh ended;
     * when ssh said why, that is the message */
    {
        static const char noise[] = "read: Connection reset by peer; ";
        if (!strncmp(said, noise, strlen(noise)))
            memmove(said, said + strlen(noise), strlen(said + strlen(noise)) + 1);
    }
    if (r->status == SSHFS_RUN_FAILED) {
        set(out, WN_NO_NETWORK, "sshfs cannot be run (is the sshfs package installed?): %s", said);
    } else if (r->status == SSHFS_RUN_TIMEOUT) {
        set(out, WN_NO_NETWORK, "%s did not answer within %u seconds (the mount_timeout of the manifest config)%s%s",
            n->host, mount_timeout, *said ? "; ssh: " : "", said);
    } else if (has(o, "Host key verification failed") || has(o, "HOST IDENTIFICATION HAS CHANGED") ||
               has(o, "host key is known for")) {
        host_key_problem(r, n, ssh_config, said, out);
    } else if (has(o, "Permission denied (") || has(o, "Too many authentication failures") ||
               has(o, "Authentication failed")) {
        set(out, WN_BAD_PASSWORD, "%s refused the login: %s", n->host, said);
    } else if (has(o, "Could not resolve hostname") || has(o, "Name or service not known") ||
               has(o, "Connection refused") || has(o, "No address associated")) {
        set(out, ERROR_BAD_NETPATH, "%s", said);
    } else if (has(o, "timed out") || has(o, "No route to host") || has(o, "Network is unreachable") ||
               has(o, "Temporary failure in name resolution")) {
        set(out, WN_NO_NETWORK, "%s", said);
    } else if (has(o, "mountpoint is not empty") || has(o, "Device or resource busy") ||
               has(o, "already mounted")) {
        set(out, WN_ALREADY_CONNECTED, "%s", said);
    } else if (has(o, "/dev/fuse") || has(o, "fusermount") || has(o, "fuse: ")) {
        set(out, WN_NO_NETWORK, "FUSE cannot be used: %s", said);
    } else if (has(o, "No such file or directory") || has(o, "Not a directory")) {
        set(out, has(o, "bad mount point") ? WN_BAD_LOCALNAME : WN_BAD_NETNAME, "%s", said);
    } else if (has(o, "failed to open pty")) {
        set(out, WN_ACCESS_DENIED, "sshfs cannot open a pseudo-terminal for ssh's password prompt "
            "(is /dev/ptmx usable by this user?): %s", said);
    } else if (has(o, "Permission denied")) {
        set(out, WN_ACCESS_DENIED, "%s", said);
    } else {
        set(out, WN_NET_ERROR, "sshfs failed (%s %d): %s", r->status == SSHFS_RUN_SIGNALED ? "signal" : "exit status",
            r->code, *said ? said : "no message");
    }
}
