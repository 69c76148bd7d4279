#!/usr/bin/env bash
# scripts/valgrind-check.sh - runs the CUnit test programs of a build under
# valgrind, through the automake test harness (so AM_TESTS_ENVIRONMENT and
# the test logs work as in `make check`).
#
#     bash scripts/valgrind-check.sh [BUILD_DIR]     (default: _build)
#
# A test fails when valgrind finds a memory error or a definite leak
# (--error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite).
# Shell-script tests are left out: valgrind would only check bash.  The
# program list comes from `make print-check-programs` (the programs that are
# in both TESTS and check_PROGRAMS); without that target, from the
# executables named tests/test-* in the build directory.
# The results are in BUILD_DIR/test-suite-valgrind.log.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$ROOT/_build}
[[ $build == /* ]] || build=$PWD/$build
JOBS=$(nproc 2>/dev/null || echo 2)

command -v valgrind >/dev/null 2>&1 ||
    { echo "valgrind-check: valgrind is not installed (Debian package valgrind)" >&2; exit 1; }
[[ -x $build/libtool && -f $build/Makefile ]] ||
    { echo "valgrind-check: $build is not a configured build directory" >&2; exit 1; }

programs=$(make -s --no-print-directory -C "$build" print-check-programs 2>/dev/null | tr '\n' ' ' || true)
if [[ -z ${programs// /} ]]; then
    programs=
    for f in "$build"/tests/test-*; do
        [[ -f $f && -x $f ]] || continue
        programs+=" tests/${f##*/}"
    done
fi
if [[ -z ${programs// /} ]]; then
    echo "valgrind-check: no test programs found in $build" >&2
    exit 1
fi

vg="$build/libtool --mode=execute valgrind -q --error-exitcode=1 --leak-check=full"
vg+=" --errors-for-leak-kinds=definite --show-leak-kinds=definite --num-callers=30"
if [[ -f $ROOT/scripts/valgrind.supp ]]; then
    vg+=" --suppressions=$ROOT/scripts/valgrind.supp"
fi

read -r -a list <<<"$programs"
programs="${list[*]}"
echo "valgrind-check: ${#list[@]} programs: $programs"
status=0
make -C "$build" -j"$JOBS" check TESTS="$programs" LOG_COMPILER="$vg" \
    TEST_SUITE_LOG=test-suite-valgrind.log || status=$?
if ((status != 0)); then
    if [[ -f $build/test-suite-valgrind.log ]]; then
        echo "valgrind-check: FAILED; $build/test-suite-valgrind.log follows" >&2
        cat "$build/test-suite-valgrind.log" >&2
    else
        echo "valgrind-check: FAILED before any test ran (see the make output above)" >&2
    fi
fi
exit "$status"
