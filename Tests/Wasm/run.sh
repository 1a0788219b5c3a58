#!/bin/sh
# The engine in WebAssembly computes the same bits as natively: builds the probe both ways
# (wasm/build.sh for the module; the wasm/EngineProbe package natively, in release, with the
# flag of the Makefile's release builds), runs it under node and natively on each instruction
# set of the C kernels this CPU has, and compares every line (each number as its 64-bit
# pattern). Then runs every shipped notebook and the test notebooks in the live module
# (Tests/Live/run.mjs) and holds them to what `chainrule run` prints, and prints the XOR
# training's time both ways, for information. Skipped, saying
# so, where node is missing or the Swift toolchain has no Embedded Swift for wasm32.
#
#   Tests/Wasm/run.sh [STEPS REPEAT]    (timing: default 2000 steps, best of 5)
set -eu
cd "$(dirname "$0")/../.."
steps=${1:-2000}
repeats=${2:-5}
if ! command -v node >/dev/null 2>&1; then echo "wasm test: skipped (no node)"; exit 0; fi
module=.build/wasm/engine-probe.wasm
status=0
wasm/build.sh "$module" || status=$?
if [ "$status" = 77 ]; then echo "wasm test: skipped (no Embedded Swift for wasm32 in this toolchain)"; exit 0; fi
if [ "$status" != 0 ]; then exit "$status"; fi
swift build -c release -Xswiftc -enforce-exclusivity=unchecked --package-path wasm/EngineProbe
native=wasm/EngineProbe/.build/release/engine-probe

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
node Tests/Wasm/run.mjs "$module" > "$out/wasm.txt"
failed=0
# The kernels' paths this CPU has, as CKernels chooses them (a path it lacks would fall back
# to the best it has).
kernels=baseline
if grep -qw avx2 /proc/cpuinfo 2>/dev/null && grep -qw fma /proc/cpuinfo; then
  kernels="$kernels avx2"
  if grep -qw avx512f /proc/cpuinfo; then kernels="$kernels avx512"; fi
fi
for kernel in $kernels; do
  CHAINRULE_KERNEL=$kernel "$native" > "$out/native-$kernel.txt"
  if diff -u --label "native ($kernel kernels)" --label webassembly "$out/native-$kernel.txt" "$out/wasm.txt"; then
    echo "wasm test: $(wc -l < "$out/wasm.txt") lines, the same bits as natively with the $kernel kernels"
  else
    failed=1
  fi
done
if [ "$failed" = 1 ]; then echo "wasm test: FAILED: the module's numbers differ from the native ones" >&2; exit 1; fi

# The interpreter and the drawing: every block of the shipped notebooks and of drawing.md
# (captions with math, numbering), each notebook's blocks in one interpreter as a notebook runs
# them, natively and in the module (LanguageProbe), what each displays and its code and output
# drawn as a page draws them.
for notebook in notebooks/*.md Tests/Wasm/drawing.md; do
  awk -v file="$notebook" '
    /^```backprop/ { inside = 1; print "==> " file ":" NR; next }
    inside && /^```/ { inside = 0; next }
    inside { print }' "$notebook" > "$out/blocks.txt"
  [ -s "$out/blocks.txt" ] || continue
  "$native" language < "$out/blocks.txt" > "$out/native-language.txt"
  node Tests/Wasm/run.mjs "$module" language < "$out/blocks.txt" > "$out/wasm-language.txt"
  if ! diff -u --label native --label webassembly "$out/native-language.txt" "$out/wasm-language.txt"; then
    echo "wasm test: FAILED: the interpreter in the module gives other output for $notebook" >&2
    exit 1
  fi
  blocks=$((${blocks:-0} + $(grep -c '^==> ' "$out/blocks.txt")))
done
echo "wasm test: ${blocks:-0} blocks of notebooks/ and drawing.md give the same output, drawn the same, in the module as natively"

# Whole notebooks in the live module, as a page runs them (Tests/Live/run.mjs), against
# `chainrule run`: the same stdout, stderr and exit status, for every shipped notebook and the
# test notebooks.
chainrule=${CHAINRULE:-.build/debug/chainrule}
[ -x "$chainrule" ] || swift build --product chainrule
count=0
for notebook in notebooks/*.md Tests/Browser/notebooks/*.md Tests/PipelineTests/Fixtures/syntax-errors.md \
    Tests/PipelineTests/Fixtures/site/*/notebook.md Tests/DocumentTests/Fixtures/xor.md; do
  native_status=0
  "$chainrule" run "$notebook" > "$out/native.out" 2> "$out/native.err" || native_status=$?
  live_status=0
  node Tests/Live/run.mjs "$notebook" --chainrule "$chainrule" --module "$(dirname "$module")/chainrule-live.wasm" \
    > "$out/live.out" 2> "$out/live.err" || live_status=$?
  if ! diff -u --label "chainrule run $notebook" --label "Tests/Live/run.mjs $notebook" "$out/native.out" "$out/live.out" \
      || ! diff -u --label "chainrule run $notebook (stderr)" --label "Tests/Live/run.mjs $notebook (stderr)" "$out/native.err" "$out/live.err" \
      || [ "$native_status" != "$live_status" ]; then
    echo "wasm test: FAILED: $notebook in the live module does not print what chainrule run prints (exit $live_status, natively $native_status)" >&2
    exit 1
  fi
  count=$((count + 1))
done
echo "wasm test: $count notebooks run in the live module print exactly what chainrule run prints"
"$native" time "$steps" "$repeats"
node Tests/Wasm/run.mjs "$module" time "$steps" "$repeats"
