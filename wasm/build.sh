#!/bin/sh
# Builds the portable core (the engine, the language, the interpreter, what blocks display, and
# the live session) as Embedded Swift for WebAssembly, from the same sources as the native
# build, with the C kernels and shims compiled for wasm32, and links two modules:
#
#   wasm/build.sh [OUT]     (default .build/wasm/engine-probe.wasm)
#
# OUT is the probe (EngineProbe/Sources/engine-probe: the engine's bits, and blocks run and
# drawn, exported by Entry.swift), which Tests/Wasm/run.sh holds to the native build; chainrule-live.wasm beside it
# is the module live pages load (LiveEntry.swift over Sources/Live; docs/live.md).
#
# Needs a Swift toolchain that ships Embedded Swift for wasm32-unknown-none-wasm (6.3 does:
# its standard library under <resource dir>/embedded/wasm32-unknown-none-wasm, and wasm-ld
# beside swiftc), and wasi-libc and compiler-rt's builtins for wasm32, which it installs
# with apt when missing.
# OPT (default -Osize) is the optimisation level of the Swift code. See docs/wasm.md.
set -eu
cd "$(dirname "$0")/.."
out=${1:-.build/wasm/engine-probe.wasm}
work=$(dirname "$out")/objects
mkdir -p "$work"
OPT=${OPT:--Osize}

# The toolchain: swiftc, the clang and wasm-ld beside it, and its embedded standard library.
swiftc=$(command -v "${SWIFTC:-swiftc}") || { echo "wasm/build.sh: no swiftc on PATH" >&2; exit 1; }
bin=$(dirname "$(readlink -f "$swiftc")")
resource=$("$bin/swift" -print-target-info | sed -n 's/.*"runtimeResourcePath": "\(.*\)".*/\1/p')
embedded="$resource/embedded/wasm32-unknown-none-wasm"
# Without them it exits with 77, which Tests/Wasm/run.sh reports as a skip.
if [ ! -d "$embedded" ] || [ ! -d "$resource/embedded/Swift.swiftmodule" ] || [ ! -x "$bin/wasm-ld" ]; then
  echo "wasm/build.sh: this Swift toolchain ($bin) has no Embedded Swift for wasm32 or no wasm-ld;" >&2
  echo "  Swift 6.3 from swift.org has both" >&2
  exit 77
fi

# The C library, wasi-libc, and compiler-rt's builtins for wasm32 (128-bit multiplication,
# for one), as Debian packages them; installed with apt when missing. Elsewhere, set
# WASI_INCLUDE, WASI_LIB and BUILTINS to a wasi-sysroot's and compiler-rt's.
wasi_include=${WASI_INCLUDE:-/usr/include/wasm32-wasi}
wasi_lib=${WASI_LIB:-/usr/lib/wasm32-wasi}
find_builtins() {
  for candidate in ${BUILTINS:-} /usr/lib/llvm-*/lib/clang/*/lib/wasi/libclang_rt.builtins-wasm32.a; do
    if [ -f "$candidate" ]; then builtins=$candidate; return 0; fi
  done
  return 1
}
if [ ! -f "$wasi_lib/libc.a" ] || ! find_builtins; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "wasm/build.sh: installing wasi-libc and libclang-rt-dev-wasm32 with apt (the C library and builtins for WebAssembly)"
    sudo=$([ "$(id -u)" = 0 ] || echo sudo)
    $sudo apt-get update -o DPkg::Lock::Timeout=120 -qq
    $sudo apt-get install -y -o DPkg::Lock::Timeout=120 -qq wasi-libc libclang-rt-dev-wasm32 >/dev/null
    find_builtins || { echo "wasm/build.sh: no libclang_rt.builtins-wasm32.a after installing libclang-rt-dev-wasm32" >&2; exit 1; }
  else
    echo "wasm/build.sh: needs wasi-libc and compiler-rt's wasm32 builtins (Debian/Ubuntu:" >&2
    echo "  apt-get install wasi-libc libclang-rt-dev-wasm32; elsewhere set WASI_INCLUDE, WASI_LIB and BUILTINS)" >&2
    exit 1
  fi
fi

# The C kernels: kernels.c takes its portable path (plain C, fma() from wasi-libc, which is
# correctly rounded like the FMA instruction), so every element is the same chain of fused
# multiply-adds as natively.
"$bin/clang" --target=wasm32-unknown-wasi -nostdlibinc -isystem "$wasi_include" -O2 \
  -I Sources/CKernels/include -c Sources/CKernels/kernels.c -o "$work/kernels.o"
# printf's number formatting and the monotonic clock, as natively (Sources/CShims).
"$bin/clang" --target=wasm32-unknown-wasi -nostdlibinc -isystem "$wasi_include" -O2 \
  -I Sources/CShims/include -c Sources/CShims/CShims.c -o "$work/CShims.o"

# The engine, then the probe against it, as Embedded Swift: whole-module, no Foundation,
# the C library as the WASILibc module (wasm/module.modulemap).
swift_flags="-target wasm32-unknown-none-wasm -enable-experimental-feature Embedded -wmo $OPT
  -Xfrontend -disable-stack-protector -parse-as-library -I wasm -I $work
  -Xcc -isystem -Xcc $wasi_include"
# The portable core, each module after the ones it imports (Package.swift's order).
for module in Engine Diagnostics Digest Display TeXMath Language Runtime Drawing Live; do
  # shellcheck disable=SC2086
  "$swiftc" $swift_flags -module-name "$module" -emit-module -emit-module-path "$work/$module.swiftmodule" \
    -c -o "$work/$module.o" $(find "Sources/$module" -name '*.swift' | sort)
done
# shellcheck disable=SC2086
"$swiftc" $swift_flags -module-name EngineProbe -c -o "$work/EngineProbe.o" \
  wasm/EngineProbe/Sources/engine-probe/Probe.swift wasm/EngineProbe/Sources/engine-probe/LanguageProbe.swift wasm/Entry.swift

# Two modules, each a reactor (no main; JavaScript calls _initialize, then the exports): the
# probe, for Tests/Wasm/run.sh, and the live module pages load (docs/live.md).
core="$work/Drawing.o $work/Runtime.o $work/TeXMath.o $work/Language.o $work/Display.o $work/Digest.o $work/Diagnostics.o
  $work/Engine.o $work/kernels.o $work/CShims.o"
# shellcheck disable=SC2086
"$bin/wasm-ld" --no-entry --gc-sections --strip-debug -z stack-size=16777216 \
  --export=probe_run --export=probe_output --export=probe_train_xor \
  --export=probe_input --export=probe_language \
  "$wasi_lib/crt1-reactor.o" "$work/EngineProbe.o" $core \
  -L "$wasi_lib" -lc -L "$embedded" -lswiftUnicodeDataTables "$builtins" -o "$out"
echo "wasm/build.sh: $out ($(wc -c < "$out") bytes)"
# shellcheck disable=SC2086
"$swiftc" $swift_flags -module-name LiveEntry -c -o "$work/LiveEntry.o" wasm/LiveEntry.swift
live=$(dirname "$out")/chainrule-live.wasm
# shellcheck disable=SC2086
# Without names (--strip-all): a page ships it as base64, which must stay under 1.5 MB
# gzipped (docs/live.md); the probe keeps them, for the traces of a failing test.
"$bin/wasm-ld" --no-entry --gc-sections --strip-all -z stack-size=16777216 \
  --export=live_input --export=live_call --export=live_output \
  "$wasi_lib/crt1-reactor.o" "$work/LiveEntry.o" "$work/Live.o" $core \
  -L "$wasi_lib" -lc -L "$embedded" -lswiftUnicodeDataTables "$builtins" -o "$live"
echo "wasm/build.sh: $live ($(wc -c < "$live") bytes)"
