#!/usr/bin/env bash
# tests/fuzz/run.sh - runs libFuzzer targets for a while each, from their
# committed seed corpus, and fails on the first crash, leak, timeout or
# broken assertion, printing how to reproduce it.  `make fuzz` calls it
# (see tests/fuzz/README.md):
#
#     run.sh --seconds N --srcdir DIR --workdir DIR TARGET...
#
# For a target tests/fuzz/fuzz-NAME it uses
#   DIR/tests/fuzz/corpus/NAME/   the seeds (read only: nothing is added there)
#   DIR/tests/fuzz/dict/NAME.dict the dictionary, when there is one
#   WORKDIR/corpus-NAME/          what the run finds (kept for the next run)
#   WORKDIR/artifacts/            the reproducer of a failure
# Environment: FUZZ_JOBS (parallel libFuzzer workers per target, default 1),
# FUZZ_FLAGS (more libFuzzer flags, e.g. -only_ascii=1).
set -uo pipefail

seconds=30 srcdir=. workdir=$PWD/tests/fuzz
targets=()
while (($#)); do
    case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --srcdir) srcdir=$2; shift 2 ;;
    --workdir) workdir=$2; shift 2 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
    esac
done
((${#targets[@]})) || { echo "run.sh: no target given" >&2; exit 2; }
[[ $seconds =~ ^[0-9]+$ ]] || { echo "run.sh: --seconds wants a number, not '$seconds'" >&2; exit 2; }
srcdir=$(cd "$srcdir" && pwd)
mkdir -p "$workdir/artifacts" || exit 1

# Symbolized reports; UBSan findings are fatal (-fno-sanitize-recover) and
# print their stack; leaks are checked after every input.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
if [[ -z ${ASAN_SYMBOLIZER_PATH:-} ]] && ! command -v llvm-symbolizer >/dev/null 2>&1; then
    for s in /usr/lib/llvm-*/bin/llvm-symbolizer; do
        [[ -x $s ]] && export ASAN_SYMBOLIZER_PATH=$s
    done
fi

summary=()
failed=0
for t in "${targets[@]}"; do
    name=$(basename "$t")
    name=${name#fuzz-}
    seeds=$srcdir/tests/fuzz/corpus/$name
    dict=$srcdir/tests/fuzz/dict/$name.dict
    work=$workdir/corpus-$name
    log=$workdir/fuzz-$name.log
    [[ -x $t ]] || { echo "run.sh: $t is not built" >&2; failed=1; continue; }
    [[ -d $seeds ]] || { echo "run.sh: no seed corpus $seeds" >&2; failed=1; continue; }
    mkdir -p "$work"
    rm -f "$workdir/artifacts/$name-"*
    flags=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192
           -print_final_stats=1 -artifact_prefix="$workdir/artifacts/$name-")
    [[ -f $dict ]] && flags+=(-dict="$dict")
    if [[ ${FUZZ_JOBS:-1} -gt 1 ]]; then
        flags+=(-fork="$FUZZ_JOBS" -ignore_crashes=0)
    fi
    # shellcheck disable=SC2206
    extra=(${FUZZ_FLAGS:-})
    printf '\n==> fuzz-%s for %ss (seeds %s, %s seed files)\n' "$name" "$seconds" \
        "${seeds#"$srcdir"/}" "$(find "$seeds" -type f | wc -l)"
    "$t" "${flags[@]}" "${extra[@]}" "$work" "$seeds" >"$log" 2>&1
    rc=$?
    # libFuzzer's last status line: "#N DONE cov: C ft: F corp: K/S ..." and its stats
    done_line=$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -n 1)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$done_line")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$done_line")
    corp=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$done_line")
    line="fuzz-$name: ${execs:-?} inputs (${rate:-?}/s), coverage ${cov:-?} edges, ${ft:-?} features, corpus ${corp:-?}"
    if ((rc == 0)); then
        echo "$line"
        summary+=("ok      $line")
        continue
    fi
    failed=1
    summary+=("FAILED  fuzz-$name (exit $rc)")
    echo "---- fuzz-$name FAILED (exit $rc); the end of its log ($log):" >&2
    tail -n 80 "$log" >&2
    for a in "$workdir/artifacts/$name-"*; do
        [[ -f $a ]] || continue
        echo "---- reproducer $a ($(wc -c <"$a") octets); run it again with:" >&2
        echo "     $t $a" >&2
        echo "---- its octets (od -c; also kept as base64 above when small):" >&2
        od -A d -c "$a" | head -n 40 >&2
    done
done

printf '\n==> fuzz summary\n'
printf '  %s\n' "${summary[@]}"
exit "$failed"
