/*
 * mount.c - runs sshfs for one mount (mount.h).
 *
 * The command line, besides the configured options:
 *
 *   sshfs -o fsname=NAME -o StrictHostKeyChecking=yes|accept-new
 *         -o ServerAliveInterval=15 -o ServerAliveCountMax=3 -o ConnectTimeout=10
 *         -o reconnect -o idmap=user [-o BatchMode=yes | -o password_stdin]
 *         [-p PORT] [-o User=USER] [-F SSH_CONFIG] [USER@]HOST:PATH MOUNTPOINT
 *
 * Keepalives turn a vanished server into errors within
 * interval x count seconds instead of a hung file system; reconnect brings
 * the mount back when the server does.  No option disables host-key
 * checking.  Nothing in argv is secret: a password goes through a pipe.
 *
 * sshfs sends ssh's standard error to /dev/null once it runs in the
 * background, so ssh is told to write its messages to a log file of its own
 * (ssh -E, through sshfs -o ssh_command) in a private temporary directory;
 * what it says there is read after sshfs has finished and the file removed.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mount.h"
#include "run.h"

/* fsname as a FUSE option value: '\\' and ',' escaped with a backslash. */
static bool fsname_option(const char *remote, char *out, size_t size)
{
    size_t used = (size_t)snprintf(out, size, "fsname=");
    for (const char *p = remote; *p; p++) {
        if (used + 3 > size)
            return false;
        if (*p == '\\' || *p == ',')
            out[used++] = '\\';
        out[used++] = *p;
    }
    out[used] = '\0';
    return true;
}

/* A private directory for ssh's log: $XDG_RUNTIME_DIR or $TMPDIR or /tmp,
 * without blanks (ssh_command is split at them).  false if none. */
static bool make_log_dir(char *dir, size_t size)
{
    const char *bases[] = { getenv("XDG_RUNTIME_DIR"), getenv("TMPDIR"), "/tmp" };
    for (size_t i = 0; i < sizeof bases / sizeof *bases; i++) {
        if (!bases[i] || bases[i][0] != '/' || strpbrk(bases[i], " \t\\,"))
            continue;
        if ((size_t)snprintf(dir, size, "%s/nr-sshfs-XXXXXX", bases[i]) < size && mkdtemp(dir))
            return true;
    }
    return false;
}

/* Appends what ssh logged to the output of the run, then removes the log. */
static void take_log(const char *dir, sshfs_run_result *r)
{
    char path[PATH_MAX + 16];
    int fd;
    snprintf(path, sizeof path, "%s/ssh.log", dir);
    fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd >= 0) {
        size_t used = strlen(r->output);
        if (used && used + 1 < sizeof r->output)
            r->output[used++] = '\n';
        ssize_t n = read(fd, r->output + used, sizeof r->output - 1 - used);
        r->output[used + (n > 0 ? (size_t)n : 0)] = '\0';
        close(fd);
    }
    unlink(path);
    rmdir(dir);
}

DWORD sshfs_mount_remote(const sshfs_config *c, const sshfs_name *n, const char *mountpoint, const char *user,
                  const char *password, sshfs_error *err)
{
    enum { MAX_ARGS = 48 + 2 * SSHFS_MAX_OPTIONS };
    const char *argv[MAX_ARGS];
    char remote[PATH_MAX + 600], fsname[2 * sizeof remote], source[PATH_MAX + 600];
    char alive[64], count[64], connect[64], strict[64], idmap[32], port[16], login[300];
    char log_dir[PATH_MAX], ssh_command[PATH_MAX + 64];
    bool logging;
    bool with_password = password && *password;
    sshfs_run_result *r;
    size_t i = 0;

    if (!sshfs_name_format(n, remote, sizeof remote) || !fsname_option(remote, fsname, sizeof fsname) ||
        !sshfs_name_source(n, source, sizeof source)) {
        err->code = WN_BAD_NETNAME;
        snprintf(err->text, sizeof err->text, "the remote name is too long");
        return err->code;
    }
    snprintf(alive, sizeof alive, "ServerAliveInterval=%u", c->server_alive_interval);
    snprintf(count, sizeof count, "ServerAliveCountMax=%u", c->server_alive_count_max);
    snprintf(connect, sizeof connect, "ConnectTimeout=%u", c->connect_timeout);
    snprintf(strict, sizeof strict, "StrictHostKeyChecking=%s", c->accept_new ? "accept-new" : "yes");
    snprintf(idmap, sizeof idmap, "idmap=%s", c->idmap);

    logging = make_log_dir(log_dir, sizeof log_dir);
    argv[i++] = "sshfs";
    if (logging) {
        snprintf(ssh_command, sizeof ssh_command, "ssh_command=ssh -E %s/ssh.log", log_dir);
        argv[i++] = "-o";
        argv[i++] = ssh_command;
    }
    argv[i++] = "-o";
    argv[i++] = fsname;
    argv[i++] = "-o";
    argv[i++] = strict;
    argv[i++] = "-o";
    argv[i++] = alive;
    argv[i++] = "-o";
    argv[i++] = count;
    argv[i++] = "-o";
    argv[i++] = connect;
    if (c->reconnect) {
        argv[i++] = "-o";
        argv[i++] = "reconnect";
    }
    argv[i++] = "-o";
    argv[i++] = idmap;
    argv[i++] = "-o";
    argv[i++] = with_password ? "password_stdin" : "BatchMode=yes";
    if (n->port) {
        snprintf(port, sizeof port, "%u", n->port);
        argv[i++] = "-p";
        argv[i++] = port;
    }
    if (!n->user[0] && user && *user) {
        /* the login given beside the name (netrouter use --user) */
        if (user[0] == '-' || strpbrk(user, ",\\ \t\r\n")) {
            err->code = WN_BAD_USER;
            snprintf(err->text, sizeof err->text, "\"%s\" cannot be a login name", user);
            return err->code;
        }
        snprintf(login, sizeof login, "User=%s", user);
        argv[i++] = "-o";
        argv[i++] = login;
    }
    if (c->ssh_config) {
        argv[i++] = "-F";
        argv[i++] = c->ssh_config;
    }
    for (size_t k = 0; k < c->n_options; k++) {
        argv[i++] = "-o";
        argv[i++] = c->options[k];
    }
    argv[i++] = source;
    argv[i++] = mountpoint;
    argv[i] = NULL;

    r = malloc(sizeof *r);
    if (!r) {
        if (logging)
            rmdir(log_dir);
        err->code = WN_OUT_OF_MEMORY;
        snprintf(err->text, sizeof err->text, "out of memory");
        return err->code;
    }
    sshfs_run(argv, with_password ? password : NULL, (int)c->mount_timeout * 1000, r);
    if (logging)
        take_log(log_dir, r);
    if (r->status == SSHFS_RUN_EXITED && r->code == 0) {
        free(r);
        err->code = WN_SUCCESS;
        err->text[0] = '\0';
        return WN_SUCCESS;
    }
    sshfs_error_classify(r, n, c->ssh_config, c->mount_timeout, err);
    free(r);
    return err->code;
}
