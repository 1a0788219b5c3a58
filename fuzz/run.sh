#!/bin/sh
# Runs each libFuzzer target for FUZZ_SECONDS (default 60), seeded with fuzz/seeds/TARGET
# (the shipped notebooks, their blocks and their math) and the corpus it grew before
# (fuzz/corpus/TARGET, git-ignored). After a crash, a hang or running out of memory it saves
# the input in fuzz/crashes/TARGET/ and starts the target again until the time is up. Ends
# with a table: target, inputs run, crashes, timeouts, out-of-memory. Exit status 1 if any.
# Usage: fuzz/run.sh BINARIES [TARGET...]   (BINARIES: the folder holding fuzz-TARGET)
set -u
binaries=${1:?usage: fuzz/run.sh BINARIES [TARGET...]}
shift
targets=${*:-notebook language math links}
seconds=${FUZZ_SECONDS:-60}
cd "$(dirname "$0")/.." || exit 1
summary=""
status=0
for target in $targets; do
    case $target in
        notebook) max_len=16384 ;;
        language) max_len=4096 ;;
        links) max_len=512 ;;
        *) max_len=2048 ;;
    esac
    mkdir -p "fuzz/corpus/$target" "fuzz/crashes/$target"
    echo "fuzz-$target: $seconds s"
    end=$(( $(date +%s) + seconds ))
    runs=0 crashes=0 timeouts=0 ooms=0 round=0
    while [ "$(date +%s)" -lt "$end" ]; do
        round=$((round + 1))
        log="fuzz/crashes/$target.$round.log"
        left=$(( end - $(date +%s) ))
        "$binaries/fuzz-$target" "fuzz/corpus/$target" "fuzz/seeds/$target" \
            -max_total_time="$left" -timeout=10 -rss_limit_mb=4096 -max_len="$max_len" \
            -print_final_stats=1 -artifact_prefix="fuzz/crashes/$target/" >"$log" 2>&1
        code=$?
        # Inputs run: the final statistics, or the last progress line before a crash.
        n=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$log" | tail -n 1)
        [ -n "$n" ] || n=$(sed -n 's/^#\([0-9][0-9]*\)[^0-9].*/\1/p' "$log" | tail -n 1)
        runs=$((runs + ${n:-0}))
        if grep -q 'ERROR: libFuzzer: timeout' "$log"; then timeouts=$((timeouts + 1))
        elif grep -q 'ERROR: libFuzzer: out-of-memory' "$log"; then ooms=$((ooms + 1))
        elif [ "$code" != 0 ]; then crashes=$((crashes + 1))
        else rm -f "$log"
        fi
        [ "$code" = 0 ] && break
    done
    [ $((crashes + timeouts + ooms)) = 0 ] || status=1
    summary="$summary$(printf '%-16s %12s %8s %9s %5s' "fuzz-$target" "$runs" "$crashes" "$timeouts" "$ooms")
"
done
printf '\n%-16s %12s %8s %9s %5s\n' target runs crashes timeouts ooms
printf '%s' "$summary"
[ $status = 0 ] || echo "the inputs are in fuzz/crashes/TARGET/ (logs: fuzz/crashes/TARGET.N.log); each becomes a regression test"
exit $status
