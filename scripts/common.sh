# shellcheck shell=bash
# scripts/common.sh - shared by demo.sh and test.sh (sourced, not run).
#
# Functions report failure by their status and never rely on `set -e`
# (which bash ignores inside a function called from an `||` list).
#
# Provides: ROOT (the source tree), JOBS, log/die, bootstrap (install the
# dependencies and regenerate the build system) and configure_and_build DIR
# [CONFIGURE ARGS...] (an out-of-tree build in ROOT/DIR).

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JOBS=$(nproc 2>/dev/null || echo 2)

log() { printf '\n==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

bootstrap() {
    log "installing build dependencies (scripts/install-deps.sh)"
    bash "$ROOT/scripts/install-deps.sh" || die "could not install the dependencies"
    log "regenerating the build system (./autogen.sh)"
    (cd "$ROOT" && ./autogen.sh) || die "./autogen.sh failed"
}

# configure_and_build DIR [CONFIGURE ARGS...]
configure_and_build() {
    local dir=$ROOT/$1
    shift
    log "configuring in ${dir#"$ROOT"/} ${*:+($*)}"
    mkdir -p "$dir" || return 1
    (cd "$dir" && "$ROOT/configure" "$@") || { echo "configure failed; see $dir/config.log" >&2; return 1; }
    log "building in ${dir#"$ROOT"/} (make -j$JOBS)"
    make -C "$dir" -j"$JOBS" || return 1
}
