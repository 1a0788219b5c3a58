"""The `check` rows of `make bench`: 100 generated notebooks of the shipped kind (prose, math,
scalar graphs, a small training run, tensors, figures), recorded once with `update`, then
checked on one core and on two."""
import os
import shutil
import subprocess
import tempfile
import time

TEMPLATE = """---
title: Generated {n}
description: A notebook of the shipped kind, for benchmarks.
order: {n}
---

# Notebook {n}

The chain rule on a circuit, with $f = (x + y) z$ and $\\frac{{\\partial f}}{{\\partial x}} = z$.

```backprop
x = -{a}
y = 5
z = -4
q = x + y
f = q * z
backward(f)
f, x.grad, y.grad, z.grad
graph(f)
```

A small network trained on XOR.

```backprop
X, Y = xor()
net = Sequential(Linear(2, 8), Tanh(), Linear(8, 1), Sigmoid(), seed: {n})
h = train(net, X, Y, loss: mse, optimizer: SGD(net, lr: 0.5, momentum: 0.9), epochs: 500)
h.loss[-1] < 0.05
plot(h.loss, title: "loss", ylog: true)
```

Gradient descent in one variable.

```backprop
fn loss(w) {{ (12 - 3 * w)^2 }}
w = {a}
for step in 0..<200 {{
  w = w - 0.01 * derivative(loss, w)
}}
w
```

Matrices and their gradients.

```backprop
W = [[0.1, 0.2], [0.3, 0.4]]
v = [1, {a}]
out = sum(sigmoid(W @ v))
backward(out)
W.grad
```
"""


def generate(folder, count=100):
    for n in range(count):
        with open(os.path.join(folder, f"n{n:03d}.md"), "w") as f:
            f.write(TEMPLATE.format(n=n, a=n % 7 + 1))


def timed(command, cwd):
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    out, err = process.communicate()
    if status != 0:
        raise RuntimeError(f"{command} failed: {out.decode()[-2000:]} {err.decode()[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def rows(binary, count=100):
    folder = tempfile.mkdtemp(prefix="chainrule-check-bench-")
    try:
        notebooks = os.path.join(folder, "notebooks")
        os.makedirs(notebooks)
        generate(notebooks, count)
        timed([binary, "update", "-q", "notebooks"], folder)
        one, memory_one = min(timed([binary, "check", "-q", "--jobs", "1", "notebooks"], folder) for _ in range(2))
        two, memory_two = min(timed([binary, "check", "-q", "--jobs", "2", "notebooks"], folder) for _ in range(2))
        fast, _ = timed([binary, "check", "-q", "--fast", "notebooks"], folder)
        return {"count": count, "one_core": one, "two_cores": two, "fast": fast,
                "peak_mib": max(memory_one, memory_two)}
    finally:
        shutil.rmtree(folder)
