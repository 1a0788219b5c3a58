#!/bin/sh
# One binary on every x86-64 CPU: a notebook whose outputs are recorded on this machine is
# checked under qemu-user as a Nehalem (x86-64-v2, no AVX) and a Haswell (AVX2 and FMA, no
# AVX-512) CPU. The binary must not die on an instruction those CPUs lack, the kernels must
# choose a path the CPU has (even when CHAINRULE_KERNEL asks for more), and every output must
# be bit for bit the one recorded here. Skipped, saying so, where qemu-user is not installed
# or the machine is not x86-64.
set -eu
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
if [ "$(uname -m)" != x86_64 ]; then echo "portable test: skipped (not x86-64)"; exit 0; fi
if ! command -v qemu-x86_64 >/dev/null 2>&1; then
  echo "portable test: skipped (no qemu-x86_64; Debian: apt-get install qemu-user)"; exit 0
fi
course=$(mktemp -d)
trap 'rm -rf "$course"' EXIT
mkdir "$course/notebooks"
# Products small enough for the direct loops and large enough for the blocked 8x16 kernel,
# with a transposed operand (a gradient), and a few steps of training.
cat > "$course/notebooks/kernels.md" <<'NOTEBOOK'
---
title: Kernels
---

```backprop
seed(1)
a = randn(3, 5)
b = randn(5, 4)
a @ b
```

```backprop
x = randn(40, 70)
y = randn(70, 50)
p = x @ y
sum(p * p), p[39][49], p[0][0]
```

```backprop
w = randn(70, 50)
loss = sum((x @ w) * (x @ w))
backward(loss)
sum(w.grad * w.grad), w.grad[69][49]
```
NOTEBOOK
cd "$course"
"$binary" update --quiet notebooks > /dev/null
# qemu warns about CPU features its emulator lacks; only a failure's own messages are shown.
emulate() {
  if ! qemu-x86_64 -cpu "$@" > "$course/out" 2>&1; then
    grep -v "TCG doesn't support" "$course/out" >&2
    echo "portable test: failed as a $1 CPU" >&2
    exit 1
  fi
}
for cpu in Nehalem Haswell; do
  emulate "$cpu" "$binary" check --quiet notebooks
  emulate "$cpu" -E CHAINRULE_KERNEL=avx512 "$binary" check --quiet notebooks
done
echo "portable test: ok (outputs recorded here are bit-identical under qemu as Nehalem and Haswell)"
