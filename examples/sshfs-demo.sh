#!/bin/bash
# examples/sshfs-demo.sh - the sshfs provider (netrouter-sshfs(7)) from the
# shell, against an SSH server on 127.0.0.1 that the demo starts with its
# own host key and a key pair it creates:
#
#   1. a mount refused for the server's unknown host key, with its
#      fingerprint; the key accepted; the mount made (notifiers around it)
#   2. a file written through the mount, found on the server
#   3. the mount listed from another process, then unmounted
#   4. remembered (--persistent), unmounted, restored without notifications
#
# Run it from a build tree:
#
#   NETROUTER=_build/router/cli/netrouter \
#   NETROUTER_PLUGIN_PATH=$PWD/_build/build-plugins.d sh examples/sshfs-demo.sh
#
# or, installed, with neither variable set.  Or source it and call
# sshfs_demo [WORKDIR] (README demos do).  It needs sshfs, openssh-server
# and FUSE usable by the caller; root or not (sshd then logs in only its
# own user).  Nothing of ~/.ssh is touched: the demo's manifest points ssh
# at a configuration file of its own (the "ssh_config" config key).
# Exit status 0 when every step did what it shows.

sshfs_demo() (
    set -eu
    here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
    nr=${NETROUTER:-netrouter}
    env_sh=${SSHD_ENV_SH:-$here/../tests/sshfs/sshd-env.sh}
    [ -f "$env_sh" ] || { echo "sshfs-demo: $env_sh not found (set SSHD_ENV_SH)" >&2; return 1; }
    . "$env_sh"
    D=${1:-$(mktemp -d "${TMPDIR:-/tmp}/sshfs-demo.XXXXXX")}
    chmod 755 "$D"
    trap 'fusermount3 -u -z "$D/mnt" 2>/dev/null || :; sshd_env_stop || :; rm -rf "$D"' EXIT
    step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
    show() { printf '$ %s\n' "$*"; "$@"; }

    # The manifests: the sshfs provider (pointed at the demo's ssh_config)
    # and the log notifier, found where the router finds them.
    mkdir -p "$D/plugins" "$D/state" "$D/srv"
    find_manifest() {
        local IFS=: d
        for d in ${NETROUTER_PLUGIN_PATH:-${XDG_CONFIG_HOME:-$HOME/.config}/netrouter/plugins.d:/usr/local/share/netrouter/plugins.d:/usr/share/netrouter/plugins.d}; do
            [ -f "$d/$1" ] && { echo "$d/$1"; return 0; }
        done
        echo "sshfs-demo: no $1 manifest found (set NETROUTER_PLUGIN_PATH)" >&2
        return 1
    }
    local_lib() { # MANIFEST: its library as an absolute path
        local lib
        lib=$(jq -r .library "$1")
        case $lib in
            /*) echo "$lib" ;;
            */*) echo "$(cd "$(dirname "$1")" && pwd)/$lib" ;;
            *) echo "$lib" ;; # a bare name: the plugin directory
        esac
    }
    m=$(find_manifest sshfs.json)
    jq --arg lib "$(local_lib "$m")" --arg cfg "$D/ssh_config" '.library = $lib | .config.ssh_config = $cfg' \
        "$m" >"$D/plugins/sshfs.json"
    m=$(find_manifest log.json)
    jq --arg lib "$(local_lib "$m")" '.library = $lib | .config.target = "stderr"' "$m" >"$D/plugins/log.json"
    chmod 644 "$D/plugins"/*.json
    export NETROUTER_PLUGIN_PATH="$D/plugins" NETROUTER_STATE_DIR="$D/state"

    step "An SSH server on 127.0.0.1 with its own host key, and a key pair for us"
    sshd_env_start "$D/sshd"
    ssh-keygen -q -t ed25519 -N '' -C sshfs-demo -f "$D/id_ed25519"
    cat "$D/id_ed25519.pub" >>"$D/sshd/authorized_keys"
    : >"$D/known_hosts"
    printf 'Host demo\n  HostName 127.0.0.1\n  Port %s\nHost *\n  IdentityFile %s\n  IdentitiesOnly yes\n  UserKnownHostsFile %s\n' \
        "$SSHD_PORT" "$D/id_ed25519" "$D/known_hosts" >"$D/ssh_config"
    echo "hello from the server" >"$D/srv/hello.txt"
    echo "sshd listens on 127.0.0.1:$SSHD_PORT; the remote directory is $D/srv"
    remote="\\\\sshfs.r\\$(id -un)@127.0.0.1!$SSHD_PORT$(printf '%s' "$D/srv" | tr / '\\')"

    step "1. The host key is unknown: refused, with its fingerprint"
    if show "$nr" use "$D/mnt" "$remote"; then
        echo "sshfs-demo: an unknown host key was accepted" >&2
        return 1
    fi
    show ssh-keygen -lf "$D/sshd/hostkey.pub"
    echo "# the same fingerprint: accept it"
    ssh-keyscan -p "$SSHD_PORT" -t ed25519 127.0.0.1 >>"$D/known_hosts" 2>/dev/null
    show "$nr" use "$D/mnt" "$remote"

    step "2. A file written through the mount is on the server"
    show cat "$D/mnt/hello.txt"
    echo "written through netrouter" >"$D/mnt/from-client.txt"
    show cat "$D/srv/from-client.txt"

    step "3. Listed from another process, then unmounted"
    show "$nr" list --connected
    show "$nr" cancel "$D/mnt"

    step "4. Remembered, unmounted, restored without notifications"
    show "$nr" use --persistent "$D/mnt" "$remote"
    show "$nr" cancel "$D/mnt"
    printf '$ %s\n' "$nr restore"
    "$nr" restore 2>"$D/restore.err"
    cat "$D/restore.err" >&2
    if grep -q '"phase"' "$D/restore.err"; then
        echo "sshfs-demo: a notifier spoke during restore" >&2
        return 1
    fi
    echo "# (no notifier spoke during the restore)"
    show cat "$D/mnt/hello.txt"
    show "$nr" cancel --forget "$D/mnt"
    echo
    echo "sshfs-demo: done"
)

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    sshfs_demo "$@"
fi
