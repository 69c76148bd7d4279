#!/usr/bin/env bash
# scripts/test.sh - installs the dependencies, builds netrouter and runs the
# whole test suite:
#
#   1. build in _build and `make check` (with LD_BIND_NOW=1, so a plugin with
#      an unresolved symbol fails at load time, not in the middle of a test)
#   2. the benchmarks once in quick mode (figures only, never a failure
#      unless a benchmark program itself fails)
#   3. the CUnit test programs under valgrind (scripts/valgrind-check.sh)
#   4. a second build in _build-asan with --enable-sanitizers (ASan + UBSan)
#      and `make check` there
#   5. the libFuzzer targets of tests/fuzz, built with clang (ASan + UBSan)
#      in _build-fuzz, each run FUZZ_SECONDS (default 30) from its seed
#      corpus: any crash, leak or timeout fails (scripts/fuzz.sh)
#   6. `make distcheck` (the release tarball builds and passes its tests)
#   7. the man pages through groff's warnings, when groff is installed
#
#     bash scripts/test.sh
#
# Every step runs even when an earlier one failed (except after a failed
# build); the failed steps' test-suite.log files are printed and the script
# exits 1.  About 10 to 15 minutes on two cores.
set -euo pipefail
# shellcheck source=scripts/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
exec </dev/null

export LD_BIND_NOW=1
results=()
failed=0
t_start=$SECONDS

# step NAME COMMAND... - runs one step, records its result and duration.
step() {
    local name=$1 t0=$SECONDS rc=0
    shift
    log "$name"
    "$@" || rc=$?
    if ((rc == 0)); then
        results+=("ok      $name ($((SECONDS - t0))s)")
    else
        results+=("FAILED  $name ($((SECONDS - t0))s, exit $rc)")
        failed=1
    fi
    return 0
}

# show_logs FILE... - prints the given test-suite logs (those that exist).
show_logs() {
    local f found=0
    for f in "$@"; do
        [[ -f $f ]] || continue
        found=1
        printf '\n----- %s -----\n' "$f" >&2
        cat "$f" >&2
    done
    ((found)) || echo "(no test-suite.log: the failure happened before the tests ran)" >&2
}

# The logs of the tests that failed, whose ends the summary repeats (a CI
# page may show only the start and the end of this script's output).
failed_logs=()

check_in() {
    local dir=$ROOT/$1 t
    rm -f "$dir/test-suite.log"
    if ! make -C "$dir" -j"$JOBS" check; then
        show_logs "$dir/test-suite.log"
        if [[ -f $dir/test-suite.log ]]; then
            while read -r t; do
                failed_logs+=("$dir/$t.log")
            done < <(sed -n 's/^\(FAIL\|ERROR\): \(.*\)$/\2/p' "$dir/test-suite.log" | sort -u)
        fi
        return 1
    fi
}

build_and_check_asan() {
    configure_and_build _build-asan --enable-sanitizers || return 1
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0} \
        UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} check_in _build-asan
}

distcheck() {
    if ! make -C "$ROOT/_build" -j"$JOBS" distcheck; then
        # distcheck builds in _build/netrouter-VERSION/_build/sub and keeps
        # it when something failed.
        local logs
        mapfile -t logs < <(find "$ROOT"/_build/netrouter-* -name 'test-suite.log' 2>/dev/null)
        show_logs "${logs[@]}"
        return 1
    fi
}

bench_quick() {
    make -C "$ROOT/_build" -s bench BENCH_FLAGS=--quick
}

man_lint() {
    if ! command -v groff >/dev/null 2>&1; then
        echo "groff is not installed (scripts/install-deps.sh installs groff-base)" >&2
        return 1
    fi
    make -C "$ROOT/_build" -s check-man
}

bootstrap
configure_and_build _build || die "the build failed"

step "make check (LD_BIND_NOW=1)" check_in _build
step "benchmarks, quick mode (figures only)" bench_quick
step "test programs under valgrind" bash "$ROOT/scripts/valgrind-check.sh" "$ROOT/_build"
step "sanitizer build and make check (_build-asan)" build_and_check_asan
step "fuzz targets, ${FUZZ_SECONDS:-30}s each (scripts/fuzz.sh, _build-fuzz)" bash "$ROOT/scripts/fuzz.sh"
step "make distcheck" distcheck
step "man pages (groff -ww)" man_lint

log "summary ($((SECONDS - t_start))s)"
printf '  %s\n' "${results[@]}"
for f in "${failed_logs[@]}"; do
    [[ -f $f ]] || continue
    printf '\n  ----- the end of %s -----\n' "${f#"$ROOT"/}"
    tail -n 30 "$f" | sed 's/^/  | /'
done
if ((failed)); then
    echo "test.sh: FAILED" >&2
    exit 1
fi
echo "test.sh: all steps passed"
