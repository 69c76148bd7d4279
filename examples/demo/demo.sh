#!/bin/sh
# demo.sh - a narrated tour of netrouter with the plugins of the build tree:
# the symlink provider connects link:/dir names, the log and hello notifiers
# print PRE and POST around every add and cancel, a restore re-adds a
# remembered connection without any notification, the ras provider dials
# up through an emulated modem into slirp, a real PPP peer, and the link
# stays up in the connection service netrouterd after netrouter exits:
# another command lists it and hangs it up; rasdial does the same from the
# shell (a wrong CHAP password, then the right one, listed and
# /DISCONNECTed by other commands).
#
# Run it with `make demo`, or by hand from the build directory:
#   NETROUTER=router/cli/netrouter NETROUTER_PLUGIN_PATH=$PWD/build-plugins.d \
#     sh examples/demo/demo.sh
# Everything it creates lives in one temporary directory, removed at the end.
set -eu

NETROUTER=${NETROUTER:-router/cli/netrouter}
MODEM_EMU=${MODEM_EMU:-tests/ras/modem-emu}
RASDIAL=${RASDIAL:-providers/ras/cli/rasdial}
NETROUTER_RASD=${NETROUTER_RASD:-$PWD/providers/ras/service/netrouterd}
NETROUTER_PLUGIN_HOST=${NETROUTER_PLUGIN_HOST:-$PWD/router/host/netrouter-plugin-host}
export NETROUTER_PLUGIN_HOST
SLIRP_SHIM=${SLIRP_SHIM:-$PWD/tests/ras/.libs/slirp-select-fix.so}
NETROUTER_PLUGIN_PATH=${NETROUTER_PLUGIN_PATH:-$PWD/build-plugins.d}
export NETROUTER_PLUGIN_PATH
unset NETROUTER_DEBUG 2>/dev/null || true

if [ ! -x "$NETROUTER" ]; then
    echo "demo: $NETROUTER not found; build it first (make)" >&2
    exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/netrouter-demo.XXXXXX")
# The demo's own connection service (netrouterd(8)), started on demand by
# the first dial at a socket in $tmp, and stopped (SIGTERM) at the end.
NETROUTER_RAS_SOCKET=$tmp/ras.sock
export NETROUTER_RASD NETROUTER_RAS_SOCKET
unset NETROUTER_RAS_ENGINE 2>/dev/null || true
stop_service() {
    if [ -s "$tmp/ras.sock.lock" ]; then
        kill -TERM "$(cat "$tmp/ras.sock.lock")" 2>/dev/null || true
        for i in $(seq 1 50); do kill -0 "$(cat "$tmp/ras.sock.lock")" 2>/dev/null || break; sleep 0.1; done
    fi
}
# What the demo is doing, for the one line that names a failure.
doing="starting"
trap 'rc=$?; stop_service; rm -rf "$tmp"
      [ "$rc" -eq 0 ] || echo "demo: FAILED (exit status $rc) while: $doing" >&2' EXIT
trap 'exit 130' INT TERM HUP

# The router's store and the symlink provider's record of its links.
NETROUTER_STATE_DIR=$tmp/state
export NETROUTER_STATE_DIR
mkdir -m 0700 "$tmp/state" "$tmp/share" "$tmp/mnt"
echo "a file on the 'remote' side" > "$tmp/share/readme.txt"
local=$tmp/mnt/data
remote=link:$tmp/share

say() { doing=$*; printf '\n== %s\n' "$*"; }
# stop_emu PID: gives the modem emulator 5 s to end by itself (slirp exits
# once the dialer has terminated the link), then stops its slirp and it.
stop_emu() {
    for i in $(seq 1 50); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$1" 2>/dev/null; then
        for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do kill "$child" 2>/dev/null; done
        kill "$1" 2>/dev/null
    fi
    wait "$1" 2>/dev/null || true
}
# wait_for_emu FILE PID LINE WHAT: waits up to 20 s (a loaded or
# sanitizer-built machine is slow) for the modem emulator PID to print a
# line matching LINE (grep -x) into FILE; fails saying WHAT otherwise.
wait_for_emu() {
    for i in $(seq 1 200); do
        grep -qx "$3" "$1" 2>/dev/null && return 0
        kill -0 "$2" 2>/dev/null || break
        sleep 0.1
    done
    echo "demo: the modem emulator $4" >&2
    exit 1
}
no_lock_left() {
    if ls "$tmp" | grep -q '^LCK\.\.'; then
        echo "demo: the modem's lock file was left behind" >&2
        exit 1
    fi
}
run() {
    doing="netrouter $*"
    printf '$ netrouter %s\n' "$*"
    "$NETROUTER" "$@"
}

say "The plugins registered by the manifests in $NETROUTER_PLUGIN_PATH:"
echo "   three providers (symlink, sshfs, ras) and two notifiers (log, hello)."
run plugins

say "Connect $local to $remote, remembering it (--persistent)."
echo "   Watch the notifiers: each prints a PRE line before the provider runs"
echo "   and a POST line after it, in reverse order (log as JSON, hello as text)."
run use --persistent "$local" "$remote"
echo "   $local is now a symlink: $(readlink "$local")"
cat "$local/readme.txt"

say "What is connected, and what is remembered:"
run list --connected
run list --remembered

say "Cancel it, without --forget: the link goes, the remembered entry stays."
run cancel "$local"
test ! -e "$local" && test ! -L "$local"
run list --remembered

say "Restore the remembered connections (as at logon)."
echo "   A restore calls the provider directly and sends NO notification:"
echo "   no PRE or POST line should appear below."
printf '$ netrouter restore\n'
"$NETROUTER" restore 2>"$tmp/restore.err" || { cat "$tmp/restore.err" >&2; exit 1; }
cat "$tmp/restore.err" >&2
if grep -q -e '"phase"' -e '^hello:' "$tmp/restore.err"; then
    echo "demo: a notifier spoke during restore" >&2
    exit 1
fi
echo "   (silence from the notifiers, as expected)"
test -L "$local"
run list --connected

say "Cancel again, this time with --forget: the link and the entry both go."
run cancel --forget "$local"
test ! -e "$local" && test ! -L "$local"
run list --remembered

say "A dial-up: the ras provider dials ras:Office through a modem."
echo "   The modem is an emulator on a pseudo-terminal; when it answers the dial"
echo "   with CONNECT it hands the line to slirp, a real PPP peer, running in a"
echo "   private network namespace. With -v the dial's states appear live,"
echo "   between the notifiers' PRE and POST lines."
why=
[ -x "$MODEM_EMU" ] || why="the modem emulator $MODEM_EMU is not built (make check builds it)"
[ -e "$SLIRP_SHIM" ] || why="the slirp shim $SLIRP_SHIM is not built"
command -v slirp >/dev/null 2>&1 || why="slirp is not installed (scripts/install-deps.sh)"
unshare -n true 2>/dev/null || why="unshare -n needs root here"
if [ -n "$why" ]; then
    echo "   Skipping the dial-up: $why."
    # As a test (make check) the dial-up is part of what is checked.
    [ -z "${NR_TEST_BUILDDIR:-}" ] || exit 1
else
    mkdir -p "$tmp/slirp-home" "$tmp/xdg/netrouter"
    "$MODEM_EMU" --answer connect \
        --exec "HOME='$tmp/slirp-home' LD_PRELOAD='$SLIRP_SHIM' exec unshare -n -- slirp ppp ppp_exit nozeros 'dns 10.0.2.3' 2>/dev/null" \
        > "$tmp/modem" &
    emu=$!
    wait_for_emu "$tmp/modem" "$emu" '.\+' "did not start (no device name in $tmp/modem)"
    printf '{"entries": [{"name": "Office", "device": "%s", "phone_number": "5551234", "flow_control": "none"}]}\n' \
        "$(head -n 1 "$tmp/modem")" > "$tmp/xdg/netrouter/phonebook.json"
    chmod 600 "$tmp/xdg/netrouter/phonebook.json"
    export XDG_CONFIG_HOME=$tmp/xdg NETROUTER_LOCK_DIR=$tmp
    run -v use - ras:Office
    echo "   That netrouter process has exited; the link is still up, owned by the"
    echo "   connection service netrouterd (started on demand, see netrouterd(8))."
    echo "   Any process of the same user sees it and can end it:"
    run list --connected
    printf '$ rasdial\n'
    "$RASDIAL"
    run cancel ras:Office
    stop_emu "$emu"
    no_lock_left
    echo "   Hung up, with the notifiers' PRE and POST around it; the port is free."

    say "The same from the shell with rasdial, now with CHAP: a wrong password first."
    echo "   This modem takes two calls; slirp asks for CHAP (user alice, password"
    echo "   s3cret). The first dial is refused with error 691 and releases the"
    echo "   port; the second one dials the same device at once and connects."
    mkdir -p "$tmp/chap-home"
    printf 'alice rasprov s3cret\n' > "$tmp/chap-home/.chap-secrets"
    chmod 600 "$tmp/chap-home/.chap-secrets"
    slirp="HOME='$tmp/chap-home' LD_PRELOAD='$SLIRP_SHIM' unshare -n -- slirp 'name rasprov' ppp +chap ppp_exit nozeros 'dns 10.0.2.3' 2>/dev/null"
    "$MODEM_EMU" --answer connect --calls 2 --exec "$slirp" > "$tmp/modem2" &
    emu=$!
    wait_for_emu "$tmp/modem2" "$emu" '.\+' "did not start (no device name in $tmp/modem2)"
    printf '{"entries": [{"name": "Office", "device": "%s", "phone_number": "5551234", "flow_control": "none"}]}\n' \
        "$(head -n 1 "$tmp/modem2")" > "$tmp/xdg/netrouter/phonebook.json"
    printf '$ rasdial Office alice wrong\n'
    rc=0
    "$RASDIAL" Office alice wrong 2>&1 || rc=$?
    echo "   (exit status $rc)"
    [ "$rc" -eq 1 ] || { echo "demo: rasdial with a wrong password did not fail" >&2; exit 1; }
    no_lock_left
    echo "   The port is free again: no lock file is left in $tmp."
    # (The emulator's own side of the first call ends when slirp exits; it
    # says "ready 2" once it takes commands again.)
    wait_for_emu "$tmp/modem2" "$emu" "ready 2" "is not ready for the second call"
    printf '$ rasdial Office alice s3cret\n'
    rc=0
    "$RASDIAL" Office alice s3cret > "$tmp/rasdial.out" 2>&1 || rc=$?
    cat "$tmp/rasdial.out"
    grep -q '^IP address: 10.0.2.15$' "$tmp/rasdial.out" && [ "$rc" -eq 0 ] ||
        { echo "demo: rasdial did not connect (exit status $rc)" >&2; exit 1; }
    echo "   rasdial has returned; from another shell:"
    printf '$ rasdial\n'
    "$RASDIAL"
    printf '$ rasdial Office /DISCONNECT\n'
    "$RASDIAL" Office /DISCONNECT
    stop_emu "$emu"
    no_lock_left
fi

say "A notifier with a bug, isolated: it crashes in its own process, not in netrouter's."
echo "   examples/notifier-crash dereferences NULL for a remote name with \"crash\" in"
echo "   it. Its manifest says \"isolation\": \"process\": the crash kills only its host"
echo "   process, the router names the plugin and the signal, and the operation goes on"
echo "   (\"on_failure\": \"continue\"); the next call starts a new host."
doing="the isolated notifier"
mkdir -m 0700 "$tmp/plugins-crash.d"
printf '{"manifest_version": 1, "name": "crashy", "kind": "notifier", "library": "%s", "order": 40,\n "isolation": "process", "on_failure": "continue"}\n' \
    "$PWD/examples/notifier-crash/.libs/nr-crash.so" > "$tmp/plugins-crash.d/crashy.json"
chmod 0644 "$tmp/plugins-crash.d/crashy.json"
printf '$ cat crashy.json\n'
cat "$tmp/plugins-crash.d/crashy.json"
mkdir -p "$tmp/share/crash-test"
printf '$ netrouter use %s %s\n' "$local" "$remote/crash-test"
NETROUTER_PLUGIN_PATH="$tmp/plugins-crash.d:$NETROUTER_PLUGIN_PATH" "$NETROUTER" use "$local" "$remote/crash-test"
test -L "$local" || { echo "demo: the connection did not survive the crashing notifier" >&2; exit 1; }
echo "   netrouter is still here, and the connection was made."
printf '$ netrouter cancel %s\n' "$local"
NETROUTER_PLUGIN_PATH="$tmp/plugins-crash.d:$NETROUTER_PLUGIN_PATH" "$NETROUTER" cancel "$local" 2>/dev/null

say "Scripts instead of C: the dispatcher notifier runs dispatcher.d around every add and cancel."
echo "   A pre-add script that exits non-zero vetoes the connection; its first"
echo "   line of standard error is the extended error."
doing="the dispatcher"
mkdir -m 0700 "$tmp/dispatcher.d" "$tmp/plugins-dispatcher.d"
cat > "$tmp/dispatcher.d/20-no-forbidden" <<'EOS'
#!/bin/sh
case "$1:$NETROUTER_REMOTE" in
pre-add:*forbidden*) echo "no links to forbidden places" >&2; exit 1 ;;
esac
EOS
chmod 0755 "$tmp/dispatcher.d/20-no-forbidden"
printf '{"manifest_version": 1, "name": "dispatcher", "kind": "notifier", "library": "%s", "order": 50,\n "config": {"directories": ["%s"]}}\n' \
    "$PWD/notifiers/dispatcher/.libs/nr-dispatcher.so" "$tmp/dispatcher.d" > "$tmp/plugins-dispatcher.d/dispatcher.json"
chmod 0644 "$tmp/plugins-dispatcher.d/dispatcher.json"
mkdir -p "$tmp/share/forbidden"
printf '$ cat dispatcher.d/20-no-forbidden\n'
cat "$tmp/dispatcher.d/20-no-forbidden"
rc=0
printf '$ netrouter use %s %s\n' "$local" "$remote/forbidden"
NETROUTER_PLUGIN_PATH="$tmp/plugins-dispatcher.d:$NETROUTER_PLUGIN_PATH" "$NETROUTER" use "$local" "$remote/forbidden" || rc=$?
echo "   (exit status $rc)"
if [ "$rc" -eq 0 ] || [ -e "$local" ] || [ -L "$local" ]; then
    echo "demo: the dispatcher script did not veto" >&2
    exit 1
fi

say "A network drive over SSH: the sshfs provider mounts a directory of a server."
echo "   An SSH server on 127.0.0.1 with its own host key; the mount is refused"
echo "   until that key is accepted, a file is written through it, and a"
echo "   remembered mount comes back with netrouter restore, silently."
why=
for t in bash sshfs fusermount3 ssh-keygen ssh-keyscan jq; do
    command -v "$t" >/dev/null 2>&1 || why="$t is not installed (scripts/install-deps.sh)"
done
[ -x /usr/sbin/sshd ] || why="sshd is not installed (openssh-server, scripts/install-deps.sh)"
if [ -n "$why" ]; then
    echo "   Skipping the SSH drive: $why."
    [ -z "${NR_TEST_BUILDDIR:-}" ] || exit 1
else
    doing="the SSH drive (examples/sshfs-demo.sh)"
    mkdir "$tmp/sshfs"
    NETROUTER=$NETROUTER bash "$(dirname "$0")/../sshfs-demo.sh" "$tmp/sshfs"
fi

say "Done; removing $tmp."
