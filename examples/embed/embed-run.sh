#!/bin/sh
# embed-run.sh - `make check` runs the embedding example against the plugins
# of the build tree and checks the outcome of each step it demonstrates.
set -eu

builddir=${NR_TEST_BUILDDIR:-$PWD}
out=$("$builddir/examples/embed/embed" -p "$builddir/build-plugins.d" 2>/dev/null)
printf '%s\n' "$out"

expect() {
    if ! printf '%s\n' "$out" | grep -q -e "$1"; then
        echo "embed-run: expected a line matching: $1" >&2
        exit 1
    fi
}
expect '^5 plugin(s) loaded:'          # log, hello, symlink, sshfs and ras
expect '^  sshfs  *provider order 200 '
expect '^  ras  *provider order 500 '
expect '^0 problem(s):'
expect 'nr_get_connection(.*): link:/'
expect '(provider symlink)$'
expect 'extended error from "symlink": 85: .* already exists'
expect 'nr_add_connection failed: 67 '
