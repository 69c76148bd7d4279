#!/bin/sh
# demo.sh - a narrated tour of netrouter with the plugins of the build tree:
# the symlink provider connects link:/dir names, the log and hello notifiers
# print PRE and POST around every add and cancel, and a restore re-adds a
# remembered connection without any notification.
#
# Run it with `make demo`, or by hand from the build directory:
#   NETROUTER=router/cli/netrouter NETROUTER_PLUGIN_PATH=$PWD/build-plugins.d \
#     sh examples/demo/demo.sh
# Everything it creates lives in one temporary directory, removed at the end.
set -eu

NETROUTER=${NETROUTER:-router/cli/netrouter}
NETROUTER_PLUGIN_PATH=${NETROUTER_PLUGIN_PATH:-$PWD/build-plugins.d}
export NETROUTER_PLUGIN_PATH
unset NETROUTER_DEBUG 2>/dev/null || true

if [ ! -x "$NETROUTER" ]; then
    echo "demo: $NETROUTER not found; build it first (make)" >&2
    exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/netrouter-demo.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM HUP

# The router's store and the symlink provider's record of its links.
NETROUTER_STATE_DIR=$tmp/state
export NETROUTER_STATE_DIR
mkdir -m 0700 "$tmp/state" "$tmp/share" "$tmp/mnt"
echo "a file on the 'remote' side" > "$tmp/share/readme.txt"
local=$tmp/mnt/data
remote=link:$tmp/share

say() { printf '\n== %s\n' "$*"; }
run() {
    printf '$ netrouter %s\n' "$*"
    "$NETROUTER" "$@"
}

say "The plugins registered by the manifests in $NETROUTER_PLUGIN_PATH:"
echo "   a provider (symlink) and two notifiers (log, hello)."
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

say "Done; removing $tmp."
