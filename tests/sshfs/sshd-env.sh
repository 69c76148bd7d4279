# tests/sshfs/sshd-env.sh - sourced by the sshfs tests, the bench and the
# demo script: a private sshd on 127.0.0.1.
#
#   sshd_env_start DIR     makes DIR/hostkey (ed25519), DIR/sshd_config and
#                          DIR/authorized_keys (world-readable: sshd reads it
#                          as the logging-in user), picks a free port, starts
#                          /usr/sbin/sshd -D -f DIR/sshd_config and waits
#                          until it answers; sets SSHD_PORT and SSHD_PID
#   sshd_env_stop          stops it (and waits)
#   sshd_env_kill          kills it at once (SIGKILL), as a crashed server
#   sshd_env_restart       starts it again on the same port and host key
#   sshd_env_new_hostkey   gives it a new host key (restart to apply)
#
# Password logins work for users with a password (UsePAM no: sshd checks
# the shadow entry itself).  Nothing outside DIR is touched except
# /run/sshd, the privilege-separation directory sshd requires.

sshd_env_free_port() {
    # a port nothing listens on, from the ephemeral range
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        p=$(( 20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 30000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            echo "$p"
            return 0
        fi
    done
    return 1
}

sshd_env_start() {
    SSHD_DIR=$1
    mkdir -p "$SSHD_DIR" || return 1
    # sshd run by root needs its privilege-separation directory
    if [ "$(id -u)" -eq 0 ]; then mkdir -p /run/sshd || return 1; fi
    chmod 755 "$SSHD_DIR"
    [ -f "$SSHD_DIR/hostkey" ] || ssh-keygen -q -t ed25519 -N '' -C sshd-env -f "$SSHD_DIR/hostkey" || return 1
    touch "$SSHD_DIR/authorized_keys" && chmod 644 "$SSHD_DIR/authorized_keys" || return 1
    [ -n "${SSHD_PORT:-}" ] || SSHD_PORT=$(sshd_env_free_port) || return 1
    cat >"$SSHD_DIR/sshd_config" <<CONF
Port $SSHD_PORT
ListenAddress 127.0.0.1
HostKey $SSHD_DIR/hostkey
AuthorizedKeysFile $SSHD_DIR/authorized_keys
PidFile $SSHD_DIR/sshd.pid
StrictModes no
UsePAM no
PasswordAuthentication yes
KbdInteractiveAuthentication no
PermitRootLogin yes
MaxStartups 100:30:200
Subsystem sftp internal-sftp
CONF
    /usr/sbin/sshd -D -f "$SSHD_DIR/sshd_config" -E "$SSHD_DIR/sshd.log" </dev/null >/dev/null 2>&1 &
    SSHD_PID=$!
    for _ in $(seq 1 100); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$SSHD_PORT") 2>/dev/null; then
            return 0
        fi
        kill -0 "$SSHD_PID" 2>/dev/null || break
        sleep 0.05
    done
    echo "sshd-env: sshd did not start on port $SSHD_PORT:" >&2
    cat "$SSHD_DIR/sshd.log" >&2
    return 1
}

sshd_env_stop() {
    if [ -n "${SSHD_PID:-}" ]; then
        kill "$SSHD_PID" 2>/dev/null || :
        wait "$SSHD_PID" 2>/dev/null || :
        SSHD_PID=
    fi
}

sshd_env_kill() {
    if [ -n "${SSHD_PID:-}" ]; then
        # the listener and every process under it (the connections): a
        # crashed server answers nobody
        sshd_env_tree "$SSHD_PID" | xargs -r kill -9 2>/dev/null
        { wait "$SSHD_PID"; } 2>/dev/null
        SSHD_PID=
    fi
}

# PID and its descendants, by process id
sshd_env_tree() {
    echo "$1"
    for c in $(ps -o pid= --ppid "$1" 2>/dev/null); do
        sshd_env_tree "$c"
    done
}

sshd_env_restart() {
    sshd_env_stop
    sshd_env_start "$SSHD_DIR"
}

sshd_env_new_hostkey() {
    rm -f "$SSHD_DIR/hostkey" "$SSHD_DIR/hostkey.pub"
    ssh-keygen -q -t ed25519 -N '' -C sshd-env-new -f "$SSHD_DIR/hostkey"
}
