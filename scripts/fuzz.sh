#!/usr/bin/env bash
# scripts/fuzz.sh - builds the libFuzzer targets of tests/fuzz with clang,
# ASan and UBSan in _build-fuzz (configured with --enable-fuzzing, apart
# from the gcc builds) and runs each for FUZZ_SECONDS seconds (default 30)
# from its committed seed corpus.  Fails on any crash, leak, timeout or
# broken assertion and prints the reproducer.  scripts/test.sh runs it; by
# hand:
#
#     bash scripts/fuzz.sh                                  # every target, 30 s each
#     FUZZ_SECONDS=600 bash scripts/fuzz.sh fuzz-ppp-link   # one target, 10 minutes
#
# It needs clang and libFuzzer (scripts/install-deps.sh installs them) and a
# generated build system (./autogen.sh; run here when configure is missing).
# See tests/fuzz/README.md for reproducing a crash and adding seeds.
set -euo pipefail
# shellcheck source=scripts/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

seconds=${FUZZ_SECONDS:-30}
[[ $seconds =~ ^[0-9]+$ ]] || die "FUZZ_SECONDS must be a number of seconds, not '$seconds'"
dir=$ROOT/_build-fuzz
targets=()
for t in "$@"; do
    t=${t#tests/fuzz/}
    targets+=("tests/fuzz/fuzz-${t#fuzz-}")
done

command -v clang >/dev/null 2>&1 ||
    die "clang is not installed (scripts/install-deps.sh installs clang and libclang-rt-dev)"
if [[ ! -x $ROOT/configure ]]; then
    log "regenerating the build system (./autogen.sh)"
    (cd "$ROOT" && ./autogen.sh) || die "./autogen.sh failed"
fi
if [[ ! -f $dir/Makefile || $ROOT/configure -nt $dir/config.status ]]; then
    log "configuring _build-fuzz (CC=clang --enable-fuzzing)"
    mkdir -p "$dir"
    (cd "$dir" && CC=clang "$ROOT/configure" -q --enable-fuzzing) ||
        die "configure failed; see $dir/config.log"
fi
log "building and running the fuzz targets, ${seconds}s each (make fuzz in _build-fuzz)"
make -C "$dir" -j"$JOBS" -s fuzz FUZZ_SECONDS="$seconds" ${targets[@]+FUZZ_TARGETS="${targets[*]}"}
