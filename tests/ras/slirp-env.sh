# tests/ras/slirp-env.sh - sourced by the shell tests that dial the modem
# emulator (tests/ras/rasdial.test, examples/ras-callbacks/ras-callbacks.test):
# starts tests/ras/modem-emu, optionally handing the line to Debian's slirp
# as the far-side PPP peer, and writes a phonebook for it.  It owns only
# this start-up code; the caller owns its checks.
#
# The caller sets B (the build tree), T (a private temporary directory, also
# the UUCP lock directory) and traps EXIT to call emu_stop and remove T.
# slirp setup (see docs/research/slirp-ppp-peer.md): its own HOME with the
# secrets, "name" before "ppp", +pap/+chap after it, the select() shim
# preloaded, ppp_exit and nozeros, and a private network namespace so no
# traffic can leave.  A missing tool is a hard error (exit 99), never a skip.

: "${B:?slirp-env.sh: B is not set}" "${T:?slirp-env.sh: T is not set}"
EMU=
SLIRP_SHIM="$B/tests/ras/.libs/slirp-select-fix.so"
SLIRP_ENV_NAME=${SLIRP_ENV_NAME:-$(basename "$0")}

# slirp_env_require: slirp, unshare and the shim must exist (else exit 99).
slirp_env_require() {
    for tool in /usr/bin/slirp /usr/bin/unshare "$SLIRP_SHIM"; do
        [ -e "$tool" ] || { echo "$SLIRP_ENV_NAME: $tool is missing (scripts/install-deps.sh installs slirp)" >&2; exit 99; }
    done
}

# kill_tree PID: PID and its descendants, by id (the emulator waits for its
# --exec child with SIGTERM blocked, so the child must go first).
kill_tree() {
    for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do kill_tree "$child"; done
    kill "$1" 2>/dev/null
}

emu_stop() {
    [ -n "$EMU" ] && { kill_tree "$EMU"; wait "$EMU" 2>/dev/null; }
    EMU=
}

# emu_launch ARGS...: a fresh emulator with ARGS; sets EMU (pid) and dev (its
# pty).  Each run writes a fresh output file: no stale path is ever read.
emu_launch() {
    emu_stop
    nemu=$((${nemu:-0} + 1))
    "$B/tests/ras/modem-emu" "$@" > "$T/emu.$nemu.out" &
    EMU=$!
    for i in $(seq 1 50); do [ -s "$T/emu.$nemu.out" ] && break; sleep 0.1; done
    dev=$(head -n 1 "$T/emu.$nemu.out")
    [ -n "$dev" ] || { echo "$SLIRP_ENV_NAME: the emulator did not start" >&2; exit 99; }
}

# emu_ready CALL: waits up to 20 s until the emulator (--calls) is back in
# command mode for call CALL (2, 3, ...), after the previous call's slirp
# exited; a dial sent before that would reach the old call, not the modem.
emu_ready() {
    for i in $(seq 1 200); do
        grep -qx "ready $1" "$T/emu.$nemu.out" && return 0
        kill -0 "$EMU" 2>/dev/null || break
        sleep 0.1
    done
    echo "$SLIRP_ENV_NAME: the emulator is not ready for call $1" >&2
    exit 99
}

# write_book NAME TIMEOUTS: a one-entry phonebook $T/book.json for $dev.
write_book() {
    cat > "$T/book.json" <<EOB
{"entries": [{"name": "$1", "device": "$dev", "phone_number": "5551234", "flow_control": "none",
              "timeouts": {$2}}]}
EOB
    chmod 600 "$T/book.json"
}

# slirp_command AUTH [exec]: the shell command running one slirp on standard
# input and output; AUTH is "", +pap or +chap (user alice, password s3cret).
# It hands out DNS 10.0.2.3, and $SLIRP_DNS2 as secondary when set.
slirp_command() {
    nslirp=$((${nslirp:-0} + 1))
    h="$T/home.$nslirp"
    mkdir -p "$h"
    printf 'alice * s3cret\n' > "$h/.pap-secrets"
    printf 'alice rasprov s3cret\n' > "$h/.chap-secrets"
    chmod 600 "$h/.pap-secrets" "$h/.chap-secrets"
    if [ -n "${1:-}" ]; then opts="'name rasprov' ppp $1"; else opts="ppp"; fi
    echo "HOME='$h' LD_PRELOAD='$SLIRP_SHIM' ${2:+$2 }unshare -n -- slirp $opts ppp_exit nozeros 'dns 10.0.2.3'${SLIRP_DNS2:+ 'dns $SLIRP_DNS2'} 2>/dev/null"
}

# start_slirp_emu [AUTH [CALLS]]: the emulator answers the dial and hands the
# line to slirp; with CALLS > 1, when slirp exits (it does after a rejected
# password, docs/research/slirp-ppp-peer.md section 4, item 10) a fresh slirp
# takes the same line, up to CALLS times: a server that keeps the call up and
# lets the client negotiate PPP again.  Phonebook entry "Slirp".
start_slirp_emu() {
    calls=${2:-1}
    if [ "$calls" -le 1 ]; then
        cmd=$(slirp_command "${1:-}" exec)
    else
        cmd=
        for i in $(seq 1 "$calls"); do cmd="$cmd$(slirp_command "${1:-}"); "; done
    fi
    emu_launch --answer connect --exec "$cmd"
    write_book Slirp '"command_ms": 1000, "connect_ms": 5000, "ppp_ms": 15000'
}
