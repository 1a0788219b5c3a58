#!/bin/sh
# Runs each libFuzzer target for FUZZ_SECONDS (default 60), seeded with fuzz/seeds/TARGET
# (the shipped notebooks, their blocks and their math) and the corpus it grew before
# (fuzz/corpus/TARGET, git-ignored). Keeps going after a crash, saves every crashing input
# in fuzz/crashes/TARGET/, and ends with a table: target, inputs run, crashes, timeouts.
# Exit status 1 if anything crashed or hung. Usage: fuzz/run.sh SCRATCH [TARGET...]
set -u
scratch=${1:?usage: fuzz/run.sh SCRATCH [TARGET...]}
shift
targets=${*:-notebook language math}
seconds=${FUZZ_SECONDS:-60}
cd "$(dirname "$0")/.." || exit 1
summary=""
status=0
for target in $targets; do
    mkdir -p "fuzz/corpus/$target" "fuzz/crashes/$target"
    log="fuzz/crashes/$target.log"
    echo "fuzz-$target: $seconds s"
    # -fork=1 runs the target in a child that is restarted after a crash or a timeout, so one
    # finding does not end the run; -timeout catches hangs (the interpreter has a 50 ms budget).
    "$scratch/debug/fuzz-$target" "fuzz/corpus/$target" "fuzz/seeds/$target" \
        -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
        -artifact_prefix="fuzz/crashes/$target/" >"$log" 2>&1
    # Status lines read: "#RUNS: cov: ... oom/timeout/crash: O/T/C time: ..."
    last=$(grep -E '^#[0-9]+: ' "$log" | tail -n 1)
    runs=$(printf '%s' "$last" | sed -E 's/^#([0-9]+):.*/\1/')
    counts=$(printf '%s' "$last" | sed -E 's|.*oom/timeout/crash: ([0-9]+)/([0-9]+)/([0-9]+).*|\1 \2 \3|')
    set -- $counts
    ooms=${1:-?} timeouts=${2:-?} crashes=${3:-?}
    [ "$crashes" = 0 ] && [ "$timeouts" = 0 ] && [ "$ooms" = 0 ] || status=1
    summary="$summary$(printf '%-16s %12s %8s %9s %5s' "fuzz-$target" "${runs:-?}" "$crashes" "$timeouts" "$ooms")
"
done
printf '\n%-16s %12s %8s %9s %5s\n' target runs crashes timeouts ooms
printf '%s' "$summary"
[ $status = 0 ] || echo "crashing inputs are in fuzz/crashes/ (logs: fuzz/crashes/TARGET.log); each becomes a regression test"
exit $status
